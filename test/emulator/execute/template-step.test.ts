/** `template` steps: Liquid over the run's variables, partials only, bounded, pdf not emulated. */
import { describe, expect, it } from 'vitest';
import { completed, step, types, useRunner } from './run.js';

const run = useRunner({ transformTimeoutMs: 300 });
const template = (id: string, text: string, config: Record<string, unknown> = {}) =>
  step(id, 'template', { template: text, ...config });

describe('template step (Liquid)', () => {
  it('renders variables, filters, loops, conditionals; its output feeds later steps', async () => {
    const events = await run(
      [
        template(
          't',
          '{{ _record.name | upcase }}: {% for item in items %}{{ item.name }}{% unless forloop.last %}, {% endunless %}{% endfor %}' +
            '{% if total > 10 %} (big){% endif %} {{ extra }}',
          { inputs: { extra: '{{ who }}' }, outputFormat: 'markdown' },
        ),
        template('u', 'Got: {{ t }}'),
      ],
      {
        inputs: { items: [{ name: 'a' }, { name: 'b' }], total: 12, who: 'Ada' },
        record: { name: 'order' },
      },
    );
    expect(completed(events, 't')).toMatchObject({
      output: 'ORDER: a, b (big) Ada',
      result: { response: 'ORDER: a, b (big) Ada', outputFormat: 'markdown' },
    });
    expect(completed(events, 'u').output).toBe('Got: ORDER: a, b (big) Ada');
  });

  it('reports the variables it read that do not exist', async () => {
    const events = await run([template('t', 'Hi {{ name }} {{ ticket.category }}{{ known }}')], {
      inputs: { known: 1 },
    });
    expect(completed(events, 't')).toMatchObject({
      output: 'Hi  1',
      result: { unresolvedVariables: ['name', 'ticket.category'] },
    });
  });

  it('renders partials it is given, and reaches no file', async () => {
    const ok = await run([
      template('t', "{% render 'sig', who: 'Ada' %}", { partials: { sig: '-- {{ who }}' } }),
    ]);
    expect(completed(ok, 't').output).toBe('-- Ada');
    const file = await run([template('t', "{% include '/etc/hostname' %}")]);
    expect(types(file)).toBe('flow_start step_start:t step_error:t flow_error');
    expect(file.at(-1)).toMatchObject({ error: { code: 'step_failed' } });
  });

  it('stops a template that renders too long', async () => {
    const events = await run([template('t', '{% for i in (1..100000000) %}{{ i }}{% endfor %}')]);
    expect(types(events)).toBe('flow_start step_start:t step_error:t flow_error');
    expect(events.at(-1)).toMatchObject({
      error: { code: expect.stringMatching(/^(timeout|memory_limit)$/) },
    });
  });

  it('a Liquid syntax error fails the step; pdf output is not emulated', async () => {
    const broken = await run([template('t', '{% if %}')]);
    expect(broken.at(-1)).toMatchObject({ error: { code: 'step_failed', stepId: 't' } });
    const pdf = await run([template('t', 'x', { outputFormat: 'pdf' })]);
    expect(pdf.at(-1)).toMatchObject({ error: { code: 'not_emulated', stepType: 'template' } });
  });
});
