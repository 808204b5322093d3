import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import {
  BASE_IMAGE,
  buildah,
  buildahEnv,
  buildBaseImage,
  freePort,
  run,
  selfSignedCertificate,
  startHttpServer,
  startNginx,
  startRegistry,
  type HttpService,
} from './index.js';

const stops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

function httpsGet(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('freePort', () => {
  test('returns a bindable loopback port', async () => {
    const port = await freePort();
    const server = await startHttpServer((_req, res) => res.end('x'), { port });
    stops.push(server.stop);
    expect(server.port).toBe(port);
  });
});

describe('supervised children', () => {
  test('a supervised command dies when its parent is killed with SIGKILL', async () => {
    // A parent process forks supervise.mjs (as startNginx/startRegistry do) running `sleep`.
    const supervisor = path.join(path.dirname(new URL(import.meta.url).pathname), 'supervise.mjs');
    const parentScript = `
      import { fork } from 'node:child_process';
      const child = fork(${JSON.stringify(supervisor)}, [], {
        execArgv: [],
        env: { ...process.env, SHIPKIT_SUPERVISE: JSON.stringify({ command: 'sleep', args: ['300'] }) },
      });
      child.on('message', (m) => console.log(JSON.stringify(m)));`;
    const { spawn } = await import('node:child_process');
    const parent = spawn(process.execPath, ['--input-type=module', '-e', parentScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    const sleepPid = await new Promise<number>((resolve, reject) => {
      parent.stdout!.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString().split('\n')[0]!).pid));
      parent.once('exit', (code) => reject(new Error(`parent exited early (${code})`)));
    });
    expect(() => process.kill(sleepPid, 0)).not.toThrow();
    parent.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    let alive = true;
    while (alive && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      try {
        process.kill(sleepPid, 0);
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
  });
});

describe('startHttpServer', () => {
  test('serves plain HTTP', async () => {
    const server = await startHttpServer((req, res) => res.end(`hello ${req.url}`));
    stops.push(server.stop);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(await (await fetch(`${server.url}/x`)).text()).toBe('hello /x');
  });

  test('serves HTTPS with a self-signed certificate that verifies against its own CA', async () => {
    const server = await startHttpServer((_req, res) => res.end('secure'), { tls: { selfSigned: true } });
    stops.push(server.stop);
    expect(server.url.startsWith('https://127.0.0.1:')).toBe(true);
    expect(await httpsGet(`${server.url}/`, server.certificate!.cert)).toEqual({ status: 200, body: 'secure' });
    // Without trusting the certificate the handshake fails: it really is TLS, and self-signed.
    await expect(httpsGet(`${server.url}/`, '')).rejects.toThrow(/self-signed|self signed/);
  });
});

describe('startNginx', () => {
  test('proxies to the upstream named in an include file, and reload switches it', async () => {
    const blue = await startHttpServer((_req, res) => res.end('blue'));
    const green = await startHttpServer((_req, res) => res.end('green'));
    stops.push(blue.stop, green.stop);
    const includeDir = await mkdtemp(path.join(os.tmpdir(), 'shipkit-router-'));
    const include = path.join(includeDir, 'staging.conf');
    const upstream = (server: HttpService) => `upstream shipkit_staging { server 127.0.0.1:${server.port}; }\n`;
    await writeFile(include, upstream(blue));

    const nginx = await startNginx({
      http: ({ port }) => `include ${include};
server { listen 127.0.0.1:${port}; location / { proxy_pass http://shipkit_staging; } }`,
    });
    stops.push(nginx.stop);
    expect(await (await fetch(`${nginx.url}/`)).text()).toBe('blue');

    await writeFile(include, upstream(green));
    await nginx.test();
    await nginx.reload();
    expect(await (await fetch(`${nginx.url}/`)).text()).toBe('green');

    // The argument lists a router runs work as given, and the test command rejects a bad include.
    await writeFile(include, upstream(blue));
    const before = nginx.workers();
    await run(nginx.reloadCommand[0]!, nginx.reloadCommand.slice(1));
    await nginx.waitForReload(before);
    expect(await (await fetch(`${nginx.url}/`)).text()).toBe('blue');
    await writeFile(include, 'upstream shipkit_staging { server ; }\n');
    await expect(run(nginx.testCommand[0]!, nginx.testCommand.slice(1))).rejects.toThrow(/staging\.conf/);
    await expect(nginx.test()).rejects.toThrow();
  });
});

describe('startRegistry and buildBaseImage', () => {
  test('the base image runs a command with busybox', async () => {
    const image = await buildBaseImage();
    expect(image).toBe(BASE_IMAGE);
    expect(await buildBaseImage()).toBe(image);
    // It lives in a vfs store, where code passing --storage-driver vfs with buildahEnv finds it.
    const info = JSON.parse((await buildah(['info'])).stdout) as { store: { GraphDriverName: string } };
    expect(info.store.GraphDriverName).toBe('vfs');
    const listed = await buildah(['--storage-driver', 'vfs', 'images', '--format', '{{.Name}}:{{.Tag}}']);
    expect(listed.stdout.split('\n')).toContain(image);
    const container = (await buildah(['from', '--pull-never', image])).stdout.trim();
    try {
      const { stdout } = await buildah(['run', container, '--', 'sh', '-c', 'echo hi from $(cat /proc/1/comm 2>/dev/null || echo sh); mkdir -p /tmp/x && ls -d /tmp/x']);
      expect(stdout).toContain('hi from');
      expect(stdout).toContain('/tmp/x');
    } finally {
      await buildah(['rm', container]);
    }
  });

  test('the registry answers /v2/ and a skopeo push lands a manifest', async () => {
    const registry = await startRegistry();
    stops.push(registry.stop);
    expect(registry.host).toBe(`127.0.0.1:${registry.port}`);
    expect((await fetch(`${registry.url}/v2/`)).status).toBe(200);
    const image = await buildBaseImage();
    await run('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', `containers-storage:${image}`, `docker://${registry.host}/shipkit/base:1`], {
      env: buildahEnv,
    });
    const tags = await (await fetch(`${registry.url}/v2/shipkit/base/tags/list`)).json();
    expect(tags).toEqual({ name: 'shipkit/base', tags: ['1'] });
    const manifest = await fetch(`${registry.url}/v2/shipkit/base/manifests/1`, {
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' },
    });
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('docker-content-digest')).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test('a TLS registry serves the self-signed certificate and takes a push', async () => {
    const registry = await startRegistry({ tls: true });
    stops.push(registry.stop);
    expect(registry.url).toBe(`https://${registry.host}`);
    const image = await buildBaseImage();
    await run('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', `containers-storage:${image}`, `docker://${registry.host}/tls/base:1`], {
      env: buildahEnv,
    });
    const ca = (await selfSignedCertificate()).cert;
    expect(await httpsGet(`${registry.url}/v2/tls/base/tags/list`, ca)).toEqual({
      status: 200,
      body: expect.stringContaining('"tags":["1"]'),
    });
  });

  test('a registry with htpasswd refuses anonymous pushes and accepts buildah with credentials', async () => {
    const registry = await startRegistry({ htpasswd: { user: 'ci', password: 's3cret' } });
    stops.push(registry.stop);
    expect((await fetch(`${registry.url}/v2/`)).status).toBe(401);
    expect((await fetch(`${registry.url}/v2/`, { headers: registry.headers() })).status).toBe(200);
    const image = await buildBaseImage();
    const anonymous = await buildah(['push', '--quiet', '--tls-verify=false', image, `docker://${registry.host}/private/base:1`], { check: false });
    expect(anonymous.code).not.toBe(0);
    await buildah(['push', '--quiet', '--tls-verify=false', '--creds', 'ci:s3cret', image, `docker://${registry.host}/private/base:1`]);
    const tags = await (await fetch(`${registry.url}/v2/private/base/tags/list`, { headers: registry.headers() })).json();
    expect(tags).toEqual({ name: 'private/base', tags: ['1'] });
  });
});
