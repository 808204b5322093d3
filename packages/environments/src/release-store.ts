import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import * as core from '@actions/core';
import { errorMessage, mapLimit, ShipkitError } from '@shipkit/core';
import { joinKey, openLedger, releasePrefix, releasesInUse, type StateLocation } from '@shipkit/ledger';
import { deletePrefix, listFolders, publishDirectory, readManifest, scanDirectory, type Manifest } from '@shipkit/s3';
import type { ResolvedEnvironment } from './resolve.js';

/** Where a release's files live: `s3://<state bucket>/<state prefix>/releases/<app>/<release>`. */
export function releaseLocation(state: StateLocation, app: string, release: string): { bucket: string; prefix: string } {
  return { bucket: state.bucket, prefix: releasePrefix(state, app, release).replace(/\/$/, '') };
}

export function describeLocation(location: { bucket: string; prefix?: string }): string {
  return `s3://${location.bucket}/${location.prefix ? `${location.prefix.replace(/\/$/, '')}/` : ''}`;
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
    const differing = files.filter((file) => existing.files[file.key]?.sha256 !== file.sha256).map((file) => file.key);
    const local = new Set(files.map((file) => file.key));
    const extra = Object.keys(existing.files).filter((key) => !local.has(key));
    if (!differing.length && !extra.length) return { reused: true, uploaded: 0, copied: 0, skipped: files.length, files: files.length };
    throw new ShipkitError(
      `Release ${JSON.stringify(release)} is already in the release store (${describeLocation(location)}) with different content: ${[...differing, ...extra].slice(0, 5).join(', ')}${differing.length + extra.length > 5 ? ', ...' : ''} differ.`,
      { hint: 'Releases are immutable: build once and deploy the same release everywhere, or use a new release id (the default comes from the commit).' },
    );
  }
  const reuseFrom = reuseReleases.filter((other) => other !== release).map((other) => releaseLocation(env.state, env.app, other));
  const result = await publishDirectory(client, { files, bucket: location.bucket, prefix: location.prefix, deleteStale: true, meta: { app: env.app, release, ...meta }, reuseFrom });
  return { reused: false, uploaded: result.uploaded - result.copied, copied: result.copied, skipped: result.skipped, files: files.length };
}

/**
 * The environments of the app that have a ledger. A full listing rather than a delimiter listing:
 * some S3-compatible stores (s3rver) omit common prefixes that hold only deeper "folders".
 */
export async function ledgerEnvironments(client: S3Client, env: ResolvedEnvironment): Promise<string[]> {
  const prefix = `${joinKey(env.state.prefix, 'ledger', env.app)}/`;
  const names = new Set<string>();
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: env.state.bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      const name = object.Key?.slice(prefix.length).split('/')[0];
      if (name) names.add(name);
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return [...names];
}

export interface RetentionResult {
  kept: string[];
  deleted: string[];
  /** Releases kept because an environment uses them (live, in a slot, live in the last 24 h). */
  protected: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Retention of the release store: keeps the newest `keep` releases plus every release any
 * environment of the app has live, in a slot, or had live in the last 24 hours (read from every
 * environment's ledger under the state prefix), plus `alsoKeep`. Incomplete uploads younger than
 * a day may belong to a running deploy and are kept too. Only releases needed by nobody are deleted.
 */
export async function pruneReleases(
  client: S3Client,
  env: ResolvedEnvironment,
  options: { keep?: number; alsoKeep?: string[]; now?: number; dryRun?: boolean } = {},
): Promise<RetentionResult> {
  const now = options.now ?? Date.now();
  const keep = options.keep ?? env.retention;
  const storePrefix = `${joinKey(env.state.prefix, 'releases', env.app)}/`;
  const releases = await listFolders(client, env.state.bucket, storePrefix);
  const protectedSet = new Set(options.alsoKeep ?? []);
  const environments = await ledgerEnvironments(client, env);
  for (const name of environments) {
    const ledger = await openLedger({ state: env.state, app: env.app, environment: name, client });
    for (const release of releasesInUse(await ledger.state(), now)) protectedSet.add(release);
  }
  const dated = await mapLimit(releases, 8, async (release) => {
    const manifest = await readManifest(client, env.state.bucket, joinKey(storePrefix, release));
    const time = Date.parse(manifest?.updatedAt ?? '') || 0;
    return { release, time, complete: !!manifest?.complete };
  });
  dated.sort((a, b) => b.time - a.time || (a.release < b.release ? 1 : -1));
  const kept: string[] = [];
  const deleted: string[] = [];
  dated.forEach((entry, index) => {
    const young = !entry.complete && entry.time > 0 && now - entry.time < DAY_MS;
    if (index < keep || protectedSet.has(entry.release) || young || (!entry.complete && entry.time === 0)) kept.push(entry.release);
    else deleted.push(entry.release);
  });
  if (!options.dryRun) {
    for (const release of deleted) {
      try {
        await deletePrefix(client, env.state.bucket, joinKey(storePrefix, release));
      } catch (error) {
        core.warning(`Retention could not delete release ${release}: ${errorMessage(error)}`);
      }
    }
  }
  return { kept, deleted, protected: [...protectedSet].filter((release) => releases.includes(release)) };
}
