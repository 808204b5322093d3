/**
 * cdn-publish's start-up (src/startup.ts), through the committed bundle as the runner starts it,
 * against s3rver: a publish re-executes itself only when source-dir has more files than the
 * threshold (SHIPKIT_RESPAWN_ABOVE_FILES lowers it, test use only), and the bundle's compile cache
 * goes to RUNNER_TEMP, where a RUNNER_TEMP that cannot hold it changes nothing a user sees.
 * A preload records each process start (pid, node flags, MALLOC_ARENA_MAX).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { MALLOC_ARENAS, YOUNG_GENERATION_FLAGS, YOUNG_GENERATION_RUNTIME_SEMI_SPACE_MB } from '@shipkit/respawn';
import { runAction } from '../../../test/harness/index.js';
import { startS3, tempDir, type S3Service } from '../../../test/services/index.js';
import { COMPILE_CACHE_DIR, countFilesUpTo, RESPAWN_ABOVE_FILES, respawnThreshold } from '../src/startup.js';
import { PUBLISHED_COUNT, SITE, writeSite } from './site.js';

let s3: S3Service;
let buckets = 0;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3.stop();
});

type Start = { pid: string; flags: string[]; arenas: string };

/** Publishes the test site as the runner would; returns the run and each process start of its main step. */
async function publish(env: Record<string, string | undefined> = {}) {
  const bucket = `startup-${++buckets}`;
  await s3.createBucket(bucket);
  const workspace = writeSite();
  const seen = path.join(workspace, 'starts.txt');
  const preload = path.join(workspace, 'starts.cjs');
  writeFileSync(seen, '');
  writeFileSync(preload, `require('node:fs').appendFileSync(${JSON.stringify(seen)}, JSON.stringify({ pid: String(process.pid), flags: process.execArgv, arenas: process.env.MALLOC_ARENA_MAX ?? '-' }) + '\\n');\n`);
  const run = await runAction('cdn-publish', {
    inputs: { 'source-dir': 'dist', bucket, prefix: 'app', version: '1.0.0', aliases: 'false' },
    env: { ...s3.env, NODE_OPTIONS: `--require ${preload}`, ...env },
    workspace,
  });
  const starts = readFileSync(seen, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Start);
  const served = await (await s3.client().send(new GetObjectCommand({ Bucket: bucket, Key: 'app/v1.0.0/index.html' }))).Body!.transformToString();
  return { run, starts, served };
}

describe('re-exec only for large sources', () => {
  test(`a site of ${PUBLISHED_COUNT} files publishes in the process the runner started: one start, no flags`, async () => {
    const { run, starts, served } = await publish();
    expect(run.exitCode).toBe(0);
    expect(run.outputs.uploaded).toBe(String(PUBLISHED_COUNT));
    expect(served).toBe(SITE['index.html']);
    expect(starts).toHaveLength(1);
    expect(starts[0]).toMatchObject({ arenas: '-' });
    expect(starts[0]!.flags).not.toEqual(expect.arrayContaining(YOUNG_GENERATION_FLAGS));
  });

  test('above the threshold (lowered to 5 files) the action replaces itself once, same pid, with the flags and two malloc arenas, and publishes the same', async () => {
    const { run, starts, served } = await publish({ SHIPKIT_RESPAWN_ABOVE_FILES: '5' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.uploaded).toBe(String(PUBLISHED_COUNT));
    expect(served).toBe(SITE['index.html']);
    expect(starts).toHaveLength(2);
    const [started, replaced] = starts as [Start, Start];
    expect(replaced.pid).toBe(started.pid);
    expect(started.flags).not.toEqual(expect.arrayContaining(YOUNG_GENERATION_FLAGS));
    expect(replaced.flags).toEqual(expect.arrayContaining(YOUNG_GENERATION_FLAGS));
    expect(replaced.arenas).toBe(MALLOC_ARENAS);
  });

  test('at the threshold exactly (the site has 12 entries, .env included) it does not', async () => {
    const { run, starts } = await publish({ SHIPKIT_RESPAWN_ABOVE_FILES: String(Object.keys(SITE).length) });
    expect(run.exitCode).toBe(0);
    expect(starts).toHaveLength(1);
  });
});

describe('young generation bounded at run time, below the threshold', () => {
  /**
   * A site of `count` files of 1-8 KiB published through the bundle with a preload that samples
   * V8's young generation (both semi-spaces) every 10 ms: its largest size, in MB.
   */
  async function youngGenerationPeak(count: number, env: Record<string, string> = {}): Promise<{ exitCode: number | null; peakMb: number }> {
    const bucket = `young-${++buckets}`;
    await s3.createBucket(bucket);
    const workspace = tempDir('young');
    for (let i = 0; i < count; i++) {
      const file = path.join(workspace, 'dist', `d${i % 50}`, `f${i}.js`);
      if (i < 50) mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `/* ${i} */`.padEnd(1024 * (1 + (i % 8)), 'x'));
    }
    const seen = path.join(workspace, 'young.txt');
    const preload = path.join(workspace, 'young.cjs');
    writeFileSync(
      preload,
      `const v8 = require('node:v8'); let peak = 0;\n` +
        `const sample = () => { const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space'); peak = Math.max(peak, space ? space.space_size : 0); };\n` +
        `setInterval(sample, 10).unref();\n` +
        `process.on('exit', () => { sample(); require('node:fs').writeFileSync(${JSON.stringify(seen)}, String(peak / 1048576)); });\n`,
    );
    const run = await runAction('cdn-publish', {
      inputs: { 'source-dir': 'dist', bucket, prefix: 'app', version: '1.0.0', aliases: 'false' },
      env: { ...s3.env, NODE_OPTIONS: `--require ${preload}`, ...env },
      workspace,
    });
    return { exitCode: run.exitCode, peakMb: Number(readFileSync(seen, 'utf8')) };
  }

  test(`it grows to ${YOUNG_GENERATION_RUNTIME_SEMI_SPACE_MB} MB per semi-space and stops there (not held at its initial 1 MB, which costs the collector a second per 2,000 files); unbounded the same publish grows it further`, async () => {
    const bounded = await youngGenerationPeak(3000);
    expect(bounded.exitCode).toBe(0);
    expect(bounded.peakMb).toBeGreaterThanOrEqual(YOUNG_GENERATION_RUNTIME_SEMI_SPACE_MB);
    expect(bounded.peakMb).toBeLessThanOrEqual(2 * YOUNG_GENERATION_RUNTIME_SEMI_SPACE_MB);
    const unbounded = await youngGenerationPeak(3000, { SHIPKIT_NO_RESPAWN: '1' });
    expect(unbounded.exitCode).toBe(0);
    expect(unbounded.peakMb).toBeGreaterThan(2 * YOUNG_GENERATION_RUNTIME_SEMI_SPACE_MB);
  });
});

