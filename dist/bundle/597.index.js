export const id = 597;
export const ids = [597];
export const modules = {

/***/ 79597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
// EXTERNAL MODULE: ./packages/azure/src/index.ts + 2 modules
var azure_src = __webpack_require__(58600);
// EXTERNAL MODULE: ./packages/environments/src/cdn.ts
var cdn = __webpack_require__(80979);
// EXTERNAL MODULE: ./packages/s3/src/index.ts + 13 modules
var s3_src = __webpack_require__(70671);
// EXTERNAL MODULE: ./packages/stores/src/index.ts
var stores_src = __webpack_require__(15008);
// EXTERNAL MODULE: ./packages/environments/src/locations.ts
var locations = __webpack_require__(11288);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./packages/cdn-publish/src/versions.ts


/** `v1.2.3` or `1.2.3` -> `1.2.3` (strict semver, prerelease/build allowed). */
function parseVersion(name, value) {
    const text = value.trim().replace(/^v(?=\d)/, '');
    const parsed = semver_default().valid(text);
    if (!parsed)
        throw new src.ShipkitError(`Input "${name}" has an invalid value ${(0,src.showValue)(value)}: expected a semantic version such as 1.2.3 or v1.2.3-rc.1.`);
    // semver drops build metadata (1.2.3+build.7 is 1.2.3): two builds would publish over each other.
    if (text.includes('+')) {
        throw new src.ShipkitError(`Input "${name}" has an invalid value ${(0,src.showValue)(value)}: expected a version without build metadata ("+..."), such as 1.2.3 or 1.2.3-rc.1; builds of one version would publish over each other as v${parsed}.`, {
            hint: 'Use a prerelease for a build (1.2.3-build.7) or publish the version itself.',
        });
    }
    return parsed;
}
/** The version to publish: the input, else the tag the workflow runs on. */
function resolveVersion(input, context) {
    if (input)
        return parseVersion('version', input);
    const ref = (0,src.parseRef)(context.ref);
    if (ref.kind === 'tag') {
        try {
            return parseVersion('version', ref.name);
        }
        catch {
            throw new src.ShipkitError(`Input "version" was not given and the tag ${JSON.stringify(ref.name)} is not a semantic version.`, {
                hint: 'Run on a tag such as v1.2.3, or pass "version" explicitly.',
            });
        }
    }
    throw new src.ShipkitError(`Input "version" was not given and this run is not for a tag (ref ${JSON.stringify(context.ref)}, event ${context.eventName || 'unknown'}).`, {
        hint: 'Trigger on tags (on: push: tags: [v*.*.*]) or pass "version".',
    });
}
function isPrerelease(version) {
    return semver_default().prerelease(version) !== null;
}
/** The alias names a version moves: `v1.2`, `v1`, `latest`; none for prereleases. */
function aliasNames(version) {
    if (isPrerelease(version))
        return [];
    const parsed = semver_default().parse(version);
    return [`v${parsed.major}.${parsed.minor}`, `v${parsed.major}`, 'latest'];
}
/**
 * Whether an alias moves to `version`, decided from what the alias holds now (its manifest's
 * recorded version): never backwards. An alias an interrupted run left incomplete is repaired when
 * it was moving to this version or an older one.
 */
function decideAlias(alias, version, current) {
    const held = current?.version && semver_default().valid(current.version) ? current.version : undefined;
    if (!held)
        return { alias, move: true, reason: 'new' };
    const order = semver_default().compare(held, version);
    if (order > 0)
        return { alias, move: false, current: held, reason: current.complete ? 'newer' : 'newer-in-progress' };
    if (!current.complete)
        return { alias, move: true, from: held, reason: 'repair' };
    return { alias, move: true, from: held, reason: order === 0 ? 'same' : 'forward' };
}

;// CONCATENATED MODULE: ./packages/cdn-publish/src/context.ts





const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
function defaultBaseUrl(bucket, endpoint, region, forcePathStyle, env = process.env) {
    const azure = (0,src.parseAzureBucket)(bucket);
    if (azure)
        return `${(0,src.blobEndpoint)(azure.account, env)}/${azure.container}`;
    if (endpoint) {
        const url = endpoint.replace(/\/+$/, '');
        return forcePathStyle === false ? url.replace('://', `://${bucket}.`) : `${url}/${bucket}`;
    }
    return `https://${bucket}.s3.${region || 'us-east-1'}.amazonaws.com`;
}
/** Reads and validates every input before anything is changed. */
function readInputs(context = (0,src.readContext)()) {
    const loaded = (0,src.loadConfig)((0,src.getOptional)('config'), context.workspace);
    const cdn = loaded?.config.cdn ?? {};
    const aws = loaded?.config.aws ?? {};
    const sourceInput = (0,src.getString)('source-dir', { required: true });
    const sourceDir = (0,src.resolveInside)('source-dir', sourceInput, { workspace: context.workspace, allowOutside: (0,src.getBoolean)('allow-outside-workspace', false), kind: 'directory' });
    const bucket = (0,src.getOptional)('bucket') ?? cdn.bucket;
    if (!bucket) {
        throw new src.ShipkitError('Input "bucket" is required but was not given (and the config file has no cdn.bucket).', { hint: 'Pass "bucket" or set cdn.bucket in .github/shipkit.yml.' });
    }
    // Named where it came from: the input, or the config file's cdn.bucket (an input the user never set would mislead).
    const bucketField = (0,src.getOptional)('bucket') !== undefined ? 'bucket' : `${loaded?.file ?? 'config'}: cdn.bucket`;
    if (!BUCKET.test(bucket) && !(0,src.isAzureBucket)(bucket))
        throw (0,src.invalidInput)(bucketField, bucket, 'an S3 bucket name (3-63 lowercase letters, digits, "." and "-") or an Azure Blob <account>/<container> (account: 3-24 lower-case letters and digits; container: 3-63 lower-case letters, digits and single hyphens)');
    const prefixInput = (0,src.getOptional)('prefix');
    const prefix = (0,s3_src/* normalizePrefix */.iG)((0,locations/* canonicalPrefix */.l4)(prefixInput !== undefined ? 'Input "prefix"' : 'cdn.prefix', prefixInput ?? cdn.prefix ?? ''));
    // The CDN location must not overlap an environment's install location or the state store (an
    // install would delete the immutable versions and aliases; a publish would overwrite a live site).
    if (loaded)
        (0,locations/* checkNoOverlap */.Hc)((0,locations/* configLocations */.D1)(loaded, { cdn: { bucket, prefix } }).map((location) => (location.field === 'cdn' ? { ...location, field: (0,src.getOptional)('bucket') ? 'input "bucket"/"prefix"' : 'cdn' } : location)), loaded.file);
    const version = resolveVersion((0,src.getOptional)('version'), context);
    const cacheRules = (0,s3_src/* parseCacheControlRules */.Cp)((0,src.getString)('cache-control'));
    const distributionId = (0,src.getOptional)('distribution-id') ?? cdn['distribution-id'];
    if (distributionId && !/^[A-Z0-9]{6,}$/.test(distributionId)) {
        throw (0,src.invalidInput)('distribution-id', distributionId, 'a CloudFront distribution id such as E2QWRUHEXAMPLE');
    }
    const azureCdn = cdn['azure-cdn'] ? (0,azure_src/* azureCdnTarget */.s8)(cdn['azure-cdn']) : undefined;
    if (azureCdn && distributionId)
        throw new src.ShipkitError(`${loaded?.file ?? 'config'}: cdn.azure-cdn and a CloudFront distribution-id (${distributionId}) are both set: expected the one CDN in front of the published files.`);
    const endpoint = (0,src.getOptional)('endpoint') ?? aws.endpoint;
    if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint))
        throw (0,src.invalidInput)('endpoint', endpoint, 'an http(s) URL such as https://s3.example.com');
    const forcePathStyleInput = (0,src.getOptional)('force-path-style');
    const forcePathStyle = forcePathStyleInput !== undefined ? (0,src.parseBoolean)('force-path-style', forcePathStyleInput) : aws['force-path-style'];
    const region = (0,src.getOptional)('region') ?? aws.region;
    const baseUrlInput = (0,src.getOptional)('base-url') ?? cdn['base-url'];
    if (baseUrlInput && !/^https?:\/\/\S+$/.test(baseUrlInput))
        throw (0,src.invalidInput)('base-url', baseUrlInput, 'an http(s) URL');
    const resolvedEndpoint = endpoint ?? (0,src.awsEndpointFromEnv)('S3');
    const baseUrl = (baseUrlInput ?? defaultBaseUrl(bucket, resolvedEndpoint, region ?? process.env.AWS_REGION, forcePathStyle)).replace(/\/+$/, '');
    return {
        sourceDir,
        bucket,
        prefix,
        version,
        aliases: (0,src.getBoolean)('aliases', true),
        cacheRules,
        include: (0,src.getList)('include', { comma: false }),
        exclude: (0,src.getList)('exclude', { comma: false }),
        overwrite: (0,src.getBoolean)('overwrite', false),
        dryRun: (0,src.getBoolean)('dry-run', false),
        distributionId,
        azureCdn,
        waitForInvalidation: (0,src.getBoolean)('wait-for-invalidation', false),
        region,
        endpoint,
        forcePathStyle,
        concurrency: (0,src.getNumber)('concurrency', s3_src/* DEFAULT_CONCURRENCY */.WH, { min: 1, max: s3_src/* MAX_CONCURRENCY */.fx, integer: true }),
        baseUrl,
    };
}

