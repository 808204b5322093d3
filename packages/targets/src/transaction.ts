import type { S3Client } from '@aws-sdk/client-s3';
import { runner, errorMessage, publicErrorSummary, setPostPending, ShipkitError } from '@shipkit/core';
import { EnvironmentLease, isLeaseLost, openLedger, Operation, runInfoFromEnv, type Ledger, type LedgerRecord, type SlotName, type StateLocation } from '@shipkit/ledger';
import type { AwsSettings } from '@shipkit/environments';
import type { RestoreResult, Target, UndoInfo } from './types.js';

/**
 * Every change of an environment is one transaction, the same for every target:
 * validate everything -> take the lease -> save undo information (to the runner's state) -> write,
 * checking before each write phase that the lease is still this run's and the step was not
 * cancelled -> verify -> record -> release. A failure, a cancel (SIGINT/SIGTERM) and a post step
 * after an unfinished main step all end the same way: undo, record what really runs, release.
 */

/** The step was cancelled (the runner sent SIGINT or SIGTERM): nothing more is written but the undo. */
export class CancelledError extends ShipkitError {
  constructor(what: string) {
    super(`Cancelled: ${what} was stopped before it finished (the runner sent a cancel).`, { hint: 'The environment was put back to what it served before; re-run to complete the change.' });
    this.name = 'CancelledError';
  }
}

/**
 * The runner's cancel as an AbortSignal: GitHub sends SIGINT, then SIGTERM 7.5 s later, then kills
 * the step. The first signal aborts (the change stops writing, undoes, records and releases); the
 * process is not ended by it. `dispose` restores the default handling.
 */
