#!/usr/bin/env node
// Writes test/fixtures/events/*.json from real webhook payloads (@octokit/webhooks-examples),
// adjusted to the refs the pipelines react to. Each file holds { name, ref, sha, payload }.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'));
const byName = (name) => examples.find((entry) => entry.name === name).examples;
const clone = (value) => JSON.parse(JSON.stringify(value));

const REPOSITORY = 'acme/shop';
const SHA = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';

function adaptRepository(payload) {
  payload.repository.full_name = REPOSITORY;
  payload.repository.name = 'shop';
  payload.repository.owner.login = 'acme';
  payload.repository.default_branch = 'main';
  if ('master_branch' in payload.repository) payload.repository.master_branch = 'main';
  payload.repository.html_url = `https://github.com/${REPOSITORY}`;
  return payload;
}

function push(ref) {
  const base = clone(byName('push').find((example) => example.head_commit && example.ref === 'refs/heads/master') ?? byName('push')[0]);
  base.ref = ref;
  base.after = SHA;
  base.base_ref = null;
  if (base.head_commit) base.head_commit.id = SHA;
  return { name: 'push', ref, sha: SHA, payload: adaptRepository(base) };
}

function pullRequest() {
  const base = clone(byName('pull_request').find((example) => example.action === 'opened'));
  base.pull_request.base.ref = 'main';
  base.pull_request.head.ref = 'feature/login-form';
  base.pull_request.head.sha = SHA;
  adaptRepository(base);
  return { name: 'pull_request', ref: `refs/pull/${base.number}/merge`, sha: SHA, payload: base };
}

function workflowDispatch() {
  const base = clone(byName('workflow_dispatch')[0]);
  base.ref = 'refs/heads/main';
  base.inputs = { environment: 'production', to: 'previous', reason: 'checkout errors after v1.0.1' };
  return { name: 'workflow_dispatch', ref: 'refs/heads/main', sha: SHA, payload: adaptRepository(base) };
}

const fixtures = {
  'push-develop': push('refs/heads/develop'),
  'push-main': push('refs/heads/main'),
  'tag-v1.2.3': push('refs/tags/v1.2.3'),
  'tag-prerelease': push('refs/tags/v2.0.0-rc.1'),
  'pull-request': pullRequest(),
  'workflow-dispatch': workflowDispatch(),
};

const dir = path.join(root, 'test', 'fixtures', 'events');
mkdirSync(dir, { recursive: true });
for (const [name, fixture] of Object.entries(fixtures)) {
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
}
console.log(`wrote ${Object.keys(fixtures).length} event fixtures to ${path.relative(root, dir)}`);
