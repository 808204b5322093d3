import {
  GetDistributionCommand,
  GetDistributionConfigCommand,
  UpdateDistributionCommand,
  type CloudFrontClient,
  type DistributionConfig,
} from '@aws-sdk/client-cloudfront';
import { waitForInvalidation } from '@shipkit/cloudfront';
import { runner, errorMessage, formatDuration, ShipkitError, sleep } from '@shipkit/core';
import { SLOT_NAMES, type SlotName } from '@shipkit/ledger';
import type { RouteRequest, Router } from './types.js';

/** CloudFront's cache key does not include the origin: after a switch every cached path may be the old slot's. */
export const DEFAULT_INVALIDATE_PATHS = ['/*'];
export const DEFAULT_SWITCH_TIMEOUT_MS = 15 * 60_000;

export interface CloudFrontRouterOptions {
  environment: string;
  client: CloudFrontClient;
  distributionId: string;
  /** Each slot's origin id, as declared in the distribution. */
  origins: Record<SlotName, string | undefined>;
  /** Invalidates paths on the distribution (packages/cloudfront's invalidatePaths); returns the invalidation ids. */
  invalidate: (paths: string[]) => Promise<{ ids: string[] }>;
  invalidatePaths?: string[];
  /** Wait until the distribution is Deployed and the invalidation Completed (default true). */
  wait?: boolean;
  /** Path patterns of cache behaviours that must follow the slots: refused when one targets a third origin. */
  behaviors?: string[];
  /** UpdateDistribution attempts when someone else changed the distribution meanwhile (ETag mismatch). */
  attempts?: number;
  pollIntervalMs?: number;
  /** Bound on waiting for Deployed and Completed (default 15 min). */
  waitTimeoutMs?: number;
}

function isPreconditionFailed(error: unknown): boolean {
  const name = (error as { name?: string; Code?: string })?.name;
  return name === 'PreconditionFailed' || (error as { Code?: string })?.Code === 'PreconditionFailed';
}

/** A cache behaviour's name in messages: `default` or its path pattern. */
type BehaviourName = string;

/**
 * Points every cache behaviour that targets either slot's origin (the default one and the ordered
 * ones, e.g. `/assets/*`) at the new slot's origin, in one UpdateDistribution guarded by the
 * config's ETag (If-Match): a concurrent edit by someone else is re-read, never overwritten. Then
 * invalidates `/*` (the cache key does not include the origin) and, by default, waits until the
 * distribution is Deployed and the invalidation Completed: the switch returns when traffic moved.
 */
export class CloudFrontRouter implements Router {
  readonly type = 'cloudfront' as const;
  readonly description: string;
  readonly weighted = false;
  readonly weightedRefusal =
    'the cloudfront router moves all of a distribution\'s traffic at once: it cannot send a share of visitors to each slot. For a gradual CloudFront rollout use CloudFront continuous deployment (a staging distribution with a weight-based policy), or set steps to 100 (a verified flip)';

  constructor(private readonly options: CloudFrontRouterOptions) {
    this.description = `CloudFront distribution ${options.distributionId}`;
  }

  private async readConfig(): Promise<{ config: DistributionConfig; etag: string }> {
    let output;
    try {
      output = await this.options.client.send(new GetDistributionConfigCommand({ Id: this.options.distributionId }));
    } catch (error) {
      throw new ShipkitError(`Could not read CloudFront distribution ${this.options.distributionId}: ${errorMessage(error)}`, {
        hint: 'Check the distribution id (router.distribution-id) and that the credentials allow cloudfront:GetDistributionConfig.',
      });
    }
    if (!output.DistributionConfig || !output.ETag) {
      throw new ShipkitError(`CloudFront returned no configuration or ETag for distribution ${this.options.distributionId}.`);
    }
    return { config: output.DistributionConfig, etag: output.ETag };
  }

  private originFor(slot: SlotName, config: DistributionConfig): string {
    const declared = (config.Origins?.Items ?? []).map((origin) => origin.Id ?? '');
    const origin = this.options.origins[slot];
    if (!origin) {
      throw new ShipkitError(`Slot ${slot} of environment ${this.options.environment} has no origin, and the cloudfront router needs one.`, {
        hint: `Add environments.${this.options.environment}.slots.${slot}.origin: one of the origin ids of distribution ${this.options.distributionId} (${declared.join(', ') || 'none'}).`,
      });
    }
    const missing = SLOT_NAMES.filter((name) => this.options.origins[name] && !declared.includes(this.options.origins[name]!));
    if (missing.length) {
      throw new ShipkitError(
        `Distribution ${this.options.distributionId} does not declare the origin of slot ${missing.map((name) => `${name} (${this.options.origins[name]})`).join(' and ')}; it declares: ${declared.join(', ') || 'no origins'}.`,
        { hint: "Declare both slots' origins in the distribution (or fix slots.<slot>.origin to one of the ids above); shipkit moves the cache behaviours between them." },
      );
    }
    return origin;
  }

  /** Every cache behaviour with its name: the default one first, then the ordered ones. */
  private behaviours(config: DistributionConfig): Array<{ name: BehaviourName; behaviour: { TargetOriginId?: string } }> {
    const list: Array<{ name: BehaviourName; behaviour: { TargetOriginId?: string } }> = [];
    if (config.DefaultCacheBehavior) list.push({ name: 'default', behaviour: config.DefaultCacheBehavior });
    for (const ordered of config.CacheBehaviors?.Items ?? []) list.push({ name: ordered.PathPattern ?? '?', behaviour: ordered });
    return list;
  }

