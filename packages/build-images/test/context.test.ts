import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { parseConfig, type RunContext } from '@shipkit/core';
import { buildContext, checkImageName, checkRegistry, repositoryOf, type RawInputs } from '../src/context.js';
import { ociLabels } from '../src/labels.js';
import { FIXTURES } from './registry.js';

const run: RunContext = {
  eventName: 'push',
  ref: 'refs/heads/main',
  sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
  repository: 'acme/shop',
  serverUrl: 'https://github.com',
  runId: '7',
  runAttempt: '1',
  actor: 'octocat',
  workflow: 'ci',
  job: 'build',
  workspace: FIXTURES,
  defaultBranch: 'main',
  payload: {},
};

function inputs(overrides: Partial<RawInputs>): RawInputs {
  return { images: '', registry: 'ghcr.io/acme', username: '', password: '', push: 'true', tags: '', engine: 'auto', cache: 'auto', concurrency: '', insecure: '', ...overrides };
}

describe('images', () => {
  test('a YAML list becomes typed images with absolute paths and the default Containerfile/Dockerfile', () => {
    const context = buildContext(
      inputs({
        images: '- name: backend\n  context: app/backend\n  build-args: { A: 1, B: two }\n- { name: shop/web, context: app/frontend, target: runtime, platforms: "linux/amd64,linux/arm64", labels: [team=web] }',
      }),
      undefined,
      run,
    );
    expect(context.images).toEqual([
      { name: 'backend', context: path.join(FIXTURES, 'app/backend'), file: path.join(FIXTURES, 'app/backend/Containerfile'), target: undefined, buildArgs: { A: '1', B: 'two' }, platforms: [], labels: {} },
      { name: 'shop/web', context: path.join(FIXTURES, 'app/frontend'), file: path.join(FIXTURES, 'app/frontend/Dockerfile'), target: 'runtime', buildArgs: {}, platforms: ['linux/amd64', 'linux/arm64'], labels: { team: 'web' } },
    ]);
    expect(context).toMatchObject({ registry: 'ghcr.io/acme', registryHost: 'ghcr.io', push: true, engine: 'auto', cache: 'auto', concurrency: 2, insecure: false, sourceUrl: 'https://github.com/acme/shop' });
    expect(repositoryOf(context, 'shop/web')).toBe('ghcr.io/acme/shop/web');
  });

  test('images and registry fall back to the config file', () => {
    const config = parseConfig('app: shop\nregistry: registry.example.com:5000/shop\nimages:\n  - { name: api, context: app/backend, file: app/backend/Containerfile }\n', '.github/shipkit.yml');
    const context = buildContext(inputs({ registry: '' }), config, run);
    expect(context.registry).toBe('registry.example.com:5000/shop');
    expect(context.registryHost).toBe('registry.example.com:5000');
    expect(context.images.map((image) => image.name)).toEqual(['api']);
  });

  test('errors in the config file name its file, line and column', () => {
    const badImage = parseConfig('app: shop\nimages:\n  - { name: api, context: app/backend }\n  - { name: Web, context: app/frontend }\n', '.github/shipkit.yml');
    expect(() => buildContext(inputs({}), badImage, run)).toThrow(/^\.github\/shipkit\.yml:4:5: Input "images\[1\]\.name" has an invalid value "Web"/);
    const badRegistry = parseConfig('app: shop\nregistry: ghcr.io/Acme\nimages: [{ name: api, context: app/backend }]\n', '.github/shipkit.yml');
    expect(() => buildContext(inputs({ registry: '' }), badRegistry, run)).toThrow(/^\.github\/shipkit\.yml:2:11: Input "registry" has an invalid value "ghcr.io\/Acme"/);
  });

  test('inputs win over the config file', () => {
    const config = parseConfig('app: shop\nregistry: other.example.com\nimages: [{ name: api, context: app/backend }]\n', '.github/shipkit.yml');
    const context = buildContext(inputs({ images: '[{ name: web, context: app/frontend }]' }), config, run);
    expect(context.registry).toBe('ghcr.io/acme');
    expect(context.images.map((image) => image.name)).toEqual(['web']);
  });

  test.each<[string, Partial<RawInputs>, RegExp]>([
    ['no images anywhere', { images: '' }, /Input "images" is required/],
    ['not a list', { images: 'name: api' }, /Input "images" has an invalid value .*expected a list/],
    ['missing context dir names the path', { images: '[{ name: api, context: services/nope }]' }, new RegExp(`Image "api": the build context "services/nope" is not a directory \\(looked at ${path.join(FIXTURES, 'services/nope')}\\)`)],
    ['missing file names the path', { images: '[{ name: api, context: app/backend, file: app/backend/Nope.containerfile }]' }, new RegExp(`Image "api": the Containerfile "app/backend/Nope.containerfile" does not exist \\(looked at ${path.join(FIXTURES, 'app/backend/Nope.containerfile')}\\)`)],
    ['context without Containerfile or Dockerfile', { images: '[{ name: api, context: app }]' }, /Image "api": no Containerfile or Dockerfile in the build context "app" \(looked at .*app\/Containerfile and .*app\/Dockerfile\)/],
    ['upper-case image name', { images: '[{ name: Backend, context: app/backend }]' }, /Input "images\[0\].name" has an invalid value "Backend": expected an image name/],
    ['unknown field', { images: '[{ name: api, context: app/backend, dockerfile: x }]' }, /Input "images\[0\]" has an unknown field "dockerfile"/],
    ['duplicate names', { images: '[{ name: api, context: app/backend }, { name: api, context: app/frontend }]' }, /Input "images" has an invalid value "api": expected each image name once/],
    ['bad platform', { images: '[{ name: api, context: app/backend, platforms: [amd64] }]' }, /Input "images\[0\].platforms" has an invalid value "amd64"/],
    ['registry with a scheme', { registry: 'https://ghcr.io/acme', images: '[{ name: api, context: app/backend }]' }, /Input "registry" has an invalid value "https:\/\/ghcr.io\/acme"/],
    ['pushing without a registry', { registry: '', images: '[{ name: api, context: app/backend }]' }, /Input "registry" is required to push/],
    ['username without password', { username: 'bot', images: '[{ name: api, context: app/backend }]' }, /Inputs "username" and "password" go together: "password" is missing/],
    ['unknown engine', { engine: 'podman', images: '[{ name: api, context: app/backend }]' }, /Input "engine" has an invalid value "podman": expected one of auto, docker, buildah/],
    ['gha cache with buildah', { engine: 'buildah', cache: 'gha', images: '[{ name: api, context: app/backend }]' }, /Input "cache" has an invalid value "gha"/],
    ['concurrency 0', { concurrency: '0', images: '[{ name: api, context: app/backend }]' }, /Input "concurrency" has an invalid value "0": expected a whole number at least 1/],
    ['bad tag rule', { tags: 'raw=-x', images: '[{ name: api, context: app/backend }]' }, /Input "tags" has an invalid value "-x"/],
  ])('%s', (_title, overrides, message) => {
    expect(() => buildContext(inputs(overrides), undefined, run)).toThrow(message);
  });

  test('building without pushing needs no registry and names images localhost/<name>', () => {
    const context = buildContext(inputs({ registry: '', push: 'false', images: '[{ name: api, context: app/backend }]' }), undefined, run);
    expect(repositoryOf(context, 'api')).toBe('localhost/api');
  });
});

