/** Interleaved sampling: the case and its floors take turns, so noise hits both alike. */
import { median } from './stats.js';

export async function sideBySide(
  runs: number,
  measures: Record<string, () => Promise<number>>,
): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = {};
  for (let i = 0; i < runs; i += 1)
    for (const [name, measure] of Object.entries(measures))
      (samples[name] ??= []).push(await measure());
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => [name, median(values)]),
  );
}
