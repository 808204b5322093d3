import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { minimatch } from 'minimatch';
import YAML from 'yaml';
import { invalidInput, resolveInside, ShipkitError, showValue } from '@shipkit/core';
import { SEVERITIES, severityRank, type Finding, type FindingKind, type Severity } from './report.js';

/**
 * Gating is separate from reporting: the reports keep every finding; the gate decides which of
 * them fail the step (at or above `fail-on`, not ignored, and fixed when `ignore-unfixed`).
 */

export type FailOn = Severity | 'none';

export function parseFailOn(value: string, input = 'fail-on'): FailOn {
  const text = value.trim().toUpperCase();
  if (text === 'NONE') return 'none';
  if ((SEVERITIES as readonly string[]).includes(text)) return text as Severity;
  throw invalidInput(input, value, `one of ${SEVERITIES.join(', ')} (the lowest severity that fails the step) or none`);
}

/** One entry of an ignore file. */
export interface IgnoreRule {
  id: string;
  /** Which findings it applies to; a plain .trivyignore applies to every kind. */
  kinds: readonly FindingKind[];
  /** Glob patterns matched against the result target and the package path; none = everywhere. */
  paths?: string[];
  /** Package URLs (vulnerabilities only); none = every package. */
  purls?: string[];
  /** Start of the day it stops applying (UTC), as Trivy reads `exp:` and `expired_at`. */
  expiresAt?: Date;
  statement?: string;
  /** file:line, for the summary. */
  source: string;
}

const ALL_KINDS: readonly FindingKind[] = ['vulnerability', 'misconfiguration', 'secret'];
const YAML_SECTIONS: Record<string, FindingKind | undefined> = {
  vulnerabilities: 'vulnerability',
  misconfigurations: 'misconfiguration',
  secrets: 'secret',
  licenses: undefined, // Trivy's license findings are not gated here; accepted so shared files load.
};

function parseDate(value: unknown, where: string): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  const text = typeof value === 'string' ? value.trim() : '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
  if (!text || Number.isNaN(date.getTime())) {
    throw new ShipkitError(`Ignore file ${where}: invalid expiry date ${showValue(value)}: expected YYYY-MM-DD (or an RFC 3339 time).`);
  }
  return date;
}

/** The plain format: one id per line, optionally `exp:YYYY-MM-DD`; `#` starts a comment line. */
export function parseTrivyIgnore(text: string, file: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [id, ...rest] = line.split(/\s+/);
    const source = `${file}:${index + 1}`;
    const expiry = rest.find((field) => field.startsWith('exp:'));
    rules.push({ id, kinds: ALL_KINDS, source, expiresAt: expiry === undefined ? undefined : parseDate(expiry.slice(4), source) });
  });
  return rules;
}

