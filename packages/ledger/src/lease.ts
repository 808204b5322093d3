import { randomBytes } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import * as core from '@actions/core';
import { errorMessage, formatDuration, ShipkitError, sleep, storeUrl } from '@shipkit/core';
import { conditionalWrites, deleteIfMatch, getJsonObject, isPreconditionFailed, putJsonObject } from '@shipkit/s3';
import { joinKey, ledgerPrefix, type StateLocation } from './location.js';
import type { RunInfo } from './ledger.js';

/** How long a lease lives after its last renewal, unless the config says otherwise. */
export const DEFAULT_LEASE_EXPIRY_MS = 10 * 60_000;
/** How long a run waits for a held environment, unless `lock-timeout` says otherwise. */
export const DEFAULT_LOCK_TIMEOUT_MS = 10 * 60_000;

/** What the lease object `<ledger prefix>lease.json` says about its holder. */
export interface LeaseHolder {
  /** Random per acquisition: only the holder knows it. */
  token: string;
  app: string;
  environment: string;
  /** What the holder does, e.g. `deploy v1.2.3`, `switch to green`, `rollback to previous`. */
  operation: string;
  runId?: string;
  runAttempt?: string;
  runUrl?: string;
  actor?: string;
  /** GITHUB_JOB of the holder: a re-run of the same job may take over its own earlier attempt's lease. */
  job?: string;
  acquiredAt: string;
  renewedAt: string;
  expiresAt: string;
}

export interface LeaseOptions {
  client: S3Client;
  state: StateLocation;
  app: string;
  environment: string;
  /** What this run is about to do (shown to anyone who waits). */
  operation: string;
  run?: RunInfo & { job?: string };
  /** Wait at most this long for a held environment; 0 = fail at once (default 10 min). */
  timeoutMs?: number;
  /** The lease expires this long after the last renewal (default 10 min); renewed every third of it. */
  expiryMs?: number;
  /** Poll interval while waiting (default: 5 s, less for short timeouts). */
  pollMs?: number;
  /** Stores without conditional writes: how long to wait before reading a written lease back. */
  settleMs?: number;
  info?: (message: string) => void;
  warn?: (message: string) => void;
  now?: () => number;
}

/** Describes who holds an environment, for logs and errors. */
export function describeHolder(holder: LeaseHolder, now = Date.now()): string {
  const who = [holder.runId ? `run ${holder.runId}${holder.runAttempt && holder.runAttempt !== '1' ? ` (attempt ${holder.runAttempt})` : ''}` : 'a run without a GitHub run id', holder.runUrl ? holder.runUrl : undefined, holder.actor ? `actor ${holder.actor}` : undefined]
    .filter(Boolean)
    .join(', ');
  const expires = Date.parse(holder.expiresAt);
  const left = expires - now;
  return `${who}: ${holder.operation} since ${holder.acquiredAt} (${left > 0 ? `lease expires in ${formatDuration(left)} unless renewed` : `lease expired ${formatDuration(-left)} ago`})`;
}

function isExpired(holder: LeaseHolder, now: number): boolean {
  const expires = Date.parse(holder.expiresAt);
  return !Number.isFinite(expires) || expires <= now;
}

/** This run's lease was taken by another run (or is gone): it must write nothing more. */
export class LeaseLostError extends ShipkitError {
  constructor(message: string) {
    super(message, { hint: 'Another run changes the environment now; check the ledger, and re-run once it is done.' });
    this.name = 'LeaseLostError';
  }
}

/**
 * One change at a time per environment: a lease object in the state store, taken with a
 * conditional create (`If-None-Match: *`), renewed (`If-Match`) while the work runs, released at
 * the end, and expiring so that a killed run never locks an environment forever. On stores that
 * ignore conditional writes it falls back to write-then-verify (best effort, said once in the log).
 */
export class EnvironmentLease {
  /** The expired lease this one replaced, if any (record it: the other run may have left work half done). */
  takenOver?: LeaseHolder;
  /** False on stores without conditional writes: exclusion is best effort there. */
  exclusive = true;
  /** Set when a renewal found the lease taken by another run (after it expired). */
  lost?: LeaseHolder;
  private timer?: NodeJS.Timeout;
  private released = false;
  private renewing?: Promise<void>;

  private constructor(
    private readonly options: LeaseOptions,
    readonly key: string,
    public holder: LeaseHolder,
    private etag: string | undefined,
  ) {}

  /** The lease object's key for an environment. */
  static keyFor(state: StateLocation, app: string, environment: string): string {
    return `${ledgerPrefix(state, app, environment)}lease.json`;
  }

