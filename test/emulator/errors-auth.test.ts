import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { call, createFlow, parse, startEmulator, step, UNKNOWN_FLOW_ID } from './helpers.js';
import { errorSchema } from './schemas.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ bodyLimitBytes: 64 * 1024 });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.state.clear();
});

describe('auth', () => {
  const routes: [method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string][] = [
    ['GET', '/v1/flows'],
    ['POST', '/v1/flows'],
    ['GET', '/v1/flows/x'],
    ['PUT', '/v1/flows/x'],
    ['DELETE', '/v1/flows/x'],
    ['POST', '/v1/flows/x/publish'],
    ['GET', '/v1/flow-versions/x'],
    ['GET', '/v1/unknown'],
  ];

  it.each(routes)(
    '%s %s is 401 without a key, with a wrong key, or a non-Bearer scheme',
    async (method, path) => {
      for (const auth of [null, 'Bearer rt_test_wrong', `Basic ${emu.key}`, emu.key]) {
        const res = await call(emu, method, path, { auth, body: { name: 'x' } });
        expect({ auth, status: res.status }).toEqual({ auth, status: 401 });
        expect(parse(errorSchema, res.json).error).toMatch(/Authorization|API key/);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      }
      expect(emu.state.count()).toBe(0);
    },
  );

  it('accepts the scheme case-insensitively and a custom key', async () => {
    expect((await call(emu, 'GET', '/v1/flows', { auth: `bearer ${emu.key}` })).status).toBe(200);
    const other = await startEmulator({ key: 'rt_test_custom' });
    try {
      expect(other.key).toBe('rt_test_custom');
      expect((await call(other, 'GET', '/v1/flows')).status).toBe(200);
      expect(
        (await call(other, 'GET', '/v1/flows', { auth: 'Bearer rt_test_local_emulator' })).status,
      ).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('routing', () => {
  it('is 404 for unknown routes and 405 with Allow for a wrong method', async () => {
    for (const path of [
      '/v1/agents',
      '/v2/flows',
      '/',
      '/v1/flows/a/b/c',
      '/v1/flows/%E0%A4%A/publish',
    ]) {
      const res = await call(emu, 'GET', path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(parse(errorSchema, res.json).error).toContain('No route');
    }
    const res = await call(emu, 'PATCH', '/v1/flows/x');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, PUT, DELETE');
    expect(parse(errorSchema, res.json).error).toContain('not allowed');
    expect((await call(emu, 'GET', '/v1/flows/x/publish')).status).toBe(405);
  });

  it('tolerates a trailing slash', async () => {
    expect((await call(emu, 'GET', '/v1/flows/')).status).toBe(200);
  });
});

describe('bad bodies', () => {
  it('is 400 INVALID_JSON for malformed JSON, and nothing is created', async () => {
    for (const raw of ['{"name":', 'not json', '{"name":"x"}}']) {
      const res = await call(emu, 'POST', '/v1/flows', { raw });
      expect({ raw, status: res.status }).toEqual({ raw, status: 400 });
      expect(parse(errorSchema, res.json).details?.[0]?.code).toBe('INVALID_JSON');
    }
    expect(emu.state.count()).toBe(0);
  });

  it('checks the id before parsing: an unknown id with malformed JSON is 404, a known one 400', async () => {
    const unknown = UNKNOWN_FLOW_ID;
    for (const [method, path] of [
      ['PUT', `/v1/flows/${unknown}`],
      ['POST', `/v1/flows/${unknown}/publish`],
      ['POST', `/v1/flow-versions/${unknown}/publish`],
    ] as const) {
      const res = await call(emu, method, path, { raw: '{"name":' });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(parse(errorSchema, res.json).error).toContain(`${unknown} not found`);
    }
    const known = await createFlow(emu, { name: 'Known' });
    const res = await call(emu, 'PUT', `/v1/flows/${known.id}`, { raw: '{"name":' });
    expect(res.status).toBe(400);
    expect(res.json.details[0].code).toBe('INVALID_JSON');
    // Still 413 before 404: the body is read (and measured) first.
    const big = await call(emu, 'PUT', `/v1/flows/${unknown}`, {
      raw: JSON.stringify({ name: 'x'.repeat(70 * 1024) }),
    });
    expect(big.status).toBe(413);
  });

  it('is 413 for a body over the limit (with and without Content-Length known upfront)', async () => {
    const big = JSON.stringify({ name: 'big', description: 'x'.repeat(70 * 1024) });
    const res = await call(emu, 'POST', '/v1/flows', { raw: big });
    expect(res.status).toBe(413);
    expect(parse(errorSchema, res.json).error).toContain('exceeds');
    const chunks = Array.from({ length: 10 }, (_, i) => big.slice(i * 8000, (i + 1) * 8000)).concat(
      big.slice(80_000),
    );
    const chunked = await call(emu, 'POST', '/v1/flows', { raw: Readable.from(chunks) });
    expect(chunked.status).toBe(413);
    expect(emu.state.count()).toBe(0);
    // The connection is still usable afterwards.
    expect((await call(emu, 'GET', '/v1/flows')).status).toBe(200);
  });

  it('gives up reading a huge body (closes the connection) and stays healthy', async () => {
    const chunk = 'x'.repeat(1024 * 1024);
    const huge = Readable.from(Array.from({ length: 20 }, () => chunk));
    const outcome = await call(emu, 'POST', '/v1/flows', { raw: huge }).then(
      (r) => r.status,
      () => 'socket error',
    );
    expect([413, 'socket error']).toContain(outcome);
    expect(emu.state.count()).toBe(0);
    expect((await call(emu, 'GET', '/v1/flows')).status).toBe(200);
  });

  it('defaults the limit to 1 MiB', async () => {
    const defaults = await startEmulator();
    try {
      const ok = await call(defaults, 'POST', '/v1/flows', {
        body: { name: 'ok', description: 'x'.repeat(1000 * 1024) },
      });
      expect(ok.status).toBe(201);
      const tooBig = await call(defaults, 'POST', '/v1/flows', {
        body: { name: 'big', description: 'x'.repeat(1024 * 1024) },
      });
      expect(tooBig.status).toBe(413);
    } finally {
      await defaults.close();
    }
  });

  const invalid: [string, unknown, string, string][] = [
    ['a non-object body', [1, 2], '', 'INVALID_TYPE'],
    ['a missing name', { steps: [] }, 'name', 'MISSING_REQUIRED_FIELD'],
    ['an empty name', { name: '' }, 'name', 'TOO_SHORT'],
    ['a non-string name', { name: 42 }, 'name', 'INVALID_TYPE'],
    ['steps not an array', { name: 'x', steps: {} }, 'steps', 'INVALID_TYPE'],
    ['flowSteps not an array', { name: 'x', flowSteps: 'a' }, 'flowSteps', 'INVALID_TYPE'],
    [
      'a step that is not an object',
      { name: 'x', steps: [step('a'), 'b'] },
      'steps.1',
      'INVALID_TYPE',
    ],
    [
      'a step without type',
      { name: 'x', steps: [step('a'), step('b'), { name: 'c' }] },
      'steps.2.type',
      'MISSING_REQUIRED_FIELD',
    ],
    [
      'a step with an empty type',
      { name: 'x', flowSteps: [{ name: 'c', type: '' }] },
      'flowSteps.0.type',
      'INVALID_ENUM',
    ],
    [
      'a step with a non-string type',
      { name: 'x', steps: [{ name: 'c', type: 3 }] },
      'steps.0.type',
      'INVALID_TYPE',
    ],
    [
      'a step without name',
      { name: 'x', steps: [{ type: 'prompt' }] },
      'steps.0.name',
      'MISSING_REQUIRED_FIELD',
    ],
    [
      'a non-boolean enabled',
      { name: 'x', steps: [step('a', 'prompt', { enabled: 'yes' })] },
      'steps.0.enabled',
      'INVALID_TYPE',
    ],
    [
      'a non-number order',
      { name: 'x', steps: [step('a', 'prompt', { order: '1' })] },
      'steps.0.order',
      'INVALID_TYPE',
    ],
    [
      'a negative order',
      { name: 'x', steps: [step('a', 'prompt', { order: -1 })] },
      'steps.0.order',
      'TOO_SMALL',
    ],
    [
      'an empty step id',
      { name: 'x', steps: [step('a', 'prompt', { id: '' })] },
      'steps.0.id',
      'TOO_SHORT',
    ],
    [
      'a 129-char step id',
      { name: 'x', steps: [step('a', 'prompt', { id: 'a'.repeat(129) })] },
      'steps.0.id',
      'TOO_LONG',
    ],
    [
      'a 501-char when',
      { name: 'x', steps: [step('a', 'prompt', { when: 'w'.repeat(501) })] },
      'steps.0.when',
      'TOO_LONG',
    ],
    [
      'a when of 501 characters, 1002 UTF-16 units',
      { name: 'x', steps: [step('a', 'prompt', { when: '😀'.repeat(501) })] },
      'steps.0.when',
      'TOO_LONG',
    ],
    [
      'a bad step in the ignored alias',
      { name: 'x', steps: [{ name: 'b' }], flowSteps: [] },
      'steps.0.type',
      'MISSING_REQUIRED_FIELD',
    ],
  ];

  it.each(invalid)('POST with %s is 400 naming %s', async (_label, body, path, code) => {
    const res = await call(emu, 'POST', '/v1/flows', { body });
    expect(res.status).toBe(400);
    const error = parse(errorSchema, res.json);
    const detail = path === '' ? { code, message: error.details?.[0]?.message } : { code, path };
    expect(error.details).toHaveLength(1);
    expect(error.details?.[0]).toMatchObject(detail);
    expect(error.error).toContain(path === '' ? 'body' : path);
    expect(emu.state.count()).toBe(0);
  });

  it('counts string lengths in characters, as JSON Schema does: 500 emoji are a valid when', async () => {
    const when = '😀'.repeat(500); // 1,000 UTF-16 units
    const flow = await createFlow(emu, { name: 'Emoji', steps: [step('a', 'prompt', { when })] });
    const steps = await call(emu, 'GET', `/v1/flow-steps/flow/${flow.id}`);
    expect(steps.json.data[0].when).toBe(when);
  });

  it('takes any JSON value as a step config (the request schema leaves it untyped)', async () => {
    const configs = [[], 'text', 3, null, true];
    const steps = configs.map((config, i) => step(`s${i}`, 'prompt', { config }));
    const flow = await createFlow(emu, { name: 'Any config', steps });
    // Responses type `config` as an object: a flow response leaves the others out ...
    expect(flow.flowSteps.map((s) => 'config' in s)).toEqual([false, false, false, false, false]);
    // ... GET /v1/flow-steps (which requires one) answers {} ...
    const listed = await call(emu, 'GET', `/v1/flow-steps/flow/${flow.id}`);
    expect(listed.json.data.map((s: { config: unknown }) => s.config)).toEqual(
      configs.map(() => ({})),
    );
    // ... and the version holds them as sent.
    const versions = await call(emu, 'GET', `/v1/flow-versions/${flow.id}`);
    const version = await call(
      emu,
      'GET',
      `/v1/flow-versions/${flow.id}/${versions.json.versions[0].id}`,
    );
    expect(version.json.flowConfig.flowSteps.map((s: { config: unknown }) => s.config)).toEqual(
      configs,
    );
  });

  it('answers 400 "Invalid flow ID" for a malformed flow id where the document says so, 404 elsewhere', async () => {
    for (const [method, path] of [
      ['GET', '/v1/flows/nope'],
      ['PUT', '/v1/flows/nope'],
      ['DELETE', '/v1/flows/nope'],
      ['POST', '/v1/flows/nope/publish'],
      ['GET', '/v1/flow-steps/flow/nope'],
    ] as const) {
      const res = await call(emu, method, path, method === 'PUT' ? { body: {} } : {});
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 400 });
      expect(parse(errorSchema, res.json).error).toBe('Invalid flow ID');
    }
    // The versions routes document no such 400: a malformed id is an unknown one there.
    expect((await call(emu, 'GET', '/v1/flow-versions/nope')).status).toBe(404);
    // A well-formed unknown id is 404; so are ids made by earlier emulators (UUIDs) when unknown.
    expect((await call(emu, 'GET', `/v1/flows/${UNKNOWN_FLOW_ID}`)).status).toBe(404);
    const uuid = '00000000-0000-4000-8000-000000000000';
    expect((await call(emu, 'GET', `/v1/flows/${uuid}`)).status).toBe(404);
  });

  it('answers 501 with the Error body for the documented routes it does not implement', async () => {
    const flow = await createFlow(emu, { name: 'Routes' });
    for (const [method, path] of [
      ['GET', `/v1/flows/${flow.id}/export-runtime`],
      ['POST', `/v1/flows/${flow.id}/run-on-record-type`],
      ['GET', `/v1/flows/${flow.id}/step-results`],
    ] as const) {
      const res = await call(emu, method, path, method === 'POST' ? { body: {} } : {});
      expect({ path, status: res.status }).toEqual({ path, status: 501 });
      expect(parse(errorSchema, res.json).error).toMatch(/^Not implemented by the emulator/);
    }
  });

  it('PUT validates flowSteps the same way and leaves the flow unchanged', async () => {
    const created = await createFlow(emu, { name: 'Keep', steps: [step('a')] });
    const res = await call(emu, 'PUT', `/v1/flows/${created.id}`, {
      body: { flowSteps: [step('a'), { name: 'b' }] },
    });
    expect(res.status).toBe(400);
    expect(res.json.details).toEqual([
      { code: 'MISSING_REQUIRED_FIELD', path: 'flowSteps.1.type', message: expect.any(String) },
    ]);
    expect(emu.state.get(created.id)).toEqual(created);
  });

  it('ignores unknown top-level fields and drops unknown step fields', async () => {
    const flow = await createFlow(emu, {
      name: 'Extra',
      junk: true,
      steps: [step('a', 'prompt', { extra: 1 })],
    });
    expect(flow).not.toHaveProperty('junk');
    expect(flow.flowSteps[0]).not.toHaveProperty('extra');
    // `description` is taken (the seed example sends it) but never answered.
    const described = await createFlow(emu, {
      name: 'Described',
      description: 'write-only',
      junk: { a: 1 },
    });
    expect(described).not.toHaveProperty('description');
  });
});
