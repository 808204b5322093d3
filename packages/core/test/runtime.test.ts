import { describe, expect, test } from '@jest/globals';
import { Budget, mapLimit } from '../src/concurrency.js';
import { checkReleaseId, parseRef, releaseIdFromRef, sanitizeName } from '../src/context.js';
import { exec, redact } from '../src/exec.js';
import { backoffDelay, retry } from '../src/retry.js';
import { markdownTable } from '../src/summary.js';
import { Progress, formatBytes, formatRate } from '../src/log.js';

const SHA = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';

describe('release ids from refs', () => {
  test.each([
    ['refs/tags/v1.2.3', 'v1.2.3'],
    ['refs/tags/v2.0.0-rc.1', 'v2.0.0-rc.1'],
    ['refs/heads/main', 'main-6113728'],
    ['refs/heads/develop', 'develop-6113728'],
    ['refs/heads/feature/Login Form', 'feature-Login-Form-6113728'],
    ['refs/pull/42/merge', 'pr-42-6113728'],
  ])('%s -> %s', (ref, id) => {
    expect(releaseIdFromRef(ref, SHA)).toBe(id);
  });

  test('parseRef tells branches, tags and pull requests apart', () => {
    expect(parseRef('refs/heads/a/b')).toEqual({ kind: 'branch', name: 'a/b' });
    expect(parseRef('refs/tags/v1')).toEqual({ kind: 'tag', name: 'v1' });
    expect(parseRef('refs/pull/7/merge')).toEqual({ kind: 'pull', name: '7' });
  });

  test('sanitizeName keeps only safe characters', () => {
    expect(sanitizeName('..Weird//Name!!')).toBe('Weird-Name');
  });

  test('user-given release ids are checked', () => {
    expect(() => checkReleaseId('release', '../etc')).toThrow('Input "release" has an invalid value "../etc"');
    expect(checkReleaseId('release', 'v1.0.0')).toBe('v1.0.0');
  });
});

describe('retry', () => {
  test('retries until success with growing jittered delays', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await retry(
      async () => {
        calls++;
        if (calls < 4) throw new Error(`fail ${calls}`);
        return 'ok';
      },
      { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000, random: () => 1, sleep: async (ms) => void delays.push(ms), onRetry: () => undefined },
    );
    expect(result).toBe('ok');
    expect(delays).toEqual([100, 200, 400]);
  });

  test('gives up after the attempts and rethrows the last error', async () => {
    let calls = 0;
    await expect(retry(async () => { calls++; throw new Error(`fail ${calls}`); }, { attempts: 3, sleep: async () => undefined, onRetry: () => undefined })).rejects.toThrow('fail 3');
    expect(calls).toBe(3);
  });

  test('does not retry errors that are not retryable', async () => {
    let calls = 0;
    await expect(retry(async () => { calls++; throw new Error('403'); }, { retryable: () => false, sleep: async () => undefined })).rejects.toThrow('403');
    expect(calls).toBe(1);
  });

  test('stops at the overall deadline', async () => {
    let calls = 0;
    await expect(retry(async () => { calls++; throw new Error('down'); }, { attempts: 100, baseDelayMs: 30, maxDelayMs: 30, deadlineMs: 100, onRetry: () => undefined })).rejects.toThrow('down');
    expect(calls).toBeLessThan(10);
  });

  test('jitter stays within [delay/2, delay] and respects the cap', () => {
    for (let attempt = 1; attempt < 10; attempt++) {
      const low = backoffDelay(attempt, 100, 2000, () => 0);
      const high = backoffDelay(attempt, 100, 2000, () => 1);
      const ceiling = Math.min(2000, 100 * 2 ** (attempt - 1));
      expect([low, high]).toEqual([ceiling / 2, ceiling]);
    }
  });
});

describe('exec', () => {
  test('runs an argument array without a shell and captures output', async () => {
    const result = await exec('printf', ['%s|', 'a b', '$(whoami)', ';ls'], { silent: true });
    expect(result.stdout).toBe('a b|$(whoami)|;ls|');
  });

  test('masks secrets in captured output and in the error', async () => {
    const result = await exec('sh', ['-c', 'echo token=$T', 'x'], { env: { T: 's3cr3t-value' }, secrets: ['s3cr3t-value'], silent: true });
    expect(result.stdout.trim()).toBe('token=***');
    await expect(exec('sh', ['-c', 'echo bad $T >&2; exit 3'], { env: { T: 's3cr3t-value' }, secrets: ['s3cr3t-value'], silent: true, label: 'deploy script' })).rejects.toThrow('deploy script failed with exit code 3:\nbad ***');
  });

  test('a missing program is a clear error', async () => {
    await expect(exec('definitely-not-a-program', [], { silent: true })).rejects.toThrow('Could not run definitely-not-a-program');
  });

  test('check: false returns the exit code instead of throwing', async () => {
    expect((await exec('sh', ['-c', 'exit 4'], { check: false, silent: true })).exitCode).toBe(4);
  });

  test('redact replaces every occurrence', () => {
    expect(redact('a-x-a', ['a'])).toBe('***-x-***');
  });
});

