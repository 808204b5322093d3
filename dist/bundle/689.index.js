export const id = 689;
export const ids = [689];
export const modules = {

/***/ 55689:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59858);


await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runAction)({ main: _main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i, post: _main_js__WEBPACK_IMPORTED_MODULE_1__/* .post */ .b });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 59858:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main),
  b: () => (/* binding */ post)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
// EXTERNAL MODULE: ./packages/environments/src/resolve.ts
var resolve = __webpack_require__(45296);
// EXTERNAL MODULE: ./packages/environments/src/lease.ts
var lease = __webpack_require__(85306);
// EXTERNAL MODULE: ./packages/environments/src/github.ts
var github = __webpack_require__(59933);
// EXTERNAL MODULE: ./packages/ledger/src/index.ts + 7 modules
var ledger_src = __webpack_require__(82816);
// EXTERNAL MODULE: ./packages/routers/src/index.ts + 13 modules
var routers_src = __webpack_require__(6212);
// EXTERNAL MODULE: ./packages/stores/src/index.ts
var stores_src = __webpack_require__(15008);
// EXTERNAL MODULE: ./packages/checks/src/index.ts + 10 modules
var checks_src = __webpack_require__(68263);
;// CONCATENATED MODULE: ./packages/blue-green-switch/src/canary.ts




/**
 * The switch's canary settings, all validated before anything changes: steps and step-duration
 * (inputs, else the environment's `canary` section, else a flip), and the analysis limits
 * (`canary` over the environment's `smoke` section; error budget 5% by default).
 */
function canarySettings(loaded, env, inputs) {
    const own = loaded ? (0,src.environmentConfig)(loaded, env.name) : undefined;
    const field = `${env.file ? `${env.file}: ` : ''}environments.${env.name}.canary`;
    const plan = (0,routers_src/* planCanary */.hn)({ steps: inputs.steps, stepDuration: inputs.stepDuration, config: own?.canary, configField: field });
    const canary = own?.canary ?? {};
    const smoke = { ...(loaded?.config.smoke ?? {}), ...(own?.smoke ?? {}) };
    const settings = (0,checks_src/* resolveSettings */.Mo)({ insecure: false }, { samples: canary.samples, 'max-error-rate': canary['max-error-rate'], 'max-p95': canary['max-p95'] }, smoke);
    const samples = settings.samples || checks_src/* DEFAULT_STEP_SAMPLES */.vP;
    // Too few samples make the analysis a coin toss: refused (only when steps are asked for), naming where the number came from.
    if ((0,routers_src/* isCanary */.Zm)(plan) && samples < checks_src/* MIN_STEP_SAMPLES */.Uy) {
        const from = canary.samples !== undefined ? `${field}.samples` : own?.smoke?.samples !== undefined ? `${env.file ? `${env.file}: ` : ''}environments.${env.name}.smoke.samples` : `${env.file ? `${env.file}: ` : ''}smoke.samples`;
        throw (0,src.invalidInput)(from, samples, `at least ${checks_src/* MIN_STEP_SAMPLES */.Uy} requests per check and URL in each canary step (the default ${checks_src/* DEFAULT_STEP_SAMPLES */.vP} aborts a release failing twice the error budget at its first step 98.6% of the time; see docs/design.md)`);
    }
    const envField = `${env.file ? `${env.file}: ` : ''}environments.${env.name}`;
    const metrics = (0,checks_src/* createMetricProviders */.xw)(canary.analysis, `${field}.analysis`, {
        router: env.router,
        targetGroups: { blue: env.slots?.blue?.['target-group-arn'], green: env.slots?.green?.['target-group-arn'] },
        field: envField,
    });
    return { plan, samples, maxErrorRate: settings.maxErrorRate, maxP95Ms: settings.maxP95Ms, metrics };
}
/**
 * The canary options for switchTraffic: each step runs the environment's smoke checks against the
 * new slot's own URL and against the live URL, for the step's duration. Undefined for a flip.
 */
