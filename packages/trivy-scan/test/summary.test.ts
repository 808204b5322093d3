import { describe, expect, test } from '@jest/globals';
import { parseTrivyIgnore } from '../src/gate.js';
import { evaluate, mergedReport } from '../src/outcome.js';
import { gatingAnnotations, renderSummary } from '../src/summary.js';
import { fixture, type Fixture } from './helpers.js';

const NOW = new Date('2026-06-01T12:00:00Z');

function scans(...items: Array<[string, Fixture]>) {
  return items.map(([name, file]) => ({ name, report: fixture(file) }));
}

describe('evaluate and summary on real reports', () => {
  const images = scans(['shop/web:1', 'alpine-310.json'], ['shop/api:1', 'debian-buster.json'], ['shop/worker:1', 'busybox-with-lockfile.json'], ['shop/clean:1', 'alpine-39-skip.json']);

  test('counts per image and severity; fail-on HIGH gates the CRITICAL and the HIGH', () => {
    const outcome = evaluate(images, { failOn: 'HIGH', ignoreUnfixed: false, ignores: [], filesInRepository: false, now: NOW });
    expect(outcome.counts).toEqual({
      'shop/web:1': { CRITICAL: 0, HIGH: 0, MEDIUM: 4, LOW: 0, UNKNOWN: 0 },
      'shop/api:1': { CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 1, UNKNOWN: 0 },
      'shop/worker:1': { CRITICAL: 0, HIGH: 1, MEDIUM: 1, LOW: 0, UNKNOWN: 0 },
      'shop/clean:1': { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
    });
    expect(outcome.passed).toBe(false);
    expect(outcome.targets.map((t) => t.gating.map((f) => f.id))).toEqual([[], ['CVE-2019-18224'], ['CVE-2019-15542'], []]);
  });

  test('the summary has the verdict, a count table and the top findings with links', () => {
    const outcome = evaluate(images, { failOn: 'HIGH', ignoreUnfixed: false, ignores: [], filesInRepository: false, now: NOW });
    const markdown = renderSummary({ targets: outcome.targets, failOn: 'HIGH', ignoreUnfixed: false, expiredIgnores: [] });
    expect(markdown).toContain('❌ **Failed**: 2 findings at or above HIGH (fail-on HIGH).');
    expect(markdown).toContain('| Target | CRITICAL | HIGH | MEDIUM | LOW | UNKNOWN | Gating |');
    expect(markdown).toContain('| shop/web:1 | 0 | 0 | 4 | 0 | 0 | 0 |');
    expect(markdown).toContain('| shop/api:1 | 1 | 0 | 0 | 1 | 0 | 1 |');
    expect(markdown).toContain('| Severity | ID | Package | Installed | Fixed | Title | Gate |');
    expect(markdown).toContain('| CRITICAL | [CVE-2019-18224](https://avd.aquasec.com/nvd/cve-2019-18224) | libidn2-0 | 2.0.5-1 | 2.0.5-1+deb10u1 |');
    expect(markdown).toMatch(/\| LOW \| \[CVE-2019-18276\]\([^)]+\) \| bash \| 5\.0-4 \| — \| .* \| below threshold \|/);
    expect(markdown).toContain('#### shop/clean:1\n\nNo findings.');
    // Gating findings come first within a target.
    const worker = markdown.slice(markdown.indexOf('#### shop/worker:1'));
    expect(worker.indexOf('CVE-2019-15542')).toBeLessThan(worker.indexOf('CVE-2021-38193'));
    // Language packages name their lockfile.
    expect(worker).toContain('| ammonia (Cargo.lock) | 1.9.0 | >= 2.1.0 |');
  });

  test('a pass says so; ignored and unfixed findings show why they do not gate', () => {
    const ignores = parseTrivyIgnore('CVE-2019-18224 exp:2027-01-01\nCVE-2019-15542 exp:2026-01-01\n', '.trivyignore');
    const outcome = evaluate(images, { failOn: 'LOW', ignoreUnfixed: true, ignores, filesInRepository: false, now: NOW });
    const markdown = renderSummary({ targets: outcome.targets, failOn: 'LOW', ignoreUnfixed: true, expiredIgnores: outcome.expiredIgnores });
    expect(markdown).toContain('ignored by .trivyignore:1');
    expect(markdown).toContain('no fix (ignore-unfixed)');
    expect(markdown).toContain('**Expired ignore entries** (no longer applied): CVE-2019-15542 (.trivyignore:2, expired 2026-01-01)');
    // The expired entry does not protect the HIGH ammonia finding; alpine's MEDIUMs gate at LOW.
    expect(outcome.targets.map((t) => t.gating.length)).toEqual([4, 0, 2, 0]);

    const passing = evaluate(images, { failOn: 'CRITICAL', ignoreUnfixed: false, ignores, filesInRepository: false, now: NOW });
    expect(passing.passed).toBe(true);
    expect(renderSummary({ targets: passing.targets, failOn: 'CRITICAL', ignoreUnfixed: false, expiredIgnores: [] })).toContain('✅ **Passed** (fail-on CRITICAL).');
  });

  test('secrets and misconfigurations: file and line, never the secret text', () => {
    const outcome = evaluate(scans(['.', 'secrets.json'], ['infra', 'dockerfile.json']), { failOn: 'HIGH', ignoreUnfixed: false, ignores: [], filesInRepository: true, repositoryPrefix: 'app', now: NOW });
    const markdown = renderSummary({ targets: outcome.targets, failOn: 'HIGH', ignoreUnfixed: false, expiredIgnores: [] });
    expect(markdown).toContain('| CRITICAL | aws-access-key-id | deploy.sh:3 | — | — | AWS Access Key ID | fails the gate |');
    expect(markdown).toContain("| HIGH | [DS-0002](https://avd.aquasec.com/misconfig/ds-0002) | Dockerfile | — | — | Image user should not be 'root' | fails the gate |");
    expect(markdown).not.toContain('ghp_');
    expect(markdown).not.toContain('AWS_ACCESS_KEY_ID');
    const annotations = gatingAnnotations(outcome.targets);
    expect(annotations.map((a) => [a.title, a.file, a.startLine])).toEqual([
      ['CRITICAL aws-access-key-id in .', 'app/deploy.sh', 3],
      ['HIGH mysecret in .', 'app/deploy.sh', 7],
      ['HIGH DS-0002 in infra', 'app/Dockerfile', undefined],
    ]);
  });
});

