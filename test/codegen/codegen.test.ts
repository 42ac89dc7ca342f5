import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  editFlowFile,
  flowKeyOf,
  moduleSource,
  toWrittenFlow,
  uniqueName,
} from '../../src/codegen/index.js';
import { stringLiteral } from '../../src/codegen/string-literal.js';
import { parseFlow } from '../../src/model/index.js';
import { readRemoteFlow } from '../../src/plan/index.js';

const evaluate = (source: string): unknown => runInNewContext(`(${source})`);

describe('string literals', () => {
  it.each([
    ['plain'],
    ["it's"],
    ['both \' and "'],
    ['back\\slash'],
    ['multi\nline with `ticks` and ${dollar} and \\ and \r\n crlf'],
    ['tab\tand nul \u0000 and \u2028 separator'],
    ['unicode: Grüße — ☕ 🚀 日本'],
    ['ends with backslash\\'],
    ['`${x}`\n$'],
  ])('%j reads back as the same string', (text) => {
    expect(evaluate(stringLiteral(text))).toBe(text);
  });

  it('keeps unicode as it is and uses a template literal for multi-line text', () => {
    expect(stringLiteral('Grüße ☕')).toBe("'Grüße ☕'");
    expect(stringLiteral('a\nb')).toBe('`a\nb`');
    expect(stringLiteral("it's")).toBe(`"it's"`);
  });
});

describe('flow keys', () => {
  it('slugs the name, drops accents, falls back to a stable hash', () => {
    expect(flowKeyOf('Customer Outreach Flow')).toBe('customer-outreach-flow');
    expect(flowKeyOf('Café Überblick')).toBe('cafe-uberblick');
    expect(flowKeyOf('日本語')).toMatch(/^flow-[0-9a-f]{8}$/);
    expect(flowKeyOf('日本語')).toBe(flowKeyOf('日本語'));
    expect(uniqueName('a', (c) => c === 'a' || c === 'a-2')).toBe('a-3');
  });
});

describe('generated modules', () => {
  it('round-trip order and enabled exactly, writing only what differs from the defaults', () => {
    const remote = readRemoteFlow(
      {
        name: 'Ordered',
        flowSteps: [
          {
            id: 'b',
            name: 'B',
            type: 'template',
            order: 5,
            enabled: false,
            config: { template: 'x' },
          },
          {
            id: 'a',
            name: null,
            type: 'template',
            order: 1,
            enabled: true,
            config: { template: 'y' },
          },
        ],
      },
      [{ id: 'a', when: '{{go}}' }, { id: 'b' }],
    );
    const { flow, notes } = toWrittenFlow(remote, 'ordered');
    const text = moduleSource(flow);
    expect(text).toContain("template('a', { name: 'a', when: '{{go}}', template: 'y' }),");
    expect(text).toContain(
      "template('b', { name: 'B', enabled: false, order: 5, template: 'x' }),",
    );
    expect(notes).toEqual([
      { path: 'steps[0]', message: 'the response left out name: the step id as its name' },
    ]);
    expect(flow.inputs).toEqual(['go']);
  });
});

describe('editing a module', () => {
  it('reports a step list built with a spread as computed, and leaves the text alone', () => {
    const text =
      "import { defineFlow, prompt } from 'runtype-flows';\nimport { common } from './common.js';\n\nexport default defineFlow({\n  key: 'k',\n  name: 'K',\n  steps: [...common, prompt('p', { name: 'P', text: 'old' })],\n});\n";
    const code = parseFlow({
      key: 'k',
      name: 'K',
      steps: [
        { id: 'c', name: 'C', type: 'template', config: {} },
        { id: 'p', name: 'P', type: 'prompt', config: { text: 'old' } },
      ],
    }).flow!;
    const remote = readRemoteFlow(
      {
        name: 'K',
        flowSteps: [
          { id: 'c', name: 'C', type: 'template', order: 1, enabled: true, config: {} },
          { id: 'p', name: 'P', type: 'prompt', order: 2, enabled: true, config: { text: 'new' } },
        ],
      },
      [],
    );
    const { flow } = toWrittenFlow(remote, 'k');
    const steps = parseFlow({
      key: 'k',
      name: 'K',
      steps: flow.steps.map((s) =>
        'raw' in s ? s.raw : { id: s.id, type: s.type, ...s.common, config: s.config },
      ),
    }).flow!.steps;
    const edit = editFlowFile({ name: 'k.ts', text }, code, { written: flow, steps }, false);
    expect(edit.computed).toEqual([{ path: 'steps', line: 7 }]);
    expect(edit.text).toBe(text);
  });
});
