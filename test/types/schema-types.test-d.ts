import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ConditionalConfig, FlowInput, StepCommon, StepInput } from 'runtype-flows';
import type { FlowInputSchema, stepConfigSchemas } from '../../src/model/index.js';
import type { StepCommonSchema, StepShapeSchema } from '../../src/model/step-schema.js';

/**
 * The authoring types are derived from the zod schemas that check flows at
 * run time. Where a type is narrower than its schema on purpose (steps, which
 * the schemas only check to be lists, are typed as steps), these tests pin
 * that this is the only difference, both ways, so the two cannot drift.
 */
type FlowSchemaInput = z.input<typeof FlowInputSchema>;
type ConditionalSchemaInput = z.input<(typeof stepConfigSchemas)['conditional']>;

describe('types derived from the schemas', () => {
  it('FlowInput is FlowInputSchema with steps typed as steps', () => {
    expectTypeOf<Omit<FlowInput, 'steps'>>().toEqualTypeOf<Omit<FlowSchemaInput, 'steps'>>();
    expectTypeOf<keyof FlowInput>().toEqualTypeOf<keyof FlowSchemaInput>();
    expectTypeOf<FlowInput['steps']>().toEqualTypeOf<readonly StepInput[]>();
    // What the type allows, the schema accepts.
    expectTypeOf<FlowInput>().toExtend<FlowSchemaInput>();
  });

  it('StepCommon is StepCommonSchema, and a step is exactly StepShapeSchema plus type', () => {
    expectTypeOf<StepCommon>().toEqualTypeOf<z.input<typeof StepCommonSchema>>();
    expectTypeOf<keyof StepInput>().toEqualTypeOf<keyof z.input<typeof StepShapeSchema> | 'type'>();
  });

  it('ConditionalConfig is the conditional schema with branches typed as steps', () => {
    expectTypeOf<Omit<ConditionalConfig, 'trueSteps' | 'falseSteps'>>().toEqualTypeOf<Omit<ConditionalSchemaInput, 'trueSteps' | 'falseSteps'>>();
    expectTypeOf<keyof ConditionalConfig>().toEqualTypeOf<keyof ConditionalSchemaInput>();
    expectTypeOf<ConditionalConfig>().toExtend<ConditionalSchemaInput>();
  });

  it('readonly lists are accepted where the schema takes a list', () => {
    const inputs = ['customer_name'] as const;
    const flow: FlowInput = { key: 'k', name: 'N', inputs, allowSecrets: ['x'] as const, steps: [] };
    expectTypeOf(flow.inputs).toEqualTypeOf<readonly string[] | undefined>();
  });
});
