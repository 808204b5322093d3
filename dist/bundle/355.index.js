export const id = 355;
export const ids = [355];
export const modules = {

/***/ 16355:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52380);


await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runAction)({ main: _main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i, post: _main_js__WEBPACK_IMPORTED_MODULE_1__/* .post */ .b });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 52380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main),
  b: () => (/* binding */ post)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./packages/build-images/src/engine.ts


/**
 * Collects one image's command output. With one image at a time the output streams live inside
 * the image's log group; with several at once it is kept and printed as one group when the
 * image is done, so parallel builds never interleave.
 */
class ImageLog {
    title;
    live;
    lines = [];
    constructor(title, live) {
        this.title = title;
        this.live = live;
    }
    info(line) {
        if (this.live)
            src.runner.info(line);
        else
            this.lines.push(line);
    }
    append(text) {
        if (!text || this.live)
            return;
        this.lines.push(text.replace(/\n$/, ''));
    }
    /** Prints the kept output as one group (no-op when it streamed). */
    flush() {
        if (this.live || !this.lines.length)
            return;
        src.runner.startGroup(this.title);
        for (const line of this.lines)
            src.runner.info(line);
        src.runner.endGroup();
        this.lines.length = 0;
    }
}
/**
 * The runner hands inputs to the action as INPUT_* variables; the registry password has no
 * business in the environment of build tools (it reaches them through stdin only).
 */
function childEnv(env) {
    return { ...env, INPUT_PASSWORD: undefined };
}
/** Runs a command, sends its output to the image log, and fails with the command's last words. */
async function run(command, args, options) {
    const live = !options.quiet && (options.log?.live ?? true);
    if (!live && !options.quiet)
        options.log?.info(`[command]${command} ${args.join(' ')}`);
    const result = await (0,src.exec)(command, args, { input: options.input, secrets: options.secrets, env: childEnv(options.env), silent: !live, check: false, label: options.label });
    if (!options.quiet) {
        options.log?.append(result.stdout);
        options.log?.append(result.stderr);
    }
    if (result.exitCode !== 0) {
        const tail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-8).join('\n');
        throw new CommandError(`${options.label} failed with exit code ${result.exitCode}${tail ? `:\n${tail}` : '.'}`, tail);
    }
    return result.stdout;
}
class CommandError extends src.ShipkitError {
    output;
    constructor(message, output) {
        super(message);
        this.output = output;
        this.name = 'CommandError';
    }
}
// What clients print when a registry cannot be reached (as opposed to refusing a request).
const UNREACHABLE = [
    /connection refused/i,
    /no such host/i,
    /i\/o timeout/i,
    /TLS handshake timeout/i,
    /connection reset by peer/i,
    /network is unreachable/i,
    /server misbehaving/i,
    /timeout awaiting response headers/i,
    /\b50[234]\b.*(Bad Gateway|Service Unavailable|Gateway Timeout)/i,
    /\b(Bad Gateway|Service Unavailable|Gateway Timeout)\b/i,
    /: EOF\s*$/m,
];
function isUnreachable(error) {
    const text = error instanceof CommandError ? error.output : (0,src.errorMessage)(error);
    return UNREACHABLE.some((pattern) => pattern.test(text));
}
const DEFAULT_REGISTRY_RETRY = { attempts: 4, baseDelayMs: 1000 };
/**
 * Retries a registry operation while the registry is unreachable; after the last attempt the
 * error says so plainly. Other failures (denied, unknown manifest...) fail at once.
 */
async function withRegistryRetry(what, host, settings, log, fn) {
    const options = {
        attempts: settings.attempts,
        baseDelayMs: settings.baseDelayMs,
        maxDelayMs: settings.baseDelayMs * 8,
        retryable: isUnreachable,
        onRetry: (error, attempt, delay) => {
            const line = `${what}: registry ${host} unreachable (${firstLine(error)}); attempt ${attempt + 1}/${settings.attempts} in ${(delay / 1000).toFixed(1)}s`;
            if (log)
                log.info(line);
            else
                src.runner.info(line);
        },
    };
    try {
        return await (0,src.retry)(fn, options);
    }
    catch (error) {
        if (isUnreachable(error)) {
            throw new src.ShipkitError(`Registry ${host} is unreachable: ${what} failed after ${settings.attempts} attempts. Last error: ${firstLine(error)}`, {
                hint: 'Check the registry address and that it is up; for a plain-HTTP registry set insecure: true.',
                cause: error,
            });
        }
        throw error;
    }
}
function firstLine(error) {
    const text = error instanceof CommandError ? error.output || error.message : (0,src.errorMessage)(error);
    const lines = text.trim().split('\n');
    return lines[lines.length - 1].slice(0, 400);
}
/**
 * True when the command runs and exits 0 within `timeoutMs` (used to probe engines: `docker
 * info` can hang on an unreachable DOCKER_HOST).
 */
function answers(command, args, timeoutMs = 20_000) {
    const env = { ...process.env };
    delete env.INPUT_PASSWORD;
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)(command, [...args], { env, timeout: timeoutMs }, (error) => resolve(!error));
    });
}
/**
 * Logs in to a registry, retrying while it is unreachable; a refused login becomes an error
 * naming the host and the user (the last line of the client's output says why).
 */
