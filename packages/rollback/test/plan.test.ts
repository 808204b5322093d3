import { describe, expect, test } from '@jest/globals';
import { parseConfig } from '@shipkit/core';
import { resolveEnvironment } from '@shipkit/environments';
import { deriveState, type LedgerRecord, type SlotName } from '@shipkit/ledger';
import { planRollback } from '../src/rollback.js';

const loaded = parseConfig(
  `app: shop
state: s3://state/sk
environments:
  dev: { target: s3, s3: { bucket: site-dev } }
  staging:
    target: s3
    strategy: blue-green
    slots: { blue: { s3: { bucket: shop-blue } }, green: { s3: { bucket: shop-green } } }
    router: { type: command, switch: [./swap.sh] }
`,
  'shipkit.yml',
);
const direct = resolveEnvironment(loaded, 'dev', {}, '/ws');
const blueGreen = resolveEnvironment(loaded, 'staging', {}, '/ws');

let n = 0;
function op(type: 'deploy' | 'switch' | 'rollback', release: string, slot?: SlotName, extra: Partial<LedgerRecord> = {}): LedgerRecord[] {
  const make = (status: 'started' | 'succeeded', operation?: string): LedgerRecord => {
    n++;
    const time = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
    const id = `${time.replace(/[-:]/g, '').replace('.', '')}-${n.toString(16).padStart(8, '0')}`;
    return { id, operation: operation ?? id, type, status, app: 'shop', environment: 'x', time, release, slot, runId: extra.runId ?? `r${n}`, ...extra };
  };
  const started = make('started');
  return [started, make('succeeded', started.id)];
}

function plan(env: typeof direct, records: LedgerRecord[][], to: string, runId?: string) {
  const flat = records.flat();
  return planRollback(deriveState('shop', env.name, flat), flat, env, to, runId);
}

describe('planRollback', () => {
  test.each([
    ['direct: previous reinstalls the last good release', direct, () => [op('deploy', 'v1'), op('deploy', 'v2')], 'previous', { release: 'v1', rolledBackFrom: 'v2', method: 'reinstall' }],
    ['direct: a named release', direct, () => [op('deploy', 'v1'), op('deploy', 'v2'), op('deploy', 'v3')], 'v1', { release: 'v1', rolledBackFrom: 'v3', method: 'reinstall' }],
    ['direct: previous skips a release already rolled back from', direct, () => [op('deploy', 'v1'), op('deploy', 'v2'), op('deploy', 'v3'), op('rollback', 'v2', undefined, { details: { method: 'reinstall' } })], 'previous', { release: 'v1', rolledBackFrom: 'v2' }],
    ['direct: the live release is a no-op', direct, () => [op('deploy', 'v1'), op('deploy', 'v2')], 'v2', { method: 'noop' }],
    ['blue-green: the other slot holds it -> switch back', blueGreen, () => [op('deploy', 'v1', 'blue'), op('switch', 'v1', 'blue'), op('deploy', 'v2', 'green'), op('switch', 'v2', 'green')], 'previous', { release: 'v1', method: 'switch', slot: 'blue' }],
    [
      'blue-green: the other slot holds something else -> reinstall into it and switch',
      blueGreen,
      () => [op('deploy', 'v1', 'blue'), op('switch', 'v1', 'blue'), op('deploy', 'v2', 'green'), op('switch', 'v2', 'green'), op('deploy', 'v3', 'blue'), op('switch', 'v3', 'blue')],
      'v1',
      { release: 'v1', method: 'reinstall-and-switch', slot: 'green', rolledBackFrom: 'v3' },
    ],
  ])('%s', (_name, env, records, to, expected) => {
    expect(plan(env, records(), to)).toMatchObject(expected);
  });

  test.each([
    ['nothing live', () => [], 'previous', /has nothing live in its ledger/],
    ['no previous release', () => [op('deploy', 'v1')], 'previous', /knows no previous good release before v1/],
    ['a release never deployed here', () => [op('deploy', 'v1'), op('deploy', 'v2')], 'v9', /Input "to" has an invalid value "v9": release v9 was never deployed successfully to dev \(deployed: v1, v2\)/],
  ])('refuses %s', (_name, records, to, message) => {
    expect(() => plan(direct, records(), to)).toThrow(message);
  });

  test('a re-run of a completed rollback does not roll back a second step', () => {
    const records = [op('deploy', 'v1'), op('deploy', 'v2'), op('deploy', 'v3'), op('rollback', 'v2', undefined, { runId: 'R', previousRelease: 'v3', details: { method: 'reinstall' } })];
    expect(plan(direct, records, 'previous', 'R')).toMatchObject({ method: 'noop', release: 'v2', rolledBackFrom: 'v3' });
    expect(plan(direct, records, 'previous', 'other-run')).toMatchObject({ method: 'reinstall', release: 'v1' });
  });
});
