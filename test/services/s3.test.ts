import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { run, startS3, type S3Service } from './index.js';

describe('startS3', () => {
  let s3: S3Service;
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startS3({ buckets: ['data'], websites: ['site'] });
    client = s3.client();
  });
  afterAll(async () => {
    client?.destroy();
    await s3?.stop();
  });

  test('endpoint and env point at 127.0.0.1 with the s3rver credentials', () => {
    expect(s3.endpoint).toBe(`http://127.0.0.1:${s3.port}`);
    expect(s3.env).toMatchObject({
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL: s3.endpoint,
    });
  });

  test('env alone points a default S3Client in another process at this server (path style, streamed bodies intact)', async () => {
    const script = `
      import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
      import { Readable } from 'node:stream';
      const client = new S3Client({});
      await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'env/streamed.txt', Body: Readable.from(['stream', 'ed']), ContentLength: 8 }));
      const got = await client.send(new GetObjectCommand({ Bucket: 'data', Key: 'env/streamed.txt' }));
      console.log(await got.Body.transformToString());`;
    s3.resetRequests();
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: s3.env, cwd: process.cwd() });
    expect(stdout.trim()).toBe('streamed');
    expect(s3.requests().map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /data/env/streamed.txt', 'GET /data/env/streamed.txt']);
  });

  test('put, get and delete objects through the SDK', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'a/b.txt', Body: 'hello', ContentType: 'text/plain' }));
    const got = await client.send(new GetObjectCommand({ Bucket: 'data', Key: 'a/b.txt' }));
    expect(await got.Body!.transformToString()).toBe('hello');
    expect(got.ContentType).toBe('text/plain');
    await client.send(new DeleteObjectsCommand({ Bucket: 'data', Delete: { Objects: [{ Key: 'a/b.txt' }] } }));
    await expect(client.send(new HeadObjectCommand({ Bucket: 'data', Key: 'a/b.txt' }))).rejects.toMatchObject({
      name: 'NotFound',
    });
  });

  test('lists more than 1,000 keys with ListObjectsV2 continuation tokens', async () => {
    const keys = Array.from({ length: 1100 }, (_, i) => `many/${String(i).padStart(5, '0')}`);
    const queue = [...keys];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let key = queue.shift(); key; key = queue.shift()) {
          await client.send(new PutObjectCommand({ Bucket: 'data', Key: key, Body: key }));
        }
      }),
    );
    s3.resetRequests();
    const listed: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: 'data', Prefix: 'many/', ContinuationToken: token }));
      listed.push(...(page.Contents ?? []).map((object) => object.Key!));
      token = page.NextContinuationToken;
      pages++;
    } while (token);
    expect(pages).toBe(2);
    expect(listed).toEqual(keys);
    expect(s3.requestCounts()).toEqual({ GET: 2 });
  });

  test('serves a website bucket: index.html at / and error.html with 404', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'index.html', Body: '<h1>home</h1>', ContentType: 'text/html' }));
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'error.html', Body: 'not here', ContentType: 'text/html' }));
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'docs/index.html', Body: 'docs', ContentType: 'text/html' }));
    const home = await fetch(`${s3.websiteUrl('site')}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(await home.text()).toBe('<h1>home</h1>');
    const docs = await fetch(`${s3.websiteUrl('site')}/docs/`);
    expect(await docs.text()).toBe('docs');
    const missing = await fetch(`${s3.websiteUrl('site')}/nope.html`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('not here');
    expect(() => s3.websiteUrl('data')).toThrow(/not a website bucket/);
  });

  test('createBucket adds buckets and websites at run time', async () => {
    await s3.createBucket('later', { website: true });
    await client.send(new PutObjectCommand({ Bucket: 'later', Key: 'index.html', Body: 'later', ContentType: 'text/html' }));
    expect(await (await fetch(`${s3.websiteUrl('later')}/`)).text()).toBe('later');
  });

  test('counts requests by method, for the aws CLI too', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shipkit-s3-cli-'));
    await writeFile(path.join(dir, 'one.txt'), '1');
    await writeFile(path.join(dir, 'two.txt'), '2');
    // `aws s3 sync` re-uploads files newer than the remote copy: make them clearly older.
    const old = new Date('2020-01-01T00:00:00Z');
    for (const name of ['one.txt', 'two.txt']) await utimes(path.join(dir, name), old, old);
    s3.resetRequests();
    await s3.aws(['s3', 'sync', dir, 's3://data/cli/']);
    expect(s3.requestCounts().PUT).toBe(2);
    expect(s3.requests().filter((r) => r.method === 'PUT').map((r) => r.path).sort()).toEqual(['/data/cli/one.txt', '/data/cli/two.txt']);
    s3.resetRequests();
    await s3.aws(['s3', 'sync', dir, 's3://data/cli/']);
    expect(s3.requestCounts().PUT).toBeUndefined();
  });

  test('crashAfter kills the server at a precise request, and restart recovers', async () => {
    s3.resetRequests();
    await s3.crashAfter(2, { method: 'PUT', pathPrefix: '/data/crash/' });
    await client.send(new GetObjectCommand({ Bucket: 'data', Key: 'a/missing' })).catch(() => undefined); // not counted
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'crash/1', Body: '1' }));
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'crash/2', Body: '2' }));
    const noRetries = s3.client({ maxAttempts: 1 });
    await expect(noRetries.send(new PutObjectCommand({ Bucket: 'data', Key: 'crash/3', Body: '3' }))).rejects.toThrow();
    noRetries.destroy();
    await s3.exited();
    await s3.restart();
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'data', Prefix: 'crash/' }));
    expect((listed.Contents ?? []).map((object) => object.Key)).toEqual(['crash/1', 'crash/2']);
  });

  test('restart drops an object a kill tore (empty metadata file), so listings work again', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'torn/whole.txt', Body: 'whole' }));
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'torn/cut.txt', Body: 'cut' }));
    await s3.kill();
    // What s3rver leaves when SIGKILL lands mid-PUT: the metadata file created but never written.
    await writeFile(path.join(s3.dataDir, 'data', 'torn', 'cut.txt._S3rver_metadata.json'), '');
    await s3.restart();
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'data', Prefix: 'torn/' }));
    expect((listed.Contents ?? []).map((object) => object.Key)).toEqual(['torn/whole.txt']);
  });

  test('kill then restart keeps the port, the data and the website', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'durable.txt', Body: 'still here' }));
    const websiteUrl = s3.websiteUrl('site');
    await s3.kill();
    await expect(client.send(new GetObjectCommand({ Bucket: 'data', Key: 'durable.txt' }))).rejects.toThrow();
    await s3.restart();
    const got = await client.send(new GetObjectCommand({ Bucket: 'data', Key: 'durable.txt' }));
    expect(await got.Body!.transformToString()).toBe('still here');
    expect(s3.websiteUrl('site')).toBe(websiteUrl);
    expect((await fetch(`${websiteUrl}/`)).status).toBe(200);
  });
});

describe("startS3({ store: 'moto' }): the same service on a pooled moto, behind a recording proxy", () => {
  let s3: S3Service;
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startS3({ store: 'moto', buckets: ['data'], websites: ['site'] });
    client = s3.client();
  });
  afterAll(async () => {
    client?.destroy();
    await s3?.stop();
  });

  test('endpoint and env point at the proxy with moto\'s credentials', () => {
    expect(s3.endpoint).toBe(`http://127.0.0.1:${s3.port}`);
    expect(s3.env).toMatchObject({ AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: s3.endpoint });
  });

  test('records each API request (method, url as sent, path) and counts them by method; website visits are not API requests', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'index.html', Body: 'home', ContentType: 'text/html' }));
    s3.resetRequests();
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'log/a.txt', Body: 'a' }));
    expect(await (await client.send(new GetObjectCommand({ Bucket: 'data', Key: 'log/a.txt' }))).Body!.transformToString()).toBe('a');
    await client.send(new ListObjectsV2Command({ Bucket: 'data', Prefix: 'log/' }));
    expect(await (await fetch(`${s3.websiteUrl('site')}/`)).text()).toBe('home');
    expect(s3.requests().map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /data/log/a.txt', 'GET /data/log/a.txt', 'GET /data/']);
    expect(s3.requests()[0]!.url).toMatch(/^\/data\/log\/a\.txt\?x-id=PutObject$/);
    expect(s3.requestCounts()).toEqual({ PUT: 1, GET: 2 });
    expect(() => s3.requests({ website: true })).toThrow(/does not record the website/);
    s3.resetRequests();
    expect(s3.requests()).toEqual([]);
  });

  test('crashAfter takes the store off the network at a precise request (never forwarded), and restart recovers on the same port with the data', async () => {
    s3.resetRequests();
    await s3.crashAfter(2, { method: 'PUT', pathPrefix: '/data/crash/' });
    await client.send(new GetObjectCommand({ Bucket: 'data', Key: 'a/missing' })).catch(() => undefined); // not counted
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'crash/1', Body: '1' }));
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'crash/2', Body: '2' }));
    const noRetries = s3.client({ maxAttempts: 1 });
    await expect(noRetries.send(new PutObjectCommand({ Bucket: 'data', Key: 'crash/3', Body: '3' }))).rejects.toThrow();
    noRetries.destroy();
    await s3.exited();
    await expect(fetch(`${s3.endpoint}/`)).rejects.toThrow(); // refused: nothing listens
    const port = s3.port;
    await s3.restart();
    expect(s3.port).toBe(port);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'data', Prefix: 'crash/' }));
    expect((listed.Contents ?? []).map((object) => object.Key)).toEqual(['crash/1', 'crash/2']);
    expect(s3.requests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /data/a/missing', 'PUT /data/crash/1', 'PUT /data/crash/2', 'GET /data/']);
  });

  test('kill fails a request in flight and refuses new ones; restart keeps the port, the data and the website', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'durable.txt', Body: 'still here' }));
    const websiteUrl = s3.websiteUrl('site');
    // An upload whose body is still arriving when the store goes away.
    const http = await import('node:http');
    const inFlight = new Promise<string>((resolve) => {
      const request = http.request(`${s3.endpoint}/data/half.txt`, { method: 'PUT', headers: { 'content-length': '10' } }, (response) => resolve(`answered ${response.statusCode}`));
      request.on('error', (error) => resolve(`failed ${(error as NodeJS.ErrnoException).code ?? error.message}`));
      request.write('12345');
    });
    while (!s3.requests().some((r) => r.path === '/data/half.txt')) await new Promise((resolve) => setTimeout(resolve, 5));
    await s3.kill();
    expect(await inFlight).toMatch(/^failed (ECONNRESET|EPIPE|socket hang up)/);
    await expect(client.send(new GetObjectCommand({ Bucket: 'data', Key: 'durable.txt' }))).rejects.toThrow();
    await s3.restart();
    const got = await client.send(new GetObjectCommand({ Bucket: 'data', Key: 'durable.txt' }));
    expect(await got.Body!.transformToString()).toBe('still here');
    await expect(client.send(new HeadObjectCommand({ Bucket: 'data', Key: 'half.txt' }))).rejects.toMatchObject({ name: 'NotFound' });
    expect(s3.websiteUrl('site')).toBe(websiteUrl);
    expect((await fetch(`${websiteUrl}/`)).status).toBe(200);
  });

  test('stop leaves nothing listening, and a stopped store cannot be restarted (its moto was given back)', async () => {
    const other = await startS3({ store: 'moto', buckets: ['other'] });
    const endpoint = other.endpoint;
    expect((await fetch(`${endpoint}/other`)).status).toBeLessThan(500);
    await other.stop();
    await expect(fetch(`${endpoint}/`)).rejects.toThrow();
    await expect(other.restart()).rejects.toThrow(/gave its moto back/);
  });
});
