/**
 * Guarantee 5 through the committed bundles of every action: secrets never appear in the log,
 * outputs, the step summary, state files, the JUnit file, the report, the ledger (every object in
 * every bucket) or the calls to GitHub's API — in any form (percent-encoded with %20 or +, either
 * case of hex, JSON-escaped, base64 as in basic auth, each line of a multi-line secret and the
 * lines joined), also when a store echoes a credential in its error, a check fails, a command
 * fails, and a task definition is a symlink to a secrets file. Every file is read directly: the
 * runner's masking is absent here (the harness does not apply ::add-mask::), so only shipkit's own
 * redaction stands between a secret and a sink.
 *
 * One moto, one azurite, one GitHub stand-in, one app and one echoing proxy for the whole file.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { AccountSASPermissions, AccountSASResourceTypes, AccountSASServices, generateAccountSASQueryParameters, StorageSharedKeyCredential } from '@azure/storage-blob';
import { loadEvent, ROOT, runAction, type EventFixture, type RunResult } from '../harness/index.js';
import { startAzurite, startHttpServer, startMoto, tempDir, type AzuriteService, type HttpService, type MotoService } from '../services/index.js';
import { startFakeGitHubApi } from '../fakes/fake-github.js';
import { workspaceWith, writeSite } from '../deploy/helpers.js';

const MULTI_LINE = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQprobe\nAAAAMwAAAAtzc2gtZWQyNTUxOQAAACDlineTwoOfThree\n-----END OPENSSH PRIVATE KEY-----';
const LITERAL_QUERY_TOKEN = 'litQueryTok3n9f8e7d6c5b';
const SMOKE_TOKEN = 'smöke tok3n wIth space';

/** The secrets of the table: each must be absent, in every form, from every sink of every run. */
const SECRETS: Record<string, string> = {
  'AWS secret key': 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYshipkitProbe',
  'AWS session token': 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQshipkitSessionProbe==',
  'Azure client secret': 'azCl1ent~Secret.shipkitProbe_0123',
  'OIDC request token': 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.shipkitOidcProbe.sig',
  'GitHub token': 'ghs_hostileProbeToken0123456789abcdef',
  'registry password': 'r3gistry-P@ss word!probe',
  'smoke token (space, ö)': SMOKE_TOKEN,
  'multi-line secret': MULTI_LINE,
  'literal query token': LITERAL_QUERY_TOKEN,
};

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Every form a secret can reach a sink in (computed here independently of shipkit's redaction). */
function derivedForms(secret: string): Array<[string, string]> {
  const encoded = encodeURIComponent(secret);
  const forms: Array<[string, string]> = [
    ['as is', secret],
    ['percent-encoded', encoded],
    ['percent-encoded, lower-case hex', encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())],
    ['percent-encoded, + for space', encoded.replace(/%20/g, '+')],
    ['form-encoded', new URLSearchParams({ v: secret }).toString().slice(2)],
    ['JSON-escaped', JSON.stringify(secret).slice(1, -1)],
    ['base64', b64(secret)],
    ['basic auth', b64(`deployer:${secret}`)],
    ['basic auth (other alignment)', b64(`ci:${secret}`)],
    ['basic auth (third alignment)', b64(`bob:${secret}`)],
  ];
  const lines = secret.split('\n');
  if (lines.length > 1) {
    lines.forEach((line, index) => forms.push([`line ${index + 1}`, line]));
    forms.push(['lines joined', lines.join('')], ['lines joined by spaces', lines.join(' ')]);
  }
  const seen = new Set<string>();
  return forms.filter(([, form]) => !seen.has(form) && seen.add(form));
}

/**
 * A command users run (hook, command target, router): prints every credential it gets from the
 * environment in every form, one secret split across two writes (a chunk boundary inside it), and
 * fails with the session token on stderr when its first argument is "fail".
 */
