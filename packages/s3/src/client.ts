import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

export interface S3ClientOptions {
  /** Default: AWS_REGION, AWS_DEFAULT_REGION, then us-east-1. */
  region?: string;
  /** Default: AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL; unset means AWS itself. */
  endpoint?: string;
  /** Default: true when a custom endpoint is used (most S3-compatible stores need it), else false. */
  forcePathStyle?: boolean;
  /** Attempts per request incl. the first (default AWS_MAX_ATTEMPTS or 5). */
  maxAttempts?: number;
  /** Per-request socket timeout in ms (default 120 s); connection timeout is 10 s. */
  requestTimeoutMs?: number;
  /** Explicit credentials; default the SDK's chain (env, web identity/OIDC, profiles, instance roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Environment to read defaults from (default process.env); its AWS_ACCESS_KEY_ID/SECRET are used when given. */
  env?: NodeJS.ProcessEnv;
}

/**
 * An S3 client for AWS or an S3-compatible store. Credentials come from the standard AWS
 * environment (env vars, OIDC web identity, profiles). The SDK's standard retry strategy retries
 * 5xx, throttling, timeouts and connection errors with exponential backoff and jitter.
 */
export function createS3Client(options: S3ClientOptions = {}): S3Client {
  const env = options.env ?? process.env;
  const endpoint = options.endpoint || env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined;
  const config: S3ClientConfig = {
    region: options.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    endpoint,
    forcePathStyle: options.forcePathStyle ?? !!endpoint,
    maxAttempts: options.maxAttempts ?? (Number(env.AWS_MAX_ATTEMPTS) || 5),
    retryMode: 'standard',
    // A bucket in another region than configured answers 301; follow it instead of failing.
    followRegionRedirects: true,
    credentials:
      options.credentials ??
      (options.env?.AWS_ACCESS_KEY_ID && options.env.AWS_SECRET_ACCESS_KEY
        ? { accessKeyId: options.env.AWS_ACCESS_KEY_ID, secretAccessKey: options.env.AWS_SECRET_ACCESS_KEY, sessionToken: options.env.AWS_SESSION_TOKEN }
        : undefined),
    requestHandler: { connectionTimeout: 10_000, requestTimeout: options.requestTimeoutMs ?? 120_000 },
  };
  if (endpoint) {
    // S3-compatible stores often reject the SDK's default trailing checksums; send them only where S3 requires one.
    config.requestChecksumCalculation = 'WHEN_REQUIRED';
    config.responseChecksumValidation = 'WHEN_REQUIRED';
  }
  return new S3Client(config);
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
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
      counts.byCommand[name] = (counts.byCommand[name] ?? 0) + 1;
      counts.total++;
      return next(args);
    },
    { step: 'finalizeRequest', name: 'shipkitRequestCounter', priority: 'low' },
  );
  return counts;
}
