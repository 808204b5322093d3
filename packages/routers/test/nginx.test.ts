import http from 'node:http';
import { existsSync, mkdirSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { NginxRouter, parseIncludeUpstream, renderInclude, validateUpstream } from '../src/nginx.js';
import { getFresh, startHttpServer, startNginx, tempDir, type HttpService, type NginxService } from '../../../test/services/index.js';

/** A small app standing in for one slot. */
function startSlotApp(name: string, release: string): Promise<HttpService> {
  return startHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<div id="root">slot ${name} release ${release}</div>`);
  });
}

describe('include file contract', () => {
  test('renders exactly one upstream block that parses back to the same address', () => {
    const text = renderInclude('staging', 'green', '10.0.1.6:8080');
    expect(text).toMatch(/^upstream shipkit_staging \{ server 10\.0\.1\.6:8080; \}$/m);
    expect(text.match(/upstream/g)).toHaveLength(1);
    expect(parseIncludeUpstream(text, 'staging')).toBe('10.0.1.6:8080');
    expect(parseIncludeUpstream(text, 'production')).toBeUndefined();
  });

  test.each(['10.0.1.5:8080', 'blue.internal:80', '[::1]:8080', 'unix:/run/app.sock', 'localhost:65535'])('accepts upstream %s', (value) => {
    expect(validateUpstream(value, 'slots.blue.upstream')).toBe(value);
  });

  test.each([
    ['127.0.0.1:80; } server evil', 'spaces, ";"'],
    ['127.0.0.1', 'no port'],
    ['host:0', 'port 0'],
    ['host:70000', 'port too large'],
    ['{host}:80', 'braces'],
    ['host:80#x', 'comment'],
    ['', 'empty'],
  ])('refuses upstream %j (%s), naming the field and value', (value) => {
    expect(() => validateUpstream(value, 'environments.staging.slots.blue.upstream')).toThrow(
      `environments.staging.slots.blue.upstream has an invalid value ${JSON.stringify(value)}: expected host:port`,
    );
  });
});

describe('nginx router with a real nginx in front of two slots', () => {
  let nginx: NginxService;
  let blue: HttpService;
  let green: HttpService;
  let include: string;
  const upstream = (app: HttpService) => `127.0.0.1:${app.port}`;
  const router = (overrides: Partial<ConstructorParameters<typeof NginxRouter>[0]> = {}) =>
    new NginxRouter({
      environment: 'staging',
      include,
      upstreams: { blue: upstream(blue), green: upstream(green) },
      test: nginx.testCommand,
      reload: nginx.reloadCommand,
      ...overrides,
    });
  /** Routes and waits for nginx's new workers: `nginx -s reload` only signals the master. */
  const routeAndSettle = async (slot: 'blue' | 'green') => {
    const before = nginx.workers();
    await router().route({ slot });
    await nginx.waitForReload(before);
  };

  beforeAll(async () => {
    blue = await startSlotApp('blue', 'v1');
    green = await startSlotApp('green', 'v2');
    include = path.join(tempDir('nginx-router'), 'shipkit', 'staging.conf');
    mkdirSync(path.dirname(include), { recursive: true });
    writeFileSync(include, `upstream shipkit_staging { server ${upstream(blue)}; }\n`);
    nginx = await startNginx({ http: ({ port }) => `include ${include};\nserver { listen 127.0.0.1:${port}; location / { proxy_pass http://shipkit_staging; } }` });
  });
  afterAll(async () => {
    await nginx?.stop();
    await blue?.stop();
    await green?.stop();
  });

  test('switches live traffic to green and back, and reads the live slot from the include', async () => {
    expect((await getFresh(nginx.url)).body).toContain('slot blue');
    expect(await router().live()).toBe('blue');

    await routeAndSettle('green');
    expect((await getFresh(nginx.url)).body).toContain('slot green release v2');
    expect(await router().live()).toBe('green');
    const text = readFileSync(include, 'utf8');
    expect(text.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual([`upstream shipkit_staging { server ${upstream(green)}; }`]);

    await routeAndSettle('blue');
    expect((await getFresh(nginx.url)).body).toContain('slot blue release v1');
    // The atomic write leaves no temp files next to the include; the routing before the last switch is kept beside it.
    expect(readdirSync(path.dirname(include)).sort()).toEqual(['staging.conf', 'staging.conf.shipkit-previous']);
    expect(readFileSync(`${include}.shipkit-previous`, 'utf8')).toContain(`server ${upstream(green)};`);
  });

  test('a request loop running through several switches sees no failed request', async () => {
    const seen = new Set<string>();
    const failures: string[] = [];
    let running = true;
    let requests = 0;
    const loop = (async () => {
      while (running && requests < 5000) {
        requests++;
        try {
          const response = await getFresh(nginx.url);
          if (response.status !== 200) failures.push(`status ${response.status}`);
          else seen.add(/slot (\w+)/.exec(response.body)?.[1] ?? '?');
        } catch (error) {
          failures.push(String(error));
        }
      }
    })();
    for (const slot of ['green', 'blue', 'green', 'blue'] as const) {
      await routeAndSettle(slot);
      await new Promise((resolve) => setTimeout(resolve, 50)); // let the loop see this slot
    }
    running = false;
    await loop;
    expect(failures).toEqual([]);
    expect([...seen].sort()).toEqual(['blue', 'green']);
    expect(requests).toBeGreaterThan(10);
  });

  test('an upstream nginx -t refuses is rolled back: include restored byte-for-byte, live traffic untouched', async () => {
    await routeAndSettle('blue');
    const before = readFileSync(include, 'utf8');
    // Well-formed, but nginx cannot resolve it: the real `nginx -t` is what refuses it.
    const broken = router({ upstreams: { blue: upstream(blue), green: 'no-such-host.invalid:8080' } });
    await expect(broken.route({ slot: 'green', previous: 'blue' })).rejects.toThrow(/nginx refused the new routing to green \(no-such-host\.invalid:8080\).*restored and live traffic is unchanged[\s\S]*host not found/);
    expect(readFileSync(include, 'utf8')).toBe(before);
    expect((await getFresh(nginx.url)).body).toContain('slot blue');
    expect(readdirSync(path.dirname(include)).sort()).toEqual(['staging.conf', 'staging.conf.shipkit-previous']);
  });

  test('a hand-written nginx file at router.include is refused, untouched; an empty one is taken', async () => {
    const handWritten = path.join(path.dirname(include), 'site.conf');
    const text = 'server { listen 8080; location / { root /srv/www; } }\n';
    writeFileSync(handWritten, text);
    await expect(router({ include: handWritten }).route({ slot: 'green' })).rejects.toThrow(/router\.include .*site\.conf: the file exists and was not written by shipkit/);
    expect(readFileSync(handWritten, 'utf8')).toBe(text);
    expect(existsSync(`${handWritten}.shipkit-previous`)).toBe(false);
    rmSync(handWritten);
  });

  test('an invalid upstream is refused before the include is touched', async () => {
    const before = readFileSync(include, 'utf8');
    const evil = router({ upstreams: { blue: upstream(blue), green: '127.0.0.1:1; } server 10.9.9.9:80' } });
    await expect(evil.route({ slot: 'green' })).rejects.toThrow(/slots\.green\.upstream has an invalid value/);
    expect(readFileSync(include, 'utf8')).toBe(before);
  });

  test('a failing reload restores the include and reloads it; live traffic stays on blue', async () => {
    const before = readFileSync(include, 'utf8');
    const failingReload = router({ reload: ['sh', '-c', 'echo "reload refused by test" >&2; exit 3'] });
    await expect(failingReload.route({ slot: 'green', previous: 'blue' })).rejects.toThrow(/could not reload with the new routing to green.*restored \(reloading it failed too\)[\s\S]*reload refused by test/);
    expect(readFileSync(include, 'utf8')).toBe(before);
    expect((await getFresh(nginx.url)).body).toContain('slot blue');
  });

  test('a slot without an upstream is a clear error naming the config field', async () => {
    await expect(router({ upstreams: { blue: upstream(blue), green: undefined } }).route({ slot: 'green' })).rejects.toThrow(/Slot green of environment staging has no upstream/);
  });
});

describe('nginx router with keep-alive visitors (as production nginx runs)', () => {
  let nginx: NginxService;
  let blue: HttpService;
  let green: HttpService;
  let include: string;
  beforeAll(async () => {
    blue = await startSlotApp('blue', 'v1');
    green = await startSlotApp('green', 'v2');
    include = path.join(tempDir('nginx-keepalive'), 'shipkit', 'staging.conf');
    mkdirSync(path.dirname(include), { recursive: true });
    writeFileSync(include, `upstream shipkit_staging { server 127.0.0.1:${blue.port}; }\n`);
    nginx = await startNginx({ keepalive: true, http: ({ port }) => `include ${include};\nserver { listen 127.0.0.1:${port}; location / { proxy_pass http://shipkit_staging; } }` });
  });
  afterAll(async () => {
    await nginx?.stop();
    await blue?.stop();
    await green?.stop();
  });

  test('after each switch returns, every new request — over kept-alive connections too — is answered by the new slot', async () => {
    const router = new NginxRouter({ environment: 'staging', include, upstreams: { blue: `127.0.0.1:${blue.port}`, green: `127.0.0.1:${green.port}` }, test: nginx.testCommand, reload: nginx.reloadCommand });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    /** A visitor's GET over a kept-alive connection; a connection the server closed while idle is retried once, as browsers do. */
    const visit = async (): Promise<string> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await new Promise<string>((resolve, reject) => {
            http.get(nginx.url, { agent }, (response) => {
              let body = '';
              response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve(/slot (\w+)/.exec(body)?.[1] ?? `?${response.statusCode}`));
            }).on('error', reject);
          });
        } catch (error) {
          if (attempt >= 1 || !/ECONNRESET|socket hang up/.test(String(error))) throw error;
        }
      }
    };
    // Visitors keep connections open to the current workers.
    const warm = await Promise.all(Array.from({ length: 8 }, visit));
    expect(new Set(warm)).toEqual(new Set(['blue']));
    for (const slot of ['green', 'blue', 'green'] as const) {
      await router.route({ slot });
      const answers = await Promise.all([...Array.from({ length: 12 }, visit), ...Array.from({ length: 4 }, async () => /slot (\w+)/.exec((await getFresh(nginx.url)).body)?.[1])]);
      expect(new Set(answers)).toEqual(new Set([slot]));
    }
    agent.destroy();
  });
});
