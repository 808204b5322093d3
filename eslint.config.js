// ESLint for the TypeScript sources and scripts; dist/ is generated and not linted.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**', 'examples/**/node_modules/**', 'cli/bin/**', 'cli/actions/**', 'cli/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', performance: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The actions speak the runner's protocol through @shipkit/core's `runner` (packages/core/src/runner.ts):
    // @actions/core loads an HTTP client and undici at import, on every action's start.
    files: ['packages/*/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: '@actions/core', message: "Use `runner` from '@shipkit/core' (packages/core/src/runner.ts)." }] }] },
  },
  {
    // The sample app's frontend runs in browsers.
    files: ['examples/**/frontend/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', fetch: 'readonly' } },
  },
);
