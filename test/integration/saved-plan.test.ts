import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

/*
 * `plan --out FILE` / `sync --plan FILE`: what was reviewed on a pull request is what deploys.
 * The saved plan is applied only when planning again gives exactly it; otherwise exit 2 and
 * nothing written. The environment is an http URL (an emulator on 127.0.0.1).
 */

let env: EmulatorProject;
afterEach(async () => {
  await env.cleanup();
});

const REPO = path.resolve(import.meta.dirname, '../..');
const ajv = new Ajv2020({ allErrors: true, strict: false });
const schema = (file: string) =>
  ajv.compile(JSON.parse(readFileSync(path.join(REPO, 'schemas', file), 'utf8')) as object);

const lockText = () => readFileSync(env.project.path('runtype.lock.json'), 'utf8');
const ids = () =>
  Object.fromEntries(
    Object.entries(env.lockfile().environments.test?.flows ?? {}).map(([k, v]) => [k, v.id]),
  );

/** Three synced flows, then: flow-000 edited, flow-001 removed, flow-new added. */
async function projectWithChanges(): Promise<void> {
  env = await createEmulatorProject(3);
  expect((await env.cli('sync')).code).toBe(0);
  env.project.write('flows/flow-000.ts', flowSource('flow-000', 'Flow 0', { prompt: 'Reviewed' }));
  env.project.remove('flows/flow-001.ts');
  env.project.write('flows/flow-new.ts', flowSource('flow-new', 'New flow'));
}

interface SavedPlanFile {
  version: number;
  target: { environment: string; apiUrl: string };
  lockStateHash: string;
  options: { prune: boolean };
  changes: {
    key: string;
    kind: string;
    codeHash?: string;
    remoteId?: string;
    remoteHash?: string;
  }[];
}

const readPlan = () => JSON.parse(env.project.read('plan.json')) as SavedPlanFile;

/** A stale plan's refusal: exit 2, nothing written, the lock state as it was. */
async function expectRefused(args: string[], reason: RegExp): Promise<void> {
  const lockBefore = lockText();
  env.emu.clearRequests();
  const run = await env.cli('sync', '--plan', 'plan.json', '--yes', ...args);
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stdout).toMatch(reason);
  expect(run.stdout).toContain('runtype-flows plan --env test --prune --out plan.json');
  expect(env.writes()).toEqual([]);
  expect(lockText()).toBe(lockBefore);
}

