import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import type { Finding } from '../src/report.js';
import { buildSarif, categoryFor, imageUri, SARIF_LIMITS, sarifSizeWarning, type SarifLog, type SarifTarget } from '../src/sarif.js';
import { fixture, fixturePath, type Fixture } from './helpers.js';

/** The parts of SARIF 2.1.0 that GitHub code scanning requires, checked on every run and result. */
function expectUploadable(sarif: SarifLog): void {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok && problems.length < 20) problems.push(problem);
  };
  check(sarif.version === '2.1.0', 'version');
  check(/sarif-2\.1\.0/.test(sarif.$schema), '$schema');
  check(sarif.runs.length <= SARIF_LIMITS.runsPerFile, 'too many runs');
  const categories = sarif.runs.map((run) => run.automationDetails.id);
  check(new Set(categories).size === categories.length, `duplicate categories ${categories}`);
  sarif.runs.forEach((run, r) => {
    check(run.tool.driver.name === 'Trivy', `run ${r}: driver name`);
    check(/^trivy-scan\/[A-Za-z0-9._-]+\/$/.test(run.automationDetails.id), `run ${r}: category ${run.automationDetails.id}`);
    check(run.results.length <= SARIF_LIMITS.resultsPerRun, `run ${r}: too many results`);
    const ruleIds = run.tool.driver.rules.map((rule) => rule.id);
    check(new Set(ruleIds).size === ruleIds.length, `run ${r}: duplicate rule ids`);
    for (const rule of run.tool.driver.rules) {
      check(Boolean(rule.shortDescription.text), `rule ${rule.id}: shortDescription`);
      check(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), `rule ${rule.id}: level`);
      const securitySeverity = rule.properties['security-severity'];
      if (securitySeverity !== undefined) {
        check(typeof securitySeverity === 'string' && Number(securitySeverity) > 0 && Number(securitySeverity) <= 10, `rule ${rule.id}: security-severity ${securitySeverity}`);
      }
    }
    for (const result of run.results) {
      check(run.tool.driver.rules[result.ruleIndex]?.id === result.ruleId, `result ${result.ruleId}: ruleIndex`);
      check(Boolean(result.message.text), `result ${result.ruleId}: message`);
      check(result.locations.length === 1, `result ${result.ruleId}: locations`);
      const location = result.locations[0].physicalLocation;
      check(Boolean(location.artifactLocation.uri), `result ${result.ruleId}: uri`);
      check(location.region.startLine >= 1 && location.region.endLine >= location.region.startLine, `result ${result.ruleId}: region`);
      check(/^[0-9a-f]{64}$/.test(Object.values(result.partialFingerprints)[0] ?? ''), `result ${result.ruleId}: fingerprint`);
    }
  });
  expect(problems).toEqual([]);
}

function target(name: string, file: Fixture, filesInRepository = false): SarifTarget {
  const report = fixture(file);
  return { name, findings: report.findings, trivyVersion: report.trivyVersion, filesInRepository };
}

describe('buildSarif on real reports', () => {
  const { sarif, warnings } = buildSarif([
    target('registry.example.com/shop/web:1.2.3', 'alpine-310.json'),
    target('registry.example.com/shop/api:1.2.3', 'debian-buster.json'),
    target('registry.example.com/shop/worker:1.2.3', 'busybox-with-lockfile.json'),
    target('registry.example.com/shop/clean:1.2.3', 'alpine-39-skip.json'),
    target('.', 'dockerfile.json', true),
    target('scripts', 'secrets.json', true),
  ]);

  test('is uploadable, one run per target with distinct categories', () => {
    expectUploadable(sarif);
    expect(warnings).toEqual([]);
    expect(sarif.runs.map((run) => run.automationDetails.id)).toEqual([
      'trivy-scan/registry.example.com-shop-web/',
      'trivy-scan/registry.example.com-shop-api/',
      'trivy-scan/registry.example.com-shop-worker/',
      'trivy-scan/registry.example.com-shop-clean/',
      'trivy-scan/workspace/',
      'trivy-scan/scripts/',
    ]);
    expect(sarif.runs.map((run) => run.results.length)).toEqual([4, 2, 2, 0, 1, 2]);
  });

  test('matches what Trivy itself writes for alpine-310 (rules, levels, severity band)', () => {
    const trivys = JSON.parse(readFileSync(fixturePath('alpine-310.json').replace('.json', '.sarif'), 'utf8')) as SarifLog;
    const ours = sarif.runs[0];
    const theirs = trivys.runs[0];
    expect(ours.tool.driver.rules.map((rule) => rule.id)).toEqual(theirs.tool.driver.rules.map((rule) => rule.id));
    expect(ours.results.map((r) => [r.ruleId, r.level])).toEqual(theirs.results.map((r) => [r.ruleId, r.level]));
    // Both in GitHub's "medium" band (4.0–6.9): Trivy uses the CVSS score, we use Trivy's severity, as the gate does.
    for (const rule of [...ours.tool.driver.rules, ...theirs.tool.driver.rules]) {
      expect(Number(rule.properties['security-severity'])).toBeGreaterThanOrEqual(4);
      expect(Number(rule.properties['security-severity'])).toBeLessThan(7);
    }
    expect(ours.results[0].message.text).toContain('Package: libcrypto1.1');
    // The repository, without the tag (it changes every build).
    expect(ours.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('registry.example.com/shop/web');
  });

  test('severity drives level and security-severity', () => {
    const api = sarif.runs[1];
    const critical = api.tool.driver.rules.find((rule) => rule.id === 'CVE-2019-18224');
    const low = api.tool.driver.rules.find((rule) => rule.id === 'CVE-2019-18276');
    expect(critical).toMatchObject({ defaultConfiguration: { level: 'error' }, properties: { 'security-severity': '9.5' } });
    expect(low).toMatchObject({ defaultConfiguration: { level: 'note' }, properties: { 'security-severity': '2.0' } });
    // Most severe first.
    expect(api.results.map((r) => r.ruleId)).toEqual(['CVE-2019-18224', 'CVE-2019-18276']);
  });

  test('files in the repository are located at their lines; secrets without their text', () => {
    const secrets = sarif.runs[5];
    expect(secrets.results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine])).toEqual([
      ['aws-access-key-id', 'deploy.sh', 3],
      ['mysecret', 'deploy.sh', 7],
    ]);
    const text = JSON.stringify(secrets);
    expect(text).not.toContain('AWS_ACCESS_KEY_ID=');
    expect(text).not.toContain('ghp_');
    expect(sarif.runs[4].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('Dockerfile');
  });
});

