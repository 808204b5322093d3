import type { LedgerRecord, LedgerState } from './types.js';

/**
 * An environment's status as text lines, from its ledger: what is live, each slot, the previous
 * good release (what `rollback to: previous` would go back to), and the last records, oldest first.
 * The `shipkit status` command and the demo print it.
 */
export function formatStatus(name: string, state: LedgerState, records: readonly LedgerRecord[], options: { last?: number; url?: string } = {}): string[] {
  const live = state.live ? `${state.live.release}${state.live.slot ? ` (slot ${state.live.slot})` : ''} since ${state.live.since}` : 'nothing';
  const lines = [`${name}${options.url ? ` — ${options.url}` : ''}`, `  live: ${live}`, `  previous good: ${state.previous?.release ?? 'none (rollback to: previous has nothing to go back to)'}`];
  for (const slot of ['blue', 'green'] as const) {
    const held = state.slots[slot];
    if (held) lines.push(`  slot ${slot}: ${held.release} (${held.status}${held.smoke ? `, smoke ${held.smoke.passed ? 'passed' : 'failed'}` : ''})`);
  }
  if (state.canary) lines.push(`  canary: ${state.canary.release} on slot ${state.canary.slot} gets ${state.canary.weight}% of traffic (step ${state.canary.step}${state.canary.steps ? ` of ${state.canary.steps.join(',')}` : ''}, since ${state.canary.since}${state.canary.runUrl ? `, ${state.canary.runUrl}` : ''})`);
  if (state.open.length) lines.push(`  running: ${state.open.map((op) => `${op.type} of ${op.started?.release ?? '?'} (${op.started?.runUrl ?? op.operation})`).join('; ')}`);
  if (state.conflicts.length) lines.push(`  conflicts: ${state.conflicts.length} (see the records)`);
  const shown = records.slice(-(options.last ?? 10));
  if (records.length > shown.length) lines.push(`  … ${records.length - shown.length} earlier record(s)`);
  for (const entry of shown) {
    const parts = [entry.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), entry.type.padEnd(8), entry.status.padEnd(9), (entry.release ?? '').padEnd(16), (entry.slot ? `slot ${entry.slot}` : '').padEnd(10)];
    if (entry.trigger) parts.push(entry.trigger);
    if (entry.actor) parts.push(`by ${entry.actor}`);
    if (entry.reason) parts.push(`“${entry.reason.split('\n')[0]}”`);
    if (entry.status === 'progress' && typeof entry.details?.weight === 'number') parts.push(`weight ${entry.details.weight}%${typeof entry.details.analysis === 'object' && entry.details.analysis ? ` analysis ${(entry.details.analysis as { passed?: boolean }).passed ? 'passed' : 'failed'}` : ''}`);
    if (entry.details?.aborted === true) parts.push(`aborted at ${String(entry.details.abortedAt)}%`);
    if (entry.error) parts.push(`error: ${entry.error.split('\n')[0]}`);
    lines.push(`  ${parts.join('  ').trimEnd()}`);
  }
  return lines;
}
