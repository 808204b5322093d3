export const id = 375;
export const ids = [375];
export const modules = {

/***/ 59375:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _shipkit_respawn__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83480);
/* harmony import */ var _shipkit_respawn__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88269);

// Installs and release uploads move every file of a site through the transfer engine: the
// action re-executes itself with a small young generation and two malloc arenas before its code
// loads (@shipkit/respawn), on every run. Not bounded at run time as cdn-publish is: measured with
// deploy-env, the run-time bound peaked at 189-224 MB for 5,000 files and ~200 MB for 2,000, the
// re-exec at 157-179 MB (budget 200 MB). The bundle's compile cache is kept in RUNNER_TEMP, so the
// post step (and a later step of the job) skips compiling it.
(0,_shipkit_respawn__WEBPACK_IMPORTED_MODULE_0__/* .respawnWithFlags */ .oA)();
(0,_shipkit_respawn__WEBPACK_IMPORTED_MODULE_1__/* .enableCompileCacheIn */ .sv)();
const [{ runAction }, { main, post }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(313), __webpack_require__.e(480)]).then(__webpack_require__.bind(__webpack_require__, 29480)), Promise.all(/* import() */[__webpack_require__.e(313), __webpack_require__.e(581), __webpack_require__.e(711), __webpack_require__.e(169), __webpack_require__.e(831), __webpack_require__.e(586), __webpack_require__.e(480), __webpack_require__.e(485), __webpack_require__.e(278), __webpack_require__.e(212), __webpack_require__.e(265), __webpack_require__.e(841)]).then(__webpack_require__.bind(__webpack_require__, 77841))]);
await runAction({ main, post });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

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
