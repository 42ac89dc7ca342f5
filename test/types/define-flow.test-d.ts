import { describe, expectTypeOf, it } from 'vitest';
import * as authoring from 'runtype-flows';
import {
  conditional,
  customStep,
  defineConfig,
  defineFlow,
  prompt,
  type StepInput,
} from 'runtype-flows';

/**
 * Compile-time guarantees of the authoring API: typos in step types, config
 * fields and flow fields are type errors (each @ts-expect-error below fails
 * the type check if the line ever compiles).
 */
describe('defineFlow types', () => {
  it('accepts helpers and plain API-shaped steps', () => {
    const flow = defineFlow({
      key: 'ok',
      name: 'OK',
      steps: [
        prompt('a', { name: 'A', model: 'gpt-4', userPrompt: 'hi', outputVariable: 'a' }),
        {
          id: 'b',
          name: 'B',
          type: 'transform-data',
          enabled: true,
          config: { script: 'return 1' },
        },
        conditional('c', {
          name: 'C',
          condition: 'true',
          trueSteps: [prompt('d', { name: 'D', model: 'gpt-4', userPrompt: 'x' })],
        }),
        customStep('brand-new-type', 'e', { name: 'E', config: { anything: [1, 'two'] } }),
      ],
    });
    expectTypeOf(flow.key).toEqualTypeOf<string>();
  });

  it('a misspelled config field in a helper is an error', () => {
    // @ts-expect-error userPrmpt is not a prompt field
    prompt('a', { name: 'A', model: 'gpt-4', userPrmpt: 'hi' });
  });

  it('a misspelled config field in a plain object step is an error', () => {
    const step: StepInput = {
      id: 'a',
      name: 'A',
      type: 'prompt',
      // @ts-expect-error userPrmpt is not a prompt field (reported at the property)
      config: { model: 'gpt-4', userPrmpt: 'hi' },
    };
    expectTypeOf(step).toExtend<StepInput>();
  });

  it('a wrong step type is an error', () => {
    const step: StepInput = {
      id: 'a',
      name: 'A',
      // @ts-expect-error "promt" is not a step type (reported at the property)
      type: 'promt',
      config: { model: 'gpt-4', userPrompt: 'hi' },
    };
    expectTypeOf(step).toExtend<StepInput>();
  });

  it('"return" is not a step type, and there is no returnStep helper', () => {
    // @ts-expect-error the API has no "return" type
    const step: StepInput = { id: 'r', name: 'R', type: 'return', config: {} };
    expectTypeOf(step).toExtend<StepInput>();
    expectTypeOf(authoring).not.toHaveProperty('returnStep');
  });

  it('a misspelled flow field is an error', () => {
    defineFlow({
      key: 'k',
      name: 'N',
      // @ts-expect-error descripton is not a flow field
      descripton: 'typo',
      steps: [prompt('a', { name: 'A', model: 'gpt-4', userPrompt: 'hi' })],
    });
  });

  it('config values are typed (temperature is a number)', () => {
    // @ts-expect-error temperature must be a number
    prompt('a', { name: 'A', model: 'gpt-4', userPrompt: 'hi', temperature: 'hot' });
  });

  it('defineConfig takes extraStepTypes, a list of strings', () => {
    defineConfig({ extraStepTypes: ['create-record'] });
    // @ts-expect-error extraStepTypes is a list
    defineConfig({ extraStepTypes: 'create-record' });
  });

  it('defineConfig checks environments', () => {
    defineConfig({
      environments: {
        local: { emulator: true },
        production: { url: 'https://api.runtype.com', apiKeyEnv: 'RUNTYPE_API_KEY' },
      },
    });
    defineConfig({
      // @ts-expect-error apiKey is not a config field: keys come from the environment
      environments: { production: { url: 'https://api.runtype.com', apiKey: 'rt_live_x' } },
    });
  });

  it('a misspelled type in a plain object step is an error at the type, not at the object', () => {
    defineFlow({
      key: 'k',
      name: 'N',
      steps: [
        {
          id: 'a',
          name: 'A',
          // @ts-expect-error "promt" is not a step type (TypeScript: Did you mean '"prompt"'?)
          type: 'promt',
          config: { model: 'gpt-4' },
        },
      ],
    });
  });

  it('a misspelled config field in a plain object step is an error at the field', () => {
    defineFlow({
      key: 'k',
      name: 'N',
      steps: [
        {
          id: 'a',
          name: 'A',
          type: 'prompt',
          // @ts-expect-error userPrmpt is not a prompt field (Did you mean to write 'userPrompt'?)
          config: { model: 'gpt-4', userPrmpt: 'hi' },
        },
      ],
    });
  });

  it('a misspelled flow field is an error even when a step has an error too', () => {
    defineFlow({
      key: 'k',
      name: 'N',
      // @ts-expect-error descripton is not a flow field, reported beside the step's error
      descripton: 'typo',
      steps: [
        {
          id: 'a',
          name: 'A',
          // @ts-expect-error "promt" is not a step type
          type: 'promt',
          config: {},
        },
      ],
    });
  });

  it('a FlowInput value passes as it is', () => {
    const input: authoring.FlowInput = { key: 'k', name: 'N', steps: [] };
    expectTypeOf(defineFlow(input)).toExtend<authoring.FlowInput>();
  });
});