function canaryOptions(loaded, env, settings, liveUrl) {
    if (!(0,routers_src/* isCanary */.Zm)(settings.plan))
        return undefined;
    if (!loaded)
        throw new src.ShipkitError('Traffic steps need the config file (the environment\'s slots and smoke checks).');
    const redactor = new checks_src/* Redactor */.pO();
    const slotUrl = (slot) => {
        const url = env.slots?.[slot]?.url;
        if (!url) {
            throw new src.ShipkitError(`environments.${env.name}.slots.${slot}.url is required to move traffic in steps: each step is analysed against the new slot's own URL.`, {
                hint: `Add the slot's test URL to ${env.file ?? '.github/shipkit.yml'}, or switch without steps.`,
            });
        }
        return url;
    };
    // Built (and validated) once per slot, before anything changes; every step of the switch reuses them.
    const built = new Map();
    const targetsFor = (slot) => {
        if (!built.has(slot)) {
            const targets = [{ name: `slot ${slot}`, checks: (0,checks_src/* environmentChecks */.XG)(loaded, env.name, slotUrl(slot), redactor).checks }];
            if (liveUrl)
                targets.push({ name: 'live', checks: (0,checks_src/* environmentChecks */.XG)(loaded, env.name, liveUrl, redactor).checks });
            built.set(slot, targets);
        }
        return built.get(slot);
    };
    return {
        plan: settings.plan,
        check: (slot) => {
            targetsFor(slot);
        },
        analyse: async ({ slot, release, weight }) => {
            // The step's weight is set: a metric provider reading a time series looks from here on.
            const since = Date.now();
            const targets = targetsFor(slot);
            const result = await (0,checks_src/* analyseStep */.wf)({
                targets,
                durationMs: settings.plan.stepDurationMs,
                samples: settings.samples,
                maxErrorRate: settings.maxErrorRate,
                maxP95Ms: settings.maxP95Ms,
                log: (line) => src.runner.info(redactor.redact(line)),
            });
            // The metric checks, at the end of a step the probes passed: any over its threshold fails it.
            const metrics = [];
            if (result.passed) {
                for (const provider of settings.metrics) {
                    const metric = await provider.evaluate({ slot, release, environment: env.name, weight, since });
                    src.runner.info(redactor.redact(`${metric.passed ? '✓' : '✗'} ${metric.name}: ${metric.detail}`));
                    metrics.push(metric);
                    if (!metric.passed)
                        break;
                }
            }
            const failedMetric = metrics.find((metric) => !metric.passed);
            // Nothing a check carries (a header's token, a URL's password) reaches the ledger.
            const summary = JSON.parse(redactor.redact(JSON.stringify({ ...(0,checks_src/* analysisSummary */.d_)(result), passed: result.passed && !failedMetric, ...(metrics.length ? { metrics: metrics.map(({ name, value, threshold, passed }) => ({ name, value: value ?? null, threshold, passed })) } : {}) })));
            return {
                passed: result.passed && !failedMetric,
                summary,
                failedCheck: result.failed ? `${result.failed.check} (${result.failed.target})` : failedMetric?.name,
                reason: result.failed ? redactor.redact(result.failed.reasons.join('; ')) : failedMetric ? redactor.redact(failedMetric.detail) : undefined,
            };
        },
    };
}

;// CONCATENATED MODULE: ./packages/blue-green-switch/src/context.ts

function readInputs() {
    const verifyUrl = (0,src.getOptional)('verify-url');
    if (verifyUrl)
        (0,src.checkHttpUrl)('verify-url', verifyUrl);
    return {
        environment: (0,src.getString)('environment', { required: true }),
        to: (0,src.getEnum)('to', ['idle', 'blue', 'green'], 'idle'),
        expectRelease: (0,src.getOptional)('expect-release'),
        requireSmoke: (0,src.getBoolean)('require-smoke', false),
        config: (0,src.getOptional)('config'),
        verifyUrl,
        githubToken: (0,src.getSecret)('github-token'),
        lockTimeout: (0,src.getOptional)('lock-timeout'),
        verify: (0,src.getBoolean)('verify', true),
        steps: (0,src.getOptional)('steps'),
        stepDuration: (0,src.getOptional)('step-duration'),
    };
}