describe('compile cache', () => {
  test('the bundle compiled once is cached in RUNNER_TEMP, and a second step of the job (an unchanged re-publish) runs with it', async () => {
    const bucket = `startup-${++buckets}`;
    await s3.createBucket(bucket);
    const workspace = writeSite();
    const runnerRoot = tempDir('startup-runner');
    const step = () => runAction('cdn-publish', { inputs: { 'source-dir': 'dist', bucket, prefix: 'app', version: '1.0.0', aliases: 'false' }, env: { ...s3.env, NODE_COMPILE_CACHE: undefined }, workspace, runnerRoot });
    const first = await step();
    expect(first.exitCode).toBe(0);
    const cache = path.join(runnerRoot, 'temp', COMPILE_CACHE_DIR);
    const entries = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? entries(path.join(dir, entry.name)) : [entry.name]));
    // One entry per module file compiled after the cache was enabled: the bundle's chunks.
    expect(entries(cache).length).toBeGreaterThanOrEqual(3);
    const second = await step();
    expect(second.exitCode).toBe(0);
    expect(second.outputs.uploaded).toBe('0');
    expect(second.outputs.skipped).toBe(String(PUBLISHED_COUNT));
  });

  test.each([
    ['a regular file', (dir: string) => (writeFileSync(path.join(dir, 'file'), 'x'), path.join(dir, 'file'))],
    ['missing', (dir: string) => path.join(dir, 'missing', 'deeper')],
    ['a path in /proc (node would spin creating it)', () => '/proc/self/no-such-dir'],
    ['a folder whose cache entry is a file', (dir: string) => (mkdirSync(path.join(dir, 'temp')), writeFileSync(path.join(dir, 'temp', COMPILE_CACHE_DIR), 'x'), path.join(dir, 'temp'))],
  ])('RUNNER_TEMP %s: the publish is the same, without a cache', async (_name, temp) => {
    const { run, served } = await publish({ RUNNER_TEMP: temp(tempDir('startup-temp')), NODE_COMPILE_CACHE: undefined });
    expect(run.exitCode).toBe(0);
    expect(run.errors).toEqual([]);
    expect(run.outputs.uploaded).toBe(String(PUBLISHED_COUNT));
    expect(served).toBe(SITE['index.html']);
  });
});

describe('units', () => {
  test.each([
    [undefined, RESPAWN_ABOVE_FILES],
    ['0', 0],
    [' 250 ', 250],
    ['-1', RESPAWN_ABOVE_FILES],
    ['many', RESPAWN_ABOVE_FILES],
    ['1e3', RESPAWN_ABOVE_FILES],
  ])('SHIPKIT_RESPAWN_ABOVE_FILES=%j -> %d', (value, expected) => {
    expect(respawnThreshold(value === undefined ? {} : { SHIPKIT_RESPAWN_ABOVE_FILES: value })).toBe(expected);
  });

  test.each([
    [100, 12],
    [12, 12],
    [11, 12],
    [3, 4],
    [0, 1],
  ])('counting up to %d in the 12-entry site gives %d (stops one past the limit)', (limit, expected) => {
    expect(countFilesUpTo(path.join(writeSite(), 'dist'), limit)).toBe(expected);
  });

  test('a directory that cannot be read counts as empty', () => {
    expect(countFilesUpTo(path.join(tempDir('startup-none'), 'nothing'), 10)).toBe(0);
  });
});
