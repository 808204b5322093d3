/**
 * Test helpers for build-images: reading a registry through its HTTP API, the way a client
 * resolves a tag.
 */
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
