import { ShipkitError } from '@shipkit/core';
import type { SlotName } from '@shipkit/ledger';

export type { SlotName };

/** What a router is asked to do: send live traffic to `slot`. */
export interface RouteRequest {
  slot: SlotName;
  /** The slot live before this change, when known (the command router passes it to the user's command). */
  previous?: SlotName;
  /** The release the slot holds, when known (described to the command router's command). */
  release?: string;
  /** The release the previous slot holds (given to the command again when it restores the routing). */
  previousRelease?: string;
  /**
   * The share of live traffic (percent, 1-100) for `slot`; the rest stays on `previous`. Absent or
   * 100: all traffic to `slot` (a flip). Only asked of routers with `weighted: true`.
   */
  weight?: number;
  /** The share `previous` had before this request (a canary's earlier step), for a router that restores by re-running a command; default 100. */
  restoreWeight?: number;
  /**
   * Checks `slot` once it runs as it will take traffic, before any visitor moves — for a router
   * whose change has such a moment (App Service swap with preview: the slot restarted with
   * production's settings). A throw stops the change; the router undoes what it did and throws.
   */
  beforeTraffic?: () => Promise<void>;
  /**
   * An abort: all traffic back to `slot` after a failed canary step. A router retries it until
   * the change reads back, and never "restores" the split it found when it fails.
   */
  abort?: boolean;
}

/**
 * Moves live traffic of one environment between its two slots. `route` either completes or
 * restores the routing it found and throws: a failed flip leaves live traffic where it was.
 */
export interface Router {
  readonly type: 'nginx' | 'cloudfront' | 'command' | 'alb' | 'app-service-slots' | 'cloud-run' | 'k8s-service' | 'gateway-api';
  /** A short description for logs, e.g. `nginx include /etc/nginx/shipkit/staging.conf`. */
  readonly description: string;
  /**
   * Whether the router can split traffic between the slots (canary steps). When it cannot,
   * `weightedRefusal` says why and what to use instead.
   */
  readonly weighted: boolean;
  readonly weightedRefusal?: string;
  /**
   * The slot the router itself sends live traffic to, or undefined when it cannot tell (the
   * command router never can; nginx before its first switch). Callers fall back to the ledger.
   */
  live(): Promise<SlotName | undefined>;
  /** The share of traffic (percent) each slot gets, read back from the router; undefined when it cannot tell. */
  split?(): Promise<Partial<Record<SlotName, number>> | undefined>;
  /** Read-only checks before the lease and before anything is written (nginx: the include is shipkit's own). */
  validate?(): Promise<void>;
  /** Sends live traffic to `request.slot`. On failure restores the previous routing, then throws. */
  route(request: RouteRequest): Promise<void>;
}

/**
 * route() stopped waiting while the change it asked for was still running on the platform (an App
 * Service swap past the switch's timeout), and undoing it mid-way would be worse than waiting (a
 * reset mid-swap, then the swap lands anyway). The router restored nothing; it read back where
 * live traffic goes now (`routedAfter`, undefined when it cannot tell) so the caller records what
 * runs, and the change may still land.
 */
export class RouteStillRunningError extends ShipkitError {
  constructor(
    message: string,
    readonly routedAfter: SlotName | undefined,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'RouteStillRunningError';
  }
}