describe('Budget', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  test('holds at most its limit, first come first served, and gives back on failure too', async () => {
    const budget = new Budget(10);
    const order: string[] = [];
    let peak = 0;
    const job = (name: string, amount: number, fail = false) =>
      budget.use(amount, async () => {
        order.push(name);
        peak = Math.max(peak, budget.inUse);
        await tick();
        if (fail) throw new Error(name);
        return name;
      });
    // b (8) waits for a (6); c (2) would fit beside a, but waits behind b: nobody is passed over.
    const results = await Promise.allSettled([job('a', 6, true), job('b', 8), job('c', 2), job('d', 4)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(peak).toBeLessThanOrEqual(10);
    expect(budget.inUse).toBe(0);
  });

  test('an amount larger than the whole budget runs alone instead of waiting forever', async () => {
    const budget = new Budget(10);
    const seen: number[] = [];
    await Promise.all([budget.use(4, async () => tick()), budget.use(25, async () => seen.push(budget.inUse)), budget.use(3, async () => seen.push(budget.inUse))]);
    expect(seen).toEqual([25, 3]);
    expect(budget.inUse).toBe(0);
  });
});

describe('mapLimit', () => {
  test('keeps order and never exceeds the limit', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([50, 10, 30, 20, 5, 15], 3, async (ms, index) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return index * 2;
    });
    expect(out).toEqual([0, 2, 4, 6, 8, 10]);
    expect(peak).toBe(3);
  });

  test('the first failure stops new work and is rethrown', async () => {
    const started: number[] = [];
    await expect(mapLimit([1, 2, 3, 4, 5], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('two');
      return n;
    })).rejects.toThrow('two');
    expect(started).toEqual([1, 2]);
  });
});

describe('summary and progress', () => {
  test('markdown tables escape pipes and newlines and show empty cells', () => {
    expect(markdownTable(['a', 'b'], [['x|y', 'l1\nl2'], [null, 3]])).toBe('| a | b |\n| --- | --- |\n| x\\|y | l1<br>l2 |\n| — | 3 |\n');
  });

  test('progress logs counts, bytes and a final line', () => {
    const lines: string[] = [];
    const progress = new Progress('upload', 3, 3 * 1024 * 1024, 0, (line) => lines.push(line));
    progress.add(1, 1024 * 1024);
    progress.add(2, 2 * 1024 * 1024);
    progress.done();
    expect(lines[0]).toMatch(/^upload: 1\/3, 1 MiB\/3 MiB, \d+(\.\d)? [KMG]?i?B\/s, /);
    expect(lines.at(-1)).toMatch(/^upload: 3\/3, 3 MiB\/3 MiB, .* — done$/);
    expect(formatBytes(1536)).toBe('1.5 KiB');
  });

  test.each([
    [0, '0 B'],
    [922.566371681416, '923 B'],
    [1023.4, '1023 B'],
    [1023.6, '1 KiB'],
    [1024, '1 KiB'],
    [1331, '1.3 KiB'],
    [10 * 1024 + 300, '10 KiB'],
    [1024 * 1024 - 1, '1 MiB'],
    [54 * 1024 * 1024 + 5000, '54 MiB'],
    [3.25 * 1024 ** 3, '3.3 GiB'],
  ])('formatBytes(%p) is %p, as a person writes it', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  test.each([
    [922.566371681416, 1, 'bytes', '923 B/s'],
    [1331, 1, 'bytes', '1.3 KiB/s'],
    [2662, 2, 'bytes', '1.3 KiB/s'],
    [7, 3, 'items', '2.3/s'],
    [120, 4, 'items', '30/s'],
  ] as const)('formatRate(%p, %p s, %p) is %p', (amount, seconds, what, text) => {
    expect(formatRate(amount, seconds, what)).toBe(text);
  });
});
