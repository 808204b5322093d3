import type { S3Client } from '@aws-sdk/client-s3';
import * as core from '@actions/core';
import { errorMessage, publicErrorSummary, ShipkitError } from '@shipkit/core';
import type { LedgerRecord, SlotName } from '@shipkit/ledger';
import { changedKeys, copyPrefix, installCacheControl, peekKeys, readManifestOf, type ManifestLocation } from '@shipkit/s3';
import { joinKey } from '@shipkit/ledger';
import { invalidateEnvironmentCdn, type CdnInvalidation } from './cdn.js';
import { inField } from './field.js';
import { runUserCommand, type ReleaseDescription } from './commands.js';
import { describeLocation, releaseLocation, storedRelease } from './release-store.js';
import { createEcsClient, deployEcs, EcsRolloutError, ecsServiceKey } from './ecs.js';
import { ecsTargetOf, installLocation, type ResolvedEnvironment } from './resolve.js';

export interface InstallRequest extends ReleaseDescription {
  /** The S3 client (s3 target). */
  client?: S3Client;
  /** Values to mask in the deploy command's output. */
  secrets?: string[];
  /** Where the time goes (ms per phase), for the benchmarks. */
  timings?: Record<string, number>;
}

export interface InstallResult {
  target: 's3' | 'command' | 'ecs';
  /** ecs: `cluster/service` -> the task definition ARN each service runs now (rollback re-points at these). */
  taskDefinitions?: Record<string, string>;
  /** ecs: whether new revisions were registered (a deploy) or known ones re-pointed. */
  registered?: boolean;
  /** s3: where it went; command: the command run. */
  where: string;
  copied?: number;
  skipped?: number;
  deleted?: number;
  /** The environment's CDN invalidation after a live install. */
  cdn?: CdnInvalidation;
}

/**
 * Installs a release into the environment (direct) or into `slot` (blue-green). s3: a
 * server-side copy from the release store — changed files only, assets first, entry documents
 * last, then the files of the earlier install that the new release lacks (only those: other keys
 * stay unless `prune: all`), manifest last. command: the user's deploy command.
 */
export async function installRelease(env: ResolvedEnvironment, request: InstallRequest): Promise<InstallResult> {
  if (env.strategy === 'blue-green' && !request.slot) throw new ShipkitError(`Environment ${JSON.stringify(env.name)} is blue-green: an install needs a slot.`);
  if (env.target === 'command') {
    const deploy = env.deploy as string[];
    await runUserCommand(env, deploy, request.operation === 'deploy' ? 'deploy' : `deploy (${request.operation})`, request, request.secrets);
    // A live install (not a blue-green slot): what the CDN cached is stale now.
    const cdn = request.slot ? undefined : await invalidateEnvironmentCdn(env, 'all');
    return { target: 'command', where: deploy.join(' '), ...(cdn ? { cdn } : {}) };
  }
  if (env.target === 'ecs') {
    const target = ecsTargetOf(env, request.slot);
    const result = await deployEcs({ client: createEcsClient(target), target, release: request.release, images: request.images, taskDefinitions: request.taskDefinitions });
    const cdn = request.slot ? undefined : await invalidateEnvironmentCdn(env, 'all');
    return { target: 'ecs', where: target.services.map(ecsServiceKey).join(', '), taskDefinitions: result.taskDefinitions, registered: result.registered, ...(cdn ? { cdn } : {}) };
  }
  const client = request.client;
  if (!client) throw new ShipkitError('installRelease needs an S3 client for an s3 target.');
  const to = installLocation(env, request.slot);
  const from = releaseLocation(env.state, env.app, request.release);
  const field = `${env.file ? `${env.file}: ` : ''}environments.${env.name}${request.slot ? `.slots.${request.slot}` : ''}.s3`;
  const result = await inField(field, describeLocation(to), () => copyPrefix(client, {
    from,
    to: { bucket: to.bucket, prefix: to.prefix ?? '' },
    // Only what an earlier install put there goes (hand-placed files and uploads stay), unless `prune: all`.
    deleteStale: env.prune === 'all' ? true : 'owned',
    meta: { app: env.app, release: request.release, environment: env.name, ...(request.slot ? { slot: request.slot } : {}) },
    cacheControl: installCacheControl(env.cacheControl),
    // shipkit's bookkeeping stays in the state store: the served location holds only the site.
    manifestAt: installManifestLocation(env, request.slot),
    timings: request.timings,
  }));
  // A live install (not a blue-green slot, which the switch invalidates): the CDN drops exactly what changed.
  const changed = changedKeys(result.plan.entries);
  const cdn = request.slot ? undefined : await invalidateEnvironmentCdn(env, changed);
  return { target: 's3', where: describeLocation(to), copied: result.uploaded, skipped: result.skipped, deleted: result.deleted, ...(cdn ? { cdn } : {}) };
}

