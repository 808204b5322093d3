import { describe, expect, test } from '@jest/globals';
import { collectGarbageAbove } from '../src/memory.js';

describe('collectGarbageAbove', () => {
  test('does nothing below the threshold', () => {
    expect(collectGarbageAbove(Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  test('above it, a full collection runs: garbage left by many small allocations is gone afterwards', () => {
    let keep = 0;
    for (let i = 0; i < 200_000; i++) keep += JSON.stringify({ i, pad: 'x'.repeat(100) }).length;
    expect(keep).toBeGreaterThan(0);
    const before = process.memoryUsage().heapUsed;
    expect(collectGarbageAbove(0)).toBe(true);
    expect(process.memoryUsage().heapUsed).toBeLessThan(before);
  });
});
