import { randomBytes } from 'node:crypto';
import { CloudFrontClient, CreateInvalidationCommand, GetInvalidationCommand, type CloudFrontClientConfig } from '@aws-sdk/client-cloudfront';
import { runner, awsClientSettings, errorMessage, retry, ShipkitError, sleep as defaultSleep, type AwsClientOptions } from '@shipkit/core';
import { batchInvalidationPaths, MAX_PATHS_IN_PROGRESS, MAX_WILDCARDS_IN_PROGRESS, normalizeInvalidationPaths } from './paths.js';

export interface CloudFrontClientOptions extends AwsClientOptions {
  /** CloudFront is global; the SDK signs for us-east-1 (default). */
  region?: string;
}

/** A CloudFront client (endpoint, retries and credentials as every shipkit AWS client: @shipkit/core's awsClientSettings). */
export function createCloudFrontClient(options: CloudFrontClientOptions = {}): CloudFrontClient {
  const config: CloudFrontClientConfig = { ...awsClientSettings('CLOUDFRONT', options), region: options.region || 'us-east-1' };
  return new CloudFrontClient(config);
}

export interface InvalidateOptions {
  /** Wait until every invalidation is Completed (default false; batches beyond the first always wait for the one before). */
  wait?: boolean;
  /** Give up waiting after this long (default 20 minutes). */
  waitTimeoutMs?: number;
  /** Poll interval while waiting (default 10 s). */
  pollIntervalMs?: number;
  /** Retries of CreateInvalidation on TooManyInvalidationsInProgress/throttling (default 8, backoff from 5 s to 60 s). */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Limits per batch (default CloudFront's: 3,000 paths, 15 wildcards). */
  maxPaths?: number;
  maxWildcards?: number;
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface InvalidationResult {
  /** One per batch, in order. */
  invalidations: Array<{ id: string; paths: string[]; status: string }>;
  /** The de-duplicated paths that were invalidated. */
  paths: string[];
}

const RETRYABLE_CODES = new Set(['TooManyInvalidationsInProgress', 'Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'ServiceUnavailable']);

function errorCode(error: unknown): string {
  const e = error as { name?: string; Code?: string };
  return e?.Code ?? e?.name ?? '';
}

export function isRetryableInvalidationError(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode ?? 0;
  return RETRYABLE_CODES.has(errorCode(error)) || status >= 500;
}

/**
 * Invalidates paths on a distribution within CloudFront's limits: paths de-duplicated, split into
 * batches of at most 3,000 paths / 15 wildcards; each later batch waits for the one before to
 * complete (the limits count invalidations in progress); CreateInvalidation is retried with
 * backoff on TooManyInvalidationsInProgress and throttling, reusing its CallerReference so a
 * retry can never create a duplicate. With `wait`, returns once every batch is Completed.
 */
export async function invalidatePaths(client: CloudFrontClient, distributionId: string, paths: readonly string[], options: InvalidateOptions = {}): Promise<InvalidationResult> {
  if (!/^[A-Z0-9]+$/.test(distributionId)) {
    throw new ShipkitError(`Input "distribution-id" has an invalid value ${JSON.stringify(distributionId)}: expected a CloudFront distribution id such as E2QWRUHEXAMPLE.`);
  }
  const unique = normalizeInvalidationPaths(paths);
  const log = options.log ?? runner.info;
  const sleep = options.sleep ?? defaultSleep;
  const batches = batchInvalidationPaths(unique, { maxPaths: options.maxPaths ?? MAX_PATHS_IN_PROGRESS, maxWildcards: options.maxWildcards ?? MAX_WILDCARDS_IN_PROGRESS });
  const result: InvalidationResult = { invalidations: [], paths: unique };
  const reference = `shipkit-${Date.now()}-${randomBytes(4).toString('hex')}`;
  for (const [index, batch] of batches.entries()) {
    const callerReference = `${reference}-${index + 1}`;
    const created = await retry(
      async () => client.send(new CreateInvalidationCommand({ DistributionId: distributionId, InvalidationBatch: { CallerReference: callerReference, Paths: { Quantity: batch.length, Items: batch } } })),
      {
        attempts: options.attempts ?? 8,
        baseDelayMs: options.baseDelayMs ?? 5000,
        maxDelayMs: options.maxDelayMs ?? 60_000,
        retryable: isRetryableInvalidationError,
        sleep,
        onRetry: (error, attempt, delay) => log(`CloudFront refused the invalidation for now (${errorCode(error) || errorMessage(error)}); retry ${attempt} in ${Math.round(delay / 1000)}s`),
      },
    ).catch((error: unknown) => {
      throw new ShipkitError(`Could not invalidate ${batch.length} path(s) on CloudFront distribution ${distributionId}: ${errorCode(error) ? `${errorCode(error)}: ` : ''}${errorMessage(error)}`, {
        hint: isRetryableInvalidationError(error)
          ? 'CloudFront kept refusing (too many invalidations in progress or throttling); re-run later, the published files are already in place.'
          : 'Check the distribution id and that the credentials allow cloudfront:CreateInvalidation.',
        cause: error,
      });
    });
    const id = created.Invalidation?.Id ?? '';
    const entry = { id, paths: batch, status: created.Invalidation?.Status ?? 'InProgress' };
    result.invalidations.push(entry);
    log(`CloudFront invalidation ${id} for ${batch.length} path(s)${batches.length > 1 ? ` (batch ${index + 1}/${batches.length})` : ''}: ${entry.status}`);
    const more = index < batches.length - 1;
    if (more || options.wait) entry.status = await waitForInvalidation(client, distributionId, id, { ...options, sleep, log });
  }
  return result;
}

/** An invalidation's status as CloudFront reports it (InProgress, Completed). */
export async function invalidationStatus(client: CloudFrontClient, distributionId: string, id: string): Promise<string> {
  try {
    return (await client.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: id }))).Invalidation?.Status ?? 'Unknown';
  } catch (error) {
    throw new ShipkitError(`Could not read CloudFront invalidation ${id} on ${distributionId}: ${errorMessage(error)}`, { cause: error });
  }
}

/** Polls GetInvalidation until Completed (any case: some implementations say COMPLETED); throws after waitTimeoutMs. */
export async function waitForInvalidation(
  client: CloudFrontClient,
  distributionId: string,
  id: string,
  options: Pick<InvalidateOptions, 'waitTimeoutMs' | 'pollIntervalMs' | 'sleep' | 'log'> = {},
): Promise<string> {
  const deadline = Date.now() + (options.waitTimeoutMs ?? 20 * 60_000);
  const sleep = options.sleep ?? defaultSleep;
  for (;;) {
    const status = await invalidationStatus(client, distributionId, id);
    if (status.toLowerCase() === 'completed') return 'Completed';
    if (Date.now() >= deadline) {
      throw new ShipkitError(`CloudFront invalidation ${id} on ${distributionId} is still ${status} after waiting.`, {
        hint: 'It will still complete on its own; raise the wait timeout or turn off waiting.',
      });
    }
    await sleep(options.pollIntervalMs ?? 10_000);
  }
}
