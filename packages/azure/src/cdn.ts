import type { AzureCdnConfig } from '@shipkit/core';
import type { ArmClient, LongRunningResult } from './arm.js';

/** Purges on Azure Front Door Standard/Premium (`afdEndpoints`) or classic Azure CDN (`endpoints`), ARM API 2024-02-01. */
export const CDN_API_VERSION = '2024-02-01';
/** More paths than this in one purge become `/*` (Azure's purge takes a bounded list). */
export const MAX_PURGE_PATHS = 100;

export interface AzureCdnTarget {
  subscription: string;
  resourceGroup: string;
  profile: string;
  endpoint: string;
  /** `front-door` (Standard/Premium, the default) or `cdn` (classic Azure CDN, until its retirement). */
  kind: 'front-door' | 'cdn';
  /** Front Door: purge only these custom domains (default: every domain of the endpoint). */
  domains?: string[];
  /** Wait until the purge operation Succeeded (default true). */
  wait: boolean;
  /** The Resource Manager endpoint (default https://management.azure.com). */
  armEndpoint?: string;
}

export function describeAzureCdn(target: AzureCdnTarget): string {
  return `${target.kind === 'front-door' ? 'Front Door' : 'Azure CDN'} ${target.profile}/${target.endpoint}`;
}

/** The purge action's resource path. */
export function purgePath(target: AzureCdnTarget): string {
  const endpoints = target.kind === 'front-door' ? 'afdEndpoints' : 'endpoints';
  return `/subscriptions/${encodeURIComponent(target.subscription)}/resourceGroups/${encodeURIComponent(target.resourceGroup)}/providers/Microsoft.Cdn/profiles/${encodeURIComponent(target.profile)}/${endpoints}/${encodeURIComponent(target.endpoint)}/purge?api-version=${CDN_API_VERSION}`;
}

/**
 * Purges `paths` (each starting with `/`; `/*` for everything) and, with `wait`, follows the
 * long-running operation until it Succeeded. Many paths become one `/*`.
 */
export async function purgeAzureCdn(client: ArmClient, target: AzureCdnTarget, paths: readonly string[]): Promise<LongRunningResult & { paths: string[] }> {
  const contentPaths = paths.length > MAX_PURGE_PATHS || paths.includes('/*') ? ['/*'] : [...paths];
  const body = { contentPaths, ...(target.kind === 'front-door' && target.domains?.length ? { domains: target.domains } : {}) };
  const result = await client.run('POST', purgePath(target), body, `the purge of ${contentPaths.length === 1 ? contentPaths[0] : `${contentPaths.length} paths`} on ${describeAzureCdn(target)}`, { wait: target.wait });
  return { ...result, paths: contentPaths };
}

/** The purge target of a config's `azure-cdn:` (checked by the config schema). */
export function azureCdnTarget(config: AzureCdnConfig): AzureCdnTarget {
  return {
    subscription: config.subscription,
    resourceGroup: config['resource-group'],
    profile: config.profile,
    endpoint: config.endpoint,
    kind: config.kind ?? 'front-door',
    domains: config.domains,
    wait: config.wait ?? true,
    armEndpoint: config['arm-endpoint'],
  };
}
