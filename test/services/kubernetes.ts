/**
 * STAND-IN for a Kubernetes API server — no API server (nor kind, nor a container runtime) can run
 * on this machine, so tests talk to this one instead. It answers, over HTTPS with a self-signed
 * certificate and a bearer token (like a kubeconfig from a managed cluster), the subset of the API
 * shipkit uses, in the shapes of the Kubernetes API reference:
 *   - discovery: GET /api/v1 and /apis/<group>/<version> (core, apps, and — when `gatewayApi` is
 *     set — gateway.networking.k8s.io/v1, as if its CRDs were installed; 404 otherwise);
 *   - server-side apply: PATCH <object>?fieldManager=...&force=... with
 *     `application/apply-patch+yaml`, creating or replacing the object's labels, annotations, spec
 *     and data; metadata.generation grows when the spec changes; managedFields name the manager;
 *     an object another manager owns answers 409 Conflict unless force=true;
 *   - JSON merge patch (`application/merge-patch+json`) of an existing object (the router's
 *     selector move);
 *   - GET of an object, LIST of a namespace's objects with labelSelector (equality only) and
 *     fieldSelector (involvedObject.name only, for Events).
 * Limits (what it does NOT do): no field-level ownership or merge of lists (an apply replaces the
 * applied fields wholesale), no defaulting or schema validation beyond apiVersion/kind/name, no
 * WATCH, no ReplicaSets, no deletion, no admission, no RBAC (any request with the token passes).
 * Rollouts are played, not run: each GET of a Deployment whose generation is ahead of its status
 * advances its rollout by one step, following a script per Deployment (`script`): `complete`
 * after `polls` answers (updated and available replicas grow to spec.replicas), `deadline` (the
 * Progressing condition turns ProgressDeadlineExceeded; the new pods wait with `waiting`, e.g.
 * ImagePullBackOff, and a Warning event), or `hang` (never completes). Unscripted rollouts
 * complete after one answer. StatefulSets and DaemonSets roll out at the first read.
 * Pods exist only as the stand-in's report of a rollout (one per replica, carrying the template's
 * labels). The real-cluster check of all of this is the `kubernetes` job in .github/workflows/ci.yml
 * (kind), which runs the same test file against a real API server.
 */
import type http from 'node:http';
import YAML from 'yaml';
import { startHttpServer, type HttpService } from './index.js';

export type RolloutScript = { mode: 'complete' | 'hang'; polls?: number } | { mode: 'deadline'; polls?: number; waiting?: string; message?: string; event?: string };

type Obj = { apiVersion: string; kind: string; metadata: Record<string, unknown> & { name: string; namespace?: string; labels?: Record<string, string>; generation?: number }; spec?: Record<string, unknown>; status?: Record<string, unknown>; [key: string]: unknown };

interface Resource {
  name: string;
  kind: string;
  namespaced: boolean;
}

const GROUPS: Record<string, Resource[]> = {
  '/api/v1': [
    { name: 'namespaces', kind: 'Namespace', namespaced: false },
    { name: 'services', kind: 'Service', namespaced: true },
    { name: 'configmaps', kind: 'ConfigMap', namespaced: true },
    { name: 'secrets', kind: 'Secret', namespaced: true },
    { name: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true },
    { name: 'pods', kind: 'Pod', namespaced: true },
    { name: 'events', kind: 'Event', namespaced: true },
  ],
  '/apis/apps/v1': [
    { name: 'deployments', kind: 'Deployment', namespaced: true },
    { name: 'statefulsets', kind: 'StatefulSet', namespaced: true },
    { name: 'daemonsets', kind: 'DaemonSet', namespaced: true },
  ],
  '/apis/gateway.networking.k8s.io/v1': [
    { name: 'httproutes', kind: 'HTTPRoute', namespaced: true },
    { name: 'gateways', kind: 'Gateway', namespaced: true },
  ],
};

export interface KubeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType?: string;
  /** The object applied (PATCH), parsed. */
  body?: Obj;
}

