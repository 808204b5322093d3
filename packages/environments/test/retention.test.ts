import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfig } from '@shipkit/core';
import { openLedger, type Ledger } from '@shipkit/ledger';
import { countRequests } from '@shipkit/s3';
import { createObjectStore } from '@shipkit/stores';
import { S3_KINDS, startS3Server, tempDir, type S3Server } from '../../../test/services/index.js';
import { pruneReleases, resolveEnvironment, storedRelease, uploadRelease, type ResolvedEnvironment } from '../src/index.js';

const work = tempDir('retention');
function site(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), `<div>${name}</div>`);
  return dir;
}

describe.each(S3_KINDS)('retention by environment on %s', (kind) => {
  let s3: S3Server;
  let develop: ResolvedEnvironment;
  beforeAll(async () => {
    s3 = await startS3Server(kind, { buckets: ['state'] });
    const loaded = parseConfig(
      `app: shop\nstate: s3://state/sk\nenvironments:\n  develop: { target: s3, s3: { bucket: site-dev }, retention: 2 }\n  production: { target: s3, s3: { bucket: site-prod }, retention: { keep: 1, keep-rollback: 1 } }\n`,
      'shipkit.yml',
    );
    develop = resolveEnvironment(loaded, 'develop', {}, work);
  });
  afterAll(async () => {
    await s3?.stop();
  });

  const deployed = async (ledger: Ledger, release: string) => {
    await uploadRelease(s3.client(), develop, release, site(release));
    await (await ledger.begin({ type: 'deploy', release })).succeed();
  };

  test("production's rollback target survives ten develop deploys and a day, whatever the app-wide count; a dry run says why each release stays", async () => {
    const client = s3.client();
    const production = await openLedger({ state: develop.state, app: 'shop', environment: 'production', client, run: { runId: 'p' } });
    const dev = await openLedger({ state: develop.state, app: 'shop', environment: 'develop', client, run: { runId: 'd' } });
    await deployed(production, 'v1.0.0');
    await deployed(production, 'v1.1.0');
    for (let i = 1; i <= 10; i++) await deployed(dev, `develop-${i}`);

    const dayLater = Date.now() + 48 * 3600_000;
    const dry = await pruneReleases(client, develop, { now: dayLater, dryRun: true });
    expect(dry.reasons['v1.0.0']).toEqual(['rollback target on production (one of its last 1 good releases)']);
    expect(dry.reasons['v1.1.0']).toEqual(expect.arrayContaining(['live on production']));
    expect(dry.reasons['develop-10']).toEqual(expect.arrayContaining(['live on develop', 'one of the last 2 releases deployed to develop']));
    expect(dry.reasons['develop-9']).toEqual(expect.arrayContaining(['rollback target on develop (one of its last 3 good releases)']));
    expect(dry.deleted).toEqual(['develop-1', 'develop-2', 'develop-3', 'develop-4', 'develop-5', 'develop-6']);
    expect(await storedRelease(client, develop, 'develop-1')).toBeDefined(); // a dry run deletes nothing

    const done = await pruneReleases(client, develop, { now: dayLater });
    expect(done.deleted).toEqual(dry.deleted);
    expect(done.kept).toEqual(['develop-10', 'develop-7', 'develop-8', 'develop-9', 'v1.0.0', 'v1.1.0']);
    expect(await storedRelease(client, develop, 'v1.0.0')).toBeDefined();
    expect(await storedRelease(client, develop, 'develop-1')).toBeUndefined();
  }, 60_000);

  test("retention through the run's own ledger lists it again: a deploy another run recorded since is counted, and no record is fetched twice", async () => {
    const loaded = parseConfig(`app: shop2\nstate: s3://state/sk\nenvironments:\n  develop: { target: s3, s3: { bucket: site-dev }, retention: 2 }\n`, 'shipkit.yml');
    const env = resolveEnvironment(loaded, 'develop', {}, work);
    // The actions' own client (countRequests sees what it sends).
    const client = createObjectStore({ endpoint: s3.endpoint, env: { ...s3.env } });
    const run = await openLedger({ state: env.state, app: 'shop2', environment: 'develop', client, run: { runId: 'run' } });
    for (let i = 1; i <= 6; i++) {
      await uploadRelease(client, env, `r${i}`, site(`r${i}`));
      await (await run.begin({ type: 'deploy', release: `r${i}` })).succeed();
    }
    // After the run's last read, another run (a lease it took over, say) makes r1 live again.
    const other = await openLedger({ state: env.state, app: 'shop2', environment: 'develop', client: s3.client(), run: { runId: 'other' } });
    await (await other.begin({ type: 'deploy', release: 'r1' })).succeed();

    const counts = countRequests(client);
    const dry = await pruneReleases(client, env, { now: Date.now() + 48 * 3600_000, dryRun: true, ledger: run });
    expect(dry.reasons.r1).toEqual(expect.arrayContaining(['live on develop']));
    // Live r1, the last 2 deployed (r1, r6), the last 3 good ones before it (r6, r5, r4): r2 and r3 go.
    expect(dry.deleted).toEqual(['r2', 'r3']);
    // The other run's 2 records and the 2 unmentioned releases' manifests; a ledger opened afresh would fetch all 14 records.
    expect(counts.byCommand.GetObject).toBeLessThanOrEqual(4);
  }, 60_000);
});
