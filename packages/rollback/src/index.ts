import { enableCompileCacheIn, respawnWithFlags } from '@shipkit/respawn';

// A rollback re-installs every file of a release through the transfer engine: the
// action re-executes itself with a small young generation and two malloc arenas before its code
// loads (@shipkit/respawn), on every run. Not bounded at run time as cdn-publish is: measured with
// deploy-env, the run-time bound peaked at 189-224 MB for 5,000 files and ~200 MB for 2,000, the
// re-exec at 157-179 MB (budget 200 MB). The bundle's compile cache is kept in RUNNER_TEMP, so the
// post step (and a later step of the job) skips compiling it.
respawnWithFlags();
enableCompileCacheIn();
const [{ runAction }, { main, post }] = await Promise.all([import('@shipkit/core'), import('./main.js')]);
await runAction({ main, post });
