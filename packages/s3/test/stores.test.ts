/**
 * The transfer engine's suite on every store it serves: s3rver, moto (both S3) and Azure Blob
 * Storage (azurite) — one engine, two backends. Plans, uploads, copies, deletes, headers,
 * multipart (staged blocks on Azure), conditional writes and faults, each read back through the
 * store's own API.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { STORE_KINDS, startStore, tempDir, type StoreServer } from '../../../test/services/index.js';
import { startFlakyProxy } from './flaky-proxy.js';
import {
  conditionalWrites,
  copyPrefix,
  countRequests,
  deletePrefix,
  getJsonObject,
  isPreconditionFailed,
  listKeys,
  MULTIPART_THRESHOLD,
  publishDirectory,
  putJsonObject,
  readManifest,
  scanDirectory,
  storeNow,
} from '../src/index.js';
import { BlobServiceClient } from '@azure/storage-blob';
import { ShipkitError } from '@shipkit/core';

const quiet = { log: () => undefined };

function makeSite(files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir('store-site');
  const all: Record<string, string | Buffer> = {
    'index.html': '<html><script src="assets/app.1234.js"></script></html>',
    'about/index.html': '<html>about</html>',
    'assets/app.1234.js': 'console.log("app")',
    'assets/app.1234.css': 'body{}',
    'assets/@scope/a b.js': 'odd key',
    'assets/ünï.css': 'u',
    ...files,
  };
  for (const [name, content] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe.each(STORE_KINDS)('the transfer engine on %s', (kind) => {
  let store: StoreServer;
  let site: string;
  let releases: string;
  beforeAll(async () => {
    store = await startStore(kind, { buckets: ['site', 'store'] });
    site = store.bucket('site');
    releases = store.bucket('store');
  });
  afterAll(async () => {
    await store?.stop();
  });

  const head = (bucket: string, key: string) => store.client().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  const bytes = async (bucket: string, key: string) => Buffer.from(await (await store.client().send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray());

  // On S3 the store checks the body against the planned sha256 the upload is signed with (engine.test.ts,
  // through a verifying proxy); Blob Storage has no such header, so its store checks before the write.
  if (kind === 'azurite') test('a file changed after the scan is refused, not stored under the planned hash (Blob Storage as S3)', async () => {
    const dir = makeSite();
    const files = await scanDirectory(dir);
    writeFileSync(path.join(dir, 'assets/app.1234.js'), readFileSync(path.join(dir, 'assets/app.1234.js'), 'utf8').replace('app', 'APP')); // same size, other bytes, after the scan
    const planned = files.find((file) => file.key === 'assets/app.1234.js')!.sha256;
    const error = await publishDirectory(store.client(), { files, bucket: site, prefix: 'changed', concurrency: 1, ...quiet }).then(() => undefined, (caught: unknown) => caught as Error & { hint?: string });
    expect(error?.message).toMatch(/Could not upload assets\/app\.1234\.js to azblob:\/\/.*\/changed\/assets\/app\.1234\.js: .*do not have the sha256/);
    expect(error?.hint).toContain(`assets/app.1234.js changed after it was scanned: its bytes no longer have the sha256 ${planned}`);
    expect(await listKeys(store.client(), site, 'changed')).not.toContain('changed/assets/app.1234.js');
    expect((await readManifest(store.client(), site, 'changed'))?.complete).not.toBe(true);
  });

  test('a first publish uploads every file with its type, cache policy and sha256, byte for byte, the manifest last', async () => {
    const c = store.client();
    const result = await publishDirectory(c, { sourceDir: makeSite(), bucket: site, prefix: 'first', cacheControl: [{ pattern: '*.html', value: 'no-cache' }, { pattern: '**', value: 'public, max-age=60' }], ...quiet });
    expect(result).toMatchObject({ uploaded: 6, skipped: 0, changed: true });
    expect((await listKeys(c, site, 'first')).sort()).toEqual(
      ['first/.shipkit-manifest.json', 'first/about/index.html', 'first/assets/@scope/a b.js', 'first/assets/app.1234.css', 'first/assets/app.1234.js', 'first/assets/ünï.css', 'first/index.html'],
    );
    const js = await head(site, 'first/assets/app.1234.js');
    expect([js.ContentType, js.CacheControl, js.Metadata?.sha256]).toEqual(['text/javascript; charset=utf-8', 'public, max-age=60', createHash('sha256').update('console.log("app")').digest('hex')]);
    expect((await head(site, 'first/index.html')).CacheControl).toBe('no-cache');
    expect((await bytes(site, 'first/assets/@scope/a b.js')).toString()).toBe('odd key');
    const manifest = await readManifest(c, site, 'first');
    expect(manifest?.complete).toBe(true);
    expect(manifest!.files['assets/app.1234.js'].sha256).toBe(js.Metadata?.sha256);
  });

  test('an unchanged re-publish writes nothing; one changed file is the only upload, and deleteStale removes what is gone', async () => {
    const c = store.client();
    await publishDirectory(c, { sourceDir: makeSite(), bucket: site, prefix: 'again', ...quiet });
    const counts = countRequests(c);
    const same = await publishDirectory(c, { sourceDir: makeSite(), bucket: site, prefix: 'again', ...quiet });
    expect(same).toMatchObject({ uploaded: 0, changed: false });
    expect(counts.writes()).toBe(0);

    counts.reset();
    const dir = makeSite({ 'index.html': '<html>v2</html>' });
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'about'), { recursive: true });
    const changed = await publishDirectory(c, { sourceDir: dir, bucket: site, prefix: 'again', deleteStale: true, ...quiet });
    expect(changed).toMatchObject({ uploaded: 1, deleted: 1 });
    expect(counts.byCommand.PutObject).toBe(3); // index.html, the incomplete and the complete manifest
    expect((await bytes(site, 'again/index.html')).toString()).toBe('<html>v2</html>');
    expect(await listKeys(c, site, 'again/about')).toEqual([]);
  });

  test('a file above the multipart threshold goes up in parts (staged blocks on Azure), byte for byte, and is skipped when unchanged', async () => {
    const big = Buffer.alloc(MULTIPART_THRESHOLD + 1_234_567);
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32BE(i, i);
    const c = store.client();
    const counts = countRequests(c);
    await publishDirectory(c, { sourceDir: makeSite({ 'video.bin': big }), bucket: site, prefix: 'big', ...quiet });
    expect(counts.byCommand.UploadPart).toBeGreaterThanOrEqual(2);
    expect(counts.byCommand.CompleteMultipartUpload).toBe(1);
    expect((await bytes(site, 'big/video.bin')).equals(big)).toBe(true);
    expect((await head(site, 'big/video.bin')).Metadata?.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    expect((await head(site, 'big/video.bin')).ContentType).toBe('application/octet-stream');
    counts.reset();
    expect(await publishDirectory(c, { sourceDir: makeSite({ 'video.bin': big }), bucket: site, prefix: 'big', ...quiet })).toMatchObject({ uploaded: 0 });
    expect(counts.writes()).toBe(0);
  });

  test('copyPrefix copies server-side with the new headers and only what changed; reuseFrom copies content the store already holds', async () => {
    const c = store.client();
    await publishDirectory(c, { sourceDir: makeSite(), bucket: releases, prefix: 'releases/shop/r1', meta: { release: 'r1' }, ...quiet });
    await publishDirectory(c, { sourceDir: makeSite({ 'index.html': '<html>r2</html>' }), bucket: releases, prefix: 'releases/shop/r2', meta: { release: 'r2' }, ...quiet });
    const counts = countRequests(c);
    expect(await copyPrefix(c, { from: { bucket: releases, prefix: 'releases/shop/r1' }, to: { bucket: site, prefix: 'live' }, cacheControl: 'max-age=30', ...quiet })).toMatchObject({ uploaded: 6 });
    expect(counts.byCommand.CopyObject).toBe(6);
    const js = await head(site, 'live/assets/app.1234.js');
    expect([js.CacheControl, js.ContentType]).toEqual(['max-age=30', 'text/javascript; charset=utf-8']);
    expect((await bytes(site, 'live/assets/ünï.css')).toString()).toBe('u');
    expect((await readManifest(c, site, 'live'))?.meta).toEqual({ release: 'r1' });

    counts.reset();
    expect(await copyPrefix(c, { from: { bucket: releases, prefix: 'releases/shop/r2' }, to: { bucket: site, prefix: 'live' }, cacheControl: 'max-age=30', deleteStale: true, ...quiet })).toMatchObject({ uploaded: 1, skipped: 5 });
    expect(counts.byCommand.CopyObject).toBe(1);
    expect((await bytes(site, 'live/index.html')).toString()).toBe('<html>r2</html>');

    counts.reset();
    const reused = await publishDirectory(c, { sourceDir: makeSite({ 'index.html': '<html>v3</html>' }), bucket: site, prefix: 'reuse', reuseFrom: [{ bucket: releases, prefix: 'releases/shop/r1' }], cacheControl: 'max-age=5', ...quiet });
    expect(reused).toMatchObject({ uploaded: 6, copied: 5 });
    expect(counts.byCommand.PutObject).toBe(2); // index.html + the manifest
    expect((await head(site, 'reuse/assets/app.1234.css')).CacheControl).toBe('max-age=5');
  });

  // Key names a build can produce that are special in URLs or in S3's copy-source header.
  const ODD_NAMES = ['semi;colon.html', 'hash#.html', 'q?.js', 'plus+.js', 'pct%20.js', 'at@.js', 'comma,.js', 'eq=.js', 'amp&.js', 'dollar$.js', "p(a)r!e'n*.js", 'tilde~.js', 'colon:.js', 'a b/c.js', 'ünï/ß.css'];
  // s3rver (a stand-in) reads x-amz-copy-source with decodeURI, which leaves %3B %23 %3F %2B as they
  // are, so it cannot copy keys holding ; # ? + (sent encoded, as S3 expects); moto and Blob Storage can.
  const S3RVER_CANNOT_COPY = /[;#?+]/;
  test('server-side copies of odd key names arrive byte for byte under the same names', async () => {
    const c = store.client();
    const names = ODD_NAMES.filter((name) => kind !== 's3rver' || !S3RVER_CANNOT_COPY.test(name));
    const files = Object.fromEntries(names.map((name) => [`odd/${name}`, `content of ${name}`]));
    const dir = tempDir('odd-names');
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    await publishDirectory(c, { sourceDir: dir, bucket: releases, prefix: 'releases/odd/r1', ...quiet });
    const result = await copyPrefix(c, { from: { bucket: releases, prefix: 'releases/odd/r1' }, to: { bucket: site, prefix: 'odd-live' }, cacheControl: 'max-age=30', ...quiet });
    expect(result).toMatchObject({ uploaded: names.length });
    for (const [name, content] of Object.entries(files)) {
      const response = await c.send(new GetObjectCommand({ Bucket: site, Key: `odd-live/${name}` }));
      expect([name, await response.Body!.transformToString()]).toEqual([name, content]);
    }
  });

  test('per-file headers: a .svgz is stored gzip-encoded (Content-Encoding gzip, image/svg+xml), also after a server-side copy; unchanged, it is skipped', async () => {
    const c = store.client();
    const svgz = gzipSync('<svg xmlns="http://www.w3.org/2000/svg"/>');
    await publishDirectory(c, { sourceDir: makeSite({ 'logo.svgz': svgz }), bucket: releases, prefix: 'releases/shop/svg', ...quiet });
    const stored = await head(releases, 'releases/shop/svg/logo.svgz');
    expect([stored.ContentType, stored.ContentEncoding]).toEqual(['image/svg+xml', 'gzip']);
    expect((await head(releases, 'releases/shop/svg/index.html')).ContentEncoding ?? '').toBe('');
    expect((await bytes(releases, 'releases/shop/svg/logo.svgz')).equals(svgz)).toBe(true);
    expect((await readManifest(c, releases, 'releases/shop/svg'))?.files['logo.svgz']).toMatchObject({ contentEncoding: 'gzip' });
    await copyPrefix(c, { from: { bucket: releases, prefix: 'releases/shop/svg' }, to: { bucket: site, prefix: 'svg-live' }, cacheControl: 'max-age=60', ...quiet });
    const copied = await head(site, 'svg-live/logo.svgz');
    expect([copied.ContentType, copied.ContentEncoding, copied.CacheControl]).toEqual(['image/svg+xml', 'gzip', 'max-age=60']);
    const counts = countRequests(c);
    expect(await publishDirectory(c, { sourceDir: makeSite({ 'logo.svgz': svgz }), bucket: releases, prefix: 'releases/shop/svg', ...quiet })).toMatchObject({ uploaded: 0 });
    expect(counts.writes()).toBe(0);
  });

  test('conditional writes: create-only and replace-only-this-version are honoured where the store supports them', async () => {
    const c = store.client();
    const key = 'state/lease.json';
    const etag = await putJsonObject(c, releases, key, { holder: 'a' }, { ifNoneMatch: true });
    const second = putJsonObject(c, releases, key, { holder: 'b' }, { ifNoneMatch: true });
    if (store.conditional) {
      const error = await second.then(() => undefined, (caught: unknown) => caught);
      expect(isPreconditionFailed(error)).toBe(true);
      const stale = await putJsonObject(c, releases, key, { holder: 'c' }, { ifMatch: '"0x0000"' }).then(() => undefined, (caught: unknown) => caught);
      expect(isPreconditionFailed(stale)).toBe(true);
      expect((await getJsonObject<{ holder: string }>(c, releases, key))?.value.holder).toBe('a');
      const next = await putJsonObject(c, releases, key, { holder: 'd' }, { ifMatch: etag! });
      expect(next).not.toBe(etag);
      const read = await getJsonObject<{ holder: string }>(c, releases, key);
      expect(read).toMatchObject({ value: { holder: 'd' }, etag: next });
      // The store's clock: the object's Last-Modified and the Date of the answer, within seconds of each other.
      expect(read!.storeDate! - read!.lastModified!).toBeGreaterThanOrEqual(0);
      expect(read!.storeDate! - read!.lastModified!).toBeLessThan(10_000);
      expect(Math.abs(storeNow(c)! - read!.storeDate!)).toBeLessThan(10_000);
    } else {
      await second; // s3rver ignores the condition
    }
    expect(await conditionalWrites(c, releases, 'state/.probe')).toBe(store.conditional);
  });

  if (kind === 'azurite') {
    test("a blob lease (Azure's own) on an object: its 412 is an error naming the code and the blob, not a failed condition", async () => {
      const c = store.client();
      const key = 'state/leased.json';
      const etag = await putJsonObject(c, releases, key, { holder: 'a' }, { ifNoneMatch: true });
      const blobs = BlobServiceClient.fromConnectionString(store.env.AZURE_STORAGE_CONNECTION_STRING!).getContainerClient(releases.split('/')[1]);
      await blobs.getBlobClient(key).getBlobLeaseClient().acquireLease(-1);
      try {
        const refused = await putJsonObject(c, releases, key, { holder: 'b' }, { ifMatch: etag! }).then(() => undefined, (caught: unknown) => caught);
        expect(isPreconditionFailed(refused)).toBe(false);
        expect(refused).toBeInstanceOf(ShipkitError);
        expect(String(refused)).toMatch(new RegExp(`Azure Blob Storage refused PutObject on azblob://${releases}/state/leased\\.json with 412 LeaseIdMissing`));
        // A genuinely failed condition is still one.
        const stale = await putJsonObject(c, releases, 'state/lease.json', { holder: 'c' }, { ifMatch: '"0x0000"' }).then(() => undefined, (caught: unknown) => caught);
        expect(isPreconditionFailed(stale)).toBe(true);
      } finally {
        await blobs.getBlobClient(key).getBlobLeaseClient().breakLease(0);
      }
    });
  }

  test('faults: every third request failing with 503 is retried and the publish completes; deletePrefix removes everything under a prefix', async () => {
    const proxy = await startFlakyProxy(store.origin, { every: 3, status: 503, code: 'ServerBusy' });
    try {
      const flaky = store.clientVia(proxy.endpoint);
      const result = await publishDirectory(flaky, { sourceDir: makeSite(), bucket: site, prefix: 'flaky', ...quiet });
      expect(result).toMatchObject({ uploaded: 6 });
      expect(proxy.injected).toBeGreaterThan(0);
      expect((await readManifest(store.client(), site, 'flaky'))?.complete).toBe(true);
      expect((await bytes(site, 'flaky/index.html')).toString()).toBe('<html><script src="assets/app.1234.js"></script></html>');
    } finally {
      await proxy.stop();
    }
    const c = store.client();
    await c.send(new DeleteObjectCommand({ Bucket: site, Key: 'flaky/not-there' })); // deleting nothing is not an error
    expect(await deletePrefix(c, site, 'flaky')).toBe(7);
    expect(await listKeys(c, site, 'flaky')).toEqual([]);
    await c.send(new PutObjectCommand({ Bucket: site, Key: 'x/y', Body: 'z' }));
    await expect(deletePrefix(c, site, '')).rejects.toThrow(/Refusing to delete every object/);
  });
});
