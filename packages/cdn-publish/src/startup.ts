/**
 * What cdn-publish does before it loads its code (dist/cdn-publish/index.js runs this first, then
 * imports the rest). It imports only Node's own modules: nothing here may cost start-up time.
 *
 * - **Memory without a second process.** Publishing many files allocates fast enough that V8 grows
 *   its young generation to its maximum (64 MB per semi-space on a runner): 245 MB peak RSS for
 *   5,000 small files, 270 MB for 20,000, against a budget of 200 MB. `--max-semi-space-size` is
 *   read only when the heap is created, which is why the action used to re-execute itself with it
 *   (@shipkit/respawn: a second Node start and a second load on every run). The growth factor is
 *   read each time the young generation would grow, so setting it to 1 at run time keeps the young
 *   generation at its initial size (1 MB per semi-space) from here on, without a second process:
 *   measured, 20,000 small files peak at about 178 MB with it (270 MB without).
 *   Only sources above RESPAWN_ABOVE_FILES files still re-execute (same pid, @shipkit/respawn)
 *   with `--max-semi-space-size=4` and two malloc arenas, which hold about 10 MB less at 20,000
 *   files: the count is taken before anything is loaded, so a re-exec costs one Node start, never
 *   a second load or scan, and the sites most runs publish start once.
 * - **Compile cache.** The bundle's compiled code is kept in RUNNER_TEMP (node's
 *   `module.enableCompileCache`): a second cdn-publish step of the job (and its post steps) skips
 *   compiling the bundle. Nothing happens where RUNNER_TEMP is unset, missing or not a writable
 *   directory.
 */
import { accessSync, constants, mkdirSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import { respawnWithFlags, YOUNG_GENERATION_FLAGS } from '@shipkit/respawn';

/**
 * The first line of the action's work (a debug line: in the log only with step debugging, always on
 * stdout), printed as main() begins: bench/cdn-publish.ts times start-up as process start to this.
 */
export const WORK_STARTS = 'cdn-publish: work starts';

/** The V8 setting applied at run time (see above). */
export const YOUNG_GENERATION_RUNTIME_FLAGS = ['--semi-space-growth-factor=1'];

/** The compile cache's folder in RUNNER_TEMP. */
export const COMPILE_CACHE_DIR = 'shipkit-compile-cache';

/**
 * Above this many files in source-dir the action re-executes itself with the start-up settings.
 * From the benchmark's peak-RSS cases against the 200 MB budget (small files, the action as the
 * runner starts it): with the run-time setting alone 164 MB at 10,000 files and 178 MB at 20,000
 * (about 1.4 KB a file more), so the budget is reached near 35,000; the re-exec holds about 10 MB
 * less (168 MB at 20,000). Re-executing above 15,000 keeps the sites most runs publish at one
 * process and gives the largest ones the lower curve.
 */
export const RESPAWN_ABOVE_FILES = 15_000;

/**
 * The threshold: RESPAWN_ABOVE_FILES, or SHIPKIT_RESPAWN_ABOVE_FILES — test and benchmark use only
 * (a whole number of files; anything else is ignored), so a small tree can take the large path.
 */
export function respawnThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SHIPKIT_RESPAWN_ABOVE_FILES?.trim();
  return raw && /^\d+$/.test(raw) ? Number(raw) : RESPAWN_ABOVE_FILES;
}

/**
 * Files (and symbolic links) under `dir`, counted up to `limit + 1` and no further: whether a tree
 * has more than `limit` costs at most that many directory entries. include/exclude and dotfiles are
 * not applied (they are read later, with the inputs), so this is an upper bound of what the scan
 * publishes; a directory that cannot be read counts as empty (the scan reports it, naming the input).
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
 * Bounds the young generation for the work ahead: above the threshold the process re-executes
 * itself with the start-up flags (returns only where it does not), otherwise the growth factor is
 * set at run time. `false` when neither applies (SHIPKIT_NO_RESPAWN=1, for the benchmark's comparison,
 * or a process already started with the flags).
 */
export function boundYoungGeneration(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.SHIPKIT_NO_RESPAWN === '1') return false;
  if (env.SHIPKIT_RESPAWNED === '1' || YOUNG_GENERATION_FLAGS.every((flag) => process.execArgv.includes(flag))) return false;
  // The runner's name for input source-dir (@actions/core getInput), relative to the workspace.
  const source = env['INPUT_SOURCE-DIR']?.trim();
  const threshold = respawnThreshold(env);
  if (source && countFilesUpTo(path.resolve(env.GITHUB_WORKSPACE ?? process.cwd(), source), threshold) > threshold) respawnWithFlags(YOUNG_GENERATION_FLAGS, env);
  v8.setFlagsFromString(YOUNG_GENERATION_RUNTIME_FLAGS.join(' '));
  return true;
}

/**
 * Enables node's compile cache in `<RUNNER_TEMP>/shipkit-compile-cache`; returns the folder, or
 * undefined when it was not enabled (no RUNNER_TEMP, not a writable directory, node refused).
 * The folder is created one level deep only: node's own recursive creation spins forever on some
 * paths (under /proc), so it is handed only a folder that exists and can be written.
 */
export function enableBundleCompileCache(env: NodeJS.ProcessEnv = process.env): string | undefined {
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
