/**
 * What the demo and the pipeline e2e test need on this machine, by Debian package. The demo
 * installs missing packages itself when it runs as root with apt-get; otherwise it prints exactly
 * what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Requirement {
  /** What is checked: a command on PATH or an absolute file. */
  command: string;
  /** The Debian package that provides it. */
  debian: string;
  why: string;
}

export const REQUIREMENTS: Requirement[] = [
  { command: 'buildah', debian: 'buildah', why: 'builds the images and runs the backends' },
  { command: 'skopeo', debian: 'skopeo', why: 'promotes tested digests (build once)' },
  { command: 'nginx', debian: 'nginx', why: 'the blue-green router' },
  { command: 'docker-registry', debian: 'docker-registry', why: 'the OCI registry' },
  { command: '/bin/busybox', debian: 'busybox-static', why: 'the base image of the backend' },
  { command: 'git', debian: 'git', why: 'the example repository and its commits' },
  { command: 'sha256sum', debian: 'coreutils', why: 'the frontend build (hashed asset names)' },
];

function present(command: string): boolean {
  if (command.startsWith('/')) return existsSync(command);
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin', '/usr/bin'])) {
    if (dir && existsSync(`${dir}/${command}`)) return true;
  }
  return false;
}

export function missingRequirements(): Requirement[] {
  return REQUIREMENTS.filter((requirement) => !present(requirement.command));
}

export function installCommand(missing: Requirement[]): string {
  return `apt-get install -y ${[...new Set(missing.map((requirement) => requirement.debian))].join(' ')}`;
}

/** Installs missing Debian packages when possible (root + apt-get); returns what is still missing. */
export function ensureRequirements(log: (text: string) => void): Requirement[] {
  let missing = missingRequirements();
  if (missing.length === 0) return missing;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && present('apt-get')) {
    log(`Installing missing Debian packages: ${installCommand(missing)}`);
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', ...new Set(missing.map((requirement) => requirement.debian))], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch (error) {
      log(`apt-get failed: ${(error as Error).message}`);
    }
    missing = missingRequirements();
  }
  return missing;
}

/** buildah with vfs storage and chroot isolation needs root here (no user namespaces). */
export function rootProblem(): string | undefined {
  return process.getuid?.() === 0 ? undefined : 'the demo needs root: buildah (vfs storage, chroot isolation) builds and runs images only as root here — run it with sudo -E npm run demo';
}
