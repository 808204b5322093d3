import type { S3Client } from '@aws-sdk/client-s3';
import * as core from '@actions/core';
import { ShipkitError } from '@shipkit/core';
import {
  copyPrefix,
  joinKey,
  publishDirectory,
  readManifest,
  scanDirectory,
  type CacheControlRule,
  type LocalFile,
  type Manifest,
  type PlanEntry,
  type TransferResult,
} from '@shipkit/s3';
import { aliasCacheControl, versionCacheControl } from './cache.js';
import { clearPending, pendingKey, readPending, writePending } from './pending.js';
import { aliasNames, decideAlias, isPrerelease, type AliasDecision } from './versions.js';

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

/** More changed paths than this in one alias are invalidated with one `/<alias>/*` wildcard. */
export const WILDCARD_THRESHOLD = 50;

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
  const changed = entries.filter((entry) => entry.action === 'copy' || entry.action === 'upload' || entry.action === 'delete');
  if (!changed.length) return [];
  const base = `/${aliasPrefix}/`;
  if (changed.length > WILDCARD_THRESHOLD) return [`${base}*`];
  const paths = new Set<string>();
  for (const entry of changed) {
    paths.add(encodeURI(`${base}${entry.key}`));
    if (entry.key === 'index.html' || entry.key.endsWith('/index.html')) paths.add(encodeURI(`${base}${entry.key.slice(0, -'index.html'.length)}`));
  }
  return [...paths].sort();
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

/**
 * Publishes a directory as `<prefix>/v{version}/` and moves the semver aliases to it by
 * server-side copy. Order of guarantees: input and immutability checks before any write; the
 * version is complete (manifest written) before any alias copies from it; an alias never moves
 * backwards; only aliases whose files changed are invalidated.
 */
export async function publishCdn(client: S3Client, options: CdnPublishOptions): Promise<CdnPublishReport> {
  const log = options.log ?? core.info;
  const warn = options.warn ?? core.warning;
  const files = await scanDirectory(options.sourceDir, {
    include: options.include,
    exclude: options.exclude,
    onSkip: (file, reason) => warn(`Not publishing ${file}: ${reason}.`),
  });
  if (!files.length) {
    throw new ShipkitError(`Input "source-dir" names ${JSON.stringify(options.sourceDir)}, which has no files to publish${options.include.length || options.exclude.length ? ' after include/exclude' : ''}.`, {
      hint: 'Build the site before this step; dotfiles are only published when "include" names them.',
    });
  }
  const versionName = `v${options.version}`;
  const versionPrefix = joinKey(options.prefix, versionName);
  const urlOf = (prefix: string) => `${options.baseUrl}/${prefix}/`;
  const where = `s3://${options.bucket}/${versionPrefix}/`;

  const existing = await readManifest(client, options.bucket, versionPrefix);
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
  const aliasList = options.aliases ? aliasNames(options.version) : [];
  const held = new Map<string, Manifest | undefined>();
  await Promise.all(
    [...new Set([...aliasList, 'latest'])].map(async (alias) => held.set(alias, await readManifest(client, options.bucket, joinKey(options.prefix, alias)))),
  );
  const reuseFrom = [...new Set([...held.values()].map((manifest) => (manifest?.complete && typeof manifest.meta.version === 'string' ? manifest.meta.version : undefined)))]
    .filter((version): version is string => !!version && version !== options.version)
    .map((version) => ({ bucket: options.bucket, prefix: joinKey(options.prefix, `v${version}`) }));

  const common = { concurrency: options.concurrency, dryRun: options.dryRun, log, meta: { version: options.version } };
  const versionResult = await publishDirectory(client, { ...common, files, bucket: options.bucket, prefix: versionPrefix, cacheControl: versionCacheControl(options.cacheRules), deleteStale: true, reuseFrom });
  const targets: TargetReport[] = [targetFrom('version', versionName, versionPrefix, urlOf(versionPrefix), versionResult)];
  log(`${options.dryRun ? 'Would publish' : versionResult.changed ? 'Published' : 'Unchanged:'} ${where}: ${versionResult.uploaded - versionResult.copied} uploaded, ${versionResult.copied} reused by server-side copy, ${versionResult.skipped} unchanged`);

  // Versioned paths never need an invalidation — except when overwrite replaced a published version.
  const invalidate: string[] = existing?.complete && options.overwrite ? invalidationPathsFor(versionPrefix, versionResult.plan.entries.filter((entry) => entry.reason !== 'new' || entry.action === 'delete')) : [];
  const urls: CdnPublishReport['urls'] = { version: urlOf(versionPrefix), aliases: {} };
  const prerelease = isPrerelease(options.version);
  if (prerelease && options.aliases) log(`${options.version} is a prerelease: only ${versionName}/ is published, no alias moves.`);
  for (const alias of aliasList) {
    const aliasPrefix = joinKey(options.prefix, alias);
    const current = held.get(alias);
    const decision: AliasDecision = decideAlias(alias, options.version, current && { version: typeof current.meta.version === 'string' ? current.meta.version : undefined, complete: current.complete });
    if (!decision.move) {
      log(`${alias}/ stays on ${decision.current}${decision.reason === 'newer-in-progress' ? ' (being published by another run)' : ''}: aliases never move backwards.`);
      targets.push({ kind: 'alias', name: alias, prefix: aliasPrefix, url: urlOf(aliasPrefix), status: 'kept', from: decision.current, reason: `holds newer ${decision.current}`, uploaded: 0, copied: 0, skipped: 0, deleted: 0, bytes: 0, changes: [] });
      continue;
    }
    const aliasOptions = { ...common, bucket: options.bucket, prefix: aliasPrefix, cacheControl: aliasCacheControl(options.cacheRules), deleteStale: 'deferred' as const };
    const result = options.dryRun
      ? // Nothing is published yet on a dry run, so plan the alias from the local files (same hashes the copy would use).
        await publishDirectory(client, { ...aliasOptions, files })
      : await copyPrefix(client, { ...aliasOptions, from: { bucket: options.bucket, prefix: versionPrefix }, to: { bucket: options.bucket, prefix: aliasPrefix }, sourceManifest: versionResult.manifest });
    if (options.dryRun) {
      for (const entry of result.plan.entries) if (entry.action === 'upload') entry.action = 'copy';
      result.copied = result.uploaded;
    }
    targets.push(targetFrom('alias', alias, aliasPrefix, urlOf(aliasPrefix), result, { from: decision.move ? decision.from : undefined }));
    urls.aliases[alias] = urlOf(aliasPrefix);
    invalidate.push(...invalidationPathsFor(aliasPrefix, result.plan.entries));
    log(`${alias}/ -> ${options.version}${decision.from && decision.from !== options.version ? ` (was ${decision.from})` : ''}: ${result.uploaded} copied, ${result.deleted} deleted, ${result.skipped} unchanged`);
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
