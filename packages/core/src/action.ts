import { appendFileSync } from 'node:fs';
import * as runner from './runner.js';
import { ShipkitError } from './errors.js';
import { guardWorkflowCommands } from './log.js';
import { redact, redactFile, registerEnvironmentSecrets } from './redact.js';
import { signInHint } from './sign-in.js';

/** The post step's entry file next to each bundle's index.js (action.yml `runs.post`), written by scripts/package.mjs. */
export const POST_ENTRY = 'post.js';

/**
 * The state key the post entry reads before it loads the bundle (scripts/package.mjs writes the
 * same name and value into every post.js): `idle` ends the post step at once.
 */
export const POST_STATE = 'post';
export const POST_IDLE = 'idle';

/**
 * Tells the post step whether the main step left it work. `pending` must be saved before anything
 * the post step acts on, `idle` only after the last of it is finished: the runner keeps the last
 * value of each key, so a main step killed at any point leaves `pending` whenever there is work,
 * and a step that never said anything runs its post step in full, as before. For actions whose
 * post step acts only on state their main step saved (a change's lease, undo and records).
 */
export function setPostPending(pending: boolean): void {
  runner.saveState(POST_STATE, pending ? 'pending' : POST_IDLE);
}

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
 * imports index.js) for `post`. Errors become `runner.setFailed` with the message and hint;
 * unexpected errors also print their stack.
 */
export async function runAction(steps: { main: () => Promise<void>; post?: () => Promise<void> }): Promise<void> {
  // The packaging check runs every bundle with this set: reaching here proves the bundle loads.
  if (process.env.SHIPKIT_LOAD_CHECK === '1') {
    process.stdout.write('shipkit bundle loaded\n');
    return;
  }
  // Credentials are secrets from the first line: masked and registered with the redaction before
  // anything (config loading included) can print them; every log line passes the redaction, and
  // the runner's files are redacted once more when the process ends, whatever wrote to them.
  maskSecretInputs();
  guardWorkflowCommands();
  process.once('exit', () => redactRunnerFiles());
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

/**
 * Registers every credential of the environment and every secret input (token, password, secret,
 * key, credentials) with the redaction and the runner's masker, before any work (and any error
 * message) can print them. See registerEnvironmentSecrets.
 */
export function maskSecretInputs(env: NodeJS.ProcessEnv = process.env): void {
  registerEnvironmentSecrets(env);
}

/** The runner's files the steps append to (outputs, state, the step summary; runner.ts), redacted in place. */
export function redactRunnerFiles(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) redactFile(env[name]);
}

/** A failed step's summary says what went wrong (the log has the rest), so the run page is never blank. */
function failureSummary(text: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const action = (process.env.GITHUB_ACTION_PATH ?? '').split(/[\\/]/).filter(Boolean).at(-1) ?? 'shipkit';
  try {
    appendFileSync(file, redact(`### ${action} failed\n\n\`\`\`\n${text.replace(/```/g, "'''")}\n\`\`\`\n`));
  } catch {
    // the summary is a courtesy; the error is in the log
  }
}

export function reportFailure(error: unknown): void {
  // No credentials: the fix is signing in, whatever the step that noticed thought likely (a hint
  // that already says how to sign in stays).
  const hinted = error instanceof ShipkitError && /azure\/login|configure-aws-credentials|aws-role-arn/.test(error.hint ?? '');
  const signIn = hinted ? undefined : signInHint(error);
  if (signIn) {
    const message = error instanceof Error ? error.message : String(error);
    const text = redact(`${message}\nHint: ${signIn}`);
    failureSummary(text);
    runner.setFailed(text);
  } else if (error instanceof ShipkitError) {
    const text = redact(error.hint ? `${error.message}\nHint: ${error.hint}` : error.message);
    failureSummary(text);
    runner.setFailed(text);
  } else if (error instanceof Error) {
    runner.debug(redact(error.stack ?? ''));
    runner.setFailed(redact(`Unexpected error: ${error.message}\n${error.stack ?? ''}`));
  } else {
    runner.setFailed(redact(`Unexpected error: ${String(error)}`));
  }
}

/** Writes an output, JSON-encoding non-strings. */
export function setOutput(name: string, value: unknown): void {
  runner.setOutput(name, redact(typeof value === 'string' ? value : JSON.stringify(value)));
}

/** Saves state for the post step, redacted (state files are kept by the runner, unmasked). */
export function saveState(name: string, value: unknown): void {
  runner.saveState(name, redact(typeof value === 'string' ? value : JSON.stringify(value)));
}
