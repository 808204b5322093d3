import type { S3Client } from '@aws-sdk/client-s3';
import { invalidInput, mapLimit, ShipkitError, storeUrl } from '@shipkit/core';
import { openLedger, type LedgerRecord } from '@shipkit/ledger';
import { copyPrefix, readManifest, type Manifest } from '@shipkit/s3';
import { describeLocation, ledgerEnvironments, releaseLocation } from './release-store.js';
import type { ResolvedEnvironment } from './resolve.js';

/** A checked promotion: the release whose files (s3) or images (command) a new release reuses. */
export interface PromotionSource {
  /** The existing release, e.g. `main-abc1234`. */
  release: string;
  /** s3 targets: its complete manifest in the release store. */
  manifest?: Manifest;
  /** The images recorded for it in the app's ledgers (the latest successful deploy that recorded some). */
  images?: unknown;
  /** The new release is already in the release store with exactly these files (a re-run): nothing to copy. */
  alreadyStored: boolean;
}

export interface PromotionResult {
  from: string;
  /** Files written to the new release by server-side copy (0 when it was already there). */
  copied: number;
  files: number;
  reused: boolean;
}

function sameFiles(a: Manifest, b: Manifest): boolean {
  const keys = Object.keys(a.files);
  return keys.length === Object.keys(b.files).length && keys.every((key) => b.files[key]?.sha256 === a.files[key].sha256);
}

/** The latest successful deploy of `release` in any environment of the app (read from every ledger under the state prefix). */
async function latestDeploy(client: S3Client, env: ResolvedEnvironment, release: string): Promise<LedgerRecord | undefined> {
  const environments = await ledgerEnvironments(client, env);
  const found = await mapLimit(environments, 4, async (name) => {
    const ledger = await openLedger({ state: env.state, app: env.app, environment: name, client });
    return (await ledger.records()).filter((record) => record.type === 'deploy' && record.status === 'succeeded' && record.release === release);
  });
  const deploys = found.flat().sort((a, b) => (a.id < b.id ? -1 : 1));
  return deploys.filter((record) => record.details?.images !== undefined).at(-1) ?? deploys.at(-1);
}

/**
 * Checks, before anything changes, that release `to` can be made from the existing release
 * `from`: s3 targets need `from` complete in the release store, and `to` absent, incomplete (an
 * interrupted promotion) or already holding exactly `from`'s files (release ids are immutable).
 * Command targets need a successful deploy of `from` in one of the app's ledgers. Also returns
 * the images recorded for `from`. Errors name `input`.
 */
export async function checkPromotable(client: S3Client, env: ResolvedEnvironment, from: string, to: string, input = 'from-release', storesFiles = true): Promise<PromotionSource> {
  if (from === to) throw invalidInput(input, from, `an existing release other than the one being deployed (${to})`);
  const deployed = await latestDeploy(client, env, from);
  const images = deployed?.details?.images;
  if (!storesFiles) {
    if (!deployed) {
      throw new ShipkitError(`Input "${input}" names release ${JSON.stringify(from)}, which no environment of ${env.app} has deployed successfully (no such deploy in the ledgers under ${storeUrl(env.state.bucket, env.state.prefix)}).`, {
        hint: 'Promote a release that was deployed and tested (e.g. main-<sha7> from staging), or deploy without from-release.',
      });
    }
    return { release: from, images, alreadyStored: false };
  }
  const source = releaseLocation(env.state, env.app, from);
  const manifest = await readManifest(client, source.bucket, source.prefix);
  if (!manifest?.complete) {
    throw new ShipkitError(
      `Input "${input}" names release ${JSON.stringify(from)}, which is ${manifest ? 'incomplete' : 'not'} in the release store (${describeLocation(source)}${manifest ? ': its upload never finished' : ''}).`,
      { hint: 'It was never uploaded, its upload was interrupted, or retention removed it. Deploy from source-dir instead (build the files), or name a release listed in a ledger.' },
    );
  }
  const target = releaseLocation(env.state, env.app, to);
  const existing = await readManifest(client, target.bucket, target.prefix);
  if (existing?.complete && !sameFiles(manifest, existing)) {
    throw new ShipkitError(`Release ${JSON.stringify(to)} is already in the release store (${describeLocation(target)}) with other files than ${from}: it cannot be replaced by a promotion.`, {
      hint: 'Release ids are immutable: deploy it as it is (without from-release), or promote under a new release id.',
    });
  }
  return { release: from, manifest, images, alreadyStored: !!existing?.complete };
}

/**
 * Makes release `to` from `source.release` in the release store by server-side copy, byte for
 * byte: nothing is uploaded from the runner. Complete only once its manifest is written (last),
 * so an interrupted promotion is completed by a re-run.
 */
export async function promoteRelease(client: S3Client, env: ResolvedEnvironment, source: PromotionSource, to: string, meta: Record<string, unknown> = {}): Promise<PromotionResult> {
  const files = Object.keys(source.manifest?.files ?? {}).length;
  if (source.alreadyStored) return { from: source.release, copied: 0, files, reused: true };
  const result = await copyPrefix(client, {
    from: releaseLocation(env.state, env.app, source.release),
    to: releaseLocation(env.state, env.app, to),
    deleteStale: true,
    meta: { ...source.manifest?.meta, ...meta, app: env.app, release: to, promotedFrom: source.release },
  });
  return { from: source.release, copied: result.copied, files, reused: false };
}
