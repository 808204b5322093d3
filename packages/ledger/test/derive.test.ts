import { describe, expect, test } from '@jest/globals';
import { deriveState, idleSlot, releasesInUse, type LedgerRecord, type RecordStatus, type RecordType, type SlotName } from '../src/index.js';

/** Builds records with ids in the given order: minute n of a fixed day. */
let counter = 0;
function rec(type: RecordType, status: RecordStatus, fields: Partial<LedgerRecord> & { op?: string } = {}): LedgerRecord {
  counter++;
  const ms = Date.UTC(2026, 0, 1, 0, 0, 0) + counter * 60_000;
  const id = `${new Date(ms).toISOString().replace(/[-:]/g, '').replace('.', '')}-${counter.toString(16).padStart(8, '0')}`;
  const { op, ...rest } = fields;
  return { id, operation: op ?? id, type, status, app: 'shop', environment: 'dev', time: new Date(ms).toISOString(), runId: rest.runId ?? `run-${op ?? id}`, ...rest };
}

/** A complete operation: started + end record, same run. */
function op(type: RecordType, status: 'succeeded' | 'failed', fields: Partial<LedgerRecord> = {}): LedgerRecord[] {
  const started = rec(type, 'started', fields);
  return [started, rec(type, status, { ...fields, op: started.id, runId: started.runId })];
}

const deploy = (release: string, slot?: SlotName, status: 'succeeded' | 'failed' = 'succeeded') => op('deploy', status, { release, slot });
const sw = (release: string, slot: SlotName, status: 'succeeded' | 'failed' = 'succeeded') => op('switch', status, { release, slot });
const rollback = (release: string, slot?: SlotName, method: 'switch' | 'reinstall' = 'reinstall') => op('rollback', 'succeeded', { release, slot, details: { method } });
const smoke = (passed: boolean, slot?: SlotName, release?: string) => [rec('smoke', passed ? 'succeeded' : 'failed', { slot, release })];

interface Case {
  name: string;
  records: () => LedgerRecord[][];
  live?: string;
  liveSlot?: SlotName;
  previous?: string;
  slots?: Partial<Record<SlotName, string>>;
  idle: SlotName;
}

const cases: Case[] = [
  { name: 'empty environment', records: () => [], idle: 'blue' },
  { name: 'first direct deploy', records: () => [deploy('v1')], live: 'v1', idle: 'blue' },
  { name: 'direct v1 then v2', records: () => [deploy('v1'), deploy('v2')], live: 'v2', previous: 'v1', idle: 'blue' },
  { name: 'failed deploy leaves live alone', records: () => [deploy('v1'), deploy('v2', undefined, 'failed')], live: 'v1', idle: 'blue' },
  { name: 'rollback marks the release rolled back from', records: () => [deploy('v1'), deploy('v2'), deploy('v3'), rollback('v2')], live: 'v2', previous: 'v1', idle: 'blue' },
  { name: 'redeploying a rolled-back release clears the mark', records: () => [deploy('v1'), deploy('v2'), rollback('v1'), deploy('v2')], live: 'v2', previous: 'v1', idle: 'blue' },
  { name: 'noop deploy of the live release changes nothing', records: () => [deploy('v1'), deploy('v2'), deploy('v2')], live: 'v2', previous: 'v1', idle: 'blue' },
  { name: 'blue-green first deploy goes to blue, nothing live', records: () => [deploy('v1', 'blue')], slots: { blue: 'v1' }, idle: 'blue' },
  { name: 'blue-green switch makes blue live', records: () => [deploy('v1', 'blue'), sw('v1', 'blue')], live: 'v1', liveSlot: 'blue', slots: { blue: 'v1' }, idle: 'green' },
  {
    name: 'blue-green second release into green and switch',
    records: () => [deploy('v1', 'blue'), sw('v1', 'blue'), deploy('v2', 'green'), sw('v2', 'green')],
    live: 'v2', liveSlot: 'green', previous: 'v1', slots: { blue: 'v1', green: 'v2' }, idle: 'blue',
  },
  {
    name: 'blue-green rollback by switching back',
    records: () => [deploy('v1', 'blue'), sw('v1', 'blue'), deploy('v2', 'green'), sw('v2', 'green'), rollback('v1', 'blue', 'switch')],
    live: 'v1', liveSlot: 'blue', slots: { blue: 'v1', green: 'v2' }, idle: 'green',
  },
  {
    name: 'failed switch keeps the old live slot',
    records: () => [deploy('v1', 'blue'), sw('v1', 'blue'), deploy('v2', 'green'), sw('v2', 'green', 'failed')],
    live: 'v1', liveSlot: 'blue', slots: { blue: 'v1', green: 'v2' }, idle: 'green',
  },
];

