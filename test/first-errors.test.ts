/**
 * The first errors a new user meets say the fix, through the committed bundles run the way the
 * runner runs them: no credentials names the ways to sign in (AWS against moto, Azure against
 * azurite), a misspelt config key gets a did-you-mean from the schema without the "missing
 * required" errors it causes, and progress prints rates and sizes as a person writes them.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runAction } from './harness/index.js';
import { selfSignedCertificate, startAzurite, startMoto, tempDir, type MotoService } from './services/index.js';

describe('first errors say the fix (through the bundles)', () => {
  let moto: MotoService;

  beforeAll(async () => {
    moto = await startMoto({ buckets: ['first-deploy', 'first-site'] });
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
  });

  const workspace = (config: string, files: Record<string, string> = { 'index.html': '<main>hello</main>' }): string => {
    const dir = tempDir('first-errors');
    mkdirSync(path.join(dir, '.github'), { recursive: true });
    mkdirSync(path.join(dir, 'dist'), { recursive: true });
    writeFileSync(path.join(dir, '.github', 'shipkit.yml'), config);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'dist', name), text);
    return dir;
  };
  const s3Config = (environment: string) =>
    `app: site\nstate: s3://first-deploy/shipkit\naws: { region: us-east-1 }\nenvironments:\n  development:\n${environment}`;

  test('no AWS credentials: the error names the ways to sign in (aws-role-arn with id-token: write, configure-aws-credentials, keys)', async () => {
    const dir = workspace(s3Config('    target: s3\n    s3: { bucket: first-site }\n    url: http://127.0.0.1:1\n'));
    const env = { ...moto.env, AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined };
    const run = await runAction('deploy-env', { workspace: dir, inputs: { environment: 'development', 'source-dir': 'dist' }, env });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    const [error] = run.errors;
    expect(error).toContain('first-deploy');
    expect(error).toContain('Could not load credentials from any providers');
    expect(error).toContain('No AWS credentials reached this step');
    expect(error).toContain('aws-role-arn');
    expect(error).toContain('id-token: write');
    expect(error).toContain('aws-actions/configure-aws-credentials');
    expect(error).toContain('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
    expect(error).not.toContain('Check the bucket name');
    expect(run.summary).toContain('No AWS credentials reached this step');
  }, 60_000);

  test('no Azure credentials: the error names azure/login and the connection string', async () => {
    // HTTPS and bearer tokens, as Blob Storage takes them from an azure/login session; no session here.
    const secure = await startAzurite({ containers: ['state', 'site'], oauth: true });
    try {
      const { certPath } = await selfSignedCertificate();
      const dir = workspace(`app: site\nstate: azblob://${secure.account}/state/shipkit\nenvironments:\n  development:\n    target: s3\n    azure: { account: ${secure.account}, container: site }\n    url: http://127.0.0.1:1\n`);
      const env = { SHIPKIT_AZURE_BLOB_ENDPOINT: `https://127.0.0.1:${secure.port}/{account}`, NODE_EXTRA_CA_CERTS: certPath, AWS_MAX_ATTEMPTS: '1', PATH: '/usr/bin:/bin' };
      const run = await runAction('deploy-env', { workspace: dir, inputs: { environment: 'development', 'source-dir': 'dist' }, env });
      expect(run.exitCode).toBe(1);
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toMatch(/state azblob:\/\/devstoreaccount1\/state\/shipkit: could not sign in to Azure Blob Storage/);
      expect(run.errors[0]).toMatch(/Hint: .*azure\/login.*AZURE_STORAGE_CONNECTION_STRING/s);
    } finally {
      await secure.stop();
    }
  }, 150_000);

  test('a misspelt config key: a did-you-mean from the schema, first, and none of the "missing required" errors it causes', async () => {
    const dir = workspace(
      s3Config('    target: s3\n    stratgy: blue-green\n    slots:\n      blue: { s3: { bucket: first-site } }\n      green: { s3: { bucket: first-deploy } }\n    router: { type: cloudfront, distribution-id: E1EXAMPLE }\n    url: http://127.0.0.1:1\n'),
    );
    const run = await runAction('deploy-env', { workspace: dir, inputs: { environment: 'development', 'source-dir': 'dist' }, env: moto.env });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([expect.stringMatching(/^Invalid config \.github\/shipkit\.yml:\n\.github\/shipkit\.yml:7:5: environments\.development\.stratgy unknown field "stratgy": did you mean "strategy"\?\n/)]);
    expect(run.errors[0]).not.toContain('missing required field');
  }, 60_000);

  test('progress prints rates and sizes as a person writes them (1.3 KiB/s, never 922.566371681416 B/s)', async () => {
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`page-${i}.html`, `<p>${'x'.repeat(700 + i * 37)}</p>`]));
    const dir = workspace(s3Config('    target: s3\n    s3: { bucket: first-site }\n    url: http://127.0.0.1:1\n'), files);
    const run = await runAction('deploy-env', { workspace: dir, inputs: { environment: 'development', 'source-dir': 'dist' }, env: moto.env });
    expect(run.errors).toEqual([]);
    const rates = [...run.stdout.matchAll(/, ([^,]*\/s),/g)].map((match) => match[1]);
    expect(rates.length).toBeGreaterThan(0);
    for (const rate of rates) expect(rate).toMatch(/^\d+(\.\d)? (B|KiB|MiB|GiB)\/s$|^\d+(\.\d)?\/s$/);
    const sizes = [...run.stdout.matchAll(/(\d+(?:\.\d+)?) (B|KiB|MiB|GiB)\b/g)].map((match) => match[1]);
    for (const size of sizes) expect(size).toMatch(/^\d+(\.\d)?$/);
  }, 60_000);
});
