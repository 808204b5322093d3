import type { S3Client } from '@aws-sdk/client-s3';
import { runner, addTiming, errorMessage, ShipkitError } from '@shipkit/core';
import { commitOf, formatWeights, imagesOf, otherSlot, taskDefinitionsOf, type Ledger, type LedgerRecord, type LedgerState, type SlotName, type TrafficWeights, type Trigger } from '@shipkit/ledger';
import type { GitHubDeployment, ResolvedEnvironment } from '@shipkit/environments';
import { abandonSwitch, createRouter, readTraffic, refuseSlotWithTraffic, routerWeightsOrUndefined, switchTraffic, type Router } from '@shipkit/routers';
import { Change, type ChangeState, type Fence, type Target } from '@shipkit/targets';

export interface RollbackRequest {
  env: ResolvedEnvironment;
  /** `previous` or a release id. */
  to: string;
  reason?: string;
  trigger: Trigger;
  client: S3Client;
  ledger: Ledger;
  /** The environment's target (createTarget). */
  target: Target;
  /** The environment's lease: checked before every write phase. */
  fence?: Fence;
  /** Aborted when the step is cancelled. */
  signal?: AbortSignal;
  /** The change's state, saved for the post step as it goes. */
  changeState?: ChangeState;
  saveChange?: (state: ChangeState) => void;
  /** This run's id: a re-run of a rollback that already completed does not roll back again. */
  runId?: string;
  mirror?: GitHubDeployment;
  /** Blue-green: the router (default: from the environment's config). */
  router?: Router;
  secrets?: string[];
  /** Where the time goes (ms per phase: ledger, the install's phases), for the benchmarks. */
  timings?: Record<string, number>;
}

export interface RollbackPlan {
  release: string;
  rolledBackFrom: string;
  /** direct: reinstall; blue-green: switch back when the other slot still holds the release, else reinstall into it and switch. */
  method: 'reinstall' | 'switch' | 'reinstall-and-switch' | 'noop';
  slot?: SlotName;
  /** Images the release was deployed with (command targets get them again). */
  images?: unknown;
  /** The commit the release was built from (its deploy record), when known. */
  commit?: string;
  /** For a no-op: why nothing was done, in words. */
  why?: string;
}

export interface RollbackOutcome extends RollbackPlan {
  record?: LedgerRecord;
}

/**
 * Decides what a rollback does and validates it against the ledger — before anything changes:
 * something must be live, the target must have been deployed successfully to this environment,
 * and (s3 targets reinstalling) it must still be in the release store (checked by the caller).
 */
export function planRollback(state: LedgerState, records: LedgerRecord[], env: ResolvedEnvironment, to: string, runId?: string, liveComplete = true): RollbackPlan {
  const live = state.live;
  if (!live) {
    throw new ShipkitError(`Environment ${env.name} has nothing live in its ledger, so there is nothing to roll back.`, {
      hint: 'Deploy a release first; rollback works from the ledger history.',
    });
  }
  // A re-run of the same rollback request that already completed: done, do not roll back one step further.
  // Another request (`to`) in the same run is validated like any rollback.
  if (runId) {
    const mine = records.filter((record) => record.type === 'rollback' && record.status === 'succeeded' && record.runId === runId).at(-1);
    const sameRequest = (mine?.details?.requested ?? to) === to;
    if (mine && sameRequest && liveComplete && mine.release === live.release && mine.id === live.recordId) {
      return {
        release: live.release,
        rolledBackFrom: mine.previousRelease ?? live.release,
        method: 'noop',
        slot: live.slot,
        why: `this run already rolled ${env.name} back to ${live.release} (from ${mine.previousRelease ?? '?'}, at ${mine.time}); a re-run does not roll back a second step. To go further back, start a new rollback naming the release (to: <release>).`,
      };
    }
  }
  const wanted = to === 'previous' ? state.previous?.release : to;
  if (to === 'previous' && wanted) {
    const skipped = state.history.filter((change) => change.release !== live.release && change.release !== wanted && change.since > (state.history.find((entry) => entry.release === wanted)?.since ?? '')).map((change) => change.release);
    runner.info(`"previous" is ${wanted}: the last good release before ${live.release}${skipped.length ? ` (skipping ${[...new Set(skipped)].join(', ')}: rolled back from, failed, or never deployed successfully)` : ''}.`);
  }
  if (!wanted) {
    throw new ShipkitError(`Input "to" is "previous", but the ledger of ${env.name} knows no previous good release before ${live.release}.`, {
      hint: 'Name a release explicitly with `to`, or deploy one.',
    });
  }
  const known = state.releases[wanted];
  if (!known?.deployed) {
    const deployed = Object.values(state.releases).filter((release) => release.deployed).map((release) => release.release);
    throw new ShipkitError(`Input "to" has an invalid value ${JSON.stringify(to)}: release ${wanted} was never deployed successfully to ${env.name} (deployed: ${deployed.slice(-10).join(', ') || 'none'}).`, {
      hint: 'Roll back to a release this environment has run before; promote other releases with deploy-env.',
    });
  }
  const images = imagesOf(records, wanted);
  if (wanted === live.release && (liveComplete || env.strategy === 'blue-green')) {
    return { release: wanted, rolledBackFrom: live.release, method: 'noop', slot: live.slot, images, why: `release ${wanted} is already live on ${env.name} (since ${live.since}); nothing to roll back.` };
  }
  // Direct, and the live location does not hold the live release completely (a failed install): reinstall it.
  if (env.strategy !== 'blue-green') return { release: wanted, rolledBackFrom: live.release, method: 'reinstall', images };
  const other = otherSlot(live.slot ?? 'blue');
  const held = state.slots[other];
  if (held?.status === 'ready' && held.release === wanted) return { release: wanted, rolledBackFrom: live.release, method: 'switch', slot: other, images };
  return { release: wanted, rolledBackFrom: live.release, method: 'reinstall-and-switch', slot: other, images };
}

