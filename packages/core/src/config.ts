import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import YAML, { isMap, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import { errorMessage, showValue, ShipkitError } from './errors.js';
import { azureBucket } from './store.js';
import type { TargetKind } from './target-kinds.js';
import { validateCheckList, validateConfig, validateSmoke } from './validators.generated.js';

export type CommandSpec = string | string[];

export interface S3Location {
  bucket: string;
  prefix?: string;
  region?: string;
  endpoint?: string;
}

/** `azure:` in the config file; parseConfig turns it into an S3Location whose bucket is `<account>/<container>` (see store.ts). */
export interface AzureLocationConfig {
  account: string;
  container: string;
  prefix?: string;
}

export interface SlotConfig {
  s3?: S3Location;
  azure?: AzureLocationConfig;
  url?: string;
  upstream?: string;
  origin?: string;
  /** alb router: the slot's target group. */
  'target-group-arn'?: string;
  /** ecs target, blue-green: the slot's own service(s). */
  ecs?: { service?: string; services?: Array<string | EcsServiceConfig> };
  /** kubernetes target, blue-green: the slot's own overlay (or manifests), whose workloads carry the slot's label. */
  kubernetes?: Pick<KubernetesConfig, 'kustomize' | 'manifests'>;
  env?: Record<string, string>;
}

export interface RouterConfig {
  type: 'nginx' | 'cloudfront' | 'command' | 'alb' | 'app-service-slots' | 'cloud-run' | 'k8s-service' | 'gateway-api';
  /** gateway-api: the HTTPRoute (in the environment's kubernetes namespace), which of its rules (default 0), and each slot's Service among its backendRefs. */
  route?: string;
  rule?: number;
  backends?: { blue: string; green: string };
  /** k8s-service: the Service whose selector moves between the slots (in the environment's kubernetes namespace). */
  service?: string;
  /** k8s-service: the selector label whose value is the slot's name (default shipkit.dev/slot). */
  'slot-label'?: string;
  /** app-service-slots: the web app's subscription, resource group and name; the slot swapped with production (default staging); swap with preview. */
  subscription?: string;
  'resource-group'?: string;
  app?: string;
  slot?: string;
  preview?: boolean;
  'arm-endpoint'?: string;
  /** alb: the listener whose default forward action moves between the slots' target groups. */
  'listener-arn'?: string;
  /** alb: a rule of that listener to switch instead of its default action. */
  'rule-arn'?: string;
  include?: string;
  test?: CommandSpec;
  reload?: CommandSpec;
  /** nginx: the master's pid file (default: the pid directive of the config, else /run/nginx.pid). */
  'pid-file'?: string;
  /** nginx: how long a switch waits for the old workers to exit (default 30s). */
  'reload-timeout'?: string;
  'distribution-id'?: string;
  invalidate?: string[];
  wait?: boolean;
  /** cloudfront: how long a switch waits for Deployed and the invalidation (default 15m). */
  timeout?: string;
  /** cloudfront: path patterns of cache behaviours that must follow the slots (refused when they target another origin). */
  behaviors?: string[];
  switch?: CommandSpec;
  /** command: the switch command honours SHIPKIT_WEIGHT, so canary steps may split traffic. */
  weighted?: boolean;
  endpoint?: string;
}

/** Progressive delivery of a blue-green switch: the new slot's traffic share per step, each step analysed. */
export interface CanaryConfig {
  /** Ascending percentages ending at 100, e.g. [10, 50, 100]. */
  steps?: number[] | string;
  'step-duration'?: string;
  /** Analysis settings (over the environment's smoke section): samples per check per step, error budget, p95 limit. */
  samples?: number;
  'max-error-rate'?: number | string;
  'max-p95'?: string;
  /** Metric checks evaluated at the end of every step; any over its threshold aborts (e.g. a Prometheus query). */
  analysis?: Array<
    | { type: 'prometheus'; name?: string; url: string; query: string; max: number }
    | { type: 'cloudwatch'; name?: string; max: number | string; 'min-requests'?: number; endpoint?: string }
  >;
}

export interface SmokeCheckConfig {
  name: string;
  path?: string;
  url?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  'expect-status'?: number | string | Array<number | string>;
  'body-contains'?: string | string[];
  'body-matches'?: string;
  'expect-json'?: Record<string, unknown>;
  'expect-headers'?: Record<string, string>;
  cors?: { origin: string; method?: string; headers?: string[]; credentials?: boolean };
  'follow-redirects'?: boolean;
  'max-redirects'?: number;
  'max-latency'?: string;
  'cert-min-days'?: number;
  'request-timeout'?: string;
}

export interface SmokeConfig {
  checks?: SmokeCheckConfig[];
  timeout?: string;
  'request-timeout'?: string;
  samples?: number;
  'max-error-rate'?: number | string;
  'max-p95'?: string;
  concurrency?: number;
  'retry-assertions'?: boolean;
}

/** One ECS service of an `ecs` target (a string is just the service name). */
export interface EcsServiceConfig {
  service: string;
  /** A task definition family, or a JSON file in the repository; default: the environment's. */
  'task-definition'?: string;
  /** Container name -> image name in build-images' images output; default: the environment's. */
  'container-images'?: Record<string, string>;
}

/** The `ecs` target: services updated to a new task definition revision running the release's image digests. */
export interface EcsConfig {
  cluster: string;
  service?: string;
  services?: Array<string | EcsServiceConfig>;
  'task-definition'?: string;
  'container-images'?: Record<string, string>;
  /** How long a rollout may take to become stable (default 10m). */
  timeout?: string;
  region?: string;
  endpoint?: string;
}

/** The `cloud-run` target: a revision per release in one Cloud Run service (Admin API v2). */
export interface CloudRunConfig {
  project: string;
  region: string;
  service: string;
  /** Container name -> image name in build-images' images output. */
  'container-images': Record<string, string>;
  /** How long a revision may take to become Ready, and a traffic change to finish (default 10m). */
  timeout?: string;
  /** The Cloud Run Admin API endpoint (default https://run.googleapis.com). */
  endpoint?: string;
}

/** The `kubernetes` target: a kustomize overlay (or manifest files) rendered, pinned to the release's digests and server-side applied. */
export interface KubernetesConfig {
  /** The kubeconfig context (default: its current-context). */
  context?: string;
  /** Or the API server URL: the kubeconfig context whose cluster has this server. */
  server?: string;
  namespace: string;
  /** A kustomization directory in the repository, rendered with `kubectl kustomize`. */
  kustomize?: string;
  /** Or plain manifest files in the repository. */
  manifests?: string[];
  /** Image name in the manifests -> image name in build-images' images output. */
  images?: Record<string, string>;
  /** How long every rollout may take (default 10m). */
  timeout?: string;
}

export interface EnvironmentConfig {
  target: TargetKind;
  ecs?: EcsConfig;
  'cloud-run'?: CloudRunConfig;
  kubernetes?: KubernetesConfig;
  strategy?: 'direct' | 'blue-green';
  s3?: S3Location;
  azure?: AzureLocationConfig;
  deploy?: CommandSpec;
  'pre-deploy'?: CommandSpec;
  'post-deploy'?: CommandSpec;
  env?: Record<string, string>;
  slots?: { blue: SlotConfig; green: SlotConfig };
  router?: RouterConfig;
  url?: string;
  retention?: number | { keep?: number; 'keep-rollback'?: number };
  /** command targets: after a failed deploy command, run the deploy command of the previous release (SHIPKIT_OPERATION=restore). */
  'restore-on-failure'?: boolean;
  /** A CDN in front of the environment: installs, rollbacks and restores invalidate what they changed. */
  cdn?: EnvironmentCdnConfig;
  'azure-cdn'?: AzureCdnConfig;
  /** Cache-Control rules for installed files, `glob: value` one per line (first match wins); defaults: entry documents no-cache, hashed assets immutable, the rest 5 minutes. */
  'cache-control'?: string | string[];
  /** Deploy into a location that already holds files shipkit did not put there (default false: refused). */
  adopt?: boolean;
  /** What an install may delete: `owned` (default) only files shipkit installed there; `all` every other key under the location. */
  prune?: 'owned' | 'all';
  smoke?: SmokeConfig;
  canary?: CanaryConfig;
  /** A template for pull request previews: `{pr}` (and `{branch}`) in s3.prefix and url; each pull request gets its own location and ledger. */
  preview?: boolean;
}

/** `azure-cdn:`: Front Door Standard/Premium or classic Azure CDN, purged through Azure Resource Manager. */
export interface AzureCdnConfig {
  subscription: string;
  'resource-group': string;
  profile: string;
  endpoint: string;
  kind?: 'front-door' | 'cdn';
  domains?: string[];
  wait?: boolean;
  'arm-endpoint'?: string;
}

export interface EnvironmentCdnConfig {
  'distribution-id': string;
  /** Paths to invalidate instead of the changed ones (e.g. ["/*"]). */
  invalidate?: string[];
  /** Wait until the invalidation has completed (default true): the step returns when visitors get the new files. */
  wait?: boolean;
  endpoint?: string;
}

/** The environment lease: how long a run waits for a held environment, and when a holder's lease expires. */
export interface LockConfig {
  timeout?: string;
  expiry?: string;
}

export interface ShipkitConfig {
  app: string;
  state?: string;
  aws?: { region?: string; endpoint?: string; 'force-path-style'?: boolean };
  registry?: string;
  images?: Record<string, unknown>[];
  cdn?: { bucket?: string; prefix?: string; azure?: AzureLocationConfig; 'azure-cdn'?: AzureCdnConfig; 'distribution-id'?: string; 'base-url'?: string };
  environments?: Record<string, EnvironmentConfig>;
  lock?: LockConfig;
  smoke?: SmokeConfig;
}

export const DEFAULT_CONFIG_PATH = '.github/shipkit.yml';
/** A config is a page of YAML; anything larger is the wrong file. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedConfig {
  config: ShipkitConfig;
  /** The file it came from, as given (relative to the workspace when relative). */
  file: string;
  /** Locates a field (as a path of keys) in the file, for errors found after loading. */
  locate: (fieldPath: readonly (string | number)[]) => string;
}


