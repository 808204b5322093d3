// Makes a fresh clone ready for `npm test` and `npm run demo`: installs the npm dependencies when
// they are missing, installs the Debian packages of the local services when they are missing (as
// root, with apt-get), and re-runs the calling script under Node 24 (the `node` devDependency).
// Written for any Node >= 18, since on a fresh clone npm starts scripts with the system's node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEBIAN_PACKAGES = ['buildah', 'skopeo', 'docker-registry', 'nginx', 'busybox-static', 'openssl', 'awscli', 'jq'];
const COMMANDS = { buildah: 'buildah', skopeo: 'skopeo', 'docker-registry': 'docker-registry', nginx: 'nginx', 'busybox-static': 'busybox', openssl: 'openssl', awscli: 'aws', jq: 'jq' };

function onPath(command) {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;
}

function must(command, args, label) {
  console.log(`bootstrap: ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    console.error(`bootstrap: ${label} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

export function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((name) => !onPath(COMMANDS[name]));
  if (!missing.length) return;
  if (process.getuid?.() !== 0 || !onPath('apt-get')) {
    console.error(`bootstrap: missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install ${missing.join(' ')}`);
    process.exit(1);
  }
  must('apt-get', ['update', '-qq'], 'update package lists');
  must('apt-get', ['install', '-y', '-qq', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold', ...missing], 'install Debian packages');
}

export function ensureNpmDependencies() {
  if (existsSync(path.join(ROOT, 'node_modules', '.package-lock.json'))) return;
  // npm install keeps the locked versions; npm ci refuses a lock that cannot list optional packages
  // the registry does not serve (see .ci/run).
  must('npm', ['install', '--no-audit', '--no-fund'], 'install npm dependencies');
}

/** Re-runs the current script under Node 24 when started by an older node. */
export function ensureNode24() {
  if (Number(process.versions.node.split('.')[0]) >= 24) return;
  const node24 = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node24)) {
    console.error('bootstrap: Node 24 is not installed (npm devDependency "node"); run npm install');
    process.exit(1);
  }
  const result = spawnSync(node24, process.argv.slice(1), { stdio: 'inherit', env: { ...process.env, PATH: `${path.dirname(node24)}:${process.env.PATH}` } });
  process.exit(result.status ?? 1);
}

export function bootstrap() {
  ensureNpmDependencies();
  ensureDebianPackages();
  ensureNode24();
}
