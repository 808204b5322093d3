import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { PINNED_TRIVY_SHA256, assetName, findOnPath, installTrivy, normalizeDownloadUrl, normalizeVersion, parseChecksums } from '../src/install.js';
import { makeReleaseTarball, sha256, standInDir, startFileServer } from './helpers.js';

const PREFIX = '/aquasecurity/trivy/releases/download';
let mirror: Awaited<ReturnType<typeof startFileServer>>;
let base: string;

function publish(version: string, options: { wrongChecksum?: boolean; omitEntry?: boolean } = {}): { digest: string } {
  const tarball = makeReleaseTarball(`#!/bin/sh\necho "Version: ${version} (stand-in from a release tarball)"\n`);
  const asset = `trivy_${version}_Linux-64bit.tar.gz`;
  const digest = options.wrongChecksum ? sha256(Buffer.from('something else')) : sha256(tarball);
  const lines = [`${sha256(Buffer.from('mac'))}  trivy_${version}_macOS-ARM64.tar.gz`, ...(options.omitEntry ? [] : [`${digest}  ${asset}`]), `${sha256(Buffer.from('deb'))}  trivy_${version}_Linux-64bit.deb`];
  mirror.files.set(`${PREFIX}/v${version}/${asset}`, tarball);
  mirror.files.set(`${PREFIX}/v${version}/trivy_${version}_checksums.txt`, Buffer.from(`${lines.join('\n')}\n`));
  return { digest: sha256(tarball) };
}

beforeAll(async () => {
  mirror = await startFileServer();
  base = `${mirror.base}${PREFIX}`;
});

