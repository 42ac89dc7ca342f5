import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';
import {
  createFakeWatcher,
  startWatch,
  type Event,
  type FakeWatcher,
  type WatchRun,
} from './helpers.js';

let env: EmulatorProject;
let run: WatchRun | undefined;
afterEach(async () => {
  await run?.stop();
  // The key must never appear in any output.
  for (const text of [...env.outputs, run?.stdout() ?? '', run?.stderr() ?? ''])
    expect(text).not.toContain(SENTINEL_KEY);
  run = undefined;
  await env.cleanup();
});

/** Starts watching a project already synced by `sync`, with the request log cleared. */
async function watchSynced(
  flowCount: number,
  watcher: FakeWatcher = createFakeWatcher(),
): Promise<{ watcher: FakeWatcher; ready: Event }> {
  env = await createEmulatorProject(flowCount);
  expect((await env.cli('sync')).code).toBe(0);
  env.emu.clearRequests();
  run = startWatch(env.project.root, watcher);
  const ready = await run.next((e) => e.event === 'ready');
  return { watcher, ready };
}

/** Waits for the next cycle-ending event after what has been seen so far. */
function nextCycle(r: WatchRun): Promise<Event> {
  return r.next(
    (e) => e.event === 'cycle' || e.event === 'invalid' || e.event === 'error',
    r.events.length,
  );
}

const idOf = (key: string) => env.lockfile().environments.test!.flows[key]!.id;
/** The writes of one update, or one create, in an environment that publishes (the default). */
const putAndPublish = (id: string) => [
  { method: 'PUT', path: `/v1/flows/${id}` },
  { method: 'POST', path: `/v1/flows/${id}/publish` },
];
const createAndPublish = (id: string) => [
  { method: 'POST', path: '/v1/flows' },
  { method: 'POST', path: `/v1/flows/${id}/publish` },
];

