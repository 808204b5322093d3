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
}

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
 * retry strategy (5xx, throttling, timeouts, connection errors; backoff with jitter), and
 * credentials — explicit ones, else those of an `env` passed in, else the SDK's own chain.
 */
export function awsClientSettings(service: AwsService, options: AwsClientOptions = {}): {
  endpoint: string | undefined;
  maxAttempts: number;
  retryMode: 'standard';
  credentials: AwsCredentials | undefined;
} {
  const env = options.env ?? process.env;
  return {
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
