import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { assetName, findOnPath, installTrivy, normalizeDownloadUrl, normalizeVersion, parseChecksums } from '../src/install.js';
import { standInDir } from './helpers.js';

/** A release-shaped download server: /v<version>/trivy_<version>_Linux-64bit.tar.gz and the checksums file. */
interface ReleaseServer {
  base: string;
  requests: string[];
  files: Map<string, Buffer>;
  server: Server;
}

function makeTarball(version: string): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'trivy-release-'));
  // The stand-in inside the release tarball: a tiny executable that answers --version.
  writeFileSync(path.join(dir, 'trivy'), `#!/bin/sh\necho "Version: ${version} (stand-in from a release tarball)"\n`);
  chmodSync(path.join(dir, 'trivy'), 0o755);
  writeFileSync(path.join(dir, 'LICENSE'), 'Apache-2.0 (stand-in)\n');
  writeFileSync(path.join(dir, 'README.md'), 'stand-in release\n');
  const tarball = path.join(dir, 'release.tar.gz');
  execFileSync('tar', ['czf', tarball, '-C', dir, 'trivy', 'LICENSE', 'README.md']);
  return readFileSync(tarball);
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function publish(release: ReleaseServer, version: string, options: { wrongChecksum?: boolean; omitEntry?: boolean } = {}): { tarball: Buffer; digest: string } {
  const tarball = makeTarball(version);
  const asset = `trivy_${version}_Linux-64bit.tar.gz`;
  const digest = options.wrongChecksum ? sha256(Buffer.from('something else')) : sha256(tarball);
  const lines = [`${sha256(Buffer.from('mac'))}  trivy_${version}_macOS-ARM64.tar.gz`, ...(options.omitEntry ? [] : [`${digest}  ${asset}`]), `${sha256(Buffer.from('deb'))}  trivy_${version}_Linux-64bit.deb`];
  release.files.set(`/v${version}/${asset}`, tarball);
  release.files.set(`/v${version}/trivy_${version}_checksums.txt`, Buffer.from(`${lines.join('\n')}\n`));
  return { tarball, digest: sha256(tarball) };
}

let release: ReleaseServer;

beforeAll(async () => {
  const files = new Map<string, Buffer>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname);
    const body = files.get(url.pathname);
    if (!body) {
      res.writeHead(404).end('Not Found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  release = { base: `http://127.0.0.1:${port}/aquasecurity/trivy/releases/download`, requests, files, server };
  // The routes live under the base path, as on GitHub or a mirror.
  const prefix = '/aquasecurity/trivy/releases/download';
  const original = files.set.bind(files);
  files.set = (key: string, value: Buffer) => original(`${prefix}${key}`, value);
});

afterAll(async () => {
  await new Promise((resolve) => release.server.close(resolve));
});

let runnerTemp: string;
let toolCache: string;
beforeEach(() => {
  runnerTemp = mkdtempSync(path.join(tmpdir(), 'runner-temp-'));
  toolCache = mkdtempSync(path.join(tmpdir(), 'tool-cache-'));
  process.env.RUNNER_TEMP = runnerTemp;
  process.env.RUNNER_TOOL_CACHE = toolCache;
  release.requests.length = 0;
});

const install = (version: string, extra: { sha256?: string } = {}) =>
  installTrivy({ version, downloadUrl: release.base, platform: 'linux', arch: 'x64', ignorePath: true, ...extra });

describe('installTrivy from a release-shaped server', () => {
  test('downloads, verifies, extracts and caches; the second call uses the tool cache', async () => {
    publish(release, '0.69.3');
    const first = await install('0.69.3');
    expect(first.source).toBe('download');
    expect(first.path).toBe(path.join(toolCache, 'trivy', '0.69.3', 'x64', 'trivy'));
    expect(execFileSync(first.path, ['--version'], { encoding: 'utf8' })).toContain('Version: 0.69.3 (stand-in from a release tarball)');
    expect(release.requests.map((r) => path.basename(r))).toEqual(['trivy_0.69.3_checksums.txt', 'trivy_0.69.3_Linux-64bit.tar.gz']);

    release.requests.length = 0;
    const second = await install('0.69.3');
    expect(second).toEqual({ path: first.path, source: 'tool-cache', version: '0.69.3' });
    expect(release.requests).toEqual([]);
  });

  test('a wrong checksum is refused before anything is extracted', async () => {
    publish(release, '0.69.4', { wrongChecksum: true });
    await expect(install('0.69.4')).rejects.toThrow(/Refusing to install Trivy: trivy_0\.69\.4_Linux-64bit\.tar\.gz from .* has sha256 [0-9a-f]{64}, but the release's checksums file says [0-9a-f]{64}\./);
    // Nothing extracted, nothing cached, the download removed.
    expect(readdirSync(runnerTemp)).toEqual([]);
    expect(readdirSync(toolCache)).toEqual([]);
  });

  test('a pinned trivy-sha256 must match too', async () => {
    publish(release, '0.70.0');
    await expect(install('0.70.0', { sha256: 'a'.repeat(64) })).rejects.toThrow(/but the "trivy-sha256" input says a{64}/);
    expect(readdirSync(toolCache)).toEqual([]);
    const { digest } = publish(release, '0.70.1');
    await expect(install('0.70.1', { sha256: digest })).resolves.toMatchObject({ source: 'download' });
  });

  test('a checksums file without the asset is refused', async () => {
    publish(release, '0.71.0', { omitEntry: true });
    await expect(install('0.71.0')).rejects.toThrow(/has no entry for trivy_0\.71\.0_Linux-64bit\.tar\.gz; refusing to install an unverified binary/);
    expect(release.requests.map((r) => path.basename(r))).toEqual(['trivy_0.71.0_checksums.txt']);
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
      await expect(installTrivy({ version: '0.69.3', downloadUrl: release.base })).resolves.toEqual({ path: path.join(standInDir, 'trivy'), source: 'path' });
    } finally {
      process.env.PATH = saved;
    }
    expect(release.requests).toEqual([]);
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
