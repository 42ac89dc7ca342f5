/**
 * The script sandbox on its own: values in and out, and what it refuses — the process, modules,
 * code from strings, the host realm — and the time and memory limits (a worker per sandbox).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ScriptSandbox } from '../../../src/emulator/execute/sandbox/sandbox.js';

const sandbox = new ScriptSandbox();
afterAll(() => sandbox.close());
const limits = { timeoutMs: 400, memoryMb: 32 };
const run = (code: string, variables: Record<string, unknown> = {}) =>
  sandbox.run({ code, variables, now: 1_000, seed: 7 }, limits);

describe('ScriptSandbox', () => {
  it('runs a script over the variables (globals, input, variables) and returns its value', async () => {
    const outcome = await run(
      'return { sum: a + b, viaInput: input.a, viaVariables: variables.b }',
      {
        a: 1,
        b: 2,
      },
    );
    expect(outcome).toEqual({
      ok: true,
      value: { sum: 3, viaInput: 1, viaVariables: 2 },
      logs: [],
    });
  });

  it('awaits, collects console output, and is deterministic (clock, random)', async () => {
    const code =
      'console.log("hi", { a: 1 }); await Promise.resolve(); ' +
      'return [new Date().toISOString(), Date.now(), Math.random()]';
    const first = await run(code);
    expect(first).toMatchObject({ ok: true, logs: ['hi {"a":1}'] });
    expect((first as { value: unknown[] }).value.slice(0, 2)).toEqual([
      '1970-01-01T00:00:01.000Z',
      1000,
    ]);
    expect(await run(code)).toEqual(first);
  });

  it.each([
    [
      'the Function constructor through this',
      'return this.constructor.constructor("return process")()',
    ],
    [
      'the Function constructor through a value',
      'return ({}).constructor.constructor("return 1")()',
    ],
    ['an async function constructor', 'return (async () => {}).constructor("return 1")'],
    ['eval', 'return eval("1 + 1")'],
    ['dynamic import', 'return await import("node:fs")'],
    ['require', 'return require("node:fs")'],
    ['process', 'return process.env'],
  ])('refuses %s', async (_what, code) => {
    const outcome = await run(code);
    expect(outcome.ok).toBe(false);
    expect(outcome).toMatchObject({ reason: 'error' });
  });

  it('has no Node globals, timers or binary buffers', async () => {
    const names = [
      'process',
      'require',
      'setTimeout',
      'fetch',
      'Buffer',
      'ArrayBuffer',
      'WebAssembly',
    ];
    const outcome = await run(`return ${JSON.stringify(names)}.map((n) => typeof globalThis[n])`);
    expect(outcome).toMatchObject({ ok: true, value: names.map(() => 'undefined') });
  });

  it('stops an endless loop at its time limit, and runs the next job', async () => {
    expect(await run('while (true) {}')).toMatchObject({
      ok: false,
      reason: 'timeout',
      message: 'it ran past its 400 ms time limit and was stopped',
    });
    expect(await run('await null; while (true) {}')).toMatchObject({
      ok: false,
      reason: 'timeout',
    });
    expect(await run('return 1')).toMatchObject({ ok: true, value: 1 });
  });

  it('stops a memory hog at its memory limit, and runs the next job', async () => {
    const outcome = await run('const a = []; while (true) a.push(new Array(100000).fill(1));');
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'memory',
      message: 'it went over its 32 MB memory limit and was stopped',
    });
    expect(await run('return 2')).toMatchObject({ ok: true, value: 2 });
  });

  it('reports errors with their line, a promise that never settles, a non-JSON result', async () => {
    expect(await run('\n\nnull.x')).toMatchObject({
      reason: 'error',
      message: "TypeError: Cannot read properties of null (reading 'x') (line 3)",
    });
    expect(await run('return (1')).toMatchObject({ reason: 'error' });
    expect(await run('return new Promise(() => {})')).toMatchObject({ reason: 'unsettled' });
    expect(await run('return 1n')).toMatchObject({ reason: 'error' });
  });
});
