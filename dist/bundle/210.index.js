export const id = 210;
export const ids = [210];
export const modules = {

/***/ 4672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eb: () => (/* binding */ checkPreviewTemplates),
/* harmony export */   Kd: () => (/* binding */ pullRequestNumber),
/* harmony export */   XP: () => (/* binding */ parsePullRequestNumber),
/* harmony export */   _n: () => (/* binding */ pullRequestOf),
/* harmony export */   dL: () => (/* binding */ expandPreview),
/* harmony export */   du: () => (/* binding */ pullRequestHeadSha),
/* harmony export */   gz: () => (/* binding */ previewName)
/* harmony export */ });
/* unused harmony export sanitizeBranch */
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);

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
        throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.invalidInput)(field, String(value), 'a pull request number: a positive whole number in decimal, such as 42');
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
                throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`${field(environment.url?.includes('{') ? 'url' : 's3.prefix')} uses ${placeholders[0]}, which only preview environments fill: set environments.${name}.preview: true, or remove the placeholder.`);
            continue;
        }
        if (!(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.hostsPreviews)(environment.target) || (environment.strategy ?? 'direct') !== 'direct') {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`${field('preview')} is true, but previews are s3 targets with the direct strategy (target is ${environment.target}, strategy ${environment.strategy ?? 'direct'}).`);
        }
        const prefix = environment.s3?.prefix ?? '';
        if (!prefix.includes('{pr}')) {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`${field('s3.prefix')} of preview environment ${name} is ${JSON.stringify(prefix)}: it must contain {pr}, or every pull request would overwrite the others' preview.`, {
                hint: `E.g. prefix: "pr-{pr}" — each pull request's files then live under their own prefix of ${environment.s3?.bucket ?? 'the bucket'}.`,
            });
        }
        if (environment.url && !environment.url.includes('{pr}')) {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`${field('url')} of preview environment ${name} is ${JSON.stringify(environment.url)}: it must contain {pr} (each pull request has its own URL; two pull requests may share a branch name once sanitized, so {branch} alone is not enough).`, {
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
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`The event's pull request number has an invalid value ${JSON.stringify(run.pullRequestNumber)}: expected a positive whole number in decimal, such as 42.`);
    return { pr, branch: head ? sanitizeBranch(head) : undefined };
}
/** The head commit of the pull request a run is for (GITHUB_SHA is the merge commit), else the run's sha. */
function pullRequestHeadSha(run) {
    return run.payload.pull_request?.head?.sha ?? run.sha;
}


/***/ }),

/***/ 77210:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33750);


