import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DeleteObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import path from 'node:path';
import { runAction } from '../harness/index.js';
import { snapshot } from '../harness/store.js';
import { startS3, tempDir, type S3Service } from '../services/index.js';
import { actionEnv, hashServed, hashTree, ledgerOf, servedIndex, workspaceWith, writeSite } from './helpers.js';

let s3: S3Service;
let workspace: string;
let site: string;

beforeAll(async () => {
  s3 = await startS3({ store: 'moto', buckets: ['state'], websites: ['shop-dev', 'shop-qa', 'shop-preview'] });
  site = s3.websiteUrl('shop-dev');
  workspace = workspaceWith({
    app: 'shop',
    state: 's3://state/shipkit',
    environments: {
      development: { target: 's3', strategy: 'direct', s3: { bucket: 'shop-dev' }, url: site },
      qa: { target: 's3', s3: { bucket: 'shop-qa' } },
    },
  });
  for (const version of ['v1', 'v2', 'v3']) writeSite(path.join(workspace, 'build', version), version);
});
afterAll(async () => {
  await s3?.stop();
});

const deploy = (release: string, extra: { env?: Record<string, string>; inputs?: Record<string, string> } = {}) =>
  runAction('deploy-env', {
    workspace,
    event: 'push-develop',
    env: actionEnv(s3, extra.env),
    inputs: { environment: 'development', release, 'source-dir': `build/${release}`, ...extra.inputs },
  });

const rollback = (inputs: Record<string, string>, event: 'workflow-dispatch' | 'push-develop' = 'workflow-dispatch') =>
  runAction('rollback', { workspace, event, env: actionEnv(s3), inputs: { environment: 'development', ...inputs } });

async function siteObjects(): Promise<string[]> {
  const listed = await s3.client().send(new ListObjectsV2Command({ Bucket: 'shop-dev' }));
  return (listed.Contents ?? []).map((object) => `${object.Key} ${object.ETag}`).sort();
}

