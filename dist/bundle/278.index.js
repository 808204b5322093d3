export const id = 278;
export const ids = [278];
export const modules = {

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

/***/ 29494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LR: () => (/* binding */ ALLOCATION_REVISION),
  oF: () => (/* binding */ CloudRunClient),
  LH: () => (/* binding */ CloudRunRefusedError),
  En: () => (/* binding */ checkCloudRunTarget),
  MF: () => (/* binding */ describeShares),
  Oh: () => (/* binding */ ensureRevision),
  Ww: () => (/* binding */ pinnedTraffic),
  us: () => (/* binding */ resolveCloudRunTarget),
  pd: () => (/* binding */ revisionName),
  UN: () => (/* binding */ sameTraffic),
  qq: () => (/* binding */ taggedRevision),
  IQ: () => (/* binding */ trafficShares)
});

// UNUSED EXPORTS: ALLOCATION_LATEST, CLOUD_RUN_ENDPOINT, CloudRunCancelledError, DEFAULT_CLOUD_RUN_TIMEOUT, cloudRunImageRefs, shortRevision

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 21 modules
var src = __webpack_require__(29480);
// EXTERNAL MODULE: ./packages/environments/src/ecs.ts
var ecs = __webpack_require__(36989);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./packages/environments/src/google-auth.ts



/**
 * Google access tokens from Application Default Credentials, as google-github-actions/auth leaves
 * them: the JSON file named by GOOGLE_APPLICATION_CREDENTIALS (or CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE,
 * GOOGLE_GHA_CREDS_PATH), of type
 *   - `external_account` (Workload Identity Federation): the subject token is read from
 *     credential_source (a URL — GitHub's OIDC token endpoint, with its headers — or a file), exchanged
 *     at token_url (STS, RFC 8693), then, with service_account_impersonation_url, exchanged for the
 *     service account's access token (IAM Credentials generateAccessToken);
 *   - `authorized_user`: the refresh token is exchanged at token_uri (default oauth2.googleapis.com);
 *   - `service_account`: a JWT signed with the private key is exchanged at token_uri.
 * Just enough of google-auth-library for the three shapes; every token and key is registered as a
 * secret (masked in the log, redacted from everything shipkit writes) as soon as it is read, and
 * errors never quote a response body that could carry one.
 */
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const DEFAULT_TOKEN_URI = 'https://oauth2.googleapis.com/token';
const HINT = 'Authenticate first: google-github-actions/auth (workload_identity_provider and service_account) before this step; it sets GOOGLE_APPLICATION_CREDENTIALS.';
/** The credentials file's path, from the variables google-github-actions/auth sets. */
function credentialsFile(env = process.env) {
    return env.GOOGLE_APPLICATION_CREDENTIALS || env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE || env.GOOGLE_GHA_CREDS_PATH || undefined;
}
/** POSTs a token request; the answer's body is parsed, never quoted in errors (it may hold a token). */
async function tokenRequest(url, what, init) {
    let response;
    try {
        response = await fetch(url, { method: 'POST', headers: { 'content-type': init.contentType, ...(init.authorization ? { authorization: init.authorization } : {}) }, body: init.body });
    }
    catch (error) {
        throw new src.ShipkitError(`Could not reach ${what} (${url.split('?')[0]}): ${(0,src.errorMessage)(error)}`, { hint: HINT });
    }
    const text = await response.text();
    let body = {};
    try {
        body = JSON.parse(text);
    }
    catch {
        // not JSON: reported by status only
    }
    for (const key of ['access_token', 'accessToken', 'id_token'])
        if (typeof body[key] === 'string')
            (0,src.addSecret)(body[key]);
    if (!response.ok) {
        // OAuth errors are { error, error_description }; Google APIs' { error: { message, status } }. Neither carries a token.
        const error = body.error;
        const detail = typeof error === 'string' ? `${error}${typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}` : typeof error?.message === 'string' ? error.message : '';
        throw new src.ShipkitError(`${what} refused the credentials: HTTP ${response.status}${detail ? ` ${detail}` : ''}.`, { hint: HINT });
    }
    return body;
}
function expiry(body) {
    if (typeof body.expires_in === 'number')
        return Date.now() + body.expires_in * 1000;
    // expireTime is on Google's clock; the runner's may be behind (or ahead): never trust it past the
    // lifetime asked for (3600s), measured on the runner's own clock.
    if (typeof body.expireTime === 'string' && Number.isFinite(Date.parse(body.expireTime)))
        return Math.min(Date.parse(body.expireTime), Date.now() + 3_600_000);
    return Date.now() + 3_000_000;
}
async function subjectToken(source) {
    let text;
    if (source.url) {
        for (const value of Object.values(source.headers ?? {}))
            (0,src.addSecret)(value);
        let response;
        try {
            response = await fetch(source.url, { headers: source.headers ?? {} });
        }
        catch (error) {
            throw new src.ShipkitError(`Could not read the workload identity subject token from ${source.url.split('?')[0]}: ${(0,src.errorMessage)(error)}`, { hint: HINT });
        }
        text = await response.text();
        if (!response.ok)
            throw new src.ShipkitError(`The workload identity subject token URL ${source.url.split('?')[0]} answered HTTP ${response.status}.`, { hint: 'The job needs `permissions: id-token: write` for GitHub to issue an OIDC token.' });
    }
    else if (source.file) {
        try {
            text = (0,external_node_fs_.readFileSync)(source.file, 'utf8');
        }
        catch (error) {
            throw new src.ShipkitError(`Could not read the workload identity subject token file: ${(0,src.errorMessage)(error).split(':')[0]}.`, { hint: HINT });
        }
    }
    else {
        throw new src.ShipkitError('The external_account credentials have no credential_source.url or .file.', { hint: HINT });
    }
    let token = text.trim();
    if (source.format?.type === 'json') {
        const field = source.format.subject_token_field_name ?? 'value';
        try {
            token = String(JSON.parse(text)[field] ?? '');
        }
        catch {
            token = '';
        }
    }
    if (!token)
        throw new src.ShipkitError('The workload identity subject token is empty.', { hint: HINT });
    (0,src.addSecret)(token);
    return token;
}
function serviceAccountAssertion(credentials, tokenUri) {
    const now = Math.floor(Date.now() / 1000);
    const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ iss: credentials.client_email, scope: CLOUD_PLATFORM_SCOPE, aud: tokenUri, iat: now, exp: now + 3600 })}`;
    let signature;
    try {
        signature = (0,external_node_crypto_.createSign)('RSA-SHA256').update(unsigned).sign(credentials.private_key).toString('base64url');
    }
    catch {
        throw new src.ShipkitError('The service_account credentials\' private_key could not sign a token request (not a PEM private key).', { hint: HINT });
    }
    return `${unsigned}.${signature}`;
}
/** An access token for the cloud-platform scope from the credentials file (read on every call: tokens are cached by the caller). */
async function googleAccessToken(env = process.env) {
    const file = credentialsFile(env);
    if (!file)
        throw new src.ShipkitError('No Google credentials: GOOGLE_APPLICATION_CREDENTIALS is not set.', { hint: HINT });
    let credentials;
    try {
        credentials = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (error) {
        // Never the file's content: it holds keys.
        throw new src.ShipkitError(`Could not read the Google credentials file named by GOOGLE_APPLICATION_CREDENTIALS: ${error instanceof SyntaxError ? 'not JSON' : (0,src.errorMessage)(error).split(',')[0]}.`, { hint: HINT });
    }
    for (const secret of [credentials.private_key, credentials.refresh_token, credentials.client_secret])
        (0,src.addSecret)(secret);
    switch (credentials.type) {
        case 'external_account': {
            if (!credentials.token_url || !credentials.audience || !credentials.subject_token_type || !credentials.credential_source) {
                throw new src.ShipkitError('The external_account credentials lack token_url, audience, subject_token_type or credential_source.', { hint: HINT });
            }
            const subject = await subjectToken(credentials.credential_source);
            const sts = await tokenRequest(credentials.token_url, 'The security token service', {
                contentType: 'application/x-www-form-urlencoded',
                body: new URLSearchParams({
                    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
                    audience: credentials.audience,
                    scope: CLOUD_PLATFORM_SCOPE,
                    requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
                    subject_token_type: credentials.subject_token_type,
                    subject_token: subject,
                }).toString(),
            });
            if (typeof sts.access_token !== 'string')
                throw new src.ShipkitError('The security token service returned no access_token.', { hint: HINT });
            if (!credentials.service_account_impersonation_url)
                return { token: sts.access_token, expiresAt: expiry(sts) };
            const impersonated = await tokenRequest(credentials.service_account_impersonation_url, 'IAM Credentials (service account impersonation)', {
                contentType: 'application/json',
                authorization: `Bearer ${sts.access_token}`,
                body: JSON.stringify({ scope: [CLOUD_PLATFORM_SCOPE], lifetime: '3600s' }),
            });
            if (typeof impersonated.accessToken !== 'string')
                throw new src.ShipkitError('IAM Credentials returned no accessToken for the service account.', { hint: 'The workload identity pool\'s principal needs roles/iam.workloadIdentityUser on the service account.' });
            return { token: impersonated.accessToken, expiresAt: expiry(impersonated) };
        }
        case 'authorized_user': {
            if (!credentials.refresh_token || !credentials.client_id || !credentials.client_secret)
                throw new src.ShipkitError('The authorized_user credentials lack client_id, client_secret or refresh_token.', { hint: HINT });
            const body = await tokenRequest(credentials.token_uri ?? DEFAULT_TOKEN_URI, 'The Google OAuth token endpoint', {
                contentType: 'application/x-www-form-urlencoded',
                body: new URLSearchParams({ grant_type: 'refresh_token', client_id: credentials.client_id, client_secret: credentials.client_secret, refresh_token: credentials.refresh_token }).toString(),
            });
            if (typeof body.access_token !== 'string')
                throw new src.ShipkitError('The Google OAuth token endpoint returned no access_token.', { hint: HINT });
            return { token: body.access_token, expiresAt: expiry(body) };
        }
        case 'service_account': {
            if (!credentials.client_email || !credentials.private_key)
                throw new src.ShipkitError('The service_account credentials lack client_email or private_key.', { hint: HINT });
            const tokenUri = credentials.token_uri ?? DEFAULT_TOKEN_URI;
            const body = await tokenRequest(tokenUri, 'The Google OAuth token endpoint', {
                contentType: 'application/x-www-form-urlencoded',
                body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: serviceAccountAssertion(credentials, tokenUri) }).toString(),
            });
            if (typeof body.access_token !== 'string')
                throw new src.ShipkitError('The Google OAuth token endpoint returned no access_token.', { hint: HINT });
            return { token: body.access_token, expiresAt: expiry(body) };
        }
        default:
            throw new src.ShipkitError(`The Google credentials file has type ${JSON.stringify(credentials.type ?? null)}: expected external_account (workload identity federation), authorized_user or service_account.`, { hint: HINT });
    }
}

;// CONCATENATED MODULE: ./packages/environments/src/cloud-run.ts




/**
 * Google Cloud Run through the Cloud Run Admin API v2 (REST, https://run.googleapis.com/v2): the
 * service's settings, validated; a small client for services.get / services.patch, the long-running
 * operations they return, and revisions.get; and the traffic arithmetic the cloud-run target and
 * router share. Written against the REST reference rather than with @google-cloud/run: that SDK
 * (gRPC, protobufs) would add megabytes to every bundle for four calls.
 */
const CLOUD_RUN_ENDPOINT = 'https://run.googleapis.com';
const DEFAULT_CLOUD_RUN_TIMEOUT = '10m';
const ALLOCATION_REVISION = 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION';
const ALLOCATION_LATEST = 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST';
const PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const REGION = /^[a-z]+-[a-z]+\d+$/;
const SERVICE = /^[a-z](?:[a-z0-9-]{0,47}[a-z0-9])?$/;
const CONTAINER = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IMAGE_NAME = /^[a-z0-9][a-z0-9._/-]*$/;
/** `cloud-run: { project, region, service, container-images, timeout, endpoint }`, every field checked before anything changes. */
function resolveCloudRunTarget(config, fieldPrefix) {
    const field = `${fieldPrefix}.cloud-run`;
    if (!config)
        throw new src.ShipkitError(`${field} is required for target cloud-run: { project, region, service, container-images }.`);
    if (typeof config.project !== 'string' || !PROJECT.test(config.project))
        throw (0,src.invalidInput)(`${field}.project`, config.project, 'a Google Cloud project id (6-30 lower-case letters, digits and hyphens, starting with a letter)');
    if (typeof config.region !== 'string' || !REGION.test(config.region))
        throw (0,src.invalidInput)(`${field}.region`, config.region, 'a Cloud Run region such as europe-west1');
    if (typeof config.service !== 'string' || !SERVICE.test(config.service))
        throw (0,src.invalidInput)(`${field}.service`, config.service, 'a Cloud Run service name (up to 49 lower-case letters, digits and hyphens, starting with a letter)');
    const images = config['container-images'];
    if (!images || typeof images !== 'object' || !Object.keys(images).length)
        throw new src.ShipkitError(`${field}.container-images is required: which container runs which image, e.g. { app: shop-web } (image names as in build-images' images output).`);
    for (const [container, image] of Object.entries(images)) {
        if (!CONTAINER.test(container))
            throw (0,src.invalidInput)(`${field}.container-images.${container}`, container, 'a container name of the service (lower-case letters, digits and hyphens)');
        if (typeof image !== 'string' || !IMAGE_NAME.test(image))
            throw (0,src.invalidInput)(`${field}.container-images.${container}`, image, "an image name from build-images' images output (e.g. shop-web)");
    }
    const timeoutMs = (0,src.parseTimeout)(config.timeout ?? DEFAULT_CLOUD_RUN_TIMEOUT, `${field}.timeout`);
    if (timeoutMs > 6 * 3_600_000)
        throw (0,src.invalidInput)(`${field}.timeout`, config.timeout, 'a duration of at most 6h (a GitHub job runs at most 6h)');
    if (config.endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(config.endpoint))
        throw (0,src.invalidInput)(`${field}.endpoint`, config.endpoint, 'an http(s) URL');
    return { project: config.project, region: config.region, service: config.service, containerImages: images, timeoutMs, endpoint: (config.endpoint ?? CLOUD_RUN_ENDPOINT).replace(/\/+$/, ''), field };
}
/**
 * The revision a release runs as: `<service>-<release, in lower-case letters, digits and hyphens>-<6 hex
 * of the release's SHA-256>` (63 characters at most). The same release always has the same revision,
 * and two releases never share one (`v1.2.3` and `v1-2-3` differ in the hash).
 */
