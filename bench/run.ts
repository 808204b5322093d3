/**
 * Runs one benchmark: `npm run bench -- <name> [args...]` runs bench/<name>.ts under tsx in a child
 * process, passing the args on and exiting with its exit code. Without a name (or with an unknown
 * one) it lists the benchmarks.
 *
 * Where the machine has a memory file system (/dev/shm), the benchmark's temporary files live there
 * (TMPDIR): the source trees and everything the local servers store, s3rver's data and its request
 * log included. The tools compared are measured, not this machine's disk: s3rver writes two files
 * and appends to its request log for every request, and on a busy disk that decided the ratio
 * (the same run measured 1.35x with the store on disk and 2.4-2.7x in memory, aws s3 sync's time
 * unchanged). SHIPKIT_BENCH_DISK=1 keeps them on disk.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const self = path.basename(fileURLToPath(import.meta.url));

function benchmarks(): string[] {
  return readdirSync(benchDir)
    .filter((file) => file.endsWith('.ts') && file !== self && !file.endsWith('.d.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

/** The first line of the file's header comment, e.g. "rollback: how long a direct s3 rollback ...". */
function summary(name: string): string {
  const source = readFileSync(path.join(benchDir, `${name}.ts`), 'utf8');
  const line = /^\/\*\*\s*\n\s*\*\s*(.+)/.exec(source)?.[1]?.trim() ?? '';
  return line.replace(new RegExp(`^${name}:\\s*`), '');
}

function usage(names: string[]): string {
  const width = Math.max(...names.map((name) => name.length));
  return [
    'usage: npm run bench -- <name> [args...]',
    '',
    'benchmarks (bench/<name>.ts):',
    ...names.map((name) => `  ${name.padEnd(width)}  ${summary(name)}`),
  ].join('\n');
}

const [name, ...args] = process.argv.slice(2);
const names = benchmarks();
if (!name || name === '--help' || name === '-h') {
  console.log(usage(names));
  process.exit(0);
}
if (!names.includes(name)) {
  console.error(`Unknown benchmark "${name}".\n`);
  console.error(usage(names));
  process.exit(2);
}

const memory = process.env.SHIPKIT_BENCH_DISK !== '1' && existsSync('/dev/shm') ? mkdtempSync('/dev/shm/shipkit-bench-') : undefined;
if (memory) console.log(`temporary files (source trees, the local servers' data and request logs) in memory: ${memory}`);
const removeMemory = () => memory && rmSync(memory, { recursive: true, force: true });

// tsx as a loader in a fresh Node process: the benchmark gets its own process (and its own exit).
const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, `${name}.ts`), ...args], { stdio: 'inherit', env: memory ? { ...process.env, TMPDIR: memory } : process.env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  removeMemory();
  console.error(`Could not start bench/${name}.ts: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  removeMemory();
  // Killed by a signal: the shell's convention, 128 + its number.
  process.exit(code ?? (signal ? 128 + constants.signals[signal] : 1));
});
