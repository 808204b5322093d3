/**
 * Test helpers for build-images: reading a registry through its HTTP API (the way a client
 * resolves a tag), and a private vfs buildah store with a busybox base image.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Every manifest type a registry may hold for an image or an image index. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

export interface ResolvedTag {
  status: number;
  digest: string | null;
  mediaType: string | null;
  manifest: { config?: { digest: string }; layers?: Array<{ digest: string; size: number }> } | undefined;
}

/** Registry credentials for the login tests (the registry gets their bcrypt hash). */
export const USER = { username: 'ci-bot', password: 'pw-Shipkit-Test-91' };

/** What the helpers need of a RegistryService from test/services. */
export interface RegistryApi {
  url: string;
  headers(): Record<string, string>;
}

/** GET /v2/<name>/manifests/<reference> as a client would, returning Docker-Content-Digest. */
export async function resolveManifest(registry: RegistryApi, name: string, reference: string): Promise<ResolvedTag> {
  const response = await fetch(`${registry.url}/v2/${name}/manifests/${reference}`, { headers: { ...registry.headers(), Accept: MANIFEST_ACCEPT } });
  const text = await response.text();
  return {
    status: response.status,
    digest: response.headers.get('docker-content-digest'),
    mediaType: response.headers.get('content-type'),
    manifest: response.ok ? (JSON.parse(text) as ResolvedTag['manifest']) : undefined,
  };
}

/** The image config blob (labels live in config.Labels). */
export async function imageConfig(registry: RegistryApi, name: string, digest: string): Promise<{ config?: { Labels?: Record<string, string>; Cmd?: string[] } }> {
  const response = await fetch(`${registry.url}/v2/${name}/blobs/${digest}`, { headers: registry.headers() });
  if (!response.ok) throw new Error(`GET blob ${digest}: ${response.status}`);
  return (await response.json()) as { config?: { Labels?: Record<string, string>; Cmd?: string[] } };
}

// ---------------------------------------------------------------------------------------------
// buildah storage. test/services' buildahEnv sets STORAGE_DRIVER=vfs, but buildah 1.28 (Debian
// bookworm) ignores that variable and uses overlay in the shared /var/lib/containers; the engine
// under test passes STORAGE_DRIVER as --storage-driver, so it would not see that base image. Each
// test file therefore gets a private vfs store (CONTAINERS_STORAGE_CONF, which every buildah
// version reads) with its own busybox base — also keeping these tests off the shared store.

/** buildah settings for tests: private vfs storage, chroot isolation (no daemon, no root tricks). */
export function localBuildahEnv(): { env: Record<string, string>; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-bi-buildah-'));
  const conf = path.join(dir, 'storage.conf');
  writeFileSync(conf, `[storage]\ndriver = "vfs"\ngraphroot = "${dir}/root"\nrunroot = "${dir}/run"\n`);
  return { dir, env: { CONTAINERS_STORAGE_CONF: conf, STORAGE_DRIVER: 'vfs', BUILDAH_ISOLATION: 'chroot' } };
}

function runBuildah(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('buildah', args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`buildah ${args.join(' ')}: ${err}`))));
  });
}

/** A busybox image built from the host's busybox-static, committed into the given storage. */
export async function buildLocalBaseImage(env: Record<string, string>, name = 'localhost/shipkit-busybox:latest'): Promise<string> {
  const rootfs = mkdtempSync(path.join(os.tmpdir(), 'shipkit-bi-rootfs-'));
  try {
    mkdirSync(path.join(rootfs, 'bin'));
    mkdirSync(path.join(rootfs, 'tmp'));
    copyFileSync('/bin/busybox', path.join(rootfs, 'bin', 'busybox'));
    for (const applet of ['sh', 'cat', 'echo', 'ls', 'mkdir', 'chmod', 'test', 'rm', 'cp', 'sleep']) symlinkSync('busybox', path.join(rootfs, 'bin', applet));
    const container = await runBuildah(['from', 'scratch'], env);
    await runBuildah(['copy', container, `${rootfs}/`, '/'], env);
    await runBuildah(['config', '--env', 'PATH=/bin', '--cmd', '/bin/sh', container], env);
    await runBuildah(['commit', '--quiet', '--rm', container, name], env);
    return name;
  } finally {
    rmSync(rootfs, { recursive: true, force: true });
  }
}
