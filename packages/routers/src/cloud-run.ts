import { runner, errorMessage, ShipkitError } from '@shipkit/core';
import { ALLOCATION_REVISION, CloudRunRefusedError, describeShares, pinnedTraffic, taggedRevision, trafficShares, type CloudRunClient, type CloudRunService, type CloudRunTraffic } from '@shipkit/environments';
import { SLOT_NAMES, type SlotName } from '@shipkit/ledger';
import type { RouteRequest, Router } from './types.js';

export interface CloudRunRouterOptions {
  environment: string;
  client: CloudRunClient;
}

/**
 * Blue-green on one Cloud Run service: each slot is a traffic tag (`blue`, `green`) that the
 * cloud-run target points at the revision of the release the slot holds. A switch sends 100% of
 * traffic to the slot's revision (both tags kept, so both slots keep their URLs); a canary step sends
 * `weight`% to it and the rest to the other slot's revision. The change is waited for (the service's
 * operation) and read back from trafficStatuses; if it did not take, the previous traffic is written
 * back and the switch fails.
 */
export class CloudRunRouter implements Router {
  readonly type = 'cloud-run' as const;
  readonly description: string;
  readonly weighted = true;

  constructor(private readonly options: CloudRunRouterOptions) {
    this.description = `Cloud Run service ${options.client.serviceName}`;
  }

  private slotRevisions(service: CloudRunService): Partial<Record<SlotName, string>> {
    const revisions: Partial<Record<SlotName, string>> = {};
    for (const slot of SLOT_NAMES) {
      const tagged = taggedRevision(service, slot)?.revision;
      if (tagged) revisions[slot] = tagged;
    }
    return revisions;
  }

  private sharesOf(service: CloudRunService): { shares: Partial<Record<SlotName, number>>; foreign: Map<string, number> } {
    const revisions = this.slotRevisions(service);
    const all = trafficShares(service);
    const shares: Partial<Record<SlotName, number>> = {};
    const foreign = new Map(all);
    for (const slot of SLOT_NAMES) {
      const revision = revisions[slot];
      if (!revision || !all.has(revision)) continue;
      shares[slot] = all.get(revision);
      foreign.delete(revision);
    }
    return { shares, foreign };
  }

  async live(): Promise<SlotName | undefined> {
    const shares = await this.split();
    const live = SLOT_NAMES.filter((slot) => (shares[slot] ?? 0) > 0);
    return live.length === 1 && shares[live[0]] === 100 ? live[0] : undefined;
  }

  async split(): Promise<Partial<Record<SlotName, number>>> {
    return this.sharesOf(await this.read()).shares;
  }

  async validate(): Promise<void> {
    await this.read();
  }

  private async read(): Promise<CloudRunService> {
    try {
      return await this.options.client.getService();
    } catch (error) {
      throw new ShipkitError(`Could not read ${this.description}: ${errorMessage(error)}`, { hint: error instanceof ShipkitError ? error.hint : undefined });
    }
  }

  async route(request: RouteRequest): Promise<void> {
    const { slot } = request;
    const weight = request.weight ?? 100;
    const service = await this.read();
    const revisions = this.slotRevisions(service);
    const revision = revisions[slot];
    if (!revision) throw new ShipkitError(`Slot ${slot} of ${this.options.environment} holds no revision: ${this.description} has no traffic tag ${slot}. Deploy into the slot first (deploy-env).`);
    const other = request.previous && request.previous !== slot ? request.previous : undefined;
    if (weight < 100 && (!other || !revisions[other])) throw new ShipkitError(`A ${weight}% step to ${slot} needs the other slot live (the rest of the traffic stays there), and none is.`);
    const { foreign } = this.sharesOf(service);
    // Traffic on a revision neither slot holds: only the first switch (nothing live in the ledger) may take it over.
    if (foreign.size && request.previous) {
      throw new ShipkitError(`${this.description} sends traffic to ${describeShares(foreign)}, which neither slot's tag points at; refusing to replace traffic shipkit does not own.`, {
        hint: `Someone changed the traffic by hand: send it back to a slot's revision (gcloud run services update-traffic ${this.options.client.target.service} --to-tags=${request.previous}=100), then switch again.`,
      });
    }
    const before = pinnedTraffic(service);
    // Both slot tags stay (each slot keeps its URL); tags shipkit does not own stay at 0%.
    const traffic: CloudRunTraffic[] = [
      { type: ALLOCATION_REVISION, revision, percent: weight, tag: slot },
      ...SLOT_NAMES.filter((name) => name !== slot && revisions[name]).map((name) => ({ type: ALLOCATION_REVISION, revision: revisions[name], ...(name === other && weight < 100 ? { percent: 100 - weight } : {}), tag: name })),
      ...before.filter((entry) => entry.tag && !SLOT_NAMES.includes(entry.tag as SlotName)).map((entry) => ({ type: ALLOCATION_REVISION, revision: entry.revision, tag: entry.tag })),
    ];
    if (foreign.size) runner.info(`${this.description} sent ${describeShares(foreign)} to revisions neither slot holds (its traffic before shipkit's first switch); it moves to slot ${slot}.`);
    try {
      await this.options.client.setTraffic(traffic, `moving ${weight}% of ${this.options.client.target.service}'s traffic to slot ${slot} (${revision})`);
    } catch (error) {
      let restored = 'its previous traffic was put back';
      // A refused write changed nothing; what the service has now may be someone else's change (a
      // 409 on a stale etag): writing the traffic read before over it would silently undo it.
      if (error instanceof CloudRunRefusedError) restored = 'nothing was written, the service\'s traffic is as Cloud Run has it';
      else try {
        await this.options.client.setTraffic(before, `restoring the traffic of ${this.options.client.target.service}`);
      } catch (restoreError) {
        restored = `putting its previous traffic back failed too (${errorMessage(restoreError)}); check it now`;
      }
      throw new ShipkitError(`Could not point ${this.description} at ${slot}${weight < 100 ? ` (${weight}%)` : ''}: ${errorMessage(error)}; ${restored}.`, {
        hint: error instanceof ShipkitError ? error.hint : undefined,
      });
    }
    runner.info(weight < 100 ? `${this.description} now sends ${weight}% to ${slot} (${revision}) and ${100 - weight}% to ${other} (${revisions[other!]}).` : `${this.description} now sends all traffic to ${slot} (${revision}).`);
  }
}
