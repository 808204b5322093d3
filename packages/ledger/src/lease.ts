import { randomBytes } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { runner, errorMessage, formatDuration, ShipkitError, sleep, storeUrl } from '@shipkit/core';
import { conditionalWrites, deleteIfMatch, getJsonObject, isPreconditionFailed, putJsonObject, storeNow, type StoredObject } from '@shipkit/s3';
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
  /**
   * How long the lease lives after the holder's last write (ms). Expiry is judged on the store's
   * clock: expired once the store's time (the Date of its answer) − the object's Last-Modified
   * reaches it. Absent in lease objects written before (expiresAt − renewedAt then).
   */
  expiryMs?: number;
  /** For people: the store's time (as the writer estimated it) of the acquisition, the last renewal and the expiry it implies. */
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
  /** The runner's clock: used only where the store gave no time (no Date header). */
  now?: () => number;
}

/**
 * Describes who holds an environment, for logs and errors. `leftMs` is how long the lease has
 * left as the store's clock judges it (leaseTimeLeft); without it, `expiresAt` against `now`.
 */
export function describeHolder(holder: LeaseHolder, now = Date.now(), leftMs?: number): string {
  const who = [holder.runId ? `run ${holder.runId}${holder.runAttempt && holder.runAttempt !== '1' ? ` (attempt ${holder.runAttempt})` : ''}` : 'a run without a GitHub run id', holder.runUrl ? holder.runUrl : undefined, holder.actor ? `actor ${holder.actor}` : undefined]
    .filter(Boolean)
    .join(', ');
  const left = leftMs ?? Date.parse(holder.expiresAt) - now;
  const expiry = Number.isFinite(left) ? (left > 0 ? `lease expires in ${formatDuration(left)} unless renewed` : `lease expired ${formatDuration(-left)} ago`) : 'lease expiry unknown';
  return `${who}: ${holder.operation} since ${holder.acquiredAt} (${expiry})`;
}

/** How long a lease lives after its holder's last write: the stored duration; for older lease objects, expiresAt − renewedAt (both by one clock, so its skew cancels). */
export function leaseDuration(holder: LeaseHolder): number | undefined {
  if (typeof holder.expiryMs === 'number' && Number.isFinite(holder.expiryMs) && holder.expiryMs > 0) return holder.expiryMs;
  const duration = Date.parse(holder.expiresAt) - Date.parse(holder.renewedAt);
  return Number.isFinite(duration) && duration > 0 ? duration : undefined;
}

/**
 * How long the lease object read in `current` has left (ms; 0 or less: expired), judged on the
 * store's clock alone: its duration − (the Date of the store's answer − the object's
 * Last-Modified). Undefined when the store sent no Date or Last-Modified.
 */
export function leaseTimeLeft(current: StoredObject<LeaseHolder>): number | undefined {
  const duration = leaseDuration(current.value);
  if (duration === undefined) return 0; // a lease object without a usable expiry counts as expired
  if (current.storeDate === undefined || current.lastModified === undefined) return undefined;
  return duration - (current.storeDate - current.lastModified);
}

/** Left time of a lease object: the store's judgement, or (a store that sends no Date) the runner's clock against expiresAt. */
function timeLeft(current: StoredObject<LeaseHolder>, runnerNow: number): number {
  const left = leaseTimeLeft(current) ?? Date.parse(current.value.expiresAt) - runnerNow;
  return Number.isFinite(left) ? left : 0;
}

/** A store failure for a message: its name (AccessDenied, SlowDown...), message and HTTP status. */
function describeFailure(error: unknown): string {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  const name = e?.name && e.name !== 'Error' && e.name !== 'ShipkitError' ? `${e.name}: ` : '';
  const status = e?.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : '';
  return `${name}${errorMessage(error).replace(/\.$/, '')}${status}`;
}

/**
 * A run that no longer holds its environment's lease (another run took it over, or the lease
 * object is gone) and so must write nothing more. Thrown by `lease.check(phase)`; test with
 * isLeaseLost (works across bundles).
 */
export class LeaseLostError extends ShipkitError {
  readonly phase: string;
  readonly app: string;
  readonly environment: string;
  /** Who holds the environment now (undefined: the lease object is gone). */
  readonly holder?: LeaseHolder;

