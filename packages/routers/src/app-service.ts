import { ArmOperationTimeoutError, type ArmClient } from '@shipkit/azure';
import { runner, errorMessage, formatDuration, ShipkitError } from '@shipkit/core';
import { SLOT_NAMES, type SlotName } from '@shipkit/ledger';
import { RouteStillRunningError, type RouteRequest, type Router } from './types.js';

/** App Service ARM API version of the calls below. */
export const APP_SERVICE_API_VERSION = '2023-12-01';
/**
 * The app setting that says which shipkit slot (blue or green) an App Service slot runs. It is not
 * a slot setting, so it travels with the content on every swap: production's value is the live slot.
 */
export const SLOT_SETTING = 'SHIPKIT_SLOT';

export interface AppServiceRouterOptions {
  environment: string;
  arm: ArmClient;
  subscription: string;
  resourceGroup: string;
  app: string;
  /** The deployment slot swapped with production (default `staging`): deploys go there. */
  slot: string;
  /** Swap with preview: apply production's slot settings to the staging slot first (it restarts and warms up with them), then swap. */
  preview: boolean;
}

/**
 * Blue-green on Azure App Service: production and one deployment slot. A release is deployed into
 * the deployment slot (the idle one); a switch swaps it with production (optionally with preview)
 * and reads back that production now runs the slot asked for. Which shipkit slot each App Service
 * slot runs is the app setting SHIPKIT_SLOT, which the swap carries along. A swap that fails leaves
 * production as it was (a swap with preview is reset); one that reports success but leaves
 * production on another slot fails the switch, naming what runs. Restoring after a later failure
 * (the switch's checks) is a swap back, through route() again.
 */
export class AppServiceRouter implements Router {
  readonly type = 'app-service-slots' as const;
  readonly description: string;
  readonly weighted = false;
  readonly weightedRefusal: string;

  constructor(private readonly options: AppServiceRouterOptions) {
    this.description = `App Service ${options.app} (production <-> ${options.slot})`;
    this.weightedRefusal = `a slot swap moves all of ${options.app}'s traffic at once; App Service's own traffic routing (a percentage to the ${options.slot} slot) is not driven by shipkit yet. Use steps 100, or the alb or nginx router in front of two slots`;
  }

  private site(slot?: string): string {
    const { subscription, resourceGroup, app } = this.options;
    return `/subscriptions/${encodeURIComponent(subscription)}/resourceGroups/${encodeURIComponent(resourceGroup)}/providers/Microsoft.Web/sites/${encodeURIComponent(app)}${slot ? `/slots/${encodeURIComponent(slot)}` : ''}`;
  }

  private async settings(slot?: string): Promise<Record<string, string>> {
    const what = `reading the app settings of ${this.options.app}${slot ? ` slot ${slot}` : ''}`;
    const response = await this.options.arm.send('POST', `${this.site(slot)}/config/appsettings/list?api-version=${APP_SERVICE_API_VERSION}`);
    this.options.arm.check(response, what);
    return ((response.body as { properties?: Record<string, string> } | undefined)?.properties ?? {}) as Record<string, string>;
  }

  private async tag(slot: string | undefined): Promise<SlotName | undefined> {
    return tagOf(await this.settings(slot));
  }

  async live(): Promise<SlotName | undefined> {
    return this.tag(undefined);
  }

  private async swap(what: string): Promise<void> {
    await this.options.arm.run('POST', `${this.site(this.options.slot)}/slotsswap?api-version=${APP_SERVICE_API_VERSION}`, { targetSlot: 'production', preserveVnet: true }, what);
  }

