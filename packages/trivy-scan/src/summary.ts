import { markdownTable, type Cell } from '@shipkit/core';
import type { FailOn, GatedFinding, IgnoreRule, Verdict } from './gate.js';
import { bySeverityDescending, SEVERITIES, type Severity, type SeverityCounts } from './report.js';

/** What one scanned target contributes to the summary, counts and annotations. */
export interface TargetOutcome {
  name: string;
  findings: GatedFinding[];
  counts: SeverityCounts;
  gating: GatedFinding[];
  /** For fs/config scans: finding targets are repository files, so annotations can point at them. */
  filesInRepository: boolean;
  /** Where the scanned path sits in the repository. */
  repositoryPrefix?: string;
}

export interface SummaryInput {
  targets: TargetOutcome[];
  failOn: FailOn;
  ignoreUnfixed: boolean;
  expiredIgnores: IgnoreRule[];
  topFindings?: number;
  warnings?: string[];
}

export function verdictText(verdict: Verdict): string {
  if (verdict.gating) return 'fails the gate';
  switch (verdict.reason) {
    case 'below-threshold':
      return 'below threshold';
    case 'unfixed':
      return 'no fix (ignore-unfixed)';
    case 'ignored':
      return `ignored by ${verdict.rule?.source ?? 'an ignore file'}${verdict.rule?.statement ? `: ${verdict.rule.statement}` : ''}`;
    default:
      return 'not gated (fail-on: none)';
  }
}

/** The package column: the package for vulnerabilities, the file (and line) for the other kinds. */
export function findingPlace(finding: GatedFinding): string {
  // Language packages: which lockfile or jar, since an image can hold several.
  if (finding.kind === 'vulnerability') return finding.resultClass === 'lang-pkgs' && finding.pkgName ? `${finding.pkgName} (${finding.pkgPath ?? finding.target})` : (finding.pkgName ?? finding.target);
  return finding.startLine ? `${finding.target}:${finding.startLine}` : finding.target;
}

function linked(finding: GatedFinding): string {
  return finding.link ? `[${finding.id}](${finding.link})` : finding.id;
}

/** Gating findings first, then by severity. */
export function topFindings(findings: readonly GatedFinding[], limit: number): GatedFinding[] {
  return [...findings]
    .sort((a, b) => Number(b.verdict.gating) - Number(a.verdict.gating) || bySeverityDescending(a, b))
    .slice(0, limit);
}

export function renderSummary(input: SummaryInput): string {
  const limit = input.topFindings ?? 10;
  const gatingTotal = input.targets.reduce((sum, target) => sum + target.gating.length, 0);
  const threshold = input.failOn === 'none' ? 'gating off (fail-on: none)' : `fail-on ${input.failOn}${input.ignoreUnfixed ? ', unfixed vulnerabilities ignored' : ''}`;
  let markdown = '### Trivy scan\n\n';
  markdown += gatingTotal
    ? `❌ **Failed**: ${gatingTotal} finding${gatingTotal === 1 ? '' : 's'} at or above ${input.failOn} (${threshold}).\n\n`
    : `✅ **Passed** (${threshold}).\n\n`;
  const severities = [...SEVERITIES].reverse();
  markdown += markdownTable(
    ['Target', ...severities, 'Gating'],
    input.targets.map((target): Cell[] => [target.name, ...severities.map((severity: Severity) => target.counts[severity]), target.gating.length]),
  );
  markdown += '\n';
  for (const target of input.targets) {
    markdown += `#### ${target.name}\n\n`;
    if (!target.findings.length) {
      markdown += 'No findings.\n\n';
      continue;
    }
    const top = topFindings(target.findings, limit);
    markdown += markdownTable(
      ['Severity', 'ID', 'Package', 'Installed', 'Fixed', 'Title', 'Gate'],
      top.map((finding): Cell[] => [
        finding.severity,
        linked(finding),
        findingPlace(finding),
        finding.installedVersion,
        finding.fixedVersion,
        finding.title,
        verdictText(finding.verdict),
      ]),
    );
    if (target.findings.length > top.length) markdown += `\n${target.findings.length - top.length} more in the report file.\n`;
    markdown += '\n';
  }
  if (input.expiredIgnores.length) {
    markdown += `**Expired ignore entries** (no longer applied): ${input.expiredIgnores
      .map((rule) => `${rule.id} (${rule.source}, expired ${rule.expiresAt?.toISOString().slice(0, 10)})`)
      .join(', ')}\n\n`;
  }
  for (const warning of input.warnings ?? []) markdown += `> ⚠️ ${warning}\n\n`;
  return markdown;
}

export interface Annotation {
  level: 'error' | 'warning';
  message: string;
  title: string;
  file?: string;
  startLine?: number;
  endLine?: number;
}

/** GitHub shows at most 10 error annotations per step; the rest are summarised in one more. */
export const ANNOTATION_LIMIT = 10;

export function gatingAnnotations(targets: readonly TargetOutcome[], limit = ANNOTATION_LIMIT): Annotation[] {
  const all = targets.flatMap((target) => target.gating.map((finding) => ({ target, finding })));
  all.sort((a, b) => bySeverityDescending(a.finding, b.finding));
  const shown = all.slice(0, limit).map(({ target, finding }): Annotation => {
    const place = finding.kind === 'vulnerability' ? `${finding.pkgName ?? '?'} ${finding.installedVersion ?? ''}${finding.fixedVersion ? ` (fixed in ${finding.fixedVersion})` : ' (no fix yet)'}` : findingPlace(finding);
    const file = target.filesInRepository && finding.target ? (target.repositoryPrefix ? `${target.repositoryPrefix}/${finding.target}` : finding.target) : undefined;
    return {
      level: 'error',
      title: `${finding.severity} ${finding.id} in ${target.name}`,
      message: `${finding.id} (${finding.severity}) in ${place}: ${finding.title ?? finding.message ?? ''}${finding.link ? ` ${finding.link}` : ''}`.trim(),
      ...(file ? { file, startLine: finding.startLine, endLine: finding.endLine } : {}),
    };
  });
  if (all.length > limit) {
    shown.push({ level: 'error', title: 'More gating findings', message: `${all.length - limit} more findings fail the gate; see the step summary and the report file.` });
  }
  return shown;
}