describe('deploy-env and rollback, direct s3 environment', () => {
  test('deploy v1 then v2: the site serves v2; rollback to previous serves v1 byte-for-byte', async () => {
    const first = await deploy('v1');
    expect(first.errors).toEqual([]);
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({ release: 'v1', 'previous-release': '', url: site, slot: '' });

    const second = await deploy('v2');
    expect(second.exitCode).toBe(0);
    expect(second.outputs).toMatchObject({ release: 'v2', 'previous-release': 'v1' });
    expect(await servedIndex(site)).toContain('<div id="root">v2</div>');
    const v2 = hashTree(path.join(workspace, 'build', 'v2'));
    expect(await hashServed(site, Object.keys(v2))).toEqual(v2);

    const back = await rollback({ to: 'previous', reason: 'checkout broken in v2' });
    expect(back.errors).toEqual([]);
    expect(back.outputs).toMatchObject({ release: 'v1', 'rolled-back-from': 'v2' });
    const v1 = hashTree(path.join(workspace, 'build', 'v1'));
    expect(await hashServed(site, Object.keys(v1))).toEqual(v1);
    // v2's own files are gone (stale files removed after v1's were in place)
    const v2Only = Object.keys(v2).filter((file) => !(file in v1));
    expect(Object.values(await hashServed(site, v2Only)).every((value) => value === 'HTTP 404')).toBe(true);

    const state = await (await ledgerOf(s3, 'development')).state();
    expect(state.live?.release).toBe('v1');
    const rollbackRecord = state.operations.find((op) => op.type === 'rollback')?.end;
    expect(rollbackRecord).toMatchObject({ status: 'succeeded', release: 'v1', previousRelease: 'v2', trigger: 'manual', reason: 'checkout broken in v2', actor: 'octocat' });
    expect(rollbackRecord?.runUrl).toMatch(/^https:\/\/github.com\/.+\/actions\/runs\/\d+$/);
    expect(state.releases.v2.rolledBack).toBe(true);
  });

  test('promoting a release to another environment copies the same bytes from the release store, no source-dir', async () => {
    s3.resetRequests();
    const run = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'qa', release: 'v2' } });
    expect(run.errors).toEqual([]);
    const v2 = hashTree(path.join(workspace, 'build', 'v2'));
    expect(await hashServed(s3.websiteUrl('shop-qa'), Object.keys(v2))).toEqual(v2);
    // Nothing was uploaded to the release store again.
    expect(s3.requests().filter((request) => request.method === 'PUT' && request.path.startsWith('/state/shipkit/releases/'))).toEqual([]);
    const missing = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'qa', release: 'v7' } });
    expect(missing.errors.join('\n')).toMatch(/Input "release" names release "v7", which is not in the release store/);
  });

  test('deploying the live release again is a recorded no-op', async () => {
    const before = await siteObjects();
    const again = await deploy('v1');
    expect(again.exitCode).toBe(0);
    expect(again.log).toContain('already live');
    expect(await siteObjects()).toEqual(before);
    const state = await (await ledgerOf(s3, 'development')).state();
    expect(state.operations.at(-1)?.end?.details).toMatchObject({ noop: true });
  });

  test('rollback to an unknown release or one no longer in the release store is refused; nothing changes', async () => {
    const ledger = await ledgerOf(s3, 'development');
    const recordsBefore = (await ledger.records()).length;
    const before = await siteObjects();

    const unknown = await rollback({ to: 'v9' });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.errors.join('\n')).toMatch(/Input "to" has an invalid value "v9": release v9 was never deployed successfully to development/);

    // Retention (or a person) removed v2 from the release store.
    const client = s3.client();
    const stored = await client.send(new ListObjectsV2Command({ Bucket: 'state', Prefix: 'shipkit/releases/shop/v2/' }));
    expect(stored.Contents?.length).toBeGreaterThan(0);
    await client.send(new DeleteObjectsCommand({ Bucket: 'state', Delete: { Objects: (stored.Contents ?? []).map((object) => ({ Key: object.Key! })) } }));
    const pruned = await rollback({ to: 'v2' });
    expect(pruned.exitCode).toBe(1);
    expect(pruned.errors.join('\n')).toMatch(/release "v2", which is not in the release store/);

    expect(await siteObjects()).toEqual(before);
    expect((await ledger.records()).length).toBe(recordsBefore);
  });

  test('an automatic rollback (a failed pipeline step) is recorded as automatic', async () => {
    expect((await deploy('v3')).exitCode).toBe(0);
    const back = await rollback({ to: 'previous', reason: 'smoke test failed' }, 'push-develop');
    expect(back.outputs).toMatchObject({ release: 'v1', 'rolled-back-from': 'v3' });
    const state = await (await ledgerOf(s3, 'development')).state();
    expect(state.operations.filter((op) => op.type === 'rollback').at(-1)?.end).toMatchObject({ trigger: 'automatic', reason: 'smoke test failed' });
    expect(await servedIndex(site)).toContain('<div id="root">v1</div>');
  });

  test('works without a config file: every setting from inputs, for deploy-env and rollback', async () => {
    const bare = tempDir('bare-ws');
    writeSite(path.join(bare, 'out', 'p1'), 'p1');
    writeSite(path.join(bare, 'out', 'p2'), 'p2');
    const settings = { app: 'blog', state: 's3://state/other', target: 's3', bucket: 'shop-preview' };
    for (const release of ['p1', 'p2']) {
      const run = await runAction('deploy-env', { workspace: bare, env: actionEnv(s3), inputs: { environment: 'preview', release, 'source-dir': `out/${release}`, ...settings } });
      expect(run.errors).toEqual([]);
    }
    const back = await runAction('rollback', { workspace: bare, env: actionEnv(s3), event: 'workflow-dispatch', inputs: { environment: 'preview', ...settings } });
    expect(back.errors).toEqual([]);
    expect(back.outputs).toMatchObject({ release: 'p1', 'rolled-back-from': 'p2' });
    expect(await servedIndex(s3.websiteUrl('shop-preview'))).toContain('<div id="root">p1</div>');
    expect((await (await ledgerOf(s3, 'preview', 'blog', 's3://state/other')).state()).live?.release).toBe('p1');
  });

  test('bad input is refused before anything changes, naming the input: every object (ledger, release store, site) byte for byte as before', async () => {
    // The whole store: the ledger and its lease, the release store, the live site and the qa site.
    const everything = () => snapshot({ client: s3.client(), buckets: ['state', 'shop-dev', 'shop-qa', 'shop-preview'] });
    const before = await everything();
    expect(Object.keys(before).some((key) => key.startsWith('state/shipkit/ledger/'))).toBe(true);
    const badRelease = await deploy('v1', { inputs: { release: 'not a release!' } });
    expect(badRelease.exitCode).toBe(1);
    expect(badRelease.errors.join('\n')).toMatch(/Input "release" has an invalid value "not a release!"/);
    const missingDir = await deploy('v4');
    expect(missingDir.exitCode).toBe(1);
    expect(missingDir.errors.join('\n')).toMatch(/Input "source-dir" has an invalid value "build\/v4"/);
    const unknownEnv = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'prod', release: 'v1', 'source-dir': 'build/v1' } });
    expect(unknownEnv.exitCode).toBe(1);
    expect(unknownEnv.errors.join('\n')).toMatch(/Input "environment" has an invalid value "prod": expected one of the environments in .github\/shipkit.yml \(development, qa\)/);
    expect(await everything()).toEqual(before);
  });
});
