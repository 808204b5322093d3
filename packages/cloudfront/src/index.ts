/** CloudFront invalidations within CloudFront's limits, shared by cdn-publish and the cloudfront router. */
export { createCloudFrontClient, invalidatePaths, invalidationStatus, isRetryableInvalidationError, waitForInvalidation, type CloudFrontClientOptions, type InvalidateOptions, type InvalidationResult } from './invalidate.js';
export { batchInvalidationPaths, changedPaths, WILDCARD_THRESHOLD, isWildcard, normalizeInvalidationPaths, MAX_PATHS_IN_PROGRESS, MAX_WILDCARDS_IN_PROGRESS } from './paths.js';
