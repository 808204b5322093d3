/**
 * Direct environments behind a CDN: installs, rollbacks and restores invalidate what they changed
 * and set Cache-Control, through the committed bundles, against moto (S3 and CloudFront APIs).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { CloudFrontClient, CreateDistributionCommand, GetInvalidationCommand, ListInvalidationsCommand } from '@aws-sdk/client-cloudfront';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { runAction } from '../harness/index.js';
import { startMoto, type MotoService } from '../services/index.js';
import { actionEnv, hashTree, workspaceWith, writeSite } from './helpers.js';

describe('direct s3 environment with a CloudFront distribution (moto)', () => {
  let moto: MotoService;
  let cloudfront: CloudFrontClient;
  let distributionId: string;
  beforeAll(async () => {
    moto = await startMoto({ buckets: ['state'], websites: ['cdn-site'] });
    cloudfront = new CloudFrontClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: moto.credentials });
    const behaviour = { TargetOriginId: 'site', ViewerProtocolPolicy: 'allow-all' as const, ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' as const } }, MinTTL: 0, TrustedSigners: { Enabled: false, Quantity: 0 } };
    const created = await cloudfront.send(
      new CreateDistributionCommand({
        DistributionConfig: { CallerReference: `cdn-${Date.now()}`, Comment: 'shop', Enabled: true, Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: 'cdn-site.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }] }, DefaultCacheBehavior: behaviour },
      }),
    );
    distributionId = created.Distribution!.Id!;
  });
  afterAll(async () => {
    cloudfront?.destroy();
    await moto?.stop();
  });

  const invalidations = async () => {
    const items = (await cloudfront.send(new ListInvalidationsCommand({ DistributionId: distributionId }))).InvalidationList?.Items ?? [];
    return Promise.all(items.map(async (item) => (await cloudfront.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: item.Id! }))).Invalidation!.InvalidationBatch!.Paths!.Items!.slice().sort()));
  };

  test('deploy and rollback invalidate the changed paths and wait; installed files carry Cache-Control', async () => {
    const workspace = workspaceWith({ app: 'shop', state: 's3://state/shipkit', environments: { web: { target: 's3', s3: { bucket: 'cdn-site' }, cdn: { 'distribution-id': distributionId } } } });
    for (const release of ['w1', 'w2']) writeSite(path.join(workspace, 'build', release), release, 2);
    const env = actionEnv(moto, { AWS_ENDPOINT_URL_CLOUDFRONT: moto.endpoint });
    const deploy = (release: string) => runAction('deploy-env', { workspace, env, inputs: { environment: 'web', release, 'source-dir': `build/${release}` } });
    expect((await deploy('w1')).errors).toEqual([]);
    const w1 = Object.keys(hashTree(path.join(workspace, 'build', 'w1')));
    const w2 = Object.keys(hashTree(path.join(workspace, 'build', 'w2')));
    expect((await invalidations()).at(-1)).toEqual([...w1.map((key) => `/${key}`), '/'].sort());

    const second = await deploy('w2');
    expect(second.errors).toEqual([]);
    // w2's new assets, w1's removed ones and index.html (and /) changed; robots.txt did not.
    const changed = [...new Set([...w1, ...w2])].filter((key) => key !== 'robots.txt');
    expect((await invalidations()).at(-1)).toEqual([...changed.map((key) => `/${key}`), '/'].sort());
    expect(second.log).toMatch(/Invalidated \d+ path\(s\) on web's CDN .*completed/);

    const before = (await invalidations()).length;
    const back = await runAction('rollback', { workspace, env, inputs: { environment: 'web', to: 'previous' } });
    expect(back.errors).toEqual([]);
    const all = await invalidations();
    expect(all).toHaveLength(before + 1);
    expect(all.at(-1)).toEqual([...changed.map((key) => `/${key}`), '/'].sort());

    const head = (key: string) => moto.client().send(new HeadObjectCommand({ Bucket: 'cdn-site', Key: key }));
    expect((await head('index.html')).CacheControl).toBe('no-cache');
    expect((await head(w1.find((key) => key.startsWith('assets/'))!)).CacheControl).toBe('public, max-age=31536000, immutable');
    expect((await head('robots.txt')).CacheControl).toBe('no-cache'); // an entry document too
  }, 120_000);
});