;// CONCATENATED MODULE: ./packages/blue-green-switch/src/slot-check.ts


/**
 * The check a router runs on the target slot before visitors move, where it has that moment (App
 * Service swap with preview: the slot restarted with production's settings): the environment's
 * smoke checks against the slot's own URL (`slots.<slot>.url`), readiness and stability as
 * smoke-test runs them. Undefined without a config; a slot without a URL is not checked (said).
 */
function slotCheck(loaded, env) {
    if (!loaded)
        return undefined;
    return async (slot) => {
        const url = env.slots?.[slot]?.url;
        if (!url) {
            src.runner.warning(`environments.${env.name}.slots.${slot}.url is not set, so slot ${slot} is not checked before it takes traffic; set it to have the environment's smoke checks run against the slot first.`);
            return;
        }
        const redactor = new checks_src/* Redactor */.pO();
        const { checks, smoke } = (0,checks_src/* environmentChecks */.XG)(loaded, env.name, url, redactor);
        const report = await (0,checks_src/* runSmoke */.Lw)(checks, (0,checks_src/* resolveSettings */.Mo)({ insecure: false }, smoke), { log: (line) => src.runner.info(redactor.redact(line)) });
        if (!report.passed)
            throw new src.ShipkitError(redactor.redact(`slot ${slot} (${(0,checks_src/* displayUrl */.Qy)(url)}) failed ${report.failedChecks.join(', ')}`));
        src.runner.info(`Slot ${slot} passed its ${report.checks.length} check(s) at ${redactor.redact((0,checks_src/* displayUrl */.Qy)(url))} before taking traffic.`);
    };
}

;// CONCATENATED MODULE: ./packages/blue-green-switch/src/main.ts








const STATE_LEDGER = 'ledger';
const STATE_STARTED = 'started-record';
const STATE_ROUTE = 'route';
const STATE_LEASE = 'lease';
const STATE_FINISHED = 'finished';
/**
 * The switch ended (switched, aborted or refused): its post step has nothing to put back, and
 * nothing to do at all unless the lease this run took is still in the store (its release failed:
 * the post step releases it rather than leave it to expire).
 */
