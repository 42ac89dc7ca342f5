import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';

let env: EmulatorProject;
afterEach(async () => {
  // The key must never appear in any output or in the lockfile.
  for (const text of env.outputs) expect(text).not.toContain(SENTINEL_KEY);
  expect(JSON.stringify(env.lockfile())).not.toContain(SENTINEL_KEY);
  await env.cleanup();
});

describe('sync converges', () => {
  it('creates every flow, then plan is empty and a second sync writes nothing', async () => {
    env = await createEmulatorProject(5);
    const first = await env.cli('sync');
    expect(first.code).toBe(0);
    expect(env.emu.state.count()).toBe(5);
    // Five creates, each published (environments publish by default).
    const posts = env.writes().filter((w) => w.method === 'POST');
    expect(posts.filter((w) => w.path === '/v1/flows')).toHaveLength(5);
    expect(posts.filter((w) => w.path.endsWith('/publish'))).toHaveLength(5);
    expect(Object.keys(env.lockfile().environments.test!.flows).sort()).toEqual([
      'flow-000',
      'flow-001',
      'flow-002',
      'flow-003',
      'flow-004',
    ]);

    env.emu.clearRequests();
    const plan = await env.cli('plan', '--exit-code', '--refresh');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/No changes/);

    const second = await env.cli('sync');
    expect(second.code).toBe(0);
    expect(env.writes()).toEqual([]);
  });

  it('sends exactly the documented Create flow body for the seed example', async () => {
    env = await createEmulatorProject(0);
    // The repository's own sample flow is the seed page's example, as code.
    env.project.write(
      'flows/customer-outreach.ts',
      readFileSync(path.resolve(import.meta.dirname, '../../flows/customer-outreach.ts'), 'utf8'),
    );
    expect((await env.cli('sync')).code).toBe(0);
    const posts = env.emu.requests.filter((r) => r.method === 'POST' && r.path === '/v1/flows');
    expect(posts).toHaveLength(1);
    // The body of the seed page's curl example, field for field.
    expect(posts[0]!.body).toEqual({
      name: 'Customer Outreach Flow',
      steps: [
        {
          name: 'Generate Greeting',
          type: 'prompt',
          config: {
            model: 'gpt-4',
            outputVariable: 'greeting',
            userPrompt:
              'Generate a personalized greeting for {{customer_name}} from {{company_name}}',
          },
          enabled: true,
          id: 'greeting',
          order: 1,
        },
      ],
      description: 'Automated customer communication workflow',
    });
  });

  it.each<[string, { name?: string; description?: string; prompt?: string }]>([
    ['name', { name: 'Renamed Flow' }],
    ['prompt', { prompt: 'Write a poem about {{topic}}' }],
  ])('an edit to the %s is exactly one PUT, then its publish', async (_field, edit) => {
    env = await createEmulatorProject(3);
    expect((await env.cli('sync')).code).toBe(0);
    env.emu.clearRequests();
    env.project.write('flows/flow-001.ts', flowSource('flow-001', edit.name ?? 'Flow 1', edit));
    const run = await env.cli('sync');
    expect(run.code).toBe(0);
    const id = env.lockfile().environments.test!.flows['flow-001']!.id;
    expect(env.writes()).toEqual([
      { method: 'PUT', path: `/v1/flows/${id}` },
      { method: 'POST', path: `/v1/flows/${id}/publish` },
    ]);
    expect(env.emu.state.count()).toBe(3);
  });

  it('a step order change is one PUT (and its publish); reformatting the file is nothing', async () => {
    env = await createEmulatorProject(0);
    const twoSteps = (
      first: string,
      second: string,
    ) => `import { defineFlow, prompt } from 'runtype-flows';
export default defineFlow({
  key: 'two',
  name: 'Two Steps',
  inputs: ['topic'],
  steps: [${first}, ${second}],
});
`;
    const a = `prompt('a', { name: 'A', model: 'gpt-4', userPrompt: 'A {{topic}}' })`;
    const b = `prompt('b', { name: 'B', model: 'gpt-4', userPrompt: 'B {{topic}}' })`;
    env.project.write('flows/two.ts', twoSteps(a, b));
    expect((await env.cli('sync')).code).toBe(0);

    env.emu.clearRequests();
    // Same flow, different formatting, quotes and key order: no write.
    env.project.write(
      'flows/two.ts',
      `import { defineFlow, prompt } from "runtype-flows";

export default defineFlow({
	inputs: ["topic"],
	name: "Two Steps",
	key: "two",
	steps: [
		prompt("a", { userPrompt: "A {{topic}}", model: "gpt-4", name: "A" }),
		prompt("b", {
			name: "B",
			model: "gpt-4",
			userPrompt: "B {{topic}}",
		}),
	],
})
`,
    );
    expect((await env.cli('sync')).code).toBe(0);
    expect(env.writes()).toEqual([]);

    env.project.write('flows/two.ts', twoSteps(b, a));
    expect((await env.cli('sync')).code).toBe(0);
    expect(env.writes().map((w) => w.method)).toEqual(['PUT', 'POST']);
    const flow = env.emu.state.flows()[0]!;
    expect(flow.flowSteps.map((s) => [s.id, s.order])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });
});
