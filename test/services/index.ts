/**
 * Real local services for tests, benchmarks and the demo, each on random loopback ports:
 * S3 (s3rver), an OCI registry (Debian docker-registry), nginx, small HTTP(S) servers, and a
 * buildah base image. Every child process is stopped when the owning process exits.
 * See ./README.md for the API.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash, randomUUID } from 'node:crypto';
import { azuriteArgs, freePort, motoServer } from '../server-pools.mjs';
import { CreateBucketCommand, GetObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { DescribeListenersCommand, type Action, type ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';

const here = path.dirname(fileURLToPath(import.meta.url));
const LOOPBACK = '127.0.0.1';

// ---------------------------------------------------------------------------------------------
// Process bookkeeping: whatever we start dies with us.

/** Live children and the signal each gets when this process exits: SIGKILL for plain children,
 *  SIGTERM for supervise.mjs (killing the supervisor outright would orphan its command). */
const liveChildren = new Map<ChildProcess, NodeJS.Signals>();
const tempDirsToRemove = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [child, signal] of liveChildren) {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
    for (const dir of tempDirsToRemove) rmSync(dir, { recursive: true, force: true });
  });
}

function track(child: ChildProcess, exitSignal: NodeJS.Signals = 'SIGKILL'): ChildProcess {
  installExitHook();
  liveChildren.set(child, exitSignal);
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
export { freePort };

/** What a server prints when the port it was given was taken in between (Node, Go, Python, nginx). */
const ADDRESS_IN_USE = /EADDRINUSE|address already in use|Address in use|is in use by another program/i;

/**
 * Starts a server on a port freePort() picked, and again on a new port when another process took
 * that port between the pick and the server's bind (EADDRINUSE: the error names it). `pick` is for
 * the test of this retry (test/services/ports.test.ts).
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>, pick: () => Promise<number> = freePort, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = await pick();
    try {
      return await start(port);
    } catch (error) {
      if (attempt >= attempts || !ADDRESS_IN_USE.test(String((error as Error)?.message ?? error))) throw error;
    }
  }
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
export async function waitUntil(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  describe: () => string,
  gone?: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (gone && (gone.exitCode !== null || gone.signalCode !== null)) throw new Error(describe());
    if (Date.now() > deadline) throw new Error(describe());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts a command under ./supervise.mjs, which stops it when this process goes away. */
export function supervise(
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
    'SIGTERM',
  );
  return { child, output: captureOutput(child) };
}

export async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
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
  /**
   * Which server answers. 's3rver' (the default): an s3rver process of its own, its data on disk.
   * 'moto': the S3 API of a pooled moto server (startMoto), behind a small recording proxy that is
   * this service's endpoint: requests(), crashAfter(), kill() and restart() act on the proxy (the
   * store unreachable, its data kept), so no process starts and the lease needs no settle sleep
   * (moto honours conditional writes). No dataDir (moto keeps everything in memory), and the
   * website stand-ins' requests are not recorded.
   */
  store?: 's3rver' | 'moto';
  /** With store 'moto': this moto server (one the test file also uses for CloudFront, say) rather than a claimed one; stop() leaves it running. */
  moto?: MotoService;
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
  /** A new path-style S3Client for this server (overrides e.g. `{ maxAttempts: 1 }`). */
  client(overrides?: S3ClientConfig): S3Client;
  /** `['--endpoint-url', endpoint]`: put before the `aws` subcommand. Debian's awscli (2.9)
   *  ignores AWS_ENDPOINT_URL (the CLI reads it from 2.13 / 1.29 on), so always pass this. */
  awsCliArgs: string[];
  /** Runs the `aws` CLI against this server: `await s3.aws(['s3', 'sync', dir, 's3://b/'])`. */
  aws(args: readonly string[], options?: { env?: Record<string, string>; cwd?: string; check?: boolean }): Promise<RunResult>;
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
  /** Fault injection: after `count` more API requests matching `method`/`pathPrefix` (e.g. 'PUT',
   *  '/site/'), the next matching one kills the server (SIGKILL) before it is handled — an
   *  upload interrupted at a precise point. `exited` resolves when the server is gone. */
  crashAfter(count: number, match?: { method?: string; pathPrefix?: string }): Promise<void>;
  /** Resolves when the current server process has exited (killed, crashed or stopped). */
  exited(): Promise<void>;
  /** Starts again on the same port with the same data (after stop or kill; stops first if running).
   *  Objects a kill tore (s3rver is not crash-safe) are dropped first, as if their PUT never landed. */
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

/**
 * AWS_* variables that point the AWS SDK (v3) and the `aws` CLI at a local S3 server: a private
 * AWS config (nothing from ~/.aws leaks in; the CLI uses path style), and checksums only where S3
 * requires them (s3rver stores aws-chunked bodies verbatim).
 */
function awsEnvFor(root: string, endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }): Record<string, string> {
  const awsConfig = path.join(root, 'aws-config');
  writeFileSync(awsConfig, `[default]\nregion = ${S3_REGION}\ns3 =\n  addressing_style = path\n`);
  return {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_REGION: S3_REGION,
    AWS_DEFAULT_REGION: S3_REGION,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_CONFIG_FILE: awsConfig,
    AWS_SHARED_CREDENTIALS_FILE: path.join(root, 'aws-credentials-none'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
  };
}

/** A path-style S3Client for a local S3 server (checksums only where S3 requires them). */
function s3ClientFor(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }, overrides: S3ClientConfig = {}): S3Client {
  return new S3Client({
    endpoint,
    region: S3_REGION,
    credentials: { ...credentials },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...overrides,
  });
}

export async function startS3(options: S3Options = {}): Promise<S3Service> {
  if (options.store === 'moto') return startMotoS3(options);
  const root = tempDir('s3');
  const dataDir = options.dataDir ?? path.join(root, 'data');
  mkdirSync(dataDir, { recursive: true });
  const requestLog = path.join(root, 'requests.jsonl');
  writeFileSync(requestLog, '');

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

  const env = awsEnvFor(root, endpoint, S3_CREDENTIALS);

  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const ask = (message: Record<string, unknown>) => {
    const id = nextId++;
    return new Promise<S3ChildMessage>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      child!.send({ ...message, id });
    });
  };

  const service: S3Service = {
    endpoint,
    port,
    region: S3_REGION,
    credentials: { ...S3_CREDENTIALS },
    dataDir,
    env,
    client(overrides = {}) {
      return s3ClientFor(endpoint, S3_CREDENTIALS, overrides);
    },
    awsCliArgs: ['--endpoint-url', endpoint],
    aws(args, cliOptions = {}) {
      return run('aws', ['--endpoint-url', endpoint, ...args], { env: { ...env, ...cliOptions.env }, cwd: cliOptions.cwd, check: cliOptions.check });
    },
    async createBucket(name, bucketOptions = {}) {
      if (!running()) throw new Error(`createBucket(${name}): s3rver is not running`);
      const reply = await ask({ type: 'configure', name, website: bucketOptions.website ?? false });
      if (reply.websitePort) websitePorts[name] = reply.websitePort;
    },
    async crashAfter(count, match = {}) {
      if (!running()) throw new Error('crashAfter: s3rver is not running');
      await ask({ type: 'crashAfter', count, method: match.method?.toUpperCase(), pathPrefix: match.pathPrefix });
    },
    exited() {
      return child ? waitForExit(child) : Promise.resolve();
    },
    websiteUrl(bucket) {
      const websitePort = websitePorts[bucket];
      if (!websitePort) {
        throw new Error(`websiteUrl(${bucket}): not a website bucket; use startS3({ websites: ['${bucket}'] }) or createBucket('${bucket}', { website: true })`);
      }
      return `http://${LOOPBACK}:${websitePort}`;
    },
    requests(requestOptions = {}) {
      // The s3rver child appends a line per request; one being written as this reads is not there yet.
      const text = readFileSync(requestLog, 'utf8');
      const lines = text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter(Boolean);
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
      dropTornObjects(dataDir);
      await launch();
    },
  };
  return service;
}

