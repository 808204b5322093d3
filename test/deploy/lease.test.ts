/**
 * One change at a time per environment, and a failed change leaves the previous release serving:
 * through the committed bundles, on moto (BUNDLE_S3_KINDS). The lease on s3rver, which ignores
 * conditional writes and so gets a best-effort lease, is packages/ledger/test/lease.test.ts's subject.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { runAction } from '../harness/index.js';
import { killAction } from '../harness/process.js';
import { BUNDLE_S3_KINDS, startS3Server, tempDir, type S3Server } from '../services/index.js';
import { startFlakyProxy } from '../../packages/s3/test/flaky-proxy.js';
import { actionEnv, hashServed, hashTree, ledgerOf, servedIndex, workspaceWith, writeSite } from './helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** What post.js prints when the main step left it nothing to do (scripts/package.mjs). */
const NOTHING_LEFT = 'Nothing left to finish: the main step ended what it started.';

/** A pre-deploy hook that says it started, then waits for `<dir>/go` (a migration that takes a while). */
function slowHook(workspace: string): string {
  const dir = tempDir('hook');
  mkdirSync(path.join(workspace, 'hooks'), { recursive: true });
  writeFileSync(
    path.join(workspace, 'hooks', 'slow.sh'),
    '#!/bin/sh\ntouch "$1/$SHIPKIT_RELEASE.started"\ni=0\nwhile [ ! -e "$1/go" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done\n',
  );
  chmodSync(path.join(workspace, 'hooks', 'slow.sh'), 0o755);
  return dir;
}

async function waitFor(check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await sleep(50);
  }
}

/** Every key and ETag of a bucket: what "unchanged" means. */
async function snapshot(s3: S3Server, bucket: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const page = await s3.client().send(new ListObjectsV2Command({ Bucket: bucket }));
  for (const object of page.Contents ?? []) out[object.Key!] = object.ETag!;
  return out;
}

