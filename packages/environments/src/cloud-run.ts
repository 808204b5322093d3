import { createHash } from 'node:crypto';
import { runner, backoffDelay, errorMessage, formatDuration, invalidInput, parseTimeout, pollDelay, redactedExcerpt, ShipkitError, sleep, type CloudRunConfig } from '@shipkit/core';
import { containerImageRefs } from './ecs.js';
import { googleAccessToken, type GoogleToken } from './google-auth.js';

/**
 * Google Cloud Run through the Cloud Run Admin API v2 (REST, https://run.googleapis.com/v2): the
 * service's settings, validated; a small client for services.get / services.patch, the long-running
 * operations they return, and revisions.get; and the traffic arithmetic the cloud-run target and
 * router share. Written against the REST reference rather than with @google-cloud/run: that SDK
 * (gRPC, protobufs) would add megabytes to every bundle for four calls.
 */

export const CLOUD_RUN_ENDPOINT = 'https://run.googleapis.com';
export const DEFAULT_CLOUD_RUN_TIMEOUT = '10m';
export const ALLOCATION_REVISION = 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION';
export const ALLOCATION_LATEST = 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST';

/** The Cloud Run service of an environment, validated. */
export interface CloudRunTarget {
  project: string;
  region: string;
  service: string;
  /** Container name -> image name in build-images' images output. */
  containerImages: Record<string, string>;
  timeoutMs: number;
  endpoint: string;
  /** The config field, for errors. */
  field: string;
}

/** services.traffic[] (TrafficTarget) and services.trafficStatuses[] (TrafficTargetStatus, with its uri). */
export interface CloudRunTraffic {
  type?: string;
  revision?: string;
  percent?: number;
  tag?: string;
  uri?: string;
}

export interface CloudRunContainer {
  name?: string;
  image?: string;
  [field: string]: unknown;
}

export interface CloudRunCondition {
  type?: string;
  state?: string;
  message?: string;
  reason?: string;
  revisionReason?: string;
  lastTransitionTime?: string;
}

export interface CloudRunService {
  name?: string;
  uri?: string;
  etag?: string;
  template?: { revision?: string; containers?: CloudRunContainer[]; [field: string]: unknown };
  traffic?: CloudRunTraffic[];
  trafficStatuses?: CloudRunTraffic[];
  latestReadyRevision?: string;
  latestCreatedRevision?: string;
  reconciling?: boolean;
  [field: string]: unknown;
}

export interface CloudRunRevision {
  name?: string;
  containers?: CloudRunContainer[];
  conditions?: CloudRunCondition[];
  reconciling?: boolean;
  [field: string]: unknown;
}

interface Operation {
  name?: string;
  done?: boolean;
  error?: { code?: number; message?: string };
  response?: unknown;
}

const PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const REGION = /^[a-z]+-[a-z]+\d+$/;
const SERVICE = /^[a-z](?:[a-z0-9-]{0,47}[a-z0-9])?$/;
const CONTAINER = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IMAGE_NAME = /^[a-z0-9][a-z0-9._/-]*$/;

