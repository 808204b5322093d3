/**
 * Workflows as GitHub reads them: `@actions/workflow-parser` (the parser of GitHub's language
 * services) parses a workflow and, through a file provider, the reusable workflow each job calls —
 * it reports schema errors, required inputs and secrets not given and unknown inputs and secrets.
 * What it does not check is ours, here:
 *
 * - permissions: when a run starts GitHub refuses the whole run if any job of a called workflow
 *   requests more than the caller's job is allowed ("The nested job 'build' is requesting
 *   'packages: write', but is only allowed 'packages: none'"), before any `if:` is evaluated;
 * - outputs referenced (`needs.<job>.outputs.<name>`, `jobs.<job>.outputs.<name>`) exist;
 * - a job plan per event: which jobs run, `if:` evaluated with `@actions/expressions` and `needs`
 *   followed, the way the runner service decides, for the happy path (every job that runs succeeds).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { convertWorkflowTemplate, isBasicExpression, isBoolean, isMapping, isNumber, isSequence, isString, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import type { WorkflowJob, WorkflowTemplate } from '@actions/workflow-parser/model/workflow-template';
import type { FileReference } from '@actions/workflow-parser/workflows/file-reference';
import { minimatch } from 'minimatch';
import YAML from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A workflow (or a docs block) to check: its text and where it comes from. */
export interface WorkflowSource {
  /** e.g. `examples/static-site/.github/workflows/develop.yml` or `docs/adopt.md:63` */
  name: string;
  content: string;
  /** The directory its `.github/shipkit.yml` is relative to (an example's root), if any. */
  repoRoot?: string;
}

// ---------------------------------------------------------------------------------------------
// Sources

export function listWorkflows(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => path.join(dir, name)) : [];
}

export const suiteWorkflows = (): WorkflowSource[] =>
  listWorkflows(path.join(ROOT, '.github', 'workflows')).map((file) => ({ name: path.relative(ROOT, file), content: readFileSync(file, 'utf8'), repoRoot: ROOT }));

/** Every example's callers (examples/<name>/.github/workflows/*.yml). */
export const exampleCallers = (): WorkflowSource[] =>
  readdirSync(path.join(ROOT, 'examples')).sort().flatMap((example) =>
    listWorkflows(path.join(ROOT, 'examples', example, '.github', 'workflows')).map((file) => ({
      name: path.relative(ROOT, file),
      content: readFileSync(file, 'utf8'),
      repoRoot: path.join(ROOT, 'examples', example),
    })),
  );

export interface MarkdownBlock { file: string; line: number; lang: string; content: string }

/** The fenced code blocks of a markdown file (line = the line of the opening fence). */
export function markdownBlocks(file: string): MarkdownBlock[] {
  const text = readFileSync(file, 'utf8');
  const blocks: MarkdownBlock[] = [];
  const re = /^```([\w-]*)[^\n]*\n([\s\S]*?)^```/gm;
  for (const match of text.matchAll(re)) {
    blocks.push({ file: path.relative(ROOT, file), line: text.slice(0, match.index).split('\n').length, lang: match[1], content: match[2] });
  }
  return blocks;
}

export const docFiles = (): string[] => [path.join(ROOT, 'README.md'), ...readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => path.join(ROOT, 'docs', name))];

export type BlockKind = 'workflow' | 'steps' | 'config' | 'config-fragment' | 'action-metadata' | 'other';

/** What a YAML block of the docs is: a workflow, a list of steps, a shipkit.yml (whole or a fragment). */
export function classifyYaml(content: string): BlockKind {
  const value = YAML.parse(content) as unknown;
  if (Array.isArray(value)) return 'steps';
  if (!value || typeof value !== 'object') return 'other';
  const keys = Object.keys(value);
  if (keys.includes('jobs') || keys.includes('on')) return 'workflow';
  if (keys.includes('app') && keys.includes('environments')) return 'config';
  if (keys.some((key) => ['environments', 'state', 'cdn', 'smoke', 'images', 'registry', 'aws', 'app'].includes(key))) return 'config-fragment';
  if (keys.includes('runs')) return 'action-metadata';
  return 'other';
}

