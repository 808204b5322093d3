import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseConfig } from '@shipkit/core';
import { countRequests } from '@shipkit/s3';
import { S3_KINDS, startS3Server, tempDir, type S3Server } from '../../../test/services/index.js';
import { resolveEnvironment, storedRelease, uploadRelease, type ResolvedEnvironment } from '../src/index.js';

describe.each(S3_KINDS)('release store on %s', (kind) => {
  let s3: S3Server;
  let env: ResolvedEnvironment;
  const work = tempDir('release-store');

  function site(name: string, body = name): string {
    const dir = path.join(work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), `<div>${body}</div>`);
    writeFileSync(path.join(dir, 'app.js'), `console.log(${JSON.stringify(body)})`);
    return dir;
  }

  beforeAll(async () => {
    s3 = await startS3Server(kind, { buckets: ['state', 'site-dev', 'site-prod'] });
    const loaded = parseConfig(
      `app: shop\nstate: s3://state/sk\nenvironments:\n  dev: { target: s3, s3: { bucket: site-dev }, retention: 2 }\n  prod: { target: s3, s3: { bucket: site-prod } }\n`,
      'shipkit.yml',
    );
    env = resolveEnvironment(loaded, 'dev', {}, work);
  });
  afterAll(async () => {
    await s3?.stop();
  });

  describe('release store', () => {
    test('a release is uploaded once; the same content again writes nothing; other content under the same id is refused', async () => {
      const client = s3.client();
      const first = await uploadRelease(client, env, 'r1', site('r1'));
      expect(first).toMatchObject({ reused: false, uploaded: 2, files: 2 });
      const counts = countRequests(client);
      const again = await uploadRelease(client, env, 'r1', site('r1'));
      expect(again).toMatchObject({ reused: true, uploaded: 0 });
      expect(counts.writes()).toBe(0);
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
  });
});