export function cancellation(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (!controller.signal.aborted) runner.warning(`Received ${name}: stopping before the next write, then putting back what served before.`);
    controller.abort(new CancelledError('the change'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** What a lease offers a change: a check before each write phase (throws when the lease is no longer this run's). */
export interface Fence {
  check(phase: string): Promise<void>;
}

/** What a change saves in the runner's state as it goes, so that its post step can finish it. Plain JSON. */
export interface ChangeState {
  version: 1;
  /** Where the ledger and the lease live. */
  where: { state: StateLocation; app: string; environment: string; aws: AwsSettings };
  /** What the change does, in words (`deploy v2`). */
  operation: string;
  release: string;
  lease?: { key: string; token: string };
  /** What the location ran before: saved before the first write. */
  undo?: UndoInfo;
  /** The ledger's started record of the change. */
  started?: LedgerRecord;
  /** The location may have begun to change: an unfinished change is undone. */
  writing?: boolean;
  /** The main step recorded the end (and undid what it had to): nothing left but the lease. */
  ended?: boolean;
}

export const CHANGE_STATE = 'change';

/**
 * Whether a post step has anything to do with this saved state (finishInterrupted's own test): a
 * lease to release, or a change started and not ended.
 */
export function changeNeedsPost(state: ChangeState): boolean {
  return Boolean(state.lease) || Boolean(state.started && !state.ended);
}

/**
 * Saves the change's state for the post step (the runner's GITHUB_STATE; the last value of a key
 * wins), and tells the post entry whether it has work: `pending` before a state with work, `idle`
 * after one without (so a main step killed between the two writes still runs its post step).
 */
export function saveChangeState(state: ChangeState): void {
  const needsPost = changeNeedsPost(state);
  if (needsPost) setPostPending(true);
  runner.saveState(CHANGE_STATE, JSON.stringify(state));
  if (!needsPost) setPostPending(false);
}

/**
 * After the main step released the lease: a change that ended (or never started) leaves its post
 * step nothing, so the lease is dropped from the state and the post entry told `idle`. A change
 * that did not record its end keeps the lease in its state: its post step must find the lease no
 * longer held before it touches anything.
 */
export function saveLeaseReleased(state: ChangeState): void {
  if (state.started && !state.ended) return;
  delete state.lease;
  saveChangeState(state);
}

export function readChangeState(): ChangeState | undefined {
  const text = runner.getState(CHANGE_STATE);
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as ChangeState;
    return parsed?.version === 1 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** What the ledger keeps about an undo. */
export function restoreDetails(restore: RestoreResult): { restored?: string; restoreError?: string; incomplete: boolean } {
  return { restored: restore.restored, restoreError: restore.error, incomplete: restore.incomplete };
}

/** The sentence a failed change's error ends with: what serves now. */
export function describeRestore(restore: RestoreResult): string {
  return restore.restored
    ? `The previous release ${restore.restored} was reinstalled and serves as before.`
    : `The previous state could not be restored (${restore.error}): the location is recorded as incomplete, and the next deploy or rollback reinstalls in full.`;
}

export interface ChangeOptions {
  target: Target;
  ledger: Ledger;
  /** The environment's lease (its check runs before every write phase). */
  fence?: Fence;
  /** Aborted when the step is cancelled. */
  signal?: AbortSignal;
  /** Saved to the runner's state at every step (the post step finishes an unfinished change from it). */
  state?: ChangeState;
  save?: (state: ChangeState) => void;
  /** Environment name, for messages. */
  environment: string;
}

/**
 * One change of one location (the live location, or a slot), driven by its action: the undo
 * information is saved before the first write, every write phase is fenced, and a failure or a
 * cancel is undone and recorded the same way.
 */
export class Change {
  undo?: UndoInfo;
  operation?: Operation;
  writing = false;

  constructor(private readonly options: ChangeOptions) {}

  private persist(patch: Partial<ChangeState>): void {
    if (!this.options.state || !this.options.save) return;
    Object.assign(this.options.state, patch);
    this.options.save(this.options.state);
  }

  /** Before a write phase: stop when cancelled; make sure the lease is still this run's. */
  async fence(phase: string): Promise<void> {
    if (this.options.signal?.aborted) throw new CancelledError(`${this.options.state?.operation ?? 'the change'} on ${this.options.environment} (before ${phase})`);
    await this.options.fence?.check(phase);
  }

  /** Reads what the location runs now (the target's undo information) and saves it, before the first write. */
  async saveUndo(slot: SlotName | undefined, live: { release?: string; images?: unknown; taskDefinitions?: Record<string, string> }): Promise<UndoInfo> {
    this.undo = await this.options.target.undoInfo(slot, live);
    this.persist({ undo: this.undo });
    return this.undo;
  }

  /** The started record is written (fenced): saved for the post step. */
  async begin(start: () => Promise<Operation>): Promise<Operation> {
    await this.fence('record');
    this.operation = await start();
    this.persist({ started: this.operation.started });
    return this.operation;
  }

  /** The location is about to change (fenced): from here on an unfinished change is undone. */
  async startWriting(phase = 'install'): Promise<void> {
    await this.fence(phase);
    this.writing = true;
    this.persist({ writing: true });
  }

  /** Records the success (fenced: a run that lost its lease records nothing as succeeded). */
  async succeed(extra: Parameters<Operation['succeed']>[0] = {}): Promise<LedgerRecord> {
    await this.fence('record');
    const record = await this.operation!.succeed(extra);
    this.persist({ ended: true });
    return record;
  }

  /**
   * Ends a failed or cancelled change: undoes the live location when it began to change (a slot
   * takes no traffic: nothing to undo), records the failure (`cancelled`, what was restored, or
   * `incomplete`), and returns the error to throw. A run that lost its lease undoes and records
   * nothing: another run changes the environment now.
   */
  async fail(error: unknown, details: Record<string, unknown> = {}): Promise<ShipkitError> {
    const failure = error instanceof ShipkitError ? error : new ShipkitError(errorMessage(error), { cause: error });
    if (isLeaseLost(error)) {
      runner.info('This run lost its lease: nothing more is written by it (no undo, no record).');
      this.persist({ ended: true });
      return failure;
    }
    const cancelled = error instanceof CancelledError || !!this.options.signal?.aborted;
    let restore: RestoreResult | undefined;
    if (this.writing && this.undo && !this.undo.slot) {
      restore = await this.options.target.undo(this.undo, { failed: this.options.state?.release ?? '?' });
    }
    if (this.operation) {
      await this.operation
        .fail(failure, { details: { ...details, ...(cancelled ? { cancelled: true } : {}), ...(restore ? restoreDetails(restore) : {}) } })
        .catch((recordError) => runner.warning(`Could not record the failure in the ledger: ${errorMessage(recordError)}`));
    }
    this.persist({ ended: true });
    if (!restore) return failure;
    return new ShipkitError(`${failure.message} ${describeRestore(restore)}`, { hint: failure.hint, cause: error });
  }
}

export interface FinishOptions {
  saved: ChangeState;
  /** The state store's client. */
  client: S3Client;
  /** The target of the environment (re-resolved by the post step from the same inputs); undefined when it cannot be built. */
  target?: () => Target;
  /** The action, for messages: `deploy-env`. */
  action: string;
}

/**
 * The post step of a change whose main step did not finish (cancelled, killed): with the lease
 * still this run's, undoes the live location when it began to change, records the change as failed
 * (`cancelled: true`, or `incomplete` naming what runs when the undo failed), and releases the lease.
 * A change whose end is recorded only gets its lease released; a lease another run holds now means
 * nothing is touched.
 */
export async function finishInterrupted(options: FinishOptions): Promise<void> {
  const { saved, client } = options;
  const { where } = saved;
  const leaseKey = saved.lease?.key;
  const releaseLease = async () => {
    if (!saved.lease || !leaseKey) return;
    try {
      if (await EnvironmentLease.releaseToken(client, where.state.bucket, leaseKey, saved.lease.token)) runner.info(`Released the environment lease the interrupted ${options.action} held.`);
    } catch (error) {
      runner.warning(`Could not release the environment lease (it expires on its own): ${errorMessage(error)}`);
    }
  };
  if (saved.ended || !saved.started) {
    await releaseLease();
    return;
  }
  const ledger = await openLedger({ state: where.state, app: where.app, environment: where.environment, client, run: runInfoFromEnv() });
  const ended = await ledger.endOf(saved.started.operation).catch(() => undefined);
  if (ended) {
    runner.info(`The ${saved.operation} on ${where.environment} had already recorded its end (${ended.status}); nothing to undo.`);
    await releaseLease();
    return;
  }
  // Only the lease's holder may undo and record: another run may be changing the environment now.
  if (saved.lease && !(await EnvironmentLease.heldBy(client, where.state.bucket, saved.lease.key, saved.lease.token).catch(() => false))) {
    runner.warning(`The ${saved.operation} on ${where.environment} was interrupted, and its lease is no longer this run's: another run changes the environment now, so nothing is undone or recorded here. Check the ledger.`);
    return;
  }
  let restore: RestoreResult | undefined;
  if (saved.writing && saved.undo && !saved.undo.slot) {
    let target: Target | undefined;
    try {
      target = options.target?.();
    } catch (error) {
      restore = { error: `the environment could not be resolved again: ${publicErrorSummary(error)}`, incomplete: true };
    }
    if (target) restore = await target.undo(saved.undo, { failed: saved.release, records: await ledger.records() });
    else restore ??= { error: 'no target to undo with', incomplete: true };
  }
  const failure = new ShipkitError(`interrupted: the ${options.action} step ended without finishing (cancelled or killed) during the ${saved.operation} on ${where.environment}.`);
  try {
    const operation = new Operation(ledger, saved.started);
    const end = await operation.fail(failure, { details: { cancelled: true, installed: false, ...(restore ? restoreDetails(restore) : {}) } });
    if (operation.endedBefore) runner.info(`The ${saved.operation} on ${where.environment} had already recorded its end (${end.status}).`);
    else {
      const what = restore?.restored
        ? `; ${restore.restored} was put back and serves as before`
        : restore
          ? `; nothing was put back (${restore.error}): the location is recorded as incomplete, and the next deploy or rollback reinstalls in full`
          : '';
      runner.warning(`Recorded the interrupted ${saved.operation} on ${where.environment} as failed (cancelled)${what}.`);
    }
  } catch (error) {
    runner.warning(`Could not record the interrupted ${saved.operation}: ${errorMessage(error)}`);
  }
  await releaseLease();
}
