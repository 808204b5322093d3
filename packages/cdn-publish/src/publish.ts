import type { S3Client } from '@aws-sdk/client-s3';
import { runner, KeptBytes, ShipkitError, storeUrl } from '@shipkit/core';
import {
  changedKeys,
  conditionalWrites,
  copyPrefix,
  EarlyUploads,
  fetchRemoteListing,
  joinKey,
  KEPT_BYTES,
  listFolders,
  ManifestConflictError,
  publishDirectory,
  readManifest,
  readManifestVersion,
  type ManifestGuard,
  scanDirectory,
  type CacheControlRule,
  type LocalFile,
  type Manifest,
  type PlanEntry,
  type TransferResult,
} from '@shipkit/s3';
import { changedPaths, WILDCARD_THRESHOLD } from '@shipkit/cloudfront';
import { aliasCacheControl, versionCacheControl } from './cache.js';
import { clearPending, pendingKey, readPending, writePending } from './pending.js';
import semver from 'semver';
import { aliasNames, decideAlias, isPrerelease } from './versions.js';

export interface CdnPublishOptions {
  sourceDir: string;
  bucket: string;
  /** Normalized key prefix ('' = bucket root). */
  prefix: string;
  version: string;
  aliases: boolean;
  cacheRules: CacheControlRule[];
  include: string[];
  exclude: string[];
  overwrite: boolean;
  dryRun: boolean;
  concurrency: number;
  /** Public base URL of the bucket/prefix root, without trailing slash. */
  baseUrl: string;
  /** Invalidates CDN paths (absent: no CDN in front). */
  invalidate?: (paths: string[]) => Promise<{ ids: string[] }>;
  /** The distribution `invalidate` talks to; names the pending-invalidation record. */
  distributionId?: string;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

export interface TargetReport {
  kind: 'version' | 'alias';
  /** `v1.2.3`, `v1.2`, `v1`, `latest`. */
  name: string;
  prefix: string;
  url: string;
  /** published: something written; unchanged: nothing to do; kept: alias left on a newer version. */
  status: 'published' | 'unchanged' | 'kept';
  /** Version the alias held before (aliases). */
  from?: string;
  /** Why an alias was kept. */
  reason?: string;
  /** Files uploaded from the runner. */
  uploaded: number;
  /** Files written by server-side copy (aliases; unchanged content reused from an earlier version). */
  copied: number;
  skipped: number;
  deleted: number;
  bytes: number;
  /** Writes and deletions planned (skips only counted). */
  changes: Array<Pick<PlanEntry, 'action' | 'key' | 'reason'>>;
}

export interface CdnPublishReport {
  version: string;
  prerelease: boolean;
  dryRun: boolean;
  targets: TargetReport[];
  /** Files uploaded to the version prefix. */
  uploaded: number;
  /** Files of the version copied server-side from an earlier version instead of uploaded (same sha256). */
  reused: number;
  /** Server-side copies into aliases. */
  copied: number;
  skipped: number;
  deleted: number;
  bytes: number;
  urls: { version: string; aliases: Record<string, string> };
  invalidated: string[];
  invalidationIds: string[];
}

export { WILDCARD_THRESHOLD };

function diffFiles(manifest: Manifest, files: readonly LocalFile[]): { changed: string[]; added: string[]; removed: string[] } {
  const local = new Map(files.map((file) => [file.key, file]));
  const changed: string[] = [];
  const added: string[] = [];
  for (const file of files) {
    const there = manifest.files[file.key];
    if (!there) added.push(file.key);
    else if (there.sha256 !== file.sha256) changed.push(file.key);
  }
  const removed = Object.keys(manifest.files).filter((key) => !local.has(key));
  return { changed, added, removed };
}


/** CloudFront paths for what changed in an alias: each key (and its directory for index.html), or one wildcard when many. */
export function invalidationPathsFor(aliasPrefix: string, entries: readonly PlanEntry[]): string[] {
  return changedPaths(aliasPrefix, changedKeys(entries));
}

function targetFrom(kind: TargetReport['kind'], name: string, prefix: string, url: string, result: TransferResult, extra: Partial<TargetReport> = {}): TargetReport {
  return {
    kind,
    name,
    prefix,
    url,
    status: result.changed ? 'published' : 'unchanged',
    uploaded: result.uploaded - result.copied,
    copied: result.copied,
    skipped: result.skipped,
    deleted: result.deleted,
    bytes: result.bytes - result.copiedBytes,
    changes: result.plan.entries.filter((entry) => entry.action !== 'skip').map(({ action, key, reason }) => ({ action, key, reason })),
    ...extra,
  };
}

/** The versions whose files a new version may reuse: those the aliases hold, complete, other than `version`. */
function reusableVersions(held: ReadonlyMap<string, Manifest | undefined>, version: string): string[] {
  return [...new Set([...held.values()].map((manifest) => (manifest?.complete && typeof manifest.meta.version === 'string' ? manifest.meta.version : undefined)))].filter(
    (candidate): candidate is string => !!candidate && candidate !== version,
  );
}

/**
 * Publishes a directory as `<prefix>/v{version}/` and moves the semver aliases to it by
 * server-side copy. Order of guarantees: input and immutability checks before any write; the
 * version is complete (manifest written) before any alias copies from it; an alias never moves
 * backwards; only aliases whose files changed are invalidated.
 */
export async function publishCdn(client: S3Client, options: CdnPublishOptions): Promise<CdnPublishReport> {
  const log = options.log ?? runner.info;
  const warn = options.warn ?? runner.warning;
  const versionName = `v${options.version}`;
  const versionPrefix = joinKey(options.prefix, versionName);
  const urlOf = (prefix: string) => `${options.baseUrl}/${prefix}/`;
  const where = `${storeUrl(options.bucket, versionPrefix)}/`;
  // The version's manifest is read while the source is scanned; once it is in, the scan keeps the
  // bytes of files the version does not hold at their size for their upload (read once, not twice).
  const existingRead = readManifest(client, options.bucket, versionPrefix);
  let known: { manifest?: Manifest } | undefined;
  existingRead.then((manifest) => (known = { manifest }), () => undefined);
  // The version's listing and the aliases' manifests are read while the source is scanned too (an
  // unchanged re-publish is then bounded by the slower of the two, not their sum). Their failures
  // surface where they are awaited, after the scan's own.
  const fetched = fetchRemoteListing(client, options.bucket, versionPrefix, undefined, existingRead);
  const aliasList = options.aliases ? aliasNames(options.version) : [];
  const heldRead = Promise.all(
    [...new Set([...aliasList, 'latest'])].map(async (alias) => [alias, await readManifest(client, options.bucket, joinKey(options.prefix, alias))] as const),
  );
  for (const early of [fetched, heldRead]) early.catch(() => undefined);
  const kept = new KeptBytes(KEPT_BYTES, (key, size) => !!known && known.manifest?.files[key]?.size !== size);
  // A version published for the first time (its prefix empty, no manifest) with no earlier version to
  // copy files from: its assets upload while the rest of the source is still hashed (EarlyUploads).
  const early = options.dryRun
    ? undefined
    : new EarlyUploads(client, {
        bucket: options.bucket,
        prefix: versionPrefix,
        fetched,
        ready: heldRead.then((held) => reusableVersions(new Map(held), options.version).length === 0),
        cacheControl: versionCacheControl(options.cacheRules),
        concurrency: options.concurrency,
        kept,
      });
  let files: LocalFile[];
  try {
    files = await scanDirectory(options.sourceDir, {
      include: options.include,
      exclude: options.exclude,
      onSkip: (file, reason) => warn(`Not publishing ${file}: ${reason}.`),
      keep: kept,
      onHashed: early?.offer,
    });
  } catch (error) {
    // Uploads the scan started end before the failure is told. Between here and publishDirectory (which
    // waits for them itself when it fails) nothing can fail while any are under way: they start only
    // into an empty version prefix with every read below already answered.
    await early?.abandon();
    throw error;
  }
  early?.close();
  if (!files.length) {
    throw new ShipkitError(`Input "source-dir" names ${JSON.stringify(options.sourceDir)}, which has no files to publish${options.include.length || options.exclude.length ? ' after include/exclude' : ''}.`, {
      hint: 'Build the site before this step; dotfiles are only published when "include" names them.',
    });
  }

  const existing = await existingRead;
  if (existing?.complete) {
    const diff = diffFiles(existing, files);
    const differences = diff.changed.length + diff.added.length + diff.removed.length;
    if (differences && !options.overwrite) {
      const sample = [...diff.changed.map((key) => `~${key}`), ...diff.added.map((key) => `+${key}`), ...diff.removed.map((key) => `-${key}`)].slice(0, 8).join(', ');
      throw new ShipkitError(
        `Version ${options.version} is already published at ${where} with different content (${diff.changed.length} changed, ${diff.added.length} added, ${diff.removed.length} removed: ${sample}${differences > 8 ? ', ...' : ''}). Published versions are immutable.`,
        { hint: 'Publish a new version, or set "overwrite: true" to replace it (browsers and CDNs may keep the old files for up to a year).' },
      );
    }
  }

  // What the aliases hold now: decides their moves, and their versions' files can be reused.
  const held = new Map<string, Manifest | undefined>(await heldRead);
  const reuseFrom = reusableVersions(held, options.version).map((version) => ({ bucket: options.bucket, prefix: joinKey(options.prefix, `v${version}`) }));

  const common = { concurrency: options.concurrency, dryRun: options.dryRun, log, meta: { version: options.version } };
  const versionResult = await publishDirectory(client, { ...common, files, kept, fetched, early, bucket: options.bucket, prefix: versionPrefix, cacheControl: versionCacheControl(options.cacheRules), deleteStale: true, reuseFrom });
  const targets: TargetReport[] = [targetFrom('version', versionName, versionPrefix, urlOf(versionPrefix), versionResult)];
  log(`${options.dryRun ? 'Would publish' : versionResult.changed ? 'Published' : 'Unchanged:'} ${where}: ${versionResult.uploaded - versionResult.copied} uploaded, ${versionResult.copied} reused by server-side copy, ${versionResult.skipped} unchanged`);

  // Versioned paths never need an invalidation — except when overwrite replaced a published version.
  const invalidate: string[] = existing?.complete && options.overwrite ? invalidationPathsFor(versionPrefix, versionResult.plan.entries.filter((entry) => entry.reason !== 'new' || entry.action === 'delete')) : [];
  const urls: CdnPublishReport['urls'] = { version: urlOf(versionPrefix), aliases: {} };
  const prerelease = isPrerelease(options.version);
  if (prerelease && options.aliases) log(`${options.version} is a prerelease: only ${versionName}/ is published, no alias moves.`);
  // Asked only once an alias really moved (an unchanged re-publish writes nothing, not even the probe).
  let conditional: boolean | undefined;
  const storeIsConditional = async () => {
    if (conditional === undefined) {
      conditional = await conditionalWrites(client, options.bucket, joinKey(options.prefix, '.shipkit-conditional-write-probe.json'));
      if (!conditional) warn(`${storeUrl(options.bucket)} ignores conditional writes: two runs moving the aliases at once are settled by re-reading after the move (best effort). AWS S3, MinIO and R2 honour conditional writes.`);
    }
    return conditional;
  };
  for (const alias of aliasList) {
    const aliasPrefix = joinKey(options.prefix, alias);
    const aliasOptions = { ...common, bucket: options.bucket, prefix: aliasPrefix, cacheControl: aliasCacheControl(options.cacheRules), deleteStale: 'deferred' as const };
    /** Copies a published version into the alias (its files and its version in the alias manifest). */
    const copyTo = (version: string, guard: ManifestGuard | undefined, sourceManifest?: Manifest) =>
      copyPrefix(client, {
        ...aliasOptions,
        meta: { version },
        from: { bucket: options.bucket, prefix: joinKey(options.prefix, `v${version}`) },
        to: { bucket: options.bucket, prefix: aliasPrefix },
        sourceManifest,
        manifestGuard: guard,
      });
    if (options.dryRun) {
      const current = held.get(alias);
      const decision = decideAlias(alias, options.version, current && { version: typeof current.meta.version === 'string' ? current.meta.version : undefined, complete: current.complete });
      if (!decision.move) {
        targets.push(keptTarget(alias, aliasPrefix, urlOf(aliasPrefix), decision.current));
        continue;
      }
      // Nothing is published yet on a dry run, so plan the alias from the local files (same hashes the copy would use).
      const result = await publishDirectory(client, { ...aliasOptions, files });
      for (const entry of result.plan.entries) if (entry.action === 'upload') entry.action = 'copy';
      result.copied = result.uploaded;
      targets.push(targetFrom('alias', alias, aliasPrefix, urlOf(aliasPrefix), result, { from: decision.from }));
      urls.aliases[alias] = urlOf(aliasPrefix);
      invalidate.push(...invalidationPathsFor(aliasPrefix, result.plan.entries));
      continue;
    }
    // Decided on the alias as it is right now (not as it was before the upload), and written only
    // while it is still so (If-Match on that manifest's ETag). Another run in between: decide again.
    let outcome: { result?: TransferResult; kept?: string; from?: string } | undefined;
    let touched = false;
    for (let attempt = 1; !outcome; attempt++) {
      const { manifest: current, etag } = await readManifestVersion(client, options.bucket, aliasPrefix);
      const decision = decideAlias(alias, options.version, current && { version: typeof current.meta.version === 'string' ? current.meta.version : undefined, complete: current.complete });
      try {
        if (decision.move) {
          outcome = { result: await copyTo(options.version, { etag }, versionResult.manifest), from: decision.from };
        } else {
          if (touched && current?.complete) {
            // Files this run copied before it lost the race may have overwritten the newer version's: put them back.
            const repair = await copyTo(decision.current, { etag });
            invalidate.push(...invalidationPathsFor(aliasPrefix, repair.plan.entries));
          }
          outcome = { kept: decision.current };
        }
      } catch (error) {
        if (!(error instanceof ManifestConflictError) || attempt >= 8) throw error;
        touched = true;
        log(`${alias}/ was moved by another run while this one was moving it; deciding again.`);
      }
    }
    if (outcome.result?.changed && !(await storeIsConditional())) {
      // Without conditional writes a concurrent newer move may have been overwritten: re-read and put the newer version back.
      const newer = await newestCompleteFor(client, options.bucket, options.prefix, alias, options.version);
      if (newer) {
        const repair = await copyTo(newer, undefined);
        invalidate.push(...invalidationPathsFor(aliasPrefix, outcome.result.plan.entries), ...invalidationPathsFor(aliasPrefix, repair.plan.entries));
        log(`${alias}/ -> back to ${newer}: a newer version was published while this run moved it.`);
        outcome = { kept: newer };
      }
    }
    if (outcome.kept !== undefined) {
      log(`${alias}/ stays on ${outcome.kept}: aliases never move backwards.`);
      targets.push(keptTarget(alias, aliasPrefix, urlOf(aliasPrefix), outcome.kept));
      continue;
    }
    const result = outcome.result!;
    targets.push(targetFrom('alias', alias, aliasPrefix, urlOf(aliasPrefix), result, { from: outcome.from }));
    urls.aliases[alias] = urlOf(aliasPrefix);
    invalidate.push(...invalidationPathsFor(aliasPrefix, result.plan.entries));
    log(`${alias}/ -> ${options.version}${outcome.from && outcome.from !== options.version ? ` (was ${outcome.from})` : ''}: ${result.uploaded} copied, ${result.deleted} deleted, ${result.skipped} unchanged`);
  }

  let invalidationIds: string[] = [];
  if (options.invalidate) {
    // Paths a previous run could not get invalidated are owed too.
    const pending = pendingKey(options.prefix, options.distributionId ?? 'default');
    const owed = await readPending(client, options.bucket, pending);
    if (owed.length) log(`${owed.length} path(s) from an earlier run still need invalidating.`);
    const paths = [...new Set([...owed, ...invalidate])].sort();
    invalidate.splice(0, invalidate.length, ...paths);
    if (paths.length && options.dryRun) log(`Would invalidate ${paths.length} path(s): ${paths.join(' ')}`);
    else if (paths.length) {
      if (paths.length > owed.length) await writePending(client, options.bucket, pending, paths);
      invalidationIds = (await options.invalidate(paths)).ids;
      await clearPending(client, options.bucket, pending);
    }
  }

  const aliasTargets = targets.filter((target) => target.kind === 'alias');
  return {
    version: options.version,
    prerelease,
    dryRun: options.dryRun,
    targets,
    uploaded: targets[0].uploaded,
    reused: targets[0].copied,
    copied: aliasTargets.reduce((sum, target) => sum + target.copied, 0),
    skipped: versionResult.skipped,
    deleted: targets.reduce((sum, target) => sum + target.deleted, 0),
    bytes: targets[0].bytes,
    urls,
    invalidated: options.invalidate ? [...invalidate].sort() : [],
    invalidationIds,
  };
}

function keptTarget(alias: string, prefix: string, url: string, current: string): TargetReport {
  return { kind: 'alias', name: alias, prefix, url, status: 'kept', from: current, reason: `holds newer ${current}`, uploaded: 0, copied: 0, skipped: 0, deleted: 0, bytes: 0, changes: [] };
}

/** The newest complete published version newer than `version` that `alias` follows, if any (one delimiter listing, manifests of the candidates). */
async function newestCompleteFor(client: S3Client, bucket: string, prefix: string, alias: string, version: string): Promise<string | undefined> {
  const candidates = (await listFolders(client, bucket, prefix ? `${prefix}/` : ''))
    .filter((name) => /^v\d/.test(name))
    .map((name) => name.slice(1))
    .filter((candidate) => semver.valid(candidate) && semver.gt(candidate, version) && aliasNames(candidate).includes(alias))
    .sort(semver.rcompare);
  for (const candidate of candidates) {
    if ((await readManifest(client, bucket, joinKey(prefix, `v${candidate}`)))?.complete) return candidate;
  }
  return undefined;
}
