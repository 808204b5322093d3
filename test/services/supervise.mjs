// Runs one command (nginx, docker-registry, ...) for a parent Node process and never lets it
// outlive that parent: the parent forks this script with an IPC channel; when the channel
// closes (the parent exited, even by SIGKILL) or this process gets SIGTERM/SIGINT, the command
// is stopped (SIGTERM, then SIGKILL after a grace period).
//
// The command arrives as JSON in SHIPKIT_SUPERVISE: { command, args, cwd?, env?, stopSignal? }.
import { spawn } from 'node:child_process';

const spec = JSON.parse(process.env.SHIPKIT_SUPERVISE ?? '{}');
const env = { ...process.env, ...(spec.env ?? {}) };
delete env.SHIPKIT_SUPERVISE;

const child = spawn(spec.command, spec.args ?? [], { cwd: spec.cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;

function stop() {
  if (stopping) return;
  stopping = true;
  if (child.exitCode !== null || child.signalCode !== null) process.exit(0);
  child.kill(spec.stopSignal ?? 'SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 5000).unref();
}

child.on('error', (error) => {
  console.error(`supervise: cannot start ${spec.command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 : 1));
});
process.on('disconnect', stop);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.send?.({ type: 'spawned', pid: child.pid });
