// Floor: a bare jiti import of a project's config and flow files, nothing else (no validation,
// no plan). Run as its own process: node floors/jiti-import.mjs <root> <main|worker> <entry>.
// `worker` imports inside a worker thread, as the CLI does when loading runs in one: the floor
// must pay for the same isolate the CLI pays for (bench/lib/floors.ts picks which).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { createJiti } from 'jiti';

/** @param {{ root: string, entry: string }} where */
async function importAll({ root, entry }) {
  const jiti = createJiti(path.join(root, 'index.js'), {
    interopDefault: false,
    alias: { 'runtype-flows': entry },
    // A cache folder of its own under os.tmpdir() (the bench points TMPDIR at a warm folder).
    fsCache: true,
  });
  const dir = path.join(root, 'flows');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  await jiti.import(path.join(root, 'runtype.config.ts'));
  for (const f of files.sort()) await jiti.import(path.join(dir, f));
  return files.length;
}

// A worker gets the same arguments (its own process.argv), minus the isolate.
const [root = '', isolate = 'main', entry = ''] = isMainThread
  ? process.argv.slice(2)
  : [process.argv[2], 'in-worker', process.argv[3]];
if (isolate === 'worker') {
  const worker = new Worker(new URL(import.meta.url), { argv: [root, entry] });
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
} else {
  const count = await importAll({ root, entry });
  parentPort?.postMessage(count);
}
