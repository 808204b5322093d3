/**
 * Start-up settings an action applies before it loads its code, without a second process where it
 * can (imports only Node's own modules, like the rest of this package).
 *
 * - **Young generation bounded at run time.** `--max-semi-space-size` is read only when the heap is
 *   created, hence `respawnWithFlags` (a second Node start). The growth factor is read each time the
 *   young generation would grow, so setting it to 1 at run time stops the young generation where it
 *   is. Stopping it at its initial size (1 MB) costs time: with thousands of requests in flight every
 *   scavenge promotes live objects, and measured on a 2,000-file first publish the collector took
 *   1.05 s of 6.8 s (0.38 s unbounded). So it is let grow to YOUNG_GENERATION_RUNTIME_SEMI_SPACE_MB
 *   per semi-space, as `--max-semi-space-size` would have capped it, and stopped there: a
 *   `gc` performance observer sees each collection and sets the factor once the young generation
 *   has reached that size. `boundYoungGeneration` re-executes only when the work is larger than the
 *   caller's threshold (counted before anything is loaded), and otherwise installs the observer.
 * - **Compile cache.** `enableCompileCacheIn` keeps the bundle's compiled code in RUNNER_TEMP
 *   (node's `module.enableCompileCache`), so a later step of the job skips compiling it.
 */
import { accessSync, constants, mkdirSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import { respawnWithFlags, YOUNG_GENERATION_FLAGS } from './index.js';

/** The V8 setting applied at run time (see above), once the young generation has reached its size. */
export const YOUNG_GENERATION_RUNTIME_FLAGS = ['--semi-space-growth-factor=1'];

/**
 * The semi-space size (MB) at which the run-time setting stops the young generation: what
 * `--max-semi-space-size=8` would allow. Measured (2,000 files, 54 MiB, the action as a process,
 * three runs each): first publish 5.8-6.8 s stopped at 1 MB, 4.1-4.7 s at 8 MB, 4.7-5.4 s unbounded.
 */
export const YOUNG_GENERATION_RUNTIME_SEMI_SPACE_MB = 8;

/** The young generation's size in bytes (both semi-spaces), as V8 reports it. */
function youngGenerationBytes(): number {
  return v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * Stops the young generation's growth once it holds `semiSpaceMb` per semi-space: checked after
 * each collection (a `gc` performance observer, which keeps nothing alive), then the observer goes.
 * Returns a function that tells whether the stop has been applied (tests).
 */
export function stopYoungGenerationAt(semiSpaceMb: number = YOUNG_GENERATION_RUNTIME_SEMI_SPACE_MB): () => boolean {
  let stopped = false;
  const limit = 2 * semiSpaceMb * 1024 * 1024;
  const stop = () => {
    if (stopped || youngGenerationBytes() < limit) return;
    v8.setFlagsFromString(YOUNG_GENERATION_RUNTIME_FLAGS.join(' '));
    stopped = true;
    observer.disconnect();
  };
  const observer = new PerformanceObserver(stop);
  observer.observe({ entryTypes: ['gc'] });
  stop();
  return () => stopped;
}

/** The compile cache's folder in RUNNER_TEMP. */
export const COMPILE_CACHE_DIR = 'shipkit-compile-cache';

/**
 * Files (and symbolic links) under `dir`, counted up to `limit + 1` and no further: whether a tree
 * has more than `limit` costs at most that many directory entries. A directory that cannot be read
 * counts as empty (the action's own scan reports it, naming the input).
 */
export function countFilesUpTo(dir: string, limit: number): number {
  let count = 0;
  const stack = [dir];
  while (stack.length && count <= limit) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) stack.push(path.join(current, entry.name));
      else if ((entry.isFile() || entry.isSymbolicLink()) && ++count > limit) break;
    }
  }
  return count;
}

/**
 * Bounds the young generation for the work ahead: when `source` (a directory) holds more than
 * `above` files the process re-executes itself with the start-up flags (returns only where it does
 * not), otherwise its growth is stopped at run time (stopYoungGenerationAt). `false` when neither applies
 * (SHIPKIT_NO_RESPAWN=1, for benchmark comparisons, or a process already started with the flags).
 */
export function boundYoungGeneration(source: string | undefined, above: number, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.SHIPKIT_NO_RESPAWN === '1') return false;
  if (env.SHIPKIT_RESPAWNED === '1' || YOUNG_GENERATION_FLAGS.every((flag) => process.execArgv.includes(flag))) return false;
  if (source && countFilesUpTo(source, above) > above) respawnWithFlags(YOUNG_GENERATION_FLAGS, env);
  stopYoungGenerationAt();
  return true;
}

/**
 * Enables node's compile cache in `<RUNNER_TEMP>/shipkit-compile-cache`; returns the folder, or
 * undefined when it was not enabled (no RUNNER_TEMP, not a writable directory, node refused).
 * The folder is created one level deep only: node's own recursive creation spins forever on some
 * paths (under /proc), so it is handed only a folder that exists and can be written.
 */
export function enableCompileCacheIn(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const base = env.RUNNER_TEMP;
  if (!base || !path.isAbsolute(base)) return undefined;
  const dir = path.join(base, COMPILE_CACHE_DIR);
  try {
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
    }
    if (!statSync(dir).isDirectory()) return undefined;
    accessSync(dir, constants.W_OK);
    const result = module.enableCompileCache(dir);
    const { ENABLED, ALREADY_ENABLED } = module.constants.compileCacheStatus;
    return result.status === ENABLED || result.status === ALREADY_ENABLED ? result.directory : undefined;
  } catch {
    return undefined;
  }
}
