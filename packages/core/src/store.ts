/**
 * Where objects live. The transfer engine, the ledger and the lease speak one store interface (the
 * S3 operations they use: list, get, head, put with conditions, copy, multipart, delete); an
 * Azure Blob container travels through it as the "bucket" `<account>/<container>` — S3 bucket
 * names never hold a slash, so the two can never be confused — and @shipkit/azure serves it.
 */

/** Azure storage account names: 3-24 lower-case letters and digits. */
export const AZURE_ACCOUNT = /^[a-z0-9]{3,24}$/;
/** Azure container names: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit; or `$web` (static website hosting) and `$root`. */
export const AZURE_CONTAINER = /^(\$web|\$root|(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*)$/;

export interface AzureContainerRef {
  account: string;
  container: string;
}

export function azureBucket(account: string, container: string): string {
  return `${account}/${container}`;
}

/** The account and container of an Azure "bucket" (`<account>/<container>`); undefined for an S3 bucket. */
export function parseAzureBucket(bucket: string | undefined): AzureContainerRef | undefined {
  if (!bucket || !bucket.includes('/')) return undefined;
  const [account, container, ...rest] = bucket.split('/');
  if (rest.length || !AZURE_ACCOUNT.test(account) || !AZURE_CONTAINER.test(container)) return undefined;
  return { account, container };
}

export function isAzureBucket(bucket: string | undefined): boolean {
  return parseAzureBucket(bucket) !== undefined;
}

/** `s3://bucket/key` or `azblob://account/container/key` (without a key: `s3://bucket`): how messages name a location. */
export function storeUrl(bucket: string, key?: string): string {
  const base = `${isAzureBucket(bucket) ? 'azblob' : 's3'}://${bucket}`;
  return key === undefined ? base : `${base}/${key.replace(/^\/+/, '')}`;
}

/** A connection string's fields, names lower-cased (`accountname`, `blobendpoint`, ...). */
function connectionStringFields(connectionString: string): Map<string, string> {
  return new Map(
    connectionString
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part.includes('='))
      .map((part) => {
        const at = part.indexOf('=');
        return [part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim()] as const;
      }),
  );
}

/**
 * The account a connection string is for: its AccountName, else the account its BlobEndpoint
 * names (a SAS connection string from the portal has no AccountName): the host's first label
 * (`https://<account>.blob.core.windows.net`) or, path-style, the first path segment (emulators,
 * IP endpoints: `http://127.0.0.1:10000/<account>`).
 */
export function connectionStringAccount(connectionString: string): string | undefined {
  const fields = connectionStringFields(connectionString);
  const named = fields.get('accountname');
  if (named) return named;
  const endpoint = fields.get('blobendpoint');
  if (!endpoint) return undefined;
  try {
    const url = new URL(endpoint);
    const host = /^([a-z0-9]{3,24})\.blob\./i.exec(url.hostname);
    return host ? host[1].toLowerCase() : url.pathname.split('/').find(Boolean);
  } catch {
    return undefined;
  }
}

/**
 * An account's blob endpoint: AZURE_STORAGE_CONNECTION_STRING's BlobEndpoint when it is for that
 * account; else SHIPKIT_AZURE_BLOB_ENDPOINT with `{account}` filled in (another cloud, e.g.
 * `https://{account}.blob.core.chinacloudapi.cn`, or an emulator); else
 * https://<account>.blob.core.windows.net.
 */
export function blobEndpoint(account: string, env: NodeJS.ProcessEnv = process.env): string {
  const fields = connectionStringFields(env.AZURE_STORAGE_CONNECTION_STRING ?? '');
  const endpoint = connectionStringAccount(env.AZURE_STORAGE_CONNECTION_STRING ?? '') === account ? fields.get('blobendpoint') : undefined;
  const template = env.SHIPKIT_AZURE_BLOB_ENDPOINT?.trim();
  return (endpoint ?? (template ? template.replaceAll('{account}', account) : `https://${account}.blob.core.windows.net`)).replace(/\/+$/, '');
}
