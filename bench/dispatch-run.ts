/**
 * Running flows: a 5-step flow (prompt, set-variable, conditional with a Liquid template,
 * transform-data, prompt) through `executeFlow` in-process — the first run (which starts the
 * script worker) and 100 more sharing it — and through POST /v1/dispatch on an in-process
 * emulator (SSE, read to the end), 100 runs one after the other.
 *
 *   npm run bench -- --topic dispatch-run
 */
import { request } from 'undici';
import { ScriptSandbox, executeFlow } from '../src/emulator/execute/index.js';
import type { DispatchRequest } from '../src/emulator/execute/index.js';
import { startEmulator } from '../src/emulator/index.js';

const RUNS = 100;

const FLOW: DispatchRequest = {
  flow: {
    name: 'Bench flow',
    steps: [
      step('classify', 'prompt', { userPrompt: 'Classify: {{message}}', responseFormat: 'json' }),
      step('tier', 'set-variable', { variableName: 'tier', value: '{{customer.tier}}' }),
      step('route', 'conditional', {
        condition: '"{{tier}}" == "gold"',
        trueSteps: [step('note', 'template', { template: 'Dear {{ customer.name | upcase }}' })],
        falseSteps: [],
      }),
      step('score', 'transform-data', { script: 'return { len: message.length, tier }' }),
      step('reply', 'prompt', { userPrompt: 'Reply to {{customer.name}} ({{score.len}})' }),
    ],
  },
  inputs: { message: 'My invoice is wrong', customer: { name: 'Ada', tier: 'gold' } },
  options: { flowMode: 'virtual', recordMode: 'virtual' },
};

interface Row {
  scenario: string;
  runs: number;
  'ms total': string;
  'ms/run p50': string;
  'ms/run p95': string;
  events: number;
}

export async function run(): Promise<void> {
  const rows: Row[] = [];
  const first = new ScriptSandbox();
  rows.push(await measure('executeFlow, first run (starts the worker)', 1, () => inProcess(first)));
  rows.push(await measure('executeFlow, shared worker', RUNS, () => inProcess(first)));
  await first.close();
  const emu = await startEmulator();
  try {
    await overHttp(emu.url, emu.key);
    rows.push(
      await measure('POST /v1/dispatch (SSE, same thread)', RUNS, () => overHttp(emu.url, emu.key)),
    );
  } finally {
    await emu.close();
  }
  console.log(`\nRunning a 5-step flow on the emulator (${RUNS} runs one after the other)`);
  console.table(rows);
}

// --- internal ---

function step(id: string, type: string, config: Record<string, unknown>) {
  return { id, name: id, type, config: { outputVariable: id, ...config } };
}

async function inProcess(sandbox: ScriptSandbox): Promise<number> {
  let events = 0;
  for await (const _event of executeFlow(FLOW, { sandbox })) events++;
  return events;
}

async function overHttp(url: string, key: string): Promise<number> {
  const res = await request(`${url}/v1/dispatch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(FLOW),
  });
  const text = await res.body.text();
  return text.split('\n\n').length - 1;
}

async function measure(scenario: string, runs: number, once: () => Promise<number>): Promise<Row> {
  const times: number[] = [];
  let events = 0;
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    events = await once();
    times.push(performance.now() - t);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return {
    scenario,
    runs,
    'ms total': total.toFixed(0),
    'ms/run p50': at(0.5).toFixed(1),
    'ms/run p95': at(0.95).toFixed(1),
    events,
  };
}
