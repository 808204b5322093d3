export const id = 841;
export const ids = [841];
export const modules = {

/***/ 77841:
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
// EXTERNAL MODULE: ./packages/environments/src/github.ts
var github = __webpack_require__(59933);
// EXTERNAL MODULE: ./packages/environments/src/lease.ts
var lease = __webpack_require__(85306);
// EXTERNAL MODULE: ./packages/environments/src/preview.ts
var preview = __webpack_require__(4672);
// EXTERNAL MODULE: ./packages/routers/src/index.ts + 13 modules
var routers_src = __webpack_require__(6212);
// EXTERNAL MODULE: ./packages/stores/src/index.ts
var stores_src = __webpack_require__(15008);
// EXTERNAL MODULE: ./packages/targets/src/index.ts + 7 modules
var targets_src = __webpack_require__(76265);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./packages/environments/src/resolve.ts
var resolve = __webpack_require__(45296);
// EXTERNAL MODULE: ./packages/environments/src/inputs.ts
var inputs = __webpack_require__(30643);
;// CONCATENATED MODULE: ./packages/deploy-env/src/context.ts



/** Turns the action's inputs (and the config file) into a typed, validated request. Nothing changes here. */
function readDeployInputs() {
    const run = (0,src.readContext)();
    const environment = (0,src.getString)('environment', { required: true });
    const loaded = (0,src.loadConfig)((0,src.getOptional)('config'), run.workspace);
    // A preview environment is resolved for the run's pull request ({pr}, {branch}, ledger <environment>/pr-<n>).
    const env = (0,resolve/* resolveEnvironment */.g9)(loaded, environment, { ...(0,inputs/* readEnvironmentInputs */.J)(), preview: (0,preview/* pullRequestOf */._n)(run) }, run.workspace);
    const releaseInput = (0,src.getOptional)('release');
    // A preview's release is named for its pull request and head commit (GITHUB_SHA is the merge commit).
    const release = releaseInput ? (0,src.checkReleaseId)('release', releaseInput) : env.preview ? (0,src.checkReleaseId)('release', `pr-${env.preview.pr}-${(0,preview/* pullRequestHeadSha */.du)(run).slice(0, 7)}`) : (0,src.releaseIdFromRef)(run.ref, run.sha);
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

// EXTERNAL MODULE: ./packages/environments/src/install.ts
var src_install = __webpack_require__(4223);
// EXTERNAL MODULE: ./packages/environments/src/promote.ts
var promote = __webpack_require__(79188);
;// CONCATENATED MODULE: ./packages/deploy-env/src/deploy.ts





/**
 * The slot a deploy installs into (blue-green: the idle one); undefined for direct. Never a slot
 * that receives any live traffic: the router's own reading (a share of a split included) and the
 * ledger's open canary are both checked, and a router that cannot be read is an error.
 */
async function deploySlot(env, state, router) {
    if (env.strategy !== 'blue-green')
        return undefined;
    const slot = (0,ledger_src/* idleSlot */.f0)(state);
    if (slot === state.live?.slot)
        throw new src.ShipkitError(`Refusing to install into the live slot ${slot}.`);
    // Before the first switch nothing is live in the ledger, and the router's first slot is filled (a listener created pointing at blue).
    const view = await (0,routers_src/* readTraffic */.Eg)(state.live ? router : undefined, state, `deploy-env (it never installs into a slot that receives traffic)`);
    if (view.router && !view.ledger && state.live && view.router[slot] === 100) {
        throw new src.ShipkitError(`Refusing to install into slot ${slot} of ${env.name}: the router sends live traffic to it, although the ledger records ${state.live.slot} as live.`, {
            hint: `Someone switched by hand, or a switch was interrupted. Run blue-green-switch with to: ${slot} to record where traffic goes, then deploy again.`,
        });
    }
    (0,routers_src/* refuseSlotWithTraffic */.U2)({ environment: env.name, slot, view, state, doing: 'install into' });
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
            src.runner.info(`Release ${release} is already live on ${env.name}${liveSlot ? ` (slot ${liveSlot})` : ''} and ${verified.detail}: nothing to do (recorded as a no-op).`);
            await request.mirror?.start();
            await request.mirror?.status('success', `${release} already live`);
            return { release, previousRelease, rollbackTarget: (0,ledger_src/* rollbackTargetFor */.Bl)(state, release), slot: liveSlot, slotUrl: liveSlot ? (0,resolve/* slotUrl */.IU)(env, liveSlot) : undefined, url: env.url, noop: true, conflicts: operation.conflicts, record };
        }
        src.runner.warning(`Release ${release} is live on ${env.name} according to the ledger, but ${verified.detail}: installing it again.`);
    }
    const images = request.images ?? (request.fromRelease ? (0,ledger_src/* imagesOf */.IC)(records, request.fromRelease) ?? (await promotedImages(request)) : undefined);
    const change = new targets_src/* Change */.lY({ target, ledger, fence: request.fence, signal: request.signal, state: request.changeState, save: request.saveChange, environment: env.name });
    // What the location runs now, saved before the first write: the undo of a failure or a cancel.
    await change.saveUndo(slot, { release: slot ? state.slots[slot]?.release : previousRelease, images: previousRelease ? (0,ledger_src/* imagesOf */.IC)(records, previousRelease) : undefined, taskDefinitions: previousRelease ? (0,ledger_src/* taskDefinitionsOf */.hB)(records, previousRelease, slot) : undefined });
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
        await (0,src_install/* runHook */.DB)(env, 'pre-deploy', description, request.secrets);
        step = 'install';
        await change.startWriting('install');
        install = await target.install({ ...description, signal: request.signal });
        installed = true;
        step = 'post-deploy';
        if (env.postDeploy)
            await change.fence('post-deploy');
        await (0,src_install/* runHook */.DB)(env, 'post-deploy', description, request.secrets);
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
    await target.afterSuccess?.({ keep: request.fromRelease ? [release, request.fromRelease] : [release], dryRun: request.retentionDryRun, ledger });
    return { release, previousRelease, rollbackTarget: (0,ledger_src/* rollbackTargetFor */.Bl)(state, release), slot, slotUrl: slot ? ((0,resolve/* slotUrl */.IU)(env, slot) ?? install?.url) : undefined, url: env.url, noop: false, upload: prepared.upload, promotedFrom: request.fromRelease, promotion: prepared.promotion, install, conflicts: operation.conflicts, record };
}
/** The images recorded for a promoted release in any of the app's ledgers (command and ecs targets deploy them again). */
async function promotedImages(request) {
    return (await (0,promote/* checkPromotable */.E)(request.client, request.env, request.fromRelease, request.release, 'from-release', request.target.storesFiles)).images;
}

