import { existsSync } from 'node:fs';
import path from 'node:path';
import { exec, group, ShipkitError } from '@shipkit/core';
import type { SlotName } from '@shipkit/ledger';
import type { ResolvedEnvironment } from './resolve.js';
import { slotUrl } from './resolve.js';

/** What a deploy command or hook is told about the release, as SHIPKIT_* environment variables. */
export interface ReleaseDescription {
  release: string;
  slot?: SlotName;
  previousRelease?: string;
  /** build-images' output, passed through as JSON. */
  images?: unknown;
  sourceDir?: string;
  /** The existing release this one was promoted from (deploy-env's from-release). */
  promotedFrom?: string;
  /** ecs targets: the task definitions the release ran on each service (`cluster/service` -> ARN, from the ledger): re-pointed, not registered again. */
  taskDefinitions?: Record<string, string>;
  /** deploy | rollback | restore (putting the previous release back after a failed deploy) */
  operation: 'deploy' | 'rollback' | 'restore';
}

export function releaseEnvironment(env: ResolvedEnvironment, description: ReleaseDescription): Record<string, string> {
  const vars: Record<string, string> = {
    ...env.env,
    ...(description.slot ? env.slots?.[description.slot]?.env : {}),
    SHIPKIT_APP: env.app,
    SHIPKIT_ENVIRONMENT: env.name,
    SHIPKIT_RELEASE: description.release,
    SHIPKIT_STRATEGY: env.strategy,
    SHIPKIT_OPERATION: description.operation,
    SHIPKIT_SLOT: description.slot ?? '',
    SHIPKIT_SLOT_URL: slotUrl(env, description.slot) ?? '',
    SHIPKIT_URL: env.url ?? '',
    SHIPKIT_PREVIOUS_RELEASE: description.previousRelease ?? '',
    SHIPKIT_IMAGES: description.images === undefined ? '{}' : JSON.stringify(description.images),
    SHIPKIT_SOURCE_DIR: description.sourceDir ?? '',
    SHIPKIT_PROMOTED_FROM: description.promotedFrom ?? '',
  };
  return vars;
}

/** Resolves a relative script path (`./deploy/x.sh`, `deploy/x.sh`) against the workspace; bare names stay for PATH lookup. */
function programPath(program: string, workspace: string): string {
  if (path.isAbsolute(program) || !program.includes('/')) return program;
  return path.resolve(workspace, program);
}

/**
 * Runs a user command (argument list, no shell) with the release in SHIPKIT_* variables, its
 * output grouped in the log. The exit code decides: non-zero throws a ShipkitError naming `label`.
 */
export async function runUserCommand(env: ResolvedEnvironment, args: string[], label: string, description: ReleaseDescription, secrets: string[] = []): Promise<void> {
  const program = programPath(args[0], env.workspace);
  if (program.includes('/') && !existsSync(program)) {
    throw new ShipkitError(`The ${label} command ${JSON.stringify(args[0])} does not exist (looked at ${program}).`, {
      hint: 'Paths are relative to the workspace; check out the repository before this step.',
    });
  }
  await group(`${label}: ${[args[0], ...args.slice(1)].join(' ')}`, async () => {
    await exec(program, args.slice(1), { cwd: env.workspace, env: releaseEnvironment(env, description), label: `${label} command`, secrets });
  });
}
