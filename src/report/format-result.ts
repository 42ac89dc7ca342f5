import type { CommandResult } from '../app/results.js';
import type { Colors } from './color.js';
import { formatDoctor } from './format-doctor.js';
import { formatEnvs } from './format-envs.js';
import { formatInit } from './format-init.js';
import { formatPlan } from './format-plan.js';
import { formatPull } from './format-pull.js';
import { formatRollback } from './format-rollback.js';
import { formatStatus } from './format-status.js';
import { formatSync } from './format-sync.js';
import { formatValidate } from './format-validate.js';
import { formatVersions } from './format-versions.js';

/** Human text for a command's outcome (stdout). */
export function formatResult(result: CommandResult, colors: Colors, verbose: boolean): string {
  switch (result.command) {
    case 'validate':
      return formatValidate(result, colors, verbose);
    case 'init':
      return formatInit(result, colors);
    case 'plan':
      return formatPlan(result, colors, { verbose });
    case 'sync':
      return formatSync(result, colors, { verbose });
    case 'status':
      return formatStatus(result, colors);
    case 'pull':
      return formatPull(result, colors);
    case 'envs':
      return formatEnvs(result, colors);
    case 'doctor':
      return formatDoctor(result, colors);
    case 'versions':
      return formatVersions(result, colors);
    case 'rollback':
      return formatRollback(result, colors);
  }
}
