import type { TokenCredential } from '@azure/identity';
import { backoffDelay, errorMessage, redactedExcerpt, ShipkitError, sleep } from '@shipkit/core';

/**
 * A small Azure Resource Manager client for the few operations shipkit makes (a CDN / Front Door
 * purge, an App Service slot swap, reading and writing app settings): bearer tokens from
 * DefaultAzureCredential (azure/login's OIDC session through the az CLI, a managed identity,
 * environment credentials), retries of 429 and 5xx answers honouring Retry-After, and Azure's
 * long-running operations: a 201/202 answer is followed through its `Azure-AsyncOperation` (or
 * `Location`) URL until it Succeeded, Failed or was Canceled, within a timeout.
 *
 * Written against the REST reference rather than with @azure/arm-cdn and @azure/arm-appservice:
 * those SDKs would add several MB to every bundle for four calls.
 */

export const ARM_ENDPOINT = 'https://management.azure.com';

export interface ArmClientOptions {
  /** Default https://management.azure.com (a sovereign cloud's, or a test stand-in's, otherwise). */
  endpoint?: string;
  /** Default: DefaultAzureCredential, loaded on first use. */
  credential?: TokenCredential;
  /** Poll interval of long-running operations when the service gives no Retry-After (default 5 s). */
  pollIntervalMs?: number;
  /** How long a long-running operation may take (default 15 min). */
  timeoutMs?: number;
  /** Attempts per request on 429 / 5xx / network errors (default 4). */
  attempts?: number;
  log?: (line: string) => void;
}

export interface ArmResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface LongRunningResult {
  /** The operation's final status: Succeeded (or the answer of a call that completed at once). */
  status: string;
  /** The poll URL, when the operation ran long. */
  operation?: string;
  body?: unknown;
}

/** `code: message` of an ARM error body ({ error: { code, message } }). */
function armError(body: unknown): string | undefined {
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  if (!error) return undefined;
  return [error.code, error.message].filter(Boolean).join(': ');
}

/**
 * A long-running operation still running when its timeout passed. Nothing cancelled it: it may
 * still end, either way — a caller must not act as if it failed (e.g. reset a swap mid-way).
 */
export class ArmOperationTimeoutError extends ShipkitError {
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
    /** The poll URL of the operation (without its query). */
    readonly operation: string,
  ) {
    super(`${what} did not finish within ${Math.round(timeoutMs / 1000)}s (Azure operation ${redact(operation)} still running).`);
    this.name = 'ArmOperationTimeoutError';
    this.operation = redact(operation);
  }
}

export class ArmClient {
  readonly endpoint: string;
  private credential?: TokenCredential;
  /** The last token, reused until two minutes before it expires: the az CLI credential starts `az` on every call. */
  private cached?: { token: string; expiresOnTimestamp: number };

  constructor(private readonly options: ArmClientOptions = {}) {
    this.endpoint = (options.endpoint ?? ARM_ENDPOINT).replace(/\/+$/, '');
    this.credential = options.credential;
  }

