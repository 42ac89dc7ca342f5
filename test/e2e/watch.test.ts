import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';
import { READING_ENV } from '../helpers/reading.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/runtype-flows.mjs');
let env: EmulatorProject;
afterEach(async () => {
  await env.cleanup();
});

type Event = {
  schemaVersion: number;
  event: string;
  counts?: Record<string, number>;
  changed?: string[];
};

/** `sync --watch --json` as a child process, and a way to wait for its events. */
function watchCli(project: EmulatorProject, extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, 'sync', '--watch', '--allow-shared', '--json'], {
    cwd: project.project.root,
    env: {
      PATH: process.env.PATH,
      RUNTYPE_API_KEY: SENTINEL_KEY,
      NO_COLOR: '1',
      ...READING_ENV,
      ...extraEnv,
    },
  });
  const out = { stdout: '', stderr: '' };
  const events: Event[] = [];
  let wake: () => void = () => undefined;
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    out.stdout += d.toString();
    const lines = out.stdout.split('\n');
    events.splice(0, events.length, ...lines.slice(0, -1).map((line) => JSON.parse(line) as Event));
    wake();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  /** Waits for an event (no fixed sleeps: a loaded machine only makes this slower). */
  const next = async (predicate: (e: Event) => boolean, after: number): Promise<Event> => {
    for (;;) {
      const found = events.slice(after).find(predicate);
      if (found) return found;
      const woken = new Promise<void>((resolve) => (wake = resolve));
      if ((await Promise.race([woken.then(() => 'data'), exited.then(() => 'exit')])) === 'exit')
        throw new Error(`exited early:\n${out.stderr}`);
    }
  };
  return { child, out, events, exited, next };
}

describe('sync --watch (real chokidar, built CLI)', () => {
  it('syncs a saved edit, reports NDJSON events only on stdout, and exits 0 on Ctrl-C', async () => {
    env = await createEmulatorProject(2);
    const { child, out, events, exited, next } = watchCli(env);
    try {
      await next((e) => e.event === 'ready', 0);
      expect(events.find((e) => e.event === 'cycle')).toMatchObject({ counts: { created: 2 } });
      const seen = events.length;
      env.emu.clearRequests();
      env.project.write(
        'flows/flow-001.ts',
        flowSource('flow-001', 'Flow 1', { prompt: 'Saved in the editor: {{topic}}' }),
      );
      const cycle = await next((e) => e.event === 'cycle', seen);
      expect(cycle).toMatchObject({
        changed: ['flows/flow-001.ts'],
        counts: { updated: 1, created: 0, failed: 0 },
      });
      const id = env.lockfile().environments.test!.flows['flow-001']!.id;
      // The update, then its publish (watch publishes as the environment does, by default).
      expect(env.writes()).toEqual([
        { method: 'PUT', path: `/v1/flows/${id}` },
        { method: 'POST', path: `/v1/flows/${id}/publish` },
      ]);
    } finally {
      child.kill('SIGINT');
    }
    const code = await exited;
    expect(code, out.stderr).toBe(0);
    const lines = out.stdout.split('\n').filter((line) => line !== '');
    for (const line of lines) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    const parsed = lines.map((line) => JSON.parse(line) as Event);
    expect(parsed.every((e) => e.schemaVersion === 1 && typeof e.event === 'string')).toBe(true);
    expect(parsed.at(-1)).toMatchObject({ event: 'stopped', reason: 'interrupted' });
    expect(out.stdout + out.stderr).not.toContain(SENTINEL_KEY);
  }, 60_000);

  it('a save that hangs the load is reported, the loader replaced, and watching goes on', async () => {
    env = await createEmulatorProject(2);
    const { child, events, exited, next } = watchCli(env, { RUNTYPE_LOAD_TIMEOUT_MS: '2000' });
    try {
      await next((e) => e.event === 'ready', 0);
      let seen = events.length;
      env.project.write('flows/flow-001.ts', `while (true) {}\n${flowSource('flow-001', 'F')}`);
      const failed = await next((e) => e.event === 'error', seen);
      expect(JSON.stringify(failed)).toMatch(
        /flows\/flow-001\.ts did not finish loading within 2000 ms \(RUNTYPE_LOAD_TIMEOUT_MS\)/,
      );
      seen = events.length;
      env.emu.clearRequests();
      env.project.write('flows/flow-001.ts', flowSource('flow-001', 'Flow 1', { prompt: 'fixed' }));
      const cycle = await next((e) => e.event === 'cycle', seen);
      expect(cycle).toMatchObject({ counts: { updated: 1, failed: 0 } });
      // The update and its publish (watch publishes as the environment does, by default).
      expect(env.writes().map((w) => w.method)).toEqual(['PUT', 'POST']);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