function finished(leaseLeft) {
    src.runner.saveState(STATE_FINISHED, 'true');
    (0,src.setPostPending)(leaseLeft);
}
/** Reads the inputs, calls the modules, writes the outputs. */
async function main() {
    // Nothing saved yet: the post step has work only once the lease is taken (onAcquired).
    (0,src.setPostPending)(false);
    const inputs = readInputs();
    const loaded = (0,src.loadConfig)(inputs.config);
    const env = (0,resolve/* resolveEnvironment */.g9)(loaded, inputs.environment, { lockTimeoutMs: inputs.lockTimeout !== undefined ? (0,src.parseDuration)(inputs.lockTimeout, 'lock-timeout') : undefined });
    const router = (0,routers_src/* createRouter */.aE)(env);
    const verifyUrl = inputs.verify ? (inputs.verifyUrl ?? env.url) : undefined;
    const settings = canarySettings(loaded, env, inputs);
    (0,routers_src/* checkWeighted */.A6)(router, settings.plan, env.name);
    const canary = canaryOptions(loaded, env, settings, verifyUrl);
    const client = (0,stores_src/* createObjectStore */.h)({ region: env.aws.region, endpoint: env.aws.endpoint, forcePathStyle: env.aws.forcePathStyle });
    const ledger = await (0,ledger_src/* openLedger */.au)({ state: env.state, app: env.app, environment: env.name, client });
    src.runner.saveState(STATE_LEDGER, JSON.stringify({ state: env.state, app: env.app, environment: env.name, aws: env.aws }));
    const context = (0,src.readContext)();
    let result;
    // Taken and not (yet) released: a lease the main step could not release is left to the post step.
    let leaseLeft = false;
    try {
        const leased = {
            ledger,
            operation: `switch to ${inputs.to}`,
            validate: async () => router.validate?.(),
            // The post step releases a lease a killed main step still held (its finally): it has work from here on.
            onAcquired: (lease) => {
                leaseLeft = true;
                (0,src.setPostPending)(true);
                src.runner.saveState(STATE_LEASE, JSON.stringify({ key: lease.key, token: lease.holder.token }));
            },
            onReleased: () => {
                leaseLeft = false;
            },
        };
        result = await (0,lease/* withEnvironmentLease */.p)(env, client, leased, () => (0,routers_src/* switchTraffic */.gi)({
            env,
            ledger,
            router,
            to: inputs.to,
            expectRelease: inputs.expectRelease,
            requireSmoke: inputs.requireSmoke,
            // Traffic really moved only if the live URL answers: verify-url, else the environment's url (verify: false opts out).
            verifyUrl,
            // Where the router has a moment before visitors move (App Service swap with preview), the slot's smoke checks run then.
            checkSlot: slotCheck(loaded, env),
            trigger: context.eventName === 'workflow_dispatch' ? 'manual' : 'automatic',
            canary,
            // A cancelled job's post step puts traffic back where it was (see post).
            onStarted: (started, route) => {
                (0,src.setPostPending)(true);
                src.runner.saveState(STATE_STARTED, JSON.stringify(started));
                src.runner.saveState(STATE_ROUTE, JSON.stringify(route));
            },
        }));
    }
    catch (error) {
        finished(leaseLeft);
        if (error instanceof routers_src/* CanaryAbortedError */.oq) {
            (0,src.setOutput)('aborted-at', String(error.abortedAt));
            (0,src.setOutput)('live-slot', error.liveSlot);
            (0,src.setOutput)('weights', error.weights ? JSON.stringify(error.weights) : '');
        }
        await (0,src.writeSummary)({ title: 'blue-green-switch', text: `Traffic of **${env.name}** was not switched (${inputs.to === 'idle' ? 'to the idle slot' : `to ${inputs.to}`}).`, details: `\`\`\`\n${(0,src.errorMessage)(error)}\n\`\`\`` });
        throw error;
    }
    finished(leaseLeft);
    (0,src.setOutput)('live-slot', result.liveSlot);
    (0,src.setOutput)('previous-slot', result.previousSlot ?? '');
    (0,src.setOutput)('release', result.release);
    (0,src.setOutput)('aborted-at', '');
    (0,src.setOutput)('weights', JSON.stringify({ [result.liveSlot]: 100 }));
    if (result.changed) {
        const deployment = (0,github/* deploymentMirror */.rd)({ token: inputs.githubToken, run: context, environment: env, release: result.release, commit: result.commit, description: `shipkit: ${result.release} live on ${result.liveSlot}` });
        await deployment.start();
        await deployment.status('success');
    }
    const headline = result.changed
        ? `Switched **${env.name}** to slot **${result.liveSlot}** (release \`${result.release}\`)${result.steps ? ` in steps ${result.steps.join(', ')}%` : ''}`
        : `Slot **${result.liveSlot}** (release \`${result.release}\`) was already live in **${env.name}**`;
    src.runner.info(headline.replace(/\*\*|`/g, ''));
    await (0,src.writeSummary)({
        title: 'blue-green-switch',
        text: `${headline}.`,
        headers: ['', 'slot', 'release'],
        rows: [
            ['live now', result.liveSlot, result.release],
            ['before', result.previousSlot, result.previousRelease],
        ],
        details: [`Router: ${result.router}`, ...result.conflicts.map((conflict) => `:warning: Ledger conflict: ${conflict}`)].join('\n\n'),
    });
}
/**
 * The post step (post-if: always()): when the main step started a switch and never finished it
 * (the job was cancelled mid-canary, the runner killed the process), all traffic goes back to the
 * slot that was live before and the switch is recorded as failed with the weight it reached —
 * while this run still holds the environment's lease; then the lease is released.
 */
async function post() {
    // A switch the main step ended leaves nothing to put back; only its lease, when the main step's release failed.
    const ended = src.runner.getState(STATE_FINISHED) === 'true';
    const ledgerText = src.runner.getState(STATE_LEDGER);
    if (!ledgerText)
        return;
    const where = JSON.parse(ledgerText);
    const client = (0,stores_src/* createObjectStore */.h)(where.aws);
    const leaseText = src.runner.getState(STATE_LEASE);
    const lease = leaseText ? JSON.parse(leaseText) : undefined;
    const startedText = src.runner.getState(STATE_STARTED);
    try {
        if (ended || !startedText || !lease)
            return;
        const started = JSON.parse(startedText);
        const route = JSON.parse(src.runner.getState(STATE_ROUTE) || '{}');
        if (!(await ledger_src/* EnvironmentLease */.EN.heldBy(client, where.state.bucket, lease.key, lease.token))) {
            src.runner.warning(`The switch of ${where.environment} to ${started.slot} was interrupted, but this run no longer holds the environment's lease (another run took it over), so traffic is left as that run sets it. Check the router and the ledger.`);
            return;
        }
        const ledger = await (0,ledger_src/* openLedger */.au)({ state: where.state, app: where.app, environment: where.environment, client, run: (0,ledger_src/* runInfoFromEnv */.PB)() });
        const state = await ledger.state();
        if (state.operations.find((op) => op.operation === started.operation)?.end) {
            src.runner.info(`The switch of ${where.environment} had already recorded its end; nothing to undo.`);
            return;
        }
        const weight = state.canary?.operation === started.operation ? state.canary.weight : undefined;
        const reason = `interrupted: the switch step ended without finishing (cancelled or killed)${weight !== undefined ? ` at ${weight}% on ${started.slot}` : ''}`;
        if (!route.previous || route.previous === route.target) {
            src.runner.warning(`The switch of ${where.environment} to ${started.slot} was ${reason}; no slot was live before, so there is nothing to return traffic to.`);
            await abandonRecordOnly(ledger, started, reason);
            return;
        }
        const inputs = readInputs();
        const env = (0,resolve/* resolveEnvironment */.g9)((0,src.loadConfig)(inputs.config), inputs.environment);
        const outcome = await (0,routers_src/* abandonSwitch */.O7)({ env, ledger, router: (0,routers_src/* createRouter */.aE)(env), started, from: route.previous, weight, reason });
        if (outcome.switchedBack)
            src.runner.warning(`The switch of ${where.environment} to ${started.slot} was ${reason}: all traffic is back on ${route.previous}, recorded as failed.`);
        else
            src.runner.error(`The switch of ${where.environment} to ${started.slot} was ${reason}, and returning traffic to ${route.previous} failed: ${outcome.error}. Check the router now.`);
    }
    catch (error) {
        src.runner.warning(`Could not finish the interrupted switch: ${(0,src.errorMessage)(error)}`);
    }
    finally {
        if (lease) {
            try {
                if (await ledger_src/* EnvironmentLease */.EN.releaseToken(client, where.state.bucket, lease.key, lease.token))
                    src.runner.info(`Released the environment lease the ${ended ? '' : 'interrupted '}switch held.`);
            }
            catch (error) {
                src.runner.warning(`Could not release the environment lease (it expires on its own): ${(0,src.errorMessage)(error)}`);
            }
        }
    }
}
async function abandonRecordOnly(ledger, started, reason) {
    await new ledger_src/* Operation */.I(ledger, started).fail(new Error(reason), { details: { ...started.details, interrupted: true } });
}


/***/ })

};
