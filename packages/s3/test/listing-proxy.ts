/**
 * A listing-fault proxy in front of a real store (moto, s3rver or azurite): every request is
 * forwarded byte for byte, except the listing pages `fault.match` picks, whose answer it rewrites
 * the way a misbehaving store or middlebox would:
 *
 * - `truncated-without-token`: the page keeps only its first `keep` entries (default all) and
 *   none that `drop` matches, and says
 *   `<IsTruncated>true</IsTruncated>` with no `<NextContinuationToken>` (S3; Azure Blob pages have no
 *   IsTruncated: there the page keeps `keep` entries and its `<NextMarker>` is emptied, which no
 *   client can tell from a last page);
 * - `cut-body`: the body is cut mid-XML (after `cutAt` characters, default half of it), sent with a
 *   matching Content-Length: the client gets a complete HTTP answer whose XML does not parse;
 * - `repeat-token`: the page says it is truncated and names the continuation token `loop`; a
 *   request that presents `loop` gets that same page again (the proxy answers it; the request is
 *   signed, so it cannot be changed on the way), naming `loop` again — a store that hands out the
 *   same token twice.
 *
 * `times` faults are injected (default: every matching page), counted in `faulted`.
 */
import http from 'node:http';

export type ListingFaultKind = 'truncated-without-token' | 'cut-body' | 'repeat-token';

export interface ListingFault {
  kind: ListingFaultKind;
  /** Which listing requests to rewrite (default: every listing). `url.searchParams.get('prefix')` is the listed prefix. */
  match?: (url: URL) => boolean;
  /** How many pages to rewrite (default: all that match). */
  times?: number;
  /** truncated-without-token: entries (Contents / CommonPrefixes, Blob / BlobPrefix) kept on the page. */
  keep?: number;
  /** truncated-without-token: entries whose XML matches this are left off the page (e.g. /<Key>[^<]*\/production\//). */
  drop?: RegExp;
  /** cut-body: characters of the body kept. */
  cutAt?: number;
}

export interface ListingProxy {
  endpoint: string;
  /** The fault now applied (undefined: forward everything). */
  fault?: ListingFault;
  /** Listing pages rewritten so far. */
  readonly faulted: number;
  /** Listing requests seen (rewritten or not). */
  readonly listings: number;
  /** The URLs of the listing requests seen, in order. */
  readonly listed: string[];
  stop(): Promise<void>;
}

/** An S3 ListObjectsV2 or Azure List Blobs request. */
export function isListing(url: URL): boolean {
  return url.searchParams.get('list-type') === '2' || url.searchParams.get('comp') === 'list';
}

const LOOP_TOKEN = 'loop';

function keepEntries(body: string, keep: number | undefined, drop: RegExp | undefined): string {
  let seen = 0;
  return body.replace(/<(Contents|CommonPrefixes|Blob|BlobPrefix)>[\s\S]*?<\/\1>/g, (entry) => ((drop && drop.test(entry)) || (keep !== undefined && seen++ >= keep) ? '' : entry));
}

function rewrite(body: string, fault: ListingFault): string {
  switch (fault.kind) {
    case 'cut-body':
      return body.slice(0, fault.cutAt ?? Math.floor(body.length / 2));
    case 'truncated-without-token': {
      let out = keepEntries(body, fault.keep, fault.drop).replace(/<NextContinuationToken>[\s\S]*?<\/NextContinuationToken>/, '').replace(/<NextMarker>[\s\S]*?<\/NextMarker>/, '<NextMarker />');
      out = /<IsTruncated>/.test(out) ? out.replace(/<IsTruncated>[^<]*<\/IsTruncated>/, '<IsTruncated>true</IsTruncated>') : out;
      return out;
    }
    case 'repeat-token': {
      let out = body.replace(/<NextContinuationToken>[\s\S]*?<\/NextContinuationToken>/, '');
      if (/<IsTruncated>/.test(out)) out = out.replace(/<IsTruncated>[^<]*<\/IsTruncated>/, `<IsTruncated>true</IsTruncated><NextContinuationToken>${LOOP_TOKEN}</NextContinuationToken>`);
      // Azure Blob: the token is the NextMarker.
      out = /<NextMarker\s*\/>/.test(out) ? out.replace(/<NextMarker\s*\/>/, `<NextMarker>${LOOP_TOKEN}</NextMarker>`) : out.replace(/<NextMarker>[\s\S]*?<\/NextMarker>/, `<NextMarker>${LOOP_TOKEN}</NextMarker>`);
      return out;
    }
  }
}

export async function startListingProxy(target: string, fault?: ListingFault): Promise<ListingProxy> {
  const upstream = new URL(target);
  const state = { faulted: 0, listings: 0, listed: [] as string[], fault };
  let replay: { headers: http.OutgoingHttpHeaders; body: Buffer } | undefined;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const listing = req.method === 'GET' && isListing(url);
    if (listing) {
      state.listings++;
      state.listed.push(req.url ?? '');
    }
    const current = state.fault;
    const picked = listing && current !== undefined && (current.match?.(url) ?? true) && (current.times === undefined || state.faulted < current.times);
    if (picked && current.kind === 'repeat-token' && replay && [url.searchParams.get('continuation-token'), url.searchParams.get('marker')].includes(LOOP_TOKEN)) {
      // The store never issued `loop`: answer with the page that named it, naming it again.
      state.faulted++;
      req.resume();
      res.writeHead(200, replay.headers);
      res.end(replay.body);
      return;
    }
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (response) => {
      if (!picked || (response.statusCode ?? 500) >= 300) {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        state.faulted++;
        const body = Buffer.from(rewrite(Buffer.concat(chunks).toString('utf8'), current));
        const headers: http.OutgoingHttpHeaders = { ...response.headers, 'content-length': String(body.length) };
        // A rewritten body no longer matches the store's checksum headers.
        delete headers['content-md5'];
        delete headers['transfer-encoding'];
        if (current.kind === 'repeat-token') replay = { headers, body };
        res.writeHead(response.statusCode ?? 200, headers);
        res.end(body);
      });
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get fault() {
      return state.fault;
    },
    set fault(value) {
      state.fault = value;
      state.faulted = 0;
      replay = undefined;
    },
    get faulted() {
      return state.faulted;
    },
    get listings() {
      return state.listings;
    },
    get listed() {
      return state.listed;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
