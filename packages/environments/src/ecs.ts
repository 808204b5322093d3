import path from 'node:path';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type RegisterTaskDefinitionCommandInput,
  type Service,
} from '@aws-sdk/client-ecs';
import { runner, awsClientSettings, errorMessage, formatDuration, invalidInput, parseJsonFile, parseTimeout, pollDelay, readFileInside, ShipkitError, sleep, type EcsConfig, type EcsServiceConfig } from '@shipkit/core';

/** One ECS service a release is deployed to, with everything validated. */
export interface EcsService {
  cluster: string;
  service: string;
  /** A family (the latest ACTIVE revision is the base) or a task definition JSON file (absolute path, read once when the config is resolved). */
  taskDefinition: { family: string } | { file: string; family: string; definition: RegisterTaskDefinitionCommandInput };
  /** Container name -> image name in build-images' `images` output. */
  containerImages: Record<string, string>;
  /** The config field, for errors. */
  field: string;
}

export interface EcsTarget {
  services: EcsService[];
  timeoutMs: number;
  region?: string;
  endpoint?: string;
}

/** How the ledger keys a service: `cluster/service`. */
export function ecsServiceKey(service: Pick<EcsService, 'cluster' | 'service'>): string {
  return `${service.cluster}/${service.service}`;
}

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const CLUSTER = /^(?:[A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255})$/;
export const DEFAULT_ECS_TIMEOUT = '10m';

/**
 * The ECS services of an environment (direct) or of one slot (blue-green), from the config:
 * `ecs: { cluster, service | services, task-definition, container-images, timeout }`, a slot's
 * `ecs: { service | services }` naming its own services. Every name, file and mapping is checked
 * here, before anything changes.
 */
export function resolveEcsTarget(config: EcsConfig | undefined, slotConfig: Pick<EcsConfig, 'service' | 'services'> | undefined, fieldPrefix: string, slotField: string | undefined, workspace: string): EcsTarget {
  if (!config) throw new ShipkitError(`${fieldPrefix}.ecs is required for target ecs: { cluster, service, task-definition, container-images }.`);
  const field = `${fieldPrefix}.ecs`;
  if (!config.cluster || !CLUSTER.test(config.cluster)) throw invalidInput(`${field}.cluster`, config.cluster, 'an ECS cluster name (letters, digits, - and _) or a cluster ARN');
  const listField = slotField ? `${slotField}.ecs` : field;
  const source = slotField ? slotConfig : config;
  if (slotField && !slotConfig) throw new ShipkitError(`${slotField}.ecs is required for a blue-green ecs target: { service } (each slot runs its own service).`);
  const entries: Array<EcsServiceConfig | string> = source?.services ?? (source?.service ? [source.service] : []);
  if (!entries.length) throw new ShipkitError(`${listField} names no service: set service (or services: [...]).`);
  const seen = new Set<string>();
  const services = entries.map((entry, index): EcsService => {
    const at = source?.services ? `${listField}.services[${index}]` : `${listField}.service`;
    const spec: EcsServiceConfig = typeof entry === 'string' ? { service: entry } : entry;
    if (!spec.service || !NAME.test(spec.service)) throw invalidInput(typeof entry === 'string' ? at : `${at}.service`, spec.service, 'an ECS service name (letters, digits, - and _)');
    if (seen.has(spec.service)) throw new ShipkitError(`${at} repeats service ${JSON.stringify(spec.service)}.`);
    seen.add(spec.service);
    const taskDefinition = spec['task-definition'] ?? config['task-definition'];
    const taskField = spec['task-definition'] !== undefined ? `${at}.task-definition` : `${field}.task-definition`;
    if (!taskDefinition) throw new ShipkitError(`${field}.task-definition is required: a task definition family, or a JSON file in the repository (e.g. deploy/api-task.json).`);
    const containerImages = spec['container-images'] ?? config['container-images'];
    const imagesField = spec['container-images'] !== undefined ? `${at}.container-images` : `${field}.container-images`;
    if (!containerImages || !Object.keys(containerImages).length) throw new ShipkitError(`${imagesField} is required: which container runs which image, e.g. { api: shop-backend } (image names as in build-images' images output).`);
    for (const [container, image] of Object.entries(containerImages)) {
      if (!NAME.test(container)) throw invalidInput(`${imagesField}.${container}`, container, 'a container name of the task definition');
      if (typeof image !== 'string' || !/^[a-z0-9][a-z0-9._/-]*$/.test(image)) throw invalidInput(`${imagesField}.${container}`, image, "an image name from build-images' images output (e.g. shop-backend)");
    }
    return { cluster: config.cluster, service: spec.service, taskDefinition: taskDefinitionSource(taskDefinition, taskField, workspace), containerImages, field: at };
  });
  const timeoutMs = parseTimeout(config.timeout ?? DEFAULT_ECS_TIMEOUT, `${field}.timeout`);
  if (timeoutMs > 6 * 3_600_000) throw invalidInput(`${field}.timeout`, config.timeout, 'a duration of at most 6h (a GitHub job runs at most 6h)');
  return { services, timeoutMs, region: config.region, endpoint: config.endpoint };
}

