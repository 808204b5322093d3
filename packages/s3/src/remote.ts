import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { errorMessage, isAzureBucket, retry, ShipkitError, storeUrl } from '@shipkit/core';
import { isConditionalUnsupported, isNotFound, isPreconditionFailed } from './conditional.js';
import { listingPrefix, manifestKey, MANIFEST_NAME, normalizePrefix } from './keys.js';

export const MANIFEST_FORMAT = 'shipkit-manifest/1';

/** What shipkit knows about one published object. */
export interface ManifestEntry {
  sha256: string;
  size: number;
  /** ETag the store returned when shipkit wrote the object: a listing with another ETag means someone changed it since. */
  etag?: string;
  contentType?: string;
  cacheControl?: string;
  contentEncoding?: string;
}

/**
 * `<prefix>/.shipkit-manifest.json`, written last by every publish or copy into a prefix. A prefix
 * is complete (every file in `files` is in place) only when its manifest says `complete: true`.
 */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  complete: boolean;
  updatedAt: string;
  /** Caller's data, e.g. `{ version: '1.3.0' }` for a CDN alias or `{ release: 'v1.2.3' }`. */
  meta: Record<string, unknown>;
  /** Files of this prefix by key relative to it. */
  files: Record<string, ManifestEntry>;
  /** Stale files kept for one more publish (deleteStale: 'deferred'), by relative key. */
  retained?: Record<string, ManifestEntry>;
  /** On an incomplete manifest: keys a transfer was about to write (so a later 'owned' prune knows they are shipkit's). */
  pending?: string[];
}

export interface ListedObject {
  key: string;
  size: number;
  etag?: string;
}

export { isNotFound };

/** Wraps an S3 failure in a ShipkitError saying what was being done. */
export function s3Failure(what: string, error: unknown, hint?: string): ShipkitError {
  if (error instanceof ShipkitError) return error;
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number; attempts?: number } };
  const status = e?.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : '';
  const attempts = (e?.$metadata?.attempts ?? 0) > 1 ? ` after ${e.$metadata!.attempts} attempts` : '';
  const name = e?.name && e.name !== 'Error' ? `${e.name}: ` : '';
  return new ShipkitError(`Could not ${what}${attempts}: ${name}${errorMessage(error)}${status}`, { hint, cause: error });
}

/** Attempts at one listing page that the store answered with something shipkit cannot trust. */
export const LISTING_ATTEMPTS = 3;

/** One listing page the store answered, as far as shipkit reads it. */
interface ListingPage {
  objects: ListedObject[];
  /** Delimiter listings: the common prefixes (full). */
  prefixes: string[];
  /** The token of the next page; undefined on the last one. */
  next?: string;
}

/** A page that answered but cannot be trusted (retried, then reported as an incomplete listing). */
class UntrustedPage extends Error {}

/** The store answered (HTTP 2xx) yet the client could not read the answer: a body cut or mangled on the way. */
function isUnreadableAnswer(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status !== undefined && status >= 200 && status < 300;
}

/** The first line of an error, at most 160 characters (parse errors of some clients echo the whole body). */
function shortReason(error: unknown): string {
  const text = errorMessage(error).split('\n')[0]!.replace(/ - <\?xml[\s\S]*$/, '');
  return text.length > 160 ? `${text.slice(0, 160)}...` : text;
}

/**
 * A listing that could not be read completely: a page said it was truncated without a continuation
 * token, handed out a token it had given before, or did not parse — after LISTING_ATTEMPTS tries.
 * Nothing may act on the pages read so far (retention would delete what the missing part protects).
 */
export class IncompleteListingError extends ShipkitError {
  constructor(
    readonly url: string,
    readonly reason: string,
    attempts: number,
  ) {
    super(`Could not list ${url} completely: ${reason} (${attempts} attempt${attempts === 1 ? '' : 's'}). Nothing was done with the partial listing.`, {
      hint: 'The store, or a proxy in front of it, answered a listing page that cannot be trusted. Re-run; if it persists, check the store or the proxy (a listing must end with a page that is not truncated).',
    });
    this.name = 'IncompleteListingError';
  }
}

/**
 * Reads a listing page by page (ListObjectsV2, one request per `maxKeys`) and hands each page to
 * `onPage`; `onPage` returning false stops early. Complete or an error: a page that says it is
 * truncated without a continuation token, repeats a token, or whose body does not parse is asked
 * again (LISTING_ATTEMPTS in all), then IncompleteListingError names the store URL and the prefix.
 * Other failures (no such bucket, access denied, network after the client's retries) are wrapped
 * in a ShipkitError saying what was listed.
 */
