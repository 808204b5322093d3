import { describe, expect, test } from '@jest/globals';
import { computeTags, parseTagRules, sanitizeTag, type RefInfo } from '../src/tags.js';
import { loadEvent, type EventName } from '../../../test/harness/index.js';

/** The RefInfo an event fixture gives, read the way readContext reads the runner's environment. */
function refOf(event: EventName): RefInfo {
  const fixture = loadEvent(event);
  const repository = fixture.payload.repository as { default_branch?: string };
  return {
    eventName: fixture.name,
    ref: fixture.ref,
    sha: fixture.sha,
    defaultBranch: repository.default_branch,
    pullRequestNumber: typeof fixture.payload.number === 'number' ? fixture.payload.number : undefined,
  };
}

describe('default tag rules fit the pipelines', () => {
  test.each<[EventName, string[], string]>([
    ['push-develop', ['develop', 'sha-6113728'], 'develop'],
    ['push-main', ['main', 'sha-6113728'], 'main'],
    ['tag-v1.2.3', ['1.2.3', '1.2', '1', 'latest', 'sha-6113728'], '1.2.3'],
    ['tag-prerelease', ['2.0.0-rc.1', 'sha-6113728'], '2.0.0-rc.1'],
    ['pull-request', ['pr-2', 'sha-6113728'], 'pr-2'],
    ['workflow-dispatch', ['main', 'sha-6113728'], 'main'],
  ])('%s -> %j (version %s)', (event, tags, version) => {
    expect(computeTags(parseTagRules(''), refOf(event))).toEqual({ tags, version });
  });
});

describe('explicit rules', () => {
  test.each<[string, EventName, string[]]>([
    // latest (auto) moves on the default branch and on stable tags, never on prereleases or PRs
    ['latest', 'push-main', ['latest']],
    ['latest', 'push-develop', []],
    ['latest', 'tag-v1.2.3', ['latest']],
    ['latest', 'tag-prerelease', []],
    ['latest', 'pull-request', []],
    ['latest=stable', 'push-main', []],
    ['latest=stable', 'tag-v1.2.3', ['latest']],
    // semver patterns: prereleases get only the full version
    ['semver={{major}}.{{minor}}\nsemver={{major}}', 'tag-prerelease', []],
    ['semver={{version}}\nsemver={{major}}', 'tag-prerelease', ['2.0.0-rc.1']],
    ['semver=v{{major}}.{{minor}}.{{patch}}', 'tag-v1.2.3', ['v1.2.3']],
    ['semver={{version}}', 'push-main', []],
    // branch / pr / sha only where they apply
    ['branch', 'pull-request', []],
    ['tag', 'tag-v1.2.3', ['v1.2.3']],
    ['tag', 'push-main', []],
    ['pr', 'push-main', []],
    ['sha', 'tag-v1.2.3', ['sha-6113728']],
    // raw values always, duplicates once, in rule order
    ['raw=edge\nsha\nraw=edge', 'push-develop', ['edge', 'sha-6113728']],
    ['raw=stable\nraw=prod', 'tag-v1.2.3', ['stable', 'prod']],
  ])('%j on %s -> %j', (rules, event, tags) => {
    expect(computeTags(parseTagRules(rules), refOf(event)).tags).toEqual(tags);
  });
});

describe('branch names become valid tags', () => {
  test.each<[string, string]>([
    ['refs/heads/feature/login-form', 'feature-login-form'],
    ['refs/heads/-weird..name', 'weird..name'],
    ['refs/heads/.hidden', 'hidden'],
    ['refs/heads/Fix Bug#12', 'Fix-Bug-12'],
    [`refs/heads/${'x'.repeat(200)}`, 'x'.repeat(128)],
  ])('%s -> %s', (ref, tag) => {
    const plan = computeTags(parseTagRules('branch'), { eventName: 'push', ref, sha: 'abcdef0123456789' });
    expect(plan.tags).toEqual([tag]);
    expect(tag).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/);
  });

  test('a tag that is not a version: the defaults give the sha tag, the tag rule its name', () => {
    const info = { eventName: 'push', ref: 'refs/tags/release/2024.1', sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246', defaultBranch: 'main' };
    expect(computeTags(parseTagRules(''), info)).toEqual({ tags: ['sha-6113728'], version: 'release-2024.1' });
    expect(computeTags(parseTagRules('tag'), info).tags).toEqual(['release-2024.1']);
  });

  test('sanitizeTag drops leading separators and keeps tag characters', () => {
    expect(sanitizeTag('--.v1/2')).toBe('v1-2');
  });
});

describe('invalid rules are rejected naming the input and the value', () => {
  test.each<[string, RegExp]>([
    ['semvr={{version}}', /Input "tags" has an invalid value "semvr=\{\{version\}\}": expected a tag rule/],
    ['semver={{build}}', /Input "tags" has an invalid value "semver=\{\{build\}\}": expected a semver pattern/],
    ['semver=v/{{major}}', /expected a semver pattern whose literal parts are tag characters/],
    ['raw=-leading', /Input "tags" has an invalid value "-leading": expected a tag of letters/],
    ['raw=has space', /invalid value "has space"/],
    [`raw=${'a'.repeat(129)}`, /expected a tag of letters/],
    ['sha=long', /invalid value "sha=long"/],
    ['latest=always', /invalid value "latest=always"/],
  ])('%s', (rules, message) => {
    expect(() => parseTagRules(rules)).toThrow(message);
  });
});
