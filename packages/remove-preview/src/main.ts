import { runner, environmentConfig, getOptional, getSecret, getString, invalidInput, loadConfig, parseAge, parseDuration, readContext, runUrl, setOutput, ShipkitError, writeSummary } from '@shipkit/core';
import { deactivateDeployments, previewName, pullRequestNumber, pullRequestOf, resolveEnvironment, upsertPreviewComment, withEnvironmentLease, type ResolvedEnvironment } from '@shipkit/environments';
import { openLedger } from '@shipkit/ledger';
import { createObjectStore } from '@shipkit/stores';
import { listPreviews, removePreview, type RemovalResult } from './remove.js';

/** Reads the inputs, removes one preview (pr, or the event's pull request) or sweeps old ones (older-than), writes the outputs. */
export async function main(): Promise<void> {
  const run = readContext();
  const environment = getString('environment', { required: true });
  const loaded = loadConfig(getOptional('config'), run.workspace);
  const prInput = getOptional('pr');
  const olderThanInput = getOptional('older-than');
  const lockTimeout = getOptional('lock-timeout');
  const lockTimeoutMs = lockTimeout ? parseDuration(lockTimeout, 'lock-timeout') : undefined;
  const token = getSecret('github-token');
  const olderThanMs = olderThanInput ? parseAge(olderThanInput, 'older-than') : undefined;
  const fromEvent = pullRequestOf(run);
  const pr = prInput ? pullRequestNumber(prInput.trim(), 'pr') : olderThanMs === undefined ? fromEvent?.pr : undefined;
  if (prInput && olderThanMs !== undefined) throw invalidInput('older-than', olderThanInput, 'empty when "pr" is given (remove one preview, or sweep old ones)');
  if (pr === undefined && olderThanMs === undefined) {
    throw new ShipkitError('Nothing to remove: no "pr" input, this run is not for a pull request, and "older-than" is empty.', {
      hint: 'On pull_request closed the pull request is taken from the event; a scheduled sweep sets older-than: 14d.',
    });
  }
  if (!loaded || !environmentConfig(loaded, environment).preview) throw invalidInput('environment', environment, `a preview environment of ${loaded?.file ?? 'the config'} (preview: true)`);
  // The template's state store and region (the same for every pull request's preview).
  const template = resolveEnvironment(loaded, environment, { lockTimeoutMs, preview: { pr: pr ?? 0 } }, run.workspace);
  const client = createObjectStore({ region: template.aws.region, endpoint: template.aws.endpoint, forcePathStyle: template.aws.forcePathStyle });

  let targets: Array<{ pr: number; branch?: string }>;
  if (pr !== undefined) {
    targets = [{ pr, branch: pr === fromEvent?.pr ? fromEvent.branch : undefined }];
  } else {
    const cutoff = Date.now() - olderThanMs!;
    const previews = await listPreviews(client, template, environment);
    targets = previews.filter((preview) => !preview.removed && preview.lastChange && Date.parse(preview.lastChange) < cutoff);
    runner.info(`${previews.length} preview(s) of ${environment}; ${targets.length} last changed more than ${olderThanInput} ago: ${targets.map((preview) => `#${preview.pr}`).join(', ') || 'none'}.`);
  }

  const results: RemovalResult[] = [];
  for (const target of targets) {
    const env: ResolvedEnvironment = resolveEnvironment(loaded, environment, { lockTimeoutMs, preview: { pr: target.pr, branch: target.branch ?? (await branchOf(client, template, target.pr)) } }, run.workspace);
    const ledger = await openLedger({ state: env.state, app: env.app, environment: env.name, client });
    const reason = pr !== undefined ? `pull request #${target.pr} closed` : `no deploy for more than ${olderThanInput}`;
    const result = await withEnvironmentLease(env, client, { ledger, operation: `remove preview #${target.pr}` }, () => removePreview(env, client, ledger, reason));
    results.push(result);
    runner.info(result.noop ? `Preview ${env.name}: nothing to remove.` : `Removed preview ${env.name}: ${result.deletedFiles} file(s), release(s) ${result.deletedReleases.join(', ') || 'none'}${result.keptReleases.length ? ` (kept, used elsewhere: ${result.keptReleases.join(', ')})` : ''}.`);
    if (token && run.repository) {
      await deactivateDeployments({ token, repository: run.repository, environment: env.name, description: `shipkit: preview removed (${reason})` });
      if (!result.noop) {
        await upsertPreviewComment({ token, repository: run.repository, pr: target.pr, template: environment, body: `**Preview** of this pull request was removed (${reason}${runUrl(run) ? `, [run](${runUrl(run)})` : ''}).` });
      }
    }
  }
  const removed = results.filter((result) => !result.noop).map((result) => result.environment);
  setOutput('removed', removed.join('\n'));
  await writeSummary({
    title: 'remove-preview',
    text: removed.length ? `Removed ${removed.length} preview(s) of **${environment}**.` : `No preview of **${environment}** to remove.`,
    headers: ['preview', 'files deleted', 'releases deleted'],
    rows: results.map((result) => [result.environment, String(result.deletedFiles), result.deletedReleases.join(', ') || '-']),
  });
}

/** The branch a preview was deployed from (its deploy records), so a {branch} in its location resolves as it did. */
async function branchOf(client: Parameters<typeof listPreviews>[0], template: ResolvedEnvironment, pr: number): Promise<string | undefined> {
  const ledger = await openLedger({ state: template.state, app: template.app, environment: previewName(template.preview!.template, pr), client });
  return (await ledger.records()).map((record) => (record.details?.preview as { branch?: string } | undefined)?.branch).filter(Boolean).at(-1);
}
