import type { S3Client } from '@aws-sdk/client-s3';
import { runner, errorMessage, mapLimit, ShipkitError, storeUrl } from '@shipkit/core';
import { isGoodRelease, joinKey, openLedger, releasePrefix, releasesInUse, type Ledger, type StateLocation } from '@shipkit/ledger';
import { deletePrefix, listFolders, listObjects, publishDirectory, readManifest, scanDirectory, type Manifest } from '@shipkit/s3';
import { inField } from './field.js';
import { DEFAULT_KEEP_ROLLBACK, DEFAULT_RETENTION, type ResolvedEnvironment } from './resolve.js';

/** Where a release's files live: `s3://<state bucket>/<state prefix>/releases/<app>/<release>`. */
export function releaseLocation(state: StateLocation, app: string, release: string): { bucket: string; prefix: string } {
  return { bucket: state.bucket, prefix: releasePrefix(state, app, release).replace(/\/$/, '') };
}

export function describeLocation(location: { bucket: string; prefix?: string }): string {
  return storeUrl(location.bucket, location.prefix ? `${location.prefix.replace(/\/$/, '')}/` : '');
}

/** The release's manifest when the release store holds it completely, else undefined. */
export async function storedRelease(client: S3Client, env: ResolvedEnvironment, release: string): Promise<Manifest | undefined> {
  const location = releaseLocation(env.state, env.app, release);
  const manifest = await readManifest(client, location.bucket, location.prefix);
  return manifest?.complete ? manifest : undefined;
}

export interface UploadResult {
  /** The release was already in the store with the same content: nothing written. */
  reused: boolean;
  /** Files uploaded from the runner. */
  uploaded: number;
  /** Files copied server-side from an earlier release with the same content. */
  copied?: number;
  skipped: number;
  files: number;
}

/**
 * Puts a release's files into the release store once. Already there with the same content:
 * nothing is written. There with different content: refused (release ids are immutable). Partly
 * there (an interrupted upload, no complete manifest): the upload is completed.
 */
export async function uploadRelease(
  client: S3Client,
  env: ResolvedEnvironment,
  release: string,
  sourceDir: string,
  meta: Record<string, unknown> = {},
  /** Releases already in the store (e.g. the live one) whose identical files are copied server-side instead of uploaded. */
  reuseReleases: string[] = [],
): Promise<UploadResult> {
  const location = releaseLocation(env.state, env.app, release);
  const files = await scanDirectory(sourceDir);
  if (!files.length) throw new ShipkitError(`Input "source-dir" names ${JSON.stringify(sourceDir)}, which holds no files to deploy.`);
  const existing = await readManifest(client, location.bucket, location.prefix);
  if (existing?.complete) {
    const difference = releaseDifference(existing, files);
    if (!difference.count) return { reused: true, uploaded: 0, copied: 0, skipped: files.length, files: files.length };
    throw releaseChangedError(release, location, sourceDir, difference);
  }
  const reuseFrom = reuseReleases.filter((other) => other !== release).map((other) => releaseLocation(env.state, env.app, other));
  const result = await inField(env.file ? `${env.file}: state` : 'state', describeLocation(location), () =>
    publishDirectory(client, { files, bucket: location.bucket, prefix: location.prefix, deleteStale: true, meta: { app: env.app, release, ...meta }, reuseFrom }),
  );
  return { reused: false, uploaded: result.uploaded - result.copied, copied: result.copied, skipped: result.skipped, files: files.length };
}

/** How a directory differs from a stored release, by key relative to the release (sorted). */
export interface ReleaseDifference {
  /** In the directory, not in the stored release. */
  added: string[];
  /** In both, with other content (sha256). */
  changed: string[];
  /** In the stored release, not in the directory. */
  removed: string[];
  count: number;
}

/** Compares a stored release's manifest with the files of a directory (scanDirectory). */
export function releaseDifference(stored: Pick<Manifest, 'files'>, files: ReadonlyArray<{ key: string; sha256: string }>): ReleaseDifference {
  const local = new Set(files.map((file) => file.key));
  const added = files.filter((file) => !stored.files[file.key]).map((file) => file.key).sort();
  const changed = files.filter((file) => stored.files[file.key] && stored.files[file.key]!.sha256 !== file.sha256).map((file) => file.key).sort();
  const removed = Object.keys(stored.files).filter((key) => !local.has(key)).sort();
  return { added, changed, removed, count: added.length + changed.length + removed.length };
}

