/**
 * Releases are immutable, through the committed deploy-env bundle on moto and on Azure Blob
 * (azurite): deploying a release name the release store already holds, from files that differ,
 * is refused before anything changes — no lease, no ledger record, not a byte of the release
 * store or of the served location — naming differing files and the choice (a new release name, or
 * from-release). The same files again stay a no-op.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { runAction } from '../harness/index.js';
import { AZURITE_ACCOUNT, startStore, type StoreServer } from '../services/index.js';
import { openLedger } from '../../packages/ledger/src/index.js';
import { workspaceWith, writeSite } from './helpers.js';

/** Every key of a bucket with its ETag and a hash of its bytes: what "unchanged byte for byte" means. */
async function contents(store: StoreServer, bucket: string): Promise<Record<string, string>> {
  const client = store.client();
  const out: Record<string, string> = {};
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: store.bucket(bucket), ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      const body = await (await client.send(new GetObjectCommand({ Bucket: store.bucket(bucket), Key: object.Key! }))).Body!.transformToString('base64');
      out[object.Key!] = `${object.ETag} ${body}`;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

describe.each(['moto', 'azurite'] as const)('a release name always means the same files, through deploy-env on %s', (kind) => {
  let store: StoreServer;
  let workspace: string;
  let state: string;
  beforeAll(async () => {
    store = await startStore(kind, { buckets: ['state', 'site'] });
    state = kind === 'azurite' ? `azblob://${AZURITE_ACCOUNT}/state/shipkit` : 's3://state/shipkit';
    const location = kind === 'azurite' ? { azure: { account: AZURITE_ACCOUNT, container: 'site' } } : { s3: { bucket: 'site' } };
    workspace = workspaceWith({ app: 'shop', state, environments: { production: { target: 's3', ...location } } });
    // a: the build v1 was made from; b: a rebuild under the same name (index.html changed, a file added, one gone).
    writeSite(path.join(workspace, 'build', 'a'), 'v1', 3);
    writeSite(path.join(workspace, 'build', 'b'), 'v1', 3);
    writeFileSync(path.join(workspace, 'build', 'b', 'index.html'), '<!doctype html><title>shop v1 rebuilt</title><div id="root">v1 rebuilt</div>\n');
    writeFileSync(path.join(workspace, 'build', 'b', 'late-addition.js'), 'console.log("new");\n');
    rmSync(path.join(workspace, 'build', 'b', 'robots.txt'));
    writeSite(path.join(workspace, 'build', 'v2'), 'v2', 3);
  }, 60_000);
  afterAll(async () => {
    await store?.stop();
  });

  const env = () => ({ ...store.env, AWS_MAX_ATTEMPTS: '2' });
  const deploy = (release: string, dir: string) => runAction('deploy-env', { workspace, env: env(), inputs: { environment: 'production', release, 'source-dir': `build/${dir}` } });
  const records = async () => (await openLedger({ state, app: 'shop', environment: 'production', client: store.client(), run: { runId: 'test-reader' } })).records();

  /** Deploys v1 from build/b and expects the refusal, with nothing changed anywhere. */
  async function expectRefused(): Promise<void> {
    const [stateBefore, siteBefore, recordsBefore] = [await contents(store, 'state'), await contents(store, 'site'), (await records()).length];
    const run = await deploy('v1', 'b');
    expect(run.exitCode).toBe(1);
    const error = run.errors.join('\n');
    expect(error).toMatch(/Release "v1" is already in the release store \((s3|azblob):\/\/.*state\/shipkit\/releases\/shop\/v1\/\) with other files than source-dir ".*build\/b" holds \(3 files differ: changed "index\.html"; added "late-addition\.js"; removed "robots\.txt"\)/);
    expect(error).toMatch(/new release name/);
    expect(error).toMatch(/from-release: v1/);
    expect(run.log).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
    // Refused before the lease: no lease taken (it lives in the state store), no record, not a byte written.
    expect(await contents(store, 'state')).toEqual(stateBefore);
    expect(await contents(store, 'site')).toEqual(siteBefore);
    expect((await records()).length).toBe(recordsBefore);
  }

  test('v1 from other files is refused while v1 is live; the same files again are a no-op', async () => {
    const first = await deploy('v1', 'a');
    expect([first.exitCode, first.errors]).toEqual([0, []]);
    await expectRefused();
    const again = await deploy('v1', 'a');
    expect([again.exitCode, again.errors]).toEqual([0, []]);
    expect(again.log).toMatch(/Release v1 is already live on production.*nothing to do/);
  }, 180_000);

  test('v1 from other files is refused when v1 is only in the release store (v2 live)', async () => {
    const second = await deploy('v2', 'v2');
    expect([second.exitCode, second.errors]).toEqual([0, []]);
    await expectRefused();
  }, 180_000);
});
