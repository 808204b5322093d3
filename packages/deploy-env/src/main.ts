import { runner, errorMessage, runUrl, setOutput, setPostPending, writeSummary } from '@shipkit/core';
import { EnvironmentLease, idleSlot, openLedger } from '@shipkit/ledger';
import { deploymentMirror, GitHubDeployment, previewCommentBody, pullRequestHeadSha, upsertPreviewComment, withEnvironmentLease } from '@shipkit/environments';
import { createRouter } from '@shipkit/routers';
import { createObjectStore } from '@shipkit/stores';
import { cancellation, createTarget, finishInterrupted, readChangeState, saveChangeState, saveLeaseReleased, type ChangeState } from '@shipkit/targets';
import { readDeployInputs } from './context.js';
import { deploy } from './deploy.js';

const STATE_MIRROR = 'github-deployment';

/** Reads the inputs, deploys as one transaction (cancel included), writes the outputs. */
export async function main(): Promise<void> {
  // Nothing saved yet: the post step has nothing to do until a change state says otherwise.
  setPostPending(false);
  const cancel = cancellation();
  try {
    await deployStep(cancel.signal);
  } finally {
    cancel.dispose();
  }
}

async function deployStep(signal: AbortSignal): Promise<void> {
  const inputs = readDeployInputs();
  const { env, run } = inputs;
  const client = createObjectStore({ region: env.aws.region, endpoint: env.aws.endpoint, forcePathStyle: env.aws.forcePathStyle });
  const secrets = inputs.githubToken ? [inputs.githubToken] : [];
  // Every problem with the target's settings is reported here, before anything is written.
  const target = createTarget(env, client, { secrets });
  const router = env.strategy === 'blue-green' && env.router ? createRouter(env) : undefined;
  const ledger = await openLedger({ state: env.state, app: env.app, environment: env.name, client });
  const mirror = deploymentMirror({ token: inputs.githubToken, run, environment: env, release: inputs.release, description: `shipkit deploy ${inputs.release}` });
  const changeState: ChangeState = { version: 1, where: { state: env.state, app: env.app, environment: env.name, aws: env.aws }, operation: `deploy of ${inputs.release}`, release: inputs.release };
  const leased = {
    ledger,
    operation: `deploy ${inputs.release}`,
    // Read-only checks of the whole request (someone else's files in the location, images, services,
    // the release in the store) before anything — the lease included — is written.
    validate: async () => {
      const slot = env.strategy === 'blue-green' ? idleSlot(await ledger.state()) : undefined;
      // The router's own checks (an ALB's slot target groups exist on its load balancer), before the slot is filled.
      await router?.validate?.();
      await target.validate({ release: inputs.release, slot, images: inputs.images, fromRelease: inputs.fromRelease, sourceDir: inputs.sourceDir, operation: 'deploy' });
    },
    onAcquired: (lease: EnvironmentLease) => {
      changeState.lease = { key: lease.key, token: lease.holder.token };
      saveChangeState(changeState);
    },
    onReleased: () => saveLeaseReleased(changeState),
  };
  const outcome = await withEnvironmentLease(env, client, leased, (lease) => deploy({
    env,
    target,
    release: inputs.release,
    sourceDir: inputs.sourceDir,
    fromRelease: inputs.fromRelease,
    images: inputs.images,
    client,
    ledger,
    fence: lease,
    signal,
    changeState,
    saveChange: saveChangeState,
    mirror,
    secrets,
    retentionDryRun: inputs.retentionDryRun,
    // A preview records its pull request and branch (remove-preview finds its location again) and the head commit.
    details: env.preview ? { commit: pullRequestHeadSha(run), preview: { pr: env.preview.pr, branch: env.preview.branch } } : run.sha ? { commit: run.sha } : undefined,
    onMirrored: (deploymentId) => runner.saveState(STATE_MIRROR, JSON.stringify({ id: deploymentId, repository: run.repository, environment: env.name, release: inputs.release, logUrl: runUrl(run), environmentUrl: env.url })),
    router,
  }));
  // A preview: one comment on the pull request, created once and updated on every push.
  if (env.preview && inputs.githubToken && run.repository) {
    const commit = pullRequestHeadSha(run);
    const posted = await upsertPreviewComment({
      token: inputs.githubToken,
      repository: run.repository,
      pr: env.preview.pr,
      template: env.preview.template,
      body: previewCommentBody({ template: env.preview.template, url: outcome.url, release: outcome.release, commit, runUrl: runUrl(run) }),
    });
    runner.info(`Preview comment on pull request #${env.preview.pr}: ${posted}.`);
  }
  setOutput('release', outcome.release);
  setOutput('previous-release', outcome.rollbackTarget ?? '');
  setOutput('url', outcome.url ?? '');
  setOutput('slot', outcome.slot ?? '');
  setOutput('slot-url', outcome.slotUrl ?? '');
  const rows = [
    ['environment', env.name],
    ['release', outcome.release],
    ['live before', outcome.previousRelease],
    ['rollback target (last good release)', outcome.rollbackTarget],
    ['strategy', env.strategy],
    ['slot', outcome.slot],
    ['environment url', outcome.url],
    ...(outcome.slotUrl ? [['slot url (not live until the switch)', outcome.slotUrl]] : []),
    ['result', outcome.noop ? 'already live (no-op)' : 'deployed'],
  ];
  if (outcome.install?.copied !== undefined) rows.push(['files copied / unchanged / removed', `${outcome.install.copied} / ${outcome.install.skipped} / ${outcome.install.deleted}`]);
  if (outcome.promotion) rows.push(['promoted from', `${outcome.promotion.from} (${outcome.promotion.reused ? 'already in the release store' : `${outcome.promotion.copied} files copied server-side, none uploaded`})`]);
  else if (outcome.promotedFrom) rows.push(['promoted from', outcome.promotedFrom]);
  if (outcome.upload) rows.push(['release store', outcome.upload.reused ? 'already there (not uploaded)' : `${outcome.upload.uploaded} uploaded`]);
  if (outcome.conflicts.length) rows.push(['conflicts', outcome.conflicts.map((conflict) => conflict.message).join('; ')]);
  await writeSummary({ title: `deploy-env: ${outcome.release} → ${env.name}`, headers: ['Deploy', 'Value'], rows });
}

