export { AzureBlobStore, blobEndpoint, connectionStringAccount, connectionStringSecrets, type AzureBlobStoreOptions } from './blob-store.js';
