import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';
import { createTestProject, flowSource } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

let env: EmulatorProject | undefined;
afterEach(async () => {
  await env?.cleanup();
  env = undefined;
});

describe('targets and keys', () => {
  it('reads the key from .env in the project root, without overriding the environment', async () => {
    env = await createEmulatorProject(1);
    env.project.write('.env', `RUNTYPE_API_KEY=${SENTINEL_KEY}\n`);
    const fromDotEnv = await runCli(['sync'], { cwd: env.project.root });
    expect(fromDotEnv.code, fromDotEnv.stderr).toBe(0);
    const overridden = await runCli(['plan'], {
      cwd: env.project.root,
      env: { RUNTYPE_API_KEY: 'rt_test_wrong_key_000000' },
    });
    expect(overridden.code).toBe(1);
    expect(overridden.stderr).toContain('API_UNAUTHORIZED');
    expect(overridden.stderr).toContain('Check the key in RUNTYPE_API_KEY (environment "test")');
    expect(overridden.stderr).not.toContain('rt_test_wrong_key_000000');
  });

  it.each([
    [['plan', '--env', 'nope'], {}, '(from --env)'],
    [['plan'], { RUNTYPE_ENV: 'nope' }, '(from RUNTYPE_ENV)'],
  ])('an unknown environment says where its name came from: %j', async (args, extra, from) => {
    env = await createEmulatorProject(1);
    const run = await runCli(args, {
      cwd: env.project.root,
      env: { RUNTYPE_API_KEY: SENTINEL_KEY, ...extra },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Unknown environment "nope" ${from}`);
  });

  it('RUNTYPE_API_URL pointing elsewhere is refused for a section bound to another URL', async () => {
    env = await createEmulatorProject(1);
    expect((await env.cli('sync')).code).toBe(0);
    const other = await createEmulatorProject(0);
    try {
      const run = await runCli(['sync'], {
        cwd: env.project.root,
        env: { RUNTYPE_API_KEY: SENTINEL_KEY, RUNTYPE_API_URL: `${other.emu.url}/v1` },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('LOCK_TARGET_MISMATCH');
      expect(other.emu.state.count()).toBe(0);
    } finally {
      await other.cleanup();
    }
  });

  it('--env names an unknown environment: a clear error listing the known ones', async () => {
    env = await createEmulatorProject(1);
    const run = await env.cli('plan', '--env', 'staging');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unknown environment "staging"');
    expect(run.stderr).toContain('test');
  });

  it('sync --publish publishes each created or updated flow', async () => {
    env = await createEmulatorProject(2);
    const run = await env.cli('sync', '--publish', '--json');
    expect(run.code).toBe(0);
    const outcomes = JSON.parse(run.stdout).outcomes as { published?: boolean; remoteId: string }[];
    expect(outcomes.every((o) => o.published)).toBe(true);
    for (const o of outcomes)
      expect(env.emu.state.versions(o.remoteId).some((v) => v.versionType === 'published')).toBe(
        true,
      );
  });

  it('sync --publish catches up flows whose content is unchanged but not yet published, then publishes nothing more', async () => {
    env = await createEmulatorProject(2);
    // Deployed as drafts (publishing is on by default): the next sync has only publishes to do.
    expect((await env.cli('sync', '--no-publish')).code).toBe(0);
    env.emu.clearRequests();
    expect((await env.cli('sync', '--publish')).code).toBe(0);
    expect(
      env.writes().map((w) => w.method + ' ' + w.path.replace(/[^/]+\/publish$/, ':id/publish')),
    ).toEqual(['POST /v1/flows/:id/publish', 'POST /v1/flows/:id/publish']);
    expect(
      Object.values(env.lockfile().environments.test!.flows).every(
        (e) => (e as { published?: string }).published === e.hash,
      ),
    ).toBe(true);
    env.emu.clearRequests();
    expect((await env.cli('sync', '--publish')).code).toBe(0);
    expect(env.writes()).toEqual([]);
  });

  it('a lockfile with git conflict markers is a clear error that changes nothing and is never overwritten', async () => {
    env = await createEmulatorProject(2);
    expect((await env.cli('sync')).code).toBe(0);
    const text = readFileSync(env.project.path('runtype.lock.json'), 'utf8');
    const conflicted = text.replace(
      '"flows": {',
      '"flows": {\n<<<<<<< HEAD\n=======\n>>>>>>> feature',
    );
    env.project.write('runtype.lock.json', conflicted);
    env.project.write('flows/flow-002.ts', flowSource('flow-002', 'Flow 2'));
    env.emu.clearRequests();
    for (const command of ['sync', 'plan']) {
      const run = await env.cli(command);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('LOCKFILE_CORRUPT');
      expect(run.stderr).toMatch(/conflict/i);
    }
    expect(readFileSync(env.project.path('runtype.lock.json'), 'utf8')).toBe(conflicted);
    expect(env.writes()).toEqual([]);
  });

  it('invalid flows change nothing remote or local and exit 1', async () => {
    env = await createEmulatorProject(2);
    env.project.write(
      'flows/broken.ts',
      flowSource('broken', 'Broken', { prompt: 'Hi {{nobody}}' }),
    );
    const run = await env.cli('sync', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'error',
      error: { code: 'FLOWS_INVALID' },
    });
    expect(env.emu.requests).toEqual([]);
    expect(existsSync(env.project.path('runtype.lock.json'))).toBe(false);
  });
});

describe('init', () => {
  it('scaffolds config, an example flow and .gitignore entries, and never overwrites', async () => {
    const project = createTestProject({
      'package.json': '{ "name": "x", "private": true }\n',
      '.gitignore': 'node_modules\n',
    });
    try {
      const first = await runCli(['init'], { cwd: project.root });
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('created runtype.config.ts');
      expect(readFileSync(project.path('.gitignore'), 'utf8')).toBe(
        'node_modules\n# runtype-flows local state\n.runtype/\n.env\n',
      );
      const validate = await runCli(['validate'], { cwd: project.root });
      expect(validate.code, validate.stdout).toBe(0);
      project.write('flows/hello-world.ts', '// mine\n');
      const second = await runCli(['init'], { cwd: project.root });
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('kept    flows/hello-world.ts');
      expect(readFileSync(project.path('flows/hello-world.ts'), 'utf8')).toBe('// mine\n');
      expect(readFileSync(project.path('.gitignore'), 'utf8').match(/\.runtype\//g)).toHaveLength(
        1,
      );
    } finally {
      project.cleanup();
    }
  });

  it('refuses outside an npm project', async () => {
    const project = createTestProject();
    try {
      const run = await runCli(['init'], { cwd: project.root });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('npm init');
    } finally {
      project.cleanup();
    }
  });
});