/**
 * s3rver is not crash-safe: a SIGKILL mid-PUT can leave an object whose metadata file is empty or
 * half-written, which then fails every listing with a 500. A real S3 PUT is atomic (it either
 * happened or not), so before a restart, drop what a kill tore — as if those PUTs never landed.
 */
function dropTornObjects(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) dropTornObjects(full);
    else if (entry.name.endsWith('._S3rver_metadata.json')) {
      try {
        JSON.parse(readFileSync(full, 'utf8'));
      } catch {
        const base = full.slice(0, -'metadata.json'.length);
        for (const suffix of ['metadata.json', 'object', 'object.md5']) rmSync(`${base}${suffix}`, { force: true });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// S3 (second implementation): moto's server, preinstalled (Python moto 5.2 + Flask). Unlike
// s3rver it honours conditional writes (If-None-Match / If-Match -> 412), versioning and paging,
// and it also serves CloudFront, ELBv2 and ECS APIs. It keeps everything in memory.

/** What the tests use of an S3 server, whichever implementation runs it. */
export interface S3Server {
  kind: 's3rver' | 'moto';
  endpoint: string;
  port: number;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  env: Record<string, string>;
  client(overrides?: S3ClientConfig): S3Client;
  awsCliArgs: string[];
  createBucket(name: string, options?: { website?: boolean }): Promise<void>;
  /** A URL serving the bucket as an S3 website (index.html for directories, 404 otherwise). */
  websiteUrl(bucket: string): string;
  stop(): Promise<void>;
}

export const MOTO_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export interface MotoService extends S3Server {
  kind: 'moto';
}

/** The moto_server command, or a clear error when the machine lacks it (CI checks it in .ci/run). */
function motoCommand(): string {
  const command = motoServer();
  if (!command) throw new Error('moto_server is not on PATH: the Python package moto (5.2, with Flask) must be installed; .ci/run checks for it.');
  return command;
}

interface PooledServer {
  port: number;
  log: string;
  release: () => void;
}

/**
 * Claims a server of one of this jest run's pools (test/server-pools.mjs: 'moto-pool',
 * 'azurite-pool') for this test file alone, or nothing when every one is taken, the pool is off, or
 * this is not a jest run. The lock is a directory: mkdir is atomic across workers. A server whose
 * process is gone is skipped.
 */
function claimPooled(pool: string): PooledServer | undefined {
  const runDir = process.env.SHIPKIT_JEST_TMP;
  const dir = runDir && path.join(runDir, pool);
  if (!dir || !existsSync(dir)) return undefined;
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
    const lock = path.join(dir, name.replace(/\.json$/, '.lock'));
    try {
      mkdirSync(lock);
    } catch {
      continue;
    }
    try {
      const { port, pid, log } = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { port: number; pid: number; log: string };
      process.kill(pid, 0);
      return { port, log, release: () => rmSync(lock, { recursive: true, force: true }) };
    } catch {
      // Gone (or unreadable): keep it locked so nobody else tries it.
    }
  }
  return undefined;
}

/** The last lines a pooled server wrote (for an error that it did not answer). */
function pooledOutput(pooled: PooledServer): () => string {
  return () => {
    try {
      return readFileSync(pooled.log, 'utf8').slice(-16_384);
    } catch {
      return '';
    }
  };
}

/** Moto's own reset: every backend (S3, ELBv2, ECS, CloudFront, CloudWatch...) as at a fresh start. */
function motoApi(endpoint: string, what: 'reset' | 'reset-auth', body = ''): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${endpoint}/moto-api/${what}`, { method: 'POST', agent: false }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`moto ${what} at ${endpoint} answered ${response.statusCode}`))));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** A pooled moto as new: no state, and no authentication (a test that turned it on and failed leaves it on otherwise). */
async function resetMoto(endpoint: string): Promise<void> {
  await motoApi(endpoint, 'reset-auth', 'inf');
  await motoApi(endpoint, 'reset');
}

/**
 * Turns on moto's request authentication: from now on every request must be signed (SigV4, checked
 * by moto with botocore's signer: a wrong signature is refused with SignatureDoesNotMatch) by the
 * access key returned, an IAM user allowed `s3:*`. Stays on until the moto is reset (every claim of
 * a pooled moto resets it).
 */
export async function requireMotoSignatures(moto: MotoService, actions: string[] = ['s3:*']): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const { RequestSigner } = await import('@shipkit/s3');
  const url = new URL(moto.endpoint);
  const signer = new RequestSigner({ service: 'iam', region: 'us-east-1', credentials: async () => moto.credentials });
  const iam = async (params: Record<string, string>): Promise<string> => {
    const body = new URLSearchParams({ ...params, Version: '2010-05-08' }).toString();
    const payloadHash = createHash('sha256').update(body).digest('hex');
    const headers = await signer.sign({ method: 'POST', path: '/', headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded', 'x-amz-content-sha256': payloadHash } }, payloadHash, new Date());
    const response = await fetch(`${moto.endpoint}/`, { method: 'POST', headers, body });
    const text = await response.text();
    if (!response.ok) throw new Error(`moto IAM ${params.Action} answered ${response.status}: ${text}`);
    return text;
  };
  // Three unauthenticated actions to set up the user; every request after them is checked.
  await motoApi(moto.endpoint, 'reset-auth', '3');
  const user = `shipkit-${randomUUID().slice(0, 8)}`;
  await iam({ Action: 'CreateUser', UserName: user });
  const key = await iam({ Action: 'CreateAccessKey', UserName: user });
  await iam({ Action: 'PutUserPolicy', UserName: user, PolicyName: 's3', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }) });
  const field = (name: string) => key.match(new RegExp(`<${name}>([^<]+)</${name}>`))?.[1] ?? '';
  return { accessKeyId: field('AccessKeyId'), secretAccessKey: field('SecretAccessKey') };
}

/** `pooled: false`: a server of its own even when the pool has one free, so stop() ends its process (a test of a store that is gone). */
export async function startMoto(options: { buckets?: string[]; websites?: string[]; pickPort?: () => Promise<number>; pooled?: boolean } = {}): Promise<MotoService> {
  const root = tempDir('moto');
  // A pooled server unless the caller picks the port (the EADDRINUSE test does).
  const pooled = options.pickPort || options.pooled === false ? undefined : claimPooled('moto-pool');
  let port: number;
  let child: ChildProcess | undefined;
  if (pooled) {
    port = pooled.port;
    const endpoint = `http://${LOOPBACK}:${port}`;
    const output = pooledOutput(pooled);
    try {
      await waitUntil(async () => (await httpStatus(`${endpoint}/moto-api/`).catch(() => 0)) > 0, 30_000, () => `moto_server (pooled) did not answer ${endpoint} within 30s:\n${output()}`);
      await resetMoto(endpoint);
    } catch (error) {
      pooled.release();
      throw error;
    }
  } else {
    ({ port, child } = await onFreePort(async (port) => {
      const endpoint = `http://${LOOPBACK}:${port}`;
      const { child, output } = supervise(motoCommand(), ['-H', LOOPBACK, '-p', String(port)], { env: { MOTO_ALLOW_NONEXISTENT_REGION: 'true' } });
      // Our moto says it runs (another server on a taken port answers too, but this one then exits).
      await waitUntil(
        async () => /Running on/.test(output()) && (await httpStatus(`${endpoint}/moto-api/`).catch(() => 0)) > 0,
        30_000,
        () => `moto_server did not answer ${endpoint} within 30s:\n${output()}`,
        child,
      );
      return { port, child };
    }, options.pickPort));
  }
  const endpoint = `http://${LOOPBACK}:${port}`;
  const env = awsEnvFor(root, endpoint, MOTO_CREDENTIALS);
  const client = (overrides: S3ClientConfig = {}) => s3ClientFor(endpoint, MOTO_CREDENTIALS, overrides);
  const admin = client();
  const websites = new Map<string, WebsiteStandIn>();
  let released = false;
  const service: MotoService = {
    kind: 'moto',
    endpoint,
    port,
    region: S3_REGION,
    credentials: { ...MOTO_CREDENTIALS },
    env,
    client,
    awsCliArgs: ['--endpoint-url', endpoint],
    async createBucket(name, bucketOptions = {}) {
      try {
        await admin.send(new CreateBucketCommand({ Bucket: name }));
      } catch (error) {
        if (!/BucketAlready(OwnedByYou|Exists)/.test((error as Error).name)) throw error;
      }
      if (bucketOptions.website && !websites.has(name)) websites.set(name, await startWebsiteStandIn(admin, name));
    },
    websiteUrl(bucket) {
      const website = websites.get(bucket);
      if (!website) throw new Error(`websiteUrl(${bucket}): not a website bucket; use startMoto({ websites: ['${bucket}'] }) or createBucket('${bucket}', { website: true })`);
      return website.url;
    },
    async stop() {
      for (const website of websites.values()) await website.stop();
      websites.clear();
      admin.destroy();
      if (pooled && !released) {
        released = true;
        // Emptied now too (the next claimer resets again): nothing of this file's lingers in a shared server.
        await resetMoto(endpoint).catch(() => undefined);
        pooled.release();
      }
      await stopChild(child);
    },
  };
  for (const name of options.buckets ?? []) await service.createBucket(name);
  for (const name of options.websites ?? []) await service.createBucket(name, { website: true });
  return service;
}

