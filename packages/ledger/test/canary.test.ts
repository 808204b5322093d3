import { describe, expect, test } from '@jest/globals';
import { deriveState, formatStatus, releasesInUse, type LedgerRecord } from '../src/index.js';

describe('ledger: a canary in progress', () => {
  const base = { app: 'shop', environment: 'prod' };
  let n = 0;
  const rec = (fields: Partial<LedgerRecord>): LedgerRecord => {
    n++;
    const id = `20260101T0000${String(n).padStart(2, '0')}000Z-0000000${n}`;
    return { id, operation: id, time: `2026-01-01T00:00:${String(n).padStart(2, '0')}.000Z`, type: 'deploy', status: 'started', ...base, ...fields } as LedgerRecord;
  };
  const deployBlue = [rec({ release: 'v1', slot: 'blue' })];
  deployBlue.push(rec({ release: 'v1', slot: 'blue', status: 'succeeded', operation: deployBlue[0].id }));
  const flipBlue = rec({ type: 'switch', release: 'v1', slot: 'blue' });
  const flipBlueDone = rec({ type: 'switch', release: 'v1', slot: 'blue', status: 'succeeded', operation: flipBlue.id });
  const deployGreen = rec({ release: 'v2', slot: 'green' });
  const deployGreenDone = rec({ release: 'v2', slot: 'green', status: 'succeeded', operation: deployGreen.id });
  const canary = rec({ type: 'switch', release: 'v2', slot: 'green', previousSlot: 'blue', previousRelease: 'v1', runUrl: 'https://github.com/acme/shop/actions/runs/7' });
  const step1 = rec({ type: 'switch', release: 'v2', slot: 'green', previousSlot: 'blue', status: 'progress', operation: canary.id, details: { step: 1, steps: [20, 50, 100], weight: 20, phase: 'set' } });
  const step2 = rec({ type: 'switch', release: 'v2', slot: 'green', previousSlot: 'blue', status: 'progress', operation: canary.id, details: { step: 2, steps: [20, 50, 100], weight: 50, phase: 'set' } });
  const history = [...deployBlue, flipBlue, flipBlueDone, deployGreen, deployGreenDone, canary, step1, step2];

  test('progress records show the weight reached; the switch stays open and blue stays live', () => {
    const state = deriveState('shop', 'prod', history);
    expect(state.canary).toMatchObject({ operation: canary.id, slot: 'green', release: 'v2', from: 'blue', weight: 50, step: 2, steps: [20, 50, 100], runUrl: canary.runUrl });
    expect(state.live).toMatchObject({ release: 'v1', slot: 'blue' });
    expect(state.open.map((op) => op.operation)).toEqual([canary.id]);
    const lines = formatStatus('prod', state, history);
    expect(lines).toContain(`  canary: v2 on slot green gets 50% of traffic (step 2 of 20,50,100, since ${step2.time}, ${canary.runUrl})`);
    expect(lines.at(-1)).toMatch(/switch\s+progress\s+v2\s+slot green.*weight 50%$/);
  });

  test.each([
    ['succeeded', 'v2', 'green'],
    ['failed', 'v1', 'blue'],
  ] as const)('the switch ending %s clears the canary (live: %s)', (status, release, slot) => {
    const state = deriveState('shop', 'prod', [...history, rec({ type: 'switch', release: 'v2', slot: 'green', status, operation: canary.id })]);
    expect(state.canary).toBeUndefined();
    expect(state.live).toMatchObject({ release, slot });
    expect(state.open).toEqual([]);
  });
});