async function listPages(
  client: S3Client,
  bucket: string,
  prefix: string,
  options: { delimiter?: string; maxKeys?: number },
  onPage: (page: ListingPage) => boolean | void,
): Promise<void> {
  const url = storeUrl(bucket, prefix);
  const used = new Set<string>();
  let token: string | undefined;
  for (let number = 1; ; number++) {
    const which = number === 1 ? 'the first page' : `page ${number}`;
    let page: ListingPage;
    try {
      page = await retry(
        async () => {
          let response;
          try {
            response = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, Delimiter: options.delimiter, ContinuationToken: token, MaxKeys: options.maxKeys ?? 1000 }));
          } catch (error) {
            if (isUnreadableAnswer(error)) throw new UntrustedPage(`${which} of the listing does not parse (${shortReason(error)})`, { cause: error });
            throw error;
          }
          const next = response.NextContinuationToken || undefined;
          if (response.IsTruncated && !next) throw new UntrustedPage(`${which} of the listing says it is truncated but gives no continuation token`);
          if (response.IsTruncated && next && (next === token || used.has(next))) throw new UntrustedPage(`${which} of the listing hands out a continuation token it gave before (${JSON.stringify(next.slice(0, 40))})`);
          const objects: ListedObject[] = [];
          for (const item of response.Contents ?? []) if (item.Key !== undefined) objects.push({ key: item.Key, size: item.Size ?? 0, etag: item.ETag });
          const prefixes = (response.CommonPrefixes ?? []).map((common) => common.Prefix).filter((name): name is string => !!name);
          return { objects, prefixes, next: response.IsTruncated ? next : undefined };
        },
        { attempts: LISTING_ATTEMPTS, baseDelayMs: 200, maxDelayMs: 2000, retryable: (error) => error instanceof UntrustedPage, label: `Listing ${url}` },
      );
    } catch (error) {
      if (error instanceof UntrustedPage) throw new IncompleteListingError(url, error.message, LISTING_ATTEMPTS);
      throw s3Failure(`list ${url}`, error, 'Check the bucket name, region/endpoint and that the credentials may s3:ListBucket.');
    }
    if (onPage(page) === false || !page.next) return;
    if (token) used.add(token);
    token = page.next;
  }
}

/** Every key under `prefix` (keys are full keys), one ListObjectsV2 request per 1,000 keys; complete or an IncompleteListingError. */
export async function listObjects(client: S3Client, bucket: string, prefix: string): Promise<ListedObject[]> {
  const objects: ListedObject[] = [];
  await listPages(client, bucket, listingPrefix(normalizePrefix(prefix)), {}, (page) => {
    objects.push(...page.objects);
  });
  return objects;
}

/**
 * The first `max` keys under `prefix` (one request), and whether there are more: a look into a
 * location, not a listing anything acts on.
 */
export async function peekKeys(client: S3Client, bucket: string, prefix: string, max: number): Promise<{ keys: string[]; more: boolean }> {
  const keys: string[] = [];
  let more = false;
  await listPages(client, bucket, listingPrefix(normalizePrefix(prefix)), { maxKeys: max }, (page) => {
    keys.push(...page.objects.map((object) => object.key).slice(0, max));
    more = !!page.next || page.objects.length > max;
    return false;
  });
  return { keys, more };
}

/** Lists `<prefix>/<name>/` "folders" with one delimiter listing per 1,000 (each release folder holds its manifest directly); complete or an IncompleteListingError. */
export async function listFolders(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const names: string[] = [];
  await listPages(client, bucket, prefix, { delimiter: '/' }, (page) => {
    for (const common of page.prefixes) names.push(common.slice(prefix.length).replace(/\/$/, ''));
  });
  return names;
}

/** The keys under a prefix (full keys). */
export async function listKeys(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  return (await listObjects(client, bucket, prefix)).map((object) => object.key);
}

