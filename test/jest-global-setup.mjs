// One temporary directory per jest run: TMPDIR points into it for every worker (they start after
// this), so each test's temp dirs, the runner roots of the action harness and whatever the
// services write (s3rver data, nginx prefixes, registry storage) live under it, and
// jest-global-teardown.mjs removes it when the run ends. Jest runs test files in a sandbox where
// process 'exit' hooks do not fire, so per-process cleanup alone left thousands of directories.
// SHIPKIT_KEEP_TMP=1 keeps it (its path is printed).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAzuritePool, startMotoPool } from './server-pools.mjs';

export default async function setup(globalConfig) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-jest-'));
  process.env.SHIPKIT_JEST_TMP = dir;
  process.env.TMPDIR = dir;
  if (process.env.SHIPKIT_KEEP_TMP === '1') console.log(`\ntemporary files of this run: ${dir}`);
  // Moto servers the test files share, one at a time each (see server-pools.mjs): one per jest worker
  // (at least 3), since most files that run at once use moto; SHIPKIT_MOTO_POOL sets the number, 0 turns it off.
  await startMotoPool(dir, Number(process.env.SHIPKIT_MOTO_POOL ?? Math.max(3, globalConfig?.maxWorkers ?? 0)));
  // Azurite servers likewise (plain HTTP ones; a test of HTTPS starts its own): fewer files use
  // azurite, rarely more than two at once. SHIPKIT_AZURITE_POOL sets the number, 0 turns it off.
  await startAzuritePool(dir, Number(process.env.SHIPKIT_AZURITE_POOL ?? 2), path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
}
