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
  const budget = Math.floor(options.maxErrorRate * samples + 1e-9);
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
      const failed = taken.filter((entry) => !entry.ok).length;
      if (failed > budget && !tripped) {
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
