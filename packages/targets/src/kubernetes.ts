import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import YAML from 'yaml';
import { runner, errorMessage, exec, invalidInput, parseTimeout, publicErrorSummary, readFileInside, resolveInside, ShipkitError, type KubernetesConfig } from '@shipkit/core';
import { releasePrefix, type LedgerRecord, type SlotName } from '@shipkit/ledger';
import { getJsonObject, putJsonObject } from '@shipkit/s3';
import { checkPromotable, isWorkload, KubeClient, loadKubeconfig, rolloutStatus, waitForRollouts, type KubeObject, type ResolvedEnvironment } from '@shipkit/environments';
import type { InstallRequest, InstallResult, RestoreResult, Target, UndoInfo, ValidateRequest, Verification } from './types.js';

/**
 * Kubernetes: a deploy renders the environment's kustomize overlay with the real `kubectl kustomize`
 * (or reads its manifest files), pins every mapped image to the release's digest, labels every
 * object with the app and the release, keeps the result in the release store
 * (`releases/<app>/<release>/kubernetes/<environment>.json`), applies it server-side (field manager
 * `shipkit`) and waits for every Deployment, StatefulSet and DaemonSet rollout. A rollback and the
 * undo of a failed, timed-out or cancelled rollout re-apply a recorded release's stored manifests
 * (nothing is rendered again) and wait. Objects are never deleted.
 */

export const MANAGED_BY = 'app.kubernetes.io/managed-by';
export const APP_LABEL = 'shipkit.dev/app';
export const RELEASE_LABEL = 'shipkit.dev/release';
/** Blue-green: the slot an object belongs to (on the objects; the router's selector label is on the slot's pods, written in its overlay). */
export const SLOT_LABEL = 'shipkit.dev/slot';
const DEFAULT_TIMEOUT = '10m';
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const IMAGE_NAME = /^[a-z0-9][a-z0-9._/:-]*$/;
/** Kinds that live outside namespaces (the rest get the environment's namespace). */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'IngressClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService', 'RuntimeClass', 'GatewayClass']);

/** What the release store keeps of one release in one environment: exactly what was applied. */
export interface StoredManifests {
  release: string;
  environment: string;
  namespace: string;
  objects: KubeObject[];
}

interface ImageEntry {
  name?: string;
  repository?: string;
  digest?: string;
}

