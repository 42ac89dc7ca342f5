import type { ChangeOutcome } from '../apply/outcome.js';
import type { Plan } from '../plan/index.js';
import type { AppContext } from './context.js';

/** Progress of reading remote flows in full (planning), as every command that plans against the API shows it. */
export function readProgress(ctx: Pick<AppContext, 'reporter'>): (done: number, total: number) => void {
  return (done, total) => ctx.reporter.progress({ phase: 'reading remote flows', done, total });
}

/** Progress of applying a plan, one step per change that does something. */
export function applyProgress(ctx: Pick<AppContext, 'reporter'>, plan: Plan): (outcome: ChangeOutcome) => void {
  const total = plan.changes.filter((c) => c.kind !== 'noop').length;
  let done = 0;
  let failed = 0;
  return (outcome) => {
    if (outcome.kind === 'noop') return; // instant: counting them would run the bar ahead of the work
    done += 1;
    if (outcome.status === 'failed') failed += 1;
    ctx.reporter.progress({ phase: 'sync', done, total, item: `${outcome.action} ${outcome.key}`, failed });
  };
}
