import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';

/**
 * The remote comparison uses only what the documented responses carry: no
 * response has `description`, flow responses have no step `when` (only GET
 * /v1/flow-steps does), so neither may look like a change or like drift.
 */
let env: EmulatorProject;
afterEach(async () => {
  await env.cleanup();
});

const withWhen = (
  key: string,
  name: string,
  when: string,
) => `import { defineFlow, prompt } from 'runtype-flows';
export default defineFlow({
  key: ${JSON.stringify(key)},
  name: ${JSON.stringify(name)},
  inputs: ['topic'],
  steps: [
    prompt('draft', { name: 'Draft', model: 'gpt-4', userPrompt: 'Write about {{topic}}', outputVariable: 'draft', when: ${JSON.stringify(when)} }),
  ],
});
`;

describe('description', () => {
  it('a flow with a description syncs, then plan --refresh --exit-code exits 0', async () => {
    env = await createEmulatorProject(0, { logBodies: true });
    env.project.write('flows/a.ts', flowSource('a', 'Flow A', { description: 'What flow A does' }));
    expect((await env.cli('sync')).code).toBe(0);
    const create = env.emu.requests.find((r) => r.method === 'POST' && r.path === '/v1/flows');
    expect(create?.body).toMatchObject({ description: 'What flow A does' });

    const plan = await env.cli('plan', '--refresh', '--exit-code');
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.stdout).toContain('No changes.');
  });

  it('a description-only edit is a note in plan, not a change, and sync sends nothing', async () => {
    env = await createEmulatorProject(0);
    env.project.write('flows/a.ts', flowSource('a', 'Flow A', { description: 'First text' }));
    expect((await env.cli('sync')).code).toBe(0);
    env.project.write('flows/a.ts', flowSource('a', 'Flow A', { description: 'Second text' }));

    const plan = await env.cli('plan', '--refresh', '--exit-code');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('the description changed in code');
    const json = JSON.parse((await env.cli('plan', '--json')).stdout) as {
      changes: { key: string; kind: string; descriptionChanged?: boolean }[];
    };
    expect(json.changes).toEqual([
      expect.objectContaining({ key: 'a', kind: 'noop', descriptionChanged: true }),
    ]);

    env.emu.clearRequests();
    expect((await env.cli('sync')).code).toBe(0);
    expect(env.writes()).toEqual([]);
  });
});

