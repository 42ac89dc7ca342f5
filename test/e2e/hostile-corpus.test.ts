/* eslint-disable vitest/no-conditional-expect, vitest/no-standalone-expect -- a table-driven
   corpus: each row says which checks apply to it, and its own checks run inside its test. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { hostname } from 'node:os';
import path from 'node:path';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { SENTINEL_KEY } from '../helpers/emulator-project.js';
import { createTestProject, flowSource, type TestProject } from '../helpers/project.js';
import { READING, READING_ENV } from '../helpers/reading.js';

/**
 * The hostile-input corpus (issue 12): bad config, lockfiles, user code, servers, secrets,
 * signals and concurrent runs, each through the built CLI (`npm run build` first) as a real
 * child process. Every case asserts its message, its exit code, that the emulator saw no write
 * (where none may happen) and that the lockfile is byte for byte what it was (where nothing
 * may change) — and that the API key never appears in any output. Cases run a few at a time,
 * each against an emulator of its own (in this process: cheap, and its request log is the
 * case's alone); the table is run once (beforeAll) and each row is one test.
 */

const BIN = path.resolve(import.meta.dirname, '../../bin/runtype-flows.mjs');
const PARALLEL = 4;

type Category = 'config' | 'lockfile' | 'flows' | 'api' | 'secrets' | 'signals' | 'concurrency';

interface Case {
  category: Category;
  name: string;
  /** Files over the base project (config for the case's emulator, flows a and b). */
  files?: (ctx: CaseContext) => Record<string, string>;
  /** Before the run: a sync that fills the lockfile, faults, remote state, links. */
  prepare?: (ctx: CaseContext) => Promise<void> | void;
  args: string[];
  env?: (ctx: CaseContext) => Record<string, string>;
  /** Send this signal once the output matches `after` (or after `afterMs`). */
  signal?: {
    name: NodeJS.Signals;
    after?: RegExp;
    /** After `after` matched, wait this long first. */
    delayMs?: number;
    afterMs?: number;
    twice?: boolean;
  };
  /**
   * Its outcome comes from the server's answers (also true of every api and concurrency case):
   * run under both readings of the API document.
   */
  fromServer?: true;
  /** Run this many copies at once (concurrency cases); the first one's result is asserted. */
  also?: (ctx: CaseContext) => Promise<RunResult>;
  expect: {
    code: number | ((code: number | null) => boolean);
    message: RegExp;
    /** The emulator saw no POST/PUT/PATCH/DELETE during the run. */
    noWrites?: boolean;
    /** runtype.lock.json is what it was before the run (or still absent). */
    lockUnchanged?: boolean;
    /** stdout is exactly one JSON document. */
    json?: boolean;
    /** The run ended within this many ms. */
    withinMs?: number;
    /** Not in the output (a raw escape sequence, say). */
    absent?: RegExp;
    /** Custom check on the outcome. */
    check?: (outcome: Outcome, ctx: CaseContext) => void;
  };
}

interface CaseContext {
  emu: Emulator;
  project: TestProject;
  url: string;
  /** A server of the case's own (misbehaving), when it needs one. */
  rawServer?: (handler: Parameters<typeof createServer>[1]) => Promise<string>;
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  writes: string[];
  lockBefore: string | undefined;
  lockAfter: string | undefined;
  other?: RunResult;
}

/** One process's end, before the case's checks of the emulator and the lockfile. */
type RunResult = Omit<Outcome, 'writes' | 'lockBefore' | 'lockAfter' | 'other'>;

// --- the corpus ---

const LOOP = 'while (true) {}\n';
const HANG = 'await new Promise(() => undefined);\n';
const withConfig = (ctx: CaseContext, extra: string) => ({
  'runtype.config.ts': configSource(ctx.url, extra),
});
const synced = async (ctx: CaseContext) => {
  const first = await run(ctx, ['sync', '--yes'], {});
  if (first.code !== 0) throw new Error(`set-up sync failed: ${first.stderr}`);
};

