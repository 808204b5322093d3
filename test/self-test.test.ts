/**
 * The CI self-test (.github/workflows/ci.yml, jobs self-test-develop and self-test-main): this
 * repository's own pipeline-develop.yml and pipeline-main.yml deploy examples/static-site against
 * what test/github/self-test/start-services.sh starts in the deploy job (the pipelines'
 * setup-script): moto in a container for S3, and the runner's nginx serving each bucket as a
 * website and staging's live site behind the router's include. Here the same script runs as it is
 * (only its S3 — a local moto_server instead of the container — its ports and its directory are
 * given to it), and the deploy job's steps run through the committed bundles with the self-test's
 * config: what the self-test asserts on GitHub — the guide's smoke checks pass on `/`, `/guide/`
 * and `/version.json`, direct and blue-green with a real nginx switch — is checked here first.
 * What only GitHub checks: its start-up checks and runner, and `docker run` of the moto image.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { parseConfig } from '@shipkit/core';
import { openLedger } from '@shipkit/ledger';
import { ROOT, runAction, type RunResult } from './harness/index.js';
import { freePort, startMoto, tempDir, type MotoService } from './services/index.js';
import { parse, permissionErrors, plan, EVENTS } from './github/workflow-check.js';

interface CallerJob { uses?: string; with?: Record<string, string>; secrets?: Record<string, string>; permissions?: Record<string, string> }

const ciText = readFileSync(path.join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8');
const ci = YAML.parse(ciText) as { jobs: Record<string, CallerJob> };
const SELF_TESTS = { 'self-test-develop': 'pipeline-develop.yml', 'self-test-main': 'pipeline-main.yml' } as const;
const selfTestDir = path.join(ROOT, 'test', 'github', 'self-test');
const configFile = path.join(selfTestDir, 'shipkit.yml');

describe('ci.yml self-test: how it calls the pipelines', () => {
  test.each(Object.entries(SELF_TESTS))('%s calls ./.github/workflows/%s for examples/static-site with the self-test config', (job, file) => {
    expect(ci.jobs[job]).toMatchObject({
      uses: `./.github/workflows/${file}`,
      with: { config: 'test/github/self-test/shipkit.yml', 'build-script': 'examples/static-site/site/build.sh', 'source-dir': 'examples/static-site/site/dist', 'setup-script': 'test/github/self-test/start-services.sh' },
    });
  });

  test('GitHub starts it: the parser accepts ci.yml and every nested job\'s permissions are granted', async () => {
    const parsed = await parse({ name: '.github/workflows/ci.yml', content: ciText, repoRoot: ROOT });
    expect(parsed.errors).toEqual([]);
    expect(permissionErrors(parsed.raw)).toEqual([]);
    // Taking away a grant the nested jobs request is refused (GitHub refuses the whole run).
    const narrowed = YAML.parse(ciText) as { jobs: Record<string, CallerJob> };
    delete narrowed.jobs['self-test-develop'].permissions!.packages;
    expect(permissionErrors(narrowed)).toEqual(["self-test-develop: The nested job 'build' is requesting 'packages: write', but is only allowed 'packages: none'.", "self-test-develop: The nested job 'scan' is requesting 'packages: read', but is only allowed 'packages: none'."]);
  });

  test('on a push to main both pipelines run the static site\'s jobs (no build, no scan: no images)', async () => {
    const parsed = await parse({ name: '.github/workflows/ci.yml', content: ciText, repoRoot: ROOT });
    const config = YAML.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
    const jobs = plan(parsed, { event: EVENTS.find((event) => event.name === 'push to main')!, config }).map((job) => job.id).filter((id) => id.startsWith('self-test'));
    expect(jobs).toEqual([
      'self-test-develop', 'self-test-develop/plan', 'self-test-develop/static', 'self-test-develop/deploy', 'self-test-develop/notify',
      'self-test-main', 'self-test-main/plan', 'self-test-main/static', 'self-test-main/deploy', 'self-test-main/notify',
    ]);
  });

  test('the config is valid, and the buckets the start-up script creates are the ones it names', () => {
    const config = parseConfig(readFileSync(configFile, 'utf8'), 'test/github/self-test/shipkit.yml').config as unknown as { state: string; environments: Record<string, { s3?: { bucket: string }; slots?: Record<string, { s3: { bucket: string } }> }> };
    const named = [
      config.state.replace(/^s3:\/\/([^/]+).*$/, '$1'),
      ...Object.values(config.environments).flatMap((env) => (env.s3 ? [env.s3.bucket] : Object.values(env.slots ?? {}).map((slot) => slot.s3.bucket))),
    ];
    const script = readFileSync(path.join(selfTestDir, 'start-services.sh'), 'utf8');
    const state = [...script.matchAll(/-X PUT "\$s3\/([\w-]+)"/g)].map((match) => match[1]);
    const sites = /for bucket in ([\w\s-]+); do/.exec(script)![1].trim().split(/\s+/);
    expect(state).toEqual(['selftest-deploy']);
    expect([...state, ...sites].sort()).toEqual(named.sort());
  });
});

describe('ci.yml self-test: start-services.sh and the pipelines\' deploy steps, locally', () => {
  let moto: MotoService;
  let workspace: string;
  let dir: string;
  const ports: Record<string, number> = {};

  const nginxArgs = () => ['-p', `${dir}/nginx`, '-c', `${dir}/nginx/nginx.conf`, '-e', `${dir}/nginx/logs/error.log`];

  beforeAll(async () => {
    moto = await startMoto();
    dir = tempDir('self-test');
    for (const port of ['8080', '8081', '8082', '8083']) ports[port] = await freePort();
    // The script as the deploy job runs it; S3, ports and directory given as it documents.
    const out = execFileSync(path.join(selfTestDir, 'start-services.sh'), {
      env: { ...process.env, SHIPKIT_SELFTEST_DIR: dir, SHIPKIT_SELFTEST_S3: moto.endpoint, SHIPKIT_SELFTEST_PORTS: Object.values(ports).join(' ') },
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString();
    expect(out).toContain(`nginx on 127.0.0.1:${ports['8080']} (development)`);

    // The repository as the pipelines check it out, with the self-test config pointed here.
    workspace = path.join(dir, 'shipkit');
    mkdirSync(path.join(workspace, 'examples'), { recursive: true });
    cpSync(path.join(ROOT, 'examples', 'static-site'), path.join(workspace, 'examples', 'static-site'), { recursive: true });
    let text = readFileSync(configFile, 'utf8').replaceAll('http://127.0.0.1:5000', moto.endpoint).replaceAll('/tmp/shipkit-selftest', dir);
    for (const [port, local] of Object.entries(ports)) text = text.replaceAll(`127.0.0.1:${port}`, `127.0.0.1:${local}`);
    expect(JSON.stringify(YAML.parse(text))).not.toMatch(/127\.0\.0\.1:(5000|808\d)\b|\/tmp\/shipkit-selftest/);
    mkdirSync(path.join(workspace, 'test', 'github', 'self-test'), { recursive: true });
    writeFileSync(path.join(workspace, 'test', 'github', 'self-test', 'shipkit.yml'), text);
    // The static job: the example's build script.
    execFileSync(path.join(workspace, 'examples', 'static-site', 'site', 'build.sh'), { cwd: workspace });
  }, 120_000);

  afterAll(async () => {
    if (dir && existsSync(`${dir}/nginx/nginx.pid`)) execFileSync('nginx', [...nginxArgs(), '-s', 'quit']);
    await moto?.stop();
  });

  const step = async (name: string, inputs: Record<string, string>): Promise<RunResult> => {
    const result = await runAction(name, { workspace, inputs, env: { ...moto.env } });
    expect([name, result.exitCode, result.errors]).toEqual([name, 0, []]);
    return result;
  };
  const common = { config: 'test/github/self-test/shipkit.yml' };
  const source = 'examples/static-site/site/dist';

  test('pipeline-develop.yml\'s deploy job: deploy to development, the guide\'s smoke checks pass through nginx', async () => {
    const deploy = await step('deploy-env', { ...common, environment: 'selftest-development', 'source-dir': source });
    expect(deploy.outputs.url).toBe(`http://127.0.0.1:${ports['8080']}`);
    const smoke = await step('smoke-test', { ...common, environment: 'selftest-development', 'base-url': deploy.outputs.url });
    expect(smoke.outputs.passed).toBe('true');
    expect(await (await fetch(`${deploy.outputs.url}/guide/`)).text()).toContain('<main id="guide">');
  }, 240_000);

  test('pipeline-main.yml\'s deploy job: idle slot, its smoke test, the nginx switch, the live smoke test; the ledger says what nginx serves', async () => {
    const env = { ...common, environment: 'selftest-staging' };
    const deploy = await step('deploy-env', { ...env, 'source-dir': source });
    const slot = deploy.outputs.slot;
    expect(['blue', 'green']).toContain(slot);
    await step('smoke-test', { ...env, 'base-url': deploy.outputs['slot-url'], slot });
    await step('blue-green-switch', { ...env, to: slot, 'expect-release': deploy.outputs.release, 'require-smoke': 'true' });
    const live = await step('smoke-test', { ...env, 'base-url': deploy.outputs.url, slot });
    expect(live.outputs.passed).toBe('true');
    expect(deploy.outputs.url).toBe(`http://127.0.0.1:${ports['8083']}`);
    const include = readFileSync(path.join(dir, 'nginx', 'selftest-staging.conf'), 'utf8');
    expect(include).toContain(`upstream shipkit_selftest-staging { server 127.0.0.1:${ports[slot === 'blue' ? '8081' : '8082']}; }`);
    const ledger = await openLedger({ state: 's3://selftest-deploy/shipkit', app: 'docs-site', environment: 'selftest-staging', client: moto.client(), run: {} });
    expect((await ledger.state()).live).toMatchObject({ release: deploy.outputs.release, slot });
    // The state bucket stays private: what nginx can read of the sites, nobody reads of the ledger.
    const listed = await moto.client().send(new ListObjectsV2Command({ Bucket: 'selftest-deploy', Prefix: 'shipkit/' }));
    const key = listed.Contents?.[0]?.Key;
    expect(key).toBeDefined();
    expect((await fetch(`${moto.endpoint}/selftest-deploy/${key}`)).status).toBe(403);
  }, 300_000);
});
