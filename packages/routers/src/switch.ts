import * as core from '@actions/core';
import { errorMessage, ShipkitError, sleep } from '@shipkit/core';
import { invalidateEnvironmentCdn, type ResolvedEnvironment } from '@shipkit/environments';
import { commitOf, otherSlot, type Ledger, type LedgerState, type SlotName, type SlotState, type Trigger } from '@shipkit/ledger';
import { createRouter, type RouterDependencies } from './factory.js';
import type { Router } from './types.js';

export type SwitchTarget = 'idle' | SlotName;

export interface SwitchPlan {
  /** The slot to make live. */
  target: SlotName;
  /** What the target slot holds. */
  slot: SlotState;
  /** The slot the ledger records as live (absent before the first switch). */
  ledgerLive?: SlotName;
  /** Where traffic goes now: the router's own answer, else the ledger's. */
  routed?: SlotName;
  /** The target is live in the ledger and (as far as the router can tell) in the router: nothing to do. */
  alreadyLive: boolean;
  warnings: string[];
}

export interface SwitchChecks {
  expectRelease?: string;
  requireSmoke?: boolean;
}

function describeSmoke(slot: SlotState): string {
  const smoke = slot.smoke!;
  return `${smoke.passed ? 'passed' : 'failed'} at ${smoke.time}${smoke.runUrl ? ` (${smoke.runUrl})` : ''}`;
}

/**
 * Decides what a switch does, from the ledger's state and the router's own view; refuses (before
 * anything changes) when the slot does not hold a complete release, holds another release than
 * expected, or lacks a passed smoke test when one is required.
 */
export function planSwitch(state: LedgerState, routerLive: SlotName | undefined, to: SwitchTarget, checks: SwitchChecks = {}): SwitchPlan {
  const environment = state.environment;
  const ledgerLive = state.live?.slot;
  const warnings: string[] = [];
  if (routerLive && ledgerLive && routerLive !== ledgerLive) {
    warnings.push(`The router sends traffic to ${routerLive}, but the ledger records ${ledgerLive} as live (an interrupted switch, or a change by hand). The ledger decides which slot is idle; this switch records what it does.`);
  }
  let target: SlotName;
  if (to !== 'idle') target = to;
  else if (ledgerLive) target = otherSlot(ledgerLive);
  else {
    // Nothing live yet: the idle slot is the one holding a deployed release (the newest if both do).
    const ready = (['blue', 'green'] as const).map((name) => state.slots[name]).filter((slot): slot is SlotState => slot?.status === 'ready');
    if (!ready.length) {
      throw new ShipkitError(`No slot of environment ${environment} holds a deployed release, so there is nothing to switch to.`, {
        hint: 'Deploy a release with deploy-env first; it installs into the idle slot.',
      });
    }
    target = ready.sort((a, b) => (a.since < b.since ? 1 : -1))[0].slot;
  }
  const slot = state.slots[target];
  if (!slot) {
    throw new ShipkitError(`Slot ${target} of environment ${environment} holds no release: no deploy into it is recorded in the ledger.`, {
      hint: 'Deploy a release into it with deploy-env first.',
    });
  }
  if (slot.status !== 'ready') {
    const why = slot.status === 'installing' ? 'a deploy into it is running or was interrupted' : 'the last deploy into it failed';
    throw new ShipkitError(`Slot ${target} of environment ${environment} is not ready to go live: ${why} (release ${slot.release}, ${slot.since}).`, {
      hint: 'Re-run the deploy (deploy-env completes an interrupted install), then switch.',
    });
  }
  if (checks.expectRelease && slot.release !== checks.expectRelease) {
    throw new ShipkitError(`Input "expect-release" is ${JSON.stringify(checks.expectRelease)}, but slot ${target} of environment ${environment} holds release ${JSON.stringify(slot.release)}; refusing to switch.`, {
      hint: 'Another run may have deployed into the slot since; deploy the expected release again or switch without expect-release.',
    });
  }
  if (checks.requireSmoke) {
    if (!slot.smoke) {
      throw new ShipkitError(`Input "require-smoke" is true, but no smoke-test result is recorded for slot ${target} of environment ${environment} with release ${slot.release}; refusing to switch.`, {
        hint: 'Run smoke-test against the slot URL with `environment` and `slot` set so the result is recorded in the ledger.',
      });
    }
    if (!slot.smoke.passed) {
      throw new ShipkitError(`Input "require-smoke" is true, but the latest smoke test of slot ${target} (release ${slot.release}) ${describeSmoke(slot)}; refusing to switch.`);
    }
  }
  const routed = routerLive ?? ledgerLive;
  const alreadyLive = ledgerLive === target && state.live?.release === slot.release && (routerLive === undefined || routerLive === target);
  return { target, slot, ledgerLive, routed, alreadyLive, warnings };
}

