/**
 * What cdn-publish does before it loads its code (dist/cdn-publish/index.js runs this first, then
 * imports the rest), with the start-up mechanism of @shipkit/respawn (Node's own modules only):
 * this file holds cdn-publish's choices — which input is the work, and how large is large.
 *
 * - **Memory without a second process.** Publishing many files allocates fast enough that V8 grows
 *   its young generation to its maximum (64 MB per semi-space on a runner): 245 MB peak RSS for
 *   5,000 small files, 270 MB for 20,000, against a budget of 200 MB. `--max-semi-space-size` is
 *   read only when the heap is created, which is why the action used to re-execute itself with it
 *   (@shipkit/respawn: a second Node start and a second load on every run). The growth factor is
 *   read each time the young generation would grow, so setting it to 1 at run time stops the young
 *   generation where it is, without a second process (once it reached 8 MB per semi-space: stopping
 *   at the initial 1 MB cost about a second of collections per 2,000-file publish): measured, 20,000
 *   small files peak at about 179 MB with it (270 MB without). deploy-env and rollback re-execute on
 *   every run instead (measured there, the run-time bound was not enough: see their index.ts).
 *   Only sources above RESPAWN_ABOVE_FILES files still re-execute (same pid, @shipkit/respawn)
 *   with `--max-semi-space-size=4` and two malloc arenas, which hold about 10 MB less at 20,000
 *   files: the count is taken before anything is loaded, so a re-exec costs one Node start, never
 *   a second load or scan, and the sites most runs publish start once.
 * - **Compile cache.** The bundle's compiled code is kept in RUNNER_TEMP (node's
 *   `module.enableCompileCache`): a second cdn-publish step of the job (and its post steps) skips
 *   compiling the bundle. Nothing happens where RUNNER_TEMP is unset, missing or not a writable
 *   directory.
 */
import path from 'node:path';
import { boundYoungGeneration, enableCompileCacheIn } from '@shipkit/respawn';

export { COMPILE_CACHE_DIR, countFilesUpTo } from '@shipkit/respawn';

/**
 * The first line of the action's work (a debug line: in the log only with step debugging, always on
 * stdout), printed as main() begins: bench/cdn-publish.ts times start-up as process start to this.
 */
export const WORK_STARTS = 'cdn-publish: work starts';

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
 * cdn-publish's start-up: the young generation bounded for source-dir (the runner's name for the
 * input, relative to the workspace; include/exclude are read later, so the count is an upper bound),
 * and the compile cache in RUNNER_TEMP.
 */
export function startUp(env: NodeJS.ProcessEnv = process.env): void {
  const source = env['INPUT_SOURCE-DIR']?.trim();
  boundYoungGeneration(source ? path.resolve(env.GITHUB_WORKSPACE ?? process.cwd(), source) : undefined, respawnThreshold(env), env);
  enableCompileCacheIn(env);
}
