import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import net from 'node:net';
import { CloudFrontClient, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { CloudWatchClient, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
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
      requestHandler: { connectionTimeout: 10_000, socketTimeout: 120_000 },
    });
  });

  test('defaults: attempts from AWS_MAX_ATTEMPTS (else 5); credentials only from an env passed in', () => {
    const env = { AWS_MAX_ATTEMPTS: '3', AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_SESSION_TOKEN: 'token' };
    expect(awsClientSettings('CLOUDFRONT', { env })).toMatchObject({ maxAttempts: 3, credentials: { accessKeyId: 'AKIDENV', secretAccessKey: 'env-secret', sessionToken: 'token' } });
    expect(awsClientSettings('CLOUDFRONT', { env: {} })).toEqual({ endpoint: undefined, maxAttempts: 5, retryMode: 'standard', credentials: undefined, requestHandler: { connectionTimeout: 10_000, socketTimeout: 120_000 } });
  });
});

describe('a service that accepts a request and never answers', () => {
  // A real TCP server that reads every request and answers nothing.
  let server: net.Server;
  let endpoint: string;
  const sockets = new Set<net.Socket>();
  beforeAll(async () => {
    server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('data', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' };
  test.each([
    ['S3', () => new S3Client({ ...awsClientSettings('S3', { endpoint, credentials, maxAttempts: 1, requestTimeoutMs: 300 }), region: 'us-east-1', forcePathStyle: true }).send(new ListBucketsCommand({}))],
    ['CLOUDFRONT', () => new CloudFrontClient({ ...awsClientSettings('CLOUDFRONT', { endpoint, credentials, maxAttempts: 1, requestTimeoutMs: 300 }), region: 'us-east-1' }).send(new ListDistributionsCommand({}))],
    ['ECS', () => new ECSClient({ ...awsClientSettings('ECS', { endpoint, credentials, maxAttempts: 1, requestTimeoutMs: 300 }), region: 'us-east-1' }).send(new ListClustersCommand({}))],
    ['ELASTIC_LOAD_BALANCING_V2', () => new ElasticLoadBalancingV2Client({ ...awsClientSettings('ELASTIC_LOAD_BALANCING_V2', { endpoint, credentials, maxAttempts: 1, requestTimeoutMs: 300 }), region: 'us-east-1' }).send(new DescribeLoadBalancersCommand({}))],
    ['CLOUDWATCH', () => new CloudWatchClient({ ...awsClientSettings('CLOUDWATCH', { endpoint, credentials, maxAttempts: 1, requestTimeoutMs: 300 }), region: 'us-east-1' }).send(new ListMetricsCommand({}))],
  ])('%s: the request fails with a timeout (the settings bound the socket\'s silence) instead of holding the run', async (_service, send) => {
    const error = await Promise.race([
      send().then(() => 'answered', (caught: unknown) => caught as Error),
      new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 10 s'), 10_000).unref()),
    ]);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('TimeoutError');
  });
});
