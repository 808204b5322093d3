/**
 * The committed bundle dist/build-images/index.js, run the way the runner runs it (INPUT_*,
 * file commands, event payload, then the post step), building with buildah and pushing to a
 * local docker-registry that requires a login.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAction, type RunResult } from '../../../test/harness/index.js';
import { buildahEnv, buildBaseImage, startRegistry, type RegistryService } from '../../../test/services/index.js';
import { FIXTURES, resolveManifest, USER } from './registry.js';

// The shared test store (vfs, chroot isolation) and busybox base from test/services.
let base: string;

beforeAll(async () => {
  base = await buildBaseImage();
});

describe('build-images action (dist bundle)', () => {
  let registry: RegistryService;
  let workspace: string;
  let run: RunResult;

  beforeAll(async () => {
    registry = await startRegistry({ htpasswd: { user: USER.username, password: USER.password } });
    workspace = mkdtempSync(path.join(os.tmpdir(), 'shipkit-bi-workspace-'));
    cpSync(path.join(FIXTURES, 'app'), path.join(workspace, 'app'), { recursive: true });
    mkdirSync(path.join(workspace, '.github'));
    // registry and images come from the config file; credentials and the rest from inputs.
    writeFileSync(
      path.join(workspace, '.github', 'shipkit.yml'),
      [
        'app: shop',
        `registry: ${registry.host}/shop`,
        'images:',
        `  - { name: backend, context: app/backend, build-args: { BASE: "${base}" } }`,
        `  - { name: frontend, context: app/frontend, target: runtime, build-args: { BASE: "${base}" } }`,
        '',
      ].join('\n'),
    );
    run = await runAction('build-images', {
      event: 'tag-v1.2.3',
      workspace,
      inputs: { ...USER, insecure: true, engine: 'buildah', concurrency: 2 },
      env: buildahEnv,
    });
  });

  afterAll(async () => {
    await registry?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('succeeds and writes images, refs and version', () => {
    expect({ exitCode: run.exitCode, errors: run.errors }).toEqual({ exitCode: 0, errors: [] });
    expect(run.outputs.version).toBe('1.2.3');
    const images = JSON.parse(run.outputs.images) as Array<{ name: string; ref: string; digest: string; tags: string[] }>;
    expect(images.map((image) => image.name)).toEqual(['backend', 'frontend']);
    for (const image of images) {
      expect(image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(image.ref).toBe(`${registry.host}/shop/${image.name}@${image.digest}`);
      expect(image.tags).toEqual(['1.2.3', '1.2', '1', 'latest', 'sha-6113728']);
    }
    expect(run.outputs.refs).toBe(images.map((image) => image.ref).join('\n'));
  });

  test('every tag in the output resolves to the output digest in the registry', async () => {
    const images = JSON.parse(run.outputs.images) as Array<{ name: string; digest: string; tags: string[] }>;
    for (const image of images) {
      for (const tag of image.tags) {
        const resolved = await resolveManifest(registry, `shop/${image.name}`, tag);
        expect({ image: image.name, tag, digest: resolved.digest }).toEqual({ image: image.name, tag, digest: image.digest });
      }
    }
  });

  test('the step summary has one row per image with tags, digest, size and build time', () => {
    const images = JSON.parse(run.outputs.images) as Array<{ name: string; digest: string }>;
    expect(run.summary).toContain('| Image | Tags | Digest | Size | Build time |');
    for (const image of images) {
      const row = run.summary.split('\n').find((line) => line.startsWith(`| \`${registry.host}/shop/${image.name}\``));
      expect(row).toBeDefined();
      expect(row).toContain('`1.2.3` `1.2` `1` `latest` `sha-6113728`');
      expect(row).toContain(`\`${image.digest}\``);
      expect(row).toMatch(/\| \d+(\.\d)? (KiB|MiB) \| \d+(\.\d)?(ms|s) \|$/);
    }
  });

  test('logs are grouped per image', () => {
    expect(run.log).toMatch(new RegExp(`::group::backend: ${registry.host.replace(/\./g, '\\.')}/shop/backend\\n[^]*STEP 1/`));
    expect(run.log).toMatch(/::group::frontend: /);
  });

  test('the password never reaches the log, outputs or summary, and the post step removes the login', () => {
    const everything = [run.log, run.summary, JSON.stringify(run.outputs), run.post?.log ?? ''].join('\n');
    expect(everything).not.toContain(USER.password);
    expect(run.masks).toContain(USER.password);
    const authDir = (JSON.parse(run.state.engineState) as { authDir: string }).authDir;
    expect(authDir.startsWith(path.join(run.runnerRoot, 'temp'))).toBe(true);
    expect(run.post?.exitCode).toBe(0);
    expect(existsSync(authDir)).toBe(false);
  });
});

describe('build-images action errors', () => {
  test('a missing build context fails before building, naming the path', async () => {
    const run = await runAction('build-images', {
      event: 'push-main',
      inputs: { images: '[{ name: api, context: services/api }]', registry: 'ghcr.io/acme', engine: 'buildah' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([expect.stringMatching(new RegExp(`^Image "api": the build context "services/api" is not a directory \\(looked at ${run.workspace}/services/api\\)`))]);
    expect(run.post?.exitCode).toBe(0);
  });

  test('an invalid raw tag fails naming the input', async () => {
    const run = await runAction('build-images', {
      event: 'push-main',
      workspace: FIXTURES,
      inputs: { images: '[{ name: api, context: app/backend }]', registry: 'ghcr.io/acme', tags: 'sha\nraw=v1/2' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors[0]).toMatch(/^Input "tags" has an invalid value "v1\/2": expected a tag of letters, digits/);
  });
});

describe('a failing build', () => {
  let registry: RegistryService;
  afterAll(async () => {
    await registry?.stop();
  });

  test('fails naming the image and the step, after pushing the images before it; the summary says so', async () => {
    registry = await startRegistry();
    const run = await runAction('build-images', {
      event: 'push-develop',
      workspace: FIXTURES,
      env: buildahEnv,
      inputs: {
        images: `- { name: backend, context: app/backend, build-args: { BASE: "${base}" } }\n- { name: broken, context: app/broken, build-args: { BASE: "${base}" } }`,
        registry: registry.host,
        insecure: true,
        engine: 'buildah',
        concurrency: 1,
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([expect.stringMatching(/^Image "broken": buildah build \(broken\) failed with exit code \d+:\n[^]*exit status 3/)]);
    expect(run.log).toMatch(/::group::broken: [^]*about to fail/);
    expect(run.summary).toContain('### build-images failed');
    expect(run.summary).toContain('1 of 2 image(s) were built and pushed before the failure.');
    const backendRow = run.summary.split('\n').find((line) => line.startsWith(`| \`${registry.host}/backend\``));
    const digest = /`(sha256:[0-9a-f]{64})`/.exec(backendRow ?? '')?.[1];
    expect(digest).toBeDefined();
    expect((await resolveManifest(registry, 'backend', 'develop')).digest).toBe(digest);
    expect(run.outputs).toEqual({});
  });
});
