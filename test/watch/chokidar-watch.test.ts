import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchProject } from '../../src/file-watch/watch-project.js';
import { createEmulatorProject, type EmulatorProject } from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';
import { startWatch, type Event, type WatchRun } from './helpers.js';

/**
 * Whether a save is seen at all, through the real watchProject and chokidar
 * on real files (the fake watcher fires whatever a test asks, watched or not).
 */
let env: EmulatorProject;
let run: WatchRun | undefined;
const extraDirs: string[] = [];
afterEach(async () => {
  await run?.stop();
  run = undefined;
  await env.cleanup();
  for (const dir of extraDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runtype-watch-extra-'));
  extraDirs.push(dir);
  return dir;
}

/** A flow whose prompt is `expression`, with `imports` on top (a helper, node:fs). */
function flowWith(key: string, imports: string, expression: string): string {
  return flowSource(key, key.toUpperCase(), { prompt: '@@' })
    .replace("from 'runtype-flows';", `from 'runtype-flows';\n${imports}`)
    .replace('"@@"', expression);
}

async function watch(root: string, config?: Record<string, string>): Promise<Event> {
  run = startWatch(root, { watchProject }, {}, 50, config ? { env: config } : {});
  await next((e) => e.event === 'ready', 0);
  return run.events.find((e) => e.event === 'cycle' || e.event === 'invalid')!;
}

/** The next cycle-ending event after what was seen; fails (instead of hanging) if none comes. */
async function next(
  predicate: (e: Event) => boolean = (e) => ['cycle', 'invalid', 'error'].includes(e.event),
  after = run!.events.length,
): Promise<Event> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `no event within 10 s; saw ${JSON.stringify(run!.events.slice(after).map((e) => e.event))}`,
          ),
        ),
      10_000,
    );
  });
  try {
    return await Promise.race([run!.next(predicate, after), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const promptOf = (key: string): unknown => {
  const id = env.lockfile().environments.test!.flows[key]!.id;
  return env.emu.state.get(id)?.flowSteps?.[0]?.config?.userPrompt;
};

describe('watch with real chokidar', () => {
  it('through a symlinked root, a helper edit is one cycle that pushes the new helper code', async () => {
    env = await createEmulatorProject(0);
    env.project.write('shared/prompts.ts', "export const P = 'v1 {{topic}}';\n");
    for (const key of ['a', 'b'])
      env.project.write(
        `flows/${key}.ts`,
        flowWith(key, "import { P } from '../shared/prompts';", 'P'),
      );
    const link = path.join(tempDir(), 'project');
    symlinkSync(env.project.root, link);
    expect(await watch(link)).toMatchObject({ event: 'cycle', counts: { created: 2 } });

    const pending = next();
    env.project.write('shared/prompts.ts', "export const P = 'v2 {{topic}}';\n");
    expect(await pending).toMatchObject({
      event: 'cycle',
      ok: true,
      counts: { updated: 2 },
      changed: ['shared/prompts.ts'],
    });
    expect([promptOf('a'), promptOf('b')]).toEqual(['v2 {{topic}}', 'v2 {{topic}}']);
    // A later save of one flow reads the helper as it is now, not as first loaded.
    env.project.write('shared/prompts.ts', "export const P = 'v3 {{topic}}';\n");
    await next((e) => e.event === 'cycle' && e.counts?.updated === 2);
    expect(promptOf('a')).toBe('v3 {{topic}}');
  }, 40_000);

  it('a helper outside the project root is re-read and watched', async () => {
    env = await createEmulatorProject(0);
    const helper = path.join(tempDir(), 'shared.ts');
    writeFileSync(helper, "export const P = 'outside v1 {{topic}}';\n");
    const specifier = path.relative(env.project.path('flows'), helper).replace(/\.ts$/, '');
    env.project.write('flows/a.ts', flowWith('a', `import { P } from '${specifier}';`, 'P'));
    await watch(env.project.root);

    const pending = next();
    writeFileSync(helper, "export const P = 'outside v2 {{topic}}';\n");
    expect(await pending).toMatchObject({ event: 'cycle', ok: true, counts: { updated: 1 } });
    expect(promptOf('a')).toBe('outside v2 {{topic}}');
  }, 40_000);

  it('an import of a helper that does not exist yet is retried when the helper is created', async () => {
    env = await createEmulatorProject(1);
    await watch(env.project.root);
    let pending = next();
    env.project.write(
      'flows/flow-000.ts',
      flowWith('flow-000', "import { P } from '../lib/new-helper';", 'P'),
    );
    expect((await pending).event).toBe('invalid');

    pending = next();
    env.project.write('lib/new-helper.ts', "export const P = 'created later {{topic}}';\n");
    expect(await pending).toMatchObject({
      event: 'cycle',
      ok: true,
      counts: { updated: 1 },
      changed: ['lib/new-helper.ts'],
    });
    expect(promptOf('flow-000')).toBe('created later {{topic}}');
  }, 40_000);

  it('a save made during the first load is synced by a follow-up cycle', async () => {
    env = await createEmulatorProject(0);
    const a = env.project.write(
      'flows/a.ts',
      flowSource('a', 'A', { prompt: 'as first read {{topic}}' }),
    );
    // Loaded after a.ts: stands for the user saving a.ts while a big project's first load runs.
    const saved = flowSource('a', 'A', { prompt: 'saved during the load {{topic}}' });
    env.project.write(
      'flows/z-saves-a.ts',
      `import { readFileSync, writeFileSync } from 'node:fs';\n${flowSource('z', 'Z')}\nif (readFileSync(${JSON.stringify(a)}, 'utf8').includes('as first read')) writeFileSync(${JSON.stringify(a)}, ${JSON.stringify(saved)});\n`,
    );
    expect(await watch(env.project.root)).toMatchObject({ counts: { created: 2 } });
    expect(await next((e) => e.event === 'cycle' && e.full === false, 0)).toMatchObject({
      changed: ['flows/a.ts'],
      counts: { updated: 1 },
    });
    expect(promptOf('a')).toBe('saved during the load {{topic}}');
  }, 40_000);

  it('flows under a dist folder (a glob there) are watched like any other', async () => {
    env = await createEmulatorProject(0);
    const config = env.project.read('runtype.config.ts');
    env.project.write(
      'runtype.config.ts',
      config.replace(
        "defaultEnvironment: 'test',",
        "defaultEnvironment: 'test',\n  flows: ['dist/flows/*.ts'],",
      ),
    );
    env.project.write('dist/flows/a.ts', flowSource('a', 'A'));
    expect(await watch(env.project.root)).toMatchObject({ counts: { created: 1 } });

    const pending = next();
    env.project.write(
      'dist/flows/a.ts',
      flowSource('a', 'A', { prompt: 'edited under dist {{topic}}' }),
    );
    expect(await pending).toMatchObject({
      event: 'cycle',
      ok: true,
      counts: { updated: 1 },
      changed: ['dist/flows/a.ts'],
    });
  }, 40_000);

  it('a text file a flow reads while loading (next to it) is watched', async () => {
    env = await createEmulatorProject(0);
    env.project.write('flows/support/prompt.txt', 'From the file v1 {{topic}}');
    env.project.write(
      'flows/support/support.ts',
      flowWith(
        'support',
        "import { readFileSync } from 'node:fs';",
        "readFileSync(new URL('./prompt.txt', import.meta.url), 'utf8')",
      ),
    );
    await watch(env.project.root);
    expect(promptOf('support')).toBe('From the file v1 {{topic}}');

    const pending = next();
    env.project.write('flows/support/prompt.txt', 'From the file v2 {{topic}}');
    expect(await pending).toMatchObject({
      event: 'cycle',
      ok: true,
      counts: { updated: 1 },
      changed: ['flows/support/prompt.txt'],
    });
    expect(promptOf('support')).toBe('From the file v2 {{topic}}');
  }, 40_000);
});
