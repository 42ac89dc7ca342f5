import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate within a typo's distance, if any: one edit for short
 * words, two for longer, and separator-insensitive (`transform_data` and
 * `transformdata` are typos of `transform-data`).
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const target = squash(word);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const d = squash(candidate) === target ? 0 : distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(1, Math.min(3, Math.floor(Math.max(word.length, best.length) / 4)));
  return bestDistance <= allowed ? best : undefined;
}
