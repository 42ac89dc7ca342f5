import { describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT_BYTES, MAX_CONFIG_DEPTH } from '../../src/emulator/assumptions.js';
import { API_LIMIT_GUESSES } from '../../src/model/api-limits.js';
import { parseFlow } from '../../src/model/index.js';

const flowWith = (config: Record<string, unknown>, name = 'Flow') => ({
  key: 'k',
  name,
  steps: [
    { id: 's', name: 'S', type: 'prompt', config: { model: 'm', userPrompt: 'hi', ...config } },
  ],
});

function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < levels; i += 1) value = { n: value };
  return value;
}

describe('limits the API document does not state', () => {
  it('are the numbers the emulator enforces', () => {
    expect(API_LIMIT_GUESSES.configDepth).toBe(MAX_CONFIG_DEPTH);
    expect(API_LIMIT_GUESSES.payloadBytes).toBe(DEFAULT_BODY_LIMIT_BYTES);
  });

  it('a config nested past the guessed depth is a warning with the number, and the flow is kept', () => {
    const { flow, diagnostics } = parseFlow(flowWith({ extra: nested(100) }));
    expect(flow).toBeDefined();
    expect(diagnostics.filter((d) => d.code === 'API_LIMIT')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'API_LIMIT',
        path: ['steps', 0, 'config'],
        message: expect.stringContaining('more than 64 levels') as unknown,
      }),
    ]);
  });

  it('a 10,000-character name and a 2 MB prompt are warnings with the numbers', () => {
    const { diagnostics } = parseFlow(
      flowWith({ userPrompt: 'x'.repeat(2 * 1024 * 1024) }, 'N'.repeat(10_000)),
    );
    expect(
      diagnostics.map((d) => [
        d.severity,
        d.code,
        d.path?.join('.') ?? '',
        d.message.match(/[\d,]{5,}/)?.[0],
      ]),
    ).toEqual([
      ['warning', 'API_LIMIT', '', expect.stringMatching(/^2,1\d\d,\d{3}$/)],
      ['warning', 'API_LIMIT', 'name', '10,000'],
    ]);
  });
});

describe('hostile structures', () => {
  it('a value nested thousands of levels deep is one error with a short path, never a crash', () => {
    const { flow, diagnostics: all } = parseFlow(flowWith({ extra: nested(5000) }));
    expect(flow).toBeUndefined();
    const diagnostics = all.filter((d) => d.severity === 'error');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'NON_JSON_VALUE',
      message: expect.stringContaining('more than 200 levels deep') as unknown,
    });
    expect(diagnostics[0]?.path?.length).toBeLessThanOrEqual(12);
  });

  it('a shared sub-object at every level (2^n paths) is cut off and reported once', () => {
    let shared: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 60; i += 1) shared = { a: shared, b: shared };
    const started = Date.now();
    const { diagnostics } = parseFlow(flowWith({ extra: shared }));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(diagnostics.filter((d) => d.code === 'NON_JSON_VALUE')).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('more than 1,000,000 values') as unknown,
      }),
    ]);
  });
});
