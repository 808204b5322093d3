/**
 * rollback: how long a direct s3 rollback (server-side reinstall from the release store) takes
 * for a 500-file site, against a fresh upload of the same 500 files.
 *
 *   npm run bench -- rollback      (or: npx tsx bench/rollback.ts)
 *
 * Against one local S3 (s3rver):
 *   1. fresh upload     publishDirectory of the 500 files into an empty bucket (what a rebuild-and-redeploy costs)
 *   2. aws s3 sync      the same fresh upload with the aws CLI, when it is installed
 *   3. rollback         live = v2 (every file differs from v1); shipkit's rollback() to v1: ledger
 *                       read, validation, server-side copy of 500 files, stale v2 files removed, records
 *      and the common case: the bad release changed 50 of the 500 files, so rollback copies 50
 *   4. blue-green       the same releases in two slots: rollback() switches back (command router)
 *   5. where the time goes (first round): the full rollback, the 50-file rollback, and a deploy of
 *      an unchanged release (upload reused, install a no-op): ledger read, remote listing/manifest,
 *      planning, transfers — with the S3 requests each made
 *   6. memory: peak RSS of the deploy-env action (the committed bundle, as the runner starts it)
 *      deploying a 5,000-file release (release store upload + install), as it starts by default
 *      (re-executed with a small young generation: @shipkit/respawn) and with SHIPKIT_NO_RESPAWN=1
 * Each of 1-4 is run 3 times (fresh buckets); medians and ratios are printed. Not part of the test suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { publishDirectory } from '@shipkit/s3';
import { createObjectStore } from '@shipkit/stores';
import { openLedger } from '@shipkit/ledger';
import { resolveEnvironment, uploadRelease } from '@shipkit/environments';
import { createTarget } from '@shipkit/targets';
import { parseConfig } from '@shipkit/core';
import { switchTraffic } from '@shipkit/routers';
import { rollback } from '../packages/rollback/src/rollback.js';
import { runAction } from '../test/harness/index.js';
import { startS3, tempDir } from '../test/services/index.js';
import { peakRss, writeSmallFiles } from './lib/peak-rss.js';

const FILES = 500;
const ROUNDS = 3;
const MEMORY_FILES = 5000;

/** A site of FILES files; the first `changed` carry `version`, the rest `base` (a release that changed some chunks). */
function writeSite(dir: string, version: string, base = version, changed = FILES): void {
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  for (let i = 0; i < FILES - 1; i++) {
    // 1-8 KiB, like a split bundle's chunks, css and icons.
    const owner = i < changed ? version : base;
    const body = `/* ${owner} file ${i} */\n${'x'.repeat(1024 * (1 + (i % 8)))}\n`;
    writeFileSync(path.join(dir, 'assets', `file-${i}.${owner}.js`), body);
  }
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><div id="root">${version}</div>\n`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const s3 = await startS3({ buckets: ['state'] });
const quiet = { log: () => undefined };
try {
  process.env.AWS_ACCESS_KEY_ID = s3.env.AWS_ACCESS_KEY_ID;
  process.env.AWS_SECRET_ACCESS_KEY = s3.env.AWS_SECRET_ACCESS_KEY;
  const client = createObjectStore({ endpoint: s3.endpoint, region: 'us-east-1' });
  const work = tempDir('bench-rollback');
  writeSite(path.join(work, 'v1'), 'v1');
  writeSite(path.join(work, 'v2'), 'v2');
  writeSite(path.join(work, 'v3'), 'v3', 'v1', 50); // v1 with 50 chunks changed

  const fresh: number[] = [];
  const cli: number[] = [];
  const rollbacks: number[] = [];
  const flips: number[] = [];
  const partials: number[] = [];
  const hasAws = spawnSync('aws', ['--version']).status === 0;
  // The core logger prints progress lines; keep the bench output to the results.
  const realWrite = process.stdout.write.bind(process.stdout);
  const silence = () => (process.stdout.write = (() => true) as typeof process.stdout.write);
  const restore = () => (process.stdout.write = realWrite);

  const breakdowns: Array<[string, Record<string, number>, number, Record<string, number>]> = [];
  const measured = async (label: string, fn: (timings: Record<string, number>) => Promise<unknown>, keep: boolean): Promise<number> => {
    const timings: Record<string, number> = {};
    s3.resetRequests();
    const ms = await timed(() => fn(timings));
    if (keep) breakdowns.push([label, timings, ms, s3.requestCounts()]);
    return ms;
  };
  for (let round = 0; round < ROUNDS; round++) {
    await s3.createBucket(`fresh-${round}`);
    silence();
    fresh.push(await timed(() => publishDirectory(client, { sourceDir: path.join(work, 'v1'), bucket: `fresh-${round}`, prefix: '', ...quiet })));
    restore();

    if (hasAws) {
      await s3.createBucket(`cli-${round}`);
      cli.push(await timed(async () => {
        const result = spawnSync('aws', ['s3', 'sync', path.join(work, 'v1'), `s3://cli-${round}/`, '--only-show-errors'], { env: { ...process.env, ...s3.env } });
        if (result.status !== 0) throw new Error(`aws s3 sync failed: ${result.stderr}`);
      }));
    }

    const bucket = `site-${round}`;
    await s3.createBucket(bucket);
    const { config } = parseConfig(`app: bench\nstate: s3://state/r${round}\nenvironments:\n  production: { target: s3, s3: { bucket: ${bucket} } }\n`, 'bench.yml');
    const env = resolveEnvironment({ config, file: 'bench.yml', locate: () => '' }, 'production', {}, work);
    const ledger = await openLedger({ state: env.state, app: 'bench', environment: 'production', client, run: { runId: `bench-${round}` }, warn: () => undefined });
    const target = createTarget(env, client);
    silence();
    for (const version of ['v1', 'v2']) {
      await uploadRelease(client, env, version, path.join(work, version));
      const op = await ledger.begin({ type: 'deploy', release: version });
      await target.install({ release: version, operation: 'deploy' });
      await op.succeed();
    }
    const elapsed = await measured('rollback, every file differs', (timings) => rollback({ env, target, to: 'previous', trigger: 'manual', reason: 'bench', client, ledger, timings }), round === 0);
    // The common case: the bad release changed 50 of 500 files; rolling back copies only those.
    await uploadRelease(client, env, 'v3', path.join(work, 'v3'));
    const op3 = await ledger.begin({ type: 'deploy', release: 'v3' });
    await target.install({ release: 'v3', operation: 'deploy' });
    await op3.succeed();
    partials.push(await measured('rollback, 50 of 500 files differ', (timings) => rollback({ env, target, to: 'v1', trigger: 'manual', reason: 'bench', client, ledger, timings }), round === 0));
    // A deploy of the release that is live already (a re-run): the upload is reused, the install a no-op.
    await measured('deploy of an unchanged release (upload reused, install no-op)', async (timings) => {
      const started = performance.now();
      await uploadRelease(client, env, 'v1', path.join(work, 'v1'));
      timings['release store upload (reused)'] = performance.now() - started;
      await target.install({ release: 'v1', operation: 'deploy', timings });
    }, round === 0);
    restore();
    rollbacks.push(elapsed);

    // Blue-green: the same two releases in two slots; rollback = switch back (command router `true`).
    await s3.createBucket(`blue-${round}`);
    await s3.createBucket(`green-${round}`);
    const bg = parseConfig(
      `app: bench\nstate: s3://state/bg${round}\nenvironments:\n  staging:\n    target: s3\n    strategy: blue-green\n    slots:\n      blue: { s3: { bucket: blue-${round} } }\n      green: { s3: { bucket: green-${round} } }\n    router: { type: command, switch: ["true"] }\n`,
      'bench.yml',
    );
    const bgEnv = resolveEnvironment(bg, 'staging', {}, work);
    const bgLedger = await openLedger({ state: bgEnv.state, app: 'bench', environment: 'staging', client, run: { runId: `bench-bg-${round}` }, warn: () => undefined });
    const bgTarget = createTarget(bgEnv, client);
    silence();
    for (const [version, slot] of [['v1', 'blue'], ['v2', 'green']] as const) {
      await uploadRelease(client, bgEnv, version, path.join(work, version));
      const op = await bgLedger.begin({ type: 'deploy', release: version, slot });
      await bgTarget.install({ release: version, slot, operation: 'deploy' });
      await op.succeed();
      await switchTraffic({ env: bgEnv, ledger: bgLedger, to: slot });
    }
    const flip = await timed(() => rollback({ env: bgEnv, target: bgTarget, to: 'previous', trigger: 'manual', reason: 'bench', client, ledger: bgLedger }));
    restore();
    flips.push(flip);
  }

  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`rollback of a ${FILES}-file site, local s3rver, median of ${ROUNDS}:`);
  console.log(`  fresh upload (publishDirectory)          ${seconds(median(fresh))}`);
  if (hasAws) console.log(`  fresh upload (aws s3 sync)               ${seconds(median(cli))}`);
  console.log(`  rollback (server-side reinstall, 500 copies + 500 stale deletes + ledger)  ${seconds(median(rollbacks))}`);
  console.log(`  rollback, 50 of 500 files differ (copies 50, deletes 50)  ${seconds(median(partials))}`);
  console.log(`  blue-green rollback (switch back, command router)  ${seconds(median(flips))}`);
  console.log(`  ratio fresh upload / rollback            ${(median(fresh) / median(rollbacks)).toFixed(2)}x`);
  console.log(`  ratio fresh upload / rollback (50 differ) ${(median(fresh) / median(partials)).toFixed(2)}x`);
  console.log(`  ratio fresh upload / blue-green rollback ${(median(fresh) / median(flips)).toFixed(2)}x`);
  if (hasAws) console.log(`  ratio aws s3 sync / rollback             ${(median(cli) / median(rollbacks)).toFixed(2)}x`);
  console.log('\nwhere the time goes (first round)');
  for (const [label, timings, ms, requests] of breakdowns) {
    const parts = Object.entries(timings).map(([phase, value]) => `${phase} ${seconds(value)}`);
    const other = Math.max(0, ms - Object.values(timings).reduce((a, b) => a + b, 0));
    console.log(`  ${label}: ${seconds(ms)} = ${[...parts, `other (ledger writes, validation) ${seconds(other)}`].join(', ')}; ${Object.values(requests).reduce((a, b) => a + b, 0)} requests (${Object.entries(requests).sort().map(([method, count]) => `${method} ${count}`).join(', ')})`);
  }
  console.log('Note: on a loopback s3rver a CopyObject of a small file costs more than a PUT of it (s3rver copies through its');
  console.log('filesystem store), so a full reinstall is not faster than a fresh upload here. Against AWS, CopyObject moves no');
  console.log('bytes through the runner (no rebuild, no re-upload), and only files that differ are copied.');

  // 6. memory of the deploy-env action with many files, with and without the start-up re-execution.
  const rss = peakRss(work);
  const workspace = path.join(work, 'memory');
  mkdirSync(path.join(workspace, '.github'), { recursive: true });
  writeSmallFiles(path.join(workspace, 'build'), MEMORY_FILES);
  writeFileSync(path.join(workspace, 'build', 'index.html'), '<!doctype html>');
  const memory: Array<[string, number, number]> = [];
  for (const [label, extra] of [['as it starts (re-executed: --max-semi-space-size=4, MALLOC_ARENA_MAX=2)', {}], ['with SHIPKIT_NO_RESPAWN=1', { SHIPKIT_NO_RESPAWN: '1' }]] as const) {
    const environment = extra.SHIPKIT_NO_RESPAWN ? 'plain' : 'respawned';
    await s3.createBucket(`memory-${environment}`);
    writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), `app: bench\nstate: s3://state/memory-${environment}\nenvironments:\n  ${environment}: { target: s3, s3: { bucket: memory-${environment} } }\n`);
    rss.reset();
    const started = performance.now();
    const run = await runAction('deploy-env', { workspace, env: { ...s3.env, ...extra, ...rss.env }, inputs: { environment, release: 'r1', 'source-dir': 'build' }, timeoutMs: 30 * 60_000 });
    if (run.exitCode !== 0) throw new Error(`deploy-env failed:\n${run.log.slice(-3000)}`);
    memory.push([label, rss.mainMb(), performance.now() - started]);
  }
  console.log(`\npeak RSS of the deploy-env action deploying a ${MEMORY_FILES.toLocaleString('en')}-file release (release store upload + install):`);
  for (const [label, mb, ms] of memory) console.log(`  ${label}: ${mb.toFixed(0)} MB in ${seconds(ms)}`);
} finally {
  await s3.stop();
}
