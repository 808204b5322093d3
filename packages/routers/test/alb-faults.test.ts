/**
 * Faults around an ALB switch, against moto's ELBv2 API: the client is the real SDK client with
 * one call made to fail (the read-back after the change, or the change itself), as a network
 * error or a throttled API would.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DescribeListenersCommand, ElasticLoadBalancingV2Client, ModifyListenerCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { createLoadBalancer, startS3Server, type LoadBalancerFixture, type S3Server } from '../../../test/services/index.js';
import { AlbRouter, forWrite, forwardTo } from '../src/alb.js';

describe('alb router faults', () => {
  let moto: S3Server;
  let lb: LoadBalancerFixture;
  let client: ElasticLoadBalancingV2Client;

  beforeAll(async () => {
    moto = await startS3Server('moto');
    lb = await createLoadBalancer(moto, 'faults');
    client = new ElasticLoadBalancingV2Client({ region: moto.region, endpoint: moto.endpoint, credentials: moto.credentials, maxAttempts: 1 });
  });
  afterAll(async () => {
    await moto?.stop();
  });

  const forward = async () => {
    const action = (await client.send(new DescribeListenersCommand({ ListenerArns: [lb.listenerArn] }))).Listeners![0].DefaultActions![0];
    return action.TargetGroupArn ?? JSON.stringify(action.ForwardConfig?.TargetGroups?.map((group) => [group.TargetGroupArn, group.Weight]));
  };

  /** The real client, except that the `nth` call of `command` fails. */
  function failing(command: typeof DescribeListenersCommand | typeof ModifyListenerCommand, nth: number, error: () => Error = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }), every = false): ElasticLoadBalancingV2Client {
    let calls = 0;
    const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    return new Proxy(client, {
      get(target, property, receiver) {
        if (property !== 'send') return Reflect.get(target, property, receiver);
        return async (input: unknown) => {
          if (input instanceof command && (++calls === nth || (every && calls >= nth))) throw error();
          return send(input);
        };
      },
    });
  }

  test('the read-back after the change fails: the previous action is put back and the switch fails', async () => {
    // Call 1 reads the actions before the change, call 2 reads them back after it.
    const router = new AlbRouter({ environment: 'prod', client: failing(DescribeListenersCommand, 2), listenerArn: lb.listenerArn, targetGroups: { blue: lb.targetGroups.blue, green: lb.targetGroups.green } });
    await expect(router.route({ slot: 'green', previous: 'blue', weight: 40 })).rejects.toThrow(/Could not point ALB listener .* at green \(40%\): Could not read ALB listener .*: Rate exceeded; its previous actions were put back/);
    expect(await forward()).toBe(lb.targetGroups.blue);
  });

  test('the change itself fails: nothing moved, the previous action is (re)written, the error says so', async () => {
    const router = new AlbRouter({ environment: 'prod', client: failing(ModifyListenerCommand, 1), listenerArn: lb.listenerArn, targetGroups: { blue: lb.targetGroups.blue, green: lb.targetGroups.green } });
    await expect(router.route({ slot: 'green', previous: 'blue' })).rejects.toThrow(/Rate exceeded; its previous actions were put back/);
    expect(await forward()).toBe(lb.targetGroups.blue);
  });

  test('split() and live() read the weights back', async () => {
    const router = new AlbRouter({ environment: 'prod', client, listenerArn: lb.listenerArn, targetGroups: { blue: lb.targetGroups.blue, green: lb.targetGroups.green } });
    await router.route({ slot: 'green', previous: 'blue', weight: 25 });
    expect(await router.split()).toEqual({ blue: 75, green: 25 });
    expect(await router.live()).toBeUndefined();
    await router.route({ slot: 'blue', previous: 'green', weight: 100 });
    expect(await router.live()).toBe('blue');
  });

  const groups = () => ({ blue: lb.targetGroups.blue, green: lb.targetGroups.green });

  test('an abort whose read-back fails is retried until it reads back: all traffic on blue, the split never put back', async () => {
    await new AlbRouter({ environment: 'prod', client, listenerArn: lb.listenerArn, targetGroups: groups() }).route({ slot: 'green', previous: 'blue', weight: 25 });
    // Call 1 reads the split, call 2 (the read-back after the change) fails; attempt 2 reads blue 100%.
    const router = new AlbRouter({ environment: 'prod', client: failing(DescribeListenersCommand, 2), listenerArn: lb.listenerArn, targetGroups: groups(), abortDelayMs: 10 });
    await router.route({ slot: 'blue', previous: 'green', weight: 100, abort: true });
    expect(await forward()).toBe(JSON.stringify([[lb.targetGroups.blue, 100]]));
  });

  test('an abort denied by permissions stops at once, leaves the split as it is (no restore) and says so', async () => {
    await new AlbRouter({ environment: 'prod', client, listenerArn: lb.listenerArn, targetGroups: groups() }).route({ slot: 'green', previous: 'blue', weight: 25 });
    const denied = () => Object.assign(new Error('not authorized to perform: elasticloadbalancing:ModifyListener'), { name: 'AccessDenied' });
    const router = new AlbRouter({ environment: 'prod', client: failing(ModifyListenerCommand, 1, denied, true), listenerArn: lb.listenerArn, targetGroups: groups(), abortDelayMs: 10 });
    await expect(router.route({ slot: 'blue', previous: 'green', weight: 100, abort: true })).rejects.toThrow(/Could not send all traffic of ALB listener .* back to blue: attempt 1: not authorized.*\. Nothing was put back \(the split it found is not restored\)\.$/);
    expect(await router.split()).toEqual({ blue: 75, green: 25 });
    await new AlbRouter({ environment: 'prod', client, listenerArn: lb.listenerArn, targetGroups: groups() }).route({ slot: 'blue', previous: 'green', abort: true });
  });

  test('validate: a slot target group that is missing, or on another load balancer, is refused naming the field', async () => {
    const other = await createLoadBalancer(moto, 'elsewhere');
    const router = (green: string) => new AlbRouter({ environment: 'prod', client, listenerArn: lb.listenerArn, targetGroups: { blue: lb.targetGroups.blue, green }, targetGroupFields: { blue: 'environments.prod.slots.blue.target-group-arn', green: 'environments.prod.slots.green.target-group-arn' } });
    await expect(router(lb.targetGroups.green).validate()).resolves.toBeUndefined();
    await expect(router(lb.targetGroups.green.replace(/\/[0-9a-f]+$/, '/0123456789abcdef')).validate()).rejects.toThrow(/environments\.prod\.slots\.green\.target-group-arn is ".*\/0123456789abcdef", and no such target group exists/);
    await expect(router(other.targetGroups.blue).validate()).rejects.toThrow(/environments\.prod\.slots\.green\.target-group-arn is ".*elsewhere-blue.*", which belongs to load balancer .*elsewhere.*, not to the listener's .*faults/);
  });
});

