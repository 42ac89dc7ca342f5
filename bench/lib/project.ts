/** Throwaway projects of N flow files, the shape users write (two prompt steps each). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BENCH_KEY = 'rt_test_bench_key_0123456789';

export interface BenchProject {
  root: string;
  count: number;
  /** The flow files, in key order. */
  files: string[];
  key(i: number): string;
  /** Rewrites flow i with a different prompt text (a one-flow change). */
  edit(i: number, text: string): void;
  /** Environment for a CLI run: the API key and a jiti cache under `cacheDir`. */
  env(cacheDir?: string): Record<string, string>;
  cleanup(): void;
}

/**
 * A project targeting `url` as environment `bench` (personal, so its lock state is
 * .runtype/lock/bench.json and watch needs no --allow-shared). Its jiti transpile cache lives
 * under <root>/.tmp unless a run names another (jiti keys its cache folder on os.tmpdir()).
 */
export function writeProject(count: number, url: string): BenchProject {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rt-bench-project-'));
  mkdirSync(path.join(root, 'flows'));
  mkdirSync(path.join(root, '.tmp'));
  writeFileSync(
    path.join(root, 'package.json'),
    '{ "name": "bench-project", "private": true, "type": "module" }\n',
  );
  writeFileSync(
    path.join(root, 'runtype.config.ts'),
    `import { defineConfig } from 'runtype-flows';
export default defineConfig({
  defaultEnvironment: 'bench',
  concurrency: 8,
  environments: { bench: { url: ${JSON.stringify(url)}, personal: true } },
});
`,
  );
  const key = (i: number): string => `flow-${String(i).padStart(5, '0')}`;
  const file = (i: number): string => path.join(root, 'flows', `${key(i)}.ts`);
  const write = (i: number, text: string): void =>
    writeFileSync(file(i), flowSource(key(i), i, text));
  for (let i = 0; i < count; i += 1) write(i, 'Write about');
  return {
    root,
    count,
    files: Array.from({ length: count }, (_, i) => file(i)),
    key,
    edit: write,
    env: (cacheDir = path.join(root, '.tmp')) => ({
      RUNTYPE_API_KEY: BENCH_KEY,
      TMPDIR: cacheDir,
    }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

function flowSource(key: string, i: number, text: string): string {
  return `import { defineFlow, prompt } from 'runtype-flows';

export default defineFlow({
  key: '${key}',
  name: 'Bench Flow ${i}',
  inputs: ['topic'],
  steps: [
    prompt('draft', { name: 'Draft', model: 'gpt-4', userPrompt: '${text} {{topic}} (${i})', outputVariable: 'draft' }),
    prompt('polish', { name: 'Polish', model: 'gpt-4', userPrompt: 'Polish: {{draft}}', outputVariable: 'final' }),
  ],
});
`;
}

/** The body the CLI POSTs for flow i (what the bare-client floors send too). */
export function createBody(i: number): string {
  return JSON.stringify({
    name: `Bench Flow ${i}`,
    steps: [
      {
        id: 'draft',
        name: 'Draft',
        type: 'prompt',
        config: {
          model: 'gpt-4',
          userPrompt: `Write about {{topic}} (${i})`,
          outputVariable: 'draft',
        },
      },
      {
        id: 'polish',
        name: 'Polish',
        type: 'prompt',
        config: { model: 'gpt-4', userPrompt: 'Polish: {{draft}}', outputVariable: 'final' },
      },
    ],
  });
}
