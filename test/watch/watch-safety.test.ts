import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorProject, type EmulatorProject } from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';
import { createFakeWatcher, startWatch, type WatchRun } from './helpers.js';

/**
 * `sync --watch` never deploys half-finished work into a team's section, and leaves no stray flows
 * unsaid.
 */
let env: EmulatorProject;
let run: WatchRun | undefined;
afterEach(async () => {
  await run?.stop();
  run = undefined;
  await env.cleanup();
});

describe('sync --watch on a shared lock section', () => {
  it('is refused with exit 2 and writes nothing, without asking', async () => {
    env = await createEmulatorProject(2); // a URL environment: its section is runtype.lock.json
    const refused = await env.cli('sync', '--watch');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('whose lock section is shared (runtype.lock.json, committed)');
    expect(refused.stderr).toContain('--allow-shared');
    expect(env.writes()).toEqual([]);
    expect(env.emu.state.count()).toBe(0);
  });

  it('--allow-shared needs --watch', async () => {
    env = await createEmulatorProject(1);
    const run = await env.cli('sync', '--allow-shared');
    expect(run.code).toBe(1);
    expect(env.writes()).toEqual([]);
  });
});

describe('flows a watch session created, then saw deleted', () => {
  it('are listed when it stops, with the command that removes them', async () => {
    env = await createEmulatorProject(1);
    const watcher = createFakeWatcher();
    run = startWatch(env.project.root, watcher, { allowShared: true });
    await run.next((e) => e.event === 'ready');

    const scratch = env.project.write('flows/scratch.ts', flowSource('scratch', 'Scratch'));
    let after = run.events.length;
    watcher.fire({ kind: 'add', path: scratch });
    await run.next((e) => e.event === 'cycle', after);
    const id = env.lockfile().environments.test!.flows.scratch!.id;

    env.project.remove('flows/scratch.ts');
    after = run.events.length;
    watcher.fire({ kind: 'unlink', path: scratch });
    await run.next((e) => e.event === 'cycle', after);

    await run.stop();
    const stopped = run.events.find((e) => e.event === 'stopped');
    expect(stopped).toMatchObject({
      reason: 'interrupted',
      leftBehind: [{ key: 'scratch', remoteId: id }],
      cleanup: 'runtype-flows sync --prune',
    });
    expect(env.emu.state.get(id)).toBeDefined();
    run = undefined;
  });

  it('a flow created and kept is not listed', async () => {
    env = await createEmulatorProject(0);
    const watcher = createFakeWatcher();
    run = startWatch(env.project.root, watcher, { allowShared: true });
    await run.next((e) => e.event === 'ready');
    const kept = env.project.write('flows/kept.ts', flowSource('kept', 'Kept'));
    const after = run.events.length;
    watcher.fire({ kind: 'add', path: kept });
    await run.next((e) => e.event === 'cycle', after);
    await run.stop();
    expect(run.events.find((e) => e.event === 'stopped')).not.toHaveProperty('leftBehind');
    run = undefined;
  });
});
