#!/usr/bin/env node
// Builds every action into one ncc bundle, dist/bundle/ (entry packages/bundle/src/index.ts: each
// action's own entry is a chunk of its own, the code they share is there once), and each action's
// entries: dist/<action>/index.js (action.yml runs.main) and, for actions with a post step,
// dist/<action>/post.js. Both are a few lines that name the action and start it from the bundle.
//   npm run package                 build the bundle and every action's entries
//   npm run package -- --check      build into a temp dir, fail if dist/ differs, and load each action
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, existsSync, cpSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIONS, POST_GATED_ACTIONS } from './actions.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const unknown = args.filter((arg) => !['--check'].includes(arg));
if (unknown.length) {
  console.error(`Unknown argument "${unknown[0]}": expected none (every action is in one bundle, built at once) or --check`);
  process.exit(2);
}

/** The bundle's folder under dist/ (next to the actions' folders; not an action). */
const BUNDLE = 'bundle';

function run(command, commandArgs, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** dist/<action>/index.js: the action's name, started from the shared bundle. */
function mainEntrySource(name) {
  return `// ${name}'s entry (action.yml runs.main): every action's code is in ../${BUNDLE}/ (scripts/package.mjs).
import { startAction } from '../${BUNDLE}/index.js';
await startAction('${name}');
`;
}

// The post step's entry: the same bundle, started as post.js — not even loaded when the main step said
// it left the post step nothing to do (state POST_STATE = POST_IDLE, packages/core/src/action.ts
// setPostPending): most post steps end there, in one node start instead of loading the whole bundle.
const POST_ENTRY_SOURCE = `// The post step's entry (action.yml runs.post): the same bundle, started as post.js, unless the
// main step left the post step nothing to do (its state "post" is "idle": packages/core/src/action.ts).
if (process.env.STATE_post === 'idle') console.log('Nothing left to finish: the main step ended what it started.');
else await import('./index.js');
`;

// The entry of a post step whose main step never says whether it left work (not in POST_GATED_ACTIONS,
// scripts/actions.mjs: build-images, trivy-scan): always the bundle, no gate a workflow's env could trip.
const PLAIN_POST_ENTRY_SOURCE = `// The post step's entry (action.yml runs.post): the same bundle, started as post.js.
await import('./index.js');
`;

function hasPost(name) {
  return /^\s+post:\s/m.test(readFileSync(path.join(root, 'actions', name, 'action.yml'), 'utf8'));
}

/** Builds the bundle and every action's entries into `outDir` (laid out like dist/). */
async function build(outDir) {
  const entry = path.join('packages', BUNDLE, 'src', 'index.ts');
  const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  // --transpile-only: ncc would otherwise type-check the whole program; the `types` check (tsc -p
  // tsconfig.json) does that once. Emit is the same file for file, because every file compiles alone
  // (isolatedModules) and packages/tsconfig.json, which ncc finds first, says ESM (`module: ESNext`)
  // where a lone file under NodeNext would be taken for CommonJS.
  const result = await run(process.execPath, [ncc, 'build', entry, '-o', path.join(outDir, BUNDLE), '--quiet', '--transpile-only', '--license', 'licenses.txt']);
  if (result.code !== 0) throw new Error(`ncc failed:\n${result.output}`);
  // The entries are ES modules (import, top-level await) in plain .js files: dist/ says so itself, so
  // they load as such wherever dist/ sits (a copy in a CommonJS project, a checkout without the
  // repository's package.json), as each action's own dist/<action>/package.json did before the one bundle.
  writeFileSync(path.join(outDir, 'package.json'), '{\n  "type": "module"\n}\n');
  for (const name of ACTIONS) {
    mkdirSync(path.join(outDir, name), { recursive: true });
    writeFileSync(path.join(outDir, name, 'index.js'), mainEntrySource(name));
    // Actions with a post step get their own post entry: the runner starts post.js for it, so the bundle
    // tells main from post by the file it was started as (packages/core/src/action.ts isPostStep).
    if (hasPost(name)) writeFileSync(path.join(outDir, name, 'post.js'), POST_GATED_ACTIONS.includes(name) ? POST_ENTRY_SOURCE : PLAIN_POST_ENTRY_SOURCE);
  }
}

/** Every file below `dir`, as paths relative to it, sorted. */
function filesOf(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => (statSync(path.join(dir, entry)).isDirectory() ? filesOf(path.join(dir, entry), `${prefix}${entry}/`) : [`${prefix}${entry}`]));
}

const dist = path.join(root, 'dist');
const temp = mkdtempSync(path.join(tmpdir(), check ? 'shipkit-check-' : 'shipkit-build-'));
try {
  await build(temp);
  if (!check) {
    rmSync(dist, { recursive: true, force: true });
    cpSync(temp, dist, { recursive: true });
    console.log(`built dist/${BUNDLE}/ and the entries of ${ACTIONS.join(', ')}`);
  } else {
    const problems = [];
    const fresh = filesOf(temp);
    const have = filesOf(dist);
    for (const file of fresh.filter((file) => !have.includes(file))) problems.push(`dist/${file} is missing`);
    for (const file of have.filter((file) => !fresh.includes(file))) problems.push(`dist/${file} is not part of a fresh build`);
    for (const file of fresh.filter((file) => have.includes(file))) {
      if (!readFileSync(path.join(temp, file)).equals(readFileSync(path.join(dist, file)))) problems.push(`dist/${file} differs from a fresh build`);
    }
    // Each action's committed entry loads: its chunks are found and evaluate under this node.
    for (const name of ACTIONS) {
      const entry = path.join(dist, name, 'index.js');
      if (!existsSync(entry)) continue;
      const loaded = await run(process.execPath, [entry], { env: { ...process.env, SHIPKIT_LOAD_CHECK: '1' } });
      if (loaded.code !== 0 || !loaded.output.includes('shipkit bundle loaded')) problems.push(`dist/${name}/index.js does not load under ${process.version}:\n${loaded.output}`);
      else console.log(`dist/${name}/index.js matches a fresh build and loads under ${process.version}`);
    }
    if (problems.length) {
      console.error(`dist/ check failed:\n- ${problems.join('\n- ')}\nRun \`npm run package\` and commit dist/.`);
      process.exitCode = 1;
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
