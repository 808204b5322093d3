/**
 * Every action in one bundle. scripts/package.mjs builds this file once with ncc into dist/bundle/;
 * each dist/<action>/index.js (and post.js) only names its action and starts it from here, so the
 * actions share one copy of their compiled code (and the packaging check builds once, not once
 * per action). Each action's own entry (packages/<action>/src/index.ts) is a chunk of its own,
 * loaded only by that action.
 */
const ENTRIES: Record<string, () => Promise<unknown>> = {
  'build-images': () => import('../../build-images/src/index.js'),
  'trivy-scan': () => import('../../trivy-scan/src/index.js'),
  'promote-images': () => import('../../promote-images/src/index.js'),
  'deploy-env': () => import('../../deploy-env/src/index.js'),
  'smoke-test': () => import('../../smoke-test/src/index.js'),
  'blue-green-switch': () => import('../../blue-green-switch/src/index.js'),
  'cdn-publish': () => import('../../cdn-publish/src/index.js'),
  rollback: () => import('../../rollback/src/index.js'),
  'remove-preview': () => import('../../remove-preview/src/index.js'),
};

/**
 * Runs an action's entry: what `node dist/<action>/index.js` does. The packaging check starts every
 * action of scripts/actions.mjs this way, so one missing here fails it.
 */
export async function startAction(action: string): Promise<void> {
  const entry = ENTRIES[action];
  if (!entry) throw new Error(`Unknown action "${action}": expected one of ${Object.keys(ENTRIES).join(', ')}`);
  await entry();
}
