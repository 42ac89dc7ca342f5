import { describe, expect, it } from 'vitest';
import { type EmulatorProject, useEmulatorProject } from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';

let env: EmulatorProject;
const startEmulatorProject = useEmulatorProject();

const promptStep = (text: string) => ({
  id: 'draft',
  name: 'Draft',
  type: 'prompt',
  config: { model: 'gpt-4', userPrompt: text, outputVariable: 'draft' },
});

describe('adoption', () => {
  it('adopts flows that already exist remotely by name instead of duplicating them', async () => {
    env = await startEmulatorProject(3);
    // Made through the raw API before the tool ever ran: one identical, one different.
    const same = env.emu.state.create({
      name: 'Flow 0',
      steps: [{ ...promptStep('Write about {{topic}}'), order: 1, enabled: true }],
    });
    const other = env.emu.state.create({ name: 'Flow 1', steps: [promptStep('old text')] });
    const run = await env.cli('sync', '--json');
    expect(run.code).toBe(0);
    expect(env.emu.state.count()).toBe(3);
    const flows = env.lockfile().environments.test!.flows;
    expect(flows['flow-000']!.id).toBe(same.id);
    expect(flows['flow-001']!.id).toBe(other.id);
    const doc = JSON.parse(run.stdout);
    const actions = Object.fromEntries(
      doc.outcomes.map((o: { key: string; action: string }) => [o.key, o.action]),
    );
    expect(actions).toEqual({
      'flow-000': 'adopted',
      'flow-001': 'adopted',
      'flow-002': 'created',
    });
    // The different one was brought in line with the code.
    expect(env.emu.state.get(other.id)!.flowSteps[0]!.config!.userPrompt).toBe(
      'Write about {{topic}}',
    );
  });

  it('refuses to guess when two remote flows share the name, naming both ids', async () => {
    env = await startEmulatorProject(1);
    const a = env.emu.state.create({ name: 'Flow 0', steps: [] });
    const b = env.emu.state.create({ name: 'Flow 0', steps: [] });
    const run = await env.cli('sync');
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain(a.id);
    expect(run.stdout + run.stderr).toContain(b.id);
    expect(env.emu.state.count()).toBe(2);
  });
});

describe('small safety nets', () => {
  it('--only with an unknown key is an error, not a silent no-op', async () => {
    env = await startEmulatorProject(2);
    const run = await env.cli('sync', '--only', 'flow-00');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('UNKNOWN_FLOW_KEY');
    expect(run.stderr).toMatch(/did you mean "flow-00\d"/);
    expect(env.writes()).toEqual([]);
  });

  it('a flow gone from both the code and the account just leaves the lock state, without --prune', async () => {
    env = await startEmulatorProject(2);
    expect((await env.cli('sync')).code).toBe(0);
    env.emu.state.delete(env.lockfile().environments.test!.flows['flow-001']!.id);
    env.project.remove('flows/flow-001.ts');
    expect((await env.cli('sync')).code).toBe(0);
    expect(Object.keys(env.lockfile().environments.test!.flows)).toEqual(['flow-000']);
    expect((await env.cli('plan', '--exit-code')).code).toBe(0);
  });
});

describe('changing a key', () => {
  it('moves the lock entry to the new key: no second remote flow, nothing deleted even with --prune', async () => {
    env = await startEmulatorProject(2);
    expect((await env.cli('sync')).code).toBe(0);
    const id = env.lockfile().environments.test!.flows['flow-001']!.id;
    env.project.remove('flows/flow-001.ts');
    env.project.write('flows/renamed.ts', flowSource('flow-one', 'Flow 1'));
    env.emu.clearRequests();
    const plan = await env.cli('plan', '--json');
    expect(
      JSON.parse(plan.stdout).changes.filter((c: { kind: string }) => c.kind !== 'noop'),
    ).toEqual([
      expect.objectContaining({
        kind: 'adopt',
        key: 'flow-one',
        previousKey: 'flow-001',
        contentMatches: true,
      }),
    ]);
    const run = await env.cli('sync', '--prune', '--yes');
    expect(run.code).toBe(0);
    expect(env.writes()).toEqual([]);
    expect(env.emu.state.count()).toBe(2);
    const flows = env.lockfile().environments.test!.flows;
    expect(Object.keys(flows).sort()).toEqual(['flow-000', 'flow-one']);
    expect(flows['flow-one']!.id).toBe(id);
  });
});

