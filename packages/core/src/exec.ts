import { randomBytes } from 'node:crypto';
import * as runner from './runner.js';
import * as actionsExec from '@actions/exec';
import { Writable } from 'node:stream';
import { errorMessage, ShipkitError } from './errors.js';
import { addSecret, redact } from './redact.js';

export { redact } from './redact.js';

export interface ExecOptions {
  cwd?: string;
  /** Added to (not replacing) the process environment. */
  env?: Record<string, string | undefined>;
  /** Written to the command's standard input. */
  input?: string | Buffer;
  /** Values to mask in the log and in captured output (also registered with the runner). */
  secrets?: string[];
  /** Do not echo the command's output into the log while it runs. */
  silent?: boolean;
  /** Throw a ShipkitError when the exit code is not 0 (default true). */
  check?: boolean;
  /** Describes the command in errors, e.g. "buildah push". */
  label?: string;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Where a command's output goes while it runs: whole lines, each through the redaction (a secret
 * split across two chunks of output is still one line), to the log.
 */
class RedactingLines extends Writable {
  private pending = '';
  private readonly decoder = new TextDecoder('utf8');

  constructor(
    private readonly target: NodeJS.WritableStream,
    private readonly secrets: readonly string[],
  ) {
    super();
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const end = Math.max(this.pending.lastIndexOf('\n'), this.pending.lastIndexOf('\r'));
    if (end >= 0) {
      this.target.write(redact(this.pending.slice(0, end + 1), this.secrets));
      this.pending = this.pending.slice(end + 1);
    }
    callback();
  }

  /** Writes what is left of the last line. */
  flush(): void {
    this.pending += this.decoder.decode();
    if (this.pending) this.target.write(redact(this.pending, this.secrets));
    this.pending = '';
  }
}

/**
 * Runs a program with an argument array (never a shell string), captures its output, masks
 * secrets, and by default fails with the command's own last words.
 */
export async function exec(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const secrets = (options.secrets ?? []).filter(Boolean);
  for (const secret of secrets) if (!addSecret(secret)) runner.setSecret(secret);
  const env: Record<string, string> = {};
  // The action's inputs (INPUT_*: the GitHub token among them) never reach a command shipkit starts;
  // values a command needs arrive on purpose through options.env (the config's env:, SHIPKIT_*).
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('INPUT_')) env[key] = value;
  for (const [key, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[key] = value;
  let result: ExecResult;
  // The command's output goes to the log as it runs, but it may never issue workflow commands.
  const stopToken = options.silent ? undefined : `shipkit-${randomBytes(12).toString('hex')}`;
  if (stopToken) process.stdout.write(`::stop-commands::${stopToken}\n`);
  const outStream = new RedactingLines(process.stdout, secrets);
  const errStream = new RedactingLines(process.stderr, secrets);
  try {
    result = await actionsExec.getExecOutput(command, [...args], {
      cwd: options.cwd,
      env,
      input: options.input === undefined ? undefined : Buffer.from(options.input),
      silent: options.silent ?? false,
      outStream,
      errStream,
      ignoreReturnCode: true,
    });
  } catch (error) {
    throw new ShipkitError(`Could not run ${options.label ?? command}: ${redact(String((error as Error).message ?? error), secrets)}`, {
      hint: `Check that "${command}" is installed and on PATH.`,
    });
  } finally {
    outStream.flush();
    errStream.flush();
    if (stopToken) {
      // Its own line (the output may not end with a newline), in its own write: the runner resumes commands here.
      process.stdout.write('\n');
      process.stdout.write(`::${stopToken}::\n`);
    }
  }
  result = { exitCode: result.exitCode, stdout: redact(result.stdout, secrets), stderr: redact(result.stderr, secrets) };
  if ((options.check ?? true) && result.exitCode !== 0) {
    const tail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-10).join('\n');
    throw new ExecError(options.label ?? command, result.exitCode, tail);
  }
  return result;
}

/**
 * A command shipkit ran exited non-zero. Its message quotes the command's last lines for the log
 * (masked by the runner); `summary` says only which command failed and how, for anything that is
 * kept or published (the ledger, GitHub deployment statuses).
 */
export class ExecError extends ShipkitError {
  constructor(
    readonly label: string,
    readonly exitCode: number,
    tail: string,
  ) {
    super(`${label} failed with exit code ${exitCode}${tail ? `:\n${tail}` : '.'}`);
    this.name = 'ExecError';
  }

  get summary(): string {
    return `${this.label} failed with exit code ${this.exitCode} (its output is in the run log)`;
  }
}

/**
 * What may be kept about an error outside the log (ledger records, GitHub): a failed command is
 * described by its label and exit code only — never its output, which may hold secrets the runner
 * masks in the log but nowhere else.
 */
export function publicErrorSummary(error: unknown): string {
  for (let current: unknown = error, depth = 0; current && depth < 8; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof ExecError) return current.summary;
  }
  return redact(errorMessage(error));
}