// EXTERNAL MODULE: ./packages/cloudfront/src/paths.ts
var paths = __webpack_require__(43902);
;// CONCATENATED MODULE: ./packages/cdn-publish/src/cache.ts


const ALIAS_TTL = s3_src/* SHORT_TTL */.U2;
const firstMatch = (rules, key) => (rules.length ? (0,s3_src/* cacheControlFor */.T7)(rules, key) : undefined);
/** Versioned paths never change: everything immutable, unless a user rule (first match wins) says otherwise. */
function versionCacheControl(rules) {
    return (key) => firstMatch(rules, key) ?? s3_src/* IMMUTABLE */.hb;
}
/** Aliases move: entry documents (HTML, manifests, service workers) no-cache, everything else a short TTL. */
function aliasCacheControl(rules) {
    return (key) => firstMatch(rules, key) ?? ((0,s3_src/* isEntryDocument */.Sj)(key) ? s3_src/* NO_CACHE */.DQ : ALIAS_TTL);
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
;// CONCATENATED MODULE: ./packages/cdn-publish/src/pending.ts



/**
 * Invalidations owed to a distribution, kept next to the published prefixes until CloudFront
 * accepted them: written before asking CloudFront, deleted after. A run that failed at the
 * invalidation therefore leaves them behind, and the next run (even one with nothing new to
 * publish) sends them again.
 */
function pendingKey(prefix, distributionId) {
    return (0,s3_src/* joinKey */.ID)(prefix, `.shipkit-pending-invalidation-${distributionId}.json`);
}
async function readPending(client, bucket, key) {
    try {
        const response = await client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: bucket, Key: key }));
        const data = JSON.parse((await response.Body?.transformToString('utf-8')) ?? '{}');
        return Array.isArray(data.paths) ? data.paths.filter((path) => typeof path === 'string') : [];
    }
    catch (error) {
        if ((0,s3_src/* isNotFound */.c4)(error))
            return [];
        if (error instanceof SyntaxError)
            return [];
        throw new src.ShipkitError(`Could not read ${(0,src.storeUrl)(bucket, key)}: ${(0,src.errorMessage)(error)}`, { cause: error });
    }
}
async function writePending(client, bucket, key, paths) {
    try {
        await client.send(new dist_cjs/* PutObjectCommand */.wKZ({ Bucket: bucket, Key: key, Body: `${JSON.stringify({ paths }, null, 1)}\n`, ContentType: 'application/json; charset=utf-8', CacheControl: 'no-store' }));
    }
    catch (error) {
        throw new src.ShipkitError(`Could not write ${(0,src.storeUrl)(bucket, key)}: ${(0,src.errorMessage)(error)}`, { cause: error });
    }
}
async function clearPending(client, bucket, key) {
    try {
        await client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: bucket, Key: key }));
    }
    catch (error) {
        throw new src.ShipkitError(`Could not delete ${(0,src.storeUrl)(bucket, key)}: ${(0,src.errorMessage)(error)}`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./packages/cdn-publish/src/publish.ts








function diffFiles(manifest, files) {
    const local = new Map(files.map((file) => [file.key, file]));
    const changed = [];
    const added = [];
    for (const file of files) {
        const there = manifest.files[file.key];
        if (!there)
            added.push(file.key);
        else if (there.sha256 !== file.sha256)
            changed.push(file.key);
    }
    const removed = Object.keys(manifest.files).filter((key) => !local.has(key));
    return { changed, added, removed };
}
/** CloudFront paths for what changed in an alias: each key (and its directory for index.html), or one wildcard when many. */
function invalidationPathsFor(aliasPrefix, entries) {
    return (0,paths/* changedPaths */.vl)(aliasPrefix, (0,s3_src/* changedKeys */.F$)(entries));
}
function targetFrom(kind, name, prefix, url, result, extra = {}) {
    return {
        kind,
        name,
        prefix,
        url,
        status: result.changed ? 'published' : 'unchanged',
        uploaded: result.uploaded - result.copied,
        copied: result.copied,
        skipped: result.skipped,
        deleted: result.deleted,
        bytes: result.bytes - result.copiedBytes,
        changes: result.plan.entries.filter((entry) => entry.action !== 'skip').map(({ action, key, reason }) => ({ action, key, reason })),
        ...extra,
    };
}
/** The versions whose files a new version may reuse: those the aliases hold, complete, other than `version`. */
function reusableVersions(held, version) {
    return [...new Set([...held.values()].map((manifest) => (manifest?.complete && typeof manifest.meta.version === 'string' ? manifest.meta.version : undefined)))].filter((candidate) => !!candidate && candidate !== version);
}
/**
 * Publishes a directory as `<prefix>/v{version}/` and moves the semver aliases to it by
 * server-side copy. Order of guarantees: input and immutability checks before any write; the
 * version is complete (manifest written) before any alias copies from it; an alias never moves
 * backwards; only aliases whose files changed are invalidated.
 */
async function publishCdn(client, options) {
    const log = options.log ?? src.runner.info;
    const warn = options.warn ?? src.runner.warning;
    const versionName = `v${options.version}`;
    const versionPrefix = (0,s3_src/* joinKey */.ID)(options.prefix, versionName);
    const urlOf = (prefix) => `${options.baseUrl}/${prefix}/`;
    const where = `${(0,src.storeUrl)(options.bucket, versionPrefix)}/`;
    // The version's manifest is read while the source is scanned; once it is in, the scan keeps the
    // bytes of files the version does not hold at their size for their upload (read once, not twice).
    const existingRead = (0,s3_src/* readManifest */.WI)(client, options.bucket, versionPrefix);
    let known;
    existingRead.then((manifest) => (known = { manifest }), () => undefined);
    // The version's listing and the aliases' manifests are read while the source is scanned too (an
    // unchanged re-publish is then bounded by the slower of the two, not their sum). Their failures
    // surface where they are awaited, after the scan's own.
    const fetched = (0,s3_src/* fetchRemoteListing */.TE)(client, options.bucket, versionPrefix, undefined, existingRead);
    const aliasList = options.aliases ? aliasNames(options.version) : [];
    const heldRead = Promise.all([...new Set([...aliasList, 'latest'])].map(async (alias) => [alias, await (0,s3_src/* readManifest */.WI)(client, options.bucket, (0,s3_src/* joinKey */.ID)(options.prefix, alias))]));
    for (const early of [fetched, heldRead])
        early.catch(() => undefined);
    const kept = new src.KeptBytes(s3_src/* KEPT_BYTES */.zh, (key, size) => !!known && known.manifest?.files[key]?.size !== size);
    // A version published for the first time (its prefix empty, no manifest) with no earlier version to
    // copy files from: its assets upload while the rest of the source is still hashed (EarlyUploads).
    const early = options.dryRun
        ? undefined
        : new s3_src/* EarlyUploads */.W9(client, {
            bucket: options.bucket,
            prefix: versionPrefix,
            fetched,
            ready: heldRead.then((held) => reusableVersions(new Map(held), options.version).length === 0),
            cacheControl: versionCacheControl(options.cacheRules),
            concurrency: options.concurrency,
            kept,
        });
    let files;
    try {
        files = await (0,s3_src/* scanDirectory */.vc)(options.sourceDir, {
            include: options.include,
            exclude: options.exclude,
            onSkip: (file, reason) => warn(`Not publishing ${file}: ${reason}.`),
            keep: kept,
            onHashed: early?.offer,
        });
    }
    catch (error) {
        // Uploads the scan started end before the failure is told. Between here and publishDirectory (which
        // waits for them itself when it fails) nothing can fail while any are under way: they start only
        // into an empty version prefix with every read below already answered.
        await early?.abandon();
        throw error;
    }
    early?.close();
    if (!files.length) {
        throw new src.ShipkitError(`Input "source-dir" names ${JSON.stringify(options.sourceDir)}, which has no files to publish${options.include.length || options.exclude.length ? ' after include/exclude' : ''}.`, {
            hint: 'Build the site before this step; dotfiles are only published when "include" names them.',
        });
    }
    const existing = await existingRead;
    if (existing?.complete) {
        const diff = diffFiles(existing, files);
        const differences = diff.changed.length + diff.added.length + diff.removed.length;
        if (differences && !options.overwrite) {
            const sample = [...diff.changed.map((key) => `~${key}`), ...diff.added.map((key) => `+${key}`), ...diff.removed.map((key) => `-${key}`)].slice(0, 8).join(', ');
            throw new src.ShipkitError(`Version ${options.version} is already published at ${where} with different content (${diff.changed.length} changed, ${diff.added.length} added, ${diff.removed.length} removed: ${sample}${differences > 8 ? ', ...' : ''}). Published versions are immutable.`, { hint: 'Publish a new version, or set "overwrite: true" to replace it (browsers and CDNs may keep the old files for up to a year).' });
        }
    }
    // What the aliases hold now: decides their moves, and their versions' files can be reused.
    const held = new Map(await heldRead);
    const reuseFrom = reusableVersions(held, options.version).map((version) => ({ bucket: options.bucket, prefix: (0,s3_src/* joinKey */.ID)(options.prefix, `v${version}`) }));
    const common = { concurrency: options.concurrency, dryRun: options.dryRun, log, meta: { version: options.version } };
    const versionResult = await (0,s3_src/* publishDirectory */.fQ)(client, { ...common, files, kept, fetched, early, bucket: options.bucket, prefix: versionPrefix, cacheControl: versionCacheControl(options.cacheRules), deleteStale: true, reuseFrom });
    const targets = [targetFrom('version', versionName, versionPrefix, urlOf(versionPrefix), versionResult)];
    log(`${options.dryRun ? 'Would publish' : versionResult.changed ? 'Published' : 'Unchanged:'} ${where}: ${versionResult.uploaded - versionResult.copied} uploaded, ${versionResult.copied} reused by server-side copy, ${versionResult.skipped} unchanged`);
    // Versioned paths never need an invalidation — except when overwrite replaced a published version.
    const invalidate = existing?.complete && options.overwrite ? invalidationPathsFor(versionPrefix, versionResult.plan.entries.filter((entry) => entry.reason !== 'new' || entry.action === 'delete')) : [];
    const urls = { version: urlOf(versionPrefix), aliases: {} };
    const prerelease = isPrerelease(options.version);
    if (prerelease && options.aliases)
        log(`${options.version} is a prerelease: only ${versionName}/ is published, no alias moves.`);
    // Asked only once an alias really moved (an unchanged re-publish writes nothing, not even the probe).
    let conditional;
    const storeIsConditional = async () => {
        if (conditional === undefined) {
            conditional = await (0,s3_src/* conditionalWrites */.Vn)(client, options.bucket, (0,s3_src/* joinKey */.ID)(options.prefix, '.shipkit-conditional-write-probe.json'));
            if (!conditional)
                warn(`${(0,src.storeUrl)(options.bucket)} ignores conditional writes: two runs moving the aliases at once are settled by re-reading after the move (best effort). AWS S3, MinIO and R2 honour conditional writes.`);
        }
        return conditional;
    };
    for (const alias of aliasList) {
        const aliasPrefix = (0,s3_src/* joinKey */.ID)(options.prefix, alias);
        const aliasOptions = { ...common, bucket: options.bucket, prefix: aliasPrefix, cacheControl: aliasCacheControl(options.cacheRules), deleteStale: 'deferred' };
        /** Copies a published version into the alias (its files and its version in the alias manifest). */
        const copyTo = (version, guard, sourceManifest) => (0,s3_src/* copyPrefix */.E7)(client, {
            ...aliasOptions,
            meta: { version },
            from: { bucket: options.bucket, prefix: (0,s3_src/* joinKey */.ID)(options.prefix, `v${version}`) },
            to: { bucket: options.bucket, prefix: aliasPrefix },
            sourceManifest,
            manifestGuard: guard,
        });
        if (options.dryRun) {
            const current = held.get(alias);
            const decision = decideAlias(alias, options.version, current && { version: typeof current.meta.version === 'string' ? current.meta.version : undefined, complete: current.complete });
            if (!decision.move) {
                targets.push(keptTarget(alias, aliasPrefix, urlOf(aliasPrefix), decision.current));
                continue;
            }
            // Nothing is published yet on a dry run, so plan the alias from the local files (same hashes the copy would use).
            const result = await (0,s3_src/* publishDirectory */.fQ)(client, { ...aliasOptions, files });
            for (const entry of result.plan.entries)
                if (entry.action === 'upload')
                    entry.action = 'copy';
            result.copied = result.uploaded;
            targets.push(targetFrom('alias', alias, aliasPrefix, urlOf(aliasPrefix), result, { from: decision.from }));
            urls.aliases[alias] = urlOf(aliasPrefix);
            invalidate.push(...invalidationPathsFor(aliasPrefix, result.plan.entries));
            continue;
        }
        // Decided on the alias as it is right now (not as it was before the upload), and written only
        // while it is still so (If-Match on that manifest's ETag). Another run in between: decide again.
        let outcome;
        let touched = false;
        for (let attempt = 1; !outcome; attempt++) {
            const { manifest: current, etag } = await (0,s3_src/* readManifestVersion */.ii)(client, options.bucket, aliasPrefix);
            const decision = decideAlias(alias, options.version, current && { version: typeof current.meta.version === 'string' ? current.meta.version : undefined, complete: current.complete });
            try {
                if (decision.move) {
                    outcome = { result: await copyTo(options.version, { etag }, versionResult.manifest), from: decision.from };
                }
                else {
                    if (touched && current?.complete) {
                        // Files this run copied before it lost the race may have overwritten the newer version's: put them back.
                        const repair = await copyTo(decision.current, { etag });
                        invalidate.push(...invalidationPathsFor(aliasPrefix, repair.plan.entries));
                    }
                    outcome = { kept: decision.current };
                }
            }
            catch (error) {
                if (!(error instanceof s3_src/* ManifestConflictError */.kf) || attempt >= 8)
                    throw error;
                touched = true;
                log(`${alias}/ was moved by another run while this one was moving it; deciding again.`);
            }
        }
        if (outcome.result?.changed && !(await storeIsConditional())) {
            // Without conditional writes a concurrent newer move may have been overwritten: re-read and put the newer version back.
            const newer = await newestCompleteFor(client, options.bucket, options.prefix, alias, options.version);
            if (newer) {
                const repair = await copyTo(newer, undefined);
                invalidate.push(...invalidationPathsFor(aliasPrefix, outcome.result.plan.entries), ...invalidationPathsFor(aliasPrefix, repair.plan.entries));
                log(`${alias}/ -> back to ${newer}: a newer version was published while this run moved it.`);
                outcome = { kept: newer };
            }
        }
        if (outcome.kept !== undefined) {
            log(`${alias}/ stays on ${outcome.kept}: aliases never move backwards.`);
            targets.push(keptTarget(alias, aliasPrefix, urlOf(aliasPrefix), outcome.kept));
            continue;
        }
        const result = outcome.result;
        targets.push(targetFrom('alias', alias, aliasPrefix, urlOf(aliasPrefix), result, { from: outcome.from }));
        urls.aliases[alias] = urlOf(aliasPrefix);
        invalidate.push(...invalidationPathsFor(aliasPrefix, result.plan.entries));
        log(`${alias}/ -> ${options.version}${outcome.from && outcome.from !== options.version ? ` (was ${outcome.from})` : ''}: ${result.uploaded} copied, ${result.deleted} deleted, ${result.skipped} unchanged`);
    }
    let invalidationIds = [];
    if (options.invalidate) {
        // Paths a previous run could not get invalidated are owed too.
        const pending = pendingKey(options.prefix, options.distributionId ?? 'default');
        const owed = await readPending(client, options.bucket, pending);
        if (owed.length)
            log(`${owed.length} path(s) from an earlier run still need invalidating.`);
        const paths = [...new Set([...owed, ...invalidate])].sort();
        invalidate.splice(0, invalidate.length, ...paths);
        if (paths.length && options.dryRun)
            log(`Would invalidate ${paths.length} path(s): ${paths.join(' ')}`);
        else if (paths.length) {
            if (paths.length > owed.length)
                await writePending(client, options.bucket, pending, paths);
            invalidationIds = (await options.invalidate(paths)).ids;
            await clearPending(client, options.bucket, pending);
        }
    }
    const aliasTargets = targets.filter((target) => target.kind === 'alias');
    return {
        version: options.version,
        prerelease,
        dryRun: options.dryRun,
        targets,
        uploaded: targets[0].uploaded,
        reused: targets[0].copied,
        copied: aliasTargets.reduce((sum, target) => sum + target.copied, 0),
        skipped: versionResult.skipped,
        deleted: targets.reduce((sum, target) => sum + target.deleted, 0),
        bytes: targets[0].bytes,
        urls,
        invalidated: options.invalidate ? [...invalidate].sort() : [],
        invalidationIds,
    };
}
function keptTarget(alias, prefix, url, current) {
    return { kind: 'alias', name: alias, prefix, url, status: 'kept', from: current, reason: `holds newer ${current}`, uploaded: 0, copied: 0, skipped: 0, deleted: 0, bytes: 0, changes: [] };
}
/** The newest complete published version newer than `version` that `alias` follows, if any (one delimiter listing, manifests of the candidates). */
async function newestCompleteFor(client, bucket, prefix, alias, version) {
    const candidates = (await (0,s3_src/* listFolders */.uT)(client, bucket, prefix ? `${prefix}/` : ''))
        .filter((name) => /^v\d/.test(name))
        .map((name) => name.slice(1))
        .filter((candidate) => semver_default().valid(candidate) && semver_default().gt(candidate, version) && aliasNames(candidate).includes(alias))
        .sort((semver_default()).rcompare);
    for (const candidate of candidates) {
        if ((await (0,s3_src/* readManifest */.WI)(client, bucket, (0,s3_src/* joinKey */.ID)(prefix, `v${candidate}`)))?.complete)
            return candidate;
    }
    return undefined;
}

// EXTERNAL MODULE: ./packages/cdn-publish/src/startup.ts
var startup = __webpack_require__(43548);
;// CONCATENATED MODULE: ./packages/cdn-publish/src/summary.ts

/** GitHub caps a step output at 1 MB; the plan output stays well below. */
const MAX_PLAN_OUTPUT_CHARS = 512 * 1024;
/** Rows of the dry-run plan table in the step summary (the summary is capped at 1 MiB). */
const MAX_SUMMARY_PLAN_ROWS = 500;
/**
 * The plan as JSON-able data: every write and deletion with its key, skips counted. A plan too
 * big for a step output keeps the first changes of each target and counts the rest (`omitted`);
 * the log of a dry run always has the whole plan.
 */
function planOutput(report, maxChars = MAX_PLAN_OUTPUT_CHARS) {
    const build = (limit) => ({
        version: report.version,
        dryRun: report.dryRun,
        targets: report.targets.map((target) => ({
            target: target.name,
            prefix: target.prefix,
            status: target.status,
            ...(target.from ? { from: target.from } : {}),
            ...(target.reason ? { reason: target.reason } : {}),
            skipped: target.skipped,
            changes: target.changes.slice(0, limit),
            ...(target.changes.length > limit ? { omitted: target.changes.length - limit } : {}),
        })),
        invalidate: report.invalidated,
    });
    let limit = Math.max(...report.targets.map((target) => target.changes.length), 0);
    let plan = build(limit);
    while (limit > 0 && JSON.stringify(plan).length > maxChars) {
        limit = Math.floor(limit / 2);
        plan = build(limit);
    }
    return plan;
}
function summaryMarkdown(report) {
    const rows = report.targets.map((target) => [
        target.kind === 'version' ? `\`${target.name}/\` (version)` : `\`${target.name}/\``,
        target.status === 'kept' ? `kept on ${target.from}` : target.status === 'unchanged' ? 'unchanged' : report.dryRun ? 'would change' : target.kind === 'alias' && target.from && target.from !== report.version ? `moved from ${target.from}` : 'published',
        target.uploaded,
        target.copied,
        target.skipped,
        target.deleted,
        (0,src.formatBytes)(target.bytes),
        target.url,
    ]);
    const parts = [
        `${report.dryRun ? '**Dry run** — nothing was changed. ' : ''}Version **${report.version}**${report.prerelease ? ' (prerelease: no aliases)' : ''}: ${report.uploaded} uploaded, ${report.reused} reused from earlier versions by server-side copy, ${report.skipped} unchanged, ${report.copied} copied to aliases, ${report.deleted} deleted, ${(0,src.formatBytes)(report.bytes)} uploaded.`,
    ];
    if (report.invalidated.length)
        parts.push(`CloudFront: ${report.dryRun ? 'would invalidate' : 'invalidated'} ${report.invalidated.map((path) => `\`${path}\``).join(', ')}${report.invalidationIds.length ? ` (${report.invalidationIds.join(', ')})` : ''}.`);
    return {
        title: 'cdn-publish',
        text: parts.join('\n\n'),
        headers: ['Path', 'Result', 'Uploaded', 'Copied (server-side)', 'Unchanged', 'Deleted', 'Bytes uploaded', 'URL'],
        rows,
        details: report.dryRun ? planDetails(report) : undefined,
    };
}
function planDetails(report) {
    const rows = report.targets.flatMap((target) => target.changes.map((change) => [target.name, change.action, change.key, change.reason]));
    const more = rows.length > MAX_SUMMARY_PLAN_ROWS ? `\n${rows.length - MAX_SUMMARY_PLAN_ROWS} more in the log and the \`plan\` output.\n` : '';
    return `<details><summary>Plan (${rows.length} changes)</summary>\n\n${(0,src.markdownTable)(['Target', 'Action', 'Key', 'Reason'], rows.slice(0, MAX_SUMMARY_PLAN_ROWS))}${more}\n</details>`;
}

;// CONCATENATED MODULE: ./packages/cdn-publish/src/main.ts









/** Reads the inputs, calls the modules, writes the outputs. */
async function main() {
    src.runner.debug(startup/* WORK_STARTS */.Os);
    const inputs = readInputs();
    const client = (0,stores_src/* createObjectStore */.h)({ region: inputs.region, endpoint: inputs.endpoint, forcePathStyle: inputs.forcePathStyle });
    const { distributionId, azureCdn } = inputs;
    const invalidate = distributionId
        ? async (paths) => {
            // The CloudFront SDK is loaded only when a distribution is configured (its own bundle chunk).
            const { createCloudFrontClient, invalidatePaths } = await __webpack_require__.e(/* import() */ 322).then(__webpack_require__.bind(__webpack_require__, 11322));
            const result = await invalidatePaths(createCloudFrontClient(), distributionId, paths, { wait: inputs.waitForInvalidation });
            return { ids: result.invalidations.map((item) => item.id) };
        }
        : azureCdn
            ? async (paths) => {
                const result = await (0,cdn/* purgeAzure */.f)(azureCdn, paths);
                src.runner.info(`Purged ${result.paths.join(', ')} on ${(0,azure_src/* describeAzureCdn */.O5)(azureCdn)}${azureCdn.wait ? ' (completed)' : ''}.`);
                return { ids: result.ids };
            }
            : undefined;
    // Every S3 request of the run, counted and justified in the log (what each kind is for).
    const requests = (0,s3_src/* countRequests */.Kx)(client);
    const report = await publishCdn(client, { ...inputs, invalidate });
    src.runner.info(`${(0,src.isAzureBucket)(inputs.bucket) ? 'Azure Blob Storage operations' : 'S3 requests'}: ${requests.total} (${requests.writes()} writes)`);
    for (const line of (0,s3_src/* describeRequests */.UQ)(requests))
        src.runner.info(`  ${line}`);
    const plan = planOutput(report);
    if (inputs.dryRun) {
        await src.runner.group('Plan (dry run)', async () => src.runner.info(JSON.stringify(planOutput(report, Infinity), null, 2)));
    }
    (0,src.setOutput)('urls', report.urls);
    (0,src.setOutput)('uploaded', String(report.uploaded));
    (0,src.setOutput)('reused', String(report.reused));
    (0,src.setOutput)('copied', String(report.copied));
    (0,src.setOutput)('skipped', String(report.skipped));
    (0,src.setOutput)('deleted', String(report.deleted));
    (0,src.setOutput)('bytes', String(report.bytes));
    (0,src.setOutput)('invalidated', report.invalidated);
    (0,src.setOutput)('plan', plan);
    await (0,src.writeSummary)(summaryMarkdown(report));
}


/***/ }),

