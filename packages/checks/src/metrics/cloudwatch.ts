import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { awsClientSettings, errorMessage } from '@shipkit/core';
import type { MetricContext, MetricProvider, MetricResult } from './types.js';

/** The ALB metrics' one period (CloudWatch publishes ALB metrics per minute). */
const PERIOD_SECONDS = 60;
/** Requests a step needs before its 5xx rate counts (canary.analysis[].min-requests): see docs/design.md. */
export const DEFAULT_MIN_REQUESTS = 100;
/** The two queries of a step: their ids and the ALB metrics they sum. */
const METRICS: Record<string, string> = { errors: 'HTTPCode_Target_5XX_Count', requests: 'RequestCount' };

export interface CloudWatchOptions {
  name: string;
  /** The step fails when sum(HTTPCode_Target_5XX_Count) / sum(RequestCount) is above this (0-1). */
  max: number;
  /** Fewer requests than this in the step's window fail the step: no traffic is no evidence. */
  minRequests: number;
  /** The LoadBalancer dimension, as ELBv2 names it in CloudWatch: `app/<name>/<id>`. */
  loadBalancer: string;
  /** Each slot's TargetGroup dimension: `targetgroup/<name>/<id>`. */
  targetGroups: Record<'blue' | 'green', string>;
  region?: string;
  endpoint?: string;
  /** Injected for tests; default a client from the region, endpoint and the SDK's credential chain. */
  client?: CloudWatchClient;
  /** Injected for tests; default Date.now. */
  now?: () => number;
}

/** The CloudWatch dimensions of an ALB listener's load balancer and of a target group, from their ARNs (undefined when the ARN is not one). */
export function albDimensions(listenerArn: string, targetGroupArn: string): { loadBalancer?: string; targetGroup?: string; region?: string } {
  const listener = /^arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):\d{12}:listener\/(app\/[A-Za-z0-9-]+\/[0-9a-f]+)\/[0-9a-f]+$/.exec(listenerArn);
  const group = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:(targetgroup\/[A-Za-z0-9-]+\/[0-9a-f]+)$/.exec(targetGroupArn);
  return { loadBalancer: listener?.[2], targetGroup: group?.[1], region: listener?.[1] };
}

/**
 * The new slot's target group as CloudWatch sees it (namespace AWS/ApplicationELB, dimensions
 * LoadBalancer + TargetGroup, in the order AWS lists them: CloudWatch ignores the order, moto does
 * not): one GetMetricData over the step's window, whole minutes from the
 * minute the step's weight was set to the minute after now, summing HTTPCode_Target_5XX_Count and
 * RequestCount (Sum, 60 s periods). The error rate is sum(5xx) / sum(requests); no 5xx data points
 * is zero 5xx (ALB publishes none then), but fewer requests than `minRequests` fail the step, since
 * a target group that received (almost) nothing shows nothing about the release. A rate above `max`
 * fails it; so does an error reading the metrics.
 */
export class CloudWatchProvider implements MetricProvider {
  readonly type = 'cloudwatch' as const;
  readonly name: string;
  private client?: CloudWatchClient;

  constructor(private readonly options: CloudWatchOptions) {
    this.name = options.name;
    this.client = options.client;
  }

  async evaluate(context: MetricContext, signal?: AbortSignal): Promise<MetricResult> {
    const base = { name: this.name, threshold: this.options.max };
    const targetGroup = this.options.targetGroups[context.slot as 'blue' | 'green'];
    const minute = PERIOD_SECONDS * 1000;
    const start = Math.floor(context.since / minute) * minute;
    const end = Math.max(start + minute, Math.ceil((this.options.now ?? Date.now)() / minute) * minute);
    const window = `${new Date(start).toISOString().slice(11, 16)}-${new Date(end).toISOString().slice(11, 16)} UTC`;
    const where = `${targetGroup} of ${this.options.loadBalancer}`;
    const query = (id: string, metric: string): MetricDataQuery => ({
      Id: id,
      ReturnData: true,
      MetricStat: {
        Metric: { Namespace: 'AWS/ApplicationELB', MetricName: metric, Dimensions: [{ Name: 'LoadBalancer', Value: this.options.loadBalancer }, { Name: 'TargetGroup', Value: targetGroup }] },
        Period: PERIOD_SECONDS,
        Stat: 'Sum',
      },
    });
    const sums: Record<string, number> = { errors: 0, requests: 0 };
    const answered = new Set<string>();
    try {
      this.client ??= new CloudWatchClient({ ...awsClientSettings('CLOUDWATCH', { endpoint: this.options.endpoint }), ...(this.options.region ? { region: this.options.region } : {}) });
      let nextToken: string | undefined;
      do {
        const output = await this.client.send(
          new GetMetricDataCommand({ StartTime: new Date(start), EndTime: new Date(end), ScanBy: 'TimestampAscending', NextToken: nextToken, MetricDataQueries: [query('errors', METRICS.errors), query('requests', METRICS.requests)] }),
          { abortSignal: signal },
        );
        for (const result of output.MetricDataResults ?? []) {
          if (!result.Id || !(result.Id in sums)) continue;
          // InternalError / Forbidden: CloudWatch could not read that metric (its values are missing or
          // incomplete). A 5xx count that could not be read is not zero 5xx: the step fails.
          if (result.StatusCode && result.StatusCode !== 'Complete' && result.StatusCode !== 'PartialData') {
            const messages = (result.Messages ?? []).map((message) => [message.Code, message.Value].filter(Boolean).join(' ')).filter(Boolean).join('; ');
            throw new Error(`GetMetricData answered ${METRICS[result.Id]} with status ${result.StatusCode}${messages ? ` (${messages})` : ''}`);
          }
          answered.add(result.Id);
          sums[result.Id] += (result.Values ?? []).reduce((sum, value) => sum + value, 0);
        }
        nextToken = output.NextToken;
      } while (nextToken);
      const missing = Object.keys(sums).filter((id) => !answered.has(id));
      if (missing.length) throw new Error(`GetMetricData returned no result for ${missing.map((id) => METRICS[id]).join(' and ')}`);
    } catch (error) {
      return { ...base, passed: false, detail: `could not read the CloudWatch metrics of ${where}: ${errorMessage(error)}` };
    }
    const { errors, requests } = sums;
    if (requests < this.options.minRequests) {
      return { ...base, passed: false, detail: `only ${requests} requests reached ${where} in ${window} (RequestCount); at least ${this.options.minRequests} are needed for the 5xx rate to say anything` };
    }
    const value = errors / requests;
    const passed = value <= this.options.max;
    const rate = `${errors} 5xx of ${requests} requests = ${percent(value)} on ${where} in ${window}`;
    return { ...base, value, passed, detail: passed ? `${rate} (at most ${percent(this.options.max)})` : `${rate}, above ${percent(this.options.max)}` };
  }
}

function percent(value: number): string {
  return `${Number((value * 100).toFixed(2))}%`;
}
