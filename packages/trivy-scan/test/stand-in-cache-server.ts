import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * STAND-IN for the GitHub Actions cache service (v1 REST protocol of @actions/cache): enough to
 * reserve, upload, commit, look up (exact key, then restore-key prefixes, newest first) and
 * download archives. The real service only exists on GitHub's runners.
 */
export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  chunks: Buffer[];
  committed: boolean;
  created: number;
}

export interface StandInCacheServer {
  /** ACTIONS_CACHE_URL (with the trailing slash the runner gives). */
  url: string;
  entries: CacheEntry[];
  requests: string[];
  env: Record<string, string>;
  stop(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startStandInCacheServer(): Promise<StandInCacheServer> {
  const entries: CacheEntry[] = [];
  const requests: string[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      requests.push(`${req.method} ${url.pathname}`);
      const json = (status: number, value?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(value === undefined ? undefined : JSON.stringify(value));
      };
      const api = '/_apis/artifactcache/';
      if (req.method === 'GET' && url.pathname === `${api}cache`) {
        const keys = (url.searchParams.get('keys') ?? '').split(',');
        const version = url.searchParams.get('version');
        const usable = entries.filter((e) => e.committed && e.version === version).sort((a, b) => b.created - a.created);
        const hit = usable.find((e) => e.key === keys[0]) ?? keys.map((prefix) => usable.find((e) => e.key.startsWith(prefix))).find(Boolean);
        if (!hit) return json(204);
        return json(200, { cacheKey: hit.key, scope: 'refs/heads/main', archiveLocation: `${base}archives/${hit.id}` });
      }
      if (req.method === 'GET' && url.pathname.startsWith('/archives/')) {
        const entry = entries.find((e) => e.id === Number(url.pathname.split('/').pop()));
        if (!entry) return json(404);
        const data = Buffer.concat(entry.chunks);
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length }).end(data);
        return;
      }
      if (req.method === 'POST' && url.pathname === `${api}caches`) {
        const { key, version } = JSON.parse((await body(req)).toString()) as { key: string; version: string };
        if (entries.some((e) => e.key === key && e.version === version)) return json(409, { message: `Cache already exists: ${key}` });
        const entry: CacheEntry = { id: entries.length + 1, key, version, chunks: [], committed: false, created: Date.now() + entries.length };
        entries.push(entry);
        return json(201, { cacheId: entry.id });
      }
      const upload = new RegExp(`^${api}caches/(\\d+)$`).exec(url.pathname);
      if (upload) {
        const entry = entries.find((e) => e.id === Number(upload[1]));
        if (!entry) return json(404);
        if (req.method === 'PATCH') {
          entry.chunks.push(await body(req));
          return json(204);
        }
        if (req.method === 'POST') {
          await body(req);
          entry.committed = true;
          return json(204);
        }
      }
      json(404, { message: 'stand-in cache server: unknown route' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url: base,
    entries,
    requests,
    env: { ACTIONS_CACHE_URL: base, ACTIONS_RUNTIME_TOKEN: 'stand-in-runtime-token' },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
