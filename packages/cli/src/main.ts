/**
 * The `shipkit` command, for a consumer repository (installed from npm: one bundled file, no
 * dependencies) or a shipkit checkout:
 *
 *   shipkit status [--config FILE] [--environment NAME] [--last N] [--json]
 *   shipkit history <environment> [--config FILE] [--days N] [--json]
 *   shipkit run <action> [--input name=value ...] [--workspace DIR]
 *
 * status and history read the ledgers in the state store with the AWS (or Azure) credentials of
 * the shell, as the actions do; they change nothing. run runs an action's bundle the way the runner
 * does (see run.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorMessage, ShipkitError, signInHint } from '@shipkit/core';
import { formatStatus } from '@shipkit/ledger';
import { doraFigures, formatDora } from './history.js';
import { actionNames, parseInputs, runAction, UsageError } from './run.js';
import { readLedgers, statusJson } from './status.js';

const USAGE = `usage:
  shipkit status [--config .github/shipkit.yml] [--environment NAME] [--last N] [--json]
      every environment: live release, slots, previous good release, open canaries, last records
  shipkit history <environment> [--config .github/shipkit.yml] [--days 30] [--json]
      DORA figures from the ledger: deployment frequency, lead time, change failure rate, time to restore
  shipkit run <action> [--input name=value ...] [--workspace DIR]
      runs an action's bundle here the way GitHub's runner does (inputs with hyphens included)

Credentials and endpoints come from the environment, as for the actions (AWS_*, AZURE_STORAGE_CONNECTION_STRING).`;

interface Args { positional: string[]; options: Record<string, string[]>; flags: Set<string> }

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { positional: [], options: {}, flags: new Set() };
  const valued = new Set(['config', 'environment', 'last', 'days', 'input', 'workspace', 'event', 'ref', 'sha', 'repository']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      args.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!valued.has(name)) {
      if (['json', 'help'].includes(name)) args.flags.add(name);
      else throw new UsageError(`unknown option --${name}`);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    (args.options[name] ??= []).push(value);
  }
  return args;
}

const one = (args: Args, name: string): string | undefined => args.options[name]?.at(-1);
const count = (args: Args, name: string): number | undefined => {
  const value = one(args, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} ${JSON.stringify(value)}: expected a whole number`);
  return Number(value);
};

/** Where actions/ and dist/ are: next to this bundle (the npm package), else the shipkit checkout it runs from. */
export function shipkitHome(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'actions')) && existsSync(path.join(dir, 'dist'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

function commitTime(workspace: string) {
  return (sha: string): Date | undefined => {
    try {
      const out = execFileSync('git', ['show', '-s', '--format=%cI', sha], { cwd: workspace, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
      return out ? new Date(out) : undefined;
    } catch {
      return undefined;
    }
  };
}

export async function main(argv: readonly string[], io: { out: (text: string) => void; err: (text: string) => void; cwd?: string } = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  try {
    const args = parseArgs(argv);
    const [command, ...rest] = args.positional;
    if (!command || args.flags.has('help')) {
      (command ? io.out : io.err)(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    const workspace = path.resolve(cwd, one(args, 'workspace') ?? '.');
    switch (command) {
      case 'status': {
        const environments = await readLedgers({ config: one(args, 'config'), workspace, only: one(args, 'environment') });
        if (args.flags.has('json')) {
          io.out(`${JSON.stringify(statusJson(environments, count(args, 'last') ?? 5), null, 2)}\n`);
        } else {
          for (const { name, url, state, records } of environments) io.out(`${formatStatus(name, state, records, { last: count(args, 'last'), url }).join('\n')}\n\n`);
        }
        return 0;
      }
      case 'history': {
        const environment = rest[0] ?? one(args, 'environment');
        if (!environment) throw new UsageError('shipkit history needs the environment: shipkit history production');
        const [{ state, records }] = await readLedgers({ config: one(args, 'config'), workspace, only: environment });
        const figures = doraFigures(state, records, { days: count(args, 'days') ?? 30, commitTime: commitTime(workspace) });
        io.out(args.flags.has('json') ? `${JSON.stringify(figures, null, 2)}\n` : `${formatDora(figures).join('\n')}\n`);
        return 0;
      }
      case 'run': {
        const action = rest[0];
        const home = shipkitHome();
        if (!action) throw new UsageError(`shipkit run needs an action: one of ${actionNames(home).join(', ')}`);
        const result = await runAction({ home, action, inputs: parseInputs(args.options.input ?? []), workspace, event: one(args, 'event'), ref: one(args, 'ref'), sha: one(args, 'sha'), repository: one(args, 'repository'), write: io.out });
        io.out(`\n${action} ${result.exitCode === 0 ? 'succeeded' : `failed (exit ${result.exitCode})`}\n`);
        for (const [name, value] of Object.entries(result.outputs)) io.out(`  output ${name}: ${value}\n`);
        return result.exitCode;
      }
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`shipkit: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    const given = error instanceof ShipkitError ? error.hint : undefined;
    const chosen = given && /azure\/login|configure-aws-credentials|aws-role-arn/.test(given) ? given : (signInHint(error) ?? given);
    const hint = chosen ? `\nHint: ${chosen}` : '';
    io.err(`shipkit: ${errorMessage(error)}${hint}\n`);
    return 1;
  }
}
