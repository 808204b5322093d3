/**
 * Runs an action bundle exactly as the GitHub runner does: `INPUT_<NAME>` variables (defaults from
 * action.yml included), the file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH,
 * GITHUB_STEP_SUMMARY), RUNNER_TEMP/RUNNER_TOOL_CACHE, GITHUB_WORKSPACE, an event payload and the
 * GITHUB_* context, then the `post` entry with `STATE_*` when action.yml declares one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type EventName = 'push-develop' | 'push-main' | 'tag-v1.2.3' | 'tag-prerelease' | 'pull-request' | 'workflow-dispatch';

export interface EventFixture {
  /** GITHUB_EVENT_NAME, e.g. push. */
  name: string;
  ref: string;
  sha: string;
  payload: Record<string, unknown>;
}

export interface RunOptions {
  inputs?: Record<string, string | number | boolean>;
  /** Extra environment, added to a clean runner-like environment (PATH and HOME are kept). */
  env?: Record<string, string | undefined>;
  /** A fixture name from test/fixtures/events, or a full event. Default: push-main. */
  event?: EventName | EventFixture;
  /** GITHUB_WORKSPACE (default: a fresh temp dir). */
  workspace?: string;
  /** Value for `${{ github.token }}` defaults (default: empty, so nothing talks to GitHub). */
  githubToken?: string;
  /** Run the post entry when action.yml declares one (default true). */
  post?: boolean;
  /** Kills the step after this long (default 5 minutes). */
  timeoutMs?: number;
  /** Path of the bundle dir to run instead of the action's `main` (for a tiny test action). */
  actionDir?: string;
  /** Runner temp root to reuse (e.g. to share RUNNER_TOOL_CACHE between runs). */
  runnerRoot?: string;
  /**
   * State the main step saved that the post step does not get: simulates a main step killed
   * (cancelled job) after some work but before it saved these (e.g. `['finished']`).
   */
  dropState?: string[];
  /**
   * Cancels the main step like the runner cancels a job: when this promise resolves, the process
   * gets SIGINT (then SIGKILL 7.5 s later if still running); the post step still runs.
   */
  cancel?: Promise<unknown>;
  /** Called with each chunk the main step writes to stdout, as it arrives (benchmarks time start-up by it). */
  onStdout?: (chunk: string) => void;
}

export interface StepResult {
  exitCode: number | null;
  /** Signal that ended the process, e.g. SIGKILL after the timeout. */
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  outputs: Record<string, string>;
  state: Record<string, string>;
  exportedEnv: Record<string, string>;
  path: string[];
  summary: string;
  stdout: string;
  stderr: string;
  /** stdout + stderr as the runner shows them (without ::add-mask:: commands; masks not applied). */
  log: string;
  errors: string[];
  warnings: string[];
  notices: string[];
  masks: string[];
}

export interface RunResult extends StepResult {
  /** The post step's result, when it ran. */
  post?: StepResult;
  /** RUNNER_TEMP, RUNNER_TOOL_CACHE and the file-command files live below it. */
  runnerRoot: string;
  workspace: string;
  event: EventFixture;
}

export function loadEvent(name: EventName): EventFixture {
  return JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'events', `${name}.json`), 'utf8')) as EventFixture;
}

interface ActionMetadata {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

export function readActionMetadata(actionDir: string): ActionMetadata {
  return YAML.parse(readFileSync(path.join(actionDir, 'action.yml'), 'utf8')) as ActionMetadata;
}

/** The runner's input variable name: upper-cased, spaces to underscores (hyphens stay). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses a file command file: `name=value` lines and `name<<DELIMITER` heredocs. */
export function parseFileCommand(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      index++;
      while (index < lines.length && lines[index] !== delimiter) value.push(lines[index++]);
      if (index >= lines.length) throw new Error(`file command ${name}: delimiter ${delimiter} not found`);
      result[name] = value.join('\n');
    } else {
      const at = line.indexOf('=');
      if (at < 0) throw new Error(`invalid file command line: ${line}`);
      result[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return result;
}

function resolveDefault(value: string, options: RunOptions): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_whole, expression: string) => {
    if (expression === 'github.token') return options.githubToken ?? '';
    throw new Error(`harness: cannot evaluate default expression \${{ ${expression} }}`);
  });
}

