export const id = 385;
export const ids = [385];
export const modules = {

/***/ 74385:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _startup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43548);

// Before the action's code loads (./startup.ts): the young generation bounded for the work ahead
// (a re-exec only for very large sources), and node's compile cache in RUNNER_TEMP for the bundle.
(0,_startup_js__WEBPACK_IMPORTED_MODULE_0__/* .startUp */ .qT)();
const [{ runAction }, { main }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(313), __webpack_require__.e(480)]).then(__webpack_require__.bind(__webpack_require__, 29480)), Promise.all(/* import() */[__webpack_require__.e(313), __webpack_require__.e(581), __webpack_require__.e(711), __webpack_require__.e(88), __webpack_require__.e(169), __webpack_require__.e(480), __webpack_require__.e(485), __webpack_require__.e(597)]).then(__webpack_require__.bind(__webpack_require__, 79597))]);
await runAction({ main });
// The store's reads started alongside the scan (the version's listing and manifest, the aliases'
// manifests) are not awaited by a run that failed before it needed them (a missing or empty
// source-dir): once the failure is reported (and the log flushed) the step ends, rather than when a
// slow or unreachable store answers them or their retries give up.
if (process.exitCode)
    process.stdout.write('', () => process.exit());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 43548:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Os: () => (/* binding */ WORK_STARTS),
/* harmony export */   qT: () => (/* binding */ startUp)
/* harmony export */ });
/* unused harmony exports RESPAWN_ABOVE_FILES, respawnThreshold */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shipkit_respawn__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88269);
/**
 * What cdn-publish does before it loads its code (dist/cdn-publish/index.js runs this first, then
 * imports the rest), with the start-up mechanism of @shipkit/respawn (Node's own modules only):
 * this file holds cdn-publish's choices — which input is the work, and how large is large.
 *
 * - **Memory without a second process.** Publishing many files allocates fast enough that V8 grows
 *   its young generation to its maximum (64 MB per semi-space on a runner): 245 MB peak RSS for
 *   5,000 small files, 270 MB for 20,000, against a budget of 200 MB. `--max-semi-space-size` is
 *   read only when the heap is created, which is why the action used to re-execute itself with it
 *   (@shipkit/respawn: a second Node start and a second load on every run). The growth factor is
 *   read each time the young generation would grow, so setting it to 1 at run time stops the young
 *   generation where it is, without a second process (once it reached 8 MB per semi-space: stopping
 *   at the initial 1 MB cost about a second of collections per 2,000-file publish): measured, 20,000
 *   small files peak at about 179 MB with it (270 MB without). deploy-env and rollback re-execute on
 *   every run instead (measured there, the run-time bound was not enough: see their index.ts).
 *   Only sources above RESPAWN_ABOVE_FILES files still re-execute (same pid, @shipkit/respawn)
 *   with `--max-semi-space-size=4` and two malloc arenas, which hold about 10 MB less at 20,000
 *   files: the count is taken before anything is loaded, so a re-exec costs one Node start, never
 *   a second load or scan, and the sites most runs publish start once.
 * - **Compile cache.** The bundle's compiled code is kept in RUNNER_TEMP (node's
 *   `module.enableCompileCache`): a second cdn-publish step of the job (and its post steps) skips
 *   compiling the bundle. Nothing happens where RUNNER_TEMP is unset, missing or not a writable
 *   directory.
 */



/**
 * The first line of the action's work (a debug line: in the log only with step debugging, always on
 * stdout), printed as main() begins: bench/cdn-publish.ts times start-up as process start to this.
 */
const WORK_STARTS = 'cdn-publish: work starts';
/**
 * Above this many files in source-dir the action re-executes itself with the start-up settings.
 * From the benchmark's peak-RSS cases against the 200 MB budget (small files, the action as the
 * runner starts it): with the run-time setting alone 164 MB at 10,000 files and 178 MB at 20,000
 * (about 1.4 KB a file more), so the budget is reached near 35,000; the re-exec holds about 10 MB
 * less (168 MB at 20,000). Re-executing above 15,000 keeps the sites most runs publish at one
 * process and gives the largest ones the lower curve.
 */
const RESPAWN_ABOVE_FILES = 15_000;
/**
 * The threshold: RESPAWN_ABOVE_FILES, or SHIPKIT_RESPAWN_ABOVE_FILES — test and benchmark use only
 * (a whole number of files; anything else is ignored), so a small tree can take the large path.
 */
function respawnThreshold(env = process.env) {
    const raw = env.SHIPKIT_RESPAWN_ABOVE_FILES?.trim();
    return raw && /^\d+$/.test(raw) ? Number(raw) : RESPAWN_ABOVE_FILES;
}
/**
 * cdn-publish's start-up: the young generation bounded for source-dir (the runner's name for the
 * input, relative to the workspace; include/exclude are read later, so the count is an upper bound),
 * and the compile cache in RUNNER_TEMP.
 */
