import semver from 'semver';
import { invalidInput, parseList, parseRef, sanitizeName, ShipkitError } from '@shipkit/core';

/**
 * Tag rules, modelled on docker/metadata-action. One rule per line:
 *
 *   sha                      sha-<7 hex>, on every event
 *   branch                   the branch name (sanitised), on branch pushes
 *   tag                      the git tag name (sanitised), on tag pushes (not in the defaults:
 *                            version tags get their semver forms instead)
 *   pr                       pr-<number>, on pull requests
 *   semver=<pattern>         on tags that are semver versions (a leading v is allowed);
 *                            pattern uses {{version}}, {{major}}, {{minor}}, {{patch}};
 *                            a prerelease only gets the full {{version}}
 *   latest                   on pushes to the default branch and on stable semver tags
 *   latest=stable            on stable semver tags only
 *   raw=<tag>                always, exactly as given (must already be a valid tag)
 *
 * The defaults (DEFAULT_TAG_RULES) fit the three pipelines:
 *   push develop   -> develop, sha-abc1234
 *   push main      -> main, sha-abc1234          (no latest: main is staging, not a release)
 *   tag v1.2.3     -> 1.2.3, 1.2, 1, latest, sha-abc1234
 *   tag v2.0.0-rc.1-> 2.0.0-rc.1, sha-abc1234    (prereleases never move 1.x or latest)
 *   pull request   -> pr-42, sha-abc1234
 * `latest` therefore always names the newest stable release, which is what production runs.
 */
export const DEFAULT_TAG_RULES = ['branch', 'pr', 'semver={{version}}', 'semver={{major}}.{{minor}}', 'semver={{major}}', 'latest=stable', 'sha'];

export type TagRule =
  | { kind: 'sha' }
  | { kind: 'branch' }
  | { kind: 'tag' }
  | { kind: 'pr' }
  | { kind: 'semver'; pattern: string }
  | { kind: 'latest'; when: 'auto' | 'stable' }
  | { kind: 'raw'; value: string };

/** What the tag rules look at: the event, its ref and commit. */
export interface RefInfo {
  eventName: string;
  ref: string;
  sha: string;
  defaultBranch?: string;
  pullRequestNumber?: number;
}

export interface TagPlan {
  tags: string[];
  version: string;
}

/** A valid OCI tag: [A-Za-z0-9_][A-Za-z0-9._-]{0,127}. */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

const SEMVER_PLACEHOLDERS = ['version', 'major', 'minor', 'patch'];

/** Makes derived text (a branch name) a valid tag; empty when nothing usable is left. */
export function sanitizeTag(text: string): string {
  return sanitizeName(text, 128);
}

export function checkTag(inputName: string, tag: string): string {
  if (!TAG_PATTERN.test(tag)) {
    throw invalidInput(inputName, tag, 'a tag of letters, digits, "_", "." and "-" (at most 128, not starting with "." or "-")');
  }
  return tag;
}

export function parseTagRule(line: string, inputName = 'tags'): TagRule {
  const text = line.trim();
  const equals = text.indexOf('=');
  const key = (equals < 0 ? text : text.slice(0, equals)).trim();
  const value = equals < 0 ? undefined : text.slice(equals + 1).trim();
  const expected = 'a tag rule: sha, branch, tag, pr, semver={{version}} (or {{major}}.{{minor}}, {{major}}), latest, latest=stable or raw=<tag>';
  switch (key) {
    case 'sha':
    case 'branch':
    case 'tag':
    case 'pr':
      if (value !== undefined) throw invalidInput(inputName, text, expected);
      return { kind: key };
    case 'latest':
      if (value === undefined || value === 'auto') return { kind: 'latest', when: 'auto' };
      if (value === 'stable') return { kind: 'latest', when: 'stable' };
      throw invalidInput(inputName, text, expected);
    case 'semver': {
      if (!value) throw invalidInput(inputName, text, expected);
      const placeholders = [...value.matchAll(/\{\{\s*([a-z]+)\s*\}\}/g)].map((match) => match[1]);
      if (!placeholders.length || placeholders.some((name) => !SEMVER_PLACEHOLDERS.includes(name))) {
        throw invalidInput(inputName, text, `a semver pattern made of ${SEMVER_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}`);
      }
      // The literal parts must themselves be tag characters, so the result is a valid tag.
      const literal = value.replace(/\{\{\s*[a-z]+\s*\}\}/g, '');
      if (/[^A-Za-z0-9_.-]/.test(literal)) throw invalidInput(inputName, text, 'a semver pattern whose literal parts are tag characters (letters, digits, "_", "." and "-")');
      return { kind: 'semver', pattern: value };
    }
    case 'raw':
      if (!value) throw invalidInput(inputName, text, expected);
      return { kind: 'raw', value: checkTag(inputName, value) };
    default:
      throw invalidInput(inputName, text, expected);
  }
}

