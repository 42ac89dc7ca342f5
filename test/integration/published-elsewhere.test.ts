/**
 * A flow whose latest content is already published by someone else (issue 18): adopted already
 * live, adopted by a second environment, published in the dashboard after `--no-publish`. Each
 * must converge under either reading of the API document (vitest.config.ts runs this file under
 * both): every later `sync` exits 0, `plan --exit-code` exits 0, and `versions` marks the live
 * version as the one holding the code. The other three ways — a publish a killed or interrupted
 * run never recorded — are test/e2e/chaos.test.ts, sigkill.test.ts and interrupt.test.ts, which
 * end with the same checks (test/helpers/converged.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expectConverged } from '../helpers/converged.js';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';
import { READING } from '../helpers/reading.js';

let env: EmulatorProject;
afterEach(async () => {
  for (const text of env.outputs) expect(text).not.toContain(SENTINEL_KEY);
  await env.cleanup();
});

const keyOf = (i: number) => `flow-${String(i).padStart(3, '0')}`;
const flowsIn = (envName = 'test') => env.lockfile().environments[envName]?.flows ?? {};

describe(`published elsewhere, then synced (${READING} reading)`, () => {
  it('adopting an existing flow that is already published', async () => {
    env = await createEmulatorProject(0);
    env.project.write('flows/a.ts', flowSource('a', 'Flow A'));
    // Made and published elsewhere, with the content the code has.
    const step = {
      id: 'draft',
      name: 'Draft',
      type: 'prompt',
      order: 1,
      enabled: true,
      config: { model: 'gpt-4', userPrompt: 'Write about {{topic}}', outputVariable: 'draft' },
    };
    const made = env.emu.state.create({ name: 'Flow A', steps: [step] });
    // The first reading leaves a draft after a create; the second publishes at once.
    const drafts = env.emu.state.versions(made.id).filter((v) => v.versionType === 'draft');
    for (const _draft of drafts) env.emu.state.publish(made.id);
    expect(env.emu.state.versions(made.id).map((v) => v.versionType)).toEqual(['published']);
    const run = await env.cli('sync', '--json');
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.stdout).outcomes).toEqual([
      expect.objectContaining({ key: 'a', action: 'adopted', published: true }),
    ]);
    await expectConverged(env, ['a']);
  });

  it('two environments adopting one flow', async () => {
    env = await createEmulatorProject(2);
    const config = env.project.read('runtype.config.ts');
    const url = JSON.stringify(env.emu.url);
    env.project.write(
      'runtype.config.ts',
      config.replace(
        /environments: \{[^\n]*\n/,
        `environments: {\n    test: { url: ${url}, apiKeyEnv: 'RUNTYPE_API_KEY' },\n` +
          `    other: { url: ${url}, apiKeyEnv: 'RUNTYPE_API_KEY' },\n  },\n`,
      ),
    );
    expect((await env.cli('sync')).code).toBe(0);
    const run = await env.cli('sync', '--env', 'other', '--yes', '--json');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).outcomes).toEqual([
      expect.objectContaining({ action: 'adopted', published: true }),
      expect.objectContaining({ action: 'adopted', published: true }),
    ]);
    expect(flowsIn('other')[keyOf(0)]!.id).toBe(flowsIn('test')[keyOf(0)]!.id);
    expect(env.emu.state.count()).toBe(2);
    await expectConverged(env, [keyOf(0)], 'other');
    await expectConverged(env, [keyOf(1)], 'test');
  });

  it('a publish made in the dashboard after sync --no-publish', async () => {
    env = await createEmulatorProject(2);
    expect((await env.cli('sync')).code).toBe(0);
    env.project.write(
      `flows/${keyOf(0)}.ts`,
      flowSource(keyOf(0), 'Flow 0', { prompt: 'Edited {{topic}}' }),
    );
    expect((await env.cli('sync', '--no-publish')).code).toBe(0);
    const id = flowsIn()[keyOf(0)]!.id;
    env.emu.state.publish(id); // in the dashboard
    const run = await env.cli('sync', '--json');
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.stdout).outcomes).toEqual([
      expect.objectContaining({ key: keyOf(0), action: 'published', published: true }),
      expect.objectContaining({ key: keyOf(1), status: 'unchanged' }),
    ]);
    await expectConverged(env, [keyOf(0), keyOf(1)]);
  });
});
