/**
 * Cloud Run's pure parts (revision names, settings, traffic pinning) and the Application Default
 * Credentials token exchange for authorized_user and service_account files, against a token
 * endpoint STAND-IN (a local HTTP server answering as oauth2.googleapis.com/token does; it checks
 * the grant and, for service accounts, the JWT's RS256 signature with the account's public key).
 * The external_account (Workload Identity Federation) path runs through the bundles in
 * test/cloud-run.test.ts.
 */
import { createVerify, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { registeredSecrets } from '@shipkit/core';
import { googleAccessToken, pinnedTraffic, resolveCloudRunTarget, revisionName } from '../src/index.js';

describe('revisionName: a release always has the same revision, two releases never share one', () => {
  test.each([
    ['shop-web', 'v1.2.3', /^shop-web-v1-2-3-[0-9a-f]{6}$/],
    ['shop-web', 'main-3f9c2ab', /^shop-web-main-3f9c2ab-[0-9a-f]{6}$/],
    ['shop-web', 'Feature/UPPER_case', /^shop-web-feature-upper-case-[0-9a-f]{6}$/],
    ['shop-web', '...', /^shop-web-[0-9a-f]{6}$/],
    ['a'.repeat(49), 'v1.2.3-rc.1+build.5', new RegExp(`^${'a'.repeat(49)}-v1-2-3-[0-9a-f]{6}$`)],
  ])('%s / %s', (service, release, expected) => {
    const name = revisionName(service, release);
    expect(name).toMatch(expected);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^[a-z](?:[a-z0-9-]*[a-z0-9])?$/);
    expect(revisionName(service, release)).toBe(name);
  });

  test('releases that read alike get different revisions', () => {
    expect(revisionName('shop-web', 'v1.2.3')).not.toBe(revisionName('shop-web', 'v1-2-3'));
    expect(revisionName('shop-web', `main-${'x'.repeat(80)}a`)).not.toBe(revisionName('shop-web', `main-${'x'.repeat(80)}b`));
  });
});

describe('resolveCloudRunTarget: every field checked, naming it', () => {
  const good = { project: 'shop-prod-123', region: 'europe-west1', service: 'shop-web', 'container-images': { app: 'shop-web' } };
  test.each([
    ['project', { ...good, project: 'Shop' }, /environments\.prod\.cloud-run\.project has an invalid value "Shop": expected a Google Cloud project id/],
    ['region', { ...good, region: 'europe west' }, /cloud-run\.region has an invalid value "europe west": expected a Cloud Run region such as europe-west1/],
    ['service', { ...good, service: `s${'x'.repeat(49)}` }, /cloud-run\.service has an invalid value "sx+": expected a Cloud Run service name \(up to 49/],
    ['container', { ...good, 'container-images': { App_1: 'shop-web' } }, /cloud-run\.container-images\.App_1 has an invalid value "App_1": expected a container name/],
    ['image', { ...good, 'container-images': { app: 'Shop Web' } }, /cloud-run\.container-images\.app has an invalid value "Shop Web": expected an image name/],
    ['no images', { ...good, 'container-images': {} }, /cloud-run\.container-images is required/],
    ['timeout', { ...good, timeout: '7h' }, /cloud-run\.timeout has an invalid value "7h": expected a duration of at most 6h/],
    ['endpoint', { ...good, endpoint: 'run.googleapis.com' }, /cloud-run\.endpoint has an invalid value "run\.googleapis\.com": expected an http\(s\) URL/],
  ])('%s', (_field, config, message) => {
    expect(() => resolveCloudRunTarget(config, '.github/shipkit.yml: environments.prod')).toThrow(message);
  });

  test('defaults: 10 minutes, the public endpoint', () => {
    expect(resolveCloudRunTarget(good, 'environments.prod')).toMatchObject({ timeoutMs: 600_000, endpoint: 'https://run.googleapis.com', field: 'environments.prod.cloud-run' });
  });
});

describe('pinnedTraffic: a new revision takes none of the traffic', () => {
  const name = 'projects/p/locations/europe-west1/services/shop-web';
  test('LATEST becomes the revision it resolves to now; revision entries and tags stay', () => {
    expect(
      pinnedTraffic({
        name,
        latestReadyRevision: `${name}/revisions/shop-web-00007-abc`,
        traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 90 }, { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: 'shop-web-00006-xyz', percent: 10, tag: 'blue' }, { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: 'shop-web-00005-old', tag: 'green' }],
      }),
    ).toEqual([
      { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: 'shop-web-00007-abc', percent: 90 },
      { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: 'shop-web-00006-xyz', percent: 10, tag: 'blue' },
      { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: 'shop-web-00005-old', tag: 'green' },
    ]);
  });

  test('LATEST without a ready revision is refused', () => {
    expect(() => pinnedTraffic({ name, traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }] })).toThrow(/sends traffic to its latest revision, and has no ready revision to pin it to/);
  });
});

