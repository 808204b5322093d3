import { existsSync, statSync } from 'node:fs';
import {
  checkReleaseId,
  getBoolean,
  getOptional,
  getSecret,
  getString,
  getStructured,
  invalidInput,
  loadConfig,
  readContext,
  releaseIdFromRef,
  resolveInside,
  type RunContext,
} from '@shipkit/core';
import { pullRequestHeadSha, pullRequestOf, readEnvironmentInputs, resolveEnvironment, type ResolvedEnvironment } from '@shipkit/environments';

export interface DeployInputs {
  env: ResolvedEnvironment;
  release: string;
  sourceDir?: string;
  /** An existing release whose files (s3) and images (command) this release reuses: promotion, no rebuild. */
  fromRelease?: string;
  images?: unknown;
  githubToken?: string;
  retentionDryRun: boolean;
  run: RunContext;
}

/** Turns the action's inputs (and the config file) into a typed, validated request. Nothing changes here. */
export function readDeployInputs(): DeployInputs {
  const run = readContext();
  const environment = getString('environment', { required: true });
  const loaded = loadConfig(getOptional('config'), run.workspace);
  // A preview environment is resolved for the run's pull request ({pr}, {branch}, ledger <environment>/pr-<n>).
  const env = resolveEnvironment(
    loaded,
    environment,
    { ...readEnvironmentInputs(), preview: pullRequestOf(run) },
    run.workspace,
  );
  const releaseInput = getOptional('release');
  // A preview's release is named for its pull request and head commit (GITHUB_SHA is the merge commit).
  const release = releaseInput ? checkReleaseId('release', releaseInput) : env.preview ? checkReleaseId('release', `pr-${env.preview.pr}-${pullRequestHeadSha(run).slice(0, 7)}`) : releaseIdFromRef(run.ref, run.sha);

  let sourceDir: string | undefined;
  const sourceInput = getOptional('source-dir');
  if (sourceInput) {
    sourceDir = resolveInside('source-dir', sourceInput, { workspace: run.workspace, allowOutside: getBoolean('allow-outside-workspace', false), kind: 'directory' });
    if (!existsSync(sourceDir) || !statSync(sourceDir).isDirectory()) {
      throw invalidInput('source-dir', sourceInput, `a directory of static files (looked at ${sourceDir})`);
    }
  }
  const fromInput = getOptional('from-release');
  const fromRelease = fromInput ? checkReleaseId('from-release', fromInput) : undefined;
  if (fromRelease && sourceInput) {
    throw invalidInput('from-release', fromRelease, 'empty when "source-dir" is given (a release is either built from source-dir or promoted from an existing release)');
  }
  if (fromRelease && fromRelease === release) throw invalidInput('from-release', fromRelease, `an existing release other than the one being deployed (${release})`);
  const images = getStructured('images');
  if (images !== undefined && (typeof images !== 'object' || images === null)) {
    throw invalidInput('images', images, "build-images' images output (a JSON object or list)");
  }
  return { env, release, sourceDir, fromRelease, images, githubToken: getSecret('github-token'), retentionDryRun: getBoolean('retention-dry-run', false), run };
}