function taskDefinitionSource(value: string, field: string, workspace: string): EcsService['taskDefinition'] {
  if (!value.endsWith('.json')) {
    if (!NAME.test(value)) throw invalidInput(field, value, 'a task definition family (letters, digits, - and _) or a .json file in the repository');
    return { family: value };
  }
  // By real path, inside the workspace; errors never quote the file (see @shipkit/core readFileInside).
  const { file, text } = readFileInside(field, value, { workspace, kind: 'task definition file', expected: 'a .json file inside the repository (or RUNNER_TEMP)' });
  const definition = readTaskDefinitionFile(file, field, text);
  return { file, family: definition.family!, definition };
}

function readTaskDefinitionFile(file: string, field: string, text: string): RegisterTaskDefinitionCommandInput {
  const parsed = parseJsonFile(text, `${field}: ${path.basename(file)}`);
  const definition = parsed as RegisterTaskDefinitionCommandInput;
  if (!definition || typeof definition !== 'object' || typeof definition.family !== 'string' || !NAME.test(definition.family) || !Array.isArray(definition.containerDefinitions) || !definition.containerDefinitions.length) {
    throw new ShipkitError(`${field}: ${path.basename(file)} is not a task definition: expected an object with family and containerDefinitions (as \`aws ecs describe-task-definition\` prints under taskDefinition).`);
  }
  return definition;
}

/**
 * Checks an ecs deploy before anything changes: every mapped image is in `images` with a digest,
 * and every service exists (ACTIVE) in its cluster. Errors name the input or the config field.
 */
export async function checkEcsTarget(target: EcsTarget, images: unknown, client: ECSClient = createEcsClient(target)): Promise<void> {
  if (images === undefined) {
    throw new ShipkitError(`Input "images" is required for an ecs target: build-images' images output, whose digests the new task definition revisions run (${target.services.map((service) => service.field).join(', ')}).`, {
      hint: 'images: ${{ steps.build.outputs.images }} (or from-release, to reuse a deployed release\'s images).',
    });
  }
  for (const service of target.services) containerImageRefs(service, images);
  await describeEcsServices(client, target.services);
  // Every mapped container exists in the task definition each service is registered from: found here,
  // not after other services' revisions were registered.
  for (const service of target.services) {
    const base = await baseTaskDefinition(client, service);
    const containers = (base.containerDefinitions ?? []).map((container) => container.name);
    for (const container of Object.keys(service.containerImages)) {
      if (!containers.includes(container)) {
        throw new ShipkitError(`${service.field}: container-images names container ${JSON.stringify(container)}, but task definition ${service.taskDefinition.family} has ${containers.map((name) => JSON.stringify(name)).join(', ') || 'no containers'}.`);
      }
    }
  }
}

/** The task definition a service's new revision is registered from: its JSON file, or the family's latest ACTIVE revision. */
async function baseTaskDefinition(client: ECSClient, service: EcsService): Promise<RegisterTaskDefinitionCommandInput> {
  if ('file' in service.taskDefinition) return service.taskDefinition.definition;
  try {
    const described = await client.send(new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition.family, include: ['TAGS'] }));
    return { ...(described.taskDefinition as RegisterTaskDefinitionCommandInput), tags: described.tags?.length ? described.tags : undefined };
  } catch (error) {
    throw new ShipkitError(`${service.field}: could not read task definition family ${service.taskDefinition.family}: ${errorMessage(error)}`, {
      hint: 'Register the family once (your infrastructure code), or point task-definition at a JSON file in the repository.',
    });
  }
}

