/**
 * `transform-data` in a whole run: its value feeds later steps; it cannot reach the process,
 * modules or the host realm; an endless loop and a memory hog are stopped and reported.
 */
import { describe, expect, it } from 'vitest';
import type { StepErrorEvent } from '../../../src/emulator/execute/index.js';
import { completed, prompt, step, types, useRunner, userPromptOf } from './run.js';

const run = useRunner({ transformTimeoutMs: 500, transformMemoryMb: 32 });
const transform = (id: string, script: string, config: Record<string, unknown> = {}) =>
  step(id, 'transform-data', { script, ...config });
const failure = async (script: string) => {
  const events = await run([transform('t', script)]);
  expect(types(events)).toBe('flow_start step_start:t step_error:t flow_error');
  return { step: events[2] as StepErrorEvent, flow: events[3]! };
};

describe('transform-data', () => {
  it('returns a value (awaited) that later steps read; console output is in the result', async () => {
    const events = await run(
      [
        transform(
          'sum',
          'console.log("adding", items.length);\n' +
            'const total = await Promise.all(items.map(async (i) => i.price));\n' +
            'return { total: total.reduce((a, b) => a + b, 0), customer: _record.metadata.name, viaInput: input.items.length }',
        ),
        prompt('p', 'Total {{sum.total}} for {{sum.customer}}'),
      ],
      { inputs: { items: [{ price: 2 }, { price: 3 }] }, record: { metadata: { name: 'Ada' } } },
    );
    expect(completed(events, 'sum')).toMatchObject({
      output: { total: 5, customer: 'Ada', viaInput: 2 },
      result: { logs: ['adding 2'] },
    });
    expect(userPromptOf(events, 'p')).toBe('Total 5 for Ada');
  });

  it.each([
    ['process', 'return process.env', 'ReferenceError: process is not defined'],
    ['require', 'return require("node:fs")', 'ReferenceError: require is not defined'],
    ['import()', 'return await import("node:fs")', 'A dynamic import callback was not specified'],
    [
      'the host Function through this',
      "return this.constructor.constructor('return process')()",
      'EvalError: Code generation from strings disallowed',
    ],
    [
      'the Function constructor through an input',
      "return items.constructor.constructor('return process')()",
      'EvalError: Code generation from strings disallowed',
    ],
    ['fetch', 'return await fetch("http://127.0.0.1:1")', 'ReferenceError: fetch is not defined'],
  ])('refuses %s', async (_what, script) => {
    const events = await run([transform('t', script)], { inputs: { items: [] } });
    expect(types(events)).toBe('flow_start step_start:t step_error:t flow_error');
  });

  it('names the error of a refused escape', async () => {
    const { step, flow } = await failure("return this.constructor.constructor('return process')()");
    expect(step.error).toBe(
      'transform-data "t" failed: EvalError: Code generation from strings disallowed for this context (line 1)',
    );
    expect(flow).toMatchObject({
      error: { code: 'step_failed', stepId: 't', stepType: 'transform-data' },
    });
  });

  it('stops an endless loop and reports it as the step error', async () => {
    const { step, flow } = await failure('while (true) {}');
    expect(step.error).toBe(
      'transform-data "t" failed: it ran past its 500 ms time limit and was stopped',
    );
    expect(flow).toMatchObject({ error: { code: 'timeout', stepId: 't' } });
  });

  it('stops a memory hog and reports it as the step error', async () => {
    const { step, flow } = await failure(
      'const a = []; for (;;) a.push(new Array(1e5).fill(a.length));',
    );
    expect(step.error).toBe(
      'transform-data "t" failed: it went over its 32 MB memory limit and was stopped',
    );
    expect(flow).toMatchObject({ error: { code: 'memory_limit' } });
    const after = await run([transform('t', 'return 1')]);
    expect(completed(after, 't').output).toBe(1);
  });

  it('python and typescript are not emulated', async () => {
    const events = await run([transform('t', 'print(1)', { language: 'python' })]);
    expect(events.at(-1)).toMatchObject({
      error: { code: 'not_emulated', stepType: 'transform-data' },
    });
  });
});
