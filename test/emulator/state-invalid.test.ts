/**
 * A state file the emulator cannot use is refused with EMULATOR_STATE_INVALID (a user error
 * with a hint, not a crash) and is never overwritten: it may hold the only copy of the flows.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuntypeError } from '../../src/errors.js';
import { createTestProject, flowSource } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';
import { startEmulator, useTempDir } from './helpers.js';

const tempDir = useTempDir('rt-emu-invalid-');

async function refusal(statePath: string): Promise<RuntypeError> {
  const error: unknown = await startEmulator({ statePath }).then(
    async (emu) => {
      await emu.close();
      return new Error('started');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuntypeError);
  return error as RuntypeError;
}

describe('an unusable state file', () => {
  const cases: [label: string, content: string, reason: string, message: RegExp][] = [
    ['truncated JSON', '{bad\n', 'not-json', /is not valid JSON/],
    [
      "another tool's JSON (a lockfile)",
      '{"version":1,"environments":{}}\n',
      'foreign',
      /is not an emulator state file/,
    ],
    [
      'a newer state version',
      '{"format":"runtype-emulator-state","version":3,"flows":[]}',
      'version',
      /state version 3.*reads 1 and 2/,
    ],
    [
      'a flow of the wrong shape',
      '{"format":"runtype-emulator-state","version":1,"flows":[{"id":1}]}',
      'schema',
      /not a valid state file: flows\.0\.id/,
    ],
    ['JSON that is not an object', '[]', 'foreign', /is not an emulator state file/],
  ];

  it.each(cases)(
    '%s: EMULATOR_STATE_INVALID naming the file, with a hint, file untouched',
    async (_label, content, reason, message) => {
      const statePath = join(tempDir(), 'state.json');
      await writeFile(statePath, content);
      const error = await refusal(statePath);
      expect(error.code).toBe('EMULATOR_STATE_INVALID');
      expect(error.message).toContain(statePath);
      expect(error.message).toMatch(message);
      expect(error.meta).toEqual({ file: statePath, reason });
      expect(error.hint).toMatch(/left untouched.*delete it/i);
      expect(await readFile(statePath, 'utf8')).toBe(content);
      expect(existsSync(`${statePath}.lock`)).toBe(false); // released: fixing the file is enough to start
    },
  );

  it('unreadable (a folder at its path): the same code, reason unreadable', async () => {
    const statePath = join(tempDir(), 'state.json');
    await mkdir(statePath);
    const error = await refusal(statePath);
    expect(error).toMatchObject({
      code: 'EMULATOR_STATE_INVALID',
      meta: { file: statePath, reason: 'unreadable' },
    });
    expect(error.message).toMatch(/cannot be read \(EISDIR\)/);
  });

  it('sync in a project whose environment is the embedded emulator reports it as a user error, not a bug', async () => {
    const project = createTestProject({
      'package.json': '{ "name": "sample", "private": true, "type": "module" }\n',
      'runtype.config.ts':
        "import { defineConfig } from 'runtype-flows';\nexport default defineConfig({ defaultEnvironment: 'local', environments: { local: { emulator: true } } });\n",
      'flows/a.ts': flowSource('a', 'A'),
      '.runtype/emulator/local.json': '{bad\n',
    });
    try {
      const run = await runCli(['sync'], { cwd: project.root });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('EMULATOR_STATE_INVALID');
      expect(run.stderr).toContain(project.path('.runtype/emulator/local.json'));
      expect(run.stderr).toMatch(/delete it/);
      expect(run.stderr).not.toMatch(/bug|UNEXPECTED|at .*\.ts:\d+/i);
      expect(await readFile(project.path('.runtype/emulator/local.json'), 'utf8')).toBe('{bad\n');
    } finally {
      project.cleanup();
    }
  });
});
