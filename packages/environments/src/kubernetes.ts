import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { runner, addSecret, errorMessage, exec, formatDuration, pollDelay, redactedExcerpt, ShipkitError, sleep } from '@shipkit/core';

/**
 * The Kubernetes API, spoken over HTTPS with node's own client (a deviation from the issue's
 * "@kubernetes/client-node": see docs/adopt.md, Kubernetes). Credentials come from a kubeconfig
 * (`KUBECONFIG`, else ~/.kube/config) and its context, as azure/aks-set-context,
 * google-github-actions/get-gke-credentials and `aws eks update-kubeconfig` leave it: a token (or
 * token file), a client certificate and key, basic auth, or an exec credential plugin (run with an
 * argument array). Every token, key and password is registered as a secret before it is used.
 */

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; generation?: number; [key: string]: unknown };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface KubeConnection {
  /** The API server, without a trailing slash. */
  server: string;
  context: string;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  token?: string;
  /** `user:password`, base64 (basic auth). */
  basic?: string;
  insecure: boolean;
  tlsServerName?: string;
}

interface KubeconfigFile {
  'current-context'?: string;
  contexts?: Array<{ name: string; context?: { cluster?: string; user?: string; namespace?: string } }>;
  clusters?: Array<{ name: string; cluster?: Record<string, unknown> }>;
  users?: Array<{ name: string; user?: Record<string, unknown> }>;
}

/** The kubeconfig files: `KUBECONFIG` (a list, like kubectl: the first file defining a name wins), else ~/.kube/config. */
export function kubeconfigFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const list = (env.KUBECONFIG ?? '').split(path.delimiter).filter(Boolean);
  return list.length ? list : [path.join(env.HOME ?? os.homedir(), '.kube', 'config')];
}

function readKubeconfigs(files: string[]): { config: Required<Pick<KubeconfigFile, 'contexts' | 'clusters' | 'users'>> & { current?: string }; dirs: Map<unknown, string> } {
  const merged = { contexts: [] as NonNullable<KubeconfigFile['contexts']>, clusters: [] as NonNullable<KubeconfigFile['clusters']>, users: [] as NonNullable<KubeconfigFile['users']>, current: undefined as string | undefined };
  const dirs = new Map<unknown, string>();
  let found = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    found++;
    let parsed: KubeconfigFile;
    try {
      parsed = (YAML.parse(text) ?? {}) as KubeconfigFile;
    } catch (error) {
      // The YAML error quotes no value of the file (it may hold a token): only where it is.
      throw new ShipkitError(`The kubeconfig ${file} is not valid YAML (${errorMessage(error).split('\n')[0]?.replace(/:.*$/, '')}).`);
    }
    merged.current ??= parsed['current-context'] || undefined;
    for (const kind of ['contexts', 'clusters', 'users'] as const) {
      for (const entry of parsed[kind] ?? []) {
        if (!entry?.name || (merged[kind] as Array<{ name: string }>).some((known) => known.name === entry.name)) continue;
        (merged[kind] as unknown[]).push(entry);
        dirs.set(entry, path.dirname(file));
      }
    }
  }
  if (!found) {
    throw new ShipkitError(`No kubeconfig found (looked at ${files.join(', ')}).`, {
      hint: 'Set up cluster credentials before this step (azure/aks-set-context, google-github-actions/get-gke-credentials, `aws eks update-kubeconfig`, or a kubeconfig from a secret written to a file named by KUBECONFIG).',
    });
  }
  return { config: merged, dirs };
}

const data = (value: unknown): Buffer | undefined => (typeof value === 'string' && value ? Buffer.from(value, 'base64') : undefined);

/**
 * The connection of the kubeconfig context `context` (default: current-context), or of the context
 * whose cluster's server is `server`. `field` names the config field in errors.
 */
