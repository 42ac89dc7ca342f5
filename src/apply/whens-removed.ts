import { RuntypeError } from '../errors.js';
import type { FlowPayload } from '../plan/index.js';
import type { FlowWriter } from './ports.js';

/**
 * The code removed a step's `when` that the remote had (known only where its steps were read): a
 * PUT leaves `when` out, which the API may take as "keep it" (api/guesses.ts,
 * `put-replaces-steps`). Read the steps back, and fail the flow saying so when it kept one — the
 * document offers no way to clear it.
 */
export async function checkWhensRemoved(
  api: Pick<FlowWriter, 'getFlowSteps'>,
  id: string,
  change: { before?: FlowPayload | undefined; payload: FlowPayload },
): Promise<void> {
  const removed = whensRemoved(change.before, change.payload);
  if (removed.length === 0) return;
  const steps = await api.getFlowSteps(id);
  const kept = steps.data.filter((s) => removed.includes(s.id) && s.when != null).map((s) => s.id);
  if (kept.length === 0) return;
  throw new RuntypeError(
    'WHEN_KEPT',
    `the API kept the \`when\` of step(s) ${kept.join(', ')} although the code has none: ` +
      'a PUT that leaves `when` out does not clear it here',
    {
      hint:
        'remove the condition in the Runtype dashboard (the API document offers no way to ' +
        'clear it), or give the step a `when` in code; everything else of the flow was written',
      meta: { steps: kept },
    },
  );
}

// --- internal ---

function whensRemoved(before: FlowPayload | undefined, code: FlowPayload): string[] {
  if (!before) return [];
  const had = new Set(before.steps.filter((s) => s.when !== undefined).map((s) => s.id));
  return code.steps.filter((s) => s.when === undefined && had.has(s.id)).map((s) => s.id);
}
