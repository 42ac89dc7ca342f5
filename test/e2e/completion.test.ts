import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../bin/runtype-flows.mjs');
const run = (args: string[], shell: string) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, SHELL: shell },
  });

describe('completion', () => {
  it('prints a bash script, or a zsh one when $SHELL is zsh', () => {
    const bash = run(['completion'], '/bin/bash');
    expect(bash.status).toBe(0);
    expect(bash.stdout).toContain(
      'complete -o bashdefault -o default -F _runtype-flows_yargs_completions runtype-flows',
    );
    const zsh = run(['completion'], '/usr/bin/zsh');
    expect(zsh.stdout).toMatch(/^#compdef runtype-flows/);
  });

  it('completes commands, and the options of a (lazily loaded) command', () => {
    const commands = run(
      ['--get-yargs-completions', 'runtype-flows', ''],
      '/bin/bash',
    ).stdout.split('\n');
    expect(commands).toEqual(
      expect.arrayContaining(['validate', 'plan', 'sync', 'status', 'envs', 'doctor']),
    );
    const options = run(
      ['--get-yargs-completions', 'runtype-flows', 'sync', '--'],
      '/bin/bash',
    ).stdout;
    expect(options).toContain('--dry-run');
    expect(options).toContain('--prune');
  });
});
