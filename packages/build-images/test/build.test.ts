/**
 * Real builds: buildah (vfs storage, chroot isolation) builds the fixture images FROM a locally
 * built busybox base and pushes them to a local docker-registry; the registry's HTTP API is the
 * judge of what was pushed.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunContext } from '@shipkit/core';
import { buildImages, imagesOutput, refsOutput, selectEngine, type BuildOutcome } from '../src/build.js';
import { BuildahEngine } from '../src/buildah.js';
import { buildContext, type RawInputs } from '../src/context.js';
import { loadEvent } from '../../../test/harness/index.js';
import { buildahEnv, buildBaseImage, freePort, startRegistry, type RegistryService } from '../../../test/services/index.js';
import { FIXTURES, imageConfig, resolveManifest, USER } from './registry.js';

const FAST_RETRY = { attempts: 2, baseDelayMs: 50 };

function runContext(event: Parameters<typeof loadEvent>[0]): RunContext {
  const fixture = loadEvent(event);
  const repository = fixture.payload.repository as { default_branch?: string; full_name?: string };
  return {
    eventName: fixture.name,
    ref: fixture.ref,
    sha: fixture.sha,
    repository: repository.full_name ?? 'acme/shop',
    serverUrl: 'https://github.com',
    runId: '1',
    runAttempt: '1',
    actor: 'octocat',
    workflow: 'ci',
    job: 'build',
    workspace: FIXTURES,
    defaultBranch: repository.default_branch,
    pullRequestNumber: typeof fixture.payload.number === 'number' ? fixture.payload.number : undefined,
    payload: fixture.payload,
  };
}

function inputs(overrides: Partial<RawInputs>): RawInputs {
  return { images: '', registry: '', username: '', password: '', push: 'true', tags: '', engine: 'buildah', cache: 'auto', concurrency: '2', insecure: 'true', ...overrides };
}

function imagesYaml(base: string): string {
  return [
    `- name: shop/backend`,
    `  context: app/backend`,
    `  build-args: { BASE: "${base}", GREETING: hi }`,
    `- name: shop/frontend`,
    `  context: app/frontend`,
    `  target: runtime`,
    `  build-args: [BASE=${base}]`,
    `  labels: { com.example.team: web }`,
  ].join('\n');
}

// The shared test store (vfs, chroot isolation) and busybox base from test/services; one temp
// root for the file. Every test builds the backend with the same inputs, so layers are reused.
const ENGINE_ENV = { ...process.env, ...buildahEnv };
let base: string;
let tempRoot: string;

beforeAll(async () => {
  base = await buildBaseImage();
  tempRoot = mkdtempSync(path.join(os.tmpdir(), 'shipkit-bi-temp-'));
});

afterAll(() => {
  if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
});

/** The backend image as every test here builds it (same inputs, so the layers are reused). */
const backend = (name: string): string => `- { name: ${name}, context: app/backend, build-args: { BASE: "${base}", GREETING: hi } }`;

