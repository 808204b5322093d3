import * as runner from './runner.js';
import { errorMessage } from './errors.js';

export interface RetryOptions {
  /** Attempts in all, including the first. */
  attempts?: number;
  /** First delay; doubles each retry up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Overall deadline in ms from the first attempt; no retry starts after it. */
  deadlineMs?: number;
  /** Decides whether an error is worth another attempt (default: every error). */
  retryable?: (error: unknown) => boolean;
  /** Called before each wait, e.g. to log. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** What is being tried, for the default retry log line. */
  label?: string;
  /** Source of randomness for jitter (tests pass a fixed one). */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Waits `ms`; resolves early (never rejects) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * The wait before look number `poll` (0-based) at something that changes on its own (a rollout, an
 * operation): FIRST_POLL_MS doubling up to `maxMs`. A rollout that is done at once is seen done
 * after a quarter of a second rather than a whole one; a long one is looked at every `maxMs`
 * after the first few seconds, so the extra looks are two or three per rollout.
 */
export const FIRST_POLL_MS = 250;
export function pollDelay(poll: number, maxMs: number): number {
  return Math.min(FIRST_POLL_MS * 2 ** poll, maxMs);
}

/** Full-jitter exponential backoff: a random delay in [delay/2, delay], delay = base * 2^(attempt-1). */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Runs `fn` until it succeeds, the attempts are spent, the error is not retryable or the deadline
 * would pass; then rethrows the last error.
 */
export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 10_000;
  const wait = options.sleep ?? sleep;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= attempts || (options.retryable && !options.retryable(error))) throw error;
      let delay = backoffDelay(attempt, base, max, options.random);
      if (options.deadlineMs !== undefined) {
        const left = options.deadlineMs - (Date.now() - started);
        if (left <= 0) throw error;
        delay = Math.min(delay, left);
      }
      if (options.onRetry) options.onRetry(error, attempt, delay);
      else runner.info(`${options.label ?? 'Attempt'} failed (${errorMessage(error)}); retry ${attempt}/${attempts - 1} in ${delay}ms`);
      await wait(delay);
    }
  }
}
