/**
 * A run on a runner whose clock is wrong (see preload-clock.mjs), driven by clock-skew.test.ts:
 * SKEW_CHILD holds the store and what to do. One JSON line per event on stdout.
 */
import { existsSync } from 'node:fs';
import { createObjectStore } from '@shipkit/stores';
import { EnvironmentLease, isLeaseLost, openLedger, type LeaseOptions } from '@shipkit/ledger';

interface ChildConfig {
  mode: 'acquire' | 'stall' | 'deploy';
  kind: string;
  origin: string;
  env: Record<string, string>;
  bucket: string;
  environment: string;
  runId: string;
  timeoutMs?: number;
  expiryMs?: number;
  /** stall: the event loop stays blocked until this file exists (the test writes it once another run took the lease over)... */
  stallUntil?: string;
  /** ...or this long at most (then it goes on, and says so). */
  stallMaxMs?: number;
  release?: string;
  previous?: string;
}

const config = JSON.parse(process.env.SKEW_CHILD ?? '{}') as ChildConfig;
const out = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
const client = config.kind === 'azurite' ? createObjectStore({ env: config.env }) : createObjectStore({ endpoint: config.origin, env: config.env });
out({ event: 'clock', now: Date.now(), iso: new Date().toISOString() });

const options: LeaseOptions = {
  client,
  state: { bucket: config.bucket, prefix: 'shipkit' },
  app: 'shop',
  environment: config.environment,
  operation: 'deploy from the skewed runner',
  run: { runId: config.runId, runAttempt: '1', actor: 'skewed' },
  timeoutMs: config.timeoutMs,
  expiryMs: config.expiryMs,
  pollMs: 200,
  settleMs: 200,
  info: () => undefined,
  warn: (message) => out({ event: 'warn', message }),
};

if (config.mode === 'acquire') {
  try {
    const lease = await EnvironmentLease.acquire(options);
    out({ event: 'acquired', holder: lease.holder, takenOver: lease.takenOver });
    await lease.release();
  } catch (error) {
    out({ event: 'refused', message: String(error) });
  }
} else if (config.mode === 'stall') {
  const lease = await EnvironmentLease.acquire(options);
  out({ event: 'acquired', holder: lease.holder });
  // The event loop is blocked (a long synchronous step): no renewal can run meanwhile. It stays
  // blocked until the test says another run took the lease over (a file), without burning a core.
  const until = performance.now() + (config.stallMaxMs ?? 60_000);
  const tick = new Int32Array(new SharedArrayBuffer(4));
  while (!(config.stallUntil && existsSync(config.stallUntil))) {
    if (performance.now() >= until) {
      out({ event: 'stall-timeout' });
      break;
    }
    Atomics.wait(tick, 0, 0, 20); // a synchronous sleep: timers and I/O callbacks wait too
  }
  try {
    await lease.check('install');
    out({ event: 'checked' });
  } catch (error) {
    out({ event: 'check-failed', message: String(error), lost: isLeaseLost(error) });
  }
  await lease.release();
} else if (config.mode === 'deploy') {
  const ledger = await openLedger({ state: { bucket: config.bucket, prefix: 'shipkit' }, app: 'shop', environment: config.environment, client, run: { runId: config.runId, actor: 'skewed' }, warn: () => undefined });
  const state = await ledger.state();
  const operation = await ledger.begin({ type: 'deploy', release: config.release, previousRelease: config.previous }, state);
  const end = await operation.succeed();
  out({ event: 'deployed', id: end.id, time: end.time });
}
process.exit(0);
