export const id = 806;
export const ids = [806];
export const modules = {

/***/ 30643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ readEnvironmentInputs)
/* harmony export */ });
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);

/**
 * The action inputs that override an environment's config fields (app, state, target, strategy,
 * bucket, prefix, url, deploy-command, retention), read the same way by every action that
 * resolves an environment. Empty inputs mean "use the config file".
 */
function readEnvironmentInputs() {
    const deployCommand = (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.getList)('deploy-command', { comma: false });
    const lockTimeout = (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.getOptional)('lock-timeout');
    return {
        app: (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.getOptional)('app'),
        state: (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.getOptional)('state'),
        target: (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.getOptional)('target') ? (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.getEnum)('target', ['s3', 'command'], 's3') : undefined,
        strategy: (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.getOptional)('strategy') ? (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.getEnum)('strategy', ['direct', 'blue-green'], 'direct') : undefined,
        bucket: (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.getOptional)('bucket'),
        prefix: (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.getOptional)('prefix'),
        url: (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.getOptional)('url'),
        deploy: deployCommand.length ? deployCommand : undefined,
        retention: (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.getOptional)('retention') ? (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.getNumber)('retention', 10, { min: 1, integer: true }) : undefined,
        lockTimeoutMs: lockTimeout ? (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.parseDuration)(lockTimeout, 'lock-timeout') : undefined,
    };
}


/***/ }),

/***/ 17806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  post: () => (/* binding */ post)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
// EXTERNAL MODULE: ./packages/ledger/src/index.ts + 7 modules
var ledger_src = __webpack_require__(82816);
// EXTERNAL MODULE: ./packages/environments/src/resolve.ts
var resolve = __webpack_require__(45296);
// EXTERNAL MODULE: ./packages/environments/src/inputs.ts
var inputs = __webpack_require__(30643);
// EXTERNAL MODULE: ./packages/environments/src/lease.ts
var lease = __webpack_require__(85306);
// EXTERNAL MODULE: ./packages/environments/src/github.ts
var github = __webpack_require__(59933);
// EXTERNAL MODULE: ./packages/stores/src/index.ts
var stores_src = __webpack_require__(15008);
// EXTERNAL MODULE: ./packages/targets/src/index.ts + 7 modules
var targets_src = __webpack_require__(76265);
// EXTERNAL MODULE: ./packages/routers/src/index.ts + 13 modules
var routers_src = __webpack_require__(6212);
;// CONCATENATED MODULE: ./packages/rollback/src/rollback.ts




/**
 * Decides what a rollback does and validates it against the ledger — before anything changes:
 * something must be live, the target must have been deployed successfully to this environment,
 * and (s3 targets reinstalling) it must still be in the release store (checked by the caller).
 */
