import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getBoolean, getDuration, getEnum, getList, getString, invalidInput, parseList, resolveInside, ShipkitError } from '@shipkit/core';
import { DEFAULT_DB_REPOSITORIES, DEFAULT_JAVA_DB_REPOSITORIES, defaultCacheDir } from './cache.js';
import { loadIgnoreFile, parseFailOn, resolveIgnoreFiles, type FailOn, type IgnoreRule } from './gate.js';
import { normalizeDownloadUrl, normalizeSha256, normalizeVersion } from './install.js';
import { validateImageRef, type ScanTarget, type ScanType } from './scan.js';

/** Everything the step needs, read and validated before anything is installed or scanned. */
export interface TrivyScanContext {
  scanType: ScanType;
  /** Image refs, or the one scan-ref for fs/config. */
  targets: ScanTarget[];
  /** For fs/config: where the scanned path sits in the repository (prefix for SARIF and annotations). */
  repositoryPrefix?: string;
  failOn: FailOn;
  ignoreUnfixed: boolean;
  ignoreFiles: string[];
  ignores: IgnoreRule[];
  version: string;
  downloadUrl: string;
  sha256?: string;
  cache: boolean;
  insecure: boolean;
  dbRepositories: string[];
  javaDbRepositories: string[];
  cacheDir: string;
  outputDir: string;
  timeoutMs?: number;
  workspace: string;
}

const REPOSITORY = /^[a-z0-9][a-z0-9.-]*(?::\d+)?(?:\/[a-z0-9._-]+)+(?::[A-Za-z0-9._-]+)?$/;

function repositories(name: string, fallback: string[]): string[] {
  const given = getList(name);
  for (const repo of given) {
    if (!REPOSITORY.test(repo)) throw invalidInput(name, repo, 'OCI repositories such as mirror.gcr.io/aquasec/trivy-db:2, one per line or comma-separated, in order of preference');
  }
  return given.length ? given : fallback;
}

export async function readContext(env: NodeJS.ProcessEnv = process.env): Promise<TrivyScanContext> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const scanType = getEnum<ScanType>('scan-type', ['image', 'fs', 'config'], 'image');
  const imageRefs = parseList(getString('image-refs'));
  let targets: ScanTarget[];
  let repositoryPrefix: string | undefined;
  if (scanType === 'image') {
    if (!imageRefs.length) {
      throw new ShipkitError('Input "image-refs" is required when scan-type is image but was not given.', {
        hint: "Pass build-images' refs output (one image reference per line), or set scan-type to fs or config with scan-ref.",
      });
    }
    targets = [...new Set(imageRefs.map(validateImageRef))].map((ref) => ({ name: ref, ref }));
  } else {
    if (imageRefs.length) throw invalidInput('image-refs', getString('image-refs'), `nothing when scan-type is ${scanType} (scan-ref names what is scanned)`);
    const scanRef = getString('scan-ref') || '.';
    const absolute = path.resolve(workspace, scanRef);
    if (!existsSync(absolute)) throw invalidInput('scan-ref', scanRef, `a file or directory in the workspace (${absolute} does not exist)`);
    targets = [{ name: scanRef, ref: absolute }];
    const relative = path.relative(workspace, statSync(absolute).isDirectory() ? absolute : path.dirname(absolute));
    repositoryPrefix = relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
  }
  const ignoreFiles = resolveIgnoreFiles(getList('trivyignores'), workspace, existsSync);
  const ignores = (await Promise.all(ignoreFiles.map(loadIgnoreFile))).flat();
  const sha256 = getString('trivy-sha256');
  const runnerTemp = env.RUNNER_TEMP || os.tmpdir();
  const outputDir = getString('output-dir');
  return {
    scanType,
    targets,
    repositoryPrefix,
    failOn: parseFailOn(getString('fail-on') || 'CRITICAL'),
    ignoreUnfixed: getBoolean('ignore-unfixed', false),
    ignoreFiles,
    ignores,
    version: normalizeVersion(getString('version') || '0.69.3'),
    downloadUrl: normalizeDownloadUrl(getString('download-url') || 'https://github.com/aquasecurity/trivy/releases/download'),
    sha256: sha256 ? normalizeSha256(sha256) : undefined,
    cache: getBoolean('cache', true),
    insecure: getBoolean('insecure', false),
    dbRepositories: repositories('db-repository', DEFAULT_DB_REPOSITORIES),
    javaDbRepositories: repositories('java-db-repository', DEFAULT_JAVA_DB_REPOSITORIES),
    cacheDir: env.TRIVY_CACHE_DIR || defaultCacheDir(),
    outputDir: outputDir ? resolveInside('output-dir', outputDir, { workspace, env, kind: 'directory' }) : path.join(runnerTemp, 'shipkit-trivy-scan'),
    timeoutMs: getDuration('timeout'),
    workspace,
  };
}
