import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseConfig } from '@shipkit/core';
import { openLedger } from '@shipkit/ledger';
import { startS3, tempDir, type S3Service } from '../../../test/services/index.js';
import { pruneReleases, resolveEnvironment, storedRelease, uploadRelease, type ResolvedEnvironment } from '../src/index.js';

let s3: S3Service;
let env: ResolvedEnvironment;
let other: ResolvedEnvironment;
const work = tempDir('release-store');

function site(name: string, body = name): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), `<div>${body}</div>`);
  writeFileSync(path.join(dir, 'app.js'), `console.log(${JSON.stringify(body)})`);
  return dir;
}

beforeAll(async () => {
  s3 = await startS3({ buckets: ['state', 'site-dev', 'site-prod'] });
  const loaded = parseConfig(
    `app: shop\nstate: s3://state/sk\nenvironments:\n  dev: { target: s3, s3: { bucket: site-dev }, retention: 2 }\n  prod: { target: s3, s3: { bucket: site-prod } }\n`,
    'shipkit.yml',
  );
  env = resolveEnvironment(loaded, 'dev', {}, work);
  other = resolveEnvironment(loaded, 'prod', {}, work);
});
afterAll(async () => {
  await s3?.stop();
});

describe('release store', () => {
  test('a release is uploaded once; the same content again writes nothing; other content under the same id is refused', async () => {
    const client = s3.client();
    const first = await uploadRelease(client, env, 'r1', site('r1'));
    expect(first).toMatchObject({ reused: false, uploaded: 2, files: 2 });
    s3.resetRequests();
    const again = await uploadRelease(client, env, 'r1', site('r1'));
    expect(again).toMatchObject({ reused: true, uploaded: 0 });
    expect(s3.requestCounts().PUT ?? 0).toBe(0);
    await expect(uploadRelease(client, env, 'r1', site('r1-changed', 'other'))).rejects.toThrow(/Release "r1" is already in the release store .* with different content/);
    expect(await storedRelease(client, env, 'r1')).toMatchObject({ complete: true, meta: { release: 'r1', app: 'shop' } });
  });

  test('files an earlier release already has in the store are copied server-side, not uploaded', async () => {
    const client = s3.client();
    const dir = site('r1-next', 'r1'); // same app.js and index.html as r1...
    writeFileSync(path.join(dir, 'extra.css'), 'body{}'); // ...plus one new file
    const result = await uploadRelease(client, env, 'r1-next', dir, {}, ['r1']);
    expect(result).toMatchObject({ reused: false, uploaded: 1, copied: 2, files: 3 });
    expect(await storedRelease(client, env, 'r1-next')).toMatchObject({ complete: true });
  });

  test('retention keeps the newest N plus anything any environment has live, in a slot, or live in the last 24 h', async () => {
    const client = s3.client();
    for (const release of ['r2', 'r3', 'r4', 'r5']) {
      await uploadRelease(client, env, release, site(release));
      await new Promise((resolve) => setTimeout(resolve, 15)); // distinct manifest times
    }
    // prod had r1 live, then r2 (r1 stopped being live just now); dev has r3 live.
    const prod = await openLedger({ state: other.state, app: 'shop', environment: 'prod', client, run: { runId: 'p' } });
    for (const release of ['r1', 'r2']) await (await prod.begin({ type: 'deploy', release })).succeed();
    const dev = await openLedger({ state: env.state, app: 'shop', environment: 'dev', client, run: { runId: 'd' } });
    await (await dev.begin({ type: 'deploy', release: 'r3' })).succeed();

    const now = Date.now();
    const soon = await pruneReleases(client, env, { now, dryRun: true });
    // newest 2 = r5, r4; r3 live in dev; r2 live in prod; r1 live in prod minutes ago; r1-next was never live anywhere.
    expect(soon.deleted).toEqual(['r1-next']);

    const later = await pruneReleases(client, env, { now: now + 48 * 3600_000 });
    expect(later.deleted.sort()).toEqual(['r1', 'r1-next']);
    expect(later.kept.sort()).toEqual(['r2', 'r3', 'r4', 'r5']);
    expect(await storedRelease(client, env, 'r1')).toBeUndefined();
    expect(await storedRelease(client, env, 'r2')).toBeDefined();
  });
});
