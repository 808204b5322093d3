import { describe, expect, test } from '@jest/globals';
import { parseConfig } from '@shipkit/core';
import { installLocation, resolveEnvironment, slotUrl } from '../src/index.js';

const config = parseConfig(
  `app: shop
state: s3://shop-deploy/shipkit
aws: { region: eu-west-1 }
environments:
  development:
    target: s3
    s3: { bucket: shop-dev }
    url: https://dev.shop.example
    pre-deploy: ./migrate.sh
  staging:
    target: s3
    strategy: blue-green
    slots:
      blue:  { s3: { bucket: shop-staging-blue },  url: https://blue.staging.shop.example }
      green: { s3: { bucket: shop-staging-green }, url: https://green.staging.shop.example }
    router: { type: command, switch: [./swap.sh] }
  production:
    target: command
    strategy: direct
    deploy: [./deploy/ecs.sh, --wait]
    retention: 3
  nostate:
    target: s3
    s3: { bucket: shop-nostate }
  elsewhere:
    target: s3
    s3: { bucket: shop-elsewhere, endpoint: https://minio.example }
`,
  '.github/shipkit.yml',
);

describe('resolveEnvironment', () => {
  test('merges the config with inputs, inputs winning', () => {
    const env = resolveEnvironment(config, 'development', { bucket: 'shop-dev-2', url: 'https://x.example' }, '/ws');
    expect(env).toMatchObject({ name: 'development', app: 'shop', target: 's3', strategy: 'direct', state: { bucket: 'shop-deploy', prefix: 'shipkit' }, retention: 10, url: 'https://x.example', preDeploy: ['./migrate.sh'], aws: { region: 'eu-west-1' } });
    expect(installLocation(env, undefined)).toEqual({ bucket: 'shop-dev-2' });
  });

  test('blue-green slots have their own locations and URLs', () => {
    const env = resolveEnvironment(config, 'staging', {}, '/ws');
    expect(installLocation(env, 'green')).toEqual({ bucket: 'shop-staging-green' });
    expect(slotUrl(env, 'blue')).toBe('https://blue.staging.shop.example');
  });

  test('command targets keep the deploy command as an argument list', () => {
    expect(resolveEnvironment(config, 'production', {}, '/ws')).toMatchObject({ deploy: ['./deploy/ecs.sh', '--wait'], retention: 3 });
  });

  test.each([
    ['an unknown environment', () => resolveEnvironment(config, 'qa'), /Input "environment" has an invalid value "qa": expected one of the environments in .github\/shipkit.yml \(development, staging, production, nostate, elsewhere\)/],
    ['a bad environment name', () => resolveEnvironment(config, 'a b'), /Input "environment" has an invalid value "a b"/],
    ['a bad state input', () => resolveEnvironment(config, 'development', { state: 'shop-deploy/shipkit' }), /Input "state" has an invalid value "shop-deploy\/shipkit": expected s3:\/\/bucket\/prefix/],
    ['a bad bucket input', () => resolveEnvironment(config, 'development', { bucket: 'Shop_Dev' }), /Input "bucket" has an invalid value "Shop_Dev"/],
    ['an install location on another S3 endpoint', () => resolveEnvironment(config, 'elsewhere'), /s3.endpoint \(https:\/\/minio.example\) differs from the state store's endpoint/],
    ['no state store at all', () => resolveEnvironment(undefined, 'dev', { app: 'shop', target: 's3', bucket: 'shop-dev' }), /has no state store/],
    ['no target without config', () => resolveEnvironment(undefined, 'dev', { app: 'shop', state: 's3://bkt/p' }), /has no target/],
    ['blue-green without slots', () => resolveEnvironment(undefined, 'dev', { app: 'shop', state: 's3://bkt/p', target: 's3', strategy: 'blue-green', bucket: 'x-y' }), /defines no slots/],
  ])('refuses %s', (_name, resolve, message) => {
    expect(resolve).toThrow(message);
  });

  test('works from inputs alone', () => {
    expect(resolveEnvironment(undefined, 'dev', { app: 'shop', state: 's3://state-bucket/p', target: 's3', bucket: 'site-bucket' }, '/ws')).toMatchObject({ target: 's3', s3: { bucket: 'site-bucket' }, state: { bucket: 'state-bucket', prefix: 'p' } });
  });

  const withEnvironments = (yaml: string, extra = '') => parseConfig(`app: shop\nstate: s3://shop-deploy/shipkit\n${extra}environments:\n${yaml}`, '.github/shipkit.yml');
  test.each([
    [
      'an install location inside the state store',
      '  clash: { target: s3, s3: { bucket: shop-deploy, prefix: shipkit/site } }\n',
      '',
      /\.github\/shipkit\.yml: state \(s3:\/\/shop-deploy\/shipkit\/\) overlaps environments\.clash\.s3 \(s3:\/\/shop-deploy\/shipkit\/site\/\)/,
    ],
    [
      "a slot inside the other slot's bucket",
      '  clash:\n    target: s3\n    strategy: blue-green\n    router: { type: command, switch: [./swap.sh] }\n    slots: { blue: { s3: { bucket: shop-site } }, green: { s3: { bucket: shop-site, prefix: green/ } } }\n',
      '',
      /environments\.clash\.slots\.blue\.s3 \(s3:\/\/shop-site\/\) overlaps environments\.clash\.slots\.green\.s3 \(s3:\/\/shop-site\/green\/\)/,
    ],
    [
      'two slots in the same place',
      '  clash:\n    target: s3\n    strategy: blue-green\n    router: { type: command, switch: [./swap.sh] }\n    slots: { blue: { s3: { bucket: shop-site, prefix: a } }, green: { s3: { bucket: shop-site, prefix: /a/ } } }\n',
      '',
      /slots\.blue\.s3 \(s3:\/\/shop-site\/a\/\) overlaps environments\.clash\.slots\.green\.s3 \(s3:\/\/shop-site\/a\/\)/,
    ],
    [
      'two environments sharing a bucket',
      '  clash: { target: s3, s3: { bucket: shop-site } }\n  other: { target: s3, s3: { bucket: shop-site, prefix: preview } }\n',
      '',
      /environments\.clash\.s3 \(s3:\/\/shop-site\/\) overlaps environments\.other\.s3 \(s3:\/\/shop-site\/preview\/\)/,
    ],
    [
      'an environment holding the CDN location',
      '  clash: { target: s3, s3: { bucket: shop-cdn } }\n',
      'cdn: { bucket: shop-cdn, prefix: static }\n',
      /environments\.clash\.s3 \(s3:\/\/shop-cdn\/\) overlaps cdn \(s3:\/\/shop-cdn\/static\/\)/,
    ],
    ['a prefix with a ".." segment', '  clash: { target: s3, s3: { bucket: shop-site, prefix: "../escape" } }\n', '', /environments\.clash\.s3\.prefix has an invalid value "\.\.\/escape": it has a "\.\." segment/],
    ['a prefix with an empty segment', '  clash: { target: s3, s3: { bucket: shop-site, prefix: "a//b" } }\n', '', /environments\.clash\.s3\.prefix has an invalid value "a\/\/b": it has an empty segment/],
    ['a prefix with a newline', '  clash: { target: s3, s3: { bucket: shop-site, prefix: "a\\nb" } }\n', '', /environments\.clash\.s3\.prefix has an invalid value "a\\nb": it contains a control character/],
  ])('refuses %s, naming both fields', (_name, yaml, extra, message) => {
    expect(() => resolveEnvironment(withEnvironments(yaml, extra), 'clash', {}, '/ws')).toThrow(message);
  });

  test('a state prefix with ".." is refused naming `state`', () => {
    expect(() => resolveEnvironment(withEnvironments('  ok: { target: s3, s3: { bucket: shop-site } }\n'), 'ok', { state: 's3://shop-deploy/tenant-a/../tenant-b' }, '/ws')).toThrow(/^state has an invalid value "tenant-a\/\.\.\/tenant-b": it has a "\.\." segment/);
  });

  test('an input bucket that lands on another location is refused naming the input', () => {
    expect(() => resolveEnvironment(withEnvironments('  a: { target: s3, s3: { bucket: shop-a } }\n  b: { target: s3, s3: { bucket: shop-b } }\n'), 'a', { bucket: 'shop-b' }, '/ws')).toThrow(/input "bucket" \(s3:\/\/shop-b\/\) overlaps environments\.b\.s3/);
  });
});