describe('drift', () => {
  it('plan --refresh reports an out-of-band edit; sync refuses it (exit 2) until --force', async () => {
    env = await startEmulatorProject(2);
    expect((await env.cli('sync')).code).toBe(0);
    const id = env.lockfile().environments.test!.flows['flow-001']!.id;
    env.emu.state.update(id, { flowSteps: [promptStep('edited in the dashboard')] });

    const plan = await env.cli('plan', '--refresh', '--json');
    const doc = JSON.parse(plan.stdout);
    expect(doc.changes.find((c: { key: string }) => c.key === 'flow-001').kind).toBe('drift');
    expect((await env.cli('plan', '--refresh', '--exit-code')).code).toBe(2);

    // The code changes too: sync must not silently overwrite the dashboard edit.
    env.project.write(
      'flows/flow-001.ts',
      flowSource('flow-001', 'Flow 1', { prompt: 'new code {{topic}}' }),
    );
    env.emu.clearRequests();
    const refused = await env.cli('sync');
    expect(refused.code).toBe(2);
    expect(refused.stdout + refused.stderr).toMatch(/--force/);
    expect(env.writes()).toEqual([]);
    expect(env.emu.state.get(id)!.flowSteps[0]!.config!.userPrompt).toBe('edited in the dashboard');

    const forced = await env.cli('sync', '--force');
    expect(forced.code).toBe(0);
    expect(env.emu.state.get(id)!.flowSteps[0]!.config!.userPrompt).toBe('new code {{topic}}');
    expect((await env.cli('plan', '--refresh', '--exit-code')).code).toBe(0);
  });

  it('sync --refresh refuses drift on a flow unchanged in code', async () => {
    env = await startEmulatorProject(1);
    expect((await env.cli('sync')).code).toBe(0);
    const id = env.lockfile().environments.test!.flows['flow-000']!.id;
    env.emu.state.update(id, { name: 'Renamed in dashboard' });
    expect((await env.cli('sync', '--refresh')).code).toBe(2);
    expect(env.emu.state.get(id)!.name).toBe('Renamed in dashboard');
    expect((await env.cli('sync', '--refresh', '--force')).code).toBe(0);
    expect(env.emu.state.get(id)!.name).toBe('Flow 0');
  });

  it('recreates a tracked flow deleted remotely, and says so', async () => {
    env = await startEmulatorProject(1);
    expect((await env.cli('sync')).code).toBe(0);
    const id = env.lockfile().environments.test!.flows['flow-000']!.id;
    env.emu.state.delete(id);
    const run = await env.cli('sync', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).outcomes[0].action).toBe('recreated');
    expect(env.emu.state.count()).toBe(1);
    expect(env.lockfile().environments.test!.flows['flow-000']!.id).not.toBe(id);
  });
});

describe('prune', () => {
  it('without --yes and without a terminal applies nothing at all and exits 2', async () => {
    env = await startEmulatorProject(3);
    expect((await env.cli('sync')).code).toBe(0);
    const before = env.lockfile();
    env.project.remove('flows/flow-002.ts');
    env.project.write(
      'flows/flow-000.ts',
      flowSource('flow-000', 'Flow 0', { prompt: 'changed {{topic}}' }),
    );
    env.emu.clearRequests();
    const run = await env.cli('sync', '--prune');
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain('--prune --yes');
    expect(env.writes()).toEqual([]);
    expect(env.emu.state.count()).toBe(3);
    expect(env.lockfile()).toEqual(before);
  });

  it('with --yes deletes exactly the flows removed from code', async () => {
    env = await startEmulatorProject(3);
    expect((await env.cli('sync')).code).toBe(0);
    const removed = env.lockfile().environments.test!.flows['flow-002']!.id;
    env.project.remove('flows/flow-002.ts');
    env.emu.clearRequests();
    const run = await env.cli('sync', '--prune', '--yes');
    expect(run.code).toBe(0);
    expect(env.writes()).toEqual([{ method: 'DELETE', path: `/v1/flows/${removed}` }]);
    expect(
      env.emu.state
        .flows()
        .map((f) => f.name)
        .sort(),
    ).toEqual(['Flow 0', 'Flow 1']);
    expect(Object.keys(env.lockfile().environments.test!.flows).sort()).toEqual([
      'flow-000',
      'flow-001',
    ]);
  });

  it('without --prune leaves removed flows alone and says how to delete them', async () => {
    env = await startEmulatorProject(2);
    expect((await env.cli('sync')).code).toBe(0);
    env.project.remove('flows/flow-001.ts');
    const run = await env.cli('sync');
    expect(run.code).toBe(0);
    expect(env.emu.state.count()).toBe(2);
    expect(run.stdout).toMatch(/prune/);
  });
});
