import { invalidInput, parseTimeout } from '@shipkit/core';

/** How a switch moves traffic: the new slot's share at each step (ascending, ending at 100) and how long each step is analysed. */
export interface CanaryPlan {
  /** Traffic percentages for the new slot, e.g. [20, 50, 100]; [100] is a plain flip. */
  steps: number[];
  /** How long each step before the last is analysed. */
  stepDurationMs: number;
}

export const DEFAULT_STEPS = [100] as const;
export const DEFAULT_STEP_DURATION = '60s';

const EXPECTED_STEPS = 'ascending whole percentages between 1 and 100, separated by commas, ending at 100 (e.g. 10,50,100; 100 is a plain flip)';

/**
 * Parses `steps`: an input (`10,50,100`, spaces or commas) or a config list. Refused (naming the
 * field and the value) unless every step is a whole number 1-100, each larger than the one
 * before, and the last is 100 — a canary that never reaches 100% would leave the environment
 * split between two releases.
 */
export function parseSteps(value: string | readonly (number | string)[], field: string): number[] {
  const shown = typeof value === 'string' ? value : value.join(',');
  const parts = typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value.map(String);
  if (!parts.length) throw invalidInput(field, shown, EXPECTED_STEPS);
  const steps: number[] = [];
  for (const part of parts) {
    const text = part.trim().replace(/%$/, '');
    const step = Number(text);
    if (!/^\d+$/.test(text) || step < 1 || step > 100) throw invalidInput(field, shown, `${EXPECTED_STEPS}; ${JSON.stringify(part)} is not a whole percentage between 1 and 100`);
    if (steps.length && step <= steps[steps.length - 1]) throw invalidInput(field, shown, `${EXPECTED_STEPS}; ${step} does not come after ${steps[steps.length - 1]}`);
    steps.push(step);
  }
  if (steps[steps.length - 1] !== 100) throw invalidInput(field, shown, `${EXPECTED_STEPS}; the last step is ${steps[steps.length - 1]}, so traffic would stay split`);
  return steps;
}

export interface CanarySources {
  /** The inputs as given (undefined = not given). */
  steps?: string;
  stepDuration?: string;
  /** The environment's `canary` config section and the field prefix that names it in errors. */
  config?: { steps?: readonly (number | string)[] | string; 'step-duration'?: string };
  configField?: string;
}

/** The canary plan of a switch: inputs win over the environment's `canary` section, which wins over a plain flip. */
export function planCanary(sources: CanarySources): CanaryPlan {
  const field = sources.configField ?? 'canary';
  const steps = sources.steps !== undefined
    ? parseSteps(sources.steps, 'steps')
    : sources.config?.steps !== undefined
      ? parseSteps(sources.config.steps, `${field}.steps`)
      : [...DEFAULT_STEPS];
  const stepDurationMs = sources.stepDuration !== undefined
    ? parseTimeout(sources.stepDuration, 'step-duration')
    : parseTimeout(sources.config?.['step-duration'] ?? DEFAULT_STEP_DURATION, sources.config?.['step-duration'] !== undefined ? `${field}.step-duration` : 'step-duration');
  if (stepDurationMs > 24 * 60 * 60 * 1000) throw invalidInput(sources.stepDuration !== undefined ? 'step-duration' : `${field}.step-duration`, sources.stepDuration ?? sources.config?.['step-duration'], 'a duration of at most 24h (a GitHub job runs at most 6h)');
  return { steps, stepDurationMs };
}

/** The steps analysed before the final 100%: a plain flip has none. */
export function isCanary(plan: CanaryPlan): boolean {
  return plan.steps.length > 1;
}
