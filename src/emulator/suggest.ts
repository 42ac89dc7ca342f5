/** "Did you mean …?" for a value outside a closed list (step types, query enums). */

/** The allowed value closest to `value` (edit distance), or undefined when none is close. */
export function nearest(value: string, allowed: Iterable<string>): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // Farther than half the word is not a typo any more: naming it would mislead.
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(needle.length / 2))
    ? best
    : undefined;
}

/** The `suggestion` of an INVALID_ENUM detail: the nearest value, then the whole list. */
export function enumSuggestion(value: unknown, allowed: readonly string[]): string {
  const close = typeof value === 'string' ? nearest(value, allowed) : undefined;
  const list = `Allowed: ${allowed.join(', ')}.`;
  return close === undefined ? list : `Did you mean '${close}'? ${list}`;
}

// --- internal ---

/** Levenshtein distance, two rows. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length]!;
}