const LEAK_SCRIPT = `#!/usr/bin/env node
const names = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AZURE_STORAGE_CONNECTION_STRING', 'AZURE_CLIENT_SECRET', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'SMOKE_TOKEN', 'DEPLOY_PRIVATE_KEY'];
const b64 = (text) => Buffer.from(text).toString('base64');
for (const name of names) {
  const value = process.env[name] || '';
  const lines = value.split('\\n');
  console.log(name + ': ' + value);
  console.log('  url: https://app.example/?t=' + encodeURIComponent(value) + ' form: ' + new URLSearchParams({ t: value }) + ' lower: ' + encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()));
  console.log('  json: ' + JSON.stringify({ value }) + ' basic: Authorization: Basic ' + b64('deployer:' + value) + ' ' + b64('ci:' + value) + ' ' + b64('bob:' + value) + ' ' + b64(value));
  console.log('  joined: ' + lines.join('') + ' | ' + lines.join(' '));
}
const token = process.env.AWS_SESSION_TOKEN || '';
process.stdout.write('split: ' + token.slice(0, 9));
setTimeout(() => {
  process.stdout.write(token.slice(9) + '\\n');
  if (process.argv[2] === 'fail') {
    process.stderr.write('deploy failed, token ' + token + '\\n' + (process.env.DEPLOY_PRIVATE_KEY || '') + '\\n');
    process.exit(3);
  }
}, 50);
`;

