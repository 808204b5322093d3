import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import * as actionsCore from '@actions/core';
import * as runner from '../src/runner.js';
import { parseFileCommand } from '../../../test/harness/index.js';

// The runner's protocol as the bundles speak it (src/runner.ts): exact lines on stdout, exact
// entries in the runner's files, and the same as @actions/core (which the bundles used before) for
// every case, so a change of format shows here before a runner misreads it.

const FILES = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY'] as const;
const UUID = /ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
let dir: string;
const saved = { ...process.env };
const savedExitCode = process.exitCode;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'shipkit-runner-'));
  for (const name of FILES) {
    process.env[name] = path.join(dir, name);
    writeFileSync(process.env[name]!, '');
  }
});
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  process.exitCode = savedExitCode;
  rmSync(dir, { recursive: true, force: true });
});

/** What `fn` writes to stdout, one string per write. */
function captured(fn: () => void): string[] {
  const writes: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => {
    writes.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = original;
  }
  return writes;
}

const file = (name: (typeof FILES)[number]): string => readFileSync(process.env[name]!, 'utf8');

describe('inputs', () => {
  test.each([
    // [input name, variable, value, options, expected]
    ['environment', 'INPUT_ENVIRONMENT', 'staging', {}, 'staging'],
    ['environment', 'INPUT_ENVIRONMENT', '  staging \n', {}, 'staging'],
    ['github-token', 'INPUT_GITHUB-TOKEN', ' t0k ', {}, 't0k'],
    ['source dir', 'INPUT_SOURCE_DIR', 'site', {}, 'site'],
    ['checks', 'INPUT_CHECKS', '  - a\n  - b\n', { trimWhitespace: false }, '  - a\n  - b\n'],
    ['checks', 'INPUT_CHECKS', '  - a\n  - b\n', { trimWhitespace: true }, '- a\n  - b'],
    ['missing', 'INPUT_OTHER', 'x', {}, ''],
    ['present', 'INPUT_PRESENT', '   ', { required: true }, ''],
  ] as const)('%p from %s=%j %j -> %j', (name, variable, value, options, expected) => {
    process.env[variable] = value;
    expect(runner.getInput(name, options)).toBe(expected);
    expect(actionsCore.getInput(name, options)).toBe(expected);
  });

  test.each([['environment'], ['source dir']])('a required input that is not given: %p', (name) => {
    expect(() => runner.getInput(name, { required: true })).toThrow(new Error(`Input required and not supplied: ${name}`));
    expect(() => actionsCore.getInput(name, { required: true })).toThrow(new Error(`Input required and not supplied: ${name}`));
  });

  test('state saved by the main step comes back from STATE_<name>', () => {
    process.env.STATE_lease = '{"key":"k"}';
    expect(runner.getState('lease')).toBe('{"key":"k"}');
    expect(runner.getState('missing')).toBe('');
  });
});

