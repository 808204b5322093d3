import { execFile } from 'node:child_process';
import { runner, errorMessage, exec, retry, ShipkitError, type RetryOptions } from '@shipkit/core';
import type { ImageSpec } from './context.js';

/** The cache an engine actually uses, after `auto` is resolved for it. */
export type ResolvedCache = 'gha' | 'registry' | 'layers' | 'none';

export interface BuildRequest {
  image: ImageSpec;
  /** <registry>/<name> */
  repository: string;
  tags: string[];
  labels: Record<string, string>;
  cache: ResolvedCache;
  push: boolean;
  insecure: boolean;
  /** A private directory for this image's temp files (digest, metadata). */
  tempDir: string;
  /** Where this image's command output goes. */
  log: ImageLog;
}

export interface BuildResult {
  /** The pushed manifest (or index) digest; undefined when not pushed. */
  digest?: string;
  /** The local image id, when the engine keeps the image locally. */
  imageId?: string;
  /** Image size in bytes (uncompressed layers), when the engine can tell. */
  size?: number;
  buildMs: number;
  pushMs: number;
}

export interface Engine {
  readonly name: 'docker' | 'buildah';
  login(host: string, username: string, password: string, insecure: boolean): Promise<void>;
  build(request: BuildRequest): Promise<BuildResult>;
  /** Undo login (post step); `state` is what login() asked to be remembered. */
  logout(host: string, state: Record<string, string>): Promise<void>;
  /** Values the post step needs (e.g. a temp auth file). */
  readonly state: Record<string, string>;
}

/**
 * Collects one image's command output. With one image at a time the output streams live inside
 * the image's log group; with several at once it is kept and printed as one group when the
 * image is done, so parallel builds never interleave.
 */
export class ImageLog {
  private readonly lines: string[] = [];
  constructor(readonly title: string, readonly live: boolean) {}

  info(line: string): void {
    if (this.live) runner.info(line);
    else this.lines.push(line);
  }

  append(text: string): void {
    if (!text || this.live) return;
    this.lines.push(text.replace(/\n$/, ''));
  }

  /** Prints the kept output as one group (no-op when it streamed). */
  flush(): void {
    if (this.live || !this.lines.length) return;
    runner.startGroup(this.title);
    for (const line of this.lines) runner.info(line);
    runner.endGroup();
    this.lines.length = 0;
  }
}

export interface RunOptions {
  input?: string;
  secrets?: string[];
  env?: Record<string, string | undefined>;
  label: string;
  log?: ImageLog;
  /** Keep the output out of the log (machine-readable output such as JSON). */
  quiet?: boolean;
}

/**
 * The runner hands inputs to the action as INPUT_* variables; the registry password has no
 * business in the environment of build tools (it reaches them through stdin only).
 */
export function childEnv(env?: Record<string, string | undefined>): Record<string, string | undefined> {
  return { ...env, INPUT_PASSWORD: undefined };
}

/** Runs a command, sends its output to the image log, and fails with the command's last words. */
export async function run(command: string, args: readonly string[], options: RunOptions): Promise<string> {
  const live = !options.quiet && (options.log?.live ?? true);
  if (!live && !options.quiet) options.log?.info(`[command]${command} ${args.join(' ')}`);
  const result = await exec(command, args, { input: options.input, secrets: options.secrets, env: childEnv(options.env), silent: !live, check: false, label: options.label });
  if (!options.quiet) {
    options.log?.append(result.stdout);
    options.log?.append(result.stderr);
  }
  if (result.exitCode !== 0) {
    const tail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-8).join('\n');
    throw new CommandError(`${options.label} failed with exit code ${result.exitCode}${tail ? `:\n${tail}` : '.'}`, tail);
  }
  return result.stdout;
}

export class CommandError extends ShipkitError {
  constructor(message: string, readonly output: string) {
    super(message);
    this.name = 'CommandError';
  }
}