await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runAction)({ main: _main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 33750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
// EXTERNAL MODULE: ./packages/environments/src/preview.ts
var preview = __webpack_require__(4672);
// EXTERNAL MODULE: ./packages/checks/src/index.ts + 10 modules
var checks_src = __webpack_require__(68263);
;// CONCATENATED MODULE: ./packages/smoke-test/src/context.ts




const SLOTS = ['blue', 'green'];
function readInputs() {
    return {
        urls: (0,src.getList)('url', { comma: false }),
        baseUrl: (0,src.getOptional)('base-url'),
        // Kept as given: it is YAML, and trimming the first line's indentation would change its meaning.
        checks: src.runner.getInput('checks', { trimWhitespace: false }).trim() ? src.runner.getInput('checks', { trimWhitespace: false }) : undefined,
        config: (0,src.getOptional)('config'),
        expectStatus: (0,src.getOptional)('expect-status'),
        timeout: (0,src.getOptional)('timeout'),
        requestTimeout: (0,src.getOptional)('request-timeout'),
        samples: (0,src.getOptional)('samples'),
        maxErrorRate: (0,src.getOptional)('max-error-rate'),
        maxP95: (0,src.getOptional)('max-p95'),
        concurrency: (0,src.getOptional)('concurrency'),
        insecure: (0,src.getBoolean)('insecure', false),
        retryAssertions: (0,src.getOptional)('retry-assertions') === undefined ? undefined : (0,src.getBoolean)('retry-assertions', false),
        environment: (0,src.getOptional)('environment'),
        slot: (0,src.getOptional)('slot'),
        junitFile: junitFileInput(),
        workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    };
}
/**
 * Turns the inputs into checks and settings, validating everything before any request is sent.
 * Checks come from `url` and `checks` (both may be given), else from the config file: the
 * environment's smoke.checks, else the top-level smoke.checks. Every secret found is registered
 * with the redactor (and masked in the log).
 */
function planSmoke(inputs, redactor, env = process.env) {
    if (inputs.slot && !SLOTS.includes(inputs.slot))
        throw (0,src.invalidInput)('slot', inputs.slot, `one of ${SLOTS.join(', ')}`);
    if (inputs.slot && !inputs.environment) {
        throw new src.ShipkitError('Input "slot" was given without "environment": the result is recorded per environment and slot.', { hint: 'Set environment too, or drop slot.' });
    }
    const loaded = (0,src.loadConfig)(inputs.config, inputs.workspace);
    if (inputs.environment) {
        if (!loaded) {
            throw new src.ShipkitError(`Input "environment" is ${JSON.stringify(inputs.environment)}, but no config file ${inputs.config ?? '.github/shipkit.yml'} was found to find its ledger in.`, {
                hint: 'Recording the result needs the config file (app and state); check out the repository before this step.',
            });
        }
        (0,src.environmentConfig)(loaded, inputs.environment);
        if (!loaded.config.state) {
            throw new src.ShipkitError(`Input "environment" asks to record the result, but ${loaded.file} has no "state" (the ledger location, s3://bucket/prefix).`);
        }
    }
    let baseUrl = inputs.baseUrl ? (0,checks_src/* validateBaseUrl */.f4)(inputs.baseUrl, 'base-url') : (0,checks_src/* baseUrlFromConfig */.ln)(loaded, inputs.environment, inputs.slot);
    // A preview template's url: filled for the run's pull request.
    const pullRequest = (0,preview/* pullRequestOf */._n)((0,src.readContext)());
    if (!inputs.baseUrl && baseUrl && /\{(pr|branch)\}/.test(baseUrl) && pullRequest)
        baseUrl = (0,preview/* expandPreview */.dL)(baseUrl, pullRequest);
    if (baseUrl && !inputs.baseUrl)
        (0,checks_src/* validateBaseUrl */.f4)(baseUrl, inputs.slot ? `${loaded.file}: environments.${inputs.environment}.slots.${inputs.slot}.url` : `${loaded.file}: environments.${inputs.environment}.url`);
    const expectStatus = (0,checks_src/* parseStatusSpec */.L1)(inputs.expectStatus ?? checks_src/* DEFAULT_SETTINGS */.a$.expectStatus, 'expect-status');
    const configSmoke = loaded ? (0,checks_src/* smokeFromConfig */.w9)(loaded, inputs.environment) : undefined;
    // Per-request timeout default for checks: input, then the config's, then the built-in one.
    const preliminary = (0,checks_src/* resolveSettings */.Mo)({ ...inputs, insecure: inputs.insecure }, configSmoke?.smoke ?? {});
    const defaults = { baseUrl, expectStatus, requestTimeoutMs: preliminary.requestTimeoutMs, env };
    const checks = [];
    const expanded = [];
    const sources = [];
    let settingsLayers = [configSmoke?.smoke ?? {}];
    if (inputs.urls.length) {
        checks.push(...(0,checks_src/* checksFromUrls */.mZ)(inputs.urls, defaults));
        sources.push('input "url"');
    }
    if (inputs.checks) {
        const spec = (0,checks_src/* parseChecksInput */.hh)(inputs.checks, inputs.workspace);
        const fileSettings = (0,checks_src/* resolveSettings */.Mo)({ ...inputs }, spec.settings, configSmoke?.smoke ?? {});
        const built = (0,checks_src/* buildChecks */.US)(spec.checks, spec.locate, { ...defaults, requestTimeoutMs: fileSettings.requestTimeoutMs }, spec.fieldPrefix);
        checks.push(...built.checks);
        expanded.push(...built.expandedValues);
        settingsLayers = [spec.settings, ...settingsLayers];
        sources.push('input "checks"');
    }
    if (!checks.length && configSmoke?.smoke.checks?.length) {
        const built = (0,checks_src/* buildChecks */.US)(configSmoke.smoke.checks, loaded.locate, defaults, configSmoke.fieldPrefix);
        checks.push(...built.checks);
        expanded.push(...built.expandedValues);
        sources.push(`${loaded.file} (${configSmoke.fieldPrefix.join('.')})`);
    }
    if (!checks.length) {
        throw new src.ShipkitError('There is nothing to check: the inputs "url" and "checks" are empty and the config has no smoke.checks.', {
            hint: `Give url (one per line), checks (a YAML list), or add smoke.checks to ${loaded?.file ?? '.github/shipkit.yml'}.`,
        });
    }
    const names = new Set();
    for (const check of checks) {
        if (names.has(check.name))
            throw new src.ShipkitError(`Two checks are named ${JSON.stringify(check.name)} (from ${sources.join(' and ')}); check names must be unique.`);
        names.add(check.name);
    }
    (0,checks_src/* collectSecrets */.qb)(checks, expanded, redactor);
    const settings = (0,checks_src/* resolveSettings */.Mo)({ ...inputs }, ...settingsLayers);
    return { checks, settings, source: sources.join(' + '), loaded, environment: inputs.environment, slot: inputs.slot };
}
function junitFileInput() {
    const value = (0,src.getOptional)('junit-file');
    if (value)
        junitPath(value, (0,src.readContext)().workspace);
    return value;
}
/**
 * Where the JUnit report goes: inside the workspace or RUNNER_TEMP, and never over a file that is
 * not an earlier report (the config, a source file). Checked before any request is made.
 */
function junitPath(value, workspace) {
    const file = (0,src.resolveInside)('junit-file', value, { workspace, kind: 'file' });
    if ((0,external_node_fs_.existsSync)(file) && !/^\s*(<\?xml[^>]*>\s*)?<testsuites?\b/.test((0,external_node_fs_.readFileSync)(file, 'utf8').slice(0, 512))) {
        throw new src.ShipkitError(`Input "junit-file" names ${JSON.stringify(value.slice(0, 200))}, an existing file that is not a JUnit report: expected a new path (or an earlier report) such as reports/smoke.xml.`);
    }
    return file;
}

// EXTERNAL MODULE: ./packages/ledger/src/index.ts + 7 modules
var ledger_src = __webpack_require__(82816);
// EXTERNAL MODULE: ./packages/stores/src/index.ts
var stores_src = __webpack_require__(15008);
;// CONCATENATED MODULE: ./packages/smoke-test/src/record.ts



/** The ledger of the environment named by the config's `state` and `app`. */
async function ledgerFor(loaded, environment, client) {
    const { config } = loaded;
    if (!config.state)
        throw new src.ShipkitError(`${loaded.file} has no "state" (s3://bucket/prefix), so there is no ledger to record the smoke result in.`);
    return (0,ledger_src/* openLedger */.au)({
        state: config.state,
        app: config.app,
        environment,
        client: client ?? (0,stores_src/* createObjectStore */.h)({ region: config.aws?.region, endpoint: config.aws?.endpoint, forcePathStyle: config.aws?.['force-path-style'] }),
    });
}
/**
 * Reads which release is under test before any request: the slot's release for a slot, the live
 * release otherwise. Recording it lets the ledger ignore the result if the slot was reinstalled
 * meanwhile. Also proves the state store is reachable before the checks run.
 */
async function releaseUnderTest(ledger, slot) {
    try {
        const state = await ledger.state();
        return slot ? state.slots[slot]?.release : state.live?.release;
    }
    catch (error) {
        throw new src.ShipkitError(`Could not read the ledger to record the smoke result: ${(0,src.errorMessage)(error)}`, {
            hint: 'Check the config\'s state location and the AWS credentials of this job.',
        });
    }
}
/** Appends the smoke result (passed/failed, release, slot, a short summary) to the ledger. The report must already be redacted. */
async function recordSmoke(ledger, target, report) {
    const failed = report.checks.filter((check) => !check.passed);
    return ledger.recordSmokeResult({
        passed: report.passed,
        slot: target.slot,
        release: target.release,
        url: report.checks[0]?.url,
        reason: failed.length ? failed.map((check) => `${check.name}: ${check.failures[0] ?? 'failed'}`).join('; ').slice(0, 1000) : undefined,
        details: {
            checks: report.checks.length,
            failedChecks: report.failedChecks,
            durationMs: report.durationMs,
            samples: report.settings.samples,
        },
    });
}

;// CONCATENATED MODULE: ./packages/smoke-test/src/report.ts

/**
 * A copy of the report with every string passed through `redact`, so each rendering (JSON output,
 * summary, JUnit, ledger) starts from text without secrets, before any escaping could hide one.
 */
function redactReport(report, redact) {
    const walk = (value) => {
        if (typeof value === 'string')
            return redact(value);
        if (Array.isArray(value))
            return value.map(walk);
        if (value && typeof value === 'object')
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
        return value;
    };
    return walk(report);
}
function why(result) {
    return result.passed ? '' : result.failures.join('; ');
}
function latency(result) {
    if (result.latencyMs === undefined)
        return '';
    return `${result.latencyMs}ms`;
}
/** Step summary: one row per check (check, status, latency, attempts, why it failed), then the stability table. */
function summaryMarkdown(report) {
    const failed = report.failedChecks.length;
    const headline = report.passed
        ? `✅ ${report.checks.length} check${report.checks.length === 1 ? '' : 's'} passed in ${(0,src.formatDuration)(report.durationMs)}`
        : `❌ ${failed} of ${report.checks.length} check${report.checks.length === 1 ? '' : 's'} failed (${report.failedChecks.join(', ')})`;
    const rows = report.checks.map((result) => [
        `${result.passed ? '✅' : '❌'} ${result.name}`,
        result.url,
        result.status ?? result.errorKind ?? '',
        latency(result),
        result.attempts,
        why(result),
    ]);
    let markdown = `### smoke-test\n\n${headline}\n\n${(0,src.markdownTable)(['Check', 'URL', 'Status', 'Latency', 'Attempts', 'Why it failed'], rows)}\n`;
    const sampled = report.checks.filter((result) => result.stability);
    if (sampled.length) {
        const limits = [`max error rate ${Number((report.settings.maxErrorRate * 100).toFixed(2))}%`, report.settings.maxP95Ms !== undefined ? `max p95 ${report.settings.maxP95Ms}ms` : ''].filter(Boolean).join(', ');
        const stabilityRows = sampled.map((result) => {
            const stability = result.stability;
            return [
                `${stability.passed ? '✅' : '❌'} ${result.name}`,
                stability.samples,
                `${Number((stability.errorRate * 100).toFixed(2))}%`,
                stability.p50Ms === undefined ? '' : `${stability.p50Ms}ms`,
                stability.p95Ms === undefined ? '' : `${stability.p95Ms}ms`,
                stability.maxMs === undefined ? '' : `${stability.maxMs}ms`,
                stability.errorReasons.map((entry) => `${entry.count}× ${entry.reason}`).join('; '),
            ];
        });
        markdown += `**Stability** (${limits})\n\n${(0,src.markdownTable)(['Check', 'Samples', 'Error rate', 'p50', 'p95', 'Max', 'Errors'], stabilityRows)}\n`;
    }
    return markdown;
}
function escapeXml(text) {
    // Control characters other than tab/newline are not allowed in XML 1.0 at all.
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
/** JUnit XML: one testcase per check, a failure element with the reasons when it failed. */
function junitXml(report) {
    const seconds = (ms) => ((ms ?? 0) / 1000).toFixed(3);
    const cases = report.checks.map((result) => {
        const attributes = `name="${escapeXml(result.name)}" classname="smoke-test" time="${seconds(result.readyAfterMs)}"`;
        const detail = [`${result.method} ${result.url}`, `status: ${result.status ?? result.errorKind ?? 'none'}`, `attempts: ${result.attempts}`];
        if (result.stability) {
            const s = result.stability;
            detail.push(`stability: ${s.samples} samples, error rate ${(s.errorRate * 100).toFixed(2)}%, p50 ${s.p50Ms ?? '-'}ms, p95 ${s.p95Ms ?? '-'}ms, max ${s.maxMs ?? '-'}ms`);
        }
        const output = `      <system-out>${escapeXml(detail.join('\n'))}</system-out>\n`;
        if (result.passed)
            return `    <testcase ${attributes}>\n${output}    </testcase>`;
        const message = result.failures.join('; ');
        return `    <testcase ${attributes}>\n      <failure message="${escapeXml(message)}" type="SmokeCheckFailed">${escapeXml(result.failures.join('\n'))}</failure>\n${output}    </testcase>`;
    });
    const xml = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="shipkit smoke-test" tests="${report.checks.length}" failures="${report.failedChecks.length}" time="${seconds(report.durationMs)}">`,
        `  <testsuite name="smoke-test" tests="${report.checks.length}" failures="${report.failedChecks.length}" errors="0" skipped="0" time="${seconds(report.durationMs)}" timestamp="${report.startedAt}">`,
        ...cases,
        '  </testsuite>',
        '</testsuites>',
        '',
    ].join('\n');
    return xml;
}

;// CONCATENATED MODULE: ./packages/smoke-test/src/main.ts








/** The ledger a result is recorded in: the environment's, or for a preview template the run's pull request's (`<environment>/pr-<n>`). */
function ledgerEnvironment(loaded, environment) {
    if (!(0,src.environmentConfig)(loaded, environment).preview)
        return environment;
    const pr = (0,src.readContext)().pullRequestNumber;
    if (!pr)
        throw new src.ShipkitError(`Input "environment" names the preview template ${JSON.stringify(environment)}, but this run is not for a pull request, so there is no preview to record the result for.`);
    return (0,preview/* previewName */.gz)(environment, pr);
}
/** Reads the inputs, calls the modules, writes the outputs. */
async function main() {
    const inputs = readInputs();
    const redactor = new checks_src/* Redactor */.pO();
    const plan = planSmoke(inputs, redactor);
    const say = (line) => src.runner.info(redactor.redact(line));
    say(`${plan.checks.length} check${plan.checks.length === 1 ? '' : 's'} from ${plan.source}; timeout ${(0,src.formatDuration)(plan.settings.timeoutMs)}, request-timeout ${(0,src.formatDuration)(plan.settings.requestTimeoutMs)}${plan.settings.samples ? `, ${plan.settings.samples} stability samples each` : ''}`);
    // Open the ledger first: an unreachable state store fails the step before any request, and the
    // release under test is the one the slot held when the checks started.
    const ledger = plan.environment && plan.loaded ? await ledgerFor(plan.loaded, ledgerEnvironment(plan.loaded, plan.environment)) : undefined;
    const release = ledger ? await releaseUnderTest(ledger, plan.slot) : undefined;
    const raw = await src.runner.group('Readiness and stability', () => (0,checks_src/* runSmoke */.Lw)(plan.checks, plan.settings, { log: say }));
    const report = redactReport(raw, (text) => redactor.redact(text));
    (0,src.setOutput)('passed', String(report.passed));
    (0,src.setOutput)('report', JSON.stringify(report));
    (0,src.setOutput)('failed-checks', report.failedChecks.join(','));
    const markdown = summaryMarkdown(report);
    await (0,src.writeSummaryMarkdown)(markdown);
    if (inputs.junitFile) {
        const file = junitPath(inputs.junitFile, inputs.workspace);
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(file), { recursive: true });
        (0,external_node_fs_.writeFileSync)(file, (0,src.redact)(junitXml(report)));
        say(`JUnit report written to ${inputs.junitFile}`);
    }
    if (ledger && plan.environment) {
        const record = await recordSmoke(ledger, { environment: plan.environment, slot: plan.slot, release }, report);
        say(`Recorded the result in the ${ledger.environment} ledger (${record.id}${plan.slot ? `, slot ${plan.slot}` : ''}${release ? `, release ${release}` : ''}).`);
    }
    if (!report.passed) {
        const reasons = report.checks.filter((check) => !check.passed).map((check) => `${check.name}: ${check.failures.join('; ')}`);
        throw new src.ShipkitError(`smoke-test failed: ${report.failedChecks.length} of ${report.checks.length} checks failed.\n${reasons.join('\n')}`);
    }
}


/***/ })

};
