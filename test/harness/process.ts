/**
 * The process of a running action step, found the way `ps` would: a node process whose command line
 * runs the action's bundle (dist/<name>/index.js) and whose working directory is the step's
 * workspace. For tests that kill the action itself (SIGKILL: no handler, no post step) at a moment
 * an event picks: a file its hook wrote, the N-th write a proxy saw.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './index.js';

export function actionPids(action: string, workspace: string): number[] {
  const bundle = path.join(ROOT, 'dist', action, 'index.js');
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.includes(bundle) && readlinkSync(`/proc/${entry}/cwd`) === workspace) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** SIGKILLs the action's process(es); returns the pids killed (none: it was not running). */
export function killAction(action: string, workspace: string): number[] {
  const pids = actionPids(action, workspace);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  return pids;
}
