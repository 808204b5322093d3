import semver from 'semver';
import { parseRef, showValue, ShipkitError, type RunContext } from '@shipkit/core';

/** `v1.2.3` or `1.2.3` -> `1.2.3` (strict semver, prerelease/build allowed). */
export function parseVersion(name: string, value: string): string {
  const text = value.trim().replace(/^v(?=\d)/, '');
  const parsed = semver.valid(text);
  if (!parsed) throw new ShipkitError(`Input "${name}" has an invalid value ${showValue(value)}: expected a semantic version such as 1.2.3 or v1.2.3-rc.1.`);
  // semver drops build metadata (1.2.3+build.7 is 1.2.3): two builds would publish over each other.
  if (text.includes('+')) {
    throw new ShipkitError(`Input "${name}" has an invalid value ${showValue(value)}: expected a version without build metadata ("+..."), such as 1.2.3 or 1.2.3-rc.1; builds of one version would publish over each other as v${parsed}.`, {
      hint: 'Use a prerelease for a build (1.2.3-build.7) or publish the version itself.',
    });
  }
  return parsed;
}

/** The version to publish: the input, else the tag the workflow runs on. */
export function resolveVersion(input: string | undefined, context: Pick<RunContext, 'ref' | 'eventName'>): string {
  if (input) return parseVersion('version', input);
  const ref = parseRef(context.ref);
  if (ref.kind === 'tag') {
    try {
      return parseVersion('version', ref.name);
    } catch {
      throw new ShipkitError(`Input "version" was not given and the tag ${JSON.stringify(ref.name)} is not a semantic version.`, {
        hint: 'Run on a tag such as v1.2.3, or pass "version" explicitly.',
      });
    }
  }
  throw new ShipkitError(`Input "version" was not given and this run is not for a tag (ref ${JSON.stringify(context.ref)}, event ${context.eventName || 'unknown'}).`, {
    hint: 'Trigger on tags (on: push: tags: [v*.*.*]) or pass "version".',
  });
}

export function isPrerelease(version: string): boolean {
  return semver.prerelease(version) !== null;
}

/** The alias names a version moves: `v1.2`, `v1`, `latest`; none for prereleases. */
export function aliasNames(version: string): string[] {
  if (isPrerelease(version)) return [];
  const parsed = semver.parse(version)!;
  return [`v${parsed.major}.${parsed.minor}`, `v${parsed.major}`, 'latest'];
}

export type AliasDecision =
  | { alias: string; move: true; from?: string; reason: 'new' | 'forward' | 'same' | 'repair' }
  | { alias: string; move: false; current: string; reason: 'newer' | 'newer-in-progress' };

/**
 * Whether an alias moves to `version`, decided from what the alias holds now (its manifest's
 * recorded version): never backwards. An alias an interrupted run left incomplete is repaired when
 * it was moving to this version or an older one.
 */
export function decideAlias(alias: string, version: string, current: { version?: string; complete: boolean } | undefined): AliasDecision {
  const held = current?.version && semver.valid(current.version) ? current.version : undefined;
  if (!held) return { alias, move: true, reason: 'new' };
  const order = semver.compare(held, version);
  if (order > 0) return { alias, move: false, current: held, reason: current!.complete ? 'newer' : 'newer-in-progress' };
  if (!current!.complete) return { alias, move: true, from: held, reason: 'repair' };
  return { alias, move: true, from: held, reason: order === 0 ? 'same' : 'forward' };
}
