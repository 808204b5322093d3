/**
 * A deploy that succeeds must also serve: S3's REST endpoint (behind CloudFront's Origin Access
 * Control, or behind nginx) has no index documents, so `/` answers a listing or 403 and `dir/` a
 * NoSuchKey. The examples serve `index.html` for both:
 *
 * - examples/static-site: its CloudFront Function (deploy/aws/index-rewrite.js), run as it is;
 * - examples/static-site-nginx: its nginx config (deploy/nginx/docs-site.conf) served by Debian's
 *   nginx in front of moto's S3 (virtual-hosted, as the config reaches S3), the site deployed by
 *   the deploy-env bundle into a slot, switched live by blue-green-switch through the include
 *   file, and the example's own smoke checks run by the smoke-test bundle against the live server.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ROOT, runAction } from './harness/index.js';
import { startMoto, startNginx, tempDir, type MotoService, type NginxService } from './services/index.js';

describe('examples/static-site: the CloudFront Function asks S3 for index.html', () => {
  const source = readFileSync(path.join(ROOT, 'examples', 'static-site', 'deploy', 'aws', 'index-rewrite.js'), 'utf8');
  // cloudfront-js-2.0 runs the file's `handler`; nothing else of the file runs.
  const handler = new Function(`${source}\nreturn handler;`)() as (event: { request: { uri: string } }) => { uri: string };

  test.each([
    ['/', '/index.html'],
    ['/guide/', '/guide/index.html'],
    ['/guide', '/guide/index.html'],
    ['/guide/install/', '/guide/install/index.html'],
    ['/version.json', '/version.json'],
    ['/assets/style.0123abcd.css', '/assets/style.0123abcd.css'],
    ['/v1.2/', '/v1.2/index.html'],
  ])('%s -> %s', (uri, expected) => {
    expect(handler({ request: { uri } }).uri).toBe(expected);
  });
});

describe('examples/static-site-nginx: the example nginx config serves the site from two S3 slots', () => {
  const EXAMPLE = path.join(ROOT, 'examples', 'static-site-nginx');
  let moto: MotoService;
  let nginx: NginxService;
  let workspace: string;
  let includePath: string;

  beforeAll(async () => {
    moto = await startMoto({ buckets: ['docs-site-deploy', 'docs-site-prod-blue', 'docs-site-prod-green'] });
    const dir = tempDir('static-site-nginx');
    includePath = path.join(dir, 'production.conf');
    writeFileSync(includePath, 'upstream shipkit_production { server 127.0.0.1:1; }\n');
    const motoPort = new URL(moto.endpoint).port;
    const example = readFileSync(path.join(EXAMPLE, 'deploy', 'nginx', 'docs-site.conf'), 'utf8');
    nginx = await startNginx({
      extraPorts: 2,
      http: ({ port, ports: [blue, green] }) =>
        example
          // Only what places it here changes: the include's path, the ports, S3's endpoint (moto,
          // over HTTP; the Host header still names the bucket, virtual-hosted), no TLS certificate.
          .replace('include /etc/nginx/shipkit/production.conf;', `include ${includePath};`)
          .replace('listen 127.0.0.1:8081;', `listen 127.0.0.1:${blue};`)
          .replace('listen 127.0.0.1:8082;', `listen 127.0.0.1:${green};`)
          .replace(/https:\/\/(docs-site-prod-(?:blue|green))\.s3\.eu-west-1\.amazonaws\.com;/g, `http://127.0.0.1:${motoPort};`)
          .replace('listen 443 ssl;', `listen 127.0.0.1:${port};`)
          .replace(/^\s*ssl_certificate(_key)? .*$/gm, ''),
    });
    // The workspace: the site of examples/static-site, the nginx variant's config pointed here.
    workspace = path.join(dir, 'docs-site');
    cpSync(path.join(ROOT, 'examples', 'static-site'), workspace, { recursive: true });
    const config = YAML.parse(readFileSync(path.join(EXAMPLE, '.github', 'shipkit.yml'), 'utf8'));
    const [bluePort, greenPort] = nginx.ports;
    config.environments.production.slots.blue = { ...config.environments.production.slots.blue, upstream: `127.0.0.1:${bluePort}`, url: `http://127.0.0.1:${bluePort}` };
    config.environments.production.slots.green = { ...config.environments.production.slots.green, upstream: `127.0.0.1:${greenPort}`, url: `http://127.0.0.1:${greenPort}` };
    config.environments.production.router = { type: 'nginx', include: includePath, test: nginx.testCommand, reload: nginx.reloadCommand };
    config.environments.production.url = nginx.url;
    writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), YAML.stringify(config));
    execFileSync(path.join(workspace, 'site', 'build.sh'), { env: { ...process.env, APP_VERSION: '1.2.3' }, stdio: 'pipe' });
  }, 60_000);
  afterAll(async () => {
    await nginx?.stop();
    await moto?.stop();
  });

  test('S3 alone answers a listing for / and NoSuchKey for /guide/; the example\'s slot server serves the pages, and after the switch the example\'s smoke checks pass live', async () => {
    const host = { Host: 'docs-site-prod-blue.s3.eu-west-1.amazonaws.com' };
    const put = await runAction('deploy-env', { workspace, inputs: { environment: 'production', release: 'v1.2.3', 'source-dir': 'site/dist' }, env: moto.env, event: 'tag-v1.2.3' });
    expect(put.errors).toEqual([]);
    expect(put.outputs.slot).toBe('blue');
    const root = await fetch(`${moto.endpoint}/`, { headers: host });
    expect(await root.text()).toContain('<ListBucketResult');
    expect((await fetch(`${moto.endpoint}/guide/`, { headers: host })).status).toBe(404);

    // Through the example's slot server: the pages themselves.
    const slot = `http://127.0.0.1:${nginx.ports[0]}`;
    expect(await (await fetch(`${slot}/`)).text()).toContain('<main id="docs">');
    expect(await (await fetch(`${slot}/guide/`)).text()).toContain('<main id="guide">');
    expect((await fetch(`${slot}/.shipkit-manifest.json`)).status).toBe(404);

    // The pipeline's steps: smoke the slot, switch, smoke live with the example's own checks.
    const slotSmoke = await runAction('smoke-test', { workspace, inputs: { environment: 'production', slot: 'blue', 'base-url': put.outputs['slot-url'] }, env: moto.env, event: 'tag-v1.2.3' });
    expect(slotSmoke.errors).toEqual([]);
    const switched = await runAction('blue-green-switch', { workspace, inputs: { environment: 'production', to: 'blue', 'expect-release': 'v1.2.3', 'require-smoke': 'true' }, env: moto.env, event: 'tag-v1.2.3' });
    expect(switched.errors).toEqual([]);
    expect(readFileSync(includePath, 'utf8')).toContain(`server 127.0.0.1:${nginx.ports[0]};`);
    const live = await runAction('smoke-test', { workspace, inputs: { environment: 'production', 'base-url': nginx.url }, env: moto.env, event: 'tag-v1.2.3' });
    expect(live.errors).toEqual([]);
    expect(live.outputs.passed).toBe('true');
    expect(live.summary).toMatch(/home[\s\S]*guide[\s\S]*version/);
    const html = await (await fetch(`${nginx.url}/guide/`)).text();
    expect(html).toContain('<main id="guide">');
  }, 180_000);
});