function revisionName(service, release) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(release).digest('hex').slice(0, 6);
    const room = 63 - service.length - 2 - hash.length;
    const slug = release.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, Math.max(0, room)).replace(/-+$/, '');
    return slug ? `${service}-${slug}-${hash}` : `${service}-${hash}`;
}
/** A revision's short name (traffic targets carry it; latestReadyRevision is the full resource name). */
function shortRevision(name) {
    return name ? name.split('/').pop() : undefined;
}
/** The service's traffic with `LATEST` entries pinned to the revision they resolve to now, so a new revision takes none of it. */
function pinnedTraffic(service) {
    const latest = shortRevision(service.latestReadyRevision);
    return (service.traffic ?? []).map((entry) => {
        const pinned = { type: ALLOCATION_REVISION, revision: entry.revision, ...(entry.percent ? { percent: entry.percent } : {}), ...(entry.tag ? { tag: entry.tag } : {}) };
        if (entry.type !== ALLOCATION_LATEST)
            return pinned;
        if (!latest)
            throw new src.ShipkitError(`Cloud Run service ${service.name ?? '?'} sends traffic to its latest revision, and has no ready revision to pin it to.`, { hint: 'Deploy a working revision once (gcloud run deploy), then let shipkit take over.' });
        return { ...pinned, revision: latest };
    });
}
/** The share (percent) of traffic each revision gets, as the service reports it (trafficStatuses; its spec when none). */
function trafficShares(service) {
    const shares = new Map();
    const entries = service.trafficStatuses?.length ? service.trafficStatuses : (service.traffic ?? []);
    for (const entry of entries) {
        const revision = entry.type === ALLOCATION_LATEST ? shortRevision(service.latestReadyRevision) : entry.revision;
        if (!revision || !entry.percent)
            continue;
        shares.set(revision, (shares.get(revision) ?? 0) + entry.percent);
    }
    return shares;
}
/** The revision a traffic tag points at (and its URL), as the service reports it. */
function taggedRevision(service, tag) {
    const status = service.trafficStatuses?.find((entry) => entry.tag === tag && entry.revision);
    const spec = service.traffic?.find((entry) => entry.tag === tag && entry.revision);
    const entry = status ?? spec;
    return entry?.revision ? { revision: entry.revision, ...(status?.uri ? { uri: status.uri } : {}) } : undefined;
}
/** Two traffic lists say the same (order, and entries of 0% without a tag, aside). */
function sameTraffic(a, b) {
    const key = (list) => list
        .filter((entry) => entry.percent || entry.tag)
        .map((entry) => `${entry.type === ALLOCATION_LATEST ? 'LATEST' : entry.revision}|${entry.percent ?? 0}|${entry.tag ?? ''}`)
        .sort()
        .join(',');
    return key(a) === key(b);
}
/** `revision: 10%, other: 90%`, for logs and errors. */
function describeShares(shares) {
    return [...shares].map(([revision, percent]) => `${revision}: ${percent}%`).join(', ') || 'no traffic';
}
/** The error Cloud Run answers with ({ error: { code, message, status } }). */
function apiError(body) {
    const error = body?.error;
    if (!error)
        return undefined;
    return [error.status, error.message].filter(Boolean).join(': ');
}
/** Cloud Run refused a services.patch (4xx, e.g. 409 ABORTED on a stale etag): nothing of it was written. */
class CloudRunRefusedError extends src.ShipkitError {
}
/** Raised while waiting when the step was cancelled. */
class CloudRunCancelledError extends src.ShipkitError {
}
/**
 * The Cloud Run Admin API v2 calls shipkit makes on one service. Tokens are cached until two
 * minutes before they expire; 429 and 5xx answers are retried with backoff.
 */
