import type { getOctokit } from '@actions/github';
import { runner, errorMessage, redactDeep, runUrl, type RunContext } from '@shipkit/core';

export interface DeploymentMirror {
  token?: string;
  /** owner/name (GITHUB_REPOSITORY). */
  repository?: string;
  /** The commit or ref the deployment is for. */
  ref: string;
  environment: string;
  release: string;
  description: string;
  environmentUrl?: string;
  logUrl?: string;
  production?: boolean;
  /** A preview's environment, which goes away (GitHub's transient_environment). */
  transient?: boolean;
}

type Octokit = ReturnType<typeof getOctokit>;

/**
 * A GitHub API client: GITHUB_API_URL (GHES, tests) else api.github.com; no retries (every call here
 * is best effort). The client (Octokit, its HTTP client and undici) loads on the first call to
 * GitHub, not when the action starts: most steps never talk to GitHub before their work is done.
 */
async function octokitFor(token: string): Promise<Octokit> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, { baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com', request: { retries: 0 } });
  // Every request's parameters (deployment descriptions, comments) pass the redaction (docs/design.md).
  octokit.hook.before('request', (options) => {
    for (const [key, value] of Object.entries(options)) if (!['headers', 'request', 'url', 'method', 'baseUrl', 'mediaType'].includes(key)) options[key] = redactDeep(value);
  });
  return octokit;
}

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error';

/**
 * Mirrors a deploy or rollback to GitHub Deployments, best-effort: a failure to talk to GitHub
 * is a warning, never a failed deploy. The API base comes from GITHUB_API_URL (GHES and tests).
 */
export class GitHubDeployment {
  private id?: number;
  private octokit?: Promise<Octokit>;
  private readonly token?: string;
  private readonly owner?: string;
  private readonly repo?: string;

  /** `existingId`: a deployment created earlier (e.g. by the main step, for the post step to finish). */
  constructor(private readonly mirror: DeploymentMirror, existingId?: number) {
    this.mirror = { ...mirror };
    this.id = existingId;
    const [owner, repo] = (mirror.repository ?? '').split('/');
    if (mirror.token && owner && repo) {
      this.token = mirror.token;
      this.owner = owner;
      this.repo = repo;
    }
  }

  /** Points the deployment (before start) at the release and commit an operation turned out to be about: a rollback's target. */
  retarget(target: { release?: string; ref?: string; description?: string }): void {
    if (target.release) this.mirror.release = target.release;
    if (target.ref) this.mirror.ref = target.ref;
    if (target.description) this.mirror.description = target.description;
  }

  /** The GitHub deployment id once created. */
  get deploymentId(): number | undefined {
    return this.id;
  }

  get enabled(): boolean {
    return !!this.token;
  }

  /** The API client, made on first use. */
  private client(): Promise<Octokit> {
    this.octokit ??= octokitFor(this.token!);
    return this.octokit;
  }

  async start(): Promise<void> {
    if (!this.token) return;
    try {
      const response = await (await this.client()).rest.repos.createDeployment({
        owner: this.owner!,
        repo: this.repo!,
        ref: this.mirror.ref,
        environment: this.mirror.environment,
        description: this.mirror.description.slice(0, 140),
        auto_merge: false,
        required_contexts: [],
        payload: { release: this.mirror.release, shipkit: true },
        production_environment: this.mirror.production,
        ...(this.mirror.transient ? { transient_environment: true } : {}),
      });
      const data = response.data as { id?: number };
      this.id = data.id;
      await this.status('in_progress');
    } catch (error) {
      runner.warning(`Could not mirror to GitHub Deployments (${errorMessage(error)}); the ledger has the record.`);
    }
  }

  async status(state: DeploymentState, description?: string): Promise<void> {
    if (!this.token || this.id === undefined) return;
    try {
      await (await this.client()).rest.repos.createDeploymentStatus({
        owner: this.owner!,
        repo: this.repo!,
        deployment_id: this.id,
        state,
        description: (description ?? this.mirror.description).slice(0, 140),
        environment_url: this.mirror.environmentUrl,
        log_url: this.mirror.logUrl,
        auto_inactive: state === 'success',
      });
    } catch (error) {
      runner.warning(`Could not update the GitHub deployment status (${errorMessage(error)}).`);
    }
  }
}

