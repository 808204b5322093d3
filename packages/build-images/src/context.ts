import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  errorMessage,
  expectArray,
  invalidInput,
  parseBoolean,
  parseEnum,
  parseList,
  parseNumber,
  parseStructured,
  repositoryUrl,
  ShipkitError,
  showValue,
  type LoadedConfig,
  type RunContext,
} from '@shipkit/core';
import { parseTagRules, type RefInfo, type TagRule } from './tags.js';

export const ENGINES = ['auto', 'docker', 'buildah'] as const;
export type EngineChoice = (typeof ENGINES)[number];
export const CACHE_MODES = ['auto', 'gha', 'registry', 'layers', 'none'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

/** One image to build, with paths made absolute and checked. */
export interface ImageSpec {
  name: string;
  /** Absolute context directory. */
  context: string;
  /** Absolute Containerfile/Dockerfile. */
  file: string;
  target?: string;
  buildArgs: Record<string, string>;
  platforms: string[];
  labels: Record<string, string>;
}

/** The action's inputs as the runner gives them (strings; empty = not given). */
export interface RawInputs {
  images: string;
  registry: string;
  username: string;
  password: string;
  push: string;
  tags: string;
  engine: string;
  cache: string;
  concurrency: string;
  insecure: string;
}

/** Everything a build needs, typed and validated before anything runs. */
export interface BuildContext {
  images: ImageSpec[];
  /** Registry and namespace, e.g. ghcr.io/acme; empty only when not pushing. */
  registry: string;
  /** The host part of the registry, for login. */
  registryHost: string;
  username?: string;
  password?: string;
  push: boolean;
  tagRules: TagRule[];
  engine: EngineChoice;
  cache: CacheMode;
  concurrency: number;
  insecure: boolean;
  ref: RefInfo;
  /** For the OCI source label. */
  sourceUrl?: string;
  workspace: string;
}

// Docker's reference grammar: lowercase path components separated by /, each [a-z0-9] runs joined by ., _, __ or dashes.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_NAME = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const HOST = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?';
const REGISTRY = new RegExp(`^(?:${HOST})(?:/${PATH_COMPONENT})*$`);
const IMAGE_FIELDS = ['name', 'context', 'file', 'target', 'build-args', 'platforms', 'labels'];
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

export function checkImageName(field: string, name: unknown): string {
  if (typeof name !== 'string' || !IMAGE_NAME.test(name) || name.length > 255) {
    throw invalidInput(field, name, 'an image name of lowercase letters, digits and separators (".", "_", "-", "/"), e.g. "backend" or "shop/web"');
  }
  return name;
}

export function checkRegistry(field: string, registry: string): string {
  const trimmed = registry.replace(/\/+$/, '');
  if (!REGISTRY.test(trimmed)) {
    throw invalidInput(field, registry, 'a registry host with an optional namespace, e.g. ghcr.io/acme or 127.0.0.1:5000/team (no scheme, lowercase namespace)');
  }
  return trimmed;
}

function stringMap(field: string, value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  const result: Record<string, string> = {};
  if (Array.isArray(value)) {
    // Also accept the docker CLI's list form: [KEY=value, ...].
    for (const item of value) {
      const text = String(item);
      const equals = text.indexOf('=');
      if (equals <= 0) throw invalidInput(field, item, 'KEY=value entries or a mapping of keys to values');
      result[text.slice(0, equals)] = text.slice(equals + 1);
    }
    return result;
  }
  if (typeof value !== 'object') throw invalidInput(field, value, 'a mapping of keys to values');
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (entry !== null && typeof entry === 'object') throw invalidInput(`${field}.${key}`, entry, 'a string, number or boolean');
    result[key] = entry === null || entry === undefined ? '' : String(entry);
  }
  return result;
}

function optionalString(field: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw invalidInput(field, value, 'a string');
  return String(value);
}

function isDirectory(file: string): boolean {
  return existsSync(file) && statSync(file).isDirectory();
}

/**
 * Turns one entry of the images list into an ImageSpec. `field` names where it came from
 * (`images[0]` of the input or of the config file) so errors point at it.
 */
export function parseImage(entry: unknown, field: string, workspace: string): ImageSpec {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
    throw invalidInput(field, entry, 'a mapping with at least "name" (and optionally context, file, target, build-args, platforms, labels)');
  }
  const record = entry as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!IMAGE_FIELDS.includes(key)) throw new ShipkitError(`Input "${field}" has an unknown field ${showValue(key)}: expected one of ${IMAGE_FIELDS.join(', ')}.`);
  }
  const name = checkImageName(`${field}.name`, record.name);
  const contextGiven = optionalString(`${field}.context`, record.context) ?? '.';
  const context = path.resolve(workspace, contextGiven);
  if (!isDirectory(context)) {
    throw new ShipkitError(`Image "${name}": the build context ${JSON.stringify(contextGiven)} is not a directory (looked at ${context}).`, {
      hint: 'Paths are relative to the workspace; check out the repository before this step.',
    });
  }
  const fileGiven = optionalString(`${field}.file`, record.file);
  let file: string;
  if (fileGiven) {
    file = path.resolve(workspace, fileGiven);
    if (!existsSync(file) || isDirectory(file)) {
      throw new ShipkitError(`Image "${name}": the Containerfile ${JSON.stringify(fileGiven)} does not exist (looked at ${file}).`, {
        hint: 'Paths are relative to the workspace, not to the context.',
      });
    }
  } else {
    const found = ['Containerfile', 'Dockerfile'].map((base) => path.join(context, base)).find((candidate) => existsSync(candidate));
    if (!found) {
      throw new ShipkitError(`Image "${name}": no Containerfile or Dockerfile in the build context ${JSON.stringify(contextGiven)} (looked at ${path.join(context, 'Containerfile')} and ${path.join(context, 'Dockerfile')}).`, {
        hint: `Add one, or name it with "file" in the entry for ${name}.`,
      });
    }
    file = found;
  }
  const platformsValue = record.platforms;
  const platforms = platformsValue === undefined || platformsValue === null
    ? []
    : Array.isArray(platformsValue) ? platformsValue.map(String) : parseList(String(platformsValue));
  for (const platform of platforms) {
    if (!PLATFORM.test(platform)) throw invalidInput(`${field}.platforms`, platform, 'a platform such as linux/amd64 or linux/arm64/v8');
  }
  return {
    name,
    context,
    file,
    target: optionalString(`${field}.target`, record.target),
    buildArgs: stringMap(`${field}.build-args`, record['build-args']),
    platforms,
    labels: stringMap(`${field}.labels`, record.labels),
  };
}

