import http from 'node:http';
import https from 'node:https';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { noteStoreDate, parseHttpDate } from './clock.js';
import { noteRequest } from './requests.js';
import { RequestSigner } from './sigv4.js';

/**
 * The publish's uploads, one PutObject per file: the request the store sees is the one the SDK
 * sends (same URL, headers, SigV4 signature with the scan's sha256 as the payload hash), but sent
 * by a small HTTP path of its own. Measured on a local store, the SDK's per-command machinery
 * (middleware stack resolved per command, endpoint rules, schema serialisation, the logger's
 * filter) costs ~1 ms of CPU per request, more than the request itself; a first publish of 2,000
 * files spent most of its time there (bench/cdn-publish.ts, "where the first publish's gap to the
 * floor goes").
 *
 * The SDK stays the authority for everything but the plain success: the endpoint comes from the
 * client's own endpoint rules (virtual-hosted or path style, FIPS, dual-stack, custom endpoints),
 * credentials from the client's provider (refreshed as the SDK refreshes them), the signing clock
 * from the client's clock offset, the signature SigV4 as the SDK's signer computes it (sigv4.ts, at a
 * fraction of its cost; their equality is a test). Anything other than a
 * 2xx answer — an error status, a dropped connection, a timeout, no credentials — is handed to the
 * SDK, which sends the same request with its retries, redirects, clock-skew correction and error
 * objects, so callers see exactly the errors they saw before. An answer that says the store and
 * this path disagree (a 3xx or 4xx other than throttling or a timeout: 408, 429, 400 RequestTimeout) turns the path off for that bucket for
 * the client's life: at most one extra request per bucket is what an incompatibility costs. A passing
 * fault (5xx, throttling, a dropped connection) sends the bucket's uploads to the SDK for
 * FAULT_PAUSE_MS, so they back off with its retries rather than each adding a request at once.
 *
 * Only clients made by createS3Client use it (enableDirectPuts), only for S3 bucket names
 * (an Azure container `<account>/<container>` never comes here), only for bodies in memory whose
 * sha256 the caller states.
 */

/** A PutObject of bytes in memory whose sha256 (hex) is known. */
export interface DirectPutInput {
  Bucket: string;
  Key: string;
  Body: Uint8Array;
  ContentType?: string;
  CacheControl?: string;
  ContentEncoding?: string;
  Metadata: Record<string, string> & { sha256: string };
}

export interface BucketRoute {
  url: URL;
  signer: RequestSigner;
}

interface DirectState {
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
  agents: { http: http.Agent; https: https.Agent };
  /** Per bucket: its route, or undefined once the path is off for it. */
  routes: Map<string, Promise<BucketRoute | undefined>>;
  /** Per bucket: until when (performance.now()) uploads go to the SDK after a passing fault, so they back off with its retries. */
  pausedUntil: Map<string, number>;
  pauseMs: number;
  /** Counters, for tests and the bench: requests answered on this path, and handed to the SDK. */
  stats: DirectPutStats;
}

export interface DirectPutStats {
  /** Uploads the store accepted on the direct path. */
  direct: number;
  /** Uploads handed to the SDK (the direct attempt failed, or the path is off for the bucket). */
  handedOver: number;
}

const states = new WeakMap<S3Client, DirectState>();

/** S3 bucket names (virtual-hosted or path style); anything else goes through the SDK. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** S3 refuses a signature more than 15 minutes off its clock; beyond 5 the SDK corrects its offset. */
const CLOCK_SKEW_MS = 5 * 60_000;
/**
 * Error codes of a 4xx that pass (the SDK retries them: its transient and throttling codes), so the
 * path stays on: S3 answers a request whose body came too slowly with 400 RequestTimeout.
 */
const PASSING_CODES = new Set([
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'ProvisionedThroughputExceededException',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
  'TransactionInProgressException',
]);
/**
 * After a passing fault (5xx, throttling, a dropped connection) the bucket's uploads go through the
 * SDK for this long: they back off with its retry strategy instead of each sending one more
 * request at once to a store that is shedding load.
 */