describe('plan --out FILE, then sync --plan FILE', () => {
  it('writes a versioned plan with what it was made from, and applies exactly it', async () => {
    await projectWithChanges();
    const before = ids();
    env.emu.clearRequests();
    const made = await env.cli('plan', '--out', 'plan.json', '--prune');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toContain('runtype-flows sync --plan plan.json');
    expect(env.writes()).toEqual([]);
    // The remote of every flow the plan touches was read, the deleted one included.
    expect(env.emu.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      `GET /v1/flows/${before['flow-001']}`,
    );

    const saved = readPlan();
    const validate = schema('saved-plan.schema.json');
    expect(validate(saved), ajv.errorsText(validate.errors)).toBe(true);
    expect(saved).toMatchObject({
      version: 1,
      target: { environment: 'test', apiUrl: `${env.emu.url}/v1` },
      options: { prune: true },
    });
    expect(saved.lockStateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.changes.map((c) => [c.key, c.kind])).toEqual([
      ['flow-000', 'update'],
      ['flow-001', 'delete'],
      ['flow-002', 'noop'],
      ['flow-new', 'create'],
    ]);
    const update = saved.changes[0]!;
    expect(update).toMatchObject({ remoteId: before['flow-000'] });
    expect(update.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(update.remoteHash).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.changes[1]!.remoteHash).toMatch(/^[0-9a-f]{64}$/);

    env.emu.clearRequests();
    const applied = await env.cli('sync', '--plan', 'plan.json', '--yes');
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    // The request log is the plan's changes, nothing more.
    expect(env.writes()).toEqual(
      expect.arrayContaining([
        { method: 'PUT', path: `/v1/flows/${before['flow-000']}` },
        { method: 'DELETE', path: `/v1/flows/${before['flow-001']}` },
        { method: 'POST', path: '/v1/flows' },
        { method: 'POST', path: `/v1/flows/${before['flow-000']}/publish` },
      ]),
    );
    // The update, the deletion and the create, and the publish of the update and of the create.
    expect(env.writes()).toHaveLength(5);
    expect(Object.keys(ids()).sort()).toEqual(['flow-000', 'flow-002', 'flow-new']);
  });

  it('a plan made without --prune deletes nothing, and needs no --yes without a terminal', async () => {
    await projectWithChanges();
    expect((await env.cli('plan', '--out', 'plan.json')).code).toBe(0);
    expect(readPlan().options.prune).toBe(false);
    env.emu.clearRequests();
    const applied = await env.cli('sync', '--plan', 'plan.json');
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(
      env
        .writes()
        .map((w) => w.method)
        .sort(),
    ).toEqual(['POST', 'POST', 'POST', 'PUT']); // create, update, and the publish of each
    expect(env.emu.state.count()).toBe(4);
  });

  it('a plan with deletions still needs --yes for them, like any deletion', async () => {
    await projectWithChanges();
    expect((await env.cli('plan', '--out', 'plan.json', '--prune')).code).toBe(0);
    env.emu.clearRequests();
    const run = await env.cli('sync', '--plan', 'plan.json');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Re-run with: runtype-flows sync --plan plan.json --yes');
    expect(env.writes()).toEqual([]);
  });

  it('refuses when the code changed after the plan was made', async () => {
    await projectWithChanges();
    expect((await env.cli('plan', '--out', 'plan.json', '--prune')).code).toBe(0);
    env.project.write('flows/flow-002.ts', flowSource('flow-002', 'Flow 2', { prompt: 'Sneaky' }));
    await expectRefused([], /code of flow flow-002 changed/);
  });

  it('refuses when the remote was edited through the API after the plan was made', async () => {
    await projectWithChanges();
    expect((await env.cli('plan', '--out', 'plan.json', '--prune')).code).toBe(0);
    const id = ids()['flow-000']!;
    const edit = await fetch(`${env.emu.url}/v1/flows/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${SENTINEL_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Flow 0 (edited in the dashboard)' }),
    });
    expect(edit.status).toBe(200);
    await expectRefused([], /remote of flow flow-000 changed/);
  });

  it('refuses when a flow to be deleted was edited remotely after the plan was made', async () => {
    await projectWithChanges();
    expect((await env.cli('plan', '--out', 'plan.json', '--prune')).code).toBe(0);
    env.emu.state.update(ids()['flow-001']!, { name: 'Flow 1 (still in use)' });
    await expectRefused([], /remote of flow flow-001 changed/);
  });

  it('refuses when the lock state changed (another sync ran in between)', async () => {
    await projectWithChanges();
    expect((await env.cli('plan', '--out', 'plan.json', '--prune')).code).toBe(0);
    expect((await env.cli('sync', '--only', 'flow-new')).code).toBe(0);
    await expectRefused([], /the lock state of "test" changed/);
  });

  it('refuses a plan made for another environment', async () => {
    await projectWithChanges();
    env.project.write(
      'runtype.config.ts',
      env.project
        .read('runtype.config.ts')
        .replace(
          'environments: {',
          `environments: { staging: { url: ${JSON.stringify(env.emu.url)}, apiKeyEnv: 'RUNTYPE_API_KEY' },`,
        ),
    );
    expect((await env.cli('plan', '--out', 'plan.json', '--prune')).code).toBe(0);
    await expectRefused(['--env', 'staging'], /made for environment "test" .*not "staging"/);
  });

  it('refuses a plan made for another API URL (before the lock state is bound to one)', async () => {
    env = await createEmulatorProject(1);
    expect((await env.cli('plan', '--out', 'plan.json')).code).toBe(0);
    // The same server under another URL is another API URL.
    const other = env.emu.url.replace('127.0.0.1', 'localhost');
    env.emu.clearRequests();
    const run = await runCli(['sync', '--plan', 'plan.json', '--yes', '--json'], {
      cwd: env.project.root,
      env: { RUNTYPE_API_KEY: SENTINEL_KEY, RUNTYPE_API_URL: other },
    });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    const doc = JSON.parse(run.stdout);
    const validate = schema('sync.schema.json');
    expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
    expect(doc.status).toBe('blocked');
    expect(doc.blocked.reason).toBe('stale-plan');
    expect(doc.blocked.differences).toEqual([
      `the plan was made for environment "test" (${env.emu.url}/v1), not "test" (${other}/v1)`,
    ]);
    expect(env.writes()).toEqual([]);
  });

  it('refuses the flags that would change the plan (usage error, exit 1, nothing run)', async () => {
    await projectWithChanges();
    expect((await env.cli('plan', '--out', 'plan.json', '--prune')).code).toBe(0);
    env.emu.clearRequests();
    const flags = [
      ['--prune'],
      ['--only', 'flow-000'],
      ['--force'],
      ['--publish'],
      ['--no-publish'],
      ['--refresh'],
      ['--dry-run'],
      ['--watch'],
    ];
    for (const flag of flags) {
      const run = await env.cli('sync', '--plan', 'plan.json', ...flag);
      expect(run.code, flag.join(' ')).toBe(1);
      expect(run.stderr, flag.join(' ')).toContain(`${flag[0]} would change it`);
    }
    expect(env.emu.requests).toEqual([]);
  });

  it('plan --prune needs --out, and --out needs the API (usage errors, exit 1)', async () => {
    env = await createEmulatorProject(1);
    const prune = await env.cli('plan', '--prune');
    expect(prune.code).toBe(1);
    expect(prune.stderr).toMatch(/plan --prune needs --out FILE/);
    const offline = await env.cli('plan', '--out', 'plan.json', '--offline');
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/out and offline/);
    expect(env.project.read('runtype.config.ts')).toBeTruthy();
    expect(() => env.project.read('plan.json')).toThrow();
  });
});