  async route(request: RouteRequest): Promise<void> {
    if (request.weight !== undefined && request.weight < 100) throw new ShipkitError(`The app-service-slots router cannot send ${request.weight}%: ${this.weightedRefusal}.`);
    const { app, slot: stagingSlot, preview } = this.options;
    const target = request.slot;
    const [liveSettings, idleSettings] = await Promise.all([this.settings(undefined), this.settings(stagingSlot)]);
    const [live, idle] = [tagOf(liveSettings), tagOf(idleSettings)];
    if (live === target) {
      runner.info(`${app}: production already runs ${target}; nothing to swap.`);
      return;
    }
    if (idle !== target) {
      // The release of `target` was deployed into the deployment slot; say so in its settings so the swap carries it.
      runner.info(`${app} slot ${stagingSlot} is marked ${idle ?? 'nothing'}; marking it ${target} (the release deployed there) before the swap.`);
      const response = await this.options.arm.send('PUT', `${this.site(stagingSlot)}/config/appsettings?api-version=${APP_SERVICE_API_VERSION}`, { properties: { ...idleSettings, [SLOT_SETTING]: target } });
      this.options.arm.check(response, `marking ${app} slot ${stagingSlot} as ${target}`);
    }
    if (preview) {
      // Phase one of a swap with preview: the deployment slot restarts with production's slot settings...
      await this.options.arm.run('POST', `${this.site(stagingSlot)}/applySlotConfig?api-version=${APP_SERVICE_API_VERSION}`, { targetSlot: 'production', preserveVnet: true }, `applying production's settings to ${app} slot ${stagingSlot} (swap with preview)`);
      // ...and is checked running with them (the switch's slot checks) before any visitor moves; a failure resets it.
      if (request.beforeTraffic) {
        try {
          await request.beforeTraffic();
        } catch (error) {
          const reset = await this.options.arm
            .run('POST', `${this.site(stagingSlot)}/resetSlotConfig?api-version=${APP_SERVICE_API_VERSION}`, undefined, `resetting ${app} slot ${stagingSlot}'s settings after its failed check`)
            .then(() => 'its settings were reset', (resetError: unknown) => `resetting its settings FAILED too (${errorMessage(resetError)}): run az webapp deployment slot swap --action reset`);
          throw new ShipkitError(`Swap with preview stopped before the swap: ${app} slot ${stagingSlot} failed its checks with production's settings applied (${errorMessage(error)}); ${reset}, production still runs ${live ?? 'what it ran'}.`, {
            hint: 'Fix the release (or the settings it needs) and deploy again; production was not touched.',
            cause: error,
          });
        }
      }
    }
    try {
      await this.swap(`the swap of ${app} slot ${stagingSlot} into production`);
    } catch (error) {
      // Still running at the timeout: never reset or swap back mid-swap (it would land anyway); read production back.
      if (error instanceof ArmOperationTimeoutError) return this.stillRunning(error, target);
      if (preview) {
        await this.options.arm
          .run('POST', `${this.site(stagingSlot)}/resetSlotConfig?api-version=${APP_SERVICE_API_VERSION}`, undefined, `resetting ${app} slot ${stagingSlot}'s settings after the failed swap`)
          .catch((reset: unknown) => runner.warning(errorMessage(reset)));
      }
      throw error;
    }
    // Read back: the swap must have put `target` in production. Swapping again blindly could move
    // traffic when the first swap did nothing, so a mismatch fails and says where things stand.
    const now = await this.tag(undefined);
    if (now !== target) {
      throw new ShipkitError(`The swap of ${app} slot ${stagingSlot} into production reported success, but production runs ${now ?? 'an unmarked slot'}, not ${target}${now === live ? ' (nothing moved)' : ''}.`, {
        hint: `Another swap of ${app} may have run at the same time (Azure portal, az webapp deployment slot swap): check ${app}'s deployment slots, then run blue-green-switch again.`,
      });
    }
    runner.info(`${app}: production now runs ${target} (swapped from slot ${stagingSlot}${preview ? ', with preview' : ''}).`);
  }

  /**
   * The swap is still running when the switch stops waiting. App Service finishes it on its own, so
   * it is neither reset (swap with preview) nor swapped back: production is read back. Running
   * `target` already: the switch is done (a warning says the operation had not ended). Otherwise a
   * RouteStillRunningError says what production runs now, for the caller to record.
   */
  private async stillRunning(timeout: ArmOperationTimeoutError, target: SlotName): Promise<void> {
    const { app, slot } = this.options;
    const still = `The swap of ${app} slot ${slot} into production is still running after ${formatDuration(timeout.timeoutMs)}`;
    const hint = `App Service finishes the swap on its own. Once it has ended (${app}'s deployment slots in the Azure portal, or az webapp deployment slot list), run blue-green-switch again: it reads which slot production runs and records it. Raise router.timeout if swaps of ${app} take longer.`;
    let now: SlotName | undefined;
    try {
      now = await this.tag(undefined);
    } catch (error) {
      throw new RouteStillRunningError(`${still}; it was not reset or undone, and production could not be read back (${errorMessage(error)}).`, undefined, { hint, cause: timeout });
    }
    if (now === target) {
      runner.warning(`${still}, but production already runs ${target} (read back): the switch is done. Azure operation ${timeout.operation} had not reported its end.`);
      return;
    }
    throw new RouteStillRunningError(`${still}; it was not reset or undone. Production runs ${now ?? 'an unmarked slot'} (read back now), not ${target}: the swap may still land.`, now, { hint, cause: timeout });
  }
}

/** Which shipkit slot a set of app settings marks (SHIPKIT_SLOT), if any. */
function tagOf(settings: Record<string, string>): SlotName | undefined {
  const value = settings[SLOT_SETTING];
  return SLOT_NAMES.includes(value as SlotName) ? (value as SlotName) : undefined;
}
