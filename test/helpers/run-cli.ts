import { main } from '../../src/cli/main.js';
import { READING_ENV } from './reading.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams (no TTY), as CI would. */
export async function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; signal?: AbortSignal },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    {
      argv: ['node', 'runtype-flows', ...args],
      // The run's emulator reading, for an embedded emulator (vitest.config.ts).
      env: { PATH: process.env.PATH, NO_COLOR: '1', ...READING_ENV, ...options.env },
      cwd: options.cwd,
      stdout: { write: (s: string) => (stdout += s), isTTY: false },
      stderr: { write: (s: string) => (stderr += s), isTTY: false },
      stdinIsTTY: false,
    },
    options.signal ?? new AbortController().signal,
  );
  return { code, stdout, stderr };
}