/**
 * The runner's view of stdout: lines split on \n, \r\n or a lone \r (as the runner reads them), and
 * nothing between `::stop-commands::<token>` and `::<token>::` is a command.
 */
export function commandLines(stdout: string): string[] {
  const lines: string[] = [];
  let stopped: string | undefined;
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    if (stopped) {
      if (line === `::${stopped}::`) stopped = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      stopped = stop[1];
      continue;
    }
    if (line.startsWith('::')) lines.push(line);
  }
  return lines;
}

function commands(stdout: string, name: string): string[] {
  const found: string[] = [];
  const pattern = new RegExp(`^::${name}(?: [^:]*)?::(.*)$`);
  for (const line of commandLines(stdout)) {
    const match = pattern.exec(line);
    if (match) found.push(match[1].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'));
  }
  return found;
}

function runNode(entry: string, env: Record<string, string>, cwd: string, timeoutMs: number, cancel?: Promise<unknown>, onStdout?: (chunk: string) => void): Promise<{ exitCode: number | null; signal: NodeJS.Signals | null; timedOut: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      onStdout?.(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    let killTimer: NodeJS.Timeout | undefined;
    let closed = false;
    void cancel?.then(() => {
      if (closed) return;
      child.kill('SIGINT');
      killTimer = setTimeout(() => child.kill('SIGKILL'), 7500);
    });
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      closed = true;
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      resolve({ exitCode, signal, timedOut, stdout, stderr });
    });
  });
}

