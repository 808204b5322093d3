/**
 * Real local services for tests, benchmarks and the demo, each on random loopback ports:
 * S3 (s3rver), an OCI registry (Debian docker-registry), nginx, small HTTP(S) servers, and a
 * buildah base image. Every child process is stopped when the owning process exits.
 * See ./README.md for the API.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';

const here = path.dirname(fileURLToPath(import.meta.url));
const LOOPBACK = '127.0.0.1';

// ---------------------------------------------------------------------------------------------
// Process bookkeeping: whatever we start dies with us.

const liveChildren = new Set<ChildProcess>();
const tempDirsToRemove = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of liveChildren) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const dir of tempDirsToRemove) rmSync(dir, { recursive: true, force: true });
  });
}

function track(child: ChildProcess): ChildProcess {
  installExitHook();
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  return child;
}

/** A temp dir removed when the process exits (or earlier by its owner). */
export function tempDir(prefix: string): string {
  installExitHook();
  const dir = mkdtempSync(path.join(os.tmpdir(), `shipkit-${prefix}-`));
  tempDirsToRemove.add(dir);
  return dir;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Collects the last bytes a child printed, for error messages. */
function captureOutput(child: ChildProcess, limit = 16_384): () => string {
  let text = '';
  const append = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-limit);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => text;
}

/** A port that is free right now on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command asynchronously (never spawnSync: it would freeze servers in this process). */
export function run(
  command: string,
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; input?: string | Buffer; check?: boolean } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(command, [...args], {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      }),
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    if (options.input !== undefined) child.stdin!.end(options.input);
    child.once('close', (code, signal) => {
      const result = {
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      };
      if ((options.check ?? true) && result.code !== 0) {
        reject(
          new Error(
            `${[command, ...args].join(' ')} exited with ${result.code}:\n${(result.stderr || result.stdout).trim().slice(-4000)}`,
          ),
        );
      } else {
        resolve(result);
      }
    });
  });
}