/** `cloud-run: { project, region, service, container-images, timeout, endpoint }`, every field checked before anything changes. */
export function resolveCloudRunTarget(config: CloudRunConfig | undefined, fieldPrefix: string): CloudRunTarget {
  const field = `${fieldPrefix}.cloud-run`;
  if (!config) throw new ShipkitError(`${field} is required for target cloud-run: { project, region, service, container-images }.`);
  if (typeof config.project !== 'string' || !PROJECT.test(config.project)) throw invalidInput(`${field}.project`, config.project, 'a Google Cloud project id (6-30 lower-case letters, digits and hyphens, starting with a letter)');
  if (typeof config.region !== 'string' || !REGION.test(config.region)) throw invalidInput(`${field}.region`, config.region, 'a Cloud Run region such as europe-west1');
  if (typeof config.service !== 'string' || !SERVICE.test(config.service)) throw invalidInput(`${field}.service`, config.service, 'a Cloud Run service name (up to 49 lower-case letters, digits and hyphens, starting with a letter)');
  const images = config['container-images'];
  if (!images || typeof images !== 'object' || !Object.keys(images).length) throw new ShipkitError(`${field}.container-images is required: which container runs which image, e.g. { app: shop-web } (image names as in build-images' images output).`);
  for (const [container, image] of Object.entries(images)) {
    if (!CONTAINER.test(container)) throw invalidInput(`${field}.container-images.${container}`, container, 'a container name of the service (lower-case letters, digits and hyphens)');
    if (typeof image !== 'string' || !IMAGE_NAME.test(image)) throw invalidInput(`${field}.container-images.${container}`, image, "an image name from build-images' images output (e.g. shop-web)");
  }
  const timeoutMs = parseTimeout(config.timeout ?? DEFAULT_CLOUD_RUN_TIMEOUT, `${field}.timeout`);
  if (timeoutMs > 6 * 3_600_000) throw invalidInput(`${field}.timeout`, config.timeout, 'a duration of at most 6h (a GitHub job runs at most 6h)');
  if (config.endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(config.endpoint)) throw invalidInput(`${field}.endpoint`, config.endpoint, 'an http(s) URL');
  return { project: config.project, region: config.region, service: config.service, containerImages: images, timeoutMs, endpoint: (config.endpoint ?? CLOUD_RUN_ENDPOINT).replace(/\/+$/, ''), field };
}

/**
 * The revision a release runs as: `<service>-<release, in lower-case letters, digits and hyphens>-<6 hex
 * of the release's SHA-256>` (63 characters at most). The same release always has the same revision,
 * and two releases never share one (`v1.2.3` and `v1-2-3` differ in the hash).
 */
export function revisionName(service: string, release: string): string {
  const hash = createHash('sha256').update(release).digest('hex').slice(0, 6);
  const room = 63 - service.length - 2 - hash.length;
  const slug = release.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, Math.max(0, room)).replace(/-+$/, '');
  return slug ? `${service}-${slug}-${hash}` : `${service}-${hash}`;
}

/** A revision's short name (traffic targets carry it; latestReadyRevision is the full resource name). */
export function shortRevision(name: string | undefined): string | undefined {
  return name ? name.split('/').pop() : undefined;
}

/** The service's traffic with `LATEST` entries pinned to the revision they resolve to now, so a new revision takes none of it. */
export function pinnedTraffic(service: CloudRunService): CloudRunTraffic[] {
  const latest = shortRevision(service.latestReadyRevision);
  return (service.traffic ?? []).map((entry) => {
    const pinned: CloudRunTraffic = { type: ALLOCATION_REVISION, revision: entry.revision, ...(entry.percent ? { percent: entry.percent } : {}), ...(entry.tag ? { tag: entry.tag } : {}) };
    if (entry.type !== ALLOCATION_LATEST) return pinned;
    if (!latest) throw new ShipkitError(`Cloud Run service ${service.name ?? '?'} sends traffic to its latest revision, and has no ready revision to pin it to.`, { hint: 'Deploy a working revision once (gcloud run deploy), then let shipkit take over.' });
    return { ...pinned, revision: latest };
  });
}

/** The share (percent) of traffic each revision gets, as the service reports it (trafficStatuses; its spec when none). */
export function trafficShares(service: CloudRunService): Map<string, number> {
  const shares = new Map<string, number>();
  const entries = service.trafficStatuses?.length ? service.trafficStatuses : (service.traffic ?? []);
  for (const entry of entries) {
    const revision = entry.type === ALLOCATION_LATEST ? shortRevision(service.latestReadyRevision) : entry.revision;
    if (!revision || !entry.percent) continue;
    shares.set(revision, (shares.get(revision) ?? 0) + entry.percent);
  }
  return shares;
}

/** The revision a traffic tag points at (and its URL), as the service reports it. */
export function taggedRevision(service: CloudRunService, tag: string): { revision: string; uri?: string } | undefined {
  const status = service.trafficStatuses?.find((entry) => entry.tag === tag && entry.revision);
  const spec = service.traffic?.find((entry) => entry.tag === tag && entry.revision);
  const entry = status ?? spec;
  return entry?.revision ? { revision: entry.revision, ...(status?.uri ? { uri: status.uri } : {}) } : undefined;
}

