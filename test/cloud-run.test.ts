/**
 * The cloud-run target and router through the committed bundles (deploy-env, blue-green-switch,
 * rollback), against the Cloud Run Admin API v2 stand-in (test/services/cloud-run.ts: nothing of
 * Google Cloud runs here) with the state store on moto. Credentials are a Workload Identity
 * Federation file as google-github-actions/auth writes it; the stand-in's token endpoints play STS
 * and IAM Credentials. A deploy creates the release's revision with its digest and no traffic; a
 * canary 10/50/100 moves revision percentages, and a failing analysis puts 100% back; rollback moves
 * traffic to an earlier revision without creating one; a revision that never becomes Ready, a
 * cancelled deploy and a 403 leave traffic untouched; direct environments move all traffic at once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { openLedger, type Ledger } from '@shipkit/ledger';
import { revisionName } from '@shipkit/environments';
import { runAction, type RunResult } from './harness/index.js';
import { OIDC_JWT, OIDC_REQUEST_TOKEN, RUN_TOKEN, STS_TOKEN, startCloudRunStandIn, type CloudRunStandIn } from './services/cloud-run.js';
import { startS3Server, tempDir, type S3Server } from './services/index.js';

const digest = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const REPOSITORY = 'europe-docker.pkg.dev/shop-prod-123/shop/shop-web';
const images = (n: number) => JSON.stringify([{ name: 'shop-web', repository: REPOSITORY, ref: `${REPOSITORY}@${digest(n)}`, digest: digest(n), tags: [] }]);
const BOOTSTRAP = 'shop-web-00001-boo';
const SECRETS = [RUN_TOKEN, STS_TOKEN, OIDC_JWT, OIDC_REQUEST_TOKEN];

describe('cloud-run target and router (Cloud Run Admin API v2 stand-in, state on moto)', () => {
  let moto: S3Server;
  let run: CloudRunStandIn;
  let ledger: Ledger;
  let devLedger: Ledger;
  let workspace: string;
  let credentials: Record<string, string>;

  const config = (overrides: { prodCloudRun?: string } = {}) => `app: shop
state: s3://shop-state/shipkit
lock: { timeout: "0" }
environments:
  prod:
    target: cloud-run
    strategy: blue-green
    cloud-run:
${overrides.prodCloudRun ?? `      project: shop-prod-123
      region: europe-west1
      service: shop-web
      container-images: { app: shop-web }
      timeout: 20s
      endpoint: ${run.endpoint}`}
    smoke:
      checks:
        - { name: home, path: /, expect-status: 200, body-contains: revision }
    slots:
      blue: { url: "${run.endpoint}/serve/shop-web/tag/blue/" }
      green: { url: "${run.endpoint}/serve/shop-web/tag/green/" }
    router: { type: cloud-run }
    url: ${run.endpoint}/serve/shop-web/
  dev:
    target: cloud-run
    cloud-run: { project: shop-prod-123, region: europe-west1, service: shop-dev, container-images: { app: shop-web }, timeout: 20s, endpoint: "${run.endpoint}" }
    url: ${run.endpoint}/serve/shop-dev/
`;
  const use = (text: string) => writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), text);
  const action = (name: string, inputs: Record<string, string>, options: { cancel?: Promise<unknown>; event?: 'workflow-dispatch' } = {}): Promise<RunResult> =>
    runAction(name, { inputs: { environment: 'prod', ...inputs }, env: { ...moto.env, ...credentials }, workspace, ...options });
  const deploy = (release: string, n: number, extra: Record<string, string> = {}) => action('deploy-env', { release, images: images(n), ...extra });

  /** What the service's traffic really is: revision -> percent, and tag -> revision (trafficStatuses). */
  const split = (service = 'shop-web') => Object.fromEntries(run.service(service).trafficStatuses.filter((entry) => entry.percent).map((entry) => [entry.revision, entry.percent]));
  const tags = (service = 'shop-web') => Object.fromEntries(run.service(service).trafficStatuses.filter((entry) => entry.tag).map((entry) => [entry.tag, entry.revision]));
  const revisions = (service = 'shop-web') => [...run.service(service).revisions.keys()];
  const patches = () => run.requests.filter((request) => request.method === 'PATCH');
  const expectNoSecrets = (result: RunResult) => {
    for (const secret of SECRETS) {
      expect(result.log).not.toContain(secret);
      expect(JSON.stringify(result.outputs)).not.toContain(secret);
      expect(result.summary).not.toContain(secret);
      if (result.post) expect(result.post.log).not.toContain(secret);
    }
  };

  beforeAll(async () => {
    moto = await startS3Server('moto', { buckets: ['shop-state'] });
    run = await startCloudRunStandIn();
    // What the team's infrastructure code created: the services, each with one Ready revision taking all traffic.
    run.createService('shop-prod-123', 'europe-west1', 'shop-web', [{ name: 'app', image: `${REPOSITORY}:bootstrap` }, { name: 'otel-collector', image: 'otel/opentelemetry-collector-contrib:0.98.0' }]);
    run.createService('shop-prod-123', 'europe-west1', 'shop-dev', [{ name: 'app', image: `${REPOSITORY}:bootstrap` }]);
    credentials = run.credentials();
    workspace = path.join(tempDir('cloud-run'), 'workspace');
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    use(config());
    ledger = await openLedger({ state: 's3://shop-state/shipkit', app: 'shop', environment: 'prod', client: moto.client(), run: { runId: 'test-run' } });
    devLedger = await openLedger({ state: 's3://shop-state/shipkit', app: 'shop', environment: 'dev', client: moto.client(), run: { runId: 'test-run' } });
  });

  afterAll(async () => {
    await run?.stop();
    await moto?.stop();
  });

  test('deploy v1: a revision named after the release runs its digest, tag blue points at it, and it takes no traffic', async () => {
    const result = await deploy('v1', 1);
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    const v1 = revisionName('shop-web', 'v1');
    expect(v1).toMatch(/^shop-web-v1-[0-9a-f]{6}$/);
    const created = run.service('shop-web').revisions.get(v1)!;
    expect(created.containers).toEqual([
      { name: 'app', image: `${REPOSITORY}@${digest(1)}` },
      { name: 'otel-collector', image: 'otel/opentelemetry-collector-contrib:0.98.0' },
    ]);
    expect(created.ready).toBe('CONDITION_SUCCEEDED');
    // Live traffic where it was (pinned from LATEST to the bootstrap revision); the slot's tag on v1.
    expect(split()).toEqual({ [BOOTSTRAP]: 100 });
    expect(tags()).toEqual({ blue: v1 });
    expect(result.outputs).toMatchObject({ slot: 'blue', 'slot-url': `${run.endpoint}/serve/shop-web/tag/blue/` });
    expect(await (await fetch(result.outputs['slot-url'])).text()).toContain(`revision ${v1} image ${REPOSITORY}@${digest(1)}`);
    expect((await ledger.records()).at(-1)).toMatchObject({ type: 'deploy', status: 'succeeded', release: 'v1', slot: 'blue', details: { install: { target: 'cloud-run', revision: v1, created: true } } });
    // The Admin API saw only the impersonated token, obtained through STS from GitHub's OIDC token; none reached the log.
    expect(new Set(run.requests.filter((request) => request.path.startsWith('/v2/')).map((request) => request.token))).toEqual(new Set([RUN_TOKEN]));
    expect(run.requests.some((request) => request.path === '/sts/v1/token')).toBe(true);
    expectNoSecrets(result);
  });

  test('first switch to blue, v2 into green, then a canary 10/50/100: the percentages move step by step and are read back', async () => {
    const first = await action('blue-green-switch', {});
    expect(first.errors).toEqual([]);
    expect(first.outputs).toMatchObject({ 'live-slot': 'blue', release: 'v1' });
    const v1 = revisionName('shop-web', 'v1');
    expect(split()).toEqual({ [v1]: 100 });

    const deployed = await deploy('v2', 2);
    expect(deployed.errors).toEqual([]);
    expect(deployed.outputs.slot).toBe('green');
    const v2 = revisionName('shop-web', 'v2');
    expect(split()).toEqual({ [v1]: 100 });
    expect(tags()).toEqual({ blue: v1, green: v2 });

    const before = patches().length;
    // verify: false — the canary's analysis probes the live URL at every step, and the first switch above verified it after a switch on this router.
    const canary = await action('blue-green-switch', { steps: '10,50,100', 'step-duration': '500ms', verify: 'false' });
    expect(canary.errors).toEqual([]);
    expect(canary.exitCode).toBe(0);
    expect(canary.outputs).toMatchObject({ 'live-slot': 'green', 'previous-slot': 'blue', release: 'v2', 'aborted-at': '' });
    // What was written, in order: 10%, 50%, then 100% on v2, the rest on v1; both slot tags kept.
    const written = patches()
      .slice(before)
      .map((request) => (request.body as { traffic: Array<{ revision: string; percent?: number; tag?: string }> }).traffic.map((entry) => `${entry.tag}:${entry.revision === v2 ? 'v2' : 'v1'}:${entry.percent ?? 0}`).sort());
    expect(written).toEqual([
      ['blue:v1:90', 'green:v2:10'],
      ['blue:v1:50', 'green:v2:50'],
      ['blue:v1:0', 'green:v2:100'],
    ]);
    expect(split()).toEqual({ [v2]: 100 });
    expect(tags()).toEqual({ blue: v1, green: v2 });
    const started = (await ledger.records()).filter((record) => record.type === 'switch' && record.status === 'started').at(-1)!;
    const records = (await ledger.records()).filter((record) => record.operation === started.operation);
    expect(records.filter((record) => record.status === 'progress' && record.details?.phase === 'set').map((record) => record.details!.weight)).toEqual([10, 50]);
    expect(records.at(-1)).toMatchObject({ status: 'succeeded', release: 'v2', slot: 'green' });
    expect((await ledger.state()).live).toMatchObject({ release: 'v2', slot: 'green' });
    expectNoSecrets(canary);
  });

  test('a release failing its analysis at 10% is aborted: 100% back on the previous revision, the ledger agrees', async () => {
    const deployed = await deploy('v3', 3);
    expect(deployed.exitCode).toBe(0);
    const v3 = revisionName('shop-web', 'v3');
    const v2 = revisionName('shop-web', 'v2');
    expect(tags()).toEqual({ blue: v3, green: v2 });
    run.failing.add(v3);
    try {
      const canary = await action('blue-green-switch', { steps: '10,50,100', 'step-duration': '3s' });
      expect(canary.exitCode).toBe(1);
      expect(canary.outputs).toMatchObject({ 'aborted-at': '10', 'live-slot': 'green' });
      expect(canary.errors.join('\n')).toMatch(/Canary of v3 on prod aborted at 10%: .*failed its analysis[\s\S]*All traffic is back on green/);
      expect(split()).toEqual({ [v2]: 100 });
      const state = await ledger.state();
      expect(state.live).toMatchObject({ release: 'v2', slot: 'green' });
      expect(state.canary).toBeUndefined();
    } finally {
      run.failing.delete(v3);
    }
  });

  test('rollback to v1 moves traffic to its recorded revision: nothing created, the template untouched', async () => {
    const v1 = revisionName('shop-web', 'v1');
    const revisionsBefore = revisions();
    const template = JSON.stringify(run.service('shop-web').template);
    const before = patches().length;
    const rolled = await action('rollback', { to: 'v1', reason: 'cloud run test' }, { event: 'workflow-dispatch' });
    expect(rolled.errors).toEqual([]);
    expect(rolled.exitCode).toBe(0);
    expect(rolled.outputs).toMatchObject({ release: 'v1', 'rolled-back-from': 'v2' });
    expect(split()).toEqual({ [v1]: 100 });
    expect(revisions()).toEqual(revisionsBefore);
    expect(JSON.stringify(run.service('shop-web').template)).toBe(template);
    // Only traffic was written: the idle slot's tag re-pointed at v1's revision, then the switch.
    for (const request of patches().slice(before)) expect(JSON.stringify((request.body as { template: unknown }).template)).toBe(template);
    expect((await ledger.state()).live).toMatchObject({ release: 'v1' });
    expect((await ledger.records()).filter((record) => record.release === 'v1' && record.details?.install).at(-1)).toMatchObject({ status: 'succeeded', details: { install: { revision: v1, created: false } } });
    expectNoSecrets(rolled);
  });

  test('a revision that never becomes Ready fails the deploy with its condition\'s message; traffic and tags untouched', async () => {
    const before = { split: split(), tags: tags(), live: (await ledger.state()).live };
    run.scriptNext = { mode: 'fail', message: "Revision 'shop-web-v4' is not ready and cannot serve traffic. The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable." };
    const result = await deploy('v4', 4);
    expect(result.exitCode).toBe(1);
    expect(result.errors.join('\n')).toMatch(/The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable/);
    expect(run.service('shop-web').revisions.get(revisionName('shop-web', 'v4'))?.ready).toBe('CONDITION_FAILED');
    expect(split()).toEqual(before.split);
    expect(tags()).toEqual(before.tags);
    const { state, records } = await ledger.read();
    expect(state.live).toEqual(before.live);
    // A slot takes no traffic: nothing to undo (its tag still points at what it held).
    expect(records.at(-1)).toMatchObject({ type: 'deploy', status: 'failed', release: 'v4', slot: 'green', details: { installed: false, failedStep: 'install' } });
  });

  test('a revision still not Ready at the timeout fails with its condition\'s message (a slow operation)', async () => {
    use(config().replace('timeout: 20s', 'timeout: 2s'));
    try {
      const before = { split: split(), tags: tags() };
      run.scriptNext = { mode: 'hang', message: 'Waiting for container to become healthy.' };
      const result = await deploy('v5', 5);
      expect(result.exitCode).toBe(1);
      expect(result.errors.join('\n')).toMatch(/did not finish within 2(\.0)?s[\s\S]*revision shop-web-v5-[0-9a-f]{6} is not Ready \(CONDITION_RECONCILING\): Waiting for container to become healthy\./);
      expect(split()).toEqual(before.split);
      expect(tags()).toEqual(before.tags);
    } finally {
      use(config());
    }
  });

  test('a deploy cancelled while it waits for the revision leaves traffic untouched and the ledger agreeing; a re-run deploys', async () => {
    const before = { split: split(), tags: tags(), live: (await ledger.state()).live };
    run.scriptNext = { mode: 'hang', message: 'Deploying Revision.' };
    const v6 = revisionName('shop-web', 'v6');
    // The runner's cancel (SIGINT) once the revision exists and the deploy waits for it: its operation or the revision is being polled.
    const waiting = () => {
      const created = run.requests.findIndex((request) => request.method === 'PATCH' && (request.body as { template?: { revision?: string } } | undefined)?.template?.revision === v6);
      return created >= 0 && run.service('shop-web').revisions.has(v6) && run.requests.slice(created + 1).some((request) => request.method === 'GET' && (request.path.includes('/operations/') || request.path.endsWith(`/revisions/${v6}`)));
    };
    const cancel = (async () => {
      for (let i = 0; i < 600 && !waiting(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    })();
    const result = await action('deploy-env', { release: 'v6', images: images(6) }, { cancel });
    expect(result.exitCode).not.toBe(0);
    // The cancel reached the deploy while it waited (not a kill, not the timeout).
    expect([...result.errors, result.log].join('\n')).toMatch(/Cancelled while waiting for (the update of service shop-web to revision shop-web-v6-[0-9a-f]{6}|revision shop-web-v6-[0-9a-f]{6} to become Ready)/);
    expect(result.post?.exitCode).toBe(0);
    expect(split()).toEqual(before.split);
    expect(tags()).toEqual(before.tags);
    const { state, records } = await ledger.read();
    expect(state.live).toEqual(before.live);
    expect(records.filter((record) => record.release === 'v6' && record.status !== 'started').at(-1)).toMatchObject({ type: 'deploy', status: 'failed', details: { cancelled: true } });
    expectNoSecrets(result);

    // The revision finally starts; re-running the deploy reuses it (nothing created) and completes.
    run.unhang();
    const count = revisions().length;
    const rerun = await deploy('v6', 6);
    expect(rerun.errors).toEqual([]);
    expect(rerun.exitCode).toBe(0);
    expect(revisions()).toHaveLength(count);
    expect(tags()[rerun.outputs.slot]).toBe(v6);
    expect(split()).toEqual(before.split);
    expect((await ledger.records()).at(-1)).toMatchObject({ type: 'deploy', status: 'succeeded', release: 'v6', details: { install: { revision: v6, created: false } } });
  });

  test.each<[string, { prodCloudRun?: string }, Record<string, string>, RegExp]>([
    ['a region that is not one', { prodCloudRun: `      project: shop-prod-123\n      region: Europe West\n      service: shop-web\n      container-images: { app: shop-web }\n      endpoint: ${'ENDPOINT'}` }, {}, /\.github\/shipkit\.yml:10:15: environments\.prod\.cloud-run\.region must be a Cloud Run region such as europe-west1 \(got "Europe West"\)/],
    ['a container the service lacks', { prodCloudRun: `      project: shop-prod-123\n      region: europe-west1\n      service: shop-web\n      container-images: { web: shop-web }\n      endpoint: ${'ENDPOINT'}` }, {}, /cloud-run\.container-images names container "web", but service shop-web has "app", "otel-collector"/],
    ['an image missing from the images output', {}, { images: JSON.stringify([{ name: 'shop-api', repository: 'r/shop-api', digest: digest(7) }]) }, /container app runs image "shop-web", but the images \(build-images' images output\) has "shop-api"/],
    ['a service that does not exist', { prodCloudRun: `      project: shop-prod-123\n      region: europe-west1\n      service: shop-payments\n      container-images: { app: shop-web }\n      endpoint: ${'ENDPOINT'}` }, {}, /Cloud Run refused reading service .*shop-payments: HTTP 404 NOT_FOUND/],
  ])('%s is refused before anything changes', async (_name, overrides, inputs, message) => {
    use(config(overrides.prodCloudRun ? { prodCloudRun: overrides.prodCloudRun.replace('ENDPOINT', run.endpoint) } : {}));
    try {
      const before = { records: (await ledger.records()).length, patches: patches().length, split: split() };
      const result = await deploy('v9', 9, inputs);
      expect(result.exitCode).toBe(1);
      expect(result.errors.join('\n')).toMatch(message);
      expect((await ledger.records()).length).toBe(before.records);
      expect(patches().length).toBe(before.patches);
      expect(split()).toEqual(before.split);
    } finally {
      use(config());
    }
  });

  test('403 on the update names the roles; nothing changed, the ledger records the failure', async () => {
    const before = { split: split(), tags: tags(), revisions: revisions() };
    run.denyNext = 'PATCH';
    const result = await deploy('v7', 7);
    expect(result.exitCode).toBe(1);
    const text = [...result.errors, result.log].join('\n');
    expect(text).toMatch(/Cloud Run refused the update of service shop-web to revision shop-web-v7-[0-9a-f]{6}: HTTP 403 PERMISSION_DENIED: Permission 'run\.services\.update' denied/);
    expect(text).toMatch(/roles\/run\.developer[\s\S]*roles\/iam\.serviceAccountUser/);
    expect({ split: split(), tags: tags(), revisions: revisions() }).toEqual(before);
    expect((await ledger.records()).at(-1)).toMatchObject({ type: 'deploy', status: 'failed', release: 'v7' });
  });

  test('traffic changed by hand (half on a revision neither slot holds) is not replaced: the switch is refused, nothing moves', async () => {
    // The idle slot ready again (the 403 left its last deploy failed).
    expect((await deploy('v8', 8)).exitCode).toBe(0);
    const service = run.service('shop-web');
    const { live } = await ledger.state();
    const liveRevision = tags()[live!.slot!]!;
    const saved = { traffic: service.traffic, statuses: service.trafficStatuses };
    // What `gcloud run services update-traffic --to-revisions` by someone else leaves.
    service.traffic = [...saved.traffic.map((entry) => ({ ...entry, percent: entry.revision === liveRevision && entry.percent ? 50 : entry.percent })), { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: BOOTSTRAP, percent: 50 }];
    service.trafficStatuses = service.traffic.map((entry) => ({ ...entry }));
    try {
      const before = { split: split(), patches: patches().length };
      const result = await action('blue-green-switch', {});
      expect(result.exitCode).toBe(1);
      expect(result.errors.join('\n')).toContain(`sends traffic to ${BOOTSTRAP}: 50%, which neither slot's tag points at; refusing to replace traffic shipkit does not own`);
      expect(split()).toEqual(before.split);
      expect(patches().length).toBe(before.patches);
      expect((await ledger.state()).live).toEqual(live);
    } finally {
      service.traffic = saved.traffic;
      service.trafficStatuses = saved.statuses;
    }
  });

  test('direct: each deploy moves all traffic to the release\'s revision once Ready; rollback re-points without creating one', async () => {
    const dev = (name: string, inputs: Record<string, string>, event?: 'workflow-dispatch') => runAction(name, { inputs: { environment: 'dev', ...inputs }, env: { ...moto.env, ...credentials }, workspace, ...(event ? { event } : {}) });
    for (const [release, n] of [['v1', 1], ['v2', 2]] as const) {
      const result = await dev('deploy-env', { release, images: images(n) });
      expect(result.errors).toEqual([]);
      expect(split('shop-dev')).toEqual({ [revisionName('shop-dev', release)]: 100 });
    }
    expect(await (await fetch(`${run.endpoint}/serve/shop-dev/`)).text()).toContain(`${REPOSITORY}@${digest(2)}`);
    const count = revisions('shop-dev').length;
    const rolled = await dev('rollback', { to: 'previous' }, 'workflow-dispatch');
    expect(rolled.errors).toEqual([]);
    expect(rolled.outputs).toMatchObject({ release: 'v1', 'rolled-back-from': 'v2' });
    expect(split('shop-dev')).toEqual({ [revisionName('shop-dev', 'v1')]: 100 });
    expect(revisions('shop-dev')).toHaveLength(count);
    expect((await devLedger.records()).at(-1)).toMatchObject({ type: 'rollback', status: 'succeeded', release: 'v1', details: { install: { revision: revisionName('shop-dev', 'v1'), created: false } } });

    // A revision that fails in a direct environment: the live traffic was never moved, the undo finds it as it was.
    run.scriptNext = { mode: 'fail', message: 'Container failed to start. Failed to start and then listen on the port defined by the PORT environment variable.' };
    const failed = await dev('deploy-env', { release: 'v3', images: images(3) });
    expect(failed.exitCode).toBe(1);
    expect(failed.errors.join('\n')).toContain('Failed to start and then listen on the port defined by the PORT environment variable.');
    expect(split('shop-dev')).toEqual({ [revisionName('shop-dev', 'v1')]: 100 });
    expect((await devLedger.records()).at(-1)).toMatchObject({ type: 'deploy', status: 'failed', release: 'v3', details: { restored: 'v1', incomplete: false } });
    expect((await devLedger.state()).live?.release).toBe('v1');
  });

  // Hostile: the API and the credentials misbehaving while a deploy waits for its revision.
  test('the Admin API answering 503 to four operation polls in a row (one request\'s four attempts) while the revision starts: the wait goes on, the deploy succeeds', async () => {
    run.slowNext = 2;
    // Four: every attempt a request has on its own (4), so only retrying until the wait's deadline gets past them.
    run.unavailablePolls = 4;
    try {
      const result = await deploy('v10', 10);
      expect(result.errors).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(run.unavailablePolls).toBe(0);
      expect(tags()[result.outputs.slot]).toBe(revisionName('shop-web', 'v10'));
      expect((await ledger.records()).at(-1)).toMatchObject({ type: 'deploy', status: 'succeeded', release: 'v10' });
    } finally {
      run.unavailablePolls = 0;
    }
  });

  test('an access token Google considers expired before the expiry it reported (the runner clock behind): refreshed on the 401, the deploy succeeds, no token in any sink', async () => {
    const issued = run.issuedTokens.length;
    run.tokenUses = 4;
    try {
      const result = await deploy('v11', 11);
      expect(result.errors).toEqual([]);
      expect(result.exitCode).toBe(0);
      // One token for the run, one more after the first was refused.
      expect(run.issuedTokens.length - issued).toBeGreaterThanOrEqual(2);
      expect(tags()[result.outputs.slot]).toBe(revisionName('shop-web', 'v11'));
      expectNoSecrets(result);
    } finally {
      run.tokenUses = undefined;
    }
  });

  test('an error page that echoes the access token is redacted before it is cut (no prefix of the token in any sink)', async () => {
    const before = { split: split(), tags: tags() };
    // A proxy's page: the token starts 20 characters before the 300-character excerpt ends.
    run.respondNext = { method: 'PATCH', status: 400, body: (token) => `<html><body>${'x'.repeat(265)} rejected ${token} for this request</body></html>` };
    const result = await deploy('v12', 12);
    expect(result.exitCode).toBe(1);
    const text = [...result.errors, result.log, result.summary, JSON.stringify(result.outputs)].join('\n');
    expect(text).toMatch(/Cloud Run refused the update of service shop-web .*HTTP 400/);
    expect(text).not.toContain(RUN_TOKEN.slice(0, 12));
    expect(JSON.stringify(await ledger.records())).not.toContain(RUN_TOKEN.slice(0, 12));
    expect({ split: split(), tags: tags() }).toEqual(before);
  });

  test('traffic changed by hand between the switch\'s read and its write (409 on the etag): the switch fails and the hand-made change stays', async () => {
    // The idle slot ready again (the last deploy into it failed).
    expect((await deploy('v13', 13)).exitCode).toBe(0);
    const { live } = await ledger.state();
    // Someone adds a tag for QA on the bootstrap revision (gcloud run services update-traffic --set-tags) while shipkit switches.
    run.beforeNextPatch = (service) => {
      service.traffic = [...service.traffic, { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: BOOTSTRAP, tag: 'qa' }];
      service.trafficStatuses = service.traffic.map((entry) => ({ ...entry }));
      service.etag = '"changed-by-hand"';
    };
    const before = split();
    const result = await action('blue-green-switch', {});
    run.beforeNextPatch = undefined;
    expect(result.exitCode).toBe(1);
    expect(result.errors.join('\n')).toMatch(/HTTP 409 ABORTED/);
    expect(tags().qa).toBe(BOOTSTRAP);
    expect(split()).toEqual(before);
    expect((await ledger.state()).live).toEqual(live);
  });
});
