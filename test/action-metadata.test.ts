/** Every action's public metadata is complete: what users read in the Marketplace and in `uses:`. */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ROOT } from './harness/index.js';
import { POST_IDLE, POST_STATE } from '../packages/core/src/action.js';

import { ACTIONS, POST_GATED_ACTIONS } from '../scripts/actions.mjs';

interface Metadata {
  name?: string;
  description?: string;
  branding?: { icon?: string; color?: string };
  inputs?: Record<string, { description?: string; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

describe.each(ACTIONS)('actions/%s/action.yml', (name) => {
  const dir = path.join(ROOT, 'actions', name);
  const metadata = YAML.parse(readFileSync(path.join(dir, 'action.yml'), 'utf8')) as Metadata;

  test('has a name, a description and branding', () => {
    expect(metadata.name).toMatch(/\S/);
    expect(metadata.description).toMatch(/\S/);
    expect(metadata.branding?.icon).toMatch(/\S/);
    expect(metadata.branding?.color).toMatch(/\S/);
  });

  test('every input has a description and a default; every output a description', () => {
    expect(Object.keys(metadata.inputs ?? {}).length).toBeGreaterThan(0);
    for (const [input, spec] of Object.entries(metadata.inputs ?? {})) {
      expect({ input, description: typeof spec.description === 'string' && spec.description.length > 0, hasDefault: spec.default !== undefined }).toEqual({ input, description: true, hasDefault: true });
    }
    expect(Object.keys(metadata.outputs ?? {}).length).toBeGreaterThan(0);
    for (const [output, spec] of Object.entries(metadata.outputs ?? {})) expect({ output, description: !!spec.description }).toEqual({ output, description: true });
  });

  test('runs the committed bundle on node24 (post, when declared, is its own entry into the same bundle)', () => {
    expect(metadata.runs.using).toBe('node24');
    expect(metadata.runs.main).toBe(`../../dist/${name}/index.js`);
    expect(existsSync(path.resolve(dir, metadata.runs.main))).toBe(true);
    if (metadata.runs.post) {
      // post.js imports index.js (the bundle tells the post step by its entry file, never by saved state)
      // unless the main step's state POST_STATE says POST_IDLE (packages/core/src/action.ts setPostPending).
      expect(metadata.runs.post).toBe(`../../dist/${name}/post.js`);
      const lines = readFileSync(path.resolve(dir, metadata.runs.post), 'utf8').split('\n').filter((line) => line && !line.startsWith('//'));
      // Only the actions whose main step says so (setPostPending) read the state: another action's post.js
      // would see a STATE_post the workflow's env set (the runner lays env under the state), and skip its work.
      if (POST_GATED_ACTIONS.includes(name)) expect(lines).toEqual([`if (process.env.STATE_${POST_STATE} === '${POST_IDLE}') console.log('Nothing left to finish: the main step ended what it started.');`, "else await import('./index.js');"]);
      else expect(lines).toEqual(["await import('./index.js');"]);
      // The list (scripts/actions.mjs) names exactly the actions whose main step writes the state.
      const source = readdirSync(path.join(ROOT, 'packages', name, 'src')).map((file) => readFileSync(path.join(ROOT, 'packages', name, 'src', file), 'utf8')).join('\n');
      expect({ name, writesPostState: source.includes('setPostPending(') }).toEqual({ name, writesPostState: POST_GATED_ACTIONS.includes(name) });
      expect(metadata.runs['post-if']).toBe('always()');
    }
  });
});
