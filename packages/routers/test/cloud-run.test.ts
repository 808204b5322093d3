/**
 * The cloud-run router against the Cloud Run Admin API v2 stand-in (test/services/cloud-run.ts):
 * what it reads back (split, live), what it writes for a flip and a step, and what it refuses or
 * puts back. Through the bundles: test/cloud-run.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { CloudRunClient, resolveCloudRunTarget } from '@shipkit/environments';
import { CloudRunRouter } from '../src/cloud-run.js';
import { RUN_TOKEN, startCloudRunStandIn, type CloudRunStandIn } from '../../../test/services/cloud-run.js';

const REVISION = 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION';

describe('CloudRunRouter (Admin API v2 stand-in)', () => {
  let run: CloudRunStandIn;
  let router: CloudRunRouter;

  beforeAll(async () => {
    run = await startCloudRunStandIn();
    run.createService('shop-prod-123', 'europe-west1', 'shop-web', [{ name: 'app', image: 'r/shop-web:bootstrap' }]);
    const target = resolveCloudRunTarget({ project: 'shop-prod-123', region: 'europe-west1', service: 'shop-web', 'container-images': { app: 'shop-web' }, timeout: '10s', endpoint: run.endpoint }, 'environments.prod');
    router = new CloudRunRouter({ environment: 'prod', client: new CloudRunClient(target, { token: async () => ({ token: RUN_TOKEN, expiresAt: Date.now() + 3_600_000 }), pollMs: 10, log: () => undefined }) });
  });
  afterAll(async () => run?.stop());

  /** Blue holds shop-web-a (live), green holds shop-web-b (idle). */
  beforeEach(() => {
    const service = run.service('shop-web');
    for (const name of ['shop-web-a', 'shop-web-b']) service.revisions.set(name, { name, containers: [{ name: 'app', image: `r/shop-web@sha256:${name}` }], ready: 'CONDITION_SUCCEEDED', createTime: new Date().toISOString() });
    service.traffic = [
      { type: REVISION, revision: 'shop-web-a', percent: 100, tag: 'blue' },
      { type: REVISION, revision: 'shop-web-b', tag: 'green' },
    ];
    service.trafficStatuses = service.traffic.map((entry) => ({ ...entry }));
  });
  const statuses = () => run.service('shop-web').trafficStatuses.map((entry) => `${entry.tag}:${entry.revision}:${entry.percent ?? 0}`).sort();

  test('reads the split and the live slot back from trafficStatuses', async () => {
    expect(await router.split()).toEqual({ blue: 100 });
    expect(await router.live()).toBe('blue');
  });

  test.each([
    [10, ['blue:shop-web-a:90', 'green:shop-web-b:10'], { blue: 90, green: 10 }, undefined],
    [50, ['blue:shop-web-a:50', 'green:shop-web-b:50'], { blue: 50, green: 50 }, undefined],
    [100, ['blue:shop-web-a:0', 'green:shop-web-b:100'], { green: 100 }, 'green'],
  ])('a %i%% step to green writes the revisions\' percentages, both tags kept, and reads them back', async (weight, written, split, live) => {
    await router.route({ slot: 'green', previous: 'blue', weight });
    expect(statuses()).toEqual(written);
    expect(await router.split()).toEqual(split);
    expect(await router.live()).toBe(live);
  });

  test('a step without the other slot live, or into a slot without a revision, is refused before anything is written', async () => {
    const patches = run.requests.filter((request) => request.method === 'PATCH').length;
    await expect(router.route({ slot: 'green', weight: 10 })).rejects.toThrow(/A 10% step to green needs the other slot live/);
    run.service('shop-web').traffic = [{ type: REVISION, revision: 'shop-web-a', percent: 100, tag: 'blue' }];
    run.service('shop-web').trafficStatuses = run.service('shop-web').traffic.map((entry) => ({ ...entry }));
    await expect(router.route({ slot: 'green', previous: 'blue' })).rejects.toThrow(/Slot green of prod holds no revision: Cloud Run service .*shop-web has no traffic tag green/);
    expect(run.requests.filter((request) => request.method === 'PATCH').length).toBe(patches);
  });

  test('a refused write fails the switch naming the roles; the traffic is as it was', async () => {
    run.denyNext = 'PATCH';
    const error = (await router.route({ slot: 'green', previous: 'blue' }).then(
      () => new Error('route did not fail'),
      (caught: unknown) => caught as Error,
    )) as Error & { hint?: string };
    expect(error.message).toMatch(/Could not point Cloud Run service .*shop-web at green: Cloud Run refused moving 100% of shop-web's traffic to slot green \(shop-web-b\): HTTP 403 PERMISSION_DENIED: .*; nothing was written, the service's traffic is as Cloud Run has it\./);
    expect(error.hint).toMatch(/roles\/run\.developer/);
    expect(statuses()).toEqual(['blue:shop-web-a:100', 'green:shop-web-b:0']);
  });
});
