import * as runner from './runner.js';
import { redact } from './redact.js';

export type Cell = string | number | boolean | null | undefined;

/** Escapes text for a Markdown table cell. */
export function cell(value: Cell): string {
  if (value === null || value === undefined || value === '') return '—';
  return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function markdownTable(headers: string[], rows: Cell[][]): string {
  const lines = [`| ${headers.map(cell).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/** Appends a heading, optional text and a table to the step summary and writes it. */
export async function writeSummary(section: { title: string; text?: string; headers?: string[]; rows?: Cell[][]; details?: string }): Promise<void> {
  let markdown = `### ${section.title}\n\n`;
  if (section.text) markdown += `${section.text}\n\n`;
  if (section.headers && section.rows) markdown += `${markdownTable(section.headers, section.rows)}\n`;
  if (section.details) markdown += `${section.details}\n\n`;
  await writeSummaryMarkdown(markdown);
}

/** Appends Markdown to the step summary (redacted; see redact.ts), or to the log outside a runner. */
export async function writeSummaryMarkdown(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    runner.info(markdown);
    return;
  }
  await runner.appendSummary(redact(markdown));
}
