import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorProject, type EmulatorProject } from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';

/**
 * An update whose PUT landed but whose result was never recorded (the answer lost every
 * time, or the run killed right after) must not make the next run call the tool's own write
 * "edited outside runtype-flows": its intent is durable before the PUT, and a remote holding
 * exactly that is recognised as the tool's own.
 */
let env: EmulatorProject;
afterEach(async () => {
  await env.cleanup();
});

/**
 * Flow `a` synced at v1, then edited to v2 and synced while every PUT lands and its answer is
 * lost: the run ends (exit 1) without recording the update, and the remote holds v2.
 */
async function syncedThenUpdateInDoubt(): Promise<string> {
  env = await createEmulatorProject(0);
  env.project.write('flows/a.ts', flowSource('a', 'Flow A', { prompt: 'v1 {{topic}}' }));
  expect((await env.cli('sync')).code).toBe(0);
  env.project.write('flows/a.ts', flowSource('a', 'Flow A', { prompt: 'v2 {{topic}}' }));
  env.emu.setFaults({ commitThenDropRate: 1, methods: ['PUT'] });
  expect((await env.cli('sync')).code).toBe(1);
  env.emu.clearFaults();
  return env.lockfile().environments.test!.flows.a!.id;
}

describe('an update in doubt', () => {
  it('is the tool’s own write: after the code moves on, sync updates without --force', async () => {
    const id = await syncedThenUpdateInDoubt();
    expect(env.emu.state.get(id)?.flowSteps[0]?.config?.userPrompt).toBe('v2 {{topic}}');
    expect(env.lockfile().environments.test!.flows.a).toHaveProperty('attempted', [
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);

    env.project.write('flows/a.ts', flowSource('a', 'Flow A', { prompt: 'v3 {{topic}}' }));
    const plan = await env.cli('plan', '--json');
    expect(JSON.parse(plan.stdout)).toMatchObject({ changes: [{ key: 'a', kind: 'update' }] });
    const run = await env.cli('sync');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(env.emu.state.get(id)?.flowSteps[0]?.config?.userPrompt).toBe('v3 {{topic}}');
    expect(env.lockfile().environments.test!.flows.a).not.toHaveProperty('attempted');
    expect((await env.cli('plan', '--refresh', '--exit-code')).code).toBe(0);
  });

  it('two in a row (the code moved on between them): the remote holding either is the tool’s own', async () => {
    // v2 lands, its answer lost; then v3 is refused every time (never lands): the remote holds v2.
    await syncedThenUpdateInDoubt();
    env.project.write('flows/a.ts', flowSource('a', 'Flow A', { prompt: 'v3 {{topic}}' }));
    env.emu.setFaults({ commitThenDropRate: 0, errorRate: 1, methods: ['PUT'] });
    expect((await env.cli('sync')).code).toBe(1);
    env.emu.clearFaults();
    expect(env.lockfile().environments.test!.flows.a).toHaveProperty('attempted', [
      expect.any(String),
      expect.any(String),
    ]);

    env.project.write('flows/a.ts', flowSource('a', 'Flow A', { prompt: 'v4 {{topic}}' }));
    const run = await env.cli('sync');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect((await env.cli('plan', '--refresh', '--exit-code')).code).toBe(0);
  });

  it('a real outside edit after it is still drift', async () => {
    const id = await syncedThenUpdateInDoubt();
    env.emu.state.update(id, { name: 'Flow A (edited in the dashboard)' });

    env.project.write('flows/a.ts', flowSource('a', 'Flow A', { prompt: 'v3 {{topic}}' }));
    expect((await env.cli('sync')).code).toBe(2);
  });
});
