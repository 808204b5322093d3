#!/usr/bin/env node
/**
 * `npm run status -- [--config .github/shipkit.yml] [--environment NAME] [--last N] [--json]`, from a
 * shipkit checkout: `shipkit status` of the CLI (packages/cli), the same code the published
 * @shipkit/cli bundles. Reads only; changes nothing.
 */
import { main } from '../packages/cli/src/main.js';

export { status } from '../packages/cli/src/status.js';

if (process.argv[1]?.endsWith('status.ts')) {
  void main(['status', ...process.argv.slice(2)]).then((code) => {
    process.exitCode = code;
  });
}
