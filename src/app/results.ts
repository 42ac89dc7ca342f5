import type { Diagnostic } from '../model/diagnostics.js';
import type { ChangeOutcome, OutcomeAction } from '../apply/outcome.js';
import type { Plan } from '../plan/index.js';

// Part of SyncResult's shape: report/ reads every result type from here.
export type { ChangeOutcome } from '../apply/outcome.js';

/** What `validate` found; the JSON document is this plus the envelope. */
export interface ValidateResult {
  command: 'validate';
  ok: boolean;
  root: string;
  configFile?: string;
  files: number;
  flows: { key: string; name: string; file: string; steps: number }[];
  helperModules: string[];
  diagnostics: Diagnostic[];
  /**
   * `validate --remote`: what the server's validator was asked (its findings are in `diagnostics`).
   */
  remote?: {
    environment: string;
    checked: number;
    authenticated: boolean;
    accountChecksPerformed: boolean;
  };
}

export interface InitResult {
  command: 'init';
  ok: boolean;
  root: string;
  created: string[];
  /** Changes made to existing files (package.json's "type" and scripts). */
  updated: string[];
  /** Files and scripts that already existed, left as they were. */
  skipped: string[];
  /** Changes init did not make, for the user to make (e.g. "type": "commonjs" with sources). */
  notes: string[];
  nextSteps: string[];
}

/** Which account a run talks to; never contains the key. */
export interface TargetInfo {
  environment: string;
  kind: 'emulator' | 'remote';
  /** API base URL including /v1. */
  apiUrl: string;
  /** Where the lock state lives, relative to the project root. */
  lockFile: string;
  lockSection: string;
}

export interface PlanResult {
  command: 'plan';
  ok: boolean;
  target: TargetInfo;
  plan: Plan;
  /** Changes exist (what `plan --exit-code` turns into exit 2). */
  pendingChanges: boolean;
  /**
   * Remote flows neither the lock state tracks nor a code flow would adopt (`pull` takes them into
   * code).
   */
  unmanaged?: number;
  /** Those flows (for `status --all`; not part of the plan's JSON document). */
  unmanagedFlows?: { remoteId: string; name: string; lastRunAt: string | null }[];
  diagnostics: Diagnostic[];
}

export interface SyncResult {
  command: 'sync';
  ok: boolean;
  target: TargetInfo;
  dryRun: boolean;
  plan: Plan;
  outcomes: ChangeOutcome[];
  counts: Record<OutcomeAction | 'failed' | 'refused' | 'skipped', number>;
  /**
   * Set when sync held writes back (exit 2): drift without --force (the rest was applied);
   * nothing applied for deletions without --yes, a declined question, or a stale saved plan.
   */
  blocked?: SyncBlocked;
  /** Set when Ctrl-C stopped the run: how many changes were never started. */
  /** Ctrl-C: changes never started, and keys whose request was cut off in flight (not failures). */
  interrupted?: { notStarted: number; cutShort: string[] };
  diagnostics: Diagnostic[];
  durationMs: number;
}

export interface SyncBlocked {
  reason: 'drift' | 'deletions' | 'declined' | 'stale-plan';
  keys: string[];
  /** The command to run next (with --yes or --force; for a stale plan, making it again). */
  rerun: string;
  /** stale-plan: what differs from the saved plan (code of flow X changed, …). */
  differences?: string[];
}

/**
 * `live-behind`: deployed, live version behind the code, where the environment publishes (a
 * change); `draft`: the same where it does not (not a change); `pinned`: a rollback holds the
 * live version (not a change); `live-drift`: the live version was changed outside the tool.
 */
export type FlowState =
  | 'in-sync'
  | 'changed'
  | 'new'
  | 'adoptable'
  | 'live-behind'
  | 'draft'
  | 'pinned'
  | 'drift'
  | 'live-drift'
  | 'missing'
  | 'removed'
  | 'conflict';

/** States that are not pending changes (`status --exit-code` exits 0 with only these). */
export const SETTLED_STATES: readonly FlowState[] = ['in-sync', 'draft', 'pinned'];

export interface StatusResult {
  command: 'status';
  ok: boolean;
  target: TargetInfo;
  flows: { key: string; name: string; state: FlowState; remoteId?: string; file?: string }[];
  /** `status --all`: remote flows the lock state does not track, with when they last ran. */
  unmanaged?: { remoteId: string; name: string; lastRunAt: string | null }[];
  remoteChecked: boolean;
  diagnostics: Diagnostic[];
}

