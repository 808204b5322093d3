/**
 * The pipelines end to end: the same flow as `npm run demo` (test/demo/flow.ts — the action
 * bundles in the workflows' order against s3rver, docker-registry, buildah and nginx), then the
 * end state of every environment: what is live where, what each slot holds, the ledger records,
 * what the URLs serve, what the registry and the CDN hold.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { readManifest } from '@shipkit/s3';
import { missingRequirements, installCommand, rootProblem } from './demo/prerequisites.js';
import { runDemoFlow, type DemoContext, type DemoResult, type StepRecord } from './demo/flow.js';

interface Observed {
  /** Registry tag -> digest, for acme/shop-backend. */
  tags: Record<string, string | undefined>;
  /** CDN path -> status and body. */
  cdn: Record<string, { status: number; body: string }>;
  /** The production include the nginx router owns. */
  productionInclude: string;
  productionSlotUpstreams: { blue: string; green: string };
  /** Release store manifests (relative key -> sha256) of what main built and what production got. */
  stored: { main2: Record<string, string>; v100: Record<string, string>; v100Meta: Record<string, unknown> };
  /** Relative key -> sha256 of what production's live URL and the CDN's v1.0.0/ serve, for main2's files. */
  productionServed: Record<string, string>;
  cdnServed: Record<string, string>;
}

let result: DemoResult;
const observed: Observed = {
  tags: {},
  cdn: {},
  productionInclude: '',
  productionSlotUpstreams: { blue: '', green: '' },
  stored: { main2: {}, v100: {}, v100Meta: {} },
  productionServed: {},
  cdnServed: {},
};

const sha256 = (data: ArrayBuffer) => createHash('sha256').update(Buffer.from(data)).digest('hex');

/** Relative key -> sha256 of each of `keys` under baseUrl (or its HTTP status). */
async function hashServed(baseUrl: string, keys: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const response = await fetch(`${baseUrl}/${key}`);
    out[key] = response.ok ? sha256(await response.arrayBuffer()) : `HTTP ${response.status}`;
  }
  return out;
}

