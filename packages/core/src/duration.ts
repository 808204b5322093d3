import { invalidInput } from './errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/**
 * Parses durations such as `500ms`, `90s`, `5m`, `1h30m` or a bare number of seconds.
 * Returns milliseconds; `name` is used in the error.
 */
export function parseDuration(text: string, name = 'duration'): number {
  const value = String(text).trim();
  if (/^\d+(?:\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const compact = value.replace(/\s+/g, '');
  let total = 0;
  let consumed = 0;
  for (const match of compact.matchAll(PART)) {
    if (match.index !== consumed) break;
    total += Number(match[1]) * UNIT_MS[match[2]];
    consumed += match[0].length;
  }
  if (consumed === 0 || consumed !== compact.length) {
    throw invalidInput(name, text, 'a duration such as 500ms, 90s, 5m or 1h30m');
  }
  if (total > MAX_DURATION_MS) throw invalidInput(name, text, 'a duration of at most 24h (every duration shipkit takes is a timer)');
  return Math.round(total);
}

/** The longest duration shipkit accepts: every one is a timer (Node's timers overflow past 24.8 days; no job runs a day). */
export const MAX_DURATION_MS = 24 * 3_600_000;

/** A timeout: a duration greater than zero (and at most 24h). */
export function parseTimeout(text: string, name = 'timeout'): number {
  const ms = parseDuration(text, name);
  if (ms <= 0) throw invalidInput(name, text, 'a duration greater than zero, such as 10s or 2m');
  return ms;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds ? `${minutes}m${seconds}s` : `${minutes}m`;
}

const AGE_UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
/** The longest age shipkit accepts (older-than): a year. */
export const MAX_AGE_MS = 365 * 86_400_000;

/**
 * An age such as `14d`, `2w`, `1w3d` or `36h` (whole weeks, days, hours, minutes or seconds), greater than zero and
 * at most a year: how long ago something last changed (remove-preview's older-than). Unlike a
 * duration it is never a timer, so it is not capped at 24 h.
 */
export function parseAge(text: string, name = 'age'): number {
  const value = String(text).trim().replace(/\s+/g, '');
  const expected = 'an age in whole weeks, days, hours, minutes or seconds, greater than zero and at most a year (365d or 52w), such as 14d, 2w or 1w3d';
  if (!/^(\d+[wdhms])+$/.test(value)) throw invalidInput(name, text, expected);
  let total = 0;
  for (const match of value.matchAll(/(\d+)([wdhms])/g)) total += Number(match[1]) * AGE_UNIT_MS[match[2]];
  if (total <= 0 || total > MAX_AGE_MS) throw invalidInput(name, text, expected);
  return total;
}
