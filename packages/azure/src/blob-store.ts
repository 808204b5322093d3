import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { BlobSASPermissions, BlobServiceClient, StorageSharedKeyCredential, type BlobHTTPHeaders, type BlobItem, type BlockBlobClient, type ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { createHash, randomUUID } from 'node:crypto';
import { ShipkitError, blobEndpoint, connectionStringAccount, errorMessage, mapLimit, parseAzureBucket, type AzureContainerRef } from '@shipkit/core';

/**
 * Azure Blob Storage behind the store interface the transfer engine, the ledger and the lease
 * speak (the S3 operations they send): one engine, two backends. Each operation maps onto Blob
 * Storage's own — listing pages (flat or by delimiter), Get/Put Blob with `If-None-Match: *` /
 * `If-Match`, Copy Blob within the account, staged blocks for large files — and its answers and
 * errors come back in the shapes the engine reads (ETag, Metadata, 404 NoSuchKey, 412
 * PreconditionFailed).
 *
 * Credentials: `AZURE_STORAGE_CONNECTION_STRING` (a secret) for its own account, else
 * DefaultAzureCredential (OIDC through azure/login, a managed identity, the az CLI) against
 * `https://<account>.blob.core.windows.net` (or SHIPKIT_AZURE_BLOB_ENDPOINT: core's blobEndpoint).
 */

/** An S3 command as the engine sends it: the class tells the operation, `input` its fields. */
interface StoreCommand {
  input: Record<string, unknown>;
}

export interface AzureBlobStoreOptions {
  env?: NodeJS.ProcessEnv;
  /** Default: DefaultAzureCredential, built on first use. */
  credential?: TokenCredential;
  /** Called once per operation, with the S3 operation's name (for request counts). */
  onRequest?: (operation: string) => void;
}

interface PendingUpload {
  headers: BlobHTTPHeaders;
  metadata?: Record<string, string>;
  prefix: string;
}

/** Block size of a copy above Put Blob From URL's limit (Put Block From URL reads at most 4,000 MiB per block). */
const COPY_BLOCK_BYTES = 100 * 1024 * 1024;

const PIPELINE: StoragePipelineOptions = { retryOptions: { maxTries: 4, tryTimeoutInMs: 120_000 } };

export class AzureBlobStore {
  private readonly env: NodeJS.ProcessEnv;
  private credential?: TokenCredential;
  private readonly services = new Map<string, BlobServiceClient>();
  private readonly uploads = new Map<string, PendingUpload>();

  constructor(private readonly options: AzureBlobStoreOptions = {}) {
    this.env = options.env ?? process.env;
    this.credential = options.credential;
  }

  /** The container client of an Azure "bucket" (`<account>/<container>`). */
  container(bucket: string): ContainerClient {
    const ref = parseAzureBucket(bucket);
    if (!ref) throw new ShipkitError(`${JSON.stringify(bucket)} is not an Azure Blob container: expected <account>/<container>.`);
    return this.service(ref).getContainerClient(ref.container);
  }

  private service({ account }: AzureContainerRef): BlobServiceClient {
    let service = this.services.get(account);
    if (service) return service;
    const connectionString = this.env.AZURE_STORAGE_CONNECTION_STRING?.trim();
    if (connectionString && connectionStringAccount(connectionString) === account) {
      service = BlobServiceClient.fromConnectionString(connectionString, PIPELINE);
    } else {
      this.credential ??= new DefaultAzureCredential();
      service = new BlobServiceClient(blobEndpoint(account, this.env), this.credential, PIPELINE);
    }
    this.services.set(account, service);
    return service;
  }

  /** Every operation this store serves: the engine's command, its S3 name (request counts, errors) and what it does on Blob Storage. */
  private readonly operations: ReadonlyArray<{ command: new (...args: never[]) => unknown; name: string; run: (container: ContainerClient, input: Record<string, unknown>, key: string) => Promise<unknown> }> = [
    {
      command: ListObjectsV2Command,
      name: 'ListObjectsV2',
      run: async (container, input) => {
        const prefix = (input.Prefix as string | undefined) || undefined;
        const settings = { continuationToken: (input.ContinuationToken as string | undefined) || undefined, maxPageSize: (input.MaxKeys as number | undefined) ?? 1000 };
        const delimiter = input.Delimiter as string | undefined;
        const page = delimiter
          ? (await container.listBlobsByHierarchy(delimiter, { prefix }).byPage(settings).next()).value
          : (await container.listBlobsFlat({ prefix }).byPage(settings).next()).value;
        const items: BlobItem[] = page?.segment.blobItems ?? [];
        const token = page?.continuationToken || undefined;
        const prefixes = (page?.segment as { blobPrefixes?: Array<{ name: string }> } | undefined)?.blobPrefixes ?? [];
        return {
          Contents: items.map((item) => ({ Key: item.name, Size: item.properties.contentLength ?? 0, ETag: quoted(item.properties.etag), LastModified: item.properties.lastModified })),
          CommonPrefixes: prefixes.map((entry) => ({ Prefix: entry.name })),
          KeyCount: items.length + prefixes.length,
          IsTruncated: !!token,
          NextContinuationToken: token,
          StoreDate: (page as { date?: Date } | undefined)?.date,
        };
      },
    },
    {
      command: GetObjectCommand,
      name: 'GetObject',
      run: async (container, input, key) => {
        const response = await container.getBlobClient(key).download();
        const body = await readAll(response.readableStreamBody);
        return {
          Body: { transformToString: async (encoding: BufferEncoding = 'utf-8') => body.toString(encoding), transformToByteArray: async () => new Uint8Array(body) },
          ETag: quoted(response.etag),
          ContentLength: body.length,
          ContentType: response.contentType,
          CacheControl: response.cacheControl,
          ContentEncoding: response.contentEncoding,
          Metadata: response.metadata ?? {},
          LastModified: response.lastModified,
          StoreDate: response.date,
        };
      },
    },
    {
      command: HeadObjectCommand,
      name: 'HeadObject',
      run: async (container, input, key) => {
        const properties = await container.getBlobClient(key).getProperties();
        return {
          ETag: quoted(properties.etag),
          ContentLength: properties.contentLength,
          ContentType: properties.contentType,
          CacheControl: properties.cacheControl,
          ContentEncoding: properties.contentEncoding,
          Metadata: properties.metadata ?? {},
          LastModified: properties.lastModified,
          StoreDate: properties.date,
        };
      },
    },
    {
      command: HeadBucketCommand,
      name: 'HeadBucket',
      run: async (container) => {
        const properties = await container.getProperties();
        return { StoreDate: properties.date };
      },
    },
    {
      command: PutObjectCommand,
      name: 'PutObject',
      run: async (container, input, key) => {
        const body = asBuffer(input.Body);
        // As S3 checks the body against the x-amz-content-sha256 an upload is signed with (the planned
        // sha256, client.ts), bytes that are not what the `sha256` metadata says are refused before
        // they are stored under it — under S3's name for it, so the engine reports it the same way.
        const planned = (input.Metadata as Record<string, string> | undefined)?.sha256;
        if (planned && /^[0-9a-f]{64}$/.test(planned) && createHash('sha256').update(body).digest('hex') !== planned) {
          throw Object.assign(new Error(`The bytes sent for ${key} do not have the sha256 ${planned} the upload states; nothing was written.`), { name: 'XAmzContentSHA256Mismatch' });
        }
        const response = await container.getBlockBlobClient(key).upload(body, body.length, {
          transactionalContentMD5: md5Of(body),
          blobHTTPHeaders: httpHeaders(input),
          metadata: input.Metadata as Record<string, string> | undefined,
          conditions: conditions(input),
        });
        return { ETag: quoted(response.etag), StoreDate: response.date };
      },
    },
    {
      command: DeleteObjectCommand,
      name: 'DeleteObject',
      run: async (container, input, key) => {
        try {
          await container.getBlobClient(key).delete({ conditions: conditions(input) });
        } catch (error) {
          // S3 answers 204 for a key that is not there; so does this store, unless the delete was conditional.
          if (statusOf(error) === 404 && !input.IfMatch) return {};
          throw error;
        }
        return {};
      },
    },
    {
      command: DeleteObjectsCommand,
      name: 'DeleteObjects',
      run: async (container, input) => {
        const objects = ((input.Delete as { Objects?: Array<{ Key?: string }> })?.Objects ?? []).map((object) => String(object.Key));
        const errors: Array<{ Key: string; Code: string; Message: string }> = [];
        await mapLimit(objects, 16, async (name) => {
          try {
            await container.getBlobClient(name).delete();
          } catch (error) {
            if (statusOf(error) !== 404) errors.push({ Key: name, Code: codeOf(error) ?? 'InternalError', Message: errorMessage(error) });
          }
        });
        const failed = new Set(errors.map((entry) => entry.Key));
        return { Errors: errors.length ? errors : undefined, Deleted: objects.filter((name) => !failed.has(name)).map((Key) => ({ Key })) };
      },
    },
    {
      command: CopyObjectCommand,
      name: 'CopyObject',
      run: async (container, input, key) => {
        // ONE request that writes the destination with its own headers and metadata (Put Blob From
        // URL): no moment in which it carries the source's (an alias served with a version's
        // year-long Cache-Control), nothing left half-done if a second call failed, no copy to poll.
        const source = parseCopySource(String(input.CopySource));
        const replace = input.MetadataDirective === 'REPLACE';
        const { url, authorization } = await this.copySource(source);
        const target = container.getBlockBlobClient(key);
        const options = {
          copySourceBlobProperties: !replace,
          blobHTTPHeaders: replace ? httpHeaders(input) : undefined,
          metadata: replace ? (input.Metadata as Record<string, string> | undefined) : undefined,
          conditions: conditions(input),
          sourceAuthorization: authorization,
        };
        try {
          const written = await target.syncUploadFromURL(url, options);
          return { CopyObjectResult: { ETag: quoted(written.etag) } };
        } catch (error) {
          // Above Put Blob From URL's size limit (5,000 MiB): the same copy staged in blocks read from the source, committed in one request.
          if (statusOf(error) !== 413 && codeOf(error) !== 'RequestBodyTooLarge') throw error;
          return { CopyObjectResult: { ETag: quoted(await this.copyInBlocks(source, url, authorization, target, input, replace)) } };
        }
      },
    },
    {
      command: CreateMultipartUploadCommand,
      name: 'CreateMultipartUpload',
      run: async (container, input, key) => {
        const id = randomUUID();
        this.uploads.set(id, { headers: httpHeaders(input), metadata: input.Metadata as Record<string, string> | undefined, prefix: id.slice(0, 8) });
        return { UploadId: id, Bucket: input.Bucket, Key: key };
      },
    },
    {
      command: UploadPartCommand,
      name: 'UploadPart',
      run: async (container, input, key) => {
        const upload = this.pending(input.UploadId as string);
        const body = asBuffer(input.Body);
        const block = blockId(upload.prefix, Number(input.PartNumber));
        await container.getBlockBlobClient(key).stageBlock(block, body, body.length, { transactionalContentMD5: md5Of(body) });
        return { ETag: block };
      },
    },
    {
      command: CompleteMultipartUploadCommand,
      name: 'CompleteMultipartUpload',
      run: async (container, input, key) => {
        const upload = this.pending(input.UploadId as string);
        const parts = ((input.MultipartUpload as { Parts?: Array<{ PartNumber?: number }> })?.Parts ?? []).map((part) => Number(part.PartNumber)).sort((a, b) => a - b);
        const response = await container.getBlockBlobClient(key).commitBlockList(
          parts.map((part) => blockId(upload.prefix, part)),
          { blobHTTPHeaders: upload.headers, metadata: upload.metadata, conditions: conditions(input) },
        );
        this.uploads.delete(input.UploadId as string);
        return { ETag: quoted(response.etag) };
      },
    },
    {
      command: AbortMultipartUploadCommand,
      name: 'AbortMultipartUpload',
      run: async (container, input) => {
        // Blocks never committed are discarded by the service (after a week); nothing to send.
        this.uploads.delete(input.UploadId as string);
        return {};
      },
    },
  ];

  /**
   * A copy source the service can read on this run's behalf: with the account key, a read-only SAS
   * for this blob valid for an hour; with a token credential (azure/login, a managed identity), the
   * same token as `x-ms-copy-source-authorization`; with a SAS connection string, the URL already
   * carries it.
   */
  private async copySource(source: { bucket: string; key: string }): Promise<{ url: string; authorization?: { scheme: string; value: string } }> {
    const blob = this.container(source.bucket).getBlobClient(source.key);
    if (blob.credential instanceof StorageSharedKeyCredential) {
      return { url: await blob.generateSasUrl({ permissions: BlobSASPermissions.parse('r'), startsOn: new Date(Date.now() - 5 * 60_000), expiresOn: new Date(Date.now() + 60 * 60_000) }) };
    }
    if (isTokenCredential(blob.credential)) return { url: blob.url, authorization: { scheme: 'Bearer', value: await this.storageToken(blob.credential) } };
    return { url: blob.url };
  }

  private token?: { value: string; refreshAfter: number };

  /** A storage token, reused until five minutes before it expires (the az CLI behind DefaultAzureCredential is a process per call). */
  private async storageToken(credential: TokenCredential): Promise<string> {
    if (this.token && Date.now() < this.token.refreshAfter) return this.token.value;
    const token = await credential.getToken('https://storage.azure.com/.default');
    if (!token) throw new ShipkitError('Azure returned no storage token for the copy source: sign in with azure/login before this step, or set AZURE_STORAGE_CONNECTION_STRING.');
    this.token = { value: token.token, refreshAfter: token.expiresOnTimestamp - 5 * 60_000 };
    return token.token;
  }

  /** A copy above Put Blob From URL's limit: Put Block From URL per 100 MiB, then one Put Block List with the destination's headers. */
  private async copyInBlocks(source: { bucket: string; key: string }, url: string, authorization: { scheme: string; value: string } | undefined, target: BlockBlobClient, input: Record<string, unknown>, replace: boolean): Promise<string | undefined> {
    const properties = await this.container(source.bucket).getBlobClient(source.key).getProperties();
    const size = properties.contentLength ?? 0;
    const prefix = randomUUID().slice(0, 8);
    const blocks: string[] = [];
    for (let offset = 0, part = 1; offset < size; offset += COPY_BLOCK_BYTES, part++) blocks.push(blockId(prefix, part));
    await mapLimit(blocks, 4, async (block, index) => {
      const offset = index * COPY_BLOCK_BYTES;
      await target.stageBlockFromURL(block, url, offset, Math.min(COPY_BLOCK_BYTES, size - offset), { sourceAuthorization: authorization });
    });
    const committed = await target.commitBlockList(blocks, {
      blobHTTPHeaders: replace ? httpHeaders(input) : { blobContentType: properties.contentType, blobCacheControl: properties.cacheControl, blobContentEncoding: properties.contentEncoding, blobContentDisposition: properties.contentDisposition },
      metadata: replace ? (input.Metadata as Record<string, string> | undefined) : properties.metadata,
      conditions: conditions(input),
    });
    return committed.etag;
  }

  /** Runs one engine operation on Blob Storage; errors come back as the engine reads S3's. */
  async send(command: StoreCommand): Promise<unknown> {
    const operation = this.operations.find((entry) => command instanceof entry.command);
    const name = operation?.name ?? String((command as { constructor?: { name?: string } }).constructor?.name ?? 'Unknown').replace(/Command$/, '');
    this.options.onRequest?.(name);
    if (!operation) throw new ShipkitError(`The Azure Blob store does not implement the ${name} operation.`);
    const input = command.input;
    try {
      return await operation.run(this.container(String(input.Bucket)), input, input.Key as string);
    } catch (error) {
      throw asStoreError(error, name, input);
    }
  }

  private pending(id: string): PendingUpload {
    const upload = this.uploads.get(id);
    if (!upload) throw new ShipkitError(`No upload ${id} is in progress.`);
    return upload;
  }
}

function httpHeaders(input: Record<string, unknown>): BlobHTTPHeaders {
  return {
    blobContentType: input.ContentType as string | undefined,
    blobCacheControl: input.CacheControl as string | undefined,
    blobContentEncoding: input.ContentEncoding as string | undefined,
    blobContentDisposition: input.ContentDisposition as string | undefined,
  };
}

/**
 * The transactional Content-MD5 of the bytes this request sends (Put Blob, Put Block): the service
 * hashes what arrives and refuses a body that differs (400 Md5Mismatch) before anything is
 * written, so a body corrupted between here and the service is never stored — the planned sha256
 * checks the bytes against the plan, this checks the wire. (MD5 rather than CRC64: the service
 * takes one of the two per request, and node hashes MD5 natively.)
 */
function md5Of(body: Buffer): Uint8Array {
  return createHash('md5').update(body).digest();
}

function conditions(input: Record<string, unknown>): { ifNoneMatch?: string; ifMatch?: string } | undefined {
  if (input.IfNoneMatch) return { ifNoneMatch: String(input.IfNoneMatch) };
  if (input.IfMatch) return { ifMatch: String(input.IfMatch) };
  return undefined;
}

/** A credential that gets tokens (DefaultAzureCredential and the like), as opposed to a key or anonymous access. */
function isTokenCredential(credential: unknown): credential is TokenCredential {
  return typeof (credential as { getToken?: unknown })?.getToken === 'function';
}

/** Block ids of one blob must all have the same length: `<upload>-<part, 6 digits>` in base64. */
function blockId(prefix: string, part: number): string {
  return Buffer.from(`${prefix}-${String(part).padStart(6, '0')}`).toString('base64');
}

/** `account/container/key` (the key URL-encoded as the engine's copySource writes it). */
function parseCopySource(source: string): { bucket: string; key: string } {
  const match = /^\/?([^/]+\/[^/]+)\/(.+)$/.exec(source);
  if (!match) throw new ShipkitError(`Copy source ${JSON.stringify(source)} is not an Azure blob (<account>/<container>/<key>).`);
  return { bucket: match[1], key: decodeURIComponent(match[2]) };
}

/** S3 ETags are quoted; Blob Storage's listings give them bare. */
function quoted(etag: string | undefined): string | undefined {
  if (!etag) return undefined;
  return etag.startsWith('"') ? etag : `"${etag}"`;
}

function asBuffer(body: unknown): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new ShipkitError('The Azure Blob store uploads buffers and strings only.');
}

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number })?.statusCode;
}