describe('names', () => {
  test.each(['backend', 'shop/web', 'a.b_c-d', 'a__b', 'x/y/z'])('image name %s is valid', (name) => {
    expect(checkImageName('images[0].name', name)).toBe(name);
  });
  test.each(['Backend', '-x', 'x-', 'a//b', 'a b', ''])('image name %j is invalid', (name) => {
    expect(() => checkImageName('images[0].name', name)).toThrow(/expected an image name/);
  });
  test.each(['ghcr.io/acme', '127.0.0.1:5000', 'localhost:5000/team/sub', 'registry.example.com/'])('registry %s is valid', (registry) => {
    expect(checkRegistry('registry', registry)).toBe(registry.replace(/\/$/, ''));
  });
  test.each(['ghcr.io/Acme', 'http://x', 'ghcr.io acme', ''])('registry %j is invalid', (registry) => {
    expect(() => checkRegistry('registry', registry)).toThrow(/Input "registry" has an invalid value/);
  });
});

describe('OCI labels', () => {
  test('are set from the run, with the image labels winning', () => {
    const labels = ociLabels(
      { name: 'shop/web', labels: { 'org.opencontainers.image.title': 'Shop web', team: 'web' } },
      { sourceUrl: 'https://github.com/acme/shop', revision: 'abc', version: '1.2.3', created: new Date('2026-01-02T03:04:05Z') },
    );
    expect(labels).toEqual({
      'org.opencontainers.image.title': 'Shop web',
      'org.opencontainers.image.created': '2026-01-02T03:04:05.000Z',
      'org.opencontainers.image.version': '1.2.3',
      'org.opencontainers.image.revision': 'abc',
      'org.opencontainers.image.source': 'https://github.com/acme/shop',
      team: 'web',
    });
  });
});
