import type { Argv, CommandModule } from 'yargs';
import { isRuntypeError } from '../../errors.js';
import { DEFAULT_LOCAL_KEY } from '../../emulator/assumptions.js';
import type { EmulatorOptions, FaultOptions, Reading } from '../../emulator/index.js';
import { READING_NAMES } from '../../emulator/assumptions.js';
import { READING_ENV_VAR, readingFromEnv } from '../../emulator/readings.js';
import { formatEmulatorEvent, type EmulatorEvent } from '../../report/json-emulator.js';

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
  /** The global --json: events as JSON lines on stdout (the human lines stay on stderr). */
  json?: boolean;
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

/**
 * Runs the emulator until `stop` is aborted, then closes it (flushing state). Resolves to an
 * exit code: 0 after a clean stop (Ctrl-C is how it normally ends), 1 when it could not start
 * (bad flags, port in use, a corrupt or locked state file) or could not save its state.
 * Errors are written, not thrown.
 */
export async function serveEmulator(
  args: EmulatorArgs,
  write: (text: string) => void,
  stop: AbortSignal,
  emit: (event: EmulatorEvent) => void = () => {},
): Promise<number> {
  const report = (what: string, error: unknown): void => {
    emit({ event: 'error', error: errorBody(error) });
    write(`runtype-flows emulator: ${what}${describe(error)}\n`);
  };
  let emu;
  try {
    // Loaded here, not at the top: `--help` and other commands never pay for the server.
    const { startEmulator } = await import('../../emulator/index.js');
    // A failed background save is a log line; the emulator keeps serving and retries.
    emu = await startEmulator({
      ...emulatorOptionsFromArgs(args),
      onError: (error) => report('', error),
    });
  } catch (error) {
    report('', error);
    return 1;
  }
  // The default key is public; a custom one is not echoed (DESIGN: keys never appear in output).
  const key =
    emu.key === DEFAULT_LOCAL_KEY ? `${emu.key} (local, not a secret)` : 'the one given with --key';
  const port = Number(new URL(emu.url).port);
  emit({
    event: 'listening',
    url: emu.apiUrl,
    port,
    key: emu.key === DEFAULT_LOCAL_KEY ? emu.key : null,
  });
  write(`Runtype emulator listening on ${emu.apiUrl}  key: ${key}\n`);
  if (args.state !== undefined) write(`  state: ${args.state}\n`);
  if (args['extra-step-type'] !== undefined && args['extra-step-type'].length > 0) {
    write(`  extra step types: ${args['extra-step-type'].join(', ')}\n`);
  }
  if (emu.reading !== 'first') {
    write(`  reading: ${emu.reading} (the other answers to what the API document leaves open)\n`);
  }
  const f = emu.faults();
  const jitter = f.randomLatencyMs === null ? 0 : f.randomLatencyMs.max;
  const rates = {
    latencyMs: f.latencyMs,
    latencyJitterMs: jitter,
    errorRate: f.errorRate,
    rateLimitRate: f.rateLimitRate,
    resetRate: f.resetRate,
    commitThenDropRate: f.commitThenDropRate,
  };
  const active = Object.entries(rates).filter(([, v]) => v > 0);
  if (active.length > 0)
    write(`  faults: ${active.map(([k, v]) => `${k}=${v}`).join(' ')} seed=${f.seed}\n`);
  write('  Ctrl-C to stop\n');
  if (!stop.aborted)
    await new Promise<void>((resolve) =>
      stop.addEventListener('abort', () => resolve(), { once: true }),
    );
  try {
    await emu.close();
  } catch (error) {
    report('stopped, but ', error);
    return 1;
  }
  write('Runtype emulator stopped\n');
  emit({ event: 'stopped' });
  return 0;
}

function builder(yargs: Argv<object>): Argv<EmulatorArgs> {
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

/** What the command needs from main's CliRuntime (structurally compatible with it). */
export interface EmulatorCommandRuntime {
  io: {
    stderr: { write(s: string): unknown };
    stdout?: { write(s: string): unknown };
    /** RUNTYPE_EMULATOR_READING is the default of --reading (a testing knob). */
    env?: Record<string, string | undefined>;
  };
  signal: AbortSignal;
  exitCode: number;
}

export function emulatorCommandFor(
  runtime: EmulatorCommandRuntime,
): CommandModule<object, EmulatorArgs> {
  return {
    command: 'emulator',
    describe: 'Run the local Runtype API emulator in the foreground (Ctrl-C to stop)',
    builder,
    handler: async (argv) => {
      const { stdout, stderr } = runtime.io;
      const emit =
        argv.json === true && stdout
          ? (event: EmulatorEvent) => void stdout.write(formatEmulatorEvent(event))
          : undefined;
      const write = (text: string) => void stderr.write(text);
      let args = argv;
      if (argv.reading === undefined) {
        try {
          args = { ...argv, reading: readingFromEnv(runtime.io.env?.[READING_ENV_VAR]) };
        } catch (error) {
          write(`runtype-flows emulator: ${describe(error)}\n`);
          runtime.exitCode = 1;
          return;
        }
      }
      runtime.exitCode = await serveEmulator(args, write, runtime.signal, emit);
    },
  };
}

// --- internal ---

function errorBody(error: unknown): { code: string; message: string; hint?: string } {
  if (!isRuntypeError(error)) {
    return {
      code: 'EMULATOR_ERROR',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  return {
    code: error.code,
    message: error.message,
    ...(error.hint === undefined ? {} : { hint: error.hint }),
  };
}

/** The message, and for a RuntypeError its code and hint too. */
function describe(error: unknown): string {
  if (!isRuntypeError(error)) return error instanceof Error ? error.message : String(error);
  const hint = error.hint === undefined ? '' : `\n  hint: ${error.hint}`;
  return `${error.message} [${error.code}]${hint}`;
}
