import { describe, expect, test } from '@jest/globals';
import { deriveState, formatStatus, type LedgerRecord } from '../src/index.js';

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
