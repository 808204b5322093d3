import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as actionsCache from '@actions/cache';
import { runner, errorMessage } from '@shipkit/core';

/**
 * Trivy's cache directory (vulnerability DB, Java DB, checks bundle) kept with the Actions cache
 * under a daily key, restored from the newest earlier day when today's is missing. Saving happens
 * in the post step, which runs even when the scan failed or the job was cancelled, so a DB that was
 * downloaded is never downloaded again the same day.
 */

export const DEFAULT_DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-db:2', 'public.ecr.aws/aquasecurity/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'];
export const DEFAULT_JAVA_DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-java-db:1', 'public.ecr.aws/aquasecurity/trivy-java-db:1', 'ghcr.io/aquasecurity/trivy-java-db:1'];

export function defaultCacheDir(): string {
  return path.join(os.homedir(), '.cache', 'trivy');
}

export interface CacheKeys {
  primary: string;
  restore: string[];
}

export function cacheKeys(now: Date = new Date(), runnerOs = process.env.RUNNER_OS ?? process.platform): CacheKeys {
  const prefix = `shipkit-trivy-cache-${runnerOs}-`;
  return { primary: `${prefix}${now.toISOString().slice(0, 10)}`, restore: [prefix] };
}

/** Why the cache is not used, or undefined when it can be. */
export function cacheUnavailableReason(): string | undefined {
  if (!actionsCache.isFeatureAvailable()) return 'the Actions cache service is not available here (no ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL)';
  return undefined;
}

export interface RestoreOutcome {
  /** The key restored from, if any. */
  restoredKey?: string;
  skipped?: string;
  /** No cache service at all: nothing to save later either. */
  unavailable?: boolean;
}

export async function restoreTrivyCache(cacheDir: string, keys: CacheKeys): Promise<RestoreOutcome> {
  const reason = cacheUnavailableReason();
  if (reason) {
    runner.info(`Trivy cache: skipped, ${reason}.`);
    return { skipped: reason, unavailable: true };
  }
  try {
    const restoredKey = await actionsCache.restoreCache([cacheDir], keys.primary, keys.restore);
    runner.info(restoredKey ? `Trivy cache: restored ${restoredKey}${restoredKey === keys.primary ? '' : ` (today's key ${keys.primary} not saved yet)`}.` : `Trivy cache: no entry for ${keys.primary} or an earlier day.`);
    return { restoredKey };
  } catch (error) {
    // A cache problem must never fail a scan: Trivy downloads the DB instead.
    runner.warning(`Trivy cache: restore failed (${errorMessage(error)}); the DB will be downloaded.`);
    return { skipped: errorMessage(error) };
  }
}

export interface SaveOutcome {
  saved: boolean;
  reason: string;
}

export async function saveTrivyCache(cacheDir: string, keys: CacheKeys, restoredKey: string | undefined): Promise<SaveOutcome> {
  const reason = cacheUnavailableReason();
  if (reason) {
    runner.info(`Trivy cache: not saved, ${reason}.`);
    return { saved: false, reason };
  }
  if (restoredKey === keys.primary) {
    runner.info(`Trivy cache: ${keys.primary} was restored; nothing new to save.`);
    return { saved: false, reason: 'up to date' };
  }
  if (!existsSync(path.join(cacheDir, 'db')) && !existsSync(path.join(cacheDir, 'java-db'))) {
    runner.info(`Trivy cache: nothing to save, ${cacheDir} has no database.`);
    return { saved: false, reason: 'no database' };
  }
  // The per-image layer cache (fanal) is large and useless on another runner; the DBs are what we keep.
  await rm(path.join(cacheDir, 'fanal'), { recursive: true, force: true });
  try {
    // saveCache logs and returns -1 for a lost race (another job saved today's key first).
    const id = await actionsCache.saveCache([cacheDir], keys.primary);
    if (id === -1) return { saved: false, reason: 'not saved (see the line above)' };
    runner.info(`Trivy cache: saved ${keys.primary}.`);
    return { saved: true, reason: 'saved' };
  } catch (error) {
    runner.warning(`Trivy cache: save failed (${errorMessage(error)}).`);
    return { saved: false, reason: errorMessage(error) };
  }
}
