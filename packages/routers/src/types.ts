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
}

/**
 * Moves live traffic of one environment between its two slots. `route` either completes or
 * restores the routing it found and throws: a failed flip leaves live traffic where it was.
 */
export interface Router {
  readonly type: 'nginx' | 'cloudfront' | 'command';
  /** A short description for logs, e.g. `nginx include /etc/nginx/shipkit/staging.conf`. */
  readonly description: string;
  /**
   * The slot the router itself sends live traffic to, or undefined when it cannot tell (the
   * command router never can; nginx before its first switch). Callers fall back to the ledger.
   */
  live(): Promise<SlotName | undefined>;
  /** Sends live traffic to `request.slot`. On failure restores the previous routing, then throws. */
  route(request: RouteRequest): Promise<void>;
}
