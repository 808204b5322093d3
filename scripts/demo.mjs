#!/usr/bin/env node
// `npm run demo`: runs test/demo/demo.ts with tsx (TypeScript, tsconfig paths for @shipkit/*).
// On a fresh clone it first installs the npm dependencies (npm ci) when node_modules is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'node_modules', '.bin', 'tsx'))) {
  console.log('node_modules is missing: running npm ci first');
  const install = spawnSync('npm', ['ci'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const result = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'test', 'demo', 'demo.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
