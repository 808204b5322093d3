import { runner, getBoolean, getEnum, getList, getOptional, getSecret, parseRef, readContext, setOutput, ShipkitError, writeSummary } from '@shipkit/core';
import { promoteImages } from './promote.js';

/**
 * `tags` and `version` may name the run's ref: `{sha7}` (the commit's short sha), `{version}` (the
 * tag without its `v`), `{major}`, `{minor}`, `{patch}` — so workflows need no shell to compute them.
 */
export function expandPlaceholders(text: string, context: { ref: string; sha: string }): string {
  const ref = parseRef(context.ref);
  const version = ref.kind === 'tag' ? ref.name.replace(/^v(?=\d)/, '') : '';
  const [major = '', minor = '', patch = ''] = version.split(/[.+-]/);
  const values: Record<string, string> = { sha7: context.sha.slice(0, 7), version, major, minor, patch };
  return text.replace(/\{(sha7|version|major|minor|patch)\}/g, (_whole, name: string) => {
    if (!values[name]) throw new ShipkitError(`Input "tags" or "version" uses {${name}}, which cannot be filled in: this run is not for a version tag (ref ${context.ref}).`);
    return values[name];
  });
}

export async function main(): Promise<void> {
  const context = readContext();
  const expand = (text: string) => expandPlaceholders(text, context);
  const result = await promoteImages({
    sources: getList('sources', { comma: false }),
    tags: getList('tags', { comma: false }).map(expand),
    ifMissing: getEnum('if-missing', ['skip', 'fail'] as const, 'skip'),
    insecure: getBoolean('insecure', false),
    username: getOptional('username'),
    password: getSecret('password'),
    version: getOptional('version') ? expand(getOptional('version')!) : undefined,
    log: (line) => runner.info(line),
  });
  if (!result.found) runner.info(`Not promoting: ${result.missing} is not in the registry (it was not built and tested on main).`);
  setOutput('found', String(result.found));
  setOutput('images', JSON.stringify(result.images));
  setOutput('refs', result.images.map((image) => image.ref).join('\n'));
  await writeSummary({
    title: 'promote-images',
    text: result.found ? undefined : `Nothing promoted: ${result.missing} is not in the registry.`,
    headers: ['Image', 'Digest', 'Tags added', 'Aliases kept'],
    rows: result.images.map((image) => [image.repository, image.digest, image.tags.join(', '), (image.held ?? []).map((held) => `${held.tag}: ${held.reason}`).join('; ')]),
  });
}
