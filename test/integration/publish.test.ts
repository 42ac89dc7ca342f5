import { afterEach, describe, expect, it } from 'vitest';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';

type LockEntry = { id: string; hash: string; published?: string };
const entries = (env: EmulatorProject) =>
  Object.values(env.lockfile().environments.test!.flows) as LockEntry[];
const publishedCount = (env: EmulatorProject, id: string) =>
  env.emu.state.versions(id).filter((v) => v.versionType === 'published').length;

let env: EmulatorProject;
afterEach(async () => {
  for (const text of env.outputs) expect(text).not.toContain(SENTINEL_KEY);
  await env.cleanup();
});

/**
 * Publish is a POST: a lost answer cannot be retried blindly, and a publish
 * that did land makes the next one answer "nothing to publish". Both must end
 * with the flow live and recorded, never with a flow that fails on every run.
 */
describe('sync --publish settles publishes whose answer is unclear', () => {
  it('a flow published outside the tool is recorded as live, not failed', async () => {
    env = await createEmulatorProject(2);
    // Deployed as drafts (publishing is on by default), then published in the dashboard.
    expect((await env.cli('sync', '--no-publish')).code).toBe(0);
    const [first] = entries(env);
    env.emu.state.publish(first!.id); // e.g. in the dashboard

    const run = await env.cli('sync', '--publish', '--json');
    expect(run.code, run.stdout).toBe(0);
    expect(entries(env).every((e) => e.published === e.hash)).toBe(true);
    expect(publishedCount(env, first!.id)).toBe(1); // not published a second time

    env.emu.clearRequests();
    expect((await env.cli('sync', '--publish')).code).toBe(0);
    expect(env.writes()).toEqual([]);
  });

  it('publishes whose answers are lost end published exactly once each', async () => {
    env = await createEmulatorProject(40);
    // Drafts first (publishing is on by default), so that only publishes are in flight next.
    expect((await env.cli('sync', '--no-publish')).code).toBe(0);
    // Only publishes are in flight now: every one has a fair chance of landing without an answer.
    env.emu.setFaults({ commitThenDropRate: 0.3, errorRate: 0.1, seed: 7 });
    const run = await env.cli('sync', '--publish', '--json');
    env.emu.clearFaults();

    const dropped = env.emu.requests.filter(
      (r) => r.fault === 'commit-then-drop' && r.path.endsWith('/publish'),
    );
    expect(dropped.length).toBeGreaterThan(3);
    const failed = (JSON.parse(run.stdout) as { outcomes: { status: string }[] }).outcomes.filter(
      (o) => o.status === 'failed',
    );
    // A 500 on the versions check itself may fail a flow this run; the next run must finish it.
    const second = failed.length > 0 ? await env.cli('sync', '--publish') : run;
    expect(second.code, second.stdout).toBe(0);

    for (const entry of entries(env)) {
      expect(entry.published).toBe(entry.hash);
      expect(publishedCount(env, entry.id)).toBe(1);
    }
  });
});
