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
