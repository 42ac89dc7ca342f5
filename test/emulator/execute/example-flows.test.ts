/**
 * The repository's example flows (flows/*.ts) run on the executor as `sync` would send them:
 * each completes once its outside-world steps get supplied outputs, and without them stops at
 * the first such step with `not_emulated` — never a fake success.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DispatchStep } from '../../../src/emulator/execute/index.js';
import { parseFlow } from '../../../src/model/index.js';
import { toFlowPayload } from '../../../src/plan/payload.js';
import { types, useRunner } from './run.js';

const run = useRunner();
const FLOWS = new URL('../../../flows/', import.meta.url);
const files = readdirSync(FLOWS).filter((file) => file.endsWith('.ts'));
const RUN_HERE = new Set(['prompt', 'transform-data', 'template', 'conditional', 'set-variable']);

async function load(file: string) {
  const module = (await import(new URL(file, FLOWS).href)) as { default: unknown };
  const flow = parseFlow(module.default).flow!;
  const inputs = Object.fromEntries((flow.inputs ?? []).map((name) => [name, `sample ${name}`]));
  return { payload: toFlowPayload(flow), inputs };
}

/** Every step of a list and of its branches. */
function allSteps(steps: readonly DispatchStep[]): DispatchStep[] {
  return steps.flatMap((step) => [
    step,
    ...allSteps((step.config?.trueSteps ?? []) as DispatchStep[]),
    ...allSteps((step.config?.falseSteps ?? []) as DispatchStep[]),
  ]);
}

describe('the example flows', () => {
  it.each(files)('%s completes with the outside world supplied', async (file) => {
    const { payload, inputs } = await load(file);
    const steps = payload.steps;
    const outside = allSteps(steps).filter((s) => !RUN_HERE.has(s.type));
    const stepOutputs = Object.fromEntries(outside.map((s) => [s.id!, { supplied: s.id }]));
    const record = { name: 'Sample', type: 'sample', metadata: {} };
    const events = await run(steps, { inputs, record }, { stepOutputs });
    expect(events.at(-1), types(events)).toMatchObject({ type: 'flow_complete', success: true });
  });

  it.each(files)(
    '%s without supplied outputs: completes, or stops at not_emulated',
    async (file) => {
      const { payload, inputs } = await load(file);
      const events = await run(payload.steps, { inputs });
      const last = events.at(-1);
      const outcome =
        last?.type === 'flow_error' ? (last.error as { code: string }).code : last?.type;
      expect(outcome, types(events)).toMatch(/^(flow_complete|not_emulated)$/);
    },
  );
});
