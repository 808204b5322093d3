import { describe, expect, test } from '@jest/globals';
import type { PlanEntry } from '@shipkit/s3';
import { aliasCacheControl, versionCacheControl, IMMUTABLE, NO_CACHE, ALIAS_TTL } from '../src/cache.js';
import { defaultBaseUrl } from '../src/context.js';
import { invalidationPathsFor, WILDCARD_THRESHOLD, type CdnPublishReport } from '../src/publish.js';
import { planOutput, summaryMarkdown } from '../src/summary.js';
import { aliasNames, decideAlias, parseVersion, resolveVersion } from '../src/versions.js';
import { parseCacheControlRules } from '@shipkit/s3';

describe('versions', () => {
  test.each([
    ['1.2.3', '1.2.3'],
    ['v1.2.3', '1.2.3'],
    ['v2.0.0-rc.1', '2.0.0-rc.1'],
  ])('parseVersion(%j) = %j', (input, expected) => expect(parseVersion('version', input)).toBe(expected));

  test.each([['1.2'], ['latest'], ['vv1.2.3'], ['']])('parseVersion(%j) is refused', (input) => {
    expect(() => parseVersion('version', input)).toThrow(/Input "version" has an invalid value/);
  });

  test.each([
    [undefined, 'refs/tags/v1.2.3', '1.2.3'],
    ['3.0.0', 'refs/heads/main', '3.0.0'],
    [undefined, 'refs/tags/v2.0.0-rc.1', '2.0.0-rc.1'],
  ])('resolveVersion(%j, %j) = %j', (input, ref, expected) => expect(resolveVersion(input, { ref, eventName: 'push' })).toBe(expected));

  test('resolveVersion needs a tag or an input', () => {
    expect(() => resolveVersion(undefined, { ref: 'refs/heads/main', eventName: 'push' })).toThrow(/not for a tag/);
    expect(() => resolveVersion(undefined, { ref: 'refs/tags/release-7', eventName: 'push' })).toThrow(/tag "release-7" is not a semantic version/);
  });

  test.each([
    ['1.2.3', ['v1.2', 'v1', 'latest']],
    ['0.4.0', ['v0.4', 'v0', 'latest']],
    ['2.0.0-rc.1', []],
  ])('aliasNames(%j)', (version, expected) => expect(aliasNames(version)).toEqual(expected));

  test.each([
    ['latest', '1.2.4', undefined, { move: true, reason: 'new' }],
    ['latest', '1.2.4', { version: '1.3.0', complete: true }, { move: false, current: '1.3.0', reason: 'newer' }],
    ['v1.2', '1.2.4', { version: '1.2.3', complete: true }, { move: true, from: '1.2.3', reason: 'forward' }],
    ['v1', '1.2.4', { version: '1.2.4', complete: true }, { move: true, from: '1.2.4', reason: 'same' }],
    ['v1', '1.2.4', { version: '1.2.4', complete: false }, { move: true, from: '1.2.4', reason: 'repair' }],
    ['v1', '1.2.4', { version: '1.2.3', complete: false }, { move: true, from: '1.2.3', reason: 'repair' }],
    ['v1', '1.2.4', { version: '1.5.0', complete: false }, { move: false, current: '1.5.0', reason: 'newer-in-progress' }],
    ['latest', '1.0.0', { version: '1.0.0-rc.1', complete: true }, { move: true, from: '1.0.0-rc.1', reason: 'forward' }],
    ['latest', '1.0.0', { complete: true }, { move: true, reason: 'new' }],
  ])('decideAlias(%j, %j, %j)', (alias, version, current, expected) => {
    expect(decideAlias(alias, version, current)).toEqual({ alias, ...expected });
  });
});

