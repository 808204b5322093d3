/**
 * The direct upload path (src/put.ts) against hostile keys, bodies and stores: what it stores is
 * what the SDK stores, and every failure ends (stored right, or a clear error) instead of hanging.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { requireMotoSignatures, startMoto, type MotoService } from '../../../test/services/index.js';
import { createS3Client, RequestSigner } from '../src/index.js';
import { directPutStats, enableDirectPuts, putObject } from '../src/put.js';

const sha = (body: Uint8Array) => createHash('sha256').update(body).digest('hex');
const put = (client: S3Client, bucket: string, key: string, body: Uint8Array) => putObject(client, { Bucket: bucket, Key: key, Body: body, ContentType: 'text/plain', CacheControl: 'no-cache', Metadata: { sha256: sha(body) } });

/** Keys a careless or hostile user may publish: dot segments, leading and doubled slashes, spaces at the ends, encoded slashes, control characters. */
const HOSTILE_KEYS = ['k'.repeat(1024), '..', '.', 'a/../b.txt', './c.txt', 'd/./e.txt', '/leading.txt', '//double-leading.txt', 'trailing space ', ' leading space', 'slash%2Fencoded.txt', 'ctl\x01\x1f\x7f.txt', 'tab\there.txt', 'cr\rreturn.txt', 'trailing/', 'back\\slash.txt', '[brackets]{braces}|pipe^caret`tick"quote<lt>gt.txt', 'emoji/😀.txt', 'nul\x00byte.txt'];

/** A plain HTTP server answering each request as `answer` says; its port. */
async function fakeStore(answer: (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void, host = '127.0.0.1') {
  let n = 0;
  const server = http.createServer((req, res) => answer(req, res, ++n));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as { port: number }).port,
    requests: () => n,
    connections: () => new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count)))),
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
const ok = (req: http.IncomingMessage, res: http.ServerResponse) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { etag: '"stored"' }).end());
};
const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };
const body = Buffer.from('hostile');

