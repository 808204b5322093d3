#!/usr/bin/env node
// Builds the publishable CLI package in cli/: bin/index.js (ncc bundle of packages/cli/src/bin.ts,
// every dependency inside, so `npm install --omit=dev` installs nothing else), plus the actions'
// metadata and their committed entries and bundle (dist/) for `shipkit run`. Run by `npm pack` in cli/.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIONS } from './actions.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'cli');
for (const dir of ['bin', 'actions', 'dist']) rmSync(path.join(cli, dir), { recursive: true, force: true });
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const built = spawnSync(process.execPath, [ncc, 'build', path.join('packages', 'cli', 'src', 'bin.ts'), '-o', path.join(cli, 'bin'), '--quiet', '--transpile-only', '--license', 'licenses.txt'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
writeFileSync(path.join(cli, 'bin', 'package.json'), '{ "type": "module" }\n');
const bin = path.join(cli, 'bin', 'index.js');
const text = readFileSync(bin, 'utf8');
if (!text.startsWith('#!')) writeFileSync(bin, `#!/usr/bin/env node\n${text}`);
chmodSync(bin, 0o755);
for (const name of ACTIONS) {
  mkdirSync(path.join(cli, 'actions', name), { recursive: true });
  cpSync(path.join(root, 'actions', name, 'action.yml'), path.join(cli, 'actions', name, 'action.yml'));
}
// The actions' entries (dist/<action>/) and the one bundle they start from (dist/bundle/).
cpSync(path.join(root, 'dist'), path.join(cli, 'dist'), { recursive: true });
console.error(`built cli/bin/index.js and copied dist/ (${readdirSync(path.join(cli, 'dist'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'bundle').length} actions and their bundle)`);
