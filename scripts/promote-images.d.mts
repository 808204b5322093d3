// Types for scripts/promote-images.mjs (a dependency-free script the workflows run with plain node).
export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
  text: string;
}
export interface HeldAlias {
  tag: string;
  reason: string;
  /** The newer version's tag the alias stays on (or was put back on). */
  newer?: string;
}
export interface PromotedImage {
  name: string;
  ref: string;
  digest: string;
  tags: string[];
  repository: string;
  held?: HeldAlias[];
}
export function parseReference(text: string): { repository: string; name: string; tag?: string; digest?: string };
export function parseVersion(text: string): Version | undefined;
export function compareVersions(a: Version, b: Version): number;
export function planAliases(version: Version, tags: string[], existingTags: string[]): { allowed: string[]; held: HeldAlias[] };
export function promoteImages(options: {
  sources: string[];
  tags: string[];
  ifMissing?: 'skip' | 'fail';
  insecure?: boolean;
  username?: string;
  password?: string;
  version?: string;
}): Promise<{ found: boolean; missing?: string; images: PromotedImage[] }>;