describe('buildah engine against a local docker-registry', () => {
  let registry: RegistryService;
  let outcome: BuildOutcome;

  beforeAll(async () => {
    registry = await startRegistry();
    const context = buildContext(inputs({ images: imagesYaml(base), registry: `${registry.host}/acme` }), undefined, runContext('push-develop'));
    const engine = await selectEngine('buildah', { tempRoot, env: ENGINE_ENV, registryRetry: FAST_RETRY });
    outcome = await buildImages(context, engine, { tempRoot, created: new Date('2026-01-02T03:04:05Z') });
  });

  afterAll(async () => {
    await registry?.stop();
  });

  test('builds both images and reports a digest and the develop tags for each', () => {
    expect(outcome.engine).toBe('buildah');
    expect(outcome.version).toBe('develop');
    expect(outcome.tags).toEqual(['develop', 'sha-6113728']);
    expect(outcome.images.map((image) => image.name)).toEqual(['shop/backend', 'shop/frontend']);
    for (const image of outcome.images) {
      expect(image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(image.ref).toBe(`${registry.host}/acme/${image.name}@${image.digest}`);
      expect(image.size).toBeGreaterThan(100_000); // busybox alone is ~1-2 MB
    }
    expect(outcome.images[0].digest).not.toBe(outcome.images[1].digest);
  });

  test('every reported tag resolves to the reported digest through the registry API', async () => {
    for (const image of outcome.images) {
      for (const tag of image.tags) {
        const resolved = await resolveManifest(registry, `acme/${image.name}`, tag);
        expect({ tag, status: resolved.status, digest: resolved.digest }).toEqual({ tag, status: 200, digest: image.digest });
      }
      const byDigest = await resolveManifest(registry, `acme/${image.name}`, image.digest!);
      expect(byDigest.status).toBe(200);
    }
  });

  test('images carry the OCI labels, the image labels, and the build target', async () => {
    const [backend, frontend] = outcome.images;
    const backendManifest = await resolveManifest(registry, `acme/${backend.name}`, backend.digest!);
    const backendConfig = await imageConfig(registry, `acme/${backend.name}`, backendManifest.manifest!.config!.digest);
    expect(backendConfig.config?.Labels).toMatchObject({
      'org.opencontainers.image.source': 'https://github.com/acme/shop',
      'org.opencontainers.image.revision': '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      'org.opencontainers.image.version': 'develop',
      'org.opencontainers.image.created': '2026-01-02T03:04:05.000Z',
      'org.opencontainers.image.title': 'backend',
    });
    const frontendManifest = await resolveManifest(registry, `acme/${frontend.name}`, frontend.digest!);
    const frontendConfig = (await imageConfig(registry, `acme/${frontend.name}`, frontendManifest.manifest!.config!.digest)) as {
      config?: { Labels?: Record<string, string>; Cmd?: string[] };
    };
    expect(frontendConfig.config?.Labels).toMatchObject({ 'com.example.team': 'web', 'org.opencontainers.image.title': 'frontend' });
    // The runtime stage's CMD, so --target was honoured.
    expect(frontendConfig.config?.Cmd).toEqual(['cat', '/srv/index.html']);
  });

  test('outputs: images JSON and refs lines ready for trivy-scan', () => {
    const images = imagesOutput(outcome.images);
    expect(images).toEqual(
      outcome.images.map((image) => ({ name: image.name, repository: `${registry.host}/acme/${image.name}`, ref: image.ref, digest: image.digest, tags: ['develop', 'sha-6113728'] })),
    );
    expect(refsOutput(outcome.images).split('\n')).toEqual(outcome.images.map((image) => `${registry.host}/acme/${image.name}@${image.digest}`));
  });

  test('several platforms push one image index; every tag resolves to its digest', async () => {
    const context = buildContext(
      inputs({ images: '- { name: shop/static, context: app/static, platforms: [linux/amd64, linux/arm64] }', registry: `${registry.host}/acme` }),
      undefined,
      runContext('tag-prerelease'),
    );
    const engine = new BuildahEngine(tempRoot, ENGINE_ENV, FAST_RETRY);
    const [image] = (await buildImages(context, engine, { tempRoot })).images;
    expect(image.tags).toEqual(['2.0.0-rc.1', 'sha-6113728']);
    for (const tag of image.tags) {
      const resolved = await resolveManifest(registry, 'acme/shop/static', tag);
      expect({ tag, digest: resolved.digest }).toEqual({ tag, digest: image.digest });
      expect(resolved.mediaType).toMatch(/manifest\.list|image\.index/);
      const platforms = (resolved.manifest as { manifests?: Array<{ platform?: { architecture?: string } }> }).manifests?.map((entry) => entry.platform?.architecture);
      expect(platforms?.sort()).toEqual(['amd64', 'arm64']);
    }
  });

  test('cache: registry pushes the layer cache to <image>-cache', async () => {
    const context = buildContext(inputs({ images: backend('cached'), registry: `${registry.host}/acme`, cache: 'registry', tags: 'sha' }), undefined, runContext('push-main'));
    const engine = new BuildahEngine(tempRoot, ENGINE_ENV, FAST_RETRY);
    await buildImages(context, engine, { tempRoot });
    const response = await fetch(`${registry.url}/v2/acme/cached-cache/tags/list`);
    expect(response.status).toBe(200);
    const { tags } = (await response.json()) as { tags: string[] };
    // One cache entry per build step (buildah names them by the step's cache key).
    expect(tags.length).toBeGreaterThanOrEqual(4);
    expect(tags.every((tag) => /^[0-9a-f]{64}$/.test(tag))).toBe(true);
  });

  test('push: false builds locally without a registry and reports local refs', async () => {
    const context = buildContext(
      inputs({ images: backend('shop/backend'), registry: '', push: 'false', tags: 'raw=local' }),
      undefined,
      runContext('push-main'),
    );
    const engine = new BuildahEngine(tempRoot, ENGINE_ENV);
    const local = await buildImages(context, engine, { tempRoot });
    expect(imagesOutput(local.images)).toEqual([{ name: 'shop/backend', repository: 'localhost/shop/backend', ref: 'localhost/shop/backend:local', digest: null, tags: ['local'] }]);
  });

  test('a registry that does not answer fails after the retries with a clear error', async () => {
    const closed = `127.0.0.1:${await freePort()}`;
    const context = buildContext(
      inputs({ images: backend('backend'), registry: closed, tags: 'raw=unreachable' }),
      undefined,
      runContext('push-main'),
    );
    const engine = new BuildahEngine(tempRoot, ENGINE_ENV, FAST_RETRY);
    await expect(buildImages(context, engine, { tempRoot })).rejects.toThrow(
      new RegExp(`Image "backend": Registry ${closed.replace(/\./g, '\\.')} is unreachable: push of ${closed.replace(/\./g, '\\.')}/backend:unreachable failed after 2 attempts`),
    );
  });
});

describe('registry login', () => {
  let registry: RegistryService;

  beforeAll(async () => {
    registry = await startRegistry({ htpasswd: { user: USER.username, password: USER.password } });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  test('logs in with a private auth file, pushes, and logout removes the file', async () => {
    const context = buildContext(
      inputs({ images: backend('api'), registry: registry.host, ...USER, concurrency: '1' }),
      undefined,
      runContext('tag-v1.2.3'),
    );
    const engine = new BuildahEngine(tempRoot, ENGINE_ENV, FAST_RETRY);
    const outcome = await buildImages(context, engine, { tempRoot });
    expect(outcome.tags).toEqual(['1.2.3', '1.2', '1', 'latest', 'sha-6113728']);
    for (const tag of outcome.tags) {
      const resolved = await resolveManifest(registry, 'api', tag);
      expect({ tag, digest: resolved.digest }).toEqual({ tag, digest: outcome.images[0].digest });
    }
    const authDir = engine.state.authDir;
    expect(existsSync(path.join(authDir, 'auth.json'))).toBe(true);
    await engine.logout(registry.host, engine.state);
    expect(existsSync(authDir)).toBe(false);
  });

  test('a wrong password fails the login with an error that does not contain the password', async () => {
    const password = 'not-the-Secret-42';
    const context = buildContext(
      inputs({ images: backend('api'), registry: registry.host, username: USER.username, password }),
      undefined,
      runContext('push-main'),
    );
    const engine = new BuildahEngine(tempRoot, ENGINE_ENV, FAST_RETRY);
    const failure = await buildImages(context, engine, { tempRoot }).then(() => undefined, (error: unknown) => error as Error);
    expect(failure?.message).toMatch(new RegExp(`^Login to ${registry.host.replace(/\./g, '\\.')} as "${USER.username}" failed: .*(invalid username/password|unauthorized)`, 'i'));
    expect(failure?.message).not.toContain(password);
  });
});
