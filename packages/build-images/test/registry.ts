/**
 * Test helpers for build-images: reading a registry through its HTTP API (the way a client
 * resolves a tag), plus the temporary local services until test/services has them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import net from 'node:net';
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

/** GET /v2/<name>/manifests/<reference> as a client would, returning Docker-Content-Digest. */
export async function resolveManifest(registryUrl: string, name: string, reference: string, auth?: { username: string; password: string }): Promise<ResolvedTag> {
  const headers: Record<string, string> = { Accept: MANIFEST_ACCEPT };
  if (auth) headers.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const response = await fetch(`${registryUrl}/v2/${name}/manifests/${reference}`, { headers });
  const text = await response.text();
  return {
    status: response.status,
    digest: response.headers.get('docker-content-digest'),
    mediaType: response.headers.get('content-type'),
    manifest: response.ok ? (JSON.parse(text) as ResolvedTag['manifest']) : undefined,
  };
}

/** The image config blob (labels live in config.Labels). */
export async function imageConfig(registryUrl: string, name: string, digest: string, auth?: { username: string; password: string }): Promise<{ config?: { Labels?: Record<string, string> } }> {
  const headers: Record<string, string> = {};
  if (auth) headers.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const response = await fetch(`${registryUrl}/v2/${name}/blobs/${digest}`, { headers });
  if (!response.ok) throw new Error(`GET blob ${digest}: ${response.status}`);
  return (await response.json()) as { config?: { Labels?: Record<string, string> } };
}

// ---------------------------------------------------------------------------------------------
// Temporary local services (test/services will provide startRegistry/buildBaseImage/buildahEnv).

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A user whose bcrypt hash is a published bcrypt test vector (password "U*U"). */
export const REGISTRY_USER = { username: 'tester', password: 'U*U' };
const REGISTRY_USER_HASH = '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW';

export interface LocalRegistry {
  host: string;
  url: string;
  stop(): Promise<void>;
}

export async function startLocalRegistry(options: { auth?: boolean } = {}): Promise<LocalRegistry> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-bi-registry-'));
  const port = await freePort();
  const auth = options.auth ? `auth: { htpasswd: { realm: shipkit-test, path: ${dir}/htpasswd } }\n` : '';
  writeFileSync(path.join(dir, 'htpasswd'), `${REGISTRY_USER.username}:${REGISTRY_USER_HASH}\n`);
  writeFileSync(
    path.join(dir, 'config.yml'),
    `version: 0.1\nlog: { level: error, accesslog: { disabled: true } }\nstorage: { filesystem: { rootdirectory: ${dir}/data }, delete: { enabled: true } }\nhttp: { addr: 127.0.0.1:${port}, secret: shipkit-test }\n${auth}`,
  );
  const child: ChildProcess = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await fetch(`${url}/v2/`).then((response) => response.status === 200 || response.status === 401, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`docker-registry did not answer on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    host: `127.0.0.1:${port}`,
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

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