async function registryLogin(host, username, settings, login) {
    try {
        await withRegistryRetry(`login to ${host}`, host, settings, undefined, login);
    }
    catch (error) {
        if (error instanceof CommandError) {
            throw new src.ShipkitError(`Login to ${host} as ${JSON.stringify(username)} failed: ${error.output.split('\n').pop()}`, {
                hint: 'Check the "username" and "password" inputs (the token needs permission to push packages).',
            });
        }
        throw error;
    }
}
/** The image definition flags both engines take alike: --target, --build-arg and --label. */
function definitionArgs(request) {
    const args = [];
    if (request.image.target)
        args.push('--target', request.image.target);
    for (const [key, value] of Object.entries(request.image.buildArgs))
        args.push('--build-arg', `${key}=${value}`);
    for (const [key, value] of Object.entries(request.labels))
        args.push('--label', `${key}=${value}`);
    return args;
}

;// CONCATENATED MODULE: ./packages/build-images/src/buildah.ts




/**
 * Global flags from buildah's own environment. buildah reads BUILDAH_ISOLATION, BUILDAH_LAYERS,
 * REGISTRY_AUTH_FILE and CONTAINERS_STORAGE_CONF itself; STORAGE_DRIVER and STORAGE_OPTS are only
 * honoured by some versions, so they are passed as flags to be sure.
 */
