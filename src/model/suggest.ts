import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate within a typo's distance, if any: one edit for short
 * words, up to three for long ones; separator- and case-insensitive
 * (`transform_data`, `transformdata` and `Prompt` are typos of known types);
 * and two swapped neighbours count as one edit (`promtp`, `conifg`).
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const target = squash(word);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const other = squash(candidate);
    const d = other === target ? 0 : isOneSwap(target, other) ? 1 : distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(1, Math.min(3, Math.floor(Math.max(word.length, best.length) / 4)));
  return bestDistance <= allowed ? best : undefined;
}

// --- internal ---

function squash(s: string): string {
  return s.toLowerCase().replace(/[-_\s]/g, '');
}

/** `a` is `b` with two adjacent characters swapped (Levenshtein counts that as two edits). */
function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
