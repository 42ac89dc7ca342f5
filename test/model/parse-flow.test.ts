import { describe, expect, it } from 'vitest';
import { checkFlowSet, conditional, customStep, defineFlow, isFlowDefinition, parseFlow, prompt, sendEmail, transformData } from '../../src/model/index.js';

const p = (id: string, userPrompt: string, outputVariable?: string) => prompt(id, { name: id, model: 'gpt-4', userPrompt, ...(outputVariable ? { outputVariable } : {}) });
const codes = (value: unknown) => parseFlow(value).diagnostics.map((d) => `${d.severity}:${d.code}`);

describe('parseFlow normalisation', () => {
  it('fills defaults: order from position, enabled true, config {}, id from the name', () => {
    const { flow, diagnostics } = parseFlow(
      defineFlow({ key: 'k', name: 'N', inputs: ['x'], steps: [p('a', '{{x}}'), { name: 'Second Step!', type: 'transform-data', config: { script: 'return 1' } }] }),
    );
    expect(diagnostics).toEqual([]);
    expect(flow?.steps.map((s) => [s.id, s.order, s.enabled])).toEqual([
      ['a', 1, true],
      ['second-step', 2, true],
    ]);
  });

  it('keeps an explicit order and a when expression', () => {
    const { flow } = parseFlow({ key: 'k', name: 'N', steps: [{ id: 'a', name: 'A', type: 'transform-data', order: 5, when: 'false', config: { script: 'x' } }] });
    expect(flow?.steps[0]).toMatchObject({ order: 5, when: 'false' });
  });

  it('helpers and plain objects give the same normalised step', () => {
    const viaHelper = parseFlow({ key: 'k', name: 'N', steps: [prompt('a', { name: 'A', model: 'm', userPrompt: 'u' })] }).flow;
    const plain = parseFlow({ key: 'k', name: 'N', steps: [{ id: 'a', name: 'A', type: 'prompt', enabled: true, config: { userPrompt: 'u', model: 'm' } }] }).flow;
    expect(viaHelper).toEqual(plain);
  });

  it('recognises flows by brand and by shape', () => {
    expect(isFlowDefinition(defineFlow({ key: 'k', name: 'N', steps: [] }))).toBe(true);
    expect(isFlowDefinition({ key: 'k', name: 'N', steps: [] })).toBe(true);
    expect(isFlowDefinition({ BRAND_VOICE: 'x' })).toBe(false);
    expect(isFlowDefinition('flow')).toBe(false);
  });
});

describe('step types', () => {
  it('an unknown, non-typo type is a warning and the step is kept as written', () => {
    const { flow, diagnostics } = parseFlow({ key: 'k', name: 'N', steps: [customStep('brand-new-step', 'a', { name: 'A', config: { foo: 1 } })] });
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'STEP_TYPE_UNKNOWN']]);
    expect(flow?.steps[0]).toMatchObject({ type: 'brand-new-step', config: { foo: 1 } });
  });

  it('an unknown config field far from any known one is a warning, sent as written', () => {
    const { flow, diagnostics } = parseFlow({ key: 'k', name: 'N', steps: [{ id: 'a', name: 'A', type: 'prompt', config: { model: 'm', userPrompt: 'u', fallbackModel: 'x' } }] });
    expect(diagnostics.map((d) => d.code)).toEqual(['STEP_CONFIG_FIELD_UNKNOWN']);
    expect(flow?.steps[0]?.config.fallbackModel).toBe('x');
  });

  it('suggests the known type for separator and one-letter typos', () => {
    for (const typo of ['promt', 'transform_data', 'fetchurl', 'Prompt']) {
      const d = parseFlow({ key: 'k', name: 'N', steps: [{ id: 'a', name: 'A', type: typo, config: {} }] }).diagnostics[0];
      expect(d?.code, typo).toBe('STEP_TYPE_TYPO');
    }
  });
});

