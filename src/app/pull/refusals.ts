import path from 'node:path';
import type { AppContext } from '../context.js';
import { uncommittedFiles } from './git.js';
import type { PlannedModule } from './render.js';
import type { PullBlocked } from '../results.js';
import { rerunCommand } from '../rerun-command.js';

export interface RefusalOptions {
  force?: boolean;
  allowDirty?: boolean;
  argv?: readonly string[];
}

/**
 * Why this pull must write nothing, if it must not: a module holding work
 * the remote lacks, or a differing value computed in the source (both need
 * `--force`); a module with uncommitted git changes (`--allow-dirty`).
 * Outside a git repository the last cannot be checked: `warnings` says so.
 */
export async function findRefusal(
  ctx: Pick<AppContext, 'reporter'>,
  root: string,
  modules: readonly PlannedModule[],
  options: RefusalOptions,
): Promise<{ blocked?: PullBlocked; warnings: string[] }> {
  const rel = (file: string) => path.relative(root, file);
  const argv = options.argv ?? ['pull'];
  if (!options.force) {
    const computed = modules.filter((m) => m.computed.length > 0);
    if (computed.length > 0) {
      const items = computed.flatMap((m) =>
        m.computed.map((c) => ({
          key: m.key,
          file: rel(m.file),
          detail:
            `${rel(m.file)}:${c.line} ${c.path} ` +
            'is computed in the source and differs from the remote',
        })),
      );
      return {
        blocked: { reason: 'computed', items, rerun: rerunCommand(argv, '--force') },
        warnings: [],
      };
    }
    const differing = modules.filter((m) => m.differs);
    if (differing.length > 0) {
      const items = differing.map((m) => ({
        key: m.key,
        file: rel(m.file),
        detail: m.selection.tracked
          ? 'has changes not synced yet; pulling would overwrite them'
          : 'defines this flow differently and is not tracked yet',
      }));
      return {
        blocked: { reason: 'differs', items, rerun: rerunCommand(argv, '--force') },
        warnings: [],
      };
    }
  }
  const touched = modules
    .filter((m) => m.before !== undefined && m.before !== m.text)
    .map((m) => m.file);
  if (options.allowDirty || touched.length === 0) return { warnings: [] };
  const git = await uncommittedFiles(root, touched);
  if (!git.available)
    return {
      warnings: [
        'not in a git repository (or git is missing): uncommitted changes to the edited ' +
          'files could not be checked',
      ],
    };
  if (git.dirty.size === 0) return { warnings: [] };
  const items = modules
    .filter((m) => git.dirty.has(m.file))
    .map((m) => ({ key: m.key, file: rel(m.file), detail: 'has uncommitted changes' }));
  return {
    blocked: { reason: 'dirty', items, rerun: rerunCommand(argv, '--allow-dirty') },
    warnings: [],
  };
}
