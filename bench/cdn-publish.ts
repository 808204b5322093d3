/**
 * cdn-publish / the S3 transfer engine against `aws s3 sync`, same local S3 server, same run.
 *
 *   npm run bench -- cdn-publish      (or: npx tsx bench/cdn-publish.ts)
 *
 * A 2,000-file bundle of ~50 MB in mixed sizes (small chunks, medium images, a few large files,
 * one above the 8 MiB multipart threshold), then:
 *   1. first publish      into an empty prefix: shipkit publishDirectory vs `aws s3 sync`, five
 *      rounds each (alternating, each into a new prefix; the median is compared), the cdn-publish
 *      action itself (the committed bundle started as the runner starts it, timed like the aws
 *      process: start-up, inputs, request accounting and summary included), and the store's
 *      floor: the same files sent as unsigned keep-alive PUTs by a bare HTTP client with no SDK,
 *      signing, planning or manifest, at shipkit's concurrency — what this server accepts at best
 *      on this machine, so the ratio can be read against it
 *   2. unchanged re-publish after a fresh checkout (same content, every mtime new, as in CI):
 *      shipkit plans by sha256 and skips everything; `aws s3 sync` compares size+mtime and re-uploads
 *   3. for reference: the whole cdn-publish flow (v{version}/ + 3 alias copies), first and unchanged
 *   4. where each shipkit run's time goes: process start (the committed bundle loading, measured
 *      by running it with SHIPKIT_LOAD_CHECK=1), scan and hash, remote listing/manifest, planning,
 *      transfers (no CloudFront here: invalidation is 0)
 *   5. peak RSS of the cdn-publish action (the committed bundle, run as the runner runs it)
 *      publishing 20,000 small files
 *   6. a store across a network: the first publish again through a proxy that holds every request
 *      20 ms (as a store in another data centre answers), shipkit at its default concurrency and at
 *      16 (the default before), against `aws s3 sync` through the same proxy
 * Request counts are recorded by the S3 server (every HTTP request, whichever client sent it).
 * Prints times, ratios, request counts, breakdowns and peak RSS. Not part of the test suite.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { runAction } from '../test/harness/index.js';
import { DEFAULT_CONCURRENCY, publishDirectory, scanDirectory } from '@shipkit/s3';
import { createObjectStore } from '@shipkit/stores';
import { publishCdn } from '../packages/cdn-publish/src/publish.js';
import { run, startS3, tempDir } from '../test/services/index.js';
import { peakRss, writeSmallFiles } from './lib/peak-rss.js';
import { startFlakyProxy } from '../packages/s3/test/flaky-proxy.js';

const FILES = 2000;
/** Section 6: what a proxy adds to every request (a store in another data centre). */
const LATENCY_MS = 20;

/** Deterministic-size, random-content files: 1,949 small (1-16 KiB), 44 medium (200-600 KiB), 5 of 2-3 MiB, 1 of 9 MiB. */
function writeBundle(dir: string): { files: number; bytes: number } {
  let bytes = 0;
  const write = (name: string, size: number) => {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(size));
    bytes += size;
  };
  let n = 0;
  for (let i = 0; i < 1949; i++, n++) write(`assets/js/chunk-${i}.${(i * 7919).toString(16)}.js`, 1024 * (1 + (i % 16)));
  for (let i = 0; i < 44; i++, n++) write(`assets/img/photo-${i}.webp`, 1024 * (200 + ((i * 37) % 400)));
  for (let i = 0; i < 5; i++, n++) write(`media/clip-${i}.mp4`, 1024 * 1024 * (2 + (i % 2)));
  write('media/big-9mib.bin', 9 * 1024 * 1024);
  n++;
  if (n !== FILES - 1) throw new Error(`bundle has ${n} files`);
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  return { files: n + 1, bytes: bytes + 37 };
}

// Five rounds: on a shared 2-CPU machine single runs of aws and the action vary by 10-20%; the median of five moves less.
const ROUNDS = 5;

/**
 * The store's floor: every file as one unsigned PUT over keep-alive connections from a bare HTTP
 * client (s3rver accepts anonymous writes), `concurrency` at a time — no SDK, signing, planning,
 * headers or manifest. Nothing a real publisher could do sends fewer bytes or requests.
 */
