/**
 * The installable CLI: `npm pack` of cli/ (its prepack builds one bundled bin and copies the
 * actions' bundles), installed with --omit=dev into an empty directory — nothing else is installed
 * — runs `shipkit status` against moto and prints the environments, `shipkit history` prints DORA
 * figures, and `shipkit run deploy-env --input environment=staging ...` deploys there the way the
 * runner would. Plus the DORA arithmetic, table-driven.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deriveState, type LedgerRecord } from '@shipkit/ledger';
import { doraFigures, formatDora, parseInputs } from '../packages/cli/src/index.js';
import { ROOT } from './harness/index.js';
import { startMoto, tempDir, type MotoService } from './services/index.js';

/**
 * Runs a command without blocking this worker: the moto it talks to writes its log through this
 * process (test/services/supervise.mjs), so a synchronous exec can fill that pipe, stall moto and
 * hang the command's requests (seen in a full run: `shipkit status` waited 40 minutes). Success:
 * stdout; failure: stdout and stderr.
 */
async function runFile(file: string, args: string[], options: { cwd: string; env: Record<string, string | undefined> }): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(file, args, { ...options, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const record = (id: number, type: LedgerRecord['type'], status: LedgerRecord['status'], release: string, time: string, details?: Record<string, unknown>): LedgerRecord => ({
  id: `${time.replace(/[-:.]/g, '').replace('T', 'T')}-${String(id).padStart(8, '0')}`,
  operation: `op-${Math.ceil(id / 2)}`,
  type,
  status,
  app: 'site',
  environment: 'production',
  release,
  time,
  details,
});

describe('DORA figures from a ledger', () => {
  test('frequency, lead time (commit time known), change failure rate, time to restore', () => {
    const records: LedgerRecord[] = [];
    let n = 0;
    const op = (type: LedgerRecord['type'], release: string, start: string, end: string, details?: Record<string, unknown>) => {
      const operation = `op-${++n}`;
      records.push({ ...record(n * 2 - 1, type, 'started', release, start, details), operation }, { ...record(n * 2, type, 'succeeded', release, end, details), operation });
    };
    op('deploy', 'v1.0.0', '2026-12-01T10:00:00.000Z', '2026-12-01T10:05:00.000Z', { commit: 'a'.repeat(40) });
    op('deploy', 'v1.1.0', '2026-12-03T10:00:00.000Z', '2026-12-03T10:05:00.000Z', { commit: 'b'.repeat(40) });
    op('rollback', 'v1.0.0', '2026-12-03T10:35:00.000Z', '2026-12-03T10:35:30.000Z');
    op('deploy', 'v1.1.1', '2026-12-04T10:00:00.000Z', '2026-12-04T10:05:00.000Z');
    const state = deriveState('site', 'production', records);
    const commits: Record<string, string> = { ['a'.repeat(40)]: '2026-12-01T08:05:00.000Z', ['b'.repeat(40)]: '2026-12-03T09:05:00.000Z' };
    const figures = doraFigures(state, records, { now: new Date('2026-12-06T00:00:00.000Z'), days: 7, commitTime: (sha) => (commits[sha] ? new Date(commits[sha]) : undefined) });
    expect(figures).toMatchObject({ deployments: 3, failedChanges: 1, leadTimeSamples: 2, restores: 1 });
    expect(figures.changeFailureRate).toBeCloseTo(1 / 3);
    expect(figures.leadTimeMs).toBe((2 * 3_600_000 + 3_600_000) / 2); // median of 2h and 1h
    expect(figures.timeToRestoreMs).toBe(30 * 60_000 + 30_000);
    expect(formatDora(figures)).toEqual([
      'production — the last 7 days (2026-11-29 to 2026-12-06)',
      '  deployment frequency: 3 deployment(s), 3 per week',
      '  lead time for changes: 1.5h (median of 2)',
      '  change failure rate: 33% (1 of 3)',
      '  time to restore service: 31m (median of 1)',
    ]);
  });

  test('--input name=value keeps hyphens and = in values; a pair without = is refused naming it', () => {
    expect(parseInputs(['source-dir=dist', 'reason=a=b', 'x='])).toEqual({ 'source-dir': 'dist', reason: 'a=b', x: '' });
    expect(() => parseInputs(['environment'])).toThrow('--input "environment": expected name=value');
  });
});

describe('npm pack of the CLI, installed with --omit=dev into an empty directory', () => {
  let moto: MotoService;
  let bin: string;
  let site: string;

  beforeAll(async () => {
    moto = await startMoto({ buckets: ['cli-deploy', 'cli-staging'] });
    const packDir = tempDir('cli-pack');
    const packed = execFileSync('npm', ['pack', '--pack-destination', packDir, '--json'], { cwd: path.join(ROOT, 'cli'), stdio: ['ignore', 'pipe', 'inherit'] }).toString();
    const tarball = path.join(packDir, (JSON.parse(packed) as Array<{ filename: string }>)[0].filename);
    const install = tempDir('cli-install');
    writeFileSync(path.join(install, 'package.json'), '{ "name": "empty", "version": "1.0.0", "private": true }\n');
    execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--offline', tarball], { cwd: install, stdio: 'pipe' });
    bin = path.join(install, 'node_modules', '.bin', 'shipkit');
    // Nothing but the CLI was installed.
    expect(readdirSync(path.join(install, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['@shipkit']);
    expect(readdirSync(path.join(install, 'node_modules', '@shipkit'))).toEqual(['cli']);
    site = tempDir('cli-site');
    mkdirSync(path.join(site, '.github'), { recursive: true });
    mkdirSync(path.join(site, 'dist', 'guide'), { recursive: true });
    writeFileSync(path.join(site, 'dist', 'index.html'), '<main id="docs">v1</main>\n');
    writeFileSync(path.join(site, 'dist', 'guide', 'index.html'), '<main id="guide">guide</main>\n');
    writeFileSync(
      path.join(site, '.github', 'shipkit.yml'),
      ['app: site', 'state: s3://cli-deploy/shipkit', 'environments:', '  staging:', '    target: s3', '    s3: { bucket: cli-staging }', '    url: https://staging.site.example', ''].join('\n'),
    );
  }, 300_000);
  afterAll(async () => {
    await moto?.stop();
  });

  const shipkit = (args: string[]) => runFile(bin, args, { cwd: site, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...moto.env } });

  test('status, run deploy-env, status again, history; usage errors name what was expected', async () => {
    expect(existsSync(bin)).toBe(true);
    const before = (await shipkit(['status']));
    expect(before).toMatchObject({ code: 0 });
    expect(before.out).toContain('staging — https://staging.site.example');
    expect(before.out).toContain('  live: nothing');

    const run = (await shipkit(['run', 'deploy-env', '--input', 'environment=staging', '--input', 'source-dir=dist', '--input', 'release=v1.0.0']));
    expect(run.code).toBe(0);
    expect(run.out).toContain('deploy-env succeeded');
    expect(run.out).toContain('  output release: v1.0.0');
    const listed = execFileSync('aws', [...moto.awsCliArgs, 's3', 'ls', '--recursive', 's3://cli-staging/'], { env: { ...process.env, ...moto.env } }).toString();
    expect(listed).toContain('guide/index.html');

    const after = (await shipkit(['status', '--json']));
    expect(JSON.parse(after.out)[0]).toMatchObject({ environment: 'staging', live: { release: 'v1.0.0' } });
    const history = (await shipkit(['history', 'staging']));
    expect(history.code).toBe(0);
    expect(history.out).toContain('deployment frequency: 1 deployment(s)');

    const unknown = (await shipkit(['run', 'deploy-env', '--input', 'environmnet=staging']));
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('deploy-env has no input "environmnet": expected one of');
    expect((await shipkit(['frobnicate'])).out).toContain('unknown command "frobnicate"');
    expect(readFileSync(path.join(ROOT, 'cli', 'package.json'), 'utf8')).not.toContain('"dependencies"');
  }, 300_000);
  /**
   * docs/adopt.md's "Five minutes on your machine" as written: its config (section 2) and the
   * commands of its walkthrough, run with the installed bin (`npx shipkit` is the bin) against moto
   * (the walkthrough's own moto_server line is the only one replaced: by this test's moto).
   */
  test('docs/adopt.md\'s five-minute walkthrough, line by line, with the installed CLI', async () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'adopt.md'), 'utf8');
    const config = /## 2\. `\.github\/shipkit\.yml`\n\n```yaml\n([\s\S]*?)```/.exec(doc)![1];
    const walkthrough = /## 10\. Five minutes[\s\S]*?```sh\n([\s\S]*?)```/.exec(doc)![1];
    const lines = walkthrough.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter(Boolean);
    const repo = tempDir('cli-walkthrough');
    mkdirSync(path.join(repo, '.github'), { recursive: true });
    writeFileSync(path.join(repo, '.github', 'shipkit.yml'), config);
    execFileSync('git', ['init', '-q', '-b', 'develop'], { cwd: repo });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'first'], { cwd: repo });
    const sha7 = execFileSync('git', ['rev-parse', '--short=7', 'HEAD'], { cwd: repo }).toString().trim();
    let env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, ...moto.env };
    const seen: string[] = [];
    for (const line of lines) {
      if (line.startsWith('pip install')) {
        seen.push('moto');
      } else if (line.startsWith('export ')) {
        // The walkthrough's variables, with this test's moto as the endpoint.
        const assigned = Object.fromEntries(line.slice('export '.length).split(/\s+/).map((pair) => pair.split('=') as [string, string]));
        env = { ...env, ...assigned, AWS_ENDPOINT_URL: moto.endpoint, AWS_ENDPOINT_URL_S3: moto.endpoint };
        seen.push('export');
      } else if (line.startsWith('./build.sh')) {
        mkdirSync(path.join(repo, 'dist', 'docs'), { recursive: true });
        writeFileSync(path.join(repo, 'dist', 'index.html'), '<div id="root"></div>\n');
        writeFileSync(path.join(repo, 'dist', 'docs', 'index.html'), '<main>docs</main>\n');
        seen.push('build');
      } else if (line.startsWith('npx shipkit ')) {
        const args = line.slice('npx shipkit '.length).split(/\s+/);
        const ran = await runFile(bin, args, { cwd: repo, env });
        if (ran.code !== 0) throw new Error(`${line} exited ${ran.code}:\n${ran.out}`);
        const out = ran.out;
        if (args[0] === 'run') expect(out).toContain('deploy-env succeeded');
        if (args[0] === 'status') expect(out).toMatch(new RegExp(`development — https://dev\\.shop\\.example\\n {2}live: develop-${sha7}`));
        seen.push(`shipkit ${args[0]}`);
      } else {
        // aws CLI lines, run as written (a for loop included) with the walkthrough's environment.
        const ran = await runFile('sh', ['-c', line], { cwd: repo, env });
        if (ran.code !== 0) throw new Error(`${line} exited ${ran.code}:\n${ran.out}`);
        const out = ran.out;
        if (line.startsWith('aws s3 ls')) {
          // The site, and nothing of shipkit's (the ledger and the release store are in shop-deploy).
          expect(out.split('\n').filter(Boolean).map((row) => row.split(/\s+/).at(-1)).sort()).toEqual(['docs/index.html', 'index.html']);
        }
        seen.push(line.split(' ')[0] === 'for' ? 'make buckets' : 'aws s3 ls');
      }
    }
    expect(seen).toEqual(['moto', 'export', 'make buckets', 'build', 'shipkit run', 'shipkit status', 'aws s3 ls']);
  }, 300_000);
});
