import { afterAll, describe, expect, test } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashFileSync, ONE_READ_BYTES } from '../src/files.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('hashFileSync', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // [name, real size, the size the caller believes (its stat), bytes handed back with keep]
  test.each([
    ['empty', 0, 0, true],
    ['one byte', 1, 1, true],
    ['exactly one read', ONE_READ_BYTES, ONE_READ_BYTES, true],
    ['one byte over one read (streamed, never kept)', ONE_READ_BYTES + 1, ONE_READ_BYTES + 1, false],
    ['several reads', 3 * ONE_READ_BYTES + 5, 3 * ONE_READ_BYTES + 5, false],
    ['grew since its stat', 5001, 5000, false],
    ['shrank since its stat', 4999, 5000, false],
    ['grew past one read since its stat', ONE_READ_BYTES + 7, ONE_READ_BYTES, false],
  ])('%s: the sha256 of the bytes on disk now; bytes kept only when they are the whole file at its size', (name, real, believed, kept) => {
    const bytes = randomBytes(real);
    const file = path.join(dir, name.replace(/\W+/g, '-'));
    writeFileSync(file, bytes);
    // Twice: the shared read buffer must not leak one file's bytes into the next result.
    for (let round = 0; round < 2; round++) {
      const result = hashFileSync(file, believed, true);
      expect(result.sha256).toBe(sha256(bytes));
      if (kept) expect(result.bytes?.equals(bytes)).toBe(true);
      else expect(result.bytes).toBeUndefined();
    }
    expect(hashFileSync(file, believed).bytes).toBeUndefined(); // not asked to keep
  });

  test('kept bytes are a copy, not a view of the read buffer the next file overwrites', () => {
    const a = randomBytes(1000);
    const b = randomBytes(1000);
    writeFileSync(path.join(dir, 'a'), a);
    writeFileSync(path.join(dir, 'b'), b);
    const first = hashFileSync(path.join(dir, 'a'), 1000, true).bytes!;
    hashFileSync(path.join(dir, 'b'), 1000, true);
    expect(first.equals(a)).toBe(true);
  });

  test('a missing file is an error, not an empty hash', () => {
    expect(() => hashFileSync(path.join(dir, 'missing'), 10)).toThrow(/ENOENT/);
  });
});
