import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { runner, errorMessage, mapLimit, publicErrorSummary, readContext, redact, retry, runUrl, ShipkitError, storeUrl } from '@shipkit/core';
import { compareRecords, deriveState, sortRecords } from './derive.js';
import { newRecordId, parseRecordName, RECORD_ID, recordName, SEQ_DIGITS } from './ids.js';
import { conditionalWrites, isConditionalUnsupported, isNotFound, isPreconditionFailed, listKeys } from '@shipkit/s3';
import { joinKey, ledgerPrefix, parseStateLocation, type StateLocation } from './location.js';
import type { LeaseHolder } from './lease.js';
import type { Conflict, LedgerRecord, LedgerState, NewRecord, RecordType, SlotName } from './types.js';

export interface RunInfo {
  actor?: string;
  runId?: string;
  runAttempt?: string;
  runUrl?: string;
}

export interface LedgerOptions {
  /** `s3://bucket/prefix` or a parsed location. */
  state: string | StateLocation;
  app: string;
  environment: string;
  client: S3Client;
  /** Who writes; defaults to the GitHub run from the environment (GITHUB_ACTOR, GITHUB_RUN_ID...). */
  run?: RunInfo;
  /** Write a compaction snapshot once this many records are not in the latest one (default 100). */
  compactEvery?: number;
  /** Where conflict warnings go (default runner.warning). */
  warn?: (message: string) => void;
  now?: () => number;
}

interface Snapshot {
  version: 1;
  app: string;
  environment: string;
  lastRecordId: string;
  /** The last record's sequence number, when it has one. */
  lastRecordSeq?: number;
  records: LedgerRecord[];
}

/** How often an append may find its sequence number taken before it gives up (a ledger this busy is a bug). */
const MAX_SEQUENCE_CLAIMS = 50;

export function runInfoFromEnv(env: NodeJS.ProcessEnv = process.env): RunInfo {
  const context = readContext(env);
  return {
    actor: context.actor || undefined,
    runId: context.runId || undefined,
    runAttempt: context.runId ? context.runAttempt : undefined,
    runUrl: runUrl(context),
  };
}

function isRetryable(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number }; code?: string };
  const status = e?.$metadata?.httpStatusCode;
  if (status !== undefined) return status >= 500 || status === 429;
  return true; // network errors (ECONNREFUSED, resets) have no status
}

/**
 * An environment's ledger in the state store. Every record is its own object under
 * `<prefix>/ledger/<app>/<env>/records/`, written once and never overwritten or deleted, named by
 * its sequence number (ids.ts: recordName): record N+1 is created with `If-None-Match: *` at the
 * key of N+1, so the store, not any writer's clock, decides the order.
 */
export class Ledger {
  readonly location: StateLocation;
  readonly app: string;
  readonly environment: string;
  readonly prefix: string;
  readonly run: RunInfo;
  private readonly client: S3Client;
  /** Records by object key. */
  private readonly cache = new Map<string, LedgerRecord>();
  private readonly compactEvery: number;
  private readonly warn: (message: string) => void;
  private readonly now: () => number;
  /** Whether the store honours If-None-Match (asked once, with the lease's probe); false also after a 501. */
  private conditional?: Promise<boolean>;
  private conditionalRefused = false;
  /** The highest sequence number seen in this ledger (undefined: not listed yet). */
  private lastSeq?: number;
  private snapshotIds = new Set<string>();
  private pendingTakeover?: LeaseHolder;
  /** Whether records() has read the ledger once (later reads list the snapshots only when a record is not in the cache). */
  private readBefore = false;

  constructor(options: LedgerOptions) {
    this.location = typeof options.state === 'string' ? parseStateLocation(options.state) : options.state;
    this.app = options.app;
    this.environment = options.environment;
    this.client = options.client;
    this.prefix = ledgerPrefix(this.location, options.app, options.environment);
    this.run = options.run ?? runInfoFromEnv();
    this.compactEvery = options.compactEvery ?? 100;
    this.warn = options.warn ?? ((message) => runner.warning(message));
    this.now = options.now ?? Date.now;
  }

