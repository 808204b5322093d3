import { cacheControlFor, isEntryDocument, type CacheControlRule } from '@shipkit/s3';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const ALIAS_TTL = 'public, max-age=300, must-revalidate';
export const NO_CACHE = 'no-cache';

const firstMatch = (rules: readonly CacheControlRule[], key: string): string | undefined => (rules.length ? cacheControlFor(rules, key) : undefined);

/** Versioned paths never change: everything immutable, unless a user rule (first match wins) says otherwise. */
export function versionCacheControl(rules: readonly CacheControlRule[]): (key: string) => string {
  return (key) => firstMatch(rules, key) ?? IMMUTABLE;
}

/** Aliases move: entry documents (HTML, manifests, service workers) no-cache, everything else a short TTL. */
export function aliasCacheControl(rules: readonly CacheControlRule[]): (key: string) => string {
  return (key) => firstMatch(rules, key) ?? (isEntryDocument(key) ? NO_CACHE : ALIAS_TTL);
}
