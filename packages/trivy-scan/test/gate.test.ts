import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { gate, isUnfixed, loadIgnoreFile, parseFailOn, parseTrivyIgnore, parseTrivyIgnoreYaml, resolveIgnoreFiles, type FailOn } from '../src/gate.js';
import { fixture, type Fixture } from './helpers.js';

const NOW = new Date('2026-06-01T12:00:00Z');

function gatingIds(name: Fixture, failOn: FailOn, ignoreUnfixed = false, ignores = [] as ReturnType<typeof parseTrivyIgnore>): string[] {
  return gate(fixture(name).findings, { failOn, ignoreUnfixed, ignores, now: NOW }).gating.map((f) => `${f.id}${f.pkgName ? `/${f.pkgName}` : ''}`);
}

describe('fail-on threshold on real reports', () => {
  test.each([
    ['debian-buster.json', 'CRITICAL', ['CVE-2019-18224/libidn2-0']],
    ['debian-buster.json', 'HIGH', ['CVE-2019-18224/libidn2-0']],
    ['debian-buster.json', 'LOW', ['CVE-2019-18276/bash', 'CVE-2019-18224/libidn2-0']],
    ['debian-buster.json', 'none', []],
    ['alpine-310.json', 'CRITICAL', []],
    ['alpine-310.json', 'HIGH', []],
    ['alpine-310.json', 'MEDIUM', ['CVE-2019-1549/libcrypto1.1', 'CVE-2019-1551/libcrypto1.1', 'CVE-2019-1549/libssl1.1', 'CVE-2019-1551/libssl1.1']],
    ['alpine-39-skip.json', 'UNKNOWN', []],
    ['busybox-with-lockfile.json', 'HIGH', ['CVE-2019-15542/ammonia']],
    ['busybox-with-lockfile.json', 'MEDIUM', ['CVE-2019-15542/ammonia', 'CVE-2021-38193/ammonia']],
    ['dockerfile.json', 'HIGH', ['DS-0002']],
    ['dockerfile.json', 'CRITICAL', []],
    ['secrets.json', 'CRITICAL', ['aws-access-key-id']],
    ['secrets.json', 'HIGH', ['aws-access-key-id', 'mysecret']],
  ] as const)('%s fail-on %s', (name, failOn, expected) => {
    expect(gatingIds(name, failOn)).toEqual(expected);
  });

  test.each([
    ['critical', 'CRITICAL'],
    [' High ', 'HIGH'],
    ['NONE', 'none'],
    ['unknown', 'UNKNOWN'],
  ])('parseFailOn(%p)', (input, expected) => expect(parseFailOn(input)).toBe(expected));

  test('a bad fail-on names the input, the value and the choices', () => {
    expect(() => parseFailOn('SEVERE')).toThrow('Input "fail-on" has an invalid value "SEVERE": expected one of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL (the lowest severity that fails the step) or none.');
  });
});

describe('ignore-unfixed', () => {
  test('the unfixed bash vulnerability stops gating; the fixed one still gates', () => {
    expect(gatingIds('debian-buster.json', 'LOW', true)).toEqual(['CVE-2019-18224/libidn2-0']);
    const result = gate(fixture('debian-buster.json').findings, { failOn: 'LOW', ignoreUnfixed: true, ignores: [] });
    expect(result.findings).toHaveLength(2); // reported, only not gating
    expect(result.findings.find((f) => f.pkgName === 'bash')?.verdict).toEqual({ gating: false, reason: 'unfixed' });
  });

  test.each([
    [{ fixedVersion: '1.2', status: 'fixed' }, false],
    [{ fixedVersion: undefined, status: 'affected' }, true],
    [{ fixedVersion: undefined, status: undefined }, true],
    [{ fixedVersion: '1.2', status: 'will_not_fix' }, true],
  ])('isUnfixed(%p) = %p', (fields, expected) => {
    expect(isUnfixed({ kind: 'vulnerability', id: 'CVE-1', severity: 'HIGH', target: 't', ...fields })).toBe(expected);
  });

  test('misconfigurations and secrets are never "unfixed"', () => {
    expect(gatingIds('secrets.json', 'HIGH', true)).toEqual(['aws-access-key-id', 'mysecret']);
  });
});

describe('.trivyignore (plain)', () => {
  test('ids, comments, blank lines and exp: dates', () => {
    const rules = parseTrivyIgnore('# accepted\nCVE-2019-18224\n\n  DS-0002 exp:2030-01-31 # until the base image moves\nmysecret exp:2026-05-31\n', '.trivyignore');
    expect(rules.map((r) => [r.id, r.expiresAt?.toISOString(), r.source])).toEqual([
      ['CVE-2019-18224', undefined, '.trivyignore:2'],
      ['DS-0002', '2030-01-31T00:00:00.000Z', '.trivyignore:4'],
      ['mysecret', '2026-05-31T00:00:00.000Z', '.trivyignore:5'],
    ]);
  });

  test('ignored findings stop gating but stay in the findings', () => {
    const ignores = parseTrivyIgnore('CVE-2019-18224\n', '.trivyignore');
    const result = gate(fixture('debian-buster.json').findings, { failOn: 'CRITICAL', ignoreUnfixed: false, ignores, now: NOW });
    expect(result.gating).toEqual([]);
    expect(result.findings.find((f) => f.id === 'CVE-2019-18224')?.verdict).toMatchObject({ gating: false, reason: 'ignored', rule: { source: '.trivyignore:1' } });
  });

  test('plain ids apply to every kind', () => {
    const ignores = parseTrivyIgnore('DS-0002\naws-access-key-id\n', '.trivyignore');
    expect(gatingIds('dockerfile.json', 'HIGH', false, ignores)).toEqual([]);
    expect(gatingIds('secrets.json', 'HIGH', false, ignores)).toEqual(['mysecret']);
  });

  test('an expired entry no longer applies and is reported', () => {
    const ignores = parseTrivyIgnore('mysecret exp:2026-05-31\naws-access-key-id exp:2026-06-02\n', '.trivyignore');
    const result = gate(fixture('secrets.json').findings, { failOn: 'HIGH', ignoreUnfixed: false, ignores, now: NOW });
    expect(result.gating.map((f) => f.id)).toEqual(['mysecret']);
    expect(result.expired.map((r) => r.id)).toEqual(['mysecret']);
  });

  test('a bad date is an error naming the file and line', () => {
    expect(() => parseTrivyIgnore('CVE-1 exp:someday\n', '.trivyignore')).toThrow('Ignore file .trivyignore:1: invalid expiry date "someday"');
  });
});

