import { backoffDelay, formatDuration, mapLimit, sleep } from '@shipkit/core';
import { assertCors, assertResponse, preflightHeaders } from './assert.js';
import { HttpError, request, type HttpErrorKind } from './http.js';
import { displayUrl, type Check, type SmokeSettings } from './spec.js';

export interface ProbeResult {
  ok: boolean;
  failures: string[];
  status?: number;
  latencyMs?: number;
  errorKind?: HttpErrorKind;
  certDaysLeft?: number;
}

export interface StabilityResult {
  samples: number;
  errors: number;
  errorRate: number;
  p50Ms?: number;
  p95Ms?: number;
  maxMs?: number;
  passed: boolean;
  failures: string[];
  /** Distinct reasons of failed samples, with counts. */
  errorReasons: Array<{ reason: string; count: number }>;
}

export interface CheckResult {
  name: string;
  url: string;
  method: string;
  passed: boolean;
  /** Passed the readiness phase. */
  ready: boolean;
  status?: number;
  latencyMs?: number;
  attempts: number;
  /** Time until the check was ready (or gave up). */
  readyAfterMs: number;
  failures: string[];
  errorKind?: HttpErrorKind;
  certDaysLeft?: number;
  stability?: StabilityResult;
}

export interface SmokeReport {
  passed: boolean;
  startedAt: string;
  durationMs: number;
  settings: { timeoutMs: number; requestTimeoutMs: number; samples: number; maxErrorRate: number; maxP95Ms?: number; concurrency: number; insecure: boolean };
  checks: CheckResult[];
  failedChecks: string[];
}