// What clients print when a registry cannot be reached (as opposed to refusing a request).
const UNREACHABLE = [
  /connection refused/i,
  /no such host/i,
  /i\/o timeout/i,
  /TLS handshake timeout/i,
  /connection reset by peer/i,
  /network is unreachable/i,
  /server misbehaving/i,
  /timeout awaiting response headers/i,
  /\b50[234]\b.*(Bad Gateway|Service Unavailable|Gateway Timeout)/i,
  /\b(Bad Gateway|Service Unavailable|Gateway Timeout)\b/i,
  /: EOF\s*$/m,
];

export function isUnreachable(error: unknown): boolean {
  const text = error instanceof CommandError ? error.output : errorMessage(error);
  return UNREACHABLE.some((pattern) => pattern.test(text));
}

export interface RegistryRetry {
  attempts: number;
  baseDelayMs: number;
}

export const DEFAULT_REGISTRY_RETRY: RegistryRetry = { attempts: 4, baseDelayMs: 1000 };

/**
 * Retries a registry operation while the registry is unreachable; after the last attempt the
 * error says so plainly. Other failures (denied, unknown manifest...) fail at once.
 */
export async function withRegistryRetry<T>(what: string, host: string, settings: RegistryRetry, log: ImageLog | undefined, fn: () => Promise<T>): Promise<T> {
  const options: RetryOptions = {
    attempts: settings.attempts,
    baseDelayMs: settings.baseDelayMs,
    maxDelayMs: settings.baseDelayMs * 8,
    retryable: isUnreachable,
    onRetry: (error, attempt, delay) => {
      const line = `${what}: registry ${host} unreachable (${firstLine(error)}); attempt ${attempt + 1}/${settings.attempts} in ${(delay / 1000).toFixed(1)}s`;
      if (log) log.info(line);
      else runner.info(line);
    },
  };
  try {
    return await retry(fn, options);
  } catch (error) {
    if (isUnreachable(error)) {
      throw new ShipkitError(`Registry ${host} is unreachable: ${what} failed after ${settings.attempts} attempts. Last error: ${firstLine(error)}`, {
        hint: 'Check the registry address and that it is up; for a plain-HTTP registry set insecure: true.',
        cause: error,
      });
    }
    throw error;
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof CommandError ? error.output || error.message : errorMessage(error);
  const lines = text.trim().split('\n');
  return lines[lines.length - 1].slice(0, 400);
}

/**
 * True when the command runs and exits 0 within `timeoutMs` (used to probe engines: `docker
 * info` can hang on an unreachable DOCKER_HOST).
 */
export function answers(command: string, args: readonly string[], timeoutMs = 20_000): Promise<boolean> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.INPUT_PASSWORD;
  return new Promise((resolve) => {
    execFile(command, [...args], { env, timeout: timeoutMs }, (error) => resolve(!error));
  });
}

/**
 * Logs in to a registry, retrying while it is unreachable; a refused login becomes an error
 * naming the host and the user (the last line of the client's output says why).
 */
export async function registryLogin(host: string, username: string, settings: RegistryRetry, login: () => Promise<unknown>): Promise<void> {
  try {
    await withRegistryRetry(`login to ${host}`, host, settings, undefined, login);
  } catch (error) {
    if (error instanceof CommandError) {
      throw new ShipkitError(`Login to ${host} as ${JSON.stringify(username)} failed: ${error.output.split('\n').pop()}`, {
        hint: 'Check the "username" and "password" inputs (the token needs permission to push packages).',
      });
    }
    throw error;
  }
}

/** The image definition flags both engines take alike: --target, --build-arg and --label. */
export function definitionArgs(request: Pick<BuildRequest, 'image' | 'labels'>): string[] {
  const args: string[] = [];
  if (request.image.target) args.push('--target', request.image.target);
  for (const [key, value] of Object.entries(request.image.buildArgs)) args.push('--build-arg', `${key}=${value}`);
  for (const [key, value] of Object.entries(request.labels)) args.push('--label', `${key}=${value}`);
  return args;
}
