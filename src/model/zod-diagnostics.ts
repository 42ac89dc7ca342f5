import type { z } from 'zod';
import type { Diagnostic } from './diagnostics.js';
import { friendlyIssue, zodPath } from './zod-message.js';

/**
 * One diagnostic per zod issue, with the issue's path, a plain message and
 * the hint a custom message carries. An unknown key is reported at the key
 * itself (so its line is the key's), several at once at their object.
 */
export function zodIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  where: { file?: string; code: string; flowKey?: string; pathPrefix?: (string | number)[] },
): Diagnostic[] {
  return issues.map((issue) => {
    const { message, hint } = friendlyIssue(issue);
    const path = zodPath(issue);
    if (
      issue.code === 'unrecognized_keys' &&
      issue.keys.length === 1 &&
      issue.keys[0] !== undefined
    )
      path.push(issue.keys[0]);
    return {
      severity: 'error',
      code: where.code,
      message,
      ...(hint === undefined ? {} : { hint }),
      ...(where.file === undefined ? {} : { file: where.file }),
      ...(where.flowKey === undefined ? {} : { flowKey: where.flowKey }),
      path: [...(where.pathPrefix ?? []), ...path],
    };
  });
}
