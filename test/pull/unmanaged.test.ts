import { beforeEach, expect, it } from 'vitest';
import { type EmulatorProject, useEmulatorProject } from '../helpers/emulator-project.js';

let env: EmulatorProject;
beforeEach(async () => {
  env = await startEmulatorProject(1);
  const synced = await env.cli('sync');
  if (synced.code !== 0) throw new Error(synced.stderr);
});
const startEmulatorProject = useEmulatorProject();

const steps = [
  {
    id: 'p',
    name: 'P',
    type: 'prompt',
    order: 1,
    enabled: true,
    config: { model: 'gpt-4', userPrompt: 'x' },
  },
];

it('plan counts remote flows no code manages and names the pull command', async () => {
  env.emu.state.create({ name: 'Dashboard One', steps });
  env.emu.state.create({ name: 'Dashboard Two', steps });
  const plan = await env.cli('plan');
  expect(plan.code).toBe(0);
  expect(plan.stdout).toContain(
    '2 remote flows not managed by code: `runtype-flows pull --all` brings them in',
  );
  const json = JSON.parse((await env.cli('plan', '--json')).stdout);
  expect(json.unmanaged).toBe(2);
  expect(json.unmanagedFlows).toBeUndefined();
});

it('status --all lists them with their last run; after pull --all there are none', async () => {
  const flow = env.emu.state.create({ name: 'Dashboard One', steps });
  env.emu.state.update(flow.id, { lastRunAt: '2026-11-30T08:00:00.000Z' });
  env.emu.state.create({ name: 'Never Ran', steps });
  const status = await env.cli('status', '--all');
  expect(status.code).toBe(0);
  expect(status.stdout).toMatch(new RegExp(`Dashboard One +${flow.id} +2026-11-30T08:00:00.000Z`));
  expect(status.stdout).toMatch(/Never Ran +\S+ +never/);
  const json = JSON.parse((await env.cli('status', '--all', '--json')).stdout);
  expect(json.unmanaged).toHaveLength(2);

  expect((await env.cli('pull', '--all')).code).toBe(0);
  expect((await env.cli('status', '--all')).stdout).toContain(
    'Every remote flow is managed by code.',
  );
  // Pulled flows are managed now; made in the dashboard and never published, their only pending
  // change is the publish that deploying makes (the environment publishes).
  const plan = JSON.parse((await env.cli('plan', '--json')).stdout);
  const pending = plan.changes.filter((c: { kind: string }) => c.kind !== 'noop');
  expect(pending.map((c: { kind: string }) => c.kind)).toEqual(['publish', 'publish']);
  expect((await env.cli('sync')).code).toBe(0);
  expect((await env.cli('plan', '--exit-code')).code).toBe(0);
});