function buildahGlobalArgs(env) {
    const args = [];
    if (env.STORAGE_DRIVER)
        args.push('--storage-driver', env.STORAGE_DRIVER);
    for (const option of (env.STORAGE_OPTS ?? '').split(',').map((item) => item.trim()).filter(Boolean))
        args.push('--storage-opt', option);
    return args;
}
/** The `buildah build` arguments for one image (pure, for tests and docs). */
function buildahBuildArgs(request, options) {
    const { image } = request;
    const args = ['build', '--file', image.file];
    // --iidfile holds one image id, so a multi-platform build is found by its manifest list instead.
    if (image.platforms.length <= 1)
        args.push('--iidfile', options.iidfile);
    // buildah's layer cache ignores the platform (1.28 reuses the amd64 layers for arm64 and the
    // list ends up with one entry), so multi-platform builds run without it.
    const layers = (request.cache === 'layers' || request.cache === 'registry') && image.platforms.length <= 1;
    if (layers)
        args.push('--layers');
    if (layers && request.cache === 'registry') {
        args.push('--cache-from', `${request.repository}-cache`, '--cache-to', `${request.repository}-cache`);
    }
    if (request.cache === 'none')
        args.push('--no-cache');
    args.push(...definitionArgs(request));
    if (request.insecure)
        args.push('--tls-verify=false');
    if (options.authfile)
        args.push('--authfile', options.authfile);
    if (image.platforms.length > 1) {
        // Several platforms make a manifest list; its private name keeps reruns from adding to an old list.
        args.push('--platform', image.platforms.join(','), '--manifest', options.manifest);
    }
    else {
        if (image.platforms.length === 1)
            args.push('--platform', image.platforms[0]);
        for (const tag of request.tags)
            args.push('--tag', `${request.repository}:${tag}`);
    }
    args.push(image.context);
    return args;
}
class BuildahEngine {
    tempRoot;
    env;
    registryRetry;
    name = 'buildah';
    state = {};
    authfile;
    global;
    constructor(tempRoot, env = process.env, registryRetry = DEFAULT_REGISTRY_RETRY) {
        this.tempRoot = tempRoot;
        this.env = env;
        this.registryRetry = registryRetry;
        this.global = buildahGlobalArgs(env);
    }
    buildah(args, options) {
        // The engine's environment (buildah's own variables) goes to every buildah command.
        return run('buildah', [...this.global, ...args], { ...options, env: this.env === process.env ? undefined : this.env });
    }
    /**
     * Logs in with a private auth file under RUNNER_TEMP, so the runner's own credentials are left
     * alone and the post step can remove it. The password goes through stdin only.
     */
    async login(host, username, password, insecure) {
        const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(this.tempRoot, 'buildah-auth-'));
        this.authfile = external_node_path_default().join(dir, 'auth.json');
        this.state.authDir = dir;
        const args = ['login', '--authfile', this.authfile, '--username', username, '--password-stdin'];
        if (insecure)
            args.push('--tls-verify=false');
        args.push(host);
        await registryLogin(host, username, this.registryRetry, () => this.buildah(args, { label: `buildah login ${host}`, input: password, secrets: [password] }));
    }
    async build(request) {
        const iidfile = external_node_path_default().join(request.tempDir, 'iid');
        const multiPlatform = request.image.platforms.length > 1;
        const manifest = `localhost/shipkit-manifest-${external_node_path_default().basename(external_node_path_default().dirname(request.tempDir))}-${external_node_path_default().basename(request.tempDir)}`.toLowerCase();
        const started = Date.now();
        await this.buildah(buildahBuildArgs(request, { iidfile, manifest, authfile: this.authfile }), { label: `buildah build (${request.image.name})`, log: request.log });
        const imageId = multiPlatform ? manifest : (0,external_node_fs_.readFileSync)(iidfile, 'utf8').trim();
        const buildMs = Date.now() - started;
        const size = multiPlatform ? undefined : await this.imageSize(imageId, request.log);
        if (!request.push)
            return { imageId, size, buildMs, pushMs: 0 };
        const pushStarted = Date.now();
        const host = request.repository.split('/')[0];
        let digest;
        for (const tag of request.tags) {
            const destination = `${request.repository}:${tag}`;
            const digestfile = external_node_path_default().join(request.tempDir, `digest-${tag}`);
            const args = multiPlatform ? ['manifest', 'push', '--all'] : ['push'];
            args.push('--digestfile', digestfile);
            // withRegistryRetry (backoff, then a clear error) handles an unreachable registry; buildah's
            // own retries (3, 2s apart) would multiply the wait, so they are turned off where possible.
            if (!multiPlatform && (await this.pushHasRetryFlags()))
                args.push('--retry', '0', '--retry-delay', '200ms');
            if (request.insecure)
                args.push('--tls-verify=false');
            if (this.authfile)
                args.push('--authfile', this.authfile);
            args.push(imageId, `docker://${destination}`);
            await withRegistryRetry(`push of ${destination}`, host, this.registryRetry, request.log, () => this.buildah(args, { label: `buildah push ${destination}`, log: request.log }));
            const pushed = (0,external_node_fs_.readFileSync)(digestfile, 'utf8').trim();
            // Every tag must name the same manifest; a different digest would make the outputs lie.
            if (digest && pushed !== digest) {
                throw new src.ShipkitError(`Pushing ${destination} produced digest ${pushed}, but the other tags of ${request.image.name} point at ${digest}.`);
            }
            digest = pushed;
        }
        return { digest, imageId, size, buildMs, pushMs: Date.now() - pushStarted };
    }
    retryFlags;
    /** Older buildah (e.g. 1.23 on Ubuntu 22.04) has no push --retry flags. */
    pushHasRetryFlags() {
        this.retryFlags ??= this.buildah(['push', '--help'], { label: 'buildah push --help', quiet: true }).then((help) => help.includes('--retry-delay'), () => false);
        return this.retryFlags;
    }
    /** Sum of the image's layer and config sizes, from buildah's local manifest. */
    async imageSize(imageId, log) {
        try {
            const output = await this.buildah(['inspect', '--type', 'image', imageId], { label: 'buildah inspect', quiet: true });
            const inspected = JSON.parse(output);
            const manifest = JSON.parse(inspected.Manifest ?? '{}');
            return (manifest.layers ?? []).reduce((total, layer) => total + (layer.size ?? 0), manifest.config?.size ?? 0);
        }
        catch (error) {
            log.info(`Could not read the size of ${imageId}: ${String(error)}`);
            return undefined;
        }
    }
    async logout(host, state) {
        const dir = state.authDir;
        if (!dir || !(0,external_node_fs_.existsSync)(dir))
            return;
        // Removing the private auth file is the logout: nothing else holds the credentials.
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./packages/build-images/src/tags.ts


/**
 * Tag rules, modelled on docker/metadata-action. One rule per line:
 *
 *   sha                      sha-<7 hex>, on every event
 *   branch                   the branch name (sanitised), on branch pushes
 *   tag                      the git tag name (sanitised), on tag pushes (not in the defaults:
 *                            version tags get their semver forms instead)
 *   pr                       pr-<number>, on pull requests
 *   semver=<pattern>         on tags that are semver versions (a leading v is allowed);
 *                            pattern uses {{version}}, {{major}}, {{minor}}, {{patch}};
 *                            a prerelease only gets the full {{version}}
 *   latest                   on pushes to the default branch and on stable semver tags
 *   latest=stable            on stable semver tags only
 *   raw=<tag>                always, exactly as given (must already be a valid tag)
 *
 * The defaults (DEFAULT_TAG_RULES) fit the three pipelines:
 *   push develop   -> develop, sha-abc1234
 *   push main      -> main, sha-abc1234          (no latest: main is staging, not a release)
 *   tag v1.2.3     -> 1.2.3, 1.2, 1, latest, sha-abc1234
 *   tag v2.0.0-rc.1-> 2.0.0-rc.1, sha-abc1234    (prereleases never move 1.x or latest)
 *   pull request   -> pr-42, sha-abc1234
 * `latest` therefore always names the newest stable release, which is what production runs.
 */
const DEFAULT_TAG_RULES = ['branch', 'pr', 'semver={{version}}', 'semver={{major}}.{{minor}}', 'semver={{major}}', 'latest=stable', 'sha'];
/** A valid OCI tag: [A-Za-z0-9_][A-Za-z0-9._-]{0,127}. */
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const SEMVER_PLACEHOLDERS = ['version', 'major', 'minor', 'patch'];
/** Makes derived text (a branch name) a valid tag; empty when nothing usable is left. */
function sanitizeTag(text) {
    return (0,src.sanitizeName)(text, 128);
}
function checkTag(inputName, tag) {
    if (!TAG_PATTERN.test(tag)) {
        throw (0,src.invalidInput)(inputName, tag, 'a tag of letters, digits, "_", "." and "-" (at most 128, not starting with "." or "-")');
    }
    return tag;
}
function parseTagRule(line, inputName = 'tags') {
    const text = line.trim();
    const equals = text.indexOf('=');
    const key = (equals < 0 ? text : text.slice(0, equals)).trim();
    const value = equals < 0 ? undefined : text.slice(equals + 1).trim();
    const expected = 'a tag rule: sha, branch, tag, pr, semver={{version}} (or {{major}}.{{minor}}, {{major}}), latest, latest=stable or raw=<tag>';
    switch (key) {
        case 'sha':
        case 'branch':
        case 'tag':
        case 'pr':
            if (value !== undefined)
                throw (0,src.invalidInput)(inputName, text, expected);
            return { kind: key };
        case 'latest':
            if (value === undefined || value === 'auto')
                return { kind: 'latest', when: 'auto' };
            if (value === 'stable')
                return { kind: 'latest', when: 'stable' };
            throw (0,src.invalidInput)(inputName, text, expected);
        case 'semver': {
            if (!value)
                throw (0,src.invalidInput)(inputName, text, expected);
            const placeholders = [...value.matchAll(/\{\{\s*([a-z]+)\s*\}\}/g)].map((match) => match[1]);
            if (!placeholders.length || placeholders.some((name) => !SEMVER_PLACEHOLDERS.includes(name))) {
                throw (0,src.invalidInput)(inputName, text, `a semver pattern made of ${SEMVER_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}`);
            }
            // The literal parts must themselves be tag characters, so the result is a valid tag.
            const literal = value.replace(/\{\{\s*[a-z]+\s*\}\}/g, '');
            if (/[^A-Za-z0-9_.-]/.test(literal))
                throw (0,src.invalidInput)(inputName, text, 'a semver pattern whose literal parts are tag characters (letters, digits, "_", "." and "-")');
            return { kind: 'semver', pattern: value };
        }
        case 'raw':
            if (!value)
                throw (0,src.invalidInput)(inputName, text, expected);
            return { kind: 'raw', value: checkTag(inputName, value) };
        default:
            throw (0,src.invalidInput)(inputName, text, expected);
    }
}
/** Parses the `tags` input; empty means DEFAULT_TAG_RULES. */
function parseTagRules(text, inputName = 'tags') {
    const lines = text ? (0,src.parseList)(text, { comma: false }) : [];
    return (lines.length ? lines : DEFAULT_TAG_RULES).map((line) => parseTagRule(line, inputName));
}
/** The semver version behind a tag ref (`v1.2.3` -> 1.2.3), or undefined. */
function semverOfTag(tagName) {
    const parsed = semver_default().parse(tagName.replace(/^v(?=\d)/, ''));
    return parsed ?? undefined;
}
function renderSemver(pattern, version) {
    const values = {
        version: version.version,
        major: String(version.major),
        minor: String(version.minor),
        patch: String(version.patch),
    };
    const used = [...pattern.matchAll(/\{\{\s*([a-z]+)\s*\}\}/g)].map((match) => match[1]);
    // A prerelease only gets the full version: 2.0.0-rc.1 must not move the 2 or 2.0 tags.
    if (version.prerelease.length && !used.includes('version'))
        return undefined;
    return pattern.replace(/\{\{\s*([a-z]+)\s*\}\}/g, (_, name) => values[name]);
}
function shortSha(sha) {
    return sha.slice(0, 7);
}
/** The version output: semver for version tags, the tag or branch name, pr-N, else the short sha. */
function versionOf(info) {
    const ref = (0,src.parseRef)(info.ref);
    if (ref.kind === 'tag') {
        const version = semverOfTag(ref.name);
        return version ? version.version : sanitizeTag(ref.name) || shortSha(info.sha);
    }
    if (info.pullRequestNumber !== undefined || ref.kind === 'pull')
        return `pr-${info.pullRequestNumber ?? ref.name}`;
    if (ref.kind === 'branch')
        return sanitizeTag(ref.name) || shortSha(info.sha);
    return shortSha(info.sha);
}
/** Applies the rules to a ref: the tags (deduplicated, in rule order) and the version. */
function computeTags(rules, info) {
    const ref = (0,src.parseRef)(info.ref);
    const isPullRequest = info.eventName.startsWith('pull_request') || ref.kind === 'pull';
    const version = ref.kind === 'tag' ? semverOfTag(ref.name) : undefined;
    const isDefaultBranch = ref.kind === 'branch' && !isPullRequest && info.defaultBranch !== undefined && ref.name === info.defaultBranch;
    const isStableRelease = version !== undefined && version.prerelease.length === 0;
    const tags = [];
    const add = (tag) => {
        if (tag && !tags.includes(tag))
            tags.push(tag);
    };
    for (const rule of rules) {
        switch (rule.kind) {
            case 'sha':
                if (/^[0-9a-f]{7,}$/i.test(info.sha))
                    add(`sha-${shortSha(info.sha).toLowerCase()}`);
                break;
            case 'branch':
                if (ref.kind === 'branch' && !isPullRequest)
                    add(sanitizeTag(ref.name));
                break;
            case 'tag':
                if (ref.kind === 'tag')
                    add(sanitizeTag(ref.name));
                break;
            case 'pr': {
                const number = info.pullRequestNumber ?? (ref.kind === 'pull' ? Number(ref.name) : undefined);
                if (isPullRequest && number !== undefined && Number.isInteger(number))
                    add(`pr-${number}`);
                break;
            }
            case 'semver':
                if (version)
                    add(renderSemver(rule.pattern, version));
                break;
            case 'latest':
                if (isStableRelease || (rule.when === 'auto' && isDefaultBranch))
                    add('latest');
                break;
            case 'raw':
                add(rule.value);
                break;
        }
    }
    for (const tag of tags) {
        if (!TAG_PATTERN.test(tag))
            throw new src.ShipkitError(`Tag rules produced an invalid tag ${JSON.stringify(tag)}.`);
    }
    return { tags, version: versionOf(info) };
}

;// CONCATENATED MODULE: ./packages/build-images/src/context.ts




const ENGINES = ['auto', 'docker', 'buildah'];
const CACHE_MODES = ['auto', 'gha', 'registry', 'layers', 'none'];
// Docker's reference grammar: lowercase path components separated by /, each [a-z0-9] runs joined by ., _, __ or dashes.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_NAME = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const HOST = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?';
const REGISTRY = new RegExp(`^(?:${HOST})(?:/${PATH_COMPONENT})*$`);
const IMAGE_FIELDS = ['name', 'context', 'file', 'target', 'build-args', 'platforms', 'labels'];
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
function checkImageName(field, name) {
    if (typeof name !== 'string' || !IMAGE_NAME.test(name) || name.length > 255) {
        throw (0,src.invalidInput)(field, name, 'an image name of lowercase letters, digits and separators (".", "_", "-", "/"), e.g. "backend" or "shop/web"');
    }
    return name;
}
function checkRegistry(field, registry) {
    const trimmed = registry.replace(/\/+$/, '');
    if (!REGISTRY.test(trimmed)) {
        throw (0,src.invalidInput)(field, registry, 'a registry host with an optional namespace, e.g. ghcr.io/acme or 127.0.0.1:5000/team (no scheme, lowercase namespace)');
    }
    return trimmed;
}
function stringMap(field, value) {
    if (value === undefined || value === null)
        return {};
    const result = {};
    if (Array.isArray(value)) {
        // Also accept the docker CLI's list form: [KEY=value, ...].
        for (const item of value) {
            const text = String(item);
            const equals = text.indexOf('=');
            if (equals <= 0)
                throw (0,src.invalidInput)(field, item, 'KEY=value entries or a mapping of keys to values');
            result[text.slice(0, equals)] = text.slice(equals + 1);
        }
        return result;
    }
    if (typeof value !== 'object')
        throw (0,src.invalidInput)(field, value, 'a mapping of keys to values');
    for (const [key, entry] of Object.entries(value)) {
        if (entry !== null && typeof entry === 'object')
            throw (0,src.invalidInput)(`${field}.${key}`, entry, 'a string, number or boolean');
        result[key] = entry === null || entry === undefined ? '' : String(entry);
    }
    return result;
}
function optionalString(field, value) {
    if (value === undefined || value === null || value === '')
        return undefined;
    if (typeof value !== 'string' && typeof value !== 'number')
        throw (0,src.invalidInput)(field, value, 'a string');
    return String(value);
}
function isDirectory(file) {
    return (0,external_node_fs_.existsSync)(file) && (0,external_node_fs_.statSync)(file).isDirectory();
}
/**
 * Turns one entry of the images list into an ImageSpec. `field` names where it came from
 * (`images[0]` of the input or of the config file) so errors point at it.
 */
function parseImage(entry, field, workspace) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
        throw (0,src.invalidInput)(field, entry, 'a mapping with at least "name" (and optionally context, file, target, build-args, platforms, labels)');
    }
    const record = entry;
    for (const key of Object.keys(record)) {
        if (!IMAGE_FIELDS.includes(key))
            throw new src.ShipkitError(`Input "${field}" has an unknown field ${(0,src.showValue)(key)}: expected one of ${IMAGE_FIELDS.join(', ')}.`);
    }
    const name = checkImageName(`${field}.name`, record.name);
    const contextGiven = optionalString(`${field}.context`, record.context) ?? '.';
    const context = external_node_path_default().resolve(workspace, contextGiven);
    if (!isDirectory(context)) {
        throw new src.ShipkitError(`Image "${name}": the build context ${JSON.stringify(contextGiven)} is not a directory (looked at ${context}).`, {
            hint: 'Paths are relative to the workspace; check out the repository before this step.',
        });
    }
    const fileGiven = optionalString(`${field}.file`, record.file);
    let file;
    if (fileGiven) {
        file = external_node_path_default().resolve(workspace, fileGiven);
        if (!(0,external_node_fs_.existsSync)(file) || isDirectory(file)) {
            throw new src.ShipkitError(`Image "${name}": the Containerfile ${JSON.stringify(fileGiven)} does not exist (looked at ${file}).`, {
                hint: 'Paths are relative to the workspace, not to the context.',
            });
        }
    }
    else {
        const found = ['Containerfile', 'Dockerfile'].map((base) => external_node_path_default().join(context, base)).find((candidate) => (0,external_node_fs_.existsSync)(candidate));
        if (!found) {
            throw new src.ShipkitError(`Image "${name}": no Containerfile or Dockerfile in the build context ${JSON.stringify(contextGiven)} (looked at ${external_node_path_default().join(context, 'Containerfile')} and ${external_node_path_default().join(context, 'Dockerfile')}).`, {
                hint: `Add one, or name it with "file" in the entry for ${name}.`,
            });
        }
        file = found;
    }
    const platformsValue = record.platforms;
    const platforms = platformsValue === undefined || platformsValue === null
        ? []
        : Array.isArray(platformsValue) ? platformsValue.map(String) : (0,src.parseList)(String(platformsValue));
    for (const platform of platforms) {
        if (!PLATFORM.test(platform))
            throw (0,src.invalidInput)(`${field}.platforms`, platform, 'a platform such as linux/amd64 or linux/arm64/v8');
    }
    return {
        name,
        context,
        file,
        target: optionalString(`${field}.target`, record.target),
        buildArgs: stringMap(`${field}.build-args`, record['build-args']),
        platforms,
        labels: stringMap(`${field}.labels`, record.labels),
    };
}
/**
 * Parses the images list. `locate` (for the config file) turns an entry's index into its
 * `file:line:col`, which then prefixes that entry's errors.
 */