/** The S3 error an S3-compatible store answers a rejected token with, quoting the request's header. */
function echoingS3Error(request: http.IncomingMessage): string {
  const token = String(request.headers['x-amz-security-token'] ?? '');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidToken</Code><Message>The provided token is malformed or otherwise invalid (x-amz-security-token: ${token})</Message><Token-0>${token}</Token-0><RequestId>4442587FB7D0A2F9</RequestId></Error>`;
}

/** Blob Storage's answer to a request it cannot authenticate, quoting the request's URL (a SAS rides in its query) and Authorization header. */
function echoingBlobError(request: http.IncomingMessage): string {
  return `<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request ${request.url} (Authorization: ${String(request.headers.authorization ?? 'none')}).\nRequestId:5a9c1f9e-0001\nTime:2026-12-07T00:00:00.0000000Z</Message><AuthenticationErrorDetail>Signature did not match for ${request.url}</AuthenticationErrorDetail></Error>`;
}

/**
 * A proxy in front of a store that answers every PUT into a bucket (container) whose name ends in
 * -echo with the store's authentication error, quoting the request's credentials.
 */
function startEchoingProxy(target: string, kind: 'moto' | 'azurite'): Promise<HttpService> {
  const upstream = new URL(target);
  const echoed = kind === 'moto' ? /^\/[a-z0-9-]+-echo\// : /^\/[a-z0-9]+\/[a-z0-9-]+-echo\//;
  return startHttpServer((request, response) => {
    if (request.method === 'PUT' && echoed.test(request.url ?? '')) {
      request.resume();
      response.writeHead(403, kind === 'moto' ? { 'content-type': 'application/xml' } : { 'content-type': 'application/xml', 'x-ms-error-code': 'AuthenticationFailed' });
      response.end(kind === 'moto' ? echoingS3Error(request) : echoingBlobError(request));
      return;
    }
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    forward.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(forward);
  });
}

/** The pull_request fixture for pull request 7. */
function prEvent(action: 'opened' | 'closed'): EventFixture {
  const base = loadEvent('pull-request');
  const payload = JSON.parse(JSON.stringify(base.payload)) as { action: string; number: number; pull_request: { number: number; merged?: boolean } };
  payload.action = action;
  payload.number = 7;
  payload.pull_request.number = 7;
  return { ...base, ref: 'refs/pull/7/merge', payload };
}

interface Sinks {
  [sink: string]: string;
}

/** Every file under `dir`, by path relative to it. */
function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && statSync(full).size < 5_000_000) out[path.relative(dir, full)] = readFileSync(full, 'utf8');
  }
  return out;
}

/** The sinks of one run: the log, outputs, summary and state of main and post, and every file the step wrote under the runner. */
function runSinks(run: RunResult): Sinks {
  const sinks: Sinks = {};
  for (const [step, result] of [['main', run], ['post', run.post]] as const) {
    if (!result) continue;
    sinks[`${step} log`] = result.log;
    sinks[`${step} outputs`] = JSON.stringify(result.outputs);
    sinks[`${step} summary`] = result.summary;
    sinks[`${step} state`] = JSON.stringify(result.state);
  }
  // The runner's files as written (GITHUB_OUTPUT/STATE/STEP_SUMMARY), RUNNER_TEMP (trivy reports...).
  for (const [file, text] of Object.entries(filesUnder(run.runnerRoot))) if (!file.startsWith('workspace')) sinks[`runner file ${file}`] = text;
  return sinks;
}

/**
 * Whether `value` is text of a committed bundle. The compile cache (RUNNER_TEMP/shipkit-compile-cache, #36) holds V8's
 * code for the bundle — its own text, never a value of the run — so a "secret" found there must be a constant of the
 * bundle itself: azurite's well-known development key is one, in the Azure SDK. Anything else found there is a leak.
 */
const bundleTexts = new Map<string, boolean>();
let bundleFiles: string[] | undefined;
function inBundles(value: string): boolean {
  if (!bundleTexts.has(value)) {
    bundleFiles ??= readdirSync(path.join(ROOT, 'dist')).flatMap((action) => {
      const dir = path.join(ROOT, 'dist', action);
      return statSync(dir).isDirectory() ? readdirSync(dir).filter((file) => file.endsWith('.js')).map((file) => path.join(dir, file)) : [];
    });
    bundleTexts.set(value, bundleFiles.some((file) => readFileSync(file, 'utf8').includes(value)));
  }
  return bundleTexts.get(value)!;
}

/** [sink, secret, form] for every form of every secret found in any sink. */
function leaks(sinks: Sinks, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [sink, text] of Object.entries(sinks)) {
    for (const [name, secret] of Object.entries(secrets)) {
      for (const [form, value] of derivedForms(secret)) {
        if (value.length < 6 || !text.includes(value)) continue;
        if (sink.includes('/shipkit-compile-cache/') && inBundles(value)) continue;
        found.push(`${sink}: ${name} (${form})`);
      }
    }
  }
  return found;
}

/** Every object of every bucket: the ledger records and snapshots, the lease, the release store, the sites. */
async function storeObjects(client: S3Client, buckets: string[]): Promise<Sinks> {
  const out: Sinks = {};
  for (const bucket of buckets) {
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        out[`object ${bucket}/${object.Key}`] = await (await client.send(new GetObjectCommand({ Bucket: bucket, Key: object.Key! }))).Body!.transformToString();
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
  return out;
}

let moto: MotoService;
let azurite: AzuriteService;
let github: Awaited<ReturnType<typeof startFakeGitHubApi>>;
let app: HttpService;
let proxy: HttpService;
let azureProxy: HttpService;
/** A SAS connection string for azurite through the echoing proxy (as the portal gives one: no AccountName, no key). */
let sasConnectionString: string;
let allSecrets: Record<string, string>;

beforeAll(async () => {
  const buckets = ['state', 'site', 'site-echo', 'cdn', 'cdn-echo', 'previews'];
  [moto, azurite, github] = await Promise.all([startMoto({ buckets }), startAzurite({ containers: buckets }), startFakeGitHubApi()]);
  proxy = await startEchoingProxy(moto.endpoint, 'moto');
  azureProxy = await startEchoingProxy(new URL(azurite.endpoint).origin, 'azurite');
  // The app under test: fails every check and echoes the request (URL and headers) in its body, as careless apps do.
  app = await startHttpServer((request, response) => {
    response.writeHead(request.url?.startsWith('/ok') ? 200 : 500, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ url: request.url, headers: request.headers }));
  });
  const accountKey = /AccountKey=([^;]+)/.exec(azurite.connectionString)![1];
  const sas = generateAccountSASQueryParameters(
    { expiresOn: new Date(Date.now() + 3_600_000), permissions: AccountSASPermissions.parse('rwdlacup'), resourceTypes: AccountSASResourceTypes.parse('sco').toString(), services: AccountSASServices.parse('b').toString() },
    new StorageSharedKeyCredential(azurite.account, accountKey),
  ).toString();
  sasConnectionString = `BlobEndpoint=${azureProxy.url}/${azurite.account};SharedAccessSignature=${sas}`;
  const signature = new URLSearchParams(sas).get('sig')!;
  allSecrets = {
    ...SECRETS,
    'azurite account key': accountKey,
    'azurite connection string': azurite.connectionString,
    'SAS connection string': sasConnectionString,
    'SAS token': sas,
    'SAS signature': signature,
  };
}, 120_000);

afterAll(async () => {
  await Promise.all([moto?.stop(), azurite?.stop(), github?.service.stop(), app?.stop(), proxy?.stop(), azureProxy?.stop()]);
});

/** The environment of every run: the store's, and every credential of the table where shipkit (and the commands it runs) can see it. */
function hostileEnv(store: 'moto' | 'azurite', extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...moto.env,
    AWS_SECRET_ACCESS_KEY: SECRETS['AWS secret key'],
    AWS_SESSION_TOKEN: SECRETS['AWS session token'],
    AWS_MAX_ATTEMPTS: '1',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_CLIENT_SECRET: SECRETS['Azure client secret'],
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: SECRETS['OIDC request token'],
    SMOKE_TOKEN,
    DEPLOY_PRIVATE_KEY: MULTI_LINE,
    GITHUB_API_URL: github.service.url,
    ...extra,
  };
}

function storeConfig(store: 'moto' | 'azurite'): Record<string, unknown> {
  const location = (bucket: string) => (store === 'moto' ? { s3: { bucket } } : { azure: { account: azurite.account, container: bucket } });
  return {
    app: 'shop',
    state: store === 'moto' ? 's3://state/shipkit' : `azblob://${azurite.account}/state/shipkit`,
    environments: {
      web: { target: 's3', ...location('site'), url: `${app.url}/ok`, 'pre-deploy': ['./leak.mjs'] },
      echo: { target: 's3', ...location('site-echo'), url: `${app.url}/ok` },
      fails: { target: 'command', deploy: ['./leak.mjs', 'fail'], url: `${app.url}/ok` },
      bg: { target: 'command', strategy: 'blue-green', deploy: ['./leak.mjs'], router: { type: 'command', switch: ['./leak.mjs'] }, slots: { blue: { url: `${app.url}/ok/blue` }, green: { url: `${app.url}/ok/green` } }, url: `${app.url}/ok` },
      // A literal token in a URL the pull request comment and the deployment show.
      preview: { target: 's3', preview: true, ...(store === 'moto' ? { s3: { bucket: 'previews', prefix: 'pr-{pr}' } } : { azure: { account: azurite.account, container: 'previews', prefix: 'pr-{pr}' } }), url: `${app.url}/ok/pr-{pr}?access_token=${LITERAL_QUERY_TOKEN}` },
    },
  };
}

