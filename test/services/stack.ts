/**
 * The local stack the demo and the pipeline e2e test run against: S3 (state store, release store,
 * website buckets), an OCI registry with the busybox base image, and an nginx router — started
 * together, stopped together.
 */
import {
  buildBaseImage,
  buildahEnv,
  startNginxRouter,
  startRegistry,
  startS3,
  type NginxRouterService,
  type RegistryOptions,
  type RegistryService,
  type S3Service,
} from './index.js';

export interface StackOptions {
  /** Plain buckets created at start (e.g. the state bucket). */
  buckets?: string[];
  /** Buckets served as S3 websites (s3.websiteUrl(name)). */
  websites?: string[];
  /** Start a registry (default true); options for htpasswd/tls. */
  registry?: boolean | RegistryOptions;
  /** Build the busybox base image (default: when a registry is started). */
  baseImage?: boolean;
  /** Start an nginx router for this environment (e.g. 'staging'); omitted: no nginx. */
  router?: { environment: string; upstream?: string };
}

export interface Stack {
  s3: S3Service;
  registry?: RegistryService;
  baseImage?: string;
  router?: NginxRouterService;
  /** s3.env plus buildahEnv: what an action run against this stack needs. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const started: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    const errors: unknown[] = [];
    for (const stop of started.reverse()) {
      try {
        await stop();
      } catch (error) {
        errors.push(error);
      }
    }
    started.length = 0;
    if (errors.length) throw new AggregateError(errors, 'some services did not stop cleanly');
  };
  const wantRegistry = options.registry ?? true;
  const track = <T extends { stop(): Promise<void> }>(service: T): T => {
    started.push(() => service.stop());
    return service;
  };
  // allSettled, not all: a failure must not leave a sibling starting unseen (and never stopped).
  const results = await Promise.allSettled([
    startS3({ buckets: options.buckets, websites: options.websites }).then(track),
    wantRegistry ? startRegistry(wantRegistry === true ? {} : wantRegistry).then(track) : Promise.resolve(undefined),
    (options.baseImage ?? Boolean(wantRegistry)) ? buildBaseImage() : Promise.resolve(undefined),
    options.router ? startNginxRouter(options.router).then(track) : Promise.resolve(undefined),
  ] as const);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await stopAll().catch(() => undefined);
    throw failed.reason;
  }
  const [s3, registry, baseImage, router] = results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as [
    S3Service,
    RegistryService | undefined,
    string | undefined,
    NginxRouterService | undefined,
  ];
  return { s3, registry, baseImage, router, env: { ...s3.env, ...buildahEnv }, stop: stopAll };
}
