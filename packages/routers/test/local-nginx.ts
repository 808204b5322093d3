/**
 * A real nginx for the router tests, run from a temp prefix on a random loopback port, proxying
 * to `http://shipkit_<environment>` through the include file the router owns. (test/services'
 * startNginx replaces this once it lands.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface LocalNginx {
  dir: string;
  url: string;
  include: string;
  /** nginx -t / -s reload for this instance, as router config argument lists. */
  test: string[];
  reload: string[];
  errorLog(): string;
  stop(): Promise<void>;
}

export async function startLocalNginx(options: { environment: string; initialUpstream: string }): Promise<LocalNginx> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-nginx-'));
  for (const sub of ['temp', 'shipkit']) mkdirSync(path.join(dir, sub), { recursive: true });
  const include = path.join(dir, 'shipkit', `${options.environment}.conf`);
  writeFileSync(include, `upstream shipkit_${options.environment} { server ${options.initialUpstream}; }\n`);
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  writeFileSync(
    conf,
    `${user}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/temp/body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;
  include ${include};
  server {
    listen 127.0.0.1:${port};
    location / { proxy_pass http://shipkit_${options.environment}; }
  }
}
`,
  );
  const base = ['nginx', '-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')];
  const child: ChildProcess = spawn(base[0], base.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    if (await reachable(url)) break;
    if (i > 100) throw new Error(`nginx did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    dir,
    url,
    include,
    test: [...base, '-t'],
    reload: [...base, '-s', 'reload'],
    errorLog: () => readFileSync(path.join(dir, 'error.log'), 'utf8'),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function reachable(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(true));
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** GET over a fresh connection (as a new visitor would); rejects on any network error. */
export function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A small app server standing in for one slot: answers every path with its name and release. */
export async function startSlotApp(name: string, release: () => string): Promise<{ upstream: string; url: string; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<div id="root">slot ${name} release ${release()}</div>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    upstream: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/**
 * `nginx -s reload` only signals the master, which starts new workers a moment later: poll the
 * live URL until it serves what is expected (bounded), returning the last body.
 */
export async function eventually(url: string, expected: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await get(url);
    if (body.includes(expected) || Date.now() > deadline) return body;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
