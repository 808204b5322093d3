import { describe, expect, test } from '@jest/globals';
import { S3Client } from '@aws-sdk/client-s3';
import { parseConfig, TARGET_KINDS } from '@shipkit/core';
import { resolveEnvironment } from '@shipkit/environments';
import { CloudRunTarget, CommandTarget, createTarget, EcsTarget, KubernetesTarget, ObjectStoreTarget } from '@shipkit/targets';

const client = new S3Client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
const env = (yaml: string) => resolveEnvironment(parseConfig(`app: shop\nstate: s3://shop-deploy/shipkit\nenvironments:\n  e:\n${yaml}`, '.github/shipkit.yml'), 'e', {}, '/ws');
const inputs = (extra: Record<string, unknown>) => resolveEnvironment(undefined, 'dev', { app: 'shop', state: 's3://bkt/p', ...extra }, '/ws');

describe('createTarget: one file per target, the only place that tells them apart', () => {
  test.each([
    ['s3 direct', () => env('    target: s3\n    s3: { bucket: shop-dev }\n'), ObjectStoreTarget, 's3://shop-dev/'],
    ['s3 blue-green', () => env('    target: s3\n    strategy: blue-green\n    slots:\n      blue: { s3: { bucket: b-1 } }\n      green: { s3: { bucket: g-1 } }\n    router: { type: command, switch: ["true"] }\n'), ObjectStoreTarget, 's3://b-1/'],
    ['command', () => env('    target: command\n    deploy: [./deploy.sh, --wait]\n'), CommandTarget, './deploy.sh --wait'],
    ['ecs', () => env('    target: ecs\n    ecs: { cluster: c, service: api, task-definition: api, container-images: { api: shop-api } }\n'), EcsTarget, 'c/api'],
    ['cloud-run direct', () => env('    target: cloud-run\n    cloud-run: { project: shop-prod-123, region: europe-west1, service: shop-web, container-images: { app: shop-web } }\n'), CloudRunTarget, 'projects/shop-prod-123/locations/europe-west1/services/shop-web'],
    ['cloud-run blue-green', () => env('    target: cloud-run\n    cloud-run: { project: shop-prod-123, region: europe-west1, service: shop-web, container-images: { app: shop-web } }\n    strategy: blue-green\n    slots: { blue: {}, green: {} }\n    router: { type: cloud-run }\n'), CloudRunTarget, 'shop-web (slot blue: traffic tag blue)'],
    ['kubernetes', () => env('    target: kubernetes\n    kubernetes: { namespace: shop, kustomize: deploy/prod, context: prod }\n'), KubernetesTarget, 'kubernetes namespace shop (context prod)'],
    ['kubernetes blue-green', () => env('    target: kubernetes\n    strategy: blue-green\n    kubernetes: { namespace: shop }\n    slots:\n      blue: { kubernetes: { kustomize: deploy/blue } }\n      green: { kubernetes: { kustomize: deploy/green } }\n    router: { type: k8s-service, service: shop }\n'), KubernetesTarget, 'slot blue (deploy/blue)'],
  ])('%s', (_name, make, kind, where) => {
    const resolved = make();
    const target = createTarget(resolved, client);
    expect(target).toBeInstanceOf(kind);
    expect(target.describe(resolved.strategy === 'blue-green' ? 'blue' : undefined)).toContain(where);
  });

  test.each([
    ['a command target without a command', () => inputs({ target: 'command' }), /has no deploy command: set environments.dev.deploy or the "deploy-command" input/],
    ['an s3 direct target without a bucket', () => inputs({ target: 's3' }), /\(target s3, direct\) has no bucket: set environments.dev.s3.bucket or the "bucket" input/],
    // The config schema refuses this in a file; an environment resolved without its services still gets a named error.
    ['a cloud-run target without its service', () => ({ ...env('    target: cloud-run\n    cloud-run: { project: shop-prod-123, region: europe-west1, service: shop-web, container-images: { app: shop-web } }\n'), cloudRun: undefined }), /environments.e.cloud-run is required for target cloud-run/],
    ['a kubernetes target with both context and server', () => env('    target: kubernetes\n    kubernetes: { namespace: shop, kustomize: k, context: c, server: "https://k8s.example" }\n'), /environments\.e\.kubernetes sets both context and server/],
    ['a blue-green kubernetes target whose slots share an overlay', () => env('    target: kubernetes\n    strategy: blue-green\n    kubernetes: { namespace: shop }\n    slots:\n      blue: { kubernetes: { kustomize: deploy/x } }\n      green: { kubernetes: { kustomize: deploy/x } }\n    router: { type: k8s-service, service: shop }\n'), /slots\.blue\.kubernetes and .*slots\.green\.kubernetes name the same overlay: each slot needs its own workloads/],
    ['a blue-green kubernetes slot without its overlay', () => env('    target: kubernetes\n    strategy: blue-green\n    kubernetes: { namespace: shop, kustomize: deploy/x }\n    slots:\n      blue: { kubernetes: { kustomize: deploy/b } }\n      green: { url: "https://g.example" }\n    router: { type: k8s-service, service: shop }\n'), /slots\.green\.kubernetes needs exactly one of kustomize .* it has neither/],
    ['a kubernetes timeout over 6h', () => env('    target: kubernetes\n    kubernetes: { namespace: shop, kustomize: k, timeout: 7h }\n'), /environments\.e\.kubernetes\.timeout has an invalid value "7h": expected a duration of at most 6h/],
    ['an ecs target without its services', () => ({ ...env('    target: ecs\n    ecs: { cluster: c, service: api, task-definition: api, container-images: { api: shop-api } }\n'), ecs: undefined }), /environments.e.ecs is required for target ecs/],
  ])('refuses %s before anything changes', (_name, make, message) => {
    expect(() => createTarget(make(), client)).toThrow(message);
  });

  test('what the config checks say of each kind (previews) is what its target does (it can remove an install)', () => {
    const made = {
      s3: createTarget(env('    target: s3\n    s3: { bucket: shop-dev }\n'), client),
      command: createTarget(env('    target: command\n    deploy: [./deploy.sh]\n'), client),
      ecs: createTarget(env('    target: ecs\n    ecs: { cluster: c, service: api, task-definition: api, container-images: { api: shop-api } }\n'), client),
      'cloud-run': createTarget(env('    target: cloud-run\n    cloud-run: { project: shop-prod-123, region: europe-west1, service: shop-web, container-images: { app: shop-web } }\n'), client),
      kubernetes: createTarget(env('    target: kubernetes\n    kubernetes: { namespace: shop, kustomize: k }\n'), client),
    };
    expect(Object.keys(made).sort()).toEqual(Object.keys(TARGET_KINDS).sort());
    for (const [kind, target] of Object.entries(made)) expect({ kind, removes: typeof target.remove === 'function' }).toEqual({ kind, removes: TARGET_KINDS[kind as keyof typeof TARGET_KINDS].previews });
  });
});