function parseImages(value, field, workspace, locate) {
    const list = (0,src.expectArray)(field, value);
    if (!list.length)
        throw (0,src.invalidInput)(field, value, 'a non-empty list of images');
    const images = list.map((entry, index) => {
        try {
            return parseImage(entry, `${field}[${index}]`, workspace);
        }
        catch (error) {
            if (locate && error instanceof src.ShipkitError)
                throw new src.ShipkitError(`${locate(index)}: ${error.message}`, { hint: error.hint });
            throw error;
        }
    });
    const seen = new Set();
    for (const [index, image] of images.entries()) {
        if (seen.has(image.name)) {
            const error = (0,src.invalidInput)(field, image.name, 'each image name once');
            throw locate ? new src.ShipkitError(`${locate(index)}: ${error.message}`) : error;
        }
        seen.add(image.name);
    }
    return images;
}
function refInfo(run) {
    return {
        eventName: run.eventName,
        ref: run.ref,
        sha: run.sha,
        defaultBranch: run.defaultBranch,
        pullRequestNumber: run.pullRequestNumber,
    };
}
/**
 * Validates the inputs (with `registry` and `images` from the config file as fallbacks) into a
 * BuildContext. Throws before anything is built or pushed.
 */
function buildContext(inputs, config, run) {
    const workspace = run.workspace;
    let images;
    if (inputs.images.trim()) {
        images = parseImages((0,src.parseStructured)('images', inputs.images), 'images', workspace);
    }
    else if (config?.config.images?.length) {
        images = parseImages(config.config.images, 'images', workspace, (index) => config.locate(['images', index]));
    }
    else {
        throw new src.ShipkitError('Input "images" is required: no images were given and the config file has no "images" list.', {
            hint: 'Pass images: as a YAML list, e.g. `- { name: backend, context: backend }`, or add `images:` to .github/shipkit.yml.',
        });
    }
    const push = inputs.push.trim() ? (0,src.parseBoolean)('push', inputs.push) : true;
    const registryGiven = inputs.registry.trim() || config?.config.registry?.trim() || '';
    let registry = '';
    if (inputs.registry.trim())
        registry = checkRegistry('registry', registryGiven);
    else if (registryGiven && config) {
        try {
            registry = checkRegistry('registry', registryGiven);
        }
        catch (error) {
            throw new src.ShipkitError(`${config.locate(['registry'])}: ${(0,src.errorMessage)(error)}`);
        }
    }
    if (!registry && push) {
        throw new src.ShipkitError('Input "registry" is required to push: no registry was given and the config file has none.', {
            hint: 'Pass registry: e.g. ghcr.io/<owner>, or set push: false to only build.',
        });
    }
    const username = inputs.username.trim() || undefined;
    const password = inputs.password || undefined;
    if (Boolean(username) !== Boolean(password)) {
        throw new src.ShipkitError(`Inputs "username" and "password" go together: ${username ? '"password"' : '"username"'} is missing.`);
    }
    const engine = inputs.engine.trim() ? (0,src.parseEnum)('engine', inputs.engine, ENGINES) : 'auto';
    const cache = inputs.cache.trim() ? (0,src.parseEnum)('cache', inputs.cache, CACHE_MODES) : 'auto';
    if (engine === 'buildah' && cache === 'gha')
        throw (0,src.invalidInput)('cache', cache, 'auto, registry, layers or none with the buildah engine (gha needs docker buildx)');
    if (cache === 'registry' && !registry)
        throw (0,src.invalidInput)('cache', cache, 'a mode other than registry when no registry is given');
    return {
        images,
        registry,
        registryHost: registry.split('/')[0],
        username,
        password,
        push,
        tagRules: parseTagRules(inputs.tags),
        engine,
        cache,
        concurrency: inputs.concurrency.trim() ? (0,src.parseNumber)('concurrency', inputs.concurrency, { min: 1, max: 16, integer: true }) : 2,
        insecure: inputs.insecure.trim() ? (0,src.parseBoolean)('insecure', inputs.insecure) : false,
        ref: refInfo(run),
        sourceUrl: (0,src.repositoryUrl)(run),
        workspace,
    };
}
/** The repository an image is pushed to: <registry>/<name>, or localhost/<name> for local-only builds. */
function repositoryOf(context, name) {
    return `${context.registry || 'localhost'}/${name}`;
}

