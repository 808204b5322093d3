/**
 * Service starts survive a port taken between freePort()'s pick and the server's bind (another
 * test file's server, another session's): the start is retried on a new port. And a start that
 * fails for good takes back what it changed process-wide (azurite's test CA in the trust list).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import net from 'node:net';
import tls from 'node:tls';
import { freePort, startAzurite, startMoto } from './index.js';

let occupied: net.Server;
let taken: number;
beforeAll(async () => {
  // A port something else listens on (it accepts connections and answers nothing).
  occupied = net.createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
  taken = (occupied.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => occupied.close(() => resolve()));
});

/** Hands out the taken port first, then free ones. */
const takenFirst = () => {
  let first = true;
  return async () => {
    if (!first) return freePort();
    first = false;
    return taken;
  };
};

describe('a port taken between the pick and the bind', () => {
  test.each([
    ['moto', async (pickPort: () => Promise<number>) => startMoto({ pickPort })],
    ['azurite', async (pickPort: () => Promise<number>) => startAzurite({ pickPort })],
  ] as const)('%s starts again on another port', async (_name, start) => {
    const service = await start(takenFirst());
    try {
      // Without the retry the start fails (EADDRINUSE); moto's own port shows it moved.
      expect(service.port).not.toBe(taken);
    } finally {
      await service.stop();
    }
  }, 90_000);

  test('a port that stays taken is an error naming it, and the test CA azurite trusted is taken back', async () => {
    // The trust list as a set of certificates (Node re-encodes and de-duplicates what it is given).
    const trusted = () => [...new Set(tls.getCACertificates('default').map((pem) => pem.replace(/-----[A-Z ]+-----|\s+/g, '')))].sort();
    const before = trusted();
    const failed = await startAzurite({ oauth: true, pickPort: async () => taken }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(String(failed)).toMatch(/EADDRINUSE/);
    expect(trusted()).toEqual(before);
  }, 90_000);
});
