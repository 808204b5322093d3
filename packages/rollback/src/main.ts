import { checkReleaseId, getOptional, getSecret, getString, loadConfig, readContext, setOutput, writeSummary } from '@shipkit/core';
import { openLedger } from '@shipkit/ledger';
import { deploymentMirror, readEnvironmentInputs, resolveEnvironment, withEnvironmentLease } from '@shipkit/environments';
import { createS3Client } from '@shipkit/s3';
import { rollback } from './rollback.js';

/** Reads the inputs, rolls back, writes the outputs. */
export async function main(): Promise<void> {
  const run = readContext();
  const environment = getString('environment', { required: true });
  const toInput = getString('to') || 'previous';
  const to = toInput === 'previous' ? toInput : checkReleaseId('to', toInput);
  const reason = getOptional('reason');
  const githubToken = getSecret('github-token');
  const env = resolveEnvironment(loadConfig(getOptional('config'), run.workspace), environment, readEnvironmentInputs(), run.workspace);
  // Manual when a person asked for it (workflow_dispatch); automatic when a pipeline step failed.
  const trigger = run.eventName === 'workflow_dispatch' ? 'manual' : 'automatic';

  const client = createS3Client({ region: env.aws.region, endpoint: env.aws.endpoint, forcePathStyle: env.aws.forcePathStyle });
  const ledger = await openLedger({ state: env.state, app: env.app, environment: env.name, client });
  const outcome = await withEnvironmentLease(env, client, { ledger, operation: `rollback to ${to}` }, () => rollback({
    env,
    to,
    reason,
    trigger,
    client,
    ledger,
    runId: run.runId || undefined,
    secrets: githubToken ? [githubToken] : [],
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
