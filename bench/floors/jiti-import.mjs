// Floor: a bare jiti import of a project's config and flow files, nothing else (no validation,
// no plan). Run as its own process: node floors/jiti-import.mjs <root> <main|worker> <entry>.
// `worker` imports inside a worker thread, as the CLI does when loading runs in one: the floor
// must pay for the same isolate the CLI pays for (bench/lib/floors.ts picks which).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import { createJiti } from 'jiti';

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

if (isMainThread) {
  const [root, isolate, entry] = process.argv.slice(2);
  if (isolate === 'worker') {
    const worker = new Worker(new URL(import.meta.url), { workerData: { root, entry } });
    await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } else {
    await importAll({ root, entry });
  }
} else {
  const { parentPort } = await import('node:worker_threads');
  parentPort.postMessage(await importAll(workerData));
}
