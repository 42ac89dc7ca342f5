import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../src/model/index.js';
import { aFlow, onlyDiagnostic, summarise } from './builders.js';

/** A set-variable step whose value is `value`: every kind of value fits there. */
const withValue = (value: unknown) =>
  aFlow({
    steps: [{ id: 'v', name: 'V', type: 'set-variable', config: { variableName: 'v', value } }],
  });
const VALUE_PATH = ['steps', 0, 'config', 'value'];

class Money {
  amount = 1;
}

describe('values the API cannot carry', () => {
  const cases: [string, unknown, (string | number)[], string][] = [
    ['a function', () => 1, VALUE_PATH, 'a function'],
    ['a Date', new Date(0), VALUE_PATH, 'a Date'],
    ['a BigInt', 10n, VALUE_PATH, 'a BigInt'],
    ['a Symbol', Symbol('s'), VALUE_PATH, 'a Symbol'],
    ['a Map', new Map([['a', 1]]), VALUE_PATH, 'a Map instance'],
    ['a Set', new Set([1]), VALUE_PATH, 'a Set instance'],
    ['a class instance', new Money(), VALUE_PATH, 'a Money instance'],
    ['NaN', Number.NaN, VALUE_PATH, 'the number NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, VALUE_PATH, 'the number Infinity'],
    ['-Infinity', Number.NEGATIVE_INFINITY, VALUE_PATH, 'the number -Infinity'],
    [
      'undefined inside an array',
      [1, undefined, 3],
      [...VALUE_PATH, 1],
      'undefined inside an array',
    ],
    ['a hole in a sparse array', [1, , 3], [...VALUE_PATH, 1], 'undefined inside an array'],
    ['a nested Date', { when: { at: new Date(0) } }, [...VALUE_PATH, 'when', 'at'], 'a Date'],
  ];

  it.each(cases)(
    '%s is one NON_JSON_VALUE error at its path, never dropped silently',
    (_label, value, path, what) => {
      const d = onlyDiagnostic(withValue(value));
      expect(d).toMatchObject({ severity: 'error', code: 'NON_JSON_VALUE', path });
      expect(d.message).toBe(`${what} cannot be sent to the API`);
    },
  );

  it('a cycle is reported where it closes', () => {
    const config: Record<string, unknown> = { variableName: 'v', value: 1 };
    config.self = config;
    expect(
      summarise(aFlow({ steps: [{ id: 'v', name: 'V', type: 'set-variable', config }] })),
    ).toEqual(['error NON_JSON_VALUE steps[0].config.self']);
  });

  it('a shared (not circular) object is fine', () => {
    const shared = { a: 1 };
    expect(summarise(withValue({ x: shared, y: shared }))).toEqual([]);
  });

  it('undefined in a step list keeps the later steps at their own index', () => {
    const flow = aFlow({ steps: [undefined, { id: 'b', name: 'B', type: 'promt', config: {} }] });
    expect(summarise(flow)).toEqual([
      'error NON_JSON_VALUE steps[0]',
      'error STEP_TYPE_TYPO steps[1].type',
    ]);
  });

  it('a function where a required string goes is reported once, not also as missing', () => {
    expect(
      summarise(
        aFlow({
          steps: [
            { id: 'a', name: 'A', type: 'prompt', config: { model: 'm', userPrompt: () => 'hi' } },
          ],
        }),
      ),
    ).toEqual(['error NON_JSON_VALUE steps[0].config.userPrompt']);
    expect(summarise(aFlow({ description: new Date(0) }))).toEqual([
      'error NON_JSON_VALUE description',
    ]);
  });

  it('every bad value of a flow is reported, each at its path', () => {
    expect(
      summarise(
        aFlow({
          description: 1n,
          inputs: ['a', undefined],
          steps: [
            {
              id: 'v',
              name: 'V',
              type: 'set-variable',
              config: { variableName: 'v', value: Number.NaN },
            },
          ],
        }),
      ).sort(),
    ).toEqual([
      'error NON_JSON_VALUE description',
      'error NON_JSON_VALUE inputs[1]',
      'error NON_JSON_VALUE steps[0].config.value',
    ]);
  });

  it('a getter that throws is reported, not thrown', () => {
    const config = {
      variableName: 'v',
      get value(): never {
        throw new Error('boom');
      },
    };
    const d = onlyDiagnostic(
      aFlow({ steps: [{ id: 'v', name: 'V', type: 'set-variable', config }] }),
    );
    expect(d).toMatchObject({ code: 'NON_JSON_VALUE', path: VALUE_PATH });
    expect(d.message).toContain('boom');
  });

  it('a whole flow that is a function is one error', () => {
    expect(parseFlow(() => aFlow()).diagnostics.map((d) => d.code)).toEqual(['NON_JSON_VALUE']);
  });

  it('null-prototype objects and undefined object properties are fine', () => {
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    expect(summarise(withValue({ bare, gone: undefined }))).toEqual([]);
    expect(
      parseFlow(withValue({ gone: undefined, kept: null })).flow?.steps[0]?.config.value,
    ).toEqual({ kept: null });
  });
});
