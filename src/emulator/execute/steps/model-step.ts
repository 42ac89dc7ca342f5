/**
 * Model steps (`prompt`, `execute-agent`) answered by the mock model (../mock-model.ts), their
 * text streamed one word at a time (one `step_delta` per word with the whitespace after it)
 * unless `streamOutput` is false. `generate-embedding` gets a mock vector.
 */
import { createHash } from 'node:crypto';
import { mockCost, mockModel, tokens } from '../mock-model.js';
import type { ModelCall } from '../mock-model.js';
import { resolveConfig, unresolvedField } from '../resolve-config.js';
import type { RunContext, StepRun } from '../run-context.js';
import type { RunStep } from '../run-flow-input.js';
import { renderValue } from '../template.js';
import { KEEP_UNRESOLVED } from './keep-keys.js';
import { messageText } from '../variables.js';

/** The step types the mock model answers. */
export const MODEL_STEP_TYPES: ReadonlySet<string> = new Set(['prompt', 'execute-agent']);

export function* runModelStep(step: RunStep, ctx: RunContext): StepRun {
  const keep = KEEP_UNRESOLVED[step.type] ?? [];
  const { config, unresolved } = resolveConfig(step.config, ctx.variables.lookup, keep);
  const call = modelCall(step.type, config, ctx);
  const answer = mockModel(call);
  if (config.streamOutput !== false) yield* words(answer.text);
  return {
    output: answer.output,
    tokensUsed: answer.inputTokens + answer.outputTokens,
    stopReason: answer.stopReason,
    result: {
      response: answer.output,
      model: call.model,
      prompt: { system: call.system, user: call.user },
      tokens: { input: answer.inputTokens, output: answer.outputTokens },
      cost: answer.cost,
      ...unresolvedField(unresolved),
    },
  };
}

/**
 * generate-embedding: 8 numbers in [-1, 1] (4 decimals) from sha256 of the text — the same
 * text, the same vector. Input tokens as the mock model counts them, no output tokens.
 */
export function* runEmbeddingStep(step: RunStep, ctx: RunContext): StepRun {
  const { config, unresolved } = resolveConfig(step.config, ctx.variables.lookup);
  const text = renderValue(config.text ?? config.input ?? '');
  const bytes = createHash('sha256').update(text).digest();
  const vector = Array.from(bytes.subarray(0, 8), (b) => Math.round((b / 127.5 - 1) * 1e4) / 1e4);
  const input = tokens(text);
  return {
    output: vector,
    tokensUsed: input,
    result: {
      response: vector,
      model: typeof config.embeddingModel === 'string' ? config.embeddingModel : 'default',
      tokens: { input, output: 0 },
      cost: mockCost(input, 0),
      ...unresolvedField(unresolved),
    },
  };
}

/** What the mock model is asked, from a resolved config. */
export function modelCall(
  type: string,
  config: Record<string, unknown>,
  ctx: RunContext,
): ModelCall {
  const lastUser = ctx.variables.lookup('user_message');
  const fallback = lastUser.found ? messageText(lastUser.value) : '';
  const text = (value: unknown): string | undefined =>
    value === undefined ? undefined : renderValue(value);
  if (type === 'execute-agent') {
    const agent = text(config.agentId) ?? 'unknown';
    return {
      model: ctx.input.modelOverride ?? `agent:${agent}`,
      system: '',
      user: text(config.message) ?? fallback,
      json: false,
    };
  }
  const call: ModelCall = {
    model: ctx.input.modelOverride ?? text(config.model) ?? 'default',
    system: text(config.systemPrompt) ?? '',
    user: text(config.userPrompt) ?? text(config.text) ?? fallback,
    json: typeof config.responseFormat === 'string' && /^json$/i.test(config.responseFormat),
  };
  const schema = config.responseSchema ?? config.jsonSchema ?? config.outputSchema;
  if (schema !== undefined) call.schema = schema;
  if (typeof config.maxTokens === 'number') call.maxTokens = config.maxTokens;
  return call;
}

/** Text in streamed pieces: each word with the whitespace after it. */
export function* words(text: string): Generator<string> {
  for (const match of text.matchAll(/\s*\S+\s*/g)) yield match[0];
}
