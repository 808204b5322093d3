import {
  awsEndpointFromEnv,
  blobEndpoint,
  getBoolean,
  getList,
  getNumber,
  getOptional,
  getString,
  invalidInput,
  isAzureBucket,
  loadConfig,
  parseAzureBucket,
  parseBoolean,
  readContext,
  resolveInside,
  ShipkitError,
  type RunContext,
} from '@shipkit/core';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, normalizePrefix, parseCacheControlRules } from '@shipkit/s3';
import { azureCdnTarget, type AzureCdnTarget } from '@shipkit/azure';
import { canonicalPrefix, checkNoOverlap, configLocations } from '@shipkit/environments';
import type { CdnPublishOptions } from './publish.js';
import { resolveVersion } from './versions.js';

/** Everything cdn-publish needs, from inputs with the config file's `cdn:` and `aws:` as fallback:
 *  publishCdn's options plus how to reach S3 and whether to wait for the invalidation. */
export interface CdnPublishInputs extends Omit<CdnPublishOptions, 'invalidate' | 'log' | 'warn'> {
  waitForInvalidation: boolean;
  /** Front Door / Azure CDN purged after the alias moves (config cdn.azure-cdn). */
  azureCdn?: AzureCdnTarget;
  region?: string;
  endpoint?: string;
  forcePathStyle?: boolean;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function defaultBaseUrl(bucket: string, endpoint: string | undefined, region: string | undefined, forcePathStyle: boolean | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const azure = parseAzureBucket(bucket);
  if (azure) return `${blobEndpoint(azure.account, env)}/${azure.container}`;
  if (endpoint) {
    const url = endpoint.replace(/\/+$/, '');
    return forcePathStyle === false ? url.replace('://', `://${bucket}.`) : `${url}/${bucket}`;
  }
  return `https://${bucket}.s3.${region || 'us-east-1'}.amazonaws.com`;
}

/** Reads and validates every input before anything is changed. */
export function readInputs(context: RunContext = readContext()): CdnPublishInputs {
  const loaded = loadConfig(getOptional('config'), context.workspace);
  const cdn = loaded?.config.cdn ?? {};
  const aws = loaded?.config.aws ?? {};

  const sourceInput = getString('source-dir', { required: true });
  const sourceDir = resolveInside('source-dir', sourceInput, { workspace: context.workspace, allowOutside: getBoolean('allow-outside-workspace', false), kind: 'directory' });

  const bucket = getOptional('bucket') ?? cdn.bucket;
  if (!bucket) {
    throw new ShipkitError('Input "bucket" is required but was not given (and the config file has no cdn.bucket).', { hint: 'Pass "bucket" or set cdn.bucket in .github/shipkit.yml.' });
  }
  // Named where it came from: the input, or the config file's cdn.bucket (an input the user never set would mislead).
  const bucketField = getOptional('bucket') !== undefined ? 'bucket' : `${loaded?.file ?? 'config'}: cdn.bucket`;
  if (!BUCKET.test(bucket) && !isAzureBucket(bucket)) throw invalidInput(bucketField, bucket, 'an S3 bucket name (3-63 lowercase letters, digits, "." and "-") or an Azure Blob <account>/<container> (account: 3-24 lower-case letters and digits; container: 3-63 lower-case letters, digits and single hyphens)');
  const prefixInput = getOptional('prefix');
  const prefix = normalizePrefix(canonicalPrefix(prefixInput !== undefined ? 'Input "prefix"' : 'cdn.prefix', prefixInput ?? cdn.prefix ?? ''));
  // The CDN location must not overlap an environment's install location or the state store (an
  // install would delete the immutable versions and aliases; a publish would overwrite a live site).
  if (loaded) checkNoOverlap(configLocations(loaded, { cdn: { bucket, prefix } }).map((location) => (location.field === 'cdn' ? { ...location, field: getOptional('bucket') ? 'input "bucket"/"prefix"' : 'cdn' } : location)), loaded.file);

  const version = resolveVersion(getOptional('version'), context);
  const cacheRules = parseCacheControlRules(getString('cache-control'));
  const distributionId = getOptional('distribution-id') ?? cdn['distribution-id'];
  if (distributionId && !/^[A-Z0-9]{6,}$/.test(distributionId)) {
    throw invalidInput('distribution-id', distributionId, 'a CloudFront distribution id such as E2QWRUHEXAMPLE');
  }
  const azureCdn = cdn['azure-cdn'] ? azureCdnTarget(cdn['azure-cdn']) : undefined;
  if (azureCdn && distributionId) throw new ShipkitError(`${loaded?.file ?? 'config'}: cdn.azure-cdn and a CloudFront distribution-id (${distributionId}) are both set: expected the one CDN in front of the published files.`);
  const endpoint = getOptional('endpoint') ?? aws.endpoint;
  if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) throw invalidInput('endpoint', endpoint, 'an http(s) URL such as https://s3.example.com');
  const forcePathStyleInput = getOptional('force-path-style');
  const forcePathStyle = forcePathStyleInput !== undefined ? parseBoolean('force-path-style', forcePathStyleInput) : aws['force-path-style'];
  const region = getOptional('region') ?? aws.region;
  const baseUrlInput = getOptional('base-url') ?? cdn['base-url'];
  if (baseUrlInput && !/^https?:\/\/\S+$/.test(baseUrlInput)) throw invalidInput('base-url', baseUrlInput, 'an http(s) URL');
  const resolvedEndpoint = endpoint ?? awsEndpointFromEnv('S3');
  const baseUrl = (baseUrlInput ?? defaultBaseUrl(bucket, resolvedEndpoint, region ?? process.env.AWS_REGION, forcePathStyle)).replace(/\/+$/, '');

  return {
    sourceDir,
    bucket,
    prefix,
    version,
    aliases: getBoolean('aliases', true),
    cacheRules,
    include: getList('include', { comma: false }),
    exclude: getList('exclude', { comma: false }),
    overwrite: getBoolean('overwrite', false),
    dryRun: getBoolean('dry-run', false),
    distributionId,
    azureCdn,
    waitForInvalidation: getBoolean('wait-for-invalidation', false),
    region,
    endpoint,
    forcePathStyle,
    concurrency: getNumber('concurrency', DEFAULT_CONCURRENCY, { min: 1, max: MAX_CONCURRENCY, integer: true }),
    baseUrl,
  };
}