/**
 * Checks that a release can be installed (s3: it is complete in the release store) before
 * anything changes. Throws a ShipkitError naming `input` otherwise.
 */
export async function checkInstallable(env: ResolvedEnvironment, client: S3Client | undefined, release: string, input: string): Promise<void> {
  if (env.target !== 's3') return;
  if (!client) throw new ShipkitError('An s3 target needs an S3 client.');
  if (!(await storedRelease(client, env, release))) {
    throw new ShipkitError(`Input "${input}" names release ${JSON.stringify(release)}, which is not in the release store (${describeLocation(releaseLocation(env.state, env.app, release))}).`, {
      hint: 'It was never uploaded, or retention removed it. Deploy it with source-dir, or pick a release listed in the ledger.',
    });
  }
}

/** Runs a pre-deploy or post-deploy hook, if the environment defines one. */
export async function runHook(env: ResolvedEnvironment, hook: 'pre-deploy' | 'post-deploy', description: ReleaseDescription, secrets: string[] = []): Promise<boolean> {
  const args = hook === 'pre-deploy' ? env.preDeploy : env.postDeploy;
  if (!args) return false;
  await runUserCommand(env, args, hook, description, secrets);
  return true;
}

/**
 * Whether an install location holds `release` completely, from its install manifest (s3), or —
 * for command targets, which have no manifest — from the ledger: the last deploy or rollback of
 * the location did not end with it marked incomplete. A deploy or rollback is a no-op only when
 * the ledger says the release is live and this says it is complete.
 */
export async function locationHolds(env: ResolvedEnvironment, client: S3Client | undefined, release: string, slot: SlotName | undefined, records: LedgerRecord[]): Promise<boolean> {
  if (env.target === 's3') {
    if (!client) throw new ShipkitError('An s3 target needs an S3 client.');
    const location = installLocation(env, slot);
    const manifest = await readManifestOf(client, location.bucket, location.prefix ?? '', installManifestLocation(env, slot));
    return !!manifest?.complete && manifest.meta?.release === release;
  }
  return !locationIncomplete(records, slot);
}

/** The latest ended deploy/rollback of the location (the slot, or the live location) left it incomplete. */
export function locationIncomplete(records: LedgerRecord[], slot?: SlotName): boolean {
  const last = records.filter((record) => (record.type === 'deploy' || record.type === 'rollback') && record.status !== 'started' && record.slot === slot && !record.details?.noop).at(-1);
  return !!last && last.status === 'failed' && last.details?.incomplete === true;
}

export interface RestoreResult {
  /** The release put back, when the restore succeeded. */
  restored?: string;
  /** Why nothing was restored, or how the restore failed. */
  error?: string;
  /** The location may hold a mix: the next deploy or rollback reinstalls fully (recorded in the ledger). */
  incomplete: boolean;
}

/** What the ledger keeps about a restore after a failed install. */
export function restoreDetails(restore: RestoreResult): { restored?: string; restoreError?: string; incomplete: boolean } {
  return { restored: restore.restored, restoreError: restore.error, incomplete: restore.incomplete };
}

