/**
 * Where the emulator may listen: loopback only. Its key is published (DEFAULT_LOCAL_KEY) and
 * it has no other access control, so binding it to a reachable interface would hand every
 * neighbour on the network a writable API. The URL it reports is the address actually bound.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RuntypeError } from '../errors.js';

export function assertLoopbackHost(host: string): void {
  if (
    host === 'localhost' ||
    host === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    /^::ffff:127(\.\d{1,3}){3}$/i.test(host)
  )
    return;
  throw new RuntypeError(
    'EMULATOR_HOST_NOT_LOOPBACK',
    `The emulator only listens on a loopback address, not on ${JSON.stringify(host)}.`,
    {
      hint:
        'Use 127.0.0.1 (the default), ::1 or localhost: its key is not a secret, so it must ' +
        'not be reachable from other machines.',
      meta: { host },
    },
  );
}

/** Listens, then returns the bound address and port (IPv6 addresses in URL brackets). */
export async function listen(
  server: Server,
  port: number,
  host: string,
): Promise<{ address: string; urlHost: string; port: number }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  return {
    address: bound.address,
    urlHost: bound.family === 'IPv6' ? `[${bound.address}]` : bound.address,
    port: bound.port,
  };
}
