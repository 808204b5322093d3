import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ShipkitError } from '@shipkit/core';
import {
  DEFAULT_REGISTRY_RETRY,
  definitionArgs,
  registryLogin,
  run,
  withRegistryRetry,
  type BuildRequest,
  type BuildResult,
  type Engine,
  type ImageLog,
  type RegistryRetry,
} from './engine.js';

/**
 * Global flags from buildah's own environment. buildah reads BUILDAH_ISOLATION, BUILDAH_LAYERS,
 * REGISTRY_AUTH_FILE and CONTAINERS_STORAGE_CONF itself; STORAGE_DRIVER and STORAGE_OPTS are only
 * honoured by some versions, so they are passed as flags to be sure.
 */
export function buildahGlobalArgs(env: NodeJS.ProcessEnv): string[] {
  const args: string[] = [];
  if (env.STORAGE_DRIVER) args.push('--storage-driver', env.STORAGE_DRIVER);
  for (const option of (env.STORAGE_OPTS ?? '').split(',').map((item) => item.trim()).filter(Boolean)) args.push('--storage-opt', option);
  return args;
}

/** The `buildah build` arguments for one image (pure, for tests and docs). */
export function buildahBuildArgs(request: Omit<BuildRequest, 'log' | 'tempDir'>, options: { iidfile: string; manifest: string; authfile?: string }): string[] {
  const { image } = request;
  const args = ['build', '--file', image.file];
  // --iidfile holds one image id, so a multi-platform build is found by its manifest list instead.
  if (image.platforms.length <= 1) args.push('--iidfile', options.iidfile);
  // buildah's layer cache ignores the platform (1.28 reuses the amd64 layers for arm64 and the
  // list ends up with one entry), so multi-platform builds run without it.
  const layers = (request.cache === 'layers' || request.cache === 'registry') && image.platforms.length <= 1;
  if (layers) args.push('--layers');
  if (layers && request.cache === 'registry') {
    args.push('--cache-from', `${request.repository}-cache`, '--cache-to', `${request.repository}-cache`);
  }
  if (request.cache === 'none') args.push('--no-cache');
  args.push(...definitionArgs(request));
  if (request.insecure) args.push('--tls-verify=false');
  if (options.authfile) args.push('--authfile', options.authfile);
  if (image.platforms.length > 1) {
    // Several platforms make a manifest list; its private name keeps reruns from adding to an old list.
    args.push('--platform', image.platforms.join(','), '--manifest', options.manifest);
  } else {
    if (image.platforms.length === 1) args.push('--platform', image.platforms[0]);
    for (const tag of request.tags) args.push('--tag', `${request.repository}:${tag}`);
  }
  args.push(image.context);
  return args;
}

interface InspectedImage {
  Manifest?: string;
}

export class BuildahEngine implements Engine {
  readonly name = 'buildah' as const;
  readonly state: Record<string, string> = {};
  private authfile?: string;
  private readonly global: string[];

  constructor(
    private readonly tempRoot: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly registryRetry: RegistryRetry = DEFAULT_REGISTRY_RETRY,
  ) {
    this.global = buildahGlobalArgs(env);
  }

  private buildah(args: string[], options: { label: string; log?: ImageLog; input?: string; secrets?: string[]; quiet?: boolean }): Promise<string> {
    // The engine's environment (buildah's own variables) goes to every buildah command.
    return run('buildah', [...this.global, ...args], { ...options, env: this.env === process.env ? undefined : this.env });
  }

  /**
   * Logs in with a private auth file under RUNNER_TEMP, so the runner's own credentials are left
   * alone and the post step can remove it. The password goes through stdin only.
   */
  async login(host: string, username: string, password: string, insecure: boolean): Promise<void> {
    const dir = mkdtempSync(path.join(this.tempRoot, 'buildah-auth-'));
    this.authfile = path.join(dir, 'auth.json');
    this.state.authDir = dir;
    const args = ['login', '--authfile', this.authfile, '--username', username, '--password-stdin'];
    if (insecure) args.push('--tls-verify=false');
    args.push(host);
    await registryLogin(host, username, this.registryRetry, () => this.buildah(args, { label: `buildah login ${host}`, input: password, secrets: [password] }));
  }

