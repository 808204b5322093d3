import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, describe, expect, test } from '@jest/globals';
import { startHttpServer, type HttpService } from '../../../test/services/index.js';
import { runSmoke, type SmokeReport } from '../src/run.js';
import { buildChecks, parseChecksInput, parseStatusSpec, resolveSettings, type SmokeSettings } from '../src/spec.js';

const servers: HttpService[] = [];
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void, options?: Parameters<typeof startHttpServer>[1]): Promise<HttpService> {
  const server = await startHttpServer(handler, options);
  servers.push(server);
  return server;
}
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

/** Checks from the same YAML users write, against a base URL. */
function checks(yaml: string, baseUrl: string) {
  const spec = parseChecksInput(yaml, process.cwd());
  return buildChecks(spec.checks, spec.locate, { baseUrl, expectStatus: parseStatusSpec('200-399', 'expect-status'), requestTimeoutMs: 2000, env: {} }, spec.fieldPrefix).checks;
}

function settings(overrides: Partial<SmokeSettings> = {}): SmokeSettings {
  return { ...resolveSettings({ insecure: false }), timeoutMs: 5000, requestTimeoutMs: 2000, ...overrides };
}

// Short backoff so the suite stays fast; the production default starts at 500ms.
const fast = { baseDelayMs: 50, maxDelayMs: 200 };

function only(report: SmokeReport) {
  expect(report.checks).toHaveLength(1);
  return report.checks[0];
}

