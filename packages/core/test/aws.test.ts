import { describe, expect, test } from '@jest/globals';
import { awsClientSettings, awsEndpointFromEnv } from '../src/aws.js';

describe('AWS client settings shared by the S3 and CloudFront clients', () => {
  test.each([
    ['S3', { AWS_ENDPOINT_URL_S3: 'http://s3.local', AWS_ENDPOINT_URL: 'http://all.local' }, 'http://s3.local'],
    ['S3', { AWS_ENDPOINT_URL_CLOUDFRONT: 'http://cf.local', AWS_ENDPOINT_URL: 'http://all.local' }, 'http://all.local'],
    ['CLOUDFRONT', { AWS_ENDPOINT_URL_CLOUDFRONT: 'http://cf.local', AWS_ENDPOINT_URL_S3: 'http://s3.local' }, 'http://cf.local'],
    ['CLOUDFRONT', { AWS_ENDPOINT_URL_S3: 'http://s3.local' }, undefined],
    ['S3', { AWS_ENDPOINT_URL_S3: '' }, undefined],
  ] as const)('%s endpoint from %j -> %s', (service, env, expected) => {
    expect(awsEndpointFromEnv(service, env)).toBe(expected);
  });

  test('an explicit endpoint, attempts and credentials win over the environment', () => {
    const env = { AWS_ENDPOINT_URL: 'http://env.local', AWS_MAX_ATTEMPTS: '9', AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'env-secret' };
    const credentials = { accessKeyId: 'AKIDGIVEN', secretAccessKey: 'given-secret' };
    expect(awsClientSettings('S3', { endpoint: 'http://given.local', maxAttempts: 2, credentials, env })).toEqual({
      endpoint: 'http://given.local',
      maxAttempts: 2,
      retryMode: 'standard',
      credentials,
    });
  });

  test('defaults: attempts from AWS_MAX_ATTEMPTS (else 5); credentials only from an env passed in', () => {
    const env = { AWS_MAX_ATTEMPTS: '3', AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_SESSION_TOKEN: 'token' };
    expect(awsClientSettings('CLOUDFRONT', { env })).toMatchObject({ maxAttempts: 3, credentials: { accessKeyId: 'AKIDENV', secretAccessKey: 'env-secret', sessionToken: 'token' } });
    expect(awsClientSettings('CLOUDFRONT', { env: {} })).toEqual({ endpoint: undefined, maxAttempts: 5, retryMode: 'standard', credentials: undefined });
  });
});
