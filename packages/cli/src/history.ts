/**
 * DORA figures from an environment's ledger: how often a release went live, how long from its
 * commit to live (where the deploy recorded its commit and the commit's time is known), how many
 * changes failed (rolled back, or their smoke test failed), and how long it took to restore.
 */
import { commitOf, type LedgerRecord, type LedgerState } from '@shipkit/ledger';

export interface DoraFigures {
  environment: string;
  /** The window: from `since` to `until` (ISO times). */
  since: string;
  until: string;
  days: number;
  /** Changes of the live release by a deploy or a switch (rollbacks are restorations, not deployments). */
  deployments: number;
  perDay: number;
  /** Median commit-to-live of the deployments whose commit time is known, in ms (undefined: none known). */
  leadTimeMs?: number;
  leadTimeSamples: number;
  /** Deployments rolled back afterwards or whose latest smoke test failed. */
  failedChanges: number;
  changeFailureRate?: number;
  /** Median time from a failed change going live to the next change restoring service, in ms. */
  timeToRestoreMs?: number;
  restores: number;
}

/** `45s`, `12m`, `3.5h`, `2.1d` */
export function formatDuration(ms: number): string {
  const units: Array<[number, string]> = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'm'], [1000, 's']];
  for (const [size, unit] of units) {
    if (ms >= size) {
      const value = ms / size;
      return `${Number(value.toFixed(value < 10 ? 1 : 0))}${unit}`;
    }
  }
  return `${Math.round(ms)}ms`;
}

const median = (values: number[]): number | undefined => {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export function doraFigures(
  state: LedgerState,
  records: readonly LedgerRecord[],
  options: { now?: Date; days?: number; commitTime?: (sha: string) => Date | undefined } = {},
): DoraFigures {
  const until = options.now ?? new Date();
  const days = options.days ?? 30;
  const since = new Date(until.getTime() - days * 86_400_000);
  const inWindow = state.history.filter((change) => new Date(change.since) >= since && new Date(change.since) <= until);
  const deployments = inWindow.filter((change) => change.type !== 'rollback');
  const leadTimes: number[] = [];
  for (const change of deployments) {
    const commit = commitOf(records, change.release);
    const committed = commit ? options.commitTime?.(commit) : undefined;
    if (committed) leadTimes.push(Math.max(0, new Date(change.since).getTime() - committed.getTime()));
  }
  let failedChanges = 0;
  const restoreTimes: number[] = [];
  for (const change of deployments) {
    const index = state.history.indexOf(change);
    const next = state.history[index + 1];
    const rolledBack = next?.type === 'rollback' || state.releases[change.release]?.rolledBack === true;
    const smokeFailed = state.releases[change.release]?.smokePassed === false;
    if (!rolledBack && !smokeFailed) continue;
    failedChanges++;
    if (next) restoreTimes.push(new Date(next.since).getTime() - new Date(change.since).getTime());
  }
  return {
    environment: state.environment,
    since: since.toISOString(),
    until: until.toISOString(),
    days,
    deployments: deployments.length,
    perDay: deployments.length / days,
    leadTimeMs: median(leadTimes),
    leadTimeSamples: leadTimes.length,
    failedChanges,
    changeFailureRate: deployments.length ? failedChanges / deployments.length : undefined,
    timeToRestoreMs: median(restoreTimes),
    restores: restoreTimes.length,
  };
}

/** The figures as lines a person reads. */
export function formatDora(figures: DoraFigures): string[] {
  const perWeek = figures.perDay * 7;
  const rate = figures.changeFailureRate === undefined ? 'n/a (no deployments)' : `${Math.round(figures.changeFailureRate * 100)}% (${figures.failedChanges} of ${figures.deployments})`;
  return [
    `${figures.environment} — the last ${figures.days} days (${figures.since.slice(0, 10)} to ${figures.until.slice(0, 10)})`,
    `  deployment frequency: ${figures.deployments} deployment(s), ${Number(perWeek.toFixed(perWeek < 10 ? 1 : 0))} per week`,
    `  lead time for changes: ${figures.leadTimeMs === undefined ? 'n/a (no deployment recorded a commit whose time is known here: run in the repository\'s checkout)' : `${formatDuration(figures.leadTimeMs)} (median of ${figures.leadTimeSamples})`}`,
    `  change failure rate: ${rate}`,
    `  time to restore service: ${figures.timeToRestoreMs === undefined ? 'n/a (nothing to restore)' : `${formatDuration(figures.timeToRestoreMs)} (median of ${figures.restores})`}`,
  ];
}
