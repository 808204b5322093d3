import { invalidInput, ShipkitError } from '@shipkit/core';
import { PrometheusProvider } from './prometheus.js';
import type { MetricProvider } from './types.js';

/** One entry of an environment's `canary.analysis` list, as the config file holds it. */
export interface MetricConfig {
  type?: string;
  name?: string;
  url?: string;
  query?: string;
  max?: number | string;
}

/**
 * Builds the metric providers of `canary.analysis`, validating every entry (naming the field, the
 * value and what was expected) before anything changes.
 */
export function createMetricProviders(entries: readonly MetricConfig[] | undefined, field: string): MetricProvider[] {
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) throw invalidInput(field, entries, 'a list of metric checks, e.g. [{ type: prometheus, url: ..., query: ..., max: 0.05 }]');
  return entries.map((entry, index) => {
    const at = `${field}[${index}]`;
    switch (entry?.type) {
      case 'prometheus': {
        let url: URL;
        try {
          url = new URL(String(entry.url ?? ''));
        } catch {
          throw invalidInput(`${at}.url`, entry.url ?? '', 'the Prometheus server\'s http(s) URL, e.g. http://prometheus:9090');
        }
        if (!/^https?:$/.test(url.protocol)) throw invalidInput(`${at}.url`, entry.url, 'an http(s) URL');
        if (url.username || url.password) throw invalidInput(`${at}.url`, `${url.protocol}//***@${url.host}`, 'a URL without credentials (they would reach logs and the ledger)');
        if (typeof entry.query !== 'string' || !entry.query.trim()) throw invalidInput(`${at}.query`, entry.query ?? '', 'a PromQL query giving one number, e.g. sum(rate(http_requests_total{slot="{slot}",code=~"5.."}[1m])) / sum(rate(http_requests_total{slot="{slot}"}[1m]))');
        const max = typeof entry.max === 'number' ? entry.max : Number(entry.max);
        if (entry.max === undefined || entry.max === '' || !Number.isFinite(max)) throw invalidInput(`${at}.max`, entry.max ?? '', 'a number: the step fails when the query gives more');
        return new PrometheusProvider({ name: entry.name ?? `prometheus ${index + 1}`, url: url.toString(), query: entry.query, max });
      }
      default:
        throw new ShipkitError(`${at}.type has an invalid value ${JSON.stringify(entry?.type ?? '')}: expected prometheus.`);
    }
  });
}
