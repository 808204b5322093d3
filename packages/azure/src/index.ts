import type { AzureBlobStore, AzureBlobStoreOptions } from './blob-store.js';

export { ArmClient, ArmOperationTimeoutError, ARM_ENDPOINT, type ArmClientOptions, type ArmResponse, type LongRunningResult } from './arm.js';
export { CDN_API_VERSION, MAX_PURGE_PATHS, azureCdnTarget, describeAzureCdn, purgeAzureCdn, purgePath, type AzureCdnTarget } from './cdn.js';
export type { AzureBlobStore, AzureBlobStoreOptions };

/** The Azure Blob store, loaded on first use (its SDK is a bundle chunk of its own). */
export async function createBlobStore(options: AzureBlobStoreOptions = {}): Promise<AzureBlobStore> {
  const { AzureBlobStore } = await import('./blob-store.js');
  return new AzureBlobStore(options);
}
