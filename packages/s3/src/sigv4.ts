import { createHmac, createSecretKey, hash, type KeyObject } from 'node:crypto';

/**
 * AWS Signature Version 4 for the direct upload path (put.ts): the same Authorization the SDK's
 * signer (@smithy/signature-v4, as S3 uses it: the path signed as sent, the payload hash given in
 * x-amz-content-sha256) computes for a request, at a fraction of its cost. Per request the SDK's
 * signer clones the request and computes two HMACs keyed by strings or bytes (one only to look up
 * its cache of signing keys) — on Node 24 an HMAC keyed by bytes costs ~30 µs of key preparation,
 * ten times the HMAC itself. Here the day's signing key is derived once per credentials and date,
 * held as a KeyObject, and a request costs one SHA-256 and one HMAC.
 *
 * The equality with the SDK's signer is a test (packages/s3/test/sigv4.test.ts, key by key and
 * header by header); moto with authentication on checks the signatures it sends.
 */

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Headers the SDK never signs (its ALWAYS_UNSIGNABLE_HEADERS), and the proxy-/sec- prefixes. */
const UNSIGNABLE = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);
const unsignable = (name: string): boolean => UNSIGNABLE.has(name) || name.startsWith('proxy-') || name.startsWith('sec-');

/** A header value as SigV4 canonicalises it (the SDK's getCanonicalHeaders). */
const canonicalValue = (value: string): string => value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');

/** `20261207T120000Z` for a date. */
export function longDateOf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export class RequestSigner {
  private cached?: { credentials: SigningCredentials; shortDate: string; key: KeyObject };

  constructor(
    private readonly options: {
      service: string;
      region: string;
      /** The client's credentials provider (called per request: the SDK's providers memoise and refresh). */
      credentials: () => Promise<SigningCredentials>;
    },
  ) {}

  /** The region the requests are signed for. */
  get region(): string {
    return this.options.region;
  }

  /**
   * Signs a request with no query string. `headers`: lower-case names, without authorization,
   * x-amz-date or x-amz-security-token; `path` as sent (already encoded); `payloadHash` the body's
   * sha256 (hex), which the caller also sends as x-amz-content-sha256. Returns the headers to send:
   * the given ones plus x-amz-date, x-amz-security-token (temporary credentials) and authorization.
   */
  async sign(request: { method: string; path: string; headers: Record<string, string> }, payloadHash: string, date: Date): Promise<Record<string, string>> {
    const credentials = await this.options.credentials();
    if (typeof credentials?.accessKeyId !== 'string' || typeof credentials.secretAccessKey !== 'string') throw new Error('Resolved credential object is not valid');
    const longDate = longDateOf(date);
    const shortDate = longDate.slice(0, 8);
    const scope = `${shortDate}/${this.options.region}/${this.options.service}/aws4_request`;
    const headers: Record<string, string> = { ...request.headers, 'x-amz-date': longDate };
    if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
    const signed = Object.keys(headers)
      .filter((name) => !unsignable(name))
      .sort();
    const canonicalRequest = `${request.method}\n${request.path}\n\n${signed.map((name) => `${name}:${canonicalValue(headers[name]!)}`).join('\n')}\n\n${signed.join(';')}\n${payloadHash}`;
    const stringToSign = `AWS4-HMAC-SHA256\n${longDate}\n${scope}\n${hash('sha256', canonicalRequest, 'hex')}`;
    const signature = createHmac('sha256', this.signingKey(credentials, shortDate)).update(stringToSign).digest('hex');
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`;
    return headers;
  }

  /** The day's signing key for these credentials, derived once (new credentials or a new day derive it again). */
  private signingKey(credentials: SigningCredentials, shortDate: string): KeyObject {
    const cached = this.cached;
    if (
      cached &&
      cached.shortDate === shortDate &&
      cached.credentials.accessKeyId === credentials.accessKeyId &&
      cached.credentials.secretAccessKey === credentials.secretAccessKey
    ) {
      return cached.key;
    }
    let key: Buffer = createHmac('sha256', `AWS4${credentials.secretAccessKey}`).update(shortDate).digest();
    for (const part of [this.options.region, this.options.service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
    this.cached = { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }, shortDate, key: createSecretKey(key) };
    return this.cached.key;
  }
}