/** Turns ajv's `/environments/staging/strategy` into ['environments','staging','strategy']. */
function pointerToPath(pointer: string): string[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function fieldName(fieldPath: readonly (string | number)[]): string {
  return fieldPath.reduce<string>((text, part) => (/^\d+$/.test(String(part)) ? `${text}[${part}]` : text ? `${text}.${part}` : String(part)), '');
}

function nodeAt(doc: Document, fieldPath: readonly (string | number)[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const part of fieldPath) {
    if (isMap(node)) node = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(part))?.value ?? undefined;
    else if (isSeq(node)) node = node.items[Number(part)];
    else return undefined;
  }
  return node as Node | undefined;
}

function keyNodeAt(doc: Document, fieldPath: readonly (string | number)[]): Node | undefined {
  const parent = nodeAt(doc, fieldPath.slice(0, -1));
  const last = fieldPath[fieldPath.length - 1];
  if (isMap(parent)) return parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(last))?.key as Node | undefined;
  return undefined;
}

function describeError(error: ErrorObject): { path: string[]; message: string } {
  const at = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
      const meant = didYouMean(name, known);
      const expected = meant ? `: did you mean "${meant}"?` : known.length ? `: expected one of ${known.join(', ')}` : '';
      return { path: [...at, name], message: `unknown field "${name}"${expected}` };
    }
    case 'required':
      return { path: at, message: `missing required field "${String(params.missingProperty)}"` };
    case 'enum':
      return { path: at, message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { path: at, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'pattern': {
      const expected = (error.parentSchema as { 'x-expected'?: string } | undefined)?.['x-expected'];
      return { path: at, message: expected ? `must be ${expected}` : (error.message ?? 'is invalid') };
    }
    case 'propertyNames':
      return { path: at, message: `has an invalid name "${String(params.propertyName)}"` };
    default:
      return { path: at, message: error.message ?? 'is invalid' };
  }
}

