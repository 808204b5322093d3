/** The cloudfront router against moto's CloudFront API (a real implementation of the API, run locally). */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { CloudFrontClient, CreateDistributionCommand, GetDistributionCommand, GetDistributionConfigCommand, ListInvalidationsCommand, type CacheBehavior } from '@aws-sdk/client-cloudfront';
import { invalidatePaths } from '@shipkit/cloudfront';
import { startMoto, type MotoService } from '../../../test/services/index.js';
import { CloudFrontRouter } from '../src/cloudfront.js';

const origin = (id: string) => ({ Id: id, DomainName: `${id}.s3.amazonaws.com`, S3OriginConfig: { OriginAccessIdentity: '' } });
const behaviour = (target: string) => ({ TargetOriginId: target, ViewerProtocolPolicy: 'allow-all' as const, ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' as const } }, MinTTL: 0, TrustedSigners: { Enabled: false, Quantity: 0 } });

describe('cloudfront router against moto', () => {
  let moto: MotoService;
  let client: CloudFrontClient;
  beforeAll(async () => {
    moto = await startMoto();
    client = new CloudFrontClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: moto.credentials });
  });
  afterAll(async () => {
    client?.destroy();
    await moto?.stop();
  });

  async function distribution(): Promise<string> {
    const created = await client.send(
      new CreateDistributionCommand({
        DistributionConfig: {
          CallerReference: `test-${Date.now()}-${Math.random()}`,
          Comment: 'shop staging',
          Enabled: true,
          Origins: { Quantity: 3, Items: [origin('shop-blue'), origin('shop-green'), origin('shop-api')] },
          DefaultCacheBehavior: behaviour('shop-blue'),
          CacheBehaviors: { Quantity: 2, Items: [{ PathPattern: '/assets/*', ...behaviour('shop-blue') }, { PathPattern: '/api/*', ...behaviour('shop-api') }] as CacheBehavior[] },
        },
      }),
    );
    return created.Distribution!.Id!;
  }
  const router = (distributionId: string, extra: { behaviors?: string[] } = {}) =>
    new CloudFrontRouter({
      environment: 'staging',
      client,
      distributionId,
      origins: { blue: 'shop-blue', green: 'shop-green' },
      invalidate: async (paths) => ({ ids: (await invalidatePaths(client, distributionId, paths)).invalidations.map((entry) => entry.id) }),
      pollIntervalMs: 10,
      ...extra,
    });
  const targets = async (id: string) => {
    const config = (await client.send(new GetDistributionConfigCommand({ Id: id }))).DistributionConfig!;
    return { default: config.DefaultCacheBehavior?.TargetOriginId, ...Object.fromEntries((config.CacheBehaviors?.Items ?? []).map((item) => [item.PathPattern!, item.TargetOriginId])) };
  };

  test('a switch moves the default and every slot behaviour (/assets/*), leaves /api/* alone, invalidates /* and returns once Deployed and Completed', async () => {
    const id = await distribution();
    await router(id).route({ slot: 'green', previous: 'blue' });
    expect(await targets(id)).toEqual({ default: 'shop-green', '/assets/*': 'shop-green', '/api/*': 'shop-api' });
    const invalidations = (await client.send(new ListInvalidationsCommand({ DistributionId: id }))).InvalidationList?.Items ?? [];
    expect(invalidations).toHaveLength(1);
    expect(invalidations[0].Status?.toLowerCase()).toBe('completed');
    expect((await client.send(new GetDistributionCommand({ Id: id }))).Distribution?.Status).toBe('Deployed');
    expect(await router(id).live()).toBe('green');

    await router(id).route({ slot: 'blue' });
    expect(await targets(id)).toEqual({ default: 'shop-blue', '/assets/*': 'shop-blue', '/api/*': 'shop-api' });
  });

  test('a behaviour the config says follows the slots but targets a third origin is refused before anything changes', async () => {
    const id = await distribution();
    await expect(router(id, { behaviors: ['/assets/*', '/api/*'] }).route({ slot: 'green' })).rejects.toThrow(/Cache behaviour "\/api\/\*" of distribution \S+ targets origin "shop-api", which is neither slot's .*nothing was changed/);
    expect(await targets(id)).toEqual({ default: 'shop-blue', '/assets/*': 'shop-blue', '/api/*': 'shop-api' });
    expect((await client.send(new ListInvalidationsCommand({ DistributionId: id }))).InvalidationList?.Items ?? []).toEqual([]);
  });
});
