/** Flags every command accepts; yargs parses them, `buildContext` consumes them. */
export interface GlobalOptions {
  cwd?: string;
  config?: string;
  json?: boolean;
  color?: boolean;
  verbose?: boolean;
}

export const globalOptions = {
  cwd: { type: 'string', describe: 'Run as if started in this directory', global: true },
  config: {
    type: 'string',
    describe: 'Path to runtype.config.ts, relative to --cwd (default: searched from --cwd upward)',
    global: true,
  },
  json: {
    type: 'boolean',
    describe: 'Print one JSON document on stdout; progress and diagnostics go to stderr',
    global: true,
  },
  color: {
    type: 'boolean',
    describe: 'Colour output (--no-color or NO_COLOR=1 to disable)',
    global: true,
  },
  verbose: {
    type: 'boolean',
    alias: 'v',
    describe: 'Explain more: helper modules, requests, retries',
    global: true,
  },
} as const;