describe('runWatch', () => {
  it('starts with a full sync, then an edit is exactly one PUT and nothing else', async () => {
    const { watcher, ready } = await watchSynced(3);
    expect(ready).toMatchObject({ schemaVersion: 1, flows: 3 });
    const first = run!.events.find((e) => e.event === 'cycle')!;
    expect(first).toMatchObject({ full: true, ok: true, counts: { none: 3 } });
    expect(env.writes()).toEqual([]);

    env.emu.clearRequests();
    const file = env.project.write(
      'flows/flow-001.ts',
      flowSource('flow-001', 'Flow 1', { prompt: 'A new prompt about {{topic}}' }),
    );
    const pending = nextCycle(run!);
    watcher.fire({ kind: 'change', path: file });
    const cycle = await pending;
    expect(cycle).toMatchObject({
      event: 'cycle',
      full: false,
      ok: true,
      changed: ['flows/flow-001.ts'],
      counts: { updated: 1 },
    });
    const id = idOf('flow-001');
    // One read of the changed flow (drift check), its PUT and its publish (watch publishes as the
    // environment says; this one publishes by default): no listing, nothing about the other flows.
    expect(env.emu.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/flows/${id}`,
      `PUT /v1/flows/${id}`,
      `POST /v1/flows/${id}/publish`,
    ]);
    expect(env.emu.state.get(id)?.flowSteps?.[0]?.config).toMatchObject({
      userPrompt: 'A new prompt about {{topic}}',
    });
    // The lock state was committed at the end of the cycle, not at the end of the session.
    expect(existsSync(env.project.path('.runtype/journal/test.ndjson'))).toBe(false);
  });

  it('a broken edit is reported with file:line and applies nothing; the fix is one PUT', async () => {
    const { watcher } = await watchSynced(2);
    const id = idOf('flow-000');
    const before = JSON.stringify(env.emu.state.get(id));
    const broken = flowSource('flow-000', 'Flow 0').replace("name: 'Draft'", 'name: 42');
    const file = env.project.write('flows/flow-000.ts', broken);
    let pending = nextCycle(run!);
    watcher.fire({ kind: 'change', path: file });
    const invalid = await pending;
    expect(invalid.event).toBe('invalid');
    const error = invalid.diagnostics!.find((d) => d.severity === 'error')!;
    expect(error.file).toBe(file);
    expect(error.line).toBe(broken.split('\n').findIndex((l) => l.includes('name: 42')) + 1);
    expect(env.writes()).toEqual([]);
    expect(JSON.stringify(env.emu.state.get(id))).toBe(before);

    env.project.write(
      'flows/flow-000.ts',
      flowSource('flow-000', 'Flow 0', { prompt: 'Fixed {{topic}}' }),
    );
    pending = nextCycle(run!);
    watcher.fire({ kind: 'change', path: file });
    expect(await pending).toMatchObject({ event: 'cycle', ok: true, counts: { updated: 1 } });
    expect(env.writes()).toEqual(putAndPublish(id));
  });

  it('a new file is one POST (then its publish)', async () => {
    const { watcher } = await watchSynced(2);
    const file = env.project.write('flows/new-one.ts', flowSource('new-one', 'New One'));
    const pending = nextCycle(run!);
    watcher.fire({ kind: 'add', path: file });
    expect(await pending).toMatchObject({ ok: true, counts: { created: 1 } });
    expect(env.writes()).toEqual(createAndPublish(idOf('new-one')));
    expect(env.emu.state.count()).toBe(3);
    expect(idOf('new-one')).toBeTruthy();
  });

  it('an edit of a helper module outside the globs, imported by two flows, is two PUTs', async () => {
    env = await createEmulatorProject(1);
    env.project.write('lib/model.ts', "export const MODEL = 'gpt-4';\n");
    for (const key of ['uses-a', 'uses-b']) {
      env.project.write(
        `flows/${key}.ts`,
        flowSource(key, key)
          .replace(
            "import { defineFlow, prompt } from 'runtype-flows';",
            "import { defineFlow, prompt } from 'runtype-flows';\nimport { MODEL } from '../lib/model';",
          )
          .replace('model: "gpt-4"', 'model: MODEL'),
      );
    }
    const watcher = createFakeWatcher();
    run = startWatch(env.project.root, watcher);
    await run.next((e) => e.event === 'ready');
    expect(env.emu.state.count()).toBe(3);
    // Tracked from what was loaded, not from the globs.
    expect(watcher.paths()).toContain(env.project.path('lib/model.ts'));

    env.emu.clearRequests();
    env.project.write('lib/model.ts', "export const MODEL = 'gpt-4o';\n");
    const pending = nextCycle(run);
    watcher.fire({ kind: 'change', path: env.project.path('lib/model.ts') });
    expect(await pending).toMatchObject({
      ok: true,
      counts: { updated: 2 },
      changed: ['lib/model.ts'],
    });
    expect(env.writes().sort((a, b) => a.path.localeCompare(b.path))).toEqual(
      [idOf('uses-a'), idOf('uses-b')].sort().flatMap(putAndPublish),
    );
  });

  it('a removed file deletes nothing and says so', async () => {
    const { watcher } = await watchSynced(2);
    const id = idOf('flow-001');
    env.project.remove('flows/flow-001.ts');
    const pending = nextCycle(run!);
    watcher.fire({ kind: 'unlink', path: env.project.path('flows/flow-001.ts') });
    const cycle = await pending;
    expect(cycle.outcomes).toEqual([
      expect.objectContaining({
        key: 'flow-001',
        status: 'skipped',
        reason: 'removed from code; deleted only by `sync --prune`',
      }),
    ]);
    expect(env.writes()).toEqual([]);
    expect(env.emu.state.get(id)).toBeDefined();
    expect(idOf('flow-001')).toBe(id);
  });

  it('a config change reloads: new globs bring in a new flow, and the new folder is watched', async () => {
    const { watcher } = await watchSynced(1);
    const config = env.project.read('runtype.config.ts');
    env.project.write('more/extra.ts', flowSource('extra', 'Extra'));
    env.project.write(
      'runtype.config.ts',
      config.replace(
        "defaultEnvironment: 'test',",
        "defaultEnvironment: 'test',\n  flows: ['flows/**/*.ts', 'more/*.ts'],",
      ),
    );
    expect(watcher.paths()).toContain(env.project.path('runtype.config.ts'));
    const pending = nextCycle(run!);
    watcher.fire({ kind: 'change', path: env.project.path('runtype.config.ts') });
    expect(await pending).toMatchObject({
      ok: true,
      counts: { created: 1 },
      changed: ['runtype.config.ts'],
    });
    expect(env.writes()).toEqual(createAndPublish(idOf('extra')));
    expect(watcher.paths()).toContain(env.project.path('more'));
  });

  it('changes arriving during a cycle are coalesced into one follow-up cycle', async () => {
    const { watcher } = await watchSynced(3);
    const files = ['flow-000', 'flow-001', 'flow-002'].map((key) =>
      env.project.write(`flows/${key}.ts`, flowSource(key, key, { prompt: `edited ${key}` })),
    );
    const seen = run!.events.length;
    watcher.fire({ kind: 'change', path: files[0]! }); // starts a cycle at once
    watcher.fire({ kind: 'change', path: files[1]! }); // arrive while it runs
    watcher.fire({ kind: 'change', path: files[2]! });
    const first = await run!.next((e) => e.event === 'cycle', seen);
    const second = await run!.next((e) => e.event === 'cycle' && e !== first, seen);
    expect(first.changed).toEqual(['flows/flow-000.ts']);
    expect(second.changed).toEqual(['flows/flow-001.ts', 'flows/flow-002.ts']);
    // A cycle re-reads only the files its events named (and their importers): the first applies
    // flow-000's edit, the follow-up the other two.
    expect(first.counts).toMatchObject({ updated: 1 });
    expect(second.counts).toMatchObject({ updated: 2 });
    expect(env.writes().filter((w) => w.method === 'PUT')).toHaveLength(3);
    await run!.stop();
    expect(run!.events.filter((e) => e.event === 'cycle')).toHaveLength(3); // the first full one and these two
  });

  it('an irrelevant file (not a module, not loaded) starts no cycle', async () => {
    const { watcher } = await watchSynced(1);
    const seen = run!.events.length;
    watcher.fire(
      { kind: 'add', path: env.project.write('flows/notes.md', '# notes\n') },
      { kind: 'change', path: env.project.write('scratch.ts', 'export {};\n') },
    );
    await run!.stop();
    expect(run!.events.slice(seen).map((e) => e.event)).toEqual(['stopped']);
    expect(watcher.ignored(env.project.path('node_modules/x/index.js'))).toBe(true);
    expect(watcher.ignored(env.project.path('.runtype/lock/test.json'))).toBe(true);
  });

  it('Ctrl-C stops cleanly: lock state committed, writer lock released, watcher closed', async () => {
    const { watcher } = await watchSynced(1);
    const file = env.project.write(
      'flows/flow-000.ts',
      flowSource('flow-000', 'Flow 0', { prompt: 'last edit {{topic}}' }),
    );
    const pending = nextCycle(run!);
    watcher.fire({ kind: 'change', path: file });
    await pending;
    const summary = await run!.stop();
    expect(summary).toEqual({ cycles: 2, reason: 'interrupted' });
    expect(run!.events.at(-1)).toEqual({
      schemaVersion: 1,
      event: 'stopped',
      cycles: 2,
      reason: 'interrupted',
    });
    expect(watcher.closed()).toBe(true);
    expect(existsSync(env.project.path('.runtype/sync.pid'))).toBe(false);
    expect(existsSync(env.project.path('.runtype/journal/test.ndjson'))).toBe(false);
    // A fresh sync sees the watch's last write as its own: nothing to do.
    env.emu.clearRequests();
    expect((await env.cli('sync')).code).toBe(0);
    expect(env.writes()).toEqual([]);
  });

  it('Ctrl-C during a cycle cuts it short and still commits and releases everything', async () => {
    // More changes than the 8 requests in flight at a time: some are under way, some not started.
    const { watcher } = await watchSynced(20);
    const files = Array.from({ length: 20 }, (_, i) => `flow-${String(i).padStart(3, '0')}`).map(
      (key) =>
        env.project.write(`flows/${key}.ts`, flowSource(key, key, { prompt: `slow ${key}` })),
    );
    env.emu.setFaults({ latencyMs: 200 });
    watcher.fire(...files.map((path) => ({ kind: 'change' as const, path })));
    while (!env.emu.requests.some((r) => r.method === 'PUT'))
      await new Promise((resolve) => setTimeout(resolve, 10));
    const summary = await run!.stop();
    expect(summary.reason).toBe('interrupted');
    expect(run!.events.at(-1)?.event).toBe('stopped');
    expect(run!.events.some((e) => e.event === 'error')).toBe(false); // an abort is not an error
    // Requests cut off in flight are part of the interruption, not failures: the exit is 0 and the
    // next sync finishes them.
    const cycle = run!.events.findLast((e) => e.event === 'cycle')!;
    expect(cycle).toMatchObject({ ok: true, counts: { failed: 0 } });
    const { notStarted, cutShort } = (
      cycle as unknown as { interrupted: { notStarted: number; cutShort: string[] } }
    ).interrupted;
    expect(cutShort.length).toBeGreaterThan(0);
    expect(cycle.outcomes!.filter((o) => cutShort.includes(o.key))).toEqual([]);
    expect(cycle.outcomes!.length + cutShort.length + notStarted).toBe(20);
    expect(existsSync(env.project.path('.runtype/sync.pid'))).toBe(false);
    expect(existsSync(env.project.path('.runtype/journal/test.ndjson'))).toBe(false);
  });

  it('Ctrl-C during the first load opens nothing: no writer lock, no lock state, no session', async () => {
    env = await createEmulatorProject(1);
    // A flow module that holds the first load until the test has pressed Ctrl-C.
    const started = env.project.path('load-started');
    const go = env.project.path('go');
    env.project.write(
      'flows/slow.ts',
      `import { existsSync, writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(started)}, '');\nwhile (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 10));\n${flowSource('slow', 'Slow').replace(/^import .*\n/, '')}`.replace(
        '\n',
        "\nimport { defineFlow, prompt } from 'runtype-flows';\n",
      ),
    );
    const watcher = createFakeWatcher();
    run = startWatch(env.project.root, watcher);
    while (!existsSync(started)) await new Promise((resolve) => setTimeout(resolve, 10));
    const stopping = run.stop();
    env.project.write('go', '');
    expect(await stopping).toEqual({ cycles: 1, reason: 'interrupted' });
    expect(run.events.map((e) => e.event)).toEqual(['stopped']);
    expect(existsSync(env.project.path('.runtype'))).toBe(false);
    expect(existsSync(env.project.path('runtype.lock.json'))).toBe(false);
    expect(env.emu.requests).toEqual([]);
    expect(watcher.closed()).toBe(false); // never started
  });

  it('a glob that matches nothing reads nothing remote and says why', async () => {
    const { watcher } = await watchSynced(3);
    const config = env.project.read('runtype.config.ts');
    env.project.write(
      'runtype.config.ts',
      config.replace(
        "defaultEnvironment: 'test',",
        "defaultEnvironment: 'test',\n  flows: ['flow/**/*.ts'],",
      ),
    );
    env.emu.clearRequests();
    const pending = nextCycle(run!);
    watcher.fire({ kind: 'change', path: env.project.path('runtype.config.ts') });
    expect(await pending).toMatchObject({
      event: 'cycle',
      ok: true,
      outcomes: [],
      diagnostics: [expect.objectContaining({ code: 'NO_FLOW_FILES' })],
    });
    expect(env.emu.requests).toEqual([]);
    expect(run!.stderr()).toContain('no flow file matches "flow/**/*.ts"');
    // Fixing the glob finds everything as it was: nothing to read either.
    env.project.write('runtype.config.ts', config);
    const fixed = nextCycle(run!);
    watcher.fire({ kind: 'change', path: env.project.path('runtype.config.ts') });
    expect(await fixed).toMatchObject({ event: 'cycle', ok: true, outcomes: [] });
    expect(env.emu.requests).toEqual([]);
  });

  it('says when RUNTYPE_API_KEY overrides the environment key, and with --verbose names helper modules, as sync does', async () => {
    env = await createEmulatorProject(1);
    env.project.write(
      'runtype.config.ts',
      env.project
        .read('runtype.config.ts')
        .replace("apiKeyEnv: 'RUNTYPE_API_KEY'", "apiKeyEnv: 'DEV_KEY'"),
    );
    env.project.write('flows/shared.ts', "export const TONE = 'friendly';\n");
    run = startWatch(env.project.root, createFakeWatcher(), {}, 0, {
      env: { DEV_KEY: 'the-dev-key' },
      verbose: true,
    });
    await run.next((e) => e.event === 'ready');
    expect(run.stderr()).toContain(
      'RUNTYPE_API_KEY is set and overrides DEV_KEY for environment "test"',
    );
    expect(run.stderr()).toContain(
      `helper module (exports no flow): ${env.project.path('flows/shared.ts')}`,
    );
  });

  it('an invalid project at start waits for the fix, then syncs everything', async () => {
    env = await createEmulatorProject(2);
    const file = env.project.write('flows/flow-001.ts', 'export default defineFlow({ key: ;\n');
    const watcher = createFakeWatcher();
    run = startWatch(env.project.root, watcher);
    expect(
      (await run.next((e) => e.event === 'invalid')).diagnostics!.some((d) => d.file === file),
    ).toBe(true);
    await run.next((e) => e.event === 'ready');
    expect(env.emu.requests).toEqual([]);
    env.project.write('flows/flow-001.ts', flowSource('flow-001', 'Flow 1'));
    const pending = nextCycle(run);
    watcher.fire({ kind: 'change', path: file });
    expect(await pending).toMatchObject({ event: 'cycle', full: true, counts: { created: 2 } });
  });

  it('an API failure in a cycle is reported and watching goes on; the next save retries', async () => {
    const { watcher } = await watchSynced(1);
    const file = env.project.write(
      'flows/flow-000.ts',
      flowSource('flow-000', 'Flow 0', { prompt: 'while down {{topic}}' }),
    );
    env.emu.setFaults({ rateLimitRate: 1, retryAfterSeconds: 0 });
    let pending = nextCycle(run!);
    watcher.fire({ kind: 'change', path: file });
    const failed = await pending;
    expect(failed.event).toBe('error');
    expect(failed.fatal).toBe(false);
    env.emu.clearFaults();
    env.emu.clearRequests();
    pending = nextCycle(run!);
    watcher.fire({ kind: 'change', path: file });
    expect(await pending).toMatchObject({ event: 'cycle', ok: true, counts: { updated: 1 } });
    expect(env.writes()).toEqual(putAndPublish(idOf('flow-000')));
  });
});
