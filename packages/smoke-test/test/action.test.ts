import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { openLedger } from '@shipkit/ledger';
import { runAction } from '../../../test/harness/index.js';
import { startHttpServer, startMoto, tempDir, type HttpService, type MotoService } from '../../../test/services/index.js';
import type { SmokeReport } from '@shipkit/checks';

// These run the committed-style bundle dist/smoke-test/index.js as the runner does.

const servers: HttpService[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

interface Seen {
  paths: string[];
  headers: Record<string, string | string[] | undefined>[];
}

/** A small app: / serves HTML, /api/health JSON, /broken the wrong body; it records what it was sent. */
async function startApp(release = 'v1'): Promise<HttpService & { seen: Seen }> {
  const seen: Seen = { paths: [], headers: [] };
  const server = await startHttpServer((req, res) => {
    seen.paths.push(req.url ?? '');
    seen.headers.push(req.headers);
    if (req.url === '/api/health') return res.writeHead(200, { 'content-type': 'application/json', 'x-release': release }).end(JSON.stringify({ status: 'ok', release }));
    if (req.url === '/broken') return res.end('<h1>Maintenance</h1>');
    res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'session=server-session-secret-42' }).end('<html><div id="root"></div></html>');
  });
  servers.push(server);
  return Object.assign(server, { seen });
}

