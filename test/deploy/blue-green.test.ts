/**
 * deploy-env and rollback on a blue-green s3 environment: two website buckets on moto's S3 as the
 * slots, a real nginx in front (the nginx router owns its include), the ledger in S3, and the
 * committed dist bundles of deploy-env, blue-green-switch and rollback run like the runner does.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runAction, type RunResult } from '../harness/index.js';
import { startNginx, startS3, tempDir, type NginxService, type S3Service } from '../services/index.js';
import { actionEnv, hashServed, hashTree, ledgerOf, servedIndex, workspaceWith, writeSite } from './helpers.js';

let s3: S3Service;
let nginx: NginxService;
let workspace: string;
let blueUrl: string;
let greenUrl: string;
let include: string;

beforeAll(async () => {
  s3 = await startS3({ store: 'moto', buckets: ['state'], websites: ['shop-blue', 'shop-green'] });
  blueUrl = s3.websiteUrl('shop-blue');
  greenUrl = s3.websiteUrl('shop-green');
  const dir = tempDir('bg-s3');
  include = path.join(dir, 'shipkit', 'staging.conf');
  mkdirSync(path.dirname(include), { recursive: true });
  const port = (url: string) => new URL(url).port;
  writeFileSync(include, `upstream shipkit_staging { server 127.0.0.1:${port(blueUrl)}; }\n`);
  nginx = await startNginx({ http: ({ port: listen }) => `include ${include};\nserver { listen 127.0.0.1:${listen}; location / { proxy_pass http://shipkit_staging; } }` });
  workspace = workspaceWith({
    app: 'shop',
    state: 's3://state/shipkit',
    environments: {
      staging: {
        target: 's3',
        strategy: 'blue-green',
        slots: {
          blue: { s3: { bucket: 'shop-blue' }, url: blueUrl, upstream: `127.0.0.1:${port(blueUrl)}` },
          green: { s3: { bucket: 'shop-green' }, url: greenUrl, upstream: `127.0.0.1:${port(greenUrl)}` },
        },
        router: { type: 'nginx', include, test: nginx.testCommand, reload: nginx.reloadCommand },
        url: nginx.url,
      },
    },
  });
  for (const version of ['b1', 'b2', 'b3', 'b4']) writeSite(path.join(workspace, 'build', version), version);
});
afterAll(async () => {
  await nginx?.stop();
  await s3?.stop();
});

const deploy = (release: string) =>
  runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'staging', release, 'source-dir': `build/${release}` } });

/** Runs an action that may reload nginx, and waits for the new nginx workers when it did. */
async function routing(action: 'blue-green-switch' | 'rollback', inputs: Record<string, string>): Promise<RunResult> {
  const before = nginx.workers();
  const run = await runAction(action, { workspace, env: actionEnv(s3), event: 'workflow-dispatch', inputs: { environment: 'staging', ...inputs } });
  if (run.exitCode === 0 && /nginx now routes/.test(run.log)) await nginx.waitForReload(before);
  return run;
}

const liveIndex = () => servedIndex(nginx.url);
const files = (version: string) => hashTree(path.join(workspace, 'build', version));

