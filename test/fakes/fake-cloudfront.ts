/**
 * fake-cloudfront: a STAND-IN for Amazon CloudFront's REST API (version 2020-05-31), because
 * CloudFront cannot run here. It answers the calls shipkit makes, over real HTTP, with XML shaped
 * like the examples in AWS's API reference (GetDistributionConfig, UpdateDistribution,
 * GetDistribution, CreateInvalidation, GetInvalidation, error responses), so the real AWS SDK
 * client parses them. It keeps the configuration as the XML document last written, versioned by
 * ETag, and enforces If-Match exactly as CloudFront documents: a missing If-Match is
 * InvalidIfMatchVersion (400), a stale one PreconditionFailed (412).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

const NS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

export interface FakeCloudFrontOptions {
  distributionId?: string;
  /** Origin ids declared in the distribution (each a custom origin, e.g. an S3 website endpoint). */
  origins: string[];
  /** The origin the default cache behaviour starts on. */
  targetOriginId: string;
  /** GetDistribution answers InProgress this many times after each update before Deployed. */
  inProgressPolls?: number;
}

export interface RecordedCall {
  method: string;
  path: string;
  ifMatch?: string;
  status: number;
}

export interface FakeCloudFront {
  endpoint: string;
  distributionId: string;
  calls: RecordedCall[];
  invalidations: Array<{ id: string; paths: string[]; callerReference: string }>;
  /** The default cache behaviour's TargetOriginId as stored now. */
  targetOriginId(): string;
  etag(): string;
  /** The next `times` updates find the distribution edited by someone else just before (ETag bumped). */
  editConcurrently(times: number): void;
  /** The next `times` invalidation requests fail with 400 TooManyInvalidationsInProgress. */
  failInvalidations(times: number): void;
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

export async function startFakeCloudFront(options: FakeCloudFrontOptions): Promise<FakeCloudFront> {
  const distributionId = options.distributionId ?? 'EDFDVBD6EXAMPLE';
  let configXml = distributionConfigXml(options);
  let etag = newEtag();
  let inProgressLeft = 0;
  let concurrentEdits = 0;
  let invalidationFailures = 0;
  const calls: RecordedCall[] = [];
  const invalidations: FakeCloudFront['invalidations'] = [];
  const base = `/2020-05-31/distribution/${distributionId}`;

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomBytes(16).toString('hex'), ...headers });
    res.end(`<?xml version="1.0"?>\n${body}`);
  };
  const error = (res: ServerResponse, status: number, code: string, message: string) =>
    send(res, status, `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomBytes(16).toString('hex')}</RequestId></ErrorResponse>`);
  /** `poll`: a GetDistribution call, which counts down the InProgress answers. */
  const distributionXml = (poll: boolean) => {
    const status = inProgressLeft > 0 ? 'InProgress' : 'Deployed';
    if (poll && inProgressLeft > 0) inProgressLeft--;
    return `<Distribution xmlns="${NS}"><Id>${distributionId}</Id><ARN>arn:aws:cloudfront::123456789012:distribution/${distributionId}</ARN><Status>${status}</Status><LastModifiedTime>2024-01-01T00:00:00.000Z</LastModifiedTime><InProgressInvalidationBatches>0</InProgressInvalidationBatches><DomainName>d111111abcdef8.cloudfront.net</DomainName><ActiveTrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedSigners><ActiveTrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedKeyGroups>${configXml.replace(` xmlns="${NS}"`, '')}</Distribution>`;
  };

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
        return error(res, 412, 'PreconditionFailed', "The precondition given in one or more of the request-header fields evaluated to false.");
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
      if (invalidationFailures > 0) {
        invalidationFailures--;
        record(400);
        return error(res, 400, 'TooManyInvalidationsInProgress', 'Processing your request would cause you to exceed the maximum number of in-progress wildcard invalidations.');
      }
      const paths = [...body.matchAll(/<Path>([^<]*)<\/Path>/g)].map((match) => match[1]);
      const callerReference = tag(body, 'CallerReference') ?? '';
      const id = `I${randomBytes(6).toString('hex').toUpperCase()}`;
      invalidations.push({ id, paths, callerReference });
      record(201);
      const batch = `<InvalidationBatch><Paths><Quantity>${paths.length}</Quantity><Items>${paths.map((path) => `<Path>${path}</Path>`).join('')}</Items></Paths><CallerReference>${callerReference}</CallerReference></InvalidationBatch>`;
      return send(res, 201, `<Invalidation xmlns="${NS}"><Id>${id}</Id><Status>InProgress</Status><CreateTime>2024-01-01T00:00:00.000Z</CreateTime>${batch}</Invalidation>`, {
        location: `https://cloudfront.amazonaws.com${base}/invalidation/${id}`,
      });
    }
    const invalidation = /^\/invalidation\/([A-Z0-9]+)$/.exec(rest);
    if (req.method === 'GET' && invalidation) {
      const found = invalidations.find((item) => item.id === invalidation[1]);
      if (!found) {
        record(404);
        return error(res, 404, 'NoSuchInvalidation', 'The specified invalidation does not exist.');
      }
      record(200);
      const batch = `<InvalidationBatch><Paths><Quantity>${found.paths.length}</Quantity><Items>${found.paths.map((path) => `<Path>${path}</Path>`).join('')}</Items></Paths><CallerReference>${found.callerReference}</CallerReference></InvalidationBatch>`;
      return send(res, 200, `<Invalidation xmlns="${NS}"><Id>${found.id}</Id><Status>Completed</Status><CreateTime>2024-01-01T00:00:00.000Z</CreateTime>${batch}</Invalidation>`);
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
    failInvalidations: (times) => (invalidationFailures = times),
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
