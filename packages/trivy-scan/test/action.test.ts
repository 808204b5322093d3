import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, type RunOptions } from '../../../test/harness/index.js';
import { assetName } from '../src/install.js';
import { fixturePath, makeReleaseTarball, sha256, standInDir, startFileServer, type Fixture } from './helpers.js';
import { startStandInCacheServer, type StandInCacheServer } from './stand-in-cache-server.js';

/**
 * The committed bundle dist/trivy-scan/index.js, run like the runner runs it (main, then post),
 * with the stand-in trivy on PATH writing the real Trivy reports.
 */

interface Scenario {
  reports: Record<string, Fixture | string>;
  inputs: RunOptions['inputs'];
  env?: Record<string, string | undefined>;
  workspaceFiles?: Record<string, string>;
  /** Put the stand-in on PATH (default true). */
  onPath?: boolean;
  /** Trivy's cache directory (default: fresh per run). On a runner it is always the same path. */
  cacheDir?: string;
}

async function scan(scenario: Scenario) {
  const root = mkdtempSync(path.join(tmpdir(), 'trivy-action-'));
  const workspace = path.join(root, 'workspace');
  mkdirSync(workspace, { recursive: true });
  for (const [file, text] of Object.entries(scenario.workspaceFiles ?? {})) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), text);
  }
  const log = path.join(root, 'trivy-calls.jsonl');
  const reports = Object.fromEntries(Object.entries(scenario.reports).map(([target, file]) => [target, file.includes('/') ? file : fixturePath(file as Fixture)]));
  const run = await runAction('trivy-scan', {
    workspace,
    inputs: scenario.inputs,
    env: {
      PATH: scenario.onPath === false ? process.env.PATH : `${standInDir}${path.delimiter}${process.env.PATH}`,
      TRIVY_CACHE_DIR: scenario.cacheDir ?? path.join(root, 'trivy-cache'),
      STAND_IN_TRIVY_LOG: log,
      STAND_IN_TRIVY_REPORTS: JSON.stringify(reports),
      ...scenario.env,
    },
  });
  // `trivy --version` (the action checking the binary on PATH is the requested version) is not a scan.
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as string[]).filter((args) => args[0] !== '--version') : [];
  return { run, calls, root, workspace };
}

const WEB = 'registry.local/shop/web:1.2.3';
const API = 'registry.local/shop/api:1.2.3';

