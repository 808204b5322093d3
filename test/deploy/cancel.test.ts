/**
 * A deploy cancelled from the Actions UI, as the runner cancels it: SIGINT to the main step while
 * its install is half done (then SIGKILL 7.5 s later if it still runs), then the post step. Through
 * the committed bundles, on moto (S3 with conditional writes) and azurite (Azure Blob Storage). What
 * a visitor sees must be the previous release byte for byte, the ledger must agree, the lease must be
 * free, and re-running the same release must complete it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type http from 'node:http';
import path from 'node:path';
import { runAction, type RunResult } from '../harness/index.js';
import { startAzurite, startMoto, type AzuriteService, type MotoService } from '../services/index.js';
import { startFlakyProxy } from '../../packages/s3/test/flaky-proxy.js';
import { openLedger } from '../../packages/ledger/src/index.js';
import { hashServed, hashTree, workspaceWith, writeSite } from './helpers.js';

interface Store {
  name: string;
  /** Environment for the action, reaching the store through `via` (a proxy) when given. */
  env(via?: string): Record<string, string>;
  origin: string;
  state: string;
  location: Record<string, unknown>;
  siteUrl: string;
  /** Is this request a write into the site's location (an install copying a file)? */
  isSiteWrite(req: http.IncomingMessage): boolean;
  client(): ReturnType<MotoService['client']>;
  leaseKey: { bucket: string; key: string };
  stop(): Promise<void>;
}

async function motoStore(): Promise<Store> {
  const moto: MotoService = await startMoto({ buckets: ['state'], websites: ['cancel-site'] });
  return {
    name: 'S3 (moto)',
    env: (via) => ({ ...moto.env, AWS_MAX_ATTEMPTS: '2', ...(via ? { AWS_ENDPOINT_URL: via, AWS_ENDPOINT_URL_S3: via } : {}) }),
    origin: moto.endpoint,
    state: 's3://state/shipkit',
    location: { s3: { bucket: 'cancel-site' } },
    siteUrl: moto.websiteUrl('cancel-site'),
    isSiteWrite: (req) => req.method === 'PUT' && !!req.url?.startsWith('/cancel-site/'),
    client: () => moto.client(),
    leaseKey: { bucket: 'state', key: 'shipkit/ledger/shop/production/lease.json' },
    stop: () => moto.stop(),
  };
}

async function azuriteStore(): Promise<Store> {
  const azurite: AzuriteService = await startAzurite({ containers: ['state', 'site'] });
  const origin = `http://127.0.0.1:${azurite.port}`;
  return {
    name: 'Azure Blob (azurite)',
    env: (via) => ({ AZURE_STORAGE_CONNECTION_STRING: via ? azurite.connectionString.replace(origin, via) : azurite.connectionString, AWS_MAX_ATTEMPTS: '2' }),
    origin,
    state: 'azblob://devstoreaccount1/state/shipkit',
    location: { azure: { account: azurite.account, container: 'site' } },
    siteUrl: `${azurite.endpoint}/site`,
    isSiteWrite: (req) => req.method === 'PUT' && !!req.url?.startsWith('/devstoreaccount1/site/'),
    client: () => azurite.client(),
    leaseKey: { bucket: 'devstoreaccount1/state', key: 'shipkit/ledger/shop/production/lease.json' },
    stop: () => azurite.stop(),
  };
}

