import { mapLimit, sleep } from '@shipkit/core';
import { probe, stabilityOf, type ProbeResult, type StabilityResult } from './run.js';
import { displayUrl, type Check } from './spec.js';

/** What one canary step analyses: the checks against one base URL (the new slot's own URL, or the live URL). */
export interface AnalysisTarget {
  /** How the log and the ledger name it: `new slot green`, `live`. */
  name: string;
  checks: Check[];
}

export interface AnalysisOptions {
  targets: AnalysisTarget[];
  /** The step's duration: samples are spread over it, and a passing step lasts all of it. */
  durationMs: number;
  /** Requests per check and target during the step. */
  samples: number;
  /** The error budget (0-1): more failed samples than this share fails the step, as soon as the budget is spent. */
  maxErrorRate: number;
  maxP95Ms?: number;
  insecure?: boolean;
  log?: (line: string) => void;
  /** Injected for tests; default Date.now. */
  now?: () => number;
}

export interface CheckAnalysis {
  target: string;
  check: string;
  url: string;
  stability: StabilityResult;
}

export interface AnalysisResult {
  passed: boolean;
  durationMs: number;
  checks: CheckAnalysis[];
  /** The first check that failed the step (for the ledger and the abort message). */
  failed?: { target: string; check: string; reasons: string[] };
}

/**
 * Requests per check and URL in a canary step when neither canary.samples nor smoke.samples
 * says. With the default 5% error budget, a release failing 10% of requests (twice the budget)
 * passes a step with probability 1.4% (power 98.6%), and one failing 2% is aborted 1.1% of the
 * time (see stepPassProbability and docs/design.md).
 */
export const DEFAULT_STEP_SAMPLES = 150;
/** Fewer samples per step are refused: below 20 the decision is close to a coin toss (20 at a 5% budget: a 10% failure rate passes 39% of steps). */
export const MIN_STEP_SAMPLES = 20;

/** Failed samples a step tolerates: floor(maxErrorRate × samples); one more fails it. */
export function errorBudget(samples: number, maxErrorRate: number): number {
  return Math.floor(maxErrorRate * samples + 1e-9);
}

/**
 * The decision of one check in one step, as analyseStep takes it, over outcomes in the order they
 * arrive (true = the request passed): the step fails at the first sample that makes the failures
 * exceed the budget, and passes when all `samples` are taken within it.
 */
export function decideStep(outcomes: Iterable<boolean>, samples: number, maxErrorRate: number): { passed: boolean; taken: number; failures: number } {
  const budget = errorBudget(samples, maxErrorRate);
  let taken = 0;
  let failures = 0;
  for (const ok of outcomes) {
    if (taken >= samples) break;
    taken++;
    if (!ok) failures++;
    if (failures > budget) return { passed: false, taken, failures };
  }
  return { passed: true, taken, failures };
}

/** The chance a step passes when each request fails independently with `failureRate`: P(Binomial(samples, failureRate) ≤ budget). */
export function stepPassProbability(samples: number, maxErrorRate: number, failureRate: number): number {
  const budget = errorBudget(samples, maxErrorRate);
  let total = 0;
  let term = (1 - failureRate) ** samples; // P(X = 0)
  for (let k = 0; k <= budget; k++) {
    total += term;
    term *= ((samples - k) / (k + 1)) * (failureRate / (1 - failureRate));
  }
  return Math.min(1, total);
}

/**
 * Analyses one step of a canary: every check runs `samples` times against every target, spread
 * evenly over `durationMs`; each check's samples are judged like smoke-test's stability phase
 * (error rate against `maxErrorRate`, p95 against `maxP95Ms`). The step fails as soon as one
 * check has spent its error budget (more failures than `maxErrorRate × samples` can never pass):
 * the other checks stop, so a bad release gets as little traffic as possible. A passing step
 * lasts the whole duration.
 */
export async function analyseStep(options: AnalysisOptions): Promise<AnalysisResult> {
  const now = options.now ?? Date.now;
  const started = now();
  const samples = Math.max(1, options.samples);
  const budget = errorBudget(samples, options.maxErrorRate);
  const interval = options.durationMs / samples;
  const stop = new AbortController();
  let tripped: { target: string; check: string; reasons: string[] } | undefined;
  const pairs = options.targets.flatMap((target) => target.checks.map((check) => ({ target, check })));

  const results = await mapLimit(pairs, Math.max(1, pairs.length), async ({ target, check }): Promise<CheckAnalysis> => {
    const taken: ProbeResult[] = [];
    for (let index = 0; index < samples && !stop.signal.aborted; index++) {
      const wait = started + index * interval - now();
      if (wait > 0) await sleep(wait, stop.signal);
      if (stop.signal.aborted) break;
      const sample = await probe(check, options.insecure ?? false, stop.signal);
      if (sample.errorKind === 'aborted') break;
      taken.push(sample);
      // The one decision (decideStep): failures past the budget fail the step at once.
      const decision = decideStep(taken.map((entry) => entry.ok), samples, options.maxErrorRate);
      const failed = decision.failures;
      if (!decision.passed && !tripped) {
        tripped = { target: target.name, check: check.name, reasons: [`${failed} of ${taken.length} requests failed (budget ${budget} of ${samples}); last: ${sample.failures[0] ?? 'failed'}`] };
        options.log?.(`✗ ${target.name}: ${check.name} spent its error budget (${tripped.reasons[0]})`);
        stop.abort();
      }
    }
    const stability = stabilityOf(taken, options.maxErrorRate, options.maxP95Ms);
    return { target: target.name, check: check.name, url: displayUrl(check.url), stability };
  });

  // A passing step lasts its whole duration: the bake time is what makes the analysis worth something.
  if (!tripped) {
    const left = started + options.durationMs - now();
    if (left > 0) await sleep(left);
  }
  const failing = results.find((result) => !result.stability.passed);
  const failed = tripped ?? (failing ? { target: failing.target, check: failing.check, reasons: failing.stability.failures } : undefined);
  for (const result of results) {
    const s = result.stability;
    options.log?.(`${s.passed ? '✓' : '✗'} ${result.target}: ${result.check} — ${s.samples} requests, error rate ${Number((s.errorRate * 100).toFixed(2))}%, p95 ${s.p95Ms ?? '—'}ms`);
  }
  return { passed: !failed, durationMs: now() - started, checks: results, failed };
}

/** The analysis as the ledger keeps it: per check, the counts and latencies (no bodies, no headers). */
export function analysisSummary(result: AnalysisResult): Record<string, unknown> {
  return {
    passed: result.passed,
    durationMs: result.durationMs,
    checks: result.checks.map((entry) => ({
      target: entry.target,
      check: entry.check,
      samples: entry.stability.samples,
      errors: entry.stability.errors,
      errorRate: entry.stability.errorRate,
      p95Ms: entry.stability.p95Ms,
      passed: entry.stability.passed,
    })),
    ...(result.failed ? { failedCheck: result.failed.check, failedTarget: result.failed.target, reason: result.failed.reasons.join('; ') } : {}),
  };
}
