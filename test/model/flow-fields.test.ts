import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../src/model/index.js';
import { aFlow, onlyDiagnostic, summarise } from './builders.js';

describe('flow fields', () => {
  it('a missing name or key is an error at that field, in plain language', () => {
    const { name: _name, ...noName } = aFlow();
    expect(onlyDiagnostic(noName)).toMatchObject({
      severity: 'error',
      code: 'FLOW_INVALID',
      path: ['name'],
      message: 'is required',
    });
    const { key: _key, ...noKey } = aFlow();
    expect(onlyDiagnostic(noKey)).toMatchObject({
      code: 'FLOW_INVALID',
      path: ['key'],
      message: 'is required',
    });
  });

  it('a key must be a slug', () => {
    for (const key of ['Customer Outreach', 'UPPER', '-leading', 'a/b', '']) {
      const d = onlyDiagnostic(aFlow({ key }));
      expect(d, key).toMatchObject({ code: 'FLOW_INVALID', path: ['key'] });
      expect(d.message).toContain('slug');
    }
    for (const key of ['customer-outreach', 'v2.flow_x', '0day'])
      expect(summarise(aFlow({ key })), key).toEqual([]);
  });

  it('a blank name is an error', () => {
    expect(onlyDiagnostic(aFlow({ name: '   ' }))).toMatchObject({
      code: 'FLOW_INVALID',
      path: ['name'],
      message: 'must not be empty',
    });
  });

  it('empty steps is its own error', () => {
    expect(onlyDiagnostic(aFlow({ steps: [] }))).toMatchObject({
      code: 'FLOW_EMPTY_STEPS',
      path: ['steps'],
    });
  });

  it('wrong field types name the field, what it must be and what it is', () => {
    expect(onlyDiagnostic(aFlow({ description: 42 }))).toMatchObject({
      code: 'FLOW_INVALID',
      path: ['description'],
      message: 'must be a string, not number 42',
    });
    expect(onlyDiagnostic(aFlow({ steps: 'prompt' }))).toMatchObject({
      path: ['steps'],
      message: 'must be an array, not the string "prompt"',
    });
    expect(onlyDiagnostic(aFlow({ inputs: ['ok', 'not a name'] }))).toMatchObject({
      path: ['inputs', 1],
      message: 'must be a variable name such as customer_name',
    });
    expect(onlyDiagnostic(aFlow({ allowSecrets: 'steps[0]' }))).toMatchObject({
      path: ['allowSecrets'],
    });
  });

  it('a misspelled flow field is an error with the suggestion; an unrelated one lists the fields', () => {
    expect(onlyDiagnostic(aFlow({ descripton: 'x' }))).toMatchObject({
      code: 'FLOW_FIELD_UNKNOWN',
      path: ['descripton'],
      hint: 'did you mean "description"?',
    });
    expect(onlyDiagnostic(aFlow({ owner: 'me' })).hint).toBe(
      'defineFlow takes key, name, description, inputs, steps, allowSecrets',
    );
    // flowSteps is the API's name for steps, not a misspelling of it: the hint lists the fields.
    expect(onlyDiagnostic(aFlow({ flowSteps: [] })).hint).toBe(
      'defineFlow takes key, name, description, inputs, steps, allowSecrets',
    );
    expect(onlyDiagnostic(aFlow({ allowSecret: [] })).hint).toBe('did you mean "allowSecrets"?');
  });

  it('a misspelled inputs field does not also make every variable look undefined', () => {
    expect(
      summarise(
        aFlow({
          input: ['topic'],
          steps: [
            { id: 'a', name: 'A', type: 'prompt', config: { model: 'm', userPrompt: '{{topic}}' } },
          ],
        }),
      ),
    ).toEqual(['error FLOW_FIELD_UNKNOWN input']);
  });

  it('a value that is not an object is not a flow', () => {
    for (const value of [null, 'flow', 3, [aFlow()]]) {
      expect(onlyDiagnostic(value), JSON.stringify(value)).toMatchObject({ code: 'FLOW_INVALID' });
    }
    expect(parseFlow(null, { exportName: 'helper' }).diagnostics[0]?.message).toBe(
      'the export "helper" is not a flow object',
    );
  });

  it('collects every problem at once, not only the first', () => {
    expect(
      summarise({
        key: 'Bad Key',
        name: '',
        descripton: 'x',
        inputs: ['topic'],
        steps: [
          { id: 'a', name: 'A', type: 'promt', config: { model: 'm', userPrompt: '{{topc}}' } },
          { id: 'b', name: 'B', type: 'prompt', config: { model: 'm', userPrmpt: 'x' } },
        ],
      }),
    ).toEqual([
      'error FLOW_FIELD_UNKNOWN descripton',
      'error FLOW_INVALID key',
      'error FLOW_INVALID name',
      'error STEP_TYPE_TYPO steps[0].type',
      'error STEP_CONFIG_FIELD_TYPO steps[1].config.userPrmpt',
      'error UNKNOWN_VARIABLE steps[0].config.userPrompt',
    ]);
  });
});

describe('control characters in names', () => {
  it.each([
    ['flow name', { name: 'Flow \u001b[2J' }, ['name'], '\\x1b'],
    [
      'step name',
      { steps: [{ id: 's', name: 'Step\u0007', type: 'prompt', config: {} }] },
      ['steps', 0, 'name'],
      '\\x07',
    ],
  ])('a %s with a control character is an error naming it', (_what, override, path, shown) => {
    const input = {
      key: 'k',
      name: 'Flow',
      steps: [{ id: 's', name: 'S', type: 'prompt', config: {} }],
      ...override,
    };
    const { diagnostics } = parseFlow(input);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        path,
        message: expect.stringContaining(
          `must not contain control characters (found ${shown})`,
        ) as unknown,
      }),
    );
  });
});
