import type { S3Client } from '@aws-sdk/client-s3';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { runner, errorMessage, publicErrorSummary, ShipkitError } from '@shipkit/core';
import type { Ledger, SlotName } from '@shipkit/ledger';
import {
  checkPromotable,
  checkReleaseUnchanged,
  describeLocation,
  inField,
  installLocation,
  installManifestLocation,
  invalidateEnvironmentCdn,
  promoteRelease,
  pruneReleases,
  releaseLocation,
  storedRelease,
  uploadRelease,
  type ResolvedEnvironment,
} from '@shipkit/environments';
import { changedKeys, copyPrefix, deletePrefix, installCacheControl, peekKeys, readManifestOf } from '@shipkit/s3';
import type { InstallRequest, InstallResult, PrepareRequest, PrepareResult, RestoreResult, Target, UndoInfo, ValidateRequest, Verification } from './types.js';

/**
 * A static site in an object store (S3 or an S3-compatible store, or Azure Blob Storage through the
 * same client): releases are kept once in the release store and installed by server-side copy —
 * changed files only, assets first, entry documents last, stale files (only those shipkit put there)
 * after, the install manifest in the state store last.
 */
export class ObjectStoreTarget implements Target {
  readonly type = 's3' as const;
  readonly storesFiles = true;

  constructor(
    private readonly env: ResolvedEnvironment,
    private readonly client: S3Client,
  ) {}

  describe(slot?: SlotName): string {
    return describeLocation(installLocation(this.env, slot));
  }

  private field(slot: SlotName | undefined): string {
    return `${this.env.file ? `${this.env.file}: ` : ''}environments.${this.env.name}${slot ? `.slots.${slot}` : ''}.s3`;
  }

  async validate(request: ValidateRequest): Promise<void> {
    await this.checkOwnership(request.slot);
    // Releases are immutable: a stored release name deployed from other files is refused here, before anything changes.
    if (request.sourceDir && !request.fromRelease) await checkReleaseUnchanged(this.client, this.env, request.release, request.sourceDir);
    // A release installed from the store (a rollback, a promotion, a re-deploy without files) must be complete there.
    if (request.operation === 'rollback' || (!request.sourceDir && !request.fromRelease)) await this.checkInstallable(request.release, request.operation === 'rollback' ? 'to' : 'release');
    if (request.fromRelease) await checkPromotable(this.client, this.env, request.fromRelease, request.release, 'from-release', true);
  }

  /** The release is complete in the release store; throws naming `input` otherwise. */
  async checkInstallable(release: string, input: string): Promise<void> {
    if (!(await storedRelease(this.client, this.env, release))) {
      throw new ShipkitError(`Input "${input}" names release ${JSON.stringify(release)}, which is not in the release store (${describeLocation(releaseLocation(this.env.state, this.env.app, release))}).`, {
        hint: 'It was never uploaded, or retention removed it. Deploy it with source-dir, or pick a release listed in the ledger.',
      });
    }
  }

  /**
   * Before the first deploy into a location: refuses one that already holds objects shipkit did not
   * put there (no install manifest) unless the environment says `adopt: true`. Two requests at most.
   */
  private async checkOwnership(slot: SlotName | undefined): Promise<void> {
    if (this.env.adopt) return;
    const location = installLocation(this.env, slot);
    const prefix = location.prefix ?? '';
    if (await readManifestOf(this.client, location.bucket, prefix, installManifestLocation(this.env, slot))) return;
    const listed = await peekKeys(this.client, location.bucket, prefix, 3);
    const keys = listed.keys;
    if (!keys.length) return;
    throw new ShipkitError(
      `${this.field(slot)} ${describeLocation(location)}: it already holds objects shipkit did not put there (${keys.map((key) => JSON.stringify(key.slice(0, 100))).join(', ')}${listed.more ? ', ...' : ''}) and no install manifest — refusing to deploy into someone else's files.`,
      { hint: `Point the environment at an empty bucket or prefix, or set adopt: true on environments.${this.env.name} to deploy there anyway (installs never delete files they did not write, unless prune: all).` },
    );
  }

  /** Puts the release into the release store: promoted server-side from `fromRelease`, or uploaded once from `sourceDir`. */
  async prepare(request: PrepareRequest): Promise<PrepareResult> {
    if (request.fromRelease) {
      // Build once: the tested release's bytes, copied inside the store; nothing comes from the runner.
      const source = await checkPromotable(this.client, this.env, request.fromRelease, request.release, 'from-release', true);
      const promotion = await promoteRelease(this.client, this.env, source, request.release, request.details);
      runner.info(
        promotion.reused
          ? `Release ${request.release} is already in the release store as a copy of ${source.release}: nothing copied.`
          : `Release ${request.release} promoted from ${source.release} in the release store: ${promotion.copied} of ${promotion.files} files copied server-side, none uploaded.`,
      );
      return { promotion };
    }
    if (request.sourceDir) {
      // Files the live release already has in the store are copied server-side, not uploaded again.
      const upload = await uploadRelease(this.client, this.env, request.release, request.sourceDir, request.details, request.previousRelease ? [request.previousRelease] : []);
      runner.info(
        upload.reused
          ? `Release ${request.release} is already in the release store with the same content: not uploaded again.`
          : `Release ${request.release} put in the release store: ${upload.uploaded} uploaded, ${upload.copied ?? 0} copied from ${request.previousRelease ?? '-'}, ${upload.skipped} already there.`,
      );
      return { upload };
    }
    return {};
  }

