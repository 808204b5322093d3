import { formatBytes, markdownTable, type Cell } from '@shipkit/core';
import type { CdnPublishReport } from './publish.js';

/** GitHub caps a step output at 1 MB; the plan output stays well below. */
export const MAX_PLAN_OUTPUT_CHARS = 512 * 1024;
/** Rows of the dry-run plan table in the step summary (the summary is capped at 1 MiB). */
export const MAX_SUMMARY_PLAN_ROWS = 500;

/**
 * The plan as JSON-able data: every write and deletion with its key, skips counted. A plan too
 * big for a step output keeps the first changes of each target and counts the rest (`omitted`);
 * the log of a dry run always has the whole plan.
 */
export function planOutput(report: CdnPublishReport, maxChars = MAX_PLAN_OUTPUT_CHARS): unknown {
  const build = (limit: number) => ({
    version: report.version,
    dryRun: report.dryRun,
    targets: report.targets.map((target) => ({
      target: target.name,
      prefix: target.prefix,
      status: target.status,
      ...(target.from ? { from: target.from } : {}),
      ...(target.reason ? { reason: target.reason } : {}),
      skipped: target.skipped,
      changes: target.changes.slice(0, limit),
      ...(target.changes.length > limit ? { omitted: target.changes.length - limit } : {}),
    })),
    invalidate: report.invalidated,
  });
  let limit = Math.max(...report.targets.map((target) => target.changes.length), 0);
  let plan = build(limit);
  while (limit > 0 && JSON.stringify(plan).length > maxChars) {
    limit = Math.floor(limit / 2);
    plan = build(limit);
  }
  return plan;
}

export function summaryMarkdown(report: CdnPublishReport): { title: string; text: string; headers: string[]; rows: Cell[][]; details?: string } {
  const rows: Cell[][] = report.targets.map((target) => [
    target.kind === 'version' ? `\`${target.name}/\` (version)` : `\`${target.name}/\``,
    target.status === 'kept' ? `kept on ${target.from}` : target.status === 'unchanged' ? 'unchanged' : report.dryRun ? 'would change' : target.kind === 'alias' && target.from && target.from !== report.version ? `moved from ${target.from}` : 'published',
    target.uploaded,
    target.copied,
    target.skipped,
    target.deleted,
    formatBytes(target.bytes),
    target.url,
  ]);
  const parts = [
    `${report.dryRun ? '**Dry run** — nothing was changed. ' : ''}Version **${report.version}**${report.prerelease ? ' (prerelease: no aliases)' : ''}: ${report.uploaded} uploaded, ${report.reused} reused from earlier versions by server-side copy, ${report.skipped} unchanged, ${report.copied} copied to aliases, ${report.deleted} deleted, ${formatBytes(report.bytes)} uploaded.`,
  ];
  if (report.invalidated.length) parts.push(`CloudFront: ${report.dryRun ? 'would invalidate' : 'invalidated'} ${report.invalidated.map((path) => `\`${path}\``).join(', ')}${report.invalidationIds.length ? ` (${report.invalidationIds.join(', ')})` : ''}.`);
  return {
    title: 'cdn-publish',
    text: parts.join('\n\n'),
    headers: ['Path', 'Result', 'Uploaded', 'Copied (server-side)', 'Unchanged', 'Deleted', 'Bytes uploaded', 'URL'],
    rows,
    details: report.dryRun ? planDetails(report) : undefined,
  };
}

function planDetails(report: CdnPublishReport): string {
  const rows = report.targets.flatMap((target) => target.changes.map((change): Cell[] => [target.name, change.action, change.key, change.reason]));
  const more = rows.length > MAX_SUMMARY_PLAN_ROWS ? `\n${rows.length - MAX_SUMMARY_PLAN_ROWS} more in the log and the \`plan\` output.\n` : '';
  return `<details><summary>Plan (${rows.length} changes)</summary>\n\n${markdownTable(['Target', 'Action', 'Key', 'Reason'], rows.slice(0, MAX_SUMMARY_PLAN_ROWS))}${more}\n</details>`;
}
