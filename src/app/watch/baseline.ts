import type { ChangeOutcome } from '../../apply/outcome.js';
import type { DesiredFlow, Plan } from '../../plan/index.js';

/**
 * The keys a watch cycle must look at, against its baseline (key → content
 * hash the remote holds as of the last good cycle): flows that are new or
 * whose hash changed, and keys that left the code. Everything else is what
 * the remote already holds, and is not even read.
 */
export function changedKeys(
  desired: readonly DesiredFlow[],
  baseline: ReadonlyMap<string, string>,
  only?: readonly string[],
): string[] {
  const keep = only && only.length > 0 ? new Set(only) : undefined;
  const present = new Set(desired.map((d) => d.key));
  const keys = desired.filter((d) => baseline.get(d.key) !== d.hash).map((d) => d.key);
  for (const key of baseline.keys()) if (!present.has(key)) keys.push(key);
  return keys.filter((key) => !keep || keep.has(key)).sort();
}

/**
 * What the remote holds after this cycle. A flow that failed (or was never
 * reached) is left out, so the next cycle tries it again; a refused one
 * (drift) is kept, so it is not refused again until its code changes.
 */
export function nextBaseline(
  previous: ReadonlyMap<string, string> | undefined,
  desired: readonly DesiredFlow[],
  keys: readonly string[] | undefined,
  plan: Plan,
  outcomes: readonly ChangeOutcome[],
): Map<string, string> {
  const next = new Map(keys ? previous : []);
  const planned = keys ? new Set(keys) : undefined;
  for (const d of desired) if (!planned || planned.has(d.key)) next.set(d.key, d.hash);
  const present = new Set(desired.map((d) => d.key));
  for (const key of next.keys()) if (!present.has(key)) next.delete(key);
  const settled = new Set(outcomes.filter((o) => o.status !== 'failed').map((o) => o.key));
  for (const change of plan.changes) if (!settled.has(change.key)) next.delete(change.key);
  return next;
}
