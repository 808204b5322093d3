import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { runner, addTiming, Budget, collectGarbageAbove, KeptBytes, mapLimit, Progress, readKnownSize, ShipkitError, storeUrl, TRANSFER_HEAP_BYTES, withScratch } from '@shipkit/core';
import { cacheControlFor, type CacheControl } from './cache-control.js';
import { contentTypeFor } from './content-types.js';
import { checkRelativeKey, joinKey, listingPrefix, manifestKey, normalizePrefix } from './keys.js';
import { countPlan, planTransfer, rankOf, type DeleteStale, type DesiredFile, type PlanEntry, type RemoteFile } from './plan.js';
import {
  deleteKeys,
  headEntry,
  isNotFound,
  listObjects,
  MANIFEST_FORMAT,
  readManifest,
  s3Failure,
  readManifestOf,
  writeManifest,
  type Manifest,
  type ManifestEntry,
  type ManifestGuard,
  type ManifestLocation,
} from './remote.js';
import { scanDirectory, type LocalFile, type ScanOptions } from './scan.js';
import { putObject } from './put.js';

export const MULTIPART_THRESHOLD = 8 * 1024 * 1024;
export const PART_SIZE = 8 * 1024 * 1024;
/**
 * Requests in flight at once. A store far away is latency-bound: measured through a proxy adding
 * 20 ms per request, 1,000 small files took 1.7-1.9 s at 16, 1.2 s at 32 and 1.0 s at 64; on a
 * local store (CPU-bound) 16, 32 and 64 measured the same. 32 stays well inside Amazon S3's
 * 3,500 writes per second per prefix.
 */
export const DEFAULT_CONCURRENCY = 32;
/**
 * File bytes an upload holds in memory at once, across its concurrent requests: each body is read
 * whole (a file up to MULTIPART_THRESHOLD, or one part), so without a bound 32 uploads of 8 MiB
 * parts, 4 parts each, could hold 1 GiB. Small files never reach it.
 */
export const DEFAULT_BUFFER_BYTES = 64 * 1024 * 1024;
/**
 * Bytes of small files the scan keeps for their upload (KeptBytes), at most: a site's small files
 * are read once instead of twice, and memory stays bounded whatever the site's size.
 */
export const KEPT_BYTES = 32 * 1024 * 1024;
/** CopyObject copies up to 5 GiB in one request. */
export const MAX_COPY_BYTES = 5 * 1024 * 1024 * 1024;