describe('code scanning limits', () => {
  test('more than 20 targets: the first 20 are kept, with a warning naming the rest', () => {
    const targets = Array.from({ length: 22 }, (_, i) => target(`registry.example.com/app-${i}:1`, 'alpine-310.json'));
    const { sarif, warnings } = buildSarif(targets);
    expectUploadable(sarif);
    expect(sarif.runs).toHaveLength(20);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('22 targets were scanned');
    expect(warnings[0]).toContain('registry.example.com/app-20:1, registry.example.com/app-21:1 are not in the SARIF file');
  });

  test('more than 25,000 results in a run: the most severe are kept, with a warning', () => {
    const base = fixture('debian-buster.json').findings;
    const findings: Finding[] = [];
    for (let i = 0; i < 12_501; i++) for (const finding of base) findings.push({ ...finding, id: `${finding.id}-${i}` });
    findings.push({ ...base[0], id: 'CVE-LAST', severity: 'CRITICAL' });
    const { sarif, warnings } = buildSarif([{ name: 'huge:1', findings, filesInRepository: false }]);
    expectUploadable(sarif);
    expect(sarif.runs[0].results).toHaveLength(25_000);
    expect(sarif.runs[0].results.filter((r) => r.level === 'error')).toHaveLength(12_502);
    expect(sarif.runs[0].results.some((r) => r.ruleId === 'CVE-LAST')).toBe(true);
    expect(warnings).toEqual([expect.stringContaining('huge:1 has 25003 findings')]);
    expect(warnings[0]).toContain('the 3 least severe were left out');
  });

  test('targets whose names map to the same category still get distinct ones (two tags of one repository too)', () => {
    const { sarif } = buildSarif([target('a/b:1', 'alpine-310.json'), target('a-b-1', 'alpine-310.json'), target('a_b:1', 'alpine-310.json'), target('a/b/1', 'alpine-310.json'), target('a/b:2', 'alpine-310.json')]);
    expectUploadable(sarif);
    expect(sarif.runs.map((run) => run.automationDetails.id)).toEqual(['trivy-scan/a-b/', 'trivy-scan/a-b-1/', 'trivy-scan/a_b/', 'trivy-scan/a-b-1-2/', 'trivy-scan/a-b-2/']);
  });

  test('fingerprints and locations stay the same from one build of an image to the next', () => {
    const build1 = buildSarif([target('registry.local/shop/web@sha256:1111', 'alpine-310.json')]).sarif.runs[0];
    const build2 = buildSarif([target('registry.local/shop/web@sha256:2222', 'alpine-310.json')]).sarif.runs[0];
    expect(build2.automationDetails).toEqual(build1.automationDetails);
    expect(build2.results.map((r) => [r.partialFingerprints, r.locations])).toEqual(build1.results.map((r) => [r.partialFingerprints, r.locations]));
    // ...and differ between findings.
    expect(new Set(build1.results.map((r) => Object.values(r.partialFingerprints)[0])).size).toBe(4);
  });

  test('a file too large to upload gets a warning', () => {
    expect(sarifSizeWarning('{}')).toBeUndefined();
    const big = randomBytes(12 * 1024 * 1024).toString('base64'); // random: does not compress below the limit
    expect(sarifSizeWarning(big)).toMatch(/^SARIF: the file is \d+\.\d MiB gzipped, over code scanning's 10 MiB upload limit/);
  });

  test.each([
    ['alpine:3.10', 'alpine'],
    ['127.0.0.1:5000/app@sha256:abc', '127.0.0.1_5000/app'],
    ['docker://ghcr.io/org/app:1', 'ghcr.io/org/app'],
  ])('imageUri(%p) = %p', (name, expected) => expect(imageUri(name)).toBe(expected));

  test.each([
    ['docker://ghcr.io/org/app@sha256:abc', 'trivy-scan/ghcr.io-org-app'],
    ['registry.local/shop/web:1.2.3', 'trivy-scan/registry.local-shop-web'],
    ['127.0.0.1:5000/app:pr-1', 'trivy-scan/127.0.0.1-5000-app'],
    ['127.0.0.1:5000/app', 'trivy-scan/127.0.0.1-5000-app'],
    ['///', 'trivy-scan/workspace'],
    ['.', 'trivy-scan/workspace'],
    ['./infra', 'trivy-scan/infra'],
  ])('categoryFor(%p)', (name, expected) => expect(categoryFor(name)).toBe(expected));
});
