export const id = 485;
export const ids = [485];
export const modules = {

/***/ 58600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aN: () => (/* reexport */ ArmClient),
  pG: () => (/* reexport */ ArmOperationTimeoutError),
  s8: () => (/* reexport */ azureCdnTarget),
  jG: () => (/* binding */ createBlobStore),
  O5: () => (/* reexport */ describeAzureCdn),
  mz: () => (/* reexport */ purgeAzureCdn)
});

// UNUSED EXPORTS: ARM_ENDPOINT, CDN_API_VERSION, MAX_PURGE_PATHS, purgePath

// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
;// CONCATENATED MODULE: ./packages/azure/src/arm.ts

/**
 * A small Azure Resource Manager client for the few operations shipkit makes (a CDN / Front Door
 * purge, an App Service slot swap, reading and writing app settings): bearer tokens from
 * DefaultAzureCredential (azure/login's OIDC session through the az CLI, a managed identity,
 * environment credentials), retries of 429 and 5xx answers honouring Retry-After, and Azure's
 * long-running operations: a 201/202 answer is followed through its `Azure-AsyncOperation` (or
 * `Location`) URL until it Succeeded, Failed or was Canceled, within a timeout.
 *
 * Written against the REST reference rather than with @azure/arm-cdn and @azure/arm-appservice:
 * those SDKs would add several MB to every bundle for four calls.
 */
const ARM_ENDPOINT = 'https://management.azure.com';
/** `code: message` of an ARM error body ({ error: { code, message } }). */
function armError(body) {
    const error = body?.error;
    if (!error)
        return undefined;
    return [error.code, error.message].filter(Boolean).join(': ');
}
/**
 * A long-running operation still running when its timeout passed. Nothing cancelled it: it may
 * still end, either way — a caller must not act as if it failed (e.g. reset a swap mid-way).
 */
class ArmOperationTimeoutError extends src.ShipkitError {
    what;
    timeoutMs;
    operation;
    constructor(what, timeoutMs, 
    /** The poll URL of the operation (without its query). */
    operation) {
        super(`${what} did not finish within ${Math.round(timeoutMs / 1000)}s (Azure operation ${redact(operation)} still running).`);
        this.what = what;
        this.timeoutMs = timeoutMs;
        this.operation = operation;
        this.name = 'ArmOperationTimeoutError';
        this.operation = redact(operation);
    }
}
class ArmClient {
    options;
    endpoint;
    credential;
    /** The last token, reused until two minutes before it expires: the az CLI credential starts `az` on every call. */
    cached;
    constructor(options = {}) {
        this.options = options;
        this.endpoint = (options.endpoint ?? ARM_ENDPOINT).replace(/\/+$/, '');
        this.credential = options.credential;
    }
    async token() {
        if (this.cached && this.cached.expiresOnTimestamp - Date.now() > 120_000)
            return this.cached.token;
        if (!this.credential) {
            const { DefaultAzureCredential } = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(738), __webpack_require__.e(16)]).then(__webpack_require__.bind(__webpack_require__, 73016));
            this.credential = new DefaultAzureCredential();
        }
        let token;
        try {
            token = await this.credential.getToken(`${this.endpoint}/.default`);
        }
        catch (error) {
            throw new src.ShipkitError(`Could not get an Azure Resource Manager token: ${(0,src.errorMessage)(error).split('\n')[0]}`, {
                hint: 'Sign in first: azure/login with OIDC (client-id, tenant-id, subscription-id) before this step, or a managed identity.',
            });
        }
        if (!token?.token)
            throw new src.ShipkitError('Azure returned no Resource Manager token.');
        this.cached = { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
        return token.token;
    }
    /** One ARM request (absolute URL or a path under the endpoint), retried on 429, 5xx and network errors. */
    async send(method, pathOrUrl, body) {
        const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.endpoint}${pathOrUrl}`;
        const attempts = this.options.attempts ?? 4;
        for (let attempt = 1;; attempt++) {
            let response;
            try {
                response = await fetch(url, {
                    method,
                    headers: { authorization: `Bearer ${await this.token()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
                    body: body !== undefined ? JSON.stringify(body) : undefined,
                });
            }
            catch (error) {
                if (error instanceof src.ShipkitError || attempt >= attempts)
                    throw error instanceof src.ShipkitError ? error : new src.ShipkitError(`Could not reach Azure Resource Manager (${method} ${redact(url)}): ${(0,src.errorMessage)(error)}`);
                await (0,src.sleep)((0,src.backoffDelay)(attempt, 250, 8000));
                continue;
            }
            const text = await response.text();
            let parsed = undefined;
            try {
                parsed = text ? JSON.parse(text) : undefined;
            }
            catch {
                parsed = text;
            }
            if ((response.status === 429 || response.status >= 500) && attempt < attempts) {
                await (0,src.sleep)(retryAfter(response.headers) ?? (0,src.backoffDelay)(attempt, 250, 8000));
                continue;
            }
            return { status: response.status, headers: response.headers, body: parsed };
        }
    }
    /**
     * A call that may run long: 200/204 is done; 201/202 is followed to its end (when `wait`), by
     * Azure-AsyncOperation (status InProgress -> Succeeded | Failed | Canceled) or else Location
     * (202 while running). Any other answer, and a Failed or Canceled end, throw naming `what`.
     */
    async run(method, path, body, what, options = {}) {
        const response = await this.send(method, path, body);
        this.check(response, what);
        if (response.status !== 201 && response.status !== 202)
            return { status: 'Succeeded', body: response.body };
        const asyncUrl = response.headers.get('azure-asyncoperation');
        const location = response.headers.get('location');
        const operation = asyncUrl ?? location ?? undefined;
        if (!operation)
            return { status: 'Accepted', body: response.body };
        if (options.wait === false)
            return { status: 'Accepted', operation };
        const deadline = Date.now() + (this.options.timeoutMs ?? 15 * 60_000);
        let delay = retryAfter(response.headers) ?? this.options.pollIntervalMs ?? 5000;
        for (;;) {
            if (Date.now() + delay > deadline)
                throw new ArmOperationTimeoutError(what, this.options.timeoutMs ?? 15 * 60_000, operation);
            await (0,src.sleep)(delay);
            const poll = await this.send('GET', operation);
            this.check(poll, `${what} (polling its operation)`);
            if (asyncUrl) {
                const status = String(poll.body?.status ?? '');
                if (status === 'Succeeded')
                    return { status, operation };
                if (status === 'Failed' || status === 'Canceled')
                    throw new src.ShipkitError(`${what} ended ${status}${armError(poll.body) ? `: ${armError(poll.body)}` : ''}.`);
                this.options.log?.(`${what}: ${status || 'in progress'}...`);
            }
            else if (poll.status !== 202) {
                return { status: 'Succeeded', operation, body: poll.body };
            }
            delay = retryAfter(poll.headers) ?? this.options.pollIntervalMs ?? 5000;
        }
    }
    /** Throws a ShipkitError for a non-2xx answer, with ARM's own code and message. */
    check(response, what) {
        if (response.status >= 200 && response.status < 300)
            return;
        // Redacted before it is cut: a cut secret is no longer recognisable.
        const detail = armError(response.body) ?? (typeof response.body === 'string' ? (0,src.redactedExcerpt)(response.body) : '');
        const hint = response.status === 409
            ? 'Azure refused because another operation is running on the same resource (409 Conflict): wait for it to finish, then re-run.'
            : response.status === 401 || response.status === 403
                ? 'Check the role assignment of the identity azure/login signed in with (docs/azure.md, Roles).'
                : undefined;
        throw new src.ShipkitError(`Azure Resource Manager refused ${what}: HTTP ${response.status}${detail ? ` ${detail}` : ''}.`, { hint });
    }
}
/** Retry-After in ms (seconds or an HTTP date), capped at 60 s. */
function retryAfter(headers) {
    const value = headers.get('retry-after');
    if (!value)
        return undefined;
    const seconds = Number(value);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
    return Number.isFinite(ms) ? Math.min(60_000, Math.max(0, ms)) : undefined;
}
/** A URL without its query (poll URLs may carry signatures). */
function redact(url) {
    return url.split('?')[0];
}

;// CONCATENATED MODULE: ./packages/azure/src/cdn.ts
/** Purges on Azure Front Door Standard/Premium (`afdEndpoints`) or classic Azure CDN (`endpoints`), ARM API 2024-02-01. */
const CDN_API_VERSION = '2024-02-01';
/** More paths than this in one purge become `/*` (Azure's purge takes a bounded list). */
const MAX_PURGE_PATHS = 100;
function describeAzureCdn(target) {
    return `${target.kind === 'front-door' ? 'Front Door' : 'Azure CDN'} ${target.profile}/${target.endpoint}`;
}
/** The purge action's resource path. */
function purgePath(target) {
    const endpoints = target.kind === 'front-door' ? 'afdEndpoints' : 'endpoints';
    return `/subscriptions/${encodeURIComponent(target.subscription)}/resourceGroups/${encodeURIComponent(target.resourceGroup)}/providers/Microsoft.Cdn/profiles/${encodeURIComponent(target.profile)}/${endpoints}/${encodeURIComponent(target.endpoint)}/purge?api-version=${CDN_API_VERSION}`;
}
/**
 * Purges `paths` (each starting with `/`; `/*` for everything) and, with `wait`, follows the
 * long-running operation until it Succeeded. Many paths become one `/*`.
 */
async function purgeAzureCdn(client, target, paths) {
    const contentPaths = paths.length > MAX_PURGE_PATHS || paths.includes('/*') ? ['/*'] : [...paths];
    const body = { contentPaths, ...(target.kind === 'front-door' && target.domains?.length ? { domains: target.domains } : {}) };
    const result = await client.run('POST', purgePath(target), body, `the purge of ${contentPaths.length === 1 ? contentPaths[0] : `${contentPaths.length} paths`} on ${describeAzureCdn(target)}`, { wait: target.wait });
    return { ...result, paths: contentPaths };
}
/** The purge target of a config's `azure-cdn:` (checked by the config schema). */
function azureCdnTarget(config) {
    return {
        subscription: config.subscription,
        resourceGroup: config['resource-group'],
        profile: config.profile,
        endpoint: config.endpoint,
        kind: config.kind ?? 'front-door',
        domains: config.domains,
        wait: config.wait ?? true,
        armEndpoint: config['arm-endpoint'],
    };
}

;// CONCATENATED MODULE: ./packages/azure/src/index.ts


/** The Azure Blob store, loaded on first use (its SDK is a bundle chunk of its own). */
async function createBlobStore(options = {}) {
    const { AzureBlobStore } = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(738), __webpack_require__.e(16), __webpack_require__.e(184), __webpack_require__.e(244), __webpack_require__.e(308)]).then(__webpack_require__.bind(__webpack_require__, 43308));
    return new AzureBlobStore(options);
}


/***/ }),

/***/ 82816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MJ: () => (/* reexport */ DEFAULT_LEASE_EXPIRY_MS),
  L$: () => (/* reexport */ DEFAULT_LOCK_TIMEOUT_MS),
  EN: () => (/* reexport */ EnvironmentLease),
  I: () => (/* reexport */ Operation),
  si: () => (/* reexport */ SLOT_NAMES),
  D3: () => (/* reexport */ commitOf),
  V7: () => (/* reexport */ formatWeights),
  f0: () => (/* reexport */ idleSlot),
  IC: () => (/* reexport */ imagesOf),
  JY: () => (/* reexport */ isGoodRelease),
  Rh: () => (/* reexport */ isLeaseLost),
  ID: () => (/* reexport */ joinKey),
  au: () => (/* reexport */ openLedger),
  jx: () => (/* reexport */ otherSlot),
  uh: () => (/* reexport */ parseStateLocation),
  sE: () => (/* reexport */ releasePrefix),
  zY: () => (/* reexport */ releasesInUse),
  Bl: () => (/* reexport */ rollbackTargetFor),
  PB: () => (/* reexport */ runInfoFromEnv),
  hB: () => (/* reexport */ taskDefinitionsOf)
});

// UNUSED EXPORTS: ABANDON_AFTER_MS, LeaseLostError, Ledger, RECORD_ID, SEQ_DIGITS, compactTime, compareRecords, deriveState, describeHolder, formatStatus, leaseDuration, leaseTimeLeft, ledgerPrefix, newRecordId, parseRecordName, recordIdTime, recordName, sortRecords, splitWeights

;// CONCATENATED MODULE: ./packages/ledger/src/types.ts
/** The ledger's record and derived-state shapes. See ../README.md for the contract. */
const SLOT_NAMES = ['blue', 'green'];

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/ledger/src/ids.ts

let lastMs = 0;
/** `20261122T051400123Z` for a time: ISO 8601 basic format, sorts as text in time order. */
function compactTime(ms) {
    return new Date(ms).toISOString().replace(/[-:]/g, '').replace('.', '');
}
/**
 * A unique, time-sortable record id: compact time plus 8 random hex digits. Within one process
 * ids strictly increase even when the clock stands still, so an operation's end sorts after its start.
 */
