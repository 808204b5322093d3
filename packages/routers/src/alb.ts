import {
  DescribeListenersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
  ModifyRuleCommand,
  type Action,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { runner, awsClientSettings, errorMessage, invalidInput, ShipkitError, sleep, type AwsClientOptions } from '@shipkit/core';
import { SLOT_NAMES, type SlotName } from '@shipkit/ledger';
import type { RouteRequest, Router } from './types.js';

const PARTITION = 'arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}';
export const LISTENER_ARN = new RegExp(`^${PARTITION}:listener/(app|net)/[A-Za-z0-9-]+/[0-9a-f]+/[0-9a-f]+$`);
export const RULE_ARN = new RegExp(`^${PARTITION}:listener-rule/(app|net)/[A-Za-z0-9-]+/[0-9a-f]+/[0-9a-f]+/[0-9a-f]+$`);
export const TARGET_GROUP_ARN = new RegExp(`^${PARTITION}:targetgroup/[A-Za-z0-9-]+/[0-9a-f]+$`);

/** Checks an ELBv2 ARN before anything is sent, naming the field and what was expected. */
export function validateArn(value: string | undefined, pattern: RegExp, field: string, example: string): string {
  if (!value || !pattern.test(value)) throw invalidInput(field, value ?? '', `an ARN such as ${example}`);
  return value;
}

export function createElbv2Client(options: AwsClientOptions & { region?: string } = {}): ElasticLoadBalancingV2Client {
  return new ElasticLoadBalancingV2Client({ ...awsClientSettings('ELASTIC_LOAD_BALANCING_V2', options), ...(options.region ? { region: options.region } : {}) });
}

export interface AlbRouterOptions {
  environment: string;
  client: ElasticLoadBalancingV2Client;
  listenerArn: string;
  /** A listener rule to switch instead of the listener's default action. */
  ruleArn?: string;
  /** Each slot's target group. */
  targetGroups: Record<SlotName, string>;
  /** The config fields naming each slot's target group, for errors (default slots.<slot>.target-group-arn). */
  targetGroupFields?: Record<SlotName, string>;
  /** Attempts of an abort (all traffic back) before it gives up (default 5; 1 s, 2 s, 4 s... apart). */
  abortAttempts?: number;
  abortDelayMs?: number;
}

/** An AWS error that retrying cannot fix: the credentials lack the permission, or the request is invalid. */
function isPermanent(error: unknown): boolean {
  const name = (error as { name?: string; Code?: string }).name ?? '';
  return /AccessDenied|UnauthorizedOperation|NotAuthorized|InvalidClientTokenId|ValidationError|NotFound|InvalidConfigurationRequest/.test(name);
}

/**
 * An action as it must be sent back: DescribeListeners/DescribeRules never return an
 * authenticate-oidc action's client secret, so it is sent with UseExistingClientSecret (AWS
 * refuses the action otherwise). Every other field is sent as it was read.
 */
export function forWrite(action: Action): Action {
  const oidc = action.AuthenticateOidcConfig;
  if (oidc && !oidc.ClientSecret) return { ...action, AuthenticateOidcConfig: { ...oidc, UseExistingClientSecret: true } };
  return action;
}

/**
 * The forward action `action` becomes when it sends `groups` (percent weights): every other field
 * (ForwardConfig.TargetGroupStickinessConfig, Order...) is carried over. A plain TargetGroupArn
 * stays plain for a single group; otherwise ForwardConfig carries the groups.
 */
export function forwardTo(action: Action, groups: Array<{ arn: string; weight: number }>): Action {
  const { TargetGroupArn: _plain, ...rest } = action;
  if (groups.length === 1 && !action.ForwardConfig) return { ...rest, TargetGroupArn: groups[0].arn };
  return { ...rest, ForwardConfig: { ...action.ForwardConfig, TargetGroups: groups.map((group) => ({ TargetGroupArn: group.arn, Weight: group.weight })) } };
}

/** The target groups and weights a forward action sends to (a plain TargetGroupArn is weight 1). */
function forwardTargets(action: Action): Array<{ arn: string; weight: number }> {
  if (action.ForwardConfig?.TargetGroups?.length) return action.ForwardConfig.TargetGroups.map((group) => ({ arn: group.TargetGroupArn ?? '', weight: group.Weight ?? 1 }));
  return action.TargetGroupArn ? [{ arn: action.TargetGroupArn, weight: 1 }] : [];
}

/**
 * Blue-green on an Application Load Balancer: a switch sets the listener's default forward action
 * (or one rule's, with `rule-arn`) to the slot's target group; a canary step sets weighted target
 * groups. Other actions (authentication before the forward, sent back with
 * UseExistingClientSecret) and every other field of the forward (stickiness) are kept. The change
 * is read back; if it did not take, or reading it back fails, the previous actions are put back and
 * the switch fails — except for an abort (all traffic back after a failed canary step), which is
 * retried until it reads back and never puts the split back.
 */
export class AlbRouter implements Router {
  readonly type = 'alb' as const;
  readonly description: string;
  readonly weighted = true;

  constructor(private readonly options: AlbRouterOptions) {
    this.description = options.ruleArn ? `ALB listener rule ${options.ruleArn}` : `ALB listener ${options.listenerArn}`;
  }

  private async readActions(): Promise<Action[]> {
    try {
      if (this.options.ruleArn) {
        const rules = await this.options.client.send(new DescribeRulesCommand({ RuleArns: [this.options.ruleArn] }));
        const rule = rules.Rules?.[0];
        if (!rule) throw new Error('no such rule');
        return rule.Actions ?? [];
      }
      const listeners = await this.options.client.send(new DescribeListenersCommand({ ListenerArns: [this.options.listenerArn] }));
      const listener = listeners.Listeners?.[0];
      if (!listener) throw new Error('no such listener');
      return listener.DefaultActions ?? [];
    } catch (error) {
      throw new ShipkitError(`Could not read ${this.description}: ${errorMessage(error)}`, {
        cause: error,
        hint: `Check router.${this.options.ruleArn ? 'rule-arn' : 'listener-arn'} and that the credentials allow elasticloadbalancing:${this.options.ruleArn ? 'DescribeRules' : 'DescribeListeners'}.`,
      });
    }
  }

  private async writeActions(actions: Action[]): Promise<void> {
    const sent = actions.map(forWrite);
    if (this.options.ruleArn) await this.options.client.send(new ModifyRuleCommand({ RuleArn: this.options.ruleArn, Actions: sent }));
    else await this.options.client.send(new ModifyListenerCommand({ ListenerArn: this.options.listenerArn, DefaultActions: sent }));
  }

  /**
   * Read-only, before anything changes: the listener exists, and each slot's target group exists
   * and is free or already on the listener's load balancer (AWS refuses a forward to another
   * load balancer's group only at switch time, after the deploy). Permission errors are errors.
   */
  async validate(): Promise<void> {
    const fields = this.options.targetGroupFields ?? { blue: 'slots.blue.target-group-arn', green: 'slots.green.target-group-arn' };
    let loadBalancerArn: string | undefined;
    try {
      const listeners = await this.options.client.send(new DescribeListenersCommand({ ListenerArns: [this.options.listenerArn] }));
      loadBalancerArn = listeners.Listeners?.[0]?.LoadBalancerArn;
      if (!listeners.Listeners?.[0]) throw new Error('no such listener');
    } catch (error) {
      throw new ShipkitError(`Could not read ALB listener ${this.options.listenerArn}: ${errorMessage(error)}`, { hint: 'Check router.listener-arn and that the credentials allow elasticloadbalancing:DescribeListeners.' });
    }
    for (const slot of SLOT_NAMES) {
      const arn = this.options.targetGroups[slot];
      let group;
      try {
        group = (await this.options.client.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [arn] }))).TargetGroups?.[0];
      } catch (error) {
        if (/TargetGroupNotFound/.test((error as { name?: string }).name ?? '')) group = undefined;
        else throw new ShipkitError(`Could not read target group ${arn} (${fields[slot]}): ${errorMessage(error)}`, { hint: 'The credentials need elasticloadbalancing:DescribeTargetGroups.' });
      }
      if (!group) throw new ShipkitError(`${fields[slot]} is ${JSON.stringify(arn)}, and no such target group exists (DescribeTargetGroups); expected the ARN of slot ${slot}'s target group on the listener's load balancer.`);
      const attached = group.LoadBalancerArns ?? [];
      if (loadBalancerArn && attached.length && !attached.includes(loadBalancerArn)) {
        throw new ShipkitError(`${fields[slot]} is ${JSON.stringify(arn)}, which belongs to load balancer ${attached.join(', ')}, not to the listener's ${loadBalancerArn}; expected a target group of the listener's load balancer (or one not yet attached).`);
      }
    }
  }

  private slotOf(arn: string): SlotName | undefined {
    return SLOT_NAMES.find((slot) => this.options.targetGroups[slot] === arn);
  }

  /** The forward action and the share (percent) of each slot, refusing a forward to a target group that is neither slot's. */
  private inspect(actions: Action[]): { index: number; shares: Partial<Record<SlotName, number>> } {
    const index = actions.findIndex((action) => action.Type === 'forward');
    if (index < 0) {
      throw new ShipkitError(`${this.description} has no forward action (its actions: ${actions.map((action) => action.Type).join(', ') || 'none'}); the alb router switches a forward action between the slots' target groups.`);
    }
    const targets = forwardTargets(actions[index]).filter((target) => target.weight > 0);
    const foreign = targets.filter((target) => !this.slotOf(target.arn));
    if (foreign.length) {
      throw new ShipkitError(
        `${this.description} forwards to ${foreign.map((target) => target.arn).join(', ')}, which is neither slot's target group (blue: ${this.options.targetGroups.blue}, green: ${this.options.targetGroups.green}); refusing to replace a forward shipkit does not own.`,
        { hint: `Point the ${this.options.ruleArn ? 'rule' : "listener's default action"} at one slot's target group once (or set slots.<slot>.target-group-arn to the groups it uses); shipkit moves it between the two.` },
      );
    }
    const total = targets.reduce((sum, target) => sum + target.weight, 0);
    const shares: Partial<Record<SlotName, number>> = {};
    for (const target of targets) shares[this.slotOf(target.arn)!] = Math.round((target.weight / total) * 100);
    return { index, shares };
  }

  async live(): Promise<SlotName | undefined> {
    const shares = await this.split();
    const live = SLOT_NAMES.filter((slot) => (shares[slot] ?? 0) > 0);
    return live.length === 1 ? live[0] : undefined;
  }

  async split(): Promise<Partial<Record<SlotName, number>>> {
    return this.inspect(await this.readActions()).shares;
  }

  async route(request: RouteRequest): Promise<void> {
    if (request.abort) return this.abort(request.slot);
    const { slot } = request;
    const weight = request.weight ?? 100;
    const before = await this.readActions();
    const { index } = this.inspect(before);
    const other = request.previous && request.previous !== slot ? request.previous : undefined;
    if (weight < 100 && !other) throw new ShipkitError(`A ${weight}% step to ${slot} needs the other slot live (the rest of the traffic stays there), and none is.`);
    const groups = weight < 100 ? [{ arn: this.options.targetGroups[other!], weight: 100 - weight }, { arn: this.options.targetGroups[slot], weight }] : [{ arn: this.options.targetGroups[slot], weight: 100 }];
    const actions = before.map((action, position) => (position === index ? forwardTo(action, groups) : action));
    const wanted: Partial<Record<SlotName, number>> = weight < 100 ? { [slot]: weight, [other!]: 100 - weight } : { [slot]: 100 };
    try {
      await this.writeActions(actions);
      await this.readBack(wanted);
    } catch (error) {
      let restored = 'its previous actions were put back';
      try {
        await this.writeActions(before);
      } catch (restoreError) {
        restored = `putting its previous actions back failed too (${errorMessage(restoreError)}); check it now`;
      }
      throw new ShipkitError(`Could not point ${this.description} at ${slot}${weight < 100 ? ` (${weight}%)` : ''}: ${errorMessage(error)}; ${restored}.`, {
        hint: `The credentials need elasticloadbalancing:${this.options.ruleArn ? 'ModifyRule and DescribeRules' : 'ModifyListener and DescribeListeners'}.`,
      });
    }
    runner.info(weight < 100 ? `${this.description} now forwards ${weight}% to ${slot} and ${100 - weight}% to ${other}.` : `${this.description} now forwards to ${slot} (${this.options.targetGroups[slot]}).`);
  }

  private async readBack(wanted: Partial<Record<SlotName, number>>): Promise<void> {
    const now = this.inspect(await this.readActions()).shares;
    const matches = SLOT_NAMES.every((name) => (now[name] ?? 0) === (wanted[name] ?? 0));
    if (!matches) throw new Error(`read back ${JSON.stringify(now)}, expected ${JSON.stringify(wanted)}`);
  }

  /**
   * All traffic to `slot` after a failed canary step: written and read back, retried (throttling,
   * a read-back that fails) until it reads back or the attempts run out — and never "restored" to
   * the split it found, which would undo the abort. A permission error stops at once.
   */
  private async abort(slot: SlotName): Promise<void> {
    const attempts = this.options.abortAttempts ?? 5;
    const problems: string[] = [];
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const before = await this.readActions();
        const { index, shares } = this.inspect(before);
        if (shares[slot] === 100) {
          runner.info(`${this.description} forwards all traffic to ${slot}.`);
          return;
        }
        await this.writeActions(before.map((action, position) => (position === index ? forwardTo(action, [{ arn: this.options.targetGroups[slot], weight: 100 }]) : action)));
        await this.readBack({ [slot]: 100 });
        runner.info(`${this.description} now forwards all traffic to ${slot} (${this.options.targetGroups[slot]}).`);
        return;
      } catch (error) {
        problems.push(`attempt ${attempt}: ${errorMessage(error)}`);
        if (isPermanent(error) || isPermanent((error as { cause?: unknown }).cause) || attempt === attempts) break;
        await sleep((this.options.abortDelayMs ?? 1000) * 2 ** (attempt - 1));
      }
    }
    throw new ShipkitError(`Could not send all traffic of ${this.description} back to ${slot}: ${problems.join('; ')}. Nothing was put back (the split it found is not restored).`, {
      hint: `The credentials need elasticloadbalancing:${this.options.ruleArn ? 'ModifyRule and DescribeRules' : 'ModifyListener and DescribeListeners'}.`,
    });
  }
}
