import { describe, expect, it } from 'vitest';
import {
  conditional,
  customStep,
  formatPath,
  isCustomStep,
  parseFlow,
  transformData,
  type StepInput,
} from '../../src/model/index.js';
import { contentHash, toFlowPayload } from '../../src/plan/index.js';
import { aFlow, aPrompt, onlyDiagnostic, summarise } from './builders.js';

const withStep = (step: unknown) => aFlow({ steps: [step] });

describe('step types', () => {
  it('a non-string type is an error', () => {
    expect(onlyDiagnostic(withStep({ id: 'a', name: 'A', type: 3, config: {} }))).toMatchObject({
      severity: 'error',
      code: 'STEP_TYPE_INVALID',
      path: ['steps', 0, 'type'],
    });
    expect(onlyDiagnostic(withStep({ id: 'a', name: 'A', config: {} }))).toMatchObject({
      code: 'STEP_TYPE_INVALID',
      message: 'step type is required',
    });
  });

  it('an unknown type close to a known one is an error with the suggestion and the list of types', () => {
    const cases: [string, string][] = [
      ['promt', 'prompt'],
      ['transform_data', 'transform-data'],
      ['fetchurl', 'fetch-url'],
      ['Prompt', 'prompt'],
      ['conditonal', 'conditional'],
      ['condtional', 'conditional'],
      ['sned-email', 'send-email'],
      ['send-emial', 'send-email'],
      ['prompts', 'prompt'],
      ['transfrom-data', 'transform-data'],
      ['fetch-ulr', 'fetch-url'],
      ['sendemial', 'send-email'],
      ['fetch-urls', 'fetch-url'],
      ['send-emails', 'send-email'],
      ['api-cal', 'api-call'],
    ];
    for (const [typo, meant] of cases) {
      const d = onlyDiagnostic(withStep({ id: 'a', name: 'A', type: typo, config: {} }));
      expect(d, typo).toMatchObject({
        severity: 'error',
        code: 'STEP_TYPE_TYPO',
        path: ['steps', 0, 'type'],
      });
      expect(d.hint, typo).toMatch(new RegExp(`^did you mean "${meant}"\\? Step types: prompt, `));
    }
  });

  it('any other type outside the API list is an error too: the list is closed', () => {
    // Near by raw distance (create→update is 3 edits in 13 letters), but a different word: not a
    // typo.
    for (const type of [
      'create-record',
      'store-memory',
      'send-slack',
      'run-code',
      'get-variable',
      'ai-call',
      'fetch-api',
      'fetch-ur',
    ]) {
      const d = onlyDiagnostic(withStep({ id: 'a', name: 'A', type, config: {} }));
      expect(d, type).toMatchObject({
        severity: 'error',
        code: 'STEP_TYPE_UNKNOWN',
        path: ['steps', 0, 'type'],
      });
      expect(d.message).toBe(`step type "${type}" is not one of the API's step types`);
      expect(d.hint).toContain('Step types: prompt, ');
      expect(d.hint).toContain('memory-summary.');
      expect(d.hint).toContain('extraStepTypes');
    }
    expect(
      parseFlow(withStep({ id: 'a', name: 'A', type: 'brand-new-step' })).flow,
    ).toBeUndefined();
  });

  it('"return" is not a type the API takes, whatever the docs say', () => {
    const d = onlyDiagnostic(
      withStep({ id: 'r', name: 'R', type: 'return', config: { value: 1 } }),
    );
    expect(d).toMatchObject({
      severity: 'error',
      code: 'STEP_TYPE_UNKNOWN',
      path: ['steps', 0, 'type'],
    });
    expect(d.hint).toContain('no "return" type');
  });

  it('a type listed in extraStepTypes is accepted, its config unchecked, and sent as written', () => {
    const step = {
      id: 'a',
      name: 'A',
      type: 'brand-new-step',
      config: { foo: 1, nested: { x: [true] } },
    };
    const { flow, diagnostics } = parseFlow(withStep(step), { extraStepTypes: ['brand-new-step'] });
    expect(diagnostics).toEqual([]);
    expect(flow?.steps[0]).toEqual({
      id: 'a',
      name: 'A',
      type: 'brand-new-step',
      order: 1,
      enabled: true,
      config: step.config,
    });
    const inBranch = aFlow({
      steps: [conditional('c', { name: 'C', condition: 'true', trueSteps: [step as never] })],
    });
    expect(parseFlow(inBranch, { extraStepTypes: ['brand-new-step'] }).diagnostics).toEqual([]);
    expect(
      parseFlow(withStep(step), { extraStepTypes: ['other-step'] }).diagnostics.map((d) => d.code),
    ).toEqual(['STEP_TYPE_UNKNOWN']);
  });
});

