import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { runAction } from '../../../test/harness/index.js';
import { readJson } from '../../../test/harness/store.js';
import { startS3, type S3Service } from '../../../test/services/index.js';
import { SITE, writeSite } from './site.js';

/** The S3 server dies (SIGKILL) in the middle of a publish: the step fails clearly, no alias ever points at a partial version, and a re-run completes. */
let s3: S3Service;
beforeAll(async () => {
  s3 = await startS3({ buckets: ['fault-a', 'fault-b'] });
});
afterAll(async () => {
  await s3.stop();
});

/** Many files so the publish is still running when the server dies. */
function bigSite(label: string): string {
  const files: Record<string, string> = { 'index.html': `<!doctype html>${label}` };
  for (let i = 0; i < 80; i++) files[`assets/chunk-${i}.js`] = `/* ${label} */ export const n = ${i};`.padEnd(2000, ' ');
  return writeSite(files);
}

function publish(bucket: string, workspace: string, version: string, concurrency = 16) {
  return runAction('cdn-publish', {
    inputs: { 'source-dir': 'dist', bucket, prefix: 'app', version, concurrency: String(concurrency) },
    env: { ...s3.env, AWS_MAX_ATTEMPTS: '3' },
    workspace,
  });
}

/** The prefix's manifest; undefined only when the store says it does not exist (any other error fails the test). */
async function manifestOf(bucket: string, prefix: string): Promise<{ version?: string; complete: boolean } | undefined> {
  const manifest = await readJson<{ meta: { version?: string }; complete: boolean }>(s3.client(), bucket, `${prefix}/.shipkit-manifest.json`);
  return manifest && { version: manifest.meta.version, complete: manifest.complete };
}

async function body(bucket: string, key: string): Promise<string> {
  return (await s3.client().send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();
}

/** Kills the server once `count` write requests whose path matches `pattern` were seen. */
async function killAfter(pattern: RegExp, count: number): Promise<void> {
  for (;;) {
    if (s3.requests().filter((request) => request.method === 'PUT' && pattern.test(request.path)).length >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await s3.kill();
}

test.each([
  ['while uploading the version', 'fault-a', /\/app\/v1\.1\.0\/assets\//, 20],
  ['while copying the version into the aliases', 'fault-b', /\/app\/v1\/assets\//, 20],
])('S3 killed %s', async (_when, bucket, pattern, count) => {
  await s3.restart();
  expect((await publish(bucket, bigSite('one'), '1.0.0')).exitCode).toBe(0);
  s3.resetRequests();

  const workspace = bigSite('two');
  const [run] = await Promise.all([publish(bucket, workspace, '1.1.0', 2), killAfter(pattern, count)]);
  expect(run.exitCode).toBe(1);
  expect(run.errors.join('\n')).toMatch(/Could not (upload|copy) .*(ECONNREFUSED|socket hang up|ECONNRESET|connect)/i);
  expect(run.errors.join('\n')).toMatch(/not marked complete.*Re-run the step/);

  await s3.restart(); // drops objects the kill tore mid-PUT
  // No alias points at a partial version: an alias whose manifest says complete holds a complete
  // version, byte for byte; one caught mid-move says so (complete: false) and still serves the
  // old entry documents (they are written last).
  const labels: Record<string, string> = { '1.0.0': 'one', '1.1.0': 'two' };
  for (const alias of ['v1.1', 'v1', 'latest']) {
    const held = await manifestOf(bucket, `app/${alias}`);
    if (!held) continue;
    if (held.complete) {
      expect(await manifestOf(bucket, `app/v${held.version}`)).toEqual({ version: held.version, complete: true });
      expect(await body(bucket, `app/${alias}/index.html`)).toContain(labels[held.version!]);
      expect(await body(bucket, `app/${alias}/assets/chunk-0.js`)).toContain(labels[held.version!]);
    } else {
      expect(await body(bucket, `app/${alias}/index.html`)).toContain('one');
    }
  }
  const version = await manifestOf(bucket, 'app/v1.1.0');
  if (pattern.source.includes('v1\\.1\\.0')) expect(version).toBeUndefined();
  else expect(version).toEqual({ version: '1.1.0', complete: true });

  const rerun = await publish(bucket, workspace, '1.1.0');
  expect(rerun.errors).toEqual([]);
  expect(rerun.exitCode).toBe(0);
  // Work done before the crash is not repeated.
  const files = 80 + Object.keys(SITE).length - 1;
  if (pattern.source.includes('v1\\.1\\.0')) {
    expect(Number(rerun.outputs.skipped)).toBeGreaterThanOrEqual(count - 2); // up to 2 (the concurrency) were in flight when it died
  } else {
    expect(rerun.outputs).toMatchObject({ uploaded: '0', skipped: String(files) });
    expect(Number(rerun.outputs.copied)).toBeLessThanOrEqual(2 * files - count + 2);
  }
  for (const alias of ['v1.1', 'v1', 'latest']) {
    expect(await manifestOf(bucket, `app/${alias}`)).toEqual({ version: '1.1.0', complete: true });
    expect(await body(bucket, `app/${alias}/index.html`)).toContain('two');
    expect(await body(bucket, `app/${alias}/assets/chunk-79.js`)).toContain('two');
  }
});
