import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { addSecret, errorMessage, ShipkitError } from '@shipkit/core';

/**
 * Google access tokens from Application Default Credentials, as google-github-actions/auth leaves
 * them: the JSON file named by GOOGLE_APPLICATION_CREDENTIALS (or CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE,
 * GOOGLE_GHA_CREDS_PATH), of type
 *   - `external_account` (Workload Identity Federation): the subject token is read from
 *     credential_source (a URL — GitHub's OIDC token endpoint, with its headers — or a file), exchanged
 *     at token_url (STS, RFC 8693), then, with service_account_impersonation_url, exchanged for the
 *     service account's access token (IAM Credentials generateAccessToken);
 *   - `authorized_user`: the refresh token is exchanged at token_uri (default oauth2.googleapis.com);
 *   - `service_account`: a JWT signed with the private key is exchanged at token_uri.
 * Just enough of google-auth-library for the three shapes; every token and key is registered as a
 * secret (masked in the log, redacted from everything shipkit writes) as soon as it is read, and
 * errors never quote a response body that could carry one.
 */

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const DEFAULT_TOKEN_URI = 'https://oauth2.googleapis.com/token';

interface CredentialFile {
  type?: string;
  // external_account
  audience?: string;
  subject_token_type?: string;
  token_url?: string;
  service_account_impersonation_url?: string;
  credential_source?: { file?: string; url?: string; headers?: Record<string, string>; format?: { type?: string; subject_token_field_name?: string } };
  // authorized_user
  client_id?: string;
  client_secret?: string;
  refresh_token?: string;
  // service_account
  client_email?: string;
  private_key?: string;
  token_uri?: string;
}

const HINT = 'Authenticate first: google-github-actions/auth (workload_identity_provider and service_account) before this step; it sets GOOGLE_APPLICATION_CREDENTIALS.';

/** The credentials file's path, from the variables google-github-actions/auth sets. */
export function credentialsFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.GOOGLE_APPLICATION_CREDENTIALS || env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE || env.GOOGLE_GHA_CREDS_PATH || undefined;
}

/** An access token and when it expires (ms since the epoch). */
export interface GoogleToken {
  token: string;
  expiresAt: number;
}

/** POSTs a token request; the answer's body is parsed, never quoted in errors (it may hold a token). */
async function tokenRequest(url: string, what: string, init: { body: string; contentType: string; authorization?: string }): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': init.contentType, ...(init.authorization ? { authorization: init.authorization } : {}) }, body: init.body });
  } catch (error) {
    throw new ShipkitError(`Could not reach ${what} (${url.split('?')[0]}): ${errorMessage(error)}`, { hint: HINT });
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: reported by status only
  }
  for (const key of ['access_token', 'accessToken', 'id_token']) if (typeof body[key] === 'string') addSecret(body[key] as string);
  if (!response.ok) {
    // OAuth errors are { error, error_description }; Google APIs' { error: { message, status } }. Neither carries a token.
    const error = body.error as unknown;
    const detail = typeof error === 'string' ? `${error}${typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}` : typeof (error as { message?: unknown })?.message === 'string' ? (error as { message: string }).message : '';
    throw new ShipkitError(`${what} refused the credentials: HTTP ${response.status}${detail ? ` ${detail}` : ''}.`, { hint: HINT });
  }
  return body;
}

function expiry(body: Record<string, unknown>): number {
  if (typeof body.expires_in === 'number') return Date.now() + body.expires_in * 1000;
  // expireTime is on Google's clock; the runner's may be behind (or ahead): never trust it past the
  // lifetime asked for (3600s), measured on the runner's own clock.
  if (typeof body.expireTime === 'string' && Number.isFinite(Date.parse(body.expireTime))) return Math.min(Date.parse(body.expireTime), Date.now() + 3_600_000);
  return Date.now() + 3_000_000;
}

async function subjectToken(source: NonNullable<CredentialFile['credential_source']>): Promise<string> {
  let text: string;
  if (source.url) {
    for (const value of Object.values(source.headers ?? {})) addSecret(value);
    let response: Response;
    try {
      response = await fetch(source.url, { headers: source.headers ?? {} });
    } catch (error) {
      throw new ShipkitError(`Could not read the workload identity subject token from ${source.url.split('?')[0]}: ${errorMessage(error)}`, { hint: HINT });
    }
    text = await response.text();
    if (!response.ok) throw new ShipkitError(`The workload identity subject token URL ${source.url.split('?')[0]} answered HTTP ${response.status}.`, { hint: 'The job needs `permissions: id-token: write` for GitHub to issue an OIDC token.' });
  } else if (source.file) {
    try {
      text = readFileSync(source.file, 'utf8');
    } catch (error) {
      throw new ShipkitError(`Could not read the workload identity subject token file: ${errorMessage(error).split(':')[0]}.`, { hint: HINT });
    }
  } else {
    throw new ShipkitError('The external_account credentials have no credential_source.url or .file.', { hint: HINT });
  }
  let token = text.trim();
  if (source.format?.type === 'json') {
    const field = source.format.subject_token_field_name ?? 'value';
    try {
      token = String((JSON.parse(text) as Record<string, unknown>)[field] ?? '');
    } catch {
      token = '';
    }
  }
  if (!token) throw new ShipkitError('The workload identity subject token is empty.', { hint: HINT });
  addSecret(token);
  return token;
}

