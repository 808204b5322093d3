/**
 * Runners' clocks drift; the store's does not matter to them. These tests run the lease and the
 * ledger in a real child process whose clock is wrong (preload-clock.mjs shifts its Date), against
 * the real stores, next to runs with a correct clock in this process.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EnvironmentLease, openLedger, type LeaseOptions } from '../src/index.js';
import { STORE_KINDS, startStore, tempDir, type StoreServer } from '../../../test/services/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const MINUTE = 60_000;

interface ChildEvent {
  event: string;
  [field: string]: unknown;
}

/** Starts skewed-child.ts with its clock shifted by `shiftMs`; events arrive as JSON lines. */
function startSkewedChild(shiftMs: number, config: Record<string, unknown>) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--import ${pathToFileURL(path.join(here, 'skew', 'preload-clock.mjs')).href}`, SHIPKIT_TEST_CLOCK_SHIFT_MS: String(shiftMs), SKEW_CHILD: JSON.stringify(config) };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'skew', 'skewed-child.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const events: ChildEvent[] = [];
  let stderr = '';
  let buffer = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      // Its own lines are JSON; the log lines of @actions/core are not.
      if (line.startsWith('{"event"')) events.push(JSON.parse(line) as ChildEvent);
    }
    waiters.splice(0).forEach((wake) => wake());
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => {
    waiters.splice(0).forEach((wake) => wake());
    resolve(code);
  }));
  let done = false;
  void exited.then(() => (done = true));
  return {
    events,
    exited,
    async next(name: string, timeoutMs = 60_000): Promise<ChildEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find((event) => event.event === name);
        if (found) return found;
        if (done || Date.now() > deadline) throw new Error(`the skewed child sent no ${name} event (events: ${JSON.stringify(events)}; stderr: ${stderr.slice(-2000)})`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
  };
}

describe.each(STORE_KINDS)('a runner whose clock is wrong, on %s', (kind) => {
  let store: StoreServer;
  const state = { bucket: 'state', prefix: 'shipkit' };
  beforeAll(async () => {
    store = await startStore(kind, { buckets: ['state'] });
    state.bucket = store.bucket('state');
  });
  afterAll(async () => {
    await store?.stop();
  });

  const childConfig = (extra: Record<string, unknown>) => ({ kind, origin: store.origin, env: store.env, bucket: store.bucket('state'), ...extra });
  const options = (environment: string, extra: Partial<LeaseOptions> = {}): LeaseOptions => ({
    client: store.client(),
    state,
    app: 'shop',
    environment,
    operation: 'deploy r1',
    run: { runId: '500', runAttempt: '1', runUrl: 'https://github.com/acme/shop/actions/runs/500', actor: 'alice' },
    settleMs: 200,
    info: () => undefined,
    warn: () => undefined,
    ...extra,
  });

  test('11 minutes ahead, it does not take over a lease that is live (10 min expiry, renewed)', async () => {
    const holder = await EnvironmentLease.acquire(options('skew-a'));
    try {
      const child = startSkewedChild(11 * MINUTE, childConfig({ mode: 'acquire', environment: 'skew-a', runId: '600', timeoutMs: 1000 }));
      const clock = await child.next('clock');
      expect(Number(clock.now) - Date.now()).toBeGreaterThan(10 * MINUTE); // its clock really is 11 minutes ahead
      const answer = await child.next('refused');
      expect(String(answer.message)).toMatch(/Environment skew-a of shop is held by run 500, .*actor alice: deploy r1 since .* \(lease expires in (9m|10m)[^)]*\)\. Gave up waiting after 1\.0s/);
      expect(child.events.some((event) => event.event === 'acquired')).toBe(false);
      await holder.check('install'); // still ours
    } finally {
      await holder.release();
    }
  });

  test("11 minutes ahead, its dead lease is taken over once expired by the store's clock, and it then knows it lost it", async () => {
    // The child's event loop stays blocked (no renewal can run) until the taker has the lease: then this file appears.
    const takenOver = path.join(tempDir('skew'), 'taken-over');
    const child = startSkewedChild(11 * MINUTE, childConfig({ mode: 'stall', environment: 'skew-b', runId: '601', expiryMs: 2000, stallUntil: takenOver }));
    try {
      const acquired = await child.next('acquired');
      // Even the lease's human-readable times come from the store's clock, not its own (11 minutes ahead).
      expect(Math.abs(Date.parse(String((acquired.holder as { expiresAt: string }).expiresAt)) - (Date.now() + 2000))).toBeLessThan(5000);
      const started = Date.now();
      const taker = await EnvironmentLease.acquire(options('skew-b', { timeoutMs: 20_000, pollMs: 200, run: { runId: '502', runAttempt: '1', actor: 'dave' }, operation: 'deploy r2' }));
      try {
        expect(Date.now() - started).toBeLessThan(6000); // expiry 2 s after its last write, not 11 minutes later
        expect(taker.takenOver).toMatchObject({ runId: '601', actor: 'skewed' });
        writeFileSync(takenOver, '');
        const failed = await child.next('check-failed', 30_000);
        expect(child.events.some((event) => event.event === 'stall-timeout')).toBe(false);
        expect(failed.lost).toBe(true);
        expect(String(failed.message)).toMatch(/LeaseLostError: Stopped before install: this run no longer holds the lease on shop\/skew-b; it is held by run 502, actor dave: deploy r2/);
        expect(await child.exited).toBe(0);
        await taker.check('record'); // the skewed run's release left the new holder's lease alone
      } finally {
        await taker.release();
      }
    } finally {
      writeFileSync(takenOver, ''); // never leave the child blocked
    }
  });

  test('30 s ahead: its deploy followed by a rollback from a correct clock derives the rollback as live', async () => {
    const environment = 'skew-ledger';
    const ledger = await openLedger({ state, app: 'shop', environment, client: store.client(), run: { runId: '503', actor: 'alice' }, warn: () => undefined });
    const first = await ledger.begin({ type: 'deploy', release: 'p1' }, await ledger.state());
    await first.succeed();
    const child = startSkewedChild(30_000, childConfig({ mode: 'deploy', environment, runId: '602', release: 'p2', previous: 'p1' }));
    const deployed = await child.next('deployed');
    expect(Date.parse(String(deployed.time))).toBeGreaterThan(Date.now() + 20_000); // stamped by its fast clock
    expect(await child.exited).toBe(0);
    const before = await ledger.state();
    expect(before.live?.release).toBe('p2');
    const rollback = await ledger.begin({ type: 'rollback', release: 'p1', previousRelease: 'p2', trigger: 'automatic' }, before);
    await rollback.succeed();
    const after = await (await openLedger({ state, app: 'shop', environment, client: store.client(), run: { runId: 'reader' }, warn: () => undefined })).state();
    expect(after.live?.release).toBe('p1');
    expect(after.releases.p2?.rolledBack).toBe(true);
    expect(after.history.map((change) => change.release)).toEqual(['p1', 'p2', 'p1']);
  });
});
