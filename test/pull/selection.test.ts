import { existsSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { type EmulatorProject, useEmulatorProject } from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';

const prompt = (text: string) => [
  {
    id: 'p',
    name: 'P',
    type: 'prompt',
    order: 1,
    enabled: true,
    config: { model: 'gpt-4', userPrompt: text },
  },
];

let env: EmulatorProject;
beforeEach(async () => {
  env = await startEmulatorProject();
});
const startEmulatorProject = useEmulatorProject();

describe('pull: which flows, under which keys', () => {
  it('an ambiguous name is an error listing the candidates; nothing is written', async () => {
    const a = env.emu.state.create({ name: 'Twin', steps: prompt('a') });
    const b = env.emu.state.create({ name: 'Twin', steps: prompt('b') });
    const run = await env.cli('pull', 'Twin');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('2 remote flows are named "Twin"');
    expect(run.stderr).toContain(a.id);
    expect(run.stderr).toContain(b.id);
    expect(existsSync(env.project.path('flows'))).toBe(false);
  });

  it('pull --all pulls a shared name as separate keys and says how to resolve it', async () => {
    env.emu.state.create({ name: 'Twin', steps: prompt('a') });
    env.emu.state.create({ name: 'Twin', steps: prompt('b') });
    const run = await env.cli('pull', '--all');
    expect(run.code, run.stderr).toBe(0);
    expect(env.project.read('flows/twin.ts')).toContain("key: 'twin',");
    expect(env.project.read('flows/twin-2.ts')).toContain("key: 'twin-2',");
    expect(run.stdout).toContain('2 remote flows share the name "Twin"');
    expect(run.stdout).toContain('rename all but one in the dashboard');
  });

  it('a key or file name already taken gets a -2 suffix, said in the output', async () => {
    env.project.write('flows/report.ts', flowSource('report', 'Weekly Report (code)'));
    env.emu.state.create({ name: 'Report', steps: prompt('x') });
    const run = await env.cli('pull', 'Report');
    expect(run.code, run.stderr).toBe(0);
    expect(env.project.read('flows/report-2.ts')).toContain("key: 'report-2',");
    expect(run.stdout).toContain('"report" is already a key or a file');
  });

  it('pull --all leaves alone (and lists) remote flows a flow in code adopts by name', async () => {
    env.project.write('flows/mine.ts', flowSource('mine', 'Mine'));
    env.emu.state.create({ name: 'Mine', steps: prompt('remote') });
    env.emu.state.create({ name: 'Other', steps: prompt('o') });
    const run = await env.cli('pull', '--all', '--json');
    const doc = JSON.parse(run.stdout);
    expect(doc.flows.map((f: { key: string }) => f.key)).toEqual(['other']);
    expect(doc.skipped).toMatchObject([{ name: 'Mine', key: 'mine' }]);
  });

  it('pulling by name into an untracked code flow that differs is refused without --force', async () => {
    const source = flowSource('mine', 'Mine');
    env.project.write('flows/mine.ts', source);
    env.emu.state.create({
      name: 'Mine',
      steps: [
        {
          id: 'draft',
          name: 'Draft',
          type: 'prompt',
          order: 1,
          enabled: true,
          config: { model: 'gpt-4', userPrompt: 'Remote {{topic}}' },
        },
      ],
    });
    const run = await env.cli('pull', 'Mine');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('defines this flow differently');
    expect(env.project.read('flows/mine.ts')).toBe(source);
  });

  it('--out outside the flow globs is refused; --dry-run writes nothing', async () => {
    env.emu.state.create({ name: 'Solo', steps: prompt('s') });
    const outside = await env.cli('pull', '--all', '--out', 'elsewhere');
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('PULL_OUT_NOT_COVERED');
    const dry = await env.cli('pull', '--all', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('would write flows/solo.ts');
    expect(existsSync(env.project.path('flows/solo.ts'))).toBe(false);
    expect(existsSync(env.project.path('runtype.lock.json'))).toBe(false);
    const nested = await env.cli('pull', '--all', '--out', 'flows/imported');
    expect(nested.code, nested.stderr).toBe(0);
    expect(existsSync(env.project.path('flows/imported/solo.ts'))).toBe(true);
  });
});
