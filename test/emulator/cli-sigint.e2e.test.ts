/**
 * The real binary: `runtype-flows emulator` in the foreground ends with Ctrl-C, and that is
 * its normal end, so it exits 0 with its state saved and its state-file lock released.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../bin/runtype-flows.mjs');
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+\/v1) {2}key: (\S+)/;

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runtype-flows emulator (binary)', () => {
  it('stops on SIGINT with exit code 0, the state file flushed and its lock released', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rt-emu-sigint-'));
    const statePath = path.join(dir, 'state.json');
    const child = spawn(process.execPath, [BIN, 'emulator', '--port', '0', '--state', statePath], {
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const [apiUrl, key] = await new Promise<string[]>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const match = LISTENING.exec(stderr);
          if (match) resolve([match[1]!, match[2]!]);
        });
        child.on('exit', () => reject(new Error(`exited before listening: ${stderr}`)));
      });
      expect(existsSync(`${statePath}.lock`)).toBe(true);
      const res = await request(`${apiUrl}/flows`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
        body: JSON.stringify({ name: 'saved on Ctrl-C' }),
      });
      expect(res.statusCode).toBe(201);
      await res.body.dump();

      child.kill('SIGINT');
      const code = await exited;
      expect(code, stderr).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
    expect(stderr).toContain('Runtype emulator stopped');
    const saved = JSON.parse(await readFile(statePath, 'utf8')) as { flows: { name: string }[] };
    expect(saved.flows.map((f) => f.name)).toEqual(['saved on Ctrl-C']);
    expect(existsSync(`${statePath}.lock`)).toBe(false);
  }, 30_000);
});
