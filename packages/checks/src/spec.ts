import { existsSync } from 'node:fs';
import {
  checkHttpUrl,
  invalidInput,
  parseDuration,
  parseRatio,
  parseTimeout,
  parseYamlWithSchema,
  readFileInside,
  resolveInside,
  ShipkitError,
  SCHEMA_VALIDATORS,
  type EnvironmentConfig,
  type LoadedConfig,
  type SmokeCheckConfig,
  type SmokeConfig,
} from '@shipkit/core';
import { collectSecrets, type Redactor } from './secrets.js';

/** An inclusive range of HTTP status codes; a single code is a range of one. */
export interface StatusRange {
  min: number;
  max: number;
}

export interface CorsExpectation {
  origin: string;
  method: string;
  headers: string[];
  credentials?: boolean;
}

/** A check ready to run: URL resolved, durations in ms, patterns compiled. */
export interface Check {
  name: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  expectStatus: StatusRange[];
  bodyContains: string[];
  bodyMatches?: RegExp;
  expectJson: Record<string, unknown>;
  /** Header name (lower case) to an exact value or a /regex/. */
  expectHeaders: Record<string, string | RegExp>;
  cors?: CorsExpectation;
  followRedirects: boolean;
  maxRedirects: number;
  maxLatencyMs?: number;
  certMinDays?: number;
  requestTimeoutMs: number;
}

export interface SmokeSettings {
  timeoutMs: number;
  requestTimeoutMs: number;
  samples: number;
  maxErrorRate: number;
  maxP95Ms?: number;
  concurrency: number;
  insecure: boolean;
  /** Retry a response whose assertions failed (wrong body, JSON, headers) during readiness too (default false: only connection errors, timeouts, 404, 408, 425, 429 and 5xx are). */
  retryAssertions: boolean;
}

export const DEFAULT_SETTINGS = {
  expectStatus: '200-399',
  timeout: '2m',
  requestTimeout: '10s',
  samples: 0,
  maxErrorRate: '5%',
  concurrency: 4,
  maxRedirects: 10,
} as const;

/** Where a check came from, to name it in errors: `input "url"`, `.github/shipkit.yml:12:7`... */
type Locate = (fieldPath: readonly (string | number)[]) => string;

/**
 * Parses an expected status: `200`, `200-299`, `200,204,301-302`, or a list of those.
 * `name` is what errors call it (an input name or a located field).
 */
export function parseStatusSpec(value: number | string | Array<number | string>, name: string): StatusRange[] {
  const parts = Array.isArray(value) ? value.flatMap((item) => String(item).split(',')) : String(value).split(',');
  const ranges: StatusRange[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    const match = /^(\d{3})(?:\s*-\s*(\d{3}))?$/.exec(part);
    const min = match ? Number(match[1]) : NaN;
    const max = match?.[2] ? Number(match[2]) : min;
    if (!match || min < 100 || max > 599 || min > max) {
      throw invalidInput(name, value, 'HTTP status codes between 100 and 599, ranges such as 200-299, or a comma-separated list of them');
    }
    ranges.push({ min, max });
  }
  if (!ranges.length) throw invalidInput(name, value, 'at least one status code or range');
  return ranges;
}

export function statusMatches(status: number, ranges: readonly StatusRange[]): boolean {
  return ranges.some((range) => status >= range.min && status <= range.max);
}

export function describeStatus(ranges: readonly StatusRange[]): string {
  return ranges.map((range) => (range.min === range.max ? String(range.min) : `${range.min}-${range.max}`)).join(', ');
}

/** `/pattern/flags` is a regular expression; anything else is a literal. */
export function parsePattern(text: string, name: string): string | RegExp {
  const match = /^\/(.*)\/([dgimsuy]*)$/s.exec(text);
  if (!match) return text;
  try {
    return new RegExp(match[1], match[2].replace('g', ''));
  } catch (error) {
    throw new ShipkitError(`${name} has an invalid regular expression ${JSON.stringify(text)}: ${(error as Error).message}.`);
  }
}

