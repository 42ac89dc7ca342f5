import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  watchProject,
  type FileEvent,
  type ProjectWatcher,
} from '../../src/file-watch/watch-project.js';

/** The chokidar wiring on its own, on real files: what runWatch relies on. */
let dir: string;
let watcher: ProjectWatcher | undefined;
afterEach(async () => {
  await watcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(
  paths: string[],
): Promise<{ bursts: FileEvent[][]; next: () => Promise<FileEvent[]> }> {
  const bursts: FileEvent[][] = [];
  let wake: () => void = () => undefined;
  watcher = await watchProject({
    paths,
    ignored: (file) => file.split(path.sep).includes('node_modules'),
    debounceMs: 50,
    onChange: (events) => {
      bursts.push(events);
      wake();
    },
  });
  let taken = 0;
  const next = async () => {
    while (bursts.length <= taken) await new Promise<void>((resolve) => (wake = resolve));
    return bursts[taken++]!;
  };
  return { bursts, next };
}

describe('watchProject', () => {
  it('reports a burst of writes to one file once, and new files in a watched folder, not in ignored ones', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'runtype-watch-'));
    mkdirSync(path.join(dir, 'flows'));
    writeFileSync(path.join(dir, 'flows', 'a.ts'), 'one');
    const { next } = await start([path.join(dir, 'flows'), path.join(dir, 'flows', 'a.ts')]);
    for (const text of ['two', 'three', 'four'])
      writeFileSync(path.join(dir, 'flows', 'a.ts'), text);
    expect(await next()).toEqual([{ kind: 'change', path: path.join(dir, 'flows', 'a.ts') }]);
    mkdirSync(path.join(dir, 'flows', 'node_modules'));
    writeFileSync(path.join(dir, 'flows', 'node_modules', 'x.ts'), 'ignored');
    writeFileSync(path.join(dir, 'flows', 'b.ts'), 'new');
    expect(await next()).toEqual([{ kind: 'add', path: path.join(dir, 'flows', 'b.ts') }]);
  }, 30_000);

  it('keeps watching a file given by name after it is deleted and restored', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'runtype-watch-'));
    // As the app watches them: the config at the root and a helper in a folder of its own.
    mkdirSync(path.join(dir, 'lib'));
    const helper = path.join(dir, 'lib', 'helper.ts');
    writeFileSync(helper, 'v1');
    writeFileSync(path.join(dir, 'runtype.config.ts'), 'export default {};');
    const { next } = await start([helper, path.join(dir, 'runtype.config.ts')]);
    rmSync(helper);
    expect(await next()).toEqual([{ kind: 'unlink', path: helper }]);
    writeFileSync(helper, 'v2');
    expect((await next())[0]?.path).toBe(helper);
    writeFileSync(helper, 'v3');
    expect(await next()).toEqual([{ kind: 'change', path: helper }]);
  }, 30_000);
});