export function parseManifest(text: string, where: string): Manifest {
  let data: Partial<Manifest>;
  try {
    data = JSON.parse(text) as Partial<Manifest>;
  } catch (error) {
    throw new ShipkitError(`The hash manifest ${where} is not valid JSON (${errorMessage(error)}).`, { hint: 'Delete it; the next publish plans from object metadata and rewrites it.' });
  }
  if (data.format !== MANIFEST_FORMAT || typeof data.files !== 'object' || data.files === null) {
    throw new ShipkitError(`The hash manifest ${where} is not a ${MANIFEST_FORMAT} document.`, { hint: 'Delete it; the next publish rewrites it.' });
  }
  return { format: MANIFEST_FORMAT, complete: !!data.complete, updatedAt: String(data.updatedAt ?? ''), meta: data.meta ?? {}, files: data.files, retained: data.retained, ...(Array.isArray(data.pending) ? { pending: data.pending.filter((key): key is string => typeof key === 'string') } : {}) };
}

/** The manifest of a prefix, or undefined when there is none. */
export async function readManifest(client: S3Client, bucket: string, prefix: string): Promise<Manifest | undefined> {
  return (await readManifestVersion(client, bucket, prefix)).manifest;
}

/** The manifest of a prefix with its ETag (both undefined when there is none): what a guarded write is conditional on. */
export async function readManifestVersion(client: S3Client, bucket: string, prefix: string, key = manifestKey(normalizePrefix(prefix))): Promise<{ manifest?: Manifest; etag?: string }> {
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const text = (await response.Body?.transformToString('utf-8')) ?? '';
    return { manifest: parseManifest(text, `${storeUrl(bucket, key)}`), etag: response.ETag };
  } catch (error) {
    if (isNotFound(error)) return {};
    throw s3Failure(`read ${storeUrl(bucket, key)}`, error);
  }
}

/** Where a prefix's manifest lives when it is not beside the files (installs keep theirs in the state store). */
export interface ManifestLocation {
  bucket: string;
  key: string;
}

/** The manifest of a location: at `at` when given (else, for older installs, beside the files), or in the prefix. */
export async function readManifestOf(client: S3Client, bucket: string, prefix: string, at?: ManifestLocation): Promise<Manifest | undefined> {
  if (!at) return readManifest(client, bucket, prefix);
  return (await readManifestVersion(client, at.bucket, '', at.key)).manifest ?? (await readManifest(client, bucket, prefix));
}

/** A guarded manifest write found the manifest changed by someone else since it was read (HTTP 412). */
export class ManifestConflictError extends ShipkitError {
  constructor(readonly where: string) {
    super(`The hash manifest ${where} was changed by another run while this one was writing the prefix.`, { hint: 'Another publish or install ran at the same time; re-run to settle it.' });
    this.name = 'ManifestConflictError';
  }
}

/**
 * Only-if-unchanged: `{ etag }` writes only while the manifest still has that ETag, `{ etag: undefined }`
 * only while there is none. Stores that ignore conditional writes write anyway.
 */
export interface ManifestGuard {
  etag?: string;
}

/** Writes a prefix's manifest; with a guard, conditionally (If-Match / If-None-Match). Returns the new ETag. */
export async function writeManifest(client: S3Client, bucket: string, prefix: string, manifest: Manifest, guard?: ManifestGuard, key = manifestKey(normalizePrefix(prefix))): Promise<string | undefined> {
  const put = (conditional: boolean) =>
    client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: `${JSON.stringify(manifest, null, 1)}\n`,
        ContentType: 'application/json; charset=utf-8',
        CacheControl: 'no-cache',
        ...(conditional && guard ? (guard.etag ? { IfMatch: guard.etag } : { IfNoneMatch: '*' }) : {}),
      }),
    );
  try {
    return (await put(true)).ETag;
  } catch (error) {
    if (guard && isPreconditionFailed(error)) throw new ManifestConflictError(`${storeUrl(bucket, key)}`);
    if (guard && isConditionalUnsupported(error)) {
      try {
        return (await put(false)).ETag;
      } catch (retryError) {
        throw s3Failure(`write the hash manifest ${storeUrl(bucket, key)}`, retryError);
      }
    }
    throw s3Failure(`write the hash manifest ${storeUrl(bucket, key)}`, error);
  }
}

/** Reads sha256 and headers of one object from its metadata (used only where the manifest cannot tell). */
export async function headEntry(client: S3Client, bucket: string, key: string): Promise<ManifestEntry | undefined> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    const sha256 = head.Metadata?.sha256;
    if (!sha256) return undefined;
    return { sha256, size: head.ContentLength ?? 0, etag: head.ETag, contentType: head.ContentType, cacheControl: head.CacheControl, ...(head.ContentEncoding ? { contentEncoding: head.ContentEncoding } : {}) };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw s3Failure(`read the metadata of ${storeUrl(bucket, key)}`, error);
  }
}

