import type { ApiClient } from '../api/index.js';
import { RuntypeError, type JsonValue } from '../errors.js';
import { countBySeverity, hasErrors, type Diagnostic } from '../model/diagnostics.js';
import type { Change, DesiredFlow } from '../plan/index.js';
import type { AppContext } from './context.js';
import { serverDiagnostics, validationIssues } from './server-diagnostics.js';

/** What of a connection the server-side checks use (any 'read-only' or 'write' Connection). */
export interface ServerChecks {
  api: Pick<ApiClient, 'validateFlow'>;
}

/** What the server's own checks (POST /v1/public/flows/validate) made of the flows sent. */
export interface RemoteValidation {
  /** Flows sent. */
  checked: number;
  /** Whether a key went with them (the server then adds account checks, e.g. unknown tool ids). */
  authenticated: boolean;
  /** Whether the server said it performed the account checks. */
  accountChecksPerformed: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Sends each flow's payload (`name` and the steps; nothing is written) to the
 * server's validator, through the connection's bounded concurrency, and maps
 * its errors, warnings and recommendations onto the source.
 */
export async function validateRemotely(
  connection: ServerChecks,
  flows: readonly DesiredFlow[],
  authenticated: boolean,
): Promise<RemoteValidation> {
  let accountChecksPerformed = flows.length > 0;
  const found = await Promise.all(
    flows.map(async (flow) => {
      const result = await connection.api.validateFlow({
        name: flow.payload.name,
        steps: flow.payload.steps,
      });
      if (result.context?.accountChecksPerformed !== true) accountChecksPerformed = false;
      return validationIssues(flow.key, result);
    }),
  );
  const diagnostics = await serverDiagnostics(found.flat(), flows);
  return { checked: flows.length, authenticated, accountChecksPerformed, diagnostics };
}

/**
 * `preflight: true`: the flows a plan is about to write are checked by the
 * server first, so a deploy stops before its first write rather than half
 * way. Errors stop the run (nothing written); warnings are only shown.
 */
export async function preflight(
  ctx: Pick<AppContext, 'reporter'>,
  connection: ServerChecks,
  changes: readonly Change[],
  code: { desired: readonly DesiredFlow[]; root: string },
): Promise<Diagnostic[]> {
  const writing = new Set(changes.filter(writesContent).map((change) => change.key));
  const flows = code.desired.filter((flow) => writing.has(flow.key));
  if (flows.length === 0) return [];
  const { diagnostics } = await validateRemotely(connection, flows, true);
  ctx.reporter.diagnostics(diagnostics, code.root);
  if (hasErrors(diagnostics)) {
    const { error } = countBySeverity(diagnostics);
    throw new RuntypeError(
      'PREFLIGHT_FAILED',
      `The Runtype API's validator found ${error} error(s) in the flows about to be written; ` +
        'nothing was written',
      {
        hint:
          'Fix the problems above, ' +
          'then re-run (`runtype-flows validate --remote` checks them again).',
        meta: { diagnostics: diagnostics as unknown as JsonValue },
      },
    );
  }
  return diagnostics;
}

// --- internal ---

function writesContent(change: Change): boolean {
  if (change.kind === 'adopt') return !change.contentMatches;
  return (
    change.kind === 'create' ||
    change.kind === 'update' ||
    change.kind === 'missing' ||
    change.kind === 'drift'
  );
}