export interface ProgressEvent {
  phase: 'upload' | 'copy' | 'delete';
  /** Relative key just finished (absent for delete batches). */
  key?: string;
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface TransferPlan {
  bucket: string;
  prefix: string;
  /** Ordered: writes (assets, then manifests/service workers, then HTML), deletions, retained, skips. */
  entries: PlanEntry[];
  counts: ReturnType<typeof countPlan>;
}

export interface TransferResult {
  /** Objects written (PUT or server-side copy). */
  uploaded: number;
  /** Of those, written by server-side copy (copyPrefix: all; publishDirectory: reused content). */
  copied: number;
  /** Bytes of the server-side copies (so bytes - copiedBytes went over the wire). */
  copiedBytes: number;
  skipped: number;
  deleted: number;
  /** Bytes written (uploaded or copied). */
  bytes: number;
  plan: TransferPlan;
  /** The manifest now in place (or that would be, on a dry run). */
  manifest: Manifest;
  /** False when nothing at all was written (identical republish). */
  changed: boolean;
  /** Uploads started while the source was still being scanned (EarlyUploads; publishDirectory). */
  startedDuringScan: number;
}

interface CommonOptions {
  /**
   * Where the time goes, ms per phase (accumulated): `scan and hash`, `remote listing/manifest`,
   * `planning`, `transfers` (writes, deletes, manifest). The benchmarks print it.
   */
  timings?: Record<string, number>;
  bucket: string;
  prefix?: string;
  /** Cache-Control for the written files (string, glob rules or function of the relative key). */
  cacheControl?: CacheControl;
  /** Remote files not in the new set: delete (true), keep (false, default) or keep once and delete on the next transfer ('deferred'). */
  deleteStale?: DeleteStale;
  concurrency?: number;
  /** Most file bytes held in memory by concurrent uploads (default DEFAULT_BUFFER_BYTES, 64 MiB). */
  bufferBytes?: number;
  dryRun?: boolean;
  onProgress?: (event: ProgressEvent) => void;
  /** Recorded in the manifest (e.g. `{ version: '1.3.0' }`); a change of meta alone rewrites only the manifest. */
  meta?: Record<string, unknown>;
  /** Progress lines (default runner.info). */
  log?: (line: string) => void;
  /**
   * Keep the destination's manifest here instead of beside its files (installs: in the state store,
   * so the served location holds only the site). A manifest an older version left beside the files
   * is read when there is none here, and removed once this one is written.
   */
  manifestAt?: ManifestLocation;
  /**
   * Compare-and-swap on the destination's manifest: every manifest write is conditional on the
   * ETag read when the caller decided (then on this run's own last write). Another writer in
   * between -> ManifestConflictError, and the caller decides again.
   */
  manifestGuard?: ManifestGuard;
}

export interface PublishOptions extends CommonOptions, Pick<ScanOptions, 'include' | 'exclude' | 'includeDotfiles' | 'onSkip'> {
  /** Directory to publish (scanned with include/exclude/includeDotfiles), or: */
  sourceDir?: string;
  /** Files already scanned (scanDirectory). */
  files?: readonly LocalFile[];
  /** With `files`: the bytes that scan kept for the upload (ScanOptions.keep). */
  kept?: KeptBytes;
  /**
   * With `files`: the prefix's listing and manifest, started before the scan so the two overlap
   * (fetchRemoteListing, or a listing joined with a manifest read the caller needs anyway).
   */
  fetched?: Promise<RemoteListing>;
  /**
   * Complete published prefixes (e.g. the previous version) whose files may be reused: a file to
   * write whose sha256 one of them holds is server-side copied from there instead of uploaded
   * (falling back to an upload if that object has gone). Incomplete or missing prefixes are ignored.
   */
  reuseFrom?: ReadonlyArray<{ bucket: string; prefix: string }>;
  /** With `files`: the uploads started while they were scanned (EarlyUploads, made for the same bucket and prefix). */
  early?: EarlyUploads;
  /** With `sourceDir`: false waits for the whole scan before any upload (the bench compares the two). */
  earlyUploads?: boolean;
}

export interface CopyPrefixOptions extends Omit<CommonOptions, 'bucket' | 'prefix'> {
  /** Must be a complete published prefix (its manifest says complete). */
  from: { bucket: string; prefix: string };
  to: { bucket: string; prefix: string };
  /**
   * The source's manifest as this process just wrote it (TransferResult.manifest), to skip
   * reading the source again when copying one prefix to several places. Must be complete.
   */
  sourceManifest?: Manifest;
}

/**
 * Learns what a prefix holds in a few requests: one listing per 1,000 keys plus the manifest.
 * A manifest entry is trusted when the listed size and ETag still match it; objects it does not
 * cover are HEADed only when `worthHeading` says a matching file might be skipped (e.g. after an
 * interrupted publish left uploaded objects without a new manifest).
 */
export async function readRemoteState(
  client: S3Client,
  bucket: string,
  prefix: string,
  options: { worthHeading?: (key: string, size: number) => boolean; concurrency?: number; manifestAt?: ManifestLocation; fetched?: Promise<RemoteListing> } = {},
): Promise<{ manifest?: Manifest; files: Map<string, RemoteFile>; legacyManifest?: boolean }> {
  const normalized = normalizePrefix(prefix);
  const { listed, manifest } = await (options.fetched ?? fetchRemoteListing(client, bucket, normalized, options.manifestAt));
  const legacyManifest = !!options.manifestAt && listed.some((object) => object.key === manifestKey(normalized));
  const start = listingPrefix(normalized).length;
  const files = new Map<string, RemoteFile>();
  const toHead: RemoteFile[] = [];
  for (const object of listed) {
    if (object.key === manifestKey(normalized)) continue;
    const key = object.key.slice(start);
    const file: RemoteFile = { key, size: object.size, etag: object.etag };
    const entry = manifest?.files[key] ?? manifest?.retained?.[key];
    if (entry && entry.size === object.size && (!entry.etag || !object.etag || entry.etag === object.etag)) file.known = entry;
    else if (options.worthHeading?.(key, object.size)) toHead.push(file);
    files.set(key, file);
  }
  await mapLimit(toHead, options.concurrency ?? DEFAULT_CONCURRENCY, async (file) => {
    file.known = await headEntry(client, bucket, joinKey(normalized, file.key));
  });
  return { manifest, files, legacyManifest };
}

export interface RemoteListing {
  listed: Awaited<ReturnType<typeof listObjects>>;
  manifest?: Manifest;
}

/** The listing of a prefix and its manifest, read concurrently (started early, it overlaps the local scan). */
export async function fetchRemoteListing(client: S3Client, bucket: string, prefix: string, manifestAt?: ManifestLocation, manifestRead?: Promise<Manifest | undefined>): Promise<RemoteListing> {
  const normalized = normalizePrefix(prefix);
  // `manifestRead`: the caller's read of the same manifest, already under way (not read twice).
  const [listed, manifest] = await Promise.all([listObjects(client, bucket, normalized), manifestRead ?? readManifestOf(client, bucket, normalized, manifestAt)]);
  return { listed, manifest };
}

function sameMeta(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}
function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
}

