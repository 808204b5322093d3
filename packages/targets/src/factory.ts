import type { S3Client } from '@aws-sdk/client-s3';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { ShipkitError, TARGET_KINDS } from '@shipkit/core';
import type { CloudRunClient, ResolvedEnvironment } from '@shipkit/environments';
import { CommandTarget } from './command.js';
import { EcsTarget } from './ecs.js';
import { CloudRunTarget } from './cloud-run.js';
import { KubernetesTarget } from './kubernetes.js';
import { ObjectStoreTarget } from './object-store.js';
import type { Target, TargetType } from './types.js';

export interface TargetDependencies {
  /** Values the target's commands must never print. */
  secrets?: string[];
  /** ECS client (default: one per slot from the environment's ecs settings). */
  ecsClient?: ECSClient;
  /** Cloud Run Admin API client (default: one for the environment's cloud-run service, Application Default Credentials). */
  cloudRunClient?: CloudRunClient;
}

/** The kinds of target (what each needs of its environment's config is checked when the target is created). */
export const TARGET_TYPES = Object.keys(TARGET_KINDS) as readonly TargetType[];

/**
 * The target of an environment, from its config: the only place that tells targets apart. Every
 * problem with the target's settings is reported here, before anything changes. `client` is the
 * state store's client (the object-store target also installs with it: installs are server-side
 * copies from the release store, on one service).
 */
export function createTarget(env: ResolvedEnvironment, client: S3Client, dependencies: TargetDependencies = {}): Target {
  const where = `${env.file ? `${env.file}: ` : ''}environments.${env.name}`;
  switch (env.target) {
    case 's3':
      if (env.strategy === 'blue-green') {
        for (const slot of ['blue', 'green'] as const) if (!env.slots?.[slot]?.s3) throw new ShipkitError(`Environment ${JSON.stringify(env.name)} (target s3, blue-green) needs ${where}.slots.${slot}.s3.bucket.`);
      } else if (!env.s3) {
        throw new ShipkitError(`Environment ${JSON.stringify(env.name)} (target s3, direct) has no bucket: set ${where}.s3.bucket or the "bucket" input.`);
      }
      return new ObjectStoreTarget(env, client);
    case 'command':
      return new CommandTarget(env, client, dependencies.secrets);
    case 'ecs':
      return new EcsTarget(env, client, dependencies.ecsClient);
    case 'cloud-run':
      return new CloudRunTarget(env, client, dependencies.cloudRunClient);
    case 'kubernetes':
      return new KubernetesTarget(env, client);
    default:
      throw new ShipkitError(`${where}.target has an invalid value ${JSON.stringify((env as { target: unknown }).target)}: expected ${TARGET_TYPES.join(', ')}.`);
  }
}
