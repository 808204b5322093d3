import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { ShipkitError } from '@shipkit/core';
import { commandList, type ResolvedEnvironment } from '@shipkit/environments';
import { CloudFrontRouter } from './cloudfront.js';
import { CommandRouter } from './command.js';
import { DEFAULT_NGINX_RELOAD, DEFAULT_NGINX_TEST, NginxRouter, validateUpstream } from './nginx.js';
import type { Router } from './types.js';

/** Invalidates paths on a distribution; the planned signature of @shipkit/cloudfront's invalidatePaths. */
export type InvalidatePaths = (client: CloudFrontClient, distributionId: string, paths: string[], options?: { wait?: boolean }) => Promise<unknown>;

export interface RouterDependencies {
  /** CloudFront client (default: one for the router's endpoint or AWS itself). */
  cloudfrontClient?: CloudFrontClient;
  invalidatePaths?: InvalidatePaths;
  /** CloudFront: poll interval while waiting for Deployed (tests shorten it). */
  pollIntervalMs?: number;
}

/** A CloudFront client; an explicit router endpoint (or AWS_ENDPOINT_URL_CLOUDFRONT) wins, AWS_ENDPOINT_URL (often an S3 store) does not apply. */
export function createCloudFrontClient(endpoint?: string, env: NodeJS.ProcessEnv = process.env): CloudFrontClient {
  // CloudFront is a global service signed in us-east-1.
  return new CloudFrontClient({ region: 'us-east-1', endpoint: endpoint || env.AWS_ENDPOINT_URL_CLOUDFRONT || 'https://cloudfront.amazonaws.com', maxAttempts: Number(env.AWS_MAX_ATTEMPTS) || 5 });
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
      });
    }
    case 'cloudfront': {
      const distributionId = router['distribution-id'];
      if (!distributionId) throw new ShipkitError(`${field('router.distribution-id')} is required for the cloudfront router.`);
      for (const slot of ['blue', 'green'] as const) {
        if (!slots[slot].origin) throw new ShipkitError(`${field(`slots.${slot}.origin`)} is required for the cloudfront router: the id of the slot's origin in distribution ${distributionId}.`);
      }
      const invalidatePaths = dependencies.invalidatePaths;
      if (!invalidatePaths) throw new ShipkitError('The cloudfront router needs an invalidatePaths implementation (from @shipkit/cloudfront).');
      const client = dependencies.cloudfrontClient ?? createCloudFrontClient(router.endpoint);
      return new CloudFrontRouter({
        environment: env.name,
        client,
        distributionId,
        origins: { blue: slots.blue.origin, green: slots.green.origin },
        invalidatePaths: router.invalidate,
        // The router waits for Deployed itself; the invalidation only needs to be accepted.
        invalidate: async (paths) => {
          await invalidatePaths(client, distributionId, paths, { wait: false });
        },
        wait: router.wait ?? false,
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
      });
    }
    default:
      throw new ShipkitError(`${field('router.type')} has an invalid value ${JSON.stringify((router as { type: unknown }).type)}: expected nginx, cloudfront or command.`);
  }
}