interface Executor {
  /** Writes one planned file and returns the ETag the store gave it. */
  write(entry: PlanEntry, file: DesiredFile): Promise<string | undefined>;
  phase: 'upload' | 'copy';
  /** Turns a planned upload into a server-side copy when the content exists elsewhere. */
  reusable?(file: DesiredFile): boolean;
  /**
   * Writes already under way (EarlyUploads): taken first, so a worker waits on each of those still
   * in flight before any starts a request of its own (never more than `concurrency` at once).
   */
  underWay?(entry: PlanEntry): boolean;
}

/**
 * Runs a plan against `to`: marks a complete manifest incomplete first (only when something will
 * change), writes rank by rank, deletes stale keys after every write, and writes the manifest last.
 */
async function execute(
  client: S3Client,
  desired: readonly DesiredFile[],
  remote: { manifest?: Manifest; files: Map<string, RemoteFile>; legacyManifest?: boolean },
  options: CommonOptions & { prefix: string },
  executor: Executor,
): Promise<TransferResult> {
  const { bucket, prefix } = options;
  const meta = options.meta ?? {};
  const previous = remote.manifest;
  const planningStarted = performance.now();
  const entries = planTransfer(desired, remote.files, {
    write: executor.phase,
    deleteStale: options.deleteStale,
    retained: new Set(Object.keys(previous?.retained ?? {})),
    // What shipkit put here: the previous manifest's files, the ones it kept once, and what an interrupted transfer was writing.
    owned: new Set([...Object.keys(previous?.files ?? {}), ...Object.keys(previous?.retained ?? {}), ...(previous?.pending ?? [])]),
  });
  if (executor.reusable) {
    const files = new Map(desired.map((file) => [file.key, file]));
    for (const entry of entries) if (entry.action === 'upload' && executor.reusable(files.get(entry.key)!)) entry.action = 'copy';
  }
  const plan: TransferPlan = { bucket, prefix, entries, counts: countPlan(entries) };
  const writes = entries.filter((entry) => entry.action === 'upload' || entry.action === 'copy');
  const deletes = entries.filter((entry) => entry.action === 'delete');
  const retainedEntries = entries.filter((entry) => entry.action === 'retain');
  const byKey = new Map(desired.map((file) => [file.key, file]));

  const files: Record<string, ManifestEntry> = {};
  for (const file of desired) {
    const there = remote.files.get(file.key);
    files[file.key] = {
      sha256: file.sha256,
      size: file.size,
      etag: there?.etag,
      contentType: file.contentType,
      ...(file.cacheControl ? { cacheControl: file.cacheControl } : {}),
      ...(file.contentEncoding ? { contentEncoding: file.contentEncoding } : {}),
    };
  }
  const retained: Record<string, ManifestEntry> = {};
  for (const entry of retainedEntries) {
    const there = remote.files.get(entry.key);
    retained[entry.key] = { ...(there?.known ?? { sha256: '' }), size: entry.size, etag: there?.etag };
  }
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    complete: true,
    updatedAt: new Date().toISOString(),
    meta,
    files,
    ...(retainedEntries.length ? { retained } : {}),
  };
  const copies = writes.filter((entry) => entry.action === 'copy');
  const result = (changed: boolean): TransferResult => ({
    uploaded: writes.length,
    copied: copies.length,
    copiedBytes: copies.reduce((sum, entry) => sum + entry.size, 0),
    skipped: plan.counts.skip,
    deleted: deletes.length,
    bytes: plan.counts.writeBytes,
    plan,
    manifest,
    changed,
    startedDuringScan: 0,
  });

  const old = remote.manifest;
  addTiming(options.timings, 'planning', planningStarted);
  const transfersStarted = performance.now();
  const sameRetained = JSON.stringify(Object.keys(old?.retained ?? {}).sort()) === JSON.stringify(Object.keys(retained).sort());
  const manifestCurrent =
    !!old && old.complete && sameMeta(old.meta, meta) && sameRetained &&
    Object.keys(old.files).length === desired.length && desired.every((file) => old.files[file.key]?.sha256 === file.sha256);
  if (options.dryRun) return result(writes.length + deletes.length > 0 || !manifestCurrent);
  if (!writes.length && !deletes.length && manifestCurrent && !remote.legacyManifest) {
    addTiming(options.timings, 'planning', transfersStarted);
    return result(false);
  }

  const log = options.log ?? runner.info;
  let guard = options.manifestGuard;
  const guardedWrite = async (next: Manifest): Promise<ManifestGuard | undefined> => {
    const etag = options.manifestAt
      ? await writeManifest(client, options.manifestAt.bucket, '', next, guard, options.manifestAt.key)
      : await writeManifest(client, bucket, prefix, next, guard);
    return guard ? { etag } : undefined;
  };
  if (writes.length || deletes.length) {
    if (options.deleteStale === 'owned') {
      // Installs: the marker also lists the keys about to be written, so whatever this transfer leaves
      // behind if it is interrupted is known to be shipkit's (and removed by the next install or restore).
      const pending = [...new Set([...(old?.pending ?? []), ...writes.map((entry) => entry.key)])].sort();
      guard = await guardedWrite({ ...(old ?? { format: MANIFEST_FORMAT, files: {}, meta }), complete: false, meta, pending, updatedAt: new Date().toISOString() });
    } else if (old?.complete) {
      // The prefix stops claiming completeness before its files change; hash knowledge is kept.
      guard = await guardedWrite({ ...old, complete: false, meta, updatedAt: new Date().toISOString() });
    }
  }

  if (writes.length) {
    const totalBytes = plan.counts.writeBytes;
    const progress = new Progress(`${executor.phase === 'copy' ? 'Copying' : 'Writing'} to ${storeUrl(bucket, listingPrefix(prefix))}`, writes.length, totalBytes, 5000, log);
    let done = 0;
    let bytesDone = 0;
    for (const rank of [0, 1, 2] as const) {
      // Largest first within a rank (the plan keeps its key order): a large file started last is a
      // tail the whole batch waits for (multipart above 8 MiB: three requests one after another).
      const underWay = (entry: PlanEntry) => (executor.underWay?.(entry) ? 1 : 0);
      const batch = writes.filter((entry) => entry.rank === rank).sort((a, b) => underWay(b) - underWay(a) || b.size - a.size);
      await mapLimit(batch, options.concurrency ?? DEFAULT_CONCURRENCY, async (entry) => {
        const file = byKey.get(entry.key)!;
        const etag = await executor.write(entry, file);
        files[entry.key].etag = etag;
        done++;
        bytesDone += entry.size;
        progress.add(1, entry.size);
        // Tens of thousands of requests: keep the garbage they leave from growing the process (checked every 500).
        if (done % 500 === 0) collectGarbageAbove(TRANSFER_HEAP_BYTES);
        options.onProgress?.({ phase: executor.phase, key: entry.key, done, total: writes.length, bytesDone, bytesTotal: totalBytes });
      });
    }
    progress.done();
  }

  if (deletes.length) {
    let done = 0;
    await deleteKeys(client, bucket, deletes.map((entry) => joinKey(prefix, entry.key)), (count) => {
      done += count;
      options.onProgress?.({ phase: 'delete', done, total: deletes.length, bytesDone: 0, bytesTotal: 0 });
    });
    const names = deletes.slice(0, 50).map((entry) => entry.key).join(', ');
    log(`Deleted ${deletes.length} stale object(s) from ${storeUrl(bucket, listingPrefix(prefix))}: ${names}${deletes.length > 50 ? `, and ${deletes.length - 50} more` : ''}`);
  }

  manifest.updatedAt = new Date().toISOString();
  await guardedWrite(manifest);
  // The manifest lives elsewhere now: the one an older version left beside the files goes (it is shipkit's).
  if (remote.legacyManifest) await deleteKeys(client, bucket, [manifestKey(prefix)]);
  addTiming(options.timings, 'transfers', transfersStarted);
  return result(true);
}

