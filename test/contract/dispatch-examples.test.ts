/**
 * The document's 25 dispatch request examples, sent to the emulator as they are: none is
 * refused as malformed. Virtual runs complete or stop at a step the emulator does not run
 * (`not_emulated`); a stored flow the emulator does not have is 404; modes that store a flow or
 * a record are 501 (dispatch/assumptions.ts, NOT_EMULATED_REQUESTS).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckedEmulator } from './checked-emulator.js';
import { dispatchDocument } from './dispatch-openapi.js';
import { dispatch } from '../emulator/dispatch-helpers.js';
import { startEmulator } from '../emulator/helpers.js';

const examples = Object.entries(
  dispatchDocument.paths['/v1/dispatch'].post.requestBody.content['application/json']
    .examples as Record<string, { value: { options?: Record<string, unknown> } }>,
);

let emu: CheckedEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

/** What the emulator answers an example, from its modes. */
function expected(options: Record<string, unknown> = {}): number {
  const stores = ['upsert', 'create'].includes(String(options.flowMode));
  const records = ['existing', 'create'].includes(String(options.recordMode));
  if (stores || records) return 501;
  return options.flowMode === 'existing' ? 404 : 200;
}

describe('the document’s request examples', () => {
  it('are 25', () => {
    expect(examples).toHaveLength(25);
  });

  it.each(examples)('%s', async (_name, example) => {
    const answer = await dispatch(emu, example.value);
    expect(answer.status, answer.text.slice(0, 300)).toBe(expected(example.value.options));
    if (answer.status !== 200) return;
    const last = answer.events.at(-1);
    const outcome =
      last?.type === 'flow_error' ? (last.error as { code: string }).code : last?.type;
    expect(outcome).toMatch(/^(flow_complete|not_emulated)$/);
  });
});