function startUp(env = process.env) {
    const source = env['INPUT_SOURCE-DIR']?.trim();
    (0,_shipkit_respawn__WEBPACK_IMPORTED_MODULE_1__/* .boundYoungGeneration */ .dv)(source ? node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(env.GITHUB_WORKSPACE ?? process.cwd(), source) : undefined, respawnThreshold(env), env);
    (0,_shipkit_respawn__WEBPACK_IMPORTED_MODULE_1__/* .enableCompileCacheIn */ .sv)(env);
}


/***/ }),

/***/ 83480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EQ: () => (/* binding */ YOUNG_GENERATION_FLAGS),
/* harmony export */   oA: () => (/* binding */ respawnWithFlags)
/* harmony export */ });
/* unused harmony export MALLOC_ARENAS */
/**
 * Memory settings that only take effect at start-up, for the actions that move many files through
 * the transfer engine (deploy-env, rollback; cdn-publish only for a source of more than 15,000
 * files, and otherwise bounds the young generation at run time: packages/cdn-publish/src/startup.ts).
 * This package imports nothing, so an action's entry can call it before it loads its code (the entry
 * imports the rest dynamically).
 *
 * V8 sizes its young generation from the machine's memory (up to 64 MB per semi-space on a
 * runner), and publishing many small files allocates fast enough to grow it to that maximum:
 * measured with 20,000 files, 178 MB of heap held for 45 MB of live objects, 270 MB peak RSS.
 * `--max-semi-space-size` bounds it (about 195 MB peak, same speed), but only when given at
 * start-up — V8 reads it when the heap is created — and the runner starts node without flags. So
 * the action replaces itself once, before loading anything else, with the same node and script
 * and the flag (process.execve: same process, so signals, stdio, environment and exit code are the
 * runner's as before). Where execve does not exist (Windows) the action runs without the flag.
 *
 * The new process also gets `MALLOC_ARENA_MAX=2` (unless the environment sets it): glibc gives each
 * thread that allocates (libuv's file-system pool, V8's workers) an arena of its own, and with
 * 20,000 files read and hashed those arenas held about 15 MB more than two of them do.
 */
const YOUNG_GENERATION_FLAGS = ['--max-semi-space-size=4'];
const MALLOC_ARENAS = '2';
/** Re-executes the current process with `flags` unless it already runs with them; returns only when it does not re-execute. */
function respawnWithFlags(flags = YOUNG_GENERATION_FLAGS, env = process.env) {
    if (env.SHIPKIT_NO_RESPAWN === '1' || env.SHIPKIT_RESPAWNED === '1')
        return;
    if (flags.every((flag) => process.execArgv.includes(flag)))
        return;
    const execve = process.execve;
    const script = process.argv[1];
    if (typeof execve !== 'function' || process.platform === 'win32' || !script)
        return;
    try {
        execve.call(process, process.execPath, [process.execPath, ...flags, ...process.execArgv, script, ...process.argv.slice(2)], { MALLOC_ARENA_MAX: MALLOC_ARENAS, ...env, SHIPKIT_RESPAWNED: '1' });
    }
    catch {
        // The platform refused (permissions, a sandbox): run as started.
    }
}



/***/ }),

/***/ 88269:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dv: () => (/* binding */ boundYoungGeneration),
/* harmony export */   sv: () => (/* binding */ enableCompileCacheIn)
/* harmony export */ });
/* unused harmony exports YOUNG_GENERATION_RUNTIME_FLAGS, YOUNG_GENERATION_RUNTIME_SEMI_SPACE_MB, stopYoungGenerationAt, COMPILE_CACHE_DIR, countFilesUpTo */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(643);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_perf_hooks__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(78877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83480);
/**
 * Start-up settings an action applies before it loads its code, without a second process where it
 * can (imports only Node's own modules, like the rest of this package).
 *
 * - **Young generation bounded at run time.** `--max-semi-space-size` is read only when the heap is
 *   created, hence `respawnWithFlags` (a second Node start). The growth factor is read each time the
 *   young generation would grow, so setting it to 1 at run time stops the young generation where it
 *   is. Stopping it at its initial size (1 MB) costs time: with thousands of requests in flight every
 *   scavenge promotes live objects, and measured on a 2,000-file first publish the collector took
 *   1.05 s of 6.8 s (0.38 s unbounded). So it is let grow to YOUNG_GENERATION_RUNTIME_SEMI_SPACE_MB
 *   per semi-space, as `--max-semi-space-size` would have capped it, and stopped there: a
 *   `gc` performance observer sees each collection and sets the factor once the young generation
 *   has reached that size. `boundYoungGeneration` re-executes only when the work is larger than the
 *   caller's threshold (counted before anything is loaded), and otherwise installs the observer.
 * - **Compile cache.** `enableCompileCacheIn` keeps the bundle's compiled code in RUNNER_TEMP
 *   (node's `module.enableCompileCache`), so a later step of the job skips compiling it.
 */