;// CONCATENATED MODULE: ./packages/build-images/src/docker.ts




/** The `docker buildx build` arguments for one image (pure, for tests and docs). */
function dockerBuildArgs(request, options) {
    const { image } = request;
    const args = ['buildx', 'build', '--file', image.file, '--metadata-file', options.metadataFile];
    args.push(...definitionArgs(request));
    if (image.platforms.length)
        args.push('--platform', image.platforms.join(','));
    for (const tag of request.tags)
        args.push('--tag', `${request.repository}:${tag}`);
    // One cache scope per image, so the images of an app do not evict each other's cache.
    const scope = image.name.replace(/[^A-Za-z0-9_.-]/g, '-');
    if (request.cache === 'gha')
        args.push('--cache-from', `type=gha,scope=${scope}`, '--cache-to', `type=gha,mode=max,scope=${scope}`);
    if (request.cache === 'registry') {
        const cacheRef = `${request.repository}:buildcache`;
        args.push('--cache-from', `type=registry,ref=${cacheRef}`, '--cache-to', `type=registry,ref=${cacheRef},mode=max`);
    }
    if (request.cache === 'none')
        args.push('--no-cache');
    // --load keeps a local image when not pushing (single platform only, a docker limitation).
    if (request.push)
        args.push('--push');
    else if (image.platforms.length <= 1)
        args.push('--load');
    args.push(image.context);
    return args;
}
/** Reads buildx's --metadata-file: the pushed digest is containerimage.digest. */
function parseBuildxMetadata(text) {
    const data = JSON.parse(text);
    const digest = typeof data['containerimage.digest'] === 'string' ? data['containerimage.digest'] : undefined;
    const config = data['containerimage.config.digest'];
    return { digest, imageId: typeof config === 'string' ? config : undefined };
}
class DockerEngine {
    registryRetry;
    name = 'docker';
    state = {};
    constructor(registryRetry = DEFAULT_REGISTRY_RETRY) {
        this.registryRetry = registryRetry;
    }
    async login(host, username, password, insecure) {
        if (insecure)
            src.runner.warning(`insecure: docker reaches plain-HTTP registries only when the daemon lists ${host} in "insecure-registries".`);
        await registryLogin(host, username, this.registryRetry, () => run('docker', ['login', '--username', username, '--password-stdin', host], { label: `docker login ${host}`, input: password, secrets: [password] }));
        this.state.loggedIn = 'true';
    }
    async build(request) {
        const metadataFile = external_node_path_default().join(request.tempDir, 'metadata.json');
        const host = request.repository.split('/')[0];
        const started = Date.now();
        // buildx builds and pushes in one command, so the build time includes the push.
        const build = () => run('docker', dockerBuildArgs(request, { metadataFile }), { label: `docker buildx build (${request.image.name})`, log: request.log });
        await (request.push ? withRegistryRetry(`push of ${request.repository}`, host, this.registryRetry, request.log, build) : build());
        const metadata = parseBuildxMetadata((0,external_node_fs_.readFileSync)(metadataFile, 'utf8'));
        if (request.push && !metadata.digest)
            throw new src.ShipkitError(`docker buildx pushed ${request.repository} but reported no digest in ${metadataFile}.`);
        return { digest: request.push ? metadata.digest : undefined, imageId: metadata.imageId, buildMs: Date.now() - started, pushMs: 0 };
    }
    async logout(host, state) {
        if (state.loggedIn !== 'true')
            return;
        await run('docker', ['logout', host], { label: `docker logout ${host}` });
    }
}