function newRecordId(now = Date.now()) {
    const ms = Math.max(now, lastMs + 1);
    lastMs = ms;
    return `${compactTime(ms)}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
}
const RECORD_ID = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/;
/** The time encoded in a record id (ms since epoch). */
function recordIdTime(id) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(id);
    if (!m)
        return NaN;
    return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7]);
}
/**
 * Ledger order: every record written since sequences exist carries `seq`, its position in the
 * environment's ledger, claimed by a conditional create of the key that names it. Keys under
 * `records/` (see recordName):
 * - `<seq, 12 digits>.json` on stores that honour If-None-Match: record N+1 is created there with
 *   `If-None-Match: *`, so two writers cannot both get N+1 (the loser re-reads and takes the next);
 * - `<seq>-<id>.json` on stores that ignore conditional writes (s3rver): the seq is best effort
 *   (two writers may both take N+1; they are then ordered by id), the key stays unique so nothing is overwritten;
 * - `<id>.json`: records written before sequences; they come first, in id order.
 */
const SEQ_DIGITS = 12;
const SEQ_NAME = new RegExp(`^(\\d{${SEQ_DIGITS}})(?:-(\\d{8}T\\d{9}Z-[0-9a-f]{8}))?$`);
/** The object name (without `.json`) of a record: `000000000042` (conditional stores), `000000000042-<id>` (others), `<id>` (no sequence). */
function recordName(seq, id) {
    if (seq === undefined) {
        if (!id)
            throw new Error('recordName: a record without a sequence number needs its id');
        return id;
    }
    if (!Number.isSafeInteger(seq) || seq < 1 || String(seq).length > SEQ_DIGITS)
        throw new Error(`recordName: sequence number ${seq} is not an integer from 1 to ${'9'.repeat(SEQ_DIGITS)}`);
    const padded = String(seq).padStart(SEQ_DIGITS, '0');
    return id ? `${padded}-${id}` : padded;
}
/** What a record's object name says: its sequence number and/or its id; undefined for names that are not records. */
function parseRecordName(name) {
    if (RECORD_ID.test(name))
        return { id: name };
    const match = SEQ_NAME.exec(name);
    if (!match)
        return undefined;
    return { seq: Number(match[1]), ...(match[2] ? { id: match[2] } : {}) };
}

;// CONCATENATED MODULE: ./packages/ledger/src/derive.ts

/** An operation started this long before another and never ended is treated as abandoned (a GitHub job runs at most 6 h). */
const ABANDON_AFTER_MS = 6 * 60 * 60 * 1000;
const MUTATING = new Set(['deploy', 'switch', 'rollback', 'remove']);
/** Who wrote an operation: its workflow run (attempts of one run never overlap), else the operation itself. */
function owner(record) {
    return record.runId ? `run:${record.runId}` : `op:${record.operation}`;
}
/**
 * Ledger order: records without a sequence number (written before sequences existed) first, in id
 * order; then by sequence number (ties — possible only on stores without conditional writes — by
 * id). Timestamps (and the time in ids) are the writers' clocks: for people, never for order.
 */
function compareRecords(a, b) {
    const aSeq = typeof a.seq === 'number' ? a.seq : undefined;
    const bSeq = typeof b.seq === 'number' ? b.seq : undefined;
    if (aSeq === undefined && bSeq !== undefined)
        return -1;
    if (aSeq !== undefined && bSeq === undefined)
        return 1;
    if (aSeq !== undefined && bSeq !== undefined && aSeq !== bSeq)
        return aSeq - bSeq;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
/** The records in ledger order (compareRecords), one per id. */
function sortRecords(records) {
    const byId = new Map();
    for (const record of records)
        byId.set(record.id, record);
    return [...byId.values()].sort(compareRecords);
}
function conflictKey(conflict) {
    return [conflict.kind, ...[conflict.operation, conflict.other].sort()].join('|');
}
/**
 * Derives an environment's state from its records. Pure and deterministic: the same records in
 * any order give the same state (records are processed in ledger order: compareRecords).
 */
function deriveState(app, environment, input) {
    const records = sortRecords(input);
    const state = {
        app,
        environment,
        slots: {},
        releases: {},
        history: [],
        operations: [],
        open: [],
        conflicts: [],
        recordCount: records.length,
        lastRecordId: records.at(-1)?.id,
        ...(typeof records.at(-1)?.seq === 'number' ? { lastRecordSeq: records.at(-1).seq } : {}),
    };
    const operations = new Map();
    const open = new Map();
    const conflicts = new Map();
    const addConflict = (conflict) => {
        const key = conflictKey(conflict);
        if (!conflicts.has(key))
            conflicts.set(key, conflict);
    };
    const release = (id) => (state.releases[id] ??= { release: id, deployed: false, rolledBack: false });
    const setLive = (record, releaseId, slot) => {
        if (state.live && state.live.release === releaseId && state.live.slot === slot)
            return;
        const current = state.history.at(-1);
        if (current)
            current.until = record.time;
        const change = { release: releaseId, slot, since: record.time, recordId: record.id, type: record.type };
        state.history.push(change);
        state.live = { release: releaseId, slot, since: record.time, recordId: record.id };
        state.liveSmoke = undefined;
    };
    const setSlot = (record, slot, releaseId, status) => {
        const before = state.slots[slot];
        const keepSmoke = status === 'ready' && before?.status === 'ready' && before.release === releaseId ? before.smoke : undefined;
        state.slots[slot] = { slot, release: releaseId, status, since: record.time, recordId: record.id, smoke: keepSmoke };
    };
    for (const record of records) {
        // Operations: a started record opens one, a succeeded/failed record with the same operation ends it.
        let op = operations.get(record.operation);
        if (!op) {
            op = { operation: record.operation, type: record.type, status: record.status, abandoned: false };
            operations.set(record.operation, op);
            state.operations.push(op);
        }
        if (record.status === 'started') {
            op.started = record;
            if (MUTATING.has(record.type)) {
                const startedAt = recordIdTime(record.id);
                for (const other of open.values()) {
                    const otherStart = other.started;
                    if (startedAt - recordIdTime(otherStart.id) > ABANDON_AFTER_MS) {
                        other.abandoned = true;
                        open.delete(other.operation);
                        continue;
                    }
                    if (owner(otherStart) === owner(record))
                        continue;
                    addConflict({
                        kind: 'concurrent',
                        operation: record.operation,
                        other: other.operation,
                        otherRunUrl: otherStart.runUrl,
                        message: `${record.type} of ${record.release ?? '?'} (${record.runUrl ?? record.operation}) started while ${otherStart.type} of ${otherStart.release ?? '?'} (${otherStart.runUrl ?? other.operation}) was still running`,
                    });
                }
                open.set(record.operation, op);
            }
        }
        else if (record.status !== 'progress') {
            op.end = record;
            op.status = record.status;
            open.delete(record.operation);
            endTraffic(record);
        }
        for (const conflict of record.conflicts ?? [])
            addConflict(conflict);
        applyEffect(record);
    }
    /**
     * An operation ended: does traffic stay split? A switch or rollback that ended with the router
     * reporting a share on both slots (`details.split`, an abort the router could not carry out)
     * keeps the canary open with those weights; one whose switch-back failed without a reading keeps
     * it open with the last weight set. Anything that ends with traffic on one slot closes it.
     */
    function endTraffic(record) {
        const canary = state.canary;
        if (record.type !== 'switch' && record.type !== 'rollback') {
            if (canary?.operation === record.operation)
                state.canary = undefined;
            return;
        }
        const weights = splitWeights(record.details?.split);
        if (weights) {
            const slot = canary?.slot ?? record.slot ?? 'green';
            state.canary = {
                operation: canary?.operation ?? record.operation,
                slot,
                release: canary?.release ?? state.slots[slot]?.release ?? record.release ?? '?',
                from: otherSlot(slot),
                weight: weights[slot] ?? 0,
                weights,
                unresolved: true,
                step: canary?.step ?? 0,
                ...(canary?.steps ? { steps: canary.steps } : {}),
                since: record.time,
                recordId: record.id,
                runUrl: canary?.runUrl ?? record.runUrl,
            };
            return;
        }
        if (!canary)
            return;
        const splitAfter = record.details?.split !== undefined;
        if (record.status === 'succeeded' || record.details?.switchedBack === true || splitAfter) {
            // Completed, or traffic went back to one slot (a reading of the router naming one slot).
            state.canary = undefined;
        }
        else if (canary.operation === record.operation && record.details?.switchedBack === false) {
            // The abort failed and the router could not be read: the last weight set is the best knowledge.
            state.canary = { ...canary, unresolved: true, since: record.time, recordId: record.id };
        }
        else if (canary.operation === record.operation) {
            state.canary = undefined;
        }
    }
    function applyEffect(record) {
        const { type, status, slot } = record;
        const releaseId = record.release;
        if (type === 'deploy' && releaseId && status === 'succeeded')
            state.removed = undefined;
        if (type === 'deploy' && releaseId) {
            if (status === 'started') {
                if (slot)
                    setSlot(record, slot, releaseId, 'installing');
            }
            else if (status === 'succeeded') {
                const info = release(releaseId);
                info.deployed = true;
                info.rolledBack = false;
                info.lastDeployed = record.time;
                if (slot) {
                    setSlot(record, slot, releaseId, 'ready');
                    if (state.live?.slot === slot)
                        setLive(record, releaseId, slot);
                }
                else {
                    setLive(record, releaseId, undefined);
                }
            }
            else if (record.details?.installed === true && !record.details?.restored) {
                // Installed, then a later step (post-deploy hook) failed: it serves, but is not a good release.
                if (slot) {
                    setSlot(record, slot, releaseId, 'ready');
                    if (state.live?.slot === slot)
                        setLive(record, releaseId, slot);
                }
                else {
                    setLive(record, releaseId, undefined);
                }
            }
            else if (slot) {
                setSlot(record, slot, releaseId, 'failed');
            }
        }
        else if (type === 'switch' && status === 'progress' && slot && typeof record.details?.weight === 'number') {
            const switchOp = operations.get(record.operation);
            if (switchOp && !switchOp.end) {
                const steps = Array.isArray(record.details.steps) ? record.details.steps : undefined;
                const step = typeof record.details.step === 'number' ? record.details.step : 0;
                state.canary = { operation: record.operation, slot, release: releaseId ?? state.slots[slot]?.release ?? '?', from: record.previousSlot, weight: record.details.weight, step, steps, since: record.time, recordId: record.id, runUrl: switchOp.started?.runUrl ?? record.runUrl };
            }
        }
        else if (type === 'switch' && status === 'succeeded' && slot) {
            const target = releaseId ?? state.slots[slot]?.release;
            if (target)
                setLive(record, target, slot);
        }
        else if (type === 'rollback' && releaseId) {
            const reinstall = record.details?.method === 'reinstall';
            if (status === 'started') {
                if (slot && reinstall && state.live?.slot !== slot)
                    setSlot(record, slot, releaseId, 'installing');
            }
            else if (status === 'succeeded') {
                const from = state.live?.release;
                if (from && from !== releaseId)
                    release(from).rolledBack = true;
                const info = release(releaseId);
                info.deployed = true;
                info.rolledBack = false;
                info.lastDeployed = record.time;
                if (slot) {
                    if (reinstall)
                        setSlot(record, slot, releaseId, 'ready');
                    setLive(record, releaseId, slot);
                }
                else {
                    setLive(record, releaseId, undefined);
                }
            }
            else if (slot && reinstall && state.slots[slot]?.status === 'installing') {
                setSlot(record, slot, releaseId, 'failed');
            }
        }
        else if (type === 'remove' && status === 'succeeded') {
            const current = state.history.at(-1);
            if (current && !current.until)
                current.until = record.time;
            state.live = undefined;
            state.liveSmoke = undefined;
            state.removed = { time: record.time, recordId: record.id };
        }
        else if (type === 'smoke') {
            const result = { passed: status === 'succeeded', release: releaseId, time: record.time, recordId: record.id, runUrl: record.runUrl, details: record.details };
            if (slot) {
                const held = state.slots[slot];
                if (held && held.status === 'ready' && (!releaseId || releaseId === held.release)) {
                    held.smoke = { ...result, release: held.release };
                    release(held.release).smokePassed = result.passed;
                }
            }
            else if (state.live && (!releaseId || releaseId === state.live.release)) {
                state.liveSmoke = { ...result, release: state.live.release };
                release(state.live.release).smokePassed = result.passed;
            }
        }
    }
    state.open = [...open.values()];
    state.conflicts = [...conflicts.values()];
    const live = state.live?.release;
    for (let i = state.history.length - 1; i >= 0; i--) {
        const change = state.history[i];
        // The last good release: deployed successfully, not rolled back from, and its latest smoke result (if any) passed.
        if (change.release !== live && isGoodRelease(state, change.release)) {
            state.previous = change;
            break;
        }
    }
    return state;
}
/** Weights that split traffic over both slots (each share > 0), else undefined. */
function splitWeights(value) {
    if (!value || typeof value !== 'object')
        return undefined;
    const weights = {};
    for (const slot of ['blue', 'green']) {
        const share = value[slot];
        if (typeof share === 'number' && share > 0)
            weights[slot] = share;
    }
    return Object.keys(weights).length > 1 ? weights : undefined;
}
/** A release this environment can go back to: deployed successfully, not rolled back from, latest smoke (if any) passed. */
function isGoodRelease(state, release) {
    const info = state.releases[release];
    return !!info?.deployed && !info.rolledBack && info.smokePassed !== false;
}
/**
 * What to roll back to if a new release (`incoming`) fails: the live release when it is good,
 * else the last good one before it (`state.previous`). deploy-env's `previous-release` output.
 */
function rollbackTargetFor(state, incoming) {
    if (state.live && state.live.release !== incoming && isGoodRelease(state, state.live.release))
        return state.live.release;
    const previous = state.previous?.release;
    return previous && previous !== incoming ? previous : undefined;
}
/** The slot a blue-green deploy installs into: the one not live; `blue` when nothing is live yet. */
function idleSlot(state) {
    if (state.live?.slot === 'blue')
        return 'green';
    return 'blue';
}
function otherSlot(slot) {
    return slot === 'blue' ? 'green' : 'blue';
}
/**
 * Releases that retention must keep: live now, held by a slot (in any status), live at any
 * moment in the last `windowMs`, or involved in an open operation.
 */
function releasesInUse(state, now = Date.now(), windowMs = 24 * 60 * 60 * 1000) {
    const keep = new Set();
    if (state.live)
        keep.add(state.live.release);
    for (const slot of Object.values(state.slots))
        if (slot)
            keep.add(slot.release);
    for (const change of state.history) {
        if (!change.until || Date.parse(change.until) >= now - windowMs)
            keep.add(change.release);
    }
    for (const op of state.open)
        if (op.started?.release)
            keep.add(op.started.release);
    // A slot that receives any traffic (a canary running, or left split by an abort that failed).
    if (state.canary) {
        keep.add(state.canary.release);
        for (const slot of Object.keys(state.canary.weights ?? { [state.canary.slot]: 1 }))
            if (state.slots[slot])
                keep.add(state.slots[slot].release);
    }
    return keep;
}
/** The images a release was last deployed with: its latest successful deploy record that names any (`details.images`). */
function imagesOf(records, release) {
    for (let i = records.length - 1; i >= 0; i--) {
        const record = records[i];
        if (record.release === release && record.type === 'deploy' && record.status === 'succeeded' && record.details?.images !== undefined)
            return record.details.images;
    }
    return undefined;
}
/**
 * The ECS task definitions a release ran (`cluster/service` -> ARN): its latest successful deploy
 * or rollback record that names them (`details.install.taskDefinitions`), for `slot` when given.
 */
function taskDefinitionsOf(records, release, slot) {
    for (let i = records.length - 1; i >= 0; i--) {
        const record = records[i];
        const install = record.details?.install;
        if (record.release === release && (record.type === 'deploy' || record.type === 'rollback') && record.status === 'succeeded' && record.slot === slot && install?.taskDefinitions)
            return install.taskDefinitions;
    }
    return undefined;
}
/** The commit a release was built from, as its latest deploy record says (`details.commit`). */
function commitOf(records, release) {
    for (let i = records.length - 1; i >= 0; i--) {
        const record = records[i];
        const commit = record.details?.commit;
        if (record.release === release && record.type === 'deploy' && typeof commit === 'string' && commit)
            return commit;
    }
    return undefined;
}

// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
;// CONCATENATED MODULE: ./packages/ledger/src/location.ts

/** Parses `s3://bucket/prefix` or `azblob://account/container/prefix` (the config's `state`). */
function parseStateLocation(value, name = 'state') {
    const azure = /^azblob:\/\/([a-z0-9]{3,24})\/((?=[a-z0-9-]{3,63}(?:\/|$))[a-z0-9]+(?:-[a-z0-9]+)*)(?:\/(.*))?$/.exec(value.trim());
    if (azure)
        return { bucket: (0,src.azureBucket)(azure[1], azure[2]), prefix: (azure[3] ?? '').replace(/^\/+|\/+$/g, '') };
    const match = /^s3:\/\/([a-z0-9][a-z0-9.-]+[a-z0-9])(?:\/(.*))?$/.exec(value.trim());
    if (!match) {
        throw new src.ShipkitError(`Input "${name}" has an invalid value ${JSON.stringify(value)}: expected s3://bucket/prefix or azblob://account/container/prefix.`, {
            hint: 'Set `state:` in .github/shipkit.yml, e.g. state: s3://my-deploy-bucket/shipkit',
        });
    }
    return { bucket: match[1], prefix: (match[2] ?? '').replace(/^\/+|\/+$/g, '') };
}
/** Joins key parts with single slashes, skipping empty ones. */
function joinKey(...parts) {
    return parts.map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
}
/** Where an environment's ledger lives: `<prefix>/ledger/<app>/<environment>/`. */
function ledgerPrefix(location, app, environment) {
    return `${joinKey(location.prefix, 'ledger', app, environment)}/`;
}
/** Where a release's files live in the release store: `<prefix>/releases/<app>/<release>/`. */
function releasePrefix(location, app, release) {
    return `${joinKey(location.prefix, 'releases', app, release)}/`;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
// EXTERNAL MODULE: ./packages/s3/src/index.ts + 13 modules
var s3_src = __webpack_require__(70671);
;// CONCATENATED MODULE: ./packages/ledger/src/ledger.ts






/** How often an append may find its sequence number taken before it gives up (a ledger this busy is a bug). */
const MAX_SEQUENCE_CLAIMS = 50;
function runInfoFromEnv(env = process.env) {
    const context = (0,src.readContext)(env);
    return {
        actor: context.actor || undefined,
        runId: context.runId || undefined,
        runAttempt: context.runId ? context.runAttempt : undefined,
        runUrl: (0,src.runUrl)(context),
    };
}
function isRetryable(error) {
    const e = error;
    const status = e?.$metadata?.httpStatusCode;
    if (status !== undefined)
        return status >= 500 || status === 429;
    return true; // network errors (ECONNREFUSED, resets) have no status
}
/**
 * An environment's ledger in the state store. Every record is its own object under
 * `<prefix>/ledger/<app>/<env>/records/`, written once and never overwritten or deleted, named by
 * its sequence number (ids.ts: recordName): record N+1 is created with `If-None-Match: *` at the
 * key of N+1, so the store, not any writer's clock, decides the order.
 */
class Ledger {
    location;
    app;
    environment;
    prefix;
    run;
    client;
    /** Records by object key. */
    cache = new Map();
    compactEvery;
    warn;
    now;
    /** Whether the store honours If-None-Match (asked once, with the lease's probe); false also after a 501. */
    conditional;
    conditionalRefused = false;
    /** The highest sequence number seen in this ledger (undefined: not listed yet). */
    lastSeq;
    snapshotIds = new Set();
    pendingTakeover;
    /** Whether records() has read the ledger once (later reads list the snapshots only when a record is not in the cache). */
    readBefore = false;
    constructor(options) {
        this.location = typeof options.state === 'string' ? parseStateLocation(options.state) : options.state;
        this.app = options.app;
        this.environment = options.environment;
        this.client = options.client;
        this.prefix = ledgerPrefix(this.location, options.app, options.environment);
        this.run = options.run ?? runInfoFromEnv();
        this.compactEvery = options.compactEvery ?? 100;
        this.warn = options.warn ?? ((message) => src.runner.warning(message));
        this.now = options.now ?? Date.now;
    }
    get recordsPrefix() {
        return `${this.prefix}records/`;
    }
    recordKey(name) {
        return `${this.recordsPrefix}${name}.json`;
    }
    /** Whether record keys can be claimed with If-None-Match here (the same probe, and cache, as the lease's). */
    async conditionalStore() {
        if (this.conditionalRefused)
            return false;
        this.conditional ??= (0,s3_src/* conditionalWrites */.Vn)(this.client, this.location.bucket, joinKey(this.location.prefix, 'ledger', '.conditional-write-probe.json'));
        try {
            return await this.conditional;
        }
        catch (error) {
            this.conditional = undefined;
            throw error;
        }
    }
    /** Every key under `prefix` (complete, or an error: @shipkit/s3's listing). */
    listKeys(prefix) {
        return (0,s3_src/* listKeys */.TH)(this.client, this.location.bucket, prefix);
    }
    async getJson(key) {
        try {
            const response = await (0,src.retry)(() => this.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.location.bucket, Key: key })), {
                attempts: 3,
                baseDelayMs: 200,
                retryable: (error) => !(0,s3_src/* isNotFound */.c4)(error) && isRetryable(error),
                label: `Reading ${(0,src.storeUrl)(this.location.bucket, key)}`,
            });
            const text = await response.Body.transformToString();
            return JSON.parse(text);
        }
        catch (error) {
            if ((0,s3_src/* isNotFound */.c4)(error))
                return undefined;
            throw error;
        }
    }
    /**
     * Creates an object that must not exist yet: `If-None-Match: *` when `conditional`. Answers
     * `taken` when the key exists (another writer's — or, after a retried request, our own earlier
     * attempt: the caller tells them apart), `unconditional` when the store refuses the header (501).
     */
    async putNew(key, body, conditional) {
        let outcome = 'written';
        await (0,src.retry)(async () => {
            try {
                await this.client.send(new dist_cjs/* PutObjectCommand */.wKZ({ Bucket: this.location.bucket, Key: key, Body: (0,src.redact)(body) /* records and snapshots: no secret in any form (docs/design.md) */, ContentType: 'application/json', ...(conditional ? { IfNoneMatch: '*' } : {}) }));
                outcome = 'written';
            }
            catch (error) {
                if (conditional && (0,s3_src/* isConditionalUnsupported */.Ic)(error)) {
                    outcome = 'unconditional';
                    return;
                }
                if (conditional && (0,s3_src/* isPreconditionFailed */.W$)(error)) {
                    outcome = 'taken';
                    return;
                }
                throw error;
            }
        }, { attempts: 4, baseDelayMs: 250, retryable: isRetryable, label: `Writing ${(0,src.storeUrl)(this.location.bucket, key)}` });
        return outcome;
    }
    /** The highest sequence number in the ledger as last listed (listing it first if this instance never did). */
    async knownLastSeq() {
        if (this.lastSeq === undefined)
            await this.listRecordKeys();
        return this.lastSeq ?? 0;
    }
    /** The record keys of the ledger with what their names say; updates lastSeq. */
    async listRecordKeys() {
        const listed = new Map();
        let last = this.lastSeq ?? 0;
        for (const key of await this.listKeys(this.recordsPrefix)) {
            if (!key.startsWith(this.recordsPrefix) || !key.endsWith('.json'))
                continue;
            const parsed = parseRecordName(key.slice(this.recordsPrefix.length, -'.json'.length));
            if (!parsed)
                continue;
            listed.set(key, parsed);
            if (parsed.seq !== undefined)
                last = Math.max(last, parsed.seq);
        }
        this.lastSeq = last;
        return listed;
    }
    /** The keys a record may be stored under (it does not say which format its store used). */
    candidateKeys(record) {
        if (typeof record.seq !== 'number')
            return RECORD_ID.test(record.id) ? [this.recordKey(record.id)] : [];
        try {
            return [this.recordKey(recordName(record.seq)), this.recordKey(recordName(record.seq, record.id))];
        }
        catch {
            return [];
        }
    }
    /**
     * Every record of the environment, in ledger order (compareRecords), as the store lists them now
     * (every call lists the records again). Loads the latest snapshot and only the records not in it;
     * records this instance has read or written are not fetched again. The snapshots are listed with
     * the first read, and later only when a listed record is not in the cache.
     */
    async records() {
        const snapshotsPrefix = `${this.prefix}snapshots/`;
        const [listed, firstSnapshotKeys] = await Promise.all([this.listRecordKeys(), this.readBefore ? undefined : this.listKeys(snapshotsPrefix)]);
        this.readBefore = true;
        const missing = () => [...listed.keys()].filter((key) => !this.cache.has(key));
        const snapshotKeys = missing().length === 0 ? [] : (firstSnapshotKeys ?? (await this.listKeys(snapshotsPrefix)));
        // `seq-<n>.json` snapshots sort after the older `<id>.json` ones, and among themselves by sequence.
        const latestSnapshot = snapshotKeys.sort().at(-1);
        if (latestSnapshot && missing().length > 0) {
            // A snapshot is only a shortcut: if it cannot be read, every record is read on its own.
            const snapshot = await this.getJson(latestSnapshot).catch((error) => {
                src.runner.debug(`Ignoring ledger snapshot ${latestSnapshot}: ${(0,src.errorMessage)(error)}`);
                return undefined;
            });
            for (const record of Array.isArray(snapshot?.records) ? snapshot.records : []) {
                for (const key of this.candidateKeys(record)) {
                    if (!listed.has(key))
                        continue;
                    this.cache.set(key, record);
                    this.snapshotIds.add(record.id);
                }
            }
        }
        await (0,src.mapLimit)(missing(), 16, async (key) => {
            const record = await this.getJson(key);
            if (!record)
                return;
            // The key is what the conditional create guarded: its sequence number is the record's.
            const seq = listed.get(key)?.seq;
            this.cache.set(key, seq === undefined ? record : { ...record, seq });
        });
        return sortRecords([...listed.keys()].map((key) => this.cache.get(key)).filter((record) => !!record));
    }
    /** The end record (succeeded or failed) of an operation, if one is stored. */
    async endOf(operation) {
        return endIn(await this.records(), operation);
    }
    async state() {
        return deriveState(this.app, this.environment, await this.records());
    }
    /** The records and the state derived from them, from one read (callers that need both list the store once). */
    async read() {
        const records = await this.records();
        return { records, state: deriveState(this.app, this.environment, records) };
    }
    /**
     * Appends one record (never overwriting) and returns it as stored. It takes the next sequence
     * number: creates `records/<N+1>.json` with If-None-Match; when another writer has it, reads it
     * and tries the next. On stores that ignore conditional writes the key also carries the record's
     * id (`<N+1>-<id>.json`), so nothing is overwritten and the order is best effort.
     */
    async append(input, options = {}) {
        const id = newRecordId(this.now());
        const base = {
            id,
            operation: input.operation ?? id,
            app: this.app,
            environment: this.environment,
            time: new Date(this.now()).toISOString(),
            ...this.run,
            ...stripUndefined(input),
        };
        base.id = id;
        base.operation = input.operation ?? id;
        // Without conditional writes nothing refuses a stale number: look at the listing right before writing (best effort),
        // unless the caller's own listing was just that (no request in between).
        if (!options.listedJustBefore && !(await this.conditionalStore()))
            await this.listRecordKeys();
        let seq = (await this.knownLastSeq()) + 1;
        for (let claims = 1;; claims++) {
            const conditional = await this.conditionalStore();
            const record = { ...base, seq };
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
            const existing = await this.getJson(key);
            if (existing?.id === id) {
                const stored = { ...existing, seq };
                this.cache.set(key, stored);
                this.lastSeq = Math.max(this.lastSeq ?? 0, seq);
                return stored;
            }
            if (existing)
                this.cache.set(key, { ...existing, seq });
            this.lastSeq = Math.max(this.lastSeq ?? 0, seq);
            if (claims >= MAX_SEQUENCE_CLAIMS) {
                throw new src.ShipkitError(`Could not append a record to the ledger of ${this.app}/${this.environment}: ${claims} sequence numbers in a row (up to ${seq}, ${(0,src.storeUrl)(this.location.bucket, key)}) were taken by other writers.`, { hint: 'Something writes records to this ledger in a loop; find it (the records say which run) and re-run.' });
            }
            // Several taken in a row: many writers at once, or this instance's view is old. Look at the listing again.
            if (claims % 4 === 0)
                await this.listRecordKeys();
            seq = Math.max(seq, this.lastSeq) + 1;
        }
    }
    /**
     * Starts an operation: writes its started record, then re-reads the ledger and reports conflicts
     * (another run's operation still open, or records that appeared after `decidedOn` — the state
     * the caller based its decision on). Conflicts are warned about and kept on the operation; the caller
     * decides whether to go on (deploy-env goes on: a conflict is reported, never silently resolved).
     */
    async begin(input, decidedOn) {
        const takeover = this.pendingTakeover;
        const details = takeover ? { ...input.details, leaseTakenOver: summarizeHolder(takeover) } : input.details;
        const started = await this.append({ ...input, ...(details ? { details } : {}), status: 'started' });
        this.pendingTakeover = undefined;
        const operation = new Operation(this, started, decidedOn ? (decidedOn.lastRecordId ?? '') : undefined);
        await operation.checkConflicts();
        return operation;
    }
    /** The run took over an expired lease: the next started record says whose, so the ledger shows it. */
    noteLeaseTakeover(holder) {
        this.pendingTakeover = holder;
    }
    /** Records a smoke-test result against the environment (and slot), for `require-smoke`. */
    async recordSmokeResult(result) {
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
    conflictsFor(records, started, basis) {
        const found = [];
        const state = deriveState(this.app, this.environment, records);
        for (const conflict of state.conflicts) {
            if (conflict.operation === started.operation || conflict.other === started.operation) {
                const other = conflict.operation === started.operation ? conflict.other : conflict.operation;
                const otherRecord = records.find((record) => record.id === other);
                found.push({ ...conflict, operation: started.operation, other, otherRunUrl: otherRecord?.runUrl });
            }
        }
        if (basis !== undefined) {
            const sameOwner = (record) => (record.runId && record.runId === started.runId) || record.operation === started.operation;
            // Between the record the caller decided on and its own started record, in ledger order (not by ids: they carry writers' clocks).
            const ordered = sortRecords(records);
            const basisRecord = basis ? ordered.find((record) => record.id === basis) : undefined;
            const after = (record) => (basisRecord ? compareRecords(record, basisRecord) > 0 : basis ? record.id > basis : true);
            for (const record of ordered) {
                if (after(record) && compareRecords(record, started) < 0 && !sameOwner(record) && record.type !== 'smoke') {
                    if (found.some((conflict) => conflict.other === record.operation))
                        continue;
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
    async compactIfNeeded(known) {
        const records = known ?? (await this.records());
        const outside = records.filter((record) => !this.snapshotIds.has(record.id)).length;
        if (outside < this.compactEvery)
            return false;
        await this.compact(records);
        return true;
    }
    async compact(records) {
        const all = records ?? (await this.records());
        const last = all.at(-1);
        if (!last)
            return undefined;
        // `seq-<12 digits>` sorts after the `<id>` names of snapshots written before sequences, and by sequence among itself.
        const key = `${this.prefix}snapshots/${typeof last.seq === 'number' ? `seq-${String(last.seq).padStart(SEQ_DIGITS, '0')}` : last.id}.json`;
        const snapshot = { version: 1, app: this.app, environment: this.environment, lastRecordId: last.id, ...(typeof last.seq === 'number' ? { lastRecordSeq: last.seq } : {}), records: all };
        // Taken: another writer snapshotted the same records (a snapshot is derived data).
        const conditional = await this.conditionalStore().catch(() => false);
        if ((await this.putNew(key, JSON.stringify(snapshot), conditional)) === 'unconditional')
            await this.putNew(key, JSON.stringify(snapshot), false);
        for (const record of all)
            this.snapshotIds.add(record.id);
        // Older snapshots are superseded (every record in them is in the new one); keep one spare.
        const snapshots = (await this.listKeys(`${this.prefix}snapshots/`)).sort();
        for (const old of snapshots.slice(0, -2)) {
            await this.client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: this.location.bucket, Key: old })).catch(() => undefined);
        }
        return key;
    }
    reportConflicts(conflicts) {
        for (const conflict of conflicts) {
            this.warn(`Ledger conflict on ${this.app}/${this.environment} (${conflict.kind}): ${conflict.message}. Both records are kept; check the environment's state before going on.`);
        }
    }
}
/** A started operation; end it with succeed() or fail(), typically in a `finally`. */
class Operation {
    ledger;
    started;
    basis;
    conflicts = [];
    end;
    /** succeed()/fail() found the operation already ended in the ledger (by another process) and wrote nothing. */
    endedBefore = false;
    constructor(ledger, started, basis) {
        this.ledger = ledger;
        this.started = started;
        this.basis = basis;
    }
    get id() {
        return this.started.operation;
    }
    /** Re-reads the ledger; new conflicts are warned about once. */
    async checkConflicts() {
        return this.conflictsIn(await this.ledger.records());
    }
    /** New conflicts in `records` (the ledger as just read), warned about once. */
    conflictsIn(records) {
        const found = this.ledger.conflictsFor(records, this.started, this.basis);
        const fresh = found.filter((conflict) => !this.conflicts.some((known) => known.kind === conflict.kind && known.other === conflict.other));
        this.ledger.reportConflicts(fresh);
        this.conflicts.push(...fresh);
        return fresh;
    }
    async finish(status, extra) {
        if (this.end)
            return this.end;
        // One read of the ledger serves the conflict check, the check below and (stores without conditional writes) the sequence number.
        let records;
        try {
            records = await this.ledger.records();
            this.conflictsIn(records);
        }
        catch (error) {
            src.runner.debug(`Could not re-check ledger conflicts: ${(0,src.errorMessage)(error)}`);
        }
        // Already ended (e.g. a post step after a main step that recorded its end and was then cancelled): never a second end.
        const ended = records ? endIn(records, this.started.operation) : await this.ledger.endOf(this.started.operation).catch(() => undefined);
        if (ended) {
            this.end = ended;
            this.endedBefore = true;
            return ended;
        }
        const { id: _id, seq: _seq, operation: _op, time: _time, app: _app, environment: _env, status: _status, conflicts: _c, ...base } = this.started;
        const end = await this.ledger.append({
            ...base,
            ...stripUndefined(extra),
            details: { ...this.started.details, ...extra.details },
            type: this.started.type,
            status,
            operation: this.started.operation,
            conflicts: this.conflicts.length ? this.conflicts : undefined,
        }, { listedJustBefore: records !== undefined });
        this.end = end;
        try {
            await this.ledger.compactIfNeeded(records ? sortRecords([...records.filter((record) => record.id !== end.id), end]) : undefined);
        }
        catch (error) {
            src.runner.debug(`Ledger compaction skipped: ${(0,src.errorMessage)(error)}`);
        }
        return this.end;
    }
    /**
     * Records a step inside the operation (a canary's weight, an analysis result): a `progress`
     * record carrying the started record's fields, which neither opens nor ends the operation.
     */
    async progress(details) {
        const { id: _id, seq: _seq, operation: _op, time: _time, app: _app, environment: _env, status: _status, conflicts: _c, details: _d, ...base } = this.started;
        return this.ledger.append({ ...base, status: 'progress', operation: this.started.operation, details });
    }
    succeed(extra = {}) {
        return this.finish('succeeded', extra);
    }
    /** Records the failure: what failed and how, never a command's output (publicErrorSummary). */
    fail(error, extra = {}) {
        return this.finish('failed', { ...extra, error: (0,src.publicErrorSummary)(error) });
    }
}
/** The end record (succeeded or failed) of `operation` among `records`. */
function endIn(records, operation) {
    return records.find((record) => record.operation === operation && record.id !== operation && record.status !== 'started' && record.status !== 'progress');
}
function summarizeHolder(holder) {
    const { token: _token, app: _app, environment: _environment, ...rest } = holder;
    return stripUndefined(rest);
}
function stripUndefined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
async function openLedger(options) {
    if (!options.app)
        throw new src.ShipkitError('The ledger needs an app name (`app:` in .github/shipkit.yml).');
    return new Ledger(options);
}

;// CONCATENATED MODULE: ./packages/ledger/src/lease.ts




/** How long a lease lives after its last renewal, unless the config says otherwise. */
const DEFAULT_LEASE_EXPIRY_MS = 10 * 60_000;
/** How long a run waits for a held environment, unless `lock-timeout` says otherwise. */
const DEFAULT_LOCK_TIMEOUT_MS = 10 * 60_000;
/**
 * Describes who holds an environment, for logs and errors. `leftMs` is how long the lease has
 * left as the store's clock judges it (leaseTimeLeft); without it, `expiresAt` against `now`.
 */
function describeHolder(holder, now = Date.now(), leftMs) {
    const who = [holder.runId ? `run ${holder.runId}${holder.runAttempt && holder.runAttempt !== '1' ? ` (attempt ${holder.runAttempt})` : ''}` : 'a run without a GitHub run id', holder.runUrl ? holder.runUrl : undefined, holder.actor ? `actor ${holder.actor}` : undefined]
        .filter(Boolean)
        .join(', ');
    const left = leftMs ?? Date.parse(holder.expiresAt) - now;
    const expiry = Number.isFinite(left) ? (left > 0 ? `lease expires in ${(0,src.formatDuration)(left)} unless renewed` : `lease expired ${(0,src.formatDuration)(-left)} ago`) : 'lease expiry unknown';
    return `${who}: ${holder.operation} since ${holder.acquiredAt} (${expiry})`;
}
/** How long a lease lives after its holder's last write: the stored duration; for older lease objects, expiresAt − renewedAt (both by one clock, so its skew cancels). */
function leaseDuration(holder) {
    if (typeof holder.expiryMs === 'number' && Number.isFinite(holder.expiryMs) && holder.expiryMs > 0)
        return holder.expiryMs;
    const duration = Date.parse(holder.expiresAt) - Date.parse(holder.renewedAt);
    return Number.isFinite(duration) && duration > 0 ? duration : undefined;
}
/**
 * How long the lease object read in `current` has left (ms; 0 or less: expired), judged on the
 * store's clock alone: its duration − (the Date of the store's answer − the object's
 * Last-Modified). Undefined when the store sent no Date or Last-Modified.
 */
function leaseTimeLeft(current) {
    const duration = leaseDuration(current.value);
    if (duration === undefined)
        return 0; // a lease object without a usable expiry counts as expired
    if (current.storeDate === undefined || current.lastModified === undefined)
        return undefined;
    return duration - (current.storeDate - current.lastModified);
}
/** Left time of a lease object: the store's judgement, or (a store that sends no Date) the runner's clock against expiresAt. */
function timeLeft(current, runnerNow) {
    const left = leaseTimeLeft(current) ?? Date.parse(current.value.expiresAt) - runnerNow;
    return Number.isFinite(left) ? left : 0;
}
/** A store failure for a message: its name (AccessDenied, SlowDown...), message and HTTP status. */
function describeFailure(error) {
    const e = error;
    const name = e?.name && e.name !== 'Error' && e.name !== 'ShipkitError' ? `${e.name}: ` : '';
    const status = e?.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : '';
    return `${name}${(0,src.errorMessage)(error).replace(/\.$/, '')}${status}`;
}
/**
 * A run that no longer holds its environment's lease (another run took it over, or the lease
 * object is gone) and so must write nothing more. Thrown by `lease.check(phase)`; test with
 * isLeaseLost (works across bundles).
 */
class LeaseLostError extends src.ShipkitError {
    phase;
    app;
    environment;
    /** Who holds the environment now (undefined: the lease object is gone). */
    holder;
    constructor(options) {
        const { phase, app, environment, holder } = options;
        super(`Stopped before ${phase}: this run no longer holds the lease on ${app}/${environment}; ${holder ? `it is held by ${describeHolder(holder, Date.now(), options.leftMs)}` : 'the lease object is gone (deleted by another run or by hand)'}. This run writes nothing more to the environment.`, {
            hint: "The lease expired before this run renewed it (renewals failed or came too late) and another run may have changed the environment since. Check that run and the environment's ledger before re-running.",
        });
        this.name = 'LeaseLostError';
        this.phase = phase;
        this.app = app;
        this.environment = environment;
        this.holder = holder;
    }
}
/** Whether `error` (or its cause) is a LeaseLostError: the run lost its lease and must write nothing more. */
function isLeaseLost(error) {
    for (let e = error, depth = 0; e && depth < 10; e = e.cause, depth++) {
        if (e instanceof LeaseLostError || e.name === 'LeaseLostError')
            return true;
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
class EnvironmentLease {
    options;
    key;
    holder;
    etag;
    /** The expired lease this one replaced, if any (record it: the other run may have left work half done). */
    takenOver;
    /** False on stores without conditional writes: exclusion is best effort there. */
    exclusive = true;
    /** Set when this run found its lease taken by another run (after it expired) or gone. */
    lost;
    /** The last scheduled renewal's failure (cleared by a renewal that succeeds); check() renews at once while it is set. */
    renewalError;
    timer;
    released = false;
    renewing;
    /** Bodies of writes whose answer this run did not get (a timeout): the store may hold one of them, with an ETag this run never saw. */
    unconfirmed = new Set();
    lostGone = false;
    lostLeftMs;
    constructor(options, key, holder, etag) {
        this.options = options;
        this.key = key;
        this.holder = holder;
        this.etag = etag;
    }
    /** The lease object's key for an environment. */
    static keyFor(state, app, environment) {
        return `${ledgerPrefix(state, app, environment)}lease.json`;
    }
    get expiryMs() {
        return this.options.expiryMs ?? DEFAULT_LEASE_EXPIRY_MS;
    }
    /**
     * Takes the environment's lease, waiting up to `timeoutMs` while another run holds it (the log
     * names the holder), taking over an expired one. Throws a ShipkitError naming the holder on timeout.
     */
    static async acquire(options) {
        const { client, state } = options;
        const now = options.now ?? Date.now;
        const info = options.info ?? ((message) => src.runner.info(message));
        const warn = options.warn ?? ((message) => src.runner.warning(message));
        const expiryMs = options.expiryMs ?? DEFAULT_LEASE_EXPIRY_MS;
        const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
        const pollMs = options.pollMs ?? Math.max(200, Math.min(5000, Math.floor(timeoutMs / 20)));
        const key = EnvironmentLease.keyFor(state, options.app, options.environment);
        const where = `${options.app}/${options.environment} (${(0,src.storeUrl)(state.bucket, key)})`;
        const exclusive = await (0,s3_src/* conditionalWrites */.Vn)(client, state.bucket, joinKey(state.prefix, 'ledger', '.conditional-write-probe.json'));
        if (!exclusive) {
            warn(`The state store ${(0,src.storeUrl)(state.bucket)} ignores conditional writes (If-None-Match), so the lease on ${options.app}/${options.environment} is taken by write-then-verify: exclusion is best effort there. AWS S3, MinIO and R2 honour conditional writes.`);
        }
        // The lock timeout is a duration: measured on the monotonic clock, whatever the wall clock does.
        const started = performance.now();
        const remaining = () => timeoutMs - (performance.now() - started);
        const run = options.run ?? {};
        let lastReported;
        let lastReportTime = -Infinity;
        let racesLost = 0;
        /** After a lost race: wait a little (never a hot loop), within the deadline. */
        const backOff = async () => {
            // Past the deadline, the next look names the holder (or finds the lease free again, once).
            if (++racesLost > 1 && remaining() <= 0) {
                throw new src.ShipkitError(`Could not take the lease of ${where}: other runs wrote it first ${racesLost} time(s) in ${(0,src.formatDuration)(timeoutMs)} (lock-timeout).`, {
                    hint: 'Only one deploy, switch or rollback changes an environment at a time. Re-run when the other runs are done; raise lock-timeout to wait longer.',
                });
            }
            const jitter = 0.5 + Math.random();
            if (remaining() > 0)
                await (0,src.sleep)(Math.max(20, Math.min(pollMs * jitter, 1000 * jitter, remaining())));
        };
        for (;;) {
            let current;
            try {
                current = await (0,s3_src/* getJsonObject */.a9)(client, state.bucket, key);
            }
            catch (error) {
                // Not JSON: a write caught half-way on a store whose writes are not atomic (S3's are). Look again.
                if (!(error instanceof SyntaxError))
                    throw error;
                if (remaining() <= 0) {
                    throw new src.ShipkitError(`The lease of ${where} is not valid JSON, so this run cannot tell who holds the environment.`, {
                        hint: 'Another run may be writing it right now: re-run. If no run is changing the environment, delete that object.',
                    });
                }
                await (0,src.sleep)(Math.max(20, Math.min(pollMs, 1000, remaining())));
                continue;
            }
            // For people: the store's time as this client knows it (the runner's clock only when the store sent none).
            const stamp = (0,s3_src/* storeNow */.QG)(client) ?? now();
            const mine = {
                token: (0,external_node_crypto_.randomBytes)(16).toString('hex'),
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
            const ownEarlierAttempt = !!holder && !!run.runId && holder.runId === run.runId && holder.job === run.job && Number(holder.runAttempt ?? 0) < Number(run.runAttempt ?? 0);
            const free = !holder || left <= 0 || ownEarlierAttempt;
            if (free) {
                let etag;
                try {
                    etag = await (0,s3_src/* putJsonObject */.t3)(client, state.bucket, key, mine, exclusive ? (current ? { ifMatch: current.etag ?? '*' } : { ifNoneMatch: true }) : undefined);
                }
                catch (error) {
                    if (!(0,s3_src/* isPreconditionFailed */.W$)(error))
                        throw error;
                    await backOff(); // another run got there first: look again, after a pause
                    continue;
                }
                if (!exclusive) {
                    // Write-then-verify: a racing writer that wrote after us wins; read back after a moment.
                    await (0,src.sleep)(options.settleMs ?? 1000);
                    const check = await (0,s3_src/* getJsonObject */.a9)(client, state.bucket, key);
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
                throw new src.ShipkitError(`${message} Gave up waiting after ${(0,src.formatDuration)(timeoutMs)} (lock-timeout).`, {
                    hint: 'Only one deploy, switch or rollback changes an environment at a time. Wait for that run to finish (or cancel it) and re-run; raise lock-timeout to wait longer. A killed run\'s lease expires on its own.',
                });
            }
            const elapsed = performance.now() - started;
            if (holder.token !== lastReported || elapsed - lastReportTime >= 60_000) {
                info(`${message} Waiting up to ${(0,src.formatDuration)(Math.max(0, remaining()))} more (lock-timeout ${(0,src.formatDuration)(timeoutMs)}).`);
                lastReported = holder.token;
                lastReportTime = elapsed;
            }
            await (0,src.sleep)(Math.max(20, Math.min(pollMs, remaining())));
        }
    }
    startRenewing() {
        const every = Math.max(1000, Math.floor(this.expiryMs / 3));
        this.timer = setInterval(() => {
            if (!this.renewing)
                this.renewing = this.renew().finally(() => (this.renewing = undefined));
        }, every);
        this.timer.unref();
    }
    /**
     * Pushes the expiry out (conditional on our own last write). A failure is kept in
     * `renewalError` (the next check() renews at once and stops the run if that fails too); a lease
     * found taken sets `lost`.
     */
    async renew() {
        if (this.released || this.lost)
            return;
        try {
            await this.write();
            this.renewalError = undefined;
        }
        catch (error) {
            if (this.lost)
                return;
            this.renewalError = error;
            src.runner.debug(`Could not renew the lease on ${this.options.app}/${this.options.environment} (will try again): ${(0,src.errorMessage)(error)}`);
        }
    }
    /** One renewal: writes the lease again; sets `lost` (and returns) when the object is not ours any more; throws on a store failure. */
    async write() {
        const { client, state } = this.options;
        const stamp = (0,s3_src/* storeNow */.QG)(client) ?? (this.options.now ?? Date.now)();
        const next = { ...this.holder, expiryMs: this.expiryMs, renewedAt: new Date(stamp).toISOString(), expiresAt: new Date(stamp + this.expiryMs).toISOString() };
        if (!this.exclusive) {
            const current = await (0,s3_src/* getJsonObject */.a9)(client, state.bucket, this.key);
            if (current?.value.token !== this.holder.token) {
                this.markLost(current);
                return;
            }
        }
        const body = JSON.stringify(next);
        let confirmed = false;
        try {
            for (let attempt = 0;; attempt++) {
                try {
                    this.unconfirmed.add(body);
                    this.etag = await (0,s3_src/* putJsonObject */.t3)(client, state.bucket, this.key, next, this.exclusive ? { ifMatch: this.etag ?? '*' } : undefined);
                    confirmed = true;
                    break;
                }
                catch (error) {
                    if (!(0,s3_src/* isPreconditionFailed */.W$)(error))
                        throw error;
                    // Not our last write any more: either another run's, or one of ours whose answer never came.
                    const current = await (0,s3_src/* getJsonObject */.a9)(client, state.bucket, this.key);
                    if (attempt === 0 && current && this.isOwnUnconfirmed(current)) {
                        this.etag = current.etag;
                        continue;
                    }
                    this.markLost(current);
                    return;
                }
            }
        }
        finally {
            if (confirmed)
                this.unconfirmed.clear();
        }
        this.holder = next;
    }
    /** The object holds one of this run's writes whose answer was lost: same token and one of the bodies sent. */
    isOwnUnconfirmed(current) {
        return current.value.token === this.holder.token && this.unconfirmed.has(JSON.stringify(current.value));
    }
    markLost(current) {
        if (this.lost)
            return;
        const other = current?.value;
        this.lostGone = !other;
        this.lostLeftMs = current ? leaseTimeLeft(current) : undefined;
        this.lost = other ?? { ...this.holder, token: '', operation: 'unknown (the lease object is gone)' };
        if (this.timer)
            clearInterval(this.timer);
        (this.options.warn ?? ((message) => src.runner.warning(message)))(`The lease on ${this.options.app}/${this.options.environment} was lost${other ? ` to ${describeHolder(other, Date.now(), this.lostLeftMs)}` : ' (the lease object is gone)'}: it expired before this run renewed it. This run writes nothing more; another run may change the environment now.`);
    }
    lostError(phase) {
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
    async check(phase) {
        const { client, state, app, environment } = this.options;
        if (this.lost)
            throw this.lostError(phase);
        if (this.released)
            throw new src.ShipkitError(`Stopped before ${phase}: the lease on ${app}/${environment} was already released by this run, so it may not write to the environment any more.`);
        await this.renewing?.catch(() => undefined);
        if (this.lost)
            throw this.lostError(phase);
        if (this.renewalError !== undefined) {
            const previous = this.renewalError;
            await this.renewNow(phase, (error) => `the last scheduled renewal failed too${describeFailure(error) === describeFailure(previous) ? '' : ` (${describeFailure(previous)})`}`);
            return;
        }
        let current;
        try {
            current = await (0,s3_src/* getJsonObject */.a9)(client, state.bucket, this.key);
        }
        catch (error) {
            throw new src.ShipkitError(`Stopped before ${phase}: could not read the lease on ${app}/${environment} (${(0,src.storeUrl)(state.bucket, this.key)}) to confirm this run still holds it: ${describeFailure(error)}.`, {
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
            await this.renewNow(phase, () => `it had expired ${(0,src.formatDuration)(-left)} ago by the store's clock`);
        }
    }
    async renewNow(phase, why) {
        const { app, environment } = this.options;
        try {
            await this.write();
        }
        catch (error) {
            if (this.lost)
                throw this.lostError(phase);
            this.renewalError = error;
            // The write failed, but a read may still tell who holds the environment now: name that run.
            const current = await (0,s3_src/* getJsonObject */.a9)(this.options.client, this.options.state.bucket, this.key).catch(() => 'unreadable');
            if (current !== 'unreadable' && (!current || current.value.token !== this.holder.token)) {
                this.markLost(current);
                throw this.lostError(phase);
            }
            throw new src.ShipkitError(`Stopped before ${phase}: could not renew the lease on ${app}/${environment}: ${describeFailure(error)}; ${why(error)}.`, {
                hint: 'A run whose lease cannot be renewed stops before its next write: the lease may expire and another run take the environment. Re-run when the state store answers again.',
                cause: error,
            });
        }
        if (this.lost)
            throw this.lostError(phase);
        this.renewalError = undefined;
    }
    /**
     * Releases the lease (only if it is still ours: a lease another run holds is never deleted). Safe
     * to call twice. True when the store no longer has this run's lease (released now, or already
     * gone or taken over); false when the release failed and the lease stays until it expires.
     */
    release() {
        this.releasing ??= this.releaseNow();
        return this.releasing;
    }
    releasing;
    async releaseNow() {
        // Set before the first await: no renewal or fence passes once a release began.
        this.released = true;
        if (this.timer)
            clearInterval(this.timer);
        await this.renewing?.catch(() => undefined);
        if (this.lost)
            return true;
        const { client, state } = this.options;
        try {
            // Conditional on the ETag of the object just read with this run's token (a write of ours whose answer was lost included).
            await EnvironmentLease.releaseToken(client, state.bucket, this.key, this.holder.token);
            return true;
        }
        catch (error) {
            src.runner.warning(`Could not release the lease on ${this.options.app}/${this.options.environment} (it expires on its own at ${this.holder.expiresAt}): ${(0,src.errorMessage)(error)}`);
            return false;
        }
    }
    /** Whether the lease object still carries `token` (a post step acts for its main step only while it does). */
    static async heldBy(client, bucket, key, token) {
        const current = await (0,s3_src/* getJsonObject */.a9)(client, bucket, key);
        return current?.value.token === token;
    }
    /** Deletes the lease object when it still carries `token` (used by post steps, which only know the token). */
    static async releaseToken(client, bucket, key, token, etag) {
        const current = await (0,s3_src/* getJsonObject */.a9)(client, bucket, key);
        if (!current || current.value.token !== token)
            return false;
        await (0,s3_src/* deleteIfMatch */.KH)(client, bucket, key, etag ?? current.etag);
        return true;
    }
}

;// CONCATENATED MODULE: ./packages/ledger/src/status.ts
/** Weights as people read them: `blue 90%, green 10%`. */
function formatWeights(weights) {
    return ['blue', 'green'].filter((slot) => weights[slot] !== undefined).map((slot) => `${slot} ${weights[slot]}%`).join(', ');
}
/**
 * An environment's status as text lines, from its ledger: what is live, each slot, the previous
 * good release (what `rollback to: previous` would go back to), and the last records, oldest first.
 * The `shipkit status` command and the demo print it.
 */
function formatStatus(name, state, records, options = {}) {
    const live = state.live ? `${state.live.release}${state.live.slot ? ` (slot ${state.live.slot})` : ''} since ${state.live.since}` : 'nothing';
    const lines = [`${name}${options.url ? ` — ${options.url}` : ''}`, `  live: ${live}`, `  previous good: ${state.previous?.release ?? 'none (rollback to: previous has nothing to go back to)'}`];
    for (const slot of ['blue', 'green']) {
        const held = state.slots[slot];
        if (held)
            lines.push(`  slot ${slot}: ${held.release} (${held.status}${held.smoke ? `, smoke ${held.smoke.passed ? 'passed' : 'failed'}` : ''})`);
    }
    const canary = state.canary;
    if (canary?.unresolved) {
        const weights = canary.weights ? formatWeights(canary.weights) : `${canary.slot} ${canary.weight}% (the last weight set; the router could not be read)`;
        lines.push(`  traffic SPLIT: ${weights} — the canary of ${canary.release} on slot ${canary.slot} ended but traffic did not return to one slot (since ${canary.since}${canary.runUrl ? `, ${canary.runUrl}` : ''}); run rollback, or a switch that completes`);
    }
    else if (canary) {
        lines.push(`  canary: ${canary.release} on slot ${canary.slot} gets ${canary.weight}% of traffic (step ${canary.step}${canary.steps ? ` of ${canary.steps.join(',')}` : ''}, since ${canary.since}${canary.runUrl ? `, ${canary.runUrl}` : ''})`);
    }
    if (state.open.length)
        lines.push(`  running: ${state.open.map((op) => `${op.type} of ${op.started?.release ?? '?'} (${op.started?.runUrl ?? op.operation})`).join('; ')}`);
    if (state.conflicts.length)
        lines.push(`  conflicts: ${state.conflicts.length} (see the records)`);
    const shown = records.slice(-(options.last ?? 10));
    if (records.length > shown.length)
        lines.push(`  … ${records.length - shown.length} earlier record(s)`);
    for (const entry of shown) {
        const parts = [entry.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), entry.type.padEnd(8), entry.status.padEnd(9), (entry.release ?? '').padEnd(16), (entry.slot ? `slot ${entry.slot}` : '').padEnd(10)];
        if (entry.trigger)
            parts.push(entry.trigger);
        if (entry.actor)
            parts.push(`by ${entry.actor}`);
        if (entry.reason)
            parts.push(`“${entry.reason.split('\n')[0]}”`);
        if (entry.status === 'progress' && typeof entry.details?.weight === 'number')
            parts.push(`weight ${entry.details.weight}%${typeof entry.details.analysis === 'object' && entry.details.analysis ? ` analysis ${entry.details.analysis.passed ? 'passed' : 'failed'}` : ''}`);
        if (entry.details?.aborted === true)
            parts.push(`aborted at ${String(entry.details.abortedAt)}%`);
        if (entry.details?.split && typeof entry.details.split === 'object')
            parts.push(`router: ${formatWeights(entry.details.split)}`);
        if (entry.error)
            parts.push(`error: ${entry.error.split('\n')[0]}`);
        lines.push(`  ${parts.join('  ').trimEnd()}`);
    }
    return lines;
}

;// CONCATENATED MODULE: ./packages/ledger/src/index.ts









/***/ }),

/***/ 70671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  WH: () => (/* reexport */ DEFAULT_CONCURRENCY),
  W9: () => (/* reexport */ EarlyUploads),
  hb: () => (/* reexport */ IMMUTABLE),
  zh: () => (/* reexport */ KEPT_BYTES),
  fx: () => (/* reexport */ MAX_CONCURRENCY),
  kf: () => (/* reexport */ ManifestConflictError),
  DQ: () => (/* reexport */ NO_CACHE),
  U2: () => (/* reexport */ SHORT_TTL),
  T7: () => (/* reexport */ cacheControlFor),
  F$: () => (/* reexport */ changedKeys),
  L$: () => (/* reexport */ checkBucket),
  Vn: () => (/* reexport */ conditionalWrites),
  E7: () => (/* reexport */ copyPrefix),
  Kx: () => (/* reexport */ countRequests),
  qo: () => (/* reexport */ createS3Client),
  KH: () => (/* reexport */ deleteIfMatch),
  A: () => (/* reexport */ deletePrefix),
  UQ: () => (/* reexport */ describeRequests),
  TE: () => (/* reexport */ fetchRemoteListing),
  a9: () => (/* reexport */ getJsonObject),
  DG: () => (/* reexport */ installCacheControl),
  Ic: () => (/* reexport */ isConditionalUnsupported),
  Sj: () => (/* reexport */ isEntryDocument),
  c4: () => (/* reexport */ isNotFound),
  W$: () => (/* reexport */ isPreconditionFailed),
  ID: () => (/* reexport */ joinKey),
  uT: () => (/* reexport */ listFolders),
  TH: () => (/* reexport */ listKeys),
  L: () => (/* reexport */ listObjects),
  iG: () => (/* reexport */ normalizePrefix),
  aD: () => (/* reexport */ noteRequest),
  _B: () => (/* reexport */ noteStoreDate),
  Cp: () => (/* reexport */ parseCacheControlRules),
  K7: () => (/* reexport */ peekKeys),
  fQ: () => (/* reexport */ publishDirectory),
  t3: () => (/* reexport */ putJsonObject),
  WI: () => (/* reexport */ readManifest),
  XL: () => (/* reexport */ readManifestOf),
  ii: () => (/* reexport */ readManifestVersion),
  vc: () => (/* reexport */ scanDirectory),
  Zv: () => (/* reexport */ storeDateOf),
  QG: () => (/* reexport */ storeNow)
});

// UNUSED EXPORTS: DEFAULT_CONTENT_TYPE, IncompleteListingError, LISTING_ATTEMPTS, MANIFEST_FORMAT, MANIFEST_NAME, MULTIPART_THRESHOLD, PART_SIZE, REQUEST_REASONS, RequestSigner, STORE_DATE, checkRelativeKey, contentEncodingFor, contentTypeFor, countPlan, deleteKeys, directPutStats, headEntry, httpStatus, isHashedAsset, manifestKey, parseHttpDate, parseManifest, planTransfer, putObject, rankOf, readRemoteState, watchStoreClock, writeManifest

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
;// CONCATENATED MODULE: ./packages/s3/src/clock.ts
/**
 * The store's clock. Runners' clocks drift (minutes, on a badly kept machine); anything that
 * judges time across runs — a lease's expiry, say — reads it from the store instead: every answer
 * of an HTTP store carries a `Date` header (RFC 7231, one-second resolution), and an object's
 * `Last-Modified` is stamped by the same clock.
 *
 * The AWS SDK does not return the `Date` header, so `watchStoreClock(client)` adds a middleware
 * (deserialize step) that reads it from every response: it is put on the command's output as
 * `StoreDate` (read it with `storeDateOf(output)`) and kept as the client's latest sample, from
 * which `storeNow(client)` estimates the store's time now (the sample plus the monotonic time
 * elapsed since it: the runner's wall clock plays no part). The Azure Blob backend puts the
 * `StoreDate` of its answers on its outputs too (@shipkit/azure), and the store client records them.
 */
/** The output field carrying the `Date` header of the answer (ms since epoch). */
const STORE_DATE = 'StoreDate';
const samples = new WeakMap();
const watched = new WeakSet();
/** Notes a store time (ms since epoch) a client just saw. */
function noteStoreDate(client, storeMs) {
    if (storeMs === undefined || !Number.isFinite(storeMs))
        return;
    samples.set(client, { storeMs, at: performance.now() });
}
/** Parses an HTTP date (`Sun, 06 Dec 2026 21:24:43 GMT`) or a Date; undefined when it is neither. */
function parseHttpDate(value) {
    if (value instanceof Date)
        return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
    if (typeof value !== 'string' || !value)
        return undefined;
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : undefined;
}
/** The `Date` header of the store's answer that produced `output` (ms since epoch), when known. */
function storeDateOf(output) {
    return parseHttpDate(output?.[STORE_DATE]);
}
/**
 * Reads the store's clock from every answer the client gets (idempotent; createS3Client calls
 * it). Errors carry it too: `error.$response.headers.date`.
 */
function watchStoreClock(client) {
    if (watched.has(client))
        return client;
    watched.add(client);
    client.middlewareStack.add((next) => async (args) => {
        try {
            const result = await next(args);
            const date = parseHttpDate(result.response?.headers?.date);
            if (date !== undefined) {
                noteStoreDate(client, date);
                if (result.output && typeof result.output === 'object')
                    result.output[STORE_DATE] = new Date(date);
            }
            return result;
        }
        catch (error) {
            noteStoreDate(client, parseHttpDate(error?.$response?.headers?.date));
            throw error;
        }
    }, { step: 'deserialize', name: 'shipkitStoreClock', priority: 'high' });
    return client;
}
/**
 * The store's time now as far as this client knows (ms since epoch): its latest answer's `Date`
 * plus the monotonic time since; undefined before the client's first answer. One-second
 * resolution: it may be up to a second early.
 */
function storeNow(client) {
    const sample = samples.get(client);
    if (!sample)
        return undefined;
    return sample.storeMs + (performance.now() - sample.at);
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./packages/s3/src/requests.ts
/**
 * The request counters' hooks per client (countRequests in client.ts adds them): told of every
 * request sent on a client's behalf — by the SDK (client.ts's middleware), by the uploads' own
 * HTTP path (put.ts), by another backend behind the client (@shipkit/stores' Azure Blob).
 */
const requestHooks = new WeakMap();
/** Tells the client's request counters (countRequests) about one request sent on its behalf outside the SDK's middleware. */
function noteRequest(client, operation) {
    requestHooks.get(client)?.forEach((hook) => hook(operation));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/s3/src/sigv4.ts

/** Headers the SDK never signs (its ALWAYS_UNSIGNABLE_HEADERS), and the proxy-/sec- prefixes. */
const UNSIGNABLE = new Set([
    'authorization',
    'cache-control',
    'connection',
    'expect',
    'from',
    'keep-alive',
    'max-forwards',
    'pragma',
    'referer',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
    'user-agent',
    'x-amzn-trace-id',
]);
const unsignable = (name) => UNSIGNABLE.has(name) || name.startsWith('proxy-') || name.startsWith('sec-');
/** A header value as SigV4 canonicalises it (the SDK's getCanonicalHeaders). */
const canonicalValue = (value) => value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');
/** `20261207T120000Z` for a date. */
function longDateOf(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}
class RequestSigner {
    options;
    cached;
    constructor(options) {
        this.options = options;
    }
    /** The region the requests are signed for. */
    get region() {
        return this.options.region;
    }
    /**
     * Signs a request with no query string. `headers`: lower-case names, without authorization,
     * x-amz-date or x-amz-security-token; `path` as sent (already encoded); `payloadHash` the body's
     * sha256 (hex), which the caller also sends as x-amz-content-sha256. Returns the headers to send:
     * the given ones plus x-amz-date, x-amz-security-token (temporary credentials) and authorization.
     */
    async sign(request, payloadHash, date) {
        const credentials = await this.options.credentials();
        if (typeof credentials?.accessKeyId !== 'string' || typeof credentials.secretAccessKey !== 'string')
            throw new Error('Resolved credential object is not valid');
        const longDate = longDateOf(date);
        const shortDate = longDate.slice(0, 8);
        const scope = `${shortDate}/${this.options.region}/${this.options.service}/aws4_request`;
        const headers = { ...request.headers, 'x-amz-date': longDate };
        if (credentials.sessionToken)
            headers['x-amz-security-token'] = credentials.sessionToken;
        const signed = Object.keys(headers)
            .filter((name) => !unsignable(name))
            .sort();
        const canonicalRequest = `${request.method}\n${request.path}\n\n${signed.map((name) => `${name}:${canonicalValue(headers[name])}`).join('\n')}\n\n${signed.join(';')}\n${payloadHash}`;
        const stringToSign = `AWS4-HMAC-SHA256\n${longDate}\n${scope}\n${(0,external_node_crypto_.hash)('sha256', canonicalRequest, 'hex')}`;
        const signature = (0,external_node_crypto_.createHmac)('sha256', this.signingKey(credentials, shortDate)).update(stringToSign).digest('hex');
        headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`;
        return headers;
    }
    /** The day's signing key for these credentials, derived once (new credentials or a new day derive it again). */
    signingKey(credentials, shortDate) {
        const cached = this.cached;
        if (cached &&
            cached.shortDate === shortDate &&
            cached.credentials.accessKeyId === credentials.accessKeyId &&
            cached.credentials.secretAccessKey === credentials.secretAccessKey) {
            return cached.key;
        }
        let key = (0,external_node_crypto_.createHmac)('sha256', `AWS4${credentials.secretAccessKey}`).update(shortDate).digest();
        for (const part of [this.options.region, this.options.service, 'aws4_request'])
            key = (0,external_node_crypto_.createHmac)('sha256', key).update(part).digest();
        this.cached = { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }, shortDate, key: (0,external_node_crypto_.createSecretKey)(key) };
        return this.cached.key;
    }
}

;// CONCATENATED MODULE: ./packages/s3/src/put.ts






const states = new WeakMap();
/** S3 bucket names (virtual-hosted or path style); anything else goes through the SDK. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** S3 refuses a signature more than 15 minutes off its clock; beyond 5 the SDK corrects its offset. */
const CLOCK_SKEW_MS = 5 * 60_000;
/**
 * Error codes of a 4xx that pass (the SDK retries them: its transient and throttling codes), so the
 * path stays on: S3 answers a request whose body came too slowly with 400 RequestTimeout.
 */
const PASSING_CODES = new Set([
    'RequestTimeout',
    'RequestTimeoutException',
    'TimeoutError',
    'SlowDown',
    'Throttling',
    'ThrottlingException',
    'ThrottledException',
    'RequestThrottled',
    'RequestThrottledException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'BandwidthLimitExceeded',
    'ProvisionedThroughputExceededException',
    'PriorRequestNotComplete',
    'EC2ThrottledException',
    'TransactionInProgressException',
]);
/**
 * After a passing fault (5xx, throttling, a dropped connection) the bucket's uploads go through the
 * SDK for this long: they back off with its retry strategy instead of each sending one more
 * request at once to a store that is shedding load.
 */
const FAULT_PAUSE_MS = 2_000;
/** The most of an error answer's body read for its code. */
const ERROR_BODY_BYTES = 16 * 1024;
/** Lets putObject send `client`'s uploads on the direct path (createS3Client does, for every client it makes). */
function enableDirectPuts(client, options) {
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, timeout: options.requestTimeoutMs };
    const agents = { http: new (external_node_http_default()).Agent(agentOptions), https: new (external_node_https_default()).Agent(agentOptions) };
    states.set(client, {
        requestTimeoutMs: options.requestTimeoutMs,
        connectionTimeoutMs: options.connectionTimeoutMs,
        agents,
        routes: new Map(),
        pausedUntil: new Map(),
        pauseMs: options.pauseMs ?? FAULT_PAUSE_MS,
        stats: { direct: 0, handedOver: 0 },
    });
    // The client's connections close with it, its own and these.
    const destroy = client.destroy.bind(client);
    client.destroy = () => {
        agents.http.destroy();
        agents.https.destroy();
        destroy();
    };
}
/** The direct path's counters for a client (undefined when it has no direct path). */
function directPutStats(client) {
    return states.get(client)?.stats;
}
/** Uploads one object and answers its ETag: on the direct path where it can, else through the SDK (same request, same errors). */
async function putObject(client, input) {
    const state = states.get(client);
    const sdk = async () => (await client.send(new dist_cjs/* PutObjectCommand */.wKZ({ ...input, ContentLength: input.Body.byteLength }))).ETag;
    if (!state || !BUCKET_NAME.test(input.Bucket) || !SHA256_HEX.test(input.Metadata.sha256))
        return sdk();
    let route = state.routes.get(input.Bucket);
    if (!route) {
        route = resolveRoute(client, input.Bucket);
        state.routes.set(input.Bucket, route);
    }
    const resolved = await route;
    if (resolved && !(performance.now() < (state.pausedUntil.get(input.Bucket) ?? 0))) {
        const answer = await send(client, state, resolved, input).catch(() => undefined);
        if (answer?.ok) {
            state.stats.direct++;
            return answer.etag;
        }
        // The store and this path disagree (not a passing fault): the SDK sends the bucket's uploads from now on.
        if (answer && !answer.passing)
            state.routes.set(input.Bucket, Promise.resolve(undefined));
        // A passing fault: the bucket's uploads back off with the SDK's retries for a while.
        else
            state.pausedUntil.set(input.Bucket, performance.now() + state.pauseMs);
    }
    state.stats.handedOver++;
    return sdk();
}
/** The bucket's base URL and signer from the client's own configuration; undefined (the SDK's path) when anything is unusual. */
async function resolveRoute(client, bucket) {
    try {
        const config = client.config;
        const endpoint = config.endpoint ? await config.endpoint() : undefined;
        const resolved = config.endpointProvider({
            Bucket: bucket,
            Region: await config.region(),
            UseFIPS: await config.useFipsEndpoint(),
            UseDualStack: await config.useDualstackEndpoint(),
            ForcePathStyle: config.forcePathStyle,
            Accelerate: config.useAccelerateEndpoint,
            DisableMultiRegionAccessPoints: config.disableMultiregionAccessPoints,
            Endpoint: endpoint ? `${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}${endpoint.path}` : undefined,
        });
        const schemes = (resolved.properties?.authSchemes ?? []);
        const scheme = schemes[0];
        // SigV4 only (not SigV4a, S3 Express sessions), no extra endpoint headers.
        if (!scheme || scheme.name !== 'sigv4' || !scheme.signingRegion || Object.keys(resolved.headers ?? {}).length)
            return undefined;
        const url = new URL(resolved.url.href);
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
            return undefined;
        // S3 signs the path as sent (encoded once), as the SDK's S3 signer does.
        return { url, signer: new RequestSigner({ service: scheme.signingName ?? 's3', region: scheme.signingRegion, credentials: config.credentials }) };
    }
    catch {
        return undefined;
    }
}
/** A key as S3 paths carry it: every segment percent-encoded (RFC 3986 unreserved kept), the slashes kept. */
function encodeKey(key) {
    return key
        .split('/')
        .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
}
async function send(client, state, route, input) {
    const base = route.url.pathname.replace(/\/$/, '');
    const path = `${base}/${encodeKey(input.Key)}`;
    const headers = {
        host: route.url.host,
        'content-length': String(input.Body.byteLength),
        'x-amz-content-sha256': input.Metadata.sha256,
    };
    if (input.ContentType)
        headers['content-type'] = input.ContentType;
    if (input.CacheControl)
        headers['cache-control'] = input.CacheControl;
    if (input.ContentEncoding)
        headers['content-encoding'] = input.ContentEncoding;
    for (const [name, value] of Object.entries(input.Metadata))
        headers[`x-amz-meta-${name.toLowerCase()}`] = value;
    const signingDate = new Date(Date.now() + (client.config.systemClockOffset ?? 0));
    const signedHeaders = await route.signer.sign({ method: 'PUT', path, headers }, input.Metadata.sha256, signingDate);
    const secure = route.url.protocol === 'https:';
    // Counted as the SDK counts its attempts: each request sent, whatever comes back.
    noteRequest(client, 'PutObject');
    return new Promise((resolve, reject) => {
        const request = (secure ? (external_node_https_default()) : (external_node_http_default())).request(
        // (An IPv6 literal is bracketed in a URL's hostname, and not resolvable so.)
        { method: 'PUT', hostname: route.url.hostname.replace(/^\[(.*)\]$/, '$1'), port: route.url.port || undefined, path, headers: signedHeaders, agent: secure ? state.agents.https : state.agents.http, timeout: state.requestTimeoutMs }, (response) => {
            const status = response.statusCode ?? 0;
            // A 4xx's error code tells a passing fault (400 RequestTimeout) from a refusal; a little of the body is kept for it.
            const chunks = [];
            let kept = 0;
            if (status >= 400 && status < 500) {
                response.on('data', (chunk) => {
                    if (kept < ERROR_BODY_BYTES)
                        chunks.push(chunk.subarray(0, ERROR_BODY_BYTES - kept));
                    kept += chunk.length;
                });
            }
            else
                response.resume();
            response.on('error', reject);
            response.on('end', () => {
                const storeDate = parseHttpDate(response.headers.date);
                noteStoreDate(client, storeDate);
                const etag = response.headers.etag;
                // A refusal signed with a clock the store calls wrong (RequestTimeTooSkewed) passes too: the SDK
                // corrects the client's clock offset when it sends the request, and this path signs with it after.
                const skewed = storeDate !== undefined && Math.abs(storeDate - signingDate.getTime()) > CLOCK_SKEW_MS;
                const code = /<Code>([^<]*)<\/Code>/.exec(Buffer.concat(chunks).toString('utf8'))?.[1];
                const passing = status >= 500 || status === 429 || status === 408 || skewed || (code !== undefined && PASSING_CODES.has(code));
                resolve({ ok: status >= 200 && status < 300, etag: typeof etag === 'string' ? etag : undefined, passing });
            });
        });
        request.on('timeout', () => request.destroy(new Error('request timed out')));
        // Opening the connection is bounded as the SDK bounds it (its connectionTimeout), not by the longer socket timeout alone.
        request.on('socket', (socket) => {
            if (!socket.connecting)
                return;
            const timer = setTimeout(() => request.destroy(new Error('connection timed out')), state.connectionTimeoutMs);
            const clear = () => clearTimeout(timer);
            socket.once('connect', clear);
            socket.once('close', clear);
            request.once('close', clear);
        });
        request.on('error', reject);
        request.end(input.Body);
    });
}

;// CONCATENATED MODULE: ./packages/s3/src/client.ts






/** The most requests a caller may run at once (the client keeps this many connections open at most). */
const MAX_CONCURRENCY = 256;
/**
 * An S3 client for AWS or an S3-compatible store (endpoint, retries and credentials as every
 * shipkit AWS client: @shipkit/core's awsClientSettings). Callers get their store client from
 * @shipkit/stores (createObjectStore), which chooses between S3 and Azure Blob by location.
 */
function createS3Client(options = {}) {
    const env = options.env ?? process.env;
    const shared = (0,src.awsClientSettings)('S3', options);
    const config = {
        ...shared,
        region: options.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
        forcePathStyle: options.forcePathStyle ?? !!shared.endpoint,
        // A bucket in another region than configured answers 301; follow it instead of failing.
        followRegionRedirects: true,
        // The engine decides how many requests run at once (up to MAX_CONCURRENCY): the SDK's own cap of 50 sockets would queue the rest.
        // The shared timeouts (awsClientSettings: the socket's silence, not the handler's requestTimeout, which only warns).
        requestHandler: { ...shared.requestHandler, httpAgent: { maxSockets: MAX_CONCURRENCY }, httpsAgent: { maxSockets: MAX_CONCURRENCY } },
    };
    if (shared.endpoint) {
        // S3-compatible stores often reject the SDK's default trailing checksums; send them only where S3 requires one.
        config.requestChecksumCalculation = 'WHEN_REQUIRED';
        config.responseChecksumValidation = 'WHEN_REQUIRED';
    }
    const client = new dist_cjs/* S3Client */.YxF(config);
    // shipkit's middlewares live on the client, added once here, not on each of thousands of commands.
    // (Not `cacheMiddleware`: its cached handlers share one context between concurrent requests of a kind,
    // and the endpoint and signing middlewares write the bucket's endpoint into it.)
    client.middlewareStack.add((next, context) => async (args) => {
        // An upload that states its content's sha256 (shipkit's `sha256` metadata, what manifests and plans
        // trust) is signed with it: SigV4's x-amz-content-sha256, instead of the signer hashing the body a
        // second time. The store checks the body against it (S3: XAmzContentSHA256Mismatch), so bytes that
        // are not what the metadata says are refused rather than stored under it.
        const sha256 = context.commandName === 'PutObjectCommand' ? args.input.Metadata?.sha256 : undefined;
        const request = args.request;
        if (sha256 && /^[0-9a-f]{64}$/.test(sha256) && request.headers)
            request.headers['x-amz-content-sha256'] = sha256;
        return next(args);
    }, { step: 'build', name: 'shipkitPayloadHash' });
    client.middlewareStack.add((next, context) => async (args) => {
        const hooks = requestHooks.get(client);
        if (hooks)
            for (const hook of hooks)
                hook(String(context.commandName ?? 'Unknown').replace(/Command$/, ''));
        return next(args);
    }, { step: 'finalizeRequest', name: 'shipkitRequestHooks', priority: 'low' });
    // The store's Date header of every answer: lease expiry is judged by the store's clock, never the runner's.
    watchStoreClock(client);
    if (options.directPuts !== false)
        enableDirectPuts(client, { maxSockets: MAX_CONCURRENCY, requestTimeoutMs: shared.requestHandler.socketTimeout, connectionTimeoutMs: shared.requestHandler.connectionTimeout });
    return client;
}
const READ_COMMANDS = new Set(['GetObject', 'HeadObject', 'ListObjectsV2', 'ListObjects', 'HeadBucket', 'ListBuckets']);
/** Counts the HTTP requests a client sends (each retry counts), for tests and benchmarks. */
function countRequests(client) {
    const counts = {
        byCommand: {},
        total: 0,
        writes() {
            return Object.entries(this.byCommand).reduce((sum, [name, count]) => (READ_COMMANDS.has(name) ? sum : sum + count), 0);
        },
        reset() {
            this.byCommand = {};
            this.total = 0;
        },
    };
    // Every request the client sends (S3 through its middleware, Azure Blob per operation), retries included.
    const hooks = requestHooks.get(client) ?? [];
    hooks.push((operation) => {
        counts.byCommand[operation] = (counts.byCommand[operation] ?? 0) + 1;
        counts.total++;
    });
    requestHooks.set(client, hooks);
    return counts;
}
/** Why each kind of request is made, for the plan log: every request a publish sends is one of these. */
const REQUEST_REASONS = {
    ListObjectsV2: 'listing a prefix (1,000 keys per request) to see what is there',
    GetObject: 'reading a hash manifest (or a conditional-write probe)',
    HeadObject: 'reading the hash of an object whose size matches but is not in a manifest',
    PutObject: 'uploading a file, or writing a manifest (incomplete before changes, complete after)',
    CopyObject: 'a server-side copy: an alias file, or content the store already holds',
    CreateMultipartUpload: 'starting a multipart upload (files above 8 MiB)',
    UploadPart: 'one part of a multipart upload',
    CompleteMultipartUpload: 'finishing a multipart upload',
    DeleteObjects: 'removing stale keys (up to 1,000 per request)',
    DeleteObject: 'removing a probe or a superseded manifest',
};
/** The requests a run sent, each kind with its count and why it is made: `3 ListObjectsV2 (listing ...)`. */
function describeRequests(counts) {
    return Object.entries(counts.byCommand)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, count]) => `${count} ${name} — ${REQUEST_REASONS[name] ?? 'other'}`);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./packages/s3/src/content-types.ts

/**
 * The shipped Content-Type table. Text types carry `charset=utf-8` so browsers never guess; the
 * types that generic tools get wrong (js as text/plain, woff/webp as octet-stream) are all here.
 */
const CONTENT_TYPES = {
    // documents and code
    html: 'text/html; charset=utf-8',
    htm: 'text/html; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    mjs: 'text/javascript; charset=utf-8',
    cjs: 'text/javascript; charset=utf-8',
    css: 'text/css; charset=utf-8',
    json: 'application/json; charset=utf-8',
    map: 'application/json; charset=utf-8',
    webmanifest: 'application/manifest+json; charset=utf-8',
    jsonld: 'application/ld+json; charset=utf-8',
    txt: 'text/plain; charset=utf-8',
    md: 'text/markdown; charset=utf-8',
    csv: 'text/csv; charset=utf-8',
    xml: 'application/xml; charset=utf-8',
    rss: 'application/rss+xml; charset=utf-8',
    atom: 'application/atom+xml; charset=utf-8',
    xhtml: 'application/xhtml+xml; charset=utf-8',
    vtt: 'text/vtt; charset=utf-8',
    ics: 'text/calendar; charset=utf-8',
    wasm: 'application/wasm',
    pdf: 'application/pdf',
    zip: 'application/zip',
    gz: 'application/gzip',
    // images
    svg: 'image/svg+xml; charset=utf-8',
    svgz: 'image/svg+xml',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webp: 'image/webp',
    avif: 'image/avif',
    ico: 'image/vnd.microsoft.icon',
    bmp: 'image/bmp',
    tif: 'image/tiff',
    tiff: 'image/tiff',
    apng: 'image/apng',
    // fonts
    woff: 'font/woff',
    woff2: 'font/woff2',
    ttf: 'font/ttf',
    otf: 'font/otf',
    eot: 'application/vnd.ms-fontobject',
    // media
    mp4: 'video/mp4',
    webm: 'video/webm',
    ogv: 'video/ogg',
    mp3: 'audio/mpeg',
    ogg: 'audio/ogg',
    oga: 'audio/ogg',
    wav: 'audio/wav',
    m4a: 'audio/mp4',
    flac: 'audio/flac',
};
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
/** Extensions whose files are stored compressed and served with a Content-Encoding (the browser decompresses). */
const CONTENT_ENCODINGS = { svgz: 'gzip' };
/** The Content-Encoding a key is served with (`.svgz`: gzip), or undefined for files served as they are. */
function contentEncodingFor(key) {
    return CONTENT_ENCODINGS[external_node_path_default().posix.extname(key).slice(1).toLowerCase()];
}
/** The Content-Type for a key, from the shipped table (by extension, case-insensitive). */
function contentTypeFor(key) {
    const extension = external_node_path_default().posix.extname(key).slice(1).toLowerCase();
    return CONTENT_TYPES[extension] ?? DEFAULT_CONTENT_TYPE;
}
const ENTRY_BASENAMES = new Set(['manifest.json', 'asset-manifest.json', 'site.webmanifest', 'sw.js', 'service-worker.js', 'browserconfig.xml', 'robots.txt']);
/**
 * Entry documents are what a visitor (or a service worker) loads first and which reference the
 * assets: HTML, web app manifests and service workers. They are written after every asset so a
 * visitor never gets a document pointing at files that are not there yet.
 */
function isEntryDocument(key) {
    const base = external_node_path_default().posix.basename(key).toLowerCase();
    return /\.(html?|webmanifest|xhtml)$/.test(base) || ENTRY_BASENAMES.has(base);
}

// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 7 modules
var esm = __webpack_require__(33581);
;// CONCATENATED MODULE: ./packages/s3/src/cache-control.ts



/**
 * Parses rules given one per line as `glob: value` (first match wins), e.g.
 * `*.html: no-cache` / `assets/**: public, max-age=31536000, immutable`. A line without a glob
 * (`: value` or a value without a colon-separated glob) is refused so typos are not silently ignored.
 */
function parseCacheControlRules(text, inputName = 'cache-control') {
    const rules = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const match = /^(['"]?)([^'"\s:][^'":]*?)\1\s*:\s*(.+)$/.exec(line);
        const value = match?.[3].trim().replace(/^(['"])(.*)\1$/, '$2');
        // eslint-disable-next-line no-control-regex
        if (!match || !value || /[\u0000-\u001f\u007f]/.test(value)) {
            const where = inputName.includes(':') ? inputName : `Input "${inputName}"`;
            throw new src.ShipkitError(`${where} has an invalid line ${JSON.stringify(line.slice(0, 200))}: expected \`glob: Cache-Control value\` without control characters, e.g. \`*.html: no-cache\`.`);
        }
        rules.push({ pattern: match[2].trim(), value });
    }
    return rules;
}
/** The Cache-Control for a relative key, or undefined when nothing applies. */
function cacheControlFor(cacheControl, key) {
    if (cacheControl === undefined)
        return undefined;
    if (typeof cacheControl === 'string')
        return cacheControl || undefined;
    if (typeof cacheControl === 'function')
        return cacheControl(key);
    for (const rule of cacheControl) {
        if ((0,esm/* minimatch */.xF)(key, rule.pattern, { dot: true, matchBase: !rule.pattern.includes('/') }))
            return rule.value;
    }
    return undefined;
}
/** Content that never changes under its name (versioned paths, hashed assets). */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Content that may change under its name: browsers and CDNs check back after five minutes. */
const SHORT_TTL = 'public, max-age=300, must-revalidate';
/** Entry documents (HTML, manifests, service workers): always revalidated, so a new release or a rollback shows at once. */
const NO_CACHE = 'no-cache';
/** A bundler's content-hashed file name: `app.3f2a9c1d.js`, `index-BXm4a9Z1.css` (8+ hash characters, one digit at least). */
function isHashedAsset(key) {
    const name = key.slice(key.lastIndexOf('/') + 1);
    return /[.-](?=[A-Za-z0-9_]*\d)[A-Za-z0-9_]{8,}\.[A-Za-z0-9]+$/.test(name);
}
/**
 * Cache-Control of files installed into a live location (deploy-env): the user's rules first (first
 * match wins), else entry documents `no-cache`, content-hashed assets immutable, the rest a short TTL.
 */
function installCacheControl(rules = []) {
    return (key) => (rules.length ? cacheControlFor(rules, key) : undefined) ?? (isEntryDocument(key) ? NO_CACHE : isHashedAsset(key) ? IMMUTABLE : SHORT_TTL);
}

;// CONCATENATED MODULE: ./packages/s3/src/keys.ts

/** Name of the hash manifest written into every published prefix. */
const MANIFEST_NAME = '.shipkit-manifest.json';
/** `/a/b/` -> `a/b`; `` stays `` (the bucket root). Rejects prefixes that could escape or confuse. */
function normalizePrefix(prefix, name = 'prefix') {
    const trimmed = (prefix ?? '').replace(/^\/+|\/+$/g, '');
    if (!trimmed)
        return '';
    const segments = trimmed.split('/');
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..') || trimmed.includes('\\')) {
        throw new src.ShipkitError(`Input "${name}" has an invalid value ${JSON.stringify(prefix)}: expected a key prefix of "/"-separated names without empty, "." or ".." parts.`);
    }
    return trimmed;
}
/**
 * Checks a file's key relative to its prefix: posix, no leading slash, no empty, "." or ".."
 * segment, no backslash or control characters. So a joined key can never leave its prefix.
 */
function checkRelativeKey(key) {
    const bad = !key ||
        key.startsWith('/') ||
        key.includes('\\') ||
        // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
        /[\u0000-\u001f\u007f]/.test(key) ||
        key.split('/').some((segment) => segment === '' || segment === '.' || segment === '..');
    if (bad) {
        throw new src.ShipkitError(`Refusing file key ${JSON.stringify(key)}: keys must be relative posix paths that stay inside the prefix.`);
    }
    if (key === MANIFEST_NAME) {
        throw new src.ShipkitError(`Refusing file key ${JSON.stringify(key)}: the name is reserved for shipkit's hash manifest.`);
    }
    return key;
}
function joinKey(prefix, relativeKey) {
    return prefix ? `${prefix}/${relativeKey}` : relativeKey;
}
/** The listing prefix for a (normalized) prefix: `a/b/`, or `` for the root. */
function listingPrefix(prefix) {
    return prefix ? `${prefix}/` : '';
}
function manifestKey(prefix) {
    return joinKey(prefix, MANIFEST_NAME);
}

;// CONCATENATED MODULE: ./packages/s3/src/plan.ts

/** Write rank of a key: assets first, then manifests and service workers, HTML last. */
function rankOf(key) {
    if (!isEntryDocument(key))
        return 0;
    return /\.(html?|xhtml)$/i.test(key) ? 2 : 1;
}
function sameHeaders(desired, known) {
    return ((known.contentType ?? desired.contentType) === desired.contentType &&
        (known.cacheControl ?? '') === (desired.cacheControl ?? '') &&
        (known.contentEncoding ?? '') === (desired.contentEncoding ?? ''));
}
/**
 * Plans a transfer by content: a desired file whose sha256, size and headers match what the
 * remote side is known to hold is skipped; the rest are written (`write` says whether by upload
 * or server-side copy) in rank order; remote files nobody wants are deleted (deleteStale true),
 * kept (false), or kept once and deleted on the next transfer ('deferred': `retained` lists the
 * keys already kept once).
 */
function planTransfer(desired, remote, options) {
    const writes = [];
    const skips = [];
    const wanted = new Set();
    for (const file of desired) {
        wanted.add(file.key);
        const there = remote.get(file.key);
        const rank = rankOf(file.key);
        if (!there) {
            writes.push({ action: options.write, key: file.key, size: file.size, reason: 'new', rank });
        }
        else if (!there.known || there.known.sha256 !== file.sha256 || there.size !== file.size) {
            writes.push({ action: options.write, key: file.key, size: file.size, reason: 'changed', rank });
        }
        else if (!sameHeaders(file, there.known)) {
            writes.push({ action: options.write, key: file.key, size: file.size, reason: 'headers', rank });
        }
        else {
            skips.push({ action: 'skip', key: file.key, size: file.size, reason: 'unchanged', rank });
        }
    }
    const stale = [];
    const deleteStale = options.deleteStale ?? false;
    if (deleteStale !== false) {
        for (const [key, there] of [...remote].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
            if (wanted.has(key))
                continue;
            if (deleteStale === 'owned' && !options.owned?.has(key))
                continue;
            const deleteNow = deleteStale === true || deleteStale === 'owned' || !!options.retained?.has(key);
            stale.push({ action: deleteNow ? 'delete' : 'retain', key, size: there.size, reason: deleteNow ? 'stale' : 'stale-retained', rank: 0 });
        }
    }
    writes.sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return [...writes, ...stale, ...skips];
}
/** The keys a plan writes or deletes (what a CDN cache must forget). */
function changedKeys(entries) {
    return entries.filter((entry) => entry.action === 'copy' || entry.action === 'upload' || entry.action === 'delete').map((entry) => entry.key);
}
function countPlan(entries) {
    const counts = { upload: 0, copy: 0, skip: 0, delete: 0, retain: 0, writeBytes: 0 };
    for (const entry of entries) {
        counts[entry.action]++;
        if (entry.action === 'upload' || entry.action === 'copy')
            counts.writeBytes += entry.size;
    }
    return counts;
}

;// CONCATENATED MODULE: ./packages/s3/src/conditional.ts


/**
 * Conditional writes on S3-compatible stores: `If-None-Match: *` (create only) and `If-Match`
 * (replace only the version read). AWS S3, MinIO, R2 and moto honour them; some stores (s3rver)
 * ignore the headers and write anyway. Callers that need exclusion ask `conditionalWrites()`
 * once per bucket and fall back to write-then-verify where the answer is no.
 */
function httpStatus(error) {
    return error?.$metadata?.httpStatusCode;
}
function isNotFound(error) {
    const e = error;
    return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || httpStatus(error) === 404;
}
/**
 * 412: the object is not in the state the write was conditional on. An answer with another code
 * is not a lost race (a store answers S3's PreconditionFailed; the Azure Blob store maps Blob
 * Storage's condition codes to it and turns its other 412s, a blob lease on the object, into a
 * ShipkitError of their own).
 */
function isPreconditionFailed(error) {
    const e = error;
    if (!(e?.name === 'PreconditionFailed' || httpStatus(error) === 412))
        return false;
    if (typeof e.Code === 'string' && e.Code && e.Code !== 'PreconditionFailed')
        return false;
    return true;
}
/** 501 NotImplemented: the store refuses the conditional header outright. */
function isConditionalUnsupported(error) {
    const e = error;
    return e?.name === 'NotImplemented' || httpStatus(error) === 501;
}
/** Reads a JSON object, its ETag, its Last-Modified and the store's time of the answer; undefined when it does not exist. */
async function getJsonObject(client, bucket, key) {
    try {
        const response = await client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: bucket, Key: key }));
        const text = await response.Body.transformToString();
        return { value: JSON.parse(text), etag: response.ETag, lastModified: parseHttpDate(response.LastModified), storeDate: storeDateOf(response) };
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw error;
    }
}
/** Writes a JSON object, optionally conditional; returns the new ETag. A failed condition throws (see isPreconditionFailed). */
async function putJsonObject(client, bucket, key, value, condition) {
    const response = await client.send(new dist_cjs/* PutObjectCommand */.wKZ({
        Bucket: bucket,
        Key: key,
        Body: `${JSON.stringify(value, null, 2)}\n`,
        ContentType: 'application/json',
        CacheControl: 'no-store',
        ...(condition && 'ifNoneMatch' in condition ? { IfNoneMatch: '*' } : {}),
        ...(condition && 'ifMatch' in condition ? { IfMatch: condition.ifMatch } : {}),
    }));
    return response.ETag;
}
/** Deletes an object only while it still has `etag` (where the store supports conditional deletes; else unconditionally). */
async function deleteIfMatch(client, bucket, key, etag) {
    try {
        await client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: bucket, Key: key, ...(etag ? { IfMatch: etag } : {}) }));
    }
    catch (error) {
        if (isNotFound(error) || isPreconditionFailed(error))
            return;
        if (etag && isConditionalUnsupported(error)) {
            await client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: bucket, Key: key }));
            return;
        }
        throw error;
    }
}
const probed = new WeakMap();
/**
 * Whether the bucket's store honours `If-None-Match: *` on PutObject: creates `probeKey` twice
 * with the condition; a store that honours it refuses the second (or the first, when an earlier
 * probe left the key). Asked once per client and bucket (2 small writes at most).
 */