/** Smoke checks carrying the smoke token in a header, in the query (with a space and ö) and a literal token in the query; the app echoes them in its answer. */
const hostileChecks = () =>
  JSON.stringify([
    { name: 'api', url: `${app.url}/api?token=${LITERAL_QUERY_TOKEN}&t=\${SMOKE_TOKEN}`, headers: { Authorization: 'Bearer ${SMOKE_TOKEN}', 'X-Api-Key': '${SMOKE_TOKEN}' }, 'expect-status': 200 },
    { name: 'page', url: `${app.url}/ok/page?token=${LITERAL_QUERY_TOKEN}`, headers: { Authorization: 'Bearer ${SMOKE_TOKEN}' }, 'body-contains': 'never there' },
  ]);

interface Row {
  name: string;
  action: string;
  inputs: Record<string, string> | ((store: Store) => Record<string, string>);
  env?: (store: Store) => Record<string, string>;
  event?: () => EventFixture;
  /** Prepares the workspace (a symlinked file...). */
  setup?: (workspace: string) => void;
  exit: 0 | 1;
  /** What the error must say (a refusal naming the path...). */
  error?: RegExp;
  /** What the log must show on this store (the echoed credential, redacted). */
  shows?: (store: Store) => RegExp;
}

type Store = 'moto' | 'azurite';
/** What a store that refuses the credential answers: S3's InvalidToken, Blob Storage's AuthenticationFailed. */
const ECHOED_ERROR = /InvalidToken|token is malformed|AuthenticationFailed|failed to authenticate/;
/** ...and the credential it quoted, redacted where it stood (S3: the session token header; Blob Storage: the SAS signature in the URL). */
const echoedAndRedacted = (store: Store) => (store === 'moto' ? /x-amz-security-token: \*\*\*/ : /site-echo\/\S+\?\*\*\*&timeout/);
/** The engine's bucket name on either store. */
const storeBucket = (store: Store, name: string) => (store === 'moto' ? name : `${azurite.account}/${name}`);
/** The store reached through the echoing proxy: S3 by its endpoint, Blob Storage by a SAS connection string (the SAS in every URL). */
const echoingStoreEnv = (store: Store): Record<string, string> => (store === 'moto' ? { AWS_ENDPOINT_URL: proxy.url, AWS_ENDPOINT_URL_S3: proxy.url } : { AZURE_STORAGE_CONNECTION_STRING: sasConnectionString });