/**
 * Deletes keys in batches of 1,000 (DeleteObjects), checking every per-key error. Throws a
 * ShipkitError listing the keys that could not be deleted.
 */
export async function deleteKeys(client: S3Client, bucket: string, keys: readonly string[], onBatch?: (deleted: number) => void): Promise<number> {
  let deleted = 0;
  for (let start = 0; start < keys.length; start += 1000) {
    const batch = keys.slice(start, start + 1000);
    let response;
    try {
      response = await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
    } catch (error) {
      throw s3Failure(`delete ${batch.length} objects from ${storeUrl(bucket)}`, error);
    }
    const errors = response.Errors ?? [];
    if (errors.length) {
      const listed = errors.slice(0, 10).map((e) => `${e.Key}: ${e.Code ?? 'error'} ${e.Message ?? ''}`.trim());
      throw new ShipkitError(`Could not delete ${errors.length} of ${batch.length} objects from ${storeUrl(bucket)}:\n${listed.join('\n')}${errors.length > 10 ? '\n...' : ''}`, {
        hint: 'Check that the credentials may s3:DeleteObject on these keys.',
      });
    }
    deleted += batch.length;
    onBatch?.(batch.length);
  }
  return deleted;
}

/**
 * Deletes everything under a prefix, the manifest first (so the prefix stops counting as complete
 * before any file goes). Refuses the bucket root unless `allowRoot` is set.
 */
export async function deletePrefix(client: S3Client, bucket: string, prefix: string, options: { allowRoot?: boolean } = {}): Promise<number> {
  const normalized = normalizePrefix(prefix);
  if (!normalized && !options.allowRoot) {
    throw new ShipkitError(`Refusing to delete every object in ${storeUrl(bucket)}: deletePrefix was given an empty prefix.`, { hint: 'Pass allowRoot: true if that is really meant.' });
  }
  const keys = await listKeys(client, bucket, normalized);
  const manifest = keys.filter((key) => key === manifestKey(normalized));
  const rest = keys.filter((key) => key !== manifestKey(normalized));
  return (await deleteKeys(client, bucket, manifest)) + (await deleteKeys(client, bucket, rest));
}

export { MANIFEST_NAME };

/**
 * Checks, before anything is written, that a bucket exists and these credentials may list it
 * (one ListObjectsV2 of one key). `field` names the input or config field that gave it.
 */
export async function checkBucket(client: S3Client, bucket: string, field: string, value = `${storeUrl(bucket)}`): Promise<void> {
  try {
    await client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 }));
  } catch (error) {
    const e = error as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
    const code = e?.name ?? e?.Code ?? '';
    const status = e?.$metadata?.httpStatusCode;
    if (isAzureBucket(bucket)) {
      if (error instanceof ShipkitError) throw new ShipkitError(`${field} ${value}: ${error.message}`, { hint: error.hint, cause: error });
      if (status === 404) throw new ShipkitError(`${field} ${value}: the container does not exist in that storage account — create it (docs/azure.md) or fix ${field}.`);
      if (status === 403) throw new ShipkitError(`${field} ${value}: these credentials may not list the container — grant Storage Blob Data Contributor on it (docs/azure.md).`);
      throw s3Failure(`reach ${value} (${field})`, error, 'Check the account and container names and that the account is reachable (SHIPKIT_AZURE_BLOB_ENDPOINT or the connection string for another cloud or an emulator).');
    }
    if (code === 'NoSuchBucket' || status === 404) {
      throw new ShipkitError(`${field} ${value}: the bucket ${JSON.stringify(bucket)} does not exist — create it (see docs/adopt.md for the buckets shipkit needs) or fix ${field}.`);
    }
    if (code === 'AccessDenied' || code === 'Forbidden' || status === 403) {
      throw new ShipkitError(`${field} ${value}: these credentials may not list bucket ${JSON.stringify(bucket)} — grant s3:ListBucket (and the object permissions shipkit needs) on it.`);
    }
    throw s3Failure(`reach bucket ${bucket} (${field})`, error, 'Check the bucket name, the region and endpoint (aws:), and that the store is reachable.');
  }
}
