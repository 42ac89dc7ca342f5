/**
 * A step's config with every `{{…}}` in its strings resolved (template.ts), deep, except the
 * top-level keys that hold something else: code, conditions, Liquid, nested steps.
 */
import { resolveTemplate } from './template.js';
import type { Lookup } from './template.js';

export interface ResolvedConfig {
  config: Record<string, unknown>;
  unresolved: string[];
}

export function resolveConfig(
  config: Record<string, unknown>,
  lookup: Lookup,
  keep: readonly string[] = [],
): ResolvedConfig {
  const unresolved: string[] = [];
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const resolved = resolveTemplate(value, lookup);
      unresolved.push(...resolved.unresolved);
      return resolved.text;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  const out = Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key, keep.includes(key) ? value : walk(value)]),
  );
  return { config: out, unresolved: [...new Set(unresolved)] };
}

/** `{ unresolvedVariables }` when there are any, for a step's result. */
export function unresolvedField(unresolved: readonly string[]): Record<string, unknown> {
  return unresolved.length === 0 ? {} : { unresolvedVariables: [...unresolved] };
}
