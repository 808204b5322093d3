/** Shared setup for the deploy-env / rollback action tests: sample sites, config files, hashes. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { S3Client } from '@aws-sdk/client-s3';
import { openLedger, type Ledger } from '../../packages/ledger/src/index.js';
import { tempDir, type S3Service } from '../services/index.js';

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/**
 * Writes a small static site for `version`: hashed assets (as bundlers name them, so versions
 * never overwrite each other's assets), one shared unhashed file, and index.html last in the
 * order a visitor loads them.
 */
export function writeSite(dir: string, version: string, assetCount = 5): string {
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  const assets: string[] = [];
  for (let i = 0; i < assetCount; i++) {
    const body = `/* ${version} chunk ${i} */ console.log(${JSON.stringify(`${version}-${i}`)});\n`;
    const name = `assets/chunk-${i}.${sha256(body).slice(0, 8)}.js`;
    writeFileSync(path.join(dir, name), body);
    assets.push(name);
  }
  writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *\n');
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>shop ${version}</title><div id="root">${version}</div>${assets.map((a) => `<script src="/${a}"></script>`).join('')}\n`);
  return dir;
}

/** Relative path -> sha256 of every file under dir. */
export function hashTree(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, hashTree(full, base));
    else out[path.relative(base, full).split(path.sep).join('/')] = sha256(readFileSync(full));
  }
  return out;
}

/** Fetches every file of `files` from a website URL and returns relative path -> sha256 (or the HTTP status). */
export async function hashServed(baseUrl: string, files: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of files) {
    const response = await fetch(`${baseUrl}/${file}`);
    out[file] = response.ok ? sha256(Buffer.from(await response.arrayBuffer())) : `HTTP ${response.status}`;
  }
  return out;
}

export async function servedIndex(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/`);
  return response.text();
}

/** A workspace with .github/shipkit.yml and a site per version. */
export function workspaceWith(config: Record<string, unknown>): string {
  const workspace = tempDir('deploy-ws');
  mkdirSync(path.join(workspace, '.github'), { recursive: true });
  writeFileSync(path.join(workspace, '.github', 'shipkit.yml'), YAML.stringify(config));
  return workspace;
}

export function ledgerOf(s3: Pick<S3Service, 'client'>, environment: string, app = 'shop', state = 's3://state/shipkit'): Promise<Ledger> {
  const client: S3Client = s3.client();
  return openLedger({ state, app, environment, client, run: { runId: 'test-reader' } });
}

/** Environment for an action run against the local S3 (no GitHub token: nothing talks to GitHub). */
export function actionEnv(s3: Pick<S3Service, 'env'>, extra: Record<string, string> = {}): Record<string, string> {
  return { ...s3.env, AWS_MAX_ATTEMPTS: '2', ...extra };
}
