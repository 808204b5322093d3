import { runner, checkReleaseId, errorMessage, getOptional, getSecret, getString, loadConfig, readContext, setOutput, setPostPending, writeSummary } from '@shipkit/core';
import { openLedger, type EnvironmentLease } from '@shipkit/ledger';
import { deploymentMirror, readEnvironmentInputs, resolveEnvironment, withEnvironmentLease } from '@shipkit/environments';
import { createObjectStore } from '@shipkit/stores';
import { cancellation, createTarget, finishInterrupted, readChangeState, saveChangeState, saveLeaseReleased, type ChangeState } from '@shipkit/targets';
import { rollback } from './rollback.js';

/** The environment of the step, from its inputs and config (the post step resolves it again the same way). */
function resolveStepEnvironment() {
  const run = readContext();
  const environment = getString('environment', { required: true });
  return resolveEnvironment(loadConfig(getOptional('config'), run.workspace), environment, readEnvironmentInputs(), run.workspace);
}

/** Reads the inputs, rolls back as one transaction (cancel included), writes the outputs. */
export async function main(): Promise<void> {
  // Nothing saved yet: the post step has nothing to do until a change state says otherwise.
  setPostPending(false);
  const cancel = cancellation();
  try {
    await rollbackStep(cancel.signal);
  } finally {
    cancel.dispose();
  }
}

async function rollbackStep(signal: AbortSignal): Promise<void> {
  const run = readContext();
  const toInput = getString('to') || 'previous';
  const to = toInput === 'previous' ? toInput : checkReleaseId('to', toInput);
  const reason = getOptional('reason');
  const githubToken = getSecret('github-token');
  const env = resolveStepEnvironment();
  // Manual when a person asked for it (workflow_dispatch); automatic when a pipeline step failed.
  const trigger = run.eventName === 'workflow_dispatch' ? 'manual' : 'automatic';

  const client = createObjectStore({ region: env.aws.region, endpoint: env.aws.endpoint, forcePathStyle: env.aws.forcePathStyle });
  const secrets = githubToken ? [githubToken] : [];
  // Every problem with the target's settings is reported here, before anything is written.
  const target = createTarget(env, client, { secrets });
  const ledger = await openLedger({ state: env.state, app: env.app, environment: env.name, client });
  const changeState: ChangeState = { version: 1, where: { state: env.state, app: env.app, environment: env.name, aws: env.aws }, operation: `rollback to ${to}`, release: to };
  const onAcquired = (lease: EnvironmentLease) => {
    changeState.lease = { key: lease.key, token: lease.holder.token };
    saveChangeState(changeState);
  };
  const outcome = await withEnvironmentLease(env, client, { ledger, operation: `rollback to ${to}`, onAcquired, onReleased: () => saveLeaseReleased(changeState) }, (lease) => rollback({
    env,
    to,
    reason,
    trigger,
    client,
    ledger,
    target,
    fence: lease,
    signal,
    changeState,
    saveChange: saveChangeState,
    runId: run.runId || undefined,
    secrets,
    mirror: deploymentMirror({ token: githubToken, run, environment: env, release: toInput, description: `shipkit rollback to ${toInput}${reason ? `: ${reason}` : ''}` }),
  }));
  const changed = outcome.method !== 'noop';
  setOutput('release', outcome.release);
  // A no-op rolled back from nothing: the output says so instead of repeating an earlier rollback's source.
  setOutput('rolled-back-from', changed ? outcome.rolledBackFrom : '');
  setOutput('changed', String(changed));
  await writeSummary({
    title: `rollback: ${env.name} → ${outcome.release}`,
    headers: ['Rollback', 'Value'],
    rows: [
      ['environment', env.name],
      ['release', outcome.release],
      ['rolled back from', changed ? outcome.rolledBackFrom : undefined],
      ['method', { reinstall: 'server-side reinstall', switch: `switched back to slot ${outcome.slot}`, 'reinstall-and-switch': `reinstalled into slot ${outcome.slot} and switched`, noop: `nothing done: ${outcome.why ?? 'already live'}` }[outcome.method]],
      ['trigger', trigger],
      ['reason', reason],
    ],
  });
}

/**
 * The post step (post-if: always()): a rollback whose main step did not finish (cancelled, killed)
 * is finished as its transaction would have: the live location put back, the rollback recorded as
 * cancelled (or incomplete), the lease released.
 */
export async function post(): Promise<void> {
  const saved = readChangeState();
  if (!saved) return;
  const client = createObjectStore(saved.where.aws);
  try {
    await finishInterrupted({ saved, client, action: 'rollback', target: () => createTarget(resolveStepEnvironment(), client, { secrets: [runner.getInput('github-token')].filter(Boolean) }) });
  } catch (error) {
    runner.warning(`Could not finish the interrupted rollback: ${errorMessage(error)}`);
  }
}
