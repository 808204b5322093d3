import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { runner, errorMessage, exec, formatDuration, ShipkitError, sleep } from '@shipkit/core';
import { SLOT_NAMES, type SlotName } from '@shipkit/ledger';
import type { RouteRequest, Router } from './types.js';

export const DEFAULT_NGINX_TEST = ['nginx', '-t'] as const;
export const DEFAULT_NGINX_RELOAD = ['nginx', '-s', 'reload'] as const;

export interface NginxRouterOptions {
  environment: string;
  /** The include file the router owns (and nothing else). */
  include: string;
  /** Each slot's address: host:port, [ipv6]:port or unix:/path. */
  upstreams: Record<SlotName, string | undefined>;
  /** Validates the whole nginx configuration (default `nginx -t`). */
  test?: readonly string[];
  /** Applies it (default `nginx -s reload`). */
  reload?: readonly string[];
  /** The nginx master's pid file (default: the `pid` directive of the config the commands name, else /run/nginx.pid). */
  pidFile?: string;
  /** How long a switch waits for the old worker generation to exit after the reload (default 30 s). */
  reloadTimeoutMs?: number;
  /** Poll interval while waiting (default 100 ms). */
  pollMs?: number;
}

export const DEFAULT_RELOAD_TIMEOUT_MS = 30_000;