  async undoInfo(slot: SlotName | undefined, live: { release?: string }): Promise<UndoInfo> {
    return { target: this.type, slot, ...(live.release ? { release: live.release } : {}) };
  }

  async install(request: InstallRequest): Promise<InstallResult> {
    const { env, client } = this;
    const to = installLocation(env, request.slot);
    const from = releaseLocation(env.state, env.app, request.release);
    const result = await inField(this.field(request.slot), describeLocation(to), () =>
      copyPrefix(client, {
        from,
        to: { bucket: to.bucket, prefix: to.prefix ?? '' },
        // Only what an earlier install put there goes (hand-placed files and uploads stay), unless `prune: all`.
        deleteStale: env.prune === 'all' ? true : 'owned',
        meta: { app: env.app, release: request.release, environment: env.name, ...(request.slot ? { slot: request.slot } : {}) },
        cacheControl: installCacheControl(env.cacheControl),
        // shipkit's bookkeeping stays in the state store: the served location holds only the site.
        manifestAt: installManifestLocation(env, request.slot),
        timings: request.timings,
      }),
    );
    // A live install (not a blue-green slot, which the switch invalidates): the CDN drops exactly what changed.
    const changed = changedKeys(result.plan.entries);
    const cdn = request.slot ? undefined : await invalidateEnvironmentCdn(env, changed);
    return { target: this.type, where: describeLocation(to), copied: result.uploaded, skipped: result.skipped, deleted: result.deleted, ...(cdn ? { cdn } : {}) };
  }

  async verify(release: string, slot: SlotName | undefined): Promise<Verification> {
    const location = installLocation(this.env, slot);
    const manifest = await readManifestOf(this.client, location.bucket, location.prefix ?? '', installManifestLocation(this.env, slot));
    if (!manifest) return { runs: false, detail: `${describeLocation(location)} has no install manifest` };
    const holds = manifest.meta?.release;
    if (!manifest.complete) return { runs: false, detail: `${describeLocation(location)} holds an unfinished install of ${String(holds ?? '?')}` };
    return holds === release ? { runs: true, detail: `${describeLocation(location)} holds ${release} completely` } : { runs: false, detail: `${describeLocation(location)} holds ${String(holds ?? 'an unknown release')}` };
  }

  async undo(undo: UndoInfo, context: { failed: string }): Promise<RestoreResult> {
    const what = `${undo.release ?? '?'} on ${this.env.name}${undo.slot ? ` (slot ${undo.slot})` : ''}`;
    if (!undo.release) return { error: 'nothing was live before', incomplete: true };
    runner.info(`Restoring ${what} after the failed change to ${context.failed}.`);
    try {
      await this.install({ release: undo.release, slot: undo.slot, previousRelease: context.failed, operation: 'restore' });
      runner.info(`Restored ${what}: it serves what it served before.`);
      return { restored: undo.release, incomplete: false };
    } catch (error) {
      runner.error(`Could not restore ${what}: ${errorMessage(error)}. The location is recorded as incomplete; the next deploy or rollback of any release reinstalls it in full.`);
      return { error: publicErrorSummary(error), incomplete: true };
    }
  }

  async remove(): Promise<number> {
    const location = installLocation(this.env, undefined);
    const deleted = await deletePrefix(this.client, location.bucket, location.prefix ?? '');
    const manifest = installManifestLocation(this.env, undefined);
    await this.client.send(new DeleteObjectCommand({ Bucket: manifest.bucket, Key: manifest.key }));
    return deleted;
  }

  async afterSuccess(request: { keep: string[]; dryRun?: boolean; ledger?: Ledger }): Promise<void> {
    try {
      const retention = await pruneReleases(this.client, this.env, { alsoKeep: request.keep, dryRun: request.dryRun, ledger: request.ledger });
      if (request.dryRun) {
        runner.info(`Retention (dry run, nothing deleted): would remove ${retention.deleted.length ? retention.deleted.join(', ') : 'nothing'}.`);
        for (const [kept, why] of Object.entries(retention.reasons)) runner.info(`  keeps ${kept}: ${why.join('; ')}`);
      } else if (retention.deleted.length) {
        runner.info(`Retention: removed ${retention.deleted.length} release(s) no environment needs: ${retention.deleted.join(', ')}.`);
      }
    } catch (error) {
      runner.warning(`Retention skipped: ${errorMessage(error)}`);
    }
  }
}