/***/ 29417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AE: () => (/* binding */ createCloudFrontClient),
/* harmony export */   OI: () => (/* binding */ invalidatePaths),
/* harmony export */   Rx: () => (/* binding */ waitForInvalidation)
/* harmony export */ });
/* unused harmony exports isRetryableInvalidationError, invalidationStatus */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_cloudfront__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23169);
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29480);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(43902);




/** A CloudFront client (endpoint, retries and credentials as every shipkit AWS client: @shipkit/core's awsClientSettings). */
function createCloudFrontClient(options = {}) {
    const config = { ...(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.awsClientSettings)('CLOUDFRONT', options), region: options.region || 'us-east-1' };
    return new _aws_sdk_client_cloudfront__WEBPACK_IMPORTED_MODULE_2__/* .CloudFrontClient */ .GHk(config);
}
const RETRYABLE_CODES = new Set(['TooManyInvalidationsInProgress', 'Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'ServiceUnavailable']);
function errorCode(error) {
    const e = error;
    return e?.Code ?? e?.name ?? '';
}
function isRetryableInvalidationError(error) {
    const status = error?.$metadata?.httpStatusCode ?? 0;
    return RETRYABLE_CODES.has(errorCode(error)) || status >= 500;
}
/**
 * Invalidates paths on a distribution within CloudFront's limits: paths de-duplicated, split into
 * batches of at most 3,000 paths / 15 wildcards; each later batch waits for the one before to
 * complete (the limits count invalidations in progress); CreateInvalidation is retried with
 * backoff on TooManyInvalidationsInProgress and throttling, reusing its CallerReference so a
 * retry can never create a duplicate. With `wait`, returns once every batch is Completed.
 */
async function invalidatePaths(client, distributionId, paths, options = {}) {
    if (!/^[A-Z0-9]+$/.test(distributionId)) {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`Input "distribution-id" has an invalid value ${JSON.stringify(distributionId)}: expected a CloudFront distribution id such as E2QWRUHEXAMPLE.`);
    }
    const unique = (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeInvalidationPaths */ .ot)(paths);
    const log = options.log ?? _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.runner.info;
    const sleep = options.sleep ?? _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.sleep;
    const batches = (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .batchInvalidationPaths */ .J_)(unique, { maxPaths: options.maxPaths ?? _paths_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_PATHS_IN_PROGRESS */ .qZ, maxWildcards: options.maxWildcards ?? _paths_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_WILDCARDS_IN_PROGRESS */ .b$ });
    const result = { invalidations: [], paths: unique };
    const reference = `shipkit-${Date.now()}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
    for (const [index, batch] of batches.entries()) {
        const callerReference = `${reference}-${index + 1}`;
        const created = await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.retry)(async () => client.send(new _aws_sdk_client_cloudfront__WEBPACK_IMPORTED_MODULE_2__/* .CreateInvalidationCommand */ .Yo6({ DistributionId: distributionId, InvalidationBatch: { CallerReference: callerReference, Paths: { Quantity: batch.length, Items: batch } } })), {
            attempts: options.attempts ?? 8,
            baseDelayMs: options.baseDelayMs ?? 5000,
            maxDelayMs: options.maxDelayMs ?? 60_000,
            retryable: isRetryableInvalidationError,
            sleep,
            onRetry: (error, attempt, delay) => log(`CloudFront refused the invalidation for now (${errorCode(error) || (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.errorMessage)(error)}); retry ${attempt} in ${Math.round(delay / 1000)}s`),
        }).catch((error) => {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`Could not invalidate ${batch.length} path(s) on CloudFront distribution ${distributionId}: ${errorCode(error) ? `${errorCode(error)}: ` : ''}${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.errorMessage)(error)}`, {
                hint: isRetryableInvalidationError(error)
                    ? 'CloudFront kept refusing (too many invalidations in progress or throttling); re-run later, the published files are already in place.'
                    : 'Check the distribution id and that the credentials allow cloudfront:CreateInvalidation.',
                cause: error,
            });
        });
        const id = created.Invalidation?.Id ?? '';
        const entry = { id, paths: batch, status: created.Invalidation?.Status ?? 'InProgress' };
        result.invalidations.push(entry);
        log(`CloudFront invalidation ${id} for ${batch.length} path(s)${batches.length > 1 ? ` (batch ${index + 1}/${batches.length})` : ''}: ${entry.status}`);
        const more = index < batches.length - 1;
        if (more || options.wait)
            entry.status = await waitForInvalidation(client, distributionId, id, { ...options, sleep, log });
    }
    return result;
}
/** An invalidation's status as CloudFront reports it (InProgress, Completed). */
async function invalidationStatus(client, distributionId, id) {
    try {
        return (await client.send(new _aws_sdk_client_cloudfront__WEBPACK_IMPORTED_MODULE_2__/* .GetInvalidationCommand */ .Wwh({ DistributionId: distributionId, Id: id }))).Invalidation?.Status ?? 'Unknown';
    }
    catch (error) {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`Could not read CloudFront invalidation ${id} on ${distributionId}: ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.errorMessage)(error)}`, { cause: error });
    }
}
/** Polls GetInvalidation until Completed (any case: some implementations say COMPLETED); throws after waitTimeoutMs. */
async function waitForInvalidation(client, distributionId, id, options = {}) {
    const deadline = Date.now() + (options.waitTimeoutMs ?? 20 * 60_000);
    const sleep = options.sleep ?? _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.sleep;
    for (;;) {
        const status = await invalidationStatus(client, distributionId, id);
        if (status.toLowerCase() === 'completed')
            return 'Completed';
        if (Date.now() >= deadline) {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`CloudFront invalidation ${id} on ${distributionId} is still ${status} after waiting.`, {
                hint: 'It will still complete on its own; raise the wait timeout or turn off waiting.',
            });
        }
        await sleep(options.pollIntervalMs ?? 10_000);
    }
}


/***/ }),

/***/ 43902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J_: () => (/* binding */ batchInvalidationPaths),
/* harmony export */   b$: () => (/* binding */ MAX_WILDCARDS_IN_PROGRESS),
/* harmony export */   ot: () => (/* binding */ normalizeInvalidationPaths),
/* harmony export */   qZ: () => (/* binding */ MAX_PATHS_IN_PROGRESS),
/* harmony export */   vl: () => (/* binding */ changedPaths)
/* harmony export */ });
/* unused harmony exports isWildcard, WILDCARD_THRESHOLD */
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);

/** CloudFront's documented limits on invalidations in progress at one time, per distribution. */
const MAX_PATHS_IN_PROGRESS = 3000;
const MAX_WILDCARDS_IN_PROGRESS = 15;
const isWildcard = (path) => path.includes('*');
/**
 * Validates and de-duplicates invalidation paths: each starts with "/", a "*" may only end a
 * path; "/*" covers everything, and a wildcard `/a/*` makes every `/a/...` path redundant.
 */
