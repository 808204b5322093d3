/**
 * Every workflow a user sees — the suite's own, every example caller, every workflow and
 * shipkit.yml block of README.md and docs/ — as GitHub reads it when a run starts: parsed with
 * GitHub's parser (@actions/workflow-parser, which also checks the inputs and secrets given to a
 * reusable workflow), the nested jobs' permissions within the caller's (our check: GitHub refuses the
 * whole run otherwise, before any `if:`), outputs referenced exist, and for every example caller the
 * jobs that run on each event (`if:` evaluated with @actions/expressions, `needs` followed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import YAML from 'yaml';
import { parseConfig } from '@shipkit/core';
import {
  EVENTS, ROOT, callerConfig, classifyYaml, docFiles, exampleCallers, loadCalled, markdownBlocks, outputErrors, parse, permissionErrors,
  permissionsText, plan, requiredGrant, shipkitWorkflowFile, suiteWorkflows, type Permissions, type WorkflowSource,
} from './github/workflow-check.js';

const PIPELINES = ['pipeline-develop.yml', 'pipeline-main.yml', 'pipeline-release.yml', 'pipeline-preview.yml', 'rollback.yml'];

/** The YAML blocks of README.md and docs/, each as what it is. */
const docBlocks = docFiles().flatMap((file) => markdownBlocks(file)).filter((block) => block.lang === 'yaml' || block.lang === 'yml');
const docWorkflows: WorkflowSource[] = docBlocks.filter((block) => classifyYaml(block.content) === 'workflow').map((block) => ({ name: `${block.file}:${block.line}`, content: block.content }));