  private get recordsPrefix(): string {
    return `${this.prefix}records/`;
  }

  private recordKey(name: string): string {
    return `${this.recordsPrefix}${name}.json`;
  }

  /** Whether record keys can be claimed with If-None-Match here (the same probe, and cache, as the lease's). */
  private async conditionalStore(): Promise<boolean> {
    if (this.conditionalRefused) return false;
    this.conditional ??= conditionalWrites(this.client, this.location.bucket, joinKey(this.location.prefix, 'ledger', '.conditional-write-probe.json'));
    try {
      return await this.conditional;
    } catch (error) {
      this.conditional = undefined;
      throw error;
    }
  }

  /** Every key under `prefix` (complete, or an error: @shipkit/s3's listing). */
  private listKeys(prefix: string): Promise<string[]> {
    return listKeys(this.client, this.location.bucket, prefix);
  }

  private async getJson<T>(key: string): Promise<T | undefined> {
    try {
      const response = await retry(() => this.client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key: key })), {
        attempts: 3,
        baseDelayMs: 200,
        retryable: (error) => !isNotFound(error) && isRetryable(error),
        label: `Reading ${storeUrl(this.location.bucket, key)}`,
      });
      const text = await response.Body!.transformToString();
      return JSON.parse(text) as T;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Creates an object that must not exist yet: `If-None-Match: *` when `conditional`. Answers
   * `taken` when the key exists (another writer's — or, after a retried request, our own earlier
   * attempt: the caller tells them apart), `unconditional` when the store refuses the header (501).
   */
  private async putNew(key: string, body: string, conditional: boolean): Promise<'written' | 'taken' | 'unconditional'> {
    let outcome: 'written' | 'taken' | 'unconditional' = 'written';
    await retry(
      async () => {
        try {
          await this.client.send(
            new PutObjectCommand({ Bucket: this.location.bucket, Key: key, Body: redact(body) /* records and snapshots: no secret in any form (docs/design.md) */, ContentType: 'application/json', ...(conditional ? { IfNoneMatch: '*' } : {}) }),
          );
          outcome = 'written';
        } catch (error) {
          if (conditional && isConditionalUnsupported(error)) {
            outcome = 'unconditional';
            return;
          }
          if (conditional && isPreconditionFailed(error)) {
            outcome = 'taken';
            return;
          }
          throw error;
        }
      },
      { attempts: 4, baseDelayMs: 250, retryable: isRetryable, label: `Writing ${storeUrl(this.location.bucket, key)}` },
    );
    return outcome;
  }

  /** The highest sequence number in the ledger as last listed (listing it first if this instance never did). */
  private async knownLastSeq(): Promise<number> {
    if (this.lastSeq === undefined) await this.listRecordKeys();
    return this.lastSeq ?? 0;
  }

  /** The record keys of the ledger with what their names say; updates lastSeq. */
  private async listRecordKeys(): Promise<Map<string, { seq?: number; id?: string }>> {
    const listed = new Map<string, { seq?: number; id?: string }>();
    let last = this.lastSeq ?? 0;
    for (const key of await this.listKeys(this.recordsPrefix)) {
      if (!key.startsWith(this.recordsPrefix) || !key.endsWith('.json')) continue;
      const parsed = parseRecordName(key.slice(this.recordsPrefix.length, -'.json'.length));
      if (!parsed) continue;
      listed.set(key, parsed);
      if (parsed.seq !== undefined) last = Math.max(last, parsed.seq);
    }
    this.lastSeq = last;
    return listed;
  }

  /** The keys a record may be stored under (it does not say which format its store used). */
  private candidateKeys(record: LedgerRecord): string[] {
    if (typeof record.seq !== 'number') return RECORD_ID.test(record.id) ? [this.recordKey(record.id)] : [];
    try {
      return [this.recordKey(recordName(record.seq)), this.recordKey(recordName(record.seq, record.id))];
    } catch {
      return [];
    }
  }

  /**
   * Every record of the environment, in ledger order (compareRecords), as the store lists them now
   * (every call lists the records again). Loads the latest snapshot and only the records not in it;
   * records this instance has read or written are not fetched again. The snapshots are listed with
   * the first read, and later only when a listed record is not in the cache.
   */
  async records(): Promise<LedgerRecord[]> {
    const snapshotsPrefix = `${this.prefix}snapshots/`;
    const [listed, firstSnapshotKeys] = await Promise.all([this.listRecordKeys(), this.readBefore ? undefined : this.listKeys(snapshotsPrefix)]);
    this.readBefore = true;
    const missing = () => [...listed.keys()].filter((key) => !this.cache.has(key));
    const snapshotKeys = missing().length === 0 ? [] : (firstSnapshotKeys ?? (await this.listKeys(snapshotsPrefix)));
    // `seq-<n>.json` snapshots sort after the older `<id>.json` ones, and among themselves by sequence.
    const latestSnapshot = snapshotKeys.sort().at(-1);
    if (latestSnapshot && missing().length > 0) {
      // A snapshot is only a shortcut: if it cannot be read, every record is read on its own.
      const snapshot = await this.getJson<Snapshot>(latestSnapshot).catch((error: unknown) => {
        runner.debug(`Ignoring ledger snapshot ${latestSnapshot}: ${errorMessage(error)}`);
        return undefined;
      });
      for (const record of Array.isArray(snapshot?.records) ? snapshot.records : []) {
        for (const key of this.candidateKeys(record)) {
          if (!listed.has(key)) continue;
          this.cache.set(key, record);
          this.snapshotIds.add(record.id);
        }
      }
    }
    await mapLimit(missing(), 16, async (key) => {
      const record = await this.getJson<LedgerRecord>(key);
      if (!record) return;
      // The key is what the conditional create guarded: its sequence number is the record's.
      const seq = listed.get(key)?.seq;
      this.cache.set(key, seq === undefined ? record : { ...record, seq });
    });
    return sortRecords([...listed.keys()].map((key) => this.cache.get(key)).filter((record): record is LedgerRecord => !!record));
  }

  /** The end record (succeeded or failed) of an operation, if one is stored. */
  async endOf(operation: string): Promise<LedgerRecord | undefined> {
    return endIn(await this.records(), operation);
  }

  async state(): Promise<LedgerState> {
    return deriveState(this.app, this.environment, await this.records());
  }

  /** The records and the state derived from them, from one read (callers that need both list the store once). */
  async read(): Promise<{ records: LedgerRecord[]; state: LedgerState }> {
    const records = await this.records();
    return { records, state: deriveState(this.app, this.environment, records) };
  }

  /**
   * Appends one record (never overwriting) and returns it as stored. It takes the next sequence
   * number: creates `records/<N+1>.json` with If-None-Match; when another writer has it, reads it
   * and tries the next. On stores that ignore conditional writes the key also carries the record's
   * id (`<N+1>-<id>.json`), so nothing is overwritten and the order is best effort.
   */
  async append(input: NewRecord, options: AppendOptions = {}): Promise<LedgerRecord> {
    const id = newRecordId(this.now());
    const base: LedgerRecord = {
      id,
      operation: input.operation ?? id,
      app: this.app,
      environment: this.environment,
      time: new Date(this.now()).toISOString(),
      ...this.run,
      ...stripUndefined(input),
    } as LedgerRecord;
    base.id = id;
    base.operation = input.operation ?? id;
    // Without conditional writes nothing refuses a stale number: look at the listing right before writing (best effort),
    // unless the caller's own listing was just that (no request in between).
    if (!options.listedJustBefore && !(await this.conditionalStore())) await this.listRecordKeys();
    let seq = (await this.knownLastSeq()) + 1;
    for (let claims = 1; ; claims++) {
      const conditional = await this.conditionalStore();
      const record: LedgerRecord = { ...base, seq };
      const key = this.recordKey(recordName(seq, conditional ? undefined : id));
      const outcome = await this.putNew(key, `${JSON.stringify(record, null, 2)}\n`, conditional);
      if (outcome === 'unconditional') {
        // The store refuses If-None-Match outright: write keys that cannot collide instead.
        this.conditionalRefused = true;
        continue;
      }
      if (outcome === 'written') {
        this.cache.set(key, record);
        this.lastSeq = Math.max(this.lastSeq ?? 0, seq);
        return record;
      }
      // Taken: another writer's record N+1 — or ours, when a retried request had in fact been stored.
      const existing = await this.getJson<LedgerRecord>(key);
      if (existing?.id === id) {
        const stored = { ...existing, seq };
        this.cache.set(key, stored);
        this.lastSeq = Math.max(this.lastSeq ?? 0, seq);
        return stored;
      }
      if (existing) this.cache.set(key, { ...existing, seq });
      this.lastSeq = Math.max(this.lastSeq ?? 0, seq);
      if (claims >= MAX_SEQUENCE_CLAIMS) {
        throw new ShipkitError(
          `Could not append a record to the ledger of ${this.app}/${this.environment}: ${claims} sequence numbers in a row (up to ${seq}, ${storeUrl(this.location.bucket, key)}) were taken by other writers.`,
          { hint: 'Something writes records to this ledger in a loop; find it (the records say which run) and re-run.' },
        );
      }
      // Several taken in a row: many writers at once, or this instance's view is old. Look at the listing again.
      if (claims % 4 === 0) await this.listRecordKeys();
      seq = Math.max(seq, this.lastSeq) + 1;
    }
  }

  /**
   * Starts an operation: writes its started record, then re-reads the ledger and reports conflicts
   * (another run's operation still open, or records that appeared after `decidedOn` — the state
   * the caller based its decision on). Conflicts are warned about and kept on the operation; the caller
   * decides whether to go on (deploy-env goes on: a conflict is reported, never silently resolved).
   */
  async begin(input: Omit<NewRecord, 'status' | 'operation'> & { type: Exclude<RecordType, 'smoke'> }, decidedOn?: LedgerState): Promise<Operation> {
    const takeover = this.pendingTakeover;
    const details = takeover ? { ...input.details, leaseTakenOver: summarizeHolder(takeover) } : input.details;
    const started = await this.append({ ...input, ...(details ? { details } : {}), status: 'started' });
    this.pendingTakeover = undefined;
    const operation = new Operation(this, started, decidedOn ? (decidedOn.lastRecordId ?? '') : undefined);
    await operation.checkConflicts();
    return operation;
  }

  /** The run took over an expired lease: the next started record says whose, so the ledger shows it. */
  noteLeaseTakeover(holder: LeaseHolder): void {
    this.pendingTakeover = holder;
  }

  /** Records a smoke-test result against the environment (and slot), for `require-smoke`. */
  async recordSmokeResult(result: { passed: boolean; slot?: SlotName; release?: string; url?: string; reason?: string; details?: Record<string, unknown> }): Promise<LedgerRecord> {
    return this.append({
      type: 'smoke',
      status: result.passed ? 'succeeded' : 'failed',
      slot: result.slot,
      release: result.release,
      reason: result.reason,
      details: { ...(result.url ? { url: result.url } : {}), ...result.details },
    });
  }

  /** Conflicts involving `operation`, from the records as they are now. */
  conflictsFor(records: LedgerRecord[], started: LedgerRecord, basis?: string): Conflict[] {
    const found: Conflict[] = [];
    const state = deriveState(this.app, this.environment, records);
    for (const conflict of state.conflicts) {
      if (conflict.operation === started.operation || conflict.other === started.operation) {
        const other = conflict.operation === started.operation ? conflict.other : conflict.operation;
        const otherRecord = records.find((record) => record.id === other);
        found.push({ ...conflict, operation: started.operation, other, otherRunUrl: otherRecord?.runUrl });
      }
    }
    if (basis !== undefined) {
      const sameOwner = (record: LedgerRecord) => (record.runId && record.runId === started.runId) || record.operation === started.operation;
      // Between the record the caller decided on and its own started record, in ledger order (not by ids: they carry writers' clocks).
      const ordered = sortRecords(records);
      const basisRecord = basis ? ordered.find((record) => record.id === basis) : undefined;
      const after = (record: LedgerRecord) => (basisRecord ? compareRecords(record, basisRecord) > 0 : basis ? record.id > basis : true);
      for (const record of ordered) {
        if (after(record) && compareRecords(record, started) < 0 && !sameOwner(record) && record.type !== 'smoke') {
          if (found.some((conflict) => conflict.other === record.operation)) continue;
          found.push({
            kind: 'state-changed',
            operation: started.operation,
            other: record.operation,
            otherRunUrl: record.runUrl,
            message: `the ledger changed while this run was deciding: ${record.type} ${record.status} of ${record.release ?? '?'} (${record.runUrl ?? record.id})`,
          });
        }
      }
    }
    return found;
  }

  /**
   * Writes a compaction snapshot when enough records are outside the latest one. Snapshots are
   * derived data; records stay. `known`: the records as the caller just read them (and wrote
   * since), in ledger order, so that the ledger is not listed again; a record missing from them
   * is read on its own by later readers, as any record after a snapshot is.
   */
  async compactIfNeeded(known?: LedgerRecord[]): Promise<boolean> {
    const records = known ?? (await this.records());
    const outside = records.filter((record) => !this.snapshotIds.has(record.id)).length;
    if (outside < this.compactEvery) return false;
    await this.compact(records);
    return true;
  }

  async compact(records?: LedgerRecord[]): Promise<string | undefined> {
    const all = records ?? (await this.records());
    const last = all.at(-1);
    if (!last) return undefined;
    // `seq-<12 digits>` sorts after the `<id>` names of snapshots written before sequences, and by sequence among itself.
    const key = `${this.prefix}snapshots/${typeof last.seq === 'number' ? `seq-${String(last.seq).padStart(SEQ_DIGITS, '0')}` : last.id}.json`;
    const snapshot: Snapshot = { version: 1, app: this.app, environment: this.environment, lastRecordId: last.id, ...(typeof last.seq === 'number' ? { lastRecordSeq: last.seq } : {}), records: all };
    // Taken: another writer snapshotted the same records (a snapshot is derived data).
    const conditional = await this.conditionalStore().catch(() => false);
    if ((await this.putNew(key, JSON.stringify(snapshot), conditional)) === 'unconditional') await this.putNew(key, JSON.stringify(snapshot), false);
    for (const record of all) this.snapshotIds.add(record.id);
    // Older snapshots are superseded (every record in them is in the new one); keep one spare.
    const snapshots = (await this.listKeys(`${this.prefix}snapshots/`)).sort();
    for (const old of snapshots.slice(0, -2)) {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: old })).catch(() => undefined);
    }
    return key;
  }

  reportConflicts(conflicts: Conflict[]): void {
    for (const conflict of conflicts) {
      this.warn(`Ledger conflict on ${this.app}/${this.environment} (${conflict.kind}): ${conflict.message}. Both records are kept; check the environment's state before going on.`);
    }
  }
}

