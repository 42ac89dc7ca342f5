import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorProject, type EmulatorProject } from '../helpers/emulator-project.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * A write the server refuses is shown at the source, like a local diagnostic: the 400's
 * details[] name fields of the request body (`steps.1.type`), which map onto the flow.
 * Here the code allows a step type through `extraStepTypes` that this server does not know
 * (the API moved ahead of the library, but not this account's API), so only the server
 * can refuse it.
 */
let env: EmulatorProject;
afterEach(async () => {
  await env.cleanup();
});

const FLOW = `import { defineFlow, prompt } from 'runtype-flows';

export default defineFlow({
  key: 'ahead',
  name: 'Ahead of the server',
  inputs: ['topic'],
  steps: [
    prompt('draft', { name: 'Draft', model: 'gpt-4', userPrompt: 'Write about {{topic}}', outputVariable: 'draft' }),
    { id: 'later', name: 'Later', type: 'future-step', config: {} },
  ],
});
`;

async function projectAheadOfServer(): Promise<EmulatorProject> {
  const project = await createEmulatorProject(0);
  const config = project.project.read('runtype.config.ts');
  project.project.write(
    'runtype.config.ts',
    config.replace(
      "defaultEnvironment: 'test',",
      "defaultEnvironment: 'test',\n  extraStepTypes: ['future-step'],",
    ),
  );
  project.project.write('flows/ahead.ts', FLOW);
  project.allowInvalidRequests(); // the point: a type the documented enum does not have
  return project;
}

describe('a write the server refuses', () => {
  it('is shown at the file:line:column of the field it names, with the server code and suggestion', async () => {
    env = await projectAheadOfServer();
    expect((await env.cli('validate')).code).toBe(0); // offline, the extra type is allowed

    const run = await env.cli('sync');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^flows\/ahead\.ts:9:41 {2}error {2}flow ahead steps\[1\]\.type: the Runtype API refused it: .*\(INVALID_ENUM\)$/m,
    );
    expect(env.emu.state.count()).toBe(0);
  });

  it('in --json: the outcome keeps details[], the diagnostics carry the place', async () => {
    env = await projectAheadOfServer();
    const run = await env.cli('sync', '--json');
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      outcomes: {
        key: string;
        status: string;
        error?: { code: string; details?: { code?: string; path?: string }[] };
      }[];
      diagnostics: {
        code: string;
        path?: (string | number)[];
        line?: number;
        column?: number;
        flowKey?: string;
      }[];
    };
    expect(doc.outcomes).toEqual([
      expect.objectContaining({
        key: 'ahead',
        status: 'failed',
        error: expect.objectContaining({ code: 'API_VALIDATION' }) as unknown,
      }),
    ]);
    expect(doc.outcomes[0]?.error?.details).toEqual([
      expect.objectContaining({ code: 'INVALID_ENUM', path: 'steps.1.type' }),
    ]);
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({
        code: 'INVALID_ENUM',
        flowKey: 'ahead',
        path: ['steps', 1, 'type'],
        line: 9,
        column: 41,
      }),
    ]);
  });

  it('in GitHub Actions: an annotation on that line', async () => {
    env = await projectAheadOfServer();
    const run = await runCli(['sync'], {
      cwd: env.project.root,
      env: {
        RUNTYPE_API_KEY: env.emu.key,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: env.project.root,
      },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::error file=flows\/ahead\.ts,line=9,col=41,title=INVALID_ENUM ahead steps\[1\]\.type::the Runtype API refused it/m,
    );
  });
});
