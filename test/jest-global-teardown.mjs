// Removes the run's temporary directory (see jest-global-setup.mjs).
import { rmSync } from 'node:fs';
import { stopMotoPool } from './server-pools.mjs';

export default function teardown() {
  const dir = process.env.SHIPKIT_JEST_TMP;
  stopMotoPool(dir);
  if (dir && process.env.SHIPKIT_KEEP_TMP !== '1') rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
