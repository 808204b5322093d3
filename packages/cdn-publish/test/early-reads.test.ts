/**
 * cdn-publish starts the store's reads (the version's listing and manifest, the aliases' manifests)
 * before it scans the source. A run that fails before it needs them — the source is missing or
 * empty — reports its input error and ends; it does not wait for a store that does not answer.
 * Through the committed bundle, against a "store" that accepts connections and never answers.
 */
import net from 'node:net';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { runAction } from '../../../test/harness/index.js';
import { tempDir } from '../../../test/services/index.js';

let silent: net.Server;
const sockets = new Set<net.Socket>();
let env: Record<string, string>;
beforeAll(async () => {
  silent = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
  env = {
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: endpoint,
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

test.each([
  ['missing', () => tempDir('cdn-early'), /Source directory .* does not exist/],
  [
    'empty',
    () => {
      const workspace = tempDir('cdn-early');
      mkdirSync(path.join(workspace, 'dist'));
      return workspace;
    },
    /Input "source-dir" names ".*dist", which has no files to publish/,
  ],
])('source-dir %s while the store does not answer: the input error, and the step ends', async (_what, workspace, message) => {
  const started = Date.now();
  const run = await runAction('cdn-publish', {
    inputs: { 'source-dir': 'dist', bucket: 'cdn', prefix: 'app', version: '1.0.0' },
    env,
    workspace: workspace(),
    timeoutMs: 30_000,
  });
  expect(run.timedOut).toBe(false); // before the fix: the process waited for the unanswered reads (killed at 30 s)
  expect(run.exitCode).toBe(1);
  expect(run.errors.join('\n')).toMatch(message);
  expect(Date.now() - started).toBeLessThan(15_000);
}, 60_000);