export function createEcsClient(target: Pick<EcsTarget, 'region' | 'endpoint'>): ECSClient {
  return new ECSClient({ ...awsClientSettings('ECS', { endpoint: target.endpoint }), ...(target.region ? { region: target.region } : {}) });
}

interface ImageEntry {
  name?: string;
  repository?: string;
  digest?: string;
}

/**
 * The image reference of each mapped container: `<repository>@<digest>` from build-images' images
 * output — never a mutable tag. Throws (naming the field and what the output holds) when an image
 * is missing or was not pushed (no digest).
 */
export function containerImageRefs(service: Pick<EcsService, 'containerImages' | 'field'>, images: unknown, imagesField = 'images'): Record<string, string> {
  const list: ImageEntry[] = Array.isArray(images) ? (images as ImageEntry[]) : images && typeof images === 'object' ? Object.entries(images as Record<string, ImageEntry>).map(([name, entry]) => ({ name, ...entry })) : [];
  const refs: Record<string, string> = {};
  for (const [container, name] of Object.entries(service.containerImages)) {
    const entry = list.find((image) => image?.name === name);
    if (!entry) {
      throw new ShipkitError(`${service.field}: container ${container} runs image ${JSON.stringify(name)}, but the ${imagesField} (build-images' images output) has ${list.length ? list.map((image) => JSON.stringify(image?.name)).join(', ') : 'no images'}.`, {
        hint: "Pass build-images' images output to deploy-env (images: ${{ steps.build.outputs.images }}), and name the image as in the config's images list.",
      });
    }
    if (!entry.digest || !/^sha256:[0-9a-f]{64}$/.test(entry.digest) || !entry.repository) {
      throw new ShipkitError(`${service.field}: image ${JSON.stringify(name)} has no digest in the ${imagesField} (it was not pushed?); services run digests, never a mutable tag.`);
    }
    refs[container] = `${entry.repository}@${entry.digest}`;
  }
  return refs;
}

/** Fields DescribeTaskDefinition returns that RegisterTaskDefinition does not take. */
const READ_ONLY = ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt'] as const;

export interface EcsDeployResult {
  /** `cluster/service` -> the task definition ARN the service runs now. */
  taskDefinitions: Record<string, string>;
  /** `cluster/service` -> the task definition ARN it ran before. */
  previous: Record<string, string>;
  /** Whether new revisions were registered (a deploy) or known ones re-pointed (rollback, restore). */
  registered: boolean;
}

/** A rollout that failed or timed out; `pointedBack`: every service changed runs its previous task definition again. */
export class EcsRolloutError extends ShipkitError {
  pointedBack = false;
}

/**
 * ECS rolled the service back by itself (the deployment circuit breaker with `rollback: true`): the
 * new deployment FAILED and ECS's own rollback deployment of `rolledBackTo` (the last COMPLETED one)
 * is stable. shipkit leaves that rollback alone.
 */
export class EcsRolledBackError extends EcsRolloutError {
  constructor(
    message: string,
    readonly service: string,
    readonly rolledBackTo: string,
    options?: ConstructorParameters<typeof ShipkitError>[1],
  ) {
    super(message, options);
  }
}

/** `shop-api:3` of a task definition ARN (or the name itself), and its revision. */
export function taskDefinitionRevision(arn: string): { name: string; revision?: number } {
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  const revision = Number(name.slice(name.lastIndexOf(':') + 1));
  return { name, revision: name.includes(':') && Number.isInteger(revision) ? revision : undefined };
}

export interface EcsDeployOptions {
  client: ECSClient;
  target: EcsTarget;
  release: string;
  /** build-images' images output (a deploy registers revisions with these digests). */
  images?: unknown;
  /** Known task definitions of the release (`cluster/service` -> ARN, from the ledger): re-pointed, nothing registered. */
  taskDefinitions?: Record<string, string>;
  pollMs?: number;
  log?: (line: string) => void;
  /** Aborted when the step is cancelled: the wait stops, every changed service is pointed back, and an EcsRolloutError says so. */
  signal?: AbortSignal;
}

/**
 * Deploys a release to every service of the target together: registers one task definition
 * revision per service whose images are the release's digests (or takes the revisions the ledger
 * knows for it), updates every service, and waits until every rollout is COMPLETED with running =
 * desired, within the timeout. When any rollout fails or times out, every service changed is
 * pointed back at the task definition it ran before (and waited for), then an EcsRolloutError says
 * which service failed, its events and its stopped tasks' reasons.
 */