/** Two traffic lists say the same (order, and entries of 0% without a tag, aside). */
export function sameTraffic(a: CloudRunTraffic[], b: CloudRunTraffic[]): boolean {
  const key = (list: CloudRunTraffic[]) =>
    list
      .filter((entry) => entry.percent || entry.tag)
      .map((entry) => `${entry.type === ALLOCATION_LATEST ? 'LATEST' : entry.revision}|${entry.percent ?? 0}|${entry.tag ?? ''}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

/** `revision: 10%, other: 90%`, for logs and errors. */
export function describeShares(shares: Map<string, number>): string {
  return [...shares].map(([revision, percent]) => `${revision}: ${percent}%`).join(', ') || 'no traffic';
}

export interface CloudRunClientOptions {
  /** Default: Application Default Credentials (google-github-actions/auth). */
  token?: () => Promise<GoogleToken>;
  /** Poll interval of operations and revisions (default 1 s, growing to 5 s). */
  pollMs?: number;
  /** Attempts per request on 429 / 5xx / network errors (default 4). */
  attempts?: number;
  log?: (line: string) => void;
}

/** The error Cloud Run answers with ({ error: { code, message, status } }). */
function apiError(body: unknown): string | undefined {
  const error = (body as { error?: { message?: string; status?: string } } | undefined)?.error;
  if (!error) return undefined;
  return [error.status, error.message].filter(Boolean).join(': ');
}

/** Cloud Run refused a services.patch (4xx, e.g. 409 ABORTED on a stale etag): nothing of it was written. */
export class CloudRunRefusedError extends ShipkitError {}

/** Raised while waiting when the step was cancelled. */
export class CloudRunCancelledError extends ShipkitError {}

/**
 * The Cloud Run Admin API v2 calls shipkit makes on one service. Tokens are cached until two
 * minutes before they expire; 429 and 5xx answers are retried with backoff.
 */
export class CloudRunClient {
  readonly serviceName: string;
  private cached?: GoogleToken;
  readonly log: (line: string) => void;

  constructor(
    readonly target: CloudRunTarget,
    private readonly options: CloudRunClientOptions = {},
  ) {
    this.serviceName = `projects/${target.project}/locations/${target.region}/services/${target.service}`;
    this.log = options.log ?? ((line) => runner.info(line));
  }

  private async token(fresh = false): Promise<string> {
    if (fresh) this.cached = undefined;
    if (this.cached && this.cached.expiresAt - Date.now() > 120_000) return this.cached.token;
    this.cached = await (this.options.token ?? (() => googleAccessToken()))();
    return this.cached.token;
  }

  /**
   * One request, retried on 429 / 5xx / network errors: `attempts` times, or, with `until` (the
   * deadline of a wait: operation polls, revision reads), as long as the wait has time left, so a
   * blip of the API while a revision starts does not fail a deploy whose change is under way. A 401
   * gets one retry with a new token: a token Google already considers expired (the runner's clock
   * behind Google's, a revoked token) is not reused until the cached expiry.
   */
  private async send(method: string, path: string, what: string, body?: unknown, until?: number): Promise<{ status: number; body: unknown }> {
    const url = `${this.target.endpoint}/v2/${path}`;
    const attempts = this.options.attempts ?? 4;
    let refreshed = false;
    const retry = async (attempt: number): Promise<boolean> => {
      const delay = backoffDelay(attempt, 250, 8000);
      if (attempt >= attempts && !(until !== undefined && Date.now() + delay < until)) return false;
      await sleep(delay);
      return true;
    };
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, { method, headers: { authorization: `Bearer ${await this.token()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body !== undefined ? JSON.stringify(body) : undefined });
      } catch (error) {
        if (error instanceof ShipkitError) throw error;
        if (!(await retry(attempt))) throw new ShipkitError(`Could not reach the Cloud Run Admin API for ${what} (${method} ${url.split('?')[0]}): ${errorMessage(error)}`);
        continue;
      }
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      if (response.status === 401 && !refreshed) {
        refreshed = true;
        await this.token(true);
        attempt--;
        continue;
      }
      if ((response.status === 429 || response.status >= 500) && (await retry(attempt))) continue;
      return { status: response.status, body: parsed };
    }
  }

  private check(response: { status: number; body: unknown }, what: string): void {
    if (response.status >= 200 && response.status < 300) return;
    // Redacted before it is cut: a cut secret is no longer recognisable.
    const detail = apiError(response.body) ?? (typeof response.body === 'string' ? redactedExcerpt(response.body) : '');
    const hint =
      response.status === 401
        ? 'Google refused the access token (expired or revoked) even after a new one was fetched: re-run google-github-actions/auth in this job, and check the runner\'s clock.'
        : response.status === 403
        ? `The identity google-github-actions/auth signed in with needs roles/run.developer on ${this.serviceName} (or its project) and roles/iam.serviceAccountUser on the service's runtime service account (docs/adopt.md, Cloud Run).`
        : response.status === 404
          ? `Check ${this.target.field}.project, .region and .service: shipkit deploys to an existing service.`
          : response.status === 409
            ? 'The service changed between reading and writing it (another deploy?); re-run.'
            : undefined;
    throw new ShipkitError(`Cloud Run refused ${what}: HTTP ${response.status}${detail ? ` ${detail}` : ''}.`, { hint });
  }

  async getService(until?: number): Promise<CloudRunService> {
    const response = await this.send('GET', this.serviceName, `reading service ${this.target.service}`, undefined, until);
    this.check(response, `reading service ${this.serviceName}`);
    return response.body as CloudRunService;
  }

  /** The revision, or undefined when there is none of that name. */
  async getRevision(revision: string, until?: number): Promise<CloudRunRevision | undefined> {
    const response = await this.send('GET', `${this.serviceName}/revisions/${revision}`, `reading revision ${revision}`, undefined, until);
    if (response.status === 404) return undefined;
    this.check(response, `reading revision ${revision}`);
    return response.body as CloudRunRevision;
  }

  /**
   * services.patch with the service as read (its etag: a concurrent change is refused, not
   * overwritten) and `change` applied, then the long-running operation waited for; returns the
   * service as it is afterwards.
   */
  async patchService(service: CloudRunService, change: Pick<CloudRunService, 'template' | 'traffic'>, what: string, deadline: number, signal?: AbortSignal): Promise<CloudRunService> {
    const body: CloudRunService = { ...service, ...change };
    for (const status of ['trafficStatuses', 'terminalCondition', 'conditions', 'observedGeneration', 'latestReadyRevision', 'latestCreatedRevision', 'reconciling', 'uri', 'urls', 'createTime', 'updateTime', 'generation', 'uid', 'creator', 'lastModifier']) delete body[status];
    const response = await this.send('PATCH', this.serviceName, what, body);
    try {
      this.check(response, what);
    } catch (error) {
      if (response.status >= 400 && response.status < 500 && error instanceof ShipkitError) throw new CloudRunRefusedError(error.message, { hint: error.hint, cause: error });
      throw error;
    }
    await this.waitOperation(response.body as Operation, what, deadline, signal);
    return this.getService(deadline);
  }

  /** How long to wait before poll number `poll` (the configured interval, else pollDelay up to 5 s), never past the deadline. */
  private delayBefore(poll: number, deadline: number): number {
    return Math.min(this.options.pollMs ?? pollDelay(poll, 5000), Math.max(1, deadline - Date.now()));
  }

  private async waitOperation(operation: Operation, what: string, deadline: number, signal?: AbortSignal): Promise<void> {
    let current = operation;
    for (let poll = 0; !current.done; poll++) {
      if (signal?.aborted) throw new CloudRunCancelledError(`Cancelled while waiting for ${what} (operation ${current.name ?? '?'} still running).`);
      if (Date.now() >= deadline) throw new ShipkitError(`${what} did not finish within ${formatDuration(this.target.timeoutMs)} (operation ${current.name ?? '?'} still running).`, { hint: `Raise ${this.target.field}.timeout if the service needs longer.` });
      await sleep(this.delayBefore(poll, deadline), signal);
      if (signal?.aborted) continue;
      if (!current.name) throw new ShipkitError(`Cloud Run answered ${what} with an operation without a name.`);
      const response = await this.send('GET', current.name, `polling ${what}`, undefined, deadline);
      this.check(response, `polling ${what}`);
      current = response.body as Operation;
    }
    if (current.error) throw new ShipkitError(`${what} failed: ${current.error.message ?? `code ${current.error.code}`}.`);
  }

  /** Waits until the revision's Ready condition succeeded; its failure, or the deadline, throws with the condition's message. */
  async waitRevisionReady(revision: string, deadline: number, signal?: AbortSignal): Promise<CloudRunRevision> {
    let last = '';
    for (let poll = 0; ; poll++) {
      if (signal?.aborted) throw new CloudRunCancelledError(`Cancelled while waiting for revision ${revision} to become Ready.`);
      const described = await this.getRevision(revision, deadline);
      const ready = described?.conditions?.find((condition) => condition.type === 'Ready');
      const state = `${ready?.state ?? 'no Ready condition yet'}${ready?.message ? `: ${ready.message}` : ''}`;
      if (state !== last) this.log(`Revision ${revision}: ${state}.`);
      last = state;
      if (ready?.state === 'CONDITION_SUCCEEDED') return described!;
      if (ready?.state === 'CONDITION_FAILED') {
        throw new ShipkitError(`Revision ${revision} did not become Ready: ${ready.message ?? ready.reason ?? 'no message'}${ready.revisionReason ? ` (${ready.revisionReason})` : ''}.`, {
          hint: 'The revision\'s logs (Cloud Logging, resource cloud_run_revision) usually name the cause: the container did not listen on $PORT, crashed at start, or could not pull its image.',
        });
      }
      if (Date.now() >= deadline) {
        throw new ShipkitError(`Revision ${revision} did not become Ready within ${formatDuration(this.target.timeoutMs)}: ${ready?.message ?? ready?.state ?? 'no Ready condition'}.`, { hint: `Raise ${this.target.field}.timeout if the revision needs longer to start.` });
      }
      await sleep(this.delayBefore(poll, deadline), signal);
    }
  }

  /** Writes the traffic and reads it back; throws when the service reports otherwise. */
  async setTraffic(traffic: CloudRunTraffic[], what: string, signal?: AbortSignal): Promise<CloudRunService> {
    const service = await this.getService();
    const deadline = Date.now() + this.target.timeoutMs;
    const after = await this.patchService(service, { traffic }, what, deadline, signal);
    const reported = after.trafficStatuses?.length ? after.trafficStatuses : (after.traffic ?? []);
    if (!sameTraffic(reported, traffic)) throw new ShipkitError(`${what}: the service reports traffic ${describeShares(trafficShares(after))}, not what was written.`);
    return after;
  }
}

