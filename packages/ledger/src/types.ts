/** The ledger's record and derived-state shapes. See ../README.md for the contract. */

/** `remove`: a preview environment's files and releases were deleted (remove-preview); nothing is live after it. */
export type RecordType = 'deploy' | 'switch' | 'rollback' | 'smoke' | 'remove';
/** `progress`: a step inside an open operation (a canary's weight, its analysis); it neither opens nor ends one. */
export type RecordStatus = 'started' | 'progress' | 'succeeded' | 'failed';
export type SlotName = 'blue' | 'green';
export type Trigger = 'automatic' | 'manual';

export const SLOT_NAMES: readonly SlotName[] = ['blue', 'green'];

/** Two operations that overlapped, or a state that changed under a writer. Reported, never resolved. */
export interface Conflict {
  kind: 'concurrent' | 'state-changed';
  /** The operation (its started record id) that reports the conflict. */
  operation: string;
  /** The other operation or record involved. */
  other: string;
  otherRunUrl?: string;
  message: string;
}

export interface LedgerRecord {
  /** Unique: `20261122T051400123Z-<8 hex>` (the writer's clock + random). Identifies the record; does not order it (see seq). */
  id: string;
  /**
   * The record's position in the environment's ledger (1, 2, 3...), claimed by a conditional
   * create of `records/<seq, 12 digits>.json`: state is derived in this order. Absent on records
   * written before sequences existed (they come first, in id order). Best effort on stores that
   * ignore conditional writes (two records may share one; they are then ordered by id).
   */
  seq?: number;
  /** The id of the operation's started record; an operation is its started record plus one end record. Single records (smoke) use their own id. */
  operation: string;
  type: RecordType;
  status: RecordStatus;
  app: string;
  environment: string;
  release?: string;
  /** deploy: the slot installed into; switch: the slot made live; rollback: the slot live afterwards; smoke: the slot tested. Absent for direct environments. */
  slot?: SlotName;
  /** The release (and slot) live when the operation started. */
  previousRelease?: string;
  previousSlot?: SlotName;
  actor?: string;
  runId?: string;
  runAttempt?: string;
  runUrl?: string;
  /** ISO 8601 time the record was written (by the writer's clock): for people, not for order. */
  time: string;
  reason?: string;
  trigger?: Trigger;
  /** For failed records: what went wrong (secrets already masked). */
  error?: string;
  /** Conflicts the writer detected; also derived from the records by `deriveState`. */
  conflicts?: Conflict[];
  /** Free-form facts: `{ noop: true }`, `{ method: 'switch' | 'reinstall' }`, file counts, smoke results... */
  details?: Record<string, unknown>;
}

/** What a writer supplies; the ledger fills id, operation, time, app, environment and the run fields. */
export type NewRecord = Omit<LedgerRecord, 'id' | 'seq' | 'operation' | 'time' | 'app' | 'environment'> & { operation?: string };

export interface SmokeResult {
  passed: boolean;
  release?: string;
  time: string;
  recordId: string;
  runUrl?: string;
  details?: Record<string, unknown>;
}

export interface SlotState {
  slot: SlotName;
  release: string;
  /** `installing`: a deploy is running or was interrupted; `failed`: the last install into it failed; `ready`: holds `release` completely. */
  status: 'installing' | 'ready' | 'failed';
  since: string;
  recordId: string;
  /** The latest smoke result recorded for this slot while it held `release`. */
  smoke?: SmokeResult;
}

/** The share of live traffic (percent) each slot gets, as the router reported it. */
export type TrafficWeights = Partial<Record<SlotName, number>>;

/**
 * A canary switch in progress (or interrupted), or one whose switch ended while traffic stayed
 * split (an abort the router could not carry out): the new slot gets `weight` percent of live
 * traffic, the live slot the rest. It stays open until a record says traffic is on one slot.
 */
export interface CanaryState {
  /** The switch operation (its started record id). */
  operation: string;
  /** The slot receiving the canary's share, and the release it holds. */
  slot: SlotName;
  release: string;
  /** The slot still live (the rest of the traffic), as the switch started. */
  from?: SlotName;
  /** The new slot's share now, percent. */
  weight: number;
  /** Each slot's share as the router reported it when a switch ended with traffic split (absent while the canary runs). */
  weights?: TrafficWeights;
  /** The canary's switch has ended (failed) but traffic stays split: only a switch that completes, or a rollback, ends this. */
  unresolved?: boolean;
  step: number;
  steps?: number[];
  since: string;
  recordId: string;
  runUrl?: string;
}

export interface LiveState {
  release: string;
  slot?: SlotName;
  since: string;
  recordId: string;
}

export interface LiveChange extends LiveState {
  /** When it stopped being live (absent for the current one). */
  until?: string;
  type: RecordType;
}

export interface ReleaseState {
  release: string;
  /** A deploy of it (or a reinstall by rollback) succeeded at least once. */
  deployed: boolean;
  lastDeployed?: string;
  /** Rolled back away from, and not successfully deployed again since. */
  rolledBack: boolean;
  /** The latest smoke result recorded for it (absent when none was). */
  smokePassed?: boolean;
}

export interface OperationState {
  operation: string;
  type: RecordType;
  started?: LedgerRecord;
  end?: LedgerRecord;
  status: RecordStatus;
  /** Started long ago (more than the abandon window) and never ended. */
  abandoned: boolean;
}

export interface LedgerState {
  app: string;
  environment: string;
  live?: LiveState;
  /** The previous good release: the latest one live before the current live release that deployed successfully, was not rolled back from, and whose latest smoke result (if any) passed. */
  previous?: LiveChange;
  slots: Partial<Record<SlotName, SlotState>>;
  /** Set by a succeeded `remove` (a preview taken down): when, and by which record. Cleared by a later deploy. */
  removed?: { time: string; recordId: string };
  /** A canary switch that has set a weight and not ended: traffic is split between `canary.slot` and the live slot. */
  canary?: CanaryState;
  /** Latest smoke result against the live location (direct environments, or smoke without a slot). */
  liveSmoke?: SmokeResult;
  releases: Record<string, ReleaseState>;
  /** Every change of the live release, oldest first. */
  history: LiveChange[];
  operations: OperationState[];
  /** Operations started and not ended (and not abandoned). */
  open: OperationState[];
  conflicts: Conflict[];
  /** The last record in ledger order (compareRecords): its id, and its sequence number when it has one. */
  lastRecordId?: string;
  lastRecordSeq?: number;
  recordCount: number;
}