/** Edit distance (insert, delete, substitute, swap two neighbours), for did-you-mean. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The known name an unknown one most likely meant (`stratgy` -> `strategy`, `Strategy`,
 * `strategy_`, `expect_status` -> `expect-status`), or undefined when none is close.
 */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  const plain = (value: string) => value.toLowerCase().replace(/[-_ ]/g, '');
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = plain(candidate) === plain(name) ? 0 : editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= Math.max(1, Math.min(3, Math.floor(candidate.length / 3))) && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/**
 * Picks the most useful errors: drops oneOf/if summaries when a more precise error exists; an
 * unknown field comes first, and the "missing required field" errors of the same object are
 * dropped with it (a misspelt `stratgy` makes the schema read the environment as another kind:
 * what it then finds missing is a consequence of the typo, not a second mistake).
 */
function usefulErrors(errors: ErrorObject[]): ErrorObject[] {
  // A misspelt field (one with a did-you-mean); an unknown field that resembles nothing leaves the rest reported.
  const misspelt = (error: ErrorObject) =>
    error.keyword === 'additionalProperties' &&
    didYouMean(String((error.params as { additionalProperty?: unknown }).additionalProperty), Object.keys((error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {})) !== undefined;
  const unknownAt = new Set(errors.filter(misspelt).map((error) => error.instancePath));
  const precise = errors
    .filter((error) => !['oneOf', 'anyOf', 'if', 'allOf'].includes(error.keyword))
    .filter((error) => !(error.keyword === 'required' && unknownAt.has(error.instancePath)))
    .sort((a, b) => Number(b.keyword === 'additionalProperties') - Number(a.keyword === 'additionalProperties'));
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of precise.length ? precise : errors) {
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (!byPath.has(key)) byPath.set(key, [error]);
  }
  // From a oneOf, ajv reports every branch's failure; keep the first per field to avoid noise.
  const seen = new Set<string>();
  const result: ErrorObject[] = [];
  for (const [, [error]] of byPath) {
    const field = error.keyword === 'additionalProperties' || error.keyword === 'required' ? `${error.instancePath}|${JSON.stringify(error.params)}` : error.instancePath;
    if (seen.has(field)) continue;
    seen.add(field);
    result.push(error);
  }
  return result;
}

