import { runAction } from '@shipkit/core';
import { main, post } from './main.js';

await runAction({ main, post });
