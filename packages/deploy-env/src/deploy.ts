import type { S3Client } from '@aws-sdk/client-s3';
import * as core from '@actions/core';
import { errorMessage, publicErrorSummary, ShipkitError } from '@shipkit/core';
import { idleSlot, imagesOf, rollbackTargetFor, taskDefinitionsOf, type Conflict, type Ledger, type LedgerRecord, type Operation, type SlotName } from '@shipkit/ledger';
import {
  checkInstallable,
  checkPromotable,
  promoteRelease,
  installRelease,
  locationHolds,
  pruneReleases,
  describeRestore,
  restoreAfterFailure,
  restoreDetails,
  runHook,
  slotUrl,
  uploadRelease,
  type GitHubDeployment,
  type InstallResult,
  type PromotionResult,
  type PromotionSource,
  type RestoreResult,
  type ReleaseDescription,
  type ResolvedEnvironment,
  type RetentionResult,
  type UploadResult,
} from '@shipkit/environments';

export interface DeployRequest {
  env: ResolvedEnvironment;
  release: string;
  /** Static files (s3 target). Without it, the release must already be in the release store (promotion). */
  sourceDir?: string;
  /**
   * Promotion: an existing release whose files are copied server-side in the release store to
   * `release` (s3), byte for byte; command targets get it as SHIPKIT_PROMOTED_FROM, with its
   * recorded images unless `images` is given.
   */
  fromRelease?: string;
  /** build-images' output, handed to command targets as SHIPKIT_IMAGES. */
  images?: unknown;
  /** State store client; also the s3 target's. */
  client: S3Client;
  ledger: Ledger;
  mirror?: GitHubDeployment;
  /** Called right after the started record is written (the action saves it for its post step). */
  onStarted?: (started: LedgerRecord) => void;
  /** Called once the GitHub deployment exists (the post step marks it errored if the deploy is interrupted). */
  onMirrored?: (deploymentId: number) => void;
  /** Blue-green: where the router itself sends traffic (nginx reads its include), to never install into a slot taking traffic. */
  routerLive?: () => Promise<SlotName | undefined>;
  secrets?: string[];
  /** Extra details for the ledger (commit...). */
  details?: Record<string, unknown>;
  /** Retention lists what it would delete and why each release stays, and deletes nothing. */
  retentionDryRun?: boolean;
}

export interface DeployOutcome {
  release: string;
  previousRelease?: string;
  /** The last good release to go back to if this one fails (the `previous-release` output). */
  rollbackTarget?: string;
  slot?: SlotName;
  slotUrl?: string;
  url?: string;
  /** The release was already live: nothing installed, a no-op recorded. */
  noop: boolean;
  upload?: UploadResult;
  /** The release this one was promoted from (from-release). */
  promotedFrom?: string;
  /** s3 targets: the server-side copy in the release store. */
  promotion?: PromotionResult;
  install?: InstallResult;
  retention?: RetentionResult;
  conflicts: Conflict[];
  record: LedgerRecord;
}

/**
 * Deploys a release: validates, records `started`, uploads the release to the release store
 * once (s3), runs pre-deploy, installs (direct: the live location; blue-green: the idle slot,
 * never the live one), runs post-deploy, records `succeeded` or `failed` in a finally, then
 * applies retention. A deploy of the live release is a recorded no-op.
 */