/**
 * The mirror of one shipkit operation on an environment, built the same way by deploy-env,
 * blue-green-switch and rollback: the run's commit and log, the environment's URL, and
 * `production` for the environment named production.
 */
export function deploymentMirror(options: { token?: string; run: RunContext; environment: { name: string; url?: string; preview?: unknown }; release: string; description: string; commit?: string }): GitHubDeployment {
  return new GitHubDeployment({
    token: options.token,
    repository: options.run.repository,
    // The release's own commit (from the ledger) where known: a rollback run on the default branch is not about its head.
    ref: options.commit || options.run.sha || options.run.ref,
    environment: options.environment.name,
    release: options.release,
    description: options.description,
    environmentUrl: options.environment.url,
    logUrl: runUrl(options.run),
    production: options.environment.name === 'production',
    transient: options.environment.preview !== undefined,
  });
}

/** The hidden marker that finds a preview's comment again: one comment per pull request and preview environment. */
export function previewMarker(template: string): string {
  return `<!-- shipkit-preview:${template} -->`;
}

/** What a preview's pull request comment says: the URL, the release, the commit, when and by which run. */
export function previewCommentBody(preview: { template: string; url?: string; release: string; commit: string; runUrl?: string }, now = new Date()): string {
  return [
    `**Preview${preview.template === 'preview' ? '' : ` (${preview.template})`}** of this pull request: ${preview.url ?? '(the environment has no url)'}`,
    '',
    '| | |',
    '| --- | --- |',
    `| release | \`${preview.release}\` |`,
    `| commit | ${preview.commit.slice(0, 7)} |`,
    `| updated | ${now.toISOString().replace(/\.\d+Z$/, 'Z')}${preview.runUrl ? ` by [this run](${preview.runUrl})` : ''} |`,
    '',
    'Removed when the pull request is closed.',
  ].join('\n');
}

export interface PreviewComment {
  token: string;
  repository: string;
  pr: number;
  template: string;
  body: string;
}

/**
 * Creates the preview's comment on the pull request, or updates the one it posted before (found
 * by its hidden marker), so a pull request has one comment per preview however often it is pushed.
 * Best effort: a failure is a warning.
 */
export async function upsertPreviewComment(comment: PreviewComment): Promise<'created' | 'updated' | 'failed'> {
  const [owner, repo] = comment.repository.split('/');
  const marker = previewMarker(comment.template);
  const body = `${marker}\n${comment.body}`;
  try {
    const octokit = await octokitFor(comment.token);
    const existing = (await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: comment.pr, per_page: 100 })).find((entry) => entry.body?.includes(marker));
    if (existing) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      return 'updated';
    }
    await octokit.rest.issues.createComment({ owner, repo, issue_number: comment.pr, body });
    return 'created';
  } catch (error) {
    runner.warning(`Could not comment on pull request #${comment.pr} (${errorMessage(error)}); the preview itself is deployed.`);
    return 'failed';
  }
}

/** Marks every GitHub deployment of `environment` inactive (a removed preview). Best effort. */
export async function deactivateDeployments(options: { token: string; repository: string; environment: string; description: string }): Promise<number> {
  const [owner, repo] = options.repository.split('/');
  try {
    const octokit = await octokitFor(options.token);
    const deployments = await octokit.paginate(octokit.rest.repos.listDeployments, { owner, repo, environment: options.environment, per_page: 100 });
    for (const deployment of deployments) {
      await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: deployment.id, state: 'inactive', description: options.description.slice(0, 140) });
    }
    return deployments.length;
  } catch (error) {
    runner.warning(`Could not mark the GitHub deployments of ${options.environment} inactive (${errorMessage(error)}).`);
    return 0;
  }
}
