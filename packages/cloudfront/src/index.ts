/** CloudFront invalidations within CloudFront's limits, shared by cdn-publish and the cloudfront router. */
export { createCloudFrontClient, invalidatePaths, isRetryableInvalidationError, waitForInvalidation, type CloudFrontClientOptions, type InvalidateOptions, type InvalidationResult } from './invalidate.js';
export { batchInvalidationPaths, isWildcard, normalizeInvalidationPaths, MAX_PATHS_IN_PROGRESS, MAX_WILDCARDS_IN_PROGRESS } from './paths.js';