  constructor(options: { phase: string; app: string; environment: string; holder?: LeaseHolder; leftMs?: number }) {
    const { phase, app, environment, holder } = options;
    super(
      `Stopped before ${phase}: this run no longer holds the lease on ${app}/${environment}; ${holder ? `it is held by ${describeHolder(holder, Date.now(), options.leftMs)}` : 'the lease object is gone (deleted by another run or by hand)'}. This run writes nothing more to the environment.`,
      {
        hint: "The lease expired before this run renewed it (renewals failed or came too late) and another run may have changed the environment since. Check that run and the environment's ledger before re-running.",
      },
    );
    this.name = 'LeaseLostError';
    this.phase = phase;
    this.app = app;
    this.environment = environment;
    this.holder = holder;
  }
}

/** Whether `error` (or its cause) is a LeaseLostError: the run lost its lease and must write nothing more. */
export function isLeaseLost(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof LeaseLostError || (e as { name?: string }).name === 'LeaseLostError') return true;
  }
  return false;
}

/**
 * One change at a time per environment: a lease object in the state store, taken with a
 * conditional create (`If-None-Match: *`), renewed (`If-Match`) while the work runs, released at
 * the end, and expiring so that a killed run never locks an environment forever. On stores that
 * ignore conditional writes it falls back to write-then-verify (best effort, said once in the log).
 *
 * Time comes from the store: a lease is expired when the store's clock (the Date of its answer)
 * is `expiryMs` past the object's Last-Modified, so a runner whose clock is wrong neither takes
 * over a live lease nor believes in a dead one. Durations (timeouts, renewal intervals) are
 * measured with the monotonic clock.
 *
 * Fencing: callers run `await lease.check(phase)` before each write phase; it throws (a
 * LeaseLostError when another run holds the environment) when the lease is no longer this run's.
 */
export class EnvironmentLease {
  /** The expired lease this one replaced, if any (record it: the other run may have left work half done). */
  takenOver?: LeaseHolder;
  /** False on stores without conditional writes: exclusion is best effort there. */
  exclusive = true;
  /** Set when this run found its lease taken by another run (after it expired) or gone. */
  lost?: LeaseHolder;
  /** The last scheduled renewal's failure (cleared by a renewal that succeeds); check() renews at once while it is set. */
  renewalError?: unknown;
  private timer?: NodeJS.Timeout;
  private released = false;
  private renewing?: Promise<void>;
  /** Bodies of writes whose answer this run did not get (a timeout): the store may hold one of them, with an ETag this run never saw. */
  private unconfirmed = new Set<string>();
  private lostGone = false;
  private lostLeftMs?: number;

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

  private get expiryMs(): number {
    return this.options.expiryMs ?? DEFAULT_LEASE_EXPIRY_MS;
  }

