/**
 * The engine's uploads on shipkit's own HTTP path (src/put.ts): the same request the SDK sends,
 * signed by the SDK's SigV4 signer, and every answer but a success handed to the SDK. Signatures
 * are checked by moto with authentication on (requireMotoSignatures: it recomputes each request's
 * SigV4 signature with botocore and refuses a mismatch); s3rver does not check SigV4 at all.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { requireMotoSignatures, S3_KINDS, startMoto, startS3Server, type MotoService, type S3Server } from '../../../test/services/index.js';
import { startFlakyProxy } from './flaky-proxy.js';
import { countRequests, createS3Client } from '../src/index.js';
import { directPutStats, enableDirectPuts, encodeKey, FAULT_PAUSE_MS, putObject, resolveRoute } from '../src/put.js';

const sha = (body: Buffer) => createHash('sha256').update(body).digest('hex');
/** The client's direct path with another pause after a passing fault (FAULT_PAUSE_MS by default). */
function pausing<T extends Parameters<typeof enableDirectPuts>[0]>(client: T, pauseMs: number): T {
  enableDirectPuts(client, { maxSockets: 32, requestTimeoutMs: 120_000, connectionTimeoutMs: 10_000, pauseMs });
  return client;
}

/** Keys a site may hold, each a way to get the path or its signature wrong. */
const ODD_KEYS = [
  'index.html',
  'a b/c d.html',
  'plus+sign.js',
  'semi;colon.css',
  'hash#tag.txt',
  'question?.txt',
  'percent%20literal.txt',
  "sub-delims!'()*.txt",
  'tilde~under_score.dash-dot.txt',
  'ünïcödé/日本語.html',
  'equals=and&amp.txt',
  'comma,at@colon:dollar$.txt',
  'deep/er/path/file.json',
];

describe.each(S3_KINDS)('direct uploads on %s', (kind) => {
  let s3: S3Server;
  beforeAll(async () => {
    s3 = await startS3Server(kind, { buckets: ['direct'] });
  });
  afterAll(async () => {
    await s3.stop();
  });

  test('odd keys are stored under exactly their names with their bytes, headers and sha256 metadata, none handed to the SDK', async () => {
    const client = createS3Client({ endpoint: s3.endpoint, env: s3.env });
    const counts = countRequests(client);
    for (const [index, key] of ODD_KEYS.entries()) {
      const body = Buffer.from(`body of ${key} #${index}\n`);
      const etag = await putObject(client, { Bucket: 'direct', Key: key, Body: body, ContentType: 'text/html; charset=utf-8', CacheControl: 'public, max-age=60', Metadata: { sha256: sha(body) } });
      expect(etag).toBe(`"${createHash('md5').update(body).digest('hex')}"`);
      const stored = await s3.client().send(new GetObjectCommand({ Bucket: 'direct', Key: key }));
      expect(Buffer.from(await stored.Body!.transformToByteArray())).toEqual(body);
      expect(stored.ContentType).toBe('text/html; charset=utf-8');
      expect(stored.CacheControl).toBe('public, max-age=60');
      expect(stored.Metadata).toEqual({ sha256: sha(body) });
    }
    expect(directPutStats(client)).toEqual({ direct: ODD_KEYS.length, handedOver: 0 });
    expect(counts.byCommand.PutObject).toBe(ODD_KEYS.length);
  });

  test('a client made with directPuts: false sends every upload through the SDK', async () => {
    const client = createS3Client({ endpoint: s3.endpoint, env: s3.env, directPuts: false });
    const body = Buffer.from('through the sdk');
    await putObject(client, { Bucket: 'direct', Key: 'sdk.txt', Body: body, ContentType: 'text/plain', Metadata: { sha256: sha(body) } });
    expect(directPutStats(client)).toBeUndefined();
    const head = await s3.client().send(new HeadObjectCommand({ Bucket: 'direct', Key: 'sdk.txt' }));
    expect(head.Metadata).toEqual({ sha256: sha(body) });
  });
});

