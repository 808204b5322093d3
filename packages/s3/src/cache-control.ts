import { minimatch } from 'minimatch';
import { ShipkitError } from '@shipkit/core';
import { isEntryDocument } from './content-types.js';

export interface CacheControlRule {
  /** Glob on the key relative to the prefix (`**` matches dotfiles too). */
  pattern: string;
  value: string;
}

/** One value for every file, ordered rules (first match wins), or a function of the relative key. */
export type CacheControl = string | readonly CacheControlRule[] | ((key: string) => string | undefined);

/**
 * Parses rules given one per line as `glob: value` (first match wins), e.g.
 * `*.html: no-cache` / `assets/**: public, max-age=31536000, immutable`. A line without a glob
 * (`: value` or a value without a colon-separated glob) is refused so typos are not silently ignored.
 */
export function parseCacheControlRules(text: string, inputName = 'cache-control'): CacheControlRule[] {
  const rules: CacheControlRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(['"]?)([^'"\s:][^'":]*?)\1\s*:\s*(.+)$/.exec(line);
    const value = match?.[3].trim().replace(/^(['"])(.*)\1$/, '$2');
    // eslint-disable-next-line no-control-regex
    if (!match || !value || /[\u0000-\u001f\u007f]/.test(value)) {
      const where = inputName.includes(':') ? inputName : `Input "${inputName}"`;
      throw new ShipkitError(`${where} has an invalid line ${JSON.stringify(line.slice(0, 200))}: expected \`glob: Cache-Control value\` without control characters, e.g. \`*.html: no-cache\`.`);
    }
    rules.push({ pattern: match[2].trim(), value });
  }
  return rules;
}

/** The Cache-Control for a relative key, or undefined when nothing applies. */
export function cacheControlFor(cacheControl: CacheControl | undefined, key: string): string | undefined {
  if (cacheControl === undefined) return undefined;
  if (typeof cacheControl === 'string') return cacheControl || undefined;
  if (typeof cacheControl === 'function') return cacheControl(key);
  for (const rule of cacheControl) {
    if (minimatch(key, rule.pattern, { dot: true, matchBase: !rule.pattern.includes('/') })) return rule.value;
  }
  return undefined;
}

/** Content that never changes under its name (versioned paths, hashed assets). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Content that may change under its name: browsers and CDNs check back after five minutes. */
export const SHORT_TTL = 'public, max-age=300, must-revalidate';
/** Entry documents (HTML, manifests, service workers): always revalidated, so a new release or a rollback shows at once. */
export const NO_CACHE = 'no-cache';

/** A bundler's content-hashed file name: `app.3f2a9c1d.js`, `index-BXm4a9Z1.css` (8+ hash characters, one digit at least). */
export function isHashedAsset(key: string): boolean {
  const name = key.slice(key.lastIndexOf('/') + 1);
  return /[.-](?=[A-Za-z0-9_]*\d)[A-Za-z0-9_]{8,}\.[A-Za-z0-9]+$/.test(name);
}

/**
 * Cache-Control of files installed into a live location (deploy-env): the user's rules first (first
 * match wins), else entry documents `no-cache`, content-hashed assets immutable, the rest a short TTL.
 */
export function installCacheControl(rules: readonly CacheControlRule[] = []): (key: string) => string {
  return (key) => (rules.length ? cacheControlFor(rules, key) : undefined) ?? (isEntryDocument(key) ? NO_CACHE : isHashedAsset(key) ? IMMUTABLE : SHORT_TTL);
}