const changedHint = (file: LocalFile): string =>
  `${file.key} changed after it was scanned: its bytes no longer have the sha256 ${file.sha256} the plan was made with. Make sure nothing writes to the source directory during the publish, then re-run.`;
const resized = (file: LocalFile): ShipkitError => new ShipkitError(`${file.key} is no longer ${file.size} bytes, its size when it was scanned.`, { hint: changedHint(file) });

async function uploadFile(client: S3Client, bucket: string, key: string, file: LocalFile & { cacheControl?: string }, concurrency: number, buffers: Budget, kept?: KeptBytes): Promise<string | undefined> {
  const headers = { ContentType: file.contentType, CacheControl: file.cacheControl, ContentEncoding: file.contentEncoding, Metadata: { sha256: file.sha256 } };
  // The bytes the scan hashed, when it kept them: exactly what the plan's sha256 describes.
  const body = kept?.take(file.path, file.size);
  if (body) {
    try {
      return await putObject(client, { Bucket: bucket, Key: key, Body: body, ...headers });
    } catch (error) {
      throw s3Failure(`upload ${file.key} to ${storeUrl(bucket, key)}`, error);
    }
  }
  if (file.size <= MULTIPART_THRESHOLD) {
    // The body is a view of a reused read buffer (withScratch): given back only after the store
    // answered the request with success, when nothing holds it any more.
    return buffers.use(file.size, () => withScratch(file.size + 1, async (scratch) => {
      const body = await readKnownSize(file.path, file.size, scratch);
      if (!body) throw resized(file);
      try {
        return await putObject(client, { Bucket: bucket, Key: key, Body: body, ...headers });
      } catch (error) {
        const changed = (error as { name?: string }).name === 'XAmzContentSHA256Mismatch';
        throw s3Failure(`upload ${file.key} to ${storeUrl(bucket, key)}`, error, changed ? `${changedHint(file)} The store refused them.` : undefined);
      }
    }));
  }
  const handle = await open(file.path, 'r');
  let uploadId: string | undefined;
  try {
    uploadId = (await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ...headers }))).UploadId;
    const partCount = Math.ceil(file.size / PART_SIZE);
    // The sha256 of the bytes the parts send, in part order (a part read ahead of an earlier one waits
    // here): a file rewritten at the same size since the scan would otherwise be stored under the
    // planned sha256 (a single PUT is checked by the store against that sha256; parts carry none).
    const sent = createHash('sha256');
    const readAhead = new Map<number, Buffer>();
    let nextToHash = 0;
    const hashInOrder = (index: number, body: Buffer) => {
      readAhead.set(index, body);
      for (let part = readAhead.get(nextToHash); part; part = readAhead.get(nextToHash)) {
        sent.update(part);
        readAhead.delete(nextToHash++);
      }
    };
    const parts = await mapLimit(Array.from({ length: partCount }, (_, index) => index), Math.min(4, concurrency), async (index) => {
      const length = Math.min(PART_SIZE, file.size - index * PART_SIZE);
      const response = await buffers.use(length, async () => {
        const body = Buffer.alloc(length);
        const { bytesRead } = await handle.read(body, 0, length, index * PART_SIZE);
        if (bytesRead !== length) throw resized(file);
        hashInOrder(index, body);
        return client.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: index + 1, Body: body, ContentLength: length }));
      });
      // When the SDK added a checksum to the parts (AWS default), S3 wants each part's checksum back on completion.
      return {
        ETag: response.ETag,
        PartNumber: index + 1,
        ChecksumCRC32: response.ChecksumCRC32,
        ChecksumCRC32C: response.ChecksumCRC32C,
        ChecksumCRC64NVME: response.ChecksumCRC64NVME,
        ChecksumSHA1: response.ChecksumSHA1,
        ChecksumSHA256: response.ChecksumSHA256,
      };
    });
    // A file that grew since the scan would be stored cut at its planned size: refused (the upload is aborted).
    if ((await handle.stat()).size !== file.size) throw resized(file);
    // A file rewritten at the same size: its parts are not the planned bytes (the upload is aborted, nothing committed).
    if (nextToHash !== partCount || sent.digest('hex') !== file.sha256) throw new ShipkitError(`${file.key} changed while it was uploaded in parts to ${storeUrl(bucket, key)}: the bytes read do not have the planned sha256; nothing was committed.`, { hint: changedHint(file) });
    const completed = await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
    return completed.ETag;
  } catch (error) {
    if (uploadId) await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
    throw s3Failure(`upload ${file.key} (multipart) to ${storeUrl(bucket, key)}`, error);
  } finally {
    await handle.close();
  }
}