describe.each([['moto', motoStore], ['azurite', azuriteStore]] as const)('deploy-env cancelled mid-install on %s', (_kind, start) => {
  let store: Store;
  let workspace: string;
  beforeAll(async () => {
    store = await start();
    workspace = workspaceWith({ app: 'shop', state: store.state, environments: { production: { target: 's3', ...store.location } } });
    writeSite(path.join(workspace, 'build', 'c1'), 'c1', 8);
    writeSite(path.join(workspace, 'build', 'c2'), 'c2', 8);
  }, 60_000);
  afterAll(async () => {
    await store?.stop();
  });

  const deploy = (release: string, options: { via?: string; cancel?: Promise<unknown>; runId?: string; onStdout?: (chunk: string) => void } = {}): Promise<RunResult> =>
    runAction('deploy-env', { workspace, cancel: options.cancel, onStdout: options.onStdout, env: { ...store.env(options.via), GITHUB_RUN_ID: options.runId ?? `${Date.now() % 100000}` }, inputs: { environment: 'production', release, 'source-dir': `build/${release}` } });

  test('SIGINT during a slow install, then the post step: the previous release serves byte for byte, the ledger says so, a re-run completes', async () => {
    expect((await deploy('c1')).exitCode).toBe(0);
    const c1 = hashTree(path.join(workspace, 'build', 'c1'));
    expect(await hashServed(store.siteUrl, Object.keys(c1))).toEqual(c1);

    // The cancel lands while the install copies: the first write into the site sends the SIGINT, and
    // every write into the site is held until the step says it received it (then goes through).
    let cancelNow: () => void = () => undefined;
    const cancel = new Promise<void>((resolve) => (cancelNow = resolve));
    let sawSignal: () => void = () => undefined;
    const signalled = new Promise<void>((resolve) => (sawSignal = resolve));
    let stdout = '';
    const onStdout = (chunk: string) => {
      stdout += chunk;
      if (/^::warning::Received SIGINT/m.test(stdout)) sawSignal();
    };
    let siteWrites = 0;
    const proxy = await startFlakyProxy(store.origin, {
      every: 1,
      hold: () => signalled,
      when: (req) => {
        if (!store.isSiteWrite(req)) return false;
        if (++siteWrites === 1) cancelNow();
        return true;
      },
    });
    let cancelled: RunResult;
    try {
      cancelled = await deploy('c2', { via: proxy.endpoint, cancel, onStdout });
    } finally {
      await proxy.stop();
    }
    expect(cancelled.warnings.join('\n')).toMatch(/Received SIGINT/);
    expect(siteWrites).toBeGreaterThan(0);
    expect(cancelled.exitCode).not.toBe(0);
    expect(cancelled.post?.exitCode).toBe(0);

    // What a visitor sees: c1, every file, byte for byte (no index.html of one release with assets of another).
    expect(await hashServed(store.siteUrl, Object.keys(c1))).toEqual(c1);
    const ledger = await openLedger({ state: store.state, app: 'shop', environment: 'production', client: store.client(), run: { runId: 'reader' } });
    const { state, records } = await ledger.read();
    expect(state.live?.release).toBe('c1');
    const end = records.filter((record) => record.type === 'deploy' && record.release === 'c2' && record.status !== 'started').at(-1);
    expect(end?.status).toBe('failed');
    expect(end?.details?.cancelled).toBe(true);
    expect(end?.details?.restored).toBe('c1');
    expect(end?.details?.incomplete).toBe(false);
    // The lease is free: the next run does not wait.
    const { getJsonObject } = await import('../../packages/s3/src/index.js');
    expect(await getJsonObject(store.client(), store.leaseKey.bucket, store.leaseKey.key)).toBeUndefined();

    const rerun = await deploy('c2');
    expect(rerun.errors).toEqual([]);
    expect(rerun.exitCode).toBe(0);
    const c2 = hashTree(path.join(workspace, 'build', 'c2'));
    expect(await hashServed(store.siteUrl, Object.keys(c2))).toEqual(c2);
    expect((await ledger.state()).live?.release).toBe('c2');
  });

  test('a step cancelled before it wrote any state runs a post step that deploys nothing', async () => {
    const ledger = await openLedger({ state: store.state, app: 'shop', environment: 'production', client: store.client(), run: { runId: 'reader' } });
    const before = (await ledger.records()).length;
    const served = await hashServed(store.siteUrl, ['index.html']);
    writeSite(path.join(workspace, 'build', 'c3'), 'c3', 2);
    // SIGINT as soon as the process exists: it ends before it saved anything; the post step still runs (post.js).
    const run = await deploy('c3', { cancel: Promise.resolve() });
    expect(run.exitCode).not.toBe(0);
    expect(run.post?.exitCode).toBe(0);
    expect(run.post?.log ?? '').not.toMatch(/release store|Deploying|installed|c3/);
    expect((await ledger.records()).length).toBe(before);
    expect(await hashServed(store.siteUrl, ['index.html'])).toEqual(served);
  });
});
