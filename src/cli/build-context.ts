import {
  DEFAULT_LOAD_DEADLINE,
  builtWorkerEntry,
  createLazyImporter,
  createWorkerLoader,
  inThreadLoader,
  type LoadDeadline,
  type ProjectLoader,
} from '../load/index.js';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseEnv } from 'node:util';
import type { AppContext } from '../app/context.js';
import { locateProject } from '../app/project.js';
import { RuntypeError } from '../errors.js';
import { guardUserCode } from './guard-user-code.js';
import { createReporter } from '../report/create-reporter.js';
import type { GlobalOptions } from './global-options.js';

export interface ProcessIo {
  argv: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
  stderr: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
  stdinIsTTY: boolean;
}

/**
 * Refuses a --cwd that is not a directory: validating "0 flows" there would pass, and prune would
 * delete everything.
 */
export function assertWorkingDirectory(cwd: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(cwd).isDirectory();
  } catch {
    // reported below
  }
  if (!isDirectory)
    throw new RuntypeError('CWD_NOT_FOUND', `--cwd ${cwd} is not a directory`, {
      hint: 'Pass the folder of your runtype project (or leave --cwd out).',
    });
}

/** Turns parsed flags plus the process's world into the context use-cases run in. */
export function buildContext(
  options: GlobalOptions,
  io: ProcessIo,
  signal: AbortSignal,
): AppContext {
  const cwd = path.resolve(io.cwd, options.cwd ?? '.');
  // "As if started in --cwd": a relative --config is relative to it too.
  const configPath = options.config === undefined ? undefined : path.resolve(cwd, options.config);
  const projectRoot = findProjectRoot(cwd, configPath);
  const { env, fromDotEnv } = withDotEnv(projectRoot, { ...io.env });
  if (options.color === false) env.NO_COLOR = '1';
  if (options.color === true) {
    // An explicit --color wins over a NO_COLOR the shell exports (FORCE_COLOR semantics).
    delete env.NO_COLOR;
    env.FORCE_COLOR = '1';
  }
  const reporter = createReporter({
    json: options.json === true,
    verbose: options.verbose === true,
    stdout: io.stdout,
    stderr: io.stderr,
    env,
    root: env.GITHUB_WORKSPACE ?? cwd,
    ...(projectRoot === undefined ? {} : { projectRoot }),
  });
  // One redaction path: a key in the environment is masked in every output from the start,
  // whether or not the command ever uses it (validate echoing an allowSecrets entry, say).
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && SECRET_VARIABLE.test(name)) reporter.addSecret(value);
  const interactive = io.stdinIsTTY && io.stderr.isTTY === true && env.CI === undefined;
  return {
    cwd,
    env,
    ...(fromDotEnv.size > 0 ? { fromDotEnv } : {}),
    reporter,
    loader: projectLoader(io, env, fromDotEnv, signal),
    ...(configPath === undefined ? {} : { configPath }),
    interactive,
    confirm: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        const answer = await rl.question(`${question} [y/N] `, { signal });
        return /^y(es)?$/i.test(answer.trim());
      } finally {
        rl.close();
      }
    },
    now: () => new Date(),
    signal,
  };
}

// --- internal ---

/**
 * Variables whose values are credentials by name: RUNTYPE_API_KEY, any apiKeyEnv, tokens,
 * passwords.
 */
const SECRET_VARIABLE = /(?:^|_)(?:KEY|TOKEN|SECRET|PASSWORD|PASS)$/i;

/** The project root, or undefined when --config is bad (the command itself reports that). */
function findProjectRoot(cwd: string, configPath: string | undefined): string | undefined {
  try {
    return locateProject({ cwd, ...(configPath === undefined ? {} : { configPath }) }).root;
  } catch {
    return undefined;
  }
}

/**
 * `.env` in the project root fills variables that are not already set; it never overrides.
 * Returns the variables and, as data, which of them `.env` filled.
 */
function withDotEnv(
  root: string | undefined,
  env: Record<string, string | undefined>,
): { env: Record<string, string | undefined>; fromDotEnv: Set<string> } {
  const fromDotEnv = new Set<string>();
  if (root === undefined) return { env, fromDotEnv };
  let text: string;
  try {
    text = readFileSync(path.join(root, '.env'), 'utf8');
  } catch {
    return { env, fromDotEnv };
  }
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    fromDotEnv.add(name);
  }
  return { env, fromDotEnv };
}

/**
 * User code runs in a worker thread (the built CLI, always), so this thread
 * can stop a load that never ends — even a synchronous endless loop — and
 * answer Ctrl-C/SIGTERM at once. What user code prints goes to stderr. From
 * TypeScript sources (tests that run main() in-process) no worker can start:
 * there it runs in-thread, fenced by guardUserCode (no endless-loop catch).
 */
function projectLoader(
  io: ProcessIo,
  env: Record<string, string | undefined>,
  fromDotEnv: ReadonlySet<string>,
  signal: AbortSignal,
): ProjectLoader {
  const envDeadline = loadDeadlineFromEnv(env, fromDotEnv);
  const entry = builtWorkerEntry();
  if (entry === undefined)
    return inThreadLoader(
      guardUserCode(createLazyImporter(), (envDeadline ?? DEFAULT_LOAD_DEADLINE).ms),
    );
  return createWorkerLoader(entry, {
    ...(envDeadline ? { envDeadline } : {}),
    userOutput: (text) => io.stderr.write(text),
    signal,
  });
}

/**
 * RUNTYPE_LOAD_TIMEOUT_MS when it is a positive whole number of milliseconds (it beats the
 * config's loadTimeoutMs), named as the shell's or the .env file's.
 */
function loadDeadlineFromEnv(
  env: Record<string, string | undefined>,
  fromDotEnv: ReadonlySet<string>,
): LoadDeadline | undefined {
  const name = 'RUNTYPE_LOAD_TIMEOUT_MS';
  const value = Number(env[name]);
  if (!Number.isInteger(value) || value <= 0) return undefined;
  const from = fromDotEnv.has(name) ? `${name} in .env` : name;
  return { ms: value, from };
}
