import * as core from '@actions/core';
import { errorMessage, runUrl, setOutput, writeSummary } from '@shipkit/core';
import { EnvironmentLease, idleSlot, openLedger, Operation, runInfoFromEnv, type LedgerRecord } from '@shipkit/ledger';
import { checkEcsTarget, checkOwnership, checkReleaseUnchanged, deploymentMirror, ecsTargetOf, GitHubDeployment, previewCommentBody, pullRequestHeadSha, upsertPreviewComment, withEnvironmentLease } from '@shipkit/environments';
import { createRouter } from '@shipkit/routers';
import { createS3Client } from '@shipkit/s3';
import { readDeployInputs } from './context.js';
import { deploy } from './deploy.js';

const STATE_STARTED = 'started-record';
const STATE_LEDGER = 'ledger';
const STATE_FINISHED = 'finished';
const STATE_MIRROR = 'github-deployment';
const STATE_LEASE = 'lease';

/** Reads the inputs, deploys, writes the outputs. */
export async function main(): Promise<void> {
  const inputs = readDeployInputs();
  const { env, run } = inputs;
  const client = createS3Client({ region: env.aws.region, endpoint: env.aws.endpoint, forcePathStyle: env.aws.forcePathStyle });
  const ledger = await openLedger({ state: env.state, app: env.app, environment: env.name, client });
  const mirror = deploymentMirror({ token: inputs.githubToken, run, environment: env, release: inputs.release, description: `shipkit deploy ${inputs.release}` });
  core.saveState(STATE_LEDGER, JSON.stringify({ state: env.state, app: env.app, environment: env.name, aws: env.aws }));
  try {
    const leased = {
      ledger,
      operation: `deploy ${inputs.release}`,
      // Someone else's files in the target location are refused before anything (the lease included) is written.
      validate: async () => {
        const slot = env.strategy === 'blue-green' ? idleSlot(await ledger.state()) : undefined;
        if (env.target === 's3') await checkOwnership(env, client, slot);
        // A release name always means the same files: other files under a name the release store holds are refused here, before the lease and any record.
        if (env.target === 's3' && inputs.sourceDir && !inputs.fromRelease) await checkReleaseUnchanged(client, env, inputs.release, inputs.sourceDir);
        // ecs: every image in the images output with a digest, every service there — before the lease.
        if (env.target === 'ecs' && !inputs.fromRelease) await checkEcsTarget(ecsTargetOf(env, slot), inputs.images);
      },
      onAcquired: (lease: EnvironmentLease) => core.saveState(STATE_LEASE, JSON.stringify({ key: lease.key, token: lease.holder.token })),
    };
    const outcome = await withEnvironmentLease(env, client, leased, () => deploy({
      env,
      release: inputs.release,
      sourceDir: inputs.sourceDir,
      fromRelease: inputs.fromRelease,
      images: inputs.images,
      client,
      ledger,
      mirror,
      secrets: inputs.githubToken ? [inputs.githubToken] : [],
      retentionDryRun: inputs.retentionDryRun,
      // A preview records its pull request and branch (remove-preview finds its location again) and the head commit.
      details: env.preview ? { commit: pullRequestHeadSha(run), preview: { pr: env.preview.pr, branch: env.preview.branch } } : run.sha ? { commit: run.sha } : undefined,
      onStarted: (started) => core.saveState(STATE_STARTED, JSON.stringify(started)),
      onMirrored: (deploymentId) => core.saveState(STATE_MIRROR, JSON.stringify({ id: deploymentId, repository: run.repository, environment: env.name, release: inputs.release, logUrl: runUrl(run), environmentUrl: env.url })),
      routerLive: env.strategy === 'blue-green' && env.router ? () => createRouter(env).live() : undefined,
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
      core.info(`Preview comment on pull request #${env.preview.pr}: ${posted}.`);
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
  } finally {
    core.saveState(STATE_FINISHED, 'true');
  }
}

/**
 * The post step (post-if: always()): when the main step started a deploy and never finished it
 * (cancelled, runner lost the process), records it as failed so the ledger shows the truth.
 */
export async function post(): Promise<void> {
  if (core.getState(STATE_FINISHED) === 'true') return;
  const startedText = core.getState(STATE_STARTED);
  const ledgerText = core.getState(STATE_LEDGER);
  if (!startedText || !ledgerText) return;
  // Where the ledger lives, as the main step saved it (the lease lives in the same bucket).
  const where = JSON.parse(ledgerText) as { state: { bucket: string; prefix: string }; app: string; environment: string; aws: { region?: string; endpoint?: string; forcePathStyle?: boolean } };
  const client = createS3Client(where.aws);
  try {
    const started = JSON.parse(startedText) as LedgerRecord;
    const ledger = await openLedger({ state: where.state, app: where.app, environment: where.environment, client, run: runInfoFromEnv() });
    const operation = new Operation(ledger, started);
    const end = await operation.fail(new Error('interrupted: the deploy step ended without finishing (cancelled or killed)'));
    if (operation.endedBefore) core.info(`The deploy of ${started.release} on ${where.environment} had already recorded its end (${end.status}); nothing to add.`);
    else core.warning(`Recorded the interrupted deploy of ${started.release} on ${where.environment} as failed.`);
  } catch (error) {
    core.warning(`Could not record the interrupted deploy: ${errorMessage(error)}`);
  }
  // The main step never got to release the lease: release it now (only if it is still this run's).
  const leaseText = core.getState(STATE_LEASE);
  if (leaseText) {
    try {
      const lease = JSON.parse(leaseText) as { key: string; token: string };
      if (await EnvironmentLease.releaseToken(client, where.state.bucket, lease.key, lease.token)) core.info('Released the environment lease the interrupted deploy held.');
    } catch (error) {
      core.warning(`Could not release the environment lease (it expires on its own): ${errorMessage(error)}`);
    }
  }
  const mirrorText = core.getState(STATE_MIRROR);
  const token = core.getInput('github-token');
  if (mirrorText && token) {
    const saved = JSON.parse(mirrorText) as { id: number; repository: string; environment: string; release: string; logUrl?: string; environmentUrl?: string };
    core.setSecret(token);
    const mirror = new GitHubDeployment({ token, repository: saved.repository, ref: '', environment: saved.environment, release: saved.release, description: `shipkit deploy ${saved.release}`, logUrl: saved.logUrl, environmentUrl: saved.environmentUrl }, saved.id);
    await mirror.status('error', `${saved.release}: deploy interrupted`);
  }
}
