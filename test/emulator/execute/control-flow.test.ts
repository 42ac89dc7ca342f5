/**
 * `when` (a skip carries its `when`), `conditional` (the branch taken, nested ids, flow-level
 * outputs), `set-variable`, and a failing step (ends the run, or continues when configured).
 */
import { describe, expect, it } from 'vitest';
import type { DispatchStep } from '../../../src/emulator/execute/index.js';
import { NOW, completed, prompt, types, useRunner, userPromptOf } from './run.js';

const run = useRunner();
const conditional = (
  id: string,
  condition: string,
  trueSteps: unknown[],
  falseSteps: unknown[],
) => ({
  id,
  name: id,
  type: 'conditional',
  config: { condition, trueSteps, falseSteps },
});

describe('when', () => {
  const inputs = { tier: 'gold', count: 3 };

  it.each(['{{tier}} == "gold"', '"{{tier}}" == "gold"', 'tier === "gold" && count > 2'])(
    '%s: runs the step',
    async (when) => {
      const events = await run([{ ...prompt('p', 'x'), when }], { inputs });
      expect(types(events)).toContain('step_complete:p');
    },
  );

  it.each(['{{missing}} == "x"', '{{tier}} == "silver"'])(
    '%s: skips the step, the skip carrying its when',
    async (when) => {
      const events = await run([{ ...prompt('p', 'x'), when }], { inputs });
      expect(events[1]).toEqual({
        type: 'step_skip',
        id: 'p',
        name: 'p',
        stepType: 'prompt',
        index: 1,
        totalSteps: 1,
        when,
        skippedAt: new Date(NOW).toISOString(),
        executionId: events[0]!.executionId,
        seq: 1,
      });
      expect(types(events)).toBe('flow_start step_skip:p flow_complete');
    },
  );

  it('a when that throws fails its step', async () => {
    const events = await run([{ ...prompt('p', 'x'), when: 'nope.deeper' }]);
    expect(types(events)).toBe('flow_start step_error:p flow_error');
    expect(events[1]).toMatchObject({
      error: expect.stringContaining('ReferenceError: nope is not defined'),
    });
  });
});

describe('conditional', () => {
  const flow = (
    score: number,
  ): Promise<ReturnType<typeof run> extends Promise<infer T> ? T : never> =>
    run(
      [
        conditional(
          'check',
          '{{score}} > 5',
          [
            prompt('high', 'High {{score}}'),
            conditional('inner', 'true', [prompt('deep', 'Deep')], []),
          ],
          [{ name: 'Low', type: 'prompt', config: { userPrompt: 'Low', outputVariable: 'low' } }],
        ),
        prompt('after', 'high={{high || "-"}} low={{low || "-"}}'),
      ],
      { inputs: { score } },
    );

  it('takes the true branch, runs it after the conditional, outputs are flow-level', async () => {
    const events = await flow(9);
    expect(types(events.filter((e) => e.type !== 'step_delta'))).toBe(
      'flow_start step_start:check step_complete:check step_start:high step_complete:high ' +
        'step_start:inner step_complete:inner step_start:deep step_complete:deep ' +
        'step_start:after step_complete:after flow_complete',
    );
    expect(completed(events, 'check')).toMatchObject({
      output: true,
      result: { branch: 'trueSteps', condition: '9 > 5' },
    });
    expect(events.find((e) => e.type === 'step_start' && e.id === 'high')).toMatchObject({
      index: 1,
      totalSteps: 2,
    });
    expect(userPromptOf(events, 'after')).toMatch(/^high=\[mock:gpt-4\] \w+ High 9 low=-$/);
  });

  it('takes the false branch; a step without id gets <parent>.false.<n>', async () => {
    const events = await flow(1);
    expect(completed(events, 'check').result).toMatchObject({ branch: 'falseSteps' });
    expect(types(events)).toContain('step_complete:check.false.1');
    expect(types(events)).not.toContain(':high');
    expect(events.at(-1)).toMatchObject({ type: 'flow_complete', successfulSteps: 3 });
  });
});

describe('set-variable', () => {
  it('sets a typed value from one whole reference, text otherwise', async () => {
    const steps: DispatchStep[] = [
      {
        id: 'a',
        name: 'a',
        type: 'set-variable',
        config: { variableName: 'obj', value: '{{data}}' },
      },
      {
        id: 'b',
        name: 'b',
        type: 'set-variable',
        config: { variableName: 'txt', valueTemplate: 'n={{data.n}}' },
      },
      { id: 'c', name: 'c', type: 'set-variable', config: { variableName: 'num', value: 5 } },
      prompt('p', '{{obj.n}} {{txt}} {{num}}'),
    ];
    const events = await run(steps, { inputs: { data: { n: 1 } } });
    expect(completed(events, 'a').output).toEqual({ n: 1 });
    expect(completed(events, 'b').output).toBe('n=1');
    expect(userPromptOf(events, 'p')).toBe('1 n=1 5');
  });
});

describe('a failing step', () => {
  const failing = {
    id: 'bad',
    name: 'Bad',
    type: 'transform-data',
    config: { script: 'throw new Error("boom")' },
  };

  it('ends the run: step_error, then flow_error with code and step', async () => {
    const events = await run([failing, prompt('never', 'x')]);
    expect(types(events)).toBe('flow_start step_start:bad step_error:bad flow_error');
    expect(events.at(-1)).toMatchObject({
      type: 'flow_error',
      error: {
        code: 'step_failed',
        message: 'transform-data "Bad" failed: Error: boom (line 1)',
        stepId: 'bad',
        stepType: 'transform-data',
      },
    });
  });

  it('continues with errorHandling.onError "continue"', async () => {
    const tolerant = {
      ...failing,
      config: { ...failing.config, errorHandling: { onError: 'continue' } },
    };
    const events = await run([tolerant, prompt('next', 'x')]);
    expect(types(events)).toContain('step_error:bad step_start:next');
    expect(events.at(-1)).toMatchObject({
      type: 'flow_complete',
      successfulSteps: 1,
      failedSteps: 1,
    });
  });

  it('disabled steps are not run and emit nothing', async () => {
    const events = await run([{ ...prompt('off', 'x'), enabled: false }, prompt('on', 'y')]);
    expect(types(events)).not.toContain('off');
    expect(events[0]).toMatchObject({ totalSteps: 1 });
  });
});
