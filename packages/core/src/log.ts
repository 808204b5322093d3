import * as runner from './runner.js';
import { formatDuration } from './duration.js';
import { redact } from './redact.js';

/** Runs `fn` inside a collapsible log group. */
export function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  return runner.group(title, fn);
}

/**
 * A size as a person writes it: `512 B`, `1.3 KiB`, `12 MiB` (binary units, one decimal below 10,
 * none above, no trailing `.0`, never `1024 KiB` for what is 1 MiB).
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  if (!Number.isFinite(bytes) || bytes < 0) return `${bytes} B`;
  let value = bytes;
  let unit = 0;
  const rounded = () => (unit === 0 ? Math.round(value) : Number(value.toFixed(value < 10 ? 1 : 0)));
  while (rounded() >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${rounded()} ${units[unit]}`;
}

/** A rate as a person writes it: `1.3 KiB/s`; without bytes, `12/s` or `0.4/s` of `what`. */
export function formatRate(amount: number, seconds: number, what: 'bytes' | 'items' = 'bytes'): string {
  const perSecond = amount / Math.max(seconds, 0.001);
  if (what === 'bytes') return `${formatBytes(perSecond)}/s`;
  return `${Number(perSecond.toFixed(perSecond < 10 ? 1 : 0))}/s`;
}

/**
 * Progress for long work: logs done/total items, bytes and rate at most every `intervalMs`, and a
 * final line from done(). Short work (under one interval) logs only the final line.
 */
export class Progress {
  private items = 0;
  private bytes = 0;
  private lastLog: number;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly totalItems: number,
    private readonly totalBytes = 0,
    private readonly intervalMs = 5000,
    private readonly log: (line: string) => void = runner.info,
  ) {
    this.lastLog = this.started;
  }

  add(items: number, bytes = 0): void {
    this.items += items;
    this.bytes += bytes;
    const now = Date.now();
    if (now - this.lastLog >= this.intervalMs) {
      this.lastLog = now;
      this.log(this.line(now));
    }
  }

  done(): void {
    this.log(`${this.line(Date.now())} — done`);
  }

  private line(now: number): string {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const bytes = this.totalBytes ? `, ${formatBytes(this.bytes)}/${formatBytes(this.totalBytes)}` : this.bytes ? `, ${formatBytes(this.bytes)}` : '';
    const rate = this.bytes ? `, ${formatRate(this.bytes, seconds)}` : `, ${formatRate(this.items, seconds, 'items')}`;
    return `${this.label}: ${this.items}/${this.totalItems}${bytes}${rate}, ${formatDuration(now - this.started)}`;
  }
}

/**
 * Makes text safe to print: no line of it can be read by the runner as a workflow command
 * (`::warning::`, `::set-output`, `::add-mask::`...). Lines are split as the runner splits them
 * (\n, \r\n and a lone \r), and a `::` opening a line is broken with a zero-width space.
 */
export function neutralizeCommands(text: string): string {
  return text.replace(/(^|\r\n|\r|\n)([ \t]*)::/g, '$1$2:\u200b:');
}

let guarded = false;

/**
 * Installs the guard every bundle runs under (runAction), on stdout and stderr:
 * - the redaction (redact.ts): every log line shipkit or a command it runs prints passes through
 *   it, so a secret never reaches the log in any form, whether or not the runner masks it;
 *   `::add-mask::` commands (one per write, as runner.ts issues them) pass as they are;
 * - whatever is written to stdout in one write can open a workflow command on its first line
 *   only — the way runner.ts writes its own commands, one per write — so user-controlled text
 *   inside a log line (a check name with "\n::warning::", a prefix with a newline) never becomes a
 *   command. Output of commands shipkit runs is wrapped in ::stop-commands:: (see exec).
 */
export function guardWorkflowCommands(stream: NodeJS.WriteStream = process.stdout, errors: NodeJS.WriteStream | undefined = process.stderr): void {
  if (guarded) return;
  guarded = true;
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  (stream as unknown as { write: typeof write }).write = (chunk: unknown, ...rest: unknown[]) => {
    chunk = redactChunk(chunk);
    if (typeof chunk === 'string' && /[\r\n][ \t]*::/.test(chunk)) {
      const first = /^[^\r\n]*/.exec(chunk)![0];
      chunk = first + neutralizeCommands(chunk.slice(first.length));
    }
    return write(chunk, ...rest);
  };
  if (errors && errors !== stream) {
    const writeError = errors.write.bind(errors) as (chunk: unknown, ...rest: unknown[]) => boolean;
    (errors as unknown as { write: typeof writeError }).write = (chunk: unknown, ...rest: unknown[]) => writeError(redactChunk(chunk), ...rest);
  }
}

/** A chunk for the log with every secret redacted; a Buffer that is not whole UTF-8 text passes as it is. */
function redactChunk(chunk: unknown): unknown {
  if (typeof chunk === 'string') return chunk.startsWith('::add-mask::') ? chunk : redact(chunk);
  if (Buffer.isBuffer(chunk) || chunk instanceof Uint8Array) {
    const text = Buffer.from(chunk).toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(Buffer.from(chunk)) || text.startsWith('::add-mask::')) return chunk;
    const clean = redact(text);
    return clean === text ? chunk : clean;
  }
  return chunk;
}
