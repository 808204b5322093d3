import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as tc from '@actions/tool-cache';
import { runner, exec, invalidInput, sha256File, ShipkitError } from '@shipkit/core';

/**
 * Trivy on the runner: `trivy` on PATH when present, else the pinned release from the tool
 * cache, else downloaded from `<download-url>/v<version>/` and verified against the release's
 * checksums file (and an expected sha256 when one is given) BEFORE anything is extracted.
 */

export interface InstallOptions {
  version: string;
  downloadUrl: string;
  /** When given, the tarball must have this sha256 too (pins the bytes, not only the release's own list). */
  sha256?: string;
  platform?: NodeJS.Platform;
  arch?: string;
  /** Skip looking on PATH (tests of the download path). */
  ignorePath?: boolean;
}

export interface InstalledTrivy {
  path: string;
  source: 'path' | 'tool-cache' | 'download';
  version?: string;
}

const VERSION = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

/**
 * Trivy releases known to be compromised (a supply-chain attack on the release pipeline shipped
 * malicious binaries as these versions); refused whatever the checksum says.
 */
export const COMPROMISED_TRIVY_VERSIONS = new Set(['0.69.4', '0.69.5', '0.69.6']);

export function normalizeVersion(value: string, input = 'version'): string {
  const match = VERSION.exec(value.trim());
  if (!match) throw invalidInput(input, value, 'a Trivy release version such as 0.69.3 (pinned; "latest" is not supported)');
  if (COMPROMISED_TRIVY_VERSIONS.has(match[1])) {
    throw invalidInput(input, value, `a Trivy release that is not known to be compromised (${[...COMPROMISED_TRIVY_VERSIONS].join(', ')} are), such as 0.69.3`);
  }
  return match[1];
}

export function normalizeDownloadUrl(value: string, input = 'download-url'): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalidInput(input, value, 'an http(s) URL, the base of the release downloads (…/releases/download)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidInput(input, value, 'an http(s) URL');
  return url.toString().replace(/\/+$/, '');
}

export function normalizeSha256(value: string, input = 'trivy-sha256'): string {
  const text = value.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(text)) throw invalidInput(input, value, 'a sha256 digest of 64 hex digits');
  return text;
}

/**
 * The sha256 of each platform's archive of the default version, pinned in the source: a checksum
 * fetched from the same origin as the archive proves nothing against a tampered release. Taken from
 * the release's trivy_<version>_checksums.txt, cross-checked with independent public pins.
 */
export const PINNED_TRIVY_SHA256: Record<string, Record<string, string>> = {
  '0.69.3': {
    'trivy_0.69.3_Linux-64bit.tar.gz': '1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75',
    'trivy_0.69.3_Linux-ARM64.tar.gz': '7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd',
    'trivy_0.69.3_macOS-64bit.tar.gz': 'fec4a9f7569b624dd9d044fca019e5da69e032700edbb1d7318972c448ec2f4e',
    'trivy_0.69.3_macOS-ARM64.tar.gz': 'a2f2179afd4f8bb265ca3c7aefb56a666bc4a9a411663bc0f22c3549fbc643a5',
  },
};

/** The version a trivy binary reports (`trivy --version`: "Version: 0.69.3"), or undefined. */
export async function trivyVersion(binary: string): Promise<string | undefined> {
  try {
    const result = await exec(binary, ['--version'], { silent: true, check: false, label: 'trivy --version' });
    return /Version:\s*v?(\d+\.\d+\.\d+)/.exec(`${result.stdout}\n${result.stderr}`)?.[1];
  } catch {
    return undefined;
  }
}

/** Trivy's release asset name for a platform, e.g. trivy_0.69.3_Linux-64bit.tar.gz. */
export function assetName(version: string, platform: NodeJS.Platform, arch: string): string {
  const os = platform === 'linux' ? 'Linux' : platform === 'darwin' ? 'macOS' : undefined;
  const archNames: Record<string, string> = { x64: '64bit', arm64: 'ARM64', arm: 'ARM', ppc64: 'PPC64LE', s390x: 's390x' };
  const cpu = archNames[arch];
  if (!os || !cpu || (os === 'macOS' && !['x64', 'arm64'].includes(arch))) {
    throw new ShipkitError(`There is no Trivy release build for ${platform}/${arch} that this action can install.`, {
      hint: 'Install Trivy yourself before this step (it is used from PATH), or run on Linux or macOS (x64 or arm64).',
    });
  }
  return `trivy_${version}_${os}-${cpu}.tar.gz`;
}

