import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { runAction, type EventName } from '../../../test/harness/index.js';
import { readJson } from '../../../test/harness/store.js';
import { CloudFrontClient, CreateDistributionCommand, GetInvalidationCommand, ListInvalidationsCommand } from '@aws-sdk/client-cloudfront';
import { startMoto, startS3, type MotoService, type S3Service } from '../../../test/services/index.js';
import { startFakeCloudFront, type FakeCloudFront } from '../../../test/fakes/fake-cloudfront.js';
import { PUBLISHED_COUNT, writeSite } from './site.js';

let s3: S3Service;
/** moto's CloudFront API serves the invalidations; fake-cloudfront only where moto cannot: refusing one. */
let moto: MotoService;
let distributionId: string;
let cloudfront: FakeCloudFront;
let bucketCounter = 0;

beforeAll(async () => {
  [s3, cloudfront, moto] = await Promise.all([startS3(), startFakeCloudFront(), startMoto()]);
  const client = new CloudFrontClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: moto.credentials });
  const behaviour = { TargetOriginId: 'cdn', ViewerProtocolPolicy: 'allow-all' as const, ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' as const } }, MinTTL: 0, TrustedSigners: { Enabled: false, Quantity: 0 } };
  const created = await client.send(new CreateDistributionCommand({ DistributionConfig: { CallerReference: `cdn-${Date.now()}`, Comment: 'cdn', Enabled: true, Origins: { Quantity: 1, Items: [{ Id: 'cdn', DomainName: 'cdn.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }] }, DefaultCacheBehavior: behaviour } }));
  distributionId = created.Distribution!.Id!;
  client.destroy();
});
afterAll(async () => {
  await Promise.all([s3.stop(), cloudfront.stop(), moto.stop()]);
});

async function newBucket(): Promise<string> {
  const name = `cdn-${++bucketCounter}`;
  await s3.createBucket(name);
  return name;
}

function publish(bucket: string, workspace: string, inputs: Record<string, string> = {}, event: EventName = 'tag-v1.2.3', cloudfrontEndpoint = moto.endpoint) {
  return runAction('cdn-publish', {
    inputs: { 'source-dir': 'dist', bucket, prefix: 'app', ...inputs },
    env: { ...s3.env, AWS_ENDPOINT_URL_CLOUDFRONT: cloudfrontEndpoint },
    event,
    workspace,
  });
}

async function head(bucket: string, key: string) {
  return s3.client().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
}
async function text(bucket: string, key: string) {
  return (await s3.client().send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();
}
/** The alias's manifest; undefined only when the store says it does not exist (any other error fails the test). */
async function aliasVersion(bucket: string, alias: string): Promise<{ version?: string; complete: boolean } | undefined> {
  const manifest = await readJson<{ meta: { version?: string }; complete: boolean }>(s3.client(), bucket, `app/${alias}/.shipkit-manifest.json`);
  return manifest && { version: manifest.meta.version, complete: manifest.complete };
}
async function keys(bucket: string, prefix: string): Promise<string[]> {
  const listed = await s3.client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((item) => item.Key!).sort();
}
const writes = () => {
  const counts = s3.requestCounts();
  return (counts.PUT ?? 0) + (counts.POST ?? 0) + (counts.DELETE ?? 0);
};

describe('cdn-publish (dist bundle through the runner harness, real s3rver)', () => {
  test('publishes the tag version and its aliases with the right content types and cache headers; no dotfiles or escaping symlinks', async () => {
    const bucket = await newBucket();
    const run = await publish(bucket, writeSite({}, { symlinkOut: true }));
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ uploaded: String(PUBLISHED_COUNT), skipped: '0', copied: String(PUBLISHED_COUNT * 3), deleted: '0' });
    const urls = JSON.parse(run.outputs.urls) as { version: string; aliases: Record<string, string> };
    expect(urls.version).toBe(`${s3.endpoint}/${bucket}/app/v1.2.3/`);
    expect(Object.keys(urls.aliases).sort()).toEqual(['latest', 'v1', 'v1.2']);
    expect(run.warnings.join('\n')).toMatch(/Not publishing passwd\.txt: symlink to .*outside the source directory/);

    const version = await keys(bucket, 'app/v1.2.3/');
    expect(version).not.toContain('app/v1.2.3/.env');
    expect(version).not.toContain('app/v1.2.3/passwd.txt');
    expect(version).toHaveLength(PUBLISHED_COUNT + 1); // + manifest

    const expectations: Array<[string, string, string, string]> = [
      ['app/v1.2.3/index.html', 'text/html; charset=utf-8', 'public, max-age=31536000, immutable', ''],
      ['app/v1.2.3/assets/app.1111.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable', ''],
      ['app/v1.2.3/assets/app.1111.js.map', 'application/json; charset=utf-8', 'public, max-age=31536000, immutable', ''],
      ['app/v1.2.3/assets/style.2222.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable', ''],
      ['app/v1.2.3/assets/logo.svg', 'image/svg+xml; charset=utf-8', 'public, max-age=31536000, immutable', ''],
      ['app/v1.2.3/assets/photo.webp', 'image/webp', 'public, max-age=31536000, immutable', ''],
      ['app/v1.2.3/assets/font.woff', 'font/woff', 'public, max-age=31536000, immutable', ''],
      ['app/v1.2.3/assets/engine.wasm', 'application/wasm', 'public, max-age=31536000, immutable', ''],
      ['app/latest/index.html', 'text/html; charset=utf-8', 'no-cache', ''],
      ['app/latest/sw.js', 'text/javascript; charset=utf-8', 'no-cache', ''],
      ['app/latest/site.webmanifest', 'application/manifest+json; charset=utf-8', 'no-cache', ''],
      ['app/v1/assets/app.1111.js', 'text/javascript; charset=utf-8', 'public, max-age=300, must-revalidate', ''],
    ];
    for (const [key, contentType, cacheControl] of expectations) {
      const info = await head(bucket, key);
      expect([key, info.ContentType, info.CacheControl]).toEqual([key, contentType, cacheControl]);
    }
    expect(await text(bucket, 'app/v1.2/index.html')).toContain('<div id="root">');
    expect(run.summary).toContain('cdn-publish');
    expect(run.summary).toMatch(/`v1\.2\.3\/` \(version\)/);
  });

  test('an identical re-publish from a fresh checkout (new mtimes) writes nothing', async () => {
    const bucket = await newBucket();
    expect((await publish(bucket, writeSite())).exitCode).toBe(0);
    s3.resetRequests();
    const again = await publish(bucket, writeSite());
    expect(again.exitCode).toBe(0);
    expect(again.outputs).toMatchObject({ uploaded: '0', copied: '0', deleted: '0', bytes: '0', skipped: String(PUBLISHED_COUNT) });
    expect(writes()).toBe(0);
    // A listing and a manifest read per prefix (source and destination for the alias copies), never a request per file.
    expect(s3.requestCounts().GET).toBeLessThanOrEqual(18);
    expect(s3.requestCounts().HEAD ?? 0).toBe(0);
    // The log accounts for every request the server saw, each with why it was made.
    const logged = Object.fromEntries([...again.log.matchAll(/^ {2}(\d+) (\w+) — .+$/gm)].map((match) => [match[2], Number(match[1])]));
    expect(again.log).toMatch(/S3 requests: \d+ \(0 writes\)/);
    expect((logged.ListObjectsV2 ?? 0) + (logged.GetObject ?? 0)).toBe(s3.requestCounts().GET);
    expect(Object.keys(logged).every((name) => ['ListObjectsV2', 'GetObject'].includes(name))).toBe(true);
  });

  test('republishing a version with different content is refused before anything changes; overwrite replaces it and moves only the changed alias files (invalidations against moto\'s CloudFront)', async () => {
    const bucket = await newBucket();
    const client = new CloudFrontClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: moto.credentials });
    const behaviour = { TargetOriginId: 'cdn', ViewerProtocolPolicy: 'allow-all' as const, ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' as const } }, MinTTL: 0, TrustedSigners: { Enabled: false, Quantity: 0 } };
    const created = await client.send(new CreateDistributionCommand({ DistributionConfig: { CallerReference: `cdn-${Date.now()}`, Comment: 'cdn', Enabled: true, Origins: { Quantity: 1, Items: [{ Id: 'cdn', DomainName: `${bucket}.s3.amazonaws.com`, S3OriginConfig: { OriginAccessIdentity: '' } }] }, DefaultCacheBehavior: behaviour } }));
    const ownDistribution = created.Distribution!.Id!;
    const invalidations = async () => {
      const items = (await client.send(new ListInvalidationsCommand({ DistributionId: ownDistribution }))).InvalidationList?.Items ?? [];
      return Promise.all(items.map(async (item) => (await client.send(new GetInvalidationCommand({ DistributionId: ownDistribution, Id: item.Id! }))).Invalidation!));
    };
    try {
      expect((await publish(bucket, writeSite(), { 'distribution-id': ownDistribution }, 'tag-v1.2.3', moto.endpoint)).exitCode).toBe(0);
      const before = (await invalidations()).length;
      s3.resetRequests();
      const changed = writeSite({ 'assets/app.1111.js': 'console.log("changed")' });
      const refused = await publish(bucket, changed);
      expect(refused.exitCode).toBe(1);
      expect(refused.errors.join('\n')).toMatch(/Version 1\.2\.3 is already published at s3:\/\/cdn-\d+\/app\/v1\.2\.3\/ with different content \(1 changed, 0 added, 0 removed: ~assets\/app\.1111\.js\)\. Published versions are immutable/);
      expect(writes()).toBe(0);
      expect(await text(bucket, 'app/v1.2.3/assets/app.1111.js')).toBe('console.log("app")');

      const overwritten = await publish(bucket, changed, { overwrite: 'true', 'distribution-id': ownDistribution, 'wait-for-invalidation': 'true' }, 'tag-v1.2.3', moto.endpoint);
      expect(overwritten.exitCode).toBe(0);
      expect(overwritten.outputs).toMatchObject({ uploaded: '1', copied: '3', skipped: String(PUBLISHED_COUNT - 1) });
      expect(await text(bucket, 'app/latest/assets/app.1111.js')).toBe('console.log("changed")');
      // Only the changed paths are invalidated: the aliases', and the version's because it was overwritten.
      const changedPaths = ['/app/latest/assets/app.1111.js', '/app/v1.2.3/assets/app.1111.js', '/app/v1.2/assets/app.1111.js', '/app/v1/assets/app.1111.js'];
      expect(JSON.parse(overwritten.outputs.invalidated)).toEqual(changedPaths);
      const after = await invalidations();
      expect(after).toHaveLength(before + 1);
      const latest = after.find((item) => !item.InvalidationBatch?.Paths?.Items?.some((path) => path.endsWith('/')) && item.InvalidationBatch?.Paths?.Items?.length === 4)!;
      expect([...(latest.InvalidationBatch!.Paths!.Items ?? [])].sort()).toEqual(changedPaths);
      // wait-for-invalidation polled it to Completed (moto says COMPLETED)
      expect(latest.Status?.toLowerCase()).toBe('completed');
      expect(overwritten.log).toMatch(/CloudFront invalidation \S+ for 4 path\(s\): \S+/);
    } finally {
      client.destroy();
    }
  });

  test('an invalidation CloudFront refused is owed: the re-run sends it even with nothing new to publish (fake-cloudfront: moto cannot refuse on demand)', async () => {
    const bucket = await newBucket();
    const cdn = { 'distribution-id': cloudfront.distributionId };
    expect((await publish(bucket, writeSite(), { version: '3.0.0', ...cdn }, 'tag-v1.2.3', cloudfront.endpoint)).exitCode).toBe(0);
    cloudfront.refuse(1, 403, 'AccessDenied', 'User is not authorized to perform: cloudfront:CreateInvalidation');
    const site = writeSite({ 'index.html': '3.0.1' });
    const failed = await publish(bucket, site, { version: '3.0.1', ...cdn }, 'tag-v1.2.3', cloudfront.endpoint);
    expect(failed.exitCode).toBe(1);
    expect(failed.errors.join('\n')).toMatch(/Could not invalidate 6 path\(s\) on CloudFront distribution EDFDVBD6EXAMPLE: AccessDenied/);
    expect(await text(bucket, 'app/latest/index.html')).toBe('3.0.1');
    const before = cloudfront.invalidations.length;
    const rerun = await publish(bucket, site, { version: '3.0.1', ...cdn }, 'tag-v1.2.3', cloudfront.endpoint);
    expect(rerun.exitCode).toBe(0);
    expect(rerun.outputs).toMatchObject({ uploaded: '0', copied: '0' });
    expect(cloudfront.invalidations.slice(before).map((item) => item.paths)).toEqual([['/app/latest/', '/app/latest/index.html', '/app/v3.0/', '/app/v3.0/index.html', '/app/v3/', '/app/v3/index.html']]);
    expect(await keys(bucket, 'app/.shipkit-pending')).toEqual([]);
    const third = await publish(bucket, site, { version: '3.0.1', ...cdn }, 'tag-v1.2.3', cloudfront.endpoint);
    expect(JSON.parse(third.outputs.invalidated)).toEqual([]);
  });

  test('aliases never move backwards; prereleases publish only their version', async () => {
    const bucket = await newBucket();
    const cdn = { 'distribution-id': distributionId };
    expect((await publish(bucket, writeSite({ 'index.html': '1.2.5' }), { version: '1.2.5' })).exitCode).toBe(0);
    expect((await publish(bucket, writeSite({ 'index.html': '1.3.0' }), { version: '1.3.0' })).exitCode).toBe(0);
    const older = await publish(bucket, writeSite({ 'index.html': '1.2.4' }), { version: 'v1.2.4', ...cdn });
    expect(older.exitCode).toBe(0);
    expect(await aliasVersion(bucket, 'latest')).toEqual({ version: '1.3.0', complete: true });
    expect(await aliasVersion(bucket, 'v1')).toEqual({ version: '1.3.0', complete: true });
    expect(await aliasVersion(bucket, 'v1.2')).toEqual({ version: '1.2.5', complete: true });
    expect(await text(bucket, 'app/latest/index.html')).toBe('1.3.0');
    expect(await text(bucket, 'app/v1.2/index.html')).toBe('1.2.5');
    expect(await text(bucket, 'app/v1.2.4/index.html')).toBe('1.2.4');
    expect(JSON.parse(older.outputs.urls).aliases).toEqual({});
    expect(JSON.parse(older.outputs.invalidated)).toEqual([]);
    expect(older.summary).toMatch(/kept on 1\.2\.5/);
    expect(older.summary).toMatch(/kept on 1\.3\.0/);

    const patch = await publish(bucket, writeSite({ 'index.html': '1.2.6' }), { version: '1.2.6', ...cdn });
    expect(patch.exitCode).toBe(0);
    expect(await aliasVersion(bucket, 'v1.2')).toEqual({ version: '1.2.6', complete: true });
    expect(await aliasVersion(bucket, 'latest')).toEqual({ version: '1.3.0', complete: true });
    expect(patch.outputs.copied).toBe('1');
    expect(JSON.parse(patch.outputs.invalidated)).toEqual(['/app/v1.2/', '/app/v1.2/index.html']);

    const rc = await publish(bucket, writeSite({ 'index.html': 'rc' }), {}, 'tag-prerelease');
    expect(rc.exitCode).toBe(0);
    expect(JSON.parse(rc.outputs.urls)).toEqual({ version: expect.stringContaining('/app/v2.0.0-rc.1/'), aliases: {} });
    expect(await text(bucket, 'app/v2.0.0-rc.1/index.html')).toBe('rc');
    expect(await aliasVersion(bucket, 'v2')).toBeUndefined();
    expect(await aliasVersion(bucket, 'latest')).toEqual({ version: '1.3.0', complete: true });

    const newer = await publish(bucket, writeSite({ 'index.html': '1.4.0' }), { version: '1.4.0' });
    expect(newer.exitCode).toBe(0);
    expect(await aliasVersion(bucket, 'latest')).toEqual({ version: '1.4.0', complete: true });
    expect(await text(bucket, 'app/latest/index.html')).toBe('1.4.0');
  });

  test('a new version that changed one file uploads only that file; the rest is copied server-side from the previous version', async () => {
    const bucket = await newBucket();
    expect((await publish(bucket, writeSite(), { version: '2.0.0' })).exitCode).toBe(0);
    s3.resetRequests();
    const next = await publish(bucket, writeSite({ 'assets/app.1111.js': 'console.log("2.0.1")' }), { version: '2.0.1' });
    const server = s3.requestCounts();
    expect(next.exitCode).toBe(0);
    expect(next.outputs).toMatchObject({ uploaded: '1', reused: String(PUBLISHED_COUNT - 1), copied: '3', bytes: String(Buffer.byteLength('console.log("2.0.1")')) });
    // Each alias changed exactly one file.
    expect(JSON.parse(next.outputs.plan).targets.slice(1).map((target: { changes: unknown[] }) => target.changes.length)).toEqual([1, 1, 1]);
    expect(await text(bucket, 'app/v2.0.1/assets/style.2222.css')).toBe('body{margin:0}');
    expect((await head(bucket, 'app/v2.0.1/assets/style.2222.css')).CacheControl).toBe('public, max-age=31536000, immutable');
    expect(await text(bucket, 'app/latest/assets/app.1111.js')).toBe('console.log("2.0.1")');
    // Every request the server saw is accounted for in the log, by kind, with its reason.
    const logged = Object.fromEntries([...next.log.matchAll(/^ {2}(\d+) (\w+) — .+$/gm)].map((match) => [match[2], Number(match[1])]));
    expect((logged.PutObject ?? 0) + (logged.CopyObject ?? 0) + (logged.UploadPart ?? 0)).toBe(server.PUT ?? 0);
    expect((logged.ListObjectsV2 ?? 0) + (logged.GetObject ?? 0)).toBe(server.GET ?? 0);
    expect((logged.DeleteObjects ?? 0) + (logged.CreateMultipartUpload ?? 0) + (logged.CompleteMultipartUpload ?? 0)).toBe(server.POST ?? 0);
    expect(logged.HeadObject ?? 0).toBe(server.HEAD ?? 0);
  });

  // Start-up (one process for small sources, the re-exec above the threshold, the compile cache): startup.test.ts.

  test('dry run prints and outputs the plan without writing', async () => {
    const bucket = await newBucket();
    s3.resetRequests();
    const run = await publish(bucket, writeSite(), { 'dry-run': 'true' });
    expect(run.exitCode).toBe(0);
    expect(writes()).toBe(0);
    const plan = JSON.parse(run.outputs.plan) as { targets: Array<{ target: string; changes: Array<{ action: string; key: string }> }> };
    expect(plan.targets.map((target) => target.target)).toEqual(['v1.2.3', 'v1.2', 'v1', 'latest']);
    expect(plan.targets[0].changes.filter((change) => change.action === 'upload')).toHaveLength(PUBLISHED_COUNT);
    expect(plan.targets[3].changes.every((change) => change.action === 'copy')).toBe(true);
    // assets first, entry documents last
    const order = plan.targets[0].changes.map((change) => change.key);
    expect(order.indexOf('assets/app.1111.js')).toBeLessThan(order.indexOf('sw.js'));
    expect(order.indexOf('sw.js')).toBeLessThan(order.indexOf('index.html'));
    expect(run.log).toContain('"action": "upload"');
    expect(run.summary).toContain('Dry run');
    expect(await keys(bucket, 'app/')).toEqual([]);
  });

  test('falls back to the config file: cdn.bucket/prefix/base-url/distribution-id and aws.endpoint', async () => {
    const bucket = await newBucket();
    const workspace = writeSite();
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(`${workspace}/.github`, { recursive: true });
    writeFileSync(
      `${workspace}/.github/shipkit.yml`,
      `app: shop\naws: { region: us-east-1, endpoint: "${s3.endpoint}", force-path-style: true }\ncdn:\n  bucket: ${bucket}\n  prefix: static\n  base-url: https://cdn.example.com\n  distribution-id: ${distributionId}\n`,
    );
    const run = await runAction('cdn-publish', {
      inputs: { 'source-dir': 'dist' },
      env: { ...s3.env, AWS_ENDPOINT_URL: undefined, AWS_ENDPOINT_URL_S3: undefined, AWS_ENDPOINT_URL_CLOUDFRONT: moto.endpoint },
      event: 'tag-v1.2.3',
      workspace,
    });
    expect(run.errors).toEqual([]);
    expect(JSON.parse(run.outputs.urls)).toEqual({
      version: 'https://cdn.example.com/static/v1.2.3/',
      aliases: { 'v1.2': 'https://cdn.example.com/static/v1.2/', v1: 'https://cdn.example.com/static/v1/', latest: 'https://cdn.example.com/static/latest/' },
    });
    expect(await text(bucket, 'static/latest/index.html')).toContain('root');
    const invalidated = JSON.parse(run.outputs.invalidated) as string[];
    expect(invalidated).toEqual(expect.arrayContaining(['/static/latest/', '/static/latest/index.html', '/static/v1/sw.js', '/static/v1.2/docs/']));
    expect(invalidated.filter((path) => path.startsWith('/static/v1.2.3/'))).toEqual([]);
  });

  test.each([
    [{ version: 'banana' }, /Input "version" has an invalid value "banana": expected a semantic version/],
    [{ 'cache-control': 'no colon here' }, /Input "cache-control" has an invalid line "no colon here"/],
    [{ bucket: 'Bad_Bucket' }, /Input "bucket" has an invalid value "Bad_Bucket"/],
    [{ concurrency: '0' }, /Input "concurrency" has an invalid value "0"/],
    [{ prefix: 'a/../b' }, /Input "prefix" has an invalid value "a\/..\/b"/],
    [{ 'distribution-id': 'nope' }, /Input "distribution-id" has an invalid value "nope"/],
  ])('bad input %j fails clearly before any request', async (inputs, message) => {
    const bucket = await newBucket();
    s3.resetRequests();
    const run = await publish(bucket, writeSite(), inputs as Record<string, string>);
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(message);
    expect(s3.requests()).toEqual([]);
  });

  // Names that look like an Azure <account>/<container> but are not one: refused naming the input
  // (or the config file's cdn.bucket, when the value came from there), the value and what was expected.
  test.each([['a/'], ['/c'], ['a//c'], ['acc/cont/extra'], ['ACCOUNT/container'], ['account/Container'], [`${'a'.repeat(25)}/container`], [`account/${'c'.repeat(64)}`]])(
    'an Azure-looking bucket %j is refused before any request, as the input and as cdn.bucket in the config file',
    async (bucket) => {
      s3.resetRequests();
      const asInput = await publish(bucket, writeSite());
      expect(asInput.exitCode).toBe(1);
      expect(asInput.errors.join('\n')).toContain(`Input "bucket" has an invalid value ${JSON.stringify(bucket)}: expected an S3 bucket name (3-63 lowercase letters, digits, "." and "-") or an Azure Blob <account>/<container>`);
      const workspace = writeSite();
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync(`${workspace}/.github`, { recursive: true });
      writeFileSync(`${workspace}/.github/shipkit.yml`, `app: shop\ncdn:\n  bucket: "${bucket}"\n  prefix: static\n`);
      const fromConfig = await runAction('cdn-publish', { inputs: { 'source-dir': 'dist', version: '1.2.3' }, env: s3.env, workspace });
      expect(fromConfig.exitCode).toBe(1);
      expect(fromConfig.errors.join('\n')).toContain(`.github/shipkit.yml: cdn.bucket has an invalid value ${JSON.stringify(bucket)}: expected an S3 bucket name`);
      expect(fromConfig.errors.join('\n')).not.toContain('Input "bucket"');
      expect(s3.requests()).toEqual([]);
    },
  );

  test('no version input and not a tag: a clear error', async () => {
    const run = await publish(await newBucket(), writeSite(), {}, 'push-main');
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/Input "version" was not given and this run is not for a tag/);
  });
});
