/**
 * A file above the multipart threshold rewritten at the same size while it is uploaded in parts
 * (S3 multipart on moto, Put Block on azurite), through the committed cdn-publish bundle: the bytes
 * sent are not the planned ones, so the step fails naming the file, nothing is committed under the
 * key and no manifest says the version is complete. A single PUT is refused by the store against the
 * planned sha256 (S3's x-amz-content-sha256, the Blob store's own check); parts carry none, so the
 * engine checks the sha256 of the bytes its parts sent before it completes the upload.
 */
import { openSync, writeSync, closeSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { runAction } from '../../../test/harness/index.js';
import { readJson } from '../../../test/harness/store.js';
import { startAzurite, startS3Server, tempDir, type AzuriteService, type S3Server } from '../../../test/services/index.js';
import { startFlakyProxy } from '../../s3/test/flaky-proxy.js';
import { PART_SIZE } from '@shipkit/s3';

const SIZE = 2 * PART_SIZE + 4096; // three parts

function bigSite(): { workspace: string; file: string } {
  const workspace = tempDir('cdn-parts');
  mkdirSync(path.join(workspace, 'dist'), { recursive: true });
  writeFileSync(path.join(workspace, 'dist', 'index.html'), '<!doctype html>parts');
  const file = path.join(workspace, 'dist', 'big.bin');
  writeFileSync(file, Buffer.alloc(SIZE, 7));
  return { workspace, file };
}

/** Rewrites one byte of the last part (same size) when the first part reaches the store: after the scan, before that part is read. */
function rewriteOnFirstPart(file: string, isPart: (req: http.IncomingMessage) => boolean): { when: (req: http.IncomingMessage) => boolean; rewritten: () => boolean } {
  let done = false;
  return {
    rewritten: () => done,
    when: (req) => {
      if (!done && req.method === 'PUT' && isPart(req)) {
        const fd = openSync(file, 'r+');
        writeSync(fd, Buffer.from([8]), 0, 1, SIZE - 100);
        closeSync(fd);
        done = true;
      }
      return false;
    },
  };
}

describe('a file rewritten at the same size during its multipart upload', () => {
  let moto: S3Server;
  let azurite: AzuriteService;
  beforeAll(async () => {
    moto = await startS3Server('moto', { buckets: ['parts'] });
    azurite = await startAzurite({ containers: ['parts'] });
  }, 120_000);
  afterAll(async () => {
    await moto?.stop();
    await azurite?.stop();
  });

  test('S3 (moto): refused naming the file, the upload aborted, nothing stored, no complete manifest', async () => {
    const { workspace, file } = bigSite();
    const hook = rewriteOnFirstPart(file, (req) => /[?&]partNumber=1(&|$)/.test(req.url ?? ''));
    const proxy = await startFlakyProxy(moto.endpoint, { every: 1, when: hook.when });
    try {
      const run = await runAction('cdn-publish', {
        inputs: { 'source-dir': 'dist', bucket: 'parts', prefix: 'app', version: '1.0.0', aliases: 'false', concurrency: '1' },
        env: { ...moto.env, AWS_ENDPOINT_URL: proxy.endpoint, AWS_ENDPOINT_URL_S3: proxy.endpoint },
        workspace,
      });
      expect(hook.rewritten()).toBe(true);
      expect(run.exitCode).toBe(1);
      expect(run.errors.join('\n')).toMatch(/big\.bin changed while it was uploaded in parts to s3:\/\/parts\/app\/v1\.0\.0\/big\.bin: the bytes read do not have the planned sha256; nothing was committed/);
      const missing = await moto.client().send(new HeadObjectCommand({ Bucket: 'parts', Key: 'app/v1.0.0/big.bin' })).then(() => false, (error: { name?: string }) => error.name === 'NotFound');
      expect(missing).toBe(true);
      expect((await readJson<{ complete: boolean }>(moto.client(), 'parts', 'app/v1.0.0/.shipkit-manifest.json'))?.complete ?? false).toBe(false);
    } finally {
      await proxy.stop();
    }
  }, 180_000);

  test('Azure Blob (azurite): refused naming the file, no block committed, no blob, no complete manifest', async () => {
    const { workspace, file } = bigSite();
    const origin = new URL(azurite.endpoint).origin;
    const hook = rewriteOnFirstPart(file, (req) => /[?&]comp=block(&|$)/.test(req.url ?? ''));
    const proxy = await startFlakyProxy(origin, { every: 1, when: hook.when });
    try {
      const run = await runAction('cdn-publish', {
        inputs: { 'source-dir': 'dist', bucket: azurite.bucket('parts'), prefix: 'app', version: '1.0.0', aliases: 'false', concurrency: '1' },
        env: { ...azurite.env, AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString.replace(origin, proxy.endpoint) },
        workspace,
      });
      expect(hook.rewritten()).toBe(true);
      expect(run.exitCode).toBe(1);
      expect(run.errors.join('\n')).toMatch(/big\.bin changed while it was uploaded in parts to azblob:\/\/devstoreaccount1\/parts\/app\/v1\.0\.0\/big\.bin: the bytes read do not have the planned sha256; nothing was committed/);
      const client = azurite.client();
      const missing = await client.send(new HeadObjectCommand({ Bucket: azurite.bucket('parts'), Key: 'app/v1.0.0/big.bin' })).then(() => false, (error: { name?: string; $metadata?: { httpStatusCode?: number } }) => error.name === 'NotFound' || error.$metadata?.httpStatusCode === 404);
      expect(missing).toBe(true);
      expect((await readJson<{ complete: boolean }>(client, azurite.bucket('parts'), 'app/v1.0.0/.shipkit-manifest.json'))?.complete ?? false).toBe(false);
    } finally {
      await proxy.stop();
    }
  }, 180_000);
});
