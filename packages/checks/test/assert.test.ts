import { describe, expect, test } from '@jest/globals';
import { assertCors, assertResponse, deepEqual, jsonPath, preflightHeaders } from '../src/assert.js';
import type { HttpResponse } from '../src/http.js';
import { percentile, stabilityOf, type ProbeResult } from '../src/run.js';
import { isSensitiveHeader, Redactor } from '../src/secrets.js';
import { checksFromUrls, parseStatusSpec, type Check, type CorsExpectation } from '../src/spec.js';

const baseCheck: Check = checksFromUrls(['https://app.example/'], { expectStatus: parseStatusSpec('200-399', 'x'), requestTimeoutMs: 1000 })[0];

function response(overrides: Partial<HttpResponse> = {}): HttpResponse {
  return { status: 200, headers: {}, body: '', latencyMs: 12, url: 'https://app.example/', redirects: [], ...overrides };
}

describe('assertResponse', () => {
  test.each<[string, Partial<Check>, Partial<HttpResponse>, string[]]>([
    ['status in range', {}, { status: 204 }, []],
    ['status outside the range, with the Location shown', { expectStatus: parseStatusSpec('200', 'x') }, { status: 302, headers: { location: '/login' } }, ['status 302, expected 200 (Location: /login)']],
    ['body contains every text', { bodyContains: ['<div id="root">', 'app.js'] }, { body: '<html><div id="root"></div><script src="app.js">' }, []],
    ['body lacks a text', { bodyContains: ['<div id="root">'] }, { body: '<h1>Maintenance</h1>' }, ['body does not contain "<div id=\\"root\\">" (body starts "<h1>Maintenance</h1>")']],
    ['body matches a regex', { bodyMatches: /version: \d+\.\d+/ }, { body: 'version: 1.2' }, []],
    ['body does not match', { bodyMatches: /version: \d+/ }, { body: 'version: x' }, ['body does not match /version: \\d+/ (body starts "version: x")']],
    ['JSON path equals', { expectJson: { status: 'ok', 'checks[1].up': true, 'meta.count': 3 } }, { body: '{"status":"ok","checks":[{"up":false},{"up":true}],"meta":{"count":3}}' }, []],
    ['JSON value differs', { expectJson: { status: 'ok' } }, { body: '{"status":"degraded"}' }, ['JSON status is "degraded", expected "ok"']],
    ['JSON path missing', { expectJson: { 'a.b': 1 } }, { body: '{"a":{}}' }, ['JSON a.b is missing, expected 1']],
    ['JSON type differs (1 is not "1")', { expectJson: { n: 1 } }, { body: '{"n":"1"}' }, ['JSON n is "1", expected 1']],
    ['body is not JSON', { expectJson: { status: 'ok' } }, { body: '<html>' }, ['body is not JSON (body starts "<html>")']],
    ['header exact and regex', { expectHeaders: { 'content-type': /^text\/html/, 'x-release': 'v1.2.3' } }, { headers: { 'content-type': 'text/html; charset=utf-8', 'x-release': 'v1.2.3' } }, []],
    ['header differs', { expectHeaders: { 'x-release': 'v1.2.3' } }, { headers: { 'x-release': 'v1.2.2' } }, ['header x-release is "v1.2.2", expected "v1.2.3"']],
    ['header missing', { expectHeaders: { 'cache-control': /max-age/ } }, { headers: {} }, ['header cache-control is missing, expected /max-age/']],
    ['a sensitive header value is never shown', { expectHeaders: { 'set-cookie': 'session=expected' } }, { headers: { 'set-cookie': ['session=s3cr3t-value'] } }, ['header set-cookie does not have the expected value (values of this header are not shown)']],
    ['latency within max', { maxLatencyMs: 100 }, { latencyMs: 99 }, []],
    ['latency above max', { maxLatencyMs: 100 }, { latencyMs: 250 }, ['latency 250ms is above max-latency 100ms']],
    ['certificate far from expiry', { certMinDays: 14 }, { certDaysLeft: 60, certValidTo: '2027-01-01T00:00:00.000Z' }, []],
    ['certificate about to expire', { certMinDays: 14 }, { certDaysLeft: 3, certValidTo: '2026-11-25T00:00:00.000Z' }, ['TLS certificate expires in 3 days (2026-11-25T00:00:00.000Z), expected at least 14']],
    ['cert-min-days on plain http', { certMinDays: 14 }, { url: 'http://app.example/' }, ['cert-min-days is set but http://app.example/ is not served over TLS']],
  ])('%s', (_, checkOverrides, responseOverrides, expected) => {
    expect(assertResponse({ ...baseCheck, ...checkOverrides }, response(responseOverrides))).toEqual(expected);
  });
});

