import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KNOWN_STEP_TYPES,
  parseFlow,
  templateRefs,
  type JsonValue,
} from '../../src/model/index.js';

/**
 * Every step config in the API document's examples must validate cleanly: no
 * error, and no config warning (the schemas know every field the document's
 * own examples use). Two sources:
 * - openapi/runtype-flows.openapi.json, the vendored flows subset, read here;
 * - test/fixtures/openapi-step-configs.json, the `{ type, config }` of every
 *   example step of an API type in the whole published document the subset
 *   was cut from (runtypelabs/persona, commit 9428d5b,
 *   packages/widget/openapi/runtype-public-openapi.snapshot.json), extracted with
 *   jq '[.. | objects | select(has("config") and (.type|type)=="string" and
 * (.config|type)=="object")
 *        | select(.type as $t | $types | index($t)) | {type, config}] | unique'.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

interface ExampleStep {
  type: string;
  config: { [key: string]: JsonValue };
}

function examples(): ExampleStep[] {
  const found: ExampleStep[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const { type, config } = value as { type?: unknown; config?: unknown };
    const isStep =
      typeof type === 'string' &&
      config !== null &&
      typeof config === 'object' &&
      !Array.isArray(config);
    if (isStep && (KNOWN_STEP_TYPES as readonly string[]).includes(type))
      found.push({ type, config } as ExampleStep);
    Object.values(value).forEach(visit);
  };
  visit(JSON.parse(readFileSync(path.join(ROOT, 'openapi/runtype-flows.openapi.json'), 'utf8')));
  const vendored = found.length;
  visit(
    JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/openapi-step-configs.json'), 'utf8')),
  );
  expect(vendored).toBeGreaterThanOrEqual(5);
  return found;
}

/**
 * The variables a config reads that no built-in provides: the example flow declares them as inputs.
 */
function freeVariables(config: JsonValue): string[] {
  const text = JSON.stringify(config).replaceAll('\\"', '"');
  return [...new Set(templateRefs(text).map((r) => r.root))].filter(
    (root) => !/^_|^secrets?[:.]/.test(root),
  );
}

describe("the API document's example step configs", () => {
  const all = examples();

  it('cover the step types the document shows', () => {
    expect(all).toHaveLength(57);
    const types = [
      'prompt',
      'transform-data',
      'api-call',
      'fetch-github',
      'fetch-url',
      'retrieve-record',
      'send-email',
    ];
    expect(new Set(all.map((e) => e.type))).toEqual(new Set([...types, 'set-variable']));
  });

  const cases = all.map((e, i) => [`${i} ${e.type}`, e] as const);
  it.each(cases)('%s validates with no error and no warning', (_name, e) => {
    const flow = {
      key: 'example',
      name: 'Example',
      inputs: freeVariables(e.config),
      steps: [{ name: 'Step', ...e }],
    };
    const { diagnostics } = parseFlow(flow, { file: 'example.ts' });
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`)).toEqual([]);
  });
});
