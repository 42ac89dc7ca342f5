import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorProject, type EmulatorProject } from '../helpers/emulator-project.js';
import { runCli } from '../helpers/run-cli.js';

/** `validate --remote`: the server's own checks, at file:line:column, writing nothing. */
let env: EmulatorProject;
afterEach(async () => {
  await env.cleanup();
});

type ValidateDoc = {
  ok: boolean;
  remote?: {
    environment: string;
    checked: number;
    authenticated: boolean;
    accountChecksPerformed: boolean;
  };
  diagnostics: {
    severity: string;
    code: string;
    message: string;
    line?: number;
    column?: number;
    file?: string;
  }[];
};

describe('validate --remote', () => {
  it('sends each flow to POST /v1/public/flows/validate with the key, and writes nothing', async () => {
    env = await createEmulatorProject(3);
    const run = await env.cli('validate', '--remote', '--json');
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as ValidateDoc;
    expect(doc).toMatchObject({
      ok: true,
      remote: { environment: 'test', checked: 3, authenticated: true },
    });
    const calls = env.emu.requests.map((r) => `${r.method} ${r.path}`);
    expect(calls).toEqual(Array.from({ length: 3 }, () => 'POST /v1/public/flows/validate'));
    expect(env.emu.requests.every((r) => r.authenticated === true)).toBe(true);
    expect(env.emu.state.count()).toBe(0);
    expect(existsSync(env.project.path('runtype.lock.json'))).toBe(false);
    const text = await env.cli('validate', '--remote');
    expect(text.stdout).toContain(
      `Checked 3 flows with the Runtype API's validator (environment "test", with the key`,
    );
  });

  it('without a key it validates unauthenticated, and says so', async () => {
    env = await createEmulatorProject(1);
    const run = await runCli(['validate', '--remote', '--json'], {
      cwd: env.project.root,
      env: {},
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      remote: { checked: 1, authenticated: false, accountChecksPerformed: false },
    });
    expect(run.stderr).toContain('validating without one');
    expect(env.emu.requests.map((r) => r.authenticated)).toEqual([false]);
  });

  it('plain validate stays offline', async () => {
    env = await createEmulatorProject(2);
    expect((await env.cli('validate')).code).toBe(0);
    expect(env.emu.requests).toHaveLength(0);
  });
});
