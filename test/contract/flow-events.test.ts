/**
 * The zod schemas of the flow events (src/emulator/execute/flow-events*.ts) are the document's
 * FlowSSEEvent members, field for field: same event types, same property names, same required
 * set. A new API version that adds a field or an event fails here.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { flowEventSchema, flowEventSchemas } from '../../src/emulator/execute/index.js';
import { FLOW_EVENT_TYPES, dispatchDocument } from './dispatch-openapi.js';

interface Member {
  properties: Record<string, unknown> & { type: { enum: string[] } };
  required?: string[];
}
const members = (dispatchDocument.components.schemas.DispatchSSEEvent.anyOf as Member[]).filter(
  (m) => FLOW_EVENT_TYPES.includes(m.properties.type.enum[0]!),
);

function shapeOf(schema: z.ZodObject): { fields: string[]; required: string[] } {
  const fields = Object.keys(schema.shape).sort();
  const required = fields.filter((key) => !schema.shape[key]!.safeParse(undefined).success);
  return { fields, required };
}

describe('flow event schemas', () => {
  it('cover exactly the document’s flow event types', () => {
    const ours = flowEventSchemas.map((s) => s.shape.type.value as string).sort();
    expect(ours).toEqual([...FLOW_EVENT_TYPES].sort());
  });

  it.each(members.map((m) => [m.properties.type.enum[0]!, m] as const))(
    '%s has the document’s fields and required set',
    (type, member) => {
      const schema = flowEventSchemas.find((s) => s.shape.type.value === type)!;
      expect(shapeOf(schema)).toEqual({
        fields: Object.keys(member.properties).sort(),
        required: [...(member.required ?? [])].sort(),
      });
    },
  );

  it('parse what a client may receive, keeping unknown fields', () => {
    const event = flowEventSchema.parse({
      type: 'step_complete',
      id: 's',
      output: 1,
      extra: true,
    });
    expect(event).toEqual({ type: 'step_complete', id: 's', output: 1, extra: true });
    expect(flowEventSchema.safeParse({ type: 'step_skip', id: 's' }).success).toBe(false);
  });
});
