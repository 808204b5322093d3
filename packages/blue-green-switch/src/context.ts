import { getBoolean, getEnum, getOptional, getSecret, getString, invalidInput } from '@shipkit/core';
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
}

export function readInputs(): SwitchInputs {
  const verifyUrl = getOptional('verify-url');
  if (verifyUrl) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(verifyUrl);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) throw invalidInput('verify-url', verifyUrl, 'an http(s) URL, e.g. https://staging.shop.example/');
  }
  return {
    environment: getString('environment', { required: true }),
    to: getEnum('to', ['idle', 'blue', 'green'] as const, 'idle'),
    expectRelease: getOptional('expect-release'),
    requireSmoke: getBoolean('require-smoke', false),
    config: getOptional('config'),
    verifyUrl,
    githubToken: getSecret('github-token'),
    lockTimeout: getOptional('lock-timeout'),
  };
}
