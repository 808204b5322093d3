/**
 * The kinds of target (config `target:`) and what each can do, for the checks made when the config
 * is loaded — before any target exists. The targets themselves (one file each and the factory) live
 * in @shipkit/targets, whose factory builds exactly these kinds.
 */
export const TARGET_KINDS = {
  /** A static site in an object store (S3, S3-compatible, Azure Blob): installs can be removed, so it can host previews. */
  s3: { previews: true },
  /** The user's deploy command. */
  command: { previews: false },
  /** Amazon ECS services. */
  ecs: { previews: false },
  /** A Google Cloud Run service: a revision per release, traffic moved between revisions. */
  'cloud-run': { previews: false },
  /** Kubernetes workloads: a rendered kustomize overlay (or manifests), applied server-side. */
  kubernetes: { previews: false },
} as const satisfies Record<string, { previews: boolean }>;

export type TargetKind = keyof typeof TARGET_KINDS;

/** Whether a kind of target can host pull request previews (each its own install, removed when the pull request closes). */
export function hostsPreviews(kind: string | undefined): boolean {
  return !!kind && Object.hasOwn(TARGET_KINDS, kind) && TARGET_KINDS[kind as TargetKind].previews;
}
