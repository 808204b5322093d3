/**
 * fake-cloudfront: a STAND-IN for Amazon CloudFront's REST API (version 2020-05-31), kept only for
 * what moto's CloudFront (the real API implementation the tests use otherwise, see
 * test/services startMoto) cannot do: enforce If-Match (moto ignores it), refuse or throttle on
 * demand (TooManyInvalidationsInProgress, Throttling), and report slow propagation (InProgress). It answers the calls shipkit makes, over real HTTP, with XML shaped
 * like the examples in AWS's API reference (GetDistributionConfig, UpdateDistribution,
 * GetDistribution, CreateInvalidation, GetInvalidation, CloudFront's ErrorResponse), so the real
 * AWS SDK client parses them.
 * - Distribution config: kept as the XML document last written, versioned by ETag; If-Match is
 *   enforced as CloudFront documents it: a missing one is InvalidIfMatchVersion (400), a stale one
 *   PreconditionFailed (412). GetDistribution answers InProgress `inProgressPolls` times after an update.
 * - Invalidations: the documented in-progress limits (3,000 paths, 15 wildcard paths per
 *   distribution) answer TooManyInvalidationsInProgress; the same CallerReference returns the
 *   existing invalidation; one completes after `pollsUntilComplete` GetInvalidation calls;
 *   Throttling or any other error on demand (`throttle`, `refuse`).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

const NS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

export interface FakeCloudFrontOptions {
  distributionId?: string;
  /** Origin ids declared in the distribution (each a custom origin, e.g. an S3 website endpoint). Default: one, `default-origin`. */
  origins?: string[];
  /** The origin the default cache behaviour starts on. Default: the first origin. */
  targetOriginId?: string;
  /** GetDistribution answers InProgress this many times after each update before Deployed. */
  inProgressPolls?: number;
  /** An invalidation is Completed from its `pollsUntilComplete`-th GetInvalidation on (default 1). */
  pollsUntilComplete?: number;
  /** In-progress invalidation limits (CloudFront's: 3,000 paths, 15 wildcard paths). */
  maxPaths?: number;
  maxWildcards?: number;
}

export interface RecordedCall {
  method: string;
  path: string;
  ifMatch?: string;
  status: number;
}

export interface FakeInvalidation {
  id: string;
  paths: string[];
  callerReference: string;
  status: 'InProgress' | 'Completed';
  /** GetInvalidation calls answered so far. */
  polls: number;
}

export interface FakeCloudFront {
  endpoint: string;
  distributionId: string;
  /** Every request, in order, with the status it was answered. */
  calls: RecordedCall[];
  invalidations: FakeInvalidation[];
  /** The default cache behaviour's TargetOriginId as stored now. */
  targetOriginId(): string;
  etag(): string;
  /** The next `times` updates find the distribution edited by someone else just before (ETag bumped). */
  editConcurrently(times: number): void;
  /** The next `times` CreateInvalidation calls answer 400 Throttling. */
  throttle(times: number): void;
  /** The next `times` CreateInvalidation calls answer this error (e.g. 403 AccessDenied, 400 TooManyInvalidationsInProgress). */
  refuse(times: number, status: number, code: string, message: string): void;
  /** Marks every invalidation Completed (as if time passed). */
  completeAll(): void;
  stop(): Promise<void>;
}

function originXml(id: string): string {
  return `<Origin><Id>${id}</Id><DomainName>${id}.s3-website-us-east-1.amazonaws.com</DomainName><OriginPath></OriginPath><CustomHeaders><Quantity>0</Quantity></CustomHeaders><CustomOriginConfig><HTTPPort>80</HTTPPort><HTTPSPort>443</HTTPSPort><OriginProtocolPolicy>http-only</OriginProtocolPolicy><OriginSslProtocols><Quantity>1</Quantity><Items><SslProtocol>TLSv1.2</SslProtocol></Items></OriginSslProtocols><OriginReadTimeout>30</OriginReadTimeout><OriginKeepaliveTimeout>5</OriginKeepaliveTimeout></CustomOriginConfig><ConnectionAttempts>3</ConnectionAttempts><ConnectionTimeout>10</ConnectionTimeout><OriginShield><Enabled>false</Enabled></OriginShield><OriginAccessControlId></OriginAccessControlId></Origin>`;
}

