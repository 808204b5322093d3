/**
 * Build once: adds tags to images that already exist in the registry, on the SAME digest, with
 * `skopeo copy --all --preserve-digests` (a registry-side copy: blobs already there are skipped,
 * nothing is rebuilt or re-uploaded). pipeline-main marks the digests that passed staging as
 * `tested-sha-<sha7>`; a release tag on that commit promotes them to 1.2.3, then 1.2, 1, latest.
 * Semver aliases never move backwards, also when two releases run at once (re-read after moving).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { invalidInput, ShipkitError } from '@shipkit/core';
import semver from 'semver';

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const REFERENCE = /^([a-z0-9.-]+(?::\d+)?(?:\/[a-z0-9._-]+)+)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@(sha256:[a-f0-9]{64}))$/;

export interface ImageReference {
  repository: string;
  name: string;
  tag?: string;
  digest?: string;
}

export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
  text: string;
  /** Normalized (no `v`), for comparing. */
  version: string;
}

export interface HeldAlias {
  tag: string;
  reason: string;
  /** The newer version's tag the alias stays on (or was put back on). */
  newer?: string;
}

export interface PromotedImage {
  name: string;
  ref: string;
  digest: string;
  tags: string[];
  repository: string;
  held?: HeldAlias[];
}

export interface PromoteOptions {
  sources: string[];
  tags: string[];
  ifMissing?: 'skip' | 'fail';
  insecure?: boolean;
  username?: string;
  password?: string;
  version?: string;
  log?: (line: string) => void;
  /** Called after each tag is copied (progress; tests use it to let a concurrent release land in between). */
  onTagged?: (repository: string, tag: string) => Promise<void> | void;
}

export type PromoteResult = { found: true; images: PromotedImage[] } | { found: false; missing: string; images: [] };

export function parseReference(text: string): ImageReference {
  const match = REFERENCE.exec(text.trim());
  if (!match) throw invalidInput('sources', text, '<registry>/<name>:<tag> or <registry>/<name>@sha256:<64 hex>');
  const repository = match[1];
  return { repository, name: repository.split('/').pop()!, tag: match[2], digest: match[3] };
}

/** A semver version (an optional leading `v`, build metadata ignored), or undefined. */
export function parseVersion(text: string): Version | undefined {
  const trimmed = String(text).trim();
  const parsed = semver.parse(trimmed);
  if (!parsed) return undefined;
  return { major: parsed.major, minor: parsed.minor, patch: parsed.patch, prerelease: parsed.prerelease.map(String), text: trimmed, version: parsed.version };
}

/** Semver precedence: negative when a < b, 0 when equal (build metadata ignored), positive when a > b. */
export function compareVersions(a: Version, b: Version): number {
  return semver.compare(a.version, b.version);
}

/** The semver aliases of a stable version: `1.2` -> { major: 1, minor: 2 }, `1` -> { major: 1 }, `latest` -> {}; undefined for other tags. */
function aliasRange(tag: string, version: Version): { major?: number; minor?: number } | undefined {
  if (tag === 'latest') return {};
  if (tag === `${version.major}`) return { major: version.major };
  if (tag === `${version.major}.${version.minor}`) return { major: version.major, minor: version.minor };
  return undefined;
}

/**
 * Which of `tags` may point at `version`, given the tags the repository already has: an alias
 * (`<major>.<minor>`, `<major>`, `latest`) is held when a higher stable version in its range is
 * there; every alias is held for a prerelease. Non-alias tags are always allowed.
 */
export function planAliases(version: Version, tags: string[], existingTags: string[]): { allowed: string[]; held: HeldAlias[] } {
  const stable = existingTags.map(parseVersion).filter((parsed): parsed is Version => !!parsed && !parsed.prerelease.length);
  const allowed: string[] = [];
  const held: HeldAlias[] = [];
  for (const tag of tags) {
    const range = aliasRange(tag, version);
    if (!range) {
      allowed.push(tag);
      continue;
    }
    if (version.prerelease.length) {
      held.push({ tag, reason: `${version.text} is a prerelease` });
      continue;
    }
    const higher = stable
      .filter((other) => (range.major === undefined || other.major === range.major) && (range.minor === undefined || other.minor === range.minor))
      .filter((other) => compareVersions(other, version) > 0)
      .sort(compareVersions)
      .at(-1);
    if (higher) held.push({ tag, reason: `the registry has ${higher.text}`, newer: higher.text });
    else allowed.push(tag);
  }
  return { allowed, held };
}

interface SkopeoResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** skopeo with an argument list (no shell); the password only ever goes to its stdin. */
function skopeo(args: string[], options: { input?: string; allowFailure?: boolean } = {}): Promise<SkopeoResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('skopeo', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new ShipkitError('skopeo is not installed (Debian/Ubuntu: apt-get install skopeo).') : error));
    child.on('close', (code) => {
      const result = { code: code ?? 1, stdout: Buffer.concat(stdout), stderr };
      if (result.code !== 0 && !options.allowFailure) reject(new ShipkitError(`skopeo ${args[0]} failed (${result.code}): ${stderr.trim()}`));
      else resolve(result);
    });
    child.stdin.end(options.input ?? '');
  });
}

