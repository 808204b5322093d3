/**
 * Pull request previews through the committed bundles, on both S3 servers, with pull_request
 * event payloads (@octokit/webhooks-examples, test/fixtures/events) and a stand-in GitHub API that
 * keeps comments and deployments: two pull requests get two isolated previews byte for byte, a
 * push replaces only its own, closing one removes all of its objects and releases (and nothing
 * else), a sweep removes only old previews, retention keeps what a preview serves, and a template
 * without {pr} is refused naming the field.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import YAML from 'yaml';
import { startFakeGitHubApi } from './fakes/fake-github.js';
import { loadEvent, runAction, type EventFixture, type RunResult } from './harness/index.js';
import { actionEnv, hashServed, hashTree, ledgerOf, workspaceWith, writeSite } from './deploy/helpers.js';
import { BUNDLE_S3_KINDS, startS3Server, type S3Server } from './services/index.js';

const HEAD = (c: string) => c.repeat(40).slice(0, 40);
/** A runner clock shifted by SHIPKIT_TEST_CLOCK_SHIFT_MS in the action's process (as in test/deploy/clock.test.ts). */
const preloadClock = pathToFileURL(path.resolve('packages/ledger/test/skew/preload-clock.mjs')).href;

/** The opened pull_request fixture, for pull request `pr` with head commit `sha`. */
function prEvent(pr: number, sha: string, action = 'opened', branch = `feature/pr-${pr}`): EventFixture {
  const base = loadEvent('pull-request');
  const payload = JSON.parse(JSON.stringify(base.payload)) as { action: string; number: number; pull_request: { number: number; head: { sha: string; ref: string }; merged?: boolean } };
  payload.action = action;
  payload.number = pr;
  payload.pull_request.number = pr;
  payload.pull_request.head.sha = sha;
  payload.pull_request.head.ref = branch;
  return { ...base, ref: `refs/pull/${pr}/merge`, sha: HEAD('9'), payload };
}

