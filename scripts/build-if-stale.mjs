#!/usr/bin/env node
// `npm start` runs this before the CLI: it rebuilds dist/ only when a source changed
// since the last build, so a second `npm start` costs what the sync costs, not a tsc run.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files a build reads (sources and the build settings), relative to the repository. */
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** tsc rewrites every output on each build: this one's time is the build's. */
const STAMP = 'dist/cli/bin.js';

/** Whether dist/ is missing or older than the newest input. @param {string} root */
export function isStale(root) {
  const built = mtimeOf(path.join(root, STAMP));
  if (built === undefined) return true;
  return INPUTS.some((input) => newestUnder(path.join(root, input)) > built);
}

// --- internal ---

/** @param {string} file */
function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** @param {string} target @returns {number} */
function newestUnder(target) {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestUnder(path.join(target, entry)));
  }
  return newest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  if (isStale(root)) {
    process.stderr.write('Building (sources changed since the last build)…\n');
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'inherit',
    });
    process.exit(run.status ?? 1);
  }
}
