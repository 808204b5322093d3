import { runner, errorMessage, formatDuration, ShipkitError, sleep } from '@shipkit/core';
import { invalidateEnvironmentCdn, type ResolvedEnvironment } from '@shipkit/environments';
import { commitOf, formatWeights, Operation, otherSlot, SLOT_NAMES, type Ledger, type LedgerRecord, type LedgerState, type SlotName, type SlotState, type TrafficWeights, type Trigger } from '@shipkit/ledger';
import { createRouter, type RouterDependencies } from './factory.js';
import { isCanary, type CanaryPlan } from './steps.js';
import { describeTraffic, isSplit, readTraffic, routerWeightsOrUndefined, trafficSplit } from './traffic.js';
import { RouteStillRunningError, type Router } from './types.js';

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

/** What the analysis of one canary step found. */
export interface StepAnalysis {
  passed: boolean;
  /** Kept in the ledger's progress record (counts and latencies, no bodies). */
  summary: Record<string, unknown>;
  /** The check that failed the step, and why. */
  failedCheck?: string;
  reason?: string;
}

export interface CanaryOptions {
  plan: CanaryPlan;
  /** Validates what the analysis of `slot` needs (its URL, its checks), before anything changes. */
  check?: (slot: SlotName) => void;
  /** Analyses a step while the new slot gets `weight` percent of traffic; runs for the step's duration unless it fails early. */
  analyse: (step: { index: number; weight: number; slot: SlotName; release: string }) => Promise<StepAnalysis>;
}

/** Refuses traffic steps on a router that cannot split traffic, saying what to use instead. */
export function checkWeighted(router: Router, plan: CanaryPlan, environment: string): void {
  if (isCanary(plan) && !router.weighted) {
    throw new ShipkitError(`Traffic steps ${plan.steps.join(',')} were asked for environment ${environment}, but ${router.weightedRefusal ?? `the ${router.type} router cannot split traffic`}.`);
  }
}

/** A canary stopped: all traffic went back to the previous slot (unless that failed too, as the message says). */
export class CanaryAbortedError extends ShipkitError {
  constructor(
    message: string,
    /** The new slot's share when the canary stopped, percent. */
    readonly abortedAt: number,
    /** Where live traffic is now: a slot, or `split` when the abort could not return it to one. */
    readonly liveSlot: SlotName | 'split',
    readonly failedCheck?: string,
    hint?: string,
    /** Each slot's share after the abort, as the router reported it (absent when it could not be read). */
    readonly weights?: TrafficWeights,
  ) {
    super(message, { hint });
  }
}

