import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { environmentConfig, loadConfig, parseConfig, requireConfig } from '../src/config.js';
import { configSchema } from '../src/config-schema.js';

const valid = `app: shop
state: s3://shop-deploy/shipkit
aws: { region: us-east-1 }
environments:
  development:
    target: s3
    strategy: direct
    s3: { bucket: shop-dev }
    url: https://dev.shop.example
  staging:
    target: s3
    strategy: blue-green
    slots:
      blue:  { s3: { bucket: shop-staging-blue },  url: https://blue.staging.shop.example, upstream: "10.0.1.5:8080" }
      green: { s3: { bucket: shop-staging-green }, url: https://green.staging.shop.example, upstream: "10.0.1.6:8080" }
    router: { type: nginx, include: /etc/nginx/shipkit/staging.conf }
    url: https://staging.shop.example
  production:
    target: command
    strategy: blue-green
    deploy: [./deploy/ecs-deploy.sh]
    slots: { blue: {}, green: {} }
    router: { type: command, switch: [./deploy/swap.sh] }
    url: https://shop.example
smoke:
  checks:
    - { name: home, path: /, expect-status: 200, body-contains: '<div id="root">' }
    - { name: api, path: /api/health, expect-json: { status: ok }, max-latency: 500ms }
`;

describe('config file', () => {
  test('the design sketch parses and validates', () => {
    const { config } = parseConfig(valid, '.github/shipkit.yml');
    expect(config.app).toBe('shop');
    expect(config.environments?.staging.router?.type).toBe('nginx');
    expect(config.smoke?.checks?.[1]['expect-json']).toEqual({ status: 'ok' });
  });

  // Each case: a change to the valid file, and the file:line:col + field the error must name.
  test.each([
    ['unknown strategy', valid.replace('strategy: direct', 'strategy: bleu'), '.github/shipkit.yml:7:15: environments.development.strategy must be one of direct, blue-green (got "bleu")'],
    ['typo in a field name', valid.replace('    url: https://dev.shop.example', '    ulr: https://dev.shop.example'), '.github/shipkit.yml:9:5: environments.development.ulr unknown field "ulr"'],
    ['missing app', valid.replace('app: shop\n', ''), '.github/shipkit.yml:1:1: (top level) missing required field "app"'],
    ['bad state url', valid.replace('s3://shop-deploy/shipkit', 'shop-deploy/shipkit'), '.github/shipkit.yml:2:8: state must be an S3 location such as s3://bucket/prefix, or an Azure Blob one such as azblob://account/container/prefix (got "shop-deploy/shipkit")'],
    ['nginx router without include', valid.replace('router: { type: nginx, include: /etc/nginx/shipkit/staging.conf }', 'router: { type: nginx }'), '.github/shipkit.yml:16:13: environments.staging.router missing required field "include"'],
    ['s3 direct without bucket', valid.replace('    s3: { bucket: shop-dev }\n', ''), 'environments.development missing required field "s3"'],
    ['bad status in a smoke check', valid.replace('expect-status: 200', 'expect-status: 99'), '.github/shipkit.yml:27:45: smoke.checks[0].expect-status must be >= 100 (got 99)'],
    ['bad duration', valid.replace('max-latency: 500ms', 'max-latency: fast'), '.github/shipkit.yml:28:81: smoke.checks[1].max-latency must be a duration such as 500ms, 90s, 5m or 1h30m (got "fast")'],
  ])('%s: the error names file, line and field', (_name, text, expected) => {
    expect(() => parseConfig(text, '.github/shipkit.yml')).toThrow(expected);
  });

  test('broken YAML names the line', () => {
    expect(() => parseConfig('app: shop\nenvironments:\n  dev: [unclosed\n', 'cfg.yml')).toThrow(/^cfg\.yml:\d+:\d+: invalid YAML/);
  });

  test('a missing default file is not an error; a named missing file is', () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'shipkit-config-'));
    expect(loadConfig(undefined, workspace)).toBeUndefined();
    expect(() => loadConfig('deploy/shipkit.yml', workspace)).toThrow('Input "config" names "deploy/shipkit.yml", but there is no such file');
    expect(() => requireConfig(undefined, 'deploy-env', workspace)).toThrow('No config file .github/shipkit.yml was found, and deploy-env needs one.');
    mkdirSync(path.join(workspace, '.github'));
    writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), valid);
    const loaded = requireConfig(undefined, 'deploy-env', workspace);
    expect(environmentConfig(loaded, 'staging').strategy).toBe('blue-green');
    expect(() => environmentConfig(loaded, 'prod')).toThrow('Input "environment" has an invalid value "prod": expected one of the environments in .github/shipkit.yml (development, staging, production).');
    expect(loaded.locate(['environments', 'staging', 'router'])).toBe('.github/shipkit.yml:16:13');
  });

  test('schema/shipkit.schema.json is the schema the loader uses (npm run docs writes it)', () => {
    const shipped = JSON.parse(readFileSync(path.join(process.cwd(), 'schema', 'shipkit.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(JSON.parse(JSON.stringify(configSchema)));
  });
});

describe('slot upstreams are checked when the config is loaded', () => {
  const withUpstream = (upstream: string) =>
    `app: shop\nenvironments:\n  staging:\n    target: s3\n    strategy: blue-green\n    router: { type: nginx, include: /etc/nginx/shipkit/staging.conf }\n    slots:\n      blue: { upstream: "${upstream}", s3: { bucket: shop-blue } }\n      green: { upstream: "10.0.1.6:8080", s3: { bucket: shop-green } }\n`;
  test.each(['127.0.0.1:8080', '[::1]:8080', 'unix:/run/shop.sock', 'blue.internal:443'])('%s is accepted', (upstream) => {
    expect(() => parseConfig(withUpstream(upstream), '.github/shipkit.yml')).not.toThrow();
  });
  test.each(['http://127.0.0.1:8081', '127.0.0.1', '10.0.0.1:80; } server evil:80'])('%s is refused with file:line and what to write', (upstream) => {
    expect(() => parseConfig(withUpstream(upstream), '.github/shipkit.yml')).toThrow(/\.github\/shipkit\.yml:8:\d+: environments\.staging\.slots\.blue\.upstream must be host:port \(e\.g\. 10\.0\.1\.5:8080\), \[ipv6\]:port or unix:\/path, without a scheme such as http:\/\//);
  });
});