const savedEnv = { RUNNER_TEMP: process.env.RUNNER_TEMP, RUNNER_TOOL_CACHE: process.env.RUNNER_TOOL_CACHE };
afterAll(async () => {
  await mirror.stop();
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

let runnerTemp: string;
let toolCache: string;
beforeEach(() => {
  runnerTemp = mkdtempSync(path.join(tmpdir(), 'runner-temp-'));
  toolCache = mkdtempSync(path.join(tmpdir(), 'tool-cache-'));
  process.env.RUNNER_TEMP = runnerTemp;
  process.env.RUNNER_TOOL_CACHE = toolCache;
  mirror.requests.length = 0;
});

const install = (version: string, extra: { sha256?: string } = {}) =>
  installTrivy({ version, downloadUrl: base, platform: 'linux', arch: 'x64', ignorePath: true, ...extra });

describe('installTrivy from a release-shaped server', () => {
  test('downloads, verifies, extracts and caches; the second call uses the tool cache', async () => {
    publish('0.68.2');
    const first = await install('0.68.2');
    expect(first.source).toBe('download');
    expect(first.path).toBe(path.join(toolCache, 'trivy', '0.68.2', 'x64', 'trivy'));
    expect(execFileSync(first.path, ['--version'], { encoding: 'utf8' })).toContain('Version: 0.68.2 (stand-in from a release tarball)');
    expect(mirror.requests.map((r) => path.basename(r))).toEqual(['trivy_0.68.2_checksums.txt', 'trivy_0.68.2_Linux-64bit.tar.gz']);

    mirror.requests.length = 0;
    const second = await install('0.68.2');
    expect(second).toEqual({ path: first.path, source: 'tool-cache', version: '0.68.2' });
    expect(mirror.requests).toEqual([]);
  });

  test('the default version is pinned in the source: an archive that is not the real release is refused, whatever the mirror\'s checksums file says', async () => {
    publish('0.69.3'); // a stand-in archive, with a checksums file that matches it
    await expect(install('0.69.3')).rejects.toThrow(/Refusing to install Trivy: trivy_0\.69\.3_Linux-64bit\.tar\.gz from .* has sha256 [0-9a-f]{64}, but shipkit pins trivy_0\.69\.3_Linux-64bit\.tar\.gz to 1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75\./);
    // The same-origin checksums file is not even consulted for a pinned version.
    expect(mirror.requests.map((r) => path.basename(r))).toEqual(['trivy_0.69.3_Linux-64bit.tar.gz']);
    expect(readdirSync(toolCache)).toEqual([]);
    expect(PINNED_TRIVY_SHA256['0.69.3']).toEqual({
      'trivy_0.69.3_Linux-64bit.tar.gz': expect.stringMatching(/^[0-9a-f]{64}$/),
      'trivy_0.69.3_Linux-ARM64.tar.gz': expect.stringMatching(/^[0-9a-f]{64}$/),
      'trivy_0.69.3_macOS-64bit.tar.gz': expect.stringMatching(/^[0-9a-f]{64}$/),
      'trivy_0.69.3_macOS-ARM64.tar.gz': expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  test('a wrong checksum is refused before anything is extracted', async () => {
    publish('0.69.4', { wrongChecksum: true });
    await expect(install('0.69.4')).rejects.toThrow(/Refusing to install Trivy: trivy_0\.69\.4_Linux-64bit\.tar\.gz from .* has sha256 [0-9a-f]{64}, but the release's checksums file says [0-9a-f]{64}\./);
    // Nothing extracted, nothing cached, the download removed.
    expect(readdirSync(runnerTemp)).toEqual([]);
    expect(readdirSync(toolCache)).toEqual([]);
  });

  test('a pinned trivy-sha256 must match too', async () => {
    publish('0.70.0');
    await expect(install('0.70.0', { sha256: 'a'.repeat(64) })).rejects.toThrow(/but the "trivy-sha256" input says a{64}/);
    expect(readdirSync(toolCache)).toEqual([]);
    const { digest } = publish('0.70.1');
    await expect(install('0.70.1', { sha256: digest })).resolves.toMatchObject({ source: 'download' });
  });

  test('a checksums file without the asset is refused', async () => {
    publish('0.71.0', { omitEntry: true });
    await expect(install('0.71.0')).rejects.toThrow(/has no entry for trivy_0\.71\.0_Linux-64bit\.tar\.gz; refusing to install an unverified binary/);
    expect(mirror.requests.map((r) => path.basename(r))).toEqual(['trivy_0.71.0_checksums.txt']);
  });

  test('a missing release names the URL', async () => {
    await expect(install('9.9.9')).rejects.toThrow(/Could not download the Trivy checksums file from http:\/\/127\.0\.0\.1:\d+\/aquasecurity\/trivy\/releases\/download\/v9\.9\.9\/trivy_9\.9\.9_checksums\.txt/);
  });
});

describe('trivy on PATH wins', () => {
  test('findOnPath finds the stand-in; installTrivy uses it without downloading', async () => {
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'empty-'));
    mkdirSync(path.join(emptyDir, 'trivy')); // a directory named trivy is not an executable
    const searchPath = [emptyDir, standInDir].join(path.delimiter);
    expect(findOnPath('trivy', searchPath)).toBe(path.join(standInDir, 'trivy'));
    expect(findOnPath('trivy', emptyDir)).toBeUndefined();
    const saved = process.env.PATH;
    process.env.PATH = `${standInDir}${path.delimiter}${saved}`;
    try {
      await expect(installTrivy({ version: '0.69.3', downloadUrl: base })).resolves.toEqual({ path: path.join(standInDir, 'trivy'), source: 'path', version: '0.69.3' });
    } finally {
      process.env.PATH = saved;
    }
    expect(mirror.requests).toEqual([]);
  });

  test('a trivy on PATH of another version is not used: the requested version is installed', async () => {
    publish('0.68.3');
    const saved = process.env.PATH;
    process.env.PATH = `${standInDir}${path.delimiter}${saved}`; // the stand-in says 0.69.3
    try {
      const installed = await installTrivy({ version: '0.68.3', downloadUrl: base, platform: 'linux', arch: 'x64' });
      expect(installed).toMatchObject({ source: 'download', version: '0.68.3' });
    } finally {
      process.env.PATH = saved;
    }
  });
});

describe('inputs', () => {
  test.each([
    ['linux', 'x64', 'trivy_0.69.3_Linux-64bit.tar.gz'],
    ['linux', 'arm64', 'trivy_0.69.3_Linux-ARM64.tar.gz'],
    ['linux', 'arm', 'trivy_0.69.3_Linux-ARM.tar.gz'],
    ['darwin', 'arm64', 'trivy_0.69.3_macOS-ARM64.tar.gz'],
    ['darwin', 'x64', 'trivy_0.69.3_macOS-64bit.tar.gz'],
  ] as const)('assetName %s/%s', (platform, arch, expected) => expect(assetName('0.69.3', platform, arch)).toBe(expected));

  test('no build for windows or unknown arches', () => {
    expect(() => assetName('0.69.3', 'win32', 'x64')).toThrow(/no Trivy release build for win32\/x64/);
    expect(() => assetName('0.69.3', 'linux', 'mips')).toThrow(/linux\/mips/);
  });

  test.each([
    ['0.69.3', '0.69.3'],
    ['v0.69.3', '0.69.3'],
    [' 0.70.0-rc.1 ', '0.70.0-rc.1'],
  ])('normalizeVersion(%p)', (input, expected) => expect(normalizeVersion(input)).toBe(expected));

  test.each(['latest', '0.69', 'v0.69.3; rm -rf /', ''])('normalizeVersion(%p) is refused', (input) => {
    expect(() => normalizeVersion(input)).toThrow(/Input "version" has an invalid value .*: expected a Trivy release version such as 0\.69\.3/);
  });

  test('download-url: trailing slashes dropped, only http(s)', () => {
    expect(normalizeDownloadUrl('https://mirror.example.com/trivy/releases/download/')).toBe('https://mirror.example.com/trivy/releases/download');
    expect(() => normalizeDownloadUrl('ftp://x')).toThrow(/Input "download-url"/);
    expect(() => normalizeDownloadUrl('not a url')).toThrow(/Input "download-url"/);
  });

  test('parseChecksums reads sha256sum lines', () => {
    const sums = parseChecksums(`${'A'.repeat(64)}  trivy_1_Linux-64bit.tar.gz\n${'b'.repeat(64)} *trivy_1_macOS-ARM64.tar.gz\ngarbage\n`);
    expect([...sums]).toEqual([
      ['trivy_1_Linux-64bit.tar.gz', 'a'.repeat(64)],
      ['trivy_1_macOS-ARM64.tar.gz', 'b'.repeat(64)],
    ]);
  });
});
