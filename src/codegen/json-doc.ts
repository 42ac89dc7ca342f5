import type { JsonValue } from '../model/index.js';
import { text, type Doc } from './layout.js';
import { propertyKey, stringLiteral } from './string-literal.js';

/** A JSON value as source: string literals as people write them, keys bare where they can be. */
export function jsonDoc(value: JsonValue): Doc {
  if (typeof value === 'string') return text(stringLiteral(value));
  if (typeof value === 'number') return text(Object.is(value, -0) ? '0' : String(value));
  if (typeof value === 'boolean' || value === null) return text(String(value));
  if (Array.isArray(value)) return { kind: 'array', items: value.map(jsonDoc) };
  return objectDoc(Object.entries(value).map(([key, v]) => [key, jsonDoc(v)] as const));
}

/** An object literal from entries whose values are already source. */
export function objectDoc(entries: readonly (readonly [string, Doc])[]): Doc {
  return {
    kind: 'object',
    entries: entries.map(([key, value]) => [propertyKey(key), value] as const),
  };
}
