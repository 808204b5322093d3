/**
 * The helpers tests use to say "absent" and "unchanged" (test/harness/store.ts), on moto and
 * azurite: absent only when the store says so (a store that is down, or a missing bucket, is an
 * error that fails the test), and a snapshot that sees a body change even when the key list does not.
 */
import { describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { startStore } from '../services/index.js';
import { readJson, readObject, snapshot } from './store.js';

describe.each(['moto', 'azurite'] as const)('store helpers on %s', (kind) => {
  test('absent, present, a missing bucket, a stopped store; a snapshot sees bodies and files', async () => {
    // Not a pooled moto: its stop() ends the process, so the read below meets a store that is gone.
    const store = await startStore(kind, { buckets: ['state'], pooled: false });
    const client = store.client();
    const bucket = store.bucket('state');
    try {
      expect(await readObject(client, bucket, 'no/such/key')).toBeUndefined();
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'a.json', Body: '{"n":1}' }));
      expect(await readJson(client, bucket, 'a.json')).toEqual({ n: 1 });
      await expect(readObject(client, store.bucket('no-such-bucket'), 'a.json')).rejects.toThrow();

      const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-snapshot-'));
      const include = path.join(dir, 'staging.conf');
      writeFileSync(include, 'upstream a;\n');
      const before = await snapshot({ client, buckets: [bucket], files: [include, path.join(dir, 'absent.conf')] });
      expect(Object.keys(before).sort()).toEqual([`${bucket}/a.json`, `file:${include}`, `file:${path.join(dir, 'absent.conf')}`].sort());
      expect(before[`file:${path.join(dir, 'absent.conf')}`]).toBe('absent');
      // Same keys, same length, other bytes: still a change.
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'a.json', Body: '{"n":2}' }));
      expect(await snapshot({ client, buckets: [bucket], files: [include, path.join(dir, 'absent.conf')] })).not.toEqual(before);
      symlinkSync(include, path.join(dir, 'link.conf'));
      expect((await snapshot({ files: [path.join(dir, 'link.conf')] }))[`file:${path.join(dir, 'link.conf')}`]).toBe(`link -> ${include}`);
    } finally {
      await store.stop();
    }
    // The store is gone: reading is an error, never "absent". The client retries the refused
    // connection after backoffs (Azure's: 4 s, then 12 s); here they pass on jest's clock, each
    // attempt is real. (Date is not faked; the loop's own waits are real.)
    const realSetTimeout = setTimeout;
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'Date', 'hrtime', 'performance'] });
    try {
      let settled = false;
      const read = readObject(client, bucket, 'a.json').finally(() => (settled = true));
      read.catch(() => undefined);
      for (const started = Date.now(); !settled && Date.now() - started < 60_000; ) {
        await new Promise((resolve) => realSetTimeout(resolve, 5));
        await jest.advanceTimersByTimeAsync(100);
      }
      await expect(read).rejects.toThrow();
    } finally {
      jest.useRealTimers();
    }
  }, 90_000);
});
