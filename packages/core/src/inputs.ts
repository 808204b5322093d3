import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import * as runner from './runner.js';
import YAML from 'yaml';
import { parseDuration } from './duration.js';
import { invalidInput, showValue, ShipkitError } from './errors.js';

/**
 * Typed action inputs. Every reader takes the input's name as written in action.yml and throws a
 * ShipkitError naming the input, the value and what was expected. Empty means "not given".
 */
export function getString(name: string, options: { required?: boolean } = {}): string {
  const value = runner.getInput(name).trim();
  if (!value && options.required) {
    throw new ShipkitError(`Input "${name}" is required but was not given.`);
  }
  return value;
}

export function getOptional(name: string): string | undefined {
  return getString(name) || undefined;
}

export function parseBoolean(name: string, value: string): boolean {
  const lower = value.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(lower)) return true;
  if (['false', 'no', 'off', '0'].includes(lower)) return false;
  throw invalidInput(name, value, 'true or false');
}

export function getBoolean(name: string, fallback = false): boolean {
  const value = getString(name);
  return value ? parseBoolean(name, value) : fallback;
}

/** Splits a list given one item per line or separated by commas; blank items and `#` comments dropped. */
export function parseList(value: string, options: { comma?: boolean } = {}): string[] {
  const comma = options.comma ?? true;
  return value
    .split(/\r?\n/)
    .flatMap((line) => (comma ? line.split(',') : [line]))
    .map((item) => item.trim())
    .filter((item) => item && !item.startsWith('#'));
}

export function getList(name: string, options: { comma?: boolean } = {}): string[] {
  return parseList(runner.getInput(name), options);
}

export function getDuration(name: string, fallback?: string): number | undefined {
  const value = getString(name) || fallback;
  return value === undefined ? undefined : parseDuration(value, name);
}

export function parseNumber(name: string, value: string, options: { min?: number; max?: number; integer?: boolean } = {}): number {
  const number = Number(value.trim());
  const bounds = [
    options.min !== undefined ? `at least ${options.min}` : '',
    options.max !== undefined ? `at most ${options.max}` : '',
  ].filter(Boolean).join(' and ');
  const expected = `${options.integer ? 'a whole number' : 'a number'}${bounds ? ` ${bounds}` : ''}`;
  if (value.trim() === '' || !Number.isFinite(number)) throw invalidInput(name, value, expected);
  if (options.integer && !Number.isInteger(number)) throw invalidInput(name, value, expected);
  if (options.min !== undefined && number < options.min) throw invalidInput(name, value, expected);
  if (options.max !== undefined && number > options.max) throw invalidInput(name, value, expected);
  return number;
}

export function getNumber(name: string, fallback: number, options: { min?: number; max?: number; integer?: boolean } = {}): number {
  const value = getString(name);
  return value ? parseNumber(name, value, options) : fallback;
}

/** A percentage or ratio: `5%` or `0.05` both mean 0.05. */
export function parseRatio(name: string, value: string): number {
  const text = value.trim();
  const ratio = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (!text || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw invalidInput(name, value, 'a ratio between 0 and 1, or a percentage such as 5%');
  }
  return ratio;
}

export function parseEnum<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const text = value.trim();
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw invalidInput(name, value, `one of ${allowed.join(', ')}`);
}

export function getEnum<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = getString(name);
  return value ? parseEnum(name, value, allowed) : fallback;
}

/** JSON or YAML (YAML is a superset of JSON), so `[a, b]`, a block list or a JSON document all work. */
export function parseStructured(name: string, value: string): unknown {
  try {
    return YAML.parse(value, { prettyErrors: true, maxAliasCount: 100 });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw invalidInput(name, value, `valid YAML or JSON (${detail.slice(0, 200)})`);
  }
}

export function getStructured(name: string): unknown {
  const value = runner.getInput(name);
  return value.trim() ? parseStructured(name, value) : undefined;
}

/** Reads a secret input and masks it before anything else can print it. */
export function getSecret(name: string): string | undefined {
  const value = runner.getInput(name);
  if (!value) return undefined;
  runner.setSecret(value);
  return value;
}

export function expectArray(name: string, value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  throw new ShipkitError(`Input "${name}" has an invalid value ${showValue(value)}: expected a list.`);
}

