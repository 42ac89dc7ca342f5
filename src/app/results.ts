import type { Diagnostic } from '../model/diagnostics.js';
import type { ChangeOutcome, OutcomeAction } from '../apply/outcome.js';
import type { Plan } from '../plan/index.js';
import type { DoctorResult } from './doctor.js';
import type { EnvsResult } from './envs.js';

export type { ChangeOutcome, OutcomeAction, OutcomeStatus } from '../apply/outcome.js';

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
  /** `validate --remote`: what the server's validator was asked (its findings are in `diagnostics`). */
  remote?: { environment: string; checked: number; authenticated: boolean; accountChecksPerformed: boolean };
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
  /** Set when sync applied nothing because a confirmation is needed (exit 2). */
  blocked?: { reason: 'drift' | 'deletions'; keys: string[]; rerun: string };
  /** Set when Ctrl-C stopped the run: how many changes were never started. */
  interrupted?: { notStarted: number };
  diagnostics: Diagnostic[];
  durationMs: number;
}

export type FlowState = 'in-sync' | 'changed' | 'new' | 'adoptable' | 'drift' | 'missing' | 'removed' | 'conflict';

export interface StatusResult {
  command: 'status';
  ok: boolean;
  target: TargetInfo;
  flows: { key: string; name: string; state: FlowState; remoteId?: string; file?: string }[];
  remoteChecked: boolean;
  diagnostics: Diagnostic[];
}

export type { DoctorResult } from './doctor.js';
export type { EnvsResult } from './envs.js';

export type CommandResult =
  | ValidateResult
  | InitResult
  | PlanResult
  | SyncResult
  | StatusResult
  | EnvsResult
  | DoctorResult;
