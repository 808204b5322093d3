/**
 * The reusable workflows' contract, checked where actionlint cannot look: the shipkit actions they
 * run from the .shipkit checkout get only inputs their action.yml declares and are read only for
 * outputs it declares; third-party actions are pinned by commit SHA; permissions are per job and
 * minimal; deploys queue per environment; inputs reach `run:` only through `env:`. Plus the lint
 * script's acceptance of exactly the two 2026 constructs actionlint 1.7.7 does not know.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import YAML from 'yaml';
// @ts-expect-error -- a plain ESM script without type declarations
import { rewriteAccepted } from '../scripts/actionlint.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORKFLOWS = ['pipeline-develop.yml', 'pipeline-main.yml', 'pipeline-release.yml', 'pipeline-preview.yml', 'rollback.yml'];

interface Step { id?: string; name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown>; if?: string }
interface Job { needs?: string | string[]; if?: string; steps?: Step[]; permissions?: Record<string, string>; concurrency?: { group: string; 'cancel-in-progress': boolean }; environment?: unknown; outputs?: Record<string, string> }
interface Workflow { on: Record<string, unknown>; permissions?: unknown; jobs: Record<string, Job> }

const load = (name: string) => YAML.parse(readFileSync(path.join(ROOT, '.github', 'workflows', name), 'utf8')) as Workflow;
const actionMeta = (name: string) => YAML.parse(readFileSync(path.join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };

describe.each(WORKFLOWS)('%s', (file) => {
  const workflow = load(file);
  const jobs = Object.entries(workflow.jobs);

  test('is reusable (workflow_call) and grants nothing at the top level', () => {
    expect(workflow.on).toHaveProperty('workflow_call');
    expect(workflow.permissions).toEqual({});
  });

  test('every shipkit action runs from the .shipkit checkout of this workflow\'s commit, with declared inputs and outputs only', () => {
    for (const [jobName, job] of jobs) {
      const steps = job.steps ?? [];
      const shipkitIds = new Map<string, string>();
      steps.forEach((step, index) => {
        if (!step.uses?.startsWith('./')) return;
        const match = /^\.\/\.shipkit\/actions\/([a-z-]+)$/.exec(step.uses);
        expect(match).not.toBeNull();
        const action = match![1];
        const meta = actionMeta(action);
        for (const input of Object.keys(step.with ?? {})) expect([`${jobName}.${action}.${input}`, input in (meta.inputs ?? {})]).toEqual([`${jobName}.${action}.${input}`, true]);
        if (step.id) shipkitIds.set(step.id, action);
        const checkout = steps.slice(0, index).find((earlier) => (earlier.with as { path?: string } | undefined)?.path === '.shipkit');
        expect(checkout?.with).toMatchObject({ repository: '${{ job.workflow_repository }}', ref: '${{ job.workflow_sha }}', 'persist-credentials': false });
      });
      const text = JSON.stringify(job);
      for (const [, id, output] of text.matchAll(/steps\.([a-z-]+)\.outputs\.([a-z-]+)/g)) {
        const action = shipkitIds.get(id);
        if (action) expect([`${jobName}: steps.${id}.outputs.${output}`, output in (actionMeta(action).outputs ?? {})]).toEqual([`${jobName}: steps.${id}.outputs.${output}`, true]);
      }
    }
  });

  test('third-party actions are pinned by full commit SHA with a version comment', () => {
    const text = readFileSync(path.join(ROOT, '.github', 'workflows', file), 'utf8');
    const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*([^\s#]+)(.*)$/gm)].filter(([, ref]) => !ref.startsWith('./'));
    expect(uses.length).toBeGreaterThan(0);
    for (const [, ref, rest] of uses) {
      expect(ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(rest).toMatch(/# v\d+\.\d+\.\d+/);
    }
  });

  test('every job declares its permissions; only SARIF upload jobs get security-events: write', () => {
    for (const [name, job] of jobs) {
      expect([name, job.permissions]).not.toEqual([name, undefined]);
      const uploadsSarif = (job.steps ?? []).some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
      expect([name, job.permissions?.['security-events'] === 'write']).toEqual([name, uploadsSarif]);
      const usesOidc = (job.steps ?? []).some((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      expect([name, job.permissions?.['id-token'] === 'write']).toEqual([name, usesOidc]);
    }
  });

  test('jobs that change an environment queue per environment and are never cancelled; rollbacks queue apart (never dropped behind a deploy)', () => {
    for (const [name, job] of jobs) {
      if (!job.environment) continue;
      const group = file === 'rollback.yml' ? 'shipkit-rollback-${{ inputs.environment }}' : 'shipkit-${{ inputs.environment }}';
      expect([name, job.concurrency]).toEqual([name, { group, 'cancel-in-progress': false }]);
    }
  });

  test('every job that checks out shipkit first fails loudly on an empty workflow context', () => {
    for (const [name, job] of jobs) {
      const steps = job.steps ?? [];
      const checkout = steps.findIndex((step) => (step.with as { path?: string } | undefined)?.path === '.shipkit');
      if (checkout < 0) continue;
      const check = steps.findIndex((step) => step.env?.WORKFLOW_REPOSITORY === '${{ job.workflow_repository }}' && step.env?.WORKFLOW_SHA === '${{ job.workflow_sha }}');
      expect([name, check >= 0 && check < checkout]).toEqual([name, true]);
      expect(steps[check].run).toMatch(/if \[ -z "\$WORKFLOW_REPOSITORY" \] \|\| \[ -z "\$WORKFLOW_SHA" \]; then[\s\S]*exit 1/);
    }
  });

  test('one credential chain: both aws-role-arn and static keys fail at once; static keys only without a role', () => {
    for (const [name, job] of jobs) {
      const steps = job.steps ?? [];
      const oidc = steps.findIndex((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      if (oidc < 0) continue;
      const guard = steps.findIndex((step) => step.name === 'One credential chain');
      expect([name, guard >= 0 && guard < oidc]).toEqual([name, true]);
      expect(steps[guard].run).toMatch(/if \[ -n "\$ROLE" \] && \[ -n "\$KEY_ID" \]; then[\s\S]*aws-role-arn[\s\S]*exit 1/);
      const staticKeys = steps.find((step) => step.env?.SECRET === '${{ secrets.aws-secret-access-key }}');
      expect([name, staticKeys?.if]).toEqual([name, file === 'rollback.yml' ? "env.AWS_ROLE_ARN == ''" : "inputs.aws-role-arn == ''"]);
    }
  });

  test('every job that signs in to AWS can sign in to Azure too (OIDC through azure/login, or a connection string secret), before any shipkit step', () => {
    for (const [name, job] of jobs) {
      const steps = job.steps ?? [];
      const aws = steps.findIndex((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      if (aws < 0) continue;
      const azure = steps.findIndex((step) => step.uses?.startsWith('azure/login@'));
      const shipkit = steps.findIndex((step) => step.uses?.startsWith('./.shipkit/actions/'));
      expect([name, azure > aws && azure < shipkit]).toEqual([name, true]);
      expect(steps[azure].if).toBe("(inputs.azure-client-id || vars.SHIPKIT_AZURE_CLIENT_ID) != ''");
      // The cloud too (China, US Government...): the blob endpoints of those clouds are SHIPKIT_AZURE_BLOB_ENDPOINT's.
      expect(steps[azure].with).toMatchObject({ 'client-id': '${{ inputs.azure-client-id || vars.SHIPKIT_AZURE_CLIENT_ID }}', environment: "${{ inputs.azure-environment || vars.SHIPKIT_AZURE_ENVIRONMENT || 'azurecloud' }}" });
      const connection = steps.find((step) => step.env?.CONNECTION === '${{ secrets.azure-storage-connection-string }}');
      expect([name, connection?.run]).toEqual([name, expect.stringContaining('AZURE_STORAGE_CONNECTION_STRING=$CONNECTION')]);
      expect(steps.indexOf(connection!)).toBeLessThan(shipkit);
    }
  });

  test('inputs, outputs and secrets reach run: only through env:', () => {
    for (const [name, job] of jobs) {
      for (const step of job.steps ?? []) {
        if (step.run) expect([name, step.run.includes('${{')]).toEqual([name, false]);
      }
    }
  });
});

describe('scripts/actionlint.mjs accepts exactly the 2026 constructs', () => {
  test.each([
    ['repository: ${{ job.workflow_repository }}', 'repository: ${{ github.repository       }}', 1],
    ['ref: ${{ job.workflow_sha }}', 'ref: ${{ github.sha       }}', 1],
    ['x: ${{ job.workflow_sha }}-${{ job.workflow_repository }}', 'x: ${{ github.sha       }}-${{ github.repository       }}', 2],
    ['- uses: $/actions/deploy-env', '- uses: ./actions/deploy-env', 1],
    ['    uses: $/.github/workflows/x.yml', '    uses: ./.github/workflows/x.yml', 1],
    ['ref: ${{ job.workflow_ref }}', 'ref: ${{ job.workflow_ref }}', 0],
    ['ref: ${{ job.workflow_shaX }}', 'ref: ${{ job.workflow_shaX }}', 0],
    ['ref: ${{ job.workflow_sha.x }}', 'ref: ${{ job.workflow_sha.x }}', 0],
    ['run: echo job.workflow_sha', 'run: echo job.workflow_sha', 0],
    ['- run: echo $/x', '- run: echo $/x', 0],
  ])('%s', (line, expected, accepted) => {
    const out = rewriteAccepted(line) as { text: string; accepted: string[]; problems: string[] };
    expect(out.text).toBe(expected);
    expect(out.text.length).toBe(line.length);
    expect(out.accepted).toHaveLength(accepted);
    expect(out.problems).toEqual([]);
  });

  test('a $/ reference with @ref is refused', () => {
    expect((rewriteAccepted('- uses: $/actions/x@v1') as { problems: string[] }).problems).toEqual([expect.stringContaining('must not carry an @ref')]);
  });

  test('the CLI passes the 2026 context and fails on anything else actionlint reports', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-actionlint-test-'));
    const workflow = (expression: string) =>
      ['on: workflow_call', 'permissions: {}', 'jobs:', '  a:', '    runs-on: ubuntu-latest', '    steps:', `      - run: echo "$X"`, '        env:', `          X: \${{ ${expression} }}`, ''].join('\n');
    try {
      writeFileSync(path.join(dir, 'good.yml'), workflow('job.workflow_sha'));
      writeFileSync(path.join(dir, 'bad.yml'), workflow('job.workflow_ref'));
      const lint = (file: string) =>
        promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts', 'actionlint.mjs'), path.join(dir, file)]).then(
          ({ stdout }) => ({ code: 0, stdout }),
          (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
        );
      const [good, bad] = await Promise.all([lint('good.yml'), lint('bad.yml')]);
      expect(good.code).toBe(0);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('property "workflow_ref" is not defined');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the example consumer calls every reusable workflow at @v1', () => {
    const dir = path.join(ROOT, 'examples', 'consumer', '.github', 'workflows');
    const called = readdirSync(dir).flatMap((name) => [...readFileSync(path.join(dir, name), 'utf8').matchAll(/uses: (\S+)/g)].map((match) => match[1]));
    expect(called.sort()).toEqual(WORKFLOWS.map((name) => `shipkit/shipkit/.github/workflows/${name}@v1`).sort());
  });
});

describe.each(['pipeline-develop.yml', 'pipeline-main.yml'])('%s: apps without images, and the app build away from credentials', (file) => {
  const workflow = load(file);

  test('a plan job decides whether there are images; build and scan run only then; deploy runs when they were skipped', () => {
    const plan = workflow.jobs.plan;
    expect(plan.permissions).toEqual({ contents: 'read' });
    expect(JSON.stringify(plan.steps)).toContain("yq -r '(.images // []) | length'");
    expect(workflow.jobs.build).toMatchObject({ needs: 'plan', if: "needs.plan.outputs.images == 'true'" });
    expect(workflow.jobs.scan).toMatchObject({ if: "needs.plan.outputs.images == 'true'" });
    expect(workflow.jobs.deploy.needs).toEqual(['plan', 'build', 'scan', 'static']);
    for (const job of ['build', 'scan', 'static']) expect(workflow.jobs.deploy.if).toContain(`(needs.${job}.result == 'success' || needs.${job}.result == 'skipped')`);
  });

  test('the static files are built in a job with contents: read only, no secrets and no id-token, and handed over with a digest the deploy job checks before use', () => {
    const build = workflow.jobs.static;
    expect(build.permissions).toEqual({ contents: 'read' });
    expect(JSON.stringify(build)).not.toMatch(/secrets\.|id-token|aws-actions/);
    expect(build.outputs).toEqual({ digest: '${{ steps.pack.outputs.digest }}' });
    expect(build.steps?.find((step) => step.id === 'pack')?.run).toMatch(/sha256sum/);
    const deploy = workflow.jobs.deploy.steps ?? [];
    expect(deploy.some((step) => step.env?.BUILD_SCRIPT !== undefined)).toBe(false); // the app's build never runs next to credentials
    const verify = deploy.findIndex((step) => step.env?.DIGEST === '${{ needs.static.outputs.digest }}');
    expect(deploy[verify].run).toMatch(/sha256sum --check --strict/);
    const use = deploy.findIndex((step) => step.uses === './.shipkit/actions/deploy-env');
    expect(verify).toBeGreaterThan(0);
    expect(verify).toBeLessThan(use);
    expect(deploy[use].with?.['source-dir']).toBe("${{ inputs.source-dir != '' && format('{0}/shipkit-static', runner.temp) || '' }}");
  });
});

describe('pipeline-release.yml promotes only what the staging ledger says was tested', () => {
  const step = (load('pipeline-release.yml').jobs.deploy.steps ?? []).find((candidate) => candidate.id === 'tested-files')!;
  const program = /jq -rs --arg r "\$from" '([\s\S]*?)'\)"/.exec(step.run ?? '')![1];

  test('the integration branch and the staging environment are inputs', () => {
    expect(step.env).toMatchObject({ INTEGRATION_BRANCH: '${{ inputs.integration-branch }}', STAGING: '${{ inputs.staging-environment }}' });
    expect(step.run).toContain('from="${branch}-${GITHUB_SHA::7}"');
  });

  test.each([
    ['a succeeded deploy, no smoke recorded', [['deploy', 'started'], ['deploy', 'succeeded']], 'tested'],
    ['a succeeded deploy and a passed smoke test', [['deploy', 'started'], ['deploy', 'succeeded'], ['smoke', 'succeeded']], 'tested'],
    ['a succeeded deploy whose latest smoke test failed', [['deploy', 'started'], ['deploy', 'succeeded'], ['smoke', 'succeeded'], ['smoke', 'failed']], 'its latest smoke test on staging failed'],
    ['a failed deploy', [['deploy', 'started'], ['deploy', 'failed']], 'never deployed successfully to the staging environment'],
    ['no record of it at all', [], 'never deployed successfully to the staging environment'],
  ])('the ledger verdict (real jq) for %s', (_name, records, verdict) => {
    const lines = (records as string[][]).map(([type, status], index) => JSON.stringify({ id: `2026112${index}T000000000Z-0000000${index}`, type, status, release: 'main-abc1234' }));
    lines.push(JSON.stringify({ id: '20261129T000000000Z-00000009', type: 'deploy', status: 'succeeded', release: 'main-other00' }));
    const result = execFileSync('jq', ['-rs', '--arg', 'r', 'main-abc1234', program], { input: lines.join('\n') }).toString().trim();
    expect(result).toBe(verdict);
  });
});

describe('pipeline-release.yml: the app build away from credentials', () => {
  const workflow = load('pipeline-release.yml');

  test('the static files (and the CDN directory) are built from the tag in a job with contents: read only, handed over with a digest the deploy job checks', () => {
    const build = workflow.jobs.static;
    expect(build.permissions).toEqual({ contents: 'read' });
    expect(JSON.stringify(build)).not.toMatch(/secrets\.|id-token|aws-actions/);
    expect(build.steps?.find((step) => step.id === 'pack')?.env).toEqual({ SOURCE_DIR: '${{ inputs.source-dir }}', CDN_SOURCE_DIR: '${{ inputs.cdn-source-dir }}' });
    const deploy = workflow.jobs.deploy.steps ?? [];
    expect(deploy.some((step) => step.env?.BUILD_SCRIPT !== undefined)).toBe(false);
    const verify = deploy.findIndex((step) => step.env?.DIGEST === '${{ needs.static.outputs.digest }}');
    expect(deploy[verify].run).toMatch(/sha256sum --check --strict/);
    expect(verify).toBeLessThan(deploy.findIndex((step) => step.uses === './.shipkit/actions/deploy-env'));
    expect(verify).toBeLessThan(deploy.findIndex((step) => step.uses === './.shipkit/actions/cdn-publish'));
    expect(workflow.jobs.deploy.needs).toContain('static');
  });
});

describe.each(['pipeline-main.yml', 'pipeline-release.yml'])('%s: canary steps', (file) => {
  const workflow = load(file);

  test('canary-steps and canary-step-duration (empty = the config, else a flip) reach blue-green-switch; a failed canary is not "switched back" again', () => {
    const inputs = (workflow.on.workflow_call as { inputs: Record<string, { type: string; default: unknown }> }).inputs;
    expect(inputs['canary-steps']).toMatchObject({ type: 'string', default: '' });
    expect(inputs['canary-step-duration']).toMatchObject({ type: 'string', default: '' });
    const steps = workflow.jobs.deploy.steps ?? [];
    const switchStep = steps.find((step) => step.uses === './.shipkit/actions/blue-green-switch');
    expect(switchStep?.with).toMatchObject({ steps: '${{ inputs.canary-steps }}', 'step-duration': '${{ inputs.canary-step-duration }}' });
    // An aborted canary already returned all traffic: the rollback step only follows a switch that succeeded.
    expect(steps.find((step) => step.id === 'rollback')?.if).toContain("steps.switch.outcome == 'success'");
  });
});

describe('pipeline-preview.yml', () => {
  const workflow = load('pipeline-preview.yml');
  const gate = workflow.jobs.gate.steps![0];

  test('forks get no preview and the run says so; closed pull requests are removed, the others deployed', () => {
    expect(gate.env).toMatchObject({ HEAD_REPO: '${{ github.event.pull_request.head.repo.full_name }}', BASE_REPO: '${{ github.repository }}', ACTION: '${{ github.event.action }}' });
    expect(gate.run).toMatch(/if \[ "\$HEAD_REPO" != "\$BASE_REPO" \]; then\s+echo "preview=false"[\s\S]*comes from a fork[\s\S]*GITHUB_STEP_SUMMARY/);
    expect(workflow.jobs.gate.permissions).toEqual({});
    for (const job of ['static', 'deploy']) expect(workflow.jobs[job].if).toContain("needs.gate.outputs.preview == 'true' && needs.gate.outputs.closed != 'true'");
    expect(workflow.jobs.remove.if).toBe("needs.gate.outputs.preview == 'true' && needs.gate.outputs.closed == 'true'");
    expect(workflow.jobs.remove.steps?.find((step) => step.uses === './.shipkit/actions/remove-preview')?.with).toMatchObject({ environment: '${{ inputs.environment }}' });
  });

  test('the static files are built without credentials and checked by digest before the deploy job uses them', () => {
    expect(workflow.jobs.static.permissions).toEqual({ contents: 'read' });
    expect(JSON.stringify(workflow.jobs.static)).not.toMatch(/secrets\.|id-token|aws-actions/);
    const deploy = workflow.jobs.deploy.steps ?? [];
    const verify = deploy.findIndex((step) => step.env?.DIGEST === '${{ needs.static.outputs.digest }}');
    const use = deploy.findIndex((step) => step.uses === './.shipkit/actions/deploy-env');
    expect(verify).toBeGreaterThan(0);
    expect(verify).toBeLessThan(use);
    expect(workflow.jobs.deploy.permissions).toMatchObject({ 'pull-requests': 'write', deployments: 'write' });
  });

  test('one change at a time per pull request, never cancelled half-way', () => {
    for (const job of ['deploy', 'remove']) expect(workflow.jobs[job].concurrency).toEqual({ group: 'shipkit-${{ inputs.environment }}-pr-${{ github.event.pull_request.number }}', 'cancel-in-progress': false });
  });
});

describe.each(['pipeline-develop.yml', 'pipeline-main.yml'])('%s: setup-script', (file) => {
  const deploy = load(file).jobs.deploy;
  const steps = deploy.steps ?? [];
  const index = steps.findIndex((step) => step.env?.SETUP_SCRIPT === '${{ inputs.setup-script }}');
  const step = steps[index];

  test('runs in the deploy job only when given, before any sign-in and before any shipkit step', () => {
    expect(step.if).toBe("inputs.setup-script != ''");
    const signIn = steps.findIndex((other) => /configure-aws-credentials|azure\/login/.test(other.uses ?? '') || other.name === 'One credential chain');
    const shipkit = steps.findIndex((other) => other.uses?.startsWith('./.shipkit/'));
    expect(index).toBeGreaterThan(0);
    expect(index).toBeLessThan(signIn);
    expect(index).toBeLessThan(shipkit);
  });

  // The step's own shell, run as the runner runs it (bash -e), in a checkout holding one script.
  test.each([
    ['deploy/setup.sh', 0, 'setup ran'],
    ['/etc/passwd', 1, '::error::setup-script must be a path inside the repository: /etc/passwd'],
    ['../outside.sh', 1, '::error::setup-script must be a path inside the repository: ../outside.sh'],
    ['deploy/../../outside.sh', 1, '::error::setup-script must be a path inside the repository: deploy/../../outside.sh'],
  ])('setup-script %p: exit %p, %p', (value, code, said) => {
    const checkout = mkdtempSync(path.join(tmpdir(), 'shipkit-setup-'));
    try {
      execFileSync('mkdir', ['-p', path.join(checkout, 'deploy')]);
      writeFileSync(path.join(checkout, 'deploy', 'setup.sh'), '#!/bin/sh\necho setup ran\n', { mode: 0o755 });
      let out = '';
      let status = 0;
      try {
        out = execFileSync('bash', ['-e', '-c', step.run!], { cwd: checkout, env: { PATH: process.env.PATH, SETUP_SCRIPT: value }, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
      } catch (error) {
        const e = error as { status: number; stdout: Buffer };
        status = e.status;
        out = e.stdout.toString();
      }
      expect([status, out.trim()]).toEqual([code, said]);
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  });
});
