/**
 * Aliases never move backwards, also when two publishes run at once: on both real S3
 * implementations (moto honours If-Match on the alias manifest; s3rver ignores it, so the
 * publish re-reads after moving and puts a newer version back).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { runAction } from '../../../test/harness/index.js';
import { S3_KINDS, startS3Server, type S3Server } from '../../../test/services/index.js';
import { startFlakyProxy } from '../../s3/test/flaky-proxy.js';
import { publishCdn, type CdnPublishOptions } from '../src/publish.js';
import { SITE, writeSite } from './site.js';
import path from 'node:path';

describe.each(S3_KINDS)('racing cdn-publish runs on %s', (kind) => {
  let s3: S3Server;
  let buckets = 0;
  beforeAll(async () => {
    s3 = await startS3Server(kind);
  });
  afterAll(async () => {
    await s3?.stop();
  });
  const newBucket = async () => {
    const name = `race-${kind}-${++buckets}`;
    await s3.createBucket(name);
    return name;
  };
  const text = async (bucket: string, key: string) => (await s3.client().send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();
  const aliasVersion = async (bucket: string, alias: string) => (JSON.parse(await text(bucket, `app/${alias}/.shipkit-manifest.json`)) as { meta: { version: string }; complete: boolean });
  /** Every file of an alias, as a visitor would fetch it. */
  const aliasFiles = async (bucket: string, alias: string) => Object.fromEntries(await Promise.all(Object.keys(SITE).filter((key) => !key.startsWith('.')).map(async (key) => [key, await text(bucket, `app/${alias}/${key}`)])));
  const versionSite = (version: string) => Object.fromEntries(Object.entries(SITE).filter(([key]) => !key.startsWith('.')).map(([key, value]) => [key, key.endsWith('.js') || key.endsWith('.html') ? `${value} /* ${version} */` : value]));

  test('1.2.4 (slow, started first) and 1.3.0 (fast): latest/ and v1/ end on 1.3.0, v1.2/ on 1.2.4', async () => {
    const bucket = await newBucket();
    const publish = (version: string, env: Record<string, string> = {}) =>
      runAction('cdn-publish', { inputs: { 'source-dir': 'dist', bucket, prefix: 'app', version }, env: { ...s3.env, ...env }, workspace: writeSite(versionSite(version)) });
    expect((await publish('1.2.3')).exitCode).toBe(0);
    // 1.2.4's uploads go through a slow link, held until 1.3.0 is published: its alias decision used to be taken before them.
    let release: () => void = () => undefined;
    const published = new Promise<void>((resolve) => (release = resolve));
    const slow = await startFlakyProxy(s3.endpoint, { every: 1, hold: () => published, when: (req) => req.method === 'PUT' && (req.url ?? '').startsWith(`/${bucket}/app/v1.2.4/`) });
    try {
      const older = publish('1.2.4', { AWS_ENDPOINT_URL: slow.endpoint, AWS_ENDPOINT_URL_S3: slow.endpoint });
      for (let i = 0; i < 400 && slow.injected === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(slow.injected).toBeGreaterThan(0);
      const newer = await publish('1.3.0');
      expect(newer.errors).toEqual([]);
      release();
      const done = await older;
      expect(done.errors).toEqual([]);
      expect(done.summary).toMatch(/kept on 1\.3\.0/);
    } finally {
      release();
      await slow.stop();
    }
    expect((await aliasVersion(bucket, 'latest')).meta.version).toBe('1.3.0');
    expect((await aliasVersion(bucket, 'v1')).meta.version).toBe('1.3.0');
    expect((await aliasVersion(bucket, 'v1.2')).meta.version).toBe('1.2.4');
    expect(await aliasFiles(bucket, 'latest')).toEqual(versionSite('1.3.0'));
    expect(await aliasFiles(bucket, 'v1')).toEqual(versionSite('1.3.0'));
    expect(await aliasFiles(bucket, 'v1.2')).toEqual(versionSite('1.2.4'));
  }, 120_000);

  test('a newer version moves an alias while an older one is copying into it: the alias ends complete on the newer version, byte for byte', async () => {
    const bucket = await newBucket();
    const options = (version: string): CdnPublishOptions => ({
      sourceDir: path.join(writeSite(versionSite(version)), 'dist'),
      bucket,
      prefix: 'app',
      version,
      aliases: true,
      cacheRules: [],
      include: [],
      exclude: [],
      overwrite: false,
      dryRun: false,
      concurrency: 1,
      baseUrl: 'https://cdn.example.com/app',
      log: () => undefined,
      warn: () => undefined,
    });
    await publishCdn(s3.client(), options('1.2.3'));
    // The moment 1.2.4 starts copying into latest/, 1.3.0 publishes completely (another runner).
    const racing: S3Client = s3.client();
    let triggered = false;
    racing.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { Key?: string };
        if (!triggered && context.commandName === 'CopyObjectCommand' && input.Key?.startsWith('app/latest/')) {
          triggered = true;
          await publishCdn(s3.client(), options('1.3.0'));
        }
        return next(args);
      },
      { step: 'initialize', name: 'raceTrigger' },
    );
    const report = await publishCdn(racing, options('1.2.4'));
    expect(triggered).toBe(true);
    expect(report.targets.find((target) => target.name === 'latest')).toMatchObject({ status: 'kept', from: '1.3.0' });
    expect(await aliasVersion(bucket, 'latest')).toMatchObject({ complete: true, meta: { version: '1.3.0' } });
    expect(await aliasFiles(bucket, 'latest')).toEqual(versionSite('1.3.0'));
    expect((await aliasVersion(bucket, 'v1.2')).meta.version).toBe('1.2.4');
  }, 120_000);
});