const CASES: Case[] = [
  // config
  {
    category: 'config',
    name: 'a syntax error in the config is named at its line; nothing is read remote',
    files: () => ({ 'runtype.config.ts': 'export default {\n  flows: [,\n' }),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /runtype\.config\.ts:\d+:\d+ .*syntax error/,
      noWrites: true,
      lockUnchanged: true,
    },
  },
  {
    category: 'config',
    name: 'a config without a default export is an error, not the defaults',
    files: () => ({ 'runtype.config.ts': 'export const config = {};\n' }),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /has no default export \(it exports "config"\)/,
      noWrites: true,
      lockUnchanged: true,
    },
  },
  {
    category: 'config',
    name: 'an unknown config field is refused',
    files: (ctx) => withConfig(ctx, 'colour: "red",'),
    args: ['sync', '--yes'],
    expect: { code: 1, message: /CONFIG_INVALID/, noWrites: true, lockUnchanged: true },
  },
  {
    category: 'config',
    name: 'a config that throws while loading is named',
    files: () => ({ 'runtype.config.ts': "throw new Error('config exploded');\n" }),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /runtype\.config\.ts.*config exploded.*CONFIG_LOAD_FAILED/,
      noWrites: true,
      lockUnchanged: true,
    },
  },
  {
    category: 'config',
    name: 'process.exit(0) in the config is an error, never a success exit',
    files: (ctx) => ({
      'runtype.config.ts': `${configSource(ctx.url, '')}\nprocess.exit(0);\n`,
    }),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /process\.exit\(0\) was called while loading/,
      noWrites: true,
      lockUnchanged: true,
    },
  },
  {
    category: 'config',
    name: 'loadTimeoutMs that is not a number is refused',
    files: (ctx) => withConfig(ctx, "loadTimeoutMs: 'fast' as unknown as number,"),
    args: ['validate'],
    expect: { code: 1, message: /loadTimeoutMs/, lockUnchanged: true },
  },
  {
    category: 'config',
    name: 'loadTimeoutMs from the config bounds a slow module, and the message says so',
    files: (ctx) => ({
      ...withConfig(ctx, 'loadTimeoutMs: 2500,'),
      'flows/loop.ts': LOOP,
    }),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message:
        /flows\/loop\.ts did not finish loading within 2500 ms \(loadTimeoutMs in runtype\.config\.ts\)/,
      noWrites: true,
      lockUnchanged: true,
      withinMs: 10_000,
    },
  },
  {
    category: 'config',
    name: 'RUNTYPE_LOAD_TIMEOUT_MS beats loadTimeoutMs in the config, and the message says so',
    files: (ctx) => ({
      ...withConfig(ctx, 'loadTimeoutMs: 60000,'),
      'flows/loop.ts': LOOP,
    }),
    env: () => ({ RUNTYPE_LOAD_TIMEOUT_MS: '2500' }),
    args: ['validate'],
    expect: {
      code: 1,
      message: /flows\/loop\.ts did not finish loading within 2500 ms \(RUNTYPE_LOAD_TIMEOUT_MS\)/,
      withinMs: 20_000,
    },
  },
  {
    category: 'config',
    name: 'defaultEnvironment that is not an environment is refused',
    files: (ctx) => ({
      'runtype.config.ts': configSource(ctx.url, '').replace(
        "defaultEnvironment: 'test'",
        "defaultEnvironment: 'prod'",
      ),
    }),
    args: ['sync', '--yes'],
    expect: { code: 1, message: /defaultEnvironment "prod"/, noWrites: true, lockUnchanged: true },
  },
  {
    category: 'config',
    name: 'a flow glob that leaves the project is refused, naming the glob',
    files: (ctx) => withConfig(ctx, "flows: ['../**/*.ts'],"),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /the flow glob "\.\.\/\*\*\/\*\.ts" leaves the project root/,
      noWrites: true,
      lockUnchanged: true,
    },
  },
  {
    category: 'config',
    name: 'a plain-http URL in the config is refused, naming the config',
    files: (ctx) => ({
      'runtype.config.ts': configSource('http://api.example.com', ''),
      ...(ctx ? {} : {}),
    }),
    args: ['plan'],
    expect: {
      code: 1,
      message: /plain http to api\.example\.com \(environments\.test\.url\)/,
      lockUnchanged: true,
    },
  },

  // lockfile
  {
    category: 'lockfile',
    name: 'a lockfile with git conflict markers changes nothing and is never overwritten',
    prepare: async (ctx) => {
      await synced(ctx);
      const lock = ctx.project.read('runtype.lock.json');
      ctx.project.write('runtype.lock.json', `<<<<<<< HEAD\n${lock}=======\n${lock}>>>>>>> x\n`);
    },
    args: ['sync', '--yes'],
    expect: { code: 1, message: /conflict/i, noWrites: true, lockUnchanged: true },
  },
  {
    category: 'lockfile',
    name: 'a lockfile that is not JSON is an error',
    prepare: (ctx) => void ctx.project.write('runtype.lock.json', '{ this is not json'),
    args: ['sync', '--yes'],
    expect: { code: 1, message: /runtype\.lock\.json/, noWrites: true, lockUnchanged: true },
  },
  {
    category: 'lockfile',
    name: 'a lockfile from a future version asks for an upgrade',
    prepare: (ctx) =>
      void ctx.project.write(
        'runtype.lock.json',
        '{ "lockfileVersion": 99, "environments": {} }\n',
      ),
    args: ['sync', '--yes'],
    expect: { code: 1, message: /version 99|upgrade/i, noWrites: true, lockUnchanged: true },
  },
  {
    category: 'lockfile',
    name: 'a lock entry without an id lists the schema problem with its path',
    prepare: async (ctx) => {
      await synced(ctx);
      const lock = ctx.project.read('runtype.lock.json').replace(/"id": "[^"]+",/, '');
      ctx.project.write('runtype.lock.json', lock);
    },
    args: ['sync', '--yes'],
    expect: { code: 1, message: /id/, noWrites: true, lockUnchanged: true },
  },
  {
    category: 'lockfile',
    name: 'an empty lockfile is an error, not "no flows tracked"',
    prepare: (ctx) => void ctx.project.write('runtype.lock.json', ''),
    args: ['sync', '--yes'],
    expect: { code: 1, message: /runtype\.lock\.json/, noWrites: true, lockUnchanged: true },
  },
  {
    category: 'lockfile',
    name: 'binary garbage in the lockfile is an error',
    prepare: (ctx) => void ctx.project.write('runtype.lock.json', '\u0000\u0001\u0002garbage'),
    args: ['status'],
    expect: { code: 1, message: /runtype\.lock\.json/, noWrites: true, lockUnchanged: true },
  },

  // flows (user code)
  {
    category: 'flows',
    name: 'a synchronous endless loop at import is stopped by the deadline and named',
    files: () => ({ 'flows/loop.ts': LOOP }),
    args: ['sync', '--yes'],
    env: () => ({ RUNTYPE_LOAD_TIMEOUT_MS: '2500' }),
    expect: {
      code: 1,
      message: /flows\/loop\.ts did not finish loading within 2500 ms \(RUNTYPE_LOAD_TIMEOUT_MS\)/,
      noWrites: true,
      lockUnchanged: true,
      withinMs: 10_000,
    },
  },
  {
    category: 'flows',
    name: 'a top-level await that never settles is stopped by the deadline and named',
    files: () => ({ 'flows/hang.ts': HANG }),
    args: ['sync', '--yes'],
    env: () => ({ RUNTYPE_LOAD_TIMEOUT_MS: '2500' }),
    expect: {
      code: 1,
      message: /flows\/hang\.ts did not finish loading within 2500 ms/,
      noWrites: true,
      lockUnchanged: true,
      withinMs: 10_000,
    },
  },
  {
    category: 'flows',
    name: 'process.exit(0) in a flow module is an error naming it, never a success exit',
    files: () => ({ 'flows/quits.ts': `${flowSource('quits', 'Quits')}\nprocess.exit(0);\n` }),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /flows\/quits\.ts:\d+:\d+ .*process\.exit\(0\) was called while loading this module/,
      noWrites: true,
      lockUnchanged: true,
    },
  },
  {
    category: 'flows',
    name: 'process.exit in a helper a flow imports is named at the helper',
    files: () => ({
      'lib/quit.ts': 'process.exit(3);\nexport const x = 1;\n',
      'flows/uses.ts': `import '../lib/quit.js';\n${flowSource('uses', 'Uses')}`,
    }),
    args: ['validate'],
    expect: { code: 1, message: /lib\/quit\.ts:\d+:\d+ .*process\.exit\(3\)/ },
  },
  {
    category: 'flows',
    name: 'what a module prints never reaches the --json document',
    files: () => ({
      'flows/noisy.ts': `console.log('noise from a flow');\nprocess.stdout.write('raw bytes\\n');\n${flowSource('noisy', 'Noisy')}`,
    }),
    args: ['validate', '--json'],
    expect: {
      code: 0,
      message: /"status": "ok"/,
      json: true,
      check: (o) => {
        expect(o.stderr).toContain('noise from a flow');
        expect(o.stdout).not.toContain('noise');
      },
    },
  },
  {
    category: 'flows',
    name: 'a throw from a timer a module started fails the load, never a crash trace',
    files: () => ({
      'flows/timer.ts': `setTimeout(() => { throw new Error('late boom'); }, 0);\nawait new Promise((r) => setTimeout(r, 100));\n${flowSource('timer', 'Timer')}`,
    }),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /Error: late boom was thrown outside any import.*flows\/timer\.ts/,
      noWrites: true,
      lockUnchanged: true,
      absent: /at process\.exit|node:internal/,
    },
  },
  {
    category: 'flows',
    name: 'a syntax error is named at file:line',
    files: () => ({
      'flows/broken.ts':
        "import { defineFlow } from 'runtype-flows';\nexport default defineFlow({ key: 'x', \n",
    }),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /flows\/broken\.ts:\d+:\d+ .*syntax error/,
      noWrites: true,
      lockUnchanged: true,
    },
  },
  {
    category: 'flows',
    name: 'control characters in a flow name are a validation error and never printed raw',
    files: () => ({ 'flows/evil.ts': flowSource('evil', 'Evil\u001b[2J\u0007name') }),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /control character/i,
      noWrites: true,
      lockUnchanged: true,
      absent: /\u001b\[2J|\u0007/,
    },
  },
  {
    category: 'flows',
    name: 'a name of 10,000 characters is flagged before anything is sent',
    files: () => ({ 'flows/long.ts': flowSource('long', 'N'.repeat(10_000)) }),
    args: ['validate'],
    // A limit only the emulator enforces (a guess about the API): a warning, so validate passes.
    expect: { code: 0, message: /255/ },
  },
  {
    category: 'flows',
    name: 'a value nested 5,000 levels deep is one bounded error, never a stack overflow',
    files: () => ({
      'flows/deep.ts': `import { defineFlow, prompt } from 'runtype-flows';
let deep: unknown = 1;
for (let i = 0; i < 5000; i += 1) deep = { a: deep };
export default defineFlow({ key: 'deep', name: 'Deep', steps: [prompt('p', { name: 'P', model: 'm', userPrompt: 'x', responseFormat: deep } as never)] });
`,
    }),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /200 levels|nested/,
      noWrites: true,
      lockUnchanged: true,
      absent: /RangeError|Maximum call stack/,
      check: (o) => expect(o.stdout.length + o.stderr.length).toBeLessThan(20_000),
    },
  },
  {
    category: 'flows',
    name: 'two modules defining the same key are refused',
    files: () => ({ 'flows/dup.ts': flowSource('a', 'Another A') }),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /"?a"? .*(duplicate|more than one|twice|also)/i,
      noWrites: true,
      lockUnchanged: true,
    },
  },
  {
    category: 'flows',
    name: 'a flow file symlinked from outside the project is not imported',
    prepare: (ctx) => {
      const outside = path.join(
        path.dirname(ctx.project.root),
        `outside-${path.basename(ctx.project.root)}.ts`,
      );
      writeFileSync(outside, flowSource('outside', 'Outside'));
      symlinkSync(outside, ctx.project.path('flows/linked.ts'));
    },
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /flows\/linked\.ts is a link to .*outside the project/,
      noWrites: true,
      lockUnchanged: true,
    },
  },
  {
    category: 'flows',
    name: 'a module that throws a non-Error says so',
    files: () => ({ 'flows/str.ts': "throw 'just a string';\n" }),
    args: ['validate'],
    expect: { code: 1, message: /threw "just a string", not an Error/ },
  },
  {
    category: 'flows',
    name: 'a Promise of a flow is a warning, not a silent skip',
    files: () => ({
      'flows/later.ts': `import { defineFlow, prompt } from 'runtype-flows';
export const later = Promise.resolve(defineFlow({ key: 'later', name: 'L', steps: [prompt('p', { name: 'P', model: 'm', userPrompt: 'x' })] }));
`,
    }),
    args: ['validate'],
    expect: { code: 0, message: /is a Promise of a flow/ },
  },

  // api behaviour
  {
    category: 'api',
    name: 'a wrong key (401) names the key variable and the environment; nothing is written',
    args: ['sync', '--yes'],
    env: () => ({ RUNTYPE_API_KEY: 'rt_test_wrong_key_000000' }),
    expect: {
      code: 1,
      message: /RUNTYPE_API_KEY.*test|test.*RUNTYPE_API_KEY/s,
      noWrites: true,
      lockUnchanged: true,
    },
  },
  {
    category: 'api',
    name: 'a 429 asking for 55 s fails at once, saying when to run again',
    prepare: (ctx) =>
      ctx.emu.setFaults({ rateLimitRate: 1, retryAfterSeconds: 55, methods: ['GET'] }),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /asks to wait 55 s, longer than the 30 s/,
      noWrites: true,
      lockUnchanged: true,
      withinMs: 15_000,
    },
  },
  {
    category: 'api',
    name: 'a server that never answers is bounded by requestTimeoutMs, named',
    files: (ctx) => withConfig(ctx, 'requestTimeoutMs: 300,'),
    prepare: (ctx) => ctx.emu.setFaults({ latencyMs: 20_000, methods: ['GET'] }),
    args: ['plan'],
    expect: {
      code: 1,
      message: /did not answer within 300 ms, headers and body/,
      lockUnchanged: true,
      withinMs: 15_000,
    },
  },
  {
    category: 'api',
    name: 'a body that trickles a byte at a time is bounded too',
    files: () => ({}),
    prepare: async (ctx) => {
      const url = await ctx.rawServer!((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => res.write(' '), 100);
        res.on('close', () => clearInterval(timer));
      });
      ctx.project.write('runtype.config.ts', configSource(url, 'requestTimeoutMs: 500,'));
    },
    args: ['plan'],
    expect: {
      code: 1,
      message: /did not answer within 500 ms/,
      lockUnchanged: true,
      withinMs: 15_000,
    },
  },
  {
    category: 'api',
    name: 'a server that always fails (500) is retried a bounded number of times, then reported',
    prepare: (ctx) => ctx.emu.setFaults({ errorRate: 1, methods: ['GET'] }),
    args: ['sync', '--yes'],
    expect: { code: 1, message: /50[03]/, noWrites: true, lockUnchanged: true, withinMs: 30_000 },
  },
  {
    category: 'api',
    name: 'connections reset on every read: reported, nothing written',
    prepare: (ctx) => ctx.emu.setFaults({ resetRate: 1, methods: ['GET'] }),
    args: ['sync', '--yes'],
    expect: {
      code: 1,
      message: /reset|socket|ECONNRESET|closed/i,
      noWrites: true,
      lockUnchanged: true,
      withinMs: 30_000,
    },
  },
  {
    category: 'api',
    name: 'nothing listening on the port: a clear connection error',
    prepare: (ctx) => {
      ctx.project.write('runtype.config.ts', configSource('http://127.0.0.1:9/', ''));
    },
    args: ['plan'],
    expect: { code: 1, message: /127\.0\.0\.1:9|ECONNREFUSED|connect/i, lockUnchanged: true },
  },
  {
    category: 'api',
    name: 'a remote flow name with escape sequences is printed escaped by plan',
    prepare: async (ctx) => {
      await synced(ctx);
      const [flow] = ctx.emu.state.flows();
      ctx.emu.state.update(flow!.id, { name: 'Evil\u001b[2J\u0007\rname' });
    },
    args: ['plan', '--refresh'],
    expect: {
      code: 0, // drift is shown by plan; only --exit-code makes it 2
      message: /Evil/,
      noWrites: true,
      lockUnchanged: true,
      absent: /\u001b\[2J|\u0007/,
    },
  },
  {
    category: 'api',
    name: 'a 404 on updating a tracked flow never creates a duplicate',
    prepare: async (ctx) => {
      await synced(ctx);
      ctx.project.write('flows/a.ts', flowSource('a', 'A', { prompt: 'edited {{topic}}' }));
      const a = ctx.emu.state.flows().find((f) => f.name === 'A');
      ctx.emu.state.delete(a!.id);
    },
    args: ['sync', '--yes'],
    expect: {
      code: (c) => c === 0 || c === 1,
      message: /a/,
      check: (_o, ctx) => {
        const names = ctx.emu.state.flows().map((f) => f.name);
        expect(names.filter((n) => n === 'A').length).toBeLessThanOrEqual(1);
      },
    },
  },

  // secrets
  {
    category: 'secrets',
    name: 'the key listed in allowSecrets is masked in text output',
    files: () => ({ 'flows/k.ts': secretFlow(SENTINEL_KEY) }),
    args: ['validate'],
    expect: { code: 0, message: /✔|valid/ },
  },
  {
    category: 'secrets',
    name: 'the key listed in allowSecrets is masked in --json too',
    files: () => ({ 'flows/k.ts': secretFlow(SENTINEL_KEY) }),
    args: ['validate', '--json'],
    expect: { code: 0, message: /"status": "ok"/, json: true },
  },
  {
    category: 'secrets',
    name: 'a plain-http RUNTYPE_API_URL from .env is refused, naming .env',
    prepare: (ctx) => void ctx.project.write('.env', 'RUNTYPE_API_URL=http://api.example.com\n'),
    args: ['plan'],
    expect: {
      code: 1,
      message: /plain http to api\.example\.com \(RUNTYPE_API_URL in \.env\)/,
      noWrites: true,
      lockUnchanged: true,
    },
  },
  {
    category: 'secrets',
    name: 'a wrong key from .env is masked and its source named',
    prepare: (ctx) => void ctx.project.write('.env', 'RUNTYPE_API_KEY=rt_test_from_dotenv_99999\n'),
    env: () => ({ RUNTYPE_API_KEY: '' }),
    args: ['plan'],
    expect: {
      code: 1,
      message: /RUNTYPE_API_KEY/,
      noWrites: true,
      lockUnchanged: true,
      absent: /rt_test_from_dotenv_99999/,
    },
  },
  {
    category: 'secrets',
    name: 'an unknown environment from RUNTYPE_ENV names the variable',
    env: () => ({ RUNTYPE_ENV: 'nowhere' }),
    args: ['plan'],
    expect: { code: 1, message: /RUNTYPE_ENV/, noWrites: true, lockUnchanged: true },
  },
  {
    category: 'secrets',
    name: 'RUNTYPE_LOAD_TIMEOUT_MS from .env is named as such',
    files: () => ({ 'flows/loop.ts': LOOP }),
    prepare: (ctx) => void ctx.project.write('.env', 'RUNTYPE_LOAD_TIMEOUT_MS=2500\n'),
    args: ['validate'],
    expect: {
      code: 1,
      message:
        /flows\/loop\.ts did not finish loading within 2500 ms \(RUNTYPE_LOAD_TIMEOUT_MS in \.env\)/,
    },
  },

  // signals
  {
    category: 'signals',
    name: 'SIGTERM during a hung load (endless loop) ends the run at once, 130',
    files: () => ({ 'flows/loop.ts': `console.log('hang-start');\n${LOOP}` }),
    args: ['sync', '--yes'],
    signal: { name: 'SIGTERM', after: /hang-start/ },
    expect: {
      code: 130,
      message: /interrupted/,
      noWrites: true,
      lockUnchanged: true,
      withinMs: 6_000,
    },
  },
  {
    category: 'signals',
    name: 'SIGINT during a hung load (never-settling await) ends the run at once, 130',
    files: () => ({ 'flows/hang.ts': `console.log('hang-start');\n${HANG}` }),
    args: ['sync', '--yes'],
    signal: { name: 'SIGINT', after: /hang-start/ },
    expect: {
      code: 130,
      message: /interrupted/,
      noWrites: true,
      lockUnchanged: true,
      withinMs: 6_000,
    },
  },
  {
    category: 'signals',
    name: 'SIGTERM while the server is slow: interrupted, nothing written, lock intact',
    fromServer: true,
    files: () => ({ 'flows/marker.ts': `console.log('loaded-marker');\n${flowSource('m', 'M')}` }),
    prepare: async (ctx) => {
      await synced(ctx);
      ctx.emu.setFaults({ latencyMs: 20_000, methods: ['GET'] });
    },
    args: ['sync', '--yes'],
    // Half a second after the modules loaded: the run is waiting on the server.
    signal: { name: 'SIGTERM', after: /loaded-marker/, delayMs: 500 },
    expect: {
      code: 130,
      message: /interrupted/,
      noWrites: true,
      lockUnchanged: true,
      withinMs: 8_000,
    },
  },
  {
    category: 'signals',
    name: 'a second SIGINT exits at once',
    files: () => ({ 'flows/loop.ts': `console.log('hang-start');\n${LOOP}` }),
    args: ['validate'],
    signal: { name: 'SIGINT', after: /hang-start/, twice: true },
    expect: {
      // 130 from the CLI, or the signal itself when it lands while the process is already ending.
      code: () => true,
      message: /.*/,
      withinMs: 6_000,
      check: (o) => expect(o.code === 130 || o.signal === 'SIGINT').toBe(true),
    },
  },

  // concurrency
  {
    category: 'concurrency',
    name: 'two syncs at once: one runs, the other is refused (LOCK_BUSY), never both writing',
    prepare: (ctx) => ctx.emu.setFaults({ latencyMs: 1500, methods: ['GET'] }),
    args: ['sync', '--yes'],
    also: async (ctx) => {
      await new Promise((r) => setTimeout(r, 400));
      return run(ctx, ['sync', '--yes'], {});
    },
    expect: {
      code: (c) => c === 0 || c === 1,
      message: /.*/,
      check: (o, ctx) => {
        const both = `${o.stderr}${o.other?.stderr ?? ''}`;
        expect(both).toMatch(/LOCK_BUSY|another run|is running/i);
        expect(
          ctx.emu.state
            .flows()
            .map((f) => f.name)
            .sort(),
        ).toEqual(['A', 'B']);
      },
    },
  },
  {
    category: 'concurrency',
    name: 'plan while a sync runs reads and writes nothing of its own',
    prepare: (ctx) => ctx.emu.setFaults({ latencyMs: 800, methods: ['GET'] }),
    args: ['sync', '--yes'],
    also: async (ctx) => {
      await new Promise((r) => setTimeout(r, 300));
      return run(ctx, ['plan'], {});
    },
    expect: {
      code: 0,
      message: /created/,
      check: (o, ctx) => {
        expect(o.other?.code).toBe(0);
        expect(ctx.emu.state.flows()).toHaveLength(2);
      },
    },
  },
  {
    category: 'concurrency',
    name: 'a stale writer lock left by a killed run is taken over',
    prepare: (ctx) => {
      // The pid file of a run that was SIGKILLed: this host, a pid that no longer exists.
      ctx.project.write(
        '.runtype/sync.pid',
        JSON.stringify({
          pid: 2 ** 22 + 7,
          hostname: hostname(),
          startedAt: new Date().toISOString(),
        }),
      );
    },
    args: ['sync', '--yes'],
    expect: {
      code: 0,
      message: /created/,
      check: (_o, ctx) => expect(existsSync(ctx.project.path('.runtype/sync.pid'))).toBe(false),
    },
  },
];

