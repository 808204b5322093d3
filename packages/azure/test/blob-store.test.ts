/** The Blob store's own edges (the engine's suite on azurite is packages/s3/test/stores.test.ts): what it counts and what it refuses. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { GetBucketLocationCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { listKeys, MANIFEST_NAME, MULTIPART_THRESHOLD, publishDirectory, readManifest } from '@shipkit/s3';
import { createObjectStore } from '@shipkit/stores';
import { startAzurite, tempDir, type AzuriteService } from '../../../test/services/index.js';
import { startFlakyProxy } from '../../s3/test/flaky-proxy.js';
import { createBlobStore } from '../src/index.js';

let azurite: AzuriteService;
beforeAll(async () => {
  azurite = await startAzurite({ containers: ['edges', 'wire'] });
});
afterAll(async () => {
  await azurite?.stop();
});

describe('AzureBlobStore', () => {
  test('each operation is reported once under its S3 name; one it does not serve is refused naming it, before any request', async () => {
    const seen: string[] = [];
    const store = await createBlobStore({ env: azurite.env, onRequest: (operation) => seen.push(operation) });
    const Bucket = azurite.bucket('edges');
    await store.send(new PutObjectCommand({ Bucket, Key: 'a.txt', Body: 'a', ContentType: 'text/plain' }) as never);
    expect(await store.send(new HeadObjectCommand({ Bucket, Key: 'a.txt' }) as never)).toMatchObject({ ContentLength: 1, ContentType: 'text/plain' });
    const read = (await store.send(new GetObjectCommand({ Bucket, Key: 'a.txt' }) as never)) as { Body: { transformToString(): Promise<string> } };
    expect(await read.Body.transformToString()).toBe('a');
    await expect(store.send(new GetBucketLocationCommand({ Bucket }) as never)).rejects.toThrow('The Azure Blob store does not implement the GetBucketLocation operation.');
    expect(seen).toEqual(['PutObject', 'HeadObject', 'GetObject', 'GetBucketLocation']);
  });

  // A Put Blob or Put Block whose body is changed on the way (one byte flipped by a proxy between
  // the store and azurite): the transactional Content-MD5 the store sends with each request was
  // computed from the bytes it sent, so the service refuses what arrived (400 Md5Mismatch) and
  // writes nothing. Without that header the flipped byte would be stored under the planned sha256.
  test.each([
    ['a small file (Put Blob)', 'small.txt', Buffer.from('the bytes a visitor must get, exactly these\n')],
    ['a file above the multipart threshold (Put Block)', 'big.bin', Buffer.alloc(MULTIPART_THRESHOLD + 1024, 7)],
  ])('%s corrupted in transit is refused by the service and nothing is stored', async (_label, name, content) => {
    const dir = tempDir('wire');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, name), content);
    const origin = new URL(azurite.endpoint).origin;
    // Only file bodies: Put Blob / Put Block to the file's key (not the manifest, not the block list).
    const proxy = await startFlakyProxy(origin, {
      every: 1,
      flipByte: true,
      when: (req) => req.method === 'PUT' && Number(req.headers['content-length'] ?? 0) > 0 && !String(req.url).includes(MANIFEST_NAME) && !String(req.url).includes('comp=blocklist'),
    });
    const Bucket = azurite.bucket('wire');
    const prefix = name.replace(/\W/g, '-');
    try {
      const client = createObjectStore({ env: { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString.replace(origin, proxy.endpoint) } });
      const failed = await publishDirectory(client, { sourceDir: dir, bucket: Bucket, prefix, log: () => undefined }).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      expect(proxy.injected).toBeGreaterThan(0);
      expect(failed?.message).toMatch(new RegExp(`upload ${name.replace('.', '\\.')} .*Md5Mismatch`));
      // Nothing of the file is stored (nor a block committed), and no manifest says it is complete.
      const direct = azurite.client();
      expect((await listKeys(direct, Bucket, prefix)).filter((key) => !key.endsWith(MANIFEST_NAME))).toEqual([]);
      expect((await readManifest(direct, Bucket, prefix))?.complete ?? false).toBe(false);
      const blob = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('wire').getBlockBlobClient(`${prefix}/${name}`);
      expect(await blob.exists()).toBe(false);

      // The same proxy passing bodies untouched: the same publish goes through, byte for byte.
      proxy.when = () => false;
      await publishDirectory(client, { sourceDir: dir, bucket: Bucket, prefix, log: () => undefined });
      expect(Buffer.compare(await blob.downloadToBuffer(), content)).toBe(0);
    } finally {
      await proxy.stop();
    }
  });
});