describe('annotations for gating findings', () => {
  test('image findings: package, versions, link; most severe first', () => {
    const outcome = evaluate(scans(['shop/worker:1', 'busybox-with-lockfile.json'], ['shop/api:1', 'debian-buster.json']), { failOn: 'HIGH', ignoreUnfixed: false, ignores: [], filesInRepository: false });
    expect(gatingAnnotations(outcome.targets)).toEqual([
      {
        level: 'error',
        title: 'CRITICAL CVE-2019-18224 in shop/api:1',
        message: expect.stringMatching(/^CVE-2019-18224 \(CRITICAL\) in libidn2-0 2\.0\.5-1 \(fixed in 2\.0\.5-1\+deb10u1\): .* https:\/\/avd\.aquasec\.com\/nvd\/cve-2019-18224$/),
      },
      { level: 'error', title: 'HIGH CVE-2019-15542 in shop/worker:1', message: expect.stringContaining('ammonia') },
    ]);
  });

  test('at most 10, then one line for the rest', () => {
    const many = Array.from({ length: 4 }, (_, i) => ({ name: `img-${i}:1`, report: fixture('alpine-310.json') }));
    const outcome = evaluate(many, { failOn: 'MEDIUM', ignoreUnfixed: false, ignores: [], filesInRepository: false });
    const annotations = gatingAnnotations(outcome.targets);
    expect(annotations).toHaveLength(11);
    expect(annotations[10].message).toBe('6 more findings fail the gate; see the step summary and the report file.');
  });

  test('no gating findings, no annotations', () => {
    const outcome = evaluate(scans(['shop/web:1', 'alpine-310.json']), { failOn: 'HIGH', ignoreUnfixed: false, ignores: [], filesInRepository: false });
    expect(gatingAnnotations(outcome.targets)).toEqual([]);
  });
});

describe('merged report', () => {
  test('keeps every finding of every report, the verdicts, and no secret text', () => {
    const outcome = evaluate(scans(['shop/api:1', 'debian-buster.json'], ['.', 'secrets.json']), { failOn: 'CRITICAL', ignoreUnfixed: false, ignores: [], filesInRepository: false });
    const merged = mergedReport(outcome, { failOn: 'CRITICAL', ignoreUnfixed: false, ignoreFiles: [] }) as { passed: boolean; targets: Array<{ name: string; report: { Results: Array<{ Vulnerabilities?: unknown[]; Secrets?: Array<Record<string, unknown>> }> }; gating: unknown[]; notGating: unknown[] }> };
    expect(merged.passed).toBe(false);
    expect(merged.targets[0].report.Results[0].Vulnerabilities).toHaveLength(2);
    expect(merged.targets[0].gating).toEqual([{ kind: 'vulnerability', id: 'CVE-2019-18224', severity: 'CRITICAL', target: expect.any(String), package: 'libidn2-0', installed: '2.0.5-1', fixed: '2.0.5-1+deb10u1' }]);
    expect(merged.targets[0].notGating).toEqual([expect.objectContaining({ id: 'CVE-2019-18276', reason: 'below-threshold' })]);
    const secrets = merged.targets[1].report.Results[0].Secrets ?? [];
    expect(secrets.map((s) => [s.RuleID, s.StartLine, 'Code' in s, 'Match' in s])).toEqual([
      ['aws-access-key-id', 3, false, false],
      ['mysecret', 7, false, false],
    ]);
    expect(JSON.stringify(merged)).not.toContain('ghp_');
  });
});
