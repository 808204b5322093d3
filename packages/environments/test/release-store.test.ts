import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseConfig } from '@shipkit/core';
import { countRequests } from '@shipkit/s3';
import { S3_KINDS, startS3Server, tempDir, type S3Server } from '../../../test/services/index.js';
import { checkReleaseUnchanged, releaseDifference, resolveEnvironment, storedRelease, uploadRelease, type ResolvedEnvironment } from '../src/index.js';

describe('releaseDifference', () => {
  const stored = { files: { 'a.js': { sha256: 'a', size: 1 }, 'b.js': { sha256: 'b', size: 1 }, 'c.js': { sha256: 'c', size: 1 }, 'gone.txt': { sha256: 'g', size: 1 } } };
  test.each([
    ['the same files', [['a.js', 'a'], ['b.js', 'b'], ['c.js', 'c'], ['gone.txt', 'g']], { added: [], changed: [], removed: [], count: 0 }],
    ['a changed file', [['a.js', 'A'], ['b.js', 'b'], ['c.js', 'c'], ['gone.txt', 'g']], { added: [], changed: ['a.js'], removed: [], count: 1 }],
    ['added, changed and removed', [['new.js', 'n'], ['c.js', 'C'], ['a.js', 'a'], ['b.js', 'b']], { added: ['new.js'], changed: ['c.js'], removed: ['gone.txt'], count: 3 }],
    ['an empty directory', [], { added: [], changed: [], removed: ['a.js', 'b.js', 'c.js', 'gone.txt'], count: 4 }],
  ] as const)('%s', (_name, files, expected) => {
    expect(releaseDifference(stored, files.map(([key, sha256]) => ({ key, sha256 })))).toEqual(expected);
  });
});

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
      await expect(uploadRelease(client, env, 'r1', site('r1-changed', 'other'))).rejects.toThrow(/Release "r1" is already in the release store .* with other files than source-dir .* holds \(2 files differ: changed "app\.js", "index\.html"\)\. Releases are immutable/);
      expect(await storedRelease(client, env, 'r1')).toMatchObject({ complete: true, meta: { release: 'r1', app: 'shop' } });
    });

    test('checkReleaseUnchanged: absent (no scan), the same files, or a refusal naming the differing files and the choice', async () => {
      const client = s3.client();
      // Not stored: the directory is not even scanned (this one does not exist).
      expect(await checkReleaseUnchanged(client, env, 'never-stored', path.join(work, 'no-such-dir'))).toBe('absent');
      await uploadRelease(client, env, 'c1', site('c1'));
      expect(await checkReleaseUnchanged(client, env, 'c1', site('c1'))).toBe('stored');
      const other = site('c1-other', 'c1');
      writeFileSync(path.join(other, 'index.html'), '<div>rebuilt</div>');
      await expect(checkReleaseUnchanged(client, env, 'c1', other)).rejects.toThrow(
        /^Release "c1" is already in the release store \(s3:\/\/state\/sk\/releases\/shop\/c1\/\) with other files than source-dir ".*c1-other" holds \(1 file differ: changed "index\.html"\)\. Releases are immutable: a release name always means the same files, so nothing was changed\.$/,
      );
      const refused = await checkReleaseUnchanged(client, env, 'c1', other).catch((error: { hint?: string }) => error);
      expect((refused as { hint?: string }).hint).toMatch(/new release name.*from-release: c1/);
      expect((await storedRelease(client, env, 'c1'))?.files['index.html']?.sha256).not.toBeUndefined();
      // An interrupted upload (no complete manifest) is not a stored release: the deploy completes it.
      expect(await checkReleaseUnchanged(client, env, 'r-incomplete', other)).toBe('absent');
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
