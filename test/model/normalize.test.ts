import { describe, expect, it } from 'vitest';
import {
  conditional,
  defineFlow,
  parseFlow,
  prompt,
  transformData,
} from '../../src/model/index.js';
import { aFlow, aPrompt } from './builders.js';

describe('parseFlow normalisation', () => {
  it('fills defaults: order from position, enabled true, config {}, id from the name', () => {
    const { flow, diagnostics } = parseFlow(
      defineFlow({
        key: 'k',
        name: 'N',
        inputs: ['x'],
        steps: [
          aPrompt('a', '{{x}}'),
          { name: 'Second Step!', type: 'transform-data', config: { script: 'return 1' } },
        ],
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(flow?.steps.map((s) => [s.id, s.order, s.enabled])).toEqual([
      ['a', 1, true],
      ['second-step', 2, true],
    ]);
    expect(flow).toMatchObject({ key: 'k', name: 'N', inputs: ['x'] });
    expect(flow && 'description' in flow).toBe(false);
  });

  it('a step without config gets config {}', () => {
    const { flow } = parseFlow(aFlow({ steps: [{ id: 'n', name: 'N', type: 'send-stream' }] }));
    expect(flow?.steps[0]?.config).toEqual({});
  });

  it('inputs default to [] and a flow without inputs still validates', () => {
    expect(parseFlow(aFlow()).flow?.inputs).toEqual([]);
  });

  it('keeps an explicit order, enabled false and a when expression', () => {
    const { flow } = parseFlow(
      aFlow({
        steps: [
          {
            id: 'a',
            name: 'A',
            type: 'transform-data',
            order: 5,
            enabled: false,
            when: 'false',
            config: { script: 'x' },
          },
        ],
      }),
    );
    expect(flow?.steps[0]).toMatchObject({ order: 5, enabled: false, when: 'false' });
  });

  it('numbers each branch list from 1, and normalises branch steps like top-level ones', () => {
    const { flow, diagnostics } = parseFlow(
      aFlow({
        steps: [
          aPrompt('first', 'x'),
          conditional('c', {
            name: 'C',
            condition: 'true',
            trueSteps: [
              aPrompt('t1', 'x'),
              { name: 'T Two', type: 'transform-data', config: { script: 'return 2' } },
            ],
            falseSteps: [aPrompt('f1', 'x')],
          }),
        ],
      }),
    );
    expect(diagnostics).toEqual([]);
    const branch = flow?.steps[1]?.config;
    expect(flow?.steps[1]?.order).toBe(2);
    expect(branch?.trueSteps).toEqual([
      {
        id: 't1',
        name: 't1',
        type: 'prompt',
        order: 1,
        enabled: true,
        config: { model: 'gpt-4', userPrompt: 'x' },
      },
      {
        id: 't-two',
        name: 'T Two',
        type: 'transform-data',
        order: 2,
        enabled: true,
        config: { script: 'return 2' },
      },
    ]);
    expect(branch?.falseSteps).toEqual([
      {
        id: 'f1',
        name: 'f1',
        type: 'prompt',
        order: 1,
        enabled: true,
        config: { model: 'gpt-4', userPrompt: 'x' },
      },
    ]);
  });

  it('helpers and plain objects give the same normalised step', () => {
    const viaHelper = parseFlow(
      aFlow({ steps: [prompt('a', { name: 'A', model: 'm', userPrompt: 'u' })] }),
    ).flow;
    const plain = parseFlow(
      aFlow({
        steps: [
          {
            id: 'a',
            name: 'A',
            type: 'prompt',
            enabled: true,
            config: { userPrompt: 'u', model: 'm' },
          },
        ],
      }),
    ).flow;
    expect(viaHelper).toEqual(plain);
  });

  it('is insensitive to how the flow is written: key order, implied defaults, undefined fields', () => {
    const terse = aFlow({
      inputs: ['topic'],
      steps: [transformData('t', { name: 'T', script: 'return 1', outputVariable: 'out' })],
    });
    const verbose = {
      steps: [
        {
          config: { outputVariable: 'out', script: 'return 1', language: undefined },
          enabled: true,
          order: 1,
          type: 'transform-data',
          name: 'T',
          id: 't',
          when: undefined,
        },
      ],
      description: undefined,
      inputs: ['topic'],
      name: 'Test Flow',
      key: 'test-flow',
    };
    const a = parseFlow(terse).flow;
    expect(a).toBeDefined();
    expect(parseFlow(verbose).flow).toEqual(a);
    // Same JSON text after a canonical (sorted-key) serialisation, which is what the planner
    // hashes.
    expect(JSON.stringify(parseFlow(verbose).flow?.steps[0]?.config)).toBe(
      JSON.stringify({ outputVariable: 'out', script: 'return 1' }),
    );
  });

  it('strips undefined properties but never the defined ones', () => {
    const { flow } = parseFlow(
      aFlow({
        steps: [
          prompt('a', {
            name: 'A',
            model: 'm',
            userPrompt: 'u',
            systemPrompt: undefined,
            temperature: 0,
          }),
        ],
      }),
    );
    expect(flow?.steps[0]?.config).toEqual({ model: 'm', userPrompt: 'u', temperature: 0 });
  });

  it('carries allowSecrets and description into the resolved flow', () => {
    const { flow } = parseFlow(aFlow({ description: 'd', allowSecrets: ['x'] }));
    expect(flow).toMatchObject({ description: 'd', allowSecrets: ['x'] });
  });

  it('does not mutate the value it is given', () => {
    const input = aFlow({
      steps: [conditional('c', { name: 'C', condition: 'true', trueSteps: [aPrompt('t', 'x')] })],
    });
    const before = JSON.stringify(input);
    parseFlow(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('returns no flow when there is an error, but a flow with its warnings when there are only warnings', () => {
    expect(parseFlow(aFlow({ name: '' })).flow).toBeUndefined();
    const warned = parseFlow(
      aFlow({ steps: [{ id: 'n', name: 'N', type: 'send-stream', config: { unmodelled: 1 } }] }),
    );
    expect(warned.flow).toBeDefined();
    expect(warned.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it('tags every diagnostic with the file and the flow key', () => {
    const { diagnostics } = parseFlow(aFlow({ name: '' }), {
      file: '/p/flows/a.ts',
      exportName: 'default',
    });
    expect(diagnostics[0]).toMatchObject({
      file: '/p/flows/a.ts',
      flowKey: 'test-flow',
      path: ['name'],
    });
  });
});
