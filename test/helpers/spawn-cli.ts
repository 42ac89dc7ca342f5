import { spawn } from 'node:child_process';
import path from 'node:path';
import { SENTINEL_KEY } from './emulator-project.js';
import { READING_ENV } from './reading.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/runtype-flows.mjs');

export interface SpawnedRun {
  code: number | null;
  signal: string | null;
  output: string;
}

/**
 * The built CLI as a real child process in `cwd` (key, no colour, CI). `killWhen` is polled
 * every 2 ms; once it returns true the child is sent `signal` (default SIGKILL: no chance to
 * clean up), once.
 */
export function spawnCli(
  cwd: string,
  args: string[],
  killWhen?: () => boolean,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<SpawnedRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: {
        PATH: process.env.PATH,
        RUNTYPE_API_KEY: SENTINEL_KEY,
        NO_COLOR: '1',
        CI: '1',
        ...READING_ENV,
      },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let sent = false;
    const poll =
      killWhen &&
      setInterval(() => {
        if (sent || !killWhen()) return;
        sent = true;
        child.kill(signal);
      }, 2);
    child.on('exit', (code, signal) => {
      if (poll) clearInterval(poll);
      resolve({ code, signal, output });
    });
  });
}
