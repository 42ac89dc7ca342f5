import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  conditional,
  customStep,
  defineFlow,
  fetchUrl,
  isFlowDefinition,
  prompt,
  setVariable,
  transformData,
  type FlowDefinition,
  type FlowInput,
  type JsonValue,
  type Step,
  type StepInput,
} from 'runtype-flows';
import type { FlowInputSchema } from '../../src/model/index.js';

/**
 * The plain-object form (the API's own step shape) is checked as strictly
 * as the helpers, also inline in defineFlow and inside conditional branches.
 * Each @ts-expect-error fails the type check if its line ever compiles.
 */
describe('plain-object steps inline in defineFlow', () => {
  it('a config typo is an error', () => {
    defineFlow({
      key: 'k',
      name: 'N',
      steps: [
        {
          id: 'a',
          name: 'A',
          type: 'prompt',
          enabled: true,
          // @ts-expect-error userPrmpt is not a prompt config field
          config: { model: 'gpt-4', userPrmpt: 'hi' },
        },
      ],
    });
  });

  it('a step type typo is an error', () => {
    defineFlow({
      key: 'k',
      name: 'N',
      // @ts-expect-error "transform_data" is not a step type
      steps: [{ id: 'a', name: 'A', type: 'transform_data', config: { script: 'return 1' } }],
    });
  });

  it('a step-level typo is an error', () => {
    defineFlow({
      key: 'k',
      name: 'N',
      steps: [
        {
          id: 'a',
          name: 'A',
          type: 'transform-data',
          // @ts-expect-error enabeld is not a step field
          enabeld: false,
          config: { script: 'return 1' },
        },
      ],
    });
  });

  it('a typo inside a conditional branch is an error', () => {
    conditional('c', {
      name: 'C',
      condition: 'true',
      // @ts-expect-error scrpt is not a transform-data config field
      trueSteps: [{ id: 'a', name: 'A', type: 'transform-data', config: { scrpt: 'return 1' } }],
    });
  });

  it('no config field is required (the API types none), but field types are still checked', () => {
    prompt('a', { name: 'A', model: 'gpt-4', text: 'Write a summary' });
    prompt('r', {
      name: 'R',
      reasoning: { enabled: true, reasoningEffort: 'high' },
      tools: { toolIds: ['t'], maxToolCalls: 2 },
    });
    // @ts-expect-error temperature is a number
    prompt('b', { name: 'B', model: 'gpt-4', temperature: 'hot' });
  });

  it('steps must be a list and the key a string', () => {
    // @ts-expect-error steps is a list of steps
    defineFlow({ key: 'k', name: 'N', steps: 'prompt' });
    // @ts-expect-error key is a string
    defineFlow({ key: 1, name: 'N', steps: [] });
  });
});

describe('helpers and the escape hatch', () => {
  it('helpers return the API step shape, typed by step type', () => {
    const step = fetchUrl('f', {
      name: 'F',
      http: { url: 'https://x.example', method: 'GET' },
      outputVariable: 'page',
    });
    expectTypeOf(step).toEqualTypeOf<Step<'fetch-url'>>();
    expectTypeOf(step.type).toEqualTypeOf<'fetch-url'>();
    expectTypeOf(step.id).toEqualTypeOf<string>();
    expectTypeOf(
      setVariable('v', { name: 'V', variableName: 'tone', value: { formal: true } }),
    ).toExtend<StepInput>();
  });

  it('config values must be JSON', () => {
    // @ts-expect-error a Date is not JSON
    setVariable('v', { name: 'V', variableName: 'when', value: new Date() });
    // @ts-expect-error a function is not JSON
    customStep('new-type', 'n', { name: 'N', config: { run: () => 1 } });
    expectTypeOf(
      customStep('new-type', 'n', { name: 'N', config: { a: [1, null, { b: 'c' }] } }).config,
    ).toEqualTypeOf<{ [key: string]: JsonValue }>();
  });

  it('enums are checked', () => {
    // @ts-expect-error "yaml" is not a responseType
    fetchUrl('f', { name: 'F', http: { url: 'https://x.example' }, responseType: 'yaml' });
    // @ts-expect-error "python3" is not a language
    transformData('t', { name: 'T', script: 'x', language: 'python3' });
  });
});

describe('defineFlow', () => {
  it('returns the flow, branded, and accepts allowSecrets', () => {
    const flow = defineFlow({
      key: 'k',
      name: 'N',
      allowSecrets: ['steps[0].config.userPrompt'],
      steps: [prompt('a', { name: 'A', model: 'm', userPrompt: 'u' })],
    });
    expectTypeOf(flow).toEqualTypeOf<FlowDefinition>();
    expectTypeOf(isFlowDefinition).returns.toEqualTypeOf<boolean>();
  });

  it('FlowInput has exactly the fields FlowInputSchema checks at run time', () => {
    expectTypeOf<keyof FlowInput>().toEqualTypeOf<keyof z.input<typeof FlowInputSchema>>();
  });
});
