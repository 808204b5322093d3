import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { awsClientSettings, type AwsClientOptions } from '@shipkit/core';
import { watchStoreClock } from './clock.js';
import { enableDirectPuts } from './put.js';
import { requestHooks } from './requests.js';

export { noteRequest } from './requests.js';

/** The most requests a caller may run at once (the client keeps this many connections open at most). */
export const MAX_CONCURRENCY = 256;

export interface S3ClientOptions extends AwsClientOptions {
  /** Default: AWS_REGION, AWS_DEFAULT_REGION, then us-east-1. */
  region?: string;
  /** Default: true when a custom endpoint is used (most S3-compatible stores need it), else false. */
  forcePathStyle?: boolean;
  /** Uploads of the transfer engine on shipkit's own HTTP path (put.ts) where it can (default true); false: every request through the SDK. */
  directPuts?: boolean;
}

/**
 * An S3 client for AWS or an S3-compatible store (endpoint, retries and credentials as every
 * shipkit AWS client: @shipkit/core's awsClientSettings). Callers get their store client from
 * @shipkit/stores (createObjectStore), which chooses between S3 and Azure Blob by location.
 */
export function createS3Client(options: S3ClientOptions = {}): S3Client {
  const env = options.env ?? process.env;
  const shared = awsClientSettings('S3', options);
  const config: S3ClientConfig = {
    ...shared,
    region: options.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    forcePathStyle: options.forcePathStyle ?? !!shared.endpoint,
    // A bucket in another region than configured answers 301; follow it instead of failing.
    followRegionRedirects: true,
    // The engine decides how many requests run at once (up to MAX_CONCURRENCY): the SDK's own cap of 50 sockets would queue the rest.
    // The shared timeouts (awsClientSettings: the socket's silence, not the handler's requestTimeout, which only warns).
    requestHandler: { ...shared.requestHandler, httpAgent: { maxSockets: MAX_CONCURRENCY }, httpsAgent: { maxSockets: MAX_CONCURRENCY } },
  };
  if (shared.endpoint) {
    // S3-compatible stores often reject the SDK's default trailing checksums; send them only where S3 requires one.
    config.requestChecksumCalculation = 'WHEN_REQUIRED';
    config.responseChecksumValidation = 'WHEN_REQUIRED';
  }
  const client = new S3Client(config);
  // shipkit's middlewares live on the client, added once here, not on each of thousands of commands.
  // (Not `cacheMiddleware`: its cached handlers share one context between concurrent requests of a kind,
  // and the endpoint and signing middlewares write the bucket's endpoint into it.)
  client.middlewareStack.add(
    (next, context) => async (args) => {
      // An upload that states its content's sha256 (shipkit's `sha256` metadata, what manifests and plans
      // trust) is signed with it: SigV4's x-amz-content-sha256, instead of the signer hashing the body a
      // second time. The store checks the body against it (S3: XAmzContentSHA256Mismatch), so bytes that
      // are not what the metadata says are refused rather than stored under it.
      const sha256 = context.commandName === 'PutObjectCommand' ? (args.input as { Metadata?: Record<string, string> }).Metadata?.sha256 : undefined;
      const request = args.request as { headers?: Record<string, string> };
      if (sha256 && /^[0-9a-f]{64}$/.test(sha256) && request.headers) request.headers['x-amz-content-sha256'] = sha256;
      return next(args);
    },
    { step: 'build', name: 'shipkitPayloadHash' },
  );
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const hooks = requestHooks.get(client);
      if (hooks) for (const hook of hooks) hook(String(context.commandName ?? 'Unknown').replace(/Command$/, ''));
      return next(args);
    },
    { step: 'finalizeRequest', name: 'shipkitRequestHooks', priority: 'low' },
  );
  // The store's Date header of every answer: lease expiry is judged by the store's clock, never the runner's.
  watchStoreClock(client);
  if (options.directPuts !== false) enableDirectPuts(client, { maxSockets: MAX_CONCURRENCY, requestTimeoutMs: shared.requestHandler.socketTimeout, connectionTimeoutMs: shared.requestHandler.connectionTimeout });
  return client;
}

export interface RequestCounts {
  /** Requests by command name (PutObject, CopyObject, ListObjectsV2...), retries included. */
  byCommand: Record<string, number>;
  total: number;
  /** Writes: PutObject, UploadPart, CopyObject, CompleteMultipartUpload, DeleteObjects... */
  writes(): number;
  reset(): void;
}

const READ_COMMANDS = new Set(['GetObject', 'HeadObject', 'ListObjectsV2', 'ListObjects', 'HeadBucket', 'ListBuckets']);

/** Counts the HTTP requests a client sends (each retry counts), for tests and benchmarks. */
export function countRequests(client: S3Client): RequestCounts {
  const counts: RequestCounts = {
    byCommand: {},
    total: 0,
    writes() {
      return Object.entries(this.byCommand).reduce((sum, [name, count]) => (READ_COMMANDS.has(name) ? sum : sum + count), 0);
    },
    reset() {
      this.byCommand = {};
      this.total = 0;
    },
  };
  // Every request the client sends (S3 through its middleware, Azure Blob per operation), retries included.
  const hooks = requestHooks.get(client) ?? [];
  hooks.push((operation) => {
    counts.byCommand[operation] = (counts.byCommand[operation] ?? 0) + 1;
    counts.total++;
  });
  requestHooks.set(client, hooks);
  return counts;
}

/** Why each kind of request is made, for the plan log: every request a publish sends is one of these. */
export const REQUEST_REASONS: Record<string, string> = {
  ListObjectsV2: 'listing a prefix (1,000 keys per request) to see what is there',
  GetObject: 'reading a hash manifest (or a conditional-write probe)',
  HeadObject: 'reading the hash of an object whose size matches but is not in a manifest',
  PutObject: 'uploading a file, or writing a manifest (incomplete before changes, complete after)',
  CopyObject: 'a server-side copy: an alias file, or content the store already holds',
  CreateMultipartUpload: 'starting a multipart upload (files above 8 MiB)',
  UploadPart: 'one part of a multipart upload',
  CompleteMultipartUpload: 'finishing a multipart upload',
  DeleteObjects: 'removing stale keys (up to 1,000 per request)',
  DeleteObject: 'removing a probe or a superseded manifest',
};

/** The requests a run sent, each kind with its count and why it is made: `3 ListObjectsV2 (listing ...)`. */
export function describeRequests(counts: RequestCounts): string[] {
  return Object.entries(counts.byCommand)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, count]) => `${count} ${name} — ${REQUEST_REASONS[name] ?? 'other'}`);
}
