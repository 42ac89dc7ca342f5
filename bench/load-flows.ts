/**
 * Loading 1,000 small flow files: cold (empty jiti cache) and warm (the
 * on-disk transpile cache filled by a previous run), each in a fresh process
 * as a user would run `validate`; and loadProject() alone, cold and warm.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FLOWS = 1000;

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runtype-bench-load-'));
  try {
    writeProject(dir, FLOWS);
    const cache = path.join(dir, 'jiti-cache');
    mkdirSync(cache);
    // jiti keeps its transpile cache under os.tmpdir() when the loader has no node_modules beside
    // it.
    const env = { ...process.env, TMPDIR: cache, NO_COLOR: '1' };
    const time = (): number => {
      const start = process.hrtime.bigint();
      execFileSync(
        process.execPath,
        [path.join(repo, 'bin/runtype-flows.mjs'), 'validate', '--json'],
        { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const cold = time();
    const warm = median([time(), time(), time()]);
    const baseline = timeHelp(env);
    const loadOnly = median([
      loadProjectMs(dir, env),
      loadProjectMs(dir, env),
      loadProjectMs(dir, env),
    ]);
    // Each cold run gets an empty cache folder of its own.
    const coldEnv = (n: number) => {
      const fresh = path.join(dir, `jiti-cold-${n}`);
      mkdirSync(fresh);
      return { ...env, TMPDIR: fresh };
    };
    const loadOnlyCold = median([
      loadProjectMs(dir, coldEnv(1)),
      loadProjectMs(dir, coldEnv(2)),
      loadProjectMs(dir, coldEnv(3)),
    ]);
    console.log(`| case | ms |`);
    console.log(`|---|---|`);
    console.log(
      `| \`--help\`, whole process (start-up cost of every command) | ${baseline.toFixed(0)} |`,
    );
    console.log(
      `| validate ${FLOWS} flow files, whole process, cold jiti cache | ${cold.toFixed(0)} |`,
    );
    console.log(
      `| validate ${FLOWS} flow files, whole process, warm jiti cache (median of 3) | ${warm.toFixed(0)} |`,
    );
    console.log(
      `| loadProject() alone in a fresh process, cold jiti cache (median of 3) | ${loadOnlyCold.toFixed(0)} |`,
    );
    console.log(
      `| loadProject() alone in a fresh process, warm jiti cache (median of 3) | ${loadOnly.toFixed(0)} |`,
    );
  } finally {
    await Promise.resolve();
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

/** Times loadProject() inside a fresh process, excluding node and CLI start-up. */
function loadProjectMs(dir: string, env: NodeJS.ProcessEnv): number {
  const script = `
    const { loadProject } = await import(${JSON.stringify(path.join(repo, 'dist/load/project/load-project.js'))});
    const { createModuleImporter } = await import(${JSON.stringify(path.join(repo, 'dist/load/import/import-module.js'))});
    const start = performance.now();
    const project = await loadProject({ cwd: ${JSON.stringify(dir)}, importModule: createModuleImporter() });
    if (project.flows.length !== ${FLOWS}) throw new Error('expected ${FLOWS} flows');
    process.stdout.write(String(performance.now() - start));`;
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env,
      encoding: 'utf8',
    }),
  );
}

function timeHelp(env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, [path.join(repo, 'bin/runtype-flows.mjs'), '--help'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function writeProject(dir: string, count: number): void {
  mkdirSync(path.join(dir, 'flows'), { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    '{ "name": "bench-project", "private": true, "type": "module" }\n',
  );
  for (let i = 0; i < count; i += 1) {
    const key = `flow-${String(i).padStart(4, '0')}`;
    writeFileSync(
      path.join(dir, 'flows', `${key}.ts`),
      `import { defineFlow, prompt } from 'runtype-flows';

export default defineFlow({
  key: '${key}',
  name: 'Bench Flow ${i}',
  inputs: ['topic'],
  steps: [
    prompt('draft', { name: 'Draft', model: 'gpt-4', userPrompt: 'Write about {{topic}} (${i})', outputVariable: 'draft' }),
    prompt('polish', { name: 'Polish', model: 'gpt-4', userPrompt: 'Polish: {{draft}}', outputVariable: 'final' }),
  ],
});
`,
    );
  }
}
