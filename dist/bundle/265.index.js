export const id = 265;
export const ids = [265];
export const modules = {

/***/ 26692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ runUserCommand)
/* harmony export */ });
/* unused harmony export releaseEnvironment */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29480);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(45296);




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
        SHIPKIT_SLOT_URL: (0,_resolve_js__WEBPACK_IMPORTED_MODULE_3__/* .slotUrl */ .IU)(env, description.slot) ?? '',
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
    if (node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(program) || !program.includes('/'))
        return program;
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, program);
}
/**
 * Runs a user command (argument list, no shell) with the release in SHIPKIT_* variables, its
 * output grouped in the log. The exit code decides: non-zero throws a ShipkitError naming `label`.
 */
async function runUserCommand(env, args, label, description, secrets = []) {
    const program = programPath(args[0], env.workspace);
    if (program.includes('/') && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(program)) {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_2__.ShipkitError(`The ${label} command ${JSON.stringify(args[0])} does not exist (looked at ${program}).`, {
            hint: 'Paths are relative to the workspace; check out the repository before this step.',
        });
    }
    await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.group)(`${label}: ${[args[0], ...args.slice(1)].join(' ')}`, async () => {
        await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.exec)(program, args.slice(1), { cwd: env.workspace, env: releaseEnvironment(env, description), label: `${label} command`, secrets });
    });
}


/***/ }),

/***/ 45608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ inField)
/* harmony export */ });
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);

/** Runs a store operation; a failure names the config field (and location) it came from, before what went wrong. */
async function inField(field, location, work) {
    try {
        return await work();
    }
    catch (error) {
        if (error instanceof _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError && !error.message.startsWith(field))
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`${field} ${location}: ${error.message}`, { hint: error.hint, cause: error });
        throw error;
    }
}


/***/ }),

/***/ 4223:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ runHook),
/* harmony export */   cy: () => (/* binding */ locationIncomplete),
/* harmony export */   kK: () => (/* binding */ installManifestLocation)
/* harmony export */ });
/* harmony import */ var _shipkit_ledger__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82816);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26692);


// Installing a release is the target's job (@shipkit/targets: one file per target and a factory);
// what is left here is shared by every target: hooks, and what the ledger says of a location.
/** Runs a pre-deploy or post-deploy hook, if the environment defines one. */
async function runHook(env, hook, description, secrets = []) {
    const args = hook === 'pre-deploy' ? env.preDeploy : env.postDeploy;
    if (!args)
        return false;
    await (0,_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .runUserCommand */ .w)(env, args, hook, description, secrets);
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
    return { bucket: env.state.bucket, key: (0,_shipkit_ledger__WEBPACK_IMPORTED_MODULE_0__/* .joinKey */ .ID)(env.state.prefix, 'installs', env.app, env.name, `${slot ?? 'live'}.json`) };
}


/***/ }),

/***/ 79188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ checkPromotable),
/* harmony export */   U: () => (/* binding */ promoteRelease)
/* harmony export */ });
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);
/* harmony import */ var _shipkit_ledger__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82816);
/* harmony import */ var _shipkit_s3__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70671);
/* harmony import */ var _release_store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40757);




function sameFiles(a, b) {
    const keys = Object.keys(a.files);
    return keys.length === Object.keys(b.files).length && keys.every((key) => b.files[key]?.sha256 === a.files[key].sha256);
}
/** The latest successful deploy of `release` in any environment of the app (read from every ledger under the state prefix). */
async function latestDeploy(client, env, release) {
    const environments = await (0,_release_store_js__WEBPACK_IMPORTED_MODULE_3__/* .ledgerEnvironments */ .oi)(client, env);
    const found = await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.mapLimit)(environments, 4, async (name) => {
        const ledger = await (0,_shipkit_ledger__WEBPACK_IMPORTED_MODULE_1__/* .openLedger */ .au)({ state: env.state, app: env.app, environment: name, client });
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
        throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.invalidInput)(input, from, `an existing release other than the one being deployed (${to})`);
    const deployed = await latestDeploy(client, env, from);
    const images = deployed?.details?.images;
    if (!storesFiles) {
        if (!deployed) {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`Input "${input}" names release ${JSON.stringify(from)}, which no environment of ${env.app} has deployed successfully (no such deploy in the ledgers under ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.storeUrl)(env.state.bucket, env.state.prefix)}).`, {
                hint: 'Promote a release that was deployed and tested (e.g. main-<sha7> from staging), or deploy without from-release.',
            });
        }
        return { release: from, images, alreadyStored: false };
    }
    const source = (0,_release_store_js__WEBPACK_IMPORTED_MODULE_3__/* .releaseLocation */ .T7)(env.state, env.app, from);
    const manifest = await (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .readManifest */ .WI)(client, source.bucket, source.prefix);
    if (!manifest?.complete) {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`Input "${input}" names release ${JSON.stringify(from)}, which is ${manifest ? 'incomplete' : 'not'} in the release store (${(0,_release_store_js__WEBPACK_IMPORTED_MODULE_3__/* .describeLocation */ .lR)(source)}${manifest ? ': its upload never finished' : ''}).`, { hint: 'It was never uploaded, its upload was interrupted, or retention removed it. Deploy from source-dir instead (build the files), or name a release listed in a ledger.' });
    }
    const target = (0,_release_store_js__WEBPACK_IMPORTED_MODULE_3__/* .releaseLocation */ .T7)(env.state, env.app, to);
    const existing = await (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .readManifest */ .WI)(client, target.bucket, target.prefix);
    if (existing?.complete && !sameFiles(manifest, existing)) {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`Release ${JSON.stringify(to)} is already in the release store (${(0,_release_store_js__WEBPACK_IMPORTED_MODULE_3__/* .describeLocation */ .lR)(target)}) with other files than ${from}: it cannot be replaced by a promotion.`, {
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
    const result = await (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .copyPrefix */ .E7)(client, {
        from: (0,_release_store_js__WEBPACK_IMPORTED_MODULE_3__/* .releaseLocation */ .T7)(env.state, env.app, source.release),
        to: (0,_release_store_js__WEBPACK_IMPORTED_MODULE_3__/* .releaseLocation */ .T7)(env.state, env.app, to),
        deleteStale: true,
        meta: { ...source.manifest?.meta, ...meta, app: env.app, release: to, promotedFrom: source.release },
    });
    return { from: source.release, copied: result.copied, files, reused: false };
}


/***/ }),

