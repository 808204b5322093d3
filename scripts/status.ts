#!/usr/bin/env node
/**
 * `npm run status -- [--config .github/shipkit.yml] [--environment NAME] [--last N]`: each
 * environment's live release, slots, previous good release and last records, read from its ledger
 * in the state store (AWS credentials and endpoint as for the actions: the AWS_* environment and
 * the config's aws:). Reads only; changes nothing.
 */
import { loadConfig, errorMessage } from '@shipkit/core';
import { resolveEnvironment } from '@shipkit/environments';
import { formatStatus, openLedger } from '@shipkit/ledger';
import { createS3Client } from '@shipkit/s3';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

export async function status(argv: { config?: string; environment?: string; last?: number; workspace?: string }): Promise<string[]> {
  const loaded = loadConfig(argv.config, argv.workspace ?? process.cwd());
  if (!loaded) throw new Error(`No config file ${argv.config ?? '.github/shipkit.yml'}: pass --config.`);
  const names = argv.environment ? [argv.environment] : Object.keys(loaded.config.environments ?? {});
  const lines: string[] = [];
  for (const name of names) {
    const env = resolveEnvironment(loaded, name, {}, argv.workspace ?? process.cwd());
    const client = createS3Client({ region: env.aws.region, endpoint: env.aws.endpoint, forcePathStyle: env.aws.forcePathStyle });
    const ledger = await openLedger({ state: env.state, app: env.app, environment: name, client, run: {} });
    const records = await ledger.records();
    lines.push(...formatStatus(name, await ledger.state(), records, { last: argv.last, url: env.url }), '');
  }
  return lines;
}

if (process.argv[1]?.endsWith('status.ts')) {
  status({ config: option('config'), environment: option('environment'), last: option('last') ? Number(option('last')) : undefined })
    .then((lines) => process.stdout.write(`${lines.join('\n')}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`shipkit status: ${errorMessage(error)}\n`);
      process.exit(1);
    });
}