function conditionalWrites(client, bucket, probeKey) {
    const cacheKey = `${bucket}\n${probeKey}`;
    const cache = probed.get(client) ?? new Map();
    probed.set(client, cache);
    let answer = cache.get(cacheKey);
    if (!answer) {
        answer = (async () => {
            const body = { probe: 'shipkit conditional-write probe: safe to delete', time: new Date().toISOString() };
            for (let attempt = 0; attempt < 2; attempt++) {
                try {
                    await putJsonObject(client, bucket, probeKey, body, { ifNoneMatch: true });
                }
                catch (error) {
                    if (isPreconditionFailed(error))
                        return true;
                    if (isConditionalUnsupported(error))
                        return false;
                    throw error;
                }
            }
            return false;
        })();
        cache.set(cacheKey, answer);
        answer.catch(() => cache.delete(cacheKey));
    }
    return answer;
}

;// CONCATENATED MODULE: ./packages/s3/src/remote.ts




const MANIFEST_FORMAT = 'shipkit-manifest/1';

/** Wraps an S3 failure in a ShipkitError saying what was being done. */
function s3Failure(what, error, hint) {
    if (error instanceof src.ShipkitError)
        return error;
    const e = error;
    const status = e?.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : '';
    const attempts = (e?.$metadata?.attempts ?? 0) > 1 ? ` after ${e.$metadata.attempts} attempts` : '';
    const name = e?.name && e.name !== 'Error' ? `${e.name}: ` : '';
    return new src.ShipkitError(`Could not ${what}${attempts}: ${name}${(0,src.errorMessage)(error)}${status}`, { hint, cause: error });
}
/** Attempts at one listing page that the store answered with something shipkit cannot trust. */
const LISTING_ATTEMPTS = 3;
/** A page that answered but cannot be trusted (retried, then reported as an incomplete listing). */
class UntrustedPage extends Error {
}
/** The store answered (HTTP 2xx) yet the client could not read the answer: a body cut or mangled on the way. */
function isUnreadableAnswer(error) {
    const status = error?.$metadata?.httpStatusCode;
    return status !== undefined && status >= 200 && status < 300;
}
/** The first line of an error, at most 160 characters (parse errors of some clients echo the whole body). */
function shortReason(error) {
    const text = (0,src.errorMessage)(error).split('\n')[0].replace(/ - <\?xml[\s\S]*$/, '');
    return text.length > 160 ? `${text.slice(0, 160)}...` : text;
}
/**
 * A listing that could not be read completely: a page said it was truncated without a continuation
 * token, handed out a token it had given before, or did not parse — after LISTING_ATTEMPTS tries.
 * Nothing may act on the pages read so far (retention would delete what the missing part protects).
 */
