import { respawnWithFlags } from '@shipkit/respawn';

// Installs and release uploads move every file of a site through the transfer engine: like
// cdn-publish, the action runs with a small young generation (@shipkit/respawn), set before its
// code is loaded.
respawnWithFlags();
const [{ runAction }, { main, post }] = await Promise.all([import('@shipkit/core'), import('./main.js')]);
await runAction({ main, post });
