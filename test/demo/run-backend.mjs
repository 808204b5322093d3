#!/usr/bin/env node
// The demo's post-deploy hook (the stand-in for examples/consumer/deploy/backend.sh, which uses
// podman on a real host): runs the release's backend image next to the slot that was just
// installed, with buildah (chroot isolation, host network) because there is no container engine
// here. deploy-env calls it with the release in SHIPKIT_* variables, exactly as it calls the
// user's hook; BACKEND_PORT comes from the slot's `env`, SHIPKIT_DEMO_STATE from the environment's.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const { SHIPKIT_IMAGES, SHIPKIT_SLOT, SHIPKIT_ENVIRONMENT, SHIPKIT_RELEASE, BACKEND_PORT, SHIPKIT_DEMO_STATE } = process.env;
for (const [name, value] of Object.entries({ SHIPKIT_IMAGES, SHIPKIT_SLOT, SHIPKIT_ENVIRONMENT, BACKEND_PORT, SHIPKIT_DEMO_STATE })) {
  if (!value) {
    console.error(`run-backend: ${name} is not set`);
    process.exit(2);
  }
}
const images = JSON.parse(SHIPKIT_IMAGES);
const backend = (Array.isArray(images) ? images : []).find((image) => image.name === 'shop-backend');
if (!backend?.digest) {
  console.error(`run-backend: SHIPKIT_IMAGES has no shop-backend image with a digest: ${SHIPKIT_IMAGES}`);
  process.exit(1);
}
// build-images' ref is already <repository>@<digest>.
const image = backend.ref.includes('@') ? backend.ref : `${backend.ref}@${backend.digest}`;
const stateFile = path.join(SHIPKIT_DEMO_STATE, `backend-${SHIPKIT_ENVIRONMENT}-${SHIPKIT_SLOT}.json`);

// Replace what ran in this slot before.
if (existsSync(stateFile)) {
  const previous = JSON.parse(readFileSync(stateFile, 'utf8'));
  try {
    process.kill(-previous.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  try {
    execFileSync('buildah', ['rm', previous.container], { stdio: 'ignore' });
  } catch {
    /* already removed */
  }
}

const container = `shop-backend-${SHIPKIT_ENVIRONMENT}-${SHIPKIT_SLOT}-${Date.now()}`;
execFileSync('buildah', ['from', '--quiet', '--tls-verify=false', '--name', container, image], { stdio: ['ignore', 'ignore', 'inherit'] });
const child = spawn('buildah', ['run', '--env', `PORT=${BACKEND_PORT}`, container, '--', 'httpd', '-f', '-p', `127.0.0.1:${BACKEND_PORT}`, '-h', '/www'], {
  detached: true,
  stdio: 'ignore',
});
child.unref();
writeFileSync(stateFile, JSON.stringify({ pid: child.pid, container, image, release: SHIPKIT_RELEASE }));

const deadline = Date.now() + 20_000;
for (;;) {
  try {
    const response = await fetch(`http://127.0.0.1:${BACKEND_PORT}/cgi-bin/health`, { signal: AbortSignal.timeout(2000) });
    await response.text();
    break;
  } catch {
    if (Date.now() > deadline) {
      console.error(`run-backend: ${image} did not answer on 127.0.0.1:${BACKEND_PORT} within 20s`);
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
console.log(`backend of ${SHIPKIT_ENVIRONMENT}/${SHIPKIT_SLOT}: ${image} (release ${SHIPKIT_RELEASE}) on 127.0.0.1:${BACKEND_PORT}`);
