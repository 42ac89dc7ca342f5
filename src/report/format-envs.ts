import type { EnvironmentInfo, EnvsResult } from '../app/results.js';
import type { Colors } from './color.js';
import { EMBEDDED_EMULATOR_LABEL } from '../app/target-label.js';

/** One line per environment: name, marks, where it points, its key variable and lock state. */
export function formatEnvs(result: EnvsResult, colors: Colors): string {
  const width = Math.max(...result.environments.map((e) => e.name.length), 4);
  const lines = result.environments.map((e) => {
    const mark = e.selected ? colors.paint('green', '*') : ' ';
    const flags = [e.default ? 'default' : '', e.publish ? 'publishes' : ''].filter(Boolean);
    const tail = flags.length > 0 ? colors.paint('gray', `  (${flags.join(', ')})`) : '';
    return `${mark} ${e.name.padEnd(width)}  ${where(e, colors)}${tail}`;
  });
  if (result.overrides.length > 0) {
    lines.push(
      '',
      colors.paint(
        'gray',
        `set in this shell: ${result.overrides.join(', ')} (they override the config)`,
      ),
    );
  }
  lines.push(colors.paint('gray', '* used when no --env is given'));
  return lines.join('\n');
}

// --- internal ---

function where(e: EnvironmentInfo, colors: Colors): string {
  if (e.problem !== undefined) return colors.paint('red', e.problem);
  const lock = `lock: ${e.lockFile}`;
  if (e.kind === 'emulator') return `${EMBEDDED_EMULATOR_LABEL}  no key needed  ${lock}`;
  const key = e.keySet
    ? colors.paint('green', `${e.keyEnv} set`)
    : colors.paint('yellow', `${e.keyEnv} not set`);
  return `${e.apiUrl}  ${key}  ${lock}`;
}