describe('cache-control', () => {
  const rules = parseCacheControlRules('assets/**: public, max-age=31536000, immutable\n"*.json": max-age=60');
  test.each([
    ['index.html', IMMUTABLE, NO_CACHE],
    ['docs/index.html', IMMUTABLE, NO_CACHE],
    ['sw.js', IMMUTABLE, NO_CACHE],
    ['site.webmanifest', IMMUTABLE, NO_CACHE],
    ['img/logo.png', IMMUTABLE, ALIAS_TTL],
    ['assets/app.js', IMMUTABLE, IMMUTABLE],
    ['data/list.json', 'max-age=60', 'max-age=60'],
  ])('%s: version %j, alias %j (with user rules for assets and json)', (key, version, alias) => {
    expect(versionCacheControl(rules)(key)).toBe(key.startsWith('assets/') || key.endsWith('.json') ? (key.endsWith('.json') ? 'max-age=60' : IMMUTABLE) : version);
    expect(aliasCacheControl(rules)(key)).toBe(alias);
  });

  test.each([['no colon'], [': value'], ['*.html:']])('rule line %j is refused', (line) => {
    expect(() => parseCacheControlRules(line)).toThrow(/Input "cache-control" has an invalid line/);
  });
});

describe('invalidation paths', () => {
  const entry = (action: PlanEntry['action'], key: string): PlanEntry => ({ action, key, size: 1, reason: 'changed', rank: 0 });
  test('changed and deleted keys; index.html also as its directory; skips and retained never', () => {
    expect(invalidationPathsFor('app/latest', [entry('copy', 'index.html'), entry('copy', 'docs/index.html'), entry('delete', 'old.js'), entry('skip', 'same.js'), entry('retain', 'kept.js'), entry('copy', 'a b.js')])).toEqual([
      '/app/latest/',
      '/app/latest/a%20b.js',
      '/app/latest/docs/',
      '/app/latest/docs/index.html',
      '/app/latest/index.html',
      '/app/latest/old.js',
    ]);
  });
  test('many changes collapse into one wildcard', () => {
    const many = Array.from({ length: WILDCARD_THRESHOLD + 1 }, (_, i) => entry('copy', `f${i}.js`));
    expect(invalidationPathsFor('latest', many)).toEqual(['/latest/*']);
    expect(invalidationPathsFor('latest', [entry('skip', 'x')])).toEqual([]);
  });
});

test.each([
  ['site', 'http://127.0.0.1:9000', undefined, undefined, 'http://127.0.0.1:9000/site'],
  ['site', 'https://minio.example.com/', undefined, false, 'https://site.minio.example.com'],
  ['site', undefined, 'eu-west-1', undefined, 'https://site.s3.eu-west-1.amazonaws.com'],
])('defaultBaseUrl(%j, %j, %j, %j)', (bucket, endpoint, region, pathStyle, expected) => {
  expect(defaultBaseUrl(bucket, endpoint, region, pathStyle)).toBe(expected);
});

test('a plan too big for a step output keeps the first changes of each target and counts the rest', () => {
  const changes = Array.from({ length: 3000 }, (_, i) => ({ action: 'upload' as const, key: `assets/chunk-${i}.js`, reason: 'new' as const }));
  const target = { kind: 'version' as const, name: 'v1.0.0', prefix: 'v1.0.0', url: 'u', status: 'published' as const, uploaded: 3000, copied: 0, skipped: 0, deleted: 0, bytes: 1, changes };
  const report: CdnPublishReport = { version: '1.0.0', prerelease: false, dryRun: true, targets: [target], uploaded: 3000, reused: 0, copied: 0, skipped: 0, deleted: 0, bytes: 1, urls: { version: 'u', aliases: {} }, invalidated: [], invalidationIds: [] };
  const full = planOutput(report, Infinity) as { targets: Array<{ changes: unknown[]; omitted?: number }> };
  expect(full.targets[0].changes).toHaveLength(3000);
  const capped = planOutput(report, 20_000) as { targets: Array<{ changes: unknown[]; omitted?: number }> };
  expect(JSON.stringify(capped).length).toBeLessThanOrEqual(20_000);
  expect(capped.targets[0].changes.length + capped.targets[0].omitted!).toBe(3000);
  expect(summaryMarkdown(report).details).toMatch(/Plan \(3000 changes\)[\s\S]*2500 more in the log/);
});

describe('versions with build metadata', () => {
  test('are refused: builds of one version would publish over each other', () => {
    expect(() => parseVersion('version', '1.2.3+build.7')).toThrow(/Input "version" has an invalid value "1\.2\.3\+build\.7": expected a version without build metadata/);
  });
});