class CloudRunClient {
    target;
    options;
    serviceName;
    cached;
    log;
    constructor(target, options = {}) {
        this.target = target;
        this.options = options;
        this.serviceName = `projects/${target.project}/locations/${target.region}/services/${target.service}`;
        this.log = options.log ?? ((line) => src.runner.info(line));
    }
    async token(fresh = false) {
        if (fresh)
            this.cached = undefined;
        if (this.cached && this.cached.expiresAt - Date.now() > 120_000)
            return this.cached.token;
        this.cached = await (this.options.token ?? (() => googleAccessToken()))();
        return this.cached.token;
    }
    /**
     * One request, retried on 429 / 5xx / network errors: `attempts` times, or, with `until` (the
     * deadline of a wait: operation polls, revision reads), as long as the wait has time left, so a
     * blip of the API while a revision starts does not fail a deploy whose change is under way. A 401
     * gets one retry with a new token: a token Google already considers expired (the runner's clock
     * behind Google's, a revoked token) is not reused until the cached expiry.
     */
    async send(method, path, what, body, until) {
        const url = `${this.target.endpoint}/v2/${path}`;
        const attempts = this.options.attempts ?? 4;
        let refreshed = false;
        const retry = async (attempt) => {
            const delay = (0,src.backoffDelay)(attempt, 250, 8000);
            if (attempt >= attempts && !(until !== undefined && Date.now() + delay < until))
                return false;
            await (0,src.sleep)(delay);
            return true;
        };
        for (let attempt = 1;; attempt++) {
            let response;
            try {
                response = await fetch(url, { method, headers: { authorization: `Bearer ${await this.token()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body !== undefined ? JSON.stringify(body) : undefined });
            }
            catch (error) {
                if (error instanceof src.ShipkitError)
                    throw error;
                if (!(await retry(attempt)))
                    throw new src.ShipkitError(`Could not reach the Cloud Run Admin API for ${what} (${method} ${url.split('?')[0]}): ${(0,src.errorMessage)(error)}`);
                continue;
            }
            const text = await response.text();
            let parsed;
            try {
                parsed = text ? JSON.parse(text) : undefined;
            }
            catch {
                parsed = text;
            }
            if (response.status === 401 && !refreshed) {
                refreshed = true;
                await this.token(true);
                attempt--;
                continue;
            }
            if ((response.status === 429 || response.status >= 500) && (await retry(attempt)))
                continue;
            return { status: response.status, body: parsed };
        }
    }
    check(response, what) {
        if (response.status >= 200 && response.status < 300)
            return;
        // Redacted before it is cut: a cut secret is no longer recognisable.
        const detail = apiError(response.body) ?? (typeof response.body === 'string' ? (0,src.redactedExcerpt)(response.body) : '');
        const hint = response.status === 401
            ? 'Google refused the access token (expired or revoked) even after a new one was fetched: re-run google-github-actions/auth in this job, and check the runner\'s clock.'
            : response.status === 403
                ? `The identity google-github-actions/auth signed in with needs roles/run.developer on ${this.serviceName} (or its project) and roles/iam.serviceAccountUser on the service's runtime service account (docs/adopt.md, Cloud Run).`
                : response.status === 404
                    ? `Check ${this.target.field}.project, .region and .service: shipkit deploys to an existing service.`
                    : response.status === 409
                        ? 'The service changed between reading and writing it (another deploy?); re-run.'
                        : undefined;
        throw new src.ShipkitError(`Cloud Run refused ${what}: HTTP ${response.status}${detail ? ` ${detail}` : ''}.`, { hint });
    }
    async getService(until) {
        const response = await this.send('GET', this.serviceName, `reading service ${this.target.service}`, undefined, until);
        this.check(response, `reading service ${this.serviceName}`);
        return response.body;
    }
    /** The revision, or undefined when there is none of that name. */
    async getRevision(revision, until) {
        const response = await this.send('GET', `${this.serviceName}/revisions/${revision}`, `reading revision ${revision}`, undefined, until);
        if (response.status === 404)
            return undefined;
        this.check(response, `reading revision ${revision}`);
        return response.body;
    }
    /**
     * services.patch with the service as read (its etag: a concurrent change is refused, not
     * overwritten) and `change` applied, then the long-running operation waited for; returns the
     * service as it is afterwards.
     */
    async patchService(service, change, what, deadline, signal) {
        const body = { ...service, ...change };
        for (const status of ['trafficStatuses', 'terminalCondition', 'conditions', 'observedGeneration', 'latestReadyRevision', 'latestCreatedRevision', 'reconciling', 'uri', 'urls', 'createTime', 'updateTime', 'generation', 'uid', 'creator', 'lastModifier'])
            delete body[status];
        const response = await this.send('PATCH', this.serviceName, what, body);
        try {
            this.check(response, what);
        }
        catch (error) {
            if (response.status >= 400 && response.status < 500 && error instanceof src.ShipkitError)
                throw new CloudRunRefusedError(error.message, { hint: error.hint, cause: error });
            throw error;
        }
        await this.waitOperation(response.body, what, deadline, signal);
        return this.getService(deadline);
    }
    /** How long to wait before poll number `poll` (the configured interval, else pollDelay up to 5 s), never past the deadline. */
    delayBefore(poll, deadline) {
        return Math.min(this.options.pollMs ?? (0,src.pollDelay)(poll, 5000), Math.max(1, deadline - Date.now()));
    }
    async waitOperation(operation, what, deadline, signal) {
        let current = operation;
        for (let poll = 0; !current.done; poll++) {
            if (signal?.aborted)
                throw new CloudRunCancelledError(`Cancelled while waiting for ${what} (operation ${current.name ?? '?'} still running).`);
            if (Date.now() >= deadline)
                throw new src.ShipkitError(`${what} did not finish within ${(0,src.formatDuration)(this.target.timeoutMs)} (operation ${current.name ?? '?'} still running).`, { hint: `Raise ${this.target.field}.timeout if the service needs longer.` });
            await (0,src.sleep)(this.delayBefore(poll, deadline), signal);
            if (signal?.aborted)
                continue;
            if (!current.name)
                throw new src.ShipkitError(`Cloud Run answered ${what} with an operation without a name.`);
            const response = await this.send('GET', current.name, `polling ${what}`, undefined, deadline);
            this.check(response, `polling ${what}`);
            current = response.body;
        }
        if (current.error)
            throw new src.ShipkitError(`${what} failed: ${current.error.message ?? `code ${current.error.code}`}.`);
    }
    /** Waits until the revision's Ready condition succeeded; its failure, or the deadline, throws with the condition's message. */
    async waitRevisionReady(revision, deadline, signal) {
        let last = '';
        for (let poll = 0;; poll++) {
            if (signal?.aborted)
                throw new CloudRunCancelledError(`Cancelled while waiting for revision ${revision} to become Ready.`);
            const described = await this.getRevision(revision, deadline);
            const ready = described?.conditions?.find((condition) => condition.type === 'Ready');
            const state = `${ready?.state ?? 'no Ready condition yet'}${ready?.message ? `: ${ready.message}` : ''}`;
            if (state !== last)
                this.log(`Revision ${revision}: ${state}.`);
            last = state;
            if (ready?.state === 'CONDITION_SUCCEEDED')
                return described;
            if (ready?.state === 'CONDITION_FAILED') {
                throw new src.ShipkitError(`Revision ${revision} did not become Ready: ${ready.message ?? ready.reason ?? 'no message'}${ready.revisionReason ? ` (${ready.revisionReason})` : ''}.`, {
                    hint: 'The revision\'s logs (Cloud Logging, resource cloud_run_revision) usually name the cause: the container did not listen on $PORT, crashed at start, or could not pull its image.',
                });
            }
            if (Date.now() >= deadline) {
                throw new src.ShipkitError(`Revision ${revision} did not become Ready within ${(0,src.formatDuration)(this.target.timeoutMs)}: ${ready?.message ?? ready?.state ?? 'no Ready condition'}.`, { hint: `Raise ${this.target.field}.timeout if the revision needs longer to start.` });
            }
            await (0,src.sleep)(this.delayBefore(poll, deadline), signal);
        }
    }
    /** Writes the traffic and reads it back; throws when the service reports otherwise. */
    async setTraffic(traffic, what, signal) {
        const service = await this.getService();
        const deadline = Date.now() + this.target.timeoutMs;
        const after = await this.patchService(service, { traffic }, what, deadline, signal);
        const reported = after.trafficStatuses?.length ? after.trafficStatuses : (after.traffic ?? []);
        if (!sameTraffic(reported, traffic))
            throw new src.ShipkitError(`${what}: the service reports traffic ${describeShares(trafficShares(after))}, not what was written.`);
        return after;
    }
}
/** The image references of the release for each mapped container (`<repository>@<digest>`, never a tag). */
function cloudRunImageRefs(target, images) {
    return (0,ecs/* containerImageRefs */.Dc)({ containerImages: target.containerImages, field: target.field }, images);
}
/**
 * The release's revision, Ready: when it exists (an earlier deploy of the release), it is checked to
 * run the release's digests and reused — nothing is created; otherwise the service's template is
 * patched with the containers' images pinned to the digests and the revision's name, and its traffic
 * pinned as it is (so the new revision takes none), and both the operation and the revision's Ready
 * condition are waited for within the timeout.
 */
async function ensureRevision(client, release, images, signal) {
    const target = client.target;
    const revision = revisionName(target.service, release);
    const deadline = Date.now() + target.timeoutMs;
    const existing = await client.getRevision(revision);
    const refs = images === undefined ? undefined : cloudRunImageRefs(target, images);
    if (existing) {
        if (refs) {
            const off = Object.entries(refs).filter(([container, ref]) => existing.containers?.find((entry) => entry.name === container)?.image !== ref);
            if (off.length) {
                throw new src.ShipkitError(`Revision ${revision} of ${target.service} exists and runs ${off.map(([container]) => `${container}: ${existing.containers?.find((entry) => entry.name === container)?.image ?? 'nothing'}`).join(', ')}, not release ${release}'s ${off.map(([container, ref]) => `${container}: ${ref}`).join(', ')}.`, {
                    hint: 'A release name always means the same images: build a new release (a new tag or commit) instead.',
                });
            }
        }
        client.log(`Revision ${revision} of ${release} exists already: reused, nothing created.`);
        await client.waitRevisionReady(revision, deadline, signal);
        return { revision, created: false };
    }
    if (!refs) {
        throw new src.ShipkitError(`Cloud Run service ${target.service} has no revision ${revision} for release ${release}, and no images were given to create one.`, {
            hint: "Deploy the release with build-images' images output (deploy-env's images input).",
        });
    }
    const service = await client.getService();
    const containers = (service.template?.containers ?? []).map((container) => ({ ...container }));
    for (const [name, ref] of Object.entries(refs)) {
        const container = containers.find((entry) => entry.name === name);
        if (!container)
            throw new src.ShipkitError(`${target.field}.container-images names container ${JSON.stringify(name)}, but service ${target.service} has ${containers.map((entry) => JSON.stringify(entry.name ?? '')).join(', ') || 'no containers'}.`);
        container.image = ref;
    }
    const traffic = pinnedTraffic(service);
    client.log(`Creating revision ${revision} of ${target.service} (${Object.entries(refs).map(([container, ref]) => `${container}: ${ref}`).join(', ')}); traffic stays ${describeShares(trafficShares(service))}.`);
    try {
        await client.patchService(service, { template: { ...service.template, revision, containers }, traffic }, `the update of service ${target.service} to revision ${revision}`, deadline, signal);
    }
    catch (error) {
        if (error instanceof CloudRunCancelledError)
            throw error;
        // The operation failed or ran out of time: the revision's Ready condition says why.
        const ready = (await client.getRevision(revision).catch(() => undefined))?.conditions?.find((condition) => condition.type === 'Ready');
        if (!ready?.message || (0,src.errorMessage)(error).includes(ready.message))
            throw error;
        throw new src.ShipkitError(`${(0,src.errorMessage)(error).replace(/\.$/, '')}; revision ${revision} is not Ready (${ready.state ?? '?'}): ${ready.message}`, { hint: error instanceof src.ShipkitError ? error.hint : undefined, cause: error });
    }
    await client.waitRevisionReady(revision, deadline, signal);
    return { revision, created: true };
}
/** Checks a cloud-run change before anything is written: the service exists and is readable; for a deploy, every mapped image has a digest and every mapped container exists. */
async function checkCloudRunTarget(client, images, deploy) {
    const target = client.target;
    if (deploy) {
        if (images === undefined) {
            throw new src.ShipkitError(`Input "images" is required for a cloud-run target: build-images' images output, whose digests the new revision runs (${target.field}).`, {
                hint: 'images: ${{ steps.build.outputs.images }} (or from-release, to reuse a deployed release\'s images).',
            });
        }
        cloudRunImageRefs(target, images);
    }
    const service = await client.getService();
    if (deploy) {
        const containers = (service.template?.containers ?? []).map((container) => container.name ?? '');
        for (const container of Object.keys(target.containerImages)) {
            if (!containers.includes(container))
                throw new src.ShipkitError(`${target.field}.container-images names container ${JSON.stringify(container)}, but service ${target.service} has ${containers.map((name) => JSON.stringify(name)).join(', ') || 'no containers'}.`);
        }
    }
    return service;
}


/***/ }),

/***/ 36989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ createEcsClient),
/* harmony export */   Dc: () => (/* binding */ containerImageRefs),
/* harmony export */   Hs: () => (/* binding */ deployEcs),
/* harmony export */   L5: () => (/* binding */ resolveEcsTarget),
/* harmony export */   ZM: () => (/* binding */ describeEcsServices),
/* harmony export */   Zo: () => (/* binding */ checkEcsTarget),
/* harmony export */   wP: () => (/* binding */ pointServicesAt),
/* harmony export */   wf: () => (/* binding */ ecsServiceKey)
/* harmony export */ });
/* unused harmony exports DEFAULT_ECS_TIMEOUT, EcsRolloutError, EcsRolledBackError, taskDefinitionRevision, waitForStable */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(80212);
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29480);



/** How the ledger keys a service: `cluster/service`. */
function ecsServiceKey(service) {
    return `${service.cluster}/${service.service}`;
}
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const CLUSTER = /^(?:[A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255})$/;
const DEFAULT_ECS_TIMEOUT = '10m';
/**
 * The ECS services of an environment (direct) or of one slot (blue-green), from the config:
 * `ecs: { cluster, service | services, task-definition, container-images, timeout }`, a slot's
 * `ecs: { service | services }` naming its own services. Every name, file and mapping is checked
 * here, before anything changes.
 */
function resolveEcsTarget(config, slotConfig, fieldPrefix, slotField, workspace) {
    if (!config)
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${fieldPrefix}.ecs is required for target ecs: { cluster, service, task-definition, container-images }.`);
    const field = `${fieldPrefix}.ecs`;
    if (!config.cluster || !CLUSTER.test(config.cluster))
        throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.invalidInput)(`${field}.cluster`, config.cluster, 'an ECS cluster name (letters, digits, - and _) or a cluster ARN');
    const listField = slotField ? `${slotField}.ecs` : field;
    const source = slotField ? slotConfig : config;
    if (slotField && !slotConfig)
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${slotField}.ecs is required for a blue-green ecs target: { service } (each slot runs its own service).`);
    const entries = source?.services ?? (source?.service ? [source.service] : []);
    if (!entries.length)
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${listField} names no service: set service (or services: [...]).`);
    const seen = new Set();
    const services = entries.map((entry, index) => {
        const at = source?.services ? `${listField}.services[${index}]` : `${listField}.service`;
        const spec = typeof entry === 'string' ? { service: entry } : entry;
        if (!spec.service || !NAME.test(spec.service))
            throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.invalidInput)(typeof entry === 'string' ? at : `${at}.service`, spec.service, 'an ECS service name (letters, digits, - and _)');
        if (seen.has(spec.service))
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${at} repeats service ${JSON.stringify(spec.service)}.`);
        seen.add(spec.service);
        const taskDefinition = spec['task-definition'] ?? config['task-definition'];
        const taskField = spec['task-definition'] !== undefined ? `${at}.task-definition` : `${field}.task-definition`;
        if (!taskDefinition)
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${field}.task-definition is required: a task definition family, or a JSON file in the repository (e.g. deploy/api-task.json).`);
        const containerImages = spec['container-images'] ?? config['container-images'];
        const imagesField = spec['container-images'] !== undefined ? `${at}.container-images` : `${field}.container-images`;
        if (!containerImages || !Object.keys(containerImages).length)
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${imagesField} is required: which container runs which image, e.g. { api: shop-backend } (image names as in build-images' images output).`);
        for (const [container, image] of Object.entries(containerImages)) {
            if (!NAME.test(container))
                throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.invalidInput)(`${imagesField}.${container}`, container, 'a container name of the task definition');
            if (typeof image !== 'string' || !/^[a-z0-9][a-z0-9._/-]*$/.test(image))
                throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.invalidInput)(`${imagesField}.${container}`, image, "an image name from build-images' images output (e.g. shop-backend)");
        }
        return { cluster: config.cluster, service: spec.service, taskDefinition: taskDefinitionSource(taskDefinition, taskField, workspace), containerImages, field: at };
    });
    const timeoutMs = (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.parseTimeout)(config.timeout ?? DEFAULT_ECS_TIMEOUT, `${field}.timeout`);
    if (timeoutMs > 6 * 3_600_000)
        throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.invalidInput)(`${field}.timeout`, config.timeout, 'a duration of at most 6h (a GitHub job runs at most 6h)');
    return { services, timeoutMs, region: config.region, endpoint: config.endpoint };
}
function taskDefinitionSource(value, field, workspace) {
    if (!value.endsWith('.json')) {
        if (!NAME.test(value))
            throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.invalidInput)(field, value, 'a task definition family (letters, digits, - and _) or a .json file in the repository');
        return { family: value };
    }
    // By real path, inside the workspace; errors never quote the file (see @shipkit/core readFileInside).
    const { file, text } = (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.readFileInside)(field, value, { workspace, kind: 'task definition file', expected: 'a .json file inside the repository (or RUNNER_TEMP)' });
    const definition = readTaskDefinitionFile(file, field, text);
    return { file, family: definition.family, definition };
}
function readTaskDefinitionFile(file, field, text) {
    const parsed = (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.parseJsonFile)(text, `${field}: ${node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(file)}`);
    const definition = parsed;
    if (!definition || typeof definition !== 'object' || typeof definition.family !== 'string' || !NAME.test(definition.family) || !Array.isArray(definition.containerDefinitions) || !definition.containerDefinitions.length) {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${field}: ${node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(file)} is not a task definition: expected an object with family and containerDefinitions (as \`aws ecs describe-task-definition\` prints under taskDefinition).`);
    }
    return definition;
}
/**
 * Checks an ecs deploy before anything changes: every mapped image is in `images` with a digest,
 * and every service exists (ACTIVE) in its cluster. Errors name the input or the config field.
 */