const INTERRUPTED_HINT = 'The prefix is not marked complete, so nothing copies from it or treats it as finished. Re-run the step once the store is reachable: it finishes the work and skips what is already there.';

/**
 * Publishes local files to `s3://bucket/prefix/`: plans by sha256, uploads what changed (bounded
 * concurrency, multipart above 8 MiB) assets first and entry documents last, deletes stale keys
 * after that (per deleteStale), and writes the hash manifest last.
 */
export async function publishDirectory(client: S3Client, options: PublishOptions): Promise<TransferResult> {
  const prefix = normalizePrefix(options.prefix);
  if (!options.files && !options.sourceDir) throw new ShipkitError('publishDirectory needs sourceDir or files.');
  const scanStarted = performance.now();
  // The remote listing and manifest are read while the local files are scanned and hashed.
  const fetched = (options.files && options.fetched) || fetchRemoteListing(client, options.bucket, prefix);
  let listed: Map<string, number> | undefined;
  fetched.then((listing) => (listed = new Map(listing.listed.map((object) => [object.key, object.size]))), () => undefined);
  // The scan keeps the bytes of files the store does not hold at their size (once the listing is in):
  // those are read once, for the hash and the upload.
  const kept = options.files ? options.kept : new KeptBytes(KEPT_BYTES, (key, size) => !!listed && listed.get(joinKey(prefix, key)) !== size);
  // A first publish into an empty prefix uploads the files already hashed while the scan goes on.
  const early = options.files
    ? options.early
    : options.earlyUploads !== false && !options.dryRun && options.deleteStale !== 'owned' && !options.manifestAt && !options.reuseFrom?.length
      ? new EarlyUploads(client, { bucket: options.bucket, prefix, fetched, cacheControl: options.cacheControl, concurrency: options.concurrency, bufferBytes: options.bufferBytes, kept })
      : undefined;
  let local: LocalFile[];
  try {
    local = options.files
      ? options.files.map((file) => ({ ...file, key: checkRelativeKey(file.key) }))
      : await scanDirectory(options.sourceDir!, { include: options.include, exclude: options.exclude, includeDotfiles: options.includeDotfiles, onSkip: options.onSkip, keep: kept, onHashed: early?.offer });
  } catch (error) {
    await early?.abandon();
    throw error;
  }
  early?.close();
  const desired = local.map((file) => ({ ...file, cacheControl: cacheControlFor(options.cacheControl, file.key) }));
  addTiming(options.timings, 'scan and hash', scanStarted);
  const remoteStarted = performance.now();
  const sizes = new Map(desired.map((file) => [file.key, file.size]));
  const remote = await readRemoteState(client, options.bucket, prefix, {
    worthHeading: (key, size) => sizes.get(key) === size,
    concurrency: options.concurrency,
    fetched,
  });
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const buffers = early?.buffers ?? new Budget(options.bufferBytes ?? DEFAULT_BUFFER_BYTES);
  const reuse = options.reuseFrom?.length ? await reusableContent(client, options.reuseFrom) : new Map<string, { bucket: string; key: string; size: number }>();
  // Only what the scan did not hide: the listing ran alongside it.
  addTiming(options.timings, 'remote listing/manifest (after the scan)', remoteStarted);
  const reusable = (file: DesiredFile) => reuse.get(file.sha256)?.size === file.size && file.size <= MAX_COPY_BYTES;
  try {
    const result = await execute(client, desired, remote, { ...options, prefix }, {
      phase: 'upload',
      reusable: reuse.size ? reusable : undefined,
      underWay: early ? (entry) => entry.action === 'upload' && early.has(entry.key) : undefined,
      write: async (entry, file) => {
        const key = joinKey(prefix, entry.key);
        const local = file as (typeof desired)[number];
        // Already under way since the scan hashed it (same request as below): its answer.
        const started = entry.action === 'upload' ? early?.take(entry.key, local) : undefined;
        if (started) return started;
        if (entry.action === 'copy') {
          const from = reuse.get(file.sha256)!;
          try {
            return await copyObject(client, from, { bucket: options.bucket, key }, file);
          } catch (error) {
            if (!isNotFound(error)) throw s3Failure(`copy ${storeUrl(from.bucket, from.key)} to ${storeUrl(options.bucket, key)}`, error);
            // The reused object has gone since its manifest was written: upload instead.
          }
        }
        return uploadFile(client, options.bucket, key, local, concurrency, buffers, kept);
      },
    });
    return { ...result, startedDuringScan: early?.startedTotal ?? 0 };
  } catch (error) {
    // Uploads started during the scan that the plan did not reach end before the failure is told.
    await early?.abandon();
    throw withHint(error, INTERRUPTED_HINT);
  }
}

