import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { jsonSchemaFiles, type JsonSchemaFile } from '../../src/report/json-schema/files.js';
import { createEmulatorProject, type EmulatorProject } from '../helpers/emulator-project.js';
import { createTestProject, flowSource } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';
import { READING } from '../helpers/reading.js';

/**
 * The scripting contract: every command's real `--json` output validates against the
 * committed schemas/*.schema.json, and those files are what `npm run schemas`
 * generates from the zod schemas (so neither can drift).
 */
const REPO = path.resolve(import.meta.dirname, '../..');
const ajv = new Ajv2020({ allErrors: true, strict: false });
const committed = (file: JsonSchemaFile) => readFileSync(path.join(REPO, 'schemas', file), 'utf8');

function expectValid(file: JsonSchemaFile, doc: unknown): void {
  const validate = ajv.compile(JSON.parse(committed(file)) as object);
  const ok = validate(doc);
  expect(ok, `${file}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(doc, null, 2)}`).toBe(
    true,
  );
}

let env: EmulatorProject;
beforeAll(async () => {
  env = await createEmulatorProject(2);
});
afterAll(() => env.cleanup());

describe('JSON Schemas of the --json documents', () => {
  it('the committed files are what `npm run schemas` writes', () => {
    for (const [file, text] of Object.entries(jsonSchemaFiles())) {
      expect(committed(file as JsonSchemaFile), `schemas/${file} is stale: npm run schemas`).toBe(
        text,
      );
    }
  });

  it('validate, with paths relative to the project root', async () => {
    const run = await env.cli('validate', '--json');
    const doc = JSON.parse(run.stdout);
    expectValid('validate.schema.json', doc);
    expect(doc.configFile).toBe('runtype.config.ts');
    expect(doc.flows[0].file).toBe('flows/flow-000.ts');
  });

  it('plan, sync (dry run and applied), status', async () => {
    expectValid('plan.schema.json', JSON.parse((await env.cli('plan', '--json')).stdout));
    expectValid(
      'sync.schema.json',
      JSON.parse((await env.cli('sync', '--dry-run', '--json')).stdout),
    );
    expectValid('sync.schema.json', JSON.parse((await env.cli('sync', '--json')).stdout));
    env.project.write(
      'flows/flow-000.ts',
      flowSource('flow-000', 'Flow 0', { prompt: 'New {{topic}}' }),
    );
    env.project.remove('flows/flow-001.ts');
    const plan = JSON.parse((await env.cli('plan', '--refresh', '--json')).stdout);
    expectValid('plan.schema.json', plan);
    expect(plan.changes.map((c: { kind: string }) => c.kind)).toEqual(['update', 'delete']);
    expectValid(
      'sync.schema.json',
      JSON.parse((await env.cli('sync', '--prune', '--json')).stdout),
    );
    expectValid('status.schema.json', JSON.parse((await env.cli('status', '--json')).stdout));
  });

  it('pull (dry run and applied), and status --all with unmanaged flows', async () => {
    const step = {
      id: 'draft',
      name: 'Draft',
      type: 'prompt',
      config: { model: 'gpt-4', userPrompt: 'Hi' },
    };
    env.emu.state.create({ name: 'From the dashboard', steps: [step] });
    const status = JSON.parse((await env.cli('status', '--all', '--json')).stdout);
    expectValid('status.schema.json', status);
    expect(status.unmanaged).toEqual([
      expect.objectContaining({ name: 'From the dashboard', lastRunAt: null }),
    ]);
    expectValid(
      'pull.schema.json',
      JSON.parse((await env.cli('pull', '--all', '--dry-run', '--json')).stdout),
    );
    const pulled = JSON.parse((await env.cli('pull', '--all', '--json')).stdout);
    expectValid('pull.schema.json', pulled);
    expect(pulled.flows).toEqual([
      expect.objectContaining({ name: 'From the dashboard', action: 'created' }),
    ]);
  });

  it('versions and rollback (applied and blocked)', async () => {
    expect((await env.cli('sync')).code).toBe(0);
    env.project.write(
      'flows/flow-001.ts',
      flowSource('flow-001', 'Flow 1', { prompt: 'v2 {{topic}}' }),
    );
    expect((await env.cli('sync')).code).toBe(0);
    const versions = JSON.parse((await env.cli('versions', 'flow-001', '--json')).stdout);
    expectValid('versions.schema.json', versions);
    expect(versions.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(versions.versions[0]).toMatchObject({
      type: 'published',
      live: true,
      matchesCode: true,
    });
    expect(versions.versions[1]).toMatchObject({ live: false, matchesCode: false });
    const blocked = await env.cli('rollback', 'flow-001', '--to', 'previous', '--json');
    expect(blocked.code).toBe(2);
    expectValid('rollback.schema.json', JSON.parse(blocked.stdout));
    const applied = await env.cli('rollback', 'flow-001', '--to', 'previous', '--yes', '--json');
    expectValid('rollback.schema.json', JSON.parse(applied.stdout));
    const pinned = JSON.parse((await env.cli('versions', 'flow-001', '--json')).stdout);
    expectValid('versions.schema.json', pinned);
    // The version asked for, or the copy the second reading publishes (numbered after v2).
    expect(pinned.pinned).toMatchObject({ versionNumber: READING === 'first' ? 1 : 3 });
    expectValid('plan.schema.json', JSON.parse((await env.cli('plan', '--json')).stdout));
    expectValid('status.schema.json', JSON.parse((await env.cli('status', '--json')).stdout));
  });

  it('invalid flows: validate with diagnostics, and the error document of plan', async () => {
    env.project.write(
      'flows/broken.ts',
      flowSource('broken', 'Broken', { prompt: 'Hi {{nobody}}' }),
    );
    try {
      const validate = JSON.parse((await env.cli('validate', '--json')).stdout);
      expectValid('validate.schema.json', validate);
      expect(validate.diagnostics[0].file).toBe('flows/broken.ts');
      const plan = await env.cli('plan', '--json');
      expect(plan.code).toBe(1);
      const doc = JSON.parse(plan.stdout);
      expectValid('error.schema.json', doc);
      expect(JSON.stringify(doc.error.meta)).toContain('"file":"flows/broken.ts"');
    } finally {
      env.project.remove('flows/broken.ts');
    }
  });

  it('a usage error prints one error document on stdout and exits 1', async () => {
    const run = await env.cli('sync', '--dry-rnu', '--json');
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expectValid('error.schema.json', doc);
    expect(doc.error).toMatchObject({ code: 'USAGE_ERROR', message: 'Unknown argument: dry-rnu' });
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('init', async () => {
    const project = createTestProject({ 'package.json': '{ "name": "x" }\n' });
    try {
      expectValid(
        'init.schema.json',
        JSON.parse((await runCli(['init', '--json'], { cwd: project.root })).stdout),
      );
    } finally {
      project.cleanup();
    }
  });

  it('emulator: {url, port, key} as the first line, then events', async () => {
    const stop = new AbortController();
    let stdout = '';
    const done = main(
      {
        argv: ['node', 'runtype-flows', 'emulator', '--port', '0', '--json'],
        env: { NO_COLOR: '1' },
        cwd: env.project.root,
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: () => true },
        stdinIsTTY: false,
      },
      stop.signal,
    );
    await expect.poll(() => stdout, { timeout: 5000 }).toContain('\n');
    const first = JSON.parse(stdout.split('\n')[0]!);
    expect(first).toMatchObject({ event: 'listening', key: expect.any(String) });
    const health = await fetch(`${first.url}/flows`, {
      headers: { authorization: `Bearer ${first.key}` },
    });
    expect(health.status).toBe(200);
    stop.abort();
    expect(await done).toBe(0);
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    for (const event of events) expectValid('emulator-event.schema.json', event);
    expect(events.map((e) => e.event)).toEqual(['listening', 'stopped']);
    expect(first.url).toBe(`http://127.0.0.1:${first.port}/v1`);
  });
});