export interface RunOptions {
  log?: (line: string) => void;
  /** Backoff between readiness attempts: base doubles per attempt up to max, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

/** One attempt of a check: the request, its assertions, and the CORS preflight when asked for. */
export async function probe(check: Check, insecure: boolean, signal?: AbortSignal): Promise<ProbeResult> {
  try {
    const response = await request({
      url: check.url,
      method: check.method,
      headers: check.headers,
      body: check.body,
      timeoutMs: check.requestTimeoutMs,
      followRedirects: check.followRedirects,
      maxRedirects: check.maxRedirects,
      insecure,
      signal,
    });
    const failures = assertResponse(check, response);
    if (check.cors) {
      const preflight = await request({ url: response.url, method: 'OPTIONS', headers: preflightHeaders(check.cors), timeoutMs: check.requestTimeoutMs, insecure, signal });
      failures.push(...assertCors(check.cors, preflight));
    }
    return { ok: failures.length === 0, failures, status: response.status, latencyMs: response.latencyMs, certDaysLeft: response.certDaysLeft };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { ok: false, failures: [error.message], errorKind: error.kind, latencyMs: error.latencyMs };
  }
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (!sorted.length) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Summarises stability samples and decides them against the limits. */
export function stabilityOf(samples: readonly ProbeResult[], maxErrorRate: number, maxP95Ms?: number): StabilityResult {
  const latencies = samples.filter((sample) => sample.status !== undefined && sample.latencyMs !== undefined).map((sample) => sample.latencyMs!).sort((a, b) => a - b);
  const failed = samples.filter((sample) => !sample.ok);
  const errorRate = samples.length ? failed.length / samples.length : 0;
  const reasons = new Map<string, number>();
  for (const sample of failed) {
    const reason = sample.failures[0] ?? 'failed';
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const result: StabilityResult = {
    samples: samples.length,
    errors: failed.length,
    errorRate,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    maxMs: latencies.length ? latencies[latencies.length - 1] : undefined,
    passed: true,
    failures: [],
    errorReasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
  };
  if (errorRate > maxErrorRate) {
    const top = result.errorReasons[0];
    result.failures.push(`error rate ${percent(errorRate)} (${failed.length}/${samples.length}) is above max-error-rate ${percent(maxErrorRate)}${top ? `; most common: ${top.reason} (${top.count}x)` : ''}`);
  }
  if (maxP95Ms !== undefined && result.p95Ms !== undefined && result.p95Ms > maxP95Ms) {
    result.failures.push(`p95 latency ${result.p95Ms}ms is above max-p95 ${maxP95Ms}ms`);
  }
  if (maxP95Ms !== undefined && result.p95Ms === undefined && samples.length) result.failures.push('no sample got a response, so p95 latency is unknown');
  result.passed = result.failures.length === 0;
  return result;
}

function percent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(2))}%`;
}

/** A check as the log names it: its name and the URL it requests (credentials never shown). */
function label(check: Check): string {
  const url = displayUrl(check.url);
  return check.name === url ? url : `${check.name} (${check.method} ${url})`;
}

/** What readiness waits out: no answer (connection refused, reset, timeout) or an answer that says "not yet" (404, 408, 425, 429, 5xx). */
export function notReadyYet(probe: ProbeResult): boolean {
  if (probe.errorKind !== undefined || probe.status === undefined) return true;
  return probe.status >= 500 || [404, 408, 425, 429].includes(probe.status);
}

/**
 * Runs the checks: readiness first (each check retried with exponential backoff and jitter until
 * the overall deadline, which also cancels any request still in flight), then for ready checks
 * the optional stability phase (`samples` sequential requests each, within a budget of `timeout`
 * of its own). Checks run concurrently, at most `concurrency` at once.
 */
export async function runSmoke(checks: readonly Check[], settings: SmokeSettings, options: RunOptions = {}): Promise<SmokeReport> {
  const log = options.log ?? ((): void => undefined);
  const startedAt = new Date();
  const started = performance.now();
  const deadline = started + settings.timeoutMs;
  const controller = new AbortController();
  const deadlineTimer = setTimeout(() => controller.abort(), settings.timeoutMs);
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 10_000;

  const readiness = async (check: Check): Promise<CheckResult> => {
    const checkStarted = performance.now();
    let attempts = 0;
    let last: ProbeResult | undefined;
    let lastReal: ProbeResult | undefined;
    while (!controller.signal.aborted) {
      attempts++;
      last = await probe(check, settings.insecure, controller.signal);
      if (last.errorKind !== 'aborted') lastReal = last;
      if (last.ok) {
        log(`✓ ${label(check)}: ${last.status} in ${last.latencyMs}ms (attempt ${attempts})`);
        return { ...baseResult(check, attempts, checkStarted), ...fromProbe(last), passed: true, ready: true };
      }
      // An answer that fails its assertions (200 with the wrong JSON) will not change by waiting: fail now.
      if (!settings.retryAssertions && !notReadyYet(last)) {
        log(`✗ ${label(check)}: ${last.failures.join('; ')} (not retried: the server answered; set retry-assertions to wait for this answer to change)`);
        return { ...baseResult(check, attempts, checkStarted), ...fromProbe(last), passed: false, ready: false, failures: last.failures };
      }
      const left = deadline - performance.now();
      const delay = Math.min(backoffDelay(attempts, base, max, options.random), left);
      if (left - delay < 50) break;
      log(`… ${label(check)}: ${last.failures[0]} — attempt ${attempts}, retrying in ${delay}ms`);
      await sleep(delay, controller.signal);
    }
    const timeoutText = `not ready within the overall timeout of ${formatDuration(settings.timeoutMs)}`;
    let failures: string[];
    if (!last) failures = [`${timeoutText}: the check never started (raise concurrency or timeout)`];
    else if (last.errorKind === 'aborted') {
      failures = lastReal ? [...lastReal.failures, `${timeoutText} (the last attempt was cancelled at the deadline)`] : [`${timeoutText}: no response before the deadline cancelled the request`];
    } else failures = last.failures;
    const shown = last?.errorKind === 'aborted' ? lastReal : last;
    log(`✗ ${label(check)}: ${failures.join('; ')} (${attempts} attempt${attempts === 1 ? '' : 's'})`);
    return { ...baseResult(check, attempts, checkStarted), ...(shown ? fromProbe(shown) : {}), errorKind: shown?.errorKind ?? last?.errorKind, passed: false, ready: false, failures };
  };

  // The stability phase of each check gets a budget of its own (`timeout` again): samples are
  // sequential, so without it many hung samples could add up to far more than the deadline.
  const stability = async (check: Check, result: CheckResult): Promise<CheckResult> => {
    const samples: ProbeResult[] = [];
    const budget = new AbortController();
    const budgetTimer = setTimeout(() => budget.abort(), settings.timeoutMs);
    try {
      for (let index = 0; index < settings.samples && !budget.signal.aborted; index++) {
        const sample = await probe(check, settings.insecure, budget.signal);
        if (sample.errorKind !== 'aborted') samples.push(sample);
      }
    } finally {
      clearTimeout(budgetTimer);
    }
    const summary = stabilityOf(samples, settings.maxErrorRate, settings.maxP95Ms);
    if (samples.length < settings.samples) {
      summary.failures.push(`only ${samples.length} of ${settings.samples} samples finished within the timeout of ${formatDuration(settings.timeoutMs)}`);
      summary.passed = false;
    }
    log(`${summary.passed ? '✓' : '✗'} ${check.name} stability: ${summary.samples} samples, error rate ${percent(summary.errorRate)}, p50 ${summary.p50Ms ?? '—'}ms, p95 ${summary.p95Ms ?? '—'}ms, max ${summary.maxMs ?? '—'}ms`);
    return { ...result, stability: summary, passed: summary.passed, failures: summary.failures };
  };

  try {
    const results = await mapLimit(checks, settings.concurrency, async (check) => {
      const ready = await readiness(check);
      return ready.ready && settings.samples > 0 ? stability(check, ready) : ready;
    });
    const failedChecks = results.filter((result) => !result.passed).map((result) => result.name);
    return {
      passed: failedChecks.length === 0,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - started),
      settings: { ...settings },
      checks: results,
      failedChecks,
    };
  } finally {
    clearTimeout(deadlineTimer);
  }
}

function baseResult(check: Check, attempts: number, checkStarted: number): CheckResult {
  return {
    name: check.name,
    url: displayUrl(check.url),
    method: check.method,
    passed: false,
    ready: false,
    attempts,
    readyAfterMs: Math.round(performance.now() - checkStarted),
    failures: [],
  };
}

function fromProbe(result: ProbeResult): Partial<CheckResult> {
  return { status: result.status, latencyMs: result.latencyMs, failures: result.failures, errorKind: result.errorKind, certDaysLeft: result.certDaysLeft };
}
