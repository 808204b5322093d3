import v8 from 'node:v8';
import vm from 'node:vm';

let collector: (() => void) | null | undefined;

/**
 * The heap in use above which a long transfer (hashing, uploading or copying tens of thousands of
 * files) collects. Their live data is 20-40 MB with 20,000 files; V8 lets the garbage grow to
 * about twice that before it collects on its own, and each collection here costs 10-30 ms.
 */
export const TRANSFER_HEAP_BYTES = 48 * 1024 * 1024;

/**
 * Keeps a long transfer's memory bounded: when the heap in use passes `thresholdBytes`, runs a
 * full garbage collection. V8 otherwise lets garbage from tens of thousands of short requests (the
 * AWS SDK allocates per request, and in-flight requests outlive the young generation) pile up to
 * several hundred MB before it collects; an action runner has no flags to set, so the collector is
 * reached the way Node documents for it (`--expose-gc`, set at run time, and `gc` from a new context).
 */
export function collectGarbageAbove(thresholdBytes: number): boolean {
  if (process.memoryUsage().heapUsed < thresholdBytes) return false;
  if (collector === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collector = vm.runInNewContext('gc') as () => void;
    } catch {
      collector = null;
    }
  }
  collector?.();
  return !!collector;
}
