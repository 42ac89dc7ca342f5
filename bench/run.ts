/**
 * `npm run bench`: runs every bench/*.ts that exports `run()` and prints its
 * figures. Benchmarks print numbers; they never assert on time.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as {
    run?: () => Promise<void>;
  };
  if (typeof mod.run !== 'function') continue;
  console.log(`\n## ${file.replace(/\.ts$/, '')}`);
  await mod.run();
}
