import type { S3Client } from '@aws-sdk/client-s3';
import { ShipkitError } from '@shipkit/core';
import { copyPrefix } from '@shipkit/s3';
import { runUserCommand, type ReleaseDescription } from './commands.js';
import { describeLocation, releaseLocation, storedRelease } from './release-store.js';
import { installLocation, type ResolvedEnvironment } from './resolve.js';

export interface InstallRequest extends ReleaseDescription {
  /** The S3 client (s3 target). */
  client?: S3Client;
  /** Values to mask in the deploy command's output. */
  secrets?: string[];
}

export interface InstallResult {
  target: 's3' | 'command';
  /** s3: where it went; command: the command run. */
  where: string;
  copied?: number;
  skipped?: number;
  deleted?: number;
}

/**
 * Installs a release into the environment (direct) or into `slot` (blue-green). s3: a
 * server-side copy from the release store — changed files only, assets first, entry documents
 * last, stale files removed after, manifest last. command: the user's deploy command.
 */
export async function installRelease(env: ResolvedEnvironment, request: InstallRequest): Promise<InstallResult> {
  if (env.strategy === 'blue-green' && !request.slot) throw new ShipkitError(`Environment ${JSON.stringify(env.name)} is blue-green: an install needs a slot.`);
  if (env.target === 'command') {
    const deploy = env.deploy as string[];
    await runUserCommand(env, deploy, request.operation === 'rollback' ? 'deploy (rollback)' : 'deploy', request, request.secrets);
    return { target: 'command', where: deploy.join(' ') };
  }
  const client = request.client;
  if (!client) throw new ShipkitError('installRelease needs an S3 client for an s3 target.');
  const to = installLocation(env, request.slot);
  const from = releaseLocation(env.state, env.app, request.release);
  const result = await copyPrefix(client, {
    from,
    to: { bucket: to.bucket, prefix: to.prefix ?? '' },
    deleteStale: true,
    meta: { app: env.app, release: request.release, environment: env.name, ...(request.slot ? { slot: request.slot } : {}) },
  });
  return { target: 's3', where: describeLocation(to), copied: result.uploaded, skipped: result.skipped, deleted: result.deleted };
}

/**
 * Checks that a release can be installed (s3: it is complete in the release store) before
 * anything changes. Throws a ShipkitError naming `input` otherwise.
 */
export async function checkInstallable(env: ResolvedEnvironment, client: S3Client | undefined, release: string, input: string): Promise<void> {
  if (env.target !== 's3') return;
  if (!client) throw new ShipkitError('An s3 target needs an S3 client.');
  if (!(await storedRelease(client, env, release))) {
    throw new ShipkitError(`Input "${input}" names release ${JSON.stringify(release)}, which is not in the release store (${describeLocation(releaseLocation(env.state, env.app, release))}).`, {
      hint: 'It was never uploaded, or retention removed it. Deploy it with source-dir, or pick a release listed in the ledger.',
    });
  }
}

/** Runs a pre-deploy or post-deploy hook, if the environment defines one. */
export async function runHook(env: ResolvedEnvironment, hook: 'pre-deploy' | 'post-deploy', description: ReleaseDescription, secrets: string[] = []): Promise<boolean> {
  const args = hook === 'pre-deploy' ? env.preDeploy : env.postDeploy;
  if (!args) return false;
  await runUserCommand(env, args, hook, description, secrets);
  return true;
}
