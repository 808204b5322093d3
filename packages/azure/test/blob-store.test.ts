/** The Blob store's own edges (the engine's suite on azurite is packages/s3/test/stores.test.ts): what it counts and what it refuses. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { GetBucketLocationCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startAzurite, type AzuriteService } from '../../../test/services/index.js';
import { createBlobStore } from '../src/index.js';

let azurite: AzuriteService;
beforeAll(async () => {
  azurite = await startAzurite({ containers: ['edges'] });
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
});