describe('blue-green s3 environment', () => {
  test('the first deploy goes to blue; outputs slot and slot-url; nothing is live until the switch', async () => {
    const run = await deploy('b1');
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ release: 'b1', slot: 'blue', 'slot-url': blueUrl, url: nginx.url });
    expect(await servedIndex(blueUrl)).toContain('<div id="root">b1</div>');
    const state = await (await ledgerOf(s3, 'staging')).state();
    expect(state.live).toBeUndefined();
    expect(state.slots.blue).toMatchObject({ release: 'b1', status: 'ready' });
    const switched = await routing('blue-green-switch', { to: 'idle' });
    expect(switched.errors).toEqual([]);
    // No verify-url given: the environment's url is probed after the flip.
    expect(switched.log).toContain(`Verified ${nginx.url} after the switch`);
    expect(await liveIndex()).toContain('<div id="root">b1</div>');
  });

  test('the next deploy goes to the idle slot, never the live one', async () => {
    const blueBefore = await hashServed(blueUrl, Object.keys(files('b1')));
    const run = await deploy('b2');
    expect(run.outputs).toMatchObject({ release: 'b2', 'previous-release': 'b1', slot: 'green', 'slot-url': greenUrl });
    expect(await hashServed(greenUrl, Object.keys(files('b2')))).toEqual(files('b2'));
    expect(await hashServed(blueUrl, Object.keys(files('b1')))).toEqual(blueBefore);
    expect(await liveIndex()).toContain('<div id="root">b1</div>');
    expect((await routing('blue-green-switch', { to: 'idle' })).exitCode).toBe(0);
    expect(await liveIndex()).toContain('<div id="root">b2</div>');
  });

  test('refuses to install into the idle slot when the router actually sends traffic to it', async () => {
    // green (b2) is live, so blue is idle; someone pointed nginx at blue by hand.
    const text = readFileSync(include, 'utf8');
    writeFileSync(include, text.replace(/server [^;]+;/, `server 127.0.0.1:${new URL(blueUrl).port};`));
    try {
      const run = await deploy('b4');
      expect(run.exitCode).toBe(1);
      expect(run.errors.join('\n')).toMatch(/Refusing to install into slot blue of staging: the router sends live traffic to it, although the ledger records green as live/);
      expect(await servedIndex(blueUrl)).toContain('<div id="root">b1</div>');
    } finally {
      writeFileSync(include, text);
    }
  });

  test('rollback switches back to the other slot when it still holds the release: no copy at all', async () => {
    s3.resetRequests();
    const run = await routing('rollback', { to: 'previous', reason: 'errors after the switch' });
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ release: 'b1', 'rolled-back-from': 'b2' });
    expect(run.summary).toContain('switched back to slot blue');
    expect(await liveIndex()).toContain('<div id="root">b1</div>');
    // Nothing was written to either slot bucket: the rollback was a router flip.
    expect(s3.requests().filter((request) => request.method === 'PUT' && /^\/shop-(blue|green)\//.test(request.path))).toEqual([]);
    const state = await (await ledgerOf(s3, 'staging')).state();
    expect(state.live).toMatchObject({ release: 'b1', slot: 'blue' });
    expect(state.operations.filter((op) => op.type === 'rollback').at(-1)?.end).toMatchObject({ status: 'succeeded', trigger: 'manual', reason: 'errors after the switch', details: { method: 'switch' } });
  });

  test('rollback to a release no slot holds reinstalls it into the idle slot, then switches', async () => {
    // live: blue b1. Deploy b3 to green and switch; then roll back to b2, which no slot holds any more.
    expect((await deploy('b3')).outputs.slot).toBe('green');
    expect((await routing('blue-green-switch', { to: 'idle' })).exitCode).toBe(0);
    expect(await liveIndex()).toContain('<div id="root">b3</div>');
    const run = await routing('rollback', { to: 'b2', reason: 'b3 is broken' });
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ release: 'b2', 'rolled-back-from': 'b3' });
    expect(run.summary).toContain('reinstalled into slot blue and switched');
    expect(await liveIndex()).toContain('<div id="root">b2</div>');
    expect(await hashServed(nginx.url, Object.keys(files('b2')))).toEqual(files('b2'));
    // b3 stays in green, untouched, for inspection.
    expect(await servedIndex(greenUrl)).toContain('<div id="root">b3</div>');
    const state = await (await ledgerOf(s3, 'staging')).state();
    expect(state.live).toMatchObject({ release: 'b2', slot: 'blue' });
    expect(state.slots).toMatchObject({ blue: { release: 'b2', status: 'ready' }, green: { release: 'b3', status: 'ready' } });
  });

  test('deploying the live release is a no-op that reports the live slot', async () => {
    const run = await deploy('b2');
    expect(run.outputs).toMatchObject({ release: 'b2', slot: 'blue' });
    expect(run.log).toContain('already live');
  });
});
