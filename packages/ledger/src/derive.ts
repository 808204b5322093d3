import { recordIdTime } from './ids.js';
import type { Conflict, LedgerRecord, LedgerState, LiveChange, OperationState, SlotName, SmokeResult, TrafficWeights } from './types.js';

/** An operation started this long before another and never ended is treated as abandoned (a GitHub job runs at most 6 h). */
export const ABANDON_AFTER_MS = 6 * 60 * 60 * 1000;

const MUTATING = new Set(['deploy', 'switch', 'rollback', 'remove']);

/** Who wrote an operation: its workflow run (attempts of one run never overlap), else the operation itself. */
function owner(record: LedgerRecord): string {
  return record.runId ? `run:${record.runId}` : `op:${record.operation}`;
}

/**
 * Ledger order: records without a sequence number (written before sequences existed) first, in id
 * order; then by sequence number (ties — possible only on stores without conditional writes — by
 * id). Timestamps (and the time in ids) are the writers' clocks: for people, never for order.
 */
export function compareRecords(a: LedgerRecord, b: LedgerRecord): number {
  const aSeq = typeof a.seq === 'number' ? a.seq : undefined;
  const bSeq = typeof b.seq === 'number' ? b.seq : undefined;
  if (aSeq === undefined && bSeq !== undefined) return -1;
  if (aSeq !== undefined && bSeq === undefined) return 1;
  if (aSeq !== undefined && bSeq !== undefined && aSeq !== bSeq) return aSeq - bSeq;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The records in ledger order (compareRecords), one per id. */
export function sortRecords(records: Iterable<LedgerRecord>): LedgerRecord[] {
  const byId = new Map<string, LedgerRecord>();
  for (const record of records) byId.set(record.id, record);
  return [...byId.values()].sort(compareRecords);
}

function conflictKey(conflict: Conflict): string {
  return [conflict.kind, ...[conflict.operation, conflict.other].sort()].join('|');
}

/**
 * Derives an environment's state from its records. Pure and deterministic: the same records in
 * any order give the same state (records are processed in ledger order: compareRecords).
 */
export function deriveState(app: string, environment: string, input: Iterable<LedgerRecord>): LedgerState {
  const records = sortRecords(input);
  const state: LedgerState = {
    app,
    environment,
    slots: {},
    releases: {},
    history: [],
    operations: [],
    open: [],
    conflicts: [],
    recordCount: records.length,
    lastRecordId: records.at(-1)?.id,
    ...(typeof records.at(-1)?.seq === 'number' ? { lastRecordSeq: records.at(-1)!.seq } : {}),
  };
  const operations = new Map<string, OperationState>();
  const open = new Map<string, OperationState>();
  const conflicts = new Map<string, Conflict>();
  const addConflict = (conflict: Conflict): void => {
    const key = conflictKey(conflict);
    if (!conflicts.has(key)) conflicts.set(key, conflict);
  };

  const release = (id: string) => (state.releases[id] ??= { release: id, deployed: false, rolledBack: false });

  const setLive = (record: LedgerRecord, releaseId: string, slot: SlotName | undefined): void => {
    if (state.live && state.live.release === releaseId && state.live.slot === slot) return;
    const current = state.history.at(-1);
    if (current) current.until = record.time;
    const change: LiveChange = { release: releaseId, slot, since: record.time, recordId: record.id, type: record.type };
    state.history.push(change);
    state.live = { release: releaseId, slot, since: record.time, recordId: record.id };
    state.liveSmoke = undefined;
  };

  const setSlot = (record: LedgerRecord, slot: SlotName, releaseId: string, status: 'installing' | 'ready' | 'failed'): void => {
    const before = state.slots[slot];
    const keepSmoke = status === 'ready' && before?.status === 'ready' && before.release === releaseId ? before.smoke : undefined;
    state.slots[slot] = { slot, release: releaseId, status, since: record.time, recordId: record.id, smoke: keepSmoke };
  };

  for (const record of records) {
    // Operations: a started record opens one, a succeeded/failed record with the same operation ends it.
    let op = operations.get(record.operation);
    if (!op) {
      op = { operation: record.operation, type: record.type, status: record.status, abandoned: false };
      operations.set(record.operation, op);
      state.operations.push(op);
    }
    if (record.status === 'started') {
      op.started = record;
      if (MUTATING.has(record.type)) {
        const startedAt = recordIdTime(record.id);
        for (const other of open.values()) {
          const otherStart = other.started as LedgerRecord;
          if (startedAt - recordIdTime(otherStart.id) > ABANDON_AFTER_MS) {
            other.abandoned = true;
            open.delete(other.operation);
            continue;
          }
          if (owner(otherStart) === owner(record)) continue;
          addConflict({
            kind: 'concurrent',
            operation: record.operation,
            other: other.operation,
            otherRunUrl: otherStart.runUrl,
            message: `${record.type} of ${record.release ?? '?'} (${record.runUrl ?? record.operation}) started while ${otherStart.type} of ${otherStart.release ?? '?'} (${otherStart.runUrl ?? other.operation}) was still running`,
          });
        }
        open.set(record.operation, op);
      }
    } else if (record.status !== 'progress') {
      op.end = record;
      op.status = record.status;
      open.delete(record.operation);
      endTraffic(record);
    }
    for (const conflict of record.conflicts ?? []) addConflict(conflict);

    applyEffect(record);
  }

  /**
   * An operation ended: does traffic stay split? A switch or rollback that ended with the router
   * reporting a share on both slots (`details.split`, an abort the router could not carry out)
   * keeps the canary open with those weights; one whose switch-back failed without a reading keeps
   * it open with the last weight set. Anything that ends with traffic on one slot closes it.
   */
  function endTraffic(record: LedgerRecord): void {
    const canary = state.canary;
    if (record.type !== 'switch' && record.type !== 'rollback') {
      if (canary?.operation === record.operation) state.canary = undefined;
      return;
    }
    const weights = splitWeights(record.details?.split);
    if (weights) {
      const slot = canary?.slot ?? record.slot ?? 'green';
      state.canary = {
        operation: canary?.operation ?? record.operation,
        slot,
        release: canary?.release ?? state.slots[slot]?.release ?? record.release ?? '?',
        from: otherSlot(slot),
        weight: weights[slot] ?? 0,
        weights,
        unresolved: true,
        step: canary?.step ?? 0,
        ...(canary?.steps ? { steps: canary.steps } : {}),
        since: record.time,
        recordId: record.id,
        runUrl: canary?.runUrl ?? record.runUrl,
      };
      return;
    }
    if (!canary) return;
    const splitAfter = record.details?.split !== undefined;
    if (record.status === 'succeeded' || record.details?.switchedBack === true || splitAfter) {
      // Completed, or traffic went back to one slot (a reading of the router naming one slot).
      state.canary = undefined;
    } else if (canary.operation === record.operation && record.details?.switchedBack === false) {
      // The abort failed and the router could not be read: the last weight set is the best knowledge.
      state.canary = { ...canary, unresolved: true, since: record.time, recordId: record.id };
    } else if (canary.operation === record.operation) {
      state.canary = undefined;
    }
  }

  function applyEffect(record: LedgerRecord): void {
    const { type, status, slot } = record;
    const releaseId = record.release;
    if (type === 'deploy' && releaseId && status === 'succeeded') state.removed = undefined;
    if (type === 'deploy' && releaseId) {
      if (status === 'started') {
        if (slot) setSlot(record, slot, releaseId, 'installing');
      } else if (status === 'succeeded') {
        const info = release(releaseId);
        info.deployed = true;
        info.rolledBack = false;
        info.lastDeployed = record.time;
        if (slot) {
          setSlot(record, slot, releaseId, 'ready');
          if (state.live?.slot === slot) setLive(record, releaseId, slot);
        } else {
          setLive(record, releaseId, undefined);
        }
      } else if (record.details?.installed === true && !record.details?.restored) {
        // Installed, then a later step (post-deploy hook) failed: it serves, but is not a good release.
        if (slot) {
          setSlot(record, slot, releaseId, 'ready');
          if (state.live?.slot === slot) setLive(record, releaseId, slot);
        } else {
          setLive(record, releaseId, undefined);
        }
      } else if (slot) {
        setSlot(record, slot, releaseId, 'failed');
      }
    } else if (type === 'switch' && status === 'progress' && slot && typeof record.details?.weight === 'number') {
      const switchOp = operations.get(record.operation);
      if (switchOp && !switchOp.end) {
        const steps = Array.isArray(record.details.steps) ? (record.details.steps as number[]) : undefined;
        const step = typeof record.details.step === 'number' ? record.details.step : 0;
        state.canary = { operation: record.operation, slot, release: releaseId ?? state.slots[slot]?.release ?? '?', from: record.previousSlot, weight: record.details.weight, step, steps, since: record.time, recordId: record.id, runUrl: switchOp.started?.runUrl ?? record.runUrl };
      }
    } else if (type === 'switch' && status === 'succeeded' && slot) {
      const target = releaseId ?? state.slots[slot]?.release;
      if (target) setLive(record, target, slot);
    } else if (type === 'rollback' && releaseId) {
      const reinstall = record.details?.method === 'reinstall';
      if (status === 'started') {
        if (slot && reinstall && state.live?.slot !== slot) setSlot(record, slot, releaseId, 'installing');
      } else if (status === 'succeeded') {
        const from = state.live?.release;
        if (from && from !== releaseId) release(from).rolledBack = true;
        const info = release(releaseId);
        info.deployed = true;
        info.rolledBack = false;
        info.lastDeployed = record.time;
        if (slot) {
          if (reinstall) setSlot(record, slot, releaseId, 'ready');
          setLive(record, releaseId, slot);
        } else {
          setLive(record, releaseId, undefined);
        }
      } else if (slot && reinstall && state.slots[slot]?.status === 'installing') {
        setSlot(record, slot, releaseId, 'failed');
      }
    } else if (type === 'remove' && status === 'succeeded') {
      const current = state.history.at(-1);
      if (current && !current.until) current.until = record.time;
      state.live = undefined;
      state.liveSmoke = undefined;
      state.removed = { time: record.time, recordId: record.id };
    } else if (type === 'smoke') {
      const result: SmokeResult = { passed: status === 'succeeded', release: releaseId, time: record.time, recordId: record.id, runUrl: record.runUrl, details: record.details };
      if (slot) {
        const held = state.slots[slot];
        if (held && held.status === 'ready' && (!releaseId || releaseId === held.release)) {
          held.smoke = { ...result, release: held.release };
          release(held.release).smokePassed = result.passed;
        }
      } else if (state.live && (!releaseId || releaseId === state.live.release)) {
        state.liveSmoke = { ...result, release: state.live.release };
        release(state.live.release).smokePassed = result.passed;
      }
    }
  }

  state.open = [...open.values()];
  state.conflicts = [...conflicts.values()];
  const live = state.live?.release;
  for (let i = state.history.length - 1; i >= 0; i--) {
    const change = state.history[i];
    // The last good release: deployed successfully, not rolled back from, and its latest smoke result (if any) passed.
    if (change.release !== live && isGoodRelease(state, change.release)) {
      state.previous = change;
      break;
    }
  }
  return state;
}

/** Weights that split traffic over both slots (each share > 0), else undefined. */
export function splitWeights(value: unknown): TrafficWeights | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const weights: TrafficWeights = {};
  for (const slot of ['blue', 'green'] as const) {
    const share = (value as Record<string, unknown>)[slot];
    if (typeof share === 'number' && share > 0) weights[slot] = share;
  }
  return Object.keys(weights).length > 1 ? weights : undefined;
}

