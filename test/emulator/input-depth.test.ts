/**
 * A config nested thousands deep is a few KB of JSON but overflows every recursive
 * serialiser: it must be refused with a 400 naming the field BEFORE it is stored (it used to
 * be stored, then answered 500, then crash the state writer).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CONFIG_DEPTH } from '../../src/emulator/assumptions.js';
import { call, parse, startEmulator, useTempDir } from './helpers.js';
import { errorSchema } from './schemas.js';

/** `levels` objects nested inside each other, as raw JSON text: {"a":{"a":...1}}. */
const nested = (levels: number): string => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

const tempDir = useTempDir('rt-emu-deep-');

describe('nesting depth', () => {
  it('refuses a 5,000-level config with 400 naming the field; nothing is stored or saved', async () => {
    const statePath = join(tempDir(), 'state.json');
    const errors: unknown[] = [];
    const emu = await startEmulator({
      statePath,
      persistIntervalMs: 5,
      onError: (e) => errors.push(e),
    });
    try {
      const raw = `{"name":"deep","steps":[{"name":"s","type":"prompt","config":${nested(5000)}}]}`;
      const res = await call(emu, 'POST', '/v1/flows', { raw });
      expect(res.status).toBe(400);
      const body = parse(errorSchema, res.json);
      expect(body.details).toEqual([
        {
          code: 'TOO_DEEP',
          path: 'steps.0.config',
          message: expect.stringContaining(`more than ${MAX_CONFIG_DEPTH} levels`),
        },
      ]);
      expect(emu.state.count()).toBe(0);

      const flow = await call(emu, 'POST', '/v1/flows', { body: { name: 'ok' } });
      const put = await call(emu, 'PUT', `/v1/flows/${flow.json.id}`, {
        raw: `{"flowSteps":[{"name":"s","type":"prompt","config":${nested(5000)}}]}`,
      });
      expect(put).toMatchObject({
        status: 400,
        json: { details: [{ code: 'TOO_DEEP', path: 'flowSteps.0.config' }] },
      });
      expect(() =>
        emu.state.create({
          name: 'x',
          steps: [{ name: 's', type: 'prompt', config: JSON.parse(nested(200)) }],
        }),
      ).toThrow(/steps\.0\.config/);
    } finally {
      await emu.close();
    }
    expect(errors).toEqual([]);
    expect(
      (JSON.parse(await readFile(statePath, 'utf8')) as { flows: { name: string }[] }).flows.map(
        (f) => f.name,
      ),
    ).toEqual(['ok']);
  });

  it(`accepts exactly ${MAX_CONFIG_DEPTH} levels (the config object counts as one), arrays included`, async () => {
    const emu = await startEmulator();
    try {
      const ok = await call(emu, 'POST', '/v1/flows', {
        raw: `{"name":"edge","steps":[{"name":"s","type":"prompt","config":${nested(MAX_CONFIG_DEPTH)}}]}`,
      });
      expect(ok.status).toBe(201);
      const arrays = `{"a":${'['.repeat(MAX_CONFIG_DEPTH)}${']'.repeat(MAX_CONFIG_DEPTH)}}`;
      const deeper = await call(emu, 'POST', '/v1/flows', {
        raw: `{"name":"edge","steps":[{"name":"s","type":"prompt","config":${arrays}}]}`,
      });
      expect(deeper).toMatchObject({
        status: 400,
        json: { details: [{ code: 'TOO_DEEP', path: 'steps.0.config' }] },
      });
      expect(emu.state.count()).toBe(1);
    } finally {
      await emu.close();
    }
  });
});
