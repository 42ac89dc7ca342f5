import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { describe, expect, it, vi } from 'vitest';
import yargs from 'yargs';
import { emulatorCommand, emulatorCommandFor, emulatorOptionsFromArgs } from '../../src/cli/commands/emulator.js';

const LISTENING = /Runtype emulator listening on (http:\/\/127\.0\.0\.1:\d+\/v1) {2}key: (\S+) \(local, not a secret\)/;

async function waitFor<T>(probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await sleep(10);
  }
  throw new Error('timed out');
}

describe('runtype-flows emulator', () => {
  it('maps flags to emulator options', () => {
    const options = emulatorOptionsFromArgs({
      port: 0, host: '127.0.0.1', key: 'k', state: 's.json', latency: 5, 'fail-rate': 0.1, 'rate-limit-rate': 0.2,
      'retry-after': 0, 'reset-rate': 0.05, 'commit-drop-rate': 0.01, seed: 9,
    });
    expect(options).toEqual({
      port: 0, host: '127.0.0.1', key: 'k', statePath: 's.json',
      faults: { latencyMs: 5, errorRate: 0.1, rateLimitRate: 0.2, retryAfterSeconds: 0, resetRate: 0.05, commitThenDropRate: 0.01, seed: 9 },
    });
  });

  it('serves in the foreground, prints URL and key on stderr, and on SIGINT closes, saving state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rt-emu-cli-'));
    const statePath = join(dir, 'state.json');
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const running = yargs()
        .command(emulatorCommand as never)
        .strict()
        .parseAsync(['emulator', '--port', '0', '--state', statePath, '--fail-rate', '0', '--seed', '3']);
      const [apiUrl, key] = await waitFor(() => LISTENING.exec(written.join(''))?.slice(1, 3));
      expect(key).toBe('rt_test_local_emulator');
      const res = await request(`${apiUrl}/flows`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: JSON.stringify({ name: 'from cli test' }) });
      expect(res.statusCode).toBe(201);
      await res.body.dump();

      process.emit('SIGINT');
      await running;
      expect(written.join('')).toContain('Runtype emulator stopped');
      expect(process.listenerCount('SIGINT')).toBe(0);
      const saved = JSON.parse(await readFile(statePath, 'utf8')) as { flows: { name: string }[] };
      expect(saved.flows.map((f) => f.name)).toEqual(['from cli test']);
      await expect(request(`${apiUrl}/flows`)).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('emulatorCommandFor(runtime) stops on the runtime signal and reports failures as exit codes', async () => {
    const out: string[] = [];
    const controller = new AbortController();
    const runtime = { io: { stderr: { write: (s: string) => out.push(s) } }, signal: controller.signal, exitCode: 0 };
    const running = yargs().command(emulatorCommandFor(runtime) as never).parseAsync(['emulator', '--port', '0', '--latency', '1']);
    await waitFor(() => (out.join('').includes('listening') ? true : undefined));
    expect(out.join('')).toContain('faults: latencyMs=1 seed=1');
    controller.abort();
    await running;
    expect(runtime.exitCode).toBe(0);

    const custom = { io: { stderr: { write: (s: string) => out.push(s) } }, signal: AbortSignal.abort(), exitCode: 0 };
    await yargs().command(emulatorCommandFor(custom) as never).parseAsync(['emulator', '--port', '0', '--key', 'rt_test_my_private']);
    expect(custom.exitCode).toBe(0);
    expect(out.join('')).toContain('key: the one given with --key');
    expect(out.join('')).not.toContain('rt_test_my_private');

    const bad = { io: { stderr: { write: (s: string) => out.push(s) } }, signal: AbortSignal.abort(), exitCode: 0 };
    await yargs().command(emulatorCommandFor(bad) as never).parseAsync(['emulator', '--port', '0', '--fail-rate', '2']);
    expect(bad.exitCode).toBe(1);
    expect(out.join('')).toMatch(/runtype-flows emulator: .*errorRate/);
  });
});
