/**
 * The canary step decision with evidence: seeded samples (a fixed PRNG, so every run of this test
 * sees the same requests) through the decision analyseStep takes, with the documented defaults.
 */
import { describe, expect, test } from '@jest/globals';
import { resolveSettings } from '../src/spec.js';
import { decideStep, DEFAULT_STEP_SAMPLES, errorBudget, MIN_STEP_SAMPLES, stepPassProbability } from '../src/analysis.js';

/** The error budget a switch resolves when nothing sets max-error-rate. */
const DEFAULT_MAX_ERROR_RATE = resolveSettings({ insecure: false }).maxErrorRate;

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Requests of a release failing `failureRate` of them, as the step would see them. */
function* requests(random: () => number, failureRate: number): Generator<boolean> {
  for (;;) yield random() >= failureRate;
}

/** How many of `runs` first steps abort, each with its own seeded requests. */
function abortedOf(runs: number, failureRate: number, samples = DEFAULT_STEP_SAMPLES, maxErrorRate = DEFAULT_MAX_ERROR_RATE): number {
  let aborted = 0;
  for (let run = 0; run < runs; run++) if (!decideStep(requests(prng(1000 + run), failureRate), samples, maxErrorRate).passed) aborted++;
  return aborted;
}

describe('canary step decision', () => {
  test('the documented defaults: 150 samples per check, a 5% error budget (7 failures tolerated), at least 20 samples', () => {
    expect(DEFAULT_STEP_SAMPLES).toBe(150);
    expect(DEFAULT_MAX_ERROR_RATE).toBe(0.05);
    expect(errorBudget(DEFAULT_STEP_SAMPLES, DEFAULT_MAX_ERROR_RATE)).toBe(7);
    expect(MIN_STEP_SAMPLES).toBe(20);
  });

  test('a release failing 10% of requests (twice the budget) is aborted at the first step in at least 95 of 100 runs', () => {
    expect(abortedOf(100, 0.1)).toBeGreaterThanOrEqual(95);
  });

  test('a release failing 1% of requests is (almost) never aborted: at most 2 of 100 runs', () => {
    expect(abortedOf(100, 0.01)).toBeLessThanOrEqual(2);
  });

  test('the old defaults (20 samples) let the same failing release through most of the time the issue measured', () => {
    expect(abortedOf(100, 0.1, 20)).toBeLessThan(80);
  });

  test('an abort comes as soon as the budget is spent, not after the step', () => {
    const failing = [true, false, false, false, false, false, false, false, false];
    expect(decideStep(failing, DEFAULT_STEP_SAMPLES, DEFAULT_MAX_ERROR_RATE)).toEqual({ passed: false, taken: 9, failures: 8 });
  });

  // The power table in docs/design.md: the chance a step passes, per samples and failure rate (5% budget).
  test.each([
    [20, 0.1, 0.392],
    [50, 0.1, 0.112],
    [100, 0.1, 0.058],
    [150, 0.1, 0.014],
    [150, 0.05, 0.523],
    [150, 0.02, 0.989],
    [200, 0.1, 0.008],
  ])('%i samples, %f failing: passes with probability %f', (samples, failureRate, expected) => {
    expect(stepPassProbability(samples, DEFAULT_MAX_ERROR_RATE, failureRate)).toBeCloseTo(expected, 3);
  });
});
