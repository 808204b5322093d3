/**
 * The example consumer repository is what users copy: its config must pass the shipped schema,
 * its frontend build must produce what the smoke checks look for, and its backend health script
 * must answer what the `api` check expects.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { parseConfig } from '@shipkit/core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONSUMER = path.join(ROOT, 'examples', 'consumer');

describe('examples/consumer', () => {
  test('.github/shipkit.yml is valid against the config schema', () => {
    const file = path.join(CONSUMER, '.github', 'shipkit.yml');
    const { config } = parseConfig(readFileSync(file, 'utf8'), file);
    expect(config.app).toBe('shop');
    expect(Object.keys(config.environments ?? {})).toEqual(['development', 'preview', 'staging', 'production']);
    expect(config.environments?.preview).toMatchObject({ target: 's3', preview: true, s3: { prefix: 'pr-{pr}' } });
    expect(config.environments?.development).toMatchObject({ target: 's3', strategy: 'direct' });
    expect(config.environments?.staging).toMatchObject({ strategy: 'blue-green', router: { type: 'nginx' } });
    expect(config.environments?.production).toMatchObject({ strategy: 'blue-green', router: { type: 'cloudfront' } });
    expect(config.images).toEqual([{ name: 'shop-backend', context: 'backend' }]);
  });

  test('a broken copy of the config is refused with the file, line and field', () => {
    const file = path.join(CONSUMER, '.github', 'shipkit.yml');
    const broken = readFileSync(file, 'utf8').replace('strategy: direct', 'strategy: sideways');
    expect(() => parseConfig(broken, 'shipkit.yml')).toThrow(/shipkit\.yml:\d+:\d+.*strategy/s);
  });

  test('frontend/build.sh writes hashed assets, index.html pointing at them and version.json', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'shipkit-example-'));
    try {
      cpSync(path.join(CONSUMER, 'frontend'), path.join(work, 'frontend'), { recursive: true });
      execFileSync(path.join(work, 'frontend', 'build.sh'), { env: { ...process.env, APP_VERSION: '1.2.3' }, stdio: 'pipe' });
      const dist = path.join(work, 'frontend', 'dist');
      const assets = readdirSync(path.join(dist, 'assets')).sort();
      expect(assets).toEqual([expect.stringMatching(/^app\.[0-9a-f]{8}\.js$/), expect.stringMatching(/^style\.[0-9a-f]{8}\.css$/)]);
      const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
      expect(html).toContain('<div id="root">');
      expect(html).toContain('content="1.2.3"');
      for (const asset of assets) expect(html).toContain(`/assets/${asset}`);
      expect(JSON.parse(readFileSync(path.join(dist, 'version.json'), 'utf8'))).toEqual({ version: '1.2.3' });
      expect(() => execFileSync(path.join(work, 'frontend', 'build.sh'), { env: { ...process.env, APP_VERSION: '1.0;rm -rf /' }, stdio: 'pipe' })).toThrow();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  test('the config is coherent: staging upstreams are the nginx slot servers, which reach the backends on the slots\' BACKEND_PORT; production\'s backend is not run on the runner', () => {
    const { config } = parseConfig(readFileSync(path.join(CONSUMER, '.github', 'shipkit.yml'), 'utf8'), 'shipkit.yml');
    const nginx = readFileSync(path.join(CONSUMER, 'deploy', 'nginx', 'staging.conf'), 'utf8');
    for (const slot of ['blue', 'green'] as const) {
      const { upstream, env } = config.environments!.staging.slots![slot];
      const server = new RegExp(`listen ${upstream!.replace(/\./g, '\\.')};[^}]*location /api/ \\{ proxy_pass http://127\\.0\\.0\\.1:${env!.BACKEND_PORT}; \\}`);
      expect(nginx).toMatch(server);
    }
    expect(readFileSync(path.join(CONSUMER, 'deploy', 'backend.sh'), 'utf8')).toContain('--publish "127.0.0.1:$BACKEND_PORT:8080"');
    expect(config.environments!.staging['post-deploy']).toEqual(['./deploy/backend.sh']);
    expect(config.environments!.production['post-deploy']).toEqual(['./deploy/backend-ecs.sh']);
    const ecs = readFileSync(path.join(CONSUMER, 'deploy', 'backend-ecs.sh'), 'utf8');
    expect(ecs).toContain('aws ecs update-service');
    expect(ecs).not.toMatch(/podman|docker run/);
  });

  test('backend health script answers JSON {"status":"ok"} as a CGI program', () => {
    const output = execFileSync(path.join(CONSUMER, 'backend', 'www', 'cgi-bin', 'health'), { env: { PATH: process.env.PATH, APP_VERSION: '9.9.9' } }).toString();
    const [headers, body] = output.split('\r\n\r\n');
    expect(headers).toContain('Content-Type: application/json');
    expect(JSON.parse(body)).toEqual({ status: 'ok', version: '9.9.9' });
  });
});

describe('examples/static-site', () => {
  const SITE = path.join(ROOT, 'examples', 'static-site');
  const NGINX = path.join(ROOT, 'examples', 'static-site-nginx');

  test('.github/shipkit.yml is valid, names no images: development and staging direct, production blue-green behind CloudFront', () => {
    const file = path.join(SITE, '.github', 'shipkit.yml');
    const { config } = parseConfig(readFileSync(file, 'utf8'), file);
    expect(config.images).toBeUndefined();
    expect(config.environments?.development).toMatchObject({ target: 's3', strategy: 'direct', s3: { bucket: 'docs-site-dev' } });
    expect(config.environments?.staging).toMatchObject({ target: 's3', strategy: 'direct', s3: { bucket: 'docs-site-staging' } });
    expect(config.environments?.production).toMatchObject({ strategy: 'blue-green', router: { type: 'cloudfront' } });
    for (const slot of ['blue', 'green'] as const) expect(config.environments?.production.slots?.[slot]).toMatchObject({ s3: { bucket: `docs-site-prod-${slot}` }, origin: `docs-site-prod-${slot}` });
    expect(config.smoke?.checks?.map((check) => check.path)).toEqual(['/', '/guide/', '/version.json']);
  });

  test('the nginx variant: production behind nginx, its caller runs the pipeline on the self-hosted runner next to nginx', () => {
    const file = path.join(NGINX, '.github', 'shipkit.yml');
    const { config } = parseConfig(readFileSync(file, 'utf8'), file);
    expect(config.environments?.production).toMatchObject({ strategy: 'blue-green', router: { type: 'nginx', include: '/etc/nginx/shipkit/production.conf' } });
    const nginx = readFileSync(path.join(NGINX, 'deploy', 'nginx', 'docs-site.conf'), 'utf8');
    expect(nginx).toContain('include /etc/nginx/shipkit/production.conf;');
    expect(nginx).toContain('proxy_pass http://shipkit_production;');
    for (const slot of ['blue', 'green'] as const) expect(nginx).toContain(`listen ${config.environments?.production.slots?.[slot].upstream};`);
    expect(nginx).toMatch(/location ~ \/\\\.shipkit- \{ return 404; \}/);
    const release = readFileSync(path.join(NGINX, '.github', 'workflows', 'release.yml'), 'utf8');
    expect(release).toMatch(/^\s+runs-on: docs-proxy$/m);
    expect(readFileSync(path.join(NGINX, 'README.md'), 'utf8')).toContain('The switching job runs on a self-hosted runner next to nginx');
  });

  test('the callers use the pipelines without images, with the build script and its output; main deploys staging directly', () => {
    const caller = (dir: string, name: string) => readFileSync(path.join(dir, '.github', 'workflows', `${name}.yml`), 'utf8');
    expect(caller(SITE, 'develop')).toContain('uses: shipkit/shipkit/.github/workflows/pipeline-develop.yml@v1');
    expect(caller(SITE, 'main')).toMatch(/uses: shipkit\/shipkit\/\.github\/workflows\/pipeline-develop\.yml@v1\n\s+with:\n\s+environment: staging\n/);
    expect(caller(SITE, 'release')).toContain('uses: shipkit/shipkit/.github/workflows/pipeline-release.yml@v1');
    for (const text of [caller(SITE, 'develop'), caller(SITE, 'main'), caller(SITE, 'release'), caller(NGINX, 'release')]) {
      expect(text).toContain('build-script: site/build.sh');
      expect(text).toContain('source-dir: site/dist');
      expect(text).not.toMatch(/^\s+images:/m);
    }
  });

  test('the policies parse and cover every bucket of the config; the slot buckets are readable only by what serves them', () => {
    const policy = JSON.parse(readFileSync(path.join(SITE, 'deploy', 'aws', 'deploy-policy.json'), 'utf8')) as { Statement: Array<{ Resource: string | string[]; Action: string[] }> };
    const resources = policy.Statement.flatMap((statement) => statement.Resource).join(' ');
    for (const bucket of ['docs-site-deploy', 'docs-site-dev', 'docs-site-staging', 'docs-site-prod-blue', 'docs-site-prod-green']) expect(resources).toContain(`arn:aws:s3:::${bucket}`);
    expect(policy.Statement.flatMap((statement) => statement.Action)).toEqual(expect.arrayContaining(['cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution', 'cloudfront:CreateInvalidation']));
    expect(JSON.parse(readFileSync(path.join(SITE, 'deploy', 'aws', 'trust-policy.json'), 'utf8')).Statement[0].Action).toBe('sts:AssumeRoleWithWebIdentity');
    const oac = JSON.parse(readFileSync(path.join(SITE, 'deploy', 'aws', 'bucket-policy.json'), 'utf8')).Statement[0];
    expect(oac).toMatchObject({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject', Condition: { StringEquals: { 'AWS:SourceArn': expect.arrayContaining([expect.stringContaining(':distribution/E1PRODEXAMPLE')]) } } });
    const proxy = JSON.parse(readFileSync(path.join(NGINX, 'deploy', 'aws', 'bucket-policy.json'), 'utf8')).Statement[0];
    expect(proxy).toMatchObject({ Action: 's3:GetObject', Condition: { IpAddress: { 'aws:SourceIp': expect.any(String) } } });
  });
});

describe('examples/ecs-service', () => {
  const EXAMPLE = path.join(ROOT, 'examples', 'ecs-service');

  test('the config is valid and resolves: two services on staging, a blue and a green service behind an ALB on production', async () => {
    const { resolveEnvironment } = await import('@shipkit/environments');
    const file = path.join(EXAMPLE, '.github', 'shipkit.yml');
    const loaded = { ...parseConfig(readFileSync(file, 'utf8'), file), file: '.github/shipkit.yml' };
    const staging = resolveEnvironment(loaded, 'staging', {}, EXAMPLE);
    expect(staging.ecs?.direct?.services.map((service) => [service.service, service.taskDefinition.family, service.containerImages])).toEqual([
      ['orders-api', 'orders-api', { api: 'orders-api' }],
      ['orders-worker', 'orders-worker', { worker: 'orders-worker' }],
    ]);
    const production = resolveEnvironment(loaded, 'production', {}, EXAMPLE);
    expect(production.ecs?.slots?.blue.services[0].service).toBe('orders-api-blue');
    expect(production.router).toMatchObject({ type: 'alb' });
    for (const image of ['orders-api', 'orders-worker']) expect(loaded.config.images?.map((entry) => entry.name)).toContain(image);
  });

  test('the deploy policy grants what docs/aws-permissions.md lists for an ecs target and the alb router', () => {
    const policy = JSON.parse(readFileSync(path.join(EXAMPLE, 'deploy', 'aws', 'deploy-policy.json'), 'utf8')) as { Statement: Array<{ Action: string | string[] }> };
    const actions = policy.Statement.flatMap((statement) => [statement.Action].flat());
    for (const action of ['ecs:DescribeServices', 'ecs:UpdateService', 'ecs:RegisterTaskDefinition', 'ecs:DescribeTaskDefinition', 'ecs:TagResource', 'ecs:ListTasks', 'ecs:DescribeTasks', 'iam:PassRole', 'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:ModifyListener']) {
      expect(actions).toContain(action);
    }
    const doc = readFileSync(path.join(ROOT, 'docs', 'aws-permissions.md'), 'utf8');
    expect(doc).toContain('ecs:RegisterTaskDefinition');
    // The reads deploy-env makes for an alb environment (the router's traffic and its target groups) are listed.
    expect(doc).toMatch(/\| deploy-env, blue-green with an alb router .*DescribeListeners.*DescribeTargetGroups/);
  });
});

describe('examples/cloud-run', () => {
  const EXAMPLE = path.join(ROOT, 'examples', 'cloud-run');

  test('the config is valid and resolves: a direct staging service, a blue-green production with the cloud-run router', async () => {
    const { resolveEnvironment } = await import('@shipkit/environments');
    const file = path.join(EXAMPLE, '.github', 'shipkit.yml');
    const loaded = { ...parseConfig(readFileSync(file, 'utf8'), file), file: '.github/shipkit.yml' };
    const staging = resolveEnvironment(loaded, 'staging', {}, EXAMPLE);
    expect(staging.cloudRun).toMatchObject({ project: 'shop-prod-123', region: 'europe-west1', service: 'shop-web-staging', containerImages: { app: 'shop-web' }, timeoutMs: 300_000, endpoint: 'https://run.googleapis.com' });
    const production = resolveEnvironment(loaded, 'production', {}, EXAMPLE);
    expect(production).toMatchObject({ strategy: 'blue-green', router: { type: 'cloud-run' }, cloudRun: { service: 'shop-web' } });
    expect(production.slots?.blue.url).toMatch(/^https:\/\/blue---shop-web-/);
    expect(loaded.config.images?.map((entry) => entry.name)).toContain('shop-web');
  });

  test('the caller authenticates with Workload Identity Federation before the deploy, and the docs name the roles', () => {
    const workflow = readFileSync(path.join(EXAMPLE, '.github', 'workflows', 'deploy.yml'), 'utf8');
    expect(workflow.indexOf('google-github-actions/auth@')).toBeGreaterThan(-1);
    expect(workflow.indexOf('google-github-actions/auth@')).toBeLessThan(workflow.indexOf('actions/deploy-env@'));
    expect(workflow).toContain('id-token: write');
    const docs = readFileSync(path.join(ROOT, 'docs', 'design.md'), 'utf8');
    for (const role of ['roles/run.developer', 'roles/iam.serviceAccountUser']) expect(docs).toContain(role);
  });
});

describe('examples/azure', () => {
  const EXAMPLE = path.join(ROOT, 'examples', 'azure');

  test('the config is valid and resolves: Blob Storage installs ($web) with Front Door, cdn-publish on Blob, App Service slots', async () => {
    const { resolveEnvironment, installLocation } = await import('@shipkit/environments');
    const file = path.join(EXAMPLE, '.github', 'shipkit.yml');
    const loaded = { ...parseConfig(readFileSync(file, 'utf8'), file), file: '.github/shipkit.yml' };
    const production = resolveEnvironment(loaded, 'production', {}, EXAMPLE);
    expect(installLocation(production, undefined)).toMatchObject({ bucket: 'webchatdeploy/$web' });
    expect(production.state).toEqual({ bucket: 'webchatdeploy/shipkit', prefix: 'state' });
    expect(production.azureCdn).toMatchObject({ kind: 'front-door', profile: 'webchat-fd', endpoint: 'webchat', wait: true });
    expect(loaded.config.cdn).toMatchObject({ bucket: 'webchatdeploy/widget', prefix: 'js' });
    const api = resolveEnvironment(loaded, 'api', {}, EXAMPLE);
    expect(api.router).toMatchObject({ type: 'app-service-slots', app: 'email-helper', slot: 'staging', preview: true });
  });

  test('the App Service deploy script picks the image by digest from SHIPKIT_IMAGES and refuses an unpinned one', () => {
    const script = path.join(EXAMPLE, 'deploy', 'app-service-deploy.sh');
    const bin = mkdtempSync(path.join(tmpdir(), 'shipkit-az-'));
    try {
      // A stand-in az that records its arguments.
      const log = path.join(bin, 'az.log');
      execFileSync('sh', ['-c', `printf '#!/bin/sh\\necho "$*" >> ${log}\\n' > ${bin}/az && chmod +x ${bin}/az`]);
      const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, RESOURCE_GROUP: 'rg-email', WEB_APP: 'email-helper', DEPLOY_SLOT: 'staging', IMAGE_NAME: 'email-helper', SHIPKIT_RELEASE: 'v1.2.3', SHIPKIT_SLOT: 'green' };
      const ref = 'ghcr.io/acme/email-helper@sha256:' + 'a'.repeat(64);
      execFileSync(script, { env: { ...env, SHIPKIT_IMAGES: JSON.stringify([{ name: 'email-helper', ref, digest: `sha256:${'a'.repeat(64)}`, tags: ['v1.2.3'], repository: 'ghcr.io/acme/email-helper' }]) }, stdio: 'pipe' });
      expect(readFileSync(log, 'utf8')).toContain(`webapp config container set --resource-group rg-email --name email-helper --slot staging --container-image-name ${ref}`);
      expect(() => execFileSync(script, { env: { ...env, SHIPKIT_IMAGES: JSON.stringify([{ name: 'email-helper', ref: 'ghcr.io/acme/email-helper:latest' }]) }, stdio: 'pipe' })).toThrow();
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});

describe('examples/kubernetes', () => {
  const EXAMPLE = path.join(ROOT, 'examples', 'kubernetes');

  test('the config is valid and resolves; every overlay renders with the real kubectl kustomize; no slot overlay holds the live Service', async () => {
    const { resolveEnvironment } = await import('@shipkit/environments');
    const { createRouter } = await import('@shipkit/routers');
    const file = path.join(EXAMPLE, '.github', 'shipkit.yml');
    const loaded = { ...parseConfig(readFileSync(file, 'utf8'), file), file: '.github/shipkit.yml' };
    for (const name of ['development', 'staging', 'production']) expect(resolveEnvironment(loaded, name, {}, EXAMPLE).kubernetes?.namespace).toMatch(/^shop/);
    const production = resolveEnvironment(loaded, 'production', {}, EXAMPLE);
    expect(createRouter(production).description).toBe('k8s-service shop/shop-web (selector shipkit.dev/slot)');
    const render = (dir: string) => execFileSync('kubectl', ['kustomize', path.join(EXAMPLE, dir)], { encoding: 'utf8' });
    for (const overlay of ['development', 'staging']) expect(render(`deploy/overlays/${overlay}`)).toMatch(/image: ghcr\.io\/acme\/shop-web:dev/);
    for (const slot of ['blue', 'green']) {
      const text = render(`deploy/overlays/production-${slot}`);
      expect(text).toContain(`name: shop-web-${slot}`);
      expect(text).toContain(`shipkit.dev/slot: ${slot}`);
      expect(text).not.toMatch(/name: shop-web\n/);
    }
  });
});
