import { invalidInput, ShipkitError } from '@shipkit/core';
import { albDimensions, CloudWatchProvider, DEFAULT_MIN_REQUESTS } from './cloudwatch.js';
import { PrometheusProvider } from './prometheus.js';
import type { MetricProvider } from './types.js';

/** One entry of an environment's `canary.analysis` list, as the config file holds it. */
export interface MetricConfig {
  type?: string;
  name?: string;
  url?: string;
  query?: string;
  max?: number | string;
  /** cloudwatch: requests the step's window needs before its 5xx rate counts. */
  'min-requests'?: number | string;
  /** cloudwatch: the CloudWatch API's endpoint (default AWS_ENDPOINT_URL_CLOUDWATCH, then AWS itself). */
  endpoint?: string;
}

/** What a metric provider needs of the environment: the ALB router and the slots' target groups (cloudwatch), with their config fields for errors. */
export interface MetricEnvironment {
  router?: { type?: string; 'listener-arn'?: string };
  targetGroups?: Partial<Record<'blue' | 'green', string>>;
  /** Config field prefix of the environment, e.g. `.github/shipkit.yml: environments.prod`. */
  field: string;
}

/**
 * Builds the metric providers of `canary.analysis`, validating every entry (naming the field, the
 * value and what was expected) before anything changes.
 */
export function createMetricProviders(entries: readonly MetricConfig[] | undefined, field: string, environment?: MetricEnvironment): MetricProvider[] {
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) throw invalidInput(field, entries, 'a list of metric checks, e.g. [{ type: prometheus, url: ..., query: ..., max: 0.05 }]');
  return entries.map((entry, index) => {
    const at = `${field}[${index}]`;
    switch (entry?.type) {
      case 'prometheus': {
        const url = checkUrl(entry.url, `${at}.url`, 'the Prometheus server\'s http(s) URL, e.g. http://prometheus:9090');
        if (typeof entry.query !== 'string' || !entry.query.trim()) throw invalidInput(`${at}.query`, entry.query ?? '', 'a PromQL query giving one number, e.g. sum(rate(http_requests_total{slot="{slot}",code=~"5.."}[1m])) / sum(rate(http_requests_total{slot="{slot}"}[1m]))');
        const max = numberField(entry.max, `${at}.max`, 'a number: the step fails when the query gives more');
        return new PrometheusProvider({ name: entry.name ?? `prometheus ${index + 1}`, url: url.toString(), query: entry.query, max });
      }
      case 'cloudwatch': {
        for (const other of ['url', 'query'] as const) {
          if (entry[other] !== undefined) throw invalidInput(`${at}.${other}`, entry[other], 'nothing: a cloudwatch check reads the new slot\'s target group metrics (HTTPCode_Target_5XX_Count / RequestCount), it takes max and min-requests');
        }
        const max = numberField(entry.max, `${at}.max`, 'the highest 5xx rate a step may show, a number from 0 to 1 (e.g. 0.05) or a percentage such as 5%', true);
        const minRequests = entry['min-requests'] === undefined ? DEFAULT_MIN_REQUESTS : Number(entry['min-requests']);
        if (entry['min-requests'] === '' || !Number.isInteger(minRequests) || minRequests < 1) throw invalidInput(`${at}.min-requests`, entry['min-requests'] ?? '', `a whole number of requests of at least 1 (default ${DEFAULT_MIN_REQUESTS}): a step whose window saw fewer fails, since no traffic shows nothing`);
        if (entry.endpoint !== undefined) checkUrl(entry.endpoint, `${at}.endpoint`, 'the CloudWatch API\'s http(s) URL, e.g. https://monitoring.us-east-1.amazonaws.com');
        const env = environment?.field ?? 'the environment';
        const listenerArn = environment?.router?.['listener-arn'];
        if (environment?.router?.type !== 'alb' || !listenerArn) {
          throw invalidInput(`${env}.router.type`, environment?.router?.type ?? '', 'alb for a cloudwatch check: it reads the metrics of the new slot\'s target group behind the listener (router.listener-arn, slots.<slot>.target-group-arn)');
        }
        const targetGroups = {} as Record<'blue' | 'green', string>;
        let loadBalancer = '';
        let region: string | undefined;
        for (const slot of ['blue', 'green'] as const) {
          const arn = environment.targetGroups?.[slot] ?? '';
          const dimensions = albDimensions(listenerArn, arn);
          if (!dimensions.loadBalancer) throw invalidInput(`${env}.router.listener-arn`, listenerArn, 'the ARN of an application load balancer\'s listener (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>): CloudWatch publishes target group 5xx counts for application load balancers');
          if (!dimensions.targetGroup) throw invalidInput(`${env}.slots.${slot}.target-group-arn`, arn, 'a target group ARN such as arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-blue/73e2d6bc24d8a067');
          targetGroups[slot] = dimensions.targetGroup;
          loadBalancer = dimensions.loadBalancer;
          region = dimensions.region;
        }
        return new CloudWatchProvider({ name: entry.name ?? `cloudwatch ${index + 1}`, max, minRequests, loadBalancer, targetGroups, region, endpoint: entry.endpoint });
      }
      default:
        throw new ShipkitError(`${at}.type has an invalid value ${JSON.stringify(entry?.type ?? '')}: expected prometheus or cloudwatch.`);
    }
  });
}

/** A threshold: a number, or for cloudwatch a percentage such as `5%`; errors name the field, the value and what was expected. */
function numberField(value: number | string | undefined, field: string, expected: string, rate = false): number {
  const text = typeof value === 'string' ? value.trim() : value;
  const parsed = rate && typeof text === 'string' && /^\d+(\.\d+)?%$/.test(text) ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (text === undefined || text === '' || typeof text === 'boolean' || !Number.isFinite(parsed) || (rate && (parsed < 0 || parsed > 1))) throw invalidInput(field, value ?? '', expected);
  return parsed;
}

/** An http(s) URL without credentials; a refused one is never echoed with its password. */
function checkUrl(value: unknown, field: string, expected: string): URL {
  let url: URL;
  try {
    url = new URL(String(value ?? ''));
  } catch {
    throw invalidInput(field, value ?? '', expected);
  }
  if (!/^https?:$/.test(url.protocol)) throw invalidInput(field, value, 'an http(s) URL');
  if (url.username || url.password) throw invalidInput(field, `${url.protocol}//***@${url.host}`, 'a URL without credentials (they would reach logs and the ledger)');
  return url;
}
