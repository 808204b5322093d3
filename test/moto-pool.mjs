// A pool of moto servers for one jest run. Starting moto_server costs seconds of Python imports
// (about 3 s on a quiet 2-core machine, 15 s on a busy one) and some 50 test files each started
// their own. jest-global-setup.mjs starts a few when the run begins (without waiting for them);
// startMoto() in test/services claims one exclusively (mkdir of a lock directory is atomic across
// workers), empties it with moto's own reset (POST /moto-api/reset: every backend back to a fresh
// start) and gives it back when the test file stops it. When every pooled server is taken, or
// outside jest, startMoto() starts a server of its own as before.
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

/** Starts `size` moto servers for the run whose temp dir is `runDir`; writes `<runDir>/moto-pool/<n>.json`. */
export async function startMotoPool(runDir, size) {
  const command = motoServer();
  if (!command || size <= 0) return;
  const dir = path.join(runDir, 'moto-pool');
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < size; n += 1) {
    const port = await freePort();
    const log = path.join(dir, `${n}.log`);
    const fd = openSync(log, 'a');
    const child = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', fd, fd],
      env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true' },
    });
    child.on('error', () => {});
    child.unref();
    children.push(child);
    writeFileSync(path.join(dir, `${n}.json`), JSON.stringify({ port, pid: child.pid, log }));
  }
}

/** Stops the run's pooled servers (by the pids the pool wrote, also when teardown runs in another module instance). */
export function stopMotoPool(runDir) {
  const pids = new Set(children.splice(0).map((child) => child.pid));
  const dir = runDir && path.join(runDir, 'moto-pool');
  if (dir && existsSync(dir)) {
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
