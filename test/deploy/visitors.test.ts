/**
 * The README's first promise, as a visitor sees it, on S3 (moto) and on Azure Blob (azurite),
 * through the committed deploy-env bundle:
 *
 * 1. A visitor loop runs while release 2 is installed over release 1: every index.html served
 *    references only assets that are there, all of the same release as the page.
 * 2. The action process itself is killed (SIGKILL, no post step: the runner machine is gone) once
 *    it has written a few files into the live location. Visitors are still served one release
 *    whole (release 1); the ledger still says release 1 is live. A re-run of the same job completes
 *    the deploy: release 2 whole, and the ledger agrees.
 *
 * The action reaches the store through a forwarding proxy (packages/s3/test/flaky-proxy.ts) that
 * sees each write into the site and triggers the kill at the N-th one. Visitors read the site
 * directly: moto through its website stand-in (S3 website semantics read through the S3 API),
 * azurite at the container's public blob URLs.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { startFlakyProxy, type FlakyProxy } from '../../packages/s3/test/flaky-proxy.js';
import { openLedger } from '../../packages/ledger/src/index.js';
import { runAction, type RunResult } from '../harness/index.js';
import { killAction } from '../harness/process.js';
import { startAzurite, startMoto, type AzuriteService, type MotoService } from '../services/index.js';
import { hashServed, hashTree, workspaceWith, writeSite } from './helpers.js';

const ASSETS = 40;

interface Site {
  /** What a visitor fetches: the URL of a path of the site. */
  url(file: string): string;
  /** Environment for the action, its store requests sent through `via`. */
  env(via: string): Record<string, string>;
  /** The store's own origin (the proxy forwards there). */
  origin: string;
  /** A request that writes into the site's location (an upload, a copy), as the proxy sees it. */
  writesSite(method: string | undefined, url: string | undefined): boolean;
  config: Record<string, unknown>;
  ledger(): ReturnType<typeof openLedger>;
  stop(): Promise<void>;
}

async function motoSite(): Promise<Site> {
  const moto: MotoService = await startMoto({ buckets: ['state'], websites: ['site'] });
  const website = moto.websiteUrl('site');
  return {
    url: (file) => `${website}/${file}`,
    env: (via) => ({ ...moto.env, AWS_ENDPOINT_URL: via, AWS_ENDPOINT_URL_S3: via, AWS_MAX_ATTEMPTS: '2' }),
    origin: moto.endpoint,
    writesSite: (method, url) => method === 'PUT' && (url ?? '').startsWith('/site/'),
    config: { app: 'shop', state: 's3://state/shipkit', environments: { web: { target: 's3', strategy: 'direct', s3: { bucket: 'site' } } } },
    ledger: () => openLedger({ state: 's3://state/shipkit', app: 'shop', environment: 'web', client: moto.client(), run: { runId: 'test-reader' } }),
    stop: () => moto.stop(),
  };
}

async function azuriteSite(): Promise<Site> {
  const azurite: AzuriteService = await startAzurite({ containers: ['state', 'site'] });
  const origin = new URL(azurite.endpoint).origin;
  const state = `azblob://${azurite.account}/state/shipkit`;
  return {
    url: (file) => azurite.blobUrl('site', file),
    env: (via) => ({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString.replace(origin, via) }),
    origin,
    writesSite: (method, url) => method === 'PUT' && (url ?? '').startsWith(`/${azurite.account}/site/`) && !(url ?? '').includes('comp=block&'),
    config: { app: 'shop', state, environments: { web: { target: 's3', strategy: 'direct', azure: { account: azurite.account, container: 'site' } } } },
    ledger: () => openLedger({ state, app: 'shop', environment: 'web', client: azurite.client(), run: { runId: 'test-reader' } }),
    stop: () => azurite.stop(),
  };
}

