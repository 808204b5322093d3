// The suite's actions, in pipeline order. Every script that walks the actions reads this list.
export const ACTIONS = ['build-images', 'trivy-scan', 'promote-images', 'deploy-env', 'smoke-test', 'blue-green-switch', 'cdn-publish', 'rollback', 'remove-preview'];