class IncompleteListingError extends src.ShipkitError {
    url;
    reason;
    constructor(url, reason, attempts) {
        super(`Could not list ${url} completely: ${reason} (${attempts} attempt${attempts === 1 ? '' : 's'}). Nothing was done with the partial listing.`, {
            hint: 'The store, or a proxy in front of it, answered a listing page that cannot be trusted. Re-run; if it persists, check the store or the proxy (a listing must end with a page that is not truncated).',
        });
        this.url = url;
        this.reason = reason;
        this.name = 'IncompleteListingError';
    }
}
/**
 * Reads a listing page by page (ListObjectsV2, one request per `maxKeys`) and hands each page to
 * `onPage`; `onPage` returning false stops early. Complete or an error: a page that says it is
 * truncated without a continuation token, repeats a token, or whose body does not parse is asked
 * again (LISTING_ATTEMPTS in all), then IncompleteListingError names the store URL and the prefix.
 * Other failures (no such bucket, access denied, network after the client's retries) are wrapped
 * in a ShipkitError saying what was listed.
 */
async function listPages(client, bucket, prefix, options, onPage) {
    const url = (0,src.storeUrl)(bucket, prefix);
    const used = new Set();
    let token;
    for (let number = 1;; number++) {
        const which = number === 1 ? 'the first page' : `page ${number}`;
        let page;
        try {
            page = await (0,src.retry)(async () => {
                let response;
                try {
                    response = await client.send(new dist_cjs/* ListObjectsV2Command */.u6x({ Bucket: bucket, Prefix: prefix || undefined, Delimiter: options.delimiter, ContinuationToken: token, MaxKeys: options.maxKeys ?? 1000 }));
                }
                catch (error) {
                    if (isUnreadableAnswer(error))
                        throw new UntrustedPage(`${which} of the listing does not parse (${shortReason(error)})`, { cause: error });
                    throw error;
                }
                const next = response.NextContinuationToken || undefined;
                if (response.IsTruncated && !next)
                    throw new UntrustedPage(`${which} of the listing says it is truncated but gives no continuation token`);
                if (response.IsTruncated && next && (next === token || used.has(next)))
                    throw new UntrustedPage(`${which} of the listing hands out a continuation token it gave before (${JSON.stringify(next.slice(0, 40))})`);
                const objects = [];
                for (const item of response.Contents ?? [])
                    if (item.Key !== undefined)
                        objects.push({ key: item.Key, size: item.Size ?? 0, etag: item.ETag });
                const prefixes = (response.CommonPrefixes ?? []).map((common) => common.Prefix).filter((name) => !!name);
                return { objects, prefixes, next: response.IsTruncated ? next : undefined };
            }, { attempts: LISTING_ATTEMPTS, baseDelayMs: 200, maxDelayMs: 2000, retryable: (error) => error instanceof UntrustedPage, label: `Listing ${url}` });
        }
        catch (error) {
            if (error instanceof UntrustedPage)
                throw new IncompleteListingError(url, error.message, LISTING_ATTEMPTS);
            throw s3Failure(`list ${url}`, error, 'Check the bucket name, region/endpoint and that the credentials may s3:ListBucket.');
        }
        if (onPage(page) === false || !page.next)
            return;
        if (token)
            used.add(token);
        token = page.next;
    }
}
/** Every key under `prefix` (keys are full keys), one ListObjectsV2 request per 1,000 keys; complete or an IncompleteListingError. */
async function listObjects(client, bucket, prefix) {
    const objects = [];
    await listPages(client, bucket, listingPrefix(normalizePrefix(prefix)), {}, (page) => {
        objects.push(...page.objects);
    });
    return objects;
}
/**
 * The first `max` keys under `prefix` (one request), and whether there are more: a look into a
 * location, not a listing anything acts on.
 */