async function checkEcsTarget(target, images, client = createEcsClient(target)) {
    if (images === undefined) {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`Input "images" is required for an ecs target: build-images' images output, whose digests the new task definition revisions run (${target.services.map((service) => service.field).join(', ')}).`, {
            hint: 'images: ${{ steps.build.outputs.images }} (or from-release, to reuse a deployed release\'s images).',
        });
    }
    for (const service of target.services)
        containerImageRefs(service, images);
    await describeEcsServices(client, target.services);
    // Every mapped container exists in the task definition each service is registered from: found here,
    // not after other services' revisions were registered.
    for (const service of target.services) {
        const base = await baseTaskDefinition(client, service);
        const containers = (base.containerDefinitions ?? []).map((container) => container.name);
        for (const container of Object.keys(service.containerImages)) {
            if (!containers.includes(container)) {
                throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${service.field}: container-images names container ${JSON.stringify(container)}, but task definition ${service.taskDefinition.family} has ${containers.map((name) => JSON.stringify(name)).join(', ') || 'no containers'}.`);
            }
        }
    }
}
/** The task definition a service's new revision is registered from: its JSON file, or the family's latest ACTIVE revision. */
async function baseTaskDefinition(client, service) {
    if ('file' in service.taskDefinition)
        return service.taskDefinition.definition;
    try {
        const described = await client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition: service.taskDefinition.family, include: ['TAGS'] }));
        return { ...described.taskDefinition, tags: described.tags?.length ? described.tags : undefined };
    }
    catch (error) {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${service.field}: could not read task definition family ${service.taskDefinition.family}: ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.errorMessage)(error)}`, {
            hint: 'Register the family once (your infrastructure code), or point task-definition at a JSON file in the repository.',
        });
    }
}
function createEcsClient(target) {
    return new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .ECSClient */ .Zgc({ ...(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.awsClientSettings)('ECS', { endpoint: target.endpoint }), ...(target.region ? { region: target.region } : {}) });
}
/**
 * The image reference of each mapped container: `<repository>@<digest>` from build-images' images
 * output — never a mutable tag. Throws (naming the field and what the output holds) when an image
 * is missing or was not pushed (no digest).
 */
function containerImageRefs(service, images, imagesField = 'images') {
    const list = Array.isArray(images) ? images : images && typeof images === 'object' ? Object.entries(images).map(([name, entry]) => ({ name, ...entry })) : [];
    const refs = {};
    for (const [container, name] of Object.entries(service.containerImages)) {
        const entry = list.find((image) => image?.name === name);
        if (!entry) {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${service.field}: container ${container} runs image ${JSON.stringify(name)}, but the ${imagesField} (build-images' images output) has ${list.length ? list.map((image) => JSON.stringify(image?.name)).join(', ') : 'no images'}.`, {
                hint: "Pass build-images' images output to deploy-env (images: ${{ steps.build.outputs.images }}), and name the image as in the config's images list.",
            });
        }
        if (!entry.digest || !/^sha256:[0-9a-f]{64}$/.test(entry.digest) || !entry.repository) {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${service.field}: image ${JSON.stringify(name)} has no digest in the ${imagesField} (it was not pushed?); services run digests, never a mutable tag.`);
        }
        refs[container] = `${entry.repository}@${entry.digest}`;
    }
    return refs;
}
/** Fields DescribeTaskDefinition returns that RegisterTaskDefinition does not take. */
const READ_ONLY = ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt'];
/** A rollout that failed or timed out; `pointedBack`: every service changed runs its previous task definition again. */
class EcsRolloutError extends _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError {
    pointedBack = false;
}
/**
 * ECS rolled the service back by itself (the deployment circuit breaker with `rollback: true`): the
 * new deployment FAILED and ECS's own rollback deployment of `rolledBackTo` (the last COMPLETED one)
 * is stable. shipkit leaves that rollback alone.
 */
class EcsRolledBackError extends EcsRolloutError {
    service;
    rolledBackTo;
    constructor(message, service, rolledBackTo, options) {
        super(message, options);
        this.service = service;
        this.rolledBackTo = rolledBackTo;
    }
}
/** `shop-api:3` of a task definition ARN (or the name itself), and its revision. */
function taskDefinitionRevision(arn) {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const revision = Number(name.slice(name.lastIndexOf(':') + 1));
    return { name, revision: name.includes(':') && Number.isInteger(revision) ? revision : undefined };
}
/**
 * Deploys a release to every service of the target together: registers one task definition
 * revision per service whose images are the release's digests (or takes the revisions the ledger
 * knows for it), updates every service, and waits until every rollout is COMPLETED with running =
 * desired, within the timeout. When any rollout fails or times out, every service changed is
 * pointed back at the task definition it ran before (and waited for), then an EcsRolloutError says
 * which service failed, its events and its stopped tasks' reasons.
 */
async function deployEcs(options) {
    const { client, target } = options;
    const log = options.log ?? ((line) => _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.runner.info(line));
    const current = await describeEcsServices(client, target.services);
    const previous = {};
    for (const service of target.services)
        previous[ecsServiceKey(service)] = current.get(ecsServiceKey(service)).taskDefinition;
    const taskDefinitions = {};
    // Known revisions (rollback, restore) are re-pointed; the others are registered with the release's digests.
    const toRegister = target.services.filter((service) => !options.taskDefinitions?.[ecsServiceKey(service)]);
    for (const service of target.services)
        if (options.taskDefinitions?.[ecsServiceKey(service)])
            taskDefinitions[ecsServiceKey(service)] = options.taskDefinitions[ecsServiceKey(service)];
    if (toRegister.length && options.images === undefined) {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`The ledger knows no task definition of ${options.release} for ${toRegister.map(ecsServiceKey).join(', ')}, and no images were given to register one.`, {
            hint: "Deploy the release with build-images' images output (deploy-env's images input).",
        });
    }
    // Every image resolved before anything is registered.
    const refs = new Map(toRegister.map((service) => [ecsServiceKey(service), containerImageRefs(service, options.images)]));
    for (const service of toRegister) {
        const key = ecsServiceKey(service);
        taskDefinitions[key] = await registerRevision(client, service, refs.get(key), options.release);
        log(`Registered ${taskDefinitions[key]} for ${key} (${Object.entries(refs.get(key)).map(([container, ref]) => `${container}: ${ref}`).join(', ')}).`);
    }
    const registered = toRegister.length > 0;
    const changed = [];
    try {
        for (const service of target.services) {
            const arn = taskDefinitions[ecsServiceKey(service)];
            await client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .UpdateServiceCommand */ .kZr({ cluster: service.cluster, service: service.service, taskDefinition: arn }));
            changed.push(service);
            log(`Updated service ${ecsServiceKey(service)} to ${arn}.`);
        }
        await Promise.all(target.services.map((service) => waitForStable(client, service, taskDefinitions[ecsServiceKey(service)], target.timeoutMs, options.pollMs, log, options.signal)));
    }
    catch (error) {
        const back = await pointBack(client, changed, previous, target.timeoutMs, options.pollMs, log);
        const failure = new EcsRolloutError(`${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.errorMessage)(error)}\n${back.message}`, { hint: error instanceof _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError ? error.hint : undefined, cause: error });
        failure.pointedBack = back.ok;
        throw failure;
    }
    return { taskDefinitions, previous, registered };
}
/**
 * Points every service of `target` at the task definition `taskDefinitions` names for it (what it
 * ran before a change) and waits until each is stable on it; a service already stable there is left
 * alone. The undo of an ecs change, in the main step or in the post step of a cancelled one.
 */
async function pointServicesAt(client, target, taskDefinitions, pollMs, log = (line) => _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.runner.info(line)) {
    const services = target.services.filter((service) => taskDefinitions[ecsServiceKey(service)]);
    return pointBack(client, services, taskDefinitions, target.timeoutMs, pollMs, log);
}
async function pointBack(client, changed, previous, timeoutMs, pollMs, log) {
    if (!changed.length)
        return { ok: true, message: 'No service had been changed.' };
    const results = await Promise.all(changed.map(async (service) => {
        const key = ecsServiceKey(service);
        try {
            const described = (await client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .DescribeServicesCommand */ .H7c({ cluster: service.cluster, services: [service.service] }))).services?.[0];
            const primary = described?.deployments?.find((deployment) => deployment.status === 'PRIMARY');
            // Already there (ECS's own rollback, or an earlier undo): update nothing, only wait until it is stable.
            if (described?.taskDefinition !== previous[key] || primary?.taskDefinition !== previous[key])
                await client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .UpdateServiceCommand */ .kZr({ cluster: service.cluster, service: service.service, taskDefinition: previous[key] }));
            else
                log(`${key} already runs ${previous[key]} again (ECS's own rollback, or an earlier undo): left as it is.`);
            await waitForStable(client, service, previous[key], timeoutMs, pollMs, log);
            return { key, ok: true };
        }
        catch (error) {
            return { key, ok: false, error: (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.errorMessage)(error) };
        }
    }));
    const failed = results.filter((result) => !result.ok);
    if (!failed.length)
        return { ok: true, message: `Every changed service is back on its previous task definition (${changed.map((service) => `${ecsServiceKey(service)}: ${previous[ecsServiceKey(service)]}`).join(', ')}) and stable.` };
    return { ok: false, message: `Pointing back FAILED for ${failed.map((result) => `${result.key} (${result.error})`).join(', ')}; check those services now.` };
}
/** Every service, described (ACTIVE, with its task definition), by `cluster/service`; errors name the config field. */
async function describeEcsServices(client, services) {
    const found = new Map();
    const byCluster = new Map();
    for (const service of services)
        byCluster.set(service.cluster, [...(byCluster.get(service.cluster) ?? []), service]);
    for (const [cluster, all] of byCluster) {
        // DescribeServices takes at most ten services a call.
        for (let start = 0; start < all.length; start += 10) {
            const list = all.slice(start, start + 10);
            let output;
            try {
                output = await client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .DescribeServicesCommand */ .H7c({ cluster, services: list.map((service) => service.service) }));
            }
            catch (error) {
                throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`Could not describe the ECS services ${list.map((service) => service.service).join(', ')} in cluster ${cluster}: ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.errorMessage)(error)}`, {
                    hint: 'Check the cluster and service names, the region, and that the credentials allow ecs:DescribeServices.',
                });
            }
            for (const service of list) {
                const described = output.services?.find((entry) => entry.serviceName === service.service);
                if (!described || described.status !== 'ACTIVE' || !described.taskDefinition) {
                    throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${service.field}: service ${JSON.stringify(service.service)} does not exist (or is not ACTIVE) in cluster ${cluster}.`, {
                        hint: 'shipkit deploys to existing services; create the service (with your infrastructure code) first.',
                    });
                }
                const controller = described.deploymentController?.type;
                if (controller && controller !== 'ECS') {
                    throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${service.field}: service ${JSON.stringify(service.service)} in cluster ${cluster} uses the ${controller} deployment controller; shipkit deploys through UpdateService, which needs the ECS (rolling update) controller.`, {
                        hint: controller === 'CODE_DEPLOY' ? 'Deploy that service with CodeDeploy, or switch it to the ECS deployment controller and let shipkit do blue-green with two services and the alb router.' : 'Services under the EXTERNAL controller are changed through task sets; give shipkit services with the ECS deployment controller.',
                    });
                }
                found.set(ecsServiceKey(service), described);
            }
        }
    }
    return found;
}
async function registerRevision(client, service, refs, release) {
    const base = await baseTaskDefinition(client, service);
    const input = { ...base };
    for (const field of READ_ONLY)
        delete input[field];
    const containers = (base.containerDefinitions ?? []).map((container) => ({ ...container }));
    for (const [name, ref] of Object.entries(refs)) {
        const container = containers.find((entry) => entry.name === name);
        if (!container)
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`${service.field}: container-images names container ${JSON.stringify(name)}, but task definition ${service.taskDefinition.family} has ${containers.map((entry) => JSON.stringify(entry.name)).join(', ') || 'no containers'}.`);
        container.image = ref;
    }
    const tags = [...(input.tags ?? []).filter((tag) => tag.key !== 'shipkit:release'), { key: 'shipkit:release', value: release.slice(0, 256) }];
    const output = await client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .RegisterTaskDefinitionCommand */ .$Hl({ ...input, containerDefinitions: containers, tags }));
    const arn = output.taskDefinition?.taskDefinitionArn;
    if (!arn)
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.ShipkitError(`ECS registered no task definition for ${ecsServiceKey(service)}.`);
    return arn;
}
/**
 * Waits until the service's PRIMARY deployment runs `taskDefinition`, its rolloutState is
 * COMPLETED (or, without a rollout state, it is the only deployment) and running = desired. A
 * FAILED rollout (circuit breaker), a rollback by ECS itself, or the timeout throws with the
 * service's latest events and the stopped tasks' reasons.
 */
