/**
 * Whole-process timing: a child started with `spawn` (asynchronous, so an emulator in the bench
 * process keeps answering), timed from spawn to exit, with its peak RSS from GNU time when
 * available.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from './options.js';

export interface ProcessRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size in MB (undefined without /usr/bin/time). */
  rssMb?: number;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Measure peak RSS through /usr/bin/time (adds a fork; used for the RSS rows only). */
  rss?: boolean;
}

const GNU_TIME = '/usr/bin/time';

export function runNode(args: readonly string[], options: RunOptions = {}): Promise<ProcessRun> {
  const rssFile =
    options.rss && existsSync(GNU_TIME)
      ? path.join(mkdtempSync(path.join(os.tmpdir(), 'rt-bench-rss-')), 'rss')
      : undefined;
  const [command, argv] =
    rssFile === undefined
      ? [process.execPath, [...args]]
      : [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, {
      cwd: options.cwd ?? REPO,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let rssMb: number | undefined;
      if (rssFile !== undefined) {
        rssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
        rmSync(path.dirname(rssFile), { recursive: true, force: true });
      }
      resolve({
        ms,
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        rssMb,
      });
    });
  });
}

/** The built CLI, as a user runs it. */
export const CLI = path.join(REPO, 'bin', 'runtype-flows.mjs');

export async function runCli(
  args: readonly string[],
  options: RunOptions = {},
): Promise<ProcessRun> {
  const run = await runNode([CLI, ...args], options);
  return run;
}

/** Fails the bench when a measured command did not do its job (a fast failure is no figure). */
export function expectExit(run: ProcessRun, code: number, what: string): ProcessRun {
  if (run.code !== code)
    throw new Error(`${what}: exit ${run.code}, expected ${code}\n${run.stderr.slice(0, 2000)}`);
  return run;
}
