import { runner, errorMessage, publicErrorSummary, ShipkitError } from '@shipkit/core';
import type { LedgerRecord, SlotName } from '@shipkit/ledger';
import { checkPromotable, invalidateEnvironmentCdn, locationIncomplete, runUserCommand, type ResolvedEnvironment } from '@shipkit/environments';
import type { S3Client } from '@aws-sdk/client-s3';
import type { InstallRequest, InstallResult, RestoreResult, Target, UndoInfo, ValidateRequest, Verification } from './types.js';

/**
 * The user's own deploy command (an argument list, never a shell line), with the release in
 * SHIPKIT_* variables: Cloud Run, App Service, Kubernetes or anything with a CLI. What runs is known
 * only from the ledger; an undo runs the deploy command for the previous release
 * (SHIPKIT_OPERATION=restore) when the environment sets restore-on-failure.
 */
export class CommandTarget implements Target {
  readonly type = 'command' as const;
  readonly storesFiles = false;
  private readonly deploy: string[];

  constructor(
    private readonly env: ResolvedEnvironment,
    private readonly client: S3Client,
    private readonly secrets: string[] = [],
  ) {
    if (!env.deploy?.length) {
      throw new ShipkitError(`Environment ${JSON.stringify(env.name)} (target command) has no deploy command: set environments.${env.name}.deploy or the "deploy-command" input.`);
    }
    this.deploy = env.deploy;
  }

  describe(): string {
    return this.deploy.join(' ');
  }

  async validate(request: ValidateRequest): Promise<void> {
    if (request.fromRelease) await checkPromotable(this.client, this.env, request.fromRelease, request.release, 'from-release', false);
  }

  async undoInfo(slot: SlotName | undefined, live: { release?: string; images?: unknown }): Promise<UndoInfo> {
    return { target: this.type, slot, ...(live.release ? { release: live.release } : {}), ...(live.images !== undefined ? { images: live.images } : {}) };
  }

  async install(request: InstallRequest): Promise<InstallResult> {
    await runUserCommand(this.env, this.deploy, request.operation === 'deploy' ? 'deploy' : `deploy (${request.operation})`, request, this.secrets);
    // A live install (not a blue-green slot): what the CDN cached is stale now.
    const cdn = request.slot ? undefined : await invalidateEnvironmentCdn(this.env, 'all');
    return { target: this.type, where: this.describe(), ...(cdn ? { cdn } : {}) };
  }

  /** A command target cannot be asked what runs: the ledger's word, unless its last change of the location left it incomplete. */
  async verify(release: string, slot: SlotName | undefined, records: LedgerRecord[], installed?: InstallResult): Promise<Verification> {
    if (installed) return { runs: true, detail: `the deploy command of ${release} succeeded (it cannot be asked what runs)` };
    return locationIncomplete(records, slot)
      ? { runs: false, detail: `the last deploy or rollback of ${this.env.name}${slot ? ` slot ${slot}` : ''} failed part-way and was not restored` }
      : { runs: true, detail: `the ledger records ${release} (the deploy command cannot be asked what runs)` };
  }

  async undo(undo: UndoInfo, context: { failed: string }): Promise<RestoreResult> {
    if (!undo.release) return { error: 'nothing was live before', incomplete: true };
    if (!this.env.restoreOnFailure) {
      runner.warning(`The change of ${this.env.name} to ${context.failed} did not finish; the previous release ${undo.release} is not redeployed (set restore-on-failure: true on the environment to do so). The next deploy or rollback runs in full.`);
      return { error: 'restore-on-failure is not set', incomplete: true };
    }
    runner.info(`Restoring ${undo.release} on ${this.env.name} after the failed change to ${context.failed}.`);
    try {
      await this.install({ release: undo.release, slot: undo.slot, previousRelease: context.failed, images: undo.images, operation: 'restore' });
      return { restored: undo.release, incomplete: false };
    } catch (error) {
      runner.error(`Could not restore ${undo.release} on ${this.env.name}: ${errorMessage(error)}.`);
      return { error: publicErrorSummary(error), incomplete: true };
    }
  }
}
