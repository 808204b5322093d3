import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { errorMessage, ShipkitError, storeUrl } from '@shipkit/core';
import { isNotFound, joinKey } from '@shipkit/s3';

/**
 * Invalidations owed to a distribution, kept next to the published prefixes until CloudFront
 * accepted them: written before asking CloudFront, deleted after. A run that failed at the
 * invalidation therefore leaves them behind, and the next run (even one with nothing new to
 * publish) sends them again.
 */
export function pendingKey(prefix: string, distributionId: string): string {
  return joinKey(prefix, `.shipkit-pending-invalidation-${distributionId}.json`);
}

export async function readPending(client: S3Client, bucket: string, key: string): Promise<string[]> {
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const data = JSON.parse((await response.Body?.transformToString('utf-8')) ?? '{}') as { paths?: unknown };
    return Array.isArray(data.paths) ? data.paths.filter((path): path is string => typeof path === 'string') : [];
  } catch (error) {
    if (isNotFound(error)) return [];
    if (error instanceof SyntaxError) return [];
    throw new ShipkitError(`Could not read ${storeUrl(bucket, key)}: ${errorMessage(error)}`, { cause: error });
  }
}

export async function writePending(client: S3Client, bucket: string, key: string, paths: readonly string[]): Promise<void> {
  try {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `${JSON.stringify({ paths }, null, 1)}\n`, ContentType: 'application/json; charset=utf-8', CacheControl: 'no-store' }));
  } catch (error) {
    throw new ShipkitError(`Could not write ${storeUrl(bucket, key)}: ${errorMessage(error)}`, { cause: error });
  }
}

export async function clearPending(client: S3Client, bucket: string, key: string): Promise<void> {
  try {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    throw new ShipkitError(`Could not delete ${storeUrl(bucket, key)}: ${errorMessage(error)}`, { cause: error });
  }
}
