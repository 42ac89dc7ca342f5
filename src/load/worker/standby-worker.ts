import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The loader worker on standby: started by the process entry before the CLI imports its parser (yargs,
 * zod, the reporter: ~200 ms), so that the worker's own start (its bootstrap, jiti, the model)
 * runs on the second core meanwhile instead of after it. Kept apart from worker-loader.ts so
 * the entry imports nothing else. A worker that ended before the loader took it is not handed
 * out (the loader starts a fresh one).
 */
let standby: { worker: Worker; ended: boolean } | undefined;

/** Starts the worker (only from the built CLI: from TypeScript sources no worker can start). */
export function startStandbyWorker(): void {
  const entry = new URL('./loader-worker.js', import.meta.url);
  if (standby !== undefined || !import.meta.url.endsWith('.js')) return;
  if (!existsSync(fileURLToPath(entry))) return;
  const started = { worker: new Worker(entry, { stdout: true }), ended: false };
  // Idle, it must not keep the process alive; an error before it is taken is the loader's to
  // see again on a fresh worker, not a crash of this process.
  started.worker.unref();
  started.worker.on('error', () => (started.ended = true));
  started.worker.on('exit', () => (started.ended = true));
  standby = started;
}

/** The worker on standby for `entry`, once (undefined when none, or when it has ended). */
export function takeStandbyWorker(entry: URL): Worker | undefined {
  const taken = standby;
  standby = undefined;
  if (taken === undefined || taken.ended) return undefined;
  if (new URL('./loader-worker.js', import.meta.url).href !== entry.href) {
    void taken.worker.terminate();
    return undefined;
  }
  return taken.worker;
}