describe('CORS preflight', () => {
  const cors = (overrides: Partial<CorsExpectation> = {}): CorsExpectation => ({ origin: 'https://shop.example', method: 'PUT', headers: ['Content-Type', 'Authorization'], ...overrides });
  const preflight = (headers: Record<string, string>, status = 204): HttpResponse => response({ status, headers });
  const good = {
    'access-control-allow-origin': 'https://shop.example',
    'access-control-allow-methods': 'GET, PUT, POST',
    'access-control-allow-headers': 'content-type, authorization',
    'access-control-allow-credentials': 'true',
  };

  test('the preflight request carries Origin, the method and the headers', () => {
    expect(preflightHeaders(cors())).toEqual({ origin: 'https://shop.example', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type,authorization' });
  });

  test.each<[string, Partial<CorsExpectation>, Record<string, string>, number, RegExp[]]>([
    ['the right origin, methods, headers and credentials', { credentials: true }, good, 204, []],
    ['another origin is echoed', {}, { ...good, 'access-control-allow-origin': 'https://evil.example' }, 204, [/Access-Control-Allow-Origin is "https:\/\/evil\.example", expected "https:\/\/shop\.example"/]],
    ['no Allow-Origin at all', {}, { 'access-control-allow-methods': 'PUT' }, 204, [/Access-Control-Allow-Origin is missing/, /does not allow content-type, authorization|does not allow Content-Type, Authorization/]],
    ['* with credentials', { credentials: true }, { ...good, 'access-control-allow-origin': '*' }, 204, [/"\*", which browsers refuse with credentials/]],
    ['* without credentials', { headers: [] }, { 'access-control-allow-origin': '*', 'access-control-allow-methods': '*' }, 200, []],
    ['the method is not allowed', {}, { ...good, 'access-control-allow-methods': 'GET, POST' }, 204, [/Access-Control-Allow-Methods "GET, POST" does not allow PUT/]],
    ['a safelisted method needs no Allow-Methods', { method: 'GET', headers: [] }, { 'access-control-allow-origin': 'https://shop.example' }, 204, []],
    ['a requested header is missing', {}, { ...good, 'access-control-allow-headers': 'content-type' }, 204, [/Access-Control-Allow-Headers does not allow Authorization/]],
    ['* headers never cover Authorization', { credentials: false }, { ...good, 'access-control-allow-headers': '*', 'access-control-allow-credentials': 'false' }, 204, [/does not allow Authorization$/]],
    ['credentials required but not allowed', { credentials: true }, { ...good, 'access-control-allow-credentials': 'false' }, 204, [/Access-Control-Allow-Credentials is "false", expected "true"/]],
    ['credentials expected off but allowed', { credentials: false }, good, 204, [/expected credentials not to be allowed/]],
    ['the preflight is refused', {}, good, 403, [/status 403, expected 2xx/]],
  ])('%s', (_, expectation, headers, status, expected) => {
    const failures = assertCors(cors(expectation), preflight(headers, status));
    expect(failures).toHaveLength(expected.length);
    expected.forEach((pattern, index) => expect(failures[index]).toMatch(pattern));
  });
});

describe('JSON values', () => {
  const body = { a: { b: [{ c: 1 }, { c: [1, 2] }] }, 'x.y': null };
  test.each([
    ['a.b[0].c', { found: true, value: 1 }],
    ['a.b[1].c', { found: true, value: [1, 2] }],
    ['a.b[-1].c[0]', { found: true, value: 1 }],
    ['["x.y"]', { found: true, value: null }],
    ['a.b[2]', { found: false }],
    ['a.c', { found: false }],
    ['a.b.c', { found: false }],
  ])('%s', (pathText, expected) => {
    expect(jsonPath(body, pathText)).toEqual(expected);
  });

  test.each([
    [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], [2, 1], false],
    [null, {}, false],
    ['1', 1, false],
  ])('deepEqual(%j, %j) = %s', (a, b, expected) => {
    expect(deepEqual(a, b)).toBe(expected);
  });
});

describe('stability figures', () => {
  const sample = (ok: boolean, latencyMs: number, reason = 'status 500, expected 200-399'): ProbeResult => ({ ok, status: ok ? 200 : 500, latencyMs, failures: ok ? [] : [reason] });

  test.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
    [[7], 95, 7],
    [[], 50, undefined],
  ])('percentile(%j, %d) = %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  test.each([
    ['no errors, fast', Array.from({ length: 20 }, (_, i) => sample(true, 10 + i)), 0.05, undefined, true, []],
    ['1 error in 20 is exactly 5%: allowed', [...Array.from({ length: 19 }, () => sample(true, 10)), sample(false, 10)], 0.05, undefined, true, []],
    ['2 errors in 20 is 10%', [...Array.from({ length: 18 }, () => sample(true, 10)), sample(false, 10), sample(false, 10)], 0.05, undefined, false, [/error rate 10% \(2\/20\) is above max-error-rate 5%; most common: status 500, expected 200-399 \(2x\)/]],
    ['p95 above the limit', Array.from({ length: 20 }, (_, i) => sample(true, i < 18 ? 10 : 900)), 0.05, 500, false, [/p95 latency 900ms is above max-p95 500ms/]],
    ['timeouts have no latency but count as errors', [sample(true, 10), { ok: false, failures: ['timed out after 100ms (request-timeout)'], errorKind: 'timeout' as const, latencyMs: 100 }], 0.6, 500, true, []],
  ])('%s', (_, samples, maxErrorRate, maxP95, passed, failures) => {
    const result = stabilityOf(samples as ProbeResult[], maxErrorRate, maxP95);
    expect(result.passed).toBe(passed);
    expect(result.failures).toHaveLength(failures.length);
    failures.forEach((pattern, index) => expect(result.failures[index]).toMatch(pattern));
  });

  test('figures: p50, p95, max and error reasons counted', () => {
    const result = stabilityOf([sample(true, 30), sample(true, 10), sample(false, 20), sample(false, 40, 'timed out')], 0.9);
    expect(result).toMatchObject({ samples: 4, errors: 2, errorRate: 0.5, p50Ms: 20, p95Ms: 40, maxMs: 40 });
    expect(result.errorReasons).toEqual([{ reason: 'status 500, expected 200-399', count: 1 }, { reason: 'timed out', count: 1 }]);
  });
});

describe('secrets', () => {
  test.each([
    ['Authorization', true],
    ['Cookie', true],
    ['X-Api-Key', true],
    ['X-Auth-Token', true],
    ['X-Client-Secret', true],
    ['Accept', false],
    ['Content-Type', false],
    ['X-Request-Id', false],
  ])('%s sensitive: %s', (name, expected) => {
    expect(isSensitiveHeader(name)).toBe(expected);
  });

  test('the redactor masks values (and the credential of a Bearer value) and registers them', () => {
    const registered: string[] = [];
    const redactor = new Redactor((value) => registered.push(value));
    redactor.add('Bearer tok-abcdef');
    redactor.add('tok-abcdef');
    redactor.add('');
    expect(registered).toEqual(['Bearer tok-abcdef', 'tok-abcdef']);
    expect(redactor.redact('sent Bearer tok-abcdef, then tok-abcdef alone')).toBe('sent ***, then *** alone');
  });
});
