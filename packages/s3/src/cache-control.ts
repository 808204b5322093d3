import { minimatch } from 'minimatch';
import { ShipkitError } from '@shipkit/core';

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
    if (!match || !value || /[\r\n]/.test(value)) {
      throw new ShipkitError(`Input "${inputName}" has an invalid line ${JSON.stringify(line)}: expected \`glob: Cache-Control value\`, e.g. \`*.html: no-cache\`.`);
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
