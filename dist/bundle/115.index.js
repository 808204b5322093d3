export const id = 115;
export const ids = [115];
export const modules = {

/***/ 48115:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44671);


await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runAction)({ main: _main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 44671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
// EXTERNAL MODULE: ./packages/environments/src/preview.ts
var preview = __webpack_require__(4672);
// EXTERNAL MODULE: ./packages/environments/src/resolve.ts
var resolve = __webpack_require__(45296);
// EXTERNAL MODULE: ./packages/environments/src/lease.ts
var lease = __webpack_require__(85306);
// EXTERNAL MODULE: ./packages/environments/src/github.ts
var github = __webpack_require__(59933);
// EXTERNAL MODULE: ./packages/ledger/src/index.ts + 7 modules
var ledger_src = __webpack_require__(82816);
// EXTERNAL MODULE: ./packages/stores/src/index.ts
var stores_src = __webpack_require__(15008);
// EXTERNAL MODULE: ./packages/environments/src/release-store.ts
var release_store = __webpack_require__(40757);
// EXTERNAL MODULE: ./packages/targets/src/index.ts + 7 modules
var targets_src = __webpack_require__(76265);
// EXTERNAL MODULE: ./packages/s3/src/index.ts + 13 modules
var s3_src = __webpack_require__(70671);
;// CONCATENATED MODULE: ./packages/remove-preview/src/remove.ts





/**
 * Removes one pull request's preview: every object under its own location (which contains {pr},
 * so it is the pull request's alone), its install manifest, and its releases in the release store
 * unless another environment must keep one (releasesToKeep, the rule retention applies: live,
 * slots, rollback targets, the 24 h rule...); then records the removal
 * in its ledger. The caller holds the preview's lease.
 */
async function removePreview(env, client, ledger, reason) {
    if (!env.preview)
        throw new src.ShipkitError(`Environment ${env.name} is not a preview.`);
    const { records, state } = await ledger.read();
    const releases = [...new Set(records.filter((record) => record.type === 'deploy' && record.release).map((record) => record.release))];
    if (!records.length || (state.removed && !state.live)) {
        src.runner.info(`Preview ${env.name} ${records.length ? `was removed before (${state.removed.time})` : 'was never deployed'}: nothing to remove.`);
        return { environment: env.name, deletedFiles: 0, deletedReleases: [], keptReleases: [], noop: true };
    }
    const target = (0,targets_src/* createTarget */.Yn)(env, client);
    if (!target.remove)
        throw new src.ShipkitError(`Environment ${env.name}: its ${target.type} target cannot remove an install, so it cannot be a preview.`);
    const operation = await ledger.begin({ type: 'remove', release: state.live?.release, previousRelease: state.live?.release, reason, details: { pr: env.preview.pr } }, state);
    try {
        const deletedFiles = await target.remove();
        // The rule retention applies, for every other environment: live, slots, rollback targets, the last N, the 24 h rule, traffic.
        const inUse = await (0,release_store/* releasesToKeep */.lN)(client, env, { exclude: env.name });
        const keptReleases = releases.filter((release) => inUse.has(release));
        const deletedReleases = [];
        for (const release of releases.filter((entry) => !inUse.has(entry))) {
            await (0,s3_src/* deletePrefix */.A)(client, env.state.bucket, (0,ledger_src/* releasePrefix */.sE)(env.state, env.app, release));
            deletedReleases.push(release);
        }
        await operation.succeed({ details: { pr: env.preview.pr, deletedFiles, deletedReleases, keptReleases } });
        return { environment: env.name, deletedFiles, deletedReleases, keptReleases, noop: false };
    }
    catch (error) {
        await operation.fail(error).catch((ledgerError) => src.runner.warning(`Could not record the failed removal: ${(0,src.errorMessage)(ledgerError)}`));
        throw error;
    }
}
/** The pull requests with a preview of `template` in the state store, with when each last changed and whether it is removed. */
async function listPreviews(client, env, template) {
    const names = (await (0,release_store/* ledgerEnvironments */.oi)(client, env)).filter((name) => name.startsWith(`${template}/pr-`));
    const previews = [];
    for (const name of names) {
        const pr = (0,preview/* parsePullRequestNumber */.XP)(name.slice(`${template}/pr-`.length));
        if (pr === undefined)
            continue;
        const ledger = await (0,ledger_src/* openLedger */.au)({ state: env.state, app: env.app, environment: name, client });
        const { records, state } = await ledger.read();
        const branch = records.map((record) => record.details?.preview?.branch).filter(Boolean).at(-1);
        previews.push({ pr, lastChange: records.at(-1)?.time, removed: !!state.removed && !state.live, branch });
    }
    return previews.sort((a, b) => a.pr - b.pr);
}

;// CONCATENATED MODULE: ./packages/remove-preview/src/main.ts





/** Reads the inputs, removes one preview (pr, or the event's pull request) or sweeps old ones (older-than), writes the outputs. */
async function main() {
    const run = (0,src.readContext)();
    const environment = (0,src.getString)('environment', { required: true });
    const loaded = (0,src.loadConfig)((0,src.getOptional)('config'), run.workspace);
    const prInput = (0,src.getOptional)('pr');
    const olderThanInput = (0,src.getOptional)('older-than');
    const lockTimeout = (0,src.getOptional)('lock-timeout');
    const lockTimeoutMs = lockTimeout ? (0,src.parseDuration)(lockTimeout, 'lock-timeout') : undefined;
    const token = (0,src.getSecret)('github-token');
    const olderThanMs = olderThanInput ? (0,src.parseAge)(olderThanInput, 'older-than') : undefined;
    const fromEvent = (0,preview/* pullRequestOf */._n)(run);
    const pr = prInput ? (0,preview/* pullRequestNumber */.Kd)(prInput.trim(), 'pr') : olderThanMs === undefined ? fromEvent?.pr : undefined;
    if (prInput && olderThanMs !== undefined)
        throw (0,src.invalidInput)('older-than', olderThanInput, 'empty when "pr" is given (remove one preview, or sweep old ones)');
    if (pr === undefined && olderThanMs === undefined) {
        throw new src.ShipkitError('Nothing to remove: no "pr" input, this run is not for a pull request, and "older-than" is empty.', {
            hint: 'On pull_request closed the pull request is taken from the event; a scheduled sweep sets older-than: 14d.',
        });
    }
    if (!loaded || !(0,src.environmentConfig)(loaded, environment).preview)
        throw (0,src.invalidInput)('environment', environment, `a preview environment of ${loaded?.file ?? 'the config'} (preview: true)`);
    // The template's state store and region (the same for every pull request's preview).
    const template = (0,resolve/* resolveEnvironment */.g9)(loaded, environment, { lockTimeoutMs, preview: { pr: pr ?? 0 } }, run.workspace);
    const client = (0,stores_src/* createObjectStore */.h)({ region: template.aws.region, endpoint: template.aws.endpoint, forcePathStyle: template.aws.forcePathStyle });
    let targets;
    if (pr !== undefined) {
        targets = [{ pr, branch: pr === fromEvent?.pr ? fromEvent.branch : undefined }];
    }
    else {
        const cutoff = Date.now() - olderThanMs;
        const previews = await listPreviews(client, template, environment);
        targets = previews.filter((preview) => !preview.removed && preview.lastChange && Date.parse(preview.lastChange) < cutoff);
        src.runner.info(`${previews.length} preview(s) of ${environment}; ${targets.length} last changed more than ${olderThanInput} ago: ${targets.map((preview) => `#${preview.pr}`).join(', ') || 'none'}.`);
    }
    const results = [];
    for (const target of targets) {
        const env = (0,resolve/* resolveEnvironment */.g9)(loaded, environment, { lockTimeoutMs, preview: { pr: target.pr, branch: target.branch ?? (await branchOf(client, template, target.pr)) } }, run.workspace);
        const ledger = await (0,ledger_src/* openLedger */.au)({ state: env.state, app: env.app, environment: env.name, client });
        const reason = pr !== undefined ? `pull request #${target.pr} closed` : `no deploy for more than ${olderThanInput}`;
        const result = await (0,lease/* withEnvironmentLease */.p)(env, client, { ledger, operation: `remove preview #${target.pr}` }, () => removePreview(env, client, ledger, reason));
        results.push(result);
        src.runner.info(result.noop ? `Preview ${env.name}: nothing to remove.` : `Removed preview ${env.name}: ${result.deletedFiles} file(s), release(s) ${result.deletedReleases.join(', ') || 'none'}${result.keptReleases.length ? ` (kept, used elsewhere: ${result.keptReleases.join(', ')})` : ''}.`);
        if (token && run.repository) {
            await (0,github/* deactivateDeployments */.j9)({ token, repository: run.repository, environment: env.name, description: `shipkit: preview removed (${reason})` });
            if (!result.noop) {
                await (0,github/* upsertPreviewComment */.dX)({ token, repository: run.repository, pr: target.pr, template: environment, body: `**Preview** of this pull request was removed (${reason}${(0,src.runUrl)(run) ? `, [run](${(0,src.runUrl)(run)})` : ''}).` });
            }
        }
    }
    const removed = results.filter((result) => !result.noop).map((result) => result.environment);
    (0,src.setOutput)('removed', removed.join('\n'));
    await (0,src.writeSummary)({
        title: 'remove-preview',
        text: removed.length ? `Removed ${removed.length} preview(s) of **${environment}**.` : `No preview of **${environment}** to remove.`,
        headers: ['preview', 'files deleted', 'releases deleted'],
        rows: results.map((result) => [result.environment, String(result.deletedFiles), result.deletedReleases.join(', ') || '-']),
    });
}
/** The branch a preview was deployed from (its deploy records), so a {branch} in its location resolves as it did. */
async function branchOf(client, template, pr) {
    const ledger = await (0,ledger_src/* openLedger */.au)({ state: template.state, app: template.app, environment: (0,preview/* previewName */.gz)(template.preview.template, pr), client });
    return (await ledger.records()).map((record) => record.details?.preview?.branch).filter(Boolean).at(-1);
}


/***/ })

};
