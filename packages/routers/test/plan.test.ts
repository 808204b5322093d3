import { describe, expect, test } from '@jest/globals';
import { deriveState, type LedgerRecord, type RecordStatus, type RecordType, type SlotName } from '@shipkit/ledger';
import { planSwitch, type SwitchTarget } from '../src/switch.js';

let counter = 0;
function rec(type: RecordType, status: RecordStatus, fields: Partial<LedgerRecord> & { op?: string } = {}): LedgerRecord {
  counter++;
  const ms = Date.UTC(2026, 0, 1) + counter * 60_000;
  const id = `${new Date(ms).toISOString().replace(/[-:]/g, '').replace('.', '')}-${counter.toString(16).padStart(8, '0')}`;
  const { op, ...rest } = fields;
  return { id, operation: op ?? id, type, status, app: 'shop', environment: 'staging', time: new Date(ms).toISOString(), runId: `run-${op ?? id}`, ...rest };
}
function op(type: RecordType, status: 'succeeded' | 'failed', fields: Partial<LedgerRecord>): LedgerRecord[] {
  const started = rec(type, 'started', fields);
  return [started, rec(type, status, { ...fields, op: started.id })];
}
const deploy = (release: string, slot: SlotName, status: 'succeeded' | 'failed' = 'succeeded') => op('deploy', status, { release, slot });
const installing = (release: string, slot: SlotName) => [rec('deploy', 'started', { release, slot })];
const sw = (release: string, slot: SlotName) => op('switch', 'succeeded', { release, slot });
const smoke = (passed: boolean, slot: SlotName, release: string) => [rec('smoke', passed ? 'succeeded' : 'failed', { slot, release })];

interface Case {
  name: string;
  records: LedgerRecord[][];
  to: SwitchTarget;
  routerLive?: SlotName;
  expectRelease?: string;
  requireSmoke?: boolean;
  target?: SlotName;
  release?: string;
  alreadyLive?: boolean;
  warns?: boolean;
  refused?: RegExp;
}

const blueLiveGreenV2 = [deploy('v1', 'blue'), sw('v1', 'blue'), deploy('v2', 'green')];

const cases: Case[] = [
  { name: 'nothing deployed', records: [], to: 'idle', refused: /No slot of environment staging holds a deployed release/ },
  { name: 'first switch: idle is the slot holding a release', records: [deploy('v1', 'blue')], to: 'idle', target: 'blue', release: 'v1' },
  { name: 'first switch with both slots deployed: the newest', records: [deploy('v1', 'blue'), deploy('v2', 'green')], to: 'idle', target: 'green', release: 'v2' },
  { name: 'idle is the slot not live', records: blueLiveGreenV2, to: 'idle', target: 'green', release: 'v2' },
  { name: 'a named slot', records: [...blueLiveGreenV2, sw('v2', 'green')], to: 'blue', target: 'blue', release: 'v1' },
  { name: 'slot never deployed', records: [deploy('v1', 'blue'), sw('v1', 'blue')], to: 'idle', refused: /Slot green of environment staging holds no release/ },
  { name: 'slot being installed', records: [deploy('v1', 'blue'), sw('v1', 'blue'), installing('v2', 'green')], to: 'idle', refused: /Slot green .* is not ready to go live: a deploy into it is running or was interrupted/ },
  { name: 'slot whose last install failed', records: [deploy('v1', 'blue'), sw('v1', 'blue'), deploy('v2', 'green', 'failed')], to: 'green', refused: /the last deploy into it failed/ },
  { name: 'expect-release matches', records: blueLiveGreenV2, to: 'idle', expectRelease: 'v2', target: 'green', release: 'v2' },
  { name: 'expect-release differs', records: blueLiveGreenV2, to: 'idle', expectRelease: 'v3', refused: /Input "expect-release" is "v3", but slot green of environment staging holds release "v2"; refusing/ },
  { name: 'require-smoke without a result', records: blueLiveGreenV2, to: 'idle', requireSmoke: true, refused: /no smoke-test result is recorded for slot green .* release v2/ },
  { name: 'require-smoke with a failed result', records: [...blueLiveGreenV2, smoke(false, 'green', 'v2')], to: 'idle', requireSmoke: true, refused: /latest smoke test of slot green \(release v2\) failed/ },
  { name: 'require-smoke: the latest result counts', records: [...blueLiveGreenV2, smoke(false, 'green', 'v2'), smoke(true, 'green', 'v2')], to: 'idle', requireSmoke: true, target: 'green', release: 'v2' },
  { name: 'require-smoke: a pass for the previous release does not count', records: [deploy('v1', 'blue'), sw('v1', 'blue'), deploy('v2', 'green'), smoke(true, 'green', 'v2'), deploy('v3', 'green')], to: 'idle', requireSmoke: true, refused: /no smoke-test result is recorded for slot green .* release v3/ },
  { name: 'already live: nothing to do', records: [...blueLiveGreenV2, sw('v2', 'green')], to: 'green', routerLive: 'green', target: 'green', alreadyLive: true },
  { name: 'router disagrees with the ledger: switch again and warn', records: blueLiveGreenV2, to: 'blue', routerLive: 'green', target: 'blue', release: 'v1', alreadyLive: false, warns: true },
];

describe('planSwitch', () => {
  test.each(cases)('$name', (c) => {
    const state = deriveState('shop', 'staging', c.records.flat());
    const plan = () => planSwitch(state, c.routerLive, c.to, { expectRelease: c.expectRelease, requireSmoke: c.requireSmoke });
    if (c.refused) {
      expect(plan).toThrow(c.refused);
      return;
    }
    const result = plan();
    expect(result.target).toBe(c.target);
    if (c.release) expect(result.slot.release).toBe(c.release);
    expect(result.alreadyLive).toBe(c.alreadyLive ?? false);
    expect(result.warnings.length > 0).toBe(c.warns ?? false);
  });
});
