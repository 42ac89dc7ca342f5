/** Flags shared by the commands that talk to an environment. */
export const targetOptions = {
  env: {
    type: 'string',
    describe: 'Environment from runtype.config.ts (default: RUNTYPE_ENV, else the config default)',
  },
  offline: {
    type: 'boolean',
    describe: 'Do not contact the API: compare code with the lock state only',
  },
} as const;

export interface TargetArgs {
  env?: string;
  offline?: boolean;
}
