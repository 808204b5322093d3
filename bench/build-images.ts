/**
 * build-images: a rebuild with unchanged sources reuses buildah's layers.
 *
 *   npm run bench -- build-images      (or: npx tsx bench/build-images.ts)
 *
 * Builds the fixture images (backend, frontend) into a private vfs store and pushes them to a
 * local docker-registry, three times with the same inputs:
 *   1. first build        cache: layers, empty store
 *   2. rebuild            cache: layers, unchanged sources -> every step "Using cache"
 *   3. rebuild, no cache  cache: none (what a build without layer reuse costs)
 * and prints the times, the ratios and how many build steps came from the cache.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunContext } from '@shipkit/core';
import { buildImages, type BuildOutcome } from '../packages/build-images/src/build.js';
import { BuildahEngine } from '../packages/build-images/src/buildah.js';
import { buildContext, type CacheMode } from '../packages/build-images/src/context.js';
import { FIXTURES } from '../packages/build-images/test/registry.js';
import { BASE_IMAGE, buildah as runBuildah, startRegistry } from '../test/services/index.js';

const run: RunContext = {
  eventName: 'push',
  ref: 'refs/heads/develop',
  sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
  repository: 'acme/shop',
  serverUrl: 'https://github.com',
  runId: '1',
  runAttempt: '1',
  actor: 'bench',
  workflow: 'bench',
  job: 'bench',
  workspace: FIXTURES,
  defaultBranch: 'main',
  payload: {},
};

/**
 * A private, empty vfs store (the shared test store would make the "first" build warm) with the
 * same busybox base image test/services builds.
 */
async function coldStore(): Promise<{ env: Record<string, string>; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-bench-store-'));
  writeFileSync(path.join(dir, 'storage.conf'), `[storage]\ndriver = "vfs"\ngraphroot = "${dir}/graph"\nrunroot = "${dir}/run"\n`);
  const env = { CONTAINERS_STORAGE_CONF: path.join(dir, 'storage.conf'), STORAGE_DRIVER: 'vfs', BUILDAH_ISOLATION: 'chroot' };
  const context = path.join(dir, 'base');
  mkdirSync(context);
  copyFileSync('/bin/busybox', path.join(context, 'busybox'));
  writeFileSync(path.join(context, 'Containerfile'), 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nENV PATH=/bin\n');
  await runBuildah(['build', '--quiet', '-f', path.join(context, 'Containerfile'), '-t', BASE_IMAGE, context], { env });
  return { env, dir };
}

/** Runs fn with stdout captured (the action logs every build step), returning both. */
async function captured<T>(fn: () => Promise<T>): Promise<{ value: T; log: string }> {
  const write = process.stdout.write.bind(process.stdout);
  let log = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    log += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    return { value: await fn(), log };
  } finally {
    process.stdout.write = write;
  }
}

const store = await coldStore();
const registry = await startRegistry();
const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'shipkit-bench-build-images-'));
try {
  const base = BASE_IMAGE;
  const images = [
    `- { name: shop/backend, context: app/backend, build-args: { BASE: "${base}" } }`,
    `- { name: shop/frontend, context: app/frontend, target: runtime, build-args: { BASE: "${base}" } }`,
  ].join('\n');
  // One fixed creation time: unchanged inputs then give the very same image.
  const created = new Date('2026-01-01T00:00:00Z');
  const engine = new BuildahEngine(tempRoot, { ...process.env, ...store.env });

  async function measure(label: string, cache: CacheMode): Promise<{ label: string; ms: number; cached: number; steps: number; outcome: BuildOutcome }> {
    const context = buildContext(
      { images, registry: `${registry.host}/bench`, username: '', password: '', push: 'true', tags: '', engine: 'buildah', cache, concurrency: '2', insecure: 'true' },
      undefined,
      run,
    );
    const started = performance.now();
    const { value: outcome, log } = await captured(() => buildImages(context, engine, { tempRoot, created }));
    const ms = performance.now() - started;
    return { label, ms, cached: (log.match(/--> Using cache/g) ?? []).length, steps: (log.match(/STEP \d+\/\d+:/g) ?? []).length, outcome };
  }

  const first = await measure('first build (layers)', 'layers');
  const rebuild = await measure('rebuild, unchanged (layers)', 'layers');
  const uncached = await measure('rebuild, no cache', 'none');

  const rows = [first, rebuild, uncached];
  console.log('\nbuild-images: 2 images (buildah, vfs, chroot), built and pushed to a local docker-registry\n');
  const buildMs = (row: (typeof rows)[number]): number => row.outcome.images.reduce((total, image) => total + image.buildMs, 0);
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)}s`.padStart(10);
  console.log(`${'run'.padEnd(30)}${'total'.padStart(10)}${'builds'.padStart(10)}   steps from cache`);
  for (const row of rows) console.log(`${row.label.padEnd(30)}${seconds(row.ms)}${seconds(buildMs(row))}   ${row.cached}/${row.steps}`);
  console.log('(total includes pushing every tag; builds is the sum of the images\' build times, 2 run at once)');
  const sameDigests = first.outcome.images.every((image, index) => image.digest === rebuild.outcome.images[index].digest);
  console.log(`\nrebuild / first build      = ${(rebuild.ms / first.ms).toFixed(2)} total, ${(buildMs(rebuild) / buildMs(first)).toFixed(2)} builds`);
  console.log(`rebuild / no-cache rebuild = ${(rebuild.ms / uncached.ms).toFixed(2)} total, ${(buildMs(rebuild) / buildMs(uncached)).toFixed(2)} builds`);
  console.log(`rebuild pushed the same digests as the first build: ${sameDigests ? 'yes' : 'no'}`);
} finally {
  await registry.stop();
  rmSync(tempRoot, { recursive: true, force: true });
  rmSync(store.dir, { recursive: true, force: true });
}
