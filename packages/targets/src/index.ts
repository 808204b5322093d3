export * from './types.js';
export * from './factory.js';
export { ObjectStoreTarget } from './object-store.js';
export { CommandTarget } from './command.js';
export { EcsTarget } from './ecs.js';
export { CloudRunTarget, recordedRevision } from './cloud-run.js';
export * from './transaction.js';
export { KubernetesTarget } from './kubernetes.js';
