import { DEFAULT_LOCAL_KEY } from '../../emulator/assumptions.js';
import type { EmulatorOptions, startEmulator } from '../../emulator/index.js';
import type { AppContext } from '../context.js';
import type { EmulatorListening } from '../emulator-events.js';

/**
 * `emulator`: serves the local Runtype API in the foreground until `ctx.signal` aborts (Ctrl-C is
 * how it normally ends), then closes it, saving its state. What happens is told as events to
 * `ctx.reporter.emulator` (a failed background save included: it keeps serving and retries).
 * Returns whether all went well: false when it could not start (bad flags, port in use, a corrupt
 * or locked state file) or could not save its state on stop.
 */
export async function runEmulator(ctx: AppContext, options: EmulatorOptions): Promise<boolean> {
  const report = ctx.reporter;
  let emulator;
  try {
    // Loaded here: `--help` and the other commands never pay for the server.
    const { startEmulator } = await import('../../emulator/index.js');
    emulator = await startEmulator({
      ...options,
      onError: (error) => report.emulator({ event: 'error', error, when: 'serving' }),
    });
  } catch (error) {
    report.emulator({ event: 'error', error, when: 'starting' });
    return false;
  }
  report.emulator(listening(emulator, options, emulator.key === DEFAULT_LOCAL_KEY));
  await untilAborted(ctx.signal);
  try {
    await emulator.close();
  } catch (error) {
    report.emulator({ event: 'error', error, when: 'stopping' });
    return false;
  }
  report.emulator({ event: 'stopped' });
  return true;
}

// --- internal ---

type Started = Awaited<ReturnType<typeof startEmulator>>;

function listening(
  emulator: Started,
  options: EmulatorOptions,
  publicKey: boolean,
): EmulatorListening {
  const f = emulator.faults();
  const rates = {
    latencyMs: f.latencyMs,
    latencyJitterMs: f.randomLatencyMs === null ? 0 : f.randomLatencyMs.max,
    errorRate: f.errorRate,
    rateLimitRate: f.rateLimitRate,
    resetRate: f.resetRate,
    commitThenDropRate: f.commitThenDropRate,
  };
  const faults = Object.entries(rates).filter(([, value]) => value > 0);
  return {
    event: 'listening',
    apiUrl: emulator.apiUrl,
    port: Number(new URL(emulator.url).port),
    // The default key is public; a custom one is never shown (DESIGN: keys never appear in output).
    key: publicKey ? emulator.key : null,
    ...(options.statePath === undefined ? {} : { statePath: options.statePath }),
    extraStepTypes: options.extraStepTypes ?? [],
    faults: Object.fromEntries(faults),
    seed: f.seed,
    reading: emulator.reading,
  };
}

/** Resolves when the signal aborts; never without one (the CLI always gives one). */
function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    signal.addEventListener('abort', () => resolve(), { once: true }),
  );
}
