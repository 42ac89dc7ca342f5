/** The mock model, exactly as the README states it: text, digest, JSON, tokens, cost, streaming. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromSchema, mockModel } from '../../../src/emulator/execute/index.js';
import type { StepDeltaEvent } from '../../../src/emulator/execute/index.js';
import { completed, prompt, useRunner } from './run.js';

const run = useRunner();
const digest = (model: string, system: string, user: string) =>
  createHash('sha256').update(`${model}\n${system}\n${user}`).digest('hex').slice(0, 8);

describe('the mock model', () => {
  it('answers "[mock:<model>] <digest> <collapsed user prompt>" with tokens and cost', () => {
    const answer = mockModel({
      model: 'gpt-4',
      system: 'Sys',
      user: ' Hello\n\n  world ',
      json: false,
    });
    const d = digest('gpt-4', 'Sys', ' Hello\n\n  world ');
    expect(answer).toEqual({
      output: `[mock:gpt-4] ${d} Hello world`,
      text: `[mock:gpt-4] ${d} Hello world`,
      digest: d,
      inputTokens: 5, // ceil(19 / 4): "Sys" + " Hello\n\n  world "
      outputTokens: 9, // ceil(34 / 4)
      cost: (5 + 2 * 9) / 1_000_000,
      stopReason: 'end_turn',
    });
    expect(mockModel({ model: 'm', system: '', user: '', json: false }).text).toBe(
      `[mock:m] ${digest('m', '', '')}`,
    );
  });

  it('JSON mode: the schema filled in, else { model, digest, text }', () => {
    const d = digest('m', '', 'Give JSON');
    expect(mockModel({ model: 'm', system: '', user: 'Give JSON', json: true }).output).toEqual({
      model: 'm',
      digest: d,
      text: 'Give JSON',
    });
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string' },
        n: { type: 'integer' },
        ok: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string' } },
        kind: { enum: ['a', 'b'] },
        fixed: { const: 42 },
      },
    };
    const n = parseInt(d.slice(0, 4), 16) % 100;
    expect(fromSchema(schema, d, 'value', 0)).toEqual({
      title: `title ${d}`,
      n,
      ok: n % 2 === 0,
      tags: [`item ${d}`],
      kind: 'a',
      fixed: 42,
    });
  });

  it('maxTokens cuts a text answer (stopReason length)', () => {
    const answer = mockModel({
      model: 'm',
      system: '',
      user: 'x'.repeat(100),
      json: false,
      maxTokens: 5,
    });
    expect(answer.text).toHaveLength(20);
    expect(answer).toMatchObject({ outputTokens: 5, stopReason: 'length' });
  });

  it('in a run: streamed word by word, tokens and cost in the result, modelOverride', async () => {
    const events = await run([prompt('p', 'Say  hello to {{who}}', { systemPrompt: 'Be kind' })], {
      inputs: { who: 'Ada' },
      options: { modelOverride: 'gpt-5' },
    });
    const done = completed(events, 'p');
    const text = `[mock:gpt-5] ${digest('gpt-5', 'Be kind', 'Say  hello to Ada')} Say hello to Ada`;
    const deltas = events.filter((e): e is StepDeltaEvent => e.type === 'step_delta');
    expect(deltas.map((e) => e.text)).toEqual(text.split(/(?<= )/));
    expect(deltas.every((e) => e.id === 'p')).toBe(true);
    const input = Math.ceil('Be kindSay  hello to Ada'.length / 4);
    const output = Math.ceil(text.length / 4);
    expect(done).toMatchObject({
      output: text,
      tokensUsed: input + output,
      stopReason: 'end_turn',
      result: {
        response: text,
        model: 'gpt-5',
        prompt: { system: 'Be kind', user: 'Say  hello to Ada' },
        tokens: { input, output },
        cost: (input + 2 * output) / 1_000_000,
      },
    });
    expect(events.at(-1)).toMatchObject({
      type: 'flow_complete',
      finalOutput: text,
      totalTokensUsed: input + output,
    });
  });

  it('streamOutput: false sends no deltas; the same prompt always gives the same answer', async () => {
    const first = await run([prompt('p', 'Same', { streamOutput: false })]);
    expect(first.some((e) => e.type === 'step_delta')).toBe(false);
    const second = await run([prompt('p', 'Same', { streamOutput: false })]);
    expect(completed(second, 'p').output).toBe(completed(first, 'p').output);
  });
});
