/**
 * canary.analysis entries, validated before anything changes: every refusal names the field, the
 * value and what was expected (table-driven), and the CloudWatch dimensions come from the ALB
 * router's listener and the slots' target groups exactly as ELBv2 names them in CloudWatch.
 */
import { describe, expect, test } from '@jest/globals';
import { albDimensions, CloudWatchProvider, createMetricProviders, DEFAULT_MIN_REQUESTS, type MetricConfig, type MetricEnvironment } from '../src/index.js';

const LISTENER = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2';
const BLUE = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-blue/73e2d6bc24d8a067';
const GREEN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-green/83e2d6bc24d8a068';
const ALB: MetricEnvironment = { router: { type: 'alb', 'listener-arn': LISTENER }, targetGroups: { blue: BLUE, green: GREEN }, field: 'environments.prod' };
const FIELD = 'environments.prod.canary.analysis';

describe('canary.analysis: cloudwatch', () => {
  test('dimensions as ELBv2 names them in CloudWatch, the region from the listener', () => {
    expect(albDimensions(LISTENER, GREEN)).toEqual({ loadBalancer: 'app/shop/50dc6c495c0c9188', targetGroup: 'targetgroup/shop-green/83e2d6bc24d8a068', region: 'eu-west-1' });
    const [provider] = createMetricProviders([{ type: 'cloudwatch', max: '5%' }], FIELD, ALB);
    expect(provider).toBeInstanceOf(CloudWatchProvider);
    expect(provider).toMatchObject({ type: 'cloudwatch', name: 'cloudwatch 1', options: { max: 0.05, minRequests: DEFAULT_MIN_REQUESTS, loadBalancer: 'app/shop/50dc6c495c0c9188', targetGroups: { blue: 'targetgroup/shop-blue/73e2d6bc24d8a067', green: 'targetgroup/shop-green/83e2d6bc24d8a068' }, region: 'eu-west-1' } });
  });

  test.each<[string, MetricConfig, MetricEnvironment, string]>([
    ['a threshold above 1', { type: 'cloudwatch', max: 1.5 }, ALB, `${FIELD}[0].max has an invalid value 1.5: expected the highest 5xx rate a step may show, a number from 0 to 1 (e.g. 0.05) or a percentage such as 5%`],
    ['a negative threshold', { type: 'cloudwatch', max: -0.1 }, ALB, `${FIELD}[0].max has an invalid value -0.1: expected the highest 5xx rate`],
    ['a threshold in words', { type: 'cloudwatch', max: 'five' }, ALB, `${FIELD}[0].max has an invalid value "five": expected the highest 5xx rate`],
    ['no threshold', { type: 'cloudwatch' }, ALB, `${FIELD}[0].max has an invalid value "": expected the highest 5xx rate`],
    ['min-requests 0', { type: 'cloudwatch', max: 0.05, 'min-requests': 0 }, ALB, `${FIELD}[0].min-requests has an invalid value 0: expected a whole number of requests of at least 1 (default ${DEFAULT_MIN_REQUESTS})`],
    ['min-requests 2.5', { type: 'cloudwatch', max: 0.05, 'min-requests': 2.5 }, ALB, `${FIELD}[0].min-requests has an invalid value 2.5: expected a whole number`],
    ['a query', { type: 'cloudwatch', max: 0.05, query: 'up' }, ALB, `${FIELD}[0].query has an invalid value "up": expected nothing: a cloudwatch check reads the new slot's target group metrics`],
    ['an endpoint with credentials', { type: 'cloudwatch', max: 0.05, endpoint: 'http://key:secret@127.0.0.1:5000' }, ALB, `${FIELD}[0].endpoint has an invalid value`],
    ['a command router', { type: 'cloudwatch', max: 0.05 }, { ...ALB, router: { type: 'command' } }, 'environments.prod.router.type has an invalid value "command": expected alb for a cloudwatch check'],
    ['a network load balancer', { type: 'cloudwatch', max: 0.05 }, { ...ALB, router: { type: 'alb', 'listener-arn': LISTENER.replace('/app/', '/net/') } }, 'environments.prod.router.listener-arn has an invalid value'],
    ['a slot without a target group', { type: 'cloudwatch', max: 0.05 }, { ...ALB, targetGroups: { blue: BLUE } }, 'environments.prod.slots.green.target-group-arn has an invalid value "": expected a target group ARN'],
    ['an unknown type', { type: 'datadog', max: 0.05 }, ALB, `${FIELD}[0].type has an invalid value "datadog": expected prometheus or cloudwatch.`],
  ])('%s is refused, naming the field, the value and what was expected', (_name, entry, environment, message) => {
    expect(() => createMetricProviders([entry], FIELD, environment)).toThrow(message);
  });

  test('the endpoint with credentials is never echoed', () => {
    expect(() => createMetricProviders([{ type: 'cloudwatch', max: 0.05, endpoint: 'http://key:secret@127.0.0.1:5000' }], FIELD, ALB)).toThrow(expect.objectContaining({ message: expect.not.stringContaining('secret') }));
  });

  test('prometheus thresholds stay plain numbers (no percentages)', () => {
    expect(() => createMetricProviders([{ type: 'prometheus', url: 'http://127.0.0.1:9090', query: 'up', max: '5%' }], FIELD)).toThrow(`${FIELD}[0].max has an invalid value "5%": expected a number`);
  });
});