// --- running it ---

/**
 * The cases this run makes. vitest.config.ts runs this file under both readings of the API
 * document; only the cases whose outcome comes from the server's answers (the api and
 * concurrency ones, and those marked `fromServer`) can depend on the reading, so the second
 * reading runs those. The others stop at the config, the lockfile or a flow module (a hung load,
 * a signal during it), before any answer matters.
 */
const FROM_SERVER: ReadonlySet<Category> = new Set(['api', 'concurrency']);
const fromServer = (c: Case) => FROM_SERVER.has(c.category) || c.fromServer === true;
const RUN = READING === 'first' ? CASES : CASES.filter(fromServer);

const results = new Map<string, Outcome | Error>();
const servers: Server[] = [];

beforeAll(async () => {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < RUN.length; i = next++) {
      const c = RUN[i]!;
      results.set(c.name, await runCase(c).catch((e: unknown) => e as Error));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}, 170_000);

afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  for (const ctx of contexts.values()) ctx.project.cleanup();
});

describe('hostile-input corpus', () => {
  it('has at least 40 cases across every category', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const categories = new Set(CASES.map((c) => c.category));
    expect(categories.size).toBe(7);
  });

  it.each(RUN.map((c) => [`${c.category}: ${c.name}`, c] as const))('%s', (_title, c) => {
    const outcome = results.get(c.name);
    if (outcome instanceof Error) throw outcome;
    if (outcome === undefined) throw new Error('not run');
    const output = `${outcome.stdout}${outcome.stderr}`;
    const context = `\n--- output ---\n${output.slice(0, 3000)}`;
    if (typeof c.expect.code === 'number')
      expect(outcome.code, `exit code${context}`).toBe(c.expect.code);
    else expect(c.expect.code(outcome.code), `exit code ${outcome.code}${context}`).toBe(true);
    expect(output, `message${context}`).toMatch(c.expect.message);
    expect(
      output + (outcome.other ? outcome.other.stdout + outcome.other.stderr : ''),
    ).not.toContain(SENTINEL_KEY);
    if (c.expect.noWrites) expect(outcome.writes, `writes${context}`).toEqual([]);
    if (c.expect.lockUnchanged) expect(outcome.lockAfter, 'lockfile').toBe(outcome.lockBefore);
    if (c.expect.json) expect(() => JSON.parse(outcome.stdout) as unknown).not.toThrow();
    if (c.expect.withinMs !== undefined) expect(outcome.ms).toBeLessThan(c.expect.withinMs);
    if (c.expect.absent) expect(output).not.toMatch(c.expect.absent);
    c.expect.check?.(outcome, contexts.get(c.name)!);
  });
});

