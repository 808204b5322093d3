import { existsSync, readFileSync } from 'node:fs';
import {
  runner, environmentConfig,
  getBoolean,
  getList,
  getOptional,
  invalidInput,
  loadConfig,
  readContext,
  resolveInside,
  ShipkitError,
  type LoadedConfig,
} from '@shipkit/core';
import { expandPreview, pullRequestOf } from '@shipkit/environments';
import {
  collectSecrets,
  Redactor,
  baseUrlFromConfig,
  buildChecks,
  checksFromUrls,
  DEFAULT_SETTINGS,
  parseChecksInput,
  parseStatusSpec,
  resolveSettings,
  smokeFromConfig,
  validateBaseUrl,
  type Check,
  type SettingsInputs,
  type SmokeSettings,
} from '@shipkit/checks';

export const SLOTS = ['blue', 'green'] as const;

/** The action's inputs as given (empty means not given). */
export interface SmokeInputs extends SettingsInputs {
  urls: string[];
  baseUrl?: string;
  checks?: string;
  config?: string;
  expectStatus?: string;
  environment?: string;
  slot?: string;
  junitFile?: string;
  workspace: string;
}

export function readInputs(): SmokeInputs {
  return {
    urls: getList('url', { comma: false }),
    baseUrl: getOptional('base-url'),
    // Kept as given: it is YAML, and trimming the first line's indentation would change its meaning.
    checks: runner.getInput('checks', { trimWhitespace: false }).trim() ? runner.getInput('checks', { trimWhitespace: false }) : undefined,
    config: getOptional('config'),
    expectStatus: getOptional('expect-status'),
    timeout: getOptional('timeout'),
    requestTimeout: getOptional('request-timeout'),
    samples: getOptional('samples'),
    maxErrorRate: getOptional('max-error-rate'),
    maxP95: getOptional('max-p95'),
    concurrency: getOptional('concurrency'),
    insecure: getBoolean('insecure', false),
    retryAssertions: getOptional('retry-assertions') === undefined ? undefined : getBoolean('retry-assertions', false),
    environment: getOptional('environment'),
    slot: getOptional('slot'),
    junitFile: junitFileInput(),
    workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  };
}

export interface SmokePlan {
  checks: Check[];
  settings: SmokeSettings;
  /** Where the checks came from, for the log. */
  source: string;
  loaded?: LoadedConfig;
  environment?: string;
  slot?: 'blue' | 'green';
}

/**
 * Turns the inputs into checks and settings, validating everything before any request is sent.
 * Checks come from `url` and `checks` (both may be given), else from the config file: the
 * environment's smoke.checks, else the top-level smoke.checks. Every secret found is registered
 * with the redactor (and masked in the log).
 */
