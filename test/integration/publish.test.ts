import { describe, expect, it } from 'vitest';
import {
  SENTINEL_KEY,
  type EmulatorProject,
  useEmulatorProject,
} from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';
import { READING } from '../helpers/reading.js';

type LockEntry = { id: string; hash: string; published?: string; publishedVersionId?: string };
const entries = (env: EmulatorProject) =>
  Object.values(env.lockfile().environments.test!.flows) as LockEntry[];
/** Versions published so far (no longer live ones may be typed otherwise: the second reading). */
const publishedCount = (env: EmulatorProject, id: string) =>
  env.emu.state.versions(id).filter((v) => v.versionType !== 'draft').length;
/** The code of every flow edited, so that the next sync writes a draft of each. */
const editAll = (env: EmulatorProject, count: number, text: string) => {
  for (let i = 0; i < count; i += 1) {
    const key = `flow-${String(i).padStart(3, '0')}`;
    env.project.write(`flows/${key}.ts`, flowSource(key, `Flow ${i}`, { prompt: text }));
  }
};
/** The live version as the API reports it. */
const liveOf = async (env: EmulatorProject, id: string) => {
  const response = await fetch(`${env.emu.url}/v1/flow-versions/${id}`, {
    headers: { authorization: `Bearer ${SENTINEL_KEY}` },
  });
  return ((await response.json()) as { publishedVersionId: string | null }).publishedVersionId;
};

let env: EmulatorProject;
const startEmulatorProject = useEmulatorProject();

/**
 * Publish is a POST: a lost answer cannot be retried blindly, and a publish
 * that did land makes the next one answer "nothing to publish". Both must end
 * with the flow live and recorded, never with a flow that fails on every run.
 */
describe('sync --publish settles publishes whose answer is unclear', () => {
  it('a flow published outside the tool is recorded as live, not failed', async () => {
    env = await startEmulatorProject(2);
    expect((await env.cli('sync')).code).toBe(0);
    // An edit deployed as drafts (publishing is on by default), then published in the dashboard.
    editAll(env, 2, 'Second {{topic}}');
    expect((await env.cli('sync', '--no-publish')).code).toBe(0);
    const [first] = entries(env);
    env.emu.state.publish(first!.id); // e.g. in the dashboard

    const run = await env.cli('sync', '--publish', '--json');
    expect(run.code, run.stdout).toBe(0);
    expect(entries(env).every((e) => e.published === e.hash)).toBe(true);
    expect(publishedCount(env, first!.id)).toBe(2); // not published a second time
    expect(entries(env)[0]!.publishedVersionId).toBe(await liveOf(env, first!.id));

    env.emu.clearRequests();
    expect((await env.cli('sync', '--publish')).code).toBe(0);
    expect(env.writes()).toEqual([]);
  });

  it('publishes whose answers are lost end published exactly once each', async () => {
    env = await startEmulatorProject(40);
    expect((await env.cli('sync')).code).toBe(0);
    // Drafts next (publishing is on by default), so that only publishes are in flight after.
    editAll(env, 40, 'Second {{topic}}');
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
      expect(publishedCount(env, entry.id)).toBe(2);
    }
  });
});

describe('a publish answered 404 (nothing to publish) is settled by the versions', () => {
  it('another version live, the code published earlier as a version: that version is published by id', async () => {
    env = await startEmulatorProject(1);
    expect((await env.cli('sync')).code).toBe(0); // v1 live
    const [{ id }] = entries(env) as [LockEntry];
    const v1 = (await liveOf(env, id))!;
    env.project.write(
      'flows/flow-000.ts',
      flowSource('flow-000', 'Flow 0', { prompt: 'Second {{topic}}' }),
    );
    expect((await env.cli('sync', '--no-publish')).code).toBe(0); // a draft with the code
    // In the dashboard: the draft is published (v2), then v1 is made live again.
    const v2 = env.emu.state.publish(id);
    const rollback = await fetch(`${env.emu.url}/v1/flow-versions/${id}/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SENTINEL_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ versionId: v1 }),
    });
    expect(rollback.status).toBe(200);

    env.emu.clearRequests();
    const run = await env.cli('sync', '--json');
    expect(run.code, run.stdout).toBe(0);
    expect(env.emu.requests.filter((r) => r.method === 'POST')).toEqual([
      expect.objectContaining({ path: `/v1/flows/${id}/publish`, status: 404 }),
      expect.objectContaining({ path: `/v1/flow-versions/${id}/publish`, status: 200 }),
    ]);
    expect(env.emu.requests.at(-1)!.body).toEqual({ versionId: v2 });
    // What is recorded is what the API made live: v2 itself (first reading), or a copy of it.
    const live = await liveOf(env, id);
    expect(entries(env)[0]).toMatchObject({ publishedVersionId: live });
    expect({ reading: READING, v2IsLive: live === v2 }).toEqual({
      reading: READING,
      v2IsLive: READING === 'first',
    });
    expect((await env.cli('plan', '--refresh', '--exit-code')).code).toBe(0);
    expect((await env.cli('sync')).code).toBe(0);
    expect(env.writes()).toHaveLength(2); // nothing more after the settling
  });
});
