import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ListBucketsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { conditionalWrites } from '../../packages/s3/src/index.js';
import { S3_KINDS, startMoto, startS3Server, type MotoService } from './index.js';

describe('moto_server (second real S3)', () => {
  let moto: MotoService;
  beforeAll(async () => {
    moto = await startMoto({ buckets: ['state'], websites: ['site'] });
  });
  afterAll(async () => {
    await moto?.stop();
  });

  test('honours conditional writes: If-None-Match on an existing key and a stale If-Match are refused with 412', async () => {
    const client = moto.client();
    const first = await client.send(new PutObjectCommand({ Bucket: 'state', Key: 'k', Body: 'one', IfNoneMatch: '*' }));
    await expect(client.send(new PutObjectCommand({ Bucket: 'state', Key: 'k', Body: 'two', IfNoneMatch: '*' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 412 } });
    await client.send(new PutObjectCommand({ Bucket: 'state', Key: 'k', Body: 'three', IfMatch: first.ETag }));
    await expect(client.send(new PutObjectCommand({ Bucket: 'state', Key: 'k', Body: 'four', IfMatch: first.ETag }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 412 } });
  });

  test('the website stand-in serves index.html for directories and 404 for missing keys', async () => {
    const client = moto.client();
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'index.html', Body: '<p>root</p>', ContentType: 'text/html' }));
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'docs/index.html', Body: '<p>docs</p>', ContentType: 'text/html' }));
    const root = await fetch(`${moto.websiteUrl('site')}/`);
    expect([root.status, await root.text(), root.headers.get('content-type')]).toEqual([200, '<p>root</p>', 'text/html']);
    expect(await (await fetch(`${moto.websiteUrl('site')}/docs/`)).text()).toBe('<p>docs</p>');
    expect((await fetch(`${moto.websiteUrl('site')}/nope.js`)).status).toBe(404);
  });
});

describe.each(S3_KINDS)('conditional-write detection on %s', (kind) => {
  test('conditionalWrites() tells moto (honours them) from s3rver (ignores them)', async () => {
    const server = await startS3Server(kind, { buckets: ['probe-bucket'] });
    try {
      expect(await conditionalWrites(server.client(), 'probe-bucket', 'x/.probe.json')).toBe(kind === 'moto');
    } finally {
      await server.stop();
    }
  });
});

describe('the run\'s moto pool (test/server-pools.mjs)', () => {
  test('a server given back is empty for the next test file: the next claim gets the same server, without the buckets', async () => {
    const first = await startMoto({ buckets: ['left-behind'] });
    const port = first.port;
    await first.stop();
    const second = await startMoto();
    try {
      // With the pool on, the lowest free server is claimed: the same one again unless another worker
      // took it in between. Either way it is empty (reset when given back and when claimed).
      const pool = process.env.SHIPKIT_JEST_TMP && path.join(process.env.SHIPKIT_JEST_TMP, 'moto-pool');
      if (pool && existsSync(pool)) console.log(`pooled moto: first on ${port}, second on ${second.port}`);
      expect((await second.client().send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    } finally {
      await second.stop();
    }
  });
});