export async function deployEcs(options: EcsDeployOptions): Promise<EcsDeployResult> {
  const { client, target } = options;
  const log = options.log ?? ((line: string) => runner.info(line));
  const current = await describeEcsServices(client, target.services);
  const previous: Record<string, string> = {};
  for (const service of target.services) previous[ecsServiceKey(service)] = current.get(ecsServiceKey(service))!.taskDefinition!;

  const taskDefinitions: Record<string, string> = {};
  // Known revisions (rollback, restore) are re-pointed; the others are registered with the release's digests.
  const toRegister = target.services.filter((service) => !options.taskDefinitions?.[ecsServiceKey(service)]);
  for (const service of target.services) if (options.taskDefinitions?.[ecsServiceKey(service)]) taskDefinitions[ecsServiceKey(service)] = options.taskDefinitions[ecsServiceKey(service)];
  if (toRegister.length && options.images === undefined) {
    throw new ShipkitError(`The ledger knows no task definition of ${options.release} for ${toRegister.map(ecsServiceKey).join(', ')}, and no images were given to register one.`, {
      hint: "Deploy the release with build-images' images output (deploy-env's images input).",
    });
  }
  // Every image resolved before anything is registered.
  const refs = new Map(toRegister.map((service) => [ecsServiceKey(service), containerImageRefs(service, options.images)]));
  for (const service of toRegister) {
    const key = ecsServiceKey(service);
    taskDefinitions[key] = await registerRevision(client, service, refs.get(key)!, options.release);
    log(`Registered ${taskDefinitions[key]} for ${key} (${Object.entries(refs.get(key)!).map(([container, ref]) => `${container}: ${ref}`).join(', ')}).`);
  }
  const registered = toRegister.length > 0;

  const changed: EcsService[] = [];
  try {
    for (const service of target.services) {
      const arn = taskDefinitions[ecsServiceKey(service)];
      await client.send(new UpdateServiceCommand({ cluster: service.cluster, service: service.service, taskDefinition: arn }));
      changed.push(service);
      log(`Updated service ${ecsServiceKey(service)} to ${arn}.`);
    }
    await Promise.all(target.services.map((service) => waitForStable(client, service, taskDefinitions[ecsServiceKey(service)], target.timeoutMs, options.pollMs, log, options.signal)));
  } catch (error) {
    const back = await pointBack(client, changed, previous, target.timeoutMs, options.pollMs, log);
    const failure = new EcsRolloutError(`${errorMessage(error)}\n${back.message}`, { hint: error instanceof ShipkitError ? error.hint : undefined, cause: error });
    failure.pointedBack = back.ok;
    throw failure;
  }
  return { taskDefinitions, previous, registered };
}

/**
 * Points every service of `target` at the task definition `taskDefinitions` names for it (what it
 * ran before a change) and waits until each is stable on it; a service already stable there is left
 * alone. The undo of an ecs change, in the main step or in the post step of a cancelled one.
 */
export async function pointServicesAt(client: ECSClient, target: EcsTarget, taskDefinitions: Record<string, string>, pollMs?: number, log: (line: string) => void = (line) => runner.info(line)): Promise<{ ok: boolean; message: string }> {
  const services = target.services.filter((service) => taskDefinitions[ecsServiceKey(service)]);
  return pointBack(client, services, taskDefinitions, target.timeoutMs, pollMs, log);
}