describe.each(BUNDLE_S3_KINDS)('environment lease and restore through the bundles on %s', (kind) => {
  let s3: S3Server;
  beforeAll(async () => {
    s3 = await startS3Server(kind, { buckets: ['state'], websites: ['race-site', 'restore-site', 'broken-site', 'killed-site'] });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  test('a deploy waits while another holds the environment: the live site is untouched until the first finishes, the waiter names it', async () => {
    const workspace = workspaceWith({});
    const hook = slowHook(workspace);
    writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), `app: shop\nstate: s3://state/shipkit\nenvironments:\n  race: { target: s3, s3: { bucket: race-site }, pre-deploy: [./hooks/slow.sh, ${hook}] }\n`);
    for (const release of ['r0', 'r1', 'r2', 'r3']) writeSite(path.join(workspace, 'build', release), release);
    const deploy = (release: string, runId: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
      runAction('deploy-env', { workspace, env: actionEnv(s3, { GITHUB_RUN_ID: runId, GITHUB_ACTOR: `actor-${runId}`, ...env }), inputs: { environment: 'race', release, 'source-dir': `build/${release}`, ...inputs } });

    writeFileSync(path.join(hook, 'go'), '');
    expect((await deploy('r0', '5000')).errors).toEqual([]);
    const r0 = hashTree(path.join(workspace, 'build', 'r0'));
    rmSync(path.join(hook, 'go'));

    const first = deploy('r1', '5001');
    await waitFor(() => existsSync(path.join(hook, 'r1.started')));
    // The waiter reaches the store through a proxy that counts its looks at the lease object.
    let leaseReads = 0;
    const watcher = await startFlakyProxy(s3.endpoint, { every: 1, when: (req) => (req.method === 'GET' && (req.url ?? '').includes('/lease.json') && leaseReads++, false) });
    // lock-timeout 40s: the waiter looks every 2 s (the default timeout's 5 s would only make the test wait longer).
    const second = deploy('r2', '5002', { 'lock-timeout': '40s' }, { AWS_ENDPOINT_URL: watcher.endpoint, AWS_ENDPOINT_URL_S3: watcher.endpoint, AWS_MAX_ATTEMPTS: '5' });
    const before = await snapshot(s3, 'race-site');
    // While r1 sits in its hook: r2 may not start, and a run with lock-timeout 0 is refused at once.
    const impatient = await deploy('r3', '5003', { 'lock-timeout': '0' });
    expect(impatient.exitCode).toBe(1);
    expect(impatient.errors.join('\n')).toMatch(/Environment race of shop is held by run 5001, https:\/\/github.com\/.*\/actions\/runs\/5001, actor actor-5001: deploy r1 since .*Gave up waiting after 0ms \(lock-timeout\)/);
    // The event that makes the negative check meaningful: the waiter has looked at the lease again
    // (found it held) since the impatient run was refused, and still has not started its hook.
    const readsAfterRefusal = leaseReads;
    await waitFor(() => leaseReads > readsAfterRefusal, 60_000);
    expect(existsSync(path.join(hook, 'r2.started'))).toBe(false);
    expect(await snapshot(s3, 'race-site')).toEqual(before);
    expect(await hashServed(s3.websiteUrl('race-site'), Object.keys(r0))).toEqual(r0);

    writeFileSync(path.join(hook, 'go'), '');
    const [one, two] = await Promise.all([first, second]);
    await watcher.stop();
    expect([one.exitCode, one.errors]).toEqual([0, []]);
    expect([two.exitCode, two.errors]).toEqual([0, []]);
    expect(two.log).toMatch(/Environment race of shop is held by run 5001.*: deploy r1 since .*Waiting up to/);
    for (const run of [one, two]) expect(run.warnings.join('\n')).not.toMatch(/Ledger conflict/);

    // The visitor sees one release, byte for byte; the ledger shows one change after the other.
    const r2 = hashTree(path.join(workspace, 'build', 'r2'));
    expect(await hashServed(s3.websiteUrl('race-site'), Object.keys(r2))).toEqual(r2);
    const records = (await (await ledgerOf(s3, 'race')).records()).filter((record) => record.type === 'deploy');
    expect(records.map((record) => `${record.release} ${record.status}`)).toEqual(['r0 started', 'r0 succeeded', 'r1 started', 'r1 succeeded', 'r2 started', 'r2 succeeded']);
    expect(records.every((record) => !record.conflicts)).toBe(true);
    const next = await deploy('r3', '5004');
    expect(next.outputs['previous-release']).toBe('r2');
    // The lease is gone once nobody holds it.
    expect(Object.keys(await snapshotPrefix(s3, 'state', 'shipkit/ledger/shop/race/lease'))).toEqual([]);
  }, 120_000);

  test('S3 fails the copy of index.html: the previous release is reinstalled before the step fails, and a re-run completes', async () => {
    const proxy = await startFlakyProxy(s3.endpoint, { every: 1, status: 500, code: 'InternalError' });
    try {
      const workspace = workspaceWith({ app: 'shop', state: 's3://state/shipkit', environments: { restore: { target: 's3', s3: { bucket: 'restore-site' } } } });
      for (const release of ['g1', 'g2']) writeSite(path.join(workspace, 'build', release), release, 12);
      const env = actionEnv(s3, { AWS_ENDPOINT_URL: proxy.endpoint, AWS_ENDPOINT_URL_S3: proxy.endpoint });
      const deploy = (release: string) => runAction('deploy-env', { workspace, env, inputs: { environment: 'restore', release, 'source-dir': `build/${release}` } });
      proxy.when = () => false;
      expect((await deploy('g1')).errors).toEqual([]);
      // Every copy of g2's index.html into the site fails; everything else goes through.
      proxy.when = (req) => req.method === 'PUT' && req.url?.startsWith('/restore-site/index.html') === true && String(req.headers['x-amz-copy-source'] ?? '').includes('/releases/shop/g2/');
      const failed = await deploy('g2');
      expect(failed.exitCode).toBe(1);
      expect(failed.errors.join('\n')).toMatch(/index\.html.*The previous release g1 was reinstalled and serves as before/s);
      // The failure names the config field and the location it came from, then the operation and the key.
      expect(failed.errors.join('\n')).toMatch(/^\.github\/shipkit\.yml: environments\.restore\.s3 s3:\/\/restore-site\/: Could not copy s3:\/\/state\/shipkit\/releases\/shop\/g2\/index\.html to s3:\/\/restore-site\/index\.html/m);
      expect(failed.log).toMatch(/Restored g1 on restore/);
      const g1 = hashTree(path.join(workspace, 'build', 'g1'));
      expect(await servedIndex(s3.websiteUrl('restore-site'))).toContain('<div id="root">g1</div>');
      expect(await hashServed(s3.websiteUrl('restore-site'), Object.keys(g1))).toEqual(g1);
      // Nothing of g2 is left behind.
      expect(Object.keys(await snapshot(s3, 'restore-site')).sort()).toEqual(Object.keys(g1).sort()); // only the site: shipkit's manifest is in the state store
      const ledger = await ledgerOf(s3, 'restore');
      const last = (await ledger.records()).at(-1)!;
      expect(last).toMatchObject({ type: 'deploy', status: 'failed', release: 'g2', details: { restored: 'g1', incomplete: false } });
      expect((await ledger.state()).live?.release).toBe('g1');

      proxy.when = () => false;
      const rerun = await deploy('g2');
      expect(rerun.errors).toEqual([]);
      const g2 = hashTree(path.join(workspace, 'build', 'g2'));
      expect(await hashServed(s3.websiteUrl('restore-site'), Object.keys(g2))).toEqual(g2);
    } finally {
      await proxy.stop();
    }
  }, 120_000);

  test('when the restore fails too, the location is recorded incomplete and a deploy of the "live" release reinstalls it', async () => {
    const proxy = await startFlakyProxy(s3.endpoint, { every: 1, status: 500, code: 'InternalError' });
    try {
      const workspace = workspaceWith({ app: 'shop', state: 's3://state/shipkit', environments: { broken: { target: 's3', s3: { bucket: 'broken-site' } } } });
      for (const release of ['h1', 'h2']) writeSite(path.join(workspace, 'build', release), release, 6);
      const env = actionEnv(s3, { AWS_ENDPOINT_URL: proxy.endpoint, AWS_ENDPOINT_URL_S3: proxy.endpoint });
      const deploy = (release: string) => runAction('deploy-env', { workspace, env, inputs: { environment: 'broken', release, 'source-dir': `build/${release}` } });
      proxy.when = () => false;
      expect((await deploy('h1')).errors).toEqual([]);
      // The copy of h2's index.html fails, and so does every deletion in the site (the restore must remove h2's new files).
      proxy.when = (req) =>
        (req.method === 'PUT' && req.url?.startsWith('/broken-site/index.html') === true && String(req.headers['x-amz-copy-source'] ?? '').includes('/releases/shop/h2/')) ||
        (req.method === 'POST' && req.url?.startsWith('/broken-site') === true && req.url.includes('delete'));
      const failed = await deploy('h2');
      expect(failed.exitCode).toBe(1);
      expect(failed.errors.join('\n')).toMatch(/could not be restored .*recorded as incomplete/s);
      const ledger = await ledgerOf(s3, 'broken');
      expect((await ledger.records()).at(-1)).toMatchObject({ status: 'failed', details: { incomplete: true } });
      expect((await ledger.state()).live?.release).toBe('h1');

      proxy.when = () => false;
      // The ledger says h1 is live, but the site is a mix: not a no-op.
      const again = await deploy('h1');
      expect(again.errors).toEqual([]);
      expect(again.warnings.join('\n')).toMatch(/Release h1 is live on broken according to the ledger, but s3:\/\/broken-site\/ holds an unfinished install of h1: installing it again/);
      const h1 = hashTree(path.join(workspace, 'build', 'h1'));
      expect(await hashServed(s3.websiteUrl('broken-site'), Object.keys(h1))).toEqual(h1);
      expect(await servedIndex(s3.websiteUrl('broken-site'))).toContain('<div id="root">h1</div>');
      // And now it is a no-op.
      expect((await deploy('h1')).log).toMatch(/already live on broken/);
    } finally {
      await proxy.stop();
    }
  }, 120_000);

  test("a killed holder's lease expires and the next run proceeds, recording the takeover", async () => {
    const workspace = workspaceWith({});
    const hook = slowHook(workspace);
    writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), `app: shop\nstate: s3://state/shipkit\nlock: { expiry: 5s }\nenvironments:\n  killed: { target: s3, s3: { bucket: killed-site }, pre-deploy: [./hooks/slow.sh, ${hook}] }\n`);
    for (const release of ['k1', 'k2']) writeSite(path.join(workspace, 'build', release), release);
    // The runner loses the process mid-deploy (SIGKILL, no post step): nobody releases the lease.
    // Killed once its hook says it started (it holds the lease then), not after a guessed time.
    const running = runAction('deploy-env', { workspace, env: actionEnv(s3, { GITHUB_RUN_ID: '6001' }), inputs: { environment: 'killed', release: 'k1', 'source-dir': 'build/k1' }, post: false });
    await waitFor(() => existsSync(path.join(hook, 'k1.started')));
    expect(killAction('deploy-env', workspace).length).toBeGreaterThan(0);
    const killed = await running;
    expect(killed.signal).toBe('SIGKILL');
    writeFileSync(path.join(hook, 'go'), '');
    // lock-timeout 30s: the next run looks every 1.5 s while the dead run's lease runs out (the default
    // timeout's 5 s between looks would only make the test wait longer).
    const next = await runAction('deploy-env', { workspace, env: actionEnv(s3, { GITHUB_RUN_ID: '6002' }), inputs: { environment: 'killed', release: 'k2', 'source-dir': 'build/k2', 'lock-timeout': '30s' } });
    expect(next.errors).toEqual([]);
    expect(next.warnings.join('\n')).toMatch(/Took over the expired lease on shop\/killed, held by run 6001.*deploy k1/);
    const started = (await (await ledgerOf(s3, 'killed')).records()).filter((record) => record.release === 'k2' && record.status === 'started');
    expect(started[0].details).toMatchObject({ leaseTakenOver: { runId: '6001', operation: 'deploy k1' } });
    const k2 = hashTree(path.join(workspace, 'build', 'k2'));
    expect(await hashServed(s3.websiteUrl('killed-site'), Object.keys(k2))).toEqual(k2);
  }, 120_000);
});