describe('on moto', () => {
  let moto: MotoService;
  beforeAll(async () => {
    moto = await startMoto({ buckets: ['direct', 'viasdk'] });
  });
  afterAll(async () => {
    await moto.stop();
  });
  const read = async (bucket: string, key: string) => {
    const got = await moto.client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return { body: Buffer.from(await got.Body!.transformToByteArray()).toString('hex'), type: got.ContentType, cacheControl: got.CacheControl, metadata: got.Metadata };
  };
  const stored = async (bucket: string) => {
    const listed = await moto.client().send(new ListObjectsV2Command({ Bucket: bucket }));
    const found: Record<string, unknown> = {};
    for (const { Key: key } of listed.Contents ?? []) found[key!] = await read(bucket, key!).catch((error: Error) => `unreadable: ${error.name}`);
    return found;
  };

  test('every hostile key: the direct path stores what the SDK stores, under the same name, with the same bytes and headers', async () => {
    const direct = createS3Client({ endpoint: moto.endpoint, env: moto.env, maxAttempts: 1 });
    const sdk = createS3Client({ endpoint: moto.endpoint, env: moto.env, maxAttempts: 1, directPuts: false });
    for (const key of HOSTILE_KEYS) {
      const content = Buffer.from(`body of ${JSON.stringify(key)}`);
      const [bySdk, byDirect] = [await put(sdk, 'viasdk', key, content).then(() => 'stored', (error: Error) => error.name), await put(direct, 'direct', key, content).then(() => 'stored', (error: Error) => error.name)];
      expect([key, byDirect]).toEqual([key, bySdk]);
    }
    expect(Object.keys(await stored('direct'))).toHaveLength(HOSTILE_KEYS.length);
    expect(await stored('direct')).toEqual(await stored('viasdk'));
    expect(directPutStats(direct)).toEqual({ direct: HOSTILE_KEYS.length, handedOver: 0 });
    direct.destroy();
    sdk.destroy();
  });

  test('bodies: empty, exactly 8 MiB, a view into a larger buffer (its own bytes, not the buffer\'s)', async () => {
    const client = createS3Client({ endpoint: moto.endpoint, env: moto.env, maxAttempts: 1 });
    const eight = Buffer.alloc(8 * 1024 * 1024);
    for (let i = 0; i < eight.length; i += 4096) eight[i] = i >> 12;
    const view = Buffer.from('XXXXXXXXXXthe view!YYYYYYYYYY').subarray(10, 19);
    const typed = new Uint8Array(new ArrayBuffer(64), 16, 8).fill(65);
    for (const [key, content] of [['empty', Buffer.alloc(0)], ['eight', eight], ['view', view], ['typed', typed]] as const) {
      await put(client, 'direct', `body/${key}`, content);
      expect(await read('direct', `body/${key}`)).toEqual({ body: Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('hex'), type: 'text/plain', cacheControl: 'no-cache', metadata: { sha256: sha(content) } });
    }
    expect(directPutStats(client)).toEqual({ direct: 4, handedOver: 0 });
    client.destroy();
  });

  test('temporary credentials (STS AssumeRole): the direct path signs the session token and moto accepts it; a wrong token is refused, handed to the SDK, and neither secret nor token is in the error', async () => {
    const user = await requireMotoSignatures(moto, ['s3:*', 'sts:AssumeRole', 'iam:CreateRole', 'iam:PutRolePolicy']);
    const url = new URL(moto.endpoint);
    // Signed as the user (moto checks these too): a role, then temporary credentials for it.
    const call = async (service: string, params: Record<string, string>) => {
      const form = new URLSearchParams(params).toString();
      const signer = new RequestSigner({ service, region: 'us-east-1', credentials: async () => user });
      const headers = await signer.sign({ method: 'POST', path: '/', headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded', 'x-amz-content-sha256': sha(Buffer.from(form)) } }, sha(Buffer.from(form)), new Date());
      return (await fetch(`${moto.endpoint}/`, { method: 'POST', headers, body: form })).text();
    };
    const role = `shipkit-role-${Date.now()}`;
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] });
    const created = await call('iam', { Action: 'CreateRole', Version: '2010-05-08', RoleName: role, AssumeRolePolicyDocument: trust });
    const arn = created.match(/<Arn>([^<]+)<\/Arn>/)?.[1] ?? '';
    await call('iam', { Action: 'PutRolePolicy', Version: '2010-05-08', RoleName: role, PolicyName: 's3', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) });
    const answer = await call('sts', { Action: 'AssumeRole', Version: '2011-06-15', RoleArn: arn, RoleSessionName: 'publish' });
    const field = (name: string) => answer.match(new RegExp(`<${name}>([^<]+)</${name}>`))?.[1] ?? '';
    const temporary = { accessKeyId: field('AccessKeyId'), secretAccessKey: field('SecretAccessKey'), sessionToken: field('SessionToken') };
    expect([answer, temporary.sessionToken.length > 20]).toEqual([answer, true]);

    const client = createS3Client({ endpoint: moto.endpoint, region: 'us-east-1', credentials: temporary, maxAttempts: 1 });
    try {
      await put(client, 'direct', 'temporary/1', body);
      expect(directPutStats(client)).toEqual({ direct: 1, handedOver: 0 });
      const got = await client.send(new GetObjectCommand({ Bucket: 'direct', Key: 'temporary/1' }));
      expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
    } finally {
      client.destroy();
    }
    const forged = { ...temporary, sessionToken: `${temporary.sessionToken.slice(0, -4)}AAAA` };
    const wrong = createS3Client({ endpoint: moto.endpoint, region: 'us-east-1', credentials: forged, maxAttempts: 1 });
    try {
      const error = await put(wrong, 'direct', 'temporary/2', body).then(() => undefined, (caught: Error) => caught);
      const stats = directPutStats(wrong);
      expect(error?.message).toMatch(/token is malformed or otherwise invalid/);
      expect(stats).toEqual({ direct: 0, handedOver: 1 });
      const told = `${error!.message} ${String(error!.stack)} ${JSON.stringify(error)}`;
      for (const secret of [temporary.secretAccessKey, temporary.sessionToken, forged.sessionToken]) expect(told).not.toContain(secret);
    } finally {
      wrong.destroy();
    }
  });

  test('credentials that expire mid-run: the direct path signs with the fresh ones (moto checks every signature)', async () => {
    const first = await requireMotoSignatures(moto);
    const second = await requireMotoSignatures(moto);
    // Forwards to moto, noting the access key each upload is signed with.
    const upstream = new URL(moto.endpoint);
    const signedBy: string[] = [];
    const recorder = await fakeStore((req, res) => {
      if (req.method === 'PUT') signedBy.push(/Credential=([^/]+)/.exec(String(req.headers.authorization))?.[1] ?? '');
      req.pipe(http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }));
    });
    let calls = 0;
    const provider = async () => ({ ...(++calls === 1 ? first : second), expiration: new Date(Date.now() + (calls === 1 ? 300_400 : 3_600_000)) });
    const client = createS3Client({ endpoint: `http://127.0.0.1:${recorder.port}`, region: 'us-east-1', credentials: provider as unknown as typeof first });
    try {
      await put(client, 'direct', 'cred/1', body);
      // The first credentials are within the SDK's refresh window (5 minutes before they expire) now.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await put(client, 'direct', 'cred/2', body);
      expect(signedBy).toEqual([first.accessKeyId, second.accessKeyId]);
      expect(directPutStats(client)).toEqual({ direct: 2, handedOver: 0 });
    } finally {
      client.destroy();
      await recorder.stop();
    }
  });
});