async function pointBack(client: ECSClient, changed: EcsService[], previous: Record<string, string>, timeoutMs: number, pollMs: number | undefined, log: (line: string) => void): Promise<{ ok: boolean; message: string }> {
  if (!changed.length) return { ok: true, message: 'No service had been changed.' };
  const results = await Promise.all(
    changed.map(async (service) => {
      const key = ecsServiceKey(service);
      try {
        const described = (await client.send(new DescribeServicesCommand({ cluster: service.cluster, services: [service.service] }))).services?.[0];
        const primary = described?.deployments?.find((deployment) => deployment.status === 'PRIMARY');
        // Already there (ECS's own rollback, or an earlier undo): update nothing, only wait until it is stable.
        if (described?.taskDefinition !== previous[key] || primary?.taskDefinition !== previous[key]) await client.send(new UpdateServiceCommand({ cluster: service.cluster, service: service.service, taskDefinition: previous[key] }));
        else log(`${key} already runs ${previous[key]} again (ECS's own rollback, or an earlier undo): left as it is.`);
        await waitForStable(client, service, previous[key], timeoutMs, pollMs, log);
        return { key, ok: true };
      } catch (error) {
        return { key, ok: false, error: errorMessage(error) };
      }
    }),
  );
  const failed = results.filter((result) => !result.ok);
  if (!failed.length) return { ok: true, message: `Every changed service is back on its previous task definition (${changed.map((service) => `${ecsServiceKey(service)}: ${previous[ecsServiceKey(service)]}`).join(', ')}) and stable.` };
  return { ok: false, message: `Pointing back FAILED for ${failed.map((result) => `${result.key} (${result.error})`).join(', ')}; check those services now.` };
}

/** Every service, described (ACTIVE, with its task definition), by `cluster/service`; errors name the config field. */
export async function describeEcsServices(client: ECSClient, services: EcsService[]): Promise<Map<string, Service>> {
  const found = new Map<string, Service>();
  const byCluster = new Map<string, EcsService[]>();
  for (const service of services) byCluster.set(service.cluster, [...(byCluster.get(service.cluster) ?? []), service]);
  for (const [cluster, all] of byCluster) {
    // DescribeServices takes at most ten services a call.
    for (let start = 0; start < all.length; start += 10) {
      const list = all.slice(start, start + 10);
      let output;
      try {
        output = await client.send(new DescribeServicesCommand({ cluster, services: list.map((service) => service.service) }));
      } catch (error) {
        throw new ShipkitError(`Could not describe the ECS services ${list.map((service) => service.service).join(', ')} in cluster ${cluster}: ${errorMessage(error)}`, {
          hint: 'Check the cluster and service names, the region, and that the credentials allow ecs:DescribeServices.',
        });
      }
      for (const service of list) {
        const described = output.services?.find((entry) => entry.serviceName === service.service);
        if (!described || described.status !== 'ACTIVE' || !described.taskDefinition) {
          throw new ShipkitError(`${service.field}: service ${JSON.stringify(service.service)} does not exist (or is not ACTIVE) in cluster ${cluster}.`, {
            hint: 'shipkit deploys to existing services; create the service (with your infrastructure code) first.',
          });
        }
        const controller = described.deploymentController?.type;
        if (controller && controller !== 'ECS') {
          throw new ShipkitError(`${service.field}: service ${JSON.stringify(service.service)} in cluster ${cluster} uses the ${controller} deployment controller; shipkit deploys through UpdateService, which needs the ECS (rolling update) controller.`, {
            hint: controller === 'CODE_DEPLOY' ? 'Deploy that service with CodeDeploy, or switch it to the ECS deployment controller and let shipkit do blue-green with two services and the alb router.' : 'Services under the EXTERNAL controller are changed through task sets; give shipkit services with the ECS deployment controller.',
          });
        }
        found.set(ecsServiceKey(service), described);
      }
    }
  }
  return found;
}

async function registerRevision(client: ECSClient, service: EcsService, refs: Record<string, string>, release: string): Promise<string> {
  const base = await baseTaskDefinition(client, service);
  const input = { ...base } as Record<string, unknown>;
  for (const field of READ_ONLY) delete input[field];
  const containers = (base.containerDefinitions ?? []).map((container) => ({ ...container }));
  for (const [name, ref] of Object.entries(refs)) {
    const container = containers.find((entry) => entry.name === name);
    if (!container) throw new ShipkitError(`${service.field}: container-images names container ${JSON.stringify(name)}, but task definition ${service.taskDefinition.family} has ${containers.map((entry) => JSON.stringify(entry.name)).join(', ') || 'no containers'}.`);
    container.image = ref;
  }
  const tags = [...((input.tags as Array<{ key?: string; value?: string }> | undefined) ?? []).filter((tag) => tag.key !== 'shipkit:release'), { key: 'shipkit:release', value: release.slice(0, 256) }];
  const output = await client.send(new RegisterTaskDefinitionCommand({ ...(input as unknown as RegisterTaskDefinitionCommandInput), containerDefinitions: containers, tags }));
  const arn = output.taskDefinition?.taskDefinitionArn;
  if (!arn) throw new ShipkitError(`ECS registered no task definition for ${ecsServiceKey(service)}.`);
  return arn;
}