// ---------------------------------------------------------------------------------------------
// Parsing with GitHub's parser

/**
 * The reusable workflows a caller may name: shipkit's own, at any ref (they resolve to this
 * checkout's files), and `./.github/workflows/...` of this repository (the CI self-test).
 */
export function shipkitWorkflowFile(ref: string): string | undefined {
  const remote = /^shipkit\/shipkit\/(\.github\/workflows\/[\w.-]+\.ya?ml)@[\w./-]+$/.exec(ref);
  const local = /^\.\/(\.github\/workflows\/[\w.-]+\.ya?ml)$/.exec(ref);
  const relative = remote?.[1] ?? local?.[1];
  return relative ? path.join(ROOT, relative) : undefined;
}

const fileProvider = {
  async getFileContent(ref: FileReference) {
    const full = 'owner' in ref ? `${ref.owner}/${ref.repository}/${ref.path}@${ref.version}` : `./${ref.path}`;
    const file = shipkitWorkflowFile(full);
    if (!file || !existsSync(file)) throw new Error(`no such reusable workflow here: ${full}`);
    return { name: path.relative(ROOT, file), content: readFileSync(file, 'utf8') };
  },
};

export interface Parsed {
  source: WorkflowSource;
  template: WorkflowTemplate;
  /** The parser's errors (schema, expressions, reusable workflow inputs and secrets). */
  errors: string[];
  /** The same YAML as plain data (for what the parser's model leaves out: permissions). */
  raw: RawWorkflow;
}

export interface RawJob { uses?: string; with?: Record<string, unknown>; secrets?: unknown; permissions?: unknown; needs?: string | string[]; outputs?: Record<string, string>; 'runs-on'?: unknown; steps?: unknown[] }
export interface RawWorkflow { on?: unknown; permissions?: unknown; jobs?: Record<string, RawJob> }

export async function parse(source: WorkflowSource): Promise<Parsed> {
  const result = parseWorkflow({ name: source.name, content: source.content }, new NoOperationTraceWriter());
  const template = result.value
    ? await convertWorkflowTemplate(result.context, result.value, fileProvider, { fetchReusableWorkflowDepth: 1, maxReusableWorkflowDepth: 4 })
    : ({ errors: result.context.errors.getErrors().map((error) => ({ Message: error.message })) } as WorkflowTemplate);
  const errors = [...new Set([...(template.errors ?? []).map((error) => error.Message), ...result.context.errors.getErrors().map((error) => error.message)])];
  return { source, template, errors, raw: (YAML.parse(source.content) ?? {}) as RawWorkflow };
}

// ---------------------------------------------------------------------------------------------
// Permissions (our check: the parser has none)

export const SCOPES = ['actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models', 'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses'] as const;
export type Level = 'none' | 'read' | 'write';
export type Permissions = Record<string, Level>;
const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 };

/**
 * A `permissions:` value as the token GitHub mints: `undefined` when absent (inherit), every scope
 * named (the ones not listed are `none`).
 */
export function normalizePermissions(value: unknown): Permissions | undefined {
  if (value === undefined || value === null) return undefined;
  const all = (level: Level): Permissions => Object.fromEntries(SCOPES.map((scope) => [scope, scope === 'id-token' && level === 'read' ? 'none' : level]));
  if (value === 'read-all') return all('read');
  if (value === 'write-all') return all('write');
  if (typeof value !== 'object') throw new Error(`permissions: ${JSON.stringify(value)} is not read-all, write-all or a mapping`);
  const result = all('none');
  for (const [scope, level] of Object.entries(value as Record<string, string>)) result[scope] = level as Level;
  return result;
}

