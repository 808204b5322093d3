/**
 * The direct path's SigV4 signer (src/sigv4.ts) against the SDK's (@smithy/signature-v4, configured
 * as S3 uses it for these requests): for the same request, credentials and date, the headers sent
 * are the same, Authorization included, character for character. moto with authentication on
 * checks real requests signed by it (put.test.ts; the test services' IAM calls).
 */
import { describe, expect, test } from '@jest/globals';
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { longDateOf, RequestSigner, type SigningCredentials } from '../src/sigv4.js';
import { encodeKey } from '../src/put.js';

/** SHA-256 and HMAC-SHA-256 from Node's crypto, in the shape the SDK's signer takes. */
class NodeSha256 {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}
const bytes = (data: string | ArrayBuffer | ArrayBufferView): Buffer | string =>
  typeof data === 'string' ? data : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const KEYS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

async function sdkHeaders(credentials: SigningCredentials, region: string, service: string, path: string, headers: Record<string, string>, date: Date): Promise<Record<string, string>> {
  const signer = new SignatureV4({ service, region, credentials, sha256: NodeSha256, uriEscapePath: false, applyChecksum: false });
  const signed = await signer.sign({ method: 'PUT', protocol: 'https:', hostname: 'bucket.s3.amazonaws.com', path, query: {}, headers }, { signingDate: date });
  return signed.headers as Record<string, string>;
}

const base = (body: string): Record<string, string> => ({ host: 'bucket.s3.eu-west-1.amazonaws.com', 'content-length': String(body.length), 'x-amz-content-sha256': sha(body) });

describe('the direct path signs as the SDK signs', () => {
  test.each([
    ['a plain key', 'index.html', {}, KEYS],
    ['odd key characters', "a b/plus+semi;hash#q?pct%20!'()*~ü日本.txt", {}, KEYS],
    ['content headers and metadata', 'assets/app.js', { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable', 'content-encoding': 'gzip', 'x-amz-meta-sha256': sha('x') }, KEYS],
    ['values with runs of spaces, tabs and edge blanks', 'k', { 'content-type': '  text/plain;\t\tcharset=utf-8  ', 'x-amz-meta-note': 'a   b\tc' }, KEYS],
    ['temporary credentials (session token signed)', 'k', { 'content-type': 'text/plain' }, { ...KEYS, sessionToken: 'FwoGZXIvYXdzEBYaDH+token/with=chars' }],
    ['unsignable headers left out (user-agent, expect, proxy-, sec-)', 'k', { 'user-agent': 'shipkit', expect: '100-continue', 'proxy-authorization': 'x', 'sec-fetch-mode': 'cors' }, KEYS],
  ])('%s', async (_name, key, extra, credentials) => {
    const body = 'the body\n';
    const path = `/${encodeKey(key)}`;
    const headers = { ...base(body), ...extra };
    for (const date of [new Date('2026-12-07T09:08:07.654Z'), new Date('2027-01-01T00:00:00.000Z'), new Date('2026-02-28T23:59:59.999Z')]) {
      const signer = new RequestSigner({ service: 's3', region: 'eu-west-1', credentials: async () => credentials });
      const ours = await signer.sign({ method: 'PUT', path, headers }, sha(body), date);
      expect(ours).toEqual(await sdkHeaders(credentials, 'eu-west-1', 's3', path, headers, date));
      expect(ours['x-amz-date']).toBe(longDateOf(date));
    }
  });

  test('the signing key follows the date and the credentials (one signer across midnight and a key rotation)', async () => {
    let credentials: SigningCredentials = KEYS;
    const signer = new RequestSigner({ service: 's3', region: 'us-east-1', credentials: async () => credentials });
    const headers = base('x');
    const moments = [new Date('2026-12-07T23:59:59Z'), new Date('2026-12-08T00:00:01Z')];
    for (const rotate of [false, true]) {
      if (rotate) credentials = { accessKeyId: 'AKIAROTATED000000000', secretAccessKey: 'another/secret', sessionToken: 'token-2' };
      for (const date of moments) {
        expect(await signer.sign({ method: 'PUT', path: '/k', headers }, sha('x'), date)).toEqual(await sdkHeaders(credentials, 'us-east-1', 's3', '/k', headers, date));
      }
    }
    // Same access key, new secret (a provider that refreshes the secret alone): a new signing key.
    credentials = { ...credentials, secretAccessKey: 'third/secret' };
    expect(await signer.sign({ method: 'PUT', path: '/k', headers }, sha('x'), moments[1]!)).toEqual(await sdkHeaders(credentials, 'us-east-1', 's3', '/k', headers, moments[1]!));
  });

  test('the given headers are not changed and no credential reaches the headers but the access key id and session token', async () => {
    const headers = base('x');
    const copy = { ...headers };
    const signed = await new RequestSigner({ service: 's3', region: 'us-east-1', credentials: async () => ({ ...KEYS, sessionToken: 'tok' }) }).sign({ method: 'PUT', path: '/k', headers }, sha('x'), new Date());
    expect(headers).toEqual(copy);
    expect(JSON.stringify(signed)).not.toContain(KEYS.secretAccessKey);
    expect(signed['x-amz-security-token']).toBe('tok');
  });

  test.each([
    ['no credentials', undefined],
    ['no secret', { accessKeyId: 'a' }],
  ])('%s: refused as the SDK refuses', async (_name, credentials) => {
    const signer = new RequestSigner({ service: 's3', region: 'us-east-1', credentials: async () => credentials as unknown as SigningCredentials });
    await expect(signer.sign({ method: 'PUT', path: '/k', headers: base('x') }, sha('x'), new Date())).rejects.toThrow('Resolved credential object is not valid');
  });
});