/***/ 40757:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bu: () => (/* binding */ uploadRelease),
/* harmony export */   PY: () => (/* binding */ storedRelease),
/* harmony export */   R6: () => (/* binding */ checkReleaseUnchanged),
/* harmony export */   T7: () => (/* binding */ releaseLocation),
/* harmony export */   Xb: () => (/* binding */ pruneReleases),
/* harmony export */   lN: () => (/* binding */ releasesToKeep),
/* harmony export */   lR: () => (/* binding */ describeLocation),
/* harmony export */   oi: () => (/* binding */ ledgerEnvironments)
/* harmony export */ });
/* unused harmony export releaseDifference */
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);
/* harmony import */ var _shipkit_ledger__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82816);
/* harmony import */ var _shipkit_s3__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70671);
/* harmony import */ var _field_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(45608);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45296);





/** Where a release's files live: `s3://<state bucket>/<state prefix>/releases/<app>/<release>`. */
function releaseLocation(state, app, release) {
    return { bucket: state.bucket, prefix: (0,_shipkit_ledger__WEBPACK_IMPORTED_MODULE_1__/* .releasePrefix */ .sE)(state, app, release).replace(/\/$/, '') };
}
function describeLocation(location) {
    return (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.storeUrl)(location.bucket, location.prefix ? `${location.prefix.replace(/\/$/, '')}/` : '');
}
/** The release's manifest when the release store holds it completely, else undefined. */
async function storedRelease(client, env, release) {
    const location = releaseLocation(env.state, env.app, release);
    const manifest = await (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .readManifest */ .WI)(client, location.bucket, location.prefix);
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
    const files = await (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .scanDirectory */ .vc)(sourceDir);
    if (!files.length)
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`Input "source-dir" names ${JSON.stringify(sourceDir)}, which holds no files to deploy.`);
    const existing = await (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .readManifest */ .WI)(client, location.bucket, location.prefix);
    if (existing?.complete) {
        const difference = releaseDifference(existing, files);
        if (!difference.count)
            return { reused: true, uploaded: 0, copied: 0, skipped: files.length, files: files.length };
        throw releaseChangedError(release, location, sourceDir, difference);
    }
    const reuseFrom = reuseReleases.filter((other) => other !== release).map((other) => releaseLocation(env.state, env.app, other));
    const result = await (0,_field_js__WEBPACK_IMPORTED_MODULE_3__/* .inField */ .K)(env.file ? `${env.file}: state` : 'state', describeLocation(location), () => (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .publishDirectory */ .fQ)(client, { files, bucket: location.bucket, prefix: location.prefix, deleteStale: true, meta: { app: env.app, release, ...meta }, reuseFrom }));
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
    return new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`Release ${JSON.stringify(release)} is already in the release store (${describeLocation(location)}) with other files than source-dir ${JSON.stringify(sourceDir)} holds ` +
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
    const stored = await (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .readManifest */ .WI)(client, location.bucket, location.prefix);
    if (!stored?.complete)
        return 'absent';
    const difference = releaseDifference(stored, await (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .scanDirectory */ .vc)(sourceDir));
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
    const prefix = `${(0,_shipkit_ledger__WEBPACK_IMPORTED_MODULE_1__/* .joinKey */ .ID)(env.state.prefix, 'ledger', env.app)}/`;
    const names = new Set();
    // Complete or an error: an environment missing from a cut listing would lose its releases to retention.
    for (const object of await (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .listObjects */ .L)(client, env.state.bucket, prefix)) {
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
        const settings = env.retentionFor[name] ?? env.retentionFor[name.replace(/\/pr-\d+$/, '')] ?? { keep: _resolve_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_RETENTION */ .xh, keepRollback: _resolve_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_KEEP_ROLLBACK */ .xZ };
        const own = options.ledger;
        const ledger = own && own.environment === name && own.app === env.app && own.location.bucket === env.state.bucket && own.location.prefix === env.state.prefix
            ? own
            : await (0,_shipkit_ledger__WEBPACK_IMPORTED_MODULE_1__/* .openLedger */ .au)({ state: env.state, app: env.app, environment: name, client });
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
            .filter((info) => info.release !== state.live?.release && (0,_shipkit_ledger__WEBPACK_IMPORTED_MODULE_1__/* .isGoodRelease */ .JY)(state, info.release))
            .slice(0, settings.keepRollback)
            .forEach((info) => keepFor(info.release, `rollback target on ${name} (one of its last ${settings.keepRollback} good releases)`));
        byRecency.slice(0, settings.keep).forEach((info) => keepFor(info.release, `one of the last ${settings.keep} releases deployed to ${name}`));
        for (const release of (0,_shipkit_ledger__WEBPACK_IMPORTED_MODULE_1__/* .releasesInUse */ .zY)(state, now))
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
    const storePrefix = `${(0,_shipkit_ledger__WEBPACK_IMPORTED_MODULE_1__/* .joinKey */ .ID)(env.state.prefix, 'releases', env.app)}/`;
    const releases = await (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .listFolders */ .uT)(client, env.state.bucket, storePrefix);
    const reasons = await releasesToKeep(client, env, { now, alsoKeep: options.alsoKeep, ledger: options.ledger });
    const keepFor = (release, why) => {
        const list = reasons.get(release) ?? [];
        if (!list.includes(why))
            list.push(why);
        reasons.set(release, list);
    };
    // Releases no environment mentions: kept for a day after their upload (a deploy may be using them).
    const unmentioned = releases.filter((release) => !reasons.has(release));
    await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.mapLimit)(unmentioned, 8, async (release) => {
        const manifest = await (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .readManifest */ .WI)(client, env.state.bucket, (0,_shipkit_ledger__WEBPACK_IMPORTED_MODULE_1__/* .joinKey */ .ID)(storePrefix, release));
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
                await (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .deletePrefix */ .A)(client, env.state.bucket, (0,_shipkit_ledger__WEBPACK_IMPORTED_MODULE_1__/* .joinKey */ .ID)(storePrefix, release));
            }
            catch (error) {
                _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runner.warning(`Retention could not delete release ${release}: ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.errorMessage)(error)}`);
            }
        }
    }
    const protectedReleases = kept.filter((release) => reasons.get(release).some((why) => !why.startsWith('uploaded less') && !why.startsWith('incomplete upload')));
    return { kept, deleted, protected: protectedReleases, reasons: Object.fromEntries(kept.map((release) => [release, reasons.get(release)])) };
}


