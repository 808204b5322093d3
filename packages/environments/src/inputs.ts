import { getEnum, getList, getNumber, getOptional, parseDuration } from '@shipkit/core';
import type { EnvironmentInputs } from './resolve.js';

/**
 * The action inputs that override an environment's config fields (app, state, target, strategy,
 * bucket, prefix, url, deploy-command, retention), read the same way by every action that
 * resolves an environment. Empty inputs mean "use the config file".
 */
export function readEnvironmentInputs(): EnvironmentInputs {
  const deployCommand = getList('deploy-command', { comma: false });
  const lockTimeout = getOptional('lock-timeout');
  return {
    app: getOptional('app'),
    state: getOptional('state'),
    target: getOptional('target') ? getEnum('target', ['s3', 'command'] as const, 's3') : undefined,
    strategy: getOptional('strategy') ? getEnum('strategy', ['direct', 'blue-green'] as const, 'direct') : undefined,
    bucket: getOptional('bucket'),
    prefix: getOptional('prefix'),
    url: getOptional('url'),
    deploy: deployCommand.length ? deployCommand : undefined,
    retention: getOptional('retention') ? getNumber('retention', 10, { min: 1, integer: true }) : undefined,
    lockTimeoutMs: lockTimeout ? parseDuration(lockTimeout, 'lock-timeout') : undefined,
  };
}
