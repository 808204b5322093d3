import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runner, formatBytes, formatDuration, mapLimit, ShipkitError, type Cell } from '@shipkit/core';
import { BuildahEngine } from './buildah.js';
import { repositoryOf, type BuildContext, type CacheMode, type EngineChoice } from './context.js';
import { DockerEngine } from './docker.js';
import { answers, ImageLog, type Engine, type RegistryRetry, type ResolvedCache } from './engine.js';
import { ociLabels } from './labels.js';
import { computeTags } from './tags.js';

export interface BuiltImage {
  name: string;
  /** <registry>/<name> */
  repository: string;
  /** <registry>/<name>@<digest> when pushed, else <registry>/<name>:<first tag>. */
  ref: string;
  digest?: string;
  tags: string[];
  size?: number;
  buildMs: number;
  pushMs: number;
}

export interface BuildOutcome {
  version: string;
  tags: string[];
  images: BuiltImage[];
  engine: Engine['name'];
}

/** Picks the engine: `auto` is docker when a Docker engine with buildx answers, else buildah. */
export async function selectEngine(
  choice: EngineChoice,
  options: { tempRoot: string; env?: NodeJS.ProcessEnv; registryRetry?: RegistryRetry; probe?: typeof answers },
): Promise<Engine> {
  const probe = options.probe ?? answers;
  const buildah = (): Engine => new BuildahEngine(options.tempRoot, options.env, options.registryRetry);
  if (choice === 'buildah') return buildah();
  if (choice === 'docker') return new DockerEngine(options.registryRetry);
  if ((await probe('docker', ['info', '--format', '{{.ServerVersion}}'])) && (await probe('docker', ['buildx', 'version']))) {
    return new DockerEngine(options.registryRetry);
  }
  if (await probe('buildah', ['--version'])) return buildah();
  throw new ShipkitError('No build engine found: no Docker engine with buildx answered ("docker info") and buildah is not installed.', {
    hint: 'Use a runner with Docker (e.g. ubuntu-latest) or install buildah (apt-get install buildah).',
  });
}

/** What `cache` means for an engine: auto is gha on docker inside Actions, layers otherwise. */
export function resolveCache(mode: CacheMode, engine: Engine['name'], env: NodeJS.ProcessEnv = process.env): ResolvedCache {
  if (mode !== 'auto') return mode;
  if (engine === 'docker') return env.ACTIONS_RUNTIME_TOKEN ? 'gha' : 'layers';
  return 'layers';
}

/**
 * Builds (and pushes) every image, `concurrency` at a time, each in its own log group. Logs in
 * first when credentials are given. Returns what was built, in input order.
 */
export async function buildImages(
  context: BuildContext,
  engine: Engine,
  options: { tempRoot: string; created?: Date; env?: NodeJS.ProcessEnv; onBuilt?: (image: BuiltImage) => void },
): Promise<BuildOutcome> {
  const plan = computeTags(context.tagRules, context.ref);
  if (!plan.tags.length) {
    throw new ShipkitError(`The tag rules produce no tag for ref ${JSON.stringify(context.ref.ref)} (event ${context.ref.eventName}).`, {
      hint: 'Add a rule that always applies, such as "sha" or "raw=<tag>", to the "tags" input.',
    });
  }
  const cache = resolveCache(context.cache, engine.name, options.env);
  if (context.username && context.password && (context.push || cache === 'registry')) {
    await engine.login(context.registryHost, context.username, context.password, context.insecure);
  }
  const created = options.created ?? new Date();
  const live = context.concurrency === 1 || context.images.length === 1;
  const workDir = mkdtempSync(path.join(options.tempRoot, 'build-images-'));
  runner.info(`Building ${context.images.length} image(s) with ${engine.name} (cache: ${cache}), ${Math.min(context.concurrency, context.images.length)} at a time; tags: ${plan.tags.join(', ')}`);
  try {
    const images = await mapLimit(context.images, context.concurrency, async (image, index) => {
      const repository = repositoryOf(context, image.name);
      const log = new ImageLog(`${image.name}: ${repository}`, live);
      const tempDir = mkdtempSync(path.join(workDir, `${index}-`));
      const buildOne = async (): Promise<BuiltImage> => {
        try {
          const result = await engine.build({
            image,
            repository,
            tags: plan.tags,
            labels: ociLabels(image, { sourceUrl: context.sourceUrl, revision: context.ref.sha, version: plan.version, created }),
            cache,
            push: context.push,
            insecure: context.insecure,
            tempDir,
            log,
          });
          const built: BuiltImage = {
            name: image.name,
            repository,
            ref: result.digest ? `${repository}@${result.digest}` : `${repository}:${plan.tags[0]}`,
            digest: result.digest,
            tags: plan.tags,
            size: result.size,
            buildMs: result.buildMs,
            pushMs: result.pushMs,
          };
          const pushed = result.digest ? `, pushed ${result.digest} as ${plan.tags.join(', ')}${result.pushMs ? ` in ${formatDuration(result.pushMs)}` : ''}` : '';
          log.info(`${image.name}: built in ${formatDuration(result.buildMs)}${pushed}`);
          options.onBuilt?.(built);
          return built;
        } catch (error) {
          if (error instanceof ShipkitError && !error.message.includes(`"${image.name}"`)) {
            throw new ShipkitError(`Image "${image.name}": ${error.message}`, { hint: error.hint, cause: error });
          }
          throw error;
        } finally {
          log.flush();
        }
      };
      if (!live) runner.info(`${image.name}: building ${repository}`);
      return live ? runner.group(`${image.name}: ${repository}`, buildOne) : buildOne();
    });
    return { version: plan.version, tags: plan.tags, images, engine: engine.name };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The `images` output: what the next steps need about each image. */
export function imagesOutput(images: readonly BuiltImage[]): Array<{ name: string; ref: string; digest: string | null; tags: string[]; repository: string }> {
  return images.map((image) => ({ name: image.name, ref: image.ref, digest: image.digest ?? null, tags: image.tags, repository: image.repository }));
}

/** The `refs` output: one pinned reference per line, ready for trivy-scan. */
export function refsOutput(images: readonly BuiltImage[]): string {
  return images.map((image) => image.ref).join('\n');
}

export function summaryRows(images: readonly BuiltImage[]): Cell[][] {
  return images.map((image) => [
    `\`${image.repository}\``,
    image.tags.map((tag) => `\`${tag}\``).join(' '),
    image.digest ? `\`${image.digest}\`` : 'not pushed',
    image.size === undefined ? undefined : formatBytes(image.size),
    formatDuration(image.buildMs),
  ]);
}

export const SUMMARY_HEADERS = ['Image', 'Tags', 'Digest', 'Size', 'Build time'];