/** What one visit saw: the page's release and, for each asset it references, whether it was served and of which release. */
interface Visit {
  release: string;
  problems: string[];
  /** The page changed release while its assets were being fetched (a visit that raced the switch). */
  raced: boolean;
}

async function visit(site: Site): Promise<Visit | undefined> {
  const page = await fetch(site.url('index.html'), { headers: { connection: 'close' } });
  if (page.status === 404) return undefined; // nothing installed yet
  const html = await page.text();
  const release = /<div id="root">([^<]+)<\/div>/.exec(html)?.[1];
  if (page.status !== 200 || !release) return { release: `HTTP ${page.status}`, problems: [`index.html: HTTP ${page.status}: ${html.slice(0, 200)}`], raced: false };
  const problems: string[] = [];
  for (const [, asset] of html.matchAll(/<script src="\/([^"]+)"><\/script>/g)) {
    const response = await fetch(site.url(asset!), { headers: { connection: 'close' } });
    const body = await response.text();
    if (response.status !== 200) problems.push(`${asset}: HTTP ${response.status}`);
    else if (!body.startsWith(`/* ${release} chunk`)) problems.push(`${asset}: serves ${body.slice(0, 30)}, not ${release}`);
  }
  if (problems.length === 0) return { release, problems, raced: false };
  // A visit whose page was replaced meanwhile may find the old release's assets removed: that is a
  // visitor who loaded the page before the switch. Only a page still served is held to its assets.
  const again = /<div id="root">([^<]+)<\/div>/.exec(await (await fetch(site.url('index.html'), { headers: { connection: 'close' } })).text())?.[1];
  return { release, problems, raced: again !== release };
}

