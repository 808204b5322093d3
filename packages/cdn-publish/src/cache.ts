import { cacheControlFor, IMMUTABLE, isEntryDocument, NO_CACHE, SHORT_TTL, type CacheControlRule } from '@shipkit/s3';

export { IMMUTABLE, NO_CACHE };
export const ALIAS_TTL = SHORT_TTL;

const firstMatch = (rules: readonly CacheControlRule[], key: string): string | undefined => (rules.length ? cacheControlFor(rules, key) : undefined);

/** Versioned paths never change: everything immutable, unless a user rule (first match wins) says otherwise. */
export function versionCacheControl(rules: readonly CacheControlRule[]): (key: string) => string {
  return (key) => firstMatch(rules, key) ?? IMMUTABLE;
}

/** Aliases move: entry documents (HTML, manifests, service workers) no-cache, everything else a short TTL. */
export function aliasCacheControl(rules: readonly CacheControlRule[]): (key: string) => string {
  return (key) => firstMatch(rules, key) ?? (isEntryDocument(key) ? NO_CACHE : ALIAS_TTL);
}
