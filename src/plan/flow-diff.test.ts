import { describe, expect, it } from 'vitest';
import { diffFlows } from './flow-diff.js';
import type { FlowPayload, StepPayload } from './payload.js';

const prompt = (id: string, text: string, order = 1): StepPayload => ({
  id,
  name: id,
  type: 'prompt',
  order,
  enabled: true,
  config: { userPrompt: text },
});
const cond = (trueSteps: StepPayload[], falseSteps: StepPayload[]): StepPayload => ({
  id: 'route',
  name: 'Route',
  type: 'conditional',
  order: 2,
  enabled: true,
  config: { condition: 'x', trueSteps: trueSteps as never, falseSteps: falseSteps as never },
});
const flow = (steps: StepPayload[], name = 'F'): FlowPayload => ({ name, steps });

describe('diffFlows', () => {
  it('reports top-level fields, added, removed and changed steps by id', () => {
    const diff = diffFlows(
      flow([prompt('a', 'x'), prompt('b', 'y', 2)], 'Old'),
      flow([prompt('a', 'x2'), prompt('c', 'z', 2)], 'New'),
    );
    expect(diff.fields).toEqual([{ path: 'name', before: 'Old', after: 'New' }]);
    expect(diff.steps.map((s) => [s.kind, s.id])).toEqual([
      ['changed', 'a'],
      ['added', 'c'],
      ['removed', 'b'],
    ]);
    expect(diff.steps[0]).toMatchObject({
      fields: [{ path: 'config.userPrompt', before: 'x', after: 'x2' }],
    });
  });

  it('diffs steps inside conditional branches as steps, naming their branch', () => {
    const before = flow([prompt('a', 'x'), cond([prompt('t', 'yes')], [prompt('f', 'no')])]);
    const after = flow([prompt('a', 'x'), cond([prompt('t', 'yes!')], [prompt('f', 'no')])]);
    expect(diffFlows(before, after).steps).toEqual([
      {
        kind: 'changed',
        id: 't',
        name: 't',
        type: 'prompt',
        parent: 'route.trueSteps',
        fields: [{ path: 'config.userPrompt', before: 'yes', after: 'yes!' }],
      },
    ]);
  });

  it('shows a step moved between branches on that step, and the branch lists on the conditional', () => {
    const before = flow([cond([prompt('t', 'x')], [])]);
    const after = flow([cond([], [prompt('t', 'x')])]);
    const steps = diffFlows(before, after).steps;
    expect(steps.find((s) => s.id === 'route')).toMatchObject({
      kind: 'changed',
      fields: [{ path: 'config.falseSteps' }, { path: 'config.trueSteps' }],
    });
    expect(steps.find((s) => s.id === 't')).toMatchObject({
      kind: 'changed',
      parent: 'route.falseSteps',
      fields: [{ path: '(branch)', before: 'route.trueSteps', after: 'route.falseSteps' }],
    });
  });

  it('a new flow is all additions', () => {
    expect(diffFlows(undefined, flow([prompt('a', 'x')])).steps.map((s) => s.kind)).toEqual([
      'added',
    ]);
  });
});
