// The store's floor (bench/cdn-publish.ts): every file as one unsigned PUT over keep-alive
// connections from a bare HTTP client (s3rver accepts anonymous writes), `concurrency` at a time —
// no SDK, signing, planning, headers or manifest. Nothing a real publisher could do sends fewer
// bytes or requests. Plain JavaScript so the bench can also start it as a process of its own:
//   node bench/lib/raw-puts.mjs <endpoint> <bucket> <prefix> <files.json> <concurrency>
// (files.json: [{ key, path }]) — the floor for a publisher that, like the action, starts as a process.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export async function rawPuts(endpoint, bucket, prefix, files, concurrency) {
  const url = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < files.length) {
          const file = files[next++];
          const body = await readFile(file.path);
          await new Promise((resolve, reject) => {
            const request = http.request({ agent, host: url.hostname, port: url.port, method: 'PUT', path: `/${bucket}/${prefix}/${file.key.split('/').map(encodeURIComponent).join('/')}`, headers: { 'content-length': body.length } }, (response) => {
              response.resume();
              response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`raw PUT ${file.key}: HTTP ${response.statusCode}`))));
            });
            request.on('error', reject);
            request.end(body);
          });
        }
      }),
    );
  } finally {
    agent.destroy();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [endpoint, bucket, prefix, list, concurrency] = process.argv.slice(2);
  await rawPuts(endpoint, bucket, prefix, JSON.parse(readFileSync(list, 'utf8')), Number(concurrency));
}