async function waitForStable(client, service, taskDefinition, timeoutMs, pollMs, log = (line) => _shipkit_core__WEBPACK_IMPORTED_MODULE_1__.runner.info(line), signal) {
    const started = Date.now();
    const key = ecsServiceKey(service);
    let lastState = '';
    for (let poll = 0;; poll++) {
        if (signal?.aborted)
            throw new EcsRolloutError(`The rollout of ${taskDefinition} on ${key} was cancelled while it was being waited for.`);
        const described = (await client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .DescribeServicesCommand */ .H7c({ cluster: service.cluster, services: [service.service] }))).services?.[0];
        const deployments = described?.deployments ?? [];
        const primary = deployments.find((deployment) => deployment.status === 'PRIMARY');
        const ours = deployments.find((deployment) => deployment.taskDefinition === taskDefinition);
        const state = `${primary?.taskDefinition === taskDefinition ? (primary?.rolloutState ?? 'no rollout state') : 'another deployment is primary'}, running ${primary?.runningCount ?? 0}/${primary?.desiredCount ?? '?'}`;
        if (state !== lastState)
            log(`${key}: ${state}.`);
        lastState = state;
        const failed = ours?.rolloutState === 'FAILED';
        const movedAway = !!primary && primary.taskDefinition !== taskDefinition && described?.taskDefinition !== taskDefinition;
        const ecsRollsBack = described?.deploymentConfiguration?.deploymentCircuitBreaker?.rollback === true;
        // ECS's own rollback: the breaker (rollback on) failed our deployment and ECS started a PRIMARY one
        // of the last COMPLETED task definition (ours ACTIVE and FAILED, or already drained and gone).
        if (ecsRollsBack && movedAway && (failed || !ours)) {
            const reason = (ours?.rolloutStateReason ?? failedEvent(described) ?? 'ECS deployment circuit breaker: the deployment failed').replace(/\.$/, '');
            throw await ecsRollback(client, service, described, primary.taskDefinition, taskDefinition, reason, { timeoutMs, pollMs, log, signal, started });
        }
        // Failed with rollback on but ECS has not started its rollback deployment yet: wait for it.
        if (failed && ecsRollsBack && !movedAway && Date.now() - started < timeoutMs) {
            await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.sleep)(Math.min(pollMs ?? (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.pollDelay)(poll, 8000), Math.max(0, timeoutMs - (Date.now() - started))) || 1, signal);
            continue;
        }
        if (failed || movedAway) {
            const reason = ours?.rolloutStateReason ?? `ECS rolled service ${key} back to ${primary?.taskDefinition}`;
            throw new EcsRolloutError(`The rollout of ${taskDefinition} on ${key} failed: ${reason.replace(/\.$/, '')}.${await diagnostics(client, service, described, taskDefinition, started)}`, {
                hint: 'The stopped tasks\' reasons and the service events above usually name the cause (image pull, health checks, missing permissions, resources).',
            });
        }
        if (primary?.taskDefinition === taskDefinition && primary.runningCount === primary.desiredCount && (primary.rolloutState === 'COMPLETED' || (primary.rolloutState === undefined && deployments.length === 1))) {
            log(`${key} is stable on ${taskDefinition} (${primary.runningCount} running) after ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.formatDuration)(Date.now() - started)}.`);
            return;
        }
        if (Date.now() - started >= timeoutMs) {
            throw new EcsRolloutError(`The rollout of ${taskDefinition} on ${key} did not complete within ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.formatDuration)(timeoutMs)} (${state}).${await diagnostics(client, service, described, taskDefinition, started)}`, {
                hint: `Raise ecs.timeout (now ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.formatDuration)(timeoutMs)}) if the service needs longer to become stable.`,
            });
        }
        // 0.25 s doubling, then every 8 s (ECS rollouts take minutes; the first answers come quickly).
        await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.sleep)(Math.min(pollMs ?? (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.pollDelay)(poll, 8000), Math.max(0, timeoutMs - (Date.now() - started))) || 1, signal);
    }
}
/** The reason of the latest "deployment ... deployment failed: <reason>" service event, as ECS words it after a circuit breaker tripped. */
function failedEvent(described) {
    const message = (described?.events ?? []).map((event) => event.message ?? '').find((text) => / deployment failed: /.test(text));
    return message ? `ECS deployment circuit breaker: ${message.slice(message.indexOf(' deployment failed: ') + ' deployment failed: '.length)}` : undefined;
}
/**
 * ECS is rolling `service` back to `rolledBackTo` by itself: waits (up to the timeout again) until
 * that rollback deployment is stable, and returns the error that says so — never an update of
 * shipkit's own over ECS's rollback.
 */
async function ecsRollback(client, service, described, rolledBackTo, taskDefinition, reason, wait) {
    const key = ecsServiceKey(service);
    const { name, revision } = taskDefinitionRevision(rolledBackTo);
    const to = `revision ${revision ?? '?'} (${name})`;
    wait.log(`${key}: ECS's deployment circuit breaker failed ${taskDefinitionRevision(taskDefinition).name} (${reason}) and ECS is rolling the service back to ${to}; waiting for that rollback.`);
    const details = await diagnostics(client, service, described, taskDefinition, wait.started);
    const hint = "ECS's own rollback (deployment circuit breaker, rollback on) put the service back on the last deployment that completed; the stopped tasks' reasons and the service events above usually name the cause of the failure.";
    try {
        await waitForStable(client, service, rolledBackTo, wait.timeoutMs, wait.pollMs, wait.log, wait.signal);
    }
    catch (error) {
        // The wait's own first line (what it waited for, how long, the state it saw); the events and stopped tasks once, below.
        return new EcsRolloutError(`ECS is rolling back ${key} to ${to} after: ${reason}, and that rollback did not become stable: ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.errorMessage)(error).split('\n')[0]}${details}`, {
            hint: `ECS's own rollback (deployment circuit breaker, rollback on) to ${to} has not become stable, so the service may be running neither release yet. Watch it in the ECS console (the events and stopped tasks above name the cause); raise ecs.timeout if it only needs longer.`,
            cause: error,
        });
    }
    return new EcsRolledBackError(`ECS rolled back ${key} to ${to}: ${reason}.${details}`, key, rolledBackTo, { hint });
}
/** The service's events since the update and its stopped tasks' reasons (up to 5 each), for a failure message. */
async function diagnostics(client, service, described, taskDefinition, since) {
    const lines = [];
    const events = (described?.events ?? []).filter((event) => !event.createdAt || event.createdAt.getTime() >= since - 60_000).slice(0, 5);
    if (events.length)
        lines.push('Service events:', ...events.map((event) => `  ${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`.trimEnd()));
    try {
        const stopped = await client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .ListTasksCommand */ .MYg({ cluster: service.cluster, serviceName: service.service, desiredStatus: 'STOPPED' }));
        const arns = (stopped.taskArns ?? []).slice(0, 20);
        if (arns.length) {
            const tasks = (await client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .DescribeTasksCommand */ .z8X({ cluster: service.cluster, tasks: arns }))).tasks ?? [];
            const ours = tasks.filter((task) => task.taskDefinitionArn === taskDefinition).slice(0, 5);
            if (ours.length) {
                lines.push('Stopped tasks:');
                for (const task of ours) {
                    const containers = (task.containers ?? []).filter((container) => container.reason || container.exitCode !== undefined).map((container) => `${container.name}: ${container.reason ?? `exit code ${container.exitCode}`}`);
                    lines.push(`  ${task.taskArn?.split('/').pop()}: ${task.stoppedReason ?? 'stopped'}${containers.length ? ` (${containers.join('; ')})` : ''}`);
                }
            }
        }
    }
    catch (error) {
        lines.push(`(could not list the stopped tasks: ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_1__.errorMessage)(error)})`);
    }
    return lines.length ? `\n${lines.join('\n')}` : '';
}


/***/ }),

/***/ 59933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AF: () => (/* binding */ previewCommentBody),
/* harmony export */   Pl: () => (/* binding */ GitHubDeployment),
/* harmony export */   dX: () => (/* binding */ upsertPreviewComment),
/* harmony export */   j9: () => (/* binding */ deactivateDeployments),
/* harmony export */   rd: () => (/* binding */ deploymentMirror)
/* harmony export */ });
/* unused harmony export previewMarker */
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29480);

/**
 * A GitHub API client: GITHUB_API_URL (GHES, tests) else api.github.com; no retries (every call here
 * is best effort). The client (Octokit, its HTTP client and undici) loads on the first call to
 * GitHub, not when the action starts: most steps never talk to GitHub before their work is done.
 */
async function octokitFor(token) {
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 92413));
    const octokit = getOctokit(token, { baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com', request: { retries: 0 } });
    // Every request's parameters (deployment descriptions, comments) pass the redaction (docs/design.md).
    octokit.hook.before('request', (options) => {
        for (const [key, value] of Object.entries(options))
            if (!['headers', 'request', 'url', 'method', 'baseUrl', 'mediaType'].includes(key))
                options[key] = (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.redactDeep)(value);
    });
    return octokit;
}
/**
 * Mirrors a deploy or rollback to GitHub Deployments, best-effort: a failure to talk to GitHub
 * is a warning, never a failed deploy. The API base comes from GITHUB_API_URL (GHES and tests).
 */
class GitHubDeployment {
    mirror;
    id;
    octokit;
    token;
    owner;
    repo;
    /** `existingId`: a deployment created earlier (e.g. by the main step, for the post step to finish). */
    constructor(mirror, existingId) {
        this.mirror = mirror;
        this.mirror = { ...mirror };
        this.id = existingId;
        const [owner, repo] = (mirror.repository ?? '').split('/');
        if (mirror.token && owner && repo) {
            this.token = mirror.token;
            this.owner = owner;
            this.repo = repo;
        }
    }
    /** Points the deployment (before start) at the release and commit an operation turned out to be about: a rollback's target. */
    retarget(target) {
        if (target.release)
            this.mirror.release = target.release;
        if (target.ref)
            this.mirror.ref = target.ref;
        if (target.description)
            this.mirror.description = target.description;
    }
    /** The GitHub deployment id once created. */
    get deploymentId() {
        return this.id;
    }
    get enabled() {
        return !!this.token;
    }
    /** The API client, made on first use. */
    client() {
        this.octokit ??= octokitFor(this.token);
        return this.octokit;
    }
    async start() {
        if (!this.token)
            return;
        try {
            const response = await (await this.client()).rest.repos.createDeployment({
                owner: this.owner,
                repo: this.repo,
                ref: this.mirror.ref,
                environment: this.mirror.environment,
                description: this.mirror.description.slice(0, 140),
                auto_merge: false,
                required_contexts: [],
                payload: { release: this.mirror.release, shipkit: true },
                production_environment: this.mirror.production,
                ...(this.mirror.transient ? { transient_environment: true } : {}),
            });
            const data = response.data;
            this.id = data.id;
            await this.status('in_progress');
        }
        catch (error) {
            _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runner.warning(`Could not mirror to GitHub Deployments (${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.errorMessage)(error)}); the ledger has the record.`);
        }
    }
    async status(state, description) {
        if (!this.token || this.id === undefined)
            return;
        try {
            await (await this.client()).rest.repos.createDeploymentStatus({
                owner: this.owner,
                repo: this.repo,
                deployment_id: this.id,
                state,
                description: (description ?? this.mirror.description).slice(0, 140),
                environment_url: this.mirror.environmentUrl,
                log_url: this.mirror.logUrl,
                auto_inactive: state === 'success',
            });
        }
        catch (error) {
            _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runner.warning(`Could not update the GitHub deployment status (${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.errorMessage)(error)}).`);
        }
    }
}
/**
 * The mirror of one shipkit operation on an environment, built the same way by deploy-env,
 * blue-green-switch and rollback: the run's commit and log, the environment's URL, and
 * `production` for the environment named production.
 */
function deploymentMirror(options) {
    return new GitHubDeployment({
        token: options.token,
        repository: options.run.repository,
        // The release's own commit (from the ledger) where known: a rollback run on the default branch is not about its head.
        ref: options.commit || options.run.sha || options.run.ref,
        environment: options.environment.name,
        release: options.release,
        description: options.description,
        environmentUrl: options.environment.url,
        logUrl: (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runUrl)(options.run),
        production: options.environment.name === 'production',
        transient: options.environment.preview !== undefined,
    });
}
/** The hidden marker that finds a preview's comment again: one comment per pull request and preview environment. */
function previewMarker(template) {
    return `<!-- shipkit-preview:${template} -->`;
}
/** What a preview's pull request comment says: the URL, the release, the commit, when and by which run. */
function previewCommentBody(preview, now = new Date()) {
    return [
        `**Preview${preview.template === 'preview' ? '' : ` (${preview.template})`}** of this pull request: ${preview.url ?? '(the environment has no url)'}`,
        '',
        '| | |',
        '| --- | --- |',
        `| release | \`${preview.release}\` |`,
        `| commit | ${preview.commit.slice(0, 7)} |`,
        `| updated | ${now.toISOString().replace(/\.\d+Z$/, 'Z')}${preview.runUrl ? ` by [this run](${preview.runUrl})` : ''} |`,
        '',
        'Removed when the pull request is closed.',
    ].join('\n');
}
/**
 * Creates the preview's comment on the pull request, or updates the one it posted before (found
 * by its hidden marker), so a pull request has one comment per preview however often it is pushed.
 * Best effort: a failure is a warning.
 */
async function upsertPreviewComment(comment) {
    const [owner, repo] = comment.repository.split('/');
    const marker = previewMarker(comment.template);
    const body = `${marker}\n${comment.body}`;
    try {
        const octokit = await octokitFor(comment.token);
        const existing = (await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: comment.pr, per_page: 100 })).find((entry) => entry.body?.includes(marker));
        if (existing) {
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
            return 'updated';
        }
        await octokit.rest.issues.createComment({ owner, repo, issue_number: comment.pr, body });
        return 'created';
    }
    catch (error) {
        _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runner.warning(`Could not comment on pull request #${comment.pr} (${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.errorMessage)(error)}); the preview itself is deployed.`);
        return 'failed';
    }
}
/** Marks every GitHub deployment of `environment` inactive (a removed preview). Best effort. */
async function deactivateDeployments(options) {
    const [owner, repo] = options.repository.split('/');
    try {
        const octokit = await octokitFor(options.token);
        const deployments = await octokit.paginate(octokit.rest.repos.listDeployments, { owner, repo, environment: options.environment, per_page: 100 });
        for (const deployment of deployments) {
            await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: deployment.id, state: 'inactive', description: options.description.slice(0, 140) });
        }
        return deployments.length;
    }
    catch (error) {
        _shipkit_core__WEBPACK_IMPORTED_MODULE_0__.runner.warning(`Could not mark the GitHub deployments of ${options.environment} inactive (${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_0__.errorMessage)(error)}).`);
        return 0;
    }
}


