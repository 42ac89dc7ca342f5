import { isRuntypeError } from '../../errors.js';
import { hasErrors } from '../../model/diagnostics.js';
import type { Project } from '../../load/index.js';
import { findPendingCreates, lockPaths, readJournal } from '../../state/index.js';
import type { AppContext } from '../context.js';
import type { DoctorCheck, DoctorResult } from '../results.js';
import { connect, type ReadOnlyConnection } from '../connect.js';
import { readProjectConfig } from '../project.js';
import { targetLabel } from '../target-label.js';
import { lockAddress, targetFor, type Target } from '../target.js';

/**
 * `doctor`: can this project deploy? Config, environment and key, one cheap
 * authorised GET, the lock section's URL and the journal. Writes nothing (the
 * embedded emulator is opened read-only); later checks are skipped once one that
 * they need has failed.
 */
export async function runDoctor(
  ctx: AppContext,
  options: { envName?: string },
): Promise<DoctorResult> {
  const checks: DoctorCheck[] = [];
  const { root, configFile, config, diagnostics } = await readProjectConfig(ctx);
  const configError = diagnostics.find((d) => d.severity === 'error');
  checks.push(
    hasErrors(diagnostics)
      ? fail(
          'config',
          configError?.message ?? 'the config is invalid',
          'Run `runtype-flows validate` for details.',
        )
      : {
          name: 'config',
          status: 'ok',
          message: configFile ? `loaded ${configFile}` : 'no config file: defaults',
        },
  );
  let target: Target | undefined;
  if (!hasErrors(diagnostics)) {
    target = attempt(checks, 'environment', () =>
      targetFor(ctx, config, options.envName, { keyOptional: true }),
    );
    if (target) {
      const message = `${target.environment}: ${targetLabel(target)}`;
      checks.push({ name: 'environment', status: 'ok', message });
    }
  }
  if (target) checks.push(keyCheck(target));
  const usable = target && checks.every((c) => c.status !== 'fail') ? target : undefined;
  let connection: ReadOnlyConnection | undefined;
  // Without the lock state: the lock check below reads it on its own (a failure is its own).
  const project = { root, config: { ...config, concurrency: 1 } };
  if (usable) {
    connection = await attemptAsync(checks, 'api', () =>
      connect(ctx, project, usable, 'read-only', { lockState: false }),
    );
  }
  try {
    if (connection && usable) await reachAndLockChecks(ctx, checks, project, usable, connection);
  } finally {
    await connection?.close();
  }
  for (const name of ['environment', 'key', 'api', 'lock', 'journal'] as const) {
    if (!checks.some((c) => c.name === name))
      checks.push({ name, status: 'skip', message: 'not checked: an earlier check failed' });
  }
  const ok = checks.every((c) => c.status !== 'fail');
  return {
    command: 'doctor',
    ok,
    root,
    ...(target ? { environment: target.environment } : {}),
    checks,
  };
}

// --- internal ---

function keyCheck(target: Target): DoctorCheck {
  if (target.kind === 'emulator')
    return { name: 'key', status: 'ok', message: 'the embedded emulator needs no key' };
  if (target.apiKey !== '')
    return { name: 'key', status: 'ok', message: `${target.apiKeyEnv} is set` };
  return fail(
    'key',
    `${target.apiKeyEnv} is not set`,
    `Set ${target.apiKeyEnv} in the environment or in .env.`,
  );
}

async function reachAndLockChecks(
  ctx: AppContext,
  checks: DoctorCheck[],
  project: Pick<Project, 'root' | 'config'>,
  target: Target,
  connection: ReadOnlyConnection,
): Promise<void> {
  const started = ctx.now().getTime();
  const reached = await attemptAsync(checks, 'api', () =>
    connection.api.findFlowsByName('runtype-flows doctor'),
  );
  if (reached === undefined) return;
  const where = targetLabel(connection.info);
  const tookMs = ctx.now().getTime() - started;
  checks.push({
    name: 'api',
    status: 'ok',
    message: `${where}: reachable and authorised (${tookMs} ms)`,
  });
  // The lock state as the next sync reads it; connecting offline reads it and nothing else.
  const state = await attemptAsync(checks, 'lock', () => connect(ctx, project, target, 'offline'));
  if (state === undefined) return;
  checks.push({
    name: 'lock',
    status: 'ok',
    message:
      `section "${target.lockSection}" is bound to this target; ` +
      `${state.lock.entries().size} flow(s) tracked`,
  });
  const { location, section } = lockAddress(project.root, target);
  const journal = await readJournal(lockPaths(project.root, location, section).journal);
  const pending = findPendingCreates(journal.records).length;
  checks.push(
    pending > 0 || journal.tornLines > 0
      ? {
          name: 'journal',
          status: 'warn',
          message:
            `${journal.records.length} record(s) left by an interrupted run ` +
            `(${pending} create(s) in doubt)`,
          hint: 'The next sync folds them in and settles each create by name.',
        }
      : {
          name: 'journal',
          status: 'ok',
          message: journal.exists ? 'no interrupted run left records' : 'empty',
        },
  );
}

function fail(name: DoctorCheck['name'], message: string, hint?: string): DoctorCheck {
  return { name, status: 'fail', message, ...(hint === undefined ? {} : { hint }) };
}

function failed(name: DoctorCheck['name'], error: unknown): DoctorCheck {
  if (isRuntypeError(error)) return fail(name, `${error.message} (${error.code})`, error.hint);
  return fail(name, error instanceof Error ? error.message : String(error));
}

function attempt<T>(
  checks: DoctorCheck[],
  name: DoctorCheck['name'],
  body: () => T,
): T | undefined {
  try {
    return body();
  } catch (error) {
    checks.push(failed(name, error));
    return undefined;
  }
}

async function attemptAsync<T>(
  checks: DoctorCheck[],
  name: DoctorCheck['name'],
  body: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await body();
  } catch (error) {
    checks.push(failed(name, error));
    return undefined;
  }
}
