/**
 * Template variables through a whole run: inputs, the record, `_flow`, `_execution`, earlier
 * outputs by `outputVariable` (dot paths into JSON outputs), messages; unresolved references
 * reported in `result.unresolvedVariables`.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NOW, completed, prompt, useRunner, userPromptOf } from './run.js';

const run = useRunner();

describe('template variables', () => {
  it('resolves inputs, the record and _flow / _execution / _user', async () => {
    const events = await run(
      [
        prompt(
          'p',
          '{{customer}} | {{_record.name}} {{_record.type}} {{_record.metadata.tier}} | ' +
            '{{_flow.name}} {{_flow.id}} | {{_execution.timestamp}} | {{_user.id}} | {{tier}}',
        ),
      ],
      {
        inputs: { customer: 'Acme' },
        record: { name: 'Rec', type: 'customer', metadata: { tier: 'gold' } },
      },
    );
    const flowId = `flow_virtual_${createHash('sha256').update('Test flow').digest('hex').slice(0, 16)}`;
    expect(userPromptOf(events, 'p')).toBe(
      `Acme | Rec customer gold | Test flow ${flowId} | ${new Date(NOW).toISOString()} | ` +
        'user_local_emulator | gold',
    );
    expect(events[0]).toMatchObject({ type: 'flow_start', flowId, input: { customer: 'Acme' } });
  });

  it('inputs win over record metadata of the same name; later outputs win over both', async () => {
    const events = await run(
      [
        prompt('first', '{{x}}'),
        { id: 'sv', name: 'sv', type: 'set-variable', config: { variableName: 'x', value: 'set' } },
        prompt('second', '{{x}}'),
      ],
      { inputs: { x: 'input' }, record: { metadata: { x: 'metadata' } } },
    );
    expect(userPromptOf(events, 'first')).toBe('input');
    expect(userPromptOf(events, 'second')).toBe('set');
  });

  it('reads earlier outputs by outputVariable, with dot paths into JSON outputs', async () => {
    const events = await run([
      prompt('analysis', 'Analyse', {
        responseFormat: 'json',
        responseSchema: {
          type: 'object',
          properties: { category: { enum: ['billing', 'other'] }, score: { type: 'number' } },
        },
      }),
      prompt('next', 'Category {{analysis.category}}, score {{analysis.score}}, all {{analysis}}'),
    ]);
    const analysis = completed(events, 'analysis').output as { score: number };
    expect(userPromptOf(events, 'next')).toBe(
      `Category billing, score ${analysis.score}, all ${JSON.stringify(analysis)}`,
    );
  });

  it('a step not run yet is undefined: reported, left as written', async () => {
    const events = await run([
      prompt('a', 'Uses {{b}} and {{b.x || "fallback"}}'),
      prompt('b', 'B'),
    ]);
    expect(userPromptOf(events, 'a')).toBe('Uses {{b}} and fallback');
    expect(completed(events, 'a').result).toMatchObject({ unresolvedVariables: ['b'] });
    expect(completed(events, 'b').result).not.toHaveProperty('unresolvedVariables');
  });

  it('messages: {{messages}}, {{user_message}}, and the last user message as the prompt', async () => {
    const messages = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'Charged twice?' }] },
    ];
    const events = await run(
      [
        { id: 'chat', name: 'chat', type: 'prompt', config: { model: 'm' } },
        prompt('echo', '{{user_message}} / {{messages.0.content}}'),
      ],
      { messages },
    );
    expect(userPromptOf(events, 'chat')).toBe('Charged twice?');
    expect(userPromptOf(events, 'echo')).toBe('Charged twice? / Be brief.');
  });
});