;// CONCATENATED MODULE: ./packages/build-images/src/labels.ts
/**
 * The OCI annotations every image gets (org.opencontainers.image.*); the image's own `labels`
 * win over them, so a user can still override any of them.
 */
function ociLabels(image, facts) {
    const labels = {
        'org.opencontainers.image.title': image.name.split('/').pop() ?? image.name,
        'org.opencontainers.image.created': facts.created.toISOString(),
        'org.opencontainers.image.version': facts.version,
    };
    if (facts.revision)
        labels['org.opencontainers.image.revision'] = facts.revision;
    if (facts.sourceUrl)
        labels['org.opencontainers.image.source'] = facts.sourceUrl;
    return { ...labels, ...image.labels };
}

;// CONCATENATED MODULE: ./packages/build-images/src/build.ts









/** Picks the engine: `auto` is docker when a Docker engine with buildx answers, else buildah. */
async function selectEngine(choice, options) {
    const probe = options.probe ?? answers;
    const buildah = () => new BuildahEngine(options.tempRoot, options.env, options.registryRetry);
    if (choice === 'buildah')
        return buildah();
    if (choice === 'docker')
        return new DockerEngine(options.registryRetry);
    if ((await probe('docker', ['info', '--format', '{{.ServerVersion}}'])) && (await probe('docker', ['buildx', 'version']))) {
        return new DockerEngine(options.registryRetry);
    }
    if (await probe('buildah', ['--version']))
        return buildah();
    throw new src.ShipkitError('No build engine found: no Docker engine with buildx answered ("docker info") and buildah is not installed.', {
        hint: 'Use a runner with Docker (e.g. ubuntu-latest) or install buildah (apt-get install buildah).',
    });
}
/** What `cache` means for an engine: auto is gha on docker inside Actions, layers otherwise. */
function resolveCache(mode, engine, env = process.env) {
    if (mode !== 'auto')
        return mode;
    if (engine === 'docker')
        return env.ACTIONS_RUNTIME_TOKEN ? 'gha' : 'layers';
    return 'layers';
}
/**
 * Builds (and pushes) every image, `concurrency` at a time, each in its own log group. Logs in
 * first when credentials are given. Returns what was built, in input order.
 */
