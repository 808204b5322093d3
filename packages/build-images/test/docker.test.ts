/**
 * The docker engine. No Docker engine runs here, so the bundle runs against fake-docker
 * (test/fixtures/fake-docker: records every call, answers like docker 28 + buildx); the
 * GitHub-hosted CI exercises the real docker. Engine choice, cache and error classification
 * are tested directly.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveCache, selectEngine } from '../src/build.js';
import { buildahGlobalArgs } from '../src/buildah.js';
import { parseBuildxMetadata } from '../src/docker.js';
import { answers, isUnreachable } from '../src/engine.js';
import { runAction } from '../../../test/harness/index.js';
import { FIXTURES } from './registry.js';

const FAKE_DOCKER_DIR = path.join(FIXTURES, 'fake-docker');

interface DockerCall {
  args: string[];
  stdin: string;
  inputPasswordInEnv: boolean;
}

async function runWithFakeDocker(inputs: Record<string, string | number | boolean>) {
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-fake-docker-'));
  const log = path.join(logDir, 'calls.jsonl');
  const run = await runAction('build-images', {
    event: 'push-main',
    workspace: FIXTURES,
    inputs: {
      images: '- { name: backend, context: app/backend, build-args: { GREETING: hey } }\n- { name: frontend, context: app/frontend, target: runtime, platforms: [linux/amd64, linux/arm64] }',
      registry: 'ghcr.io/acme',
      ...inputs,
    },
    env: {
      PATH: `${FAKE_DOCKER_DIR}:${process.env.PATH}`,
      FAKE_DOCKER_LOG: log,
      FAKE_DOCKER_PASSWORD: 'right-Password-1',
      ACTIONS_RUNTIME_TOKEN: 'runtime-token',
    },
  });
  const calls = (() => {
    try {
      return readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as DockerCall);
    } catch {
      return [];
    }
  })();
  return { run, calls };
}

describe('docker engine through the bundle (fake-docker stand-in)', () => {
  test('auto picks docker, logs in through stdin, builds with buildx --push and gha cache, and logs out in post', async () => {
    const password = 'right-Password-1';
    const { run, calls } = await runWithFakeDocker({ username: 'bot', password, engine: 'auto' });
    expect({ exitCode: run.exitCode, errors: run.errors }).toEqual({ exitCode: 0, errors: [] });
    const commands = calls.map((call) => call.args.slice(0, 2).join(' '));
    expect(commands.slice(0, 3)).toEqual(['info --format', 'buildx version', 'login --username']);
    const login = calls[2];
    expect(login.args).toEqual(['login', '--username', 'bot', '--password-stdin', 'ghcr.io']);
    expect(login.stdin).toBe(password);
    for (const call of calls) {
      expect(call.args.join(' ')).not.toContain(password);
      expect(call.inputPasswordInEnv).toBe(false);
    }
    expect(run.log).not.toContain(password);

    const builds = calls.filter((call) => call.args[1] === 'build');
    expect(builds).toHaveLength(2);
    const backend = builds.find((call) => call.args.includes('ghcr.io/acme/backend:main'))!.args;
    expect(backend).toEqual(
      expect.arrayContaining(['--push', '--metadata-file', '--build-arg', 'GREETING=hey', '--cache-from', 'type=gha,scope=backend', '--cache-to', 'type=gha,mode=max,scope=backend', '--tag', 'ghcr.io/acme/backend:sha-6113728']),
    );
    expect(backend).toContain('--label');
    expect(backend).toContain('org.opencontainers.image.revision=6113728f27ae82c7b1a177c8d03f9e96e0adf246');
    expect(backend[backend.length - 1]).toBe(path.join(FIXTURES, 'app/backend'));
    const frontend = builds.find((call) => call.args.includes('ghcr.io/acme/frontend:main'))!.args;
    expect(frontend).toEqual(expect.arrayContaining(['--target', 'runtime', '--platform', 'linux/amd64,linux/arm64', '--file', path.join(FIXTURES, 'app/frontend/Dockerfile')]));

    // Digests come from buildx's metadata file.
    const images = JSON.parse(run.outputs.images) as Array<{ name: string; digest: string; ref: string; tags: string[] }>;
    expect(images.map((image) => [image.name, image.tags])).toEqual([['backend', ['main', 'sha-6113728']], ['frontend', ['main', 'sha-6113728']]]);
    for (const image of images) {
      expect(image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(image.ref).toBe(`ghcr.io/acme/${image.name}@${image.digest}`);
    }
    expect(run.outputs.refs.split('\n')).toEqual(images.map((image) => image.ref));
    expect(run.summary).toContain('built with docker');

    expect(run.post?.exitCode).toBe(0);
    expect(calls[calls.length - 1].args).toEqual(['logout', 'ghcr.io']);
  });

  test('a refused login fails naming the registry and user, never the password', async () => {
    const password = 'wrong-Password-2';
    const { run, calls } = await runWithFakeDocker({ username: 'bot', password, engine: 'docker' });
    expect(run.exitCode).toBe(1);
    expect(run.errors[0]).toMatch(/^Login to ghcr\.io as "bot" failed: Error response from daemon: .*unauthorized: incorrect username or password/);
    expect(run.log).not.toContain(password);
    expect(calls.filter((call) => call.args[1] === 'build')).toEqual([]);
  });
});

describe('engine choice', () => {
  const probe = (answering: string[]) => async (command: string, args: readonly string[]) => answering.includes(`${command} ${args[0]}`);

  test.each<[string[], string]>([
    [['docker info', 'docker buildx', 'buildah --version'], 'docker'],
    [['docker buildx', 'buildah --version'], 'buildah'], // docker CLI without a daemon, as here
    [['docker info', 'buildah --version'], 'buildah'], // a daemon but no buildx
  ])('auto with %j answering -> %s', async (answering, engine) => {
    expect((await selectEngine('auto', { tempRoot: os.tmpdir(), probe: probe(answering) })).name).toBe(engine);
  });

  test('the probe answers true only for a command that exits 0 in time', async () => {
    expect(await answers('buildah', ['--version'])).toBe(true);
    expect(await answers('buildah', ['no-such-subcommand'])).toBe(false);
    expect(await answers('shipkit-no-such-program', [])).toBe(false);
    // A hanging `docker info` (unreachable DOCKER_HOST) must not hang the action.
    expect(await answers('sleep', ['30'], 200)).toBe(false);
  });

  test('auto without any engine explains what is missing', async () => {
    await expect(selectEngine('auto', { tempRoot: os.tmpdir(), probe: probe([]) })).rejects.toThrow(/No build engine found: no Docker engine with buildx answered \("docker info"\) and buildah is not installed/);
  });

  test('explicit engines are taken as given', async () => {
    expect((await selectEngine('buildah', { tempRoot: os.tmpdir(), probe: probe([]) })).name).toBe('buildah');
    expect((await selectEngine('docker', { tempRoot: os.tmpdir(), probe: probe([]) })).name).toBe('docker');
  });

  test.each<[Parameters<typeof resolveCache>[0], 'docker' | 'buildah', Record<string, string>, string]>([
    ['auto', 'docker', { ACTIONS_RUNTIME_TOKEN: 'x' }, 'gha'],
    ['auto', 'docker', {}, 'layers'],
    ['auto', 'buildah', { ACTIONS_RUNTIME_TOKEN: 'x' }, 'layers'],
    ['registry', 'buildah', {}, 'registry'],
    ['none', 'docker', {}, 'none'],
  ])('cache %s on %s (%j) -> %s', (mode, engine, env, expected) => {
    expect(resolveCache(mode, engine, env)).toBe(expected);
  });

  test("buildah's own storage variables become flags (buildah 1.28 ignores STORAGE_DRIVER)", () => {
    expect(buildahGlobalArgs({ STORAGE_DRIVER: 'vfs', STORAGE_OPTS: 'vfs.ignore_chown_errors=true, a=b' })).toEqual([
      '--storage-driver', 'vfs', '--storage-opt', 'vfs.ignore_chown_errors=true', '--storage-opt', 'a=b',
    ]);
    expect(buildahGlobalArgs({ BUILDAH_ISOLATION: 'chroot' })).toEqual([]);
  });
});

describe('registry errors', () => {
  test.each<[string, boolean]>([
    ['pinging container registry 127.0.0.1:1: Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused', true],
    ['dial tcp: lookup registry.invalid: no such host', true],
    ['Get "https://ghcr.io/v2/": net/http: TLS handshake timeout', true],
    ['received unexpected HTTP status: 503 Service Unavailable', true],
    ['writing blob: initiating layer upload to /v2/acme/api/blobs/uploads/ in ghcr.io: denied: permission_denied', false],
    ['reading manifest latest in docker.io/library/nope: manifest unknown', false],
    ['invalid username/password', false],
  ])('%s -> retry %s', (message, retry) => {
    expect(isUnreachable(new Error(message))).toBe(retry);
  });

  test('buildx metadata gives the pushed digest', () => {
    expect(parseBuildxMetadata('{"containerimage.digest":"sha256:abc","containerimage.config.digest":"sha256:def"}')).toEqual({ digest: 'sha256:abc', imageId: 'sha256:def' });
    expect(parseBuildxMetadata('{"buildx.build.ref":"x"}')).toEqual({ digest: undefined, imageId: undefined });
  });
});