/**
 * Uploads that start while the source is still being hashed: on a first publish into an empty
 * prefix the scan's later files and the uploads of its earlier ones overlap, instead of the
 * uploads waiting for the whole scan. Only when the plan cannot say anything else for a file: the
 * prefix's listing (read alongside the scan) is empty and it has no manifest, so every file is a
 * new upload with no marker to write first and nothing to skip, delete or compare; `ready` lets the
 * caller hold them back further (cdn-publish: no earlier version whose files would be copied
 * instead). Only assets (rank 0): manifests, service workers and HTML wait for the plan, which
 * writes them after every asset. Each request is the one the plan would send (same key, headers,
 * bytes, sha256); publishDirectory takes their answers as its own writes. At most `concurrency`
 * at once, within the same byte budget as the plan's uploads; a failed one stops the rest and
 * fails the publish where the plan reaches it. `abandon()` waits for those in flight (a scan that
 * failed): a prefix that never gets its manifest is not complete, as after an interrupted run.
 */
export class EarlyUploads {
  /** The byte budget shared with publishDirectory's own uploads. */
  readonly buffers: Budget;
  private readonly started = new Map<string, { sha256: string; size: number; answer: Promise<string | undefined> }>();
  private readonly queued: LocalFile[] = [];
  private readonly concurrency: number;
  private inFlight = 0;
  private open = true;
  private failed = false;
  /** Decided once the listing (and `ready`) are in. */
  private allowed: boolean | undefined;

