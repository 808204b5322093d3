import { afterEach, describe, expect, test } from '@jest/globals';
import { batchInvalidationPaths, createCloudFrontClient, invalidatePaths, normalizeInvalidationPaths } from '../src/index.js';
import { startFakeCloudFront, type FakeCloudFront } from '../../../test/fakes/fake-cloudfront.js';

const noSleep = async (): Promise<void> => undefined;
const quiet = { log: () => undefined, sleep: noSleep, pollIntervalMs: 1 };

describe('invalidation paths', () => {
  test.each([
    [['/a', '/a', '/b'], ['/a', '/b']],
    [['/v1/*', '/v1/index.html', '/v10/x'], ['/v1/*', '/v10/x']],
    [['/*', '/latest/index.html'], ['/*']],
    [[' /x ', ''], ['/x']],
  ])('normalize %j -> %j', (input, expected) => {
    expect(normalizeInvalidationPaths(input)).toEqual(expected);
  });

  test.each([['index.html'], ['/a*/b'], ['/a b']])('refuses %j', (path) => {
    expect(() => normalizeInvalidationPaths([path])).toThrow(/Invalid CloudFront invalidation path/);
  });

  test('batches within 3,000 paths and 15 wildcards each', () => {
    const wildcards = Array.from({ length: 20 }, (_, i) => `/w${i}/*`);
    const plain = Array.from({ length: 6500 }, (_, i) => `/p/${i}.html`);
    const batches = batchInvalidationPaths([...plain, ...wildcards]);
    expect(batches.map((batch) => batch.length)).toEqual([15, 3000, 3000, 505]);
    expect(batches.flat().sort()).toEqual([...plain, ...wildcards].sort());
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(3000);
      expect(batch.filter((path) => path.includes('*')).length).toBeLessThanOrEqual(15);
    }
  });
});

describe('invalidatePaths against fake-cloudfront, a CloudFront API stand-in', () => {
  let cloudfront: FakeCloudFront | undefined;
  afterEach(async () => {
    await cloudfront?.stop();
    cloudfront = undefined;
  });
  const clientFor = (server: FakeCloudFront) =>
    createCloudFrontClient({ endpoint: server.endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'stand-in' }, maxAttempts: 1 });

  test('creates one invalidation and optionally waits for Completed', async () => {
    cloudfront = await startFakeCloudFront({ pollsUntilComplete: 3 });
    const result = await invalidatePaths(clientFor(cloudfront), cloudfront.distributionId, ['/latest/index.html', '/latest/*'], { wait: true, ...quiet });
    expect(result.invalidations).toEqual([{ id: cloudfront.invalidations[0].id, paths: ['/latest/*'], status: 'Completed' }]);
    expect(cloudfront.invalidations[0].polls).toBe(3);
  });

  test('retries TooManyInvalidationsInProgress until earlier invalidations complete, reusing the CallerReference', async () => {
    cloudfront = await startFakeCloudFront({ maxWildcards: 2 });
    const client = clientFor(cloudfront);
    await invalidatePaths(client, cloudfront.distributionId, ['/a/*', '/b/*'], quiet); // fills the wildcard budget
    const server = cloudfront;
    let retries = 0;
    const result = await invalidatePaths(client, server.distributionId, ['/c/*'], {
      ...quiet,
      sleep: async () => {
        retries++;
        if (retries === 2) server.completeAll();
      },
    });
    expect(retries).toBe(2);
    expect(server.calls.filter((call) => call.method === 'POST').map((call) => call.status)).toEqual([201, 400, 400, 201]);
    expect(result.invalidations[0].paths).toEqual(['/c/*']);
  });

  test('retries throttling, and gives up with a clear error when CloudFront keeps refusing', async () => {
    cloudfront = await startFakeCloudFront();
    cloudfront.throttle(2);
    const ok = await invalidatePaths(clientFor(cloudfront), cloudfront.distributionId, ['/x'], quiet);
    expect(ok.invalidations).toHaveLength(1);
    cloudfront.throttle(10);
    await expect(invalidatePaths(clientFor(cloudfront), cloudfront.distributionId, ['/y'], { ...quiet, attempts: 3 })).rejects.toThrow(/Could not invalidate 1 path\(s\).*Throttling/);
  });

  test('more paths than one batch: each batch waits for the one before, so CloudFront never refuses', async () => {
    cloudfront = await startFakeCloudFront({ pollsUntilComplete: 2 });
    const paths = Array.from({ length: 3500 }, (_, i) => `/latest/f${i}.js`);
    const result = await invalidatePaths(clientFor(cloudfront), cloudfront.distributionId, paths, quiet);
    expect(result.invalidations.map((item) => item.paths.length)).toEqual([3000, 500]);
    expect(result.invalidations[0].status).toBe('Completed');
    expect(cloudfront.calls.filter((call) => call.status === 400)).toEqual([]);
  });

  test('refuses a malformed distribution id before calling CloudFront', async () => {
    cloudfront = await startFakeCloudFront();
    await expect(invalidatePaths(clientFor(cloudfront), 'not an id', ['/x'], quiet)).rejects.toThrow(/Input "distribution-id" has an invalid value "not an id"/);
    expect(cloudfront.calls).toEqual([]);
  });
});
