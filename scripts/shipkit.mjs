#!/usr/bin/env node
// `npx shipkit <status|history|run> ...` from a shipkit checkout: the CLI's source
// (packages/cli/src/bin.ts) under tsx and the same Node. In your own repository, install the
// bundled CLI instead: `npm install --save-dev @shipkit/cli` (cli/, built by scripts/package-cli.mjs).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const result = spawnSync(process.execPath, [tsx, path.join(root, 'packages', 'cli', 'src', 'bin.ts'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: process.cwd() });
process.exit(result.status ?? 1);