function normalizeInvalidationPaths(paths) {
    const cleaned = [];
    for (const raw of paths) {
        const path = raw.trim();
        if (!path)
            continue;
        if (!path.startsWith('/') || /\s/.test(path) || (path.includes('*') && path.indexOf('*') !== path.length - 1)) {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`Invalid CloudFront invalidation path ${JSON.stringify(raw)}: expected a path starting with "/" with at most one "*", at its end.`);
        }
        cleaned.push(path);
    }
    const unique = [...new Set(cleaned)];
    const wildcards = unique.filter(isWildcard).map((path) => path.slice(0, -1));
    return unique.filter((path) => !wildcards.some((stem) => path !== `${stem}*` && path.startsWith(stem))).sort();
}
/**
 * Splits paths into invalidation batches that each fit in CloudFront's in-progress limits
 * (3,000 paths, of which at most 15 wildcards), wildcards first.
 */
function batchInvalidationPaths(paths, limits = {}) {
    const maxPaths = limits.maxPaths ?? MAX_PATHS_IN_PROGRESS;
    const maxWildcards = limits.maxWildcards ?? MAX_WILDCARDS_IN_PROGRESS;
    const wildcards = paths.filter(isWildcard);
    const plain = paths.filter((path) => !isWildcard(path));
    const batches = [];
    let current = [];
    let currentWildcards = 0;
    for (const path of [...wildcards, ...plain]) {
        const wildcard = isWildcard(path);
        if (current.length >= maxPaths || (wildcard && currentWildcards >= maxWildcards)) {
            batches.push(current);
            current = [];
            currentWildcards = 0;
        }
        current.push(path);
        if (wildcard)
            currentWildcards++;
    }
    if (current.length)
        batches.push(current);
    return batches;
}
/** More changed paths than this under one prefix are invalidated with one `/<prefix>/*` wildcard. */
const WILDCARD_THRESHOLD = 50;
/**
 * CloudFront paths for changed keys under `prefix` ('' = the site root): each key (and its
 * directory for an index.html), or one `/<prefix>/*` wildcard when there are many.
 */