export interface SwitchTrafficOptions extends SwitchChecks {
  env: ResolvedEnvironment;
  ledger: Ledger;
  /** `idle` (the slot not live now) or a slot name. */
  to: SwitchTarget;
  /** Probed after the flip; a failed probe switches back and fails. */
  verifyUrl?: string;
  /** Checks the target slot before visitors move, where the router has that moment (RouteRequest.beforeTraffic). */
  checkSlot?: (slot: SlotName) => Promise<void>;
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
  /** Move traffic in steps, analysing each (blue-green-switch's `steps`); a plan of [100] is a flip. */
  canary?: CanaryOptions;
  /** Called once the started record is written (the action saves it for its post step). */
  onStarted?: (started: LedgerRecord, route: { target: SlotName; previous?: SlotName }) => void;
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
  /** The traffic steps taken (a canary), e.g. [20, 50, 100]; absent for a flip. */
  steps?: number[];
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
  const { state, records } = await ledger.read();
  const view = await readTraffic(router, state, `a switch of ${env.name}`);
  const routerLive = view.router ? SLOT_NAMES.find((name) => view.router![name] === 100) : undefined;
  const plan = planSwitch(state, routerLive, options.to, options);
  // Traffic split (a canary left open, or an abort the router could not carry out): nothing is "already live", and only a flip ends it.
  const split = trafficSplit(view) || !!state.canary;
  if (split) {
    plan.alreadyLive = false;
    if (options.canary && isCanary(options.canary.plan)) {
      throw new ShipkitError(`Refusing traffic steps ${options.canary.plan.steps.join(',')} on ${env.name}: live traffic is already split (${describeTraffic(view, state)}). Nothing was changed.`, {
        hint: `End the split first: a switch that completes (steps: 100, to: ${plan.target}) or rollback (all traffic back to ${state.live?.slot ?? 'the live slot'}).`,
      });
    }
    runner.warning(`Live traffic of ${env.name} is split (${describeTraffic(view, state)}); this switch sends all of it to ${plan.target}.`);
  }
  for (const warning of plan.warnings) runner.warning(warning);
  const { target, slot } = plan;
  // What was live, as recorded; the router's own view (plan.routed) is only used to restore it.
  const previousSlot = plan.ledgerLive;
  const result: SwitchTrafficResult = { liveSlot: target, previousSlot, release: slot.release, previousRelease: state.live?.release, changed: false, router: router.description, conflicts: [] };
  if (plan.alreadyLive) {
    runner.info(`Slot ${target} (release ${slot.release}) is already live in ${env.name}; nothing to do.`);
    return { ...result, previousSlot: undefined, previousRelease: undefined };
  }

  // A canary keeps the rest of the traffic on the slot live now: without one (first switch) it is a flip.
  let canary = options.canary && isCanary(options.canary.plan) ? options.canary : undefined;
  if (canary) {
    checkWeighted(router, canary.plan, env.name);
    if (!plan.routed || plan.routed === target) {
      runner.notice(`Nothing else is live in ${env.name}, so there is no slot to keep the rest of the traffic on: slot ${target} goes live at once instead of in steps ${canary.plan.steps.join(',')}.`);
      canary = undefined;
    }
    canary?.check?.(target);
  }
  const recordAs = options.recordAs ?? 'switch';
  const commit = commitOf(records, slot.release);
  const operation = await ledger.begin(
    {
      type: recordAs,
      release: slot.release,
      slot: target,
      previousRelease: state.live?.release,
      previousSlot,
      trigger: options.trigger,
      reason: options.reason,
      details: {
        router: router.type,
        ...(recordAs === 'rollback' ? { method: 'switch' } : {}),
        ...(commit ? { commit } : {}),
        ...(canary ? { steps: canary.plan.steps, stepDurationMs: canary.plan.stepDurationMs } : {}),
        ...options.details,
      },
    },
    state,
  );
  options.onStarted?.(operation.started, { target, previous: plan.routed });
  const previousRelease = plan.routed ? state.slots[plan.routed]?.release : undefined;
  runner.info(`Switching ${env.name} from ${previousSlot ?? '(nothing live)'} to ${target} (release ${slot.release}) via ${router.description}${canary ? ` in steps ${canary.plan.steps.join(',')}% of ${formatDuration(canary.plan.stepDurationMs)} each` : ''}.`);
  // The new slot's share of traffic so far (a canary's last step).
  let weight = 0;
  if (canary) weight = await runCanary({ canary, operation, router, env, target, from: plan.routed!, release: slot.release, previousRelease });
  try {
    const checkSlot = options.checkSlot;
    await router.route({ slot: target, previous: plan.routed, release: slot.release, previousRelease, restoreWeight: weight ? 100 - weight : undefined, beforeTraffic: checkSlot ? () => checkSlot(target) : undefined });
  } catch (error) {
    if (canary) throw await abortCanary({ operation, router, env, target, from: plan.routed!, release: slot.release, previousRelease, weight, error });
    // A change still running on the platform: record where the router says traffic goes now (the ledger keeps what runs).
    await recordFailure(operation, error, error instanceof RouteStillRunningError ? { details: { routedAfter: error.routedAfter ?? null, routerStillRunning: true } } : {});
    throw error;
  }
  // A CDN in front of the router caches the old slot's pages: drop them (a cloudfront router on the same distribution already did).
  if (env.azureCdn || (env.cdn && !(env.router?.type === 'cloudfront' && env.router['distribution-id'] === env.cdn.distributionId))) await invalidateEnvironmentCdn(env, 'all');