/** Parses `<sha256>  <file>` lines (sha256sum format) into a map. */
export function parseChecksums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line.trim());
    if (match) sums.set(match[2], match[1].toLowerCase());
  }
  return sums;
}

async function download(url: string, what: string): Promise<string> {
  try {
    return await tc.downloadTool(url);
  } catch (error) {
    throw new ShipkitError(`Could not download the Trivy ${what} from ${url}: ${(error as Error).message}`, {
      hint: 'Check the "version" and "download-url" inputs; a mirror must keep the GitHub release layout (v<version>/<asset>).',
    });
  }
}

/** The first executable file called `name` on PATH. */
export function findOnPath(name: string, searchPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export async function installTrivy(options: InstallOptions): Promise<InstalledTrivy> {
  if (!options.ignorePath) {
    const onPath = findOnPath('trivy');
    if (onPath) {
      const found = await trivyVersion(onPath);
      if (found === options.version) {
        runner.info(`Using trivy ${found} from PATH: ${onPath}`);
        return { path: onPath, source: 'path', version: found };
      }
      runner.warning(`The trivy on PATH (${onPath}) is ${found ? `version ${found}` : 'of an unknown version'}, not the requested ${options.version}: installing ${options.version} instead.`);
    }
  }
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const asset = assetName(options.version, platform, arch);
  const cached = tc.find('trivy', options.version, arch);
  if (cached && existsSync(path.join(cached, 'trivy'))) {
    runner.info(`Using trivy ${options.version} from the tool cache`);
    return { path: path.join(cached, 'trivy'), source: 'tool-cache', version: options.version };
  }
  const base = `${options.downloadUrl}/v${options.version}`;
  const pinned = PINNED_TRIVY_SHA256[options.version]?.[asset];
  runner.info(`Downloading ${base}/${asset}`);
  let expectedFromRelease: string | undefined;
  if (!pinned) {
    // Not pinned here: the release's own checksums file (same origin, so it proves integrity, not
    // authenticity; pass trivy-sha256 to pin the bytes of other versions).
    const checksumsName = `trivy_${options.version}_checksums.txt`;
    const checksumsFile = await download(`${base}/${checksumsName}`, 'checksums file');
    expectedFromRelease = parseChecksums(await readFile(checksumsFile, 'utf8')).get(asset);
    await rm(checksumsFile, { force: true });
    if (!expectedFromRelease) {
      throw new ShipkitError(`The Trivy checksums file ${base}/${checksumsName} has no entry for ${asset}; refusing to install an unverified binary.`);
    }
    if (!options.sha256) runner.warning(`Trivy ${options.version} is not pinned in shipkit: its archive is checked against the checksums file of the same release only. Set trivy-sha256 to pin it.`);
  }
  const tarball = await download(`${base}/${asset}`, 'release');
  const actual = await sha256File(tarball);
  const mismatch =
    pinned && actual !== pinned
      ? `shipkit pins ${asset} to ${pinned}`
      : expectedFromRelease && actual !== expectedFromRelease
        ? `the release's checksums file says ${expectedFromRelease}`
        : options.sha256 && actual !== options.sha256
          ? `the "trivy-sha256" input says ${options.sha256}`
          : undefined;
  if (mismatch) {
    await rm(tarball, { force: true });
    throw new ShipkitError(`Refusing to install Trivy: ${asset} from ${base} has sha256 ${actual}, but ${mismatch}.`, {
      hint: 'The download was corrupted or tampered with. Nothing was extracted. Check the mirror (download-url) and retry.',
    });
  }
  runner.info(`Verified sha256 ${actual} of ${asset}`);
  const extracted = await tc.extractTar(tarball, undefined, 'xz');
  await rm(tarball, { force: true });
  if (!existsSync(path.join(extracted, 'trivy'))) {
    throw new ShipkitError(`The Trivy release ${asset} has no "trivy" executable at its top level.`);
  }
  const dir = await tc.cacheDir(extracted, 'trivy', options.version, arch);
  return { path: path.join(dir, 'trivy'), source: 'download', version: options.version };
}
