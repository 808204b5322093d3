#!/usr/bin/env node
// Build once: adds tags to images that already exist in the registry, on the SAME digest, with
// `skopeo copy --all --preserve-digests` (a registry-side copy: blobs already there are skipped,
// nothing is rebuilt or re-uploaded). Used by the reusable pipelines (main marks the digests that
// passed staging as `tested-sha-<sha7>`; a release tag on that commit promotes them to 1.2.3, 1.2,
// 1, latest) and by `npm run demo`. Dependency-free (Node builtins + the skopeo CLI) because the
// pipelines run it from the .shipkit checkout, which has no node_modules.
//
// Environment (the GitHub way: every value arrives through env, never through the command line):
//   SHIPKIT_SOURCES     newline list of image references: <registry>/<name>@sha256:... or <registry>/<name>:<tag>
//   SHIPKIT_TAGS        newline list of tags to add to each source's digest
//   SHIPKIT_IF_MISSING  `skip` (default: report found=false and change nothing when a source is missing) or `fail`
//   SHIPKIT_VERSION     optional: the release's version (1.2.4 or v1.2.4). Tags in SHIPKIT_TAGS that are its semver
//                       aliases (`1.2`, `1`, `latest`) then never move backwards: each moves only when the registry
//                       holds no higher stable version in its range (tags listed with `skopeo list-tags`, compared
//                       with semver rules); a prerelease (1.3.0-rc.1) moves no alias. Other tags are always added.
//   SHIPKIT_INSECURE    `true` for a plain-HTTP registry (e.g. one on loopback)
//   SHIPKIT_REGISTRY_USERNAME / SHIPKIT_REGISTRY_PASSWORD  optional login (password read from env, given to skopeo on stdin)
// Outputs (GITHUB_OUTPUT when set, also printed): found, images (build-images' JSON shape:
// [{name, ref: <repository>@<digest>, digest, tags, repository, held?}] where tags are the tags added and
// held the aliases left where they were, each with the higher version that kept it), refs (newline list of the refs).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const REFERENCE = /^([a-z0-9.-]+(?::\d+)?(?:\/[a-z0-9._-]+)+)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@(sha256:[a-f0-9]{64}))$/;

export function parseReference(text) {
  const match = REFERENCE.exec(text.trim());
  if (!match) throw new Error(`SHIPKIT_SOURCES has an invalid image reference ${JSON.stringify(text)}: expected <registry>/<name>:<tag> or <registry>/<name>@sha256:<64 hex>`);
  const repository = match[1];
  return { repository, name: repository.split('/').pop(), tag: match[2], digest: match[3] };
}

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** A semver version (an optional leading `v`, build metadata ignored), or undefined. */
export function parseVersion(text) {
  const match = SEMVER.exec(String(text).trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease: match[4] ? match[4].split('.') : [], text: String(text).trim() };
}