describe('deriveState', () => {
  test.each(cases)('$name', (c) => {
    const records = c.records().flat();
    const state = deriveState('shop', 'dev', records);
    expect(state.live?.release).toBe(c.live);
    expect(state.live?.slot).toBe(c.liveSlot);
    expect(state.previous?.release).toBe(c.previous);
    for (const slot of ['blue', 'green'] as const) expect(state.slots[slot]?.release).toBe(c.slots?.[slot]);
    expect(idleSlot(state)).toBe(c.idle);
    expect(state.conflicts).toEqual([]);
    // Deterministic: input order does not matter.
    expect(deriveState('shop', 'dev', [...records].reverse())).toEqual(state);
  });

  test('a slot that failed an install is not ready and forgets its smoke result', () => {
    const records = [deploy('v1', 'blue'), smoke(true, 'blue', 'v1'), deploy('v2', 'blue', 'failed')].flat();
    const state = deriveState('shop', 'dev', records);
    expect(state.slots.blue).toMatchObject({ release: 'v2', status: 'failed' });
    expect(state.slots.blue?.smoke).toBeUndefined();
  });

  test('smoke results attach to the slot holding that release only', () => {
    const records = [deploy('v1', 'blue'), deploy('v2', 'green'), smoke(false, 'green', 'v2'), smoke(true, 'blue', 'v0'), smoke(true, 'blue')].flat();
    const state = deriveState('shop', 'dev', records);
    expect(state.slots.green?.smoke).toMatchObject({ passed: false, release: 'v2' });
    expect(state.slots.blue?.smoke).toMatchObject({ passed: true, release: 'v1' });
    // the v0 result did not attach (the later unqualified one did)
    expect(state.slots.blue?.smoke?.recordId).toBe(records.at(-1)?.id);
  });

  test('an unfinished deploy into a slot leaves it installing and open', () => {
    const started = rec('deploy', 'started', { release: 'v3', slot: 'green' });
    const state = deriveState('shop', 'dev', [...deploy('v1', 'blue'), ...sw('v1', 'blue'), started]);
    expect(state.slots.green).toMatchObject({ release: 'v3', status: 'installing' });
    expect(state.open.map((o) => o.operation)).toEqual([started.id]);
  });

  test('two overlapping deploys by different runs are a conflict; both operations are kept', () => {
    const first = deploy('v1');
    const a = rec('deploy', 'started', { release: 'v2', runId: 'A', runUrl: 'https://github.com/o/r/actions/runs/A' });
    const b = rec('deploy', 'started', { release: 'v3', runId: 'B' });
    const aEnd = rec('deploy', 'succeeded', { release: 'v2', runId: 'A', op: a.id });
    const bEnd = rec('deploy', 'succeeded', { release: 'v3', runId: 'B', op: b.id });
    const state = deriveState('shop', 'dev', [...first, a, b, aEnd, bEnd]);
    expect(state.conflicts).toHaveLength(1);
    expect(state.conflicts[0]).toMatchObject({ kind: 'concurrent', operation: b.id, other: a.id, otherRunUrl: a.runUrl });
    expect(state.conflicts[0].message).toContain('v3');
    expect(state.operations.filter((o) => o.type === 'deploy')).toHaveLength(3);
    expect(state.live?.release).toBe('v3');
  });

  test('a re-run attempt of the same run does not conflict with its own interrupted start', () => {
    const first = rec('deploy', 'started', { release: 'v2', runId: 'R', runAttempt: '1' });
    const second = rec('deploy', 'started', { release: 'v2', runId: 'R', runAttempt: '2' });
    const end = rec('deploy', 'succeeded', { release: 'v2', runId: 'R', op: second.id });
    expect(deriveState('shop', 'dev', [first, second, end]).conflicts).toEqual([]);
  });

  test('an operation open for more than 6 hours is abandoned, not a conflict', () => {
    const old = rec('deploy', 'started', { release: 'v2', runId: 'A' });
    counter += 7 * 60; // 7 hours later
    const next = rec('deploy', 'started', { release: 'v3', runId: 'B' });
    const state = deriveState('shop', 'dev', [old, next]);
    expect(state.conflicts).toEqual([]);
    expect(state.operations[0].abandoned).toBe(true);
  });

  test('conflicts stored by writers are part of the state', () => {
    const records = deploy('v1');
    records[1].conflicts = [{ kind: 'state-changed', operation: records[0].id, other: 'x', message: 'changed' }];
    expect(deriveState('shop', 'dev', records).conflicts).toEqual(records[1].conflicts);
  });
});

describe('releasesInUse', () => {
  test('keeps live, slots and anything live in the last 24 hours', () => {
    const records = [deploy('v1', 'blue'), sw('v1', 'blue'), deploy('v2', 'green'), sw('v2', 'green'), deploy('v3', 'blue'), sw('v3', 'blue')].flat();
    const state = deriveState('shop', 'dev', records);
    const now = Date.parse(records.at(-1)!.time);
    // v1 stopped being live minutes ago
    expect([...releasesInUse(state, now)].sort()).toEqual(['v1', 'v2', 'v3']);
    // two days later v1 is neither live, in a slot, nor recent
    expect([...releasesInUse(state, now + 48 * 3600_000)].sort()).toEqual(['v2', 'v3']);
  });
});