/**
 * startS3({ store: 'moto' }): the S3Service API on moto. Requests reach moto through a recording
 * proxy on a port of its own: it logs each API request as it arrives (as s3rver-child.mjs does) and
 * forwards it unchanged. A "crash" (crashAfter's pick, kill()) is the store gone from the network:
 * the proxy drops every connection (requests in flight fail mid-way, their upstream requests are
 * aborted) and stops listening, so new connections are refused; restart() listens on the same port
 * again, with moto's data as it was (a PUT either landed whole or not at all: nothing to repair).
 */
async function startMotoS3(options: S3Options): Promise<S3Service> {
  if (options.dataDir) throw new Error("startS3({ store: 'moto' }): moto keeps its data in memory; dataDir is s3rver's");
  const shared = options.moto;
  const moto = shared ?? (await startMoto({ buckets: options.buckets, websites: options.websites }));
  if (shared) {
    for (const name of options.buckets ?? []) await moto.createBucket(name);
    for (const name of options.websites ?? []) await moto.createBucket(name, { website: true });
  }
  const upstream = new URL(moto.endpoint);
  const agent = new http.Agent({ keepAlive: true });
  const log: RecordedRequest[] = [];
  let crash: { remaining: number; method?: string; pathPrefix?: string } | undefined;
  const forwarding = new Set<http.ClientRequest>();
  let server: http.Server | undefined;
  let closed: Promise<void> = Promise.resolve();
  let port = 0;
  let stopped = false;

  const crashes = (req: http.IncomingMessage): boolean => {
    if (!crash) return false;
    if (crash.method && req.method !== crash.method) return false;
    if (crash.pathPrefix && !(req.url ?? '').startsWith(crash.pathPrefix)) return false;
    if (crash.remaining-- > 0) return false;
    crash = undefined;
    return true;
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (crashes(req)) {
      void down();
      return;
    }
    const url = req.url ?? '/';
    log.push({ method: req.method ?? '', url, path: url.split('?')[0]!, time: Date.now() });
    const headers = { ...req.headers };
    delete headers.expect; // this server already answered 100-continue
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: url, headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
      answer.once('error', () => res.destroy());
    });
    forwarding.add(forward);
    forward.once('close', () => forwarding.delete(forward));
    forward.once('error', () => res.destroy());
    res.once('close', () => {
      if (!res.writableFinished) forward.destroy();
    });
    req.pipe(forward);
  };

  async function listen(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const candidate = http.createServer(handle);
      candidate.keepAliveTimeout = 30_000;
      try {
        await new Promise<void>((resolve, reject) => {
          candidate.once('error', reject);
          candidate.listen(port, LOOPBACK, () => {
            candidate.off('error', reject);
            resolve();
          });
        });
      } catch (error) {
        // The same port again after a kill: something else may hold it for a moment.
        if (port === 0 || attempt >= 20 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      server = candidate;
      port = (candidate.address() as net.AddressInfo).port;
      closed = new Promise<void>((resolve) => candidate.once('close', () => resolve()));
      return;
    }
  }

  /** The store leaves the network: every connection dropped, nothing listening. */
  async function down(): Promise<void> {
    const current = server;
    if (!current) return;
    server = undefined;
    current.close();
    current.closeAllConnections();
    for (const forward of forwarding) forward.destroy();
    await closed;
  }

  await listen();
  const endpoint = `http://${LOOPBACK}:${port}`;
  const root = tempDir('s3-moto');
  const env = awsEnvFor(root, endpoint, MOTO_CREDENTIALS);
  const service: S3Service = {
    endpoint,
    port,
    region: S3_REGION,
    credentials: { ...MOTO_CREDENTIALS },
    dataDir: '',
    env,
    client(overrides = {}) {
      return s3ClientFor(endpoint, MOTO_CREDENTIALS, overrides);
    },
    awsCliArgs: ['--endpoint-url', endpoint],
    aws(args, cliOptions = {}) {
      return run('aws', ['--endpoint-url', endpoint, ...args], { env: { ...env, ...cliOptions.env }, cwd: cliOptions.cwd, check: cliOptions.check });
    },
    async createBucket(name, bucketOptions = {}) {
      if (!server) throw new Error(`createBucket(${name}): the store is down (killed or stopped)`);
      await moto.createBucket(name, bucketOptions);
    },
    async crashAfter(count, match = {}) {
      if (!server) throw new Error('crashAfter: the store is down (killed or stopped)');
      crash = { remaining: count, method: match.method?.toUpperCase(), pathPrefix: match.pathPrefix };
    },
    exited() {
      return closed;
    },
    websiteUrl(bucket) {
      return moto.websiteUrl(bucket);
    },
    requests(requestOptions = {}) {
      if (requestOptions.website) throw new Error("requests({ website: true }): startS3({ store: 'moto' }) does not record the website stand-ins' requests");
      return log.slice();
    },
    requestCounts() {
      const counts: Record<string, number> = {};
      for (const entry of log) counts[entry.method] = (counts[entry.method] ?? 0) + 1;
      return counts;
    },
    resetRequests() {
      log.length = 0;
    },
    async stop() {
      stopped = true;
      crash = undefined;
      await down();
      agent.destroy();
      if (!shared) await moto.stop();
    },
    async kill() {
      await down();
    },
    async restart() {
      if (stopped) throw new Error("restart(): a stopped startS3({ store: 'moto' }) gave its moto back (kill() keeps the data)");
      await down();
      await listen();
    },
  };
  return service;
}

