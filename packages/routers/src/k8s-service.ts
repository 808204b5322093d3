import { runner, errorMessage, ShipkitError } from '@shipkit/core';
import { KubeClient, loadKubeconfig, type KubeObject } from '@shipkit/environments';
import type { RouteRequest, Router, SlotName } from './types.js';

export const DEFAULT_SLOT_LABEL = 'shipkit.dev/slot';

export interface K8sServiceRouterOptions {
  environment: string;
  namespace: string;
  service: string;
  /** The selector label whose value is the slot's name. */
  slotLabel: string;
  context?: string;
  server?: string;
  /** The config field, for errors. */
  field: string;
  /** A client (tests); default: from the kubeconfig. */
  client?: KubeClient;
}

/**
 * Blue-green on Kubernetes: each slot runs its own workloads, whose pods carry the slot label
 * (`shipkit.dev/slot: blue|green`); the Service's selector names the live slot. A switch patches
 * that one selector key (JSON merge patch: the rest of the selector and the Service are left as
 * they are) and reads the Service back. A Service splits traffic by ready pods only, so this router
 * is not weighted: canary steps need the gateway-api router.
 */
export class K8sServiceRouter implements Router {
  readonly type = 'k8s-service' as const;
  readonly weighted = false;
  readonly weightedRefusal = 'a Kubernetes Service selects one slot at a time (it cannot split traffic by weight); use steps [100] or a router that can split traffic';
  readonly description: string;
  private client?: Promise<KubeClient>;

  constructor(private readonly options: K8sServiceRouterOptions) {
    this.description = `k8s-service ${options.namespace}/${options.service} (selector ${options.slotLabel})`;
    if (options.client) this.client = Promise.resolve(options.client);
  }

  private api(): Promise<KubeClient> {
    this.client ??= loadKubeconfig({ context: this.options.context, server: this.options.server, field: this.options.field }).then((connection) => new KubeClient(connection));
    return this.client;
  }

  private ref(): { apiVersion: string; kind: string; metadata: { name: string; namespace: string } } {
    return { apiVersion: 'v1', kind: 'Service', metadata: { name: this.options.service, namespace: this.options.namespace } };
  }

  private async read(): Promise<KubeObject> {
    const service = await (await this.api()).get(this.ref());
    if (!service) {
      throw new ShipkitError(`${this.options.field}: Service ${this.options.service} does not exist in namespace ${this.options.namespace}.`, {
        hint: `Create it once (in your base manifests or by hand) with a selector that includes ${this.options.slotLabel}: blue.`,
      });
    }
    return service;
  }

  private selectorOf(service: KubeObject): Record<string, string> | undefined {
    return (service.spec as { selector?: Record<string, string> } | undefined)?.selector;
  }

  async validate(): Promise<void> {
    const service = await this.read();
    if (!this.selectorOf(service)) throw new ShipkitError(`${this.options.field}: Service ${this.options.service} in namespace ${this.options.namespace} has no selector; the router moves its ${this.options.slotLabel} selector label.`);
  }

  async live(): Promise<SlotName | undefined> {
    const value = this.selectorOf(await this.read())?.[this.options.slotLabel];
    return value === 'blue' || value === 'green' ? value : undefined;
  }

  async split(): Promise<Partial<Record<SlotName, number>> | undefined> {
    const live = await this.live();
    return live ? { [live]: 100 } : undefined;
  }

  async route(request: RouteRequest): Promise<void> {
    if (request.weight !== undefined && request.weight !== 100) throw new ShipkitError(`The k8s-service router cannot send ${request.weight}% of traffic to slot ${request.slot}: ${this.weightedRefusal}.`);
    const api = await this.api();
    const before = this.selectorOf(await this.read())?.[this.options.slotLabel];
    const where = `/api/v1/namespaces/${encodeURIComponent(this.options.namespace)}/services/${encodeURIComponent(this.options.service)}`;
    const point = (slot: string | null) => api.request('PATCH', `${where}?fieldManager=shipkit`, { spec: { selector: { [this.options.slotLabel]: slot } } }, 'application/merge-patch+json');
    try {
      await point(request.slot);
      const now = this.selectorOf(await this.read())?.[this.options.slotLabel];
      if (now !== request.slot) throw new ShipkitError(`Service ${this.options.service} selects ${this.options.slotLabel}=${now ?? '(none)'} after the switch, not ${request.slot}.`);
      runner.info(`Service ${this.options.namespace}/${this.options.service} now selects ${this.options.slotLabel}=${request.slot} (was ${before ?? 'unset'}).`);
    } catch (error) {
      // Put the selector back as it was, then fail.
      try {
        if (before !== request.slot) await point(before ?? null);
      } catch (restoreError) {
        runner.error(`Could not put the selector of Service ${this.options.service} back to ${before ?? 'unset'}: ${errorMessage(restoreError)}`);
      }
      throw error instanceof ShipkitError ? error : new ShipkitError(`Could not switch Service ${this.options.service} to slot ${request.slot}: ${errorMessage(error)}`);
    }
  }
}