/** At most `max` names in all, the changed ones first, then added, then removed; the rest counted. */
function describeDifference(difference: ReleaseDifference, max = 5): string {
  let left = max;
  return (['changed', 'added', 'removed'] as const)
    .filter((label) => difference[label].length)
    .map((label) => {
      const keys = difference[label];
      const shown = keys.slice(0, Math.max(left, 0));
      left -= shown.length;
      if (!shown.length) return `${label}: ${keys.length} more`;
      return `${label} ${shown.map((key) => JSON.stringify(key)).join(', ')}${keys.length > shown.length ? ` and ${keys.length - shown.length} more` : ''}`;
    })
    .join('; ');
}

function releaseChangedError(release: string, location: { bucket: string; prefix: string }, sourceDir: string, difference: ReleaseDifference): ShipkitError {
  return new ShipkitError(
    `Release ${JSON.stringify(release)} is already in the release store (${describeLocation(location)}) with other files than source-dir ${JSON.stringify(sourceDir)} holds ` +
      `(${difference.count} file${difference.count === 1 ? '' : 's'} differ: ${describeDifference(difference)}). Releases are immutable: a release name always means the same files, so nothing was changed.`,
    {
      hint: `Deploy these files under a new release name (the release input; by default it comes from the tag or the commit), or deploy the stored ${release} as it is: without source-dir, or with from-release: ${release} to promote it under another name.`,
    },
  );
}

/**
 * Releases are immutable. Before anything is written (before the lease): when the release store
 * already holds a complete `release`, the files of `sourceDir` must be the same (same keys, same
 * sha256); otherwise a ShipkitError names the release, the store location, a few differing files
 * (changed / added / removed) and the choice — a new release name, or the stored release as it
 * is (no source-dir, or `from-release`). Returns 'stored' when the release is there with these very
 * files (the deploy goes on as a no-op upload), 'absent' when the store has no complete release of
 * that name (the directory is then not even scanned: one GET).
 */
export async function checkReleaseUnchanged(client: S3Client, env: Pick<ResolvedEnvironment, 'state' | 'app'>, release: string, sourceDir: string): Promise<'absent' | 'stored'> {
  const location = releaseLocation(env.state, env.app, release);
  const stored = await readManifest(client, location.bucket, location.prefix);
  if (!stored?.complete) return 'absent';
  const difference = releaseDifference(stored, await scanDirectory(sourceDir));
  if (difference.count) throw releaseChangedError(release, location, sourceDir, difference);
  return 'stored';
}

/**
 * The environments of the app that have a ledger (records or snapshots), previews included
 * (`preview/pr-12`: the path up to `records/`). A full listing rather than a delimiter listing:
 * some S3-compatible stores (s3rver) omit common prefixes that hold only deeper "folders".
 */
export async function ledgerEnvironments(client: S3Client, env: ResolvedEnvironment): Promise<string[]> {
  const prefix = `${joinKey(env.state.prefix, 'ledger', env.app)}/`;
  const names = new Set<string>();
  // Complete or an error: an environment missing from a cut listing would lose its releases to retention.
  for (const object of await listObjects(client, env.state.bucket, prefix)) {
    const segments = object.key.slice(prefix.length).split('/');
    const end = segments.findIndex((segment, index) => index > 0 && (segment === 'records' || segment === 'snapshots'));
    if (end > 0) names.add(segments.slice(0, end).join('/'));
  }
  return [...names];
}

