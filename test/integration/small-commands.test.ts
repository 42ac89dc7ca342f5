import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';
import { createTestProject, flowSource } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const ajv = new Ajv2020({ strict: false });
function expectValid(file: string, doc: unknown): void {
  const validate = ajv.compile(
    JSON.parse(readFileSync(path.join(REPO, 'schemas', file), 'utf8')) as object,
  );
  expect(validate(doc), ajv.errorsText(validate.errors)).toBe(true);
}

let env: EmulatorProject | undefined;
afterEach(async () => {
  for (const text of env?.outputs ?? []) expect(text).not.toContain(SENTINEL_KEY);
  await env?.cleanup();
  env = undefined;
});

describe('status --exit-code', () => {
  it('exits 0 when everything is in sync, 2 when anything is not', async () => {
    env = await createEmulatorProject(2);
    expect((await env.cli('status', '--exit-code')).code).toBe(2); // new flows
    await env.cli('sync');
    expect((await env.cli('status', '--exit-code')).code).toBe(0);
    env.project.write(
      'flows/flow-000.ts',
      flowSource('flow-000', 'Flow 0', { prompt: 'New {{topic}}' }),
    );
    expect((await env.cli('status', '--exit-code')).code).toBe(2);
    expect((await env.cli('status')).code).toBe(0);
  });
});

describe('envs', () => {
  it('lists each environment, whether its key variable is set, never the key', async () => {
    env = await createEmulatorProject(0);
    const run = await env.cli('envs', '--json');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expectValid('envs.schema.json', doc);
    expect(doc.environments).toEqual([
      expect.objectContaining({
        name: 'test',
        kind: 'remote',
        default: true,
        selected: true,
        keyEnv: 'RUNTYPE_API_KEY',
        keySet: true,
      }),
    ]);
    const text = await runCli(['envs'], { cwd: env.project.root });
    expect(text.stdout).toMatch(
      /\* test +http:\/\/127\.0\.0\.1:\d+\/v1 {2}RUNTYPE_API_KEY not set/,
    );
  });

  it('shows the embedded emulator by its label', async () => {
    const project = createTestProject({
      'runtype.config.ts': 'export default { environments: { local: { emulator: true } } };\n',
    });
    try {
      const run = await runCli(['envs'], { cwd: project.root });
      expect(run.stdout).toContain(
        'local  embedded emulator (local)  no key needed  lock: .runtype/lock/local.json',
      );
    } finally {
      project.cleanup();
    }
  });
});

describe('doctor', () => {
  it('passes against a reachable, authorised target; one GET, no write', async () => {
    env = await createEmulatorProject(1);
    await env.cli('sync');
    const before = env.emu.requests.length;
    const run = await env.cli('doctor', '--json');
    expect(run.code, run.stdout).toBe(0);
    const doc = JSON.parse(run.stdout);
    expectValid('doctor.schema.json', doc);
    expect(
      doc.checks.map((c: { name: string; status: string }) => `${c.name}:${c.status}`),
    ).toEqual(['config:ok', 'environment:ok', 'key:ok', 'api:ok', 'lock:ok', 'journal:ok']);
    expect(env.emu.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
  });

  it('fails (exit 1) on a missing key, and skips what needs it', async () => {
    env = await createEmulatorProject(0);
    const run = await runCli(['doctor'], { cwd: env.project.root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✖ key         RUNTYPE_API_KEY is not set');
    expect(run.stdout).toContain('- api         not checked');
  });

  it('fails on a key the API refuses', async () => {
    env = await createEmulatorProject(0);
    const run = await runCli(['doctor', '--json'], {
      cwd: env.project.root,
      env: { RUNTYPE_API_KEY: 'rt_wrong_key_000000' },
    });
    expect(run.code).toBe(1);
    const api = JSON.parse(run.stdout).checks.find((c: { name: string }) => c.name === 'api');
    expect(api.status).toBe('fail');
    expect(run.stdout).not.toContain('rt_wrong_key_000000');
  });
});

describe('--color', () => {
  it('forces colour when piped, over NO_COLOR', async () => {
    env = await createEmulatorProject(1);
    const plain = await runCli(['validate'], { cwd: env.project.root });
    expect(plain.stdout).not.toContain('\x1b[');
    const forced = await runCli(['validate', '--color'], { cwd: env.project.root });
    expect(forced.stdout).toContain('\x1b[32m');
  });
});