describe('.trivyignore.yaml', () => {
  const yaml = `
vulnerabilities:
  - id: CVE-2019-1549
    paths: ["testdata/fixtures/images/alpine-310.tar.gz*"]
    statement: openssl fork RNG, not reachable
  - id: CVE-2019-1551
    purls: ["pkg:apk/alpine/libssl1.1"]
    expired_at: 2030-01-01
  - id: CVE-2019-15542
    paths: ["**/other.lock"]
misconfigurations:
  - id: AVD-DS-0002
secrets:
  - id: mysecret
    paths: ["deploy.sh"]
    expired_at: 2026-05-01
licenses:
  - id: GPL-3.0
`;
  const rules = parseTrivyIgnoreYaml(yaml, '.trivyignore.yaml');

  test('sections become rules for their kind only (licenses are accepted and not gated)', () => {
    expect(rules.map((r) => [r.id, r.kinds])).toEqual([
      ['CVE-2019-1549', ['vulnerability']],
      ['CVE-2019-1551', ['vulnerability']],
      ['CVE-2019-15542', ['vulnerability']],
      ['AVD-DS-0002', ['misconfiguration']],
      ['mysecret', ['secret']],
    ]);
    expect(rules[0].statement).toBe('openssl fork RNG, not reachable');
  });

  test('paths and purls narrow what an entry ignores', () => {
    // CVE-2019-1549 matched by path (both packages); CVE-2019-1551 only for libssl1.1 by purl.
    expect(gatingIds('alpine-310.json', 'MEDIUM', false, rules)).toEqual(['CVE-2019-1551/libcrypto1.1']);
    // The path does not match Cargo.lock, so the HIGH finding still gates.
    expect(gatingIds('busybox-with-lockfile.json', 'HIGH', false, rules)).toEqual(['CVE-2019-15542/ammonia']);
  });

  test('misconfigurations match by ID or AVDID', () => {
    const report = fixture('dockerfile.json');
    const withAvd = report.findings.map((f) => ({ ...f, altId: 'AVD-DS-0002' }));
    expect(gate(withAvd, { failOn: 'HIGH', ignoreUnfixed: false, ignores: rules, now: NOW }).gating).toEqual([]);
    expect(gate(report.findings, { failOn: 'HIGH', ignoreUnfixed: false, ignores: rules, now: NOW }).gating.map((f) => f.id)).toEqual(['DS-0002']);
  });

  test('expired_at in the past: the secret gates again', () => {
    expect(gatingIds('secrets.json', 'HIGH', false, rules)).toEqual(['aws-access-key-id', 'mysecret']);
  });

  test.each([
    ['not yaml', 'vulnerabilities: [', /is not valid YAML/],
    ['unknown section', 'vulns:\n  - id: CVE-1\n', /unknown section "vulns"/],
    ['entry without id', 'vulnerabilities:\n  - statement: x\n', /vulnerabilities\[0\] has no id/],
    ['paths not a list', 'secrets:\n  - id: x\n    paths: deploy.sh\n', /secrets\[0\]\.paths should be a list of strings/],
    ['bad expiry', 'secrets:\n  - id: x\n    expired_at: soon\n', /invalid expiry date "soon"/],
  ])('%s is a clear error', (_name, text, message) => {
    expect(() => parseTrivyIgnoreYaml(text, 'ignore.yaml')).toThrow(message);
  });
});

describe('ignore files on disk', () => {
  test('the format follows the extension; the default is the workspace files that exist', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trivy-ignore-'));
    writeFileSync(path.join(dir, '.trivyignore'), 'CVE-1\n');
    writeFileSync(path.join(dir, '.trivyignore.yaml'), 'secrets:\n  - id: mysecret\n');
    const files = resolveIgnoreFiles([], dir, existsSync);
    expect(files).toEqual([path.join(dir, '.trivyignore'), path.join(dir, '.trivyignore.yaml')]);
    const rules = (await Promise.all(files.map(loadIgnoreFile))).flat();
    expect(rules.map((r) => [r.id, r.kinds.length])).toEqual([['CVE-1', 3], ['mysecret', 1]]);
    expect(resolveIgnoreFiles(['ci/ignore.yaml'], dir, () => false)).toEqual([path.join(dir, 'ci/ignore.yaml')]);
    await expect(loadIgnoreFile(path.join(dir, 'missing'))).rejects.toThrow(/Ignore file .*missing could not be read/);
  });
});