async function rawPuts(endpoint: string, bucket: string, prefix: string, files: ReadonlyArray<{ key: string; path: string }>, concurrency: number): Promise<void> {
  const url = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < files.length) {
          const file = files[next++]!;
          const body = await readFile(file.path);
          await new Promise<void>((resolve, reject) => {
            const request = http.request({ agent, host: url.hostname, port: url.port, method: 'PUT', path: `/${bucket}/${prefix}/${file.key.split('/').map(encodeURIComponent).join('/')}`, headers: { 'content-length': body.length } }, (response) => {
              response.resume();
              response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`raw PUT ${file.key}: HTTP ${response.statusCode}`))));
            });
            request.on('error', reject);
            request.end(body);
          });
        }
      }),
    );
  } finally {
    agent.destroy();
  }
}

/** The middle run of an odd number of timed runs. */
function median<T extends { ms: number }>(runs: readonly T[]): T {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
}

const s3 = await startS3({ buckets: ['bench-shipkit', 'bench-action', 'bench-aws', 'bench-cdn', 'bench-floor'] });
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; requests: Record<string, number> }> {
  s3.resetRequests();
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  return { ms, requests: s3.requestCounts() };
}
const describeRequests = (counts: Record<string, number>) =>
  `${Object.values(counts).reduce((a, b) => a + b, 0)} requests (${Object.entries(counts).sort().map(([method, count]) => `${method} ${count}`).join(', ') || 'none'})`;

