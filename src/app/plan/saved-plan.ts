import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { RuntypeError } from '../../errors.js';
import {
  canonicalJson,
  compareChangeRecords,
  SAVED_PLAN_VERSION,
  SavedPlanSchema,
  type ChangeRecord,
  type SavedPlan,
} from '../../plan/index.js';
import { writeFileAtomic } from '../../state/index.js';
import type { LockView } from '../connect.js';
import type { TargetInfo } from '../results.js';
import { VERSION } from '../version.js';

/** What a plan was made from, as `plan --out` records it and `sync --plan` sees it again. */
export interface PlanBasis {
  target: TargetInfo;
  lockStateHash: string;
  options: SavedPlan['options'];
  changes: ChangeRecord[];
}

/**
 * sha256 of an environment's lock state as the planner reads it (entries by
 * key, creates in doubt): another sync in between changes it.
 */
export function lockStateHash(lock: LockView): string {
  const entries = [...lock.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const pending = [...lock.pendingCreates].sort((a, b) => (a.key < b.key ? -1 : 1));
  const text = canonicalJson({ entries, pending });
  return createHash('sha256').update(text).digest('hex');
}

export function savedPlanDocument(basis: PlanBasis, now: Date): SavedPlan {
  const { environment, kind, apiUrl } = basis.target;
  return {
    format: 'runtype-flows-plan',
    version: SAVED_PLAN_VERSION,
    createdAt: now.toISOString(),
    toolVersion: VERSION,
    target: { environment, kind, apiUrl },
    lockStateHash: basis.lockStateHash,
    options: basis.options,
    changes: basis.changes,
  };
}

/** Written whole or not at all: a reviewer (or CI) never reads half a plan. */
export async function writeSavedPlan(file: string, plan: SavedPlan): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(plan, null, 2)}\n`);
}

/** Reads and checks a saved plan; anything but a plan file of this version is refused. */
export async function readSavedPlan(file: string): Promise<SavedPlan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RuntypeError(
      'SAVED_PLAN_UNREADABLE',
      `cannot read the saved plan ${file}: ${reason}`,
      {
        hint: 'Make one with `runtype-flows plan --out FILE`.',
      },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = SavedPlanSchema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { version?: unknown } | undefined)?.version;
    const why =
      version !== undefined && version !== SAVED_PLAN_VERSION
        ? `it is version ${JSON.stringify(version)}; this runtype-flows reads version ${SAVED_PLAN_VERSION}`
        : 'it is not a plan written by `runtype-flows plan --out`';
    throw new RuntypeError('SAVED_PLAN_INVALID', `${file} cannot be applied: ${why}`, {
      hint: 'Make the plan again with this version: `runtype-flows plan --out FILE`.',
    });
  }
  return parsed.data;
}

/**
 * Everything that makes the plan made now other than the saved one: the
 * target, the lock state, the options it was made with, then flow by flow
 * (code changed, remote changed, …). Empty: it is the reviewed plan.
 */
export function savedPlanDifferences(
  saved: SavedPlan,
  now: PlanBasis,
): { messages: string[]; keys: string[] } {
  const out: string[] = [];
  const was = saved.target;
  const is = now.target;
  // An embedded emulator listens on a new port each run: its URL says nothing.
  const urlDiffers = was.kind === 'remote' && is.kind === 'remote' && was.apiUrl !== is.apiUrl;
  if (was.environment !== is.environment || was.kind !== is.kind || urlDiffers) {
    // Another account: its lock state and flows differ too, which would only bury this.
    const message =
      `the plan was made for environment "${was.environment}" (${was.apiUrl}), ` +
      `not "${is.environment}" (${is.apiUrl})`;
    return { messages: [message], keys: [] };
  }
  if (saved.lockStateHash !== now.lockStateHash) {
    out.push(`the lock state of "${is.environment}" changed (another sync ran since?)`);
  }
  if (saved.options.publish !== now.options.publish) {
    out.push(`publishing changed: the plan was made with publish ${String(saved.options.publish)}`);
  }
  const flows = compareChangeRecords(saved.changes, now.changes);
  return { messages: [...out, ...flows.map((d) => d.message)], keys: flows.map((d) => d.key) };
}
