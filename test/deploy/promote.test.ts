/**
 * Build once: deploy-env's `from-release` makes a release (v1.0.0) from an existing one
 * (main-abc1234, what staging tested) by server-side copy inside the release store. Runs the
 * deploy-env bundle through the harness against moto's S3 (startS3's recording proxy counts the PUTs
 * and takes the store off the network mid-promotion).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runAction } from '../harness/index.js';
import { readJson } from '../harness/store.js';
import { startS3, tempDir, type S3Service } from '../services/index.js';
import { actionEnv, hashServed, hashTree, ledgerOf, workspaceWith, writeSite } from './helpers.js';

let s3: S3Service;
let workspace: string;
let out: string;
const TESTED = 'main-abc1234';
const IMAGES = [{ name: 'api', ref: 'registry.example/acme/api@sha256:' + 'a'.repeat(64), digest: 'sha256:' + 'a'.repeat(64) }];

beforeAll(async () => {
  s3 = await startS3({ store: 'moto', buckets: ['state'], websites: ['shop-staging', 'shop-prod'] });
  out = tempDir('promote-out');
  workspace = workspaceWith({
    app: 'shop',
    state: 's3://state/shipkit',
    // The S3 crash below leaves the crashed run's lease in place (nobody can delete it while S3 is down): it expires.
    lock: { expiry: '5s' },
    environments: {
      staging: { target: 's3', s3: { bucket: 'shop-staging' }, url: s3.websiteUrl('shop-staging') },
      production: { target: 's3', s3: { bucket: 'shop-prod' }, url: s3.websiteUrl('shop-prod') },
      'api-staging': { target: 'command', deploy: ['./deploy/deploy.sh'], env: { OUT: out } },
      'api-production': { target: 'command', deploy: ['./deploy/deploy.sh'], env: { OUT: out } },
    },
  });
  writeSite(path.join(workspace, 'build'), TESTED, 8);
  const script = path.join(workspace, 'deploy', 'deploy.sh');
  mkdirSync(path.dirname(script), { recursive: true });
  writeFileSync(script, '#!/bin/sh\nenv | grep "^SHIPKIT_" | sort > "$OUT/$SHIPKIT_ENVIRONMENT-$SHIPKIT_RELEASE.env"\n');
  chmodSync(script, 0o755);
});
afterAll(async () => {
  await s3?.stop();
});

const deploy = (environment: string, inputs: Record<string, string>) =>
  runAction('deploy-env', { workspace, event: 'push-main', env: actionEnv(s3), inputs: { environment, ...inputs } });

async function keys(bucket: string, prefix = ''): Promise<string[]> {
  const listed = await s3.client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => `${object.Key} ${object.ETag}`).sort();
}

function readEnvFile(file: string): Record<string, string> {
  return Object.fromEntries(readFileSync(file, 'utf8').trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

describe('deploy-env from-release (build once)', () => {
  test('promoting main-abc1234 to v1.0.0: production serves the tested bytes, and no file content was PUT', async () => {
    const staged = await deploy('staging', { release: TESTED, 'source-dir': 'build' });
    expect(staged.errors).toEqual([]);
    const tested = await hashServed(s3.websiteUrl('shop-staging'), Object.keys(hashTree(path.join(workspace, 'build'))));

    s3.resetRequests();
    const promoted = await deploy('production', { release: 'v1.0.0', 'from-release': TESTED });
    expect(promoted.errors).toEqual([]);
    expect(promoted.exitCode).toBe(0);
    expect(promoted.outputs).toMatchObject({ release: 'v1.0.0', 'previous-release': '' });
    expect(promoted.summary).toContain(`promoted from | ${TESTED}`);

    // Byte for byte what staging served (and what was built once).
    const served = await hashServed(s3.websiteUrl('shop-prod'), Object.keys(tested));
    expect(served).toEqual(tested);
    expect(served).toEqual(hashTree(path.join(workspace, 'build')));

    // Every file reached the release store and the site by server-side copy: the only PutObjects
    // are the two hash manifests and the ledger records; the copies carry x-amz-copy-source.
    const puts = s3.requests().filter((request) => request.method === 'PUT');
    const contentPuts = puts.filter((request) => !/x-id=CopyObject/.test(request.url) && !request.path.endsWith('/.shipkit-manifest.json') && !request.path.startsWith('/state/shipkit/ledger/') && !request.path.startsWith('/state/shipkit/installs/'));
    expect(contentPuts).toEqual([]);
    const fileCount = Object.keys(tested).length;
    expect(puts.filter((request) => /x-id=CopyObject/.test(request.url) && request.path.startsWith('/state/shipkit/releases/shop/v1.0.0/'))).toHaveLength(fileCount);
    // The install writes its manifest (in the state store, not in the served bucket) twice: first incomplete,
    // listing the keys it is about to write (so an interrupted install's files are known to be shipkit's), then complete.
    const manifests = puts.filter((request) => request.path.endsWith('/.shipkit-manifest.json') || request.path.startsWith('/state/shipkit/installs/')).map((request) => request.path).sort();
    expect(manifests).toEqual(['/state/shipkit/installs/shop/production/live.json', '/state/shipkit/installs/shop/production/live.json', '/state/shipkit/releases/shop/v1.0.0/.shipkit-manifest.json']);

    // The release store holds v1.0.0 as a complete copy, and the ledger says where it came from.
    const manifest = await readJson<Record<string, unknown>>(s3.client(), 'state', 'shipkit/releases/shop/v1.0.0/.shipkit-manifest.json');
    expect(manifest).toMatchObject({ complete: true, meta: { release: 'v1.0.0', promotedFrom: TESTED } });
    const state = await (await ledgerOf(s3, 'production')).state();
    expect(state.live?.release).toBe('v1.0.0');
    const operation = state.operations.at(-1)!;
    expect(operation.started?.details).toMatchObject({ promotedFrom: TESTED });
    expect(operation.end).toMatchObject({ status: 'succeeded', details: { promotedFrom: TESTED, promotion: { from: TESTED, copied: fileCount, reused: false } } });
  });

  test('re-running the promotion is a recorded no-op that writes nothing but the ledger', async () => {
    s3.resetRequests();
    const again = await deploy('production', { release: 'v1.0.0', 'from-release': TESTED });
    expect(again.exitCode).toBe(0);
    expect(again.log).toContain('already live');
    expect(s3.requests().filter((request) => request.method === 'PUT' && !request.path.startsWith('/state/shipkit/ledger/'))).toEqual([]);
  });

  test.each([
    ['a release that was never uploaded', 'main-0000000', /Input "from-release" names release "main-0000000", which is not in the release store \(s3:\/\/state\/shipkit\/releases\/shop\/main-0000000\/\)/],
    ['an interrupted upload (manifest not complete)', 'main-partial', /Input "from-release" names release "main-partial", which is incomplete in the release store .*its upload never finished/],
  ])('refuses %s before anything changes', async (_what, from, message) => {
    await s3.client().send(
      new PutObjectCommand({
        Bucket: 'state',
        Key: 'shipkit/releases/shop/main-partial/.shipkit-manifest.json',
        Body: JSON.stringify({ format: 'shipkit-manifest/1', complete: false, updatedAt: new Date().toISOString(), meta: {}, files: {} }),
      }),
    );
    const site = await keys('shop-prod');
    const store = await keys('state', 'shipkit/releases/');
    const records = (await (await ledgerOf(s3, 'production')).records()).length;
    const refused = await deploy('production', { release: 'v1.0.1', 'from-release': from });
    expect(refused.exitCode).toBe(1);
    expect(refused.errors.join('\n')).toMatch(message);
    expect(await keys('shop-prod')).toEqual(site);
    expect(await keys('state', 'shipkit/releases/')).toEqual(store);
    expect((await (await ledgerOf(s3, 'production')).records()).length).toBe(records);
  });

  test('refuses replacing an existing release with other files, and bad combinations of inputs', async () => {
    writeSite(path.join(workspace, 'other'), 'other');
    expect((await deploy('staging', { release: 'main-def5678', 'source-dir': 'other' })).exitCode).toBe(0);
    const clash = await deploy('production', { release: 'main-def5678', 'from-release': TESTED });
    expect(clash.exitCode).toBe(1);
    expect(clash.errors.join('\n')).toMatch(/Release "main-def5678" is already in the release store .* with other files than main-abc1234/);

    const both = await deploy('production', { release: 'v2.0.0', 'from-release': TESTED, 'source-dir': 'build' });
    expect(both.errors.join('\n')).toMatch(/Input "from-release" has an invalid value "main-abc1234": expected empty when "source-dir" is given/);
    const itself = await deploy('production', { release: TESTED, 'from-release': TESTED });
    expect(itself.errors.join('\n')).toMatch(/Input "from-release" has an invalid value "main-abc1234": expected an existing release other than the one being deployed/);
    const bad = await deploy('production', { release: 'v2.0.0', 'from-release': 'not a release' });
    expect(bad.errors.join('\n')).toMatch(/Input "from-release" has an invalid value "not a release"/);
  });

  test('command target: SHIPKIT_PROMOTED_FROM and the images recorded for the promoted release (unless images is given)', async () => {
    expect((await deploy('api-staging', { release: TESTED, images: JSON.stringify(IMAGES) })).errors).toEqual([]);
    const promoted = await deploy('api-production', { release: 'v1.0.0', 'from-release': TESTED });
    expect(promoted.errors).toEqual([]);
    const env = readEnvFile(path.join(out, 'api-production-v1.0.0.env'));
    expect(env).toMatchObject({ SHIPKIT_RELEASE: 'v1.0.0', SHIPKIT_PROMOTED_FROM: TESTED });
    expect(JSON.parse(env.SHIPKIT_IMAGES)).toEqual(IMAGES);
    const record = (await (await ledgerOf(s3, 'api-production')).state()).operations.at(-1)?.end;
    expect(record?.details).toMatchObject({ promotedFrom: TESTED, images: IMAGES });

    const override = [{ name: 'api', ref: 'registry.example/acme/api@sha256:' + 'b'.repeat(64) }];
    expect((await deploy('api-production', { release: 'v1.0.1', 'from-release': TESTED, images: JSON.stringify(override) })).errors).toEqual([]);
    expect(JSON.parse(readEnvFile(path.join(out, 'api-production-v1.0.1.env')).SHIPKIT_IMAGES)).toEqual(override);

    const unknown = await deploy('api-production', { release: 'v1.0.2', 'from-release': 'main-0000000' });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.errors.join('\n')).toMatch(/Input "from-release" names release "main-0000000", which no environment of shop has deployed successfully/);

    // A plain deploy says it was not promoted.
    expect((await deploy('api-production', { release: 'v1.0.3' })).errors).toEqual([]);
    expect(readEnvFile(path.join(out, 'api-production-v1.0.3.env')).SHIPKIT_PROMOTED_FROM).toBe('');
  });

  test('S3 dies mid-promotion: the new release stays incomplete (not installable), a re-run completes it byte for byte', async () => {
    const tested = hashTree(path.join(workspace, 'build'));
    expect(Object.keys(tested).length).toBeGreaterThan(6);
    s3.resetRequests();
    const crashed = s3.crashAfter(3, { method: 'PUT', pathPrefix: '/state/shipkit/releases/shop/v3.0.0/' });
    const failed = await deploy('production', { release: 'v3.0.0', 'from-release': TESTED });
    await crashed;
    expect(failed.exitCode).toBe(1);
    expect(failed.errors.join('\n')).toMatch(/Could not copy s3:\/\/state\/shipkit\/releases\/shop\/main-abc1234\//);
    await s3.restart();
    // Whatever copies landed, without its manifest v3.0.0 is not a release anyone may install.
    expect(await keys('state', 'shipkit/releases/shop/v3.0.0/.shipkit-manifest.json')).toEqual([]);
    const notYet = await deploy('production', { release: 'v3.0.0' });
    expect(notYet.errors.join('\n')).toMatch(/Input "release" names release "v3.0.0", which is not in the release store/);

    // The crashed run's lease is still there (S3 was down when it would have released it): the re-run
    // waits for it to expire (5 s), looking every 1.5 s (lock-timeout 30s; the default 10m looks every 5 s).
    const rerun = await deploy('production', { release: 'v3.0.0', 'from-release': TESTED, 'lock-timeout': '30s' });
    expect(rerun.errors).toEqual([]);
    expect(await hashServed(s3.websiteUrl('shop-prod'), Object.keys(tested))).toEqual(tested);
    const manifest = await readJson<{ files: Record<string, { sha256: string }> }>(s3.client(), 'state', 'shipkit/releases/shop/v3.0.0/.shipkit-manifest.json');
    expect(manifest).toMatchObject({ complete: true, meta: { release: 'v3.0.0', promotedFrom: TESTED } });
    expect(Object.fromEntries(Object.entries(manifest!.files).map(([key, entry]) => [key, entry.sha256]))).toEqual(tested);
  });
});