  /**
   * Takes the environment's lease, waiting up to `timeoutMs` while another run holds it (the log
   * names the holder), taking over an expired one. Throws a ShipkitError naming the holder on timeout.
   */
  static async acquire(options: LeaseOptions): Promise<EnvironmentLease> {
    const { client, state } = options;
    const now = options.now ?? Date.now;
    const info = options.info ?? ((message: string) => runner.info(message));
    const warn = options.warn ?? ((message: string) => runner.warning(message));
    const expiryMs = options.expiryMs ?? DEFAULT_LEASE_EXPIRY_MS;
    const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
    const pollMs = options.pollMs ?? Math.max(200, Math.min(5000, Math.floor(timeoutMs / 20)));
    const key = EnvironmentLease.keyFor(state, options.app, options.environment);
    const where = `${options.app}/${options.environment} (${storeUrl(state.bucket, key)})`;
    const exclusive = await conditionalWrites(client, state.bucket, joinKey(state.prefix, 'ledger', '.conditional-write-probe.json'));
    if (!exclusive) {
      warn(`The state store ${storeUrl(state.bucket)} ignores conditional writes (If-None-Match), so the lease on ${options.app}/${options.environment} is taken by write-then-verify: exclusion is best effort there. AWS S3, MinIO and R2 honour conditional writes.`);
    }
    // The lock timeout is a duration: measured on the monotonic clock, whatever the wall clock does.
    const started = performance.now();
    const remaining = () => timeoutMs - (performance.now() - started);
    const run = options.run ?? {};
    let lastReported: string | undefined;
    let lastReportTime = -Infinity;
    let racesLost = 0;
    /** After a lost race: wait a little (never a hot loop), within the deadline. */
    const backOff = async () => {
      // Past the deadline, the next look names the holder (or finds the lease free again, once).
      if (++racesLost > 1 && remaining() <= 0) {
        throw new ShipkitError(`Could not take the lease of ${where}: other runs wrote it first ${racesLost} time(s) in ${formatDuration(timeoutMs)} (lock-timeout).`, {
          hint: 'Only one deploy, switch or rollback changes an environment at a time. Re-run when the other runs are done; raise lock-timeout to wait longer.',
        });
      }
      const jitter = 0.5 + Math.random();
      if (remaining() > 0) await sleep(Math.max(20, Math.min(pollMs * jitter, 1000 * jitter, remaining())));
    };
    for (;;) {
      let current: StoredObject<LeaseHolder> | undefined;
      try {
        current = await getJsonObject<LeaseHolder>(client, state.bucket, key);
      } catch (error) {
        // Not JSON: a write caught half-way on a store whose writes are not atomic (S3's are). Look again.
        if (!(error instanceof SyntaxError)) throw error;
        if (remaining() <= 0) {
          throw new ShipkitError(`The lease of ${where} is not valid JSON, so this run cannot tell who holds the environment.`, {
            hint: 'Another run may be writing it right now: re-run. If no run is changing the environment, delete that object.',
          });
        }
        await sleep(Math.max(20, Math.min(pollMs, 1000, remaining())));
        continue;
      }
      // For people: the store's time as this client knows it (the runner's clock only when the store sent none).
      const stamp = storeNow(client) ?? now();
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
        expiryMs,
        acquiredAt: new Date(stamp).toISOString(),
        renewedAt: new Date(stamp).toISOString(),
        expiresAt: new Date(stamp + expiryMs).toISOString(),
      };
      const holder = current?.value;
      const left = current ? timeLeft(current, now()) : 0;
      // An earlier attempt of this same job (re-run after a cancel whose post step could not release it).
      const ownEarlierAttempt =
        !!holder && !!run.runId && holder.runId === run.runId && holder.job === run.job && Number(holder.runAttempt ?? 0) < Number(run.runAttempt ?? 0);
      const free = !holder || left <= 0 || ownEarlierAttempt;
      if (free) {
        let etag: string | undefined;
        try {
          etag = await putJsonObject(client, state.bucket, key, mine, exclusive ? (current ? { ifMatch: current.etag ?? '*' } : { ifNoneMatch: true }) : undefined);
        } catch (error) {
          if (!isPreconditionFailed(error)) throw error;
          await backOff(); // another run got there first: look again, after a pause
          continue;
        }
        if (!exclusive) {
          // Write-then-verify: a racing writer that wrote after us wins; read back after a moment.
          await sleep(options.settleMs ?? 1000);
          const check = await getJsonObject<LeaseHolder>(client, state.bucket, key);
          if (check?.value.token !== mine.token) {
            await backOff();
            continue;
          }
          etag = check.etag;
        }
        const lease = new EnvironmentLease(options, key, mine, etag);
        lease.exclusive = exclusive;
        if (holder) {
          lease.takenOver = holder;
          warn(`Took over the ${ownEarlierAttempt ? "lease of this job's earlier attempt" : 'expired lease'} on ${options.app}/${options.environment}, held by ${describeHolder(holder, stamp, left)}. That run may have left its change unfinished; this run completes or replaces it.`);
        }
        lease.startRenewing();
        return lease;
      }
      const message = `Environment ${options.environment} of ${options.app} is held by ${describeHolder(holder, stamp, left)}.`;
      if (remaining() <= 0) {
        throw new ShipkitError(`${message} Gave up waiting after ${formatDuration(timeoutMs)} (lock-timeout).`, {
          hint: 'Only one deploy, switch or rollback changes an environment at a time. Wait for that run to finish (or cancel it) and re-run; raise lock-timeout to wait longer. A killed run\'s lease expires on its own.',
        });
      }
      const elapsed = performance.now() - started;
      if (holder.token !== lastReported || elapsed - lastReportTime >= 60_000) {
        info(`${message} Waiting up to ${formatDuration(Math.max(0, remaining()))} more (lock-timeout ${formatDuration(timeoutMs)}).`);
        lastReported = holder.token;
        lastReportTime = elapsed;
      }
      await sleep(Math.max(20, Math.min(pollMs, remaining())));
    }
  }

  private startRenewing(): void {
    const every = Math.max(1000, Math.floor(this.expiryMs / 3));
    this.timer = setInterval(() => {
      if (!this.renewing) this.renewing = this.renew().finally(() => (this.renewing = undefined));
    }, every);
    this.timer.unref();
  }

  /**
   * Pushes the expiry out (conditional on our own last write). A failure is kept in
   * `renewalError` (the next check() renews at once and stops the run if that fails too); a lease
   * found taken sets `lost`.
   */
  async renew(): Promise<void> {
    if (this.released || this.lost) return;
    try {
      await this.write();
      this.renewalError = undefined;
    } catch (error) {
      if (this.lost) return;
      this.renewalError = error;
      runner.debug(`Could not renew the lease on ${this.options.app}/${this.options.environment} (will try again): ${errorMessage(error)}`);
    }
  }

  /** One renewal: writes the lease again; sets `lost` (and returns) when the object is not ours any more; throws on a store failure. */
  private async write(): Promise<void> {
    const { client, state } = this.options;
    const stamp = storeNow(client) ?? (this.options.now ?? Date.now)();
    const next: LeaseHolder = { ...this.holder, expiryMs: this.expiryMs, renewedAt: new Date(stamp).toISOString(), expiresAt: new Date(stamp + this.expiryMs).toISOString() };
    if (!this.exclusive) {
      const current = await getJsonObject<LeaseHolder>(client, state.bucket, this.key);
      if (current?.value.token !== this.holder.token) {
        this.markLost(current);
        return;
      }
    }
    const body = JSON.stringify(next);
    let confirmed = false;
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          this.unconfirmed.add(body);
          this.etag = await putJsonObject(client, state.bucket, this.key, next, this.exclusive ? { ifMatch: this.etag ?? '*' } : undefined);
          confirmed = true;
          break;
        } catch (error) {
          if (!isPreconditionFailed(error)) throw error;
          // Not our last write any more: either another run's, or one of ours whose answer never came.
          const current = await getJsonObject<LeaseHolder>(client, state.bucket, this.key);
          if (attempt === 0 && current && this.isOwnUnconfirmed(current)) {
            this.etag = current.etag;
            continue;
          }
          this.markLost(current);
          return;
        }
      }
    } finally {
      if (confirmed) this.unconfirmed.clear();
    }
    this.holder = next;
  }

  /** The object holds one of this run's writes whose answer was lost: same token and one of the bodies sent. */
  private isOwnUnconfirmed(current: StoredObject<LeaseHolder>): boolean {
    return current.value.token === this.holder.token && this.unconfirmed.has(JSON.stringify(current.value));
  }

  private markLost(current: StoredObject<LeaseHolder> | undefined): void {
    if (this.lost) return;
    const other = current?.value;
    this.lostGone = !other;
    this.lostLeftMs = current ? leaseTimeLeft(current) : undefined;
    this.lost = other ?? { ...this.holder, token: '', operation: 'unknown (the lease object is gone)' };
    if (this.timer) clearInterval(this.timer);
    (this.options.warn ?? ((message: string) => runner.warning(message)))(
      `The lease on ${this.options.app}/${this.options.environment} was lost${other ? ` to ${describeHolder(other, Date.now(), this.lostLeftMs)}` : ' (the lease object is gone)'}: it expired before this run renewed it. This run writes nothing more; another run may change the environment now.`,
    );
  }

  private lostError(phase: string): LeaseLostError {
    return new LeaseLostError({ phase, app: this.options.app, environment: this.options.environment, holder: this.lostGone ? undefined : this.lost, leftMs: this.lostLeftMs });
  }

  /**
   * Fencing: call before each write phase (`install`, `switch`, `restore`, `record`...). Confirms
   * with one GET that the lease object still carries this run's token and (where the store
   * honours conditional writes) the ETag of this run's last write, and that the store's clock
   * has not expired it (else renews it first, conditionally). When the last scheduled renewal
   * failed, renews right now instead and throws if that fails too. A lease found taken or gone
   * sets `lost` and throws a LeaseLostError naming the phase, the environment and the holder; every
   * later check throws one too.
   */
  async check(phase: string): Promise<void> {
    const { client, state, app, environment } = this.options;
    if (this.lost) throw this.lostError(phase);
    if (this.released) throw new ShipkitError(`Stopped before ${phase}: the lease on ${app}/${environment} was already released by this run, so it may not write to the environment any more.`);
    await this.renewing?.catch(() => undefined);
    if (this.lost) throw this.lostError(phase);
    if (this.renewalError !== undefined) {
      const previous = this.renewalError;
      await this.renewNow(phase, (error) => `the last scheduled renewal failed too${describeFailure(error) === describeFailure(previous) ? '' : ` (${describeFailure(previous)})`}`);
      return;
    }
    let current: StoredObject<LeaseHolder> | undefined;
    try {
      current = await getJsonObject<LeaseHolder>(client, state.bucket, this.key);
    } catch (error) {
      throw new ShipkitError(`Stopped before ${phase}: could not read the lease on ${app}/${environment} (${storeUrl(state.bucket, this.key)}) to confirm this run still holds it: ${describeFailure(error)}.`, {
        hint: 'A run writes to an environment only while it knows it holds its lease. Re-run when the state store answers again.',
        cause: error,
      });
    }
    if (!current || current.value.token !== this.holder.token) {
      this.markLost(current);
      throw this.lostError(phase);
    }
    if (this.exclusive && current.etag !== this.etag) {
      if (!this.isOwnUnconfirmed(current)) {
        this.markLost(current);
        throw this.lostError(phase);
      }
      this.etag = current.etag;
      this.holder = current.value;
      this.unconfirmed.clear();
    }
    const left = leaseTimeLeft(current);
    if (left !== undefined && left <= 0) {
      // Still ours, but expired by the store's clock: another run may take it any moment. Renew first (If-Match: only if still untouched).
      await this.renewNow(phase, () => `it had expired ${formatDuration(-left)} ago by the store's clock`);
    }
  }

  private async renewNow(phase: string, why: (error: unknown) => string): Promise<void> {
    const { app, environment } = this.options;
    try {
      await this.write();
    } catch (error) {
      if (this.lost) throw this.lostError(phase);
      this.renewalError = error;
      // The write failed, but a read may still tell who holds the environment now: name that run.
      const current = await getJsonObject<LeaseHolder>(this.options.client, this.options.state.bucket, this.key).catch(() => 'unreadable' as const);
      if (current !== 'unreadable' && (!current || current.value.token !== this.holder.token)) {
        this.markLost(current);
        throw this.lostError(phase);
      }
      throw new ShipkitError(`Stopped before ${phase}: could not renew the lease on ${app}/${environment}: ${describeFailure(error)}; ${why(error)}.`, {
        hint: 'A run whose lease cannot be renewed stops before its next write: the lease may expire and another run take the environment. Re-run when the state store answers again.',
        cause: error,
      });
    }
    if (this.lost) throw this.lostError(phase);
    this.renewalError = undefined;
  }

  /**
   * Releases the lease (only if it is still ours: a lease another run holds is never deleted). Safe
   * to call twice. True when the store no longer has this run's lease (released now, or already
   * gone or taken over); false when the release failed and the lease stays until it expires.
   */
  release(): Promise<boolean> {
    this.releasing ??= this.releaseNow();
    return this.releasing;
  }

  private releasing?: Promise<boolean>;

  private async releaseNow(): Promise<boolean> {
    // Set before the first await: no renewal or fence passes once a release began.
    this.released = true;
    if (this.timer) clearInterval(this.timer);
    await this.renewing?.catch(() => undefined);
    if (this.lost) return true;
    const { client, state } = this.options;
    try {
      // Conditional on the ETag of the object just read with this run's token (a write of ours whose answer was lost included).
      await EnvironmentLease.releaseToken(client, state.bucket, this.key, this.holder.token);
      return true;
    } catch (error) {
      runner.warning(`Could not release the lease on ${this.options.app}/${this.options.environment} (it expires on its own at ${this.holder.expiresAt}): ${errorMessage(error)}`);
      return false;
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
