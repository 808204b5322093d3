import type { S3Client } from '@aws-sdk/client-s3';
import { EnvironmentLease, runInfoFromEnv, type Ledger } from '@shipkit/ledger';
import { checkEnvironmentStores } from './locations.js';
import type { ResolvedEnvironment } from './resolve.js';

export interface HoldOptions {
  /** What the run does, shown to anyone waiting: `deploy v1.2.3`, `switch to idle`... */
  operation: string;
  /** The ledger the work writes to: a takeover of an expired lease is recorded on its next started record. */
  ledger?: Ledger;
  /** Called once the lease is held (actions save its token for their post step). */
  onAcquired?: (lease: EnvironmentLease) => void;
  /** Read-only checks that must pass before anything is written (the lease included). */
  validate?: () => Promise<void>;
  /** Called once the store no longer has this run's lease (not when the release failed: the lease then expires). */
  onReleased?: () => void;
}

/** Takes the environment's lease for this run (waiting per env.lock), as the GitHub run from the environment. */
export function acquireEnvironmentLease(env: ResolvedEnvironment, client: S3Client, operation: string): Promise<EnvironmentLease> {
  return EnvironmentLease.acquire({
    client,
    state: env.state,
    app: env.app,
    environment: env.name,
    operation,
    run: { ...runInfoFromEnv(), job: process.env.GITHUB_JOB || undefined },
    timeoutMs: env.lock.timeoutMs,
    expiryMs: env.lock.expiryMs,
  });
}

/**
 * Runs `work` holding the environment's lease: one deploy, switch, rollback or retention at a
 * time per environment, from before the first record to after the last. Released however the
 * work ends; a killed run's lease expires (env.lock.expiryMs after its last renewal).
 */
export async function withEnvironmentLease<T>(env: ResolvedEnvironment, client: S3Client, options: HoldOptions, work: (lease: EnvironmentLease) => Promise<T>): Promise<T> {
  // Nothing is written (not even the lease) before the stores are known to exist and be reachable.
  await checkEnvironmentStores(env, client);
  await options.validate?.();
  const lease = await acquireEnvironmentLease(env, client, options.operation);
  options.onAcquired?.(lease);
  if (lease.takenOver && options.ledger) options.ledger.noteLeaseTakeover(lease.takenOver);
  try {
    return await work(lease);
  } finally {
    if (await lease.release()) options.onReleased?.();
  }
}
