import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runner, redact, setOutput, ShipkitError, writeSummaryMarkdown } from '@shipkit/core';
import { cacheKeys, restoreTrivyCache, saveTrivyCache } from './cache.js';
import { readContext } from './context.js';
import { installTrivy } from './install.js';
import { evaluate, mergedReport, sarifTargets } from './outcome.js';
import { readReport } from './report.js';
import { buildSarif, sarifSizeWarning } from './sarif.js';
import { scanTargets } from './scan.js';
import { gatingAnnotations, renderSummary } from './summary.js';

const STATE_CACHE_DIR = 'trivy-cache-dir';
const STATE_CACHE_KEY = 'trivy-cache-key';
const STATE_CACHE_RESTORE = 'trivy-cache-restore-prefix';
const STATE_CACHE_RESTORED = 'trivy-cache-restored-key';

/** Reads the inputs, calls the modules, writes the outputs. */
export async function main(): Promise<void> {
  const ctx = await readContext();
  const trivy = await installTrivy({ version: ctx.version, downloadUrl: ctx.downloadUrl, sha256: ctx.sha256 });

  if (ctx.cache) {
    const keys = cacheKeys();
    const restored = await restoreTrivyCache(ctx.cacheDir, keys);
    if (!restored.unavailable) {
      // The post step saves it, also when the scan below fails (or the restore hiccuped).
      runner.saveState(STATE_CACHE_DIR, ctx.cacheDir);
      runner.saveState(STATE_CACHE_KEY, keys.primary);
      runner.saveState(STATE_CACHE_RESTORE, keys.restore[0]);
      runner.saveState(STATE_CACHE_RESTORED, restored.restoredKey ?? '');
    }
  } else {
    runner.info('Trivy cache: disabled by the "cache" input.');
  }

  const scans = await scanTargets(
    {
      trivy: trivy.path,
      scanType: ctx.scanType,
      cacheDir: ctx.cacheDir,
      dbRepositories: ctx.dbRepositories,
      javaDbRepositories: ctx.javaDbRepositories,
      insecure: ctx.insecure,
      outputDir: ctx.outputDir,
      timeoutMs: ctx.timeoutMs,
    },
    ctx.targets,
  );
  const reports = await Promise.all(scans.map(async (scan) => ({ name: scan.name, report: await readReport(scan.reportFile) })));
  // Trivy's own files hold secrets' code excerpts; the merged report keeps everything else. A report
  // that failed to parse stays on disk as evidence.
  await Promise.all(scans.map((scan) => rm(scan.reportFile, { force: true })));
  const outcome = evaluate(reports, {
    failOn: ctx.failOn,
    ignoreUnfixed: ctx.ignoreUnfixed,
    ignores: ctx.ignores,
    filesInRepository: ctx.scanType !== 'image',
    repositoryPrefix: ctx.repositoryPrefix,
  });

  await mkdir(ctx.outputDir, { recursive: true });
  const reportFile = path.join(ctx.outputDir, 'trivy-report.json');
  await writeFile(reportFile, redact(`${JSON.stringify(mergedReport(outcome, ctx), null, 2)}\n`));
  const { sarif, warnings } = buildSarif(sarifTargets(outcome));
  const sarifFile = path.join(ctx.outputDir, 'trivy-results.sarif');
  const sarifText = redact(`${JSON.stringify(sarif)}\n`);
  await writeFile(sarifFile, sarifText);
  const sizeWarning = sarifSizeWarning(sarifText);
  if (sizeWarning) warnings.push(sizeWarning);
  for (const warning of warnings) runner.warning(warning);
  for (const rule of outcome.expiredIgnores) {
    runner.warning(`Ignore entry ${rule.id} (${rule.source}) expired on ${rule.expiresAt?.toISOString().slice(0, 10)} and no longer applies.`);
  }

  const markdown = renderSummary({ targets: outcome.targets, failOn: ctx.failOn, ignoreUnfixed: ctx.ignoreUnfixed, expiredIgnores: outcome.expiredIgnores, warnings });
  await writeSummaryMarkdown(markdown);
  for (const annotation of gatingAnnotations(outcome.targets)) {
    runner.error(annotation.message, { title: annotation.title, file: annotation.file, startLine: annotation.startLine, endLine: annotation.endLine });
  }

  // Outputs first: a failed gate still hands the SARIF and report to later `if: always()` steps.
  setOutput('passed', String(outcome.passed));
  setOutput('counts', outcome.counts);
  setOutput('report-file', reportFile);
  setOutput('sarif-file', sarifFile);

  if (!outcome.passed) {
    const gating = outcome.targets.filter((target) => target.gating.length);
    throw new ShipkitError(
      `Trivy found ${gating.reduce((sum, target) => sum + target.gating.length, 0)} finding(s) at or above ${ctx.failOn}: ${gating.map((target) => `${target.name} (${target.gating.length})`).join(', ')}.`,
      { hint: 'Fix or upgrade the packages, or record an accepted risk in a .trivyignore(.yaml) with a statement and an expiry date. The step summary lists them.' },
    );
  }
}

/** Saves Trivy's cache: the post step runs even when the scan failed or the job was cancelled. */
export async function post(): Promise<void> {
  const cacheDir = runner.getState(STATE_CACHE_DIR);
  const primary = runner.getState(STATE_CACHE_KEY);
  if (!cacheDir || !primary) {
    runner.info('Trivy cache: nothing to save (the cache was not used in this run).');
    return;
  }
  await saveTrivyCache(cacheDir, { primary, restore: [runner.getState(STATE_CACHE_RESTORE)] }, runner.getState(STATE_CACHE_RESTORED) || undefined);
}
