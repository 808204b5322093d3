import path from 'node:path';
import { azureCdnTarget, type AzureCdnTarget } from '@shipkit/azure';
import { checkHttpUrl, invalidInput, isAzureBucket, parseAzureBucket, storeUrl, parseDuration, ShipkitError, type EnvironmentConfig, type LoadedConfig, type RouterConfig, type S3Location, type SlotConfig, type CommandSpec, type KubernetesConfig, type TargetKind } from '@shipkit/core';
import { parseCacheControlRules, type CacheControlRule } from '@shipkit/s3';
import { checkNoOverlap, configLocations } from './locations.js';
import { resolveEcsTarget, type EcsTarget } from './ecs.js';
import { resolveCloudRunTarget, type CloudRunTarget } from './cloud-run.js';
import { checkPreviewTemplates, expandPreview, previewName, type PreviewTarget } from './preview.js';
import { DEFAULT_LEASE_EXPIRY_MS, DEFAULT_LOCK_TIMEOUT_MS, parseStateLocation, type SlotName, type StateLocation } from '@shipkit/ledger';

/** Settings given as action inputs; each wins over the config file's field. */
export interface EnvironmentInputs {
  app?: string;
  state?: string;
  target?: TargetKind;
  strategy?: 'direct' | 'blue-green';
  bucket?: string;
  prefix?: string;
  url?: string;
  /** The deploy command as an argument list (or a single script path). */
  deploy?: string[];
  retention?: number;
  /** lock-timeout input, in ms (wins over the config's lock.timeout). */
  lockTimeoutMs?: number;
  /** The pull request a preview environment (`preview: true`) is resolved for. */
  preview?: PreviewTarget;
}

export interface AwsSettings {
  region?: string;
  endpoint?: string;
  forcePathStyle?: boolean;
}

/** An environment with every field settled: config file merged with inputs, validated. */
export interface ResolvedEnvironment {
  name: string;
  app: string;
  /** The ledger and release store. */
  state: StateLocation;
  target: TargetKind;
  /** kubernetes targets: the environment's kubernetes settings as written (checked when the target is created). */
  kubernetes?: KubernetesConfig;
  /** A pull request's preview: `name` is `<template>/pr-<n>`, locations and url filled in. */
  preview?: { template: string } & PreviewTarget;
  /** ecs targets: the services of the environment (direct) or of each slot (blue-green), validated. */
  ecs?: { direct?: EcsTarget; slots?: Record<SlotName, EcsTarget> };
  /** cloud-run targets: the service (both slots are revisions of it, told apart by traffic tags), validated. */
  cloudRun?: CloudRunTarget;
  strategy: 'direct' | 'blue-green';
  /** Direct s3 environments: where the live site is installed. */
  s3?: S3Location;
  /** Blue-green environments: both slots. */
  slots?: Record<SlotName, SlotConfig>;
  router?: RouterConfig;
  url?: string;
  deploy?: string[];
  preDeploy?: string[];
  postDeploy?: string[];
  /** Extra environment for the deploy command and hooks. */
  env: Record<string, string>;
  retention: number;
  /** This environment's last K good releases are kept at any age (retention.keep-rollback, default 3). */
  keepRollback: number;
  /** Retention settings of every environment in the config (retention counts per environment). */
  retentionFor: Record<string, { keep: number; keepRollback: number }>;
  /** The environment lease: how long to wait for another run (0 = fail at once) and when a holder's lease expires. */
  lock: { timeoutMs: number; expiryMs: number };
  /** command targets: run the deploy command of the previous release when a deploy command fails. */
  restoreOnFailure: boolean;
  /** A CDN in front of the environment (invalidated after installs, rollbacks, restores and switches). */
  cdn?: { distributionId: string; invalidate?: string[]; wait: boolean; endpoint?: string };
  /** Front Door / Azure CDN purged after installs into live locations and after switches. */
  azureCdn?: AzureCdnTarget;
  /** Cache-Control rules for installed files (user rules; defaults apply to the rest). */
  cacheControl: CacheControlRule[];
  /** The first deploy may go into a location holding files shipkit did not put there. */
  adopt: boolean;
  /** What installs delete besides the new release: only what shipkit put there (`owned`), or everything else (`all`). */
  prune: 'owned' | 'all';
  aws: AwsSettings;
  /** The config file the environment came from, if any. */
  file?: string;
  workspace: string;
}

const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const APP_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export const DEFAULT_RETENTION = 10;
export const DEFAULT_KEEP_ROLLBACK = 3;

