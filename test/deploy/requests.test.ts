/**
 * How many requests a deploy-env / rollback run makes to the state store, by kind, through the
 * committed bundles on s3rver (which logs every request; no conditional writes, so the ledger also
 * lists its records before each of its appends that has no fresh listing). Each request is CPU in
 * the action and the store, and latency on GitHub: the ledger is read through one instance per run,
 * so its records are fetched once and its snapshots listed once, whatever phase reads it again.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { runAction, type RunResult } from '../harness/index.js';
import { startS3, type S3Service } from '../services/index.js';
import { actionEnv, workspaceWith, writeSite } from './helpers.js';

const LEDGER = '/state/shipkit/ledger/shop/development/';

let s3: S3Service;
let workspace: string;

beforeAll(async () => {
  s3 = await startS3({ buckets: ['state'], websites: ['shop-dev'] });
  workspace = workspaceWith({ app: 'shop', state: 's3://state/shipkit', environments: { development: { target: 's3', strategy: 'direct', s3: { bucket: 'shop-dev' } } } });
  // 7 files each: 5 hashed assets, robots.txt, index.html.
  for (const version of ['r1', 'r2']) writeSite(path.join(workspace, 'build', version), version);
});
afterAll(async () => {
  await s3?.stop();
});

/** The run's requests to the environment's ledger, by kind, and the total to the store. */
async function counted(run: () => Promise<RunResult>): Promise<Record<string, number>> {
  s3.resetRequests();
  const result = await run();
  expect(result.errors).toEqual([]);
  const requests = s3.requests();
  const counts: Record<string, number> = { total: requests.length, recordLists: 0, snapshotLists: 0, recordGets: 0, recordPuts: 0, leaseGets: 0 };
  for (const request of requests) {
    const prefix = new URLSearchParams(request.url.split('?')[1] ?? '').get('prefix');
    if (request.method === 'GET' && prefix === `${LEDGER.slice('/state/'.length)}records/`) counts.recordLists++;
    else if (request.method === 'GET' && prefix === `${LEDGER.slice('/state/'.length)}snapshots/`) counts.snapshotLists++;
    else if (request.path.startsWith(`${LEDGER}records/`)) counts[request.method === 'GET' ? 'recordGets' : 'recordPuts']++;
    else if (request.method === 'GET' && request.path === `${LEDGER}lease.json`) counts.leaseGets++;
  }
  return counts;
}

const deploy = (release: string) => runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'development', release, 'source-dir': `build/${release}` } });

describe('requests of a direct deploy and a rollback to the state store (s3rver)', () => {
  test('the ledger is listed once per read that needs the store, each record fetched at most once, the lease read before each write phase', async () => {
    // The first deploy: an empty ledger. Was 63 requests: records listed 8 times, snapshots 6.
    const first = await counted(() => deploy('r1'));
    expect(first).toEqual({
      total: expect.any(Number),
      // the decision's read, the listing before the started record (no conditional writes), the conflict check after it,
      // the one read at the end (conflicts, already ended?, sequence number), retention's read
      recordLists: 5,
      snapshotLists: 1,
      recordGets: 0,
      recordPuts: 2,
      // acquire + read-back (no conditional writes), the fences before record, upload, install and record, the release
      leaseGets: 7,
    });
    expect(first.total).toBeLessThanOrEqual(53);

    // The second: 2 records in the ledger, each fetched once (retention reads them through the run's ledger). Was 65 requests.
    const second = await counted(() => deploy('r2'));
    expect(second).toEqual({ total: expect.any(Number), recordLists: 5, snapshotLists: 1, recordGets: 2, recordPuts: 2, leaseGets: 7 });
    expect(second.total).toBeLessThanOrEqual(53);

    // A rollback (4 records). Was 46 requests: records listed 7 times, snapshots 5.
    const back = await counted(() => runAction('rollback', { workspace, event: 'workflow-dispatch', env: actionEnv(s3), inputs: { environment: 'development', to: 'previous' } }));
    expect(back).toEqual({ total: expect.any(Number), recordLists: 4, snapshotLists: 1, recordGets: 4, recordPuts: 2, leaseGets: 6 });
    expect(back.total).toBeLessThanOrEqual(39);
  });
});