/** The sentence a failed install's error ends with: what serves now. */
export function describeRestore(restore: RestoreResult): string {
  return restore.restored
    ? `The previous release ${restore.restored} was reinstalled and serves as before.`
    : `The previous state could not be restored (${restore.error}): the location is recorded as incomplete, and the next deploy or rollback reinstalls in full.`;
}

/**
 * After an install into a live location failed part-way: reinstalls `release` (what was live
 * before) there — s3 by server-side copy from the release store, entry documents last; command
 * targets by the deploy command with SHIPKIT_OPERATION=restore when the environment has
 * restore-on-failure. Never throws: the result says what happened, for the ledger.
 */
export async function restoreAfterFailure(env: ResolvedEnvironment, request: InstallRequest & { failed: string }, cause?: unknown): Promise<RestoreResult> {
  const what = `${request.release} on ${env.name}${request.slot ? ` (slot ${request.slot})` : ''}`;
  // An ECS rollout that failed already pointed every service it changed back at what it ran before.
  if (cause instanceof EcsRolloutError) return cause.pointedBack ? { restored: request.release, incomplete: false } : { error: 'pointing the services back failed', incomplete: true };
  if (env.target === 'command' && !env.restoreOnFailure) {
    core.warning(`The deploy of ${request.failed} to ${env.name} failed part-way; the previous release ${request.release} is not redeployed (set restore-on-failure: true on the environment to do so). The next deploy or rollback runs in full.`);
    return { error: 'restore-on-failure is not set', incomplete: true };
  }
  core.info(`Restoring ${what} after the failed ${request.operation === 'rollback' ? 'rollback' : 'deploy'} of ${request.failed}.`);
  try {
    await installRelease(env, { ...request, operation: 'restore' });
    core.info(`Restored ${what}: it serves what it served before.`);
    return { restored: request.release, incomplete: false };
  } catch (error) {
    core.error(`Could not restore ${what}: ${errorMessage(error)}. The location is recorded as incomplete; the next deploy or rollback of any release reinstalls it in full.`);
    return { error: publicErrorSummary(error), incomplete: true };
  }
}

/**
 * Before the first deploy into a location: refuses one that already holds objects shipkit did not
 * put there (no install manifest) unless the environment says `adopt: true` — it is someone
 * else's bucket, or a typo. Two requests at most; nothing is written.
 */
export async function checkOwnership(env: ResolvedEnvironment, client: S3Client, slot: SlotName | undefined): Promise<void> {
  if (env.target !== 's3' || env.adopt) return;
  const location = installLocation(env, slot);
  const prefix = location.prefix ?? '';
  if (await readManifestOf(client, location.bucket, prefix, installManifestLocation(env, slot))) return;
  const listed = await peekKeys(client, location.bucket, prefix, 3);
  const keys = listed.keys;
  if (!keys.length) return;
  const field = `${env.file ? `${env.file}: ` : ''}environments.${env.name}${slot ? `.slots.${slot}` : ''}.s3`;
  throw new ShipkitError(
    `${field} ${describeLocation(location)}: it already holds objects shipkit did not put there (${keys.map((key) => JSON.stringify(key.slice(0, 100))).join(', ')}${listed.more ? ', ...' : ''}) and no install manifest — refusing to deploy into someone else's files.`,
    { hint: `Point the environment at an empty bucket or prefix, or set adopt: true on environments.${env.name} to deploy there anyway (installs never delete files they did not write, unless prune: all).` },
  );
}

/**
 * Where an install location's manifest lives: in the state store, next to the ledger
 * (`<state>/installs/<app>/<environment>/<slot or live>.json`), never in the served location.
 */
export function installManifestLocation(env: ResolvedEnvironment, slot: SlotName | undefined): ManifestLocation {
  return { bucket: env.state.bucket, key: joinKey(env.state.prefix, 'installs', env.app, env.name, `${slot ?? 'live'}.json`) };
}

