import type { S3Client } from '@aws-sdk/client-s3';
import { runner, errorMessage, publicErrorSummary, ShipkitError } from '@shipkit/core';
import type { LedgerRecord, SlotName } from '@shipkit/ledger';
import {
  ALLOCATION_REVISION,
  checkCloudRunTarget,
  checkPromotable,
  CloudRunClient,
  describeShares,
  ensureRevision,
  pinnedTraffic,
  revisionName,
  sameTraffic,
  taggedRevision,
  trafficShares,
  type CloudRunTraffic,
  type ResolvedEnvironment,
} from '@shipkit/environments';
import type { InstallRequest, InstallResult, RestoreResult, Target, UndoInfo, ValidateRequest, Verification } from './types.js';

/** The revision the ledger recorded for a release (its latest successful deploy or rollback that names one), for `slot`. */
export function recordedRevision(records: readonly LedgerRecord[], release: string, slot?: SlotName): string | undefined {
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    const install = record.details?.install as { revision?: string } | undefined;
    if (record.release === release && (record.type === 'deploy' || record.type === 'rollback') && record.status === 'succeeded' && record.slot === slot && install?.revision) return install.revision;
  }
  return undefined;
}

/**
 * Google Cloud Run: a release runs as one revision of the service (named after the release, its
 * containers' images pinned to the release's digests), created through the Admin API v2 with the
 * service's traffic pinned, so it takes none. Blue-green: the slot is a traffic tag — the install
 * points tag `blue` or `green` at the revision (0%, its own URL for the smoke tests) and the
 * cloud-run router moves the percentages (another router may route between the tags' URLs). Direct: the install moves 100% to the revision once it is
 * Ready. A release deployed before already has its revision: it is reused, never created again
 * (rollback is a traffic change). What runs is read from Cloud Run itself; an undo writes back the
 * traffic the service had before the change.
 */
export class CloudRunTarget implements Target {
  readonly type = 'cloud-run' as const;
  readonly storesFiles = false;
  private readonly api: CloudRunClient;

  constructor(
    private readonly env: ResolvedEnvironment,
    private readonly client: S3Client,
    api?: CloudRunClient,
  ) {
    const where = `${env.file ? `${env.file}: ` : ''}environments.${env.name}`;
    if (!env.cloudRun) throw new ShipkitError(`${where}.cloud-run is required for target cloud-run: { project, region, service, container-images }.`);
    this.api = api ?? new CloudRunClient(env.cloudRun);
  }

  describe(slot?: SlotName): string {
    return `Cloud Run service ${this.api.serviceName}${slot ? ` (slot ${slot}: traffic tag ${slot})` : ''}`;
  }

  async validate(request: ValidateRequest): Promise<void> {
    const deploy = request.operation === 'deploy' && !request.fromRelease;
    await checkCloudRunTarget(this.api, request.images, deploy);
    if (request.operation === 'rollback' && !(await this.api.getRevision(revisionName(this.api.target.service, request.release)))) {
      throw new ShipkitError(`Cloud Run service ${this.api.target.service} has no revision ${revisionName(this.api.target.service, request.release)} for release ${request.release} any more: nothing to roll back to.`, {
        hint: 'Deploy the release again (deploy-env with its images) instead.',
      });
    }
    if (request.fromRelease) await checkPromotable(this.client, this.env, request.fromRelease, request.release, 'from-release', false);
  }

  async undoInfo(slot: SlotName | undefined, live: { release?: string; images?: unknown }): Promise<UndoInfo> {
    const service = await this.api.getService();
    return { target: this.type, slot, ...(live.release ? { release: live.release } : {}), ...(live.images !== undefined ? { images: live.images } : {}), traffic: pinnedTraffic(service) };
  }

  async install(request: InstallRequest): Promise<InstallResult> {
    const { revision, created } = await ensureRevision(this.api, request.release, request.images, request.signal);
    const service = await this.api.getService();
    const current = pinnedTraffic(service);
    let traffic: CloudRunTraffic[];
    if (request.slot) {
      const held = current.find((entry) => entry.tag === request.slot);
      if (held?.percent) throw new ShipkitError(`Refusing to install into slot ${request.slot} of ${this.env.name}: its traffic tag's revision ${held.revision} takes ${held.percent}% of live traffic.`);
      // Tag the revision: 0%, live traffic as it is.
      traffic = [...current.filter((entry) => entry.tag !== request.slot), { type: ALLOCATION_REVISION, revision, tag: request.slot }];
    } else {
      // Direct: all traffic to the release's revision; other tags kept, at 0%.
      traffic = [{ type: ALLOCATION_REVISION, revision, percent: 100 }, ...current.filter((entry) => entry.tag).map((entry) => ({ type: ALLOCATION_REVISION, revision: entry.revision, tag: entry.tag }))];
    }
    let after = service;
    if (!sameTraffic(current, traffic)) after = await this.api.setTraffic(traffic, request.slot ? `pointing traffic tag ${request.slot} at ${revision}` : `moving all traffic of ${this.api.target.service} to ${revision}`, request.signal);
    const url = request.slot ? taggedRevision(after, request.slot)?.uri : undefined;
    runner.info(request.slot ? `Slot ${request.slot} (traffic tag ${request.slot}${url ? `, ${url}` : ''}) holds ${revision}; live traffic stays ${describeShares(trafficShares(after))}.` : `${this.api.target.service} serves ${revision} (${describeShares(trafficShares(after))}).`);
    return { target: this.type, where: this.describe(request.slot), revision, created, ...(url ? { url } : {}) };
  }

  /** The slot's tag (blue-green), or all the traffic (direct), is on the revision the ledger recorded for `release`. */
  async verify(release: string, slot: SlotName | undefined, records: LedgerRecord[], installed?: InstallResult): Promise<Verification> {
    const revision = installed?.revision ?? recordedRevision(records, release, slot) ?? revisionName(this.api.target.service, release);
    const service = await this.api.getService();
    if (slot) {
      const tagged = taggedRevision(service, slot)?.revision;
      return tagged === revision ? { runs: true, detail: `traffic tag ${slot} points at ${revision}` } : { runs: false, detail: `traffic tag ${slot} points at ${tagged ?? 'nothing'}, not ${revision}` };
    }
    const shares = trafficShares(service);
    return shares.get(revision) === 100 ? { runs: true, detail: `all traffic goes to ${revision}` } : { runs: false, detail: `the service's traffic is ${describeShares(shares)}, not 100% on ${revision}` };
  }

  async undo(undo: UndoInfo, context: { failed: string }): Promise<RestoreResult> {
    if (!undo.traffic) return { error: "the service's traffic before the change is unknown", incomplete: true };
    try {
      const service = await this.api.getService();
      if (sameTraffic(pinnedTraffic(service), undo.traffic)) {
        runner.info(`The traffic of ${this.api.target.service} is as it was before the change to ${context.failed} (${describeShares(trafficShares(service))}).`);
      } else {
        runner.info(`Putting the traffic of ${this.api.target.service} back as it was before the change to ${context.failed}.`);
        const after = await this.api.setTraffic(undo.traffic, `restoring the traffic of ${this.api.target.service}`);
        runner.info(`The traffic of ${this.api.target.service} is back: ${describeShares(trafficShares(after))}.`);
      }
      return { restored: undo.release ?? 'the previous traffic', incomplete: false };
    } catch (error) {
      runner.error(`Could not put the traffic back: ${errorMessage(error)}`);
      return { error: publicErrorSummary(error), incomplete: true };
    }
  }
}