/** A distribution config as GetDistributionConfig returns it (the documented example's shape). */
export function distributionConfigXml(options: { origins: string[]; targetOriginId: string; comment?: string }): string {
  return `<DistributionConfig xmlns="${NS}"><CallerReference>shipkit-example-2024-01-01</CallerReference><Aliases><Quantity>1</Quantity><Items><CNAME>www.example.com</CNAME></Items></Aliases><DefaultRootObject>index.html</DefaultRootObject><Origins><Quantity>${options.origins.length}</Quantity><Items>${options.origins.map(originXml).join('')}</Items></Origins><OriginGroups><Quantity>0</Quantity></OriginGroups><DefaultCacheBehavior><TargetOriginId>${options.targetOriginId}</TargetOriginId><TrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></TrustedSigners><TrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></TrustedKeyGroups><ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy><AllowedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items><CachedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items></CachedMethods></AllowedMethods><SmoothStreaming>false</SmoothStreaming><Compress>true</Compress><LambdaFunctionAssociations><Quantity>0</Quantity></LambdaFunctionAssociations><FunctionAssociations><Quantity>0</Quantity></FunctionAssociations><FieldLevelEncryptionId></FieldLevelEncryptionId><CachePolicyId>658327ea-f89d-4fab-a63d-7e88639e58f6</CachePolicyId></DefaultCacheBehavior><CacheBehaviors><Quantity>0</Quantity></CacheBehaviors><CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses><Comment>${options.comment ?? 'shop production'}</Comment><Logging><Enabled>false</Enabled><IncludeCookies>false</IncludeCookies><Bucket></Bucket><Prefix></Prefix></Logging><PriceClass>PriceClass_All</PriceClass><Enabled>true</Enabled><ViewerCertificate><CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate><SSLSupportMethod>vip</SSLSupportMethod><MinimumProtocolVersion>TLSv1</MinimumProtocolVersion><CertificateSource>cloudfront</CertificateSource></ViewerCertificate><Restrictions><GeoRestriction><RestrictionType>none</RestrictionType><Quantity>0</Quantity></GeoRestriction></Restrictions><WebACLId></WebACLId><HttpVersion>http2</HttpVersion><IsIPV6Enabled>true</IsIPV6Enabled><ContinuousDeploymentPolicyId></ContinuousDeploymentPolicyId><Staging>false</Staging></DistributionConfig>`;
}

