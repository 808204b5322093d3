import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runner, ShipkitError } from '@shipkit/core';
import {
  DEFAULT_REGISTRY_RETRY,
  definitionArgs,
  registryLogin,
  run,
  withRegistryRetry,
  type BuildRequest,
  type BuildResult,
  type Engine,
  type RegistryRetry,
} from './engine.js';

/** The `docker buildx build` arguments for one image (pure, for tests and docs). */
export function dockerBuildArgs(request: Omit<BuildRequest, 'log' | 'tempDir'>, options: { metadataFile: string }): string[] {
  const { image } = request;
  const args = ['buildx', 'build', '--file', image.file, '--metadata-file', options.metadataFile];
  args.push(...definitionArgs(request));
  if (image.platforms.length) args.push('--platform', image.platforms.join(','));
  for (const tag of request.tags) args.push('--tag', `${request.repository}:${tag}`);
  // One cache scope per image, so the images of an app do not evict each other's cache.
  const scope = image.name.replace(/[^A-Za-z0-9_.-]/g, '-');
  if (request.cache === 'gha') args.push('--cache-from', `type=gha,scope=${scope}`, '--cache-to', `type=gha,mode=max,scope=${scope}`);
  if (request.cache === 'registry') {
    const cacheRef = `${request.repository}:buildcache`;
    args.push('--cache-from', `type=registry,ref=${cacheRef}`, '--cache-to', `type=registry,ref=${cacheRef},mode=max`);
  }
  if (request.cache === 'none') args.push('--no-cache');
  // --load keeps a local image when not pushing (single platform only, a docker limitation).
  if (request.push) args.push('--push');
  else if (image.platforms.length <= 1) args.push('--load');
  args.push(image.context);
  return args;
}

/** Reads buildx's --metadata-file: the pushed digest is containerimage.digest. */
export function parseBuildxMetadata(text: string): { digest?: string; imageId?: string } {
  const data = JSON.parse(text) as Record<string, unknown>;
  const digest = typeof data['containerimage.digest'] === 'string' ? (data['containerimage.digest'] as string) : undefined;
  const config = data['containerimage.config.digest'];
  return { digest, imageId: typeof config === 'string' ? config : undefined };
}

export class DockerEngine implements Engine {
  readonly name = 'docker' as const;
  readonly state: Record<string, string> = {};

  constructor(private readonly registryRetry: RegistryRetry = DEFAULT_REGISTRY_RETRY) {}

  async login(host: string, username: string, password: string, insecure: boolean): Promise<void> {
    if (insecure) runner.warning(`insecure: docker reaches plain-HTTP registries only when the daemon lists ${host} in "insecure-registries".`);
    await registryLogin(host, username, this.registryRetry, () =>
      run('docker', ['login', '--username', username, '--password-stdin', host], { label: `docker login ${host}`, input: password, secrets: [password] }),
    );
    this.state.loggedIn = 'true';
  }

  async build(request: BuildRequest): Promise<BuildResult> {
    const metadataFile = path.join(request.tempDir, 'metadata.json');
    const host = request.repository.split('/')[0];
    const started = Date.now();
    // buildx builds and pushes in one command, so the build time includes the push.
    const build = (): Promise<string> => run('docker', dockerBuildArgs(request, { metadataFile }), { label: `docker buildx build (${request.image.name})`, log: request.log });
    await (request.push ? withRegistryRetry(`push of ${request.repository}`, host, this.registryRetry, request.log, build) : build());
    const metadata = parseBuildxMetadata(readFileSync(metadataFile, 'utf8'));
    if (request.push && !metadata.digest) throw new ShipkitError(`docker buildx pushed ${request.repository} but reported no digest in ${metadataFile}.`);
    return { digest: request.push ? metadata.digest : undefined, imageId: metadata.imageId, buildMs: Date.now() - started, pushMs: 0 };
  }

  async logout(host: string, state: Record<string, string>): Promise<void> {
    if (state.loggedIn !== 'true') return;
    await run('docker', ['logout', host], { label: `docker logout ${host}` });
  }
}
