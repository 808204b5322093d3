import { errorMessage } from '@shipkit/core';
import { fillQuery, type MetricContext, type MetricProvider, type MetricResult } from './types.js';

export interface PrometheusOptions {
  name: string;
  /** The server's base URL, e.g. http://prometheus:9090 (the HTTP API is under /api/v1). */
  url: string;
  /** PromQL giving one number, e.g. the new slot's 5xx ratio: `sum(rate(http_requests_total{slot="{slot}",code=~"5.."}[1m])) / sum(rate(http_requests_total{slot="{slot}"}[1m]))`. */
  query: string;
  /** The step fails when the value is above this. */
  max: number;
  requestTimeoutMs?: number;
}

interface QueryAnswer {
  status?: string;
  error?: string;
  data?: { resultType?: string; result?: unknown };
}

/**
 * A Prometheus instant query (GET /api/v1/query) at the end of each step. The answer must be one
 * number (a scalar, or a vector of one sample): none (no data — the new slot got no traffic, or the
 * query names nothing) and several are failures, because neither shows the release is healthy; a
 * value above `max` (or NaN) fails the step.
 */
export class PrometheusProvider implements MetricProvider {
  readonly type = 'prometheus' as const;
  readonly name: string;

  constructor(private readonly options: PrometheusOptions) {
    this.name = options.name;
  }

  async evaluate(context: MetricContext, signal?: AbortSignal): Promise<MetricResult> {
    const query = fillQuery(this.options.query, context);
    const base = { name: this.name, threshold: this.options.max };
    const url = new URL('api/v1/query', this.options.url.endsWith('/') ? this.options.url : `${this.options.url}/`);
    url.searchParams.set('query', query);
    let answer: QueryAnswer;
    try {
      const timeout = AbortSignal.timeout(this.options.requestTimeoutMs ?? 10_000);
      const response = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, headers: { accept: 'application/json' } });
      answer = (await response.json().catch(() => ({}))) as QueryAnswer;
      if (!response.ok || answer.status !== 'success') return { ...base, passed: false, detail: `Prometheus answered HTTP ${response.status}${answer.error ? `: ${answer.error}` : ''} to ${JSON.stringify(query)}` };
    } catch (error) {
      return { ...base, passed: false, detail: `could not query Prometheus at ${url.origin}: ${errorMessage(error)}` };
    }
    const values = samplesOf(answer);
    if (values.length !== 1) {
      return { ...base, passed: false, detail: `${JSON.stringify(query)} gave ${values.length ? `${values.length} series` : 'no data'}; expected one number (aggregate it, e.g. with sum())` };
    }
    const value = values[0];
    const passed = Number.isFinite(value) && value <= this.options.max;
    return { ...base, value, passed, detail: `${JSON.stringify(query)} = ${value}${passed ? ` (at most ${this.options.max})` : `, above ${this.options.max}`}` };
  }
}

function samplesOf(answer: QueryAnswer): number[] {
  const { resultType, result } = answer.data ?? {};
  if (resultType === 'scalar' && Array.isArray(result)) return [Number(result[1])];
  if (resultType === 'vector' && Array.isArray(result)) return result.map((sample) => Number((sample as { value?: [number, string] }).value?.[1]));
  return [];
}
