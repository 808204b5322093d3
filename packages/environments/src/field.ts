import { ShipkitError } from '@shipkit/core';

/** Runs a store operation; a failure names the config field (and location) it came from, before what went wrong. */
export async function inField<T>(field: string, location: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ShipkitError && !error.message.startsWith(field)) throw new ShipkitError(`${field} ${location}: ${error.message}`, { hint: error.hint, cause: error });
    throw error;
  }
}
