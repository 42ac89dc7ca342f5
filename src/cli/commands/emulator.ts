import type { Argv } from 'yargs';
import { DEFAULT_LOCAL_KEY } from '../../emulator/assumptions.js';
import type { EmulatorOptions, FaultOptions, Reading } from '../../emulator/index.js';
import { READING_NAMES } from '../../emulator/assumptions.js';
import { READING_ENV_VAR, readingFromEnv } from '../../emulator/readings.js';
import type { CommandParts } from '../command-parts.js';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';

/** Default port of the foreground emulator (the embedded one uses a free port). */
export const DEFAULT_EMULATOR_PORT = 8790;

export interface EmulatorArgs {
  port: number;
  host: string;
  state?: string;
  key: string;
  latency?: number;
  'latency-jitter'?: number;
  'fail-rate'?: number;
  'rate-limit-rate'?: number;
  'retry-after'?: number;
  'reset-rate'?: number;
  'commit-drop-rate'?: number;
  seed?: number;
  /** Step types accepted besides the API's list (repeatable flag). */
  'extra-step-type'?: string[];
  /** The answers to the API document's open points (default: RUNTYPE_EMULATOR_READING, else first). */
  reading?: Reading;
}

export function emulatorOptionsFromArgs(args: EmulatorArgs): EmulatorOptions {
  const faults: FaultOptions = {
    latencyMs: args.latency,
    randomLatencyMs:
      args['latency-jitter'] === undefined ? undefined : { min: 0, max: args['latency-jitter'] },
    errorRate: args['fail-rate'],
    rateLimitRate: args['rate-limit-rate'],
    retryAfterSeconds: args['retry-after'],
    resetRate: args['reset-rate'],
    commitThenDropRate: args['commit-drop-rate'],
    seed: args.seed,
  };
  // Nothing reads the request log of a foreground emulator: keep none.
  const options: EmulatorOptions = {
    port: args.port,
    host: args.host,
    key: args.key,
    faults,
    requestLogLimit: 0,
  };
  if (args.state !== undefined) options.statePath = args.state;
  if (args.reading !== undefined) options.reading = args.reading;
  const extra = args['extra-step-type'];
  if (extra !== undefined && extra.length > 0) options.extraStepTypes = extra.map(String);
  return options;
}

function builder(yargs: Argv<GlobalOptions>): Argv<GlobalOptions & EmulatorArgs> {
  return yargs
    .option('port', {
      type: 'number',
      default: DEFAULT_EMULATOR_PORT,
      describe: 'Port to listen on (0: any free port)',
    })
    .option('host', {
      type: 'string',
      default: '127.0.0.1',
      describe: 'Loopback address to listen on (127.0.0.1, ::1 or localhost; others are refused)',
    })
    .option('state', {
      type: 'string',
      describe: 'JSON file to load and keep the state in (default: memory only)',
    })
    .option('key', {
      type: 'string',
      default: DEFAULT_LOCAL_KEY,
      describe: 'API key the emulator accepts (not a secret)',
    })
    .option('latency', { type: 'number', describe: 'Added latency per request, ms' })
    .option('latency-jitter', {
      type: 'number',
      describe: 'Extra random latency per request, uniformly 0..MS ms (seeded)',
    })
    .option('fail-rate', {
      type: 'number',
      describe: 'Fraction (0..1) of requests answered 500/503',
    })
    .option('rate-limit-rate', {
      type: 'number',
      describe: 'Fraction (0..1) of requests answered 429',
    })
    .option('retry-after', {
      type: 'number',
      describe: 'Retry-After seconds on injected 429s (default 1)',
    })
    .option('reset-rate', {
      type: 'number',
      describe: 'Fraction (0..1) of connections reset without an answer',
    })
    .option('commit-drop-rate', {
      type: 'number',
      describe: 'Fraction (0..1) of writes applied, then dropped before the answer',
    })
    .option('seed', {
      type: 'number',
      describe: 'Seed for the fault PRNG (replays the same faults)',
    })
    .option('reading', {
      type: 'string',
      choices: READING_NAMES,
      describe:
        'How to answer what the API document leaves open: first (default) or second ' +
        '(every such point the other way; see README)',
    })
    .option('extra-step-type', {
      type: 'string',
      array: true,
      describe:
        "Step type to accept besides the API's list (repeatable; like the config's extraStepTypes)",
    });
}

/**
 * `emulator`: the local Runtype API in the foreground. It runs inside the one boundary like
 * every command; Ctrl-C is its normal end (exit 0), a failure to start or to save its state on
 * stop exits 1 (app/emulator/serve.ts reports both as its events).
 */
export function emulatorCommand(
  runtime: CliRuntime,
): CommandParts<GlobalOptions, GlobalOptions & EmulatorArgs> {
  return {
    builder,
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        const { runEmulator } = await import('../../app/emulator/serve.js');
        const options = emulatorOptionsFromArgs(argv);
        // RUNTYPE_EMULATOR_READING is the default of --reading (a testing knob, README).
        options.reading ??= readingFromEnv(ctx.env[READING_ENV_VAR]);
        const ok = await runEmulator(ctx, options);
        return { code: ok ? EXIT.ok : EXIT.error, ctrlCIsNormalEnd: true };
      }),
  };
}
