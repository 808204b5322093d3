import { createHash } from 'node:crypto';
import { close, createReadStream, open, read } from 'node:fs';

/** Files up to this size are read (and hashed) in one piece; larger ones are streamed. */
export const ONE_READ_BYTES = 1024 * 1024;

const readInto = (fd: number, buffer: Buffer, offset: number): Promise<number> =>
  new Promise((resolve, reject) => read(fd, buffer, offset, buffer.length - offset, offset, (error, count) => (error ? reject(error) : resolve(count))));

/**
 * The bytes of a file whose size is known (from a stat or a plan): one open, reads until the end,
 * one close, on a plain descriptor. Thousands of small files are read this way: a FileHandle per
 * file, or readFile's extra fstat and promise steps, cost more CPU than the reads (measured: 40%
 * less for 2,000 files), and the reads stay asynchronous, so a slow disk is still read in parallel.
 * Returns undefined when the file no longer has `size` bytes (it changed since it was measured):
 * the caller never gets a shortened or padded body.
 */
export function readKnownSize(file: string, size: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    open(file, 'r', (openError, fd) => {
      if (openError) return reject(openError);
      // One byte more than expected: a file that grew reads past `size` and is reported as changed.
      const buffer = Buffer.allocUnsafe(size + 1);
      (async () => {
        let filled = 0;
        for (;;) {
          const count = await readInto(fd, buffer, filled);
          if (!count) break;
          filled += count;
          if (filled > size) break;
        }
        return filled === size ? buffer.subarray(0, size) : undefined;
      })().then(
        (bytes) => close(fd, (closeError) => (closeError ? reject(closeError) : resolve(bytes))),
        (readError) => close(fd, () => reject(readError)),
      );
    });
  });
}

/** sha256 (hex) of a file: one read when its size is known and small, otherwise streamed (bounded memory). */
export async function sha256File(file: string, size?: number): Promise<string> {
  if (size !== undefined && size <= ONE_READ_BYTES) {
    const bytes = await readKnownSize(file, size);
    if (bytes) return createHash('sha256').update(bytes).digest('hex');
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: ONE_READ_BYTES })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
