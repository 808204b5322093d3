import { runner, errorMessage, loadConfig, parseDuration, readContext, setOutput, setPostPending, writeSummary } from '@shipkit/core';
import { deploymentMirror, resolveEnvironment, withEnvironmentLease } from '@shipkit/environments';
import { EnvironmentLease, openLedger, Operation, runInfoFromEnv, type Ledger, type LedgerRecord, type SlotName } from '@shipkit/ledger';
import { abandonSwitch, CanaryAbortedError, checkWeighted, createRouter, switchTraffic, type SwitchTrafficResult } from '@shipkit/routers';
import { createObjectStore } from '@shipkit/stores';
import { canaryOptions, canarySettings } from './canary.js';
import { readInputs } from './context.js';
import { slotCheck } from './slot-check.js';

const STATE_LEDGER = 'ledger';
const STATE_STARTED = 'started-record';
const STATE_ROUTE = 'route';
const STATE_LEASE = 'lease';
const STATE_FINISHED = 'finished';

/**
 * The switch ended (switched, aborted or refused): its post step has nothing to put back, and
 * nothing to do at all unless the lease this run took is still in the store (its release failed:
 * the post step releases it rather than leave it to expire).
 */
function finished(leaseLeft: boolean): void {
  runner.saveState(STATE_FINISHED, 'true');
  setPostPending(leaseLeft);
}

