import { styleText } from 'node:util';

export type Style =
  'red' | 'green' | 'yellow' | 'cyan' | 'gray' | 'bold' | 'dim' | 'magenta' | 'inverse';

export interface Colors {
  enabled: boolean;
  paint(style: Style | Style[], text: string): string;
}

/**
 * The only place colour is decided: any non-empty NO_COLOR disables it,
 * FORCE_COLOR (not "0") enables it, otherwise it follows the stream's TTY-ness.
 */
export function createColors(
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): Colors {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const enabled = !env.NO_COLOR && (forced || isTTY) && env.TERM !== 'dumb';
  return {
    enabled,
    // validateStream off: Node ≥ 20.20 would check process.stdout itself (a pipe: no colour)
    // and defeat --color/FORCE_COLOR; the decision is made above.
    paint: (style, text) => (enabled ? styleText(style, text, { validateStream: false }) : text),
  };
}

export const plainColors: Colors = { enabled: false, paint: (_style, text) => text };