  constructor(
    private readonly client: S3Client,
    private readonly options: {
      bucket: string;
      prefix: string;
      fetched: Promise<RemoteListing>;
      ready?: Promise<boolean>;
      cacheControl?: CacheControl;
      concurrency?: number;
      bufferBytes?: number;
      kept?: KeptBytes;
    },
  ) {
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.buffers = new Budget(options.bufferBytes ?? DEFAULT_BUFFER_BYTES);
    Promise.all([options.fetched, options.ready ?? true]).then(
      ([listing, ready]) => this.decide(ready && !listing.manifest && listing.listed.length === 0),
      () => this.decide(false),
    );
  }

  /** How many uploads were started early. */
  startedTotal = 0;

  /** The scan hashed `file` (ScanOptions.onHashed). */
  readonly offer = (file: LocalFile): void => {
    if (!this.open || this.failed || this.allowed === false || rankOf(file.key) !== 0) return;
    this.queued.push(file);
    this.pump();
  };

  /** The scan is done: nothing more starts early (what was queued goes through the plan). */
  close(): void {
    this.open = false;
    this.queued.length = 0;
  }

  /** Whether an upload was started early for `key` (and not yet taken). */
  has(key: string): boolean {
    return this.started.has(key);
  }

  /** The answer of the upload started early for `key` with these bytes, if one was. */
  take(key: string, file: { sha256: string; size: number }): Promise<string | undefined> | undefined {
    const started = this.started.get(key);
    if (!started || started.sha256 !== file.sha256 || started.size !== file.size) return undefined;
    this.started.delete(key);
    return started.answer;
  }

  /** No more early uploads; resolves once those in flight have ended (whatever their outcome). */
  async abandon(): Promise<void> {
    this.close();
    await Promise.allSettled([...this.started.values()].map((started) => started.answer));
  }

  private decide(allowed: boolean): void {
    this.allowed = allowed;
    if (allowed) this.pump();
    else this.queued.length = 0;
  }

