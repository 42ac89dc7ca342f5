/**
 * The command to re-run with one more flag, e.g. `runtype-flows sync --prune --yes`: what every
 * refusal that needs the user's say (deletions, drift, a pull over local work) prints.
 */
export function rerunCommand(argv: readonly string[] | undefined, flag: string): string {
  const args = (argv ?? ['sync']).filter((a) => a !== flag);
  return ['runtype-flows', ...args, flag].join(' ');
}
