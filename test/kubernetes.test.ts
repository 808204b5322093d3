/**
 * The kubernetes target through the committed bundles: the overlay is rendered by the real
 * `kubectl kustomize`, the state store is moto's S3, and the API server is a stand-in
 * (test/services/kubernetes.ts: no API server runs here; its limits are written at its top; the
 * `kubernetes` job of .github/workflows/ci.yml runs a real one with kind). Deploys pin the build's
 * digests, label every object with the app and release, apply server-side as `shipkit` and wait for
 * the rollouts; a rollout that exceeds its progress deadline is undone to the previous release
 * with the pods' reasons in the error; rollback re-applies the stored manifests; every bad input is
 * refused before anything changes; the kubeconfig's token never reaches the log.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { openLedger, type Ledger } from '@shipkit/ledger';
import { runAction, type RunResult } from './harness/index.js';
import { startKubernetesStandIn, type KubernetesStandIn } from './services/kubernetes.js';
import { startHttpServer, startS3Server, tempDir, type HttpService, type S3Server } from './services/index.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GetObjectCommand } from '@aws-sdk/client-s3';

const digest = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const images = (n: number) => JSON.stringify([
  { name: 'shop-backend', repository: 'registry.example/acme/shop-backend', ref: `registry.example/acme/shop-backend@${digest(n)}`, digest: digest(n), tags: [] },
  { name: 'shop-worker', repository: 'registry.example/acme/shop-worker', ref: `registry.example/acme/shop-worker@${digest(n + 1)}`, digest: digest(n + 1), tags: [] },
]);

const BASE = {
  'kustomization.yaml': `resources: [deployment.yaml, worker.yaml, service.yaml]
configMapGenerator:
  - name: shop-config
    literals: [LOG_LEVEL=info]
`,
  'deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: shop-api }
spec:
  replicas: 1
  selector: { matchLabels: { app: shop-api } }
  template:
    metadata: { labels: { app: shop-api } }
    spec:
      initContainers:
        - { name: migrate, image: registry.example/shop/api:dev, args: [migrate] }
      containers:
        - name: api
          image: registry.example/shop/api:dev
          envFrom: [{ configMapRef: { name: shop-config } }]
        - { name: proxy, image: envoyproxy/envoy:v1.31.0 }
`,
  'worker.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: shop-worker }
spec:
  replicas: 1
  serviceName: shop-worker
  selector: { matchLabels: { app: shop-worker } }
  template:
    metadata: { labels: { app: shop-worker } }
    spec:
      containers:
        - { name: worker, image: "registry.example/shop/worker@sha256:${'0'.repeat(64)}" }
`,
  'service.yaml': `apiVersion: v1
kind: Service
metadata: { name: shop-api }
spec:
  selector: { app: shop-api }
  ports: [{ port: 80, targetPort: 8080 }]
`,
};
const PRODUCTION = {
  'kustomization.yaml': `resources: [../../base]
namePrefix: ""
replicas:
  - { name: shop-api, count: 3 }
configMapGenerator:
  - name: shop-config
    behavior: merge
    literals: [LOG_LEVEL=warn]
`,
};

// With SHIPKIT_TEST_KUBECONFIG (the `kubernetes` job of ci.yml, a kind cluster), the real-cluster
// block below runs instead of this one: the stand-in's scripts and request log have no real twin.
const REAL_KUBECONFIG = process.env.SHIPKIT_TEST_KUBECONFIG;

(REAL_KUBECONFIG ? describe.skip : describe)('kubernetes target (real kubectl kustomize, moto state store, stand-in API server)', () => {
  let moto: S3Server;
  let kube: KubernetesStandIn;
  let ledger: Ledger;
  let workspace: string;
  let kubeconfig: string;

  const config = (block: string) => `app: shop
state: s3://shop-state/shipkit
environments:
  prod:
    target: kubernetes
    kubernetes:
${block}
`;
  const standard = `      namespace: shop
      kustomize: deploy/overlays/production
      images: { registry.example/shop/api: shop-backend, registry.example/shop/worker: shop-worker }
      timeout: 30s`;
  const use = (text: string) => writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), text);
  const env = () => ({ ...moto.env, KUBECONFIG: kubeconfig });
  const deploy = (release: string, extra: Record<string, string> = {}): Promise<RunResult> => runAction('deploy-env', { inputs: { environment: 'prod', release, ...extra }, env: env(), workspace });
  const api = () => kube.object('Deployment', 'shop', 'shop-api')!;
  const containers = (object: ReturnType<typeof api>) => {
    const spec = (object.spec!.template as { spec: { containers: Array<{ name: string; image: string }>; initContainers?: Array<{ name: string; image: string }> } }).spec;
    return Object.fromEntries([...(spec.initContainers ?? []), ...spec.containers].map((container) => [container.name, container.image]));
  };
  const patches = () => kube.requests.filter((request) => request.method === 'PATCH');
  const storedManifests = async (release: string) => {
    const answer = await moto.client().send(new GetObjectCommand({ Bucket: 'shop-state', Key: `shipkit/releases/shop/${release}/kubernetes/prod.json` }));
    return JSON.parse(await answer.Body!.transformToString()) as { objects: Array<{ kind: string; metadata: { name: string } }> };
  };
  const noSecrets = (run: RunResult) => {
    // Registered with the runner (masked), and absent from the log, outputs, summary and the runner's state.
    expect(run.masks).toContain(kube.token);
    const everything = `${run.log}\n${JSON.stringify(run.outputs)}\n${run.summary}\n${JSON.stringify(run.state)}\n${run.post?.log ?? ''}`;
    expect(everything).not.toContain(kube.token);
  };

  beforeAll(async () => {
    moto = await startS3Server('moto', { buckets: ['shop-state'] });
    kube = await startKubernetesStandIn();
    workspace = path.join(tempDir('k8s'), 'workspace');
    for (const [dir, files] of [['deploy/base', BASE], ['deploy/overlays/production', PRODUCTION]] as const) {
      mkdirSync(path.join(workspace, dir), { recursive: true });
      for (const [name, text] of Object.entries(files)) writeFileSync(path.join(workspace, dir, name), text);
    }
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    kubeconfig = path.join(tempDir('k8s-kubeconfig'), 'config');
    writeFileSync(kubeconfig, kube.kubeconfig());
    use(config(standard));
    ledger = await openLedger({ state: 's3://shop-state/shipkit', app: 'shop', environment: 'prod', client: moto.client(), run: { runId: 'test-run' } });
  });

  afterAll(async () => {
    await kube?.stop();
    await moto?.stop();
  });

  test('deploy r-1: the overlay is rendered, every mapped image pinned to the build\'s digest, objects labelled, applied server-side as shipkit, rollouts waited for', async () => {
    kube.script('shop-api', { mode: 'complete', polls: 2 });
    const run = await deploy('r-1', { images: images(1) });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    const deployment = api();
    // The overlay's replicas; the image in the init container and the container pinned; the sidecar untouched.
    expect(deployment.spec!.replicas).toBe(3);
    expect(containers(deployment)).toEqual({ migrate: `registry.example/acme/shop-backend@${digest(1)}`, api: `registry.example/acme/shop-backend@${digest(1)}`, proxy: 'envoyproxy/envoy:v1.31.0' });
    expect(containers(kube.object('StatefulSet', 'shop', 'shop-worker')!)).toEqual({ worker: `registry.example/acme/shop-worker@${digest(2)}` });
    expect(deployment.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'shipkit', 'shipkit.dev/app': 'shop', 'shipkit.dev/release': 'r-1' });
    expect((deployment.spec!.template as { metadata: { labels: Record<string, string> } }).metadata.labels).toEqual({ app: 'shop-api', 'shipkit.dev/app': 'shop', 'shipkit.dev/release': 'r-1' });
    // kustomize's configMapGenerator ran (the hashed name, the overlay's value), in the namespace of the environment.
    const configMap = patches().find((request) => request.body?.kind === 'ConfigMap')!;
    expect(configMap.path).toMatch(/^\/api\/v1\/namespaces\/shop\/configmaps\/shop-config-[a-z0-9]{10}$/);
    expect(configMap.body!.data).toEqual({ LOG_LEVEL: 'warn' });
    for (const request of patches()) expect(request).toMatchObject({ contentType: 'application/apply-patch+yaml', query: { fieldManager: 'shipkit', force: 'true' } });
    expect(patches().map((request) => `${request.body!.kind}/${request.body!.metadata.name}`).sort()).toEqual(['ConfigMap/' + configMap.body!.metadata.name, 'Deployment/shop-api', 'Service/shop-api', 'StatefulSet/shop-worker'].sort());
    expect(run.log).toMatch(/deployment\/shop-api: 0\/3 updated[\s\S]*deployment\/shop-api rolled out/);
    expect(run.log).toMatch(/statefulset\/shop-worker rolled out/);
    // What ran is kept with the release, exactly.
    const stored = await storedManifests('r-1');
    expect(stored.objects.find((object) => object.kind === 'Deployment')).toEqual(patches().find((request) => request.body?.kind === 'Deployment')!.body);
    expect((await ledger.records()).at(-1)).toMatchObject({ type: 'deploy', status: 'succeeded', release: 'r-1', details: { install: { target: 'kubernetes' } } });
    noSecrets(run);
  });

  test('a rollout that exceeds its progress deadline is undone to r-1, and the error carries the pods\' reasons', async () => {
    kube.script('shop-api', { mode: 'deadline', polls: 1, waiting: 'ImagePullBackOff', message: 'Back-off pulling image "registry.example/acme/shop-backend@sha256:2222"' });
    const run = await deploy('r-2', { images: images(3) });
    expect(run.exitCode).toBe(1);
    const error = run.errors.join('\n');
    expect(error).toMatch(/The rollout of deployment\/shop-api in namespace shop failed: deployment\/shop-api exceeded its progress deadline: ReplicaSet "shop-api-\d+" has timed out progressing\./);
    expect(error).toMatch(/container api: ImagePullBackOff \(Back-off pulling image/);
    expect(error).toMatch(/event Failed: Failed to pull image/);
    expect(error).toMatch(/The previous release r-1 was reinstalled and serves as before\./);
    // Back on r-1: its digests and its label, rolled out.
    expect(containers(api()).api).toBe(`registry.example/acme/shop-backend@${digest(1)}`);
    expect(api().metadata.labels!['shipkit.dev/release']).toBe('r-1');
    const { state, records } = await ledger.read();
    expect(state.live?.release).toBe('r-1');
    expect(records.at(-1)).toMatchObject({ type: 'deploy', status: 'failed', release: 'r-2', details: { restored: 'r-1', incomplete: false } });
    noSecrets(run);
  });

  test('deploy r-2 again (the same manifests): it rolls out', async () => {
    kube.script('shop-api', { mode: 'complete', polls: 3 });
    const run = await deploy('r-2', { images: images(3) });
    expect(run.errors).toEqual([]);
    expect(containers(api()).api).toBe(`registry.example/acme/shop-backend@${digest(3)}`);
    expect(api().metadata.labels!['shipkit.dev/release']).toBe('r-2');
    expect((await ledger.state()).live?.release).toBe('r-2');
  });

  test('the same release with other digests is refused before anything changes: a release name always means the same manifests', async () => {
    const before = patches().length;
    const run = await deploy('r-2', { images: images(5) });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/Release r-2 was deployed to prod with other manifests \(kept in the release store\)/);
    expect(patches().length).toBe(before);
  });

  test('rollback re-applies r-1\'s stored manifests exactly (nothing rendered) and waits', async () => {
    // The overlay changed since r-1: a rollback must not pick that up.
    writeFileSync(path.join(workspace, 'deploy/overlays/production/kustomization.yaml'), PRODUCTION['kustomization.yaml'].replace('count: 3', 'count: 5'));
    try {
      const before = patches().length;
      const rolled = await runAction('rollback', { inputs: { environment: 'prod', to: 'previous', reason: 'kubernetes test' }, env: env(), workspace, event: 'workflow-dispatch' });
      expect(rolled.errors).toEqual([]);
      expect(rolled.outputs).toMatchObject({ release: 'r-1', 'rolled-back-from': 'r-2' });
      const applied = patches().slice(before).map((request) => request.body);
      expect(applied).toEqual((await storedManifests('r-1')).objects);
      expect(api().spec!.replicas).toBe(3);
      expect(containers(api()).api).toBe(`registry.example/acme/shop-backend@${digest(1)}`);
      expect(api().metadata.labels!['shipkit.dev/release']).toBe('r-1');
      expect(rolled.log).toMatch(/Re-applying the manifests r-1 ran with \(from the release store; nothing is rendered\)/);
      expect((await ledger.records()).at(-1)).toMatchObject({ type: 'rollback', status: 'succeeded', release: 'r-1' });
      noSecrets(rolled);
    } finally {
      writeFileSync(path.join(workspace, 'deploy/overlays/production/kustomization.yaml'), PRODUCTION['kustomization.yaml']);
    }
  });

  test('a rollout that never completes times out (kubernetes.timeout) and is undone the same way', async () => {
    use(config(standard.replace('timeout: 30s', 'timeout: 2s')));
    try {
      kube.script('shop-api', { mode: 'hang' });
      const run = await deploy('r-3', { images: images(7) });
      expect(run.exitCode).toBe(1);
      expect(run.errors.join('\n')).toMatch(/The rollout of deployment\/shop-api in namespace shop failed: not complete after 2(\.0)?s \(deployment\/shop-api: \d\/3 updated/);
      expect(run.errors.join('\n')).toMatch(/The previous release r-1 was reinstalled/);
      expect(api().metadata.labels!['shipkit.dev/release']).toBe('r-1');
    } finally {
      use(config(standard));
    }
  });

  test('a deploy cancelled while it waits for the rollout re-applies the previous release and waits; the ledger agrees', async () => {
    const live = (await ledger.state()).live?.release;
    expect(live).toBe('r-1');
    kube.script('shop-api', { mode: 'hang' });
    const applied = patches().length;
    // The runner's cancel (SIGINT) once the new Deployment is applied and its rollout is being waited for.
    const cancel = (async () => {
      for (let i = 0; i < 600; i++) {
        if (patches().slice(applied).some((request) => request.body?.kind === 'Deployment')) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const run = await runAction('deploy-env', { inputs: { environment: 'prod', release: 'r-4', images: images(11) }, env: env(), workspace, cancel });
    expect(run.exitCode).not.toBe(0);
    expect(run.post?.exitCode).toBe(0);
    expect(api().metadata.labels!['shipkit.dev/release']).toBe('r-1');
    expect(containers(api()).api).toBe(`registry.example/acme/shop-backend@${digest(1)}`);
    const { state, records } = await ledger.read();
    expect(state.live?.release).toBe('r-1');
    expect(records.filter((record) => record.release === 'r-4' && record.status !== 'started').at(-1)).toMatchObject({ type: 'deploy', status: 'failed', details: { cancelled: true, restored: 'r-1', incomplete: false } });
  });

  test('blue-green (k8s-service router): each slot deploys its own workloads; a switch moves the Service selector and reads it back', async () => {
    const slotBase = path.join(workspace, 'deploy/slot-base');
    mkdirSync(slotBase, { recursive: true });
    writeFileSync(path.join(slotBase, 'kustomization.yaml'), 'resources: [deployment.yaml]\n');
    writeFileSync(path.join(slotBase, 'deployment.yaml'), BASE['deployment.yaml'].replace('replicas: 1', 'replicas: 2'));
    for (const slot of ['blue', 'green']) {
      mkdirSync(path.join(workspace, `deploy/overlays/staging-${slot}`), { recursive: true });
      writeFileSync(path.join(workspace, `deploy/overlays/staging-${slot}/kustomization.yaml`), `resources: [../../slot-base]\nnameSuffix: -${slot}\nlabels:\n  - pairs: { shipkit.dev/slot: ${slot} }\n    includeSelectors: true\n`);
    }
    // The Service is the team's, created once (by kubectl): the router moves only its slot key.
    kube.seed({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'shop', namespace: 'shop-staging' }, spec: { selector: { app: 'shop-api', 'shipkit.dev/slot': 'none' }, ports: [{ port: 80 }] } });
    const staging = `app: shop
state: s3://shop-state/shipkit
environments:
  staging:
    target: kubernetes
    strategy: blue-green
    kubernetes: { namespace: shop-staging, images: { registry.example/shop/api: shop-backend }, timeout: 30s }
    slots:
      blue: { kubernetes: { kustomize: deploy/overlays/staging-blue } }
      green: { kubernetes: { kustomize: deploy/overlays/staging-green } }
    router: { type: k8s-service, service: shop }
`;
    use(staging);
    try {
      const selector = () => (kube.object('Service', 'shop-staging', 'shop')!.spec as { selector: Record<string, string> }).selector;
      const deployStaging = (release: string, n: number) => runAction('deploy-env', { inputs: { environment: 'staging', release, images: images(n) }, env: env(), workspace });
      const switchStaging = () => runAction('blue-green-switch', { inputs: { environment: 'staging' }, env: env(), workspace });

      const first = await deployStaging('s-1', 21);
      expect(first.errors).toEqual([]);
      const firstSlot = first.outputs.slot as 'blue' | 'green';
      expect(['blue', 'green']).toContain(firstSlot);
      const slotDeployment = (slot: string) => kube.object('Deployment', 'shop-staging', `shop-api-${slot}`)!;
      expect(containers(slotDeployment(firstSlot)).api).toBe(`registry.example/acme/shop-backend@${digest(21)}`);
      expect((slotDeployment(firstSlot).spec!.selector as { matchLabels: Record<string, string> }).matchLabels).toEqual({ app: 'shop-api', 'shipkit.dev/slot': firstSlot });
      expect(selector()['shipkit.dev/slot']).toBe('none');

      const switched = await switchStaging();
      expect(switched.errors).toEqual([]);
      expect(switched.outputs['live-slot']).toBe(firstSlot);
      expect(selector()).toEqual({ app: 'shop-api', 'shipkit.dev/slot': firstSlot });

      const second = await deployStaging('s-2', 23);
      expect(second.errors).toEqual([]);
      const secondSlot = second.outputs.slot;
      expect(secondSlot).not.toBe(firstSlot);
      // The live slot's workloads were not touched by the deploy into the idle one.
      expect(containers(slotDeployment(firstSlot)).api).toBe(`registry.example/acme/shop-backend@${digest(21)}`);
      expect(containers(slotDeployment(secondSlot!)).api).toBe(`registry.example/acme/shop-backend@${digest(23)}`);
      const again = await switchStaging();
      expect(again.errors).toEqual([]);
      expect(selector()).toEqual({ app: 'shop-api', 'shipkit.dev/slot': secondSlot });
      expect(kube.requests.filter((request) => request.method === 'PATCH' && request.path.endsWith('/services/shop')).at(-1)).toMatchObject({ contentType: 'application/merge-patch+json', body: { spec: { selector: { 'shipkit.dev/slot': secondSlot } } } });
      // A canary step (10%) is refused by this router before anything moves.
      const canary = await runAction('blue-green-switch', { inputs: { environment: 'staging', steps: '10,100' }, env: env(), workspace });
      expect(canary.exitCode).toBe(1);
      expect(canary.errors.join('\n')).toMatch(/Service selects one slot at a time/);
      expect(selector()['shipkit.dev/slot']).toBe(secondSlot);
    } finally {
      use(config(standard));
    }
  });

  test('canary (gateway-api router): HTTPRoute weights move 10/50/100 and are read back; a failing analysis aborts the new slot to 0; no Gateway API CRDs: refused before anything changes', async () => {
    // A second API server, this one serving the Gateway API (its CRDs installed).
    const gateway = await startKubernetesStandIn({ gatewayApi: true });
    const apps: Record<'blue' | 'green' | 'live', HttpService | undefined> = { blue: undefined, green: undefined, live: undefined };
    const failing = { blue: false, green: false };
    try {
      for (const name of ['blue', 'green', 'live'] as const) {
        apps[name] = await startHttpServer((_req: IncomingMessage, res: ServerResponse) => {
          if (name !== 'live' && failing[name]) res.writeHead(500).end('failing');
          else res.end(`<p>${name}</p>`);
        });
      }
      const gatewayConfig = path.join(tempDir('k8s-gateway'), 'config');
      writeFileSync(gatewayConfig, gateway.kubeconfig());
      for (const slot of ['blue', 'green']) {
        mkdirSync(path.join(workspace, `deploy/overlays/canary-${slot}`), { recursive: true });
        writeFileSync(path.join(workspace, `deploy/overlays/canary-${slot}/kustomization.yaml`), `resources: [../../base]\nnameSuffix: -${slot}\nlabels:\n  - pairs: { shipkit.dev/slot: ${slot} }\n    includeSelectors: true\n`);
      }
      const route = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'shop', namespace: 'shop-canary' }, spec: { parentRefs: [{ name: 'public' }], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'shop-api-blue', port: 80, weight: 100 }, { name: 'shop-api-green', port: 80, weight: 0 }] }] } };
      gateway.seed(route);
      use(`app: shop
state: s3://shop-state/shipkit
environments:
  canary:
    target: kubernetes
    strategy: blue-green
    kubernetes: { namespace: shop-canary, images: { registry.example/shop/api: shop-backend, registry.example/shop/worker: shop-worker }, timeout: 30s }
    slots:
      blue: { kubernetes: { kustomize: deploy/overlays/canary-blue }, url: "${apps.blue!.url}/" }
      green: { kubernetes: { kustomize: deploy/overlays/canary-green }, url: "${apps.green!.url}/" }
    router: { type: gateway-api, route: shop, backends: { blue: shop-api-blue, green: shop-api-green } }
    url: "${apps.live!.url}/"
    smoke:
      checks:
        - { name: home, path: /, expect-status: 200 }
    canary: { samples: 20 }
`);
      const gatewayEnv = () => ({ ...moto.env, KUBECONFIG: gatewayConfig });
      const run = (action: string, inputs: Record<string, string>, environment = gatewayEnv()) => runAction(action, { inputs: { environment: 'canary', ...inputs }, env: environment, workspace });
      const weights = () => Object.fromEntries(((gateway.object('HTTPRoute', 'shop-canary', 'shop')!.spec as typeof route.spec).rules[0]!.backendRefs).map((ref) => [ref.name, ref.weight]));
      const routePatches = () => gateway.requests.filter((request) => request.method === 'PATCH' && request.path.endsWith('/httproutes/shop'));

      // Against the API server without the Gateway API: the switch is refused before anything changes.
      expect((await run('deploy-env', { release: 'c-1', images: images(31) })).errors).toEqual([]);
      const refused = await run('blue-green-switch', {}, { ...moto.env, KUBECONFIG: kubeconfig });
      expect(refused.exitCode).toBe(1);
      expect(refused.errors.join('\n')).toMatch(/the cluster does not serve the Gateway API \(HTTPRoute, gateway\.networking\.k8s\.io\/v1\)/);
      expect(routePatches()).toHaveLength(0);

      // c-1 went to blue (the route's live slot already); c-2 to green, then 10% -> 50% -> 100%.
      expect((await run('blue-green-switch', { to: 'blue' })).errors).toEqual([]);
      expect(weights()).toEqual({ 'shop-api-blue': 100, 'shop-api-green': 0 });
      const second = await run('deploy-env', { release: 'c-2', images: images(33) });
      expect(second.errors).toEqual([]);
      expect(second.outputs.slot).toBe('green');
      const before = routePatches().length;
      // verify: false — the analysis probes the live URL at every step, and the switch to blue above verified it after a switch on this router.
      const canary = await run('blue-green-switch', { steps: '10,50,100', 'step-duration': '300ms', verify: 'false' });
      expect(canary.errors).toEqual([]);
      expect(canary.outputs).toMatchObject({ 'live-slot': 'green', 'previous-slot': 'blue', 'aborted-at': '' });
      const green = (request: { body?: unknown }) => (request.body as typeof route).spec.rules[0]!.backendRefs.map((ref) => `${ref.name}=${ref.weight}`).join(',');
      expect(routePatches().slice(before).map(green)).toEqual(['shop-api-blue=90,shop-api-green=10', 'shop-api-blue=50,shop-api-green=50', 'shop-api-blue=0,shop-api-green=100']);
      // The rest of the route is written back as it was.
      expect((gateway.object('HTTPRoute', 'shop-canary', 'shop')!.spec as typeof route.spec).rules[0]!.matches).toEqual(route.spec.rules[0]!.matches);

      // c-3 into blue, which fails its analysis: aborted at 10%, blue back to 0.
      expect((await run('deploy-env', { release: 'c-3', images: images(35) })).outputs.slot).toBe('blue');
      failing.blue = true;
      const aborted = await run('blue-green-switch', { steps: '10,50,100', 'step-duration': '1s' });
      expect(aborted.exitCode).toBe(1);
      expect(aborted.outputs).toMatchObject({ 'aborted-at': '10', 'live-slot': 'green' });
      expect(aborted.errors.join('\n')).toMatch(/aborted at 10%/);
      expect(weights()).toEqual({ 'shop-api-blue': 0, 'shop-api-green': 100 });
    } finally {
      use(config(standard));
      for (const app of Object.values(apps)) await app?.stop();
      await gateway.stop();
    }
  });

  const withManifest = (extra: string) => {
    writeFileSync(path.join(workspace, 'deploy/base/extra.yaml'), extra);
    writeFileSync(path.join(workspace, 'deploy/base/kustomization.yaml'), BASE['kustomization.yaml'].replace('service.yaml]', 'service.yaml, extra.yaml]'));
  };
  test.each([
    ['a namespace that is not a name', standard.replace('namespace: shop', 'namespace: Shop_Prod'), images(9), undefined, /shipkit\.yml:\d+:\d+: environments\.prod\.kubernetes\.namespace must be a namespace name \(lowercase letters, digits and -, at most 63\) \(got "Shop_Prod"\)/],
    ['both kustomize and manifests', `${standard}\n      manifests: [deploy/base/deployment.yaml]`, images(9), undefined, /environments\.prod\.kubernetes needs exactly one of kustomize \(a kustomization directory\) and manifests/],
    ['a kustomization outside the repository', standard.replace('deploy/overlays/production', '../../etc'), images(9), undefined, /environments\.prod\.kubernetes\.kustomize has an invalid value "\.\.\/\.\.\/etc"/],
    ['an image the build did not produce', standard.replace('shop-worker }', 'shop-jobs }'), images(9), undefined, /kubernetes\.images maps registry\.example\/shop\/worker to image "shop-jobs", but the images input \(build-images' images output\) has "shop-backend", "shop-worker"/],
    ['an image no container runs', standard.replace('images: {', 'images: { registry.example/shop/cron: shop-worker,'), images(9), undefined, /kubernetes\.images maps registry\.example\/shop\/cron, which no container of the manifests runs \(they run registry\.example\/shop\/api, envoyproxy\/envoy, registry\.example\/shop\/worker\)/],
    ['no images input', standard, undefined, undefined, /Input "images" is required for a kubernetes target that maps images/],
    ['a context the kubeconfig lacks', `${standard}\n      context: production`, images(9), undefined, /environments\.prod\.kubernetes\.context has an invalid value "production": expected one of the kubeconfig's contexts \(standin\)/],
    ['a Secret with data in the overlay', standard, images(9), 'apiVersion: v1\nkind: Secret\nmetadata: { name: db }\nstringData: { password: hunter2hunter2 }\n', /the manifests hold Secret\/db with data; the rendered manifests are kept in the release store, where secrets must never go/],
    ['an object in another namespace', standard, images(9), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: other, namespace: kube-system }\ndata: { a: b }\n', /ConfigMap\/other is in namespace kube-system, but the environment deploys to namespace shop/],
    ['a kind the cluster does not serve (no Gateway API CRDs)', standard, images(9), 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: { name: shop }\nspec: {}\n', /The cluster does not serve HTTPRoute \(gateway\.networking\.k8s\.io\/v1\): is its CustomResourceDefinition installed\?/],
  ])('%s is refused before anything changes', async (_name, block, imagesInput, extra, message) => {
    use(config(block));
    if (extra) withManifest(extra);
    try {
      const before = patches().length;
      const live = (await ledger.state()).live?.release;
      const run = await deploy('r-9', imagesInput ? { images: imagesInput } : {});
      expect(run.exitCode).toBe(1);
      expect(run.errors.join('\n')).toMatch(message);
      expect(patches().length).toBe(before);
      expect((await ledger.state()).live?.release).toBe(live);
      expect(run.log).not.toContain('hunter2hunter2');
    } finally {
      use(config(standard));
      writeFileSync(path.join(workspace, 'deploy/base/kustomization.yaml'), BASE['kustomization.yaml']);
    }
  });
});

/**
 * The same scenarios against a real API server (kind on GitHub: SHIPKIT_TEST_KUBECONFIG, and the
 * digests of two real images in SHIPKIT_TEST_IMAGE_1 / _2 as `<repository>@sha256:...`): deploys
 * pin digests and wait for real rollouts; an image that cannot be pulled hits the Deployment's
 * progress deadline and is undone to the previous release with the pods' reasons; rollback
 * re-applies the stored manifests; a blue-green switch moves the Service selector. What the cluster
 * runs is read with kubectl, not with shipkit's client.
 */