async function peekKeys(client, bucket, prefix, max) {
    const keys = [];
    let more = false;
    await listPages(client, bucket, listingPrefix(normalizePrefix(prefix)), { maxKeys: max }, (page) => {
        keys.push(...page.objects.map((object) => object.key).slice(0, max));
        more = !!page.next || page.objects.length > max;
        return false;
    });
    return { keys, more };
}
/** Lists `<prefix>/<name>/` "folders" with one delimiter listing per 1,000 (each release folder holds its manifest directly); complete or an IncompleteListingError. */
async function listFolders(client, bucket, prefix) {
    const names = [];
    await listPages(client, bucket, prefix, { delimiter: '/' }, (page) => {
        for (const common of page.prefixes)
            names.push(common.slice(prefix.length).replace(/\/$/, ''));
    });
    return names;
}
/** The keys under a prefix (full keys). */
async function listKeys(client, bucket, prefix) {
    return (await listObjects(client, bucket, prefix)).map((object) => object.key);
}
function parseManifest(text, where) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new src.ShipkitError(`The hash manifest ${where} is not valid JSON (${(0,src.errorMessage)(error)}).`, { hint: 'Delete it; the next publish plans from object metadata and rewrites it.' });
    }
    if (data.format !== MANIFEST_FORMAT || typeof data.files !== 'object' || data.files === null) {
        throw new src.ShipkitError(`The hash manifest ${where} is not a ${MANIFEST_FORMAT} document.`, { hint: 'Delete it; the next publish rewrites it.' });
    }
    return { format: MANIFEST_FORMAT, complete: !!data.complete, updatedAt: String(data.updatedAt ?? ''), meta: data.meta ?? {}, files: data.files, retained: data.retained, ...(Array.isArray(data.pending) ? { pending: data.pending.filter((key) => typeof key === 'string') } : {}) };
}
/** The manifest of a prefix, or undefined when there is none. */
async function readManifest(client, bucket, prefix) {
    return (await readManifestVersion(client, bucket, prefix)).manifest;
}
/** The manifest of a prefix with its ETag (both undefined when there is none): what a guarded write is conditional on. */
async function readManifestVersion(client, bucket, prefix, key = manifestKey(normalizePrefix(prefix))) {
    try {
        const response = await client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: bucket, Key: key }));
        const text = (await response.Body?.transformToString('utf-8')) ?? '';
        return { manifest: parseManifest(text, `${(0,src.storeUrl)(bucket, key)}`), etag: response.ETag };
    }
    catch (error) {
        if (isNotFound(error))
            return {};
        throw s3Failure(`read ${(0,src.storeUrl)(bucket, key)}`, error);
    }
}
/** The manifest of a location: at `at` when given (else, for older installs, beside the files), or in the prefix. */
async function readManifestOf(client, bucket, prefix, at) {
    if (!at)
        return readManifest(client, bucket, prefix);
    return (await readManifestVersion(client, at.bucket, '', at.key)).manifest ?? (await readManifest(client, bucket, prefix));
}
/** A guarded manifest write found the manifest changed by someone else since it was read (HTTP 412). */
class ManifestConflictError extends src.ShipkitError {
    where;
    constructor(where) {
        super(`The hash manifest ${where} was changed by another run while this one was writing the prefix.`, { hint: 'Another publish or install ran at the same time; re-run to settle it.' });
        this.where = where;
        this.name = 'ManifestConflictError';
    }
}
/** Writes a prefix's manifest; with a guard, conditionally (If-Match / If-None-Match). Returns the new ETag. */
async function writeManifest(client, bucket, prefix, manifest, guard, key = manifestKey(normalizePrefix(prefix))) {
    const put = (conditional) => client.send(new dist_cjs/* PutObjectCommand */.wKZ({
        Bucket: bucket,
        Key: key,
        Body: `${JSON.stringify(manifest, null, 1)}\n`,
        ContentType: 'application/json; charset=utf-8',
        CacheControl: 'no-cache',
        ...(conditional && guard ? (guard.etag ? { IfMatch: guard.etag } : { IfNoneMatch: '*' }) : {}),
    }));
    try {
        return (await put(true)).ETag;
    }
    catch (error) {
        if (guard && isPreconditionFailed(error))
            throw new ManifestConflictError(`${(0,src.storeUrl)(bucket, key)}`);
        if (guard && isConditionalUnsupported(error)) {
            try {
                return (await put(false)).ETag;
            }
            catch (retryError) {
                throw s3Failure(`write the hash manifest ${(0,src.storeUrl)(bucket, key)}`, retryError);
            }
        }
        throw s3Failure(`write the hash manifest ${(0,src.storeUrl)(bucket, key)}`, error);
    }
}
/** Reads sha256 and headers of one object from its metadata (used only where the manifest cannot tell). */
async function headEntry(client, bucket, key) {
    try {
        const head = await client.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: bucket, Key: key }));
        const sha256 = head.Metadata?.sha256;
        if (!sha256)
            return undefined;
        return { sha256, size: head.ContentLength ?? 0, etag: head.ETag, contentType: head.ContentType, cacheControl: head.CacheControl, ...(head.ContentEncoding ? { contentEncoding: head.ContentEncoding } : {}) };
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw s3Failure(`read the metadata of ${(0,src.storeUrl)(bucket, key)}`, error);
    }
}
/**
 * Deletes keys in batches of 1,000 (DeleteObjects), checking every per-key error. Throws a
 * ShipkitError listing the keys that could not be deleted.
 */