/**
 * An absolute http(s) URL without credentials (a `user:password@` would end up in logs, the ledger
 * and GitHub). Throws naming `name`, with any password in the value redacted.
 */
export function checkHttpUrl(name: string, value: string, options: { allowCredentials?: boolean } = {}): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidInput(name, value, 'an absolute http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidInput(name, value, 'an absolute http:// or https:// URL');
  if ((url.username || url.password) && !options.allowCredentials) {
    throw invalidInput(name, value, 'a URL without credentials (user:password@ would end up in logs and records)', 'Send credentials as a header from a secret instead, e.g. smoke check headers: { Authorization: "Bearer ${TOKEN}" }.');
  }
  return value;
}

/**
 * A file input or output resolved against the workspace, which must stay inside the workspace or
 * RUNNER_TEMP (a `../..` or an absolute path elsewhere would publish or overwrite files the job
 * never meant to: the runner's home, another checkout, the config itself). Symlinks are followed.
 */
export function resolveInside(name: string, value: string, options: { workspace: string; allowOutside?: boolean; env?: NodeJS.ProcessEnv; kind?: string; roots?: readonly string[]; expected?: string }): string {
  const absolute = path.resolve(options.workspace, value);
  if (options.allowOutside) return absolute;
  const real = (file: string) => {
    // The deepest existing ancestor decides (the file itself may not exist yet).
    let current = file;
    let rest = '';
    for (;;) {
      try {
        return path.join(realpathSync(current), rest);
      } catch {
        const parent = path.dirname(current);
        if (parent === current) return file;
        rest = path.join(path.basename(current), rest);
        current = parent;
      }
    }
  };
  const roots = [options.workspace, (options.env ?? process.env).RUNNER_TEMP, ...(options.roots ?? [])].filter((root): root is string => !!root).map((root) => real(path.resolve(root)));
  const target = real(absolute);
  if (roots.some((root) => target === root || target.startsWith(`${root}${path.sep}`))) return absolute;
  throw invalidInput(name, value, `${options.expected ?? `a ${options.kind ?? 'path'} inside the workspace or RUNNER_TEMP`} (it resolves to ${target})`);
}

/**
 * Reads a file named by the config or an input (a task definition, a checks file, an ignore
 * file): resolved by its REAL path (symlinks followed), which must lie inside the workspace or
 * RUNNER_TEMP (resolveInside), and must be a regular file of at most `maxBytes`. Errors name the
 * field and the path, never the file's content: a symlink to a secrets file (or to
 * /proc/self/environ) is refused before a byte of it is read.
 */
export function readFileInside(name: string, value: string, options: { workspace: string; env?: NodeJS.ProcessEnv; kind?: string; maxBytes?: number; roots?: readonly string[]; expected?: string }): { file: string; text: string } {
  const kind = options.kind ?? 'file';
  const file = resolveInside(name, value, { ...options, kind });
  let stats;
  try {
    stats = statSync(file);
  } catch {
    throw new ShipkitError(`${fieldLabel(name)} names ${showValue(value)}, which does not exist (looked at ${file}).`, { hint: 'Paths are relative to the workspace; check out the repository before this step.' });
  }
  if (!stats.isFile()) throw new ShipkitError(`${fieldLabel(name)} names ${showValue(value)}, which is not a regular file (looked at ${file}).`);
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  if (stats.size > maxBytes) throw invalidInput(name, value, `a ${kind} of at most ${maxBytes} bytes (it holds ${stats.size})`);
  return { file, text: readFileSync(file, 'utf8') };
}

const fieldLabel = (name: string) => (/:|\./.test(name) ? name : `Input "${name}"`);

/**
 * JSON.parse for a file's text whose error says where the text is invalid but never quotes it
 * (V8's message quotes the first bytes, which may be a secret).
 */
export function parseJsonFile(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const at = /at position (\d+)(?: \(line (\d+) column (\d+)\))?/.exec(message);
    const where = at ? (at[2] ? `line ${at[2]}, column ${at[3]}` : `position ${at[1]}`) : /end of JSON input/.test(message) ? 'it ends early' : 'its first characters are not JSON';
    throw new ShipkitError(`${what} is not valid JSON (${where}).`);
  }
}