describe('alb actions as they are sent back', () => {
  const oidc = { Issuer: 'https://idp.example', AuthorizationEndpoint: 'https://idp.example/auth', TokenEndpoint: 'https://idp.example/token', UserInfoEndpoint: 'https://idp.example/userinfo', ClientId: 'shop' };
  test.each([
    ['authenticate-oidc without its secret (as DescribeListeners returns it)', { Type: 'authenticate-oidc', Order: 1, AuthenticateOidcConfig: oidc }, { Type: 'authenticate-oidc', Order: 1, AuthenticateOidcConfig: { ...oidc, UseExistingClientSecret: true } }],
    ['authenticate-oidc with a secret given', { Type: 'authenticate-oidc', AuthenticateOidcConfig: { ...oidc, ClientSecret: 's' } }, { Type: 'authenticate-oidc', AuthenticateOidcConfig: { ...oidc, ClientSecret: 's' } }],
    ['a forward', { Type: 'forward', TargetGroupArn: 'tg' }, { Type: 'forward', TargetGroupArn: 'tg' }],
  ] as const)('%s', (_name, action, sent) => {
    expect(forWrite(action as never)).toEqual(sent);
  });

  const sticky = { Enabled: true, DurationSeconds: 600 };
  test.each([
    ['a plain forward flipped stays plain', { Type: 'forward', Order: 2, TargetGroupArn: 'a' }, [{ arn: 'b', weight: 100 }], { Type: 'forward', Order: 2, TargetGroupArn: 'b' }],
    ['a plain forward split becomes weighted', { Type: 'forward', TargetGroupArn: 'a' }, [{ arn: 'a', weight: 70 }, { arn: 'b', weight: 30 }], { Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'a', Weight: 70 }, { TargetGroupArn: 'b', Weight: 30 }] } }],
    ['stickiness is carried through a split', { Type: 'forward', Order: 3, ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'a', Weight: 1 }], TargetGroupStickinessConfig: sticky } }, [{ arn: 'a', weight: 70 }, { arn: 'b', weight: 30 }], { Type: 'forward', Order: 3, ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'a', Weight: 70 }, { TargetGroupArn: 'b', Weight: 30 }], TargetGroupStickinessConfig: sticky } }],
    ['stickiness is carried through a flip (TargetGroupArn dropped for ForwardConfig)', { Type: 'forward', TargetGroupArn: 'a', ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'a' }], TargetGroupStickinessConfig: sticky } }, [{ arn: 'b', weight: 100 }], { Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'b', Weight: 100 }], TargetGroupStickinessConfig: sticky } }],
  ] as const)('%s', (_name, action, groups, expected) => {
    expect(forwardTo(action as never, [...groups])).toEqual(expected);
  });
});