describe('googleAccessToken: Application Default Credentials files (token endpoint stand-in)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-adc-'));
  let server: http.Server;
  let endpoint = '';
  const seen: URLSearchParams[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        seen.push(form);
        const answer = (status: number, value: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        };
        if (form.get('grant_type') === 'refresh_token') {
          if (form.get('refresh_token') !== '1//refresh-token-of-the-user' || form.get('client_secret') !== 'client-secret-value') return answer(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
          return answer(200, { access_token: 'ya29.user-access-token-value', expires_in: 3599, token_type: 'Bearer' });
        }
        if (form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
          const [header, claims, signature] = (form.get('assertion') ?? '').split('.');
          const valid = createVerify('RSA-SHA256').update(`${header}.${claims}`).verify(publicKey, Buffer.from(signature ?? '', 'base64url'));
          const decoded = JSON.parse(Buffer.from(claims ?? '', 'base64url').toString()) as { iss?: string; aud?: string; scope?: string };
          if (!valid || decoded.iss !== 'deployer@shop-prod-123.iam.gserviceaccount.com' || decoded.aud !== `${endpoint}/token` || decoded.scope !== 'https://www.googleapis.com/auth/cloud-platform') return answer(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
          return answer(200, { access_token: 'ya29.service-account-access-token', expires_in: 3599, token_type: 'Bearer' });
        }
        return answer(400, { error: 'unsupported_grant_type' });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const file = (name: string, content: unknown) => {
    const at = path.join(dir, name);
    writeFileSync(at, typeof content === 'string' ? content : JSON.stringify(content));
    return { GOOGLE_APPLICATION_CREDENTIALS: at };
  };

  test.each([
    ['authorized_user', () => ({ type: 'authorized_user', client_id: 'client-id.apps.googleusercontent.com', client_secret: 'client-secret-value', refresh_token: '1//refresh-token-of-the-user', token_uri: `${endpoint}/token` }), 'ya29.user-access-token-value'],
    ['service_account', () => ({ type: 'service_account', client_email: 'deployer@shop-prod-123.iam.gserviceaccount.com', private_key: privateKey, token_uri: `${endpoint}/token` }), 'ya29.service-account-access-token'],
  ])('%s: exchanged for an access token, every credential registered as a secret', async (type, content, token) => {
    const result = await googleAccessToken(file(`${type}.json`, content()));
    expect(result.token).toBe(token);
    expect(result.expiresAt).toBeGreaterThan(Date.now() + 3_000_000);
    expect(registeredSecrets()).toEqual(expect.arrayContaining([token]));
    if (type === 'service_account') expect(registeredSecrets()).toEqual(expect.arrayContaining([privateKey.trim()]));
    else expect(registeredSecrets()).toEqual(expect.arrayContaining(['1//refresh-token-of-the-user', 'client-secret-value']));
  });

  test.each([
    ['no credentials file', {}, /No Google credentials: GOOGLE_APPLICATION_CREDENTIALS is not set/],
    ['a file that is not JSON', () => file('broken.json', '{"private_key": "-----BEGIN'), /Could not read the Google credentials file named by GOOGLE_APPLICATION_CREDENTIALS: not JSON/],
    ['an unknown type', () => file('unknown.json', { type: 'impersonated_service_account' }), /has type "impersonated_service_account": expected external_account \(workload identity federation\), authorized_user or service_account/],
    ['a revoked refresh token', () => file('revoked.json', { type: 'authorized_user', client_id: 'c', client_secret: 'client-secret-value', refresh_token: '1//revoked-refresh-token', token_uri: `${endpoint}/token` }), /The Google OAuth token endpoint refused the credentials: HTTP 400 invalid_grant: Token has been expired or revoked\./],
    ['a key that is not one', () => file('badkey.json', { type: 'service_account', client_email: 'deployer@shop-prod-123.iam.gserviceaccount.com', private_key: 'not a key at all', token_uri: `${endpoint}/token` }), /private_key could not sign a token request \(not a PEM private key\)/],
  ])('%s is refused, without quoting the file', async (_name, env, message) => {
    const variables = typeof env === 'function' ? env() : env;
    const error = await googleAccessToken(variables).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/BEGIN|revoked-refresh-token|client-secret-value/);
  });
});