/***/ }),

/***/ 76265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lY: () => (/* reexport */ Change),
  WN: () => (/* reexport */ cancellation),
  Yn: () => (/* reexport */ createTarget),
  u4: () => (/* reexport */ finishInterrupted),
  Ay: () => (/* reexport */ readChangeState),
  $p: () => (/* reexport */ saveChangeState),
  Hd: () => (/* reexport */ saveLeaseReleased)
});

// UNUSED EXPORTS: CHANGE_STATE, CancelledError, CloudRunTarget, CommandTarget, EcsTarget, KubernetesTarget, ObjectStoreTarget, TARGET_TYPES, changeNeedsPost, describeRestore, recordedRevision, restoreDetails

// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
// EXTERNAL MODULE: ./packages/environments/src/promote.ts
var promote = __webpack_require__(79188);
// EXTERNAL MODULE: ./packages/environments/src/commands.ts
var commands = __webpack_require__(26692);
// EXTERNAL MODULE: ./packages/environments/src/cdn.ts
var src_cdn = __webpack_require__(80979);
// EXTERNAL MODULE: ./packages/environments/src/install.ts
var install = __webpack_require__(4223);
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
            await (0,promote/* checkPromotable */.E)(this.client, this.env, request.fromRelease, request.release, 'from-release', false);
    }
    async undoInfo(slot, live) {
        return { target: this.type, slot, ...(live.release ? { release: live.release } : {}), ...(live.images !== undefined ? { images: live.images } : {}) };
    }
    async install(request) {
        await (0,commands/* runUserCommand */.w)(this.env, this.deploy, request.operation === 'deploy' ? 'deploy' : `deploy (${request.operation})`, request, this.secrets);
        // A live install (not a blue-green slot): what the CDN cached is stale now.
        const cdn = request.slot ? undefined : await (0,src_cdn/* invalidateEnvironmentCdn */.e)(this.env, 'all');
        return { target: this.type, where: this.describe(), ...(cdn ? { cdn } : {}) };
    }
    /** A command target cannot be asked what runs: the ledger's word, unless its last change of the location left it incomplete. */
    async verify(release, slot, records, installed) {
        if (installed)
            return { runs: true, detail: `the deploy command of ${release} succeeded (it cannot be asked what runs)` };
        return (0,install/* locationIncomplete */.cy)(records, slot)
            ? { runs: false, detail: `the last deploy or rollback of ${this.env.name}${slot ? ` slot ${slot}` : ''} failed part-way and was not restored` }
            : { runs: true, detail: `the ledger records ${release} (the deploy command cannot be asked what runs)` };
    }
    async undo(undo, context) {
        if (!undo.release)
            return { error: 'nothing was live before', incomplete: true };
        if (!this.env.restoreOnFailure) {
            src.runner.warning(`The change of ${this.env.name} to ${context.failed} did not finish; the previous release ${undo.release} is not redeployed (set restore-on-failure: true on the environment to do so). The next deploy or rollback runs in full.`);
            return { error: 'restore-on-failure is not set', incomplete: true };
        }
        src.runner.info(`Restoring ${undo.release} on ${this.env.name} after the failed change to ${context.failed}.`);
        try {
            await this.install({ release: undo.release, slot: undo.slot, previousRelease: context.failed, images: undo.images, operation: 'restore' });
            return { restored: undo.release, incomplete: false };
        }
        catch (error) {
            src.runner.error(`Could not restore ${undo.release} on ${this.env.name}: ${(0,src.errorMessage)(error)}.`);
            return { error: (0,src.publicErrorSummary)(error), incomplete: true };
        }
    }
}