export interface VerifyOptions {
  /** Consecutive successful probes needed (default 3). */
  successes?: number;
  /** Failed probes that fail the verification (default 3). */
  failures?: number;
  intervalMs?: number;
  requestTimeoutMs?: number;
}

/**
 * Probes the live URL after a switch: passes after `successes` consecutive answers below 400,
 * fails after `failures` bad ones (errors, timeouts, 4xx/5xx). Several probes, because a reload
 * takes a moment and one lucky answer from the old slot proves nothing.
 */
export async function verifyLive(url: string, options: VerifyOptions = {}): Promise<{ probes: number }> {
  const needed = options.successes ?? 3;
  const allowed = options.failures ?? 3;
  let streak = 0;
  let probes = 0;
  const problems: string[] = [];
  while (streak < needed) {
    probes++;
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(options.requestTimeoutMs ?? 10_000), headers: { 'cache-control': 'no-cache' } });
      await response.arrayBuffer();
      if (response.status >= 400) throw new Error(`HTTP ${response.status}`);
      streak++;
    } catch (error) {
      streak = 0;
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      problems.push(`${errorMessage(error)}${cause ? ` (${cause})` : ''}`);
      if (problems.length >= allowed) {
        throw new ShipkitError(`The live URL ${url} failed verification after the switch: ${problems.join('; ')}.`);
      }
    }
    if (streak < needed) await sleep(options.intervalMs ?? 1000);
  }
  return { probes };
}

export interface SwitchTrafficOptions extends SwitchChecks {
  env: ResolvedEnvironment;
  ledger: Ledger;
  /** `idle` (the slot not live now) or a slot name. */
  to: SwitchTarget;
  /** Probed after the flip; a failed probe switches back and fails. */
  verifyUrl?: string;
  verify?: VerifyOptions;
  /** Default: createRouter(env, dependencies). */
  router?: Router;
  dependencies?: RouterDependencies;
  /** The ledger record type: `switch` (blue-green-switch) or `rollback` (rollback by switching back). */
  recordAs?: 'switch' | 'rollback';
  trigger?: Trigger;
  reason?: string;
  /** Extra facts for the ledger record. */
  details?: Record<string, unknown>;
}

export interface SwitchTrafficResult {
  liveSlot: SlotName;
  /** The slot live before, per the ledger; absent on the first switch. */
  previousSlot?: SlotName;
  release: string;
  previousRelease?: string;
  /** False when the slot was already live: nothing was changed or recorded. */
  changed: boolean;
  router: string;
  /** Ledger conflicts found while switching (another run's operation overlapped); reported, not resolved. */
  conflicts: string[];
  /** The commit the live release was built from (its deploy record), when known. */
  commit?: string;
}

/**
 * Moves live traffic of a blue-green environment to a slot: checks, records the operation in the
 * ledger, flips the router (which restores its previous routing if the flip fails), optionally
 * verifies the live URL and switches back when that fails. blue-green-switch and rollback both
 * call this, so the logic lives once.
 */
