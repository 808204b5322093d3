export * from './types.js';
export { newRecordId, recordIdTime, compactTime, RECORD_ID, recordName, parseRecordName, SEQ_DIGITS } from './ids.js';
export { deriveState, sortRecords, compareRecords, idleSlot, otherSlot, releasesInUse, splitWeights, isGoodRelease, rollbackTargetFor, commitOf, imagesOf, taskDefinitionsOf, ABANDON_AFTER_MS } from './derive.js';
export { parseStateLocation, joinKey, ledgerPrefix, releasePrefix, type StateLocation } from './location.js';
export { Ledger, Operation, openLedger, runInfoFromEnv, type AppendOptions, type LedgerOptions, type RunInfo } from './ledger.js';
export { EnvironmentLease, LeaseLostError, isLeaseLost, describeHolder, leaseDuration, leaseTimeLeft, DEFAULT_LEASE_EXPIRY_MS, DEFAULT_LOCK_TIMEOUT_MS, type LeaseHolder, type LeaseOptions } from './lease.js';
export { formatStatus, formatWeights } from './status.js';
