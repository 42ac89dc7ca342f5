/**
 * The bounds of a run: the stream (maxEvents), the steps (maxSteps), the time (runTimeoutMs),
 * and the caller's abort (the generator throws its reason, the running script is stopped).
 */
import { describe, expect, it } from 'vitest';
import { ScriptSandbox, executeFlow } from '../../../src/emulator/execute/index.js';
import type { FlowEvent } from '../../../src/emulator/execute/index.js';
import { prompt, types, useRunner } from './run.js';

const run = useRunner();
const long = 'word '.repeat(200);

describe('bounds', () => {
  it('maxEvents: the stream ends with flow_error event_limit, that event included', async () => {
    const events = await run(
      [prompt('a', long), prompt('b', long)],
      {},
      { limits: { maxEvents: 50 } },
    );
    expect(events).toHaveLength(50);
    expect(events.at(-1)).toMatchObject({
      type: 'flow_error',
      error: { code: 'event_limit', message: 'the stream reached its limit of 50 events' },
      seq: 49,
    });
  });

  it('maxSteps: a huge tree of branches stops at the limit', async () => {
    const leaf = (n: number) => prompt(`p${n}`, 'x', { streamOutput: false });
    let branch: unknown[] = [leaf(0), leaf(1)];
    for (let depth = 0; depth < 9; depth++)
      branch = [
        {
          name: `c${depth}`,
          type: 'conditional',
          config: { condition: 'true', trueSteps: [...branch, ...branch] },
        },
      ];
    const events = await run(branch as never, {}, { limits: { maxSteps: 100 } });
    expect(events.at(-1)).toMatchObject({
      type: 'flow_error',
      error: { code: 'step_limit', message: 'more than 100 steps started' },
    });
    expect(events.filter((e) => e.type === 'step_start')).toHaveLength(100);
  });

  it('runTimeoutMs: a run that takes too long ends with flow_error run_timeout', async () => {
    const slow = {
      id: 's',
      name: 's',
      type: 'transform-data',
      config: { script: 'while (true) {}' },
    };
    const events = await run(
      [slow],
      {},
      { limits: { runTimeoutMs: 200, transformTimeoutMs: 5_000 } },
    );
    expect(types(events)).toBe('flow_start step_start:s flow_error');
    expect(events.at(-1)).toMatchObject({
      error: { code: 'run_timeout', message: 'the run took longer than 200 ms' },
    });
  });

  it('an abort ends the run at once: the generator throws the reason, the script is stopped', async () => {
    const sandbox = new ScriptSandbox();
    const controller = new AbortController();
    const seen: FlowEvent[] = [];
    const slow = {
      id: 's',
      name: 's',
      type: 'transform-data',
      config: { script: 'while (true) {}' },
    };
    const started = Date.now();
    const running = (async () => {
      for await (const event of executeFlow(
        { flow: { name: 'f', steps: [slow] } },
        { sandbox, signal: controller.signal, limits: { transformTimeoutMs: 10_000 } },
      )) {
        seen.push(event);
        if (event.type === 'step_start') setTimeout(() => controller.abort(new Error('stop')), 50);
      }
    })();
    await expect(running).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(types(seen)).toBe('flow_start step_start:s');
    const after = await sandbox.run(
      { code: 'return 1', variables: {}, now: 0, seed: 1 },
      {
        timeoutMs: 500,
        memoryMb: 32,
      },
    );
    expect(after).toMatchObject({ ok: true, value: 1 });
    await sandbox.close();
  });
});
