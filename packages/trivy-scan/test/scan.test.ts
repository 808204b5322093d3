import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { readReport } from '../src/report.js';
import { isRateLimited, scanArguments, scanTargets, validateImageRef, type ScanSettings } from '../src/scan.js';
import { fixturePath, standInDir } from './helpers.js';

const TRIVY = path.join(standInDir, 'trivy');
let dir: string;
let log: string;
const saved = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'trivy-scan-'));
  log = path.join(dir, 'calls.jsonl');
  process.env.STAND_IN_TRIVY_LOG = log;
  process.env.STAND_IN_TRIVY_REPORTS = JSON.stringify({
    'registry.local/shop/web:1': fixturePath('alpine-310.json'),
    'registry.local/shop/api:1': fixturePath('debian-buster.json'),
    '*': fixturePath('alpine-39-skip.json'),
  });
});

afterEach(() => {
  for (const key of ['STAND_IN_TRIVY_LOG', 'STAND_IN_TRIVY_REPORTS', 'STAND_IN_TRIVY_RATE_LIMITED', 'STAND_IN_TRIVY_FAIL']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

function settings(overrides: Partial<ScanSettings> = {}): ScanSettings {
  return {
    trivy: TRIVY,
    scanType: 'image',
    cacheDir: path.join(dir, 'cache'),
    dbRepositories: ['mirror.gcr.io/aquasec/trivy-db:2', 'public.ecr.aws/aquasecurity/trivy-db:2'],
    javaDbRepositories: ['mirror.gcr.io/aquasec/trivy-java-db:1'],
    insecure: false,
    outputDir: path.join(dir, 'out'),
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  };
}

function calls(): string[][] {
  return readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string[]);
}

describe('scanTargets with the stand-in trivy', () => {
  test('one DB download, then one scan per image, each writing its own JSON report', async () => {
    const outputs = await scanTargets(settings(), [
      { name: 'registry.local/shop/web:1', ref: 'registry.local/shop/web:1' },
      { name: 'registry.local/shop/api:1', ref: 'registry.local/shop/api:1' },
    ]);
    const [download, web, api] = calls();
    expect(download).toEqual(['image', '--download-db-only', '--cache-dir', path.join(dir, 'cache'), '--no-progress', '--db-repository', 'mirror.gcr.io/aquasec/trivy-db:2,public.ecr.aws/aquasecurity/trivy-db:2', '--java-db-repository', 'mirror.gcr.io/aquasec/trivy-java-db:1']);
    expect(web[0]).toBe('image');
    expect(web.at(-1)).toBe('registry.local/shop/web:1');
    // Every severity is requested: the gate filters, Trivy does not.
    expect(web[web.indexOf('--severity') + 1]).toBe('UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL');
    expect(web[web.indexOf('--format') + 1]).toBe('json');
    expect(web).toContain('--skip-db-update');
    expect(web).not.toContain('--insecure');
    // Trivy's own .trivyignore handling is neutralised so the report keeps every finding.
    const ignoreFile = web[web.indexOf('--ignorefile') + 1];
    expect(readFileSync(ignoreFile, 'utf8')).toBe('');
    expect(api.at(-1)).toBe('registry.local/shop/api:1');
    expect(outputs.map((o) => [o.name, path.basename(o.reportFile)])).toEqual([
      ['registry.local/shop/web:1', '01-registry.local-shop-web-1.trivy.json'],
      ['registry.local/shop/api:1', '02-registry.local-shop-api-1.trivy.json'],
    ]);
    expect((await readReport(outputs[0].reportFile)).findings).toHaveLength(4);
    expect((await readReport(outputs[1].reportFile)).findings).toHaveLength(2);
    expect(existsSync(path.join(dir, 'cache', 'db', 'metadata.json'))).toBe(true);
  });

  test('TOOMANYREQUESTS on the DB download is retried with backoff', async () => {
    process.env.STAND_IN_TRIVY_RATE_LIMITED = '2';
    await scanTargets(settings(), [{ name: 'registry.local/shop/web:1', ref: 'registry.local/shop/web:1' }]);
    expect(calls().map((args) => (args.includes('--download-db-only') ? 'db' : 'scan'))).toEqual(['db', 'db', 'db', 'scan']);
  });

  test('rate limiting that outlasts the attempts fails with Trivy\'s own words', async () => {
    process.env.STAND_IN_TRIVY_RATE_LIMITED = '5';
    await expect(scanTargets(settings(), [{ name: 'a:1', ref: 'a:1' }])).rejects.toThrow(/trivy DB download failed with exit code 1:[\s\S]*TOOMANYREQUESTS/);
    expect(calls()).toHaveLength(3);
  });

  test('a failing scan is not retried unless rate limited, and names the image', async () => {
    process.env.STAND_IN_TRIVY_FAIL = 'registry.local/missing:1';
    await expect(scanTargets(settings(), [{ name: 'registry.local/missing:1', ref: 'registry.local/missing:1' }])).rejects.toThrow(/trivy image registry\.local\/missing:1 failed with exit code 1:[\s\S]*unable to find the specified image/);
    expect(calls()).toHaveLength(2);
  });

  test('config scans skip the DB entirely', async () => {
    const outputs = await scanTargets(settings({ scanType: 'config' }), [{ name: '.', ref: dir }]);
    const [only, ...rest] = calls();
    expect(rest).toEqual([]);
    expect(only[0]).toBe('config');
    expect(only.some((arg) => arg.includes('db'))).toBe(false);
    expect(only.at(-1)).toBe(dir);
    expect(outputs).toHaveLength(1);
  });
});

describe('scanArguments', () => {
  test('--insecure for plain-HTTP registries, fs with DB flags, paths that look like flags are made safe', () => {
    expect(scanArguments(settings({ insecure: true }), '127.0.0.1:5000/app:1', 'o.json', 'i')).toContain('--insecure');
    const fs = scanArguments(settings({ scanType: 'fs' }), '-rf', 'o.json', 'i');
    expect(fs[0]).toBe('fs');
    expect(fs.at(-1)).toBe('./-rf');
    expect(fs).toContain('--skip-db-update');
    expect(fs).not.toContain('--timeout');
    const slow = scanArguments(settings({ timeoutMs: 600_000 }), 'a:1', 'o.json', 'i');
    expect(slow[slow.indexOf('--timeout') + 1]).toBe('600s');
  });

  test.each(['-rf', '--help', 'two words', ''])('image ref %p is refused', (ref) => {
    expect(() => validateImageRef(ref)).toThrow(/Input "image-refs" has an invalid image reference/);
  });

  test.each([
    ['GET https://ghcr.io/v2/aquasecurity/trivy-db/manifests/2: TOOMANYREQUESTS: retry-after', true],
    ['unexpected status code 429 Too Many Requests', true],
    ['unexpected status code 429', true],
    ['unable to find the specified image', false],
    ['failed to scan CVE-2019-429 in layer', false],
  ])('isRateLimited(%p) = %p', (message, expected) => expect(isRateLimited(new Error(message))).toBe(expected));
});
