/**
 * dist/ as a user gets it, away from this repository's own package.json: the actions' metadata and
 * dist/ copied into a project whose package.json says CommonJS (or says nothing), as a vendored copy
 * or a partial checkout would have them. Every entry (dist/<action>/index.js, post.js) must still load
 * as the ES module it is, without a module-type warning in the step's log.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../harness/index.js';
import { tempDir } from '../services/index.js';

/** Every action's folder under dist/ (the bundle is not an action). */
const ACTIONS = readdirSync(path.join(ROOT, 'dist'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'bundle').map((entry) => entry.name);

// Every entry in the CommonJS project (each must load at all); one in the typeless project (whose
// node would reparse it, with a warning in the step's log, were dist/ not saying it is ESM).
describe.each([
  ['a CommonJS project', '{ "name": "caller", "type": "commonjs" }\n', ACTIONS],
  ['a project whose package.json names no type', '{ "name": "caller" }\n', ['deploy-env']],
])('actions/ and dist/ copied into %s', (_name, packageJson, actions) => {
  test('the action entries and post entries load, with no warning', () => {
    const project = path.join(tempDir('dist-layout'), 'caller');
    mkdirSync(project, { recursive: true });
    writeFileSync(path.join(project, 'package.json'), packageJson);
    for (const dir of ['actions', 'dist']) cpSync(path.join(ROOT, dir), path.join(project, dir), { recursive: true });
    expect(ACTIONS.length).toBeGreaterThanOrEqual(9);
    const problems: string[] = [];
    for (const name of actions) {
      const entries: Array<[string, Record<string, string>, string]> = [['index.js', { SHIPKIT_LOAD_CHECK: '1' }, 'shipkit bundle loaded']];
      if (existsSync(path.join(project, 'dist', name, 'post.js'))) entries.push(['post.js', { SHIPKIT_LOAD_CHECK: '1', STATE_post: 'pending' }, 'shipkit bundle loaded']);
      for (const [entry, env, expected] of entries) {
        const ran = spawnSync(process.execPath, [path.join('dist', name, entry)], { cwd: project, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
        const out = `${ran.stdout}${ran.stderr}`;
        if (ran.status !== 0 || out.trim() !== expected) problems.push(`dist/${name}/${entry}: exit ${ran.status}: ${out.trim().split('\n').slice(0, 3).join(' | ')}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