export interface KubernetesStandIn {
  /** https://127.0.0.1:PORT */
  server: string;
  token: string;
  /** A kubeconfig (YAML) for this server: context `standin`, the CA as certificate-authority-data, the token. */
  kubeconfig(options?: { context?: string }): string;
  /** Scripts for the next rollouts of Deployment `name`, in order. */
  script(name: string, ...scripts: RolloutScript[]): void;
  /** The stored object, or undefined. */
  object(kind: string, namespace: string | undefined, name: string): Obj | undefined;
  /** Puts an object in as another manager would (e.g. `kubectl`, operation Update). */
  seed(object: Obj, manager?: string): void;
  requests: KubeRequest[];
  stop(): Promise<void>;
}

export async function startKubernetesStandIn(options: { token?: string; gatewayApi?: boolean } = {}): Promise<KubernetesStandIn> {
  const token = options.token ?? `standin-token-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const objects = new Map<string, Obj>();
  const scripts = new Map<string, RolloutScript[]>();
  const rollouts = new Map<string, { script: RolloutScript; polls: number }>();
  const requests: KubeRequest[] = [];
  const events: Obj[] = [];
  const keyOf = (kind: string, namespace: string | undefined, name: string) => `${kind}|${namespace ?? ''}|${name}`;
  const groups = Object.entries(GROUPS).filter(([base]) => options.gatewayApi || !base.includes('gateway'));

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const statusError = (res: http.ServerResponse, code: number, reason: string, message: string) => send(res, code, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason, message, code });

  const podsOf = (deployment: Obj): Obj[] => {
    const rollout = rollouts.get(keyOf('Deployment', deployment.metadata.namespace, deployment.metadata.name));
    const template = (deployment.spec?.template ?? {}) as { metadata?: { labels?: Record<string, string> }; spec?: { containers?: Array<{ name: string; image?: string }> } };
    const replicas = Number(deployment.spec?.replicas ?? 1);
    const failing = rollout?.script.mode === 'deadline';
    return Array.from({ length: replicas }, (_, index) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${deployment.metadata.name}-${deployment.metadata.generation ?? 1}-${index}`, namespace: deployment.metadata.namespace, labels: { ...template.metadata?.labels } },
      spec: template.spec,
      status: {
        phase: failing ? 'Pending' : 'Running',
        containerStatuses: (template.spec?.containers ?? []).map((container) => ({
          name: container.name,
          image: container.image,
          ready: !failing,
          state: failing ? { waiting: { reason: (rollout!.script as { waiting?: string }).waiting ?? 'ImagePullBackOff', message: (rollout!.script as { message?: string }).message ?? `Back-off pulling image "${container.image}"` } } : { running: { startedAt: '2026-01-01T00:00:00Z' } },
        })),
      },
    }));
  };

  /** One step of a Deployment's rollout, played at each read while its spec is ahead of its status. */
  const advance = (object: Obj) => {
    const key = keyOf(object.kind, object.metadata.namespace, object.metadata.name);
    const generation = object.metadata.generation ?? 1;
    const status = (object.status ??= {});
    if (object.kind !== 'Deployment') {
      const replicas = Number(object.spec?.replicas ?? 1);
      Object.assign(status, object.kind === 'DaemonSet'
        ? { observedGeneration: generation, desiredNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 2 }
        : { observedGeneration: generation, replicas, updatedReplicas: replicas, readyReplicas: replicas, currentRevision: `r${generation}`, updateRevision: `r${generation}` });
      return;
    }
    let rollout = rollouts.get(key);
    if (status.observedGeneration !== generation) {
      rollout = { script: scripts.get(object.metadata.name)?.shift() ?? { mode: 'complete', polls: 1 }, polls: 0 };
      rollouts.set(key, rollout);
      status.observedGeneration = generation;
      status.updatedReplicas = 0;
      status.conditions = [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${object.metadata.name}-${generation}" is progressing.` }];
      return;
    }
    if (!rollout || status.done === generation) return;
    const replicas = Number(object.spec?.replicas ?? 1);
    rollout.polls++;
    const polls = rollout.script.polls ?? 1;
    if (rollout.script.mode === 'complete' && rollout.polls >= polls) {
      Object.assign(status, { replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, done: generation });
      status.conditions = [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' }, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${object.metadata.name}-${generation}" has successfully progressed.` }];
    } else if (rollout.script.mode === 'deadline' && rollout.polls >= polls) {
      Object.assign(status, { updatedReplicas: replicas, replicas: replicas * 2, unavailableReplicas: replicas, done: generation });
      status.conditions = [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${object.metadata.name}-${generation}" has timed out progressing.` }];
      for (const pod of podsOf(object)) {
        events.push({ apiVersion: 'v1', kind: 'Event', type: 'Warning', reason: rollout.script.event ?? 'Failed', message: `Failed to pull image: ${rollout.script.waiting ?? 'ImagePullBackOff'}`, involvedObject: { kind: 'Pod', name: pod.metadata.name, namespace: object.metadata.namespace }, metadata: { name: `${pod.metadata.name}.event`, namespace: object.metadata.namespace } });
      }
    } else {
      Object.assign(status, { updatedReplicas: Math.min(replicas, Math.ceil(replicas / 2)), replicas: replicas + Math.ceil(replicas / 2) });
    }
  };

  const store = (applied: Obj, manager: string, operation: 'Apply' | 'Update') => {
    const key = keyOf(applied.kind, applied.metadata.namespace, applied.metadata.name);
    const existing = objects.get(key);
    const next: Obj = existing ? structuredClone(existing) : { apiVersion: applied.apiVersion, kind: applied.kind, metadata: { name: applied.metadata.name, ...(applied.metadata.namespace ? { namespace: applied.metadata.namespace } : {}), uid: `uid-${objects.size + 1}`, generation: 1 } };
    const { metadata, status: _status, ...rest } = applied;
    void _status;
    const specChanged = JSON.stringify(existing?.spec) !== JSON.stringify(applied.spec);
    Object.assign(next, rest);
    next.metadata.labels = { ...(metadata.labels ?? {}) };
    if (metadata.annotations) next.metadata.annotations = { ...(metadata.annotations as Record<string, string>) };
    if (existing && specChanged) next.metadata.generation = (existing.metadata.generation ?? 1) + 1;
    next.metadata.managedFields = [{ manager, operation, apiVersion: applied.apiVersion }];
    objects.set(key, next);
    return next;
  };

  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://standin');
      const query = Object.fromEntries(url.searchParams);
      const record: KubeRequest = { method: req.method ?? 'GET', path: url.pathname, query, contentType: req.headers['content-type'] };
      requests.push(record);
      if (req.headers.authorization !== `Bearer ${token}`) return statusError(res, 401, 'Unauthorized', 'Unauthorized');
      const group = groups.find(([base]) => url.pathname === base || url.pathname.startsWith(`${base}/`));
      if (!group) return statusError(res, 404, 'NotFound', `the server could not find the requested resource`);
      const [base, resources] = group;
      if (url.pathname === base) return send(res, 200, { kind: 'APIResourceList', groupVersion: base.replace(/^\/apis?\//, ''), resources: resources.map((resource) => ({ ...resource, verbs: ['get', 'list', 'patch'] })) });
      const parts = url.pathname.slice(base.length + 1).split('/').map(decodeURIComponent);
      let namespace: string | undefined;
      if (parts[0] === 'namespaces' && parts.length >= 3) {
        namespace = parts[1];
        parts.splice(0, 2);
      }
      const resource = resources.find((candidate) => candidate.name === parts[0]);
      if (!resource) return statusError(res, 404, 'NotFound', `the server could not find the requested resource`);
      const name = parts[1];
      if (!name) {
        if (req.method !== 'GET') return statusError(res, 405, 'MethodNotAllowed', 'only GET of a collection');
        const selector = (query.labelSelector ?? '').split(',').filter(Boolean).map((term) => term.split('='));
        let items: Obj[];
        if (resource.kind === 'Pod') items = [...objects.values()].filter((object) => object.kind === 'Deployment' && object.metadata.namespace === namespace).flatMap(podsOf);
        else if (resource.kind === 'Event') items = events.filter((event) => event.metadata.namespace === namespace);
        else items = [...objects.values()].filter((object) => object.kind === resource.kind && object.metadata.namespace === namespace);
        items = items.filter((item) => selector.every(([key, value]) => item.metadata.labels?.[key!] === value));
        const involved = /^involvedObject\.name=(.*)$/.exec(query.fieldSelector ?? '');
        if (involved) items = items.filter((item) => (item.involvedObject as { name?: string } | undefined)?.name === involved[1]);
        return send(res, 200, { kind: `${resource.kind}List`, apiVersion: 'v1', items });
      }
      const key = keyOf(resource.kind, resource.namespaced ? namespace : undefined, name);
      if (req.method === 'GET') {
        const object = objects.get(key);
        if (!object) return statusError(res, 404, 'NotFound', `${resource.name} "${name}" not found`);
        advance(object);
        const { done: _done, ...status } = object.status ?? {};
        void _done;
        return send(res, 200, { ...object, status });
      }
      if (req.method === 'PATCH' && req.headers['content-type'] === 'application/merge-patch+json') {
        // JSON merge patch (RFC 7386): maps merge, null removes a key.
        const existing = objects.get(key);
        if (!existing) return statusError(res, 404, 'NotFound', `${resource.name} "${name}" not found`);
        const merge = (target: Record<string, unknown>, patch: Record<string, unknown>) => {
          for (const [field, value] of Object.entries(patch)) {
            if (value === null) delete target[field];
            else if (value && typeof value === 'object' && !Array.isArray(value) && target[field] && typeof target[field] === 'object') merge(target[field] as Record<string, unknown>, value as Record<string, unknown>);
            else target[field] = value;
          }
        };
        const patch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        record.body = patch as Obj;
        merge(existing as Record<string, unknown>, patch);
        return send(res, 200, existing);
      }
      if (req.method === 'PATCH') {
        if (req.headers['content-type'] !== 'application/apply-patch+yaml') return statusError(res, 415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/apply-patch+yaml`);
        if (!query.fieldManager) return statusError(res, 422, 'Invalid', 'fieldManager is required for apply requests');
        let body: Obj;
        try {
          body = YAML.parse(Buffer.concat(chunks).toString('utf8')) as Obj;
        } catch {
          return statusError(res, 400, 'BadRequest', 'the body is not YAML');
        }
        record.body = body;
        if (body?.kind !== resource.kind || body.metadata?.name !== name) return statusError(res, 400, 'BadRequest', `the body's kind and name do not match the path`);
        if (resource.namespaced && body.metadata.namespace && body.metadata.namespace !== namespace) return statusError(res, 400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
        if (resource.namespaced) body.metadata.namespace = namespace;
        const existing = objects.get(key);
        const owner = (existing?.metadata.managedFields as Array<{ manager: string }> | undefined)?.[0]?.manager;
        if (existing && owner && owner !== query.fieldManager && query.force !== 'true') {
          return statusError(res, 409, 'Conflict', `Apply failed with 1 conflict: conflict with "${owner}": .spec`);
        }
        const stored = store(body, query.fieldManager, 'Apply');
        return send(res, existing ? 200 : 201, stored);
      }
      return statusError(res, 405, 'MethodNotAllowed', `${req.method} is not served by the stand-in`);
    });
  };

  const service: HttpService = await startHttpServer(handler, { tls: { selfSigned: true } });
  return {
    server: service.url,
    token,
    kubeconfig: ({ context = 'standin' } = {}) =>
      YAML.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        'current-context': context,
        clusters: [{ name: 'standin-cluster', cluster: { server: service.url, 'certificate-authority-data': Buffer.from(service.certificate!.cert).toString('base64') } }],
        contexts: [{ name: context, context: { cluster: 'standin-cluster', user: 'deployer' } }],
        users: [{ name: 'deployer', user: { token } }],
      }),
    script: (name, ...list) => scripts.set(name, [...(scripts.get(name) ?? []), ...list]),
    object: (kind, namespace, name) => {
      const object = objects.get(keyOf(kind, namespace, name));
      return object ? structuredClone(object) : undefined;
    },
    seed: (object, manager = 'kubectl') => {
      store(object, manager, 'Update');
    },
    requests,
    stop: () => service.stop(),
  };
}
