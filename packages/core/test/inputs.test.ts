import { afterEach, describe, expect, test } from '@jest/globals';
import { getBoolean, getDuration, getEnum, getList, getNumber, getSecret, getString, getStructured, parseRatio } from '../src/inputs.js';
import { formatDuration, parseDuration } from '../src/duration.js';

const setInput = (name: string, value: string): void => {
  process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
};
afterEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
});

describe('typed inputs', () => {
  test.each([
    ['true', true], ['True', true], ['yes', true], ['1', true],
    ['false', false], ['no', false], ['0', false], ['', false],
  ])('boolean %p -> %p', (value, expected) => {
    setInput('push', value);
    expect(getBoolean('push')).toBe(expected);
  });

  test('a bad boolean names the input, the value and what was expected', () => {
    setInput('push', 'maybe');
    expect(() => getBoolean('push')).toThrow('Input "push" has an invalid value "maybe": expected true or false.');
  });

  test.each([
    ['a\nb\n\nc', ['a', 'b', 'c']],
    ['a, b,c', ['a', 'b', 'c']],
    ['# comment\n  x  \n', ['x']],
    ['', []],
  ])('list %p', (value, expected) => {
    setInput('image-refs', value);
    expect(getList('image-refs')).toEqual(expected);
  });

  test('lists can keep commas when items may contain them', () => {
    setInput('url', 'https://a/?x=1,2\nhttps://b/');
    expect(getList('url', { comma: false })).toEqual(['https://a/?x=1,2', 'https://b/']);
  });

  test.each([
    ['90s', 90_000], ['5m', 300_000], ['500ms', 500], ['1h30m', 5_400_000], ['2', 2000], ['1.5s', 1500], [' 10s ', 10_000],
  ])('duration %p -> %p ms', (value, expected) => {
    expect(parseDuration(value)).toBe(expected);
  });

  test.each(['5 minutes', 'm5', '10x', '', '-3s', '1m-'])('bad duration %p is refused with the input name', (value) => {
    setInput('timeout', value || ' ');
    expect(() => getDuration('timeout', value ? undefined : 'nope')).toThrow(/Input "timeout" has an invalid value .*expected a duration such as 500ms, 90s, 5m or 1h30m/);
  });

  test('durations format back for logs', () => {
    expect([formatDuration(250), formatDuration(1500), formatDuration(90_000)]).toEqual(['250ms', '1.5s', '1m30s']);
  });

  test('enums list the allowed values', () => {
    setInput('engine', 'podman');
    expect(() => getEnum('engine', ['auto', 'docker', 'buildah'] as const, 'auto')).toThrow('Input "engine" has an invalid value "podman": expected one of auto, docker, buildah.');
    setInput('engine', 'buildah');
    expect(getEnum('engine', ['auto', 'docker', 'buildah'] as const, 'auto')).toBe('buildah');
  });

  test('numbers check bounds and integrality', () => {
    setInput('concurrency', '0');
    expect(() => getNumber('concurrency', 4, { min: 1, integer: true })).toThrow('expected a whole number at least 1');
    setInput('concurrency', '2.5');
    expect(() => getNumber('concurrency', 4, { min: 1, integer: true })).toThrow('"2.5"');
    setInput('concurrency', '8');
    expect(getNumber('concurrency', 4, { min: 1, integer: true })).toBe(8);
  });

  test.each([['5%', 0.05], ['0.1', 0.1], ['0', 0]])('ratio %p', (value, expected) => {
    expect(parseRatio('max-error-rate', value)).toBeCloseTo(expected);
  });

  test('ratios out of range are refused', () => {
    expect(() => parseRatio('max-error-rate', '150%')).toThrow('Input "max-error-rate" has an invalid value "150%"');
  });

  test('structured values accept YAML and JSON; broken ones name the input', () => {
    setInput('images', '- name: api\n  context: backend\n');
    expect(getStructured('images')).toEqual([{ name: 'api', context: 'backend' }]);
    setInput('images', '[{"name":"web"}]');
    expect(getStructured('images')).toEqual([{ name: 'web' }]);
    setInput('images', '- name: [unclosed');
    expect(() => getStructured('images')).toThrow(/Input "images" has an invalid value .*expected valid YAML or JSON/);
  });

  test('required strings say so', () => {
    expect(() => getString('environment', { required: true })).toThrow('Input "environment" is required but was not given.');
  });

  test('secrets are masked as they are read', () => {
    const writes: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      writes.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      setInput('password', 'hunter2');
      expect(getSecret('password')).toBe('hunter2');
    } finally {
      process.stdout.write = original;
    }
    expect(writes.join('')).toContain('::add-mask::hunter2');
  });
});
