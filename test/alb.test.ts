/**
 * The alb router through the committed bundles against moto's ELBv2 API (a real load balancer,
 * two target groups, a listener and a rule created in the test; every change read back with
 * DescribeListeners/DescribeRules): flips, weighted canary steps, rollback by flipping back, a rule
 * instead of the default action, switching back after a failed verification, and refusals before
 * anything changes. moto does not route HTTP, so the slots' own URLs are local servers.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DescribeListenersCommand, DescribeRulesCommand, ElasticLoadBalancingV2Client, type Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import { openLedger, type Ledger } from '@shipkit/ledger';
import { runAction, type RunResult } from './harness/index.js';
import { createLoadBalancer, startHttpServer, startS3Server, tempDir, type HttpService, type LoadBalancerFixture, type S3Server } from './services/index.js';

describe('blue-green with the alb router (moto ELBv2)', () => {
  let moto: S3Server;
  let lb: LoadBalancerFixture;
  let elb: ElasticLoadBalancingV2Client;
  let ledger: Ledger;
  let workspace: string;
  const apps: HttpService[] = [];
  let slotUrl: Record<'blue' | 'green', string>;
  let broken: HttpService;
  /** Called for every request a slot's server answers (before it answers). */
  let onSlotRequest: (() => Promise<void>) | undefined;

  const config = (router: Record<string, string>, slots: Partial<Record<'blue' | 'green', string>> = {}) => {
    const fields = Object.entries(router).map(([key, value]) => `${key}: "${value}"`).join(', ');
    return `app: shop
state: s3://shop-state/shipkit
environments:
  prod:
    target: command
    strategy: blue-green
    deploy: [./deploy.sh]
    slots:
      blue: { url: "${slotUrl.blue}/", target-group-arn: "${slots.blue ?? lb.targetGroups.blue}" }
      green: { url: "${slotUrl.green}/", target-group-arn: "${slots.green ?? lb.targetGroups.green}" }
    router: { type: alb, ${fields} }
`;
  };
  const use = (text: string) => writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), text);
  const run = (action: string, inputs: Record<string, string>): Promise<RunResult> => runAction(action, { inputs: { environment: 'prod', ...inputs }, env: moto.env, workspace });
  const switchTo = (inputs: Record<string, string>) => run('blue-green-switch', { verify: 'false', ...inputs });
  const shares = (actions: Action[] = []) => {
    const forward = actions.find((action) => action.Type === 'forward')!;
    const groups = forward.ForwardConfig?.TargetGroups?.length ? forward.ForwardConfig.TargetGroups.map((group) => [group.TargetGroupArn, group.Weight]) : [[forward.TargetGroupArn, 100]];
    const name = (arn?: string) => (arn === lb.targetGroups.blue ? 'blue' : arn === lb.targetGroups.green ? 'green' : arn === lb.targetGroups.other ? 'other' : arn);
    return Object.fromEntries(groups.map(([arn, weight]) => [name(arn as string), weight]));
  };
  const listener = async () => shares((await elb.send(new DescribeListenersCommand({ ListenerArns: [lb.listenerArn] }))).Listeners![0].DefaultActions);
  const rule = async () => shares((await elb.send(new DescribeRulesCommand({ RuleArns: [lb.ruleArn] }))).Rules![0].Actions);

  beforeAll(async () => {
    moto = await startS3Server('moto', { buckets: ['shop-state'] });
    lb = await createLoadBalancer(moto, 'shop');
    elb = new ElasticLoadBalancingV2Client({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
    for (const slot of ['blue', 'green']) {
      apps.push(
        await startHttpServer((_req: IncomingMessage, res: ServerResponse) => {
          // A request to a slot (a canary step's analysis probing it) first has the listener looked at, when a test asks.
          void (onSlotRequest?.() ?? Promise.resolve()).then(() => res.end(`slot ${slot}`));
        }),
      );
    }
    broken = await startHttpServer((_req, res) => res.writeHead(503).end('down'));
    slotUrl = { blue: apps[0].url, green: apps[1].url };
    const dir = tempDir('alb');
    workspace = path.join(dir, 'workspace');
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    writeFileSync(path.join(workspace, 'deploy.sh'), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(workspace, 'deploy.sh'), 0o755);
    use(config({ 'listener-arn': lb.listenerArn }));
    ledger = await openLedger({ state: 's3://shop-state/shipkit', app: 'shop', environment: 'prod', client: moto.client(), run: { runId: 'test-run' } });
    expect((await run('deploy-env', { release: 'v1' })).exitCode).toBe(0);
  });

  afterAll(async () => {
    for (const app of [...apps, broken]) await app?.stop();
    await moto?.stop();
  });

  test('the first switch records blue (the listener already forwards there); v2 goes live on green through weighted steps read back from the listener', async () => {
    const first = await switchTo({ to: 'blue' });
    expect(first.errors).toEqual([]);
    expect(first.outputs).toMatchObject({ 'live-slot': 'blue', release: 'v1' });
    expect(await listener()).toEqual({ blue: 100 });

    expect((await run('deploy-env', { release: 'v2' })).outputs.slot).toBe('green');
    // Read the listener while the canary runs: the 30% step is visible in the load balancer itself.
    // Every 100 ms, and when a slot gets a request (the step's analysis probing it while the step's
    // weight is set; the request is answered after that look, at most one such look per 100 ms), one
    // look at a time; once more after the switch.
    const seen: Array<Record<string, unknown>> = [];
    let looks = Promise.resolve();
    const look = () =>
      (looks = looks.then(async () => {
        const now = await listener();
        if (JSON.stringify(now) !== JSON.stringify(seen.at(-1))) seen.push(now);
      }));
    let running = true;
    const watcher = (async () => {
      while (running) {
        await look();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    let probeLook = 0;
    onSlotRequest = () => {
      if (Date.now() - probeLook < 100) return Promise.resolve();
      probeLook = Date.now();
      return look();
    };
    let canary: RunResult;
    try {
      canary = await switchTo({ steps: '30,100', 'step-duration': '500ms' });
    } finally {
      onSlotRequest = undefined;
      running = false;
      await watcher;
    }
    await look();
    expect(canary.errors).toEqual([]);
    expect(canary.outputs).toMatchObject({ 'live-slot': 'green', 'previous-slot': 'blue', release: 'v2', 'aborted-at': '' });
    expect(seen).toEqual([{ blue: 100 }, { blue: 70, green: 30 }, { green: 100 }]);
    const records = await ledger.records();
    expect(records.filter((record) => record.status === 'progress' && record.details?.phase === 'analysed').map((record) => record.details!.weight)).toEqual([30]);
    expect(records.at(-1)).toMatchObject({ type: 'switch', status: 'succeeded', slot: 'green', details: { router: 'alb', steps: [30, 100] } });
  });

  test('rollback flips the listener back to blue (the slot still holding v1)', async () => {
    const rolled = await run('rollback', { to: 'previous', reason: 'alb test' });
    expect(rolled.errors).toEqual([]);
    expect(rolled.outputs).toMatchObject({ release: 'v1', 'rolled-back-from': 'v2' });
    expect(await listener()).toEqual({ blue: 100 });
    expect((await ledger.state()).live).toMatchObject({ release: 'v1', slot: 'blue' });
  });

  test('a failed verification after the flip points the listener back', async () => {
    const run = await switchTo({ to: 'green', verify: 'true', 'verify-url': `${broken.url}/` });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/failed verification after the switch.*Switched back to blue/);
    expect(await listener()).toEqual({ blue: 100 });
  });

  test('with rule-arn the rule moves and the listener\'s default action is left alone', async () => {
    use(config({ 'listener-arn': lb.listenerArn, 'rule-arn': lb.ruleArn }));
    try {
      const run = await switchTo({ to: 'green' });
      expect(run.errors).toEqual([]);
      expect(await rule()).toEqual({ green: 100 });
      expect(await listener()).toEqual({ blue: 100 });
      expect((await switchTo({ to: 'blue' })).exitCode).toBe(0);
      expect(await rule()).toEqual({ blue: 100 });
    } finally {
      use(config({ 'listener-arn': lb.listenerArn }));
    }
  });

  test('a listener forwarding to a third target group is refused before anything changes', async () => {
    // The slots are blue -> shop-other, green -> shop-green: the listener's shop-blue is nobody's slot.
    use(config({ 'listener-arn': lb.listenerArn }, { blue: lb.targetGroups.other }));
    try {
      const before = (await ledger.records()).length;
      const run = await switchTo({ to: 'green' });
      expect(run.exitCode).toBe(1);
      expect(run.errors.join('\n')).toMatch(/forwards to arn:aws:elasticloadbalancing:.*targetgroup\/shop-blue\/[0-9a-f]+, which is neither slot's target group.*refusing to replace a forward shipkit does not own/);
      expect((await ledger.records()).length).toBe(before);
      expect(await listener()).toEqual({ blue: 100 });
    } finally {
      use(config({ 'listener-arn': lb.listenerArn }));
    }
  });

  test.each([
    ['listener-arn', () => config({ 'listener-arn': 'arn:aws:elasticloadbalancing:us-east-1:123:listener/shop' }), /\.github\/shipkit\.yml: .*environments\.prod\.router\.listener-arn has an invalid value "arn:aws:elasticloadbalancing:us-east-1:123:listener\/shop": expected an ARN such as/],
    ['a rule of another listener', () => config({ 'listener-arn': lb.listenerArn, 'rule-arn': lb.ruleArn.replace(/\/([0-9a-f]+)\/([0-9a-f]+)$/, '/0000000000000000/$2') }), /router\.rule-arn ".*" is not a rule of .*router\.listener-arn/],
    ['the same target group twice', () => config({ 'listener-arn': lb.listenerArn }, { green: lb.targetGroups.blue }), /slots\.blue\.target-group-arn and .*slots\.green\.target-group-arn are the same target group/],
  ])('%s: refused naming the field, nothing recorded', async (_name, text, message) => {
    use(text());
    try {
      const before = (await ledger.records()).length;
      const run = await switchTo({ to: 'green' });
      expect(run.exitCode).toBe(1);
      expect(run.errors.join('\n')).toMatch(message);
      expect((await ledger.records()).length).toBe(before);
      expect(await listener()).toEqual({ blue: 100 });
    } finally {
      use(config({ 'listener-arn': lb.listenerArn }));
    }
  });
});
