export const id = 187;
export const ids = [187];
export const modules = {

/***/ 96187:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38531);


await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runAction)({ main: _main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 38531:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: expandPlaceholders

// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./packages/promote-images/src/promote.ts
/**
 * Build once: adds tags to images that already exist in the registry, on the SAME digest, with
 * `skopeo copy --all --preserve-digests` (a registry-side copy: blobs already there are skipped,
 * nothing is rebuilt or re-uploaded). pipeline-main marks the digests that passed staging as
 * `tested-sha-<sha7>`; a release tag on that commit promotes them to 1.2.3, then 1.2, 1, latest.
 * Semver aliases never move backwards, also when two releases run at once (re-read after moving).
 */







const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const REFERENCE = /^([a-z0-9.-]+(?::\d+)?(?:\/[a-z0-9._-]+)+)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@(sha256:[a-f0-9]{64}))$/;
function parseReference(text) {
    const match = REFERENCE.exec(text.trim());
    if (!match)
        throw (0,src.invalidInput)('sources', text, '<registry>/<name>:<tag> or <registry>/<name>@sha256:<64 hex>');
    const repository = match[1];
    return { repository, name: repository.split('/').pop(), tag: match[2], digest: match[3] };
}
/** A semver version (an optional leading `v`, build metadata ignored), or undefined. */
function parseVersion(text) {
    const trimmed = String(text).trim();
    const parsed = semver_default().parse(trimmed);
    if (!parsed)
        return undefined;
    return { major: parsed.major, minor: parsed.minor, patch: parsed.patch, prerelease: parsed.prerelease.map(String), text: trimmed, version: parsed.version };
}
/** Semver precedence: negative when a < b, 0 when equal (build metadata ignored), positive when a > b. */
function compareVersions(a, b) {
    return semver_default().compare(a.version, b.version);
}
/** The semver aliases of a stable version: `1.2` -> { major: 1, minor: 2 }, `1` -> { major: 1 }, `latest` -> {}; undefined for other tags. */
function aliasRange(tag, version) {
    if (tag === 'latest')
        return {};
    if (tag === `${version.major}`)
        return { major: version.major };
    if (tag === `${version.major}.${version.minor}`)
        return { major: version.major, minor: version.minor };
    return undefined;
}
/**
 * Which of `tags` may point at `version`, given the tags the repository already has: an alias
 * (`<major>.<minor>`, `<major>`, `latest`) is held when a higher stable version in its range is
 * there; every alias is held for a prerelease. Non-alias tags are always allowed.
 */
function planAliases(version, tags, existingTags) {
    const stable = existingTags.map(parseVersion).filter((parsed) => !!parsed && !parsed.prerelease.length);
    const allowed = [];
    const held = [];
    for (const tag of tags) {
        const range = aliasRange(tag, version);
        if (!range) {
            allowed.push(tag);
            continue;
        }
        if (version.prerelease.length) {
            held.push({ tag, reason: `${version.text} is a prerelease` });
            continue;
        }
        const higher = stable
            .filter((other) => (range.major === undefined || other.major === range.major) && (range.minor === undefined || other.minor === range.minor))
            .filter((other) => compareVersions(other, version) > 0)
            .sort(compareVersions)
            .at(-1);
        if (higher)
            held.push({ tag, reason: `the registry has ${higher.text}`, newer: higher.text });
        else
            allowed.push(tag);
    }
    return { allowed, held };
}
/** skopeo with an argument list (no shell); the password only ever goes to its stdin. */
function skopeo(args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('skopeo', args, { stdio: ['pipe', 'pipe', 'pipe'] });
        const stdout = [];
        let stderr = '';
        child.stdout.on('data', (chunk) => stdout.push(chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        child.on('error', (error) => reject(error.code === 'ENOENT' ? new src.ShipkitError('skopeo is not installed (Debian/Ubuntu: apt-get install skopeo).') : error));
        child.on('close', (code) => {
            const result = { code: code ?? 1, stdout: Buffer.concat(stdout), stderr };
            if (result.code !== 0 && !options.allowFailure)
                reject(new src.ShipkitError(`skopeo ${args[0]} failed (${result.code}): ${stderr.trim()}`));
            else
                resolve(result);
        });
        child.stdin.end(options.input ?? '');
    });
}
/** The digest a reference resolves to (sha256 of the raw manifest or index), or undefined when missing. */
async function resolveDigest(reference, args) {
    const result = await skopeo(['inspect', '--raw', ...args, `docker://${reference}`], { allowFailure: true });
    if (result.code !== 0) {
        if (/manifest unknown|not found|name unknown|404/i.test(result.stderr))
            return undefined;
        throw new src.ShipkitError(`skopeo inspect ${reference} failed: ${result.stderr.trim()}`);
    }
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(result.stdout).digest('hex')}`;
}
/** The repository's tags (skopeo list-tags), [] when the repository does not exist yet. */
async function listTags(repository, args) {
    const result = await skopeo(['list-tags', ...args, `docker://${repository}`], { allowFailure: true });
    if (result.code !== 0) {
        if (/name unknown|not found|404/i.test(result.stderr))
            return [];
        throw new src.ShipkitError(`skopeo list-tags ${repository} failed: ${result.stderr.trim()}`);
    }
    return JSON.parse(result.stdout.toString()).Tags ?? [];
}
async function promoteImages(options) {
    const { sources, tags, ifMissing = 'skip', insecure = false, username, password } = options;
    const log = options.log ?? (() => undefined);
    if (sources.length === 0)
        throw new src.ShipkitError('Input "sources" is empty: expected at least one image reference.');
    const version = options.version ? parseVersion(options.version) : undefined;
    if (options.version && !version)
        throw (0,src.invalidInput)('version', options.version, 'a semver version such as 1.2.3 or v1.2.3-rc.1');
    for (const tag of tags)
        if (!TAG.test(tag))
            throw (0,src.invalidInput)('tags', tag, 'tags of [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}');
    const parsed = sources.map(parseReference);
    const scratch = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'shipkit-promote-'));
    try {
        const authArgs = ['--authfile', external_node_path_default().join(scratch, 'auth.json')];
        const tlsArgs = insecure ? ['--tls-verify=false'] : [];
        if (username && password) {
            for (const registry of [...new Set(parsed.map((source) => source.repository.split('/')[0]))]) {
                await skopeo(['login', ...authArgs, ...tlsArgs, '--username', username, '--password-stdin', registry], { input: password });
            }
        }
        const resolved = [];
        for (const source of parsed) {
            const reference = source.digest ? `${source.repository}@${source.digest}` : `${source.repository}:${source.tag}`;
            const digest = await resolveDigest(reference, [...authArgs, ...tlsArgs]);
            if (!digest) {
                if (ifMissing === 'fail')
                    throw new src.ShipkitError(`Image ${reference} is not in the registry.`);
                return { found: false, missing: reference, images: [] };
            }
            if (source.digest && digest !== source.digest)
                throw new src.ShipkitError(`Image ${reference} resolved to ${digest}.`);
            resolved.push({ ...source, digest });
        }
        const images = [];
        for (const source of resolved) {
            const from = `docker://${source.repository}@${source.digest}`;
            // Aliases never move backwards: compare with the versions this repository already has.
            const plan = version ? planAliases(version, tags, await listTags(source.repository, [...authArgs, ...tlsArgs])) : { allowed: tags, held: [] };
            const copyTls = insecure ? ['--src-tls-verify=false', '--dest-tls-verify=false'] : [];
            const copy = (fromRef, tag) => skopeo(['copy', '--all', '--preserve-digests', '--retry-times', '3', ...authArgs, ...copyTls, fromRef, `docker://${source.repository}:${tag}`]);
            for (const tag of plan.allowed) {
                await copy(from, tag);
                await options.onTagged?.(source.repository, tag);
                if (version && aliasRange(tag, version))
                    continue; // aliases are re-checked below: a newer run may move them on
                const now = await resolveDigest(`${source.repository}:${tag}`, [...authArgs, ...tlsArgs]);
                if (now !== source.digest)
                    throw new src.ShipkitError(`After tagging, ${source.repository}:${tag} resolves to ${now}, not ${source.digest}.`);
            }
            // Registries have no conditional tag writes: re-read after moving, and where a newer version
            // arrived meanwhile (a concurrent release), put the alias back on it. Aliases never move backwards.
            const tagged = [...plan.allowed];
            if (version && plan.allowed.some((tag) => aliasRange(tag, version))) {
                const after = planAliases(version, plan.allowed, await listTags(source.repository, [...authArgs, ...tlsArgs]));
                for (const held of after.held) {
                    await copy(`docker://${source.repository}:${held.newer}`, held.tag);
                    plan.held.push({ ...held, reason: `${held.reason} (arrived while this run moved it; put back)` });
                    tagged.splice(tagged.indexOf(held.tag), 1);
                }
            }
            log(`${source.repository}@${source.digest} <- ${tagged.join(', ') || '(no tag)'}`);
            for (const held of plan.held)
                log(`${source.repository}:${held.tag} stays where it is: ${held.reason}`);
            images.push({ name: source.name, ref: `${source.repository}@${source.digest}`, digest: source.digest, tags: tagged, repository: source.repository, ...(plan.held.length ? { held: plan.held } : {}) });
        }
        return { found: true, images };
    }
    finally {
        (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./packages/promote-images/src/main.ts


/**
 * `tags` and `version` may name the run's ref: `{sha7}` (the commit's short sha), `{version}` (the
 * tag without its `v`), `{major}`, `{minor}`, `{patch}` — so workflows need no shell to compute them.
 */
function expandPlaceholders(text, context) {
    const ref = (0,src.parseRef)(context.ref);
    const version = ref.kind === 'tag' ? ref.name.replace(/^v(?=\d)/, '') : '';
    const [major = '', minor = '', patch = ''] = version.split(/[.+-]/);
    const values = { sha7: context.sha.slice(0, 7), version, major, minor, patch };
    return text.replace(/\{(sha7|version|major|minor|patch)\}/g, (_whole, name) => {
        if (!values[name])
            throw new src.ShipkitError(`Input "tags" or "version" uses {${name}}, which cannot be filled in: this run is not for a version tag (ref ${context.ref}).`);
        return values[name];
    });
}
async function main() {
    const context = (0,src.readContext)();
    const expand = (text) => expandPlaceholders(text, context);
    const result = await promoteImages({
        sources: (0,src.getList)('sources', { comma: false }),
        tags: (0,src.getList)('tags', { comma: false }).map(expand),
        ifMissing: (0,src.getEnum)('if-missing', ['skip', 'fail'], 'skip'),
        insecure: (0,src.getBoolean)('insecure', false),
        username: (0,src.getOptional)('username'),
        password: (0,src.getSecret)('password'),
        version: (0,src.getOptional)('version') ? expand((0,src.getOptional)('version')) : undefined,
        log: (line) => src.runner.info(line),
    });
    if (!result.found)
        src.runner.info(`Not promoting: ${result.missing} is not in the registry (it was not built and tested on main).`);
    (0,src.setOutput)('found', String(result.found));
    (0,src.setOutput)('images', JSON.stringify(result.images));
    (0,src.setOutput)('refs', result.images.map((image) => image.ref).join('\n'));
    await (0,src.writeSummary)({
        title: 'promote-images',
        text: result.found ? undefined : `Nothing promoted: ${result.missing} is not in the registry.`,
        headers: ['Image', 'Digest', 'Tags added', 'Aliases kept'],
        rows: result.images.map((image) => [image.repository, image.digest, image.tags.join(', '), (image.held ?? []).map((held) => `${held.tag}: ${held.reason}`).join('; ')]),
    });
}


/***/ })

};
