/**
 * `shipkit run <action> --input name=value ...`: runs an action's committed bundle on this machine
 * the way GitHub's runner does — INPUT_<NAME> variables (hyphens kept, defaults from action.yml),
 * the GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV / GITHUB_STEP_SUMMARY files, RUNNER_TEMP, an event
 * payload, then the post step with STATE_* — to try a config against a local moto or a real
 * account before committing workflows. The action's log goes to this terminal as it runs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';

interface ActionMetadata {
  inputs?: Record<string, { required?: boolean; default?: unknown; description?: string }>;
  outputs?: Record<string, unknown>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

export class UsageError extends Error {}

/** The runner's name for an input's variable: INPUT_ + upper case, spaces to underscores (hyphens stay). */
export const inputVariable = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/** `name=value` arguments as inputs; a value may hold `=`, a name may not be empty. */
export function parseInputs(pairs: readonly string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--input ${JSON.stringify(pair)}: expected name=value (e.g. --input environment=staging)`);
    inputs[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return inputs;
}

/** `name=value` lines of a GITHUB_OUTPUT-style file, heredoc values included. */
function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, marker] = heredoc;
      const body: string[] = [];
      while (++i < lines.length && lines[i] !== marker) body.push(lines[i]);
      values[name] = body.join('\n');
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

function git(args: string[], cwd: string): string | undefined {
  try {
    const out = execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    return out.toString().trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface RunOptions {
  /** Where actions/<name>/action.yml and dist/<name>/index.js are (the CLI package, or a shipkit checkout). */
  home: string;
  action: string;
  inputs: Record<string, string>;
  workspace?: string;
  /** GITHUB_EVENT_NAME (default workflow_dispatch) */
  event?: string;
  ref?: string;
  sha?: string;
  repository?: string;
  env?: NodeJS.ProcessEnv;
  write?: (text: string) => void;
}

export interface RunResult {
  exitCode: number;
  outputs: Record<string, string>;
  summary: string;
}

function step(entry: string, env: NodeJS.ProcessEnv, cwd: string, dir: string, write: (text: string) => void) {
  mkdirSync(dir, { recursive: true });
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_ENV: 'env', GITHUB_PATH: 'path', GITHUB_STEP_SUMMARY: 'summary.md' };
  const paths = Object.fromEntries(Object.entries(files).map(([key, name]) => [key, path.join(dir, name)]));
  for (const file of Object.values(paths)) writeFileSync(file, '');
  return new Promise<{ code: number; outputs: Record<string, string>; state: Record<string, string>; exported: Record<string, string>; summary: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { cwd, env: { ...env, ...paths }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => write(chunk.replace(/^::add-mask::.*\n?/gm, '')));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => write(chunk));
    const forward = () => child.kill('SIGINT');
    process.once('SIGINT', forward);
    child.on('error', reject);
    child.on('close', (code) => {
      process.off('SIGINT', forward);
      resolve({
        code: code ?? 1,
        outputs: parseFileCommand(readFileSync(paths.GITHUB_OUTPUT, 'utf8')),
        state: parseFileCommand(readFileSync(paths.GITHUB_STATE, 'utf8')),
        exported: parseFileCommand(readFileSync(paths.GITHUB_ENV, 'utf8')),
        summary: readFileSync(paths.GITHUB_STEP_SUMMARY, 'utf8'),
      });
    });
  });
}

export function actionNames(home: string): string[] {
  const dir = path.join(home, 'actions');
  return existsSync(dir) ? readdirSync(dir).filter((name) => existsSync(path.join(dir, name, 'action.yml'))).sort() : [];
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const actionDir = path.join(options.home, 'actions', options.action);
  if (!existsSync(path.join(actionDir, 'action.yml'))) {
    throw new UsageError(`Unknown action ${JSON.stringify(options.action)}: expected one of ${actionNames(options.home).join(', ')}.`);
  }
  const metadata = YAML.parse(readFileSync(path.join(actionDir, 'action.yml'), 'utf8')) as ActionMetadata;
  const declared = metadata.inputs ?? {};
  const unknown = Object.keys(options.inputs).filter((name) => !(name in declared));
  if (unknown.length) throw new UsageError(`${options.action} has no input ${unknown.map((name) => JSON.stringify(name)).join(', ')}: expected one of ${Object.keys(declared).join(', ')}.`);
  const workspace = path.resolve(options.workspace ?? process.cwd());
  const sha = options.sha ?? git(['rev-parse', 'HEAD'], workspace) ?? '0'.repeat(40);
  const ref = options.ref ?? (git(['symbolic-ref', '-q', 'HEAD'], workspace) || 'refs/heads/main');
  const repository = options.repository ?? 'local/shipkit-run';
  const root = mkdtempSync(path.join(tmpdir(), 'shipkit-run-'));
  try {
    const temp = path.join(root, 'temp');
    mkdirSync(temp, { recursive: true });
    mkdirSync(path.join(root, 'tool-cache'), { recursive: true });
    const eventPath = path.join(root, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ repository: { full_name: repository }, sender: { login: process.env.USER ?? 'local' } }));
    const inputs: Record<string, string> = {};
    for (const [name, spec] of Object.entries(declared)) {
      const value = options.inputs[name] ?? (spec.default === undefined ? undefined : String(spec.default).replace(/\$\{\{\s*github\.token\s*\}\}/g, ''));
      if (value !== undefined) inputs[inputVariable(name)] = value;
    }
    const env: NodeJS.ProcessEnv = {
      ...(options.env ?? process.env),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      RUNNER_OS: 'Linux',
      RUNNER_TEMP: temp,
      RUNNER_TOOL_CACHE: path.join(root, 'tool-cache'),
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: options.event ?? 'workflow_dispatch',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: ref,
      GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
      GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      GITHUB_SHA: sha,
      GITHUB_REPOSITORY: repository,
      GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'https://api.github.com',
      GITHUB_RUN_ID: String(Date.now()),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_ACTOR: process.env.USER ?? 'local',
      GITHUB_WORKFLOW: 'shipkit run',
      GITHUB_JOB: 'local',
      GITHUB_ACTION: `shipkit-${options.action}`,
      GITHUB_ACTION_PATH: actionDir,
      ...inputs,
    };
    for (const name of Object.keys(env)) if (name.startsWith('INPUT_') && !(name in inputs)) delete env[name];
    const main = await step(path.resolve(actionDir, metadata.runs.main), env, workspace, path.join(root, 'main'), write);
    let exitCode = main.code;
    const postIf = metadata.runs['post-if'] ?? 'success()';
    const postRuns = postIf.includes('always()') || (postIf.includes('failure()') ? main.code !== 0 : main.code === 0);
    if (metadata.runs.post && postRuns) {
      const stateEnv = Object.fromEntries(Object.entries(main.state).map(([key, value]) => [`STATE_${key}`, value]));
      const post = await step(path.resolve(actionDir, metadata.runs.post), { ...env, ...main.exported, ...stateEnv }, workspace, path.join(root, 'post'), write);
      if (post.code !== 0) exitCode = post.code;
    }
    return { exitCode, outputs: main.outputs, summary: main.summary };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
