#!/usr/bin/env node
// `npm run demo`: runs test/demo/demo.ts with tsx (TypeScript, tsconfig paths for @shipkit/*).
// On a fresh clone it first installs what it needs (scripts/bootstrap.mjs: npm dependencies,
// the local services' Debian packages, Node 24).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bootstrap, ROOT } from './bootstrap.mjs';

bootstrap();
const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'test', 'demo', 'demo.ts'), ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