export async function switchTraffic(options: SwitchTrafficOptions): Promise<SwitchTrafficResult> {
  const { env, ledger } = options;
  const router = options.router ?? createRouter(env, options.dependencies);
  const state = await ledger.state();
  const routerLive = await router.live();
  const plan = planSwitch(state, routerLive, options.to, options);
  for (const warning of plan.warnings) core.warning(warning);
  const { target, slot } = plan;
  // What was live, as recorded; the router's own view (plan.routed) is only used to restore it.
  const previousSlot = plan.ledgerLive;
  const result: SwitchTrafficResult = { liveSlot: target, previousSlot, release: slot.release, previousRelease: state.live?.release, changed: false, router: router.description, conflicts: [] };
  if (plan.alreadyLive) {
    core.info(`Slot ${target} (release ${slot.release}) is already live in ${env.name}; nothing to do.`);
    return { ...result, previousSlot: undefined, previousRelease: undefined };
  }

  const recordAs = options.recordAs ?? 'switch';
  const commit = commitOf(await ledger.records(), slot.release);
  const operation = await ledger.begin(
    {
      type: recordAs,
      release: slot.release,
      slot: target,
      previousRelease: state.live?.release,
      previousSlot,
      trigger: options.trigger,
      reason: options.reason,
      details: { router: router.type, ...(recordAs === 'rollback' ? { method: 'switch' } : {}), ...(commit ? { commit } : {}), ...options.details },
    },
    state,
  );
  core.info(`Switching ${env.name} from ${previousSlot ?? '(nothing live)'} to ${target} (release ${slot.release}) via ${router.description}.`);
  try {
    await router.route({ slot: target, previous: plan.routed, release: slot.release, previousRelease: plan.routed ? state.slots[plan.routed]?.release : undefined });
  } catch (error) {
    await recordFailure(operation, error);
    throw error;
  }
  // A CDN in front of the router caches the old slot's pages: drop them (a cloudfront router on the same distribution already did).
  if (env.cdn && !(env.router?.type === 'cloudfront' && env.router['distribution-id'] === env.cdn.distributionId)) await invalidateEnvironmentCdn(env, 'all');

  if (options.verifyUrl) {
    try {
      const { probes } = await verifyLive(options.verifyUrl, options.verify);
      core.info(`Verified ${options.verifyUrl} after the switch (${probes} probes).`);
    } catch (error) {
      let outcome: string;
      let switchedBack = false;
      // Back to the slot recorded live (the last one that went live through a verified switch), else where the router was.
      const backTo = [plan.ledgerLive, plan.routed].find((candidate) => candidate && candidate !== target);
      if (backTo) {
        try {
          await router.route({ slot: backTo, previous: target, release: state.slots[backTo]?.release, previousRelease: slot.release });
          outcome = `switched back to ${backTo}`;
          switchedBack = true;
        } catch (backError) {
          outcome = `switching back to ${backTo} FAILED too (${errorMessage(backError)}); check the router now`;
        }
      } else {
        outcome = 'no other slot was live before, so there was nothing to switch back to';
      }
      const failure = new ShipkitError(`${errorMessage(error)} ${outcome[0].toUpperCase()}${outcome.slice(1)}.`, {
        hint: switchedBack ? `Slot ${target} (release ${slot.release}) stays installed for inspection at its own URL.` : undefined,
      });
      await recordFailure(operation, failure, { details: { ...operation.started.details, verifyUrl: options.verifyUrl, switchedBack } });
      throw failure;
    }
  }

  await operation.succeed();
  return { ...result, changed: true, commit, conflicts: operation.conflicts.map((conflict) => conflict.message) };
}

async function recordFailure(operation: Awaited<ReturnType<Ledger['begin']>>, error: unknown, extra: Parameters<Awaited<ReturnType<Ledger['begin']>>['fail']>[1] = {}): Promise<void> {
  try {
    await operation.fail(error, extra);
  } catch (ledgerError) {
    core.warning(`Could not record the failed switch in the ledger: ${errorMessage(ledgerError)}`);
  }
}
