import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { invalidatePaths } from '@shipkit/cloudfront';
import { afterEach, describe, expect, test } from '@jest/globals';
import { CloudFrontRouter, type CloudFrontRouterOptions } from '../src/cloudfront.js';
import { startFakeCloudFront, type FakeCloudFront } from '../../../test/fakes/fake-cloudfront.js';

/**
 * The router against fake-cloudfront, a stand-in answering CloudFront's 2020-05-31 REST API — only
 * for what moto's CloudFront cannot do: If-Match conflicts (moto ignores IfMatch), refusals and
 * throttling on demand, slow propagation (InProgress). Routing itself is tested against moto in
 * cloudfront-moto.test.ts.
 */
describe('cloudfront router (against fake-cloudfront, a CloudFront API stand-in)', () => {
  let fake: FakeCloudFront | undefined;
  afterEach(async () => {
    await fake?.stop();
    fake = undefined;
  });

  async function setup(options: { origins?: string[]; target?: string; inProgressPolls?: number } = {}, overrides: Partial<CloudFrontRouterOptions> = {}) {
    fake = await startFakeCloudFront({ origins: options.origins ?? ['shop-blue', 'shop-green'], targetOriginId: options.target ?? 'shop-blue', inProgressPolls: options.inProgressPolls });
    const client = new CloudFrontClient({ region: 'us-east-1', endpoint: fake.endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'fake-secret' }, maxAttempts: 1 });
    const server = fake;
    const router = new CloudFrontRouter({
      environment: 'production',
      client,
      distributionId: fake.distributionId,
      origins: { blue: 'shop-blue', green: 'shop-green' },
      // The shared implementation cdn-publish uses; one attempt so the failure test fails at once.
      invalidate: async (paths) => ({ ids: (await invalidatePaths(client, server.distributionId, paths, { attempts: 1 })).invalidations.map((entry) => entry.id) }),
      pollIntervalMs: 1,
      ...overrides,
    });
    return { fake, router };
  }

  test('re-reads and retries when the ETag changed underneath (PreconditionFailed), never overwriting the other edit blindly', async () => {
    const { fake, router } = await setup();
    fake.editConcurrently(2);
    await router.route({ slot: 'green' });
    expect(fake.targetOriginId()).toBe('shop-green');
    const puts = fake.calls.filter((call) => call.method === 'PUT').map((call) => call.status);
    expect(puts).toEqual([412, 412, 200]);
    // Each attempt read the config again before writing.
    expect(fake.calls.filter((call) => call.method === 'GET' && call.path.endsWith('/config')).length).toBeGreaterThanOrEqual(3);
  });

  test('gives up after the bounded attempts with a clear error; the distribution still routes to blue', async () => {
    const { fake, router } = await setup({}, { attempts: 3 });
    fake.editConcurrently(10);
    await expect(router.route({ slot: 'green' })).rejects.toThrow(/kept changing underneath us \(3 attempts, ETag mismatch\).*Live traffic is unchanged/);
    expect(fake.targetOriginId()).toBe('shop-blue');
    expect(fake.invalidations).toEqual([]);
  });

  test('refuses when a slot origin is not declared in the distribution, listing the declared origins', async () => {
    const { fake, router } = await setup({ origins: ['shop-blue', 'legacy-site'] });
    await expect(router.route({ slot: 'green' })).rejects.toThrow(/does not declare the origin of slot green \(shop-green\); it declares: shop-blue, legacy-site/);
    expect(fake.calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  test('a failed invalidation points the distribution back at the previous origin', async () => {
    const { fake, router } = await setup();
    fake.refuse(1, 400, 'TooManyInvalidationsInProgress', 'Processing your request will cause you to exceed the maximum number of in-progress wildcard invalidations.');
    await expect(router.route({ slot: 'green', previous: 'blue' })).rejects.toThrow(/failed after it routed default to green: .*TooManyInvalidationsInProgress.*the behaviours were pointed back \(default -> shop-blue\)/s);
    expect(fake.targetOriginId()).toBe('shop-blue');
  });

  test('waits (by default) until GetDistribution says Deployed', async () => {
    const { fake, router } = await setup({ inProgressPolls: 2 });
    await router.route({ slot: 'green' });
    const polls = fake.calls.filter((call) => call.method === 'GET' && call.path.endsWith(fake.distributionId));
    expect(polls).toHaveLength(3);
  });

  test('a distribution still deploying when the timeout runs out: the error says what was changed, and the behaviours are pointed back', async () => {
    const { fake, router } = await setup({ inProgressPolls: 1000 }, { waitTimeoutMs: 50, pollIntervalMs: 10 });
    await expect(router.route({ slot: 'green' })).rejects.toThrow(/failed after it routed default to green: Distribution \S+ is still InProgress after 50ms; the behaviours were pointed back \(default -> shop-blue\)/);
    expect(fake.targetOriginId()).toBe('shop-blue');
  });

  test('switching to the slot already live changes nothing but still invalidates (a re-run completes the work)', async () => {
    const { fake, router } = await setup({ target: 'shop-green' });
    await router.route({ slot: 'green' });
    expect(fake.calls.some((call) => call.method === 'PUT')).toBe(false);
    expect(fake.invalidations).toHaveLength(1);
  });
});
