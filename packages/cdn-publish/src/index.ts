import { respawnWithFlags } from '@shipkit/respawn';

// A small young generation bounds the memory of publishing many files (@shipkit/respawn): the
// process replaces itself with one started with it before the action's code is loaded.
respawnWithFlags();
const [{ runAction }, { main }] = await Promise.all([import('@shipkit/core'), import('./main.js')]);
await runAction({ main });
