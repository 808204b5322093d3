/**
 * Faults around an ALB switch, against moto's ELBv2 API: the client is the real SDK client with
 * one call made to fail (the read-back after the change, or the change itself), as a network
 * error or a throttled API would.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DescribeListenersCommand, ElasticLoadBalancingV2Client, ModifyListenerCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { createLoadBalancer, startS3Server, type LoadBalancerFixture, type S3Server } from '../../../test/services/index.js';
import { AlbRouter } from '../src/alb.js';

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
  function failing(command: typeof DescribeListenersCommand | typeof ModifyListenerCommand, nth: number): ElasticLoadBalancingV2Client {
    let calls = 0;
    const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    return new Proxy(client, {
      get(target, property, receiver) {
        if (property !== 'send') return Reflect.get(target, property, receiver);
        return async (input: unknown) => {
          if (input instanceof command && ++calls === nth) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
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
});