/**
 * Parses and validates a config document. Errors name the file, line, column and field:
 * `.github/shipkit.yml:7:15: environments.staging.strategy must be one of direct, blue-green (got "bleu")`.
 */
export function parseConfig(text: string, file: string): LoadedConfig {
  const { value, locate } = parseYamlWithSchema<ShipkitConfig | null>(text, {
    source: file,
    validate: SCHEMA_VALIDATORS.config,
    what: `config ${file}`,
    hint: 'The schema is schema/shipkit.schema.json in the shipkit repository; add `# yaml-language-server: $schema=...` for editor checks.',
  });
  const config = (value ?? {}) as ShipkitConfig;
  normalizeAzureLocations(config, locate);
  return { config, file, locate };
}

/**
 * `azure: { account, container, prefix }` becomes the S3Location every consumer reads, with the
 * bucket `<account>/<container>` (store.ts): one engine, two backends. `s3` and `azure` together
 * are refused naming the place, and so is an environment with both a CloudFront `cdn` and an `azure-cdn`.
 */
function normalizeAzureLocations(config: ShipkitConfig, locate: (fieldPath: readonly (string | number)[]) => string): void {
  const convert = (holder: { s3?: S3Location; azure?: AzureLocationConfig } | undefined, at: Array<string | number>) => {
    if (!holder?.azure) return;
    if (holder.s3) throw new ShipkitError(`${locate([...at, 'azure'])}: ${[...at].join('.')} sets both s3 and azure: expected one location.`);
    holder.s3 = { bucket: azureBucket(holder.azure.account, holder.azure.container), ...(holder.azure.prefix !== undefined ? { prefix: holder.azure.prefix } : {}) };
    delete holder.azure;
  };
  for (const [name, environment] of Object.entries(config.environments ?? {})) {
    if (environment.cdn && environment['azure-cdn']) {
      throw new ShipkitError(`${locate(['environments', name, 'azure-cdn'])}: environments.${name} sets both cdn (CloudFront ${environment.cdn['distribution-id']}) and azure-cdn: expected the one CDN in front of it.`);
    }
    convert(environment, ['environments', name]);
    for (const slot of ['blue', 'green'] as const) convert(environment.slots?.[slot], ['environments', name, 'slots', slot]);
  }
  const cdn = config.cdn;
  if (cdn?.azure) {
    if (cdn.bucket) throw new ShipkitError(`${locate(['cdn', 'azure'])}: cdn sets both bucket and azure: expected one location.`);
    cdn.bucket = azureBucket(cdn.azure.account, cdn.azure.container);
    if (cdn.azure.prefix !== undefined && cdn.prefix !== undefined) {
      throw new ShipkitError(`${locate(['cdn', 'azure', 'prefix'])}: cdn sets both prefix (${JSON.stringify(cdn.prefix)}) and azure.prefix (${JSON.stringify(cdn.azure.prefix)}): expected one of them.`);
    }
    if (cdn.azure.prefix !== undefined) cdn.prefix = cdn.azure.prefix;
    delete cdn.azure;
  }
}

