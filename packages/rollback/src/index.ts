import { respawnWithFlags } from '@shipkit/respawn';

// A rollback re-installs every file of a release through the transfer engine: like cdn-publish,
// the action runs with a small young generation (@shipkit/respawn), set before its code is loaded.
respawnWithFlags();
const [{ runAction }, { main, post }] = await Promise.all([import('@shipkit/core'), import('./main.js')]);
await runAction({ main, post });
