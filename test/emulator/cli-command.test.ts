import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { emulatorOptionsFromArgs } from '../../src/cli/commands/emulator.js';
import { main } from '../../src/cli/main.js';
import { checkResponse } from '../contract/checked-emulator.js';

const LISTENING =
  /Runtype emulator listening on (http:\/\/127\.0\.0\.1:\d+\/v1) {2}key: (\S+) \(local, not a secret\)/;

async function waitFor<T>(probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await sleep(10);
  }
  throw new Error('timed out');
}

/** The command as the CLI runs it (main, in-process), with its stderr captured. */
function runEmulator(
  args: string[],
  signal: AbortSignal,
  env: Record<string, string> = {},
): { out: string[]; runtime: { exitCode: number }; done: Promise<unknown> } {
  const out: string[] = [];
  const runtime = { exitCode: -1 };
  const io = {
    argv: ['node', 'runtype-flows', 'emulator', ...args],
    env: { NO_COLOR: '1', ...env },
    cwd: tmpdir(),
    stdinIsTTY: false,
    stdout: { write: () => true, isTTY: false },
    stderr: { write: (s: string) => out.push(s), isTTY: false },
  };
  const done = main(io, signal).then((code) => (runtime.exitCode = code));
  return { out, runtime, done };
}

describe('runtype-flows emulator', () => {
  it('maps flags to emulator options, keeping no request log', () => {
    const options = emulatorOptionsFromArgs({
      port: 0,
      host: '127.0.0.1',
      key: 'k',
      state: 's.json',
      latency: 5,
      'latency-jitter': 20,
      'fail-rate': 0.1,
      'rate-limit-rate': 0.2,
      'retry-after': 0,
      'reset-rate': 0.05,
      'commit-drop-rate': 0.01,
      seed: 9,
    });
    expect(options).toEqual({
      port: 0,
      host: '127.0.0.1',
      key: 'k',
      statePath: 's.json',
      requestLogLimit: 0,
      faults: {
        latencyMs: 5,
        randomLatencyMs: { min: 0, max: 20 },
        errorRate: 0.1,
        rateLimitRate: 0.2,
        retryAfterSeconds: 0,
        resetRate: 0.05,
        commitThenDropRate: 0.01,
        seed: 9,
      },
    });
    expect(
      emulatorOptionsFromArgs({ port: 0, host: '127.0.0.1', key: 'k' }).faults?.randomLatencyMs,
    ).toBeUndefined();
    const extra = emulatorOptionsFromArgs({
      port: 0,
      host: '127.0.0.1',
      key: 'k',
      'extra-step-type': ['customStep', 'other'],
    });
    expect(extra.extraStepTypes).toEqual(['customStep', 'other']);
    expect(emulatorOptionsFromArgs({ port: 0, host: '127.0.0.1', key: 'k' })).not.toHaveProperty(
      'extraStepTypes',
    );
  });

  it('lists --latency-jitter in its help', async () => {
    let help = '';
    const io = {
      argv: ['node', 'runtype-flows', 'emulator', '--help'],
      env: {},
      cwd: tmpdir(),
      stdinIsTTY: false,
      stdout: { write: (s: string) => (help += s), isTTY: false },
      stderr: { write: (s: string) => (help += s), isTTY: false },
    };
    const log = console.log;
    console.log = (...parts: unknown[]) => (help += parts.join(' '));
    try {
      await main(io, new AbortController().signal);
    } finally {
      console.log = log;
    }
    expect(help).toMatch(
      /--latency-jitter\s+Extra random latency per request, uniformly 0\.\.MS ms/,
    );
  });

  it('serves until the runtime signal aborts, then saves state and sets exit code 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rt-emu-cli-'));
    const statePath = join(dir, 'state.json');
    const controller = new AbortController();
    try {
      const { out, runtime, done } = runEmulator(
        [
          '--port',
          '0',
          '--state',
          statePath,
          '--latency',
          '1',
          '--latency-jitter',
          '3',
          '--seed',
          '3',
        ],
        controller.signal,
      );
      const [apiUrl, key] = await waitFor(() => LISTENING.exec(out.join(''))?.slice(1, 3));
      expect(key).toBe('rt_test_local_emulator');
      expect(out.join('')).toContain('faults: latencyMs=1 latencyJitterMs=3 seed=3');
      const res = await request(`${apiUrl}/flows`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
        body: JSON.stringify({ name: 'from cli test' }),
      });
      expect(res.statusCode).toBe(201);
      await res.body.dump();

      controller.abort(new Error('interrupted'));
      await done;
      expect(runtime.exitCode).toBe(0);
      expect(out.join('')).toContain('Runtype emulator stopped');
      const saved = JSON.parse(await readFile(statePath, 'utf8')) as { flows: { name: string }[] };
      expect(saved.flows.map((f) => f.name)).toEqual(['from cli test']);
      await expect(request(`${apiUrl}/flows`)).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('accepts the step types given with --extra-step-type (repeatable), and answers by the contract', async () => {
    const controller = new AbortController();
    const { out, done } = runEmulator(
      ['--port', '0', '--extra-step-type', 'customStep', '--extra-step-type', 'other'],
      controller.signal,
    );
    try {
      const [apiUrl, key] = await waitFor(() => LISTENING.exec(out.join(''))?.slice(1, 3));
      expect(out.join('')).toContain('extra step types: customStep, other');
      const post = async (type: string) => {
        const body = JSON.stringify({ name: 'extra', steps: [{ type, name: 's' }] });
        const res = await request(`${apiUrl}/flows`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}` },
          body,
        });
        const json: unknown = await res.body.json();
        expect(
          checkResponse({ method: 'POST', path: '/v1/flows', status: res.statusCode, body: json }),
        ).toEqual([]);
        return res.statusCode;
      };
      expect([await post('customStep'), await post('other'), await post('unknownStep')]).toEqual([
        201, 201, 400,
      ]);
    } finally {
      controller.abort(new Error('done'));
      await done;
    }
  });

  it.each([
    ['--reading second', ['--reading', 'second'], {}],
    [
      'RUNTYPE_EMULATOR_READING=second (the testing knob)',
      [],
      { RUNTYPE_EMULATOR_READING: 'second' },
    ],
  ])('answers by the second reading with %s, and says so', async (_how, args, env) => {
    const controller = new AbortController();
    const { out, done } = runEmulator(['--port', '0', ...args], controller.signal, env);
    try {
      const [apiUrl, key] = await waitFor(() => LISTENING.exec(out.join(''))?.slice(1, 3));
      expect(out.join('')).toContain('reading: second');
      const res = await request(`${apiUrl}/flows`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
        body: JSON.stringify({ name: 'read', steps: [{ type: 'prompt', name: 's' }] }),
      });
      const { id } = (await res.body.json()) as { id: string };
      const versions = await request(`${apiUrl}/flow-versions/${id}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      // The second reading publishes on create.
      expect(
        ((await versions.body.json()) as { publishedVersionId: unknown }).publishedVersionId,
      ).not.toBeNull();
    } finally {
      controller.abort(new Error('done'));
      await done;
    }
  });

  it('refuses an unknown RUNTYPE_EMULATOR_READING with exit 1, naming the readings', async () => {
    const controller = new AbortController();
    const { out, runtime, done } = runEmulator(['--port', '0'], controller.signal, {
      RUNTYPE_EMULATOR_READING: 'third',
    });
    await done;
    expect(runtime.exitCode).toBe(1);
    expect(out.join('')).toContain('RUNTYPE_EMULATOR_READING="third" names no reading');
    expect(out.join('')).toContain('use first or second');
  });

  it('logs a failed background save, keeps serving, and exits 1 if the state still cannot be saved on stop', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rt-emu-cli-'));
    const statePath = join(dir, 'state.json');
    const controller = new AbortController();
    try {
      const { out, runtime, done } = runEmulator(
        ['--port', '0', '--state', statePath],
        controller.signal,
      );
      const [apiUrl, key] = await waitFor(() => LISTENING.exec(out.join(''))?.slice(1, 3));
      await mkdir(statePath); // a folder where the file should go
      const post = async (name: string) =>
        (
          await request(`${apiUrl}/flows`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}` },
            body: JSON.stringify({ name }),
          })
        ).statusCode;
      expect(await post('a')).toBe(201);
      await waitFor(() =>
        out.join('').includes('[EMULATOR_STATE_WRITE_FAILED]') ? true : undefined,
      );
      expect(out.join('')).toContain(
        `runtype-flows emulator: Could not save the emulator state to ${statePath}`,
      );
      expect(await post('b')).toBe(201);
      controller.abort();
      await done;
      expect(runtime.exitCode).toBe(1);
      expect(out.join('')).toMatch(/runtype-flows emulator: stopped, but Could not save/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('does not echo a custom key', async () => {
    const { out, runtime, done } = runEmulator(
      ['--port', '0', '--key', 'rt_test_my_private'],
      AbortSignal.abort(),
    );
    await done;
    expect(runtime.exitCode).toBe(0);
    expect(out.join('')).toContain('key: the one given with --key');
    expect(out.join('')).not.toContain('rt_test_my_private');
  });

  it('reports bad flags as exit code 1', async () => {
    const { out, runtime, done } = runEmulator(
      ['--port', '0', '--fail-rate', '2'],
      AbortSignal.abort(),
    );
    await done;
    expect(runtime.exitCode).toBe(1);
    expect(out.join('')).toMatch(/runtype-flows emulator: .*errorRate/);
  });

  it('refuses a non-loopback --host with its code and hint, and listens on nothing', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) {
      const { out, runtime, done } = runEmulator(
        ['--port', '0', '--host', host],
        AbortSignal.abort(),
      );
      await done;
      expect({ host, code: runtime.exitCode }).toEqual({ host, code: 1 });
      expect(out.join('')).toContain('[EMULATOR_HOST_NOT_LOOPBACK]');
      expect(out.join('')).toContain('hint: Use 127.0.0.1');
      expect(out.join('')).not.toContain('listening');
    }
  });
});