/** Parses the `tags` input; empty means DEFAULT_TAG_RULES. */
export function parseTagRules(text: string | undefined, inputName = 'tags'): TagRule[] {
  const lines = text ? parseList(text, { comma: false }) : [];
  return (lines.length ? lines : DEFAULT_TAG_RULES).map((line) => parseTagRule(line, inputName));
}

/** The semver version behind a tag ref (`v1.2.3` -> 1.2.3), or undefined. */
export function semverOfTag(tagName: string): semver.SemVer | undefined {
  const parsed = semver.parse(tagName.replace(/^v(?=\d)/, ''));
  return parsed ?? undefined;
}

function renderSemver(pattern: string, version: semver.SemVer): string | undefined {
  const values: Record<string, string> = {
    version: version.version,
    major: String(version.major),
    minor: String(version.minor),
    patch: String(version.patch),
  };
  const used = [...pattern.matchAll(/\{\{\s*([a-z]+)\s*\}\}/g)].map((match) => match[1]);
  // A prerelease only gets the full version: 2.0.0-rc.1 must not move the 2 or 2.0 tags.
  if (version.prerelease.length && !used.includes('version')) return undefined;
  return pattern.replace(/\{\{\s*([a-z]+)\s*\}\}/g, (_, name: string) => values[name]);
}

function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** The version output: semver for version tags, the tag or branch name, pr-N, else the short sha. */
export function versionOf(info: RefInfo): string {
  const ref = parseRef(info.ref);
  if (ref.kind === 'tag') {
    const version = semverOfTag(ref.name);
    return version ? version.version : sanitizeTag(ref.name) || shortSha(info.sha);
  }
  if (info.pullRequestNumber !== undefined || ref.kind === 'pull') return `pr-${info.pullRequestNumber ?? ref.name}`;
  if (ref.kind === 'branch') return sanitizeTag(ref.name) || shortSha(info.sha);
  return shortSha(info.sha);
}

/** Applies the rules to a ref: the tags (deduplicated, in rule order) and the version. */
export function computeTags(rules: readonly TagRule[], info: RefInfo): TagPlan {
  const ref = parseRef(info.ref);
  const isPullRequest = info.eventName.startsWith('pull_request') || ref.kind === 'pull';
  const version = ref.kind === 'tag' ? semverOfTag(ref.name) : undefined;
  const isDefaultBranch = ref.kind === 'branch' && !isPullRequest && info.defaultBranch !== undefined && ref.name === info.defaultBranch;
  const isStableRelease = version !== undefined && version.prerelease.length === 0;
  const tags: string[] = [];
  const add = (tag: string | undefined): void => {
    if (tag && !tags.includes(tag)) tags.push(tag);
  };
  for (const rule of rules) {
    switch (rule.kind) {
      case 'sha':
        if (/^[0-9a-f]{7,}$/i.test(info.sha)) add(`sha-${shortSha(info.sha).toLowerCase()}`);
        break;
      case 'branch':
        if (ref.kind === 'branch' && !isPullRequest) add(sanitizeTag(ref.name));
        break;
      case 'tag':
        if (ref.kind === 'tag') add(sanitizeTag(ref.name));
        break;
      case 'pr': {
        const number = info.pullRequestNumber ?? (ref.kind === 'pull' ? Number(ref.name) : undefined);
        if (isPullRequest && number !== undefined && Number.isInteger(number)) add(`pr-${number}`);
        break;
      }
      case 'semver':
        if (version) add(renderSemver(rule.pattern, version));
        break;
      case 'latest':
        if (isStableRelease || (rule.when === 'auto' && isDefaultBranch)) add('latest');
        break;
      case 'raw':
        add(rule.value);
        break;
    }
  }
  for (const tag of tags) {
    if (!TAG_PATTERN.test(tag)) throw new ShipkitError(`Tag rules produced an invalid tag ${JSON.stringify(tag)}.`);
  }
  return { tags, version: versionOf(info) };
}