describe('GitHub\'s parser accepts every workflow', () => {
  test.each([...suiteWorkflows(), ...exampleCallers(), ...docWorkflows].map((source) => [source.name, source] as const))('%s', async (_name, source) => {
    const parsed = await parse(source);
    expect(parsed.errors).toEqual([]);
    expect(permissionErrors(parsed.raw)).toEqual([]);
    expect(outputErrors(parsed.raw)).toEqual([]);
  });

  test('every YAML block of the docs is a workflow, a list of steps or a shipkit.yml (whole or a part): nothing goes unchecked', () => {
    const kinds = docBlocks.map((block) => [`${block.file}:${block.line}`, classifyYaml(block.content)]);
    expect(kinds.filter(([, kind]) => kind === 'other' || kind === 'action-metadata')).toEqual([]);
    expect(docWorkflows.length).toBeGreaterThanOrEqual(3);
  });

  test.each(docBlocks.filter((block) => classifyYaml(block.content) === 'steps').map((block) => [`${block.file}:${block.line}`, block] as const))('steps in %s parse inside a job', async (name, block) => {
    const steps = block.content.replace(/^/gm, '      ');
    const content = `on: push\npermissions: {}\njobs:\n  job:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
    expect((await parse({ name, content })).errors).toEqual([]);
  });

  test.each(docBlocks.filter((block) => classifyYaml(block.content) === 'config').map((block) => [`${block.file}:${block.line}`, block] as const))('the shipkit.yml in %s is valid against the schema', (name, block) => {
    expect(() => parseConfig(block.content, name)).not.toThrow();
  });

  test.each(docBlocks.filter((block) => classifyYaml(block.content) === 'config-fragment').map((block) => [`${block.file}:${block.line}`, block] as const))('the part of a shipkit.yml in %s is valid inside a config', (name, block) => {
    const fragment = YAML.parse(block.content) as { environments?: Record<string, Record<string, unknown>> };
    // An environment shown for one of its fields gets a target around it (the fields shown are checked as written).
    const environments = Object.fromEntries(Object.entries(fragment.environments ?? {}).map(([env, fields]) => [env, 'target' in fields ? fields : { target: 's3', s3: { bucket: `shop-${env}` }, ...fields }]));
    const config = { app: 'shop', state: 's3://shop-deploy/shipkit', ...fragment, environments };
    expect(() => parseConfig(YAML.stringify(config), name)).not.toThrow();
  });
});

describe('the checks catch what GitHub refuses', () => {
  const consumerDevelop = readFileSync(path.join(ROOT, 'examples', 'consumer', '.github', 'workflows', 'develop.yml'), 'utf8');

  test('a caller missing packages: write is refused the way GitHub refuses the run', async () => {
    const content = consumerDevelop.replace(/^\s+packages: write.*\n/m, '');
    expect(content).not.toBe(consumerDevelop);
    const parsed = await parse({ name: 'develop.yml', content });
    expect(parsed.errors).toEqual([]); // GitHub's parser has no such check: it is ours
    expect(permissionErrors(parsed.raw)).toEqual([
      "pipeline: The nested job 'build' is requesting 'packages: write', but is only allowed 'packages: none'.",
      "pipeline: The nested job 'scan' is requesting 'packages: read', but is only allowed 'packages: none'.",
    ]);
  });

  test('a job-level grant replaces the workflow\'s; no grant at all is the restricted default (contents and packages read)', async () => {
    const jobLevel = (await parse({ name: 'x.yml', content: consumerDevelop.replace('    uses: shipkit/', '    permissions: { contents: read }\n    uses: shipkit/') })).raw;
    expect(permissionErrors(jobLevel)).toContain("pipeline: The nested job 'deploy' is requesting 'id-token: write', but is only allowed 'id-token: none'.");
    const none = (await parse({ name: 'x.yml', content: consumerDevelop.replace(/^permissions:\n( {2}.*\n)+/m, '') })).raw;
    expect(permissionErrors(none)).toContain("pipeline: The nested job 'build' is requesting 'packages: write', but is only allowed 'packages: read'.");
  });

  test('an unknown input, a missing required input or secret is reported by GitHub\'s parser', async () => {
    const unknown = await parse({ name: 'develop.yml', content: consumerDevelop.replace('source-dir: frontend/dist', 'source-dir: frontend/dist\n      sourcedir: frontend/dist') });
    expect(unknown.errors).toEqual([expect.stringContaining('Invalid input, sourcedir is not defined in the referenced workflow.')]);
    const rollback = readFileSync(path.join(ROOT, 'examples', 'consumer', '.github', 'workflows', 'rollback.yml'), 'utf8');
    const missing = await parse({ name: 'rollback.yml', content: rollback.replace(/^ +reason: \$\{\{ inputs\.reason \}\}\n/m, '') });
    expect(missing.errors).toEqual([expect.stringContaining('Input reason is required, but not provided while calling.')]);
    const secret = await parse({ name: 'develop.yml', content: consumerDevelop.replace('slack-webhook-url:', 'slack-webhook:') });
    expect(secret.errors).toEqual([expect.stringContaining('Invalid secret, slack-webhook is not defined in the referenced workflow.')]);
  });

  test('an output that does not exist is refused (caller and pipeline)', () => {
    const caller = YAML.parse(consumerDevelop);
    caller.jobs.after = { needs: 'pipeline', 'runs-on': 'ubuntu-latest', steps: [{ run: 'echo "$U"', env: { U: '${{ needs.pipeline.outputs.link }}' } }] };
    expect(outputErrors(caller)).toEqual(['after: needs.pipeline.outputs.link: pipeline has no output link (it has release, url, images, rolled-back)']);
    const pipeline = loadCalled('shipkit/shipkit/.github/workflows/pipeline-develop.yml@v1')!;
    pipeline.jobs!.deploy.needs = ['plan', 'build', 'static'];
    expect(outputErrors(pipeline)).toEqual([]);
    pipeline.jobs!.notify.needs = ['deploy'];
    expect(outputErrors(pipeline)).toEqual([]);
    pipeline.jobs!.deploy.needs = ['plan', 'scan', 'static'];
    expect(outputErrors(pipeline)).toEqual(["deploy: needs.build.outputs.images: build is not in needs (plan, scan, static)"]);
  });
});

describe('what a caller grants: the one table in docs/pipelines.md is what the pipelines request', () => {
  const doc = readFileSync(path.join(ROOT, 'docs', 'pipelines.md'), 'utf8');
  const text = doc.slice(doc.indexOf('## Permissions: what the caller grants'));
  test.each(PIPELINES)('%s', (file) => {
    const row = new RegExp(`^\\| \`${file.replace('.', '\\.')}\` \\| ([^|]+) \\|`, 'm').exec(text);
    expect(row).not.toBeNull();
    const documented = row![1].trim().replace(/`/g, '');
    const required = requiredGrant(loadCalled(`./.github/workflows/${file}`)!) as Permissions;
    expect(documented).toBe(permissionsText(required));
  });
});

/**
 * The jobs each example caller runs for each event (`caller job/nested job`, `@runner` when it is
 * not ubuntu-latest). A static site runs no build or scan job; a fork gets no preview.
 */
const PLANS: Record<string, Record<string, string[]>> = {
  // One job calling the actions itself (Workload Identity Federation first): staging on main, production on a tag.
  'examples/cloud-run/.github/workflows/deploy.yml': {
    'push to main': ['deploy'],
    'tag v1.2.3': ['deploy'],
  },
  'examples/consumer/.github/workflows/develop.yml': {
    'push to develop': ['pipeline', 'pipeline/plan', 'pipeline/build', 'pipeline/scan', 'pipeline/static', 'pipeline/deploy', 'pipeline/notify'],
  },
  'examples/consumer/.github/workflows/main.yml': {
    'push to main': ['pipeline', 'pipeline/plan@staging-proxy', 'pipeline/build@staging-proxy', 'pipeline/scan@staging-proxy', 'pipeline/static@staging-proxy', 'pipeline/deploy@staging-proxy', 'pipeline/mark-tested@staging-proxy', 'pipeline/notify@staging-proxy'],
  },
  'examples/consumer/.github/workflows/preview.yml': {
    'pull request': ['preview', 'preview/gate', 'preview/static', 'preview/deploy'],
    'pull request from a fork': ['preview', 'preview/gate'],
    'pull request closed': ['preview', 'preview/gate', 'preview/remove'],
  },
  'examples/consumer/.github/workflows/release.yml': {
    'tag v1.2.3': ['pipeline', 'pipeline/promote', 'pipeline/scan', 'pipeline/static', 'pipeline/deploy', 'pipeline/alias-tags', 'pipeline/notify'],
  },
  'examples/consumer/.github/workflows/rollback.yml': {
    workflow_dispatch: ['rollback', 'rollback/rollback@staging-proxy', 'rollback/notify@staging-proxy'],
  },
  // Images only (no static files): build, scan and deploy; the kubeconfig arrives as a secret.
  'examples/kubernetes/.github/workflows/develop.yml': {
    'push to develop': ['pipeline', 'pipeline/plan', 'pipeline/build', 'pipeline/scan', 'pipeline/deploy', 'pipeline/notify'],
  },
  'examples/kubernetes/.github/workflows/main.yml': {
    'push to main': ['pipeline', 'pipeline/plan', 'pipeline/build', 'pipeline/scan', 'pipeline/deploy', 'pipeline/mark-tested', 'pipeline/notify'],
  },
  'examples/kubernetes/.github/workflows/release.yml': {
    'tag v1.2.3': ['pipeline', 'pipeline/promote', 'pipeline/scan', 'pipeline/deploy', 'pipeline/alias-tags', 'pipeline/notify'],
  },
  'examples/kubernetes/.github/workflows/rollback.yml': {
    workflow_dispatch: ['rollback', 'rollback/rollback', 'rollback/notify'],
  },
  'examples/static-site/.github/workflows/develop.yml': {
    'push to develop': ['pipeline', 'pipeline/plan', 'pipeline/static', 'pipeline/deploy', 'pipeline/notify'],
  },
  'examples/static-site/.github/workflows/main.yml': {
    'push to main': ['pipeline', 'pipeline/plan', 'pipeline/static', 'pipeline/deploy', 'pipeline/notify'],
  },
  // No images: promote finds none, so no build, scan or image aliases; the files are promoted.
  'examples/static-site/.github/workflows/release.yml': {
    'tag v1.2.3': ['pipeline', 'pipeline/promote', 'pipeline/static', 'pipeline/deploy', 'pipeline/notify'],
  },
  // Every job on the self-hosted runner next to nginx (the deploy job switches the include there).
  'examples/static-site-nginx/.github/workflows/release.yml': {
    'tag v1.2.3': ['pipeline', 'pipeline/promote@docs-proxy', 'pipeline/static@docs-proxy', 'pipeline/deploy@docs-proxy', 'pipeline/notify@docs-proxy'],
  },
};

describe('job plans: the jobs every example caller runs on each event', () => {
  const callers = exampleCallers();

  test('every example caller has its plans written down here', () => {
    expect(callers.map((source) => source.name).sort()).toEqual(Object.keys(PLANS).sort());
  });

  test.each(callers.map((source) => [source.name, source] as const))('%s', async (name, source) => {
    const parsed = await parse(source);
    const config = callerConfig(source);
    const actual = Object.fromEntries(
      EVENTS.map((event) => [event.name, plan(parsed, { event, config }).map((job) => job.id + (job.runsOn && job.runsOn !== 'ubuntu-latest' ? `@${String(job.runsOn)}` : ''))]).filter(([, jobs]) => jobs.length > 0),
    );
    expect(actual).toEqual(PLANS[name]);
  });

  test('examples/static-site sends main to a direct staging: the direct pipeline with environment staging', async () => {
    const source = callers.find((caller) => caller.name === 'examples/static-site/.github/workflows/main.yml')!;
    const [pipeline] = plan(await parse(source), { event: EVENTS.find((event) => event.name === 'push to main')!, config: callerConfig(source) });
    expect(pipeline.with).toMatchObject({ environment: 'staging', 'source-dir': 'site/dist' });
  });

  test('the callers call shipkit\'s pipelines, which exist here', () => {
    for (const source of callers) {
      for (const job of Object.values((YAML.parse(source.content) as { jobs: Record<string, { uses?: string }> }).jobs)) {
        if (job.uses) expect([source.name, job.uses, shipkitWorkflowFile(job.uses) !== undefined]).toEqual([source.name, job.uses, true]);
      }
    }
  });
});
