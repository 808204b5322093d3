import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HeadObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startS3, tempDir, type S3Service } from '../../../test/services/index.js';
import { startFlakyProxy } from './flaky-proxy.js';
import {
  copyPrefix,
  countRequests,
  createS3Client,
  deletePrefix,
  listKeys,
  MULTIPART_THRESHOLD,
  publishDirectory,
  readManifest,
  scanDirectory,
} from '../src/index.js';
import { KEPT_BYTES } from '../src/transfer.js';
import { KeptBytes, ONE_READ_BYTES } from '@shipkit/core';

let s3: S3Service;
const quiet = { log: () => undefined };

beforeAll(async () => {
  s3 = await startS3({ buckets: ['site', 'store'] });
});
afterAll(async () => {
  await s3.stop();
});

function client() {
  return createS3Client({ endpoint: s3.endpoint, env: s3.env });
}

/** A small site: hashed assets, entry documents, a dotfile and a nested dir. */
function makeSite(files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir('site');
  const all: Record<string, string | Buffer> = {
    'index.html': '<html><script src="assets/app.1234.js"></script></html>',
    'about/index.html': '<html>about</html>',
    'assets/app.1234.js': 'console.log("app")',
    'assets/app.1234.css': 'body{}',
    'assets/font.woff2': Buffer.from([0x77, 0x4f, 0x46, 0x32]),
    'manifest.json': '{"name":"shop"}',
    'sw.js': 'self.addEventListener("fetch", () => {})',
    '.env': 'SECRET=1',
    ...files,
  };
  for (const [name, content] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function head(bucket: string, key: string) {
  return s3.client().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
}

async function body(bucket: string, key: string): Promise<string> {
  const response = await s3.client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return response.Body!.transformToString();
}

async function bodyBytes(bucket: string, key: string): Promise<Buffer> {
  const response = await s3.client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await response.Body!.transformToByteArray());
}

describe('publishDirectory', () => {
  test('first publish uploads everything (no dotfiles), records sha256 and writes the manifest last', async () => {
    const dir = makeSite();
    const order: string[] = [];
    const result = await publishDirectory(client(), {
      sourceDir: dir,
      bucket: 'site',
      prefix: 'first',
      cacheControl: [{ pattern: '*.html', value: 'no-cache' }, { pattern: '**', value: 'public, max-age=60' }],
      onProgress: (event) => event.key && order.push(event.key),
      concurrency: 1,
      ...quiet,
    });
    expect(result).toMatchObject({ uploaded: 7, skipped: 0, deleted: 0, changed: true });
    const keys = await listKeys(client(), 'site', 'first');
    expect(keys).not.toContain('first/.env');
    expect(keys).toContain('first/.shipkit-manifest.json');
    // Assets first, then manifest/service worker, HTML last.
    expect(order.slice(0, 3).sort()).toEqual(['assets/app.1234.css', 'assets/app.1234.js', 'assets/font.woff2']);
    expect(order.slice(3, 5).sort()).toEqual(['manifest.json', 'sw.js']);
    expect(order.slice(5).sort()).toEqual(['about/index.html', 'index.html']);

    const js = await head('site', 'first/assets/app.1234.js');
    expect(js.ContentType).toBe('text/javascript; charset=utf-8');
    expect(js.CacheControl).toBe('public, max-age=60');
    expect(js.Metadata?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const html = await head('site', 'first/index.html');
    expect(html.ContentType).toBe('text/html; charset=utf-8');
    expect(html.CacheControl).toBe('no-cache');
    expect((await head('site', 'first/assets/font.woff2')).ContentType).toBe('font/woff2');

    const manifest = await readManifest(client(), 'site', 'first');
    expect(manifest?.complete).toBe(true);
    expect(Object.keys(manifest!.files).sort()).toEqual(['about/index.html', 'assets/app.1234.css', 'assets/app.1234.js', 'assets/font.woff2', 'index.html', 'manifest.json', 'sw.js']);
    expect(manifest!.files['assets/app.1234.js'].sha256).toBe(js.Metadata?.sha256);
  });

  test('an unchanged re-publish sends no writes and a handful of reads', async () => {
    const dir = makeSite();
    await publishDirectory(client(), { sourceDir: dir, bucket: 'site', prefix: 'again', ...quiet });
    const fresh = makeSite(); // same content, new mtimes
    s3.resetRequests();
    const c = client();
    const counts = countRequests(c);
    const result = await publishDirectory(c, { sourceDir: fresh, bucket: 'site', prefix: 'again', ...quiet });
    expect(result).toMatchObject({ uploaded: 0, skipped: 7, deleted: 0, bytes: 0, changed: false });
    expect(s3.requestCounts().PUT ?? 0).toBe(0);
    expect(s3.requestCounts().POST ?? 0).toBe(0);
    expect(counts.writes()).toBe(0);
    expect(counts.total).toBe(2); // one listing + the manifest
  });

  test('changing one file uploads exactly that file; deleteStale removes what is gone, after the writes', async () => {
    const dir = makeSite();
    await publishDirectory(client(), { sourceDir: dir, bucket: 'site', prefix: 'change', ...quiet });
    const next = makeSite({ 'assets/app.1234.js': 'console.log("v2")' });
    const result = await publishDirectory(client(), { sourceDir: next, bucket: 'site', prefix: 'change', ...quiet });
    expect(result).toMatchObject({ uploaded: 1, skipped: 6, deleted: 0 });
    expect(result.plan.entries.filter((e) => e.action === 'upload')).toEqual([expect.objectContaining({ key: 'assets/app.1234.js', reason: 'changed' })]);
    expect(await body('site', 'change/assets/app.1234.js')).toBe('console.log("v2")');

    const trimmed = makeSite({ 'assets/app.5678.js': 'new' });
    const { rmSync } = await import('node:fs');
    rmSync(path.join(trimmed, 'assets/app.1234.js'));
    s3.resetRequests();
    const pruned = await publishDirectory(client(), { sourceDir: trimmed, bucket: 'site', prefix: 'change', deleteStale: true, ...quiet });
    expect(pruned).toMatchObject({ uploaded: 1, deleted: 1 });
    const order = s3.requests().filter((r) => r.method !== 'GET' && r.method !== 'HEAD').map((r) => `${r.method} ${r.path}`);
    // mark incomplete, upload, delete, manifest last
    expect(order).toEqual([
      'PUT /site/change/.shipkit-manifest.json',
      'PUT /site/change/assets/app.5678.js',
      'POST /site/', // DeleteObjects
      'PUT /site/change/.shipkit-manifest.json',
    ]);
    expect(await listKeys(client(), 'site', 'change')).not.toContain('change/assets/app.1234.js');
  });

  test('deferred stale deletion keeps old files for one more publish', async () => {
    await publishDirectory(client(), { sourceDir: makeSite({ 'assets/old.js': 'old' }), bucket: 'site', prefix: 'deferred', ...quiet });
    const second = await publishDirectory(client(), { sourceDir: makeSite(), bucket: 'site', prefix: 'deferred', deleteStale: 'deferred', ...quiet });
    expect(second).toMatchObject({ deleted: 0 });
    expect(await listKeys(client(), 'site', 'deferred')).toContain('deferred/assets/old.js');
    expect(Object.keys((await readManifest(client(), 'site', 'deferred'))!.retained ?? {})).toEqual(['assets/old.js']);
    const third = await publishDirectory(client(), { sourceDir: makeSite(), bucket: 'site', prefix: 'deferred', deleteStale: 'deferred', ...quiet });
    expect(third).toMatchObject({ deleted: 1, uploaded: 0 });
    expect(await listKeys(client(), 'site', 'deferred')).not.toContain('deferred/assets/old.js');
  });

  test('multipart above 8 MiB round-trips and is skipped when unchanged', async () => {
    const big = Buffer.alloc(MULTIPART_THRESHOLD + 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251;
    const dir = makeSite({ 'media/big.bin': big });
    s3.resetRequests();
    const first = await publishDirectory(client(), { sourceDir: dir, bucket: 'site', prefix: 'big', ...quiet });
    expect(first.uploaded).toBe(8);
    expect(s3.requests().some((r) => r.url.includes('uploadId'))).toBe(true);
    const info = await head('site', 'big/media/big.bin');
    expect(info.ContentLength).toBe(big.length);
    expect(info.ContentType).toBe('application/octet-stream');
    const again = await publishDirectory(client(), { sourceDir: dir, bucket: 'site', prefix: 'big', ...quiet });
    expect(again).toMatchObject({ uploaded: 0, skipped: 8 });
  });

  test('after an interrupted publish (objects written, no manifest) a re-run skips what is already there', async () => {
    const dir = makeSite();
    const files = await scanDirectory(dir);
    // Simulate the interruption: half the files uploaded with their metadata, no manifest.
    const c = client();
    for (const file of files.slice(0, 3)) {
      await c.send(new PutObjectCommand({ Bucket: 'site', Key: `partial/${file.key}`, Body: 'x'.repeat(file.size), Metadata: { sha256: file.sha256 }, ContentType: file.contentType }));
    }
    expect(await readManifest(c, 'site', 'partial')).toBeUndefined();
    const result = await publishDirectory(c, { files, bucket: 'site', prefix: 'partial', ...quiet });
    // The three were HEADed (no manifest covers them) and trusted by their sha256 metadata.
    expect(result).toMatchObject({ uploaded: 4, skipped: 3 });
  });

  test('a changed object behind the manifest (other ETag) is not trusted', async () => {
    const dir = makeSite();
    await publishDirectory(client(), { sourceDir: dir, bucket: 'site', prefix: 'tampered', ...quiet });
    await s3.client().send(new PutObjectCommand({ Bucket: 'site', Key: 'tampered/sw.js', Body: 'self.addEventListener("fetch", () => {1})', ContentType: 'text/javascript; charset=utf-8' }));
    const result = await publishDirectory(client(), { sourceDir: dir, bucket: 'site', prefix: 'tampered', ...quiet });
    expect(result.plan.entries.find((e) => e.key === 'sw.js')).toMatchObject({ action: 'upload', reason: 'changed' });
  });

  test.each([
    [503, 'SlowDown'],
    [500, 'InternalError'],
  ])('retries %i %s from the store (every 3rd request fails) and completes', async (status, code) => {
    const proxy = await startFlakyProxy(s3.endpoint, { every: 3, status, code });
    try {
      const flaky = createS3Client({ endpoint: proxy.endpoint, env: s3.env });
      const counts = countRequests(flaky);
      const prefix = `flaky-${status}`;
      const result = await publishDirectory(flaky, { sourceDir: makeSite(), bucket: 'site', prefix, deleteStale: true, ...quiet });
      expect(result).toMatchObject({ uploaded: 7 });
      expect(proxy.injected).toBeGreaterThan(2);
      expect(counts.total).toBe(proxy.injected + proxy.forwarded); // every injected failure was retried
      expect((await readManifest(client(), 'site', prefix))?.complete).toBe(true);
      const copy = await copyPrefix(flaky, { from: { bucket: 'site', prefix }, to: { bucket: 'site', prefix: `${prefix}-copy` }, ...quiet });
      expect(copy).toMatchObject({ uploaded: 7 });
    } finally {
      await proxy.stop();
    }
  });

  test('uploads are signed with the planned sha256: a file changed after the scan is refused by the store, not stored under the planned hash', async () => {
    // The proxy checks x-amz-content-sha256 against the body as Amazon S3 does (s3rver does not).
    const proxy = await startFlakyProxy(s3.endpoint, { every: Number.MAX_SAFE_INTEGER, verifyPayload: true });
    try {
      const verified = createS3Client({ endpoint: proxy.endpoint, env: s3.env });
      const dir = makeSite();
      expect(await publishDirectory(verified, { sourceDir: dir, bucket: 'site', prefix: 'verified', ...quiet })).toMatchObject({ uploaded: 7 });
      expect(proxy.mismatched).toBe(0);
      const files = await scanDirectory(dir);
      writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetcH", () => {})'); // same size, other bytes, after the scan
      const planned = files.find((file) => file.key === 'sw.js')!.sha256;
      const error = await publishDirectory(verified, { files, bucket: 'site', prefix: 'changed', concurrency: 1, ...quiet }).then(() => undefined, (caught: unknown) => caught as Error & { hint?: string });
      expect(error?.message).toMatch(/Could not upload sw\.js to s3:\/\/site\/changed\/sw\.js: XAmzContentSHA256Mismatch/);
      expect(error?.hint).toContain(`sw.js changed after it was scanned: its bytes no longer have the sha256 ${planned}`);
      // Refused twice: the direct upload (src/put.ts), then the SDK's request, whose error the run reports.
      expect(proxy.mismatched).toBe(2);
      expect(await listKeys(client(), 'site', 'changed')).not.toContain('changed/sw.js');
      expect((await readManifest(client(), 'site', 'changed'))?.complete).not.toBe(true);
    } finally {
      await proxy.stop();
    }
  });

  test('a file the scan kept is uploaded from the bytes it hashed, read once: a rewrite after the scan cannot slip in, and nothing is refused', async () => {
    const proxy = await startFlakyProxy(s3.endpoint, { every: Number.MAX_SAFE_INTEGER, verifyPayload: true });
    try {
      const verified = createS3Client({ endpoint: proxy.endpoint, env: s3.env });
      const dir = makeSite();
      const original = readFileSync(path.join(dir, 'sw.js'));
      const kept = new KeptBytes(KEPT_BYTES, () => true);
      const files = await scanDirectory(dir, { keep: kept });
      writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetcH", () => {})'); // same size, other bytes, after the scan
      const result = await publishDirectory(verified, { files, kept, bucket: 'site', prefix: 'kept', concurrency: 1, ...quiet });
      expect(result).toMatchObject({ uploaded: 7 });
      expect(proxy.mismatched).toBe(0);
      const stored = await client().send(new GetObjectCommand({ Bucket: 'site', Key: 'kept/sw.js' }));
      expect(Buffer.from(await stored.Body!.transformToByteArray())).toEqual(original);
      const manifest = await readManifest(client(), 'site', 'kept');
      expect(manifest?.complete).toBe(true);
      expect(manifest?.files['sw.js']?.sha256).toBe(createHash('sha256').update(original).digest('hex'));
      // Every kept buffer was handed to its upload and forgotten.
      for (const file of files) expect(kept.take(file.path, file.size)).toBeUndefined();
    } finally {
      await proxy.stop();
    }
  });

  test('kept bytes stay within their budget and only for files wanted; a file larger than one read is never kept', () => {
    const kept = new KeptBytes(10, (key) => key !== 'no');
    expect(kept.wants('a', 6)).toBe(true);
    kept.put('/a', Buffer.alloc(6));
    expect(kept.wants('b', 5)).toBe(false); // 11 bytes would pass the budget
    expect(kept.wants('b', 4)).toBe(true);
    expect(kept.wants('no', 1)).toBe(false);
    expect(new KeptBytes(64 * 1024 * 1024, () => true).wants('big', ONE_READ_BYTES + 1)).toBe(false);
    expect(kept.take('/a', 5)).toBeUndefined(); // another size than it had: not handed over, and forgotten
    expect(kept.take('/a', 6)).toBeUndefined();
    expect(kept.wants('b', 10)).toBe(true); // its bytes no longer count
  });

  test('hashing many files with a reused read buffer gives each file its own sha256', async () => {
    const contents: Record<string, Buffer> = {};
    for (let i = 0; i < 300; i++) contents[`f${i}.bin`] = randomBytes([1, 5000, 16 * 1024, 16 * 1024 + 1, 70_000, 300_000][i % 6]!);
    const dir = makeSite(contents);
    for (let round = 0; round < 2; round++) {
      const files = await scanDirectory(dir);
      for (const [key, bytes] of Object.entries(contents)) expect(files.find((file) => file.key === key)?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  test.each([
    ['shorter', 'self.addEventListener("push", () => {})'],
    ['longer', 'self.addEventListener("message", () => {})'],
  ])('a file that is %s than when it was scanned is refused before it is sent, whatever the store checks', async (_, content) => {
    // s3rver checks nothing: without the size check the file would be stored cut or padded under the planned hash.
    const dir = makeSite();
    const files = await scanDirectory(dir);
    writeFileSync(path.join(dir, 'sw.js'), content);
    const prefix = `resized-${content.length}`;
    const error = await publishDirectory(client(), { files, bucket: 'site', prefix, concurrency: 1, ...quiet }).then(() => undefined, (caught: unknown) => caught as Error & { hint?: string });
    expect(error?.message).toBe('sw.js is no longer 40 bytes, its size when it was scanned.');
    expect(error?.hint).toContain(`sw.js changed after it was scanned: its bytes no longer have the sha256 ${files.find((file) => file.key === 'sw.js')!.sha256}`);
    expect(await listKeys(client(), 'site', prefix)).not.toContain(`${prefix}/sw.js`);
    expect((await readManifest(client(), 'site', prefix))?.complete).not.toBe(true);
  });

  test.each([
    ['shorter', 12 * 1024 * 1024],
    ['longer', 21 * 1024 * 1024],
  ])('a multipart file that is %s than when it was scanned is refused and its upload aborted', async (_, newSize) => {
    const dir = makeSite({ 'media/film.mp4': randomBytes(20 * 1024 * 1024) });
    const files = await scanDirectory(dir);
    writeFileSync(path.join(dir, 'media/film.mp4'), randomBytes(newSize));
    const prefix = `resized-film-${newSize}`;
    const error = await publishDirectory(client(), { files, bucket: 'site', prefix, ...quiet }).then(() => undefined, (caught: unknown) => caught as Error & { hint?: string });
    expect(error?.message).toBe(`media/film.mp4 is no longer ${20 * 1024 * 1024} bytes, its size when it was scanned.`);
    expect(error?.hint).toContain('media/film.mp4 changed after it was scanned');
    expect(await listKeys(client(), 'site', prefix)).not.toContain(`${prefix}/media/film.mp4`);
  }, 60_000);

  test.each([
    ['an 8 MiB budget', 8 * 1024 * 1024, (peak: number) => expect(peak).toBeLessThanOrEqual(8 * 1024 * 1024)],
    ['the default 64 MiB budget', undefined, (peak: number) => expect(peak).toBeGreaterThan(8 * 1024 * 1024)],
  ])('uploads hold at most their buffer budget of file bytes at once (%s), multipart parts included', async (_, bufferBytes, checkPeak) => {
    // Every request is held 100 ms by the proxy, so all that the engine lets start overlaps there.
    const proxy = await startFlakyProxy(s3.endpoint, { every: 1, delayMs: 100 });
    try {
      const files: Record<string, Buffer> = {};
      for (let i = 0; i < 6; i++) files[`media/clip-${i}.mp4`] = randomBytes(3 * 1024 * 1024);
      files['media/film.mp4'] = randomBytes(20 * 1024 * 1024); // multipart: parts of 8, 8 and 4 MiB
      const dir = makeSite(files);
      const prefix = `budget-${bufferBytes ?? 'default'}`;
      const result = await publishDirectory(createS3Client({ endpoint: proxy.endpoint, env: s3.env }), { sourceDir: dir, bucket: 'site', prefix, bufferBytes, ...quiet });
      expect(result.uploaded).toBe(14);
      checkPeak(proxy.peakBodyBytes);
      expect(proxy.peakBodyBytes).toBeGreaterThanOrEqual(6 * 1024 * 1024); // still concurrent: two clips at once fit in 8 MiB
      for (const [key, bytes] of Object.entries(files)) expect(Buffer.compare(await bodyBytes('site', `${prefix}/${key}`), bytes)).toBe(0);
    } finally {
      await proxy.stop();
    }
  }, 60_000);

  test('the concurrency asked for is what reaches the store: 64 requests at once (the SDK alone keeps at most 50 connections)', async () => {
    const proxy = await startFlakyProxy(s3.endpoint, { every: 1, delayMs: 200 });
    try {
      const files: Record<string, string> = {};
      for (let i = 0; i < 100; i++) files[`assets/chunk-${i}.js`] = `export const n = ${i};`;
      const result = await publishDirectory(createS3Client({ endpoint: proxy.endpoint, env: s3.env }), { sourceDir: makeSite(files), bucket: 'site', prefix: 'wide', concurrency: 64, ...quiet });
      expect(result.uploaded).toBe(107);
      expect(proxy.peakRequests).toBe(64);
    } finally {
      await proxy.stop();
    }
  }, 60_000);

  test('dry run plans without writing', async () => {
    s3.resetRequests();
    const result = await publishDirectory(client(), { sourceDir: makeSite(), bucket: 'site', prefix: 'dry', dryRun: true, ...quiet });
    expect(result).toMatchObject({ uploaded: 7, changed: true });
    expect(s3.requestCounts().PUT ?? 0).toBe(0);
    expect(await listKeys(client(), 'site', 'dry')).toEqual([]);
  });
});

describe('scanDirectory safety', () => {
  test('symlinks out of the directory are skipped, inside ones followed; dotfiles only when included', async () => {
    const outside = tempDir('outside');
    writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    const dir = makeSite({ '.well-known/security.txt': 'Contact: x', '.git/config': '[core]' });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'leak.txt'));
    symlinkSync(outside, path.join(dir, 'leakdir'));
    symlinkSync(path.join(dir, 'assets'), path.join(dir, 'alias-assets'));
    symlinkSync('../..', path.join(dir, 'assets', 'up'));
    symlinkSync('..', path.join(dir, 'assets', 'root'));
    const skipped: string[] = [];
    const keys = (await scanDirectory(dir, { onSkip: (file) => skipped.push(file) })).map((f) => f.key);
    expect(keys).not.toContain('leak.txt');
    expect(keys.some((key) => key.startsWith('leakdir/'))).toBe(false);
    expect(keys).toContain('alias-assets/app.1234.js');
    expect(keys).toContain('assets/app.1234.js');
    expect(keys.some((key) => key.startsWith('assets/up/'))).toBe(false); // a loop back to the root
    expect(skipped).toEqual(expect.arrayContaining(['assets/up', 'assets/root']));
    expect(keys.some((key) => key.startsWith('assets/root/'))).toBe(false);
    expect(keys.some((key) => key.includes('.env') || key.includes('.git') || key.includes('.well-known'))).toBe(false);
    expect(skipped).toEqual(expect.arrayContaining(['leak.txt', 'leakdir']));

    const withWellKnown = (await scanDirectory(dir, { include: ['**', '.well-known/**'] })).map((f) => f.key);
    expect(withWellKnown).toContain('.well-known/security.txt');
    expect(withWellKnown).not.toContain('.env');
    const everything = (await scanDirectory(dir, { includeDotfiles: true, exclude: ['.git/**'] })).map((f) => f.key);
    expect(everything).toEqual(expect.arrayContaining(['.env', '.well-known/security.txt']));
    expect(everything).not.toContain('.git/config');
    const noMaps = (await scanDirectory(dir, { exclude: ['*.js'] })).map((f) => f.key);
    expect(noMaps.filter((key) => key.endsWith('.js'))).toEqual([]);
    expect(noMaps).toContain('assets/app.1234.css');
    expect((await scanDirectory(dir, { include: ['assets/*.css'] })).map((f) => f.key)).toEqual(['assets/app.1234.css']);
  });

  test.each([['../escape.js'], ['/abs.js'], ['a//b.js'], ['a/./b.js'], ['a\\b.js'], ['.shipkit-manifest.json']])('file key %j is refused', async (key) => {
    await expect(publishDirectory(client(), { files: [{ key, path: '/dev/null', size: 0, sha256: 'e3b0', contentType: 'text/plain' }], bucket: 'site', prefix: 'x', ...quiet })).rejects.toThrow(/Refusing file key/);
  });
});

describe('copyPrefix', () => {
  test('copies only changed files server-side, with new headers, manifest last; refuses incomplete sources', async () => {
    const c = client();
    await publishDirectory(c, { sourceDir: makeSite(), bucket: 'store', prefix: 'releases/shop/r1', meta: { release: 'r1' }, ...quiet });
    await publishDirectory(c, { sourceDir: makeSite({ 'index.html': '<html>r2</html>' }), bucket: 'store', prefix: 'releases/shop/r2', meta: { release: 'r2' }, ...quiet });

    const first = await copyPrefix(c, { from: { bucket: 'store', prefix: 'releases/shop/r1' }, to: { bucket: 'site', prefix: 'live' }, cacheControl: 'max-age=30', ...quiet });
    expect(first).toMatchObject({ uploaded: 7, skipped: 0 });

    // Keys with spaces, @ and non-ASCII survive the copy-source encoding.
    await publishDirectory(c, { sourceDir: makeSite({ 'assets/@scope/a b.js': 'odd', 'assets/ünï.css': 'u' }), bucket: 'store', prefix: 'releases/shop/odd', ...quiet });
    const odd = await copyPrefix(c, { from: { bucket: 'store', prefix: 'releases/shop/odd' }, to: { bucket: 'site', prefix: 'odd' }, ...quiet });
    expect(odd.uploaded).toBe(9);
    expect(await body('site', 'odd/assets/@scope/a b.js')).toBe('odd');
    expect(await body('site', 'odd/assets/ünï.css')).toBe('u');
    expect((await head('site', 'live/assets/app.1234.js')).CacheControl).toBe('max-age=30');
    expect((await head('site', 'live/assets/app.1234.js')).ContentType).toBe('text/javascript; charset=utf-8');
    expect((await readManifest(c, 'site', 'live'))?.meta).toEqual({ release: 'r1' });

    s3.resetRequests();
    const counts = countRequests(c);
    const second = await copyPrefix(c, { from: { bucket: 'store', prefix: 'releases/shop/r2' }, to: { bucket: 'site', prefix: 'live' }, cacheControl: 'max-age=30', deleteStale: true, ...quiet });
    expect(second).toMatchObject({ uploaded: 1, skipped: 6, deleted: 0 });
    expect(counts.byCommand.HeadObject ?? 0).toBe(0);
    expect(counts.byCommand.CopyObject).toBe(1);
    expect(await body('site', 'live/index.html')).toBe('<html>r2</html>');
    expect((await readManifest(c, 'site', 'live'))?.meta).toEqual({ release: 'r2' });

    const same = await copyPrefix(c, { from: { bucket: 'store', prefix: 'releases/shop/r2' }, to: { bucket: 'site', prefix: 'live' }, cacheControl: 'max-age=30', ...quiet });
    expect(same).toMatchObject({ uploaded: 0, changed: false });

    await c.send(new PutObjectCommand({ Bucket: 'store', Key: 'releases/shop/r3/index.html', Body: 'partial' }));
    await expect(copyPrefix(c, { from: { bucket: 'store', prefix: 'releases/shop/r3' }, to: { bucket: 'site', prefix: 'live' }, ...quiet })).rejects.toThrow(/not a complete published prefix/);
  });

  test('reuseFrom: content already in a complete prefix is server-side copied instead of uploaded, with an upload fallback', async () => {
    const c = client();
    const counts = countRequests(c);
    const v1 = await publishDirectory(c, { sourceDir: makeSite(), bucket: 'store', prefix: 'reuse/v1', ...quiet });
    await c.send(new PutObjectCommand({ Bucket: 'store', Key: 'reuse/partial/assets/app.1234.css', Body: 'body{}' })); // no manifest: never a source
    counts.reset();
    const v2 = await publishDirectory(c, {
      sourceDir: makeSite({ 'index.html': '<html>v2</html>' }),
      bucket: 'site',
      prefix: 'reuse/v2',
      reuseFrom: [{ bucket: 'store', prefix: 'reuse/v1' }, { bucket: 'store', prefix: 'reuse/partial' }],
      cacheControl: 'max-age=5',
      ...quiet,
    });
    expect(v2).toMatchObject({ uploaded: 7, copied: 6 });
    expect(counts.byCommand.CopyObject).toBe(6);
    expect(counts.byCommand.PutObject).toBe(2); // index.html + the manifest
    expect(v2.bytes - v2.copiedBytes).toBe(Buffer.byteLength('<html>v2</html>'));
    const css = await head('site', 'reuse/v2/assets/app.1234.css');
    expect([css.CacheControl, css.ContentType, css.Metadata?.sha256]).toEqual(['max-age=5', 'text/css; charset=utf-8', v1.manifest.files['assets/app.1234.css'].sha256]);
    expect(await body('site', 'reuse/v2/assets/app.1234.js')).toBe('console.log("app")');

    // A reused object that vanished after its manifest was written: fall back to uploading.
    const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
    await c.send(new DeleteObjectCommand({ Bucket: 'store', Key: 'reuse/v1/sw.js' }));
    counts.reset();
    const v3 = await publishDirectory(c, { sourceDir: makeSite(), bucket: 'site', prefix: 'reuse/v3', reuseFrom: [{ bucket: 'store', prefix: 'reuse/v1' }], ...quiet });
    expect(v3).toMatchObject({ uploaded: 7, copied: 7 });
    expect(counts.byCommand.PutObject).toBe(2); // sw.js uploaded after its copy found nothing + the manifest
    expect(await body('site', 'reuse/v3/sw.js')).toBe('self.addEventListener("fetch", () => {})');
  });

  test('deletePrefix removes everything under a prefix and refuses the root', async () => {
    const c = client();
    await publishDirectory(c, { sourceDir: makeSite(), bucket: 'site', prefix: 'doomed', ...quiet });
    expect(await deletePrefix(c, 'site', 'doomed')).toBe(8);
    expect(await listKeys(c, 'site', 'doomed')).toEqual([]);
    await expect(deletePrefix(c, 'site', '')).rejects.toThrow(/Refusing to delete every object/);
  });
});
