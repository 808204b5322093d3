import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { createCloudFrontClient, invalidatePaths } from '@shipkit/cloudfront';
import { runner, parseTimeout, ShipkitError } from '@shipkit/core';
import { CloudRunClient, commandList, type ResolvedEnvironment } from '@shipkit/environments';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { AlbRouter, createElbv2Client, LISTENER_ARN, RULE_ARN, TARGET_GROUP_ARN, validateArn } from './alb.js';
import { CloudFrontRouter } from './cloudfront.js';
import { CommandRouter } from './command.js';
import { DEFAULT_NGINX_RELOAD, DEFAULT_NGINX_TEST, NginxRouter, validateUpstream } from './nginx.js';
import type { Router } from './types.js';
import { AppServiceRouter } from './app-service.js';
import { CloudRunRouter } from './cloud-run.js';
import { DEFAULT_SLOT_LABEL, K8sServiceRouter } from './k8s-service.js';
import { GatewayApiRouter } from './gateway-api.js';
import { ArmClient } from '@shipkit/azure';

export interface RouterDependencies {
  /** CloudFront client (default: createCloudFrontClient with the router's endpoint). */
  cloudfrontClient?: CloudFrontClient;
  /** Default: @shipkit/cloudfront's invalidatePaths. */
  invalidatePaths?: typeof invalidatePaths;
  /** CloudFront: poll interval while waiting for Deployed (tests shorten it). */
  pollIntervalMs?: number;
  /** ELBv2 client for the alb router (default: createElbv2Client with the environment's region). */
  elbv2Client?: ElasticLoadBalancingV2Client;
  /** Resource Manager client for the app-service-slots router (default: DefaultAzureCredential at router.arm-endpoint). */
  armClient?: ArmClient;
  /** Cloud Run Admin API client for the cloud-run router (default: the environment's cloud-run service, Application Default Credentials). */
  cloudRunClient?: CloudRunClient;
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
  if (!router) throw new ShipkitError(`Environment ${JSON.stringify(env.name)} has no router: set ${field('router')} (type nginx, cloudfront, command, alb, app-service-slots, cloud-run, k8s-service or gateway-api).`);
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
    case 'alb': {
      const listenerArn = validateArn(router['listener-arn'], LISTENER_ARN, field('router.listener-arn'), 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2');
      const ruleArn = router['rule-arn'] === undefined ? undefined : validateArn(router['rule-arn'], RULE_ARN, field('router.rule-arn'), 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee');
      if (ruleArn && !ruleArn.replace(':listener-rule/', ':listener/').startsWith(`${listenerArn}/`)) {
        throw new ShipkitError(`${field('router.rule-arn')} ${JSON.stringify(ruleArn)} is not a rule of ${field('router.listener-arn')} ${JSON.stringify(listenerArn)}.`);
      }
      const groups = {} as Record<'blue' | 'green', string>;
      for (const slot of ['blue', 'green'] as const) {
        groups[slot] = validateArn(slots[slot]['target-group-arn'], TARGET_GROUP_ARN, field(`slots.${slot}.target-group-arn`), 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-blue/73e2d6bc24d8a067');
      }
      if (groups.blue === groups.green) throw new ShipkitError(`${field('slots.blue.target-group-arn')} and ${field('slots.green.target-group-arn')} are the same target group ${groups.blue}: each slot needs its own.`);
      return new AlbRouter({
        environment: env.name,
        client: dependencies.elbv2Client ?? createElbv2Client({ region: env.aws.region, endpoint: router.endpoint }),
        listenerArn,
        ruleArn,
        targetGroups: groups,
        targetGroupFields: { blue: field('slots.blue.target-group-arn'), green: field('slots.green.target-group-arn') },
      });
    }
    case 'app-service-slots': {
      const required = (name: 'subscription' | 'resource-group' | 'app') => {
        const value = router[name];
        if (!value) throw new ShipkitError(`${field(`router.${name}`)} is required for the app-service-slots router.`);
        return value;
      };
      return new AppServiceRouter({
        environment: env.name,
        arm:
          dependencies.armClient ??
          new ArmClient({
            endpoint: router['arm-endpoint'],
            log: (line) => runner.info(line),
            pollIntervalMs: dependencies.pollIntervalMs,
            // How long a switch waits for the swap; past it the router reads production back (never resets mid-swap).
            timeoutMs: router.timeout !== undefined ? parseTimeout(router.timeout, field('router.timeout')) : undefined,
          }),
        subscription: required('subscription'),
        resourceGroup: required('resource-group'),
        app: required('app'),
        slot: router.slot ?? 'staging',
        preview: router.preview ?? false,
      });
    }
    case 'cloud-run': {
      if (!env.cloudRun) throw new ShipkitError(`${field('cloud-run')} is required for the cloud-run router: { project, region, service, container-images } (the slots are traffic tags of that service).`);
      return new CloudRunRouter({ environment: env.name, client: dependencies.cloudRunClient ?? new CloudRunClient(env.cloudRun, { pollMs: dependencies.pollIntervalMs }) });
    }
    case 'k8s-service': {
      if (!router.service) throw new ShipkitError(`${field('router.service')} is required for the k8s-service router: the Service whose selector moves between the slots.`);
      if (!env.kubernetes?.namespace) throw new ShipkitError(`${field('kubernetes.namespace')} is required for the k8s-service router: the namespace of Service ${router.service}.`);
      return new K8sServiceRouter({
        environment: env.name,
        namespace: env.kubernetes.namespace,
        service: router.service,
        slotLabel: router['slot-label'] ?? DEFAULT_SLOT_LABEL,
        context: env.kubernetes.context,
        server: env.kubernetes.server,
        field: field('router'),
      });
    }
    case 'gateway-api': {
      if (!router.route) throw new ShipkitError(`${field('router.route')} is required for the gateway-api router: the HTTPRoute whose backendRefs weights move between the slots.`);
      if (!router.backends?.blue || !router.backends?.green) throw new ShipkitError(`${field('router.backends')} is required for the gateway-api router: { blue: <Service>, green: <Service> }, the slots' Services in the route's backendRefs.`);
      if (router.backends.blue === router.backends.green) throw new ShipkitError(`${field('router.backends')} names Service ${router.backends.blue} for both slots: each slot needs its own.`);
      if (!env.kubernetes?.namespace) throw new ShipkitError(`${field('kubernetes.namespace')} is required for the gateway-api router: the namespace of HTTPRoute ${router.route}.`);
      return new GatewayApiRouter({
        environment: env.name,
        namespace: env.kubernetes.namespace,
        route: router.route,
        rule: router.rule ?? 0,
        backends: { blue: router.backends.blue, green: router.backends.green },
        context: env.kubernetes.context,
        server: env.kubernetes.server,
        field: field('router'),
      });
    }
    default:
      throw new ShipkitError(`${field('router.type')} has an invalid value ${JSON.stringify((router as { type: unknown }).type)}: expected nginx, cloudfront, command, alb, app-service-slots, cloud-run, k8s-service or gateway-api.`);
  }
}