(REAL_KUBECONFIG ? describe : describe.skip)('kubernetes target against a real cluster (kind)', () => {
  let store: S3Server;
  let workspace: string;
  const namespace = `shipkit-${Date.now().toString(36)}`;
  const [image1, image2] = [process.env.SHIPKIT_TEST_IMAGE_1 ?? '', process.env.SHIPKIT_TEST_IMAGE_2 ?? ''];
  const imagesOf = (ref: string) => {
    const [repository, digestPart] = ref.split('@');
    return JSON.stringify([{ name: 'app', repository, digest: digestPart, ref, tags: [] }]);
  };
  const kubectl = (...args: string[]) => execFileSync('kubectl', args, { env: { ...process.env, KUBECONFIG: REAL_KUBECONFIG }, encoding: 'utf8' });
  const get = (kind: string, name: string) => JSON.parse(kubectl('get', '-n', namespace, kind, name, '-o', 'json')) as { metadata: { labels: Record<string, string> }; spec: { selector: Record<string, string> & { matchLabels?: Record<string, string> }; template: { spec: { containers: Array<{ image: string }> } } } };
  const env = () => ({ ...store.env, KUBECONFIG: REAL_KUBECONFIG });
  const config = `app: shop
state: s3://shop-state/shipkit
environments:
  prod:
    target: kubernetes
    kubernetes: { namespace: ${namespace}, kustomize: deploy/app, images: { registry.example/app: app }, timeout: 3m }
  staging:
    target: kubernetes
    strategy: blue-green
    kubernetes: { namespace: ${namespace}, images: { registry.example/app: app }, timeout: 3m }
    slots:
      blue: { kubernetes: { kustomize: deploy/blue } }
      green: { kubernetes: { kustomize: deploy/green } }
    router: { type: k8s-service, service: shop }
`;
  const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: 2
  progressDeadlineSeconds: 20
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers: [{ name: app, image: registry.example/app:dev }]
`;

  beforeAll(async () => {
    store = await startS3Server('s3rver', { buckets: ['shop-state'] });
    workspace = path.join(tempDir('k8s-real'), 'workspace');
    const files: Record<string, string> = {
      '.github/shipkit.yml': config,
      'deploy/app/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'deploy/app/deployment.yaml': deployment('shop-api'),
      'deploy/slot/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'deploy/slot/deployment.yaml': deployment('shop-web'),
    };
    for (const slot of ['blue', 'green']) files[`deploy/${slot}/kustomization.yaml`] = `resources: [../slot]\nnameSuffix: -${slot}\nlabels:\n  - pairs: { shipkit.dev/slot: ${slot} }\n    includeSelectors: true\n`;
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      writeFileSync(path.join(workspace, file), text);
    }
    kubectl('create', 'namespace', namespace);
    kubectl('-n', namespace, 'create', 'service', 'clusterip', 'shop', '--tcp=80:8080');
    kubectl('-n', namespace, 'patch', 'service', 'shop', '--type=merge', '-p', JSON.stringify({ spec: { selector: { app: 'shop-web', 'shipkit.dev/slot': 'none' } } }));
  });

  afterAll(async () => {
    if (REAL_KUBECONFIG) kubectl('delete', 'namespace', namespace, '--wait=false');
    await store?.stop();
  });

  const deploy = (environment: string, release: string, ref: string) => runAction('deploy-env', { inputs: { environment, release, images: imagesOf(ref) }, env: env(), workspace, timeoutMs: 600_000 });

  test('deploy r-1 and r-2: digests pinned, rollouts waited', async () => {
    for (const [release, ref] of [['r-1', image1], ['r-2', image2]] as const) {
      const run = await deploy('prod', release, ref);
      expect(run.errors).toEqual([]);
      const now = get('deployment', 'shop-api');
      expect(now.spec.template.spec.containers[0]!.image).toBe(ref);
      expect(now.metadata.labels['shipkit.dev/release']).toBe(release);
      expect(kubectl('-n', namespace, 'rollout', 'status', 'deployment/shop-api', '--timeout=5s')).toMatch(/successfully rolled out/);
    }
  }, 900_000);

  test('an image that cannot be pulled exceeds the progress deadline and is undone to r-2 with the pods\' reasons', async () => {
    const missing = `${image1.split('@')[0]}@sha256:${'0'.repeat(64)}`;
    const run = await deploy('prod', 'r-3', missing);
    expect(run.exitCode).toBe(1);
    const error = run.errors.join('\n');
    expect(error).toMatch(/exceeded its progress deadline/);
    expect(error).toMatch(/ErrImagePull|ImagePullBackOff/);
    expect(error).toMatch(/The previous release r-2 was reinstalled/);
    expect(get('deployment', 'shop-api').spec.template.spec.containers[0]!.image).toBe(image2);
  }, 900_000);

  test('rollback re-applies r-1\'s stored manifests', async () => {
    const rolled = await runAction('rollback', { inputs: { environment: 'prod', to: 'r-1', reason: 'kind test' }, env: env(), workspace, event: 'workflow-dispatch', timeoutMs: 600_000 });
    expect(rolled.errors).toEqual([]);
    expect(get('deployment', 'shop-api').spec.template.spec.containers[0]!.image).toBe(image1);
    expect(get('deployment', 'shop-api').metadata.labels['shipkit.dev/release']).toBe('r-1');
  }, 900_000);

  test('blue-green: a switch moves the Service selector to the slot that was deployed', async () => {
    const run = await deploy('staging', 's-1', image1);
    expect(run.errors).toEqual([]);
    const switched = await runAction('blue-green-switch', { inputs: { environment: 'staging' }, env: env(), workspace, timeoutMs: 600_000 });
    expect(switched.errors).toEqual([]);
    expect(get('service', 'shop').spec.selector).toEqual({ app: 'shop-web', 'shipkit.dev/slot': run.outputs.slot });
  }, 900_000);
});
