export const id = 212;
export const ids = [212];
export const modules = {

/***/ 6212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oq: () => (/* reexport */ CanaryAbortedError),
  O7: () => (/* reexport */ abandonSwitch),
  A6: () => (/* reexport */ checkWeighted),
  aE: () => (/* reexport */ createRouter),
  Zm: () => (/* reexport */ isCanary),
  hn: () => (/* reexport */ planCanary),
  Eg: () => (/* reexport */ readTraffic),
  U2: () => (/* reexport */ refuseSlotWithTraffic),
  od: () => (/* reexport */ routerWeightsOrUndefined),
  gi: () => (/* reexport */ switchTraffic)
});

// UNUSED EXPORTS: APP_SERVICE_API_VERSION, AlbRouter, AppServiceRouter, CloudFrontRouter, CloudRunRouter, CommandRouter, DEFAULT_INVALIDATE_PATHS, DEFAULT_NGINX_RELOAD, DEFAULT_NGINX_TEST, DEFAULT_RELOAD_TIMEOUT_MS, DEFAULT_SLOT_LABEL, DEFAULT_STEPS, DEFAULT_STEP_DURATION, DEFAULT_SWITCH_TIMEOUT_MS, GatewayApiRouter, K8sServiceRouter, LISTENER_ARN, NginxRouter, RULE_ARN, RouteStillRunningError, SLOT_SETTING, TARGET_GROUP_ARN, childPids, createElbv2Client, defaultPidFile, describeTraffic, forWrite, forwardTo, isSplit, ledgerWeights, ownedInclude, parseIncludeServers, parseIncludeUpstream, parseSteps, planSwitch, renderInclude, routerWeights, shareOf, trafficSplit, upstreamName, validateArn, validateUpstream, verifyLive, writeAtomically

// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
;// CONCATENATED MODULE: ./packages/routers/src/types.ts

/**
 * route() stopped waiting while the change it asked for was still running on the platform (an App
 * Service swap past the switch's timeout), and undoing it mid-way would be worse than waiting (a
 * reset mid-swap, then the swap lands anyway). The router restored nothing; it read back where
 * live traffic goes now (`routedAfter`, undefined when it cannot tell) so the caller records what
 * runs, and the change may still land.
 */
