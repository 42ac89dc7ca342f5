import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorProject, type EmulatorProject } from '../helpers/emulator-project.js';

let env: EmulatorProject;
afterEach(async () => {
  await env.cleanup();
});

describe('sync --watch flags', () => {
  it.each([['--dry-run'], ['--prune'], ['--yes']])(
    'refuses --watch with %s as a usage error, before anything runs',
    async (flag) => {
      env = await createEmulatorProject(1);
      const run = await env.cli('sync', '--watch', flag);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/mutually exclusive/);
      expect(env.emu.requests).toEqual([]);
    },
  );

  it('a target that cannot be used ends the watch with exit 1 and one JSON error event', async () => {
    env = await createEmulatorProject(1);
    const run = await env.cli('sync', '--watch', '--json', '--env', 'nowhere');
    expect(run.code).toBe(1);
    const events = run.stdout
      .split('\n')
      .filter(Boolean)
      .map(
        (line) => JSON.parse(line) as { event: string; fatal?: boolean; error?: { code: string } },
      );
    expect(events).toEqual([
      {
        schemaVersion: 1,
        event: 'error',
        changed: [],
        fatal: true,
        error: expect.objectContaining({ code: 'UNKNOWN_ENVIRONMENT' }),
      },
      { schemaVersion: 1, event: 'stopped', cycles: 1, reason: 'error' },
    ]);
    expect(env.emu.requests).toEqual([]);
  });
});
