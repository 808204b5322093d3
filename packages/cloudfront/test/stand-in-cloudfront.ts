/**
 * A STAND-IN for CloudFront's invalidation API (2020-05-31), because CloudFront cannot run here.
 * Real HTTP, answered with the XML shapes of AWS's documented CreateInvalidation/GetInvalidation
 * examples and CloudFront's ErrorResponse, so the real AWS SDK client parses them. It enforces the
 * documented in-progress limits (3,000 paths, 15 wildcard paths per distribution) with
 * TooManyInvalidationsInProgress, completes an invalidation after `pollsUntilComplete`
 * GetInvalidation calls, and can answer Throttling on demand.
 * (test/fakes/fake-cloudfront.ts covers the distribution-config calls the router makes.)
 */
import { randomBytes } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';

const NS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

export interface StandInInvalidation {
  id: string;
  paths: string[];
  callerReference: string;
  status: 'InProgress' | 'Completed';
  polls: number;
}

export interface StandInCloudFront {
  endpoint: string;
  distributionId: string;
  invalidations: StandInInvalidation[];
  /** Every request as `METHOD path -> status`. */
  calls: string[];
  /** The next `times` CreateInvalidation calls answer 400 Throttling. */
  throttle(times: number): void;
  /** The next `times` CreateInvalidation calls answer this error (e.g. 403 AccessDenied). */
  refuse(times: number, status: number, code: string, message: string): void;
  /** Marks every invalidation Completed (as if time passed). */
  completeAll(): void;
  stop(): Promise<void>;
}

export async function startStandInCloudFront(options: { distributionId?: string; pollsUntilComplete?: number; maxPaths?: number; maxWildcards?: number } = {}): Promise<StandInCloudFront> {
  const distributionId = options.distributionId ?? 'EDFDVBD6EXAMPLE';
  const maxPaths = options.maxPaths ?? 3000;
  const maxWildcards = options.maxWildcards ?? 15;
  const invalidations: StandInInvalidation[] = [];
  const calls: string[] = [];
  let throttled = 0;
  let refusals: { times: number; status: number; code: string; message: string } = { times: 0, status: 0, code: '', message: '' };
  const base = `/2020-05-31/distribution/${distributionId}/invalidation`;

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomBytes(16).toString('hex'), ...headers });
    res.end(`<?xml version="1.0"?>\n${body}`);
  };
  const error = (res: ServerResponse, status: number, code: string, message: string) =>
    send(res, status, `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomBytes(16).toString('hex')}</RequestId></ErrorResponse>`);
  const invalidationXml = (item: StandInInvalidation) =>
    `<Invalidation xmlns="${NS}"><Id>${item.id}</Id><Status>${item.status}</Status><CreateTime>2019-12-05T18:40:49.413Z</CreateTime><InvalidationBatch><Paths><Quantity>${item.paths.length}</Quantity><Items>${item.paths.map((path) => `<Path>${path}</Path>`).join('')}</Items></Paths><CallerReference>${item.callerReference}</CallerReference></InvalidationBatch></Invalidation>`;

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const reply = (status: number, fn: () => void) => {
        calls.push(`${req.method} ${url.pathname} -> ${status}`);
        fn();
      };
      if (!url.pathname.startsWith(base)) return reply(404, () => error(res, 404, 'NoSuchDistribution', 'The specified distribution does not exist.'));
      const rest = url.pathname.slice(base.length);
      if (req.method === 'POST' && rest === '') {
        if (throttled > 0) {
          throttled--;
          return reply(400, () => error(res, 400, 'Throttling', 'Rate exceeded'));
        }
        if (refusals.times > 0) {
          refusals.times--;
          return reply(refusals.status, () => error(res, refusals.status, refusals.code, refusals.message));
        }
        const paths = [...body.matchAll(/<Path>([^<]*)<\/Path>/g)].map((match) => match[1]);
        const callerReference = /<CallerReference>([^<]*)<\/CallerReference>/.exec(body)?.[1] ?? '';
        const quantity = Number(/<Quantity>(\d+)<\/Quantity>/.exec(body)?.[1]);
        if (quantity !== paths.length || !callerReference) return reply(400, () => error(res, 400, 'InconsistentQuantities', 'The value of Quantity and the size of Items don\'t match.'));
        const existing = invalidations.find((item) => item.callerReference === callerReference);
        if (existing) {
          // CloudFront: the same CallerReference with the same batch returns the existing invalidation.
          return reply(201, () => send(res, 201, invalidationXml(existing), { location: `https://cloudfront.amazonaws.com${base}/${existing.id}` }));
        }
        const inProgress = invalidations.filter((item) => item.status === 'InProgress');
        const pathsInProgress = inProgress.reduce((sum, item) => sum + item.paths.length, 0);
        const wildcardsInProgress = inProgress.reduce((sum, item) => sum + item.paths.filter((path) => path.includes('*')).length, 0);
        const wildcards = paths.filter((path) => path.includes('*')).length;
        if (pathsInProgress + paths.length > maxPaths || wildcardsInProgress + wildcards > maxWildcards) {
          return reply(400, () => error(res, 400, 'TooManyInvalidationsInProgress', 'Processing your request will cause you to exceed the maximum number of in-progress wildcard invalidations.'));
        }
        const item: StandInInvalidation = { id: `I${randomBytes(6).toString('hex').toUpperCase()}`, paths, callerReference, status: 'InProgress', polls: 0 };
        invalidations.push(item);
        return reply(201, () => send(res, 201, invalidationXml(item), { location: `https://cloudfront.amazonaws.com${base}/${item.id}` }));
      }
      const match = /^\/([A-Z0-9]+)$/.exec(rest);
      if (req.method === 'GET' && match) {
        const item = invalidations.find((candidate) => candidate.id === match[1]);
        if (!item) return reply(404, () => error(res, 404, 'NoSuchInvalidation', 'The specified invalidation does not exist.'));
        item.polls++;
        if (item.polls >= (options.pollsUntilComplete ?? 1)) item.status = 'Completed';
        return reply(200, () => send(res, 200, invalidationXml(item)));
      }
      return reply(400, () => error(res, 400, 'InvalidArgument', `stand-in does not implement ${req.method} ${url.pathname}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    distributionId,
    invalidations,
    calls,
    throttle: (times) => (throttled = times),
    refuse: (times, status, code, message) => (refusals = { times, status, code, message }),
    completeAll: () => invalidations.forEach((item) => (item.status = 'Completed')),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
