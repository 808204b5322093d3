import { appendFileSync } from 'node:fs';
import * as core from '@actions/core';
import { ShipkitError } from './errors.js';
import { guardWorkflowCommands } from './log.js';

/** The post step's entry file next to each bundle's index.js (action.yml `runs.post`), written by scripts/package.mjs. */
export const POST_ENTRY = 'post.js';

/**
 * Whether this process is an action's post step: the runner started `dist/<name>/post.js` (which
 * only imports index.js), not `index.js`. Told apart by the entry file, never by state the main step
 * saves — a main step cancelled before it saved anything must not run its post as a second main.
 */
export function isPostStep(argv: readonly string[] = process.argv): boolean {
  const script = argv[1] ?? '';
  return script.endsWith(`/${POST_ENTRY}`) || script.endsWith(`\\${POST_ENTRY}`);
}

/**
 * The single entry of every bundle. The runner starts `index.js` for `main` and `post.js` (which
 * imports index.js) for `post`. Errors become `core.setFailed` with the message and hint;
 * unexpected errors also print their stack.
 */
export async function runAction(steps: { main: () => Promise<void>; post?: () => Promise<void> }): Promise<void> {
  // The packaging check runs every bundle with this set: reaching here proves the bundle loads.
  if (process.env.SHIPKIT_LOAD_CHECK === '1') {
    process.stdout.write('shipkit bundle loaded\n');
    return;
  }
  guardWorkflowCommands();
  maskSecretInputs();
  try {
    if (isPostStep()) {
      if (steps.post) await steps.post();
      return;
    }
    await steps.main();
  } catch (error) {
    reportFailure(error);
  }
}

/** Inputs whose values are secrets, by name: masked before anything else runs (config loading included). */
const SECRET_INPUT = /(^|[-_])(token|password|secret|credentials?|key)($|[-_])/i;

/** Registers every secret input's value with the runner's masker, before any work (and any error message) can print it. */
export function maskSecretInputs(env: NodeJS.ProcessEnv = process.env): void {
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith('INPUT_') || !value) continue;
    if (SECRET_INPUT.test(key.slice('INPUT_'.length))) {
      for (const line of value.split(/\r?\n/)) if (line.trim().length >= 4) core.setSecret(line.trim());
    }
  }
}

/** A failed step's summary says what went wrong (the log has the rest), so the run page is never blank. */
function failureSummary(text: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const action = (process.env.GITHUB_ACTION_PATH ?? '').split(/[\\/]/).filter(Boolean).at(-1) ?? 'shipkit';
  try {
    appendFileSync(file, `### ${action} failed\n\n\`\`\`\n${text.replace(/```/g, "'''")}\n\`\`\`\n`);
  } catch {
    // the summary is a courtesy; the error is in the log
  }
}

export function reportFailure(error: unknown): void {
  if (error instanceof ShipkitError) {
    const text = error.hint ? `${error.message}\nHint: ${error.hint}` : error.message;
    failureSummary(text);
    core.setFailed(text);
  } else if (error instanceof Error) {
    core.debug(error.stack ?? '');
    core.setFailed(`Unexpected error: ${error.message}\n${error.stack ?? ''}`);
  } else {
    core.setFailed(`Unexpected error: ${String(error)}`);
  }
}

/** Writes an output, JSON-encoding non-strings. */
export function setOutput(name: string, value: unknown): void {
  core.setOutput(name, typeof value === 'string' ? value : JSON.stringify(value));
}
