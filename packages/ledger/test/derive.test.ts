import { describe, expect, test } from '@jest/globals';
import { compareRecords, deriveState, idleSlot, parseRecordName, recordName, releasesInUse, sortRecords, type LedgerRecord, type RecordStatus, type RecordType, type SlotName } from '../src/index.js';

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

describe('ledger order: sequence numbers, not ids (writers\' clocks)', () => {
  const at = (iso: string, hex: string) => `${iso.replace(/[-:]/g, '').replace('.', '')}-${hex}`;
  const record = (id: string, fields: Partial<LedgerRecord>): LedgerRecord => ({ id, operation: id, type: 'deploy', status: 'started', app: 'shop', environment: 'dev', time: '2026-01-01T00:00:00.000Z', ...fields });

  test.each([
    ['records without a sequence come before any with one, in id order', [record(at('2099-01-01T00:00:00.000Z', '00000001'), {}), record(at('2026-01-01T00:00:00.000Z', '00000002'), { seq: 1 }), record(at('2020-01-01T00:00:00.000Z', '00000003'), {})], ['00000003', '00000001', '00000002']],
    ['sequence numbers decide, whatever the ids say', [record(at('2026-01-01T00:00:30.000Z', '0000000a'), { seq: 1 }), record(at('2026-01-01T00:00:00.000Z', '0000000b'), { seq: 2 }), record(at('2026-01-01T00:00:10.000Z', '0000000c'), { seq: 10 })], ['0000000a', '0000000b', '0000000c']],
    ['equal numbers (a store without conditional writes) fall back to ids', [record(at('2026-01-01T00:00:05.000Z', '000000d2'), { seq: 3 }), record(at('2026-01-01T00:00:01.000Z', '000000d1'), { seq: 3 }), record(at('2026-01-01T00:00:00.000Z', '000000d0'), { seq: 2 })], ['000000d0', '000000d1', '000000d2']],
  ])('%s', (_name, records, order) => {
    expect(sortRecords(records).map((r) => r.id.slice(-8))).toEqual(order);
    expect(sortRecords([...records].reverse()).map((r) => r.id.slice(-8))).toEqual(order);
  });

  test('a deploy stamped 30 s ahead, then a rollback: the rollback is live (it is later in the ledger)', () => {
    const deployStart = record(at('2026-01-01T00:00:40.000Z', 'aaaaaaa1'), { seq: 3, release: 'p2', previousRelease: 'p1' });
    const deployEnd = record(at('2026-01-01T00:00:41.000Z', 'aaaaaaa2'), { seq: 4, status: 'succeeded', operation: deployStart.id, release: 'p2' });
    const rollbackStart = record(at('2026-01-01T00:00:15.000Z', 'bbbbbbb1'), { seq: 5, type: 'rollback', release: 'p1', details: { method: 'reinstall' } });
    const rollbackEnd = record(at('2026-01-01T00:00:16.000Z', 'bbbbbbb2'), { seq: 6, type: 'rollback', status: 'succeeded', operation: rollbackStart.id, release: 'p1', details: { method: 'reinstall' } });
    const p1Start = record(at('2026-01-01T00:00:00.000Z', 'ccccccc1'), { seq: 1, release: 'p1' });
    const p1End = record(at('2026-01-01T00:00:01.000Z', 'ccccccc2'), { seq: 2, status: 'succeeded', operation: p1Start.id, release: 'p1' });
    const state = deriveState('shop', 'dev', [rollbackEnd, deployStart, p1End, rollbackStart, deployEnd, p1Start]);
    expect(state.live?.release).toBe('p1');
    expect(state.releases.p2.rolledBack).toBe(true);
    expect(state.lastRecordId).toBe(rollbackEnd.id);
    expect(state.lastRecordSeq).toBe(6);
    expect(compareRecords(rollbackStart, deployEnd)).toBeGreaterThan(0);
  });

  test('record names: the key of N, of N with an id, of an id; anything else is not a record', () => {
    const id = '20261122T051400123Z-1a2b3c4d';
    expect(recordName(42)).toBe('000000000042');
    expect(recordName(42, id)).toBe(`000000000042-${id}`);
    expect(recordName(undefined, id)).toBe(id);
    expect(parseRecordName('000000000042')).toEqual({ seq: 42 });
    expect(parseRecordName(`000000000042-${id}`)).toEqual({ seq: 42, id });
    expect(parseRecordName(id)).toEqual({ id });
    expect(parseRecordName('42')).toBeUndefined();
    expect(parseRecordName('.conditional-write-probe')).toBeUndefined();
    expect(() => recordName(0)).toThrow(/sequence number 0 is not an integer from 1 to 999999999999/);
  });
});