describe('customStep, the escape hatch for an unmodelled config', () => {
  it('takes a known type or an extra type, and leaves its config unchecked', () => {
    const custom = customStep('prompt', 'a', {
      name: 'A',
      config: { model: 'm', modle: 'x', temperature: 'hot' },
    });
    expect(parseFlow(withStep(custom)).diagnostics).toEqual([]);
    const extra = customStep('brand-new-step', 'b', { name: 'B', config: { foo: 1 } });
    const { flow, diagnostics } = parseFlow(withStep(extra), {
      extraStepTypes: ['brand-new-step'],
    });
    expect(diagnostics).toEqual([]);
    expect(flow?.steps[0]).toEqual({
      id: 'b',
      name: 'B',
      type: 'brand-new-step',
      order: 1,
      enabled: true,
      config: { foo: 1 },
    });
  });

  it('with any other type is an error, never a typo, naming the near type when there is one', () => {
    for (const [type, near] of [
      ['create-record', 'Step types: '],
      ['promt', 'did you mean "prompt"?'],
      ['transform_data', 'did you mean "transform-data"?'],
    ] as const) {
      const d = onlyDiagnostic(withStep(customStep(type, 'a', { name: 'A', config: { x: 1 } })));
      expect(d, type).toMatchObject({
        severity: 'error',
        code: 'STEP_TYPE_UNKNOWN',
        path: ['steps', 0, 'type'],
      });
      expect(d.message).toContain('customStep() too needs one');
      expect(d.hint).toContain(near);
    }
  });

  it('is recognised inside conditional branches, and a plain object with the same fields gets the typo error', () => {
    const custom = customStep('promt', 'a', { name: 'A' });
    expect(
      summarise(
        aFlow({ steps: [conditional('c', { name: 'C', condition: 'true', trueSteps: [custom] })] }),
      ),
    ).toEqual(['error STEP_TYPE_UNKNOWN steps[0].config.trueSteps[0].type']);
    expect(summarise(withStep({ ...custom }))).toEqual(['error STEP_TYPE_TYPO steps[0].type']);
  });

  it('carries its mark where neither the payload nor its hash can see it', () => {
    const custom = customStep('send-event', 'a', {
      name: 'A',
      enabled: false,
      config: { foo: [1] },
    });
    const plain = { name: 'A', enabled: false, id: 'a', type: 'send-event', config: { foo: [1] } };
    expect(isCustomStep(custom)).toBe(true);
    expect(isCustomStep(plain)).toBe(false);
    expect(Object.keys(custom)).toEqual(Object.keys(plain));
    expect(JSON.stringify(custom)).toBe(JSON.stringify(plain));
    const hash = (step: unknown) => contentHash(toFlowPayload(parseFlow(withStep(step)).flow!));
    expect(hash(custom)).toBe(hash(plain));
  });
});

