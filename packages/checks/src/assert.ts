import type { IncomingHttpHeaders } from 'node:http';
import { redact } from '@shipkit/core';
import type { HttpResponse } from './http.js';
import { isSensitiveHeader } from './secrets.js';
import { describeStatus, parseJsonPath, statusMatches, type Check, type CorsExpectation } from './spec.js';

/** Short excerpt of a body for a failure message, redacted before it is cut (a cut secret is no longer recognisable). */
function excerpt(text: string, length = 120): string {
  const flat = redact(text).replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > length ? `${flat.slice(0, length)}…` : flat);
}

/** A JSON value as it would appear in the body, cut when long. */
function shortJson(value: unknown, length = 80): string {
  const text = redact(JSON.stringify(value) ?? String(value));
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** Reads a JSON path (see parseJsonPath) from a parsed value; found is false when any step is missing. */
export function jsonPath(value: unknown, pathText: string): { found: boolean; value?: unknown } {
  const steps = parseJsonPath(pathText);
  if (!steps) return { found: false };
  let current: unknown = value;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return { found: false };
      const index = step < 0 ? current.length + step : step;
      if (index < 0 || index >= current.length) return { found: false };
      current = current[index];
    } else {
      if (!current || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, step)) return { found: false };
      current = (current as Record<string, unknown>)[step];
    }
  }
  return { found: true, value: current };
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, index) => deepEqual(item, (b as unknown[])[index]));
  const keysA = Object.keys(a as object);
  const keysB = Object.keys(b as object);
  return keysA.length === keysB.length && keysA.every((key) => Object.hasOwn(b as object, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function matches(expected: string | RegExp, actual: string): boolean {
  return expected instanceof RegExp ? expected.test(actual) : expected.trim() === actual.trim();
}

function show(expected: string | RegExp): string {
  return expected instanceof RegExp ? String(expected) : JSON.stringify(expected);
}

/** Every assertion of a check against its response; an empty list means it passed. */
export function assertResponse(check: Check, response: HttpResponse): string[] {
  const failures: string[] = [];
  if (!statusMatches(response.status, check.expectStatus)) {
    const location = response.headers.location ? ` (Location: ${response.headers.location})` : '';
    failures.push(`status ${response.status}, expected ${describeStatus(check.expectStatus)}${location}`);
  }
  for (const text of check.bodyContains) {
    if (!response.body.includes(text)) failures.push(`body does not contain ${JSON.stringify(text)} (body starts ${excerpt(response.body)})`);
  }
  if (check.bodyMatches && !check.bodyMatches.test(response.body)) {
    failures.push(`body does not match ${String(check.bodyMatches)} (body starts ${excerpt(response.body)})`);
  }
  const jsonEntries = Object.entries(check.expectJson);
  if (jsonEntries.length) {
    let parsed: unknown;
    let parsedOk = true;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      parsedOk = false;
      failures.push(`body is not JSON (body starts ${excerpt(response.body)})`);
    }
    if (parsedOk) {
      for (const [pathText, expected] of jsonEntries) {
        const found = jsonPath(parsed, pathText);
        if (!found.found) failures.push(`JSON ${pathText} is missing, expected ${shortJson(expected)}`);
        else if (expected instanceof RegExp) {
          if (!expected.test(typeof found.value === 'string' ? found.value : JSON.stringify(found.value))) failures.push(`JSON ${pathText} is ${shortJson(found.value)}, expected a match of ${String(expected)}`);
        } else if (!deepEqual(found.value, expected)) failures.push(`JSON ${pathText} is ${shortJson(found.value)}, expected ${shortJson(expected)}`);
      }
    }
  }
  for (const [name, expected] of Object.entries(check.expectHeaders)) {
    const actual = headerValue(response.headers, name);
    const hidden = isSensitiveHeader(name);
    if (actual === undefined) failures.push(`header ${name} is missing${hidden ? '' : `, expected ${show(expected)}`}`);
    else if (!matches(expected, actual)) failures.push(hidden ? `header ${name} does not have the expected value (values of this header are not shown)` : `header ${name} is ${JSON.stringify(actual)}, expected ${show(expected)}`);
  }
  if (check.maxLatencyMs !== undefined && response.latencyMs > check.maxLatencyMs) {
    failures.push(`latency ${response.latencyMs}ms is above max-latency ${check.maxLatencyMs}ms`);
  }
  if (check.certMinDays !== undefined) {
    if (response.certDaysLeft === undefined) failures.push(`cert-min-days is set but ${response.url} is not served over TLS`);
    else if (response.certDaysLeft < check.certMinDays) {
      failures.push(`TLS certificate expires in ${response.certDaysLeft} days (${response.certValidTo}), expected at least ${check.certMinDays}`);
    }
  }
  return failures;
}

/** Request headers of a CORS preflight for the expectation. */
export function preflightHeaders(cors: CorsExpectation): Record<string, string> {
  const headers: Record<string, string> = { origin: cors.origin, 'access-control-request-method': cors.method.toUpperCase() };
  if (cors.headers.length) headers['access-control-request-headers'] = cors.headers.map((name) => name.toLowerCase()).join(',');
  return headers;
}

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

function tokens(value: string | undefined): string[] {
  return (value ?? '').split(',').map((token) => token.trim()).filter(Boolean);
}

/**
 * Asserts a preflight response the way a browser decides (Fetch standard, CORS check): the origin
 * must be echoed (or `*` without credentials), credentials allowed when asked for, the method
 * listed unless CORS-safelisted, every requested header listed (`*` only without credentials).
 */
export function assertCors(cors: CorsExpectation, response: HttpResponse): string[] {
  const failures: string[] = [];
  const prefix = `CORS preflight from ${cors.origin}:`;
  if (response.status < 200 || response.status > 299) failures.push(`${prefix} status ${response.status}, expected 2xx`);
  const allowOrigin = headerValue(response.headers, 'access-control-allow-origin');
  const credentials = headerValue(response.headers, 'access-control-allow-credentials');
  if (allowOrigin === undefined) failures.push(`${prefix} Access-Control-Allow-Origin is missing`);
  else if (allowOrigin === '*') {
    if (cors.credentials) failures.push(`${prefix} Access-Control-Allow-Origin is "*", which browsers refuse with credentials`);
  } else if (allowOrigin !== cors.origin) {
    failures.push(`${prefix} Access-Control-Allow-Origin is ${JSON.stringify(allowOrigin)}, expected ${JSON.stringify(cors.origin)}`);
  }
  if (cors.credentials === true && credentials !== 'true') {
    failures.push(`${prefix} Access-Control-Allow-Credentials is ${credentials === undefined ? 'missing' : JSON.stringify(credentials)}, expected "true"`);
  } else if (cors.credentials === false && credentials === 'true') {
    failures.push(`${prefix} Access-Control-Allow-Credentials is "true", expected credentials not to be allowed`);
  }
  const wildcardAllowed = !cors.credentials;
  const methods = tokens(headerValue(response.headers, 'access-control-allow-methods'));
  const method = cors.method.toUpperCase();
  const methodAllowed = SAFELISTED_METHODS.has(method) || methods.includes(method) || (wildcardAllowed && methods.includes('*'));
  if (!methodAllowed) failures.push(`${prefix} Access-Control-Allow-Methods ${methods.length ? JSON.stringify(methods.join(', ')) : 'is missing and'} does not allow ${method}`);
  const allowedHeaders = tokens(headerValue(response.headers, 'access-control-allow-headers')).map((name) => name.toLowerCase());
  const missing = cors.headers.filter((name) => {
    const lower = name.toLowerCase();
    if (allowedHeaders.includes(lower)) return false;
    // Authorization is never covered by the wildcard.
    return !(wildcardAllowed && allowedHeaders.includes('*') && lower !== 'authorization');
  });
  if (missing.length) failures.push(`${prefix} Access-Control-Allow-Headers does not allow ${missing.join(', ')}`);
  return failures;
}