function serviceAccountAssertion(credentials: CredentialFile, tokenUri: string): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ iss: credentials.client_email, scope: CLOUD_PLATFORM_SCOPE, aud: tokenUri, iat: now, exp: now + 3600 })}`;
  let signature: string;
  try {
    signature = createSign('RSA-SHA256').update(unsigned).sign(credentials.private_key!).toString('base64url');
  } catch {
    throw new ShipkitError('The service_account credentials\' private_key could not sign a token request (not a PEM private key).', { hint: HINT });
  }
  return `${unsigned}.${signature}`;
}

/** An access token for the cloud-platform scope from the credentials file (read on every call: tokens are cached by the caller). */
export async function googleAccessToken(env: NodeJS.ProcessEnv = process.env): Promise<GoogleToken> {
  const file = credentialsFile(env);
  if (!file) throw new ShipkitError('No Google credentials: GOOGLE_APPLICATION_CREDENTIALS is not set.', { hint: HINT });
  let credentials: CredentialFile;
  try {
    credentials = JSON.parse(readFileSync(file, 'utf8')) as CredentialFile;
  } catch (error) {
    // Never the file's content: it holds keys.
    throw new ShipkitError(`Could not read the Google credentials file named by GOOGLE_APPLICATION_CREDENTIALS: ${error instanceof SyntaxError ? 'not JSON' : errorMessage(error).split(',')[0]}.`, { hint: HINT });
  }
  for (const secret of [credentials.private_key, credentials.refresh_token, credentials.client_secret]) addSecret(secret);
  switch (credentials.type) {
    case 'external_account': {
      if (!credentials.token_url || !credentials.audience || !credentials.subject_token_type || !credentials.credential_source) {
        throw new ShipkitError('The external_account credentials lack token_url, audience, subject_token_type or credential_source.', { hint: HINT });
      }
      const subject = await subjectToken(credentials.credential_source);
      const sts = await tokenRequest(credentials.token_url, 'The security token service', {
        contentType: 'application/x-www-form-urlencoded',
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
          audience: credentials.audience,
          scope: CLOUD_PLATFORM_SCOPE,
          requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          subject_token_type: credentials.subject_token_type,
          subject_token: subject,
        }).toString(),
      });
      if (typeof sts.access_token !== 'string') throw new ShipkitError('The security token service returned no access_token.', { hint: HINT });
      if (!credentials.service_account_impersonation_url) return { token: sts.access_token, expiresAt: expiry(sts) };
      const impersonated = await tokenRequest(credentials.service_account_impersonation_url, 'IAM Credentials (service account impersonation)', {
        contentType: 'application/json',
        authorization: `Bearer ${sts.access_token}`,
        body: JSON.stringify({ scope: [CLOUD_PLATFORM_SCOPE], lifetime: '3600s' }),
      });
      if (typeof impersonated.accessToken !== 'string') throw new ShipkitError('IAM Credentials returned no accessToken for the service account.', { hint: 'The workload identity pool\'s principal needs roles/iam.workloadIdentityUser on the service account.' });
      return { token: impersonated.accessToken, expiresAt: expiry(impersonated) };
    }
    case 'authorized_user': {
      if (!credentials.refresh_token || !credentials.client_id || !credentials.client_secret) throw new ShipkitError('The authorized_user credentials lack client_id, client_secret or refresh_token.', { hint: HINT });
      const body = await tokenRequest(credentials.token_uri ?? DEFAULT_TOKEN_URI, 'The Google OAuth token endpoint', {
        contentType: 'application/x-www-form-urlencoded',
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: credentials.client_id, client_secret: credentials.client_secret, refresh_token: credentials.refresh_token }).toString(),
      });
      if (typeof body.access_token !== 'string') throw new ShipkitError('The Google OAuth token endpoint returned no access_token.', { hint: HINT });
      return { token: body.access_token, expiresAt: expiry(body) };
    }
    case 'service_account': {
      if (!credentials.client_email || !credentials.private_key) throw new ShipkitError('The service_account credentials lack client_email or private_key.', { hint: HINT });
      const tokenUri = credentials.token_uri ?? DEFAULT_TOKEN_URI;
      const body = await tokenRequest(tokenUri, 'The Google OAuth token endpoint', {
        contentType: 'application/x-www-form-urlencoded',
        body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: serviceAccountAssertion(credentials, tokenUri) }).toString(),
      });
      if (typeof body.access_token !== 'string') throw new ShipkitError('The Google OAuth token endpoint returned no access_token.', { hint: HINT });
      return { token: body.access_token, expiresAt: expiry(body) };
    }
    default:
      throw new ShipkitError(`The Google credentials file has type ${JSON.stringify(credentials.type ?? null)}: expected external_account (workload identity federation), authorized_user or service_account.`, { hint: HINT });
  }
}