  async live(): Promise<SlotName | undefined> {
    const { config } = await this.readConfig();
    const target = config.DefaultCacheBehavior?.TargetOriginId;
    return SLOT_NAMES.find((slot) => this.options.origins[slot] === target);
  }

  /**
   * Sets `targets` (behaviour name -> origin) in one guarded update. With `slot`, every behaviour
   * on either slot's origin moves to that slot's; returns what each moved behaviour pointed at before.
   */
  private async update(plan: (config: DistributionConfig) => Map<BehaviourName, string>): Promise<Map<BehaviourName, string>> {
    const attempts = this.options.attempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      const { config, etag } = await this.readConfig();
      const targets = plan(config);
      const before = new Map<BehaviourName, string>();
      for (const { name, behaviour } of this.behaviours(config)) {
        const target = targets.get(name);
        if (target && behaviour.TargetOriginId !== target) {
          before.set(name, behaviour.TargetOriginId ?? '');
          behaviour.TargetOriginId = target;
        }
      }
      if (!before.size) return before;
      try {
        await this.options.client.send(new UpdateDistributionCommand({ Id: this.options.distributionId, IfMatch: etag, DistributionConfig: config }));
        runner.info(`Distribution ${this.options.distributionId}: ${[...before].map(([name, from]) => `${name} ${from} -> ${targets.get(name)}`).join(', ')}.`);
        return before;
      } catch (error) {
        if (isPreconditionFailed(error) && attempt < attempts) {
          runner.info(`Distribution ${this.options.distributionId} changed while we updated it (ETag ${etag} is stale); re-reading (attempt ${attempt + 1}/${attempts}).`);
          await sleep(Math.min(200 * attempt, 1000));
          continue;
        }
        const detail = isPreconditionFailed(error) ? `its configuration kept changing underneath us (${attempts} attempts, ETag mismatch)` : errorMessage(error);
        throw new ShipkitError(`Could not update CloudFront distribution ${this.options.distributionId}: ${detail}. Live traffic is unchanged.`, {
          hint: 'Check that the credentials allow cloudfront:UpdateDistribution and that nobody else is editing the distribution.',
        });
      }
    }
  }

  /** What a switch to `slot` changes, checked before anything changes. */
  private planSwitch(slot: SlotName, config: DistributionConfig): Map<BehaviourName, string> {
    const origin = this.originFor(slot, config);
    const slotOrigins = new Set(SLOT_NAMES.map((name) => this.options.origins[name]).filter(Boolean) as string[]);
    const targets = new Map<BehaviourName, string>();
    for (const { name, behaviour } of this.behaviours(config)) {
      // The default behaviour is the site: it always follows the slots (also away from a legacy origin on the first switch).
      if (name === 'default' || slotOrigins.has(behaviour.TargetOriginId ?? '')) targets.set(name, origin);
      else if (this.options.behaviors?.includes(name)) {
        throw new ShipkitError(
          `Cache behaviour ${JSON.stringify(name)} of distribution ${this.options.distributionId} targets origin ${JSON.stringify(behaviour.TargetOriginId)}, which is neither slot's (${[...slotOrigins].join(', ')}), but router.behaviors lists it as following the slots; nothing was changed.`,
          { hint: 'Point it at one of the slot origins in the distribution, or remove it from router.behaviors.' },
        );
      }
    }
    return targets;
  }

  private async waitUntil(deadline: number, what: string, done: () => Promise<string | undefined>): Promise<void> {
    const interval = this.options.pollIntervalMs ?? 10_000;
    for (;;) {
      const waiting = await done();
      if (waiting === undefined) return;
      if (Date.now() + interval > deadline) throw new ShipkitError(`${what} is still ${waiting} after ${formatDuration(this.options.waitTimeoutMs ?? DEFAULT_SWITCH_TIMEOUT_MS)}`);
      runner.info(`${what} is ${waiting}; waiting.`);
      await sleep(interval);
    }
  }

  async route(request: RouteRequest): Promise<void> {
    const moved = await this.update((config) => this.planSwitch(request.slot, config));
    if (!moved.size) runner.info(`Distribution ${this.options.distributionId} already routes every slot behaviour to ${request.slot}.`);
    const deadline = Date.now() + (this.options.waitTimeoutMs ?? DEFAULT_SWITCH_TIMEOUT_MS);
    const changed = moved.size ? `it routed ${[...moved.keys()].join(', ')} to ${request.slot}` : 'its routing was already on the slot';
    try {
      const { ids } = await this.options.invalidate(this.options.invalidatePaths ?? DEFAULT_INVALIDATE_PATHS);
      if (this.options.wait ?? true) {
        await this.waitUntil(deadline, `Distribution ${this.options.distributionId}`, async () => {
          const status = (await this.options.client.send(new GetDistributionCommand({ Id: this.options.distributionId }))).Distribution?.Status;
          return status?.toLowerCase() === 'deployed' ? undefined : (status ?? 'unknown');
        });
        for (const id of ids) {
          await waitForInvalidation(this.options.client, this.options.distributionId, id, { waitTimeoutMs: Math.max(0, deadline - Date.now()), pollIntervalMs: this.options.pollIntervalMs });
        }
      }
    } catch (error) {
      let restored = 'nothing needed pointing back';
      if (moved.size) {
        try {
          await this.update(() => moved);
          restored = `the behaviours were pointed back (${[...moved].map(([name, from]) => `${name} -> ${from}`).join(', ')})`;
        } catch (restoreError) {
          restored = `pointing them back failed too (${errorMessage(restoreError)}): check the distribution now`;
        }
      }
      throw new ShipkitError(`Switching distribution ${this.options.distributionId} to ${request.slot} failed after ${changed}: ${errorMessage(error)}; ${restored}.`);
    }
  }
}
