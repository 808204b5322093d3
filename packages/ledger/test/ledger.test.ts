import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
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

  function ledgerFor(environment: string, runId: string, warnings: string[] = [], compactEvery?: number, client = s3.client(), now?: () => number): Promise<Ledger> {
    return openLedger({
      now,
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

    // (Ids made in one process strictly increase, so this in-process writer's clock shows in `time` only; clock-skew.test.ts runs it from a real skewed process.)
    test('records are ordered by sequence, not by the writers\' clocks: a deploy from a clock 30 s ahead, then a rollback, leaves the rollback live', async () => {
      const environment = freshEnvironment();
      const correct = await ledgerFor(environment, 'correct');
      const ahead = await ledgerFor(environment, 'ahead', [], undefined, s3.client(), () => Date.now() + 30_000);
      await (await correct.begin({ type: 'deploy', release: 'p1' }, await correct.state())).succeed();
      const deploy = await ahead.begin({ type: 'deploy', release: 'p2', previousRelease: 'p1' }, await ahead.state());
      await deploy.succeed();
      const before = await correct.state();
      expect(before.live?.release).toBe('p2');
      const rollback = await correct.begin({ type: 'rollback', release: 'p1', previousRelease: 'p2', trigger: 'automatic' }, before);
      expect(rollback.conflicts).toEqual([]);
      const end = await rollback.succeed();
      // The deploy's times are 30 s ahead of the rollback's; its sequence numbers come before.
      expect(Date.parse(end.time)).toBeLessThan(Date.parse(deploy.started.time));
      expect(end.seq).toBeGreaterThan(deploy.started.seq!);

      const records = await (await ledgerFor(environment, 'reader')).records();
      expect(records.map((record) => record.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(records.map((record) => [record.type, record.status, record.release])).toEqual([
        ['deploy', 'started', 'p1'], ['deploy', 'succeeded', 'p1'], ['deploy', 'started', 'p2'], ['deploy', 'succeeded', 'p2'], ['rollback', 'started', 'p1'], ['rollback', 'succeeded', 'p1'],
      ]);
      const state = await (await ledgerFor(environment, 'reader')).state();
      expect(state.live?.release).toBe('p1');
      expect(state.lastRecordId).toBe(end.id);
      expect(state.lastRecordSeq).toBe(6);
      expect(state.releases.p2.rolledBack).toBe(true);
      expect(state.history.map((change) => change.release)).toEqual(['p1', 'p2', 'p1']);
      // The next rollback goes back from p1, not "from p2".
      expect(state.previous).toBeUndefined();

      // A record's key names its sequence number (and, on stores without conditional writes, its id too).
      const listed = await s3.client().send(new ListObjectsV2Command({ Bucket: s3.bucket('state'), Prefix: `${correct.prefix}records/` }));
      const names = (listed.Contents ?? []).map((object) => object.Key!.slice(`${correct.prefix}records/`.length)).sort();
      if (s3.kind === 's3rver') expect(names[0]).toMatch(/^000000000001-\d{8}T\d{9}Z-[0-9a-f]{8}\.json$/);
      else expect(names).toEqual(['000000000001.json', '000000000002.json', '000000000003.json', '000000000004.json', '000000000005.json', '000000000006.json']);
    });

    test('a writer whose next number was taken meanwhile re-reads and takes the one after; nothing is lost', async () => {
      const environment = freshEnvironment();
      const a = await ledgerFor(environment, 'A');
      const b = await ledgerFor(environment, 'B');
      await a.state();
      await b.state(); // both know the ledger is empty: both will try number 1
      const ra = await a.recordSmokeResult({ passed: true, release: 'v1' });
      const stale = await b.recordSmokeResult({ passed: false, release: 'v1' }); // b still believes number 1 is free
      expect([ra.seq, stale.seq]).toEqual([1, 2]);
      const records = await (await ledgerFor(environment, 'reader')).records();
      expect(records.map((record) => [record.id, record.seq])).toEqual([[ra.id, 1], [stale.id, 2]]);
      // Each writer's view moves on: a's next record takes number 3 (after a refused create of 2 where the store refuses).
      expect((await a.recordSmokeResult({ passed: true, release: 'v1' })).seq).toBe(3);
    });

    if (kind !== 's3rver') {
      test('writers racing for the same number at once all get one of their own (conditional stores)', async () => {
        const environment = freshEnvironment();
        const writers = await Promise.all(['A', 'B', 'C'].map((run) => ledgerFor(environment, run)));
        await Promise.all(writers.map((writer) => writer.state()));
        const written = await Promise.all(writers.map((writer, i) => writer.recordSmokeResult({ passed: true, release: `v${i}` })));
        const records = await (await ledgerFor(environment, 'reader')).records();
        // (moto checks If-None-Match and stores in two steps without a lock: under heavy load two creates can both succeed there; S3 and Azure are atomic.)
        if (s3.kind !== 'moto') {
          expect(written.map((record) => record.seq).sort()).toEqual([1, 2, 3]);
          expect(records.map((record) => record.seq)).toEqual([1, 2, 3]);
        }
        expect(records.length).toBeGreaterThanOrEqual(s3.kind === 'moto' ? 1 : 3);
      });
    }

    test('records written before sequences (no seq, keyed by id) come first, in id order', async () => {
      const environment = freshEnvironment();
      const ledger = await ledgerFor(environment, 'new');
      // An old ledger: two records keyed by id, one of them stamped far in the future by a wrong clock.
      const old = (id: string, release: string, status: string) => ({ id, operation: id, type: 'deploy', status, app: 'shop', environment, release, time: '2026-01-01T00:00:00.000Z' });
      const early = '20260101T000000000Z-aaaaaaaa';
      const future = '20990101T000000000Z-bbbbbbbb';
      await s3.client().send(new PutObjectCommand({ Bucket: s3.bucket('state'), Key: `${ledger.prefix}records/${future}.json`, Body: JSON.stringify({ ...old(future, 'o2', 'succeeded'), operation: early }) }));
      await s3.client().send(new PutObjectCommand({ Bucket: s3.bucket('state'), Key: `${ledger.prefix}records/${early}.json`, Body: JSON.stringify(old(early, 'o2', 'started')) }));
      await (await ledger.begin({ type: 'deploy', release: 'n1', previousRelease: 'o2' }, await ledger.state())).succeed();
      const records = await (await ledgerFor(environment, 'reader')).records();
      expect(records.map((record) => [record.id.slice(0, 4), record.seq])).toEqual([['2026', undefined], ['2099', undefined], [expect.any(String), 1], [expect.any(String), 2]]);
      const state = await (await ledgerFor(environment, 'reader')).state();
      expect(state.live?.release).toBe('n1');
      expect(state.previous?.release).toBe('o2');
    });

    test('one instance for a whole run: every read lists the records again (another writer\'s record is seen), nothing is fetched twice, snapshots are listed when records are missing', async () => {
      const environment = freshEnvironment();
      const other = await ledgerFor(environment, 'other');
      await (await other.begin({ type: 'deploy', release: 'v1' })).succeed();
      const client = s3.client();
      const counts = countRequests(client);
      const run = await ledgerFor(environment, 'run', [], undefined, client);
      // The first read: the records and the snapshots listed, each record fetched.
      expect((await run.records()).map((record) => record.release)).toEqual(['v1', 'v1']);
      expect(counts.byCommand).toEqual({ ListObjectsV2: 2, GetObject: 2 });
      // Nothing new: the records listed again, nothing fetched, no snapshot listing.
      counts.reset();
      expect(await run.records()).toHaveLength(2);
      expect(counts.byCommand).toEqual({ ListObjectsV2: 1 });
      // Another writer's record (a smoke test's, which holds no lease) is seen by the next read, and only it is fetched.
      await other.recordSmokeResult({ passed: true, release: 'v1' });
      counts.reset();
      expect((await run.records()).map((record) => record.type)).toEqual(['deploy', 'deploy', 'smoke']);
      expect(counts.byCommand).toEqual({ ListObjectsV2: 2, GetObject: 1 });
      // An operation of the run: its own records are never fetched back; its end reads the ledger once.
      counts.reset();
      const operation = await run.begin({ type: 'deploy', release: 'v2', previousRelease: 'v1' }, await run.state());
      await operation.succeed();
      expect(counts.byCommand.GetObject ?? 0).toBe(0);
      expect(counts.byCommand.ListObjectsV2).toBeLessThanOrEqual(kind === 's3rver' ? 4 : 3); // state, after started, at the end (+ before started, without conditional writes)
      const fresh = await (await ledgerFor(environment, 'reader')).records();
      expect(fresh.map((record) => `${record.type} ${record.status} ${record.release}`)).toEqual(['deploy started v1', 'deploy succeeded v1', 'smoke succeeded v1', 'deploy started v2', 'deploy succeeded v2']);
      expect((await run.records()).map((record) => record.id)).toEqual(fresh.map((record) => record.id));
    });

    test('dozens of records: compaction snapshots keep reads to a handful of requests and lose nothing', async () => {
      // Compacting every 10 records (the default is 100): three snapshots, the oldest deleted, and a read from the latest, as hundreds of records would give with a higher threshold.
      const environment = freshEnvironment();
      const writer = await ledgerFor(environment, 'w', [], 10);
      // 20 records through operations (compacting on the way), 40 more appended directly.
      for (let i = 0; i < 10; i++) await (await writer.begin({ type: 'deploy', release: `v${i}` })).succeed();
      for (let i = 10; i < 30; i++) {
        const started = await writer.append({ type: 'deploy', status: 'started', release: `v${i}` });
        await writer.append({ type: 'deploy', status: 'succeeded', release: `v${i}`, operation: started.id });
      }
      await writer.compactIfNeeded();
      // A record written by another run without compaction, after the last snapshot.
      const other = await ledgerFor(environment, 'other', [], 100_000);
      await other.recordSmokeResult({ passed: true, release: 'v29' });

      const snapshots = await s3.client().send(new ListObjectsV2Command({ Bucket: s3.bucket('state'), Prefix: `${writer.prefix}snapshots/` }));
      expect(snapshots.Contents?.length).toBeGreaterThanOrEqual(1);
      expect(snapshots.Contents?.length).toBeLessThanOrEqual(2);

      const client = s3.client();
      const counts = countRequests(client);
      const reader = await ledgerFor(environment, 'reader', [], undefined, client);
      const state = await reader.state();
      expect(state.recordCount).toBe(61);
      expect(state.live?.release).toBe('v29');
      expect(state.liveSmoke?.passed).toBe(true);
      expect(state.previous?.release).toBe('v28');
      expect(state.history).toHaveLength(30);
      // 2 listings + 1 snapshot + the few records written after it, instead of 61 GETs.
      expect(counts.byCommand.GetObject).toBeLessThan(12);
    }, 180_000); // on s3rver each append lists the ledger first (no conditional writes to refuse a stale number)
  });
});
