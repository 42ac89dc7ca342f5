import type { CommandModule } from 'yargs';

/**
 * What a command module gives: its flags (builder) and its handler. Its name, usage and
 * description come from the command table (command-table.ts).
 */
export type CommandParts<T, U> = Omit<CommandModule<T, U>, 'command' | 'describe'>;
