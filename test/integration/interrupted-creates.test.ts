import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeApiUrl } from '../../src/state/index.js';
import { type EmulatorProject, useEmulatorProject } from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';

let env: EmulatorProject;
const startEmulatorProject = useEmulatorProject();

const HASH = 'a'.repeat(64);

/** The journal a run killed right after POSTing flow `key` under `name` leaves behind. */
function leaveInterruptedCreate(key: string, name: string): string {
  const file = env.project.path('.runtype/journal/test.ndjson');
  mkdirSync(path.dirname(file), { recursive: true });
  const records = [
    { op: 'begin', apiUrl: normalizeApiUrl(env.emu.url), section: 'test' },
    { op: 'intent', key, name, hash: HASH },
  ];
  writeFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return file;
}

const actionOf = (stdout: string, key: string) =>
  (JSON.parse(stdout) as { changes: { key: string; kind: string }[] }).changes.find(
    (c) => c.key === key,
  )?.kind;

/**
 * A create a killed run left in doubt is reconciled under the name it had
 * then — by whichever run reaches that flow, not only the very next one.
 */
describe('creates a killed run left in doubt', () => {
  it('survive dry runs and runs limited to other flows, then are adopted (renamed), never duplicated', async () => {
    env = await startEmulatorProject(2);
    const landed = env.emu.state.create({ name: 'Old Name', steps: [] }); // the POST landed, its answer was lost
    const journal = leaveInterruptedCreate('flow-001', 'Old Name');
    env.project.write('flows/flow-001.ts', flowSource('flow-001', 'New Name')); // renamed in code since
    const journalBefore = readFileSync(journal, 'utf8');

    for (let i = 0; i < 2; i += 1) {
      const dry = await env.cli('sync', '--dry-run', '--json');
      expect(dry.code, dry.stderr).toBe(0);
      expect(actionOf(dry.stdout, 'flow-001')).toBe('adopt');
    }
    // --dry-run wrote nothing: no lockfile, the journal as it was.
    expect(existsSync(env.project.path('runtype.lock.json'))).toBe(false);
    expect(readFileSync(journal, 'utf8')).toBe(journalBefore);

    expect((await env.cli('sync', '--only', 'flow-000')).code).toBe(0);
    const run = await env.cli('sync', '--json');
    expect(run.code, run.stderr).toBe(0);

    expect(
      env.emu.state
        .flows()
        .map((f) => f.name)
        .sort(),
    ).toEqual(['Flow 0', 'New Name']);
    expect(env.lockfile().environments.test!.flows['flow-001']!.id).toBe(landed.id);
    expect(existsSync(journal)).toBe(false);
  });

  it('one whose flow left the code is pointed out once with the id it landed as, then settled', async () => {
    env = await startEmulatorProject(1);
    const landed = env.emu.state.create({ name: 'Gone Flow', steps: [] });
    leaveInterruptedCreate('gone', 'Gone Flow');
    const first = await env.cli('sync');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(
      `an interrupted run was creating "Gone Flow" (key gone), which is no longer in the code; it landed as untracked remote flow ${landed.id}`,
    );
    const second = await env.cli('sync');
    expect(second.stderr).not.toContain('Gone Flow');
  });

  it('one that never landed is dropped without a word', async () => {
    env = await startEmulatorProject(1);
    leaveInterruptedCreate('gone', 'Gone Flow');
    const run = await env.cli('sync');
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('Gone Flow');
    expect(existsSync(env.project.path('.runtype/journal/test.ndjson'))).toBe(false);
  });

  it('a run that finds no flow in the code (a wrong glob) forgets nothing, so the next one still adopts', async () => {
    env = await startEmulatorProject(1);
    const landed = env.emu.state.create({ name: 'Old Name', steps: [] });
    leaveInterruptedCreate('flow-000', 'Old Name');
    const config = env.project.read('runtype.config.ts');
    env.project.write(
      'runtype.config.ts',
      config.replace(
        "defaultEnvironment: 'test',",
        "defaultEnvironment: 'test', flows: ['flow/**/*.ts'],",
      ),
    );
    expect((await env.cli('sync')).code).toBe(0);
    env.project.write('runtype.config.ts', config);
    const run = await env.cli('sync', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(env.emu.state.count()).toBe(1);
    expect(env.lockfile().environments.test!.flows['flow-000']!.id).toBe(landed.id);
  });
});
