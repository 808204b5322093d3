/**
 * azure-aliases: cdn-publish on Azure Blob Storage (azurite) — a 5,202-file first publish with three aliases, its unchanged re-publish, and alias moves against a bare client's floor.
 *
 *   npm run bench -- azure-aliases      (or: npx tsx bench/azure-aliases.ts [files])
 *
 * 1. The cdn-publish action (the committed bundle, started as the runner starts it): a first
 *    publish of 5,202 small files into `app/v1.0.0/` with the aliases latest, v1 and v1.0, then
 *    an unchanged re-publish — its time and its writes (must be 0), from the action's own request
 *    accounting.
 * 2. Alias moves, three alternating rounds each, the medians compared: the engine's copyPrefix
 *    (what an alias move runs: the source's manifest, the destination's listing, one copy per file,
 *    the manifest) into a fresh prefix, against the store's floor — the same copies made by a bare
 *    `@azure/storage-blob` client (Put Blob From URL with the destination's own headers, a read SAS
 *    on each source) at the engine's concurrency, with no listing, planning or manifest. Both go
 *    through the same stand-in for Put Blob From URL in front of azurite (azurite answers 501 to it;
 *    test/services/azurite-from-url.ts), so the copies cost the same on both sides. The target is
 *    within 1.5x of the floor. Requests per kind are printed for both.
 * Not part of the test suite: machines are noisy; the ratio is what to read.
 */
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { BlobSASPermissions, BlobServiceClient } from '@azure/storage-blob';
import { mapLimit } from '@shipkit/core';
import { copyPrefix, countRequests, DEFAULT_CONCURRENCY, readManifest } from '@shipkit/s3';
import { runAction } from '../test/harness/index.js';
import { startAzurite, tempDir } from '../test/services/index.js';
import { workspaceWith } from '../test/deploy/helpers.js';
import { writeSmallFiles } from './lib/peak-rss.js';

const FILES = Number(process.argv[2] ?? 5202);
const ROUNDS = 3;
const quiet = { log: () => undefined };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const azurite = await startAzurite({ containers: ['cdn'] });
  try {
    const workspace = workspaceWith({ app: 'shop', cdn: { azure: { account: azurite.account, container: 'cdn', prefix: 'app' } } });
    const site = path.join(tempDir('azure-bench-site'), 'dist');
    writeSmallFiles(site, FILES);
    const publish = async (label: string) => {
      const started = performance.now();
      const run = await runAction('cdn-publish', { workspace, env: azurite.env, inputs: { 'source-dir': site, version: '1.0.0', 'allow-outside-workspace': 'true' }, timeoutMs: 1_800_000 });
      const ms = performance.now() - started;
      if (run.exitCode !== 0) throw new Error(`${label} failed:\n${run.log.slice(-3000)}`);
      const writes = /Azure Blob Storage operations: (\d+) \((\d+) writes\)/.exec(run.log);
      console.log(`${label.padEnd(34)} ${seconds(ms).padStart(9)}   operations ${writes?.[1] ?? '?'}, writes ${writes?.[2] ?? '?'}`);
      return { ms, writes: Number(writes?.[2] ?? NaN) };
    };
    console.log(`cdn-publish (the action) on azurite, ${FILES} files, aliases latest, v1, v1.0`);
    const first = await publish('first publish (version + 3 aliases)');
    const again = await publish('unchanged re-publish');
    if (again.writes !== 0) console.log(`!! the unchanged re-publish wrote ${again.writes} objects (expected 0)`);

    // Alias moves: the engine vs the bare client, into fresh prefixes, alternating.
    const client = azurite.client();
    const bucket = azurite.bucket('cdn');
    const source = await readManifest(client, bucket, 'app/v1.0.0');
    if (!source?.complete) throw new Error('the version prefix is not complete');
    const keys = Object.keys(source.files);
    const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('cdn');
    const engineTimes: number[] = [];
    const floorTimes: number[] = [];
    const engineCounts = countRequests(client);
    let floorCopies = 0;
    for (let round = 0; round < ROUNDS; round++) {
      engineCounts.reset();
      let started = performance.now();
      const result = await copyPrefix(client, { from: { bucket, prefix: 'app/v1.0.0' }, to: { bucket, prefix: `app/engine-${round}` }, cacheControl: 'public, max-age=60', concurrency: DEFAULT_CONCURRENCY, ...quiet });
      engineTimes.push(performance.now() - started);
      if (result.uploaded !== keys.length) throw new Error(`the engine copied ${result.uploaded} of ${keys.length}`);

      const before = azurite.fromUrl.putBlobFromUrl;
      started = performance.now();
      await mapLimit(keys, DEFAULT_CONCURRENCY, async (key) => {
        const from = container.getBlobClient(`app/v1.0.0/${key}`);
        const url = await from.generateSasUrl({ permissions: BlobSASPermissions.parse('r'), expiresOn: new Date(Date.now() + 3_600_000) });
        await container.getBlockBlobClient(`app/floor-${round}/${key}`).syncUploadFromURL(url, { copySourceBlobProperties: false, blobHTTPHeaders: { blobContentType: 'text/plain; charset=utf-8', blobCacheControl: 'public, max-age=60' } });
      });
      floorTimes.push(performance.now() - started);
      floorCopies = azurite.fromUrl.putBlobFromUrl - before;
    }
    const engine = median(engineTimes);
    const floor = median(floorTimes);
    console.log(`\nalias move of ${keys.length} files (median of ${ROUNDS} alternating rounds, concurrency ${DEFAULT_CONCURRENCY})`);
    console.log(`  shipkit copyPrefix   ${seconds(engine).padStart(9)}  (${engineTimes.map(seconds).join(', ')})  ${(keys.length / (engine / 1000)).toFixed(0)} files/s`);
    console.log(`    requests: ${Object.entries(engineCounts.byCommand).map(([name, count]) => `${count} ${name}`).join(', ')}`);
    console.log(`  bare client floor    ${seconds(floor).padStart(9)}  (${floorTimes.map(seconds).join(', ')})  ${(keys.length / (floor / 1000)).toFixed(0)} files/s`);
    console.log(`    requests: ${floorCopies} Put Blob From URL`);
    const ratio = engine / floor;
    console.log(`  shipkit / floor: ${ratio.toFixed(2)}x (target: within 1.5x) ${ratio <= 1.5 ? 'met' : 'NOT met'}`);
    console.log(`\nfirst publish ${seconds(first.ms)}, unchanged re-publish ${seconds(again.ms)} with ${again.writes} writes`);
  } finally {
    await azurite.stop();
  }
}

await main();
