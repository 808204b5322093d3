export * from './types.js';
export * from './nginx.js';
export * from './command.js';
export * from './cloudfront.js';
