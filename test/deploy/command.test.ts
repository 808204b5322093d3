import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startFakeGitHubApi } from '../fakes/fake-github.js';
import { runAction } from '../harness/index.js';
import { killAction } from '../harness/process.js';
import { startMoto, tempDir, waitUntil, type MotoService } from '../services/index.js';
import { actionEnv, ledgerOf, workspaceWith } from './helpers.js';

let s3: MotoService;
let workspace: string;
let out: string;

/** Writes an executable script into the workspace. */
function script(name: string, body: string): string {
  const file = path.join(workspace, 'deploy', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return `./deploy/${name}`;
}

beforeAll(async () => {
  s3 = await startMoto({ buckets: ['state'] });
  out = tempDir('command-out');
  workspace = workspaceWith({
    app: 'shop',
    state: 's3://state/shipkit',
    environments: {
      ecs: { target: 'command', deploy: ['./deploy/deploy.sh', '--cluster', 'shop'], 'post-deploy': ['./deploy/post.sh'], url: 'https://shop.example', env: { OUT: out } },
      broken: { target: 'command', deploy: ['./deploy/fail.sh'] },
      migrations: { target: 'command', deploy: ['./deploy/deploy.sh'], 'pre-deploy': ['./deploy/migrate-fails.sh'], env: { OUT: out } },
      slow: { target: 'command', deploy: ['./deploy/slow.sh'], env: { OUT: out } },
      'ecs-bg': {
        target: 'command',
        strategy: 'blue-green',
        deploy: ['./deploy/deploy.sh'],
        env: { OUT: out },
        slots: { blue: { url: 'https://blue.shop.example', env: { SERVICE: 'shop-blue' } }, green: { url: 'https://green.shop.example', env: { SERVICE: 'shop-green' } } },
        router: { type: 'command', switch: ['./deploy/swap.sh'] },
      },
    },
  });
  script('deploy.sh', 'node -e "require(\'fs\').writeFileSync(process.env.OUT + \'/\' + process.env.SHIPKIT_RELEASE + \'.json\', JSON.stringify({ args: process.argv.slice(1), env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith(\'SHIPKIT_\') || k === \'SERVICE\')) }))" -- "$@"\necho "deployed $SHIPKIT_RELEASE"');
  script('post.sh', 'touch "$OUT/post-$SHIPKIT_RELEASE"');
  script('fail.sh', 'echo "service shop failed to stabilize" >&2\nexit 3');
  script('migrate-fails.sh', 'echo "migration 042 failed" >&2\nexit 1');
  script('slow.sh', 'touch "$OUT/slow-started"\nsleep 30');
});
afterAll(async () => {
  await s3?.stop();
});

const images = { web: { ref: 'ghcr.io/acme/shop-web@sha256:' + 'a'.repeat(64), digest: 'sha256:' + 'a'.repeat(64) } };

describe('command target', () => {
  test('runs the deploy command with the release in SHIPKIT_* variables, output grouped, then post-deploy', async () => {
    const first = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'ecs', release: 'c1', images: JSON.stringify(images) } });
    expect(first.errors).toEqual([]);
    const second = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'ecs', release: 'c2', images: JSON.stringify(images) } });
    expect(second.exitCode).toBe(0);
    expect(second.outputs).toMatchObject({ release: 'c2', 'previous-release': 'c1', url: 'https://shop.example', slot: '' });
    expect(second.log).toMatch(/::group::deploy: \.\/deploy\/deploy\.sh --cluster shop\n[\s\S]*deployed c2[\s\S]*::endgroup::/);
    const seen = JSON.parse(readFileSync(path.join(out, 'c2.json'), 'utf8'));
    expect(seen.args).toEqual(['--cluster', 'shop']);
    expect(seen.env).toMatchObject({ SHIPKIT_RELEASE: 'c2', SHIPKIT_ENVIRONMENT: 'ecs', SHIPKIT_APP: 'shop', SHIPKIT_SLOT: '', SHIPKIT_PREVIOUS_RELEASE: 'c1', SHIPKIT_URL: 'https://shop.example', SHIPKIT_OPERATION: 'deploy' });
    expect(JSON.parse(seen.env.SHIPKIT_IMAGES)).toEqual(images);
    expect(existsSync(path.join(out, 'post-c2'))).toBe(true);
    const state = await (await ledgerOf(s3, 'ecs')).state();
    expect(state.live?.release).toBe('c2');
    expect(state.operations.at(-1)?.end?.details).toMatchObject({ images });
  });

  test('blue-green command target: the deploy command gets the idle slot, its URL and its env', async () => {
    const run = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'ecs-bg', release: 'g1' } });
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ release: 'g1', slot: 'blue', 'slot-url': 'https://blue.shop.example' });
    const seen = JSON.parse(readFileSync(path.join(out, 'g1.json'), 'utf8'));
    expect(seen.env).toMatchObject({ SHIPKIT_SLOT: 'blue', SHIPKIT_SLOT_URL: 'https://blue.shop.example', SHIPKIT_STRATEGY: 'blue-green', SERVICE: 'shop-blue' });
    const state = await (await ledgerOf(s3, 'ecs-bg')).state();
    expect(state.slots.blue).toMatchObject({ release: 'g1', status: 'ready' });
  });

  test('a failing deploy command fails the deploy and is recorded as failed', async () => {
    const run = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'broken', release: 'b1' } });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/deploy command failed with exit code 3:.*service shop failed to stabilize/s);
    const records = await (await ledgerOf(s3, 'broken')).records();
    expect(records.map((record) => `${record.type} ${record.status} ${record.release}`)).toEqual(['deploy started b1', 'deploy failed b1']);
    expect(records[1].error).toMatch(/exit code 3/);
    expect((await (await ledgerOf(s3, 'broken')).state()).live).toBeUndefined();
  });

  test('a failing pre-deploy hook stops the deploy before the deploy command runs', async () => {
    const run = await runAction('deploy-env', { workspace, env: actionEnv(s3), inputs: { environment: 'migrations', release: 'm1' } });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/pre-deploy command failed with exit code 1:.*migration 042 failed/s);
    expect(existsSync(path.join(out, 'm1.json'))).toBe(false);
    const records = await (await ledgerOf(s3, 'migrations')).records();
    expect(records.at(-1)).toMatchObject({ status: 'failed', details: { installed: false } });
  });

  test('a deploy killed mid-way is recorded as failed by the post step, and its GitHub deployment marked errored', async () => {
    const github = await startFakeGitHubApi();
    try {
      const running = runAction('deploy-env', { workspace, githubToken: 'ghs_standInToken123', env: actionEnv(s3, { GITHUB_API_URL: github.service.url }), inputs: { environment: 'slow', release: 's1' } });
      // Killed (SIGKILL: no cancel handling, the post step still runs) once its deploy command runs, not after a guessed time.
      await waitUntil(async () => existsSync(path.join(out, 'slow-started')), 60_000, () => 'the slow deploy command to start');
      expect(killAction('deploy-env', workspace).length).toBeGreaterThan(0);
      const run = await running;
      expect(run.signal).toBe('SIGKILL');
      expect(run.state.post).toBe('pending');
      expect(run.post?.exitCode).toBe(0);
      expect(run.post?.warnings.join('\n')).toMatch(/Recorded the interrupted deploy of s1 on slow as failed/);
      const records = await (await ledgerOf(s3, 'slow')).records();
      expect(records.map((record) => `${record.status}`)).toEqual(['started', 'failed']);
      expect(records[1]).toMatchObject({ operation: records[0].id, error: expect.stringMatching(/interrupted/) });
      expect(github.requests.map((request) => `${request.method} ${request.url} ${request.body.state ?? ''}`.trim())).toEqual([
        'POST /repos/acme/shop/deployments',
        'POST /repos/acme/shop/deployments/42/statuses in_progress',
        'POST /repos/acme/shop/deployments/42/statuses error',
      ]);
    } finally {
      await github.service.stop();
    }
  });

  test('mirrors the deploy to GitHub Deployments (a local stand-in for the GitHub API)', async () => {
    const github = await startFakeGitHubApi();
    const { requests } = github;
    const fakeGitHubApi = github.service;
    try {
      const run = await runAction('deploy-env', {
        workspace,
        githubToken: 'ghs_standInToken123',
        env: actionEnv(s3, { GITHUB_API_URL: fakeGitHubApi.url }),
        inputs: { environment: 'ecs', release: 'c3' },
      });
      expect(run.errors).toEqual([]);
      expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
        'POST /repos/acme/shop/deployments',
        'POST /repos/acme/shop/deployments/42/statuses',
        'POST /repos/acme/shop/deployments/42/statuses',
      ]);
      expect(requests[0].auth).toBe('token ghs_standInToken123');
      expect(requests[0].body).toMatchObject({ environment: 'ecs', ref: '6113728f27ae82c7b1a177c8d03f9e96e0adf246', payload: { release: 'c3' } });
      expect(requests.map((request) => request.body.state)).toEqual([undefined, 'in_progress', 'success']);
      expect(requests[2].body).toMatchObject({ environment_url: 'https://shop.example', log_url: expect.stringMatching(/actions\/runs\/\d+$/) });
      // The token never reaches the ledger.
      const records = await (await ledgerOf(s3, 'ecs')).records();
      expect(JSON.stringify(records)).not.toContain('ghs_standInToken123');
    } finally {
      await fakeGitHubApi.stop();
    }
  });

  test('GitHub being unreachable is only a warning', async () => {
    const run = await runAction('deploy-env', { workspace, githubToken: 'ghs_x', env: actionEnv(s3, { GITHUB_API_URL: 'http://127.0.0.1:9' }), inputs: { environment: 'ecs', release: 'c4' } });
    expect(run.exitCode).toBe(0);
    expect(run.warnings.join('\n')).toMatch(/Could not mirror to GitHub Deployments/);
  });

  test('rolling back a command target runs the deploy command again with the release and its recorded images', async () => {
    const run = await runAction('rollback', { workspace, event: 'workflow-dispatch', env: actionEnv(s3), inputs: { environment: 'ecs', to: 'c1', reason: 'bad c4' } });
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ release: 'c1', 'rolled-back-from': 'c4' });
    const seen = JSON.parse(readFileSync(path.join(out, 'c1.json'), 'utf8'));
    expect(seen.env).toMatchObject({ SHIPKIT_RELEASE: 'c1', SHIPKIT_OPERATION: 'rollback', SHIPKIT_PREVIOUS_RELEASE: 'c4' });
    expect(JSON.parse(seen.env.SHIPKIT_IMAGES)).toEqual(images);
    expect((await (await ledgerOf(s3, 'ecs')).state()).live?.release).toBe('c1');
  });
});
