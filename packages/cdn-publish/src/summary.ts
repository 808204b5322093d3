import { formatBytes, markdownTable, type Cell } from '@shipkit/core';
import type { CdnPublishReport } from './publish.js';

/** The plan as JSON-able data: every write and deletion with its key, skips counted. */
export function planOutput(report: CdnPublishReport): unknown {
  return {
    version: report.version,
    dryRun: report.dryRun,
    targets: report.targets.map((target) => ({
      target: target.name,
      prefix: target.prefix,
      status: target.status,
      ...(target.from ? { from: target.from } : {}),
      ...(target.reason ? { reason: target.reason } : {}),
      skipped: target.skipped,
      changes: target.changes,
    })),
    invalidate: report.invalidated,
  };
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
    details: report.dryRun ? `<details><summary>Plan</summary>\n\n${markdownTable(['Target', 'Action', 'Key', 'Reason'], report.targets.flatMap((target) => target.changes.map((change) => [target.name, change.action, change.key, change.reason])))}\n</details>` : undefined,
  };
}
