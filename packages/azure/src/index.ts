export { AzureBlobStore, type AzureBlobStoreOptions } from './blob-store.js';
