import { z } from 'zod';

/**
 * A name is printed by `plan`, `status` and CI logs, and shown in the dashboard: a control
 * character in it (an ESC sequence, BEL, CR, NUL) could clear or spoof a terminal, so it is
 * refused before anything is sent. (Output escapes them too, for names that come from the
 * server.)
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function printableName(): z.ZodString {
  return z.string().refine((value) => !CONTROL.test(value), {
    error: (issue) =>
      `must not contain control characters (found ${describe(String(issue.input))})`,
  });
}

// --- internal ---

function describe(value: string): string {
  const char = CONTROL.exec(value)?.[0] ?? '';
  return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
}
