import { runAction } from '@shipkit/core';
import { main } from './main.js';

await runAction({ main });
