/**
 * The validators compiled ahead of time (validators.generated.ts, written by `npm run docs`) answer
 * exactly as Ajv's run-time compile of the same schemas with the same options: the same verdict and
 * the same errors, field for field (parentSchema and the data included, which the messages use), for
 * every example config and smoke checks file and for broken variants of them.
 */
import { describe, expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { AJV_OPTIONS, configSchema, smokeCheckListSchema, smokeSchema } from '../src/config-schema.js';
import { validateCheckList, validateConfig, validateSmoke } from '../src/validators.generated.js';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const examples = readdirSync(path.join(root, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => path.join(root, 'examples', entry.name, '.github', 'shipkit.yml'))
  .filter((file) => { try { readFileSync(file); return true; } catch { return false; } })
  .map((file) => [path.relative(root, file), YAML.parse(readFileSync(file, 'utf8'))] as const);

/** Broken variants of a valid document: each a way users get a config wrong. */
function broken(document: Record<string, unknown>): Array<[string, unknown]> {
  const environments = (document.environments ?? {}) as Record<string, Record<string, unknown>>;
  const [name, first] = Object.entries(environments)[0] ?? ['none', {}];
  return [
    ['no app', { ...document, app: undefined }],
    ['app with capitals', { ...document, app: 'Shop' }],
    ['unknown top-level key', { ...document, enviroments: {} }],
    ['state not a location', { ...document, state: 'bucket/prefix' }],
    ['strategy misspelt', { ...document, environments: { ...environments, [name]: { ...first, strategy: 'bleu' } } }],
    ['unknown environment key', { ...document, environments: { ...environments, [name]: { ...first, tagret: 's3' } } }],
    ['target a number', { ...document, environments: { ...environments, [name]: { ...first, target: 7 } } }],
    ['smoke checks without names', { ...document, environments: { ...environments, [name]: { ...first, smoke: { checks: [{ path: '/' }], timeout: 'soon' } } } }],
    ['not an object', ['app', 'shop']],
    ['empty string app', { ...document, app: '' }],
  ];
}

const fresh = (schema: object) => new Ajv(AJV_OPTIONS).compile(schema);
type Validate = ((value: unknown) => boolean) & { errors?: unknown };

function same(generated: Validate, compiled: Validate, value: unknown): void {
  const copy = JSON.parse(JSON.stringify(value ?? null));
  expect(generated(copy)).toBe(compiled(copy));
  expect(generated.errors ?? null).toEqual(compiled.errors ?? null);
}

describe('validators compiled ahead of time', () => {
  const config = fresh(configSchema);
  test('there are example configs to compare with', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });
  test.each(examples)('%s and broken variants of it: same verdict and errors', (_file, document) => {
    same(validateConfig, config, document);
    expect(validateConfig(JSON.parse(JSON.stringify(document)))).toBe(true);
    for (const [, variant] of broken(document)) {
      same(validateConfig, config, variant);
      expect(validateConfig(JSON.parse(JSON.stringify(variant ?? null)))).toBe(false);
    }
  });

  const smoke = fresh(smokeSchema);
  const list = fresh(smokeCheckListSchema);
  const checks = [
    { name: 'home', path: '/', 'expect-status': '200-299', 'body-contains': ['<div'], 'max-latency': '2s' },
    { name: 'api', url: 'https://example.test/api', method: 'POST', body: { a: 1 }, 'expect-json': { 'a.b': 1 }, cors: { origin: 'https://x.test' } },
  ];
  test.each([
    ['valid', checks],
    ['empty list', []],
    ['a check without a name', [{ path: '/' }]],
    ['a bad status', [{ name: 'x', 'expect-status': 'ok' }]],
    ['a bad method and unknown key', [{ name: 'x', method: 'FETCH', retries: 3 }]],
    ['cors without origin', [{ name: 'x', cors: { method: 'GET' } }]],
  ])('smoke checks as a list, %s: same verdict and errors', (_what, value) => {
    same(validateCheckList, list, value);
    same(validateSmoke, smoke, { checks: value, timeout: '30s', samples: 5, 'max-error-rate': '1%' });
    same(validateSmoke, smoke, { checks: value, timeout: 'later', samples: -1, 'max-error-rate': '150' });
  });
});
