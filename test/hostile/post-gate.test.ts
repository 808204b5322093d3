/**
 * The post entry's gate (state `post`: packages/core/src/action.ts setPostPending, scripts/package.mjs
 * POST_ENTRY_SOURCE) attacked: main steps killed (SIGKILL, as the runner's timeout does) at points
 * chosen by an event, then the post step as the runner runs it. A post step with work must never be
 * skipped: whatever the killed main step left held (the environment's lease) is released by it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { runAction, type RunResult } from '../harness/index.js';
import { killAction } from '../harness/process.js';
import { startS3, tempDir, waitUntil, type S3Service } from '../services/index.js';
import { startFlakyProxy } from '../../packages/s3/test/flaky-proxy.js';

/** The main step's GITHUB_STATE writes in the order it made them (the runner keeps the last value of each key). */
function stateWrites(run: RunResult): Array<[string, string]> {
  const step = readdirSync(run.runnerRoot).find((name) => name.endsWith('-main'))!;
  const lines = readFileSync(path.join(run.runnerRoot, step, 'state'), 'utf8').split('\n');
  const writes: Array<[string, string]> = [];
  for (let index = 0; index < lines.length; index++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[index]!);
    if (!heredoc) continue;
    const value: string[] = [];
    while (lines[++index] !== heredoc[2]) value.push(lines[index]!);
    writes.push([heredoc[1]!, value.join('\n')]);
  }
  return writes;
}

/** What a post step acts on, by action (its own post()): deploy-env/rollback a change with a lease or started and not ended; the switch a lease while not finished. */
function postHasWork(action: string, state: Record<string, string>): boolean {
  if (action === 'blue-green-switch') return state.finished !== 'true' && !!state.lease;
  if (!state.change) return false;
  const change = JSON.parse(state.change) as { lease?: unknown; started?: unknown; ended?: boolean };
  return !!change.lease || (!!change.started && !change.ended);
}

/**
 * A main step killed after any one of its state writes (SIGKILL, the runner's timeout): the post
 * step sees the writes so far. Wherever those give the post step work, post.js must not be told idle.
 */
function expectNoIdleWithWork(action: string, run: RunResult): void {
  const writes = stateWrites(run);
  expect(writes.length).toBeGreaterThan(1);
  const state: Record<string, string> = {};
  const skipped: string[] = [];
  writes.forEach(([key, value], index) => {
    state[key] = value;
    if (state.post === 'idle' && postHasWork(action, state)) skipped.push(`after write ${index + 1} (${key})`);
  });
  expect(skipped).toEqual([]);
}

