/** POST /v1/public/flows/validate and GET /v1/flow-steps/flow/{flowId}. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { call, createFlow, startEmulator, step, UNKNOWN_FLOW_ID } from './helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.state.clear();
});

const validate = (body: unknown, auth?: string | null) =>
  call(emu, 'POST', '/v1/public/flows/validate', { body, auth });

describe('POST /v1/public/flows/validate', () => {
  it('needs no key; a valid key says authenticated, a wrong one is treated as none', async () => {
    const flow = {
      name: 'Ok',
      flowSteps: [step('a', 'prompt', { config: { outputVariable: 'out' } })],
    };
    const anonymous = await validate(flow, null);
    expect(anonymous.status).toBe(200);
    expect(anonymous.json).toEqual({
      valid: true,
      errors: [],
      warnings: [],
      recommendations: [],
      context: { authenticated: false, accountChecksPerformed: false, accountChecksSkipped: false },
    });
    const authenticated = {
      authenticated: true,
      accountChecksPerformed: false,
      accountChecksSkipped: true,
    };
    expect((await validate(flow)).json.context).toEqual(authenticated);
    expect((await validate(flow, 'Bearer wrong')).json.context.authenticated).toBe(false);
    expect(emu.state.count()).toBe(0);
  });

  it('reports the create rules as errors, with step references, and writes nothing', async () => {
    const res = await validate({
      name: '',
      steps: [step('a'), { type: 'sendEmail', name: 'Mail', id: 'bad id' }],
    });
    expect(res.json.valid).toBe(false);
    const mail = { index: 1, name: 'Mail', type: 'sendEmail' };
    const message = expect.any(String) as unknown;
    expect(res.json.errors).toEqual([
      { code: 'TOO_SHORT', message, path: 'name' },
      { code: 'INVALID_ENUM', message, path: 'steps.1.type', step: mail },
      { code: 'INVALID_FORMAT', message, path: 'steps.1.id', step: mail },
    ]);
    expect(emu.state.count()).toBe(0);
  });

  it('adds guessed warnings and recommendations', async () => {
    const res = await validate({
      name: 'Advice',
      flowSteps: [step('a'), step('b', 'template', { enabled: false })],
    });
    expect(res.json.valid).toBe(true);
    expect(res.json.warnings).toEqual([
      expect.objectContaining({ code: 'STEP_DISABLED', path: 'flowSteps.1.enabled' }),
    ]);
    expect(res.json.recommendations).toEqual([
      expect.objectContaining({
        code: 'MISSING_OUTPUT_VARIABLE',
        step: { index: 0, name: 'a', type: 'prompt' },
      }),
    ]);
    const empty = await validate({ name: 'Empty' });
    expect(empty.json.warnings.map((w: { code: string }) => w.code)).toEqual(['EMPTY_FLOW']);
  });

  it('is 400 for a body that is not JSON, and a non-object is an invalid result', async () => {
    const res = await call(emu, 'POST', '/v1/public/flows/validate', { raw: 'nope', auth: null });
    expect(res.status).toBe(400);
    expect(res.json.details[0].code).toBe('INVALID_JSON');
    expect((await validate([1])).json).toMatchObject({
      valid: false,
      errors: [{ code: 'INVALID_TYPE' }],
    });
  });
});

describe('GET /v1/flow-steps/flow/{flowId}', () => {
  it('lists the steps by order with flowId, userId, null timestamps and `when`', async () => {
    const steps = [
      step('late', 'prompt', { order: 9, when: '{{go}}' }),
      step('early', 'prompt', { order: 2 }),
    ];
    const flow = await createFlow(emu, { name: 'Steps', steps });
    const extra = {
      flowId: flow.id,
      userId: 'user_local_emulator',
      createdAt: null,
      updatedAt: null,
    };
    const res = await call(emu, 'GET', `/v1/flow-steps/flow/${flow.id}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ flowId: flow.id, flowName: 'Steps' });
    expect(res.json.data).toEqual([
      { ...flow.flowSteps[1], ...extra },
      { ...flow.flowSteps[0], ...extra, when: '{{go}}' },
    ]);
    expect((await call(emu, 'GET', `/v1/flows/${flow.id}`)).json.flowSteps[0]).not.toHaveProperty(
      'when',
    );
    expect((await call(emu, 'GET', `/v1/flow-steps/flow/${UNKNOWN_FLOW_ID}`)).status).toBe(404);
  });
});
