/**
 * The GitHub Actions runner's protocol, as the actions speak it: inputs from INPUT_* variables,
 * outputs, state and exported variables through the runner's files (GITHUB_OUTPUT, GITHUB_STATE,
 * GITHUB_ENV, with a random heredoc delimiter), workflow commands on stdout (`::add-mask::`,
 * `::warning::`, `::group::`...), and the step summary file.
 *
 * The same lines, files and errors as @actions/core (which the bundles used before), without what
 * that package loads when it is imported (its HTTP client and undici, for OIDC tokens no action
 * asks for): every action process starts faster. Everything written here still passes the guard
 * and redaction of log.ts/redact.ts installed by runAction; callers redact what they pass.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, constants, existsSync } from 'node:fs';
import { access, appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

/** Where an annotation points (the runner's `title`, `file`, `line`, `endLine`, `col`, `endColumn`). */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface InputOptions {
  /** Throws `Input required and not supplied: <name>` when the input is empty. */
  required?: boolean;
  /** false: the value as given, surrounding whitespace included (default: trimmed). */
  trimWhitespace?: boolean;
}

/** A value as the runner's files and commands carry it: strings as they are, nothing as '', anything else as JSON. */
export function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string' || input instanceof String) return String(input);
  return JSON.stringify(input);
}

/** A command's message: `%`, CR and LF escaped, so one command is one line. */
export function escapeData(value: unknown): string {
  return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as escapeData, and `:` and `,`, which separate properties. */
export function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,...::message`: properties with an empty value are left out. */
export function formatCommand(command: string, properties: Record<string, unknown>, message: unknown): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`);
  return `::${command || 'missing.command'}${props.length ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}

/** Writes one workflow command, in one write (the log guard lets a command open a write only). */
export function issueCommand(command: string, properties: Record<string, unknown> = {}, message: unknown = ''): void {
  process.stdout.write(formatCommand(command, properties, message) + EOL);
}

/**
 * `name<<ghadelimiter_<uuid>\nvalue\nghadelimiter_<uuid>`: one entry of a runner file (outputs,
 * state, env), which carries any value, multiline included. The delimiter is random per entry;
 * a name or value containing it is refused rather than written ambiguous.
 */
export function keyValueEntry(name: string, value: unknown): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  const text = toCommandValue(value);
  if (name.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (text.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  return `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}`;
}

/** Appends one entry to the runner file named by GITHUB_<kind> (OUTPUT, STATE, ENV, PATH). */
function appendFileCommand(kind: string, entry: string): void {
  const file = process.env[`GITHUB_${kind}`];
  if (!file) throw new Error(`Unable to find environment variable for file command ${kind}`);
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${entry}${EOL}`, { encoding: 'utf8' });
}

/** An input (INPUT_<NAME>, spaces as `_`, upper case), trimmed unless told otherwise; '' when not given. */
export function getInput(name: string, options: InputOptions = {}): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
  if (options.required && !value) throw new Error(`Input required and not supplied: ${name}`);
  return options.trimWhitespace === false ? value : value.trim();
}

/** Sets a step output (GITHUB_OUTPUT; the `set-output` command on a runner without it). */
export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) return appendFileCommand('OUTPUT', keyValueEntry(name, value));
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

/** Saves state for the post step (GITHUB_STATE), which reads it back with getState. */
export function saveState(name: string, value: unknown): void {
  if (process.env.GITHUB_STATE) return appendFileCommand('STATE', keyValueEntry(name, value));
  issueCommand('save-state', { name }, toCommandValue(value));
}

/** State the main step saved (STATE_<name>), '' when none. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] || '';
}

/** Sets an environment variable for this process and the job's later steps (GITHUB_ENV). */
export function exportVariable(name: string, value: unknown): void {
  process.env[name] = toCommandValue(value);
  if (process.env.GITHUB_ENV) return appendFileCommand('ENV', keyValueEntry(name, value));
  issueCommand('set-env', { name }, toCommandValue(value));
}

/** Asks the runner to mask a value in the log from now on (`::add-mask::`). */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

/** Whether the run has step debug logging on (RUNNER_DEBUG=1). */
export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1';
}

/** A line of the log. */
export function info(message: string): void {
  process.stdout.write(message + EOL);
}

/** A debug line (shown with step debug logging on). */
export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

function annotation(kind: 'error' | 'warning' | 'notice', message: string | Error, properties: AnnotationProperties): void {
  const where = Object.keys(properties).length
    ? { title: properties.title, file: properties.file, line: properties.startLine, endLine: properties.endLine, col: properties.startColumn, endColumn: properties.endColumn }
    : {};
  issueCommand(kind, where, message instanceof Error ? message.toString() : message);
}

/** An error annotation. */
export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  annotation('error', message, properties);
}

/** A warning annotation. */
export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  annotation('warning', message, properties);
}

/** A notice annotation. */
export function notice(message: string | Error, properties: AnnotationProperties = {}): void {
  annotation('notice', message, properties);
}

/** Fails the step (exit code 1) with an error annotation. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

/** Opens a collapsible group in the log. */
export function startGroup(name: string): void {
  issueCommand('group', {}, name);
}

/** Closes the open group. */
export function endGroup(): void {
  issueCommand('endgroup');
}

/** Runs `fn` inside a collapsible log group, closed however `fn` ends. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}

/** Appends Markdown to the step summary (GITHUB_STEP_SUMMARY), with the errors @actions/core's summary.write() gives. */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
  try {
    await access(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
  }
  await appendFile(file, markdown, { encoding: 'utf8' });
}
