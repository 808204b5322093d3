import { analyseStep, analysisSummary, createMetricProviders, DEFAULT_STEP_SAMPLES, environmentChecks, MIN_STEP_SAMPLES, Redactor, resolveSettings, type AnalysisTarget, type MetricProvider, type MetricResult } from '@shipkit/checks';
import { runner, environmentConfig, invalidInput, ShipkitError, type LoadedConfig } from '@shipkit/core';
import type { ResolvedEnvironment } from '@shipkit/environments';
import { isCanary, planCanary, type CanaryOptions, type CanaryPlan, type SlotName } from '@shipkit/routers';

export { DEFAULT_STEP_SAMPLES };

export interface CanarySettings {
  plan: CanaryPlan;
  samples: number;
  maxErrorRate: number;
  maxP95Ms?: number;
  /** canary.analysis: metric checks evaluated at the end of every step. */
  metrics: MetricProvider[];
}

/**
 * The switch's canary settings, all validated before anything changes: steps and step-duration
 * (inputs, else the environment's `canary` section, else a flip), and the analysis limits
 * (`canary` over the environment's `smoke` section; error budget 5% by default).
 */
export function canarySettings(loaded: LoadedConfig | undefined, env: ResolvedEnvironment, inputs: { steps?: string; stepDuration?: string }): CanarySettings {
  const own = loaded ? environmentConfig(loaded, env.name) : undefined;
  const field = `${env.file ? `${env.file}: ` : ''}environments.${env.name}.canary`;
  const plan = planCanary({ steps: inputs.steps, stepDuration: inputs.stepDuration, config: own?.canary, configField: field });
  const canary = own?.canary ?? {};
  const smoke = { ...(loaded?.config.smoke ?? {}), ...(own?.smoke ?? {}) };
  const settings = resolveSettings({ insecure: false }, { samples: canary.samples, 'max-error-rate': canary['max-error-rate'], 'max-p95': canary['max-p95'] }, smoke);
  const samples = settings.samples || DEFAULT_STEP_SAMPLES;
  // Too few samples make the analysis a coin toss: refused (only when steps are asked for), naming where the number came from.
  if (isCanary(plan) && samples < MIN_STEP_SAMPLES) {
    const from = canary.samples !== undefined ? `${field}.samples` : own?.smoke?.samples !== undefined ? `${env.file ? `${env.file}: ` : ''}environments.${env.name}.smoke.samples` : `${env.file ? `${env.file}: ` : ''}smoke.samples`;
    throw invalidInput(from, samples, `at least ${MIN_STEP_SAMPLES} requests per check and URL in each canary step (the default ${DEFAULT_STEP_SAMPLES} aborts a release failing twice the error budget at its first step 98.6% of the time; see docs/design.md)`);
  }
  const envField = `${env.file ? `${env.file}: ` : ''}environments.${env.name}`;
  const metrics = createMetricProviders(canary.analysis, `${field}.analysis`, {
    router: env.router,
    targetGroups: { blue: env.slots?.blue?.['target-group-arn'], green: env.slots?.green?.['target-group-arn'] },
    field: envField,
  });
  return { plan, samples, maxErrorRate: settings.maxErrorRate, maxP95Ms: settings.maxP95Ms, metrics };
}

/**
 * The canary options for switchTraffic: each step runs the environment's smoke checks against the
 * new slot's own URL and against the live URL, for the step's duration. Undefined for a flip.
 */
export function canaryOptions(loaded: LoadedConfig | undefined, env: ResolvedEnvironment, settings: CanarySettings, liveUrl: string | undefined): CanaryOptions | undefined {
  if (!isCanary(settings.plan)) return undefined;
  if (!loaded) throw new ShipkitError('Traffic steps need the config file (the environment\'s slots and smoke checks).');
  const redactor = new Redactor();
  const slotUrl = (slot: SlotName): string => {
    const url = env.slots?.[slot]?.url;
    if (!url) {
      throw new ShipkitError(`environments.${env.name}.slots.${slot}.url is required to move traffic in steps: each step is analysed against the new slot's own URL.`, {
        hint: `Add the slot's test URL to ${env.file ?? '.github/shipkit.yml'}, or switch without steps.`,
      });
    }
    return url;
  };
  // Built (and validated) once per slot, before anything changes; every step of the switch reuses them.
  const built = new Map<SlotName, AnalysisTarget[]>();
  const targetsFor = (slot: SlotName): AnalysisTarget[] => {
    if (!built.has(slot)) {
      const targets: AnalysisTarget[] = [{ name: `slot ${slot}`, checks: environmentChecks(loaded, env.name, slotUrl(slot), redactor).checks }];
      if (liveUrl) targets.push({ name: 'live', checks: environmentChecks(loaded, env.name, liveUrl, redactor).checks });
      built.set(slot, targets);
    }
    return built.get(slot)!;
  };
  return {
    plan: settings.plan,
    check: (slot) => {
      targetsFor(slot);
    },
    analyse: async ({ slot, release, weight }) => {
      // The step's weight is set: a metric provider reading a time series looks from here on.
      const since = Date.now();
      const targets = targetsFor(slot);
      const result = await analyseStep({
        targets,
        durationMs: settings.plan.stepDurationMs,
        samples: settings.samples,
        maxErrorRate: settings.maxErrorRate,
        maxP95Ms: settings.maxP95Ms,
        log: (line) => runner.info(redactor.redact(line)),
      });
      // The metric checks, at the end of a step the probes passed: any over its threshold fails it.
      const metrics: MetricResult[] = [];
      if (result.passed) {
        for (const provider of settings.metrics) {
          const metric = await provider.evaluate({ slot, release, environment: env.name, weight, since });
          runner.info(redactor.redact(`${metric.passed ? '✓' : '✗'} ${metric.name}: ${metric.detail}`));
          metrics.push(metric);
          if (!metric.passed) break;
        }
      }
      const failedMetric = metrics.find((metric) => !metric.passed);
      // Nothing a check carries (a header's token, a URL's password) reaches the ledger.
      const summary = JSON.parse(redactor.redact(JSON.stringify({ ...analysisSummary(result), passed: result.passed && !failedMetric, ...(metrics.length ? { metrics: metrics.map(({ name, value, threshold, passed }) => ({ name, value: value ?? null, threshold, passed })) } : {}) }))) as Record<string, unknown>;
      return {
        passed: result.passed && !failedMetric,
        summary,
        failedCheck: result.failed ? `${result.failed.check} (${result.failed.target})` : failedMetric?.name,
        reason: result.failed ? redactor.redact(result.failed.reasons.join('; ')) : failedMetric ? redactor.redact(failedMetric.detail) : undefined,
      };
    },
  };
}
