import { isEntryDocument } from './content-types.js';
import type { ManifestEntry } from './remote.js';

/** A file that should be in the prefix after the transfer. */
export interface DesiredFile {
  /** Key relative to the prefix. */
  key: string;
  size: number;
  sha256: string;
  contentType: string;
  cacheControl?: string;
  /** Set for files stored compressed (`.svgz`: gzip); absent for the rest. */
  contentEncoding?: string;
}

/** What the remote prefix holds for a key, as far as shipkit can tell. */
export interface RemoteFile {
  key: string;
  size: number;
  etag?: string;
  /** Hash and headers, when known from a trusted manifest entry or the object's metadata. */
  known?: ManifestEntry;
}

export type PlanAction = 'upload' | 'copy' | 'skip' | 'delete' | 'retain';
export type PlanReason = 'new' | 'changed' | 'headers' | 'unchanged' | 'stale' | 'stale-retained';

export interface PlanEntry {
  action: PlanAction;
  /** Key relative to the prefix. */
  key: string;
  size: number;
  reason: PlanReason;
  /** 0 asset, 1 manifest/service worker, 2 HTML: written in this order, each rank after the one before. */
  rank: 0 | 1 | 2;
}

/**
 * What happens to remote files the new set does not have: deleted (true), kept (false), kept once
 * then deleted ('deferred'), or deleted only when shipkit put them there ('owned': listed by the
 * prefix's previous manifest); anything else in the prefix is left alone.
 */
export type DeleteStale = boolean | 'deferred' | 'owned';

/** Write rank of a key: assets first, then manifests and service workers, HTML last. */
export function rankOf(key: string): 0 | 1 | 2 {
  if (!isEntryDocument(key)) return 0;
  return /\.(html?|xhtml)$/i.test(key) ? 2 : 1;
}

function sameHeaders(desired: DesiredFile, known: ManifestEntry): boolean {
  return (
    (known.contentType ?? desired.contentType) === desired.contentType &&
    (known.cacheControl ?? '') === (desired.cacheControl ?? '') &&
    (known.contentEncoding ?? '') === (desired.contentEncoding ?? '')
  );
}

/**
 * Plans a transfer by content: a desired file whose sha256, size and headers match what the
 * remote side is known to hold is skipped; the rest are written (`write` says whether by upload
 * or server-side copy) in rank order; remote files nobody wants are deleted (deleteStale true),
 * kept (false), or kept once and deleted on the next transfer ('deferred': `retained` lists the
 * keys already kept once).
 */
export function planTransfer(
  desired: readonly DesiredFile[],
  remote: ReadonlyMap<string, RemoteFile>,
  options: { write: 'upload' | 'copy'; deleteStale?: DeleteStale; retained?: ReadonlySet<string>; owned?: ReadonlySet<string> },
): PlanEntry[] {
  const writes: PlanEntry[] = [];
  const skips: PlanEntry[] = [];
  const wanted = new Set<string>();
  for (const file of desired) {
    wanted.add(file.key);
    const there = remote.get(file.key);
    const rank = rankOf(file.key);
    if (!there) {
      writes.push({ action: options.write, key: file.key, size: file.size, reason: 'new', rank });
    } else if (!there.known || there.known.sha256 !== file.sha256 || there.size !== file.size) {
      writes.push({ action: options.write, key: file.key, size: file.size, reason: 'changed', rank });
    } else if (!sameHeaders(file, there.known)) {
      writes.push({ action: options.write, key: file.key, size: file.size, reason: 'headers', rank });
    } else {
      skips.push({ action: 'skip', key: file.key, size: file.size, reason: 'unchanged', rank });
    }
  }
  const stale: PlanEntry[] = [];
  const deleteStale = options.deleteStale ?? false;
  if (deleteStale !== false) {
    for (const [key, there] of [...remote].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (wanted.has(key)) continue;
      if (deleteStale === 'owned' && !options.owned?.has(key)) continue;
      const deleteNow = deleteStale === true || deleteStale === 'owned' || !!options.retained?.has(key);
      stale.push({ action: deleteNow ? 'delete' : 'retain', key, size: there.size, reason: deleteNow ? 'stale' : 'stale-retained', rank: 0 });
    }
  }
  writes.sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return [...writes, ...stale, ...skips];
}

export interface PlanCounts {
  upload: number;
  copy: number;
  skip: number;
  delete: number;
  retain: number;
  writeBytes: number;
}

/** The keys a plan writes or deletes (what a CDN cache must forget). */
export function changedKeys(entries: readonly PlanEntry[]): string[] {
  return entries.filter((entry) => entry.action === 'copy' || entry.action === 'upload' || entry.action === 'delete').map((entry) => entry.key);
}

export function countPlan(entries: readonly PlanEntry[]): PlanCounts {
  const counts: PlanCounts = { upload: 0, copy: 0, skip: 0, delete: 0, retain: 0, writeBytes: 0 };
  for (const entry of entries) {
    counts[entry.action]++;
    if (entry.action === 'upload' || entry.action === 'copy') counts.writeBytes += entry.size;
  }
  return counts;
}