/** Polls `probe` until it resolves true, or fails with `describe()` after `timeoutMs`. */
async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(describe());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts a command under ./supervise.mjs, which stops it when this process goes away. */
function supervise(
  command: string,
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): { child: ChildProcess; output: () => string } {
  const child = track(
    fork(path.join(here, 'supervise.mjs'), [], {
      env: { ...process.env, SHIPKIT_SUPERVISE: JSON.stringify({ command, args, cwd: options.cwd, env: options.env }) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      execArgv: [],
    }),
  );
  return { child, output: captureOutput(child) };
}

async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = waitForExit(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// S3: s3rver in its own process.

export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
export const S3_REGION = 'us-east-1';

export interface S3Options {
  /** Buckets created at start. */
  buckets?: string[];
  /** Buckets created at start with website hosting (index.html, error.html). */
  websites?: string[];
  /** Where s3rver keeps its data (default: a temp dir removed at process exit). */
  dataDir?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path and query as sent, e.g. `/site/index.html?x-id=PutObject`. */
  url: string;
  /** Path without the query. */
  path: string;
  /** The website bucket for requests to a websiteUrl(), undefined for API requests. */
  website?: string;
  time: number;
}

export interface S3Service {
  /** http://127.0.0.1:PORT — path-style S3 API. */
  endpoint: string;
  port: number;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  dataDir: string;
  /** AWS_* variables that point the AWS SDK (v3) and the `aws` CLI at this server. */
  env: Record<string, string>;
  /** A new path-style S3Client for this server. */
  client(): S3Client;
  /** Creates a bucket (idempotent); with `website`, serves it at websiteUrl(name). */
  createBucket(name: string, options?: { website?: boolean }): Promise<void>;
  /** `http://127.0.0.1:PORT` serving the bucket as an S3 website: `GET /` returns index.html,
   *  a missing key returns error.html with 404. Stable across restart(). */
  websiteUrl(bucket: string): string;
  /** API requests (and, with `{ website: true }`, website requests) since resetRequests(). */
  requests(options?: { website?: boolean }): RecordedRequest[];
  /** Count of API requests by method since resetRequests(), e.g. `{ GET: 3, PUT: 0 }` -> absent keys are 0. */
  requestCounts(): Record<string, number>;
  resetRequests(): void;
  /** Stops the server (data stays; restart() brings it back). */
  stop(): Promise<void>;
  /** SIGKILL: the server dies mid-work, for fault tests. */
  kill(): Promise<void>;
  /** Starts again on the same port with the same data (after stop or kill; stops first if running). */
  restart(): Promise<void>;
}

interface S3ChildMessage {
  type: string;
  id?: number;
  port?: number;
  websitePorts?: Record<string, number>;
  websitePort?: number;
  error?: string;
}

export async function startS3(options: S3Options = {}): Promise<S3Service> {
  const root = tempDir('s3');
  const dataDir = options.dataDir ?? path.join(root, 'data');
  mkdirSync(dataDir, { recursive: true });
  const requestLog = path.join(root, 'requests.jsonl');
  writeFileSync(requestLog, '');
  // A private AWS config: nothing from the user's ~/.aws leaks in, and the CLI uses path style.
  const awsConfig = path.join(root, 'aws-config');
  writeFileSync(awsConfig, `[default]\nregion = ${S3_REGION}\ns3 =\n  addressing_style = path\n`);

  let port = 0;
  const websitePorts: Record<string, number> = {};
  for (const name of options.websites ?? []) websitePorts[name] = 0;
  let child: ChildProcess | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (m: S3ChildMessage) => void; reject: (e: Error) => void }>();

  async function launch(): Promise<void> {
    const proc = track(
      fork(path.join(here, 's3rver-child.mjs'), [], {
        execArgv: ['--openssl-legacy-provider'],
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          SHIPKIT_S3RVER_CONFIG: JSON.stringify({
            port,
            address: LOOPBACK,
            directory: dataDir,
            requestLog,
            buckets: options.buckets ?? [],
            websites: websitePorts,
          }),
        },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      }),
    );
    const output = captureOutput(proc);
    child = proc;
    const ready = await new Promise<S3ChildMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`s3rver did not start within 20s:\n${output()}`)), 20_000);
      proc.on('message', (message: S3ChildMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve(message);
        } else if (message.type === 'error') {
          clearTimeout(timer);
          reject(new Error(`s3rver failed to start: ${message.error}`));
        } else if (message.type === 'configured' && message.id !== undefined) {
          const waiter = pending.get(message.id);
          pending.delete(message.id);
          if (message.error) waiter?.reject(new Error(message.error));
          else waiter?.resolve(message);
        }
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`s3rver exited (${code ?? signal}) before it was ready:\n${output()}`));
        for (const waiter of pending.values()) waiter.reject(new Error(`s3rver exited (${code ?? signal})`));
        pending.clear();
      });
    });
    port = ready.port!;
    Object.assign(websitePorts, ready.websitePorts);
  }

  await launch();
  const endpoint = `http://${LOOPBACK}:${port}`;

  const env: Record<string, string> = {
    AWS_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
    AWS_REGION: S3_REGION,
    AWS_DEFAULT_REGION: S3_REGION,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_CONFIG_FILE: awsConfig,
    AWS_SHARED_CREDENTIALS_FILE: path.join(root, 'aws-credentials-none'),
    AWS_EC2_METADATA_DISABLED: 'true',
    // s3rver stores aws-chunked bodies verbatim: only send checksums where S3 requires them.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
  };

  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;

  const service: S3Service = {
    endpoint,
    port,
    region: S3_REGION,
    credentials: { ...S3_CREDENTIALS },
    dataDir,
    env,
    client() {
      return new S3Client({
        endpoint,
        region: S3_REGION,
        credentials: { ...S3_CREDENTIALS },
        forcePathStyle: true,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
    },
    async createBucket(name, bucketOptions = {}) {
      if (!running()) throw new Error(`createBucket(${name}): s3rver is not running`);
      const id = nextId++;
      const reply = await new Promise<S3ChildMessage>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child!.send({ type: 'configure', id, name, website: bucketOptions.website ?? false });
      });
      if (reply.websitePort) websitePorts[name] = reply.websitePort;
    },
    websiteUrl(bucket) {
      const websitePort = websitePorts[bucket];
      if (!websitePort) {
        throw new Error(`websiteUrl(${bucket}): not a website bucket; use startS3({ websites: ['${bucket}'] }) or createBucket('${bucket}', { website: true })`);
      }
      return `http://${LOOPBACK}:${websitePort}`;
    },
    requests(requestOptions = {}) {
      const lines = readFileSync(requestLog, 'utf8').split('\n').filter(Boolean);
      const all = lines.map((line) => {
        const entry = JSON.parse(line) as { method: string; url: string; website?: string; time: number };
        return { ...entry, path: entry.url.split('?')[0]! };
      });
      return requestOptions.website ? all : all.filter((entry) => entry.website === undefined);
    },
    requestCounts() {
      const counts: Record<string, number> = {};
      for (const entry of service.requests()) counts[entry.method] = (counts[entry.method] ?? 0) + 1;
      return counts;
    },
    resetRequests() {
      writeFileSync(requestLog, '');
    },
    async stop() {
      await stopChild(child, 'SIGTERM');
    },
    async kill() {
      await stopChild(child, 'SIGKILL');
    },
    async restart() {
      if (running()) await stopChild(child, 'SIGTERM');
      await launch();
    },
  };
  return service;
}
