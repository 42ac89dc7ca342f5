#!/usr/bin/env node
// Runs the built CLI; falls back to the TypeScript sources through jiti when
// dist/ has not been built (e.g. install scripts were skipped).
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/bin.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  let createJiti;
  try {
    ({ createJiti } = await import('jiti'));
  } catch {
    // Neither a build nor the dependencies: say what to run instead of a module-not-found trace.
    process.stderr.write(
      'runtype-flows: dist/ is not built and the dependencies are not installed.\n' +
        'Run `npm install` in the runtype-flows folder (it builds dist/), or `npm run build`.\n',
    );
    process.exit(1);
  }
  await createJiti(import.meta.url).import(new URL('../src/cli/bin.ts', import.meta.url).pathname);
}
