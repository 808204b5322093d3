import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parseConfig } from '@shipkit/core';
import {
  baseUrlFromConfig,
  buildChecks,
  checksFromUrls,
  displayUrl,
  parseChecksInput,
  parseJsonPath,
  parsePattern,
  parseStatusSpec,
  resolveSettings,
  resolveUrl,
  smokeFromConfig,
  statusMatches,
} from '../src/spec.js';

const defaults = { baseUrl: 'https://app.example', expectStatus: parseStatusSpec('200-399', 'expect-status'), requestTimeoutMs: 10_000, env: {} };
const workspace = mkdtempSync(path.join(tmpdir(), 'smoke-spec-'));

describe('expected status', () => {
  test.each([
    [200, [{ min: 200, max: 200 }]],
    ['200-299', [{ min: 200, max: 299 }]],
    ['200, 204,301-302', [{ min: 200, max: 200 }, { min: 204, max: 204 }, { min: 301, max: 302 }]],
    [[200, '301-308'], [{ min: 200, max: 200 }, { min: 301, max: 308 }]],
  ])('%j parses', (value, expected) => {
    expect(parseStatusSpec(value as never, 'expect-status')).toEqual(expected);
  });

  test.each(['abc', '99', '600', '299-200', '200-', '', '2000'])('%j is refused with the input name and value', (value) => {
    expect(() => parseStatusSpec(value, 'expect-status')).toThrow(new RegExp(`Input "expect-status" has an invalid value ${JSON.stringify(JSON.stringify(value)).slice(1, -1).replace(/[-[\]]/g, '\\$&')}`));
  });

  test.each([
    [200, '200-399', true],
    [399, '200-399', true],
    [404, '200-399', false],
    [503, '200,503', true],
    [301, '200,302', false],
  ])('status %d against %s -> %s', (status, spec, expected) => {
    expect(statusMatches(status, parseStatusSpec(spec, 'x'))).toBe(expected);
  });
});

describe('URLs', () => {
  test.each([
    ['https://h.example', '/health', 'https://h.example/health'],
    ['https://h.example/', 'health', 'https://h.example/health'],
    ['https://h.example/app', '/api/health', 'https://h.example/app/api/health'],
    ['https://h.example/app/', '/api?x=1', 'https://h.example/app/api?x=1'],
    ['https://h.example/app', 'https://other.example/x', 'https://other.example/x'],
    ['http://127.0.0.1:8080', '/', 'http://127.0.0.1:8080/'],
  ])('%s + %s = %s', (base, checkPath, expected) => {
    expect(resolveUrl(base, checkPath)).toBe(expected);
  });

  test('url input: names are the URLs without passwords, paths resolve against base-url', () => {
    const checks = checksFromUrls(['https://user:hunter22@a.example/x', '/health'], defaults);
    expect(checks.map((check) => check.name)).toEqual(['https://a.example/x', 'https://app.example/health']);
    expect(displayUrl('https://user:pw@h.example/p')).toBe('https://h.example/p');
  });

  test('a url that is not http(s) is refused naming the input', () => {
    expect(() => checksFromUrls(['ftp://x.example/'], defaults)).toThrow('Input "url" has an invalid value "ftp://x.example/"');
    expect(() => checksFromUrls(['/health'], { ...defaults, baseUrl: undefined })).toThrow('Input "url"');
  });
});

describe('patterns and JSON paths', () => {
  test.each([
    ['text/html', 'text/html'],
    ['/^text\\/html/i', /^text\/html/i],
  ])('%s', (text, expected) => {
    expect(parsePattern(text, 'x')).toEqual(expected);
  });

  test('an invalid regex names the field', () => {
    expect(() => parsePattern('/(/', 'checks.yml:3:5: [0].expect-headers.x')).toThrow('checks.yml:3:5: [0].expect-headers.x has an invalid regular expression');
  });

  test.each([
    ['status', ['status']],
    ['a.b[0].c', ['a', 'b', 0, 'c']],
    ['$.data.items[-1]', ['data', 'items', -1]],
    ['["key.with.dots"].x', ['key.with.dots', 'x']],
    ['$', []],
    ['a..b', undefined],
    ['a[x]', undefined],
  ])('%s', (text, expected) => {
    expect(parseJsonPath(text)).toEqual(expected);
  });
});

