export const id = 308;
export const ids = [308];
export const modules = {

/***/ 43308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AzureBlobStore: () => (/* binding */ AzureBlobStore)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(53711);
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42244);
/* harmony import */ var _azure_identity__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73016);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _shipkit_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29480);





/** Block size of a copy above Put Blob From URL's limit (Put Block From URL reads at most 4,000 MiB per block). */
const COPY_BLOCK_BYTES = 100 * 1024 * 1024;
const PIPELINE = { retryOptions: { maxTries: 4, tryTimeoutInMs: 120_000 } };
class AzureBlobStore {
    options;
    env;
    credential;
    services = new Map();
    uploads = new Map();
    constructor(options = {}) {
        this.options = options;
        this.env = options.env ?? process.env;
        this.credential = options.credential;
    }
    /** The container client of an Azure "bucket" (`<account>/<container>`). */
    container(bucket) {
        const ref = (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_3__.parseAzureBucket)(bucket);
        if (!ref)
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_3__.ShipkitError(`${JSON.stringify(bucket)} is not an Azure Blob container: expected <account>/<container>.`);
        return this.service(ref).getContainerClient(ref.container);
    }
    service({ account }) {
        let service = this.services.get(account);
        if (service)
            return service;
        const connectionString = this.env.AZURE_STORAGE_CONNECTION_STRING?.trim();
        if (connectionString && (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_3__.connectionStringAccount)(connectionString) === account) {
            service = _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .BlobServiceClient */ .wS.fromConnectionString(connectionString, PIPELINE);
        }
        else {
            this.credential ??= new _azure_identity__WEBPACK_IMPORTED_MODULE_1__.DefaultAzureCredential();
            service = new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .BlobServiceClient */ .wS((0,_shipkit_core__WEBPACK_IMPORTED_MODULE_3__.blobEndpoint)(account, this.env), this.credential, PIPELINE);
        }
        this.services.set(account, service);
        return service;
    }
    /** Every operation this store serves: the engine's command, its S3 name (request counts, errors) and what it does on Blob Storage. */
    operations = [
        {
            command: _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .ListObjectsV2Command */ .u6x,
            name: 'ListObjectsV2',
            run: async (container, input) => {
                const prefix = input.Prefix || undefined;
                const settings = { continuationToken: input.ContinuationToken || undefined, maxPageSize: input.MaxKeys ?? 1000 };
                const delimiter = input.Delimiter;
                const page = delimiter
                    ? (await container.listBlobsByHierarchy(delimiter, { prefix }).byPage(settings).next()).value
                    : (await container.listBlobsFlat({ prefix }).byPage(settings).next()).value;
                const items = page?.segment.blobItems ?? [];
                const token = page?.continuationToken || undefined;
                const prefixes = page?.segment?.blobPrefixes ?? [];
                return {
                    Contents: items.map((item) => ({ Key: item.name, Size: item.properties.contentLength ?? 0, ETag: quoted(item.properties.etag), LastModified: item.properties.lastModified })),
                    CommonPrefixes: prefixes.map((entry) => ({ Prefix: entry.name })),
                    KeyCount: items.length + prefixes.length,
                    IsTruncated: !!token,
                    NextContinuationToken: token,
                    StoreDate: page?.date,
                };
            },
        },
        {
            command: _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .GetObjectCommand */ .jLs,
            name: 'GetObject',
            run: async (container, input, key) => {
                const response = await container.getBlobClient(key).download();
                const body = await readAll(response.readableStreamBody);
                return {
                    Body: { transformToString: async (encoding = 'utf-8') => body.toString(encoding), transformToByteArray: async () => new Uint8Array(body) },
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
            command: _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .HeadObjectCommand */ .l81,
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
            command: _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .HeadBucketCommand */ .kuI,
            name: 'HeadBucket',
            run: async (container) => {
                const properties = await container.getProperties();
                return { StoreDate: properties.date };
            },
        },
        {
            command: _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .PutObjectCommand */ .wKZ,
            name: 'PutObject',
            run: async (container, input, key) => {
                const body = asBuffer(input.Body);
                // As S3 checks the body against the x-amz-content-sha256 an upload is signed with (the planned
                // sha256, client.ts), bytes that are not what the `sha256` metadata says are refused before
                // they are stored under it — under S3's name for it, so the engine reports it the same way.
                const planned = input.Metadata?.sha256;
                if (planned && /^[0-9a-f]{64}$/.test(planned) && (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.createHash)('sha256').update(body).digest('hex') !== planned) {
                    throw Object.assign(new Error(`The bytes sent for ${key} do not have the sha256 ${planned} the upload states; nothing was written.`), { name: 'XAmzContentSHA256Mismatch' });
                }
                const response = await container.getBlockBlobClient(key).upload(body, body.length, {
                    transactionalContentMD5: md5Of(body),
                    blobHTTPHeaders: httpHeaders(input),
                    metadata: input.Metadata,
                    conditions: conditions(input),
                });
                return { ETag: quoted(response.etag), StoreDate: response.date };
            },
        },
        {
            command: _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .DeleteObjectCommand */ .k4j,
            name: 'DeleteObject',
            run: async (container, input, key) => {
                try {
                    await container.getBlobClient(key).delete({ conditions: conditions(input) });
                }
                catch (error) {
                    // S3 answers 204 for a key that is not there; so does this store, unless the delete was conditional.
                    if (statusOf(error) === 404 && !input.IfMatch)
                        return {};
                    throw error;
                }
                return {};
            },
        },
        {
            command: _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .DeleteObjectsCommand */ .xvx,
            name: 'DeleteObjects',
            run: async (container, input) => {
                const objects = (input.Delete?.Objects ?? []).map((object) => String(object.Key));
                const errors = [];
                await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_3__.mapLimit)(objects, 16, async (name) => {
                    try {
                        await container.getBlobClient(name).delete();
                    }
                    catch (error) {
                        if (statusOf(error) !== 404)
                            errors.push({ Key: name, Code: codeOf(error) ?? 'InternalError', Message: (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_3__.errorMessage)(error) });
                    }
                });
                const failed = new Set(errors.map((entry) => entry.Key));
                return { Errors: errors.length ? errors : undefined, Deleted: objects.filter((name) => !failed.has(name)).map((Key) => ({ Key })) };
            },
        },
        {
            command: _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .CopyObjectCommand */ .s9Z,
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
                    metadata: replace ? input.Metadata : undefined,
                    conditions: conditions(input),
                    sourceAuthorization: authorization,
                };
                try {
                    const written = await target.syncUploadFromURL(url, options);
                    return { CopyObjectResult: { ETag: quoted(written.etag) } };
                }
                catch (error) {
                    // Above Put Blob From URL's size limit (5,000 MiB): the same copy staged in blocks read from the source, committed in one request.
                    if (statusOf(error) !== 413 && codeOf(error) !== 'RequestBodyTooLarge')
                        throw error;
                    return { CopyObjectResult: { ETag: quoted(await this.copyInBlocks(source, url, authorization, target, input, replace)) } };
                }
            },
        },
        {
            command: _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .CreateMultipartUploadCommand */ .nG4,
            name: 'CreateMultipartUpload',
            run: async (container, input, key) => {
                const id = (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomUUID)();
                this.uploads.set(id, { headers: httpHeaders(input), metadata: input.Metadata, prefix: id.slice(0, 8) });
                return { UploadId: id, Bucket: input.Bucket, Key: key };
            },
        },
        {
            command: _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .UploadPartCommand */ .iVK,
            name: 'UploadPart',
            run: async (container, input, key) => {
                const upload = this.pending(input.UploadId);
                const body = asBuffer(input.Body);
                const block = blockId(upload.prefix, Number(input.PartNumber));
                await container.getBlockBlobClient(key).stageBlock(block, body, body.length, { transactionalContentMD5: md5Of(body) });
                return { ETag: block };
            },
        },
        {
            command: _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .CompleteMultipartUploadCommand */ .Gym,
            name: 'CompleteMultipartUpload',
            run: async (container, input, key) => {
                const upload = this.pending(input.UploadId);
                const parts = (input.MultipartUpload?.Parts ?? []).map((part) => Number(part.PartNumber)).sort((a, b) => a - b);
                const response = await container.getBlockBlobClient(key).commitBlockList(parts.map((part) => blockId(upload.prefix, part)), { blobHTTPHeaders: upload.headers, metadata: upload.metadata, conditions: conditions(input) });
                this.uploads.delete(input.UploadId);
                return { ETag: quoted(response.etag) };
            },
        },
        {
            command: _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .AbortMultipartUploadCommand */ .tfP,
            name: 'AbortMultipartUpload',
            run: async (container, input) => {
                // Blocks never committed are discarded by the service (after a week); nothing to send.
                this.uploads.delete(input.UploadId);
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
    async copySource(source) {
        const blob = this.container(source.bucket).getBlobClient(source.key);
        if (blob.credential instanceof _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .StorageSharedKeyCredential */ .Z3) {
            return { url: await blob.generateSasUrl({ permissions: _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .BlobSASPermissions */ .vD.parse('r'), startsOn: new Date(Date.now() - 5 * 60_000), expiresOn: new Date(Date.now() + 60 * 60_000) }) };
        }
        if (isTokenCredential(blob.credential))
            return { url: blob.url, authorization: { scheme: 'Bearer', value: await this.storageToken(blob.credential) } };
        return { url: blob.url };
    }
    token;
    /** A storage token, reused until five minutes before it expires (the az CLI behind DefaultAzureCredential is a process per call). */
    async storageToken(credential) {
        if (this.token && Date.now() < this.token.refreshAfter)
            return this.token.value;
        const token = await credential.getToken('https://storage.azure.com/.default');
        if (!token)
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_3__.ShipkitError('Azure returned no storage token for the copy source: sign in with azure/login before this step, or set AZURE_STORAGE_CONNECTION_STRING.');
        this.token = { value: token.token, refreshAfter: token.expiresOnTimestamp - 5 * 60_000 };
        return token.token;
    }
    /** A copy above Put Blob From URL's limit: Put Block From URL per 100 MiB, then one Put Block List with the destination's headers. */
    async copyInBlocks(source, url, authorization, target, input, replace) {
        const properties = await this.container(source.bucket).getBlobClient(source.key).getProperties();
        const size = properties.contentLength ?? 0;
        const prefix = (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomUUID)().slice(0, 8);
        const blocks = [];
        for (let offset = 0, part = 1; offset < size; offset += COPY_BLOCK_BYTES, part++)
            blocks.push(blockId(prefix, part));
        await (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_3__.mapLimit)(blocks, 4, async (block, index) => {
            const offset = index * COPY_BLOCK_BYTES;
            await target.stageBlockFromURL(block, url, offset, Math.min(COPY_BLOCK_BYTES, size - offset), { sourceAuthorization: authorization });
        });
        const committed = await target.commitBlockList(blocks, {
            blobHTTPHeaders: replace ? httpHeaders(input) : { blobContentType: properties.contentType, blobCacheControl: properties.cacheControl, blobContentEncoding: properties.contentEncoding, blobContentDisposition: properties.contentDisposition },
            metadata: replace ? input.Metadata : properties.metadata,
            conditions: conditions(input),
        });
        return committed.etag;
    }
    /** Runs one engine operation on Blob Storage; errors come back as the engine reads S3's. */
    async send(command) {
        const operation = this.operations.find((entry) => command instanceof entry.command);
        const name = operation?.name ?? String(command.constructor?.name ?? 'Unknown').replace(/Command$/, '');
        this.options.onRequest?.(name);
        if (!operation)
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_3__.ShipkitError(`The Azure Blob store does not implement the ${name} operation.`);
        const input = command.input;
        try {
            return await operation.run(this.container(String(input.Bucket)), input, input.Key);
        }
        catch (error) {
            throw asStoreError(error, name, input);
        }
    }
    pending(id) {
        const upload = this.uploads.get(id);
        if (!upload)
            throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_3__.ShipkitError(`No upload ${id} is in progress.`);
        return upload;
    }
}
function httpHeaders(input) {
    return {
        blobContentType: input.ContentType,
        blobCacheControl: input.CacheControl,
        blobContentEncoding: input.ContentEncoding,
        blobContentDisposition: input.ContentDisposition,
    };
}
/**
 * The transactional Content-MD5 of the bytes this request sends (Put Blob, Put Block): the service
 * hashes what arrives and refuses a body that differs (400 Md5Mismatch) before anything is
 * written, so a body corrupted between here and the service is never stored — the planned sha256
 * checks the bytes against the plan, this checks the wire. (MD5 rather than CRC64: the service
 * takes one of the two per request, and node hashes MD5 natively.)
 */
function md5Of(body) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.createHash)('md5').update(body).digest();
}
function conditions(input) {
    if (input.IfNoneMatch)
        return { ifNoneMatch: String(input.IfNoneMatch) };
    if (input.IfMatch)
        return { ifMatch: String(input.IfMatch) };
    return undefined;
}
/** A credential that gets tokens (DefaultAzureCredential and the like), as opposed to a key or anonymous access. */
function isTokenCredential(credential) {
    return typeof credential?.getToken === 'function';
}
/** Block ids of one blob must all have the same length: `<upload>-<part, 6 digits>` in base64. */
function blockId(prefix, part) {
    return Buffer.from(`${prefix}-${String(part).padStart(6, '0')}`).toString('base64');
}
/** `account/container/key` (the key URL-encoded as the engine's copySource writes it). */
function parseCopySource(source) {
    const match = /^\/?([^/]+\/[^/]+)\/(.+)$/.exec(source);
    if (!match)
        throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_3__.ShipkitError(`Copy source ${JSON.stringify(source)} is not an Azure blob (<account>/<container>/<key>).`);
    return { bucket: match[1], key: decodeURIComponent(match[2]) };
}
/** S3 ETags are quoted; Blob Storage's listings give them bare. */
function quoted(etag) {
    if (!etag)
        return undefined;
    return etag.startsWith('"') ? etag : `"${etag}"`;
}
function asBuffer(body) {
    if (body === undefined || body === null)
        return Buffer.alloc(0);
    if (Buffer.isBuffer(body))
        return body;
    if (typeof body === 'string')
        return Buffer.from(body);
    if (body instanceof Uint8Array)
        return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    throw new _shipkit_core__WEBPACK_IMPORTED_MODULE_3__.ShipkitError('The Azure Blob store uploads buffers and strings only.');
}
async function readAll(stream) {
    if (!stream)
        return Buffer.alloc(0);
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return Buffer.concat(chunks);
}
function statusOf(error) {
    return error?.statusCode;
}
function codeOf(error) {
    return error?.details?.errorCode ?? error?.code;
}
/** S3's names for Blob Storage's answers, so callers' isNotFound / isPreconditionFailed hold for both. */
function asStoreError(error, operation, input) {
    if (error instanceof _shipkit_core__WEBPACK_IMPORTED_MODULE_3__.ShipkitError)
        return error;
    const errorName = error?.name ?? '';
    if (/AuthenticationError|CredentialUnavailableError/.test(errorName)) {
        return new _shipkit_core__WEBPACK_IMPORTED_MODULE_3__.ShipkitError(`could not sign in to Azure Blob Storage (account ${String(input.Bucket).split('/')[0]}): no Azure credential is available here (${errorName}).`, {
            hint: 'Sign in with azure/login (OIDC: client-id, tenant-id, subscription-id) before this step, or set AZURE_STORAGE_CONNECTION_STRING for the account (a secret). docs/azure.md',
            cause: error,
        });
    }
    const status = statusOf(error);
    if (status === undefined)
        return error;
    const code = codeOf(error);
    const conditional = !!input.IfNoneMatch || !!input.IfMatch;
    // Only these mean "the condition of the request did not hold": ConditionNotMet (TargetConditionNotMet
    // for a copy's destination), and BlobAlreadyExists under If-None-Match (409 where S3 answers 412).
    // A 412 without a code is taken as one only on a conditional request (HEAD answers carry no body).
    const conditionFailed = (status === 412 && (code === 'ConditionNotMet' || code === 'TargetConditionNotMet' || (!code && conditional))) ||
        (status === 409 && code === 'BlobAlreadyExists' && !!input.IfNoneMatch);
    if (status === 412 && !conditionFailed) {
        // LeaseIdMissing, LeaseIdMismatchWithLeaseOperation...: a blob lease (Azure's own, not shipkit's) is on the blob.
        // Not a lost race: retrying cannot succeed until that lease is broken or expires.
        const where = `${String(input.Bucket)}/${String(input.Key ?? '')}`;
        const lease = /^Lease/.test(code ?? '');
        return new _shipkit_core__WEBPACK_IMPORTED_MODULE_3__.ShipkitError(`Azure Blob Storage refused ${operation} on azblob://${where} with 412 ${code ?? '(no error code)'}: ${(0,_shipkit_core__WEBPACK_IMPORTED_MODULE_3__.errorMessage)(error).split('\n')[0]} Expected either success or 412 ConditionNotMet.`, {
            hint: lease
                ? 'Someone holds an Azure blob lease on that blob (shipkit never takes one). Break it (az storage blob lease break --container-name <container> --blob-name <key>) or wait for it to expire, then re-run.'
                : 'Check who else writes to that blob.',
            cause: error,
        });
    }
    const name = conditionFailed ? 'PreconditionFailed' : status === 404 ? (code === 'ContainerNotFound' ? 'NoSuchBucket' : 'NoSuchKey') : (code ?? `Http${status}`);
    const firstLine = (0,_shipkit_core__WEBPACK_IMPORTED_MODULE_3__.errorMessage)(error).split('\n')[0];
    const wrapped = new Error(`Azure Blob Storage ${operation}: ${code ? `${code}: ` : ''}${firstLine}`);
    wrapped.name = name;
    wrapped.$metadata = { httpStatusCode: conditionFailed ? 412 : status };
    // S3's code for a condition that did not hold (the engine's isPreconditionFailed reads it); Blob Storage's own code kept beside it.
    wrapped.Code = conditionFailed ? 'PreconditionFailed' : code;
    wrapped.BlobErrorCode = code;
    // The store's clock, as on its successful answers (a 404 or 412 is often the first answer a run gets).
    const date = error?.response?.headers?.get?.('date');
    if (date && Number.isFinite(Date.parse(date)))
        wrapped.StoreDate = new Date(Date.parse(date));
    return wrapped;
}


/***/ })

};
