import { gate, type FailOn, type GatedFinding, type IgnoreRule } from './gate.js';
import { countBySeverity, type ScanReport, type SeverityCounts } from './report.js';
import type { SarifTarget } from './sarif.js';
import type { TargetOutcome } from './summary.js';

/** The whole step's result: per target findings with their gate verdicts, counts, pass/fail. */
export interface ScanOutcome {
  targets: TargetOutcome[];
  reports: ScanReport[];
  expiredIgnores: IgnoreRule[];
  passed: boolean;
  counts: Record<string, SeverityCounts>;
}

export interface EvaluateOptions {
  failOn: FailOn;
  ignoreUnfixed: boolean;
  ignores: readonly IgnoreRule[];
  /** fs/config scans: finding targets are files under this repository path. */
  filesInRepository: boolean;
  repositoryPrefix?: string;
  now?: Date;
}

export function evaluate(scans: ReadonlyArray<{ name: string; report: ScanReport }>, options: EvaluateOptions): ScanOutcome {
  const expired = new Map<string, IgnoreRule>();
  const targets = scans.map(({ name, report }): TargetOutcome => {
    const result = gate(report.findings, options);
    for (const rule of result.expired) expired.set(rule.source, rule);
    return { name, findings: result.findings, counts: countBySeverity(report.findings), gating: result.gating, filesInRepository: options.filesInRepository, repositoryPrefix: options.repositoryPrefix };
  });
  return {
    targets,
    reports: scans.map((scan) => scan.report),
    expiredIgnores: [...expired.values()],
    passed: targets.every((target) => target.gating.length === 0),
    counts: Object.fromEntries(targets.map((target) => [target.name, target.counts])),
  };
}

/** A repository path for a finding of an fs/config scan (Trivy reports targets relative to the scanned path). */
export function repositoryPath(target: { filesInRepository: boolean; repositoryPrefix?: string }, findingTarget: string): string | undefined {
  if (!target.filesInRepository || !findingTarget) return undefined;
  return target.repositoryPrefix ? `${target.repositoryPrefix}/${findingTarget}` : findingTarget;
}

export function sarifTargets(outcome: ScanOutcome): SarifTarget[] {
  return outcome.targets.map((target, index) => ({
    name: target.name,
    findings: target.findings.map((finding) => ({ ...finding, target: repositoryPath(target, finding.target) ?? finding.target })),
    trivyVersion: outcome.reports[index].trivyVersion,
    filesInRepository: target.filesInRepository,
  }));
}

/** Secret findings keep their rule, file and lines; the matched text and code excerpt stay out of files we publish. */
function withoutSecretText(report: Record<string, unknown>): Record<string, unknown> {
  const results = report.Results;
  if (!Array.isArray(results)) return report;
  return {
    ...report,
    Results: results.map((result) => {
      if (!result || typeof result !== 'object' || !Array.isArray((result as Record<string, unknown>).Secrets)) return result;
      const secrets = (result as { Secrets: unknown[] }).Secrets.map((secret) => {
        if (!secret || typeof secret !== 'object') return secret;
        const { Match: _match, Code: _code, ...rest } = secret as Record<string, unknown>;
        return rest;
      });
      return { ...(result as Record<string, unknown>), Secrets: secrets };
    }),
  };
}

function findingSummary(finding: GatedFinding): Record<string, unknown> {
  return {
    kind: finding.kind,
    id: finding.id,
    severity: finding.severity,
    target: finding.target,
    ...(finding.pkgName ? { package: finding.pkgName, installed: finding.installedVersion, fixed: finding.fixedVersion } : {}),
    ...(finding.startLine ? { line: finding.startLine } : {}),
    ...(finding.verdict.gating ? {} : { reason: finding.verdict.reason, ...(finding.verdict.rule ? { rule: finding.verdict.rule.source } : {}) }),
  };
}

/** The merged report: every Trivy report unchanged (every finding, secrets' text removed) plus the gate's verdicts. */
export function mergedReport(outcome: ScanOutcome, options: { failOn: FailOn; ignoreUnfixed: boolean; ignoreFiles: string[] }): Record<string, unknown> {
  return {
    tool: 'shipkit/trivy-scan',
    passed: outcome.passed,
    failOn: options.failOn,
    ignoreUnfixed: options.ignoreUnfixed,
    ignoreFiles: options.ignoreFiles,
    counts: outcome.counts,
    targets: outcome.targets.map((target, index) => ({
      name: target.name,
      counts: target.counts,
      gating: target.gating.map(findingSummary),
      notGating: target.findings.filter((finding) => !finding.verdict.gating).map(findingSummary),
      report: withoutSecretText(outcome.reports[index].raw),
    })),
  };
}
