import { startUp } from './startup.js';

// Before the action's code loads (./startup.ts): the young generation bounded for the work ahead
// (a re-exec only for very large sources), and node's compile cache in RUNNER_TEMP for the bundle.
startUp();
const [{ runAction }, { main }] = await Promise.all([import('@shipkit/core'), import('./main.js')]);
await runAction({ main });
