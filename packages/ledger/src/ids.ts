import { randomBytes } from 'node:crypto';

let lastMs = 0;

/** `20261122T051400123Z` for a time: ISO 8601 basic format, sorts as text in time order. */
export function compactTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('.', '');
}

/**
 * A unique, time-sortable record id: compact time plus 8 random hex digits. Within one process
 * ids strictly increase even when the clock stands still, so an operation's end sorts after its start.
 */
export function newRecordId(now: number = Date.now()): string {
  const ms = Math.max(now, lastMs + 1);
  lastMs = ms;
  return `${compactTime(ms)}-${randomBytes(4).toString('hex')}`;
}

export const RECORD_ID = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/;

/** The time encoded in a record id (ms since epoch). */
export function recordIdTime(id: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(id);
  if (!m) return NaN;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7]);
}
