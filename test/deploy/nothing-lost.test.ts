/**
 * Nothing a rollback needs is deleted, nothing shipkit did not put there is removed, no secret is
 * kept: through the committed bundles, on both real S3 implementations.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { startFakeGitHubApi } from '../fakes/fake-github.js';
import { runAction } from '../harness/index.js';
import { BUNDLE_S3_KINDS, startS3Server, tempDir, type S3Server } from '../services/index.js';
import { actionEnv, hashServed, hashTree, ledgerOf, servedIndex, workspaceWith, writeSite } from './helpers.js';

/** Every object of a bucket with its content: what "nothing changed" and "no trace" are checked against. */
async function contents(s3: S3Server, bucket: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let token: string | undefined;
  do {
    const page = await s3.client().send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      out[object.Key!] = await (await s3.client().send(new GetObjectCommand({ Bucket: bucket, Key: object.Key! }))).Body!.transformToString();
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

describe.each(BUNDLE_S3_KINDS)('nothing lost, nothing kept that must not be, on %s', (kind) => {
  let s3: S3Server;
  beforeAll(async () => {
    s3 = await startS3Server(kind, { buckets: ['state', 'shop-site'], websites: ['hooks-site', 'owned-site', 'all-site'] });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  test('A -> B (post-deploy hook failed) -> C: previous is A, and rollback to previous serves A byte for byte', async () => {
    const workspace = workspaceWith({ app: 'shop', state: 's3://state/shipkit', environments: { hooks: { target: 's3', s3: { bucket: 'hooks-site' }, 'post-deploy': ['./check.sh'] } } });
    writeFileSync(path.join(workspace, 'check.sh'), '#!/bin/sh\n[ "$SHIPKIT_RELEASE" != B ]\n');
    chmodSync(path.join(workspace, 'check.sh'), 0o755);
    for (const release of ['A', 'B', 'C']) writeSite(path.join(workspace, 'build', release), release);
    const deploy = (release: string) => runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'hooks', release, 'source-dir': `build/${release}` } });
    expect((await deploy('A')).errors).toEqual([]);
    expect((await deploy('B')).exitCode).toBe(1);
    const c = await deploy('C');
    expect(c.errors).toEqual([]);
    expect(c.outputs['previous-release']).toBe('A');
    const back = await runAction('rollback', { workspace, env: actionEnv(s3), inputs: { environment: 'hooks', to: 'previous' } });
    expect(back.errors).toEqual([]);
    expect(back.outputs.release).toBe('A');
    const a = hashTree(path.join(workspace, 'build', 'A'));
    expect(await hashServed(s3.websiteUrl('hooks-site'), Object.keys(a))).toEqual(a);
  }, 120_000);

  test('a green slot inside the blue bucket is refused before anything is written', async () => {
    const workspace = workspaceWith({
      app: 'shop',
      state: 's3://state/overlap',
      environments: {
        staging: { target: 's3', strategy: 'blue-green', router: { type: 'command', switch: ['./swap.sh'] }, slots: { blue: { s3: { bucket: 'shop-site' } }, green: { s3: { bucket: 'shop-site', prefix: 'green/' } } } },
      },
    });
    writeSite(path.join(workspace, 'build'), 'x');
    await s3.client().send(new PutObjectCommand({ Bucket: 'shop-site', Key: 'green/index.html', Body: 'live green' }));
    const before = { state: await contents(s3, 'state'), site: await contents(s3, 'shop-site') };
    const run = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'staging', release: 'x1', 'source-dir': 'build' } });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/environments\.staging\.slots\.blue\.s3 \(s3:\/\/shop-site\/\) overlaps environments\.staging\.slots\.green\.s3 \(s3:\/\/shop-site\/green\/\)/);
    expect({ state: await contents(s3, 'state'), site: await contents(s3, 'shop-site') }).toEqual(before);
  }, 60_000);

  test('a hand-placed security.txt and user uploads survive three deploys and a rollback; prune: all removes them', async () => {
    const workspace = workspaceWith({
      app: 'shop',
      state: 's3://state/shipkit',
      // The buckets already hold files shipkit did not put there: the first deploy must be told to adopt them.
      environments: { owned: { target: 's3', s3: { bucket: 'owned-site' }, adopt: true }, all: { target: 's3', s3: { bucket: 'all-site' }, prune: 'all', adopt: true } },
    });
    for (const release of ['o1', 'o2', 'o3']) writeSite(path.join(workspace, 'build', release), release);
    const hand = { '.well-known/security.txt': 'Contact: mailto:security@shop.example\n', 'uploads/avatar-17.png': 'PNG user upload' };
    for (const bucket of ['owned-site', 'all-site']) {
      for (const [key, body] of Object.entries(hand)) await s3.client().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    }
    const deploy = (environment: string, release: string) => runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment, release, 'source-dir': `build/${release}` } });
    for (const release of ['o1', 'o2', 'o3']) expect((await deploy('owned', release)).errors).toEqual([]);
    const back = await runAction('rollback', { workspace, env: actionEnv(s3), inputs: { environment: 'owned', to: 'o1' } });
    expect(back.errors).toEqual([]);
    // The log names what it removed (o3's files), never the hand-placed ones.
    expect(back.log).toMatch(/Deleted \d+ stale object\(s\) from s3:\/\/owned-site\/: assets\/chunk-0\.[0-9a-f]{8}\.js/);
    expect(back.log).not.toMatch(/Deleted .*security\.txt/);
    const site = await contents(s3, 'owned-site');
    for (const [key, body] of Object.entries(hand)) expect(site[key]).toBe(body);
    // Only o1 besides them: every file of o2 and o3 that o1 lacks is gone.
    const o1 = hashTree(path.join(workspace, 'build', 'o1'));
    // The served bucket holds the site and the hand-placed files, nothing of shipkit's (its manifest is in the state store).
    expect(Object.keys(site).sort()).toEqual([...Object.keys(o1), ...Object.keys(hand)].sort());
    expect(await servedIndex(s3.websiteUrl('owned-site'))).toContain('<div id="root">o1</div>');

    expect((await deploy('all', 'o1')).errors).toEqual([]);
    const all = await contents(s3, 'all-site');
    for (const key of Object.keys(hand)) expect(all[key]).toBeUndefined();
  }, 180_000);

  test('a failing deploy command that prints a secret: no trace of it in the state store or in GitHub; commands get no INPUT_ variables', async () => {
    const out = tempDir('secret-out');
    const workspace = workspaceWith({ app: 'shop', state: 's3://state/secrets', environments: { api: { target: 'command', deploy: ['./deploy.sh'], env: { OUT: out } } } });
    writeFileSync(
      path.join(workspace, 'deploy.sh'),
      '#!/bin/sh\nenv > "$OUT/env-$SHIPKIT_RELEASE"\n[ "$SHIPKIT_RELEASE" = s1 ] && exit 0\necho "connecting to postgres://admin:Sup3rS3cretPW@db/app"\necho "FATAL: migration failed for postgres://admin:Sup3rS3cretPW@db/app" >&2\nexit 7\n',
    );
    chmodSync(path.join(workspace, 'deploy.sh'), 0o755);
    const github = await startFakeGitHubApi();
    try {
      const deploy = (release: string) =>
        runAction('deploy-env', { workspace, githubToken: 'ghs_tokenThatMustStayHome', env: actionEnv(s3, { GITHUB_API_URL: github.service.url }), inputs: { environment: 'api', release } });
      expect((await deploy('s1')).errors).toEqual([]);
      const failed = await deploy('s2');
      expect(failed.exitCode).toBe(1);
      // The log has the command's output with the URL's password redacted (by shape: user:password@ in a URL); nothing kept or published has it.
      expect(failed.log).toContain('postgres://admin:***@db/app');
      expect(failed.log).not.toContain('Sup3rS3cretPW');
      const stored = JSON.stringify(await contents(s3, 'state'));
      expect(stored).not.toContain('Sup3rS3cretPW');
      expect(stored).not.toContain('ghs_tokenThatMustStayHome');
      expect(stored).toContain('deploy command failed with exit code 7 (its output is in the run log)');
      const published = JSON.stringify(github.requests.map((request) => request.body));
      expect(published).not.toContain('Sup3rS3cretPW');
      expect(published).toContain('exit code 7');
      const last = (await (await ledgerOf(s3, 'api', 'shop', 's3://state/secrets')).records()).at(-1)!;
      expect(last).toMatchObject({ status: 'failed', details: { failedStep: 'install' }, runUrl: expect.stringMatching(/actions\/runs\/\d+$/) });
      for (const release of ['s1', 's2']) {
        const env = readFileSync(path.join(out, `env-${release}`), 'utf8');
        expect(env.split('\n').filter((line) => line.startsWith('INPUT_'))).toEqual([]);
        expect(env).not.toContain('ghs_tokenThatMustStayHome');
        expect(env).toMatch(new RegExp(`^SHIPKIT_RELEASE=${release}$`, 'm'));
      }
    } finally {
      await github.service.stop();
    }
  }, 120_000);

  test("a manual rollback is mirrored and recorded with the release's own commit, not the default branch's head", async () => {
    const workspace = workspaceWith({ app: 'shop', state: 's3://state/commits', environments: { web: { target: 's3', s3: { bucket: 'owned-site', prefix: 'commits' } } } });
    for (const release of ['m1', 'm2']) writeSite(path.join(workspace, 'build', release), release);
    const sha = (c: string) => c.repeat(40);
    for (const [release, commit] of [['m1', sha('a')], ['m2', sha('b')]]) {
      expect((await runAction('deploy-env', { workspace, env: actionEnv(s3, { GITHUB_SHA: commit }), inputs: { environment: 'web', release, 'source-dir': `build/${release}` } })).errors).toEqual([]);
    }
    const github = await startFakeGitHubApi();
    try {
      const back = await runAction('rollback', { workspace, event: 'workflow-dispatch', githubToken: 'ghs_x', env: actionEnv(s3, { GITHUB_SHA: sha('c'), GITHUB_API_URL: github.service.url }), inputs: { environment: 'web', to: 'previous' } });
      expect(back.errors).toEqual([]);
      expect(github.requests[0].body).toMatchObject({ ref: sha('a'), payload: { release: 'm1' } });
      const record = (await (await ledgerOf(s3, 'web', 'shop', 's3://state/commits')).records()).filter((entry) => entry.type === 'rollback').at(-1);
      expect(record?.details?.commit).toBe(sha('a'));
    } finally {
      await github.service.stop();
    }
  }, 60_000);

  test("an install an older shipkit made (its manifest beside the files) is taken over: the manifest moves to the state store, the served bucket holds only the site", async () => {
    await s3.createBucket('legacy-site', { website: true });
    const legacy = { format: 'shipkit-manifest/1', complete: true, updatedAt: new Date().toISOString(), meta: { release: 'old' }, files: { 'old.js': { sha256: 'a'.repeat(64), size: 3 } } };
    await s3.client().send(new PutObjectCommand({ Bucket: 'legacy-site', Key: 'old.js', Body: 'old' }));
    await s3.client().send(new PutObjectCommand({ Bucket: 'legacy-site', Key: '.shipkit-manifest.json', Body: JSON.stringify(legacy) }));
    const workspace = workspaceWith({ app: 'shop', state: 's3://state/legacy', environments: { web: { target: 's3', s3: { bucket: 'legacy-site' } } } });
    writeSite(path.join(workspace, 'build', 'n1'), 'n1');
    const run = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'web', release: 'n1', 'source-dir': 'build/n1' } });
    expect(run.errors).toEqual([]); // no adopt needed: the files are shipkit's, its old manifest says so
    const n1 = hashTree(path.join(workspace, 'build', 'n1'));
    expect(Object.keys(await contents(s3, 'legacy-site')).sort()).toEqual(Object.keys(n1).sort());
    expect(Object.keys(await contents(s3, 'state')).filter((key) => key.startsWith('legacy/installs/'))).toEqual(['legacy/installs/shop/web/live.json']);
  }, 60_000);
});
