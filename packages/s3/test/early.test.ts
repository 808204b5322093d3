/**
 * Uploads started while the source is still being hashed (EarlyUploads): only on a first publish
 * into an empty prefix, only assets, and the publish's order and failure guarantees kept — every
 * asset answered before the first entry document is sent, the manifest last, a failure told only
 * once nothing is in flight. Real s3rver behind the recording fault proxy.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { startS3, tempDir, type S3Service } from '../../../test/services/index.js';
import { startFlakyProxy, type FlakyProxy } from './flaky-proxy.js';
import { createS3Client, DEFAULT_CONCURRENCY, EarlyUploads, fetchRemoteListing, isEntryDocument, KEPT_BYTES, listKeys, publishDirectory, readManifest, scanDirectory, type LocalFile } from '../src/index.js';
import { KeptBytes } from '@shipkit/core';

const ASSETS = 200;
let s3: S3Service;
beforeAll(async () => {
  s3 = await startS3({ buckets: ['site'] });
});
afterAll(async () => {
  await s3.stop();
});

/** A site with enough assets that the scan takes many turns of the event loop, and its entry documents. */
function makeSite(extra: Record<string, Buffer> = {}): { dir: string; files: Map<string, Buffer> } {
  const dir = tempDir('early');
  const files = new Map<string, Buffer>();
  for (let i = 0; i < ASSETS; i++) files.set(`assets/chunk-${String(i).padStart(3, '0')}.js`, randomBytes(2048 + (i % 7) * 1024));
  // Entry documents hashed before every asset (keys in order) and after them.
  files.set('404.html', Buffer.from('<p>not found</p>'));
  files.set('index.html', Buffer.from('<!doctype html><script src="assets/chunk-000.js"></script>'));
  files.set('zz/last.html', Buffer.from('<p>hashed after every asset</p>'));
  files.set('manifest.json', Buffer.from('{"name":"site"}'));
  files.set('sw.js', Buffer.from('self.addEventListener("fetch", () => {})'));
  for (const [key, bytes] of Object.entries(extra)) files.set(key, bytes);
  for (const [key, bytes] of files) {
    mkdirSync(path.dirname(path.join(dir, key)), { recursive: true });
    writeFileSync(path.join(dir, key), bytes);
  }
  return { dir, files };
}

async function stored(key: string): Promise<Buffer> {
  const response = await s3.client().send(new GetObjectCommand({ Bucket: 'site', Key: key }));
  return Buffer.from(await response.Body!.transformToByteArray());
}

/**
 * The scan and the publish as cdn-publish runs them (publishDirectory with `files`): the listing
 * read first and answered before the scan starts, so the uploads start with the first hashed file
 * (deterministic here, where the store's answers share the test's event loop with the scan).
 */
async function scanAndPublish(client: ReturnType<typeof createS3Client>, dir: string, prefix: string, onHashed?: (file: LocalFile, early: EarlyUploads) => void, ready?: Promise<boolean>, concurrency?: number) {
  const fetched = fetchRemoteListing(client, 'site', prefix);
  await fetched;
  const kept = new KeptBytes(KEPT_BYTES, () => true);
  const early = new EarlyUploads(client, { bucket: 'site', prefix, fetched, kept, ready, concurrency });
  await new Promise((resolve) => setImmediate(resolve));
  let files: LocalFile[];
  try {
    files = await scanDirectory(dir, { keep: kept, onHashed: (file) => (early.offer(file), onHashed?.(file, early)) });
  } catch (error) {
    await early.abandon();
    throw error;
  }
  early.close();
  return publishDirectory(client, { files, kept, fetched, early, bucket: 'site', prefix, deleteStale: true, concurrency, log: () => undefined });
}

/** Every file stored under `prefix` byte for byte (read 16 at a time). */
async function expectStored(prefix: string, files: ReadonlyMap<string, Buffer>): Promise<void> {
  const entries = [...files];
  for (let at = 0; at < entries.length; at += 16) {
    await Promise.all(entries.slice(at, at + 16).map(async ([key, bytes]) => expect(await stored(`${prefix}/${key}`)).toEqual(bytes)));
  }
}

const puts = (proxy: FlakyProxy, event: 'arrived' | 'answered') => proxy.events.filter((entry) => entry.event === event && entry.method === 'PUT');