  if (options.verifyUrl) {
    try {
      const { probes } = await verifyLive(options.verifyUrl, options.verify);
      runner.info(`Verified ${options.verifyUrl} after the switch (${probes} probes).`);
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
  return { ...result, changed: true, commit, conflicts: operation.conflicts.map((conflict) => conflict.message), steps: canary?.plan.steps };
}

type SwitchOperation = Operation;

interface CanaryRun {
  operation: SwitchOperation;
  router: Router;
  env: ResolvedEnvironment;
  target: SlotName;
  /** The slot live before: it keeps the rest of the traffic, and all of it after an abort. */
  from: SlotName;
  release: string;
  previousRelease?: string;
}

/**
 * The steps before 100%: sets each weight, records it, analyses the step, records the analysis.
 * Returns the last weight set; on a failed analysis (or any error) returns all traffic to `from`,
 * records the abort and throws CanaryAbortedError.
 */
async function runCanary(run: CanaryRun & { canary: CanaryOptions }): Promise<number> {
  const { canary, operation, router, target, from } = run;
  const steps = canary.plan.steps;
  let weight = 0;
  for (const [index, step] of steps.slice(0, -1).entries()) {
    const label = `Step ${index + 1}/${steps.length}`;
    let analysis: StepAnalysis;
    try {
      await router.route({ slot: target, previous: from, weight: step, release: run.release, previousRelease: run.previousRelease, restoreWeight: 100 - weight });
      weight = step;
      const set = await operation.progress({ step: index + 1, steps, weight: step, phase: 'set' });
      runner.info(`${label}: ${step}% of live traffic on ${target} (release ${run.release}), ${100 - step}% on ${from}; analysing for ${formatDuration(canary.plan.stepDurationMs)}.`);
      analysis = await canary.analyse({ index, weight: step, slot: target, release: run.release });
      await operation.progress({ step: index + 1, steps, weight: step, phase: 'analysed', setAt: set.time, analysis: analysis.summary });
    } catch (error) {
      throw await abortCanary({ ...run, weight, error });
    }
    if (!analysis.passed) {
      const failure = new ShipkitError(`${label} (${step}% on ${target}) failed its analysis: ${analysis.failedCheck ? `check ${JSON.stringify(analysis.failedCheck)}: ` : ''}${analysis.reason ?? 'failed'}.`);
      throw await abortCanary({ ...run, weight, error: failure, analysis });
    }
    runner.info(`${label} passed its analysis.`);
  }
  return weight;
}

/**
 * Returns all traffic to the previous slot after a failed step, records the abort, and gives the
 * error to throw. When the router cannot move traffic back, it is read again: the ledger keeps the
 * canary open with the weights it reports (`details.split`), and the error names them.
 */
async function abortCanary(run: CanaryRun & { weight: number; error: unknown; analysis?: StepAnalysis }): Promise<CanaryAbortedError> {
  const { operation, router, target, from, weight } = run;
  let outcome: string;
  let switchedBack = false;
  let weights: TrafficWeights | undefined;
  try {
    await router.route({ slot: from, previous: target, weight: 100, release: run.previousRelease, previousRelease: run.release, restoreWeight: weight || undefined, abort: true });
    outcome = `all traffic is back on ${from}`;
    switchedBack = true;
  } catch (backError) {
    weights = await routerWeightsOrUndefined(router);
    if (weights && !isSplit(weights) && (weights[from] ?? 0) > 0) {
      // The change took although the call failed (read back): traffic is on `from` alone.
      outcome = `all traffic is back on ${from} (read back after an error: ${errorMessage(backError)})`;
      switchedBack = true;
    } else {
      const now = weights ? `the router sends ${formatWeights(weights)}` : `the router could not be read; the last weight set was ${target} ${weight}%`;
      outcome = `returning all traffic to ${from} FAILED too (${errorMessage(backError)}): traffic is still split, ${now}. Run rollback, or blue-green-switch to: ${target} with steps: 100, to put it on one slot`;
    }
  }
  const message = `Canary of ${run.release} on ${run.env.name} aborted at ${weight}%: ${errorMessage(run.error)} ${outcome[0].toUpperCase()}${outcome.slice(1)}.`;
  const reported = weights ?? (switchedBack ? { [from]: 100 } : { [from]: 100 - weight, [target]: weight });
  const aborted = new CanaryAbortedError(
    message,
    weight,
    switchedBack ? from : 'split',
    run.analysis?.failedCheck,
    switchedBack ? `Slot ${target} (release ${run.release}) stays installed for inspection at its own URL.` : `deploy-env refuses slot ${target} while it receives traffic. The ledger keeps the canary open until traffic is on one slot.`,
    reported,
  );
  await recordFailure(operation, aborted, {
    details: { ...operation.started.details, aborted: true, abortedAt: weight, switchedBack, ...(weights ? { split: weights } : {}), ...(run.analysis ? { failedCheck: run.analysis.failedCheck, analysis: run.analysis.summary } : {}) },
  });
  return aborted;
}

async function recordFailure(operation: SwitchOperation, error: unknown, extra: Parameters<SwitchOperation['fail']>[1] = {}): Promise<void> {
  try {
    await operation.fail(error, extra);
  } catch (ledgerError) {
    runner.warning(`Could not record the failed switch in the ledger: ${errorMessage(ledgerError)}`);
  }
}

export interface AbandonSwitchOptions {
  env: ResolvedEnvironment;
  ledger: Ledger;
  router: Router;
  /** The switch operation's started record (never ended). */
  started: LedgerRecord;
  /** The slot that was live before the switch: it gets all traffic back. */
  from: SlotName;
  /** Why: recorded as the switch's error. */
  reason: string;
  /** The new slot's share when the switch stopped (a canary's last weight), percent. */
  weight?: number;
}

/**
 * Finishes a switch another process left open (a cancelled job's post step, a rollback during an
 * interrupted canary): all traffic back on `from`, the switch recorded as failed with the weight
 * it reached. Returns whether traffic went back; the router's failure is reported, not thrown.
 */
export async function abandonSwitch(options: AbandonSwitchOptions): Promise<{ switchedBack: boolean; error?: string; weights?: TrafficWeights }> {
  const { started, router, from } = options;
  const to = started.slot;
  let switchedBack = false;
  let failure: string | undefined;
  let weights: TrafficWeights | undefined;
  try {
    const state = await options.ledger.state();
    await router.route({ slot: from, previous: to && to !== from ? to : undefined, weight: 100, release: state.slots[from]?.release, previousRelease: started.release, restoreWeight: options.weight ? options.weight : undefined, abort: true });
    switchedBack = true;
  } catch (error) {
    failure = errorMessage(error);
    weights = await routerWeightsOrUndefined(router);
    if (weights) failure += ` (the router sends ${formatWeights(weights)})`;
  }
  const operation = new Operation(options.ledger, started);
  const outcome = switchedBack ? `all traffic returned to ${from}` : `returning all traffic to ${from} failed: ${failure}`;
  await recordFailure(operation, new ShipkitError(`${options.reason}; ${outcome}`), {
    details: { ...started.details, aborted: true, interrupted: true, ...(options.weight !== undefined ? { abortedAt: options.weight } : {}), switchedBack, ...(weights ? { split: weights } : {}) },
  });
  return { switchedBack, error: failure, weights };
}