describe('direct uploads where the store checks every signature (moto with authentication)', () => {
  let s3: MotoService;
  let credentials: { accessKeyId: string; secretAccessKey: string };
  let env: Record<string, string>;
  beforeAll(async () => {
    s3 = await startMoto({ buckets: ['signed'] });
    credentials = await requireMotoSignatures(s3);
    env = { ...s3.env, AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey };
  });
  afterAll(async () => {
    await s3.stop();
  });
  const reader = () => s3.client({ credentials });

  test('keys signed on the direct path are accepted by a store that recomputes each signature', async () => {
    const client = createS3Client({ endpoint: s3.endpoint, env });
    // The keys whose SDK requests moto's own check accepts: moto re-encodes some characters (+ ; % ! ' ( ) * = & , @ : $
    // and non-ASCII) otherwise than S3 and refuses the SDK's signature for them too. For those keys the
    // paths are compared with the SDK's byte for byte instead (the test below).
    for (const key of ['index.html', 'a b/c d.html', 'hash#tag.txt', 'question?.txt', 'tilde~under_score.dash-dot.txt', 'deep/er/path/file.json']) {
      const body = Buffer.from(`signed ${key}`);
      await putObject(client, { Bucket: 'signed', Key: `odd/${key}`, Body: body, ContentType: 'text/plain', CacheControl: 'no-cache', Metadata: { sha256: sha(body) } });
      const stored = await reader().send(new GetObjectCommand({ Bucket: 'signed', Key: `odd/${key}` }));
      expect(Buffer.from(await stored.Body!.transformToByteArray())).toEqual(body);
    }
    expect(directPutStats(client)).toEqual({ direct: 6, handedOver: 0 });
  });

  test('a wrong secret: the store refuses the direct request, the SDK sends it once more and its error is what the caller sees; the next upload goes to the SDK straight away', async () => {
    const client = createS3Client({ endpoint: s3.endpoint, credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: 'not-the-secret' }, maxAttempts: 1 });
    const counts = countRequests(client);
    const body = Buffer.from('refused');
    const input = { Bucket: 'signed', Key: 'refused.txt', Body: body, Metadata: { sha256: sha(body) } };
    const error = await putObject(client, input).then(() => undefined, (caught: unknown) => caught as Error & { $metadata?: { httpStatusCode?: number } });
    expect(error?.name).toBe('SignatureDoesNotMatch');
    expect(error?.$metadata?.httpStatusCode).toBe(403);
    expect(directPutStats(client)).toEqual({ direct: 0, handedOver: 1 });
    expect(counts.byCommand.PutObject).toBe(2); // the direct request and the SDK's
    await expect(putObject(client, input)).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    expect(directPutStats(client)).toEqual({ direct: 0, handedOver: 2 });
    expect(counts.byCommand.PutObject).toBe(3); // the path is off for the bucket: the SDK's request alone
  });

  test(`a passing fault (503) on the direct request is retried by the SDK; the bucket's uploads back off through the SDK for ${FAULT_PAUSE_MS} ms, then go direct again`, async () => {
    let faults = 1;
    const proxy = await startFlakyProxy(s3.endpoint, {
      every: 1,
      when: (req) => {
        if (req.method !== 'PUT' || faults === 0) return false;
        faults--;
        return true;
      },
    });
    try {
      const client = createS3Client({ endpoint: proxy.endpoint, env });
      const upload = async (key: string) => {
        const body = Buffer.from(key);
        await putObject(client, { Bucket: 'signed', Key: key, Body: body, Metadata: { sha256: sha(body) } });
      };
      const forwarded = proxy.forwarded;
      for (let i = 0; i < 10; i++) await upload(`fault/${i}.txt`);
      expect(proxy.injected).toBe(1);
      // One direct request (refused), then each upload once through the SDK: no upload adds a direct request while the store sheds load.
      expect(directPutStats(client)).toEqual({ direct: 0, handedOver: 10 });
      expect(proxy.forwarded - forwarded).toBe(10);
      // After the pause the path is on again (a client with a short pause, not to wait two seconds).
      const short = pausing(createS3Client({ endpoint: proxy.endpoint, env }), 50);
      faults = 1;
      const body = Buffer.from('after');
      await putObject(short, { Bucket: 'signed', Key: 'fault/after-1.txt', Body: body, Metadata: { sha256: sha(body) } });
      expect(directPutStats(short)).toEqual({ direct: 0, handedOver: 1 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await putObject(short, { Bucket: 'signed', Key: 'fault/after-2.txt', Body: body, Metadata: { sha256: sha(body) } });
      expect(directPutStats(short)).toEqual({ direct: 1, handedOver: 1 });
    } finally {
      await proxy.stop();
    }
  });

  test('a connection the store drops mid-request is handed to the SDK, which stores the object', async () => {
    let dropped = 0;
    const upstream = new URL(s3.endpoint);
    const dropper = http.createServer((req, res) => {
      if (req.method === 'PUT' && dropped === 0) {
        dropped++;
        req.socket.destroy();
        return;
      }
      const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => dropper.listen(0, '127.0.0.1', resolve));
    try {
      const client = createS3Client({ endpoint: `http://127.0.0.1:${(dropper.address() as { port: number }).port}`, env });
      const body = Buffer.from('after a drop');
      await putObject(client, { Bucket: 'signed', Key: 'drop.txt', Body: body, Metadata: { sha256: sha(body) } });
      expect(dropped).toBe(1);
      expect(directPutStats(client)).toEqual({ direct: 0, handedOver: 1 });
      const stored = await reader().send(new GetObjectCommand({ Bucket: 'signed', Key: 'drop.txt' }));
      expect(Buffer.from(await stored.Body!.transformToByteArray())).toEqual(body);
    } finally {
      dropper.closeAllConnections();
      await new Promise<void>((resolve) => dropper.close(() => resolve()));
    }
  });
});

describe('where a direct upload goes', () => {

  test('a runner clock 20 minutes slow: the store refuses the signature as skewed (as it refuses the SDK\'s), the SDK corrects the client\'s clock offset, and the next upload goes direct, signed with it', async () => {
    // s3rver checks the request time (moto does not).
    const s3 = await startS3Server('s3rver', { buckets: ['skewed'] });
    try {
      // (No pause after the skewed refusal: the next upload is sent at once, as it would be after the pause.)
      const client = pausing(createS3Client({ endpoint: s3.endpoint, env: s3.env }), 0);
      client.config.systemClockOffset = -20 * 60_000;
      const first = Buffer.from('first');
      await expect(putObject(client, { Bucket: 'skewed', Key: '1.txt', Body: first, Metadata: { sha256: sha(first) } })).rejects.toMatchObject({ name: 'RequestTimeTooSkewed' });
      expect(directPutStats(client)).toEqual({ direct: 0, handedOver: 1 });
      expect(Math.abs(client.config.systemClockOffset)).toBeLessThan(60_000);
      const second = Buffer.from('second');
      await putObject(client, { Bucket: 'skewed', Key: '2.txt', Body: second, Metadata: { sha256: sha(second) } });
      expect(directPutStats(client)).toEqual({ direct: 1, handedOver: 1 });
      const stored = await s3.client().send(new GetObjectCommand({ Bucket: 'skewed', Key: '2.txt' }));
      expect(Buffer.from(await stored.Body!.transformToByteArray())).toEqual(second);
    } finally {
      await s3.stop();
    }
  });

  test('every odd key goes out on the same path, with the same signed headers, as the SDK sends it', async () => {
    const s3 = await startS3Server('s3rver', { buckets: ['paths'] });
    const seen: Array<{ path: string; signed: string; agent: string }> = [];
    // The fault proxy injecting nothing: it forwards every request and shows each to `when`, which records the PUTs.
    const recorder = await startFlakyProxy(s3.endpoint, {
      every: Number.MAX_SAFE_INTEGER,
      when: (req) => {
        if (req.method === 'PUT') seen.push({ path: req.url ?? '', signed: /SignedHeaders=([^,]+)/.exec(String(req.headers.authorization))?.[1] ?? '', agent: String(req.headers['user-agent'] ?? '') });
        return false;
      },
    });
    try {
      const endpoint = recorder.endpoint;
      const direct = createS3Client({ endpoint, env: s3.env });
      const sdk = createS3Client({ endpoint, env: s3.env, directPuts: false });
      for (const key of ODD_KEYS) {
        const body = Buffer.from(key);
        const input = { Bucket: 'paths', Key: key, Body: body, ContentType: 'text/plain', CacheControl: 'no-cache', Metadata: { sha256: sha(body) } };
        await putObject(sdk, input);
        await putObject(direct, input);
        const [bySdk, byDirect] = seen.splice(0, 2);
        expect(bySdk!.agent).toMatch(/aws-sdk-js/);
        expect(byDirect!.agent).not.toMatch(/aws-sdk-js/);
        // (The SDK tags its requests with `?x-id=PutObject`, which S3 ignores.)
        expect(byDirect!.path).toBe(bySdk!.path.replace(/\?x-id=PutObject$/, ''));
        // The SDK signs its own headers too (user agent, checksum mode, invocation id); the direct request
        // signs what the store needs to hold: a subset of the SDK's list, the payload hash and content headers in it.
        const sdkSigned = bySdk!.signed.split(';');
        for (const header of byDirect!.signed.split(';')) expect(sdkSigned).toContain(header);
        expect(byDirect!.signed.split(';')).toEqual(expect.arrayContaining(['host', 'x-amz-content-sha256', 'x-amz-date', 'content-type', 'x-amz-meta-sha256']));
      }
      expect(directPutStats(direct)).toEqual({ direct: ODD_KEYS.length, handedOver: 0 });
    } finally {
      await recorder.stop();
      await s3.stop();
    }
  });
  test.each([
    [{ region: 'eu-west-1' }, 'site-bucket', 'https://site-bucket.s3.eu-west-1.amazonaws.com/', 'eu-west-1'],
    [{ region: 'eu-west-1' }, 'dotted.bucket.name', 'https://s3.eu-west-1.amazonaws.com/dotted.bucket.name', 'eu-west-1'],
    [{ region: 'us-east-1', endpoint: 'http://127.0.0.1:9000/base' }, 'site-bucket', 'http://127.0.0.1:9000/base/site-bucket', 'us-east-1'],
    [{ region: 'us-east-2', endpoint: 'https://minio.example', forcePathStyle: false }, 'site-bucket', 'https://site-bucket.minio.example/', 'us-east-2'],
  ])('%j, bucket %s -> %s (signed for %s)', async (options, bucket, url, region) => {
    const client = createS3Client({ ...options, credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' } });
    const route = await resolveRoute(client, bucket);
    expect(route?.url.href).toBe(url);
    expect(route?.signer.region).toBe(region);
  });

  test('an Azure container (`<account>/<container>`) or a key without a stated sha256 never takes the direct path', async () => {
    const client = createS3Client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
    const body = Buffer.from('x');
    await expect(putObject(client, { Bucket: 'account/container', Key: 'k', Body: body, Metadata: { sha256: sha(body) } })).rejects.toThrow();
    await expect(putObject(client, { Bucket: 'bucket', Key: 'k', Body: body, Metadata: { sha256: 'not-a-digest' } })).rejects.toThrow();
    expect(directPutStats(client)).toEqual({ direct: 0, handedOver: 0 });
  });

  test.each([
    ['a b', 'a%20b'],
    ['a/b/c', 'a/b/c'],
    ['plus+', 'plus%2B'],
    ["!'()*", '%21%27%28%29%2A'],
    ['~-._', '~-._'],
    ['ü', '%C3%BC'],
    ['a//b', 'a//b'],
  ])('key %j is sent as %j', (key, encoded) => {
    expect(encodeKey(key)).toBe(encoded);
  });
});