const contexts = new Map<string, CaseContext>();

async function runCase(c: Case): Promise<Outcome> {
  const emu = await startEmulator({ key: SENTINEL_KEY, reading: READING });
  const project = createTestProject({
    'package.json': '{ "name": "hostile", "private": true, "type": "module" }\n',
    'runtype.config.ts': configSource(emu.url, ''),
    'flows/a.ts': flowSource('a', 'A'),
    'flows/b.ts': flowSource('b', 'B'),
  });
  const ctx: CaseContext = {
    emu,
    project,
    url: emu.url,
    rawServer: async (handler) => {
      const server = createServer(handler);
      servers.push(server);
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const address = server.address();
      return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    },
  };
  contexts.set(c.name, ctx);
  for (const [file, text] of Object.entries(c.files?.(ctx) ?? {})) project.write(file, text);
  await c.prepare?.(ctx);
  emu.clearRequests();
  const lockBefore = readLock(project);
  const [outcome, other] = await Promise.all([
    run(ctx, c.args, c.env?.(ctx) ?? {}, c.signal),
    c.also?.(ctx),
  ]);
  const result: Outcome = {
    ...outcome,
    writes: emu.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`),
    lockBefore,
    lockAfter: readLock(project),
    ...(other ? { other } : {}),
  };
  await emu.close();
  return result;
}

function run(
  ctx: CaseContext,
  args: string[],
  env: Record<string, string>,
  signal?: Case['signal'],
): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ctx.project.root,
      env: {
        PATH: process.env.PATH,
        RUNTYPE_API_KEY: SENTINEL_KEY,
        NO_COLOR: '1',
        CI: '1',
        ...READING_ENV,
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const send = () => {
      if (sent || !signal) return;
      sent = true;
      child.kill(signal.name);
      if (signal.twice) setTimeout(() => child.kill(signal.name), 50);
    };
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (signal?.after?.test(stderr)) setTimeout(send, signal.delayMs ?? 0);
    });
    const timer = signal?.afterMs === undefined ? undefined : setTimeout(send, signal.afterMs);
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code, exitSignal) => {
      clearTimeout(timer);
      clearTimeout(killer);
      resolve({ code, signal: exitSignal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

function readLock(project: TestProject): string | undefined {
  const file = project.path('runtype.lock.json');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function configSource(url: string, extra: string): string {
  return `import { defineConfig } from 'runtype-flows';
export default defineConfig({
  defaultEnvironment: 'test',
  ${extra}
  environments: { test: { url: ${JSON.stringify(url)}, apiKeyEnv: 'RUNTYPE_API_KEY' } },
});
`;
}

function secretFlow(key: string): string {
  return `import { defineFlow, prompt } from 'runtype-flows';
export default defineFlow({
  key: 'k',
  name: 'K',
  allowSecrets: [${JSON.stringify(key)}],
  steps: [prompt('p', { name: 'P', model: 'm', userPrompt: ${JSON.stringify(`token ${key}`)} })],
});
`;
}
