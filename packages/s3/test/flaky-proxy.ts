/**
 * A fault-injecting HTTP proxy in front of a real S3 server (s3rver or moto): answers every
 * `every`-th request (of those `when` picks, default all) itself with an S3 error (503 SlowDown by
 * default) instead of forwarding it, so tests can prove the engine retries throttling and 5xx, or
 * make one precise write fail (e.g. the copy of index.html). Everything else is forwarded byte for byte.
 */
import http from 'node:http';

export interface FlakyProxy {
  endpoint: string;
  /** Requests answered with the injected error. */
  injected: number;
  forwarded: number;
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
}

export async function startFlakyProxy(target: string, options: FlakyProxyOptions): Promise<FlakyProxy & { when?: FlakyProxyOptions['when'] }> {
  const upstream = new URL(target);
  const state = { injected: 0, forwarded: 0, seen: 0 };
  const control: { when?: FlakyProxyOptions['when'] } = { when: options.when };
  const server = http.createServer((req, res) => {
    const candidate = !control.when || control.when(req);
    if (candidate) state.seen++;
    if (candidate && state.seen % options.every === 0 && options.delayMs !== undefined) {
      state.injected++;
      setTimeout(() => forwardTo(req, res), options.delayMs);
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
    forwardTo(req, res);
  });
  function forwardTo(req: http.IncomingMessage, res: http.ServerResponse): void {
    state.forwarded++;
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (response) => {
      res.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
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
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
