import type { z } from 'zod';
import type { Diagnostic } from './diagnostics.js';
import { friendlyMessage, zodPath } from './zod-message.js';

/** One diagnostic per zod issue, with the issue's path and a plain message. */
export function zodIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  where: { file?: string; code: string; flowKey?: string; pathPrefix?: (string | number)[] },
): Diagnostic[] {
  return issues.map((issue) => ({
    severity: 'error',
    code: where.code,
    message: friendlyMessage(issue),
    ...(where.file === undefined ? {} : { file: where.file }),
    ...(where.flowKey === undefined ? {} : { flowKey: where.flowKey }),
    path: [...(where.pathPrefix ?? []), ...zodPath(issue)],
  }));
}