function planRollback(state, records, env, to, runId, liveComplete = true) {
    const live = state.live;
    if (!live) {
        throw new src.ShipkitError(`Environment ${env.name} has nothing live in its ledger, so there is nothing to roll back.`, {
            hint: 'Deploy a release first; rollback works from the ledger history.',
        });
    }
    // A re-run of the same rollback request that already completed: done, do not roll back one step further.
    // Another request (`to`) in the same run is validated like any rollback.
    if (runId) {
        const mine = records.filter((record) => record.type === 'rollback' && record.status === 'succeeded' && record.runId === runId).at(-1);
        const sameRequest = (mine?.details?.requested ?? to) === to;
        if (mine && sameRequest && liveComplete && mine.release === live.release && mine.id === live.recordId) {
            return {
                release: live.release,
                rolledBackFrom: mine.previousRelease ?? live.release,
                method: 'noop',
                slot: live.slot,
                why: `this run already rolled ${env.name} back to ${live.release} (from ${mine.previousRelease ?? '?'}, at ${mine.time}); a re-run does not roll back a second step. To go further back, start a new rollback naming the release (to: <release>).`,
            };
        }
    }
    const wanted = to === 'previous' ? state.previous?.release : to;
    if (to === 'previous' && wanted) {
        const skipped = state.history.filter((change) => change.release !== live.release && change.release !== wanted && change.since > (state.history.find((entry) => entry.release === wanted)?.since ?? '')).map((change) => change.release);
        src.runner.info(`"previous" is ${wanted}: the last good release before ${live.release}${skipped.length ? ` (skipping ${[...new Set(skipped)].join(', ')}: rolled back from, failed, or never deployed successfully)` : ''}.`);
    }
    if (!wanted) {
        throw new src.ShipkitError(`Input "to" is "previous", but the ledger of ${env.name} knows no previous good release before ${live.release}.`, {
            hint: 'Name a release explicitly with `to`, or deploy one.',
        });
    }
    const known = state.releases[wanted];
    if (!known?.deployed) {
        const deployed = Object.values(state.releases).filter((release) => release.deployed).map((release) => release.release);
        throw new src.ShipkitError(`Input "to" has an invalid value ${JSON.stringify(to)}: release ${wanted} was never deployed successfully to ${env.name} (deployed: ${deployed.slice(-10).join(', ') || 'none'}).`, {
            hint: 'Roll back to a release this environment has run before; promote other releases with deploy-env.',
        });
    }
    const images = (0,ledger_src/* imagesOf */.IC)(records, wanted);
    if (wanted === live.release && (liveComplete || env.strategy === 'blue-green')) {
        return { release: wanted, rolledBackFrom: live.release, method: 'noop', slot: live.slot, images, why: `release ${wanted} is already live on ${env.name} (since ${live.since}); nothing to roll back.` };
    }
    // Direct, and the live location does not hold the live release completely (a failed install): reinstall it.
    if (env.strategy !== 'blue-green')
        return { release: wanted, rolledBackFrom: live.release, method: 'reinstall', images };
    const other = (0,ledger_src/* otherSlot */.jx)(live.slot ?? 'blue');
    const held = state.slots[other];
    if (held?.status === 'ready' && held.release === wanted)
        return { release: wanted, rolledBackFrom: live.release, method: 'switch', slot: other, images };
    return { release: wanted, rolledBackFrom: live.release, method: 'reinstall-and-switch', slot: other, images };
}
/**
 * Rolls an environment back. Direct: reinstall by server-side copy from the release store (or
 * the deploy command). Blue-green: switch back when the other slot still holds the release
 * (instant), else reinstall it into the idle slot and switch. Recorded with reason and trigger.
 */
async function rollback(request) {
    const { env, ledger } = request;
    const ledgerStarted = performance.now();
    let { records, state } = await ledger.read();
    (0,src.addTiming)(request.timings, 'ledger read', ledgerStarted);
    if (env.strategy === 'blue-green' && state.canary && state.live?.slot) {
        const ended = await endCanary(request, state);
        // `previous` (or the live release) during a canary means "back to before it": done.
        if (request.to === 'previous' || request.to === ended.release)
            return ended;
        ({ records, state } = await ledger.read());
    }
    // What really runs, not the ledger alone: a location left incomplete (or changed behind the ledger's back) is reinstalled.
    const verified = env.strategy === 'blue-green' || !state.live ? undefined : await request.target.verify(state.live.release, undefined, records);
    const liveComplete = !verified || verified.runs;
    if (!liveComplete)
        src.runner.warning(`The live location of ${env.name} does not run ${state.live?.release} as the ledger says (${verified?.detail}); the rollback reinstalls in full.`);
    const plan = planRollback(state, records, env, request.to, request.runId, liveComplete);
    if (plan.method === 'noop') {
        src.runner.info(`Nothing rolled back: ${plan.why ?? `release ${plan.release} is already live on ${env.name}.`}`);
        return plan;
    }
    if (plan.method !== 'switch')
        await request.target.validate({ release: plan.release, slot: plan.slot, operation: 'rollback' });
    if (plan.method === 'reinstall-and-switch') {
        // Never install into a slot that takes live traffic, whatever the ledger says.
        const view = await (0,routers_src/* readTraffic */.Eg)(request.router ?? (0,routers_src/* createRouter */.aE)(env), state, 'a rollback that reinstalls into the idle slot');
        if (view.router?.[plan.slot] === 100) {
            throw new src.ShipkitError(`Refusing to reinstall ${plan.release} into slot ${plan.slot} of ${env.name}: the router sends live traffic to it, although the ledger records ${state.live?.slot} as live.`, {
                hint: `Run blue-green-switch with to: ${plan.slot} to record where traffic goes, then roll back again.`,
            });
        }
        (0,routers_src/* refuseSlotWithTraffic */.U2)({ environment: env.name, slot: plan.slot, view, state, doing: `reinstall ${plan.release} into` });
    }
    // The mirror and the records name the release's own commit (its deploy record), not this run's.
    plan.commit = (0,ledger_src/* commitOf */.D3)(records, plan.release);
    request.mirror?.retarget({ release: plan.release, ref: plan.commit });
    await request.mirror?.start();
    try {
        const outcome = await execute(request, plan, state, records);
        await request.mirror?.status('success', `rolled back to ${plan.release}`);
        return outcome;
    }
    catch (error) {
        await request.mirror?.status('failure', `rollback to ${plan.release} failed`);
        throw error;
    }
}
/**
 * A rollback while a canary is open (its run died, or was cancelled without its post step): all
 * traffic back on the slot that was live before the canary, the canary's switch recorded as
 * failed, and the rollback recorded (a switch back to the live release).
 */
