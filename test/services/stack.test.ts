import { afterAll, describe, expect, test } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { run, startHttpServer, type HttpService } from './index.js';
import { startStack, type Stack } from './stack.js';

describe('startStack', () => {
  let stack: Stack | undefined;
  const apps: HttpService[] = [];
  afterAll(async () => {
    await stack?.stop();
    for (const app of apps) await app.stop();
  });

  test('starts S3, a registry with the base image and an nginx router together, and stops them together', async () => {
    stack = await startStack({ buckets: ['state'], websites: ['site'], router: { environment: 'staging' } });
    const { s3, registry, baseImage, router } = stack;
    expect(stack.env).toMatchObject({ AWS_ENDPOINT_URL: s3.endpoint, STORAGE_DRIVER: 'vfs', BUILDAH_ISOLATION: 'chroot' });

    const client = s3.client();
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'index.html', Body: 'site', ContentType: 'text/html' }));
    client.destroy();
    expect(await (await fetch(`${s3.websiteUrl('site')}/`)).text()).toBe('site');

    expect((await fetch(`${registry!.url}/v2/`)).status).toBe(200);
    await run('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', `containers-storage:${baseImage}`, `docker://${registry!.host}/stack/base:1`], {
      env: stack.env,
    });
    expect(await (await fetch(`${registry!.url}/v2/stack/base/tags/list`)).json()).toEqual({ name: 'stack/base', tags: ['1'] });

    // The router starts pointing nowhere (502), then serves whatever slot the include names.
    expect((await fetch(`${router!.url}/`)).status).toBe(502);
    const blue = await startHttpServer((_req, res) => res.end('blue slot'));
    apps.push(blue);
    await writeFile(router!.includePath, router!.upstreamBlock(`127.0.0.1:${blue.port}`));
    await router!.test();
    await router!.reload();
    const live = await fetch(`${router!.url}/`);
    expect(await live.text()).toBe('blue slot');
    expect(live.headers.get('x-shipkit-upstream')).toBe(`127.0.0.1:${blue.port}`);

    const s3Url = s3.endpoint;
    const registryUrl = registry!.url;
    const routerUrl = router!.url;
    await stack.stop();
    stack = undefined;
    for (const url of [`${s3Url}/`, `${registryUrl}/v2/`, `${routerUrl}/`]) {
      await expect(fetch(url)).rejects.toThrow();
    }
  });
});
