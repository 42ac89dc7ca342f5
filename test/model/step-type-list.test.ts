import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_STEP_TYPES, stepConfigSchemas } from '../../src/model/index.js';
import * as helpers from '../../src/model/step-helpers.js';

/** The vendored OpenAPI document (openapi/README.md): the contract the model's list must equal. */
const DOCUMENT = path.resolve(import.meta.dirname, '../../openapi/runtype-flows.openapi.json');

interface StepSchema {
  properties: { type: { enum: string[] } };
}

/** The `type` enum of every request step schema: POST steps and flowSteps, PUT flowSteps. */
function documentStepTypeEnums(): string[][] {
  type Body = { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
  const doc = JSON.parse(readFileSync(DOCUMENT, 'utf8')) as {
    paths: Record<string, Record<string, { requestBody?: Body }>>;
  };
  const post =
    doc.paths['/v1/flows']?.post?.requestBody?.content['application/json']?.schema.properties;
  const put =
    doc.paths['/v1/flows/{id}']?.put?.requestBody?.content['application/json']?.schema.properties;
  const lists = [post?.steps, post?.flowSteps, put?.flowSteps] as (
    { items: StepSchema } | undefined
  )[];
  return lists.map((list) => list?.items.properties.type.enum ?? []);
}

describe("the API's closed list of step types", () => {
  it("equals the OpenAPI document's step type enum, in its order, in every request schema", () => {
    const enums = documentStepTypeEnums();
    expect(enums).toHaveLength(3);
    for (const list of enums) expect([...KNOWN_STEP_TYPES]).toEqual(list);
    expect(KNOWN_STEP_TYPES).toHaveLength(29);
  });

  it('has one config schema per type, and no other', () => {
    expect(Object.keys(stepConfigSchemas).sort()).toEqual([...KNOWN_STEP_TYPES].sort());
  });

  it('has a helper per type, and no returnStep', () => {
    const { customStep: _custom, ...typed } = helpers;
    type Helper = (id: string, options: object) => { type: string };
    const made = Object.values(typed).map((helper) => (helper as Helper)('x', {}).type);
    expect(made.sort()).toEqual([...KNOWN_STEP_TYPES].sort());
    expect(Object.keys(helpers)).not.toContain('returnStep');
  });
});
