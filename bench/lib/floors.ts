/**
 * The floors, each a whole process measured in the same run as the case it bounds: node start,
 * a bare jiti import of the same files, a bare undici client and a naive fetch loop sending the
 * same requests.
 */
import path from 'node:path';
import { BENCH_DIR, REPO } from './options.js';
import { expectExit, runNode, type RunOptions } from './process.js';

/**
 * Where the CLI imports user code: a worker thread (src/load/worker/), so the jiti floor imports
 * in a worker too — the same import in the same kind of isolate. The one place to switch.
 */
export const LOAD_ISOLATE: 'main' | 'worker' = 'worker';

const floor = (name: string): string => path.join(BENCH_DIR, 'floors', name);

export async function nodeStartMs(): Promise<number> {
  return expectExit(await runNode(['-e', '0']), 0, 'node -e 0').ms;
}

/** `root`'s config and flows imported by jiti alone (with `env`'s TMPDIR for its cache). */
export async function jitiImportMs(root: string, options: RunOptions): Promise<number> {
  const entry = path.join(REPO, 'dist', 'index.js');
  const run = await runNode([floor('jiti-import.mjs'), root, LOAD_ISOLATE, entry], options);
  return expectExit(run, 0, 'jiti floor').ms;
}

export async function undiciClientMs(
  apiUrl: string,
  key: string,
  bodies: string,
  concurrency: number,
): Promise<number> {
  const run = await runNode([floor('undici-client.mjs'), apiUrl, key, bodies, String(concurrency)]);
  return expectExit(run, 0, 'undici floor').ms;
}

export async function naiveFetchMs(apiUrl: string, key: string, bodies: string): Promise<number> {
  return expectExit(
    await runNode([floor('naive-fetch.mjs'), apiUrl, key, bodies]),
    0,
    'fetch floor',
  ).ms;
}
