export * from './resolve.js';
export * from './commands.js';
