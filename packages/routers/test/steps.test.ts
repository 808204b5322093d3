import { describe, expect, test } from '@jest/globals';
import { isCanary, parseSteps, planCanary } from '../src/steps.js';
import { parseIncludeServers, parseIncludeUpstream, renderInclude } from '../src/nginx.js';

describe('step planner', () => {
  test.each([
    ['100', [100]],
    ['20,50,100', [20, 50, 100]],
    [' 10, 50 ,100 ', [10, 50, 100]],
    ['10 50 100', [10, 50, 100]],
    ['1,99,100', [1, 99, 100]],
    ['25%,100%', [25, 100]],
  ])('input %j -> %j', (text, steps) => {
    expect(parseSteps(text, 'steps')).toEqual(steps);
  });

  test.each([
    ['50,20', /Input "steps" has an invalid value "50,20": expected ascending .*20 does not come after 50/],
    ['0', /Input "steps" has an invalid value "0": .*"0" is not a whole percentage between 1 and 100/],
    ['0,100', /"0" is not a whole percentage/],
    ['110', /Input "steps" has an invalid value "110": .*"110" is not a whole percentage/],
    ['10,50', /Input "steps" has an invalid value "10,50": .*the last step is 50, so traffic would stay split/],
    ['10,10,100', /10 does not come after 10/],
    ['12.5,100', /"12.5" is not a whole percentage/],
    ['ten,100', /"ten" is not a whole percentage/],
    ['-5,100', /"-5" is not a whole percentage/],
    [',', /Input "steps" has an invalid value ",": expected ascending/],
  ])('input %j is refused naming the value', (text, message) => {
    expect(() => parseSteps(text, 'steps')).toThrow(message);
  });

  test('config steps are named by their field; inputs win over the config; the default is a flip of 60s', () => {
    expect(() => planCanary({ config: { steps: [50, 20, 100] }, configField: '.github/shipkit.yml: environments.prod.canary' })).toThrow(
      /\.github\/shipkit\.yml: environments\.prod\.canary\.steps has an invalid value "50,20,100"/,
    );
    expect(planCanary({ steps: '20,100', config: { steps: [10, 50, 100], 'step-duration': '2m' } })).toEqual({ steps: [20, 100], stepDurationMs: 120_000 });
    expect(planCanary({ stepDuration: '5s', config: { steps: '10,100', 'step-duration': '2m' } })).toEqual({ steps: [10, 100], stepDurationMs: 5000 });
    expect(planCanary({})).toEqual({ steps: [100], stepDurationMs: 60_000 });
    expect(isCanary(planCanary({}))).toBe(false);
    expect(isCanary(planCanary({ steps: '50,100' }))).toBe(true);
  });

  test.each([
    [{ stepDuration: '0s' }, /Input "step-duration" has an invalid value "0s"/],
    [{ stepDuration: 'soon' }, /step-duration.*"soon"/],
    [{ stepDuration: '25h' }, /Input "step-duration" has an invalid value "25h": expected a duration of at most 24h/],
    [{ config: { 'step-duration': '0' }, configField: 'environments.prod.canary' }, /environments\.prod\.canary\.step-duration has an invalid value "0"/],
  ])('step-duration %j is refused', (sources, message) => {
    expect(() => planCanary(sources)).toThrow(message);
  });
});

describe('nginx weighted upstreams', () => {
  test('a step writes both slots with weights; the parser reads them back; 100 writes one server', () => {
    const text = renderInclude('prod', 'green', '127.0.0.1:9002', { weight: 20, other: 'blue', otherUpstream: '127.0.0.1:9001' });
    expect(text).toContain('upstream shipkit_prod { server 127.0.0.1:9001 weight=80; server 127.0.0.1:9002 weight=20; }');
    expect(parseIncludeServers(text, 'prod')).toEqual([
      { upstream: '127.0.0.1:9001', weight: 80 },
      { upstream: '127.0.0.1:9002', weight: 20 },
    ]);
    expect(parseIncludeUpstream(text, 'prod')).toBeUndefined();
    const flip = renderInclude('prod', 'green', '127.0.0.1:9002', { weight: 100, other: 'blue', otherUpstream: '127.0.0.1:9001' });
    expect(flip).toContain('upstream shipkit_prod { server 127.0.0.1:9002; }');
    expect(parseIncludeUpstream(flip, 'prod')).toBe('127.0.0.1:9002');
  });
});
