/**
 * Retention never acts on a partial listing, through the committed deploy-env bundle on moto: a
 * proxy in front of the store rewrites the listing of the app's ledgers (which environments
 * exist) so that production is missing from it — once as a page that says it is truncated but
 * carries no continuation token, once as a body cut mid-XML. Production's live release, uploaded
 * days ago, is then needed by nobody the partial listing knows of; retention must delete nothing
 * and say why, without a stack trace.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { runAction } from '../harness/index.js';
import { startS3Server, type S3Server } from '../services/index.js';
import { startListingProxy, type ListingFault, type ListingProxy } from '../../packages/s3/test/listing-proxy.js';
import { actionEnv, hashServed, hashTree, ledgerOf, workspaceWith, writeSite } from './helpers.js';

const LEDGERS = 'shipkit/ledger/shop/';

/** Every key and ETag under a prefix, read from moto directly (not through the proxy). */
async function storeObjects(s3: S3Server, bucket: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let token: string | undefined;
  do {
    const page = await s3.client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) out[object.Key!] = object.ETag!;
    token = page.NextContinuationToken;
  } while (token);
  return out;
}

/** Makes a stored release look uploaded `days` ago (its manifest's updatedAt), as a release production took last week. */
async function age(s3: S3Server, release: string, days: number): Promise<void> {
  const key = `shipkit/releases/shop/${release}/.shipkit-manifest.json`;
  const manifest = JSON.parse(await (await s3.client().send(new GetObjectCommand({ Bucket: 'state', Key: key }))).Body!.transformToString()) as { updatedAt: string };
  manifest.updatedAt = new Date(Date.now() - days * 86_400_000).toISOString();
  await s3.client().send(new PutObjectCommand({ Bucket: 'state', Key: key, Body: JSON.stringify(manifest), ContentType: 'application/json' }));
}

const FAULTS: Array<[string, ListingFault, RegExp]> = [
  [
    'a page truncated without a continuation token (production left off it)',
    { kind: 'truncated-without-token', drop: /<Key>shipkit\/ledger\/shop\/production\//, match: (url) => url.searchParams.get('prefix') === LEDGERS },
    /the first page of the listing says it is truncated but gives no continuation token/,
  ],
  ['a listing body cut mid-XML', { kind: 'cut-body', match: (url) => url.searchParams.get('prefix') === LEDGERS }, /the first page of the listing does not parse \(.*XML parse error/],
];

describe('retention through the deploy-env bundle on moto never acts on a partial listing', () => {
  let s3: S3Server;
  let proxy: ListingProxy;
  beforeAll(async () => {
    s3 = await startS3Server('moto', { buckets: ['state'], websites: ['dev-site', 'prod-site'] });
    proxy = await startListingProxy(s3.endpoint);
  });
  afterAll(async () => {
    await proxy?.stop();
    await s3?.stop();
  });

  test.each(FAULTS)('%s: the deploy succeeds, retention deletes nothing and names the store and prefix', async (_name, fault, reason) => {
    const workspace = workspaceWith({
      app: 'shop',
      state: 's3://state/shipkit',
      environments: {
        development: { target: 's3', s3: { bucket: 'dev-site' }, retention: { keep: 1, 'keep-rollback': 1 } },
        production: { target: 's3', s3: { bucket: 'prod-site' } },
      },
    });
    const tag = fault.kind;
    const env = actionEnv(s3, { AWS_ENDPOINT_URL: proxy.endpoint, AWS_ENDPOINT_URL_S3: proxy.endpoint });
    const deploy = (environment: string, release: string) =>
      runAction('deploy-env', { workspace, env, inputs: { environment, release, 'source-dir': `build/${release}` } });
    const live = `p1-${tag}`;
    for (const release of [live, `d1-${tag}`, `d2-${tag}`, `d3-${tag}`]) writeSite(path.join(workspace, 'build', release), release, 3);

    proxy.fault = undefined;
    expect((await deploy('production', live)).errors).toEqual([]);
    expect((await deploy('development', `d1-${tag}`)).errors).toEqual([]);
    expect((await deploy('development', `d2-${tag}`)).errors).toEqual([]);
    // Production took its release a week ago and has deployed nothing since.
    await age(s3, live, 7);
    const releasesBefore = await storeObjects(s3, 'state', 'shipkit/releases/');
    const production = hashTree(path.join(workspace, 'build', live));
    const prodSiteBefore = await storeObjects(s3, 'prod-site');

    proxy.fault = fault;
    const run = await deploy('development', `d3-${tag}`);
    const faulted = proxy.faulted;
    proxy.fault = undefined;
    expect([run.exitCode, run.errors]).toEqual([0, []]);
    // Nothing retention could delete is gone: every release's objects, byte for byte, and d3 added.
    const releasesAfter = await storeObjects(s3, 'state', 'shipkit/releases/');
    expect(Object.fromEntries(Object.entries(releasesAfter).filter(([key]) => !key.includes(`/d3-${tag}/`)))).toEqual(releasesBefore);
    expect(Object.keys(releasesAfter).some((key) => key.includes(`/d3-${tag}/`))).toBe(true);
    // Production still serves its live release.
    expect(await storeObjects(s3, 'prod-site')).toEqual(prodSiteBefore);
    expect(await hashServed(s3.websiteUrl('prod-site'), Object.keys(production))).toEqual(production);
    expect((await (await ledgerOf(s3, 'production')).state()).live?.release).toBe(live);
    expect(faulted).toBeGreaterThanOrEqual(3); // asked again before giving up
    const warning = run.warnings.join('\n');
    expect(warning).toMatch(/Retention skipped: Could not list s3:\/\/state\/shipkit\/ledger\/shop\/ completely: /);
    expect(warning).toMatch(reason);
    expect(run.log).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
    expect(run.log).not.toMatch(/Retention: removed/);
  }, 180_000);

  test("with a complete listing the same deploy runs retention, and keeps production's live release", async () => {
    // The control: the store answers truthfully, so retention runs; production's release stays, develop's oldest goes.
    const workspace = workspaceWith({
      app: 'shop',
      state: 's3://state/shipkit',
      environments: {
        development: { target: 's3', s3: { bucket: 'dev-site' }, retention: { keep: 1, 'keep-rollback': 1 } },
        production: { target: 's3', s3: { bucket: 'prod-site' } },
      },
    });
    const env = actionEnv(s3, { AWS_ENDPOINT_URL: proxy.endpoint, AWS_ENDPOINT_URL_S3: proxy.endpoint });
    const deploy = (environment: string, release: string) =>
      runAction('deploy-env', { workspace, env, inputs: { environment, release, 'source-dir': `build/${release}` } });
    proxy.fault = undefined;
    for (const release of ['p1-control', 'd1-control', 'd2-control', 'd3-control']) writeSite(path.join(workspace, 'build', release), release, 3);
    expect((await deploy('production', 'p1-control')).errors).toEqual([]);
    await age(s3, 'p1-control', 7);
    const run = await deploy('development', 'd1-control');
    expect([run.exitCode, run.errors, run.warnings]).toEqual([0, [], []]);
    const releases = new Set(Object.keys(await storeObjects(s3, 'state', 'shipkit/releases/')).map((key) => key.split('/')[3]));
    expect(releases.has('p1-control')).toBe(true);
  }, 180_000);
});