  /**
   * Takes the environment's lease, waiting up to `timeoutMs` while another run holds it (the log
   * names the holder), taking over an expired one. Throws a ShipkitError naming the holder on timeout.
   */
  static async acquire(options: LeaseOptions): Promise<EnvironmentLease> {
    const { client, state } = options;
    const now = options.now ?? Date.now;
    const info = options.info ?? ((message: string) => core.info(message));
    const warn = options.warn ?? ((message: string) => core.warning(message));
    const expiryMs = options.expiryMs ?? DEFAULT_LEASE_EXPIRY_MS;
    const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
    const pollMs = options.pollMs ?? Math.max(200, Math.min(5000, Math.floor(timeoutMs / 20)));
    const key = EnvironmentLease.keyFor(state, options.app, options.environment);
    const exclusive = await conditionalWrites(client, state.bucket, joinKey(state.prefix, 'ledger', '.conditional-write-probe.json'));
    if (!exclusive) {
      warn(`The state store ${storeUrl(state.bucket)} ignores conditional writes (If-None-Match), so the lease on ${options.app}/${options.environment} is taken by write-then-verify: exclusion is best effort there. AWS S3, MinIO and R2 honour conditional writes.`);
    }
    const deadline = now() + timeoutMs;
    const run = options.run ?? {};
    let lastReported: string | undefined;
    let lastReportTime = 0;
    for (;;) {
      let current: Awaited<ReturnType<typeof getJsonObject<LeaseHolder>>>;
      try {
        current = await getJsonObject<LeaseHolder>(client, state.bucket, key);
      } catch (error) {
        // Not JSON: a write caught half-way on a store whose writes are not atomic (S3's are). Look again.
        if (!(error instanceof SyntaxError)) throw error;
        if (now() >= deadline) {
          throw new ShipkitError(`The lease of ${options.app}/${options.environment} (${storeUrl(state.bucket, key)}) is not valid JSON, so this run cannot tell who holds the environment.`, {
            hint: 'Another run may be writing it right now: re-run. If no run is changing the environment, delete that object.',
          });
        }
        await sleep(Math.min(pollMs, 1000));
        continue;
      }
      const stamp = now();
      const mine: LeaseHolder = {
        token: randomBytes(16).toString('hex'),
        app: options.app,
        environment: options.environment,
        operation: options.operation,
        ...(run.runId ? { runId: run.runId } : {}),
        ...(run.runAttempt ? { runAttempt: run.runAttempt } : {}),
        ...(run.runUrl ? { runUrl: run.runUrl } : {}),
        ...(run.actor ? { actor: run.actor } : {}),
        ...(run.job ? { job: run.job } : {}),
        acquiredAt: new Date(stamp).toISOString(),
        renewedAt: new Date(stamp).toISOString(),
        expiresAt: new Date(stamp + expiryMs).toISOString(),
      };
      const holder = current?.value;
      // An earlier attempt of this same job (re-run after a cancel whose post step could not release it).
      const ownEarlierAttempt =
        !!holder && !!run.runId && holder.runId === run.runId && holder.job === run.job && Number(holder.runAttempt ?? 0) < Number(run.runAttempt ?? 0);
      const free = !holder || isExpired(holder, stamp) || ownEarlierAttempt;
      if (free) {
        let etag: string | undefined;
        try {
          etag = await putJsonObject(client, state.bucket, key, mine, exclusive ? (current ? { ifMatch: current.etag ?? '*' } : { ifNoneMatch: true }) : undefined);
        } catch (error) {
          if (!isPreconditionFailed(error)) throw error;
          continue; // another run got there first: look again
        }
        if (!exclusive) {
          // Write-then-verify: a racing writer that wrote after us wins; read back after a moment.
          await sleep(options.settleMs ?? 1000);
          const check = await getJsonObject<LeaseHolder>(client, state.bucket, key);
          if (check?.value.token !== mine.token) continue;
          etag = check.etag;
        }
        const lease = new EnvironmentLease(options, key, mine, etag);
        lease.exclusive = exclusive;
        if (holder) {
          lease.takenOver = holder;
          warn(`Took over the ${ownEarlierAttempt ? "lease of this job's earlier attempt" : 'expired lease'} on ${options.app}/${options.environment}, held by ${describeHolder(holder, stamp)}. That run may have left its change unfinished; this run completes or replaces it.`);
        }
        lease.startRenewing();
        return lease;
      }
      const message = `Environment ${options.environment} of ${options.app} is held by ${describeHolder(holder, stamp)}.`;
      if (stamp >= deadline) {
        throw new ShipkitError(`${message} Gave up waiting after ${formatDuration(timeoutMs)} (lock-timeout).`, {
          hint: 'Only one deploy, switch or rollback changes an environment at a time. Wait for that run to finish (or cancel it) and re-run; raise lock-timeout to wait longer. A killed run\'s lease expires on its own.',
        });
      }
      if (holder.token !== lastReported || stamp - lastReportTime >= 60_000) {
        info(`${message} Waiting up to ${formatDuration(Math.max(0, deadline - stamp))} more (lock-timeout ${formatDuration(timeoutMs)}).`);
        lastReported = holder.token;
        lastReportTime = stamp;
      }
      await sleep(Math.min(pollMs, Math.max(50, deadline - stamp)));
    }
  }