/***/ }),

/***/ 52650:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ KubeClient),
/* harmony export */   OI: () => (/* binding */ rolloutStatus),
/* harmony export */   gv: () => (/* binding */ isWorkload),
/* harmony export */   hS: () => (/* binding */ waitForRollouts),
/* harmony export */   iz: () => (/* binding */ loadKubeconfig)
/* harmony export */ });
/* unused harmony exports kubeconfigFiles, KubeApiError, WORKLOAD_KINDS, podReasons */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(38815);
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(29480);







/** The kubeconfig files: `KUBECONFIG` (a list, like kubectl: the first file defining a name wins), else ~/.kube/config. */
function kubeconfigFiles(env = process.env) {
    const list = (env.KUBECONFIG ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_4___default().delimiter)).filter(Boolean);
    return list.length ? list : [node_path__WEBPACK_IMPORTED_MODULE_4___default().join(env.HOME ?? node_os__WEBPACK_IMPORTED_MODULE_3___default().homedir(), '.kube', 'config')];
}
function readKubeconfigs(files) {
    const merged = { contexts: [], clusters: [], users: [], current: undefined };
    const dirs = new Map();
    let found = 0;
    for (const file of files) {
        let text;
        try {
            text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
        }
        catch {
            continue;
        }
        found++;
        let parsed;
        try {
            parsed = (yaml__WEBPACK_IMPORTED_MODULE_5__.parse(text) ?? {});
        }
        catch (error) {
            // The YAML error quotes no value of the file (it may hold a token): only where it is.
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.ShipkitError(`The kubeconfig ${file} is not valid YAML (${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.errorMessage)(error).split('\n')[0]?.replace(/:.*$/, '')}).`);
        }
        merged.current ??= parsed['current-context'] || undefined;
        for (const kind of ['contexts', 'clusters', 'users']) {
            for (const entry of parsed[kind] ?? []) {
                if (!entry?.name || merged[kind].some((known) => known.name === entry.name))
                    continue;
                merged[kind].push(entry);
                dirs.set(entry, node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(file));
            }
        }
    }
    if (!found) {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.ShipkitError(`No kubeconfig found (looked at ${files.join(', ')}).`, {
            hint: 'Set up cluster credentials before this step (azure/aks-set-context, google-github-actions/get-gke-credentials, `aws eks update-kubeconfig`, or a kubeconfig from a secret written to a file named by KUBECONFIG).',
        });
    }
    return { config: merged, dirs };
}
const data = (value) => (typeof value === 'string' && value ? Buffer.from(value, 'base64') : undefined);
/**
 * The connection of the kubeconfig context `context` (default: current-context), or of the context
 * whose cluster's server is `server`. `field` names the config field in errors.
 */
async function loadKubeconfig(options) {
    const files = kubeconfigFiles(options.env);
    const { config, dirs } = readKubeconfigs(files);
    const clusterOf = (name) => config.clusters.find((cluster) => cluster.name === name);
    let context;
    if (options.server) {
        const server = options.server.replace(/\/+$/, '');
        context = config.contexts.find((candidate) => String(clusterOf(candidate.context?.cluster)?.cluster?.server ?? '').replace(/\/+$/, '') === server);
        if (!context) {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.ShipkitError(`${options.field}.server has an invalid value ${JSON.stringify(options.server)}: expected the server of a cluster in the kubeconfig (${config.clusters.map((cluster) => String(cluster.cluster?.server ?? '?')).join(', ') || 'none'}).`);
        }
    }
    else {
        const name = options.context ?? config.current;
        if (!name)
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.ShipkitError(`The kubeconfig (${files.join(', ')}) has no current-context: set ${options.field}.context.`);
        context = config.contexts.find((candidate) => candidate.name === name);
        if (!context) {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.ShipkitError(`${options.context ? `${options.field}.context has an invalid value ${JSON.stringify(name)}` : `The kubeconfig's current-context ${JSON.stringify(name)} is not defined`}: expected one of the kubeconfig's contexts (${config.contexts.map((candidate) => candidate.name).join(', ') || 'none'}).`);
        }
    }
    const clusterEntry = clusterOf(context.context?.cluster);
    if (!clusterEntry?.cluster?.server)
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.ShipkitError(`The kubeconfig context ${JSON.stringify(context.name)} names cluster ${JSON.stringify(context.context?.cluster)}, which the kubeconfig does not define (or it has no server).`);
    const cluster = clusterEntry.cluster;
    const userEntry = config.users.find((user) => user.name === context.context?.user);
    const user = userEntry?.user ?? {};
    const fileOf = (owner, value) => (typeof value === 'string' && value ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(dirs.get(owner) ?? '.', value)) : undefined);
    const connection = {
        server: String(cluster.server).replace(/\/+$/, ''),
        context: context.name,
        ca: data(cluster['certificate-authority-data']) ?? fileOf(clusterEntry, cluster['certificate-authority']),
        insecure: cluster['insecure-skip-tls-verify'] === true,
        tlsServerName: typeof cluster['tls-server-name'] === 'string' ? cluster['tls-server-name'] : undefined,
        cert: data(user['client-certificate-data']) ?? fileOf(userEntry, user['client-certificate']),
        key: data(user['client-key-data']) ?? fileOf(userEntry, user['client-key']),
    };
    if (typeof user.token === 'string' && user.token)
        connection.token = user.token;
    else if (typeof user.tokenFile === 'string' && user.tokenFile)
        connection.token = fileOf(userEntry, user.tokenFile).toString('utf8').trim();
    if (typeof user.username === 'string' && typeof user.password === 'string') {
        (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.addSecret)(user.password);
        connection.basic = Buffer.from(`${user.username}:${user.password}`).toString('base64');
    }
    if (user.exec && typeof user.exec === 'object')
        Object.assign(connection, await execCredential(user.exec, context.name));
    if (connection.token)
        (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.addSecret)(connection.token);
    if (connection.basic)
        (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.addSecret)(connection.basic);
    if (connection.key)
        (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.addSecret)(connection.key.toString('utf8'));
    return connection;
}
/** Runs the kubeconfig's exec credential plugin (argument array, output never echoed) and takes its token or client certificate. */
async function execCredential(config, context) {
    if (!config.command)
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.ShipkitError(`The kubeconfig context ${JSON.stringify(context)} has an exec credential plugin without a command.`);
    const env = { KUBERNETES_EXEC_INFO: JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', spec: { interactive: false } }) };
    for (const entry of config.env ?? [])
        env[entry.name] = entry.value;
    const result = await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.exec)(config.command, config.args ?? [], { env, silent: true, label: `the kubeconfig's credential plugin ${node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(config.command)}` });
    let status;
    try {
        status = JSON.parse(result.stdout).status;
    }
    catch {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.ShipkitError(`The kubeconfig's credential plugin ${node_path__WEBPACK_IMPORTED_MODULE_4___default().basename(config.command)} printed no ExecCredential JSON.`);
    }
    if (status?.token)
        (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.addSecret)(status.token);
    if (status?.clientKeyData)
        (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.addSecret)(status.clientKeyData);
    return {
        ...(status?.token ? { token: status.token } : {}),
        ...(status?.clientCertificateData ? { cert: Buffer.from(status.clientCertificateData) } : {}),
        ...(status?.clientKeyData ? { key: Buffer.from(status.clientKeyData) } : {}),
    };
}
/** An answer of the API server that is not a success; `status` is the HTTP status. */
class KubeApiError extends _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.ShipkitError {
    status;
    reason;
    constructor(message, status, reason) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.name = 'KubeApiError';
    }
}
/** The API of one cluster: requests, discovery, server-side apply, reads. */
class KubeClient {
    connection;
    agent;
    discovered = new Map();
    constructor(connection) {
        this.connection = connection;
        const url = new URL(connection.server);
        this.agent =
            url.protocol === 'https:'
                ? new (node_https__WEBPACK_IMPORTED_MODULE_2___default().Agent)({ keepAlive: true, ca: connection.ca, cert: connection.cert, key: connection.key, rejectUnauthorized: !connection.insecure, servername: connection.tlsServerName })
                : new (node_http__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ keepAlive: true });
    }
    close() {
        this.agent.destroy();
    }
    /** One request; JSON answers parsed; a non-2xx answer throws KubeApiError with the server's message (never a credential). */
    async request(method, apiPath, body, contentType = 'application/json') {
        const url = new URL(this.connection.server + apiPath);
        const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
        const headers = { accept: 'application/json', 'user-agent': 'shipkit' };
        if (payload) {
            headers['content-type'] = contentType;
            headers['content-length'] = String(payload.length);
        }
        if (this.connection.token)
            headers.authorization = `Bearer ${this.connection.token}`;
        else if (this.connection.basic)
            headers.authorization = `Basic ${this.connection.basic}`;
        const client = url.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_2___default()) : (node_http__WEBPACK_IMPORTED_MODULE_1___default());
        const answer = await new Promise((resolve, reject) => {
            const req = client.request(url, { method, headers, agent: this.agent, timeout: 60_000 }, (res) => {
                const chunks = [];
                res.on('data', (chunk) => chunks.push(chunk));
                res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
                res.on('error', reject);
            });
            req.on('timeout', () => req.destroy(new Error('no answer within 60s')));
            req.on('error', (error) => reject(new _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.ShipkitError(`Could not reach the Kubernetes API at ${this.connection.server} (context ${this.connection.context}): ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.errorMessage)(error)}`)));
            req.end(payload);
        });
        let parsed;
        try {
            parsed = answer.text ? JSON.parse(answer.text) : undefined;
        }
        catch {
            parsed = undefined;
        }
        if (answer.status >= 200 && answer.status < 300)
            return parsed;
        const status = parsed;
        throw new KubeApiError(`${method} ${url.pathname} answered ${answer.status}${status?.reason ? ` ${status.reason}` : ''}: ${status?.message ?? (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.redactedExcerpt)(answer.text)}`, answer.status, status?.reason);
    }
    /** The resource (plural name, namespaced) of a kind, from the API's discovery document of its group version. */
    async resourceOf(apiVersion, kind) {
        const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
        let resources = this.discovered.get(base);
        if (!resources) {
            resources = this.request('GET', base).then((list) => (list?.resources ?? []).filter((resource) => !resource.name.includes('/')));
            this.discovered.set(base, resources);
            resources.catch(() => this.discovered.delete(base));
        }
        let found;
        try {
            found = (await resources).find((resource) => resource.kind === kind);
        }
        catch (error) {
            if (error instanceof KubeApiError && error.status === 404)
                found = undefined;
            else
                throw error;
        }
        if (!found)
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.ShipkitError(`The cluster does not serve ${kind} (${apiVersion}): is its CustomResourceDefinition installed?`);
        return found;
    }
    async pathOf(object, namespace) {
        const resource = await this.resourceOf(object.apiVersion, object.kind);
        const base = object.apiVersion.includes('/') ? `/apis/${object.apiVersion}` : `/api/${object.apiVersion}`;
        const ns = resource.namespaced ? `/namespaces/${encodeURIComponent(object.metadata.namespace ?? namespace ?? 'default')}` : '';
        return `${base}${ns}/${resource.name}${object.metadata.name ? `/${encodeURIComponent(object.metadata.name)}` : ''}`;
    }
    /** Server-side apply with field manager `shipkit`; `force` takes over fields another manager (kubectl, a former pipeline) owned. */
    async apply(object, force = true) {
        const where = await this.pathOf(object);
        return this.request('PATCH', `${where}?fieldManager=shipkit${force ? '&force=true' : ''}`, object, 'application/apply-patch+yaml');
    }
    async get(object) {
        try {
            return await this.request('GET', await this.pathOf(object));
        }
        catch (error) {
            if (error instanceof KubeApiError && error.status === 404)
                return undefined;
            throw error;
        }
    }
    async list(apiVersion, kind, namespace, query = {}) {
        const where = await this.pathOf({ apiVersion, kind, metadata: { namespace } });
        const search = new URLSearchParams(query).toString();
        const answer = await this.request('GET', `${where}${search ? `?${search}` : ''}`);
        return answer?.items ?? [];
    }
}
/** The workloads whose rollouts a deploy waits for. */
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
function isWorkload(object) {
    return object.apiVersion === 'apps/v1' && WORKLOAD_KINDS.has(object.kind);
}
/** Where a workload's rollout stands: done, failed (with the reason), or progressing (with a line for the log). */
function rolloutStatus(object) {
    const spec = (object.spec ?? {});
    const status = (object.status ?? {});
    const generation = object.metadata.generation ?? 0;
    const observed = Number(status.observedGeneration ?? 0);
    const name = `${object.kind.toLowerCase()}/${object.metadata.name}`;
    if (observed < generation)
        return { done: false, progress: `${name}: waiting for the controller to observe generation ${generation}` };
    const num = (key) => Number(status[key] ?? 0);
    if (object.kind === 'Deployment') {
        const progressing = (status.conditions ?? []).find((condition) => condition.type === 'Progressing');
        if (progressing?.reason === 'ProgressDeadlineExceeded')
            return { done: false, failed: `${name} exceeded its progress deadline: ${progressing.message ?? 'no message'}`, progress: '' };
        const want = spec.replicas ?? 1;
        const line = `${name}: ${num('updatedReplicas')}/${want} updated, ${num('availableReplicas')} available, ${num('replicas')} total`;
        return { done: num('updatedReplicas') >= want && num('replicas') <= num('updatedReplicas') && num('availableReplicas') >= num('updatedReplicas'), progress: line };
    }
    if (object.kind === 'StatefulSet') {
        const want = spec.replicas ?? 1;
        const line = `${name}: ${num('updatedReplicas')}/${want} updated, ${num('readyReplicas')} ready`;
        if (spec.updateStrategy?.type === 'OnDelete')
            return { done: true, progress: line };
        const revisions = status.updateRevision === undefined || status.currentRevision === status.updateRevision;
        return { done: num('updatedReplicas') >= want && num('readyReplicas') >= want && revisions, progress: line };
    }
    // DaemonSet
    const want = num('desiredNumberScheduled');
    const line = `${name}: ${num('updatedNumberScheduled')}/${want} updated, ${num('numberAvailable')} available`;
    return { done: num('updatedNumberScheduled') >= want && num('numberAvailable') >= want, progress: line };
}
/** Why a workload's pods do not run, as the cluster tells it: waiting and terminated reasons, then Warning events. */
async function podReasons(client, workload, namespace) {
    const reasons = [];
    const selector = (workload.spec?.selector?.matchLabels) ?? {};
    const labelSelector = Object.entries(selector).map(([key, value]) => `${key}=${value}`).join(',');
    try {
        const pods = labelSelector ? await client.list('v1', 'Pod', namespace, { labelSelector }) : [];
        for (const pod of pods.slice(0, 10)) {
            const statuses = (pod.status?.containerStatuses) ?? [];
            for (const container of statuses) {
                for (const [state, detail] of Object.entries(container.state ?? {})) {
                    if (state === 'running' || !detail?.reason)
                        continue;
                    reasons.push(`pod ${pod.metadata.name} container ${container.name}: ${detail.reason}${detail.message ? ` (${detail.message})` : ''}`);
                }
            }
            const events = await client.list('v1', 'Event', namespace, { fieldSelector: `involvedObject.name=${pod.metadata.name}` });
            for (const event of events.filter((item) => item.type === 'Warning').slice(-3))
                reasons.push(`pod ${pod.metadata.name} event ${String(event.reason)}: ${String(event.message ?? '')}`);
        }
    }
    catch (error) {
        reasons.push(`(the pods could not be read: ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.errorMessage)(error)})`);
    }
    return reasons;
}
/**
 * Waits until every workload's rollout is complete (observedGeneration, updated and available
 * replicas), or fails at the first ProgressDeadlineExceeded, at `timeoutMs`, or when `signal`
 * aborts — with the pods' reasons in the error.
 */
