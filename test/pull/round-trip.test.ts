import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { contentHash, readRemoteFlow } from '../../src/plan/index.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { type EmulatorProject, useEmulatorProject } from '../helpers/emulator-project.js';
import { remoteFixtures } from './remote-fixtures.js';

let env: EmulatorProject;
const REPO = path.resolve(import.meta.dirname, '../..');

/** The remote flow's exact payload hash, `when` included (GET /v1/flow-steps). */
async function remoteHash(id: string): Promise<string> {
  const flow = env.emu.state.get(id)!;
  const headers = { Authorization: `Bearer ${env.emu.key}` };
  const steps = (await (
    await fetch(`${env.emu.apiUrl}/flow-steps/flow/${id}`, { headers })
  ).json()) as { data: { id: string; when?: string }[] };
  return contentHash(readRemoteFlow(flow, steps.data).payload);
}

beforeEach(async () => {
  env = await startEmulatorProject();
  for (const fixture of remoteFixtures()) {
    const flow = env.emu.state.create({ name: fixture.name, steps: fixture.steps });
    env.emu.state.publish(flow.id);
  }
  env.emu.clearRequests();
});
const startEmulatorProject = useEmulatorProject();

describe('pull --all: dashboard flows into code, exactly', () => {
  it('writes one module per flow that validates, plans no change, and syncs nothing', async () => {
    const pulled = await env.cli('pull', '--all', '--json');
    expect(pulled.code, pulled.stderr + pulled.stdout).toBe(0);
    const doc = JSON.parse(pulled.stdout);
    expect(doc.flows.map((f: { key: string }) => f.key).sort()).toEqual([
      'cafe-uberblick',
      'everything-flow',
      expect.stringMatching(/^flow-[0-9a-f]{8}$/),
    ]);
    expect(doc.flows.every((f: { recorded: boolean }) => f.recorded)).toBe(true);
    expect(env.writes()).toEqual([]);
    expect(readdirSync(env.project.path('flows')).sort()).toHaveLength(3);
    // The round-trip contract: the code's content hash is the remote payload's, `when` included.
    const lock = env.lockfile().environments.test!.flows;
    for (const flow of doc.flows)
      expect(lock[flow.key]!.hash, flow.key).toBe(await remoteHash(flow.remoteId));

    const validate = await env.cli('validate');
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    expect(validate.stderr).not.toMatch(/error/);

    const plan = await env.cli('plan', '--refresh', '--exit-code');
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);

    env.emu.clearRequests();
    const sync = await env.cli('sync');
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    expect(env.writes()).toEqual([]);
  });

  it('keeps what the dashboard built: every step type, nesting, multi-line prompts, unicode, when', async () => {
    expect((await env.cli('pull', '--all')).code).toBe(0);
    const text = env.project.read('flows/everything-flow.ts');
    for (const helper of [
      'prompt(',
      'crawl(',
      'fetchUrl(',
      'conditional(',
      'waitUntil(',
      'memorySummary(',
      "customStep('send-event'",
    ])
      expect(text).toContain(helper);
    expect(text).toContain("prompt('ns:prompt', {");
    expect(text).toContain(
      'userPrompt: `Line one about {{topic}}\nLine \\`two\\` with \\${not_a_var} and a \\\\ backslash\n\tindented`,',
    );
    expect(text).toContain('when: \'"{{recipient}}" !== ""\',');
    expect(text).toContain('enabled: false,');
    expect(text).toContain("subject: 'Über «{{topic}}» — ✓',");
    expect(text).toContain("name: 'Deepest 🚀',");
    expect(text).toMatch(/inputs: \[\s*'topic',\s*'path',\s*'recipient',?\s*\]/);
    expect(text).not.toMatch(/order:|description/);
    expect(env.project.read('flows/cafe-uberblick.ts')).toContain(
      `userPrompt: "Say 'hi' to {{name}} — ☕",`,
    );
  });
});

describe('the pulled modules in a user project', () => {
  it('type-check against the package types (tsc --noEmit)', async () => {
    expect((await env.cli('pull', '--all')).code).toBe(0);
    env.project.write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          module: 'esnext',
          moduleResolution: 'bundler',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: true,
          types: [],
          paths: { 'runtype-flows': [path.join(REPO, 'src/index.ts')] },
        },
        include: ['flows'],
      }),
    );
    const tsc = spawnSync(
      process.execPath,
      [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', env.project.root],
      { encoding: 'utf8' },
    );
    expect(tsc.status, tsc.stdout).toBe(0);
  });
});
