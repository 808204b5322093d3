import { errorMessage, ShipkitError } from '@shipkit/core';
import { formatWeights, otherSlot, SLOT_NAMES, type LedgerState, type SlotName, type TrafficWeights } from '@shipkit/ledger';
import type { Router } from './types.js';

/** Where live traffic goes, from both sources that can know: the router's own reading and the ledger's open canary. */
export interface TrafficView {
  /** The router's reading (split(), else live() as 100%); undefined when it cannot tell (the command router). */
  router?: TrafficWeights;
  /** A canary the ledger keeps open (running, killed, or ended with traffic split): each slot's share. */
  ledger?: TrafficWeights;
}

/**
 * The router's reading of each slot's share: split() where the router has it, else live() as
 * 100% on one slot, else undefined (it cannot tell). Errors propagate: a safety check that cannot
 * read the router is not skipped.
 */
export async function routerWeights(router: Router): Promise<TrafficWeights | undefined> {
  if (router.split) return router.split();
  const live = await router.live();
  return live ? { [live]: 100 } : undefined;
}

/** The same, for recording after a failure: undefined (not an error) when the router cannot be read. */
export async function routerWeightsOrUndefined(router: Router): Promise<TrafficWeights | undefined> {
  try {
    return await routerWeights(router);
  } catch {
    return undefined;
  }
}

/** The shares the ledger's open canary gives each slot (its router's reading when it recorded one), or undefined. */
export function ledgerWeights(state: LedgerState): TrafficWeights | undefined {
  const canary = state.canary;
  if (!canary) return undefined;
  if (canary.weights) return canary.weights;
  return { [canary.slot]: canary.weight, [canary.from ?? otherSlot(canary.slot)]: 100 - canary.weight };
}

/** Whether more than one slot gets a share. */
export function isSplit(weights: TrafficWeights | undefined): boolean {
  return !!weights && SLOT_NAMES.filter((slot) => (weights[slot] ?? 0) > 0).length > 1;
}

/** Reads both views; a router that cannot be read is an error naming what the check needs. */
export async function readTraffic(router: Router | undefined, state: LedgerState, purpose: string): Promise<TrafficView> {
  let fromRouter: TrafficWeights | undefined;
  if (router) {
    try {
      fromRouter = await routerWeights(router);
    } catch (error) {
      throw new ShipkitError(`Could not read where ${router.description} sends live traffic, which ${purpose} must know: ${errorMessage(error)}`, {
        hint: (error as { hint?: string }).hint ?? 'Grant the read permission the router needs (see docs/aws-permissions.md), then run again.',
      });
    }
  }
  return { router: fromRouter, ledger: ledgerWeights(state) };
}

/** Describes a view for an error: `the router: blue 70%, green 30%; the ledger: ... (canary of v2 ...)`. */
export function describeTraffic(view: TrafficView, state: LedgerState): string {
  const parts: string[] = [];
  if (view.router) parts.push(`the router sends ${formatWeights(view.router)}`);
  if (view.ledger && state.canary) {
    const canary = state.canary;
    parts.push(`the ledger keeps the canary of ${canary.release} open (${formatWeights(view.ledger)}${canary.unresolved ? ', its abort did not return traffic to one slot' : ', its switch never ended'}, since ${canary.since}${canary.runUrl ? `, ${canary.runUrl}` : ''})`);
  }
  return parts.join('; ');
}

/** The share `slot` receives in either view (the larger), 0 when none. */
export function shareOf(view: TrafficView, slot: SlotName): number {
  return Math.max(view.router?.[slot] ?? 0, view.ledger?.[slot] ?? 0);
}

/**
 * Refuses to install into (or otherwise change) a slot that receives any live traffic — an open
 * canary, or the router giving it a share — naming the weights and the way out.
 */
export function refuseSlotWithTraffic(options: { environment: string; slot: SlotName; view: TrafficView; state: LedgerState; doing: string }): void {
  const { slot, view, state } = options;
  if (shareOf(view, slot) <= 0) return;
  const other = otherSlot(slot);
  throw new ShipkitError(`Refusing to ${options.doing} slot ${slot} of ${options.environment}: it receives live traffic (${describeTraffic(view, state)}). Nothing was installed or changed.`, {
    hint: `Put all traffic on one slot first: run rollback (all traffic back to ${state.live?.slot ?? other}), or blue-green-switch to: ${slot} with steps: 100 (a switch that completes), then run this again.`,
  });
}

/** Whether traffic is split (either view), for callers that must not treat one slot as live. */
export function trafficSplit(view: TrafficView): boolean {
  return isSplit(view.router) || isSplit(view.ledger);
}