async function buildImages(context, engine, options) {
    const plan = computeTags(context.tagRules, context.ref);
    if (!plan.tags.length) {
        throw new src.ShipkitError(`The tag rules produce no tag for ref ${JSON.stringify(context.ref.ref)} (event ${context.ref.eventName}).`, {
            hint: 'Add a rule that always applies, such as "sha" or "raw=<tag>", to the "tags" input.',
        });
    }
    const cache = resolveCache(context.cache, engine.name, options.env);
    if (context.username && context.password && (context.push || cache === 'registry')) {
        await engine.login(context.registryHost, context.username, context.password, context.insecure);
    }
    const created = options.created ?? new Date();
    const live = context.concurrency === 1 || context.images.length === 1;
    const workDir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(options.tempRoot, 'build-images-'));
    src.runner.info(`Building ${context.images.length} image(s) with ${engine.name} (cache: ${cache}), ${Math.min(context.concurrency, context.images.length)} at a time; tags: ${plan.tags.join(', ')}`);
    try {
        const images = await (0,src.mapLimit)(context.images, context.concurrency, async (image, index) => {
            const repository = repositoryOf(context, image.name);
            const log = new ImageLog(`${image.name}: ${repository}`, live);
            const tempDir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(workDir, `${index}-`));
            const buildOne = async () => {
                try {
                    const result = await engine.build({
                        image,
                        repository,
                        tags: plan.tags,
                        labels: ociLabels(image, { sourceUrl: context.sourceUrl, revision: context.ref.sha, version: plan.version, created }),
                        cache,
                        push: context.push,
                        insecure: context.insecure,
                        tempDir,
                        log,
                    });
                    const built = {
                        name: image.name,
                        repository,
                        ref: result.digest ? `${repository}@${result.digest}` : `${repository}:${plan.tags[0]}`,
                        digest: result.digest,
                        tags: plan.tags,
                        size: result.size,
                        buildMs: result.buildMs,
                        pushMs: result.pushMs,
                    };
                    const pushed = result.digest ? `, pushed ${result.digest} as ${plan.tags.join(', ')}${result.pushMs ? ` in ${(0,src.formatDuration)(result.pushMs)}` : ''}` : '';
                    log.info(`${image.name}: built in ${(0,src.formatDuration)(result.buildMs)}${pushed}`);
                    options.onBuilt?.(built);
                    return built;
                }
                catch (error) {
                    if (error instanceof src.ShipkitError && !error.message.includes(`"${image.name}"`)) {
                        throw new src.ShipkitError(`Image "${image.name}": ${error.message}`, { hint: error.hint, cause: error });
                    }
                    throw error;
                }
                finally {
                    log.flush();
                }
            };
            if (!live)
                src.runner.info(`${image.name}: building ${repository}`);
            return live ? src.runner.group(`${image.name}: ${repository}`, buildOne) : buildOne();
        });
        return { version: plan.version, tags: plan.tags, images, engine: engine.name };
    }
    finally {
        (0,external_node_fs_.rmSync)(workDir, { recursive: true, force: true });
    }
}
/** The `images` output: what the next steps need about each image. */
function imagesOutput(images) {
    return images.map((image) => ({ name: image.name, ref: image.ref, digest: image.digest ?? null, tags: image.tags, repository: image.repository }));
}
/** The `refs` output: one pinned reference per line, ready for trivy-scan. */
function refsOutput(images) {
    return images.map((image) => image.ref).join('\n');
}
function summaryRows(images) {
    return images.map((image) => [
        `\`${image.repository}\``,
        image.tags.map((tag) => `\`${tag}\``).join(' '),
        image.digest ? `\`${image.digest}\`` : 'not pushed',
        image.size === undefined ? undefined : (0,src.formatBytes)(image.size),
        (0,src.formatDuration)(image.buildMs),
    ]);
}
const SUMMARY_HEADERS = ['Image', 'Tags', 'Digest', 'Size', 'Build time'];

