import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { parseHttpDate, storeDateOf } from './clock.js';

/**
 * Conditional writes on S3-compatible stores: `If-None-Match: *` (create only) and `If-Match`
 * (replace only the version read). AWS S3, MinIO, R2 and moto honour them; some stores (s3rver)
 * ignore the headers and write anyway. Callers that need exclusion ask `conditionalWrites()`
 * once per bucket and fall back to write-then-verify where the answer is no.
 */

export function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

export function isNotFound(error: unknown): boolean {
  const e = error as { name?: string };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || httpStatus(error) === 404;
}

/**
 * 412: the object is not in the state the write was conditional on. An answer with another code
 * is not a lost race (a store answers S3's PreconditionFailed; the Azure Blob store maps Blob
 * Storage's condition codes to it and turns its other 412s, a blob lease on the object, into a
 * ShipkitError of their own).
 */
export function isPreconditionFailed(error: unknown): boolean {
  const e = error as { name?: string; Code?: string };
  if (!(e?.name === 'PreconditionFailed' || httpStatus(error) === 412)) return false;
  if (typeof e.Code === 'string' && e.Code && e.Code !== 'PreconditionFailed') return false;
  return true;
}

/** 501 NotImplemented: the store refuses the conditional header outright. */
export function isConditionalUnsupported(error: unknown): boolean {
  const e = error as { name?: string };
  return e?.name === 'NotImplemented' || httpStatus(error) === 501;
}

export interface StoredObject<T> {
  value: T;
  etag?: string;
  /** The object's Last-Modified (ms since epoch, the store's clock, one-second resolution). */
  lastModified?: number;
  /** The store's time when it answered (its Date header, ms since epoch): see clock.ts. */
  storeDate?: number;
}

/** Reads a JSON object, its ETag, its Last-Modified and the store's time of the answer; undefined when it does not exist. */
export async function getJsonObject<T>(client: S3Client, bucket: string, key: string): Promise<StoredObject<T> | undefined> {
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const text = await response.Body!.transformToString();
    return { value: JSON.parse(text) as T, etag: response.ETag, lastModified: parseHttpDate(response.LastModified), storeDate: storeDateOf(response) };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export type WriteCondition = { ifNoneMatch: true } | { ifMatch: string } | undefined;

/** Writes a JSON object, optionally conditional; returns the new ETag. A failed condition throws (see isPreconditionFailed). */
export async function putJsonObject(client: S3Client, bucket: string, key: string, value: unknown, condition?: WriteCondition): Promise<string | undefined> {
  const response = await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: `${JSON.stringify(value, null, 2)}\n`,
      ContentType: 'application/json',
      CacheControl: 'no-store',
      ...(condition && 'ifNoneMatch' in condition ? { IfNoneMatch: '*' } : {}),
      ...(condition && 'ifMatch' in condition ? { IfMatch: condition.ifMatch } : {}),
    }),
  );
  return response.ETag;
}

/** Deletes an object only while it still has `etag` (where the store supports conditional deletes; else unconditionally). */
export async function deleteIfMatch(client: S3Client, bucket: string, key: string, etag: string | undefined): Promise<void> {
  try {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, ...(etag ? { IfMatch: etag } : {}) }));
  } catch (error) {
    if (isNotFound(error) || isPreconditionFailed(error)) return;
    if (etag && isConditionalUnsupported(error)) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      return;
    }
    throw error;
  }
}

const probed = new WeakMap<S3Client, Map<string, Promise<boolean>>>();

/**
 * Whether the bucket's store honours `If-None-Match: *` on PutObject: creates `probeKey` twice
 * with the condition; a store that honours it refuses the second (or the first, when an earlier
 * probe left the key). Asked once per client and bucket (2 small writes at most).
 */
export function conditionalWrites(client: S3Client, bucket: string, probeKey: string): Promise<boolean> {
  const cacheKey = `${bucket}\n${probeKey}`;
  const cache = probed.get(client) ?? new Map<string, Promise<boolean>>();
  probed.set(client, cache);
  let answer = cache.get(cacheKey);
  if (!answer) {
    answer = (async () => {
      const body = { probe: 'shipkit conditional-write probe: safe to delete', time: new Date().toISOString() };
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          await putJsonObject(client, bucket, probeKey, body, { ifNoneMatch: true });
        } catch (error) {
          if (isPreconditionFailed(error)) return true;
          if (isConditionalUnsupported(error)) return false;
          throw error;
        }
      }
      return false;
    })();
    cache.set(cacheKey, answer);
    answer.catch(() => cache.delete(cacheKey));
  }
  return answer;
}
