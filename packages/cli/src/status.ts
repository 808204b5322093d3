/**
 * What `shipkit status` and `shipkit history` read: every environment's ledger in the state store
 * named by the config, with the AWS (or Azure) credentials of the shell, as the actions read it.
 * Read-only: nothing here writes.
 */
import { loadConfig, ShipkitError } from '@shipkit/core';
import { resolveEnvironment } from '@shipkit/environments';
import { formatStatus, openLedger, type LedgerRecord, type LedgerState } from '@shipkit/ledger';
import { createObjectStore } from '@shipkit/stores';

export interface EnvironmentLedger {
  name: string;
  url?: string;
  state: LedgerState;
  records: LedgerRecord[];
}

/** The ledgers of the config's environments (or of `only`), in the config's order. */
export async function readLedgers(options: { config?: string; workspace: string; only?: string }): Promise<EnvironmentLedger[]> {
  const loaded = loadConfig(options.config, options.workspace);
  if (!loaded) throw new ShipkitError(`No config file ${options.config ?? '.github/shipkit.yml'} in ${options.workspace}: run in your repository or pass --config.`);
  const names = options.only ? [options.only] : Object.keys(loaded.config.environments ?? {});
  const result: EnvironmentLedger[] = [];
  for (const name of names) {
    const env = resolveEnvironment(loaded, name, {}, options.workspace);
    const client = createObjectStore({ region: env.aws.region, endpoint: env.aws.endpoint, forcePathStyle: env.aws.forcePathStyle });
    const ledger = await openLedger({ state: env.state, app: env.app, environment: name, client, run: {} });
    const records = await ledger.records();
    result.push({ name, url: env.url, state: await ledger.state(), records });
  }
  return result;
}

/** `shipkit status` as lines: each environment's live release, slots, previous good, open canaries, last records. */
export async function status(options: { config?: string; environment?: string; last?: number; workspace?: string }): Promise<string[]> {
  const ledgers = await readLedgers({ config: options.config, workspace: options.workspace ?? process.cwd(), only: options.environment });
  return ledgers.flatMap(({ name, url, state, records }) => [...formatStatus(name, state, records, { last: options.last, url }), '']);
}

/** `shipkit status --json`: the same as data. */
export function statusJson(ledgers: readonly EnvironmentLedger[], last = 5) {
  return ledgers.map(({ name, url, state, records }) => ({
    environment: name,
    url,
    live: state.live ?? null,
    previous: state.previous ?? null,
    slots: state.slots,
    canary: state.canary ?? null,
    open: state.open,
    lastRecords: records.slice(-last),
  }));
}
