import type { AppContext } from './context.js';

/**
 * Progress of reading remote flows in full, as every command that reads them shows it (plan,
 * sync, status, a watch's full cycle, pull).
 */
export function readProgress(
  ctx: Pick<AppContext, 'reporter'>,
): (done: number, total: number) => void {
  return (done, total) => ctx.reporter.progress({ phase: 'reading remote flows', done, total });
}
