// The suite's actions, in pipeline order. Every script and test that walks the actions reads this list.
export const ACTIONS = ['build-images', 'trivy-scan', 'promote-images', 'deploy-env', 'smoke-test', 'blue-green-switch', 'cdn-publish', 'rollback', 'remove-preview'];

// The actions whose main step tells its post step whether it has work (packages/core/src/action.ts
// setPostPending): only their post.js reads the `post` state (scripts/package.mjs). Another action's
// post.js must not: with no `post` state of its own, STATE_post would come from the workflow's env
// (the runner lays the job's and step's env under the state), and a post step with work would end.
export const POST_GATED_ACTIONS = ['deploy-env', 'blue-green-switch', 'rollback'];