/**
 * Parses the images list. `locate` (for the config file) turns an entry's index into its
 * `file:line:col`, which then prefixes that entry's errors.
 */
export function parseImages(value: unknown, field: string, workspace: string, locate?: (index: number) => string): ImageSpec[] {
  const list = expectArray(field, value);
  if (!list.length) throw invalidInput(field, value, 'a non-empty list of images');
  const images = list.map((entry, index) => {
    try {
      return parseImage(entry, `${field}[${index}]`, workspace);
    } catch (error) {
      if (locate && error instanceof ShipkitError) throw new ShipkitError(`${locate(index)}: ${error.message}`, { hint: error.hint });
      throw error;
    }
  });
  const seen = new Set<string>();
  for (const [index, image] of images.entries()) {
    if (seen.has(image.name)) {
      const error = invalidInput(field, image.name, 'each image name once');
      throw locate ? new ShipkitError(`${locate(index)}: ${error.message}`) : error;
    }
    seen.add(image.name);
  }
  return images;
}

export function refInfo(run: RunContext): RefInfo {
  return {
    eventName: run.eventName,
    ref: run.ref,
    sha: run.sha,
    defaultBranch: run.defaultBranch,
    pullRequestNumber: run.pullRequestNumber,
  };
}

/**
 * Validates the inputs (with `registry` and `images` from the config file as fallbacks) into a
 * BuildContext. Throws before anything is built or pushed.
 */
export function buildContext(inputs: RawInputs, config: LoadedConfig | undefined, run: RunContext): BuildContext {
  const workspace = run.workspace;
  let images: ImageSpec[];
  if (inputs.images.trim()) {
    images = parseImages(parseStructured('images', inputs.images), 'images', workspace);
  } else if (config?.config.images?.length) {
    images = parseImages(config.config.images, 'images', workspace, (index) => config.locate(['images', index]));
  } else {
    throw new ShipkitError('Input "images" is required: no images were given and the config file has no "images" list.', {
      hint: 'Pass images: as a YAML list, e.g. `- { name: backend, context: backend }`, or add `images:` to .github/shipkit.yml.',
    });
  }
  const push = inputs.push.trim() ? parseBoolean('push', inputs.push) : true;
  const registryGiven = inputs.registry.trim() || config?.config.registry?.trim() || '';
  let registry = '';
  if (inputs.registry.trim()) registry = checkRegistry('registry', registryGiven);
  else if (registryGiven && config) {
    try {
      registry = checkRegistry('registry', registryGiven);
    } catch (error) {
      throw new ShipkitError(`${config.locate(['registry'])}: ${errorMessage(error)}`);
    }
  }
  if (!registry && push) {
    throw new ShipkitError('Input "registry" is required to push: no registry was given and the config file has none.', {
      hint: 'Pass registry: e.g. ghcr.io/<owner>, or set push: false to only build.',
    });
  }
  const username = inputs.username.trim() || undefined;
  const password = inputs.password || undefined;
  if (Boolean(username) !== Boolean(password)) {
    throw new ShipkitError(`Inputs "username" and "password" go together: ${username ? '"password"' : '"username"'} is missing.`);
  }
  const engine = inputs.engine.trim() ? parseEnum('engine', inputs.engine, ENGINES) : 'auto';
  const cache = inputs.cache.trim() ? parseEnum('cache', inputs.cache, CACHE_MODES) : 'auto';
  if (engine === 'buildah' && cache === 'gha') throw invalidInput('cache', cache, 'auto, registry, layers or none with the buildah engine (gha needs docker buildx)');
  if (cache === 'registry' && !registry) throw invalidInput('cache', cache, 'a mode other than registry when no registry is given');
  return {
    images,
    registry,
    registryHost: registry.split('/')[0],
    username,
    password,
    push,
    tagRules: parseTagRules(inputs.tags),
    engine,
    cache,
    concurrency: inputs.concurrency.trim() ? parseNumber('concurrency', inputs.concurrency, { min: 1, max: 16, integer: true }) : 2,
    insecure: inputs.insecure.trim() ? parseBoolean('insecure', inputs.insecure) : false,
    ref: refInfo(run),
    sourceUrl: repositoryUrl(run),
    workspace,
  };
}

/** The repository an image is pushed to: <registry>/<name>, or localhost/<name> for local-only builds. */
export function repositoryOf(context: Pick<BuildContext, 'registry'>, name: string): string {
  return `${context.registry || 'localhost'}/${name}`;
}
