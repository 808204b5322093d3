import { runner, errorMessage, ShipkitError } from '@shipkit/core';
import { KubeClient, loadKubeconfig, type KubeObject } from '@shipkit/environments';
import type { RouteRequest, Router, SlotName } from './types.js';

export interface GatewayApiRouterOptions {
  environment: string;
  namespace: string;
  /** The HTTPRoute whose rule's backendRefs are weighted between the slots' Services. */
  route: string;
  /** Which rule of the route (default 0). */
  rule: number;
  /** Each slot's Service (the backendRef name). */
  backends: Record<SlotName, string>;
  context?: string;
  server?: string;
  field: string;
}

interface BackendRef {
  name: string;
  weight?: number;
  [key: string]: unknown;
}

type Rules = Array<{ backendRefs?: BackendRef[]; [key: string]: unknown }>;

const SLOTS: readonly SlotName[] = ['blue', 'green'];

/**
 * Weighted traffic on Kubernetes through the Gateway API: one rule of an HTTPRoute sends traffic to
 * the blue and the green slot's Services by `backendRefs[].weight`. A flip is weights 100/0; a canary
 * step is w/100-w. Before anything changes, the Gateway API (its CRDs) must be served, the route must
 * exist and the rule's backendRefs must be exactly the two slots' Services. Every change is read
 * back; a failed one puts the rules back as they were.
 */
export class GatewayApiRouter implements Router {
  readonly type = 'gateway-api' as const;
  readonly weighted = true;
  readonly description: string;
  private client?: Promise<KubeClient>;

  constructor(private readonly options: GatewayApiRouterOptions) {
    this.description = `gateway-api HTTPRoute ${options.namespace}/${options.route} rule ${options.rule}`;
  }

  private api(): Promise<KubeClient> {
    this.client ??= loadKubeconfig({ context: this.options.context, server: this.options.server, field: this.options.field }).then((connection) => new KubeClient(connection));
    return this.client;
  }

  private async read(): Promise<{ route: KubeObject; rules: Rules; refs: BackendRef[] }> {
    const api = await this.api();
    try {
      await api.resourceOf('gateway.networking.k8s.io/v1', 'HTTPRoute');
    } catch (error) {
      throw new ShipkitError(`${this.options.field}: the cluster does not serve the Gateway API (HTTPRoute, gateway.networking.k8s.io/v1): ${errorMessage(error)}`, {
        hint: 'Install the Gateway API CRDs (standard channel) and a Gateway controller, or use the k8s-service router.',
      });
    }
    const route = await api.get({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: this.options.route, namespace: this.options.namespace } });
    if (!route) throw new ShipkitError(`${this.options.field}.route: HTTPRoute ${this.options.route} does not exist in namespace ${this.options.namespace}.`);
    const rules = (((route.spec as { rules?: Rules } | undefined)?.rules) ?? []) as Rules;
    const rule = rules[this.options.rule];
    if (!rule) throw new ShipkitError(`${this.options.field}.rule: HTTPRoute ${this.options.route} has ${rules.length} rule(s); there is no rule ${this.options.rule}.`);
    const refs = rule.backendRefs ?? [];
    const names = refs.map((ref) => ref.name).sort();
    const expected = SLOTS.map((slot) => this.options.backends[slot]).sort();
    if (JSON.stringify(names) !== JSON.stringify(expected)) {
      throw new ShipkitError(`${this.options.field}: rule ${this.options.rule} of HTTPRoute ${this.options.route} sends traffic to ${names.join(', ') || 'no backend'}; the router needs exactly the slots' Services ${expected.join(' and ')} there.`, {
        hint: 'List both slot Services as backendRefs of that rule (the idle one with weight: 0).',
      });
    }
    return { route, rules, refs };
  }

  async validate(): Promise<void> {
    await this.read();
  }

  async split(): Promise<Partial<Record<SlotName, number>> | undefined> {
    const { refs } = await this.read();
    const weight = (slot: SlotName) => refs.find((ref) => ref.name === this.options.backends[slot])?.weight ?? 1;
    const total = weight('blue') + weight('green');
    if (!total) return undefined;
    return { blue: Math.round((weight('blue') * 100) / total), green: Math.round((weight('green') * 100) / total) };
  }

  async live(): Promise<SlotName | undefined> {
    const split = await this.split();
    if (!split) return undefined;
    if (split.blue === split.green) return undefined;
    return (split.blue ?? 0) > (split.green ?? 0) ? 'blue' : 'green';
  }

  private async write(rules: Rules): Promise<void> {
    const api = await this.api();
    const where = `/apis/gateway.networking.k8s.io/v1/namespaces/${encodeURIComponent(this.options.namespace)}/httproutes/${encodeURIComponent(this.options.route)}`;
    // A JSON merge patch replaces the rules list as a whole: every rule is written back as read.
    await api.request('PATCH', `${where}?fieldManager=shipkit`, { spec: { rules } }, 'application/merge-patch+json');
  }

  async route(request: RouteRequest): Promise<void> {
    const weight = request.weight ?? 100;
    if (!Number.isInteger(weight) || weight < 0 || weight > 100) throw new ShipkitError(`The gateway-api router was asked for weight ${weight}: expected a whole percentage 0-100.`);
    const { rules } = await this.read();
    const other: SlotName = request.slot === 'blue' ? 'green' : 'blue';
    const next = structuredClone(rules);
    const want: Record<string, number> = { [this.options.backends[request.slot]]: weight, [this.options.backends[other]]: 100 - weight };
    next[this.options.rule]!.backendRefs = next[this.options.rule]!.backendRefs!.map((ref) => ({ ...ref, weight: want[ref.name] }));
    try {
      await this.write(next);
      const split = await this.split();
      if (split?.[request.slot] !== weight) throw new ShipkitError(`HTTPRoute ${this.options.route} sends ${split?.[request.slot] ?? '?'}% to slot ${request.slot} after the change, not ${weight}%.`);
      runner.info(`HTTPRoute ${this.options.namespace}/${this.options.route} sends ${weight}% to ${request.slot} (${this.options.backends[request.slot]}) and ${100 - weight}% to ${other} (${this.options.backends[other]}).`);
    } catch (error) {
      try {
        await this.write(rules);
      } catch (restoreError) {
        runner.error(`Could not put the rules of HTTPRoute ${this.options.route} back: ${errorMessage(restoreError)}`);
      }
      throw error instanceof ShipkitError ? error : new ShipkitError(`Could not change HTTPRoute ${this.options.route}: ${errorMessage(error)}`);
    }
  }
}
