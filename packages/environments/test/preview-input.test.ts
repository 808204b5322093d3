import { describe, expect, test } from '@jest/globals';
import { parseAge } from '@shipkit/core';
import { parsePullRequestNumber, pullRequestNumber, pullRequestOf } from '../src/preview.js';

describe('pull request numbers: positive decimal integers only', () => {
  test.each([
    ['16', 16],
    ['1', 1],
    [42, 42],
    ['0x10', undefined],
    ['-5', undefined],
    ['7.5', undefined],
    [7.5, undefined],
    ['1e3', undefined],
    ['0', undefined],
    ['016', undefined],
    [' 7', undefined],
    ['', undefined],
    ['99999999999999999', undefined],
  ] as const)('%j -> %j', (value, expected) => {
    expect(parsePullRequestNumber(value)).toBe(expected);
  });

  test('an input is refused naming it, the value and what was expected', () => {
    expect(() => pullRequestNumber('0x10', 'pr')).toThrow('Input "pr" has an invalid value "0x10": expected a pull request number: a positive whole number in decimal, such as 42.');
  });

  test.each([-5, 7.5, 0])("the event's number %j is refused", (number) => {
    expect(() => pullRequestOf({ pullRequestNumber: number, payload: {} } as never)).toThrow(`The event's pull request number has an invalid value ${number}: expected a positive whole number in decimal`);
  });
});

describe('older-than: an age of weeks, days, hours... up to a year', () => {
  const DAY = 86_400_000;
  test.each([
    ['14d', 14 * DAY],
    ['2w', 14 * DAY],
    ['1w3d', 10 * DAY],
    ['36h', 1.5 * DAY],
    ['52w', 364 * DAY],
    ['365d', 365 * DAY],
    ['5s', 5000],
  ])('%s', (text, ms) => {
    expect(parseAge(text, 'older-than')).toBe(ms);
  });
  test.each(['366d', '53w', '0d', '14', '1.5d', '14 days', '-1d', ''])('%j is refused naming the input', (text) => {
    expect(() => parseAge(text, 'older-than')).toThrow(new RegExp(`^Input "older-than" has an invalid value ${JSON.stringify(text).replace(/[.+]/g, '\\$&')}: expected an age in whole weeks, days, hours, minutes or seconds, greater than zero and at most a year`));
  });
});