describe('blue-green-switch killed after it took the lease, before its switch started', () => {
  let s3: S3Service;
  let workspace: string;

  beforeAll(async () => {
    s3 = await startS3({ buckets: ['shop-state'] });
    const dir = tempDir('post-gate');
    workspace = path.join(dir, 'workspace');
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    writeFileSync(
      path.join(workspace, '.github', 'shipkit.yml'),
      `app: shop
state: s3://shop-state/shipkit
environments:
  prod:
    target: command
    strategy: blue-green
    deploy: [./deploy.sh]
    slots:
      blue: { url: "http://127.0.0.1:9/" }
      green: { url: "http://127.0.0.1:9/" }
    router: { type: command, switch: ./switch.sh }
`,
    );
    for (const script of ['deploy.sh', 'switch.sh']) {
      writeFileSync(path.join(workspace, script), '#!/bin/sh\n[ -z "$FAIL" ] || { echo "$0 failed" >&2; exit 3; }\n[ -z "$HANG" ] || { touch "$HANG"; sleep 30; }\nexit 0\n');
      chmodSync(path.join(workspace, script), 0o755);
    }
    const run = (action: string, inputs: Record<string, string>) => runAction(action, { inputs: { environment: 'prod', ...inputs }, env: s3.env, workspace });
    expect((await run('deploy-env', { release: 'v1' })).errors).toEqual([]);
    expect((await run('blue-green-switch', { to: 'blue', verify: 'false' })).errors).toEqual([]);
    expect((await run('deploy-env', { release: 'v2' })).errors).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await s3?.stop();
  });

  const leases = async () => ((await s3.client().send(new ListObjectsV2Command({ Bucket: 'shop-state', Prefix: 'shipkit/' }))).Contents ?? []).map((object) => object.Key!).filter((key) => key.endsWith('lease.json'));

  test('the post step releases the lease the killed main step held (nothing else to put back)', async () => {
    expect(await leases()).toEqual([]);
    // The first store request after the lease is written (the ledger read of the switch) is held, and
    // the step killed meanwhile: it holds the lease, and no switch has started.
    let leaseWritten = false;
    let killed: number[] = [];
    const proxy = await startFlakyProxy(s3.endpoint, {
      every: 1,
      when: (req) => {
        const isLease = (req.url ?? '').includes('lease.json');
        if (isLease && req.method === 'PUT') leaseWritten = true;
        return leaseWritten && !isLease && killed.length === 0;
      },
      hold: async () => {
        killed = killAction('blue-green-switch', workspace);
      },
    });
    let run;
    try {
      run = await runAction('blue-green-switch', { inputs: { environment: 'prod', to: 'idle', verify: 'false' }, env: { ...s3.env, AWS_ENDPOINT_URL: proxy.endpoint, AWS_ENDPOINT_URL_S3: proxy.endpoint }, workspace });
    } finally {
      await proxy.stop();
    }
    expect(killed.length).toBeGreaterThan(0);
    expect(run.signal).toBe('SIGKILL');
    // The main step saved the lease it held for its post step, and never started a switch.
    expect(JSON.parse(run.state.lease)).toMatchObject({ key: expect.stringMatching(/lease\.json$/) });
    expect(run.state['started-record']).toBeUndefined();
    expect(run.state.post).not.toBe('idle');
    expect(run.post?.exitCode).toBe(0);
    expect(run.post?.log).toMatch(/Released the environment lease the interrupted switch held/);
    // The next run does not wait for the lease to expire.
    expect(await leases()).toEqual([]);
  }, 120_000);

  test('a switch whose main step could not release its lease leaves the post step that work: the post step releases it', async () => {
    // The store refuses the main step's delete of the lease once (access denied: not retried); the post step's goes through.
    let refused = 0;
    const proxy = await startFlakyProxy(s3.endpoint, { every: 1, status: 403, code: 'AccessDenied', when: (req) => req.method === 'DELETE' && (req.url ?? '').includes('lease.json') && refused++ === 0 });
    let run;
    try {
      run = await runAction('blue-green-switch', { inputs: { environment: 'prod', to: 'idle', verify: 'false' }, env: { ...s3.env, AWS_ENDPOINT_URL: proxy.endpoint, AWS_ENDPOINT_URL_S3: proxy.endpoint }, workspace });
    } finally {
      await proxy.stop();
    }
    expect([run.exitCode, run.errors]).toEqual([0, []]);
    expect(run.warnings.join('\n')).toMatch(/Could not release the lease on shop\/prod/);
    expect(run.state.finished).toBe('true');
    expect(run.state.post).toBe('pending');
    expect(run.post?.exitCode).toBe(0);
    expect(run.post?.log).toMatch(/Released the environment lease the switch held/);
    expect(refused).toBe(2);
    expect(await leases()).toEqual([]);
  }, 120_000);

  test('no prefix of the state writes of a deploy, a switch, a failed deploy, a failed switch, a rollback tells a post step with work idle', async () => {
    const run = (action: string, inputs: Record<string, string>, env: Record<string, string> = {}) => runAction(action, { inputs: { environment: 'prod', ...inputs }, env: { ...s3.env, ...env }, workspace });
    const deployed = await run('deploy-env', { release: 'v3' });
    expect(deployed.errors).toEqual([]);
    expectNoIdleWithWork('deploy-env', deployed);
    // The user's scripts fail when FAIL is set (they get the step's environment).
    const failedSwitch = await run('blue-green-switch', { to: 'idle', verify: 'false' }, { FAIL: '1' });
    expect(failedSwitch.exitCode).toBe(1);
    expect(failedSwitch.errors.join('\n')).toMatch(/switch\.sh failed/);
    expectNoIdleWithWork('blue-green-switch', failedSwitch);
    const switched = await run('blue-green-switch', { to: 'idle', verify: 'false' });
    expect(switched.errors).toEqual([]);
    expectNoIdleWithWork('blue-green-switch', switched);
    const failedDeploy = await run('deploy-env', { release: 'v4' }, { FAIL: '1' });
    expect(failedDeploy.exitCode).toBe(1);
    expectNoIdleWithWork('deploy-env', failedDeploy);
    const rolledBack = await run('rollback', { to: 'previous', reason: 'probe' });
    expect(rolledBack.errors).toEqual([]);
    expectNoIdleWithWork('rollback', rolledBack);
    for (const each of [deployed, switched, failedDeploy, failedSwitch, rolledBack]) expect(each.state.post).toBe('idle');
    expect(await leases()).toEqual([]);
  }, 180_000);

  test('a rollback killed mid-switch (its switch command running): the post step releases the lease', async () => {
    const started = path.join(tempDir('post-gate-hang'), 'switching');
    const running = runAction('rollback', { inputs: { environment: 'prod', to: 'previous', reason: 'probe' }, env: { ...s3.env, HANG: started }, workspace });
    await waitUntil(async () => existsSync(started), 60_000, () => 'the switch command to start');
    expect(killAction('rollback', workspace).length).toBeGreaterThan(0);
    const run = await running;
    expect(run.signal).toBe('SIGKILL');
    expect(run.state.post).toBe('pending');
    expect(run.post?.exitCode).toBe(0);
    expect(run.post?.log).toMatch(/Released the environment lease the interrupted rollback held/);
    expect(await leases()).toEqual([]);
  }, 120_000);
});

describe('post steps of actions that never use the gate', () => {
  // The runner lays the job's and step's env (GITHUB_ENV exports included) under the step's state:
  // a main step that never saved "post" leaves STATE_post to whatever the workflow set.
  test.each(['trivy-scan', 'build-images'])('%s: a workflow env STATE_post=idle does not skip its post step', async (action) => {
    const run = await runAction(action, { inputs: {}, env: { STATE_post: 'idle' } });
    expect(run.exitCode).not.toBe(0);
    expect(run.state.post).toBeUndefined();
    expect(run.post?.exitCode).toBe(0);
    expect(run.post?.log).not.toContain('Nothing left to finish');
    if (action === 'trivy-scan') expect(run.post?.log).toContain('Trivy cache: nothing to save');
  }, 60_000);
});
