import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  ConditionalConfig,
  ConfigInput,
  EnvironmentInput,
  FlowInput,
  StepCommon,
  StepInput,
} from 'runtype-flows';
import type { StepConfigs } from '../../src/model/step-types.js';
import type { KnownStepType } from '../../src/model/step-configs.js';
import type { ConfigInputSchema, EnvironmentInputSchema } from '../../src/model/config.js';
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
    expectTypeOf<Omit<ConditionalConfig, 'trueSteps' | 'falseSteps'>>().toEqualTypeOf<
      Omit<ConditionalSchemaInput, 'trueSteps' | 'falseSteps'>
    >();
    expectTypeOf<keyof ConditionalConfig>().toEqualTypeOf<keyof ConditionalSchemaInput>();
    expectTypeOf<ConditionalConfig>().toExtend<ConditionalSchemaInput>();
  });

  it('readonly lists are accepted where the schema takes a list', () => {
    const inputs = ['customer_name'] as const;
    const flow: FlowInput = {
      key: 'k',
      name: 'N',
      inputs,
      allowSecrets: ['x'] as const,
      steps: [],
    };
    expectTypeOf(flow.inputs).toEqualTypeOf<readonly string[] | undefined>();
  });
});

/**
 * The documented, hand-written authoring types (the emitted .d.ts keeps their docs,
 * which `z.input<…>` loses) equal the schemas' input types, both ways.
 */
type SchemaConfig<T extends KnownStepType> = z.input<(typeof stepConfigSchemas)[T]>;
/** Step types whose written config type differs from its schema's input type. */
type ConfigMismatch = {
  [T in Exclude<KnownStepType, 'conditional'>]: [StepConfigs[T]] extends [SchemaConfig<T>]
    ? [SchemaConfig<T>] extends [StepConfigs[T]]
      ? keyof StepConfigs[T] extends keyof SchemaConfig<T>
        ? keyof SchemaConfig<T> extends keyof StepConfigs[T]
          ? never
          : T
        : T
      : T
    : T;
}[Exclude<KnownStepType, 'conditional'>];

describe('documented types equal the schemas', () => {
  it('every step config type is its schema input type', () => {
    expectTypeOf<ConfigMismatch>().toEqualTypeOf<never>();
    expectTypeOf<StepConfigs['prompt']>().toEqualTypeOf<SchemaConfig<'prompt'>>();
    expectTypeOf<StepConfigs['fetch-url']>().toEqualTypeOf<SchemaConfig<'fetch-url'>>();
    expectTypeOf<StepConfigs['recall-memory']>().toEqualTypeOf<SchemaConfig<'recall-memory'>>();
  });

  it('ConfigInput and EnvironmentInput are the config schemas', () => {
    expectTypeOf<ConfigInput>().toEqualTypeOf<z.input<typeof ConfigInputSchema>>();
    expectTypeOf<EnvironmentInput>().toEqualTypeOf<z.input<typeof EnvironmentInputSchema>>();
  });
});