  private startRenewing(): void {
    const every = Math.max(1000, Math.floor((this.options.expiryMs ?? DEFAULT_LEASE_EXPIRY_MS) / 3));
    this.timer = setInterval(() => {
      if (!this.renewing) this.renewing = this.renew().finally(() => (this.renewing = undefined));
    }, every);
    this.timer.unref();
  }

  /** Pushes the expiry out (conditional on our own last write). */
  async renew(): Promise<void> {
    if (this.released || this.lost) return;
    const { client, state } = this.options;
    const now = (this.options.now ?? Date.now)();
    const next: LeaseHolder = { ...this.holder, renewedAt: new Date(now).toISOString(), expiresAt: new Date(now + (this.options.expiryMs ?? DEFAULT_LEASE_EXPIRY_MS)).toISOString() };
    try {
      if (!this.exclusive) {
        const current = await getJsonObject<LeaseHolder>(client, state.bucket, this.key);
        if (current?.value.token !== this.holder.token) {
          this.markLost(current?.value);
          return;
        }
      }
      this.etag = await putJsonObject(client, state.bucket, this.key, next, this.exclusive ? { ifMatch: this.etag ?? '*' } : undefined);
      this.holder = next;
    } catch (error) {
      if (isPreconditionFailed(error)) {
        const current = await getJsonObject<LeaseHolder>(client, state.bucket, this.key).catch(() => undefined);
        this.markLost(current?.value);
        return;
      }
      core.debug(`Could not renew the lease on ${this.options.app}/${this.options.environment} (will try again): ${errorMessage(error)}`);
    }
  }

  private markLost(other: LeaseHolder | undefined): void {
    this.lost = other ?? { ...this.holder, token: '', operation: 'unknown (the lease object is gone)' };
    (this.options.warn ?? ((message: string) => core.warning(message)))(
      `The lease on ${this.options.app}/${this.options.environment} was lost${other ? ` to ${describeHolder(other)}` : ''}: it expired before this run renewed it. Another run may change the environment now; check the ledger.`,
    );
  }

  /**
   * Fencing: before each write phase, the lease must still be this run's (its token in the lease
   * object). Throws a LeaseLostError naming the run that holds it now; once lost, always.
   */
  async check(phase: string): Promise<void> {
    const where = `${this.options.app}/${this.options.environment}`;
    if (!this.lost) {
      const current = await getJsonObject<LeaseHolder>(this.options.client, this.options.state.bucket, this.key);
      if (current?.value.token !== this.holder.token) this.markLost(current?.value);
    }
    if (this.lost) throw new LeaseLostError(`The lease on ${where} is no longer this run's (before ${phase}): ${this.lost.token ? `held by ${describeHolder(this.lost)}` : this.lost.operation}. This run writes nothing more.`);
  }

  /** Releases the lease (only if it is still ours). Safe to call twice. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (this.timer) clearInterval(this.timer);
    await this.renewing?.catch(() => undefined);
    if (this.lost) return;
    const { client, state } = this.options;
    try {
      await EnvironmentLease.releaseToken(client, state.bucket, this.key, this.holder.token, this.exclusive ? this.etag : undefined);
    } catch (error) {
      core.warning(`Could not release the lease on ${this.options.app}/${this.options.environment} (it expires on its own at ${this.holder.expiresAt}): ${errorMessage(error)}`);
    }
  }

  /** Whether the lease object still carries `token` (a post step acts for its main step only while it does). */
  static async heldBy(client: S3Client, bucket: string, key: string, token: string): Promise<boolean> {
    const current = await getJsonObject<LeaseHolder>(client, bucket, key);
    return current?.value.token === token;
  }

  /** Deletes the lease object when it still carries `token` (used by post steps, which only know the token). */
  static async releaseToken(client: S3Client, bucket: string, key: string, token: string, etag?: string): Promise<boolean> {
    const current = await getJsonObject<LeaseHolder>(client, bucket, key);
    if (!current || current.value.token !== token) return false;
    await deleteIfMatch(client, bucket, key, etag ?? current.etag);
    return true;
  }
}
