// A tiny real action for the harness test: uses @actions/core like every bundle does.
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';

if (core.getState('phase') === 'main-done') {
  core.info(`post sees state ${core.getState('phase')} and env SHIPKIT_ECHO=${process.env.SHIPKIT_ECHO}`);
  await core.summary.addRaw(`post of ${core.getState('message')}\n`).write();
} else {
  const message = core.getInput('message', { required: true });
  const token = core.getInput('token');
  if (token) core.setSecret(token);
  core.saveState('phase', 'main-done');
  core.saveState('message', message);
  core.setOutput('echoed', message);
  core.setOutput('multiline', `${message}\nsecond line`);
  core.setOutput('spaced', core.getInput('with space'));
  core.setOutput('event-ref', JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8')).ref ?? '');
  core.setOutput('context', JSON.stringify({ ref: process.env.GITHUB_REF, sha: process.env.GITHUB_SHA, repository: process.env.GITHUB_REPOSITORY, workspace: process.env.GITHUB_WORKSPACE, temp: process.env.RUNNER_TEMP, cwd: process.cwd() }));
  core.exportVariable('SHIPKIT_ECHO', message);
  core.addPath('/opt/echo/bin');
  core.warning('a warning');
  await core.summary.addHeading('Echo').addRaw(message).write();
  if (core.getBooleanInput('fail')) core.setFailed(`failing on purpose with ${message}`);
}
