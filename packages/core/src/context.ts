import { existsSync, readFileSync } from 'node:fs';
import { ShipkitError } from './errors.js';

/** What a step knows about its run, read from the runner's environment (no GitHub API calls). */
export interface RunContext {
  eventName: string;
  ref: string;
  sha: string;
  repository: string;
  serverUrl: string;
  runId: string;
  runAttempt: string;
  actor: string;
  workflow: string;
  job: string;
  workspace: string;
  defaultBranch?: string;
  pullRequestNumber?: number;
  payload: Record<string, unknown>;
}

export function readContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  let payload: Record<string, unknown> = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath && existsSync(eventPath)) {
    payload = JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>;
  }
  const repository = payload.repository as { default_branch?: string } | undefined;
  const pullRequest = (payload.pull_request ?? undefined) as { number?: number } | undefined;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    repository: env.GITHUB_REPOSITORY ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    actor: env.GITHUB_ACTOR ?? '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    defaultBranch: repository?.default_branch,
    pullRequestNumber: pullRequest?.number ?? (typeof payload.number === 'number' ? payload.number : undefined),
    payload,
  };
}

export function runUrl(context: RunContext): string | undefined {
  if (!context.repository || !context.runId) return undefined;
  return `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`;
}

export function repositoryUrl(context: RunContext): string | undefined {
  return context.repository ? `${context.serverUrl}/${context.repository}` : undefined;
}

/** The branch or tag name behind a ref, and which it is. */
export function parseRef(ref: string): { kind: 'branch' | 'tag' | 'pull' | 'other'; name: string } {
  if (ref.startsWith('refs/heads/')) return { kind: 'branch', name: ref.slice('refs/heads/'.length) };
  if (ref.startsWith('refs/tags/')) return { kind: 'tag', name: ref.slice('refs/tags/'.length) };
  const pull = /^refs\/pull\/(\d+)\//.exec(ref);
  if (pull) return { kind: 'pull', name: pull[1] };
  return { kind: 'other', name: ref };
}

export const RELEASE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Makes text safe for a release id or tag: only [A-Za-z0-9._-], no leading separator. */
export function sanitizeName(text: string, maxLength = 128): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, maxLength).replace(/[.-]+$/, '');
}

/**
 * The release id for a ref: the tag itself (`v1.2.3`) for tags, `<branch>-<short sha>` for
 * branches, `pr-<n>-<short sha>` for pull requests.
 */
export function releaseIdFromRef(ref: string, sha: string): string {
  const short = sha.slice(0, 7);
  const parsed = parseRef(ref);
  let id: string;
  if (parsed.kind === 'tag') id = sanitizeName(parsed.name);
  else if (parsed.kind === 'pull') id = `pr-${parsed.name}-${short}`;
  else if (parsed.kind === 'branch') id = `${sanitizeName(parsed.name, 100)}-${short}`;
  else id = short;
  if (!RELEASE_ID.test(id)) {
    throw new ShipkitError(`Cannot derive a release id from ref ${JSON.stringify(ref)} and sha ${JSON.stringify(sha)}.`, {
      hint: 'Pass the "release" input explicitly.',
    });
  }
  return id;
}

/** Validates a release id given by a user. */
export function checkReleaseId(name: string, value: string): string {
  if (!RELEASE_ID.test(value)) {
    throw new ShipkitError(`Input "${name}" has an invalid value ${JSON.stringify(value)}: expected a release id of letters, digits, ".", "_" and "-" (at most 128, starting with a letter or digit).`);
  }
  return value;
}
