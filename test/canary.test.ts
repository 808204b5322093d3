/**
 * Progressive delivery end to end, through the committed bundles as the runner runs them: a real
 * nginx splits traffic between two real slot servers by weight, a client samples the live URL
 * during the switch, and the ledger (moto S3) records every step. Canaries that complete, that
 * abort on a failing release, that are cancelled mid-step (the post step returns the traffic),
 * and a rollback during an interrupted canary.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { openLedger, type Ledger, type LedgerRecord, type SlotName } from '@shipkit/ledger';
import { runAction, type RunResult } from './harness/index.js';
import { getFresh, startHttpServer, startNginx, startS3Server, tempDir, type HttpService, type NginxService, type S3Server } from './services/index.js';

interface Sample {
  start: number;
  end: number;
  slot?: SlotName;
  status: number;
}

describe('canary switches with real nginx between two slots', () => {
  let s3: S3Server;
  let nginx: NginxService;
  const apps: Partial<Record<SlotName, HttpService>> = {};
  /** Per slot: how many of every 5 requests fail with 500 (2 = 40%). */
  const failing: Record<SlotName, number> = { blue: 0, green: 0 };
  const counters: Record<SlotName, number> = { blue: 0, green: 0 };
  let slotsDir: string;
  let workspace: string;
  let include: string;
  let ledger: Ledger;

  const writeConfig = (lock = '{ timeout: "0" }') => {
    writeFileSync(
      path.join(workspace, '.github', 'shipkit.yml'),
      `app: shop
state: s3://shop-state/shipkit
lock: ${lock}
environments:
  prod:
    target: command
    strategy: blue-green
    deploy: [./deploy.sh]
    env: { SLOTS_DIR: "${slotsDir}" }
    smoke:
      checks:
        - { name: home, path: /, expect-status: 200, body-contains: 'slot' }
    slots:
      blue: { upstream: "127.0.0.1:${apps.blue!.port}", url: "${apps.blue!.url}/" }
      green: { upstream: "127.0.0.1:${apps.green!.port}", url: "${apps.green!.url}/" }
    router:
      type: nginx
      include: ${include}
      test: ${JSON.stringify(nginx.testCommand)}
      reload: ${JSON.stringify(nginx.reloadCommand)}
      pid-file: ${nginx.pidPath}
    url: ${nginx.url}/
`,
    );
  };

  const env = () => s3.env;
  async function deploy(release: string): Promise<void> {
    const run = await runAction('deploy-env', { inputs: { environment: 'prod', release }, env: env(), workspace });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
  }
  function switchTo(inputs: Record<string, string>, options: { cancel?: Promise<unknown>; post?: boolean } = {}): Promise<RunResult> {
    return runAction('blue-green-switch', { inputs: { environment: 'prod', ...inputs }, env: env(), workspace, cancel: options.cancel, post: options.post });
  }

  /** Samples the live URL until stopped: which slot answered each request, and when. */
  function sampler() {
    const samples: Sample[] = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        const start = Date.now();
        try {
          const response = await getFresh(`${nginx.url}/`);
          samples.push({ start, end: Date.now(), status: response.status, slot: /slot (blue|green)/.exec(response.body)?.[1] as SlotName | undefined });
        } catch {
          samples.push({ start, end: Date.now(), status: 0 });
        }
      }
    })();
    return {
      samples,
      async stop() {
        running = false;
        await loop;
      },
    };
  }
  const share = (samples: Sample[], slot: SlotName) => samples.filter((sample) => sample.slot === slot).length / samples.length;
  const within = (samples: Sample[], from: string, to: string) => samples.filter((sample) => sample.start >= Date.parse(from) && sample.end <= Date.parse(to));
  const switchRecords = async (operation: string) => (await ledger.records()).filter((record) => record.operation === operation);
  const lastSwitch = async (): Promise<LedgerRecord> => (await ledger.records()).filter((record) => record.type === 'switch' && record.status === 'started').at(-1)!;
  /** Resolves once the ledger's state satisfies `ready` (polling stops when `stop()` is called, e.g. after the run ended). */
  function whenState(ready: (state: Awaited<ReturnType<Ledger['state']>>) => boolean) {
    let stopped = false;
    const promise = (async () => {
      while (!stopped) {
        if (ready(await ledger.state())) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    return { promise, stop: () => (stopped = true) };
  }
  const liveSlots = async (count: number) => {
    const seen: Array<SlotName | undefined> = [];
    for (let i = 0; i < count; i++) seen.push(/slot (blue|green)/.exec((await getFresh(`${nginx.url}/`)).body)?.[1] as SlotName | undefined);
    return seen;
  };

  beforeAll(async () => {
    s3 = await startS3Server('moto', { buckets: ['shop-state'] });
    for (const slot of ['blue', 'green'] as const) {
      apps[slot] = await startHttpServer((_req: IncomingMessage, res: ServerResponse) => {
        const n = counters[slot]++;
        const file = path.join(slotsDir, `${slot}.release`);
        if (!existsSync(file) || n % 5 < failing[slot]) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`slot ${slot} failed`);
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<p>slot ${slot} release ${readFileSync(file, 'utf8').trim()}</p>`);
      });
    }
    const dir = tempDir('canary');
    slotsDir = path.join(dir, 'slots');
    mkdirSync(slotsDir);
    include = path.join(dir, 'shipkit', 'prod.conf');
    mkdirSync(path.dirname(include), { recursive: true });
    writeFileSync(include, `upstream shipkit_prod { server 127.0.0.1:${apps.blue!.port}; }\n`);
    nginx = await startNginx({ http: ({ port }) => `include ${include};\nserver { listen 127.0.0.1:${port}; location / { proxy_pass http://shipkit_prod; } }` });
    workspace = path.join(dir, 'workspace');
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    writeConfig();
    writeFileSync(path.join(workspace, 'deploy.sh'), '#!/bin/sh\nset -e\necho "$SHIPKIT_RELEASE" > "$SLOTS_DIR/$SHIPKIT_SLOT.release"\n');
    chmodSync(path.join(workspace, 'deploy.sh'), 0o755);
    ledger = await openLedger({ state: 's3://shop-state/shipkit', app: 'shop', environment: 'prod', client: s3.client(), run: { runId: 'test-run' } });
    // v1 live on blue, v2 installed on green.
    await deploy('v1');
    expect((await switchTo({ to: 'blue' })).exitCode).toBe(0);
    await deploy('v2');
  });

  afterAll(async () => {
    await nginx?.stop();
    for (const app of Object.values(apps)) await app?.stop();
    await s3?.stop();
  });

  test('steps 20,50,100: the share answered by the new slot sits near 20%, then 50%, then 100%; every step is in the ledger', async () => {
    const client = sampler();
    const run = await switchTo({ steps: '20,50,100', 'step-duration': '3s' });
    const after = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await client.stop();
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ 'live-slot': 'green', 'previous-slot': 'blue', release: 'v2', 'aborted-at': '' });
    expect(run.summary).toContain('in steps 20, 50, 100%');

    const started = await lastSwitch();
    const records = await switchRecords(started.operation);
    const analysed = records.filter((record) => record.status === 'progress' && record.details?.phase === 'analysed');
    expect(analysed.map((record) => [record.details!.step, record.details!.weight, (record.details!.analysis as { passed: boolean }).passed])).toEqual([
      [1, 20, true],
      [2, 50, true],
    ]);
    expect(records.filter((record) => record.status === 'progress' && record.details?.phase === 'set').map((record) => record.details!.weight)).toEqual([20, 50]);
    expect(records.at(-1)).toMatchObject({ status: 'succeeded', release: 'v2', slot: 'green', details: { steps: [20, 50, 100] } });

    const samples = client.samples;
    expect(samples.every((sample) => sample.status === 200)).toBe(true);
    for (const [index, weight] of [20, 50].entries()) {
      const window = within(samples, analysed[index].details!.setAt as string, analysed[index].time);
      expect(window.length).toBeGreaterThan(30);
      expect(share(window, 'green')).toBeGreaterThan(weight / 100 - 0.08);
      expect(share(window, 'green')).toBeLessThan(weight / 100 + 0.08);
    }
    const end = records.at(-1)!;
    expect(share(samples.filter((sample) => sample.start >= Date.parse(end.time) && sample.end <= after + 300), 'green')).toBe(1);
    expect(await liveSlots(20)).toEqual(Array(20).fill('green'));
    expect(readFileSync(include, 'utf8')).toContain(`upstream shipkit_prod { server 127.0.0.1:${apps.green!.port}; }`);
    expect((await ledger.state()).live).toMatchObject({ release: 'v2', slot: 'green' });
    expect((await ledger.state()).canary).toBeUndefined();
  });

  test('a release failing 40% of its requests is stopped at 20%: aborted-at 20, and the next requests all reach the previous slot', async () => {
    await deploy('v3'); // into blue, now idle
    failing.blue = 2;
    try {
      const run = await switchTo({ steps: '20,50,100', 'step-duration': '10s' });
      expect(run.exitCode).toBe(1);
      expect(run.outputs).toMatchObject({ 'aborted-at': '20', 'live-slot': 'green' });
      // Either check may spend its budget first: the slot's own (40% failing) or the live URL's (20% of
      // requests reach blue, so ~8% fail there — above the 5% budget too). Both are this release's failures.
      expect(run.errors.join('\n')).toMatch(/Canary of v3 on prod aborted at 20%: Step 1\/3 \(20% on blue\) failed its analysis: check "home \((slot blue|live)\)": \d+ of \d+ requests failed \(budget \d+ of 150\); last: .*500.* All traffic is back on green\./);
      expect(await liveSlots(30)).toEqual(Array(30).fill('green'));
      const started = await lastSwitch();
      const end = (await switchRecords(started.operation)).at(-1)!;
      expect(end).toMatchObject({ status: 'failed', release: 'v3', slot: 'blue', details: { aborted: true, abortedAt: 20, switchedBack: true } });
      expect(['home (slot blue)', 'home (live)']).toContain(end.details!.failedCheck);
      expect(end.error).toMatch(/aborted at 20%/);
      const state = await ledger.state();
      expect(state.live).toMatchObject({ release: 'v2', slot: 'green' });
      expect(state.canary).toBeUndefined();
    } finally {
      failing.blue = 0;
    }
  });

  test('cancelling the job mid-step: the post step puts 100% back on the previous slot and records the interrupted switch', async () => {
    // Cancel once the first weight is set (the ledger says so).
    const cancel = whenState((state) => state.canary?.release === 'v3');
    const run = await switchTo({ steps: '20,100', 'step-duration': '60s' }, { cancel: cancel.promise });
    cancel.stop();
    expect(run.signal ?? run.exitCode).toBeTruthy();
    expect(run.post?.exitCode).toBe(0);
    expect(run.post?.warnings.join('\n')).toMatch(/interrupted: the switch step ended without finishing \(cancelled or killed\) at 20% on blue: all traffic is back on green/);
    expect(await liveSlots(30)).toEqual(Array(30).fill('green'));
    const state = await ledger.state();
    expect(state.canary).toBeUndefined();
    expect(state.live).toMatchObject({ release: 'v2', slot: 'green' });
    const started = await lastSwitch();
    expect((await switchRecords(started.operation)).at(-1)).toMatchObject({ status: 'failed', details: { interrupted: true, abortedAt: 20, switchedBack: true } });
    // The lease was released: the next run does not wait (lock timeout 0).
    const next = await switchTo({ to: 'green' });
    expect(next.exitCode).toBe(0);
  });

  test('a canary whose run died (no post step) shows in the ledger; rollback returns all traffic to the previous slot', async () => {
    // The lost run's lease expires 5 s after its last renewal; the rollback waits for that.
    writeConfig('{ timeout: 30s, expiry: 5s }');
    const killed = whenState((state) => state.canary?.weight === 50);
    const run = await switchTo({ steps: '50,100', 'step-duration': '60s' }, { cancel: killed.promise, post: false });
    killed.stop();
    expect(run.post).toBeUndefined();
    expect(run.errors).toEqual([]);
    const during = await ledger.state();
    expect(during.canary).toMatchObject({ release: 'v3', slot: 'blue', from: 'green', weight: 50, step: 1, steps: [50, 100] });
    const split = await liveSlots(40);
    expect(split.filter((slot) => slot === 'blue').length).toBe(20);

    const rolled = await runAction('rollback', { inputs: { environment: 'prod', to: 'previous', reason: 'canary run lost' }, env: env(), workspace, event: 'workflow-dispatch' });
    expect(rolled.errors).toEqual([]);
    expect(rolled.exitCode).toBe(0);
    expect(rolled.outputs).toMatchObject({ release: 'v2', 'rolled-back-from': 'v3' });
    expect(await liveSlots(30)).toEqual(Array(30).fill('green'));
    const state = await ledger.state();
    expect(state.canary).toBeUndefined();
    expect(state.live).toMatchObject({ release: 'v2', slot: 'green' });
    const records = await ledger.records();
    expect(records.filter((record) => record.type === 'switch').at(-1)).toMatchObject({ status: 'failed', details: { aborted: true, abortedAt: 50, switchedBack: true } });
    expect(records.at(-1)).toMatchObject({ type: 'rollback', status: 'succeeded', release: 'v2', slot: 'green', previousRelease: 'v3', reason: 'canary run lost' });
  });
});

describe('canary steps on the command and cloudfront routers', () => {
  let s3: S3Server;
  const apps: Partial<Record<SlotName, HttpService>> = {};
  const failing: Record<SlotName, boolean> = { blue: false, green: false };
  let dir: string;
  let workspace: string;
  let ledger: Ledger;

  const config = (router: string) => `app: shop
state: s3://shop-state/shipkit
environments:
  prod:
    target: command
    strategy: blue-green
    deploy: [./deploy.sh]
    env: { LOG: "${dir}/router.log", SLOTS_DIR: "${dir}" }
    slots:
      blue: { url: "${apps.blue!.url}/", origin: blue-origin }
      green: { url: "${apps.green!.url}/", origin: green-origin }
    router: ${router}
    canary: { steps: [30, 100], step-duration: 1s, samples: 20 }
`;
  const use = (router: string) => writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), config(router));
  const run = (action: string, inputs: Record<string, string>) => runAction(action, { inputs: { environment: 'prod', ...inputs }, env: s3.env, workspace });
  const routerLog = () => (existsSync(path.join(dir, 'router.log')) ? readFileSync(path.join(dir, 'router.log'), 'utf8').split('\n').filter(Boolean) : []);

  beforeAll(async () => {
    s3 = await startS3Server('moto', { buckets: ['shop-state'] });
    for (const slot of ['blue', 'green'] as const) {
      apps[slot] = await startHttpServer((_req: IncomingMessage, res: ServerResponse) => {
        if (failing[slot]) res.writeHead(503).end('down');
        else res.end(`slot ${slot}`);
      });
    }
    dir = tempDir('canary-command');
    workspace = path.join(dir, 'workspace');
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    writeFileSync(path.join(workspace, 'deploy.sh'), '#!/bin/sh\nset -e\necho "$SHIPKIT_RELEASE" > "$SLOTS_DIR/$SHIPKIT_SLOT.release"\n');
    writeFileSync(path.join(workspace, 'switch.sh'), '#!/bin/sh\nset -e\necho "$SHIPKIT_SLOT $SHIPKIT_WEIGHT $SHIPKIT_PREVIOUS_SLOT" >> "$LOG"\n');
    chmodSync(path.join(workspace, 'deploy.sh'), 0o755);
    chmodSync(path.join(workspace, 'switch.sh'), 0o755);
    use('{ type: command, switch: ./switch.sh, weighted: true }');
    ledger = await openLedger({ state: 's3://shop-state/shipkit', app: 'shop', environment: 'prod', client: s3.client(), run: { runId: 'test-run' } });
    expect((await run('deploy-env', { release: 'v1' })).exitCode).toBe(0);
    expect((await run('blue-green-switch', { to: 'blue' })).exitCode).toBe(0);
    expect((await run('deploy-env', { release: 'v2' })).exitCode).toBe(0);
    writeFileSync(path.join(dir, 'router.log'), '');
  });

  afterAll(async () => {
    for (const app of Object.values(apps)) await app?.stop();
    await s3?.stop();
  });

  test.each([
    ['cloudfront', '{ type: cloudfront, distribution-id: E2QWRUHEXAMPLE }', /the cloudfront router moves all of a distribution's traffic at once.*use CloudFront continuous deployment \(a staging distribution with a weight-based policy\), or set steps to 100/],
    ['command without weighted', '{ type: command, switch: ./switch.sh }', /a command that ignores SHIPKIT_WEIGHT would move all traffic at the first step.*set router\.weighted: true/],
  ])('%s: steps from the config are refused before anything changes', async (_name, router, message) => {
    use(router);
    const before = (await ledger.records()).length;
    const refused = await run('blue-green-switch', {});
    expect(refused.exitCode).toBe(1);
    expect(refused.errors.join('\n')).toMatch(/Traffic steps 30,100 were asked for environment prod, but /);
    expect(refused.errors.join('\n')).toMatch(message);
    expect((await ledger.records()).length).toBe(before);
    expect(routerLog()).toEqual([]);
  });

  test('a weighted command is run with SHIPKIT_WEIGHT for each step; an abort gives the previous slot 100%', async () => {
    use('{ type: command, switch: ./switch.sh, weighted: true }');
    failing.green = true;
    const aborted = await run('blue-green-switch', {});
    expect(aborted.exitCode).toBe(1);
    expect(aborted.outputs).toMatchObject({ 'aborted-at': '30', 'live-slot': 'blue' });
    expect(routerLog()).toEqual(['green 30 blue', 'blue 100 green']);

    failing.green = false;
    writeFileSync(path.join(dir, 'router.log'), '');
    const done = await run('blue-green-switch', {});
    expect(done.errors).toEqual([]);
    expect(done.outputs).toMatchObject({ 'live-slot': 'green', 'previous-slot': 'blue', release: 'v2', 'aborted-at': '' });
    expect(routerLog()).toEqual(['green 30 blue', 'green 100 blue']);
    expect((await ledger.state()).live).toMatchObject({ release: 'v2', slot: 'green' });
  });
});