describe('step config', () => {
  it('a misspelled config field is an error with the suggestion, reported once', () => {
    expect(
      onlyDiagnostic(
        withStep({ id: 'a', name: 'A', type: 'prompt', config: { model: 'm', userPrmpt: 'x' } }),
      ),
    ).toMatchObject({
      code: 'STEP_CONFIG_FIELD_TYPO',
      path: ['steps', 0, 'config', 'userPrmpt'],
      hint: 'did you mean "userPrompt"?',
    });
  });

  it('clear misspellings of config fields are errors', () => {
    const typo = (config: Record<string, unknown>) =>
      summarise(
        withStep({
          id: 'a',
          name: 'A',
          type: 'prompt',
          config: { model: 'm', userPrompt: 'u', ...config },
        }),
      );
    for (const key of ['outputVarible', 'sytemPrompt', 'temprature', 'modle'])
      expect(typo({ [key]: 'x' }), key).toEqual([
        `error STEP_CONFIG_FIELD_TYPO steps[0].config.${key}`,
      ]);
    expect(
      summarise(
        withStep({ id: 'a', name: 'A', type: 'prompt', config: { model: 'm', userPrmpt: 'u' } }),
      ),
    ).toEqual(['error STEP_CONFIG_FIELD_TYPO steps[0].config.userPrmpt']);
  });

  it('a field merely close to a known one (a lone English word, a plural) is a warning with the suggestion, and is sent as written', () => {
    const { flow, diagnostics } = parseFlow(
      withStep({
        id: 'a',
        name: 'A',
        type: 'prompt',
        config: { model: 'gpt-4', mode: 'chat', models: ['gpt-4o'], maxToken: 5, userPrompt: 'u' },
      }),
    );
    expect(
      diagnostics.map(
        (d) => `${d.severity} ${d.code} ${d.path?.at(-1)} ${d.hint?.replace(/\? If not,.*/, '?')}`,
      ),
    ).toEqual([
      'warning STEP_CONFIG_FIELD_UNKNOWN mode did you mean "model"?',
      'warning STEP_CONFIG_FIELD_UNKNOWN models did you mean "model"?',
      'warning STEP_CONFIG_FIELD_UNKNOWN maxToken did you mean "maxTokens"?',
    ]);
    expect(diagnostics[0]?.hint).toContain('known prompt fields: model, userPrompt');
    expect(flow?.steps[0]?.config).toMatchObject({ mode: 'chat', models: ['gpt-4o'], maxToken: 5 });
    expect(
      summarise(withStep({ id: 'a', name: 'A', type: 'store-asset', config: { context: 'x' } })),
    ).toEqual(['warning STEP_CONFIG_FIELD_UNKNOWN steps[0].config.context']);
  });

  it('no config field is required: the API types none', () => {
    expect(
      summarise(
        withStep({
          id: 'a',
          name: 'A',
          type: 'prompt',
          config: { mode: 'gpt-4', userPrompt: 'u' },
        }),
      ),
    ).toEqual(['warning STEP_CONFIG_FIELD_UNKNOWN steps[0].config.mode']);
    expect(
      summarise(
        withStep({
          id: 'a',
          name: 'A',
          type: 'prompt',
          config: { model: 'gpt-5-mini', text: 'Write a summary' },
        }),
      ),
    ).toEqual([]);
    for (const type of [
      'send-email',
      'fetch-url',
      'set-variable',
      'transform-data',
      'conditional',
      'save-memory',
    ]) {
      expect(summarise(withStep({ id: 'a', name: 'A', type, config: {} })), type).toEqual([]);
    }
  });

  it('a config field that differs by a whole word is an unmodelled field (a warning), not a typo', () => {
    const step = (type: string, config: Record<string, unknown>) =>
      summarise(withStep({ id: 'a', name: 'A', type, config }));
    expect(step('wait-until', { timeout: 5 })).toEqual([
      'warning STEP_CONFIG_FIELD_UNKNOWN steps[0].config.timeout',
    ]);
    expect(step('retrieve-record', { record: 'x' })).toEqual([
      'warning STEP_CONFIG_FIELD_UNKNOWN steps[0].config.record',
    ]);
    expect(
      step('prompt', { model: 'm', userPrompt: 'u', topN: 0.9, reasoningBudget: 'high' }),
    ).toEqual([
      'warning STEP_CONFIG_FIELD_UNKNOWN steps[0].config.topN',
      'warning STEP_CONFIG_FIELD_UNKNOWN steps[0].config.reasoningBudget',
    ]);
    expect(step('prompt', { model: 'm', user_prompt: 'u' })).toEqual([
      'error STEP_CONFIG_FIELD_TYPO steps[0].config.user_prompt',
    ]);
  });

  it('an unknown config field far from every known one is a warning, sent as written', () => {
    const { flow, diagnostics } = parseFlow(
      withStep({
        id: 'a',
        name: 'A',
        type: 'prompt',
        config: { model: 'm', userPrompt: 'u', fallbackModel: 'x' },
      }),
    );
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual([
      'warning STEP_CONFIG_FIELD_UNKNOWN',
    ]);
    expect(flow?.steps[0]?.config.fallbackModel).toBe('x');
  });

  it('config value types, ranges and enums are warnings (the API types no config field), sent as written', () => {
    const { flow, diagnostics } = parseFlow(
      withStep({
        id: 'a',
        name: 'A',
        type: 'prompt',
        config: { model: 'm', temperature: 3, responseFormat: 'yaml' },
      }),
    );
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${formatPath(d.path)}`)).toEqual([
      'warning STEP_CONFIG_INVALID steps[0].config.responseFormat',
      'warning STEP_CONFIG_INVALID steps[0].config.temperature',
    ]);
    expect(flow?.steps[0]?.config).toMatchObject({ temperature: 3, responseFormat: 'yaml' });
    const method = onlyDiagnostic(
      withStep({
        id: 'a',
        name: 'A',
        type: 'fetch-url',
        config: { http: { url: 'https://x', method: 'get' } },
      }),
    );
    expect(method.message).toBe(
      'must be one of "GET", "POST", "PUT", "DELETE", "PATCH", not "get" (as runtype-flows reads the docs); it is sent as written',
    );
    const tokens = onlyDiagnostic(
      withStep({ id: 'a', name: 'A', type: 'prompt', config: { model: 'm', maxTokens: 1.5 } }),
    );
    expect(tokens).toMatchObject({
      severity: 'warning',
      message:
        'must be a whole number, not number 1.5 (as runtype-flows reads the docs); it is sent as written',
    });
  });

  it('a config that is not an object is one error, not one per missing field', () => {
    expect(
      onlyDiagnostic(withStep({ id: 'a', name: 'A', type: 'prompt', config: 'gpt-4' })),
    ).toMatchObject({ code: 'STEP_INVALID', path: ['steps', 0, 'config'] });
  });
});

describe('step fields', () => {
  it('a step that is not an object is an error at its position', () => {
    expect(onlyDiagnostic(aFlow({ steps: [aPrompt('a', 'x'), 'prompt'] }))).toMatchObject({
      code: 'STEP_INVALID',
      path: ['steps', 1],
    });
  });

  it('a missing step name is an error', () => {
    expect(
      onlyDiagnostic(withStep({ id: 'a', type: 'transform-data', config: { script: 'x' } })),
    ).toMatchObject({ code: 'STEP_INVALID', path: ['steps', 0, 'name'] });
  });

  it('a step-level field outside the API shape is an error, with a suggestion when it is a typo', () => {
    expect(
      onlyDiagnostic(
        withStep({
          id: 'a',
          name: 'A',
          type: 'transform-data',
          enabeld: false,
          config: { script: 'x' },
        }),
      ),
    ).toMatchObject({
      code: 'STEP_FIELD_UNKNOWN',
      path: ['steps', 0, 'enabeld'],
      hint: 'did you mean "enabled"?',
    });
    expect(
      onlyDiagnostic(
        withStep({
          id: 'a',
          name: 'A',
          type: 'transform-data',
          outputVariable: 'o',
          config: { script: 'x' },
        }),
      ).hint,
    ).toContain('go in config');
  });

  it('wrong step field types are errors', () => {
    expect(
      summarise(
        withStep({
          id: 'has space',
          name: 'A',
          type: 'transform-data',
          enabled: 'yes',
          order: -1,
          config: { script: 'x' },
        }),
      ),
    ).toEqual([
      'error STEP_INVALID steps[0].id',
      'error STEP_INVALID steps[0].enabled',
      'error STEP_INVALID steps[0].order',
    ]);
    expect(
      summarise(withStep({ id: 'a', name: 3, type: 'send-stream', order: 1.5, when: 42 })),
    ).toEqual([
      'error STEP_INVALID steps[0].name',
      'error STEP_INVALID steps[0].order',
      'error STEP_INVALID steps[0].when',
    ]);
    expect(
      summarise(withStep({ id: 'a', name: '', type: 'send-stream', when: 'x'.repeat(501) })),
    ).toEqual(['error STEP_INVALID steps[0].name', 'error STEP_INVALID steps[0].when']);
    expect(
      summarise(
        withStep({ id: 'a', name: 'A', type: 'send-stream', order: 0, when: 'x'.repeat(500) }),
      ),
    ).toEqual([]);
  });
});

describe('step ids and order', () => {
  it('duplicate ids are errors, also across branches, naming the first use', () => {
    const d = onlyDiagnostic(
      aFlow({
        steps: [
          conditional('c', { name: 'C', condition: 'true', trueSteps: [aPrompt('draft', 'x')] }),
          aPrompt('draft', 'y'),
        ],
      }),
    );
    expect(d).toMatchObject({ code: 'DUPLICATE_STEP_ID', path: ['steps', 1, 'id'] });
    expect(d.message).toBe('step id "draft" is already used by steps[0].config.trueSteps[0]');
  });

  it('an id derived from a name can collide too, and says so', () => {
    const named = { name: 'A', type: 'transform-data', config: { script: 'x' } };
    const explicit = transformData('a', { name: 'Another', script: 'y' });
    expect(onlyDiagnostic(aFlow({ steps: [named, explicit] }))).toMatchObject({
      code: 'DUPLICATE_STEP_ID',
      path: ['steps', 1, 'id'],
    });
    const d = onlyDiagnostic(aFlow({ steps: [explicit, named] }));
    expect(d).toMatchObject({ code: 'DUPLICATE_STEP_ID', path: ['steps', 1, 'name'] });
    expect(d.hint).toContain('its id comes from its name');
  });

  it('two steps of one list with the same order is a warning', () => {
    expect(
      summarise(aFlow({ steps: [{ ...aPrompt('a', 'x'), order: 2 }, aPrompt('b', 'y')] })),
    ).toEqual(['warning DUPLICATE_STEP_ORDER steps[1]']);
  });

  it('conditionals may nest 10 deep, not 11', () => {
    const nest = (levels: number): unknown => {
      let step: unknown = aPrompt('leaf', 'x');
      for (let level = levels; level >= 1; level -= 1)
        step = {
          id: `c${level}`,
          name: `C${level}`,
          type: 'conditional',
          config: { condition: 'true', trueSteps: [step] },
        };
      return step;
    };
    expect(summarise(aFlow({ steps: [nest(10)] }))).toEqual([]);
    const [d] = parseFlow(aFlow({ steps: [nest(11)] })).diagnostics;
    expect(d).toMatchObject({
      code: 'CONDITIONAL_TOO_DEEP',
      path: ['steps', 0, ...Array.from({ length: 10 }, () => ['config', 'trueSteps', 0]).flat()],
    });
  });

  it('problems inside branches carry the branch path', () => {
    const typo = { id: 'b', name: 'B', type: 'transform_data', config: {} } as unknown as StepInput;
    const flow = aFlow({
      steps: [
        conditional('c', { name: 'C', condition: 'true', falseSteps: [aPrompt('ok', 'x'), typo] }),
      ],
    });
    expect(summarise(flow)).toEqual(['error STEP_TYPE_TYPO steps[0].config.falseSteps[1].type']);
  });
});
