/**
 * The deterministic mock model that answers every model step offline. Its behaviour is part of
 * the contract (the README states it; tests rely on it), so it is exact:
 *
 *   digest = first 8 hex of sha256(model + "\n" + system + "\n" + user)
 *   text   = "[mock:<model>] <digest> <user, whitespace runs collapsed to one space, trimmed>"
 *            (without the trailing space and user part when the user prompt is empty)
 *   json   = the step's JSON schema filled in (see `fromSchema`), else
 *            { "model": <model>, "digest": <digest>, "text": <collapsed user> }
 *   tokens = ceil(characters / 4): input over system + user, output over the answer's text
 *            (JSON.stringify of a JSON answer)
 *   cost   = (input tokens × 1 + output tokens × 2) / 1,000,000 USD, whatever the model
 *
 * `maxTokens` cuts a text answer to maxTokens × 4 characters (stopReason "length"); a JSON
 * answer is never cut. The model never calls tools.
 */
import { createHash } from 'node:crypto';

export interface ModelCall {
  model: string;
  system: string;
  user: string;
  json: boolean;
  /** A JSON schema the answer must follow (JSON mode only). */
  schema?: unknown;
  maxTokens?: number;
}

export interface ModelAnswer {
  /** The step's output: the text, or the JSON value. */
  output: unknown;
  /** The answer as streamed. */
  text: string;
  digest: string;
  inputTokens: number;
  outputTokens: number;
  cost: number;
  stopReason: 'end_turn' | 'length';
}

export function mockModel(call: ModelCall): ModelAnswer {
  const digest = sha256(`${call.model}\n${call.system}\n${call.user}`).slice(0, 8);
  const user = collapse(call.user);
  const inputTokens = tokens(call.system + call.user);
  if (call.json) {
    const output =
      call.schema === undefined
        ? { model: call.model, digest, text: user }
        : fromSchema(call.schema, digest, 'value', 0);
    const text = JSON.stringify(output);
    return answer(output, text, digest, inputTokens, 'end_turn');
  }
  let text = `[mock:${call.model}] ${digest}${user === '' ? '' : ` ${user}`}`;
  let stopReason: ModelAnswer['stopReason'] = 'end_turn';
  if (call.maxTokens !== undefined && tokens(text) > call.maxTokens) {
    text = text.slice(0, Math.max(0, call.maxTokens * 4));
    stopReason = 'length';
  }
  return answer(text, text, digest, inputTokens, stopReason);
}

/** The mock tokenizer: one token per 4 UTF-16 code units, rounded up. */
export function tokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** USD for a call: $1 per million input tokens, $2 per million output tokens. */
export function mockCost(inputTokens: number, outputTokens: number): number {
  return (inputTokens + 2 * outputTokens) / 1_000_000;
}

/**
 * A value following a JSON schema: `const`, else the first `enum` value, else by `type`:
 * string → "<name> <digest>" (name = the property's name, "value" at the root, "item" in an
 * array), integer/number → the digest's first 4 hex as a number mod 100, boolean → whether
 * that number is even, null → null, array → one item, object → every property listed in
 * `properties`. No type (or a union) takes the first type listed, else a string. Nesting past
 * 8 levels is null.
 */
export function fromSchema(schema: unknown, digest: string, name: string, depth: number): unknown {
  if (typeof schema !== 'object' || schema === null || depth > 8) return null;
  const s = schema as Record<string, unknown>;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  const type = Array.isArray(s.type) ? (s.type[0] as unknown) : s.type;
  const number = parseInt(digest.slice(0, 4), 16) % 100;
  switch (type) {
    case 'integer':
    case 'number':
      return number;
    case 'boolean':
      return number % 2 === 0;
    case 'null':
      return null;
    case 'array':
      return [fromSchema(s.items, digest, 'item', depth + 1)];
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(properties).map(([key, sub]) => [
          key,
          fromSchema(sub, digest, key, depth + 1),
        ]),
      );
    }
    default:
      return typeof s.properties === 'object'
        ? fromSchema({ ...s, type: 'object' }, digest, name, depth)
        : `${name} ${digest}`;
  }
}

// --- internal ---

function answer(
  output: unknown,
  text: string,
  digest: string,
  inputTokens: number,
  stopReason: ModelAnswer['stopReason'],
): ModelAnswer {
  const outputTokens = tokens(text);
  const cost = mockCost(inputTokens, outputTokens);
  return { output, text, digest, inputTokens, outputTokens, cost, stopReason };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
