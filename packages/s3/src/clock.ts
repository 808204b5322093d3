import type { S3Client } from '@aws-sdk/client-s3';

/**
 * The store's clock. Runners' clocks drift (minutes, on a badly kept machine); anything that
 * judges time across runs — a lease's expiry, say — reads it from the store instead: every answer
 * of an HTTP store carries a `Date` header (RFC 7231, one-second resolution), and an object's
 * `Last-Modified` is stamped by the same clock.
 *
 * The AWS SDK does not return the `Date` header, so `watchStoreClock(client)` adds a middleware
 * (deserialize step) that reads it from every response: it is put on the command's output as
 * `StoreDate` (read it with `storeDateOf(output)`) and kept as the client's latest sample, from
 * which `storeNow(client)` estimates the store's time now (the sample plus the monotonic time
 * elapsed since it: the runner's wall clock plays no part). The Azure Blob backend puts the
 * `StoreDate` of its answers on its outputs too (@shipkit/azure), and the store client records them.
 */

/** The output field carrying the `Date` header of the answer (ms since epoch). */
export const STORE_DATE = 'StoreDate';

interface Sample {
  /** The store's time, ms since epoch (from the Date header). */
  storeMs: number;
  /** performance.now() when the answer arrived. */
  at: number;
}

const samples = new WeakMap<S3Client, Sample>();
const watched = new WeakSet<S3Client>();

/** Notes a store time (ms since epoch) a client just saw. */
export function noteStoreDate(client: S3Client, storeMs: number | undefined): void {
  if (storeMs === undefined || !Number.isFinite(storeMs)) return;
  samples.set(client, { storeMs, at: performance.now() });
}

/** Parses an HTTP date (`Sun, 06 Dec 2026 21:24:43 GMT`) or a Date; undefined when it is neither. */
export function parseHttpDate(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
  if (typeof value !== 'string' || !value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The `Date` header of the store's answer that produced `output` (ms since epoch), when known. */
export function storeDateOf(output: unknown): number | undefined {
  return parseHttpDate((output as Record<string, unknown> | undefined)?.[STORE_DATE]);
}

/**
 * Reads the store's clock from every answer the client gets (idempotent; createS3Client calls
 * it). Errors carry it too: `error.$response.headers.date`.
 */
export function watchStoreClock(client: S3Client): S3Client {
  if (watched.has(client)) return client;
  watched.add(client);
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        const result = await next(args);
        const date = parseHttpDate((result.response as { headers?: Record<string, string> } | undefined)?.headers?.date);
        if (date !== undefined) {
          noteStoreDate(client, date);
          if (result.output && typeof result.output === 'object') (result.output as unknown as Record<string, unknown>)[STORE_DATE] = new Date(date);
        }
        return result;
      } catch (error) {
        noteStoreDate(client, parseHttpDate((error as { $response?: { headers?: Record<string, string> } })?.$response?.headers?.date));
        throw error;
      }
    },
    { step: 'deserialize', name: 'shipkitStoreClock', priority: 'high' },
  );
  return client;
}

/**
 * The store's time now as far as this client knows (ms since epoch): its latest answer's `Date`
 * plus the monotonic time since; undefined before the client's first answer. One-second
 * resolution: it may be up to a second early.
 */
export function storeNow(client: S3Client): number | undefined {
  const sample = samples.get(client);
  if (!sample) return undefined;
  return sample.storeMs + (performance.now() - sample.at);
}
