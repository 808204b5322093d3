/**
 * Listings are complete or an error, on every store: a page that says it is truncated without a
 * continuation token, a token handed out twice, or a body cut mid-XML is asked again, then fails
 * with an IncompleteListingError naming the store URL and the prefix — never the pages read so
 * far taken for the whole listing. Faults come from a proxy in front of the real store that
 * rewrites its listing answers (listing-proxy.ts).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { STORE_KINDS, startStore, tempDir, type StoreServer } from '../../../test/services/index.js';
import { startListingProxy, type ListingFaultKind, type ListingProxy } from './listing-proxy.js';

// A listing page that cannot be trusted is asked again after a backoff of 100-400 ms (core's retry,
// base 200 ms); here after a tenth of it. Every attempt still reaches the store: only the waits between them are shorter.
const actualCore = await import('@shipkit/core');
jest.unstable_mockModule('@shipkit/core', () => ({
  ...actualCore,
  retry: <T>(fn: (attempt: number) => Promise<T>, options: Parameters<typeof actualCore.retry>[1] = {}) => actualCore.retry(fn, { ...options, sleep: (ms) => (options.sleep ?? actualCore.sleep)(Math.ceil(ms / 10)) }),
}));
const { deletePrefix, IncompleteListingError, listFolders, listKeys, LISTING_ATTEMPTS, peekKeys, publishDirectory } = await import('../src/index.js');

const REASONS: Record<ListingFaultKind, RegExp> = {
  'truncated-without-token': /the first page of the listing says it is truncated but gives no continuation token/,
  'cut-body': /the first page of the listing does not parse \(.*(XML parse error|PARSE_ERROR).*\)/,
  'repeat-token': /page 2 of the listing hands out a continuation token it gave before \("loop"\)/,
};

/** Every key of a bucket, read directly (not through the proxy). */
async function allKeys(client: S3Client, bucket: string): Promise<string[]> {
  const page = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (page.Contents ?? []).map((object) => object.Key!).sort();
}

describe.each(STORE_KINDS)('listings on %s are complete or an error', (kind) => {
  let store: StoreServer;
  let proxy: ListingProxy;
  let via: S3Client;
  let bucket: string;
  let url: string;
  const keys = ['p/a.txt', 'p/b.txt', 'p/c/d.txt', 'p/e.txt', 'f/one/x', 'f/two/x', 'f/three/x'];
  beforeAll(async () => {
    store = await startStore(kind, { buckets: ['lists'] });
    bucket = store.bucket('lists');
    url = `${kind === 'azurite' ? 'azblob' : 's3'}://${bucket}`;
    const direct = store.client();
    for (const key of keys) await direct.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
    proxy = await startListingProxy(store.origin);
    via = store.clientVia(proxy.endpoint);
  });
  afterAll(async () => {
    await proxy?.stop();
    await store?.stop();
  });

  // Azure Blob pages have no IsTruncated: a page whose NextMarker a middlebox removed is a last page to any client.
  const kinds: ListingFaultKind[] = kind === 'azurite' ? ['cut-body', 'repeat-token'] : ['truncated-without-token', 'cut-body', 'repeat-token'];
  const operations: Array<[string, string, () => Promise<unknown>]> = [
    ['listKeys', 'p/', () => listKeys(via, bucket, 'p')],
    ['listFolders', 'f/', () => listFolders(via, bucket, 'f/')],
    ['peekKeys', 'p/', () => peekKeys(via, bucket, 'p', 2)],
  ];

  describe.each(kinds)('a store that keeps answering %s', (fault) => {
    test.each(operations)('%s fails naming the store and the prefix after retrying', async (_name, prefix, operation) => {
      // peekKeys reads one page: a token it never follows cannot repeat.
      if (_name === 'peekKeys' && fault === 'repeat-token') return;
      proxy.fault = { kind: fault, keep: 1 };
      const error = await operation().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      const faulted = proxy.faulted;
      proxy.fault = undefined;
      expect(error).toBeInstanceOf(IncompleteListingError);
      const message = (error as Error).message;
      expect(message).toContain(`Could not list ${url}/${prefix} completely: `);
      expect(message).toMatch(REASONS[fault]);
      expect(message).toContain(`(${LISTING_ATTEMPTS} attempts)`);
      expect(message).not.toMatch(/<\?xml|\n\s+at /);
      // Every try of the bad page reached the store (the first page once more for a repeated token).
      expect(faulted).toBe(fault === 'repeat-token' ? LISTING_ATTEMPTS + 1 : LISTING_ATTEMPTS);
    });
  });

  test.each(kinds.filter((fault) => fault !== 'repeat-token'))('one %s page is asked again and the listing is complete', async (fault) => {
    proxy.fault = { kind: fault, keep: 1, times: 1 };
    const listed = await listKeys(via, bucket, 'p');
    expect(proxy.faulted).toBe(1);
    expect(listed.sort()).toEqual(keys.filter((key) => key.startsWith('p/')).sort());
    proxy.fault = { kind: fault, keep: 1, times: 1 };
    expect((await listFolders(via, bucket, 'f/')).sort()).toEqual(['one', 'three', 'two']);
    proxy.fault = undefined;
  });

  test.each(kinds)('deletePrefix and a publish with deleteStale write nothing on a %s listing', async (fault) => {
    const before = await allKeys(store.client(), bucket);
    proxy.fault = { kind: fault, keep: 1 };
    await expect(deletePrefix(via, bucket, 'p')).rejects.toThrow(IncompleteListingError);
    const dir = tempDir('listing-site');
    mkdirSync(path.join(dir, 'c'), { recursive: true });
    writeFileSync(path.join(dir, 'a.txt'), 'changed');
    await expect(publishDirectory(via, { sourceDir: dir, bucket, prefix: 'p', deleteStale: true, log: () => undefined })).rejects.toThrow(/Could not list .*\/p\/ completely/);
    proxy.fault = undefined;
    expect(await allKeys(store.client(), bucket)).toEqual(before);
  });
});