function changedPaths(prefix, keys) {
    if (!keys.length)
        return [];
    const base = prefix ? `/${prefix.replace(/^\/+|\/+$/g, '')}/` : '/';
    if (keys.length > WILDCARD_THRESHOLD)
        return [`${base}*`];
    const paths = new Set();
    for (const key of keys) {
        paths.add(encodeURI(`${base}${key}`));
        if (key === 'index.html' || key.endsWith('/index.html'))
            paths.add(encodeURI(`${base}${key.slice(0, -'index.html'.length)}`));
    }
    return [...paths].sort();
}


/***/ }),

/***/ 80979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ invalidateEnvironmentCdn),
/* harmony export */   f: () => (/* binding */ purgeAzure)
/* harmony export */ });
/* harmony import */ var _shipkit_cloudfront__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43902);
/* harmony import */ var _shipkit_cloudfront__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29417);
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);
/* harmony import */ var _shipkit_azure__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58600);



/**
 * After an install into a live location (deploy, rollback, restore) or a switch: invalidates, on
 * the environment's CDN, the paths that changed (`all`: every path) — or the configured ones — and
 * by default waits until CloudFront completed it, so the step returns when visitors get the new
 * files. A failed invalidation is a warning (the install stands; re-running invalidates again).
 */
async function invalidateEnvironmentCdn(env, changed) {
    if (env.azureCdn)
        return purgeEnvironmentAzureCdn(env, env.azureCdn, changed);
    const cdn = env.cdn;
    if (!cdn)
        return undefined;
    const paths = cdn.invalidate ?? (changed === 'all' ? ['/*'] : (0,_shipkit_cloudfront__WEBPACK_IMPORTED_MODULE_2__/* .changedPaths */ .vl)('', changed));
    if (!paths.length) {
        _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runner.info(`Nothing changed under ${env.name}'s CDN (${cdn.distributionId}): no invalidation needed.`);
        return { cdn: `CloudFront distribution ${cdn.distributionId}`, paths, ids: [] };
    }
    try {
        const client = (0,_shipkit_cloudfront__WEBPACK_IMPORTED_MODULE_3__/* .createCloudFrontClient */ .AE)({ endpoint: cdn.endpoint });
        const result = await (0,_shipkit_cloudfront__WEBPACK_IMPORTED_MODULE_3__/* .invalidatePaths */ .OI)(client, cdn.distributionId, paths, { wait: cdn.wait });
        const ids = result.invalidations.map((entry) => entry.id);
        _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runner.info(`Invalidated ${paths.length === 1 ? paths[0] : `${paths.length} path(s)`} on ${env.name}'s CDN (${cdn.distributionId}: ${ids.join(', ')})${cdn.wait ? ', completed' : ''}.`);
        return { cdn: `CloudFront distribution ${cdn.distributionId}`, paths, ids };
    }
    catch (error) {
        _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runner.warning(`The install of ${env.name} is in place, but invalidating its CDN (${cdn.distributionId}) failed: ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.errorMessage)(error)}. Visitors may get cached files until they expire; re-run the step to invalidate again.`);
        return { cdn: `CloudFront distribution ${cdn.distributionId}`, paths, ids: [], error: (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.errorMessage)(error) };
    }
}
/**
 * Purges `paths` on a Front Door / Azure CDN target through Resource Manager (its progress in the
 * log); the paths purged (many become `/*`) and the operation, without its query, for the report.
 */
