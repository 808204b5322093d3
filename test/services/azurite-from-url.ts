/**
 * STAND-IN for the two "From URL" operations of Blob Storage that azurite does not serve (it
 * answers 501 to both): Put Blob From URL (a PUT with `x-ms-copy-source` and `x-ms-blob-type:
 * BlockBlob`) and Put Block From URL (`?comp=block` with `x-ms-copy-source`). It sits in front of
 * azurite; every other request is passed to azurite unchanged (azurite checks its signature,
 * conditions and shapes as the service does).
 *
 * What it does for the two operations, in the shapes of the REST reference:
 * - reads the source (the URL names this proxy; it reads from azurite, the `x-ms-source-range`
 *   only for Put Block From URL) and writes the destination in ONE Put Blob (or Put Block) to
 *   azurite, with the request's `x-ms-blob-*` headers and `x-ms-meta-*` metadata when
 *   `x-ms-copy-source-blob-properties: false`, else the source's; with the request's
 *   If-Match / If-None-Match, so azurite answers 412 ConditionNotMet / 409 BlobAlreadyExists;
 *   Content-MD5 is computed by azurite for the new content, as the service does for Put Blob;
 * - answers 201 with the destination's ETag, Last-Modified and Content-MD5, or azurite's error.
 *
 * Its limits: it does not check the signature of these two requests (azurite checks all the
 * others); the source must carry a SAS (`sig=` in its URL) or `x-ms-copy-source-authorization:
 * Bearer ...`, as a source in a private container must (403 CannotVerifyCopySource otherwise), but
 * neither is verified cryptographically; sources are read whole (no 5,000 MiB limit modelled).
 */
import type http from 'node:http';
import { createHash } from 'node:crypto';
import { BlobServiceClient, RestError } from '@azure/storage-blob';
import { startHttpServer, type HttpService } from './index.js';

function xmlError(response: http.ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code, 'x-ms-request-id': crypto.randomUUID(), 'x-ms-version': '2025-01-05' });
  response.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

/** `/account/container/key...` of a URL (path-style, as azurite serves). */
function blobPath(url: URL): { container: string; key: string } | undefined {
  const match = /^\/[^/]+\/([^/]+)\/(.+)$/.exec(url.pathname);
  return match ? { container: decodeURIComponent(match[1]), key: decodeURIComponent(match[2]) } : undefined;
}