export async function loadKubeconfig(options: { context?: string; server?: string; field: string; env?: NodeJS.ProcessEnv }): Promise<KubeConnection> {
  const files = kubeconfigFiles(options.env);
  const { config, dirs } = readKubeconfigs(files);
  const clusterOf = (name: string | undefined) => config.clusters.find((cluster) => cluster.name === name);
  let context: NonNullable<KubeconfigFile['contexts']>[number] | undefined;
  if (options.server) {
    const server = options.server.replace(/\/+$/, '');
    context = config.contexts.find((candidate) => String(clusterOf(candidate.context?.cluster)?.cluster?.server ?? '').replace(/\/+$/, '') === server);
    if (!context) {
      throw new ShipkitError(`${options.field}.server has an invalid value ${JSON.stringify(options.server)}: expected the server of a cluster in the kubeconfig (${config.clusters.map((cluster) => String(cluster.cluster?.server ?? '?')).join(', ') || 'none'}).`);
    }
  } else {
    const name = options.context ?? config.current;
    if (!name) throw new ShipkitError(`The kubeconfig (${files.join(', ')}) has no current-context: set ${options.field}.context.`);
    context = config.contexts.find((candidate) => candidate.name === name);
    if (!context) {
      throw new ShipkitError(`${options.context ? `${options.field}.context has an invalid value ${JSON.stringify(name)}` : `The kubeconfig's current-context ${JSON.stringify(name)} is not defined`}: expected one of the kubeconfig's contexts (${config.contexts.map((candidate) => candidate.name).join(', ') || 'none'}).`);
    }
  }
  const clusterEntry = clusterOf(context.context?.cluster);
  if (!clusterEntry?.cluster?.server) throw new ShipkitError(`The kubeconfig context ${JSON.stringify(context.name)} names cluster ${JSON.stringify(context.context?.cluster)}, which the kubeconfig does not define (or it has no server).`);
  const cluster = clusterEntry.cluster;
  const userEntry = config.users.find((user) => user.name === context!.context?.user);
  const user = userEntry?.user ?? {};
  const fileOf = (owner: unknown, value: unknown): Buffer | undefined => (typeof value === 'string' && value ? readFileSync(path.resolve(dirs.get(owner) ?? '.', value)) : undefined);
  const connection: KubeConnection = {
    server: String(cluster.server).replace(/\/+$/, ''),
    context: context.name,
    ca: data(cluster['certificate-authority-data']) ?? fileOf(clusterEntry, cluster['certificate-authority']),
    insecure: cluster['insecure-skip-tls-verify'] === true,
    tlsServerName: typeof cluster['tls-server-name'] === 'string' ? cluster['tls-server-name'] : undefined,
    cert: data(user['client-certificate-data']) ?? fileOf(userEntry, user['client-certificate']),
    key: data(user['client-key-data']) ?? fileOf(userEntry, user['client-key']),
  };
  if (typeof user.token === 'string' && user.token) connection.token = user.token;
  else if (typeof user.tokenFile === 'string' && user.tokenFile) connection.token = fileOf(userEntry, user.tokenFile)!.toString('utf8').trim();
  if (typeof user.username === 'string' && typeof user.password === 'string') {
    addSecret(user.password);
    connection.basic = Buffer.from(`${user.username}:${user.password}`).toString('base64');
  }
  if (user.exec && typeof user.exec === 'object') Object.assign(connection, await execCredential(user.exec as ExecConfig, context.name));
  if (connection.token) addSecret(connection.token);
  if (connection.basic) addSecret(connection.basic);
  if (connection.key) addSecret(connection.key.toString('utf8'));
  return connection;
}

interface ExecConfig {
  command?: string;
  args?: string[];
  env?: Array<{ name: string; value: string }> | null;
}

/** Runs the kubeconfig's exec credential plugin (argument array, output never echoed) and takes its token or client certificate. */
async function execCredential(config: ExecConfig, context: string): Promise<Partial<KubeConnection>> {
  if (!config.command) throw new ShipkitError(`The kubeconfig context ${JSON.stringify(context)} has an exec credential plugin without a command.`);
  const env: Record<string, string> = { KUBERNETES_EXEC_INFO: JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', spec: { interactive: false } }) };
  for (const entry of config.env ?? []) env[entry.name] = entry.value;
  const result = await exec(config.command, config.args ?? [], { env, silent: true, label: `the kubeconfig's credential plugin ${path.basename(config.command)}` });
  let status: { token?: string; clientCertificateData?: string; clientKeyData?: string } | undefined;
  try {
    status = (JSON.parse(result.stdout) as { status?: typeof status }).status;
  } catch {
    throw new ShipkitError(`The kubeconfig's credential plugin ${path.basename(config.command)} printed no ExecCredential JSON.`);
  }
  if (status?.token) addSecret(status.token);
  if (status?.clientKeyData) addSecret(status.clientKeyData);
  return {
    ...(status?.token ? { token: status.token } : {}),
    ...(status?.clientCertificateData ? { cert: Buffer.from(status.clientCertificateData) } : {}),
    ...(status?.clientKeyData ? { key: Buffer.from(status.clientKeyData) } : {}),
  };
}

/** An answer of the API server that is not a success; `status` is the HTTP status. */
export class KubeApiError extends ShipkitError {
  constructor(
    message: string,
    readonly status: number,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }
}

interface ApiResource {
  name: string;
  namespaced: boolean;
  kind: string;
}

/** The API of one cluster: requests, discovery, server-side apply, reads. */
export class KubeClient {
  private readonly agent: http.Agent;
  private readonly discovered = new Map<string, Promise<ApiResource[]>>();

  constructor(readonly connection: KubeConnection) {
    const url = new URL(connection.server);
    this.agent =
      url.protocol === 'https:'
        ? new https.Agent({ keepAlive: true, ca: connection.ca, cert: connection.cert, key: connection.key, rejectUnauthorized: !connection.insecure, servername: connection.tlsServerName })
        : new http.Agent({ keepAlive: true });
  }

  close(): void {
    this.agent.destroy();
  }

  /** One request; JSON answers parsed; a non-2xx answer throws KubeApiError with the server's message (never a credential). */
  async request<T = unknown>(method: string, apiPath: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    const url = new URL(this.connection.server + apiPath);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'shipkit' };
    if (payload) {
      headers['content-type'] = contentType;
      headers['content-length'] = String(payload.length);
    }
    if (this.connection.token) headers.authorization = `Bearer ${this.connection.token}`;
    else if (this.connection.basic) headers.authorization = `Basic ${this.connection.basic}`;
    const client = url.protocol === 'https:' ? https : http;
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = client.request(url, { method, headers, agent: this.agent, timeout: 60_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('no answer within 60s')));
      req.on('error', (error) => reject(new ShipkitError(`Could not reach the Kubernetes API at ${this.connection.server} (context ${this.connection.context}): ${errorMessage(error)}`)));
      req.end(payload);
    });
    let parsed: unknown;
    try {
      parsed = answer.text ? JSON.parse(answer.text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (answer.status >= 200 && answer.status < 300) return parsed as T;
    const status = parsed as { message?: string; reason?: string } | undefined;
    throw new KubeApiError(`${method} ${url.pathname} answered ${answer.status}${status?.reason ? ` ${status.reason}` : ''}: ${status?.message ?? redactedExcerpt(answer.text)}`, answer.status, status?.reason);
  }

  /** The resource (plural name, namespaced) of a kind, from the API's discovery document of its group version. */
  async resourceOf(apiVersion: string, kind: string): Promise<ApiResource> {
    const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    let resources = this.discovered.get(base);
    if (!resources) {
      resources = this.request<{ resources?: ApiResource[] }>('GET', base).then((list) => (list?.resources ?? []).filter((resource) => !resource.name.includes('/')));
      this.discovered.set(base, resources);
      resources.catch(() => this.discovered.delete(base));
    }
    let found: ApiResource | undefined;
    try {
      found = (await resources).find((resource) => resource.kind === kind);
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) found = undefined;
      else throw error;
    }
    if (!found) throw new ShipkitError(`The cluster does not serve ${kind} (${apiVersion}): is its CustomResourceDefinition installed?`);
    return found;
  }

  async pathOf(object: Pick<KubeObject, 'apiVersion' | 'kind'> & { metadata: { name?: string; namespace?: string } }, namespace?: string): Promise<string> {
    const resource = await this.resourceOf(object.apiVersion, object.kind);
    const base = object.apiVersion.includes('/') ? `/apis/${object.apiVersion}` : `/api/${object.apiVersion}`;
    const ns = resource.namespaced ? `/namespaces/${encodeURIComponent(object.metadata.namespace ?? namespace ?? 'default')}` : '';
    return `${base}${ns}/${resource.name}${object.metadata.name ? `/${encodeURIComponent(object.metadata.name)}` : ''}`;
  }

  /** Server-side apply with field manager `shipkit`; `force` takes over fields another manager (kubectl, a former pipeline) owned. */
  async apply(object: KubeObject, force = true): Promise<KubeObject> {
    const where = await this.pathOf(object);
    return this.request<KubeObject>('PATCH', `${where}?fieldManager=shipkit${force ? '&force=true' : ''}`, object, 'application/apply-patch+yaml');
  }

  async get(object: Pick<KubeObject, 'apiVersion' | 'kind'> & { metadata: { name: string; namespace?: string } }): Promise<KubeObject | undefined> {
    try {
      return await this.request<KubeObject>('GET', await this.pathOf(object));
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  async list(apiVersion: string, kind: string, namespace: string, query: Record<string, string> = {}): Promise<KubeObject[]> {
    const where = await this.pathOf({ apiVersion, kind, metadata: { namespace } });
    const search = new URLSearchParams(query).toString();
    const answer = await this.request<{ items?: KubeObject[] }>('GET', `${where}${search ? `?${search}` : ''}`);
    return answer?.items ?? [];
  }
}

/** The workloads whose rollouts a deploy waits for. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

export function isWorkload(object: Pick<KubeObject, 'apiVersion' | 'kind'>): boolean {
  return object.apiVersion === 'apps/v1' && WORKLOAD_KINDS.has(object.kind);
}

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

/** Where a workload's rollout stands: done, failed (with the reason), or progressing (with a line for the log). */
export function rolloutStatus(object: KubeObject): { done: boolean; failed?: string; progress: string } {
  const spec = (object.spec ?? {}) as { replicas?: number; updateStrategy?: { type?: string } };
  const status = (object.status ?? {}) as Record<string, number | string | Condition[] | undefined>;
  const generation = object.metadata.generation ?? 0;
  const observed = Number(status.observedGeneration ?? 0);
  const name = `${object.kind.toLowerCase()}/${object.metadata.name}`;
  if (observed < generation) return { done: false, progress: `${name}: waiting for the controller to observe generation ${generation}` };
  const num = (key: string) => Number(status[key] ?? 0);
  if (object.kind === 'Deployment') {
    const progressing = ((status.conditions ?? []) as Condition[]).find((condition) => condition.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') return { done: false, failed: `${name} exceeded its progress deadline: ${progressing.message ?? 'no message'}`, progress: '' };
    const want = spec.replicas ?? 1;
    const line = `${name}: ${num('updatedReplicas')}/${want} updated, ${num('availableReplicas')} available, ${num('replicas')} total`;
    return { done: num('updatedReplicas') >= want && num('replicas') <= num('updatedReplicas') && num('availableReplicas') >= num('updatedReplicas'), progress: line };
  }
  if (object.kind === 'StatefulSet') {
    const want = spec.replicas ?? 1;
    const line = `${name}: ${num('updatedReplicas')}/${want} updated, ${num('readyReplicas')} ready`;
    if (spec.updateStrategy?.type === 'OnDelete') return { done: true, progress: line };
    const revisions = status.updateRevision === undefined || status.currentRevision === status.updateRevision;
    return { done: num('updatedReplicas') >= want && num('readyReplicas') >= want && revisions, progress: line };
  }
  // DaemonSet
  const want = num('desiredNumberScheduled');
  const line = `${name}: ${num('updatedNumberScheduled')}/${want} updated, ${num('numberAvailable')} available`;
  return { done: num('updatedNumberScheduled') >= want && num('numberAvailable') >= want, progress: line };
}

/** Why a workload's pods do not run, as the cluster tells it: waiting and terminated reasons, then Warning events. */
export async function podReasons(client: KubeClient, workload: KubeObject, namespace: string): Promise<string[]> {
  const reasons: string[] = [];
  const selector = ((workload.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)?.selector?.matchLabels) ?? {};
  const labelSelector = Object.entries(selector).map(([key, value]) => `${key}=${value}`).join(',');
  try {
    const pods = labelSelector ? await client.list('v1', 'Pod', namespace, { labelSelector }) : [];
    for (const pod of pods.slice(0, 10)) {
      const statuses = ((pod.status as { containerStatuses?: Array<{ name: string; state?: Record<string, { reason?: string; message?: string }> }> } | undefined)?.containerStatuses) ?? [];
      for (const container of statuses) {
        for (const [state, detail] of Object.entries(container.state ?? {})) {
          if (state === 'running' || !detail?.reason) continue;
          reasons.push(`pod ${pod.metadata.name} container ${container.name}: ${detail.reason}${detail.message ? ` (${detail.message})` : ''}`);
        }
      }
      const events = await client.list('v1', 'Event', namespace, { fieldSelector: `involvedObject.name=${pod.metadata.name}` });
      for (const event of events.filter((item) => item.type === 'Warning').slice(-3)) reasons.push(`pod ${pod.metadata.name} event ${String(event.reason)}: ${String(event.message ?? '')}`);
    }
  } catch (error) {
    reasons.push(`(the pods could not be read: ${errorMessage(error)})`);
  }
  return reasons;
}

/**
 * Waits until every workload's rollout is complete (observedGeneration, updated and available
 * replicas), or fails at the first ProgressDeadlineExceeded, at `timeoutMs`, or when `signal`
 * aborts — with the pods' reasons in the error.
 */
export async function waitForRollouts(client: KubeClient, workloads: KubeObject[], namespace: string, timeoutMs: number, options: { signal?: AbortSignal; pollMs?: number; log?: (line: string) => void } = {}): Promise<void> {
  const log = options.log ?? ((line: string) => runner.info(line));
  const started = Date.now();
  const pending = new Map(workloads.map((workload) => [`${workload.kind}/${workload.metadata.name}`, workload]));
  const last = new Map<string, string>();
  let poll = 0;
  const fail = async (workload: KubeObject, why: string) => {
    const reasons = await podReasons(client, workload, namespace);
    throw new ShipkitError(`The rollout of ${workload.kind.toLowerCase()}/${workload.metadata.name} in namespace ${namespace} failed: ${why}${reasons.length ? `\nPods:\n${reasons.map((reason) => `  ${reason}`).join('\n')}` : ''}`);
  };
  while (pending.size) {
    for (const [key, workload] of [...pending]) {
      const now = await client.get(workload);
      if (!now) await fail(workload, 'it does not exist any more');
      const status = rolloutStatus(now!);
      if (status.failed) await fail(now!, status.failed);
      if (status.done) {
        log(`${key.toLowerCase()} rolled out (${status.progress.replace(/^[^:]*: /, '')}).`);
        pending.delete(key);
      } else if (last.get(key) !== status.progress) {
        log(status.progress);
        last.set(key, status.progress);
      }
    }
    if (!pending.size) return;
    if (options.signal?.aborted) throw options.signal.reason instanceof Error ? options.signal.reason : new ShipkitError('Cancelled while waiting for the rollouts.');
    if (Date.now() - started >= timeoutMs) {
      const [first] = pending.values();
      await fail(first!, `not complete after ${formatDuration(timeoutMs)} (${[...pending.keys()].map((key) => last.get(key) ?? key).join('; ')})`);
    }
    const wait = options.pollMs ?? pollDelay(poll++, 5000);
    await sleep(Math.max(1, Math.min(wait, timeoutMs - (Date.now() - started))), options.signal);
  }
}
