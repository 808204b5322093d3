import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { countRequests } from '@shipkit/s3';
import { STORE_KINDS, startStore, type StoreServer } from '../../../test/services/index.js';
import { openLedger, type Ledger } from '../src/index.js';

describe.each(STORE_KINDS)('ledger on %s', (kind) => {
  let s3: StoreServer;
  let environmentCounter = 0;

  beforeAll(async () => {
    s3 = await startStore(kind, { buckets: ['state'] });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  function ledgerFor(environment: string, runId: string, warnings: string[] = [], compactEvery?: number, client = s3.client()): Promise<Ledger> {
    return openLedger({
      state: (kind === 'azurite' ? 'azblob://devstoreaccount1/state/shipkit' : 's3://state/shipkit'),
      app: 'shop',
      environment,
      client,
      run: { runId, actor: 'octocat', runUrl: `https://github.com/acme/shop/actions/runs/${runId}` },
      warn: (message) => warnings.push(message),
      compactEvery,
    });
  }

  const freshEnvironment = () => `env${++environmentCounter}`;

  describe('ledger in S3', () => {
    test('records are separate objects, never overwritten, and derive the state', async () => {
      const ledger = await ledgerFor(freshEnvironment(), '1');
      const first = await ledger.begin({ type: 'deploy', release: 'v1' });
      await first.succeed({ details: { files: 3 } });
      const second = await ledger.begin({ type: 'deploy', release: 'v2', previousRelease: 'v1' });
      await second.fail(new Error('S3 went away'));

      const listed = await s3.client().send(new ListObjectsV2Command({ Bucket: s3.bucket('state'), Prefix: ledger.prefix }));
      expect(listed.Contents?.map((object) => object.Key?.replace(ledger.prefix, ''))).toHaveLength(4);
      expect(ledger.prefix).toBe(`shipkit/ledger/shop/${ledger.environment}/`);

      const records = await (await ledgerFor(ledger.environment, 'reader')).records();
      expect(records.map((record) => [record.type, record.status, record.release])).toEqual([
        ['deploy', 'started', 'v1'],
        ['deploy', 'succeeded', 'v1'],
        ['deploy', 'started', 'v2'],
        ['deploy', 'failed', 'v2'],
      ]);
      expect(records[1]).toMatchObject({ operation: records[0].id, actor: 'octocat', runUrl: 'https://github.com/acme/shop/actions/runs/1', details: { files: 3 } });
      expect(records[3].error).toBe('S3 went away');
      const state = await ledger.state();
      expect(state.live?.release).toBe('v1');
    });

    test('two runs deploying at once: both records kept, the conflict reported by both and stored', async () => {
      const environment = freshEnvironment();
      const warningsA: string[] = [];
      const warningsB: string[] = [];
      const a = await ledgerFor(environment, 'A', warningsA);
      const b = await ledgerFor(environment, 'B', warningsB);
      const basisA = await a.state();
      const basisB = await b.state();
      const opA = await a.begin({ type: 'deploy', release: 'v1' }, basisA);
      const opB = await b.begin({ type: 'deploy', release: 'v2' }, basisB);
      const endA = await opA.succeed();
      const endB = await opB.succeed();

      expect(warningsB.join('\n')).toMatch(/conflict.*deploy of v2.*started while deploy of v1/);
      expect(warningsA.join('\n')).toMatch(/conflict/);
      expect(endA.conflicts?.[0]).toMatchObject({ kind: 'concurrent', operation: opA.id, other: opB.id });
      expect(endB.conflicts?.[0]).toMatchObject({ kind: 'concurrent', operation: opB.id, other: opA.id });
      const state = await (await ledgerFor(environment, 'reader')).state();
      expect(state.recordCount).toBe(4);
      expect(state.conflicts).toHaveLength(1);
    });

    test('a record written between read and write is a state-changed conflict', async () => {
      const environment = freshEnvironment();
      const warnings: string[] = [];
      const slow = await ledgerFor(environment, 'slow', warnings);
      const basis = await slow.state();
      const fast = await ledgerFor(environment, 'fast');
      await (await fast.begin({ type: 'deploy', release: 'v9' })).succeed();
      const op = await slow.begin({ type: 'deploy', release: 'v1' }, basis);
      expect(op.conflicts.map((conflict) => conflict.kind)).toEqual(['state-changed']);
      expect(warnings[0]).toContain('v9');
    });

    test('hundreds of records: compaction snapshots keep reads to a handful of requests and lose nothing', async () => {
      const environment = freshEnvironment();
      const writer = await ledgerFor(environment, 'w', [], 50);
      // 100 records through operations (compacting on the way), 200 more appended directly.
      for (let i = 0; i < 50; i++) await (await writer.begin({ type: 'deploy', release: `v${i}` })).succeed();
      for (let i = 50; i < 150; i++) {
        const started = await writer.append({ type: 'deploy', status: 'started', release: `v${i}` });
        await writer.append({ type: 'deploy', status: 'succeeded', release: `v${i}`, operation: started.id });
      }
      await writer.compactIfNeeded();
      // A record written by another run without compaction, after the last snapshot.
      const other = await ledgerFor(environment, 'other', [], 100_000);
      await other.recordSmokeResult({ passed: true, release: 'v149' });

      const snapshots = await s3.client().send(new ListObjectsV2Command({ Bucket: s3.bucket('state'), Prefix: `${writer.prefix}snapshots/` }));
      expect(snapshots.Contents?.length).toBeGreaterThanOrEqual(1);
      expect(snapshots.Contents?.length).toBeLessThanOrEqual(2);

      const client = s3.client();
      const counts = countRequests(client);
      const reader = await ledgerFor(environment, 'reader', [], undefined, client);
      const state = await reader.state();
      expect(state.recordCount).toBe(301);
      expect(state.live?.release).toBe('v149');
      expect(state.liveSmoke?.passed).toBe(true);
      expect(state.previous?.release).toBe('v148');
      expect(state.history).toHaveLength(150);
      // 2 listings + 1 snapshot + the few records written after it, instead of 301 GETs.
      expect(counts.byCommand.GetObject).toBeLessThan(60);
    });
  });
});