async function digestOf(context: DemoContext, tag: string): Promise<string | undefined> {
  const registry = context.stack.registry!;
  const response = await fetch(`${registry.url}/v2/acme/shop-backend/manifests/${tag}`, {
    method: 'HEAD',
    headers: { ...registry.headers(), Accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json' },
  });
  return response.status === 200 ? (response.headers.get('docker-content-digest') ?? undefined) : undefined;
}

function steps(pipelinePrefix: string): StepRecord[] {
  return result.steps.filter((step) => step.pipeline.startsWith(pipelinePrefix));
}

function parseImages(json: string): Array<{ name: string; digest: string }> {
  return JSON.parse(json) as Array<{ name: string; digest: string }>;
}

beforeAll(async () => {
  const missing = missingRequirements();
  if (missing.length) throw new Error(`The pipeline e2e test needs: ${installCommand(missing)}`);
  const notRoot = rootProblem();
  if (notRoot) throw new Error(notRoot);
  result = await runDemoFlow({
    inspect: async (context, flow) => {
      const c2 = flow.commits.c2;
      for (const tag of ['1.0.0', '1.0', '1', 'latest', '1.0.1', `tested-sha-${c2.slice(0, 7)}`]) observed.tags[tag] = await digestOf(context, tag);
      const cdn = context.stack.s3.websiteUrl('shop-cdn');
      for (const key of ['app/v1.0.0/version.json', 'app/v1/version.json', 'app/latest/version.json', 'app/v1.0.1/version.json', 'app/v1.0.0/index.html']) {
        const response = await fetch(`${cdn}/${key}`);
        observed.cdn[key] = { status: response.status, body: await response.text() };
      }
      const { readFileSync } = await import('node:fs');
      const production = (context.config.environments as Record<string, { router: { include: string }; slots: Record<'blue' | 'green', { upstream: string }> }>).production;
      observed.productionInclude = readFileSync(production.router.include, 'utf8');
      observed.productionSlotUpstreams = { blue: production.slots.blue.upstream, green: production.slots.green.upstream };
      const stored = async (release: string) => readManifest(context.stack.s3.client(), 'shop-deploy', `shipkit/releases/shop/${release}`);
      const hashes = (files: Record<string, { sha256: string }> = {}) => Object.fromEntries(Object.entries(files).map(([key, entry]) => [key, entry.sha256]));
      const [main2, v100] = [await stored(flow.releases.main2), await stored('v1.0.0')];
      observed.stored = { main2: hashes(main2?.files), v100: hashes(v100?.files), v100Meta: v100?.meta ?? {} };
      const keys = Object.keys(observed.stored.main2);
      observed.productionServed = await hashServed((context.config.environments as Record<string, { url: string }>).production.url, keys);
      observed.cdnServed = await hashServed(`${cdn}/app/v1.0.0`, keys);
    },
  });
}, 15 * 60_000);


describe('pipeline e2e (the demo flow)', () => {
  test('every step ran in the workflows\' order; only the broken develop push\'s smoke test and v1.0.1\'s canary failed', () => {
    const failed = result.steps.filter((step) => step.status === 'failed');
    expect(failed.map((step) => `${step.pipeline}: ${step.step}`)).toEqual([
      `develop @ ${result.commits.c4.slice(0, 7)}: smoke-test`,
      `release v1.0.1 @ ${result.commits.c3.slice(0, 7)}: blue-green-switch`,
    ]);
    expect(steps(`develop @ ${result.commits.c4.slice(0, 7)}`).map((step) => `${step.step}:${step.status}`)).toEqual([
      'build-images:passed', 'trivy-scan:passed', 'frontend/build.sh:passed', 'deploy-env:passed', 'smoke-test:failed', 'rollback:passed', 'smoke-test:passed',
    ]);
    const order = (prefix: string) => steps(prefix).map((step) => step.step);
    expect(order('develop')).toEqual(expect.arrayContaining(['build-images', 'trivy-scan', 'frontend/build.sh', 'deploy-env', 'smoke-test']));
    expect(order(`main @ ${result.commits.c2.slice(0, 7)}`)).toEqual([
      'build-images', 'trivy-scan', 'frontend/build.sh', 'deploy-env', 'smoke-test', 'blue-green-switch', 'smoke-test', 'mark tested (promote-images)',
    ]);
    expect(steps('release v1.0.1').map((step) => `${step.step}:${step.status}`)).toEqual([
      'promote tested images (promote-images):passed', 'build-images:passed', 'trivy-scan:passed', 'approval gate:skipped', 'frontend/build.sh:passed',
      'deploy-env:passed', 'smoke-test:passed', 'blue-green-switch:failed', 'smoke-test:skipped', 'cdn-publish:skipped', 'alias tags (promote-images):skipped',
    ]);
    expect(steps('release v1.0.1').find((step) => step.step === 'blue-green-switch')?.outputs).toMatchObject({ 'aborted-at': '25', 'live-slot': 'blue' });
    const scans = result.steps.filter((step) => step.step === 'trivy-scan');
    expect(scans.length).toBe(7); // develop x3, main x2, release x2
    for (const scan of scans) expect(scan.status).toBe('passed'); // the real Trivy, or the stand-in (which refuses flags Trivy does not have)
    if (result.trivy === 'stand-in') for (const scan of scans) expect(scan.note).toMatch(/Trivy STAND-IN/);
  });

  test('development: direct deploys; the broken third push was rolled back automatically to the second', () => {
    const development = result.environments.development;
    const [d1, d2, d3] = [result.releases.develop1, result.releases.develop2, result.releases.develop3];
    expect(development.state.live?.release).toBe(d2);
    expect(development.state.live?.slot).toBeUndefined();
    expect(development.state.releases[d3]?.rolledBack).toBe(true);
    expect(d2).toBe(`develop-${result.commits.c2.slice(0, 7)}`);
    expect(development.serving.version).toBe(result.commits.c2.slice(0, 7));
    expect(development.records.map((record) => `${record.type}:${record.status}:${record.release}`)).toEqual([
      `deploy:started:${d1}`, `deploy:succeeded:${d1}`, `smoke:succeeded:${d1}`,
      `deploy:started:${d2}`, `deploy:succeeded:${d2}`, `smoke:succeeded:${d2}`,
      `deploy:started:${d3}`, `deploy:succeeded:${d3}`, `smoke:failed:${d3}`,
      `rollback:started:${d2}`, `rollback:succeeded:${d2}`, `smoke:succeeded:${d2}`,
    ]);
    const rollback = development.records.find((record) => record.type === 'rollback' && record.status === 'succeeded')!;
    expect(rollback).toMatchObject({ trigger: 'automatic', previousRelease: d3 });
    expect(rollback.reason).toBe('automatic: smoke test failed (home)');
  });

  test('staging: blue then green, then manually rolled back to blue (a router flip)', () => {
    const staging = result.environments.staging;
    expect(staging.state.live).toMatchObject({ release: result.releases.main1, slot: 'blue' });
    expect(staging.state.slots.blue).toMatchObject({ release: result.releases.main1, status: 'ready' });
    expect(staging.state.slots.green).toMatchObject({ release: result.releases.main2, status: 'ready' });
    const rollback = staging.records.filter((record) => record.type === 'rollback');
    expect(rollback.map((record) => record.status)).toEqual(['started', 'succeeded']);
    expect(rollback[1]).toMatchObject({ trigger: 'manual', release: result.releases.main1, slot: 'blue' });
    expect(rollback[1].reason).toContain('free shipping banner goes back to review');
    expect(staging.records.filter((record) => record.type === 'switch' && record.status === 'succeeded').map((record) => record.slot)).toEqual(['blue', 'green']);
    // The second push's canary: 20% and 50% each analysed (and passed), then 100%.
    const canary = staging.records.filter((record) => record.type === 'switch' && record.release === result.releases.main2);
    expect(canary.filter((record) => record.details?.phase === 'analysed').map((record) => [record.details!.weight, (record.details!.analysis as { passed: boolean }).passed])).toEqual([[20, true], [50, true]]);
    expect(canary.at(-1)).toMatchObject({ status: 'succeeded', slot: 'green', details: { steps: [20, 50, 100] } });
    expect(staging.serving.version).toBe(result.commits.c1.slice(0, 7));
    expect(staging.serving.api).toMatch(/^200 .*"status":"ok"/);
  });

  test('production: v1.0.0 live on blue; v1.0.1\'s canary failed its first step\'s analysis (the api check on its slot) and all traffic went back', () => {
    const production = result.environments.production;
    expect(production.state.live).toMatchObject({ release: 'v1.0.0', slot: 'blue' });
    expect(production.state.slots.green).toMatchObject({ release: 'v1.0.1', status: 'ready' });
    expect(production.state.canary).toBeUndefined();
    // Never fully live, so nothing was rolled back: the canary returned the traffic itself.
    expect(production.state.releases['v1.0.1']?.rolledBack).toBe(false);
    expect(production.records.filter((record) => record.type === 'rollback')).toEqual([]);
    const canary = production.records.filter((record) => record.type === 'switch' && record.release === 'v1.0.1');
    expect(canary.map((record) => `${record.status}${record.details?.phase ? `:${record.details.phase}:${record.details.weight}` : ''}`)).toEqual(['started', 'progress:set:25', 'progress:analysed:25', 'failed']);
    expect(canary.at(-1)).toMatchObject({ details: { aborted: true, abortedAt: 25, switchedBack: true } });
    // The planted defect: the api check, on the new slot's URL or on the live URL (a quarter of whose requests reach it), whichever spent its budget first.
    expect(canary.at(-1)?.details?.failedCheck).toMatch(/^api \((slot green|live)\)$/);
    expect(canary.at(-1)?.error).toMatch(/aborted at 25%.*All traffic is back on blue/);
    // Build once: production serves main's build of the commit (its version marker is main's `git describe`).
    expect(production.serving.version).toBe(result.commits.c2.slice(0, 7));
    expect(production.serving.api).toMatch(/^200 .*"status":"ok"/);
    expect(observed.productionInclude).toContain(`server ${observed.productionSlotUpstreams.blue};`);
  });

  test('build once: v1.0.0 promoted the exact digest main built and staging tested; v1.0.1 (untested) was built', () => {
    const mainBuild = steps(`main @ ${result.commits.c2.slice(0, 7)}`).find((step) => step.step === 'build-images')!;
    const mainDigest = parseImages(mainBuild.outputs.images).find((image) => image.name === 'shop-backend')!.digest;
    expect(mainDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(observed.tags[`tested-sha-${result.commits.c2.slice(0, 7)}`]).toBe(mainDigest);
    // The aliases moved to v1.0.0 after it went live, and stayed there: v1.0.1's canary was aborted.
    for (const tag of ['1.0.0', '1.0', '1', 'latest']) expect([tag, observed.tags[tag]]).toEqual([tag, mainDigest]);
    const v100 = steps('release v1.0.0');
    expect(v100.find((step) => step.step === 'build-images')?.status).toBe('skipped');
    expect(parseImages(v100.find((step) => step.step.startsWith('promote'))!.outputs.images)[0].digest).toBe(mainDigest);
    const v101Build = steps('release v1.0.1').find((step) => step.step === 'build-images')!;
    expect(v101Build.status).toBe('passed');
    expect(observed.tags['1.0.1']).toBe(parseImages(v101Build.outputs.images)[0].digest);
    expect(observed.tags['1.0.1']).not.toBe(mainDigest);
    expect(steps('release v1.0.1').find((step) => step.step.startsWith('alias tags'))?.status).toBe('skipped');
  });

  test('build once, static files: v1.0.0 is main\'s tested release copied in the release store; production and the CDN serve it byte for byte', () => {
    const main2 = result.releases.main2;
    expect(main2).toBe(`main-${result.commits.c2.slice(0, 7)}`);
    expect(Object.keys(observed.stored.main2).length).toBeGreaterThan(3);
    expect(observed.stored.v100).toEqual(observed.stored.main2);
    expect(observed.stored.v100Meta).toMatchObject({ release: 'v1.0.0', promotedFrom: main2 });
    expect(observed.productionServed).toEqual(observed.stored.main2);
    expect(observed.cdnServed).toEqual(observed.stored.main2);
    // Staging tested main2 (its live smoke test passed) before it was promoted.
    const stagingSmoke = result.environments.staging.records.filter((record) => record.type === 'smoke' && record.release === main2 && record.status === 'succeeded');
    expect(stagingSmoke.length).toBeGreaterThan(0);
    const v100Deploy = result.environments.production.records.find((record) => record.type === 'deploy' && record.status === 'succeeded' && record.release === 'v1.0.0');
    expect(v100Deploy?.details).toMatchObject({ promotedFrom: main2, promotion: { from: main2, reused: false } });
    const v101Deploy = result.environments.production.records.find((record) => record.type === 'deploy' && record.status === 'succeeded' && record.release === 'v1.0.1');
    expect(v101Deploy?.details?.promotedFrom).toBeUndefined();
    const v100Steps = steps('release v1.0.0');
    expect(v100Steps.find((step) => step.step === 'frontend/build.sh')?.status).toBe('skipped');
    expect(steps('release v1.0.1').find((step) => step.step === 'frontend/build.sh')?.status).toBe('passed');
  });

  test('preview: pull request #7 got its own preview, a push updated it, closing removed every object of it and nothing else', () => {
    const preview = result.preview;
    expect(steps('preview #7').map((step) => `${step.step}:${step.status}`)).toEqual([
      'frontend/build.sh:passed', 'deploy-env:passed', 'smoke-test:passed',
      'frontend/build.sh:passed', 'deploy-env:passed', 'smoke-test:passed',
      'remove-preview:passed',
    ]);
    expect(preview.releases).toHaveLength(2);
    for (const release of preview.releases) expect(release).toMatch(/^pr-7-[0-9a-f]{7}$/);
    expect(preview.releases[0]).not.toBe(preview.releases[1]);
    // Each push served its own build (version.json is `git describe`: the branch starts at the v1.0.0 commit).
    expect(preview.served[0]).toBe('{"version":"v1.0.0"}');
    expect(preview.served[1]).toContain(preview.releases[1].slice(-7));
    expect(preview.objectsAfterClose).toBe(0);
    expect(preview.otherBucketsUntouched).toBe(true);
  });

  test('CDN: v1.0.0 and its aliases published; v1.0.1 never reached the CDN', () => {
    const tested = `{"version":"${result.commits.c2.slice(0, 7)}"}\n`;
    expect(observed.cdn['app/v1.0.0/version.json']).toEqual({ status: 200, body: tested });
    expect(observed.cdn['app/v1/version.json'].body).toBe(tested);
    expect(observed.cdn['app/latest/version.json'].body).toBe(tested);
    expect(observed.cdn['app/v1.0.1/version.json'].status).toBe(404);
    expect(observed.cdn['app/v1.0.0/index.html'].body).toContain(`content="${result.commits.c2.slice(0, 7)}"`);
    expect(steps('release v1.0.1').find((step) => step.step === 'cdn-publish')?.status).toBe('skipped');
  });
});
