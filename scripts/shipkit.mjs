#!/usr/bin/env node
// `npx shipkit status [--config .github/shipkit.yml] [--environment NAME] [--last N]` from a shipkit
// checkout: runs scripts/status.ts (tsx) under the same Node. Read-only.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);
if (command !== 'status') {
  console.error('usage: shipkit status [--config .github/shipkit.yml] [--environment NAME] [--last N]');
  process.exit(2);
}
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const result = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', 'status.ts'), ...args], { stdio: 'inherit', cwd: process.cwd() });
process.exit(result.status ?? 1);