export interface RetentionResult {
  kept: string[];
  deleted: string[];
  /** Releases kept because an environment needs them (live, in a slot, a rollback target, recent, running). */
  protected: string[];
  /** Why each kept release stays (and, on a dry run, nothing is deleted). */
  reasons: Record<string, string[]>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What must be kept, the one rule retention and remove-preview share: every release some
 * environment of the app (other than `exclude`, a preview being removed) has live or in a slot,
 * sends any traffic to (a canary, or a split an abort left), has among its last K good releases
 * (rollback targets, at any age: `keep-rollback`) or the last N it deployed (`retention`), in a
 * running operation, or had live in the last 24 hours — each with why.
 */
export async function releasesToKeep(
  client: S3Client,
  env: ResolvedEnvironment,
  options: {
    now?: number;
    exclude?: string;
    alsoKeep?: string[];
    /** The run's own ledger of `env`: its environment is read through it (listed again; records it has read or written are not fetched again). */
    ledger?: Ledger;
  } = {},
): Promise<Map<string, string[]>> {
  const now = options.now ?? Date.now();
  const reasons = new Map<string, string[]>();
  const keepFor = (release: string, why: string) => {
    const list = reasons.get(release) ?? [];
    if (!list.includes(why)) list.push(why);
    reasons.set(release, list);
  };
  for (const release of options.alsoKeep ?? []) keepFor(release, 'being deployed by this run');
  for (const name of await ledgerEnvironments(client, env)) {
    if (name === options.exclude) continue;
    const settings = env.retentionFor[name] ?? env.retentionFor[name.replace(/\/pr-\d+$/, '')] ?? { keep: DEFAULT_RETENTION, keepRollback: DEFAULT_KEEP_ROLLBACK };
    const own = options.ledger;
    const ledger =
      own && own.environment === name && own.app === env.app && own.location.bucket === env.state.bucket && own.location.prefix === env.state.prefix
        ? own
        : await openLedger({ state: env.state, app: env.app, environment: name, client });
    const state = await ledger.state();
    if (state.live) keepFor(state.live.release, `live on ${name}`);
    for (const slot of Object.values(state.slots)) if (slot) keepFor(slot.release, `in slot ${slot.slot} of ${name}`);
    if (state.canary) keepFor(state.canary.release, `receives traffic on ${name} (canary at ${state.canary.weight}%)`);
    for (const op of state.open) if (op.started?.release) keepFor(op.started.release, `in a running ${op.type} on ${name}`);
    const byRecency = Object.values(state.releases)
      .filter((info) => info.deployed)
      .sort((a, b) => ((a.lastDeployed ?? '') < (b.lastDeployed ?? '') ? 1 : -1));
    byRecency
      .filter((info) => info.release !== state.live?.release && isGoodRelease(state, info.release))
      .slice(0, settings.keepRollback)
      .forEach((info) => keepFor(info.release, `rollback target on ${name} (one of its last ${settings.keepRollback} good releases)`));
    byRecency.slice(0, settings.keep).forEach((info) => keepFor(info.release, `one of the last ${settings.keep} releases deployed to ${name}`));
    for (const release of releasesInUse(state, now)) keepFor(release, `live on ${name} within the last 24 hours`);
  }
  return reasons;
}

/**
 * Retention of the release store, by environment (read from every environment's ledger under
 * the state prefix). A release stays when any environment has it live or in a slot, has it among
 * its last K good releases (rollback targets, at any age: `keep-rollback`), among the last N it
 * deployed (`retention`), in a running operation, or had it live in the last 24 hours; releases no
 * environment mentions stay for a day after their upload (a deploy may be using them). Only
 * releases needed by nobody are deleted; a dry run deletes nothing and says why each one stays.
 */
export async function pruneReleases(
  client: S3Client,
  env: ResolvedEnvironment,
  options: { alsoKeep?: string[]; now?: number; dryRun?: boolean; ledger?: Ledger } = {},
): Promise<RetentionResult> {
  const now = options.now ?? Date.now();
  const storePrefix = `${joinKey(env.state.prefix, 'releases', env.app)}/`;
  const releases = await listFolders(client, env.state.bucket, storePrefix);
  const reasons = await releasesToKeep(client, env, { now, alsoKeep: options.alsoKeep, ledger: options.ledger });
  const keepFor = (release: string, why: string) => {
    const list = reasons.get(release) ?? [];
    if (!list.includes(why)) list.push(why);
    reasons.set(release, list);
  };
  // Releases no environment mentions: kept for a day after their upload (a deploy may be using them).
  const unmentioned = releases.filter((release) => !reasons.has(release));
  await mapLimit(unmentioned, 8, async (release) => {
    const manifest = await readManifest(client, env.state.bucket, joinKey(storePrefix, release));
    const time = Date.parse(manifest?.updatedAt ?? '') || 0;
    if (time === 0 && !manifest?.complete) keepFor(release, 'incomplete upload of unknown age');
    else if (now - time < DAY_MS) keepFor(release, 'uploaded less than a day ago (a deploy may be using it)');
  });
  const kept = releases.filter((release) => reasons.has(release)).sort();
  const deleted = releases.filter((release) => !reasons.has(release)).sort();
  if (!options.dryRun) {
    for (const release of deleted) {
      try {
        await deletePrefix(client, env.state.bucket, joinKey(storePrefix, release));
      } catch (error) {
        runner.warning(`Retention could not delete release ${release}: ${errorMessage(error)}`);
      }
    }
  }
  const protectedReleases = kept.filter((release) => reasons.get(release)!.some((why) => !why.startsWith('uploaded less') && !why.startsWith('incomplete upload')));
  return { kept, deleted, protected: protectedReleases, reasons: Object.fromEntries(kept.map((release) => [release, reasons.get(release)!])) };
}