describe('trivy-scan action (dist bundle, stand-in trivy)', () => {
  test('two images, a CRITICAL in one: fails with outputs, SARIF, summary and annotations', async () => {
    const { run, calls } = await scan({ reports: { [WEB]: 'alpine-310.json', [API]: 'debian-buster.json' }, inputs: { 'image-refs': `${WEB}\n${API}\n` } });
    expect(run.exitCode).toBe(1);
    expect(calls.map((args) => (args.includes('--download-db-only') ? 'db' : args.at(-1)))).toEqual(['db', WEB, API]);

    expect(run.outputs.passed).toBe('false');
    expect(JSON.parse(run.outputs.counts)).toEqual({
      [WEB]: { CRITICAL: 0, HIGH: 0, MEDIUM: 4, LOW: 0, UNKNOWN: 0 },
      [API]: { CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 1, UNKNOWN: 0 },
    });
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)).toEqual(['trivy-scan/registry.local-shop-web/', 'trivy-scan/registry.local-shop-api/']);
    expect(sarif.runs.map((r: { results: unknown[] }) => r.results.length)).toEqual([4, 2]);
    const merged = JSON.parse(readFileSync(run.outputs['report-file'], 'utf8'));
    expect(merged.passed).toBe(false);
    expect(merged.targets.map((t: { name: string; report: { Results: Array<{ Vulnerabilities: unknown[] }> } }) => [t.name, t.report.Results[0].Vulnerabilities.length])).toEqual([[WEB, 4], [API, 2]]);

    expect(run.summary).toContain('❌ **Failed**: 1 finding at or above CRITICAL');
    expect(run.summary).toContain(`| ${API} | 1 | 0 | 0 | 1 | 0 | 1 |`);
    expect(run.summary).toContain('[CVE-2019-18224](https://avd.aquasec.com/nvd/cve-2019-18224) | libidn2-0 | 2.0.5-1 | 2.0.5-1+deb10u1');
    expect(run.errors[0]).toMatch(/^CVE-2019-18224 \(CRITICAL\) in libidn2-0 2\.0\.5-1 \(fixed in 2\.0\.5-1\+deb10u1\)/);
    expect(run.errors.at(-1)).toContain(`Trivy found 1 finding(s) at or above CRITICAL: ${API} (1).`);
    // No cache service here: skipped with an info line, never a failure; the post step has nothing to do.
    expect(run.log).toContain('Trivy cache: skipped, the Actions cache service is not available here');
    expect(run.warnings.filter((w) => w.includes('cache'))).toEqual([]);
    expect(run.post?.exitCode).toBe(0);
    expect(run.post?.log).toContain('Trivy cache: nothing to save');
  });

  test('fail-on HIGH with ignore files in the workspace: ignored and unfixed findings do not gate', async () => {
    const { run } = await scan({
      reports: { [WEB]: 'busybox-with-lockfile.json', [API]: 'debian-buster.json' },
      inputs: { 'image-refs': `${WEB}\n${API}`, 'fail-on': 'high', 'ignore-unfixed': 'true' },
      workspaceFiles: {
        '.trivyignore': '# accepted until the base image moves\nCVE-2019-18224 exp:2099-01-01\n',
        '.trivyignore.yaml': 'vulnerabilities:\n  - id: CVE-2019-15542\n    paths: ["Cargo.lock"]\n    statement: ammonia is not used for untrusted HTML\n',
      },
    });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.passed).toBe('true');
    expect(run.summary).toContain('✅ **Passed** (fail-on HIGH, unfixed vulnerabilities ignored).');
    expect(run.summary).toContain('ignored by');
    expect(run.summary).toContain('ammonia is not used for untrusted HTML');
    // The reports keep every finding.
    expect(JSON.parse(run.outputs.counts)[WEB]).toEqual({ CRITICAL: 0, HIGH: 1, MEDIUM: 1, LOW: 0, UNKNOWN: 0 });
  });

  test('config scan of a repository path: misconfiguration annotated on its file', async () => {
    const { run, calls, workspace } = await scan({
      reports: { '*': 'dockerfile.json' },
      inputs: { 'scan-type': 'config', 'scan-ref': 'app', 'fail-on': 'HIGH' },
      workspaceFiles: { 'app/Dockerfile': 'FROM busybox\n' },
    });
    expect(run.exitCode).toBe(1);
    expect(calls).toHaveLength(1);
    expect(calls[0][0]).toBe('config');
    expect(calls[0].at(-1)).toBe(path.join(workspace, 'app'));
    expect(run.stdout).toMatch(/::error title=HIGH DS-0002 in app,file=app\/Dockerfile::DS-0002 \(HIGH\) in Dockerfile/);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('app/Dockerfile');
    expect(JSON.parse(run.outputs.counts)).toEqual({ app: { CRITICAL: 0, HIGH: 1, MEDIUM: 0, LOW: 0, UNKNOWN: 0 } });
  });

  test('fs scan with secrets: the secret text appears nowhere', async () => {
    const { run } = await scan({ reports: { '*': 'secrets.json' }, inputs: { 'scan-type': 'fs', 'fail-on': 'none' } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.passed).toBe('true');
    const everything = [run.log, run.summary, readFileSync(run.outputs['report-file'], 'utf8'), readFileSync(run.outputs['sarif-file'], 'utf8'), JSON.stringify(run.outputs)].join('\n');
    expect(everything).toContain('aws-access-key-id');
    expect(everything).not.toContain('ghp_0123456789');
    expect(everything).not.toContain('export AWS_ACCESS_KEY_ID');
    // Trivy's own report (with the code excerpts) does not stay beside the published files.
    expect(readdirSync(path.dirname(run.outputs['report-file'])).filter((file) => !file.startsWith('.'))).toEqual(['trivy-report.json', 'trivy-results.sarif']);
  });

  test.each([
    ['a truncated report', 'truncated', /Trivy report .*01-registry\.local-shop-web-1\.2\.3\.trivy\.json is not valid JSON/],
    ['SchemaVersion 1', 'schema-1', /is malformed: SchemaVersion should be 2 but is 1/],
    ['Results not a list', 'results-object', /is malformed: Results should be a list/],
  ])('%s fails the step with a clear error and no pass', async (_name, kind, message) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bad-report-'));
    const alpine = readFileSync(fixturePath('alpine-310.json'), 'utf8');
    const text = kind === 'truncated' ? alpine.slice(0, 5000) : kind === 'schema-1' ? JSON.stringify({ SchemaVersion: 1, Results: [] }) : JSON.stringify({ SchemaVersion: 2, Results: { Target: 'x' } });
    writeFileSync(path.join(dir, 'bad.json'), text);
    const { run } = await scan({ reports: { [WEB]: path.join(dir, 'bad.json') }, inputs: { 'image-refs': WEB, 'fail-on': 'none' } });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(message);
    expect(run.errors.join('\n')).not.toContain('Unexpected error');
    expect(run.outputs.passed).toBeUndefined();
  });

  test.each([
    [{ 'image-refs': WEB, 'fail-on': 'SEVERE' }, 'Input "fail-on" has an invalid value "SEVERE"'],
    [{ 'image-refs': '' }, 'Input "image-refs" is required when scan-type is image'],
    [{ 'image-refs': '--help' }, 'Input "image-refs" has an invalid image reference "--help"'],
    [{ 'image-refs': WEB, version: 'latest' }, 'Input "version" has an invalid value "latest"'],
    [{ 'image-refs': WEB, trivyignores: 'missing/.trivyignore' }, 'missing/.trivyignore could not be read'],
    [{ 'scan-type': 'fs', 'scan-ref': 'nope' }, 'Input "scan-ref" has an invalid value "nope"'],
    [{ 'image-refs': WEB, 'db-repository': 'https://not-a-repo' }, 'Input "db-repository" has an invalid value "https://not-a-repo"'],
    [{ 'image-refs': WEB, timeout: 'forever' }, 'Input "timeout" has an invalid value "forever"'],
  ])('bad input %p is refused before trivy runs', async (inputs, message) => {
    const { run, calls } = await scan({ reports: { '*': 'alpine-310.json' }, inputs });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toContain(message);
    expect(calls).toEqual([]);
  });
});