async function runStep(entry: string, baseEnv: Record<string, string>, stepDir: string, cwd: string, timeoutMs: number, cancel?: Promise<unknown>, onStdout?: (chunk: string) => void): Promise<StepResult> {
  mkdirSync(stepDir, { recursive: true });
  const files = {
    GITHUB_OUTPUT: path.join(stepDir, 'output'),
    GITHUB_STATE: path.join(stepDir, 'state'),
    GITHUB_ENV: path.join(stepDir, 'env'),
    GITHUB_PATH: path.join(stepDir, 'path'),
    GITHUB_STEP_SUMMARY: path.join(stepDir, 'summary.md'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const result = await runNode(entry, { ...baseEnv, ...files }, cwd, timeoutMs, cancel, onStdout);
  const log = `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return {
    ...result,
    outputs: parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseFileCommand(readFileSync(files.GITHUB_STATE, 'utf8')),
    exportedEnv: parseFileCommand(readFileSync(files.GITHUB_ENV, 'utf8')),
    path: readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    log,
    errors: commands(result.stdout, 'error'),
    warnings: commands(result.stdout, 'warning'),
    notices: commands(result.stdout, 'notice'),
    masks: commands(result.stdout, 'add-mask'),
  };
}

let stepCounter = 0;

// Runner roots created here are removed after the test file's tests (jest's afterAll), or when the
// process exits outside jest (the demo). SHIPKIT_KEEP_RUNNER=1 keeps them for debugging.
const createdRoots: string[] = [];
function removeCreatedRoots(): void {
  if (process.env.SHIPKIT_KEEP_RUNNER === '1') return;
  for (const root of createdRoots.splice(0)) rmSync(root, { recursive: true, force: true });
}
const jestAfterAll = (globalThis as { afterAll?: (fn: () => void) => void }).afterAll;
if (typeof jestAfterAll === 'function') jestAfterAll(removeCreatedRoots);
else process.once('exit', removeCreatedRoots);

function newRunnerRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'shipkit-runner-'));
  createdRoots.push(root);
  return root;
}

/** Runs `actions/<name>` (its committed dist bundle) like the runner, post step included. */
export async function runAction(name: string, options: RunOptions = {}): Promise<RunResult> {
  const actionDir = options.actionDir ?? path.join(ROOT, 'actions', name);
  const metadata = readActionMetadata(actionDir);
  if (metadata.runs.using !== 'node24') throw new Error(`harness: ${actionDir}/action.yml runs.using is ${metadata.runs.using}, expected node24`);
  const mainEntry = path.resolve(actionDir, metadata.runs.main);
  if (!existsSync(mainEntry)) throw new Error(`harness: ${mainEntry} does not exist (run npm run package)`);

  const event = typeof options.event === 'object' ? options.event : loadEvent(options.event ?? 'push-main');
  const runnerRoot = options.runnerRoot ?? newRunnerRoot();
  const temp = path.join(runnerRoot, 'temp');
  const toolCache = path.join(runnerRoot, 'tool-cache');
  const workspace = options.workspace ?? path.join(runnerRoot, 'workspace');
  for (const dir of [temp, toolCache, workspace]) mkdirSync(dir, { recursive: true });
  const eventPath = path.join(runnerRoot, `event-${++stepCounter}.json`);
  writeFileSync(eventPath, JSON.stringify(event.payload));

  const inputs: Record<string, string> = {};
  for (const [input, spec] of Object.entries(metadata.inputs ?? {})) {
    if (spec.default !== undefined) inputs[inputVariable(input)] = resolveDefault(String(spec.default), options);
  }
  for (const [input, value] of Object.entries(options.inputs ?? {})) {
    if (!metadata.inputs || !(input in metadata.inputs)) throw new Error(`harness: action ${name} has no input "${input}"`);
    inputs[inputVariable(input)] = String(value);
  }

  const repository = (event.payload.repository as { full_name?: string } | undefined)?.full_name ?? 'acme/shop';
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'shipkit-harness',
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: toolCache,
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: event.ref,
    GITHUB_REF_NAME: event.ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_REF_TYPE: event.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_SHA: event.sha,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_RUN_ID: String(1000 + stepCounter),
    GITHUB_RUN_NUMBER: String(stepCounter),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'shipkit harness',
    GITHUB_JOB: 'test',
    GITHUB_ACTION: `shipkit-${name}`,
    GITHUB_ACTION_PATH: actionDir,
    ...inputs,
  };
  // Node's compile cache, shared by every action process of the jest run (V8's code for the bundles,
  // checked against their source by node): a bundle is compiled once per run instead of once per
  // process (measured: 150-200 ms of a 430 ms start for the 4.5 MB single-file bundles). What the
  // actions do is unchanged; RUNNER_TEMP stays per run. A test of the actions' own compile cache
  // passes `env: { NODE_COMPILE_CACHE: undefined }`; SHIPKIT_HARNESS_COMPILE_CACHE=0 turns it off.
  const sharedCache = process.env.SHIPKIT_JEST_TMP && process.env.SHIPKIT_HARNESS_COMPILE_CACHE !== '0' ? path.join(process.env.SHIPKIT_JEST_TMP, 'compile-cache') : undefined;
  if (sharedCache) base.NODE_COMPILE_CACHE = sharedCache;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }

  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const main = await runStep(mainEntry, base, path.join(runnerRoot, `step-${stepCounter}-main`), workspace, timeoutMs, options.cancel, options.onStdout);
  const result: RunResult = { ...main, runnerRoot, workspace, event };
  const postIf = metadata.runs['post-if'] ?? 'success()';
  const postRuns = postIf.includes('always()') || (postIf.includes('failure()') ? main.exitCode !== 0 : main.exitCode === 0);
  if (metadata.runs.post && (options.post ?? true) && postRuns) {
    const stateEnv: Record<string, string> = {};
    for (const [key, value] of Object.entries(main.state)) if (!options.dropState?.includes(key)) stateEnv[`STATE_${key}`] = value;
    const postEntry = path.resolve(actionDir, metadata.runs.post);
    result.post = await runStep(postEntry, { ...base, ...main.exportedEnv, ...stateEnv }, path.join(runnerRoot, `step-${stepCounter}-post`), workspace, timeoutMs);
  }
  return result;
}
