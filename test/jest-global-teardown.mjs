// Removes the run's temporary directory (see jest-global-setup.mjs).
import { rmSync } from 'node:fs';

export default function teardown() {
  const dir = process.env.SHIPKIT_JEST_TMP;
  if (dir && process.env.SHIPKIT_KEEP_TMP !== '1') rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
