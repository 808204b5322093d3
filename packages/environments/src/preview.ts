import { hostsPreviews, invalidInput, ShipkitError, type LoadedConfig, type RunContext } from '@shipkit/core';

/** Which pull request a preview environment is for. */
export interface PreviewTarget {
  pr: number;
  /** The head branch, sanitized for `{branch}` (lower case, letters, digits and `-`, at most 40). */
  branch?: string;
}

/** A pull request number as written: a positive decimal integer (`16`), not `0x10`, `-5`, `7.5`, `1e3` or ` 7`. */
export function parsePullRequestNumber(value: string | number): number | undefined {
  const text = String(value);
  if (!/^[1-9][0-9]{0,15}$/.test(text)) return undefined;
  const pr = Number(text);
  return Number.isSafeInteger(pr) ? pr : undefined;
}

/** The same, or an error naming the field, the value and what was expected. */
export function pullRequestNumber(value: string | number, field: string): number {
  const pr = parsePullRequestNumber(value);
  if (pr === undefined) throw invalidInput(field, String(value), 'a pull request number: a positive whole number in decimal, such as 42');
  return pr;
}

/** The ledger (and GitHub deployment environment) name of one pull request's preview: `<template>/pr-<n>`. */
export function previewName(template: string, pr: number): string {
  return `${template}/pr-${pr}`;
}

/** A branch name made safe for a URL host label or a key prefix: `feature/Login_Form` -> `feature-login-form`. */
export function sanitizeBranch(branch: string): string {
  return branch.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '') || 'branch';
}

/** Fills `{pr}` and `{branch}` in a template value. */
export function expandPreview(value: string, target: PreviewTarget): string {
  return value.replace(/\{pr\}/g, String(target.pr)).replace(/\{branch\}/g, target.branch ?? `pr-${target.pr}`);
}

/**
 * Refuses preview templates that would let pull requests overwrite each other, for every
 * environment of the config (so any action loading it refuses): a preview is an s3 target with
 * the direct strategy whose `s3.prefix` contains `{pr}` and whose `url` (if any) contains `{pr}`
 * (`{branch}` may come too, never alone: two pull requests can share a branch name); non-preview environments may not use the placeholders.
 */
export function checkPreviewTemplates(loaded: LoadedConfig | undefined): void {
  for (const [name, environment] of Object.entries(loaded?.config.environments ?? {})) {
    const field = (path: string) => `${loaded!.file}: environments.${name}.${path}`;
    const placeholders = JSON.stringify([environment.s3, environment.url]).match(/\{(pr|branch)\}/g);
    if (!environment.preview) {
      if (placeholders) throw new ShipkitError(`${field(environment.url?.includes('{') ? 'url' : 's3.prefix')} uses ${placeholders[0]}, which only preview environments fill: set environments.${name}.preview: true, or remove the placeholder.`);
      continue;
    }
    if (!hostsPreviews(environment.target) || (environment.strategy ?? 'direct') !== 'direct') {
      throw new ShipkitError(`${field('preview')} is true, but previews are s3 targets with the direct strategy (target is ${environment.target}, strategy ${environment.strategy ?? 'direct'}).`);
    }
    const prefix = environment.s3?.prefix ?? '';
    if (!prefix.includes('{pr}')) {
      throw new ShipkitError(`${field('s3.prefix')} of preview environment ${name} is ${JSON.stringify(prefix)}: it must contain {pr}, or every pull request would overwrite the others' preview.`, {
        hint: `E.g. prefix: "pr-{pr}" — each pull request's files then live under their own prefix of ${environment.s3?.bucket ?? 'the bucket'}.`,
      });
    }
    if (environment.url && !environment.url.includes('{pr}')) {
      throw new ShipkitError(`${field('url')} of preview environment ${name} is ${JSON.stringify(environment.url)}: it must contain {pr} (each pull request has its own URL; two pull requests may share a branch name once sanitized, so {branch} alone is not enough).`, {
        hint: 'E.g. url: "https://pr-{pr}.preview.shop.example" (add {branch} too if you like it in the name).',
      });
    }
  }
}

/** The pull request a run is for (pull_request / pull_request_target events), with its head branch. */
export function pullRequestOf(run: RunContext): PreviewTarget | undefined {
  if (run.pullRequestNumber === undefined) return undefined;
  const head = (run.payload.pull_request as { head?: { ref?: string } } | undefined)?.head?.ref;
  const pr = parsePullRequestNumber(run.pullRequestNumber);
  if (pr === undefined) throw new ShipkitError(`The event's pull request number has an invalid value ${JSON.stringify(run.pullRequestNumber)}: expected a positive whole number in decimal, such as 42.`);
  return { pr, branch: head ? sanitizeBranch(head) : undefined };
}

/** The head commit of the pull request a run is for (GITHUB_SHA is the merge commit), else the run's sha. */
export function pullRequestHeadSha(run: RunContext): string {
  return (run.payload.pull_request as { head?: { sha?: string } } | undefined)?.head?.sha ?? run.sha;
}
