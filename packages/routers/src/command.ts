import { runner, errorMessage, exec, ShipkitError } from '@shipkit/core';
import type { RouteRequest, Router, SlotName } from './types.js';

export interface CommandRouterOptions {
  environment: string;
  app?: string;
  /** The environment's live URL (SHIPKIT_URL). */
  url?: string;
  /** The user's switch command: program and arguments. */
  command: readonly string[];
  /** Each slot's test URL, given to the command as SHIPKIT_SLOT_URL. */
  slotUrls?: Partial<Record<SlotName, string | undefined>>;
  /** Extra environment (the environment's and the slot's `env` from the config). */
  env?: Record<string, string>;
  slotEnv?: Partial<Record<SlotName, Record<string, string> | undefined>>;
  cwd?: string;
  /** The command understands SHIPKIT_WEIGHT (router.weighted: true), so canary steps may split traffic. */
  weighted?: boolean;
}

/**
 * Runs the user's own switch command (a load balancer's listener rule, an App Service slot swap,
 * a Kubernetes service selector...) with the slot described in SHIPKIT_* variables. It cannot
 * tell which slot is live; the ledger does. If the command fails, it is run once more for the
 * previous slot so a half-done change is put back, then the step fails.
 */
export class CommandRouter implements Router {
  readonly type = 'command' as const;
  readonly description: string;
  readonly weighted: boolean;
  readonly weightedRefusal?: string;

  constructor(private readonly options: CommandRouterOptions) {
    this.description = `command ${options.command.join(' ')}`;
    this.weighted = options.weighted === true;
    if (!this.weighted) {
      this.weightedRefusal = `the switch command of environment ${options.environment} is not declared to split traffic: a command that ignores SHIPKIT_WEIGHT would move all traffic at the first step. Make the command send SHIPKIT_WEIGHT percent to SHIPKIT_SLOT and the rest to SHIPKIT_PREVIOUS_SLOT, then set router.weighted: true`;
    }
  }

  async live(): Promise<SlotName | undefined> {
    return undefined;
  }

  environmentFor(slot: SlotName, request: RouteRequest, restoring: boolean): Record<string, string> {
    return {
      ...this.options.env,
      ...this.options.slotEnv?.[slot],
      SHIPKIT_APP: this.options.app ?? '',
      SHIPKIT_ENVIRONMENT: this.options.environment,
      SHIPKIT_URL: this.options.url ?? '',
      SHIPKIT_SLOT: slot,
      SHIPKIT_SLOT_URL: this.options.slotUrls?.[slot] ?? '',
      SHIPKIT_RELEASE: (restoring ? request.previousRelease : request.release) ?? '',
      SHIPKIT_PREVIOUS_SLOT: restoring ? request.slot : request.previous ?? '',
      SHIPKIT_RESTORE: restoring ? 'true' : 'false',
      // The share of traffic (percent) for SHIPKIT_SLOT; the rest goes to SHIPKIT_PREVIOUS_SLOT. A restore puts back the weight before this change.
      SHIPKIT_WEIGHT: String(restoring ? (request.restoreWeight ?? 100) : (request.weight ?? 100)),
    };
  }

  async route(request: RouteRequest): Promise<void> {
    const [program, ...args] = this.options.command;
    try {
      await runner.group(`Switch command: ${this.options.command.join(' ')} (to ${request.slot})`, () =>
        exec(program, args, { env: this.environmentFor(request.slot, request, false), cwd: this.options.cwd, label: `switch command ${program}` }),
      );
      return;
    } catch (error) {
      const failure = errorMessage(error);
      if (!request.previous) {
        throw new ShipkitError(`The switch command failed for slot ${request.slot}: ${failure}`, {
          hint: 'No slot was live before, so there is no previous routing to restore.',
        });
      }
      let restored = 'it was run again for the previous slot to restore the routing';
      try {
        await runner.group(`Restoring: ${this.options.command.join(' ')} (back to ${request.previous})`, () =>
          exec(program, args, { env: this.environmentFor(request.previous!, request, true), cwd: this.options.cwd, label: `switch command ${program} (restore)` }),
        );
      } catch (restoreError) {
        restored = `running it again for ${request.previous} to restore the routing failed too (${errorMessage(restoreError)}); check the router by hand`;
      }
      throw new ShipkitError(`The switch command failed for slot ${request.slot}; ${restored}.\n${failure}`);
    }
  }
}
