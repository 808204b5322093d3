import { ShipkitError } from '@shipkit/core';

/** Reads the inputs, calls the modules, writes the outputs. */
export async function main(): Promise<void> {
  throw new ShipkitError('deploy-env is not implemented yet.', { hint: 'Follow the shipkit repository for the release that adds it.' });
}