describe('uploads during the scan', () => {
  test.each([
    ['scanned by publishDirectory', false],
    ['scanned first, as cdn-publish does', true],
  ])('a first publish (%s): every asset is answered before the first entry document is sent, the manifest last; stored byte for byte', async (_name, scannedFirst) => {
    const { dir, files } = makeSite();
    const proxy = await startFlakyProxy(s3.endpoint, { every: Number.MAX_SAFE_INTEGER, record: true });
    const prefix = scannedFirst ? 'first-files' : 'first';
    try {
      const client = createS3Client({ endpoint: proxy.endpoint, env: s3.env });
      const result = scannedFirst ? await scanAndPublish(client, dir, prefix) : await publishDirectory(client, { sourceDir: dir, bucket: 'site', prefix, log: () => undefined });
      expect(result.uploaded).toBe(files.size);
      // Where the listing was in before the scan, the first `concurrency` assets started with their hashes.
      if (scannedFirst) expect(result.startedDuringScan).toBeGreaterThanOrEqual(DEFAULT_CONCURRENCY);
      expect(result.startedDuringScan).toBeLessThanOrEqual(ASSETS);
      await expectStored(prefix, files);
      const manifest = await readManifest(client, 'site', prefix);
      expect(manifest?.complete).toBe(true);
      expect(Object.keys(manifest!.files).sort()).toEqual([...files.keys()].sort());

      const arrived = puts(proxy, 'arrived').map((entry) => entry.path);
      const firstEntryDocument = proxy.events.findIndex((entry) => entry.event === 'arrived' && entry.method === 'PUT' && isEntryDocument(entry.path.replace(`/site/${prefix}/`, '')) && !entry.path.endsWith('.shipkit-manifest.json'));
      const lastAssetAnswer = proxy.events.findLastIndex((entry) => entry.event === 'answered' && entry.path.startsWith(`/site/${prefix}/assets/`));
      expect(firstEntryDocument).toBeGreaterThan(0);
      expect(lastAssetAnswer).toBeLessThan(firstEntryDocument);
      expect(arrived.at(-1)).toMatch(/\.shipkit-manifest\.json$/);
      expect(arrived.filter((key) => key.includes('/assets/'))).toHaveLength(ASSETS);
    } finally {
      await proxy.stop();
    }
  });

  test('earlyUploads: false waits for the whole scan (the control)', async () => {
    const { dir } = makeSite();
    const result = await publishDirectory(createS3Client({ endpoint: s3.endpoint, env: s3.env }), { sourceDir: dir, bucket: 'site', prefix: 'control', earlyUploads: false, log: () => undefined });
    expect(result.startedDuringScan).toBe(0);
    expect(result.uploaded).toBe(ASSETS + 5);
  });

  test.each([
    ['published before (a manifest): unchanged files skipped, one changed file uploaded', 'manifest'],
    ['holding an object shipkit did not write', 'stray'],
  ])('a prefix %s: nothing is uploaded during the scan', async (_name, holds) => {
    const { dir } = makeSite();
    const client = createS3Client({ endpoint: s3.endpoint, env: s3.env });
    const prefix = `again-${holds}`;
    if (holds === 'manifest') await publishDirectory(client, { sourceDir: dir, bucket: 'site', prefix, earlyUploads: false, log: () => undefined });
    else await s3.client().send(new (await import('@aws-sdk/client-s3')).PutObjectCommand({ Bucket: 'site', Key: `${prefix}/notes.txt`, Body: 'kept' }));
    writeFileSync(path.join(dir, 'assets/chunk-007.js'), 'changed');
    const result = await publishDirectory(client, { sourceDir: dir, bucket: 'site', prefix, log: () => undefined });
    expect(result.startedDuringScan).toBe(0);
    expect(result.uploaded).toBe(holds === 'manifest' ? 1 : ASSETS + 5);
    expect((await stored(`${prefix}/assets/chunk-007.js`)).toString()).toBe('changed');
    if (holds === 'stray') expect((await stored(`${prefix}/notes.txt`)).toString()).toBe('kept');
  });

  test('held back by the caller (`ready` false: cdn-publish with an earlier version to copy from), nothing starts during the scan', async () => {
    const { dir, files } = makeSite();
    const result = await scanAndPublish(createS3Client({ endpoint: s3.endpoint, env: s3.env }), dir, 'held', undefined, Promise.resolve(false));
    expect(result.startedDuringScan).toBe(0);
    expect(result.uploaded).toBe(files.size);
  });

  test('an asset the store refuses fails the publish naming it, once nothing is in flight; no entry document, no manifest', async () => {
    const { dir } = makeSite();
    const refused = '/site/refused/assets/chunk-005.js';
    const proxy = await startFlakyProxy(s3.endpoint, { every: 1, status: 403, code: 'AccessDenied', record: true, when: (req) => req.method === 'PUT' && decodeURIComponent((req.url ?? '').split('?')[0]!) === refused });
    try {
      const client = createS3Client({ endpoint: proxy.endpoint, env: s3.env });
      const failure = await publishDirectory(client, { sourceDir: dir, bucket: 'site', prefix: 'refused', log: () => undefined }).then(
        () => undefined,
        (error: Error) => ({ error, inFlight: proxy.inFlight, arrived: puts(proxy, 'arrived').length }),
      );
      expect(failure?.error.message).toContain('assets/chunk-005.js');
      expect(failure?.error.message).toContain('AccessDenied');
      expect(failure?.inFlight).toBe(0);
      const keys = await listKeys(s3.client(), 'site', 'refused/');
      expect(keys.filter((key) => isEntryDocument(key.replace('refused/', '')))).toEqual([]);
      expect(keys.some((key) => key.endsWith('.shipkit-manifest.json'))).toBe(false);
      // Nothing is sent after the failure was told: a request through the proxy now is the next one it sees.
      await client.send(new HeadObjectCommand({ Bucket: 'site', Key: 'refused/assets/chunk-000.js' })).catch(() => undefined);
      expect(puts(proxy, 'arrived')).toHaveLength(failure!.arrived);
    } finally {
      await proxy.stop();
    }
  });

  test('a scan that fails after uploads started fails once they have ended; the prefix gets no manifest and a re-run completes it', async () => {
    const { dir, files } = makeSite();
    // The last file the scan hashes (keys in order) is gone by the time the scan reaches it.
    const vanishing = path.join(dir, 'zz/last.html');
    const bytes = readFileSync(vanishing);
    const proxy = await startFlakyProxy(s3.endpoint, { every: Number.MAX_SAFE_INTEGER, record: true });
    try {
      const client = createS3Client({ endpoint: proxy.endpoint, env: s3.env });
      let started = 0;
      const failure = await scanAndPublish(client, dir, 'vanished', (file, early) => {
        if (file.key !== 'assets/chunk-100.js') return;
        started = early.startedTotal;
        rmSync(vanishing);
      }).then(
        () => undefined,
        (error: Error) => ({ error, inFlight: proxy.inFlight, arrived: puts(proxy, 'arrived').length }),
      );
      expect(failure?.error.message).toContain('last.html');
      expect(started).toBeGreaterThanOrEqual(DEFAULT_CONCURRENCY);
      expect(failure?.inFlight).toBe(0);
      expect(failure!.arrived).toBeGreaterThanOrEqual(DEFAULT_CONCURRENCY);
      expect(await readManifest(client, 'site', 'vanished')).toBeUndefined();
      // Nothing is sent after the failure was told: a request through the proxy now is the next one it sees.
      await client.send(new HeadObjectCommand({ Bucket: 'site', Key: 'vanished/assets/chunk-000.js' })).catch(() => undefined);
      expect(puts(proxy, 'arrived')).toHaveLength(failure!.arrived);

      writeFileSync(vanishing, bytes);
      const again = await scanAndPublish(client, dir, 'vanished');
      expect(again.startedDuringScan).toBe(0);
      await expectStored('vanished', files);
      expect((await readManifest(client, 'site', 'vanished'))?.complete).toBe(true);
    } finally {
      await proxy.stop();
    }
  });
});