/**
 * Waits until the service's PRIMARY deployment runs `taskDefinition`, its rolloutState is
 * COMPLETED (or, without a rollout state, it is the only deployment) and running = desired. A
 * FAILED rollout (circuit breaker), a rollback by ECS itself, or the timeout throws with the
 * service's latest events and the stopped tasks' reasons.
 */
export async function waitForStable(client: ECSClient, service: EcsService, taskDefinition: string, timeoutMs: number, pollMs?: number, log: (line: string) => void = (line) => runner.info(line), signal?: AbortSignal): Promise<void> {
  const started = Date.now();
  const key = ecsServiceKey(service);
  let lastState = '';
  for (let poll = 0; ; poll++) {
    if (signal?.aborted) throw new EcsRolloutError(`The rollout of ${taskDefinition} on ${key} was cancelled while it was being waited for.`);
    const described = (await client.send(new DescribeServicesCommand({ cluster: service.cluster, services: [service.service] }))).services?.[0];
    const deployments = described?.deployments ?? [];
    const primary = deployments.find((deployment) => deployment.status === 'PRIMARY');
    const ours = deployments.find((deployment) => deployment.taskDefinition === taskDefinition);
    const state = `${primary?.taskDefinition === taskDefinition ? (primary?.rolloutState ?? 'no rollout state') : 'another deployment is primary'}, running ${primary?.runningCount ?? 0}/${primary?.desiredCount ?? '?'}`;
    if (state !== lastState) log(`${key}: ${state}.`);
    lastState = state;
    const failed = ours?.rolloutState === 'FAILED';
    const movedAway = !!primary && primary.taskDefinition !== taskDefinition && described?.taskDefinition !== taskDefinition;
    const ecsRollsBack = described?.deploymentConfiguration?.deploymentCircuitBreaker?.rollback === true;
    // ECS's own rollback: the breaker (rollback on) failed our deployment and ECS started a PRIMARY one
    // of the last COMPLETED task definition (ours ACTIVE and FAILED, or already drained and gone).
    if (ecsRollsBack && movedAway && (failed || !ours)) {
      const reason = (ours?.rolloutStateReason ?? failedEvent(described) ?? 'ECS deployment circuit breaker: the deployment failed').replace(/\.$/, '');
      throw await ecsRollback(client, service, described!, primary!.taskDefinition!, taskDefinition, reason, { timeoutMs, pollMs, log, signal, started });
    }
    // Failed with rollback on but ECS has not started its rollback deployment yet: wait for it.
    if (failed && ecsRollsBack && !movedAway && Date.now() - started < timeoutMs) {
      await sleep(Math.min(pollMs ?? pollDelay(poll, 8000), Math.max(0, timeoutMs - (Date.now() - started))) || 1, signal);
      continue;
    }
    if (failed || movedAway) {
      const reason = ours?.rolloutStateReason ?? `ECS rolled service ${key} back to ${primary?.taskDefinition}`;
      throw new EcsRolloutError(`The rollout of ${taskDefinition} on ${key} failed: ${reason.replace(/\.$/, '')}.${await diagnostics(client, service, described, taskDefinition, started)}`, {
        hint: 'The stopped tasks\' reasons and the service events above usually name the cause (image pull, health checks, missing permissions, resources).',
      });
    }
    if (primary?.taskDefinition === taskDefinition && primary.runningCount === primary.desiredCount && (primary.rolloutState === 'COMPLETED' || (primary.rolloutState === undefined && deployments.length === 1))) {
      log(`${key} is stable on ${taskDefinition} (${primary.runningCount} running) after ${formatDuration(Date.now() - started)}.`);
      return;
    }
    if (Date.now() - started >= timeoutMs) {
      throw new EcsRolloutError(`The rollout of ${taskDefinition} on ${key} did not complete within ${formatDuration(timeoutMs)} (${state}).${await diagnostics(client, service, described, taskDefinition, started)}`, {
        hint: `Raise ecs.timeout (now ${formatDuration(timeoutMs)}) if the service needs longer to become stable.`,
      });
    }
    // 0.25 s doubling, then every 8 s (ECS rollouts take minutes; the first answers come quickly).
    await sleep(Math.min(pollMs ?? pollDelay(poll, 8000), Math.max(0, timeoutMs - (Date.now() - started))) || 1, signal);
  }
}