/** Reads the inputs, calls the modules, writes the outputs. */
export async function main(): Promise<void> {
  // Nothing saved yet: the post step has work only once the lease is taken (onAcquired).
  setPostPending(false);
  const inputs = readInputs();
  const loaded = loadConfig(inputs.config);
  const env = resolveEnvironment(loaded, inputs.environment, { lockTimeoutMs: inputs.lockTimeout !== undefined ? parseDuration(inputs.lockTimeout, 'lock-timeout') : undefined });
  const router = createRouter(env);
  const verifyUrl = inputs.verify ? (inputs.verifyUrl ?? env.url) : undefined;
  const settings = canarySettings(loaded, env, inputs);
  checkWeighted(router, settings.plan, env.name);
  const canary = canaryOptions(loaded, env, settings, verifyUrl);
  const client = createObjectStore({ region: env.aws.region, endpoint: env.aws.endpoint, forcePathStyle: env.aws.forcePathStyle });
  const ledger = await openLedger({ state: env.state, app: env.app, environment: env.name, client });
  runner.saveState(STATE_LEDGER, JSON.stringify({ state: env.state, app: env.app, environment: env.name, aws: env.aws }));

  const context = readContext();
  let result: SwitchTrafficResult;
  // Taken and not (yet) released: a lease the main step could not release is left to the post step.
  let leaseLeft = false;
  try {
    const leased = {
      ledger,
      operation: `switch to ${inputs.to}`,
      validate: async () => router.validate?.(),
      // The post step releases a lease a killed main step still held (its finally): it has work from here on.
      onAcquired: (lease: EnvironmentLease) => {
        leaseLeft = true;
        setPostPending(true);
        runner.saveState(STATE_LEASE, JSON.stringify({ key: lease.key, token: lease.holder.token }));
      },
      onReleased: () => {
        leaseLeft = false;
      },
    };
    result = await withEnvironmentLease(env, client, leased, () => switchTraffic({
      env,
      ledger,
      router,
      to: inputs.to,
      expectRelease: inputs.expectRelease,
      requireSmoke: inputs.requireSmoke,
      // Traffic really moved only if the live URL answers: verify-url, else the environment's url (verify: false opts out).
      verifyUrl,
      // Where the router has a moment before visitors move (App Service swap with preview), the slot's smoke checks run then.
      checkSlot: slotCheck(loaded, env),
      trigger: context.eventName === 'workflow_dispatch' ? 'manual' : 'automatic',
      canary,
      // A cancelled job's post step puts traffic back where it was (see post).
      onStarted: (started, route) => {
        setPostPending(true);
        runner.saveState(STATE_STARTED, JSON.stringify(started));
        runner.saveState(STATE_ROUTE, JSON.stringify(route));
      },
    }));
  } catch (error) {
    finished(leaseLeft);
    if (error instanceof CanaryAbortedError) {
      setOutput('aborted-at', String(error.abortedAt));
      setOutput('live-slot', error.liveSlot);
      setOutput('weights', error.weights ? JSON.stringify(error.weights) : '');
    }
    await writeSummary({ title: 'blue-green-switch', text: `Traffic of **${env.name}** was not switched (${inputs.to === 'idle' ? 'to the idle slot' : `to ${inputs.to}`}).`, details: `\`\`\`\n${errorMessage(error)}\n\`\`\`` });
    throw error;
  }
  finished(leaseLeft);

  setOutput('live-slot', result.liveSlot);
  setOutput('previous-slot', result.previousSlot ?? '');
  setOutput('release', result.release);
  setOutput('aborted-at', '');
  setOutput('weights', JSON.stringify({ [result.liveSlot]: 100 }));

  if (result.changed) {
    const deployment = deploymentMirror({ token: inputs.githubToken, run: context, environment: env, release: result.release, commit: result.commit, description: `shipkit: ${result.release} live on ${result.liveSlot}` });
    await deployment.start();
    await deployment.status('success');
  }

  const headline = result.changed
    ? `Switched **${env.name}** to slot **${result.liveSlot}** (release \`${result.release}\`)${result.steps ? ` in steps ${result.steps.join(', ')}%` : ''}`
    : `Slot **${result.liveSlot}** (release \`${result.release}\`) was already live in **${env.name}**`;
  runner.info(headline.replace(/\*\*|`/g, ''));
  await writeSummary({
    title: 'blue-green-switch',
    text: `${headline}.`,
    headers: ['', 'slot', 'release'],
    rows: [
      ['live now', result.liveSlot, result.release],
      ['before', result.previousSlot, result.previousRelease],
    ],
    details: [`Router: ${result.router}`, ...result.conflicts.map((conflict) => `:warning: Ledger conflict: ${conflict}`)].join('\n\n'),
  });
}

/**
 * The post step (post-if: always()): when the main step started a switch and never finished it
 * (the job was cancelled mid-canary, the runner killed the process), all traffic goes back to the
 * slot that was live before and the switch is recorded as failed with the weight it reached —
 * while this run still holds the environment's lease; then the lease is released.
 */
export async function post(): Promise<void> {
  // A switch the main step ended leaves nothing to put back; only its lease, when the main step's release failed.
  const ended = runner.getState(STATE_FINISHED) === 'true';
  const ledgerText = runner.getState(STATE_LEDGER);
  if (!ledgerText) return;
  const where = JSON.parse(ledgerText) as { state: { bucket: string; prefix: string }; app: string; environment: string; aws: { region?: string; endpoint?: string; forcePathStyle?: boolean } };
  const client = createObjectStore(where.aws);
  const leaseText = runner.getState(STATE_LEASE);
  const lease = leaseText ? (JSON.parse(leaseText) as { key: string; token: string }) : undefined;
  const startedText = runner.getState(STATE_STARTED);
  try {
    if (ended || !startedText || !lease) return;
    const started = JSON.parse(startedText) as LedgerRecord;
    const route = JSON.parse(runner.getState(STATE_ROUTE) || '{}') as { target?: SlotName; previous?: SlotName };
    if (!(await EnvironmentLease.heldBy(client, where.state.bucket, lease.key, lease.token))) {
      runner.warning(`The switch of ${where.environment} to ${started.slot} was interrupted, but this run no longer holds the environment's lease (another run took it over), so traffic is left as that run sets it. Check the router and the ledger.`);
      return;
    }
    const ledger = await openLedger({ state: where.state, app: where.app, environment: where.environment, client, run: runInfoFromEnv() });
    const state = await ledger.state();
    if (state.operations.find((op) => op.operation === started.operation)?.end) {
      runner.info(`The switch of ${where.environment} had already recorded its end; nothing to undo.`);
      return;
    }
    const weight = state.canary?.operation === started.operation ? state.canary.weight : undefined;
    const reason = `interrupted: the switch step ended without finishing (cancelled or killed)${weight !== undefined ? ` at ${weight}% on ${started.slot}` : ''}`;
    if (!route.previous || route.previous === route.target) {
      runner.warning(`The switch of ${where.environment} to ${started.slot} was ${reason}; no slot was live before, so there is nothing to return traffic to.`);
      await abandonRecordOnly(ledger, started, reason);
      return;
    }
    const inputs = readInputs();
    const env = resolveEnvironment(loadConfig(inputs.config), inputs.environment);
    const outcome = await abandonSwitch({ env, ledger, router: createRouter(env), started, from: route.previous, weight, reason });
    if (outcome.switchedBack) runner.warning(`The switch of ${where.environment} to ${started.slot} was ${reason}: all traffic is back on ${route.previous}, recorded as failed.`);
    else runner.error(`The switch of ${where.environment} to ${started.slot} was ${reason}, and returning traffic to ${route.previous} failed: ${outcome.error}. Check the router now.`);
  } catch (error) {
    runner.warning(`Could not finish the interrupted switch: ${errorMessage(error)}`);
  } finally {
    if (lease) {
      try {
        if (await EnvironmentLease.releaseToken(client, where.state.bucket, lease.key, lease.token)) runner.info(`Released the environment lease the ${ended ? '' : 'interrupted '}switch held.`);
      } catch (error) {
        runner.warning(`Could not release the environment lease (it expires on its own): ${errorMessage(error)}`);
      }
    }
  }
}

async function abandonRecordOnly(ledger: Ledger, started: LedgerRecord, reason: string): Promise<void> {
  await new Operation(ledger, started).fail(new Error(reason), { details: { ...started.details, interrupted: true } });
}