describe('installing Trivy when it is not on PATH', () => {
  let mirror: Awaited<ReturnType<typeof startFileServer>>;
  beforeAll(async () => {
    mirror = await startFileServer();
  });
  afterAll(() => mirror.stop());

  function publish(version: string, corrupt: boolean): void {
    // The release's trivy hands over to the stand-in, so the scan that follows is real-shaped.
    const tarball = makeReleaseTarball(`#!/bin/sh\nexec node ${path.join(standInDir, 'trivy')} "$@"\n`);
    const asset = assetName(version, process.platform, process.arch);
    mirror.files.set(`/releases/download/v${version}/${asset}`, tarball);
    mirror.files.set(`/releases/download/v${version}/trivy_${version}_checksums.txt`, Buffer.from(`${corrupt ? sha256(Buffer.from('tampered')) : sha256(tarball)}  ${asset}\n`));
  }

  test('downloads from download-url, verifies the checksum, then scans', async () => {
    publish('0.68.1', false); // not pinned in shipkit: verified against its checksums file and warned about
    const { run, calls } = await scan({ onPath: false, reports: { [WEB]: 'alpine-310.json' }, inputs: { 'image-refs': WEB, version: '0.68.1', 'download-url': `${mirror.base}/releases/download/` } });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.log).toMatch(/Verified sha256 [0-9a-f]{64} of trivy_0\.68\.1_\w+-\w+\.tar\.gz/);
    expect(run.warnings.join('\n')).toMatch(/Trivy 0\.68\.1 is not pinned in shipkit/);
    expect(calls.map((args) => args.at(-1))).toContain(WEB);
  });

  test('the default version is pinned: a mirror serving other bytes for it is refused, whatever its checksums file says', async () => {
    publish('0.69.3', false);
    const { run, calls } = await scan({ onPath: false, reports: { [WEB]: 'alpine-310.json' }, inputs: { 'image-refs': WEB, 'download-url': `${mirror.base}/releases/download/` } });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/Refusing to install Trivy: trivy_0\.69\.3_\w+-\w+\.tar\.gz .* but shipkit pins/);
    expect(calls).toEqual([]);
  });

  test('a checksum mismatch is refused and nothing runs', async () => {
    publish('0.69.2', true);
    const { run, calls } = await scan({ onPath: false, reports: { [WEB]: 'alpine-310.json' }, inputs: { 'image-refs': WEB, version: 'v0.69.2', 'download-url': `${mirror.base}/releases/download` } });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/Refusing to install Trivy: trivy_0\.69\.2_\w+-\w+\.tar\.gz .* has sha256 [0-9a-f]{64}, but the release's checksums file says/);
    expect(calls).toEqual([]);
  });
});

describe('the Trivy cache with a stand-in Actions cache service', () => {
  let cache: StandInCacheServer;
  beforeAll(async () => {
    cache = await startStandInCacheServer();
  });
  afterAll(() => cache.stop());

  test('saved by the post step even though the scan failed, and restored by the next run', async () => {
    // Same path in both runs (the cache version hashes the path), emptied in between like a new runner.
    const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), 'trivy-cache-')), 'trivy');
    const first = await scan({ reports: { [API]: 'debian-buster.json' }, inputs: { 'image-refs': API }, env: cache.env, cacheDir });
    expect(first.run.exitCode).toBe(1); // the CRITICAL fails the gate
    expect(first.run.post?.exitCode).toBe(0);
    expect(first.run.post?.log).toMatch(/Trivy cache: saved shipkit-trivy-cache-Linux-\d{4}-\d{2}-\d{2}\./);
    const saved = cache.entries.filter((entry) => entry.committed);
    expect(saved.map((entry) => entry.key)).toEqual([`shipkit-trivy-cache-Linux-${new Date().toISOString().slice(0, 10)}`]);
    expect(Buffer.concat(saved[0].chunks).length).toBeGreaterThan(0);

    rmSync(cacheDir, { recursive: true, force: true });
    const second = await scan({ reports: { [WEB]: 'alpine-310.json' }, inputs: { 'image-refs': WEB }, env: cache.env, cacheDir });
    expect(second.run.exitCode).toBe(0);
    expect(second.run.log).toContain(`Trivy cache: restored ${saved[0].key}.`);
    // The DB the first run downloaded is in the second run's (fresh) cache directory.
    expect(second.run.log).toContain('Cache restored successfully');
    expect(readFileSync(path.join(cacheDir, 'db', 'trivy.db'), 'utf8')).toBe('stand-in database');
    expect(second.run.post?.log).toContain('was restored; nothing new to save');
    expect(cache.entries.filter((entry) => entry.committed)).toHaveLength(1);
  });
});
