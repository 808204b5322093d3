/**
 * What a store and a router hold, read directly (never through shipkit's code), for tests that
 * assert "nothing changed" or "this object is absent":
 *
 * - `readObject` tells an absent object (404 / NoSuchKey / BlobNotFound, as the store answers it)
 *   from any other answer, which it throws: an "absent" assertion must fail when the store is down.
 * - `snapshot` lists every key of the given buckets (all pages) with its ETag and the sha256 of its
 *   body, plus the bytes (sha256) or symbolic link of each given file (an nginx include, say): two
 *   snapshots taken before and after a refused run must be equal.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

/**
 * The store said the object does not exist (S3: NoSuchKey / 404; Azure through @shipkit/azure:
 * BlobNotFound as NoSuchKey / 404). A missing bucket or container is not "absent": it is an error.
 */
export function isAbsent(error: unknown): boolean {
  const e = error as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  if (e?.name === 'NoSuchBucket' || e?.Code === 'NoSuchBucket' || e?.Code === 'ContainerNotFound') return false;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.Code === 'BlobNotFound' || e?.$metadata?.httpStatusCode === 404;
}

/** The object's body as text, or undefined when the store says it does not exist; any other error is thrown. */
export async function readObject(client: S3Client, bucket: string, key: string): Promise<string | undefined> {
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return await response.Body!.transformToString();
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw error;
  }
}

/** A JSON object, or undefined when absent; an error or a body that is not JSON is thrown. */
export async function readJson<T>(client: S3Client, bucket: string, key: string): Promise<T | undefined> {
  const text = await readObject(client, bucket, key);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export interface SnapshotOptions {
  /** Store client and the buckets (engine names: `devstoreaccount1/site` on Azure) to read whole. */
  client?: S3Client;
  buckets?: string[];
  /** Files whose bytes (or link target) count too: an nginx include, a command router's state file. */
  files?: string[];
  /** `bucket/key`s left out, each for a reason the caller states (no user data in them). */
  except?: string[];
}

/** `bucket/key` -> `etag sha256(body)`, and `file:path` -> `sha256` | `link -> target` | `absent`. */
export type Snapshot = Record<string, string>;

export async function snapshot(options: SnapshotOptions): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const bucket of options.buckets ?? []) {
    if (!options.client) throw new Error('snapshot: buckets need a client');
    let token: string | undefined;
    do {
      const page = await options.client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (options.except?.includes(`${bucket}/${object.Key}`)) continue;
        const response = await options.client.send(new GetObjectCommand({ Bucket: bucket, Key: object.Key! }));
        out[`${bucket}/${object.Key}`] = `${object.ETag} ${sha256(Buffer.from(await response.Body!.transformToByteArray()))}`;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
  for (const file of options.files ?? []) {
    if (!existsSync(file) && !isLink(file)) out[`file:${file}`] = 'absent';
    else if (isLink(file)) out[`file:${file}`] = `link -> ${readlinkSync(file)}`;
    else out[`file:${file}`] = sha256(readFileSync(file));
  }
  return out;
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
