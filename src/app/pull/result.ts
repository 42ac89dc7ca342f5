import type { Diagnostic } from '../../model/diagnostics.js';
import type { TargetInfo } from '../results.js';

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
