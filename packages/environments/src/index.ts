export * from './resolve.js';
export * from './commands.js';
export * from './release-store.js';
export * from './install.js';
export * from './promote.js';
export * from './github.js';
export * from './inputs.js';
export * from './lease.js';
