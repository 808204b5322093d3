/**
 * The promote-images action ("build once"), its committed bundle run as the runner runs it, against
 * a real docker-registry with skopeo: new tags land on the same digest, a missing source changes
 * nothing, and bad input is refused before anything is written. (The probes below name the values
 * as the workflows used to pass them, SHIPKIT_*, mapped onto the action's inputs.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction } from '../harness/index.js';
import { buildah, buildBaseImage, startRegistry, type RegistryService } from '../services/index.js';
import { compareVersions, parseVersion, planAliases, promoteImages } from '../../packages/promote-images/src/promote.js';

let registry: RegistryService;
let scratch: string;
let digest: string;

const INPUTS: Record<string, string> = {
  SHIPKIT_SOURCES: 'sources',
  SHIPKIT_TAGS: 'tags',
  SHIPKIT_IF_MISSING: 'if-missing',
  SHIPKIT_VERSION: 'version',
  SHIPKIT_REGISTRY_USERNAME: 'username',
  SHIPKIT_REGISTRY_PASSWORD: 'password',
};

async function promote(env: Record<string, string>): Promise<{ code: number; stdout: string; outputs: Record<string, string> }> {
  const inputs: Record<string, string> = { insecure: 'true' };
  for (const [key, value] of Object.entries(env)) inputs[INPUTS[key]] = value;
  const run = await runAction('promote-images', { inputs });
  // The log as the runner shows it (its own ::add-mask:: commands are not output).
  return { code: run.exitCode ?? 1, stdout: run.log, outputs: run.outputs };
}

async function tagDigest(tag: string, repository = 'acme/app'): Promise<string | undefined> {
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${tag}`, {
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

describe('promote-images (action bundle)', () => {
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
    [{ SHIPKIT_SOURCES: 'not a ref', SHIPKIT_TAGS: 'x' }, /Input "sources" has an invalid value "not a ref": expected <registry>\/<name>:<tag>/],
    [{ SHIPKIT_SOURCES: 'h:5000/acme/app:t', SHIPKIT_TAGS: 'bad tag!' }, /Input "tags" has an invalid value "bad tag!"/],
    [{ SHIPKIT_SOURCES: '', SHIPKIT_TAGS: 'x' }, /Input "sources" is empty/],
    [{ SHIPKIT_SOURCES: 'h:5000/acme/app:t', SHIPKIT_TAGS: 'x', SHIPKIT_IF_MISSING: 'maybe' }, /Input "if-missing" has an invalid value "maybe"/],
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

  describe('semver aliases never move backwards (SHIPKIT_VERSION)', () => {
    const repository = 'acme/versions';
    const digests: Record<string, string> = {};

    /** Pushes an image that differs per version (a label) as <repository>:<version>, like build-images does. */
    async function pushVersion(version: string): Promise<string> {
      const base = await buildBaseImage();
      const container = (await buildah(['from', '--pull-never', '--quiet', base])).stdout.trim();
      try {
        await buildah(['config', '--label', `org.opencontainers.image.version=${version}`, container]);
        await buildah(['commit', '--quiet', container, `localhost/shipkit-promote-versions:${version}`]);
      } finally {
        await buildah(['rm', container], { check: false });
      }
      const digestFile = path.join(scratch, `digest-${version}`);
      await buildah(['push', '--quiet', '--tls-verify=false', '--digestfile', digestFile, `localhost/shipkit-promote-versions:${version}`, `docker://${registry.host}/${repository}:${version}`]);
      // No `buildah rmi` here: removing an image from the shared store while another test's
      // `buildah build --layers` scans it for cache hits fails that build ("layer not known").
      digests[version] = readFileSync(digestFile, 'utf8').trim();
      return digests[version];
    }

    /** The alias-tags job: SHIPKIT_TAGS = major.minor, major, latest of the version. */
    const release = (version: string) => {
      const [major, minor] = version.split('.');
      return promote({ SHIPKIT_SOURCES: `${registry.host}/${repository}:${version}`, SHIPKIT_TAGS: `${major}.${minor}\n${major}\nlatest`, SHIPKIT_VERSION: version, SHIPKIT_IF_MISSING: 'fail' });
    };
    const aliases = async () => Object.fromEntries(await Promise.all(['1.2', '1.3', '1.4', '1', 'latest'].map(async (tag) => [tag, await tagDigest(tag, repository)])));

    test('1.3.0, then 1.2.4: 1.2 moves to 1.2.4, while 1 and latest stay on 1.3.0', async () => {
      await pushVersion('1.3.0');
      expect((await release('1.3.0')).code).toBe(0);
      expect(await aliases()).toEqual({ '1.2': undefined, '1.3': digests['1.3.0'], '1.4': undefined, '1': digests['1.3.0'], latest: digests['1.3.0'] });

      await pushVersion('1.2.4');
      expect(digests['1.2.4']).not.toBe(digests['1.3.0']);
      const result = await release('1.2.4');
      expect(result.code).toBe(0);
      expect(await aliases()).toEqual({ '1.2': digests['1.2.4'], '1.3': digests['1.3.0'], '1.4': undefined, '1': digests['1.3.0'], latest: digests['1.3.0'] });
      expect(JSON.parse(result.outputs.images)[0]).toMatchObject({
        tags: ['1.2'],
        held: [
          { tag: '1', reason: 'the registry has 1.3.0' },
          { tag: 'latest', reason: 'the registry has 1.3.0' },
        ],
      });
      expect(result.stdout).toContain(`${registry.host}/${repository}:latest stays where it is: the registry has 1.3.0`);
    });

    test('a prerelease moves no alias, and does not hold back the next stable release', async () => {
      await pushVersion('1.4.0-rc.1');
      const rc = await release('1.4.0-rc.1');
      expect(rc.code).toBe(0);
      expect(JSON.parse(rc.outputs.images)[0].tags).toEqual([]);
      expect(await aliases()).toEqual({ '1.2': digests['1.2.4'], '1.3': digests['1.3.0'], '1.4': undefined, '1': digests['1.3.0'], latest: digests['1.3.0'] });

      await pushVersion('1.3.1');
      expect((await release('1.3.1')).code).toBe(0);
      expect(await aliases()).toEqual({ '1.2': digests['1.2.4'], '1.3': digests['1.3.1'], '1.4': undefined, '1': digests['1.3.1'], latest: digests['1.3.1'] });
      // Re-running the same release is idempotent (equal is not backwards).
      expect((await release('1.3.1')).code).toBe(0);
      expect(await tagDigest('latest', repository)).toBe(digests['1.3.1']);
    });

    test('an invalid SHIPKIT_VERSION is refused before anything is tagged', async () => {
      const result = await promote({ SHIPKIT_SOURCES: `${registry.host}/${repository}:1.3.1`, SHIPKIT_TAGS: 'latest', SHIPKIT_VERSION: 'one.two' });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/Input "version" has an invalid value "one.two"/);
    });

    test('two releases at once: 1.3.5 lands while 1.3.4 moves its aliases; the re-read puts 1 and latest back on 1.3.5 (registries have no conditional tag writes)', async () => {
      await pushVersion('1.3.4');
      let raced = false;
      const result = await promoteImages({
        sources: [`${registry.host}/${repository}:1.3.4`],
        tags: ['1.3', '1', 'latest'],
        version: '1.3.4',
        ifMissing: 'fail',
        insecure: true,
        // Right after 1.3.4 took its first alias, the other run's 1.3.5 release moves all three.
        onTagged: async (_repository, tag) => {
          if (raced || tag !== '1.3') return;
          raced = true;
          await pushVersion('1.3.5'); // the other release's build lands...
          const other = await promote({ SHIPKIT_SOURCES: `${registry.host}/${repository}:1.3.5`, SHIPKIT_TAGS: '1.3\n1\nlatest', SHIPKIT_VERSION: '1.3.5', SHIPKIT_IF_MISSING: 'fail' });
          expect(other.code).toBe(0);
        },
      });
      expect(raced).toBe(true);
      expect(result.found).toBe(true);
      // Every alias ends on the newer release, whatever order the two runs' copies landed in.
      expect(await tagDigest('1', repository)).toBe(digests['1.3.5']);
      expect(await tagDigest('latest', repository)).toBe(digests['1.3.5']);
      expect(await tagDigest('1.3', repository)).toBe(digests['1.3.5']);
      const held = result.images[0].held ?? [];
      expect(held.map((entry) => entry.tag).sort()).toEqual(['1', '1.3', 'latest']);
      expect(held.every((entry) => entry.newer === '1.3.5')).toBe(true);
    }, 120_000);
  });

  test.each([
    ['1.2.4', '1.3.0'],
    ['1.2.9', '1.2.10'],
    ['1.9.0', '1.10.0'],
    ['1.0.0-rc.1', '1.0.0'],
    ['1.0.0-alpha', '1.0.0-alpha.1'],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta'],
    ['1.0.0-beta.2', '1.0.0-beta.11'],
    ['1.0.0-beta.11', '1.0.0-rc.1'],
  ])('semver precedence: %s < %s', (lower, higher) => {
    expect(compareVersions(parseVersion(lower)!, parseVersion(higher)!)).toBeLessThan(0);
    expect(compareVersions(parseVersion(higher)!, parseVersion(lower)!)).toBeGreaterThan(0);
  });

  test.each([
    ['1.2.4', ['1.3.0', '1.2.3'], { allowed: ['1.2'], held: ['1', 'latest'] }],
    ['2.0.0', ['1.9.9', '2.0.0-rc.1', 'v2.0.0'], { allowed: ['2.0', '2', 'latest'], held: [] }],
    ['1.2.4', ['v1.2.5+build.7', 'not-a-version'], { allowed: [], held: ['1.2', '1', 'latest'] }],
    ['1.5.0-rc.1', [], { allowed: [], held: ['1.5', '1', 'latest'] }],
  ])('aliases of %s with %j in the registry', (version, existing, expected) => {
    const [major, minor] = version.split('.');
    const plan = planAliases(parseVersion(version)!, [`${major}.${minor}`, major, 'latest'], existing);
    expect({ allowed: plan.allowed, held: plan.held.map((entry) => entry.tag) }).toEqual(expected);
  });
});
