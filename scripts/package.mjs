#!/usr/bin/env node
// Builds dist/<action>/index.js with ncc.
//   npm run package                 build every action
//   npm run package -- deploy-env   build the named actions only
//   npm run package -- --check      build into a temp dir, fail if dist/ differs, and load each bundle
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIONS } from './actions.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const names = args.filter((arg) => !arg.startsWith('--'));
for (const name of names) {
  if (!ACTIONS.includes(name)) {
    console.error(`Unknown action "${name}": expected one of ${ACTIONS.join(', ')}`);
    process.exit(2);
  }
}
const selected = names.length ? names : ACTIONS;

function run(command, commandArgs, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

// The post step's entry: the same bundle, started as post.js — not even loaded when the main step said
// it left the post step nothing to do (state POST_STATE = POST_IDLE, packages/core/src/action.ts
// setPostPending): most post steps end there, in one node start instead of loading the whole bundle.
const POST_ENTRY_SOURCE = `// The post step's entry (action.yml runs.post): the same bundle, started as post.js, unless the
// main step left the post step nothing to do (its state "post" is "idle": packages/core/src/action.ts).
if (process.env.STATE_post === 'idle') console.log('Nothing left to finish: the main step ended what it started.');
else await import('./index.js');
`;

async function build(name, outDir) {
  const entry = path.join('packages', name, 'src', 'index.ts');
  const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  // --transpile-only: ncc would otherwise type-check the whole program once per action (14 times);
  // the `types` check (tsc -p tsconfig.json) does that once. Emit is the same file for file, because
  // every file compiles alone (isolatedModules) and packages/tsconfig.json, which ncc finds first,
  // says ESM (`module: ESNext`) where a lone file under NodeNext would be taken for CommonJS.
  const result = await run(process.execPath, [ncc, 'build', entry, '-o', outDir, '--quiet', '--transpile-only', '--license', 'licenses.txt']);
  if (result.code !== 0) throw new Error(`ncc failed for ${name}:\n${result.output}`);
  // Actions with a post step get their own post entry: the runner starts post.js for it, so the bundle
  // tells main from post by the file it was started as (packages/core/src/action.ts isPostStep).
  if (/^\s+post:\s/m.test(readFileSync(path.join(root, 'actions', name, 'action.yml'), 'utf8'))) {
    writeFileSync(path.join(outDir, 'post.js'), POST_ENTRY_SOURCE);
  }
}

async function inParallel(items, limit, fn) {
  const queue = [...items];
  await Promise.all(Array.from({ length: limit }, async () => {
    while (queue.length) await fn(queue.shift());
  }));
}

function filesOf(dir) {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

if (!check) {
  await inParallel(selected, 2, async (name) => {
    const out = path.join(root, 'dist', name);
    const temp = mkdtempSync(path.join(tmpdir(), `shipkit-${name}-`));
    await build(name, temp);
    rmSync(out, { recursive: true, force: true });
    cpSync(temp, out, { recursive: true });
    rmSync(temp, { recursive: true, force: true });
    console.log(`built dist/${name}/index.js`);
  });
} else {
  const problems = [];
  await inParallel(selected, 2, async (name) => {
    const temp = mkdtempSync(path.join(tmpdir(), `shipkit-check-${name}-`));
    try {
      await build(name, temp);
      const committed = path.join(root, 'dist', name);
      const fresh = filesOf(temp);
      const have = filesOf(committed);
      if (fresh.join() !== have.join()) problems.push(`dist/${name}: files differ (fresh build: ${fresh.join(', ')}; committed: ${have.join(', ') || 'none'})`);
      for (const file of fresh) {
        if (have.includes(file) && !readFileSync(path.join(temp, file)).equals(readFileSync(path.join(committed, file)))) {
          problems.push(`dist/${name}/${file} differs from a fresh build`);
        }
      }
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
    const bundle = path.join(root, 'dist', name, 'index.js');
    if (!existsSync(bundle)) return problems.push(`dist/${name}/index.js is missing`);
    const loaded = await run(process.execPath, [bundle], { env: { ...process.env, SHIPKIT_LOAD_CHECK: '1' } });
    if (loaded.code !== 0 || !loaded.output.includes('shipkit bundle loaded')) {
      problems.push(`dist/${name}/index.js does not load under ${process.version}:\n${loaded.output}`);
    } else {
      console.log(`dist/${name}/index.js matches a fresh build and loads under ${process.version}`);
    }
  });
  if (problems.length) {
    console.error(`dist/ check failed:\n- ${problems.join('\n- ')}\nRun \`npm run package\` and commit dist/.`);
    process.exit(1);
  }
}
