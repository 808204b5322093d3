import type { LedgerRecord, LedgerState, TrafficWeights } from './types.js';

/** Weights as people read them: `blue 90%, green 10%`. */
export function formatWeights(weights: TrafficWeights): string {
  return (['blue', 'green'] as const).filter((slot) => weights[slot] !== undefined).map((slot) => `${slot} ${weights[slot]}%`).join(', ');
}

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
  const canary = state.canary;
  if (canary?.unresolved) {
    const weights = canary.weights ? formatWeights(canary.weights) : `${canary.slot} ${canary.weight}% (the last weight set; the router could not be read)`;
    lines.push(`  traffic SPLIT: ${weights} — the canary of ${canary.release} on slot ${canary.slot} ended but traffic did not return to one slot (since ${canary.since}${canary.runUrl ? `, ${canary.runUrl}` : ''}); run rollback, or a switch that completes`);
  } else if (canary) {
    lines.push(`  canary: ${canary.release} on slot ${canary.slot} gets ${canary.weight}% of traffic (step ${canary.step}${canary.steps ? ` of ${canary.steps.join(',')}` : ''}, since ${canary.since}${canary.runUrl ? `, ${canary.runUrl}` : ''})`);
  }
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
    if (entry.details?.split && typeof entry.details.split === 'object') parts.push(`router: ${formatWeights(entry.details.split as TrafficWeights)}`);
    if (entry.error) parts.push(`error: ${entry.error.split('\n')[0]}`);
    lines.push(`  ${parts.join('  ').trimEnd()}`);
  }
  return lines;
}
