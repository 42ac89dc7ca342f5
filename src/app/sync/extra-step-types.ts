import { API_STEP_TYPES } from '../../model/step-type-list.js';
import type { DesiredFlow } from '../../plan/index.js';
import type { AppContext } from '../context.js';
import type { Target } from '../target.js';

/**
 * A sync against an emulator environment that writes steps of a type the config adds with
 * `extraStepTypes`: the embedded emulator accepts them (it takes the config's list), the real
 * API answers 400 for any type outside its document. Said once a run, so a local success is not
 * mistaken for a deploy that will work.
 */
export function warnExtraStepTypes(
  ctx: Pick<AppContext, 'reporter'>,
  target: Pick<Target, 'kind' | 'environment'>,
  extraStepTypes: readonly string[],
  desired: readonly DesiredFlow[],
): void {
  if (target.kind !== 'emulator' || extraStepTypes.length === 0) return;
  const known = new Set<string>(API_STEP_TYPES);
  const extra = new Set(extraStepTypes.filter((type) => !known.has(type)));
  const used = new Map<string, string[]>();
  for (const flow of desired) {
    for (const step of flow.payload.steps) {
      if (!extra.has(step.type)) continue;
      used.set(step.type, [...new Set([...(used.get(step.type) ?? []), flow.key])]);
    }
  }
  if (used.size === 0) return;
  const list = [...used].map(([type, keys]) => `${type} (${keys.join(', ')})`).join('; ');
  ctx.reporter.warn(
    `The emulator of environment "${target.environment}" accepts the step types of ` +
      `extraStepTypes, the Runtype API does not: ${list} would be refused (400) by an API ` +
      "whose document does not list them yet. Check the API's list before deploying them.",
  );
}