export async function deploy(request: DeployRequest): Promise<DeployOutcome> {
  const { env, release, ledger, client } = request;
  const { state, records } = await ledger.read();
  const previousRelease = state.live?.release;
  const blueGreen = env.strategy === 'blue-green';

  // A no-op only when the ledger says the release is live AND the location holds it completely
  // (a failed install whose restore also failed leaves the location incomplete: reinstall then).
  const liveComplete = !!state.live && state.live.release === release && (blueGreen || (await locationHolds(env, client, release, undefined, records)));
  if (state.live && state.live.release === release && !liveComplete) {
    core.warning(`Release ${release} is live on ${env.name} according to the ledger, but its location does not hold it completely (an earlier install failed part-way): installing it again.`);
  }
  if (state.live && state.live.release === release && liveComplete) {
    const slot = state.live.slot;
    const operation = await ledger.begin({ type: 'deploy', release, slot, previousRelease, previousSlot: slot, details: { ...request.details, noop: true } }, state);
    const record = await operation.succeed();
    core.info(`Release ${release} is already live on ${env.name}${slot ? ` (slot ${slot})` : ''}: nothing to do (recorded as a no-op).`);
    await request.mirror?.start();
    await request.mirror?.status('success', `${release} already live`);
    return { release, previousRelease, rollbackTarget: rollbackTargetFor(state, release), slot, slotUrl: slot ? slotUrl(env, slot) : undefined, url: env.url, noop: true, conflicts: operation.conflicts, record };
  }

  // Validate before anything changes.
  const source: PromotionSource | undefined = request.fromRelease ? await checkPromotable(client, env, request.fromRelease, release) : undefined;
  if (env.target === 's3' && !request.sourceDir && !source) await checkInstallable(env, client, release, 'release');
  const images = request.images ?? source?.images;
  const slot = blueGreen ? idleSlot(state) : undefined;
  if (blueGreen && slot === state.live?.slot) throw new ShipkitError(`Refusing to install into the live slot ${slot}.`);
  if (blueGreen && slot && state.live && request.routerLive) {
    let routed: SlotName | undefined;
    try {
      routed = await request.routerLive();
    } catch (error) {
      core.debug(`Could not ask the router which slot is live: ${errorMessage(error)}`);
    }
    if (routed === slot) {
      throw new ShipkitError(`Refusing to install into slot ${slot} of ${env.name}: the router sends live traffic to it, although the ledger records ${state.live.slot} as live.`, {
        hint: `Someone switched by hand, or a switch was interrupted. Run blue-green-switch with to: ${routed} to record where traffic goes, then deploy again.`,
      });
    }
  }

  const description: ReleaseDescription = { release, slot, previousRelease, images, sourceDir: request.sourceDir, promotedFrom: source?.release, operation: 'deploy' };
  const operation: Operation = await ledger.begin(
    {
      type: 'deploy',
      release,
      slot,
      previousRelease,
      previousSlot: state.live?.slot,
      details: {
        ...request.details,
        target: env.target,
        strategy: env.strategy,
        ...(images !== undefined ? { images } : {}),
        ...(source ? { promotedFrom: source.release } : {}),
      },
    },
    state,
  );
  request.onStarted?.(operation.started);
  await request.mirror?.start();
  if (request.mirror?.deploymentId !== undefined) request.onMirrored?.(request.mirror.deploymentId);

  let upload: UploadResult | undefined;
  let promotion: PromotionResult | undefined;
  let install: InstallResult | undefined;
  let installed = false;
  let installing = false;
  let step: 'upload' | 'promote' | 'pre-deploy' | 'install' | 'post-deploy' = 'upload';
  try {
    if (env.target === 's3' && source) {
      step = 'promote';
      // Build once: the tested release's bytes, copied inside the store; nothing comes from the runner.
      promotion = await promoteRelease(client, env, source, release, request.details);
      core.info(
        promotion.reused
          ? `Release ${release} is already in the release store as a copy of ${source.release}: nothing copied.`
          : `Release ${release} promoted from ${source.release} in the release store: ${promotion.copied} of ${promotion.files} files copied server-side, none uploaded.`,
      );
    } else if (env.target === 's3' && request.sourceDir) {
      // Files the live release already has in the store are copied server-side, not uploaded again.
      upload = await uploadRelease(client, env, release, request.sourceDir, request.details, previousRelease ? [previousRelease] : []);
      core.info(
        upload.reused
          ? `Release ${release} is already in the release store with the same content: not uploaded again.`
          : `Release ${release} put in the release store: ${upload.uploaded} uploaded, ${upload.copied ?? 0} copied from ${previousRelease ?? '-'}, ${upload.skipped} already there.`,
      );
    }
    step = 'pre-deploy';
    await runHook(env, 'pre-deploy', description, request.secrets);
    step = 'install';
    installing = true;
    install = await installRelease(env, { ...description, client, secrets: request.secrets });
    installed = true;
    step = 'post-deploy';
    await runHook(env, 'post-deploy', description, request.secrets);
  } catch (error) {
    const failure = error instanceof ShipkitError ? error : new ShipkitError(errorMessage(error));
    // Direct: the live location began to change. Put back what served before, then fail.
    let restore: RestoreResult | undefined;
    if (installing && !blueGreen) {
      restore = previousRelease
        ? await restoreAfterFailure(env, { release: previousRelease, previousRelease: release, failed: release, images: imagesOf(records, previousRelease), taskDefinitions: taskDefinitionsOf(records, previousRelease), operation: 'restore', client, secrets: request.secrets }, error)
        : { error: 'nothing was live before', incomplete: true };
    }
    await operation.fail(failure, { details: { installed, failedStep: step, ...(install ? { install } : {}), ...(restore ? restoreDetails(restore) : {}) } }).catch((recordError) => core.warning(`Could not record the failure in the ledger: ${errorMessage(recordError)}`));
    await request.mirror?.status('failure', `${release} failed: ${publicErrorSummary(failure)}`.slice(0, 140));
    if (!restore) throw error;
    throw new ShipkitError(`${failure.message} ${describeRestore(restore)}`, { hint: failure.hint, cause: error });
  }
  const record = await operation.succeed({ details: { install, ...(source ? { promotedFrom: source.release } : {}), ...(promotion ? { promotion } : {}), ...(upload ? { upload: { reused: upload.reused, uploaded: upload.uploaded, copied: upload.copied, files: upload.files } } : {}) } });
  await request.mirror?.status('success', `${release} deployed${slot ? ` to slot ${slot}` : ''}`);

  let retention: RetentionResult | undefined;
  if (env.target === 's3') {
    try {
      retention = await pruneReleases(client, env, { alsoKeep: source ? [release, source.release] : [release], dryRun: request.retentionDryRun });
      if (request.retentionDryRun) {
        core.info(`Retention (dry run, nothing deleted): would remove ${retention.deleted.length ? retention.deleted.join(', ') : 'nothing'}.`);
        for (const [kept, why] of Object.entries(retention.reasons)) core.info(`  keeps ${kept}: ${why.join('; ')}`);
      } else if (retention.deleted.length) {
        core.info(`Retention: removed ${retention.deleted.length} release(s) no environment needs: ${retention.deleted.join(', ')}.`);
      }
    } catch (error) {
      core.warning(`Retention skipped: ${errorMessage(error)}`);
    }
  }
  return { release, previousRelease, rollbackTarget: rollbackTargetFor(state, release), slot, slotUrl: slot ? slotUrl(env, slot) : undefined, url: env.url, noop: false, upload, promotedFrom: source?.release, promotion, install, retention, conflicts: operation.conflicts, record };
}

