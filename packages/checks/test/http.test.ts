import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startHttpServer, type HttpService } from '../../../test/services/index.js';
import { HttpError, request } from '../src/http.js';

const servers: HttpService[] = [];
async function serve(...args: Parameters<typeof startHttpServer>): Promise<HttpService> {
  const server = await startHttpServer(...args);
  servers.push(server);
  return server;
}
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('redirects', () => {
  let app: HttpService;
  let other: HttpService;
  const seenAuthorization: Record<string, string | undefined> = {};
  beforeAll(async () => {
    other = await serve((req, res) => {
      seenAuthorization.other = req.headers.authorization;
      res.end('other');
    });
    app = await serve((req, res) => {
      const url = new URL(req.url!, 'http://x');
      if (url.pathname === '/start') return res.writeHead(302, { location: '/final' }).end();
      if (url.pathname === '/final') {
        seenAuthorization.final = req.headers.authorization;
        return res.end(`final ${req.method}`);
      }
      if (url.pathname === '/loop-a') return res.writeHead(301, { location: '/loop-b' }).end();
      if (url.pathname === '/loop-b') return res.writeHead(301, { location: '/loop-a' }).end();
      if (url.pathname === '/chain') return res.writeHead(302, { location: `/chain?n=${Number(url.searchParams.get('n') ?? 0) + 1}` }).end();
      if (url.pathname === '/post') return res.writeHead(303, { location: '/final' }).end();
      if (url.pathname === '/away') return res.writeHead(307, { location: `${other.url}/elsewhere` }).end();
      res.writeHead(404).end();
    });
  });

  test('followed: the final answer, the chain, and credentials kept on the same origin', async () => {
    const response = await request({ url: `${app.url}/start`, method: 'GET', timeoutMs: 2000, followRedirects: true, headers: { authorization: 'Bearer same-origin' } });
    expect(response).toMatchObject({ status: 200, body: 'final GET', url: `${app.url}/final`, redirects: [`${app.url}/start`] });
    expect(seenAuthorization.final).toBe('Bearer same-origin');
  });

  test('not followed: the redirect itself is the answer', async () => {
    const response = await request({ url: `${app.url}/start`, method: 'GET', timeoutMs: 2000, followRedirects: false });
    expect(response).toMatchObject({ status: 302, headers: { location: '/final' }, redirects: [] });
  });

  test('a loop is detected and shown', async () => {
    const error = await failure(request({ url: `${app.url}/loop-a`, method: 'GET', timeoutMs: 2000, followRedirects: true }));
    expect(error.kind).toBe('redirect-loop');
    expect(error.message).toBe(`redirect loop: ${app.url}/loop-a -> ${app.url}/loop-b -> ${app.url}/loop-a`);
  });

  test('an endless chain stops at max-redirects', async () => {
    const error = await failure(request({ url: `${app.url}/chain`, method: 'GET', timeoutMs: 2000, followRedirects: true, maxRedirects: 3 }));
    expect(error.kind).toBe('too-many-redirects');
    expect(error.message).toMatch(/more than 3 redirects/);
  });

  test('303 after POST continues as GET', async () => {
    const response = await request({ url: `${app.url}/post`, method: 'POST', body: '{}', timeoutMs: 2000, followRedirects: true });
    expect(response.body).toBe('final GET');
  });

  test('credentials are not sent to another origin', async () => {
    const response = await request({ url: `${app.url}/away`, method: 'GET', timeoutMs: 2000, followRedirects: true, headers: { Authorization: 'Bearer do-not-leak', Cookie: 'a=b' } });
    expect(response.body).toBe('other');
    expect(seenAuthorization.other).toBeUndefined();
  });
});

describe('timeouts always apply', () => {
  let hang: HttpService;
  let halfBody: HttpService;
  beforeAll(async () => {
    hang = await serve(() => undefined);
    halfBody = await serve((_, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('only part of it');
    });
  });

  test('a server that accepts and never answers', async () => {
    const error = await failure(request({ url: hang.url, method: 'GET', timeoutMs: 300 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('timed out after 300ms (request-timeout)');
  });

  test('a server that stops in the middle of the body', async () => {
    const error = await failure(request({ url: halfBody.url, method: 'GET', timeoutMs: 300 }));
    expect(error.kind).toBe('timeout');
  });

  test('the caller can cancel (the overall deadline)', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(request({ url: hang.url, method: 'GET', timeoutMs: 60_000, signal: controller.signal }));
    expect(error.kind).toBe('aborted');
  });

  test('a refused connection is a connection error', async () => {
    const closed = await startHttpServer((_, res) => res.end());
    const url = closed.url;
    await closed.stop();
    const error = await failure(request({ url, method: 'GET', timeoutMs: 2000 }));
    expect(error.kind).toBe('connection');
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});

describe('TLS', () => {
  let tls: HttpService;
  beforeAll(async () => {
    tls = await serve((_, res) => res.end('secure'), { tls: { selfSigned: true } });
  });

  test('a self-signed certificate is rejected and the message says how to accept it', async () => {
    const error = await failure(request({ url: tls.url, method: 'GET', timeoutMs: 3000 }));
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/^TLS certificate rejected: self[- ]signed certificate.*set insecure: true to accept it$/);
  });

  test('insecure accepts it and still reports the days to expiry', async () => {
    const response = await request({ url: tls.url, method: 'GET', timeoutMs: 3000, insecure: true });
    expect(response.body).toBe('secure');
    // The test certificate is made for 3650 days (test/services).
    expect(response.certDaysLeft).toBeGreaterThan(3000);
    expect(response.certDaysLeft).toBeLessThanOrEqual(3650);
    expect(Date.parse(response.certValidTo!)).toBeGreaterThan(Date.now());
  });
});

describe('bodies', () => {
  let app: HttpService;
  beforeAll(async () => {
    app = await serve((req, res) => {
      if (req.url === '/gzip') return res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('{"status":"ok"}'));
      if (req.url === '/echo') {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => res.end(`${req.method} ${req.headers['content-type']} ${body}`));
        return;
      }
      res.end('x'.repeat(10_000));
    });
  });

  test.each([
    ['gzip is decoded', { url: '/gzip', method: 'GET' }, '{"status":"ok"}'],
    ['a request body is sent', { url: '/echo', method: 'PUT', body: '{"a":1}', headers: { 'content-type': 'application/json' } }, 'PUT application/json {"a":1}'],
    ['HEAD has no body', { url: '/big', method: 'HEAD' }, ''],
  ])('%s', async (_, options, expected) => {
    const response = await request({ ...options, url: `${app.url}${options.url}`, timeoutMs: 2000 });
    expect(response.body).toBe(expected);
  });

  test('only maxBodyBytes are kept', async () => {
    const response = await request({ url: `${app.url}/big`, method: 'GET', timeoutMs: 2000, maxBodyBytes: 100 });
    expect(response.body).toHaveLength(100);
  });
});