function argAfter(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

/**
 * Where the nginx master writes its pid: the `pid` directive of the main config the reload/test
 * command names (`-c`, relative to `-p`), else Debian's default /run/nginx.pid.
 */
export async function defaultPidFile(commands: ReadonlyArray<readonly string[]>): Promise<string> {
  const conf = commands.map((args) => argAfter(args, '-c')).find(Boolean) ?? '/etc/nginx/nginx.conf';
  const prefix = commands.map((args) => argAfter(args, '-p')).find(Boolean) ?? '/usr/share/nginx';
  try {
    const text = await readFile(path.resolve(prefix, conf), 'utf8');
    const match = /^\s*pid\s+([^;\s]+)\s*;/m.exec(text);
    if (match) return path.resolve(prefix, match[1]);
  } catch {
    // not readable here: use the default
  }
  return '/run/nginx.pid';
}

/** Child pids of `pid` (from /proc: the parent pid field of every process's stat). */
export async function childPids(pid: number): Promise<number[]> {
  const children: number[] = [];
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return children;
  }
  await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map(async (entry) => {
        try {
          const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
          // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
          const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
          if (ppid === pid) children.push(Number(entry));
        } catch {
          // the process went away while we looked
        }
      }),
  );
  return children.sort((a, b) => a - b);
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(file, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

const UPSTREAM_PATTERN = /^(?:unix:\/[^\s;{}#'"\\]+|(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):(\d{1,5}))$/;

/** Checks a slot's upstream before it goes anywhere near the nginx configuration. */
export function validateUpstream(value: string, field: string): string {
  const match = UPSTREAM_PATTERN.exec(value);
  const port = match?.[1] === undefined ? undefined : Number(match[1]);
  if (!match || (port !== undefined && (port < 1 || port > 65535))) {
    throw new ShipkitError(
      `Config field ${field} has an invalid value ${JSON.stringify(value)}: expected host:port (e.g. 10.0.1.5:8080), [ipv6]:port or unix:/path, without spaces, ";", "{", "}" or "#".`,
    );
  }
  return value;
}

export function upstreamName(environment: string): string {
  return `shipkit_${environment}`;
}

/** The include file's whole content: one upstream block naming the live slot's address, or both slots' with weights during a canary. */
export function renderInclude(environment: string, slot: SlotName, upstream: string, split?: { weight: number; other: SlotName; otherUpstream: string }): string {
  if (split && split.weight < 100) {
    return [
      `# Managed by shipkit (nginx router, environment ${environment}); canary: ${slot} ${split.weight}%, ${split.other} ${100 - split.weight}%. Rewritten on every switch; do not edit.`,
      `upstream ${upstreamName(environment)} { server ${split.otherUpstream} weight=${100 - split.weight}; server ${upstream} weight=${split.weight}; }`,
      '',
    ].join('\n');
  }
  return [
    `# Managed by shipkit (nginx router, environment ${environment}); live slot: ${slot}. Rewritten on every switch; do not edit.`,
    `upstream ${upstreamName(environment)} { server ${upstream}; }`,
    '',
  ].join('\n');
}

/** The servers (address and weight, 1 when not given) of the include's upstream block, or undefined if there is none. */
export function parseIncludeServers(text: string, environment: string): Array<{ upstream: string; weight: number }> | undefined {
  const name = upstreamName(environment).replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const block = new RegExp(`^\\s*upstream\\s+${name}\\s*\\{([^}]*)\\}`, 'm').exec(text);
  if (!block) return undefined;
  const servers: Array<{ upstream: string; weight: number }> = [];
  for (const statement of block[1].split(';')) {
    const match = /^\s*server\s+([^\s;]+)((?:\s+weight=\d+)?)\s*$/.exec(statement);
    if (match) servers.push({ upstream: match[1], weight: match[2] ? Number(match[2].trim().slice('weight='.length)) : 1 });
    else if (statement.trim()) return undefined;
  }
  return servers.length ? servers : undefined;
}

/** The `server` address in an include that routes everything to one server, or undefined if there is none. */
export function parseIncludeUpstream(text: string, environment: string): string | undefined {
  const servers = parseIncludeServers(text, environment);
  return servers?.length === 1 ? servers[0].upstream : undefined;
}

/**
 * Whether an existing include is shipkit's to rewrite: empty, written by shipkit (its header), or
 * holding nothing but the `upstream shipkit_<environment> { server ...; }` block (a seeded file).
 */
export function ownedInclude(text: string, environment: string): boolean {
  if (!text.trim() || text.startsWith('# Managed by shipkit')) return true;
  const rest = text.replace(/^\s*#.*$/gm, '').replace(new RegExp(`upstream\\s+${upstreamName(environment)}\\s*\\{\\s*server\\s+[^\\s;]+\\s*;\\s*\\}`), '');
  return !rest.trim() && parseIncludeUpstream(text, environment) !== undefined;
}

/** The most an include shipkit writes can hold (two upstream lines and a header); anything larger is not ours. */
const MAX_INCLUDE_BYTES = 64 * 1024;

/**
 * The include's content, read only when it is a regular file of its own: a symbolic link is
 * refused (a switch renames a new file into the include's place, which would replace the link and
 * leave its target stale; and reading through a link could read any file the runner can, such as
 * a secrets file). Refusals name the path and never quote the content.
 */
async function readIfExists(file: string): Promise<string | undefined> {
  let stats;
  try {
    stats = await lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ShipkitError(`Could not read the nginx include ${file}: ${errorMessage(error)}`);
  }
  if (stats.isSymbolicLink()) {
    const target = await realpath(file).catch(() => 'a path that does not exist');
    throw new ShipkitError(`router.include ${file} is a symbolic link (it resolves to ${target}): shipkit reads and replaces the include file itself and never follows a link, so it refuses to touch it.`, {
      hint: `Point router.include at the real file (${target}), or at a file of its own such as /etc/nginx/shipkit/<environment>.conf.`,
    });
  }
  if (!stats.isFile()) throw new ShipkitError(`router.include ${file} is not a regular file: expected the include file shipkit owns.`);
  if (stats.size > MAX_INCLUDE_BYTES) {
    throw new ShipkitError(`router.include ${file} holds ${stats.size} bytes, more than the include shipkit writes ever does (at most ${MAX_INCLUDE_BYTES}): it is not shipkit's file, so it is left alone.`, {
      hint: 'Point router.include at a file of its own (e.g. /etc/nginx/shipkit/<environment>.conf).',
    });
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ShipkitError(`Could not read the nginx include ${file}: ${errorMessage(error)}`);
  }
}

/**
 * Replaces `file` in one step: nginx (and anyone reading) sees the old or the new content,
 * never half a file. The temp file lives in the same directory so the rename cannot cross
 * file systems, and ends in `.tmp` so an `include shipkit/*.conf` glob never picks it up.
 */
export async function writeAtomically(file: string, content: string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w', 0o644);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw new ShipkitError(`Could not write the nginx include ${file}: ${errorMessage(error)}`, {
      hint: 'The step needs write access to the include file and its directory.',
    });
  }
}

/** Owns one include file holding `upstream shipkit_<environment> { server <live slot's upstream>; }`. */
export class NginxRouter implements Router {
  readonly type = 'nginx' as const;
  readonly description: string;
  readonly weighted = true;
  private readonly test: string[];
  private readonly reload: string[];

  constructor(private readonly options: NginxRouterOptions) {
    this.description = `nginx include ${options.include}`;
    this.test = [...(options.test ?? DEFAULT_NGINX_TEST)];
    this.reload = [...(options.reload ?? DEFAULT_NGINX_RELOAD)];
  }

  async live(): Promise<SlotName | undefined> {
    const text = await readIfExists(this.options.include);
    if (text === undefined) return undefined;
    const servers = parseIncludeServers(text, this.options.environment);
    const slotOf = (upstream: string) => SLOT_NAMES.find((name) => this.options.upstreams[name] === upstream);
    // A canary in progress (or interrupted): traffic is split, no single slot is live.
    if (servers && servers.length === 2 && servers.every((server) => slotOf(server.upstream))) return undefined;
    const upstream = servers?.length === 1 ? servers[0].upstream : undefined;
    const slot = upstream ? slotOf(upstream) : undefined;
    if (!slot) {
      runner.warning(
        `${this.options.include} does not route to either slot (it names ${upstream ? JSON.stringify(upstream) : `no single upstream ${upstreamName(this.options.environment)}`}; blue is ${this.options.upstreams.blue}, green is ${this.options.upstreams.green}). The next switch rewrites it.`,
      );
    }
    return slot;
  }

  /** The share of traffic (percent) each slot gets now, per the include; undefined when it routes to neither. */
  async split(): Promise<Partial<Record<SlotName, number>> | undefined> {
    const text = await readIfExists(this.options.include);
    const servers = text === undefined ? undefined : parseIncludeServers(text, this.options.environment);
    if (!servers) return undefined;
    const total = servers.reduce((sum, server) => sum + server.weight, 0);
    const shares: Partial<Record<SlotName, number>> = {};
    for (const server of servers) {
      const slot = SLOT_NAMES.find((name) => this.options.upstreams[name] === server.upstream);
      if (!slot) return undefined;
      shares[slot] = Math.round((server.weight / total) * 100);
    }
    return shares;
  }

  /** Read-only, before the lease: the include is shipkit's own (or absent), never a hand-written nginx file. */
  async validate(): Promise<void> {
    this.checkOwned(await readIfExists(this.options.include));
  }

  private checkOwned(previous: string | undefined): void {
    const include = this.options.include;
    if (previous !== undefined && !ownedInclude(previous, this.options.environment)) {
      throw new ShipkitError(
        `router.include ${include}: the file exists and was not written by shipkit (it holds more than the "upstream ${upstreamName(this.options.environment)}" block shipkit writes) — refusing to replace a hand-written nginx file.`,
        { hint: `Point router.include at a file of its own (e.g. /etc/nginx/shipkit/${this.options.environment}.conf), or empty this one. shipkit owns that one file and nothing else.` },
      );
    }
  }

  async route(request: RouteRequest): Promise<void> {
    const { slot } = request;
    const upstream = this.options.upstreams[slot];
    if (!upstream) {
      throw new ShipkitError(`Slot ${slot} of environment ${this.options.environment} has no upstream, and the nginx router needs one.`, {
        hint: `Add environments.${this.options.environment}.slots.${slot}.upstream (host:port of the slot) to the config.`,
      });
    }
    validateUpstream(upstream, `environments.${this.options.environment}.slots.${slot}.upstream`);
    const include = this.options.include;
    const previous = await readIfExists(include);
    this.checkOwned(previous);
    // The routing before this switch stays next to the include, for a person to compare or restore.
    if (previous !== undefined) await writeAtomically(`${include}.shipkit-previous`, previous);

    const weight = request.weight ?? 100;
    let split: Parameters<typeof renderInclude>[3];
    if (weight < 100) {
      const other = request.previous && request.previous !== slot ? request.previous : undefined;
      const otherUpstream = other ? this.options.upstreams[other] : undefined;
      if (!other || !otherUpstream) throw new ShipkitError(`A ${weight}% step to ${slot} needs the other slot live (the rest of the traffic stays there), and none is.`);
      split = { weight, other, otherUpstream };
    }
    await writeAtomically(include, renderInclude(this.options.environment, slot, upstream, split));
    const tested = await this.run(this.test, 'nginx configuration test');
    if (!tested.ok) {
      await this.restore(previous);
      throw new ShipkitError(
        `nginx refused the new routing to ${slot} (${upstream}); ${include} was restored and live traffic is unchanged.\n${tested.output}`,
        { hint: `Check that the nginx config includes ${include} at http level and proxies to http://${upstreamName(this.options.environment)}, and that \`${this.test.join(' ')}\` passes.` },
      );
    }
    const pidFile = this.options.pidFile ?? (await defaultPidFile([this.reload, this.test]));
    const master = await readPid(pidFile);
    const oldWorkers = master ? await childPids(master) : [];
    const reloaded = await this.run(this.reload, 'nginx reload');
    if (!reloaded.ok) {
      await this.restore(previous);
      const again = await this.run(this.reload, 'nginx reload (restored routing)');
      throw new ShipkitError(
        `nginx could not reload with the new routing to ${slot} (${upstream}); ${include} was restored${again.ok ? ' and reloaded' : ' (reloading it failed too)'}, live traffic is unchanged.\n${reloaded.output}`,
        { hint: `Check that nginx is running and that \`${this.reload.join(' ')}\` works for this user.` },
      );
    }
    await this.waitForNewGeneration(pidFile, master, oldWorkers);
    runner.info(split ? `nginx now routes ${weight}% of ${upstreamName(this.options.environment)} to ${slot} (${upstream}) and ${100 - weight}% to ${split.other} (${split.otherUpstream}).` : `nginx now routes ${upstreamName(this.options.environment)} to ${slot} (${upstream}).`);
  }

  /**
   * `nginx -s reload` returns once the master is signalled; until the old workers exit they keep
   * serving (keep-alive visitors, long requests) the old upstream. Waits until every old worker
   * has gone and a new one runs, bounded by reloadTimeoutMs (past it: a warning naming the pids).
   */
  private async waitForNewGeneration(pidFile: string, master: number | undefined, oldWorkers: number[]): Promise<void> {
    if (!master) {
      runner.warning(`Could not read the nginx master's pid from ${pidFile}, so this switch cannot confirm that the old workers stopped serving; set router.pid-file to the pid file of the nginx that includes ${this.options.include}.`);
      return;
    }
    const timeout = this.options.reloadTimeoutMs ?? DEFAULT_RELOAD_TIMEOUT_MS;
    const deadline = Date.now() + timeout;
    for (;;) {
      const now = await childPids(master);
      const left = oldWorkers.filter((pid) => now.includes(pid));
      if (!left.length && now.some((pid) => !oldWorkers.includes(pid))) return;
      if (Date.now() >= deadline) {
        runner.warning(
          `nginx reloaded, but ${left.length ? `old worker(s) ${left.join(', ')} still serve after ${formatDuration(timeout)} (long requests or open connections); they keep the previous routing until they finish` : `no new worker appeared within ${formatDuration(timeout)}`}.`,
        );
        return;
      }
      await sleep(this.options.pollMs ?? 100);
    }
  }

  private async restore(previous: string | undefined): Promise<void> {
    if (previous === undefined) await rm(this.options.include, { force: true });
    else await writeAtomically(this.options.include, previous);
  }

  private async run(args: string[], label: string): Promise<{ ok: boolean; output: string }> {
    try {
      const result = await exec(args[0], args.slice(1), { check: false, label, silent: true });
      const output = `${result.stdout}${result.stderr}`.trim();
      if (output) runner.info(output);
      return { ok: result.exitCode === 0, output: output || `${label} exited with code ${result.exitCode}` };
    } catch (error) {
      return { ok: false, output: errorMessage(error) };
    }
  }
}
