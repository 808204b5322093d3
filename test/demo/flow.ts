/**
 * The whole shipkit flow, locally: the example consumer app (examples/consumer) goes through the
 * four pipelines by running the SAME action bundles (dist/<action>/index.js, through the runner
 * harness), promote-images included, in the same order and under the
 * same conditions as the reusable workflows in .github/workflows/:
 *
 *   develop  (pipeline-develop.yml)  push develop  -> development, direct (two commits; then a third
 *            that breaks the page: its smoke test fails and development rolls back automatically)
 *   main     (pipeline-main.yml)     push main     -> staging, blue-green (twice: blue, then green)
 *   v1.0.0   (pipeline-release.yml)  tag on main's tested commit -> digests and static files promoted
 *            (build once: main-<sha7>'s files copied in the release store, nothing rebuilt), production + CDN
 *   v1.0.1   (pipeline-release.yml)  tag on an untested hotfix whose backend fails 1 request in 3:
 *            built, slot smoke passes, canary (25% then 100%) aborted at its first step -> all
 *            traffic back on v1.0.0 (the second main push's canary, 20/50/100%, completes)
 *   rollback (rollback.yml)          manual: staging back to the previous release
 *   preview  (pipeline-preview.yml)  pull request #7: a preview is created, updated by a push, removed on close
 *
 * Against real local services: s3rver (state, release store, website buckets, CDN bucket),
 * docker-registry, buildah (images and the backends, run next to each slot) and nginx (one live
 * server per blue-green environment whose upstream include the nginx router rewrites, and one
 * server per slot: static files from the slot's bucket, /api/ from the slot's backend).
 *
 * `npm run demo` prints it; test/pipeline.e2e.test.ts runs it and asserts the end state.
 */
import { execFile } from 'node:child_process';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { deriveState, formatStatus, isGoodRelease, openLedger, type LedgerRecord, type LedgerState } from '@shipkit/ledger';
import { readManifest } from '@shipkit/s3';
import { ROOT, loadEvent, runAction, type EventFixture, type RunResult } from '../harness/index.js';
import { freePort, startNginx, type NginxService } from '../services/index.js';
import { startStack, type Stack } from '../services/stack.js';

const execFileAsync = promisify(execFile);

export const ENVIRONMENTS = ['development', 'staging', 'production'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];
const APP = 'shop';
const STATE_BUCKET = 'shop-deploy';
const CDN_BUCKET = 'shop-cdn';
const WEBSITES = ['shop-dev', 'shop-previews', 'shop-staging-blue', 'shop-staging-green', 'shop-prod-blue', 'shop-prod-green', CDN_BUCKET];
const BACKEND_IMAGE = 'shop-backend';

export type StepStatus = 'passed' | 'failed' | 'skipped';

export interface StepRecord {
  pipeline: string;
  step: string;
  status: StepStatus;
  /** Why it was skipped, or what failed. */
  note?: string;
  summary: string;
  outputs: Record<string, string>;
}

export interface EnvironmentReport {
  name: EnvironmentName;
  url: string;
  state: LedgerState;
  records: LedgerRecord[];
  /** What the environment's URL serves right now: version.json and /api/health (blue-green). */
  serving: { version?: string; api?: string };
}

export interface DemoResult {
  steps: StepRecord[];
  environments: Record<EnvironmentName, EnvironmentReport>;
  /** Release ids by story point, e.g. develop1 = develop-<sha7>. */
  releases: { develop1: string; develop2: string; develop3: string; main1: string; main2: string; v100: string; v101: string };
  /** Commits by story point. */
  commits: { c1: string; c2: string; c3: string; c4: string };
  /** `ran`: the real Trivy on PATH; `stand-in`: none here, so the scans ran the Trivy STAND-IN (it says so in the log). */
  trivy: 'ran' | 'stand-in';
  /** The pull request preview story: what its URL served after each push, and what was left after it closed. */
  preview: { pr: number; url: string; releases: string[]; served: string[]; objectsAfterClose: number; otherBucketsUntouched: boolean };
}

export interface DemoContext {
  stack: Stack;
  nginx: NginxService;
  registry: string;
  workspace: string;
  config: Record<string, unknown>;
}

export interface DemoOptions {
  /** Where progress goes (default: nowhere). */
  log?: (text: string) => void;
  /** Called with the running services before they stop, e.g. for a test's extra assertions. */
  inspect?: (context: DemoContext, result: DemoResult) => Promise<void>;
}

/** A failure of the demo itself (not of a step the story expects to fail): names the step and shows its log. */
export class DemoError extends Error {}

