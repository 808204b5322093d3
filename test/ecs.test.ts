/**
 * The ecs target through the committed bundles: the ECS API is moto's (cluster, services, task
 * definitions, UpdateService — all real and read back), the rollouts are played by a stand-in in
 * front of moto (test/services/ecs-rollouts.ts: moto does not simulate them). Two services deploy
 * and roll back together; a failed rollout fails the deploy with the service's events and the
 * stopped tasks' reasons and re-points both services at their previous revisions; a rollout that
 * never completes times out the same way; rollback re-points without registering anything; every
 * bad input is refused before anything changes.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { openLedger, type Ledger } from '@shipkit/ledger';
import { ROOT, runAction, type RunResult } from './harness/index.js';
import { startEcsRolloutStandIn, type EcsRolloutStandIn } from './services/ecs-rollouts.js';
import { createLoadBalancer, startS3Server, tempDir, type S3Server } from './services/index.js';
import { DescribeListenersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';

const digest = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const images = (n: number) => JSON.stringify([
  { name: 'shop-backend', repository: 'registry.example/acme/shop-backend', ref: `registry.example/acme/shop-backend@${digest(n)}`, digest: digest(n), tags: [] },
  { name: 'shop-worker', repository: 'registry.example/acme/shop-worker', ref: `registry.example/acme/shop-worker@${digest(n + 1)}`, digest: digest(n + 1), tags: [] },
]);

describe('ecs target (moto ECS API, rollouts played by a stand-in)', () => {
  let moto: S3Server;
  let standIn: EcsRolloutStandIn;
  let ecs: ECSClient;
  let ledger: Ledger;
  let workspace: string;

  const config = (ecsBlock: string) => `app: shop
state: s3://shop-state/shipkit
environments:
  prod:
    target: ecs
    ecs:
${ecsBlock}
`;
  const standard = `      cluster: shop
      task-definition: shop-api
      container-images: { api: shop-backend }
      timeout: 20s
      services:
        - shop-api
        - { service: shop-worker, task-definition: deploy/worker-task.json, container-images: { worker: shop-worker } }`;
  // The worker first: its revision would be registered before the api's bad mapping was found.
  const workerFirst = `      cluster: shop
      task-definition: shop-api
      container-images: { apx: shop-backend }
      timeout: 20s
      services:
        - { service: shop-worker, task-definition: deploy/worker-task.json, container-images: { worker: shop-worker } }
        - shop-api`;
  const use = (text: string) => writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), text);
  const env = () => ({ ...moto.env, AWS_ENDPOINT_URL_ECS: standIn.url });
  const deploy = (release: string, extra: Record<string, string> = {}): Promise<RunResult> => runAction('deploy-env', { inputs: { environment: 'prod', release, ...extra }, env: env(), workspace });
  const running = async () => {
    const services = (await ecs.send(new DescribeServicesCommand({ cluster: 'shop', services: ['shop-api', 'shop-worker'] }))).services!;
    return Object.fromEntries(services.map((service) => [service.serviceName, service.taskDefinition]));
  };

  beforeAll(async () => {
    moto = await startS3Server('moto', { buckets: ['shop-state'] });
    standIn = await startEcsRolloutStandIn(moto.endpoint);
    ecs = new ECSClient({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
    await ecs.send(new CreateClusterCommand({ clusterName: 'shop' }));
    // What the team's infrastructure code created: the api family (api + a log router sidecar) and both services.
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'shop-api', containerDefinitions: [{ name: 'api', image: 'registry.example/acme/shop-backend:bootstrap', memory: 256, essential: true }, { name: 'log-router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', memory: 64 }] }));
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'shop-worker', containerDefinitions: [{ name: 'worker', image: 'registry.example/acme/shop-worker:bootstrap', memory: 128 }] }));
    for (const [service, family] of [['shop-api', 'shop-api'], ['shop-worker', 'shop-worker']]) {
      await ecs.send(new CreateServiceCommand({ cluster: 'shop', serviceName: service, taskDefinition: family, desiredCount: 2, deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } } }));
    }
    // A service another tool deploys (CodeDeploy blue-green): shipkit must refuse it before anything changes.
    await ecs.send(new CreateServiceCommand({ cluster: 'shop', serviceName: 'shop-legacy', taskDefinition: 'shop-api', desiredCount: 1, deploymentController: { type: 'CODE_DEPLOY' } }));
    workspace = path.join(tempDir('ecs'), 'workspace');
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    mkdirSync(path.join(workspace, 'deploy'), { recursive: true });
    // The worker's task definition lives in the repository.
    writeFileSync(path.join(workspace, 'deploy', 'worker-task.json'), JSON.stringify({ family: 'shop-worker', containerDefinitions: [{ name: 'worker', image: 'placeholder', memory: 128, environment: [{ name: 'QUEUE', value: 'orders' }] }] }, null, 2));
    use(config(standard));
    ledger = await openLedger({ state: 's3://shop-state/shipkit', app: 'shop', environment: 'prod', client: moto.client(), run: { runId: 'test-run' } });
  });

  afterAll(async () => {
    await standIn?.stop();
    await moto?.stop();
  });

  test('deploy v1: both services run a new revision whose images are the build\'s digests; the ledger keeps the task definition ARNs', async () => {
    standIn.script('shop-api', { mode: 'complete', polls: 2 });
    // Throttled calls are retried with backoff (the SDK's standard retry strategy), not failed.
    standIn.throttle('UpdateService', 2);
    const run = await deploy('v1', { images: images(1) });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    const now = await running();
    expect(now['shop-api']).toMatch(/task-definition\/shop-api:2$/);
    expect(now['shop-worker']).toMatch(/task-definition\/shop-worker:2$/);
    expect(await imageOf(ecs, now['shop-api']!)).toEqual([`api=registry.example/acme/shop-backend@${digest(1)}`, 'log-router=public.ecr.aws/aws-observability/aws-for-fluent-bit:stable']);
    expect(await imageOf(ecs, now['shop-worker']!)).toEqual([`worker=registry.example/acme/shop-worker@${digest(2)}`]);
    expect(standIn.operations.filter((operation) => operation === 'UpdateService').length).toBe(4);
    expect(run.log).toMatch(/shop\/shop-api: IN_PROGRESS, running 0\/2[\s\S]*shop\/shop-api is stable on .*shop-api:2 \(2 running\)/);
    const record = (await ledger.records()).at(-1)!;
    expect(record).toMatchObject({ type: 'deploy', status: 'succeeded', release: 'v1', details: { install: { target: 'ecs', registered: true, taskDefinitions: { 'shop/shop-api': now['shop-api'], 'shop/shop-worker': now['shop-worker'] } } } });
  });

  test('a failed rollout fails the deploy with the events and stopped tasks, and re-points both services at their previous revisions', async () => {
    const before = await running();
    standIn.script('shop-api', { mode: 'fail', polls: 1, reason: 'ECS deployment circuit breaker: tasks failed to start.', containerReason: 'CannotPullContainerError: manifest unknown' });
    const run = await deploy('v2', { images: images(3) });
    expect(run.exitCode).toBe(1);
    const error = run.errors.join('\n');
    expect(error).toMatch(/The rollout of .*shop-api:3 on shop\/shop-api failed: ECS deployment circuit breaker: tasks failed to start\./);
    expect(error).toMatch(/Service events:\n[\s\S]*deployment failed: tasks failed to start/);
    expect(error).toMatch(/Stopped tasks:\n\s+stopped\d+: Essential container in task exited \(api: CannotPullContainerError: manifest unknown\)/);
    expect(error).toMatch(/Every changed service is back on its previous task definition .* and stable/);
    expect(await running()).toEqual(before);
    const record = (await ledger.records()).at(-1)!;
    expect(record).toMatchObject({ type: 'deploy', status: 'failed', release: 'v2', details: { restored: 'v1', incomplete: false } });
    expect((await ledger.state()).live?.release).toBe('v1');
  });

  test("ECS's own rollback (circuit breaker with rollback on): the deploy fails saying ECS rolled back to revision N, shipkit leaves that rollback alone, the ledger and shipkit status keep the previous release live", async () => {
    const before = await running();
    const revision = before['shop-api']!.split('/').pop()!; // shop-api:N, the last COMPLETED deployment's
    standIn.circuitBreaker('shop-api', { enable: true, rollback: true });
    try {
      standIn.script('shop-api', { mode: 'fail', polls: 1, rollbackPolls: 2, containerReason: 'CannotPullContainerError: manifest unknown' });
      const updatesBefore = standIn.operations.filter((operation) => operation === 'UpdateService').length;
      const run = await deploy('v2b', { images: images(13) });
      expect(run.exitCode).toBe(1);
      const error = run.errors.join('\n');
      expect(error).toContain(`ECS rolled back shop/shop-api to revision ${revision.split(':')[1]} (${revision}): ECS deployment circuit breaker: tasks failed to start.`);
      expect(error).toMatch(/Service events:\n[\s\S]*rolling back to deployment ecs-svc\//);
      expect(error).toMatch(/Stopped tasks:\n\s+stopped\d+: Essential container in task exited \(api: CannotPullContainerError: manifest unknown\)/);
      // What runs is what ran before: the api by ECS's rollback, the worker pointed back by shipkit.
      expect(await running()).toEqual(before);
      // Three updates: the api and the worker to v2b, the worker back. The api is never updated over ECS's rollback.
      expect(standIn.operations.filter((operation) => operation === 'UpdateService').length - updatesBefore).toBe(3);
      expect(run.log).toContain(`shop/shop-api already runs ${before['shop-api']} again (ECS's own rollback, or an earlier undo): left as it is.`);
      const { state, records } = await ledger.read();
      expect(records.at(-1)).toMatchObject({ type: 'deploy', status: 'failed', release: 'v2b', details: { restored: 'v1', incomplete: false } });
      expect(String(records.at(-1)!.error)).toContain(`ECS rolled back shop/shop-api to revision ${revision.split(':')[1]} (${revision})`);
      expect(state.live?.release).toBe('v1');
      // What a user reads: shipkit status says v1 is live.
      const status = await shipkitStatus(workspace, env());
      expect(status[0]).toMatchObject({ environment: 'prod', live: { release: 'v1' } });
    } finally {
      standIn.circuitBreaker('shop-api', { enable: true, rollback: false });
    }
  });

  test("ECS's own rollback that does not become stable within ecs.timeout: the error says what was waited for, once, and does not claim the service is back; the api is never updated over ECS's rollback; the ledger records the deploy failed and incomplete, v1 still live", async () => {
    const before = await running();
    const revision = before['shop-api']!.split('/').pop()!;
    use(config(standard.replace('timeout: 20s', 'timeout: 2s')));
    standIn.circuitBreaker('shop-api', { enable: true, rollback: true });
    try {
      // ECS's rollback deployment stays IN_PROGRESS for longer than every wait of the run (the stand-in
      // counts looks: 40 is more than the run makes in its waits of 2 s, polling from 0.25 s).
      standIn.script('shop-api', { mode: 'fail', polls: 1, rollbackPolls: 40, containerReason: 'CannotPullContainerError: manifest unknown' });
      const updatesBefore = standIn.operations.filter((operation) => operation === 'UpdateService').length;
      const run = await deploy('v2c', { images: images(15) });
      expect(run.exitCode).toBe(1);
      const error = run.errors.join('\n');
      expect(error).toMatch(new RegExp(`^ECS is rolling back shop/shop-api to revision ${revision.split(':')[1]} \\(${revision}\\) after: ECS deployment circuit breaker: tasks failed to start, and that rollback did not become stable: The rollout of \\S+/${revision} on shop/shop-api did not complete within 2(\\.0)?s \\(IN_PROGRESS, running 0/2\\)\\.\nService events:\n`));
      // The events and stopped tasks once for ECS's rollback (the pointing back says its own below).
      const rollbackPart = error.slice(0, error.indexOf('Stopped tasks:'));
      expect(rollbackPart.match(/Service events:/g)).toHaveLength(1);
      expect(error).toMatch(/Stopped tasks:\n\s+stopped\d+: Essential container in task exited \(api: CannotPullContainerError: manifest unknown\)/);
      // The hint does not say ECS put the service back: it has not.
      expect(error).not.toContain('put the service back');
      expect(error).toContain(`Hint: ECS's own rollback (deployment circuit breaker, rollback on) to revision ${revision.split(':')[1]} (${revision}) has not become stable`);
      // The api is never updated over ECS's rollback: the api and the worker to v2c, the worker back.
      expect(standIn.operations.filter((operation) => operation === 'UpdateService').length - updatesBefore).toBe(3);
      const { state, records } = await ledger.read();
      expect(records.at(-1)).toMatchObject({ type: 'deploy', status: 'failed', release: 'v2c', details: { incomplete: true } });
      expect(state.live?.release).toBe('v1');
      // Let "ECS" finish its rollback: the services end where they were, for the tests after this one.
      const through = new ECSClient({ region: moto.region, endpoint: standIn.url, credentials: moto.credentials });
      for (let i = 0; i < 60; i++) {
        const service = (await through.send(new DescribeServicesCommand({ cluster: 'shop', services: ['shop-api'] }))).services![0];
        if (service.deployments?.length === 1 && service.deployments[0].rolloutState === 'COMPLETED') break;
      }
      expect(await running()).toEqual(before);
    } finally {
      standIn.circuitBreaker('shop-api', { enable: true, rollback: false });
      use(config(standard));
    }
  });

  test("a deploy cancelled while ECS's own rollback is being waited for: shipkit never updates the api over ECS's rollback (main or post step), the ledger records the cancel and keeps v1 live", async () => {
    const before = await running();
    standIn.circuitBreaker('shop-api', { enable: true, rollback: true });
    try {
      // ECS's rollback stays IN_PROGRESS (however often it is looked at) until the action has received the cancel: finishRollback below.
      standIn.script('shop-api', { mode: 'fail', polls: 1, rollbackPolls: 10_000, containerReason: 'CannotPullContainerError: manifest unknown' });
      const updates = () => standIn.operations.filter((operation) => operation === 'UpdateService').length;
      const updatesBefore = updates();
      let output = '';
      let finished = false;
      let recognised: () => void = () => undefined;
      const waitingForRollback = new Promise<void>((resolve) => (recognised = resolve));
      const onStdout = (chunk: string) => {
        output += chunk;
        // shipkit says it waits for ECS's rollback: the moment to cancel.
        if (output.includes('waiting for that rollback.')) recognised();
        // The cancel arrived: "ECS" may now finish its rollback (the pointing back waits for it).
        if (!finished && output.includes('Received SIGINT')) {
          finished = true;
          standIn.finishRollback('shop-api');
        }
      };
      // The runner's cancel (SIGINT) once "ECS" has put the api back on its previous revision (its rollback deployment started, not yet stable) and shipkit waits for that rollback.
      const cancel = (async () => {
        await waitingForRollback;
        for (let i = 0; i < 600; i++) {
          if (updates() >= updatesBefore + 2 && (await running())['shop-api'] === before['shop-api']) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const run = await runAction('deploy-env', { inputs: { environment: 'prod', release: 'v2d', images: images(17) }, env: env(), workspace, cancel, onStdout });
      expect(run.exitCode).not.toBe(0);
      expect(run.post?.exitCode).toBe(0);
      // Cancelled while shipkit waited for ECS's rollback, not before it was recognised.
      expect(run.log).toMatch(/ECS is rolling the service back to revision \d+ \([^)]+\); waiting for that rollback\.[\s\S]*Received SIGINT/);
      expect(run.log + (run.post?.log ?? '')).toContain(`shop/shop-api already runs ${before['shop-api']} again (ECS's own rollback, or an earlier undo): left as it is.`);
      // The api and the worker to v2d, at most the worker back: never the api over ECS's rollback.
      expect(updates() - updatesBefore).toBeLessThanOrEqual(3);
      const { state, records } = await ledger.read();
      expect(records.filter((record) => record.release === 'v2d' && record.status !== 'started').at(-1)).toMatchObject({ type: 'deploy', status: 'failed' });
      expect(state.live?.release).toBe('v1');
      const through = new ECSClient({ region: moto.region, endpoint: standIn.url, credentials: moto.credentials });
      for (let i = 0; i < 60; i++) {
        const service = (await through.send(new DescribeServicesCommand({ cluster: 'shop', services: ['shop-api'] }))).services![0];
        if (service.deployments?.length === 1 && service.deployments[0].rolloutState === 'COMPLETED') break;
      }
      expect(await running()).toEqual(before);
      const status = await shipkitStatus(workspace, env());
      expect(status[0]).toMatchObject({ environment: 'prod', live: { release: 'v1' } });
    } finally {
      standIn.circuitBreaker('shop-api', { enable: true, rollback: false });
    }
  });

  test('a rollout that never completes times out (ecs.timeout) and is pointed back the same way', async () => {
    const before = await running();
    use(config(standard.replace('timeout: 20s', 'timeout: 2s')));
    try {
      standIn.script('shop-worker', { mode: 'hang' });
      const run = await deploy('v3', { images: images(5) });
      expect(run.exitCode).toBe(1);
      expect(run.errors.join('\n')).toMatch(/The rollout of .*shop-worker:\d+ on shop\/shop-worker did not complete within 2(\.0)?s \(IN_PROGRESS, running 0\/2\)/);
      expect(await running()).toEqual(before);
    } finally {
      use(config(standard));
    }
  });

  test('rollback re-points both services at the previous release\'s revisions: nothing registered, waited until stable', async () => {
    const v1 = await running();
    expect((await deploy('v4', { images: images(7) })).exitCode).toBe(0);
    const v4 = await running();
    expect(v4['shop-api']).not.toBe(v1['shop-api']);
    const operationsBefore = standIn.operations.length;
    const rolled = await runAction('rollback', { inputs: { environment: 'prod', to: 'previous', reason: 'ecs test' }, env: env(), workspace, event: 'workflow-dispatch' });
    expect(rolled.errors).toEqual([]);
    expect(rolled.outputs).toMatchObject({ release: 'v1', 'rolled-back-from': 'v4' });
    expect(await running()).toEqual(v1);
    const during = standIn.operations.slice(operationsBefore);
    expect(during).not.toContain('RegisterTaskDefinition');
    expect(during.filter((operation) => operation === 'UpdateService')).toHaveLength(2);
    expect((await ledger.records()).at(-1)).toMatchObject({ type: 'rollback', status: 'succeeded', release: 'v1', details: { install: { target: 'ecs', registered: false, taskDefinitions: { 'shop/shop-api': v1['shop-api'], 'shop/shop-worker': v1['shop-worker'] } } } });
  });

  test('a deploy cancelled while it waits for the rollout leaves every service on its previous task definition and the ledger agrees; a re-run deploys for real', async () => {
    const before = await running();
    const live = (await ledger.state()).live?.release;
    standIn.script('shop-api', { mode: 'hang' });
    standIn.script('shop-worker', { mode: 'hang' });
    const updatesBefore = standIn.operations.filter((operation) => operation === 'UpdateService').length;
    // The runner's cancel (SIGINT) once both services were updated and the rollout is being waited for.
    const cancel = (async () => {
      for (let i = 0; i < 600; i++) {
        if (standIn.operations.filter((operation) => operation === 'UpdateService').length >= updatesBefore + 2) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const run = await runAction('deploy-env', { inputs: { environment: 'prod', release: 'v6', images: images(11) }, env: env(), workspace, cancel });
    expect(run.exitCode).not.toBe(0);
    expect(run.post?.exitCode).toBe(0);
    expect(await running()).toEqual(before);
    const { state, records } = await ledger.read();
    expect(state.live?.release).toBe(live);
    const end = records.filter((record) => record.release === 'v6' && record.status !== 'started').at(-1);
    expect(end).toMatchObject({ type: 'deploy', status: 'failed', details: { cancelled: true, incomplete: false } });

    // Re-running the same release deploys it for real (no "already live", no no-op).
    standIn.script('shop-api', { mode: 'complete', polls: 1 });
    standIn.script('shop-worker', { mode: 'complete', polls: 1 });
    const rerun = await deploy('v6', { images: images(11) });
    expect(rerun.errors).toEqual([]);
    expect(rerun.exitCode).toBe(0);
    const now = await running();
    expect(await imageOf(ecs, now['shop-api']!)).toEqual([`api=registry.example/acme/shop-backend@${digest(11)}`, 'log-router=public.ecr.aws/aws-observability/aws-for-fluent-bit:stable']);
    expect((await ledger.state()).live?.release).toBe('v6');
  });

  test.each([
    ['an image missing from the images output', standard, JSON.stringify([{ name: 'shop-backend', repository: 'r/shop-backend', digest: digest(9) }]), /services\[1\]: container worker runs image "shop-worker", but the images \(build-images' images output\) has "shop-backend"/],
    ['an image without a digest', standard, JSON.stringify([{ name: 'shop-backend', repository: 'r/shop-backend', ref: 'r/shop-backend:latest' }, { name: 'shop-worker', repository: 'r/w', digest: digest(9) }]), /image "shop-backend" has no digest in the images \(it was not pushed\?\); services run digests, never a mutable tag/],
    ['no images at all', standard, undefined, /Input "images" is required for an ecs target/],
    ['a service that does not exist', standard.replace('- shop-api', '- shop-payments'), images(9), /services\[0\]: service "shop-payments" does not exist \(or is not ACTIVE\) in cluster shop/],
    ['a task definition file outside the repository', standard.replace('deploy/worker-task.json', '../../etc/task.json'), images(9), /environments\.prod\.ecs\.services\[1\]\.task-definition has an invalid value "\.\.\/\.\.\/etc\/task\.json": expected a \.json file inside the repository/],
    ['a bad cluster name', standard.replace('cluster: shop', 'cluster: "shop prod"'), images(9), /environments\.prod\.ecs\.cluster has an invalid value "shop prod": expected an ECS cluster name/],
    // Found before any service's revision is registered (the worker's would have been, first).
    ['a container the task definition lacks', workerFirst, images(9), /services\[1\]: container-images names container "apx", but task definition shop-api has "api", "log-router"/],
    ['a service under the CODE_DEPLOY deployment controller', standard.replace('- shop-api', '- shop-legacy'), images(9), /service "shop-legacy" in cluster shop uses the CODE_DEPLOY deployment controller/],
  ])('%s is refused before anything changes', async (_name, block, imagesInput, message) => {
    use(config(block));
    try {
      const before = { running: await running(), records: (await ledger.records()).length, registered: standIn.operations.filter((operation) => operation === 'RegisterTaskDefinition').length };
      const run = await deploy('v9', imagesInput === undefined ? {} : { images: imagesInput });
      expect(run.exitCode).toBe(1);
      expect(run.errors.join('\n')).toMatch(message);
      expect(await running()).toEqual(before.running);
      expect((await ledger.records()).length).toBe(before.records);
      expect(standIn.operations.filter((operation) => operation === 'RegisterTaskDefinition').length).toBe(before.registered);
    } finally {
      use(config(standard));
    }
  });
});

describe('blue-green on ECS behind an ALB: each slot its own service, the listener flips', () => {
  let moto: S3Server;
  let standIn: EcsRolloutStandIn;
  let ecs: ECSClient;
  let workspace: string;
  let lb: Awaited<ReturnType<typeof createLoadBalancer>>;

  beforeAll(async () => {
    moto = await startS3Server('moto', { buckets: ['shop-state'] });
    standIn = await startEcsRolloutStandIn(moto.endpoint);
    ecs = new ECSClient({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
    await ecs.send(new CreateClusterCommand({ clusterName: 'shop' }));
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'shop-api', containerDefinitions: [{ name: 'api', image: 'registry.example/acme/shop-backend:bootstrap', memory: 256 }] }));
    for (const slot of ['blue', 'green']) await ecs.send(new CreateServiceCommand({ cluster: 'shop', serviceName: `shop-api-${slot}`, taskDefinition: 'shop-api', desiredCount: 1 }));
    lb = await createLoadBalancer(moto, 'shop');
    workspace = path.join(tempDir('ecs-alb'), 'workspace');
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    writeFileSync(
      path.join(workspace, '.github', 'shipkit.yml'),
      `app: shop
state: s3://shop-state/shipkit
environments:
  prod:
    target: ecs
    strategy: blue-green
    ecs: { cluster: shop, task-definition: shop-api, container-images: { api: shop-backend } }
    slots:
      blue: { ecs: { service: shop-api-blue }, target-group-arn: "${lb.targetGroups.blue}" }
      green: { ecs: { service: shop-api-green }, target-group-arn: "${lb.targetGroups.green}" }
    router: { type: alb, listener-arn: "${lb.listenerArn}" }
`,
    );
  });
  afterAll(async () => {
    await standIn?.stop();
    await moto?.stop();
  });

  test('v1 to the blue service, v2 to the green one, the listener follows the switches; rollback flips it back without touching ECS', async () => {
    const elb = new ElasticLoadBalancingV2Client({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
    const forwardsTo = async () => (await elb.send(new DescribeListenersCommand({ ListenerArns: [lb.listenerArn] }))).Listeners![0].DefaultActions![0].TargetGroupArn;
    const run = (action: string, inputs: Record<string, string>) => runAction(action, { inputs: { environment: 'prod', ...inputs }, env: { ...moto.env, AWS_ENDPOINT_URL_ECS: standIn.url }, workspace });
    const services = async () => Object.fromEntries(((await ecs.send(new DescribeServicesCommand({ cluster: 'shop', services: ['shop-api-blue', 'shop-api-green'] }))).services ?? []).map((service) => [service.serviceName, service.taskDefinition]));

    expect((await run('deploy-env', { release: 'v1', images: images(1) })).outputs.slot).toBe('blue');
    expect((await run('blue-green-switch', { verify: 'false' })).outputs).toMatchObject({ 'live-slot': 'blue' });
    expect(await forwardsTo()).toBe(lb.targetGroups.blue);
    const deployed = await run('deploy-env', { release: 'v2', images: images(3) });
    expect(deployed.errors).toEqual([]);
    expect(deployed.outputs.slot).toBe('green');
    const now = await services();
    expect(await imageOf(ecs, now['shop-api-green']!)).toEqual([`api=registry.example/acme/shop-backend@${digest(3)}`]);
    expect(await imageOf(ecs, now['shop-api-blue']!)).toEqual([`api=registry.example/acme/shop-backend@${digest(1)}`]);
    expect((await run('blue-green-switch', { verify: 'false' })).outputs).toMatchObject({ 'live-slot': 'green', release: 'v2' });
    expect(await forwardsTo()).toBe(lb.targetGroups.green);

    const operations = standIn.operations.length;
    const rolled = await run('rollback', { to: 'previous' });
    expect(rolled.errors).toEqual([]);
    expect(rolled.outputs).toMatchObject({ release: 'v1', 'rolled-back-from': 'v2' });
    expect(await forwardsTo()).toBe(lb.targetGroups.blue);
    expect(standIn.operations.slice(operations).filter((operation) => operation !== 'DescribeServices')).toEqual([]);
    expect(await services()).toEqual(now);
  });
});

/** `shipkit status --json` from the checkout's CLI (an async exec: moto's log pipe is drained by this worker). */
async function shipkitStatus(workspace: string, env: Record<string, string>): Promise<Array<Record<string, unknown>>> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts', 'shipkit.mjs'), 'status', '--json'], { cwd: workspace, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
  return JSON.parse(stdout) as Array<Record<string, unknown>>;
}

async function imageOf(ecs: ECSClient, taskDefinition: string): Promise<string[]> {
  return (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }))).taskDefinition!.containerDefinitions!.map((container) => `${container.name}=${container.image}`);
}