async function purgeAzure(target, paths) {
    const result = await (0,_shipkit_azure__WEBPACK_IMPORTED_MODULE_1__/* .purgeAzureCdn */ .mz)(new _shipkit_azure__WEBPACK_IMPORTED_MODULE_1__/* .ArmClient */ .aN({ endpoint: target.armEndpoint, log: (line) => _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runner.info(line) }), target, paths);
    return { paths: result.paths, ids: result.operation ? [result.operation.split('?')[0]] : [] };
}
/** The Azure side of invalidateEnvironmentCdn: a Front Door / Azure CDN purge of the changed paths through Resource Manager. */
async function purgeEnvironmentAzureCdn(env, target, changed) {
    const where = (0,_shipkit_azure__WEBPACK_IMPORTED_MODULE_1__/* .describeAzureCdn */ .O5)(target);
    const paths = changed === 'all' ? ['/*'] : (0,_shipkit_cloudfront__WEBPACK_IMPORTED_MODULE_2__/* .changedPaths */ .vl)('', changed);
    if (!paths.length) {
        _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runner.info(`Nothing changed under ${env.name}'s CDN (${where}): no purge needed.`);
        return { cdn: where, paths, ids: [] };
    }
    try {
        const result = await purgeAzure(target, paths);
        _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runner.info(`Purged ${result.paths.length === 1 ? result.paths[0] : `${result.paths.length} path(s)`} on ${env.name}'s CDN (${where})${target.wait ? ', completed' : ', not waiting for it'}.`);
        return { cdn: where, ...result };
    }
    catch (error) {
        _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runner.warning(`The install of ${env.name} is in place, but purging its CDN (${where}) failed: ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.errorMessage)(error)}. Visitors may get cached files until they expire; re-run the step to purge again.`);
        return { cdn: where, paths, ids: [], error: (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.errorMessage)(error) };
    }
}


