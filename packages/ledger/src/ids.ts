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

/**
 * Ledger order: every record written since sequences exist carries `seq`, its position in the
 * environment's ledger, claimed by a conditional create of the key that names it. Keys under
 * `records/` (see recordName):
 * - `<seq, 12 digits>.json` on stores that honour If-None-Match: record N+1 is created there with
 *   `If-None-Match: *`, so two writers cannot both get N+1 (the loser re-reads and takes the next);
 * - `<seq>-<id>.json` on stores that ignore conditional writes (s3rver): the seq is best effort
 *   (two writers may both take N+1; they are then ordered by id), the key stays unique so nothing is overwritten;
 * - `<id>.json`: records written before sequences; they come first, in id order.
 */
export const SEQ_DIGITS = 12;
const SEQ_NAME = new RegExp(`^(\\d{${SEQ_DIGITS}})(?:-(\\d{8}T\\d{9}Z-[0-9a-f]{8}))?$`);

/** The object name (without `.json`) of a record: `000000000042` (conditional stores), `000000000042-<id>` (others), `<id>` (no sequence). */
export function recordName(seq: number | undefined, id?: string): string {
  if (seq === undefined) {
    if (!id) throw new Error('recordName: a record without a sequence number needs its id');
    return id;
  }
  if (!Number.isSafeInteger(seq) || seq < 1 || String(seq).length > SEQ_DIGITS) throw new Error(`recordName: sequence number ${seq} is not an integer from 1 to ${'9'.repeat(SEQ_DIGITS)}`);
  const padded = String(seq).padStart(SEQ_DIGITS, '0');
  return id ? `${padded}-${id}` : padded;
}

/** What a record's object name says: its sequence number and/or its id; undefined for names that are not records. */
export function parseRecordName(name: string): { seq?: number; id?: string } | undefined {
  if (RECORD_ID.test(name)) return { id: name };
  const match = SEQ_NAME.exec(name);
  if (!match) return undefined;
  return { seq: Number(match[1]), ...(match[2] ? { id: match[2] } : {}) };
}
