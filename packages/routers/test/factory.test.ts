import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parseConfig } from '@shipkit/core';
import { resolveEnvironment } from '@shipkit/environments';
import { openLedger } from '@shipkit/ledger';
import { CloudFrontRouter } from '../src/cloudfront.js';
import { CommandRouter } from '../src/command.js';
import { createRouter } from '../src/factory.js';
import { NginxRouter } from '../src/nginx.js';
import { CloudRunRouter } from '../src/cloud-run.js';
import { K8sServiceRouter } from '../src/k8s-service.js';
import { GatewayApiRouter } from '../src/gateway-api.js';
import { switchTraffic } from '../src/switch.js';
import { startFakeCloudFront, type FakeCloudFront } from '../../../test/fakes/fake-cloudfront.js';
import { startS3, type S3Service } from '../../../test/services/index.js';

function environment(body: string, strategy = 'blue-green') {
  const text = `app: shop
state: s3://shop-state/shipkit
environments:
  staging:
    target: command
    strategy: ${strategy}
    deploy: [./deploy.sh]
${body}`;
  return resolveEnvironment(parseConfig(text, '.github/shipkit.yml'), 'staging', {}, '/tmp');
}

const slots = (blue: string, green: string) => `    slots:\n      blue: { ${blue} }\n      green: { ${green} }\n`;

describe('createRouter', () => {
  test.each([
    ['nginx', slots('upstream: "10.0.0.1:80"', 'upstream: "10.0.0.2:80"') + '    router: { type: nginx, include: /etc/nginx/shipkit/staging.conf }\n', NginxRouter],
    ['cloudfront', slots('origin: shop-blue', 'origin: shop-green') + '    router: { type: cloudfront, distribution-id: EDFDVBD6EXAMPLE }\n', CloudFrontRouter],
    ['command', slots('url: "http://b"', 'url: "http://g"') + '    router: { type: command, switch: [./swap.sh] }\n', CommandRouter],
    ['k8s-service', slots('url: "http://b"', 'url: "http://g"') + '    kubernetes: { namespace: shop }\n    router: { type: k8s-service, service: shop }\n', K8sServiceRouter],
    ['gateway-api', slots('url: "http://b"', 'url: "http://g"') + '    kubernetes: { namespace: shop }\n    router: { type: gateway-api, route: shop, backends: { blue: web-blue, green: web-green } }\n', GatewayApiRouter],
  ])('builds the %s router from the config', (_type, body, kind) => {
    expect(createRouter(environment(body))).toBeInstanceOf(kind);
  });

  test.each([
    ['a slot without an upstream (nginx)', slots('upstream: "10.0.0.1:80"', 'url: "http://g"') + '    router: { type: nginx, include: /x.conf }\n', /\.github\/shipkit\.yml: environments\.staging\.slots\.green\.upstream is required for the nginx router/],
    ['an upstream that would inject nginx config', slots('upstream: "10.0.0.1:80"', 'upstream: "10.0.0.2:80#"') + '    router: { type: nginx, include: /x.conf }\n', /\.github\/shipkit\.yml:\d+:\d+: environments\.staging\.slots\.green\.upstream must be host:port .*\(got "10\.0\.0\.2:80#"\)/], // refused when the config is loaded
    ['a slot without an origin (cloudfront)', slots('origin: a', 'url: "http://g"') + '    router: { type: cloudfront, distribution-id: E1 }\n', /environments\.staging\.slots\.green\.origin is required for the cloudfront router/],
    ['a k8s-service router without the environment\'s namespace', slots('url: "http://b"', 'url: "http://g"') + '    router: { type: k8s-service, service: shop }\n', /environments\.staging\.kubernetes\.namespace is required for the k8s-service router/],
    ['a gateway-api router with one Service for both slots', slots('url: "http://b"', 'url: "http://g"') + '    kubernetes: { namespace: shop }\n    router: { type: gateway-api, route: shop, backends: { blue: web, green: web } }\n', /environments\.staging\.router\.backends names Service web for both slots/],
    ['an empty switch command', slots('url: "http://b"', 'url: "http://g"') + '    router: { type: command, switch: [""] }\n', /environments\.staging\.router\.switch is empty/],
  ])('refuses %s, naming the field', (_name, body, message) => {
    expect(() => createRouter(environment(body))).toThrow(message);
  });

  test('builds the cloud-run router from the environment\'s cloud-run service; refuses it without one', () => {
    const config = (cloudRun: string) =>
      resolveEnvironment(parseConfig(`app: shop\nstate: s3://shop-state/x\nenvironments:\n  prod:\n    target: cloud-run\n${cloudRun}    strategy: blue-green\n    slots: { blue: {}, green: {} }\n    router: { type: cloud-run }\n`, '.github/shipkit.yml'), 'prod', {}, '/tmp');
    const env = config('    cloud-run: { project: shop-prod-123, region: europe-west1, service: shop-web, container-images: { app: shop-web } }\n');
    const router = createRouter(env);
    expect(router).toBeInstanceOf(CloudRunRouter);
    expect(router.description).toBe('Cloud Run service projects/shop-prod-123/locations/europe-west1/services/shop-web');
    expect(() => createRouter({ ...env, cloudRun: undefined })).toThrow(/\.github\/shipkit\.yml: environments\.prod\.cloud-run is required for the cloud-run router/);
  });

  test('refuses a direct environment: switching needs blue-green', () => {
    const env = resolveEnvironment(parseConfig('app: shop\nstate: s3://shop-state/x\nenvironments:\n  dev:\n    target: command\n    deploy: [./d.sh]\n', 'c.yml'), 'dev', {}, '/tmp');
    expect(() => createRouter(env)).toThrow(/uses strategy direct; switching traffic needs strategy blue-green/);
  });
});