/***/ }),

/***/ 11288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D1: () => (/* binding */ configLocations),
/* harmony export */   Hc: () => (/* binding */ checkNoOverlap),
/* harmony export */   UM: () => (/* binding */ checkEnvironmentStores),
/* harmony export */   l4: () => (/* binding */ canonicalPrefix)
/* harmony export */ });
/* unused harmony export describeAppLocation */
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);
/* harmony import */ var _shipkit_ledger__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82816);
/* harmony import */ var _shipkit_s3__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70671);



/**
 * A key prefix in canonical form: no leading or trailing slash, no empty (`//`), `.` or `..`
 * segments, no control characters. Anything else is refused naming `field`, before anything changes.
 */
function canonicalPrefix(field, value) {
    const text = value ?? '';
    const bad = (why) => new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`${field} has an invalid value ${JSON.stringify(text.slice(0, 200))}: ${why}; expected a key prefix such as "site/" or "app/v1" (segments of printable characters, no "." or ".." segments, no "//").`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(text))
        throw bad('it contains a control character');
    const trimmed = text.replace(/^\/+/, '').replace(/\/+$/, '');
    if (!trimmed)
        return '';
    for (const segment of trimmed.split('/')) {
        if (segment === '')
            throw bad('it has an empty segment ("//")');
        if (segment === '.' || segment === '..')
            throw bad(`it has a "${segment}" segment`);
    }
    return trimmed;
}
function overlaps(a, b) {
    if (a.bucket !== b.bucket)
        return false;
    if (!a.prefix || !b.prefix)
        return true;
    return `${a.prefix}/`.startsWith(`${b.prefix}/`) || `${b.prefix}/`.startsWith(`${a.prefix}/`);
}
function describeAppLocation(location) {
    return (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.storeUrl)(location.bucket, location.prefix ? `${location.prefix}/` : '');
}
/**
 * Refuses any two locations of one app that overlap (same bucket, one prefix inside the other):
 * an install into one would replace or delete the other's files. The error names both fields.
 */