  private pump(): void {
    while (this.allowed && this.open && !this.failed && this.inFlight < this.concurrency && this.queued.length) {
      const file = this.queued.shift()!;
      const key = joinKey(this.options.prefix, file.key);
      const cacheControl = cacheControlFor(this.options.cacheControl, file.key);
      this.inFlight++;
      this.startedTotal++;
      const answer = uploadFile(this.client, this.options.bucket, key, { ...file, cacheControl }, this.concurrency, this.buffers, this.options.kept);
      this.started.set(file.key, { sha256: file.sha256, size: file.size, answer });
      answer.then(
        () => undefined,
        () => (this.failed = true),
      ).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }
}

function withHint(error: unknown, hint: string): unknown {
  if (error instanceof ShipkitError && !error.hint) return new ShipkitError(error.message, { hint, cause: error.cause });
  return error;
}

/**
 * x-amz-copy-source: the key URL-encoded (encodeURI), plus the characters that would end or split
 * the header's path (+ ? # ;: moto, like a URL parser, takes ";" as the start of parameters, and
 * the copy failed with NoSuchKey), leaving the others S3 keys commonly hold in paths (@ : , = & $)
 * as they are.
 */
export function copySource(bucket: string, key: string): string {
  return `${bucket}/${encodeURI(key).replace(/[+?#;]/g, (char) => encodeURIComponent(char))}`;
}

/** Server-side copy with the destination's headers and sha256 metadata; returns the new ETag. */
async function copyObject(client: S3Client, from: { bucket: string; key: string }, to: { bucket: string; key: string }, file: DesiredFile): Promise<string | undefined> {
  const response = await client.send(
    new CopyObjectCommand({
      Bucket: to.bucket,
      Key: to.key,
      CopySource: copySource(from.bucket, from.key),
      MetadataDirective: 'REPLACE',
      ContentType: file.contentType,
      CacheControl: file.cacheControl,
      ContentEncoding: file.contentEncoding,
      Metadata: { sha256: file.sha256 },
    }),
  );
  return response.CopyObjectResult?.ETag;
}

/** sha256 -> where that content already lives, from the manifests of complete prefixes. */
async function reusableContent(client: S3Client, sources: ReadonlyArray<{ bucket: string; prefix: string }>): Promise<Map<string, { bucket: string; key: string; size: number }>> {
  const found = new Map<string, { bucket: string; key: string; size: number }>();
  const manifests = await Promise.all(sources.map(async (source) => ({ source, prefix: normalizePrefix(source.prefix), manifest: await readManifest(client, source.bucket, source.prefix) })));
  for (const { source, prefix, manifest } of manifests) {
    if (!manifest?.complete) continue;
    for (const [key, entry] of Object.entries(manifest.files)) {
      if (!found.has(entry.sha256)) found.set(entry.sha256, { bucket: source.bucket, key: joinKey(prefix, key), size: entry.size });
    }
  }
  return found;
}

/**
 * Copies a complete published prefix to another prefix (or bucket) server-side: only files whose
 * sha256/headers differ at the destination are copied, in the same safe order, stale keys handled
 * per deleteStale, manifest last. The source's hashes come from its manifest, never from HEADs.
 */
export async function copyPrefix(client: S3Client, options: CopyPrefixOptions): Promise<TransferResult> {
  const fromPrefix = normalizePrefix(options.from.prefix, 'from.prefix');
  const toPrefix = normalizePrefix(options.to.prefix, 'to.prefix');
  const where = `${storeUrl(options.from.bucket, listingPrefix(fromPrefix))}`;
  const remoteStarted = performance.now();
  // The destination's listing and manifest are read while the source is checked.
  const destinationFetched = fetchRemoteListing(client, options.to.bucket, toPrefix, options.manifestAt);
  destinationFetched.catch(() => undefined);
  const source = options.sourceManifest
    ? { manifest: options.sourceManifest, files: new Map(Object.entries(options.sourceManifest.files).map(([key, entry]) => [key, { key, size: entry.size, etag: entry.etag }])) }
    : await readRemoteState(client, options.from.bucket, fromPrefix);
  if (!source.manifest || !source.manifest.complete) {
    throw new ShipkitError(`Cannot copy ${where}: it is not a complete published prefix (its ${source.manifest ? 'manifest says the publish did not finish' : 'hash manifest is missing'}).`, {
      hint: 'Publish it (and let that finish) first; copies only ever come from complete prefixes.',
    });
  }
  const missing = Object.entries(source.manifest.files).filter(([key, entry]) => source.files.get(key)?.size !== entry.size);
  if (missing.length) {
    throw new ShipkitError(`Cannot copy ${where}: ${missing.length} file(s) its manifest lists are missing or changed (${missing.slice(0, 5).map(([key]) => key).join(', ')}${missing.length > 5 ? ', ...' : ''}).`, {
      hint: 'Re-publish the source prefix.',
    });
  }
  const desired: DesiredFile[] = Object.entries(source.manifest.files)
    .map(([key, entry]) => ({
      key: checkRelativeKey(key),
      size: entry.size,
      sha256: entry.sha256,
      contentType: entry.contentType ?? contentTypeFor(key),
      ...(entry.contentEncoding ? { contentEncoding: entry.contentEncoding } : {}),
      cacheControl: options.cacheControl === undefined ? entry.cacheControl : cacheControlFor(options.cacheControl, key),
    }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const wanted = new Map(desired.map((file) => [file.key, file.size]));
  const destination = await readRemoteState(client, options.to.bucket, toPrefix, { worthHeading: (key, size) => wanted.get(key) === size, concurrency: options.concurrency, manifestAt: options.manifestAt, fetched: destinationFetched });
  addTiming(options.timings, 'remote listing/manifest (source and destination)', remoteStarted);
  try {
    return await execute(client, desired, destination, { ...options, bucket: options.to.bucket, prefix: toPrefix, meta: options.meta ?? source.manifest.meta }, {
      phase: 'copy',
      write: async (entry, file) => {
        const key = joinKey(toPrefix, entry.key);
        try {
          return await copyObject(client, { bucket: options.from.bucket, key: joinKey(fromPrefix, entry.key) }, { bucket: options.to.bucket, key }, file);
        } catch (error) {
          throw s3Failure(`copy ${where}${entry.key} to ${storeUrl(options.to.bucket, key)}`, error);
        }
      },
    });
  } catch (error) {
    throw withHint(error, INTERRUPTED_HINT);
  }
}

