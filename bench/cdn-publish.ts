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
 *      signing, planning or manifest, at shipkit's concurrency (bench/lib/raw-puts.mjs) — what this
 *      server accepts at best on this machine, so the ratio can be read against it; measured in
 *      this process (its http stack warm from the rounds before) and as a process of its own (node
 *      start and a cold http stack, as the action and aws have them)
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
 *   7. start-up of the action, alone: a bare `node -e 0`; the bundle's load (SHIPKIT_LOAD_CHECK=1)
 *      with its compile cache cold and warm; process start to the first line of work (the
 *      `::debug::cdn-publish: work starts` line main() prints) as it starts now (one process), with
 *      the re-exec it used to do on every run (SHIPKIT_RESPAWN_ABOVE_FILES=0), and with the compile
 *      cache of an earlier step of the job — alternating, the median of seven each
 *   8. the first publish's gap to the floor, request by request: the same files as PutObject through
 *      the SDK (signed, as the engine sent them before its own upload path: metadata, headers,
 *      x-amz-content-sha256 from the scan), the same unsigned (a signer that does nothing), and the
 *      engine's upload path (src/put.ts: the same request, signed by src/sigv4.ts, sent without
 *      the SDK's per-command pipeline), beside the floor; the engine's own phases (scan and hash,
 *      listing, transfers) from its timings. s3rver does not check SigV4 signatures (it reads the
 *      access key only), so the signed-unsigned difference is the client's signing alone
 * Request counts are recorded by the S3 server (every HTTP request, whichever client sent it).
 * Prints times, ratios, request counts, breakdowns and peak RSS. Not part of the test suite.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runAction, type RunOptions } from '../test/harness/index.js';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { mapLimit } from '@shipkit/core';
import { createS3Client, DEFAULT_CONCURRENCY, directPutStats, publishDirectory, putObject, scanDirectory } from '@shipkit/s3';
import { createObjectStore } from '@shipkit/stores';
import { RESPAWN_ABOVE_FILES, WORK_STARTS } from '../packages/cdn-publish/src/startup.js';
import { publishCdn } from '../packages/cdn-publish/src/publish.js';
import { run, startS3, tempDir } from '../test/services/index.js';
import { peakRss, writeSmallFiles } from './lib/peak-rss.js';
import { startFlakyProxy } from '../packages/s3/test/flaky-proxy.js';
import { rawPuts } from './lib/raw-puts.mjs';

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

/** The middle run of an odd number of timed runs. */
function median<T extends { ms: number }>(runs: readonly T[]): T {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
}

/**
 * Section 8: the same files as PutObject requests through shipkit's S3 client, `concurrency` at a
 * time — what the engine sends per file (headers, sha256 metadata and x-amz-content-sha256 from the
 * scan), without planning, listing or manifest. `signed`: the SDK's PutObject; `unsigned`: the same with
 * the client's SigV4 signer replaced by one that does nothing (s3rver accepts anonymous writes), so the
 * difference is what signing costs; `direct`: the engine's own upload path (src/put.ts).
 */
async function sdkPuts(endpoint: string, env: NodeJS.ProcessEnv, bucket: string, prefix: string, files: Awaited<ReturnType<typeof scanDirectory>>, concurrency: number, via: 'signed' | 'unsigned' | 'direct'): Promise<void> {
  // 'direct': the engine's own upload path (src/put.ts), as publishDirectory sends them; else the SDK's PutObject.
  const client = createS3Client({ endpoint, env, directPuts: via === 'direct' });
  if (via === 'unsigned') {
    const config = client.config as unknown as { httpAuthSchemes: Array<{ signer: unknown }> };
    config.httpAuthSchemes = config.httpAuthSchemes.map((scheme) => ({ ...scheme, signer: { sign: async (request: unknown) => request } }));
  }
  try {
    await mapLimit(files, concurrency, async (file) => {
      const input = { Bucket: bucket, Key: `${prefix}/${file.key}`, Body: await readFile(file.path), ContentType: file.contentType, CacheControl: 'public, max-age=31536000, immutable', Metadata: { sha256: file.sha256 } };
      if (via === 'direct') await putObject(client, input);
      else await client.send(new PutObjectCommand({ ...input, ContentLength: file.size }));
    });
    const handedOver = directPutStats(client)?.handedOver;
    if (handedOver) throw new Error(`${handedOver} of the bench's direct PUTs were handed to the SDK`);
  } finally {
    client.destroy();
  }
}

