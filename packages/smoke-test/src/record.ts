import type { S3Client } from '@aws-sdk/client-s3';
import { ShipkitError, errorMessage, type LoadedConfig } from '@shipkit/core';
import { openLedger, type Ledger, type LedgerRecord, type SlotName } from '@shipkit/ledger';
import { createObjectStore } from '@shipkit/stores';
import type { SmokeReport } from '@shipkit/checks';

export interface SmokeTarget {
  environment: string;
  slot?: SlotName;
  /** The release under test when it is known (what the slot, or the live location, held at the start). */
  release?: string;
}

/** The ledger of the environment named by the config's `state` and `app`. */
export async function ledgerFor(loaded: LoadedConfig, environment: string, client?: S3Client): Promise<Ledger> {
  const { config } = loaded;
  if (!config.state) throw new ShipkitError(`${loaded.file} has no "state" (s3://bucket/prefix), so there is no ledger to record the smoke result in.`);
  return openLedger({
    state: config.state,
    app: config.app,
    environment,
    client: client ?? createObjectStore({ region: config.aws?.region, endpoint: config.aws?.endpoint, forcePathStyle: config.aws?.['force-path-style'] }),
  });
}

/**
 * Reads which release is under test before any request: the slot's release for a slot, the live
 * release otherwise. Recording it lets the ledger ignore the result if the slot was reinstalled
 * meanwhile. Also proves the state store is reachable before the checks run.
 */
export async function releaseUnderTest(ledger: Ledger, slot?: SlotName): Promise<string | undefined> {
  try {
    const state = await ledger.state();
    return slot ? state.slots[slot]?.release : state.live?.release;
  } catch (error) {
    throw new ShipkitError(`Could not read the ledger to record the smoke result: ${errorMessage(error)}`, {
      hint: 'Check the config\'s state location and the AWS credentials of this job.',
    });
  }
}

/** Appends the smoke result (passed/failed, release, slot, a short summary) to the ledger. The report must already be redacted. */
export async function recordSmoke(ledger: Ledger, target: SmokeTarget, report: SmokeReport): Promise<LedgerRecord> {
  const failed = report.checks.filter((check) => !check.passed);
  return ledger.recordSmokeResult({
    passed: report.passed,
    slot: target.slot,
    release: target.release,
    url: report.checks[0]?.url,
    reason: failed.length ? failed.map((check) => `${check.name}: ${check.failures[0] ?? 'failed'}`).join('; ').slice(0, 1000) : undefined,
    details: {
      checks: report.checks.length,
      failedChecks: report.failedChecks,
      durationMs: report.durationMs,
      samples: report.settings.samples,
    },
  });
}