async function snapshotPrefix(s3: S3Server, bucket: string, prefix: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const page = await s3.client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  for (const object of page.Contents ?? []) out[object.Key!] = object.ETag!;
  return out;
}

describe('re-runs and interrupted steps (moto)', () => {
  let s3: S3Server;
  beforeAll(async () => {
    s3 = await startS3Server('moto', { buckets: ['state'], websites: ['again-site'] });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  test('a second rollback in the same run with another `to` is validated like any rollback; the same request again is a no-op', async () => {
    const workspace = workspaceWith({ app: 'shop', state: 's3://state/shipkit', environments: { again: { target: 's3', s3: { bucket: 'again-site' } } } });
    for (const release of ['a1', 'a2', 'a3']) {
      writeSite(path.join(workspace, 'build', release), release);
      expect((await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'again', release, 'source-dir': `build/${release}` } })).errors).toEqual([]);
    }
    const rollback = (to: string) => runAction('rollback', { workspace, env: actionEnv(s3, { GITHUB_RUN_ID: '7001' }), inputs: { environment: 'again', to } });
    const first = await rollback('previous');
    expect([first.errors, first.outputs.release]).toEqual([[], 'a2']);
    const unknown = await rollback('r-404');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.errors.join('\n')).toMatch(/Input "to" has an invalid value "r-404": release r-404 was never deployed successfully to again/);
    const same = await rollback('previous');
    expect([same.exitCode, same.outputs.release, same.outputs.changed, same.outputs['rolled-back-from']]).toEqual([0, 'a2', 'false', '']);
    expect(same.log).toMatch(/Nothing rolled back: this run already rolled again back to a2 \(from a3, at .*\); a re-run does not roll back a second step/);
    expect(same.summary).toMatch(/nothing done: this run already rolled again back to a2/);
    expect(first.outputs.changed).toBe('true');
    expect(first.log).toMatch(/"previous" is a2: the last good release before a3/);
    // Each rollback ended what it started (the refused one too): the post entry ends without loading the bundle.
    for (const run of [first, unknown, same]) expect([run.state.post, run.post?.log.trim()]).toEqual(['idle', NOTHING_LEFT]);
    expect((await (await ledgerOf(s3, 'again')).state()).live?.release).toBe('a2');
  }, 120_000);

  test('a post step after a main step that recorded success (then was cancelled) adds no failure', async () => {
    const workspace = workspaceWith({ app: 'shop', state: 's3://state/shipkit', environments: { again: { target: 's3', s3: { bucket: 'again-site' } } } });
    writeSite(path.join(workspace, 'build', 'p1'), 'p1');
    const run = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'again', release: 'p1', 'source-dir': 'build/p1' } });
    expect(run.errors).toEqual([]);
    expect(run.post?.exitCode).toBe(0);
    expect(run.post?.warnings).toEqual([]);
    expect(run.post?.log).not.toMatch(/interrupted|Restoring|Recorded/);
    // The main step ended its change and released the lease: it told the post entry so ("idle", saved
    // after the change state without the lease), and post.js ended without loading the bundle.
    expect(run.state.post).toBe('idle');
    expect(JSON.parse(run.state.change)).toMatchObject({ ended: true, release: 'p1' });
    expect(JSON.parse(run.state.change).lease).toBeUndefined();
    expect(run.post?.log.trim()).toBe(NOTHING_LEFT);
    const mine = (await (await ledgerOf(s3, 'again')).records()).filter((record) => record.release === 'p1');
    expect(mine.map((record) => record.status)).toEqual(['started', 'succeeded']);
  }, 60_000);

  test('a main step that could not release its lease leaves the post step that work: the post step releases it', async () => {
    const workspace = workspaceWith({ app: 'shop', state: 's3://state/shipkit', environments: { again: { target: 's3', s3: { bucket: 'again-site' } } } });
    writeSite(path.join(workspace, 'build', 'p2'), 'p2');
    // The store refuses the main step's delete of the lease once (not retried: access denied); the post step's goes through.
    let refused = 0;
    const proxy = await startFlakyProxy(s3.endpoint, { every: 1, status: 403, code: 'AccessDenied', when: (req) => req.method === 'DELETE' && (req.url ?? '').includes('/lease.json') && refused++ === 0 });
    try {
      const run = await runAction('deploy-env', { workspace, env: actionEnv(s3, { AWS_ENDPOINT_URL: proxy.endpoint, AWS_ENDPOINT_URL_S3: proxy.endpoint }), inputs: { environment: 'again', release: 'p2', 'source-dir': 'build/p2' } });
      expect([run.exitCode, run.errors]).toEqual([0, []]);
      expect(run.warnings.join('\n')).toMatch(/Could not release the lease on shop\/again/);
      expect(run.state.post).toBe('pending');
      expect(JSON.parse(run.state.change).lease).toBeDefined();
      expect(run.post?.exitCode).toBe(0);
      expect(run.post?.log).toMatch(/Released the environment lease the interrupted deploy-env held/);
      expect(refused).toBe(2);
    } finally {
      await proxy.stop();
    }
    // No lease object is left in the state store (the next run does not wait for it to expire).
    const listed = await s3.client().send(new ListObjectsV2Command({ Bucket: 'state', Prefix: 'shipkit/' }));
    expect((listed.Contents ?? []).map((object) => object.Key!).filter((key) => key.endsWith('lease.json'))).toEqual([]);
  }, 60_000);
});

