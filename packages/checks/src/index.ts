export * from './assert.js';
export * from './http.js';
export * from './run.js';
export * from './secrets.js';
export * from './spec.js';
export * from './analysis.js';
