import { isKnownStepType, stepConfigSchemas, type JsonValue } from '../model/index.js';
import * as stepHelpers from '../model/step-helpers.js';
import { canonicalJson } from '../plan/index.js';

/**
 * The typed helper that can write a step of this type with this config, if
 * any. A helper's options are typed by the type's config schema, so a config
 * holding a field the schema does not know, or a value of another type, would
 * not compile there: such a step is written with `customStep` (open config).
 * Zod drops unknown keys when it parses, so "parses to the same value" is
 * "every field known, every value of its type", at every depth.
 */
export function helperFor(type: string, config: { [key: string]: JsonValue }): string | undefined {
  if (!isKnownStepType(type)) return undefined;
  const name = type.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  if (!Object.hasOwn(stepHelpers, name)) return undefined;
  // A helper lifts these out of its options: as config fields they would move to the step.
  if (Object.keys(config).some((key) => STEP_LEVEL.has(key))) return undefined;
  const parsed = stepConfigSchemas[type].safeParse(config);
  return parsed.success && canonicalJson(parsed.data) === canonicalJson(config) ? name : undefined;
}

// --- internal ---

const STEP_LEVEL = new Set(['id', 'name', 'enabled', 'order', 'when']);
