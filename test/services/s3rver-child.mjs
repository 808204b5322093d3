// Runs s3rver in its own process (started by startS3 in ./index.ts with
// `--openssl-legacy-provider`: s3rver encrypts listing continuation tokens with DES).
//
// Config arrives as JSON in SHIPKIT_S3RVER_CONFIG:
//   { port, address, directory, requestLog, buckets: string[], websites: { [bucket]: port } }
// The parent talks to this process over the fork IPC channel:
//   child -> parent  { type: 'ready', port, websitePorts }
//   parent -> child  { type: 'configure', id, name, website }
//   parent -> child  { type: 'crashAfter', id, count, method?, pathPrefix? }
//   child -> parent  { type: 'configured', id, websitePort?, error? }
// Every API request is appended to `requestLog` (one JSON line each) before s3rver handles it,
// so the parent can count requests synchronously, even across kill/restart.
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const S3rver = require('s3rver');

const WEBSITE_CONFIG = `<WebsiteConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <IndexDocument><Suffix>index.html</Suffix></IndexDocument>
  <ErrorDocument><Key>error.html</Key></ErrorDocument>
</WebsiteConfiguration>`;

const config = JSON.parse(process.env.SHIPKIT_S3RVER_CONFIG ?? '{}');
const address = config.address ?? '127.0.0.1';

const s3rver = new S3rver({
  silent: true,
  directory: config.directory,
  address,
  port: config.port ?? 0,
  configureBuckets: [],
});
const handle = s3rver.callback();

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

async function configureBucket(name, website) {
  s3rver._configureBuckets = [{ name, configs: website ? [WEBSITE_CONFIG] : [] }];
  await s3rver.configureBuckets();
}

const websitePorts = {};

/** A website endpoint for one bucket: S3's website mode is chosen by the Host header
 *  `<bucket>.s3-website-<region>.amazonaws.com`, so each website gets its own port where every
 *  request is rewritten to that host, and `GET /` serves the bucket's index document. */
async function startWebsite(bucket, port) {
  const server = http.createServer((req, res) => {
    req.headers.host = `${bucket}.s3-website-us-east-1.amazonaws.com`;
    record(req, bucket);
    handle(req, res);
  });
  websitePorts[bucket] = await listen(server, port ?? 0);
  return websitePorts[bucket];
}

// Fault injection: { remaining, method?, pathPrefix? } — the matching request after `remaining`
// more of them kills this process (SIGKILL) before s3rver handles it.
let crash;

function maybeCrash(req) {
  if (!crash) return;
  if (crash.method && req.method !== crash.method) return;
  if (crash.pathPrefix && !req.url.startsWith(crash.pathPrefix)) return;
  if (crash.remaining-- > 0) return;
  process.kill(process.pid, 'SIGKILL');
}

function record(req, website) {
  maybeCrash(req);
  if (!config.requestLog) return;
  const line = JSON.stringify({ method: req.method, url: req.url, website, time: Date.now() });
  appendFileSync(config.requestLog, line + '\n');
}

async function main() {
  for (const name of config.buckets ?? []) await configureBucket(name, false);
  for (const name of Object.keys(config.websites ?? {})) await configureBucket(name, true);

  const api = http.createServer((req, res) => {
    record(req, undefined);
    handle(req, res);
  });
  // s3rver keeps connections alive; a generous timeout avoids resets under slow tests.
  api.keepAliveTimeout = 30_000;
  const port = await listen(api, config.port ?? 0);
  for (const [bucket, websitePort] of Object.entries(config.websites ?? {})) {
    await startWebsite(bucket, websitePort || 0);
  }
  process.send?.({ type: 'ready', port, websitePorts });
}

process.on('message', async (message) => {
  if (message?.type === 'crashAfter') {
    crash = { remaining: message.count, method: message.method, pathPrefix: message.pathPrefix };
    process.send?.({ type: 'configured', id: message.id });
    return;
  }
  if (message?.type !== 'configure') return;
  try {
    await configureBucket(message.name, message.website);
    let websitePort;
    if (message.website) websitePort = websitePorts[message.name] ?? (await startWebsite(message.name));
    process.send?.({ type: 'configured', id: message.id, websitePort });
  } catch (error) {
    process.send?.({ type: 'configured', id: message.id, error: String(error?.stack ?? error) });
  }
});

// The parent (a jest worker, a benchmark, the demo) went away: never outlive it.
process.on('disconnect', () => process.exit(0));

main().catch((error) => {
  process.send?.({ type: 'error', error: String(error?.stack ?? error) });
  console.error(error);
  process.exit(1);
});