describe('checks input', () => {
  test('inline YAML becomes checks with defaults applied', () => {
    const spec = parseChecksInput(
      [
        '- name: home',
        '  path: /',
        "  body-contains: '<div id=\"root\">'",
        '- name: api',
        '  path: /api/health',
        '  expect-json: { status: ok }',
        '  expect-status: [200, 204]',
        '  max-latency: 500ms',
        '  body: { ping: true }',
        '  method: POST',
      ].join('\n'),
      workspace,
    );
    const { checks } = buildChecks(spec.checks, spec.locate, defaults, spec.fieldPrefix);
    expect(checks[0]).toMatchObject({ name: 'home', url: 'https://app.example/', method: 'GET', bodyContains: ['<div id="root">'], expectStatus: [{ min: 200, max: 399 }] });
    expect(checks[1]).toMatchObject({
      name: 'api',
      url: 'https://app.example/api/health',
      method: 'POST',
      body: '{"ping":true}',
      headers: { 'content-type': 'application/json' },
      expectJson: { status: 'ok' },
      expectStatus: [{ min: 200, max: 200 }, { min: 204, max: 204 }],
      maxLatencyMs: 500,
      requestTimeoutMs: 10_000,
    });
  });

  test.each([
    ['a schema error names input, line, column and field', '- name: a\n  path: /\n- name: b\n  expect-status: 7000\n', /input "checks":4:18: \[1\]\.expect-status .*\(got 7000\)/],
    ['an unknown field is named', '- name: a\n  pth: /x\n', /input "checks":2:3: \[0\]\.pth unknown field "pth"/],
    ['a missing name is reported on its item', '- path: /x\n', /input "checks":1:3: \[0\] missing required field "name"/],
    ['a bad duration is located', '- name: a\n  path: /\n  max-latency: soon\n', /input "checks":3:16: \[0\]\.max-latency/],
    ['invalid YAML names the line', '- name: a\n  path: [\n', /input "checks":\d+:\d+: invalid YAML/],
  ])('%s', (_, text, expected) => {
    expect(() => parseChecksInput(text, workspace)).toThrow(expected);
  });

  test.each([
    ['a repeated name', '- name: a\n  path: /\n- name: a\n  path: /b\n', /input "checks":3:9: \[1\]\.name repeats the check name "a"/],
    ['url and path together', '- name: a\n  path: /\n  url: https://x.example/\n', /input "checks":3:8: \[0\]\.url and path are both set/],
    ['an invalid regex in body-matches', '- name: a\n  path: /\n  body-matches: "(unclosed"\n', /input "checks":3:17: \[0\]\.body-matches has an invalid regular expression/],
    ['an invalid JSON path', '- name: a\n  path: /\n  expect-json: { "a..b": 1 }\n', /input "checks":3:16: \[0\]\.expect-json has an invalid JSON path "a\.\.b"/],
    ['an unset ${ENV} in a header', '- name: a\n  path: /\n  headers: { Authorization: "Bearer ${NOT_SET_TOKEN}" }\n', /input "checks":3:12: \[0\]\.headers uses \$\{NOT_SET_TOKEN\}/],
  ])('semantic errors are located too: %s', (_, text, expected) => {
    const spec = parseChecksInput(text, workspace);
    expect(() => buildChecks(spec.checks, spec.locate, defaults, spec.fieldPrefix)).toThrow(expected);
  });

  test('a path without a base URL says where the base URL can come from', () => {
    const spec = parseChecksInput('- name: a\n  path: /x\n', workspace);
    expect(() => buildChecks(spec.checks, spec.locate, { ...defaults, baseUrl: undefined }, spec.fieldPrefix)).toThrow(/input "checks":2:9: \[0\]\.path has the path "\/x" but no base URL is known/);
  });

  test('a file holding a smoke mapping: checks and settings, errors name the file', () => {
    writeFileSync(path.join(workspace, 'smoke.yml'), 'timeout: 30s\nsamples: 5\nchecks:\n  - name: a\n    path: /\n');
    const spec = parseChecksInput('smoke.yml', workspace);
    expect(spec.settings).toEqual({ timeout: '30s', samples: 5 });
    expect(spec.fieldPrefix).toEqual(['checks']);
    writeFileSync(path.join(workspace, 'bad.yml'), 'checks:\n  - name: a\n    path: /\n    expect-json: 5\n');
    expect(() => parseChecksInput('bad.yml', workspace)).toThrow(/bad\.yml:4:18: checks\[0\]\.expect-json must be object/);
    expect(() => parseChecksInput('missing.yml', workspace)).toThrow(/Input "checks" has an invalid value "missing\.yml"/);
  });

  test('${NAME} in headers and url comes from the environment and is reported as a secret value', () => {
    const spec = parseChecksInput('- name: a\n  url: https://x.example/${REGION}/\n  headers: { X-Api-Key: "${KEY}" }\n', workspace);
    const built = buildChecks(spec.checks, spec.locate, { ...defaults, env: { KEY: 'k-123456', REGION: 'eu' } }, spec.fieldPrefix);
    expect(built.checks[0]).toMatchObject({ url: 'https://x.example/eu/', headers: { 'X-Api-Key': 'k-123456' } });
    expect(built.expandedValues).toEqual(['eu', 'k-123456']);
  });
});