describe('template variables', () => {
  it('accepts inputs, earlier outputs, built-ins, secrets and fallbacks', () => {
    expect(
      codes({
        key: 'k',
        name: 'N',
        inputs: ['topic'],
        steps: [
          p('a', '{{topic}} {{_record.metadata.plan}} {{secret:API_TOKEN}} {{secrets.user}} {{messages}}', 'draft'),
          p('b', '{{draft.title || "untitled"}} {{draft.x ?? topic}} {{ draft | upcase }} {{draft[0].name}}'),
        ],
      }),
    ).toEqual([]);
  });

  it('outputs of conditional branches are defined for the steps after the conditional, and within their branch', () => {
    const flow = {
      key: 'k',
      name: 'N',
      inputs: ['msg'],
      steps: [
        conditional('c', {
          name: 'C',
          condition: '{{msg}} != ""',
          trueSteps: [p('t1', '{{msg}}', 'yes'), p('t2', '{{yes}}')],
          falseSteps: [sendEmail('f1', { name: 'F', from: 'a@x', to: 'b@x', subject: '{{msg}}', html: 'x', outputVariable: 'no' })],
        }),
        transformData('after', { name: 'After', script: 'return "{{yes}}{{no}}"' }),
      ],
    };
    expect(codes(flow)).toEqual([]);
  });

  it('a branch does not see the other branch as defined before it', () => {
    const flow = {
      key: 'k',
      name: 'N',
      steps: [conditional('c', { name: 'C', condition: 'true', trueSteps: [p('t', 'x', 'yes')], falseSteps: [p('f', '{{yes}}')] })],
    };
    expect(codes(flow)).toEqual(['error:VARIABLE_USED_BEFORE_DEFINED']);
  });

  it('liquid loop variables are local to their template', () => {
    const flow = { key: 'k', name: 'N', inputs: ['items'], steps: [{ id: 't', name: 'T', type: 'template', config: { template: '{% for item in items %}{{ item.name }}{% endfor %}' } }] };
    expect(codes(flow)).toEqual([]);
  });
});

describe('secrets', () => {
  const withKey = (allowSecrets?: string[]) => ({
    key: 'k',
    name: 'N',
    ...(allowSecrets ? { allowSecrets } : {}),
    steps: [{ id: 'a', name: 'A', type: 'fetch-url', config: { http: { url: 'https://x.example', headers: { 'X-Key': 'rt_live_abcdefgh12345678' } } } }],
  });

  it('a literal key is an error naming the field', () => {
    const d = parseFlow(withKey()).diagnostics;
    expect(d.map((x) => x.code)).toEqual(['SECRET_LITERAL']);
    expect(d[0]?.path).toEqual(['steps', 0, 'config', 'http', 'headers', 'X-Key']);
    expect(d[0]?.hint).toContain('{{secret:NAME}}');
  });

  it('allowSecrets suppresses a false positive by path or by value, for that flow only', () => {
    expect(parseFlow(withKey(['steps[0].config.http.headers.X-Key'])).diagnostics).toEqual([]);
    expect(parseFlow(withKey(['rt_live_abcdefgh12345678'])).diagnostics).toEqual([]);
  });

  it('a secret reference in a Bearer header is fine', () => {
    const flow = { key: 'k', name: 'N', steps: [{ id: 'a', name: 'A', type: 'fetch-url', config: { http: { url: 'https://x', headers: { Authorization: 'Bearer {{secret:TOKEN}}' } } } }] };
    expect(codes(flow)).toEqual([]);
  });
});

describe('checkFlowSet', () => {
  it('reports duplicate keys and names on both files', () => {
    const a = parseFlow({ key: 'same', name: 'A', steps: [p('s', 'x')] }).flow!;
    const b = parseFlow({ key: 'same', name: 'A', steps: [p('s', 'x')] }).flow!;
    const d = checkFlowSet([
      { flow: a, file: '/p/flows/a.ts' },
      { flow: b, file: '/p/flows/b.ts' },
    ]);
    expect(d.map((x) => [x.code, x.file])).toEqual([
      ['DUPLICATE_FLOW_KEY', '/p/flows/a.ts'],
      ['DUPLICATE_FLOW_KEY', '/p/flows/b.ts'],
      ['DUPLICATE_FLOW_NAME', '/p/flows/a.ts'],
      ['DUPLICATE_FLOW_NAME', '/p/flows/b.ts'],
    ]);
    expect(d[0]?.message).toContain('/p/flows/b.ts');
  });
});
