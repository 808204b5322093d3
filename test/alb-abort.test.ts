/**
 * Traffic is never lost track of, through the committed bundles against moto's ELBv2 API: a canary
 * whose abort is denied (ModifyListener answered AccessDenied by a fault proxy in front of moto)
 * leaves `live-slot: split` and the router's weights in the outputs and the ledger; deploy-env,
 * a new canary and `shipkit status` see the split; a rollback ends it. And the listener's
 * stickiness (ForwardConfig.TargetGroupStickinessConfig) survives a switch, a canary and a
 * rollback; a slot target group that does not exist is refused before anything changes.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ElasticLoadBalancingV2Client, ModifyListenerCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { openLedger, type Ledger } from '@shipkit/ledger';
import { runAction, type RunResult } from './harness/index.js';
import { createLoadBalancer, listenerForward, listenerShares, startHttpServer, startS3Server, tempDir, type HttpService, type LoadBalancerFixture, type S3Server } from './services/index.js';
import { startElbv2FaultProxy, type Elbv2FaultProxy } from './services/elbv2-faults.js';
import { status } from '../scripts/status.js';

describe('alb: an abort the router cannot carry out, and what every change keeps', () => {
  let moto: S3Server;
  let proxy: Elbv2FaultProxy;
  let lb: LoadBalancerFixture;
  let elb: ElasticLoadBalancingV2Client;
  let ledger: Ledger;
  let workspace: string;
  let good: HttpService;
  let broken: HttpService;
  const installed = () => path.join(workspace, 'installed.log');

  const config = (green: { url: string; tg?: string }) => `app: shop
state: s3://shop-state/shipkit
environments:
  prod:
    target: command
    strategy: blue-green
    deploy: [./deploy.sh]
    smoke:
      checks:
        - { name: home, path: /, expect-status: 200 }
    canary: { samples: 20 }
    slots:
      blue: { url: "${good.url}/", target-group-arn: "${lb.targetGroups.blue}" }
      green: { url: "${green.url}/", target-group-arn: "${green.tg ?? lb.targetGroups.green}" }
    router: { type: alb, listener-arn: "${lb.listenerArn}" }
`;
  const use = (text: string) => writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), text);
  const run = (action: string, inputs: Record<string, string>): Promise<RunResult> =>
    runAction(action, { inputs: { environment: 'prod', ...inputs }, env: { ...moto.env, AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: proxy.url, AWS_MAX_ATTEMPTS: '2' }, workspace });
  const switchTo = (inputs: Record<string, string>) => run('blue-green-switch', { verify: 'false', ...inputs });
  const defaultAction = () => listenerForward(elb, lb);
  const shares = () => listenerShares(elb, lb);
  const stickiness = async () => (await defaultAction()).ForwardConfig?.TargetGroupStickinessConfig;

  beforeAll(async () => {
    moto = await startS3Server('moto', { buckets: ['shop-state'] });
    proxy = await startElbv2FaultProxy(moto.endpoint);
    lb = await createLoadBalancer(moto, 'abort');
    elb = new ElasticLoadBalancingV2Client({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
    // The listener starts with stickiness on its forward action, as a user set it up.
    await elb.send(new ModifyListenerCommand({ ListenerArn: lb.listenerArn, DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: lb.targetGroups.blue, Weight: 100 }], TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 3600 } } }] }));
    good = await startHttpServer((_req, res) => res.end('ok'));
    broken = await startHttpServer((_req, res) => res.writeHead(503).end('down'));
    workspace = path.join(tempDir('alb-abort'), 'workspace');
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    // The deploy command leaves a trace of every install, so "installed nothing" is visible.
    writeFileSync(path.join(workspace, 'deploy.sh'), '#!/bin/sh\necho "$SHIPKIT_RELEASE $SHIPKIT_SLOT" >> installed.log\n');
    chmodSync(path.join(workspace, 'deploy.sh'), 0o755);
    use(config({ url: good.url }));
    ledger = await openLedger({ state: 's3://shop-state/shipkit', app: 'shop', environment: 'prod', client: moto.client(), run: { runId: 'test-run' } });
  });

  afterAll(async () => {
    await good?.stop();
    await broken?.stop();
    await proxy?.stop();
    await moto?.stop();
  });

  test('stickiness stays enabled through a switch, a canary and a rollback', async () => {
    expect((await run('deploy-env', { release: 'v1' })).errors).toEqual([]);
    expect((await switchTo({ to: 'blue' })).errors).toEqual([]);
    expect((await run('deploy-env', { release: 'v2' })).outputs.slot).toBe('green');
    const canary = await switchTo({ steps: '40,100', 'step-duration': '300ms' });
    expect(canary.errors).toEqual([]);
    expect(canary.outputs).toMatchObject({ 'live-slot': 'green', weights: '{"green":100}' });
    expect(await shares()).toEqual({ green: 100 });
    expect(await stickiness()).toEqual({ Enabled: true, DurationSeconds: 3600 });
    const rolled = await run('rollback', { to: 'previous', reason: 'stickiness test' });
    expect(rolled.errors).toEqual([]);
    expect(await shares()).toEqual({ blue: 100 });
    expect(await stickiness()).toEqual({ Enabled: true, DurationSeconds: 3600 });
  });

  test('an abort whose ModifyListener is denied: live-slot split, the weights in outputs and ledger; deploy-env and a new canary refuse; status shows it; a rollback ends it', async () => {
    // Blue (v1) is live; green holds v2 and now fails every request.
    use(config({ url: broken.url }));
    rmSync(installed(), { force: true });
    // The first ModifyListener (the 30% step) goes through; every later one is denied.
    proxy.deny('ModifyListener', { after: 1 });
    const aborted = await switchTo({ steps: '30,100', 'step-duration': '2s' });
    expect(aborted.exitCode).toBe(1);
    expect(aborted.outputs).toMatchObject({ 'live-slot': 'split', weights: '{"blue":70,"green":30}', 'aborted-at': '30' });
    const error = aborted.errors.join('\n');
    expect(error).toMatch(/aborted at 30%.*returning all traffic to blue FAILED too \(.*AccessDenied|not authorized.*\): traffic is still split, the router sends blue 70%, green 30%/s);
    expect(await shares()).toEqual({ blue: 70, green: 30 });
    // The router was never "restored": no ModifyListener got through after the step.
    const state = await ledger.state();
    expect(state.canary).toMatchObject({ slot: 'green', release: 'v2', unresolved: true, weights: { blue: 70, green: 30 } });
    expect(state.live).toMatchObject({ release: 'v1', slot: 'blue' });
    expect((await ledger.records()).at(-1)).toMatchObject({ type: 'switch', status: 'failed', details: { aborted: true, switchedBack: false, split: { blue: 70, green: 30 } } });

    // deploy-env refuses the slot with traffic, installing nothing and recording nothing.
    use(config({ url: good.url }));
    const before = (await ledger.records()).length;
    const deploy = await run('deploy-env', { release: 'v3' });
    expect(deploy.exitCode).toBe(1);
    expect(deploy.errors.join('\n')).toMatch(/Refusing to install into slot green of prod: it receives live traffic \(the router sends blue 70%, green 30%; the ledger keeps the canary of v2 open \(blue 70%, green 30%, its abort did not return traffic to one slot/);
    expect(deploy.errors.join('\n') + deploy.stdout).toMatch(/run rollback \(all traffic back to blue\), or blue-green-switch to: green with steps: 100/);
    expect(existsSync(installed())).toBe(false);
    expect((await ledger.records()).length).toBe(before);

    // A new canary is refused too (only a switch that completes, or a rollback, ends the split).
    const again = await switchTo({ steps: '50,100', 'step-duration': '1s' });
    expect(again.exitCode).toBe(1);
    expect(again.errors.join('\n')).toMatch(/Refusing traffic steps 50,100 on prod: live traffic is already split \(the router sends blue 70%, green 30%/);
    expect((await ledger.records()).length).toBe(before);

    // shipkit status shows it.
    const saved = { ...process.env };
    Object.assign(process.env, moto.env);
    try {
      const text = (await status({ workspace, environment: 'prod' })).join('\n');
      expect(text).toMatch(/traffic SPLIT: blue 70%, green 30% — the canary of v2 on slot green ended but traffic did not return to one slot/);
      expect(text).toMatch(/switch\s+failed\s+v2\s+slot green.*aborted at 30%\s+router: blue 70%, green 30%/);
    } finally {
      process.env = saved;
    }

    // The permission is back: a rollback returns all traffic to blue and closes the canary; deploy-env works again.
    proxy.allow('ModifyListener');
    const rolled = await run('rollback', { to: 'previous', reason: 'end the split' });
    expect(rolled.errors).toEqual([]);
    expect(await shares()).toEqual({ blue: 100 });
    expect(await stickiness()).toEqual({ Enabled: true, DurationSeconds: 3600 });
    expect((await ledger.state()).canary).toBeUndefined();
    const next = await run('deploy-env', { release: 'v3' });
    expect(next.errors).toEqual([]);
    expect(next.outputs.slot).toBe('green');
    expect(readFileSync(installed(), 'utf8')).toBe('v3 green\n');
  });

  test('DescribeListeners denied: deploy-env fails naming the permission (the safety check is not skipped), installing nothing', async () => {
    proxy.deny('DescribeListeners');
    try {
      rmSync(installed(), { force: true });
      const before = (await ledger.records()).length;
      const deploy = await run('deploy-env', { release: 'v4' });
      expect(deploy.exitCode).toBe(1);
      expect(deploy.errors.join('\n')).toMatch(/Could not read ALB listener .*not authorized to perform: elasticloadbalancing:DescribeListeners/);
      expect(deploy.errors.join('\n') + deploy.stdout).toMatch(/elasticloadbalancing:DescribeListeners/);
      expect(existsSync(installed())).toBe(false);
      expect((await ledger.records()).length).toBe(before);
    } finally {
      proxy.allow('DescribeListeners');
    }
  });

  test('a slot target group that does not exist is refused by deploy-env before anything changes', async () => {
    const missing = lb.targetGroups.green.replace(/\/[0-9a-f]+$/, '/0123456789abcdef');
    use(config({ url: good.url, tg: missing.replace('targetgroup/abort-green/', 'targetgroup/abort-gone/') }));
    try {
      const before = (await ledger.records()).length;
      const deploy = await run('deploy-env', { release: 'v4' });
      expect(deploy.exitCode).toBe(1);
      expect(deploy.errors.join('\n')).toMatch(/environments\.prod\.slots\.green\.target-group-arn is "arn:aws:elasticloadbalancing:.*targetgroup\/abort-gone\/0123456789abcdef", and no such target group exists/);
      expect((await ledger.records()).length).toBe(before);
    } finally {
      use(config({ url: good.url }));
    }
  });
});
