import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport, type ScanReport } from '../src/report.js';

export const testDir = path.dirname(fileURLToPath(import.meta.url));
export const fixturesDir = path.join(testDir, 'fixtures');
/** The stand-in Trivy executable's directory (put first on PATH). */
export const standInDir = path.join(testDir, 'stand-in');

export const FIXTURES = ['alpine-310.json', 'alpine-39-skip.json', 'busybox-with-lockfile.json', 'debian-buster.json', 'dockerfile.json', 'secrets.json'] as const;
export type Fixture = (typeof FIXTURES)[number];

export function fixturePath(name: Fixture): string {
  return path.join(fixturesDir, name);
}

export function fixture(name: Fixture): ScanReport {
  return parseReport(readFileSync(fixturePath(name), 'utf8'), name);
}

/** A release-shaped tarball (trivy, LICENSE, README.md at the top) whose `trivy` is the given script. */
export function makeReleaseTarball(script: string): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'trivy-release-'));
  writeFileSync(path.join(dir, 'trivy'), script);
  chmodSync(path.join(dir, 'trivy'), 0o755);
  writeFileSync(path.join(dir, 'LICENSE'), 'Apache-2.0 (stand-in)\n');
  writeFileSync(path.join(dir, 'README.md'), 'stand-in release\n');
  const tarball = path.join(dir, 'release.tar.gz');
  execFileSync('tar', ['czf', tarball, '-C', dir, 'trivy', 'LICENSE', 'README.md']);
  return readFileSync(tarball);
}

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** Serves files at exact paths on 127.0.0.1 (a release mirror); records the paths requested. */
export async function startFileServer(): Promise<{ base: string; files: Map<string, Buffer>; requests: string[]; stop(): Promise<void> }> {
  const files = new Map<string, Buffer>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(pathname);
    const body = files.get(pathname);
    if (!body) res.writeHead(404).end('Not Found');
    else res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, files, requests, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
