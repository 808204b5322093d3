/**
 * The actions that move many files (deploy-env, rollback; cdn-publish only for a large source-dir)
 * replace themselves once, before loading their code, with a small young generation and two malloc arenas; the others start
 * as the runner started them. Through the committed bundles, as the runner runs them: a preload
 * records each process start (pid, node flags, MALLOC_ARENA_MAX). The re-execution happens before
 * any input is read, so the runs need none (they fail afterwards for lack of them). deploy-env has a
 * post step: a process of its own, re-executed the same way when it loads the bundle.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runAction } from '../../../test/harness/index.js';
import { tempDir } from '../../../test/services/index.js';
import { COMPILE_CACHE_DIR, MALLOC_ARENAS, YOUNG_GENERATION_FLAGS } from '../src/index.js';

type Start = { pid: string; flags: string[]; arenas: string };

/** The starts of each process the runner started for the action (main, post), in order. */
async function starts(action: string, env: Record<string, string> = {}): Promise<Start[][]> {
  const dir = tempDir('respawn');
  const seen = path.join(dir, 'seen.txt');
  const preload = path.join(dir, 'seen.cjs');
  writeFileSync(preload, `require('node:fs').appendFileSync(${JSON.stringify(seen)}, JSON.stringify({ pid: String(process.pid), flags: process.execArgv, arenas: process.env.MALLOC_ARENA_MAX ?? '-' }) + '\\n');\n`);
  // These main steps fail at once (no inputs) and tell their post step it is idle, so post.js would end
  // without loading the bundle: the post step is run as after a main step killed before it said so
  // (its "post" state dropped), which loads the bundle like a post step with work.
  await runAction(action, { env: { NODE_OPTIONS: `--require ${preload}`, ...env }, workspace: dir, dropState: ['post'] });
  const byPid = new Map<string, Start[]>();
  for (const line of readFileSync(seen, 'utf8').trim().split('\n')) {
    const start = JSON.parse(line) as Start;
    byPid.set(start.pid, [...(byPid.get(start.pid) ?? []), start]);
  }
  return [...byPid.values()];
}

describe('respawnWithFlags through the bundles', () => {
  test.each(['deploy-env', 'rollback'])('%s re-executes itself once (same pid) with the young-generation flag and two malloc arenas', async (action) => {
    const processes = await starts(action);
    expect(processes).toHaveLength(2);
    for (const [started, replaced, ...more] of processes) {
      expect(more).toEqual([]);
      expect(started).toMatchObject({ arenas: '-' });
      expect(started.flags).not.toEqual(expect.arrayContaining(YOUNG_GENERATION_FLAGS));
      expect(replaced).toMatchObject({ arenas: MALLOC_ARENAS });
      expect(replaced.flags).toEqual(expect.arrayContaining(YOUNG_GENERATION_FLAGS));
    }
  });

  test.each([
    ['deploy-env', { SHIPKIT_NO_RESPAWN: '1' }, '-'],
    ['rollback', { MALLOC_ARENA_MAX: '8' }, '8'],
    ['smoke-test', {}, '-'],
    // cdn-publish re-executes only for a large source-dir (packages/cdn-publish/test/startup.test.ts): here it has none.
    ['cdn-publish', {}, '-'],
  ])('%s with %j: re-executed as configured, MALLOC_ARENA_MAX %s', async (action, env, arenas) => {
    const processes = await starts(action, env);
    const respawned = !('SHIPKIT_NO_RESPAWN' in env) && action !== 'smoke-test' && action !== 'cdn-publish';
    for (const started of processes) {
      expect(started).toHaveLength(respawned ? 2 : 1);
      // A value the environment sets is kept.
      expect(started.at(-1)).toMatchObject({ arenas });
    }
  });

  test.each(['deploy-env', 'rollback'])('%s keeps its compile cache in RUNNER_TEMP (its post step and later steps of the job skip compiling the bundle)', async (action) => {
    const runnerRoot = tempDir('respawn-runner');
    await runAction(action, { env: { NODE_COMPILE_CACHE: undefined }, workspace: tempDir('respawn-cache'), runnerRoot });
    const cache = path.join(runnerRoot, 'temp', COMPILE_CACHE_DIR);
    const entries = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? entries(path.join(dir, entry.name)) : [entry.name]));
    expect(entries(cache).length).toBeGreaterThanOrEqual(2);
  });
});