/**
 * Loads the config file. A missing default file yields undefined (everything may come from
 * inputs); a missing file that was asked for by name is an error.
 */
export function loadConfig(file: string | undefined, workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()): LoadedConfig | undefined {
  const given = file?.trim();
  const relative = given || DEFAULT_CONFIG_PATH;
  const absolute = path.resolve(workspace, relative);
  if (!existsSync(absolute)) {
    if (!given || given === DEFAULT_CONFIG_PATH) return undefined;
    throw new ShipkitError(`Input "config" names ${showValue(given)}, but there is no such file (looked at ${showValue(absolute)}).`, {
      hint: 'Paths are relative to the workspace; check out the repository before this step.',
    });
  }
  const stats = statSync(absolute);
  if (!stats.isFile()) {
    throw new ShipkitError(`Input "config" names ${showValue(given ?? relative)}, which is not a file: expected a YAML file such as .github/shipkit.yml.`);
  }
  if (stats.size > MAX_CONFIG_BYTES) {
    throw new ShipkitError(`Input "config" names ${showValue(given ?? relative)}, which holds ${stats.size} bytes: expected a shipkit config of at most ${MAX_CONFIG_BYTES} bytes.`);
  }
  const text = readFileSync(absolute, 'utf8');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) {
    throw new ShipkitError(`Input "config" names ${showValue(given ?? relative)}, which is not a text file (it holds control characters): expected a YAML file such as .github/shipkit.yml.`);
  }
  return parseConfig(text, relative);
}

/** Loads the config and requires it to exist, naming what needs it. */
export function requireConfig(file: string | undefined, purpose: string, workspace?: string): LoadedConfig {
  const loaded = loadConfig(file, workspace);
  if (!loaded) {
    throw new ShipkitError(`No config file ${file?.trim() || DEFAULT_CONFIG_PATH} was found, and ${purpose} needs one.`, {
      hint: 'Create .github/shipkit.yml (see examples/shipkit.yml) or pass the "config" input.',
    });
  }
  return loaded;
}