/** The YAML format (.trivyignore.yaml): sections of entries with id, paths, purls, statement, expired_at. */
export function parseTrivyIgnoreYaml(text: string, file: string): IgnoreRule[] {
  let doc: unknown;
  try {
    doc = YAML.parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new ShipkitError(`Ignore file ${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return [];
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ShipkitError(`Ignore file ${file} should be a mapping with vulnerabilities, misconfigurations, secrets or licenses lists.`);
  }
  const rules: IgnoreRule[] = [];
  for (const [section, entries] of Object.entries(doc as Record<string, unknown>)) {
    if (!(section in YAML_SECTIONS)) {
      throw new ShipkitError(`Ignore file ${file} has an unknown section ${showValue(section)}: expected vulnerabilities, misconfigurations, secrets or licenses.`);
    }
    const kind = YAML_SECTIONS[section];
    if (entries === null || entries === undefined) continue;
    if (!Array.isArray(entries)) throw new ShipkitError(`Ignore file ${file}: ${section} should be a list of entries with an id.`);
    entries.forEach((entry, index) => {
      const where = `${file} ${section}[${index}]`;
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new ShipkitError(`Ignore file ${where} should be a mapping with an id.`);
      const item = entry as Record<string, unknown>;
      if (typeof item.id !== 'string' || !item.id.trim()) throw new ShipkitError(`Ignore file ${where} has no id.`);
      const list = (field: string): string[] | undefined => {
        const value = item[field];
        if (value === undefined || value === null) return undefined;
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
        throw new ShipkitError(`Ignore file ${where}.${field} should be a list of strings but is ${showValue(value)}.`);
      };
      if (!kind) return;
      rules.push({
        id: item.id.trim(),
        kinds: [kind],
        paths: list('paths'),
        purls: list('purls'),
        expiresAt: item.expired_at === undefined || item.expired_at === null ? undefined : parseDate(item.expired_at, where),
        statement: typeof item.statement === 'string' ? item.statement : undefined,
        source: where,
      });
    });
  }
  return rules;
}

export async function loadIgnoreFile(file: string): Promise<IgnoreRule[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ShipkitError(`Ignore file ${file} could not be read: ${(error as Error).message}.`, {
      hint: 'Check the "trivyignores" input: paths are relative to the workspace.',
    });
  }
  return /\.ya?ml$/i.test(file) ? parseTrivyIgnoreYaml(text, file) : parseTrivyIgnore(text, file);
}

interface Purl {
  type: string;
  namespace: string;
  name: string;
  version?: string;
  qualifiers: Map<string, string>;
}

function parsePurl(text: string): Purl | undefined {
  const match = /^pkg:([^/]+)\/(.+?)(?:@([^?#]+))?(?:\?([^#]*))?(?:#.*)?$/.exec(text);
  if (!match) return undefined;
  const segments = match[2].split('/').map(decodeURIComponent);
  const qualifiers = new Map<string, string>();
  for (const pair of (match[4] ?? '').split('&').filter(Boolean)) {
    const [key, value = ''] = pair.split('=');
    qualifiers.set(key.toLowerCase(), decodeURIComponent(value));
  }
  return {
    type: match[1].toLowerCase(),
    name: segments.pop() ?? '',
    namespace: segments.join('/'),
    version: match[3] === undefined ? undefined : decodeURIComponent(match[3]),
    qualifiers,
  };
}

/** Trivy's rule: same type, namespace and name; version and qualifiers only when the rule gives them. */
function purlMatches(rule: string, target: string | undefined): boolean {
  if (!target) return true;
  const want = parsePurl(rule);
  const have = parsePurl(target);
  if (!want || !have) return rule === target;
  if (want.type !== have.type || want.namespace !== have.namespace || want.name !== have.name) return false;
  if (want.version !== undefined && want.version !== have.version) return false;
  for (const [key, value] of want.qualifiers) if (have.qualifiers.get(key) !== value) return false;
  return true;
}

function ruleMatches(rule: IgnoreRule, finding: Finding): boolean {
  if (!rule.kinds.includes(finding.kind)) return false;
  if (rule.id !== finding.id && rule.id !== finding.altId) return false;
  if (rule.paths?.length) {
    const candidates = [finding.target, finding.pkgPath].filter((p): p is string => Boolean(p));
    if (!rule.paths.some((pattern) => candidates.some((candidate) => minimatch(candidate, pattern, { dot: true })))) return false;
  }
  if (rule.purls?.length && finding.kind === 'vulnerability') {
    if (!rule.purls.some((purl) => purlMatches(purl, finding.purl))) return false;
  }
  return true;
}

export interface GateOptions {
  failOn: FailOn;
  ignoreUnfixed: boolean;
  ignores: readonly IgnoreRule[];
  now?: Date;
}

export type Verdict =
  | { gating: true }
  | { gating: false; reason: 'below-threshold' | 'unfixed' | 'ignored' | 'not-gated'; rule?: IgnoreRule };

export interface GatedFinding extends Finding {
  verdict: Verdict;
}

export interface GateResult {
  findings: GatedFinding[];
  gating: GatedFinding[];
  /** Ignore entries past their expiry date: they no longer apply, and the summary says so. */
  expired: IgnoreRule[];
}

/** A vulnerability without a fix: no fixed version, or a status other than "fixed". */
export function isUnfixed(finding: Finding): boolean {
  if (finding.kind !== 'vulnerability') return false;
  return !finding.fixedVersion || (finding.status !== undefined && finding.status !== 'fixed');
}

export function gate(findings: readonly Finding[], options: GateOptions): GateResult {
  const now = options.now ?? new Date();
  const active = options.ignores.filter((rule) => !rule.expiresAt || rule.expiresAt.getTime() > now.getTime());
  const expired = options.ignores.filter((rule) => rule.expiresAt && rule.expiresAt.getTime() <= now.getTime());
  const gated = findings.map((finding): GatedFinding => {
    const rule = active.find((candidate) => ruleMatches(candidate, finding));
    let verdict: Verdict;
    if (options.failOn === 'none') verdict = { gating: false, reason: 'not-gated' };
    else if (severityRank(finding.severity) < severityRank(options.failOn)) verdict = { gating: false, reason: 'below-threshold' };
    else if (rule) verdict = { gating: false, reason: 'ignored', rule };
    else if (options.ignoreUnfixed && isUnfixed(finding)) verdict = { gating: false, reason: 'unfixed' };
    else verdict = { gating: true };
    if (rule && verdict.gating === false && verdict.reason !== 'ignored') verdict = { ...verdict, rule };
    return { ...finding, verdict };
  });
  return { findings: gated, gating: gated.filter((finding) => finding.verdict.gating), expired };
}

/** The ignore files to use: the input's list, else `.trivyignore` / `.trivyignore.yaml` in the workspace when present. */
export function resolveIgnoreFiles(given: readonly string[], workspace: string, exists: (file: string) => boolean): string[] {
  // By real path, inside the workspace (or RUNNER_TEMP): a symlink elsewhere is refused unread.
  if (given.length) return given.map((file) => resolveInside('trivyignores', file, { workspace, kind: 'file' }));
  return ['.trivyignore', '.trivyignore.yaml', '.trivyignore.yml'].map((file) => path.join(workspace, file)).filter(exists);
}
