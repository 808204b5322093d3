/**
 * STAND-IN for Google Cloud Run (nothing of Google Cloud runs on this machine): a small HTTP server
 * answering, in the shapes of the Cloud Run Admin API v2 REST reference, the calls shipkit makes —
 *   - services.get / services.patch (GET / PATCH /v2/projects/{p}/locations/{l}/services/{s}): a patch
 *     checks the etag (409 ABORTED when the service changed since it was read), the template's
 *     revision name (`<service>-...`, not an existing revision with other images: 409 ALREADY_EXISTS)
 *     and the traffic (percentages summing to 100, known revisions, unique tags: 400
 *     INVALID_ARGUMENT); it answers a google.longrunning.Operation. A new template creates a
 *     revision. The spec (`traffic`) changes at once, `trafficStatuses` (with a `uri` per tag) when
 *     the operation is done, as on Cloud Run;
 *   - operations.get (GET /v2/projects/{p}/locations/{l}/operations/{id}): not done for
 *     `operationPolls` polls (default 0: done at the first poll; `slowNext` makes one operation take longer), then done,
 *     with `error` when the revision failed;
 *   - revisions.get / revisions.list: each revision's containers and its `Ready` condition:
 *     CONDITION_SUCCEEDED once its operation is done, unless scripted (`scriptNext`) to fail
 *     (CONDITION_FAILED with a message, its operation ending with that error, as Cloud Run does) or
 *     to hang (CONDITION_RECONCILING with a message, its operation never done);
 *   - 403 PERMISSION_DENIED for the next request of a method (`denyNext`); 503 UNAVAILABLE for the
 *     next operation polls (`unavailablePolls`); a scripted non-JSON answer to the next request of a
 *     method (`respondNext`, e.g. a proxy's error page); access tokens that Google considers expired
 *     after `tokenUses` Admin API requests (401 UNAUTHENTICATED; IAM Credentials then issues a new
 *     one), while the expireTime it reported is an hour ahead on Google's clock;
 *   - the token endpoints of Workload Identity Federation as google-github-actions/auth uses them:
 *     GitHub's OIDC token URL (GET /oidc?audience=..., bearer the request token), STS (POST
 *     /sts/v1/token, form-encoded token exchange) and IAM Credentials generateAccessToken (POST
 *     /iamcredentials/v1/projects/-/serviceAccounts/{sa}:generateAccessToken); the Admin API accepts
 *     only the impersonated token;
 *   - serving: /serve/{service}/ answers as the revision the traffic split picks (deterministically
 *     spread by the percentages), /serve/{service}/tag/{tag}/ as the tagged revision; a revision in
 *     `failing` answers 500. Its body names the revision and its image.
 * Limits: one region's services in memory, no IAM (any caller with the token may do anything), no
 * scaling, instances or cold starts, URLs are http://127.0.0.1 paths instead of
 * https://<tag>---<service>-<hash>.a.run.app hosts, no updateMask or validateOnly, no revision
 * garbage collection. It records every request (method, path, body) for the tests.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './index.js';

export const RUN_TOKEN = 'ya29.standin-impersonated-access-token-0123456789';
export const STS_TOKEN = 'standin-federated-sts-token-abcdefghij';
export const OIDC_REQUEST_TOKEN = 'standin-actions-id-token-request-token';
export const OIDC_JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL3Rva2VuLmFjdGlvbnMuZ2l0aHVidXNlcmNvbnRlbnQuY29tIn0.c3RhbmRpbi1zaWduYXR1cmU';

export interface RunTraffic {
  type?: string;
  revision?: string;
  percent?: number;
  tag?: string;
  uri?: string;
}

export interface RunRevision {
  name: string;
  containers: Array<{ name?: string; image?: string }>;
  ready: 'CONDITION_SUCCEEDED' | 'CONDITION_FAILED' | 'CONDITION_RECONCILING';
  message?: string;
  createTime: string;
}

export interface RunService {
  name: string;
  etag: string;
  generation: number;
  template: { revision?: string; containers: Array<{ name?: string; image?: string; [field: string]: unknown }>; [field: string]: unknown };
  traffic: RunTraffic[];
  trafficStatuses: RunTraffic[];
  latestReadyRevision?: string;
  latestCreatedRevision?: string;
  revisions: Map<string, RunRevision>;
  labels: Record<string, string>;
}

export interface RunRequest {
  method: string;
  path: string;
  body?: unknown;
  token?: string;
}

export type RevisionScript = { mode: 'fail'; message: string } | { mode: 'hang'; message: string };

export interface CloudRunStandIn {
  /** http://127.0.0.1:<port>: the cloud-run endpoint for configs. */
  endpoint: string;
  requests: RunRequest[];
  services: Map<string, RunService>;
  /** Polls an operation answers done: false before it is done (default 0). */
  operationPolls: number;
  /** The next operation takes this many polls instead. */
  slowNext?: number;
  /** The next revision created fails or never becomes Ready. */
  scriptNext?: RevisionScript;
  /** The next request of this method gets 403 PERMISSION_DENIED. */
  denyNext?: string;
  /** The next this many operation polls answer 503 UNAVAILABLE. */
  unavailablePolls: number;
  /** The next request of this method gets this answer (body built from the caller's bearer token). */
  respondNext?: { method: string; status: number; body: (token: string | undefined) => string };
  /** Runs once, just before the next PATCH is handled: someone else's change landing between shipkit's read and write. */
  beforeNextPatch?: (service: RunService) => void;
  /** An impersonated token stops being accepted after this many Admin API requests (undefined: never). */
  tokenUses?: number;
  /** The impersonated tokens IAM Credentials issued, in order. */
  issuedTokens: string[];
  /** Ends every hanging operation now (its revision becomes Ready), as a slow start finally does. */
  unhang(): void;
  /** Revisions that answer 500 when served. */
  failing: Set<string>;
  /** Creates a service (what the team's infrastructure code did): one Ready revision, all traffic to LATEST. */
  createService(project: string, region: string, service: string, containers: Array<{ name: string; image: string }>): void;
  service(name: string): RunService;
  /** Writes a WIF credentials file (external_account) as google-github-actions/auth does, and returns the env it sets. */
  credentials(): Record<string, string>;
  stop(): Promise<void>;
}

