/**
 * Fencing, through the committed bundles on moto: a run whose lease renewals fail (the store
 * answers 503 to them) loses its lease once it expires; another run takes over and deploys; the
 * first run then installs nothing and fails naming the run that holds the environment now.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runAction } from '../harness/index.js';
import { startMoto, tempDir, waitUntil, type MotoService } from '../services/index.js';
import { startFlakyProxy } from '../../packages/s3/test/flaky-proxy.js';
import { actionEnv, hashServed, hashTree, ledgerOf, workspaceWith, writeSite } from './helpers.js';

let moto: MotoService;
beforeAll(async () => {
  moto = await startMoto({ buckets: ['state'], websites: ['fenced-site'] });
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe('a run that lost its lease writes nothing more', () => {
  test('renewals fail, another run takes over and deploys; the first run installs nothing and fails naming the new holder', async () => {
    // The hooks wait for events, not for guessed times: each says it started (`<dir>/<release>.started`);
    // a1's (the first run's) returns once b1's has started, i.e. once the second run has taken over the
    // first's expired lease; b1's returns when the test writes `<dir>/go`, after the first run ended, so
    // the first run finds the environment held, by run 5002. (Each gives up after 60 s.)
    const dir = tempDir('fencing-hook');
    const workspace = workspaceWith({
      app: 'shop',
      state: 's3://state/shipkit',
      lock: { expiry: '5s' },
      environments: { production: { target: 's3', s3: { bucket: 'fenced-site' }, 'pre-deploy': ['./slow-hook.sh', dir] } },
    });
    mkdirSync(path.join(workspace, 'build'), { recursive: true });
    writeFileSync(
      path.join(workspace, 'slow-hook.sh'),
      '#!/bin/sh\ntouch "$1/$SHIPKIT_RELEASE.started"\nif [ "$SHIPKIT_RELEASE" = "a1" ]; then until="$1/b1.started"; else until="$1/go"; fi\ni=0\nwhile [ ! -e "$until" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done\n',
    );
    chmodSync(path.join(workspace, 'slow-hook.sh'), 0o755);
    writeSite(path.join(workspace, 'build', 'a1'), 'a1');
    writeSite(path.join(workspace, 'build', 'b1'), 'b1');

    // The first run reaches the store through a proxy that fails every write of the lease after the first (its renewals).
    let leaseWrites = 0;
    const proxy = await startFlakyProxy(moto.endpoint, { every: 1, status: 503, code: 'SlowDown', when: (req) => req.method === 'PUT' && !!req.url?.includes('lease.json') && ++leaseWrites > 1 });
    try {
      const first = runAction('deploy-env', { workspace, env: actionEnv(moto, { AWS_ENDPOINT_URL: proxy.endpoint, AWS_ENDPOINT_URL_S3: proxy.endpoint, GITHUB_RUN_ID: '5001' }), inputs: { environment: 'production', release: 'a1', 'source-dir': 'build/a1' } });
      // The second run starts while the first holds the lease (its hook runs), waits for it to expire, and deploys.
      await waitUntil(async () => existsSync(path.join(dir, 'a1.started')), 30_000, () => "the first run's pre-deploy hook did not start within 30 s");
      // lock-timeout 30s: the waiter looks every 1.5 s (60s's 3 s would only make the test wait longer).
      const secondRun = runAction('deploy-env', { workspace, env: actionEnv(moto, { GITHUB_RUN_ID: '5002' }), inputs: { environment: 'production', release: 'b1', 'source-dir': 'build/b1', 'lock-timeout': '30s' } });
      const lost = await first;
      expect(existsSync(path.join(dir, 'b1.started'))).toBe(true);
      writeFileSync(path.join(dir, 'go'), '');
      const second = await secondRun;
      expect(second.errors).toEqual([]);
      expect(second.exitCode).toBe(0);
      expect(lost.exitCode).toBe(1);
      expect(lost.errors.join('\n')).toMatch(/Stopped before (install|pre-deploy|record|upload|post-deploy): this run no longer holds the lease on shop\/production; it is held by run 5002/);
    } finally {
      await proxy.stop();
    }
    // The site serves b1 byte for byte, and none of a1's files was ever installed.
    const b1 = hashTree(path.join(workspace, 'build', 'b1'));
    expect(await hashServed(moto.websiteUrl('fenced-site'), Object.keys(b1))).toEqual(b1);
    const keys = ((await moto.client().send(new ListObjectsV2Command({ Bucket: 'fenced-site' }))).Contents ?? []).map((object) => object.Key);
    const a1Assets = Object.keys(hashTree(path.join(workspace, 'build', 'a1'))).filter((key) => key.startsWith('assets/'));
    expect(keys.filter((key) => a1Assets.includes(key!))).toEqual([]);
    // The ledger: b1 live; nothing of a1 recorded as succeeded.
    const ledger = await ledgerOf(moto, 'production');
    const { state, records } = await ledger.read();
    expect(state.live?.release).toBe('b1');
    expect(records.filter((record) => record.release === 'a1' && record.status === 'succeeded')).toEqual([]);
  }, 120_000);
});