/** Splits `a.b[0].c`, `$.a.b`, `items[-1]` or `["key.with.dots"]` into steps; undefined when it is not a path. */
export function parseJsonPath(pathText: string): Array<string | number> | undefined {
  const text = pathText.trim().replace(/^\$\.?/, '');
  const steps: Array<string | number> = [];
  const pattern = /(^|\.)([^.[\]"']+)|\[(-?\d+)\]|\[\s*(["'])(.*?)\4\s*\]/y;
  let consumed = 0;
  while (consumed < text.length) {
    pattern.lastIndex = consumed;
    const match = pattern.exec(text);
    if (!match) return undefined;
    if (match[2] !== undefined) steps.push(match[2]);
    else if (match[3] !== undefined) steps.push(Number(match[3]));
    else steps.push(match[5]);
    consumed = pattern.lastIndex;
  }
  return steps;
}

/** Joins a path onto a base URL, keeping the base's own path (`https://h/app` + `/health` = `https://h/app/health`). */
export function resolveUrl(base: string, checkPath: string): string {
  const url = new URL(base);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(checkPath)) return checkPath;
  const [pathPart, query] = splitQuery(checkPath);
  const basePath = url.pathname.replace(/\/+$/, '');
  const joined = `${basePath}/${pathPart.replace(/^\/+/, '')}`;
  url.pathname = joined;
  url.search = query ?? url.search;
  url.hash = '';
  return url.toString();
}

function splitQuery(text: string): [string, string | undefined] {
  const index = text.indexOf('?');
  return index === -1 ? [text, undefined] : [text.slice(0, index), text.slice(index)];
}

export function validateBaseUrl(value: string, name: string): string {
  // smoke-test may log in with user:password@ (it redacts them from names, logs and the ledger).
  return checkHttpUrl(name, value, { allowCredentials: true });
}

/** Expands `${NAME}` from the environment, so config files can take secrets from `env:` instead of inline. */
export function expandEnv(text: string, env: NodeJS.ProcessEnv, where: string, expanded: string[]): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const value = env[name];
    if (value === undefined) {
      throw new ShipkitError(`${where} uses \${${name}}, but the environment variable ${name} is not set.`, {
        hint: `Pass it to the step, e.g. env: { ${name}: \${{ secrets.${name} }} }.`,
      });
    }
    if (value) expanded.push(value);
    return value;
  });
}

export interface CheckDefaults {
  baseUrl?: string;
  expectStatus: StatusRange[];
  requestTimeoutMs: number;
  env?: NodeJS.ProcessEnv;
}

export interface BuiltChecks {
  checks: Check[];
  /** Values that came from the environment (`${NAME}`): always secrets. */
  expandedValues: string[];
}