describe('stores that misbehave', () => {
  test('a store that never answers: a clear TimeoutError after the direct attempt and the SDK\'s, no hang (the SDK\'s requestTimeout alone only warns)', async () => {
    const store = await fakeStore((req) => req.resume());
    const client = createS3Client({ endpoint: `http://127.0.0.1:${store.port}`, credentials, requestTimeoutMs: 300, maxAttempts: 2 });
    try {
      const outcome = await Promise.race([
        put(client, 'bucket', 'k', body).then(() => 'stored', (error: Error) => error.name),
        new Promise((resolve) => setTimeout(resolve, 4000, 'still waiting after 4 s').unref()),
      ]);
      expect(outcome).toBe('TimeoutError');
      expect(store.requests()).toBe(3);
    } finally {
      client.destroy();
      await store.stop();
    }
  });

  test('a connection that never opens is handed to the SDK after the connection timeout, not the (longer) request timeout', async () => {
    // A listener whose backlog is full: the kernel drops further SYNs, the connect hangs.
    const python = spawn('python3', ['-c', "import socket,time\ns=socket.socket();s.bind(('127.0.0.1',0));s.listen(0)\nf=[]\nfor i in range(3):\n c=socket.socket();c.setblocking(False)\n try:c.connect(s.getsockname())\n except BlockingIOError:pass\n f.append(c)\nprint(s.getsockname()[1],flush=True)\ntime.sleep(60)"], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const port = await new Promise<number>((resolve) => python.stdout.once('data', (data: Buffer) => resolve(Number(String(data).trim()))));
      const client = createS3Client({ endpoint: `http://127.0.0.1:${port}`, credentials, requestTimeoutMs: 30_000, connectionTimeoutMs: 300, maxAttempts: 1 });
      const started = Date.now();
      const outcome = await Promise.race([put(client, 'bucket', 'k', body).then(() => 'stored', (error: Error) => error.name), new Promise((resolve) => setTimeout(resolve, 5000, 'still waiting after 5 s').unref())]);
      expect(outcome).toBe('TimeoutError');
      expect(Date.now() - started).toBeLessThan(3000);
      expect(directPutStats(client)).toEqual({ direct: 0, handedOver: 1 });
      client.destroy();
    } finally {
      python.kill();
    }
  });

  test('400 RequestTimeout (S3: the body came too slowly) passes: the SDK sends it again and the next upload goes direct', async () => {
    const store = await fakeStore((req, res, n) => {
      if (n > 1) return ok(req, res);
      req.resume();
      req.on('end', () => res.writeHead(400, { 'content-type': 'application/xml' }).end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>RequestTimeout</Code><Message>Your socket connection to the server was not read from or written to within the timeout period.</Message></Error>'));
    });
    const client = createS3Client({ endpoint: `http://127.0.0.1:${store.port}`, credentials });
    // No pause after the passing fault (put.test.ts covers it): the next upload shows the path is still on.
    enableDirectPuts(client, { maxSockets: 32, requestTimeoutMs: 120_000, connectionTimeoutMs: 10_000, pauseMs: 0 });
    try {
      await put(client, 'bucket', 'one', body);
      await put(client, 'bucket', 'two', body);
      expect(directPutStats(client)).toEqual({ direct: 1, handedOver: 1 });
      expect(store.requests()).toBe(3);
    } finally {
      client.destroy();
      await store.stop();
    }
  });

  test('an IPv6 literal endpoint ([::1]) is reached on the direct path', async () => {
    const paths: string[] = [];
    const store = await fakeStore((req, res) => {
      paths.push(`${req.headers.host} ${req.url}`);
      ok(req, res);
    }, '::1');
    const client = createS3Client({ endpoint: `http://[::1]:${store.port}`, credentials });
    try {
      await put(client, 'bucket', 'a b.txt', body);
      expect(directPutStats(client)).toEqual({ direct: 1, handedOver: 0 });
      expect(paths).toEqual([`[::1]:${store.port} /bucket/a%20b.txt`]);
    } finally {
      client.destroy();
      await store.stop();
    }
  });

  test('client.destroy() closes the direct path\'s keep-alive connections', async () => {
    const store = await fakeStore(ok);
    const client = createS3Client({ endpoint: `http://127.0.0.1:${store.port}`, credentials });
    try {
      await Promise.all(['a', 'b', 'c'].map((key) => put(client, 'bucket', key, body)));
      expect(await store.connections()).toBeGreaterThan(0);
      client.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await store.connections()).toBe(0);
    } finally {
      await store.stop();
    }
  });
});
