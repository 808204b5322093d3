import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { runAction } from '../harness/index.js';
import { startS3, type S3Service } from '../services/index.js';
import { actionEnv, hashServed, hashTree, ledgerOf, servedIndex, workspaceWith, writeSite } from './helpers.js';

let s3: S3Service;

beforeAll(async () => {
  s3 = await startS3({ buckets: ['state'], websites: ['race-site', 'fault-site'] });
});
afterAll(async () => {
  await s3?.stop();
});

describe('concurrency and faults', () => {
  test('S3 dies mid-install: the deploy fails, the previous release still serves completely, a re-run completes', async () => {
    const workspace = workspaceWith({
      app: 'shop',
      state: 's3://state/shipkit',
      environments: { fault: { target: 's3', s3: { bucket: 'fault-site' } } },
    });
    const site = s3.websiteUrl('fault-site');
    writeSite(path.join(workspace, 'build', 'f1'), 'f1', 40);
    writeSite(path.join(workspace, 'build', 'f2'), 'f2', 200);
    const deploy = (release: string, env: Record<string, string> = {}) =>
      runAction('deploy-env', { workspace, env: actionEnv(s3, env), inputs: { environment: 'fault', release, 'source-dir': `build/${release}` } });
    expect((await deploy('f1')).exitCode).toBe(0);
    const f1 = hashTree(path.join(workspace, 'build', 'f1'));

    // Kill S3 as soon as the install into the site bucket has started writing.
    s3.resetRequests();
    let killed = false;
    const watcher = (async () => {
      for (let i = 0; i < 3000 && !killed; i++) {
        if (s3.requests().some((request) => request.method === 'PUT' && request.path.startsWith('/fault-site/assets/'))) {
          await s3.kill();
          killed = true;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const failed = await deploy('f2', { GITHUB_RUN_ID: '777', GITHUB_RUN_ATTEMPT: '1' });
    await watcher;
    expect(killed).toBe(true);
    expect(failed.exitCode).toBe(1);
    expect(failed.errors.join('\n')).toMatch(/fault-site/);

    await s3.restart();
    // Assets of f2 may be partly there, but index.html and every f1 file are still f1's.
    expect(await servedIndex(site)).toContain('<div id="root">f1</div>');
    expect(await hashServed(site, Object.keys(f1))).toEqual(f1);
    expect((await (await ledgerOf(s3, 'fault')).state()).live?.release).toBe('f1');

    // GitHub's "re-run failed jobs": same run id, next attempt.
    const rerun = await deploy('f2', { GITHUB_RUN_ID: '777', GITHUB_RUN_ATTEMPT: '2' });
    expect(rerun.errors).toEqual([]);
    expect(rerun.exitCode).toBe(0);
    expect(rerun.warnings.join('\n')).not.toMatch(/Ledger conflict/);
    const f2 = hashTree(path.join(workspace, 'build', 'f2'));
    expect(await hashServed(site, Object.keys(f2))).toEqual(f2);
    const state = await (await ledgerOf(s3, 'fault')).state();
    expect(state.live?.release).toBe('f2');
    expect(state.previous?.release).toBe('f1');
  });
});