const ROWS: Row[] = [
  { name: 'deploy-env: a direct deploy whose hook prints every credential', action: 'deploy-env', inputs: { environment: 'web', release: 'r1', 'source-dir': 'build' }, exit: 0 },
  { name: 'deploy-env: a second deploy', action: 'deploy-env', inputs: { environment: 'web', release: 'r2', 'source-dir': 'build' }, exit: 0 },
  { name: 'deploy-env: a store echoing the credential in its error', action: 'deploy-env', inputs: { environment: 'echo', release: 'e1', 'source-dir': 'build' }, env: (store) => echoingStoreEnv(store), exit: 1, error: ECHOED_ERROR, shows: echoedAndRedacted },
  { name: 'deploy-env: a failing command printing a multi-line secret', action: 'deploy-env', inputs: { environment: 'fails', release: 'f1' }, exit: 1, error: /exit code 3/ },
  { name: 'deploy-env: a blue-green deploy through user commands', action: 'deploy-env', inputs: { environment: 'bg', release: 'b1' }, exit: 0 },
  { name: 'blue-green-switch: a switch through a user command', action: 'blue-green-switch', inputs: { environment: 'bg' }, exit: 0 },
  { name: 'rollback: back to r1', action: 'rollback', inputs: { environment: 'web', to: 'r1', reason: 'probe' }, exit: 0 },
  { name: 'smoke-test: failing checks with tokens in headers and the query, JUnit and ledger', action: 'smoke-test', inputs: () => ({ environment: 'web', checks: hostileChecks(), 'junit-file': 'reports/junit.xml', timeout: '2s', 'request-timeout': '1s' }), exit: 1 },
  { name: 'deploy-env: a preview, commented on the pull request', action: 'deploy-env', event: () => prEvent('opened'), inputs: { environment: 'preview', release: 'p1', 'source-dir': 'build' }, exit: 0 },
  { name: 'remove-preview: the preview removed', action: 'remove-preview', event: () => prEvent('closed'), inputs: { environment: 'preview' }, exit: 0 },
  { name: 'cdn-publish: a store echoing the credential', action: 'cdn-publish', inputs: (store) => ({ 'source-dir': 'build', version: '1.0.0', bucket: storeBucket(store, 'cdn-echo') }), env: (store) => echoingStoreEnv(store), exit: 1, error: ECHOED_ERROR },
  { name: 'cdn-publish: a publish', action: 'cdn-publish', inputs: (store) => ({ 'source-dir': 'build', version: '1.0.0', bucket: storeBucket(store, 'cdn') }), exit: 0 },
  {
    name: 'deploy-env: an ecs task definition that is a symlink to a secrets file',
    action: 'deploy-env',
    inputs: { environment: 'tasks', release: 't1' },
    setup: (workspace) => {
      const outside = tempDir('secrets-outside');
      writeFileSync(path.join(outside, 'secrets.env'), `AWS_SECRET_ACCESS_KEY=${SECRETS['AWS secret key']}\nGITHUB_TOKEN=${SECRETS['GitHub token']}\n`);
      mkdirSync(path.join(workspace, 'deploy'), { recursive: true });
      symlinkSync(path.join(outside, 'secrets.env'), path.join(workspace, 'deploy', 'task.json'));
    },
    exit: 1,
    error: /task-definition has an invalid value "deploy\/task\.json": expected a \.json file inside the repository .*\(it resolves to .*secrets\.env\)/,
  },
  {
    name: 'trivy-scan: an ignore file that is a symlink to a secrets file',
    action: 'trivy-scan',
    inputs: { 'scan-type': 'fs', 'scan-ref': '.', trivyignores: 'ci/.trivyignore' },
    setup: (workspace) => {
      const outside = tempDir('secrets-outside');
      writeFileSync(path.join(outside, 'creds'), `${SECRETS['registry password']}\n${SECRETS['GitHub token']}\n`);
      mkdirSync(path.join(workspace, 'ci'), { recursive: true });
      symlinkSync(path.join(outside, 'creds'), path.join(workspace, 'ci', '.trivyignore'));
    },
    exit: 1,
    error: /Input "trivyignores" has an invalid value "ci\/\.trivyignore": expected a file inside the workspace/,
  },
  { name: 'build-images: a registry password, a build that fails', action: 'build-images', inputs: { images: JSON.stringify([{ name: 'web', context: 'no-such-dir' }]), registry: '127.0.0.1:1/acme', username: 'deployer', password: SECRETS['registry password'] }, exit: 1 },
  { name: 'promote-images: a registry password, a source that is not there', action: 'promote-images', inputs: { sources: '127.0.0.1:1/acme/web@sha256:' + 'a'.repeat(64), tags: 'v1', username: 'deployer', password: SECRETS['registry password'], insecure: 'true' }, exit: 1 },
];