async function deleteKeys(client, bucket, keys, onBatch) {
    let deleted = 0;
    for (let start = 0; start < keys.length; start += 1000) {
        const batch = keys.slice(start, start + 1000);
        let response;
        try {
            response = await client.send(new dist_cjs/* DeleteObjectsCommand */.xvx({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
        }
        catch (error) {
            throw s3Failure(`delete ${batch.length} objects from ${(0,src.storeUrl)(bucket)}`, error);
        }
        const errors = response.Errors ?? [];
        if (errors.length) {
            const listed = errors.slice(0, 10).map((e) => `${e.Key}: ${e.Code ?? 'error'} ${e.Message ?? ''}`.trim());
            throw new src.ShipkitError(`Could not delete ${errors.length} of ${batch.length} objects from ${(0,src.storeUrl)(bucket)}:\n${listed.join('\n')}${errors.length > 10 ? '\n...' : ''}`, {
                hint: 'Check that the credentials may s3:DeleteObject on these keys.',
            });
        }
        deleted += batch.length;
        onBatch?.(batch.length);
    }
    return deleted;
}
/**
 * Deletes everything under a prefix, the manifest first (so the prefix stops counting as complete
 * before any file goes). Refuses the bucket root unless `allowRoot` is set.
 */
async function deletePrefix(client, bucket, prefix, options = {}) {
    const normalized = normalizePrefix(prefix);
    if (!normalized && !options.allowRoot) {
        throw new src.ShipkitError(`Refusing to delete every object in ${(0,src.storeUrl)(bucket)}: deletePrefix was given an empty prefix.`, { hint: 'Pass allowRoot: true if that is really meant.' });
    }
    const keys = await listKeys(client, bucket, normalized);
    const manifest = keys.filter((key) => key === manifestKey(normalized));
    const rest = keys.filter((key) => key !== manifestKey(normalized));
    return (await deleteKeys(client, bucket, manifest)) + (await deleteKeys(client, bucket, rest));
}

/**
 * Checks, before anything is written, that a bucket exists and these credentials may list it
 * (one ListObjectsV2 of one key). `field` names the input or config field that gave it.
 */
async function checkBucket(client, bucket, field, value = `${(0,src.storeUrl)(bucket)}`) {
    try {
        await client.send(new dist_cjs/* ListObjectsV2Command */.u6x({ Bucket: bucket, MaxKeys: 1 }));
    }
    catch (error) {
        const e = error;
        const code = e?.name ?? e?.Code ?? '';
        const status = e?.$metadata?.httpStatusCode;
        if ((0,src.isAzureBucket)(bucket)) {
            if (error instanceof src.ShipkitError)
                throw new src.ShipkitError(`${field} ${value}: ${error.message}`, { hint: error.hint, cause: error });
            if (status === 404)
                throw new src.ShipkitError(`${field} ${value}: the container does not exist in that storage account — create it (docs/azure.md) or fix ${field}.`);
            if (status === 403)
                throw new src.ShipkitError(`${field} ${value}: these credentials may not list the container — grant Storage Blob Data Contributor on it (docs/azure.md).`);
            throw s3Failure(`reach ${value} (${field})`, error, 'Check the account and container names and that the account is reachable (SHIPKIT_AZURE_BLOB_ENDPOINT or the connection string for another cloud or an emulator).');
        }
        if (code === 'NoSuchBucket' || status === 404) {
            throw new src.ShipkitError(`${field} ${value}: the bucket ${JSON.stringify(bucket)} does not exist — create it (see docs/adopt.md for the buckets shipkit needs) or fix ${field}.`);
        }
        if (code === 'AccessDenied' || code === 'Forbidden' || status === 403) {
            throw new src.ShipkitError(`${field} ${value}: these credentials may not list bucket ${JSON.stringify(bucket)} — grant s3:ListBucket (and the object permissions shipkit needs) on it.`);
        }
        throw s3Failure(`reach bucket ${bucket} (${field})`, error, 'Check the bucket name, the region and endpoint (aws:), and that the store is reachable.');
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./packages/s3/src/scan.ts







/** Bytes hashed between turns of the event loop, and what a file counts for besides its size. */
const TURN_BYTES = 4 * 1024 * 1024;
const TURN_FILE_BYTES = 64 * 1024;
/** Like .gitignore: a glob without "/" matches the file name at any depth. */
const matches = (key, pattern, dot) => (0,esm/* minimatch */.xF)(key, pattern, { dot, matchBase: !pattern.includes('/') });
const hasDotSegment = (key) => key.split('/').some((segment) => segment.startsWith('.'));
const namesDotSegment = (pattern) => /(^|\/)\.[^/.]/.test(pattern) || /(^|\/)\.\*/.test(pattern);
function isInside(root, target) {
    const relative = external_node_path_default().relative(root, target);
    return relative === '' || (!relative.startsWith('..') && !external_node_path_default().isAbsolute(relative));
}
/**
 * Lists the files under `dir` with their keys, sizes, sha256 and content types, sorted by key.
 * Symlinks are followed only while they stay inside `dir` (checked on the resolved real path);
 * anything else is left out and reported to onSkip. Dotfiles are left out unless included.
 */
async function scanDirectory(dir, options = {}) {
    let root;
    try {
        root = await (0,promises_.realpath)(dir);
        if (!(await (0,promises_.stat)(root)).isDirectory())
            throw new Error('not a directory');
    }
    catch {
        throw new src.ShipkitError(`Source directory ${JSON.stringify(dir)} does not exist or is not a directory.`, {
            hint: 'Build the site before this step and pass its output directory (relative to the workspace).',
        });
    }
    const include = options.include?.length ? [...options.include] : undefined;
    const exclude = options.exclude ?? [];
    const skip = options.onSkip ?? (() => undefined);
    const selected = (key) => {
        const dotted = hasDotSegment(key);
        if (key === MANIFEST_NAME)
            return false;
        if (exclude.some((pattern) => matches(key, pattern, true)))
            return false;
        if (dotted && !options.includeDotfiles) {
            return !!include?.some((pattern) => namesDotSegment(pattern) && matches(key, pattern, true));
        }
        return include ? include.some((pattern) => matches(key, pattern, !!options.includeDotfiles)) : true;
    };
    const found = [];
    // Real paths of the directories being walked: a symlink back to one of them is a loop.
    const walk = async (realDir, relativeDir, ancestors) => {
        const entries = await (0,promises_.readdir)(realDir, { withFileTypes: true });
        // An lstat per entry, synchronous (a fraction of the cost of a thread-pool round trip each);
        // subdirectories are walked concurrently and the result is sorted after.
        await (0,src.mapLimit)(entries, 64, async (entry) => {
            const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
            const full = external_node_path_default().join(realDir, entry.name);
            // Skip whole dot directories early (e.g. .git) unless something could include them.
            if (entry.isDirectory() && entry.name.startsWith('.') && !options.includeDotfiles && !include?.some(namesDotSegment))
                return;
            let target = full;
            let info = (0,external_node_fs_.lstatSync)(full);
            if (info.isSymbolicLink()) {
                try {
                    target = await (0,promises_.realpath)(full);
                }
                catch {
                    skip(relative, 'broken symlink');
                    return;
                }
                if (!isInside(root, target)) {
                    skip(relative, `symlink to ${target}, outside the source directory`);
                    return;
                }
                info = await (0,promises_.stat)(target);
            }
            if (info.isDirectory()) {
                if (ancestors.has(target)) {
                    skip(relative, 'symlink loop');
                    return;
                }
                await walk(target, relative, new Set([...ancestors, target]));
            }
            else if (info.isFile()) {
                if (selected(relative))
                    found.push({ key: checkRelativeKey(relative), path: target, size: info.size });
            }
            else {
                skip(relative, 'not a regular file');
            }
        });
    };
    await walk(root, '', new Set([root]));
    found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const files = [];
    let sinceTurn = 0;
    for (const file of found) {
        const keep = options.keep?.wants(file.key, file.size) ? options.keep : undefined;
        // Files above one read are streamed asynchronously: hashed synchronously, a 1 GiB file would
        // hold the event loop for about 3 s.
        const { sha256, bytes } = file.size > src.ONE_READ_BYTES ? { sha256: await (0,src.sha256File)(file.path), bytes: undefined } : (0,src.hashFileSync)(file.path, file.size, !!keep);
        if (bytes)
            keep.put(file.path, bytes);
        const contentEncoding = contentEncodingFor(file.key);
        const local = { key: file.key, path: file.path, size: file.size, sha256, contentType: contentTypeFor(file.key), ...(contentEncoding ? { contentEncoding } : {}) };
        files.push(local);
        options.onHashed?.(local);
        // Tens of thousands of files: the kept bytes and hashes must not grow the process (checked every 500).
        if (files.length % 500 === 0)
            (0,src.collectGarbageAbove)(src.TRANSFER_HEAP_BYTES);
        // The reads are synchronous (hashFileSync): the event loop gets a turn every few MiB or files,
        // so what runs alongside the scan (the store's listing) goes on.
        sinceTurn += file.size + TURN_FILE_BYTES;
        if (sinceTurn >= TURN_BYTES) {
            sinceTurn = 0;
            await new Promise((resolve) => setImmediate(resolve));
        }
    }
    return files;
}

;// CONCATENATED MODULE: ./packages/s3/src/transfer.ts











const MULTIPART_THRESHOLD = 8 * 1024 * 1024;
const PART_SIZE = 8 * 1024 * 1024;
/**
 * Requests in flight at once. A store far away is latency-bound: measured through a proxy adding
 * 20 ms per request, 1,000 small files took 1.7-1.9 s at 16, 1.2 s at 32 and 1.0 s at 64; on a
 * local store (CPU-bound) 16, 32 and 64 measured the same. 32 stays well inside Amazon S3's
 * 3,500 writes per second per prefix.
 */
const DEFAULT_CONCURRENCY = 32;
/**
 * File bytes an upload holds in memory at once, across its concurrent requests: each body is read
 * whole (a file up to MULTIPART_THRESHOLD, or one part), so without a bound 32 uploads of 8 MiB
 * parts, 4 parts each, could hold 1 GiB. Small files never reach it.
 */
const DEFAULT_BUFFER_BYTES = 64 * 1024 * 1024;
/**
 * Bytes of small files the scan keeps for their upload (KeptBytes), at most: a site's small files
 * are read once instead of twice, and memory stays bounded whatever the site's size.
 */
const KEPT_BYTES = 32 * 1024 * 1024;
/** CopyObject copies up to 5 GiB in one request. */
const MAX_COPY_BYTES = 5 * 1024 * 1024 * 1024;
/**
 * Learns what a prefix holds in a few requests: one listing per 1,000 keys plus the manifest.
 * A manifest entry is trusted when the listed size and ETag still match it; objects it does not
 * cover are HEADed only when `worthHeading` says a matching file might be skipped (e.g. after an
 * interrupted publish left uploaded objects without a new manifest).
 */
async function readRemoteState(client, bucket, prefix, options = {}) {
    const normalized = normalizePrefix(prefix);
    const { listed, manifest } = await (options.fetched ?? fetchRemoteListing(client, bucket, normalized, options.manifestAt));
    const legacyManifest = !!options.manifestAt && listed.some((object) => object.key === manifestKey(normalized));
    const start = listingPrefix(normalized).length;
    const files = new Map();
    const toHead = [];
    for (const object of listed) {
        if (object.key === manifestKey(normalized))
            continue;
        const key = object.key.slice(start);
        const file = { key, size: object.size, etag: object.etag };
        const entry = manifest?.files[key] ?? manifest?.retained?.[key];
        if (entry && entry.size === object.size && (!entry.etag || !object.etag || entry.etag === object.etag))
            file.known = entry;
        else if (options.worthHeading?.(key, object.size))
            toHead.push(file);
        files.set(key, file);
    }
    await (0,src.mapLimit)(toHead, options.concurrency ?? DEFAULT_CONCURRENCY, async (file) => {
        file.known = await headEntry(client, bucket, joinKey(normalized, file.key));
    });
    return { manifest, files, legacyManifest };
}
/** The listing of a prefix and its manifest, read concurrently (started early, it overlaps the local scan). */
async function fetchRemoteListing(client, bucket, prefix, manifestAt, manifestRead) {
    const normalized = normalizePrefix(prefix);
    // `manifestRead`: the caller's read of the same manifest, already under way (not read twice).
    const [listed, manifest] = await Promise.all([listObjects(client, bucket, normalized), manifestRead ?? readManifestOf(client, bucket, normalized, manifestAt)]);
    return { listed, manifest };
}
function sameMeta(a, b) {
    return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}
function sortKeys(value) {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
}
/**
 * Runs a plan against `to`: marks a complete manifest incomplete first (only when something will
 * change), writes rank by rank, deletes stale keys after every write, and writes the manifest last.
 */
async function execute(client, desired, remote, options, executor) {
    const { bucket, prefix } = options;
    const meta = options.meta ?? {};
    const previous = remote.manifest;
    const planningStarted = performance.now();
    const entries = planTransfer(desired, remote.files, {
        write: executor.phase,
        deleteStale: options.deleteStale,
        retained: new Set(Object.keys(previous?.retained ?? {})),
        // What shipkit put here: the previous manifest's files, the ones it kept once, and what an interrupted transfer was writing.
        owned: new Set([...Object.keys(previous?.files ?? {}), ...Object.keys(previous?.retained ?? {}), ...(previous?.pending ?? [])]),
    });
    if (executor.reusable) {
        const files = new Map(desired.map((file) => [file.key, file]));
        for (const entry of entries)
            if (entry.action === 'upload' && executor.reusable(files.get(entry.key)))
                entry.action = 'copy';
    }
    const plan = { bucket, prefix, entries, counts: countPlan(entries) };
    const writes = entries.filter((entry) => entry.action === 'upload' || entry.action === 'copy');
    const deletes = entries.filter((entry) => entry.action === 'delete');
    const retainedEntries = entries.filter((entry) => entry.action === 'retain');
    const byKey = new Map(desired.map((file) => [file.key, file]));
    const files = {};
    for (const file of desired) {
        const there = remote.files.get(file.key);
        files[file.key] = {
            sha256: file.sha256,
            size: file.size,
            etag: there?.etag,
            contentType: file.contentType,
            ...(file.cacheControl ? { cacheControl: file.cacheControl } : {}),
            ...(file.contentEncoding ? { contentEncoding: file.contentEncoding } : {}),
        };
    }
    const retained = {};
    for (const entry of retainedEntries) {
        const there = remote.files.get(entry.key);
        retained[entry.key] = { ...(there?.known ?? { sha256: '' }), size: entry.size, etag: there?.etag };
    }
    const manifest = {
        format: MANIFEST_FORMAT,
        complete: true,
        updatedAt: new Date().toISOString(),
        meta,
        files,
        ...(retainedEntries.length ? { retained } : {}),
    };
    const copies = writes.filter((entry) => entry.action === 'copy');
    const result = (changed) => ({
        uploaded: writes.length,
        copied: copies.length,
        copiedBytes: copies.reduce((sum, entry) => sum + entry.size, 0),
        skipped: plan.counts.skip,
        deleted: deletes.length,
        bytes: plan.counts.writeBytes,
        plan,
        manifest,
        changed,
        startedDuringScan: 0,
    });
    const old = remote.manifest;
    (0,src.addTiming)(options.timings, 'planning', planningStarted);
    const transfersStarted = performance.now();
    const sameRetained = JSON.stringify(Object.keys(old?.retained ?? {}).sort()) === JSON.stringify(Object.keys(retained).sort());
    const manifestCurrent = !!old && old.complete && sameMeta(old.meta, meta) && sameRetained &&
        Object.keys(old.files).length === desired.length && desired.every((file) => old.files[file.key]?.sha256 === file.sha256);
    if (options.dryRun)
        return result(writes.length + deletes.length > 0 || !manifestCurrent);
    if (!writes.length && !deletes.length && manifestCurrent && !remote.legacyManifest) {
        (0,src.addTiming)(options.timings, 'planning', transfersStarted);
        return result(false);
    }
    const log = options.log ?? src.runner.info;
    let guard = options.manifestGuard;
    const guardedWrite = async (next) => {
        const etag = options.manifestAt
            ? await writeManifest(client, options.manifestAt.bucket, '', next, guard, options.manifestAt.key)
            : await writeManifest(client, bucket, prefix, next, guard);
        return guard ? { etag } : undefined;
    };
    if (writes.length || deletes.length) {
        if (options.deleteStale === 'owned') {
            // Installs: the marker also lists the keys about to be written, so whatever this transfer leaves
            // behind if it is interrupted is known to be shipkit's (and removed by the next install or restore).
            const pending = [...new Set([...(old?.pending ?? []), ...writes.map((entry) => entry.key)])].sort();
            guard = await guardedWrite({ ...(old ?? { format: MANIFEST_FORMAT, files: {}, meta }), complete: false, meta, pending, updatedAt: new Date().toISOString() });
        }
        else if (old?.complete) {
            // The prefix stops claiming completeness before its files change; hash knowledge is kept.
            guard = await guardedWrite({ ...old, complete: false, meta, updatedAt: new Date().toISOString() });
        }
    }
    if (writes.length) {
        const totalBytes = plan.counts.writeBytes;
        const progress = new src.Progress(`${executor.phase === 'copy' ? 'Copying' : 'Writing'} to ${(0,src.storeUrl)(bucket, listingPrefix(prefix))}`, writes.length, totalBytes, 5000, log);
        let done = 0;
        let bytesDone = 0;
        for (const rank of [0, 1, 2]) {
            // Largest first within a rank (the plan keeps its key order): a large file started last is a
            // tail the whole batch waits for (multipart above 8 MiB: three requests one after another).
            const underWay = (entry) => (executor.underWay?.(entry) ? 1 : 0);
            const batch = writes.filter((entry) => entry.rank === rank).sort((a, b) => underWay(b) - underWay(a) || b.size - a.size);
            await (0,src.mapLimit)(batch, options.concurrency ?? DEFAULT_CONCURRENCY, async (entry) => {
                const file = byKey.get(entry.key);
                const etag = await executor.write(entry, file);
                files[entry.key].etag = etag;
                done++;
                bytesDone += entry.size;
                progress.add(1, entry.size);
                // Tens of thousands of requests: keep the garbage they leave from growing the process (checked every 500).
                if (done % 500 === 0)
                    (0,src.collectGarbageAbove)(src.TRANSFER_HEAP_BYTES);
                options.onProgress?.({ phase: executor.phase, key: entry.key, done, total: writes.length, bytesDone, bytesTotal: totalBytes });
            });
        }
        progress.done();
    }
    if (deletes.length) {
        let done = 0;
        await deleteKeys(client, bucket, deletes.map((entry) => joinKey(prefix, entry.key)), (count) => {
            done += count;
            options.onProgress?.({ phase: 'delete', done, total: deletes.length, bytesDone: 0, bytesTotal: 0 });
        });
        const names = deletes.slice(0, 50).map((entry) => entry.key).join(', ');
        log(`Deleted ${deletes.length} stale object(s) from ${(0,src.storeUrl)(bucket, listingPrefix(prefix))}: ${names}${deletes.length > 50 ? `, and ${deletes.length - 50} more` : ''}`);
    }
    manifest.updatedAt = new Date().toISOString();
    await guardedWrite(manifest);
    // The manifest lives elsewhere now: the one an older version left beside the files goes (it is shipkit's).
    if (remote.legacyManifest)
        await deleteKeys(client, bucket, [manifestKey(prefix)]);
    (0,src.addTiming)(options.timings, 'transfers', transfersStarted);
    return result(true);
}
const changedHint = (file) => `${file.key} changed after it was scanned: its bytes no longer have the sha256 ${file.sha256} the plan was made with. Make sure nothing writes to the source directory during the publish, then re-run.`;
const resized = (file) => new src.ShipkitError(`${file.key} is no longer ${file.size} bytes, its size when it was scanned.`, { hint: changedHint(file) });
async function uploadFile(client, bucket, key, file, concurrency, buffers, kept) {
    const headers = { ContentType: file.contentType, CacheControl: file.cacheControl, ContentEncoding: file.contentEncoding, Metadata: { sha256: file.sha256 } };
    // The bytes the scan hashed, when it kept them: exactly what the plan's sha256 describes.
    const body = kept?.take(file.path, file.size);
    if (body) {
        try {
            return await putObject(client, { Bucket: bucket, Key: key, Body: body, ...headers });
        }
        catch (error) {
            throw s3Failure(`upload ${file.key} to ${(0,src.storeUrl)(bucket, key)}`, error);
        }
    }
    if (file.size <= MULTIPART_THRESHOLD) {
        // The body is a view of a reused read buffer (withScratch): given back only after the store
        // answered the request with success, when nothing holds it any more.
        return buffers.use(file.size, () => (0,src.withScratch)(file.size + 1, async (scratch) => {
            const body = await (0,src.readKnownSize)(file.path, file.size, scratch);
            if (!body)
                throw resized(file);
            try {
                return await putObject(client, { Bucket: bucket, Key: key, Body: body, ...headers });
            }
            catch (error) {
                const changed = error.name === 'XAmzContentSHA256Mismatch';
                throw s3Failure(`upload ${file.key} to ${(0,src.storeUrl)(bucket, key)}`, error, changed ? `${changedHint(file)} The store refused them.` : undefined);
            }
        }));
    }
    const handle = await (0,promises_.open)(file.path, 'r');
    let uploadId;
    try {
        uploadId = (await client.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({ Bucket: bucket, Key: key, ...headers }))).UploadId;
        const partCount = Math.ceil(file.size / PART_SIZE);
        // The sha256 of the bytes the parts send, in part order (a part read ahead of an earlier one waits
        // here): a file rewritten at the same size since the scan would otherwise be stored under the
        // planned sha256 (a single PUT is checked by the store against that sha256; parts carry none).
        const sent = (0,external_node_crypto_.createHash)('sha256');
        const readAhead = new Map();
        let nextToHash = 0;
        const hashInOrder = (index, body) => {
            readAhead.set(index, body);
            for (let part = readAhead.get(nextToHash); part; part = readAhead.get(nextToHash)) {
                sent.update(part);
                readAhead.delete(nextToHash++);
            }
        };
        const parts = await (0,src.mapLimit)(Array.from({ length: partCount }, (_, index) => index), Math.min(4, concurrency), async (index) => {
            const length = Math.min(PART_SIZE, file.size - index * PART_SIZE);
            const response = await buffers.use(length, async () => {
                const body = Buffer.alloc(length);
                const { bytesRead } = await handle.read(body, 0, length, index * PART_SIZE);
                if (bytesRead !== length)
                    throw resized(file);
                hashInOrder(index, body);
                return client.send(new dist_cjs/* UploadPartCommand */.iVK({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: index + 1, Body: body, ContentLength: length }));
            });
            // When the SDK added a checksum to the parts (AWS default), S3 wants each part's checksum back on completion.
            return {
                ETag: response.ETag,
                PartNumber: index + 1,
                ChecksumCRC32: response.ChecksumCRC32,
                ChecksumCRC32C: response.ChecksumCRC32C,
                ChecksumCRC64NVME: response.ChecksumCRC64NVME,
                ChecksumSHA1: response.ChecksumSHA1,
                ChecksumSHA256: response.ChecksumSHA256,
            };
        });
        // A file that grew since the scan would be stored cut at its planned size: refused (the upload is aborted).
        if ((await handle.stat()).size !== file.size)
            throw resized(file);
        // A file rewritten at the same size: its parts are not the planned bytes (the upload is aborted, nothing committed).
        if (nextToHash !== partCount || sent.digest('hex') !== file.sha256)
            throw new src.ShipkitError(`${file.key} changed while it was uploaded in parts to ${(0,src.storeUrl)(bucket, key)}: the bytes read do not have the planned sha256; nothing was committed.`, { hint: changedHint(file) });
        const completed = await client.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({ Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
        return completed.ETag;
    }
    catch (error) {
        if (uploadId)
            await client.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
        throw s3Failure(`upload ${file.key} (multipart) to ${(0,src.storeUrl)(bucket, key)}`, error);
    }
    finally {
        await handle.close();
    }
}
const INTERRUPTED_HINT = 'The prefix is not marked complete, so nothing copies from it or treats it as finished. Re-run the step once the store is reachable: it finishes the work and skips what is already there.';
/**
 * Publishes local files to `s3://bucket/prefix/`: plans by sha256, uploads what changed (bounded
 * concurrency, multipart above 8 MiB) assets first and entry documents last, deletes stale keys
 * after that (per deleteStale), and writes the hash manifest last.
 */
async function publishDirectory(client, options) {
    const prefix = normalizePrefix(options.prefix);
    if (!options.files && !options.sourceDir)
        throw new src.ShipkitError('publishDirectory needs sourceDir or files.');
    const scanStarted = performance.now();
    // The remote listing and manifest are read while the local files are scanned and hashed.
    const fetched = (options.files && options.fetched) || fetchRemoteListing(client, options.bucket, prefix);
    let listed;
    fetched.then((listing) => (listed = new Map(listing.listed.map((object) => [object.key, object.size]))), () => undefined);
    // The scan keeps the bytes of files the store does not hold at their size (once the listing is in):
    // those are read once, for the hash and the upload.
    const kept = options.files ? options.kept : new src.KeptBytes(KEPT_BYTES, (key, size) => !!listed && listed.get(joinKey(prefix, key)) !== size);
    // A first publish into an empty prefix uploads the files already hashed while the scan goes on.
    const early = options.files
        ? options.early
        : options.earlyUploads !== false && !options.dryRun && options.deleteStale !== 'owned' && !options.manifestAt && !options.reuseFrom?.length
            ? new EarlyUploads(client, { bucket: options.bucket, prefix, fetched, cacheControl: options.cacheControl, concurrency: options.concurrency, bufferBytes: options.bufferBytes, kept })
            : undefined;
    let local;
    try {
        local = options.files
            ? options.files.map((file) => ({ ...file, key: checkRelativeKey(file.key) }))
            : await scanDirectory(options.sourceDir, { include: options.include, exclude: options.exclude, includeDotfiles: options.includeDotfiles, onSkip: options.onSkip, keep: kept, onHashed: early?.offer });
    }
    catch (error) {
        await early?.abandon();
        throw error;
    }
    early?.close();
    const desired = local.map((file) => ({ ...file, cacheControl: cacheControlFor(options.cacheControl, file.key) }));
    (0,src.addTiming)(options.timings, 'scan and hash', scanStarted);
    const remoteStarted = performance.now();
    const sizes = new Map(desired.map((file) => [file.key, file.size]));
    const remote = await readRemoteState(client, options.bucket, prefix, {
        worthHeading: (key, size) => sizes.get(key) === size,
        concurrency: options.concurrency,
        fetched,
    });
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    const buffers = early?.buffers ?? new src.Budget(options.bufferBytes ?? DEFAULT_BUFFER_BYTES);
    const reuse = options.reuseFrom?.length ? await reusableContent(client, options.reuseFrom) : new Map();
    // Only what the scan did not hide: the listing ran alongside it.
    (0,src.addTiming)(options.timings, 'remote listing/manifest (after the scan)', remoteStarted);
    const reusable = (file) => reuse.get(file.sha256)?.size === file.size && file.size <= MAX_COPY_BYTES;
    try {
        const result = await execute(client, desired, remote, { ...options, prefix }, {
            phase: 'upload',
            reusable: reuse.size ? reusable : undefined,
            underWay: early ? (entry) => entry.action === 'upload' && early.has(entry.key) : undefined,
            write: async (entry, file) => {
                const key = joinKey(prefix, entry.key);
                const local = file;
                // Already under way since the scan hashed it (same request as below): its answer.
                const started = entry.action === 'upload' ? early?.take(entry.key, local) : undefined;
                if (started)
                    return started;
                if (entry.action === 'copy') {
                    const from = reuse.get(file.sha256);
                    try {
                        return await copyObject(client, from, { bucket: options.bucket, key }, file);
                    }
                    catch (error) {
                        if (!isNotFound(error))
                            throw s3Failure(`copy ${(0,src.storeUrl)(from.bucket, from.key)} to ${(0,src.storeUrl)(options.bucket, key)}`, error);
                        // The reused object has gone since its manifest was written: upload instead.
                    }
                }
                return uploadFile(client, options.bucket, key, local, concurrency, buffers, kept);
            },
        });
        return { ...result, startedDuringScan: early?.startedTotal ?? 0 };
    }
    catch (error) {
        // Uploads started during the scan that the plan did not reach end before the failure is told.
        await early?.abandon();
        throw withHint(error, INTERRUPTED_HINT);
    }
}
/**
 * Uploads that start while the source is still being hashed: on a first publish into an empty
 * prefix the scan's later files and the uploads of its earlier ones overlap, instead of the
 * uploads waiting for the whole scan. Only when the plan cannot say anything else for a file: the
 * prefix's listing (read alongside the scan) is empty and it has no manifest, so every file is a
 * new upload with no marker to write first and nothing to skip, delete or compare; `ready` lets the
 * caller hold them back further (cdn-publish: no earlier version whose files would be copied
 * instead). Only assets (rank 0): manifests, service workers and HTML wait for the plan, which
 * writes them after every asset. Each request is the one the plan would send (same key, headers,
 * bytes, sha256); publishDirectory takes their answers as its own writes. At most `concurrency`
 * at once, within the same byte budget as the plan's uploads; a failed one stops the rest and
 * fails the publish where the plan reaches it. `abandon()` waits for those in flight (a scan that
 * failed): a prefix that never gets its manifest is not complete, as after an interrupted run.
 */
class EarlyUploads {
    client;
    options;
    /** The byte budget shared with publishDirectory's own uploads. */
    buffers;
    started = new Map();
    queued = [];
    concurrency;
    inFlight = 0;
    open = true;
    failed = false;
    /** Decided once the listing (and `ready`) are in. */
    allowed;
    constructor(client, options) {
        this.client = client;
        this.options = options;
        this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
        this.buffers = new src.Budget(options.bufferBytes ?? DEFAULT_BUFFER_BYTES);
        Promise.all([options.fetched, options.ready ?? true]).then(([listing, ready]) => this.decide(ready && !listing.manifest && listing.listed.length === 0), () => this.decide(false));
    }
    /** How many uploads were started early. */
    startedTotal = 0;
    /** The scan hashed `file` (ScanOptions.onHashed). */
    offer = (file) => {
        if (!this.open || this.failed || this.allowed === false || rankOf(file.key) !== 0)
            return;
        this.queued.push(file);
        this.pump();
    };
    /** The scan is done: nothing more starts early (what was queued goes through the plan). */
    close() {
        this.open = false;
        this.queued.length = 0;
    }
    /** Whether an upload was started early for `key` (and not yet taken). */
    has(key) {
        return this.started.has(key);
    }
    /** The answer of the upload started early for `key` with these bytes, if one was. */
    take(key, file) {
        const started = this.started.get(key);
        if (!started || started.sha256 !== file.sha256 || started.size !== file.size)
            return undefined;
        this.started.delete(key);
        return started.answer;
    }
    /** No more early uploads; resolves once those in flight have ended (whatever their outcome). */
    async abandon() {
        this.close();
        await Promise.allSettled([...this.started.values()].map((started) => started.answer));
    }
    decide(allowed) {
        this.allowed = allowed;
        if (allowed)
            this.pump();
        else
            this.queued.length = 0;
    }
    pump() {
        while (this.allowed && this.open && !this.failed && this.inFlight < this.concurrency && this.queued.length) {
            const file = this.queued.shift();
            const key = joinKey(this.options.prefix, file.key);
            const cacheControl = cacheControlFor(this.options.cacheControl, file.key);
            this.inFlight++;
            this.startedTotal++;
            const answer = uploadFile(this.client, this.options.bucket, key, { ...file, cacheControl }, this.concurrency, this.buffers, this.options.kept);
            this.started.set(file.key, { sha256: file.sha256, size: file.size, answer });
            answer.then(() => undefined, () => (this.failed = true)).finally(() => {
                this.inFlight--;
                this.pump();
            });
        }
    }
}
function withHint(error, hint) {
    if (error instanceof src.ShipkitError && !error.hint)
        return new src.ShipkitError(error.message, { hint, cause: error.cause });
    return error;
}
/**
 * x-amz-copy-source: the key URL-encoded (encodeURI), plus the characters that would end or split
 * the header's path (+ ? # ;: moto, like a URL parser, takes ";" as the start of parameters, and
 * the copy failed with NoSuchKey), leaving the others S3 keys commonly hold in paths (@ : , = & $)
 * as they are.
 */
function copySource(bucket, key) {
    return `${bucket}/${encodeURI(key).replace(/[+?#;]/g, (char) => encodeURIComponent(char))}`;
}
/** Server-side copy with the destination's headers and sha256 metadata; returns the new ETag. */
async function copyObject(client, from, to, file) {
    const response = await client.send(new dist_cjs/* CopyObjectCommand */.s9Z({
        Bucket: to.bucket,
        Key: to.key,
        CopySource: copySource(from.bucket, from.key),
        MetadataDirective: 'REPLACE',
        ContentType: file.contentType,
        CacheControl: file.cacheControl,
        ContentEncoding: file.contentEncoding,
        Metadata: { sha256: file.sha256 },
    }));
    return response.CopyObjectResult?.ETag;
}
/** sha256 -> where that content already lives, from the manifests of complete prefixes. */
async function reusableContent(client, sources) {
    const found = new Map();
    const manifests = await Promise.all(sources.map(async (source) => ({ source, prefix: normalizePrefix(source.prefix), manifest: await readManifest(client, source.bucket, source.prefix) })));
    for (const { source, prefix, manifest } of manifests) {
        if (!manifest?.complete)
            continue;
        for (const [key, entry] of Object.entries(manifest.files)) {
            if (!found.has(entry.sha256))
                found.set(entry.sha256, { bucket: source.bucket, key: joinKey(prefix, key), size: entry.size });
        }
    }
    return found;
}
/**
 * Copies a complete published prefix to another prefix (or bucket) server-side: only files whose
 * sha256/headers differ at the destination are copied, in the same safe order, stale keys handled
 * per deleteStale, manifest last. The source's hashes come from its manifest, never from HEADs.
 */
async function copyPrefix(client, options) {
    const fromPrefix = normalizePrefix(options.from.prefix, 'from.prefix');
    const toPrefix = normalizePrefix(options.to.prefix, 'to.prefix');
    const where = `${(0,src.storeUrl)(options.from.bucket, listingPrefix(fromPrefix))}`;
    const remoteStarted = performance.now();
    // The destination's listing and manifest are read while the source is checked.
    const destinationFetched = fetchRemoteListing(client, options.to.bucket, toPrefix, options.manifestAt);
    destinationFetched.catch(() => undefined);
    const source = options.sourceManifest
        ? { manifest: options.sourceManifest, files: new Map(Object.entries(options.sourceManifest.files).map(([key, entry]) => [key, { key, size: entry.size, etag: entry.etag }])) }
        : await readRemoteState(client, options.from.bucket, fromPrefix);
    if (!source.manifest || !source.manifest.complete) {
        throw new src.ShipkitError(`Cannot copy ${where}: it is not a complete published prefix (its ${source.manifest ? 'manifest says the publish did not finish' : 'hash manifest is missing'}).`, {
            hint: 'Publish it (and let that finish) first; copies only ever come from complete prefixes.',
        });
    }
    const missing = Object.entries(source.manifest.files).filter(([key, entry]) => source.files.get(key)?.size !== entry.size);
    if (missing.length) {
        throw new src.ShipkitError(`Cannot copy ${where}: ${missing.length} file(s) its manifest lists are missing or changed (${missing.slice(0, 5).map(([key]) => key).join(', ')}${missing.length > 5 ? ', ...' : ''}).`, {
            hint: 'Re-publish the source prefix.',
        });
    }
    const desired = Object.entries(source.manifest.files)
        .map(([key, entry]) => ({
        key: checkRelativeKey(key),
        size: entry.size,
        sha256: entry.sha256,
        contentType: entry.contentType ?? contentTypeFor(key),
        ...(entry.contentEncoding ? { contentEncoding: entry.contentEncoding } : {}),
        cacheControl: options.cacheControl === undefined ? entry.cacheControl : cacheControlFor(options.cacheControl, key),
    }))
        .sort((a, b) => (a.key < b.key ? -1 : 1));
    const wanted = new Map(desired.map((file) => [file.key, file.size]));
    const destination = await readRemoteState(client, options.to.bucket, toPrefix, { worthHeading: (key, size) => wanted.get(key) === size, concurrency: options.concurrency, manifestAt: options.manifestAt, fetched: destinationFetched });
    (0,src.addTiming)(options.timings, 'remote listing/manifest (source and destination)', remoteStarted);
    try {
        return await execute(client, desired, destination, { ...options, bucket: options.to.bucket, prefix: toPrefix, meta: options.meta ?? source.manifest.meta }, {
            phase: 'copy',
            write: async (entry, file) => {
                const key = joinKey(toPrefix, entry.key);
                try {
                    return await copyObject(client, { bucket: options.from.bucket, key: joinKey(fromPrefix, entry.key) }, { bucket: options.to.bucket, key }, file);
                }
                catch (error) {
                    throw s3Failure(`copy ${where}${entry.key} to ${(0,src.storeUrl)(options.to.bucket, key)}`, error);
                }
            },
        });
    }
    catch (error) {
        throw withHint(error, INTERRUPTED_HINT);
    }
}

;// CONCATENATED MODULE: ./packages/s3/src/index.ts
/**
 * The shipkit S3 transfer engine: plan by content hash, upload, server-side copy, delete, progress.
 * See README.md for the contract (manifest, ordering, safety).
 */














/***/ }),

/***/ 15008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ createObjectStore)
/* harmony export */ });
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);
/* harmony import */ var _shipkit_azure__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58600);
/* harmony import */ var _shipkit_s3__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70671);



