export const id = 680;
export const ids = [680];
export const modules = {

/***/ 7680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  post: () => (/* binding */ post)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var lib_core = __webpack_require__(7264);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 20 modules
var src = __webpack_require__(5477);
;// CONCATENATED MODULE: ./packages/ledger/src/types.ts
/** The ledger's record and derived-state shapes. See ../README.md for the contract. */
const types_SLOT_NAMES = ['blue', 'green'];

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
                from: derive_otherSlot(slot),
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
function derive_otherSlot(slot) {
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
function derive_commitOf(records, release) {
    for (let i = records.length - 1; i >= 0; i--) {
        const record = records[i];
        const commit = record.details?.commit;
        if (record.release === release && record.type === 'deploy' && typeof commit === 'string' && commit)
            return commit;
    }
    return undefined;
}

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
var dist_cjs = __webpack_require__(3711);
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
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./packages/s3/src/requests.ts
/**
 * The request counters' hooks per client (countRequests in client.ts adds them): told of every
 * request sent on a client's behalf — by the SDK (client.ts's middleware), by the uploads' own
 * HTTP path (put.ts), by another backend behind the client (@shipkit/stores' Azure Blob).
 */
const requests_requestHooks = new WeakMap();
/** Tells the client's request counters (countRequests) about one request sent on its behalf outside the SDK's middleware. */
function noteRequest(client, operation) {
    requests_requestHooks.get(client)?.forEach((hook) => hook(operation));
}

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
        const hooks = requests_requestHooks.get(client);
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
var external_node_path_ = __webpack_require__(6760);
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
var esm = __webpack_require__(3581);
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
function keys_joinKey(prefix, relativeKey) {
    return prefix ? `${prefix}/${relativeKey}` : relativeKey;
}
/** The listing prefix for a (normalized) prefix: `a/b/`, or `` for the root. */
function listingPrefix(prefix) {
    return prefix ? `${prefix}/` : '';
}
function manifestKey(prefix) {
    return keys_joinKey(prefix, MANIFEST_NAME);
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
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
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
        file.known = await headEntry(client, bucket, keys_joinKey(normalized, file.key));
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
    const log = options.log ?? lib_core/* info */.pq;
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
        await deleteKeys(client, bucket, deletes.map((entry) => keys_joinKey(prefix, entry.key)), (count) => {
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
    const kept = options.files ? options.kept : new src.KeptBytes(KEPT_BYTES, (key, size) => !!listed && listed.get(keys_joinKey(prefix, key)) !== size);
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
                const key = keys_joinKey(prefix, entry.key);
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
            const key = keys_joinKey(this.options.prefix, file.key);
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
                found.set(entry.sha256, { bucket: source.bucket, key: keys_joinKey(prefix, key), size: entry.size });
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
                const key = keys_joinKey(toPrefix, entry.key);
                try {
                    return await copyObject(client, { bucket: options.from.bucket, key: keys_joinKey(fromPrefix, entry.key) }, { bucket: options.to.bucket, key }, file);
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
    constructor(options) {
        this.location = typeof options.state === 'string' ? parseStateLocation(options.state) : options.state;
        this.app = options.app;
        this.environment = options.environment;
        this.client = options.client;
        this.prefix = ledgerPrefix(this.location, options.app, options.environment);
        this.run = options.run ?? runInfoFromEnv();
        this.compactEvery = options.compactEvery ?? 100;
        this.warn = options.warn ?? ((message) => lib_core/* warning */.$e(message));
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
        this.conditional ??= conditionalWrites(this.client, this.location.bucket, joinKey(this.location.prefix, 'ledger', '.conditional-write-probe.json'));
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
        return listKeys(this.client, this.location.bucket, prefix);
    }
    async getJson(key) {
        try {
            const response = await (0,src.retry)(() => this.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.location.bucket, Key: key })), {
                attempts: 3,
                baseDelayMs: 200,
                retryable: (error) => !isNotFound(error) && isRetryable(error),
                label: `Reading ${(0,src.storeUrl)(this.location.bucket, key)}`,
            });
            const text = await response.Body.transformToString();
            return JSON.parse(text);
        }
        catch (error) {
            if (isNotFound(error))
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
    /** Every record of the environment, in ledger order (compareRecords). Loads the latest snapshot and only the records not in it. */
    async records() {
        const [listed, snapshotKeys] = await Promise.all([this.listRecordKeys(), this.listKeys(`${this.prefix}snapshots/`)]);
        const missing = () => [...listed.keys()].filter((key) => !this.cache.has(key));
        // `seq-<n>.json` snapshots sort after the older `<id>.json` ones, and among themselves by sequence.
        const latestSnapshot = snapshotKeys.sort().at(-1);
        if (latestSnapshot && missing().length > 0) {
            // A snapshot is only a shortcut: if it cannot be read, every record is read on its own.
            const snapshot = await this.getJson(latestSnapshot).catch((error) => {
                lib_core/* debug */.Yz(`Ignoring ledger snapshot ${latestSnapshot}: ${(0,src.errorMessage)(error)}`);
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
        return (await this.records()).find((record) => record.operation === operation && record.id !== operation && record.status !== 'started' && record.status !== 'progress');
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
    async append(input) {
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
        // Without conditional writes nothing refuses a stale number: look at the listing right before writing (best effort).
        if (!(await this.conditionalStore()))
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
        const operation = new ledger_Operation(this, started, decidedOn ? (decidedOn.lastRecordId ?? '') : undefined);
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
    /** Writes a compaction snapshot when enough records are outside the latest one. Snapshots are derived data; records stay. */
    async compactIfNeeded() {
        const records = await this.records();
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
class ledger_Operation {
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
        const records = await this.ledger.records();
        const found = this.ledger.conflictsFor(records, this.started, this.basis);
        const fresh = found.filter((conflict) => !this.conflicts.some((known) => known.kind === conflict.kind && known.other === conflict.other));
        this.ledger.reportConflicts(fresh);
        this.conflicts.push(...fresh);
        return fresh;
    }
    async finish(status, extra) {
        if (this.end)
            return this.end;
        try {
            await this.checkConflicts();
        }
        catch (error) {
            lib_core/* debug */.Yz(`Could not re-check ledger conflicts: ${(0,src.errorMessage)(error)}`);
        }
        // Already ended (e.g. a post step after a main step that recorded its end and was then cancelled): never a second end.
        const ended = await this.ledger.endOf(this.started.operation).catch(() => undefined);
        if (ended) {
            this.end = ended;
            this.endedBefore = true;
            return ended;
        }
        const { id: _id, seq: _seq, operation: _op, time: _time, app: _app, environment: _env, status: _status, conflicts: _c, ...base } = this.started;
        this.end = await this.ledger.append({
            ...base,
            ...stripUndefined(extra),
            details: { ...this.started.details, ...extra.details },
            type: this.started.type,
            status,
            operation: this.started.operation,
            conflicts: this.conflicts.length ? this.conflicts : undefined,
        });
        try {
            await this.ledger.compactIfNeeded();
        }
        catch (error) {
            lib_core/* debug */.Yz(`Ledger compaction skipped: ${(0,src.errorMessage)(error)}`);
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
        const info = options.info ?? ((message) => lib_core/* info */.pq(message));
        const warn = options.warn ?? ((message) => lib_core/* warning */.$e(message));
        const expiryMs = options.expiryMs ?? DEFAULT_LEASE_EXPIRY_MS;
        const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
        const pollMs = options.pollMs ?? Math.max(200, Math.min(5000, Math.floor(timeoutMs / 20)));
        const key = EnvironmentLease.keyFor(state, options.app, options.environment);
        const where = `${options.app}/${options.environment} (${(0,src.storeUrl)(state.bucket, key)})`;
        const exclusive = await conditionalWrites(client, state.bucket, joinKey(state.prefix, 'ledger', '.conditional-write-probe.json'));
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
                current = await getJsonObject(client, state.bucket, key);
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
            const stamp = storeNow(client) ?? now();
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
                    etag = await putJsonObject(client, state.bucket, key, mine, exclusive ? (current ? { ifMatch: current.etag ?? '*' } : { ifNoneMatch: true }) : undefined);
                }
                catch (error) {
                    if (!isPreconditionFailed(error))
                        throw error;
                    await backOff(); // another run got there first: look again, after a pause
                    continue;
                }
                if (!exclusive) {
                    // Write-then-verify: a racing writer that wrote after us wins; read back after a moment.
                    await (0,src.sleep)(options.settleMs ?? 1000);
                    const check = await getJsonObject(client, state.bucket, key);
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
            lib_core/* debug */.Yz(`Could not renew the lease on ${this.options.app}/${this.options.environment} (will try again): ${(0,src.errorMessage)(error)}`);
        }
    }
    /** One renewal: writes the lease again; sets `lost` (and returns) when the object is not ours any more; throws on a store failure. */
    async write() {
        const { client, state } = this.options;
        const stamp = storeNow(client) ?? (this.options.now ?? Date.now)();
        const next = { ...this.holder, expiryMs: this.expiryMs, renewedAt: new Date(stamp).toISOString(), expiresAt: new Date(stamp + this.expiryMs).toISOString() };
        if (!this.exclusive) {
            const current = await getJsonObject(client, state.bucket, this.key);
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
                    this.etag = await putJsonObject(client, state.bucket, this.key, next, this.exclusive ? { ifMatch: this.etag ?? '*' } : undefined);
                    confirmed = true;
                    break;
                }
                catch (error) {
                    if (!isPreconditionFailed(error))
                        throw error;
                    // Not our last write any more: either another run's, or one of ours whose answer never came.
                    const current = await getJsonObject(client, state.bucket, this.key);
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
        (this.options.warn ?? ((message) => lib_core/* warning */.$e(message)))(`The lease on ${this.options.app}/${this.options.environment} was lost${other ? ` to ${describeHolder(other, Date.now(), this.lostLeftMs)}` : ' (the lease object is gone)'}: it expired before this run renewed it. This run writes nothing more; another run may change the environment now.`);
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
            current = await getJsonObject(client, state.bucket, this.key);
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
            const current = await getJsonObject(this.options.client, this.options.state.bucket, this.key).catch(() => 'unreadable');
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
    async release() {
        if (this.released)
            return this.releasing ?? false;
        this.released = true;
        if (this.timer)
            clearInterval(this.timer);
        this.releasing = this.releaseNow();
        return this.releasing;
    }
    releasing;
    async releaseNow() {
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
            lib_core/* warning */.$e(`Could not release the lease on ${this.options.app}/${this.options.environment} (it expires on its own at ${this.holder.expiresAt}): ${(0,src.errorMessage)(error)}`);
            return false;
        }
    }
    /** Whether the lease object still carries `token` (a post step acts for its main step only while it does). */
    static async heldBy(client, bucket, key, token) {
        const current = await getJsonObject(client, bucket, key);
        return current?.value.token === token;
    }
    /** Deletes the lease object when it still carries `token` (used by post steps, which only know the token). */
    static async releaseToken(client, bucket, key, token, etag) {
        const current = await getJsonObject(client, bucket, key);
        if (!current || current.value.token !== token)
            return false;
        await deleteIfMatch(client, bucket, key, etag ?? current.etag);
        return true;
    }
}

;// CONCATENATED MODULE: ./packages/ledger/src/status.ts
/** Weights as people read them: `blue 90%, green 10%`. */
function status_formatWeights(weights) {
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
        const weights = canary.weights ? status_formatWeights(canary.weights) : `${canary.slot} ${canary.weight}% (the last weight set; the router could not be read)`;
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
            parts.push(`router: ${status_formatWeights(entry.details.split)}`);
        if (entry.error)
            parts.push(`error: ${entry.error.split('\n')[0]}`);
        lines.push(`  ${parts.join('  ').trimEnd()}`);
    }
    return lines;
}

;// CONCATENATED MODULE: ./packages/ledger/src/index.ts








// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
;// CONCATENATED MODULE: ./packages/environments/src/github.ts



/** A GitHub API client: GITHUB_API_URL (GHES, tests) else api.github.com; no retries (every call here is best effort). */
function octokitFor(token) {
    const octokit = (0,github/* getOctokit */.Q)(token, { baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com', request: { retries: 0 } });
    // Every request's parameters (deployment descriptions, comments) pass the redaction (docs/design.md).
    octokit.hook.before('request', (options) => {
        for (const [key, value] of Object.entries(options))
            if (!['headers', 'request', 'url', 'method', 'baseUrl', 'mediaType'].includes(key))
                options[key] = (0,src.redactDeep)(value);
    });
    return octokit;
}
/**
 * Mirrors a deploy or rollback to GitHub Deployments, best-effort: a failure to talk to GitHub
 * is a warning, never a failed deploy. The API base comes from GITHUB_API_URL (GHES and tests).
 */
class GitHubDeployment {
    mirror;
    id;
    octokit;
    owner;
    repo;
    /** `existingId`: a deployment created earlier (e.g. by the main step, for the post step to finish). */
    constructor(mirror, existingId) {
        this.mirror = mirror;
        this.mirror = { ...mirror };
        this.id = existingId;
        const [owner, repo] = (mirror.repository ?? '').split('/');
        if (mirror.token && owner && repo) {
            this.octokit = octokitFor(mirror.token);
            this.owner = owner;
            this.repo = repo;
        }
    }
    /** Points the deployment (before start) at the release and commit an operation turned out to be about: a rollback's target. */
    retarget(target) {
        if (target.release)
            this.mirror.release = target.release;
        if (target.ref)
            this.mirror.ref = target.ref;
        if (target.description)
            this.mirror.description = target.description;
    }
    /** The GitHub deployment id once created. */
    get deploymentId() {
        return this.id;
    }
    get enabled() {
        return !!this.octokit;
    }
    async start() {
        if (!this.octokit)
            return;
        try {
            const response = await this.octokit.rest.repos.createDeployment({
                owner: this.owner,
                repo: this.repo,
                ref: this.mirror.ref,
                environment: this.mirror.environment,
                description: this.mirror.description.slice(0, 140),
                auto_merge: false,
                required_contexts: [],
                payload: { release: this.mirror.release, shipkit: true },
                production_environment: this.mirror.production,
                ...(this.mirror.transient ? { transient_environment: true } : {}),
            });
            const data = response.data;
            this.id = data.id;
            await this.status('in_progress');
        }
        catch (error) {
            lib_core/* warning */.$e(`Could not mirror to GitHub Deployments (${(0,src.errorMessage)(error)}); the ledger has the record.`);
        }
    }
    async status(state, description) {
        if (!this.octokit || this.id === undefined)
            return;
        try {
            await this.octokit.rest.repos.createDeploymentStatus({
                owner: this.owner,
                repo: this.repo,
                deployment_id: this.id,
                state,
                description: (description ?? this.mirror.description).slice(0, 140),
                environment_url: this.mirror.environmentUrl,
                log_url: this.mirror.logUrl,
                auto_inactive: state === 'success',
            });
        }
        catch (error) {
            lib_core/* warning */.$e(`Could not update the GitHub deployment status (${(0,src.errorMessage)(error)}).`);
        }
    }
}
/**
 * The mirror of one shipkit operation on an environment, built the same way by deploy-env,
 * blue-green-switch and rollback: the run's commit and log, the environment's URL, and
 * `production` for the environment named production.
 */
function deploymentMirror(options) {
    return new GitHubDeployment({
        token: options.token,
        repository: options.run.repository,
        // The release's own commit (from the ledger) where known: a rollback run on the default branch is not about its head.
        ref: options.commit || options.run.sha || options.run.ref,
        environment: options.environment.name,
        release: options.release,
        description: options.description,
        environmentUrl: options.environment.url,
        logUrl: (0,src.runUrl)(options.run),
        production: options.environment.name === 'production',
        transient: options.environment.preview !== undefined,
    });
}
/** The hidden marker that finds a preview's comment again: one comment per pull request and preview environment. */
function previewMarker(template) {
    return `<!-- shipkit-preview:${template} -->`;
}
/** What a preview's pull request comment says: the URL, the release, the commit, when and by which run. */
function previewCommentBody(preview, now = new Date()) {
    return [
        `**Preview${preview.template === 'preview' ? '' : ` (${preview.template})`}** of this pull request: ${preview.url ?? '(the environment has no url)'}`,
        '',
        '| | |',
        '| --- | --- |',
        `| release | \`${preview.release}\` |`,
        `| commit | ${preview.commit.slice(0, 7)} |`,
        `| updated | ${now.toISOString().replace(/\.\d+Z$/, 'Z')}${preview.runUrl ? ` by [this run](${preview.runUrl})` : ''} |`,
        '',
        'Removed when the pull request is closed.',
    ].join('\n');
}
/**
 * Creates the preview's comment on the pull request, or updates the one it posted before (found
 * by its hidden marker), so a pull request has one comment per preview however often it is pushed.
 * Best effort: a failure is a warning.
 */
async function upsertPreviewComment(comment) {
    const [owner, repo] = comment.repository.split('/');
    const octokit = octokitFor(comment.token);
    const marker = previewMarker(comment.template);
    const body = `${marker}\n${comment.body}`;
    try {
        const existing = (await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: comment.pr, per_page: 100 })).find((entry) => entry.body?.includes(marker));
        if (existing) {
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
            return 'updated';
        }
        await octokit.rest.issues.createComment({ owner, repo, issue_number: comment.pr, body });
        return 'created';
    }
    catch (error) {
        lib_core/* warning */.$e(`Could not comment on pull request #${comment.pr} (${(0,src.errorMessage)(error)}); the preview itself is deployed.`);
        return 'failed';
    }
}
/** Marks every GitHub deployment of `environment` inactive (a removed preview). Best effort. */
async function deactivateDeployments(options) {
    const [owner, repo] = options.repository.split('/');
    const octokit = octokitFor(options.token);
    try {
        const deployments = await octokit.paginate(octokit.rest.repos.listDeployments, { owner, repo, environment: options.environment, per_page: 100 });
        for (const deployment of deployments) {
            await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: deployment.id, state: 'inactive', description: options.description.slice(0, 140) });
        }
        return deployments.length;
    }
    catch (error) {
        core.warning(`Could not mark the GitHub deployments of ${options.environment} inactive (${errorMessage(error)}).`);
        return 0;
    }
}

;// CONCATENATED MODULE: ./packages/environments/src/locations.ts



/**
 * A key prefix in canonical form: no leading or trailing slash, no empty (`//`), `.` or `..`
 * segments, no control characters. Anything else is refused naming `field`, before anything changes.
 */
function canonicalPrefix(field, value) {
    const text = value ?? '';
    const bad = (why) => new src.ShipkitError(`${field} has an invalid value ${JSON.stringify(text.slice(0, 200))}: ${why}; expected a key prefix such as "site/" or "app/v1" (segments of printable characters, no "." or ".." segments, no "//").`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(text))
        throw bad('it contains a control character');
    const trimmed = text.replace(/^\/+/, '').replace(/\/+$/, '');
    if (!trimmed)
        return '';
    for (const segment of trimmed.split('/')) {
        if (segment === '')
            throw bad('it has an empty segment ("//")');
        if (segment === '.' || segment === '..')
            throw bad(`it has a "${segment}" segment`);
    }
    return trimmed;
}
function overlaps(a, b) {
    if (a.bucket !== b.bucket)
        return false;
    if (!a.prefix || !b.prefix)
        return true;
    return `${a.prefix}/`.startsWith(`${b.prefix}/`) || `${b.prefix}/`.startsWith(`${a.prefix}/`);
}
function describeAppLocation(location) {
    return (0,src.storeUrl)(location.bucket, location.prefix ? `${location.prefix}/` : '');
}
/**
 * Refuses any two locations of one app that overlap (same bucket, one prefix inside the other):
 * an install into one would replace or delete the other's files. The error names both fields.
 */
function checkNoOverlap(locations, file) {
    for (let i = 0; i < locations.length; i++) {
        for (let j = i + 1; j < locations.length; j++) {
            const [a, b] = [locations[i], locations[j]];
            if (!overlaps(a, b))
                continue;
            throw new src.ShipkitError(`${file ? `${file}: ` : ''}${a.field} (${describeAppLocation(a)}) overlaps ${b.field} (${describeAppLocation(b)}): writing one would replace or delete the other's files.`, { hint: 'Give every slot, environment, the CDN and the state store its own bucket, or prefixes that do not contain each other (e.g. site/blue/ and site/green/, never site/ and site/green/).' });
        }
    }
}
/**
 * Every location the config gives the app — the state store, each environment's (and slot's) S3
 * install location, the CDN — with `overrides` replacing a config field (inputs win). Prefixes are
 * checked canonical on the way.
 */
function configLocations(loaded, overrides = {}) {
    const config = loaded?.config;
    const out = [];
    const add = (field, location) => {
        const chosen = field in overrides ? overrides[field] : location;
        if (!chosen?.bucket)
            return;
        out.push({ field, bucket: chosen.bucket, prefix: canonicalPrefix(`${field}.prefix`, chosen.prefix) });
    };
    if (config?.state || overrides.state) {
        const state = overrides.state ?? parseStateLocation(config.state, 'state');
        out.push({ field: 'state', bucket: state.bucket, prefix: canonicalPrefix('state', state.prefix) });
    }
    for (const [name, environment] of Object.entries(config?.environments ?? {})) {
        add(`environments.${name}.s3`, environment.s3);
        add(`environments.${name}.slots.blue.s3`, environment.slots?.blue?.s3);
        add(`environments.${name}.slots.green.s3`, environment.slots?.green?.s3);
    }
    for (const [field, location] of Object.entries(overrides))
        if (field.startsWith('environments.') && !out.some((entry) => entry.field === field))
            add(field, location);
    add('cdn', config?.cdn);
    return out;
}
/**
 * Before anything is written: the state store's bucket and every install location's bucket of
 * the environment exist and can be listed. Errors name the field and the value.
 */
async function checkEnvironmentStores(env, client) {
    const where = (field) => (env.file ? `${env.file}: ${field}` : field);
    const checks = [[env.file ? where('state') : 'state', env.state.bucket, `${(0,src.storeUrl)(env.state.bucket, env.state.prefix)}`]];
    // Every install location the environment names (object-store targets install there).
    if (env.s3)
        checks.push([where(`environments.${env.name}.s3.bucket`), env.s3.bucket, env.s3.bucket]);
    for (const slot of ['blue', 'green']) {
        const location = env.slots?.[slot]?.s3;
        if (location)
            checks.push([where(`environments.${env.name}.slots.${slot}.s3.bucket`), location.bucket, location.bucket]);
    }
    const seen = new Set();
    for (const [field, bucket, value] of checks) {
        if (seen.has(bucket))
            continue;
        seen.add(bucket);
        await checkBucket(client, bucket, field, value);
    }
}

;// CONCATENATED MODULE: ./packages/environments/src/lease.ts


/** Takes the environment's lease for this run (waiting per env.lock), as the GitHub run from the environment. */
function acquireEnvironmentLease(env, client, operation) {
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
async function withEnvironmentLease(env, client, options, work) {
    // Nothing is written (not even the lease) before the stores are known to exist and be reachable.
    await checkEnvironmentStores(env, client);
    await options.validate?.();
    const lease = await acquireEnvironmentLease(env, client, options.operation);
    options.onAcquired?.(lease);
    if (lease.takenOver && options.ledger)
        options.ledger.noteLeaseTakeover(lease.takenOver);
    try {
        return await work(lease);
    }
    finally {
        if (await lease.release())
            options.onReleased?.();
    }
}

;// CONCATENATED MODULE: ./packages/environments/src/preview.ts

/** A pull request number as written: a positive decimal integer (`16`), not `0x10`, `-5`, `7.5`, `1e3` or ` 7`. */
function parsePullRequestNumber(value) {
    const text = String(value);
    if (!/^[1-9][0-9]{0,15}$/.test(text))
        return undefined;
    const pr = Number(text);
    return Number.isSafeInteger(pr) ? pr : undefined;
}
/** The same, or an error naming the field, the value and what was expected. */
function pullRequestNumber(value, field) {
    const pr = parsePullRequestNumber(value);
    if (pr === undefined)
        throw invalidInput(field, String(value), 'a pull request number: a positive whole number in decimal, such as 42');
    return pr;
}
/** The ledger (and GitHub deployment environment) name of one pull request's preview: `<template>/pr-<n>`. */
function previewName(template, pr) {
    return `${template}/pr-${pr}`;
}
/** A branch name made safe for a URL host label or a key prefix: `feature/Login_Form` -> `feature-login-form`. */
function sanitizeBranch(branch) {
    return branch.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '') || 'branch';
}
/** Fills `{pr}` and `{branch}` in a template value. */
function expandPreview(value, target) {
    return value.replace(/\{pr\}/g, String(target.pr)).replace(/\{branch\}/g, target.branch ?? `pr-${target.pr}`);
}
/**
 * Refuses preview templates that would let pull requests overwrite each other, for every
 * environment of the config (so any action loading it refuses): a preview is an s3 target with
 * the direct strategy whose `s3.prefix` contains `{pr}` and whose `url` (if any) contains `{pr}`
 * (`{branch}` may come too, never alone: two pull requests can share a branch name); non-preview environments may not use the placeholders.
 */
function checkPreviewTemplates(loaded) {
    for (const [name, environment] of Object.entries(loaded?.config.environments ?? {})) {
        const field = (path) => `${loaded.file}: environments.${name}.${path}`;
        const placeholders = JSON.stringify([environment.s3, environment.url]).match(/\{(pr|branch)\}/g);
        if (!environment.preview) {
            if (placeholders)
                throw new src.ShipkitError(`${field(environment.url?.includes('{') ? 'url' : 's3.prefix')} uses ${placeholders[0]}, which only preview environments fill: set environments.${name}.preview: true, or remove the placeholder.`);
            continue;
        }
        if (!(0,src.hostsPreviews)(environment.target) || (environment.strategy ?? 'direct') !== 'direct') {
            throw new src.ShipkitError(`${field('preview')} is true, but previews are s3 targets with the direct strategy (target is ${environment.target}, strategy ${environment.strategy ?? 'direct'}).`);
        }
        const prefix = environment.s3?.prefix ?? '';
        if (!prefix.includes('{pr}')) {
            throw new src.ShipkitError(`${field('s3.prefix')} of preview environment ${name} is ${JSON.stringify(prefix)}: it must contain {pr}, or every pull request would overwrite the others' preview.`, {
                hint: `E.g. prefix: "pr-{pr}" — each pull request's files then live under their own prefix of ${environment.s3?.bucket ?? 'the bucket'}.`,
            });
        }
        if (environment.url && !environment.url.includes('{pr}')) {
            throw new src.ShipkitError(`${field('url')} of preview environment ${name} is ${JSON.stringify(environment.url)}: it must contain {pr} (each pull request has its own URL; two pull requests may share a branch name once sanitized, so {branch} alone is not enough).`, {
                hint: 'E.g. url: "https://pr-{pr}.preview.shop.example" (add {branch} too if you like it in the name).',
            });
        }
    }
}
/** The pull request a run is for (pull_request / pull_request_target events), with its head branch. */
function pullRequestOf(run) {
    if (run.pullRequestNumber === undefined)
        return undefined;
    const head = run.payload.pull_request?.head?.ref;
    const pr = parsePullRequestNumber(run.pullRequestNumber);
    if (pr === undefined)
        throw new src.ShipkitError(`The event's pull request number has an invalid value ${JSON.stringify(run.pullRequestNumber)}: expected a positive whole number in decimal, such as 42.`);
    return { pr, branch: head ? sanitizeBranch(head) : undefined };
}
/** The head commit of the pull request a run is for (GITHUB_SHA is the merge commit), else the run's sha. */
function pullRequestHeadSha(run) {
    return run.payload.pull_request?.head?.sha ?? run.sha;
}

;// CONCATENATED MODULE: ./packages/routers/src/types.ts

/**
 * route() stopped waiting while the change it asked for was still running on the platform (an App
 * Service swap past the switch's timeout), and undoing it mid-way would be worse than waiting (a
 * reset mid-swap, then the swap lands anyway). The router restored nothing; it read back where
 * live traffic goes now (`routedAfter`, undefined when it cannot tell) so the caller records what
 * runs, and the change may still land.
 */
class types_RouteStillRunningError extends src.ShipkitError {
    routedAfter;
    constructor(message, routedAfter, options = {}) {
        super(message, options);
        this.routedAfter = routedAfter;
        this.name = 'RouteStillRunningError';
    }
}

;// CONCATENATED MODULE: ./packages/routers/src/nginx.ts






const DEFAULT_NGINX_TEST = ['nginx', '-t'];
const DEFAULT_NGINX_RELOAD = ['nginx', '-s', 'reload'];
const DEFAULT_RELOAD_TIMEOUT_MS = 30_000;
function argAfter(args, flag) {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
}
/**
 * Where the nginx master writes its pid: the `pid` directive of the main config the reload/test
 * command names (`-c`, relative to `-p`), else Debian's default /run/nginx.pid.
 */
async function defaultPidFile(commands) {
    const conf = commands.map((args) => argAfter(args, '-c')).find(Boolean) ?? '/etc/nginx/nginx.conf';
    const prefix = commands.map((args) => argAfter(args, '-p')).find(Boolean) ?? '/usr/share/nginx';
    try {
        const text = await (0,promises_.readFile)(external_node_path_default().resolve(prefix, conf), 'utf8');
        const match = /^\s*pid\s+([^;\s]+)\s*;/m.exec(text);
        if (match)
            return external_node_path_default().resolve(prefix, match[1]);
    }
    catch {
        // not readable here: use the default
    }
    return '/run/nginx.pid';
}
/** Child pids of `pid` (from /proc: the parent pid field of every process's stat). */
async function childPids(pid) {
    const children = [];
    let entries;
    try {
        entries = await (0,promises_.readdir)('/proc');
    }
    catch {
        return children;
    }
    await Promise.all(entries
        .filter((entry) => /^\d+$/.test(entry))
        .map(async (entry) => {
        try {
            const stat = await (0,promises_.readFile)(`/proc/${entry}/stat`, 'utf8');
            // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
            const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
            if (ppid === pid)
                children.push(Number(entry));
        }
        catch {
            // the process went away while we looked
        }
    }));
    return children.sort((a, b) => a - b);
}
async function readPid(file) {
    try {
        const pid = Number((await (0,promises_.readFile)(file, 'utf8')).trim());
        return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    }
    catch {
        return undefined;
    }
}
const UPSTREAM_PATTERN = /^(?:unix:\/[^\s;{}#'"\\]+|(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):(\d{1,5}))$/;
/** Checks a slot's upstream before it goes anywhere near the nginx configuration. */
function validateUpstream(value, field) {
    const match = UPSTREAM_PATTERN.exec(value);
    const port = match?.[1] === undefined ? undefined : Number(match[1]);
    if (!match || (port !== undefined && (port < 1 || port > 65535))) {
        throw new src.ShipkitError(`Config field ${field} has an invalid value ${JSON.stringify(value)}: expected host:port (e.g. 10.0.1.5:8080), [ipv6]:port or unix:/path, without spaces, ";", "{", "}" or "#".`);
    }
    return value;
}
function upstreamName(environment) {
    return `shipkit_${environment}`;
}
/** The include file's whole content: one upstream block naming the live slot's address, or both slots' with weights during a canary. */
function renderInclude(environment, slot, upstream, split) {
    if (split && split.weight < 100) {
        return [
            `# Managed by shipkit (nginx router, environment ${environment}); canary: ${slot} ${split.weight}%, ${split.other} ${100 - split.weight}%. Rewritten on every switch; do not edit.`,
            `upstream ${upstreamName(environment)} { server ${split.otherUpstream} weight=${100 - split.weight}; server ${upstream} weight=${split.weight}; }`,
            '',
        ].join('\n');
    }
    return [
        `# Managed by shipkit (nginx router, environment ${environment}); live slot: ${slot}. Rewritten on every switch; do not edit.`,
        `upstream ${upstreamName(environment)} { server ${upstream}; }`,
        '',
    ].join('\n');
}
/** The servers (address and weight, 1 when not given) of the include's upstream block, or undefined if there is none. */
function parseIncludeServers(text, environment) {
    const name = upstreamName(environment).replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    const block = new RegExp(`^\\s*upstream\\s+${name}\\s*\\{([^}]*)\\}`, 'm').exec(text);
    if (!block)
        return undefined;
    const servers = [];
    for (const statement of block[1].split(';')) {
        const match = /^\s*server\s+([^\s;]+)((?:\s+weight=\d+)?)\s*$/.exec(statement);
        if (match)
            servers.push({ upstream: match[1], weight: match[2] ? Number(match[2].trim().slice('weight='.length)) : 1 });
        else if (statement.trim())
            return undefined;
    }
    return servers.length ? servers : undefined;
}
/** The `server` address in an include that routes everything to one server, or undefined if there is none. */
function parseIncludeUpstream(text, environment) {
    const servers = parseIncludeServers(text, environment);
    return servers?.length === 1 ? servers[0].upstream : undefined;
}
/**
 * Whether an existing include is shipkit's to rewrite: empty, written by shipkit (its header), or
 * holding nothing but the `upstream shipkit_<environment> { server ...; }` block (a seeded file).
 */
function ownedInclude(text, environment) {
    if (!text.trim() || text.startsWith('# Managed by shipkit'))
        return true;
    const rest = text.replace(/^\s*#.*$/gm, '').replace(new RegExp(`upstream\\s+${upstreamName(environment)}\\s*\\{\\s*server\\s+[^\\s;]+\\s*;\\s*\\}`), '');
    return !rest.trim() && parseIncludeUpstream(text, environment) !== undefined;
}
/** The most an include shipkit writes can hold (two upstream lines and a header); anything larger is not ours. */
const MAX_INCLUDE_BYTES = 64 * 1024;
/**
 * The include's content, read only when it is a regular file of its own: a symbolic link is
 * refused (a switch renames a new file into the include's place, which would replace the link and
 * leave its target stale; and reading through a link could read any file the runner can, such as
 * a secrets file). Refusals name the path and never quote the content.
 */
async function readIfExists(file) {
    let stats;
    try {
        stats = await (0,promises_.lstat)(file);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw new src.ShipkitError(`Could not read the nginx include ${file}: ${(0,src.errorMessage)(error)}`);
    }
    if (stats.isSymbolicLink()) {
        const target = await (0,promises_.realpath)(file).catch(() => 'a path that does not exist');
        throw new src.ShipkitError(`router.include ${file} is a symbolic link (it resolves to ${target}): shipkit reads and replaces the include file itself and never follows a link, so it refuses to touch it.`, {
            hint: `Point router.include at the real file (${target}), or at a file of its own such as /etc/nginx/shipkit/<environment>.conf.`,
        });
    }
    if (!stats.isFile())
        throw new src.ShipkitError(`router.include ${file} is not a regular file: expected the include file shipkit owns.`);
    if (stats.size > MAX_INCLUDE_BYTES) {
        throw new src.ShipkitError(`router.include ${file} holds ${stats.size} bytes, more than the include shipkit writes ever does (at most ${MAX_INCLUDE_BYTES}): it is not shipkit's file, so it is left alone.`, {
            hint: 'Point router.include at a file of its own (e.g. /etc/nginx/shipkit/<environment>.conf).',
        });
    }
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new src.ShipkitError(`Could not read the nginx include ${file}: ${(0,src.errorMessage)(error)}`);
    }
}
/**
 * Replaces `file` in one step: nginx (and anyone reading) sees the old or the new content,
 * never half a file. The temp file lives in the same directory so the rename cannot cross
 * file systems, and ends in `.tmp` so an `include shipkit/*.conf` glob never picks it up.
 */
async function writeAtomically(file, content) {
    const dir = external_node_path_default().dirname(file);
    await (0,promises_.mkdir)(dir, { recursive: true });
    const temp = external_node_path_default().join(dir, `.${external_node_path_default().basename(file)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    try {
        const handle = await (0,promises_.open)(temp, 'w', 0o644);
        try {
            await handle.writeFile(content, 'utf8');
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,promises_.rename)(temp, file);
    }
    catch (error) {
        await (0,promises_.rm)(temp, { force: true });
        throw new src.ShipkitError(`Could not write the nginx include ${file}: ${(0,src.errorMessage)(error)}`, {
            hint: 'The step needs write access to the include file and its directory.',
        });
    }
}
/** Owns one include file holding `upstream shipkit_<environment> { server <live slot's upstream>; }`. */
class NginxRouter {
    options;
    type = 'nginx';
    description;
    weighted = true;
    test;
    reload;
    constructor(options) {
        this.options = options;
        this.description = `nginx include ${options.include}`;
        this.test = [...(options.test ?? DEFAULT_NGINX_TEST)];
        this.reload = [...(options.reload ?? DEFAULT_NGINX_RELOAD)];
    }
    async live() {
        const text = await readIfExists(this.options.include);
        if (text === undefined)
            return undefined;
        const servers = parseIncludeServers(text, this.options.environment);
        const slotOf = (upstream) => types_SLOT_NAMES.find((name) => this.options.upstreams[name] === upstream);
        // A canary in progress (or interrupted): traffic is split, no single slot is live.
        if (servers && servers.length === 2 && servers.every((server) => slotOf(server.upstream)))
            return undefined;
        const upstream = servers?.length === 1 ? servers[0].upstream : undefined;
        const slot = upstream ? slotOf(upstream) : undefined;
        if (!slot) {
            lib_core/* warning */.$e(`${this.options.include} does not route to either slot (it names ${upstream ? JSON.stringify(upstream) : `no single upstream ${upstreamName(this.options.environment)}`}; blue is ${this.options.upstreams.blue}, green is ${this.options.upstreams.green}). The next switch rewrites it.`);
        }
        return slot;
    }
    /** The share of traffic (percent) each slot gets now, per the include; undefined when it routes to neither. */
    async split() {
        const text = await readIfExists(this.options.include);
        const servers = text === undefined ? undefined : parseIncludeServers(text, this.options.environment);
        if (!servers)
            return undefined;
        const total = servers.reduce((sum, server) => sum + server.weight, 0);
        const shares = {};
        for (const server of servers) {
            const slot = types_SLOT_NAMES.find((name) => this.options.upstreams[name] === server.upstream);
            if (!slot)
                return undefined;
            shares[slot] = Math.round((server.weight / total) * 100);
        }
        return shares;
    }
    /** Read-only, before the lease: the include is shipkit's own (or absent), never a hand-written nginx file. */
    async validate() {
        this.checkOwned(await readIfExists(this.options.include));
    }
    checkOwned(previous) {
        const include = this.options.include;
        if (previous !== undefined && !ownedInclude(previous, this.options.environment)) {
            throw new src.ShipkitError(`router.include ${include}: the file exists and was not written by shipkit (it holds more than the "upstream ${upstreamName(this.options.environment)}" block shipkit writes) — refusing to replace a hand-written nginx file.`, { hint: `Point router.include at a file of its own (e.g. /etc/nginx/shipkit/${this.options.environment}.conf), or empty this one. shipkit owns that one file and nothing else.` });
        }
    }
    async route(request) {
        const { slot } = request;
        const upstream = this.options.upstreams[slot];
        if (!upstream) {
            throw new src.ShipkitError(`Slot ${slot} of environment ${this.options.environment} has no upstream, and the nginx router needs one.`, {
                hint: `Add environments.${this.options.environment}.slots.${slot}.upstream (host:port of the slot) to the config.`,
            });
        }
        validateUpstream(upstream, `environments.${this.options.environment}.slots.${slot}.upstream`);
        const include = this.options.include;
        const previous = await readIfExists(include);
        this.checkOwned(previous);
        // The routing before this switch stays next to the include, for a person to compare or restore.
        if (previous !== undefined)
            await writeAtomically(`${include}.shipkit-previous`, previous);
        const weight = request.weight ?? 100;
        let split;
        if (weight < 100) {
            const other = request.previous && request.previous !== slot ? request.previous : undefined;
            const otherUpstream = other ? this.options.upstreams[other] : undefined;
            if (!other || !otherUpstream)
                throw new src.ShipkitError(`A ${weight}% step to ${slot} needs the other slot live (the rest of the traffic stays there), and none is.`);
            split = { weight, other, otherUpstream };
        }
        await writeAtomically(include, renderInclude(this.options.environment, slot, upstream, split));
        const tested = await this.run(this.test, 'nginx configuration test');
        if (!tested.ok) {
            await this.restore(previous);
            throw new src.ShipkitError(`nginx refused the new routing to ${slot} (${upstream}); ${include} was restored and live traffic is unchanged.\n${tested.output}`, { hint: `Check that the nginx config includes ${include} at http level and proxies to http://${upstreamName(this.options.environment)}, and that \`${this.test.join(' ')}\` passes.` });
        }
        const pidFile = this.options.pidFile ?? (await defaultPidFile([this.reload, this.test]));
        const master = await readPid(pidFile);
        const oldWorkers = master ? await childPids(master) : [];
        const reloaded = await this.run(this.reload, 'nginx reload');
        if (!reloaded.ok) {
            await this.restore(previous);
            const again = await this.run(this.reload, 'nginx reload (restored routing)');
            throw new src.ShipkitError(`nginx could not reload with the new routing to ${slot} (${upstream}); ${include} was restored${again.ok ? ' and reloaded' : ' (reloading it failed too)'}, live traffic is unchanged.\n${reloaded.output}`, { hint: `Check that nginx is running and that \`${this.reload.join(' ')}\` works for this user.` });
        }
        await this.waitForNewGeneration(pidFile, master, oldWorkers);
        lib_core/* info */.pq(split ? `nginx now routes ${weight}% of ${upstreamName(this.options.environment)} to ${slot} (${upstream}) and ${100 - weight}% to ${split.other} (${split.otherUpstream}).` : `nginx now routes ${upstreamName(this.options.environment)} to ${slot} (${upstream}).`);
    }
    /**
     * `nginx -s reload` returns once the master is signalled; until the old workers exit they keep
     * serving (keep-alive visitors, long requests) the old upstream. Waits until every old worker
     * has gone and a new one runs, bounded by reloadTimeoutMs (past it: a warning naming the pids).
     */
    async waitForNewGeneration(pidFile, master, oldWorkers) {
        if (!master) {
            lib_core/* warning */.$e(`Could not read the nginx master's pid from ${pidFile}, so this switch cannot confirm that the old workers stopped serving; set router.pid-file to the pid file of the nginx that includes ${this.options.include}.`);
            return;
        }
        const timeout = this.options.reloadTimeoutMs ?? DEFAULT_RELOAD_TIMEOUT_MS;
        const deadline = Date.now() + timeout;
        for (;;) {
            const now = await childPids(master);
            const left = oldWorkers.filter((pid) => now.includes(pid));
            if (!left.length && now.some((pid) => !oldWorkers.includes(pid)))
                return;
            if (Date.now() >= deadline) {
                lib_core/* warning */.$e(`nginx reloaded, but ${left.length ? `old worker(s) ${left.join(', ')} still serve after ${(0,src.formatDuration)(timeout)} (long requests or open connections); they keep the previous routing until they finish` : `no new worker appeared within ${(0,src.formatDuration)(timeout)}`}.`);
                return;
            }
            await (0,src.sleep)(this.options.pollMs ?? 100);
        }
    }
    async restore(previous) {
        if (previous === undefined)
            await (0,promises_.rm)(this.options.include, { force: true });
        else
            await writeAtomically(this.options.include, previous);
    }
    async run(args, label) {
        try {
            const result = await (0,src.exec)(args[0], args.slice(1), { check: false, label, silent: true });
            const output = `${result.stdout}${result.stderr}`.trim();
            if (output)
                lib_core/* info */.pq(output);
            return { ok: result.exitCode === 0, output: output || `${label} exited with code ${result.exitCode}` };
        }
        catch (error) {
            return { ok: false, output: (0,src.errorMessage)(error) };
        }
    }
}

;// CONCATENATED MODULE: ./packages/routers/src/command.ts


/**
 * Runs the user's own switch command (a load balancer's listener rule, an App Service slot swap,
 * a Kubernetes service selector...) with the slot described in SHIPKIT_* variables. It cannot
 * tell which slot is live; the ledger does. If the command fails, it is run once more for the
 * previous slot so a half-done change is put back, then the step fails.
 */
class CommandRouter {
    options;
    type = 'command';
    description;
    weighted;
    weightedRefusal;
    constructor(options) {
        this.options = options;
        this.description = `command ${options.command.join(' ')}`;
        this.weighted = options.weighted === true;
        if (!this.weighted) {
            this.weightedRefusal = `the switch command of environment ${options.environment} is not declared to split traffic: a command that ignores SHIPKIT_WEIGHT would move all traffic at the first step. Make the command send SHIPKIT_WEIGHT percent to SHIPKIT_SLOT and the rest to SHIPKIT_PREVIOUS_SLOT, then set router.weighted: true`;
        }
    }
    async live() {
        return undefined;
    }
    environmentFor(slot, request, restoring) {
        return {
            ...this.options.env,
            ...this.options.slotEnv?.[slot],
            SHIPKIT_APP: this.options.app ?? '',
            SHIPKIT_ENVIRONMENT: this.options.environment,
            SHIPKIT_URL: this.options.url ?? '',
            SHIPKIT_SLOT: slot,
            SHIPKIT_SLOT_URL: this.options.slotUrls?.[slot] ?? '',
            SHIPKIT_RELEASE: (restoring ? request.previousRelease : request.release) ?? '',
            SHIPKIT_PREVIOUS_SLOT: restoring ? request.slot : request.previous ?? '',
            SHIPKIT_RESTORE: restoring ? 'true' : 'false',
            // The share of traffic (percent) for SHIPKIT_SLOT; the rest goes to SHIPKIT_PREVIOUS_SLOT. A restore puts back the weight before this change.
            SHIPKIT_WEIGHT: String(restoring ? (request.restoreWeight ?? 100) : (request.weight ?? 100)),
        };
    }
    async route(request) {
        const [program, ...args] = this.options.command;
        try {
            await lib_core/* group */.Os(`Switch command: ${this.options.command.join(' ')} (to ${request.slot})`, () => (0,src.exec)(program, args, { env: this.environmentFor(request.slot, request, false), cwd: this.options.cwd, label: `switch command ${program}` }));
            return;
        }
        catch (error) {
            const failure = (0,src.errorMessage)(error);
            if (!request.previous) {
                throw new src.ShipkitError(`The switch command failed for slot ${request.slot}: ${failure}`, {
                    hint: 'No slot was live before, so there is no previous routing to restore.',
                });
            }
            let restored = 'it was run again for the previous slot to restore the routing';
            try {
                await lib_core/* group */.Os(`Restoring: ${this.options.command.join(' ')} (back to ${request.previous})`, () => (0,src.exec)(program, args, { env: this.environmentFor(request.previous, request, true), cwd: this.options.cwd, label: `switch command ${program} (restore)` }));
            }
            catch (restoreError) {
                restored = `running it again for ${request.previous} to restore the routing failed too (${(0,src.errorMessage)(restoreError)}); check the router by hand`;
            }
            throw new src.ShipkitError(`The switch command failed for slot ${request.slot}; ${restored}.\n${failure}`);
        }
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudfront/dist-cjs/index.js
var client_cloudfront_dist_cjs = __webpack_require__(3169);
;// CONCATENATED MODULE: ./packages/cloudfront/src/paths.ts

/** CloudFront's documented limits on invalidations in progress at one time, per distribution. */
const MAX_PATHS_IN_PROGRESS = 3000;
const MAX_WILDCARDS_IN_PROGRESS = 15;
const isWildcard = (path) => path.includes('*');
/**
 * Validates and de-duplicates invalidation paths: each starts with "/", a "*" may only end a
 * path; "/*" covers everything, and a wildcard `/a/*` makes every `/a/...` path redundant.
 */
function normalizeInvalidationPaths(paths) {
    const cleaned = [];
    for (const raw of paths) {
        const path = raw.trim();
        if (!path)
            continue;
        if (!path.startsWith('/') || /\s/.test(path) || (path.includes('*') && path.indexOf('*') !== path.length - 1)) {
            throw new src.ShipkitError(`Invalid CloudFront invalidation path ${JSON.stringify(raw)}: expected a path starting with "/" with at most one "*", at its end.`);
        }
        cleaned.push(path);
    }
    const unique = [...new Set(cleaned)];
    const wildcards = unique.filter(isWildcard).map((path) => path.slice(0, -1));
    return unique.filter((path) => !wildcards.some((stem) => path !== `${stem}*` && path.startsWith(stem))).sort();
}
/**
 * Splits paths into invalidation batches that each fit in CloudFront's in-progress limits
 * (3,000 paths, of which at most 15 wildcards), wildcards first.
 */
function batchInvalidationPaths(paths, limits = {}) {
    const maxPaths = limits.maxPaths ?? MAX_PATHS_IN_PROGRESS;
    const maxWildcards = limits.maxWildcards ?? MAX_WILDCARDS_IN_PROGRESS;
    const wildcards = paths.filter(isWildcard);
    const plain = paths.filter((path) => !isWildcard(path));
    const batches = [];
    let current = [];
    let currentWildcards = 0;
    for (const path of [...wildcards, ...plain]) {
        const wildcard = isWildcard(path);
        if (current.length >= maxPaths || (wildcard && currentWildcards >= maxWildcards)) {
            batches.push(current);
            current = [];
            currentWildcards = 0;
        }
        current.push(path);
        if (wildcard)
            currentWildcards++;
    }
    if (current.length)
        batches.push(current);
    return batches;
}
/** More changed paths than this under one prefix are invalidated with one `/<prefix>/*` wildcard. */
const WILDCARD_THRESHOLD = 50;
/**
 * CloudFront paths for changed keys under `prefix` ('' = the site root): each key (and its
 * directory for an index.html), or one `/<prefix>/*` wildcard when there are many.
 */
function changedPaths(prefix, keys) {
    if (!keys.length)
        return [];
    const base = prefix ? `/${prefix.replace(/^\/+|\/+$/g, '')}/` : '/';
    if (keys.length > WILDCARD_THRESHOLD)
        return [`${base}*`];
    const paths = new Set();
    for (const key of keys) {
        paths.add(encodeURI(`${base}${key}`));
        if (key === 'index.html' || key.endsWith('/index.html'))
            paths.add(encodeURI(`${base}${key.slice(0, -'index.html'.length)}`));
    }
    return [...paths].sort();
}

;// CONCATENATED MODULE: ./packages/cloudfront/src/invalidate.ts





/** A CloudFront client (endpoint, retries and credentials as every shipkit AWS client: @shipkit/core's awsClientSettings). */
function createCloudFrontClient(options = {}) {
    const config = { ...(0,src.awsClientSettings)('CLOUDFRONT', options), region: options.region || 'us-east-1' };
    return new client_cloudfront_dist_cjs/* CloudFrontClient */.GHk(config);
}
const RETRYABLE_CODES = new Set(['TooManyInvalidationsInProgress', 'Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'ServiceUnavailable']);
function errorCode(error) {
    const e = error;
    return e?.Code ?? e?.name ?? '';
}
function isRetryableInvalidationError(error) {
    const status = error?.$metadata?.httpStatusCode ?? 0;
    return RETRYABLE_CODES.has(errorCode(error)) || status >= 500;
}
/**
 * Invalidates paths on a distribution within CloudFront's limits: paths de-duplicated, split into
 * batches of at most 3,000 paths / 15 wildcards; each later batch waits for the one before to
 * complete (the limits count invalidations in progress); CreateInvalidation is retried with
 * backoff on TooManyInvalidationsInProgress and throttling, reusing its CallerReference so a
 * retry can never create a duplicate. With `wait`, returns once every batch is Completed.
 */
async function invalidatePaths(client, distributionId, paths, options = {}) {
    if (!/^[A-Z0-9]+$/.test(distributionId)) {
        throw new src.ShipkitError(`Input "distribution-id" has an invalid value ${JSON.stringify(distributionId)}: expected a CloudFront distribution id such as E2QWRUHEXAMPLE.`);
    }
    const unique = normalizeInvalidationPaths(paths);
    const log = options.log ?? lib_core/* info */.pq;
    const sleep = options.sleep ?? src.sleep;
    const batches = batchInvalidationPaths(unique, { maxPaths: options.maxPaths ?? MAX_PATHS_IN_PROGRESS, maxWildcards: options.maxWildcards ?? MAX_WILDCARDS_IN_PROGRESS });
    const result = { invalidations: [], paths: unique };
    const reference = `shipkit-${Date.now()}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    for (const [index, batch] of batches.entries()) {
        const callerReference = `${reference}-${index + 1}`;
        const created = await (0,src.retry)(async () => client.send(new client_cloudfront_dist_cjs/* CreateInvalidationCommand */.Yo6({ DistributionId: distributionId, InvalidationBatch: { CallerReference: callerReference, Paths: { Quantity: batch.length, Items: batch } } })), {
            attempts: options.attempts ?? 8,
            baseDelayMs: options.baseDelayMs ?? 5000,
            maxDelayMs: options.maxDelayMs ?? 60_000,
            retryable: isRetryableInvalidationError,
            sleep,
            onRetry: (error, attempt, delay) => log(`CloudFront refused the invalidation for now (${errorCode(error) || (0,src.errorMessage)(error)}); retry ${attempt} in ${Math.round(delay / 1000)}s`),
        }).catch((error) => {
            throw new src.ShipkitError(`Could not invalidate ${batch.length} path(s) on CloudFront distribution ${distributionId}: ${errorCode(error) ? `${errorCode(error)}: ` : ''}${(0,src.errorMessage)(error)}`, {
                hint: isRetryableInvalidationError(error)
                    ? 'CloudFront kept refusing (too many invalidations in progress or throttling); re-run later, the published files are already in place.'
                    : 'Check the distribution id and that the credentials allow cloudfront:CreateInvalidation.',
                cause: error,
            });
        });
        const id = created.Invalidation?.Id ?? '';
        const entry = { id, paths: batch, status: created.Invalidation?.Status ?? 'InProgress' };
        result.invalidations.push(entry);
        log(`CloudFront invalidation ${id} for ${batch.length} path(s)${batches.length > 1 ? ` (batch ${index + 1}/${batches.length})` : ''}: ${entry.status}`);
        const more = index < batches.length - 1;
        if (more || options.wait)
            entry.status = await waitForInvalidation(client, distributionId, id, { ...options, sleep, log });
    }
    return result;
}
/** An invalidation's status as CloudFront reports it (InProgress, Completed). */
async function invalidationStatus(client, distributionId, id) {
    try {
        return (await client.send(new client_cloudfront_dist_cjs/* GetInvalidationCommand */.Wwh({ DistributionId: distributionId, Id: id }))).Invalidation?.Status ?? 'Unknown';
    }
    catch (error) {
        throw new src.ShipkitError(`Could not read CloudFront invalidation ${id} on ${distributionId}: ${(0,src.errorMessage)(error)}`, { cause: error });
    }
}
/** Polls GetInvalidation until Completed (any case: some implementations say COMPLETED); throws after waitTimeoutMs. */
async function waitForInvalidation(client, distributionId, id, options = {}) {
    const deadline = Date.now() + (options.waitTimeoutMs ?? 20 * 60_000);
    const sleep = options.sleep ?? src.sleep;
    for (;;) {
        const status = await invalidationStatus(client, distributionId, id);
        if (status.toLowerCase() === 'completed')
            return 'Completed';
        if (Date.now() >= deadline) {
            throw new src.ShipkitError(`CloudFront invalidation ${id} on ${distributionId} is still ${status} after waiting.`, {
                hint: 'It will still complete on its own; raise the wait timeout or turn off waiting.',
            });
        }
        await sleep(options.pollIntervalMs ?? 10_000);
    }
}

;// CONCATENATED MODULE: ./packages/routers/src/cloudfront.ts





/** CloudFront's cache key does not include the origin: after a switch every cached path may be the old slot's. */
const DEFAULT_INVALIDATE_PATHS = ['/*'];
const DEFAULT_SWITCH_TIMEOUT_MS = 15 * 60_000;
function cloudfront_isPreconditionFailed(error) {
    const name = error?.name;
    return name === 'PreconditionFailed' || error?.Code === 'PreconditionFailed';
}
/**
 * Points every cache behaviour that targets either slot's origin (the default one and the ordered
 * ones, e.g. `/assets/*`) at the new slot's origin, in one UpdateDistribution guarded by the
 * config's ETag (If-Match): a concurrent edit by someone else is re-read, never overwritten. Then
 * invalidates `/*` (the cache key does not include the origin) and, by default, waits until the
 * distribution is Deployed and the invalidation Completed: the switch returns when traffic moved.
 */
class CloudFrontRouter {
    options;
    type = 'cloudfront';
    description;
    weighted = false;
    weightedRefusal = 'the cloudfront router moves all of a distribution\'s traffic at once: it cannot send a share of visitors to each slot. For a gradual CloudFront rollout use CloudFront continuous deployment (a staging distribution with a weight-based policy), or set steps to 100 (a verified flip)';
    constructor(options) {
        this.options = options;
        this.description = `CloudFront distribution ${options.distributionId}`;
    }
    async readConfig() {
        let output;
        try {
            output = await this.options.client.send(new client_cloudfront_dist_cjs/* GetDistributionConfigCommand */.wNI({ Id: this.options.distributionId }));
        }
        catch (error) {
            throw new src.ShipkitError(`Could not read CloudFront distribution ${this.options.distributionId}: ${(0,src.errorMessage)(error)}`, {
                hint: 'Check the distribution id (router.distribution-id) and that the credentials allow cloudfront:GetDistributionConfig.',
            });
        }
        if (!output.DistributionConfig || !output.ETag) {
            throw new src.ShipkitError(`CloudFront returned no configuration or ETag for distribution ${this.options.distributionId}.`);
        }
        return { config: output.DistributionConfig, etag: output.ETag };
    }
    originFor(slot, config) {
        const declared = (config.Origins?.Items ?? []).map((origin) => origin.Id ?? '');
        const origin = this.options.origins[slot];
        if (!origin) {
            throw new src.ShipkitError(`Slot ${slot} of environment ${this.options.environment} has no origin, and the cloudfront router needs one.`, {
                hint: `Add environments.${this.options.environment}.slots.${slot}.origin: one of the origin ids of distribution ${this.options.distributionId} (${declared.join(', ') || 'none'}).`,
            });
        }
        const missing = types_SLOT_NAMES.filter((name) => this.options.origins[name] && !declared.includes(this.options.origins[name]));
        if (missing.length) {
            throw new src.ShipkitError(`Distribution ${this.options.distributionId} does not declare the origin of slot ${missing.map((name) => `${name} (${this.options.origins[name]})`).join(' and ')}; it declares: ${declared.join(', ') || 'no origins'}.`, { hint: "Declare both slots' origins in the distribution (or fix slots.<slot>.origin to one of the ids above); shipkit moves the cache behaviours between them." });
        }
        return origin;
    }
    /** Every cache behaviour with its name: the default one first, then the ordered ones. */
    behaviours(config) {
        const list = [];
        if (config.DefaultCacheBehavior)
            list.push({ name: 'default', behaviour: config.DefaultCacheBehavior });
        for (const ordered of config.CacheBehaviors?.Items ?? [])
            list.push({ name: ordered.PathPattern ?? '?', behaviour: ordered });
        return list;
    }
    async live() {
        const { config } = await this.readConfig();
        const target = config.DefaultCacheBehavior?.TargetOriginId;
        return types_SLOT_NAMES.find((slot) => this.options.origins[slot] === target);
    }
    /**
     * Sets `targets` (behaviour name -> origin) in one guarded update. With `slot`, every behaviour
     * on either slot's origin moves to that slot's; returns what each moved behaviour pointed at before.
     */
    async update(plan) {
        const attempts = this.options.attempts ?? 5;
        for (let attempt = 1;; attempt++) {
            const { config, etag } = await this.readConfig();
            const targets = plan(config);
            const before = new Map();
            for (const { name, behaviour } of this.behaviours(config)) {
                const target = targets.get(name);
                if (target && behaviour.TargetOriginId !== target) {
                    before.set(name, behaviour.TargetOriginId ?? '');
                    behaviour.TargetOriginId = target;
                }
            }
            if (!before.size)
                return before;
            try {
                await this.options.client.send(new client_cloudfront_dist_cjs/* UpdateDistributionCommand */.ZJl({ Id: this.options.distributionId, IfMatch: etag, DistributionConfig: config }));
                lib_core/* info */.pq(`Distribution ${this.options.distributionId}: ${[...before].map(([name, from]) => `${name} ${from} -> ${targets.get(name)}`).join(', ')}.`);
                return before;
            }
            catch (error) {
                if (cloudfront_isPreconditionFailed(error) && attempt < attempts) {
                    lib_core/* info */.pq(`Distribution ${this.options.distributionId} changed while we updated it (ETag ${etag} is stale); re-reading (attempt ${attempt + 1}/${attempts}).`);
                    await (0,src.sleep)(Math.min(200 * attempt, 1000));
                    continue;
                }
                const detail = cloudfront_isPreconditionFailed(error) ? `its configuration kept changing underneath us (${attempts} attempts, ETag mismatch)` : (0,src.errorMessage)(error);
                throw new src.ShipkitError(`Could not update CloudFront distribution ${this.options.distributionId}: ${detail}. Live traffic is unchanged.`, {
                    hint: 'Check that the credentials allow cloudfront:UpdateDistribution and that nobody else is editing the distribution.',
                });
            }
        }
    }
    /** What a switch to `slot` changes, checked before anything changes. */
    planSwitch(slot, config) {
        const origin = this.originFor(slot, config);
        const slotOrigins = new Set(types_SLOT_NAMES.map((name) => this.options.origins[name]).filter(Boolean));
        const targets = new Map();
        for (const { name, behaviour } of this.behaviours(config)) {
            // The default behaviour is the site: it always follows the slots (also away from a legacy origin on the first switch).
            if (name === 'default' || slotOrigins.has(behaviour.TargetOriginId ?? ''))
                targets.set(name, origin);
            else if (this.options.behaviors?.includes(name)) {
                throw new src.ShipkitError(`Cache behaviour ${JSON.stringify(name)} of distribution ${this.options.distributionId} targets origin ${JSON.stringify(behaviour.TargetOriginId)}, which is neither slot's (${[...slotOrigins].join(', ')}), but router.behaviors lists it as following the slots; nothing was changed.`, { hint: 'Point it at one of the slot origins in the distribution, or remove it from router.behaviors.' });
            }
        }
        return targets;
    }
    async waitUntil(deadline, what, done) {
        const interval = this.options.pollIntervalMs ?? 10_000;
        for (;;) {
            const waiting = await done();
            if (waiting === undefined)
                return;
            if (Date.now() + interval > deadline)
                throw new src.ShipkitError(`${what} is still ${waiting} after ${(0,src.formatDuration)(this.options.waitTimeoutMs ?? DEFAULT_SWITCH_TIMEOUT_MS)}`);
            lib_core/* info */.pq(`${what} is ${waiting}; waiting.`);
            await (0,src.sleep)(interval);
        }
    }
    async route(request) {
        const moved = await this.update((config) => this.planSwitch(request.slot, config));
        if (!moved.size)
            lib_core/* info */.pq(`Distribution ${this.options.distributionId} already routes every slot behaviour to ${request.slot}.`);
        const deadline = Date.now() + (this.options.waitTimeoutMs ?? DEFAULT_SWITCH_TIMEOUT_MS);
        const changed = moved.size ? `it routed ${[...moved.keys()].join(', ')} to ${request.slot}` : 'its routing was already on the slot';
        try {
            const { ids } = await this.options.invalidate(this.options.invalidatePaths ?? DEFAULT_INVALIDATE_PATHS);
            if (this.options.wait ?? true) {
                await this.waitUntil(deadline, `Distribution ${this.options.distributionId}`, async () => {
                    const status = (await this.options.client.send(new client_cloudfront_dist_cjs/* GetDistributionCommand */.seO({ Id: this.options.distributionId }))).Distribution?.Status;
                    return status?.toLowerCase() === 'deployed' ? undefined : (status ?? 'unknown');
                });
                for (const id of ids) {
                    await waitForInvalidation(this.options.client, this.options.distributionId, id, { waitTimeoutMs: Math.max(0, deadline - Date.now()), pollIntervalMs: this.options.pollIntervalMs });
                }
            }
        }
        catch (error) {
            let restored = 'nothing needed pointing back';
            if (moved.size) {
                try {
                    await this.update(() => moved);
                    restored = `the behaviours were pointed back (${[...moved].map(([name, from]) => `${name} -> ${from}`).join(', ')})`;
                }
                catch (restoreError) {
                    restored = `pointing them back failed too (${(0,src.errorMessage)(restoreError)}): check the distribution now`;
                }
            }
            throw new src.ShipkitError(`Switching distribution ${this.options.distributionId} to ${request.slot} failed after ${changed}: ${(0,src.errorMessage)(error)}; ${restored}.`);
        }
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var client_elastic_load_balancing_v2_dist_cjs = __webpack_require__(586);
;// CONCATENATED MODULE: ./packages/routers/src/alb.ts




const PARTITION = 'arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}';
const LISTENER_ARN = new RegExp(`^${PARTITION}:listener/(app|net)/[A-Za-z0-9-]+/[0-9a-f]+/[0-9a-f]+$`);
const RULE_ARN = new RegExp(`^${PARTITION}:listener-rule/(app|net)/[A-Za-z0-9-]+/[0-9a-f]+/[0-9a-f]+/[0-9a-f]+$`);
const TARGET_GROUP_ARN = new RegExp(`^${PARTITION}:targetgroup/[A-Za-z0-9-]+/[0-9a-f]+$`);
/** Checks an ELBv2 ARN before anything is sent, naming the field and what was expected. */
function validateArn(value, pattern, field, example) {
    if (!value || !pattern.test(value))
        throw (0,src.invalidInput)(field, value ?? '', `an ARN such as ${example}`);
    return value;
}
function createElbv2Client(options = {}) {
    return new client_elastic_load_balancing_v2_dist_cjs/* ElasticLoadBalancingV2Client */.MlD({ ...(0,src.awsClientSettings)('ELASTIC_LOAD_BALANCING_V2', options), ...(options.region ? { region: options.region } : {}) });
}
/** An AWS error that retrying cannot fix: the credentials lack the permission, or the request is invalid. */
function isPermanent(error) {
    const name = error.name ?? '';
    return /AccessDenied|UnauthorizedOperation|NotAuthorized|InvalidClientTokenId|ValidationError|NotFound|InvalidConfigurationRequest/.test(name);
}
/**
 * An action as it must be sent back: DescribeListeners/DescribeRules never return an
 * authenticate-oidc action's client secret, so it is sent with UseExistingClientSecret (AWS
 * refuses the action otherwise). Every other field is sent as it was read.
 */
function forWrite(action) {
    const oidc = action.AuthenticateOidcConfig;
    if (oidc && !oidc.ClientSecret)
        return { ...action, AuthenticateOidcConfig: { ...oidc, UseExistingClientSecret: true } };
    return action;
}
/**
 * The forward action `action` becomes when it sends `groups` (percent weights): every other field
 * (ForwardConfig.TargetGroupStickinessConfig, Order...) is carried over. A plain TargetGroupArn
 * stays plain for a single group; otherwise ForwardConfig carries the groups.
 */
function forwardTo(action, groups) {
    const { TargetGroupArn: _plain, ...rest } = action;
    if (groups.length === 1 && !action.ForwardConfig)
        return { ...rest, TargetGroupArn: groups[0].arn };
    return { ...rest, ForwardConfig: { ...action.ForwardConfig, TargetGroups: groups.map((group) => ({ TargetGroupArn: group.arn, Weight: group.weight })) } };
}
/** The target groups and weights a forward action sends to (a plain TargetGroupArn is weight 1). */
function forwardTargets(action) {
    if (action.ForwardConfig?.TargetGroups?.length)
        return action.ForwardConfig.TargetGroups.map((group) => ({ arn: group.TargetGroupArn ?? '', weight: group.Weight ?? 1 }));
    return action.TargetGroupArn ? [{ arn: action.TargetGroupArn, weight: 1 }] : [];
}
/**
 * Blue-green on an Application Load Balancer: a switch sets the listener's default forward action
 * (or one rule's, with `rule-arn`) to the slot's target group; a canary step sets weighted target
 * groups. Other actions (authentication before the forward, sent back with
 * UseExistingClientSecret) and every other field of the forward (stickiness) are kept. The change
 * is read back; if it did not take, or reading it back fails, the previous actions are put back and
 * the switch fails — except for an abort (all traffic back after a failed canary step), which is
 * retried until it reads back and never puts the split back.
 */
class AlbRouter {
    options;
    type = 'alb';
    description;
    weighted = true;
    constructor(options) {
        this.options = options;
        this.description = options.ruleArn ? `ALB listener rule ${options.ruleArn}` : `ALB listener ${options.listenerArn}`;
    }
    async readActions() {
        try {
            if (this.options.ruleArn) {
                const rules = await this.options.client.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeRulesCommand */.Ggo({ RuleArns: [this.options.ruleArn] }));
                const rule = rules.Rules?.[0];
                if (!rule)
                    throw new Error('no such rule');
                return rule.Actions ?? [];
            }
            const listeners = await this.options.client.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeListenersCommand */.AKE({ ListenerArns: [this.options.listenerArn] }));
            const listener = listeners.Listeners?.[0];
            if (!listener)
                throw new Error('no such listener');
            return listener.DefaultActions ?? [];
        }
        catch (error) {
            throw new src.ShipkitError(`Could not read ${this.description}: ${(0,src.errorMessage)(error)}`, {
                cause: error,
                hint: `Check router.${this.options.ruleArn ? 'rule-arn' : 'listener-arn'} and that the credentials allow elasticloadbalancing:${this.options.ruleArn ? 'DescribeRules' : 'DescribeListeners'}.`,
            });
        }
    }
    async writeActions(actions) {
        const sent = actions.map(forWrite);
        if (this.options.ruleArn)
            await this.options.client.send(new client_elastic_load_balancing_v2_dist_cjs/* ModifyRuleCommand */.y5P({ RuleArn: this.options.ruleArn, Actions: sent }));
        else
            await this.options.client.send(new client_elastic_load_balancing_v2_dist_cjs/* ModifyListenerCommand */.ugc({ ListenerArn: this.options.listenerArn, DefaultActions: sent }));
    }
    /**
     * Read-only, before anything changes: the listener exists, and each slot's target group exists
     * and is free or already on the listener's load balancer (AWS refuses a forward to another
     * load balancer's group only at switch time, after the deploy). Permission errors are errors.
     */
    async validate() {
        const fields = this.options.targetGroupFields ?? { blue: 'slots.blue.target-group-arn', green: 'slots.green.target-group-arn' };
        let loadBalancerArn;
        try {
            const listeners = await this.options.client.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeListenersCommand */.AKE({ ListenerArns: [this.options.listenerArn] }));
            loadBalancerArn = listeners.Listeners?.[0]?.LoadBalancerArn;
            if (!listeners.Listeners?.[0])
                throw new Error('no such listener');
        }
        catch (error) {
            throw new src.ShipkitError(`Could not read ALB listener ${this.options.listenerArn}: ${(0,src.errorMessage)(error)}`, { hint: 'Check router.listener-arn and that the credentials allow elasticloadbalancing:DescribeListeners.' });
        }
        for (const slot of types_SLOT_NAMES) {
            const arn = this.options.targetGroups[slot];
            let group;
            try {
                group = (await this.options.client.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetGroupsCommand */.sC7({ TargetGroupArns: [arn] }))).TargetGroups?.[0];
            }
            catch (error) {
                if (/TargetGroupNotFound/.test(error.name ?? ''))
                    group = undefined;
                else
                    throw new src.ShipkitError(`Could not read target group ${arn} (${fields[slot]}): ${(0,src.errorMessage)(error)}`, { hint: 'The credentials need elasticloadbalancing:DescribeTargetGroups.' });
            }
            if (!group)
                throw new src.ShipkitError(`${fields[slot]} is ${JSON.stringify(arn)}, and no such target group exists (DescribeTargetGroups); expected the ARN of slot ${slot}'s target group on the listener's load balancer.`);
            const attached = group.LoadBalancerArns ?? [];
            if (loadBalancerArn && attached.length && !attached.includes(loadBalancerArn)) {
                throw new src.ShipkitError(`${fields[slot]} is ${JSON.stringify(arn)}, which belongs to load balancer ${attached.join(', ')}, not to the listener's ${loadBalancerArn}; expected a target group of the listener's load balancer (or one not yet attached).`);
            }
        }
    }
    slotOf(arn) {
        return types_SLOT_NAMES.find((slot) => this.options.targetGroups[slot] === arn);
    }
    /** The forward action and the share (percent) of each slot, refusing a forward to a target group that is neither slot's. */
    inspect(actions) {
        const index = actions.findIndex((action) => action.Type === 'forward');
        if (index < 0) {
            throw new src.ShipkitError(`${this.description} has no forward action (its actions: ${actions.map((action) => action.Type).join(', ') || 'none'}); the alb router switches a forward action between the slots' target groups.`);
        }
        const targets = forwardTargets(actions[index]).filter((target) => target.weight > 0);
        const foreign = targets.filter((target) => !this.slotOf(target.arn));
        if (foreign.length) {
            throw new src.ShipkitError(`${this.description} forwards to ${foreign.map((target) => target.arn).join(', ')}, which is neither slot's target group (blue: ${this.options.targetGroups.blue}, green: ${this.options.targetGroups.green}); refusing to replace a forward shipkit does not own.`, { hint: `Point the ${this.options.ruleArn ? 'rule' : "listener's default action"} at one slot's target group once (or set slots.<slot>.target-group-arn to the groups it uses); shipkit moves it between the two.` });
        }
        const total = targets.reduce((sum, target) => sum + target.weight, 0);
        const shares = {};
        for (const target of targets)
            shares[this.slotOf(target.arn)] = Math.round((target.weight / total) * 100);
        return { index, shares };
    }
    async live() {
        const shares = await this.split();
        const live = types_SLOT_NAMES.filter((slot) => (shares[slot] ?? 0) > 0);
        return live.length === 1 ? live[0] : undefined;
    }
    async split() {
        return this.inspect(await this.readActions()).shares;
    }
    async route(request) {
        if (request.abort)
            return this.abort(request.slot);
        const { slot } = request;
        const weight = request.weight ?? 100;
        const before = await this.readActions();
        const { index } = this.inspect(before);
        const other = request.previous && request.previous !== slot ? request.previous : undefined;
        if (weight < 100 && !other)
            throw new src.ShipkitError(`A ${weight}% step to ${slot} needs the other slot live (the rest of the traffic stays there), and none is.`);
        const groups = weight < 100 ? [{ arn: this.options.targetGroups[other], weight: 100 - weight }, { arn: this.options.targetGroups[slot], weight }] : [{ arn: this.options.targetGroups[slot], weight: 100 }];
        const actions = before.map((action, position) => (position === index ? forwardTo(action, groups) : action));
        const wanted = weight < 100 ? { [slot]: weight, [other]: 100 - weight } : { [slot]: 100 };
        try {
            await this.writeActions(actions);
            await this.readBack(wanted);
        }
        catch (error) {
            let restored = 'its previous actions were put back';
            try {
                await this.writeActions(before);
            }
            catch (restoreError) {
                restored = `putting its previous actions back failed too (${(0,src.errorMessage)(restoreError)}); check it now`;
            }
            throw new src.ShipkitError(`Could not point ${this.description} at ${slot}${weight < 100 ? ` (${weight}%)` : ''}: ${(0,src.errorMessage)(error)}; ${restored}.`, {
                hint: `The credentials need elasticloadbalancing:${this.options.ruleArn ? 'ModifyRule and DescribeRules' : 'ModifyListener and DescribeListeners'}.`,
            });
        }
        lib_core/* info */.pq(weight < 100 ? `${this.description} now forwards ${weight}% to ${slot} and ${100 - weight}% to ${other}.` : `${this.description} now forwards to ${slot} (${this.options.targetGroups[slot]}).`);
    }
    async readBack(wanted) {
        const now = this.inspect(await this.readActions()).shares;
        const matches = types_SLOT_NAMES.every((name) => (now[name] ?? 0) === (wanted[name] ?? 0));
        if (!matches)
            throw new Error(`read back ${JSON.stringify(now)}, expected ${JSON.stringify(wanted)}`);
    }
    /**
     * All traffic to `slot` after a failed canary step: written and read back, retried (throttling,
     * a read-back that fails) until it reads back or the attempts run out — and never "restored" to
     * the split it found, which would undo the abort. A permission error stops at once.
     */
    async abort(slot) {
        const attempts = this.options.abortAttempts ?? 5;
        const problems = [];
        for (let attempt = 1; attempt <= attempts; attempt++) {
            try {
                const before = await this.readActions();
                const { index, shares } = this.inspect(before);
                if (shares[slot] === 100) {
                    lib_core/* info */.pq(`${this.description} forwards all traffic to ${slot}.`);
                    return;
                }
                await this.writeActions(before.map((action, position) => (position === index ? forwardTo(action, [{ arn: this.options.targetGroups[slot], weight: 100 }]) : action)));
                await this.readBack({ [slot]: 100 });
                lib_core/* info */.pq(`${this.description} now forwards all traffic to ${slot} (${this.options.targetGroups[slot]}).`);
                return;
            }
            catch (error) {
                problems.push(`attempt ${attempt}: ${(0,src.errorMessage)(error)}`);
                if (isPermanent(error) || isPermanent(error.cause) || attempt === attempts)
                    break;
                await (0,src.sleep)((this.options.abortDelayMs ?? 1000) * 2 ** (attempt - 1));
            }
        }
        throw new src.ShipkitError(`Could not send all traffic of ${this.description} back to ${slot}: ${problems.join('; ')}. Nothing was put back (the split it found is not restored).`, {
            hint: `The credentials need elasticloadbalancing:${this.options.ruleArn ? 'ModifyRule and DescribeRules' : 'ModifyListener and DescribeListeners'}.`,
        });
    }
}

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
            const { DefaultAzureCredential } = await __webpack_require__.e(/* import() */ 16).then(__webpack_require__.bind(__webpack_require__, 3016));
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
    const { AzureBlobStore } = await Promise.all(/* import() */[__webpack_require__.e(16), __webpack_require__.e(41), __webpack_require__.e(308)]).then(__webpack_require__.bind(__webpack_require__, 3308));
    return new AzureBlobStore(options);
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var client_ecs_dist_cjs = __webpack_require__(212);
;// CONCATENATED MODULE: ./packages/environments/src/ecs.ts




/** How the ledger keys a service: `cluster/service`. */
function ecsServiceKey(service) {
    return `${service.cluster}/${service.service}`;
}
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const CLUSTER = /^(?:[A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255})$/;
const DEFAULT_ECS_TIMEOUT = '10m';
/**
 * The ECS services of an environment (direct) or of one slot (blue-green), from the config:
 * `ecs: { cluster, service | services, task-definition, container-images, timeout }`, a slot's
 * `ecs: { service | services }` naming its own services. Every name, file and mapping is checked
 * here, before anything changes.
 */
function resolveEcsTarget(config, slotConfig, fieldPrefix, slotField, workspace) {
    if (!config)
        throw new src.ShipkitError(`${fieldPrefix}.ecs is required for target ecs: { cluster, service, task-definition, container-images }.`);
    const field = `${fieldPrefix}.ecs`;
    if (!config.cluster || !CLUSTER.test(config.cluster))
        throw (0,src.invalidInput)(`${field}.cluster`, config.cluster, 'an ECS cluster name (letters, digits, - and _) or a cluster ARN');
    const listField = slotField ? `${slotField}.ecs` : field;
    const source = slotField ? slotConfig : config;
    if (slotField && !slotConfig)
        throw new src.ShipkitError(`${slotField}.ecs is required for a blue-green ecs target: { service } (each slot runs its own service).`);
    const entries = source?.services ?? (source?.service ? [source.service] : []);
    if (!entries.length)
        throw new src.ShipkitError(`${listField} names no service: set service (or services: [...]).`);
    const seen = new Set();
    const services = entries.map((entry, index) => {
        const at = source?.services ? `${listField}.services[${index}]` : `${listField}.service`;
        const spec = typeof entry === 'string' ? { service: entry } : entry;
        if (!spec.service || !NAME.test(spec.service))
            throw (0,src.invalidInput)(typeof entry === 'string' ? at : `${at}.service`, spec.service, 'an ECS service name (letters, digits, - and _)');
        if (seen.has(spec.service))
            throw new src.ShipkitError(`${at} repeats service ${JSON.stringify(spec.service)}.`);
        seen.add(spec.service);
        const taskDefinition = spec['task-definition'] ?? config['task-definition'];
        const taskField = spec['task-definition'] !== undefined ? `${at}.task-definition` : `${field}.task-definition`;
        if (!taskDefinition)
            throw new src.ShipkitError(`${field}.task-definition is required: a task definition family, or a JSON file in the repository (e.g. deploy/api-task.json).`);
        const containerImages = spec['container-images'] ?? config['container-images'];
        const imagesField = spec['container-images'] !== undefined ? `${at}.container-images` : `${field}.container-images`;
        if (!containerImages || !Object.keys(containerImages).length)
            throw new src.ShipkitError(`${imagesField} is required: which container runs which image, e.g. { api: shop-backend } (image names as in build-images' images output).`);
        for (const [container, image] of Object.entries(containerImages)) {
            if (!NAME.test(container))
                throw (0,src.invalidInput)(`${imagesField}.${container}`, container, 'a container name of the task definition');
            if (typeof image !== 'string' || !/^[a-z0-9][a-z0-9._/-]*$/.test(image))
                throw (0,src.invalidInput)(`${imagesField}.${container}`, image, "an image name from build-images' images output (e.g. shop-backend)");
        }
        return { cluster: config.cluster, service: spec.service, taskDefinition: taskDefinitionSource(taskDefinition, taskField, workspace), containerImages, field: at };
    });
    const timeoutMs = (0,src.parseTimeout)(config.timeout ?? DEFAULT_ECS_TIMEOUT, `${field}.timeout`);
    if (timeoutMs > 6 * 3_600_000)
        throw (0,src.invalidInput)(`${field}.timeout`, config.timeout, 'a duration of at most 6h (a GitHub job runs at most 6h)');
    return { services, timeoutMs, region: config.region, endpoint: config.endpoint };
}
function taskDefinitionSource(value, field, workspace) {
    if (!value.endsWith('.json')) {
        if (!NAME.test(value))
            throw (0,src.invalidInput)(field, value, 'a task definition family (letters, digits, - and _) or a .json file in the repository');
        return { family: value };
    }
    // By real path, inside the workspace; errors never quote the file (see @shipkit/core readFileInside).
    const { file, text } = (0,src.readFileInside)(field, value, { workspace, kind: 'task definition file', expected: 'a .json file inside the repository (or RUNNER_TEMP)' });
    const definition = readTaskDefinitionFile(file, field, text);
    return { file, family: definition.family, definition };
}
function readTaskDefinitionFile(file, field, text) {
    const parsed = (0,src.parseJsonFile)(text, `${field}: ${external_node_path_default().basename(file)}`);
    const definition = parsed;
    if (!definition || typeof definition !== 'object' || typeof definition.family !== 'string' || !NAME.test(definition.family) || !Array.isArray(definition.containerDefinitions) || !definition.containerDefinitions.length) {
        throw new src.ShipkitError(`${field}: ${external_node_path_default().basename(file)} is not a task definition: expected an object with family and containerDefinitions (as \`aws ecs describe-task-definition\` prints under taskDefinition).`);
    }
    return definition;
}
/**
 * Checks an ecs deploy before anything changes: every mapped image is in `images` with a digest,
 * and every service exists (ACTIVE) in its cluster. Errors name the input or the config field.
 */
async function checkEcsTarget(target, images, client = createEcsClient(target)) {
    if (images === undefined) {
        throw new src.ShipkitError(`Input "images" is required for an ecs target: build-images' images output, whose digests the new task definition revisions run (${target.services.map((service) => service.field).join(', ')}).`, {
            hint: 'images: ${{ steps.build.outputs.images }} (or from-release, to reuse a deployed release\'s images).',
        });
    }
    for (const service of target.services)
        containerImageRefs(service, images);
    await describeEcsServices(client, target.services);
    // Every mapped container exists in the task definition each service is registered from: found here,
    // not after other services' revisions were registered.
    for (const service of target.services) {
        const base = await baseTaskDefinition(client, service);
        const containers = (base.containerDefinitions ?? []).map((container) => container.name);
        for (const container of Object.keys(service.containerImages)) {
            if (!containers.includes(container)) {
                throw new src.ShipkitError(`${service.field}: container-images names container ${JSON.stringify(container)}, but task definition ${service.taskDefinition.family} has ${containers.map((name) => JSON.stringify(name)).join(', ') || 'no containers'}.`);
            }
        }
    }
}
/** The task definition a service's new revision is registered from: its JSON file, or the family's latest ACTIVE revision. */
async function baseTaskDefinition(client, service) {
    if ('file' in service.taskDefinition)
        return service.taskDefinition.definition;
    try {
        const described = await client.send(new client_ecs_dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: service.taskDefinition.family, include: ['TAGS'] }));
        return { ...described.taskDefinition, tags: described.tags?.length ? described.tags : undefined };
    }
    catch (error) {
        throw new src.ShipkitError(`${service.field}: could not read task definition family ${service.taskDefinition.family}: ${(0,src.errorMessage)(error)}`, {
            hint: 'Register the family once (your infrastructure code), or point task-definition at a JSON file in the repository.',
        });
    }
}
function createEcsClient(target) {
    return new client_ecs_dist_cjs/* ECSClient */.Zgc({ ...(0,src.awsClientSettings)('ECS', { endpoint: target.endpoint }), ...(target.region ? { region: target.region } : {}) });
}
/**
 * The image reference of each mapped container: `<repository>@<digest>` from build-images' images
 * output — never a mutable tag. Throws (naming the field and what the output holds) when an image
 * is missing or was not pushed (no digest).
 */
function containerImageRefs(service, images, imagesField = 'images') {
    const list = Array.isArray(images) ? images : images && typeof images === 'object' ? Object.entries(images).map(([name, entry]) => ({ name, ...entry })) : [];
    const refs = {};
    for (const [container, name] of Object.entries(service.containerImages)) {
        const entry = list.find((image) => image?.name === name);
        if (!entry) {
            throw new src.ShipkitError(`${service.field}: container ${container} runs image ${JSON.stringify(name)}, but the ${imagesField} (build-images' images output) has ${list.length ? list.map((image) => JSON.stringify(image?.name)).join(', ') : 'no images'}.`, {
                hint: "Pass build-images' images output to deploy-env (images: ${{ steps.build.outputs.images }}), and name the image as in the config's images list.",
            });
        }
        if (!entry.digest || !/^sha256:[0-9a-f]{64}$/.test(entry.digest) || !entry.repository) {
            throw new src.ShipkitError(`${service.field}: image ${JSON.stringify(name)} has no digest in the ${imagesField} (it was not pushed?); services run digests, never a mutable tag.`);
        }
        refs[container] = `${entry.repository}@${entry.digest}`;
    }
    return refs;
}
/** Fields DescribeTaskDefinition returns that RegisterTaskDefinition does not take. */
const READ_ONLY = ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt'];
/** A rollout that failed or timed out; `pointedBack`: every service changed runs its previous task definition again. */
class EcsRolloutError extends src.ShipkitError {
    pointedBack = false;
}
/**
 * ECS rolled the service back by itself (the deployment circuit breaker with `rollback: true`): the
 * new deployment FAILED and ECS's own rollback deployment of `rolledBackTo` (the last COMPLETED one)
 * is stable. shipkit leaves that rollback alone.
 */
class EcsRolledBackError extends EcsRolloutError {
    service;
    rolledBackTo;
    constructor(message, service, rolledBackTo, options) {
        super(message, options);
        this.service = service;
        this.rolledBackTo = rolledBackTo;
    }
}
/** `shop-api:3` of a task definition ARN (or the name itself), and its revision. */
function taskDefinitionRevision(arn) {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const revision = Number(name.slice(name.lastIndexOf(':') + 1));
    return { name, revision: name.includes(':') && Number.isInteger(revision) ? revision : undefined };
}
/**
 * Deploys a release to every service of the target together: registers one task definition
 * revision per service whose images are the release's digests (or takes the revisions the ledger
 * knows for it), updates every service, and waits until every rollout is COMPLETED with running =
 * desired, within the timeout. When any rollout fails or times out, every service changed is
 * pointed back at the task definition it ran before (and waited for), then an EcsRolloutError says
 * which service failed, its events and its stopped tasks' reasons.
 */
async function deployEcs(options) {
    const { client, target } = options;
    const log = options.log ?? ((line) => lib_core/* info */.pq(line));
    const current = await describeEcsServices(client, target.services);
    const previous = {};
    for (const service of target.services)
        previous[ecsServiceKey(service)] = current.get(ecsServiceKey(service)).taskDefinition;
    const taskDefinitions = {};
    // Known revisions (rollback, restore) are re-pointed; the others are registered with the release's digests.
    const toRegister = target.services.filter((service) => !options.taskDefinitions?.[ecsServiceKey(service)]);
    for (const service of target.services)
        if (options.taskDefinitions?.[ecsServiceKey(service)])
            taskDefinitions[ecsServiceKey(service)] = options.taskDefinitions[ecsServiceKey(service)];
    if (toRegister.length && options.images === undefined) {
        throw new src.ShipkitError(`The ledger knows no task definition of ${options.release} for ${toRegister.map(ecsServiceKey).join(', ')}, and no images were given to register one.`, {
            hint: "Deploy the release with build-images' images output (deploy-env's images input).",
        });
    }
    // Every image resolved before anything is registered.
    const refs = new Map(toRegister.map((service) => [ecsServiceKey(service), containerImageRefs(service, options.images)]));
    for (const service of toRegister) {
        const key = ecsServiceKey(service);
        taskDefinitions[key] = await registerRevision(client, service, refs.get(key), options.release);
        log(`Registered ${taskDefinitions[key]} for ${key} (${Object.entries(refs.get(key)).map(([container, ref]) => `${container}: ${ref}`).join(', ')}).`);
    }
    const registered = toRegister.length > 0;
    const changed = [];
    try {
        for (const service of target.services) {
            const arn = taskDefinitions[ecsServiceKey(service)];
            await client.send(new client_ecs_dist_cjs/* UpdateServiceCommand */.kZr({ cluster: service.cluster, service: service.service, taskDefinition: arn }));
            changed.push(service);
            log(`Updated service ${ecsServiceKey(service)} to ${arn}.`);
        }
        await Promise.all(target.services.map((service) => waitForStable(client, service, taskDefinitions[ecsServiceKey(service)], target.timeoutMs, options.pollMs, log, options.signal)));
    }
    catch (error) {
        const back = await pointBack(client, changed, previous, target.timeoutMs, options.pollMs, log);
        const failure = new EcsRolloutError(`${(0,src.errorMessage)(error)}\n${back.message}`, { hint: error instanceof src.ShipkitError ? error.hint : undefined, cause: error });
        failure.pointedBack = back.ok;
        throw failure;
    }
    return { taskDefinitions, previous, registered };
}
/**
 * Points every service of `target` at the task definition `taskDefinitions` names for it (what it
 * ran before a change) and waits until each is stable on it; a service already stable there is left
 * alone. The undo of an ecs change, in the main step or in the post step of a cancelled one.
 */
async function pointServicesAt(client, target, taskDefinitions, pollMs, log = (line) => lib_core/* info */.pq(line)) {
    const services = target.services.filter((service) => taskDefinitions[ecsServiceKey(service)]);
    return pointBack(client, services, taskDefinitions, target.timeoutMs, pollMs, log);
}
async function pointBack(client, changed, previous, timeoutMs, pollMs, log) {
    if (!changed.length)
        return { ok: true, message: 'No service had been changed.' };
    const results = await Promise.all(changed.map(async (service) => {
        const key = ecsServiceKey(service);
        try {
            const described = (await client.send(new client_ecs_dist_cjs/* DescribeServicesCommand */.H7c({ cluster: service.cluster, services: [service.service] }))).services?.[0];
            const primary = described?.deployments?.find((deployment) => deployment.status === 'PRIMARY');
            // Already there (ECS's own rollback, or an earlier undo): update nothing, only wait until it is stable.
            if (described?.taskDefinition !== previous[key] || primary?.taskDefinition !== previous[key])
                await client.send(new client_ecs_dist_cjs/* UpdateServiceCommand */.kZr({ cluster: service.cluster, service: service.service, taskDefinition: previous[key] }));
            else
                log(`${key} already runs ${previous[key]} again (ECS's own rollback, or an earlier undo): left as it is.`);
            await waitForStable(client, service, previous[key], timeoutMs, pollMs, log);
            return { key, ok: true };
        }
        catch (error) {
            return { key, ok: false, error: (0,src.errorMessage)(error) };
        }
    }));
    const failed = results.filter((result) => !result.ok);
    if (!failed.length)
        return { ok: true, message: `Every changed service is back on its previous task definition (${changed.map((service) => `${ecsServiceKey(service)}: ${previous[ecsServiceKey(service)]}`).join(', ')}) and stable.` };
    return { ok: false, message: `Pointing back FAILED for ${failed.map((result) => `${result.key} (${result.error})`).join(', ')}; check those services now.` };
}
/** Every service, described (ACTIVE, with its task definition), by `cluster/service`; errors name the config field. */
async function describeEcsServices(client, services) {
    const found = new Map();
    const byCluster = new Map();
    for (const service of services)
        byCluster.set(service.cluster, [...(byCluster.get(service.cluster) ?? []), service]);
    for (const [cluster, all] of byCluster) {
        // DescribeServices takes at most ten services a call.
        for (let start = 0; start < all.length; start += 10) {
            const list = all.slice(start, start + 10);
            let output;
            try {
                output = await client.send(new client_ecs_dist_cjs/* DescribeServicesCommand */.H7c({ cluster, services: list.map((service) => service.service) }));
            }
            catch (error) {
                throw new src.ShipkitError(`Could not describe the ECS services ${list.map((service) => service.service).join(', ')} in cluster ${cluster}: ${(0,src.errorMessage)(error)}`, {
                    hint: 'Check the cluster and service names, the region, and that the credentials allow ecs:DescribeServices.',
                });
            }
            for (const service of list) {
                const described = output.services?.find((entry) => entry.serviceName === service.service);
                if (!described || described.status !== 'ACTIVE' || !described.taskDefinition) {
                    throw new src.ShipkitError(`${service.field}: service ${JSON.stringify(service.service)} does not exist (or is not ACTIVE) in cluster ${cluster}.`, {
                        hint: 'shipkit deploys to existing services; create the service (with your infrastructure code) first.',
                    });
                }
                const controller = described.deploymentController?.type;
                if (controller && controller !== 'ECS') {
                    throw new src.ShipkitError(`${service.field}: service ${JSON.stringify(service.service)} in cluster ${cluster} uses the ${controller} deployment controller; shipkit deploys through UpdateService, which needs the ECS (rolling update) controller.`, {
                        hint: controller === 'CODE_DEPLOY' ? 'Deploy that service with CodeDeploy, or switch it to the ECS deployment controller and let shipkit do blue-green with two services and the alb router.' : 'Services under the EXTERNAL controller are changed through task sets; give shipkit services with the ECS deployment controller.',
                    });
                }
                found.set(ecsServiceKey(service), described);
            }
        }
    }
    return found;
}
async function registerRevision(client, service, refs, release) {
    const base = await baseTaskDefinition(client, service);
    const input = { ...base };
    for (const field of READ_ONLY)
        delete input[field];
    const containers = (base.containerDefinitions ?? []).map((container) => ({ ...container }));
    for (const [name, ref] of Object.entries(refs)) {
        const container = containers.find((entry) => entry.name === name);
        if (!container)
            throw new src.ShipkitError(`${service.field}: container-images names container ${JSON.stringify(name)}, but task definition ${service.taskDefinition.family} has ${containers.map((entry) => JSON.stringify(entry.name)).join(', ') || 'no containers'}.`);
        container.image = ref;
    }
    const tags = [...(input.tags ?? []).filter((tag) => tag.key !== 'shipkit:release'), { key: 'shipkit:release', value: release.slice(0, 256) }];
    const output = await client.send(new client_ecs_dist_cjs/* RegisterTaskDefinitionCommand */.$Hl({ ...input, containerDefinitions: containers, tags }));
    const arn = output.taskDefinition?.taskDefinitionArn;
    if (!arn)
        throw new src.ShipkitError(`ECS registered no task definition for ${ecsServiceKey(service)}.`);
    return arn;
}
/**
 * Waits until the service's PRIMARY deployment runs `taskDefinition`, its rolloutState is
 * COMPLETED (or, without a rollout state, it is the only deployment) and running = desired. A
 * FAILED rollout (circuit breaker), a rollback by ECS itself, or the timeout throws with the
 * service's latest events and the stopped tasks' reasons.
 */
async function waitForStable(client, service, taskDefinition, timeoutMs, pollMs, log = (line) => lib_core/* info */.pq(line), signal) {
    const started = Date.now();
    const key = ecsServiceKey(service);
    let lastState = '';
    for (let poll = 0;; poll++) {
        if (signal?.aborted)
            throw new EcsRolloutError(`The rollout of ${taskDefinition} on ${key} was cancelled while it was being waited for.`);
        const described = (await client.send(new client_ecs_dist_cjs/* DescribeServicesCommand */.H7c({ cluster: service.cluster, services: [service.service] }))).services?.[0];
        const deployments = described?.deployments ?? [];
        const primary = deployments.find((deployment) => deployment.status === 'PRIMARY');
        const ours = deployments.find((deployment) => deployment.taskDefinition === taskDefinition);
        const state = `${primary?.taskDefinition === taskDefinition ? (primary?.rolloutState ?? 'no rollout state') : 'another deployment is primary'}, running ${primary?.runningCount ?? 0}/${primary?.desiredCount ?? '?'}`;
        if (state !== lastState)
            log(`${key}: ${state}.`);
        lastState = state;
        const failed = ours?.rolloutState === 'FAILED';
        const movedAway = !!primary && primary.taskDefinition !== taskDefinition && described?.taskDefinition !== taskDefinition;
        const ecsRollsBack = described?.deploymentConfiguration?.deploymentCircuitBreaker?.rollback === true;
        // ECS's own rollback: the breaker (rollback on) failed our deployment and ECS started a PRIMARY one
        // of the last COMPLETED task definition (ours ACTIVE and FAILED, or already drained and gone).
        if (ecsRollsBack && movedAway && (failed || !ours)) {
            const reason = (ours?.rolloutStateReason ?? failedEvent(described) ?? 'ECS deployment circuit breaker: the deployment failed').replace(/\.$/, '');
            throw await ecsRollback(client, service, described, primary.taskDefinition, taskDefinition, reason, { timeoutMs, pollMs, log, signal, started });
        }
        // Failed with rollback on but ECS has not started its rollback deployment yet: wait for it.
        if (failed && ecsRollsBack && !movedAway && Date.now() - started < timeoutMs) {
            await (0,src.sleep)(Math.min(pollMs ?? (0,src.pollDelay)(poll, 8000), Math.max(0, timeoutMs - (Date.now() - started))) || 1, signal);
            continue;
        }
        if (failed || movedAway) {
            const reason = ours?.rolloutStateReason ?? `ECS rolled service ${key} back to ${primary?.taskDefinition}`;
            throw new EcsRolloutError(`The rollout of ${taskDefinition} on ${key} failed: ${reason.replace(/\.$/, '')}.${await diagnostics(client, service, described, taskDefinition, started)}`, {
                hint: 'The stopped tasks\' reasons and the service events above usually name the cause (image pull, health checks, missing permissions, resources).',
            });
        }
        if (primary?.taskDefinition === taskDefinition && primary.runningCount === primary.desiredCount && (primary.rolloutState === 'COMPLETED' || (primary.rolloutState === undefined && deployments.length === 1))) {
            log(`${key} is stable on ${taskDefinition} (${primary.runningCount} running) after ${(0,src.formatDuration)(Date.now() - started)}.`);
            return;
        }
        if (Date.now() - started >= timeoutMs) {
            throw new EcsRolloutError(`The rollout of ${taskDefinition} on ${key} did not complete within ${(0,src.formatDuration)(timeoutMs)} (${state}).${await diagnostics(client, service, described, taskDefinition, started)}`, {
                hint: `Raise ecs.timeout (now ${(0,src.formatDuration)(timeoutMs)}) if the service needs longer to become stable.`,
            });
        }
        // 0.25 s doubling, then every 8 s (ECS rollouts take minutes; the first answers come quickly).
        await (0,src.sleep)(Math.min(pollMs ?? (0,src.pollDelay)(poll, 8000), Math.max(0, timeoutMs - (Date.now() - started))) || 1, signal);
    }
}
/** The reason of the latest "deployment ... deployment failed: <reason>" service event, as ECS words it after a circuit breaker tripped. */
function failedEvent(described) {
    const message = (described?.events ?? []).map((event) => event.message ?? '').find((text) => / deployment failed: /.test(text));
    return message ? `ECS deployment circuit breaker: ${message.slice(message.indexOf(' deployment failed: ') + ' deployment failed: '.length)}` : undefined;
}
/**
 * ECS is rolling `service` back to `rolledBackTo` by itself: waits (up to the timeout again) until
 * that rollback deployment is stable, and returns the error that says so — never an update of
 * shipkit's own over ECS's rollback.
 */
async function ecsRollback(client, service, described, rolledBackTo, taskDefinition, reason, wait) {
    const key = ecsServiceKey(service);
    const { name, revision } = taskDefinitionRevision(rolledBackTo);
    const to = `revision ${revision ?? '?'} (${name})`;
    wait.log(`${key}: ECS's deployment circuit breaker failed ${taskDefinitionRevision(taskDefinition).name} (${reason}) and ECS is rolling the service back to ${to}; waiting for that rollback.`);
    const details = await diagnostics(client, service, described, taskDefinition, wait.started);
    const hint = "ECS's own rollback (deployment circuit breaker, rollback on) put the service back on the last deployment that completed; the stopped tasks' reasons and the service events above usually name the cause of the failure.";
    try {
        await waitForStable(client, service, rolledBackTo, wait.timeoutMs, wait.pollMs, wait.log, wait.signal);
    }
    catch (error) {
        // The wait's own first line (what it waited for, how long, the state it saw); the events and stopped tasks once, below.
        return new EcsRolloutError(`ECS is rolling back ${key} to ${to} after: ${reason}, and that rollback did not become stable: ${(0,src.errorMessage)(error).split('\n')[0]}${details}`, {
            hint: `ECS's own rollback (deployment circuit breaker, rollback on) to ${to} has not become stable, so the service may be running neither release yet. Watch it in the ECS console (the events and stopped tasks above name the cause); raise ecs.timeout if it only needs longer.`,
            cause: error,
        });
    }
    return new EcsRolledBackError(`ECS rolled back ${key} to ${to}: ${reason}.${details}`, key, rolledBackTo, { hint });
}
/** The service's events since the update and its stopped tasks' reasons (up to 5 each), for a failure message. */
async function diagnostics(client, service, described, taskDefinition, since) {
    const lines = [];
    const events = (described?.events ?? []).filter((event) => !event.createdAt || event.createdAt.getTime() >= since - 60_000).slice(0, 5);
    if (events.length)
        lines.push('Service events:', ...events.map((event) => `  ${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`.trimEnd()));
    try {
        const stopped = await client.send(new client_ecs_dist_cjs/* ListTasksCommand */.MYg({ cluster: service.cluster, serviceName: service.service, desiredStatus: 'STOPPED' }));
        const arns = (stopped.taskArns ?? []).slice(0, 20);
        if (arns.length) {
            const tasks = (await client.send(new client_ecs_dist_cjs/* DescribeTasksCommand */.z8X({ cluster: service.cluster, tasks: arns }))).tasks ?? [];
            const ours = tasks.filter((task) => task.taskDefinitionArn === taskDefinition).slice(0, 5);
            if (ours.length) {
                lines.push('Stopped tasks:');
                for (const task of ours) {
                    const containers = (task.containers ?? []).filter((container) => container.reason || container.exitCode !== undefined).map((container) => `${container.name}: ${container.reason ?? `exit code ${container.exitCode}`}`);
                    lines.push(`  ${task.taskArn?.split('/').pop()}: ${task.stoppedReason ?? 'stopped'}${containers.length ? ` (${containers.join('; ')})` : ''}`);
                }
            }
        }
    }
    catch (error) {
        lines.push(`(could not list the stopped tasks: ${(0,src.errorMessage)(error)})`);
    }
    return lines.length ? `\n${lines.join('\n')}` : '';
}

;// CONCATENATED MODULE: ./packages/environments/src/google-auth.ts



/**
 * Google access tokens from Application Default Credentials, as google-github-actions/auth leaves
 * them: the JSON file named by GOOGLE_APPLICATION_CREDENTIALS (or CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE,
 * GOOGLE_GHA_CREDS_PATH), of type
 *   - `external_account` (Workload Identity Federation): the subject token is read from
 *     credential_source (a URL — GitHub's OIDC token endpoint, with its headers — or a file), exchanged
 *     at token_url (STS, RFC 8693), then, with service_account_impersonation_url, exchanged for the
 *     service account's access token (IAM Credentials generateAccessToken);
 *   - `authorized_user`: the refresh token is exchanged at token_uri (default oauth2.googleapis.com);
 *   - `service_account`: a JWT signed with the private key is exchanged at token_uri.
 * Just enough of google-auth-library for the three shapes; every token and key is registered as a
 * secret (masked in the log, redacted from everything shipkit writes) as soon as it is read, and
 * errors never quote a response body that could carry one.
 */
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const DEFAULT_TOKEN_URI = 'https://oauth2.googleapis.com/token';
const HINT = 'Authenticate first: google-github-actions/auth (workload_identity_provider and service_account) before this step; it sets GOOGLE_APPLICATION_CREDENTIALS.';
/** The credentials file's path, from the variables google-github-actions/auth sets. */
function credentialsFile(env = process.env) {
    return env.GOOGLE_APPLICATION_CREDENTIALS || env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE || env.GOOGLE_GHA_CREDS_PATH || undefined;
}
/** POSTs a token request; the answer's body is parsed, never quoted in errors (it may hold a token). */
async function tokenRequest(url, what, init) {
    let response;
    try {
        response = await fetch(url, { method: 'POST', headers: { 'content-type': init.contentType, ...(init.authorization ? { authorization: init.authorization } : {}) }, body: init.body });
    }
    catch (error) {
        throw new src.ShipkitError(`Could not reach ${what} (${url.split('?')[0]}): ${(0,src.errorMessage)(error)}`, { hint: HINT });
    }
    const text = await response.text();
    let body = {};
    try {
        body = JSON.parse(text);
    }
    catch {
        // not JSON: reported by status only
    }
    for (const key of ['access_token', 'accessToken', 'id_token'])
        if (typeof body[key] === 'string')
            (0,src.addSecret)(body[key]);
    if (!response.ok) {
        // OAuth errors are { error, error_description }; Google APIs' { error: { message, status } }. Neither carries a token.
        const error = body.error;
        const detail = typeof error === 'string' ? `${error}${typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}` : typeof error?.message === 'string' ? error.message : '';
        throw new src.ShipkitError(`${what} refused the credentials: HTTP ${response.status}${detail ? ` ${detail}` : ''}.`, { hint: HINT });
    }
    return body;
}
function expiry(body) {
    if (typeof body.expires_in === 'number')
        return Date.now() + body.expires_in * 1000;
    // expireTime is on Google's clock; the runner's may be behind (or ahead): never trust it past the
    // lifetime asked for (3600s), measured on the runner's own clock.
    if (typeof body.expireTime === 'string' && Number.isFinite(Date.parse(body.expireTime)))
        return Math.min(Date.parse(body.expireTime), Date.now() + 3_600_000);
    return Date.now() + 3_000_000;
}
async function subjectToken(source) {
    let text;
    if (source.url) {
        for (const value of Object.values(source.headers ?? {}))
            (0,src.addSecret)(value);
        let response;
        try {
            response = await fetch(source.url, { headers: source.headers ?? {} });
        }
        catch (error) {
            throw new src.ShipkitError(`Could not read the workload identity subject token from ${source.url.split('?')[0]}: ${(0,src.errorMessage)(error)}`, { hint: HINT });
        }
        text = await response.text();
        if (!response.ok)
            throw new src.ShipkitError(`The workload identity subject token URL ${source.url.split('?')[0]} answered HTTP ${response.status}.`, { hint: 'The job needs `permissions: id-token: write` for GitHub to issue an OIDC token.' });
    }
    else if (source.file) {
        try {
            text = (0,external_node_fs_.readFileSync)(source.file, 'utf8');
        }
        catch (error) {
            throw new src.ShipkitError(`Could not read the workload identity subject token file: ${(0,src.errorMessage)(error).split(':')[0]}.`, { hint: HINT });
        }
    }
    else {
        throw new src.ShipkitError('The external_account credentials have no credential_source.url or .file.', { hint: HINT });
    }
    let token = text.trim();
    if (source.format?.type === 'json') {
        const field = source.format.subject_token_field_name ?? 'value';
        try {
            token = String(JSON.parse(text)[field] ?? '');
        }
        catch {
            token = '';
        }
    }
    if (!token)
        throw new src.ShipkitError('The workload identity subject token is empty.', { hint: HINT });
    (0,src.addSecret)(token);
    return token;
}
function serviceAccountAssertion(credentials, tokenUri) {
    const now = Math.floor(Date.now() / 1000);
    const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ iss: credentials.client_email, scope: CLOUD_PLATFORM_SCOPE, aud: tokenUri, iat: now, exp: now + 3600 })}`;
    let signature;
    try {
        signature = (0,external_node_crypto_.createSign)('RSA-SHA256').update(unsigned).sign(credentials.private_key).toString('base64url');
    }
    catch {
        throw new src.ShipkitError('The service_account credentials\' private_key could not sign a token request (not a PEM private key).', { hint: HINT });
    }
    return `${unsigned}.${signature}`;
}
/** An access token for the cloud-platform scope from the credentials file (read on every call: tokens are cached by the caller). */
async function googleAccessToken(env = process.env) {
    const file = credentialsFile(env);
    if (!file)
        throw new src.ShipkitError('No Google credentials: GOOGLE_APPLICATION_CREDENTIALS is not set.', { hint: HINT });
    let credentials;
    try {
        credentials = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (error) {
        // Never the file's content: it holds keys.
        throw new src.ShipkitError(`Could not read the Google credentials file named by GOOGLE_APPLICATION_CREDENTIALS: ${error instanceof SyntaxError ? 'not JSON' : (0,src.errorMessage)(error).split(',')[0]}.`, { hint: HINT });
    }
    for (const secret of [credentials.private_key, credentials.refresh_token, credentials.client_secret])
        (0,src.addSecret)(secret);
    switch (credentials.type) {
        case 'external_account': {
            if (!credentials.token_url || !credentials.audience || !credentials.subject_token_type || !credentials.credential_source) {
                throw new src.ShipkitError('The external_account credentials lack token_url, audience, subject_token_type or credential_source.', { hint: HINT });
            }
            const subject = await subjectToken(credentials.credential_source);
            const sts = await tokenRequest(credentials.token_url, 'The security token service', {
                contentType: 'application/x-www-form-urlencoded',
                body: new URLSearchParams({
                    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
                    audience: credentials.audience,
                    scope: CLOUD_PLATFORM_SCOPE,
                    requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
                    subject_token_type: credentials.subject_token_type,
                    subject_token: subject,
                }).toString(),
            });
            if (typeof sts.access_token !== 'string')
                throw new src.ShipkitError('The security token service returned no access_token.', { hint: HINT });
            if (!credentials.service_account_impersonation_url)
                return { token: sts.access_token, expiresAt: expiry(sts) };
            const impersonated = await tokenRequest(credentials.service_account_impersonation_url, 'IAM Credentials (service account impersonation)', {
                contentType: 'application/json',
                authorization: `Bearer ${sts.access_token}`,
                body: JSON.stringify({ scope: [CLOUD_PLATFORM_SCOPE], lifetime: '3600s' }),
            });
            if (typeof impersonated.accessToken !== 'string')
                throw new src.ShipkitError('IAM Credentials returned no accessToken for the service account.', { hint: 'The workload identity pool\'s principal needs roles/iam.workloadIdentityUser on the service account.' });
            return { token: impersonated.accessToken, expiresAt: expiry(impersonated) };
        }
        case 'authorized_user': {
            if (!credentials.refresh_token || !credentials.client_id || !credentials.client_secret)
                throw new src.ShipkitError('The authorized_user credentials lack client_id, client_secret or refresh_token.', { hint: HINT });
            const body = await tokenRequest(credentials.token_uri ?? DEFAULT_TOKEN_URI, 'The Google OAuth token endpoint', {
                contentType: 'application/x-www-form-urlencoded',
                body: new URLSearchParams({ grant_type: 'refresh_token', client_id: credentials.client_id, client_secret: credentials.client_secret, refresh_token: credentials.refresh_token }).toString(),
            });
            if (typeof body.access_token !== 'string')
                throw new src.ShipkitError('The Google OAuth token endpoint returned no access_token.', { hint: HINT });
            return { token: body.access_token, expiresAt: expiry(body) };
        }
        case 'service_account': {
            if (!credentials.client_email || !credentials.private_key)
                throw new src.ShipkitError('The service_account credentials lack client_email or private_key.', { hint: HINT });
            const tokenUri = credentials.token_uri ?? DEFAULT_TOKEN_URI;
            const body = await tokenRequest(tokenUri, 'The Google OAuth token endpoint', {
                contentType: 'application/x-www-form-urlencoded',
                body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: serviceAccountAssertion(credentials, tokenUri) }).toString(),
            });
            if (typeof body.access_token !== 'string')
                throw new src.ShipkitError('The Google OAuth token endpoint returned no access_token.', { hint: HINT });
            return { token: body.access_token, expiresAt: expiry(body) };
        }
        default:
            throw new src.ShipkitError(`The Google credentials file has type ${JSON.stringify(credentials.type ?? null)}: expected external_account (workload identity federation), authorized_user or service_account.`, { hint: HINT });
    }
}

;// CONCATENATED MODULE: ./packages/environments/src/cloud-run.ts





/**
 * Google Cloud Run through the Cloud Run Admin API v2 (REST, https://run.googleapis.com/v2): the
 * service's settings, validated; a small client for services.get / services.patch, the long-running
 * operations they return, and revisions.get; and the traffic arithmetic the cloud-run target and
 * router share. Written against the REST reference rather than with @google-cloud/run: that SDK
 * (gRPC, protobufs) would add megabytes to every bundle for four calls.
 */
const CLOUD_RUN_ENDPOINT = 'https://run.googleapis.com';
const DEFAULT_CLOUD_RUN_TIMEOUT = '10m';
const ALLOCATION_REVISION = 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION';
const ALLOCATION_LATEST = 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST';
const PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const REGION = /^[a-z]+-[a-z]+\d+$/;
const SERVICE = /^[a-z](?:[a-z0-9-]{0,47}[a-z0-9])?$/;
const CONTAINER = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IMAGE_NAME = /^[a-z0-9][a-z0-9._/-]*$/;
/** `cloud-run: { project, region, service, container-images, timeout, endpoint }`, every field checked before anything changes. */
function resolveCloudRunTarget(config, fieldPrefix) {
    const field = `${fieldPrefix}.cloud-run`;
    if (!config)
        throw new src.ShipkitError(`${field} is required for target cloud-run: { project, region, service, container-images }.`);
    if (typeof config.project !== 'string' || !PROJECT.test(config.project))
        throw (0,src.invalidInput)(`${field}.project`, config.project, 'a Google Cloud project id (6-30 lower-case letters, digits and hyphens, starting with a letter)');
    if (typeof config.region !== 'string' || !REGION.test(config.region))
        throw (0,src.invalidInput)(`${field}.region`, config.region, 'a Cloud Run region such as europe-west1');
    if (typeof config.service !== 'string' || !SERVICE.test(config.service))
        throw (0,src.invalidInput)(`${field}.service`, config.service, 'a Cloud Run service name (up to 49 lower-case letters, digits and hyphens, starting with a letter)');
    const images = config['container-images'];
    if (!images || typeof images !== 'object' || !Object.keys(images).length)
        throw new src.ShipkitError(`${field}.container-images is required: which container runs which image, e.g. { app: shop-web } (image names as in build-images' images output).`);
    for (const [container, image] of Object.entries(images)) {
        if (!CONTAINER.test(container))
            throw (0,src.invalidInput)(`${field}.container-images.${container}`, container, 'a container name of the service (lower-case letters, digits and hyphens)');
        if (typeof image !== 'string' || !IMAGE_NAME.test(image))
            throw (0,src.invalidInput)(`${field}.container-images.${container}`, image, "an image name from build-images' images output (e.g. shop-web)");
    }
    const timeoutMs = (0,src.parseTimeout)(config.timeout ?? DEFAULT_CLOUD_RUN_TIMEOUT, `${field}.timeout`);
    if (timeoutMs > 6 * 3_600_000)
        throw (0,src.invalidInput)(`${field}.timeout`, config.timeout, 'a duration of at most 6h (a GitHub job runs at most 6h)');
    if (config.endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(config.endpoint))
        throw (0,src.invalidInput)(`${field}.endpoint`, config.endpoint, 'an http(s) URL');
    return { project: config.project, region: config.region, service: config.service, containerImages: images, timeoutMs, endpoint: (config.endpoint ?? CLOUD_RUN_ENDPOINT).replace(/\/+$/, ''), field };
}
/**
 * The revision a release runs as: `<service>-<release, in lower-case letters, digits and hyphens>-<6 hex
 * of the release's SHA-256>` (63 characters at most). The same release always has the same revision,
 * and two releases never share one (`v1.2.3` and `v1-2-3` differ in the hash).
 */
function revisionName(service, release) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(release).digest('hex').slice(0, 6);
    const room = 63 - service.length - 2 - hash.length;
    const slug = release.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, Math.max(0, room)).replace(/-+$/, '');
    return slug ? `${service}-${slug}-${hash}` : `${service}-${hash}`;
}
/** A revision's short name (traffic targets carry it; latestReadyRevision is the full resource name). */
function shortRevision(name) {
    return name ? name.split('/').pop() : undefined;
}
/** The service's traffic with `LATEST` entries pinned to the revision they resolve to now, so a new revision takes none of it. */
function pinnedTraffic(service) {
    const latest = shortRevision(service.latestReadyRevision);
    return (service.traffic ?? []).map((entry) => {
        const pinned = { type: ALLOCATION_REVISION, revision: entry.revision, ...(entry.percent ? { percent: entry.percent } : {}), ...(entry.tag ? { tag: entry.tag } : {}) };
        if (entry.type !== ALLOCATION_LATEST)
            return pinned;
        if (!latest)
            throw new src.ShipkitError(`Cloud Run service ${service.name ?? '?'} sends traffic to its latest revision, and has no ready revision to pin it to.`, { hint: 'Deploy a working revision once (gcloud run deploy), then let shipkit take over.' });
        return { ...pinned, revision: latest };
    });
}
/** The share (percent) of traffic each revision gets, as the service reports it (trafficStatuses; its spec when none). */
function trafficShares(service) {
    const shares = new Map();
    const entries = service.trafficStatuses?.length ? service.trafficStatuses : (service.traffic ?? []);
    for (const entry of entries) {
        const revision = entry.type === ALLOCATION_LATEST ? shortRevision(service.latestReadyRevision) : entry.revision;
        if (!revision || !entry.percent)
            continue;
        shares.set(revision, (shares.get(revision) ?? 0) + entry.percent);
    }
    return shares;
}
/** The revision a traffic tag points at (and its URL), as the service reports it. */
function taggedRevision(service, tag) {
    const status = service.trafficStatuses?.find((entry) => entry.tag === tag && entry.revision);
    const spec = service.traffic?.find((entry) => entry.tag === tag && entry.revision);
    const entry = status ?? spec;
    return entry?.revision ? { revision: entry.revision, ...(status?.uri ? { uri: status.uri } : {}) } : undefined;
}
/** Two traffic lists say the same (order, and entries of 0% without a tag, aside). */
function sameTraffic(a, b) {
    const key = (list) => list
        .filter((entry) => entry.percent || entry.tag)
        .map((entry) => `${entry.type === ALLOCATION_LATEST ? 'LATEST' : entry.revision}|${entry.percent ?? 0}|${entry.tag ?? ''}`)
        .sort()
        .join(',');
    return key(a) === key(b);
}
/** `revision: 10%, other: 90%`, for logs and errors. */
function describeShares(shares) {
    return [...shares].map(([revision, percent]) => `${revision}: ${percent}%`).join(', ') || 'no traffic';
}
/** The error Cloud Run answers with ({ error: { code, message, status } }). */
function apiError(body) {
    const error = body?.error;
    if (!error)
        return undefined;
    return [error.status, error.message].filter(Boolean).join(': ');
}
/** Cloud Run refused a services.patch (4xx, e.g. 409 ABORTED on a stale etag): nothing of it was written. */
class CloudRunRefusedError extends src.ShipkitError {
}
/** Raised while waiting when the step was cancelled. */
class CloudRunCancelledError extends src.ShipkitError {
}
/**
 * The Cloud Run Admin API v2 calls shipkit makes on one service. Tokens are cached until two
 * minutes before they expire; 429 and 5xx answers are retried with backoff.
 */
class CloudRunClient {
    target;
    options;
    serviceName;
    cached;
    log;
    constructor(target, options = {}) {
        this.target = target;
        this.options = options;
        this.serviceName = `projects/${target.project}/locations/${target.region}/services/${target.service}`;
        this.log = options.log ?? ((line) => lib_core/* info */.pq(line));
    }
    async token(fresh = false) {
        if (fresh)
            this.cached = undefined;
        if (this.cached && this.cached.expiresAt - Date.now() > 120_000)
            return this.cached.token;
        this.cached = await (this.options.token ?? (() => googleAccessToken()))();
        return this.cached.token;
    }
    /**
     * One request, retried on 429 / 5xx / network errors: `attempts` times, or, with `until` (the
     * deadline of a wait: operation polls, revision reads), as long as the wait has time left, so a
     * blip of the API while a revision starts does not fail a deploy whose change is under way. A 401
     * gets one retry with a new token: a token Google already considers expired (the runner's clock
     * behind Google's, a revoked token) is not reused until the cached expiry.
     */
    async send(method, path, what, body, until) {
        const url = `${this.target.endpoint}/v2/${path}`;
        const attempts = this.options.attempts ?? 4;
        let refreshed = false;
        const retry = async (attempt) => {
            const delay = (0,src.backoffDelay)(attempt, 250, 8000);
            if (attempt >= attempts && !(until !== undefined && Date.now() + delay < until))
                return false;
            await (0,src.sleep)(delay);
            return true;
        };
        for (let attempt = 1;; attempt++) {
            let response;
            try {
                response = await fetch(url, { method, headers: { authorization: `Bearer ${await this.token()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body !== undefined ? JSON.stringify(body) : undefined });
            }
            catch (error) {
                if (error instanceof src.ShipkitError)
                    throw error;
                if (!(await retry(attempt)))
                    throw new src.ShipkitError(`Could not reach the Cloud Run Admin API for ${what} (${method} ${url.split('?')[0]}): ${(0,src.errorMessage)(error)}`);
                continue;
            }
            const text = await response.text();
            let parsed;
            try {
                parsed = text ? JSON.parse(text) : undefined;
            }
            catch {
                parsed = text;
            }
            if (response.status === 401 && !refreshed) {
                refreshed = true;
                await this.token(true);
                attempt--;
                continue;
            }
            if ((response.status === 429 || response.status >= 500) && (await retry(attempt)))
                continue;
            return { status: response.status, body: parsed };
        }
    }
    check(response, what) {
        if (response.status >= 200 && response.status < 300)
            return;
        // Redacted before it is cut: a cut secret is no longer recognisable.
        const detail = apiError(response.body) ?? (typeof response.body === 'string' ? (0,src.redactedExcerpt)(response.body) : '');
        const hint = response.status === 401
            ? 'Google refused the access token (expired or revoked) even after a new one was fetched: re-run google-github-actions/auth in this job, and check the runner\'s clock.'
            : response.status === 403
                ? `The identity google-github-actions/auth signed in with needs roles/run.developer on ${this.serviceName} (or its project) and roles/iam.serviceAccountUser on the service's runtime service account (docs/adopt.md, Cloud Run).`
                : response.status === 404
                    ? `Check ${this.target.field}.project, .region and .service: shipkit deploys to an existing service.`
                    : response.status === 409
                        ? 'The service changed between reading and writing it (another deploy?); re-run.'
                        : undefined;
        throw new src.ShipkitError(`Cloud Run refused ${what}: HTTP ${response.status}${detail ? ` ${detail}` : ''}.`, { hint });
    }
    async getService(until) {
        const response = await this.send('GET', this.serviceName, `reading service ${this.target.service}`, undefined, until);
        this.check(response, `reading service ${this.serviceName}`);
        return response.body;
    }
    /** The revision, or undefined when there is none of that name. */
    async getRevision(revision, until) {
        const response = await this.send('GET', `${this.serviceName}/revisions/${revision}`, `reading revision ${revision}`, undefined, until);
        if (response.status === 404)
            return undefined;
        this.check(response, `reading revision ${revision}`);
        return response.body;
    }
    /**
     * services.patch with the service as read (its etag: a concurrent change is refused, not
     * overwritten) and `change` applied, then the long-running operation waited for; returns the
     * service as it is afterwards.
     */
    async patchService(service, change, what, deadline, signal) {
        const body = { ...service, ...change };
        for (const status of ['trafficStatuses', 'terminalCondition', 'conditions', 'observedGeneration', 'latestReadyRevision', 'latestCreatedRevision', 'reconciling', 'uri', 'urls', 'createTime', 'updateTime', 'generation', 'uid', 'creator', 'lastModifier'])
            delete body[status];
        const response = await this.send('PATCH', this.serviceName, what, body);
        try {
            this.check(response, what);
        }
        catch (error) {
            if (response.status >= 400 && response.status < 500 && error instanceof src.ShipkitError)
                throw new CloudRunRefusedError(error.message, { hint: error.hint, cause: error });
            throw error;
        }
        await this.waitOperation(response.body, what, deadline, signal);
        return this.getService(deadline);
    }
    /** How long to wait before poll number `poll` (the configured interval, else pollDelay up to 5 s), never past the deadline. */
    delayBefore(poll, deadline) {
        return Math.min(this.options.pollMs ?? (0,src.pollDelay)(poll, 5000), Math.max(1, deadline - Date.now()));
    }
    async waitOperation(operation, what, deadline, signal) {
        let current = operation;
        for (let poll = 0; !current.done; poll++) {
            if (signal?.aborted)
                throw new CloudRunCancelledError(`Cancelled while waiting for ${what} (operation ${current.name ?? '?'} still running).`);
            if (Date.now() >= deadline)
                throw new src.ShipkitError(`${what} did not finish within ${(0,src.formatDuration)(this.target.timeoutMs)} (operation ${current.name ?? '?'} still running).`, { hint: `Raise ${this.target.field}.timeout if the service needs longer.` });
            await (0,src.sleep)(this.delayBefore(poll, deadline), signal);
            if (signal?.aborted)
                continue;
            if (!current.name)
                throw new src.ShipkitError(`Cloud Run answered ${what} with an operation without a name.`);
            const response = await this.send('GET', current.name, `polling ${what}`, undefined, deadline);
            this.check(response, `polling ${what}`);
            current = response.body;
        }
        if (current.error)
            throw new src.ShipkitError(`${what} failed: ${current.error.message ?? `code ${current.error.code}`}.`);
    }
    /** Waits until the revision's Ready condition succeeded; its failure, or the deadline, throws with the condition's message. */
    async waitRevisionReady(revision, deadline, signal) {
        let last = '';
        for (let poll = 0;; poll++) {
            if (signal?.aborted)
                throw new CloudRunCancelledError(`Cancelled while waiting for revision ${revision} to become Ready.`);
            const described = await this.getRevision(revision, deadline);
            const ready = described?.conditions?.find((condition) => condition.type === 'Ready');
            const state = `${ready?.state ?? 'no Ready condition yet'}${ready?.message ? `: ${ready.message}` : ''}`;
            if (state !== last)
                this.log(`Revision ${revision}: ${state}.`);
            last = state;
            if (ready?.state === 'CONDITION_SUCCEEDED')
                return described;
            if (ready?.state === 'CONDITION_FAILED') {
                throw new src.ShipkitError(`Revision ${revision} did not become Ready: ${ready.message ?? ready.reason ?? 'no message'}${ready.revisionReason ? ` (${ready.revisionReason})` : ''}.`, {
                    hint: 'The revision\'s logs (Cloud Logging, resource cloud_run_revision) usually name the cause: the container did not listen on $PORT, crashed at start, or could not pull its image.',
                });
            }
            if (Date.now() >= deadline) {
                throw new src.ShipkitError(`Revision ${revision} did not become Ready within ${(0,src.formatDuration)(this.target.timeoutMs)}: ${ready?.message ?? ready?.state ?? 'no Ready condition'}.`, { hint: `Raise ${this.target.field}.timeout if the revision needs longer to start.` });
            }
            await (0,src.sleep)(this.delayBefore(poll, deadline), signal);
        }
    }
    /** Writes the traffic and reads it back; throws when the service reports otherwise. */
    async setTraffic(traffic, what, signal) {
        const service = await this.getService();
        const deadline = Date.now() + this.target.timeoutMs;
        const after = await this.patchService(service, { traffic }, what, deadline, signal);
        const reported = after.trafficStatuses?.length ? after.trafficStatuses : (after.traffic ?? []);
        if (!sameTraffic(reported, traffic))
            throw new src.ShipkitError(`${what}: the service reports traffic ${describeShares(trafficShares(after))}, not what was written.`);
        return after;
    }
}
/** The image references of the release for each mapped container (`<repository>@<digest>`, never a tag). */
function cloudRunImageRefs(target, images) {
    return containerImageRefs({ containerImages: target.containerImages, field: target.field }, images);
}
/**
 * The release's revision, Ready: when it exists (an earlier deploy of the release), it is checked to
 * run the release's digests and reused — nothing is created; otherwise the service's template is
 * patched with the containers' images pinned to the digests and the revision's name, and its traffic
 * pinned as it is (so the new revision takes none), and both the operation and the revision's Ready
 * condition are waited for within the timeout.
 */
async function ensureRevision(client, release, images, signal) {
    const target = client.target;
    const revision = revisionName(target.service, release);
    const deadline = Date.now() + target.timeoutMs;
    const existing = await client.getRevision(revision);
    const refs = images === undefined ? undefined : cloudRunImageRefs(target, images);
    if (existing) {
        if (refs) {
            const off = Object.entries(refs).filter(([container, ref]) => existing.containers?.find((entry) => entry.name === container)?.image !== ref);
            if (off.length) {
                throw new src.ShipkitError(`Revision ${revision} of ${target.service} exists and runs ${off.map(([container]) => `${container}: ${existing.containers?.find((entry) => entry.name === container)?.image ?? 'nothing'}`).join(', ')}, not release ${release}'s ${off.map(([container, ref]) => `${container}: ${ref}`).join(', ')}.`, {
                    hint: 'A release name always means the same images: build a new release (a new tag or commit) instead.',
                });
            }
        }
        client.log(`Revision ${revision} of ${release} exists already: reused, nothing created.`);
        await client.waitRevisionReady(revision, deadline, signal);
        return { revision, created: false };
    }
    if (!refs) {
        throw new src.ShipkitError(`Cloud Run service ${target.service} has no revision ${revision} for release ${release}, and no images were given to create one.`, {
            hint: "Deploy the release with build-images' images output (deploy-env's images input).",
        });
    }
    const service = await client.getService();
    const containers = (service.template?.containers ?? []).map((container) => ({ ...container }));
    for (const [name, ref] of Object.entries(refs)) {
        const container = containers.find((entry) => entry.name === name);
        if (!container)
            throw new src.ShipkitError(`${target.field}.container-images names container ${JSON.stringify(name)}, but service ${target.service} has ${containers.map((entry) => JSON.stringify(entry.name ?? '')).join(', ') || 'no containers'}.`);
        container.image = ref;
    }
    const traffic = pinnedTraffic(service);
    client.log(`Creating revision ${revision} of ${target.service} (${Object.entries(refs).map(([container, ref]) => `${container}: ${ref}`).join(', ')}); traffic stays ${describeShares(trafficShares(service))}.`);
    try {
        await client.patchService(service, { template: { ...service.template, revision, containers }, traffic }, `the update of service ${target.service} to revision ${revision}`, deadline, signal);
    }
    catch (error) {
        if (error instanceof CloudRunCancelledError)
            throw error;
        // The operation failed or ran out of time: the revision's Ready condition says why.
        const ready = (await client.getRevision(revision).catch(() => undefined))?.conditions?.find((condition) => condition.type === 'Ready');
        if (!ready?.message || (0,src.errorMessage)(error).includes(ready.message))
            throw error;
        throw new src.ShipkitError(`${(0,src.errorMessage)(error).replace(/\.$/, '')}; revision ${revision} is not Ready (${ready.state ?? '?'}): ${ready.message}`, { hint: error instanceof src.ShipkitError ? error.hint : undefined, cause: error });
    }
    await client.waitRevisionReady(revision, deadline, signal);
    return { revision, created: true };
}
/** Checks a cloud-run change before anything is written: the service exists and is readable; for a deploy, every mapped image has a digest and every mapped container exists. */
async function checkCloudRunTarget(client, images, deploy) {
    const target = client.target;
    if (deploy) {
        if (images === undefined) {
            throw new src.ShipkitError(`Input "images" is required for a cloud-run target: build-images' images output, whose digests the new revision runs (${target.field}).`, {
                hint: 'images: ${{ steps.build.outputs.images }} (or from-release, to reuse a deployed release\'s images).',
            });
        }
        cloudRunImageRefs(target, images);
    }
    const service = await client.getService();
    if (deploy) {
        const containers = (service.template?.containers ?? []).map((container) => container.name ?? '');
        for (const container of Object.keys(target.containerImages)) {
            if (!containers.includes(container))
                throw new src.ShipkitError(`${target.field}.container-images names container ${JSON.stringify(container)}, but service ${target.service} has ${containers.map((name) => JSON.stringify(name)).join(', ') || 'no containers'}.`);
        }
    }
    return service;
}

;// CONCATENATED MODULE: ./packages/environments/src/resolve.ts









const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const APP_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const DEFAULT_RETENTION = 10;
const DEFAULT_KEEP_ROLLBACK = 3;
/** An environment's retention settings from its config field (a number, or { keep, keep-rollback }). */
function retentionSettings(field) {
    if (typeof field === 'number')
        return { keep: field, keepRollback: DEFAULT_KEEP_ROLLBACK };
    return { keep: field?.keep ?? DEFAULT_RETENTION, keepRollback: field?.['keep-rollback'] ?? DEFAULT_KEEP_ROLLBACK };
}
/** A command spec as an argument list; a single string is one program or script path, never a shell line. */
function commandList(spec, field) {
    if (spec === undefined)
        return undefined;
    const args = typeof spec === 'string' ? [spec] : [...spec];
    if (!args.length || !args[0]?.trim()) {
        throw new src.ShipkitError(`${field} is empty: expected a program and its arguments, e.g. ["./deploy/deploy.sh", "--wait"].`);
    }
    return args;
}
/**
 * Resolves environment `name` from the config (when there is one) merged with `inputs`.
 * Every problem is reported before anything is changed, naming the field or input.
 */
function resolveEnvironment(loaded, name, inputs = {}, workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()) {
    if (!ENVIRONMENT_NAME.test(name))
        throw (0,src.invalidInput)('environment', name, 'an environment name of letters, digits, "_" and "-"');
    const config = loaded?.config;
    // Own properties only: `constructor` or `toString` are not environments.
    const defined = config?.environments && Object.hasOwn(config.environments, name) ? config.environments[name] : undefined;
    if (loaded && !defined && !inputs.target) {
        const known = Object.keys(config?.environments ?? {});
        throw new src.ShipkitError(`Input "environment" has an invalid value ${JSON.stringify(name)}: expected one of the environments in ${loaded.file} (${known.length ? known.join(', ') : 'none defined'}).`, {
            hint: 'Define it under `environments:` in the config file, or give its settings as inputs (target, bucket, ...).',
        });
    }
    checkPreviewTemplates(loaded);
    let fromFile = defined ?? {};
    if (fromFile.preview) {
        if (!inputs.preview) {
            throw new src.ShipkitError(`Environment ${JSON.stringify(name)} is a preview template (preview: true): it is deployed for a pull request, whose number fills {pr}; this run is not for one.`, {
                hint: 'Run it on a pull_request event (see .github/workflows/pipeline-preview.yml), or give remove-preview the pr input.',
            });
        }
        const target = inputs.preview;
        fromFile = { ...fromFile, s3: fromFile.s3 ? { ...fromFile.s3, prefix: expandPreview(fromFile.s3.prefix ?? '', target) } : undefined, url: fromFile.url ? expandPreview(fromFile.url, target) : undefined };
    }
    const where = (field) => (loaded ? `${loaded.file}: environments.${name}.${field}` : `input "${field}"`);
    const app = inputs.app || config?.app;
    if (!app)
        throw new src.ShipkitError('No app name: set `app:` in the config file or the "app" input.');
    if (!APP_NAME.test(app))
        throw (0,src.invalidInput)('app', app, 'lowercase letters, digits, ".", "_" and "-"');
    const stateText = inputs.state || config?.state;
    if (!stateText) {
        throw new src.ShipkitError(`Environment ${JSON.stringify(name)} has no state store: set \`state: s3://bucket/prefix\` in the config file or the "state" input.`, {
            hint: 'The state store keeps the environment ledger and the release store.',
        });
    }
    const state = parseStateLocation(stateText, 'state');
    const target = inputs.target ?? fromFile.target;
    if (!target)
        throw new src.ShipkitError(`Environment ${JSON.stringify(name)} has no target: set environments.${name}.target (s3, command, ecs or cloud-run) or the "target" input.`);
    const strategy = inputs.strategy ?? fromFile.strategy ?? 'direct';
    let s3 = fromFile.s3 ? { ...fromFile.s3 } : undefined;
    if (inputs.bucket)
        s3 = { ...s3, bucket: inputs.bucket };
    if (inputs.prefix !== undefined && inputs.prefix !== '' && s3)
        s3.prefix = inputs.prefix;
    if (s3 && !BUCKET.test(s3.bucket) && !(0,src.isAzureBucket)(s3.bucket))
        throw (0,src.invalidInput)(inputs.bucket ? 'bucket' : `environments.${name}.s3.bucket`, s3.bucket, 'an S3 bucket name (3-63 lowercase letters, digits, "." and "-") or an Azure Blob <account>/<container>');
    const slots = fromFile.slots ? { blue: { ...fromFile.slots.blue }, green: { ...fromFile.slots.green } } : undefined;
    const deploy = inputs.deploy?.length ? inputs.deploy : commandList(fromFile.deploy, where('deploy'));
    const fileRetention = retentionSettings(fromFile.retention);
    const retention = inputs.retention ?? fileRetention.keep;
    const retentionFor = {};
    for (const [other, definition] of Object.entries(config?.environments ?? {}))
        retentionFor[other] = retentionSettings(definition.retention);
    retentionFor[name] = { keep: retention, keepRollback: fileRetention.keepRollback };
    if (!Number.isInteger(retention) || retention < 1)
        throw (0,src.invalidInput)('retention', retention, 'a whole number of releases, at least 1');
    if (strategy === 'blue-green' && !slots) {
        throw new src.ShipkitError(`Environment ${JSON.stringify(name)} uses strategy blue-green but defines no slots: set environments.${name}.slots.blue and .green.`);
    }
    // No two locations of the app may overlap: an install with deletions into one would remove the
    // other's files (a slot inside the other slot, an environment inside the state store or the CDN).
    const locations = [['s3', s3], ['slots.blue.s3', slots?.blue.s3], ['slots.green.s3', slots?.green.s3]];
    const overrides = { state };
    if (s3)
        overrides[`environments.${name}.s3`] = s3;
    const all = configLocations(loaded, overrides).map((location) => location.field === `environments.${name}.s3` && (inputs.bucket || inputs.prefix) ? { ...location, field: inputs.bucket ? 'input "bucket"' : 'input "prefix"' } : location);
    checkNoOverlap(all, loaded?.file);
    // Installs are server-side copies from the release store: both must be reachable through one S3
    // endpoint, or be in one Azure storage account (Copy Blob within an account needs no SAS).
    for (const [field, location] of locations) {
        if (!location)
            continue;
        const [here, store] = [(0,src.parseAzureBucket)(location.bucket), (0,src.parseAzureBucket)(state.bucket)];
        if (!!here !== !!store || (here && store && here.account !== store.account)) {
            throw new src.ShipkitError(`Environment ${JSON.stringify(name)}: ${field} (${(0,src.storeUrl)(location.bucket)}) is ${here ? `in Azure storage account ${here.account}` : 'on S3'}, but the state store (${(0,src.storeUrl)(state.bucket, state.prefix)}) is ${store ? `in Azure storage account ${store.account}` : 'on S3'}.`, { hint: 'Releases are installed by server-side copy from the release store: keep the state store and the install locations on one service (one S3 endpoint, or one Azure storage account).' });
        }
        if (location.endpoint && location.endpoint !== config?.aws?.endpoint) {
            throw new src.ShipkitError(`Environment ${JSON.stringify(name)}: ${field}.endpoint (${location.endpoint}) differs from the state store's endpoint (${config?.aws?.endpoint ?? 'the AWS default'}).`, {
                hint: 'Releases are installed by server-side copy from the release store, which only works within one S3 service; set aws.endpoint instead.',
            });
        }
    }
    let ecs;
    // The ECS services, when the environment names them (the ecs target requires them: @shipkit/targets).
    if (fromFile.ecs) {
        const prefix = `${loaded?.file ? `${loaded.file}: ` : ''}environments.${name}`;
        const ecsConfig = fromFile.ecs ? { ...fromFile.ecs, region: fromFile.ecs.region ?? config?.aws?.region } : undefined;
        ecs =
            strategy === 'blue-green'
                ? { slots: { blue: resolveEcsTarget(ecsConfig, slots?.blue.ecs, prefix, `${prefix}.slots.blue`, workspace), green: resolveEcsTarget(ecsConfig, slots?.green.ecs, prefix, `${prefix}.slots.green`, workspace) } }
                : { direct: resolveEcsTarget(ecsConfig, undefined, prefix, undefined, workspace) };
        if (ecs.slots) {
            const shared = ecs.slots.blue.services.filter((service) => ecs.slots.green.services.some((other) => other.cluster === service.cluster && other.service === service.service));
            if (shared.length)
                throw new src.ShipkitError(`${prefix}.slots.blue.ecs and .slots.green.ecs share service ${shared.map((service) => service.service).join(', ')}: each slot needs its own (a deploy into the idle slot would change the live one).`);
        }
    }
    // The Cloud Run service, when the environment names it (the cloud-run target requires it: @shipkit/targets).
    const cloudRun = fromFile['cloud-run'] ? resolveCloudRunTarget(fromFile['cloud-run'], `${loaded?.file ? `${loaded.file}: ` : ''}environments.${name}`) : undefined;
    const lockTimeoutMs = inputs.lockTimeoutMs ?? (config?.lock?.timeout !== undefined ? (0,src.parseDuration)(config.lock.timeout, `${loaded?.file ?? 'config'}: lock.timeout`) : DEFAULT_LOCK_TIMEOUT_MS);
    const lockExpiryMs = config?.lock?.expiry !== undefined ? (0,src.parseDuration)(config.lock.expiry, `${loaded?.file ?? 'config'}: lock.expiry`) : DEFAULT_LEASE_EXPIRY_MS;
    if (lockExpiryMs < 5000 || lockExpiryMs > 24 * 3_600_000)
        throw (0,src.invalidInput)(`${loaded?.file ?? 'config'}: lock.expiry`, config?.lock?.expiry, 'a duration from 5s to 24h');
    if (lockTimeoutMs > 24 * 3_600_000)
        throw (0,src.invalidInput)('lock-timeout', lockTimeoutMs, 'a duration of at most 24h');
    const url = inputs.url || fromFile.url;
    if (url)
        (0,src.checkHttpUrl)(inputs.url ? 'url' : `${loaded?.file ? `${loaded.file}: ` : ''}environments.${name}.url`, url);
    for (const slot of ['blue', 'green']) {
        const slotUrlValue = slots?.[slot].url;
        if (slotUrlValue)
            (0,src.checkHttpUrl)(`${loaded?.file ? `${loaded.file}: ` : ''}environments.${name}.slots.${slot}.url`, slotUrlValue);
    }
    return {
        name: fromFile.preview && inputs.preview ? previewName(name, inputs.preview.pr) : name,
        ...(fromFile.preview && inputs.preview ? { preview: { template: name, ...inputs.preview } } : {}),
        app,
        state,
        target,
        ...(ecs ? { ecs } : {}),
        ...(cloudRun ? { cloudRun } : {}),
        ...(fromFile.kubernetes ? { kubernetes: fromFile.kubernetes } : {}),
        strategy,
        s3,
        slots,
        router: fromFile.router,
        url: inputs.url || fromFile.url,
        deploy,
        preDeploy: commandList(fromFile['pre-deploy'], where('pre-deploy')),
        postDeploy: commandList(fromFile['post-deploy'], where('post-deploy')),
        env: { ...fromFile.env },
        retention,
        keepRollback: fileRetention.keepRollback,
        retentionFor,
        lock: { timeoutMs: lockTimeoutMs, expiryMs: lockExpiryMs },
        restoreOnFailure: fromFile['restore-on-failure'] ?? false,
        prune: fromFile.prune ?? 'owned',
        adopt: fromFile.adopt ?? false,
        azureCdn: fromFile['azure-cdn'] ? azureCdnTarget(fromFile['azure-cdn']) : undefined,
        cdn: fromFile.cdn ? { distributionId: fromFile.cdn['distribution-id'], invalidate: fromFile.cdn.invalidate, wait: fromFile.cdn.wait ?? true, endpoint: fromFile.cdn.endpoint } : undefined,
        cacheControl: fromFile['cache-control'] === undefined ? [] : parseCacheControlRules([fromFile['cache-control']].flat().join('\n'), where('cache-control')),
        aws: { region: config?.aws?.region, endpoint: config?.aws?.endpoint, forcePathStyle: config?.aws?.['force-path-style'] },
        file: loaded?.file,
        workspace: external_node_path_default().resolve(workspace),
    };
}
/** Where a release is installed: the environment's bucket (direct) or the slot's (blue-green). */
/** The ECS services an install goes to: the slot's (blue-green) or the environment's. */
function ecsTargetOf(env, slot) {
    const target = slot ? env.ecs?.slots?.[slot] : env.ecs?.direct;
    if (!target)
        throw new src.ShipkitError(`Environment ${JSON.stringify(env.name)} has no ECS services${slot ? ` for slot ${slot}` : ''}.`);
    return target;
}
function installLocation(env, slot) {
    const location = slot ? env.slots?.[slot]?.s3 : env.s3;
    if (!location)
        throw new src.ShipkitError(`Environment ${JSON.stringify(env.name)} has no S3 location${slot ? ` for slot ${slot}` : ''}.`);
    return location;
}
/** The URL to test a slot at (blue-green), else the environment's URL. */
function slotUrl(env, slot) {
    return slot ? env.slots?.[slot]?.url : env.url;
}

;// CONCATENATED MODULE: ./packages/routers/src/app-service.ts





/** App Service ARM API version of the calls below. */
const APP_SERVICE_API_VERSION = '2023-12-01';
/**
 * The app setting that says which shipkit slot (blue or green) an App Service slot runs. It is not
 * a slot setting, so it travels with the content on every swap: production's value is the live slot.
 */
const SLOT_SETTING = 'SHIPKIT_SLOT';
/**
 * Blue-green on Azure App Service: production and one deployment slot. A release is deployed into
 * the deployment slot (the idle one); a switch swaps it with production (optionally with preview)
 * and reads back that production now runs the slot asked for. Which shipkit slot each App Service
 * slot runs is the app setting SHIPKIT_SLOT, which the swap carries along. A swap that fails leaves
 * production as it was (a swap with preview is reset); one that reports success but leaves
 * production on another slot fails the switch, naming what runs. Restoring after a later failure
 * (the switch's checks) is a swap back, through route() again.
 */
class AppServiceRouter {
    options;
    type = 'app-service-slots';
    description;
    weighted = false;
    weightedRefusal;
    constructor(options) {
        this.options = options;
        this.description = `App Service ${options.app} (production <-> ${options.slot})`;
        this.weightedRefusal = `a slot swap moves all of ${options.app}'s traffic at once; App Service's own traffic routing (a percentage to the ${options.slot} slot) is not driven by shipkit yet. Use steps 100, or the alb or nginx router in front of two slots`;
    }
    site(slot) {
        const { subscription, resourceGroup, app } = this.options;
        return `/subscriptions/${encodeURIComponent(subscription)}/resourceGroups/${encodeURIComponent(resourceGroup)}/providers/Microsoft.Web/sites/${encodeURIComponent(app)}${slot ? `/slots/${encodeURIComponent(slot)}` : ''}`;
    }
    async settings(slot) {
        const what = `reading the app settings of ${this.options.app}${slot ? ` slot ${slot}` : ''}`;
        const response = await this.options.arm.send('POST', `${this.site(slot)}/config/appsettings/list?api-version=${APP_SERVICE_API_VERSION}`);
        this.options.arm.check(response, what);
        return (response.body?.properties ?? {});
    }
    async tag(slot) {
        return tagOf(await this.settings(slot));
    }
    async live() {
        return this.tag(undefined);
    }
    async swap(what) {
        await this.options.arm.run('POST', `${this.site(this.options.slot)}/slotsswap?api-version=${APP_SERVICE_API_VERSION}`, { targetSlot: 'production', preserveVnet: true }, what);
    }
    async route(request) {
        if (request.weight !== undefined && request.weight < 100)
            throw new src.ShipkitError(`The app-service-slots router cannot send ${request.weight}%: ${this.weightedRefusal}.`);
        const { app, slot: stagingSlot, preview } = this.options;
        const target = request.slot;
        const [liveSettings, idleSettings] = await Promise.all([this.settings(undefined), this.settings(stagingSlot)]);
        const [live, idle] = [tagOf(liveSettings), tagOf(idleSettings)];
        if (live === target) {
            lib_core/* info */.pq(`${app}: production already runs ${target}; nothing to swap.`);
            return;
        }
        if (idle !== target) {
            // The release of `target` was deployed into the deployment slot; say so in its settings so the swap carries it.
            lib_core/* info */.pq(`${app} slot ${stagingSlot} is marked ${idle ?? 'nothing'}; marking it ${target} (the release deployed there) before the swap.`);
            const response = await this.options.arm.send('PUT', `${this.site(stagingSlot)}/config/appsettings?api-version=${APP_SERVICE_API_VERSION}`, { properties: { ...idleSettings, [SLOT_SETTING]: target } });
            this.options.arm.check(response, `marking ${app} slot ${stagingSlot} as ${target}`);
        }
        if (preview) {
            // Phase one of a swap with preview: the deployment slot restarts with production's slot settings...
            await this.options.arm.run('POST', `${this.site(stagingSlot)}/applySlotConfig?api-version=${APP_SERVICE_API_VERSION}`, { targetSlot: 'production', preserveVnet: true }, `applying production's settings to ${app} slot ${stagingSlot} (swap with preview)`);
            // ...and is checked running with them (the switch's slot checks) before any visitor moves; a failure resets it.
            if (request.beforeTraffic) {
                try {
                    await request.beforeTraffic();
                }
                catch (error) {
                    const reset = await this.options.arm
                        .run('POST', `${this.site(stagingSlot)}/resetSlotConfig?api-version=${APP_SERVICE_API_VERSION}`, undefined, `resetting ${app} slot ${stagingSlot}'s settings after its failed check`)
                        .then(() => 'its settings were reset', (resetError) => `resetting its settings FAILED too (${(0,src.errorMessage)(resetError)}): run az webapp deployment slot swap --action reset`);
                    throw new src.ShipkitError(`Swap with preview stopped before the swap: ${app} slot ${stagingSlot} failed its checks with production's settings applied (${(0,src.errorMessage)(error)}); ${reset}, production still runs ${live ?? 'what it ran'}.`, {
                        hint: 'Fix the release (or the settings it needs) and deploy again; production was not touched.',
                        cause: error,
                    });
                }
            }
        }
        try {
            await this.swap(`the swap of ${app} slot ${stagingSlot} into production`);
        }
        catch (error) {
            // Still running at the timeout: never reset or swap back mid-swap (it would land anyway); read production back.
            if (error instanceof ArmOperationTimeoutError)
                return this.stillRunning(error, target);
            if (preview) {
                await this.options.arm
                    .run('POST', `${this.site(stagingSlot)}/resetSlotConfig?api-version=${APP_SERVICE_API_VERSION}`, undefined, `resetting ${app} slot ${stagingSlot}'s settings after the failed swap`)
                    .catch((reset) => lib_core/* warning */.$e((0,src.errorMessage)(reset)));
            }
            throw error;
        }
        // Read back: the swap must have put `target` in production. Swapping again blindly could move
        // traffic when the first swap did nothing, so a mismatch fails and says where things stand.
        const now = await this.tag(undefined);
        if (now !== target) {
            throw new src.ShipkitError(`The swap of ${app} slot ${stagingSlot} into production reported success, but production runs ${now ?? 'an unmarked slot'}, not ${target}${now === live ? ' (nothing moved)' : ''}.`, {
                hint: `Another swap of ${app} may have run at the same time (Azure portal, az webapp deployment slot swap): check ${app}'s deployment slots, then run blue-green-switch again.`,
            });
        }
        lib_core/* info */.pq(`${app}: production now runs ${target} (swapped from slot ${stagingSlot}${preview ? ', with preview' : ''}).`);
    }
    /**
     * The swap is still running when the switch stops waiting. App Service finishes it on its own, so
     * it is neither reset (swap with preview) nor swapped back: production is read back. Running
     * `target` already: the switch is done (a warning says the operation had not ended). Otherwise a
     * RouteStillRunningError says what production runs now, for the caller to record.
     */
    async stillRunning(timeout, target) {
        const { app, slot } = this.options;
        const still = `The swap of ${app} slot ${slot} into production is still running after ${(0,src.formatDuration)(timeout.timeoutMs)}`;
        const hint = `App Service finishes the swap on its own. Once it has ended (${app}'s deployment slots in the Azure portal, or az webapp deployment slot list), run blue-green-switch again: it reads which slot production runs and records it. Raise router.timeout if swaps of ${app} take longer.`;
        let now;
        try {
            now = await this.tag(undefined);
        }
        catch (error) {
            throw new types_RouteStillRunningError(`${still}; it was not reset or undone, and production could not be read back (${(0,src.errorMessage)(error)}).`, undefined, { hint, cause: timeout });
        }
        if (now === target) {
            lib_core/* warning */.$e(`${still}, but production already runs ${target} (read back): the switch is done. Azure operation ${timeout.operation} had not reported its end.`);
            return;
        }
        throw new types_RouteStillRunningError(`${still}; it was not reset or undone. Production runs ${now ?? 'an unmarked slot'} (read back now), not ${target}: the swap may still land.`, now, { hint, cause: timeout });
    }
}
/** Which shipkit slot a set of app settings marks (SHIPKIT_SLOT), if any. */
function tagOf(settings) {
    const value = settings[SLOT_SETTING];
    return types_SLOT_NAMES.includes(value) ? value : undefined;
}

;// CONCATENATED MODULE: ./packages/routers/src/cloud-run.ts




/**
 * Blue-green on one Cloud Run service: each slot is a traffic tag (`blue`, `green`) that the
 * cloud-run target points at the revision of the release the slot holds. A switch sends 100% of
 * traffic to the slot's revision (both tags kept, so both slots keep their URLs); a canary step sends
 * `weight`% to it and the rest to the other slot's revision. The change is waited for (the service's
 * operation) and read back from trafficStatuses; if it did not take, the previous traffic is written
 * back and the switch fails.
 */
class CloudRunRouter {
    options;
    type = 'cloud-run';
    description;
    weighted = true;
    constructor(options) {
        this.options = options;
        this.description = `Cloud Run service ${options.client.serviceName}`;
    }
    slotRevisions(service) {
        const revisions = {};
        for (const slot of types_SLOT_NAMES) {
            const tagged = taggedRevision(service, slot)?.revision;
            if (tagged)
                revisions[slot] = tagged;
        }
        return revisions;
    }
    sharesOf(service) {
        const revisions = this.slotRevisions(service);
        const all = trafficShares(service);
        const shares = {};
        const foreign = new Map(all);
        for (const slot of types_SLOT_NAMES) {
            const revision = revisions[slot];
            if (!revision || !all.has(revision))
                continue;
            shares[slot] = all.get(revision);
            foreign.delete(revision);
        }
        return { shares, foreign };
    }
    async live() {
        const shares = await this.split();
        const live = types_SLOT_NAMES.filter((slot) => (shares[slot] ?? 0) > 0);
        return live.length === 1 && shares[live[0]] === 100 ? live[0] : undefined;
    }
    async split() {
        return this.sharesOf(await this.read()).shares;
    }
    async validate() {
        await this.read();
    }
    async read() {
        try {
            return await this.options.client.getService();
        }
        catch (error) {
            throw new src.ShipkitError(`Could not read ${this.description}: ${(0,src.errorMessage)(error)}`, { hint: error instanceof src.ShipkitError ? error.hint : undefined });
        }
    }
    async route(request) {
        const { slot } = request;
        const weight = request.weight ?? 100;
        const service = await this.read();
        const revisions = this.slotRevisions(service);
        const revision = revisions[slot];
        if (!revision)
            throw new src.ShipkitError(`Slot ${slot} of ${this.options.environment} holds no revision: ${this.description} has no traffic tag ${slot}. Deploy into the slot first (deploy-env).`);
        const other = request.previous && request.previous !== slot ? request.previous : undefined;
        if (weight < 100 && (!other || !revisions[other]))
            throw new src.ShipkitError(`A ${weight}% step to ${slot} needs the other slot live (the rest of the traffic stays there), and none is.`);
        const { foreign } = this.sharesOf(service);
        // Traffic on a revision neither slot holds: only the first switch (nothing live in the ledger) may take it over.
        if (foreign.size && request.previous) {
            throw new src.ShipkitError(`${this.description} sends traffic to ${describeShares(foreign)}, which neither slot's tag points at; refusing to replace traffic shipkit does not own.`, {
                hint: `Someone changed the traffic by hand: send it back to a slot's revision (gcloud run services update-traffic ${this.options.client.target.service} --to-tags=${request.previous}=100), then switch again.`,
            });
        }
        const before = pinnedTraffic(service);
        // Both slot tags stay (each slot keeps its URL); tags shipkit does not own stay at 0%.
        const traffic = [
            { type: ALLOCATION_REVISION, revision, percent: weight, tag: slot },
            ...types_SLOT_NAMES.filter((name) => name !== slot && revisions[name]).map((name) => ({ type: ALLOCATION_REVISION, revision: revisions[name], ...(name === other && weight < 100 ? { percent: 100 - weight } : {}), tag: name })),
            ...before.filter((entry) => entry.tag && !types_SLOT_NAMES.includes(entry.tag)).map((entry) => ({ type: ALLOCATION_REVISION, revision: entry.revision, tag: entry.tag })),
        ];
        if (foreign.size)
            lib_core/* info */.pq(`${this.description} sent ${describeShares(foreign)} to revisions neither slot holds (its traffic before shipkit's first switch); it moves to slot ${slot}.`);
        try {
            await this.options.client.setTraffic(traffic, `moving ${weight}% of ${this.options.client.target.service}'s traffic to slot ${slot} (${revision})`);
        }
        catch (error) {
            let restored = 'its previous traffic was put back';
            // A refused write changed nothing; what the service has now may be someone else's change (a
            // 409 on a stale etag): writing the traffic read before over it would silently undo it.
            if (error instanceof CloudRunRefusedError)
                restored = 'nothing was written, the service\'s traffic is as Cloud Run has it';
            else
                try {
                    await this.options.client.setTraffic(before, `restoring the traffic of ${this.options.client.target.service}`);
                }
                catch (restoreError) {
                    restored = `putting its previous traffic back failed too (${(0,src.errorMessage)(restoreError)}); check it now`;
                }
            throw new src.ShipkitError(`Could not point ${this.description} at ${slot}${weight < 100 ? ` (${weight}%)` : ''}: ${(0,src.errorMessage)(error)}; ${restored}.`, {
                hint: error instanceof src.ShipkitError ? error.hint : undefined,
            });
        }
        lib_core/* info */.pq(weight < 100 ? `${this.description} now sends ${weight}% to ${slot} (${revision}) and ${100 - weight}% to ${other} (${revisions[other]}).` : `${this.description} now sends all traffic to ${slot} (${revision}).`);
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/environments/src/kubernetes.ts








/** The kubeconfig files: `KUBECONFIG` (a list, like kubectl: the first file defining a name wins), else ~/.kube/config. */
function kubeconfigFiles(env = process.env) {
    const list = (env.KUBECONFIG ?? '').split((external_node_path_default()).delimiter).filter(Boolean);
    return list.length ? list : [external_node_path_default().join(env.HOME ?? external_node_os_default().homedir(), '.kube', 'config')];
}
function readKubeconfigs(files) {
    const merged = { contexts: [], clusters: [], users: [], current: undefined };
    const dirs = new Map();
    let found = 0;
    for (const file of files) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch {
            continue;
        }
        found++;
        let parsed;
        try {
            parsed = (dist.parse(text) ?? {});
        }
        catch (error) {
            // The YAML error quotes no value of the file (it may hold a token): only where it is.
            throw new src.ShipkitError(`The kubeconfig ${file} is not valid YAML (${(0,src.errorMessage)(error).split('\n')[0]?.replace(/:.*$/, '')}).`);
        }
        merged.current ??= parsed['current-context'] || undefined;
        for (const kind of ['contexts', 'clusters', 'users']) {
            for (const entry of parsed[kind] ?? []) {
                if (!entry?.name || merged[kind].some((known) => known.name === entry.name))
                    continue;
                merged[kind].push(entry);
                dirs.set(entry, external_node_path_default().dirname(file));
            }
        }
    }
    if (!found) {
        throw new src.ShipkitError(`No kubeconfig found (looked at ${files.join(', ')}).`, {
            hint: 'Set up cluster credentials before this step (azure/aks-set-context, google-github-actions/get-gke-credentials, `aws eks update-kubeconfig`, or a kubeconfig from a secret written to a file named by KUBECONFIG).',
        });
    }
    return { config: merged, dirs };
}
const data = (value) => (typeof value === 'string' && value ? Buffer.from(value, 'base64') : undefined);
/**
 * The connection of the kubeconfig context `context` (default: current-context), or of the context
 * whose cluster's server is `server`. `field` names the config field in errors.
 */
async function loadKubeconfig(options) {
    const files = kubeconfigFiles(options.env);
    const { config, dirs } = readKubeconfigs(files);
    const clusterOf = (name) => config.clusters.find((cluster) => cluster.name === name);
    let context;
    if (options.server) {
        const server = options.server.replace(/\/+$/, '');
        context = config.contexts.find((candidate) => String(clusterOf(candidate.context?.cluster)?.cluster?.server ?? '').replace(/\/+$/, '') === server);
        if (!context) {
            throw new src.ShipkitError(`${options.field}.server has an invalid value ${JSON.stringify(options.server)}: expected the server of a cluster in the kubeconfig (${config.clusters.map((cluster) => String(cluster.cluster?.server ?? '?')).join(', ') || 'none'}).`);
        }
    }
    else {
        const name = options.context ?? config.current;
        if (!name)
            throw new src.ShipkitError(`The kubeconfig (${files.join(', ')}) has no current-context: set ${options.field}.context.`);
        context = config.contexts.find((candidate) => candidate.name === name);
        if (!context) {
            throw new src.ShipkitError(`${options.context ? `${options.field}.context has an invalid value ${JSON.stringify(name)}` : `The kubeconfig's current-context ${JSON.stringify(name)} is not defined`}: expected one of the kubeconfig's contexts (${config.contexts.map((candidate) => candidate.name).join(', ') || 'none'}).`);
        }
    }
    const clusterEntry = clusterOf(context.context?.cluster);
    if (!clusterEntry?.cluster?.server)
        throw new src.ShipkitError(`The kubeconfig context ${JSON.stringify(context.name)} names cluster ${JSON.stringify(context.context?.cluster)}, which the kubeconfig does not define (or it has no server).`);
    const cluster = clusterEntry.cluster;
    const userEntry = config.users.find((user) => user.name === context.context?.user);
    const user = userEntry?.user ?? {};
    const fileOf = (owner, value) => (typeof value === 'string' && value ? (0,external_node_fs_.readFileSync)(external_node_path_default().resolve(dirs.get(owner) ?? '.', value)) : undefined);
    const connection = {
        server: String(cluster.server).replace(/\/+$/, ''),
        context: context.name,
        ca: data(cluster['certificate-authority-data']) ?? fileOf(clusterEntry, cluster['certificate-authority']),
        insecure: cluster['insecure-skip-tls-verify'] === true,
        tlsServerName: typeof cluster['tls-server-name'] === 'string' ? cluster['tls-server-name'] : undefined,
        cert: data(user['client-certificate-data']) ?? fileOf(userEntry, user['client-certificate']),
        key: data(user['client-key-data']) ?? fileOf(userEntry, user['client-key']),
    };
    if (typeof user.token === 'string' && user.token)
        connection.token = user.token;
    else if (typeof user.tokenFile === 'string' && user.tokenFile)
        connection.token = fileOf(userEntry, user.tokenFile).toString('utf8').trim();
    if (typeof user.username === 'string' && typeof user.password === 'string') {
        (0,src.addSecret)(user.password);
        connection.basic = Buffer.from(`${user.username}:${user.password}`).toString('base64');
    }
    if (user.exec && typeof user.exec === 'object')
        Object.assign(connection, await execCredential(user.exec, context.name));
    if (connection.token)
        (0,src.addSecret)(connection.token);
    if (connection.basic)
        (0,src.addSecret)(connection.basic);
    if (connection.key)
        (0,src.addSecret)(connection.key.toString('utf8'));
    return connection;
}
/** Runs the kubeconfig's exec credential plugin (argument array, output never echoed) and takes its token or client certificate. */
async function execCredential(config, context) {
    if (!config.command)
        throw new src.ShipkitError(`The kubeconfig context ${JSON.stringify(context)} has an exec credential plugin without a command.`);
    const env = { KUBERNETES_EXEC_INFO: JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', spec: { interactive: false } }) };
    for (const entry of config.env ?? [])
        env[entry.name] = entry.value;
    const result = await (0,src.exec)(config.command, config.args ?? [], { env, silent: true, label: `the kubeconfig's credential plugin ${external_node_path_default().basename(config.command)}` });
    let status;
    try {
        status = JSON.parse(result.stdout).status;
    }
    catch {
        throw new src.ShipkitError(`The kubeconfig's credential plugin ${external_node_path_default().basename(config.command)} printed no ExecCredential JSON.`);
    }
    if (status?.token)
        (0,src.addSecret)(status.token);
    if (status?.clientKeyData)
        (0,src.addSecret)(status.clientKeyData);
    return {
        ...(status?.token ? { token: status.token } : {}),
        ...(status?.clientCertificateData ? { cert: Buffer.from(status.clientCertificateData) } : {}),
        ...(status?.clientKeyData ? { key: Buffer.from(status.clientKeyData) } : {}),
    };
}
/** An answer of the API server that is not a success; `status` is the HTTP status. */
class KubeApiError extends src.ShipkitError {
    status;
    reason;
    constructor(message, status, reason) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.name = 'KubeApiError';
    }
}
/** The API of one cluster: requests, discovery, server-side apply, reads. */
class KubeClient {
    connection;
    agent;
    discovered = new Map();
    constructor(connection) {
        this.connection = connection;
        const url = new URL(connection.server);
        this.agent =
            url.protocol === 'https:'
                ? new (external_node_https_default()).Agent({ keepAlive: true, ca: connection.ca, cert: connection.cert, key: connection.key, rejectUnauthorized: !connection.insecure, servername: connection.tlsServerName })
                : new (external_node_http_default()).Agent({ keepAlive: true });
    }
    close() {
        this.agent.destroy();
    }
    /** One request; JSON answers parsed; a non-2xx answer throws KubeApiError with the server's message (never a credential). */
    async request(method, apiPath, body, contentType = 'application/json') {
        const url = new URL(this.connection.server + apiPath);
        const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
        const headers = { accept: 'application/json', 'user-agent': 'shipkit' };
        if (payload) {
            headers['content-type'] = contentType;
            headers['content-length'] = String(payload.length);
        }
        if (this.connection.token)
            headers.authorization = `Bearer ${this.connection.token}`;
        else if (this.connection.basic)
            headers.authorization = `Basic ${this.connection.basic}`;
        const client = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
        const answer = await new Promise((resolve, reject) => {
            const req = client.request(url, { method, headers, agent: this.agent, timeout: 60_000 }, (res) => {
                const chunks = [];
                res.on('data', (chunk) => chunks.push(chunk));
                res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
                res.on('error', reject);
            });
            req.on('timeout', () => req.destroy(new Error('no answer within 60s')));
            req.on('error', (error) => reject(new src.ShipkitError(`Could not reach the Kubernetes API at ${this.connection.server} (context ${this.connection.context}): ${(0,src.errorMessage)(error)}`)));
            req.end(payload);
        });
        let parsed;
        try {
            parsed = answer.text ? JSON.parse(answer.text) : undefined;
        }
        catch {
            parsed = undefined;
        }
        if (answer.status >= 200 && answer.status < 300)
            return parsed;
        const status = parsed;
        throw new KubeApiError(`${method} ${url.pathname} answered ${answer.status}${status?.reason ? ` ${status.reason}` : ''}: ${status?.message ?? (0,src.redactedExcerpt)(answer.text)}`, answer.status, status?.reason);
    }
    /** The resource (plural name, namespaced) of a kind, from the API's discovery document of its group version. */
    async resourceOf(apiVersion, kind) {
        const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
        let resources = this.discovered.get(base);
        if (!resources) {
            resources = this.request('GET', base).then((list) => (list?.resources ?? []).filter((resource) => !resource.name.includes('/')));
            this.discovered.set(base, resources);
            resources.catch(() => this.discovered.delete(base));
        }
        let found;
        try {
            found = (await resources).find((resource) => resource.kind === kind);
        }
        catch (error) {
            if (error instanceof KubeApiError && error.status === 404)
                found = undefined;
            else
                throw error;
        }
        if (!found)
            throw new src.ShipkitError(`The cluster does not serve ${kind} (${apiVersion}): is its CustomResourceDefinition installed?`);
        return found;
    }
    async pathOf(object, namespace) {
        const resource = await this.resourceOf(object.apiVersion, object.kind);
        const base = object.apiVersion.includes('/') ? `/apis/${object.apiVersion}` : `/api/${object.apiVersion}`;
        const ns = resource.namespaced ? `/namespaces/${encodeURIComponent(object.metadata.namespace ?? namespace ?? 'default')}` : '';
        return `${base}${ns}/${resource.name}${object.metadata.name ? `/${encodeURIComponent(object.metadata.name)}` : ''}`;
    }
    /** Server-side apply with field manager `shipkit`; `force` takes over fields another manager (kubectl, a former pipeline) owned. */
    async apply(object, force = true) {
        const where = await this.pathOf(object);
        return this.request('PATCH', `${where}?fieldManager=shipkit${force ? '&force=true' : ''}`, object, 'application/apply-patch+yaml');
    }
    async get(object) {
        try {
            return await this.request('GET', await this.pathOf(object));
        }
        catch (error) {
            if (error instanceof KubeApiError && error.status === 404)
                return undefined;
            throw error;
        }
    }
    async list(apiVersion, kind, namespace, query = {}) {
        const where = await this.pathOf({ apiVersion, kind, metadata: { namespace } });
        const search = new URLSearchParams(query).toString();
        const answer = await this.request('GET', `${where}${search ? `?${search}` : ''}`);
        return answer?.items ?? [];
    }
}
/** The workloads whose rollouts a deploy waits for. */
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
function isWorkload(object) {
    return object.apiVersion === 'apps/v1' && WORKLOAD_KINDS.has(object.kind);
}
/** Where a workload's rollout stands: done, failed (with the reason), or progressing (with a line for the log). */
function rolloutStatus(object) {
    const spec = (object.spec ?? {});
    const status = (object.status ?? {});
    const generation = object.metadata.generation ?? 0;
    const observed = Number(status.observedGeneration ?? 0);
    const name = `${object.kind.toLowerCase()}/${object.metadata.name}`;
    if (observed < generation)
        return { done: false, progress: `${name}: waiting for the controller to observe generation ${generation}` };
    const num = (key) => Number(status[key] ?? 0);
    if (object.kind === 'Deployment') {
        const progressing = (status.conditions ?? []).find((condition) => condition.type === 'Progressing');
        if (progressing?.reason === 'ProgressDeadlineExceeded')
            return { done: false, failed: `${name} exceeded its progress deadline: ${progressing.message ?? 'no message'}`, progress: '' };
        const want = spec.replicas ?? 1;
        const line = `${name}: ${num('updatedReplicas')}/${want} updated, ${num('availableReplicas')} available, ${num('replicas')} total`;
        return { done: num('updatedReplicas') >= want && num('replicas') <= num('updatedReplicas') && num('availableReplicas') >= num('updatedReplicas'), progress: line };
    }
    if (object.kind === 'StatefulSet') {
        const want = spec.replicas ?? 1;
        const line = `${name}: ${num('updatedReplicas')}/${want} updated, ${num('readyReplicas')} ready`;
        if (spec.updateStrategy?.type === 'OnDelete')
            return { done: true, progress: line };
        const revisions = status.updateRevision === undefined || status.currentRevision === status.updateRevision;
        return { done: num('updatedReplicas') >= want && num('readyReplicas') >= want && revisions, progress: line };
    }
    // DaemonSet
    const want = num('desiredNumberScheduled');
    const line = `${name}: ${num('updatedNumberScheduled')}/${want} updated, ${num('numberAvailable')} available`;
    return { done: num('updatedNumberScheduled') >= want && num('numberAvailable') >= want, progress: line };
}
/** Why a workload's pods do not run, as the cluster tells it: waiting and terminated reasons, then Warning events. */
async function podReasons(client, workload, namespace) {
    const reasons = [];
    const selector = (workload.spec?.selector?.matchLabels) ?? {};
    const labelSelector = Object.entries(selector).map(([key, value]) => `${key}=${value}`).join(',');
    try {
        const pods = labelSelector ? await client.list('v1', 'Pod', namespace, { labelSelector }) : [];
        for (const pod of pods.slice(0, 10)) {
            const statuses = (pod.status?.containerStatuses) ?? [];
            for (const container of statuses) {
                for (const [state, detail] of Object.entries(container.state ?? {})) {
                    if (state === 'running' || !detail?.reason)
                        continue;
                    reasons.push(`pod ${pod.metadata.name} container ${container.name}: ${detail.reason}${detail.message ? ` (${detail.message})` : ''}`);
                }
            }
            const events = await client.list('v1', 'Event', namespace, { fieldSelector: `involvedObject.name=${pod.metadata.name}` });
            for (const event of events.filter((item) => item.type === 'Warning').slice(-3))
                reasons.push(`pod ${pod.metadata.name} event ${String(event.reason)}: ${String(event.message ?? '')}`);
        }
    }
    catch (error) {
        reasons.push(`(the pods could not be read: ${(0,src.errorMessage)(error)})`);
    }
    return reasons;
}
/**
 * Waits until every workload's rollout is complete (observedGeneration, updated and available
 * replicas), or fails at the first ProgressDeadlineExceeded, at `timeoutMs`, or when `signal`
 * aborts — with the pods' reasons in the error.
 */
async function waitForRollouts(client, workloads, namespace, timeoutMs, options = {}) {
    const log = options.log ?? ((line) => lib_core/* info */.pq(line));
    const started = Date.now();
    const pending = new Map(workloads.map((workload) => [`${workload.kind}/${workload.metadata.name}`, workload]));
    const last = new Map();
    let poll = 0;
    const fail = async (workload, why) => {
        const reasons = await podReasons(client, workload, namespace);
        throw new src.ShipkitError(`The rollout of ${workload.kind.toLowerCase()}/${workload.metadata.name} in namespace ${namespace} failed: ${why}${reasons.length ? `\nPods:\n${reasons.map((reason) => `  ${reason}`).join('\n')}` : ''}`);
    };
    while (pending.size) {
        for (const [key, workload] of [...pending]) {
            const now = await client.get(workload);
            if (!now)
                await fail(workload, 'it does not exist any more');
            const status = rolloutStatus(now);
            if (status.failed)
                await fail(now, status.failed);
            if (status.done) {
                log(`${key.toLowerCase()} rolled out (${status.progress.replace(/^[^:]*: /, '')}).`);
                pending.delete(key);
            }
            else if (last.get(key) !== status.progress) {
                log(status.progress);
                last.set(key, status.progress);
            }
        }
        if (!pending.size)
            return;
        if (options.signal?.aborted)
            throw options.signal.reason instanceof Error ? options.signal.reason : new src.ShipkitError('Cancelled while waiting for the rollouts.');
        if (Date.now() - started >= timeoutMs) {
            const [first] = pending.values();
            await fail(first, `not complete after ${(0,src.formatDuration)(timeoutMs)} (${[...pending.keys()].map((key) => last.get(key) ?? key).join('; ')})`);
        }
        const wait = options.pollMs ?? (0,src.pollDelay)(poll++, 5000);
        await (0,src.sleep)(Math.max(1, Math.min(wait, timeoutMs - (Date.now() - started))), options.signal);
    }
}

;// CONCATENATED MODULE: ./packages/routers/src/k8s-service.ts



const DEFAULT_SLOT_LABEL = 'shipkit.dev/slot';
/**
 * Blue-green on Kubernetes: each slot runs its own workloads, whose pods carry the slot label
 * (`shipkit.dev/slot: blue|green`); the Service's selector names the live slot. A switch patches
 * that one selector key (JSON merge patch: the rest of the selector and the Service are left as
 * they are) and reads the Service back. A Service splits traffic by ready pods only, so this router
 * is not weighted: canary steps need the gateway-api router.
 */
class K8sServiceRouter {
    options;
    type = 'k8s-service';
    weighted = false;
    weightedRefusal = 'a Kubernetes Service selects one slot at a time (it cannot split traffic by weight); use steps [100] or a router that can split traffic';
    description;
    client;
    constructor(options) {
        this.options = options;
        this.description = `k8s-service ${options.namespace}/${options.service} (selector ${options.slotLabel})`;
        if (options.client)
            this.client = Promise.resolve(options.client);
    }
    api() {
        this.client ??= loadKubeconfig({ context: this.options.context, server: this.options.server, field: this.options.field }).then((connection) => new KubeClient(connection));
        return this.client;
    }
    ref() {
        return { apiVersion: 'v1', kind: 'Service', metadata: { name: this.options.service, namespace: this.options.namespace } };
    }
    async read() {
        const service = await (await this.api()).get(this.ref());
        if (!service) {
            throw new src.ShipkitError(`${this.options.field}: Service ${this.options.service} does not exist in namespace ${this.options.namespace}.`, {
                hint: `Create it once (in your base manifests or by hand) with a selector that includes ${this.options.slotLabel}: blue.`,
            });
        }
        return service;
    }
    selectorOf(service) {
        return service.spec?.selector;
    }
    async validate() {
        const service = await this.read();
        if (!this.selectorOf(service))
            throw new src.ShipkitError(`${this.options.field}: Service ${this.options.service} in namespace ${this.options.namespace} has no selector; the router moves its ${this.options.slotLabel} selector label.`);
    }
    async live() {
        const value = this.selectorOf(await this.read())?.[this.options.slotLabel];
        return value === 'blue' || value === 'green' ? value : undefined;
    }
    async split() {
        const live = await this.live();
        return live ? { [live]: 100 } : undefined;
    }
    async route(request) {
        if (request.weight !== undefined && request.weight !== 100)
            throw new src.ShipkitError(`The k8s-service router cannot send ${request.weight}% of traffic to slot ${request.slot}: ${this.weightedRefusal}.`);
        const api = await this.api();
        const before = this.selectorOf(await this.read())?.[this.options.slotLabel];
        const where = `/api/v1/namespaces/${encodeURIComponent(this.options.namespace)}/services/${encodeURIComponent(this.options.service)}`;
        const point = (slot) => api.request('PATCH', `${where}?fieldManager=shipkit`, { spec: { selector: { [this.options.slotLabel]: slot } } }, 'application/merge-patch+json');
        try {
            await point(request.slot);
            const now = this.selectorOf(await this.read())?.[this.options.slotLabel];
            if (now !== request.slot)
                throw new src.ShipkitError(`Service ${this.options.service} selects ${this.options.slotLabel}=${now ?? '(none)'} after the switch, not ${request.slot}.`);
            lib_core/* info */.pq(`Service ${this.options.namespace}/${this.options.service} now selects ${this.options.slotLabel}=${request.slot} (was ${before ?? 'unset'}).`);
        }
        catch (error) {
            // Put the selector back as it was, then fail.
            try {
                if (before !== request.slot)
                    await point(before ?? null);
            }
            catch (restoreError) {
                lib_core/* error */.z3(`Could not put the selector of Service ${this.options.service} back to ${before ?? 'unset'}: ${(0,src.errorMessage)(restoreError)}`);
            }
            throw error instanceof src.ShipkitError ? error : new src.ShipkitError(`Could not switch Service ${this.options.service} to slot ${request.slot}: ${(0,src.errorMessage)(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/routers/src/gateway-api.ts



const SLOTS = ['blue', 'green'];
/**
 * Weighted traffic on Kubernetes through the Gateway API: one rule of an HTTPRoute sends traffic to
 * the blue and the green slot's Services by `backendRefs[].weight`. A flip is weights 100/0; a canary
 * step is w/100-w. Before anything changes, the Gateway API (its CRDs) must be served, the route must
 * exist and the rule's backendRefs must be exactly the two slots' Services. Every change is read
 * back; a failed one puts the rules back as they were.
 */
class GatewayApiRouter {
    options;
    type = 'gateway-api';
    weighted = true;
    description;
    client;
    constructor(options) {
        this.options = options;
        this.description = `gateway-api HTTPRoute ${options.namespace}/${options.route} rule ${options.rule}`;
    }
    api() {
        this.client ??= loadKubeconfig({ context: this.options.context, server: this.options.server, field: this.options.field }).then((connection) => new KubeClient(connection));
        return this.client;
    }
    async read() {
        const api = await this.api();
        try {
            await api.resourceOf('gateway.networking.k8s.io/v1', 'HTTPRoute');
        }
        catch (error) {
            throw new src.ShipkitError(`${this.options.field}: the cluster does not serve the Gateway API (HTTPRoute, gateway.networking.k8s.io/v1): ${(0,src.errorMessage)(error)}`, {
                hint: 'Install the Gateway API CRDs (standard channel) and a Gateway controller, or use the k8s-service router.',
            });
        }
        const route = await api.get({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: this.options.route, namespace: this.options.namespace } });
        if (!route)
            throw new src.ShipkitError(`${this.options.field}.route: HTTPRoute ${this.options.route} does not exist in namespace ${this.options.namespace}.`);
        const rules = ((route.spec?.rules) ?? []);
        const rule = rules[this.options.rule];
        if (!rule)
            throw new src.ShipkitError(`${this.options.field}.rule: HTTPRoute ${this.options.route} has ${rules.length} rule(s); there is no rule ${this.options.rule}.`);
        const refs = rule.backendRefs ?? [];
        const names = refs.map((ref) => ref.name).sort();
        const expected = SLOTS.map((slot) => this.options.backends[slot]).sort();
        if (JSON.stringify(names) !== JSON.stringify(expected)) {
            throw new src.ShipkitError(`${this.options.field}: rule ${this.options.rule} of HTTPRoute ${this.options.route} sends traffic to ${names.join(', ') || 'no backend'}; the router needs exactly the slots' Services ${expected.join(' and ')} there.`, {
                hint: 'List both slot Services as backendRefs of that rule (the idle one with weight: 0).',
            });
        }
        return { route, rules, refs };
    }
    async validate() {
        await this.read();
    }
    async split() {
        const { refs } = await this.read();
        const weight = (slot) => refs.find((ref) => ref.name === this.options.backends[slot])?.weight ?? 1;
        const total = weight('blue') + weight('green');
        if (!total)
            return undefined;
        return { blue: Math.round((weight('blue') * 100) / total), green: Math.round((weight('green') * 100) / total) };
    }
    async live() {
        const split = await this.split();
        if (!split)
            return undefined;
        if (split.blue === split.green)
            return undefined;
        return (split.blue ?? 0) > (split.green ?? 0) ? 'blue' : 'green';
    }
    async write(rules) {
        const api = await this.api();
        const where = `/apis/gateway.networking.k8s.io/v1/namespaces/${encodeURIComponent(this.options.namespace)}/httproutes/${encodeURIComponent(this.options.route)}`;
        // A JSON merge patch replaces the rules list as a whole: every rule is written back as read.
        await api.request('PATCH', `${where}?fieldManager=shipkit`, { spec: { rules } }, 'application/merge-patch+json');
    }
    async route(request) {
        const weight = request.weight ?? 100;
        if (!Number.isInteger(weight) || weight < 0 || weight > 100)
            throw new src.ShipkitError(`The gateway-api router was asked for weight ${weight}: expected a whole percentage 0-100.`);
        const { rules } = await this.read();
        const other = request.slot === 'blue' ? 'green' : 'blue';
        const next = structuredClone(rules);
        const want = { [this.options.backends[request.slot]]: weight, [this.options.backends[other]]: 100 - weight };
        next[this.options.rule].backendRefs = next[this.options.rule].backendRefs.map((ref) => ({ ...ref, weight: want[ref.name] }));
        try {
            await this.write(next);
            const split = await this.split();
            if (split?.[request.slot] !== weight)
                throw new src.ShipkitError(`HTTPRoute ${this.options.route} sends ${split?.[request.slot] ?? '?'}% to slot ${request.slot} after the change, not ${weight}%.`);
            lib_core/* info */.pq(`HTTPRoute ${this.options.namespace}/${this.options.route} sends ${weight}% to ${request.slot} (${this.options.backends[request.slot]}) and ${100 - weight}% to ${other} (${this.options.backends[other]}).`);
        }
        catch (error) {
            try {
                await this.write(rules);
            }
            catch (restoreError) {
                lib_core/* error */.z3(`Could not put the rules of HTTPRoute ${this.options.route} back: ${(0,src.errorMessage)(restoreError)}`);
            }
            throw error instanceof src.ShipkitError ? error : new src.ShipkitError(`Could not change HTTPRoute ${this.options.route}: ${(0,src.errorMessage)(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/routers/src/factory.ts













/**
 * The router of a blue-green environment, from its config. Every problem with the router's
 * settings is reported here, before any traffic moves.
 */
function factory_createRouter(env, dependencies = {}) {
    const router = env.router;
    const field = (name) => `${env.file ? `${env.file}: ` : ''}environments.${env.name}.${name}`;
    if (env.strategy !== 'blue-green' || !env.slots) {
        throw new src.ShipkitError(`Environment ${JSON.stringify(env.name)} uses strategy ${env.strategy}; switching traffic needs strategy blue-green with two slots.`, {
            hint: `Set environments.${env.name}.strategy: blue-green, slots.blue/green and a router in ${env.file ?? '.github/shipkit.yml'}.`,
        });
    }
    if (!router)
        throw new src.ShipkitError(`Environment ${JSON.stringify(env.name)} has no router: set ${field('router')} (type nginx, cloudfront, command, alb, app-service-slots, cloud-run, k8s-service or gateway-api).`);
    const slots = env.slots;
    switch (router.type) {
        case 'nginx': {
            if (!router.include)
                throw new src.ShipkitError(`${field('router.include')} is required for the nginx router: the include file shipkit owns, e.g. /etc/nginx/shipkit/${env.name}.conf.`);
            for (const slot of ['blue', 'green']) {
                const upstream = slots[slot].upstream;
                if (!upstream)
                    throw new src.ShipkitError(`${field(`slots.${slot}.upstream`)} is required for the nginx router: the slot's address, e.g. 10.0.1.5:8080.`);
                validateUpstream(upstream, field(`slots.${slot}.upstream`));
            }
            return new NginxRouter({
                environment: env.name,
                include: router.include,
                upstreams: { blue: slots.blue.upstream, green: slots.green.upstream },
                test: commandList(router.test, field('router.test')) ?? [...DEFAULT_NGINX_TEST],
                reload: commandList(router.reload, field('router.reload')) ?? [...DEFAULT_NGINX_RELOAD],
                pidFile: router['pid-file'],
                reloadTimeoutMs: router['reload-timeout'] !== undefined ? (0,src.parseTimeout)(router['reload-timeout'], field('router.reload-timeout')) : undefined,
            });
        }
        case 'cloudfront': {
            const distributionId = router['distribution-id'];
            if (!distributionId)
                throw new src.ShipkitError(`${field('router.distribution-id')} is required for the cloudfront router.`);
            for (const slot of ['blue', 'green']) {
                if (!slots[slot].origin)
                    throw new src.ShipkitError(`${field(`slots.${slot}.origin`)} is required for the cloudfront router: the id of the slot's origin in distribution ${distributionId}.`);
            }
            const invalidate = dependencies.invalidatePaths ?? invalidatePaths;
            const client = dependencies.cloudfrontClient ?? createCloudFrontClient({ endpoint: router.endpoint });
            return new CloudFrontRouter({
                environment: env.name,
                client,
                distributionId,
                origins: { blue: slots.blue.origin, green: slots.green.origin },
                invalidatePaths: router.invalidate,
                // The router waits for Deployed and Completed itself, within its own timeout.
                invalidate: async (paths) => ({ ids: (await invalidate(client, distributionId, paths, { wait: false })).invalidations.map((entry) => entry.id) }),
                wait: router.wait ?? true,
                behaviors: router.behaviors,
                waitTimeoutMs: router.timeout !== undefined ? (0,src.parseTimeout)(router.timeout, field('router.timeout')) : undefined,
                pollIntervalMs: dependencies.pollIntervalMs,
            });
        }
        case 'command': {
            const command = commandList(router.switch, field('router.switch'));
            if (!command)
                throw new src.ShipkitError(`${field('router.switch')} is required for the command router: the program (and arguments) that moves traffic.`);
            return new CommandRouter({
                environment: env.name,
                app: env.app,
                url: env.url,
                command,
                cwd: env.workspace,
                env: env.env,
                slotUrls: { blue: slots.blue.url, green: slots.green.url },
                slotEnv: { blue: slots.blue.env, green: slots.green.env },
                weighted: router.weighted,
            });
        }
        case 'alb': {
            const listenerArn = validateArn(router['listener-arn'], LISTENER_ARN, field('router.listener-arn'), 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2');
            const ruleArn = router['rule-arn'] === undefined ? undefined : validateArn(router['rule-arn'], RULE_ARN, field('router.rule-arn'), 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee');
            if (ruleArn && !ruleArn.replace(':listener-rule/', ':listener/').startsWith(`${listenerArn}/`)) {
                throw new src.ShipkitError(`${field('router.rule-arn')} ${JSON.stringify(ruleArn)} is not a rule of ${field('router.listener-arn')} ${JSON.stringify(listenerArn)}.`);
            }
            const groups = {};
            for (const slot of ['blue', 'green']) {
                groups[slot] = validateArn(slots[slot]['target-group-arn'], TARGET_GROUP_ARN, field(`slots.${slot}.target-group-arn`), 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-blue/73e2d6bc24d8a067');
            }
            if (groups.blue === groups.green)
                throw new src.ShipkitError(`${field('slots.blue.target-group-arn')} and ${field('slots.green.target-group-arn')} are the same target group ${groups.blue}: each slot needs its own.`);
            return new AlbRouter({
                environment: env.name,
                client: dependencies.elbv2Client ?? createElbv2Client({ region: env.aws.region, endpoint: router.endpoint }),
                listenerArn,
                ruleArn,
                targetGroups: groups,
                targetGroupFields: { blue: field('slots.blue.target-group-arn'), green: field('slots.green.target-group-arn') },
            });
        }
        case 'app-service-slots': {
            const required = (name) => {
                const value = router[name];
                if (!value)
                    throw new src.ShipkitError(`${field(`router.${name}`)} is required for the app-service-slots router.`);
                return value;
            };
            return new AppServiceRouter({
                environment: env.name,
                arm: dependencies.armClient ??
                    new ArmClient({
                        endpoint: router['arm-endpoint'],
                        log: (line) => lib_core/* info */.pq(line),
                        pollIntervalMs: dependencies.pollIntervalMs,
                        // How long a switch waits for the swap; past it the router reads production back (never resets mid-swap).
                        timeoutMs: router.timeout !== undefined ? (0,src.parseTimeout)(router.timeout, field('router.timeout')) : undefined,
                    }),
                subscription: required('subscription'),
                resourceGroup: required('resource-group'),
                app: required('app'),
                slot: router.slot ?? 'staging',
                preview: router.preview ?? false,
            });
        }
        case 'cloud-run': {
            if (!env.cloudRun)
                throw new src.ShipkitError(`${field('cloud-run')} is required for the cloud-run router: { project, region, service, container-images } (the slots are traffic tags of that service).`);
            return new CloudRunRouter({ environment: env.name, client: dependencies.cloudRunClient ?? new CloudRunClient(env.cloudRun, { pollMs: dependencies.pollIntervalMs }) });
        }
        case 'k8s-service': {
            if (!router.service)
                throw new src.ShipkitError(`${field('router.service')} is required for the k8s-service router: the Service whose selector moves between the slots.`);
            if (!env.kubernetes?.namespace)
                throw new src.ShipkitError(`${field('kubernetes.namespace')} is required for the k8s-service router: the namespace of Service ${router.service}.`);
            return new K8sServiceRouter({
                environment: env.name,
                namespace: env.kubernetes.namespace,
                service: router.service,
                slotLabel: router['slot-label'] ?? DEFAULT_SLOT_LABEL,
                context: env.kubernetes.context,
                server: env.kubernetes.server,
                field: field('router'),
            });
        }
        case 'gateway-api': {
            if (!router.route)
                throw new src.ShipkitError(`${field('router.route')} is required for the gateway-api router: the HTTPRoute whose backendRefs weights move between the slots.`);
            if (!router.backends?.blue || !router.backends?.green)
                throw new src.ShipkitError(`${field('router.backends')} is required for the gateway-api router: { blue: <Service>, green: <Service> }, the slots' Services in the route's backendRefs.`);
            if (router.backends.blue === router.backends.green)
                throw new src.ShipkitError(`${field('router.backends')} names Service ${router.backends.blue} for both slots: each slot needs its own.`);
            if (!env.kubernetes?.namespace)
                throw new src.ShipkitError(`${field('kubernetes.namespace')} is required for the gateway-api router: the namespace of HTTPRoute ${router.route}.`);
            return new GatewayApiRouter({
                environment: env.name,
                namespace: env.kubernetes.namespace,
                route: router.route,
                rule: router.rule ?? 0,
                backends: { blue: router.backends.blue, green: router.backends.green },
                context: env.kubernetes.context,
                server: env.kubernetes.server,
                field: field('router'),
            });
        }
        default:
            throw new src.ShipkitError(`${field('router.type')} has an invalid value ${JSON.stringify(router.type)}: expected nginx, cloudfront, command, alb, app-service-slots, cloud-run, k8s-service or gateway-api.`);
    }
}

;// CONCATENATED MODULE: ./packages/routers/src/steps.ts

const DEFAULT_STEPS = (/* unused pure expression or super */ null && ([100]));
const DEFAULT_STEP_DURATION = '60s';
const EXPECTED_STEPS = 'ascending whole percentages between 1 and 100, separated by commas, ending at 100 (e.g. 10,50,100; 100 is a plain flip)';
/**
 * Parses `steps`: an input (`10,50,100`, spaces or commas) or a config list. Refused (naming the
 * field and the value) unless every step is a whole number 1-100, each larger than the one
 * before, and the last is 100 — a canary that never reaches 100% would leave the environment
 * split between two releases.
 */
function parseSteps(value, field) {
    const shown = typeof value === 'string' ? value : value.join(',');
    const parts = typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value.map(String);
    if (!parts.length)
        throw invalidInput(field, shown, EXPECTED_STEPS);
    const steps = [];
    for (const part of parts) {
        const text = part.trim().replace(/%$/, '');
        const step = Number(text);
        if (!/^\d+$/.test(text) || step < 1 || step > 100)
            throw invalidInput(field, shown, `${EXPECTED_STEPS}; ${JSON.stringify(part)} is not a whole percentage between 1 and 100`);
        if (steps.length && step <= steps[steps.length - 1])
            throw invalidInput(field, shown, `${EXPECTED_STEPS}; ${step} does not come after ${steps[steps.length - 1]}`);
        steps.push(step);
    }
    if (steps[steps.length - 1] !== 100)
        throw invalidInput(field, shown, `${EXPECTED_STEPS}; the last step is ${steps[steps.length - 1]}, so traffic would stay split`);
    return steps;
}
/** The canary plan of a switch: inputs win over the environment's `canary` section, which wins over a plain flip. */
function planCanary(sources) {
    const field = sources.configField ?? 'canary';
    const steps = sources.steps !== undefined
        ? parseSteps(sources.steps, 'steps')
        : sources.config?.steps !== undefined
            ? parseSteps(sources.config.steps, `${field}.steps`)
            : [...DEFAULT_STEPS];
    const stepDurationMs = sources.stepDuration !== undefined
        ? parseTimeout(sources.stepDuration, 'step-duration')
        : parseTimeout(sources.config?.['step-duration'] ?? DEFAULT_STEP_DURATION, sources.config?.['step-duration'] !== undefined ? `${field}.step-duration` : 'step-duration');
    if (stepDurationMs > 24 * 60 * 60 * 1000)
        throw invalidInput(sources.stepDuration !== undefined ? 'step-duration' : `${field}.step-duration`, sources.stepDuration ?? sources.config?.['step-duration'], 'a duration of at most 24h (a GitHub job runs at most 6h)');
    return { steps, stepDurationMs };
}
/** The steps analysed before the final 100%: a plain flip has none. */
function steps_isCanary(plan) {
    return plan.steps.length > 1;
}

;// CONCATENATED MODULE: ./packages/routers/src/traffic.ts


/**
 * The router's reading of each slot's share: split() where the router has it, else live() as
 * 100% on one slot, else undefined (it cannot tell). Errors propagate: a safety check that cannot
 * read the router is not skipped.
 */
async function routerWeights(router) {
    if (router.split)
        return router.split();
    const live = await router.live();
    return live ? { [live]: 100 } : undefined;
}
/** The same, for recording after a failure: undefined (not an error) when the router cannot be read. */
async function traffic_routerWeightsOrUndefined(router) {
    try {
        return await routerWeights(router);
    }
    catch {
        return undefined;
    }
}
/** The shares the ledger's open canary gives each slot (its router's reading when it recorded one), or undefined. */
function ledgerWeights(state) {
    const canary = state.canary;
    if (!canary)
        return undefined;
    if (canary.weights)
        return canary.weights;
    return { [canary.slot]: canary.weight, [canary.from ?? derive_otherSlot(canary.slot)]: 100 - canary.weight };
}
/** Whether more than one slot gets a share. */
function traffic_isSplit(weights) {
    return !!weights && SLOT_NAMES.filter((slot) => (weights[slot] ?? 0) > 0).length > 1;
}
/** Reads both views; a router that cannot be read is an error naming what the check needs. */
async function traffic_readTraffic(router, state, purpose) {
    let fromRouter;
    if (router) {
        try {
            fromRouter = await routerWeights(router);
        }
        catch (error) {
            throw new src.ShipkitError(`Could not read where ${router.description} sends live traffic, which ${purpose} must know: ${(0,src.errorMessage)(error)}`, {
                hint: error.hint ?? 'Grant the read permission the router needs (see docs/aws-permissions.md), then run again.',
            });
        }
    }
    return { router: fromRouter, ledger: ledgerWeights(state) };
}
/** Describes a view for an error: `the router: blue 70%, green 30%; the ledger: ... (canary of v2 ...)`. */
function traffic_describeTraffic(view, state) {
    const parts = [];
    if (view.router)
        parts.push(`the router sends ${status_formatWeights(view.router)}`);
    if (view.ledger && state.canary) {
        const canary = state.canary;
        parts.push(`the ledger keeps the canary of ${canary.release} open (${status_formatWeights(view.ledger)}${canary.unresolved ? ', its abort did not return traffic to one slot' : ', its switch never ended'}, since ${canary.since}${canary.runUrl ? `, ${canary.runUrl}` : ''})`);
    }
    return parts.join('; ');
}
/** The share `slot` receives in either view (the larger), 0 when none. */
function shareOf(view, slot) {
    return Math.max(view.router?.[slot] ?? 0, view.ledger?.[slot] ?? 0);
}
/**
 * Refuses to install into (or otherwise change) a slot that receives any live traffic — an open
 * canary, or the router giving it a share — naming the weights and the way out.
 */
function refuseSlotWithTraffic(options) {
    const { slot, view, state } = options;
    if (shareOf(view, slot) <= 0)
        return;
    const other = derive_otherSlot(slot);
    throw new src.ShipkitError(`Refusing to ${options.doing} slot ${slot} of ${options.environment}: it receives live traffic (${traffic_describeTraffic(view, state)}). Nothing was installed or changed.`, {
        hint: `Put all traffic on one slot first: run rollback (all traffic back to ${state.live?.slot ?? other}), or blue-green-switch to: ${slot} with steps: 100 (a switch that completes), then run this again.`,
    });
}
/** Whether traffic is split (either view), for callers that must not treat one slot as live. */
function traffic_trafficSplit(view) {
    return traffic_isSplit(view.router) || traffic_isSplit(view.ledger);
}

;// CONCATENATED MODULE: ./packages/routers/src/switch.ts








function describeSmoke(slot) {
    const smoke = slot.smoke;
    return `${smoke.passed ? 'passed' : 'failed'} at ${smoke.time}${smoke.runUrl ? ` (${smoke.runUrl})` : ''}`;
}
/**
 * Decides what a switch does, from the ledger's state and the router's own view; refuses (before
 * anything changes) when the slot does not hold a complete release, holds another release than
 * expected, or lacks a passed smoke test when one is required.
 */
function planSwitch(state, routerLive, to, checks = {}) {
    const environment = state.environment;
    const ledgerLive = state.live?.slot;
    const warnings = [];
    if (routerLive && ledgerLive && routerLive !== ledgerLive) {
        warnings.push(`The router sends traffic to ${routerLive}, but the ledger records ${ledgerLive} as live (an interrupted switch, or a change by hand). The ledger decides which slot is idle; this switch records what it does.`);
    }
    let target;
    if (to !== 'idle')
        target = to;
    else if (ledgerLive)
        target = otherSlot(ledgerLive);
    else {
        // Nothing live yet: the idle slot is the one holding a deployed release (the newest if both do).
        const ready = ['blue', 'green'].map((name) => state.slots[name]).filter((slot) => slot?.status === 'ready');
        if (!ready.length) {
            throw new ShipkitError(`No slot of environment ${environment} holds a deployed release, so there is nothing to switch to.`, {
                hint: 'Deploy a release with deploy-env first; it installs into the idle slot.',
            });
        }
        target = ready.sort((a, b) => (a.since < b.since ? 1 : -1))[0].slot;
    }
    const slot = state.slots[target];
    if (!slot) {
        throw new ShipkitError(`Slot ${target} of environment ${environment} holds no release: no deploy into it is recorded in the ledger.`, {
            hint: 'Deploy a release into it with deploy-env first.',
        });
    }
    if (slot.status !== 'ready') {
        const why = slot.status === 'installing' ? 'a deploy into it is running or was interrupted' : 'the last deploy into it failed';
        throw new ShipkitError(`Slot ${target} of environment ${environment} is not ready to go live: ${why} (release ${slot.release}, ${slot.since}).`, {
            hint: 'Re-run the deploy (deploy-env completes an interrupted install), then switch.',
        });
    }
    if (checks.expectRelease && slot.release !== checks.expectRelease) {
        throw new ShipkitError(`Input "expect-release" is ${JSON.stringify(checks.expectRelease)}, but slot ${target} of environment ${environment} holds release ${JSON.stringify(slot.release)}; refusing to switch.`, {
            hint: 'Another run may have deployed into the slot since; deploy the expected release again or switch without expect-release.',
        });
    }
    if (checks.requireSmoke) {
        if (!slot.smoke) {
            throw new ShipkitError(`Input "require-smoke" is true, but no smoke-test result is recorded for slot ${target} of environment ${environment} with release ${slot.release}; refusing to switch.`, {
                hint: 'Run smoke-test against the slot URL with `environment` and `slot` set so the result is recorded in the ledger.',
            });
        }
        if (!slot.smoke.passed) {
            throw new ShipkitError(`Input "require-smoke" is true, but the latest smoke test of slot ${target} (release ${slot.release}) ${describeSmoke(slot)}; refusing to switch.`);
        }
    }
    const routed = routerLive ?? ledgerLive;
    const alreadyLive = ledgerLive === target && state.live?.release === slot.release && (routerLive === undefined || routerLive === target);
    return { target, slot, ledgerLive, routed, alreadyLive, warnings };
}
/**
 * Probes the live URL after a switch: passes after `successes` consecutive answers below 400,
 * fails after `failures` bad ones (errors, timeouts, 4xx/5xx). Several probes, because a reload
 * takes a moment and one lucky answer from the old slot proves nothing.
 */
async function verifyLive(url, options = {}) {
    const needed = options.successes ?? 3;
    const allowed = options.failures ?? 3;
    let streak = 0;
    let probes = 0;
    const problems = [];
    while (streak < needed) {
        probes++;
        try {
            const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(options.requestTimeoutMs ?? 10_000), headers: { 'cache-control': 'no-cache' } });
            await response.arrayBuffer();
            if (response.status >= 400)
                throw new Error(`HTTP ${response.status}`);
            streak++;
        }
        catch (error) {
            streak = 0;
            const cause = error.cause?.code;
            problems.push(`${errorMessage(error)}${cause ? ` (${cause})` : ''}`);
            if (problems.length >= allowed) {
                throw new ShipkitError(`The live URL ${url} failed verification after the switch: ${problems.join('; ')}.`);
            }
        }
        if (streak < needed)
            await sleep(options.intervalMs ?? 1000);
    }
    return { probes };
}
/** Refuses traffic steps on a router that cannot split traffic, saying what to use instead. */
function checkWeighted(router, plan, environment) {
    if (isCanary(plan) && !router.weighted) {
        throw new ShipkitError(`Traffic steps ${plan.steps.join(',')} were asked for environment ${environment}, but ${router.weightedRefusal ?? `the ${router.type} router cannot split traffic`}.`);
    }
}
/** A canary stopped: all traffic went back to the previous slot (unless that failed too, as the message says). */
class CanaryAbortedError extends src.ShipkitError {
    abortedAt;
    liveSlot;
    failedCheck;
    weights;
    constructor(message, 
    /** The new slot's share when the canary stopped, percent. */
    abortedAt, 
    /** Where live traffic is now: a slot, or `split` when the abort could not return it to one. */
    liveSlot, failedCheck, hint, 
    /** Each slot's share after the abort, as the router reported it (absent when it could not be read). */
    weights) {
        super(message, { hint });
        this.abortedAt = abortedAt;
        this.liveSlot = liveSlot;
        this.failedCheck = failedCheck;
        this.weights = weights;
    }
}
/**
 * Moves live traffic of a blue-green environment to a slot: checks, records the operation in the
 * ledger, flips the router (which restores its previous routing if the flip fails), optionally
 * verifies the live URL and switches back when that fails. blue-green-switch and rollback both
 * call this, so the logic lives once.
 */
async function switchTraffic(options) {
    const { env, ledger } = options;
    const router = options.router ?? createRouter(env, options.dependencies);
    const { state, records } = await ledger.read();
    const view = await readTraffic(router, state, `a switch of ${env.name}`);
    const routerLive = view.router ? SLOT_NAMES.find((name) => view.router[name] === 100) : undefined;
    const plan = planSwitch(state, routerLive, options.to, options);
    // Traffic split (a canary left open, or an abort the router could not carry out): nothing is "already live", and only a flip ends it.
    const split = trafficSplit(view) || !!state.canary;
    if (split) {
        plan.alreadyLive = false;
        if (options.canary && isCanary(options.canary.plan)) {
            throw new ShipkitError(`Refusing traffic steps ${options.canary.plan.steps.join(',')} on ${env.name}: live traffic is already split (${describeTraffic(view, state)}). Nothing was changed.`, {
                hint: `End the split first: a switch that completes (steps: 100, to: ${plan.target}) or rollback (all traffic back to ${state.live?.slot ?? 'the live slot'}).`,
            });
        }
        core.warning(`Live traffic of ${env.name} is split (${describeTraffic(view, state)}); this switch sends all of it to ${plan.target}.`);
    }
    for (const warning of plan.warnings)
        core.warning(warning);
    const { target, slot } = plan;
    // What was live, as recorded; the router's own view (plan.routed) is only used to restore it.
    const previousSlot = plan.ledgerLive;
    const result = { liveSlot: target, previousSlot, release: slot.release, previousRelease: state.live?.release, changed: false, router: router.description, conflicts: [] };
    if (plan.alreadyLive) {
        core.info(`Slot ${target} (release ${slot.release}) is already live in ${env.name}; nothing to do.`);
        return { ...result, previousSlot: undefined, previousRelease: undefined };
    }
    // A canary keeps the rest of the traffic on the slot live now: without one (first switch) it is a flip.
    let canary = options.canary && isCanary(options.canary.plan) ? options.canary : undefined;
    if (canary) {
        checkWeighted(router, canary.plan, env.name);
        if (!plan.routed || plan.routed === target) {
            core.notice(`Nothing else is live in ${env.name}, so there is no slot to keep the rest of the traffic on: slot ${target} goes live at once instead of in steps ${canary.plan.steps.join(',')}.`);
            canary = undefined;
        }
        canary?.check?.(target);
    }
    const recordAs = options.recordAs ?? 'switch';
    const commit = commitOf(records, slot.release);
    const operation = await ledger.begin({
        type: recordAs,
        release: slot.release,
        slot: target,
        previousRelease: state.live?.release,
        previousSlot,
        trigger: options.trigger,
        reason: options.reason,
        details: {
            router: router.type,
            ...(recordAs === 'rollback' ? { method: 'switch' } : {}),
            ...(commit ? { commit } : {}),
            ...(canary ? { steps: canary.plan.steps, stepDurationMs: canary.plan.stepDurationMs } : {}),
            ...options.details,
        },
    }, state);
    options.onStarted?.(operation.started, { target, previous: plan.routed });
    const previousRelease = plan.routed ? state.slots[plan.routed]?.release : undefined;
    core.info(`Switching ${env.name} from ${previousSlot ?? '(nothing live)'} to ${target} (release ${slot.release}) via ${router.description}${canary ? ` in steps ${canary.plan.steps.join(',')}% of ${formatDuration(canary.plan.stepDurationMs)} each` : ''}.`);
    // The new slot's share of traffic so far (a canary's last step).
    let weight = 0;
    if (canary)
        weight = await runCanary({ canary, operation, router, env, target, from: plan.routed, release: slot.release, previousRelease });
    try {
        const checkSlot = options.checkSlot;
        await router.route({ slot: target, previous: plan.routed, release: slot.release, previousRelease, restoreWeight: weight ? 100 - weight : undefined, beforeTraffic: checkSlot ? () => checkSlot(target) : undefined });
    }
    catch (error) {
        if (canary)
            throw await abortCanary({ operation, router, env, target, from: plan.routed, release: slot.release, previousRelease, weight, error });
        // A change still running on the platform: record where the router says traffic goes now (the ledger keeps what runs).
        await recordFailure(operation, error, error instanceof RouteStillRunningError ? { details: { routedAfter: error.routedAfter ?? null, routerStillRunning: true } } : {});
        throw error;
    }
    // A CDN in front of the router caches the old slot's pages: drop them (a cloudfront router on the same distribution already did).
    if (env.azureCdn || (env.cdn && !(env.router?.type === 'cloudfront' && env.router['distribution-id'] === env.cdn.distributionId)))
        await invalidateEnvironmentCdn(env, 'all');
    if (options.verifyUrl) {
        try {
            const { probes } = await verifyLive(options.verifyUrl, options.verify);
            core.info(`Verified ${options.verifyUrl} after the switch (${probes} probes).`);
        }
        catch (error) {
            let outcome;
            let switchedBack = false;
            // Back to the slot recorded live (the last one that went live through a verified switch), else where the router was.
            const backTo = [plan.ledgerLive, plan.routed].find((candidate) => candidate && candidate !== target);
            if (backTo) {
                try {
                    await router.route({ slot: backTo, previous: target, release: state.slots[backTo]?.release, previousRelease: slot.release });
                    outcome = `switched back to ${backTo}`;
                    switchedBack = true;
                }
                catch (backError) {
                    outcome = `switching back to ${backTo} FAILED too (${errorMessage(backError)}); check the router now`;
                }
            }
            else {
                outcome = 'no other slot was live before, so there was nothing to switch back to';
            }
            const failure = new ShipkitError(`${errorMessage(error)} ${outcome[0].toUpperCase()}${outcome.slice(1)}.`, {
                hint: switchedBack ? `Slot ${target} (release ${slot.release}) stays installed for inspection at its own URL.` : undefined,
            });
            await recordFailure(operation, failure, { details: { ...operation.started.details, verifyUrl: options.verifyUrl, switchedBack } });
            throw failure;
        }
    }
    await operation.succeed();
    return { ...result, changed: true, commit, conflicts: operation.conflicts.map((conflict) => conflict.message), steps: canary?.plan.steps };
}
/**
 * The steps before 100%: sets each weight, records it, analyses the step, records the analysis.
 * Returns the last weight set; on a failed analysis (or any error) returns all traffic to `from`,
 * records the abort and throws CanaryAbortedError.
 */
async function runCanary(run) {
    const { canary, operation, router, target, from } = run;
    const steps = canary.plan.steps;
    let weight = 0;
    for (const [index, step] of steps.slice(0, -1).entries()) {
        const label = `Step ${index + 1}/${steps.length}`;
        let analysis;
        try {
            await router.route({ slot: target, previous: from, weight: step, release: run.release, previousRelease: run.previousRelease, restoreWeight: 100 - weight });
            weight = step;
            const set = await operation.progress({ step: index + 1, steps, weight: step, phase: 'set' });
            core.info(`${label}: ${step}% of live traffic on ${target} (release ${run.release}), ${100 - step}% on ${from}; analysing for ${formatDuration(canary.plan.stepDurationMs)}.`);
            analysis = await canary.analyse({ index, weight: step, slot: target, release: run.release });
            await operation.progress({ step: index + 1, steps, weight: step, phase: 'analysed', setAt: set.time, analysis: analysis.summary });
        }
        catch (error) {
            throw await abortCanary({ ...run, weight, error });
        }
        if (!analysis.passed) {
            const failure = new ShipkitError(`${label} (${step}% on ${target}) failed its analysis: ${analysis.failedCheck ? `check ${JSON.stringify(analysis.failedCheck)}: ` : ''}${analysis.reason ?? 'failed'}.`);
            throw await abortCanary({ ...run, weight, error: failure, analysis });
        }
        core.info(`${label} passed its analysis.`);
    }
    return weight;
}
/**
 * Returns all traffic to the previous slot after a failed step, records the abort, and gives the
 * error to throw. When the router cannot move traffic back, it is read again: the ledger keeps the
 * canary open with the weights it reports (`details.split`), and the error names them.
 */
async function abortCanary(run) {
    const { operation, router, target, from, weight } = run;
    let outcome;
    let switchedBack = false;
    let weights;
    try {
        await router.route({ slot: from, previous: target, weight: 100, release: run.previousRelease, previousRelease: run.release, restoreWeight: weight || undefined, abort: true });
        outcome = `all traffic is back on ${from}`;
        switchedBack = true;
    }
    catch (backError) {
        weights = await routerWeightsOrUndefined(router);
        if (weights && !isSplit(weights) && (weights[from] ?? 0) > 0) {
            // The change took although the call failed (read back): traffic is on `from` alone.
            outcome = `all traffic is back on ${from} (read back after an error: ${errorMessage(backError)})`;
            switchedBack = true;
        }
        else {
            const now = weights ? `the router sends ${formatWeights(weights)}` : `the router could not be read; the last weight set was ${target} ${weight}%`;
            outcome = `returning all traffic to ${from} FAILED too (${errorMessage(backError)}): traffic is still split, ${now}. Run rollback, or blue-green-switch to: ${target} with steps: 100, to put it on one slot`;
        }
    }
    const message = `Canary of ${run.release} on ${run.env.name} aborted at ${weight}%: ${errorMessage(run.error)} ${outcome[0].toUpperCase()}${outcome.slice(1)}.`;
    const reported = weights ?? (switchedBack ? { [from]: 100 } : { [from]: 100 - weight, [target]: weight });
    const aborted = new CanaryAbortedError(message, weight, switchedBack ? from : 'split', run.analysis?.failedCheck, switchedBack ? `Slot ${target} (release ${run.release}) stays installed for inspection at its own URL.` : `deploy-env refuses slot ${target} while it receives traffic. The ledger keeps the canary open until traffic is on one slot.`, reported);
    await recordFailure(operation, aborted, {
        details: { ...operation.started.details, aborted: true, abortedAt: weight, switchedBack, ...(weights ? { split: weights } : {}), ...(run.analysis ? { failedCheck: run.analysis.failedCheck, analysis: run.analysis.summary } : {}) },
    });
    return aborted;
}
async function recordFailure(operation, error, extra = {}) {
    try {
        await operation.fail(error, extra);
    }
    catch (ledgerError) {
        core.warning(`Could not record the failed switch in the ledger: ${errorMessage(ledgerError)}`);
    }
}
/**
 * Finishes a switch another process left open (a cancelled job's post step, a rollback during an
 * interrupted canary): all traffic back on `from`, the switch recorded as failed with the weight
 * it reached. Returns whether traffic went back; the router's failure is reported, not thrown.
 */
async function abandonSwitch(options) {
    const { started, router, from } = options;
    const to = started.slot;
    let switchedBack = false;
    let failure;
    let weights;
    try {
        const state = await options.ledger.state();
        await router.route({ slot: from, previous: to && to !== from ? to : undefined, weight: 100, release: state.slots[from]?.release, previousRelease: started.release, restoreWeight: options.weight ? options.weight : undefined, abort: true });
        switchedBack = true;
    }
    catch (error) {
        failure = errorMessage(error);
        weights = await routerWeightsOrUndefined(router);
        if (weights)
            failure += ` (the router sends ${formatWeights(weights)})`;
    }
    const operation = new Operation(options.ledger, started);
    const outcome = switchedBack ? `all traffic returned to ${from}` : `returning all traffic to ${from} failed: ${failure}`;
    await recordFailure(operation, new ShipkitError(`${options.reason}; ${outcome}`), {
        details: { ...started.details, aborted: true, interrupted: true, ...(options.weight !== undefined ? { abortedAt: options.weight } : {}), switchedBack, ...(weights ? { split: weights } : {}) },
    });
    return { switchedBack, error: failure, weights };
}

;// CONCATENATED MODULE: ./packages/routers/src/index.ts














;// CONCATENATED MODULE: ./packages/stores/src/index.ts



/** The engine's store client for `options` (S3 endpoint, region, credentials; the environment's Azure connection string). */
function createObjectStore(options = {}) {
    const client = createS3Client(options);
    const env = options.env ?? process.env;
    // The Azure side is loaded on first use (a chunk of its own in each bundle): S3-only runs never load it.
    let azure;
    const send = client.send.bind(client);
    client.send = ((command, ...rest) => {
        if (!(0,src.isAzureBucket)(command.input?.Bucket))
            return send(command, ...rest);
        azure ??= (async () => {
            const connectionString = env.AZURE_STORAGE_CONNECTION_STRING?.trim();
            // A secret in every sink, the key and SAS parts too, should they appear alone (an environment
            // other than the process's is not covered by the registration every action starts with).
            // (::add-mask:: only on a runner: a test or bench process would print every form.)
            if (connectionString)
                for (const secret of [connectionString, ...(0,src.connectionStringParts)(connectionString)])
                    (0,src.addSecret)(secret, { mask: env.GITHUB_ACTIONS === 'true' });
            return createBlobStore({ env, onRequest: (operation) => noteRequest(client, operation) });
        })();
        return azure.then(async (store) => {
            let output;
            try {
                output = await store.send(command);
            }
            catch (error) {
                // The store's clock (lease expiry) from every answer, errors too, as the S3 client's middleware reads it.
                noteStoreDate(client, storeDateOf(error));
                throw error;
            }
            noteStoreDate(client, storeDateOf(output));
            return output;
        });
    });
    return client;
}

;// CONCATENATED MODULE: ./packages/environments/src/field.ts

/** Runs a store operation; a failure names the config field (and location) it came from, before what went wrong. */
async function inField(field, location, work) {
    try {
        return await work();
    }
    catch (error) {
        if (error instanceof src.ShipkitError && !error.message.startsWith(field))
            throw new src.ShipkitError(`${field} ${location}: ${error.message}`, { hint: error.hint, cause: error });
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/environments/src/release-store.ts






/** Where a release's files live: `s3://<state bucket>/<state prefix>/releases/<app>/<release>`. */
function releaseLocation(state, app, release) {
    return { bucket: state.bucket, prefix: releasePrefix(state, app, release).replace(/\/$/, '') };
}
function describeLocation(location) {
    return (0,src.storeUrl)(location.bucket, location.prefix ? `${location.prefix.replace(/\/$/, '')}/` : '');
}
/** The release's manifest when the release store holds it completely, else undefined. */
async function storedRelease(client, env, release) {
    const location = releaseLocation(env.state, env.app, release);
    const manifest = await readManifest(client, location.bucket, location.prefix);
    return manifest?.complete ? manifest : undefined;
}
/**
 * Puts a release's files into the release store once. Already there with the same content:
 * nothing is written. There with different content: refused (release ids are immutable). Partly
 * there (an interrupted upload, no complete manifest): the upload is completed.
 */
async function uploadRelease(client, env, release, sourceDir, meta = {}, 
/** Releases already in the store (e.g. the live one) whose identical files are copied server-side instead of uploaded. */
reuseReleases = []) {
    const location = releaseLocation(env.state, env.app, release);
    const files = await scanDirectory(sourceDir);
    if (!files.length)
        throw new src.ShipkitError(`Input "source-dir" names ${JSON.stringify(sourceDir)}, which holds no files to deploy.`);
    const existing = await readManifest(client, location.bucket, location.prefix);
    if (existing?.complete) {
        const difference = releaseDifference(existing, files);
        if (!difference.count)
            return { reused: true, uploaded: 0, copied: 0, skipped: files.length, files: files.length };
        throw releaseChangedError(release, location, sourceDir, difference);
    }
    const reuseFrom = reuseReleases.filter((other) => other !== release).map((other) => releaseLocation(env.state, env.app, other));
    const result = await inField(env.file ? `${env.file}: state` : 'state', describeLocation(location), () => publishDirectory(client, { files, bucket: location.bucket, prefix: location.prefix, deleteStale: true, meta: { app: env.app, release, ...meta }, reuseFrom }));
    return { reused: false, uploaded: result.uploaded - result.copied, copied: result.copied, skipped: result.skipped, files: files.length };
}
/** Compares a stored release's manifest with the files of a directory (scanDirectory). */
function releaseDifference(stored, files) {
    const local = new Set(files.map((file) => file.key));
    const added = files.filter((file) => !stored.files[file.key]).map((file) => file.key).sort();
    const changed = files.filter((file) => stored.files[file.key] && stored.files[file.key].sha256 !== file.sha256).map((file) => file.key).sort();
    const removed = Object.keys(stored.files).filter((key) => !local.has(key)).sort();
    return { added, changed, removed, count: added.length + changed.length + removed.length };
}
/** At most `max` names in all, the changed ones first, then added, then removed; the rest counted. */
function describeDifference(difference, max = 5) {
    let left = max;
    return ['changed', 'added', 'removed']
        .filter((label) => difference[label].length)
        .map((label) => {
        const keys = difference[label];
        const shown = keys.slice(0, Math.max(left, 0));
        left -= shown.length;
        if (!shown.length)
            return `${label}: ${keys.length} more`;
        return `${label} ${shown.map((key) => JSON.stringify(key)).join(', ')}${keys.length > shown.length ? ` and ${keys.length - shown.length} more` : ''}`;
    })
        .join('; ');
}
function releaseChangedError(release, location, sourceDir, difference) {
    return new src.ShipkitError(`Release ${JSON.stringify(release)} is already in the release store (${describeLocation(location)}) with other files than source-dir ${JSON.stringify(sourceDir)} holds ` +
        `(${difference.count} file${difference.count === 1 ? '' : 's'} differ: ${describeDifference(difference)}). Releases are immutable: a release name always means the same files, so nothing was changed.`, {
        hint: `Deploy these files under a new release name (the release input; by default it comes from the tag or the commit), or deploy the stored ${release} as it is: without source-dir, or with from-release: ${release} to promote it under another name.`,
    });
}
/**
 * Releases are immutable. Before anything is written (before the lease): when the release store
 * already holds a complete `release`, the files of `sourceDir` must be the same (same keys, same
 * sha256); otherwise a ShipkitError names the release, the store location, a few differing files
 * (changed / added / removed) and the choice — a new release name, or the stored release as it
 * is (no source-dir, or `from-release`). Returns 'stored' when the release is there with these very
 * files (the deploy goes on as a no-op upload), 'absent' when the store has no complete release of
 * that name (the directory is then not even scanned: one GET).
 */
async function checkReleaseUnchanged(client, env, release, sourceDir) {
    const location = releaseLocation(env.state, env.app, release);
    const stored = await readManifest(client, location.bucket, location.prefix);
    if (!stored?.complete)
        return 'absent';
    const difference = releaseDifference(stored, await scanDirectory(sourceDir));
    if (difference.count)
        throw releaseChangedError(release, location, sourceDir, difference);
    return 'stored';
}
/**
 * The environments of the app that have a ledger (records or snapshots), previews included
 * (`preview/pr-12`: the path up to `records/`). A full listing rather than a delimiter listing:
 * some S3-compatible stores (s3rver) omit common prefixes that hold only deeper "folders".
 */
async function ledgerEnvironments(client, env) {
    const prefix = `${joinKey(env.state.prefix, 'ledger', env.app)}/`;
    const names = new Set();
    // Complete or an error: an environment missing from a cut listing would lose its releases to retention.
    for (const object of await listObjects(client, env.state.bucket, prefix)) {
        const segments = object.key.slice(prefix.length).split('/');
        const end = segments.findIndex((segment, index) => index > 0 && (segment === 'records' || segment === 'snapshots'));
        if (end > 0)
            names.add(segments.slice(0, end).join('/'));
    }
    return [...names];
}
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * What must be kept, the one rule retention and remove-preview share: every release some
 * environment of the app (other than `exclude`, a preview being removed) has live or in a slot,
 * sends any traffic to (a canary, or a split an abort left), has among its last K good releases
 * (rollback targets, at any age: `keep-rollback`) or the last N it deployed (`retention`), in a
 * running operation, or had live in the last 24 hours — each with why.
 */
async function releasesToKeep(client, env, options = {}) {
    const now = options.now ?? Date.now();
    const reasons = new Map();
    const keepFor = (release, why) => {
        const list = reasons.get(release) ?? [];
        if (!list.includes(why))
            list.push(why);
        reasons.set(release, list);
    };
    for (const release of options.alsoKeep ?? [])
        keepFor(release, 'being deployed by this run');
    for (const name of await ledgerEnvironments(client, env)) {
        if (name === options.exclude)
            continue;
        const settings = env.retentionFor[name] ?? env.retentionFor[name.replace(/\/pr-\d+$/, '')] ?? { keep: DEFAULT_RETENTION, keepRollback: DEFAULT_KEEP_ROLLBACK };
        const ledger = await openLedger({ state: env.state, app: env.app, environment: name, client });
        const state = await ledger.state();
        if (state.live)
            keepFor(state.live.release, `live on ${name}`);
        for (const slot of Object.values(state.slots))
            if (slot)
                keepFor(slot.release, `in slot ${slot.slot} of ${name}`);
        if (state.canary)
            keepFor(state.canary.release, `receives traffic on ${name} (canary at ${state.canary.weight}%)`);
        for (const op of state.open)
            if (op.started?.release)
                keepFor(op.started.release, `in a running ${op.type} on ${name}`);
        const byRecency = Object.values(state.releases)
            .filter((info) => info.deployed)
            .sort((a, b) => ((a.lastDeployed ?? '') < (b.lastDeployed ?? '') ? 1 : -1));
        byRecency
            .filter((info) => info.release !== state.live?.release && isGoodRelease(state, info.release))
            .slice(0, settings.keepRollback)
            .forEach((info) => keepFor(info.release, `rollback target on ${name} (one of its last ${settings.keepRollback} good releases)`));
        byRecency.slice(0, settings.keep).forEach((info) => keepFor(info.release, `one of the last ${settings.keep} releases deployed to ${name}`));
        for (const release of releasesInUse(state, now))
            keepFor(release, `live on ${name} within the last 24 hours`);
    }
    return reasons;
}
/**
 * Retention of the release store, by environment (read from every environment's ledger under
 * the state prefix). A release stays when any environment has it live or in a slot, has it among
 * its last K good releases (rollback targets, at any age: `keep-rollback`), among the last N it
 * deployed (`retention`), in a running operation, or had it live in the last 24 hours; releases no
 * environment mentions stay for a day after their upload (a deploy may be using them). Only
 * releases needed by nobody are deleted; a dry run deletes nothing and says why each one stays.
 */
async function pruneReleases(client, env, options = {}) {
    const now = options.now ?? Date.now();
    const storePrefix = `${joinKey(env.state.prefix, 'releases', env.app)}/`;
    const releases = await listFolders(client, env.state.bucket, storePrefix);
    const reasons = await releasesToKeep(client, env, { now, alsoKeep: options.alsoKeep });
    const keepFor = (release, why) => {
        const list = reasons.get(release) ?? [];
        if (!list.includes(why))
            list.push(why);
        reasons.set(release, list);
    };
    // Releases no environment mentions: kept for a day after their upload (a deploy may be using them).
    const unmentioned = releases.filter((release) => !reasons.has(release));
    await (0,src.mapLimit)(unmentioned, 8, async (release) => {
        const manifest = await readManifest(client, env.state.bucket, joinKey(storePrefix, release));
        const time = Date.parse(manifest?.updatedAt ?? '') || 0;
        if (time === 0 && !manifest?.complete)
            keepFor(release, 'incomplete upload of unknown age');
        else if (now - time < DAY_MS)
            keepFor(release, 'uploaded less than a day ago (a deploy may be using it)');
    });
    const kept = releases.filter((release) => reasons.has(release)).sort();
    const deleted = releases.filter((release) => !reasons.has(release)).sort();
    if (!options.dryRun) {
        for (const release of deleted) {
            try {
                await deletePrefix(client, env.state.bucket, joinKey(storePrefix, release));
            }
            catch (error) {
                lib_core/* warning */.$e(`Retention could not delete release ${release}: ${(0,src.errorMessage)(error)}`);
            }
        }
    }
    const protectedReleases = kept.filter((release) => reasons.get(release).some((why) => !why.startsWith('uploaded less') && !why.startsWith('incomplete upload')));
    return { kept, deleted, protected: protectedReleases, reasons: Object.fromEntries(kept.map((release) => [release, reasons.get(release)])) };
}

;// CONCATENATED MODULE: ./packages/environments/src/promote.ts




function sameFiles(a, b) {
    const keys = Object.keys(a.files);
    return keys.length === Object.keys(b.files).length && keys.every((key) => b.files[key]?.sha256 === a.files[key].sha256);
}
/** The latest successful deploy of `release` in any environment of the app (read from every ledger under the state prefix). */
async function latestDeploy(client, env, release) {
    const environments = await ledgerEnvironments(client, env);
    const found = await (0,src.mapLimit)(environments, 4, async (name) => {
        const ledger = await openLedger({ state: env.state, app: env.app, environment: name, client });
        return (await ledger.records()).filter((record) => record.type === 'deploy' && record.status === 'succeeded' && record.release === release);
    });
    const deploys = found.flat().sort((a, b) => (a.id < b.id ? -1 : 1));
    return deploys.filter((record) => record.details?.images !== undefined).at(-1) ?? deploys.at(-1);
}
/**
 * Checks, before anything changes, that release `to` can be made from the existing release
 * `from`: s3 targets need `from` complete in the release store, and `to` absent, incomplete (an
 * interrupted promotion) or already holding exactly `from`'s files (release ids are immutable).
 * Command targets need a successful deploy of `from` in one of the app's ledgers. Also returns
 * the images recorded for `from`. Errors name `input`.
 */
async function checkPromotable(client, env, from, to, input = 'from-release', storesFiles = true) {
    if (from === to)
        throw (0,src.invalidInput)(input, from, `an existing release other than the one being deployed (${to})`);
    const deployed = await latestDeploy(client, env, from);
    const images = deployed?.details?.images;
    if (!storesFiles) {
        if (!deployed) {
            throw new src.ShipkitError(`Input "${input}" names release ${JSON.stringify(from)}, which no environment of ${env.app} has deployed successfully (no such deploy in the ledgers under ${(0,src.storeUrl)(env.state.bucket, env.state.prefix)}).`, {
                hint: 'Promote a release that was deployed and tested (e.g. main-<sha7> from staging), or deploy without from-release.',
            });
        }
        return { release: from, images, alreadyStored: false };
    }
    const source = releaseLocation(env.state, env.app, from);
    const manifest = await readManifest(client, source.bucket, source.prefix);
    if (!manifest?.complete) {
        throw new src.ShipkitError(`Input "${input}" names release ${JSON.stringify(from)}, which is ${manifest ? 'incomplete' : 'not'} in the release store (${describeLocation(source)}${manifest ? ': its upload never finished' : ''}).`, { hint: 'It was never uploaded, its upload was interrupted, or retention removed it. Deploy from source-dir instead (build the files), or name a release listed in a ledger.' });
    }
    const target = releaseLocation(env.state, env.app, to);
    const existing = await readManifest(client, target.bucket, target.prefix);
    if (existing?.complete && !sameFiles(manifest, existing)) {
        throw new src.ShipkitError(`Release ${JSON.stringify(to)} is already in the release store (${describeLocation(target)}) with other files than ${from}: it cannot be replaced by a promotion.`, {
            hint: 'Release ids are immutable: deploy it as it is (without from-release), or promote under a new release id.',
        });
    }
    return { release: from, manifest, images, alreadyStored: !!existing?.complete };
}
/**
 * Makes release `to` from `source.release` in the release store by server-side copy, byte for
 * byte: nothing is uploaded from the runner. Complete only once its manifest is written (last),
 * so an interrupted promotion is completed by a re-run.
 */
async function promoteRelease(client, env, source, to, meta = {}) {
    const files = Object.keys(source.manifest?.files ?? {}).length;
    if (source.alreadyStored)
        return { from: source.release, copied: 0, files, reused: true };
    const result = await copyPrefix(client, {
        from: releaseLocation(env.state, env.app, source.release),
        to: releaseLocation(env.state, env.app, to),
        deleteStale: true,
        meta: { ...source.manifest?.meta, ...meta, app: env.app, release: to, promotedFrom: source.release },
    });
    return { from: source.release, copied: result.copied, files, reused: false };
}

;// CONCATENATED MODULE: ./packages/environments/src/commands.ts




function releaseEnvironment(env, description) {
    const vars = {
        ...env.env,
        ...(description.slot ? env.slots?.[description.slot]?.env : {}),
        SHIPKIT_APP: env.app,
        SHIPKIT_ENVIRONMENT: env.name,
        SHIPKIT_RELEASE: description.release,
        SHIPKIT_STRATEGY: env.strategy,
        SHIPKIT_OPERATION: description.operation,
        SHIPKIT_SLOT: description.slot ?? '',
        SHIPKIT_SLOT_URL: slotUrl(env, description.slot) ?? '',
        SHIPKIT_URL: env.url ?? '',
        SHIPKIT_PREVIOUS_RELEASE: description.previousRelease ?? '',
        SHIPKIT_IMAGES: description.images === undefined ? '{}' : JSON.stringify(description.images),
        SHIPKIT_SOURCE_DIR: description.sourceDir ?? '',
        SHIPKIT_PROMOTED_FROM: description.promotedFrom ?? '',
    };
    return vars;
}
/** Resolves a relative script path (`./deploy/x.sh`, `deploy/x.sh`) against the workspace; bare names stay for PATH lookup. */
function programPath(program, workspace) {
    if (external_node_path_default().isAbsolute(program) || !program.includes('/'))
        return program;
    return external_node_path_default().resolve(workspace, program);
}
/**
 * Runs a user command (argument list, no shell) with the release in SHIPKIT_* variables, its
 * output grouped in the log. The exit code decides: non-zero throws a ShipkitError naming `label`.
 */
async function runUserCommand(env, args, label, description, secrets = []) {
    const program = programPath(args[0], env.workspace);
    if (program.includes('/') && !(0,external_node_fs_.existsSync)(program)) {
        throw new src.ShipkitError(`The ${label} command ${JSON.stringify(args[0])} does not exist (looked at ${program}).`, {
            hint: 'Paths are relative to the workspace; check out the repository before this step.',
        });
    }
    await (0,src.group)(`${label}: ${[args[0], ...args.slice(1)].join(' ')}`, async () => {
        await (0,src.exec)(program, args.slice(1), { cwd: env.workspace, env: releaseEnvironment(env, description), label: `${label} command`, secrets });
    });
}

;// CONCATENATED MODULE: ./packages/environments/src/cdn.ts




/**
 * After an install into a live location (deploy, rollback, restore) or a switch: invalidates, on
 * the environment's CDN, the paths that changed (`all`: every path) — or the configured ones — and
 * by default waits until CloudFront completed it, so the step returns when visitors get the new
 * files. A failed invalidation is a warning (the install stands; re-running invalidates again).
 */
async function cdn_invalidateEnvironmentCdn(env, changed) {
    if (env.azureCdn)
        return purgeEnvironmentAzureCdn(env, env.azureCdn, changed);
    const cdn = env.cdn;
    if (!cdn)
        return undefined;
    const paths = cdn.invalidate ?? (changed === 'all' ? ['/*'] : changedPaths('', changed));
    if (!paths.length) {
        lib_core/* info */.pq(`Nothing changed under ${env.name}'s CDN (${cdn.distributionId}): no invalidation needed.`);
        return { cdn: `CloudFront distribution ${cdn.distributionId}`, paths, ids: [] };
    }
    try {
        const client = createCloudFrontClient({ endpoint: cdn.endpoint });
        const result = await invalidatePaths(client, cdn.distributionId, paths, { wait: cdn.wait });
        const ids = result.invalidations.map((entry) => entry.id);
        lib_core/* info */.pq(`Invalidated ${paths.length === 1 ? paths[0] : `${paths.length} path(s)`} on ${env.name}'s CDN (${cdn.distributionId}: ${ids.join(', ')})${cdn.wait ? ', completed' : ''}.`);
        return { cdn: `CloudFront distribution ${cdn.distributionId}`, paths, ids };
    }
    catch (error) {
        lib_core/* warning */.$e(`The install of ${env.name} is in place, but invalidating its CDN (${cdn.distributionId}) failed: ${(0,src.errorMessage)(error)}. Visitors may get cached files until they expire; re-run the step to invalidate again.`);
        return { cdn: `CloudFront distribution ${cdn.distributionId}`, paths, ids: [], error: (0,src.errorMessage)(error) };
    }
}
/**
 * Purges `paths` on a Front Door / Azure CDN target through Resource Manager (its progress in the
 * log); the paths purged (many become `/*`) and the operation, without its query, for the report.
 */
async function purgeAzure(target, paths) {
    const result = await purgeAzureCdn(new ArmClient({ endpoint: target.armEndpoint, log: (line) => lib_core/* info */.pq(line) }), target, paths);
    return { paths: result.paths, ids: result.operation ? [result.operation.split('?')[0]] : [] };
}
/** The Azure side of invalidateEnvironmentCdn: a Front Door / Azure CDN purge of the changed paths through Resource Manager. */
async function purgeEnvironmentAzureCdn(env, target, changed) {
    const where = describeAzureCdn(target);
    const paths = changed === 'all' ? ['/*'] : changedPaths('', changed);
    if (!paths.length) {
        lib_core/* info */.pq(`Nothing changed under ${env.name}'s CDN (${where}): no purge needed.`);
        return { cdn: where, paths, ids: [] };
    }
    try {
        const result = await purgeAzure(target, paths);
        lib_core/* info */.pq(`Purged ${result.paths.length === 1 ? result.paths[0] : `${result.paths.length} path(s)`} on ${env.name}'s CDN (${where})${target.wait ? ', completed' : ', not waiting for it'}.`);
        return { cdn: where, ...result };
    }
    catch (error) {
        lib_core/* warning */.$e(`The install of ${env.name} is in place, but purging its CDN (${where}) failed: ${(0,src.errorMessage)(error)}. Visitors may get cached files until they expire; re-run the step to purge again.`);
        return { cdn: where, paths, ids: [], error: (0,src.errorMessage)(error) };
    }
}

;// CONCATENATED MODULE: ./packages/environments/src/install.ts


// Installing a release is the target's job (@shipkit/targets: one file per target and a factory);
// what is left here is shared by every target: hooks, and what the ledger says of a location.
/** Runs a pre-deploy or post-deploy hook, if the environment defines one. */
async function runHook(env, hook, description, secrets = []) {
    const args = hook === 'pre-deploy' ? env.preDeploy : env.postDeploy;
    if (!args)
        return false;
    await runUserCommand(env, args, hook, description, secrets);
    return true;
}
/** The latest ended deploy/rollback of the location (the slot, or the live location) left it incomplete. */
function locationIncomplete(records, slot) {
    const last = records.filter((record) => (record.type === 'deploy' || record.type === 'rollback') && record.status !== 'started' && record.slot === slot && !record.details?.noop).at(-1);
    return !!last && last.status === 'failed' && last.details?.incomplete === true;
}
/**
 * Where an install location's manifest lives: in the state store, next to the ledger
 * (`<state>/installs/<app>/<environment>/<slot or live>.json`), never in the served location.
 */
function installManifestLocation(env, slot) {
    return { bucket: env.state.bucket, key: joinKey(env.state.prefix, 'installs', env.app, env.name, `${slot ?? 'live'}.json`) };
}

;// CONCATENATED MODULE: ./packages/targets/src/command.ts



/**
 * The user's own deploy command (an argument list, never a shell line), with the release in
 * SHIPKIT_* variables: Cloud Run, App Service, Kubernetes or anything with a CLI. What runs is known
 * only from the ledger; an undo runs the deploy command for the previous release
 * (SHIPKIT_OPERATION=restore) when the environment sets restore-on-failure.
 */
class CommandTarget {
    env;
    client;
    secrets;
    type = 'command';
    storesFiles = false;
    deploy;
    constructor(env, client, secrets = []) {
        this.env = env;
        this.client = client;
        this.secrets = secrets;
        if (!env.deploy?.length) {
            throw new src.ShipkitError(`Environment ${JSON.stringify(env.name)} (target command) has no deploy command: set environments.${env.name}.deploy or the "deploy-command" input.`);
        }
        this.deploy = env.deploy;
    }
    describe() {
        return this.deploy.join(' ');
    }
    async validate(request) {
        if (request.fromRelease)
            await checkPromotable(this.client, this.env, request.fromRelease, request.release, 'from-release', false);
    }
    async undoInfo(slot, live) {
        return { target: this.type, slot, ...(live.release ? { release: live.release } : {}), ...(live.images !== undefined ? { images: live.images } : {}) };
    }
    async install(request) {
        await runUserCommand(this.env, this.deploy, request.operation === 'deploy' ? 'deploy' : `deploy (${request.operation})`, request, this.secrets);
        // A live install (not a blue-green slot): what the CDN cached is stale now.
        const cdn = request.slot ? undefined : await cdn_invalidateEnvironmentCdn(this.env, 'all');
        return { target: this.type, where: this.describe(), ...(cdn ? { cdn } : {}) };
    }
    /** A command target cannot be asked what runs: the ledger's word, unless its last change of the location left it incomplete. */
    async verify(release, slot, records, installed) {
        if (installed)
            return { runs: true, detail: `the deploy command of ${release} succeeded (it cannot be asked what runs)` };
        return locationIncomplete(records, slot)
            ? { runs: false, detail: `the last deploy or rollback of ${this.env.name}${slot ? ` slot ${slot}` : ''} failed part-way and was not restored` }
            : { runs: true, detail: `the ledger records ${release} (the deploy command cannot be asked what runs)` };
    }
    async undo(undo, context) {
        if (!undo.release)
            return { error: 'nothing was live before', incomplete: true };
        if (!this.env.restoreOnFailure) {
            lib_core/* warning */.$e(`The change of ${this.env.name} to ${context.failed} did not finish; the previous release ${undo.release} is not redeployed (set restore-on-failure: true on the environment to do so). The next deploy or rollback runs in full.`);
            return { error: 'restore-on-failure is not set', incomplete: true };
        }
        lib_core/* info */.pq(`Restoring ${undo.release} on ${this.env.name} after the failed change to ${context.failed}.`);
        try {
            await this.install({ release: undo.release, slot: undo.slot, previousRelease: context.failed, images: undo.images, operation: 'restore' });
            return { restored: undo.release, incomplete: false };
        }
        catch (error) {
            lib_core/* error */.z3(`Could not restore ${undo.release} on ${this.env.name}: ${(0,src.errorMessage)(error)}.`);
            return { error: (0,src.publicErrorSummary)(error), incomplete: true };
        }
    }
}

;// CONCATENATED MODULE: ./packages/targets/src/ecs.ts




/**
 * Amazon ECS: every service of the environment (or slot) runs a new task definition revision
 * pinned to the release's image digests; a rollback re-points at the revisions the ledger recorded.
 * What runs is read from ECS itself (DescribeServices), and an undo re-points every service at the
 * revision it ran before the change, read from ECS before the first write.
 */
class EcsTarget {
    env;
    client;
    ecsClient;
    type = 'ecs';
    storesFiles = false;
    constructor(env, client, ecsClient) {
        this.env = env;
        this.client = client;
        this.ecsClient = ecsClient;
        const where = `${env.file ? `${env.file}: ` : ''}environments.${env.name}`;
        if (!env.ecs)
            throw new src.ShipkitError(`${where}.ecs is required for target ecs: { cluster, service, task-definition, container-images }.`);
        ecsTargetOf(env, env.strategy === 'blue-green' ? 'blue' : undefined);
    }
    clientFor(slot) {
        return this.ecsClient ?? createEcsClient(ecsTargetOf(this.env, slot));
    }
    describe(slot) {
        return ecsTargetOf(this.env, slot).services.map(ecsServiceKey).join(', ');
    }
    async validate(request) {
        const target = ecsTargetOf(this.env, request.slot);
        // A deploy registers revisions from build-images' images (every image with a digest); a rollback or
        // a promotion re-points at recorded revisions. Every service must exist either way.
        if (request.operation === 'deploy' && !request.fromRelease)
            await checkEcsTarget(target, request.images, this.clientFor(request.slot));
        else
            await describeEcsServices(this.clientFor(request.slot), target.services);
        if (request.fromRelease)
            await checkPromotable(this.client, this.env, request.fromRelease, request.release, 'from-release', false);
    }
    async undoInfo(slot, live) {
        const target = ecsTargetOf(this.env, slot);
        const described = await describeEcsServices(this.clientFor(slot), target.services);
        const taskDefinitions = {};
        for (const service of target.services)
            taskDefinitions[ecsServiceKey(service)] = described.get(ecsServiceKey(service)).taskDefinition;
        return { target: this.type, slot, ...(live.release ? { release: live.release } : {}), ...(live.images !== undefined ? { images: live.images } : {}), taskDefinitions };
    }
    async install(request) {
        const target = ecsTargetOf(this.env, request.slot);
        const result = await deployEcs({ client: this.clientFor(request.slot), target, release: request.release, images: request.images, taskDefinitions: request.taskDefinitions, signal: request.signal });
        const cdn = request.slot ? undefined : await cdn_invalidateEnvironmentCdn(this.env, 'all');
        return { target: this.type, where: this.describe(request.slot), taskDefinitions: result.taskDefinitions, registered: result.registered, ...(cdn ? { cdn } : {}) };
    }
    /** Every service runs the task definition the ledger recorded for `release` (DescribeServices). */
    async verify(release, slot, records, installed) {
        const target = ecsTargetOf(this.env, slot);
        const recorded = installed?.taskDefinitions ?? taskDefinitionsOf(records, release, slot);
        if (!recorded)
            return { runs: false, detail: `the ledger records no task definitions for ${release}` };
        const described = await describeEcsServices(this.clientFor(slot), target.services);
        const off = target.services.filter((service) => described.get(ecsServiceKey(service))?.taskDefinition !== recorded[ecsServiceKey(service)]);
        if (!off.length)
            return { runs: true, detail: `every service runs ${release}'s task definition` };
        return { runs: false, detail: off.map((service) => `${ecsServiceKey(service)} runs ${described.get(ecsServiceKey(service))?.taskDefinition ?? '?'}, not ${recorded[ecsServiceKey(service)] ?? '?'}`).join('; ') };
    }
    async undo(undo, context) {
        if (!undo.taskDefinitions)
            return { error: 'the task definitions the services ran before are unknown', incomplete: true };
        const target = ecsTargetOf(this.env, undo.slot);
        lib_core/* info */.pq(`Pointing ${this.describe(undo.slot)} back at what ran before the change to ${context.failed}.`);
        try {
            const back = await pointServicesAt(this.clientFor(undo.slot), target, undo.taskDefinitions);
            if (!back.ok)
                return { error: back.message, incomplete: true };
            lib_core/* info */.pq(back.message);
            return { restored: undo.release ?? 'the previous task definitions', incomplete: false };
        }
        catch (error) {
            lib_core/* error */.z3(`Could not point the services back: ${(0,src.errorMessage)(error)}`);
            return { error: (0,src.publicErrorSummary)(error), incomplete: true };
        }
    }
}

;// CONCATENATED MODULE: ./packages/targets/src/cloud-run.ts



/** The revision the ledger recorded for a release (its latest successful deploy or rollback that names one), for `slot`. */
function recordedRevision(records, release, slot) {
    for (let i = records.length - 1; i >= 0; i--) {
        const record = records[i];
        const install = record.details?.install;
        if (record.release === release && (record.type === 'deploy' || record.type === 'rollback') && record.status === 'succeeded' && record.slot === slot && install?.revision)
            return install.revision;
    }
    return undefined;
}
/**
 * Google Cloud Run: a release runs as one revision of the service (named after the release, its
 * containers' images pinned to the release's digests), created through the Admin API v2 with the
 * service's traffic pinned, so it takes none. Blue-green: the slot is a traffic tag — the install
 * points tag `blue` or `green` at the revision (0%, its own URL for the smoke tests) and the
 * cloud-run router moves the percentages (another router may route between the tags' URLs). Direct: the install moves 100% to the revision once it is
 * Ready. A release deployed before already has its revision: it is reused, never created again
 * (rollback is a traffic change). What runs is read from Cloud Run itself; an undo writes back the
 * traffic the service had before the change.
 */
class CloudRunTarget {
    env;
    client;
    type = 'cloud-run';
    storesFiles = false;
    api;
    constructor(env, client, api) {
        this.env = env;
        this.client = client;
        const where = `${env.file ? `${env.file}: ` : ''}environments.${env.name}`;
        if (!env.cloudRun)
            throw new src.ShipkitError(`${where}.cloud-run is required for target cloud-run: { project, region, service, container-images }.`);
        this.api = api ?? new CloudRunClient(env.cloudRun);
    }
    describe(slot) {
        return `Cloud Run service ${this.api.serviceName}${slot ? ` (slot ${slot}: traffic tag ${slot})` : ''}`;
    }
    async validate(request) {
        const deploy = request.operation === 'deploy' && !request.fromRelease;
        await checkCloudRunTarget(this.api, request.images, deploy);
        if (request.operation === 'rollback' && !(await this.api.getRevision(revisionName(this.api.target.service, request.release)))) {
            throw new src.ShipkitError(`Cloud Run service ${this.api.target.service} has no revision ${revisionName(this.api.target.service, request.release)} for release ${request.release} any more: nothing to roll back to.`, {
                hint: 'Deploy the release again (deploy-env with its images) instead.',
            });
        }
        if (request.fromRelease)
            await checkPromotable(this.client, this.env, request.fromRelease, request.release, 'from-release', false);
    }
    async undoInfo(slot, live) {
        const service = await this.api.getService();
        return { target: this.type, slot, ...(live.release ? { release: live.release } : {}), ...(live.images !== undefined ? { images: live.images } : {}), traffic: pinnedTraffic(service) };
    }
    async install(request) {
        const { revision, created } = await ensureRevision(this.api, request.release, request.images, request.signal);
        const service = await this.api.getService();
        const current = pinnedTraffic(service);
        let traffic;
        if (request.slot) {
            const held = current.find((entry) => entry.tag === request.slot);
            if (held?.percent)
                throw new src.ShipkitError(`Refusing to install into slot ${request.slot} of ${this.env.name}: its traffic tag's revision ${held.revision} takes ${held.percent}% of live traffic.`);
            // Tag the revision: 0%, live traffic as it is.
            traffic = [...current.filter((entry) => entry.tag !== request.slot), { type: ALLOCATION_REVISION, revision, tag: request.slot }];
        }
        else {
            // Direct: all traffic to the release's revision; other tags kept, at 0%.
            traffic = [{ type: ALLOCATION_REVISION, revision, percent: 100 }, ...current.filter((entry) => entry.tag).map((entry) => ({ type: ALLOCATION_REVISION, revision: entry.revision, tag: entry.tag }))];
        }
        let after = service;
        if (!sameTraffic(current, traffic))
            after = await this.api.setTraffic(traffic, request.slot ? `pointing traffic tag ${request.slot} at ${revision}` : `moving all traffic of ${this.api.target.service} to ${revision}`, request.signal);
        const url = request.slot ? taggedRevision(after, request.slot)?.uri : undefined;
        lib_core/* info */.pq(request.slot ? `Slot ${request.slot} (traffic tag ${request.slot}${url ? `, ${url}` : ''}) holds ${revision}; live traffic stays ${describeShares(trafficShares(after))}.` : `${this.api.target.service} serves ${revision} (${describeShares(trafficShares(after))}).`);
        return { target: this.type, where: this.describe(request.slot), revision, created, ...(url ? { url } : {}) };
    }
    /** The slot's tag (blue-green), or all the traffic (direct), is on the revision the ledger recorded for `release`. */
    async verify(release, slot, records, installed) {
        const revision = installed?.revision ?? recordedRevision(records, release, slot) ?? revisionName(this.api.target.service, release);
        const service = await this.api.getService();
        if (slot) {
            const tagged = taggedRevision(service, slot)?.revision;
            return tagged === revision ? { runs: true, detail: `traffic tag ${slot} points at ${revision}` } : { runs: false, detail: `traffic tag ${slot} points at ${tagged ?? 'nothing'}, not ${revision}` };
        }
        const shares = trafficShares(service);
        return shares.get(revision) === 100 ? { runs: true, detail: `all traffic goes to ${revision}` } : { runs: false, detail: `the service's traffic is ${describeShares(shares)}, not 100% on ${revision}` };
    }
    async undo(undo, context) {
        if (!undo.traffic)
            return { error: "the service's traffic before the change is unknown", incomplete: true };
        try {
            const service = await this.api.getService();
            if (sameTraffic(pinnedTraffic(service), undo.traffic)) {
                lib_core/* info */.pq(`The traffic of ${this.api.target.service} is as it was before the change to ${context.failed} (${describeShares(trafficShares(service))}).`);
            }
            else {
                lib_core/* info */.pq(`Putting the traffic of ${this.api.target.service} back as it was before the change to ${context.failed}.`);
                const after = await this.api.setTraffic(undo.traffic, `restoring the traffic of ${this.api.target.service}`);
                lib_core/* info */.pq(`The traffic of ${this.api.target.service} is back: ${describeShares(trafficShares(after))}.`);
            }
            return { restored: undo.release ?? 'the previous traffic', incomplete: false };
        }
        catch (error) {
            lib_core/* error */.z3(`Could not put the traffic back: ${(0,src.errorMessage)(error)}`);
            return { error: (0,src.publicErrorSummary)(error), incomplete: true };
        }
    }
}

;// CONCATENATED MODULE: ./packages/targets/src/kubernetes.ts








/**
 * Kubernetes: a deploy renders the environment's kustomize overlay with the real `kubectl kustomize`
 * (or reads its manifest files), pins every mapped image to the release's digest, labels every
 * object with the app and the release, keeps the result in the release store
 * (`releases/<app>/<release>/kubernetes/<environment>.json`), applies it server-side (field manager
 * `shipkit`) and waits for every Deployment, StatefulSet and DaemonSet rollout. A rollback and the
 * undo of a failed, timed-out or cancelled rollout re-apply a recorded release's stored manifests
 * (nothing is rendered again) and wait. Objects are never deleted.
 */
const MANAGED_BY = 'app.kubernetes.io/managed-by';
const APP_LABEL = 'shipkit.dev/app';
const RELEASE_LABEL = 'shipkit.dev/release';
/** Blue-green: the slot an object belongs to (on the objects; the router's selector label is on the slot's pods, written in its overlay). */
const SLOT_LABEL = 'shipkit.dev/slot';
const DEFAULT_TIMEOUT = '10m';
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const kubernetes_IMAGE_NAME = /^[a-z0-9][a-z0-9._/:-]*$/;
/** Kinds that live outside namespaces (the rest get the environment's namespace). */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'IngressClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService', 'RuntimeClass', 'GatewayClass']);
/** The image name without tag or digest: `registry.example/shop/api:1.2@sha256:...` -> `registry.example/shop/api`. */
function imageName(image) {
    const withoutDigest = image.split('@')[0];
    const slash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.lastIndexOf(':');
    return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}
/** Every pod spec of an object (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod). */
function podTemplates(object) {
    const spec = object.spec;
    if (!spec)
        return [];
    if (object.kind === 'Pod')
        return [object];
    if (object.kind === 'CronJob') {
        const template = spec.jobTemplate?.spec?.template;
        return template ? [template] : [];
    }
    return spec.template && typeof spec.template === 'object' ? [spec.template] : [];
}
class KubernetesTarget {
    env;
    client;
    type = 'kubernetes';
    storesFiles = false;
    settings;
    field;
    timeoutMs;
    images;
    connection;
    rendered;
    constructor(env, client) {
        this.env = env;
        this.client = client;
        this.field = `${env.file ? `${env.file}: ` : ''}environments.${env.name}.kubernetes`;
        const settings = env.kubernetes;
        if (!settings)
            throw new src.ShipkitError(`${this.field} is required for target kubernetes: { namespace, kustomize: <dir> (or manifests: [files]), images: { <image in the manifests>: <build-images image> } }.`);
        if (typeof settings.namespace !== 'string' || !NAMESPACE.test(settings.namespace))
            throw (0,src.invalidInput)(`${this.field}.namespace`, settings.namespace, 'a namespace name (lowercase letters, digits and -, at most 63)');
        if (settings.context !== undefined && settings.server !== undefined)
            throw new src.ShipkitError(`${this.field} sets both context and server: name the kubeconfig context, or the server of its cluster, not both.`);
        if (settings.server !== undefined && !/^https?:\/\/[^\s]+$/.test(settings.server))
            throw (0,src.invalidInput)(`${this.field}.server`, settings.server, 'an API server URL (https://...)');
        if (settings.context !== undefined && (typeof settings.context !== 'string' || !settings.context.trim()))
            throw (0,src.invalidInput)(`${this.field}.context`, settings.context, 'a kubeconfig context name');
        const checkSource = (source, field) => {
            if ((source?.kustomize === undefined) === (source?.manifests === undefined)) {
                throw new src.ShipkitError(`${field} needs exactly one of kustomize (a kustomization directory) and manifests (a list of files); it has ${source?.kustomize === undefined ? 'neither' : 'both'}.`);
            }
            if (source.manifests !== undefined && (!Array.isArray(source.manifests) || !source.manifests.length))
                throw (0,src.invalidInput)(`${field}.manifests`, source.manifests, 'a list of manifest files in the repository');
        };
        if (env.strategy === 'blue-green') {
            // Each slot runs its own workloads (a deploy into the idle slot must not touch the live one's).
            for (const slot of ['blue', 'green'])
                checkSource(env.slots?.[slot]?.kubernetes, this.slotField(slot));
            const [blue, green] = ['blue', 'green'].map((slot) => JSON.stringify(env.slots[slot].kubernetes));
            if (blue === green)
                throw new src.ShipkitError(`${this.slotField('blue')} and ${this.slotField('green')} name the same ${env.slots.blue.kubernetes.kustomize ? 'overlay' : 'manifests'}: each slot needs its own workloads (a deploy into the idle slot would change the live one).`);
        }
        else {
            checkSource(settings, this.field);
        }
        this.images = settings.images ?? {};
        for (const [name, image] of Object.entries(this.images)) {
            if (!kubernetes_IMAGE_NAME.test(name) || name.includes('@'))
                throw (0,src.invalidInput)(`${this.field}.images`, name, 'an image name as the manifests write it, without tag or digest (e.g. registry.example/shop/api)');
            if (typeof image !== 'string' || !/^[a-z0-9][a-z0-9._/-]*$/.test(image))
                throw (0,src.invalidInput)(`${this.field}.images.${name}`, image, "an image name from build-images' images output (e.g. shop-backend)");
        }
        this.timeoutMs = (0,src.parseTimeout)(settings.timeout ?? DEFAULT_TIMEOUT, `${this.field}.timeout`);
        if (this.timeoutMs > 6 * 3_600_000)
            throw (0,src.invalidInput)(`${this.field}.timeout`, settings.timeout, 'a duration of at most 6h (a GitHub job runs at most 6h)');
        this.settings = settings;
    }
    slotField(slot) {
        return `${this.env.file ? `${this.env.file}: ` : ''}environments.${this.env.name}.slots.${slot}.kubernetes`;
    }
    /** Where a slot's (blue-green) or the environment's objects come from. */
    source(slot) {
        return slot ? { ...this.env.slots[slot].kubernetes, field: this.slotField(slot) } : { kustomize: this.settings.kustomize, manifests: this.settings.manifests, field: this.field };
    }
    describe(slot) {
        if (slot)
            return `kubernetes namespace ${this.settings.namespace}, slot ${slot} (${this.source(slot).kustomize ?? this.source(slot).manifests.join(', ')})`;
        return `kubernetes namespace ${this.settings.namespace} (${this.settings.context ? `context ${this.settings.context}` : this.settings.server ? `server ${this.settings.server}` : "the kubeconfig's current context"})`;
    }
    /** The API client, from the kubeconfig (read once; the token is registered as a secret before any request). */
    api() {
        this.connection ??= loadKubeconfig({ context: this.settings.context, server: this.settings.server, field: this.field }).then((connection) => new KubeClient(connection));
        return this.connection;
    }
    manifestsKey(release, slot) {
        return `${releasePrefix(this.env.state, this.env.app, release)}kubernetes/${this.env.name}${slot ? `.${slot}` : ''}.json`;
    }
    async stored(release, slot) {
        return (await getJsonObject(this.client, this.env.state.bucket, this.manifestsKey(release, slot)))?.value;
    }
    /** The overlay (or the manifest files) as objects, exactly as written. */
    async renderSource(slot) {
        const workspace = this.env.workspace;
        const texts = [];
        const source = this.source(slot);
        const field = source.field;
        if (source.kustomize !== undefined) {
            const dir = (0,src.resolveInside)(`${field}.kustomize`, source.kustomize, { workspace, kind: 'kustomization directory' });
            if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory())
                throw new src.ShipkitError(`${field}.kustomize names ${JSON.stringify(source.kustomize)}, which is not a directory (looked at ${dir}).`, { hint: 'Paths are relative to the workspace; check out the repository before this step.' });
            if (!['kustomization.yaml', 'kustomization.yml', 'Kustomization'].some((name) => (0,external_node_fs_.existsSync)(external_node_path_default().join(dir, name)))) {
                throw (0,src.invalidInput)(`${field}.kustomize`, source.kustomize, 'a directory holding a kustomization.yaml');
            }
            const result = await (0,src.exec)('kubectl', ['kustomize', dir], { silent: true, label: `kubectl kustomize ${source.kustomize}` });
            texts.push({ what: `the rendering of ${source.kustomize}`, text: result.stdout });
        }
        else {
            source.manifests.forEach((file, index) => {
                const { text } = (0,src.readFileInside)(`${field}.manifests[${index}]`, file, { workspace, kind: 'manifest file', maxBytes: 5 * 1024 * 1024 });
                texts.push({ what: file, text });
            });
        }
        const objects = [];
        for (const { what, text } of texts) {
            for (const document of dist.parseAllDocuments(text)) {
                if (document.errors.length)
                    throw new src.ShipkitError(`${this.field}: ${what} is not valid YAML: ${document.errors[0].message.split('\n')[0]}`);
                const value = document.toJSON();
                if (value === null || value === undefined)
                    continue;
                const items = value.kind?.endsWith('List') && Array.isArray(value.items) ? (value.items) : [value];
                for (const item of items) {
                    if (!item || typeof item !== 'object' || typeof item.apiVersion !== 'string' || typeof item.kind !== 'string' || typeof item.metadata?.name !== 'string') {
                        throw new src.ShipkitError(`${this.field}: ${what} holds a document that is not a Kubernetes object (apiVersion, kind and metadata.name are required).`);
                    }
                    objects.push(item);
                }
            }
        }
        if (!objects.length)
            throw new src.ShipkitError(`${field}: ${source.kustomize ?? source.manifests.join(', ')} renders no objects.`);
        return objects;
    }
    /** The objects a deploy of `release` applies: namespaced, images pinned to the release's digests, labelled. Checked before anything changes. */
    async render(release, images, slot) {
        const key = `${release}\n${slot ?? ''}\n${JSON.stringify(images ?? null)}`;
        if (this.rendered?.key === key)
            return this.rendered.objects;
        if (!LABEL_VALUE.test(release) || release.length > 63)
            throw (0,src.invalidInput)('release', release, 'a release id usable as a Kubernetes label value (at most 63 letters, digits, -, _ and .)');
        const list = Array.isArray(images) ? images : images && typeof images === 'object' ? Object.entries(images).map(([name, entry]) => ({ name, ...entry })) : [];
        const refs = new Map();
        for (const [manifestImage, buildName] of Object.entries(this.images)) {
            const entry = list.find((image) => image?.name === buildName);
            if (!entry) {
                throw new src.ShipkitError(`${this.field}.images maps ${manifestImage} to image ${JSON.stringify(buildName)}, but the images input (build-images' images output) has ${list.length ? list.map((image) => JSON.stringify(image?.name)).join(', ') : 'no images'}.`, {
                    hint: "Pass build-images' images output to deploy-env (images: ${{ steps.build.outputs.images }}).",
                });
            }
            if (!entry.digest || !/^sha256:[0-9a-f]{64}$/.test(entry.digest) || !entry.repository) {
                throw new src.ShipkitError(`${this.field}.images: image ${JSON.stringify(buildName)} has no digest in the images input (it was not pushed?); workloads run digests, never a mutable tag.`);
            }
            refs.set(manifestImage, `${entry.repository}@${entry.digest}`);
        }
        const objects = structuredClone(await this.renderSource(slot));
        const used = new Set();
        const seen = new Set();
        const namespace = this.settings.namespace;
        for (const object of objects) {
            const where = `${object.kind}/${object.metadata.name}`;
            if (object.kind === 'Secret' && (object.data || object.stringData)) {
                throw new src.ShipkitError(`${this.field}: the manifests hold ${where} with data; the rendered manifests are kept in the release store, where secrets must never go.`, {
                    hint: 'Create secrets outside the overlay (External Secrets, Sealed Secrets, or a separate kubectl step) and refer to them by name.',
                });
            }
            if (!CLUSTER_SCOPED.has(object.kind)) {
                if (object.metadata.namespace && object.metadata.namespace !== namespace) {
                    throw new src.ShipkitError(`${this.field}: ${where} is in namespace ${object.metadata.namespace}, but the environment deploys to namespace ${namespace}.`, { hint: 'Remove the namespace from the manifest, or set kubernetes.namespace to it.' });
                }
                object.metadata.namespace = namespace;
            }
            object.metadata.labels = { ...object.metadata.labels, [MANAGED_BY]: 'shipkit', [APP_LABEL]: this.env.app, [RELEASE_LABEL]: release, ...(slot ? { [SLOT_LABEL]: slot } : {}) };
            for (const template of podTemplates(object)) {
                if (template !== object) {
                    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [APP_LABEL]: this.env.app, [RELEASE_LABEL]: release } };
                }
                for (const container of [...(template.spec?.containers ?? []), ...(template.spec?.initContainers ?? [])]) {
                    if (typeof container.image !== 'string')
                        continue;
                    const name = imageName(container.image);
                    seen.add(name);
                    const ref = refs.get(name);
                    if (!ref)
                        continue;
                    container.image = ref;
                    used.add(name);
                }
            }
        }
        const unused = Object.keys(this.images).filter((name) => !used.has(name));
        if (unused.length) {
            throw new src.ShipkitError(`${this.field}.images maps ${unused.join(', ')}, which no container of the manifests runs (they run ${[...seen].join(', ') || 'no images'}).`);
        }
        this.rendered = { key, objects };
        return objects;
    }
    async validate(request) {
        if (request.fromRelease)
            await checkPromotable(this.client, this.env, request.fromRelease, request.release, 'from-release', false);
        let objects;
        if (request.operation === 'rollback') {
            const stored = await this.stored(request.release, request.slot);
            if (!stored)
                throw new src.ShipkitError(`The release store holds no Kubernetes manifests of ${request.release} for ${this.env.name} (${this.manifestsKey(request.release, request.slot)}): it was not deployed here by the kubernetes target.`);
            objects = stored.objects;
        }
        else if (request.images !== undefined || !request.fromRelease) {
            if (request.images === undefined && Object.keys(this.images).length) {
                throw new src.ShipkitError(`Input "images" is required for a kubernetes target that maps images (${this.field}.images): build-images' images output, whose digests the workloads run.`, {
                    hint: "images: ${{ steps.build.outputs.images }} (or from-release, to reuse a deployed release's images).",
                });
            }
            objects = await this.render(request.release, request.images, request.slot);
            const stored = await this.stored(request.release, request.slot);
            if (stored && JSON.stringify(stored.objects) !== JSON.stringify(objects)) {
                throw new src.ShipkitError(`Release ${request.release} was deployed to ${this.env.name} with other manifests (kept in the release store); a release name always means the same manifests.`, {
                    hint: 'Deploy the change as a new release (a new commit), or roll back to the release as it was.',
                });
            }
        }
        // The cluster is reachable with the kubeconfig, and serves every kind (a CRD is installed): before anything changes.
        const api = await this.api();
        for (const object of objects ?? [])
            await api.resourceOf(object.apiVersion, object.kind);
    }
    async undoInfo(slot, live) {
        return { target: this.type, slot, ...(live.release ? { release: live.release } : {}), ...(live.images !== undefined ? { images: live.images } : {}) };
    }
    /** Applies `objects` (server-side, field manager shipkit) and waits for every rollout. */
    async applyAndWait(objects, signal) {
        const api = await this.api();
        for (const object of objects) {
            if (signal?.aborted)
                throw signal.reason instanceof Error ? signal.reason : new src.ShipkitError('Cancelled.');
            try {
                await api.apply(object);
            }
            catch (error) {
                throw new src.ShipkitError(`Could not apply ${object.kind}/${object.metadata.name} in namespace ${this.settings.namespace}: ${(0,src.errorMessage)(error)}`);
            }
            lib_core/* info */.pq(`Applied ${object.kind.toLowerCase()}/${object.metadata.name}.`);
        }
        await waitForRollouts(api, objects.filter(isWorkload), this.settings.namespace, this.timeoutMs, { signal });
    }
    async install(request) {
        let objects;
        if (request.operation === 'deploy') {
            objects = await this.render(request.release, request.images, request.slot);
            const key = this.manifestsKey(request.release, request.slot);
            const stored = await this.stored(request.release, request.slot);
            if (!stored) {
                const value = { release: request.release, environment: this.env.name, namespace: this.settings.namespace, objects };
                await putJsonObject(this.client, this.env.state.bucket, key, value);
                lib_core/* info */.pq(`Kept the rendered manifests of ${request.release} in the release store (${key}).`);
            }
        }
        else {
            const stored = await this.stored(request.release, request.slot);
            if (!stored)
                throw new src.ShipkitError(`The release store holds no Kubernetes manifests of ${request.release} for ${this.env.name}: nothing to re-apply.`);
            objects = stored.objects;
            lib_core/* info */.pq(`Re-applying the manifests ${request.release} ran with (from the release store; nothing is rendered).`);
        }
        await this.applyAndWait(objects, request.signal);
        return { target: this.type, where: this.describe() };
    }
    /** Every workload of the release's stored manifests carries its release label and has rolled out (read from the cluster). */
    async verify(release, slot, _records, installed) {
        void installed;
        const stored = await this.stored(release, slot);
        if (!stored)
            return { runs: false, detail: `the release store holds no Kubernetes manifests of ${release} for ${this.env.name}` };
        const api = await this.api();
        const off = [];
        for (const object of stored.objects.filter(isWorkload)) {
            const now = await api.get(object);
            const name = `${object.kind.toLowerCase()}/${object.metadata.name}`;
            if (!now)
                off.push(`${name} does not exist`);
            else if (now.metadata.labels?.[RELEASE_LABEL] !== release)
                off.push(`${name} runs ${now.metadata.labels?.[RELEASE_LABEL] ?? 'no shipkit release'}`);
            else if (!rolloutStatus(now).done)
                off.push(`${name} has not rolled out`);
        }
        return off.length ? { runs: false, detail: off.join('; ') } : { runs: true, detail: `every workload runs ${release} and has rolled out` };
    }
    async undo(undo, context) {
        if (!undo.release)
            return { error: 'nothing was live before (objects are never deleted)', incomplete: true };
        lib_core/* info */.pq(`Re-applying ${undo.release}'s manifests on ${this.env.name} after the failed change to ${context.failed}.`);
        try {
            const stored = await this.stored(undo.release, undo.slot);
            if (!stored)
                return { error: `the release store holds no Kubernetes manifests of ${undo.release}`, incomplete: true };
            await this.applyAndWait(stored.objects);
            return { restored: undo.release, incomplete: false };
        }
        catch (error) {
            lib_core/* error */.z3(`Could not put ${undo.release} back: ${(0,src.errorMessage)(error)}`);
            return { error: (0,src.publicErrorSummary)(error), incomplete: true };
        }
    }
}

;// CONCATENATED MODULE: ./packages/targets/src/object-store.ts





/**
 * A static site in an object store (S3 or an S3-compatible store, or Azure Blob Storage through the
 * same client): releases are kept once in the release store and installed by server-side copy —
 * changed files only, assets first, entry documents last, stale files (only those shipkit put there)
 * after, the install manifest in the state store last.
 */
class ObjectStoreTarget {
    env;
    client;
    type = 's3';
    storesFiles = true;
    constructor(env, client) {
        this.env = env;
        this.client = client;
    }
    describe(slot) {
        return describeLocation(installLocation(this.env, slot));
    }
    field(slot) {
        return `${this.env.file ? `${this.env.file}: ` : ''}environments.${this.env.name}${slot ? `.slots.${slot}` : ''}.s3`;
    }
    async validate(request) {
        await this.checkOwnership(request.slot);
        // Releases are immutable: a stored release name deployed from other files is refused here, before anything changes.
        if (request.sourceDir && !request.fromRelease)
            await checkReleaseUnchanged(this.client, this.env, request.release, request.sourceDir);
        // A release installed from the store (a rollback, a promotion, a re-deploy without files) must be complete there.
        if (request.operation === 'rollback' || (!request.sourceDir && !request.fromRelease))
            await this.checkInstallable(request.release, request.operation === 'rollback' ? 'to' : 'release');
        if (request.fromRelease)
            await checkPromotable(this.client, this.env, request.fromRelease, request.release, 'from-release', true);
    }
    /** The release is complete in the release store; throws naming `input` otherwise. */
    async checkInstallable(release, input) {
        if (!(await storedRelease(this.client, this.env, release))) {
            throw new src.ShipkitError(`Input "${input}" names release ${JSON.stringify(release)}, which is not in the release store (${describeLocation(releaseLocation(this.env.state, this.env.app, release))}).`, {
                hint: 'It was never uploaded, or retention removed it. Deploy it with source-dir, or pick a release listed in the ledger.',
            });
        }
    }
    /**
     * Before the first deploy into a location: refuses one that already holds objects shipkit did not
     * put there (no install manifest) unless the environment says `adopt: true`. Two requests at most.
     */
    async checkOwnership(slot) {
        if (this.env.adopt)
            return;
        const location = installLocation(this.env, slot);
        const prefix = location.prefix ?? '';
        if (await readManifestOf(this.client, location.bucket, prefix, installManifestLocation(this.env, slot)))
            return;
        const listed = await peekKeys(this.client, location.bucket, prefix, 3);
        const keys = listed.keys;
        if (!keys.length)
            return;
        throw new src.ShipkitError(`${this.field(slot)} ${describeLocation(location)}: it already holds objects shipkit did not put there (${keys.map((key) => JSON.stringify(key.slice(0, 100))).join(', ')}${listed.more ? ', ...' : ''}) and no install manifest — refusing to deploy into someone else's files.`, { hint: `Point the environment at an empty bucket or prefix, or set adopt: true on environments.${this.env.name} to deploy there anyway (installs never delete files they did not write, unless prune: all).` });
    }
    /** Puts the release into the release store: promoted server-side from `fromRelease`, or uploaded once from `sourceDir`. */
    async prepare(request) {
        if (request.fromRelease) {
            // Build once: the tested release's bytes, copied inside the store; nothing comes from the runner.
            const source = await checkPromotable(this.client, this.env, request.fromRelease, request.release, 'from-release', true);
            const promotion = await promoteRelease(this.client, this.env, source, request.release, request.details);
            lib_core/* info */.pq(promotion.reused
                ? `Release ${request.release} is already in the release store as a copy of ${source.release}: nothing copied.`
                : `Release ${request.release} promoted from ${source.release} in the release store: ${promotion.copied} of ${promotion.files} files copied server-side, none uploaded.`);
            return { promotion };
        }
        if (request.sourceDir) {
            // Files the live release already has in the store are copied server-side, not uploaded again.
            const upload = await uploadRelease(this.client, this.env, request.release, request.sourceDir, request.details, request.previousRelease ? [request.previousRelease] : []);
            lib_core/* info */.pq(upload.reused
                ? `Release ${request.release} is already in the release store with the same content: not uploaded again.`
                : `Release ${request.release} put in the release store: ${upload.uploaded} uploaded, ${upload.copied ?? 0} copied from ${request.previousRelease ?? '-'}, ${upload.skipped} already there.`);
            return { upload };
        }
        return {};
    }
    async undoInfo(slot, live) {
        return { target: this.type, slot, ...(live.release ? { release: live.release } : {}) };
    }
    async install(request) {
        const { env, client } = this;
        const to = installLocation(env, request.slot);
        const from = releaseLocation(env.state, env.app, request.release);
        const result = await inField(this.field(request.slot), describeLocation(to), () => copyPrefix(client, {
            from,
            to: { bucket: to.bucket, prefix: to.prefix ?? '' },
            // Only what an earlier install put there goes (hand-placed files and uploads stay), unless `prune: all`.
            deleteStale: env.prune === 'all' ? true : 'owned',
            meta: { app: env.app, release: request.release, environment: env.name, ...(request.slot ? { slot: request.slot } : {}) },
            cacheControl: installCacheControl(env.cacheControl),
            // shipkit's bookkeeping stays in the state store: the served location holds only the site.
            manifestAt: installManifestLocation(env, request.slot),
            timings: request.timings,
        }));
        // A live install (not a blue-green slot, which the switch invalidates): the CDN drops exactly what changed.
        const changed = changedKeys(result.plan.entries);
        const cdn = request.slot ? undefined : await cdn_invalidateEnvironmentCdn(env, changed);
        return { target: this.type, where: describeLocation(to), copied: result.uploaded, skipped: result.skipped, deleted: result.deleted, ...(cdn ? { cdn } : {}) };
    }
    async verify(release, slot) {
        const location = installLocation(this.env, slot);
        const manifest = await readManifestOf(this.client, location.bucket, location.prefix ?? '', installManifestLocation(this.env, slot));
        if (!manifest)
            return { runs: false, detail: `${describeLocation(location)} has no install manifest` };
        const holds = manifest.meta?.release;
        if (!manifest.complete)
            return { runs: false, detail: `${describeLocation(location)} holds an unfinished install of ${String(holds ?? '?')}` };
        return holds === release ? { runs: true, detail: `${describeLocation(location)} holds ${release} completely` } : { runs: false, detail: `${describeLocation(location)} holds ${String(holds ?? 'an unknown release')}` };
    }
    async undo(undo, context) {
        const what = `${undo.release ?? '?'} on ${this.env.name}${undo.slot ? ` (slot ${undo.slot})` : ''}`;
        if (!undo.release)
            return { error: 'nothing was live before', incomplete: true };
        lib_core/* info */.pq(`Restoring ${what} after the failed change to ${context.failed}.`);
        try {
            await this.install({ release: undo.release, slot: undo.slot, previousRelease: context.failed, operation: 'restore' });
            lib_core/* info */.pq(`Restored ${what}: it serves what it served before.`);
            return { restored: undo.release, incomplete: false };
        }
        catch (error) {
            lib_core/* error */.z3(`Could not restore ${what}: ${(0,src.errorMessage)(error)}. The location is recorded as incomplete; the next deploy or rollback of any release reinstalls it in full.`);
            return { error: (0,src.publicErrorSummary)(error), incomplete: true };
        }
    }
    async remove() {
        const location = installLocation(this.env, undefined);
        const deleted = await deletePrefix(this.client, location.bucket, location.prefix ?? '');
        const manifest = installManifestLocation(this.env, undefined);
        await this.client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: manifest.bucket, Key: manifest.key }));
        return deleted;
    }
    async afterSuccess(request) {
        try {
            const retention = await pruneReleases(this.client, this.env, { alsoKeep: request.keep, dryRun: request.dryRun });
            if (request.dryRun) {
                lib_core/* info */.pq(`Retention (dry run, nothing deleted): would remove ${retention.deleted.length ? retention.deleted.join(', ') : 'nothing'}.`);
                for (const [kept, why] of Object.entries(retention.reasons))
                    lib_core/* info */.pq(`  keeps ${kept}: ${why.join('; ')}`);
            }
            else if (retention.deleted.length) {
                lib_core/* info */.pq(`Retention: removed ${retention.deleted.length} release(s) no environment needs: ${retention.deleted.join(', ')}.`);
            }
        }
        catch (error) {
            lib_core/* warning */.$e(`Retention skipped: ${(0,src.errorMessage)(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/targets/src/factory.ts






/** The kinds of target (what each needs of its environment's config is checked when the target is created). */
const TARGET_TYPES = Object.keys(src.TARGET_KINDS);
/**
 * The target of an environment, from its config: the only place that tells targets apart. Every
 * problem with the target's settings is reported here, before anything changes. `client` is the
 * state store's client (the object-store target also installs with it: installs are server-side
 * copies from the release store, on one service).
 */
function createTarget(env, client, dependencies = {}) {
    const where = `${env.file ? `${env.file}: ` : ''}environments.${env.name}`;
    switch (env.target) {
        case 's3':
            if (env.strategy === 'blue-green') {
                for (const slot of ['blue', 'green'])
                    if (!env.slots?.[slot]?.s3)
                        throw new src.ShipkitError(`Environment ${JSON.stringify(env.name)} (target s3, blue-green) needs ${where}.slots.${slot}.s3.bucket.`);
            }
            else if (!env.s3) {
                throw new src.ShipkitError(`Environment ${JSON.stringify(env.name)} (target s3, direct) has no bucket: set ${where}.s3.bucket or the "bucket" input.`);
            }
            return new ObjectStoreTarget(env, client);
        case 'command':
            return new CommandTarget(env, client, dependencies.secrets);
        case 'ecs':
            return new EcsTarget(env, client, dependencies.ecsClient);
        case 'cloud-run':
            return new CloudRunTarget(env, client, dependencies.cloudRunClient);
        case 'kubernetes':
            return new KubernetesTarget(env, client);
        default:
            throw new src.ShipkitError(`${where}.target has an invalid value ${JSON.stringify(env.target)}: expected ${TARGET_TYPES.join(', ')}.`);
    }
}

;// CONCATENATED MODULE: ./packages/targets/src/transaction.ts



/**
 * Every change of an environment is one transaction, the same for every target:
 * validate everything -> take the lease -> save undo information (to the runner's state) -> write,
 * checking before each write phase that the lease is still this run's and the step was not
 * cancelled -> verify -> record -> release. A failure, a cancel (SIGINT/SIGTERM) and a post step
 * after an unfinished main step all end the same way: undo, record what really runs, release.
 */
/** The step was cancelled (the runner sent SIGINT or SIGTERM): nothing more is written but the undo. */
class CancelledError extends src.ShipkitError {
    constructor(what) {
        super(`Cancelled: ${what} was stopped before it finished (the runner sent a cancel).`, { hint: 'The environment was put back to what it served before; re-run to complete the change.' });
        this.name = 'CancelledError';
    }
}
/**
 * The runner's cancel as an AbortSignal: GitHub sends SIGINT, then SIGTERM 7.5 s later, then kills
 * the step. The first signal aborts (the change stops writing, undoes, records and releases); the
 * process is not ended by it. `dispose` restores the default handling.
 */
function cancellation() {
    const controller = new AbortController();
    const onSignal = (name) => {
        if (!controller.signal.aborted)
            lib_core/* warning */.$e(`Received ${name}: stopping before the next write, then putting back what served before.`);
        controller.abort(new CancelledError('the change'));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        signal: controller.signal,
        dispose() {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        },
    };
}
const CHANGE_STATE = 'change';
/**
 * Whether a post step has anything to do with this saved state (finishInterrupted's own test): a
 * lease to release, or a change started and not ended.
 */
function changeNeedsPost(state) {
    return Boolean(state.lease) || Boolean(state.started && !state.ended);
}
/**
 * Saves the change's state for the post step (the runner's GITHUB_STATE; the last value of a key
 * wins), and tells the post entry whether it has work: `pending` before a state with work, `idle`
 * after one without (so a main step killed between the two writes still runs its post step).
 */
function saveChangeState(state) {
    const needsPost = changeNeedsPost(state);
    if (needsPost)
        (0,src.setPostPending)(true);
    lib_core/* saveState */.LZ(CHANGE_STATE, JSON.stringify(state));
    if (!needsPost)
        (0,src.setPostPending)(false);
}
/**
 * After the main step released the lease: a change that ended (or never started) leaves its post
 * step nothing, so the lease is dropped from the state and the post entry told `idle`. A change
 * that did not record its end keeps the lease in its state: its post step must find the lease no
 * longer held before it touches anything.
 */
function saveLeaseReleased(state) {
    if (state.started && !state.ended)
        return;
    delete state.lease;
    saveChangeState(state);
}
function readChangeState() {
    const text = lib_core/* getState */.Gu(CHANGE_STATE);
    if (!text)
        return undefined;
    try {
        const parsed = JSON.parse(text);
        return parsed?.version === 1 ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
/** What the ledger keeps about an undo. */
function restoreDetails(restore) {
    return { restored: restore.restored, restoreError: restore.error, incomplete: restore.incomplete };
}
/** The sentence a failed change's error ends with: what serves now. */
function describeRestore(restore) {
    return restore.restored
        ? `The previous release ${restore.restored} was reinstalled and serves as before.`
        : `The previous state could not be restored (${restore.error}): the location is recorded as incomplete, and the next deploy or rollback reinstalls in full.`;
}
/**
 * One change of one location (the live location, or a slot), driven by its action: the undo
 * information is saved before the first write, every write phase is fenced, and a failure or a
 * cancel is undone and recorded the same way.
 */
class Change {
    options;
    undo;
    operation;
    writing = false;
    constructor(options) {
        this.options = options;
    }
    persist(patch) {
        if (!this.options.state || !this.options.save)
            return;
        Object.assign(this.options.state, patch);
        this.options.save(this.options.state);
    }
    /** Before a write phase: stop when cancelled; make sure the lease is still this run's. */
    async fence(phase) {
        if (this.options.signal?.aborted)
            throw new CancelledError(`${this.options.state?.operation ?? 'the change'} on ${this.options.environment} (before ${phase})`);
        await this.options.fence?.check(phase);
    }
    /** Reads what the location runs now (the target's undo information) and saves it, before the first write. */
    async saveUndo(slot, live) {
        this.undo = await this.options.target.undoInfo(slot, live);
        this.persist({ undo: this.undo });
        return this.undo;
    }
    /** The started record is written (fenced): saved for the post step. */
    async begin(start) {
        await this.fence('record');
        this.operation = await start();
        this.persist({ started: this.operation.started });
        return this.operation;
    }
    /** The location is about to change (fenced): from here on an unfinished change is undone. */
    async startWriting(phase = 'install') {
        await this.fence(phase);
        this.writing = true;
        this.persist({ writing: true });
    }
    /** Records the success (fenced: a run that lost its lease records nothing as succeeded). */
    async succeed(extra = {}) {
        await this.fence('record');
        const record = await this.operation.succeed(extra);
        this.persist({ ended: true });
        return record;
    }
    /**
     * Ends a failed or cancelled change: undoes the live location when it began to change (a slot
     * takes no traffic: nothing to undo), records the failure (`cancelled`, what was restored, or
     * `incomplete`), and returns the error to throw. A run that lost its lease undoes and records
     * nothing: another run changes the environment now.
     */
    async fail(error, details = {}) {
        const failure = error instanceof src.ShipkitError ? error : new src.ShipkitError((0,src.errorMessage)(error), { cause: error });
        if (isLeaseLost(error)) {
            lib_core/* info */.pq('This run lost its lease: nothing more is written by it (no undo, no record).');
            this.persist({ ended: true });
            return failure;
        }
        const cancelled = error instanceof CancelledError || !!this.options.signal?.aborted;
        let restore;
        if (this.writing && this.undo && !this.undo.slot) {
            restore = await this.options.target.undo(this.undo, { failed: this.options.state?.release ?? '?' });
        }
        if (this.operation) {
            await this.operation
                .fail(failure, { details: { ...details, ...(cancelled ? { cancelled: true } : {}), ...(restore ? restoreDetails(restore) : {}) } })
                .catch((recordError) => lib_core/* warning */.$e(`Could not record the failure in the ledger: ${(0,src.errorMessage)(recordError)}`));
        }
        this.persist({ ended: true });
        if (!restore)
            return failure;
        return new src.ShipkitError(`${failure.message} ${describeRestore(restore)}`, { hint: failure.hint, cause: error });
    }
}
/**
 * The post step of a change whose main step did not finish (cancelled, killed): with the lease
 * still this run's, undoes the live location when it began to change, records the change as failed
 * (`cancelled: true`, or `incomplete` naming what runs when the undo failed), and releases the lease.
 * A change whose end is recorded only gets its lease released; a lease another run holds now means
 * nothing is touched.
 */
async function finishInterrupted(options) {
    const { saved, client } = options;
    const { where } = saved;
    const leaseKey = saved.lease?.key;
    const releaseLease = async () => {
        if (!saved.lease || !leaseKey)
            return;
        try {
            if (await EnvironmentLease.releaseToken(client, where.state.bucket, leaseKey, saved.lease.token))
                lib_core/* info */.pq(`Released the environment lease the interrupted ${options.action} held.`);
        }
        catch (error) {
            lib_core/* warning */.$e(`Could not release the environment lease (it expires on its own): ${(0,src.errorMessage)(error)}`);
        }
    };
    if (saved.ended || !saved.started) {
        await releaseLease();
        return;
    }
    const ledger = await openLedger({ state: where.state, app: where.app, environment: where.environment, client, run: runInfoFromEnv() });
    const ended = await ledger.endOf(saved.started.operation).catch(() => undefined);
    if (ended) {
        lib_core/* info */.pq(`The ${saved.operation} on ${where.environment} had already recorded its end (${ended.status}); nothing to undo.`);
        await releaseLease();
        return;
    }
    // Only the lease's holder may undo and record: another run may be changing the environment now.
    if (saved.lease && !(await EnvironmentLease.heldBy(client, where.state.bucket, saved.lease.key, saved.lease.token).catch(() => false))) {
        lib_core/* warning */.$e(`The ${saved.operation} on ${where.environment} was interrupted, and its lease is no longer this run's: another run changes the environment now, so nothing is undone or recorded here. Check the ledger.`);
        return;
    }
    let restore;
    if (saved.writing && saved.undo && !saved.undo.slot) {
        let target;
        try {
            target = options.target?.();
        }
        catch (error) {
            restore = { error: `the environment could not be resolved again: ${(0,src.publicErrorSummary)(error)}`, incomplete: true };
        }
        if (target)
            restore = await target.undo(saved.undo, { failed: saved.release, records: await ledger.records() });
        else
            restore ??= { error: 'no target to undo with', incomplete: true };
    }
    const failure = new src.ShipkitError(`interrupted: the ${options.action} step ended without finishing (cancelled or killed) during the ${saved.operation} on ${where.environment}.`);
    try {
        const operation = new ledger_Operation(ledger, saved.started);
        const end = await operation.fail(failure, { details: { cancelled: true, installed: false, ...(restore ? restoreDetails(restore) : {}) } });
        if (operation.endedBefore)
            lib_core/* info */.pq(`The ${saved.operation} on ${where.environment} had already recorded its end (${end.status}).`);
        else {
            const what = restore?.restored
                ? `; ${restore.restored} was put back and serves as before`
                : restore
                    ? `; nothing was put back (${restore.error}): the location is recorded as incomplete, and the next deploy or rollback reinstalls in full`
                    : '';
            lib_core/* warning */.$e(`Recorded the interrupted ${saved.operation} on ${where.environment} as failed (cancelled)${what}.`);
        }
    }
    catch (error) {
        lib_core/* warning */.$e(`Could not record the interrupted ${saved.operation}: ${(0,src.errorMessage)(error)}`);
    }
    await releaseLease();
}

;// CONCATENATED MODULE: ./packages/targets/src/index.ts









;// CONCATENATED MODULE: ./packages/environments/src/inputs.ts

/**
 * The action inputs that override an environment's config fields (app, state, target, strategy,
 * bucket, prefix, url, deploy-command, retention), read the same way by every action that
 * resolves an environment. Empty inputs mean "use the config file".
 */
function readEnvironmentInputs() {
    const deployCommand = (0,src.getList)('deploy-command', { comma: false });
    const lockTimeout = (0,src.getOptional)('lock-timeout');
    return {
        app: (0,src.getOptional)('app'),
        state: (0,src.getOptional)('state'),
        target: (0,src.getOptional)('target') ? (0,src.getEnum)('target', ['s3', 'command'], 's3') : undefined,
        strategy: (0,src.getOptional)('strategy') ? (0,src.getEnum)('strategy', ['direct', 'blue-green'], 'direct') : undefined,
        bucket: (0,src.getOptional)('bucket'),
        prefix: (0,src.getOptional)('prefix'),
        url: (0,src.getOptional)('url'),
        deploy: deployCommand.length ? deployCommand : undefined,
        retention: (0,src.getOptional)('retention') ? (0,src.getNumber)('retention', 10, { min: 1, integer: true }) : undefined,
        lockTimeoutMs: lockTimeout ? (0,src.parseDuration)(lockTimeout, 'lock-timeout') : undefined,
    };
}

;// CONCATENATED MODULE: ./packages/deploy-env/src/context.ts



/** Turns the action's inputs (and the config file) into a typed, validated request. Nothing changes here. */
function readDeployInputs() {
    const run = (0,src.readContext)();
    const environment = (0,src.getString)('environment', { required: true });
    const loaded = (0,src.loadConfig)((0,src.getOptional)('config'), run.workspace);
    // A preview environment is resolved for the run's pull request ({pr}, {branch}, ledger <environment>/pr-<n>).
    const env = resolveEnvironment(loaded, environment, { ...readEnvironmentInputs(), preview: pullRequestOf(run) }, run.workspace);
    const releaseInput = (0,src.getOptional)('release');
    // A preview's release is named for its pull request and head commit (GITHUB_SHA is the merge commit).
    const release = releaseInput ? (0,src.checkReleaseId)('release', releaseInput) : env.preview ? (0,src.checkReleaseId)('release', `pr-${env.preview.pr}-${pullRequestHeadSha(run).slice(0, 7)}`) : (0,src.releaseIdFromRef)(run.ref, run.sha);
    let sourceDir;
    const sourceInput = (0,src.getOptional)('source-dir');
    if (sourceInput) {
        sourceDir = (0,src.resolveInside)('source-dir', sourceInput, { workspace: run.workspace, allowOutside: (0,src.getBoolean)('allow-outside-workspace', false), kind: 'directory' });
        if (!(0,external_node_fs_.existsSync)(sourceDir) || !(0,external_node_fs_.statSync)(sourceDir).isDirectory()) {
            throw (0,src.invalidInput)('source-dir', sourceInput, `a directory of static files (looked at ${sourceDir})`);
        }
    }
    const fromInput = (0,src.getOptional)('from-release');
    const fromRelease = fromInput ? (0,src.checkReleaseId)('from-release', fromInput) : undefined;
    if (fromRelease && sourceInput) {
        throw (0,src.invalidInput)('from-release', fromRelease, 'empty when "source-dir" is given (a release is either built from source-dir or promoted from an existing release)');
    }
    if (fromRelease && fromRelease === release)
        throw (0,src.invalidInput)('from-release', fromRelease, `an existing release other than the one being deployed (${release})`);
    const images = (0,src.getStructured)('images');
    if (images !== undefined && (typeof images !== 'object' || images === null)) {
        throw (0,src.invalidInput)('images', images, "build-images' images output (a JSON object or list)");
    }
    return { env, release, sourceDir, fromRelease, images, githubToken: (0,src.getSecret)('github-token'), retentionDryRun: (0,src.getBoolean)('retention-dry-run', false), run };
}

;// CONCATENATED MODULE: ./packages/deploy-env/src/deploy.ts






/**
 * The slot a deploy installs into (blue-green: the idle one); undefined for direct. Never a slot
 * that receives any live traffic: the router's own reading (a share of a split included) and the
 * ledger's open canary are both checked, and a router that cannot be read is an error.
 */
async function deploySlot(env, state, router) {
    if (env.strategy !== 'blue-green')
        return undefined;
    const slot = idleSlot(state);
    if (slot === state.live?.slot)
        throw new src.ShipkitError(`Refusing to install into the live slot ${slot}.`);
    // Before the first switch nothing is live in the ledger, and the router's first slot is filled (a listener created pointing at blue).
    const view = await traffic_readTraffic(state.live ? router : undefined, state, `deploy-env (it never installs into a slot that receives traffic)`);
    if (view.router && !view.ledger && state.live && view.router[slot] === 100) {
        throw new src.ShipkitError(`Refusing to install into slot ${slot} of ${env.name}: the router sends live traffic to it, although the ledger records ${state.live.slot} as live.`, {
            hint: `Someone switched by hand, or a switch was interrupted. Run blue-green-switch with to: ${slot} to record where traffic goes, then deploy again.`,
        });
    }
    refuseSlotWithTraffic({ environment: env.name, slot, view, state, doing: 'install into' });
    return slot;
}
/**
 * Deploys a release as one transaction (the caller holds the lease and validated the request):
 * decides a no-op by what really runs (the target's verify, not the ledger alone), saves what the
 * location runs for the undo, records `started`, puts the release into the release store (object
 * stores), runs pre-deploy, installs (direct: the live location; blue-green: the idle slot, never
 * the live one), runs post-deploy, verifies, records `succeeded`, then applies retention. A failure
 * or a cancel undoes the live location and records what runs.
 */
async function deploy(request) {
    const { env, release, ledger, target } = request;
    const { state, records } = await ledger.read();
    const previousRelease = state.live?.release;
    const slot = await deploySlot(env, state, request.router);
    // A no-op only when the ledger says the release is live AND the target confirms it runs there.
    if (state.live && state.live.release === release) {
        const verified = await target.verify(release, state.live.slot, records);
        if (verified.runs) {
            const liveSlot = state.live.slot;
            const operation = await ledger.begin({ type: 'deploy', release, slot: liveSlot, previousRelease, previousSlot: liveSlot, details: { ...request.details, noop: true, verified: verified.detail } }, state);
            const record = await operation.succeed();
            lib_core/* info */.pq(`Release ${release} is already live on ${env.name}${liveSlot ? ` (slot ${liveSlot})` : ''} and ${verified.detail}: nothing to do (recorded as a no-op).`);
            await request.mirror?.start();
            await request.mirror?.status('success', `${release} already live`);
            return { release, previousRelease, rollbackTarget: rollbackTargetFor(state, release), slot: liveSlot, slotUrl: liveSlot ? slotUrl(env, liveSlot) : undefined, url: env.url, noop: true, conflicts: operation.conflicts, record };
        }
        lib_core/* warning */.$e(`Release ${release} is live on ${env.name} according to the ledger, but ${verified.detail}: installing it again.`);
    }
    const images = request.images ?? (request.fromRelease ? imagesOf(records, request.fromRelease) ?? (await promotedImages(request)) : undefined);
    const change = new Change({ target, ledger, fence: request.fence, signal: request.signal, state: request.changeState, save: request.saveChange, environment: env.name });
    // What the location runs now, saved before the first write: the undo of a failure or a cancel.
    await change.saveUndo(slot, { release: slot ? state.slots[slot]?.release : previousRelease, images: previousRelease ? imagesOf(records, previousRelease) : undefined, taskDefinitions: previousRelease ? taskDefinitionsOf(records, previousRelease, slot) : undefined });
    const description = { release, slot, previousRelease, images, sourceDir: request.sourceDir, promotedFrom: request.fromRelease, operation: 'deploy' };
    const operation = await change.begin(() => ledger.begin({
        type: 'deploy',
        release,
        slot,
        previousRelease,
        previousSlot: state.live?.slot,
        details: { ...request.details, target: env.target, strategy: env.strategy, ...(images !== undefined ? { images } : {}), ...(request.fromRelease ? { promotedFrom: request.fromRelease } : {}) },
    }, state));
    await request.mirror?.start();
    if (request.mirror?.deploymentId !== undefined)
        request.onMirrored?.(request.mirror.deploymentId);
    let prepared = {};
    let install;
    let installed = false;
    let step = 'upload';
    let record;
    try {
        if (target.prepare) {
            await change.fence('upload');
            prepared = await target.prepare({ release, sourceDir: request.sourceDir, fromRelease: request.fromRelease, previousRelease, details: request.details });
        }
        step = 'pre-deploy';
        // A hook is the user's write: fenced like the install (no request when there is none).
        if (env.preDeploy)
            await change.fence('pre-deploy');
        await runHook(env, 'pre-deploy', description, request.secrets);
        step = 'install';
        await change.startWriting('install');
        install = await target.install({ ...description, signal: request.signal });
        installed = true;
        step = 'post-deploy';
        if (env.postDeploy)
            await change.fence('post-deploy');
        await runHook(env, 'post-deploy', description, request.secrets);
        step = 'verify';
        const verified = await target.verify(release, slot, records, install);
        if (!verified.runs)
            throw new src.ShipkitError(`The install of ${release} on ${env.name}${slot ? ` (slot ${slot})` : ''} finished, but ${verified.detail}.`);
        // The success record is the change's last write: a cancel or a lost lease up to here is undone like any failure.
        step = 'record';
        record = await change.succeed({
            details: {
                install,
                ...(request.fromRelease ? { promotedFrom: request.fromRelease } : {}),
                ...(prepared.promotion ? { promotion: prepared.promotion } : {}),
                ...(prepared.upload ? { upload: { reused: prepared.upload.reused, uploaded: prepared.upload.uploaded, copied: prepared.upload.copied, files: prepared.upload.files } } : {}),
            },
        });
    }
    catch (error) {
        const failure = await change.fail(error, { installed, failedStep: step, ...(install ? { install } : {}) });
        await request.mirror?.status('failure', `${release} failed: ${(0,src.publicErrorSummary)(failure)}`.slice(0, 140)).catch(() => undefined);
        throw failure;
    }
    await request.mirror?.status('success', `${release} deployed${slot ? ` to slot ${slot}` : ''}`);
    await target.afterSuccess?.({ keep: request.fromRelease ? [release, request.fromRelease] : [release], dryRun: request.retentionDryRun });
    return { release, previousRelease, rollbackTarget: rollbackTargetFor(state, release), slot, slotUrl: slot ? (slotUrl(env, slot) ?? install?.url) : undefined, url: env.url, noop: false, upload: prepared.upload, promotedFrom: request.fromRelease, promotion: prepared.promotion, install, conflicts: operation.conflicts, record };
}
/** The images recorded for a promoted release in any of the app's ledgers (command and ecs targets deploy them again). */
async function promotedImages(request) {
    return (await checkPromotable(request.client, request.env, request.fromRelease, request.release, 'from-release', request.target.storesFiles)).images;
}

;// CONCATENATED MODULE: ./packages/deploy-env/src/main.ts









const STATE_MIRROR = 'github-deployment';
/** Reads the inputs, deploys as one transaction (cancel included), writes the outputs. */
async function main() {
    // Nothing saved yet: the post step has nothing to do until a change state says otherwise.
    (0,src.setPostPending)(false);
    const cancel = cancellation();
    try {
        await deployStep(cancel.signal);
    }
    finally {
        cancel.dispose();
    }
}
async function deployStep(signal) {
    const inputs = readDeployInputs();
    const { env, run } = inputs;
    const client = createObjectStore({ region: env.aws.region, endpoint: env.aws.endpoint, forcePathStyle: env.aws.forcePathStyle });
    const secrets = inputs.githubToken ? [inputs.githubToken] : [];
    // Every problem with the target's settings is reported here, before anything is written.
    const target = createTarget(env, client, { secrets });
    const router = env.strategy === 'blue-green' && env.router ? factory_createRouter(env) : undefined;
    const ledger = await openLedger({ state: env.state, app: env.app, environment: env.name, client });
    const mirror = deploymentMirror({ token: inputs.githubToken, run, environment: env, release: inputs.release, description: `shipkit deploy ${inputs.release}` });
    const changeState = { version: 1, where: { state: env.state, app: env.app, environment: env.name, aws: env.aws }, operation: `deploy of ${inputs.release}`, release: inputs.release };
    const leased = {
        ledger,
        operation: `deploy ${inputs.release}`,
        // Read-only checks of the whole request (someone else's files in the location, images, services,
        // the release in the store) before anything — the lease included — is written.
        validate: async () => {
            const slot = env.strategy === 'blue-green' ? idleSlot(await ledger.state()) : undefined;
            // The router's own checks (an ALB's slot target groups exist on its load balancer), before the slot is filled.
            await router?.validate?.();
            await target.validate({ release: inputs.release, slot, images: inputs.images, fromRelease: inputs.fromRelease, sourceDir: inputs.sourceDir, operation: 'deploy' });
        },
        onAcquired: (lease) => {
            changeState.lease = { key: lease.key, token: lease.holder.token };
            saveChangeState(changeState);
        },
        onReleased: () => saveLeaseReleased(changeState),
    };
    const outcome = await withEnvironmentLease(env, client, leased, (lease) => deploy({
        env,
        target,
        release: inputs.release,
        sourceDir: inputs.sourceDir,
        fromRelease: inputs.fromRelease,
        images: inputs.images,
        client,
        ledger,
        fence: lease,
        signal,
        changeState,
        saveChange: saveChangeState,
        mirror,
        secrets,
        retentionDryRun: inputs.retentionDryRun,
        // A preview records its pull request and branch (remove-preview finds its location again) and the head commit.
        details: env.preview ? { commit: pullRequestHeadSha(run), preview: { pr: env.preview.pr, branch: env.preview.branch } } : run.sha ? { commit: run.sha } : undefined,
        onMirrored: (deploymentId) => lib_core/* saveState */.LZ(STATE_MIRROR, JSON.stringify({ id: deploymentId, repository: run.repository, environment: env.name, release: inputs.release, logUrl: (0,src.runUrl)(run), environmentUrl: env.url })),
        router,
    }));
    // A preview: one comment on the pull request, created once and updated on every push.
    if (env.preview && inputs.githubToken && run.repository) {
        const commit = pullRequestHeadSha(run);
        const posted = await upsertPreviewComment({
            token: inputs.githubToken,
            repository: run.repository,
            pr: env.preview.pr,
            template: env.preview.template,
            body: previewCommentBody({ template: env.preview.template, url: outcome.url, release: outcome.release, commit, runUrl: (0,src.runUrl)(run) }),
        });
        lib_core/* info */.pq(`Preview comment on pull request #${env.preview.pr}: ${posted}.`);
    }
    (0,src.setOutput)('release', outcome.release);
    (0,src.setOutput)('previous-release', outcome.rollbackTarget ?? '');
    (0,src.setOutput)('url', outcome.url ?? '');
    (0,src.setOutput)('slot', outcome.slot ?? '');
    (0,src.setOutput)('slot-url', outcome.slotUrl ?? '');
    const rows = [
        ['environment', env.name],
        ['release', outcome.release],
        ['live before', outcome.previousRelease],
        ['rollback target (last good release)', outcome.rollbackTarget],
        ['strategy', env.strategy],
        ['slot', outcome.slot],
        ['environment url', outcome.url],
        ...(outcome.slotUrl ? [['slot url (not live until the switch)', outcome.slotUrl]] : []),
        ['result', outcome.noop ? 'already live (no-op)' : 'deployed'],
    ];
    if (outcome.install?.copied !== undefined)
        rows.push(['files copied / unchanged / removed', `${outcome.install.copied} / ${outcome.install.skipped} / ${outcome.install.deleted}`]);
    if (outcome.promotion)
        rows.push(['promoted from', `${outcome.promotion.from} (${outcome.promotion.reused ? 'already in the release store' : `${outcome.promotion.copied} files copied server-side, none uploaded`})`]);
    else if (outcome.promotedFrom)
        rows.push(['promoted from', outcome.promotedFrom]);
    if (outcome.upload)
        rows.push(['release store', outcome.upload.reused ? 'already there (not uploaded)' : `${outcome.upload.uploaded} uploaded`]);
    if (outcome.conflicts.length)
        rows.push(['conflicts', outcome.conflicts.map((conflict) => conflict.message).join('; ')]);
    await (0,src.writeSummary)({ title: `deploy-env: ${outcome.release} → ${env.name}`, headers: ['Deploy', 'Value'], rows });
}
/**
 * The post step (post-if: always()): when the main step started a deploy and never finished it
 * (cancelled, the runner killed the process), finishes it as one transaction would have: the live
 * location put back (the target's undo), the deploy recorded as cancelled (or incomplete), the
 * lease released, the GitHub deployment marked errored.
 */
async function post() {
    const saved = readChangeState();
    if (!saved)
        return;
    const client = createObjectStore(saved.where.aws);
    try {
        await finishInterrupted({
            saved,
            client,
            action: 'deploy-env',
            // The same inputs and config as the main step: the same target.
            target: () => createTarget(readDeployInputs().env, client, { secrets: [lib_core/* getInput */.V4('github-token')].filter(Boolean) }),
        });
    }
    catch (error) {
        lib_core/* warning */.$e(`Could not finish the interrupted deploy: ${(0,src.errorMessage)(error)}`);
    }
    const mirrorText = lib_core/* getState */.Gu(STATE_MIRROR);
    const token = lib_core/* getInput */.V4('github-token');
    if (mirrorText && token && saved.started && !saved.ended) {
        const mirrorSaved = JSON.parse(mirrorText);
        lib_core/* setSecret */.Pq(token);
        const mirror = new GitHubDeployment({ token, repository: mirrorSaved.repository, ref: '', environment: mirrorSaved.environment, release: mirrorSaved.release, description: `shipkit deploy ${mirrorSaved.release}`, logUrl: mirrorSaved.logUrl, environmentUrl: mirrorSaved.environmentUrl }, mirrorSaved.id);
        await mirror.status('error', `${mirrorSaved.release}: deploy interrupted`);
    }
}


/***/ })

};