async function endCanary(request, state) {
    const { env, ledger } = request;
    const canary = state.canary;
    const live = state.live;
    const from = live.slot;
    const started = state.operations.find((op) => op.operation === canary.operation)?.started;
    src.runner.info(`A canary of ${canary.release} is open on ${env.name} (${canary.weight}% on slot ${canary.slot}, step ${canary.step}, since ${canary.since}${canary.runUrl ? `, ${canary.runUrl}` : ''}): returning all traffic to slot ${from} (${live.release}).`);
    const router = request.router ?? (0,routers_src/* createRouter */.aE)(env);
    // The canary's switch ends first (failed, traffic back), so the rollback does not overlap an open operation.
    // A canary whose switch already ended with traffic split (its abort failed) only needs the traffic moved.
    const result = canary.unresolved
        ? await returnTraffic(router, from, canary.slot)
        : started
            ? await (0,routers_src/* abandonSwitch */.O7)({ env, ledger, router, started, from, weight: canary.weight, reason: `rolled back during its canary at ${canary.weight}%` })
            : { switchedBack: false, error: "the canary's started record is missing from the ledger", weights: undefined };
    const operation = await ledger.begin({
        type: 'rollback',
        release: live.release,
        slot: from,
        previousRelease: canary.release,
        previousSlot: canary.slot,
        trigger: request.trigger,
        reason: request.reason,
        details: { method: 'switch', requested: request.to, canary: { operation: canary.operation, weight: canary.weight } },
    });
    if (!result.switchedBack) {
        const failure = new src.ShipkitError(`Could not return all traffic of ${env.name} to slot ${from} during the canary of ${canary.release}: ${result.error}.`, { hint: 'Check the router: part of the traffic may still reach the canary slot. The ledger keeps the canary open until traffic is on one slot.' });
        await operation.fail(failure, { details: { ...operation.started.details, switchedBack: false, ...(result.weights ? { split: result.weights } : {}) } }).catch((ledgerError) => src.runner.warning(`Could not record the failed rollback: ${(0,src.errorMessage)(ledgerError)}`));
        throw failure;
    }
    const record = await operation.succeed();
    return { release: live.release, rolledBackFrom: canary.release, method: 'switch', slot: from, record };
}
async function execute(request, plan, state, records) {
    const { env, ledger } = request;
    const description = { release: plan.release, previousRelease: plan.rolledBackFrom, images: plan.images, operation: 'rollback' };
    // ecs: the revisions the release ran are re-pointed, not registered again.
    const taskDefinitions = (slot) => (0,ledger_src/* taskDefinitionsOf */.hB)(records, plan.release, slot);
    const change = new targets_src/* Change */.lY({ target: request.target, ledger, fence: request.fence, signal: request.signal, state: request.changeState, save: request.saveChange, environment: env.name });
    if (plan.method === 'reinstall') {
        // What the live location runs now, saved before the first write: the undo of a failure or a cancel
        // (not when the live release itself was half installed: then there is nothing good to put back).
        await change.saveUndo(undefined, plan.rolledBackFrom !== plan.release ? { release: plan.rolledBackFrom, images: (0,ledger_src/* imagesOf */.IC)(records, plan.rolledBackFrom), taskDefinitions: (0,ledger_src/* taskDefinitionsOf */.hB)(records, plan.rolledBackFrom) } : {});
        await change.begin(() => ledger.begin({ type: 'rollback', release: plan.release, previousRelease: plan.rolledBackFrom, trigger: request.trigger, reason: request.reason, details: { method: 'reinstall', requested: request.to, ...(plan.commit ? { commit: plan.commit } : {}) } }, state));
        try {
            await change.startWriting('install');
            const install = await request.target.install({ ...description, taskDefinitions: taskDefinitions(), timings: request.timings, signal: request.signal });
            const record = await change.succeed({ details: { method: 'reinstall', install } });
            return { ...plan, record };
        }
        catch (error) {
            throw await change.fail(error);
        }
    }
    const slot = plan.slot;
    if (plan.method === 'reinstall-and-switch') {
        // The idle slot no longer holds the release: install it there (never into the live slot), then switch.
        await change.saveUndo(slot, { release: state.slots[slot]?.release });
        await change.begin(() => ledger.begin({ type: 'deploy', release: plan.release, slot, previousRelease: plan.rolledBackFrom, previousSlot: state.live?.slot, trigger: request.trigger, reason: request.reason, details: { forRollback: true, ...(plan.images !== undefined ? { images: plan.images } : {}), ...(plan.commit ? { commit: plan.commit } : {}) } }, state));
        try {
            await change.startWriting('install');
            const install = await request.target.install({ ...description, slot, taskDefinitions: taskDefinitions(slot), signal: request.signal });
            await change.succeed({ details: { install } });
        }
        catch (error) {
            throw await change.fail(error);
        }
    }
    await change.fence('switch');
    await (0,routers_src/* switchTraffic */.gi)({
        env,
        ledger,
        to: slot,
        expectRelease: plan.release,
        router: request.router,
        recordAs: 'rollback',
        trigger: request.trigger,
        reason: request.reason,
        details: { requested: request.to, ...(plan.commit ? { commit: plan.commit } : {}), ...(plan.method === 'reinstall-and-switch' ? { reinstalled: true } : {}) },
    });
    const record = (await ledger.records()).filter((entry) => entry.type === 'rollback' && entry.status === 'succeeded').at(-1);
    return { ...plan, record };
}
/** All traffic back on `from` (an abort), read back; on failure, the router's reading of the split. */
async function returnTraffic(router, from, canarySlot) {
    try {
        await router.route({ slot: from, previous: canarySlot, weight: 100, abort: true });
        return { switchedBack: true };
    }
    catch (error) {
        const weights = await (0,routers_src/* routerWeightsOrUndefined */.od)(router);
        return { switchedBack: false, error: `${(0,src.errorMessage)(error)}${weights ? ` (the router sends ${(0,ledger_src/* formatWeights */.V7)(weights)})` : ''}`, weights };
    }
}