/** Turns validated check configs into runnable checks; semantic errors are located in their source. */
export function buildChecks(configs: readonly SmokeCheckConfig[], locate: Locate, defaults: CheckDefaults, fieldPrefix: readonly (string | number)[] = []): BuiltChecks {
  const expandedValues: string[] = [];
  const seen = new Map<string, number>();
  const checks = configs.map((config, index) => {
    const at = (field?: string): string => {
      const fieldPath = field === undefined ? [...fieldPrefix, index] : [...fieldPrefix, index, field];
      const label = [...fieldPrefix, index, ...(field === undefined ? [] : [field])]
        .reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
      return `${locate(fieldPath)}: ${label}`;
    };
    if (seen.has(config.name)) {
      throw new ShipkitError(`${at('name')} repeats the check name ${JSON.stringify(config.name)} (also used by check ${seen.get(config.name)! + 1}).`, {
        hint: 'Check names label the report and the failed-checks output; make them unique.',
      });
    }
    seen.set(config.name, index);
    if (config.url && config.path) throw new ShipkitError(`${at('url')} and path are both set; give one of them.`);
    const env = defaults.env ?? process.env;
    let url: string;
    if (config.url) {
      url = validateBaseUrl(expandEnv(config.url, env, at('url'), expandedValues), at('url'));
    } else {
      if (!defaults.baseUrl) {
        throw new ShipkitError(`${at(config.path === undefined ? undefined : 'path')} has ${config.path === undefined ? 'neither url nor path' : `the path ${JSON.stringify(config.path)}`} but no base URL is known.`, {
          hint: 'Set the base-url input (e.g. deploy-env\'s slot-url), the environment\'s url in the config, or give the check an absolute url.',
        });
      }
      url = resolveUrl(defaults.baseUrl, config.path ?? '/');
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(config.headers ?? {})) {
      // A header name or value with a control character (CR/LF) could split the request: refused, never retried.
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new ShipkitError(`${at('headers')} has an invalid header name ${JSON.stringify(name.slice(0, 200))}: expected a token such as Authorization or X-Api-Key.`);
      const expanded = expandEnv(value, env, at('headers'), expandedValues);
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(expanded)) throw new ShipkitError(`${at('headers')}.${name} has an invalid value: it contains a control character (CR, LF...); expected a single-line header value.`);
      headers[name] = expanded;
    }
    let body: string | undefined;
    if (config.body !== undefined) {
      if (typeof config.body === 'string') body = config.body;
      else {
        body = JSON.stringify(config.body);
        if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
      }
    }
    const expectHeaders: Record<string, string | RegExp> = {};
    for (const [name, value] of Object.entries(config['expect-headers'] ?? {})) expectHeaders[name.toLowerCase()] = parsePattern(value, `${at('expect-headers')}.${name}`);
    let bodyMatches: RegExp | undefined;
    if (config['body-matches'] !== undefined) {
      const pattern = config['body-matches'];
      const parsed = parsePattern(pattern.startsWith('/') ? pattern : `/${pattern}/`, at('body-matches'));
      bodyMatches = parsed instanceof RegExp ? parsed : new RegExp(parsed);
    }
    for (const jsonPathText of Object.keys(config['expect-json'] ?? {})) {
      if (!parseJsonPath(jsonPathText)) throw new ShipkitError(`${at('expect-json')} has an invalid JSON path ${JSON.stringify(jsonPathText)}: expected a path such as data.items[0].id.`);
    }
    const method = config.method ?? 'GET';
    return {
      name: config.name,
      url,
      method,
      headers,
      body,
      expectStatus: config['expect-status'] === undefined ? defaults.expectStatus : parseStatusSpec(config['expect-status'], at('expect-status')),
      bodyContains: config['body-contains'] === undefined ? [] : ([] as string[]).concat(config['body-contains']),
      bodyMatches,
      // A string value written as /regex/ is matched against the JSON value (as text), like expect-headers.
      expectJson: Object.fromEntries(Object.entries(config['expect-json'] ?? {}).map(([jsonPathText, value]) => [jsonPathText, typeof value === 'string' ? parsePattern(value, `${at('expect-json')}.${jsonPathText}`) : value])),
      expectHeaders,
      cors: config.cors ? { origin: config.cors.origin, method: config.cors.method ?? method, headers: config.cors.headers ?? [], credentials: config.cors.credentials } : undefined,
      followRedirects: config['follow-redirects'] ?? true,
      maxRedirects: config['max-redirects'] ?? DEFAULT_SETTINGS.maxRedirects,
      maxLatencyMs: config['max-latency'] === undefined ? undefined : parseDuration(config['max-latency'], at('max-latency')),
      certMinDays: config['cert-min-days'],
      requestTimeoutMs: config['request-timeout'] === undefined ? defaults.requestTimeoutMs : parseTimeout(config['request-timeout'], at('request-timeout')),
    } satisfies Check;
  });
  return { checks, expandedValues };
}

/** Checks for the `url` input: one GET per URL with the default expected status. */
export function checksFromUrls(urls: readonly string[], defaults: CheckDefaults): Check[] {
  const seen = new Set<string>();
  return urls.map((raw) => {
    const url = defaults.baseUrl && !/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? resolveUrl(defaults.baseUrl, raw) : validateBaseUrl(raw, 'url');
    let name = displayUrl(url);
    for (let n = 2; seen.has(name); n++) name = `${displayUrl(url)} #${n}`;
    seen.add(name);
    return {
      name,
      url,
      method: 'GET',
      headers: {},
      expectStatus: defaults.expectStatus,
      bodyContains: [],
      expectJson: {},
      expectHeaders: {},
      followRedirects: true,
      maxRedirects: DEFAULT_SETTINGS.maxRedirects,
      requestTimeoutMs: defaults.requestTimeoutMs,
    };
  });
}