describe('smoke-test action', () => {
  test('passing checks: outputs, a step summary table and a JUnit file', async () => {
    const app = await startApp();
    const workspace = tempDir('smoke-action');
    const run = await runAction('smoke-test', {
      workspace,
      inputs: {
        url: `${app.url}/`,
        'base-url': app.url,
        // Indented as when pasted from elsewhere: the input must keep its leading whitespace.
        checks: "  - { name: api, path: /api/health, expect-json: { status: ok }, expect-headers: { x-release: v1, content-type: '/json/' } }\n  - { name: html, path: /, expect-headers: { content-type: text/html } }\n",
        'junit-file': 'reports/smoke.xml',
        samples: 5,
      },
    });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.passed).toBe('true');
    expect(run.outputs['failed-checks']).toBe('');
    const report = JSON.parse(run.outputs.report) as SmokeReport;
    expect(report.checks.map((check) => [check.name, check.passed, check.status])).toEqual([
      [`${app.url}/`, true, 200],
      ['api', true, 200],
      ['html', true, 200],
    ]);
    expect(report.checks[1].stability).toMatchObject({ samples: 5, errors: 0 });
    expect(run.summary).toContain('| Check | URL | Status | Latency | Attempts | Why it failed |');
    // Every row says which URL was tested.
    expect(run.summary).toMatch(/\| ✅ api \| http:\/\/127\.0\.0\.1:\d+\/api\/health \| 200 \| \d+ms \| 1 \| — \|/);
    expect(run.summary).toContain('| Check | Samples | Error rate | p50 | p95 | Max | Errors |');
    const junit = readFileSync(path.join(workspace, 'reports/smoke.xml'), 'utf8');
    expect(junit).toContain('<testsuite name="smoke-test" tests="3" failures="0"');
    expect(junit).toContain('<testcase name="api" classname="smoke-test"');
  });

  test('a failing check: passed=false, failed-checks, the reason in the summary, JUnit and the error', async () => {
    const app = await startApp();
    const workspace = tempDir('smoke-action');
    const run = await runAction('smoke-test', {
      workspace,
      inputs: {
        'base-url': app.url,
        checks: "- { name: home, path: /broken, body-contains: '<div id=\"root\">' }\n- { name: api, path: /api/health }\n",
        timeout: '1s',
        'junit-file': 'smoke.xml',
      },
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.outputs.passed).toBe('false');
    expect(run.outputs['failed-checks']).toBe('home');
    expect(run.errors[0]).toContain('smoke-test failed: 1 of 2 checks failed.\nhome: body does not contain "<div id=\\"root\\">"');
    expect(run.summary).toContain('❌ 1 of 2 checks failed (home)');
    expect(run.summary).toMatch(/\| ❌ home \| http:\/\/127\.0\.0\.1:\d+\/broken \| 200 \| \d+ms \| 1 \| body does not contain/); // one attempt: a wrong answer is not retried
    const junit = readFileSync(path.join(workspace, 'smoke.xml'), 'utf8');
    expect(junit).toContain('<failure message="body does not contain &quot;&lt;div id=\\&quot;root\\&quot;&gt;&quot;');
  });

  test('a spec error names the input, line and field, and nothing is requested', async () => {
    const app = await startApp();
    const run = await runAction('smoke-test', {
      inputs: { 'base-url': app.url, checks: '- name: home\n  path: /\n- name: api\n  path: /api/health\n  expect-staus: 200\n' },
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.errors[0]).toContain('Invalid input "checks":\ninput "checks":5:3: [1].expect-staus unknown field "expect-staus"');
    expect(app.seen.paths).toEqual([]);
  });

  test('a bad input value is refused before anything runs', async () => {
    const run = await runAction('smoke-test', { inputs: { url: 'https://app.example/', 'expect-status': '2xx' } });
    expect(run.exitCode).not.toBe(0);
    expect(run.errors[0]).toMatch(/^Input "expect-status" has an invalid value "2xx": expected HTTP status codes/);
  });

  test('secret header values are sent but never appear in the log, outputs, summary or JUnit file', async () => {
    const app = await startApp();
    const workspace = tempDir('smoke-action');
    const inlineSecret = 'sk-live-inline-7f3a9c';
    const envSecret = 'env-api-key-b81d2e';
    const run = await runAction('smoke-test', {
      workspace,
      env: { API_KEY: envSecret },
      inputs: {
        'base-url': app.url,
        checks: [
          '- name: home',
          '  path: /',
          `  headers: { Authorization: 'Bearer ${inlineSecret}', X-Api-Key: '\${API_KEY}', Accept: text/html }`,
          // Fails on purpose so the failure text (with the response's Set-Cookie) goes everywhere.
          "  expect-headers: { set-cookie: 'session=other' }",
        ].join('\n'),
        timeout: '300ms',
        'junit-file': 'smoke.xml',
      },
    });
    expect(run.exitCode).not.toBe(0);
    // They were really sent.
    expect(app.seen.headers[0]).toMatchObject({ authorization: `Bearer ${inlineSecret}`, 'x-api-key': envSecret, accept: 'text/html' });
    // Registered with the runner for masking ...
    expect(run.masks).toEqual(expect.arrayContaining([`Bearer ${inlineSecret}`, inlineSecret, envSecret]));
    // ... and never written anywhere by the action itself.
    const junit = readFileSync(path.join(workspace, 'smoke.xml'), 'utf8');
    for (const text of [run.log, JSON.stringify(run.outputs), run.summary, junit, run.errors.join('\n')]) {
      expect(text).not.toContain(inlineSecret);
      expect(text).not.toContain(envSecret);
      expect(text).not.toContain('server-session-secret-42');
    }
    expect(run.outputs['failed-checks']).toBe('home');
    expect(run.summary).toContain('header set-cookie does not have the expected value (values of this header are not shown)');
  });
});

describe('recording the result in the ledger', () => {
  let s3: MotoService;
  beforeAll(async () => {
    s3 = await startMoto({ buckets: ['state'] });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  function workspaceWithConfig(environment: string, blueUrl: string, greenUrl: string, liveUrl: string): string {
    const workspace = tempDir('smoke-ledger');
    mkdirSync(path.join(workspace, '.github'));
    writeFileSync(
      path.join(workspace, '.github/shipkit.yml'),
      [
        'app: shop',
        'state: s3://state/shipkit',
        'environments:',
        `  ${environment}:`,
        '    target: command',
        '    strategy: blue-green',
        '    deploy: [./deploy.sh]',
        '    router: { type: command, switch: [./swap.sh] }',
        `    url: ${liveUrl}`,
        '    slots:',
        `      blue: { url: ${blueUrl} }`,
        `      green: { url: ${greenUrl} }`,
        '    smoke:',
        '      timeout: 1s',
        '      checks:',
        "        - { name: home, path: /, body-contains: '<div id=\"root\">' }",
        '        - { name: api, path: /api/health, expect-json: { status: ok } }',
      ].join('\n'),
    );
    return workspace;
  }

  const ledger = (environment: string) => openLedger({ state: 's3://state/shipkit', app: 'shop', environment, client: s3.client(), run: { runId: 'seed' }, warn: () => undefined });

  test("the slot's smoke result lands in the ledger for require-smoke in a later job (checks and URL from the config)", async () => {
    const green = await startApp('v2');
    const brokenBlue = await startHttpServer((_, res) => res.writeHead(503).end());
    servers.push(brokenBlue);
    const workspace = workspaceWithConfig('staging', brokenBlue.url, green.url, 'http://127.0.0.1:9/');
    // deploy-env installed v2 into green.
    const seed = await ledger('staging');
    await (await seed.begin({ type: 'deploy', release: 'v2', slot: 'green' })).succeed();
    await (await seed.begin({ type: 'deploy', release: 'v1', slot: 'blue' })).succeed();

    const passing = await runAction('smoke-test', { workspace, env: s3.env, inputs: { environment: 'staging', slot: 'green' } });
    expect(passing.errors).toEqual([]);
    expect(passing.exitCode).toBe(0);
    expect(green.seen.paths).toEqual(expect.arrayContaining(['/', '/api/health']));
    expect(passing.log).toMatch(/Recorded the result in the staging ledger \(.+, slot green, release v2\)/);

    const failing = await runAction('smoke-test', { workspace, env: s3.env, inputs: { environment: 'staging', slot: 'blue' } });
    expect(failing.exitCode).not.toBe(0);
    expect(failing.outputs['failed-checks']).toBe('home,api');

    const state = await (await ledger('staging')).state();
    expect(state.slots.green?.smoke).toMatchObject({ passed: true, release: 'v2' });
    expect(state.slots.blue?.smoke).toMatchObject({ passed: false, release: 'v1' });
    expect(state.slots.blue?.smoke?.details).toMatchObject({ checks: 2, failedChecks: ['home', 'api'] });
  });

  test('without a slot the result is recorded against the live release', async () => {
    const live = await startApp('v1');
    const workspace = workspaceWithConfig('production', 'http://127.0.0.1:9/', 'http://127.0.0.1:9/', live.url);
    const seed = await ledger('production');
    await (await seed.begin({ type: 'deploy', release: 'v1', slot: 'blue' })).succeed();
    await (await seed.begin({ type: 'switch', release: 'v1', slot: 'blue' })).succeed();

    const run = await runAction('smoke-test', { workspace, env: s3.env, inputs: { environment: 'production' } });
    expect(run.errors).toEqual([]);
    expect(live.seen.paths).toEqual(expect.arrayContaining(['/', '/api/health']));
    const state = await (await ledger('production')).state();
    expect(state.liveSmoke).toMatchObject({ passed: true, release: 'v1' });
  });

  test('an environment without a state location is refused before any request', async () => {
    const app = await startApp();
    const workspace = tempDir('smoke-ledger');
    mkdirSync(path.join(workspace, '.github'));
    writeFileSync(path.join(workspace, '.github/shipkit.yml'), `app: shop\nenvironments:\n  dev: { target: command, deploy: [./d.sh], url: ${app.url} }\nsmoke: { checks: [{ name: home, path: / }] }\n`);
    const run = await runAction('smoke-test', { workspace, inputs: { environment: 'dev' } });
    expect(run.exitCode).not.toBe(0);
    expect(run.errors[0]).toContain('.github/shipkit.yml has no "state"');
    expect(app.seen.paths).toEqual([]);
  });
});