;// CONCATENATED MODULE: ./packages/deploy-env/src/main.ts








const STATE_MIRROR = 'github-deployment';
/** Reads the inputs, deploys as one transaction (cancel included), writes the outputs. */
async function main() {
    // Nothing saved yet: the post step has nothing to do until a change state says otherwise.
    (0,src.setPostPending)(false);
    const cancel = (0,targets_src/* cancellation */.WN)();
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
    const client = (0,stores_src/* createObjectStore */.h)({ region: env.aws.region, endpoint: env.aws.endpoint, forcePathStyle: env.aws.forcePathStyle });
    const secrets = inputs.githubToken ? [inputs.githubToken] : [];
    // Every problem with the target's settings is reported here, before anything is written.
    const target = (0,targets_src/* createTarget */.Yn)(env, client, { secrets });
    const router = env.strategy === 'blue-green' && env.router ? (0,routers_src/* createRouter */.aE)(env) : undefined;
    const ledger = await (0,ledger_src/* openLedger */.au)({ state: env.state, app: env.app, environment: env.name, client });
    const mirror = (0,github/* deploymentMirror */.rd)({ token: inputs.githubToken, run, environment: env, release: inputs.release, description: `shipkit deploy ${inputs.release}` });
    const changeState = { version: 1, where: { state: env.state, app: env.app, environment: env.name, aws: env.aws }, operation: `deploy of ${inputs.release}`, release: inputs.release };
    const leased = {
        ledger,
        operation: `deploy ${inputs.release}`,
        // Read-only checks of the whole request (someone else's files in the location, images, services,
        // the release in the store) before anything — the lease included — is written.
        validate: async () => {
            const slot = env.strategy === 'blue-green' ? (0,ledger_src/* idleSlot */.f0)(await ledger.state()) : undefined;
            // The router's own checks (an ALB's slot target groups exist on its load balancer), before the slot is filled.
            await router?.validate?.();
            await target.validate({ release: inputs.release, slot, images: inputs.images, fromRelease: inputs.fromRelease, sourceDir: inputs.sourceDir, operation: 'deploy' });
        },
        onAcquired: (lease) => {
            changeState.lease = { key: lease.key, token: lease.holder.token };
            (0,targets_src/* saveChangeState */.$p)(changeState);
        },
        onReleased: () => (0,targets_src/* saveLeaseReleased */.Hd)(changeState),
    };
    const outcome = await (0,lease/* withEnvironmentLease */.p)(env, client, leased, (lease) => deploy({
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
        saveChange: targets_src/* saveChangeState */.$p,
        mirror,
        secrets,
        retentionDryRun: inputs.retentionDryRun,
        // A preview records its pull request and branch (remove-preview finds its location again) and the head commit.
        details: env.preview ? { commit: (0,preview/* pullRequestHeadSha */.du)(run), preview: { pr: env.preview.pr, branch: env.preview.branch } } : run.sha ? { commit: run.sha } : undefined,
        onMirrored: (deploymentId) => src.runner.saveState(STATE_MIRROR, JSON.stringify({ id: deploymentId, repository: run.repository, environment: env.name, release: inputs.release, logUrl: (0,src.runUrl)(run), environmentUrl: env.url })),
        router,
    }));
    // A preview: one comment on the pull request, created once and updated on every push.
    if (env.preview && inputs.githubToken && run.repository) {
        const commit = (0,preview/* pullRequestHeadSha */.du)(run);
        const posted = await (0,github/* upsertPreviewComment */.dX)({
            token: inputs.githubToken,
            repository: run.repository,
            pr: env.preview.pr,
            template: env.preview.template,
            body: (0,github/* previewCommentBody */.AF)({ template: env.preview.template, url: outcome.url, release: outcome.release, commit, runUrl: (0,src.runUrl)(run) }),
        });
        src.runner.info(`Preview comment on pull request #${env.preview.pr}: ${posted}.`);
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
    const saved = (0,targets_src/* readChangeState */.Ay)();
    if (!saved)
        return;
    const client = (0,stores_src/* createObjectStore */.h)(saved.where.aws);
    try {
        await (0,targets_src/* finishInterrupted */.u4)({
            saved,
            client,
            action: 'deploy-env',
            // The same inputs and config as the main step: the same target.
            target: () => (0,targets_src/* createTarget */.Yn)(readDeployInputs().env, client, { secrets: [src.runner.getInput('github-token')].filter(Boolean) }),
        });
    }
    catch (error) {
        src.runner.warning(`Could not finish the interrupted deploy: ${(0,src.errorMessage)(error)}`);
    }
    const mirrorText = src.runner.getState(STATE_MIRROR);
    const token = src.runner.getInput('github-token');
    if (mirrorText && token && saved.started && !saved.ended) {
        const mirrorSaved = JSON.parse(mirrorText);
        src.runner.setSecret(token);
        const mirror = new github/* GitHubDeployment */.Pl({ token, repository: mirrorSaved.repository, ref: '', environment: mirrorSaved.environment, release: mirrorSaved.release, description: `shipkit deploy ${mirrorSaved.release}`, logUrl: mirrorSaved.logUrl, environmentUrl: mirrorSaved.environmentUrl }, mirrorSaved.id);
        await mirror.status('error', `${mirrorSaved.release}: deploy interrupted`);
    }
}


/***/ }),

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


/***/ })

};