const git = async (cwd: string, ...args: string[]): Promise<string> => (await execFileAsync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_NAME: 'octocat', GIT_AUTHOR_EMAIL: 'octocat@example.com', GIT_COMMITTER_NAME: 'octocat', GIT_COMMITTER_EMAIL: 'octocat@example.com' } })).stdout.trim();

async function commandExists(command: string): Promise<boolean> {
  try {
    await execFileAsync('sh', ['-c', 'command -v "$1"', 'sh', command]);
    return true;
  } catch {
    return false;
  }
}

function event(kind: 'push' | 'tag' | 'dispatch', ref: string, sha: string, inputs?: Record<string, string>): EventFixture {
  const base = loadEvent(kind === 'push' ? 'push-main' : kind === 'tag' ? 'tag-v1.2.3' : 'workflow-dispatch');
  const payload: Record<string, unknown> = { ...base.payload, ref };
  if (kind !== 'dispatch') {
    payload.after = sha;
    payload.head_commit = { ...(base.payload.head_commit as object | undefined), id: sha };
  } else {
    payload.inputs = inputs ?? {};
  }
  return { name: base.name, ref, sha, payload };
}

export async function runDemoFlow(options: DemoOptions = {}): Promise<DemoResult> {
  const log = options.log ?? (() => undefined);
  const steps: StepRecord[] = [];
  const root = mkdtempSync(path.join(tmpdir(), 'shipkit-demo-'));
  const stateDir = path.join(root, 'backends');
  mkdirSync(stateDir);
  const workspace = path.join(root, 'shop');

  log('Starting local services: s3rver, docker-registry, buildah base image, nginx…');
  const stack = await startStack({ buckets: [STATE_BUCKET], websites: WEBSITES, registry: true, baseImage: true });
  let nginx: NginxService | undefined;
  try {
    const registry = `${stack.registry!.host}/acme`;
    const s3 = stack.s3;

    // --- nginx: per blue-green environment a live server (proxies to the upstream the router owns)
    // and a server per slot (the slot's own URL: its bucket's files, /api/ from its backend).
    const routerDir = path.join(root, 'router');
    mkdirSync(routerDir);
    const layout = {
      staging: { live: 0, blue: 1, green: 2, buckets: { blue: 'shop-staging-blue', green: 'shop-staging-green' } },
      production: { live: 3, blue: 4, green: 5, buckets: { blue: 'shop-prod-blue', green: 'shop-prod-green' } },
    } as const;
    const backendPorts = { staging: { blue: await freePort(), green: await freePort() }, production: { blue: await freePort(), green: await freePort() } };
    const websitePort = (bucket: string) => new URL(s3.websiteUrl(bucket)).port;
    const includePath = (environment: string) => path.join(routerDir, `${environment}.conf`);
    nginx = await startNginx({
      extraPorts: 6,
      http: ({ port: statusPort, ports }) => {
        const lines: string[] = [`server { listen 127.0.0.1:${statusPort}; location / { return 200 "shop demo router\\n"; } }`];
        for (const [environment, spec] of Object.entries(layout)) {
          // The router rewrites this file; it starts on blue (empty until the first deploy).
          writeFileSync(includePath(environment), `upstream shipkit_${environment} { server 127.0.0.1:${ports[spec.blue]}; }\n`);
          lines.push(
            `include ${includePath(environment)};`,
            `server { listen 127.0.0.1:${ports[spec.live]}; location / { proxy_pass http://shipkit_${environment}; add_header X-Shipkit-Upstream $upstream_addr always; } }`,
          );
          for (const slot of ['blue', 'green'] as const) {
            lines.push(
              `server { listen 127.0.0.1:${ports[spec[slot]]};`,
              `  location /api/ { proxy_pass http://127.0.0.1:${backendPorts[environment as keyof typeof backendPorts][slot]}/cgi-bin/; }`,
              `  location / { proxy_pass http://127.0.0.1:${websitePort(spec.buckets[slot])}; }`,
              `}`,
            );
          }
        }
        return lines.join('\n');
      },
    });
    const port = (index: number) => nginx!.ports[index];
    const local = (p: number) => `http://127.0.0.1:${p}`;

    // --- the consumer repository: examples/consumer with a config that points at the local services
    const home = { name: 'home', path: '/', 'expect-status': 200, 'body-contains': '<div id="root">' };
    const version = { name: 'version', path: '/version.json', 'expect-status': 200, 'expect-headers': { 'content-type': '/json/' } };
    const api = { name: 'api', path: '/api/health', 'expect-status': 200, 'expect-json': { status: 'ok' }, 'max-latency': '2s' };
    const blueGreen = (environment: 'staging' | 'production') => {
      const spec = layout[environment];
      return {
        target: 's3',
        strategy: 'blue-green',
        slots: {
          blue: { s3: { bucket: spec.buckets.blue }, url: local(port(spec.blue)), upstream: `127.0.0.1:${port(spec.blue)}`, env: { BACKEND_PORT: String(backendPorts[environment].blue) } },
          green: { s3: { bucket: spec.buckets.green }, url: local(port(spec.green)), upstream: `127.0.0.1:${port(spec.green)}`, env: { BACKEND_PORT: String(backendPorts[environment].green) } },
        },
        router: { type: 'nginx', include: includePath(environment), test: nginx!.testCommand, reload: nginx!.reloadCommand },
        'post-deploy': [process.execPath, path.join(ROOT, 'test', 'demo', 'run-backend.mjs')],
        env: { SHIPKIT_DEMO_STATE: stateDir, ...stack.env },
        url: local(port(spec.live)),
      };
    };
    const config = {
      app: APP,
      state: `s3://${STATE_BUCKET}/shipkit`,
      aws: { region: s3.region, endpoint: s3.endpoint, 'force-path-style': true },
      registry,
      images: [{ name: BACKEND_IMAGE, context: 'backend', 'build-args': { BASE: stack.baseImage! } }],
      cdn: { bucket: CDN_BUCKET, prefix: 'app', 'base-url': s3.websiteUrl(CDN_BUCKET) },
      environments: {
        development: { target: 's3', strategy: 'direct', s3: { bucket: 'shop-dev' }, url: s3.websiteUrl('shop-dev'), smoke: { timeout: '10s', checks: [home, version] } },
        preview: { target: 's3', preview: true, s3: { bucket: 'shop-previews', prefix: 'pr-{pr}' }, url: `${s3.websiteUrl('shop-previews')}/pr-{pr}`, smoke: { timeout: '10s', checks: [home, version] } },
        staging: blueGreen('staging'),
        production: blueGreen('production'),
      },
      smoke: { timeout: '30s', 'request-timeout': '5s', 'max-error-rate': '5%', checks: [home, version, api] },
    };
    cpSync(path.join(ROOT, 'examples', 'consumer'), workspace, { recursive: true });
    rmSync(path.join(workspace, 'frontend', 'dist'), { recursive: true, force: true });
    writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), `# Written by the demo: the example's config, pointed at local services.\n${YAML.stringify(config)}`);
    writeFileSync(path.join(workspace, '.gitignore'), 'frontend/dist/\n.shipkit-release-files/\n');
    await git(root, 'init', '--quiet', '--initial-branch=develop', workspace);
    await git(workspace, 'add', '-A');
    await git(workspace, 'commit', '--quiet', '-m', 'shop: first version');
    const c1 = await git(workspace, 'rev-parse', 'HEAD');

    const trivyInstalled = await commandExists('trivy');
    const actionEnv: Record<string, string> = { ...stack.env };
    // Without a real Trivy here, the scan steps run the STAND-IN of trivy-scan's tests: it refuses
    // any flag Trivy 0.69.3 does not have and answers with a real recorded report (Trivy's own
    // integration fixture alpine-310.json: 4 MEDIUM findings, under the CRITICAL gate).
    const standInTrivy = path.join(ROOT, 'packages', 'trivy-scan', 'test', 'stand-in');
    const trivyEnv: Record<string, string> = trivyInstalled
      ? {}
      : { PATH: `${standInTrivy}${path.delimiter}${process.env.PATH ?? ''}`, STAND_IN_TRIVY_REPORTS: JSON.stringify({ '*': path.join(standInTrivy, '..', 'fixtures', 'alpine-310.json') }) };

    // --- steps ---------------------------------------------------------------------------------
    const record = (pipeline: string, step: string, status: StepStatus, run: Partial<RunResult> | undefined, note?: string): StepRecord => {
      const entry: StepRecord = { pipeline, step, status, note, summary: run?.summary?.trim() ?? '', outputs: run?.outputs ?? {} };
      steps.push(entry);
      const mark = status === 'passed' ? '✓' : status === 'failed' ? '✗' : '–';
      log(`  ${mark} ${step}${note ? ` (${note})` : ''}`);
      if (entry.summary) log(entry.summary.split('\n').map((line) => `      ${line}`).join('\n'));
      return entry;
    };
    /** Runs an action bundle; a failure throws (the demo stops loudly) unless the story allows it. */
    const action = async (pipeline: string, name: string, ev: EventFixture, inputs: Record<string, string>, allowFailure = false, extra: { env?: Record<string, string>; note?: string } = {}): Promise<RunResult> => {
      const run = await runAction(name, { inputs, env: { ...actionEnv, ...extra.env }, event: ev, workspace, timeoutMs: 5 * 60_000 });
      const failed = run.exitCode !== 0 || (run.post !== undefined && run.post.exitCode !== 0);
      record(pipeline, name, failed ? 'failed' : 'passed', run, failed ? run.errors.join(' | ') || `exit code ${run.exitCode}` : extra.note);
      if (failed && !allowFailure) {
        throw new DemoError(`${pipeline}: step ${name} failed (exit ${run.exitCode}${run.post ? `, post ${run.post.exitCode}` : ''}).\n${run.log.slice(-6000)}${run.post ? `\n--- post ---\n${run.post.log.slice(-3000)}` : ''}`);
      }
      return run;
    };
    const trivy = async (pipeline: string, ev: EventFixture, refs: string) => {
      const note = trivyInstalled
        ? undefined
        : 'Trivy is not installed here (no `trivy` on PATH): scanned with the Trivy STAND-IN (packages/trivy-scan/test/stand-in: Trivy 0.69.3\'s flags checked, a recorded report returned); on GitHub the pipeline installs and runs the real Trivy';
      await action(pipeline, 'trivy-scan', ev, { 'image-refs': refs, insecure: 'true', cache: 'false' }, false, { env: trivyEnv, note });
    };
    const buildFrontend = async (pipeline: string, ev: EventFixture) => {
      const refType = ev.ref.startsWith('refs/tags/') ? 'tag' : 'branch';
      const refName = ev.ref.replace(/^refs\/(heads|tags)\//, '');
      const { stdout } = await execFileAsync(path.join(workspace, 'frontend', 'build.sh'), [], { cwd: workspace, env: { ...process.env, GITHUB_REF_TYPE: refType, GITHUB_REF_NAME: refName } });
      record(pipeline, 'frontend/build.sh', 'passed', { summary: stdout.trim() });
    };
    /** The promote-images action (its committed bundle), run as the workflows run it. */
    const promote = async (pipeline: string, step: string, sources: string[], tags: string[], ifMissing: 'skip' | 'fail', version?: string) => {
      const run = await runAction('promote-images', {
        workspace,
        env: { ...stack.env },
        inputs: { sources: sources.join('\n'), tags: tags.join('\n'), 'if-missing': ifMissing, insecure: 'true', ...(version ? { version } : {}) },
      });
      if (run.exitCode !== 0) {
        record(pipeline, step, 'failed', run);
        throw new DemoError(`${pipeline}: ${step} failed: ${run.errors.join(' | ')}`);
      }
      record(pipeline, step, 'passed', run);
      return run.outputs;
    };
    const checkout = async (ref: string) => {
      await git(workspace, 'checkout', '--quiet', '--detach', ref);
    };

    // pipeline-develop.yml
    const developPipeline = async (sha: string, expectRollback = false): Promise<string> => {
      const pipeline = `develop @ ${sha.slice(0, 7)}`;
      log(`\n▶ ${pipeline}  (pipeline-develop.yml: build → scan → deploy development → smoke → rollback on failure)`);
      await checkout(sha);
      const ev = event('push', 'refs/heads/develop', sha);
      const build = await action(pipeline, 'build-images', ev, { insecure: 'true', engine: 'buildah' });
      await trivy(pipeline, ev, build.outputs.refs);
      await buildFrontend(pipeline, ev);
      const deploy = await action(pipeline, 'deploy-env', ev, { environment: 'development', 'source-dir': 'frontend/dist', images: build.outputs.images });
      const smoke = await action(pipeline, 'smoke-test', ev, { 'base-url': deploy.outputs.url, environment: 'development' }, true);
      if (smoke.exitCode !== 0 && deploy.outputs['previous-release']) {
        await action(pipeline, 'rollback', ev, { environment: 'development', to: deploy.outputs['previous-release'], reason: `automatic: smoke test failed (${smoke.outputs['failed-checks']})` });
        await action(pipeline, 'smoke-test', ev, { 'base-url': deploy.outputs.url, environment: 'development' });
      }
      // The story's failure must be the one it planted (the renamed root element), not any crash.
      if ((smoke.exitCode !== 0) !== expectRollback || (expectRollback && smoke.outputs['failed-checks'] !== 'home')) {
        throw new DemoError(`${pipeline}: the smoke test ${smoke.exitCode === 0 ? 'passed' : `failed (${smoke.outputs['failed-checks'] ?? 'no failed-checks output'})`}, the story expects it to ${expectRollback ? 'fail on the home check' : 'pass'}`);
      }
      return deploy.outputs.release;
    };

    /** The blue-green deploy job shared by pipeline-main.yml and pipeline-release.yml. */
    /** `afterLive` runs the steps the workflow has after the live smoke test (release: cdn-publish), only when it passed. */
    /** `files`: deploy-env's source of static files: built (`source-dir`) or promoted (`from-release`). */
    const blueGreenDeploy = async (
      pipeline: string,
      environment: 'staging' | 'production',
      ev: EventFixture,
      images: string,
      liveSamples: number,
      afterLive?: { name: string; run: (deploy: RunResult) => Promise<unknown> },
      files: Record<string, string> = { 'source-dir': 'frontend/dist' },
      canary?: { steps: string; stepDuration: string },
    ) => {
      const deploy = await action(pipeline, 'deploy-env', ev, { environment, ...files, images });
      await action(pipeline, 'smoke-test', ev, { 'base-url': deploy.outputs['slot-url'], environment, slot: deploy.outputs.slot });
      // The workflows' canary-steps input: traffic in steps, each analysed; an aborted canary fails the step with all traffic back.
      const switched = await action(
        pipeline,
        'blue-green-switch',
        ev,
        { environment, to: deploy.outputs.slot, 'expect-release': deploy.outputs.release, 'require-smoke': 'true', ...(canary ? { steps: canary.steps, 'step-duration': canary.stepDuration } : {}) },
        canary !== undefined,
      );
      if (switched.exitCode !== 0) {
        // The rest of the job is skipped; the rollback step only follows a switch that succeeded.
        record(pipeline, 'smoke-test', 'skipped', undefined, `not reached: the canary was aborted at ${switched.outputs['aborted-at']}%`);
        if (afterLive) record(pipeline, afterLive.name, 'skipped', undefined, 'not reached: the canary was aborted');
        return { deploy, passed: false, failedChecks: '', rolledBack: false, abortedAt: switched.outputs['aborted-at'] };
      }
      const live = await action(pipeline, 'smoke-test', ev, { 'base-url': deploy.outputs.url, environment, slot: deploy.outputs.slot, samples: String(liveSamples) }, true);
      if (afterLive && live.exitCode === 0) await afterLive.run(deploy);
      else if (afterLive) record(pipeline, afterLive.name, 'skipped', undefined, 'not reached: the live smoke test failed');
      let rolledBack = false;
      if (live.exitCode !== 0 && deploy.outputs['previous-release']) {
        await action(pipeline, 'rollback', ev, { environment, to: deploy.outputs['previous-release'], reason: `automatic: live smoke test failed after the switch (${live.outputs['failed-checks']})` });
        rolledBack = true;
      }
      return { deploy, passed: live.exitCode === 0, failedChecks: live.outputs['failed-checks'] ?? '', rolledBack, abortedAt: undefined };
    };

    // pipeline-main.yml
    const mainPipeline = async (sha: string, canary?: { steps: string; stepDuration: string }): Promise<string> => {
      const pipeline = `main @ ${sha.slice(0, 7)}`;
      log(`\n▶ ${pipeline}  (pipeline-main.yml: build → scan → idle slot → smoke slot → switch${canary ? ` in steps ${canary.steps}` : ''} → smoke live → mark tested)`);
      await checkout(sha);
      const ev = event('push', 'refs/heads/main', sha);
      const build = await action(pipeline, 'build-images', ev, { insecure: 'true', engine: 'buildah' });
      await trivy(pipeline, ev, build.outputs.refs);
      await buildFrontend(pipeline, ev);
      const { deploy, passed } = await blueGreenDeploy(pipeline, 'staging', ev, build.outputs.images, 10, undefined, undefined, canary);
      if (!passed) throw new DemoError(`${pipeline}: the live smoke test failed on a release the story expects to pass`);
      await promote(pipeline, 'mark tested (promote-images)', build.outputs.refs.split('\n').filter(Boolean), [`tested-sha-${sha.slice(0, 7)}`], 'fail');
      return deploy.outputs.release;
    };

    // pipeline-release.yml
    const releasePipeline = async (tag: string, sha: string, expect: 'promoted' | 'built', expectRollback: boolean, canary?: { steps: string; stepDuration: string; expectAbortAt: string }): Promise<string> => {
      const pipeline = `release ${tag} @ ${sha.slice(0, 7)}`;
      log(`\n▶ ${pipeline}  (pipeline-release.yml: promote or build → scan → approval → idle slot → smoke → switch → smoke live → CDN → rollback on failure)`);
      await checkout(sha);
      const ev = event('tag', `refs/tags/${tag}`, sha);
      const version = tag.replace(/^v/, '');
      const promoted = await promote(pipeline, 'promote tested images (promote-images)', [`${registry}/${BACKEND_IMAGE}:tested-sha-${sha.slice(0, 7)}`], [version], 'skip');
      let images = promoted.images;
      let refs = promoted.refs;
      if (promoted.found !== 'true') {
        // The aliases (1.2, 1, latest) move only after production succeeded (alias-tags job).
        const build = await action(pipeline, 'build-images', ev, { insecure: 'true', engine: 'buildah', tags: 'semver={{version}}\nsha' });
        images = build.outputs.images;
        refs = build.outputs.refs;
      } else {
        record(pipeline, 'build-images', 'skipped', undefined, 'the tag\'s commit was built and tested on main: its digests were promoted');
      }
      if ((promoted.found === 'true') !== (expect === 'promoted')) throw new DemoError(`${pipeline}: expected the images to be ${expect}`);
      await trivy(pipeline, ev, refs);
      record(pipeline, 'approval gate', 'skipped', undefined, 'GitHub environment protection (required reviewers) — nothing to approve locally');
      // Build once, static files (the "Find the static files main tested" step): main's release of this
      // commit, complete in the release store, is promoted by deploy-env's from-release.
      const tested = `main-${sha.slice(0, 7)}`;
      const store = (release: string) => ({ bucket: STATE_BUCKET, prefix: `shipkit/releases/${APP}/${release}` });
      // Tested means what the staging ledger says (a deploy succeeded, its latest smoke passed), as the workflow's jq check reads it.
      const stagingLedger = await openLedger({ state: `s3://${STATE_BUCKET}/shipkit`, app: APP, environment: 'staging', client: s3.client(), run: {} });
      const testedOnStaging = isGoodRelease(await stagingLedger.state(), tested);
      const stored = promoted.found === 'true' && testedOnStaging ? await readManifest(s3.client(), store(tested).bucket, store(tested).prefix) : undefined;
      const files: Record<string, string> = stored?.complete ? { 'from-release': tested } : { 'source-dir': 'frontend/dist' };
      if (stored?.complete) record(pipeline, 'frontend/build.sh', 'skipped', undefined, `main tested this commit: the static files of ${tested} are promoted from the release store`);
      else await buildFrontend(pipeline, ev);
      const cdnFiles = async (deploy: RunResult): Promise<string> => {
        if (!stored?.complete) return 'frontend/dist';
        // "Fetch the promoted release's files for the CDN": the bytes production serves, from the release store.
        // (The workflow fetches into $RUNNER_TEMP; here a git-ignored dir of the workspace: cdn-publish takes source-dir from inside either.)
        const dir = path.join(workspace, '.shipkit-release-files', deploy.outputs.release);
        const location = store(deploy.outputs.release);
        const manifest = await readManifest(s3.client(), location.bucket, location.prefix);
        for (const key of Object.keys(manifest?.files ?? {})) {
          const object = await s3.client().send(new GetObjectCommand({ Bucket: location.bucket, Key: `${location.prefix}/${key}` }));
          mkdirSync(path.dirname(path.join(dir, key)), { recursive: true });
          writeFileSync(path.join(dir, key), await object.Body!.transformToByteArray());
        }
        record(pipeline, 'fetch the release files for the CDN', 'passed', { summary: `${Object.keys(manifest?.files ?? {}).length} files of ${deploy.outputs.release} from the release store` });
        return dir;
      };
      const { deploy, rolledBack, failedChecks, abortedAt } = await blueGreenDeploy(
        pipeline,
        'production',
        ev,
        images,
        20,
        { name: 'cdn-publish', run: async (deploy) => action(pipeline, 'cdn-publish', ev, { 'source-dir': await cdnFiles(deploy), 'force-path-style': 'true' }) },
        files,
        canary,
      );
      if (abortedAt !== canary?.expectAbortAt) throw new DemoError(`${pipeline}: expected ${canary?.expectAbortAt ? `the canary to abort at ${canary.expectAbortAt}%` : 'no aborted canary'}, got ${abortedAt ? `an abort at ${abortedAt}%` : 'none'}`);
      if (rolledBack !== expectRollback) throw new DemoError(`${pipeline}: expected ${expectRollback ? 'an automatic rollback' : 'no rollback'}, got ${rolledBack ? 'one' : 'none'}`);
      // The planted defect (the flapping backend) must be what failed, not any crash.
      if (expectRollback && failedChecks !== 'api') throw new DemoError(`${pipeline}: expected the live smoke test to fail on the api check, it failed on "${failedChecks}"`);
      // alias-tags job: only a stable release that stayed live becomes 1.x, 1 and latest.
      if (!rolledBack && !abortedAt && !version.includes('-')) {
        await promote(pipeline, 'alias tags (promote-images)', refs.split('\n').filter(Boolean), [version.split('.').slice(0, 2).join('.'), version.split('.')[0], 'latest'], 'fail', version);
      } else {
        record(pipeline, 'alias tags (promote-images)', 'skipped', undefined, 'the release did not stay live: 1.x, 1 and latest stay where they are');
      }
      return deploy.outputs.release;
    };

    // rollback.yml
    const manualRollback = async (environment: EnvironmentName, to: string, reason: string) => {
      const pipeline = `rollback ${environment} (manual)`;
      log(`\n▶ ${pipeline}  (rollback.yml: rollback → smoke)`);
      const ev = event('dispatch', 'refs/heads/main', await git(workspace, 'rev-parse', 'HEAD'), { environment, to, reason });
      const rollback = await action(pipeline, 'rollback', ev, { environment, to, reason: `manual by octocat - ${reason}` });
      await action(pipeline, 'smoke-test', ev, { 'base-url': (config.environments[environment] as { url: string }).url, environment });
      return rollback;
    };

    // --- the story -----------------------------------------------------------------------------
    const develop1 = await developPipeline(c1);
    await git(workspace, 'branch', 'main', c1);
    const main1 = await mainPipeline(c1);

    await checkout('develop');
    const indexPath = path.join(workspace, 'frontend', 'src', 'index.html');
    writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace('<h1>shop</h1>', '<h1>shop</h1>\n      <p>Now with free shipping.</p>'));
    await git(workspace, 'checkout', '--quiet', 'develop');
    await git(workspace, 'commit', '--quiet', '-am', 'frontend: free shipping banner');
    const c2 = await git(workspace, 'rev-parse', 'HEAD');
    const develop2 = await developPipeline(c2);
    await git(workspace, 'branch', '--force', 'main', c2);
    // The second push to main moves staging's traffic in steps (20%, 50%, each analysed), then 100%.
    const main2 = await mainPipeline(c2, { steps: '20,50,100', stepDuration: '2s' });

    // A develop push that breaks the page: development rolls itself back (a server-side reinstall).
    await git(workspace, 'checkout', '--quiet', 'develop');
    writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace('<div id="root">', '<div id="app">'));
    await git(workspace, 'commit', '--quiet', '-am', 'frontend: rename the root element');
    const c4 = await git(workspace, 'rev-parse', 'HEAD');
    const develop3 = await developPipeline(c4, true);

    await git(workspace, 'tag', 'v1.0.0', c2);
    const v100 = await releasePipeline('v1.0.0', c2, 'promoted', false);

    // A hotfix tagged straight from a branch: never built or tested on main, and its backend is broken.
    await git(workspace, 'checkout', '--quiet', '-b', 'hotfix/1.0.1', c2);
    writeFileSync(
      path.join(workspace, 'backend', 'www', 'cgi-bin', 'health'),
      [
        '#!/bin/sh',
        '# 1.0.1: a "cache" that breaks every third request.',
        'mkdir -p /tmp',
        'count_file=/tmp/shop-health-count',
        'n=$(( $(cat "$count_file" 2>/dev/null || echo 0) + 1 ))',
        'echo "$n" > "$count_file"',
        'if [ $((n % 3)) -eq 0 ]; then',
        '  printf \'Status: 500 Internal Server Error\\r\\nContent-Type: application/json\\r\\n\\r\\n{"status":"error"}\\n\'',
        '  exit 0',
        'fi',
        'printf \'Content-Type: application/json\\r\\nCache-Control: no-store\\r\\n\\r\\n\'',
        'printf \'{"status":"ok","version":"%s"}\\n\' "${APP_VERSION:-dev}"',
        '',
      ].join('\n'),
    );
    await git(workspace, 'commit', '--quiet', '-am', 'backend: cache health answers');
    const c3 = await git(workspace, 'rev-parse', 'HEAD');
    await git(workspace, 'tag', 'v1.0.1', c3);
    // Production moves it in steps: its broken backend fails the first step's analysis, so 25% of the
    // traffic saw it for a moment and all of it is back on v1.0.0 — it never went fully live.
    const v101 = await releasePipeline('v1.0.1', c3, 'built', false, { steps: '25,100', stepDuration: '5s', expectAbortAt: '25' });

    await manualRollback('staging', 'previous', 'demo: the free shipping banner goes back to review');

    // pipeline-preview.yml: a pull request gets a preview, a push updates it, closing removes it.
    const previewStory = async () => {
      const pr = 7;
      const pipeline = `preview #${pr}`;
      log(`\n▶ ${pipeline}  (pipeline-preview.yml: build → deploy-env into the pull request's preview → smoke → comment; closed → remove-preview)`);
      // Branched from the commit production runs (develop's head has the broken root element).
      await git(workspace, 'checkout', '--quiet', '-b', 'feature/dark-mode', c2);
      const servedVersions: string[] = [];
      const releases: string[] = [];
      const pullEvent = (sha: string, action: string): EventFixture => {
        const base = loadEvent('pull-request');
        const payload = JSON.parse(JSON.stringify(base.payload)) as { action: string; number: number; pull_request: { number: number; head: { sha: string; ref: string } } };
        Object.assign(payload, { action, number: pr });
        payload.pull_request.number = pr;
        payload.pull_request.head = { ...payload.pull_request.head, sha, ref: 'feature/dark-mode' };
        return { ...base, ref: `refs/pull/${pr}/merge`, sha, payload };
      };
      const sizeBefore = { dev: (await keysOf('shop-dev')).length, staging: (await keysOf('shop-staging-blue')).length };
      for (const [index, kind] of (['opened', 'synchronize'] as const).entries()) {
        if (index === 1) {
          writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace('<h1>shop</h1>', '<h1>shop (dark)</h1>'));
          await git(workspace, 'commit', '--quiet', '-am', 'frontend: dark mode headline');
        }
        const sha = await git(workspace, 'rev-parse', 'HEAD');
        const ev = pullEvent(sha, kind);
        await buildFrontend(pipeline, ev);
        const deploy = await action(pipeline, 'deploy-env', ev, { environment: 'preview', 'source-dir': 'frontend/dist' });
        await action(pipeline, 'smoke-test', ev, { 'base-url': deploy.outputs.url, environment: 'preview' });
        releases.push(deploy.outputs.release);
        servedVersions.push(await (await fetch(`${deploy.outputs.url}/version.json`)).text());
      }
      await action(pipeline, 'remove-preview', pullEvent(await git(workspace, 'rev-parse', 'HEAD'), 'closed'), { environment: 'preview' });
      return {
        pr,
        url: `${s3.websiteUrl('shop-previews')}/pr-${pr}`,
        releases,
        served: servedVersions.map((text) => text.trim()),
        objectsAfterClose: (await keysOf('shop-previews')).length,
        otherBucketsUntouched: (await keysOf('shop-dev')).length === sizeBefore.dev && (await keysOf('shop-staging-blue')).length === sizeBefore.staging,
      };
    };
    const keysOf = async (bucket: string): Promise<string[]> => {
      const page = await s3.client().send(new ListObjectsV2Command({ Bucket: bucket }));
      return (page.Contents ?? []).map((object) => object.Key!);
    };
    const preview = await previewStory();

    // --- the end state -------------------------------------------------------------------------
    const environments = {} as Record<EnvironmentName, EnvironmentReport>;
    for (const name of ENVIRONMENTS) {
      const ledger = await openLedger({ state: config.state, app: APP, environment: name, client: s3.client(), warn: () => undefined });
      const records = await ledger.records();
      const url = (config.environments[name] as { url: string }).url;
      const fetchText = async (pathname: string) => {
        try {
          const response = await fetch(`${url}${pathname}`, { signal: AbortSignal.timeout(5000) });
          return `${response.status} ${(await response.text()).trim()}`;
        } catch (error) {
          return `unreachable: ${(error as Error).message}`;
        }
      };
      const versionText = await fetchText('/version.json');
      environments[name] = {
        name,
        url,
        state: deriveState(APP, name, records),
        records,
        serving: {
          version: /^200 /.test(versionText) ? (JSON.parse(versionText.slice(4)) as { version: string }).version : versionText,
          api: name === 'development' ? undefined : await fetchText('/api/health'),
        },
      };
    }
    const result: DemoResult = {
      steps,
      environments,
      releases: { develop1, develop2, develop3, main1, main2, v100, v101 },
      commits: { c1, c2, c3, c4 },
      trivy: trivyInstalled ? 'ran' : 'stand-in',
      preview,
    };
    if (options.inspect) await options.inspect({ stack, nginx, registry, workspace, config }, result);
    return result;
  } finally {
    await stopBackends(stateDir);
    await nginx?.stop().catch(() => undefined);
    await stack.stop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }
}

/** Stops the backends run-backend.mjs started (their process groups) and removes their containers. */
async function stopBackends(stateDir: string): Promise<void> {
  if (!existsSync(stateDir)) return;
  for (const file of readdirSync(stateDir)) {
    const backend = JSON.parse(readFileSync(path.join(stateDir, file), 'utf8')) as { pid: number; container: string };
    try {
      process.kill(-backend.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await execFileAsync('buildah', ['rm', backend.container], { env: { ...process.env, STORAGE_DRIVER: 'vfs', BUILDAH_ISOLATION: 'chroot' } }).catch(() => undefined);
  }
}

/** The ledger of one environment as text lines (oldest first): `shipkit status`, plus what it serves. */
export function formatLedger(report: EnvironmentReport): string[] {
  const lines = formatStatus(report.name, report.state, report.records, { last: report.records.length, url: report.url });
  lines.splice(3, 0, `  serving: version ${report.serving.version}${report.serving.api !== undefined ? `, /api/health ${report.serving.api}` : ''}`);
  return lines;
}