class RouteStillRunningError extends src.ShipkitError {
    routedAfter;
    constructor(message, routedAfter, options = {}) {
        super(message, options);
        this.routedAfter = routedAfter;
        this.name = 'RouteStillRunningError';
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/ledger/src/index.ts + 7 modules
var ledger_src = __webpack_require__(82816);
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
        const slotOf = (upstream) => ledger_src/* SLOT_NAMES */.si.find((name) => this.options.upstreams[name] === upstream);
        // A canary in progress (or interrupted): traffic is split, no single slot is live.
        if (servers && servers.length === 2 && servers.every((server) => slotOf(server.upstream)))
            return undefined;
        const upstream = servers?.length === 1 ? servers[0].upstream : undefined;
        const slot = upstream ? slotOf(upstream) : undefined;
        if (!slot) {
            src.runner.warning(`${this.options.include} does not route to either slot (it names ${upstream ? JSON.stringify(upstream) : `no single upstream ${upstreamName(this.options.environment)}`}; blue is ${this.options.upstreams.blue}, green is ${this.options.upstreams.green}). The next switch rewrites it.`);
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
            const slot = ledger_src/* SLOT_NAMES */.si.find((name) => this.options.upstreams[name] === server.upstream);
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
        src.runner.info(split ? `nginx now routes ${weight}% of ${upstreamName(this.options.environment)} to ${slot} (${upstream}) and ${100 - weight}% to ${split.other} (${split.otherUpstream}).` : `nginx now routes ${upstreamName(this.options.environment)} to ${slot} (${upstream}).`);
    }
    /**
     * `nginx -s reload` returns once the master is signalled; until the old workers exit they keep
     * serving (keep-alive visitors, long requests) the old upstream. Waits until every old worker
     * has gone and a new one runs, bounded by reloadTimeoutMs (past it: a warning naming the pids).
     */
    async waitForNewGeneration(pidFile, master, oldWorkers) {
        if (!master) {
            src.runner.warning(`Could not read the nginx master's pid from ${pidFile}, so this switch cannot confirm that the old workers stopped serving; set router.pid-file to the pid file of the nginx that includes ${this.options.include}.`);
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
                src.runner.warning(`nginx reloaded, but ${left.length ? `old worker(s) ${left.join(', ')} still serve after ${(0,src.formatDuration)(timeout)} (long requests or open connections); they keep the previous routing until they finish` : `no new worker appeared within ${(0,src.formatDuration)(timeout)}`}.`);
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
                src.runner.info(output);
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
            await src.runner.group(`Switch command: ${this.options.command.join(' ')} (to ${request.slot})`, () => (0,src.exec)(program, args, { env: this.environmentFor(request.slot, request, false), cwd: this.options.cwd, label: `switch command ${program}` }));
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
                await src.runner.group(`Restoring: ${this.options.command.join(' ')} (back to ${request.previous})`, () => (0,src.exec)(program, args, { env: this.environmentFor(request.previous, request, true), cwd: this.options.cwd, label: `switch command ${program} (restore)` }));
            }
            catch (restoreError) {
                restored = `running it again for ${request.previous} to restore the routing failed too (${(0,src.errorMessage)(restoreError)}); check the router by hand`;
            }
            throw new src.ShipkitError(`The switch command failed for slot ${request.slot}; ${restored}.\n${failure}`);
        }
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudfront/dist-cjs/index.js
var dist_cjs = __webpack_require__(23169);
// EXTERNAL MODULE: ./packages/cloudfront/src/invalidate.ts
var src_invalidate = __webpack_require__(29417);
;// CONCATENATED MODULE: ./packages/routers/src/cloudfront.ts




/** CloudFront's cache key does not include the origin: after a switch every cached path may be the old slot's. */
const DEFAULT_INVALIDATE_PATHS = ['/*'];
const DEFAULT_SWITCH_TIMEOUT_MS = 15 * 60_000;
function isPreconditionFailed(error) {
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
            output = await this.options.client.send(new dist_cjs/* GetDistributionConfigCommand */.wNI({ Id: this.options.distributionId }));
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
        const missing = ledger_src/* SLOT_NAMES */.si.filter((name) => this.options.origins[name] && !declared.includes(this.options.origins[name]));
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
        return ledger_src/* SLOT_NAMES */.si.find((slot) => this.options.origins[slot] === target);
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
                await this.options.client.send(new dist_cjs/* UpdateDistributionCommand */.ZJl({ Id: this.options.distributionId, IfMatch: etag, DistributionConfig: config }));
                src.runner.info(`Distribution ${this.options.distributionId}: ${[...before].map(([name, from]) => `${name} ${from} -> ${targets.get(name)}`).join(', ')}.`);
                return before;
            }
            catch (error) {
                if (isPreconditionFailed(error) && attempt < attempts) {
                    src.runner.info(`Distribution ${this.options.distributionId} changed while we updated it (ETag ${etag} is stale); re-reading (attempt ${attempt + 1}/${attempts}).`);
                    await (0,src.sleep)(Math.min(200 * attempt, 1000));
                    continue;
                }
                const detail = isPreconditionFailed(error) ? `its configuration kept changing underneath us (${attempts} attempts, ETag mismatch)` : (0,src.errorMessage)(error);
                throw new src.ShipkitError(`Could not update CloudFront distribution ${this.options.distributionId}: ${detail}. Live traffic is unchanged.`, {
                    hint: 'Check that the credentials allow cloudfront:UpdateDistribution and that nobody else is editing the distribution.',
                });
            }
        }
    }
    /** What a switch to `slot` changes, checked before anything changes. */
    planSwitch(slot, config) {
        const origin = this.originFor(slot, config);
        const slotOrigins = new Set(ledger_src/* SLOT_NAMES */.si.map((name) => this.options.origins[name]).filter(Boolean));
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
            src.runner.info(`${what} is ${waiting}; waiting.`);
            await (0,src.sleep)(interval);
        }
    }
    async route(request) {
        const moved = await this.update((config) => this.planSwitch(request.slot, config));
        if (!moved.size)
            src.runner.info(`Distribution ${this.options.distributionId} already routes every slot behaviour to ${request.slot}.`);
        const deadline = Date.now() + (this.options.waitTimeoutMs ?? DEFAULT_SWITCH_TIMEOUT_MS);
        const changed = moved.size ? `it routed ${[...moved.keys()].join(', ')} to ${request.slot}` : 'its routing was already on the slot';
        try {
            const { ids } = await this.options.invalidate(this.options.invalidatePaths ?? DEFAULT_INVALIDATE_PATHS);
            if (this.options.wait ?? true) {
                await this.waitUntil(deadline, `Distribution ${this.options.distributionId}`, async () => {
                    const status = (await this.options.client.send(new dist_cjs/* GetDistributionCommand */.seO({ Id: this.options.distributionId }))).Distribution?.Status;
                    return status?.toLowerCase() === 'deployed' ? undefined : (status ?? 'unknown');
                });
                for (const id of ids) {
                    await (0,src_invalidate/* waitForInvalidation */.Rx)(this.options.client, this.options.distributionId, id, { waitTimeoutMs: Math.max(0, deadline - Date.now()), pollIntervalMs: this.options.pollIntervalMs });
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
var client_elastic_load_balancing_v2_dist_cjs = __webpack_require__(50586);
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
        for (const slot of ledger_src/* SLOT_NAMES */.si) {
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
        return ledger_src/* SLOT_NAMES */.si.find((slot) => this.options.targetGroups[slot] === arn);
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
        const live = ledger_src/* SLOT_NAMES */.si.filter((slot) => (shares[slot] ?? 0) > 0);
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
        src.runner.info(weight < 100 ? `${this.description} now forwards ${weight}% to ${slot} and ${100 - weight}% to ${other}.` : `${this.description} now forwards to ${slot} (${this.options.targetGroups[slot]}).`);
    }
    async readBack(wanted) {
        const now = this.inspect(await this.readActions()).shares;
        const matches = ledger_src/* SLOT_NAMES */.si.every((name) => (now[name] ?? 0) === (wanted[name] ?? 0));
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
                    src.runner.info(`${this.description} forwards all traffic to ${slot}.`);
                    return;
                }
                await this.writeActions(before.map((action, position) => (position === index ? forwardTo(action, [{ arn: this.options.targetGroups[slot], weight: 100 }]) : action)));
                await this.readBack({ [slot]: 100 });
                src.runner.info(`${this.description} now forwards all traffic to ${slot} (${this.options.targetGroups[slot]}).`);
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

// EXTERNAL MODULE: ./packages/environments/src/resolve.ts
var resolve = __webpack_require__(45296);
// EXTERNAL MODULE: ./packages/environments/src/cloud-run.ts + 1 modules
var cloud_run = __webpack_require__(29494);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 2 modules
var azure_src = __webpack_require__(58600);
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
            src.runner.info(`${app}: production already runs ${target}; nothing to swap.`);
            return;
        }
        if (idle !== target) {
            // The release of `target` was deployed into the deployment slot; say so in its settings so the swap carries it.
            src.runner.info(`${app} slot ${stagingSlot} is marked ${idle ?? 'nothing'}; marking it ${target} (the release deployed there) before the swap.`);
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
            if (error instanceof azure_src/* ArmOperationTimeoutError */.pG)
                return this.stillRunning(error, target);
            if (preview) {
                await this.options.arm
                    .run('POST', `${this.site(stagingSlot)}/resetSlotConfig?api-version=${APP_SERVICE_API_VERSION}`, undefined, `resetting ${app} slot ${stagingSlot}'s settings after the failed swap`)
                    .catch((reset) => src.runner.warning((0,src.errorMessage)(reset)));
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
        src.runner.info(`${app}: production now runs ${target} (swapped from slot ${stagingSlot}${preview ? ', with preview' : ''}).`);
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
            throw new RouteStillRunningError(`${still}; it was not reset or undone, and production could not be read back (${(0,src.errorMessage)(error)}).`, undefined, { hint, cause: timeout });
        }
        if (now === target) {
            src.runner.warning(`${still}, but production already runs ${target} (read back): the switch is done. Azure operation ${timeout.operation} had not reported its end.`);
            return;
        }
        throw new RouteStillRunningError(`${still}; it was not reset or undone. Production runs ${now ?? 'an unmarked slot'} (read back now), not ${target}: the swap may still land.`, now, { hint, cause: timeout });
    }
}
/** Which shipkit slot a set of app settings marks (SHIPKIT_SLOT), if any. */
function tagOf(settings) {
    const value = settings[SLOT_SETTING];
    return ledger_src/* SLOT_NAMES */.si.includes(value) ? value : undefined;
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
        for (const slot of ledger_src/* SLOT_NAMES */.si) {
            const tagged = (0,cloud_run/* taggedRevision */.qq)(service, slot)?.revision;
            if (tagged)
                revisions[slot] = tagged;
        }
        return revisions;
    }
    sharesOf(service) {
        const revisions = this.slotRevisions(service);
        const all = (0,cloud_run/* trafficShares */.IQ)(service);
        const shares = {};
        const foreign = new Map(all);
        for (const slot of ledger_src/* SLOT_NAMES */.si) {
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
        const live = ledger_src/* SLOT_NAMES */.si.filter((slot) => (shares[slot] ?? 0) > 0);
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
            throw new src.ShipkitError(`${this.description} sends traffic to ${(0,cloud_run/* describeShares */.MF)(foreign)}, which neither slot's tag points at; refusing to replace traffic shipkit does not own.`, {
                hint: `Someone changed the traffic by hand: send it back to a slot's revision (gcloud run services update-traffic ${this.options.client.target.service} --to-tags=${request.previous}=100), then switch again.`,
            });
        }
        const before = (0,cloud_run/* pinnedTraffic */.Ww)(service);
        // Both slot tags stay (each slot keeps its URL); tags shipkit does not own stay at 0%.
        const traffic = [
            { type: cloud_run/* ALLOCATION_REVISION */.LR, revision, percent: weight, tag: slot },
            ...ledger_src/* SLOT_NAMES */.si.filter((name) => name !== slot && revisions[name]).map((name) => ({ type: cloud_run/* ALLOCATION_REVISION */.LR, revision: revisions[name], ...(name === other && weight < 100 ? { percent: 100 - weight } : {}), tag: name })),
            ...before.filter((entry) => entry.tag && !ledger_src/* SLOT_NAMES */.si.includes(entry.tag)).map((entry) => ({ type: cloud_run/* ALLOCATION_REVISION */.LR, revision: entry.revision, tag: entry.tag })),
        ];
        if (foreign.size)
            src.runner.info(`${this.description} sent ${(0,cloud_run/* describeShares */.MF)(foreign)} to revisions neither slot holds (its traffic before shipkit's first switch); it moves to slot ${slot}.`);
        try {
            await this.options.client.setTraffic(traffic, `moving ${weight}% of ${this.options.client.target.service}'s traffic to slot ${slot} (${revision})`);
        }
        catch (error) {
            let restored = 'its previous traffic was put back';
            // A refused write changed nothing; what the service has now may be someone else's change (a
            // 409 on a stale etag): writing the traffic read before over it would silently undo it.
            if (error instanceof cloud_run/* CloudRunRefusedError */.LH)
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
        src.runner.info(weight < 100 ? `${this.description} now sends ${weight}% to ${slot} (${revision}) and ${100 - weight}% to ${other} (${revisions[other]}).` : `${this.description} now sends all traffic to ${slot} (${revision}).`);
    }
}

// EXTERNAL MODULE: ./packages/environments/src/kubernetes.ts
var kubernetes = __webpack_require__(52650);
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
        this.client ??= (0,kubernetes/* loadKubeconfig */.iz)({ context: this.options.context, server: this.options.server, field: this.options.field }).then((connection) => new kubernetes/* KubeClient */.Bx(connection));
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
            src.runner.info(`Service ${this.options.namespace}/${this.options.service} now selects ${this.options.slotLabel}=${request.slot} (was ${before ?? 'unset'}).`);
        }
        catch (error) {
            // Put the selector back as it was, then fail.
            try {
                if (before !== request.slot)
                    await point(before ?? null);
            }
            catch (restoreError) {
                src.runner.error(`Could not put the selector of Service ${this.options.service} back to ${before ?? 'unset'}: ${(0,src.errorMessage)(restoreError)}`);
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
        this.client ??= (0,kubernetes/* loadKubeconfig */.iz)({ context: this.options.context, server: this.options.server, field: this.options.field }).then((connection) => new kubernetes/* KubeClient */.Bx(connection));
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
            src.runner.info(`HTTPRoute ${this.options.namespace}/${this.options.route} sends ${weight}% to ${request.slot} (${this.options.backends[request.slot]}) and ${100 - weight}% to ${other} (${this.options.backends[other]}).`);
        }
        catch (error) {
            try {
                await this.write(rules);
            }
            catch (restoreError) {
                src.runner.error(`Could not put the rules of HTTPRoute ${this.options.route} back: ${(0,src.errorMessage)(restoreError)}`);
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
function createRouter(env, dependencies = {}) {
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
                test: (0,resolve/* commandList */.E6)(router.test, field('router.test')) ?? [...DEFAULT_NGINX_TEST],
                reload: (0,resolve/* commandList */.E6)(router.reload, field('router.reload')) ?? [...DEFAULT_NGINX_RELOAD],
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
            const invalidate = dependencies.invalidatePaths ?? src_invalidate/* invalidatePaths */.OI;
            const client = dependencies.cloudfrontClient ?? (0,src_invalidate/* createCloudFrontClient */.AE)({ endpoint: router.endpoint });
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
            const command = (0,resolve/* commandList */.E6)(router.switch, field('router.switch'));
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
                    new azure_src/* ArmClient */.aN({
                        endpoint: router['arm-endpoint'],
                        log: (line) => src.runner.info(line),
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
            return new CloudRunRouter({ environment: env.name, client: dependencies.cloudRunClient ?? new cloud_run/* CloudRunClient */.oF(env.cloudRun, { pollMs: dependencies.pollIntervalMs }) });
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

// EXTERNAL MODULE: ./packages/environments/src/cdn.ts
var cdn = __webpack_require__(80979);
;// CONCATENATED MODULE: ./packages/routers/src/steps.ts

const DEFAULT_STEPS = [100];
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
        throw (0,src.invalidInput)(field, shown, EXPECTED_STEPS);
    const steps = [];
    for (const part of parts) {
        const text = part.trim().replace(/%$/, '');
        const step = Number(text);
        if (!/^\d+$/.test(text) || step < 1 || step > 100)
            throw (0,src.invalidInput)(field, shown, `${EXPECTED_STEPS}; ${JSON.stringify(part)} is not a whole percentage between 1 and 100`);
        if (steps.length && step <= steps[steps.length - 1])
            throw (0,src.invalidInput)(field, shown, `${EXPECTED_STEPS}; ${step} does not come after ${steps[steps.length - 1]}`);
        steps.push(step);
    }
    if (steps[steps.length - 1] !== 100)
        throw (0,src.invalidInput)(field, shown, `${EXPECTED_STEPS}; the last step is ${steps[steps.length - 1]}, so traffic would stay split`);
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
        ? (0,src.parseTimeout)(sources.stepDuration, 'step-duration')
        : (0,src.parseTimeout)(sources.config?.['step-duration'] ?? DEFAULT_STEP_DURATION, sources.config?.['step-duration'] !== undefined ? `${field}.step-duration` : 'step-duration');
    if (stepDurationMs > 24 * 60 * 60 * 1000)
        throw (0,src.invalidInput)(sources.stepDuration !== undefined ? 'step-duration' : `${field}.step-duration`, sources.stepDuration ?? sources.config?.['step-duration'], 'a duration of at most 24h (a GitHub job runs at most 6h)');
    return { steps, stepDurationMs };
}
/** The steps analysed before the final 100%: a plain flip has none. */
function isCanary(plan) {
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
async function routerWeightsOrUndefined(router) {
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
    return { [canary.slot]: canary.weight, [canary.from ?? (0,ledger_src/* otherSlot */.jx)(canary.slot)]: 100 - canary.weight };
}
/** Whether more than one slot gets a share. */
function isSplit(weights) {
    return !!weights && ledger_src/* SLOT_NAMES */.si.filter((slot) => (weights[slot] ?? 0) > 0).length > 1;
}
/** Reads both views; a router that cannot be read is an error naming what the check needs. */
async function readTraffic(router, state, purpose) {
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
function describeTraffic(view, state) {
    const parts = [];
    if (view.router)
        parts.push(`the router sends ${(0,ledger_src/* formatWeights */.V7)(view.router)}`);
    if (view.ledger && state.canary) {
        const canary = state.canary;
        parts.push(`the ledger keeps the canary of ${canary.release} open (${(0,ledger_src/* formatWeights */.V7)(view.ledger)}${canary.unresolved ? ', its abort did not return traffic to one slot' : ', its switch never ended'}, since ${canary.since}${canary.runUrl ? `, ${canary.runUrl}` : ''})`);
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
    const other = (0,ledger_src/* otherSlot */.jx)(slot);
    throw new src.ShipkitError(`Refusing to ${options.doing} slot ${slot} of ${options.environment}: it receives live traffic (${describeTraffic(view, state)}). Nothing was installed or changed.`, {
        hint: `Put all traffic on one slot first: run rollback (all traffic back to ${state.live?.slot ?? other}), or blue-green-switch to: ${slot} with steps: 100 (a switch that completes), then run this again.`,
    });
}
/** Whether traffic is split (either view), for callers that must not treat one slot as live. */
function trafficSplit(view) {
    return isSplit(view.router) || isSplit(view.ledger);
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
        target = (0,ledger_src/* otherSlot */.jx)(ledgerLive);
    else {
        // Nothing live yet: the idle slot is the one holding a deployed release (the newest if both do).
        const ready = ['blue', 'green'].map((name) => state.slots[name]).filter((slot) => slot?.status === 'ready');
        if (!ready.length) {
            throw new src.ShipkitError(`No slot of environment ${environment} holds a deployed release, so there is nothing to switch to.`, {
                hint: 'Deploy a release with deploy-env first; it installs into the idle slot.',
            });
        }
        target = ready.sort((a, b) => (a.since < b.since ? 1 : -1))[0].slot;
    }
    const slot = state.slots[target];
    if (!slot) {
        throw new src.ShipkitError(`Slot ${target} of environment ${environment} holds no release: no deploy into it is recorded in the ledger.`, {
            hint: 'Deploy a release into it with deploy-env first.',
        });
    }
    if (slot.status !== 'ready') {
        const why = slot.status === 'installing' ? 'a deploy into it is running or was interrupted' : 'the last deploy into it failed';
        throw new src.ShipkitError(`Slot ${target} of environment ${environment} is not ready to go live: ${why} (release ${slot.release}, ${slot.since}).`, {
            hint: 'Re-run the deploy (deploy-env completes an interrupted install), then switch.',
        });
    }
    if (checks.expectRelease && slot.release !== checks.expectRelease) {
        throw new src.ShipkitError(`Input "expect-release" is ${JSON.stringify(checks.expectRelease)}, but slot ${target} of environment ${environment} holds release ${JSON.stringify(slot.release)}; refusing to switch.`, {
            hint: 'Another run may have deployed into the slot since; deploy the expected release again or switch without expect-release.',
        });
    }
    if (checks.requireSmoke) {
        if (!slot.smoke) {
            throw new src.ShipkitError(`Input "require-smoke" is true, but no smoke-test result is recorded for slot ${target} of environment ${environment} with release ${slot.release}; refusing to switch.`, {
                hint: 'Run smoke-test against the slot URL with `environment` and `slot` set so the result is recorded in the ledger.',
            });
        }
        if (!slot.smoke.passed) {
            throw new src.ShipkitError(`Input "require-smoke" is true, but the latest smoke test of slot ${target} (release ${slot.release}) ${describeSmoke(slot)}; refusing to switch.`);
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
            problems.push(`${(0,src.errorMessage)(error)}${cause ? ` (${cause})` : ''}`);
            if (problems.length >= allowed) {
                throw new src.ShipkitError(`The live URL ${url} failed verification after the switch: ${problems.join('; ')}.`);
            }
        }
        if (streak < needed)
            await (0,src.sleep)(options.intervalMs ?? 1000);
    }
    return { probes };
}
/** Refuses traffic steps on a router that cannot split traffic, saying what to use instead. */
function checkWeighted(router, plan, environment) {
    if (isCanary(plan) && !router.weighted) {
        throw new src.ShipkitError(`Traffic steps ${plan.steps.join(',')} were asked for environment ${environment}, but ${router.weightedRefusal ?? `the ${router.type} router cannot split traffic`}.`);
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
    const routerLive = view.router ? ledger_src/* SLOT_NAMES */.si.find((name) => view.router[name] === 100) : undefined;
    const plan = planSwitch(state, routerLive, options.to, options);
    // Traffic split (a canary left open, or an abort the router could not carry out): nothing is "already live", and only a flip ends it.
    const split = trafficSplit(view) || !!state.canary;
    if (split) {
        plan.alreadyLive = false;
        if (options.canary && isCanary(options.canary.plan)) {
            throw new src.ShipkitError(`Refusing traffic steps ${options.canary.plan.steps.join(',')} on ${env.name}: live traffic is already split (${describeTraffic(view, state)}). Nothing was changed.`, {
                hint: `End the split first: a switch that completes (steps: 100, to: ${plan.target}) or rollback (all traffic back to ${state.live?.slot ?? 'the live slot'}).`,
            });
        }
        src.runner.warning(`Live traffic of ${env.name} is split (${describeTraffic(view, state)}); this switch sends all of it to ${plan.target}.`);
    }
    for (const warning of plan.warnings)
        src.runner.warning(warning);
    const { target, slot } = plan;
    // What was live, as recorded; the router's own view (plan.routed) is only used to restore it.
    const previousSlot = plan.ledgerLive;
    const result = { liveSlot: target, previousSlot, release: slot.release, previousRelease: state.live?.release, changed: false, router: router.description, conflicts: [] };
    if (plan.alreadyLive) {
        src.runner.info(`Slot ${target} (release ${slot.release}) is already live in ${env.name}; nothing to do.`);
        return { ...result, previousSlot: undefined, previousRelease: undefined };
    }
    // A canary keeps the rest of the traffic on the slot live now: without one (first switch) it is a flip.
    let canary = options.canary && isCanary(options.canary.plan) ? options.canary : undefined;
    if (canary) {
        checkWeighted(router, canary.plan, env.name);
        if (!plan.routed || plan.routed === target) {
            src.runner.notice(`Nothing else is live in ${env.name}, so there is no slot to keep the rest of the traffic on: slot ${target} goes live at once instead of in steps ${canary.plan.steps.join(',')}.`);
            canary = undefined;
        }
        canary?.check?.(target);
    }
    const recordAs = options.recordAs ?? 'switch';
    const commit = (0,ledger_src/* commitOf */.D3)(records, slot.release);
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
    src.runner.info(`Switching ${env.name} from ${previousSlot ?? '(nothing live)'} to ${target} (release ${slot.release}) via ${router.description}${canary ? ` in steps ${canary.plan.steps.join(',')}% of ${(0,src.formatDuration)(canary.plan.stepDurationMs)} each` : ''}.`);
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
        await (0,cdn/* invalidateEnvironmentCdn */.e)(env, 'all');
    if (options.verifyUrl) {
        try {
            const { probes } = await verifyLive(options.verifyUrl, options.verify);
            src.runner.info(`Verified ${options.verifyUrl} after the switch (${probes} probes).`);
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
                    outcome = `switching back to ${backTo} FAILED too (${(0,src.errorMessage)(backError)}); check the router now`;
                }
            }
            else {
                outcome = 'no other slot was live before, so there was nothing to switch back to';
            }
            const failure = new src.ShipkitError(`${(0,src.errorMessage)(error)} ${outcome[0].toUpperCase()}${outcome.slice(1)}.`, {
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
            src.runner.info(`${label}: ${step}% of live traffic on ${target} (release ${run.release}), ${100 - step}% on ${from}; analysing for ${(0,src.formatDuration)(canary.plan.stepDurationMs)}.`);
            analysis = await canary.analyse({ index, weight: step, slot: target, release: run.release });
            await operation.progress({ step: index + 1, steps, weight: step, phase: 'analysed', setAt: set.time, analysis: analysis.summary });
        }
        catch (error) {
            throw await abortCanary({ ...run, weight, error });
        }
        if (!analysis.passed) {
            const failure = new src.ShipkitError(`${label} (${step}% on ${target}) failed its analysis: ${analysis.failedCheck ? `check ${JSON.stringify(analysis.failedCheck)}: ` : ''}${analysis.reason ?? 'failed'}.`);
            throw await abortCanary({ ...run, weight, error: failure, analysis });
        }
        src.runner.info(`${label} passed its analysis.`);
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
            outcome = `all traffic is back on ${from} (read back after an error: ${(0,src.errorMessage)(backError)})`;
            switchedBack = true;
        }
        else {
            const now = weights ? `the router sends ${(0,ledger_src/* formatWeights */.V7)(weights)}` : `the router could not be read; the last weight set was ${target} ${weight}%`;
            outcome = `returning all traffic to ${from} FAILED too (${(0,src.errorMessage)(backError)}): traffic is still split, ${now}. Run rollback, or blue-green-switch to: ${target} with steps: 100, to put it on one slot`;
        }
    }
    const message = `Canary of ${run.release} on ${run.env.name} aborted at ${weight}%: ${(0,src.errorMessage)(run.error)} ${outcome[0].toUpperCase()}${outcome.slice(1)}.`;
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
        src.runner.warning(`Could not record the failed switch in the ledger: ${(0,src.errorMessage)(ledgerError)}`);
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
        failure = (0,src.errorMessage)(error);
        weights = await routerWeightsOrUndefined(router);
        if (weights)
            failure += ` (the router sends ${(0,ledger_src/* formatWeights */.V7)(weights)})`;
    }
    const operation = new ledger_src/* Operation */.I(options.ledger, started);
    const outcome = switchedBack ? `all traffic returned to ${from}` : `returning all traffic to ${from} failed: ${failure}`;
    await recordFailure(operation, new src.ShipkitError(`${options.reason}; ${outcome}`), {
        details: { ...started.details, aborted: true, interrupted: true, ...(options.weight !== undefined ? { abortedAt: options.weight } : {}), switchedBack, ...(weights ? { split: weights } : {}) },
    });
    return { switchedBack, error: failure, weights };
}

;// CONCATENATED MODULE: ./packages/routers/src/index.ts















/***/ })

};
