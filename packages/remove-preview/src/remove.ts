import type { S3Client } from '@aws-sdk/client-s3';
import { runner, errorMessage, ShipkitError } from '@shipkit/core';
import { ledgerEnvironments, parsePullRequestNumber, releasesToKeep, type ResolvedEnvironment } from '@shipkit/environments';
import { createTarget } from '@shipkit/targets';
import { openLedger, releasePrefix, type Ledger } from '@shipkit/ledger';
import { deletePrefix } from '@shipkit/s3';

export interface RemovalResult {
  environment: string;
  /** Objects deleted from the preview's location. */
  deletedFiles: number;
  /** Its releases deleted from the release store. */
  deletedReleases: string[];
  /** Releases of the preview another environment still uses (kept). */
  keptReleases: string[];
  /** Nothing to remove: never deployed, or removed before. */
  noop: boolean;
}

/**
 * Removes one pull request's preview: every object under its own location (which contains {pr},
 * so it is the pull request's alone), its install manifest, and its releases in the release store
 * unless another environment must keep one (releasesToKeep, the rule retention applies: live,
 * slots, rollback targets, the 24 h rule...); then records the removal
 * in its ledger. The caller holds the preview's lease.
 */
export async function removePreview(env: ResolvedEnvironment, client: S3Client, ledger: Ledger, reason: string): Promise<RemovalResult> {
  if (!env.preview) throw new ShipkitError(`Environment ${env.name} is not a preview.`);
  const { records, state } = await ledger.read();
  const releases = [...new Set(records.filter((record) => record.type === 'deploy' && record.release).map((record) => record.release!))];
  if (!records.length || (state.removed && !state.live)) {
    runner.info(`Preview ${env.name} ${records.length ? `was removed before (${state.removed!.time})` : 'was never deployed'}: nothing to remove.`);
    return { environment: env.name, deletedFiles: 0, deletedReleases: [], keptReleases: [], noop: true };
  }
  const target = createTarget(env, client);
  if (!target.remove) throw new ShipkitError(`Environment ${env.name}: its ${target.type} target cannot remove an install, so it cannot be a preview.`);
  const operation = await ledger.begin({ type: 'remove', release: state.live?.release, previousRelease: state.live?.release, reason, details: { pr: env.preview.pr } }, state);
  try {
    const deletedFiles = await target.remove();
    // The rule retention applies, for every other environment: live, slots, rollback targets, the last N, the 24 h rule, traffic.
    const inUse = await releasesToKeep(client, env, { exclude: env.name });
    const keptReleases = releases.filter((release) => inUse.has(release));
    const deletedReleases: string[] = [];
    for (const release of releases.filter((entry) => !inUse.has(entry))) {
      await deletePrefix(client, env.state.bucket, releasePrefix(env.state, env.app, release));
      deletedReleases.push(release);
    }
    await operation.succeed({ details: { pr: env.preview.pr, deletedFiles, deletedReleases, keptReleases } });
    return { environment: env.name, deletedFiles, deletedReleases, keptReleases, noop: false };
  } catch (error) {
    await operation.fail(error).catch((ledgerError) => runner.warning(`Could not record the failed removal: ${errorMessage(ledgerError)}`));
    throw error;
  }
}

/** The pull requests with a preview of `template` in the state store, with when each last changed and whether it is removed. */
export async function listPreviews(client: S3Client, env: Pick<ResolvedEnvironment, 'state' | 'app'>, template: string): Promise<Array<{ pr: number; lastChange?: string; removed: boolean; branch?: string }>> {
  const names = (await ledgerEnvironments(client, env as ResolvedEnvironment)).filter((name) => name.startsWith(`${template}/pr-`));
  const previews = [];
  for (const name of names) {
    const pr = parsePullRequestNumber(name.slice(`${template}/pr-`.length));
    if (pr === undefined) continue;
    const ledger = await openLedger({ state: env.state, app: env.app, environment: name, client });
    const { records, state } = await ledger.read();
    const branch = records.map((record) => (record.details?.preview as { branch?: string } | undefined)?.branch).filter(Boolean).at(-1);
    previews.push({ pr, lastChange: records.at(-1)?.time, removed: !!state.removed && !state.live, branch });
  }
  return previews.sort((a, b) => a.pr - b.pr);
}