try {
  const client = createObjectStore({ endpoint: s3.endpoint, env: s3.env });
  const quiet = { log: () => undefined };
  const work = tempDir('bench-cdn');
  const first = path.join(work, 'checkout-1', 'dist');
  const { files, bytes } = writeBundle(first);
  console.log(`cdn-publish benchmark: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB, local s3rver ${s3.endpoint}`);
  const aws = (dir: string, bucket: string, endpoint = s3.endpoint) =>
    run('aws', ['s3', 'sync', dir, `s3://${bucket.includes('/') ? bucket : `${bucket}/site`}`, '--endpoint-url', endpoint, '--only-show-errors', '--no-progress'], { env: s3.env });

  // 1. first publish: ROUNDS alternating rounds, each into an empty prefix; round 0 leaves `site` for step 2.
  const firstTimings: Record<string, number> = {};
  const againTimings: Record<string, number> = {};
  const shipkitRounds: Array<Awaited<ReturnType<typeof timed>>> = [];
  const actionRounds: Array<Awaited<ReturnType<typeof timed>>> = [];
  const awsRounds: Array<Awaited<ReturnType<typeof timed>>> = [];
  const floorRounds: Array<Awaited<ReturnType<typeof timed>>> = [];
  const firstFiles = await scanDirectory(first);
  for (let round = 0; round < ROUNDS; round++) {
    const prefix = round === 0 ? 'site' : `site-${round}`;
    // The floor first: the server (s3rver is a Node process too) is warm for both tools, as S3 always is.
    floorRounds.push(await timed(() => rawPuts(s3.endpoint, 'bench-floor', `site-${round}`, firstFiles, DEFAULT_CONCURRENCY)));
    shipkitRounds.push(await timed(() => publishDirectory(client, { sourceDir: first, bucket: 'bench-shipkit', prefix, timings: round === 0 ? firstTimings : undefined, ...quiet })));
    actionRounds.push(
      await timed(async () => {
        const action = await runAction('cdn-publish', {
          workspace: path.dirname(first),
          env: s3.env,
          inputs: { 'source-dir': 'dist', bucket: 'bench-action', prefix: `site-${round}`, version: '1.0.0', aliases: 'false', 'force-path-style': 'true', endpoint: s3.endpoint },
        });
        if (action.exitCode !== 0) throw new Error(`cdn-publish failed:\n${action.log.slice(-3000)}`);
      }),
    );
    awsRounds.push(await timed(() => aws(first, `bench-aws/${prefix}`)));
  }
  const shipkitFirst = median(shipkitRounds);
  const awsFirst = median(awsRounds);
  const floorFirst = median(floorRounds);
  const actionFirst = median(actionRounds);

  // 2. fresh checkout: same bytes, new mtimes (copied after the uploads, so newer than the objects)
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const second = path.join(work, 'checkout-2', 'dist');
  cpSync(first, second, { recursive: true, preserveTimestamps: false });
  let shipkitAgainResult: Awaited<ReturnType<typeof publishDirectory>> | undefined;
  const shipkitAgain = await timed(async () => (shipkitAgainResult = await publishDirectory(client, { sourceDir: second, bucket: 'bench-shipkit', prefix: 'site', timings: againTimings, ...quiet })));
  const awsAgain = await timed(() => aws(second, 'bench-aws'));

  // 3. the whole cdn-publish flow
  const cdnOptions = { bucket: 'bench-cdn', prefix: 'app', version: '1.0.0', aliases: true, cacheRules: [], include: [], exclude: [], overwrite: false, dryRun: false, concurrency: DEFAULT_CONCURRENCY, baseUrl: s3.endpoint, ...quiet, warn: () => undefined };
  const cdnFirst = await timed(() => publishCdn(client, { ...cdnOptions, sourceDir: first }));
  const cdnAgain = await timed(() => publishCdn(client, { ...cdnOptions, sourceDir: second }));

  const rounds = (runs: ReadonlyArray<{ ms: number }>) => runs.map((run) => seconds(run.ms)).join(', ');
  const rows: Array<[string, string, string, string]> = [
    [`first publish (median of ${ROUNDS})`, seconds(shipkitFirst.ms), seconds(awsFirst.ms), `${(awsFirst.ms / shipkitFirst.ms).toFixed(2)}x`],
    [`first publish, the cdn-publish action as a process (median of ${ROUNDS})`, seconds(actionFirst.ms), seconds(awsFirst.ms), `${(awsFirst.ms / actionFirst.ms).toFixed(2)}x`],
    ['unchanged re-publish (fresh mtimes)', seconds(shipkitAgain.ms), seconds(awsAgain.ms), `${(awsAgain.ms / shipkitAgain.ms).toFixed(1)}x`],
  ];
  console.log('\n| scenario | shipkit | aws s3 sync | aws time / shipkit time |\n| --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(`\nfirst publish rounds: shipkit ${rounds(shipkitRounds)}; the action ${rounds(actionRounds)}; aws ${rounds(awsRounds)}; store floor ${rounds(floorRounds)}`);
  console.log(
    `store floor (bare unsigned PUTs of the same files, concurrency ${DEFAULT_CONCURRENCY}): ${seconds(floorFirst.ms)} — shipkit takes ${(shipkitFirst.ms / floorFirst.ms).toFixed(2)}x the floor, aws ${(awsFirst.ms / floorFirst.ms).toFixed(2)}x; ` +
      `the best ratio any publisher could reach against aws here is ${(awsFirst.ms / floorFirst.ms).toFixed(2)}x`,
  );
  console.log('\nrequests');
  console.log(`  first publish       shipkit: ${describeRequests(shipkitFirst.requests)}`);
  console.log(`                      aws:     ${describeRequests(awsFirst.requests)}`);
  console.log(`  unchanged re-publish shipkit: ${describeRequests(shipkitAgain.requests)}  (uploaded ${shipkitAgainResult?.uploaded}, skipped ${shipkitAgainResult?.skipped})`);
  console.log(`                      aws:     ${describeRequests(awsAgain.requests)}`);
  console.log(`\ncdn-publish flow (v1.0.0/ + v1.0/, v1/, latest/ by server-side copy): first ${seconds(cdnFirst.ms)}, ${describeRequests(cdnFirst.requests)}`);
  console.log(`                                                  unchanged ${seconds(cdnAgain.ms)}, ${describeRequests(cdnAgain.requests)}`);
  // 4. where the time goes; process start is what the runner adds before any of it.
  const bundle = path.join(import.meta.dirname, '..', 'dist', 'cdn-publish', 'index.js');
  const startRuns = [0, 1, 2].map(() => {
    const begin = performance.now();
    spawnSync(process.execPath, [bundle], { env: { ...process.env, SHIPKIT_LOAD_CHECK: '1' }, stdio: 'ignore' });
    return performance.now() - begin;
  });
  const processStart = Math.min(...startRuns);
  const breakdown = (timings: Record<string, number>, total: number) =>
    [['process start (bundle load)', processStart], ...Object.entries(timings), ['invalidation (no CloudFront here)', 0], ['other', Math.max(0, total - Object.values(timings).reduce((a, b) => a + b, 0))]]
      .map(([phase, ms]) => `${phase} ${seconds(ms as number)}`)
      .join(', ');
  console.log('\nwhere the time goes (shipkit)');
  console.log(`  first publish:        ${breakdown(firstTimings, shipkitFirst.ms)}`);
  console.log(`  unchanged re-publish: ${breakdown(againTimings, shipkitAgain.ms)}`);

  // 5. peak RSS of the action publishing 20,000 small files.
  const many = path.join(work, 'many', 'dist');
  writeSmallFiles(many, 20_000);
  const rss = peakRss(work);
  const manyRun = await runAction('cdn-publish', {
    workspace: path.join(work, 'many'),
    env: { ...s3.env, ...rss.env },
    inputs: { 'source-dir': 'dist', bucket: 'bench-cdn', prefix: 'many', version: '1.0.0', aliases: 'false', 'force-path-style': 'true', endpoint: s3.endpoint },
    timeoutMs: 20 * 60_000,
  });
  const peakMb = rss.mainMb();
  console.log(`\npeak RSS of the cdn-publish action publishing 20,000 small files: ${peakMb.toFixed(0)} MB (exit ${manyRun.exitCode}, uploaded ${manyRun.outputs.uploaded ?? '?'}) — target < 200 MB: ${peakMb < 200 ? 'met' : 'NOT met'}`);

  // 6. a store 20 ms away: latency, not CPU, decides; concurrency is what tunes a publisher to it.
  const proxy = await startFlakyProxy(s3.endpoint, { every: 1, delayMs: LATENCY_MS });
  let far: { shipkit: number; at16: number; aws: number };
  try {
    const farClient = createObjectStore({ endpoint: proxy.endpoint, env: s3.env });
    const shipkitFar = await timed(() => publishDirectory(farClient, { sourceDir: first, bucket: 'bench-shipkit', prefix: 'far', ...quiet }));
    const at16 = await timed(() => publishDirectory(farClient, { sourceDir: first, bucket: 'bench-shipkit', prefix: 'far-16', concurrency: 16, ...quiet }));
    const awsFar = await timed(() => aws(first, 'bench-aws/far', proxy.endpoint));
    far = { shipkit: shipkitFar.ms, at16: at16.ms, aws: awsFar.ms };
  } finally {
    await proxy.stop();
  }
  console.log(
    `
first publish with ${LATENCY_MS} ms per request (a proxy): shipkit ${seconds(far.shipkit)} at concurrency ${DEFAULT_CONCURRENCY}, ${seconds(far.at16)} at 16; ` +
      `aws s3 sync ${seconds(far.aws)} — ${(far.aws / far.shipkit).toFixed(2)}x faster than aws, ${(far.at16 / far.shipkit).toFixed(2)}x faster than at 16`,
  );

  const puts = shipkitAgain.requests.PUT ?? 0;
  console.log(`\ntargets: first publish >= 2.5x faster than aws s3 sync: ${awsFirst.ms / shipkitFirst.ms >= 2.5 ? 'met' : 'NOT met'} (engine), ${awsFirst.ms / actionFirst.ms >= 2.5 ? 'met' : 'NOT met'} (the action as a process); unchanged re-publish >= 12x faster: ${awsAgain.ms / shipkitAgain.ms >= 12 ? 'met' : 'NOT met'}; 0 PUTs: ${puts === 0 ? 'met' : `NOT met (${puts})`}; peak RSS < 200 MB with 20,000 files: ${peakMb < 200 ? 'met' : 'NOT met'}`);
} finally {
  await s3.stop();
}