describe('the hand-over from uploads started during the scan to the plan', () => {
  test.each([
    ['scanned by publishDirectory', false],
    ['scanned first, as cdn-publish does', true],
  ])('never more than `concurrency` requests at once (%s): the plan waits for the early uploads in flight before it starts its own', async (_name, scannedFirst) => {
    // Assets of different sizes: the plan sends the largest first, the scan offers them in key order.
    const { dir, files } = makeSite();
    // The first PUTs (the uploads started during the scan) are held 300 ms: still in flight when the plan starts its own.
    const concurrency = 4;
    let puts = 0;
    const proxy = await startFlakyProxy(s3.endpoint, { every: 1, delayMs: 300, when: (req) => req.method === 'PUT' && ++puts <= concurrency });
    const prefix = `handover-${scannedFirst ? 'files' : 'dir'}`;
    try {
      const client = createS3Client({ endpoint: proxy.endpoint, env: s3.env });
      const result = scannedFirst
        ? await scanAndPublish(client, dir, prefix, undefined, undefined, concurrency)
        : await publishDirectory(client, { sourceDir: dir, bucket: 'site', prefix, concurrency, log: () => undefined });
      if (scannedFirst) expect(result.startedDuringScan).toBeGreaterThanOrEqual(concurrency);
      expect(result.uploaded).toBe(files.size);
      expect(proxy.peakRequests).toBeLessThanOrEqual(concurrency);
      await expectStored(prefix, files);
    } finally {
      await proxy.stop();
    }
  }, 60_000);
});
