/**
 * A canary analysed by CloudWatch metrics of the new slot's target group, through the committed
 * bundle, all on moto (one moto_server: the ledger's S3, the ALB listener the alb router moves,
 * and CloudWatch). While a step runs, the test plays the load balancer: once the listener sends
 * green its share, it publishes green's RequestCount and HTTPCode_Target_5XX_Count into moto's
 * CloudWatch (PutMetricData, dimensions TargetGroup + LoadBalancer as ELBv2 names them). Over the
 * threshold the canary is aborted and the listener (read back from moto) forwards all traffic to
 * blue again; under it the canary completes; a step whose target group received no traffic fails
 * (no traffic is no evidence); bad entries are refused before anything changes.
 *
 * What moto's GetMetricData does (moto 5.2, read in moto/cloudwatch/models.py and checked here):
 *   - It answers the AWS JSON 1.0 protocol the SDK sends (not CBOR).
 *   - Periods are counted from StartTime as given (no rounding to the period as CloudWatch does);
 *     the provider sends whole minutes, so both agree. Data points count when StartTime <= t <
 *     EndTime; a period without data gives no value (not 0), as on CloudWatch.
 *   - With dimensions, a data point matches when its dimension list equals the query's and its
 *     metric name matches; the namespace is NOT compared then. The ORDER of the dimensions counts
 *     on moto (checked: LoadBalancer, TargetGroup published and queried TargetGroup, LoadBalancer
 *     gives no data), where CloudWatch ignores it: the provider queries LoadBalancer then
 *     TargetGroup, the order AWS lists them, and the test publishes them in that order. Sum is the
 *     plain sum of the points' values per period.
 *   - Data appears at once (CloudWatch publishes ALB metrics per minute, minutes late: real steps
 *     must be longer, see docs/design.md).
 * So the data of an earlier test in the same minute is in a later step's window: the counts below
 * are chosen so that every sum a window can hold still says what the test claims.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { openLedger, type Ledger } from '@shipkit/ledger';
import { runAction, type RunResult } from './harness/index.js';
import { createLoadBalancer, listenerShares, startHttpServer, startS3Server, tempDir, type HttpService, type LoadBalancerFixture, type S3Server } from './services/index.js';

describe('canary analysis by CloudWatch metrics of the new target group (moto)', () => {
  let moto: S3Server;
  let lb: LoadBalancerFixture;
  let elb: ElasticLoadBalancingV2Client;
  let cloudwatch: CloudWatchClient;
  let app: HttpService;
  let ledger: Ledger;
  let workspace: string;

  const config = (analysis: string) => `app: shop
state: s3://shop-state/shipkit
environments:
  prod:
    target: command
    strategy: blue-green
    deploy: [./deploy.sh]
    slots:
      blue: { url: "${app.url}/", target-group-arn: "${lb.targetGroups.blue}" }
      green: { url: "${app.url}/", target-group-arn: "${lb.targetGroups.green}" }
    router: { type: alb, listener-arn: "${lb.listenerArn}" }
    canary:
      steps: [30, 100]
      step-duration: 1s
      samples: 20
      analysis:
        - ${analysis}
`;
  const ANALYSIS = '{ type: cloudwatch, name: target-5xx, max: 5%, min-requests: 100 }';
  const use = (analysis = ANALYSIS) => writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), config(analysis));
  const run = (action: string, inputs: Record<string, string>): Promise<RunResult> => runAction(action, { inputs: { environment: 'prod', ...inputs }, env: moto.env, workspace });

  /** The listener's shares as moto holds them: { blue: 70, green: 30 }. */
  const shares = () => listenerShares(elb, lb);

  /**
   * Resolved once the load balancer's part (traffic() below) has published the step's data points:
   * until then the CloudWatch proxy holds GetMetricData, so the step's query (at its end) always
   * comes after the data, however short the step and however busy the machine.
   */
  let published: Promise<void> = Promise.resolve();
  /**
   * In front of moto's CloudWatch: every request forwarded as it is; GetMetricData only once
   * `published` resolved (at most 30 s), and its answer passed through `rewrite` when given.
   */
  const cloudWatchProxy = (rewrite?: (data: { MetricDataResults?: Array<Record<string, unknown>> }) => void) =>
    startHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', async () => {
        const metrics = String(req.headers['x-amz-target'] ?? '').endsWith('.GetMetricData');
        if (metrics) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([published, new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
          clearTimeout(timer);
        }
        const upstream = new URL(moto.endpoint);
        const forward = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            let body = Buffer.concat(parts);
            if (metrics && rewrite && answer.statusCode === 200) {
              const data = JSON.parse(body.toString()) as { MetricDataResults?: Array<Record<string, unknown>> };
              rewrite(data);
              body = Buffer.from(JSON.stringify(data));
            }
            const headers = { ...answer.headers, 'content-length': String(body.length) };
            delete headers['transfer-encoding'];
            res.writeHead(answer.statusCode ?? 500, headers);
            res.end(body);
          });
        });
        forward.end(Buffer.concat(chunks));
      });
    });
  let cloudWatch: HttpService;

  /** The load balancer's part: once green gets a share, its requests and 5xx are published (with the dimensions ELBv2 uses). */
  const traffic = async (counts: { requests: number; errors: number } | undefined, switching: (cloudWatchEndpoint: string) => Promise<RunResult>, proxy = cloudWatch): Promise<RunResult> => {
    let done = false;
    let publish: () => void = () => undefined;
    published = counts ? new Promise<void>((resolve) => (publish = resolve)) : Promise.resolve();
    const watcher = (async () => {
      while (!done) {
        if ((await shares()).green) {
          if (!counts) return;
          const loadBalancer = lb.listenerArn.split(':listener/')[1].split('/').slice(0, 3).join('/');
          const targetGroup = lb.targetGroups.green.split(':').pop()!;
          const dimensions = [{ Name: 'LoadBalancer', Value: loadBalancer }, { Name: 'TargetGroup', Value: targetGroup }];
          const Timestamp = new Date();
          await cloudwatch.send(
            new PutMetricDataCommand({
              Namespace: 'AWS/ApplicationELB',
              MetricData: [
                { MetricName: 'RequestCount', Dimensions: dimensions, Timestamp, Value: counts.requests, Unit: 'Count' },
                ...(counts.errors ? [{ MetricName: 'HTTPCode_Target_5XX_Count', Dimensions: dimensions, Timestamp, Value: counts.errors, Unit: 'Count' as const }] : []),
              ],
            }),
          );
          publish();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    try {
      return await switching(proxy.url);
    } finally {
      done = true;
      publish();
      await watcher;
    }
  };
  const canary = (counts?: { requests: number; errors: number }) => traffic(counts, (endpoint) => runAction('blue-green-switch', { inputs: { environment: 'prod', verify: 'false' }, env: { ...moto.env, AWS_ENDPOINT_URL_CLOUDWATCH: endpoint }, workspace }));

  beforeAll(async () => {
    moto = await startS3Server('moto', { buckets: ['shop-state'] });
    lb = await createLoadBalancer(moto, 'cwcanary');
    elb = new ElasticLoadBalancingV2Client({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
    cloudwatch = new CloudWatchClient({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials });
    app = await startHttpServer((_req, res) => res.end('ok'));
    cloudWatch = await cloudWatchProxy();
    workspace = path.join(tempDir('canary-cloudwatch'), 'workspace');
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    writeFileSync(path.join(workspace, 'deploy.sh'), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(workspace, 'deploy.sh'), 0o755);
    use();
    ledger = await openLedger({ state: 's3://shop-state/shipkit', app: 'shop', environment: 'prod', client: moto.client(), run: { runId: 'test-run' } });
    expect((await run('deploy-env', { release: 'v1' })).errors).toEqual([]);
    expect((await run('blue-green-switch', { to: 'blue', verify: 'false', steps: '100' })).errors).toEqual([]);
    expect((await run('deploy-env', { release: 'v2' })).outputs.slot).toBe('green');
    expect(await shares()).toEqual({ blue: 100 });
  }, 120_000);

  afterAll(async () => {
    await cloudWatch?.stop();
    await app?.stop();
    await moto?.stop();
  });

  test('a step whose target group received no traffic fails (no traffic is no evidence): all traffic back on blue', async () => {
    const aborted = await canary(undefined);
    expect(aborted.exitCode).toBe(1);
    expect(aborted.outputs).toMatchObject({ 'aborted-at': '30', 'live-slot': 'blue' });
    expect(aborted.errors.join('\n')).toMatch(/aborted at 30%: .*check "target-5xx": only 0 requests reached targetgroup\/cwcanary-green\/[0-9a-f]+ of app\/cwcanary\/[0-9a-f]+ in .*; at least 100 are needed/);
    expect(await shares()).toEqual({ blue: 100 });
  });

  test('a 5xx rate over the threshold (30 of 200 = 15% > 5%) aborts the canary at its first step: the listener sends all traffic to blue again, the ledger says why', async () => {
    const aborted = await canary({ requests: 200, errors: 30 });
    expect(aborted.exitCode).toBe(1);
    expect(aborted.outputs).toMatchObject({ 'aborted-at': '30', 'live-slot': 'blue', weights: '{"blue":100}' });
    expect(aborted.errors.join('\n')).toMatch(/Canary of v2 on prod aborted at 30%: Step 1\/2 \(30% on green\) failed its analysis: check "target-5xx": 30 5xx of 200 requests = 15% on targetgroup\/cwcanary-green\/[0-9a-f]+ of app\/cwcanary\/[0-9a-f]+ in [\d:]+-[\d:]+ UTC, above 5%\. All traffic is back on blue\./);
    expect(await shares()).toEqual({ blue: 100 });
    const end = (await ledger.records()).at(-1)!;
    expect(end).toMatchObject({ type: 'switch', status: 'failed', details: { aborted: true, abortedAt: 30, switchedBack: true, failedCheck: 'target-5xx', analysis: { passed: false, metrics: [{ name: 'target-5xx', value: 0.15, threshold: 0.05, passed: false }] } } });
    expect((await ledger.state()).live).toMatchObject({ release: 'v1', slot: 'blue' });
  });

  test('CloudWatch answering the 5xx query with StatusCode InternalError (no values) aborts the step: a count that could not be read is not zero 5xx', async () => {
    // In front of moto's CloudWatch: GetMetricData's result for the 5xx count comes back as
    // CloudWatch words a metric it could not read (StatusCode InternalError, no values, a message).
    const broken = await cloudWatchProxy((data) => {
      for (const result of data.MetricDataResults ?? []) {
        if (result.Id === 'errors') Object.assign(result, { StatusCode: 'InternalError', Values: [], Timestamps: [], Messages: [{ Code: 'InternalError', Value: 'An internal error occurred' }] });
      }
    });
    try {
      const aborted = await traffic({ requests: 200, errors: 30 }, (endpoint) => runAction('blue-green-switch', { inputs: { environment: 'prod', verify: 'false' }, env: { ...moto.env, AWS_ENDPOINT_URL_CLOUDWATCH: endpoint }, workspace }), broken);
      expect(aborted.exitCode).toBe(1);
      expect(aborted.outputs).toMatchObject({ 'aborted-at': '30', 'live-slot': 'blue' });
      expect(aborted.errors.join('\n')).toMatch(/aborted at 30%: .*check "target-5xx": could not read the CloudWatch metrics of targetgroup\/cwcanary-green\/[0-9a-f]+ of app\/cwcanary\/[0-9a-f]+: GetMetricData answered HTTPCode_Target_5XX_Count with status InternalError \(InternalError An internal error occurred\)/);
      expect(await shares()).toEqual({ blue: 100 });
      expect((await ledger.state()).live).toMatchObject({ release: 'v1', slot: 'blue' });
    } finally {
      await broken.stop();
    }
  });

  test('under the threshold (20 of 2000 = 1%) the canary proceeds to 100% on green', async () => {
    // The earlier tests' 30 of 200 (twice) may share this step's minute: (60 + 20) / 2400 = 3.3%, still under 5%.
    const done = await canary({ requests: 2000, errors: 20 });
    expect(done.errors).toEqual([]);
    expect(done.outputs).toMatchObject({ 'live-slot': 'green', release: 'v2' });
    expect(await shares()).toEqual({ green: 100 });
    const analysed = (await ledger.records()).filter((record) => record.details?.phase === 'analysed').at(-1)!;
    const [metric] = (analysed.details!.analysis as { metrics: Array<{ name: string; value: number; passed: boolean }> }).metrics;
    expect(metric).toMatchObject({ name: 'target-5xx', threshold: 0.05, passed: true });
    expect(metric.value).toBeLessThan(0.05);
    expect(metric.value).toBeGreaterThanOrEqual(0.01);
    expect((await ledger.state()).live).toMatchObject({ release: 'v2', slot: 'green' });
  });

  test.each([
    ['a threshold above 100%', '{ type: cloudwatch, max: 150% }', /environments\.prod\.canary\.analysis\[0\]\.max has an invalid value "150%": expected the highest 5xx rate a step may show, a number from 0 to 1/],
    ['a threshold that is not a number', '{ type: cloudwatch, max: "lots" }', /canary\.analysis\[0\]\.max/],
    ['no threshold', '{ type: cloudwatch, min-requests: 10 }', /canary\.analysis\[0\].*max/],
    ['a minimum of 0 requests', '{ type: cloudwatch, max: 0.05, min-requests: 0 }', /canary\.analysis\[0\]\.min-requests/],
    ['a query (cloudwatch takes none)', '{ type: cloudwatch, max: 0.05, query: up }', /canary\.analysis\[0\]/],
    // Credentials in an endpoint that is not an http(s) URL at all: refused without echoing them.
    ['an endpoint "key:secret@host" (a URL of scheme key:)', '{ type: cloudwatch, max: 0.05, endpoint: "AKIAEXAMPLE:hunter2secret@127.0.0.1:5000" }', /canary\.analysis\[0\]\.endpoint must match pattern "\^https\?:\/\/" \(got "AKIAEXAMPLE:\*\*\*@127\.0\.0\.1:5000"\)/],
    ['an endpoint "http//user:password@host" (no URL)', '{ type: cloudwatch, max: 0.05, endpoint: "http//AKIAEXAMPLE:hunter2secret@127.0.0.1:5000" }', /canary\.analysis\[0\]\.endpoint must match pattern "\^https\?:\/\/" \(got "http\/\/AKIAEXAMPLE:\*\*\*@127\.0\.0\.1:5000"\)/],
  ])('%s is refused before anything changes', async (_name, entry, message) => {
    use(entry);
    try {
      const before = { records: (await ledger.records()).length, shares: await shares() };
      const refused = await run('blue-green-switch', { verify: 'false', to: 'blue' });
      expect(refused.exitCode).toBe(1);
      expect(refused.errors.join('\n')).toMatch(message);
      expect(`${refused.log}\n${refused.summary ?? ''}\n${JSON.stringify(refused.outputs)}`).not.toContain('hunter2secret');
      expect((await ledger.records()).length).toBe(before.records);
      expect(await shares()).toEqual(before.shares);
    } finally {
      use();
    }
  });
});