describe('switchTraffic through a cloudfront router built from the config (fake-cloudfront stand-in)', () => {
  let fake: FakeCloudFront;
  let s3: S3Service;
  beforeAll(async () => {
    fake = await startFakeCloudFront({ origins: ['shop-blue', 'shop-green'], targetOriginId: 'shop-blue', inProgressPolls: 1 });
    s3 = await startS3({ buckets: ['shop-state'] });
    process.env.AWS_ACCESS_KEY_ID ??= 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'fake-secret';
  });
  afterAll(async () => {
    await fake?.stop();
    await s3?.stop();
  });

  test('flips the distribution, invalidates the configured entry documents, waits for Deployed, records the switch', async () => {
    const env = environment(
      slots('origin: shop-blue', 'origin: shop-green') +
        `    router: { type: cloudfront, distribution-id: ${fake.distributionId}, endpoint: "${fake.endpoint}", invalidate: [/index.html, /manifest.json], wait: true }\n`,
    );
    const ledger = await openLedger({ state: env.state, app: 'shop', environment: 'staging', client: s3.client(), run: { runId: 'r1' } });
    for (const [release, slot] of [['v1', 'blue'], ['v2', 'green']] as const) await (await ledger.begin({ type: 'deploy', release, slot }, await ledger.state())).succeed();
    await (await ledger.begin({ type: 'switch', release: 'v1', slot: 'blue' }, await ledger.state())).succeed();

    const result = await switchTraffic({ env, ledger, to: 'idle', dependencies: { pollIntervalMs: 1 } });
    expect(result).toMatchObject({ liveSlot: 'green', previousSlot: 'blue', release: 'v2', changed: true });
    expect(fake.targetOriginId()).toBe('shop-green');
    expect(fake.invalidations.map((item) => item.paths)).toEqual([['/index.html', '/manifest.json']]);
    expect(fake.calls.filter((call) => call.method === 'GET' && call.path.endsWith(fake.distributionId)).length).toBe(2);
    expect((await ledger.state()).live).toMatchObject({ slot: 'green', release: 'v2' });
  });
});
