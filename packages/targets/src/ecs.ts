import type { ECSClient } from '@aws-sdk/client-ecs';
import { runner, errorMessage, publicErrorSummary, ShipkitError } from '@shipkit/core';
import { taskDefinitionsOf, type LedgerRecord, type SlotName } from '@shipkit/ledger';
import {
  checkEcsTarget,
  checkPromotable,
  createEcsClient,
  deployEcs,
  describeEcsServices,
  ecsServiceKey,
  ecsTargetOf,
  invalidateEnvironmentCdn,
  pointServicesAt,
  type ResolvedEnvironment,
} from '@shipkit/environments';
import type { S3Client } from '@aws-sdk/client-s3';
import type { InstallRequest, InstallResult, RestoreResult, Target, UndoInfo, ValidateRequest, Verification } from './types.js';

/**
 * Amazon ECS: every service of the environment (or slot) runs a new task definition revision
 * pinned to the release's image digests; a rollback re-points at the revisions the ledger recorded.
 * What runs is read from ECS itself (DescribeServices), and an undo re-points every service at the
 * revision it ran before the change, read from ECS before the first write.
 */
export class EcsTarget implements Target {
  readonly type = 'ecs' as const;
  readonly storesFiles = false;

  constructor(
    private readonly env: ResolvedEnvironment,
    private readonly client: S3Client,
    private readonly ecsClient?: ECSClient,
  ) {
    const where = `${env.file ? `${env.file}: ` : ''}environments.${env.name}`;
    if (!env.ecs) throw new ShipkitError(`${where}.ecs is required for target ecs: { cluster, service, task-definition, container-images }.`);
    ecsTargetOf(env, env.strategy === 'blue-green' ? 'blue' : undefined);
  }

  private clientFor(slot: SlotName | undefined): ECSClient {
    return this.ecsClient ?? createEcsClient(ecsTargetOf(this.env, slot));
  }

  describe(slot?: SlotName): string {
    return ecsTargetOf(this.env, slot).services.map(ecsServiceKey).join(', ');
  }

  async validate(request: ValidateRequest): Promise<void> {
    const target = ecsTargetOf(this.env, request.slot);
    // A deploy registers revisions from build-images' images (every image with a digest); a rollback or
    // a promotion re-points at recorded revisions. Every service must exist either way.
    if (request.operation === 'deploy' && !request.fromRelease) await checkEcsTarget(target, request.images, this.clientFor(request.slot));
    else await describeEcsServices(this.clientFor(request.slot), target.services);
    if (request.fromRelease) await checkPromotable(this.client, this.env, request.fromRelease, request.release, 'from-release', false);
  }

  async undoInfo(slot: SlotName | undefined, live: { release?: string; images?: unknown }): Promise<UndoInfo> {
    const target = ecsTargetOf(this.env, slot);
    const described = await describeEcsServices(this.clientFor(slot), target.services);
    const taskDefinitions: Record<string, string> = {};
    for (const service of target.services) taskDefinitions[ecsServiceKey(service)] = described.get(ecsServiceKey(service))!.taskDefinition!;
    return { target: this.type, slot, ...(live.release ? { release: live.release } : {}), ...(live.images !== undefined ? { images: live.images } : {}), taskDefinitions };
  }

  async install(request: InstallRequest): Promise<InstallResult> {
    const target = ecsTargetOf(this.env, request.slot);
    const result = await deployEcs({ client: this.clientFor(request.slot), target, release: request.release, images: request.images, taskDefinitions: request.taskDefinitions, signal: request.signal });
    const cdn = request.slot ? undefined : await invalidateEnvironmentCdn(this.env, 'all');
    return { target: this.type, where: this.describe(request.slot), taskDefinitions: result.taskDefinitions, registered: result.registered, ...(cdn ? { cdn } : {}) };
  }

  /** Every service runs the task definition the ledger recorded for `release` (DescribeServices). */
  async verify(release: string, slot: SlotName | undefined, records: LedgerRecord[], installed?: InstallResult): Promise<Verification> {
    const target = ecsTargetOf(this.env, slot);
    const recorded = installed?.taskDefinitions ?? taskDefinitionsOf(records, release, slot);
    if (!recorded) return { runs: false, detail: `the ledger records no task definitions for ${release}` };
    const described = await describeEcsServices(this.clientFor(slot), target.services);
    const off = target.services.filter((service) => described.get(ecsServiceKey(service))?.taskDefinition !== recorded[ecsServiceKey(service)]);
    if (!off.length) return { runs: true, detail: `every service runs ${release}'s task definition` };
    return { runs: false, detail: off.map((service) => `${ecsServiceKey(service)} runs ${described.get(ecsServiceKey(service))?.taskDefinition ?? '?'}, not ${recorded[ecsServiceKey(service)] ?? '?'}`).join('; ') };
  }

  async undo(undo: UndoInfo, context: { failed: string; signal?: AbortSignal }): Promise<RestoreResult> {
    if (!undo.taskDefinitions) return { error: 'the task definitions the services ran before are unknown', incomplete: true };
    const target = ecsTargetOf(this.env, undo.slot);
    runner.info(`Pointing ${this.describe(undo.slot)} back at what ran before the change to ${context.failed}.`);
    try {
      const back = await pointServicesAt(this.clientFor(undo.slot), target, undo.taskDefinitions);
      if (!back.ok) return { error: back.message, incomplete: true };
      runner.info(back.message);
      return { restored: undo.release ?? 'the previous task definitions', incomplete: false };
    } catch (error) {
      runner.error(`Could not point the services back: ${errorMessage(error)}`);
      return { error: publicErrorSummary(error), incomplete: true };
    }
  }
}