function tag(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

function newEtag(): string {
  return `E${randomBytes(7).toString('hex').toUpperCase()}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export async function startFakeCloudFront(options: FakeCloudFrontOptions = {}): Promise<FakeCloudFront> {
  const distributionId = options.distributionId ?? 'EDFDVBD6EXAMPLE';
  const origins = options.origins ?? ['default-origin'];
  const maxPaths = options.maxPaths ?? 3000;
  const maxWildcards = options.maxWildcards ?? 15;
  let configXml = distributionConfigXml({ origins, targetOriginId: options.targetOriginId ?? origins[0] });
  let etag = newEtag();
  let inProgressLeft = 0;
  let concurrentEdits = 0;
  let throttled = 0;
  let refusals = { times: 0, status: 0, code: '', message: '' };
  const calls: RecordedCall[] = [];
  const invalidations: FakeInvalidation[] = [];
  const base = `/2020-05-31/distribution/${distributionId}`;

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomBytes(16).toString('hex'), ...headers });
    res.end(`<?xml version="1.0"?>\n${body}`);
  };
  const error = (res: ServerResponse, status: number, code: string, message: string) =>
    send(res, status, `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomBytes(16).toString('hex')}</RequestId></ErrorResponse>`);
  const inProgress = () => invalidations.filter((item) => item.status === 'InProgress');
  /** `poll`: a GetDistribution call, which counts down the InProgress answers. */
  const distributionXml = (poll: boolean) => {
    const status = inProgressLeft > 0 ? 'InProgress' : 'Deployed';
    if (poll && inProgressLeft > 0) inProgressLeft--;
    return `<Distribution xmlns="${NS}"><Id>${distributionId}</Id><ARN>arn:aws:cloudfront::123456789012:distribution/${distributionId}</ARN><Status>${status}</Status><LastModifiedTime>2024-01-01T00:00:00.000Z</LastModifiedTime><InProgressInvalidationBatches>${inProgress().length}</InProgressInvalidationBatches><DomainName>d111111abcdef8.cloudfront.net</DomainName><ActiveTrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedSigners><ActiveTrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedKeyGroups>${configXml.replace(` xmlns="${NS}"`, '')}</Distribution>`;
  };
  const invalidationXml = (item: FakeInvalidation) =>
    `<Invalidation xmlns="${NS}"><Id>${item.id}</Id><Status>${item.status}</Status><CreateTime>2024-01-01T00:00:00.000Z</CreateTime><InvalidationBatch><Paths><Quantity>${item.paths.length}</Quantity><Items>${item.paths.map((path) => `<Path>${path}</Path>`).join('')}</Items></Paths><CallerReference>${item.callerReference}</CallerReference></InvalidationBatch></Invalidation>`;
  const invalidationLocation = (item: FakeInvalidation) => ({ location: `https://cloudfront.amazonaws.com${base}/invalidation/${item.id}` });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const ifMatch = req.headers['if-match'] as string | undefined;
    const record = (status: number) => calls.push({ method: req.method ?? '', path: url.pathname, ifMatch, status });
    const body = await readBody(req);
    if (!url.pathname.startsWith(base)) {
      record(404);
      return error(res, 404, 'NoSuchDistribution', 'The specified distribution does not exist.');
    }
    const rest = url.pathname.slice(base.length);
    if (req.method === 'GET' && rest === '/config') {
      record(200);
      return send(res, 200, configXml, { etag });
    }
    if (req.method === 'GET' && rest === '') {
      record(200);
      return send(res, 200, distributionXml(true), { etag });
    }
    if (req.method === 'PUT' && rest === '/config') {
      if (concurrentEdits > 0) {
        concurrentEdits--;
        etag = newEtag(); // someone else's update landed between our read and this write
      }
      if (!ifMatch) {
        record(400);
        return error(res, 400, 'InvalidIfMatchVersion', 'The If-Match version is missing or not valid for the resource.');
      }
      if (ifMatch !== etag) {
        record(412);
        return error(res, 412, 'PreconditionFailed', 'The precondition given in one or more of the request-header fields evaluated to false.');
      }
      const declared = [...body.matchAll(/<Origin>\s*<Id>([^<]*)<\/Id>/g)].map((match) => match[1]);
      const behaviour = /<DefaultCacheBehavior>([\s\S]*?)<\/DefaultCacheBehavior>/.exec(body)?.[1] ?? '';
      const target = tag(behaviour, 'TargetOriginId');
      if (!target || !declared.includes(target)) {
        record(404);
        return error(res, 404, 'NoSuchOrigin', 'No origin exists with the specified Origin Id.');
      }
      configXml = body.replace(/^<\?xml[^>]*>\s*/, '');
      etag = newEtag();
      inProgressLeft = options.inProgressPolls ?? 0;
      record(200);
      return send(res, 200, distributionXml(false), { etag });
    }
    if (req.method === 'POST' && rest === '/invalidation') {
      if (throttled > 0) {
        throttled--;
        record(400);
        return error(res, 400, 'Throttling', 'Rate exceeded');
      }
      if (refusals.times > 0) {
        refusals.times--;
        record(refusals.status);
        return error(res, refusals.status, refusals.code, refusals.message);
      }
      const paths = [...body.matchAll(/<Path>([^<]*)<\/Path>/g)].map((match) => match[1]);
      const callerReference = tag(body, 'CallerReference') ?? '';
      if (Number(tag(body, 'Quantity')) !== paths.length || !callerReference) {
        record(400);
        return error(res, 400, 'InconsistentQuantities', "The value of Quantity and the size of Items don't match.");
      }
      // CloudFront: the same CallerReference with the same batch returns the existing invalidation.
      const existing = invalidations.find((item) => item.callerReference === callerReference);
      if (existing) {
        record(201);
        return send(res, 201, invalidationXml(existing), invalidationLocation(existing));
      }
      const running = inProgress();
      const pathsInProgress = running.reduce((sum, item) => sum + item.paths.length, 0);
      const wildcardsInProgress = running.reduce((sum, item) => sum + item.paths.filter((path) => path.includes('*')).length, 0);
      const wildcards = paths.filter((path) => path.includes('*')).length;
      if (pathsInProgress + paths.length > maxPaths || wildcardsInProgress + wildcards > maxWildcards) {
        record(400);
        return error(res, 400, 'TooManyInvalidationsInProgress', 'Processing your request will cause you to exceed the maximum number of in-progress wildcard invalidations.');
      }
      const item: FakeInvalidation = { id: `I${randomBytes(6).toString('hex').toUpperCase()}`, paths, callerReference, status: 'InProgress', polls: 0 };
      invalidations.push(item);
      record(201);
      return send(res, 201, invalidationXml(item), invalidationLocation(item));
    }
    const invalidation = /^\/invalidation\/([A-Z0-9]+)$/.exec(rest);
    if (req.method === 'GET' && invalidation) {
      const found = invalidations.find((item) => item.id === invalidation[1]);
      if (!found) {
        record(404);
        return error(res, 404, 'NoSuchInvalidation', 'The specified invalidation does not exist.');
      }
      found.polls++;
      if (found.polls >= (options.pollsUntilComplete ?? 1)) found.status = 'Completed';
      record(200);
      return send(res, 200, invalidationXml(found));
    }
    record(400);
    return error(res, 400, 'InvalidArgument', `fake-cloudfront does not implement ${req.method} ${url.pathname}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    distributionId,
    calls,
    invalidations,
    targetOriginId: () => tag(/<DefaultCacheBehavior>([\s\S]*?)<\/DefaultCacheBehavior>/.exec(configXml)?.[1] ?? '', 'TargetOriginId') ?? '',
    etag: () => etag,
    editConcurrently: (times) => (concurrentEdits = times),
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
