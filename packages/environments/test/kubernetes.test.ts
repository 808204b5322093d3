import { describe, expect, test } from '@jest/globals';
import { rolloutStatus, type KubeObject } from '@shipkit/environments';

const object = (kind: string, generation: number, spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject => ({ apiVersion: 'apps/v1', kind, metadata: { name: 'web', generation }, spec, status });

describe('rolloutStatus: what `kubectl rollout status` would say, from the object alone', () => {
  test.each([
    ['a Deployment whose controller has not seen the new spec', object('Deployment', 3, { replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, availableReplicas: 2, replicas: 2 }), { done: false }],
    ['a Deployment with old replicas still running', object('Deployment', 3, { replicas: 2 }, { observedGeneration: 3, updatedReplicas: 2, availableReplicas: 2, replicas: 3 }), { done: false }],
    ['a Deployment whose new pods are not available yet', object('Deployment', 3, { replicas: 2 }, { observedGeneration: 3, updatedReplicas: 2, availableReplicas: 1, replicas: 2 }), { done: false }],
    ['a Deployment rolled out', object('Deployment', 3, { replicas: 2 }, { observedGeneration: 3, updatedReplicas: 2, availableReplicas: 2, replicas: 2 }), { done: true }],
    ['a Deployment scaled to zero', object('Deployment', 1, { replicas: 0 }, { observedGeneration: 1 }), { done: true }],
    ['a Deployment past its progress deadline', object('Deployment', 3, { replicas: 2 }, { observedGeneration: 3, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-1" has timed out progressing.' }] }), { done: false, failed: 'deployment/web exceeded its progress deadline: ReplicaSet "web-1" has timed out progressing.' }],
    ['a StatefulSet between revisions', object('StatefulSet', 2, { replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, readyReplicas: 2, currentRevision: 'web-1', updateRevision: 'web-2' }), { done: false }],
    ['a StatefulSet rolled out', object('StatefulSet', 2, { replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, readyReplicas: 2, currentRevision: 'web-2', updateRevision: 'web-2' }), { done: true }],
    ['a DaemonSet with a node not updated', object('DaemonSet', 4, {}, { observedGeneration: 4, desiredNumberScheduled: 3, updatedNumberScheduled: 2, numberAvailable: 3 }), { done: false }],
    ['a DaemonSet rolled out', object('DaemonSet', 4, {}, { observedGeneration: 4, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 }), { done: true }],
  ])('%s', (_name, workload, expected) => {
    expect(rolloutStatus(workload)).toMatchObject(expected);
  });
});