/** The image name without tag or digest: `registry.example/shop/api:1.2@sha256:...` -> `registry.example/shop/api`. */
export function imageName(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

/** Every pod spec of an object (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod). */
function podTemplates(object: KubeObject): Array<{ metadata?: { labels?: Record<string, string> }; spec?: { containers?: Array<{ name: string; image?: string }>; initContainers?: Array<{ name: string; image?: string }> } }> {
  const spec = object.spec as Record<string, unknown> | undefined;
  if (!spec) return [];
  if (object.kind === 'Pod') return [object as never];
  if (object.kind === 'CronJob') {
    const template = (spec.jobTemplate as { spec?: { template?: unknown } } | undefined)?.spec?.template;
    return template ? [template as never] : [];
  }
  return spec.template && typeof spec.template === 'object' ? [spec.template as never] : [];
}

export class KubernetesTarget implements Target {
  readonly type = 'kubernetes' as const;
  readonly storesFiles = false;
  private readonly settings: KubernetesConfig;
  private readonly field: string;
  private readonly timeoutMs: number;
  private readonly images: Record<string, string>;
  private connection?: Promise<KubeClient>;
  private rendered?: { key: string; objects: KubeObject[] };

  constructor(
    private readonly env: ResolvedEnvironment,
    private readonly client: S3Client,
  ) {
    this.field = `${env.file ? `${env.file}: ` : ''}environments.${env.name}.kubernetes`;
    const settings = env.kubernetes;
    if (!settings) throw new ShipkitError(`${this.field} is required for target kubernetes: { namespace, kustomize: <dir> (or manifests: [files]), images: { <image in the manifests>: <build-images image> } }.`);
    if (typeof settings.namespace !== 'string' || !NAMESPACE.test(settings.namespace)) throw invalidInput(`${this.field}.namespace`, settings.namespace, 'a namespace name (lowercase letters, digits and -, at most 63)');
    if (settings.context !== undefined && settings.server !== undefined) throw new ShipkitError(`${this.field} sets both context and server: name the kubeconfig context, or the server of its cluster, not both.`);
    if (settings.server !== undefined && !/^https?:\/\/[^\s]+$/.test(settings.server)) throw invalidInput(`${this.field}.server`, settings.server, 'an API server URL (https://...)');
    if (settings.context !== undefined && (typeof settings.context !== 'string' || !settings.context.trim())) throw invalidInput(`${this.field}.context`, settings.context, 'a kubeconfig context name');
    const checkSource = (source: Pick<KubernetesConfig, 'kustomize' | 'manifests'> | undefined, field: string) => {
      if ((source?.kustomize === undefined) === (source?.manifests === undefined)) {
        throw new ShipkitError(`${field} needs exactly one of kustomize (a kustomization directory) and manifests (a list of files); it has ${source?.kustomize === undefined ? 'neither' : 'both'}.`);
      }
      if (source!.manifests !== undefined && (!Array.isArray(source!.manifests) || !source!.manifests.length)) throw invalidInput(`${field}.manifests`, source!.manifests, 'a list of manifest files in the repository');
    };
    if (env.strategy === 'blue-green') {
      // Each slot runs its own workloads (a deploy into the idle slot must not touch the live one's).
      for (const slot of ['blue', 'green'] as const) checkSource(env.slots?.[slot]?.kubernetes, this.slotField(slot));
      const [blue, green] = (['blue', 'green'] as const).map((slot) => JSON.stringify(env.slots![slot]!.kubernetes));
      if (blue === green) throw new ShipkitError(`${this.slotField('blue')} and ${this.slotField('green')} name the same ${env.slots!.blue.kubernetes!.kustomize ? 'overlay' : 'manifests'}: each slot needs its own workloads (a deploy into the idle slot would change the live one).`);
    } else {
      checkSource(settings, this.field);
    }
    this.images = settings.images ?? {};
    for (const [name, image] of Object.entries(this.images)) {
      if (!IMAGE_NAME.test(name) || name.includes('@')) throw invalidInput(`${this.field}.images`, name, 'an image name as the manifests write it, without tag or digest (e.g. registry.example/shop/api)');
      if (typeof image !== 'string' || !/^[a-z0-9][a-z0-9._/-]*$/.test(image)) throw invalidInput(`${this.field}.images.${name}`, image, "an image name from build-images' images output (e.g. shop-backend)");
    }
    this.timeoutMs = parseTimeout(settings.timeout ?? DEFAULT_TIMEOUT, `${this.field}.timeout`);
    if (this.timeoutMs > 6 * 3_600_000) throw invalidInput(`${this.field}.timeout`, settings.timeout, 'a duration of at most 6h (a GitHub job runs at most 6h)');
    this.settings = settings;
  }

  private slotField(slot: SlotName): string {
    return `${this.env.file ? `${this.env.file}: ` : ''}environments.${this.env.name}.slots.${slot}.kubernetes`;
  }

  /** Where a slot's (blue-green) or the environment's objects come from. */
  private source(slot: SlotName | undefined): { kustomize?: string; manifests?: string[]; field: string } {
    return slot ? { ...this.env.slots![slot]!.kubernetes, field: this.slotField(slot) } : { kustomize: this.settings.kustomize, manifests: this.settings.manifests, field: this.field };
  }

  describe(slot?: SlotName): string {
    if (slot) return `kubernetes namespace ${this.settings.namespace}, slot ${slot} (${this.source(slot).kustomize ?? this.source(slot).manifests!.join(', ')})`;
    return `kubernetes namespace ${this.settings.namespace} (${this.settings.context ? `context ${this.settings.context}` : this.settings.server ? `server ${this.settings.server}` : "the kubeconfig's current context"})`;
  }

  /** The API client, from the kubeconfig (read once; the token is registered as a secret before any request). */
  private api(): Promise<KubeClient> {
    this.connection ??= loadKubeconfig({ context: this.settings.context, server: this.settings.server, field: this.field }).then((connection) => new KubeClient(connection));
    return this.connection;
  }

  private manifestsKey(release: string, slot?: SlotName): string {
    return `${releasePrefix(this.env.state, this.env.app, release)}kubernetes/${this.env.name}${slot ? `.${slot}` : ''}.json`;
  }

  private async stored(release: string, slot?: SlotName): Promise<StoredManifests | undefined> {
    return (await getJsonObject<StoredManifests>(this.client, this.env.state.bucket, this.manifestsKey(release, slot)))?.value;
  }

  /** The overlay (or the manifest files) as objects, exactly as written. */
  private async renderSource(slot: SlotName | undefined): Promise<KubeObject[]> {
    const workspace = this.env.workspace;
    const texts: Array<{ what: string; text: string }> = [];
    const source = this.source(slot);
    const field = source.field;
    if (source.kustomize !== undefined) {
      const dir = resolveInside(`${field}.kustomize`, source.kustomize, { workspace, kind: 'kustomization directory' });
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ShipkitError(`${field}.kustomize names ${JSON.stringify(source.kustomize)}, which is not a directory (looked at ${dir}).`, { hint: 'Paths are relative to the workspace; check out the repository before this step.' });
      if (!['kustomization.yaml', 'kustomization.yml', 'Kustomization'].some((name) => existsSync(path.join(dir, name)))) {
        throw invalidInput(`${field}.kustomize`, source.kustomize, 'a directory holding a kustomization.yaml');
      }
      const result = await exec('kubectl', ['kustomize', dir], { silent: true, label: `kubectl kustomize ${source.kustomize}` });
      texts.push({ what: `the rendering of ${source.kustomize}`, text: result.stdout });
    } else {
      source.manifests!.forEach((file, index) => {
        const { text } = readFileInside(`${field}.manifests[${index}]`, file, { workspace, kind: 'manifest file', maxBytes: 5 * 1024 * 1024 });
        texts.push({ what: file, text });
      });
    }
    const objects: KubeObject[] = [];
    for (const { what, text } of texts) {
      for (const document of YAML.parseAllDocuments(text)) {
        if (document.errors.length) throw new ShipkitError(`${this.field}: ${what} is not valid YAML: ${document.errors[0]!.message.split('\n')[0]}`);
        const value = document.toJSON() as KubeObject | null;
        if (value === null || value === undefined) continue;
        const items = value.kind?.endsWith('List') && Array.isArray((value as { items?: unknown }).items) ? ((value as unknown as { items: KubeObject[] }).items) : [value];
        for (const item of items) {
          if (!item || typeof item !== 'object' || typeof item.apiVersion !== 'string' || typeof item.kind !== 'string' || typeof item.metadata?.name !== 'string') {
            throw new ShipkitError(`${this.field}: ${what} holds a document that is not a Kubernetes object (apiVersion, kind and metadata.name are required).`);
          }
          objects.push(item);
        }
      }
    }
    if (!objects.length) throw new ShipkitError(`${field}: ${source.kustomize ?? source.manifests!.join(', ')} renders no objects.`);
    return objects;
  }

  /** The objects a deploy of `release` applies: namespaced, images pinned to the release's digests, labelled. Checked before anything changes. */
  private async render(release: string, images: unknown, slot: SlotName | undefined): Promise<KubeObject[]> {
    const key = `${release}\n${slot ?? ''}\n${JSON.stringify(images ?? null)}`;
    if (this.rendered?.key === key) return this.rendered.objects;
    if (!LABEL_VALUE.test(release) || release.length > 63) throw invalidInput('release', release, 'a release id usable as a Kubernetes label value (at most 63 letters, digits, -, _ and .)');
    const list: ImageEntry[] = Array.isArray(images) ? (images as ImageEntry[]) : images && typeof images === 'object' ? Object.entries(images as Record<string, ImageEntry>).map(([name, entry]) => ({ name, ...entry })) : [];
    const refs = new Map<string, string>();
    for (const [manifestImage, buildName] of Object.entries(this.images)) {
      const entry = list.find((image) => image?.name === buildName);
      if (!entry) {
        throw new ShipkitError(`${this.field}.images maps ${manifestImage} to image ${JSON.stringify(buildName)}, but the images input (build-images' images output) has ${list.length ? list.map((image) => JSON.stringify(image?.name)).join(', ') : 'no images'}.`, {
          hint: "Pass build-images' images output to deploy-env (images: ${{ steps.build.outputs.images }}).",
        });
      }
      if (!entry.digest || !/^sha256:[0-9a-f]{64}$/.test(entry.digest) || !entry.repository) {
        throw new ShipkitError(`${this.field}.images: image ${JSON.stringify(buildName)} has no digest in the images input (it was not pushed?); workloads run digests, never a mutable tag.`);
      }
      refs.set(manifestImage, `${entry.repository}@${entry.digest}`);
    }
    const objects = structuredClone(await this.renderSource(slot));
    const used = new Set<string>();
    const seen = new Set<string>();
    const namespace = this.settings.namespace;
    for (const object of objects) {
      const where = `${object.kind}/${object.metadata.name}`;
      if (object.kind === 'Secret' && (object.data || object.stringData)) {
        throw new ShipkitError(`${this.field}: the manifests hold ${where} with data; the rendered manifests are kept in the release store, where secrets must never go.`, {
          hint: 'Create secrets outside the overlay (External Secrets, Sealed Secrets, or a separate kubectl step) and refer to them by name.',
        });
      }
      if (!CLUSTER_SCOPED.has(object.kind)) {
        if (object.metadata.namespace && object.metadata.namespace !== namespace) {
          throw new ShipkitError(`${this.field}: ${where} is in namespace ${object.metadata.namespace}, but the environment deploys to namespace ${namespace}.`, { hint: 'Remove the namespace from the manifest, or set kubernetes.namespace to it.' });
        }
        object.metadata.namespace = namespace;
      }
      object.metadata.labels = { ...object.metadata.labels, [MANAGED_BY]: 'shipkit', [APP_LABEL]: this.env.app, [RELEASE_LABEL]: release, ...(slot ? { [SLOT_LABEL]: slot } : {}) };
      for (const template of podTemplates(object)) {
        if (template !== (object as never)) {
          template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [APP_LABEL]: this.env.app, [RELEASE_LABEL]: release } };
        }
        for (const container of [...(template.spec?.containers ?? []), ...(template.spec?.initContainers ?? [])]) {
          if (typeof container.image !== 'string') continue;
          const name = imageName(container.image);
          seen.add(name);
          const ref = refs.get(name);
          if (!ref) continue;
          container.image = ref;
          used.add(name);
        }
      }
    }
    const unused = Object.keys(this.images).filter((name) => !used.has(name));
    if (unused.length) {
      throw new ShipkitError(`${this.field}.images maps ${unused.join(', ')}, which no container of the manifests runs (they run ${[...seen].join(', ') || 'no images'}).`);
    }
    this.rendered = { key, objects };
    return objects;
  }

  async validate(request: ValidateRequest): Promise<void> {
    if (request.fromRelease) await checkPromotable(this.client, this.env, request.fromRelease, request.release, 'from-release', false);
    let objects: KubeObject[] | undefined;
    if (request.operation === 'rollback') {
      const stored = await this.stored(request.release, request.slot);
      if (!stored) throw new ShipkitError(`The release store holds no Kubernetes manifests of ${request.release} for ${this.env.name} (${this.manifestsKey(request.release, request.slot)}): it was not deployed here by the kubernetes target.`);
      objects = stored.objects;
    } else if (request.images !== undefined || !request.fromRelease) {
      if (request.images === undefined && Object.keys(this.images).length) {
        throw new ShipkitError(`Input "images" is required for a kubernetes target that maps images (${this.field}.images): build-images' images output, whose digests the workloads run.`, {
          hint: "images: ${{ steps.build.outputs.images }} (or from-release, to reuse a deployed release's images).",
        });
      }
      objects = await this.render(request.release, request.images, request.slot);
      const stored = await this.stored(request.release, request.slot);
      if (stored && JSON.stringify(stored.objects) !== JSON.stringify(objects)) {
        throw new ShipkitError(`Release ${request.release} was deployed to ${this.env.name} with other manifests (kept in the release store); a release name always means the same manifests.`, {
          hint: 'Deploy the change as a new release (a new commit), or roll back to the release as it was.',
        });
      }
    }
    // The cluster is reachable with the kubeconfig, and serves every kind (a CRD is installed): before anything changes.
    const api = await this.api();
    for (const object of objects ?? []) await api.resourceOf(object.apiVersion, object.kind);
  }

  async undoInfo(slot: SlotName | undefined, live: { release?: string; images?: unknown }): Promise<UndoInfo> {
    return { target: this.type, slot, ...(live.release ? { release: live.release } : {}), ...(live.images !== undefined ? { images: live.images } : {}) };
  }

  /** Applies `objects` (server-side, field manager shipkit) and waits for every rollout. */
  private async applyAndWait(objects: KubeObject[], signal?: AbortSignal): Promise<void> {
    const api = await this.api();
    for (const object of objects) {
      if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new ShipkitError('Cancelled.');
      try {
        await api.apply(object);
      } catch (error) {
        throw new ShipkitError(`Could not apply ${object.kind}/${object.metadata.name} in namespace ${this.settings.namespace}: ${errorMessage(error)}`);
      }
      runner.info(`Applied ${object.kind.toLowerCase()}/${object.metadata.name}.`);
    }
    await waitForRollouts(api, objects.filter(isWorkload), this.settings.namespace, this.timeoutMs, { signal });
  }

  async install(request: InstallRequest): Promise<InstallResult> {
    let objects: KubeObject[];
    if (request.operation === 'deploy') {
      objects = await this.render(request.release, request.images, request.slot);
      const key = this.manifestsKey(request.release, request.slot);
      const stored = await this.stored(request.release, request.slot);
      if (!stored) {
        const value: StoredManifests = { release: request.release, environment: this.env.name, namespace: this.settings.namespace, objects };
        await putJsonObject(this.client, this.env.state.bucket, key, value);
        runner.info(`Kept the rendered manifests of ${request.release} in the release store (${key}).`);
      }
    } else {
      const stored = await this.stored(request.release, request.slot);
      if (!stored) throw new ShipkitError(`The release store holds no Kubernetes manifests of ${request.release} for ${this.env.name}: nothing to re-apply.`);
      objects = stored.objects;
      runner.info(`Re-applying the manifests ${request.release} ran with (from the release store; nothing is rendered).`);
    }
    await this.applyAndWait(objects, request.signal);
    return { target: this.type, where: this.describe() };
  }

  /** Every workload of the release's stored manifests carries its release label and has rolled out (read from the cluster). */
  async verify(release: string, slot: SlotName | undefined, _records: LedgerRecord[], installed?: InstallResult): Promise<Verification> {
    void installed;
    const stored = await this.stored(release, slot);
    if (!stored) return { runs: false, detail: `the release store holds no Kubernetes manifests of ${release} for ${this.env.name}` };
    const api = await this.api();
    const off: string[] = [];
    for (const object of stored.objects.filter(isWorkload)) {
      const now = await api.get(object);
      const name = `${object.kind.toLowerCase()}/${object.metadata.name}`;
      if (!now) off.push(`${name} does not exist`);
      else if (now.metadata.labels?.[RELEASE_LABEL] !== release) off.push(`${name} runs ${now.metadata.labels?.[RELEASE_LABEL] ?? 'no shipkit release'}`);
      else if (!rolloutStatus(now).done) off.push(`${name} has not rolled out`);
    }
    return off.length ? { runs: false, detail: off.join('; ') } : { runs: true, detail: `every workload runs ${release} and has rolled out` };
  }

  async undo(undo: UndoInfo, context: { failed: string; signal?: AbortSignal }): Promise<RestoreResult> {
    if (!undo.release) return { error: 'nothing was live before (objects are never deleted)', incomplete: true };
    runner.info(`Re-applying ${undo.release}'s manifests on ${this.env.name} after the failed change to ${context.failed}.`);
    try {
      const stored = await this.stored(undo.release, undo.slot);
      if (!stored) return { error: `the release store holds no Kubernetes manifests of ${undo.release}`, incomplete: true };
      await this.applyAndWait(stored.objects);
      return { restored: undo.release, incomplete: false };
    } catch (error) {
      runner.error(`Could not put ${undo.release} back: ${errorMessage(error)}`);
      return { error: publicErrorSummary(error), incomplete: true };
    }
  }
}
