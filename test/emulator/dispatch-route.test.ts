/**
 * POST /v1/dispatch on the emulator: virtual and existing flows, the refusals with their
 * details, the JSON answer, SSE headers, a client that goes away mid-run, faults and close.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckedEmulator } from '../contract/checked-emulator.js';
import { dispatch, virtual } from './dispatch-helpers.js';
import { createFlow, call, startEmulator } from './helpers.js';

let emu: CheckedEmulator;
beforeEach(async () => {
  emu = await startEmulator({
    now: () => 1_780_000_000_000,
    dispatchLimits: { transformTimeoutMs: 300 },
  });
});
afterEach(() => emu.close());

const prompt = (id: string, userPrompt: string) => ({
  id,
  name: id,
  type: 'prompt',
  config: { model: 'gpt-4', userPrompt, outputVariable: id },
});
const finalOutput = (events: { type: string }[]) =>
  (events.at(-1) as { finalOutput?: string }).finalOutput ?? '';

describe('POST /v1/dispatch', () => {
  it('streams a virtual run as SSE', async () => {
    const answer = await dispatch(
      emu,
      virtual([prompt('p', 'Hi {{name}}')], { inputs: { name: 'Ada' } }),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.events[0]).toMatchObject({ type: 'flow_start', flowName: 'Test flow', seq: 0 });
    expect(finalOutput(answer.events)).toMatch(/^\[mock:gpt-4\] [0-9a-f]{8} Hi Ada$/);
    expect(answer.events.map((e) => e.seq)).toEqual(answer.events.map((_e, i) => i));
  });

  it('runs a stored flow by id: its published version, else its draft', async () => {
    const flow = await createFlow(emu, { name: 'Stored', steps: [prompt('p', 'draft one')] });
    const existing = {
      flow: { id: flow.id },
      options: { flowMode: 'existing', recordMode: 'virtual' },
    };
    let answer = await dispatch(emu, existing);
    expect(answer.events[0]).toMatchObject({ flowId: flow.id, flowName: 'Stored' });
    expect(finalOutput(answer.events)).toMatch(/ draft one$/);
    await call(emu, 'POST', `/v1/flows/${flow.id}/publish`);
    await call(emu, 'PUT', `/v1/flows/${flow.id}`, {
      body: { flowSteps: [prompt('p', 'draft two')] },
    });
    answer = await dispatch(emu, existing);
    expect(finalOutput(answer.events)).toMatch(/ draft one$/);
    await call(emu, 'POST', `/v1/flows/${flow.id}/publish`);
    answer = await dispatch(emu, existing);
    expect(finalOutput(answer.events)).toMatch(/ draft two$/);
  });

  it('answers JSON when streamResponse is false', async () => {
    const body = virtual([prompt('p', 'Hi')]);
    (body.options as Record<string, unknown>).streamResponse = false;
    const answer = await dispatch(emu, body);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.json).toMatchObject({
      success: true,
      flowId: expect.stringMatching(/^flow_virtual_/),
      finalOutput: expect.stringMatching(/ Hi$/),
      totalTokensUsed: expect.any(Number),
    });
    expect(answer.json.events.at(-1).type).toBe('flow_complete');
  });

  it('takes outputs supplied per step id in the emulator-only emulator.stepOutputs', async () => {
    const fetch = { id: 'f', name: 'f', type: 'fetch-url', config: { outputVariable: 'page' } };
    const body = virtual([fetch, prompt('p', 'Title {{page.title}}')], {
      emulator: { stepOutputs: { f: { title: 'Supplied' } } },
    });
    const answer = await dispatch(emu, body);
    expect(finalOutput(answer.events)).toMatch(/ Title Supplied$/);
    const bad = await dispatch(emu, virtual([], { emulator: { stepOutputs: [] } }));
    expect(bad.json.details[0]).toMatchObject({
      path: 'emulator.stepOutputs',
      code: 'INVALID_TYPE',
    });
  });

  it('400 names every problem of the body with its path', async () => {
    const answer = await dispatch(emu, {
      flow: { name: '', steps: [{ name: 'x', type: 'nope' }, { type: 'prompt' }] },
      inputs: [],
      messages: [{ content: 'hi' }],
      options: { flowMode: 'sideways', streamResponse: 'yes' },
    });
    expect(answer.status).toBe(400);
    expect(
      answer.json.details.map((d: { path: string; code: string }) => `${d.path} ${d.code}`),
    ).toEqual([
      'options.flowMode INVALID_ENUM',
      'options.streamResponse INVALID_TYPE',
      'flow.name TOO_SHORT',
      'flow.steps.0.type INVALID_ENUM',
      'flow.steps.1.name MISSING_REQUIRED_FIELD',
      'inputs INVALID_TYPE',
      'messages.0.role MISSING_REQUIRED_FIELD',
    ]);
  });

  it('400 for branches nested deeper than 10 levels', async () => {
    let steps: unknown[] = [prompt('leaf', 'x')];
    for (let i = 0; i < 11; i++)
      steps = [
        { name: `c${i}`, type: 'conditional', config: { condition: 'true', trueSteps: steps } },
      ];
    const answer = await dispatch(emu, virtual(steps));
    expect(answer.status).toBe(400);
    expect(answer.json.details[0]).toMatchObject({ code: 'TOO_DEEP' });
  });

  it('404 for an unknown stored flow, 422 without a definition', async () => {
    const missing = await dispatch(emu, {
      flow: { id: 'nope' },
      options: { flowMode: 'existing' },
    });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      error: 'Flow nope not found',
      details: [{ code: 'FLOW_NOT_FOUND', path: 'flow.id', message: 'Flow nope not found' }],
    });
    const bare = await dispatch(emu, { flow: { name: 'x' }, options: { flowMode: 'virtual' } });
    expect(bare.status).toBe(422);
    expect(bare.json.details[0]).toMatchObject({
      code: 'FLOW_DEFINITION_REQUIRED',
      path: 'flow.steps',
    });
  });

  it.each([
    [{ flow: { name: 'x', steps: [] }, options: { flowMode: 'upsert' } }, 'options.flowMode'],
    [{ flow: { name: 'x', steps: [] }, options: { flowMode: 'create' } }, 'options.flowMode'],
    [{ flow: { name: 'x', steps: [] }, options: { recordMode: 'existing' } }, 'options.recordMode'],
    [{ agent: { agentId: 'a' } }, 'agent'],
  ])('501 for what it does not run: %j', async (body, path) => {
    const answer = await dispatch(emu, body);
    expect(answer.status).toBe(501);
    expect(answer.json.details[0]).toMatchObject({ code: 'NOT_EMULATED', path });
  });

  it.each(['/v1/dispatch/resume', '/v1/dispatch/continue', '/v1/dispatch/approve'])(
    '%s: 501 with the Error body; 401 without a key',
    async (path) => {
      const answer = await dispatch(emu, { executionId: 'exec_1' }, { path });
      expect(answer.status).toBe(501);
      expect(answer.json.error).toMatch(/^Not emulated: the emulator never pauses a run/);
      expect((await dispatch(emu, {}, { path, auth: null })).status).toBe(401);
    },
  );

  it('a client that goes away mid-run stops the run; the emulator keeps serving', async () => {
    const controller = new AbortController();
    const slow = {
      id: 's',
      name: 's',
      type: 'transform-data',
      config: { script: 'while (true) {}' },
    };
    setTimeout(() => controller.abort(), 100);
    await expect(dispatch(emu, virtual([slow]), { signal: controller.signal })).rejects.toThrow();
    const answer = await dispatch(emu, virtual([prompt('p', 'after')]));
    expect(finalOutput(answer.events)).toMatch(/ after$/);
  });

  it('faults apply (an injected 429), and close() ends a run under way', async () => {
    emu.setFaults({ rateLimitRate: 1, retryAfterSeconds: 0 });
    expect((await dispatch(emu, virtual([]))).status).toBe(429);
    emu.clearFaults();
    const slow = {
      id: 's',
      name: 's',
      type: 'transform-data',
      config: { script: 'await null; while (true) {}' },
    };
    const running = dispatch(emu, virtual([slow])).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await emu.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await running;
  });
});
