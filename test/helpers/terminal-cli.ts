import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { READING_ENV } from './reading.js';

/**
 * util-linux `script`: runs a command on a pseudo-terminal with no native npm module. Debian
 * ships it in bsdutils (essential), so it is there wherever `npm test` runs on this project's
 * machines; a test that needs it says so when it is missing instead of passing silently.
 */
export const SCRIPT = '/usr/bin/script';
export const hasScript = existsSync(SCRIPT);

export interface TerminalRun {
  code: number | null;
  /** Everything the terminal showed (stdout and stderr together, as on a screen). */
  output: string;
  /** Whether the question appeared and was answered. */
  answered: boolean;
}

const SRC_BIN = path.resolve(import.meta.dirname, '../../src/cli/bin.ts');

/**
 * Runs the CLI from src/ (through jiti, so no build is needed) on a real pseudo-terminal:
 * stdin and stderr are TTYs, `CI` is unset. When `question` shows up, `answer` is typed
 * followed by Enter. stdin stays open until the CLI exits, as a person's would.
 */
export function runOnTerminal(
  cwd: string,
  args: readonly string[],
  options: { env: Record<string, string>; question?: RegExp; answer?: string },
): Promise<TerminalRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runtype-tty-'));
  const launcher = path.join(dir, 'cli.cjs');
  const jiti = createRequire(import.meta.url).resolve('jiti');
  writeFileSync(
    launcher,
    `const { createJiti } = require(${JSON.stringify(jiti)});\n` +
      `createJiti(__filename).import(${JSON.stringify(SRC_BIN)});\n`,
  );
  const command = [process.execPath, launcher, ...args].map(shellQuote).join(' ');
  return new Promise((resolve, reject) => {
    // -q: no "Script started" lines; -f: flush as it goes; -e: the CLI's exit code;
    // /dev/null: no typescript file.
    const child = spawn(SCRIPT, ['-qfec', command, '/dev/null'], {
      cwd,
      env: { PATH: process.env.PATH ?? '', TERM: 'dumb', ...READING_ENV, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let answered = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      if (!answered && options.question?.test(output)) {
        answered = true;
        child.stdin.write(`${options.answer ?? ''}\r`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      child.stdin.end();
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, output, answered });
    });
  });
}

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