;// CONCATENATED MODULE: ./packages/build-images/src/main.ts






const INPUTS = ['images', 'registry', 'username', 'password', 'push', 'tags', 'engine', 'cache', 'concurrency', 'insecure'];
function tempRoot() {
    return process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
}
/** Reads the inputs, calls the modules, writes the outputs. */
async function main() {
    const password = src.runner.getInput('password');
    if (password)
        src.runner.setSecret(password);
    const raw = Object.fromEntries(INPUTS.map((name) => [name, name === 'password' ? password : src.runner.getInput(name)]));
    const run = (0,src.readContext)();
    const config = (0,src.loadConfig)((0,src.getString)('config'), run.workspace);
    const context = buildContext(raw, config, run);
    const engine = await selectEngine(context.engine, { tempRoot: tempRoot() });
    src.runner.saveState('engine', engine.name);
    src.runner.saveState('registryHost', context.registryHost);
    // Images done so far, for the summary when a later one fails.
    const built = [];
    try {
        const outcome = await buildImages(context, engine, { tempRoot: tempRoot(), onBuilt: (image) => built.push(image) });
        (0,src.setOutput)('images', imagesOutput(outcome.images));
        (0,src.setOutput)('refs', refsOutput(outcome.images));
        (0,src.setOutput)('version', outcome.version);
        await (0,src.writeSummary)({
            title: 'build-images',
            text: `Version \`${outcome.version}\`, built with ${outcome.engine}${context.push ? `, pushed to \`${context.registry}\`` : ' (not pushed)'}.`,
            headers: SUMMARY_HEADERS,
            rows: summaryRows(outcome.images),
        });
    }
    catch (error) {
        await (0,src.writeSummary)({
            title: 'build-images failed',
            text: `${(0,src.errorMessage)(error).split('\n')[0]}\n\n${built.length} of ${context.images.length} image(s) were built${context.push ? ' and pushed' : ''} before the failure.`,
            headers: SUMMARY_HEADERS,
            rows: summaryRows(built),
        });
        throw error;
    }
    finally {
        // Saved even on failure, so the post step can still remove the credentials.
        src.runner.saveState('engineState', JSON.stringify(engine.state));
    }
}
/** Post step: forget the registry credentials this run created. */
async function post() {
    const name = src.runner.getState('engine');
    const host = src.runner.getState('registryHost');
    const state = JSON.parse(src.runner.getState('engineState') || '{}');
    if (!name || !Object.keys(state).length)
        return;
    const engine = name === 'docker' ? new DockerEngine() : new BuildahEngine(tempRoot());
    try {
        await engine.logout(host, state);
        src.runner.info(`Removed the ${name} registry login for ${host}.`);
    }
    catch (error) {
        // Cleanup must not fail a job whose build succeeded; the runner's temp dir goes away anyway.
        src.runner.warning(`Could not remove the ${name} registry login for ${host}: ${(0,src.errorMessage)(error)}`);
    }
}


/***/ })

};