/** The digest a reference resolves to (sha256 of the raw manifest or index), or undefined when missing. */
async function resolveDigest(reference: string, args: string[]): Promise<string | undefined> {
  const result = await skopeo(['inspect', '--raw', ...args, `docker://${reference}`], { allowFailure: true });
  if (result.code !== 0) {
    if (/manifest unknown|not found|name unknown|404/i.test(result.stderr)) return undefined;
    throw new ShipkitError(`skopeo inspect ${reference} failed: ${result.stderr.trim()}`);
  }
  return `sha256:${createHash('sha256').update(result.stdout).digest('hex')}`;
}

/** The repository's tags (skopeo list-tags), [] when the repository does not exist yet. */
async function listTags(repository: string, args: string[]): Promise<string[]> {
  const result = await skopeo(['list-tags', ...args, `docker://${repository}`], { allowFailure: true });
  if (result.code !== 0) {
    if (/name unknown|not found|404/i.test(result.stderr)) return [];
    throw new ShipkitError(`skopeo list-tags ${repository} failed: ${result.stderr.trim()}`);
  }
  return (JSON.parse(result.stdout.toString()) as { Tags?: string[] }).Tags ?? [];
}

export async function promoteImages(options: PromoteOptions): Promise<PromoteResult> {
  const { sources, tags, ifMissing = 'skip', insecure = false, username, password } = options;
  const log = options.log ?? (() => undefined);
  if (sources.length === 0) throw new ShipkitError('Input "sources" is empty: expected at least one image reference.');
  const version = options.version ? parseVersion(options.version) : undefined;
  if (options.version && !version) throw invalidInput('version', options.version, 'a semver version such as 1.2.3 or v1.2.3-rc.1');
  for (const tag of tags) if (!TAG.test(tag)) throw invalidInput('tags', tag, 'tags of [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}');
  const parsed = sources.map(parseReference);
  const scratch = mkdtempSync(path.join(tmpdir(), 'shipkit-promote-'));
  try {
    const authArgs = ['--authfile', path.join(scratch, 'auth.json')];
    const tlsArgs = insecure ? ['--tls-verify=false'] : [];
    if (username && password) {
      for (const registry of [...new Set(parsed.map((source) => source.repository.split('/')[0]))]) {
        await skopeo(['login', ...authArgs, ...tlsArgs, '--username', username, '--password-stdin', registry], { input: password });
      }
    }
    const resolved: Array<ImageReference & { digest: string }> = [];
    for (const source of parsed) {
      const reference = source.digest ? `${source.repository}@${source.digest}` : `${source.repository}:${source.tag}`;
      const digest = await resolveDigest(reference, [...authArgs, ...tlsArgs]);
      if (!digest) {
        if (ifMissing === 'fail') throw new ShipkitError(`Image ${reference} is not in the registry.`);
        return { found: false, missing: reference, images: [] };
      }
      if (source.digest && digest !== source.digest) throw new ShipkitError(`Image ${reference} resolved to ${digest}.`);
      resolved.push({ ...source, digest });
    }
    const images: PromotedImage[] = [];
    for (const source of resolved) {
      const from = `docker://${source.repository}@${source.digest}`;
      // Aliases never move backwards: compare with the versions this repository already has.
      const plan = version ? planAliases(version, tags, await listTags(source.repository, [...authArgs, ...tlsArgs])) : { allowed: tags, held: [] as HeldAlias[] };
      const copyTls = insecure ? ['--src-tls-verify=false', '--dest-tls-verify=false'] : [];
      const copy = (fromRef: string, tag: string) => skopeo(['copy', '--all', '--preserve-digests', '--retry-times', '3', ...authArgs, ...copyTls, fromRef, `docker://${source.repository}:${tag}`]);
      for (const tag of plan.allowed) {
        await copy(from, tag);
        await options.onTagged?.(source.repository, tag);
        if (version && aliasRange(tag, version)) continue; // aliases are re-checked below: a newer run may move them on
        const now = await resolveDigest(`${source.repository}:${tag}`, [...authArgs, ...tlsArgs]);
        if (now !== source.digest) throw new ShipkitError(`After tagging, ${source.repository}:${tag} resolves to ${now}, not ${source.digest}.`);
      }
      // Registries have no conditional tag writes: re-read after moving, and where a newer version
      // arrived meanwhile (a concurrent release), put the alias back on it. Aliases never move backwards.
      const tagged = [...plan.allowed];
      if (version && plan.allowed.some((tag) => aliasRange(tag, version))) {
        const after = planAliases(version, plan.allowed, await listTags(source.repository, [...authArgs, ...tlsArgs]));
        for (const held of after.held) {
          await copy(`docker://${source.repository}:${held.newer}`, held.tag);
          plan.held.push({ ...held, reason: `${held.reason} (arrived while this run moved it; put back)` });
          tagged.splice(tagged.indexOf(held.tag), 1);
        }
      }
      log(`${source.repository}@${source.digest} <- ${tagged.join(', ') || '(no tag)'}`);
      for (const held of plan.held) log(`${source.repository}:${held.tag} stays where it is: ${held.reason}`);
      images.push({ name: source.name, ref: `${source.repository}@${source.digest}`, digest: source.digest, tags: tagged, repository: source.repository, ...(plan.held.length ? { held: plan.held } : {}) });
    }
    return { found: true, images };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
