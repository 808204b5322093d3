import { checkHttpUrl, getBoolean, getEnum, getOptional, getSecret, getString } from '@shipkit/core';
import type { SwitchTarget } from '@shipkit/routers';

/** blue-green-switch's inputs, typed and checked before anything is touched. */
export interface SwitchInputs {
  environment: string;
  to: SwitchTarget;
  expectRelease?: string;
  requireSmoke: boolean;
  config?: string;
  verifyUrl?: string;
  githubToken?: string;
  lockTimeout?: string;
  /** Probe the live URL after the flip (default true): verify-url, else the environment's url. */
  verify: boolean;
  /** Traffic steps for the new slot as given (`20,50,100`); undefined: the config's canary.steps, else a flip. */
  steps?: string;
  stepDuration?: string;
}

export function readInputs(): SwitchInputs {
  const verifyUrl = getOptional('verify-url');
  if (verifyUrl) checkHttpUrl('verify-url', verifyUrl);
  return {
    environment: getString('environment', { required: true }),
    to: getEnum('to', ['idle', 'blue', 'green'] as const, 'idle'),
    expectRelease: getOptional('expect-release'),
    requireSmoke: getBoolean('require-smoke', false),
    config: getOptional('config'),
    verifyUrl,
    githubToken: getSecret('github-token'),
    lockTimeout: getOptional('lock-timeout'),
    verify: getBoolean('verify', true),
    steps: getOptional('steps'),
    stepDuration: getOptional('step-duration'),
  };
}