/** A started operation; end it with succeed() or fail(), typically in a `finally`. */
export class Operation {
  conflicts: Conflict[] = [];
  end?: LedgerRecord;
  /** succeed()/fail() found the operation already ended in the ledger (by another process) and wrote nothing. */
  endedBefore = false;

  constructor(
    private readonly ledger: Ledger,
    readonly started: LedgerRecord,
    private readonly basis?: string,
  ) {}

  get id(): string {
    return this.started.operation;
  }

  /** Re-reads the ledger; new conflicts are warned about once. */
  async checkConflicts(): Promise<Conflict[]> {
    return this.conflictsIn(await this.ledger.records());
  }

  /** New conflicts in `records` (the ledger as just read), warned about once. */
  private conflictsIn(records: LedgerRecord[]): Conflict[] {
    const found = this.ledger.conflictsFor(records, this.started, this.basis);
    const fresh = found.filter((conflict) => !this.conflicts.some((known) => known.kind === conflict.kind && known.other === conflict.other));
    this.ledger.reportConflicts(fresh);
    this.conflicts.push(...fresh);
    return fresh;
  }

  private async finish(status: 'succeeded' | 'failed', extra: Partial<NewRecord>): Promise<LedgerRecord> {
    if (this.end) return this.end;
    // One read of the ledger serves the conflict check, the check below and (stores without conditional writes) the sequence number.
    let records: LedgerRecord[] | undefined;
    try {
      records = await this.ledger.records();
      this.conflictsIn(records);
    } catch (error) {
      runner.debug(`Could not re-check ledger conflicts: ${errorMessage(error)}`);
    }
    // Already ended (e.g. a post step after a main step that recorded its end and was then cancelled): never a second end.
    const ended = records ? endIn(records, this.started.operation) : await this.ledger.endOf(this.started.operation).catch(() => undefined);
    if (ended) {
      this.end = ended;
      this.endedBefore = true;
      return ended;
    }
    const { id: _id, seq: _seq, operation: _op, time: _time, app: _app, environment: _env, status: _status, conflicts: _c, ...base } = this.started;
    const end = await this.ledger.append(
      {
        ...base,
        ...stripUndefined(extra),
        details: { ...this.started.details, ...extra.details },
        type: this.started.type,
        status,
        operation: this.started.operation,
        conflicts: this.conflicts.length ? this.conflicts : undefined,
      },
      { listedJustBefore: records !== undefined },
    );
    this.end = end;
    try {
      await this.ledger.compactIfNeeded(records ? sortRecords([...records.filter((record) => record.id !== end.id), end]) : undefined);
    } catch (error) {
      runner.debug(`Ledger compaction skipped: ${errorMessage(error)}`);
    }
    return this.end;
  }