/**
 * Rolls an environment back. Direct: reinstall by server-side copy from the release store (or
 * the deploy command). Blue-green: switch back when the other slot still holds the release
 * (instant), else reinstall it into the idle slot and switch. Recorded with reason and trigger.
 */
export async function rollback(request: RollbackRequest): Promise<RollbackOutcome> {
  const { env, ledger } = request;
  const ledgerStarted = performance.now();
  let { records, state } = await ledger.read();
  addTiming(request.timings, 'ledger read', ledgerStarted);
  if (env.strategy === 'blue-green' && state.canary && state.live?.slot) {
    const ended = await endCanary(request, state);
    // `previous` (or the live release) during a canary means "back to before it": done.
    if (request.to === 'previous' || request.to === ended.release) return ended;
    ({ records, state } = await ledger.read());
  }
  // What really runs, not the ledger alone: a location left incomplete (or changed behind the ledger's back) is reinstalled.
  const verified = env.strategy === 'blue-green' || !state.live ? undefined : await request.target.verify(state.live.release, undefined, records);
  const liveComplete = !verified || verified.runs;
  if (!liveComplete) runner.warning(`The live location of ${env.name} does not run ${state.live?.release} as the ledger says (${verified?.detail}); the rollback reinstalls in full.`);
  const plan = planRollback(state, records, env, request.to, request.runId, liveComplete);
  if (plan.method === 'noop') {
    runner.info(`Nothing rolled back: ${plan.why ?? `release ${plan.release} is already live on ${env.name}.`}`);
    return plan;
  }
  if (plan.method !== 'switch') await request.target.validate({ release: plan.release, slot: plan.slot, operation: 'rollback' });
  if (plan.method === 'reinstall-and-switch') {
    // Never install into a slot that takes live traffic, whatever the ledger says.
    const view = await readTraffic(request.router ?? createRouter(env), state, 'a rollback that reinstalls into the idle slot');
    if (view.router?.[plan.slot!] === 100) {
      throw new ShipkitError(`Refusing to reinstall ${plan.release} into slot ${plan.slot} of ${env.name}: the router sends live traffic to it, although the ledger records ${state.live?.slot} as live.`, {
        hint: `Run blue-green-switch with to: ${plan.slot} to record where traffic goes, then roll back again.`,
      });
    }
    refuseSlotWithTraffic({ environment: env.name, slot: plan.slot!, view, state, doing: `reinstall ${plan.release} into` });
  }

  // The mirror and the records name the release's own commit (its deploy record), not this run's.
  plan.commit = commitOf(records, plan.release);
  request.mirror?.retarget({ release: plan.release, ref: plan.commit });
  await request.mirror?.start();
  try {
    const outcome = await execute(request, plan, state, records);
    await request.mirror?.status('success', `rolled back to ${plan.release}`);
    return outcome;
  } catch (error) {
    await request.mirror?.status('failure', `rollback to ${plan.release} failed`);
    throw error;
  }
}

/**
 * A rollback while a canary is open (its run died, or was cancelled without its post step): all
 * traffic back on the slot that was live before the canary, the canary's switch recorded as
 * failed, and the rollback recorded (a switch back to the live release).
 */
