/**
 * Steps that need the outside world: a `not_emulated` step error naming the type unless the
 * caller supplies the output — then the supplied value is the output (never a fake success).
 */
import { describe, expect, it } from 'vitest';
import { STEP_TYPES } from '../../../src/emulator/index.js';
import type { StepErrorEvent } from '../../../src/emulator/execute/index.js';
import { completed, prompt, types, useRunner, userPromptOf } from './run.js';

const run = useRunner();
const EXECUTED = ['conditional', 'set-variable', 'template', 'transform-data'];
const MOCKED = ['prompt', 'execute-agent', 'generate-embedding'];
const OUTSIDE = STEP_TYPES.filter((t) => !EXECUTED.includes(t) && !MOCKED.includes(t));

describe('steps that need the outside world', () => {
  it.each(OUTSIDE)(
    '%s: not_emulated, naming the type and how to supply its output',
    async (type) => {
      const events = await run([
        { id: 'x', name: 'Outside', type, config: {} },
        prompt('never', 'n'),
      ]);
      expect(types(events)).toBe('flow_start step_start:x step_error:x flow_error');
      const error = (events[2] as StepErrorEvent).error;
      expect(error).toBe(
        `Step "Outside" (${type}) is not emulated: "${type}" steps need the outside world. ` +
          'Supply its output (step id "x") to run this flow offline.',
      );
      expect(events[3]).toMatchObject({
        error: { code: 'not_emulated', stepId: 'x', stepType: type },
      });
    },
  );

  it('an extra step type (extraStepTypes) is accepted and not emulated', async () => {
    const events = await run(
      [{ id: 'x', name: 'New', type: 'send-slack', config: {} }],
      {},
      {
        extraStepTypes: ['send-slack'],
      },
    );
    expect(events.at(-1)).toMatchObject({
      error: { code: 'not_emulated', stepType: 'send-slack' },
    });
  });

  it('a supplied output is the step output, and later steps read it', async () => {
    const events = await run(
      [
        {
          id: 'fetch',
          name: 'Fetch',
          type: 'fetch-url',
          config: { http: { url: 'https://{{host}}/x' }, outputVariable: 'page' },
        },
        prompt('use', 'Title: {{page.title}}'),
      ],
      { inputs: { host: 'example.com' } },
      { stepOutputs: { fetch: { title: 'Example' } } },
    );
    expect(completed(events, 'fetch')).toMatchObject({
      success: true,
      output: { title: 'Example' },
      result: { response: { title: 'Example' }, supplied: true },
    });
    expect(userPromptOf(events, 'use')).toBe('Title: Example');
  });

  it('a supplied model answer streams, keeps the resolved prompt, costs nothing', async () => {
    const events = await run(
      [prompt('p', 'Hi {{who}}')],
      { inputs: { who: 'Ada' } },
      {
        stepOutputs: { p: 'Hello there' },
      },
    );
    expect(
      events.filter((e) => e.type === 'step_delta').map((e) => (e as { text: string }).text),
    ).toEqual(['Hello ', 'there']);
    expect(completed(events, 'p')).toMatchObject({
      output: 'Hello there',
      result: { supplied: true, prompt: { system: '', user: 'Hi Ada' } },
    });
    expect(completed(events, 'p')).not.toHaveProperty('tokensUsed');
    expect(events.at(-1)).toMatchObject({ type: 'flow_complete', totalTokensUsed: 0 });
  });

  it('a supplied conditional takes the branch its truthiness picks', async () => {
    const events = await run(
      [
        {
          id: 'c',
          name: 'c',
          type: 'conditional',
          config: {
            condition: 'true',
            trueSteps: [prompt('yes', 'y')],
            falseSteps: [prompt('no', 'n')],
          },
        },
      ],
      {},
      { stepOutputs: { c: false } },
    );
    expect(types(events)).toContain('step_complete:no');
    expect(types(events)).not.toContain(':yes');
  });
});