/** Looks up an environment by name, listing the defined ones when it is not there. */
export function environmentConfig(loaded: LoadedConfig, name: string): EnvironmentConfig {
  const environments = loaded.config.environments ?? {};
  const found = Object.hasOwn(environments, name) ? environments[name] : undefined;
  if (!found) {
    const known = Object.keys(environments);
    throw new ShipkitError(`Input "environment" has an invalid value ${JSON.stringify(name)}: expected one of the environments in ${loaded.file} (${known.length ? known.join(', ') : 'none defined'}).`);
  }
  return found;
}

/** A JSON Schema validator as Ajv builds it: the verdict, and the errors of the last call. */
export type SchemaValidator = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * The schemas of config-schema.ts compiled ahead of time (`npm run docs` writes
 * validators.generated.ts with Ajv's standalone code; its --check keeps it equal to a fresh build):
 * no action compiles a schema when it starts.
 */
export const SCHEMA_VALIDATORS = {
  config: validateConfig as SchemaValidator,
  smoke: validateSmoke as SchemaValidator,
  checkList: validateCheckList as SchemaValidator,
} as const;

export interface ParsedYaml<T> {
  value: T;
  /** Locates a field (as a path of keys) in the text, e.g. `checks.yml:3:5`, for errors found after parsing. */
  locate: (fieldPath: readonly (string | number)[]) => string;
}

/**
 * Parses YAML (or JSON) text and validates it with a schema's validator (SCHEMA_VALIDATORS), with errors like parseConfig's:
 * each names the place (`source:line:col`), the field and the problem. `source` is a file name or
 * a description such as `input "checks"`; `what` names the document in the error's first line.
 */
export function parseYamlWithSchema<T>(text: string, options: { source: string; validate: SchemaValidator; what?: string; hint?: string }): ParsedYaml<T> {
  const { source } = options;
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false });
  const position = (offset: number | undefined): string => {
    if (offset === undefined) return source;
    const { line, col } = lineCounter.linePos(offset);
    return `${source}:${line}:${col}`;
  };
  if (doc.errors.length) {
    const first = doc.errors[0];
    throw new ShipkitError(`${position(first.pos[0])}: invalid YAML: ${first.message.split('\n')[0]}`, {
      hint: 'Check the indentation and quoting around that line.',
    });
  }
  let value: unknown;
  try {
    // Aliases expand: a few lines can otherwise unfold into gigabytes (a "billion laughs" document).
    value = doc.toJS({ maxAliasCount: 100 }) ?? null;
  } catch (error) {
    throw new ShipkitError(`${source}: invalid YAML: ${errorMessage(error).split('\n')[0].slice(0, 200)}`, {
      hint: 'The document uses too many aliases (*name) or an alias to nothing; write the values out.',
    });
  }
  const locate = (fieldPath: readonly (string | number)[]): string => {
    const node = nodeAt(doc, fieldPath) ?? keyNodeAt(doc, fieldPath);
    return position(node?.range?.[0]);
  };
  const check = options.validate;
  if (!check(value)) {
    const lines = usefulErrors(check.errors ?? []).map((error) => {
      const { path: fieldPath, message } = describeError(error);
      const node = error.keyword === 'additionalProperties' ? keyNodeAt(doc, fieldPath) : nodeAt(doc, fieldPath);
      // What was found, never more of it than an error may quote (a wrong file could hold anything).
      const found = node && isScalar(node) && error.keyword !== 'additionalProperties' ? ` (got ${showValue(node.value)})` : '';
      const name = fieldName(fieldPath) || '(top level)';
      return `${position(node?.range?.[0] ?? nodeAt(doc, fieldPath.slice(0, -1))?.range?.[0])}: ${name} ${message}${found}`;
    });
    throw new ShipkitError(`Invalid ${options.what ?? source}:\n${lines.join('\n')}`, { hint: options.hint });
  }
  return { value: value as T, locate };
}