describe('config file', () => {
  const config = parseConfig(
    [
      'app: shop',
      'state: s3://state/shipkit',
      'smoke:',
      '  timeout: 1m',
      '  checks:',
      '    - { name: home, path: / }',
      'environments:',
      '  staging:',
      '    target: command',
      '    deploy: [./deploy.sh]',
      '    url: https://staging.example',
      '    slots:',
      '      blue: { url: https://blue.staging.example }',
      '      green: { url: https://green.staging.example }',
      '    strategy: blue-green',
      '    router: { type: command, switch: [./swap.sh] }',
      '    smoke:',
      '      samples: 10',
      '      checks:',
      "        - { name: api, path: /api, body-matches: '(x' }",
      '  development:',
      '    target: command',
      '    deploy: [./deploy.sh]',
      '    url: https://dev.example',
      '    smoke: { samples: 3 }',
    ].join('\n'),
    '.github/shipkit.yml',
  );

  test("the environment's checks win, settings merge field by field", () => {
    expect(smokeFromConfig(config, 'staging')).toEqual({ smoke: { timeout: '1m', samples: 10, checks: [{ name: 'api', path: '/api', 'body-matches': '(x' }] }, fieldPrefix: ['environments', 'staging', 'smoke', 'checks'] });
    expect(smokeFromConfig(config, 'development')).toEqual({ smoke: { timeout: '1m', samples: 3, checks: [{ name: 'home', path: '/' }] }, fieldPrefix: ['smoke', 'checks'] });
  });

  test('errors in config checks name the config file, line and field', () => {
    // The schema cannot know a regex is invalid; the check builder finds it and locates it in the config.
    const { smoke, fieldPrefix } = smokeFromConfig(config, 'staging');
    expect(() => buildChecks(smoke.checks!, config.locate, defaults, fieldPrefix)).toThrow(/\.github\/shipkit\.yml:20:50: environments\.staging\.smoke\.checks\[0\]\.body-matches has an invalid regular expression/);
  });

  test.each([
    ['staging', 'green', 'https://green.staging.example'],
    ['staging', undefined, 'https://staging.example'],
    ['development', undefined, 'https://dev.example'],
    [undefined, undefined, undefined],
  ])('base URL for %s / %s is %s', (environment, slot, expected) => {
    expect(baseUrlFromConfig(config, environment, slot)).toBe(expected);
  });
});

describe('settings', () => {
  test.each([
    ['built-in defaults', {}, [], { timeoutMs: 120_000, requestTimeoutMs: 10_000, samples: 0, maxErrorRate: 0.05, maxP95Ms: undefined, concurrency: 4 }],
    ['config fills what inputs leave empty', { samples: '3' }, [{ timeout: '30s', samples: 9, 'max-error-rate': '10%', 'max-p95': '800ms', concurrency: 2 }], { timeoutMs: 30_000, samples: 3, maxErrorRate: 0.1, maxP95Ms: 800, concurrency: 2 }],
    ['the first layer wins', { maxErrorRate: '0.2' }, [{ timeout: '5s' }, { timeout: '9s', 'max-error-rate': 0.5 }], { timeoutMs: 5_000, maxErrorRate: 0.2 }],
  ])('%s', (_, inputs, layers, expected) => {
    expect(resolveSettings({ insecure: false, ...inputs }, ...layers)).toMatchObject(expected);
  });

  test.each([
    [{ timeout: 'soon' }, 'Input "timeout" has an invalid value "soon"'],
    [{ samples: '-1' }, 'Input "samples" has an invalid value "-1"'],
    [{ concurrency: '0' }, 'Input "concurrency" has an invalid value "0"'],
    [{ maxErrorRate: '150%' }, 'Input "max-error-rate" has an invalid value "150%"'],
    [{ maxP95: 'fast' }, 'Input "max-p95" has an invalid value "fast"'],
  ])('%j is refused', (inputs, message) => {
    expect(() => resolveSettings({ insecure: false, ...inputs })).toThrow(message);
  });
});
