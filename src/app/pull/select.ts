import type { LoadedFlow } from '../../load/index.js';
import { RuntypeError } from '../../errors.js';
import { closestMatch } from '../../model/suggest.js';
import type { LockEntry } from '../../state/index.js';

export interface ListedFlow {
  id: string;
  name: string;
  lastRunAt?: string | null;
}

/** One remote flow to take into code, and where it goes. */
export interface PullSelection {
  remote: ListedFlow;
  /**
   * The flow key it is tracked under (or its code flow's key): absent for a flow new to the code.
   */
  key?: string;
  /** The code flow it goes into, when the code already has one (tracked, or of that name). */
  existing?: LoadedFlow;
  /** The lock entry tracking it, if any. */
  tracked?: LockEntry;
}

export interface SelectionResult {
  selected: PullSelection[];
  /**
   * `pull --all` leaves these alone: a flow in code of that name would adopt them on the next sync.
   */
  skipped: { remoteId: string; name: string; key: string }[];
}

export interface SelectionInput {
  listed: readonly ListedFlow[];
  tracked: ReadonlyMap<string, LockEntry>;
  code: readonly LoadedFlow[];
}

/**
 * Which remote flows a pull takes: `--all` every one the lock state does not
 * track (but those a code flow would adopt by name), or each argument as a
 * tracked key, then a remote id, then an exact remote name (several flows of
 * that name: an error listing them).
 */
export function selectFlows(
  args: readonly string[],
  all: boolean,
  input: SelectionInput,
): SelectionResult {
  const byId = new Map(input.listed.map((f) => [f.id, f]));
  const keyOfId = new Map([...input.tracked].map(([key, entry]) => [entry.id, key]));
  const codeByKey = new Map(input.code.map((f) => [f.flow.key, f]));
  const untrackedCodeByName = new Map(
    input.code.filter((f) => !input.tracked.has(f.flow.key)).map((f) => [f.flow.name, f]),
  );
  const selected = new Map<string, PullSelection>();
  const skipped: SelectionResult['skipped'] = [];

  const take = (remote: ListedFlow, explicit: boolean) => {
    const key = keyOfId.get(remote.id);
    if (key !== undefined) {
      selected.set(remote.id, {
        remote,
        key,
        tracked: input.tracked.get(key)!,
        ...existing(codeByKey.get(key)),
      });
      return;
    }
    const adopter = untrackedCodeByName.get(remote.name);
    if (adopter && !explicit)
      skipped.push({ remoteId: remote.id, name: remote.name, key: adopter.flow.key });
    else
      selected.set(remote.id, {
        remote,
        ...(adopter ? { key: adopter.flow.key, existing: adopter } : {}),
      });
  };

  if (all) for (const remote of input.listed) if (!keyOfId.has(remote.id)) take(remote, false);
  for (const arg of args) take(resolveArgument(arg, input, byId), true);
  return { selected: [...selected.values()], skipped };
}

// --- internal ---

function existing(flow: LoadedFlow | undefined): { existing?: LoadedFlow } {
  return flow ? { existing: flow } : {};
}

function resolveArgument(
  arg: string,
  input: SelectionInput,
  byId: ReadonlyMap<string, ListedFlow>,
): ListedFlow {
  const entry = input.tracked.get(arg);
  if (entry) {
    const remote = byId.get(entry.id);
    if (remote) return remote;
    throw new RuntypeError(
      'PULL_REMOTE_MISSING',
      `the flow tracked as "${arg}" (${entry.id}) no longer exists remotely`,
      {
        hint: 'Nothing to pull: `runtype-flows sync` recreates it from the code.',
      },
    );
  }
  const byIdMatch = byId.get(arg);
  if (byIdMatch) return byIdMatch;
  const named = input.listed.filter((f) => f.name === arg);
  if (named.length === 1) return named[0]!;
  if (named.length > 1) {
    const list = named
      .map((f) => `${f.id}${f.lastRunAt ? ` (last run ${f.lastRunAt})` : ''}`)
      .join(', ');
    throw new RuntypeError(
      'PULL_AMBIGUOUS_NAME',
      `${named.length} remote flows are named "${arg}": ${list}`,
      {
        hint:
          'Pull one by its id (`runtype-flows pull ID`), ' +
          'or rename the others in the dashboard.',
        meta: { name: arg, candidates: named.map((f) => f.id) },
      },
    );
  }
  const suggestion = closestMatch(arg, [
    ...input.tracked.keys(),
    ...input.listed.map((f) => f.name),
  ]);
  throw new RuntypeError(
    'PULL_NOT_FOUND',
    `"${arg}" is neither a tracked flow key, a remote flow id nor a remote flow name`,
    {
      hint: suggestion
        ? `did you mean "${suggestion}"?`
        : '`runtype-flows status --all` lists the remote flows.',
    },
  );
}
