import type { S3Client } from '@aws-sdk/client-s3';
import { runner, publicErrorSummary, ShipkitError } from '@shipkit/core';
import { idleSlot, imagesOf, rollbackTargetFor, taskDefinitionsOf, type Conflict, type Ledger, type LedgerRecord, type LedgerState, type SlotName } from '@shipkit/ledger';
import { checkPromotable, runHook, slotUrl, type GitHubDeployment, type PromotionResult, type ReleaseDescription, type ResolvedEnvironment, type RetentionResult, type UploadResult } from '@shipkit/environments';
import { readTraffic, refuseSlotWithTraffic, type Router } from '@shipkit/routers';
import { Change, type ChangeState, type Fence, type InstallResult, type Target } from '@shipkit/targets';

export interface DeployRequest {
  env: ResolvedEnvironment;
  release: string;
  /** The environment's target (createTarget). */
  target: Target;
  /** Static files (object-store targets). Without it, the release must already be in the release store (promotion). */
  sourceDir?: string;
  /**
   * Promotion: an existing release whose files are copied server-side in the release store to
   * `release` (object stores), byte for byte; command targets get it as SHIPKIT_PROMOTED_FROM, with its
   * recorded images unless `images` is given.
   */
  fromRelease?: string;
  /** build-images' output, handed to command targets as SHIPKIT_IMAGES. */
  images?: unknown;
  /** State store client. */
  client: S3Client;
  ledger: Ledger;
  /** The environment's lease: checked before every write phase. */
  fence?: Fence;
  /** Aborted when the step is cancelled. */
  signal?: AbortSignal;
  /** The change's state, saved for the post step as it goes. */
  changeState?: ChangeState;
  saveChange?: (state: ChangeState) => void;
  mirror?: GitHubDeployment;
  /** Called once the GitHub deployment exists (the post step marks it errored if the deploy is interrupted). */
  onMirrored?: (deploymentId: number) => void;
  /** Blue-green: the environment's router, read to never install into a slot taking any traffic. */
  router?: Router;
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
  /** The release was already live and runs there (verified): nothing installed, a no-op recorded. */
  noop: boolean;
  upload?: UploadResult;
  /** The release this one was promoted from (from-release). */
  promotedFrom?: string;
  /** Object stores: the server-side copy in the release store. */
  promotion?: PromotionResult;
  install?: InstallResult;
  retention?: RetentionResult;
  conflicts: Conflict[];
  record: LedgerRecord;
}

/**
 * The slot a deploy installs into (blue-green: the idle one); undefined for direct. Never a slot
 * that receives any live traffic: the router's own reading (a share of a split included) and the
 * ledger's open canary are both checked, and a router that cannot be read is an error.
 */
export async function deploySlot(env: ResolvedEnvironment, state: LedgerState, router?: Router): Promise<SlotName | undefined> {
  if (env.strategy !== 'blue-green') return undefined;
  const slot = idleSlot(state);
  if (slot === state.live?.slot) throw new ShipkitError(`Refusing to install into the live slot ${slot}.`);
  // Before the first switch nothing is live in the ledger, and the router's first slot is filled (a listener created pointing at blue).
  const view = await readTraffic(state.live ? router : undefined, state, `deploy-env (it never installs into a slot that receives traffic)`);
  if (view.router && !view.ledger && state.live && view.router[slot] === 100) {
    throw new ShipkitError(`Refusing to install into slot ${slot} of ${env.name}: the router sends live traffic to it, although the ledger records ${state.live.slot} as live.`, {
      hint: `Someone switched by hand, or a switch was interrupted. Run blue-green-switch with to: ${slot} to record where traffic goes, then deploy again.`,
    });
  }
  refuseSlotWithTraffic({ environment: env.name, slot, view, state, doing: 'install into' });
  return slot;
}

/**
 * Deploys a release as one transaction (the caller holds the lease and validated the request):
 * decides a no-op by what really runs (the target's verify, not the ledger alone), saves what the
 * location runs for the undo, records `started`, puts the release into the release store (object
 * stores), runs pre-deploy, installs (direct: the live location; blue-green: the idle slot, never
 * the live one), runs post-deploy, verifies, records `succeeded`, then applies retention. A failure
 * or a cancel undoes the live location and records what runs.
 */