/** Semver precedence: negative when a < b, 0 when equal (build metadata ignored), positive when a > b. */
export function compareVersions(a, b) {
  for (const field of ['major', 'minor', 'patch']) if (a[field] !== b[field]) return a[field] - b[field];
  if (!a.prerelease.length || !b.prerelease.length) return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const [x, y] = [a.prerelease[i], b.prerelease[i]];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const [xn, yn] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (xn && yn && Number(x) !== Number(y)) return Number(x) - Number(y);
    if (xn !== yn) return xn ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The semver aliases of a stable version: `1.2` -> { major: 1, minor: 2 }, `1` -> { major: 1 }, `latest` -> {}; undefined for other tags. */
function aliasRange(tag, version) {
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
export function planAliases(version, tags, existingTags) {
  const stable = existingTags.map(parseVersion).filter((parsed) => parsed && !parsed.prerelease.length);
  const allowed = [];
  const held = [];
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

function list(value) {
  return (value ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
}

function skopeo(args, { input, allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn('skopeo', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout = [];
    let stderr = '';
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => reject(error.code === 'ENOENT' ? new Error('skopeo is not installed (Debian/Ubuntu: apt-get install skopeo)') : error));
    child.on('close', (code) => {
      const result = { code, stdout: Buffer.concat(stdout), stderr };
      if (code !== 0 && !allowFailure) reject(new Error(`skopeo ${args[0]} failed (${code}): ${stderr.trim()}`));
      else resolve(result);
    });
    child.stdin.end(input ?? '');
  });
}

/** The digest a reference resolves to (sha256 of the raw manifest or index), or undefined when missing. */
async function resolveDigest(reference, tlsArgs) {
  const result = await skopeo(['inspect', '--raw', ...tlsArgs, `docker://${reference}`], { allowFailure: true });
  if (result.code !== 0) {
    if (/manifest unknown|not found|name unknown|404/i.test(result.stderr)) return undefined;
    throw new Error(`skopeo inspect ${reference} failed: ${result.stderr.trim()}`);
  }
  return `sha256:${createHash('sha256').update(result.stdout).digest('hex')}`;
}

/** The repository's tags (skopeo list-tags), [] when the repository does not exist yet. */
async function listTags(repository, args) {
  const result = await skopeo(['list-tags', ...args, `docker://${repository}`], { allowFailure: true });
  if (result.code !== 0) {
    if (/name unknown|not found|404/i.test(result.stderr)) return [];
    throw new Error(`skopeo list-tags ${repository} failed: ${result.stderr.trim()}`);
  }
  return JSON.parse(result.stdout.toString()).Tags ?? [];
}

export async function promoteImages({ sources, tags, ifMissing = 'skip', insecure = false, username, password, version: versionText }) {
  if (sources.length === 0) throw new Error('SHIPKIT_SOURCES is empty: expected at least one image reference');
  const version = versionText ? parseVersion(versionText) : undefined;
  if (versionText && !version) throw new Error(`SHIPKIT_VERSION has an invalid value ${JSON.stringify(versionText)}: expected a semver version such as 1.2.3 or v1.2.3-rc.1`);
  for (const tag of tags) if (!TAG.test(tag)) throw new Error(`SHIPKIT_TAGS has an invalid tag ${JSON.stringify(tag)}: expected [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`);
  if (!['skip', 'fail'].includes(ifMissing)) throw new Error(`SHIPKIT_IF_MISSING has an invalid value ${JSON.stringify(ifMissing)}: expected skip or fail`);
  const parsed = sources.map(parseReference);
  const scratch = mkdtempSync(path.join(tmpdir(), 'shipkit-promote-'));
  try {
    const authArgs = ['--authfile', path.join(scratch, 'auth.json')];
    const tlsArgs = insecure ? ['--tls-verify=false'] : [];
    if (username && password) {
      const registries = [...new Set(parsed.map((source) => source.repository.split('/')[0]))];
      for (const registry of registries) {
        await skopeo(['login', ...authArgs, ...tlsArgs, '--username', username, '--password-stdin', registry], { input: password });
      }
    }
    const resolved = [];
    for (const source of parsed) {
      const reference = source.digest ? `${source.repository}@${source.digest}` : `${source.repository}:${source.tag}`;
      const digest = await resolveDigest(reference, [...authArgs, ...tlsArgs]);
      if (!digest) {
        if (ifMissing === 'fail') throw new Error(`Image ${reference} is not in the registry`);
        return { found: false, missing: reference, images: [] };
      }
      if (source.digest && digest !== source.digest) throw new Error(`Image ${reference} resolved to ${digest}`);
      resolved.push({ ...source, digest });
    }
    const images = [];
    for (const source of resolved) {
      const from = `docker://${source.repository}@${source.digest}`;
      // Aliases never move backwards: compare with the versions this repository already has.
      const plan = version ? planAliases(version, tags, await listTags(source.repository, [...authArgs, ...tlsArgs])) : { allowed: tags, held: [] };
      const copyTls = insecure ? ['--src-tls-verify=false', '--dest-tls-verify=false'] : [];
      const copy = (fromRef, tag) => skopeo(['copy', '--all', '--preserve-digests', '--retry-times', '3', ...authArgs, ...copyTls, fromRef, `docker://${source.repository}:${tag}`]);
      for (const tag of plan.allowed) {
        await copy(from, tag);
        if (version && aliasRange(tag, version)) continue; // aliases are re-checked below: a newer run may move them on
        const now = await resolveDigest(`${source.repository}:${tag}`, [...authArgs, ...tlsArgs]);
        if (now !== source.digest) throw new Error(`After tagging, ${source.repository}:${tag} resolves to ${now}, not ${source.digest}`);
      }
      // Registries have no conditional tag writes: re-read after moving, and where a newer version
      // arrived meanwhile (a concurrent release), put the alias back on it. Aliases never move backwards.
      const tagged = [...plan.allowed];
      if (version && plan.allowed.some((tag) => aliasRange(tag, version))) {
        const after = planAliases(version, plan.allowed, await listTags(source.repository, [...authArgs, ...tlsArgs]));
        for (const held of after.held) {
          await copy(`docker://${source.repository}:${held.newer}`, held.tag);
          plan.held.push({ tag: held.tag, reason: `${held.reason} (arrived while this run moved it; put back)`, newer: held.newer });
          tagged.splice(tagged.indexOf(held.tag), 1);
        }
      }
      images.push({ name: source.name, ref: `${source.repository}@${source.digest}`, digest: source.digest, tags: tagged, repository: source.repository, ...(plan.held.length ? { held: plan.held } : {}) });
    }
    return { found: true, images };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function writeOutputs(outputs) {
  const file = process.env.GITHUB_OUTPUT;
  for (const [name, value] of Object.entries(outputs)) {
    if (file) {
      const delimiter = `ghadelimiter_${createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 16)}`;
      appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
    }
    console.log(`${name}=${value}`);
  }
}

async function main() {
  const env = process.env;
  const result = await promoteImages({
    sources: list(env.SHIPKIT_SOURCES),
    tags: list(env.SHIPKIT_TAGS),
    ifMissing: env.SHIPKIT_IF_MISSING || 'skip',
    insecure: env.SHIPKIT_INSECURE === 'true',
    username: env.SHIPKIT_REGISTRY_USERNAME,
    password: env.SHIPKIT_REGISTRY_PASSWORD,
    version: env.SHIPKIT_VERSION,
  });
  if (!result.found) console.log(`Not promoting: ${result.missing} is not in the registry (it was not built and tested on main).`);
  else {
    for (const image of result.images) {
      console.log(`${image.ref} <- ${image.tags.join(', ') || '(no tag)'}`);
      for (const held of image.held ?? []) console.log(`${image.repository}:${held.tag} stays where it is: ${held.reason}`);
    }
  }
  writeOutputs({
    found: String(result.found),
    images: JSON.stringify(result.images),
    refs: result.images.map((image) => image.ref).join('\n'),
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.log(`::error::${error.message}`);
    process.exit(1);
  });
}