describe.each(BUNDLE_S3_KINDS)('previews on %s', (kind) => {
  let s3: S3Server;
  let github: Awaited<ReturnType<typeof startFakeGitHubApi>>;
  let workspace: string;
  let config: Record<string, unknown>;

  const keys = async (bucket: string, prefix = '') => {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
      out.push(...(page.Contents ?? []).map((object) => object.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out.sort();
  };
  const previewUrl = (pr: number) => `${s3.websiteUrl('shop-previews')}/pr-${pr}`;
  const env = () => actionEnv(s3, { GITHUB_API_URL: github.service.url });
  const deployPreview = (pr: number, sha: string, version: string, action = 'opened'): Promise<RunResult> => {
    writeSite(path.join(workspace, 'build'), version);
    return runAction('deploy-env', { workspace, event: prEvent(pr, sha, action), githubToken: 'ghs_previewToken', env: env(), inputs: { environment: 'preview', 'source-dir': 'build' } });
  };
  const served = (pr: number) => hashServed(previewUrl(pr), Object.keys(hashTree(path.join(workspace, 'build'))));

  beforeAll(async () => {
    s3 = await startS3Server(kind, { buckets: ['state'], websites: ['shop-previews', 'shop-site'] });
    github = await startFakeGitHubApi();
    config = {
      app: 'shop',
      state: 's3://state/shipkit',
      environments: {
        production: { target: 's3', s3: { bucket: 'shop-site' }, retention: { keep: 1, 'keep-rollback': 1 } },
        preview: { target: 's3', preview: true, s3: { bucket: 'shop-previews', prefix: 'pr-{pr}' }, url: `${s3.websiteUrl('shop-previews')}/pr-{pr}/`, smoke: { checks: [{ name: 'home', path: '/index.html', 'expect-status': 200 }] } },
      },
    };
    workspace = workspaceWith(config);
  });
  afterAll(async () => {
    await github?.service.stop();
    await s3?.stop();
  });

  test('two pull requests get two isolated previews, byte for byte, each with its own ledger, comment and transient deployment', async () => {
    const first = await deployPreview(2, HEAD('a'), 'two-a');
    expect(first.errors).toEqual([]);
    expect(first.outputs).toMatchObject({ release: 'pr-2-aaaaaaa', url: `${previewUrl(2)}/` });
    const two = await served(2);
    expect(two).toEqual(hashTree(path.join(workspace, 'build')));

    const second = await deployPreview(21, HEAD('b'), 'twentyone-b');
    expect(second.errors).toEqual([]);
    expect(second.outputs).toMatchObject({ release: 'pr-21-bbbbbbb', url: `${previewUrl(21)}/` });
    expect(await served(21)).toEqual(hashTree(path.join(workspace, 'build')));
    // pr-2 still serves its own files (pr-21's prefix starts with "pr-2" and must not touch it).
    expect(await hashServed(previewUrl(2), Object.keys(two))).toEqual(two);

    expect((await (await ledgerOf(s3, 'preview/pr-2')).state()).live?.release).toBe('pr-2-aaaaaaa');
    expect((await (await ledgerOf(s3, 'preview/pr-21')).state()).live?.release).toBe('pr-21-bbbbbbb');
    const comments = github.state.comments.filter((comment) => comment.issue === 2);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('<!-- shipkit-preview:preview -->');
    expect(comments[0].body).toContain(`${previewUrl(2)}/`);
    expect(comments[0].body).toContain('`pr-2-aaaaaaa`');
    expect(comments[0].body).toContain('| commit | aaaaaaa |');
    expect(github.state.deployments.filter((deployment) => deployment.environment === 'preview/pr-2')).toEqual([expect.objectContaining({ transient: true, statuses: expect.arrayContaining(['success']) })]);
    expect(await keys('shop-site')).toEqual([]);
  });

  test('smoke-test with the preview template records its result in the pull request\'s own ledger, at the filled-in url', async () => {
    const run = await runAction('smoke-test', { workspace, event: prEvent(21, HEAD('b')), env: actionEnv(s3), inputs: { environment: 'preview', 'request-timeout': '5s' } });
    expect(run.errors).toEqual([]);
    expect(run.outputs.passed).toBe('true');
    expect(run.log).toContain(`${previewUrl(21)}/`);
    expect((await (await ledgerOf(s3, 'preview/pr-21')).records()).at(-1)).toMatchObject({ type: 'smoke', status: 'succeeded', release: 'pr-21-bbbbbbb' });
    expect(await (await ledgerOf(s3, 'preview')).records()).toEqual([]);
  });

  test('a new push replaces only its own preview and updates the same comment', async () => {
    const before21 = await keys('shop-previews', 'pr-21/');
    const run = await deployPreview(2, HEAD('c'), 'two-c', 'synchronize');
    expect(run.errors).toEqual([]);
    expect(run.outputs.release).toBe('pr-2-ccccccc');
    expect(await served(2)).toEqual(hashTree(path.join(workspace, 'build')));
    expect(await keys('shop-previews', 'pr-21/')).toEqual(before21);
    const comments = github.state.comments.filter((comment) => comment.issue === 2);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('`pr-2-ccccccc`');
    expect(comments[0].body).not.toContain('pr-2-aaaaaaa');
  });

  test('retention of another environment keeps the releases previews serve', async () => {
    for (const release of ['p1', 'p2', 'p3']) {
      writeSite(path.join(workspace, 'site', release), release);
      const run = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'production', release, 'source-dir': `site/${release}`, 'retention-dry-run': 'true' } });
      expect(run.errors).toEqual([]);
      if (release === 'p3') {
        expect(run.log).toMatch(/keeps pr-21-bbbbbbb: live on preview\/pr-21/);
        expect(run.log).toMatch(/keeps pr-2-ccccccc: live on preview\/pr-2/);
      }
    }
  });

  test('closing a pull request removes all its objects and releases, marks its deployment inactive, edits its comment — nothing else changes', async () => {
    const other = await keys('shop-previews', 'pr-21/');
    const site = await keys('shop-site');
    const storeBefore = await keys('state', 'shipkit/releases/shop/');
    const run = await runAction('remove-preview', { workspace, event: prEvent(2, HEAD('c'), 'closed'), githubToken: 'ghs_previewToken', env: env(), inputs: { environment: 'preview' } });
    expect(run.errors).toEqual([]);
    expect(run.outputs.removed).toBe('preview/pr-2');
    expect(await keys('shop-previews', 'pr-2/')).toEqual([]);
    expect(await keys('shop-previews', 'pr-21/')).toEqual(other);
    expect(await keys('shop-site')).toEqual(site);
    const store = await keys('state', 'shipkit/releases/shop/');
    expect(store.filter((key) => /releases\/shop\/pr-2-/.test(key))).toEqual([]);
    expect(store.filter((key) => !/releases\/shop\/pr-2-/.test(key))).toEqual(storeBefore.filter((key) => !/releases\/shop\/pr-2-/.test(key)));
    expect(store.some((key) => key.includes('/pr-21-bbbbbbb/'))).toBe(true);
    expect(await keys('state', 'shipkit/installs/shop/preview/pr-2/')).toEqual([]);
    const ledger = await ledgerOf(s3, 'preview/pr-2');
    expect((await ledger.records()).at(-1)).toMatchObject({ type: 'remove', status: 'succeeded', reason: 'pull request #2 closed', details: { deletedReleases: ['pr-2-aaaaaaa', 'pr-2-ccccccc'] } });
    expect((await ledger.state()).live).toBeUndefined();
    expect(github.state.deployments.filter((deployment) => deployment.environment === 'preview/pr-2').every((deployment) => deployment.statuses.at(-1) === 'inactive')).toBe(true);
    expect(github.state.comments.filter((comment) => comment.issue === 2).map((comment) => comment.body)).toEqual([expect.stringContaining('was removed (pull request #2 closed')]);
    // Closing it again (a re-run) finds nothing to remove.
    const again = await runAction('remove-preview', { workspace, event: prEvent(2, HEAD('c'), 'closed'), env: actionEnv(s3), inputs: { environment: 'preview' } });
    expect(again.errors).toEqual([]);
    expect(again.outputs.removed).toBe('');
  });

  test('removing a preview that shares a release with production keeps it (the rule retention applies), and production can still roll back to it', async () => {
    expect((await deployPreview(44, HEAD('e'), 'forty-four-e')).errors).toEqual([]);
    // Production deploys the preview's own release (the same files, so the stored release is reused), then a newer one.
    const shared = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'production', release: 'pr-44-eeeeeee', 'source-dir': 'build' } });
    expect(shared.errors).toEqual([]);
    const sharedFiles = hashTree(path.join(workspace, 'build'));
    writeSite(path.join(workspace, 'site', 'p4'), 'p4');
    expect((await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'production', release: 'p4', 'source-dir': 'site/p4' } })).errors).toEqual([]);
    const closed = await runAction('remove-preview', { workspace, event: prEvent(44, HEAD('e'), 'closed'), env: actionEnv(s3), inputs: { environment: 'preview' } });
    expect(closed.errors).toEqual([]);
    expect(await keys('shop-previews', 'pr-44/')).toEqual([]);
    expect((await (await ledgerOf(s3, 'preview/pr-44')).records()).at(-1)).toMatchObject({ type: 'remove', status: 'succeeded', details: { keptReleases: ['pr-44-eeeeeee'], deletedReleases: [] } });
    expect((await keys('state', 'shipkit/releases/shop/pr-44-eeeeeee/')).length).toBeGreaterThan(0);
    const rolled = await runAction('rollback', { workspace, env: actionEnv(s3), inputs: { environment: 'production', to: 'previous', reason: 'preview test' } });
    expect(rolled.errors).toEqual([]);
    expect(rolled.outputs.release).toBe('pr-44-eeeeeee');
    expect(await hashServed(s3.websiteUrl('shop-site'), Object.keys(sharedFiles))).toEqual(sharedFiles);
  }, 240_000);

  test.each(['0x10', '-5', '7.5', '1e3', '0'])('remove-preview refuses pr: %s, naming the input, before anything changes', async (pr) => {
    const run = await runAction('remove-preview', { workspace, event: 'workflow-dispatch', env: actionEnv(s3), inputs: { environment: 'preview', pr } });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toContain(`Input "pr" has an invalid value ${JSON.stringify(pr)}: expected a pull request number: a positive whole number in decimal, such as 42`);
  });

  test('a sweep (older-than) removes only previews whose last deploy is older', async () => {
    const ledger21 = await ledgerOf(s3, 'preview/pr-21');
    const last21 = Date.parse((await ledger21.records()).at(-1)!.time);
    expect((await deployPreview(33, HEAD('d'), 'thirtythree-d')).errors).toEqual([]);
    const last33 = Date.parse((await (await ledgerOf(s3, 'preview/pr-33')).records()).at(-1)!.time);
    const fresh = await keys('shop-previews', 'pr-33/');
    // An injected clock instead of a wait: the sweep runs a day later (the preload shifts Date in the
    // action's process), so that "more than 1d ago" falls half-way between pr-21's last deploy and
    // pr-33's (the tests between them took a while; starting the sweep takes far less).
    const shift = last21 + (last33 - last21) / 2 + 24 * 3600_000 - Date.now();
    const sweep = await runAction('remove-preview', {
      workspace,
      event: 'workflow-dispatch',
      env: actionEnv(s3, { NODE_OPTIONS: `--import ${preloadClock}`, SHIPKIT_TEST_CLOCK_SHIFT_MS: String(Math.round(shift)) }),
      inputs: { environment: 'preview', 'older-than': '1d' },
    });
    expect(sweep.errors).toEqual([]);
    expect(sweep.outputs.removed).toBe('preview/pr-21');
    expect(await keys('shop-previews', 'pr-21/')).toEqual([]);
    expect(await keys('shop-previews', 'pr-33/')).toEqual(fresh);
  }, 180_000);

  test.each([
    ['a prefix without {pr}', { s3: { bucket: 'shop-previews', prefix: 'previews' } }, /environments\.preview\.s3\.prefix of preview environment preview is "previews": it must contain \{pr\}, or every pull request would overwrite the others' preview/],
    ['a url without {pr}', { url: 'https://previews.shop.example/' }, /environments\.preview\.url of preview environment preview is "https:\/\/previews\.shop\.example\/": it must contain \{pr\}/],
    ['a url with {branch} alone', { url: 'https://{branch}.previews.shop.example/' }, /environments\.preview\.url of preview environment preview is "https:\/\/\{branch\}\.previews\.shop\.example\/": it must contain \{pr\} \(each pull request has its own URL/],
    ['a command-target preview', { target: 'command', deploy: ['./deploy.sh'] }, /environments\.preview\.preview is true, but previews are s3 targets with the direct strategy \(target is command/],
  ])('%s is refused when the config is loaded, naming the field', async (_name, change, message) => {
    const broken = workspaceWith({ ...config, environments: { ...(config.environments as Record<string, unknown>), preview: { ...((config.environments as Record<string, Record<string, unknown>>).preview), ...change } } });
    writeSite(path.join(broken, 'build'), 'x');
    // Any action loading the config refuses it, a deploy of another environment too.
    const run = await runAction('deploy-env', { workspace: broken, env: actionEnv(s3), inputs: { environment: 'production', release: 'x1', 'source-dir': 'build' } });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(message);
  });

  test('a preview environment outside a pull request is refused', async () => {
    writeFileSync(path.join(workspace, 'unused'), '');
    const run = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'preview', release: 'x2', 'source-dir': 'build' } });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/Environment "preview" is a preview template \(preview: true\)/);
    expect(YAML.stringify(config)).toContain('pr-{pr}');
  });
});