// EXTERNAL MODULE: ./packages/ledger/src/index.ts + 7 modules
var ledger_src = __webpack_require__(82816);
// EXTERNAL MODULE: ./packages/environments/src/resolve.ts
var resolve = __webpack_require__(45296);
// EXTERNAL MODULE: ./packages/environments/src/ecs.ts
var ecs = __webpack_require__(36989);
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
        (0,resolve/* ecsTargetOf */.iT)(env, env.strategy === 'blue-green' ? 'blue' : undefined);
    }
    clientFor(slot) {
        return this.ecsClient ?? (0,ecs/* createEcsClient */.DJ)((0,resolve/* ecsTargetOf */.iT)(this.env, slot));
    }
    describe(slot) {
        return (0,resolve/* ecsTargetOf */.iT)(this.env, slot).services.map(ecs/* ecsServiceKey */.wf).join(', ');
    }
    async validate(request) {
        const target = (0,resolve/* ecsTargetOf */.iT)(this.env, request.slot);
        // A deploy registers revisions from build-images' images (every image with a digest); a rollback or
        // a promotion re-points at recorded revisions. Every service must exist either way.
        if (request.operation === 'deploy' && !request.fromRelease)
            await (0,ecs/* checkEcsTarget */.Zo)(target, request.images, this.clientFor(request.slot));
        else
            await (0,ecs/* describeEcsServices */.ZM)(this.clientFor(request.slot), target.services);
        if (request.fromRelease)
            await (0,promote/* checkPromotable */.E)(this.client, this.env, request.fromRelease, request.release, 'from-release', false);
    }
    async undoInfo(slot, live) {
        const target = (0,resolve/* ecsTargetOf */.iT)(this.env, slot);
        const described = await (0,ecs/* describeEcsServices */.ZM)(this.clientFor(slot), target.services);
        const taskDefinitions = {};
        for (const service of target.services)
            taskDefinitions[(0,ecs/* ecsServiceKey */.wf)(service)] = described.get((0,ecs/* ecsServiceKey */.wf)(service)).taskDefinition;
        return { target: this.type, slot, ...(live.release ? { release: live.release } : {}), ...(live.images !== undefined ? { images: live.images } : {}), taskDefinitions };
    }
    async install(request) {
        const target = (0,resolve/* ecsTargetOf */.iT)(this.env, request.slot);
        const result = await (0,ecs/* deployEcs */.Hs)({ client: this.clientFor(request.slot), target, release: request.release, images: request.images, taskDefinitions: request.taskDefinitions, signal: request.signal });
        const cdn = request.slot ? undefined : await (0,src_cdn/* invalidateEnvironmentCdn */.e)(this.env, 'all');
        return { target: this.type, where: this.describe(request.slot), taskDefinitions: result.taskDefinitions, registered: result.registered, ...(cdn ? { cdn } : {}) };
    }
    /** Every service runs the task definition the ledger recorded for `release` (DescribeServices). */
    async verify(release, slot, records, installed) {
        const target = (0,resolve/* ecsTargetOf */.iT)(this.env, slot);
        const recorded = installed?.taskDefinitions ?? (0,ledger_src/* taskDefinitionsOf */.hB)(records, release, slot);
        if (!recorded)
            return { runs: false, detail: `the ledger records no task definitions for ${release}` };
        const described = await (0,ecs/* describeEcsServices */.ZM)(this.clientFor(slot), target.services);
        const off = target.services.filter((service) => described.get((0,ecs/* ecsServiceKey */.wf)(service))?.taskDefinition !== recorded[(0,ecs/* ecsServiceKey */.wf)(service)]);
        if (!off.length)
            return { runs: true, detail: `every service runs ${release}'s task definition` };
        return { runs: false, detail: off.map((service) => `${(0,ecs/* ecsServiceKey */.wf)(service)} runs ${described.get((0,ecs/* ecsServiceKey */.wf)(service))?.taskDefinition ?? '?'}, not ${recorded[(0,ecs/* ecsServiceKey */.wf)(service)] ?? '?'}`).join('; ') };
    }
    async undo(undo, context) {
        if (!undo.taskDefinitions)
            return { error: 'the task definitions the services ran before are unknown', incomplete: true };
        const target = (0,resolve/* ecsTargetOf */.iT)(this.env, undo.slot);
        src.runner.info(`Pointing ${this.describe(undo.slot)} back at what ran before the change to ${context.failed}.`);
        try {
            const back = await (0,ecs/* pointServicesAt */.wP)(this.clientFor(undo.slot), target, undo.taskDefinitions);
            if (!back.ok)
                return { error: back.message, incomplete: true };
            src.runner.info(back.message);
            return { restored: undo.release ?? 'the previous task definitions', incomplete: false };
        }
        catch (error) {
            src.runner.error(`Could not point the services back: ${(0,src.errorMessage)(error)}`);
            return { error: (0,src.publicErrorSummary)(error), incomplete: true };
        }
    }
}

