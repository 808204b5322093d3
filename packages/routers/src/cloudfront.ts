import * as core from '@actions/core';
import {
  GetDistributionCommand,
  GetDistributionConfigCommand,
  UpdateDistributionCommand,
  type CloudFrontClient,
  type DistributionConfig,
} from '@aws-sdk/client-cloudfront';
import { errorMessage, ShipkitError, sleep } from '@shipkit/core';
import { SLOT_NAMES, type SlotName } from '@shipkit/ledger';
import type { RouteRequest, Router } from './types.js';

/** Entry documents: what must be re-fetched from the new origin at once (assets are content-hashed). */
export const DEFAULT_INVALIDATE_PATHS = ['/', '/index.html'];

export interface CloudFrontRouterOptions {
  environment: string;
  client: CloudFrontClient;
  distributionId: string;
  /** Each slot's origin id, as declared in the distribution. */
  origins: Record<SlotName, string | undefined>;
  /** Invalidates paths on the distribution (packages/cloudfront's invalidatePaths). */
  invalidate: (paths: string[]) => Promise<void>;
  invalidatePaths?: string[];
  /** Wait until the distribution reports Deployed after the change. */
  wait?: boolean;
  /** UpdateDistribution attempts when someone else changed the distribution meanwhile (ETag mismatch). */
  attempts?: number;
  pollIntervalMs?: number;
  waitTimeoutMs?: number;
}

function isPreconditionFailed(error: unknown): boolean {
  const name = (error as { name?: string; Code?: string })?.name;
  return name === 'PreconditionFailed' || (error as { Code?: string })?.Code === 'PreconditionFailed';
}

/**
 * Points the distribution's default cache behaviour at the slot's origin. Both slots' origins
 * are declared in the distribution up front, so a switch is a one-field change guarded by the
 * config's ETag (If-Match): a concurrent edit by someone else is re-read, never overwritten.
 */
export class CloudFrontRouter implements Router {
  readonly type = 'cloudfront' as const;
  readonly description: string;

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
        { hint: 'Declare both slots\' origins in the distribution (or fix slots.<slot>.origin to one of the ids above); shipkit only moves the default cache behaviour between them.' },
      );
    }
    return origin;
  }

  async live(): Promise<SlotName | undefined> {
    const { config } = await this.readConfig();
    const target = config.DefaultCacheBehavior?.TargetOriginId;
    return SLOT_NAMES.find((slot) => this.options.origins[slot] === target);
  }

  /** Sets the default behaviour's origin; returns the origin it pointed at before. */
  private async pointAt(slot: SlotName): Promise<string | undefined> {
    const attempts = this.options.attempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      const { config, etag } = await this.readConfig();
      const origin = this.originFor(slot, config);
      const behaviour = config.DefaultCacheBehavior;
      if (!behaviour) throw new ShipkitError(`Distribution ${this.options.distributionId} has no default cache behaviour.`);
      const before = behaviour.TargetOriginId;
      if (before === origin) {
        core.info(`Distribution ${this.options.distributionId} already routes its default behaviour to ${origin} (${slot}).`);
        return before;
      }
      behaviour.TargetOriginId = origin;
      try {
        await this.options.client.send(new UpdateDistributionCommand({ Id: this.options.distributionId, IfMatch: etag, DistributionConfig: config }));
        core.info(`Distribution ${this.options.distributionId}: default behaviour ${before} -> ${origin} (${slot}).`);
        return before;
      } catch (error) {
        if (isPreconditionFailed(error) && attempt < attempts) {
          core.info(`Distribution ${this.options.distributionId} changed while we updated it (ETag ${etag} is stale); re-reading (attempt ${attempt + 1}/${attempts}).`);
          await sleep(Math.min(200 * attempt, 1000));
          continue;
        }
        const detail = isPreconditionFailed(error) ? `its configuration kept changing underneath us (${attempts} attempts, ETag mismatch)` : errorMessage(error);
        throw new ShipkitError(`Could not update CloudFront distribution ${this.options.distributionId} to origin ${origin}: ${detail}. Live traffic is unchanged.`, {
          hint: 'Check that the credentials allow cloudfront:UpdateDistribution and that nobody else is editing the distribution.',
        });
      }
    }
  }

  private async waitDeployed(): Promise<void> {
    const interval = this.options.pollIntervalMs ?? 20_000;
    const deadline = Date.now() + (this.options.waitTimeoutMs ?? 25 * 60_000);
    for (;;) {
      const output = await this.options.client.send(new GetDistributionCommand({ Id: this.options.distributionId }));
      const status = output.Distribution?.Status;
      if (status === 'Deployed') return;
      if (Date.now() + interval > deadline) {
        throw new ShipkitError(`Distribution ${this.options.distributionId} is still ${status ?? 'in an unknown state'} after waiting; the change is applied and will finish deploying on its own.`);
      }
      core.info(`Distribution ${this.options.distributionId} is ${status}; waiting for Deployed.`);
      await sleep(interval);
    }
  }

  async route(request: RouteRequest): Promise<void> {
    const before = await this.pointAt(request.slot);
    try {
      await this.options.invalidate(this.options.invalidatePaths ?? DEFAULT_INVALIDATE_PATHS);
      if (this.options.wait) await this.waitDeployed();
    } catch (error) {
      const previous = SLOT_NAMES.find((slot) => this.options.origins[slot] === before);
      let restored = 'the previous origin could not be determined, so it was left routed to the new slot';
      if (previous && previous !== request.slot) {
        try {
          await this.pointAt(previous);
          restored = `the default behaviour was pointed back at ${before} (${previous})`;
        } catch (restoreError) {
          restored = `pointing it back at ${before} failed too (${errorMessage(restoreError)})`;
        }
      }
      throw new ShipkitError(`Switching distribution ${this.options.distributionId} to ${request.slot} failed after the update: ${errorMessage(error)}; ${restored}.`);
    }
  }
}
