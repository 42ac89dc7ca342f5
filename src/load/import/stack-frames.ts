import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Frame {
  file: string;
  line: number;
  column: number;
}

/**
 * This package's own code (`src/` when run from source, `dist/` when built): never the user's
 * fault.
 */
const OWN_CODE = [
  path.resolve(import.meta.dirname, '..', '..') + path.sep,
  path.resolve(import.meta.dirname, '..', '..', '..', 'dist') + path.sep,
];

/**
 * The frames of a V8 stack that are the user's code, innermost first: the
 * loader, jiti, node_modules and Node internals are skipped, so a throw in a
 * helper module is placed in that helper, not at the flow's import line.
 */
export function userFrames(stack: string | undefined): Frame[] {
  const out: Frame[] = [];
  for (const line of (stack ?? '').split('\n')) {
    const match = /^\s+at (?:.*? \()?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?$/.exec(line);
    if (!match) continue;
    const [, where = '', row = '', column = ''] = match;
    const file = where.startsWith('file://') ? fileURLToPath(where) : where;
    if (
      file.includes(`${path.sep}node_modules${path.sep}`) ||
      OWN_CODE.some((own) => file.startsWith(own))
    )
      continue;
    out.push({ file, line: Number(row), column: Number(column) });
  }
  return out;
}

/**
 * A SyntaxError from compiling a module (not one thrown by running code) has
 * no frames of its own: V8 puts `<file>:<line>`, the code line and a caret
 * line first. Returns that place with the caret's column (in generated code).
 */
export function compileErrorFrame(error: Error): Frame | undefined {
  if (error.name !== 'SyntaxError') return undefined;
  const [head = '', , caret = ''] = (error.stack ?? '').split('\n');
  const match = /^(\/.+):(\d+)$/.exec(head);
  if (!match || !caret.includes('^')) return undefined;
  return { file: match[1]!, line: Number(match[2]), column: caret.indexOf('^') + 1 };
}
