import type { ApiErrorDetail } from '../api/index.js';
import type { ChangeKind } from '../plan/index.js';

export type OutcomeStatus = 'applied' | 'unchanged' | 'skipped' | 'refused' | 'failed';
/** `published`: only the live version changed (a publish caught up, or a live version put back). */
export type OutcomeAction =
  'created' | 'adopted' | 'updated' | 'recreated' | 'deleted' | 'published' | 'none';

/** What happened to one change during `sync`. */
export interface ChangeOutcome {
  key: string;
  name: string;
  kind: ChangeKind;
  status: OutcomeStatus;
  action: OutcomeAction;
  remoteId?: string;
  published?: boolean;
  /**
   * Publishing found nothing to publish, and nothing documented tells whether the live version
   * holds the code: why. The flow is not recorded as live (the next sync tries again).
   */
  liveUnknown?: string;
  /** The flow in the Runtype dashboard, from the create or update response (when it has one). */
  dashboardUrl?: string;
  /** Why it was skipped or refused (e.g. "drift: use --force"). */
  reason?: string;
  /**
   * `details`: what the server refused and where (a 400's details[]), mapped to source by the app.
   */
  error?: { code: string; message: string; details?: ApiErrorDetail[] };
}
