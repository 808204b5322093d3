/**
 * Peak memory of an action run as the runner runs it, for the benchmarks: a preload records each
 * process's peak RSS when it exits (the action's main step first, then its post step, if any).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface PeakRss {
  /** Environment for runAction: the preload, added to NODE_OPTIONS. */
  env: { NODE_OPTIONS: string };
  /** Forget earlier runs. */
  reset(): void;
  /** Peak RSS in MB of the main step of the last run. */
  mainMb(): number;
}

export function peakRss(dir: string): PeakRss {
  const log = path.join(dir, 'peak-rss.txt');
  const preload = path.join(dir, 'peak-rss.cjs');
  writeFileSync(preload, `process.on('exit', () => require('node:fs').appendFileSync(${JSON.stringify(log)}, process.resourceUsage().maxRSS + '\\n'));\n`);
  writeFileSync(log, '');
  return {
    env: { NODE_OPTIONS: `--require ${preload}` },
    reset: () => writeFileSync(log, ''),
    mainMb: () => Number(readFileSync(log, 'utf8').split('\n')[0]) / 1024,
  };
}

/** `count` small text files (up to 200 bytes) in 100 folders under `dir`: a site with many files. */
export function writeSmallFiles(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `d${i % 100}`, `f${i}.txt`);
    if (i < 100) mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `file ${i} ${'x'.repeat(i % 200)}`);
  }
}
