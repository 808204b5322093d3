import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, describe, expect, test } from '@jest/globals';
import { startHttpServer, type HttpService } from '../../../test/services/index.js';
import { analyseStep, analysisSummary } from '../src/analysis.js';
import { buildChecks, parseChecksInput, parseStatusSpec } from '../src/spec.js';

const servers: HttpService[] = [];
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<HttpService> {
  const server = await startHttpServer(handler);
  servers.push(server);
  return server;
}
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

function checks(yaml: string, baseUrl: string) {
  const spec = parseChecksInput(yaml, process.cwd());
  return buildChecks(spec.checks, spec.locate, { baseUrl, expectStatus: parseStatusSpec('200-399', 'expect-status'), requestTimeoutMs: 2000, env: {} }, spec.fieldPrefix).checks;
}

/** Fails `failing` of every 5 requests (deterministic): 2 -> 40%. */
function flaky(failing: number) {
  let count = 0;
  return (_req: IncomingMessage, res: ServerResponse) => {
    const n = count++;
    if (n % 5 < failing) res.writeHead(500).end('boom');
    else res.end('<div id="root">ok</div>');
  };
}

describe('analysis of a canary step', () => {
  test('a healthy slot and live URL pass, each check sampled the planned number of times over the whole step', async () => {
    const slot = await serve(flaky(0));
    const live = await serve(flaky(0));
    const home = "- { name: home, path: /, body-contains: 'ok' }";
    const result = await analyseStep({ targets: [{ name: 'slot green', checks: checks(home, slot.url) }, { name: 'live', checks: checks(home, live.url) }], durationMs: 600, samples: 6, maxErrorRate: 0.05 });
    expect(result.passed).toBe(true);
    expect(result.failed).toBeUndefined();
    expect(result.checks.map((entry) => [entry.target, entry.check, entry.stability.samples, entry.stability.errors])).toEqual([
      ['slot green', 'home', 6, 0],
      ['live', 'home', 6, 0],
    ]);
    // A passing step is not cut short: the bake time is the point.
    expect(result.durationMs).toBeGreaterThanOrEqual(600);
  });

  test('a slot failing 40% of its requests spends the 5% budget at its second failure and stops the step early', async () => {
    const slot = await serve(flaky(2));
    const live = await serve(flaky(0));
    const home = '- { name: home, path: / }';
    const result = await analyseStep({ targets: [{ name: 'slot green', checks: checks(home, slot.url) }, { name: 'live', checks: checks(home, live.url) }], durationMs: 60_000, samples: 20, maxErrorRate: 0.05 });
    expect(result.passed).toBe(false);
    expect(result.failed).toMatchObject({ target: 'slot green', check: 'home' });
    expect(result.failed!.reasons[0]).toMatch(/^2 of 2 requests failed \(budget 1 of 20\); last: .*500/);
    // Stopped at once, not after the 60 s step.
    expect(result.checks.find((entry) => entry.target === 'slot green')!.stability.samples).toBe(2);
    expect(analysisSummary(result)).toMatchObject({ passed: false, failedCheck: 'home', failedTarget: 'slot green' });
  });

  test('a p95 limit fails a slow slot at the end of the step', async () => {
    const slot = await serve((_req, res) => setTimeout(() => res.end('slow'), 120));
    const result = await analyseStep({ targets: [{ name: 'slot blue', checks: checks('- { name: home, path: / }', slot.url) }], durationMs: 300, samples: 3, maxErrorRate: 0.05, maxP95Ms: 50 });
    expect(result.passed).toBe(false);
    expect(result.failed!.reasons.join(' ')).toMatch(/p95 latency \d+ms is above max-p95 50ms/);
  });
});
