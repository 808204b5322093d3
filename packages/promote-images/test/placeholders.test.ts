import { describe, expect, test } from '@jest/globals';
import { expandPlaceholders } from '../src/main.js';

describe('tags and version name the run without a shell', () => {
  const tag = { ref: 'refs/tags/v1.4.2', sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246' };
  test.each([
    ['tested-sha-{sha7}', tag, 'tested-sha-6113728'],
    ['{version}', tag, '1.4.2'],
    ['{major}.{minor}\n{major}\nlatest', tag, '1.4\n1\nlatest'],
    ['{version}', { ref: 'refs/tags/v2.0.0-rc.1', sha: tag.sha }, '2.0.0-rc.1'],
    ['plain', { ref: 'refs/heads/main', sha: tag.sha }, 'plain'],
  ])('%j on %j', (text, context, expected) => {
    expect(expandPlaceholders(text, context)).toBe(expected);
  });

  test('a version placeholder on a branch run is refused, naming it', () => {
    expect(() => expandPlaceholders('{version}', { ref: 'refs/heads/main', sha: tag.sha })).toThrow(/uses \{version\}, which cannot be filled in: this run is not for a version tag \(ref refs\/heads\/main\)/);
  });
});