export async function deploy(request: DeployRequest): Promise<DeployOutcome> {
  const { env, release, ledger, target } = request;
  const { state, records } = await ledger.read();
  const previousRelease = state.live?.release;
  const slot = await deploySlot(env, state, request.router);

  // A no-op only when the ledger says the release is live AND the target confirms it runs there.
  if (state.live && state.live.release === release) {
    const verified = await target.verify(release, state.live.slot, records);
    if (verified.runs) {
      const liveSlot = state.live.slot;
      const operation = await ledger.begin({ type: 'deploy', release, slot: liveSlot, previousRelease, previousSlot: liveSlot, details: { ...request.details, noop: true, verified: verified.detail } }, state);
      const record = await operation.succeed();
      runner.info(`Release ${release} is already live on ${env.name}${liveSlot ? ` (slot ${liveSlot})` : ''} and ${verified.detail}: nothing to do (recorded as a no-op).`);
      await request.mirror?.start();
      await request.mirror?.status('success', `${release} already live`);
      return { release, previousRelease, rollbackTarget: rollbackTargetFor(state, release), slot: liveSlot, slotUrl: liveSlot ? slotUrl(env, liveSlot) : undefined, url: env.url, noop: true, conflicts: operation.conflicts, record };
    }
    runner.warning(`Release ${release} is live on ${env.name} according to the ledger, but ${verified.detail}: installing it again.`);
  }

  const images = request.images ?? (request.fromRelease ? imagesOf(records, request.fromRelease) ?? (await promotedImages(request)) : undefined);
  const change = new Change({ target, ledger, fence: request.fence, signal: request.signal, state: request.changeState, save: request.saveChange, environment: env.name });
  // What the location runs now, saved before the first write: the undo of a failure or a cancel.
  await change.saveUndo(slot, { release: slot ? state.slots[slot]?.release : previousRelease, images: previousRelease ? imagesOf(records, previousRelease) : undefined, taskDefinitions: previousRelease ? taskDefinitionsOf(records, previousRelease, slot) : undefined });

  const description: ReleaseDescription = { release, slot, previousRelease, images, sourceDir: request.sourceDir, promotedFrom: request.fromRelease, operation: 'deploy' };
  const operation = await change.begin(() =>
    ledger.begin(
      {
        type: 'deploy',
        release,
        slot,
        previousRelease,
        previousSlot: state.live?.slot,
        details: { ...request.details, target: env.target, strategy: env.strategy, ...(images !== undefined ? { images } : {}), ...(request.fromRelease ? { promotedFrom: request.fromRelease } : {}) },
      },
      state,
    ),
  );
  await request.mirror?.start();
  if (request.mirror?.deploymentId !== undefined) request.onMirrored?.(request.mirror.deploymentId);

  let prepared: Awaited<ReturnType<NonNullable<Target['prepare']>>> = {};
  let install: InstallResult | undefined;
  let installed = false;
  let step: 'upload' | 'pre-deploy' | 'install' | 'post-deploy' | 'verify' | 'record' = 'upload';
  let record: LedgerRecord;
  try {
    if (target.prepare) {
      await change.fence('upload');
      prepared = await target.prepare({ release, sourceDir: request.sourceDir, fromRelease: request.fromRelease, previousRelease, details: request.details });
    }
    step = 'pre-deploy';
    // A hook is the user's write: fenced like the install (no request when there is none).
    if (env.preDeploy) await change.fence('pre-deploy');
    await runHook(env, 'pre-deploy', description, request.secrets);
    step = 'install';
    await change.startWriting('install');
    install = await target.install({ ...description, signal: request.signal });
    installed = true;
    step = 'post-deploy';
    if (env.postDeploy) await change.fence('post-deploy');
    await runHook(env, 'post-deploy', description, request.secrets);
    step = 'verify';
    const verified = await target.verify(release, slot, records, install);
    if (!verified.runs) throw new ShipkitError(`The install of ${release} on ${env.name}${slot ? ` (slot ${slot})` : ''} finished, but ${verified.detail}.`);
    // The success record is the change's last write: a cancel or a lost lease up to here is undone like any failure.
    step = 'record';
    record = await change.succeed({
      details: {
        install,
        ...(request.fromRelease ? { promotedFrom: request.fromRelease } : {}),
        ...(prepared.promotion ? { promotion: prepared.promotion } : {}),
        ...(prepared.upload ? { upload: { reused: prepared.upload.reused, uploaded: prepared.upload.uploaded, copied: prepared.upload.copied, files: prepared.upload.files } } : {}),
      },
    });
  } catch (error) {
    const failure = await change.fail(error, { installed, failedStep: step, ...(install ? { install } : {}) });
    await request.mirror?.status('failure', `${release} failed: ${publicErrorSummary(failure)}`.slice(0, 140)).catch(() => undefined);
    throw failure;
  }
  await request.mirror?.status('success', `${release} deployed${slot ? ` to slot ${slot}` : ''}`);

  await target.afterSuccess?.({ keep: request.fromRelease ? [release, request.fromRelease] : [release], dryRun: request.retentionDryRun, ledger });
  return { release, previousRelease, rollbackTarget: rollbackTargetFor(state, release), slot, slotUrl: slot ? (slotUrl(env, slot) ?? install?.url) : undefined, url: env.url, noop: false, upload: prepared.upload, promotedFrom: request.fromRelease, promotion: prepared.promotion, install, conflicts: operation.conflicts, record };
}

/** The images recorded for a promoted release in any of the app's ledgers (command and ecs targets deploy them again). */
async function promotedImages(request: DeployRequest): Promise<unknown> {
  return (await checkPromotable(request.client, request.env, request.fromRelease!, request.release, 'from-release', request.target.storesFiles)).images;
}
