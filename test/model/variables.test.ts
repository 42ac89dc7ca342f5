import { describe, expect, it } from 'vitest';
import {
  conditional,
  parseFlow,
  sendEmail,
  setVariable,
  transformData,
} from '../../src/model/index.js';
import { aFlow, aPrompt, onlyDiagnostic, summarise } from './builders.js';

describe('template variables', () => {
  it('accepts inputs, earlier outputs, built-ins, secrets, paths, indexes, fallbacks and filters', () => {
    expect(
      summarise(
        aFlow({
          inputs: ['topic'],
          steps: [
            aPrompt(
              'a',
              '{{topic}} {{_record.metadata.plan}} {{_schedule.cron}} {{_agent.id}} {{_user.id}} {{secret:API_TOKEN}} {{secrets.user}} {{messages}} {{user_message}}',
              'draft',
            ),
            aPrompt(
              'b',
              '{{draft.title || "untitled"}} {{draft.x ?? topic}} {{ draft | upcase }} {{draft[0].name}} {{ "literal" }} {{ 3 }}',
            ),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('an unknown variable is an error at the field, suggesting the closest defined name', () => {
    const d = onlyDiagnostic(
      aFlow({ inputs: ['customer_name'], steps: [aPrompt('a', 'Hello {{custmer_name}}')] }),
    );
    expect(d).toMatchObject({
      severity: 'error',
      code: 'UNKNOWN_VARIABLE',
      path: ['steps', 0, 'config', 'userPrompt'],
      hint: 'did you mean {{customer_name}}?',
    });
  });

  it('with nothing close, the hint lists what is defined', () => {
    expect(
      onlyDiagnostic(aFlow({ inputs: ['a', 'b'], steps: [aPrompt('s', '{{zzz_unrelated}}')] }))
        .hint,
    ).toBe("defined here: a, b; or declare it in the flow's inputs");
  });

  it('checks fallbacks on both sides, strings in nested config, and when', () => {
    expect(
      summarise(
        aFlow({
          inputs: ['a'],
          steps: [
            {
              id: 'f',
              name: 'F',
              type: 'fetch-url',
              when: '{{nope1}} > 1',
              config: {
                http: {
                  url: 'https://x/{{a}}',
                  headers: { 'X-Id': '{{nope2}}' },
                  body: ['{{a ?? nope3}}'],
                },
              },
            },
          ],
        }),
      ),
    ).toEqual([
      'error UNKNOWN_VARIABLE steps[0].when',
      'error UNKNOWN_VARIABLE steps[0].config.http.headers.X-Id',
      'error UNKNOWN_VARIABLE steps[0].config.http.body[0]',
    ]);
  });

  it('a variable defined by a later step is used before it is defined', () => {
    const d = onlyDiagnostic(
      aFlow({
        inputs: ['topic'],
        steps: [
          aPrompt('polish', 'Polish {{draft}}'),
          aPrompt('draft', 'About {{topic}}', 'draft'),
        ],
      }),
    );
    expect(d).toMatchObject({
      code: 'VARIABLE_USED_BEFORE_DEFINED',
      path: ['steps', 0, 'config', 'userPrompt'],
    });
    expect(d.message).toBe(
      '{{draft}} is defined only by steps[1], which has not run at this point',
    );
  });

  it('set-variable defines its variableName', () => {
    expect(
      summarise(
        aFlow({
          steps: [
            setVariable('t', { name: 'T', variableName: 'tone', value: 'formal' }),
            aPrompt('p', '{{tone}}'),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('steps run by order: an explicit order decides what is defined', () => {
    const steps = [
      { ...aPrompt('late', '{{early}}'), order: 2 },
      { ...aPrompt('early', 'x', 'early'), order: 1 },
    ];
    expect(summarise(aFlow({ steps }))).toEqual([]);
  });
});

describe('conditional branches', () => {
  it('branch outputs are defined within their branch and for the steps after the conditional', () => {
    const flow = aFlow({
      inputs: ['msg'],
      steps: [
        conditional('c', {
          name: 'C',
          condition: '{{msg}} != ""',
          trueSteps: [aPrompt('t1', '{{msg}}', 'yes'), aPrompt('t2', '{{yes}}')],
          falseSteps: [
            sendEmail('f1', {
              name: 'F',
              from: 'a@x',
              to: 'b@x',
              subject: '{{msg}}',
              html: 'x',
              outputVariable: 'no',
            }),
          ],
        }),
        transformData('after', { name: 'After', script: 'return "{{yes}}{{no}}"' }),
      ],
    });
    expect(summarise(flow)).toEqual([]);
  });

  it('a branch does not see what the other branch defines', () => {
    const flow = aFlow({
      steps: [
        conditional('c', {
          name: 'C',
          condition: 'true',
          trueSteps: [aPrompt('t', 'x', 'yes')],
          falseSteps: [aPrompt('f', '{{yes}}')],
        }),
      ],
    });
    expect(summarise(flow)).toEqual([
      'error VARIABLE_USED_BEFORE_DEFINED steps[0].config.falseSteps[0].config.userPrompt',
    ]);
    expect(parseFlow(flow).diagnostics[0]?.hint).toContain('Only one branch of a conditional runs');
  });

  it('the condition itself is checked against what is defined before the conditional', () => {
    const flow = aFlow({
      steps: [
        conditional('c', {
          name: 'C',
          condition: '{{inside}} == 1',
          trueSteps: [aPrompt('t', 'x', 'inside')],
        }),
      ],
    });
    expect(summarise(flow)).toEqual([
      'error VARIABLE_USED_BEFORE_DEFINED steps[0].config.condition',
    ]);
  });

  it('liquid loop and assign variables are local to their template', () => {
    const template =
      '{% assign n = items | size %}{% for item in items %}{{ item.name }} {{ forloop.index }}/{{ n }}{% endfor %}';
    expect(
      summarise(
        aFlow({
          inputs: ['items'],
          steps: [{ id: 't', name: 'T', type: 'template', config: { template } }],
        }),
      ),
    ).toEqual([]);
  });
});

describe('built-ins', () => {
  it("the OpenAPI document's examples' system variables are known: _flow, _execution, _user, _record", () => {
    const text =
      '{{_flow.name}} {{_flow.id}} {{_execution.id}} {{_execution.timestamp}} {{_user.id}} {{_record.metadata.x}}';
    expect(summarise(aFlow({ steps: [aPrompt('a', text)] }))).toEqual([]);
    expect(onlyDiagnostic(aFlow({ steps: [aPrompt('a', '{{_exection.id}}')] })).hint).toBe(
      'did you mean {{_execution}}?',
    );
  });

  it('a typo of a system variable is an error with the suggestion', () => {
    expect(onlyDiagnostic(aFlow({ steps: [aPrompt('a', '{{_recrod.id}}')] }))).toMatchObject({
      code: 'UNKNOWN_VARIABLE',
      hint: 'did you mean {{_record}}?',
    });
  });

  it('an undocumented system variable is only a warning (the documented list is incomplete)', () => {
    const { flow, diagnostics } = parseFlow(aFlow({ steps: [aPrompt('a', '{{_workspace.id}}')] }));
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual([
      'warning UNKNOWN_SYSTEM_VARIABLE',
    ]);
    expect(flow).toBeDefined();
  });

  it('{{secrets:NAME}} is invalid and points at {{secret:NAME}}', () => {
    const d = onlyDiagnostic(aFlow({ steps: [aPrompt('a', '{{secrets:API_KEY}}')] }));
    expect(d).toMatchObject({ code: 'UNKNOWN_VARIABLE' });
    expect(d.hint).toContain('{{secret:API_KEY}}');
  });
});

describe('no cascades from other faults', () => {
  it('a misspelled outputVariable is reported once, not again at every use', () => {
    const flow = aFlow({
      steps: [
        {
          id: 'a',
          name: 'A',
          type: 'prompt',
          config: { model: 'm', userPrompt: 'x', outputVarible: 'draft' },
        },
        aPrompt('b', '{{draft}}'),
      ],
    });
    expect(summarise(flow)).toEqual(['error STEP_CONFIG_FIELD_TYPO steps[0].config.outputVarible']);
  });

  it('after a step whose config cannot be read, unknown names are not reported', () => {
    const flow = aFlow({
      steps: [
        {
          id: 'a',
          name: 'A',
          type: 'prompt',
          conifg: { model: 'm', userPrompt: 'x', outputVariable: 'draft' },
        },
        aPrompt('b', '{{draft}}'),
      ],
    });
    expect(summarise(flow)).toEqual(['error STEP_FIELD_UNKNOWN steps[0].conifg']);
  });

  it('inputs of the wrong type do not make every variable unknown', () => {
    expect(summarise(aFlow({ inputs: 'topic', steps: [aPrompt('a', '{{topic}}')] }))).toEqual([
      'error FLOW_INVALID inputs',
    ]);
  });
});