export const FAULT_PAUSE_MS = 2_000;
/** The most of an error answer's body read for its code. */
const ERROR_BODY_BYTES = 16 * 1024;

/** Lets putObject send `client`'s uploads on the direct path (createS3Client does, for every client it makes). */
export function enableDirectPuts(client: S3Client, options: { maxSockets: number; requestTimeoutMs: number; connectionTimeoutMs: number; pauseMs?: number }): void {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, timeout: options.requestTimeoutMs };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  states.set(client, {
    requestTimeoutMs: options.requestTimeoutMs,
    connectionTimeoutMs: options.connectionTimeoutMs,
    agents,
    routes: new Map(),
    pausedUntil: new Map(),
    pauseMs: options.pauseMs ?? FAULT_PAUSE_MS,
    stats: { direct: 0, handedOver: 0 },
  });
  // The client's connections close with it, its own and these.
  const destroy = client.destroy.bind(client);
  client.destroy = () => {
    agents.http.destroy();
    agents.https.destroy();
    destroy();
  };
}

/** The direct path's counters for a client (undefined when it has no direct path). */
export function directPutStats(client: S3Client): DirectPutStats | undefined {
  return states.get(client)?.stats;
}

/** Uploads one object and answers its ETag: on the direct path where it can, else through the SDK (same request, same errors). */
export async function putObject(client: S3Client, input: DirectPutInput): Promise<string | undefined> {
  const state = states.get(client);
  const sdk = async () => (await client.send(new PutObjectCommand({ ...input, ContentLength: input.Body.byteLength }))).ETag;
  if (!state || !BUCKET_NAME.test(input.Bucket) || !SHA256_HEX.test(input.Metadata.sha256)) return sdk();
  let route = state.routes.get(input.Bucket);
  if (!route) {
    route = resolveRoute(client, input.Bucket);
    state.routes.set(input.Bucket, route);
  }
  const resolved = await route;
  if (resolved && !(performance.now() < (state.pausedUntil.get(input.Bucket) ?? 0))) {
    const answer = await send(client, state, resolved, input).catch(() => undefined);
    if (answer?.ok) {
      state.stats.direct++;
      return answer.etag;
    }
    // The store and this path disagree (not a passing fault): the SDK sends the bucket's uploads from now on.
    if (answer && !answer.passing) state.routes.set(input.Bucket, Promise.resolve(undefined));
    // A passing fault: the bucket's uploads back off with the SDK's retries for a while.
    else state.pausedUntil.set(input.Bucket, performance.now() + state.pauseMs);
  }
  state.stats.handedOver++;
  return sdk();
}