/** The V8 setting applied at run time (see above), once the young generation has reached its size. */
const YOUNG_GENERATION_RUNTIME_FLAGS = ['--semi-space-growth-factor=1'];
/**
 * The semi-space size (MB) at which the run-time setting stops the young generation: what
 * `--max-semi-space-size=8` would allow. Measured (2,000 files, 54 MiB, the action as a process,
 * three runs each): first publish 5.8-6.8 s stopped at 1 MB, 4.1-4.7 s at 8 MB, 4.7-5.4 s unbounded.
 */
const YOUNG_GENERATION_RUNTIME_SEMI_SPACE_MB = 8;
/** The young generation's size in bytes (both semi-spaces), as V8 reports it. */
function youngGenerationBytes() {
    return node_v8__WEBPACK_IMPORTED_MODULE_4___default().getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}
/**
 * Stops the young generation's growth once it holds `semiSpaceMb` per semi-space: checked after
 * each collection (a `gc` performance observer, which keeps nothing alive), then the observer goes.
 * Returns a function that tells whether the stop has been applied (tests).
 */
function stopYoungGenerationAt(semiSpaceMb = YOUNG_GENERATION_RUNTIME_SEMI_SPACE_MB) {
    let stopped = false;
    const limit = 2 * semiSpaceMb * 1024 * 1024;
    const stop = () => {
        if (stopped || youngGenerationBytes() < limit)
            return;
        node_v8__WEBPACK_IMPORTED_MODULE_4___default().setFlagsFromString(YOUNG_GENERATION_RUNTIME_FLAGS.join(' '));
        stopped = true;
        observer.disconnect();
    };
    const observer = new node_perf_hooks__WEBPACK_IMPORTED_MODULE_3__.PerformanceObserver(stop);
    observer.observe({ entryTypes: ['gc'] });
    stop();
    return () => stopped;
}
/** The compile cache's folder in RUNNER_TEMP. */
const COMPILE_CACHE_DIR = 'shipkit-compile-cache';
/**
 * Files (and symbolic links) under `dir`, counted up to `limit + 1` and no further: whether a tree
 * has more than `limit` costs at most that many directory entries. A directory that cannot be read
 * counts as empty (the action's own scan reports it, naming the input).
 */
function countFilesUpTo(dir, limit) {
    let count = 0;
    const stack = [dir];
    while (stack.length && count <= limit) {
        const current = stack.pop();
        let entries;
        try {
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(current, { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const entry of entries) {
            if (entry.isDirectory())
                stack.push(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(current, entry.name));
            else if ((entry.isFile() || entry.isSymbolicLink()) && ++count > limit)
                break;
        }
    }
    return count;
}
/**
 * Bounds the young generation for the work ahead: when `source` (a directory) holds more than
 * `above` files the process re-executes itself with the start-up flags (returns only where it does
 * not), otherwise its growth is stopped at run time (stopYoungGenerationAt). `false` when neither applies
 * (SHIPKIT_NO_RESPAWN=1, for benchmark comparisons, or a process already started with the flags).
 */
function boundYoungGeneration(source, above, env = process.env) {
    if (env.SHIPKIT_NO_RESPAWN === '1')
        return false;
    if (env.SHIPKIT_RESPAWNED === '1' || _index_js__WEBPACK_IMPORTED_MODULE_5__/* .YOUNG_GENERATION_FLAGS */ .EQ.every((flag) => process.execArgv.includes(flag)))
        return false;
    if (source && countFilesUpTo(source, above) > above)
        (0,_index_js__WEBPACK_IMPORTED_MODULE_5__/* .respawnWithFlags */ .oA)(_index_js__WEBPACK_IMPORTED_MODULE_5__/* .YOUNG_GENERATION_FLAGS */ .EQ, env);
    stopYoungGenerationAt();
    return true;
}
/**
 * Enables node's compile cache in `<RUNNER_TEMP>/shipkit-compile-cache`; returns the folder, or
 * undefined when it was not enabled (no RUNNER_TEMP, not a writable directory, node refused).
 * The folder is created one level deep only: node's own recursive creation spins forever on some
 * paths (under /proc), so it is handed only a folder that exists and can be written.
 */
function enableCompileCacheIn(env = process.env) {
    const base = env.RUNNER_TEMP;
    if (!base || !node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(base))
        return undefined;
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(base, COMPILE_CACHE_DIR);
    try {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir);
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                return undefined;
        }
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(dir).isDirectory())
            return undefined;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(dir, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK);
        const result = node_module__WEBPACK_IMPORTED_MODULE_1___default().enableCompileCache(dir);
        const { ENABLED, ALREADY_ENABLED } = (node_module__WEBPACK_IMPORTED_MODULE_1___default().constants).compileCacheStatus;
        return result.status === ENABLED || result.status === ALREADY_ENABLED ? result.directory : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ })

};
