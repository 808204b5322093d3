import { changedPaths, createCloudFrontClient, invalidatePaths } from '@shipkit/cloudfront';
import { runner, errorMessage } from '@shipkit/core';
import { ArmClient, describeAzureCdn, purgeAzureCdn, type AzureCdnTarget } from '@shipkit/azure';
import type { ResolvedEnvironment } from './resolve.js';

export interface CdnInvalidation {
  /** Which CDN: `CloudFront distribution <id>`, or the Front Door / Azure CDN endpoint (describeAzureCdn). */
  cdn: string;
  paths: string[];
  ids: string[];
  /** Set when the invalidation failed (the install itself stands). */
  error?: string;
}

/**
 * After an install into a live location (deploy, rollback, restore) or a switch: invalidates, on
 * the environment's CDN, the paths that changed (`all`: every path) — or the configured ones — and
 * by default waits until CloudFront completed it, so the step returns when visitors get the new
 * files. A failed invalidation is a warning (the install stands; re-running invalidates again).
 */
export async function invalidateEnvironmentCdn(env: ResolvedEnvironment, changed: readonly string[] | 'all'): Promise<CdnInvalidation | undefined> {
  if (env.azureCdn) return purgeEnvironmentAzureCdn(env, env.azureCdn, changed);
  const cdn = env.cdn;
  if (!cdn) return undefined;
  const paths = cdn.invalidate ?? (changed === 'all' ? ['/*'] : changedPaths('', changed));
  if (!paths.length) {
    runner.info(`Nothing changed under ${env.name}'s CDN (${cdn.distributionId}): no invalidation needed.`);
    return { cdn: `CloudFront distribution ${cdn.distributionId}`, paths, ids: [] };
  }
  try {
    const client = createCloudFrontClient({ endpoint: cdn.endpoint });
    const result = await invalidatePaths(client, cdn.distributionId, paths, { wait: cdn.wait });
    const ids = result.invalidations.map((entry) => entry.id);
    runner.info(`Invalidated ${paths.length === 1 ? paths[0] : `${paths.length} path(s)`} on ${env.name}'s CDN (${cdn.distributionId}: ${ids.join(', ')})${cdn.wait ? ', completed' : ''}.`);
    return { cdn: `CloudFront distribution ${cdn.distributionId}`, paths, ids };
  } catch (error) {
    runner.warning(`The install of ${env.name} is in place, but invalidating its CDN (${cdn.distributionId}) failed: ${errorMessage(error)}. Visitors may get cached files until they expire; re-run the step to invalidate again.`);
    return { cdn: `CloudFront distribution ${cdn.distributionId}`, paths, ids: [], error: errorMessage(error) };
  }
}

/**
 * Purges `paths` on a Front Door / Azure CDN target through Resource Manager (its progress in the
 * log); the paths purged (many become `/*`) and the operation, without its query, for the report.
 */
export async function purgeAzure(target: AzureCdnTarget, paths: readonly string[]): Promise<{ paths: string[]; ids: string[] }> {
  const result = await purgeAzureCdn(new ArmClient({ endpoint: target.armEndpoint, log: (line) => runner.info(line) }), target, paths);
  return { paths: result.paths, ids: result.operation ? [result.operation.split('?')[0]] : [] };
}

/** The Azure side of invalidateEnvironmentCdn: a Front Door / Azure CDN purge of the changed paths through Resource Manager. */
async function purgeEnvironmentAzureCdn(env: ResolvedEnvironment, target: AzureCdnTarget, changed: readonly string[] | 'all'): Promise<CdnInvalidation> {
  const where = describeAzureCdn(target);
  const paths = changed === 'all' ? ['/*'] : changedPaths('', changed);
  if (!paths.length) {
    runner.info(`Nothing changed under ${env.name}'s CDN (${where}): no purge needed.`);
    return { cdn: where, paths, ids: [] };
  }
  try {
    const result = await purgeAzure(target, paths);
    runner.info(`Purged ${result.paths.length === 1 ? result.paths[0] : `${result.paths.length} path(s)`} on ${env.name}'s CDN (${where})${target.wait ? ', completed' : ', not waiting for it'}.`);
    return { cdn: where, ...result };
  } catch (error) {
    runner.warning(`The install of ${env.name} is in place, but purging its CDN (${where}) failed: ${errorMessage(error)}. Visitors may get cached files until they expire; re-run the step to purge again.`);
    return { cdn: where, paths, ids: [], error: errorMessage(error) };
  }
}
