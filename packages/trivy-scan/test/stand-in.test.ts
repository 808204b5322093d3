/**
 * The Trivy STAND-IN (test/stand-in/trivy: the real binary cannot run here) accepts exactly the
 * invocations the pinned Trivy (0.69.3) accepts, by that version's flag set: a flag shipkit passed
 * that Trivy does not have fails here, in Trivy's own error style, as it would on GitHub.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { run, tempDir } from '../../../test/services/index.js';
import { scanArguments, type ScanSettings, type ScanType } from '../src/scan.js';
import { fixturePath, standInDir } from './helpers.js';

const trivy = path.join(standInDir, 'trivy');
const trivyRun = (args: string[], env: Record<string, string> = {}) => run(trivy, args, { check: false, env });

describe('the Trivy stand-in refuses what Trivy 0.69.3 refuses', () => {
  test.each([
    ['a flag Trivy never had', ['image', '--no-such-flag', 'alpine:3.10'], /unknown flag: --no-such-flag/],
    ['a flag removed before 0.69 (--skip-update)', ['image', '--skip-update', 'alpine:3.10'], /unknown flag: --skip-update/],
    ['--no-progress, which `config` does not take', ['config', '--no-progress', '.'], /unknown flag: --no-progress/],
    ['--skip-db-update, which `config` does not take', ['config', '--skip-db-update', '.'], /unknown flag: --skip-db-update/],
    ['an unknown one-letter flag', ['fs', '-Z', '.'], /unknown shorthand flag: 'Z' in -Z/],
    ['a flag without its value', ['image', 'alpine:3.10', '--output'], /flag needs an argument: --output/],
    ['a command Trivy does not have', ['scan', 'alpine:3.10'], /unknown command "scan" for "trivy"/],
  ])('%s: exit 1, usage on stdout, FATAL on stderr', async (_name, args, message) => {
    const result = await trivyRun(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\tFATAL\tFatal error\t/);
    expect(result.stderr).toMatch(message);
    if (args[0] !== 'scan') expect(result.stdout).toMatch(/^Usage:\n {2}trivy (image|filesystem|config) \[flags\]/);
  });

  test('the flag set is the pinned version\'s, read from Trivy\'s CLI reference', () => {
    const flags = JSON.parse(readFileSync(path.join(standInDir, 'flags-0.69.3.json'), 'utf8')) as { version: string; commands: Record<string, { takesValue: string[]; boolean: string[] }> };
    expect(flags.version).toBe('0.69.3');
    expect(flags.commands.image!.boolean).toEqual(expect.arrayContaining(['skip-db-update', 'no-progress', 'insecure', 'download-db-only']));
    expect(flags.commands.config!.boolean).not.toContain('skip-db-update');
  });
});

describe("the arguments shipkit builds are accepted (every option on), for every scan type", () => {
  test.each(['image', 'fs', 'config'] as const)('%s', async (scanType: ScanType) => {
    const dir = tempDir('stand-in-args');
    mkdirSync(path.join(dir, 'out'));
    const settings: ScanSettings = {
      trivy,
      scanType,
      cacheDir: path.join(dir, 'cache'),
      dbRepositories: ['mirror.example/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'],
      javaDbRepositories: ['mirror.example/trivy-java-db:1'],
      insecure: true,
      outputDir: path.join(dir, 'out'),
      timeoutMs: 90_000,
    };
    const target = scanType === 'image' ? '127.0.0.1:5000/acme/web@sha256:' + 'a'.repeat(64) : '.';
    const args = scanArguments(settings, target, path.join(dir, 'out', 'report.json'), path.join(dir, 'ignore'));
    const result = await trivyRun(args, { STAND_IN_TRIVY_REPORTS: JSON.stringify({ '*': fixturePath('alpine-310.json') }) });
    expect(result.stderr).not.toMatch(/FATAL/);
    expect(result.code).toBe(0);
  });
});
