/**
 * The emulator's step-type list is the document's closed enum, in every request schema that has
 * one.
 */
import { describe, expect, it } from 'vitest';
import { STEP_TYPES } from '../../src/emulator/step-types.js';
import { schemaAt } from './openapi.js';

const BODY = 'requestBody/content/application~1json/schema/properties';
const TYPE = 'items/properties/type/enum';
const ENUMS = [
  `#/paths/~1v1~1flows/post/${BODY}/steps/${TYPE}`,
  `#/paths/~1v1~1flows/post/${BODY}/flowSteps/${TYPE}`,
  `#/paths/~1v1~1flows~1{id}/put/${BODY}/flowSteps/${TYPE}`,
];

describe('step types', () => {
  it.each(ENUMS)('equal the document enum at %s', (pointer) => {
    expect(schemaAt(pointer)).toEqual([...STEP_TYPES]);
  });

  it('are 29 distinct types', () => {
    expect(new Set(STEP_TYPES).size).toBe(29);
  });
});
