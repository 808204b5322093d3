import { describe, expect, test } from '@jest/globals';
import { cacheControlFor, contentTypeFor, isEntryDocument, normalizePrefix, planTransfer, rankOf, type DesiredFile, type RemoteFile } from '../src/index.js';

test.each([
  ['app.js', 'text/javascript; charset=utf-8'],
  ['m/x.MJS', 'text/javascript; charset=utf-8'],
  ['a.css', 'text/css; charset=utf-8'],
  ['index.html', 'text/html; charset=utf-8'],
  ['data.json', 'application/json; charset=utf-8'],
  ['app.js.map', 'application/json; charset=utf-8'],
  ['logo.svg', 'image/svg+xml; charset=utf-8'],
  ['f.woff', 'font/woff'],
  ['f.woff2', 'font/woff2'],
  ['e.wasm', 'application/wasm'],
  ['p.webp', 'image/webp'],
  ['p.avif', 'image/avif'],
  ['robots.txt', 'text/plain; charset=utf-8'],
  ['feed.xml', 'application/xml; charset=utf-8'],
  ['favicon.ico', 'image/vnd.microsoft.icon'],
  ['p.png', 'image/png'],
  ['p.jpg', 'image/jpeg'],
  ['p.jpeg', 'image/jpeg'],
  ['site.webmanifest', 'application/manifest+json; charset=utf-8'],
  ['LICENSE', 'application/octet-stream'],
  ['archive.unknownext', 'application/octet-stream'],
])('contentTypeFor(%j) = %j', (key, type) => expect(contentTypeFor(key)).toBe(type));

test.each([
  ['index.html', true, 2],
  ['a/b/page.htm', true, 2],
  ['manifest.json', true, 1],
  ['site.webmanifest', true, 1],
  ['sw.js', true, 1],
  ['service-worker.js', true, 1],
  ['assets/app.js', false, 0],
  ['data.json', false, 0],
])('isEntryDocument(%j) = %j, rank %j', (key, entry, rank) => {
  expect(isEntryDocument(key)).toBe(entry);
  expect(rankOf(key)).toBe(rank);
});

test.each([
  ['', ''],
  ['/', ''],
  ['/a/b/', 'a/b'],
  ['site', 'site'],
])('normalizePrefix(%j) = %j', (input, expected) => expect(normalizePrefix(input)).toBe(expected));

test.each([['a/../b'], ['a//b'], ['./a'], ['a\\b']])('normalizePrefix(%j) is refused', (input) => {
  expect(() => normalizePrefix(input)).toThrow(/Input "prefix" has an invalid value/);
});

test('cache-control rules: first match wins; basename globs match at any depth', () => {
  const rules = [{ pattern: '*.html', value: 'no-cache' }, { pattern: 'assets/**', value: 'immutable' }, { pattern: '**', value: 'short' }];
  expect(cacheControlFor(rules, 'docs/index.html')).toBe('no-cache');
  expect(cacheControlFor(rules, 'assets/x/y.js')).toBe('immutable');
  expect(cacheControlFor(rules, '.well-known/x')).toBe('short');
  expect(cacheControlFor('fixed', 'a')).toBe('fixed');
  expect(cacheControlFor(undefined, 'a')).toBeUndefined();
});

describe('planTransfer', () => {
  const file = (key: string, sha256: string, extra: Partial<DesiredFile> = {}): DesiredFile => ({ key, size: 1, sha256, contentType: 'text/plain; charset=utf-8', ...extra });
  const remote = (key: string, sha256?: string, extra: Partial<RemoteFile['known']> = {}): [string, RemoteFile] => [
    key,
    { key, size: 1, known: sha256 ? { sha256, size: 1, contentType: 'text/plain; charset=utf-8', ...extra } : undefined },
  ];

  test('new, changed, unknown, header-only and unchanged files; ranks in order; stale per mode', () => {
    const desired = [file('index.html', 'h'), file('a.js', 'a2'), file('b.js', 'b'), file('c.js', 'c'), file('d.js', 'd', { cacheControl: 'max-age=1' }), file('sw.js', 's')];
    const there = new Map([remote('a.js', 'a1'), remote('b.js', 'b'), remote('c.js'), remote('d.js', 'd'), remote('gone.js', 'g'), remote('older.js', 'o')]);
    const plan = planTransfer(desired, there, { write: 'upload', deleteStale: 'deferred', retained: new Set(['older.js']) });
    expect(plan.map((e) => `${e.action}:${e.key}:${e.reason}`)).toEqual([
      'upload:a.js:changed',
      'upload:c.js:changed',
      'upload:d.js:headers',
      'upload:sw.js:new',
      'upload:index.html:new',
      'retain:gone.js:stale-retained',
      'delete:older.js:stale',
      'skip:b.js:unchanged',
    ]);
    expect(planTransfer(desired, there, { write: 'copy' }).some((e) => e.action === 'delete' || e.action === 'retain')).toBe(false);
    expect(planTransfer(desired, there, { write: 'copy', deleteStale: true }).filter((e) => e.action === 'delete').map((e) => e.key)).toEqual(['gone.js', 'older.js']);
  });
});
