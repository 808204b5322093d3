import { azureBucket, ShipkitError } from '@shipkit/core';

export interface StateLocation {
  bucket: string;
  /** Key prefix without leading or trailing slash ('' for the bucket root). */
  prefix: string;
}

/** Parses `s3://bucket/prefix` or `azblob://account/container/prefix` (the config's `state`). */
export function parseStateLocation(value: string, name = 'state'): StateLocation {
  const azure = /^azblob:\/\/([a-z0-9]{3,24})\/((?=[a-z0-9-]{3,63}(?:\/|$))[a-z0-9]+(?:-[a-z0-9]+)*)(?:\/(.*))?$/.exec(value.trim());
  if (azure) return { bucket: azureBucket(azure[1], azure[2]), prefix: (azure[3] ?? '').replace(/^\/+|\/+$/g, '') };
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]+[a-z0-9])(?:\/(.*))?$/.exec(value.trim());
  if (!match) {
    throw new ShipkitError(`Input "${name}" has an invalid value ${JSON.stringify(value)}: expected s3://bucket/prefix or azblob://account/container/prefix.`, {
      hint: 'Set `state:` in .github/shipkit.yml, e.g. state: s3://my-deploy-bucket/shipkit',
    });
  }
  return { bucket: match[1], prefix: (match[2] ?? '').replace(/^\/+|\/+$/g, '') };
}

/** Joins key parts with single slashes, skipping empty ones. */
export function joinKey(...parts: string[]): string {
  return parts.map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
}

/** Where an environment's ledger lives: `<prefix>/ledger/<app>/<environment>/`. */
export function ledgerPrefix(location: StateLocation, app: string, environment: string): string {
  return `${joinKey(location.prefix, 'ledger', app, environment)}/`;
}

/** Where a release's files live in the release store: `<prefix>/releases/<app>/<release>/`. */
export function releasePrefix(location: StateLocation, app: string, release: string): string {
  return `${joinKey(location.prefix, 'releases', app, release)}/`;
}
