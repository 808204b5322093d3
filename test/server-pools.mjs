// Pools of servers for one jest run: moto and azurite. Starting moto_server costs seconds of Python
// imports (about 3 s on a quiet 2-core machine, 15 s on a busy one), azurite about 1.3 s of CPU, and
// some 50 test files each started their own moto, some 20 their own azurite. jest-global-setup.mjs
// starts a few of each when the run begins (without waiting for them); startMoto() / startAzurite()
// in test/services claim one exclusively (mkdir of a lock directory is atomic across workers), empty
// it (moto's own reset, POST /moto-api/reset: every backend back to a fresh start; azurite: every
// container deleted) and give it back when the test file stops it. When every pooled server is
// taken, or outside jest, they start a server of their own as before.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const children = [];

/** A port that is free right now on 127.0.0.1 (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** moto_server's path on PATH, or undefined. */
export function motoServer() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'moto_server'))) return path.join(dir, 'moto_server');
  }
  return undefined;
}

/** The pools' folders under a run's temp dir: `<runDir>/<pool>/<n>.json` says where each server listens. */
export const POOLS = ['moto-pool', 'azurite-pool'];

/** Starts `size` servers of one pool (`argsFor(port)`, output to a log) for the run whose temp dir is `runDir`. */
function startPool(runDir, pool, size, command, argsFor, env = {}) {
  if (!command || size <= 0) return Promise.resolve();
  const dir = path.join(runDir, pool);
  mkdirSync(dir, { recursive: true });
  return (async () => {
    for (let n = 0; n < size; n += 1) {
      const port = await freePort();
      const log = path.join(dir, `${n}.log`);
      const fd = openSync(log, 'a');
      const child = spawn(command, argsFor(port), { stdio: ['ignore', fd, fd], env: { ...process.env, ...env } });
      child.on('error', () => {});
      child.unref();
      children.push(child);
      writeFileSync(path.join(dir, `${n}.json`), JSON.stringify({ port, pid: child.pid, log }));
    }
  })();
}

/** Starts `size` moto servers for the run whose temp dir is `runDir`; writes `<runDir>/moto-pool/<n>.json`. */
export function startMotoPool(runDir, size) {
  return startPool(runDir, 'moto-pool', size, motoServer(), (port) => ['-H', '127.0.0.1', '-p', String(port)], { MOTO_ALLOW_NONEXISTENT_REGION: 'true' });
}

/** The azurite blob server's arguments (in-memory, plain HTTP on loopback), shared with test/services' own starts. */
export function azuriteArgs(main, port) {
  return [main, '--blobHost', '127.0.0.1', '--blobPort', String(port), '--inMemoryPersistence', '--skipApiVersionCheck', '--disableProductStyleUrl', '--disableTelemetry', '--silent'];
}

/** Starts `size` azurite blob servers (plain HTTP) for the run; writes `<runDir>/azurite-pool/<n>.json`. */
export function startAzuritePool(runDir, size, root) {
  const main = path.join(root, 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');
  return startPool(runDir, 'azurite-pool', existsSync(main) ? size : 0, process.execPath, (port) => azuriteArgs(main, port));
}

/** Stops the run's pooled servers, every pool (by the pids the pools wrote, also when teardown runs in another module instance). */
export function stopMotoPool(runDir) {
  const pids = new Set(children.splice(0).map((child) => child.pid));
  for (const pool of POOLS) {
    const dir = runDir && path.join(runDir, pool);
    if (!dir || !existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
      try {
        pids.add(JSON.parse(readFileSync(path.join(dir, name), 'utf8')).pid);
      } catch {
        // half-written: its child is in `children`
      }
    }
  }
  for (const pid of pids) {
    try {
      if (pid) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
