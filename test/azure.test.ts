/**
 * Azure Blob Storage end to end, through the committed bundles as GitHub runs them, on azurite
 * (Microsoft's emulator): cdn-publish into a container, deploy-env and rollback of a direct
 * environment whose install location, release store, ledger and lease all live on Azure Blob
 * (`azure:` locations, `state: azblob://...`). What a visitor sees is read over HTTP from the
 * container's public URLs, byte for byte with its headers.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { runAction } from './harness/index.js';
import { selfSignedCertificate, startAzurite, tempDir, type AzuriteService } from './services/index.js';
import { hashServed, hashTree, sha256, workspaceWith, writeSite } from './deploy/helpers.js';
import { EnvironmentLease, openLedger } from '../packages/ledger/src/index.js';
import { azCliStandIn, startArmStandIn, type ArmStandIn } from './services/azure-arm.js';

let azurite: AzuriteService;
let arm: ArmStandIn;
let azDir: string;
let workspace: string;
const STATE = 'azblob://devstoreaccount1/state/shipkit';

beforeAll(async () => {
  // $web: the container Azure's static website hosting serves.
  azurite = await startAzurite({ containers: ['state', '$web', 'cdn', 'blue', 'green', 'edge'] });
  arm = await startArmStandIn();
  azDir = azCliStandIn();
  workspace = workspaceWith({
    app: 'shop',
    state: STATE,
    cdn: { azure: { account: azurite.account, container: 'cdn', prefix: 'app' } },
    environments: {
      production: { target: 's3', azure: { account: azurite.account, container: '$web' }, url: `${azurite.endpoint}/$web` },
      edge: {
        target: 's3',
        azure: { account: azurite.account, container: 'edge' },
        'azure-cdn': { subscription: '11111111-2222-3333-4444-555555555555', 'resource-group': 'rg-web', profile: 'shop-fd', endpoint: 'shop', 'arm-endpoint': arm.endpoint },
      },
      staging: {
        target: 's3',
        strategy: 'blue-green',
        slots: { blue: { azure: { account: azurite.account, container: 'blue' } }, green: { azure: { account: azurite.account, container: 'green', prefix: 'www' } } },
        router: { type: 'command', switch: ['true'] },
      },
    },
  });
  for (const version of ['v1', 'v2']) writeSite(path.join(workspace, 'build', version), version);
}, 60_000);
afterAll(async () => {
  await arm?.stop();
  await azurite?.stop();
});

const env = (extra: Record<string, string> = {}) => ({ ...azurite.env, AWS_MAX_ATTEMPTS: '1', ...extra });
const ledger = (environment: string) => openLedger({ state: STATE, app: 'shop', environment, client: azurite.client(), run: { runId: 'test-reader' } });

describe('deploy-env and rollback on Azure Blob Storage', () => {
  test('deploy v1 then v2 serves v2 byte for byte from the container; rollback serves v1; the ledger on Azure says so', async () => {
    const site = `${azurite.endpoint}/$web`;
    for (const release of ['v1', 'v2']) {
      const run = await runAction('deploy-env', { workspace, event: 'push-main', env: env(), inputs: { environment: 'production', release, 'source-dir': `build/${release}` } });
      expect(run.errors).toEqual([]);
      expect(run.outputs).toMatchObject({ release, url: site });
    }
    const v2 = hashTree(path.join(workspace, 'build', 'v2'));
    expect(await hashServed(site, Object.keys(v2))).toEqual(v2);
    const index = await fetch(`${site}/index.html`);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toMatch(/no-cache/);

    const back = await runAction('rollback', { workspace, event: 'workflow-dispatch', env: env(), inputs: { environment: 'production', to: 'previous', reason: 'v2 broke checkout' } });
    expect(back.errors).toEqual([]);
    expect(back.outputs).toMatchObject({ release: 'v1', 'rolled-back-from': 'v2' });
    const v1 = hashTree(path.join(workspace, 'build', 'v1'));
    expect(await hashServed(site, Object.keys(v1))).toEqual(v1);
    const v2Only = Object.keys(v2).filter((file) => !(file in v1));
    expect(Object.values(await hashServed(site, v2Only)).every((value) => value === 'HTTP 404')).toBe(true);

    const state = await (await ledger('production')).state();
    expect(state.live?.release).toBe('v1');
    expect(state.releases.v2.rolledBack).toBe(true);
    // The release store and the ledger are blobs in the state container.
    const stored = await azurite.client().send(new ListObjectsV2Command({ Bucket: azurite.bucket('state'), Prefix: 'shipkit/' }));
    const keys = (stored.Contents ?? []).map((object) => object.Key!);
    expect(keys.some((key) => key.startsWith('shipkit/releases/shop/v1/'))).toBe(true);
    expect(keys.some((key) => key.startsWith('shipkit/releases/shop/v2/'))).toBe(true);
    expect(keys.some((key) => key.startsWith('shipkit/ledger/shop/production/'))).toBe(true);
  }, 120_000);

  test('blue-green: a deploy installs into the idle slot container (with its prefix) and never touches the live one', async () => {
    const first = await runAction('deploy-env', { workspace, env: env(), inputs: { environment: 'staging', release: 'v1', 'source-dir': 'build/v1' } });
    expect(first.errors).toEqual([]);
    const slot = first.outputs.slot as 'blue' | 'green';
    const base = slot === 'green' ? `${azurite.endpoint}/green/www` : `${azurite.endpoint}/blue`;
    const v1 = hashTree(path.join(workspace, 'build', 'v1'));
    expect(await hashServed(base, Object.keys(v1))).toEqual(v1);
  }, 60_000);

  test('the lease lives on Azure Blob too: a deploy while another run holds the environment is refused at once, naming the holder, and nothing changes', async () => {
    const lease = await EnvironmentLease.acquire({ client: azurite.client(), state: { bucket: azurite.bucket('state'), prefix: 'shipkit' }, app: 'shop', environment: 'production', operation: 'deploy v9', run: { runId: '4242', runUrl: 'https://github.com/acme/shop/actions/runs/4242', actor: 'alice' }, settleMs: 50 });
    try {
      expect(lease.exclusive).toBe(true); // Blob Storage honours If-None-Match: *
      const refused = await runAction('deploy-env', { workspace, env: env(), inputs: { environment: 'production', release: 'v2', 'lock-timeout': '0' } });
      expect(refused.exitCode).toBe(1);
      expect(refused.errors.join('\n')).toMatch(/Environment production of shop is held by run 4242, https:\/\/github.com\/acme\/shop\/actions\/runs\/4242, actor alice: deploy v9/);
      const v1 = hashTree(path.join(workspace, 'build', 'v1'));
      expect(await hashServed(`${azurite.endpoint}/$web`, Object.keys(v1))).toEqual(v1);
    } finally {
      await lease.release();
    }
  }, 60_000);
});

describe('Front Door purge after an install', () => {
  test('deploying v2 over v1 purges exactly the paths that changed on Front Door, waiting for the operation; the ledger keeps the purge', async () => {
    const withAz = env({ PATH: `${azDir}${path.delimiter}${process.env.PATH}` });
    expect((await runAction('deploy-env', { workspace, env: withAz, inputs: { environment: 'edge', release: 'v1' } })).errors).toEqual([]);
    arm.requests.length = 0;
    const run = await runAction('deploy-env', { workspace, env: withAz, inputs: { environment: 'edge', release: 'v2' } });
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
    const purge = arm.requests.find((request) => request.path.endsWith('/afdEndpoints/shop/purge'))!;
    const v1 = Object.keys(hashTree(path.join(workspace, 'build', 'v1')));
    const v2 = hashTree(path.join(workspace, 'build', 'v2'));
    // Changed: index.html (its directory too) and every asset that differs between the versions (new and removed).
    const changed = [...Object.keys(v2).filter((file) => !v1.includes(file) || file === 'index.html'), ...v1.filter((file) => !(file in v2))];
    const paths = (purge.body as { contentPaths: string[] }).contentPaths;
    for (const file of changed) expect(paths).toContain(`/${file}`);
    expect(paths).toContain('/');
    expect(paths).not.toContain('/robots.txt'); // unchanged
    expect(arm.requests.filter((request) => request.method === 'GET' && request.path.startsWith('/operations/')).length).toBeGreaterThan(0);
    expect(run.log).toMatch(/Purged \d+ path\(s\) on edge's CDN \(Front Door shop-fd\/shop\), completed\./);
  }, 60_000);
});

describe('cdn-publish on Azure Blob Storage', () => {
  const publishSite = (version: string) => {
    const dir = tempDir('azure-cdn');
    mkdirSync(path.join(dir, 'dist', 'assets'), { recursive: true });
    writeFileSync(path.join(dir, 'dist', 'index.html'), `<html>${version}</html>`);
    writeFileSync(path.join(dir, 'dist', 'assets', 'app.3f9a2b1c.js'), `console.log("${version}")`);
    mkdirSync(path.join(dir, '.github'), { recursive: true });
    return dir;
  };

  test('versions and aliases land in the container byte for byte with their cache policy; an unchanged re-publish writes nothing', async () => {
    const cdnWorkspace = workspaceWith({
      app: 'shop',
      cdn: {
        azure: { account: azurite.account, container: 'cdn', prefix: 'app' },
        'azure-cdn': { subscription: '11111111-2222-3333-4444-555555555555', 'resource-group': 'rg-web', profile: 'shop-cdn', endpoint: 'assets', kind: 'cdn', 'arm-endpoint': arm.endpoint },
      },
    });
    const run = (version: string) => {
      const dir = publishSite(version);
      return runAction('cdn-publish', { workspace: cdnWorkspace, env: env({ PATH: `${azDir}${path.delimiter}${process.env.PATH}` }), inputs: { 'source-dir': path.relative(cdnWorkspace, path.join(dir, 'dist')), version, 'allow-outside-workspace': 'true' } });
    };
    const first = await run('1.2.3');
    expect(first.errors).toEqual([]);
    const urls = JSON.parse(first.outputs.urls) as { version: string; aliases: Record<string, string> };
    expect(urls.version).toBe(`${azurite.endpoint}/cdn/app/v1.2.3/`);
    expect(urls.aliases.latest).toBe(`${azurite.endpoint}/cdn/app/latest/`);
    for (const prefix of ['v1.2.3', 'latest', 'v1', 'v1.2']) {
      const response = await fetch(`${azurite.endpoint}/cdn/app/${prefix}/assets/app.3f9a2b1c.js`);
      expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256('console.log("1.2.3")'));
    }
    const immutable = await fetch(`${azurite.endpoint}/cdn/app/v1.2.3/assets/app.3f9a2b1c.js`);
    expect(immutable.headers.get('cache-control')).toMatch(/immutable/);
    expect(immutable.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    const again = await run('1.2.3');
    expect(again.errors).toEqual([]);
    expect(again.log).toMatch(/\d+ ListObjectsV2 —/); // the plan log accounts for every request...
    expect(again.log).not.toMatch(/\d+ (PutObject|CopyObject|UploadPart|CompleteMultipartUpload|DeleteObjects?) —/); // ...and none is a write
    expect(again.log).toMatch(/Azure Blob Storage operations: \d+ \(0 writes\)/);

    arm.requests.length = 0;
    const next = await run('1.2.4');
    expect(next.errors).toEqual([]);
    // The aliases that moved are purged on the (classic) Azure CDN endpoint; the new version's own prefix is new, never cached.
    const purge = arm.requests.find((request) => request.path.endsWith('/profiles/shop-cdn/endpoints/assets/purge'));
    const purged = (purge?.body as { contentPaths: string[] }).contentPaths;
    expect(purged).toEqual(expect.arrayContaining(['/app/latest/index.html', '/app/v1/index.html', '/app/v1.2/index.html']));
    expect(purged.some((entry) => entry.startsWith('/app/v1.2.4/'))).toBe(false);
    expect(next.outputs.invalidated).not.toBe('');
    expect(await (await fetch(`${azurite.endpoint}/cdn/app/latest/index.html`)).text()).toBe('<html>1.2.4</html>');
    expect(await (await fetch(`${azurite.endpoint}/cdn/app/v1.2.3/index.html`)).text()).toBe('<html>1.2.3</html>');
  }, 120_000);

  test('30 alias moves read continuously: an alias is never served with a version\'s immutable Cache-Control, keeps its Content-MD5, and each copy is one request', async () => {
    const cdnWorkspace = workspaceWith({ app: 'shop', cdn: { azure: { account: azurite.account, container: 'cdn', prefix: 'moves' } } });
    const reads: Array<{ cacheControl: string | null; md5: string | null; body: string }> = [];
    let reading = true;
    const reader = (async () => {
      while (reading) {
        for (const file of ['index.html', 'assets/app.3f9a2b1c.js']) {
          const response = await fetch(`${azurite.endpoint}/cdn/moves/latest/${file}`).catch(() => undefined);
          if (response?.ok) reads.push({ cacheControl: response.headers.get('cache-control'), md5: response.headers.get('content-md5'), body: await response.text() });
          else await response?.arrayBuffer();
        }
      }
    })();
    const copiesBefore = azurite.fromUrl.putBlobFromUrl;
    let copiesLogged = 0;
    try {
      // Ten versions, three aliases each (latest, v3, v3.0): thirty alias moves.
      for (let minor = 0; minor < 10; minor++) {
        const version = `3.0.${minor}`;
        const dir = publishSite(version);
        const run = await runAction('cdn-publish', { workspace: cdnWorkspace, env: env(), inputs: { 'source-dir': path.relative(cdnWorkspace, path.join(dir, 'dist')), version, 'allow-outside-workspace': 'true' } });
        expect(run.errors).toEqual([]);
        copiesLogged += Number(/(\d+) CopyObject —/.exec(run.log)?.[1] ?? 0);
      }
    } finally {
      reading = false;
      await reader;
    }
    expect(reads.length).toBeGreaterThan(30);
    expect(reads.filter((read) => /immutable/.test(read.cacheControl ?? ''))).toEqual([]);
    expect(reads.filter((read) => !read.md5)).toEqual([]);
    expect(reads.every((read) => read.md5 === createHash('md5').update(read.body).digest('base64'))).toBe(true);
    // Every copy the engine made was one Put Blob From URL (no second request to set the headers).
    expect(copiesLogged).toBeGreaterThanOrEqual(30);
    expect(azurite.fromUrl.putBlobFromUrl - copiesBefore).toBe(copiesLogged);
    expect(await (await fetch(`${azurite.endpoint}/cdn/moves/latest/index.html`)).text()).toBe('<html>3.0.9</html>');
  }, 300_000);

  test('an azure location with a bad container name is refused naming the field, before anything is written', async () => {
    const bad = workspaceWith({ app: 'shop', cdn: { azure: { account: azurite.account, container: 'Bad_Name' } } });
    const dir = publishSite('9.9.9');
    const run = await runAction('cdn-publish', { workspace: bad, env: env(), inputs: { 'source-dir': path.relative(bad, path.join(dir, 'dist')), version: '9.9.9', 'allow-outside-workspace': 'true' } });
    expect(run.exitCode).toBe(1);
    expect(run.errors.join('\n')).toMatch(/cdn\.azure\.container must be a container name \(3-63 lower-case letters, digits and single hyphens\)/);
  });
});

describe('signing in to Blob Storage with DefaultAzureCredential (no connection string)', () => {
  let secure: AzuriteService;
  let certPath: string;
  beforeAll(async () => {
    // HTTPS and bearer tokens, as Blob Storage takes them from an azure/login (OIDC) session.
    secure = await startAzurite({ containers: ['state', 'site'], oauth: true });
    certPath = (await selfSignedCertificate()).certPath;
  }, 60_000);
  afterAll(async () => {
    await secure?.stop();
  });

  test('deploy-env reaches the account with the az session\'s token at SHIPKIT_AZURE_BLOB_ENDPOINT; without a session it fails naming how to sign in', async () => {
    const oauthWorkspace = workspaceWith({ app: 'shop', state: STATE, environments: { production: { target: 's3', azure: { account: secure.account, container: 'site' } } } });
    writeSite(path.join(oauthWorkspace, 'build', 'v1'), 'v1');
    const base = { SHIPKIT_AZURE_BLOB_ENDPOINT: `https://127.0.0.1:${secure.port}/{account}`, NODE_EXTRA_CA_CERTS: certPath, AWS_MAX_ATTEMPTS: '1' };
    const run = await runAction('deploy-env', { workspace: oauthWorkspace, env: { ...base, PATH: `${azDir}${path.delimiter}${process.env.PATH}` }, inputs: { environment: 'production', release: 'v1', 'source-dir': 'build/v1' } });
    expect(run.errors).toEqual([]);
    const listed = await secure.client().send(new ListObjectsV2Command({ Bucket: secure.bucket('site') }));
    const v1 = hashTree(path.join(oauthWorkspace, 'build', 'v1'));
    expect((listed.Contents ?? []).map((object) => object.Key).sort()).toEqual(Object.keys(v1).sort());

    const noSession = await runAction('deploy-env', { workspace: oauthWorkspace, env: { ...base, PATH: '/usr/bin:/bin' }, inputs: { environment: 'production', release: 'v1', 'lock-timeout': '0' } });
    expect(noSession.exitCode).toBe(1);
    expect(noSession.errors.join('\n')).toMatch(/\.github\/shipkit\.yml: state azblob:\/\/devstoreaccount1\/state\/shipkit: could not sign in to Azure Blob Storage \(account devstoreaccount1\): no Azure credential is available here \(AggregateAuthenticationError\)\.\nHint: Sign in with azure\/login \(OIDC/);
  }, 120_000);
});

