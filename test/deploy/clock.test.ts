/**
 * A runner with a wrong clock, through the committed bundles on moto: a deploy from a runner whose
 * clock is 30 s ahead (a preload shifts Date in the action's process), then an automatic rollback
 * from a runner with a right clock. Records are ordered by their sequence in the store, not by the
 * writers' clocks, so the ledger and the site agree: p1 is live and served, rolled back from p2.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runAction } from '../harness/index.js';
import { startMoto, type MotoService } from '../services/index.js';
import { actionEnv, hashServed, hashTree, ledgerOf, workspaceWith, writeSite } from './helpers.js';

const preload = pathToFileURL(path.resolve('packages/ledger/test/skew/preload-clock.mjs')).href;
let moto: MotoService;
beforeAll(async () => {
  moto = await startMoto({ buckets: ['state'], websites: ['clock-site'] });
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe('a runner whose clock is wrong', () => {
  test('a deploy from a runner 30 s ahead, then a rollback: ledger and site agree', async () => {
    const workspace = workspaceWith({ app: 'shop', state: 's3://state/shipkit', environments: { production: { target: 's3', s3: { bucket: 'clock-site' } } } });
    for (const release of ['p1', 'p2']) writeSite(path.join(workspace, 'build', release), release);
    const deploy = (release: string, env: Record<string, string> = {}) => runAction('deploy-env', { workspace, env: actionEnv(moto, env), inputs: { environment: 'production', release, 'source-dir': `build/${release}` } });
    expect((await deploy('p1')).exitCode).toBe(0);
    const ahead = await deploy('p2', { NODE_OPTIONS: `--import ${preload}`, SHIPKIT_TEST_CLOCK_SHIFT_MS: '30000' });
    expect(ahead.errors).toEqual([]);
    const rolled = await runAction('rollback', { workspace, env: actionEnv(moto), inputs: { environment: 'production', to: 'previous', reason: 'smoke test failed' } });
    expect(rolled.errors).toEqual([]);
    expect(rolled.outputs).toMatchObject({ release: 'p1', 'rolled-back-from': 'p2', changed: 'true' });

    // The rollback's record carries an earlier time than the deploy's (the deploy's runner was ahead), and still comes after it.
    const ledger = await ledgerOf(moto, 'production');
    const { state, records } = await ledger.read();
    const deployEnd = records.find((record) => record.type === 'deploy' && record.release === 'p2' && record.status === 'succeeded')!;
    const rollbackEnd = records.find((record) => record.type === 'rollback' && record.status === 'succeeded')!;
    expect(Date.parse(rollbackEnd.time)).toBeLessThan(Date.parse(deployEnd.time));
    expect(records.indexOf(rollbackEnd)).toBeGreaterThan(records.indexOf(deployEnd));
    expect(state.live?.release).toBe('p1');
    const p1 = hashTree(path.join(workspace, 'build', 'p1'));
    expect(await hashServed(moto.websiteUrl('clock-site'), Object.keys(p1))).toEqual(p1);
  });
});
