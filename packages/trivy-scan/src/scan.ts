import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runner, exec, retry, ShipkitError, type ExecResult } from '@shipkit/core';
import { SEVERITIES } from './report.js';

/**
 * Runs Trivy: one DB download up front (retried on rate limits), then one `trivy image` per image
 * (or one `trivy fs|config`), each writing JSON with every severity to its own file. The gate
 * reads those files; Trivy never filters or fails anything itself.
 */

export type ScanType = 'image' | 'fs' | 'config';

export interface ScanSettings {
  trivy: string;
  scanType: ScanType;
  cacheDir: string;
  dbRepositories: string[];
  javaDbRepositories: string[];
  insecure: boolean;
  outputDir: string;
  /** Per-scan limit given to Trivy (--timeout); Trivy's own default (5m) when absent. */
  timeoutMs?: number;
  /** Extra environment for Trivy (registry credentials arrive this way, e.g. TRIVY_PASSWORD). */
  env?: Record<string, string | undefined>;
  /** Backoff for TOOMANYREQUESTS (tests shorten it). */
  retry?: { attempts: number; baseDelayMs: number; maxDelayMs: number };
}

/** What to scan: `ref` is given to Trivy, `name` is what people read. */
export interface ScanTarget {
  name: string;
  ref: string;
}

export interface ScanOutput {
  name: string;
  reportFile: string;
}

const DEFAULT_RETRY = { attempts: 5, baseDelayMs: 10_000, maxDelayMs: 60_000 };

/** Registries answer 429 / TOOMANYREQUESTS when the DB is pulled too often; that is worth waiting for. */
export function isRateLimited(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /TOOMANYREQUESTS|too many requests|(?:status|code)[\s:=]*429\b/i.test(text);
}

export function validateImageRef(ref: string): string {
  // A ref is one token; a leading "-" would be read as a flag.
  if (!ref || /\s/.test(ref) || ref.startsWith('-')) {
    throw new ShipkitError(`Input "image-refs" has an invalid image reference ${JSON.stringify(ref)}: expected a reference such as registry.example.com/app:1.2.3 (one per line).`);
  }
  return ref;
}

/** A path argument that cannot be mistaken for a flag. */
export function safePathArgument(scanRef: string): string {
  return scanRef.startsWith('-') ? `./${scanRef}` : scanRef;
}

function dbArguments(settings: ScanSettings): string[] {
  const args = ['--db-repository', settings.dbRepositories.join(',')];
  if (settings.javaDbRepositories.length) args.push('--java-db-repository', settings.javaDbRepositories.join(','));
  return args;
}

async function runTrivy(settings: ScanSettings, args: string[], label: string): Promise<ExecResult> {
  const policy = settings.retry ?? DEFAULT_RETRY;
  return retry(
    () => exec(settings.trivy, args, { env: settings.env, label }),
    {
      ...policy,
      retryable: isRateLimited,
      onRetry: (_error, attempt, delay) => runner.warning(`${label}: the registry is rate limiting (TOOMANYREQUESTS); retry ${attempt}/${policy.attempts - 1} in ${Math.round(delay / 1000)}s.`),
    },
  );
}

/** Downloads (or refreshes) the vulnerability DB once, so the scans that follow skip the update. */
export async function prepareDatabase(settings: ScanSettings): Promise<void> {
  await runTrivy(settings, ['image', '--download-db-only', '--cache-dir', settings.cacheDir, '--no-progress', ...dbArguments(settings)], 'trivy DB download');
}

/** Trivy applies a .trivyignore in its working directory by default; an empty one keeps every finding in the report. */
async function emptyIgnoreFile(settings: ScanSettings): Promise<string> {
  const file = path.join(settings.outputDir, '.shipkit-empty-trivyignore');
  await writeFile(file, '');
  return file;
}

export function scanArguments(settings: ScanSettings, target: string, output: string, ignoreFile: string): string[] {
  const common = ['--format', 'json', '--output', output, '--cache-dir', settings.cacheDir, '--no-progress', '--exit-code', '0', '--ignorefile', ignoreFile, '--severity', SEVERITIES.join(',')];
  if (settings.timeoutMs) common.push('--timeout', `${Math.ceil(settings.timeoutMs / 1000)}s`);
  // `config` has no DB flags and no progress bar option.
  if (settings.scanType === 'config') return ['config', ...common.filter((arg) => arg !== '--no-progress'), safePathArgument(target)];
  const db = ['--skip-db-update', ...(settings.javaDbRepositories.length ? ['--java-db-repository', settings.javaDbRepositories.join(',')] : [])];
  if (settings.scanType === 'fs') return ['fs', ...common, ...db, safePathArgument(target)];
  return ['image', ...common, ...db, ...(settings.insecure ? ['--insecure'] : []), validateImageRef(target)];
}

export function reportFileName(index: number, target: string): string {
  const slug = target.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 80) || 'target';
  return `${String(index + 1).padStart(2, '0')}-${slug}.trivy.json`;
}

export async function scanTargets(settings: ScanSettings, targets: readonly ScanTarget[]): Promise<ScanOutput[]> {
  await mkdir(settings.outputDir, { recursive: true });
  const ignoreFile = await emptyIgnoreFile(settings);
  if (settings.scanType !== 'config') {
    await runner.group('Trivy vulnerability DB', () => prepareDatabase(settings));
  }
  const outputs: ScanOutput[] = [];
  // One at a time: Trivy locks its cache directory, so parallel scans would only wait on each other.
  for (const [index, target] of targets.entries()) {
    const reportFile = path.join(settings.outputDir, reportFileName(index, target.name));
    await rm(reportFile, { force: true });
    const label = `trivy ${settings.scanType} ${target.name}`;
    await runner.group(label, () => runTrivy(settings, scanArguments(settings, target.ref, reportFile, ignoreFile), label));
    outputs.push({ name: target.name, reportFile });
  }
  return outputs;
}