;// CONCATENATED MODULE: ./packages/rollback/src/main.ts






/** The environment of the step, from its inputs and config (the post step resolves it again the same way). */
function resolveStepEnvironment() {
    const run = (0,src.readContext)();
    const environment = (0,src.getString)('environment', { required: true });
    return (0,resolve/* resolveEnvironment */.g9)((0,src.loadConfig)((0,src.getOptional)('config'), run.workspace), environment, (0,inputs/* readEnvironmentInputs */.J)(), run.workspace);
}
/** Reads the inputs, rolls back as one transaction (cancel included), writes the outputs. */
async function main() {
    // Nothing saved yet: the post step has nothing to do until a change state says otherwise.
    (0,src.setPostPending)(false);
    const cancel = (0,targets_src/* cancellation */.WN)();
    try {
        await rollbackStep(cancel.signal);
    }
    finally {
        cancel.dispose();
    }
}
async function rollbackStep(signal) {
    const run = (0,src.readContext)();
    const toInput = (0,src.getString)('to') || 'previous';
    const to = toInput === 'previous' ? toInput : (0,src.checkReleaseId)('to', toInput);
    const reason = (0,src.getOptional)('reason');
    const githubToken = (0,src.getSecret)('github-token');
    const env = resolveStepEnvironment();
    // Manual when a person asked for it (workflow_dispatch); automatic when a pipeline step failed.
    const trigger = run.eventName === 'workflow_dispatch' ? 'manual' : 'automatic';
    const client = (0,stores_src/* createObjectStore */.h)({ region: env.aws.region, endpoint: env.aws.endpoint, forcePathStyle: env.aws.forcePathStyle });
    const secrets = githubToken ? [githubToken] : [];
    // Every problem with the target's settings is reported here, before anything is written.
    const target = (0,targets_src/* createTarget */.Yn)(env, client, { secrets });
    const ledger = await (0,ledger_src/* openLedger */.au)({ state: env.state, app: env.app, environment: env.name, client });
    const changeState = { version: 1, where: { state: env.state, app: env.app, environment: env.name, aws: env.aws }, operation: `rollback to ${to}`, release: to };
    const onAcquired = (lease) => {
        changeState.lease = { key: lease.key, token: lease.holder.token };
        (0,targets_src/* saveChangeState */.$p)(changeState);
    };
    const outcome = await (0,lease/* withEnvironmentLease */.p)(env, client, { ledger, operation: `rollback to ${to}`, onAcquired, onReleased: () => (0,targets_src/* saveLeaseReleased */.Hd)(changeState) }, (lease) => rollback({
        env,
        to,
        reason,
        trigger,
        client,
        ledger,
        target,
        fence: lease,
        signal,
        changeState,
        saveChange: targets_src/* saveChangeState */.$p,
        runId: run.runId || undefined,
        secrets,
        mirror: (0,github/* deploymentMirror */.rd)({ token: githubToken, run, environment: env, release: toInput, description: `shipkit rollback to ${toInput}${reason ? `: ${reason}` : ''}` }),
    }));
    const changed = outcome.method !== 'noop';
    (0,src.setOutput)('release', outcome.release);
    // A no-op rolled back from nothing: the output says so instead of repeating an earlier rollback's source.
    (0,src.setOutput)('rolled-back-from', changed ? outcome.rolledBackFrom : '');
    (0,src.setOutput)('changed', String(changed));
    await (0,src.writeSummary)({
        title: `rollback: ${env.name} → ${outcome.release}`,
        headers: ['Rollback', 'Value'],
        rows: [
            ['environment', env.name],
            ['release', outcome.release],
            ['rolled back from', changed ? outcome.rolledBackFrom : undefined],
            ['method', { reinstall: 'server-side reinstall', switch: `switched back to slot ${outcome.slot}`, 'reinstall-and-switch': `reinstalled into slot ${outcome.slot} and switched`, noop: `nothing done: ${outcome.why ?? 'already live'}` }[outcome.method]],
            ['trigger', trigger],
            ['reason', reason],
        ],
    });
}
/**
 * The post step (post-if: always()): a rollback whose main step did not finish (cancelled, killed)
 * is finished as its transaction would have: the live location put back, the rollback recorded as
 * cancelled (or incomplete), the lease released.
 */
async function post() {
    const saved = (0,targets_src/* readChangeState */.Ay)();
    if (!saved)
        return;
    const client = (0,stores_src/* createObjectStore */.h)(saved.where.aws);
    try {
        await (0,targets_src/* finishInterrupted */.u4)({ saved, client, action: 'rollback', target: () => (0,targets_src/* createTarget */.Yn)(resolveStepEnvironment(), client, { secrets: [src.runner.getInput('github-token')].filter(Boolean) }) });
    }
    catch (error) {
        src.runner.warning(`Could not finish the interrupted rollback: ${(0,src.errorMessage)(error)}`);
    }
}


/***/ })

};