const fullName = (project: string, region: string, service: string) => `projects/${project}/locations/${region}/services/${service}`;

export async function startCloudRunStandIn(): Promise<CloudRunStandIn> {
  const operations = new Map<string, { polls: number; needed: number; service: string; revision?: string; finish: () => void; done: boolean; error?: { code: number; message: string }; hang?: boolean }>();
  const counters = new Map<string, number>();
  const tokenUses = new Map<string, number>();
  const state: CloudRunStandIn = {
    endpoint: '',
    requests: [],
    services: new Map(),
    operationPolls: 0,
    unavailablePolls: 0,
    issuedTokens: [],
    failing: new Set(),
    createService(project, region, service, containers) {
      const name = fullName(project, region, service);
      const first = `${service}-00001-boo`;
      const revisions = new Map<string, RunRevision>([[first, { name: first, containers: containers.map((container) => ({ ...container })), ready: 'CONDITION_SUCCEEDED', createTime: new Date().toISOString() }]]);
      const entry: RunService = {
        name,
        etag: `"${randomUUID()}"`,
        generation: 1,
        template: { revision: undefined, containers: containers.map((container) => ({ ...container, ports: [{ containerPort: 8080 }] })), serviceAccount: `runtime@${project}.iam.gserviceaccount.com` },
        traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }],
        trafficStatuses: [],
        latestReadyRevision: `${name}/revisions/${first}`,
        latestCreatedRevision: `${name}/revisions/${first}`,
        revisions,
        labels: { team: 'shop' },
      };
      entry.trafficStatuses = statuses(entry);
      state.services.set(name, entry);
    },
    unhang() {
      for (const operation of operations.values()) {
        if (!operation.hang || operation.done) continue;
        operation.hang = false;
        operation.done = true;
        operation.finish();
      }
    },
    service(name) {
      const found = [...state.services.values()].find((entry) => entry.name.endsWith(`/services/${name}`));
      if (!found) throw new Error(`no service ${name}`);
      return found;
    },
    credentials() {
      const dir = tempDir('gcp-creds');
      const file = path.join(dir, 'gha-creds-standin.json');
      // The shape google-github-actions/auth writes for workload_identity_provider + service_account.
      writeFileSync(
        file,
        JSON.stringify({
          type: 'external_account',
          audience: '//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/providers/shop',
          subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
          token_url: `${state.endpoint}/sts/v1/token`,
          service_account_impersonation_url: `${state.endpoint}/iamcredentials/v1/projects/-/serviceAccounts/deployer@shop-prod-123.iam.gserviceaccount.com:generateAccessToken`,
          credential_source: { url: `${state.endpoint}/oidc?audience=https://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/providers/shop`, headers: { Authorization: `Bearer ${OIDC_REQUEST_TOKEN}` }, format: { type: 'json', subject_token_field_name: 'value' } },
        }),
      );
      return { GOOGLE_APPLICATION_CREDENTIALS: file, CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: file, GOOGLE_GHA_CREDS_PATH: file };
    },
    stop: async () => undefined,
  };

  /** trafficStatuses as Cloud Run reports them: LATEST resolved, a uri per tag. */
  function statuses(service: RunService): RunTraffic[] {
    const short = service.name.split('/').pop()!;
    return service.traffic.map((entry) => ({
      type: entry.type,
      revision: entry.type === 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST' ? service.latestReadyRevision?.split('/').pop() : entry.revision,
      ...(entry.percent ? { percent: entry.percent } : {}),
      ...(entry.tag ? { tag: entry.tag, uri: `${state.endpoint}/serve/${short}/tag/${entry.tag}/` } : {}),
    }));
  }

  function revisionBody(service: RunService, revision: RunRevision) {
    return {
      name: `${service.name}/revisions/${revision.name}`,
      uid: revision.name,
      generation: '1',
      createTime: revision.createTime,
      service: service.name,
      containers: revision.containers,
      conditions: [
        { type: 'Ready', state: revision.ready, ...(revision.message ? { message: revision.message } : {}), lastTransitionTime: revision.createTime, ...(revision.ready === 'CONDITION_FAILED' ? { reason: 'HEALTH_CHECK_CONTAINER_ERROR', revisionReason: 'HEALTH_CHECK_CONTAINER_ERROR' } : {}) },
        { type: 'ContainerHealthy', state: revision.ready },
      ],
      observedGeneration: '1',
      reconciling: revision.ready === 'CONDITION_RECONCILING',
      etag: `"${revision.name}"`,
    };
  }

  function serviceBody(service: RunService) {
    const short = service.name.split('/').pop()!;
    const reconciling = [...operations.values()].some((op) => op.service === service.name && !op.done);
    return {
      name: service.name,
      uid: short,
      generation: String(service.generation),
      labels: service.labels,
      ingress: 'INGRESS_TRAFFIC_ALL',
      launchStage: 'GA',
      template: service.template,
      traffic: service.traffic,
      observedGeneration: String(service.generation),
      terminalCondition: { type: 'Ready', state: 'CONDITION_SUCCEEDED' },
      conditions: [{ type: 'RoutesReady', state: 'CONDITION_SUCCEEDED' }],
      latestReadyRevision: service.latestReadyRevision,
      latestCreatedRevision: service.latestCreatedRevision,
      trafficStatuses: service.trafficStatuses,
      uri: `${state.endpoint}/serve/${short}/`,
      reconciling,
      etag: service.etag,
    };
  }

  const json = (res: http.ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', connection: 'close' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const error = (res: http.ServerResponse, code: number, status: string, message: string) => json(res, code, { error: { code, message, status } });

  function patch(res: http.ServerResponse, service: RunService, body: Partial<RunService> & { etag?: string }) {
    if (body.etag && body.etag !== service.etag) return error(res, 409, 'ABORTED', `Conflict for resource '${service.name.split('/').pop()}': version '${body.etag}' was specified but current version is '${service.etag}'.`);
    const short = service.name.split('/').pop()!;
    const template = body.template ?? service.template;
    const traffic = (body.traffic ?? service.traffic).map((entry) => ({ ...entry }));
    let created: RunRevision | undefined;
    if (JSON.stringify(template) !== JSON.stringify(service.template)) {
      const revision = template.revision ?? `${short}-${String(service.revisions.size + 1).padStart(5, '0')}-new`;
      if (!revision.startsWith(`${short}-`) || !/^[a-z0-9-]{1,63}$/.test(revision)) return error(res, 400, 'INVALID_ARGUMENT', `template.revision: Revision name must be prefixed by the name of the enclosing Service or Configuration with a trailing -: ${revision}`);
      if (service.revisions.has(revision)) return error(res, 409, 'ALREADY_EXISTS', `Revision named '${revision}' with different configuration already exists.`);
      created = { name: revision, containers: template.containers.map((container) => ({ name: container.name, image: container.image })), ready: 'CONDITION_RECONCILING', message: 'Deploying Revision.', createTime: new Date().toISOString() };
    }
    const total = traffic.reduce((sum, entry) => sum + (entry.percent ?? 0), 0);
    if (total !== 100) return error(res, 400, 'INVALID_ARGUMENT', `spec.traffic: Invalid value: ${total}: Traffic targets sum to ${total}, want 100`);
    const tags = traffic.filter((entry) => entry.tag).map((entry) => entry.tag!);
    if (new Set(tags).size !== tags.length) return error(res, 400, 'INVALID_ARGUMENT', 'spec.traffic: tags must be unique');
    for (const entry of traffic) {
      if (entry.type === 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST') continue;
      if (!entry.revision || (!service.revisions.has(entry.revision) && entry.revision !== created?.name)) return error(res, 400, 'INVALID_ARGUMENT', `spec.traffic: Revision '${entry.revision}' referenced in traffic not found.`);
      const target = service.revisions.get(entry.revision);
      if (target && target.ready === 'CONDITION_FAILED') return error(res, 400, 'FAILED_PRECONDITION', `Revision '${entry.revision}' is not ready and cannot serve traffic.`);
    }
    if (created) {
      service.revisions.set(created.name, created);
      service.latestCreatedRevision = `${service.name}/revisions/${created.name}`;
    }
    service.template = JSON.parse(JSON.stringify(template)) as RunService['template'];
    service.traffic = traffic;
    service.generation++;
    service.etag = `"${randomUUID()}"`;
    const script = created ? state.scriptNext : undefined;
    if (created) state.scriptNext = undefined;
    const id = randomUUID();
    const location = service.name.replace(/\/services\/.*$/, '');
    const operation = {
      polls: 0,
      needed: state.slowNext ?? state.operationPolls,
      service: service.name,
      revision: created?.name,
      done: false,
      hang: script?.mode === 'hang',
      error: undefined as { code: number; message: string } | undefined,
      finish: () => {
        if (created) {
          if (script?.mode === 'fail') {
            created.ready = 'CONDITION_FAILED';
            created.message = script.message;
            operation.error = { code: 9, message: script.message };
            return;
          }
          created.ready = 'CONDITION_SUCCEEDED';
          created.message = undefined;
          service.latestReadyRevision = `${service.name}/revisions/${created.name}`;
        }
        service.trafficStatuses = statuses(service);
      },
    };
    if (script?.mode === 'hang' && created) created.message = script.message;
    state.slowNext = undefined;
    operations.set(`${location}/operations/${id}`, operation);
    json(res, 200, { name: `${location}/operations/${id}`, metadata: { '@type': 'type.googleapis.com/google.cloud.run.v2.Service', ...serviceBody(service) }, done: false });
  }

  function serve(res: http.ServerResponse, service: RunService, revision: string | undefined) {
    const found = revision ? service.revisions.get(revision) : undefined;
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain', connection: 'close' });
      res.end('no revision');
      return;
    }
    const failing = state.failing.has(found.name);
    res.writeHead(failing ? 500 : 200, { 'content-type': 'text/html', connection: 'close', 'x-revision': found.name });
    res.end(`<html><body>revision ${found.name} image ${found.containers.map((container) => container.image).join(' ')}${failing ? ' broken' : ''}</body></html>`);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://standin');
      const text = Buffer.concat(chunks).toString();
      let body: unknown;
      try {
        body = text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        body = text;
      }
      const served = /^\/serve\/([^/]+)\/(?:tag\/([^/]+)\/)?$/.exec(url.pathname);
      if (served && req.method === 'GET') {
        const service = [...state.services.values()].find((entry) => entry.name.endsWith(`/services/${served[1]}`));
        if (!service) return error(res, 404, 'NOT_FOUND', 'no such service');
        if (served[2]) return serve(res, service, service.trafficStatuses.find((entry) => entry.tag === served[2])?.revision);
        // Spread by the percentages, deterministically: request n lands at (n * 37) mod 100.
        const n = counters.get(service.name) ?? 0;
        counters.set(service.name, n + 1);
        const point = (n * 37) % 100;
        let sum = 0;
        for (const entry of service.trafficStatuses) {
          sum += entry.percent ?? 0;
          if (point < sum) return serve(res, service, entry.revision);
        }
        return serve(res, service, undefined);
      }
      const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      state.requests.push({ method: req.method ?? '', path: url.pathname, body, token });
      // Workload Identity Federation, as google-github-actions/auth sets it up.
      if (url.pathname === '/oidc' && req.method === 'GET') {
        if (token !== OIDC_REQUEST_TOKEN) return json(res, 401, { message: 'Bad credentials' });
        return json(res, 200, { count: 1, value: OIDC_JWT });
      }
      if (url.pathname === '/sts/v1/token' && req.method === 'POST') {
        const form = new URLSearchParams(text);
        if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange' || form.get('subject_token') !== OIDC_JWT || !form.get('audience')?.startsWith('//iam.googleapis.com/')) {
          return json(res, 400, { error: 'invalid_grant', error_description: 'The subject token could not be verified.' });
        }
        return json(res, 200, { access_token: STS_TOKEN, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 3599 });
      }
      if (/^\/iamcredentials\/v1\/projects\/-\/serviceAccounts\/[^/]+:generateAccessToken$/.test(url.pathname) && req.method === 'POST') {
        if (token !== STS_TOKEN) return error(res, 401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
        // The first token is RUN_TOKEN; later ones (after one expired) RUN_TOKEN-2, -3...
        const issued = state.issuedTokens.length && state.tokenUses !== undefined ? `${RUN_TOKEN}-${state.issuedTokens.length + 1}` : RUN_TOKEN;
        state.issuedTokens.push(issued);
        tokenUses.set(issued, 0);
        return json(res, 200, { accessToken: issued, expireTime: new Date(Date.now() + 3_600_000).toISOString() });
      }
      if (!url.pathname.startsWith('/v2/')) return error(res, 404, 'NOT_FOUND', `${req.method} ${url.pathname} is not served by the stand-in.`);
      const valid = token !== undefined && (token === RUN_TOKEN || (state.tokenUses !== undefined && state.issuedTokens.includes(token)));
      const used = token !== undefined ? (tokenUses.get(token) ?? 0) : 0;
      if (!valid || (state.tokenUses !== undefined && used >= state.tokenUses)) return error(res, 401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
      tokenUses.set(token!, used + 1);
      if (state.respondNext && state.respondNext.method === req.method) {
        const scripted = state.respondNext;
        state.respondNext = undefined;
        res.writeHead(scripted.status, { 'content-type': 'text/html', connection: 'close' });
        return res.end(scripted.body(token));
      }
      const name = url.pathname.slice('/v2/'.length);
      if (state.denyNext === req.method) {
        state.denyNext = undefined;
        return error(res, 403, 'PERMISSION_DENIED', `Permission '${req.method === 'PATCH' ? 'run.services.update' : 'run.services.get'}' denied on resource '${name}' (or resource may not exist).`);
      }
      const operation = operations.get(name);
      if (operation && req.method === 'GET') {
        if (state.unavailablePolls > 0) {
          state.unavailablePolls--;
          return error(res, 503, 'UNAVAILABLE', 'The service is currently unavailable.');
        }
        if (!operation.done && !operation.hang) {
          operation.polls++;
          if (operation.polls > operation.needed) {
            operation.done = true;
            operation.finish();
          }
        }
        const service = state.services.get(operation.service)!;
        return json(res, 200, {
          name,
          metadata: { '@type': 'type.googleapis.com/google.cloud.run.v2.Service', ...serviceBody(service) },
          done: operation.done,
          ...(operation.done ? (operation.error ? { error: operation.error } : { response: { '@type': 'type.googleapis.com/google.cloud.run.v2.Service', ...serviceBody(service) } }) : {}),
        });
      }
      const revisionMatch = /^(projects\/[^/]+\/locations\/[^/]+\/services\/[^/]+)\/revisions(?:\/([^/]+))?$/.exec(name);
      if (revisionMatch && req.method === 'GET') {
        const service = state.services.get(revisionMatch[1]);
        if (!service) return error(res, 404, 'NOT_FOUND', `Resource '${revisionMatch[1].split('/').pop()}' of kind 'SERVICE' does not exist.`);
        if (!revisionMatch[2]) return json(res, 200, { revisions: [...service.revisions.values()].reverse().map((revision) => revisionBody(service, revision)) });
        const revision = service.revisions.get(revisionMatch[2]);
        if (!revision) return error(res, 404, 'NOT_FOUND', `Resource '${revisionMatch[2]}' of kind 'REVISION' in region '${name.split('/')[3]}' in project '${name.split('/')[1]}' does not exist.`);
        return json(res, 200, revisionBody(service, revision));
      }
      const service = state.services.get(name);
      if (/^projects\/[^/]+\/locations\/[^/]+\/services\/[^/]+$/.test(name)) {
        if (!service) return error(res, 404, 'NOT_FOUND', `Resource '${name.split('/').pop()}' of kind 'SERVICE' in region '${name.split('/')[3]}' in project '${name.split('/')[1]}' does not exist.`);
        if (req.method === 'GET') return json(res, 200, serviceBody(service));
        if (req.method === 'PATCH') {
          const interleaved = state.beforeNextPatch;
          state.beforeNextPatch = undefined;
          interleaved?.(service);
          return patch(res, service, (body ?? {}) as Partial<RunService>);
        }
      }
      return error(res, 404, 'NOT_FOUND', `${req.method} ${url.pathname} is not served by the stand-in.`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  state.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
