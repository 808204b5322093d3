import { ShipkitError } from '@shipkit/core';

/** Name of the hash manifest written into every published prefix. */
export const MANIFEST_NAME = '.shipkit-manifest.json';

/** `/a/b/` -> `a/b`; `` stays `` (the bucket root). Rejects prefixes that could escape or confuse. */
export function normalizePrefix(prefix: string | undefined, name = 'prefix'): string {
  const trimmed = (prefix ?? '').replace(/^\/+|\/+$/g, '');
  if (!trimmed) return '';
  const segments = trimmed.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..') || trimmed.includes('\\')) {
    throw new ShipkitError(`Input "${name}" has an invalid value ${JSON.stringify(prefix)}: expected a key prefix of "/"-separated names without empty, "." or ".." parts.`);
  }
  return trimmed;
}

/**
 * Checks a file's key relative to its prefix: posix, no leading slash, no empty, "." or ".."
 * segment, no backslash or control characters. So a joined key can never leave its prefix.
 */
export function checkRelativeKey(key: string): string {
  const bad =
    !key ||
    key.startsWith('/') ||
    key.includes('\\') ||
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    /[\u0000-\u001f\u007f]/.test(key) ||
    key.split('/').some((segment) => segment === '' || segment === '.' || segment === '..');
  if (bad) {
    throw new ShipkitError(`Refusing file key ${JSON.stringify(key)}: keys must be relative posix paths that stay inside the prefix.`);
  }
  if (key === MANIFEST_NAME) {
    throw new ShipkitError(`Refusing file key ${JSON.stringify(key)}: the name is reserved for shipkit's hash manifest.`);
  }
  return key;
}

export function joinKey(prefix: string, relativeKey: string): string {
  return prefix ? `${prefix}/${relativeKey}` : relativeKey;
}

/** The listing prefix for a (normalized) prefix: `a/b/`, or `` for the root. */
export function listingPrefix(prefix: string): string {
  return prefix ? `${prefix}/` : '';
}

export function manifestKey(prefix: string): string {
  return joinKey(prefix, MANIFEST_NAME);
}
