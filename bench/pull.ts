/**
 * `pull --all` of N flows built in the dashboard (created and published
 * through the emulator's state API), into an empty project: list, read each
 * flow (GET flow, its flow-steps, its versions), generate and write the
 * modules, record the lock state. Then `plan --refresh` over the result
 * (which first imports the 500 new modules, uncached).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../src/cli/main.js';
import { startEmulator } from '../src/emulator/index.js';

const KEY = 'rt_test_bench_key_0123456789';

export async function run(): Promise<void> {
  // Warm-up: the first command of a process transpiles the CLI and loads ts-morph once.
  await measure(5, 0);
  console.log('| flows | latency | pull --all | plan --refresh after it |');
  console.log('|---|---|---|---|');
  for (const [count, latency] of [
    [500, 0],
    [500, 20],
  ] as const) {
    const [pull, plan] = await measure(count, latency);
    console.log(`| ${count} | ${latency} ms | ${seconds(pull)} | ${seconds(plan)} |`);
  }
}

async function measure(count: number, latencyMs: number): Promise<number[]> {
  const emu = await startEmulator({ key: KEY, requestLogLimit: 0 });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runtype-bench-pull-'));
  try {
    writeFileSync(
      path.join(dir, 'runtype.config.ts'),
      `export default { defaultEnvironment: 'bench', concurrency: 16, environments: { bench: { url: ${JSON.stringify(emu.url)} } } };\n`,
    );
    for (let i = 0; i < count; i += 1)
      emu.state.publish(emu.state.create({ name: `Dashboard Flow ${i}`, steps: steps(i) }).id);
    emu.setFaults({ latencyMs });
    const times: number[] = [];
    for (const args of [
      ['pull', '--all'],
      ['plan', '--refresh', '--exit-code'],
    ]) {
      const start = performance.now();
      const code = await cli(dir, args);
      times.push(performance.now() - start);
      if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`);
    }
    return times;
  } finally {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function steps(i: number): unknown[] {
  return [
    {
      id: 'fetch',
      name: 'Fetch',
      type: 'fetch-url',
      order: 1,
      enabled: true,
      config: { http: { url: `https://example.com/${i}` }, outputVariable: 'page' },
    },
    {
      id: 'summarise',
      name: 'Summarise',
      type: 'prompt',
      order: 2,
      enabled: true,
      config: {
        model: 'gpt-4',
        userPrompt: `Summarise for {{audience}}:\n\n{{page}}`,
        outputVariable: 'summary',
      },
    },
    {
      id: 'gate',
      name: 'Gate',
      type: 'conditional',
      order: 3,
      enabled: true,
      config: {
        condition: '{{summary}} != ""',
        trueSteps: [
          {
            id: 'send',
            name: 'Send',
            type: 'send-email',
            order: 1,
            enabled: true,
            config: { to: '{{recipient}}', subject: 'Summary', html: '{{summary}}' },
          },
        ],
        falseSteps: [],
      },
    },
  ];
}

function seconds(ms: number | undefined): string {
  return `${((ms ?? 0) / 1000).toFixed(2)} s`;
}

async function cli(cwd: string, args: string[]): Promise<number> {
  const sink = { write: () => true, isTTY: false };
  return main(
    {
      argv: ['node', 'runtype-flows', ...args],
      env: { PATH: process.env.PATH, RUNTYPE_API_KEY: KEY, NO_COLOR: '1' },
      cwd,
      stdout: sink,
      stderr: sink,
      stdinIsTTY: false,
    },
    new AbortController().signal,
  );
}
