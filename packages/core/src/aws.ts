/** The services shipkit talks to, as their AWS_ENDPOINT_URL_<SERVICE> variables name them. */
export type AwsService = 'S3' | 'CLOUDFRONT' | 'ELASTIC_LOAD_BALANCING_V2' | 'ECS' | 'CLOUDWATCH';

/** What every shipkit AWS client (S3, CloudFront) takes alike: where to connect, retries, credentials. */
export interface AwsClientOptions {
  /** Default: AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL; unset means AWS itself. */
  endpoint?: string;
  /** Attempts per request incl. the first (default AWS_MAX_ATTEMPTS or 5). */
  maxAttempts?: number;
  /** Explicit credentials; default the SDK's chain (env, web identity/OIDC, profiles, instance roles). */
  credentials?: AwsCredentials;
  /** Environment to read defaults from (default process.env); its AWS_ACCESS_KEY_ID/SECRET are used when given. */
  env?: NodeJS.ProcessEnv;
  /** How long a request may see no traffic on its connection, in ms (default 120 s); then it fails (and is retried). */
  requestTimeoutMs?: number;
  /** How long opening a connection may take, in ms (default 10 s). */
  connectionTimeoutMs?: number;
}

/** A request's connection may be silent this long (ms) before it fails: a store or API that stops answering ends the run with an error instead of holding it. */
export const AWS_REQUEST_TIMEOUT_MS = 120_000;
/** Opening a connection may take this long (ms). */
export const AWS_CONNECTION_TIMEOUT_MS = 10_000;

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The service's endpoint from the environment, as the AWS SDKs and CLI read it: AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL. */
export function awsEndpointFromEnv(service: AwsService, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || undefined;
}

/**
 * The client settings shipkit's AWS clients share: endpoint, attempts with the SDK's standard
 * retry strategy (5xx, throttling, timeouts, connection errors; backoff with jitter), timeouts, and
 * credentials — explicit ones, else those of an `env` passed in, else the SDK's own chain.
 *
 * The timeouts are the HTTP handler's `connectionTimeout` and `socketTimeout` (the silence allowed
 * on a request's socket). Not its `requestTimeout`: in @smithy/node-http-handler 4.x that only logs
 * a warning when exceeded, so a service that accepted a request and never answered held the run
 * until the job's own timeout.
 */
export function awsClientSettings(service: AwsService, options: AwsClientOptions = {}): {
  endpoint: string | undefined;
  maxAttempts: number;
  retryMode: 'standard';
  credentials: AwsCredentials | undefined;
  requestHandler: { connectionTimeout: number; socketTimeout: number };
} {
  const env = options.env ?? process.env;
  return {
    requestHandler: { connectionTimeout: options.connectionTimeoutMs ?? AWS_CONNECTION_TIMEOUT_MS, socketTimeout: options.requestTimeoutMs ?? AWS_REQUEST_TIMEOUT_MS },
    endpoint: options.endpoint || awsEndpointFromEnv(service, env),
    maxAttempts: options.maxAttempts ?? (Number(env.AWS_MAX_ATTEMPTS) || 5),
    retryMode: 'standard',
    credentials:
      options.credentials ??
      (options.env?.AWS_ACCESS_KEY_ID && options.env.AWS_SECRET_ACCESS_KEY
        ? { accessKeyId: options.env.AWS_ACCESS_KEY_ID, secretAccessKey: options.env.AWS_SECRET_ACCESS_KEY, sessionToken: options.env.AWS_SESSION_TOKEN }
        : undefined),
  };
}