const header = (request: http.IncomingMessage, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Counts of the two operations served, for tests that assert a copy took one request. */
export interface FromUrlCounts {
  putBlobFromUrl: number;
  putBlockFromUrl: number;
}

export async function startFromUrlProxy(options: {
  /** azurite's own origin (http(s)://127.0.0.1:port). */
  upstream: string;
  /** A connection string straight to azurite, for the proxy's own reads and writes. */
  connectionString: string;
  tls?: boolean;
  ca?: string;
}): Promise<HttpService & { counts: FromUrlCounts }> {
  const admin = BlobServiceClient.fromConnectionString(options.connectionString);
  const upstream = new URL(options.upstream);
  const counts: FromUrlCounts = { putBlobFromUrl: 0, putBlockFromUrl: 0 };
  const { default: http } = await import('node:http');
  const { default: https } = await import('node:https');

  const forward = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const client = upstream.protocol === 'https:' ? https : http;
    const outgoing = client.request(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: { ...request.headers, host: upstream.host }, ca: options.ca },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    outgoing.on('error', (error) => {
      if (!response.headersSent) response.writeHead(502);
      response.end(String(error));
    });
    request.pipe(outgoing);
  };

  const fromUrl = async (request: http.IncomingMessage, response: http.ServerResponse, block: boolean) => {
    request.resume();
    const url = new URL(request.url ?? '/', 'http://proxy');
    const destination = blobPath(url);
    const source = new URL(String(header(request, 'x-ms-copy-source')));
    const from = blobPath(source);
    if (!destination || !from) return xmlError(response, 400, 'InvalidUri', 'The requested URI does not represent any resource on the server.');
    const authorized = source.searchParams.has('sig') || /^Bearer\s+\S+/i.test(header(request, 'x-ms-copy-source-authorization') ?? '');
    if (!authorized) return xmlError(response, 403, 'CannotVerifyCopySource', 'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.');
    const sourceBlob = admin.getContainerClient(from.container).getBlobClient(from.key);
    let bytes: Buffer;
    let sourceProperties;
    try {
      const range = /^bytes=(\d+)-(\d+)$/.exec(header(request, 'x-ms-source-range') ?? '');
      const offset = range ? Number(range[1]) : 0;
      const count = range ? Number(range[2]) - offset + 1 : undefined;
      bytes = await sourceBlob.downloadToBuffer(offset, count);
      sourceProperties = await sourceBlob.getProperties();
    } catch (error) {
      const status = error instanceof RestError ? (error.statusCode ?? 500) : 500;
      return xmlError(response, status === 404 ? 404 : 403, status === 404 ? 'CannotVerifyCopySource' : 'CannotVerifyCopySource', `The source could not be read (${status}).`);
    }
    const target = admin.getContainerClient(destination.container).getBlockBlobClient(destination.key);
    try {
      if (block) {
        counts.putBlockFromUrl++;
        await target.stageBlock(String(url.searchParams.get('blockid')), bytes, bytes.length);
        response.writeHead(201, { 'x-ms-request-id': crypto.randomUUID(), 'x-ms-version': '2025-01-05', 'x-ms-request-server-encrypted': 'true', 'content-md5': createHash('md5').update(bytes).digest('base64'), date: new Date().toUTCString() });
        response.end();
        return;
      }
      counts.putBlobFromUrl++;
      const copyProperties = (header(request, 'x-ms-copy-source-blob-properties') ?? 'true').toLowerCase() !== 'false';
      const metadata: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) if (name.startsWith('x-ms-meta-') && typeof value === 'string') metadata[name.slice('x-ms-meta-'.length)] = value;
      const written = await target.upload(bytes, bytes.length, {
        blobHTTPHeaders: copyProperties
          ? { blobContentType: sourceProperties.contentType, blobCacheControl: sourceProperties.cacheControl, blobContentEncoding: sourceProperties.contentEncoding, blobContentDisposition: sourceProperties.contentDisposition, blobContentLanguage: sourceProperties.contentLanguage }
          : {
              blobContentType: header(request, 'x-ms-blob-content-type'),
              blobCacheControl: header(request, 'x-ms-blob-cache-control'),
              blobContentEncoding: header(request, 'x-ms-blob-content-encoding'),
              blobContentDisposition: header(request, 'x-ms-blob-content-disposition'),
              blobContentLanguage: header(request, 'x-ms-blob-content-language'),
            },
        metadata: Object.keys(metadata).length ? metadata : copyProperties ? sourceProperties.metadata : undefined,
        conditions: { ifMatch: header(request, 'if-match'), ifNoneMatch: header(request, 'if-none-match') },
      });
      response.writeHead(201, {
        etag: written.etag,
        'last-modified': written.lastModified?.toUTCString(),
        'content-md5': createHash('md5').update(bytes).digest('base64'),
        'x-ms-request-id': crypto.randomUUID(),
        'x-ms-version': '2025-01-05',
        'x-ms-request-server-encrypted': 'true',
        date: (written.date ?? new Date()).toUTCString(),
      });
      response.end();
    } catch (error) {
      if (error instanceof RestError && error.statusCode) return xmlError(response, error.statusCode, String(error.code ?? 'InternalError'), error.message.split('\n')[0]);
      xmlError(response, 500, 'InternalError', String(error));
    }
  };

  const service = await startHttpServer(
    (request, response) => {
      const copySource = header(request, 'x-ms-copy-source');
      const url = new URL(request.url ?? '/', 'http://proxy');
      if (request.method === 'PUT' && copySource && url.searchParams.get('comp') === 'block') return void fromUrl(request, response, true);
      if (request.method === 'PUT' && copySource && !url.searchParams.has('comp') && header(request, 'x-ms-blob-type') === 'BlockBlob') return void fromUrl(request, response, false);
      forward(request, response);
    },
    options.tls ? { tls: { selfSigned: true } } : {},
  );
  return Object.assign(service, { counts });
}
