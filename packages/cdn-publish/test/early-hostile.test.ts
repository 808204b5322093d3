/**
 * A first publish uploads its assets while the source is still hashed (EarlyUploads), through the
 * committed cdn-publish bundle: a job cancelled (SIGINT) in the middle of those uploads leaves no
 * entry document and no manifest, and the re-run completes the version byte for byte; a file
 * rewritten at its size after it was hashed never ends stored under a sha256 its bytes do not have.
 * Real s3rver behind the fault proxy (which checks x-amz-content-sha256 as Amazon S3 does).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { runAction } from '../../../test/harness/index.js';
import { readJson } from '../../../test/harness/store.js';
import { startS3, tempDir, type S3Service } from '../../../test/services/index.js';
import { startFlakyProxy, type FlakyProxyOptions } from '../../s3/test/flaky-proxy.js';

let s3: S3Service;
beforeAll(async () => {
  s3 = await startS3({ buckets: ['early-cancel', 'early-rewrite', 'early-immutable'] });
});
afterAll(async () => {
  await s3.stop();
});

const ASSETS = 200;

function site(): { workspace: string; files: Map<string, Buffer> } {
  const workspace = tempDir('cdn-early');
  const files = new Map<string, Buffer>();
  for (let i = 0; i < ASSETS; i++) files.set(`assets/chunk-${String(i).padStart(3, '0')}.js`, Buffer.from(`/* ${i} */ export const n = ${i};`.padEnd(3000 + i, ' ')));
  files.set('index.html', Buffer.from('<!doctype html><script src="assets/chunk-000.js"></script>'));
  files.set('sw.js', Buffer.from('self.addEventListener("fetch", () => {})'));
  for (const [key, bytes] of files) {
    mkdirSync(path.dirname(path.join(workspace, 'dist', key)), { recursive: true });
    writeFileSync(path.join(workspace, 'dist', key), bytes);
  }
  return { workspace, files };
}

async function keys(bucket: string, prefix: string): Promise<string[]> {
  const listed = await s3.client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((item) => item.Key!).sort();
}
async function stored(bucket: string, key: string): Promise<Buffer> {
  return Buffer.from(await (await s3.client().send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray());
}
type Manifest = { complete: boolean; files: Record<string, { sha256: string; size: number }> };

describe('a first publish whose assets upload during the scan (cdn-publish bundle)', () => {
  test('cancelled (SIGINT) mid-upload: no entry document, no manifest; the re-run completes the version byte for byte', async () => {
    const { workspace, files } = site();
    let cancelled!: () => void;
    const cancel = new Promise<void>((resolve) => (cancelled = resolve));
    let assetPuts = 0;
    // Asset uploads are held 200 ms each; the job is cancelled when the 6th reaches the store.
    const proxy = await startFlakyProxy(s3.endpoint, {
      every: 1,
      delayMs: 200,
      when: (req) => {
        if (req.method !== 'PUT' || !(req.url ?? '').includes('/assets/')) return false;
        if (++assetPuts === 6) cancelled();
        return true;
      },
    });
    const env = { ...s3.env, AWS_ENDPOINT_URL: proxy.endpoint, AWS_ENDPOINT_URL_S3: proxy.endpoint };
    const inputs = { 'source-dir': 'dist', bucket: 'early-cancel', prefix: 'app', version: '2.0.0', aliases: 'false', concurrency: '4' };
    try {
      const run = await runAction('cdn-publish', { inputs, env, workspace, cancel });
      expect(run.exitCode === 0).toBe(false);
      const partial = await keys('early-cancel', 'app/v2.0.0/');
      expect(partial.filter((key) => !key.includes('/assets/'))).toEqual([]);
      expect(partial.length).toBeLessThan(ASSETS);

      proxy.when = () => false;
      const again = await runAction('cdn-publish', { inputs, env, workspace });
      expect(again.errors).toEqual([]);
      expect(again.exitCode).toBe(0);
      const manifest = await readJson<Manifest>(s3.client(), 'early-cancel', 'app/v2.0.0/.shipkit-manifest.json');
      expect(manifest?.complete).toBe(true);
      expect(Object.keys(manifest!.files).sort()).toEqual([...files.keys()].sort());
      for (const [key, bytes] of files) {
        expect(await stored('early-cancel', `app/v2.0.0/${key}`)).toEqual(bytes);
        expect(manifest!.files[key]!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      }
    } finally {
      await proxy.stop();
    }
  }, 180_000);

  test('an asset rewritten at its size after it was hashed, before its upload: stored only with the bytes its manifest sha256 describes, or refused', async () => {
    const { workspace, files } = site();
    const victim = 'assets/chunk-150.js';
    const rewritten = Buffer.from(files.get(victim)!.toString().replace('export const n', 'export const m'));
    let done = false;
    // When the first asset reaches the store (the scan has hashed the victim: it is far smaller than
    // the scan's slice), the victim is rewritten at the same size.
    const proxy = await startFlakyProxy(s3.endpoint, {
      every: Number.MAX_SAFE_INTEGER,
      verifyPayload: true,
      when: (req) => {
        if (!done && req.method === 'PUT' && (req.url ?? '').includes('/assets/')) {
          writeFileSync(path.join(workspace, 'dist', victim), rewritten);
          done = true;
        }
        return false;
      },
    });
    try {
      const run = await runAction('cdn-publish', {
        inputs: { 'source-dir': 'dist', bucket: 'early-rewrite', prefix: 'app', version: '3.0.0', aliases: 'false', concurrency: '4' },
        env: { ...s3.env, AWS_ENDPOINT_URL: proxy.endpoint, AWS_ENDPOINT_URL_S3: proxy.endpoint },
        workspace,
      });
      expect(done).toBe(true);
      const manifest = await readJson<Manifest>(s3.client(), 'early-rewrite', 'app/v3.0.0/.shipkit-manifest.json');
      if (run.exitCode === 0) {
        expect(manifest?.complete).toBe(true);
        for (const key of files.keys()) {
          expect(createHash('sha256').update(await stored('early-rewrite', `app/v3.0.0/${key}`)).digest('hex')).toBe(manifest!.files[key]!.sha256);
        }
      } else {
        expect(run.errors.join('\n')).toContain(victim);
        expect(manifest?.complete ?? false).toBe(false);
      }
    } finally {
      await proxy.stop();
    }
  }, 180_000);
  test.each([
    ['slow (the listing and the manifest held 500 ms)', { every: 1, delayMs: 500 } as FlakyProxyOptions],
    ['failing (every listing answered 500)', { every: 1, status: 500, code: 'InternalError' } as FlakyProxyOptions],
  ])('a version already published with other content, its reads %s: refused or failed with no write at all', async (name, fault) => {
    const bucket = 'early-immutable';
    const version = name.startsWith('slow') ? '4.0.0' : '4.0.1';
    const inputs = { 'source-dir': 'dist', bucket, prefix: 'app', version, aliases: 'false', concurrency: '4' };
    const first = site();
    expect((await runAction('cdn-publish', { inputs, env: s3.env, workspace: first.workspace })).exitCode).toBe(0);
    const manifestBefore = await readJson<Manifest>(s3.client(), bucket, `app/v${version}/.shipkit-manifest.json`);

    const { workspace } = site();
    writeFileSync(path.join(workspace, 'dist', 'assets/chunk-007.js'), 'changed');
    const isRead = (url: string) => url.includes('list-type=') || url.includes('.shipkit-manifest.json');
    const proxy = await startFlakyProxy(s3.endpoint, { ...fault, record: true, when: (req) => req.method === 'GET' && isRead(req.url ?? '') && (fault.delayMs !== undefined || (req.url ?? '').includes('list-type=')) });
    try {
      const run = await runAction('cdn-publish', { inputs, env: { ...s3.env, AWS_ENDPOINT_URL: proxy.endpoint, AWS_ENDPOINT_URL_S3: proxy.endpoint, AWS_MAX_ATTEMPTS: '2' }, workspace });
      expect(run.exitCode).toBe(1);
      if (fault.delayMs !== undefined) expect(run.errors.join('\n')).toMatch(/already published .* with different content/);
      expect(proxy.events.filter((event) => event.event === 'arrived' && event.method !== 'GET' && event.method !== 'HEAD')).toEqual([]);
      expect(await readJson<Manifest>(s3.client(), bucket, `app/v${version}/.shipkit-manifest.json`)).toEqual(manifestBefore);
      for (const [key, bytes] of first.files) expect(await stored(bucket, `app/v${version}/${key}`)).toEqual(bytes);
    } finally {
      await proxy.stop();
    }
  }, 180_000);
});
