/** Order statistics of a few timings: medians resist the noise of a shared machine. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);