export function planSmoke(inputs: SmokeInputs, redactor: Redactor, env: NodeJS.ProcessEnv = process.env): SmokePlan {
  if (inputs.slot && !(SLOTS as readonly string[]).includes(inputs.slot)) throw invalidInput('slot', inputs.slot, `one of ${SLOTS.join(', ')}`);
  if (inputs.slot && !inputs.environment) {
    throw new ShipkitError('Input "slot" was given without "environment": the result is recorded per environment and slot.', { hint: 'Set environment too, or drop slot.' });
  }
  const loaded = loadConfig(inputs.config, inputs.workspace);
  if (inputs.environment) {
    if (!loaded) {
      throw new ShipkitError(`Input "environment" is ${JSON.stringify(inputs.environment)}, but no config file ${inputs.config ?? '.github/shipkit.yml'} was found to find its ledger in.`, {
        hint: 'Recording the result needs the config file (app and state); check out the repository before this step.',
      });
    }
    environmentConfig(loaded, inputs.environment);
    if (!loaded.config.state) {
      throw new ShipkitError(`Input "environment" asks to record the result, but ${loaded.file} has no "state" (the ledger location, s3://bucket/prefix).`);
    }
  }
  let baseUrl = inputs.baseUrl ? validateBaseUrl(inputs.baseUrl, 'base-url') : baseUrlFromConfig(loaded, inputs.environment, inputs.slot);
  // A preview template's url: filled for the run's pull request.
  const pullRequest = pullRequestOf(readContext());
  if (!inputs.baseUrl && baseUrl && /\{(pr|branch)\}/.test(baseUrl) && pullRequest) baseUrl = expandPreview(baseUrl, pullRequest);
  if (baseUrl && !inputs.baseUrl) validateBaseUrl(baseUrl, inputs.slot ? `${loaded!.file}: environments.${inputs.environment}.slots.${inputs.slot}.url` : `${loaded!.file}: environments.${inputs.environment}.url`);
  const expectStatus = parseStatusSpec(inputs.expectStatus ?? DEFAULT_SETTINGS.expectStatus, 'expect-status');
  const configSmoke = loaded ? smokeFromConfig(loaded, inputs.environment) : undefined;
  // Per-request timeout default for checks: input, then the config's, then the built-in one.
  const preliminary = resolveSettings({ ...inputs, insecure: inputs.insecure }, configSmoke?.smoke ?? {});
  const defaults = { baseUrl, expectStatus, requestTimeoutMs: preliminary.requestTimeoutMs, env };

  const checks: Check[] = [];
  const expanded: string[] = [];
  const sources: string[] = [];
  let settingsLayers = [configSmoke?.smoke ?? {}];
  if (inputs.urls.length) {
    checks.push(...checksFromUrls(inputs.urls, defaults));
    sources.push('input "url"');
  }
  if (inputs.checks) {
    const spec = parseChecksInput(inputs.checks, inputs.workspace);
    const fileSettings = resolveSettings({ ...inputs }, spec.settings, configSmoke?.smoke ?? {});
    const built = buildChecks(spec.checks, spec.locate, { ...defaults, requestTimeoutMs: fileSettings.requestTimeoutMs }, spec.fieldPrefix);
    checks.push(...built.checks);
    expanded.push(...built.expandedValues);
    settingsLayers = [spec.settings, ...settingsLayers];
    sources.push('input "checks"');
  }
  if (!checks.length && configSmoke?.smoke.checks?.length) {
    const built = buildChecks(configSmoke.smoke.checks, loaded!.locate, defaults, configSmoke.fieldPrefix);
    checks.push(...built.checks);
    expanded.push(...built.expandedValues);
    sources.push(`${loaded!.file} (${configSmoke.fieldPrefix.join('.')})`);
  }
  if (!checks.length) {
    throw new ShipkitError('There is nothing to check: the inputs "url" and "checks" are empty and the config has no smoke.checks.', {
      hint: `Give url (one per line), checks (a YAML list), or add smoke.checks to ${loaded?.file ?? '.github/shipkit.yml'}.`,
    });
  }
  const names = new Set<string>();
  for (const check of checks) {
    if (names.has(check.name)) throw new ShipkitError(`Two checks are named ${JSON.stringify(check.name)} (from ${sources.join(' and ')}); check names must be unique.`);
    names.add(check.name);
  }
  collectSecrets(checks, expanded, redactor);
  const settings = resolveSettings({ ...inputs }, ...settingsLayers);
  return { checks, settings, source: sources.join(' + '), loaded, environment: inputs.environment, slot: inputs.slot as SmokePlan['slot'] };
}

function junitFileInput(): string | undefined {
  const value = getOptional('junit-file');
  if (value) junitPath(value, readContext().workspace);
  return value;
}

/**
 * Where the JUnit report goes: inside the workspace or RUNNER_TEMP, and never over a file that is
 * not an earlier report (the config, a source file). Checked before any request is made.
 */
export function junitPath(value: string, workspace: string): string {
  const file = resolveInside('junit-file', value, { workspace, kind: 'file' });
  if (existsSync(file) && !/^\s*(<\?xml[^>]*>\s*)?<testsuites?\b/.test(readFileSync(file, 'utf8').slice(0, 512))) {
    throw new ShipkitError(`Input "junit-file" names ${JSON.stringify(value.slice(0, 200))}, an existing file that is not a JUnit report: expected a new path (or an earlier report) such as reports/smoke.xml.`);
  }
  return file;
}