/** The bucket's base URL and signer from the client's own configuration; undefined (the SDK's path) when anything is unusual. */
export async function resolveRoute(client: S3Client, bucket: string): Promise<BucketRoute | undefined> {
  try {
    const config = client.config;
    const endpoint = config.endpoint ? await config.endpoint() : undefined;
    const resolved = config.endpointProvider({
      Bucket: bucket,
      Region: await config.region(),
      UseFIPS: await config.useFipsEndpoint(),
      UseDualStack: await config.useDualstackEndpoint(),
      ForcePathStyle: config.forcePathStyle,
      Accelerate: config.useAccelerateEndpoint,
      DisableMultiRegionAccessPoints: config.disableMultiregionAccessPoints,
      Endpoint: endpoint ? `${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}${endpoint.path}` : undefined,
    });
    const schemes = (resolved.properties?.authSchemes ?? []) as Array<{ name?: string; signingName?: string; signingRegion?: string }>;
    const scheme = schemes[0];
    // SigV4 only (not SigV4a, S3 Express sessions), no extra endpoint headers.
    if (!scheme || scheme.name !== 'sigv4' || !scheme.signingRegion || Object.keys(resolved.headers ?? {}).length) return undefined;
    const url = new URL(resolved.url.href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // S3 signs the path as sent (encoded once), as the SDK's S3 signer does.
    return { url, signer: new RequestSigner({ service: scheme.signingName ?? 's3', region: scheme.signingRegion, credentials: config.credentials }) };
  } catch {
    return undefined;
  }
}

/** A key as S3 paths carry it: every segment percent-encoded (RFC 3986 unreserved kept), the slashes kept. */
export function encodeKey(key: string): string {
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

interface Answer {
  ok: boolean;
  etag?: string;
  /** A fault that may pass (5xx, throttling): the path stays on. */
  passing: boolean;
}

async function send(client: S3Client, state: DirectState, route: BucketRoute, input: DirectPutInput): Promise<Answer> {
  const base = route.url.pathname.replace(/\/$/, '');
  const path = `${base}/${encodeKey(input.Key)}`;
  const headers: Record<string, string> = {
    host: route.url.host,
    'content-length': String(input.Body.byteLength),
    'x-amz-content-sha256': input.Metadata.sha256,
  };
  if (input.ContentType) headers['content-type'] = input.ContentType;
  if (input.CacheControl) headers['cache-control'] = input.CacheControl;
  if (input.ContentEncoding) headers['content-encoding'] = input.ContentEncoding;
  for (const [name, value] of Object.entries(input.Metadata)) headers[`x-amz-meta-${name.toLowerCase()}`] = value;
  const signingDate = new Date(Date.now() + (client.config.systemClockOffset ?? 0));
  const signedHeaders = await route.signer.sign({ method: 'PUT', path, headers }, input.Metadata.sha256, signingDate);
  const secure = route.url.protocol === 'https:';
  // Counted as the SDK counts its attempts: each request sent, whatever comes back.
  noteRequest(client, 'PutObject');
  return new Promise<Answer>((resolve, reject) => {
    const request = (secure ? https : http).request(
      // (An IPv6 literal is bracketed in a URL's hostname, and not resolvable so.)
      { method: 'PUT', hostname: route.url.hostname.replace(/^\[(.*)\]$/, '$1'), port: route.url.port || undefined, path, headers: signedHeaders, agent: secure ? state.agents.https : state.agents.http, timeout: state.requestTimeoutMs },
      (response) => {
        const status = response.statusCode ?? 0;
        // A 4xx's error code tells a passing fault (400 RequestTimeout) from a refusal; a little of the body is kept for it.
        const chunks: Buffer[] = [];
        let kept = 0;
        if (status >= 400 && status < 500) {
          response.on('data', (chunk: Buffer) => {
            if (kept < ERROR_BODY_BYTES) chunks.push(chunk.subarray(0, ERROR_BODY_BYTES - kept));
            kept += chunk.length;
          });
        } else response.resume();
        response.on('error', reject);
        response.on('end', () => {
          const storeDate = parseHttpDate(response.headers.date);
          noteStoreDate(client, storeDate);
          const etag = response.headers.etag;
          // A refusal signed with a clock the store calls wrong (RequestTimeTooSkewed) passes too: the SDK
          // corrects the client's clock offset when it sends the request, and this path signs with it after.
          const skewed = storeDate !== undefined && Math.abs(storeDate - signingDate.getTime()) > CLOCK_SKEW_MS;
          const code = /<Code>([^<]*)<\/Code>/.exec(Buffer.concat(chunks).toString('utf8'))?.[1];
          const passing = status >= 500 || status === 429 || status === 408 || skewed || (code !== undefined && PASSING_CODES.has(code));
          resolve({ ok: status >= 200 && status < 300, etag: typeof etag === 'string' ? etag : undefined, passing });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error('request timed out')));
    // Opening the connection is bounded as the SDK bounds it (its connectionTimeout), not by the longer socket timeout alone.
    request.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => request.destroy(new Error('connection timed out')), state.connectionTimeoutMs);
      const clear = () => clearTimeout(timer);
      socket.once('connect', clear);
      socket.once('close', clear);
      request.once('close', clear);
    });
    request.on('error', reject);
    request.end(input.Body);
  });
}
