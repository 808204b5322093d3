import { readFileSync } from 'node:fs';
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
