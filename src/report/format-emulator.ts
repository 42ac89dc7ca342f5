import type { EmulatorEvent } from '../app/emulator-events.js';
import { isRuntypeError } from '../errors.js';

/** The human lines of an `emulator` event (all on stderr: stdout is for --json). */
export function formatEmulatorLines(event: EmulatorEvent): string[] {
  switch (event.event) {
    case 'listening': {
      const key =
        event.key === null ? 'the one given with --key' : `${event.key} (local, not a secret)`;
      const faults = Object.entries(event.faults).map(([name, value]) => `${name}=${value}`);
      return [
        `Runtype emulator listening on ${event.apiUrl}  key: ${key}`,
        ...(event.statePath === undefined ? [] : [`  state: ${event.statePath}`]),
        ...(event.extraStepTypes.length > 0
          ? [`  extra step types: ${event.extraStepTypes.join(', ')}`]
          : []),
        ...(faults.length > 0 ? [`  faults: ${faults.join(' ')} seed=${event.seed}`] : []),
        ...(event.reading === 'first'
          ? []
          : [
              `  reading: ${event.reading} (the other answers to what the API document leaves open)`,
            ]),
        '  Ctrl-C to stop',
      ];
    }
    case 'stopped':
      return ['Runtype emulator stopped'];
    case 'error': {
      const what = event.when === 'stopping' ? 'stopped, but ' : '';
      return [`runtype-flows emulator: ${what}${describe(event.error)}`];
    }
  }
}

// --- internal ---

/** The message, and for a RuntypeError its code and hint too. */
function describe(error: unknown): string {
  if (!isRuntypeError(error)) return error instanceof Error ? error.message : String(error);
  const hint = error.hint === undefined ? '' : `\n  hint: ${error.hint}`;
  return `${error.message} [${error.code}]${hint}`;
}
