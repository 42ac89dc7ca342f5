import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../src/model/index.js';
import { defaultStepId, STEP_ID_PATTERN } from '../../src/model/step-id.js';
import { aFlow, summarise } from './builders.js';

const withStep = (step: unknown) => aFlow({ steps: [step] });
const valid = (id: string) => STEP_ID_PATTERN.test(id) && id.length >= 1 && id.length <= 128;

describe('step ids, as the API takes them', () => {
  it('accepts 1-128 letters, digits, "_", "-", ":" and ".", a leading "_" or ":" included', () => {
    for (const id of ['ns:step', '_init', 'a.b-c_d:e', 'A', 'x'.repeat(128)]) {
      expect(
        summarise(withStep({ id, name: 'S', type: 'transform-data', config: { script: 'x' } })),
        id,
      ).toEqual([]);
    }
  });

  it('refuses an empty id, one of 129 characters and one with other characters, once each', () => {
    const id = (value: string) =>
      parseFlow(withStep({ id: value, name: 'S', type: 'send-stream' })).diagnostics.map(
        (d) => d.message,
      );
    expect(id('')).toEqual(['must not be empty']);
    expect(id('x'.repeat(129))).toEqual(['must be at most 128 characters long (it has 129)']);
    expect(id('has space')).toEqual(['must be letters, digits, "_", "-", ":" or "." (no spaces)']);
    expect(id(`${'x'.repeat(129)} `)).toEqual(['must be at most 128 characters long (it has 130)']);
  });
});

describe('the default id, from the step name', () => {
  it('is the slug of names whose slug was already valid, unchanged', () => {
    expect(defaultStepId('Generate Greeting')).toBe('generate-greeting');
    expect(defaultStepId('  Fetch: the URL (v2)!  ')).toBe('fetch-the-url-v2');
    expect(defaultStepId('x'.repeat(128))).toBe('x'.repeat(128));
  });

  it('cuts a long name to 128 characters with a hash of the whole name, stably', () => {
    const long = `Summarise ${'the quarterly report '.repeat(8)}`;
    const id = defaultStepId(long);
    expect(id.length).toBeLessThanOrEqual(128);
    expect(valid(id)).toBe(true);
    expect(id).toMatch(/^summarise-the-quarterly-report-.*-[0-9a-f]{8}$/);
    expect(defaultStepId(long)).toBe(id);
    // Two long names sharing their first 119 characters still differ.
    expect(defaultStepId(`${long} for Europe`)).not.toBe(defaultStepId(`${long} for Asia`));
    expect(defaultStepId('y'.repeat(129))).toBe(
      `${'y'.repeat(119)}-${defaultStepId('y'.repeat(129)).slice(-8)}`,
    );
  });

  it('is step-<hash> for a name with no letter or digit, different per name, stable', () => {
    const a = defaultStepId('🚀');
    expect(a).toMatch(/^step-[0-9a-f]{8}$/);
    expect(defaultStepId('🚀')).toBe(a);
    expect(defaultStepId('→ ←')).not.toBe(a);
    expect(defaultStepId('')).toBe('');
  });

  it('is what a step without id gets, and validates', () => {
    const steps = [
      { name: '!!!', type: 'send-stream' },
      { name: 'z'.repeat(300), type: 'send-stream' },
    ];
    const { flow, diagnostics } = parseFlow(aFlow({ steps }));
    // A 300-character name is only past a guessed limit (a warning); the id made from it is valid.
    expect(diagnostics.filter((d) => d.code !== 'API_LIMIT')).toEqual([]);
    expect(flow?.steps.map((s) => valid(s.id))).toEqual([true, true]);
  });
});
