import { describe, expect, it } from 'vitest';
import { createLiteralLocator, UNSURE } from '../../src/load/locate/literal-locator.js';
import { createSourceLocator } from '../../src/load/locate/source-locator.js';
import { flowSource } from '../helpers/project.js';

/**
 * The token locator must give ts-morph's answer whenever it gives one (else UNSURE, and the
 * caller asks ts-morph): checked side by side on plain and tricky sources, for many paths.
 */
type Anchor = { exportName?: string; flowKey?: string };
type Path = (string | number)[];
type About = { message?: string; code?: string };

const FILE = '/project/flows/a.ts';
const PATHS: [Path, About?][] = [
  [[]],
  [['key']],
  [['name']],
  [['inputs']],
  [['inputs', 0]],
  [['steps']],
  [['steps', 0]],
  [['steps', 0, 'id']],
  [['steps', 0, 'type']],
  [['steps', 0, 'name']],
  [['steps', 0, 'enabled']],
  [['steps', 0, 'config']],
  [['steps', 0, 'config', 'model']],
  [['steps', 0, 'config', 'model'], { code: 'STEP_CONFIG_FIELD_UNKNOWN' }],
  [['steps', 0, 'config', 'userPrompt'], { message: '{{topic}} is not defined' }],
  [['steps', 0, 'config', 'userPrompt'], { message: '{{drafft}} is not defined' }],
  [['steps', 0, 'config', 'userPrmpt'], { code: 'STEP_CONFIG_FIELD_TYPO' }],
  [['steps', 1, 'config', 'userPrompt'], { message: '{{draft}} is not defined' }],
  [['steps', 1, 'config', 'temperature']],
  [['steps', 2]],
  [['steps', 5, 'id']],
  [['description']],
];

const SOURCES: Record<string, [string, Anchor[]]> = {
  'the test helper flow': [flowSource('a', 'A'), [{ exportName: 'default', flowKey: 'a' }]],
  'two prompt steps, comments, a trailing comma': [
    `import { defineFlow, prompt } from 'runtype-flows';
// a flow
/* block */
export default defineFlow({
  key: 'a', // the key
  name: "A",
  inputs: ['topic'],
  steps: [
    prompt('draft', { name: 'Draft', model: 'gpt-4', userPrompt: 'Write about {{topic}}', outputVariable: 'draft' }),
    prompt('polish', {
      name: 'Polish',
      enabled: false,
      model: 'gpt-4',
      userPrompt: \`Polish: {{draft}}\`,
      temperature: 0.5,
    }),
  ],
});
`,
    [
      { exportName: 'default', flowKey: 'a' },
      { exportName: 'default' },
      { exportName: 'default', flowKey: 'other' },
    ],
  ],
  'named exports, one spread, a factory, a constant': [
    `const common = [prompt('a', { name: 'A' })];
const base = { model: 'm' };
export const a = defineFlow({
  key: 'a',
  steps: [...common, prompt('b', { name: 'B' })],
  inputs: { ...base },
});
export const b = defineFlow({ key: 'b', steps: [{ id: 's', type: 'prompt', config: base }] });
export const c = makeFlow('c');
`,
    [
      { exportName: 'a', flowKey: 'a' },
      { exportName: 'b', flowKey: 'b' },
      { exportName: 'c', flowKey: 'c' },
    ],
  ],
  'plain step objects, a quoted key, as const, customStep': [
    `export default defineFlow({
  key: 'k',
  'name': 'N' as const,
  steps: [
    { id: 's1', type: 'prompt', config: { model: 'm', 'userPrompt': 'x {{topic}}' } },
    customStep('promt', 'custom1', { name: 'Custom', config: { foo: 'y' } }),
    ({ id: 's3' }),
  ],
});
`,
    [{ exportName: 'default', flowKey: 'k' }],
  ],
  'CRLF line ends': [flowSource('a', 'A').replace(/\n/g, '\r\n'), [{ exportName: 'default' }]],
  'a regular expression (left to ts-morph)': [
    `export default defineFlow({ key: 'r', name: 'x'.replace(/a/g, 'b'), steps: [] });\n`,
    [{ exportName: 'default', flowKey: 'r' }],
  ],
};

describe('createLiteralLocator', () => {
  for (const [title, [text, anchors]] of Object.entries(SOURCES)) {
    it(`answers as ts-morph does, or UNSURE: ${title}`, () => {
      const literal = createLiteralLocator(text);
      const morph = createSourceLocator(FILE, text);
      let answered = 0;
      for (const anchor of anchors)
        for (const [path, about = {}] of PATHS) {
          const quick = literal.locate(anchor, path, about);
          if (quick === UNSURE) continue;
          answered += 1;
          const expected = morph.locate(anchor, path, about);
          expect({ anchor, path, about, at: quick }).toEqual({ anchor, path, about, at: expected });
        }
      // The regular expression sends the whole file to ts-morph; every other source has answers.
      expect(answered > 0).toBe(!title.includes('regular expression'));
    });
  }

  it('places the diagnostics of a plain flow file itself (no ts-morph)', () => {
    const literal = createLiteralLocator(
      SOURCES['two prompt steps, comments, a trailing comma']![0],
    );
    const anchor = { exportName: 'default', flowKey: 'a' };
    for (const [path, about] of PATHS) expect(literal.locate(anchor, path, about)).not.toBe(UNSURE);
  });
});