interface WebsiteStandIn {
  url: string;
  stop(): Promise<void>;
}

/**
 * STAND-IN for S3's static website endpoint, which moto does not have: a small HTTP server that
 * answers GET /path with the bucket's object (`index.html` for `/` and `.../`), 404 otherwise,
 * read through the real S3 API of the moto server. Used only to see a site as a visitor would.
 */
async function startWebsiteStandIn(client: S3Client, bucket: string): Promise<WebsiteStandIn> {
  const server = http.createServer(async (req, res) => {
    let key = decodeURIComponent((req.url ?? '/').split('?')[0]!.replace(/^\/+/, ''));
    if (key === '' || key.endsWith('/')) key += 'index.html';
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = Buffer.from(await object.Body!.transformToByteArray());
      res.writeHead(200, { 'content-type': object.ContentType ?? 'application/octet-stream', ...(object.CacheControl ? { 'cache-control': object.CacheControl } : {}), connection: 'close' });
      res.end(body);
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404 ? 404 : 500;
      res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' });
      res.end(status === 404 ? 'Not Found' : String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://${LOOPBACK}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Both real S3 implementations, for `describe.each(S3_KINDS)`: code that depends on S3 semantics runs against each. */
export const S3_KINDS = ['s3rver', 'moto'] as const;
export type S3Kind = (typeof S3_KINDS)[number];

/**
 * The S3 that bundle-level suites run on: moto (conditional writes, versioning, paging like AWS).
 * Parity across S3 implementations is the engine's, the ledger's and the lease's suites' job
 * (packages/s3, packages/ledger, packages/environments run on every kind); a bundle suite repeated
 * per store proved nothing more and doubled its time.
 */
export const BUNDLE_S3_KINDS = ['moto'] as const satisfies readonly S3Kind[];

/** Starts an S3 server of the given kind with these buckets and website buckets. */
export async function startS3Server(kind: S3Kind, options: { buckets?: string[]; websites?: string[]; pooled?: boolean } = {}): Promise<S3Server> {
  if (kind === 'moto') return startMoto(options);
  const s3 = await startS3(options);
  return Object.assign(s3, { kind: 's3rver' as const });
}

// ---------------------------------------------------------------------------------------------
// Azure Blob Storage: azurite (npm), Microsoft's emulator — real Blob REST API with headers,
// metadata, conditional writes (If-None-Match / If-Match), Copy Blob and staged blocks. Its
// default account and well-known key; containers are created with public read access so a test
// reads the site over plain HTTP as a visitor of the container's URL would.

export const AZURITE_ACCOUNT = 'devstoreaccount1';
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteService {
  kind: 'azurite';
  /** The account's blob endpoint, http://127.0.0.1:<port>/devstoreaccount1 (through the From-URL stand-in in front of azurite). */
  endpoint: string;
  port: number;
  /** How many Put Blob From URL / Put Block From URL requests the stand-in served. */
  fromUrl: import('./azurite-from-url.js').FromUrlCounts;
  account: string;
  connectionString: string;
  /** AZURE_STORAGE_CONNECTION_STRING for actions and the store client. */
  env: Record<string, string>;
  /** The engine's name of a container: `<account>/<container>`. */
  bucket(container: string): string;
  /** A store client (the engine's), routed to this azurite by the connection string. */
  client(): S3Client;
  createBucket(container: string): Promise<void>;
  /** The public URL of a blob. */
  blobUrl(container: string, key: string): string;
  stop(): Promise<void>;
}

/**
 * Starts azurite. With `oauth: true` it serves HTTPS (the self-signed certificate of
 * selfSignedCertificate(): this process trusts it; give children NODE_EXTRA_CA_CERTS=certPath)
 * and accepts bearer tokens (`--oauth basic`: audience, issuer and lifetime are checked, the
 * signature is not) besides the account key.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteService> {
  const main = path.join(here, '..', '..', 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');
  let ca: string | undefined;
  let untrust = () => undefined as void;
  let certificate: Certificate | undefined;
  if (options.oauth) {
    certificate = await selfSignedCertificate();
    ca = certificate.cert;
    // Trusted by this process only while this azurite runs: the default CA list is process-wide,
    // and jest runs later test files (TLS checks that expect this certificate to be refused) in it.
    // Taken back below if azurite does not start.
    const tls = await import('node:tls');
    const trusted = tls.getCACertificates('default');
    tls.setDefaultCACertificates([...trusted, ca]);
    untrust = () => tls.setDefaultCACertificates(trusted);
  }
  const scheme = options.oauth ? 'https' : 'http';
  try {
    return await startAzuriteTrusted(options, main, scheme, ca, certificate, untrust);
  } catch (error) {
    untrust();
    throw error;
  }
}

interface AzuriteOptions {
  containers?: string[];
  oauth?: boolean;
  pickPort?: () => Promise<number>;
  /** `false`: a server of its own even when the run's pool has one free, so stop() ends its process (a test of a store that is gone). */
  pooled?: boolean;
}

/** Every container of a pooled azurite deleted: as new for the next test file (it keeps nothing else a test sets). */
async function emptyAzurite(connectionString: string): Promise<void> {
  const { BlobServiceClient } = await import('@azure/storage-blob');
  const admin = BlobServiceClient.fromConnectionString(connectionString);
  for await (const container of admin.listContainers()) await admin.deleteContainer(container.name);
}

async function startAzuriteTrusted(options: AzuriteOptions, main: string, scheme: string, ca: string | undefined, certificate: Certificate | undefined, untrust: () => void): Promise<AzuriteService> {
  const connectionStringOf = (port: number) => `DefaultEndpointsProtocol=${scheme};AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${scheme}://${LOOPBACK}:${port}/${AZURITE_ACCOUNT};`;
  // A pooled server (plain HTTP) unless the test needs HTTPS, picks the port or wants one of its own.
  const pooled = options.oauth || options.pickPort || options.pooled === false ? undefined : claimPooled('azurite-pool');
  let port: number;
  let child: ChildProcess | undefined;
  if (pooled) {
    port = pooled.port;
    const direct = `${scheme}://${LOOPBACK}:${port}/${AZURITE_ACCOUNT}`;
    const output = pooledOutput(pooled);
    try {
      await waitUntil(async () => (await httpStatus(`${direct}?comp=list`, {}, ca).catch(() => 0)) > 0, 30_000, () => `azurite (pooled) did not answer ${direct} within 30s:\n${output()}`);
      await emptyAzurite(connectionStringOf(port));
    } catch (error) {
      pooled.release();
      throw error;
    }
  } else {
    ({ port, child } = await onFreePort(async (port) => {
      const args = azuriteArgs(main, port);
      if (certificate) args.push('--oauth', 'basic', '--cert', certificate.certPath, '--key', certificate.keyPath);
      const { child, output } = supervise(process.execPath, args);
      const direct = `${scheme}://${LOOPBACK}:${port}/${AZURITE_ACCOUNT}`;
      // Our azurite says it listens (another server on a taken port answers too, but this one then exits).
      await waitUntil(async () => /successfully listens/.test(output()) && (await httpStatus(`${direct}?comp=list`, {}, ca).catch(() => 0)) > 0, 30_000, () => `azurite did not answer ${direct} within 30s:\n${output()}`, child);
      return { port, child };
    }, options.pickPort));
  }
  const directConnectionString = connectionStringOf(port);
  // Everything reaches azurite through the stand-in for the two "From URL" operations it lacks (test/services/azurite-from-url.ts).
  const { startFromUrlProxy } = await import('./azurite-from-url.js');
  const proxy = await startFromUrlProxy({ upstream: `${scheme}://${LOOPBACK}:${port}`, connectionString: directConnectionString, tls: options.oauth, ca });
  const endpoint = `${proxy.url}/${AZURITE_ACCOUNT}`;
  const connectionString = `DefaultEndpointsProtocol=${scheme};AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${endpoint};`;
  const env = { AZURE_STORAGE_CONNECTION_STRING: connectionString };
  const { createObjectStore } = await import('@shipkit/stores');
  const { BlobServiceClient } = await import('@azure/storage-blob');
  const admin = BlobServiceClient.fromConnectionString(directConnectionString);
  let released = false;
  const service: AzuriteService = {
    kind: 'azurite',
    endpoint,
    port: proxy.port,
    fromUrl: proxy.counts,
    account: AZURITE_ACCOUNT,
    connectionString,
    env,
    bucket: (container) => `${AZURITE_ACCOUNT}/${container}`,
    client: () => createObjectStore({ env: { ...env } }),
    async createBucket(container) {
      await admin.getContainerClient(container).createIfNotExists({ access: 'blob' });
    },
    blobUrl: (container, key) => `${endpoint}/${container}/${key.split('/').map(encodeURIComponent).join('/')}`,
    async stop() {
      untrust();
      await proxy.stop();
      if (pooled && !released) {
        released = true;
        // Emptied now too (the next claimer empties it again): nothing of this file's lingers in a shared server.
        await emptyAzurite(directConnectionString).catch(() => undefined);
        pooled.release();
      }
      await stopChild(child);
    },
  };
  for (const name of options.containers ?? []) await service.createBucket(name);
  return service;
}

/** Every store the engine runs on: both S3 servers and Azure Blob (azurite), for `describe.each(STORE_KINDS)`. */
export const STORE_KINDS = ['s3rver', 'moto', 'azurite'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** A store of any kind as the engine sees it: logical bucket names mapped to the store's own. */
export interface StoreServer {
  kind: StoreKind;
  /** Honours If-None-Match / If-Match (moto, azurite; not s3rver). */
  conditional: boolean;
  env: Record<string, string>;
  /** The engine's bucket for a logical name (`site` on S3, `devstoreaccount1/site` on Azure). */
  bucket(name: string): string;
  /** The engine's store client (@shipkit/stores createObjectStore) for this server. */
  client(): S3Client;
  /** http://127.0.0.1:<port> of the server, for a proxy in front of it. */
  origin: string;
  /** A store client that reaches this server through `origin` instead (a fault-injecting proxy). */
  clientVia(origin: string): S3Client;
  createBucket(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startStore(kind: StoreKind, options: { buckets?: string[]; pooled?: boolean } = {}): Promise<StoreServer> {
  const { createObjectStore } = await import('@shipkit/stores');
  if (kind === 'azurite') {
    const azurite = await startAzurite({ containers: options.buckets, pooled: options.pooled });
    const origin = `http://${LOOPBACK}:${azurite.port}`;
    return {
      kind,
      conditional: true,
      env: azurite.env,
      bucket: azurite.bucket,
      client: azurite.client,
      origin,
      clientVia: (via) => createObjectStore({ env: { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString.replace(origin, via) } }),
      createBucket: (name) => azurite.createBucket(name),
      stop: azurite.stop,
    };
  }
  const s3 = await startS3Server(kind, options);
  return {
    kind,
    conditional: kind === 'moto',
    env: s3.env,
    bucket: (name) => name,
    client: () => createObjectStore({ endpoint: s3.endpoint, env: { ...s3.env } }),
    origin: s3.endpoint,
    clientVia: (via) => createObjectStore({ endpoint: via, env: { ...s3.env } }),
    createBucket: (name) => s3.createBucket(name),
    stop: () => s3.stop(),
  };
}

// ---------------------------------------------------------------------------------------------
// Self-signed TLS certificate for 127.0.0.1 / localhost (generated once per machine, cached).

export interface Certificate {
  key: string;
  cert: string;
  keyPath: string;
  certPath: string;
}

let certificatePromise: Promise<Certificate> | undefined;

/** A self-signed certificate valid for IP 127.0.0.1 and `localhost`. Trust it in a child
 *  process with `NODE_EXTRA_CA_CERTS=certPath`; in this process pass `ca: cert` to https. */
export function selfSignedCertificate(): Promise<Certificate> {
  certificatePromise ??= (async () => {
    const dir = path.join(os.tmpdir(), 'shipkit-selfsigned-v1');
    const keyPath = path.join(dir, 'key.pem');
    const certPath = path.join(dir, 'cert.pem');
    if (!existsSync(certPath)) {
      mkdirSync(dir, { recursive: true });
      // Generate beside the final files, then rename: parallel workers never read half a file.
      const work = await mkdtemp(path.join(dir, 'tmp-'));
      await run('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '3650',
        '-keyout', path.join(work, 'key.pem'), '-out', path.join(work, 'cert.pem'),
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ]);
      if (!existsSync(certPath)) {
        await rename(path.join(work, 'key.pem'), keyPath);
        await rename(path.join(work, 'cert.pem'), certPath);
      }
      await rm(work, { recursive: true, force: true });
    }
    return { key: await readFile(keyPath, 'utf8'), cert: await readFile(certPath, 'utf8'), keyPath, certPath };
  })();
  return certificatePromise;
}

// ---------------------------------------------------------------------------------------------
// Small HTTP(S) servers in this process.

export interface HttpService {
  /** http://127.0.0.1:PORT or https://127.0.0.1:PORT (no trailing slash). */
  url: string;
  port: number;
  server: http.Server | https.Server;
  /** With tls: the certificate to trust (NODE_EXTRA_CA_CERTS=certificate.certPath for children). */
  certificate?: Certificate;
  stop(): Promise<void>;
}

export async function startHttpServer(
  handler: http.RequestListener,
  options: { tls?: { selfSigned: true }; port?: number } = {},
): Promise<HttpService> {
  const certificate = options.tls ? await selfSignedCertificate() : undefined;
  const server = certificate
    ? https.createServer({ key: certificate.key, cert: certificate.cert }, handler)
    : http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `${certificate ? 'https' : 'http'}://${LOOPBACK}:${port}`,
    port,
    server,
    certificate,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** GET over a fresh connection, as a new visitor would (no keep-alive); rejects on any network error. */
export function getFresh(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent: false, headers: { connection: 'close' } }, (res) => {
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

// ---------------------------------------------------------------------------------------------
// OCI registry: Debian docker-registry (distribution 2.8).

export interface RegistryOptions {
  /** Require HTTP basic auth (htpasswd, bcrypt). Works over plain HTTP with distribution 2.8. */
  htpasswd?: { user: string; password: string };
  /** Serve HTTPS with the self-signed certificate (clients still need --tls-verify=false). */
  tls?: boolean;
}

export interface RegistryService {
  /** 127.0.0.1:PORT — use as image prefix: `${host}/app:tag`. */
  host: string;
  port: number;
  /** http(s)://127.0.0.1:PORT */
  url: string;
  dataDir: string;
  /** The credentials when started with htpasswd. */
  credentials?: { user: string; password: string };
  /** Headers for fetch() against the registry API (basic auth when needed). */
  headers(): Record<string, string>;
  stop(): Promise<void>;
}

async function bcryptHash(password: string): Promise<string> {
  // Debian's python3 hashes with libxcrypt's bcrypt ($2b$), which distribution accepts.
  const script = 'import crypt,sys; print(crypt.crypt(sys.stdin.read(), crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=16)))';
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const { stdout } = await run(python, ['-W', 'ignore', '-c', script], { input: password });
  const hash = stdout.trim();
  if (!hash.startsWith('$2')) throw new Error(`python3 crypt did not produce a bcrypt hash: ${hash}`);
  return hash;
}

export async function startRegistry(options: RegistryOptions = {}): Promise<RegistryService> {
  const root = tempDir('registry');
  const dataDir = path.join(root, 'data');
  mkdirSync(dataDir);
  return onFreePort((port) => startRegistryOn(port, root, dataDir, options));
}

async function startRegistryOn(port: number, root: string, dataDir: string, options: RegistryOptions): Promise<RegistryService> {
  const certificate = options.tls ? await selfSignedCertificate() : undefined;
  const lines = [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog: { disabled: true }',
    'storage:',
    `  filesystem: { rootdirectory: ${JSON.stringify(dataDir)} }`,
    '  delete: { enabled: true }',
    'http:',
    `  addr: ${LOOPBACK}:${port}`,
    `  secret: shipkit-test-${port}`,
  ];
  if (certificate) {
    lines.push('  tls:', `    certificate: ${JSON.stringify(certificate.certPath)}`, `    key: ${JSON.stringify(certificate.keyPath)}`);
  }
  if (options.htpasswd) {
    const htpasswdPath = path.join(root, 'htpasswd');
    await writeFile(htpasswdPath, `${options.htpasswd.user}:${await bcryptHash(options.htpasswd.password)}\n`);
    lines.push('auth:', `  htpasswd: { realm: shipkit, path: ${JSON.stringify(htpasswdPath)} }`);
  }
  const configPath = path.join(root, 'config.yml');
  await writeFile(configPath, lines.join('\n') + '\n');

  const { child, output } = supervise('docker-registry', ['serve', configPath]);
  const url = `${certificate ? 'https' : 'http'}://${LOOPBACK}:${port}`;
  const headers = (): Record<string, string> =>
    options.htpasswd
      ? { authorization: `Basic ${Buffer.from(`${options.htpasswd.user}:${options.htpasswd.password}`).toString('base64')}` }
      : {};
  await waitUntil(
    async () => {
      const status = await httpStatus(`${url}/v2/`, headers(), certificate?.cert);
      // Another server on a taken port may answer; ours would have exited by then (bind failed).
      return status === 200 && child.exitCode === null;
    },
    20_000,
    () => `docker-registry did not answer ${url}/v2/ within 20s:\n${output()}`,
    child,
  );
  if (child.exitCode !== null) throw new Error(`docker-registry exited:\n${output()}`);
  return {
    host: `${LOOPBACK}:${port}`,
    port,
    url,
    dataDir,
    credentials: options.htpasswd ? { ...options.htpasswd } : undefined,
    headers,
    async stop() {
      await stopChild(child);
      await rm(root, { recursive: true, force: true });
      tempDirsToRemove.delete(root);
    },
  };
}

/** GET status of a URL (trusting `ca` for https), without keeping the connection. */
function httpStatus(url: string, headers: Record<string, string> = {}, ca?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = (url.startsWith('https:') ? https : http).get(url, { headers, ca, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.setTimeout(2000, () => request.destroy(new Error('timeout')));
  });
}

// ---------------------------------------------------------------------------------------------
// buildah: a local busybox base image (no registry, no internet needed).

/**
 * Where test images live: a vfs store of its own (works without overlay or fuse, and stays off
 * /var/lib/containers, which other tools on the machine may use with overlay). Debian's buildah
 * 1.28 ignores STORAGE_DRIVER, so the driver is set in a storage.conf that buildah, skopeo and
 * every containers/storage user read through CONTAINERS_STORAGE_CONF.
 */
export const CONTAINERS_DIR = path.join(os.tmpdir(), 'shipkit-containers-v1');

function storageConf(): string {
  const conf = path.join(CONTAINERS_DIR, 'storage.conf');
  const text = [
    '[storage]',
    'driver = "vfs"',
    `graphroot = ${JSON.stringify(path.join(CONTAINERS_DIR, 'storage'))}`,
    `runroot = ${JSON.stringify(path.join(CONTAINERS_DIR, 'run'))}`,
    '',
  ].join('\n');
  mkdirSync(CONTAINERS_DIR, { recursive: true });
  if (!existsSync(conf) || readFileSync(conf, 'utf8') !== text) {
    // Write-then-rename: a parallel worker never reads half a file.
    const tmp = `${conf}.${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, conf);
  }
  return conf;
}

/** The environment every buildah/skopeo command in tests should get: the vfs store above
 *  (also as STORAGE_DRIVER, for code that turns it into --storage-driver) and chroot isolation
 *  (works without user namespaces). */
export const buildahEnv: Record<string, string> = {
  CONTAINERS_STORAGE_CONF: storageConf(),
  STORAGE_DRIVER: 'vfs',
  BUILDAH_ISOLATION: 'chroot',
};

export const BASE_IMAGE = 'localhost/shipkit-busybox:latest';

/** Runs a buildah command with buildahEnv. */
export function buildah(args: readonly string[], options: { env?: Record<string, string>; check?: boolean } = {}): Promise<RunResult> {
  return run('buildah', args, { env: { ...buildahEnv, ...options.env }, check: options.check });
}

async function imageExists(image: string): Promise<boolean> {
  const { code } = await buildah(['inspect', '--type', 'image', image], { check: false });
  return code === 0;
}

/** Serializes work across processes (jest workers) with an atomic mkdir lock. */
async function withDirLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A holder that died (SIGKILL) leaves its lock behind: building takes seconds, not minutes.
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > 300_000) rmSync(lockDir, { recursive: true, force: true });
      } catch {
        // removed meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lockDir}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

let baseImagePromise: Promise<string> | undefined;

/**
 * Builds `localhost/shipkit-busybox:latest` FROM scratch with Debian's static busybox
 * (/bin/busybox from busybox-static, every applet symlinked into /bin) in the buildahEnv store.
 * Cached: skipped when the image exists there.
 */
export function buildBaseImage(): Promise<string> {
  baseImagePromise ??= (async () => {
    if (await imageExists(BASE_IMAGE)) return BASE_IMAGE;
    const lock = path.join(os.tmpdir(), 'shipkit-base-image.lock');
    return withDirLock(lock, async () => {
      if (await imageExists(BASE_IMAGE)) return BASE_IMAGE;
      const busybox = '/bin/busybox';
      if (!existsSync(busybox)) throw new Error('/bin/busybox is missing: apt-get install busybox-static');
      const context = await mkdtemp(path.join(os.tmpdir(), 'shipkit-base-'));
      try {
        await writeFile(path.join(context, 'busybox'), await readFile(busybox), { mode: 0o755 });
        await writeFile(
          path.join(context, 'Containerfile'),
          [
            'FROM scratch',
            'COPY busybox /bin/busybox',
            'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
            'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
            'CMD ["sh"]',
            '',
          ].join('\n'),
        );
        await buildah(['build', '--quiet', '--layers=false', '-f', path.join(context, 'Containerfile'), '-t', BASE_IMAGE, context]);
      } finally {
        await rm(context, { recursive: true, force: true });
      }
      return BASE_IMAGE;
    });
  })();
  baseImagePromise.catch(() => {
    baseImagePromise = undefined;
  });
  return baseImagePromise;
}

// ---------------------------------------------------------------------------------------------
// nginx: a real Debian nginx master (daemon off) with its own prefix.

export interface NginxContext {
  /** The main listen port (127.0.0.1). */
  port: number;
  /** Extra free ports, when `extraPorts` was given. */
  ports: number[];
  /** The prefix dir (writable; logs/ and temp dirs live here). */
  prefix: string;
}

export interface NginxOptions {
  /** The body of the `http { }` block (temp paths, logs, pid and `events` are written for you).
   *  Example: ({ port }) => `include ${file};
   *    server { listen 127.0.0.1:${port}; location / { proxy_pass http://shipkit_staging; } }` */
  http?: string | ((ctx: NginxContext) => string);
  /** A complete nginx.conf instead (you then own pid, error_log, events, temp paths). */
  config?: (ctx: NginxContext) => string;
  extraPorts?: number;
  /** Keep client connections open between requests (keepalive_timeout 65s), as production nginx does. Default off. */
  keepalive?: boolean;
}

export interface NginxService {
  port: number;
  ports: number[];
  /** http://127.0.0.1:PORT */
  url: string;
  prefix: string;
  confPath: string;
  errorLogPath: string;
  /** Argument lists that validate / reload exactly this instance (what a router runs). */
  testCommand: string[];
  reloadCommand: string[];
  /** The master's pid file. */
  pidPath: string;
  /** Runs testCommand; rejects with nginx's message when the config is invalid. */
  test(): Promise<void>;
  /** Runs reloadCommand and waits until the new configuration serves (new workers, old gone). */
  reload(): Promise<void>;
  /** Worker pids now; pass to waitForReload() after someone else ran reloadCommand. */
  workers(): number[];
  /** Waits until none of `before` workers is left and new workers run. */
  waitForReload(before: number[], timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function childPids(pid: number): number[] {
  try {
    const tasks = readdirSync(`/proc/${pid}/task`);
    const pids: number[] = [];
    for (const task of tasks) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) pids.push(...text.split(/\s+/).map(Number));
    }
    return pids;
  } catch {
    return [];
  }
}

export async function startNginx(options: NginxOptions = {}): Promise<NginxService> {
  const prefix = tempDir('nginx');
  for (const dir of ['logs', 'conf', 'temp/client', 'temp/proxy', 'temp/fastcgi', 'temp/uwsgi', 'temp/scgi']) {
    mkdirSync(path.join(prefix, dir), { recursive: true });
  }
  return onFreePort((port) => startNginxOn(port, prefix, options));
}

async function startNginxOn(port: number, prefix: string, options: NginxOptions): Promise<NginxService> {
  const ports: number[] = [];
  for (let i = 0; i < (options.extraPorts ?? 0); i++) ports.push(await freePort());
  const ctx: NginxContext = { port, ports, prefix };
  const pidPath = path.join(prefix, 'logs', 'nginx.pid');
  const errorLogPath = path.join(prefix, 'logs', 'error.log');
  const confPath = path.join(prefix, 'conf', 'nginx.conf');

  let config: string;
  if (options.config) {
    config = options.config(ctx);
  } else {
    const body = typeof options.http === 'function' ? options.http(ctx) : (options.http ?? `server { listen ${LOOPBACK}:${port}; location / { return 200 "nginx ok\\n"; } }`);
    const runAsRoot = process.getuid?.() === 0;
    config = [
      runAsRoot ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${pidPath};`,
      `error_log ${errorLogPath} warn;`,
      'events { worker_connections 256; }',
      'http {',
      `  access_log ${path.join(prefix, 'logs', 'access.log')};`,
      // No keep-alive by default: after a reload, old workers exit at once and no client keeps talking to them.
      options.keepalive ? '  keepalive_timeout 65;' : '  keepalive_timeout 0;',
      `  client_body_temp_path ${path.join(prefix, 'temp/client')};`,
      `  proxy_temp_path ${path.join(prefix, 'temp/proxy')};`,
      `  fastcgi_temp_path ${path.join(prefix, 'temp/fastcgi')};`,
      `  uwsgi_temp_path ${path.join(prefix, 'temp/uwsgi')};`,
      `  scgi_temp_path ${path.join(prefix, 'temp/scgi')};`,
      body,
      '}',
      '',
    ].join('\n');
  }
  writeFileSync(confPath, config);

  const base = ['nginx', '-p', prefix, '-c', confPath, '-e', errorLogPath];
  const testCommand = [...base, '-t', '-q'];
  const reloadCommand = [...base, '-s', 'reload'];
  const test = async () => {
    await run(testCommand[0]!, testCommand.slice(1));
  };
  await test();

  const { child, output } = supervise('nginx', [...base.slice(1), '-g', 'daemon off;']);
  const masterPid = async () => Number((await readFile(pidPath, 'utf8')).trim());
  await waitUntil(
    async () => {
      if (!existsSync(pidPath)) return false;
      if (childPids(await masterPid()).length === 0) return false;
      return (await httpStatus(`http://${LOOPBACK}:${port}/`).catch(() => 0)) > 0 || !!options.config;
    },
    20_000,
    () => `nginx did not start within 20s:\n${output()}\n${existsSync(errorLogPath) ? readFileSync(errorLogPath, 'utf8').slice(-4000) : ''}`,
    child,
  );

  const workers = () => {
    if (!existsSync(pidPath)) return [];
    return childPids(Number(readFileSync(pidPath, 'utf8').trim()));
  };
  const waitForReload = async (before: number[], timeoutMs = 15_000) => {
    const logSize = existsSync(errorLogPath) ? readFileSync(errorLogPath).length : 0;
    await waitUntil(
      async () => {
        const now = workers();
        return now.length > 0 && now.every((pid) => !before.includes(pid));
      },
      timeoutMs,
      () => `nginx did not reload within ${timeoutMs}ms:\n${readFileSync(errorLogPath, 'utf8').slice(logSize - 4000 > 0 ? logSize - 4000 : 0)}`,
    );
  };

  return {
    port,
    ports,
    url: `http://${LOOPBACK}:${port}`,
    prefix,
    confPath,
    errorLogPath,
    testCommand,
    reloadCommand,
    pidPath,
    test,
    async reload() {
      const before = workers();
      await run(reloadCommand[0]!, reloadCommand.slice(1));
      await waitForReload(before);
    },
    workers,
    waitForReload,
    async stop() {
      await stopChild(child);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// An nginx "router" as the DESIGN describes it: the server config includes one file holding
// `upstream shipkit_<environment> { server HOST:PORT; }` and proxies `/` to it.

export interface NginxRouterService extends NginxService {
  environment: string;
  /** The include file the nginx router owns (rewrite it, then test + reload). */
  includePath: string;
  /** `upstream shipkit_<environment> { server <address>; }` */
  upstreamBlock(address: string): string;
}

export async function startNginxRouter(options: {
  environment: string;
  /** The address the include file starts with (default: port 1 on loopback, where nothing listens -> 502). */
  upstream?: string;
}): Promise<NginxRouterService> {
  const { environment } = options;
  const dir = tempDir('router');
  const includePath = path.join(dir, `${environment}.conf`);
  const upstreamBlock = (address: string) => `upstream shipkit_${environment} { server ${address}; }\n`;
  // Until a slot is routed, point at port 1 on loopback: nothing listens there (a "free" port could be
  // taken by another test's server by the time a request arrives), so nginx answers 502.
  await writeFile(includePath, upstreamBlock(options.upstream ?? `${LOOPBACK}:1`));
  const nginx = await startNginx({
    http: ({ port }) =>
      [
        `include ${includePath};`,
        `server {`,
        `  listen ${LOOPBACK}:${port};`,
        `  location / {`,
        `    proxy_pass http://shipkit_${environment};`,
        `    proxy_set_header Host $host;`,
        `    add_header X-Shipkit-Upstream $upstream_addr always;`,
        `  }`,
        `}`,
      ].join('\n'),
  });
  return { ...nginx, environment, includePath, upstreamBlock };
}

// ---------------------------------------------------------------------------------------------
// Application Load Balancer on moto (ELBv2 API): VPC and subnets through the aws CLI (moto's EC2
// API; the suite has no EC2 SDK client), then the load balancer, two target groups, a listener.

export interface LoadBalancerFixture {
  loadBalancerArn: string;
  listenerArn: string;
  targetGroups: { blue: string; green: string; other: string };
  /** A rule on /api/* forwarding to blue, for the rule-arn variant. */
  ruleArn: string;
}

/** The listener's forward action as ELBv2 holds it. */
export async function listenerForward(elb: ElasticLoadBalancingV2Client, lb: LoadBalancerFixture): Promise<Action> {
  return (await elb.send(new DescribeListenersCommand({ ListenerArns: [lb.listenerArn] }))).Listeners![0].DefaultActions!.find((action) => action.Type === 'forward')!;
}

/** The listener's shares by slot, in percent, as ELBv2 holds them: `{ blue: 70, green: 30 }` (a target group that is no slot by its ARN). */
export async function listenerShares(elb: ElasticLoadBalancingV2Client, lb: LoadBalancerFixture): Promise<Record<string, number>> {
  const forward = await listenerForward(elb, lb);
  const groups = forward.ForwardConfig?.TargetGroups?.length ? forward.ForwardConfig.TargetGroups.map((group) => [group.TargetGroupArn, group.Weight ?? 1] as const) : [[forward.TargetGroupArn, 1] as const];
  const total = groups.reduce((sum, [, weight]) => sum + weight, 0);
  const name = (arn?: string) => (arn === lb.targetGroups.blue ? 'blue' : arn === lb.targetGroups.green ? 'green' : String(arn));
  return Object.fromEntries(groups.filter(([, weight]) => weight > 0).map(([arn, weight]) => [name(arn), Math.round((weight / total) * 100)]));
}

export async function createLoadBalancer(moto: S3Server, name: string): Promise<LoadBalancerFixture> {
  const aws = async (...args: string[]) => JSON.parse((await run('aws', [...moto.awsCliArgs, '--region', moto.region, '--output', 'json', ...args], { env: moto.env })).stdout || '{}');
  const vpc = (await aws('ec2', 'create-vpc', '--cidr-block', '10.0.0.0/16')).Vpc.VpcId as string;
  const subnets: string[] = [];
  for (const [index, zone] of ['a', 'b'].entries()) subnets.push((await aws('ec2', 'create-subnet', '--vpc-id', vpc, '--cidr-block', `10.0.${index}.0/24`, '--availability-zone', `${moto.region}${zone}`)).Subnet.SubnetId);
  const loadBalancerArn = (await aws('elbv2', 'create-load-balancer', '--name', name, '--subnets', ...subnets)).LoadBalancers[0].LoadBalancerArn as string;
  const group = async (slot: string) => (await aws('elbv2', 'create-target-group', '--name', `${name}-${slot}`, '--protocol', 'HTTP', '--port', '80', '--vpc-id', vpc)).TargetGroups[0].TargetGroupArn as string;
  const targetGroups = { blue: await group('blue'), green: await group('green'), other: await group('other') };
  const listenerArn = (await aws('elbv2', 'create-listener', '--load-balancer-arn', loadBalancerArn, '--protocol', 'HTTP', '--port', '80', '--default-actions', `Type=forward,TargetGroupArn=${targetGroups.blue}`)).Listeners[0].ListenerArn as string;
  const ruleArn = (await aws('elbv2', 'create-rule', '--listener-arn', listenerArn, '--priority', '10', '--conditions', 'Field=path-pattern,Values=/api/*', '--actions', `Type=forward,TargetGroupArn=${targetGroups.blue}`)).Rules[0].RuleArn as string;
  return { loadBalancerArn, listenerArn, targetGroups, ruleArn };
}