async function waitForRollouts(client, workloads, namespace, timeoutMs, options = {}) {
    const log = options.log ?? ((line) => _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.runner.info(line));
    const started = Date.now();
    const pending = new Map(workloads.map((workload) => [`${workload.kind}/${workload.metadata.name}`, workload]));
    const last = new Map();
    let poll = 0;
    const fail = async (workload, why) => {
        const reasons = await podReasons(client, workload, namespace);
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.ShipkitError(`The rollout of ${workload.kind.toLowerCase()}/${workload.metadata.name} in namespace ${namespace} failed: ${why}${reasons.length ? `\nPods:\n${reasons.map((reason) => `  ${reason}`).join('\n')}` : ''}`);
    };
    while (pending.size) {
        for (const [key, workload] of [...pending]) {
            const now = await client.get(workload);
            if (!now)
                await fail(workload, 'it does not exist any more');
            const status = rolloutStatus(now);
            if (status.failed)
                await fail(now, status.failed);
            if (status.done) {
                log(`${key.toLowerCase()} rolled out (${status.progress.replace(/^[^:]*: /, '')}).`);
                pending.delete(key);
            }
            else if (last.get(key) !== status.progress) {
                log(status.progress);
                last.set(key, status.progress);
            }
        }
        if (!pending.size)
            return;
        if (options.signal?.aborted)
            throw options.signal.reason instanceof Error ? options.signal.reason : new _shipkit_core__WEBPACK_IMPORTED_MODULE_6__.ShipkitError('Cancelled while waiting for the rollouts.');
        if (Date.now() - started >= timeoutMs) {
            const [first] = pending.values();
            await fail(first, `not complete after ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.formatDuration)(timeoutMs)} (${[...pending.keys()].map((key) => last.get(key) ?? key).join('; ')})`);
        }
        const wait = options.pollMs ?? (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.pollDelay)(poll++, 5000);
        await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_6__.sleep)(Math.max(1, Math.min(wait, timeoutMs - (Date.now() - started))), options.signal);
    }
}


/***/ }),

/***/ 85306:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ withEnvironmentLease)
/* harmony export */ });
/* unused harmony export acquireEnvironmentLease */
/* harmony import */ var _shipkit_ledger__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82816);
/* harmony import */ var _locations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11288);


/** Takes the environment's lease for this run (waiting per env.lock), as the GitHub run from the environment. */
function acquireEnvironmentLease(env, client, operation) {
    return _shipkit_ledger__WEBPACK_IMPORTED_MODULE_0__/* .EnvironmentLease */ .EN.acquire({
        client,
        state: env.state,
        app: env.app,
        environment: env.name,
        operation,
        run: { ...(0,_shipkit_ledger__WEBPACK_IMPORTED_MODULE_0__/* .runInfoFromEnv */ .PB)(), job: process.env.GITHUB_JOB || undefined },
        timeoutMs: env.lock.timeoutMs,
        expiryMs: env.lock.expiryMs,
    });
}
/**
 * Runs `work` holding the environment's lease: one deploy, switch, rollback or retention at a
 * time per environment, from before the first record to after the last. Released however the
 * work ends; a killed run's lease expires (env.lock.expiryMs after its last renewal).
 */
async function withEnvironmentLease(env, client, options, work) {
    // Nothing is written (not even the lease) before the stores are known to exist and be reachable.
    await (0,_locations_js__WEBPACK_IMPORTED_MODULE_1__/* .checkEnvironmentStores */ .UM)(env, client);
    await options.validate?.();
    const lease = await acquireEnvironmentLease(env, client, options.operation);
    options.onAcquired?.(lease);
    if (lease.takenOver && options.ledger)
        options.ledger.noteLeaseTakeover(lease.takenOver);
    try {
        return await work(lease);
    }
    finally {
        if (await lease.release())
            options.onReleased?.();
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


/***/ }),

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

/***/ 45296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E6: () => (/* binding */ commandList),
/* harmony export */   Ho: () => (/* binding */ installLocation),
/* harmony export */   IU: () => (/* binding */ slotUrl),
/* harmony export */   g9: () => (/* binding */ resolveEnvironment),
/* harmony export */   iT: () => (/* binding */ ecsTargetOf),
/* harmony export */   xZ: () => (/* binding */ DEFAULT_KEEP_ROLLBACK),
/* harmony export */   xh: () => (/* binding */ DEFAULT_RETENTION)
/* harmony export */ });
/* unused harmony export retentionSettings */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shipkit_azure__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58600);
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29480);
/* harmony import */ var _shipkit_s3__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(70671);
/* harmony import */ var _locations_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(11288);
/* harmony import */ var _ecs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(36989);
/* harmony import */ var _cloud_run_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(29494);
/* harmony import */ var _preview_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4672);
/* harmony import */ var _shipkit_ledger__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82816);









const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const APP_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const DEFAULT_RETENTION = 10;
const DEFAULT_KEEP_ROLLBACK = 3;
/** An environment's retention settings from its config field (a number, or { keep, keep-rollback }). */
function retentionSettings(field) {
    if (typeof field === 'number')
        return { keep: field, keepRollback: DEFAULT_KEEP_ROLLBACK };
    return { keep: field?.keep ?? DEFAULT_RETENTION, keepRollback: field?.['keep-rollback'] ?? DEFAULT_KEEP_ROLLBACK };
}
/** A command spec as an argument list; a single string is one program or script path, never a shell line. */
function commandList(spec, field) {
    if (spec === undefined)
        return undefined;
    const args = typeof spec === 'string' ? [spec] : [...spec];
    if (!args.length || !args[0]?.trim()) {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_2__.ShipkitError(`${field} is empty: expected a program and its arguments, e.g. ["./deploy/deploy.sh", "--wait"].`);
    }
    return args;
}
/**
 * Resolves environment `name` from the config (when there is one) merged with `inputs`.
 * Every problem is reported before anything is changed, naming the field or input.
 */
