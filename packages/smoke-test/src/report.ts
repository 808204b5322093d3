import { formatDuration, markdownTable, type Cell } from '@shipkit/core';
import type { CheckResult, SmokeReport } from '@shipkit/checks';

/**
 * A copy of the report with every string passed through `redact`, so each rendering (JSON output,
 * summary, JUnit, ledger) starts from text without secrets, before any escaping could hide one.
 */
export function redactReport(report: SmokeReport, redact: (text: string) => string): SmokeReport {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return redact(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    return value;
  };
  return walk(report) as SmokeReport;
}

function why(result: CheckResult): string {
  return result.passed ? '' : result.failures.join('; ');
}

function latency(result: CheckResult): string {
  if (result.latencyMs === undefined) return '';
  return `${result.latencyMs}ms`;
}

/** Step summary: one row per check (check, status, latency, attempts, why it failed), then the stability table. */
export function summaryMarkdown(report: SmokeReport): string {
  const failed = report.failedChecks.length;
  const headline = report.passed
    ? `✅ ${report.checks.length} check${report.checks.length === 1 ? '' : 's'} passed in ${formatDuration(report.durationMs)}`
    : `❌ ${failed} of ${report.checks.length} check${report.checks.length === 1 ? '' : 's'} failed (${report.failedChecks.join(', ')})`;
  const rows: Cell[][] = report.checks.map((result) => [
    `${result.passed ? '✅' : '❌'} ${result.name}`,
    result.url,
    result.status ?? result.errorKind ?? '',
    latency(result),
    result.attempts,
    why(result),
  ]);
  let markdown = `### smoke-test\n\n${headline}\n\n${markdownTable(['Check', 'URL', 'Status', 'Latency', 'Attempts', 'Why it failed'], rows)}\n`;
  const sampled = report.checks.filter((result) => result.stability);
  if (sampled.length) {
    const limits = [`max error rate ${Number((report.settings.maxErrorRate * 100).toFixed(2))}%`, report.settings.maxP95Ms !== undefined ? `max p95 ${report.settings.maxP95Ms}ms` : ''].filter(Boolean).join(', ');
    const stabilityRows: Cell[][] = sampled.map((result) => {
      const stability = result.stability!;
      return [
        `${stability.passed ? '✅' : '❌'} ${result.name}`,
        stability.samples,
        `${Number((stability.errorRate * 100).toFixed(2))}%`,
        stability.p50Ms === undefined ? '' : `${stability.p50Ms}ms`,
        stability.p95Ms === undefined ? '' : `${stability.p95Ms}ms`,
        stability.maxMs === undefined ? '' : `${stability.maxMs}ms`,
        stability.errorReasons.map((entry) => `${entry.count}× ${entry.reason}`).join('; '),
      ];
    });
    markdown += `**Stability** (${limits})\n\n${markdownTable(['Check', 'Samples', 'Error rate', 'p50', 'p95', 'Max', 'Errors'], stabilityRows)}\n`;
  }
  return markdown;
}

export function escapeXml(text: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0 at all.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** JUnit XML: one testcase per check, a failure element with the reasons when it failed. */
export function junitXml(report: SmokeReport): string {
  const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);
  const cases = report.checks.map((result) => {
    const attributes = `name="${escapeXml(result.name)}" classname="smoke-test" time="${seconds(result.readyAfterMs)}"`;
    const detail = [`${result.method} ${result.url}`, `status: ${result.status ?? result.errorKind ?? 'none'}`, `attempts: ${result.attempts}`];
    if (result.stability) {
      const s = result.stability;
      detail.push(`stability: ${s.samples} samples, error rate ${(s.errorRate * 100).toFixed(2)}%, p50 ${s.p50Ms ?? '-'}ms, p95 ${s.p95Ms ?? '-'}ms, max ${s.maxMs ?? '-'}ms`);
    }
    const output = `      <system-out>${escapeXml(detail.join('\n'))}</system-out>\n`;
    if (result.passed) return `    <testcase ${attributes}>\n${output}    </testcase>`;
    const message = result.failures.join('; ');
    return `    <testcase ${attributes}>\n      <failure message="${escapeXml(message)}" type="SmokeCheckFailed">${escapeXml(result.failures.join('\n'))}</failure>\n${output}    </testcase>`;
  });
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="shipkit smoke-test" tests="${report.checks.length}" failures="${report.failedChecks.length}" time="${seconds(report.durationMs)}">`,
    `  <testsuite name="smoke-test" tests="${report.checks.length}" failures="${report.failedChecks.length}" errors="0" skipped="0" time="${seconds(report.durationMs)}" timestamp="${report.startedAt}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
  return xml;
}
