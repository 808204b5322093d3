/**
 * examples/static-site (no images) through the steps of pipeline-develop.yml and pipeline-main.yml,
 * with the committed bundles, against moto (S3) and a real nginx router: plan (no images: build
 * and scan skipped) -> static job (site/build.sh, packed, sha256) -> deploy job (digest checked,
 * deploy-env, smoke-test; on main: smoke the slot, switch, smoke live).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { openLedger } from '@shipkit/ledger';
import { ROOT, runAction, type RunResult } from './harness/index.js';
import { startMoto, startNginxRouter, tempDir, type MotoService, type NginxRouterService } from './services/index.js';
import { hashServed, hashTree } from './deploy/helpers.js';

const BUCKETS = ['docs-site-deploy', 'docs-site-dev', 'docs-site-staging-blue', 'docs-site-staging-green'];

describe('examples/static-site through the develop and main pipelines (no images)', () => {
  let moto: MotoService;
  let router: NginxRouterService;
  let workspace: string;
  const steps: string[] = [];

  beforeAll(async () => {
    moto = await startMoto({ buckets: ['docs-site-deploy'], websites: BUCKETS.slice(1) });
    router = await startNginxRouter({ environment: 'staging' });
    workspace = path.join(tempDir('static-site'), 'docs-site');
    cpSync(path.join(ROOT, 'examples', 'static-site'), workspace, { recursive: true });
    // The example's config, pointed at the local services (the slots' upstreams are their website endpoints).
    const file = path.join(workspace, '.github', 'shipkit.yml');
    const config = YAML.parse(readFileSync(file, 'utf8'));
    const port = (bucket: string) => new URL(moto.websiteUrl(bucket)).port;
    config.environments.development.url = moto.websiteUrl('docs-site-dev');
    for (const slot of ['blue', 'green'] as const) {
      const bucket = `docs-site-staging-${slot}`;
      Object.assign(config.environments.staging.slots[slot], { upstream: `127.0.0.1:${port(bucket)}`, url: moto.websiteUrl(bucket) });
    }
    Object.assign(config.environments.staging, { url: router.url, router: { type: 'nginx', include: router.includePath, test: router.testCommand, reload: router.reloadCommand } });
    writeFileSync(file, YAML.stringify(config));
  }, 60_000);
  afterAll(async () => {
    await router?.stop();
    await moto?.stop();
  });

  const action = async (name: string, inputs: Record<string, string>, sha: string): Promise<RunResult> => {
    const run = await runAction(name, { workspace, inputs, env: { ...moto.env, GITHUB_SHA: sha } });
    steps.push(`${name} ${run.exitCode === 0 ? 'passed' : 'failed'}`);
    expect([name, run.errors]).toEqual([name, []]);
    return run;
  };

  /** The plan job: images only when the input or the config names some. */
  const plan = () => {
    const config = YAML.parse(readFileSync(path.join(workspace, '.github', 'shipkit.yml'), 'utf8'));
    const images = (config.images ?? []).length > 0;
    steps.push(`plan: images=${images}`);
    return { images };
  };

  /** The static job (site/build.sh, packed reproducibly, its sha256 an output) and the deploy job's check and unpack. */
  const staticFiles = (version: string): string => {
    execFileSync(path.join(workspace, 'site', 'build.sh'), { env: { ...process.env, APP_VERSION: version }, stdio: 'pipe' });
    const temp = tempDir('static-job');
    const tar = path.join(temp, 'static-files.tar');
    execFileSync('tar', ['--sort=name', '--mtime=@0', '--owner=0', '--group=0', '--numeric-owner', '-C', path.join(workspace, 'site', 'dist'), '-cf', tar, '.']);
    const digest = execFileSync('sha256sum', [tar]).toString().split(' ')[0];
    // deploy job: `echo "$DIGEST  static-files.tar" | sha256sum --check --strict -`, then unpack into $RUNNER_TEMP.
    execFileSync('sha256sum', ['--check', '--strict', '-'], { cwd: temp, input: `${digest}  static-files.tar\n` });
    const unpacked = path.join(workspace, '.runner-temp', `shipkit-static-${version}`);
    mkdirSync(unpacked, { recursive: true });
    execFileSync('tar', ['-xf', tar, '-C', unpacked]);
    steps.push(`static: ${digest.slice(0, 12)}`);
    return unpacked;
  };

  test('develop: no images, the site deployed and smoke-tested; main: blue-green through nginx', async () => {
    // develop push
    expect(plan().images).toBe(false);
    const devFiles = staticFiles('1.0.0-dev');
    const deploy = await action('deploy-env', { environment: 'development', 'source-dir': devFiles }, 'a'.repeat(40));
    const smoke = await action('smoke-test', { environment: 'development', 'base-url': deploy.outputs.url }, 'a'.repeat(40));
    expect(smoke.outputs.passed).toBe('true');
    const served = hashTree(devFiles);
    expect(await hashServed(moto.websiteUrl('docs-site-dev'), Object.keys(served))).toEqual(served);
    // The served bucket holds the site's files and nothing else (shipkit's bookkeeping is in the state store).
    const listed = await moto.client().send(new ListObjectsV2Command({ Bucket: 'docs-site-dev' }));
    expect((listed.Contents ?? []).map((object) => object.Key).sort()).toEqual(Object.keys(served).sort());

    // main push: idle slot, smoke the slot, switch, smoke live
    expect(plan().images).toBe(false);
    const mainFiles = staticFiles('1.0.0');
    const slot = await action('deploy-env', { environment: 'staging', 'source-dir': mainFiles }, 'b'.repeat(40));
    expect(slot.outputs.slot).toBe('blue');
    await action('smoke-test', { environment: 'staging', slot: 'blue', 'base-url': slot.outputs['slot-url'] }, 'b'.repeat(40));
    const switched = await action('blue-green-switch', { environment: 'staging', to: 'blue', 'expect-release': slot.outputs.release, 'require-smoke': 'true' }, 'b'.repeat(40));
    expect(switched.outputs['live-slot']).toBe('blue');
    const live = await action('smoke-test', { environment: 'staging', 'base-url': slot.outputs.url, samples: '3' }, 'b'.repeat(40));
    expect(live.outputs.passed).toBe('true');
    const html = await (await fetch(`${router.url}/`)).text();
    expect(html).toContain('<main id="docs">');
    expect(html).toContain('content="1.0.0"');

    expect(steps).toEqual([
      'plan: images=false',
      expect.stringMatching(/^static: [0-9a-f]{12}$/),
      'deploy-env passed',
      'smoke-test passed',
      'plan: images=false',
      expect.stringMatching(/^static: [0-9a-f]{12}$/),
      'deploy-env passed',
      'smoke-test passed',
      'blue-green-switch passed',
      'smoke-test passed',
    ]);
    const ledger = await openLedger({ state: 's3://docs-site-deploy/shipkit', app: 'docs-site', environment: 'staging', client: moto.client(), run: {} });
    expect((await ledger.state()).live).toMatchObject({ release: slot.outputs.release, slot: 'blue' });
  }, 180_000);
});
