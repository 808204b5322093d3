import { startUp } from './startup.js';

// Before the action's code loads (./startup.ts): the young generation bounded for the work ahead
// (a re-exec only for very large sources), and node's compile cache in RUNNER_TEMP for the bundle.
startUp();
const [{ runAction }, { main }] = await Promise.all([import('@shipkit/core'), import('./main.js')]);
await runAction({ main });
// The store's reads started alongside the scan (the version's listing and manifest, the aliases'
// manifests) are not awaited by a run that failed before it needed them (a missing or empty
// source-dir): once the failure is reported (and the log flushed) the step ends, rather than when a
// slow or unreachable store answers them or their retries give up.
if (process.exitCode) process.stdout.write('', () => process.exit());
