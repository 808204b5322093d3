import type { TargetKind } from '@shipkit/core';
import type { Ledger, LedgerRecord, SlotName } from '@shipkit/ledger';
import type { CdnInvalidation, CloudRunTraffic, PromotionResult, ReleaseDescription, UploadResult } from '@shipkit/environments';

/** The kinds of target the factory knows (config `target:`; what each can do: @shipkit/core's TARGET_KINDS). */
export type TargetType = TargetKind;

/** What an install is asked to do: put `release` into the environment's live location, or into `slot`. */
export interface InstallRequest extends ReleaseDescription {
  /** Where the time goes (ms per phase), for the benchmarks. */
  timings?: Record<string, number>;
  /** Aborted when the step is cancelled: a long wait (an ECS rollout) stops, points back and throws. */
  signal?: AbortSignal;
}

export interface InstallResult {
  target: TargetType;
  /** ecs: `cluster/service` -> the task definition ARN each service runs now (rollback re-points at these). */
  taskDefinitions?: Record<string, string>;
  /** ecs: whether new revisions were registered (a deploy) or known ones re-pointed. */
  registered?: boolean;
  /** cloud-run: the revision the release runs as (rollback moves traffic back to it). */
  revision?: string;
  /** cloud-run: whether the install created the revision (false: an earlier deploy of the release had, nothing new). */
  created?: boolean;
  /** cloud-run, blue-green: the slot's own URL (its traffic tag's), for smoke tests of the idle slot. */
  url?: string;
  /** The object store: where it went; command: the command run; ecs: the services. */
  where: string;
  copied?: number;
  skipped?: number;
  deleted?: number;
  /** The environment's CDN invalidation after a live install. */
  cdn?: CdnInvalidation;
}

/**
 * What a location ran before a change, saved to the runner's state before the first write, so that
 * the change can be undone by the main step (on failure or cancel) or by the post step (when the main
 * step was killed). Plain JSON.
 */
export interface UndoInfo {
  target: TargetType;
  /** The slot the change writes (blue-green), or undefined for the live location. */
  slot?: SlotName;
  /** The release the location served before, from the ledger (undefined: nothing was live). */
  release?: string;
  /** The images that release was deployed with (command targets get them again). */
  images?: unknown;
  /** ecs: `cluster/service` -> the task definition ARN each service ran before, read from ECS itself. */
  taskDefinitions?: Record<string, string>;
  /** cloud-run: the service's traffic before the change, pinned to revisions (LATEST resolved), read from Cloud Run itself. */
  traffic?: CloudRunTraffic[];
}

/** What really runs in a location, compared with what the ledger records. */
export interface Verification {
  /** The location runs `release` completely. */
  runs: boolean;
  /** In words, for logs and errors: what was found. */
  detail: string;
}

/** How an undo ended, for the ledger and the error message. */
export interface RestoreResult {
  /** The release put back, when the undo succeeded. */
  restored?: string;
  /** Why nothing was restored, or how the restore failed. */
  error?: string;
  /** The location may hold a mix: the next deploy or rollback reinstalls fully (recorded in the ledger). */
  incomplete: boolean;
}

/** Read-only checks of a change, run before the lease and before anything is written. */
export interface ValidateRequest {
  release: string;
  slot?: SlotName;
  /** build-images' images output. */
  images?: unknown;
  /** The release is promoted from this one (deploy-env's from-release). */
  fromRelease?: string;
  /** The release's static files (object-store targets). */
  sourceDir?: string;
  /** deploy (a new install) or rollback (a reinstall of a recorded release). */
  operation: 'deploy' | 'rollback';
}

/** Putting a release where installs take it from (object stores: the release store). */
export interface PrepareRequest {
  release: string;
  sourceDir?: string;
  fromRelease?: string;
  /** The live release: files it already has in the store are copied, not uploaded. */
  previousRelease?: string;
  /** Stored with the release (commit...). */
  details?: Record<string, unknown>;
}

/** What putting a release into the release store did (recorded in the ledger). */
export interface PrepareResult {
  upload?: UploadResult;
  promotion?: PromotionResult;
}

/**
 * How a release is installed somewhere. One file per target and a factory (createTarget), as for
 * routers; deploy-env, rollback, remove-preview and every post step use only this interface.
 */
export interface Target {
  readonly type: TargetType;
  /** Where installs go, for logs: `s3://bucket/prefix`, `cluster/service, ...`, the deploy command. */
  describe(slot?: SlotName): string;
  /** Whether releases are files kept in the release store (uploaded once, installed by server-side copy). */
  readonly storesFiles: boolean;
  /** Puts the release where installs take it from (object stores: uploaded once, or promoted, into the release store). */
  prepare?(request: PrepareRequest): Promise<PrepareResult>;
  /** Read-only checks before the lease: the location is ours, the release can be installed, services exist. */
  validate(request: ValidateRequest): Promise<void>;
  /** What the location runs now: taken before the first write, saved for the undo. */
  undoInfo(slot: SlotName | undefined, live: { release?: string; images?: unknown; taskDefinitions?: Record<string, string> }): Promise<UndoInfo>;
  /** Installs a release into the live location (direct) or a slot. */
  install(request: InstallRequest): Promise<InstallResult>;
  /**
   * Whether the location really runs `release` completely (object store: its install manifest;
   * ecs: DescribeServices against the task definitions recorded for it; command: the ledger).
   * `installed`: the result of the install just made (verified before it is recorded).
   */
  verify(release: string, slot: SlotName | undefined, records: LedgerRecord[], installed?: InstallResult): Promise<Verification>;
  /** Puts back what `undo` says the location ran. Never throws: the result says what happened. */
  undo(undo: UndoInfo, context: { failed: string; records?: LedgerRecord[]; signal?: AbortSignal }): Promise<RestoreResult>;
  /**
   * Removes everything the target installed in the live location (a closed pull request's preview),
   * its install manifest last-but-not-least; returns how many objects went. Targets that cannot remove
   * an install do not have it.
   */
  remove?(): Promise<number>;
  /**
   * After a recorded success: drop what no environment needs any more (object store: release
   * retention). `ledger`: the run's ledger of this environment (read through it, not opened again).
   */
  afterSuccess?(request: { keep: string[]; dryRun?: boolean; ledger?: Ledger }): Promise<void>;
}
