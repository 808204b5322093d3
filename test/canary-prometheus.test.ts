/**
 * A canary analysed by a Prometheus query, through the committed bundle: Debian's `prometheus`
 * (the real server) scrapes a small exporter whose gauge is the new slot's error ratio. The slots'
 * own probes pass; the query over its threshold aborts the canary (all traffic back, recorded),
 * the same query under it lets the canary complete. The router is a weighted command router that
 * logs what it is asked (moto holds the ledger).
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { openLedger, type Ledger } from '@shipkit/ledger';
import { runAction } from './harness/index.js';
import { startHttpServer, startS3Server, tempDir, type HttpService, type S3Server } from './services/index.js';
import { startPrometheus, type PrometheusService } from './services/prometheus.js';

describe('canary analysis by a Prometheus query (real prometheus)', () => {
  let s3: S3Server;
  let prometheus: PrometheusService;
  let app: HttpService;
  let dir: string;
  let workspace: string;
  let ledger: Ledger;
  const QUERY = 'max(shop_error_ratio{slot="{slot}"})';

  const config = (max: number | string, extra = '') => `app: shop
state: s3://shop-state/shipkit
environments:
  prod:
    target: command
    strategy: blue-green
    deploy: [./deploy.sh]
    env: { LOG: "${dir}/router.log" }
    slots:
      blue: { url: "${app.url}/" }
      green: { url: "${app.url}/" }
    router: { type: command, switch: ./switch.sh, weighted: true }
    canary:
      steps: [30, 100]
      step-duration: 1s
      samples: 20
      analysis:
        - { type: prometheus, name: error-ratio, url: "${prometheus.url}", query: '${QUERY}', max: ${max}${extra} }
`;
  const use = (max: number | string, extra = '') => writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), config(max, extra));
  const run = (action: string, inputs: Record<string, string>) => runAction(action, { inputs: { environment: 'prod', ...inputs }, env: s3.env, workspace });
  const routerLog = () => readFileSync(path.join(dir, 'router.log'), 'utf8').split('\n').filter(Boolean);

  beforeAll(async () => {
    prometheus = await startPrometheus();
    prometheus.set('shop_error_ratio', { slot: 'green' }, 0.2);
    prometheus.set('shop_error_ratio', { slot: 'blue' }, 0);
    s3 = await startS3Server('moto', { buckets: ['shop-state'] });
    app = await startHttpServer((_req, res) => res.end('ok'));
    dir = tempDir('canary-prometheus');
    workspace = path.join(dir, 'workspace');
    mkdirSync(path.join(workspace, '.github'), { recursive: true });
    writeFileSync(path.join(workspace, 'deploy.sh'), '#!/bin/sh\nexit 0\n');
    writeFileSync(path.join(workspace, 'switch.sh'), '#!/bin/sh\nset -e\necho "$SHIPKIT_SLOT $SHIPKIT_WEIGHT" >> "$LOG"\n');
    chmodSync(path.join(workspace, 'deploy.sh'), 0o755);
    chmodSync(path.join(workspace, 'switch.sh'), 0o755);
    use(0.05);
    ledger = await openLedger({ state: 's3://shop-state/shipkit', app: 'shop', environment: 'prod', client: s3.client(), run: { runId: 'test-run' } });
    expect((await run('deploy-env', { release: 'v1' })).errors).toEqual([]);
    expect((await run('blue-green-switch', { to: 'blue', verify: 'false' })).errors).toEqual([]);
    expect((await run('deploy-env', { release: 'v2' })).errors).toEqual([]);
    await prometheus.scraped('shop_error_ratio{slot="green"}');
    writeFileSync(path.join(dir, 'router.log'), '');
  });

  afterAll(async () => {
    await app?.stop();
    await s3?.stop();
    await prometheus?.stop();
  });

  test('the query over its threshold (0.2 > 0.05) aborts the canary at its first step: all traffic back on blue, recorded', async () => {
    const aborted = await run('blue-green-switch', { verify: 'false' });
    expect(aborted.exitCode).toBe(1);
    expect(aborted.outputs).toMatchObject({ 'aborted-at': '30', 'live-slot': 'blue', weights: '{"blue":100}' });
    expect(aborted.errors.join('\n')).toMatch(/Canary of v2 on prod aborted at 30%: Step 1\/2 \(30% on green\) failed its analysis: check "error-ratio": "max\(shop_error_ratio\{slot=\\"green\\"\}\)" = 0\.2, above 0\.05\. All traffic is back on blue\./);
    expect(routerLog()).toEqual(['green 30', 'blue 100']);
    const end = (await ledger.records()).at(-1)!;
    expect(end).toMatchObject({ type: 'switch', status: 'failed', details: { aborted: true, abortedAt: 30, switchedBack: true, failedCheck: 'error-ratio', analysis: { passed: false, metrics: [{ name: 'error-ratio', value: 0.2, threshold: 0.05, passed: false }] } } });
    expect((await ledger.state()).live).toMatchObject({ release: 'v1', slot: 'blue' });
  });

  test('under its threshold the canary completes', async () => {
    use(0.5);
    writeFileSync(path.join(dir, 'router.log'), '');
    const done = await run('blue-green-switch', { verify: 'false' });
    expect(done.errors).toEqual([]);
    expect(done.outputs).toMatchObject({ 'live-slot': 'green', release: 'v2' });
    expect(routerLog()).toEqual(['green 30', 'green 100']);
    const analysed = (await ledger.records()).filter((record) => record.details?.phase === 'analysed').at(-1)!;
    expect(analysed.details!.analysis).toMatchObject({ passed: true, metrics: [{ name: 'error-ratio', value: 0.2, threshold: 0.5, passed: true }] });
  });

  test.each([
    ['a url with credentials', `{ type: prometheus, url: "http://user:pw@127.0.0.1:9/", query: up, max: 1 }`, /environments\.prod\.canary\.analysis\[0\]\.url has an invalid value "http:\/\/\*\*\*@127\.0\.0\.1:9": expected a URL without credentials/],
    ['no max', `{ type: prometheus, url: "http://127.0.0.1:9/", query: up }`, /canary\.analysis\[0\]/],
    ['an unknown type', `{ type: datadog, url: "http://127.0.0.1:9/", query: up, max: 1 }`, /canary\.analysis\[0\]/],
  ])('%s is refused before anything changes', async (_name, entry, message) => {
    writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), config(0.05).replace(/ {8}- \{ type: prometheus.*\n/, `        - ${entry}\n`));
    const before = (await ledger.records()).length;
    const refused = await run('blue-green-switch', { verify: 'false', to: 'blue' });
    expect(refused.exitCode).toBe(1);
    expect(refused.errors.join('\n')).toMatch(message);
    expect(refused.errors.join('\n')).not.toContain('pw@');
    expect((await ledger.records()).length).toBe(before);
  });
});
