import type { S3Client } from '@aws-sdk/client-s3';

/**
 * The request counters' hooks per client (countRequests in client.ts adds them): told of every
 * request sent on a client's behalf — by the SDK (client.ts's middleware), by the uploads' own
 * HTTP path (put.ts), by another backend behind the client (@shipkit/stores' Azure Blob).
 */
export const requestHooks = new WeakMap<S3Client, Array<(operation: string) => void>>();

/** Tells the client's request counters (countRequests) about one request sent on its behalf outside the SDK's middleware. */
export function noteRequest(client: S3Client, operation: string): void {
  requestHooks.get(client)?.forEach((hook) => hook(operation));
}
