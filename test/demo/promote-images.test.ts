/**
 * scripts/promote-images.mjs ("build once") against a real docker-registry with skopeo: new tags
 * land on the same digest, a missing source changes nothing, and bad input is refused before
 * anything is written. It runs the way the workflows run it: values in env, outputs in GITHUB_OUTPUT.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parseFileCommand, ROOT } from '../harness/index.js';
import { buildah, buildBaseImage, run, startRegistry, type RegistryService } from '../services/index.js';

let registry: RegistryService;
let scratch: string;
let digest: string;

async function promote(env: Record<string, string>): Promise<{ code: number; stdout: string; outputs: Record<string, string> }> {
  const outputFile = path.join(scratch, `out-${Math.random().toString(16).slice(2)}`);
  writeFileSync(outputFile, '');
  const result = await run(process.execPath, [path.join(ROOT, 'scripts', 'promote-images.mjs')], {
    env: { GITHUB_OUTPUT: outputFile, SHIPKIT_INSECURE: 'true', ...env },
    check: false,
  });
  return { code: result.code, stdout: result.stdout + result.stderr, outputs: parseFileCommand(readFileSync(outputFile, 'utf8')) };
}

async function tagDigest(tag: string): Promise<string | undefined> {
  const response = await fetch(`${registry.url}/v2/acme/app/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' },
  });
  return response.status === 200 ? (response.headers.get('docker-content-digest') ?? undefined) : undefined;
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'shipkit-promote-'));
  registry = await startRegistry();
  const base = await buildBaseImage();
  const digestFile = path.join(scratch, 'digest');
  await buildah(['push', '--quiet', '--tls-verify=false', '--digestfile', digestFile, base, `docker://${registry.host}/acme/app:tested-sha-abc1234`]);
  digest = readFileSync(digestFile, 'utf8').trim();
}, 120_000);

afterAll(async () => {
  await registry?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('scripts/promote-images.mjs', () => {
  test('adds every tag to the source digest and reports build-images-shaped outputs', async () => {
    const result = await promote({ SHIPKIT_SOURCES: `${registry.host}/acme/app:tested-sha-abc1234`, SHIPKIT_TAGS: '1.2.3\n1.2\n1\nlatest' });
    expect(result.code).toBe(0);
    expect(result.outputs.found).toBe('true');
    expect(JSON.parse(result.outputs.images)).toEqual([
      { name: 'app', ref: `${registry.host}/acme/app@${digest}`, digest, tags: ['1.2.3', '1.2', '1', 'latest'], repository: `${registry.host}/acme/app` },
    ]);
    expect(result.outputs.refs).toBe(`${registry.host}/acme/app@${digest}`);
    for (const tag of ['1.2.3', '1.2', '1', 'latest']) expect(await tagDigest(tag)).toBe(digest);
  });

  test('a source given by digest works the same (what pipeline-main does with build-images\' refs)', async () => {
    const result = await promote({ SHIPKIT_SOURCES: `${registry.host}/acme/app@${digest}`, SHIPKIT_TAGS: 'tested-sha-def5678', SHIPKIT_IF_MISSING: 'fail' });
    expect(result.code).toBe(0);
    expect(await tagDigest('tested-sha-def5678')).toBe(digest);
  });

  test('a missing source: found=false and nothing tagged (the release pipeline then builds)', async () => {
    const result = await promote({ SHIPKIT_SOURCES: `${registry.host}/acme/app:tested-sha-abc1234\n${registry.host}/acme/app:tested-sha-0000000`, SHIPKIT_TAGS: '9.9.9' });
    expect(result.code).toBe(0);
    expect(result.outputs.found).toBe('false');
    expect(result.stdout).toContain('tested-sha-0000000 is not in the registry');
    expect(await tagDigest('9.9.9')).toBeUndefined();
  });

  test('a missing source with SHIPKIT_IF_MISSING=fail fails', async () => {
    const result = await promote({ SHIPKIT_SOURCES: `${registry.host}/acme/app:nope`, SHIPKIT_TAGS: 'x', SHIPKIT_IF_MISSING: 'fail' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::Image');
  });

  test.each([
    [{ SHIPKIT_SOURCES: 'not a ref', SHIPKIT_TAGS: 'x' }, /SHIPKIT_SOURCES has an invalid image reference "not a ref"/],
    [{ SHIPKIT_SOURCES: 'h:5000/acme/app:t', SHIPKIT_TAGS: 'bad tag!' }, /SHIPKIT_TAGS has an invalid tag "bad tag!"/],
    [{ SHIPKIT_SOURCES: '', SHIPKIT_TAGS: 'x' }, /SHIPKIT_SOURCES is empty/],
    [{ SHIPKIT_SOURCES: 'h:5000/acme/app:t', SHIPKIT_TAGS: 'x', SHIPKIT_IF_MISSING: 'maybe' }, /SHIPKIT_IF_MISSING has an invalid value "maybe"/],
  ])('refuses bad input before touching the registry: %j', async (env, message) => {
    const result = await promote(env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(message);
  });

  test('logs in with SHIPKIT_REGISTRY_USERNAME/PASSWORD (password on stdin, never printed)', async () => {
    const secured = await startRegistry({ htpasswd: { user: 'ci', password: 's3cret-Pa55' } });
    try {
      const base = await buildBaseImage();
      await buildah(['push', '--quiet', '--tls-verify=false', '--creds', 'ci:s3cret-Pa55', base, `docker://${secured.host}/acme/app:tested-sha-abc1234`]);
      const source = { SHIPKIT_SOURCES: `${secured.host}/acme/app:tested-sha-abc1234`, SHIPKIT_TAGS: '2.0.0', SHIPKIT_IF_MISSING: 'fail', SHIPKIT_REGISTRY_USERNAME: 'ci' };
      const good = await promote({ ...source, SHIPKIT_REGISTRY_PASSWORD: 's3cret-Pa55' });
      expect(good.code).toBe(0);
      expect(good.outputs.found).toBe('true');
      const bad = await promote({ ...source, SHIPKIT_REGISTRY_PASSWORD: 'wrong-Pa55' });
      expect(bad.code).toBe(1);
      expect(bad.stdout).not.toContain('wrong-Pa55');
      expect(bad.stdout).not.toContain('s3cret-Pa55');
      expect(good.stdout).not.toContain('s3cret-Pa55');
    } finally {
      await secured.stop();
    }
  });
});
