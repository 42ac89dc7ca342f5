import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { READING } from '../helpers/reading.js';
import { createTestProject, flowSource, type TestProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

let project: TestProject;
afterEach(() => project.cleanup());

/**
 * The embedded emulator's state file is held by a writing run (a long
 * `sync`, or `sync --watch`); the commands that never write must still work.
 */
describe('read-only commands on the embedded emulator', () => {
  it('plan, status and sync --dry-run work while a writer holds the state file; sync is refused', async () => {
    project = createTestProject({
      'package.json': '{ "name": "sample", "private": true, "type": "module" }\n',
      'runtype.config.ts':
        "import { defineConfig } from 'runtype-flows';\nexport default defineConfig({ environments: { local: { emulator: true } } });\n",
      'flows/a.ts': flowSource('a', 'Flow A'),
    });
    const cli = (...args: string[]) => runCli(args, { cwd: project.root });
    expect((await cli('sync')).code).toBe(0);
    project.write('flows/a.ts', flowSource('a', 'Flow A', { prompt: 'Changed {{topic}}' }));

    const writer = await startEmulator({
      statePath: project.path('.runtype/emulator/local.json'),
      reading: READING,
    });
    try {
      const plan = await cli('plan', '--exit-code');
      expect(plan.code, plan.stderr).toBe(2);
      expect(plan.stdout).toContain('update');
      expect((await cli('status')).code).toBe(0);
      const dry = await cli('sync', '--dry-run', '--json');
      expect(dry.code, dry.stderr).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, summary: { update: 1 } });
      const sync = await cli('sync', '--json');
      expect(sync.code).toBe(1);
      expect(JSON.parse(sync.stdout)).toMatchObject({ error: { code: 'EMULATOR_STATE_LOCKED' } });
    } finally {
      await writer.close();
    }
  });
});
