export const id = 51;
export const ids = [51];
export const modules = {

/***/ 1051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createCloudFrontClient: () => (/* reexport */ createCloudFrontClient),
  invalidatePaths: () => (/* reexport */ invalidatePaths)
});

// UNUSED EXPORTS: MAX_PATHS_IN_PROGRESS, MAX_WILDCARDS_IN_PROGRESS, WILDCARD_THRESHOLD, batchInvalidationPaths, changedPaths, invalidationStatus, isRetryableInvalidationError, isWildcard, normalizeInvalidationPaths, waitForInvalidation

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudfront/dist-cjs/index.js
var dist_cjs = __webpack_require__(3169);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 20 modules
var src = __webpack_require__(5477);
// EXTERNAL MODULE: ./packages/cloudfront/src/paths.ts
var src_paths = __webpack_require__(3902);
;// CONCATENATED MODULE: ./packages/cloudfront/src/invalidate.ts





/** A CloudFront client (endpoint, retries and credentials as every shipkit AWS client: @shipkit/core's awsClientSettings). */
function createCloudFrontClient(options = {}) {
    const config = { ...(0,src.awsClientSettings)('CLOUDFRONT', options), region: options.region || 'us-east-1' };
    return new dist_cjs/* CloudFrontClient */.GHk(config);
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
        throw new src.ShipkitError(`Input "distribution-id" has an invalid value ${JSON.stringify(distributionId)}: expected a CloudFront distribution id such as E2QWRUHEXAMPLE.`);
    }
    const unique = (0,src_paths/* normalizeInvalidationPaths */.ot)(paths);
    const log = options.log ?? core/* info */.pq;
    const sleep = options.sleep ?? src.sleep;
    const batches = (0,src_paths/* batchInvalidationPaths */.J_)(unique, { maxPaths: options.maxPaths ?? src_paths/* MAX_PATHS_IN_PROGRESS */.qZ, maxWildcards: options.maxWildcards ?? src_paths/* MAX_WILDCARDS_IN_PROGRESS */.b$ });
    const result = { invalidations: [], paths: unique };
    const reference = `shipkit-${Date.now()}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    for (const [index, batch] of batches.entries()) {
        const callerReference = `${reference}-${index + 1}`;
        const created = await (0,src.retry)(async () => client.send(new dist_cjs/* CreateInvalidationCommand */.Yo6({ DistributionId: distributionId, InvalidationBatch: { CallerReference: callerReference, Paths: { Quantity: batch.length, Items: batch } } })), {
            attempts: options.attempts ?? 8,
            baseDelayMs: options.baseDelayMs ?? 5000,
            maxDelayMs: options.maxDelayMs ?? 60_000,
            retryable: isRetryableInvalidationError,
            sleep,
            onRetry: (error, attempt, delay) => log(`CloudFront refused the invalidation for now (${errorCode(error) || (0,src.errorMessage)(error)}); retry ${attempt} in ${Math.round(delay / 1000)}s`),
        }).catch((error) => {
            throw new src.ShipkitError(`Could not invalidate ${batch.length} path(s) on CloudFront distribution ${distributionId}: ${errorCode(error) ? `${errorCode(error)}: ` : ''}${(0,src.errorMessage)(error)}`, {
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
        return (await client.send(new dist_cjs/* GetInvalidationCommand */.Wwh({ DistributionId: distributionId, Id: id }))).Invalidation?.Status ?? 'Unknown';
    }
    catch (error) {
        throw new src.ShipkitError(`Could not read CloudFront invalidation ${id} on ${distributionId}: ${(0,src.errorMessage)(error)}`, { cause: error });
    }
}
/** Polls GetInvalidation until Completed (any case: some implementations say COMPLETED); throws after waitTimeoutMs. */
async function waitForInvalidation(client, distributionId, id, options = {}) {
    const deadline = Date.now() + (options.waitTimeoutMs ?? 20 * 60_000);
    const sleep = options.sleep ?? src.sleep;
    for (;;) {
        const status = await invalidationStatus(client, distributionId, id);
        if (status.toLowerCase() === 'completed')
            return 'Completed';
        if (Date.now() >= deadline) {
            throw new src.ShipkitError(`CloudFront invalidation ${id} on ${distributionId} is still ${status} after waiting.`, {
                hint: 'It will still complete on its own; raise the wait timeout or turn off waiting.',
            });
        }
        await sleep(options.pollIntervalMs ?? 10_000);
    }
}

;// CONCATENATED MODULE: ./packages/cloudfront/src/index.ts
/** CloudFront invalidations within CloudFront's limits, shared by cdn-publish and the cloudfront router. */




/***/ })

};
