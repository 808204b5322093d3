/**
 * Blue-green on Azure App Service through the committed bundles: deploy-env (command target: the
 * user's deploy command puts the release into the `staging` deployment slot), blue-green-switch
 * with the app-service-slots router (slot swap with production, optionally with preview),
 * rollback, and a Front Door purge after the switch. Resource Manager is the named stand-in of
 * test/services/azure-arm.ts (requests in the REST reference's shapes, 202 + polling, 409); the
 * token comes from a stand-in az CLI as azure/login leaves it; the ledger lives on azurite.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { runAction, type RunResult } from './harness/index.js';
import { startAzurite, type AzuriteService } from './services/index.js';
import { azCliStandIn, STANDIN_TOKEN, startArmStandIn, type ArmStandIn } from './services/azure-arm.js';
import { workspaceWith } from './deploy/helpers.js';
import { openLedger } from '../packages/ledger/src/index.js';

const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
const SITE = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-shop/providers/Microsoft.Web/sites`;
let azurite: AzuriteService;
let arm: ArmStandIn;
let workspace: string;
let azDir: string;

function writeConfig(preview = false, timeout?: string) {
  const router = { type: 'app-service-slots', subscription: SUBSCRIPTION, 'resource-group': 'rg-shop', app: 'shop-api', 'arm-endpoint': arm.endpoint, ...(preview ? { preview: true } : {}), ...(timeout ? { timeout } : {}) };
  writeFileSync(
    path.join(workspace, '.github', 'shipkit.yml'),
    YAML.stringify({
      app: 'shop',
      state: 'azblob://devstoreaccount1/state/shipkit',
      environments: {
        production: {
          target: 'command',
          strategy: 'blue-green',
          // The user's deploy step: the release goes into the staging deployment slot (the idle one).
          deploy: ['./deploy.sh'],
          env: { ARM_STANDIN: arm.endpoint },
          slots: { blue: {}, green: {} },
          router,
          'azure-cdn': { subscription: SUBSCRIPTION, 'resource-group': 'rg-shop', profile: 'shop-fd', endpoint: 'shop', 'arm-endpoint': arm.endpoint },
        },
      },
    }),
  );
}

beforeAll(async () => {
  azurite = await startAzurite({ containers: ['state'] });
  arm = await startArmStandIn();
  arm.pollsBeforeDone = 1;
  // Before shipkit: production runs a hand-deployed build; the staging slot is empty.
  arm.deploy('shop-api', 'production', 'v0 (by hand)');
  arm.deploy('shop-api', 'staging', 'empty');
  arm.sites.get('shop-api')!.get('production')!.settings = { WEBSITE_RUN_FROM_PACKAGE: '1' };
  azDir = azCliStandIn();
  workspace = workspaceWith({ app: 'shop' });
  writeFileSync(path.join(workspace, 'deploy.sh'), '#!/bin/sh\nset -e\n# Stands for: az webapp deploy --slot staging ... (the stand-in takes the release over HTTP)\nnode -e \'fetch(process.env.ARM_STANDIN + "/sites/shop-api/staging/", { method: "PUT", body: process.env.SHIPKIT_RELEASE }).then((r) => process.exit(r.ok ? 0 : 1))\'\n');
  chmodSync(path.join(workspace, 'deploy.sh'), 0o755);
  writeConfig();
}, 60_000);
afterAll(async () => {
  await arm?.stop();
  await azurite?.stop();
});

const env = () => ({ ...azurite.env, PATH: `${azDir}${path.delimiter}${process.env.PATH}` });
const action = (name: string, inputs: Record<string, string>): Promise<RunResult> => runAction(name, { workspace, event: 'push-main', env: env(), inputs: { environment: 'production', ...inputs } });
const production = () => arm.serve('shop-api', 'production');
const staging = () => arm.serve('shop-api', 'staging');
const ledgerState = async () => (await openLedger({ state: 'azblob://devstoreaccount1/state/shipkit', app: 'shop', environment: 'production', client: azurite.client(), run: { runId: 'reader' } })).state();
const armCalls = () => arm.requests.filter((request) => request.path.startsWith(SITE) || request.path.includes('Microsoft.Cdn')).map((request) => `${request.method} ${request.path.replace(SITE, '').replace(/^\/subscriptions\/.*\/profiles\//, 'cdn:')}`);

describe('blue-green on App Service with the app-service-slots router', () => {
  test('deploy v1 into the staging slot, switch: production runs v1 after one swap, read back; the ledger says blue; Front Door purged', async () => {
    const deployed = await action('deploy-env', { release: 'v1' });
    expect(deployed.errors).toEqual([]);
    expect(deployed.outputs.slot).toBe('blue');
    expect(await staging()).toBe('v1');
    expect(await production()).toBe('v0 (by hand)');

    arm.requests.length = 0;
    const switched = await action('blue-green-switch', { to: 'idle' });
    expect(switched.errors).toEqual([]);
    expect(switched.outputs['live-slot']).toBe('blue');
    expect(await production()).toBe('v1');
    expect(await staging()).toBe('v0 (by hand)');
    expect(armCalls()).toEqual(
      expect.arrayContaining([
        'PUT /shop-api/slots/staging/config/appsettings', // marks the staging slot as blue
        'POST /shop-api/slots/staging/slotsswap',
        'POST cdn:shop-fd/afdEndpoints/shop/purge',
      ]),
    );
    const swap = arm.requests.find((request) => request.path.endsWith('/slotsswap'))!;
    expect(swap).toMatchObject({ apiVersion: '2023-12-01', body: { targetSlot: 'production', preserveVnet: true }, token: STANDIN_TOKEN });
    // The swap was followed to its end (202 + Location, polled) before the read-back.
    const swapAt = arm.requests.indexOf(swap);
    expect(arm.requests[swapAt + 1]).toMatchObject({ method: 'GET', path: expect.stringMatching(/^\/operations\//) });
    expect(arm.requests.slice(swapAt).some((request) => request.path.endsWith('/shop-api/config/appsettings/list'))).toBe(true);
    // Production's own settings travelled with it; the marker says which slot runs where.
    expect(arm.sites.get('shop-api')!.get('production')!.settings).toEqual({ SHIPKIT_SLOT: 'blue' });
    expect(arm.sites.get('shop-api')!.get('staging')!.settings).toEqual({ WEBSITE_RUN_FROM_PACKAGE: '1' });
    expect((await ledgerState()).live).toMatchObject({ release: 'v1', slot: 'blue' });
  }, 120_000);

  test('v2: deployed into the staging slot (green), a swap with preview applies production settings first; rollback swaps back to v1', async () => {
    expect((await action('deploy-env', { release: 'v2' })).outputs.slot).toBe('green');
    expect(await staging()).toBe('v2');
    writeConfig(true);
    try {
      arm.requests.length = 0;
      const switched = await action('blue-green-switch', { to: 'idle' });
      expect(switched.errors).toEqual([]);
      const calls = armCalls();
      expect(calls.indexOf('POST /shop-api/slots/staging/applySlotConfig')).toBeGreaterThanOrEqual(0);
      expect(calls.indexOf('POST /shop-api/slots/staging/applySlotConfig')).toBeLessThan(calls.indexOf('POST /shop-api/slots/staging/slotsswap'));
      expect(await production()).toBe('v2');
    } finally {
      writeConfig();
    }
    const back = await action('rollback', { to: 'previous', reason: 'v2 errors' });
    expect(back.errors).toEqual([]);
    expect(await production()).toBe('v1');
    expect(await staging()).toBe('v2');
    expect((await ledgerState()).live).toMatchObject({ release: 'v1', slot: 'blue' });
  }, 120_000);

  test('a swap refused with 409 Conflict fails the switch naming it; production keeps serving what it served; the ledger still says blue', async () => {
    expect((await action('deploy-env', { release: 'v3' })).outputs.slot).toBe('green');
    arm.conflictNext = '/slotsswap';
    const refused = await action('blue-green-switch', { to: 'idle' });
    expect(refused.exitCode).toBe(1);
    expect(refused.errors.join('\n')).toMatch(/Azure Resource Manager refused the swap of shop-api slot staging into production: HTTP 409 Conflict: There is already an operation in progress/);
    expect(await production()).toBe('v1');
    expect((await ledgerState()).live).toMatchObject({ release: 'v1', slot: 'blue' });
  }, 120_000);

  test('a swap that reports success but moved nothing fails the switch, saying production still runs blue', async () => {
    arm.swapIsNoop = true;
    const run = await action('blue-green-switch', { to: 'idle' });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/The swap of shop-api slot staging into production reported success, but production runs blue, not green \(nothing moved\)/);
    expect(await production()).toBe('v1');
    // Once the other actor is gone, the switch goes through.
    const again = await action('blue-green-switch', { to: 'idle' });
    expect(again.errors).toEqual([]);
    expect(await production()).toBe('v3');
  }, 120_000);

  test('canary steps are refused before anything moves, naming what to use instead', async () => {
    const run = await action('blue-green-switch', { to: 'idle', steps: '20,100' });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/a slot swap moves all of shop-api's traffic at once/);
    expect(await production()).toBe('v3');
  });

  test('a switch whose live URL then fails its probe is swapped back: production serves the previous release again', async () => {
    expect((await action('deploy-env', { release: 'v4' })).outputs.slot).toBe('blue');
    arm.requests.length = 0;
    const run = await action('blue-green-switch', { to: 'idle', 'verify-url': `${arm.endpoint}/sites/shop-api/missing/` });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/The live URL http:\/\/127\.0\.0\.1:\d+\/sites\/shop-api\/missing\/ failed verification after the switch: HTTP 404; HTTP 404; HTTP 404\. Switched back to green\./);
    expect(arm.requests.filter((request) => request.path.endsWith('/slotsswap'))).toHaveLength(2); // the switch, then the restore
    expect(await production()).toBe('v3');
    expect(await staging()).toBe('v4');
    expect((await ledgerState()).live).toMatchObject({ release: 'v3', slot: 'green' });
  }, 120_000);

  test('a swap still running at the switch timeout is not reset or swapped back: the switch fails naming what production runs, the ledger keeps it; once the swap lands a re-run records it', async () => {
    // Where the previous test left things: production runs v3 (green), the staging slot holds v4 (blue).
    expect(await production()).toBe('v3');
    writeConfig(true, '2s');
    try {
      arm.requests.length = 0;
      arm.lastSwapLandedAt = undefined;
      // The swap lands only when the test lands it (below, after the switch has ended), long after the switch stopped waiting (2 s).
      arm.slowSwapNext = { landAfterMs: 120_000 };
      const run = await action('blue-green-switch', { to: 'idle' });
      expect(run.exitCode).toBe(1);
      const error = run.errors.join('\n');
      expect(error).toMatch(/The swap of shop-api slot staging into production is still running after 2(\.0)?s; it was not reset or undone\. Production runs green \(read back now\), not blue/);
      expect(error).toMatch(/blue-green-switch again/);
      expect(run.log).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
      // Not reset mid-swap (swap with preview), not swapped back: one swap, no resetSlotConfig.
      const calls = armCalls();
      expect(calls.filter((call) => call.endsWith('/slotsswap'))).toHaveLength(1);
      expect(calls.filter((call) => call.endsWith('/resetSlotConfig'))).toEqual([]);
      // The ledger records what runs: green (v3) is still live, the switch failed with the swap still running.
      expect((await ledgerState()).live).toMatchObject({ release: 'v3', slot: 'green' });
      const records = await (await openLedger({ state: 'azblob://devstoreaccount1/state/shipkit', app: 'shop', environment: 'production', client: azurite.client(), run: { runId: 'reader' } })).records();
      expect(records.at(-1)).toMatchObject({ type: 'switch', status: 'failed', release: 'v4', details: { routedAfter: 'green', routerStillRunning: true } });
      // The swap lands on its own, with nobody polling it (now: the switch is over).
      expect(arm.lastSwapLandedAt).toBeUndefined();
      arm.landSlowSwaps();
      const deadline = Date.now() + 15_000;
      while (!arm.lastSwapLandedAt && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await production()).toBe('v4');
      // A re-run sees production on blue, swaps nothing and records it.
      arm.requests.length = 0;
      const again = await action('blue-green-switch', { to: 'idle' });
      expect(again.errors).toEqual([]);
      expect(again.outputs['live-slot']).toBe('blue');
      expect(armCalls().filter((call) => call.endsWith('/slotsswap'))).toEqual([]);
      expect((await ledgerState()).live).toMatchObject({ release: 'v4', slot: 'blue' });
    } finally {
      writeConfig();
    }
  }, 120_000);

  test('a swap whose operation still runs at the timeout but whose content has landed: production read back runs the new slot, recorded as switched', async () => {
    expect((await action('deploy-env', { release: 'v5' })).outputs.slot).toBe('green');
    writeConfig(true, '2s');
    try {
      arm.requests.length = 0;
      // The content is exchanged after 300 ms; the operation reports running for a minute.
      arm.slowSwapNext = { landAfterMs: 300, doneAfterMs: 60_000 };
      const run = await action('blue-green-switch', { to: 'idle' });
      expect([run.exitCode, run.errors]).toEqual([0, []]);
      expect(run.warnings.join('\n')).toMatch(/The swap of shop-api slot staging into production is still running after 2(\.0)?s, but production already runs green/);
      expect(armCalls().filter((call) => call.endsWith('/resetSlotConfig'))).toEqual([]);
      expect(await production()).toBe('v5');
      expect((await ledgerState()).live).toMatchObject({ release: 'v5', slot: 'green' });
    } finally {
      writeConfig();
    }
  }, 120_000);
});

describe('swap with preview: the deployment slot is checked running with production\'s settings before it takes traffic', () => {
  const APP = 'shop-checked';
  let checkedWorkspace: string;
  const slotUrl = () => `${arm.endpoint}/sites/${APP}/staging/`;
  const settingsOf = (slot: string) => ({ ...arm.sites.get(APP)!.get(slot)!.settings });
  const run = (name: string, inputs: Record<string, string>) => runAction(name, { workspace: checkedWorkspace, event: 'push-main', env: env(), inputs: { environment: 'checked', ...inputs } });

  beforeAll(() => {
    arm.deploy(APP, 'production', 'c1');
    arm.deploy(APP, 'staging', 'empty');
    // DB is a slot setting (sticky): production's database stays production's through every swap.
    arm.slotConfigNames.set(APP, ['DB']);
    arm.sites.get(APP)!.get('production')!.settings = { DB: 'prod-db', FEATURE: 'on' };
    arm.sites.get(APP)!.get('staging')!.settings = { DB: 'staging-db', FEATURE: 'on' };
    // Release c2 works against the staging database and fails against production's (a migration it lacks).
    arm.health = (app, _slotName, slot) => (app === APP && slot.content === 'c2' && slot.settings.DB === 'prod-db' ? 500 : 200);
    checkedWorkspace = workspaceWith({
      app: 'shop',
      state: 'azblob://devstoreaccount1/state/shipkit',
      environments: {
        checked: {
          target: 'command',
          strategy: 'blue-green',
          deploy: ['./deploy.sh'],
          env: { ARM_STANDIN: arm.endpoint, APP },
          url: `${arm.endpoint}/sites/${APP}/production/`,
          slots: { blue: { url: slotUrl() }, green: { url: slotUrl() } },
          router: { type: 'app-service-slots', subscription: SUBSCRIPTION, 'resource-group': 'rg-shop', app: APP, 'arm-endpoint': arm.endpoint, preview: true },
          smoke: { checks: [{ name: 'home', path: '/', 'expect-status': 200 }], timeout: '3s', 'request-timeout': '1s' },
        },
      },
    });
    writeFileSync(path.join(checkedWorkspace, 'deploy.sh'), '#!/bin/sh\nset -e\nnode -e \'fetch(process.env.ARM_STANDIN + "/sites/" + process.env.APP + "/staging/", { method: "PUT", body: process.env.SHIPKIT_RELEASE }).then((r) => process.exit(r.ok ? 0 : 1))\'\n');
    chmodSync(path.join(checkedWorkspace, 'deploy.sh'), 0o755);
  });
  afterAll(() => {
    arm.health = undefined;
  });

  test('a release that fails its checks with production\'s settings is never swapped in: the slot is reset, production untouched', async () => {
    const deployed = await run('deploy-env', { release: 'c2' });
    expect(deployed.errors).toEqual([]);
    const slot = deployed.outputs.slot;
    const before = settingsOf('production');
    const switched = await run('blue-green-switch', { to: 'idle' });
    expect(switched.exitCode).toBe(1);
    expect(switched.errors.join('\n')).toMatch(new RegExp(`Swap with preview stopped before the swap: ${APP} slot staging failed its checks with production's settings applied \\(slot ${slot} \\(.*\\) failed home\\); its settings were reset, production still runs`));
    // No swap was asked for; production serves what it served with its own settings; the slot has its own database back.
    expect(arm.requests.filter((request) => request.path.includes(`/sites/${APP}/slots/staging/slotsswap`))).toEqual([]);
    expect(await arm.serve(APP, 'production')).toBe('c1');
    expect(settingsOf('production')).toEqual(before);
    expect(settingsOf('staging')).toMatchObject({ DB: 'staging-db' });
  }, 120_000);

  test('a release that passes them is swapped in; the sticky setting stays with its slot, the others travel', async () => {
    const deployed = await run('deploy-env', { release: 'c3' });
    expect(deployed.errors).toEqual([]);
    const switched = await run('blue-green-switch', { to: 'idle' });
    expect(switched.errors).toEqual([]);
    expect(switched.log).toMatch(/passed its 1 check\(s\) .* before taking traffic/);
    expect(await arm.serve(APP, 'production')).toBe('c3');
    expect(settingsOf('production')).toMatchObject({ DB: 'prod-db', FEATURE: 'on' });
    expect(settingsOf('staging')).toMatchObject({ DB: 'staging-db' });
  }, 120_000);
});