function codeOf(error: unknown): string | undefined {
  return (error as { code?: string; details?: { errorCode?: string } })?.details?.errorCode ?? (error as { code?: string })?.code;
}

/** S3's names for Blob Storage's answers, so callers' isNotFound / isPreconditionFailed hold for both. */
function asStoreError(error: unknown, operation: string, input: Record<string, unknown>): unknown {
  if (error instanceof ShipkitError) return error;
  const errorName = (error as { name?: string })?.name ?? '';
  if (/AuthenticationError|CredentialUnavailableError/.test(errorName)) {
    return new ShipkitError(`could not sign in to Azure Blob Storage (account ${String(input.Bucket).split('/')[0]}): no Azure credential is available here (${errorName}).`, {
      hint: 'Sign in with azure/login (OIDC: client-id, tenant-id, subscription-id) before this step, or set AZURE_STORAGE_CONNECTION_STRING for the account (a secret). docs/azure.md',
      cause: error,
    });
  }
  const status = statusOf(error);
  if (status === undefined) return error;
  const code = codeOf(error);
  const conditional = !!input.IfNoneMatch || !!input.IfMatch;
  // Only these mean "the condition of the request did not hold": ConditionNotMet (TargetConditionNotMet
  // for a copy's destination), and BlobAlreadyExists under If-None-Match (409 where S3 answers 412).
  // A 412 without a code is taken as one only on a conditional request (HEAD answers carry no body).
  const conditionFailed =
    (status === 412 && (code === 'ConditionNotMet' || code === 'TargetConditionNotMet' || (!code && conditional))) ||
    (status === 409 && code === 'BlobAlreadyExists' && !!input.IfNoneMatch);
  if (status === 412 && !conditionFailed) {
    // LeaseIdMissing, LeaseIdMismatchWithLeaseOperation...: a blob lease (Azure's own, not shipkit's) is on the blob.
    // Not a lost race: retrying cannot succeed until that lease is broken or expires.
    const where = `${String(input.Bucket)}/${String(input.Key ?? '')}`;
    const lease = /^Lease/.test(code ?? '');
    return new ShipkitError(
      `Azure Blob Storage refused ${operation} on azblob://${where} with 412 ${code ?? '(no error code)'}: ${errorMessage(error).split('\n')[0]} Expected either success or 412 ConditionNotMet.`,
      {
        hint: lease
          ? 'Someone holds an Azure blob lease on that blob (shipkit never takes one). Break it (az storage blob lease break --container-name <container> --blob-name <key>) or wait for it to expire, then re-run.'
          : 'Check who else writes to that blob.',
        cause: error,
      },
    );
  }
  const name = conditionFailed ? 'PreconditionFailed' : status === 404 ? (code === 'ContainerNotFound' ? 'NoSuchBucket' : 'NoSuchKey') : (code ?? `Http${status}`);
  const firstLine = errorMessage(error).split('\n')[0];
  const wrapped = new Error(`Azure Blob Storage ${operation}: ${code ? `${code}: ` : ''}${firstLine}`) as Error & { $metadata: { httpStatusCode: number }; Code?: string; BlobErrorCode?: string; StoreDate?: Date };
  wrapped.name = name;
  wrapped.$metadata = { httpStatusCode: conditionFailed ? 412 : status };
  // S3's code for a condition that did not hold (the engine's isPreconditionFailed reads it); Blob Storage's own code kept beside it.
  wrapped.Code = conditionFailed ? 'PreconditionFailed' : code;
  wrapped.BlobErrorCode = code;
  // The store's clock, as on its successful answers (a 404 or 412 is often the first answer a run gets).
  const date = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } })?.response?.headers?.get?.('date');
  if (date && Number.isFinite(Date.parse(date))) wrapped.StoreDate = new Date(Date.parse(date));
  return wrapped;
}
