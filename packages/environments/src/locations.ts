import { ShipkitError, type LoadedConfig, type S3Location, storeUrl } from '@shipkit/core';
import type { S3Client } from '@aws-sdk/client-s3';
import { parseStateLocation } from '@shipkit/ledger';
import { checkBucket } from '@shipkit/s3';
import type { ResolvedEnvironment } from './resolve.js';

/** One place the app writes to: an install location, the CDN location or the state store. */
export interface AppLocation {
  /** The config field or input that names it, e.g. `environments.staging.slots.blue.s3`. */
  field: string;
  bucket: string;
  /** Canonical prefix ('' = the whole bucket). */
  prefix: string;
}

/**
 * A key prefix in canonical form: no leading or trailing slash, no empty (`//`), `.` or `..`
 * segments, no control characters. Anything else is refused naming `field`, before anything changes.
 */
export function canonicalPrefix(field: string, value: string | undefined): string {
  const text = value ?? '';
  const bad = (why: string) =>
    new ShipkitError(`${field} has an invalid value ${JSON.stringify(text.slice(0, 200))}: ${why}; expected a key prefix such as "site/" or "app/v1" (segments of printable characters, no "." or ".." segments, no "//").`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) throw bad('it contains a control character');
  const trimmed = text.replace(/^\/+/, '').replace(/\/+$/, '');
  if (!trimmed) return '';
  for (const segment of trimmed.split('/')) {
    if (segment === '') throw bad('it has an empty segment ("//")');
    if (segment === '.' || segment === '..') throw bad(`it has a "${segment}" segment`);
  }
  return trimmed;
}

function overlaps(a: AppLocation, b: AppLocation): boolean {
  if (a.bucket !== b.bucket) return false;
  if (!a.prefix || !b.prefix) return true;
  return `${a.prefix}/`.startsWith(`${b.prefix}/`) || `${b.prefix}/`.startsWith(`${a.prefix}/`);
}

export function describeAppLocation(location: AppLocation): string {
  return storeUrl(location.bucket, location.prefix ? `${location.prefix}/` : '');
}

/**
 * Refuses any two locations of one app that overlap (same bucket, one prefix inside the other):
 * an install into one would replace or delete the other's files. The error names both fields.
 */
export function checkNoOverlap(locations: readonly AppLocation[], file?: string): void {
  for (let i = 0; i < locations.length; i++) {
    for (let j = i + 1; j < locations.length; j++) {
      const [a, b] = [locations[i], locations[j]];
      if (!overlaps(a, b)) continue;
      throw new ShipkitError(
        `${file ? `${file}: ` : ''}${a.field} (${describeAppLocation(a)}) overlaps ${b.field} (${describeAppLocation(b)}): writing one would replace or delete the other's files.`,
        { hint: 'Give every slot, environment, the CDN and the state store its own bucket, or prefixes that do not contain each other (e.g. site/blue/ and site/green/, never site/ and site/green/).' },
      );
    }
  }
}

/**
 * Every location the config gives the app — the state store, each environment's (and slot's) S3
 * install location, the CDN — with `overrides` replacing a config field (inputs win). Prefixes are
 * checked canonical on the way.
 */
export function configLocations(loaded: LoadedConfig | undefined, overrides: Record<string, { bucket: string; prefix?: string } | undefined> = {}): AppLocation[] {
  const config = loaded?.config;
  const out: AppLocation[] = [];
  const add = (field: string, location: { bucket?: string; prefix?: string } | undefined) => {
    const chosen = field in overrides ? overrides[field] : location;
    if (!chosen?.bucket) return;
    out.push({ field, bucket: chosen.bucket, prefix: canonicalPrefix(`${field}.prefix`, chosen.prefix) });
  };
  if (config?.state || overrides.state) {
    const state = overrides.state ?? parseStateLocation(config!.state!, 'state');
    out.push({ field: 'state', bucket: state.bucket, prefix: canonicalPrefix('state', state.prefix) });
  }
  for (const [name, environment] of Object.entries(config?.environments ?? {})) {
    add(`environments.${name}.s3`, environment.s3 as S3Location | undefined);
    add(`environments.${name}.slots.blue.s3`, environment.slots?.blue?.s3);
    add(`environments.${name}.slots.green.s3`, environment.slots?.green?.s3);
  }
  for (const [field, location] of Object.entries(overrides)) if (field.startsWith('environments.') && !out.some((entry) => entry.field === field)) add(field, location);
  add('cdn', config?.cdn);
  return out;
}

/**
 * Before anything is written: the state store's bucket and every install location's bucket of
 * the environment exist and can be listed. Errors name the field and the value.
 */
export async function checkEnvironmentStores(env: ResolvedEnvironment, client: S3Client): Promise<void> {
  const where = (field: string) => (env.file ? `${env.file}: ${field}` : field);
  const checks: Array<[string, string, string]> = [[env.file ? where('state') : 'state', env.state.bucket, `${storeUrl(env.state.bucket, env.state.prefix)}`]];
  // Every install location the environment names (object-store targets install there).
  if (env.s3) checks.push([where(`environments.${env.name}.s3.bucket`), env.s3.bucket, env.s3.bucket]);
  for (const slot of ['blue', 'green'] as const) {
    const location = env.slots?.[slot]?.s3;
    if (location) checks.push([where(`environments.${env.name}.slots.${slot}.s3.bucket`), location.bucket, location.bucket]);
  }
  const seen = new Set<string>();
  for (const [field, bucket, value] of checks) {
    if (seen.has(bucket)) continue;
    seen.add(bucket);
    await checkBucket(client, bucket, field, value);
  }
}
