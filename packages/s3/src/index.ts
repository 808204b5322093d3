/**
 * The shipkit S3 transfer engine: plan by content hash, upload, server-side copy, delete, progress.
 * See README.md for the contract (manifest, ordering, safety).
 */
export { createS3Client, countRequests, noteRequest, MAX_CONCURRENCY, describeRequests, REQUEST_REASONS, type S3ClientOptions, type RequestCounts } from './client.js';
export { contentEncodingFor, contentTypeFor, isEntryDocument, DEFAULT_CONTENT_TYPE } from './content-types.js';
export { cacheControlFor, installCacheControl, isHashedAsset, parseCacheControlRules, IMMUTABLE, NO_CACHE, SHORT_TTL, type CacheControl, type CacheControlRule } from './cache-control.js';
export { checkRelativeKey, joinKey, manifestKey, normalizePrefix, MANIFEST_NAME } from './keys.js';
export { changedKeys, countPlan, planTransfer, rankOf, type DeleteStale, type DesiredFile, type PlanAction, type PlanEntry, type PlanReason, type RemoteFile } from './plan.js';
export {
  checkBucket,
  deleteKeys,
  deletePrefix,
  headEntry,
  isNotFound,
  IncompleteListingError,
  LISTING_ATTEMPTS,
  listFolders,
  listKeys,
  listObjects,
  peekKeys,
  parseManifest,
  readManifest,
  readManifestVersion,
  readManifestOf,
  type ManifestLocation,
  writeManifest,
  ManifestConflictError,
  type ManifestGuard,
  MANIFEST_FORMAT,
  type ListedObject,
  type Manifest,
  type ManifestEntry,
} from './remote.js';
export { scanDirectory, type LocalFile, type ScanOptions } from './scan.js';
export {
  copyPrefix,
  EarlyUploads,
  fetchRemoteListing,
  publishDirectory,
  readRemoteState,
  DEFAULT_CONCURRENCY,
  KEPT_BYTES,
  MULTIPART_THRESHOLD,
  PART_SIZE,
  type CopyPrefixOptions,
  type ProgressEvent,
  type PublishOptions,
  type TransferPlan,
  type TransferResult,
} from './transfer.js';
export { conditionalWrites, deleteIfMatch, getJsonObject, putJsonObject, httpStatus, isPreconditionFailed, isConditionalUnsupported, type StoredObject, type WriteCondition } from './conditional.js';
export { directPutStats, putObject, type DirectPutInput, type DirectPutStats } from './put.js';
export { storeNow, storeDateOf, watchStoreClock, noteStoreDate, parseHttpDate, STORE_DATE } from './clock.js';
export { RequestSigner, type SigningCredentials } from './sigv4.js';