/** The engine's store client for `options` (S3 endpoint, region, credentials; the environment's Azure connection string). */
function createObjectStore(options = {}) {
    const client = (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .createS3Client */ .qo)(options);
    const env = options.env ?? process.env;
    // The Azure side is loaded on first use (a chunk of its own in each bundle): S3-only runs never load it.
    let azure;
    const send = client.send.bind(client);
    client.send = ((command, ...rest) => {
        if (!(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.isAzureBucket)(command.input?.Bucket))
            return send(command, ...rest);
        azure ??= (async () => {
            const connectionString = env.AZURE_STORAGE_CONNECTION_STRING?.trim();
            // A secret in every sink, the key and SAS parts too, should they appear alone (an environment
            // other than the process's is not covered by the registration every action starts with).
            // (::add-mask:: only on a runner: a test or bench process would print every form.)
            if (connectionString)
                for (const secret of [connectionString, ...(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.connectionStringParts)(connectionString)])
                    (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.addSecret)(secret, { mask: env.GITHUB_ACTIONS === 'true' });
            return (0,_shipkit_azure__WEBPACK_IMPORTED_MODULE_1__/* .createBlobStore */ .jG)({ env, onRequest: (operation) => (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .noteRequest */ .aD)(client, operation) });
        })();
        return azure.then(async (store) => {
            let output;
            try {
                output = await store.send(command);
            }
            catch (error) {
                // The store's clock (lease expiry) from every answer, errors too, as the S3 client's middleware reads it.
                (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .noteStoreDate */ ._B)(client, (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .storeDateOf */ .Zv)(error));
                throw error;
            }
            (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .noteStoreDate */ ._B)(client, (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .storeDateOf */ .Zv)(output));
            return output;
        });
    });
    return client;
}


/***/ })

};
