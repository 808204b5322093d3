import type { S3Client } from '@aws-sdk/client-s3';
import { addSecret, connectionStringParts, isAzureBucket } from '@shipkit/core';
import { createBlobStore, type AzureBlobStore } from '@shipkit/azure';
import { createS3Client, noteRequest, noteStoreDate, storeDateOf, type S3ClientOptions } from '@shipkit/s3';

/**
 * The store factory: the one place that chooses between the object stores. The transfer engine,
 * the ledger, the lease, the release store and cdn-publish speak one store interface (the S3
 * operations they send through `send`); each backend serves it without knowing the other:
 * @shipkit/s3 for S3 and S3-compatible stores, @shipkit/azure for Azure Blob Storage. Which one
 * serves a request is decided by its location: an Azure container travels as the "bucket"
 * `<account>/<container>` (an `azure:` location; S3 bucket names never hold a slash), every
 * other bucket is S3's. One store client serves both, so a run whose state is on S3 and whose
 * target is a container (or the other way round) needs one client.
 */
export type ObjectStoreOptions = S3ClientOptions;

/** The engine's store client for `options` (S3 endpoint, region, credentials; the environment's Azure connection string). */
export function createObjectStore(options: ObjectStoreOptions = {}): S3Client {
  const client = createS3Client(options);
  const env = options.env ?? process.env;
  // The Azure side is loaded on first use (a chunk of its own in each bundle): S3-only runs never load it.
  let azure: Promise<AzureBlobStore> | undefined;
  const send = client.send.bind(client);
  client.send = ((command: { input?: { Bucket?: string } }, ...rest: unknown[]) => {
    if (!isAzureBucket(command.input?.Bucket)) return (send as (...args: unknown[]) => unknown)(command, ...rest);
    azure ??= (async () => {
      const connectionString = env.AZURE_STORAGE_CONNECTION_STRING?.trim();
      // A secret in every sink, the key and SAS parts too, should they appear alone (an environment
      // other than the process's is not covered by the registration every action starts with).
      // (::add-mask:: only on a runner: a test or bench process would print every form.)
      if (connectionString) for (const secret of [connectionString, ...connectionStringParts(connectionString)]) addSecret(secret, { mask: env.GITHUB_ACTIONS === 'true' });
      return createBlobStore({ env, onRequest: (operation) => noteRequest(client, operation) });
    })();
    return azure.then(async (store) => {
      let output: unknown;
      try {
        output = await store.send(command as never);
      } catch (error) {
        // The store's clock (lease expiry) from every answer, errors too, as the S3 client's middleware reads it.
        noteStoreDate(client, storeDateOf(error));
        throw error;
      }
      noteStoreDate(client, storeDateOf(output));
      return output;
    });
  }) as S3Client['send'];
  return client;
}
