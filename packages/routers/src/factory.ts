import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { createCloudFrontClient, invalidatePaths } from '@shipkit/cloudfront';
import { parseTimeout, ShipkitError } from '@shipkit/core';
import { commandList, type ResolvedEnvironment } from '@shipkit/environments';
import { CloudFrontRouter } from './cloudfront.js';
import { CommandRouter } from './command.js';
import { DEFAULT_NGINX_RELOAD, DEFAULT_NGINX_TEST, NginxRouter, validateUpstream } from './nginx.js';
import type { Router } from './types.js';

export interface RouterDependencies {
  /** CloudFront client (default: createCloudFrontClient with the router's endpoint). */
  cloudfrontClient?: CloudFrontClient;
  /** Default: @shipkit/cloudfront's invalidatePaths. */
  invalidatePaths?: typeof invalidatePaths;
  /** CloudFront: poll interval while waiting for Deployed (tests shorten it). */
  pollIntervalMs?: number;
}

/**
 * The router of a blue-green environment, from its config. Every problem with the router's
 * settings is reported here, before any traffic moves.
 */
export function createRouter(env: ResolvedEnvironment, dependencies: RouterDependencies = {}): Router {
  const router = env.router;
  const field = (name: string) => `${env.file ? `${env.file}: ` : ''}environments.${env.name}.${name}`;
  if (env.strategy !== 'blue-green' || !env.slots) {
    throw new ShipkitError(`Environment ${JSON.stringify(env.name)} uses strategy ${env.strategy}; switching traffic needs strategy blue-green with two slots.`, {
      hint: `Set environments.${env.name}.strategy: blue-green, slots.blue/green and a router in ${env.file ?? '.github/shipkit.yml'}.`,
    });
  }
  if (!router) throw new ShipkitError(`Environment ${JSON.stringify(env.name)} has no router: set ${field('router')} (type nginx, cloudfront or command).`);
  const slots = env.slots;
  switch (router.type) {
    case 'nginx': {
      if (!router.include) throw new ShipkitError(`${field('router.include')} is required for the nginx router: the include file shipkit owns, e.g. /etc/nginx/shipkit/${env.name}.conf.`);
      for (const slot of ['blue', 'green'] as const) {
        const upstream = slots[slot].upstream;
        if (!upstream) throw new ShipkitError(`${field(`slots.${slot}.upstream`)} is required for the nginx router: the slot's address, e.g. 10.0.1.5:8080.`);
        validateUpstream(upstream, field(`slots.${slot}.upstream`));
      }
      return new NginxRouter({
        environment: env.name,
        include: router.include,
        upstreams: { blue: slots.blue.upstream, green: slots.green.upstream },
        test: commandList(router.test, field('router.test')) ?? [...DEFAULT_NGINX_TEST],
        reload: commandList(router.reload, field('router.reload')) ?? [...DEFAULT_NGINX_RELOAD],
        pidFile: router['pid-file'],
        reloadTimeoutMs: router['reload-timeout'] !== undefined ? parseTimeout(router['reload-timeout'], field('router.reload-timeout')) : undefined,
      });
    }
    case 'cloudfront': {
      const distributionId = router['distribution-id'];
      if (!distributionId) throw new ShipkitError(`${field('router.distribution-id')} is required for the cloudfront router.`);
      for (const slot of ['blue', 'green'] as const) {
        if (!slots[slot].origin) throw new ShipkitError(`${field(`slots.${slot}.origin`)} is required for the cloudfront router: the id of the slot's origin in distribution ${distributionId}.`);
      }
      const invalidate = dependencies.invalidatePaths ?? invalidatePaths;
      const client = dependencies.cloudfrontClient ?? createCloudFrontClient({ endpoint: router.endpoint });
      return new CloudFrontRouter({
        environment: env.name,
        client,
        distributionId,
        origins: { blue: slots.blue.origin, green: slots.green.origin },
        invalidatePaths: router.invalidate,
        // The router waits for Deployed and Completed itself, within its own timeout.
        invalidate: async (paths) => ({ ids: (await invalidate(client, distributionId, paths, { wait: false })).invalidations.map((entry) => entry.id) }),
        wait: router.wait ?? true,
        behaviors: router.behaviors,
        waitTimeoutMs: router.timeout !== undefined ? parseTimeout(router.timeout, field('router.timeout')) : undefined,
        pollIntervalMs: dependencies.pollIntervalMs,
      });
    }
    case 'command': {
      const command = commandList(router.switch, field('router.switch'));
      if (!command) throw new ShipkitError(`${field('router.switch')} is required for the command router: the program (and arguments) that moves traffic.`);
      return new CommandRouter({
        environment: env.name,
        app: env.app,
        url: env.url,
        command,
        cwd: env.workspace,
        env: env.env,
        slotUrls: { blue: slots.blue.url, green: slots.green.url },
        slotEnv: { blue: slots.blue.env, green: slots.green.env },
        weighted: router.weighted,
      });
    }
    default:
      throw new ShipkitError(`${field('router.type')} has an invalid value ${JSON.stringify((router as { type: unknown }).type)}: expected nginx, cloudfront or command.`);
  }
}