/** Visits the site continuously until stopped; returns every visit. */
function visitorLoop(site: Site): { stop(): Promise<Visit[]>; visitsFromNow(count: number): Promise<void> } {
  const visits: Visit[] = [];
  let running = true;
  let completed = 0;
  const waiting: Array<{ until: number; resolve: () => void }> = [];
  const loop = (async () => {
    while (running) {
      const seen = await visit(site).catch((error: unknown) => ({ release: 'error', problems: [String(error)], raced: false }));
      if (seen) visits.push(seen);
      completed++;
      for (const waiter of waiting.filter((entry) => completed >= entry.until)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    for (const waiter of waiting.splice(0)) waiter.resolve();
  })();
  return {
    /** Resolves once `count` more visits have been completed (started or not before this call), or the loop stopped. */
    visitsFromNow(count: number) {
      return new Promise<void>((resolve) => (running ? waiting.push({ until: completed + count, resolve }) : resolve()));
    },
    async stop() {
      running = false;
      await loop;
      return visits;
    },
  };
}

describe.each([
  ['S3 (moto)', motoSite],
  ['Azure Blob (azurite)', azuriteSite],
] as const)('a direct install as visitors see it, on %s', (_name, start) => {
  let site: Site;
  let proxy: FlakyProxy & { when?: (req: import('node:http').IncomingMessage) => boolean };
  /** How long a write the proxy picks (`proxy.when`) is held: until the promise this returns resolves. */
  let holdWrite: () => Promise<unknown> = () => Promise.resolve();
  let workspace: string;
  beforeAll(async () => {
    site = await start();
    proxy = await startFlakyProxy(site.origin, { every: 1, hold: () => holdWrite(), when: () => false });
    workspace = workspaceWith(site.config);
    for (const release of ['r1', 'r2', 'r3']) writeSite(path.join(workspace, 'build', release), release, ASSETS);
  }, 90_000);
  afterAll(async () => {
    await proxy?.stop();
    await site?.stop();
  });

  const deploy = (release: string, env: Record<string, string> = {}, post = true): Promise<RunResult> =>
    runAction('deploy-env', { workspace, post, env: { ...site.env(proxy.endpoint), ...env }, inputs: { environment: 'web', release, 'source-dir': `build/${release}` } });
  const files = (release: string) => hashTree(path.join(workspace, 'build', release));
  const servedWhole = async (release: string) => {
    const expected = files(release);
    expect(await hashServed(site.url('').replace(/\/$/, ''), Object.keys(expected))).toEqual(expected);
  };

  test('release 2 installed over release 1 while visitors load the page: every page references assets that are there, of its own release', async () => {
    expect((await deploy('r1')).exitCode).toBe(0);
    // Every write into the site is held (by the proxy) until visitors have completed 2 more visits
    // (so at least one whole visit while it is in flight), or for 2 s when visits are slower than
    // that: the install lasts long enough for many visits while it is half done, whatever order its
    // writes come in.
    const visitors = visitorLoop(site);
    holdWrite = () => Promise.race([visitors.visitsFromNow(2), new Promise((resolve) => setTimeout(resolve, 2000))]);
    proxy.when = (req) => site.writesSite(req.method, req.url);
    const run = await deploy('r2');
    proxy.when = () => false;
    // Two more visits: the one in flight ends, and one whole visit starts after the deploy ended
    // (the step, post step included, can end within one slow visit of the switch).
    await visitors.visitsFromNow(2);
    const visits = await visitors.stop();
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    await servedWhole('r2');
    const broken = visits.filter((seen) => seen.problems.length > 0 && !seen.raced);
    expect(broken.map((seen) => `${seen.release}: ${seen.problems.join(', ')}`)).toEqual([]);
    // The loop really saw the switch: pages of both releases, and (almost) every visit complete.
    expect(new Set(visits.map((seen) => seen.release))).toEqual(new Set(['r1', 'r2']));
    expect(visits.filter((seen) => seen.raced).length).toBeLessThanOrEqual(3);
  }, 240_000);

  test('the action killed (SIGKILL) mid-install: visitors get one release whole; a re-run completes and the ledger agrees', async () => {
    // Kill the action's process at its 3rd write into the site (that write held until it is dead,
    // then sent on to the store, as a write in flight when the runner machine vanished may land).
    let writes = 0;
    let killed: number[] = [];
    let isDead: () => void = () => undefined;
    const deadNow = new Promise<void>((resolve) => (isDead = resolve));
    holdWrite = () => deadNow;
    proxy.when = (req) => {
      if (!site.writesSite(req.method, req.url)) return false;
      if (++writes !== 3) return false;
      killed = killAction('deploy-env', workspace);
      return true;
    };
    const visitors = visitorLoop(site);
    const dead = await deploy('r3', { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1' }, false);
    proxy.when = () => false;
    isDead();
    expect(killed.length).toBeGreaterThan(0);
    expect(dead.signal).toBe('SIGKILL');
    await proxy.heldSettled(); // the held write reaches the store
    await visitors.visitsFromNow(1); // and a visit ends after it did
    const during = await visitors.stop();

    // What visitors got, during and after: release 2, whole.
    expect(during.filter((seen) => seen.problems.length > 0).map((seen) => `${seen.release}: ${seen.problems.join(', ')}`)).toEqual([]);
    expect(new Set(during.map((seen) => seen.release))).toEqual(new Set(['r2']));
    await servedWhole('r2');
    expect((await (await site.ledger()).state()).live?.release).toBe('r2');

    // GitHub's "re-run failed jobs": same run, next attempt (it takes over its own earlier attempt's lease).
    const visitorsAgain = visitorLoop(site);
    const rerun = await deploy('r3', { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '2' });
    const after = await visitorsAgain.stop();
    expect(rerun.errors).toEqual([]);
    expect(rerun.exitCode).toBe(0);
    await servedWhole('r3');
    expect(after.filter((seen) => seen.problems.length > 0 && !seen.raced).map((seen) => `${seen.release}: ${seen.problems.join(', ')}`)).toEqual([]);
    const state = await (await site.ledger()).state();
    expect(state.live?.release).toBe('r3');
    expect(state.previous?.release).toBe('r2');
  }, 240_000);
});
