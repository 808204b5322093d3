/**
 * Blue-green end to end, every step a committed dist bundle run the way the runner runs it:
 * deploy-env (command target: the deploy script writes the release into the slot's app) ->
 * smoke-test against the slot URL, recorded in the ledger -> blue-green-switch -> rollback. A real
 * nginx routes between two real slots (small Node app servers); the ledger lives in moto's S3.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { openLedger, type Ledger, type SlotName } from '@shipkit/ledger';
import { CloudFrontClient, CreateDistributionCommand, GetDistributionConfigCommand, GetInvalidationCommand, ListInvalidationsCommand } from '@aws-sdk/client-cloudfront';
import { runAction, type RunResult } from './harness/index.js';
import { snapshot } from './harness/store.js';
import { getFresh, startHttpServer, startMoto, startNginx, tempDir, type HttpService, type MotoService, type NginxService } from './services/index.js';

describe('blue-green with real nginx in front of two slots', () => {
  let s3: MotoService;
  let nginx: NginxService;
  const apps: Partial<Record<SlotName, HttpService>> = {};
  /** A slot app serves the release its deploy wrote to `<slotsDir>/<slot>.release`; a broken slot answers 503. */
  const broken: Record<SlotName, boolean> = { blue: false, green: false };
  let slotsDir: string;
  let ledger: Ledger;
  let workspace: string;
  let include: string;

  const writeConfig = (file: string, overrides: { greenUpstream?: string } = {}) => {
    const text = `app: shop
state: s3://shop-state/shipkit
environments:
  staging:
    target: command
    strategy: blue-green
    deploy: [./deploy.sh]
    env: { SLOTS_DIR: "${slotsDir}" }
    smoke:
      checks:
        - { name: home, path: /, expect-status: 200, body-contains: '<div id="root">slot' }
    slots:
      blue: { upstream: "127.0.0.1:${apps.blue!.port}", url: "${apps.blue!.url}/" }
      green: { upstream: "${overrides.greenUpstream ?? `127.0.0.1:${apps.green!.port}`}", url: "${apps.green!.url}/" }
    router:
      type: nginx
      include: ${include}
      test: ${JSON.stringify(nginx.testCommand)}
      reload: ${JSON.stringify(nginx.reloadCommand)}
    url: ${nginx.url}/
`;
    writeFileSync(path.join(workspace, file), text);
  };

  async function deploy(release: string): Promise<RunResult> {
    const run = await runAction('deploy-env', { inputs: { environment: 'staging', release }, env: s3.env, workspace, event: 'push-main' });
    expect(run.errors).toEqual([]);
    return run;
  }

  async function smoke(slot: SlotName): Promise<RunResult> {
    return runAction('smoke-test', { inputs: { environment: 'staging', slot, timeout: '2s', 'request-timeout': '1s' }, env: s3.env, workspace, event: 'push-main' });
  }

  const deployCount = () => (existsSync(path.join(slotsDir, 'deploys.log')) ? readFileSync(path.join(slotsDir, 'deploys.log'), 'utf8').trim().split('\n').length : 0);

  async function switchTo(inputs: Record<string, string>, options: { config?: string } = {}): Promise<RunResult> {
    const workersBefore = nginx.workers();
    const run = await runAction('blue-green-switch', {
      inputs: { environment: 'staging', config: options.config ?? '.github/shipkit.yml', ...inputs },
      env: s3.env,
      workspace,
      event: 'push-main',
    });
    // `nginx -s reload` returns once the master is signalled; wait for the new workers when it reloaded.
    if (run.exitCode === 0 && run.log.includes('nginx now routes')) await nginx.waitForReload(workersBefore);
    return run;
  }

  const live = async () => (await getFresh(nginx.url)).body;
  const includeText = () => readFileSync(include, 'utf8');
  /** Everything a refused run must leave as it was: the state store (ledger, lease, probe objects) and the router's include. */
  const everything = (files: string[] = [], except: string[] = []) => snapshot({ client: s3.client(), buckets: ['shop-state'], files: [include, ...files], except });

  beforeAll(async () => {
    s3 = await startMoto({ buckets: ['shop-state'] });
    for (const slot of ['blue', 'green'] as const) {
      apps[slot] = await startHttpServer((_req: IncomingMessage, res: ServerResponse) => {
        const file = path.join(slotsDir, `${slot}.release`);
        if (broken[slot] || !existsSync(file)) {
          res.writeHead(503, { 'content-type': 'text/plain' });
          res.end(`slot ${slot} unavailable`);
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<div id="root">slot ${slot} release ${readFileSync(file, 'utf8').trim()}</div>`);
      });
    }
    const dir = tempDir('blue-green');
    slotsDir = path.join(dir, 'slots');
    mkdirSync(slotsDir);
    include = path.join(dir, 'shipkit', 'staging.conf');
    mkdirSync(path.dirname(include), { recursive: true });
    // The operator's bootstrap: the include exists (pointing at blue) before shipkit first writes it.
    writeFileSync(include, `upstream shipkit_staging { server 127.0.0.1:${apps.blue!.port}; }\n`);
    nginx = await startNginx({ http: ({ port }) => `include ${include};\nserver { listen 127.0.0.1:${port}; location / { proxy_pass http://shipkit_staging; } }` });
    workspace = path.join(dir, 'workspace');
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    writeConfig('.github/shipkit.yml');
    // The user's deploy script: installs the release into the slot it is given.
    writeFileSync(path.join(workspace, 'deploy.sh'), '#!/bin/sh\nset -e\necho "$SHIPKIT_RELEASE" > "$SLOTS_DIR/$SHIPKIT_SLOT.release"\necho "$SHIPKIT_RELEASE $SHIPKIT_SLOT" >> "$SLOTS_DIR/deploys.log"\n');
    chmodSync(path.join(workspace, 'deploy.sh'), 0o755);
    ledger = await openLedger({ state: 's3://shop-state/shipkit', app: 'shop', environment: 'staging', client: s3.client(), run: { runId: 'test-run', actor: 'tester' } });
  });

  afterAll(async () => {
    await nginx?.stop();
    for (const app of Object.values(apps)) await app?.stop();
    await s3?.stop();
  });

  test('first switch: v1 deployed (to blue, the first slot) goes live', async () => {
    expect((await deploy('v1')).outputs).toMatchObject({ slot: 'blue', 'slot-url': `${apps.blue!.url}/` });
    const run = await switchTo({ to: 'idle' });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ 'live-slot': 'blue', 'previous-slot': '', release: 'v1' });
    expect(await live()).toContain('slot blue release v1');
    expect(run.summary).toContain('Switched **staging** to slot **blue**');
  });

  test('deploy v2 to green, smoke the slot URL, switch: the live URL serves green and no request fails during the switch', async () => {
    expect((await deploy('v2')).outputs).toMatchObject({ slot: 'green', 'slot-url': `${apps.green!.url}/` });
    expect(await live()).toContain('slot blue release v1'); // the idle slot is not live yet
    const smoked = await smoke('green');
    expect(smoked.errors).toEqual([]);
    expect(smoked.outputs.passed).toBe('true');

    const failures: string[] = [];
    const seen = new Set<string>();
    let running = true;
    let requests = 0;
    const loop = (async () => {
      while (running && requests < 20_000) {
        requests++;
        try {
          const response = await getFresh(nginx.url);
          if (response.status !== 200) failures.push(`HTTP ${response.status}: ${response.body}`);
          else seen.add(/slot \w+ release \w+/.exec(response.body)?.[0] ?? response.body);
        } catch (error) {
          failures.push(String(error));
        }
      }
    })();
    const run = await switchTo({ to: 'idle', 'expect-release': 'v2', 'require-smoke': 'true', 'verify-url': `${nginx.url}/` });
    // Keep the loop going until requests reach green for sure.
    for (let i = 0; i < 200 && !seen.has('slot green release v2'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    running = false;
    await loop;

    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ 'live-slot': 'green', 'previous-slot': 'blue', release: 'v2' });
    expect(await live()).toContain('slot green release v2');
    expect(failures).toEqual([]);
    expect([...seen].sort()).toEqual(['slot blue release v1', 'slot green release v2']);
    expect(includeText()).toContain(`upstream shipkit_staging { server 127.0.0.1:${apps.green!.port}; }`);

    const state = await ledger.state();
    expect(state.live).toMatchObject({ release: 'v2', slot: 'green' });
    const switchRecord = (await ledger.records()).filter((record) => record.type === 'switch').at(-1);
    expect(switchRecord).toMatchObject({ status: 'succeeded', release: 'v2', slot: 'green', previousRelease: 'v1', previousSlot: 'blue', details: { router: 'nginx' } });
  });

  test('rollback to the previous release flips back to blue (still holding v1): no reinstall', async () => {
    const deploysBefore = deployCount();
    const workersBefore = nginx.workers();
    const run = await runAction('rollback', { inputs: { environment: 'staging', to: 'previous', reason: 'checkout errors' }, env: s3.env, workspace, event: 'workflow-dispatch' });
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ release: 'v1', 'rolled-back-from': 'v2' });
    await nginx.waitForReload(workersBefore);
    expect(await live()).toContain('slot blue release v1');
    expect(deployCount()).toBe(deploysBefore); // a router flip, not a reinstall
    const last = (await ledger.records()).at(-1);
    expect(last).toMatchObject({ type: 'rollback', status: 'succeeded', release: 'v1', slot: 'blue', reason: 'checkout errors', details: { method: 'switch', router: 'nginx' } });
  });

  test('switching to green again, then back to blue with blue-green-switch', async () => {
    // No live probe after these flips (verify: false; 3 probes 1 s apart each): the test reads the
    // live URL itself. The probe after a flip is the subject of the tests above and below.
    expect((await switchTo({ to: 'green', 'expect-release': 'v2', verify: 'false' })).outputs).toMatchObject({ 'live-slot': 'green', 'previous-slot': 'blue', release: 'v2' });
    expect(await live()).toContain('slot green release v2');
    const run = await switchTo({ to: 'blue', 'expect-release': 'v1', verify: 'false' });
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ 'live-slot': 'blue', 'previous-slot': 'green', release: 'v1' });
    expect(await live()).toContain('slot blue release v1');
    expect((await ledger.state()).live).toMatchObject({ release: 'v1', slot: 'blue' });
    // The switch ended: the main step told the post entry (after its last state), which ends without loading the bundle.
    expect([run.state.finished, run.state.post, run.post?.log.trim()]).toEqual(['true', 'idle', 'Nothing left to finish: the main step ended what it started.']);
  });

  test('switching to a slot that holds the wrong release is refused; nothing changes', async () => {
    const before = includeText();
    const recordsBefore = (await ledger.records()).length;
    // This refusal comes under the lease (the slot's release is read from the ledger while no other
    // run can change it), so the lease's store probe — rewritten by every run that takes the lease,
    // holding no user data — is the one object that may change; everything else must not.
    const probe = ['shop-state/shipkit/ledger/.conditional-write-probe.json'];
    const snapshotBefore = await everything([], probe);
    const run = await switchTo({ to: 'green', 'expect-release': 'v3' });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/Input "expect-release" is "v3", but slot green of environment staging holds release "v2"; refusing to switch/);
    expect(run.summary).toContain('Traffic of **staging** was not switched (to green)');
    expect(includeText()).toBe(before);
    expect(await live()).toContain('slot blue release v1');
    expect((await ledger.records()).length).toBe(recordsBefore);
    expect(await everything([], probe)).toEqual(snapshotBefore);
  });

  test('require-smoke refuses a slot whose latest smoke test failed', async () => {
    expect((await deploy('v3')).outputs.slot).toBe('green');
    broken.green = true;
    const smoked = await smoke('green');
    expect(smoked.exitCode).toBe(1);
    expect(smoked.outputs.passed).toBe('false');
    const run = await switchTo({ to: 'idle', 'require-smoke': 'true' });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/latest smoke test of slot green \(release v3\) failed/);
    expect(await live()).toContain('slot blue release v1');
  });

  test('a failed verify-url probe switches back to blue and records the failed switch', async () => {
    const run = await switchTo({ to: 'idle', 'verify-url': `${nginx.url}/` });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/failed verification after the switch: HTTP 503.*Switched back to blue/s);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(includeText()).toContain(`server 127.0.0.1:${apps.blue!.port};`);
    // The switch back was a reload too; the next visitor gets blue.
    let body = '';
    for (let i = 0; i < 500 && !(body = await live()).includes('slot blue'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(body).toContain('slot blue release v1');
    const last = (await ledger.records()).filter((record) => record.type === 'switch').at(-1);
    expect(last).toMatchObject({ status: 'failed', slot: 'green', release: 'v3', details: { switchedBack: true } });
    expect((await ledger.state()).live).toMatchObject({ release: 'v1', slot: 'blue' });
    // Started (pending), then ended by the main step itself (idle, the last word): nothing left for the post step.
    expect([run.state.post, run.post?.log.trim()]).toEqual(['idle', 'Nothing left to finish: the main step ended what it started.']);
  });

  test('an include nginx -t refuses (unresolvable upstream) is rolled back; live traffic untouched', async () => {
    broken.green = false;
    writeConfig('broken.yml', { greenUpstream: 'no-such-host.invalid:8080' });
    const before = includeText();
    const run = await switchTo({ to: 'green' }, { config: 'broken.yml' });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/nginx refused the new routing to green \(no-such-host\.invalid:8080\)[\s\S]*host not found/);
    expect(includeText()).toBe(before);
    expect(await live()).toContain('slot blue release v1');
    const last = (await ledger.records()).filter((record) => record.type === 'switch').at(-1);
    expect(last).toMatchObject({ status: 'failed', slot: 'green' });
  });

  test('an invalid upstream in the config is refused before anything is touched', async () => {
    writeConfig('evil.yml', { greenUpstream: '127.0.0.1:1; } server 10.9.9.9:80' });
    const before = includeText();
    const recordsBefore = (await ledger.records()).length;
    const snapshotBefore = await everything();
    const run = await switchTo({ to: 'green' }, { config: 'evil.yml' });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/slots\.green\.upstream/);
    expect(includeText()).toBe(before);
    expect((await ledger.records()).length).toBe(recordsBefore);
    expect(await everything()).toEqual(snapshotBefore);
  });

  test('a switch interrupted after the flip (router on green, ledger still blue) is completed by a re-run', async () => {
    // What a run killed between the reload and its ledger record leaves behind.
    writeFileSync(include, `upstream shipkit_staging { server 127.0.0.1:${apps.green!.port}; }\n`);
    await nginx.reload();
    expect((await ledger.state()).live).toMatchObject({ slot: 'blue' });
    const run = await switchTo({ to: 'idle', 'expect-release': 'v3' });
    expect(run.errors).toEqual([]);
    expect(run.warnings.join('\n')).toMatch(/The router sends traffic to green, but the ledger records blue as live/);
    expect(run.outputs).toMatchObject({ 'live-slot': 'green', 'previous-slot': 'blue', release: 'v3' });
    expect(await live()).toContain('slot green release v3');
    expect((await ledger.state()).live).toMatchObject({ slot: 'green', release: 'v3' });
    // Running it once more is a no-op: nothing to switch, nothing recorded.
    const recordsBefore = (await ledger.records()).length;
    const again = await switchTo({ to: 'green' });
    expect(again.outputs).toMatchObject({ 'live-slot': 'green', 'previous-slot': '', release: 'v3' });
    expect(again.summary).toContain('was already live');
    expect((await ledger.records()).length).toBe(recordsBefore);
  });

  const SECRET_LINE = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIsymlinkedProbeKey0123';
  test.each([
    {
      name: 'a hand-written nginx file',
      make: (file: string) => writeFileSync(file, `upstream shipkit_staging { server 127.0.0.1:${apps.blue!.port}; }\nserver { listen 127.0.0.1:1; }\n`),
      error: /hand-written\.conf: the file exists and was not written by shipkit/,
    },
    {
      // A link to a secrets file outside: never read through, never replaced, its content never quoted.
      name: 'a symbolic link to a secrets file',
      make: (file: string) => {
        const secrets = path.join(tempDir('nginx-secrets'), 'secrets.env');
        writeFileSync(secrets, `${SECRET_LINE}\n`);
        symlinkSync(secrets, file);
      },
      error: /hand-written\.conf is a symbolic link \(it resolves to .*secrets\.env\): shipkit reads and replaces the include file itself and never follows a link/,
    },
    {
      // Even a link to a file shipkit could own: a rename into the link's place would leave the target stale.
      name: 'a symbolic link to a seeded include',
      make: (file: string) => {
        const real = path.join(tempDir('nginx-real'), 'real.conf');
        writeFileSync(real, `upstream shipkit_staging { server 127.0.0.1:${apps.blue!.port}; }\n`);
        symlinkSync(real, file);
      },
      error: /hand-written\.conf is a symbolic link \(it resolves to .*real\.conf\)/,
    },
  ])('$name at router.include is refused before the lease: the state store and the file are unchanged', async ({ make, error }) => {
    const handWritten = path.join(path.dirname(include), 'hand-written.conf');
    rmSync(handWritten, { force: true });
    make(handWritten);
    const before = { link: lstatSync(handWritten).isSymbolicLink(), text: readFileSync(handWritten, 'utf8') };
    writeFileSync(path.join(workspace, '.github', 'hand.yml'), readFileSync(path.join(workspace, '.github', 'shipkit.yml'), 'utf8').replace(`include: ${include}`, `include: ${handWritten}`));
    const stateBefore = await everything([handWritten]);
    const run = await switchTo({ to: 'green', 'lock-timeout': '0' }, { config: '.github/hand.yml' });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(error);
    expect(run.log).not.toContain('symlinkedProbeKey');
    expect(run.summary).not.toContain('symlinkedProbeKey');
    expect(await everything([handWritten])).toEqual(stateBefore);
    expect({ link: lstatSync(handWritten).isSymbolicLink(), text: readFileSync(handWritten, 'utf8') }).toEqual(before);
  });

  test('bad inputs are named before anything happens: the state store and the include as they were', async () => {
    const before = await everything();
    const run = await switchTo({ to: 'purple' });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toContain('Input "to" has an invalid value "purple": expected one of idle, blue, green.');
    const steps = await switchTo({ to: 'idle', steps: '50,20' });
    expect(steps.exitCode).toBe(1);
    expect(steps.errors.join('\n')).toMatch(/"steps" has an invalid value "50,20"/);
    expect(await everything()).toEqual(before);
  });
});

