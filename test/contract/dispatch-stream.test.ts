/**
 * Every answer of the dispatch paths follows openapi/runtype-dispatch.openapi.json: each SSE
 * event the emulator emits validates (strictly: exactly the documented fields) against its
 * `DispatchSSEEvent` member, and every refusal has a documented (or listed) status and the
 * Error body. The checked emulator checks every answer; the test also fails if an event type
 * or status the emulator can produce was never seen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseInfo } from '../../src/emulator/index.js';
import { startEmulator } from '../emulator/helpers.js';
import { dispatch, virtual } from '../emulator/dispatch-helpers.js';
import type { CheckedEmulator } from './checked-emulator.js';
import { validateFlowEvent } from './dispatch-openapi.js';

const statuses = new Set<string>();
const types = new Set<string>();
const record = (info: ResponseInfo): void => {
  statuses.add(`${info.path} ${info.status}`);
  for (const item of info.items ?? []) types.add((item as { type: string }).type);
};

let emu: CheckedEmulator;
beforeAll(async () => {
  emu = await startEmulator({ onResponse: record, now: () => 1_780_000_000_000 });
});
afterAll(() => emu.close());

const prompt = (id: string, userPrompt: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  type: 'prompt',
  config: { model: 'gpt-4', userPrompt, outputVariable: id },
  ...extra,
});

describe('dispatch answers follow the document', () => {
  it('a virtual run: start, deltas, completes, a skip, a step error, flow_error', async () => {
    const answer = await dispatch(
      emu,
      virtual(
        [
          prompt('greet', 'Hello {{name}}'),
          prompt('skipped', 'x', { when: '{{name}} == "Bob"' }),
          { id: 'fetch', name: 'Fetch', type: 'fetch-url', config: { http: { url: 'x' } } },
        ],
        { inputs: { name: 'Ada' } },
      ),
    );
    expect(answer.status).toBe(200);
    expect(answer.events.map((e) => e.type)).toEqual([
      'flow_start',
      'step_start',
      'step_delta',
      'step_delta',
      'step_delta',
      'step_delta',
      'step_complete',
      'step_skip',
      'step_start',
      'step_error',
      'flow_error',
    ]);
    expect(emu.violations()).toEqual([]);
  });

  it('a run that completes: flow_complete', async () => {
    const answer = await dispatch(emu, virtual([prompt('only', 'Hi')]));
    expect(answer.events.at(-1)?.type).toBe('flow_complete');
  });

  it('refusals: 400, 401, 404, 422, 501', async () => {
    expect((await dispatch(emu, { flow: { name: 'x', steps: [{ type: 'nope' }] } })).status).toBe(
      400,
    );
    expect((await dispatch(emu, '{')).status).toBe(400);
    expect((await dispatch(emu, virtual([]), { auth: null })).status).toBe(401);
    const missing = { flow: { id: 'nope' }, options: { flowMode: 'existing' } };
    expect((await dispatch(emu, missing)).status).toBe(404);
    expect(
      (await dispatch(emu, { flow: { name: 'x' }, options: { flowMode: 'virtual' } })).status,
    ).toBe(422);
    const upsert = { flow: { name: 'x', steps: [] }, options: { flowMode: 'upsert' } };
    expect((await dispatch(emu, upsert)).status).toBe(501);
    for (const path of ['/v1/dispatch/resume', '/v1/dispatch/continue', '/v1/dispatch/approve'])
      expect((await dispatch(emu, { executionId: 'x' }, { path })).status).toBe(501);
  });

  it('saw every event type and status the emulator produces', () => {
    expect([...types].sort()).toEqual(
      [
        'flow_complete',
        'flow_error',
        'flow_start',
        'step_complete',
        'step_delta',
        'step_error',
        'step_skip',
        'step_start',
      ].sort(),
    );
    expect([...statuses].sort()).toEqual(
      [
        '/v1/dispatch 200',
        '/v1/dispatch 400',
        '/v1/dispatch 401',
        '/v1/dispatch 404',
        '/v1/dispatch 422',
        '/v1/dispatch 501',
        '/v1/dispatch/approve 501',
        '/v1/dispatch/continue 501',
        '/v1/dispatch/resume 501',
      ].sort(),
    );
  });
});

describe('validateFlowEvent (the checker itself)', () => {
  it('refuses an undocumented field when strict, an unknown type, an agent event', () => {
    const start = { type: 'flow_start', flowId: 'f', startedAt: 't' };
    expect(validateFlowEvent(start, { strict: true })).toEqual([]);
    expect(validateFlowEvent({ ...start, cost: 1 }, { strict: true })).toEqual([
      'flow_start event: (root) must NOT have unevaluated properties: cost',
    ]);
    expect(validateFlowEvent({ ...start, cost: 1 })).toEqual([]);
    expect(validateFlowEvent({ type: 'step_skip', id: 's' })).not.toEqual([]);
    expect(validateFlowEvent({ type: 'execution_start' })).toEqual([
      'event type "execution_start" is not in DispatchSSEEvent',
    ]);
    expect(validateFlowEvent({ type: 'agent_ping' })).toEqual([
      'event type "agent_ping" is not a flow event',
    ]);
  });
});
