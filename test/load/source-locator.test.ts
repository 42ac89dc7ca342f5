import { describe, expect, it } from 'vitest';
import { createSourceLocator } from '../../src/load/locate/source-locator.js';

/** `line:column` of `path` in `text`, or `-` when the locator is not sure. */
function at(
  text: string,
  target: { exportName?: string; flowKey?: string },
  path: (string | number)[],
  about?: { message?: string; code?: string },
): string {
  const position = createSourceLocator('/project/flows/a.ts', text).locate(target, path, about);
  return position ? `${position.line}:${position.column}` : '-';
}

const TWO_FLOWS_ONE_KEY = `import { defineFlow, prompt } from 'runtype-flows';
export const three = defineFlow({
  key: 'same',
  name: 'Three',
  steps: [prompt('p', { name: 'P', model: 'm', userPrompt: 'x' })],
});
export const four = defineFlow({
  key: 'same',
  name: 'Four',
  steps: [prompt('p', { name: 'P', model: 'm', userPromt: 'x' })],
});
`;

describe('createSourceLocator', () => {
  it('finds a flow whose key is a template literal over a module constant', () => {
    const text = `const base = 'gen';
export const one = defineFlow({ key: \`\${base}-one\`, name: 'One', steps: [] });
export const two = defineFlow({
  key: \`\${base}-two\`,
  name: 'Two',
});
`;
    expect(at(text, { flowKey: 'gen-two' }, ['name'])).toBe('5:9');
    expect(at(text, { flowKey: 'gen-one' }, ['name'])).toBe('2:59');
  });

  it('tells two flows with the same key apart by their export', () => {
    expect(
      at(
        TWO_FLOWS_ONE_KEY,
        { exportName: 'four', flowKey: 'same' },
        ['steps', 0, 'config', 'userPromt'],
        { code: 'STEP_CONFIG_FIELD_TYPO' },
      ),
    ).toBe('10:48');
    expect(at(TWO_FLOWS_ONE_KEY, { exportName: 'three', flowKey: 'same' }, ['name'])).toBe('4:9');
  });

  it('points nowhere rather than at the wrong one of two flows sharing a key', () => {
    expect(at(TWO_FLOWS_ONE_KEY, { flowKey: 'same' }, ['name'])).toBe('-');
  });

  it('follows `export default name` and `export { local as name }` to the defineFlow call', () => {
    const text = `const both = defineFlow({
  key: 'both',
  name: 'Both',
});
export default both;
export { both as again };
`;
    expect(at(text, { exportName: 'default' }, ['name'])).toBe('3:9');
    expect(at(text, { exportName: 'again' }, ['name'])).toBe('3:9');
  });

  it('reads customStep(type, id, { config }) by position: type, id, then the config field', () => {
    const text = `export default defineFlow({
  key: 'k',
  steps: [
    customStep('promt', 'custom1', {
      name: 'Custom',
      config: { foo: '{{undefinedvar}}' },
    }),
  ],
});
`;
    expect(at(text, { flowKey: 'k' }, ['steps', 0, 'type'])).toBe('4:16');
    expect(at(text, { flowKey: 'k' }, ['steps', 0, 'id'])).toBe('4:25');
    expect(at(text, { flowKey: 'k' }, ['steps', 0, 'name'])).toBe('5:13');
    expect(at(text, { flowKey: 'k' }, ['steps', 0, 'config', 'foo'])).toBe('6:22');
  });

  it('reads helper steps: id is the first argument, type the helper, config fields beside step fields', () => {
    const text = `export default defineFlow({
  key: 'k',
  steps: [
    prompt('draft', {
      name: 'Draft',
      temperature: 'hot',
    }),
  ],
});
`;
    expect(at(text, { flowKey: 'k' }, ['steps', 0, 'id'])).toBe('4:12');
    expect(at(text, { flowKey: 'k' }, ['steps', 0, 'type'])).toBe('4:5');
    expect(at(text, { flowKey: 'k' }, ['steps', 0, 'config', 'temperature'])).toBe('6:20');
  });

  it('points at the {{variable}} a message names, and at the name of an unknown field', () => {
    const text = `export default defineFlow({
  key: 'k',
  steps: [
    prompt('p', {
      userPrompt: 'Write about {{topc}} now',
      userPrmpt: 'x',
    }),
  ],
});
`;
    expect(
      at(text, { flowKey: 'k' }, ['steps', 0, 'config', 'userPrompt'], {
        message: '{{topc}} is not defined',
      }),
    ).toBe('5:32');
    expect(
      at(text, { flowKey: 'k' }, ['steps', 0, 'config', 'userPrmpt'], {
        code: 'STEP_CONFIG_FIELD_TYPO',
      }),
    ).toBe('6:7');
    expect(
      at(text, { flowKey: 'k' }, ['steps', 0, 'config', 'userPrmpt'], {
        code: 'STEP_CONFIG_INVALID',
      }),
    ).toBe('6:18');
  });

  it('stops at what it is sure of: an array behind a spread, a property behind a spread, a factory call', () => {
    const text = `const common = [prompt('a', { name: 'A' })];
const base = { model: 'm' };
export const a = defineFlow({
  key: 'a',
  steps: [...common, prompt('b', { name: 'B' })],
  inputs: { ...base },
});
export const b = makeFlow('b');
`;
    expect(at(text, { exportName: 'a', flowKey: 'a' }, ['steps', 1, 'name'])).toBe('5:10');
    expect(at(text, { exportName: 'a', flowKey: 'a' }, ['inputs', 'model'])).toBe('6:11');
    expect(at(text, { exportName: 'b', flowKey: 'b' }, ['steps', 0])).toBe('8:18');
  });

  it('places a problem without a field at the defineFlow call', () => {
    const text = `import { defineFlow } from 'runtype-flows';
export default defineFlow({
  name: 'No Key',
});
`;
    expect(at(text, { exportName: 'default' }, ['key'])).toBe('2:16');
  });

  it('follows an identifier to a module-level constant (a shared config object)', () => {
    const text = `const config = {
  model: 'gpt-4',
  temperature: 'hot',
};
export default defineFlow({ key: 'k', steps: [{ id: 'a', type: 'prompt', config }] });
`;
    expect(at(text, { flowKey: 'k' }, ['steps', 0, 'config', 'temperature'])).toBe('3:16');
  });

  it('finds the config object behind export default defineConfig(...)', () => {
    const text = `import { defineConfig } from 'runtype-flows';
export default defineConfig({
  flows: ['flows/**/*.ts'],
  concurrency: 'four',
});
`;
    expect(at(text, { exportName: 'default' }, ['concurrency'])).toBe('4:16');
  });
});