function checkNoOverlap(locations, file) {
    for (let i = 0; i < locations.length; i++) {
        for (let j = i + 1; j < locations.length; j++) {
            const [a, b] = [locations[i], locations[j]];
            if (!overlaps(a, b))
                continue;
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.ShipkitError(`${file ? `${file}: ` : ''}${a.field} (${describeAppLocation(a)}) overlaps ${b.field} (${describeAppLocation(b)}): writing one would replace or delete the other's files.`, { hint: 'Give every slot, environment, the CDN and the state store its own bucket, or prefixes that do not contain each other (e.g. site/blue/ and site/green/, never site/ and site/green/).' });
        }
    }
}
/**
 * Every location the config gives the app — the state store, each environment's (and slot's) S3
 * install location, the CDN — with `overrides` replacing a config field (inputs win). Prefixes are
 * checked canonical on the way.
 */
function configLocations(loaded, overrides = {}) {
    const config = loaded?.config;
    const out = [];
    const add = (field, location) => {
        const chosen = field in overrides ? overrides[field] : location;
        if (!chosen?.bucket)
            return;
        out.push({ field, bucket: chosen.bucket, prefix: canonicalPrefix(`${field}.prefix`, chosen.prefix) });
    };
    if (config?.state || overrides.state) {
        const state = overrides.state ?? (0,_shipkit_ledger__WEBPACK_IMPORTED_MODULE_1__/* .parseStateLocation */ .uh)(config.state, 'state');
        out.push({ field: 'state', bucket: state.bucket, prefix: canonicalPrefix('state', state.prefix) });
    }
    for (const [name, environment] of Object.entries(config?.environments ?? {})) {
        add(`environments.${name}.s3`, environment.s3);
        add(`environments.${name}.slots.blue.s3`, environment.slots?.blue?.s3);
        add(`environments.${name}.slots.green.s3`, environment.slots?.green?.s3);
    }
    for (const [field, location] of Object.entries(overrides))
        if (field.startsWith('environments.') && !out.some((entry) => entry.field === field))
            add(field, location);
    add('cdn', config?.cdn);
    return out;
}
/**
 * Before anything is written: the state store's bucket and every install location's bucket of
 * the environment exist and can be listed. Errors name the field and the value.
 */
async function checkEnvironmentStores(env, client) {
    const where = (field) => (env.file ? `${env.file}: ${field}` : field);
    const checks = [[env.file ? where('state') : 'state', env.state.bucket, `${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.storeUrl)(env.state.bucket, env.state.prefix)}`]];
    // Every install location the environment names (object-store targets install there).
    if (env.s3)
        checks.push([where(`environments.${env.name}.s3.bucket`), env.s3.bucket, env.s3.bucket]);
    for (const slot of ['blue', 'green']) {
        const location = env.slots?.[slot]?.s3;
        if (location)
            checks.push([where(`environments.${env.name}.slots.${slot}.s3.bucket`), location.bucket, location.bucket]);
    }
    const seen = new Set();
    for (const [field, bucket, value] of checks) {
        if (seen.has(bucket))
            continue;
        seen.add(bucket);
        await (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_2__/* .checkBucket */ .L$)(client, bucket, field, value);
    }
}


/***/ })

};
