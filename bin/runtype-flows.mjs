#!/usr/bin/env node
// Runs the built CLI; falls back to the TypeScript sources through jiti when
// dist/ has not been built (e.g. install scripts were skipped).
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/bin.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { createJiti } = await import('jiti');
  await createJiti(import.meta.url).import(new URL('../src/cli/bin.ts', import.meta.url).pathname);
}