describe("blue-green-switch with the cloudfront router (moto's CloudFront API)", () => {
  let moto: MotoService;
  let cloudfront: CloudFrontClient;
  let distributionId: string;
  let github: HttpService;
  const githubRequests: Array<{ method: string; url: string; body: Record<string, unknown> }> = [];
  let workspace: string;
  const targetOrigin = async () => (await cloudfront.send(new GetDistributionConfigCommand({ Id: distributionId }))).DistributionConfig?.DefaultCacheBehavior?.TargetOriginId;

  beforeAll(async () => {
    moto = await startMoto({ buckets: ['shop-state'] });
    cloudfront = new CloudFrontClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: moto.credentials });
    const origin = (id: string) => ({ Id: id, DomainName: `${id}.s3.amazonaws.com`, S3OriginConfig: { OriginAccessIdentity: '' } });
    const created = await cloudfront.send(
      new CreateDistributionCommand({
        DistributionConfig: {
          CallerReference: `bg-${Date.now()}`,
          Comment: 'shop production',
          Enabled: true,
          Origins: { Quantity: 3, Items: [origin('shop-prod-blue'), origin('shop-prod-green'), origin('legacy')] },
          DefaultCacheBehavior: { TargetOriginId: 'legacy', ViewerProtocolPolicy: 'allow-all', ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } }, MinTTL: 0, TrustedSigners: { Enabled: false, Quantity: 0 } },
        },
      }),
    );
    distributionId = created.Distribution!.Id!;
    // Stand-in for GitHub's REST API (deployments), answering with the documented shapes.
    github = await startHttpServer((req: IncomingMessage, res: ServerResponse) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        githubRequests.push({ method: req.method ?? '', url: req.url ?? '', body: text ? JSON.parse(text) : {} });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify(req.url?.endsWith('/deployments') ? { id: 7, environment: 'production' } : { id: 1, state: 'success' }));
      });
    });
    workspace = path.join(tempDir('blue-green-cf'), 'workspace');
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    writeFileSync(path.join(workspace, 'deploy.sh'), '#!/bin/sh\necho "deployed $SHIPKIT_RELEASE to $SHIPKIT_SLOT"\n');
    chmodSync(path.join(workspace, 'deploy.sh'), 0o755);
    writeFileSync(
      path.join(workspace, '.github', 'shipkit.yml'),
      `app: shop
state: s3://shop-state/shipkit
environments:
  production:
    target: command
    strategy: blue-green
    deploy: [./deploy.sh]
    slots:
      blue: { origin: shop-prod-blue, url: "https://blue.shop.example/" }
      green: { origin: shop-prod-green, url: "https://green.shop.example/" }
    router: { type: cloudfront, distribution-id: ${distributionId}, endpoint: "${moto.endpoint}" }
    url: https://shop.example/
`,
    );
  });
  afterAll(async () => {
    cloudfront?.destroy();
    await github?.stop();
    await moto?.stop();
  });

  test('points the distribution at the slot origin, invalidates /* (waiting for Completed) and mirrors the switch to GitHub Deployments', async () => {
    const step = (name: string, inputs: Record<string, string>, token?: string) =>
      runAction(name, { inputs: { environment: 'production', ...inputs }, env: { ...moto.env, GITHUB_API_URL: github.url }, workspace, event: 'tag-v1.2.3', githubToken: token });
    expect((await step('deploy-env', { release: 'v1.2.2' })).outputs.slot).toBe('blue');
    // shop.example is not reachable from here: no live probe (verify defaults to the environment's url).
    expect((await step('blue-green-switch', { verify: 'false' })).outputs).toMatchObject({ 'live-slot': 'blue', release: 'v1.2.2' });
    expect(await targetOrigin()).toBe('shop-prod-blue');
    expect((await step('deploy-env', { release: 'v1.2.3' })).outputs.slot).toBe('green');

    githubRequests.length = 0;
    const run = await step('blue-green-switch', { 'expect-release': 'v1.2.3', verify: 'false' }, 'ghs_standInToken456');
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ 'live-slot': 'green', 'previous-slot': 'blue', release: 'v1.2.3' });
    expect(await targetOrigin()).toBe('shop-prod-green');
    const invalidations = (await cloudfront.send(new ListInvalidationsCommand({ DistributionId: distributionId }))).InvalidationList?.Items ?? [];
    expect(invalidations).toHaveLength(2);
    const last = await cloudfront.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: invalidations[0].Id! }));
    expect(last.Invalidation?.InvalidationBatch?.Paths?.Items).toEqual(['/*']); // the cache key does not include the origin
    expect(githubRequests.map((request) => `${request.method} ${request.url}`)).toEqual(['POST /repos/acme/shop/deployments', 'POST /repos/acme/shop/deployments/7/statuses', 'POST /repos/acme/shop/deployments/7/statuses']);
    expect(githubRequests[0].body).toMatchObject({ environment: 'production', payload: { release: 'v1.2.3' } });
    expect(githubRequests[2].body).toMatchObject({ state: 'success', environment_url: 'https://shop.example/' });
    expect(run.log).not.toContain('ghs_standInToken456');
    const ledger = await openLedger({ state: 's3://shop-state/shipkit', app: 'shop', environment: 'production', client: moto.client() });
    expect(JSON.stringify(await ledger.records())).not.toContain('ghs_standInToken456');
    expect((await ledger.state()).live).toMatchObject({ release: 'v1.2.3', slot: 'green' });
  });

  test('a distribution that does not declare the slot origin is refused, listing the declared origins', async () => {
    const config = readFileSync(path.join(workspace, '.github', 'shipkit.yml'), 'utf8').replace('origin: shop-prod-blue', 'origin: shop-prod-blue-v2');
    writeFileSync(path.join(workspace, 'renamed.yml'), config);
    const run = await runAction('blue-green-switch', { inputs: { environment: 'production', to: 'blue', config: 'renamed.yml' }, env: moto.env, workspace });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toContain('does not declare the origin of slot blue (shop-prod-blue-v2); it declares: shop-prod-blue, shop-prod-green, legacy');
    expect(await targetOrigin()).toBe('shop-prod-green');
  });
});