describe('ledger: a canary whose abort left traffic split', () => {
  const base = { app: 'shop', environment: 'prod' };
  let n = 0;
  const rec = (fields: Partial<LedgerRecord>): LedgerRecord => {
    n++;
    const id = `20260102T0000${String(n).padStart(2, '0')}000Z-0000000${n}`;
    return { id, operation: id, time: `2026-01-02T00:00:${String(n).padStart(2, '0')}.000Z`, type: 'deploy', status: 'started', ...base, ...fields } as LedgerRecord;
  };
  const d1 = rec({ release: 'v1', slot: 'blue' });
  const d2 = rec({ release: 'v2', slot: 'green' });
  const f1 = rec({ type: 'switch', release: 'v1', slot: 'blue' });
  const canary = rec({ type: 'switch', release: 'v2', slot: 'green', previousSlot: 'blue', previousRelease: 'v1' });
  const history = [
    d1,
    rec({ release: 'v1', slot: 'blue', status: 'succeeded', operation: d1.id }),
    f1,
    rec({ type: 'switch', release: 'v1', slot: 'blue', status: 'succeeded', operation: f1.id }),
    d2,
    rec({ release: 'v2', slot: 'green', status: 'succeeded', operation: d2.id }),
    canary,
    rec({ type: 'switch', release: 'v2', slot: 'green', previousSlot: 'blue', status: 'progress', operation: canary.id, details: { step: 1, steps: [30, 100], weight: 30, phase: 'set' } }),
  ];
  const abort = (details: Record<string, unknown>) => rec({ type: 'switch', release: 'v2', slot: 'green', status: 'failed', operation: canary.id, details: { aborted: true, abortedAt: 30, ...details } });

  test.each([
    ['the router reports a split: kept open with its weights', { switchedBack: false, split: { blue: 70, green: 30 } }, { weight: 30, weights: { blue: 70, green: 30 }, unresolved: true }],
    ['the router could not be read: kept open at the last weight set', { switchedBack: false }, { weight: 30, unresolved: true }],
    ['the router reads one slot after the error: closed', { switchedBack: true, split: { blue: 100 } }, undefined],
    ['switched back: closed', { switchedBack: true }, undefined],
  ])('%s', (_name, details, expected) => {
    const state = deriveState('shop', 'prod', [...history, abort(details)]);
    if (expected) expect(state.canary).toMatchObject({ operation: canary.id, slot: 'green', release: 'v2', ...expected });
    else expect(state.canary).toBeUndefined();
    expect(state.live).toMatchObject({ release: 'v1', slot: 'blue' });
    expect(state.open).toEqual([]);
    // Retention keeps both slots' releases while traffic is split.
    if (expected) expect([...releasesInUse(state)].sort()).toEqual(['v1', 'v2']);
  });

  test('only a switch that completes or a rollback ends the split; a failed one with a new reading updates the weights', () => {
    const split = [...history, abort({ switchedBack: false, split: { blue: 70, green: 30 } })];
    const rollback = rec({ type: 'rollback', release: 'v1', slot: 'blue', details: { method: 'switch' } });
    const failedRollback = rec({ type: 'rollback', release: 'v1', slot: 'blue', status: 'failed', operation: rollback.id, details: { switchedBack: false, split: { blue: 60, green: 40 } } });
    let state = deriveState('shop', 'prod', [...split, rollback, failedRollback]);
    expect(state.canary).toMatchObject({ operation: canary.id, weight: 40, weights: { blue: 60, green: 40 }, unresolved: true });
    const lines = formatStatus('prod', state, []);
    expect(lines).toContain(`  traffic SPLIT: blue 60%, green 40% — the canary of v2 on slot green ended but traffic did not return to one slot (since ${failedRollback.time}); run rollback, or a switch that completes`);
    const again = rec({ type: 'rollback', release: 'v1', slot: 'blue', details: { method: 'switch' } });
    state = deriveState('shop', 'prod', [...split, rollback, failedRollback, again, rec({ type: 'rollback', release: 'v1', slot: 'blue', status: 'succeeded', operation: again.id })]);
    expect(state.canary).toBeUndefined();
    expect(state.live).toMatchObject({ release: 'v1', slot: 'blue' });
    const flip = rec({ type: 'switch', release: 'v2', slot: 'green' });
    state = deriveState('shop', 'prod', [...split, flip, rec({ type: 'switch', release: 'v2', slot: 'green', status: 'succeeded', operation: flip.id })]);
    expect(state.canary).toBeUndefined();
    expect(state.live).toMatchObject({ release: 'v2', slot: 'green' });
  });
});
