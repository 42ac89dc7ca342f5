import { describe, expect, it } from 'vitest';
import { loadsProject, prefetchesProject } from './command-table.js';

describe('loadsProject (whether the entry starts the loader worker early)', () => {
  it('is true for the commands that read the config or the flows', () => {
    for (const command of ['validate', 'plan', 'sync', 'status', 'versions', 'rollback', 'pull']) {
      expect(loadsProject([command, '--env', 'local'])).toBe(true);
    }
    expect(loadsProject(['--json', 'sync', '--watch'])).toBe(true);
  });

  it('is false for help, version, and the commands that load nothing', () => {
    expect(loadsProject([])).toBe(false);
    expect(loadsProject(['--help'])).toBe(false);
    expect(loadsProject(['sync', '--help'])).toBe(false);
    expect(loadsProject(['help', 'sync'])).toBe(false);
    expect(loadsProject(['init'])).toBe(false);
    expect(loadsProject(['emulator', '--port', '0'])).toBe(false);
    expect(loadsProject(['completion'])).toBe(false);
  });
});

describe('prefetchesProject (whether the CLI starts the project load before the command runs)', () => {
  it('is true for the commands whose first act is loading the whole project', () => {
    for (const command of ['validate', 'plan', 'sync', 'status', 'versions', 'rollback']) {
      expect(prefetchesProject([command])).toBe(true);
    }
  });

  it('is false for watch mode, the config-only commands, pull, and help', () => {
    expect(prefetchesProject(['sync', '--watch'])).toBe(false);
    expect(prefetchesProject(['sync', '-w'])).toBe(false);
    expect(prefetchesProject(['envs'])).toBe(false);
    expect(prefetchesProject(['doctor'])).toBe(false);
    expect(prefetchesProject(['pull', '--all'])).toBe(false);
    expect(prefetchesProject(['plan', '--help'])).toBe(false);
  });
});