function resolveEnvironment(loaded, name, inputs = {}, workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()) {
    if (!ENVIRONMENT_NAME.test(name))
        throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.invalidInput)('environment', name, 'an environment name of letters, digits, "_" and "-"');
    const config = loaded?.config;
    // Own properties only: `constructor` or `toString` are not environments.
    const defined = config?.environments && Object.hasOwn(config.environments, name) ? config.environments[name] : undefined;
    if (loaded && !defined && !inputs.target) {
        const known = Object.keys(config?.environments ?? {});
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_2__.ShipkitError(`Input "environment" has an invalid value ${JSON.stringify(name)}: expected one of the environments in ${loaded.file} (${known.length ? known.join(', ') : 'none defined'}).`, {
            hint: 'Define it under `environments:` in the config file, or give its settings as inputs (target, bucket, ...).',
        });
    }
    (0,_preview_js__WEBPACK_IMPORTED_MODULE_5__/* .checkPreviewTemplates */ .Eb)(loaded);
    let fromFile = defined ?? {};
    if (fromFile.preview) {
        if (!inputs.preview) {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_2__.ShipkitError(`Environment ${JSON.stringify(name)} is a preview template (preview: true): it is deployed for a pull request, whose number fills {pr}; this run is not for one.`, {
                hint: 'Run it on a pull_request event (see .github/workflows/pipeline-preview.yml), or give remove-preview the pr input.',
            });
        }
        const target = inputs.preview;
        fromFile = { ...fromFile, s3: fromFile.s3 ? { ...fromFile.s3, prefix: (0,_preview_js__WEBPACK_IMPORTED_MODULE_5__/* .expandPreview */ .dL)(fromFile.s3.prefix ?? '', target) } : undefined, url: fromFile.url ? (0,_preview_js__WEBPACK_IMPORTED_MODULE_5__/* .expandPreview */ .dL)(fromFile.url, target) : undefined };
    }
    const where = (field) => (loaded ? `${loaded.file}: environments.${name}.${field}` : `input "${field}"`);
    const app = inputs.app || config?.app;
    if (!app)
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_2__.ShipkitError('No app name: set `app:` in the config file or the "app" input.');
    if (!APP_NAME.test(app))
        throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.invalidInput)('app', app, 'lowercase letters, digits, ".", "_" and "-"');
    const stateText = inputs.state || config?.state;
    if (!stateText) {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_2__.ShipkitError(`Environment ${JSON.stringify(name)} has no state store: set \`state: s3://bucket/prefix\` in the config file or the "state" input.`, {
            hint: 'The state store keeps the environment ledger and the release store.',
        });
    }
    const state = (0,_shipkit_ledger__WEBPACK_IMPORTED_MODULE_4__/* .parseStateLocation */ .uh)(stateText, 'state');
    const target = inputs.target ?? fromFile.target;
    if (!target)
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_2__.ShipkitError(`Environment ${JSON.stringify(name)} has no target: set environments.${name}.target (s3, command, ecs or cloud-run) or the "target" input.`);
    const strategy = inputs.strategy ?? fromFile.strategy ?? 'direct';
    let s3 = fromFile.s3 ? { ...fromFile.s3 } : undefined;
    if (inputs.bucket)
        s3 = { ...s3, bucket: inputs.bucket };
    if (inputs.prefix !== undefined && inputs.prefix !== '' && s3)
        s3.prefix = inputs.prefix;
    if (s3 && !BUCKET.test(s3.bucket) && !(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.isAzureBucket)(s3.bucket))
        throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.invalidInput)(inputs.bucket ? 'bucket' : `environments.${name}.s3.bucket`, s3.bucket, 'an S3 bucket name (3-63 lowercase letters, digits, "." and "-") or an Azure Blob <account>/<container>');
    const slots = fromFile.slots ? { blue: { ...fromFile.slots.blue }, green: { ...fromFile.slots.green } } : undefined;
    const deploy = inputs.deploy?.length ? inputs.deploy : commandList(fromFile.deploy, where('deploy'));
    const fileRetention = retentionSettings(fromFile.retention);
    const retention = inputs.retention ?? fileRetention.keep;
    const retentionFor = {};
    for (const [other, definition] of Object.entries(config?.environments ?? {}))
        retentionFor[other] = retentionSettings(definition.retention);
    retentionFor[name] = { keep: retention, keepRollback: fileRetention.keepRollback };
    if (!Number.isInteger(retention) || retention < 1)
        throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.invalidInput)('retention', retention, 'a whole number of releases, at least 1');
    if (strategy === 'blue-green' && !slots) {
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_2__.ShipkitError(`Environment ${JSON.stringify(name)} uses strategy blue-green but defines no slots: set environments.${name}.slots.blue and .green.`);
    }
    // No two locations of the app may overlap: an install with deletions into one would remove the
    // other's files (a slot inside the other slot, an environment inside the state store or the CDN).
    const locations = [['s3', s3], ['slots.blue.s3', slots?.blue.s3], ['slots.green.s3', slots?.green.s3]];
    const overrides = { state };
    if (s3)
        overrides[`environments.${name}.s3`] = s3;
    const all = (0,_locations_js__WEBPACK_IMPORTED_MODULE_6__/* .configLocations */ .D1)(loaded, overrides).map((location) => location.field === `environments.${name}.s3` && (inputs.bucket || inputs.prefix) ? { ...location, field: inputs.bucket ? 'input "bucket"' : 'input "prefix"' } : location);
    (0,_locations_js__WEBPACK_IMPORTED_MODULE_6__/* .checkNoOverlap */ .Hc)(all, loaded?.file);
    // Installs are server-side copies from the release store: both must be reachable through one S3
    // endpoint, or be in one Azure storage account (Copy Blob within an account needs no SAS).
    for (const [field, location] of locations) {
        if (!location)
            continue;
        const [here, store] = [(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.parseAzureBucket)(location.bucket), (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.parseAzureBucket)(state.bucket)];
        if (!!here !== !!store || (here && store && here.account !== store.account)) {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_2__.ShipkitError(`Environment ${JSON.stringify(name)}: ${field} (${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.storeUrl)(location.bucket)}) is ${here ? `in Azure storage account ${here.account}` : 'on S3'}, but the state store (${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.storeUrl)(state.bucket, state.prefix)}) is ${store ? `in Azure storage account ${store.account}` : 'on S3'}.`, { hint: 'Releases are installed by server-side copy from the release store: keep the state store and the install locations on one service (one S3 endpoint, or one Azure storage account).' });
        }
        if (location.endpoint && location.endpoint !== config?.aws?.endpoint) {
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_2__.ShipkitError(`Environment ${JSON.stringify(name)}: ${field}.endpoint (${location.endpoint}) differs from the state store's endpoint (${config?.aws?.endpoint ?? 'the AWS default'}).`, {
                hint: 'Releases are installed by server-side copy from the release store, which only works within one S3 service; set aws.endpoint instead.',
            });
        }
    }
    let ecs;
    // The ECS services, when the environment names them (the ecs target requires them: @shipkit/targets).
    if (fromFile.ecs) {
        const prefix = `${loaded?.file ? `${loaded.file}: ` : ''}environments.${name}`;
        const ecsConfig = fromFile.ecs ? { ...fromFile.ecs, region: fromFile.ecs.region ?? config?.aws?.region } : undefined;
        ecs =
            strategy === 'blue-green'
                ? { slots: { blue: (0,_ecs_js__WEBPACK_IMPORTED_MODULE_7__/* .resolveEcsTarget */ .L5)(ecsConfig, slots?.blue.ecs, prefix, `${prefix}.slots.blue`, workspace), green: (0,_ecs_js__WEBPACK_IMPORTED_MODULE_7__/* .resolveEcsTarget */ .L5)(ecsConfig, slots?.green.ecs, prefix, `${prefix}.slots.green`, workspace) } }
                : { direct: (0,_ecs_js__WEBPACK_IMPORTED_MODULE_7__/* .resolveEcsTarget */ .L5)(ecsConfig, undefined, prefix, undefined, workspace) };
        if (ecs.slots) {
            const shared = ecs.slots.blue.services.filter((service) => ecs.slots.green.services.some((other) => other.cluster === service.cluster && other.service === service.service));
            if (shared.length)
                throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_2__.ShipkitError(`${prefix}.slots.blue.ecs and .slots.green.ecs share service ${shared.map((service) => service.service).join(', ')}: each slot needs its own (a deploy into the idle slot would change the live one).`);
        }
    }
    // The Cloud Run service, when the environment names it (the cloud-run target requires it: @shipkit/targets).
    const cloudRun = fromFile['cloud-run'] ? (0,_cloud_run_js__WEBPACK_IMPORTED_MODULE_8__/* .resolveCloudRunTarget */ .us)(fromFile['cloud-run'], `${loaded?.file ? `${loaded.file}: ` : ''}environments.${name}`) : undefined;
    const lockTimeoutMs = inputs.lockTimeoutMs ?? (config?.lock?.timeout !== undefined ? (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.parseDuration)(config.lock.timeout, `${loaded?.file ?? 'config'}: lock.timeout`) : _shipkit_ledger__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_LOCK_TIMEOUT_MS */ .L$);
    const lockExpiryMs = config?.lock?.expiry !== undefined ? (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.parseDuration)(config.lock.expiry, `${loaded?.file ?? 'config'}: lock.expiry`) : _shipkit_ledger__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_LEASE_EXPIRY_MS */ .MJ;
    if (lockExpiryMs < 5000 || lockExpiryMs > 24 * 3_600_000)
        throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.invalidInput)(`${loaded?.file ?? 'config'}: lock.expiry`, config?.lock?.expiry, 'a duration from 5s to 24h');
    if (lockTimeoutMs > 24 * 3_600_000)
        throw (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.invalidInput)('lock-timeout', lockTimeoutMs, 'a duration of at most 24h');
    const url = inputs.url || fromFile.url;
    if (url)
        (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.checkHttpUrl)(inputs.url ? 'url' : `${loaded?.file ? `${loaded.file}: ` : ''}environments.${name}.url`, url);
    for (const slot of ['blue', 'green']) {
        const slotUrlValue = slots?.[slot].url;
        if (slotUrlValue)
            (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_2__.checkHttpUrl)(`${loaded?.file ? `${loaded.file}: ` : ''}environments.${name}.slots.${slot}.url`, slotUrlValue);
    }
    return {
        name: fromFile.preview && inputs.preview ? (0,_preview_js__WEBPACK_IMPORTED_MODULE_5__/* .previewName */ .gz)(name, inputs.preview.pr) : name,
        ...(fromFile.preview && inputs.preview ? { preview: { template: name, ...inputs.preview } } : {}),
        app,
        state,
        target,
        ...(ecs ? { ecs } : {}),
        ...(cloudRun ? { cloudRun } : {}),
        ...(fromFile.kubernetes ? { kubernetes: fromFile.kubernetes } : {}),
        strategy,
        s3,
        slots,
        router: fromFile.router,
        url: inputs.url || fromFile.url,
        deploy,
        preDeploy: commandList(fromFile['pre-deploy'], where('pre-deploy')),
        postDeploy: commandList(fromFile['post-deploy'], where('post-deploy')),
        env: { ...fromFile.env },
        retention,
        keepRollback: fileRetention.keepRollback,
        retentionFor,
        lock: { timeoutMs: lockTimeoutMs, expiryMs: lockExpiryMs },
        restoreOnFailure: fromFile['restore-on-failure'] ?? false,
        prune: fromFile.prune ?? 'owned',
        adopt: fromFile.adopt ?? false,
        azureCdn: fromFile['azure-cdn'] ? (0,_shipkit_azure__WEBPACK_IMPORTED_MODULE_1__/* .azureCdnTarget */ .s8)(fromFile['azure-cdn']) : undefined,
        cdn: fromFile.cdn ? { distributionId: fromFile.cdn['distribution-id'], invalidate: fromFile.cdn.invalidate, wait: fromFile.cdn.wait ?? true, endpoint: fromFile.cdn.endpoint } : undefined,
        cacheControl: fromFile['cache-control'] === undefined ? [] : (0,_shipkit_s3__WEBPACK_IMPORTED_MODULE_3__/* .parseCacheControlRules */ .Cp)([fromFile['cache-control']].flat().join('\n'), where('cache-control')),
        aws: { region: config?.aws?.region, endpoint: config?.aws?.endpoint, forcePathStyle: config?.aws?.['force-path-style'] },
        file: loaded?.file,
        workspace: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(workspace),
    };
}
/** Where a release is installed: the environment's bucket (direct) or the slot's (blue-green). */
/** The ECS services an install goes to: the slot's (blue-green) or the environment's. */
function ecsTargetOf(env, slot) {
    const target = slot ? env.ecs?.slots?.[slot] : env.ecs?.direct;
    if (!target)
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_2__.ShipkitError(`Environment ${JSON.stringify(env.name)} has no ECS services${slot ? ` for slot ${slot}` : ''}.`);
    return target;
}
function installLocation(env, slot) {
    const location = slot ? env.slots?.[slot]?.s3 : env.s3;
    if (!location)
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_2__.ShipkitError(`Environment ${JSON.stringify(env.name)} has no S3 location${slot ? ` for slot ${slot}` : ''}.`);
    return location;
}
/** The URL to test a slot at (blue-green), else the environment's URL. */
function slotUrl(env, slot) {
    return slot ? env.slots?.[slot]?.url : env.url;
}


/***/ })

};
