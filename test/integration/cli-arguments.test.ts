import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorProject, type EmulatorProject } from '../helpers/emulator-project.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * A mistyped flag must stop the command before it runs: `sync --dryrun` that
 * deploys, or `plan --exit-cod` that passes a pull-request gate, are the
 * failures a deploy tool cannot afford.
 */
describe('command-line arguments', () => {
  let p: EmulatorProject | undefined;
  afterEach(async () => {
    await p?.cleanup();
    p = undefined;
  });

  it('an unknown sync flag writes nothing and exits 1', async () => {
    p = await createEmulatorProject(2);
    const run = await p.cli('sync', '--dry-rnu');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unknown argument: dry-rnu');
    expect(run.stderr).not.toMatch(/dryRnu/); // one line per mistake, not a camel-case echo
    expect(p.emu.requests).toHaveLength(0);
    expect(existsSync(p.project.path('runtype.lock.json'))).toBe(false);
  });

  it("a usage error in pull shows pull's usage (every command is known by name)", async () => {
    p = await createEmulatorProject(1);
    const run = await p.cli('pull', '--bogus');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unknown argument: bogus');
    expect(run.stderr).toMatch(/runtype-flows pull/);
    expect(p.emu.requests).toHaveLength(0);
  });

  it('a mistyped --exit-code fails the gate instead of passing it', async () => {
    p = await createEmulatorProject(1);
    const run = await p.cli('plan', '--exit-cod');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
  });

  it('an unexpected positional argument is refused, even with --json', async () => {
    p = await createEmulatorProject(1);
    const run = await p.cli('validate', 'flows/flow-000.ts', '--json');
    expect(run.code).toBe(1);
    // --json: stdout holds the one error document, never a result.
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'error',
      error: { code: 'USAGE_ERROR' },
    });
    expect(run.stderr).toContain('Unknown argument: flows/flow-000.ts');
  });

  it('--cwd that is not a directory is an error, not "0 flows OK"', async () => {
    const run = await runCli(['--cwd', '/no/such/dir', 'validate', '--json'], {
      cwd: process.cwd(),
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'error',
      error: { code: 'CWD_NOT_FOUND' },
    });
  });

  it('a relative --config is relative to --cwd', async () => {
    p = await createEmulatorProject(1);
    const elsewhere = path.dirname(p.project.root);
    const run = await runCli(
      ['--cwd', p.project.root, '--config', 'runtype.config.ts', 'validate', '--json'],
      { cwd: elsewhere },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, flows: [{ key: 'flow-000' }] });
  });
});