/** The image references of the release for each mapped container (`<repository>@<digest>`, never a tag). */
export function cloudRunImageRefs(target: CloudRunTarget, images: unknown): Record<string, string> {
  return containerImageRefs({ containerImages: target.containerImages, field: target.field }, images);
}

export interface RevisionResult {
  revision: string;
  /** Whether this call created it (false: it existed already, from an earlier deploy of the release). */
  created: boolean;
}

/**
 * The release's revision, Ready: when it exists (an earlier deploy of the release), it is checked to
 * run the release's digests and reused — nothing is created; otherwise the service's template is
 * patched with the containers' images pinned to the digests and the revision's name, and its traffic
 * pinned as it is (so the new revision takes none), and both the operation and the revision's Ready
 * condition are waited for within the timeout.
 */
export async function ensureRevision(client: CloudRunClient, release: string, images: unknown, signal?: AbortSignal): Promise<RevisionResult> {
  const target = client.target;
  const revision = revisionName(target.service, release);
  const deadline = Date.now() + target.timeoutMs;
  const existing = await client.getRevision(revision);
  const refs = images === undefined ? undefined : cloudRunImageRefs(target, images);
  if (existing) {
    if (refs) {
      const off = Object.entries(refs).filter(([container, ref]) => existing.containers?.find((entry) => entry.name === container)?.image !== ref);
      if (off.length) {
        throw new ShipkitError(`Revision ${revision} of ${target.service} exists and runs ${off.map(([container]) => `${container}: ${existing.containers?.find((entry) => entry.name === container)?.image ?? 'nothing'}`).join(', ')}, not release ${release}'s ${off.map(([container, ref]) => `${container}: ${ref}`).join(', ')}.`, {
          hint: 'A release name always means the same images: build a new release (a new tag or commit) instead.',
        });
      }
    }
    client.log(`Revision ${revision} of ${release} exists already: reused, nothing created.`);
    await client.waitRevisionReady(revision, deadline, signal);
    return { revision, created: false };
  }
  if (!refs) {
    throw new ShipkitError(`Cloud Run service ${target.service} has no revision ${revision} for release ${release}, and no images were given to create one.`, {
      hint: "Deploy the release with build-images' images output (deploy-env's images input).",
    });
  }
  const service = await client.getService();
  const containers = (service.template?.containers ?? []).map((container) => ({ ...container }));
  for (const [name, ref] of Object.entries(refs)) {
    const container = containers.find((entry) => entry.name === name);
    if (!container) throw new ShipkitError(`${target.field}.container-images names container ${JSON.stringify(name)}, but service ${target.service} has ${containers.map((entry) => JSON.stringify(entry.name ?? '')).join(', ') || 'no containers'}.`);
    container.image = ref;
  }
  const traffic = pinnedTraffic(service);
  client.log(`Creating revision ${revision} of ${target.service} (${Object.entries(refs).map(([container, ref]) => `${container}: ${ref}`).join(', ')}); traffic stays ${describeShares(trafficShares(service))}.`);
  try {
    await client.patchService(service, { template: { ...service.template, revision, containers }, traffic }, `the update of service ${target.service} to revision ${revision}`, deadline, signal);
  } catch (error) {
    if (error instanceof CloudRunCancelledError) throw error;
    // The operation failed or ran out of time: the revision's Ready condition says why.
    const ready = (await client.getRevision(revision).catch(() => undefined))?.conditions?.find((condition) => condition.type === 'Ready');
    if (!ready?.message || errorMessage(error).includes(ready.message)) throw error;
    throw new ShipkitError(`${errorMessage(error).replace(/\.$/, '')}; revision ${revision} is not Ready (${ready.state ?? '?'}): ${ready.message}`, { hint: error instanceof ShipkitError ? error.hint : undefined, cause: error });
  }
  await client.waitRevisionReady(revision, deadline, signal);
  return { revision, created: true };
}

/** Checks a cloud-run change before anything is written: the service exists and is readable; for a deploy, every mapped image has a digest and every mapped container exists. */
export async function checkCloudRunTarget(client: CloudRunClient, images: unknown, deploy: boolean): Promise<CloudRunService> {
  const target = client.target;
  if (deploy) {
    if (images === undefined) {
      throw new ShipkitError(`Input "images" is required for a cloud-run target: build-images' images output, whose digests the new revision runs (${target.field}).`, {
        hint: 'images: ${{ steps.build.outputs.images }} (or from-release, to reuse a deployed release\'s images).',
      });
    }
    cloudRunImageRefs(target, images);
  }
  const service = await client.getService();
  if (deploy) {
    const containers = (service.template?.containers ?? []).map((container) => container.name ?? '');
    for (const container of Object.keys(target.containerImages)) {
      if (!containers.includes(container)) throw new ShipkitError(`${target.field}.container-images names container ${JSON.stringify(container)}, but service ${target.service} has ${containers.map((name) => JSON.stringify(name)).join(', ') || 'no containers'}.`);
    }
  }
  return service;
}
