import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { type EmulatorProject, useEmulatorProject } from '../helpers/emulator-project.js';

/**
 * The Customer Outreach flow of the seed page (seeds/create-flow-api-page.txt),
 * created with the page's own request body, pulled: the module must be
 * byte for byte the committed one — what a person would have written.
 */
const EXPECTED = path.resolve(
  import.meta.dirname,
  '../fixtures/pull/customer-outreach.expected.ts',
);
const SEED_BODY = {
  name: 'Customer Outreach Flow',
  steps: [
    {
      name: 'Generate Greeting',
      type: 'prompt',
      config: {
        model: 'gpt-4',
        outputVariable: 'greeting',
        userPrompt: 'Generate a personalized greeting for {{customer_name}} from {{company_name}}',
      },
      enabled: true,
      id: 'greeting',
      order: 1,
    },
  ],
  description: 'Automated customer communication workflow',
};

let env: EmulatorProject;
beforeEach(async () => {
  env = await startEmulatorProject();
});
const startEmulatorProject = useEmulatorProject();

it("pulls the seed page's Customer Outreach flow exactly as the committed module", async () => {
  const created = await fetch(`${env.emu.apiUrl}/flows`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${env.emu.key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(SEED_BODY),
  });
  expect(created.status).toBe(201);
  const run = await env.cli('pull', 'Customer Outreach Flow');
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain('+ customer-outreach-flow ("Customer Outreach Flow"');
  expect(env.project.read('flows/customer-outreach-flow.ts')).toBe(readFileSync(EXPECTED, 'utf8'));
});
