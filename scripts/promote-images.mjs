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
//   SHIPKIT_INSECURE    `true` for a plain-HTTP registry (e.g. one on loopback)
//   SHIPKIT_REGISTRY_USERNAME / SHIPKIT_REGISTRY_PASSWORD  optional login (password read from env, given to skopeo on stdin)
// Outputs (GITHUB_OUTPUT when set, also printed): found, images (build-images' JSON shape:
// [{name, ref: <repository>@<digest>, digest, tags, repository}]), refs (newline list of the refs).
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

export async function promoteImages({ sources, tags, ifMissing = 'skip', insecure = false, username, password }) {
  if (sources.length === 0) throw new Error('SHIPKIT_SOURCES is empty: expected at least one image reference');
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
      for (const tag of tags) {
        const copyTls = insecure ? ['--src-tls-verify=false', '--dest-tls-verify=false'] : [];
        await skopeo(['copy', '--all', '--preserve-digests', '--retry-times', '3', ...authArgs, ...copyTls, from, `docker://${source.repository}:${tag}`]);
        const now = await resolveDigest(`${source.repository}:${tag}`, [...authArgs, ...tlsArgs]);
        if (now !== source.digest) throw new Error(`After tagging, ${source.repository}:${tag} resolves to ${now}, not ${source.digest}`);
      }
      images.push({ name: source.name, ref: `${source.repository}@${source.digest}`, digest: source.digest, tags, repository: source.repository });
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
  });
  if (!result.found) console.log(`Not promoting: ${result.missing} is not in the registry (it was not built and tested on main).`);
  else for (const image of result.images) console.log(`${image.ref} <- ${image.tags.join(', ')}`);
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
