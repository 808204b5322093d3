/**
 * Memory settings that only take effect at start-up, for the actions that move many files through
 * the transfer engine (deploy-env, rollback; cdn-publish only for a source of more than 15,000
 * files, and otherwise bounds the young generation at run time: packages/cdn-publish/src/startup.ts).
 * This package imports nothing, so an action's entry can call it before it loads its code (the entry
 * imports the rest dynamically).
 *
 * V8 sizes its young generation from the machine's memory (up to 64 MB per semi-space on a
 * runner), and publishing many small files allocates fast enough to grow it to that maximum:
 * measured with 20,000 files, 178 MB of heap held for 45 MB of live objects, 270 MB peak RSS.
 * `--max-semi-space-size` bounds it (about 195 MB peak, same speed), but only when given at
 * start-up — V8 reads it when the heap is created — and the runner starts node without flags. So
 * the action replaces itself once, before loading anything else, with the same node and script
 * and the flag (process.execve: same process, so signals, stdio, environment and exit code are the
 * runner's as before). Where execve does not exist (Windows) the action runs without the flag.
 *
 * The new process also gets `MALLOC_ARENA_MAX=2` (unless the environment sets it): glibc gives each
 * thread that allocates (libuv's file-system pool, V8's workers) an arena of its own, and with
 * 20,000 files read and hashed those arenas held about 15 MB more than two of them do.
 */
export const YOUNG_GENERATION_FLAGS = ['--max-semi-space-size=4'];
export const MALLOC_ARENAS = '2';

/** Re-executes the current process with `flags` unless it already runs with them; returns only when it does not re-execute. */
export function respawnWithFlags(flags: readonly string[] = YOUNG_GENERATION_FLAGS, env: NodeJS.ProcessEnv = process.env): void {
  if (env.SHIPKIT_NO_RESPAWN === '1' || env.SHIPKIT_RESPAWNED === '1') return;
  if (flags.every((flag) => process.execArgv.includes(flag))) return;
  const execve = (process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never }).execve;
  const script = process.argv[1];
  if (typeof execve !== 'function' || process.platform === 'win32' || !script) return;
  try {
    execve.call(process, process.execPath, [process.execPath, ...flags, ...process.execArgv, script, ...process.argv.slice(2)], { MALLOC_ARENA_MAX: MALLOC_ARENAS, ...env, SHIPKIT_RESPAWNED: '1' });
  } catch {
    // The platform refused (permissions, a sandbox): run as started.
  }
}

export { boundYoungGeneration, COMPILE_CACHE_DIR, countFilesUpTo, enableCompileCacheIn, stopYoungGenerationAt, YOUNG_GENERATION_RUNTIME_FLAGS, YOUNG_GENERATION_RUNTIME_SEMI_SPACE_MB } from './startup.js';
