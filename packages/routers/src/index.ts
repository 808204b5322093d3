export * from './types.js';
export * from './nginx.js';
export * from './command.js';
export * from './cloudfront.js';
export * from './alb.js';
export * from './factory.js';
export * from './switch.js';
export * from './steps.js';