describe('command targets: restore-on-failure (moto)', () => {
  let s3: S3Server;
  beforeAll(async () => {
    s3 = await startS3Server('moto', { buckets: ['state'] });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  test('a failed deploy command is followed by the deploy command of the previous release (SHIPKIT_OPERATION=restore)', async () => {
    const out = tempDir('restore-out');
    const workspace = workspaceWith({ app: 'shop', state: 's3://state/shipkit', environments: { api: { target: 'command', deploy: ['./deploy.sh'], 'restore-on-failure': true, env: { OUT: out } } } });
    writeFileSync(
      path.join(workspace, 'deploy.sh'),
      '#!/bin/sh\necho "$SHIPKIT_OPERATION $SHIPKIT_RELEASE" >> "$OUT/calls"\n[ "$SHIPKIT_RELEASE" = c2 ] && [ "$SHIPKIT_OPERATION" = deploy ] && exit 3\nexit 0\n',
    );
    chmodSync(path.join(workspace, 'deploy.sh'), 0o755);
    const deploy = (release: string) => runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'api', release } });
    expect((await deploy('c1')).errors).toEqual([]);
    const failed = await deploy('c2');
    expect(failed.exitCode).toBe(1);
    expect(failed.errors.join('\n')).toMatch(/The previous release c1 was reinstalled and serves as before/);
    expect(readFileSync(path.join(out, 'calls'), 'utf8')).toBe('deploy c1\ndeploy c2\nrestore c1\n');
    const last = (await (await ledgerOf(s3, 'api')).records()).at(-1);
    expect(last).toMatchObject({ release: 'c2', status: 'failed', details: { restored: 'c1', incomplete: false } });
  }, 60_000);
  test('a failed rollback runs the deploy command of the release it rolled back from, with that release\'s images', async () => {
    const out = tempDir('rollback-restore-out');
    const workspace = workspaceWith({ app: 'shop', state: 's3://state/shipkit', environments: { api2: { target: 'command', deploy: ['./deploy.sh'], 'restore-on-failure': true, env: { OUT: out } } } });
    writeFileSync(
      path.join(workspace, 'deploy.sh'),
      '#!/bin/sh\necho "$SHIPKIT_OPERATION $SHIPKIT_RELEASE $SHIPKIT_IMAGES" >> "$OUT/calls"\n[ "$SHIPKIT_OPERATION" = rollback ] && exit 3\nexit 0\n',
    );
    chmodSync(path.join(workspace, 'deploy.sh'), 0o755);
    const images = (release: string) => JSON.stringify({ api: { ref: `registry.test/api:${release}`, digest: `sha256:${release.padEnd(64, '0')}` } });
    const deploy = (release: string) => runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'api2', release, images: images(release) } });
    expect((await deploy('r1')).errors).toEqual([]);
    expect((await deploy('r2')).errors).toEqual([]);
    const failed = await runAction('rollback', { workspace, env: actionEnv(s3), inputs: { environment: 'api2', to: 'r1' } });
    expect(failed.exitCode).toBe(1);
    expect(failed.errors.join('\n')).toMatch(/The previous release r2 was reinstalled and serves as before/);
    const calls = readFileSync(path.join(out, 'calls'), 'utf8').trim().split('\n');
    expect(calls).toEqual([`deploy r1 ${images('r1')}`, `deploy r2 ${images('r2')}`, `rollback r1 ${images('r1')}`, `restore r2 ${images('r2')}`]);
    const last = (await (await ledgerOf(s3, 'api2')).records()).at(-1);
    expect(last).toMatchObject({ type: 'rollback', release: 'r1', status: 'failed', details: { restored: 'r2', incomplete: false } });
  }, 60_000);
});
