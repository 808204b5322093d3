import { ShipkitError } from '@shipkit/core';

/** CloudFront's documented limits on invalidations in progress at one time, per distribution. */
export const MAX_PATHS_IN_PROGRESS = 3000;
export const MAX_WILDCARDS_IN_PROGRESS = 15;

export const isWildcard = (path: string): boolean => path.includes('*');

/**
 * Validates and de-duplicates invalidation paths: each starts with "/", a "*" may only end a
 * path; "/*" covers everything, and a wildcard `/a/*` makes every `/a/...` path redundant.
 */
export function normalizeInvalidationPaths(paths: readonly string[]): string[] {
  const cleaned: string[] = [];
  for (const raw of paths) {
    const path = raw.trim();
    if (!path) continue;
    if (!path.startsWith('/') || /\s/.test(path) || (path.includes('*') && path.indexOf('*') !== path.length - 1)) {
      throw new ShipkitError(`Invalid CloudFront invalidation path ${JSON.stringify(raw)}: expected a path starting with "/" with at most one "*", at its end.`);
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
export function batchInvalidationPaths(
  paths: readonly string[],
  limits: { maxPaths?: number; maxWildcards?: number } = {},
): string[][] {
  const maxPaths = limits.maxPaths ?? MAX_PATHS_IN_PROGRESS;
  const maxWildcards = limits.maxWildcards ?? MAX_WILDCARDS_IN_PROGRESS;
  const wildcards = paths.filter(isWildcard);
  const plain = paths.filter((path) => !isWildcard(path));
  const batches: string[][] = [];
  let current: string[] = [];
  let currentWildcards = 0;
  for (const path of [...wildcards, ...plain]) {
    const wildcard = isWildcard(path);
    if (current.length >= maxPaths || (wildcard && currentWildcards >= maxWildcards)) {
      batches.push(current);
      current = [];
      currentWildcards = 0;
    }
    current.push(path);
    if (wildcard) currentWildcards++;
  }
  if (current.length) batches.push(current);
  return batches;
}

/** More changed paths than this under one prefix are invalidated with one `/<prefix>/*` wildcard. */
export const WILDCARD_THRESHOLD = 50;

/**
 * CloudFront paths for changed keys under `prefix` ('' = the site root): each key (and its
 * directory for an index.html), or one `/<prefix>/*` wildcard when there are many.
 */
export function changedPaths(prefix: string, keys: readonly string[]): string[] {
  if (!keys.length) return [];
  const base = prefix ? `/${prefix.replace(/^\/+|\/+$/g, '')}/` : '/';
  if (keys.length > WILDCARD_THRESHOLD) return [`${base}*`];
  const paths = new Set<string>();
  for (const key of keys) {
    paths.add(encodeURI(`${base}${key}`));
    if (key === 'index.html' || key.endsWith('/index.html')) paths.add(encodeURI(`${base}${key.slice(0, -'index.html'.length)}`));
  }
  return [...paths].sort();
}