/** A release this environment can go back to: deployed successfully, not rolled back from, latest smoke (if any) passed. */
export function isGoodRelease(state: LedgerState, release: string): boolean {
  const info = state.releases[release];
  return !!info?.deployed && !info.rolledBack && info.smokePassed !== false;
}

/**
 * What to roll back to if a new release (`incoming`) fails: the live release when it is good,
 * else the last good one before it (`state.previous`). deploy-env's `previous-release` output.
 */
export function rollbackTargetFor(state: LedgerState, incoming: string): string | undefined {
  if (state.live && state.live.release !== incoming && isGoodRelease(state, state.live.release)) return state.live.release;
  const previous = state.previous?.release;
  return previous && previous !== incoming ? previous : undefined;
}

/** The slot a blue-green deploy installs into: the one not live; `blue` when nothing is live yet. */
export function idleSlot(state: LedgerState): SlotName {
  if (state.live?.slot === 'blue') return 'green';
  return 'blue';
}

export function otherSlot(slot: SlotName): SlotName {
  return slot === 'blue' ? 'green' : 'blue';
}

/**
 * Releases that retention must keep: live now, held by a slot (in any status), live at any
 * moment in the last `windowMs`, or involved in an open operation.
 */
export function releasesInUse(state: LedgerState, now: number = Date.now(), windowMs = 24 * 60 * 60 * 1000): Set<string> {
  const keep = new Set<string>();
  if (state.live) keep.add(state.live.release);
  for (const slot of Object.values(state.slots)) if (slot) keep.add(slot.release);
  for (const change of state.history) {
    if (!change.until || Date.parse(change.until) >= now - windowMs) keep.add(change.release);
  }
  for (const op of state.open) if (op.started?.release) keep.add(op.started.release);
  // A slot that receives any traffic (a canary running, or left split by an abort that failed).
  if (state.canary) {
    keep.add(state.canary.release);
    for (const slot of Object.keys(state.canary.weights ?? { [state.canary.slot]: 1 }) as SlotName[]) if (state.slots[slot]) keep.add(state.slots[slot]!.release);
  }
  return keep;
}

/** The images a release was last deployed with: its latest successful deploy record that names any (`details.images`). */
export function imagesOf(records: readonly LedgerRecord[], release: string): unknown {
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    if (record.release === release && record.type === 'deploy' && record.status === 'succeeded' && record.details?.images !== undefined) return record.details.images;
  }
  return undefined;
}

/**
 * The ECS task definitions a release ran (`cluster/service` -> ARN): its latest successful deploy
 * or rollback record that names them (`details.install.taskDefinitions`), for `slot` when given.
 */
export function taskDefinitionsOf(records: readonly LedgerRecord[], release: string, slot?: SlotName): Record<string, string> | undefined {
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    const install = record.details?.install as { taskDefinitions?: Record<string, string> } | undefined;
    if (record.release === release && (record.type === 'deploy' || record.type === 'rollback') && record.status === 'succeeded' && record.slot === slot && install?.taskDefinitions) return install.taskDefinitions;
  }
  return undefined;
}

/** The commit a release was built from, as its latest deploy record says (`details.commit`). */
export function commitOf(records: readonly LedgerRecord[], release: string): string | undefined {
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    const commit = record.details?.commit;
    if (record.release === release && record.type === 'deploy' && typeof commit === 'string' && commit) return commit;
  }
  return undefined;
}