/** Milliseconds from starting the action (as the runner does) to its first line of work, and its result. */
async function startUp(options: RunOptions): Promise<number> {
  const marker = `::debug::${WORK_STARTS}`;
  let seen = '';
  let at: number | undefined;
  const begin = performance.now();
  const run = await runAction('cdn-publish', {
    ...options,
    onStdout: (chunk) => {
      if (at === undefined && (seen += chunk).includes(marker)) at = performance.now();
    },
  });
  if (run.exitCode !== 0 || at === undefined) throw new Error(`cdn-publish start-up run failed (exit ${run.exitCode}, marker ${at === undefined ? 'not seen' : 'seen'}):\n${run.log.slice(-3000)}`);
  return at - begin;
}

/** The median of each list of milliseconds, for the printed rows. */
const medianMs = (runs: readonly number[]): number => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;

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
  // The floor as a process of its own (node start and a cold http stack included, as the action has them).
  const floorList = path.join(work, 'floor-files.json');
  writeFileSync(floorList, JSON.stringify(firstFiles.map(({ key, path: file }) => ({ key, path: file }))));
  const floorProcessRounds: Array<Awaited<ReturnType<typeof timed>>> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const prefix = round === 0 ? 'site' : `site-${round}`;
    // The floor first: the server (s3rver is a Node process too) is warm for both tools, as S3 always is.
    floorRounds.push(await timed(() => rawPuts(s3.endpoint, 'bench-floor', `site-${round}`, firstFiles, DEFAULT_CONCURRENCY)));
    floorProcessRounds.push(await timed(() => run(process.execPath, [path.join(import.meta.dirname, 'lib', 'raw-puts.mjs'), s3.endpoint, 'bench-floor', `process-${round}`, floorList, String(DEFAULT_CONCURRENCY)])));
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
  const floorProcess = median(floorProcessRounds);
  const actionFirst = median(actionRounds);

  // 2. fresh checkout: same bytes, new mtimes (copied after the uploads, so newer than the objects)
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const second = path.join(work, 'checkout-2', 'dist');
  cpSync(first, second, { recursive: true, preserveTimestamps: false });
  let shipkitAgainResult: Awaited<ReturnType<typeof publishDirectory>> | undefined;
  const shipkitAgain = await timed(async () => (shipkitAgainResult = await publishDirectory(client, { sourceDir: second, bucket: 'bench-shipkit', prefix: 'site', timings: againTimings, ...quiet })));
  const awsAgain = await timed(() => aws(second, 'bench-aws'));
  // ... and the action as a process against aws, ROUNDS alternating rounds, each from a fresh checkout
  // (new mtimes: aws re-uploads everything every time; the action re-publishes v1.0.0 of round 0 unchanged).
  const actionAgainRounds: Array<Awaited<ReturnType<typeof timed>>> = [];
  const awsAgainRounds: Array<Awaited<ReturnType<typeof timed>>> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const checkout = path.join(work, `checkout-again-${round}`, 'dist');
    cpSync(first, checkout, { recursive: true, preserveTimestamps: false });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const actionRound = () =>
      timed(async () => {
        const action = await runAction('cdn-publish', {
          workspace: path.dirname(checkout),
          env: s3.env,
          inputs: { 'source-dir': 'dist', bucket: 'bench-action', prefix: 'site-0', version: '1.0.0', aliases: 'false', 'force-path-style': 'true', endpoint: s3.endpoint },
        });
        if (action.exitCode !== 0 || action.outputs.uploaded !== '0') throw new Error(`cdn-publish re-publish failed or uploaded (${action.outputs.uploaded}):\n${action.log.slice(-3000)}`);
      });
    const awsRound = () => timed(() => aws(checkout, 'bench-aws'));
    if (round % 2) {
      awsAgainRounds.push(await awsRound());
      actionAgainRounds.push(await actionRound());
    } else {
      actionAgainRounds.push(await actionRound());
      awsAgainRounds.push(await awsRound());
    }
  }
  const actionAgain = median(actionAgainRounds);
  const awsAgainMedian = median(awsAgainRounds);

  // 3. the whole cdn-publish flow
  const cdnOptions = { bucket: 'bench-cdn', prefix: 'app', version: '1.0.0', aliases: true, cacheRules: [], include: [], exclude: [], overwrite: false, dryRun: false, concurrency: DEFAULT_CONCURRENCY, baseUrl: s3.endpoint, ...quiet, warn: () => undefined };
  const cdnFirst = await timed(() => publishCdn(client, { ...cdnOptions, sourceDir: first }));
  const cdnAgain = await timed(() => publishCdn(client, { ...cdnOptions, sourceDir: second }));

  const rounds = (runs: ReadonlyArray<{ ms: number }>) => runs.map((run) => seconds(run.ms)).join(', ');
  const rows: Array<[string, string, string, string]> = [
    [`first publish (median of ${ROUNDS})`, seconds(shipkitFirst.ms), seconds(awsFirst.ms), `${(awsFirst.ms / shipkitFirst.ms).toFixed(2)}x`],
    [`first publish, the cdn-publish action as a process (median of ${ROUNDS})`, seconds(actionFirst.ms), seconds(awsFirst.ms), `${(awsFirst.ms / actionFirst.ms).toFixed(2)}x`],
    ['unchanged re-publish (fresh mtimes)', seconds(shipkitAgain.ms), seconds(awsAgain.ms), `${(awsAgain.ms / shipkitAgain.ms).toFixed(1)}x`],
    [`unchanged re-publish, the cdn-publish action as a process (median of ${ROUNDS}, each a fresh checkout)`, seconds(actionAgain.ms), seconds(awsAgainMedian.ms), `${(awsAgainMedian.ms / actionAgain.ms).toFixed(1)}x`],
  ];
  console.log('\n| scenario | shipkit | aws s3 sync | aws time / shipkit time |\n| --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(`\nfirst publish rounds: shipkit ${rounds(shipkitRounds)}; the action ${rounds(actionRounds)}; aws ${rounds(awsRounds)}; store floor ${rounds(floorRounds)}`);
  const perRound = (ours: ReadonlyArray<{ ms: number }>, theirs: ReadonlyArray<{ ms: number }>, digits: number) => ours.map((run, index) => `${(theirs[index]!.ms / run.ms).toFixed(digits)}x`).join(', ');
  console.log(`first publish, the action vs aws per round: ${perRound(actionRounds, awsRounds, 2)}; the action against the floor per round: ${actionRounds.map((run, index) => `${(run.ms / floorRounds[index]!.ms).toFixed(2)}x`).join(', ')}`);
  console.log(
    `the floor as a process of its own (the same bare PUTs, node start and a cold http stack included, as the action has them): ${rounds(floorProcessRounds)}; median ${seconds(floorProcess.ms)} — ` +
      `the action ${(actionFirst.ms / floorProcess.ms).toFixed(2)}x it (per round ${actionRounds.map((run, index) => `${(run.ms / floorProcessRounds[index]!.ms).toFixed(2)}x`).join(', ')})`,
  );
  console.log(`unchanged re-publish rounds: the action ${rounds(actionAgainRounds)}; aws ${rounds(awsAgainRounds)}; per round ${perRound(actionAgainRounds, awsAgainRounds, 1)}`);
  console.log(
    `store floor (bare unsigned PUTs of the same files, concurrency ${DEFAULT_CONCURRENCY}): ${seconds(floorFirst.ms)} — shipkit takes ${(shipkitFirst.ms / floorFirst.ms).toFixed(2)}x the floor, the action ${(actionFirst.ms / floorFirst.ms).toFixed(2)}x, aws ${(awsFirst.ms / floorFirst.ms).toFixed(2)}x; ` +
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

  // 7. start-up alone, alternating, median of seven each.
  const nodeStart: number[] = [];
  const loadCold: number[] = [];
  const loadWarm: number[] = [];
  const oneProcess: number[] = [];
  const reExec: number[] = [];
  const warmStep: number[] = [];
  const warmRoot = tempDir('bench-cdn-runner');
  const warmTemp = path.join(warmRoot, 'temp');
  mkdirSync(warmTemp, { recursive: true });
  const spawned = (args: string[], env: NodeJS.ProcessEnv) => {
    const begin = performance.now();
    const result = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
    return performance.now() - begin;
  };
  // CPU (user + system, all of the process's threads) of a process that loads the bundle up to
  // runAction and ends, against a bare node: what every start of the action costs the machine.
  const cpuMs = (args: string[], env: NodeJS.ProcessEnv) => {
    const probe = `const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000))`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', `${args.length ? `await import(${JSON.stringify(pathToFileURL(args[0]!).href)});` : ''}${probe}`], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const value = Number(/[\d.]+$/.exec(result.stdout)?.[0]);
    if (result.status !== 0 || !Number.isFinite(value)) throw new Error(`CPU probe of ${args.join(' ') || 'node'} exited ${result.status}: ${result.stdout}`);
    return value;
  };
  const nodeCpu: number[] = [];
  const loadCpu: number[] = [];
  const { RUNNER_TEMP: _ignored, ...withoutRunnerTemp } = process.env;
  // A dry run of the 2,000-file bundle: the work after the first line (scan, listing) does not count here.
  const startInputs = { 'source-dir': 'dist', bucket: 'bench-action', prefix: 'site-0', version: '1.0.0', aliases: 'false', 'dry-run': 'true', 'force-path-style': 'true', endpoint: s3.endpoint };
  const startOptions = { workspace: path.dirname(first), inputs: startInputs };
  await startUp({ ...startOptions, env: s3.env, runnerRoot: warmRoot });
  for (let i = 0; i < 7; i++) {
    nodeStart.push(spawned(['-e', '0'], withoutRunnerTemp));
    loadCold.push(spawned([bundle], { ...withoutRunnerTemp, SHIPKIT_LOAD_CHECK: '1' }));
    loadWarm.push(spawned([bundle], { ...withoutRunnerTemp, SHIPKIT_LOAD_CHECK: '1', RUNNER_TEMP: warmTemp }));
    nodeCpu.push(cpuMs([], withoutRunnerTemp));
    loadCpu.push(cpuMs([bundle], { ...withoutRunnerTemp, SHIPKIT_LOAD_CHECK: '1', RUNNER_TEMP: warmTemp }));
    oneProcess.push(await startUp({ ...startOptions, env: s3.env }));
    reExec.push(await startUp({ ...startOptions, env: { ...s3.env, SHIPKIT_RESPAWN_ABOVE_FILES: '0' } }));
    warmStep.push(await startUp({ ...startOptions, env: s3.env, runnerRoot: warmRoot }));
  }
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const spread = (runs: readonly number[]) => `${ms(Math.min(...runs))}-${ms(Math.max(...runs))}`;
  console.log('\nstart-up (median of 7, alternating; range in brackets)');
  console.log(`  bare node -e 0:                                   ${ms(medianMs(nodeStart))} (${spread(nodeStart)})`);
  console.log(`  bundle loaded (SHIPKIT_LOAD_CHECK=1), cold cache: ${ms(medianMs(loadCold))} (${spread(loadCold)}) — the bundle's load ${ms(medianMs(loadCold) - medianMs(nodeStart))} over bare node`);
  console.log(`  bundle loaded, compile cache warm:                ${ms(medianMs(loadWarm))} (${spread(loadWarm)}) — ${ms(medianMs(loadWarm) - medianMs(nodeStart))} over bare node`);
  console.log(`  CPU of a process loading the bundle, cache warm:  ${ms(medianMs(loadCpu))} (${spread(loadCpu)}) — ${ms(medianMs(loadCpu) - medianMs(nodeCpu))} over bare node's ${ms(medianMs(nodeCpu))}`);
  console.log(`  process start to first line of work, one process (now, below ${RESPAWN_ABOVE_FILES} files): ${ms(medianMs(oneProcess))} (${spread(oneProcess)})`);
  console.log(`  ... with the re-exec (every run before; now above ${RESPAWN_ABOVE_FILES} files):    ${ms(medianMs(reExec))} (${spread(reExec)}) — the re-exec costs ${ms(medianMs(reExec) - medianMs(oneProcess))}`);
  console.log(`  ... one process, compile cache of an earlier step of the job:       ${ms(medianMs(warmStep))} (${spread(warmStep)})`);

  // 8. the first publish's gap to the floor, alternating, median of five each.
  const gapFloor: number[] = [];
  const gapSigned: number[] = [];
  const gapUnsigned: number[] = [];
  const gapDirect: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    gapDirect.push((await timed(() => sdkPuts(s3.endpoint, s3.env, 'bench-floor', `gap-direct-${round}`, firstFiles, DEFAULT_CONCURRENCY, 'direct'))).ms);
    gapFloor.push((await timed(() => rawPuts(s3.endpoint, 'bench-floor', `gap-${round}`, firstFiles, DEFAULT_CONCURRENCY))).ms);
    gapSigned.push((await timed(() => sdkPuts(s3.endpoint, s3.env, 'bench-floor', `gap-signed-${round}`, firstFiles, DEFAULT_CONCURRENCY, 'signed'))).ms);
    gapUnsigned.push((await timed(() => sdkPuts(s3.endpoint, s3.env, 'bench-floor', `gap-unsigned-${round}`, firstFiles, DEFAULT_CONCURRENCY, 'unsigned'))).ms);
  }
  const [floorMs, signedMs, unsignedMs, directMs] = [medianMs(gapFloor), medianMs(gapSigned), medianMs(gapUnsigned), medianMs(gapDirect)];
  const phase = (name: string) => firstTimings[name] ?? 0;
  console.log(`\nwhere the first publish's gap to the floor goes (median of ${ROUNDS}, alternating; the engine's phases from its first round)`);
  console.log(`  floor, bare unsigned PUTs:                      ${seconds(floorMs)}`);
  console.log(`  PutObject through the SDK, unsigned:            ${seconds(unsignedMs)}  (+${seconds(unsignedMs - floorMs)}: the SDK's request pipeline, headers, metadata)`);
  console.log(`  PutObject through the SDK, signed (SigV4):      ${seconds(signedMs)}  (+${seconds(signedMs - unsignedMs)}: signing; the body hash comes from the scan)`);
  console.log(`  the engine's upload path (put.ts), signed:      ${seconds(directMs)}  (+${seconds(directMs - floorMs)} over the floor: SigV4 by src/sigv4.ts, no per-command pipeline; ${(signedMs / directMs).toFixed(2)}x faster than the SDK's signed PUTs)`);
  console.log(`  the engine (median above):                      ${seconds(shipkitFirst.ms)}  (+${seconds(shipkitFirst.ms - directMs)} over its upload path alone: ${Object.entries(firstTimings).map(([name, value]) => `${name} ${seconds(value)}`).join(', ')})`);
  console.log(`  the action as a process (median above):         ${seconds(actionFirst.ms)}  (+${seconds(actionFirst.ms - shipkitFirst.ms)} over the engine: start-up ${ms(medianMs(oneProcess))}, inputs, summary)`);
  console.log(`  hashing (scan and hash, overlapping the listing): ${seconds(phase('scan and hash'))}; transfers ${seconds(phase('transfers'))} against the signed PUTs' ${seconds(signedMs)}`);

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
  // The same without the re-exec (threshold raised): the run-time setting alone, what sites below the threshold get.
  rss.reset();
  const manyOneProcess = await runAction('cdn-publish', {
    workspace: path.join(work, 'many'),
    env: { ...s3.env, ...rss.env, SHIPKIT_RESPAWN_ABOVE_FILES: '1000000' },
    inputs: { 'source-dir': 'dist', bucket: 'bench-cdn', prefix: 'many-one-process', version: '1.0.0', aliases: 'false', 'force-path-style': 'true', endpoint: s3.endpoint },
    timeoutMs: 20 * 60_000,
  });
  const oneProcessMb = rss.mainMb();
  console.log(`\npeak RSS of the cdn-publish action publishing 20,000 small files: ${peakMb.toFixed(0)} MB (exit ${manyRun.exitCode}, uploaded ${manyRun.outputs.uploaded ?? '?'}; above ${RESPAWN_ABOVE_FILES} files: re-executed) — target < 200 MB: ${peakMb < 200 ? 'met' : 'NOT met'}`);
  console.log(`  the same in one process (the run-time young-generation setting alone): ${oneProcessMb.toFixed(0)} MB (exit ${manyOneProcess.exitCode}) — target < 200 MB: ${oneProcessMb < 200 ? 'met' : 'NOT met'}`);

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
  const everyRound = actionRounds.every((run, index) => awsRounds[index]!.ms / run.ms >= 2.5);
  console.log(
    `\ntargets: first publish >= 2.5x faster than aws s3 sync: ${awsFirst.ms / shipkitFirst.ms >= 2.5 ? 'met' : 'NOT met'} (engine), ${awsFirst.ms / actionFirst.ms >= 2.5 ? 'met' : 'NOT met'} (the action as a process, median), ${everyRound ? 'met' : 'NOT met'} (the action, every round); ` +
      `the action within 1.3x of the store's floor: ${actionFirst.ms / floorFirst.ms <= 1.3 ? 'met' : 'NOT met'} (${(actionFirst.ms / floorFirst.ms).toFixed(2)}x; ${(actionFirst.ms / floorProcess.ms).toFixed(2)}x the floor as a process); ` +
      `unchanged re-publish >= 12x faster: ${awsAgain.ms / shipkitAgain.ms >= 12 ? 'met' : 'NOT met'} (engine), ${awsAgainMedian.ms / actionAgain.ms >= 12 ? 'met' : 'NOT met'} (the action as a process, median); 0 PUTs: ${puts === 0 ? 'met' : `NOT met (${puts})`}; ` +
      `peak RSS < 200 MB with 20,000 files: ${peakMb < 200 && oneProcessMb < 200 ? 'met' : 'NOT met'}`,
  );
} finally {
  await s3.stop();
}
