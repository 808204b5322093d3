import type { LedgerRecord, SlotName } from '@shipkit/ledger';
import { joinKey } from '@shipkit/ledger';
import type { ManifestLocation } from '@shipkit/s3';
import { runUserCommand, type ReleaseDescription } from './commands.js';
import type { ResolvedEnvironment } from './resolve.js';

// Installing a release is the target's job (@shipkit/targets: one file per target and a factory);
// what is left here is shared by every target: hooks, and what the ledger says of a location.

/** Runs a pre-deploy or post-deploy hook, if the environment defines one. */
export async function runHook(env: ResolvedEnvironment, hook: 'pre-deploy' | 'post-deploy', description: ReleaseDescription, secrets: string[] = []): Promise<boolean> {
  const args = hook === 'pre-deploy' ? env.preDeploy : env.postDeploy;
  if (!args) return false;
  await runUserCommand(env, args, hook, description, secrets);
  return true;
}

/** The latest ended deploy/rollback of the location (the slot, or the live location) left it incomplete. */
export function locationIncomplete(records: LedgerRecord[], slot?: SlotName): boolean {
  const last = records.filter((record) => (record.type === 'deploy' || record.type === 'rollback') && record.status !== 'started' && record.slot === slot && !record.details?.noop).at(-1);
  return !!last && last.status === 'failed' && last.details?.incomplete === true;
}

/**
 * Where an install location's manifest lives: in the state store, next to the ledger
 * (`<state>/installs/<app>/<environment>/<slot or live>.json`), never in the served location.
 */
export function installManifestLocation(env: ResolvedEnvironment, slot: SlotName | undefined): ManifestLocation {
  return { bucket: env.state.bucket, key: joinKey(env.state.prefix, 'installs', env.app, env.name, `${slot ?? 'live'}.json`) };
}