/** A URL without its user:password part, safe to print. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = '';
      parsed.password = '';
    }
    return parsed.toString();
  } catch {
    return url;
  }
}

/** The password in a URL's user-info, which must be masked. */
/** Query parameters whose values are credentials, by name (the redaction's rule, see @shipkit/core redact.ts). */
const SECRET_PARAM = /^(x-amz-(signature|credential|security-token)|sig|se)$|token|key|secret|passw(or)?d|pwd|code|signature|credential/i;

export function urlSecrets(url: string): string[] {
  try {
    const parsed = new URL(url);
    const values = parsed.password ? [decodeURIComponent(parsed.password)] : [];
    // A token put into the query literally (?token=${{ secrets.X }}) is a secret too.
    for (const [name, value] of parsed.searchParams) if (SECRET_PARAM.test(name) && value) values.push(value);
    return values;
  } catch {
    return [];
  }
}

export interface ChecksSpec {
  checks: SmokeCheckConfig[];
  /** Settings from a file given as a mapping (smoke: timeout, samples...). */
  settings: SmokeConfig;
  locate: Locate;
  /** Where the checks sit inside the document (e.g. ['checks'] for a mapping). */
  fieldPrefix: (string | number)[];
}

/**
 * Reads the `checks` input: inline YAML (a list of checks, the shape of smoke.checks) or the path
 * of a file holding such a list or a whole smoke mapping (`checks:`, `timeout:`...). Errors name
 * the input or the file, the line and the field.
 */
