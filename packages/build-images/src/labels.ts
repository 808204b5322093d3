import type { ImageSpec } from './context.js';

export interface LabelFacts {
  /** Repository URL, e.g. https://github.com/acme/shop. */
  sourceUrl?: string;
  revision: string;
  version: string;
  /** One timestamp for the whole run, so all images of a release agree. */
  created: Date;
}

/**
 * The OCI annotations every image gets (org.opencontainers.image.*); the image's own `labels`
 * win over them, so a user can still override any of them.
 */
export function ociLabels(image: Pick<ImageSpec, 'name' | 'labels'>, facts: LabelFacts): Record<string, string> {
  const labels: Record<string, string> = {
    'org.opencontainers.image.title': image.name.split('/').pop() ?? image.name,
    'org.opencontainers.image.created': facts.created.toISOString(),
    'org.opencontainers.image.version': facts.version,
  };
  if (facts.revision) labels['org.opencontainers.image.revision'] = facts.revision;
  if (facts.sourceUrl) labels['org.opencontainers.image.source'] = facts.sourceUrl;
  return { ...labels, ...image.labels };
}