  /**
   * Records a step inside the operation (a canary's weight, an analysis result): a `progress`
   * record carrying the started record's fields, which neither opens nor ends the operation.
   */
  async progress(details: Record<string, unknown>): Promise<LedgerRecord> {
    const { id: _id, seq: _seq, operation: _op, time: _time, app: _app, environment: _env, status: _status, conflicts: _c, details: _d, ...base } = this.started;
    return this.ledger.append({ ...base, status: 'progress', operation: this.started.operation, details });
  }

  succeed(extra: Partial<NewRecord> = {}): Promise<LedgerRecord> {
    return this.finish('succeeded', extra);
  }

  /** Records the failure: what failed and how, never a command's output (publicErrorSummary). */
  fail(error: unknown, extra: Partial<NewRecord> = {}): Promise<LedgerRecord> {
    return this.finish('failed', { ...extra, error: publicErrorSummary(error) });
  }
}

export interface AppendOptions {
  /**
   * The caller listed the ledger (records()) right before, with no request in between: a store
   * without conditional writes is not listed again to pick the sequence number.
   */
  listedJustBefore?: boolean;
}

/** The end record (succeeded or failed) of `operation` among `records`. */
function endIn(records: LedgerRecord[], operation: string): LedgerRecord | undefined {
  return records.find((record) => record.operation === operation && record.id !== operation && record.status !== 'started' && record.status !== 'progress');
}

function summarizeHolder(holder: LeaseHolder): Record<string, unknown> {
  const { token: _token, app: _app, environment: _environment, ...rest } = holder;
  return stripUndefined(rest);
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export async function openLedger(options: LedgerOptions): Promise<Ledger> {
  if (!options.app) throw new ShipkitError('The ledger needs an app name (`app:` in .github/shipkit.yml).');
  return new Ledger(options);
}