/**
 * What a repository grants a workflow that sets no `permissions:` when its default is the
 * restricted one (GitHub's default for new repositories and organisations): contents and packages
 * read. A caller should always say what it grants; this is only the fallback.
 */
export const RESTRICTED_DEFAULT: Permissions = { ...normalizePermissions({})!, contents: 'read', packages: 'read' };

/** `contents: read, id-token: write` (scopes in GitHub's order, `none` left out). */
export const permissionsText = (permissions: Partial<Permissions>): string =>
  Object.entries(permissions)
    .filter(([, level]) => level && level !== 'none')
    .sort(([a], [b]) => SCOPES.indexOf(a as (typeof SCOPES)[number]) - SCOPES.indexOf(b as (typeof SCOPES)[number]))
    .map(([scope, level]) => `${scope}: ${level}`)
    .join(', ') || 'none';

/** What each job of a reusable workflow requests (the workflow's top level when the job sets none; undefined = inherits the caller's). */
export function requestedPermissions(called: RawWorkflow): Record<string, Permissions | undefined> {
  const top = normalizePermissions(called.permissions);
  return Object.fromEntries(Object.entries(called.jobs ?? {}).map(([name, job]) => [name, normalizePermissions(job.permissions) ?? top]));
}

/** The least a caller must grant for a reusable workflow to start: the union of its jobs' requests. */
export function requiredGrant(called: RawWorkflow): Partial<Permissions> {
  const grant: Partial<Permissions> = {};
  for (const permissions of Object.values(requestedPermissions(called))) {
    for (const [scope, level] of Object.entries(permissions ?? {})) {
      if (RANK[level] > RANK[grant[scope] ?? 'none']) grant[scope] = level;
    }
  }
  return grant;
}

/**
 * GitHub's start-up check, for every job of `caller` that calls a reusable workflow: each nested
 * job's permissions within what the caller's job is allowed. Messages as GitHub words them.
 */
export function permissionErrors(caller: RawWorkflow, load: (ref: string) => RawWorkflow | undefined = loadCalled): string[] {
  const errors: string[] = [];
  const top = normalizePermissions(caller.permissions);
  for (const [jobName, job] of Object.entries(caller.jobs ?? {})) {
    if (!job.uses) continue;
    const called = load(job.uses);
    if (!called) continue;
    const allowed = normalizePermissions(job.permissions) ?? top ?? RESTRICTED_DEFAULT;
    for (const [nested, requested] of Object.entries(requestedPermissions(called))) {
      for (const [scope, level] of Object.entries(requested ?? {})) {
        const granted = allowed[scope] ?? 'none';
        if (RANK[level] > RANK[granted]) {
          errors.push(`${jobName}: The nested job '${nested}' is requesting '${scope}: ${level}', but is only allowed '${scope}: ${granted}'.`);
        }
      }
    }
  }
  return errors;
}

