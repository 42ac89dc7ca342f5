import { describe, expect, it } from 'vitest';
import { defineConfig, defineFlow, FLOW_BRAND, isFlowDefinition } from '../../src/model/index.js';
import { aPrompt } from './builders.js';

describe('defineFlow', () => {
  it('returns the very value it is given, with a brand that JSON and spreading do not see', () => {
    const input = { key: 'k', name: 'N', steps: [aPrompt('a', 'x')] };
    const flow = defineFlow(input);
    expect(flow).toBe(input);
    expect(Object.keys(flow)).toEqual(['key', 'name', 'steps']);
    expect(JSON.parse(JSON.stringify(flow))).toEqual(JSON.parse(JSON.stringify(input)));
    expect((flow as unknown as Record<symbol, unknown>)[Symbol.for('runtype-flows.flow')]).toBe(
      true,
    );
    expect(FLOW_BRAND).toBe(Symbol.for('runtype-flows.flow'));
  });

  it("never throws, whatever it is given (validation is parseFlow's job)", () => {
    expect(defineFlow(null as never)).toBeNull();
    const frozen = Object.freeze({ key: 'k', name: 'N', steps: [] });
    expect(defineFlow(frozen)).toBe(frozen);
  });
});

describe('isFlowDefinition', () => {
  it('recognises the brand, also when set by another copy of the package', () => {
    const branded = { key: 1 };
    Object.defineProperty(branded, Symbol.for('runtype-flows.flow'), { value: true });
    expect(isFlowDefinition(branded)).toBe(true);
    expect(isFlowDefinition(defineFlow({ key: 'k', name: 'N', steps: [] }))).toBe(true);
  });

  it('recognises the flow shape without a brand, and nothing else', () => {
    expect(isFlowDefinition({ key: 'k', name: 'N', steps: [] })).toBe(true);
    expect(isFlowDefinition({ BRAND_VOICE: 'x' })).toBe(false);
    expect(isFlowDefinition({ key: 'k', name: 'N' })).toBe(false);
    expect(isFlowDefinition('flow')).toBe(false);
    expect(isFlowDefinition(null)).toBe(false);
    expect(isFlowDefinition(() => 1)).toBe(false);
  });
});

describe('defineConfig', () => {
  it('is the identity', () => {
    const config = { environments: { local: { emulator: true as const } } };
    expect(defineConfig(config)).toBe(config);
  });
});
