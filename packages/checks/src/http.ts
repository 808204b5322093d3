import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import zlib from 'node:zlib';

export interface HttpRequest {
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: string;
  /** Bounds the whole exchange, redirects included; always applies. */
  timeoutMs: number;
  followRedirects?: boolean;
  maxRedirects?: number;
  /** Accept certificates that do not verify (self-signed, wrong host, expired). */
  insecure?: boolean;
  /** Cancels the request early, e.g. when the overall deadline passes. */
  signal?: AbortSignal;
  /** Body bytes kept for assertions; the rest is read and dropped. */
  maxBodyBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** From sending the request to the last body byte, redirects included. */
  latencyMs: number;
  /** The URL that answered (after redirects). */
  url: string;
  /** Every URL visited before the answer, in order. */
  redirects: string[];
  /** Days until the answering server's certificate expires (https only). */
  certDaysLeft?: number;
  certValidTo?: string;
}

export type HttpErrorKind = 'timeout' | 'aborted' | 'tls' | 'connection' | 'redirect-loop' | 'too-many-redirects' | 'protocol';

/** A request that produced no response; `kind` tells why, the message says it for humans. */
export class HttpError extends Error {
  constructor(readonly kind: HttpErrorKind, message: string, readonly latencyMs: number) {
    super(message);
    this.name = 'HttpError';
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME|TLS|SSL|ERR_SSL/;
const DAY_MS = 86_400_000;

/**
 * One HTTP exchange over node:http/https with a fresh connection, a timeout that always applies
 * (timer + abort, so a server that accepts and never answers cannot hold the caller), optional
 * redirect following with a hop limit and loop detection, and the peer certificate's expiry.
 */
export async function request(options: HttpRequest): Promise<HttpResponse> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, Math.max(0, options.timeoutMs));
  const onOuterAbort = (): void => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const failure = (error: unknown): HttpError => {
    if (error instanceof HttpError) return error;
    if (timedOut) return new HttpError('timeout', `timed out after ${options.timeoutMs}ms (request-timeout)`, elapsed());
    if (controller.signal.aborted) return new HttpError('aborted', 'cancelled: the overall deadline passed', elapsed());
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const message = (error as Error).message ?? String(error);
    if (TLS_CODES.test(code) || /certificate/i.test(message)) {
      return new HttpError('tls', `TLS certificate rejected: ${message}${code ? ` (${code})` : ''}; set insecure: true to accept it`, elapsed());
    }
    return new HttpError('connection', `${message}${code && !message.includes(code) ? ` (${code})` : ''}`, elapsed());
  };

  try {
    const visited: string[] = [];
    const seen = new Set<string>();
    let url = options.url;
    let method = options.method.toUpperCase();
    let body = options.body;
    let headers = { ...(options.headers ?? {}) };
    const maxRedirects = options.maxRedirects ?? 10;
    for (;;) {
      seen.add(`${method} ${url}`);
      const { response, certDaysLeft, certValidTo } = await exchange(url, method, headers, body, options.insecure ?? false, controller.signal);
      const location = response.headers.location;
      if (options.followRedirects && REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.resume();
        const next = new URL(location, url).toString();
        visited.push(url);
        if (response.statusCode === 303 || ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST')) {
          method = method === 'HEAD' ? 'HEAD' : 'GET';
          body = undefined;
        }
        if (new URL(next).origin !== new URL(url).origin) headers = withoutCredentials(headers);
        if (seen.has(`${method} ${next}`)) {
          throw new HttpError('redirect-loop', `redirect loop: ${[...visited, next].join(' -> ')}`, elapsed());
        }
        if (visited.length > maxRedirects) {
          throw new HttpError('too-many-redirects', `more than ${maxRedirects} redirects (last: ${next})`, elapsed());
        }
        url = next;
        continue;
      }
      const text = await readBody(response, options.maxBodyBytes ?? 1024 * 1024);
      return {
        status: response.statusCode ?? 0,
        headers: response.headers,
        body: text,
        latencyMs: elapsed(),
        url,
        redirects: visited,
        certDaysLeft,
        certValidTo,
      };
    }
  } catch (error) {
    throw failure(error);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase())));
}

function exchange(url: string, method: string, headers: Record<string, string>, body: string | undefined, insecure: boolean, signal: AbortSignal): Promise<{ response: IncomingMessage; certDaysLeft?: number; certValidTo?: string }> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return Promise.reject(new HttpError('protocol', `unsupported protocol ${target.protocol} in ${url}`, 0));
  }
  const secure = target.protocol === 'https:';
  const auth = target.username || target.password ? `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}` : undefined;
  const outgoing: Record<string, string> = { 'user-agent': 'shipkit-smoke-test', ...headers };
  if (body !== undefined && !Object.keys(outgoing).some((name) => name.toLowerCase() === 'content-length')) {
    outgoing['content-length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const transport = secure ? https : http;
    const req = transport.request(
      {
        protocol: target.protocol,
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port || undefined,
        path: `${target.pathname}${target.search}`,
        method,
        headers: outgoing,
        auth,
        agent: false,
        signal,
        ...(secure ? { rejectUnauthorized: !insecure, servername: isIp(target.hostname) ? undefined : target.hostname } : {}),
      },
      (response) => {
        let certDaysLeft: number | undefined;
        let certValidTo: string | undefined;
        if (secure) {
          const certificate = (response.socket as TLSSocket).getPeerCertificate?.();
          if (certificate?.valid_to) {
            certValidTo = new Date(certificate.valid_to).toISOString();
            certDaysLeft = Math.floor((Date.parse(certificate.valid_to) - Date.now()) / DAY_MS);
          }
        }
        resolve({ response, certDaysLeft, certValidTo });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[');
}

function readBody(response: IncomingMessage, maxBytes: number): Promise<string> {
  const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
  const stream =
    encoding === 'gzip' || encoding === 'x-gzip' ? response.pipe(zlib.createGunzip())
    : encoding === 'deflate' ? response.pipe(zlib.createInflate())
    : encoding === 'br' ? response.pipe(zlib.createBrotliDecompress())
    : response;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    stream.on('data', (chunk: Buffer) => {
      if (kept < maxBytes) {
        chunks.push(chunk.subarray(0, maxBytes - kept));
        kept += Math.min(chunk.length, maxBytes - kept);
      }
    });
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
    if (stream !== response) response.on('error', reject);
    // An abort mid-body destroys the response; the stream then errors or closes without 'end'.
    response.on('aborted', () => reject(new Error('the connection closed before the body was complete')));
    response.on('close', () => {
      if (!response.complete) reject(new Error('the connection closed before the body was complete'));
    });
  });
}