describe('adoption by documented fields', () => {
  it('an untracked remote flow whose documented fields match is adopted without a PUT', async () => {
    env = await createEmulatorProject(0);
    env.project.write('flows/a.ts', flowSource('a', 'Flow A', { description: 'Local text' }));
    const step = { id: 'draft', name: 'Draft', type: 'prompt', order: 1, enabled: true };
    const config = { model: 'gpt-4', userPrompt: 'Write about {{topic}}', outputVariable: 'draft' };
    const created = await request(`${env.emu.url}/v1/flows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SENTINEL_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Flow A',
        description: 'Dashboard text',
        steps: [{ ...step, config }],
      }),
    });
    expect(created.statusCode).toBe(201);
    await created.body.dump();
    env.emu.clearRequests();

    const run = await env.cli('sync', '--json');
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      outcomes: [{ key: 'a', kind: 'adopt', action: 'adopted' }],
    });
    // No PUT; the flow made in the dashboard was never published, and deploying publishes it.
    const id = (JSON.parse(run.stdout) as { outcomes: { remoteId: string }[] }).outcomes[0]!
      .remoteId;
    expect(env.writes()).toEqual([{ method: 'POST', path: `/v1/flows/${id}/publish` }]);
    expect((await env.cli('plan', '--refresh', '--exit-code')).code).toBe(0);
  });
});

describe('step when', () => {
  it('is compared through GET /v1/flow-steps: for flows whose code uses it, and with --refresh for every flow read in full', async () => {
    env = await createEmulatorProject(1);
    env.project.write('flows/w.ts', withWhen('w', 'Flow W', 'topic != ""'));
    expect((await env.cli('sync')).code).toBe(0);
    const flows = env.lockfile().environments.test!.flows;
    const stepReads = () =>
      env.emu.requests.filter((r) => r.path.startsWith('/v1/flow-steps/')).map((r) => r.path);

    env.emu.clearRequests();
    expect((await env.cli('plan', '--exit-code')).code).toBe(0);
    expect(stepReads()).toEqual([]); // nothing changed in code: nothing read in full

    env.emu.clearRequests();
    const plan = await env.cli('plan', '--refresh', '--exit-code');
    expect(plan.code, plan.stdout).toBe(0);
    const ids = [flows.w!.id, flows['flow-000']!.id].map((id) => `/v1/flow-steps/flow/${id}`);
    expect(stepReads().sort()).toEqual(ids.sort());
  });

  it('a `when` added outside the tool is drift on --refresh, even where the code has none', async () => {
    env = await createEmulatorProject(1);
    expect((await env.cli('sync')).code).toBe(0);
    const id = env.lockfile().environments.test!.flows['flow-000']!.id;
    const steps = env.emu.state.get(id)!.flowSteps.map((s) => ({ ...s, when: 'false' }));
    env.emu.state.editSteps(id, steps); // the dashboard's step editor

    const plan = await env.cli('plan', '--refresh', '--exit-code');
    expect(plan.code, plan.stdout).toBe(2);
    expect(plan.stdout).toContain('drift');
    // A sync that overwrites it removes it, under an API that clears an omitted `when`; one that
    // keeps it is said so (api/guesses.ts, put-replaces-steps).
    const forced = await env.cli('sync', '--refresh', '--force');
    const kept = env.emu.reading === 'second';
    expect({ code: forced.code, kept: forced.stdout.includes('the API kept the `when`') }).toEqual({
      code: kept ? 1 : 0,
      kept,
    });
  });

  it('a step with `when: ""` is in sync once synced (an empty condition is kept, not dropped)', async () => {
    env = await createEmulatorProject(0);
    env.project.write('flows/w.ts', withWhen('w', 'Flow W', ''));
    expect((await env.cli('sync')).code).toBe(0);
    const plan = await env.cli('plan', '--refresh', '--exit-code');
    expect(plan.code, plan.stdout).toBe(0);
    env.emu.clearRequests();
    expect((await env.cli('sync', '--refresh')).code).toBe(0);
    expect(env.writes()).toEqual([]);
  });

  it('a when edited outside the tool is drift', async () => {
    env = await createEmulatorProject(0);
    env.project.write('flows/w.ts', withWhen('w', 'Flow W', 'topic != ""'));
    expect((await env.cli('sync')).code).toBe(0);
    const id = env.lockfile().environments.test!.flows.w!.id;
    const steps = env.emu.state.get(id)!.flowSteps.map((s) => ({ ...s, when: 'false' }));
    env.emu.state.update(id, { flowSteps: steps });

    const plan = await env.cli('plan', '--refresh', '--exit-code');
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('drift');
  });
});

describe('an edit made through the flow-steps endpoints (the dashboard step editor)', () => {
  it('status sees it from the listing only where it moves updatedAt; status --refresh always', async () => {
    env = await createEmulatorProject(1);
    expect((await env.cli('sync')).code).toBe(0);
    const id = env.lockfile().environments.test!.flows['flow-000']!.id;
    const steps = env.emu.state
      .get(id)!
      .flowSteps.map((s) => ({ ...s, config: { ...s.config, userPrompt: 'Edited there' } }));
    env.emu.state.editSteps(id, steps);

    const status = JSON.parse((await env.cli('status', '--json')).stdout);
    const refreshed = JSON.parse((await env.cli('status', '--refresh', '--json')).stdout);
    // The first reading moves updatedAt; the second leaves it (README: which reading it needs).
    expect(status.flows).toEqual([
      expect.objectContaining({ state: env.emu.reading === 'first' ? 'drift' : 'in-sync' }),
    ]);
    expect(refreshed.flows).toEqual([expect.objectContaining({ state: 'drift' })]);
  });
});
