/**
 * examples/static-site (no images) through the steps of its callers' pipelines, with the committed
 * bundles, against moto (S3 and CloudFront): plan (no images: build and scan skipped) -> static job
 * (site/build.sh, packed, sha256) -> deploy job (digest checked, deploy-env, smoke-test). develop
 * deploys development and main deploys staging directly (pipeline-develop.yml); a tag promotes
 * main's release into production's idle slot, smokes the slot and switches the production
 * CloudFront distribution's origin to it (pipeline-release.yml).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { CloudFrontClient, CreateDistributionCommand, GetDistributionConfigCommand } from '@aws-sdk/client-cloudfront';
import { openLedger } from '@shipkit/ledger';
import { ROOT, runAction, type RunResult } from './harness/index.js';
import { startMoto, tempDir, type MotoService } from './services/index.js';
import { hashServed, hashTree } from './deploy/helpers.js';

const BUCKETS = ['docs-site-deploy', 'docs-site-dev', 'docs-site-staging', 'docs-site-prod-blue', 'docs-site-prod-green'];

describe('examples/static-site through its pipelines (no images): development and staging direct, production blue-green behind CloudFront', () => {
  let moto: MotoService;
  let cloudfront: CloudFrontClient;
  let distributionId: string;
  let workspace: string;
  const steps: string[] = [];

  beforeAll(async () => {
    moto = await startMoto({ buckets: ['docs-site-deploy'], websites: BUCKETS.slice(1) });
    // The production distribution: both slot buckets as origins (ids as the config's `origin`).
    cloudfront = new CloudFrontClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: moto.credentials });
    const origin = (id: string) => ({ Id: id, DomainName: `${id}.s3.eu-west-1.amazonaws.com`, S3OriginConfig: { OriginAccessIdentity: '' } });
    const created = await cloudfront.send(
      new CreateDistributionCommand({
        DistributionConfig: {
          CallerReference: `docs-site-${Date.now()}`,
          Comment: 'docs-site production',
          Enabled: true,
          Origins: { Quantity: 2, Items: [origin('docs-site-prod-blue'), origin('docs-site-prod-green')] },
          DefaultCacheBehavior: { TargetOriginId: 'docs-site-prod-green', ViewerProtocolPolicy: 'redirect-to-https', ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } }, MinTTL: 0, TrustedSigners: { Enabled: false, Quantity: 0 } },
        },
      }),
    );
    distributionId = created.Distribution!.Id!;
    workspace = path.join(tempDir('static-site'), 'docs-site');
    cpSync(path.join(ROOT, 'examples', 'static-site'), workspace, { recursive: true });
    // The example's config, pointed at the local services (each place's URL is its website endpoint).
    const file = path.join(workspace, '.github', 'shipkit.yml');
    const config = YAML.parse(readFileSync(file, 'utf8'));
    config.environments.development.url = moto.websiteUrl('docs-site-dev');
    config.environments.staging.url = moto.websiteUrl('docs-site-staging');
    for (const slot of ['blue', 'green'] as const) config.environments.production.slots[slot].url = moto.websiteUrl(`docs-site-prod-${slot}`);
    config.environments.production.router = { ...config.environments.production.router, 'distribution-id': distributionId, endpoint: moto.endpoint };
    writeFileSync(file, YAML.stringify(config));
  }, 60_000);
  afterAll(async () => {
    cloudfront?.destroy();
    await moto?.stop();
  });

  const action = async (name: string, inputs: Record<string, string>, sha: string, options: { event?: 'tag-v1.2.3' } = {}): Promise<RunResult> => {
    const run = await runAction(name, { workspace, inputs, env: { ...moto.env, GITHUB_SHA: sha }, event: options.event });
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

  test('develop -> development, main -> staging (direct, no images); a tag -> production\'s idle slot, smoked, then CloudFront switched to it', async () => {
    // develop push: pipeline-develop.yml, environment development
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

    // main push: main.yml calls pipeline-develop.yml with environment staging (direct)
    expect(plan().images).toBe(false);
    const mainFiles = staticFiles('1.0.0');
    const staged = await action('deploy-env', { environment: 'staging', 'source-dir': mainFiles }, 'b'.repeat(40));
    expect(staged.outputs.release).toBe(`main-${'b'.repeat(7)}`);
    const stagedSmoke = await action('smoke-test', { environment: 'staging', 'base-url': staged.outputs.url }, 'b'.repeat(40));
    expect(stagedSmoke.outputs.passed).toBe('true');
    expect(await (await fetch(`${moto.websiteUrl('docs-site-staging')}/guide/`)).text()).toContain('<main id="guide">');

    // tag v1.0.0 on main's commit: pipeline-release.yml promotes main's tested files into the idle slot
    const tag = { event: 'tag-v1.2.3' as const };
    const slot = await action('deploy-env', { environment: 'production', release: 'v1.0.0', 'from-release': staged.outputs.release }, 'b'.repeat(40), tag);
    expect(slot.outputs.slot).toBe('blue');
    await action('smoke-test', { environment: 'production', slot: 'blue', 'base-url': slot.outputs['slot-url'] }, 'b'.repeat(40), tag);
    // docs.example is not reachable from here: the live smoke test runs on GitHub (verify off).
    const switched = await action('blue-green-switch', { environment: 'production', to: 'blue', 'expect-release': 'v1.0.0', 'require-smoke': 'true', verify: 'false' }, 'b'.repeat(40), tag);
    expect(switched.outputs['live-slot']).toBe('blue');
    const target = (await cloudfront.send(new GetDistributionConfigCommand({ Id: distributionId }))).DistributionConfig?.DefaultCacheBehavior?.TargetOriginId;
    expect(target).toBe('docs-site-prod-blue');
    // Byte for byte what staging tested.
    expect(await hashServed(moto.websiteUrl('docs-site-prod-blue'), Object.keys(hashTree(mainFiles)))).toEqual(hashTree(mainFiles));

    expect(steps).toEqual([
      'plan: images=false',
      expect.stringMatching(/^static: [0-9a-f]{12}$/),
      'deploy-env passed',
      'smoke-test passed',
      'plan: images=false',
      expect.stringMatching(/^static: [0-9a-f]{12}$/),
      'deploy-env passed',
      'smoke-test passed',
      'deploy-env passed',
      'smoke-test passed',
      'blue-green-switch passed',
    ]);
    const ledger = await openLedger({ state: 's3://docs-site-deploy/shipkit', app: 'docs-site', environment: 'production', client: moto.client(), run: {} });
    expect((await ledger.state()).live).toMatchObject({ release: 'v1.0.0', slot: 'blue' });
  }, 180_000);
});
