/**
 * A fault-injecting HTTP proxy in front of a real S3 server (s3rver or moto): answers every
 * `every`-th request (of those `when` picks, default all) itself with an S3 error (503 SlowDown by
 * default) instead of forwarding it, so tests can prove the engine retries throttling and 5xx, or
 * make one precise write fail (e.g. the copy of index.html). Everything else is forwarded byte for byte.
 *
 * With `verifyPayload`, it also does what Amazon S3 does and neither s3rver nor moto do: a request
 * whose `x-amz-content-sha256` is a hex digest that does not match its body is refused with
 * 400 XAmzContentSHA256Mismatch (counted in `mismatched`) and never reaches the store.
 *
 * With `flipByte`, a picked request is not answered by the proxy: one byte in the middle of its
 * body is flipped (same length, headers untouched) and it is forwarded, as a body corrupted in
 * transit would arrive; the store's own checks (a transactional Content-MD5) must refuse it.
 *
 * It also records the most requests, and the most request-body bytes, in flight at once
 * (`peakRequests`, `peakBodyBytes`): with `every: 1` and `delayMs`, every request is held, so
 * whatever the client lets run at once overlaps there.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';

export interface FlakyProxy {
  endpoint: string;
  /** Requests answered with the injected error. */
  injected: number;
  forwarded: number;
  /** Requests refused because their body did not match their x-amz-content-sha256 (with verifyPayload). */
  mismatched: number;
  /** The most request-body bytes (content-length) that were in flight at once: arrived, not yet answered. */
  peakBodyBytes: number;
  /** The most requests that were in flight at once. */
  peakRequests: number;
  /** Requests arrived and not yet answered, now. */
  inFlight: number;
  /** With `record`: each request's arrival and its answer, in the order the proxy saw them. */
  events: Array<{ event: 'arrived' | 'answered'; method: string; path: string; status?: number }>;
  stop(): Promise<void>;
}

export interface FlakyProxyOptions {
  every: number;
  status?: number;
  code?: string;
  /** Only these requests are candidates for a fault (default: all). Changeable while running via `proxy.when`. */
  when?: (req: http.IncomingMessage) => boolean;
  /** Instead of failing a picked request, forward it after this long (a slow store or a slow network). */
  delayMs?: number;
  /** Instead of failing a picked request, hold it until this settles, then forward it (a store slow for exactly as long as a test needs). */
  holdUntil?: Promise<unknown>;
  /** Instead of failing a picked request, flip one byte of its body and forward it (corruption in transit). */
  flipByte?: boolean;
  /** Refuse requests whose body does not match their `x-amz-content-sha256` digest, as Amazon S3 does. */
  verifyPayload?: boolean;
  /** Keep `events`: every request's arrival and answer (path decoded), in order. */
  record?: boolean;
}

export async function startFlakyProxy(target: string, options: FlakyProxyOptions): Promise<FlakyProxy & { when?: FlakyProxyOptions['when'] }> {
  const upstream = new URL(target);
  const state = { injected: 0, forwarded: 0, seen: 0, mismatched: 0, bodyBytes: 0, peakBodyBytes: 0, requests: 0, peakRequests: 0 };
  const control: { when?: FlakyProxyOptions['when'] } = { when: options.when };
  const events: FlakyProxy['events'] = [];
  const server = http.createServer((req, res) => {
    const size = Number(req.headers['content-length'] ?? 0) || 0;
    const requestPath = decodeURIComponent((req.url ?? '').split('?')[0]!);
    if (options.record) {
      events.push({ event: 'arrived', method: req.method ?? '', path: requestPath });
      res.once('finish', () => events.push({ event: 'answered', method: req.method ?? '', path: requestPath, status: res.statusCode }));
    }
    state.bodyBytes += size;
    state.peakBodyBytes = Math.max(state.peakBodyBytes, state.bodyBytes);
    state.peakRequests = Math.max(state.peakRequests, ++state.requests);
    res.once('close', () => {
      state.bodyBytes -= size;
      state.requests--;
    });
    const candidate = !control.when || control.when(req);
    if (candidate) state.seen++;
    if (candidate && state.seen % options.every === 0 && options.delayMs !== undefined) {
      state.injected++;
      setTimeout(() => forwardTo(req, res), options.delayMs);
      return;
    }
    if (candidate && state.seen % options.every === 0 && options.holdUntil) {
      state.injected++;
      const forward = () => forwardTo(req, res);
      void options.holdUntil.then(forward, forward);
      return;
    }
    if (candidate && state.seen % options.every === 0 && options.flipByte) {
      state.injected++;
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (body.length) body[body.length >> 1] ^= 0x01;
        forwardTo(req, res, body);
      });
      return;
    }
    if (candidate && state.seen % options.every === 0) {
      state.injected++;
      req.resume();
      req.on('end', () => {
        res.writeHead(options.status ?? 503, { 'content-type': 'application/xml' });
        res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${options.code ?? 'SlowDown'}</Code><Message>Please reduce your request rate.</Message><RequestId>flaky-${state.seen}</RequestId></Error>`);
      });
      return;
    }
    if (options.verifyPayload && /^[0-9a-f]{64}$/.test(String(req.headers['x-amz-content-sha256']))) {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const claimed = req.headers['x-amz-content-sha256'];
        const computed = createHash('sha256').update(body).digest('hex');
        if (claimed === computed) return forwardTo(req, res, body);
        state.mismatched++;
        res.writeHead(400, { 'content-type': 'application/xml' });
        res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>XAmzContentSHA256Mismatch</Code><Message>The provided 'x-amz-content-sha256' header does not match what was computed.</Message><ClientComputedContentSHA256>${claimed}</ClientComputedContentSHA256><S3ComputedContentSHA256>${computed}</S3ComputedContentSHA256><RequestId>verify-${state.mismatched}</RequestId></Error>`);
      });
      return;
    }
    forwardTo(req, res);
  });
  function forwardTo(req: http.IncomingMessage, res: http.ServerResponse, body?: Buffer): void {
    state.forwarded++;
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (response) => {
      res.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(res);
    });
    forward.on('error', () => res.destroy());
    if (body) forward.end(body);
    else req.pipe(forward);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get when() {
      return control.when;
    },
    set when(value) {
      control.when = value;
    },
    get injected() {
      return state.injected;
    },
    get forwarded() {
      return state.forwarded;
    },
    get mismatched() {
      return state.mismatched;
    },
    get peakBodyBytes() {
      return state.peakBodyBytes;
    },
    get peakRequests() {
      return state.peakRequests;
    },
    get inFlight() {
      return state.requests;
    },
    events,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