describe('runner files', () => {
  test.each([
    // [value, what the file holds between the delimiters]
    ['blue', 'blue'],
    ['', ''],
    ['line 1\nline 2\n', 'line 1\nline 2\n'],
    ['{"passed":true}', '{"passed":true}'],
    ['name<<EOF\nEOF\nghadelimiter_not-this-one', 'name<<EOF\nEOF\nghadelimiter_not-this-one'],
    [{ passed: true }, '{"passed":true}'],
    [undefined, ''],
  ])('output %j is one heredoc entry with a random delimiter', (value, body) => {
    runner.setOutput('report', value);
    const text = file('GITHUB_OUTPUT');
    const delimiter = /^report<<(ghadelimiter_[0-9a-f-]{36})\n/.exec(text)?.[1];
    expect(delimiter).toBeDefined();
    expect(text).toBe(`report<<${delimiter}\n${body}\n${delimiter}\n`);
    expect(parseFileCommand(text)).toEqual({ report: body });
  });

  test('outputs, state and variables go to their own files, one entry each, delimiters never reused', () => {
    runner.setOutput('live-slot', 'green');
    runner.setOutput('report', 'a\nb');
    runner.saveState('ledger', '{"app":"shop"}');
    runner.exportVariable('SHIPKIT_RELEASE', 'v1.2.3');
    expect(parseFileCommand(file('GITHUB_OUTPUT'))).toEqual({ 'live-slot': 'green', report: 'a\nb' });
    expect(parseFileCommand(file('GITHUB_STATE'))).toEqual({ ledger: '{"app":"shop"}' });
    expect(parseFileCommand(file('GITHUB_ENV'))).toEqual({ SHIPKIT_RELEASE: 'v1.2.3' });
    expect(process.env.SHIPKIT_RELEASE).toBe('v1.2.3');
    const delimiters = file('GITHUB_OUTPUT').match(UUID)!;
    expect(delimiters).toHaveLength(4);
    expect(new Set(delimiters).size).toBe(2);
  });

  test('the same bytes as @actions/core, delimiters aside', () => {
    const ours = (): string => file('GITHUB_OUTPUT').replace(UUID, 'D') + file('GITHUB_STATE').replace(UUID, 'D') + file('GITHUB_ENV').replace(UUID, 'D');
    const cases: [string, unknown][] = [['plain', 'x'], ['multi', 'a\r\nb\n'], ['json', { a: [1] }], ['empty', '']];
    for (const [name, value] of cases) {
      runner.setOutput(name, value);
      runner.saveState(name, value);
      runner.exportVariable(`V_${name}`, value);
    }
    const mine = ours();
    for (const name of FILES) writeFileSync(process.env[name]!, '');
    for (const [name, value] of cases) {
      actionsCore.setOutput(name, value);
      actionsCore.saveState(name, value);
      actionsCore.exportVariable(`V_${name}`, value);
    }
    expect(mine).toBe(ours());
  });

  test.each([['GITHUB_OUTPUT', () => runner.setOutput('a', 'b')], ['GITHUB_STATE', () => runner.saveState('a', 'b')], ['GITHUB_ENV', () => runner.exportVariable('A', 'b')]] as const)('a %s that names no file is an error', (variable, write) => {
    process.env[variable] = path.join(dir, 'gone');
    expect(write).toThrow(new Error(`Missing file at path: ${path.join(dir, 'gone')}`));
  });

  test('without the runner files, outputs and state are workflow commands (old runners)', () => {
    delete process.env.GITHUB_OUTPUT;
    delete process.env.GITHUB_STATE;
    const writes = captured(() => {
      runner.setOutput('report', 'a\nb');
      runner.saveState('lease', 'k:1,2');
    });
    expect(writes).toEqual(['\n', '::set-output name=report::a%0Ab\n', '::save-state name=lease::k:1,2\n']);
  });

  test('the step summary is appended to, and a missing variable or file says so', async () => {
    writeFileSync(process.env.GITHUB_STEP_SUMMARY!, '### before\n');
    await runner.appendSummary('| a | b |\n');
    expect(file('GITHUB_STEP_SUMMARY')).toBe('### before\n| a | b |\n');
    process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'no-such-dir', 'summary');
    await expect(runner.appendSummary('x')).rejects.toThrow(`Unable to access summary file: '${path.join(dir, 'no-such-dir', 'summary')}'. Check if the file has correct read/write permissions.`);
    delete process.env.GITHUB_STEP_SUMMARY;
    await expect(runner.appendSummary('x')).rejects.toThrow('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
  });
});

describe('workflow commands', () => {
  const table: [string, (api: typeof runner) => void, string[]][] = [
    ['info', (api) => api.info('plain ::text:: 100%'), ['plain ::text:: 100%\n']],
    ['a mask', (api) => api.setSecret('p%ss\r\nw:rd,x'), ['::add-mask::p%25ss%0D%0Aw:rd,x\n']],
    ['a mask of a multiline secret is one command', (api) => api.setSecret('line1\nline2'), ['::add-mask::line1%0Aline2\n']],
    ['debug', (api) => api.debug('a\nb'), ['::debug::a%0Ab\n']],
    ['a warning', (api) => api.warning('disk 95% full\nreally'), ['::warning::disk 95%25 full%0Areally\n']],
    [
      'an error with properties',
      (api) => api.error('bad', { title: 'CVE-1: x,y', file: 'a,b.txt', startLine: 3, endLine: 4, startColumn: 2, endColumn: 0 }),
      ['::error title=CVE-1%3A x%2Cy,file=a%2Cb.txt,line=3,endLine=4,col=2::bad\n'],
    ],
    ['an error from an Error', (api) => api.error(new Error('boom')), ['::error::Error: boom\n']],
    ['a notice', (api) => api.notice('note', { title: 'T' }), ['::notice title=T::note\n']],
    ['a group', (api) => { api.startGroup('Plan: 3 files'); api.info('x'); api.endGroup(); }, ['::group::Plan: 3 files\n', 'x\n', '::endgroup::\n']],
    ['a failure', (api) => api.setFailed('Input "environment" is required.\nHint: set it'), ['::error::Input "environment" is required.%0AHint: set it\n']],
  ];

  test.each(table)('%s', (_name, act, lines) => {
    process.exitCode = undefined;
    const ours = captured(() => act(runner));
    const failed = process.exitCode;
    process.exitCode = undefined;
    const theirs = captured(() => act(actionsCore as unknown as typeof runner));
    expect(ours).toEqual(lines);
    expect(theirs).toEqual(lines);
    expect(failed).toBe(process.exitCode);
    if (_name === 'a failure') expect(failed).toBe(1);
  });

  test('a group closes however its work ends', async () => {
    const writes: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      writes.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      await expect(runner.group('Upload', async () => 42)).resolves.toBe(42);
      await expect(runner.group('Fails', async () => { throw new Error('no'); })).rejects.toThrow('no');
    } finally {
      process.stdout.write = original;
    }
    expect(writes).toEqual(['::group::Upload\n', '::endgroup::\n', '::group::Fails\n', '::endgroup::\n']);
  });
});