  private async token(): Promise<string> {
    if (this.cached && this.cached.expiresOnTimestamp - Date.now() > 120_000) return this.cached.token;
    if (!this.credential) {
      const { DefaultAzureCredential } = await import('@azure/identity');
      this.credential = new DefaultAzureCredential();
    }
    let token;
    try {
      token = await this.credential.getToken(`${this.endpoint}/.default`);
    } catch (error) {
      throw new ShipkitError(`Could not get an Azure Resource Manager token: ${errorMessage(error).split('\n')[0]}`, {
        hint: 'Sign in first: azure/login with OIDC (client-id, tenant-id, subscription-id) before this step, or a managed identity.',
      });
    }
    if (!token?.token) throw new ShipkitError('Azure returned no Resource Manager token.');
    this.cached = { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
    return token.token;
  }

  /** One ARM request (absolute URL or a path under the endpoint), retried on 429, 5xx and network errors. */
  async send(method: string, pathOrUrl: string, body?: unknown): Promise<ArmResponse> {
    const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.endpoint}${pathOrUrl}`;
    const attempts = this.options.attempts ?? 4;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: { authorization: `Bearer ${await this.token()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          body: body !== undefined ? JSON.stringify(body) : undefined,
        });
      } catch (error) {
        if (error instanceof ShipkitError || attempt >= attempts) throw error instanceof ShipkitError ? error : new ShipkitError(`Could not reach Azure Resource Manager (${method} ${redact(url)}): ${errorMessage(error)}`);
        await sleep(backoffDelay(attempt, 250, 8000));
        continue;
      }
      const text = await response.text();
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      if ((response.status === 429 || response.status >= 500) && attempt < attempts) {
        await sleep(retryAfter(response.headers) ?? backoffDelay(attempt, 250, 8000));
        continue;
      }
      return { status: response.status, headers: response.headers, body: parsed };
    }
  }

  /**
   * A call that may run long: 200/204 is done; 201/202 is followed to its end (when `wait`), by
   * Azure-AsyncOperation (status InProgress -> Succeeded | Failed | Canceled) or else Location
   * (202 while running). Any other answer, and a Failed or Canceled end, throw naming `what`.
   */
  async run(method: string, path: string, body: unknown, what: string, options: { wait?: boolean } = {}): Promise<LongRunningResult> {
    const response = await this.send(method, path, body);
    this.check(response, what);
    if (response.status !== 201 && response.status !== 202) return { status: 'Succeeded', body: response.body };
    const asyncUrl = response.headers.get('azure-asyncoperation');
    const location = response.headers.get('location');
    const operation = asyncUrl ?? location ?? undefined;
    if (!operation) return { status: 'Accepted', body: response.body };
    if (options.wait === false) return { status: 'Accepted', operation };
    const deadline = Date.now() + (this.options.timeoutMs ?? 15 * 60_000);
    let delay = retryAfter(response.headers) ?? this.options.pollIntervalMs ?? 5000;
    for (;;) {
      if (Date.now() + delay > deadline) throw new ArmOperationTimeoutError(what, this.options.timeoutMs ?? 15 * 60_000, operation);
      await sleep(delay);
      const poll = await this.send('GET', operation);
      this.check(poll, `${what} (polling its operation)`);
      if (asyncUrl) {
        const status = String((poll.body as { status?: string } | undefined)?.status ?? '');
        if (status === 'Succeeded') return { status, operation };
        if (status === 'Failed' || status === 'Canceled') throw new ShipkitError(`${what} ended ${status}${armError(poll.body) ? `: ${armError(poll.body)}` : ''}.`);
        this.options.log?.(`${what}: ${status || 'in progress'}...`);
      } else if (poll.status !== 202) {
        return { status: 'Succeeded', operation, body: poll.body };
      }
      delay = retryAfter(poll.headers) ?? this.options.pollIntervalMs ?? 5000;
    }
  }

  /** Throws a ShipkitError for a non-2xx answer, with ARM's own code and message. */
  check(response: ArmResponse, what: string): void {
    if (response.status >= 200 && response.status < 300) return;
    // Redacted before it is cut: a cut secret is no longer recognisable.
    const detail = armError(response.body) ?? (typeof response.body === 'string' ? redactedExcerpt(response.body) : '');
    const hint =
      response.status === 409
        ? 'Azure refused because another operation is running on the same resource (409 Conflict): wait for it to finish, then re-run.'
        : response.status === 401 || response.status === 403
          ? 'Check the role assignment of the identity azure/login signed in with (docs/azure.md, Roles).'
          : undefined;
    throw new ShipkitError(`Azure Resource Manager refused ${what}: HTTP ${response.status}${detail ? ` ${detail}` : ''}.`, { hint });
  }
}

/** Retry-After in ms (seconds or an HTTP date), capped at 60 s. */
function retryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(60_000, Math.max(0, ms)) : undefined;
}

/** A URL without its query (poll URLs may carry signatures). */
function redact(url: string): string {
  return url.split('?')[0];
}