describe('readiness', () => {
  test('a server that answers 503 while it starts passes once it is ready', async () => {
    const readyAt = Date.now() + 1500;
    const app = await serve((_, res) => (Date.now() < readyAt ? res.writeHead(503).end('starting') : res.end('<div id="root">')));
    const report = await runSmoke(checks("- { name: home, path: /, body-contains: '<div id=\"root\">' }", app.url), settings({ timeoutMs: 10_000 }), fast);
    const result = only(report);
    expect(report.passed).toBe(true);
    expect(result).toMatchObject({ passed: true, ready: true, status: 200, failures: [] });
    expect(result.attempts).toBeGreaterThan(1);
  });

  test('a server that never gets ready fails with the last reason once the timeout passes', async () => {
    const app = await serve((_, res) => res.writeHead(503).end());
    const report = await runSmoke(checks('- { name: home, path: / }', app.url), settings({ timeoutMs: 800 }), fast);
    expect(report).toMatchObject({ passed: false, failedChecks: ['home'] });
    expect(only(report)).toMatchObject({ status: 503, failures: ['status 503, expected 200-399'] });
    expect(only(report).attempts).toBeGreaterThan(1);
  });

  test('a wrong answer (200 with the wrong JSON) is not retried: it fails on the first attempt, long before the timeout', async () => {
    let requests = 0;
    const app = await serve((_, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"degraded"}');
    });
    const logs: string[] = [];
    const report = await runSmoke(checks('- { name: api, path: /api/health, expect-json: { status: ok } }', app.url), settings({ timeoutMs: 60_000 }), { ...fast, log: (line) => logs.push(line) });
    expect(only(report)).toMatchObject({ passed: false, attempts: 1, failures: ['JSON status is "degraded", expected "ok"'] });
    expect(requests).toBe(1);
    expect(report.durationMs).toBeLessThan(30_000);
    expect(logs.join('\n')).toContain(`✗ api (GET ${app.url}/api/health): JSON status is "degraded", expected "ok" (not retried`);
  });

  test('with retry-assertions, a wrong answer is waited out until it changes', async () => {
    const goodAt = Date.now() + 600;
    const app = await serve((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(Date.now() < goodAt ? '{"release":"v1"}' : '{"release":"v2"}'));
    const report = await runSmoke(checks('- { name: api, path: /, expect-json: { release: v2 } }', app.url), settings({ timeoutMs: 10_000, retryAssertions: true }), fast);
    expect(only(report)).toMatchObject({ passed: true });
    expect(only(report).attempts).toBeGreaterThan(1);
  });

  test('expect-json takes /regex/ like expect-headers', async () => {
    const app = await serve((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"version":"1.4.2","build":1234}'));
    const good = only(await runSmoke(checks("- { name: api, path: /, expect-json: { version: '/^1\\.4\\./', build: '/^\\d+$/' } }", app.url), settings(), fast));
    expect(good).toMatchObject({ passed: true });
    const bad = only(await runSmoke(checks("- { name: api, path: /, expect-json: { version: '/^2\\./' } }", app.url), settings(), fast));
    expect(bad.failures).toEqual(['JSON version is "1.4.2", expected a match of /^2\\./']);
  });

  test('a hung server: each request times out, the run ends at its deadline, the failure says timeout', async () => {
    let requests = 0;
    const app = await serve(() => {
      requests++;
    });
    const report = await runSmoke(checks('- { name: hang, path: /, request-timeout: 200ms }', app.url), settings({ timeoutMs: 1500 }), fast);
    const result = only(report);
    expect(result.passed).toBe(false);
    expect(result.errorKind).toBe('timeout');
    expect(result.failures[0]).toBe('timed out after 200ms (request-timeout)');
    // Several attempts fit in the deadline because each one was cut at the request timeout.
    expect(requests).toBeGreaterThan(1);
  });

  test('a hung server with a request timeout longer than the deadline: the deadline cancels the request', async () => {
    const app = await serve(() => undefined);
    const report = await runSmoke(checks('- { name: hang, path: /, request-timeout: 10m }', app.url), settings({ timeoutMs: 700 }), fast);
    const result = only(report);
    expect(result).toMatchObject({ passed: false, attempts: 1, errorKind: 'aborted' });
    expect(result.failures).toEqual(['not ready within the overall timeout of 700ms: no response before the deadline cancelled the request']);
  });

  test('wrong body', async () => {
    const app = await serve((_, res) => res.end('<h1>Under maintenance</h1>'));
    const result = only(await runSmoke(checks("- { name: home, path: /, body-contains: '<div id=\"root\">' }", app.url), settings({ timeoutMs: 2500 }), fast));
    expect(result.failures).toEqual(['body does not contain "<div id=\\"root\\">" (body starts "<h1>Under maintenance</h1>")']);
  });

  test('wrong JSON value', async () => {
    const app = await serve((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"degraded","db":{"up":false}}'));
    const result = only(await runSmoke(checks("- { name: api, path: /api/health, expect-json: { status: ok, 'db.up': true } }", app.url), settings({ timeoutMs: 2500 }), fast));
    expect(result.failures).toEqual(['JSON status is "degraded", expected "ok"', 'JSON db.up is false, expected true']);
  });

  test('a redirect loop fails with the loop shown', async () => {
    const app = await serve((req, res) => res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end());
    const result = only(await runSmoke(checks('- { name: loop, path: /a }', app.url), settings({ timeoutMs: 2500 }), fast));
    expect(result.errorKind).toBe('redirect-loop');
    expect(result.failures[0]).toBe(`redirect loop: ${app.url}/a -> ${app.url}/b -> ${app.url}/a`);
  });

  test('redirects not followed: the 3xx is asserted', async () => {
    const app = await serve((_, res) => res.writeHead(301, { location: 'https://app.example/' }).end());
    const report = await runSmoke(checks('- { name: http-to-https, path: /, follow-redirects: false, expect-status: 301, expect-headers: { location: "/^https:/" } }', app.url), settings(), fast);
    expect(report.passed).toBe(true);
  });
});

describe('TLS', () => {
  test.each([
    ['fails with a self-signed certificate unless insecure', false, '', false, /^TLS certificate rejected: .*set insecure: true to accept it$/],
    ['passes with insecure: true', true, '', true, undefined],
    ['insecure still enforces cert-min-days', true, ', cert-min-days: 5000', false, /^TLS certificate expires in \d+ days \(.*\), expected at least 5000$/],
  ])('%s', async (_, insecure, extra, passed, failure) => {
    const app = await serve((__, res) => res.end('ok'), { tls: { selfSigned: true } });
    const result = only(await runSmoke(checks(`- { name: tls, path: /${extra} }`, app.url), settings({ timeoutMs: 2500, insecure }), fast));
    expect(result.passed).toBe(passed);
    if (failure) expect(result.failures[0]).toMatch(failure);
    else expect(result.certDaysLeft).toBeGreaterThan(3000);
  });
});

describe('CORS', () => {
  test.each([
    ['the allowed origin passes', 'https://shop.example', 'PUT', true, []],
    ['another origin fails', 'https://evil.example', 'PUT', false, ['CORS preflight from https://evil.example: Access-Control-Allow-Origin is "https://shop.example", expected "https://evil.example"']],
    ['a method the server does not allow fails', 'https://shop.example', 'DELETE', false, ['CORS preflight from https://shop.example: Access-Control-Allow-Methods "GET, PUT" does not allow DELETE']],
  ])('%s', async (_, origin, method, passed, failures) => {
    let preflights = 0;
    // Configured for one origin, like most servers: it answers the same allow-list to everyone.
    const app = await serve((req, res) => {
      if (req.method !== 'OPTIONS') return res.end('{"ok":true}');
      preflights++;
      res.writeHead(204, {
        'access-control-allow-origin': 'https://shop.example',
        'access-control-allow-methods': 'GET, PUT',
        'access-control-allow-headers': 'content-type, x-csrf',
        'access-control-allow-credentials': 'true',
        vary: 'Origin',
      }).end();
    });
    const yaml = `- name: api-cors\n  path: /api/cart\n  cors: { origin: '${origin}', method: ${method}, headers: [Content-Type, X-CSRF], credentials: true }\n`;
    const result = only(await runSmoke(checks(yaml, app.url), settings({ timeoutMs: 2500 }), fast));
    expect(result.passed).toBe(passed);
    expect(result.failures).toEqual(failures);
    expect(preflights).toBeGreaterThan(0);
  });
});

describe('stability phase', () => {
  test.each([
    ['a flapping server fails the 5% limit', 0.05, false],
    ['a flapping server passes a 60% limit', 0.6, true],
  ])('%s', async (_, maxErrorRate, passed) => {
    let count = 0;
    // Alternates: ok, 500, ok, 500... so readiness passes at once and exactly half the samples fail.
    const app = await serve((__, res) => (count++ % 2 === 0 ? res.end('ok') : res.writeHead(500).end('boom')));
    const result = only(await runSmoke(checks('- { name: flappy, path: / }', app.url), settings({ samples: 20, maxErrorRate }), fast));
    expect(result.ready).toBe(true);
    expect(result.passed).toBe(passed);
    expect(result.stability).toMatchObject({ samples: 20, errors: 10, errorRate: 0.5, errorReasons: [{ reason: 'status 500, expected 200-399', count: 10 }] });
    if (!passed) expect(result.failures).toEqual(['error rate 50% (10/20) is above max-error-rate 5%; most common: status 500, expected 200-399 (10x)']);
  });

  test('a 500 storm above the error-rate limit fails and says how bad it was', async () => {
    let count = 0;
    // Ready on the first request, then 3 of every 10 answers are 500s.
    const app = await serve((__, res) => {
      const n = count++;
      return n > 0 && n % 10 < 3 ? res.writeHead(500).end() : res.end('ok');
    });
    const report = await runSmoke(checks('- { name: storm, path: / }', app.url), settings({ samples: 30 }), fast);
    const result = only(report);
    expect(report.passed).toBe(false);
    expect(result.stability).toMatchObject({ samples: 30, errors: 9, errorRate: 0.3, passed: false });
    expect(result.failures[0]).toMatch(/^error rate 30% \(9\/30\) is above max-error-rate 5%/);
  });

  test('p95 latency above max-p95 fails', async () => {
    let count = 0;
    const app = await serve((__, res) => {
      // Readiness is fast; every stability sample takes 300ms.
      if (count++ === 0) return res.end('ok');
      setTimeout(() => res.end('ok'), 300);
    });
    const result = only(await runSmoke(checks('- { name: slow, path: / }', app.url), settings({ samples: 3, maxP95Ms: 100 }), fast));
    expect(result.stability!.errors).toBe(0);
    expect(result.stability!.p95Ms).toBeGreaterThanOrEqual(300);
    expect(result.failures[0]).toMatch(/^p95 latency \d+ms is above max-p95 100ms$/);
  });

  test('hung samples cannot outlast the stability budget: the phase stops and says so', async () => {
    let count = 0;
    // Ready at once, then every sample hangs.
    const app = await serve((__, res) => {
      if (count++ === 0) res.end('ok');
    });
    const result = only(await runSmoke(checks('- { name: hangs-later, path: /, request-timeout: 10m }', app.url), settings({ samples: 100, timeoutMs: 500 }), fast));
    expect(result.ready).toBe(true);
    expect(result.passed).toBe(false);
    expect(result.stability).toMatchObject({ samples: 0, errors: 0 });
    expect(result.failures).toEqual(['only 0 of 100 samples finished within the timeout of 500ms']);
  });

  test('a check that never got ready gets no stability samples', async () => {
    let requests = 0;
    const app = await serve((__, res) => {
      requests++;
      res.writeHead(404).end();
    });
    const result = only(await runSmoke(checks('- { name: gone, path: / }', app.url), settings({ samples: 50, timeoutMs: 200 }), fast));
    expect(result.stability).toBeUndefined();
    expect(requests).toBeLessThan(50);
  });
});

describe('concurrency', () => {
  test.each([
    [1, 1],
    [3, 3],
  ])('at most %d checks in flight', async (concurrency, expectedPeak) => {
    let inFlight = 0;
    let peak = 0;
    const held: Array<() => void> = [];
    // Holds answers until `concurrency` requests are in flight (or 2s pass), so the peak does not
    // depend on how fast connections open; a run that sent more at once would show a higher peak.
    const release = (): void => {
      for (const answer of held.splice(0)) answer();
    };
    const app = await serve((__, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      held.push(() => {
        inFlight--;
        res.end('ok');
      });
      if (inFlight >= concurrency) setTimeout(release, 20);
      else setTimeout(release, 2000);
    });
    const yaml = Array.from({ length: 6 }, (_, i) => `- { name: c${i}, path: /${i} }`).join('\n');
    const report = await runSmoke(checks(yaml, app.url), settings({ concurrency }), fast);
    expect(report.passed).toBe(true);
    expect(report.checks.map((check) => check.name)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
    expect(peak).toBe(expectedPeak);
  });
});