/** `versions KEY`: the flow's versions, newest first. */
export interface VersionsResult {
  command: 'versions';
  ok: boolean;
  target: TargetInfo;
  key: string;
  name: string;
  remoteId: string;
  /** The version live now; null when none is. */
  liveVersionId: string | null;
  /** Whether the code has this key (else no version can match it). */
  inCode: boolean;
  /** A rollback pin that holds (the code unchanged since). */
  pinned?: { versionId: string; versionNumber?: number };
  versions: {
    id: string;
    number: number | null;
    type: string | null;
    createdAt: string | null;
    label: string | null;
    live: boolean;
    /** Its content is the code's (compared on the fields the version carries). */
    matchesCode: boolean;
    /** Whether it holds the code cannot be told (its flowConfig cannot be read): not a match. */
    contentUnknown?: true;
  }[];
}

/** `rollback KEY --to VERSION`. */
export interface RollbackResult {
  command: 'rollback';
  ok: boolean;
  target: TargetInfo;
  key: string;
  name: string;
  remoteId: string;
  /** The version live before (null: none). */
  from: { versionId: string | null; versionNumber: number | null };
  to: { versionId: string; versionNumber: number | null };
  /** False when that version was live already (the pin is recorded all the same). */
  changed: boolean;
  /** Nothing was done: a confirmation is needed (exit 2). */
  blocked?: { reason: 'confirmation'; keys: string[]; rerun: string };
}

/** One remote flow taken into code. */
export interface PulledFlow {
  key: string;
  name: string;
  remoteId: string;
  /** The module, relative to the project root. */
  file: string;
  /**
   * `created`: a new module; `updated`: an existing one edited; `unchanged`: it already held the
   * remote flow.
   */
  action: 'created' | 'updated' | 'unchanged';
  /** `updated`: the values rewritten (`steps[1].config.userPrompt`). */
  changed?: string[];
  /** Defaults filled in, values the code cannot match exactly, a key or file name made distinct. */
  notes: { path: string; message: string }[];
  /** Recorded in the lock state (the next plan shows no change for it). */
  recorded: boolean;
}

/** Why a pull wrote nothing (exit 2), and the command that goes ahead anyway. */
export interface PullBlocked {
  /**
   * `differs`: a module holds work the remote lacks; `computed`: a differing value is computed in
   * the source; `dirty`: uncommitted git changes.
   */
  reason: 'differs' | 'computed' | 'dirty';
  items: { key: string; file: string; detail: string }[];
  rerun: string;
}

export interface PullResult {
  command: 'pull';
  ok: boolean;
  target: TargetInfo;
  dryRun: boolean;
  /** Where new modules go, relative to the project root. */
  outDir: string;
  flows: PulledFlow[];
  /** `pull --all` left these alone: a code flow of that name adopts them on the next sync. */
  skipped: { remoteId: string; name: string; key: string }[];
  /**
   * Several remote flows share a name: pulled as separate keys, but names must be unique in a
   * project.
   */
  duplicateNames: { name: string; keys: string[]; remoteIds: string[] }[];
  blocked?: PullBlocked;
  /** Things the user should know that are not about one flow (no git repository, …). */
  warnings: string[];
  diagnostics: Diagnostic[];
  durationMs: number;
}

/**
 * One environment as `envs` lists it: where it points and whether its key is set (never the key).
 */
export interface EnvironmentInfo {
  name: string;
  kind: 'emulator' | 'remote';
  /** The config's defaultEnvironment. */
  default: boolean;
  /** What a command without --env uses (RUNTYPE_ENV, else the default). */
  selected: boolean;
  /** API base URL with /v1 (after RUNTYPE_API_URL); absent for the embedded emulator. */
  apiUrl?: string;
  /** The variable the key is read from (RUNTYPE_API_KEY when it overrides). */
  keyEnv?: string;
  keySet?: boolean;
  /** Lock state file, relative to the root; `shared` is the committed runtype.lock.json. */
  lockFile: string;
  lockLocation: 'shared' | 'local';
  publish: boolean;
  /** Why the environment cannot be used as configured (e.g. a bad RUNTYPE_API_URL). */
  problem?: string;
}

export interface EnvsResult {
  command: 'envs';
  ok: boolean;
  root: string;
  configFile?: string;
  /** Which variables override remote environments right now. */
  overrides: string[];
  environments: EnvironmentInfo[];
  diagnostics: Diagnostic[];
}

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface DoctorCheck {
  name: 'config' | 'environment' | 'key' | 'api' | 'lock' | 'journal';
  status: CheckStatus;
  message: string;
  hint?: string;
}

export interface DoctorResult {
  command: 'doctor';
  ok: boolean;
  root: string;
  environment?: string;
  checks: DoctorCheck[];
}

export type CommandResult =
  | ValidateResult
  | InitResult
  | PlanResult
  | SyncResult
  | StatusResult
  | PullResult
  | EnvsResult
  | DoctorResult
  | VersionsResult
  | RollbackResult;
