import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { ShipkitError } from '@shipkit/core';
import { countBySeverity, parseReport, readReport } from '../src/report.js';
import { fixture, fixturePath } from './helpers.js';

describe('parseReport on real Trivy reports', () => {
  test.each([
    // file, findings, kinds, counts CRITICAL/HIGH/MEDIUM/LOW/UNKNOWN
    ['alpine-310.json', 4, ['vulnerability'], { CRITICAL: 0, HIGH: 0, MEDIUM: 4, LOW: 0, UNKNOWN: 0 }],
    ['alpine-39-skip.json', 0, [], { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 }],
    ['busybox-with-lockfile.json', 2, ['vulnerability'], { CRITICAL: 0, HIGH: 1, MEDIUM: 1, LOW: 0, UNKNOWN: 0 }],
    ['debian-buster.json', 2, ['vulnerability'], { CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 1, UNKNOWN: 0 }],
    ['dockerfile.json', 1, ['misconfiguration'], { CRITICAL: 0, HIGH: 1, MEDIUM: 0, LOW: 0, UNKNOWN: 0 }],
    ['secrets.json', 2, ['secret'], { CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 0, UNKNOWN: 0 }],
  ] as const)('%s: %i findings', (name, total, kinds, counts) => {
    const report = fixture(name);
    expect(report.findings).toHaveLength(total);
    expect([...new Set(report.findings.map((f) => f.kind))]).toEqual(kinds);
    expect(countBySeverity(report.findings)).toEqual(counts);
    expect(report.raw.SchemaVersion).toBe(2);
  });

  test('vulnerability fields come from the report', () => {
    const [first] = fixture('alpine-310.json').findings;
    expect(first).toMatchObject({
      kind: 'vulnerability',
      id: 'CVE-2019-1549',
      pkgName: 'libcrypto1.1',
      installedVersion: '1.1.1c-r0',
      fixedVersion: '1.1.1d-r0',
      status: 'fixed',
      severity: 'MEDIUM',
      title: 'openssl: information disclosure in fork()',
      link: 'https://avd.aquasec.com/nvd/cve-2019-1549',
      target: 'testdata/fixtures/images/alpine-310.tar.gz (alpine 3.10.2)',
      resultClass: 'os-pkgs',
      purl: 'pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2',
    });
  });

  test('lang-pkgs, misconfigurations and secrets', () => {
    expect(fixture('busybox-with-lockfile.json').findings[0]).toMatchObject({ id: 'CVE-2019-15542', pkgName: 'ammonia', target: 'Cargo.lock', resultClass: 'lang-pkgs', severity: 'HIGH' });
    expect(fixture('dockerfile.json').findings[0]).toMatchObject({ kind: 'misconfiguration', id: 'DS-0002', target: 'Dockerfile', severity: 'HIGH', title: "Image user should not be 'root'" });
    const secrets = fixture('secrets.json').findings;
    expect(secrets.map((s) => [s.id, s.severity, s.startLine])).toEqual([
      ['aws-access-key-id', 'CRITICAL', 3],
      ['mysecret', 'HIGH', 7],
    ]);
    // The secret's text never leaves the report.
    expect(JSON.stringify(secrets)).not.toContain('AWS_ACCESS_KEY_ID');
    expect(JSON.stringify(secrets)).not.toContain('ghp_');
  });

  test('a vulnerability whose unfixed status is kept', () => {
    const bash = fixture('debian-buster.json').findings.find((f) => f.pkgName === 'bash');
    expect(bash).toMatchObject({ status: 'affected', fixedVersion: undefined, severity: 'LOW' });
  });
});

describe('omitempty: absent fields are empty, not errors', () => {
  test.each([
    ['no Results', { SchemaVersion: 2, ArtifactName: 'x' }, 0],
    ['Results null', { SchemaVersion: 2, Results: null }, 0],
    ['a result without any finding list', { SchemaVersion: 2, Results: [{ Target: 'a', Class: 'os-pkgs' }] }, 0],
    ['a vulnerability without severity', { SchemaVersion: 2, Results: [{ Target: 'a', Vulnerabilities: [{ VulnerabilityID: 'CVE-1' }] }] }, 1],
    ['passed misconfigurations are not findings', { SchemaVersion: 2, Results: [{ Target: 'D', Misconfigurations: [{ ID: 'DS-1', Status: 'PASS' }, { ID: 'DS-2', Status: 'FAIL' }] }] }, 1],
  ])('%s', (_name, doc, findings) => {
    const report = parseReport(JSON.stringify(doc), 'r.json');
    expect(report.findings).toHaveLength(findings);
    if (findings) expect(report.findings.at(-1)?.severity).toBe('UNKNOWN');
  });
});

describe('malformed reports are clear errors naming the file', () => {
  const alpine = readFileSync(fixturePath('alpine-310.json'), 'utf8');
  test.each([
    ['truncated JSON', alpine.slice(0, alpine.length / 2), /report\.json is not valid JSON/],
    ['empty file', '', /report\.json is not valid JSON/],
    ['wrong SchemaVersion', JSON.stringify({ SchemaVersion: 1, Results: [] }), /report\.json is malformed: SchemaVersion should be 2 but is 1/],
    ['no SchemaVersion', JSON.stringify({ Results: [] }), /SchemaVersion should be 2 but is undefined/],
    ['Results not a list', JSON.stringify({ SchemaVersion: 2, Results: { Target: 'x' } }), /Results should be a list/],
    ['Vulnerabilities not a list', JSON.stringify({ SchemaVersion: 2, Results: [{ Vulnerabilities: 'none' }] }), /Results\[0\]\.Vulnerabilities should be a list/],
    ['a vulnerability without an id', JSON.stringify({ SchemaVersion: 2, Results: [{ Vulnerabilities: [{ Severity: 'HIGH' }] }] }), /Results\[0\]\.Vulnerabilities\[0\]\.VulnerabilityID is missing/],
    ['an unknown severity', JSON.stringify({ SchemaVersion: 2, Results: [{ Vulnerabilities: [{ VulnerabilityID: 'CVE-1', Severity: 'SEVERE' }] }] }), /Severity should be one of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL but is "SEVERE"/],
    ['a list at the top', '[]', /the top level should be an object/],
    ['a secret without a rule', JSON.stringify({ SchemaVersion: 2, Results: [{ Secrets: [{ Severity: 'HIGH' }] }] }), /Secrets\[0\]\.RuleID is missing/],
  ])('%s', (_name, text, message) => {
    expect(() => parseReport(text, 'report.json')).toThrow(ShipkitError);
    expect(() => parseReport(text, 'report.json')).toThrow(message);
  });

  test('a missing report file names the file', async () => {
    await expect(readReport('/nonexistent/out.json')).rejects.toThrow(/Trivy report \/nonexistent\/out\.json could not be read/);
  });
});