  async build(request: BuildRequest): Promise<BuildResult> {
    const iidfile = path.join(request.tempDir, 'iid');
    const multiPlatform = request.image.platforms.length > 1;
    const manifest = `localhost/shipkit-manifest-${path.basename(path.dirname(request.tempDir))}-${path.basename(request.tempDir)}`.toLowerCase();
    const started = Date.now();
    await this.buildah(buildahBuildArgs(request, { iidfile, manifest, authfile: this.authfile }), { label: `buildah build (${request.image.name})`, log: request.log });
    const imageId = multiPlatform ? manifest : readFileSync(iidfile, 'utf8').trim();
    const buildMs = Date.now() - started;
    const size = multiPlatform ? undefined : await this.imageSize(imageId, request.log);
    if (!request.push) return { imageId, size, buildMs, pushMs: 0 };

    const pushStarted = Date.now();
    const host = request.repository.split('/')[0];
    let digest: string | undefined;
    for (const tag of request.tags) {
      const destination = `${request.repository}:${tag}`;
      const digestfile = path.join(request.tempDir, `digest-${tag}`);
      const args = multiPlatform ? ['manifest', 'push', '--all'] : ['push'];
      args.push('--digestfile', digestfile);
      // withRegistryRetry (backoff, then a clear error) handles an unreachable registry; buildah's
      // own retries (3, 2s apart) would multiply the wait, so they are turned off where possible.
      if (!multiPlatform && (await this.pushHasRetryFlags())) args.push('--retry', '0', '--retry-delay', '200ms');
      if (request.insecure) args.push('--tls-verify=false');
      if (this.authfile) args.push('--authfile', this.authfile);
      args.push(imageId, `docker://${destination}`);
      await withRegistryRetry(`push of ${destination}`, host, this.registryRetry, request.log, () =>
        this.buildah(args, { label: `buildah push ${destination}`, log: request.log }),
      );
      const pushed = readFileSync(digestfile, 'utf8').trim();
      // Every tag must name the same manifest; a different digest would make the outputs lie.
      if (digest && pushed !== digest) {
        throw new ShipkitError(`Pushing ${destination} produced digest ${pushed}, but the other tags of ${request.image.name} point at ${digest}.`);
      }
      digest = pushed;
    }
    return { digest, imageId, size, buildMs, pushMs: Date.now() - pushStarted };
  }

  private retryFlags?: Promise<boolean>;

  /** Older buildah (e.g. 1.23 on Ubuntu 22.04) has no push --retry flags. */
  private pushHasRetryFlags(): Promise<boolean> {
    this.retryFlags ??= this.buildah(['push', '--help'], { label: 'buildah push --help', quiet: true }).then(
      (help) => help.includes('--retry-delay'),
      () => false,
    );
    return this.retryFlags;
  }

  /** Sum of the image's layer and config sizes, from buildah's local manifest. */
  private async imageSize(imageId: string, log: ImageLog): Promise<number | undefined> {
    try {
      const output = await this.buildah(['inspect', '--type', 'image', imageId], { label: 'buildah inspect', quiet: true });
      const inspected = JSON.parse(output) as InspectedImage;
      const manifest = JSON.parse(inspected.Manifest ?? '{}') as { config?: { size?: number }; layers?: Array<{ size?: number }> };
      return (manifest.layers ?? []).reduce((total, layer) => total + (layer.size ?? 0), manifest.config?.size ?? 0);
    } catch (error) {
      log.info(`Could not read the size of ${imageId}: ${String(error)}`);
      return undefined;
    }
  }

  async logout(host: string, state: Record<string, string>): Promise<void> {
    const dir = state.authDir;
    if (!dir || !existsSync(dir)) return;
    // Removing the private auth file is the logout: nothing else holds the credentials.
    rmSync(dir, { recursive: true, force: true });
  }
}