export function loadCalled(ref: string): RawWorkflow | undefined {
  const file = shipkitWorkflowFile(ref);
  return file && existsSync(file) ? (YAML.parse(readFileSync(file, 'utf8')) as RawWorkflow) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Outputs referenced exist

/**
 * Every `needs.<job>.outputs.<name>` in a job names a job it needs and an output that job
 * declares (for a reusable workflow job: an output of the called workflow); every
 * `jobs.<job>.outputs.<name>` in a workflow_call output names a declared job output.
 */
export function outputErrors(workflow: RawWorkflow, load: (ref: string) => RawWorkflow | undefined = loadCalled): string[] {
  const errors: string[] = [];
  const jobs = workflow.jobs ?? {};
  const declared = (jobName: string): string[] | undefined => {
    const job = jobs[jobName];
    if (!job) return undefined;
    if (job.uses) {
      const called = load(job.uses);
      const outputs = ((called?.on as { workflow_call?: { outputs?: Record<string, unknown> } } | undefined)?.workflow_call?.outputs) ?? {};
      return Object.keys(outputs);
    }
    return Object.keys(job.outputs ?? {});
  };
  for (const [jobName, job] of Object.entries(jobs)) {
    const needs = [job.needs ?? []].flat();
    for (const [, other, output] of JSON.stringify(job).matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (!needs.includes(other)) errors.push(`${jobName}: needs.${other}.outputs.${output}: ${other} is not in needs (${needs.join(', ') || 'none'})`);
      else if (!declared(other)?.includes(output)) errors.push(`${jobName}: needs.${other}.outputs.${output}: ${other} has no output ${output} (it has ${declared(other)?.join(', ') || 'none'})`);
    }
  }
  const callOutputs = (workflow.on as { workflow_call?: { outputs?: Record<string, { value: string }> } } | undefined)?.workflow_call?.outputs ?? {};
  for (const [name, output] of Object.entries(callOutputs)) {
    for (const [, other, field] of String(output.value).matchAll(/jobs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (!declared(other)?.includes(field)) errors.push(`on.workflow_call.outputs.${name}: jobs.${other}.outputs.${field} is not declared`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Job plans

export interface Event {
  name: string;
  eventName: 'push' | 'pull_request' | 'workflow_dispatch';
  ref: string;
  payload: Record<string, unknown>;
  /** workflow_dispatch inputs (the caller's own) */
  inputs?: Record<string, string>;
}

const REPOSITORY = 'acme/site';
const pullRequest = (head: string, action = 'opened') => ({ action, number: 7, pull_request: { number: 7, head: { ref: 'feature', repo: { full_name: head } }, base: { ref: 'main', repo: { full_name: REPOSITORY } } } });

/** The events every example caller is planned for. */
export const EVENTS: Event[] = [
  { name: 'push to develop', eventName: 'push', ref: 'refs/heads/develop', payload: {} },
  { name: 'push to main', eventName: 'push', ref: 'refs/heads/main', payload: {} },
  { name: 'tag v1.2.3', eventName: 'push', ref: 'refs/tags/v1.2.3', payload: {} },
  { name: 'pull request', eventName: 'pull_request', ref: 'refs/pull/7/merge', payload: pullRequest(REPOSITORY) },
  { name: 'pull request from a fork', eventName: 'pull_request', ref: 'refs/pull/7/merge', payload: pullRequest('someone/site') },
  { name: 'pull request closed', eventName: 'pull_request', ref: 'refs/pull/7/merge', payload: pullRequest(REPOSITORY, 'closed') },
  { name: 'workflow_dispatch', eventName: 'workflow_dispatch', ref: 'refs/heads/main', payload: {}, inputs: { environment: 'staging', to: 'previous', reason: 'a test' } },
];

/** Does the workflow's `on:` start a run for this event (branch, tag and type filters)? */
export function triggers(template: WorkflowTemplate, event: Event): boolean {
  const config = template.events?.[event.eventName] as { branches?: string[]; 'branches-ignore'?: string[]; tags?: string[]; 'tags-ignore'?: string[]; types?: string[] } | undefined;
  if (!config) return false;
  const match = (name: string, patterns: string[]) => patterns.some((pattern) => minimatch(name, pattern));
  if (event.eventName === 'push') {
    const tag = event.ref.startsWith('refs/tags/');
    const name = event.ref.replace(/^refs\/(heads|tags)\//, '');
    const hasBranchFilter = Boolean(config.branches || config['branches-ignore']);
    const hasTagFilter = Boolean(config.tags || config['tags-ignore']);
    if (tag) {
      if (!hasTagFilter) return !hasBranchFilter;
      return config.tags ? match(name, config.tags) : !match(name, config['tags-ignore']!);
    }
    if (!hasBranchFilter) return !hasTagFilter;
    return config.branches ? match(name, config.branches) : !match(name, config['branches-ignore']!);
  }
  if (event.eventName === 'pull_request') {
    const types = config.types ?? ['opened', 'synchronize', 'reopened'];
    const base = (event.payload as { pull_request: { base: { ref: string } } }).pull_request.base.ref;
    if (config.branches && !match(base, config.branches)) return false;
    return types.includes(String(event.payload.action));
  }
  return true;
}

/**
 * The outputs of jobs whose values come from shell steps, as the step computes them for an example
 * (the planner cannot run the steps): keyed `<workflow file>#<job>`.
 */
export type OutputOracle = (workflow: string, job: string, ctx: { inputs: Record<string, unknown>; event: Event; config: Record<string, unknown> }) => Record<string, string>;

/** shipkit's pipelines: what their planning steps answer for a given config, event and inputs. */
export const shipkitOutputs: OutputOracle = (workflow, job, { inputs, event, config }): Record<string, string> => {
  const hasImages = Boolean(inputs.images) || ((config.images as unknown[] | undefined)?.length ?? 0) > 0;
  const file = path.basename(workflow);
  if ((file === 'pipeline-develop.yml' || file === 'pipeline-main.yml') && job === 'plan') return { images: String(hasImages) };
  if (file === 'pipeline-release.yml' && job === 'promote') {
    const registry = Boolean(inputs.registry || config.registry);
    // The happy path: main tested the tag's commit, so its digests are promoted.
    return { 'any-images': String(hasImages), 'has-images': String(hasImages && registry), promoted: hasImages && registry ? 'true' : '' };
  }
  if (file === 'pipeline-preview.yml' && job === 'gate') {
    const pr = event.payload as { action?: string; pull_request?: { head: { repo: { full_name: string } } } };
    return { preview: String(pr.pull_request?.head.repo.full_name === REPOSITORY), closed: String(pr.action === 'closed') };
  }
  return {};
};

const CONTEXTS = ['github', 'inputs', 'needs', 'vars', 'secrets', 'env', 'job', 'jobs', 'steps', 'runner', 'strategy', 'matrix'];

function toData(value: unknown): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData;
}

/** Evaluates a `${{ }}` expression's body with GitHub's expression engine. */
export function evaluate(expression: string, context: Record<string, unknown>, needs: Record<string, { result: string }> = {}): data.ExpressionData {
  const results = Object.values(needs).map((need) => need.result);
  const status = (name: string, value: () => boolean): FunctionDefinition => ({ name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value()) });
  const functions = [
    status('success', () => results.every((result) => result === 'success')),
    status('failure', () => results.some((result) => result === 'failure')),
    status('cancelled', () => false),
    status('always', () => true),
  ];
  const { tokens } = new Lexer(expression).lex();
  const tree = new Parser(tokens, CONTEXTS, functions).parse();
  return new Evaluator(tree, toData(context) as data.Dictionary, new Map(functions.map((fn) => [fn.name, fn]))).evaluate();
}

/** A token's value: literals as they are, expressions evaluated. */
function tokenValue(token: TemplateToken | undefined, context: Record<string, unknown>): unknown {
  if (!token) return undefined;
  if (isBasicExpression(token)) {
    const value = evaluate(token.expression, context);
    return value.kind === data.Kind.String || value.kind === data.Kind.Boolean || value.kind === data.Kind.Number ? (value as { value: unknown }).value : value.coerceString();
  }
  if (isString(token)) return token.value;
  if (isBoolean(token)) return token.value;
  if (isNumber(token)) return token.value;
  if (isSequence(token)) return [...token].map((item) => tokenValue(item, context));
  if (isMapping(token)) return Object.fromEntries([...token].map((pair) => [String(tokenValue(pair.key, context)), tokenValue(pair.value, context)]));
  return undefined;
}

export interface PlannedJob {
  /** `<caller job>` or `<caller job>/<nested job>` */
  id: string;
  runsOn?: unknown;
  /** for a job that calls a reusable workflow: the inputs it passes */
  with?: Record<string, unknown>;
}

export interface PlanOptions {
  event: Event;
  /** the caller repository's config (for the oracle), read from `.github/shipkit.yml` of its root */
  config?: Record<string, unknown>;
  vars?: Record<string, string>;
  oracle?: OutputOracle;
}

function githubContext(event: Event) {
  const tag = event.ref.startsWith('refs/tags/');
  return {
    event_name: event.eventName,
    ref: event.ref,
    ref_name: event.ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\/(\d+)\/merge$/, '$1/merge'),
    ref_type: tag ? 'tag' : 'branch',
    repository: REPOSITORY,
    repository_owner: REPOSITORY.split('/')[0],
    event: event.payload,
    sha: '0123456789abcdef0123456789abcdef01234567',
    actor: 'octocat',
    server_url: 'https://github.com',
    run_id: '1',
  };
}

/** Orders jobs so that every job comes after the jobs it needs. */
function ordered(jobs: WorkflowJob[]): WorkflowJob[] {
  const byId = new Map(jobs.map((job) => [job.id.value, job]));
  const done = new Set<string>();
  const out: WorkflowJob[] = [];
  const visit = (job: WorkflowJob) => {
    if (done.has(job.id.value)) return;
    done.add(job.id.value);
    for (const need of job.needs ?? []) visit(byId.get(need.value)!);
    out.push(job);
  };
  jobs.forEach(visit);
  return out;
}

/**
 * The jobs that run for an event, in dependency order, when every job that runs succeeds: `if:`
 * evaluated (the parser adds GitHub's implicit `success() &&`), needs followed, reusable workflows
 * expanded with their inputs' defaults and the values the caller passes.
 */
export function plan(parsed: Parsed, options: PlanOptions): PlannedJob[] {
  const { event } = options;
  if (!triggers(parsed.template, event)) return [];
  const github = githubContext(event);
  const vars = options.vars ?? { SHIPKIT_AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/shipkit-deploy' };
  const planned: PlannedJob[] = [];
  const run = (jobs: WorkflowJob[], inputs: Record<string, unknown>, prefix: string, file: string) => {
    const results: Record<string, { result: string; outputs: Record<string, string> }> = {};
    for (const job of ordered(jobs)) {
      const id = job.id.value;
      const needs = Object.fromEntries((job.needs ?? []).map((need) => [need.value, results[need.value]]));
      const context = { github, inputs, vars, needs };
      const runs = truthy(evaluate(job.if.expression, context, needs));
      if (!runs) {
        results[id] = { result: 'skipped', outputs: {} };
        continue;
      }
      if (job.type === 'reusableWorkflowJob') {
        const definitions = (tokenValue(job['input-definitions'], context) ?? {}) as Record<string, { default?: unknown }>;
        const given = (tokenValue(job['input-values'], context) ?? {}) as Record<string, unknown>;
        const nestedInputs = { ...Object.fromEntries(Object.entries(definitions).map(([name, definition]) => [name, definition.default ?? ''])), ...given };
        planned.push({ id: prefix + id, with: given });
        run(job.jobs ?? [], nestedInputs, `${prefix}${id}/`, shipkitWorkflowFile(job.ref.value) ?? job.ref.value);
      } else {
        planned.push({ id: prefix + id, runsOn: tokenValue(job['runs-on'], context) });
      }
      const outputs = (options.oracle ?? shipkitOutputs)(file, id, { inputs, event, config: options.config ?? {} });
      results[id] = { result: 'success', outputs };
    }
  };
  const dispatchInputs = event.eventName === 'workflow_dispatch' ? (event.inputs ?? {}) : {};
  run(parsed.template.jobs ?? [], dispatchInputs, '', parsed.source.name);
  return planned;
}

/** The config of a caller's repository (its `.github/shipkit.yml`), or {} when there is none. */
export function callerConfig(source: WorkflowSource): Record<string, unknown> {
  const file = source.repoRoot && path.join(source.repoRoot, '.github', 'shipkit.yml');
  return file && existsSync(file) ? ((YAML.parse(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>) : {};
}