export function parseChecksInput(value: string, workspace: string): ChecksSpec {
  const text = value.trim();
  const looksLikePath = !text.includes('\n') && /\.(ya?ml|json)$/i.test(text) && !/^[-[{]/.test(text);
  if (looksLikePath) {
    // By real path, inside the workspace: a symlink to a secrets file is refused unread.
    const file = resolveInside('checks', text, { workspace, kind: 'checks file' });
    if (!existsSync(file)) {
      throw invalidInput('checks', value, 'a YAML list of checks or the path of an existing YAML file', `No file at ${file}; paths are relative to the workspace.`);
    }
    return parseChecksDocument(readFileInside('checks', text, { workspace, kind: 'checks file' }).text, text, `checks file ${text}`);
  }
  return parseChecksDocument(value, 'input "checks"', 'input "checks"');
}

function parseChecksDocument(text: string, source: string, what: string): ChecksSpec {
  const isList = /^\s*(#.*\n\s*)*(-|\[)/.test(text);
  const { value, locate } = parseYamlWithSchema<SmokeCheckConfig[] | SmokeConfig>(text, {
    source,
    what,
    // Validate against the shape the text has, so errors are about the checks, not about "oneOf".
    validate: isList ? SCHEMA_VALIDATORS.checkList : SCHEMA_VALIDATORS.smoke,
    hint: 'Each check needs a name and a url or path; see smoke.checks in the shipkit config schema.',
  });
  if (Array.isArray(value)) return { checks: value, settings: {}, locate, fieldPrefix: [] };
  if (!value.checks?.length) throw new ShipkitError(`${source}: has no checks (expected a list of checks or a mapping with checks:).`);
  const { checks, ...settings } = value;
  return { checks, settings, locate, fieldPrefix: ['checks'] };
}

/** The smoke section that applies: the environment's over the top-level one, field by field. */
export function smokeFromConfig(loaded: LoadedConfig, environment?: string): { smoke: SmokeConfig; fieldPrefix: (string | number)[] } {
  const top = loaded.config.smoke ?? {};
  const own = environment ? environmentConfigOf(loaded, environment)?.smoke : undefined;
  if (own?.checks?.length) return { smoke: { ...top, ...own }, fieldPrefix: ['environments', environment!, 'smoke', 'checks'] };
  return { smoke: { ...top, ...(own ?? {}), checks: top.checks }, fieldPrefix: ['smoke', 'checks'] };
}

/** The base URL when the input is empty: the slot's URL, else the environment's. */
export function baseUrlFromConfig(loaded: LoadedConfig | undefined, environment?: string, slot?: string): string | undefined {
  if (!loaded || !environment) return undefined;
  const env = environmentConfigOf(loaded, environment);
  if (!env) return undefined;
  if (slot) return env.slots?.[slot as 'blue' | 'green']?.url;
  return env.url;
}

/** The settings inputs as given (empty means not given). */
export interface SettingsInputs {
  timeout?: string;
  requestTimeout?: string;
  samples?: string;
  maxErrorRate?: string;
  maxP95?: string;
  concurrency?: string;
  insecure: boolean;
  retryAssertions?: boolean;
}

/** Settings: an input when given, else the checks file's, else the config's smoke section, else the default. */
export function resolveSettings(inputs: SettingsInputs, ...layers: SmokeConfig[]): SmokeSettings {
  const pick = <K extends keyof SmokeConfig>(key: K): SmokeConfig[K] | undefined => layers.find((layer) => layer[key] !== undefined)?.[key];
  const integer = (name: string, text: string, min: number): number => {
    const number = Number(text.trim());
    if (!text.trim() || !Number.isInteger(number) || number < min) throw invalidInput(name, text, `a whole number of at least ${min}`);
    return number;
  };
  const errorRate = inputs.maxErrorRate ?? pick('max-error-rate');
  const p95 = inputs.maxP95 ?? pick('max-p95');
  return {
    timeoutMs: parseTimeout(inputs.timeout ?? pick('timeout') ?? DEFAULT_SETTINGS.timeout, 'timeout'),
    requestTimeoutMs: parseTimeout(inputs.requestTimeout ?? pick('request-timeout') ?? DEFAULT_SETTINGS.requestTimeout, 'request-timeout'),
    samples: inputs.samples !== undefined ? integer('samples', inputs.samples, 0) : (pick('samples') ?? DEFAULT_SETTINGS.samples),
    maxErrorRate: errorRate === undefined ? parseRatio('max-error-rate', DEFAULT_SETTINGS.maxErrorRate) : typeof errorRate === 'number' ? errorRate : parseRatio('max-error-rate', errorRate),
    maxP95Ms: p95 === undefined ? undefined : parseDuration(p95, 'max-p95'),
    concurrency: inputs.concurrency !== undefined ? integer('concurrency', inputs.concurrency, 1) : (pick('concurrency') ?? DEFAULT_SETTINGS.concurrency),
    insecure: inputs.insecure,
    retryAssertions: inputs.retryAssertions ?? pick('retry-assertions') ?? false,
  };
}

/** An environment of the config, looked up as an own property (`constructor` is not an environment). */
function environmentConfigOf(loaded: LoadedConfig, name: string): EnvironmentConfig | undefined {
  const environments = loaded.config.environments;
  return environments && Object.hasOwn(environments, name) ? environments[name] : undefined;
}

/**
 * The environment's smoke checks (its own, else the top-level ones) against `baseUrl`, or one GET
 * of `baseUrl` when the config has none. Secrets they carry are registered with `redactor`.
 * blue-green-switch analyses canary steps with these.
 */
export function environmentChecks(loaded: LoadedConfig, environment: string, baseUrl: string, redactor: Redactor, env: NodeJS.ProcessEnv = process.env): { checks: Check[]; smoke: SmokeConfig } {
  const { smoke, fieldPrefix } = smokeFromConfig(loaded, environment);
  const settings = resolveSettings({ insecure: false }, smoke);
  const defaults: CheckDefaults = { baseUrl, expectStatus: parseStatusSpec(DEFAULT_SETTINGS.expectStatus, 'expect-status'), requestTimeoutMs: settings.requestTimeoutMs, env };
  if (!smoke.checks?.length) return { checks: checksFromUrls([baseUrl], defaults), smoke };
  const built = buildChecks(smoke.checks, loaded.locate, defaults, fieldPrefix);
  collectSecrets(built.checks, built.expandedValues, redactor);
  return { checks: built.checks, smoke };
}