// EXTERNAL MODULE: ./packages/environments/src/cloud-run.ts + 1 modules
var cloud_run = __webpack_require__(29494);
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
        this.api = api ?? new cloud_run/* CloudRunClient */.oF(env.cloudRun);
    }
    describe(slot) {
        return `Cloud Run service ${this.api.serviceName}${slot ? ` (slot ${slot}: traffic tag ${slot})` : ''}`;
    }
    async validate(request) {
        const deploy = request.operation === 'deploy' && !request.fromRelease;
        await (0,cloud_run/* checkCloudRunTarget */.En)(this.api, request.images, deploy);
        if (request.operation === 'rollback' && !(await this.api.getRevision((0,cloud_run/* revisionName */.pd)(this.api.target.service, request.release)))) {
            throw new src.ShipkitError(`Cloud Run service ${this.api.target.service} has no revision ${(0,cloud_run/* revisionName */.pd)(this.api.target.service, request.release)} for release ${request.release} any more: nothing to roll back to.`, {
                hint: 'Deploy the release again (deploy-env with its images) instead.',
            });
        }
        if (request.fromRelease)
            await (0,promote/* checkPromotable */.E)(this.client, this.env, request.fromRelease, request.release, 'from-release', false);
    }
    async undoInfo(slot, live) {
        const service = await this.api.getService();
        return { target: this.type, slot, ...(live.release ? { release: live.release } : {}), ...(live.images !== undefined ? { images: live.images } : {}), traffic: (0,cloud_run/* pinnedTraffic */.Ww)(service) };
    }
    async install(request) {
        const { revision, created } = await (0,cloud_run/* ensureRevision */.Oh)(this.api, request.release, request.images, request.signal);
        const service = await this.api.getService();
        const current = (0,cloud_run/* pinnedTraffic */.Ww)(service);
        let traffic;
        if (request.slot) {
            const held = current.find((entry) => entry.tag === request.slot);
            if (held?.percent)
                throw new src.ShipkitError(`Refusing to install into slot ${request.slot} of ${this.env.name}: its traffic tag's revision ${held.revision} takes ${held.percent}% of live traffic.`);
            // Tag the revision: 0%, live traffic as it is.
            traffic = [...current.filter((entry) => entry.tag !== request.slot), { type: cloud_run/* ALLOCATION_REVISION */.LR, revision, tag: request.slot }];
        }
        else {
            // Direct: all traffic to the release's revision; other tags kept, at 0%.
            traffic = [{ type: cloud_run/* ALLOCATION_REVISION */.LR, revision, percent: 100 }, ...current.filter((entry) => entry.tag).map((entry) => ({ type: cloud_run/* ALLOCATION_REVISION */.LR, revision: entry.revision, tag: entry.tag }))];
        }
        let after = service;
        if (!(0,cloud_run/* sameTraffic */.UN)(current, traffic))
            after = await this.api.setTraffic(traffic, request.slot ? `pointing traffic tag ${request.slot} at ${revision}` : `moving all traffic of ${this.api.target.service} to ${revision}`, request.signal);
        const url = request.slot ? (0,cloud_run/* taggedRevision */.qq)(after, request.slot)?.uri : undefined;
        src.runner.info(request.slot ? `Slot ${request.slot} (traffic tag ${request.slot}${url ? `, ${url}` : ''}) holds ${revision}; live traffic stays ${(0,cloud_run/* describeShares */.MF)((0,cloud_run/* trafficShares */.IQ)(after))}.` : `${this.api.target.service} serves ${revision} (${(0,cloud_run/* describeShares */.MF)((0,cloud_run/* trafficShares */.IQ)(after))}).`);
        return { target: this.type, where: this.describe(request.slot), revision, created, ...(url ? { url } : {}) };
    }
    /** The slot's tag (blue-green), or all the traffic (direct), is on the revision the ledger recorded for `release`. */
    async verify(release, slot, records, installed) {
        const revision = installed?.revision ?? recordedRevision(records, release, slot) ?? (0,cloud_run/* revisionName */.pd)(this.api.target.service, release);
        const service = await this.api.getService();
        if (slot) {
            const tagged = (0,cloud_run/* taggedRevision */.qq)(service, slot)?.revision;
            return tagged === revision ? { runs: true, detail: `traffic tag ${slot} points at ${revision}` } : { runs: false, detail: `traffic tag ${slot} points at ${tagged ?? 'nothing'}, not ${revision}` };
        }
        const shares = (0,cloud_run/* trafficShares */.IQ)(service);
        return shares.get(revision) === 100 ? { runs: true, detail: `all traffic goes to ${revision}` } : { runs: false, detail: `the service's traffic is ${(0,cloud_run/* describeShares */.MF)(shares)}, not 100% on ${revision}` };
    }
    async undo(undo, context) {
        if (!undo.traffic)
            return { error: "the service's traffic before the change is unknown", incomplete: true };
        try {
            const service = await this.api.getService();
            if ((0,cloud_run/* sameTraffic */.UN)((0,cloud_run/* pinnedTraffic */.Ww)(service), undo.traffic)) {
                src.runner.info(`The traffic of ${this.api.target.service} is as it was before the change to ${context.failed} (${(0,cloud_run/* describeShares */.MF)((0,cloud_run/* trafficShares */.IQ)(service))}).`);
            }
            else {
                src.runner.info(`Putting the traffic of ${this.api.target.service} back as it was before the change to ${context.failed}.`);
                const after = await this.api.setTraffic(undo.traffic, `restoring the traffic of ${this.api.target.service}`);
                src.runner.info(`The traffic of ${this.api.target.service} is back: ${(0,cloud_run/* describeShares */.MF)((0,cloud_run/* trafficShares */.IQ)(after))}.`);
            }
            return { restored: undo.release ?? 'the previous traffic', incomplete: false };
        }
        catch (error) {
            src.runner.error(`Could not put the traffic back: ${(0,src.errorMessage)(error)}`);
            return { error: (0,src.publicErrorSummary)(error), incomplete: true };
        }
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./packages/s3/src/index.ts + 13 modules
var s3_src = __webpack_require__(70671);
// EXTERNAL MODULE: ./packages/environments/src/kubernetes.ts
var kubernetes = __webpack_require__(52650);
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
const IMAGE_NAME = /^[a-z0-9][a-z0-9._/:-]*$/;
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
            if (!IMAGE_NAME.test(name) || name.includes('@'))
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
        this.connection ??= (0,kubernetes/* loadKubeconfig */.iz)({ context: this.settings.context, server: this.settings.server, field: this.field }).then((connection) => new kubernetes/* KubeClient */.Bx(connection));
        return this.connection;
    }
    manifestsKey(release, slot) {
        return `${(0,ledger_src/* releasePrefix */.sE)(this.env.state, this.env.app, release)}kubernetes/${this.env.name}${slot ? `.${slot}` : ''}.json`;
    }
    async stored(release, slot) {
        return (await (0,s3_src/* getJsonObject */.a9)(this.client, this.env.state.bucket, this.manifestsKey(release, slot)))?.value;
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
            await (0,promote/* checkPromotable */.E)(this.client, this.env, request.fromRelease, request.release, 'from-release', false);
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
            src.runner.info(`Applied ${object.kind.toLowerCase()}/${object.metadata.name}.`);
        }
        await (0,kubernetes/* waitForRollouts */.hS)(api, objects.filter(kubernetes/* isWorkload */.gv), this.settings.namespace, this.timeoutMs, { signal });
    }
    async install(request) {
        let objects;
        if (request.operation === 'deploy') {
            objects = await this.render(request.release, request.images, request.slot);
            const key = this.manifestsKey(request.release, request.slot);
            const stored = await this.stored(request.release, request.slot);
            if (!stored) {
                const value = { release: request.release, environment: this.env.name, namespace: this.settings.namespace, objects };
                await (0,s3_src/* putJsonObject */.t3)(this.client, this.env.state.bucket, key, value);
                src.runner.info(`Kept the rendered manifests of ${request.release} in the release store (${key}).`);
            }
        }
        else {
            const stored = await this.stored(request.release, request.slot);
            if (!stored)
                throw new src.ShipkitError(`The release store holds no Kubernetes manifests of ${request.release} for ${this.env.name}: nothing to re-apply.`);
            objects = stored.objects;
            src.runner.info(`Re-applying the manifests ${request.release} ran with (from the release store; nothing is rendered).`);
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
        for (const object of stored.objects.filter(kubernetes/* isWorkload */.gv)) {
            const now = await api.get(object);
            const name = `${object.kind.toLowerCase()}/${object.metadata.name}`;
            if (!now)
                off.push(`${name} does not exist`);
            else if (now.metadata.labels?.[RELEASE_LABEL] !== release)
                off.push(`${name} runs ${now.metadata.labels?.[RELEASE_LABEL] ?? 'no shipkit release'}`);
            else if (!(0,kubernetes/* rolloutStatus */.OI)(now).done)
                off.push(`${name} has not rolled out`);
        }
        return off.length ? { runs: false, detail: off.join('; ') } : { runs: true, detail: `every workload runs ${release} and has rolled out` };
    }
    async undo(undo, context) {
        if (!undo.release)
            return { error: 'nothing was live before (objects are never deleted)', incomplete: true };
        src.runner.info(`Re-applying ${undo.release}'s manifests on ${this.env.name} after the failed change to ${context.failed}.`);
        try {
            const stored = await this.stored(undo.release, undo.slot);
            if (!stored)
                return { error: `the release store holds no Kubernetes manifests of ${undo.release}`, incomplete: true };
            await this.applyAndWait(stored.objects);
            return { restored: undo.release, incomplete: false };
        }
        catch (error) {
            src.runner.error(`Could not put ${undo.release} back: ${(0,src.errorMessage)(error)}`);
            return { error: (0,src.publicErrorSummary)(error), incomplete: true };
        }
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
// EXTERNAL MODULE: ./packages/environments/src/release-store.ts
var release_store = __webpack_require__(40757);
// EXTERNAL MODULE: ./packages/environments/src/field.ts
var field = __webpack_require__(45608);
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
        return (0,release_store/* describeLocation */.lR)((0,resolve/* installLocation */.Ho)(this.env, slot));
    }
    field(slot) {
        return `${this.env.file ? `${this.env.file}: ` : ''}environments.${this.env.name}${slot ? `.slots.${slot}` : ''}.s3`;
    }
    async validate(request) {
        await this.checkOwnership(request.slot);
        // Releases are immutable: a stored release name deployed from other files is refused here, before anything changes.
        if (request.sourceDir && !request.fromRelease)
            await (0,release_store/* checkReleaseUnchanged */.R6)(this.client, this.env, request.release, request.sourceDir);
        // A release installed from the store (a rollback, a promotion, a re-deploy without files) must be complete there.
        if (request.operation === 'rollback' || (!request.sourceDir && !request.fromRelease))
            await this.checkInstallable(request.release, request.operation === 'rollback' ? 'to' : 'release');
        if (request.fromRelease)
            await (0,promote/* checkPromotable */.E)(this.client, this.env, request.fromRelease, request.release, 'from-release', true);
    }
    /** The release is complete in the release store; throws naming `input` otherwise. */
    async checkInstallable(release, input) {
        if (!(await (0,release_store/* storedRelease */.PY)(this.client, this.env, release))) {
            throw new src.ShipkitError(`Input "${input}" names release ${JSON.stringify(release)}, which is not in the release store (${(0,release_store/* describeLocation */.lR)((0,release_store/* releaseLocation */.T7)(this.env.state, this.env.app, release))}).`, {
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
        const location = (0,resolve/* installLocation */.Ho)(this.env, slot);
        const prefix = location.prefix ?? '';
        if (await (0,s3_src/* readManifestOf */.XL)(this.client, location.bucket, prefix, (0,install/* installManifestLocation */.kK)(this.env, slot)))
            return;
        const listed = await (0,s3_src/* peekKeys */.K7)(this.client, location.bucket, prefix, 3);
        const keys = listed.keys;
        if (!keys.length)
            return;
        throw new src.ShipkitError(`${this.field(slot)} ${(0,release_store/* describeLocation */.lR)(location)}: it already holds objects shipkit did not put there (${keys.map((key) => JSON.stringify(key.slice(0, 100))).join(', ')}${listed.more ? ', ...' : ''}) and no install manifest — refusing to deploy into someone else's files.`, { hint: `Point the environment at an empty bucket or prefix, or set adopt: true on environments.${this.env.name} to deploy there anyway (installs never delete files they did not write, unless prune: all).` });
    }
    /** Puts the release into the release store: promoted server-side from `fromRelease`, or uploaded once from `sourceDir`. */
    async prepare(request) {
        if (request.fromRelease) {
            // Build once: the tested release's bytes, copied inside the store; nothing comes from the runner.
            const source = await (0,promote/* checkPromotable */.E)(this.client, this.env, request.fromRelease, request.release, 'from-release', true);
            const promotion = await (0,promote/* promoteRelease */.U)(this.client, this.env, source, request.release, request.details);
            src.runner.info(promotion.reused
                ? `Release ${request.release} is already in the release store as a copy of ${source.release}: nothing copied.`
                : `Release ${request.release} promoted from ${source.release} in the release store: ${promotion.copied} of ${promotion.files} files copied server-side, none uploaded.`);
            return { promotion };
        }
        if (request.sourceDir) {
            // Files the live release already has in the store are copied server-side, not uploaded again.
            const upload = await (0,release_store/* uploadRelease */.Bu)(this.client, this.env, request.release, request.sourceDir, request.details, request.previousRelease ? [request.previousRelease] : []);
            src.runner.info(upload.reused
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
        const to = (0,resolve/* installLocation */.Ho)(env, request.slot);
        const from = (0,release_store/* releaseLocation */.T7)(env.state, env.app, request.release);
        const result = await (0,field/* inField */.K)(this.field(request.slot), (0,release_store/* describeLocation */.lR)(to), () => (0,s3_src/* copyPrefix */.E7)(client, {
            from,
            to: { bucket: to.bucket, prefix: to.prefix ?? '' },
            // Only what an earlier install put there goes (hand-placed files and uploads stay), unless `prune: all`.
            deleteStale: env.prune === 'all' ? true : 'owned',
            meta: { app: env.app, release: request.release, environment: env.name, ...(request.slot ? { slot: request.slot } : {}) },
            cacheControl: (0,s3_src/* installCacheControl */.DG)(env.cacheControl),
            // shipkit's bookkeeping stays in the state store: the served location holds only the site.
            manifestAt: (0,install/* installManifestLocation */.kK)(env, request.slot),
            timings: request.timings,
        }));
        // A live install (not a blue-green slot, which the switch invalidates): the CDN drops exactly what changed.
        const changed = (0,s3_src/* changedKeys */.F$)(result.plan.entries);
        const cdn = request.slot ? undefined : await (0,src_cdn/* invalidateEnvironmentCdn */.e)(env, changed);
        return { target: this.type, where: (0,release_store/* describeLocation */.lR)(to), copied: result.uploaded, skipped: result.skipped, deleted: result.deleted, ...(cdn ? { cdn } : {}) };
    }
    async verify(release, slot) {
        const location = (0,resolve/* installLocation */.Ho)(this.env, slot);
        const manifest = await (0,s3_src/* readManifestOf */.XL)(this.client, location.bucket, location.prefix ?? '', (0,install/* installManifestLocation */.kK)(this.env, slot));
        if (!manifest)
            return { runs: false, detail: `${(0,release_store/* describeLocation */.lR)(location)} has no install manifest` };
        const holds = manifest.meta?.release;
        if (!manifest.complete)
            return { runs: false, detail: `${(0,release_store/* describeLocation */.lR)(location)} holds an unfinished install of ${String(holds ?? '?')}` };
        return holds === release ? { runs: true, detail: `${(0,release_store/* describeLocation */.lR)(location)} holds ${release} completely` } : { runs: false, detail: `${(0,release_store/* describeLocation */.lR)(location)} holds ${String(holds ?? 'an unknown release')}` };
    }
    async undo(undo, context) {
        const what = `${undo.release ?? '?'} on ${this.env.name}${undo.slot ? ` (slot ${undo.slot})` : ''}`;
        if (!undo.release)
            return { error: 'nothing was live before', incomplete: true };
        src.runner.info(`Restoring ${what} after the failed change to ${context.failed}.`);
        try {
            await this.install({ release: undo.release, slot: undo.slot, previousRelease: context.failed, operation: 'restore' });
            src.runner.info(`Restored ${what}: it serves what it served before.`);
            return { restored: undo.release, incomplete: false };
        }
        catch (error) {
            src.runner.error(`Could not restore ${what}: ${(0,src.errorMessage)(error)}. The location is recorded as incomplete; the next deploy or rollback of any release reinstalls it in full.`);
            return { error: (0,src.publicErrorSummary)(error), incomplete: true };
        }
    }
    async remove() {
        const location = (0,resolve/* installLocation */.Ho)(this.env, undefined);
        const deleted = await (0,s3_src/* deletePrefix */.A)(this.client, location.bucket, location.prefix ?? '');
        const manifest = (0,install/* installManifestLocation */.kK)(this.env, undefined);
        await this.client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: manifest.bucket, Key: manifest.key }));
        return deleted;
    }
    async afterSuccess(request) {
        try {
            const retention = await (0,release_store/* pruneReleases */.Xb)(this.client, this.env, { alsoKeep: request.keep, dryRun: request.dryRun, ledger: request.ledger });
            if (request.dryRun) {
                src.runner.info(`Retention (dry run, nothing deleted): would remove ${retention.deleted.length ? retention.deleted.join(', ') : 'nothing'}.`);
                for (const [kept, why] of Object.entries(retention.reasons))
                    src.runner.info(`  keeps ${kept}: ${why.join('; ')}`);
            }
            else if (retention.deleted.length) {
                src.runner.info(`Retention: removed ${retention.deleted.length} release(s) no environment needs: ${retention.deleted.join(', ')}.`);
            }
        }
        catch (error) {
            src.runner.warning(`Retention skipped: ${(0,src.errorMessage)(error)}`);
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
            src.runner.warning(`Received ${name}: stopping before the next write, then putting back what served before.`);
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
    src.runner.saveState(CHANGE_STATE, JSON.stringify(state));
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
    const text = src.runner.getState(CHANGE_STATE);
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
        if ((0,ledger_src/* isLeaseLost */.Rh)(error)) {
            src.runner.info('This run lost its lease: nothing more is written by it (no undo, no record).');
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
                .catch((recordError) => src.runner.warning(`Could not record the failure in the ledger: ${(0,src.errorMessage)(recordError)}`));
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
            if (await ledger_src/* EnvironmentLease */.EN.releaseToken(client, where.state.bucket, leaseKey, saved.lease.token))
                src.runner.info(`Released the environment lease the interrupted ${options.action} held.`);
        }
        catch (error) {
            src.runner.warning(`Could not release the environment lease (it expires on its own): ${(0,src.errorMessage)(error)}`);
        }
    };
    if (saved.ended || !saved.started) {
        await releaseLease();
        return;
    }
    const ledger = await (0,ledger_src/* openLedger */.au)({ state: where.state, app: where.app, environment: where.environment, client, run: (0,ledger_src/* runInfoFromEnv */.PB)() });
    const ended = await ledger.endOf(saved.started.operation).catch(() => undefined);
    if (ended) {
        src.runner.info(`The ${saved.operation} on ${where.environment} had already recorded its end (${ended.status}); nothing to undo.`);
        await releaseLease();
        return;
    }
    // Only the lease's holder may undo and record: another run may be changing the environment now.
    if (saved.lease && !(await ledger_src/* EnvironmentLease */.EN.heldBy(client, where.state.bucket, saved.lease.key, saved.lease.token).catch(() => false))) {
        src.runner.warning(`The ${saved.operation} on ${where.environment} was interrupted, and its lease is no longer this run's: another run changes the environment now, so nothing is undone or recorded here. Check the ledger.`);
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
        const operation = new ledger_src/* Operation */.I(ledger, saved.started);
        const end = await operation.fail(failure, { details: { cancelled: true, installed: false, ...(restore ? restoreDetails(restore) : {}) } });
        if (operation.endedBefore)
            src.runner.info(`The ${saved.operation} on ${where.environment} had already recorded its end (${end.status}).`);
        else {
            const what = restore?.restored
                ? `; ${restore.restored} was put back and serves as before`
                : restore
                    ? `; nothing was put back (${restore.error}): the location is recorded as incomplete, and the next deploy or rollback reinstalls in full`
                    : '';
            src.runner.warning(`Recorded the interrupted ${saved.operation} on ${where.environment} as failed (cancelled)${what}.`);
        }
    }
    catch (error) {
        src.runner.warning(`Could not record the interrupted ${saved.operation}: ${(0,src.errorMessage)(error)}`);
    }
    await releaseLease();
}

;// CONCATENATED MODULE: ./packages/targets/src/index.ts










/***/ })

};