/**
 * The post step (post-if: always()): when the main step started a deploy and never finished it
 * (cancelled, the runner killed the process), finishes it as one transaction would have: the live
 * location put back (the target's undo), the deploy recorded as cancelled (or incomplete), the
 * lease released, the GitHub deployment marked errored.
 */
export async function post(): Promise<void> {
  const saved = readChangeState();
  if (!saved) return;
  const client = createObjectStore(saved.where.aws);
  try {
    await finishInterrupted({
      saved,
      client,
      action: 'deploy-env',
      // The same inputs and config as the main step: the same target.
      target: () => createTarget(readDeployInputs().env, client, { secrets: [runner.getInput('github-token')].filter(Boolean) }),
    });
  } catch (error) {
    runner.warning(`Could not finish the interrupted deploy: ${errorMessage(error)}`);
  }
  const mirrorText = runner.getState(STATE_MIRROR);
  const token = runner.getInput('github-token');
  if (mirrorText && token && saved.started && !saved.ended) {
    const mirrorSaved = JSON.parse(mirrorText) as { id: number; repository: string; environment: string; release: string; logUrl?: string; environmentUrl?: string };
    runner.setSecret(token);
    const mirror = new GitHubDeployment({ token, repository: mirrorSaved.repository, ref: '', environment: mirrorSaved.environment, release: mirrorSaved.release, description: `shipkit deploy ${mirrorSaved.release}`, logUrl: mirrorSaved.logUrl, environmentUrl: mirrorSaved.environmentUrl }, mirrorSaved.id);
    await mirror.status('error', `${mirrorSaved.release}: deploy interrupted`);
  }
}
