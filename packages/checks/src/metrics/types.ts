/** What a metric provider is asked at the end of each canary step. */
export interface MetricContext {
  /** The slot receiving the canary's share, its release, the environment and the step's weight (filled into `{slot}`, `{release}`, `{environment}`, `{weight}`). */
  slot: string;
  release: string;
  environment: string;
  weight: number;
  /** When the step's weight was set (epoch ms): a provider reading a time series looks from here to now. */
  since: number;
}

export interface MetricResult {
  /** How the ledger and the abort name it: `prometheus error-ratio`. */
  name: string;
  /** The value read, or undefined when there was none. */
  value?: number;
  threshold: number;
  passed: boolean;
  /** Why it failed, or what it read (the query as sent, no credentials). */
  detail: string;
}

/**
 * A source of evidence about the new slot beyond the probes: a query evaluated at the end of every
 * canary step, compared with a threshold. One file per provider, built by createMetricProviders.
 */
export interface MetricProvider {
  readonly type: 'prometheus' | 'cloudwatch';
  readonly name: string;
  evaluate(context: MetricContext, signal?: AbortSignal): Promise<MetricResult>;
}

/** Fills `{slot}`, `{release}`, `{environment}` and `{weight}` in a query. */
export function fillQuery(query: string, context: MetricContext): string {
  return query.replace(/\{(slot|release|environment|weight)\}/g, (_match, key: keyof MetricContext) => String(context[key]));
}
