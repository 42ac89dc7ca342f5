import { afterEach, describe, expect, it } from 'vitest';
import { createTestProject, type TestProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * One redaction path: a key from the environment never appears in any output, whatever echoes it.
 */
let project: TestProject;
afterEach(() => project.cleanup());

const KEY = 'rt_live_Zq81mXk2Lw0pNv7Tc4Ry';
const PLAIN_KEY = 'h7Gq2ZpL9xVw4Ke1Tm8Ra5Sd';

const flow = (
  allow: string[],
  literal?: string,
) => `import { defineFlow, prompt } from 'runtype-flows';
export default defineFlow({
  key: 'k',
  name: 'K',
  allowSecrets: ${JSON.stringify(allow)},
  steps: [prompt('p', { name: 'P', model: 'm', userPrompt: ${JSON.stringify(literal ?? 'hello')} })],
});
`;

describe('the API key in allowSecrets', () => {
  it.each([
    ['a key that looks like one (rt_live_…)', KEY],
    ['a key that looks like nothing in particular', PLAIN_KEY],
  ])('%s listed but unused: the warning never shows it, in text or --json', async (_what, key) => {
    project = createTestProject({ 'flows/k.ts': flow([key]) });
    for (const args of [['validate'], ['validate', '--json']]) {
      const run = await runCli(args, { cwd: project.root, env: { RUNTYPE_API_KEY: key } });
      expect(run.code).toBe(0);
      expect(`${run.stdout}${run.stderr}`).toContain('SECRET_ALLOW_UNUSED');
      expect(`${run.stdout}${run.stderr}`).not.toContain(key);
    }
  });

  it('listing the literal itself allows it, and it is masked in every output', async () => {
    project = createTestProject({ 'flows/k.ts': flow([KEY], `token ${KEY}`) });
    const run = await runCli(['validate', '--json', '--verbose'], {
      cwd: project.root,
      env: { RUNTYPE_API_KEY: KEY },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true });
    expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
  });
});