describe.each(['moto', 'azurite'] as const)('no secret in any form reaches any sink (%s)', (store) => {
  let workspace: string;
  const runs: Array<{ row: Row; run: RunResult }> = [];

  beforeAll(() => {
    workspace = workspaceWith(storeConfig(store));
    writeFileSync(path.join(workspace, 'leak.mjs'), LEAK_SCRIPT);
    chmodSync(path.join(workspace, 'leak.mjs'), 0o755);
    writeSite(path.join(workspace, 'build'), 'probe', 2);
  });

  test.each(ROWS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    let dir = workspace;
    if (row.setup) {
      // A workspace of its own: the ecs environment's file is read when the config is.
      const config = storeConfig(store);
      (config.environments as Record<string, unknown>).tasks = { target: 'ecs', ecs: { cluster: 'shop', 'task-definition': 'deploy/task.json', 'container-images': { api: 'shop-backend' }, services: ['shop-api'] } };
      dir = workspaceWith(config);
      row.setup(dir);
    }
    const run = await runAction(row.action, {
      workspace: dir,
      inputs: typeof row.inputs === 'function' ? row.inputs(store) : row.inputs,
      event: row.event?.() ?? 'push-main',
      githubToken: SECRETS['GitHub token'],
      env: hostileEnv(store, row.env?.(store) ?? {}),
      timeoutMs: 90_000,
    });
    runs.push({ row, run });
    const problems = run.exitCode === row.exit ? [] : [`exit ${run.exitCode}, expected ${row.exit}:\n${run.log.slice(-3000)}`];
    expect(problems).toEqual([]);
    if (row.error) expect(run.errors.join('\n')).toMatch(row.error);
    if (row.shows) expect(run.log).toMatch(row.shows(store));
    const sinks = runSinks(run);
    for (const [file, text] of Object.entries(filesUnder(path.join(dir, 'reports')))) sinks[`workspace reports/${file}`] = text;
    expect(leaks(sinks, allSecrets)).toEqual([]);
  }, 120_000);

  test('the ledger, the release store and every other object hold no secret', async () => {
    expect(runs.length).toBeGreaterThan(5);
    const objects = store === 'moto' ? await storeObjects(moto.client(), ((await moto.client().send(new ListBucketsCommand({}))).Buckets ?? []).map((bucket) => bucket.Name!)) : await storeObjects(azurite.client(), ['state', 'site', 'site-echo', 'cdn', 'cdn-echo', 'previews'].map((name) => azurite.bucket(name)));
    expect(Object.keys(objects).some((key) => key.includes('/ledger/') || key.includes('records'))).toBe(true);
    expect(leaks(objects, allSecrets)).toEqual([]);
  });

  test('the calls to GitHub hold no secret (the token only in its Authorization header)', () => {
    expect(github.requests.length).toBeGreaterThan(0);
    const calls = Object.fromEntries(github.requests.map((request, index) => [`GitHub call ${index} ${request.method} ${request.url}`, JSON.stringify({ url: request.url, body: request.body })]));
    expect(leaks(calls, allSecrets)).toEqual([]);
  });

  test('the runs did the work (the table is not vacuous)', () => {
    const byName = new Map(runs.map(({ row, run }) => [row.name, run]));
    const first = byName.get(ROWS[0].name)!;
    expect(first.outputs.release).toBe('r1');
    // The hook really printed the credentials: redacted where they were.
    expect(first.log).toContain('AWS_SECRET_ACCESS_KEY: ***');
    expect(first.log).toMatch(/split: \*\*\*/);
    const smoke = byName.get(ROWS.find((row) => row.action === 'smoke-test')!.name)!;
    expect(existsSync(path.join(workspace, 'reports', 'junit.xml'))).toBe(true);
    expect(smoke.outputs.passed).toBe('false');
    // Registered from the first line: masks for the credentials (and their forms) were issued.
    expect(first.masks).toEqual(expect.arrayContaining([SECRETS['AWS secret key'], SECRETS['AWS session token'], SECRETS['GitHub token'], encodeURIComponent(SMOKE_TOKEN)]));
  });
});
