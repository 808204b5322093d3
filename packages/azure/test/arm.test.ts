/** Purges through Azure Resource Manager against the ARM stand-in: request shapes, long-running operations, conflicts and failures. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ArmClient, azureCdnTarget, purgeAzureCdn, type AzureCdnTarget } from '../src/index.js';
import { STANDIN_TOKEN, startArmStandIn, type ArmStandIn } from '../../../test/services/azure-arm.js';

let arm: ArmStandIn;
beforeAll(async () => {
  arm = await startArmStandIn();
});
afterAll(async () => {
  await arm?.stop();
});

const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
const credential = { getToken: async () => ({ token: STANDIN_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }) };
const client = () => new ArmClient({ endpoint: arm.endpoint, credential, pollIntervalMs: 10 });
const target = (extra: Partial<AzureCdnTarget> = {}): AzureCdnTarget => ({ ...azureCdnTarget({ subscription: SUBSCRIPTION, 'resource-group': 'rg-web', profile: 'shop-fd', endpoint: 'shop' }), ...extra });

describe('Front Door / Azure CDN purge', () => {
  test('Front Door: POST afdEndpoints/{endpoint}/purge with the paths, then the operation is polled until it Succeeded', async () => {
    arm.requests.length = 0;
    const result = await purgeAzureCdn(client(), target(), ['/index.html', '/assets/app.js']);
    expect(result).toMatchObject({ status: 'Succeeded', paths: ['/index.html', '/assets/app.js'] });
    expect(arm.requests[0]).toEqual({
      method: 'POST',
      path: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-web/providers/Microsoft.Cdn/profiles/shop-fd/afdEndpoints/shop/purge`,
      apiVersion: '2024-02-01',
      body: { contentPaths: ['/index.html', '/assets/app.js'] },
      token: STANDIN_TOKEN,
    });
    // InProgress twice, then Succeeded: three polls of the Azure-AsyncOperation URL.
    expect(arm.requests.slice(1).map((request) => `${request.method} ${request.path}`)).toEqual(Array(3).fill(`GET ${new URL(result.operation!).pathname}`));
  });

  test('classic Azure CDN purges endpoints/{endpoint}; Front Door domains are passed; many paths become /*; wait: false does not poll', async () => {
    arm.requests.length = 0;
    await purgeAzureCdn(client(), target({ kind: 'cdn', wait: false }), Array.from({ length: 150 }, (_, i) => `/p${i}.html`));
    expect(arm.requests).toHaveLength(1);
    expect(arm.requests[0]).toMatchObject({ path: expect.stringMatching(/\/profiles\/shop-fd\/endpoints\/shop\/purge$/), body: { contentPaths: ['/*'] } });
    arm.requests.length = 0;
    await purgeAzureCdn(client(), target({ domains: ['www.shop.example'] }), ['/*']);
    expect(arm.requests[0].body).toEqual({ contentPaths: ['/*'], domains: ['www.shop.example'] });
  });

  test('409 Conflict and a Failed operation are errors naming the purge and what Azure said', async () => {
    arm.conflictNext = '/purge';
    const conflict = purgeAzureCdn(client(), target(), ['/index.html']);
    await expect(conflict).rejects.toThrow(/Azure Resource Manager refused the purge of \/index\.html on Front Door shop-fd\/shop: HTTP 409 Conflict: There is already an operation in progress/);
    await expect(conflict).rejects.toMatchObject({ hint: expect.stringMatching(/another operation is running on the same resource/) });
    arm.failNextOperation = true;
    await expect(purgeAzureCdn(client(), target(), ['/index.html'])).rejects.toThrow(/the purge of \/index\.html on Front Door shop-fd\/shop ended Failed: PurgeFailed: The purge could not be completed\./);
  });

  test('a wrong token is refused by Resource Manager and reported with where to look', async () => {
    const bad = new ArmClient({ endpoint: arm.endpoint, credential: { getToken: async () => ({ token: 'expired', expiresOnTimestamp: Date.now() + 1000 }) } });
    await expect(purgeAzureCdn(bad, target(), ['/x'])).rejects.toMatchObject({ message: expect.stringMatching(/HTTP 401 InvalidAuthenticationToken/), hint: expect.stringMatching(/role assignment/) });
  });

  test('a token is reused until shortly before it expires (the az CLI credential starts az on every request)', async () => {
    let calls = 0;
    const counting = {
      getToken: async () => {
        calls++;
        return { token: STANDIN_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const reused = new ArmClient({ endpoint: arm.endpoint, credential: counting, pollIntervalMs: 10 });
    await purgeAzureCdn(reused, target(), ['/a']);
    await purgeAzureCdn(reused, target(), ['/b']);
    expect(calls).toBe(1);
  });
});