async function endCanary(request: RollbackRequest, state: LedgerState): Promise<RollbackOutcome> {
  const { env, ledger } = request;
  const canary = state.canary!;
  const live = state.live!;
  const from = live.slot!;
  const started = state.operations.find((op) => op.operation === canary.operation)?.started;
  runner.info(`A canary of ${canary.release} is open on ${env.name} (${canary.weight}% on slot ${canary.slot}, step ${canary.step}, since ${canary.since}${canary.runUrl ? `, ${canary.runUrl}` : ''}): returning all traffic to slot ${from} (${live.release}).`);
  const router = request.router ?? createRouter(env);
  // The canary's switch ends first (failed, traffic back), so the rollback does not overlap an open operation.
  // A canary whose switch already ended with traffic split (its abort failed) only needs the traffic moved.
  const result = canary.unresolved
    ? await returnTraffic(router, from, canary.slot)
    : started
      ? await abandonSwitch({ env, ledger, router, started, from, weight: canary.weight, reason: `rolled back during its canary at ${canary.weight}%` })
      : { switchedBack: false, error: "the canary's started record is missing from the ledger", weights: undefined };
  const operation = await ledger.begin({
    type: 'rollback',
    release: live.release,
    slot: from,
    previousRelease: canary.release,
    previousSlot: canary.slot,
    trigger: request.trigger,
    reason: request.reason,
    details: { method: 'switch', requested: request.to, canary: { operation: canary.operation, weight: canary.weight } },
  });
  if (!result.switchedBack) {
    const failure = new ShipkitError(`Could not return all traffic of ${env.name} to slot ${from} during the canary of ${canary.release}: ${result.error}.`, { hint: 'Check the router: part of the traffic may still reach the canary slot. The ledger keeps the canary open until traffic is on one slot.' });
    await operation.fail(failure, { details: { ...operation.started.details, switchedBack: false, ...(result.weights ? { split: result.weights } : {}) } }).catch((ledgerError) => runner.warning(`Could not record the failed rollback: ${errorMessage(ledgerError)}`));
    throw failure;
  }
  const record = await operation.succeed();
  return { release: live.release, rolledBackFrom: canary.release, method: 'switch', slot: from, record };
}

async function execute(request: RollbackRequest, plan: RollbackPlan, state: LedgerState, records: LedgerRecord[]): Promise<RollbackOutcome> {
  const { env, ledger } = request;
  const description = { release: plan.release, previousRelease: plan.rolledBackFrom, images: plan.images, operation: 'rollback' as const };
  // ecs: the revisions the release ran are re-pointed, not registered again.
  const taskDefinitions = (slot?: SlotName) => taskDefinitionsOf(records, plan.release, slot);

  const change = new Change({ target: request.target, ledger, fence: request.fence, signal: request.signal, state: request.changeState, save: request.saveChange, environment: env.name });
  if (plan.method === 'reinstall') {
    // What the live location runs now, saved before the first write: the undo of a failure or a cancel
    // (not when the live release itself was half installed: then there is nothing good to put back).
    await change.saveUndo(undefined, plan.rolledBackFrom !== plan.release ? { release: plan.rolledBackFrom, images: imagesOf(records, plan.rolledBackFrom), taskDefinitions: taskDefinitionsOf(records, plan.rolledBackFrom) } : {});
    await change.begin(() =>
      ledger.begin(
        { type: 'rollback', release: plan.release, previousRelease: plan.rolledBackFrom, trigger: request.trigger, reason: request.reason, details: { method: 'reinstall', requested: request.to, ...(plan.commit ? { commit: plan.commit } : {}) } },
        state,
      ),
    );
    try {
      await change.startWriting('install');
      const install = await request.target.install({ ...description, taskDefinitions: taskDefinitions(), timings: request.timings, signal: request.signal });
      const record = await change.succeed({ details: { method: 'reinstall', install } });
      return { ...plan, record };
    } catch (error) {
      throw await change.fail(error);
    }
  }

  const slot = plan.slot as SlotName;
  if (plan.method === 'reinstall-and-switch') {
    // The idle slot no longer holds the release: install it there (never into the live slot), then switch.
    await change.saveUndo(slot, { release: state.slots[slot]?.release });
    await change.begin(() =>
      ledger.begin(
        { type: 'deploy', release: plan.release, slot, previousRelease: plan.rolledBackFrom, previousSlot: state.live?.slot, trigger: request.trigger, reason: request.reason, details: { forRollback: true, ...(plan.images !== undefined ? { images: plan.images } : {}), ...(plan.commit ? { commit: plan.commit } : {}) } },
        state,
      ),
    );
    try {
      await change.startWriting('install');
      const install = await request.target.install({ ...description, slot, taskDefinitions: taskDefinitions(slot), signal: request.signal });
      await change.succeed({ details: { install } });
    } catch (error) {
      throw await change.fail(error);
    }
  }
  await change.fence('switch');
  await switchTraffic({
    env,
    ledger,
    to: slot,
    expectRelease: plan.release,
    router: request.router,
    recordAs: 'rollback',
    trigger: request.trigger,
    reason: request.reason,
    details: { requested: request.to, ...(plan.commit ? { commit: plan.commit } : {}), ...(plan.method === 'reinstall-and-switch' ? { reinstalled: true } : {}) },
  });
  const record = (await ledger.records()).filter((entry) => entry.type === 'rollback' && entry.status === 'succeeded').at(-1);
  return { ...plan, record };
}

/** All traffic back on `from` (an abort), read back; on failure, the router's reading of the split. */
async function returnTraffic(router: Router, from: SlotName, canarySlot: SlotName): Promise<{ switchedBack: boolean; error?: string; weights?: TrafficWeights }> {
  try {
    await router.route({ slot: from, previous: canarySlot, weight: 100, abort: true });
    return { switchedBack: true };
  } catch (error) {
    const weights = await routerWeightsOrUndefined(router);
    return { switchedBack: false, error: `${errorMessage(error)}${weights ? ` (the router sends ${formatWeights(weights)})` : ''}`, weights };
  }
}