/** An environment's retention settings from its config field (a number, or { keep, keep-rollback }). */
export function retentionSettings(field: EnvironmentConfig['retention']): { keep: number; keepRollback: number } {
  if (typeof field === 'number') return { keep: field, keepRollback: DEFAULT_KEEP_ROLLBACK };
  return { keep: field?.keep ?? DEFAULT_RETENTION, keepRollback: field?.['keep-rollback'] ?? DEFAULT_KEEP_ROLLBACK };
}

/** A command spec as an argument list; a single string is one program or script path, never a shell line. */
export function commandList(spec: CommandSpec | undefined, field: string): string[] | undefined {
  if (spec === undefined) return undefined;
  const args = typeof spec === 'string' ? [spec] : [...spec];
  if (!args.length || !args[0]?.trim()) {
    throw new ShipkitError(`${field} is empty: expected a program and its arguments, e.g. ["./deploy/deploy.sh", "--wait"].`);
  }
  return args;
}

/**
 * Resolves environment `name` from the config (when there is one) merged with `inputs`.
 * Every problem is reported before anything is changed, naming the field or input.
 */
export function resolveEnvironment(loaded: LoadedConfig | undefined, name: string, inputs: EnvironmentInputs = {}, workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()): ResolvedEnvironment {
  if (!ENVIRONMENT_NAME.test(name)) throw invalidInput('environment', name, 'an environment name of letters, digits, "_" and "-"');
  const config = loaded?.config;
  // Own properties only: `constructor` or `toString` are not environments.
  const defined = config?.environments && Object.hasOwn(config.environments, name) ? config.environments[name] : undefined;
  if (loaded && !defined && !inputs.target) {
    const known = Object.keys(config?.environments ?? {});
    throw new ShipkitError(`Input "environment" has an invalid value ${JSON.stringify(name)}: expected one of the environments in ${loaded.file} (${known.length ? known.join(', ') : 'none defined'}).`, {
      hint: 'Define it under `environments:` in the config file, or give its settings as inputs (target, bucket, ...).',
    });
  }
  checkPreviewTemplates(loaded);
  let fromFile: Partial<EnvironmentConfig> = defined ?? {};
  if (fromFile.preview) {
    if (!inputs.preview) {
      throw new ShipkitError(`Environment ${JSON.stringify(name)} is a preview template (preview: true): it is deployed for a pull request, whose number fills {pr}; this run is not for one.`, {
        hint: 'Run it on a pull_request event (see .github/workflows/pipeline-preview.yml), or give remove-preview the pr input.',
      });
    }
    const target = inputs.preview;
    fromFile = { ...fromFile, s3: fromFile.s3 ? { ...fromFile.s3, prefix: expandPreview(fromFile.s3.prefix ?? '', target) } : undefined, url: fromFile.url ? expandPreview(fromFile.url, target) : undefined };
  }
  const where = (field: string) => (loaded ? `${loaded.file}: environments.${name}.${field}` : `input "${field}"`);

  const app = inputs.app || config?.app;
  if (!app) throw new ShipkitError('No app name: set `app:` in the config file or the "app" input.');
  if (!APP_NAME.test(app)) throw invalidInput('app', app, 'lowercase letters, digits, ".", "_" and "-"');

  const stateText = inputs.state || config?.state;
  if (!stateText) {
    throw new ShipkitError(`Environment ${JSON.stringify(name)} has no state store: set \`state: s3://bucket/prefix\` in the config file or the "state" input.`, {
      hint: 'The state store keeps the environment ledger and the release store.',
    });
  }
  const state = parseStateLocation(stateText, 'state');

  const target = inputs.target ?? fromFile.target;
  if (!target) throw new ShipkitError(`Environment ${JSON.stringify(name)} has no target: set environments.${name}.target (s3, command, ecs or cloud-run) or the "target" input.`);
  const strategy = inputs.strategy ?? fromFile.strategy ?? 'direct';

  let s3: S3Location | undefined = fromFile.s3 ? { ...fromFile.s3 } : undefined;
  if (inputs.bucket) s3 = { ...s3, bucket: inputs.bucket };
  if (inputs.prefix !== undefined && inputs.prefix !== '' && s3) s3.prefix = inputs.prefix;
  if (s3 && !BUCKET.test(s3.bucket) && !isAzureBucket(s3.bucket)) throw invalidInput(inputs.bucket ? 'bucket' : `environments.${name}.s3.bucket`, s3.bucket, 'an S3 bucket name (3-63 lowercase letters, digits, "." and "-") or an Azure Blob <account>/<container>');

  const slots = fromFile.slots ? { blue: { ...fromFile.slots.blue }, green: { ...fromFile.slots.green } } : undefined;
  const deploy = inputs.deploy?.length ? inputs.deploy : commandList(fromFile.deploy, where('deploy'));
  const fileRetention = retentionSettings(fromFile.retention);
  const retention = inputs.retention ?? fileRetention.keep;
  const retentionFor: Record<string, { keep: number; keepRollback: number }> = {};
  for (const [other, definition] of Object.entries(config?.environments ?? {})) retentionFor[other] = retentionSettings(definition.retention);
  retentionFor[name] = { keep: retention, keepRollback: fileRetention.keepRollback };
  if (!Number.isInteger(retention) || retention < 1) throw invalidInput('retention', retention, 'a whole number of releases, at least 1');

  if (strategy === 'blue-green' && !slots) {
    throw new ShipkitError(`Environment ${JSON.stringify(name)} uses strategy blue-green but defines no slots: set environments.${name}.slots.blue and .green.`);
  }
  // No two locations of the app may overlap: an install with deletions into one would remove the
  // other's files (a slot inside the other slot, an environment inside the state store or the CDN).
  const locations: Array<[string, S3Location | undefined]> = [['s3', s3], ['slots.blue.s3', slots?.blue.s3], ['slots.green.s3', slots?.green.s3]];
  const overrides: Record<string, { bucket: string; prefix?: string } | undefined> = { state };
  if (s3) overrides[`environments.${name}.s3`] = s3;
  const all = configLocations(loaded, overrides).map((location) =>
    location.field === `environments.${name}.s3` && (inputs.bucket || inputs.prefix) ? { ...location, field: inputs.bucket ? 'input "bucket"' : 'input "prefix"' } : location,
  );
  checkNoOverlap(all, loaded?.file);
  // Installs are server-side copies from the release store: both must be reachable through one S3
  // endpoint, or be in one Azure storage account (Copy Blob within an account needs no SAS).
  for (const [field, location] of locations) {
    if (!location) continue;
    const [here, store] = [parseAzureBucket(location.bucket), parseAzureBucket(state.bucket)];
    if (!!here !== !!store || (here && store && here.account !== store.account)) {
      throw new ShipkitError(
        `Environment ${JSON.stringify(name)}: ${field} (${storeUrl(location.bucket)}) is ${here ? `in Azure storage account ${here.account}` : 'on S3'}, but the state store (${storeUrl(state.bucket, state.prefix)}) is ${store ? `in Azure storage account ${store.account}` : 'on S3'}.`,
        { hint: 'Releases are installed by server-side copy from the release store: keep the state store and the install locations on one service (one S3 endpoint, or one Azure storage account).' },
      );
    }
    if (location.endpoint && location.endpoint !== config?.aws?.endpoint) {
      throw new ShipkitError(`Environment ${JSON.stringify(name)}: ${field}.endpoint (${location.endpoint}) differs from the state store's endpoint (${config?.aws?.endpoint ?? 'the AWS default'}).`, {
        hint: 'Releases are installed by server-side copy from the release store, which only works within one S3 service; set aws.endpoint instead.',
      });
    }
  }
  let ecs: ResolvedEnvironment['ecs'];
  // The ECS services, when the environment names them (the ecs target requires them: @shipkit/targets).
  if (fromFile.ecs) {
    const prefix = `${loaded?.file ? `${loaded.file}: ` : ''}environments.${name}`;
    const ecsConfig = fromFile.ecs ? { ...fromFile.ecs, region: fromFile.ecs.region ?? config?.aws?.region } : undefined;
    ecs =
      strategy === 'blue-green'
        ? { slots: { blue: resolveEcsTarget(ecsConfig, slots?.blue.ecs, prefix, `${prefix}.slots.blue`, workspace), green: resolveEcsTarget(ecsConfig, slots?.green.ecs, prefix, `${prefix}.slots.green`, workspace) } }
        : { direct: resolveEcsTarget(ecsConfig, undefined, prefix, undefined, workspace) };
    if (ecs.slots) {
      const shared = ecs.slots.blue.services.filter((service) => ecs!.slots!.green.services.some((other) => other.cluster === service.cluster && other.service === service.service));
      if (shared.length) throw new ShipkitError(`${prefix}.slots.blue.ecs and .slots.green.ecs share service ${shared.map((service) => service.service).join(', ')}: each slot needs its own (a deploy into the idle slot would change the live one).`);
    }
  }

  // The Cloud Run service, when the environment names it (the cloud-run target requires it: @shipkit/targets).
  const cloudRun = fromFile['cloud-run'] ? resolveCloudRunTarget(fromFile['cloud-run'], `${loaded?.file ? `${loaded.file}: ` : ''}environments.${name}`) : undefined;

  const lockTimeoutMs = inputs.lockTimeoutMs ?? (config?.lock?.timeout !== undefined ? parseDuration(config.lock.timeout, `${loaded?.file ?? 'config'}: lock.timeout`) : DEFAULT_LOCK_TIMEOUT_MS);
  const lockExpiryMs = config?.lock?.expiry !== undefined ? parseDuration(config.lock.expiry, `${loaded?.file ?? 'config'}: lock.expiry`) : DEFAULT_LEASE_EXPIRY_MS;
  if (lockExpiryMs < 5000 || lockExpiryMs > 24 * 3_600_000) throw invalidInput(`${loaded?.file ?? 'config'}: lock.expiry`, config?.lock?.expiry, 'a duration from 5s to 24h');
  if (lockTimeoutMs > 24 * 3_600_000) throw invalidInput('lock-timeout', lockTimeoutMs, 'a duration of at most 24h');

  const url = inputs.url || fromFile.url;
  if (url) checkHttpUrl(inputs.url ? 'url' : `${loaded?.file ? `${loaded.file}: ` : ''}environments.${name}.url`, url);
  for (const slot of ['blue', 'green'] as const) {
    const slotUrlValue = slots?.[slot].url;
    if (slotUrlValue) checkHttpUrl(`${loaded?.file ? `${loaded.file}: ` : ''}environments.${name}.slots.${slot}.url`, slotUrlValue);
  }

  return {
    name: fromFile.preview && inputs.preview ? previewName(name, inputs.preview.pr) : name,
    ...(fromFile.preview && inputs.preview ? { preview: { template: name, ...inputs.preview } } : {}),
    app,
    state,
    target,
    ...(ecs ? { ecs } : {}),
    ...(cloudRun ? { cloudRun } : {}),
    ...(fromFile.kubernetes ? { kubernetes: fromFile.kubernetes } : {}),
    strategy,
    s3,
    slots,
    router: fromFile.router,
    url: inputs.url || fromFile.url,
    deploy,
    preDeploy: commandList(fromFile['pre-deploy'], where('pre-deploy')),
    postDeploy: commandList(fromFile['post-deploy'], where('post-deploy')),
    env: { ...fromFile.env },
    retention,
    keepRollback: fileRetention.keepRollback,
    retentionFor,
    lock: { timeoutMs: lockTimeoutMs, expiryMs: lockExpiryMs },
    restoreOnFailure: fromFile['restore-on-failure'] ?? false,
    prune: fromFile.prune ?? 'owned',
    adopt: fromFile.adopt ?? false,
    azureCdn: fromFile['azure-cdn'] ? azureCdnTarget(fromFile['azure-cdn']) : undefined,
    cdn: fromFile.cdn ? { distributionId: fromFile.cdn['distribution-id'], invalidate: fromFile.cdn.invalidate, wait: fromFile.cdn.wait ?? true, endpoint: fromFile.cdn.endpoint } : undefined,
    cacheControl: fromFile['cache-control'] === undefined ? [] : parseCacheControlRules([fromFile['cache-control']].flat().join('\n'), where('cache-control')),
    aws: { region: config?.aws?.region, endpoint: config?.aws?.endpoint, forcePathStyle: config?.aws?.['force-path-style'] },
    file: loaded?.file,
    workspace: path.resolve(workspace),
  };
}

/** Where a release is installed: the environment's bucket (direct) or the slot's (blue-green). */
/** The ECS services an install goes to: the slot's (blue-green) or the environment's. */
export function ecsTargetOf(env: ResolvedEnvironment, slot: SlotName | undefined): EcsTarget {
  const target = slot ? env.ecs?.slots?.[slot] : env.ecs?.direct;
  if (!target) throw new ShipkitError(`Environment ${JSON.stringify(env.name)} has no ECS services${slot ? ` for slot ${slot}` : ''}.`);
  return target;
}

export function installLocation(env: ResolvedEnvironment, slot: SlotName | undefined): S3Location {
  const location = slot ? env.slots?.[slot]?.s3 : env.s3;
  if (!location) throw new ShipkitError(`Environment ${JSON.stringify(env.name)} has no S3 location${slot ? ` for slot ${slot}` : ''}.`);
  return location;
}

/** The URL to test a slot at (blue-green), else the environment's URL. */
export function slotUrl(env: ResolvedEnvironment, slot: SlotName | undefined): string | undefined {
  return slot ? env.slots?.[slot]?.url : env.url;
}