/** The reason of the latest "deployment ... deployment failed: <reason>" service event, as ECS words it after a circuit breaker tripped. */
function failedEvent(described: Service | undefined): string | undefined {
  const message = (described?.events ?? []).map((event) => event.message ?? '').find((text) => / deployment failed: /.test(text));
  return message ? `ECS deployment circuit breaker: ${message.slice(message.indexOf(' deployment failed: ') + ' deployment failed: '.length)}` : undefined;
}

/**
 * ECS is rolling `service` back to `rolledBackTo` by itself: waits (up to the timeout again) until
 * that rollback deployment is stable, and returns the error that says so — never an update of
 * shipkit's own over ECS's rollback.
 */
async function ecsRollback(
  client: ECSClient,
  service: EcsService,
  described: Service,
  rolledBackTo: string,
  taskDefinition: string,
  reason: string,
  wait: { timeoutMs: number; pollMs?: number; log: (line: string) => void; signal?: AbortSignal; started: number },
): Promise<EcsRolloutError> {
  const key = ecsServiceKey(service);
  const { name, revision } = taskDefinitionRevision(rolledBackTo);
  const to = `revision ${revision ?? '?'} (${name})`;
  wait.log(`${key}: ECS's deployment circuit breaker failed ${taskDefinitionRevision(taskDefinition).name} (${reason}) and ECS is rolling the service back to ${to}; waiting for that rollback.`);
  const details = await diagnostics(client, service, described, taskDefinition, wait.started);
  const hint = "ECS's own rollback (deployment circuit breaker, rollback on) put the service back on the last deployment that completed; the stopped tasks' reasons and the service events above usually name the cause of the failure.";
  try {
    await waitForStable(client, service, rolledBackTo, wait.timeoutMs, wait.pollMs, wait.log, wait.signal);
  } catch (error) {
    // The wait's own first line (what it waited for, how long, the state it saw); the events and stopped tasks once, below.
    return new EcsRolloutError(`ECS is rolling back ${key} to ${to} after: ${reason}, and that rollback did not become stable: ${errorMessage(error).split('\n')[0]}${details}`, {
      hint: `ECS's own rollback (deployment circuit breaker, rollback on) to ${to} has not become stable, so the service may be running neither release yet. Watch it in the ECS console (the events and stopped tasks above name the cause); raise ecs.timeout if it only needs longer.`,
      cause: error,
    });
  }
  return new EcsRolledBackError(`ECS rolled back ${key} to ${to}: ${reason}.${details}`, key, rolledBackTo, { hint });
}

/** The service's events since the update and its stopped tasks' reasons (up to 5 each), for a failure message. */
async function diagnostics(client: ECSClient, service: EcsService, described: Service | undefined, taskDefinition: string, since: number): Promise<string> {
  const lines: string[] = [];
  const events = (described?.events ?? []).filter((event) => !event.createdAt || event.createdAt.getTime() >= since - 60_000).slice(0, 5);
  if (events.length) lines.push('Service events:', ...events.map((event) => `  ${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`.trimEnd()));
  try {
    const stopped = await client.send(new ListTasksCommand({ cluster: service.cluster, serviceName: service.service, desiredStatus: 'STOPPED' }));
    const arns = (stopped.taskArns ?? []).slice(0, 20);
    if (arns.length) {
      const tasks = (await client.send(new DescribeTasksCommand({ cluster: service.cluster, tasks: arns }))).tasks ?? [];
      const ours = tasks.filter((task) => task.taskDefinitionArn === taskDefinition).slice(0, 5);
      if (ours.length) {
        lines.push('Stopped tasks:');
        for (const task of ours) {
          const containers = (task.containers ?? []).filter((container) => container.reason || container.exitCode !== undefined).map((container) => `${container.name}: ${container.reason ?? `exit code ${container.exitCode}`}`);
          lines.push(`  ${task.taskArn?.split('/').pop()}: ${task.stoppedReason ?? 'stopped'}${containers.length ? ` (${containers.join('; ')})` : ''}`);
        }
      }
    }
  } catch (error) {
    lines.push(`(could not list the stopped tasks: ${errorMessage(error)})`);
  }
  return lines.length ? `\n${lines.join('\n')}` : '';
}
